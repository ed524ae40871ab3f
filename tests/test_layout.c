/*
** tests/test_layout.c: layout_ line breaking, runs, alignment, ellipsis,
** line limits and fit, pinned with a fixed-width fake measurer; then a few
** checks with the real bundled fonts through font.c.
**
** The fake: face 0 "latin" has ASCII, Latin-1 spaces, typographic quotes,
** dashes, "…" and combining acute (U+0301); face 1 "cjk" has CJK
** ideographs, CJK punctuation, fullwidth forms and the space. Every char a
** face has is px wide in face 0, 2*px in face 1; spaces px in any face;
** others are 0 wide. Metrics
** at px: ascent 0.8 px, descent 0.2 px, skip 1.2 px. At px 10 a 100 px box
** holds 10 latin chars or 5 ideographs.
*/
#include "app/font.h"
#include "app/layout.h"
#include "app/text.h"
#include "common/util.h"
#include "t.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdlib.h>
#include <time.h>

/* ---- the fake measurer -------------------------------------------------- */

static int fake_chain(void *ctx, int style, int *faces, int max)
{
    (void)ctx; (void)style;
    if (max < 2) return 0;
    faces[0] = 0; faces[1] = 1;
    return 2;
}

static int fake_has(void *ctx, int face, uint32_t cp)
{
    (void)ctx;
    if (face == 0)
        return (cp >= 0x20 && cp < 0x7F) || cp == 0xA0 || cp == 0x2026 ||
               (cp >= 0x2013 && cp <= 0x201D) || cp == 0x301;
    return cp == ' ' || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

static int fake_width(void *ctx, int face, int px, const char *s, size_t n)
{
    int w = 0;
    for (size_t o = 0; o < n;) {
        uint32_t cp;
        o += (size_t)layout_utf8_next(s + o, n - o, &cp);
        if (layout_is_space(cp)) w += px;
        else if (fake_has(ctx, face, cp) && !layout_is_control(cp)) w += face ? 2 * px : px;
    }
    return w;
}

static void fake_metrics(void *ctx, int face, int px, layout_metrics *m)
{
    (void)ctx; (void)face;
    m->ascent = px * 8 / 10; m->descent = px * 2 / 10; m->skip = px * 12 / 10;
}

static const layout_measurer fake = {NULL, fake_chain, fake_has, fake_width, fake_metrics};

/* The fake with kerning across word spaces: a space between two other
** chars of one measured string adds px/3. Words measured alone (as line
** breaking sums them) are as wide as in the fake; a line measured whole is
** wider than its words summed, as real fonts can make it. */
static int kern_width(void *ctx, int face, int px, const char *s, size_t n)
{
    int w = fake_width(ctx, face, px, s, n);
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] == ' ' && s[i - 1] != ' ' && s[i + 1] != ' ') w += px / 3;
    return w;
}

static const layout_measurer kerned = {NULL, fake_chain, fake_has, kern_width, fake_metrics};

/* The kerned fake, counting how often each string length is measured. */
static int counted_len[256];
static int counted_width(void *ctx, int face, int px, const char *s, size_t n)
{
    if (n < sizeof counted_len / sizeof *counted_len) counted_len[n]++;
    return kern_width(ctx, face, px, s, n);
}
static const layout_measurer counted = {NULL, fake_chain, fake_has, counted_width, fake_metrics};

/* Lines joined by "|", the ellipsis run shown as "…". */
static const char *lines_str(const layout_result *r, const char *text)
{
    static char buf[1024];
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < r->n_lines; i++) {
        const layout_line *ln = &r->lines[i];
        if (i) n += (size_t)snprintf(buf + n, sizeof buf - n, "|");
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%.*s", (int)(ln->end - ln->off), text + ln->off);
        for (int k = ln->first_run; k < ln->first_run + ln->n_runs; k++)
            if (r->runs[k].flags & LAYOUT_RUN_ELLIPSIS)
                n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", LAYOUT_ELLIPSIS);
    }
    return buf;
}

static const layout_result *lay(layout *l, const char *text, int box_w, int box_h,
                                int max_lines, layout_align al)
{
    layout_params p = {0, 10, 0, al, max_lines, box_w, box_h};
    return layout_text(l, &fake, text, strlen(text), &p);
}

/* ---- line breaking, one row per rule ------------------------------------ */

static const char *const FOX = "The quick brown fox jumps over the lazy dog";

