/*
** tests/test_theme.c: the venue's look and language (issue 14 item 3).
**
**  - every bundled theme (every .ini in assets/themes) and the built-in default pass
**    WCAG 2 AA: 4.5:1 for every text colour on every background it is drawn
**    on (body, meta, buttons, cards, covers), 3:1 for large text (a cover's
**    year);
**  - theme.file reads a theme at that point (relative to the file naming
**    it), later keys override it, [colours] still works, a logo path is
**    taken relative to its file;
**  - the strings table: every text in every language, values ("%d", "%s")
**    the same in every translation, [strings] overrides checked, dates in
**    each language.
*/
#include "app/config.h"
#include "app/store.h"
#include "app/strings.h"
#include "app/ui.h"
#include "app/ui_chrome.h"
#include "common/util.h"
#include "t.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* WCAG 2 relative luminance and contrast ratio of two 0xRRGGBB colours. */
static double lum(uint32_t c)
{
    double ch[3];
    for (int i = 0; i < 3; i++) {
        double v = (double)((c >> (16 - 8 * i)) & 255) / 255.0;
        ch[i] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static double contrast(uint32_t a, uint32_t b)
{
    double la = lum(a), lb = lum(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static void test_contrast_math(void)
{
    T_OK(fabs(contrast(0x000000, 0xffffff) - 21.0) < 0.01);
    T_OK(fabs(contrast(0x777777, 0xffffff) - 4.48) < 0.01);      /* the known AA near-miss */
    T_OK(fabs(contrast(0x123456, 0x123456) - 1.0) < 1e-9);
}

/* Every pair the screens draw, for one theme. */
static void check_theme(const char *name, const config *c)
{
    static const struct { const char *what; int fg, bg; double min; } pairs[] = {
        /* colours: 0 bg, 1 surface, 2 text, 3 muted, 4 accent */
        { "body text on the background", 2, 0, 4.5 },
        { "meta text on the background", 3, 0, 4.5 },
        { "headline on a card", 2, 1, 4.5 },
        { "meta line on a card", 3, 1, 4.5 },
        { "accent text (dates, labels) on the background", 4, 0, 4.5 },
        { "label on a filled button / the touch prompt", 0, 4, 4.5 },
    };
    uint32_t col[5] = { c->color_bg, c->color_surface, c->color_text, c->color_muted,
                        c->color_accent };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        double r = contrast(col[pairs[i].fg], col[pairs[i].bg]);
        if (r >= pairs[i].min) t_passed++;
        else T_FAIL_("%s: %s %.2f:1 < %.1f:1", name, pairs[i].what, r, pairs[i].min);
    }
    /* the covers: outlet and quote in text, the speaker line, the year */
    screen_ctx ctx = { 0 };
    ctx.cfg = c;
    char outlet[16];
    for (int k = 0; k < 64; k++) {              /* enough outlets to reach every tone */
        snprintf(outlet, sizeof outlet, "Outlet %d", k);
        uint32_t field = ui_cover_tone(&ctx, outlet);
        double rt = contrast(c->color_text, field);
        double rs = contrast(ui_mix(field, c->color_text, UI_COVER_SPEAKER_PCT), field);
        double ry = contrast(ui_mix(field, c->color_text, UI_COVER_YEAR_PCT), field);
        if (rt < 4.5 || rs < 4.5 || ry < 3.0) {
            T_FAIL_("%s: cover tone #%06x: text %.2f, speaker %.2f, year %.2f", name,
                    (unsigned)field, rt, rs, ry);
            return;
        }
    }
    t_passed++;
}

static void test_bundled_themes(void)
{
    config c;
    config_defaults(&c);
    check_theme("built-in default", &c);
    config_free(&c);
    DIR *d = opendir("assets/themes");
    T_OK(d != NULL);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".ini"))
            continue;
        char path[300];
        snprintf(path, sizeof path, "assets/themes/%s", e->d_name);
        config_defaults(&c);
        T_INT(config_load(&c, path), 0);
        T_INT(c.nwarn, 0);
        check_theme(path, &c);
        config_free(&c);
        n++;
    }
    if (d)
        closedir(d);
    T_OK(n >= 2);                               /* two deliberately different looks */
    config a, b;
    config_defaults(&a);
    config_defaults(&b);
    config_load(&a, "assets/themes/night.ini");
    config_load(&b, "assets/themes/paper.ini");
    T_OK(lum(a.color_bg) < 0.05 && lum(b.color_bg) > 0.8);     /* one dark, one light */
    T_OK(a.heading_face != b.heading_face);
    config_free(&a);
    config_free(&b);
}