static void test_breaks(void)
{
    static const struct { const char *text; int box_w; const char *want; } rows[] = {
        /* text                              box_w  lines */
        {"The quick brown fox jumps over the lazy dog", 100,
         "The quick|brown fox|jumps over|the lazy|dog"},        /* "jumps over" is exactly 100 */
        {"The quick brown fox", 0, "The quick brown fox"},      /* unbounded: one line */
        {"ab\ncd", 100, "ab|cd"},                               /* mandatory break */
        {"ab\n\ncd", 100, "ab||cd"},                            /* empty line kept */
        {"ab\r\ncd", 100, "ab|cd"},                             /* CRLF is one break */
        {"ab\n", 100, "ab"},                                    /* final newline: no empty line */
        {"a    b", 30, "a|b"},                                  /* spaces stay at the line end */
        {"abcdefghij   k", 100, "abcdefghij|k"},                /* trailing spaces don't count */
        {"abcdefghijklmnopqrstuvwxy", 100, "abcdefghij|klmnopqrst|uvwxy"},  /* long word */
        {"hi abcdefghijkl", 100, "hi|abcdefghij|kl"},           /* long word starts a new line */
        {"abcdefghi\x65\xCC\x81xyz", 100, "abcdefghi|\x65\xCC\x81xyz"},  /* no split before a mark */
        {"well-known words", 60, "well-|known|words"},          /* break after a hyphen */
        {"\xE6\x96\xB0\xE6\xB5\xAA\xE5\xBE\xAE\xE5\x8D\x9A\xE6\x96\xB0\xE6\xB5\xAA\xE5\xBE\xAE\xE5\x8D\x9A",
         100, "新浪微博新|浪微博"},                             /* between ideographs */
        {"新浪，微博。", 60, "新浪，|微博。"},                  /* no break before CJK comma */
        {"Hello 新浪微博 world", 100, "Hello 新浪|微博 world"}, /* mixed */
        {"“Quoted” – text…", 100, "“Quoted” –|text…"},          /* typographic punctuation */
        {"a\xC2\xA0" "b c", 30, "a\xC2\xA0" "b|c"},            /* no break at NBSP */
    };
    layout *l = layout_create();
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const layout_result *r = lay(l, rows[i].text, rows[i].box_w, 0, 0, LAYOUT_LEFT);
        T_STR(lines_str(r, rows[i].text), rows[i].want);
        T_INT(r->truncated, 0);
        for (int k = 0; k < r->n_lines && rows[i].box_w > 0; k++)
            T_OK(r->lines[k].w <= rows[i].box_w);
    }
    layout_destroy(l);
}

/* Faces, run positions and widths of the mixed row. */
static void test_runs(void)
{
    layout *l = layout_create();
    const char *t = "Hello 新浪微博 world";
    const layout_result *r = lay(l, t, 100, 0, 0, LAYOUT_LEFT);
    T_INT(r->n_lines, 2);
    T_INT(r->lines[0].n_runs, 2);
    const layout_run *a = &r->runs[r->lines[0].first_run];
    T_INT(a[0].face, 0); T_INT(a[0].x, 0); T_INT(a[0].w, 60);   /* "Hello " */
    T_INT(a[1].face, 1); T_INT(a[1].x, 60); T_INT(a[1].w, 40);  /* "新浪" */
    T_INT(r->lines[0].w, 100);
    const layout_run *b = &r->runs[r->lines[1].first_run];
    T_INT(r->lines[1].n_runs, 2);
    T_INT(b[0].face, 1); T_INT(b[0].w, 50);                     /* "微博 " (space stays cjk) */
    T_INT(b[1].face, 0); T_INT(b[1].x, 50); T_INT(b[1].w, 50);  /* "world" */
    T_INT(r->lines[0].baseline, 8);
    T_INT(r->lines[1].baseline, 20);
    T_INT(r->h, 8 + 2 + 12);
    T_INT(r->w, 100);

    /* trailing spaces: not in the width, not in the runs */
    r = lay(l, "ab   ", 100, 0, 0, LAYOUT_LEFT);
    T_INT(r->lines[0].w, 20);
    T_INT(r->w, 20);
    T_INT(r->runs[0].len, 2);

    /* missing and invalid characters: counted, zero width, no new run */
    r = lay(l, "a\xE2\x98\x83" "b", 100, 0, 0, LAYOUT_LEFT);
    T_INT(r->missing, 1); T_INT(r->lines[0].w, 20); T_INT(r->n_runs, 1);
    r = lay(l, "a\xFF" "b", 100, 0, 0, LAYOUT_LEFT);
    T_INT(r->missing, 1); T_INT(r->lines[0].w, 20);
    r = lay(l, "a\xE6\x96", 100, 0, 0, LAYOUT_LEFT);           /* truncated sequence */
    T_INT(r->missing, 2);

    r = lay(l, "", 100, 100, 0, LAYOUT_LEFT);
    T_INT(r->n_lines, 0); T_INT(r->w, 0); T_INT(r->h, 0);

    /* line height */
    layout_params p = {0, 10, 150, LAYOUT_LEFT, 0, 100, 0};
    r = layout_text(l, &fake, "ab\ncd", 5, &p);
    T_INT(r->skip, 18); T_INT(r->lines[1].baseline, 8 + 18); T_INT(r->h, 10 + 18);
    layout_destroy(l);
}

static void test_align(void)
{
    static const struct { const char *text; layout_align al; int x0, x1, w; } rows[] = {
        /* text        align          x line 0, x line 1, result w */
        {"ab",         LAYOUT_LEFT,   0,  0,  20},
        {"ab",         LAYOUT_CENTER, 40, 0,  100},
        {"ab",         LAYOUT_RIGHT,  80, 0,  100},
        {"ab   ",      LAYOUT_CENTER, 40, 0,  100},  /* trailing spaces ignored */
        {"abc\nd",     LAYOUT_CENTER, 35, 45, 100},
        {"abc\nd",     LAYOUT_RIGHT,  70, 90, 100},
        {"abc\nd",     LAYOUT_LEFT,   0,  0,  30},
    };
    layout *l = layout_create();
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const layout_result *r = lay(l, rows[i].text, 100, 0, 0, rows[i].al);
        T_INT(r->lines[0].x, rows[i].x0);
        T_INT(r->runs[r->lines[0].first_run].x, rows[i].x0);
        if (r->n_lines > 1) T_INT(r->lines[1].x, rows[i].x1);
        T_INT(r->w, rows[i].w);
    }
    layout_destroy(l);
}

static void test_ellipsis(void)
{
    static const struct { const char *text; int box_w, box_h, max_lines; const char *want; } rows[] = {
        /* text  box_w  box_h  max_lines  lines */
        {FOX, 100, 0, 2, "The quick|brown fox…"},      /* "…" fits after the line */
        {FOX, 95, 0, 2, "The quick|brown…"},           /* drop "fox" to make room */
        {FOX, 100, 34, 0, "The quick|brown fox|jumps…"},  /* 3 lines fit 34 px */
        {FOX, 100, 33, 0, "The quick|brown fox…"},     /* 2 lines fit 33 px */
        {FOX, 100, 34, 2, "The quick|brown fox…"},     /* max_lines wins */
        {FOX, 100, 9, 0, ""},                          /* not even one line fits */
        {"abcdefghijklmnopqrstuvwxy", 100, 0, 1, "abcdefghi…"},  /* one long word */
        {"ab\ncd\nef", 100, 0, 2, "ab|cd…"},           /* after a mandatory break */
        {"ab   \ncd", 100, 0, 1, "ab…"},               /* trailing spaces dropped */
        {"新浪微博新浪微博", 100, 0, 1, "新浪微博…"},
        {FOX, 5, 0, 1, "T"},                           /* "…" wider than the box: none */
    };
    layout *l = layout_create();
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const layout_result *r = lay(l, rows[i].text, rows[i].box_w, rows[i].box_h,
                                     rows[i].max_lines, LAYOUT_LEFT);
        T_STR(lines_str(r, rows[i].text), rows[i].want);
        T_INT(r->truncated, 1);
        if (rows[i].box_h) T_OK(r->h <= rows[i].box_h);
        T_OK(r->w <= rows[i].box_w);
    }
    /* exactly fitting text is not truncated */
    const layout_result *r = lay(l, FOX, 100, 10 + 4 * 12, 5, LAYOUT_LEFT);
    T_INT(r->truncated, 0); T_INT(r->n_lines, 5); T_INT(r->h, 58);
    layout_destroy(l);
}

/* ---- fit ----------------------------------------------------------------- */

static int fits_at(layout *l, const char *t, int px, int bw, int bh)
{
    layout_params p = {0, px, 0, LAYOUT_LEFT, 0, bw, bh};
    const layout_result *r = layout_text(l, &fake, t, strlen(t), &p);
    return !r->truncated && r->w <= bw && r->h <= bh;
}