static char dir[64];

static void put(const char *name, const char *text)
{
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
}

static void test_theme_file(void)
{
    char p[160];
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0755);
    put("sub/look.ini", "[theme]\nbackground = #102030\naccent = #ff8800\nlogo = logo.png\n"
        "title = Harbour Museum\n");
    put("main.ini", "[display]\nlanguage = de\n[theme]\nfile = sub/look.ini\naccent = #00ff00\n"
        "[colours]\ntext = #eeeeee\n");
    config c;
    config_defaults(&c);
    snprintf(p, sizeof p, "%s/main.ini", dir);
    T_INT(config_load(&c, p), 0);
    T_INT(c.nwarn, 0);
    T_INT(c.color_bg, 0x102030);                /* from the theme file */
    T_INT(c.color_accent, 0x00ff00);            /* a later key overrides it */
    T_INT(c.color_text, 0xeeeeee);              /* [colours] keeps working */
    T_STR(c.theme_title, "Harbour Museum");
    char want[160];
    snprintf(want, sizeof want, "%s/sub/logo.png", dir);
    T_STR(c.theme_logo, want);                  /* relative to the theme file */
    T_INT(c.language, STR_DE);
    T_STR(ui_exhibit_title(&c), "Harbour Museum");
    config_free(&c);
    /* a missing theme file, and one that names itself: warnings, no loop */
    put("bad.ini", "[theme]\nfile = nowhere.ini\n");
    put("loop.ini", "[theme]\nfile = loop.ini\n");
    config_defaults(&c);
    snprintf(p, sizeof p, "%s/bad.ini", dir);
    config_load(&c, p);
    T_INT(c.nwarn, 1);
    T_HAS(c.last_warn, "cannot be read");
    config_free(&c);
    config_defaults(&c);
    snprintf(p, sizeof p, "%s/loop.ini", dir);
    config_load(&c, p);
    T_HAS(c.last_warn, "nested too deep");
    T_STR(ui_exhibit_title(&c), "In the news");
    config_free(&c);
}

static void test_strings(void)
{
    for (int l = 0; l < STR_NLANG; l++) {
        str_set_language((str_lang)l);
        int ok = 1;
        for (int i = 0; i < S_COUNT; i++)
            ok &= str((str_id)i) && *str((str_id)i) && *str_key((str_id)i);
        T_OK(ok);
        for (int m = 1; m <= 12; m++)
            T_OK(*str_month(m, 0) && *str_month(m, 1));
        T_STR(str_month(0, 0), "");
        T_STR(str_month(13, 1), "");
    }
    /* keys are unique */
    int dup = 0;
    for (int i = 0; i < S_COUNT; i++)
        for (int j = i + 1; j < S_COUNT; j++)
            dup |= !strcmp(str_key((str_id)i), str_key((str_id)j));
    T_OK(!dup);
    /* every translation takes the values the English one takes: an
    ** override with the translation's text is accepted for each */
    for (int l = 1; l < STR_NLANG; l++) {
        str_set_language((str_lang)l);
        char *copy[S_COUNT];
        for (int i = 0; i < S_COUNT; i++) copy[i] = strdup(str((str_id)i));
        for (int i = 0; i < S_COUNT; i++) {
            if (str_set_override(str_key((str_id)i), copy[i]) != 0)
                T_FAIL_("language %d: %s takes other values than in English", l, str_key((str_id)i));
            else t_passed++;
            free(copy[i]);
        }
        str_clear_overrides();
    }
    str_set_language(STR_EN);
    static const struct { const char *key, *value; int rc; const char *want; } ov[] = {
        { "touch", "Tippen Sie hier", 0, "Tippen Sie hier" },
        { "more_events", "and %d more", 0, "and %d more" },
        { "more_events", "and %s more", -1, "+ %d more events" },       /* wrong type */
        { "more_events", "%d and %d", -1, "+ %d more events" },         /* one too many */
        { "more_events", "%n", -1, "+ %d more events" },
        { "more_events", "%08d more", -1, "+ %d more events" },         /* widths refused */
        { "date_day", "%3$d/%1$d (%2$s)", 0, "%3$d/%1$d (%2$s)" },      /* reordered */
        { "date_day", "%1$d %d %s", -1, "%d %s %d" },                   /* mixed */
        { "photo", "100%% %s", 0, "100%% %s" },
        { "no_such_key", "x", -1, NULL },
    };
    for (size_t i = 0; i < sizeof ov / sizeof ov[0]; i++) {
        str_clear_overrides();
        if (i == 3 || i == 4 || i == 5) str_clear_overrides();
        T_INT(str_set_override(ov[i].key, ov[i].value), ov[i].rc);
        for (int k = 0; ov[i].want && k < S_COUNT; k++)
            if (!strcmp(str_key((str_id)k), ov[i].key))
                T_STR(str((str_id)k), ov[i].want);
    }
    T_INT(str_set_override("touch", ""), 0);    /* "" restores the table's */
    T_STR(str(S_TOUCH), "Touch to explore");
    str_clear_overrides();
    /* [strings] in a config file, with its warning */
    put("s.ini", "[strings]\ntouch = Bitte berühren\nmore_quotes = %s more\n");
    config c;
    config_defaults(&c);
    char p[160];
    snprintf(p, sizeof p, "%s/s.ini", dir);
    config_load(&c, p);
    T_STR(str(S_TOUCH), "Bitte berühren");
    T_INT(c.nwarn, 1);
    T_HAS(c.last_warn, "s.ini:3: [strings] more_quotes");
    config_free(&c);                            /* the overrides go with their config */
    T_STR(str(S_TOUCH), "Touch to explore");
}

/* The opening slide's hook: counts in the language, one in the singular,
** a single year without a range, no voices part without quotes. */
static void test_hook(void)
{
    static const struct { str_lang l; store_overview ov; const char *want; } rows[] = {
        { STR_EN, { 5, 11, 27, 2009, 2020 }, "5 stories  \xc2\xb7  11 voices  \xc2\xb7  2009\xe2\x80\x93" "2020" },
        { STR_EN, { 1, 1, 0, 2020, 2020 }, "1 story  \xc2\xb7  1 voice  \xc2\xb7  2020" },
        { STR_EN, { 2, 0, 0, 0, 0 }, "2 stories" },
        { STR_DE, { 1, 1, 3, 2015, 2016 }, "1 Artikel  \xc2\xb7  1 Stimme  \xc2\xb7  2015\xe2\x80\x93" "2016" },
        { STR_DE, { 4, 3, 3, 2015, 2016 }, "4 Artikel  \xc2\xb7  3 Stimmen  \xc2\xb7  2015\xe2\x80\x93" "2016" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        str_set_language(rows[i].l);
        char got[200], plain[200];
        ui_intro_hook(&rows[i].ov, got, sizeof got);
        size_t o = 0;                           /* no-break spaces as spaces */
        for (const char *p = got; *p && o + 1 < sizeof plain; p++) {
            if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) { plain[o++] = ' '; p++; }
            else plain[o++] = *p;
        }
        plain[o] = 0;
        T_STR(plain, rows[i].want);
    }
    str_set_language(STR_EN);
}