/* Does text lay out within q's box (and line limit) at px? */
static int fits_at_p(layout *l, const char *text, int px, const layout_params *q)
{
    return layout_fits(l, &fake, text, strlen(text), q, px);
}

static void test_fit(void)
{
    layout *l = layout_create();
    layout_params p = {0, 0, 0, LAYOUT_LEFT, 0, 100, 34};
    /* the fox at px 10 needs 5 lines (58 px): too tall for 34; px 8 fits */
    int px = layout_fit(l, &fake, FOX, strlen(FOX), &p, 4, 40);
    /* the result of the chosen size stays in the object */
    T_INT(layout_last(l)->truncated, 0);
    T_INT(layout_last(l)->h, 34);       /* 4 lines: 6 + 1 + 3 * 9 */
    T_INT(px, 8);
    T_OK(fits_at(l, FOX, px, 100, 34));
    T_OK(!fits_at(l, FOX, px + 1, 100, 34));

    /* bounds: everything fits -> px_max; nothing fits -> px_min, truncated */
    T_INT(layout_fit(l, &fake, "ab", 2, &p, 4, 12), 12);
    T_INT(layout_fit(l, &fake, FOX, strlen(FOX), &p, 30, 40), 30);
    T_INT(layout_last(l)->truncated, 1);
    T_OK(layout_last(l)->h <= 34);
    T_INT(layout_fit(l, &fake, "ab", 2, &p, 12, 4), 12);       /* swapped bounds */

    /* monotone: a bigger box never gets a smaller size; never overflows */
    int prev = 0, ok = 1, never_over = 1;
    for (int bw = 40; bw <= 400; bw += 7) {
        layout_params q = {0, 0, 0, LAYOUT_CENTER, 0, bw, bw / 2};
        int f = layout_fit(l, &fake, FOX, strlen(FOX), &q, 2, 60);
        const layout_result *r = layout_last(l);
        if (f < prev) ok = 0;
        if (r->w > bw || r->h > bw / 2 || r->truncated) never_over = 0;
        prev = f;
    }
    T_OK(ok);
    T_OK(never_over);

    /* the guess-and-gallop search finds exactly the largest size that fits
    ** (brute force over every size), for boxes of every shape, line limits,
    ** and texts from one word to a paragraph */
    static const char *const texts[] = { "ab", "Supercalifragilistic", FOX,
        "The quick brown fox jumps over the lazy dog, then over the lazy dog again, "
        "and a third time over a dog that is not lazy at all but very patient.",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z" };
    int exact = 1, tried = 0;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
        for (int bw = 20; bw <= 420; bw += 50)
            for (int bh = 8; bh <= 300; bh += 37)
                for (int ml = 0; ml <= 3; ml += 3) {
                    layout_params q = {0, 0, 0, LAYOUT_LEFT, ml, bw, bh};
                    int f = layout_fit(l, &fake, texts[t], strlen(texts[t]), &q, 3, 70);
                    int want = 3;
                    for (int k = 3; k <= 70; k++)
                        if (fits_at_p(l, texts[t], k, &q)) want = k;
                    exact &= f == want;
                    tried++;
                }
    T_OK(exact);
    T_OK(tried > 500);

    /* fit probes sum word widths; where a line measured whole is wider
    ** (kerning across spaces), the answer is still one that fits whole:
    ** the largest, against brute force over full layouts */
    int kexact = 1, kfits = 1;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
        for (int bw = 20; bw <= 420; bw += 50)
            for (int bh = 8; bh <= 300; bh += 37) {
                layout_params q = {0, 0, 0, LAYOUT_LEFT, 0, bw, bh};
                size_t n = strlen(texts[t]);
                int f = layout_fit(l, &kerned, texts[t], n, &q, 3, 70);
                const layout_result *r = layout_last(l);
                int within = !r->truncated;
                for (int i = 0; i < r->n_lines; i++) within &= r->lines[i].w <= bw;
                int want = 3;
                for (int k = 3; k <= 70; k++)
                    if (layout_fits(l, &kerned, texts[t], n, &q, k)) want = k;
                if (want > 3 || layout_fits(l, &kerned, texts[t], n, &q, 3)) kfits &= within;
                kexact &= f == want;
            }
    T_OK(kexact);
    T_OK(kfits);

    /* a wrapped line is measured whole once (end_line), not again for its
    ** run (emit_line), and its run's width is that measurement, kerning
    ** across the spaces included; a line of two faces is measured per run */
    {
        static const char text[] = "aa bb cc dd ee ff gg hh";   /* 3 chars a word */
        layout_params q = {0, 10, 0, LAYOUT_LEFT, 0, 100, 0};   /* 3 words a line */
        memset(counted_len, 0, sizeof counted_len);
        const layout_result *r = layout_text(l, &counted, text, strlen(text), &q);
        T_INT(r->n_lines, 3);
        T_INT(counted_len[8], 2);       /* "aa bb cc", "dd ee ff": once each */
        T_INT(counted_len[5], 1);       /* "gg hh" */
        T_INT(r->runs[0].w, 8 * 10 + 2 * 10 / 3);
        T_INT(r->lines[2].w, 5 * 10 + 10 / 3);
        static const char mixed[] = "aa \xe4\xb8\xad bb";   /* a CJK run inside */
        layout_params wide = q;
        wide.box_w = 200;
        r = layout_text(l, &counted, mixed, strlen(mixed), &wide);
        T_INT(r->n_lines, 1);
        T_OK(r->lines[0].n_runs >= 2);
        int sum = 0;
        for (int k = 0; k < r->lines[0].n_runs; k++) sum += r->runs[r->lines[0].first_run + k].w;
        T_INT(r->lines[0].w, sum);
        T_OK(sum >= 7 * 10);
    }

    /* max_lines counts too */
    layout_params m1 = {0, 0, 0, LAYOUT_LEFT, 1, 200, 0};
    px = layout_fit(l, &fake, FOX, strlen(FOX), &m1, 2, 40);
    T_INT(layout_last(l)->n_lines, 1);
    T_INT(px, 4);               /* 43 chars * 4 px = 172 <= 200; 5 px = 215 */
    layout_destroy(l);
}

/* ---- real fonts ---------------------------------------------------------- */

static const char *real_lines(layout *l, font_lib *f, const char *t, int px, int bw)
{
    layout_params p = {FONT_SANS, px, 0, LAYOUT_LEFT, 0, bw, 0};
    return lines_str(layout_text(l, font_measurer(f), t, strlen(t), &p), t);
}

static void test_real_fonts(void)
{
    font_lib *f = font_lib_create("fonts");
    T_OK(f != NULL);
    if (!f) return;
    layout *l = layout_create();
    const char *t = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs.";
    T_STR(real_lines(l, f, t, 20, 200),
          "The quick brown fox|jumps over the lazy|dog. Pack my box|with five dozen|liquor jugs.");
    T_STR(real_lines(l, f, t, 16, 320),
          "The quick brown fox jumps over the lazy|dog. Pack my box with five dozen liquor|jugs.");
    T_STR(real_lines(l, f, "Facebook Twitter 新浪微博 google plus", 20, 150),
          "Facebook|Twitter 新浪微|博 google plus");

    /* greedy and within the box: each line fits; the next line's first
    ** word would not have fitted on it */
    layout_params p = {FONT_SANS, 18, 0, LAYOUT_LEFT, 0, 260, 0};
    const layout_result *r = layout_text(l, font_measurer(f), t, strlen(t), &p);
    int greedy = 1;
    for (int i = 0; i < r->n_lines; i++) {
        T_OK(r->lines[i].w <= 260);
        if (i + 1 < r->n_lines) {
            const layout_line *a = &r->lines[i], *b = &r->lines[i + 1];
            const char *sp = strchr(t + b->off, ' ');
            size_t e = sp ? (size_t)(sp - t) : b->end;
            /* width of "line + next word" measured as one run */
            char buf[256];
            snprintf(buf, sizeof buf, "%.*s", (int)(e - a->off), t + a->off);
            int w = font_measurer(f)->width(f, FACE_INTER, 18, buf, strlen(buf));
            if (w <= 260) greedy = 0;
        }
    }
    T_OK(greedy);
    T_OK(r->n_lines >= 3);
    T_INT(r->missing, 0);
    layout_destroy(l);
    font_lib_destroy(f);
}

/* Every paragraph of the bundled articles, in every style, at sizes and
** widths from a small label to a 4K headline: no line, measured whole as
** it is drawn, is wider than its box (line breaking decides from words
** measured one by one; a line wider than the sum would be clipped), unless
** it is one cluster that fits nowhere. Fit answers fit whole too. */
static void test_real_never_wider(void)
{
    font_lib *f = font_lib_create("fonts");
    DIR *d = opendir("assets/corpus");
    T_OK(f && d);
    if (!f || !d) { font_lib_destroy(f); if (d) closedir(d); return; }
    layout *l = layout_create();
    static const int sizes[] = {13, 29, 61};
    static const int widths[] = {140, 410, 1250};
    long lines = 0, wider = 0, fits = 0, fit_wider = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !strstr(e->d_name, ".txt")) continue;
        char path[512];
        snprintf(path, sizeof path, "assets/corpus/%s", e->d_name);
        size_t n;
        char *t = t_slurp(path, &n);
        if (!t) continue;
        for (char *para = t; *para;) {
            char *end = strchr(para, '\n');
            size_t len = end ? (size_t)(end - para) : strlen(para);
            for (int st = 0; st < FONT_STYLE_COUNT && len > 0; st++)
                for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
                    for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
                        layout_params p = {st, sizes[z], 0, LAYOUT_LEFT, 0, widths[w], 0};
                        const layout_result *r = layout_text(l, font_measurer(f), para, len, &p);
                        for (int i = 0; i < r->n_lines; i++, lines++)
                            if (r->lines[i].w > widths[w] && r->lines[i].n_runs > 0 &&
                                strchr(para + r->lines[i].off, ' ') < para + r->lines[i].end) {
                                if (wider++ < 5)
                                    T_FAIL_("%s: style %d, %d px, box %d: line %d is %d px: \"%.*s\"",
                                            path, st, sizes[z], widths[w], i, r->lines[i].w,
                                            (int)(r->lines[i].end - r->lines[i].off), para + r->lines[i].off);
                            }
                    }
                    if (w != 1) continue;           /* fit: the middle width */
                    layout_params q = {st, 0, 0, LAYOUT_LEFT, 0, widths[w], widths[w] / 2};
                    int px = layout_fit(l, font_measurer(f), para, len, &q, 10, 90);
                    const layout_result *r = layout_last(l);
                    fits++;
                    for (int i = 0; i < r->n_lines; i++)
                        if (r->lines[i].w > widths[w] && px > 10) fit_wider++;
                }
            para = end ? end + 1 : para + len;
        }
        free(t);
    }
    closedir(d);
    T_OK(lines > 5000);
    T_INT(wider, 0);
    T_OK(fits > 50);
    T_INT(fit_wider, 0);
    layout_destroy(l);
    font_lib_destroy(f);
}