/* Legible across the room: minimum text sizes from the panel's size and
** the viewing distance (25 mm of headline cap height per 3 m, body half),
** never past UI_LEGIBLE_MAX_PCT of the screen-relative size; the fits'
** lower bounds stay the screen's. Unknown size: nothing changes. */
static void test_legible(void)
{
    ui_metrics base, m;
    ui_metrics_physical(0, 0);
    ui_metrics_init(&base, 800, 480);
    ui_metrics_physical(5.25, 2.0);             /* a 7-inch 800x480 panel */
    ui_metrics_init(&m, 800, 480);
    T_INT(ui_px_for_cap_mm(2.5), 18);
    T_INT(m.px_body, base.px_body > 18 ? base.px_body : 18);    /* arm's length: 2.5 mm body */
    T_INT(m.px_head, 36);                       /* 5 mm headline cap */
    T_OK(m.px_meta >= 15 && m.px_small >= 13);  /* the small texts in proportion */
    T_INT(m.min_head, m.px_head);
    ui_metrics_far(&m);                         /* 2 m: 16.7 mm wanted, 160 % at most */
    T_INT(m.px_head, 36 * UI_LEGIBLE_MAX_PCT / 100);
    T_INT(m.min_head, 36);
    ui_metrics_physical(2203.0 / (55 * 25.4), 5.0);     /* a 55-inch 1080p screen from 5 m */
    ui_metrics_init(&base, 1920, 1080);
    m = base;
    T_INT(m.px_body, (int)(0.036f * 1080));     /* arm's length asks less than it has */
    ui_metrics_far(&m);
    T_INT(m.px_head, ui_px_for_cap_mm(25.0 * 5 / 3));
    T_INT(m.px_body, ui_px_for_cap_mm(25.0 * 5 / 3 / 2));
    T_OK(m.px_head > base.px_head && m.px_head <= base.px_head * UI_LEGIBLE_MAX_PCT / 100);
    ui_metrics_physical(0, 0);
    ui_metrics_init(&m, 800, 480);
    ui_metrics_far(&m);
    ui_metrics_init(&base, 800, 480);
    T_INT(m.px_head, base.px_head);
    T_INT(m.px_body, base.px_body);
}

static void test_dates(void)
{
    static const struct { str_lang l; const char *iso, *end, *want; } rows[] = {
        { STR_EN, "2023-05-04", NULL, "4 May 2023" },
        { STR_EN, "2023-05", NULL, "May 2023" },
        { STR_EN, "2015-01", "2015-10", "Jan \xe2\x80\x93 Oct 2015" },
        { STR_DE, "2023-05-04", NULL, "4. Mai 2023" },
        { STR_DE, "2023-03", NULL, "März 2023" },
        { STR_DE, "2015-01", "2015-10", "Jan. \xe2\x80\x93 Okt. 2015" },
        { STR_ZH, "2023-05-04", NULL, "2023年5月4日" },
        { STR_ZH, "2023-05", NULL, "2023年5月" },
        { STR_ZH, "2015-01", "2015-10", "2015年1月 \xe2\x80\x93 2015年10月" },
        { STR_ZH, "2009", NULL, "2009" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        str_set_language(rows[i].l);
        char out[96];
        ui_format_date_range(rows[i].iso, rows[i].end, out, sizeof out);
        T_STR(out, rows[i].want);
    }
    str_set_language(STR_EN);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/vitrine-theme-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    log_set_quiet(1);
    T_RUN(test_contrast_math);
    T_RUN(test_bundled_themes);
    T_RUN(test_theme_file);
    T_RUN(test_strings);
    T_RUN(test_dates);
    T_RUN(test_hook);
    T_RUN(test_legible);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    return T_DONE();
}