/* ---- timing: a text-heavy screen ----------------------------------------- */

static void bench(void)
{
    font_lib *f = font_lib_create("fonts");
    if (!f) return;
    sbuf b = {0};
    while (b.len < 1500)
        sbuf_adds(&b, "China warns of \xE2\x80\x98" "double standard\xE2\x80\x99 in protecting "
                      "country\xE2\x80\x99s cyber security \xE2\x80\x93 新浪微博 reports. ");
    layout *l = layout_create();
    static const int sizes[] = {18, 24, 36};
    layout_params p = {FONT_SANS, 0, 0, LAYOUT_LEFT, 0, 900, 0};
    /* warm the font cache (first TTF_OpenFont per size is not layout) */
    for (int i = 0; i < 3; i++) { p.px = sizes[i]; layout_text(l, font_measurer(f), b.s, b.len, &p); }
    struct timespec t0, t1;
    const int reps = 20;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int k = 0; k < reps; k++)
        for (int i = 0; i < 3; i++) {
            p.px = sizes[i];
            layout_text(l, font_measurer(f), b.s, b.len, &p);
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / reps;
    printf("layout: %zu bytes at 3 sizes (18/24/36 px, 900 px wide): %.2f ms\n", b.len, ms);
    sbuf_free(&b);
    layout_destroy(l);
    font_lib_destroy(f);
}

int main(int argc, char **argv)
{
    T_RUN(test_breaks);
    T_RUN(test_runs);
    T_RUN(test_align);
    T_RUN(test_ellipsis);
    T_RUN(test_fit);
    if (TTF_Init() != 0) { T_FAIL_("TTF_Init: %s", TTF_GetError()); return T_DONE(); }
    T_RUN(test_real_fonts);
    T_RUN(test_real_never_wider);
    if (argc > 1 && strcmp(argv[1], "--bench") == 0) bench();
    TTF_Quit();
    return T_DONE();
}
