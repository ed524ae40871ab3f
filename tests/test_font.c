/*
** tests/test_font.c: font_ faces, fallback chains, coverage of the bundled
** corpus, run sanitising and the TTF_Font cache. Needs TTF_Init only (no
** video). Run from the repository root (fonts/, assets/corpus/).
*/
#include "app/font.h"
#include "app/layout.h"
#include "common/util.h"
#include "t.h"

#include <SDL_ttf.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

static font_lib *F;


/* Every character of every bundled article has a glyph in some face of
** every style's chain. Invalid UTF-8 bytes are skipped, as are controls
** (never drawn). */
static void test_corpus_coverage(void)
{
    DIR *d = opendir("assets/corpus");
    T_OK(d != NULL);
    if (!d) return;
    struct dirent *e;
    int files = 0;
    long chars = 0, non_ascii = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "assets/corpus/%s", e->d_name);
        size_t n;
        char *s = t_slurp(path, &n);
        if (!s) continue;
        files++;
        for (size_t o = 0; o < n;) {
            uint32_t cp;
            int k = layout_utf8_next(s + o, n - o, &cp);
            o += (size_t)k;
            if ((k == 1 && cp >= 0x80) || layout_is_control(cp)) continue;
            chars++;
            if (cp >= 0x80) non_ascii++;
            for (int st = 0; st < FONT_STYLE_COUNT; st++)
                if (font_face_for(F, (font_style)st, cp) < 0)
                    T_FAIL_("%s: U+%04X has no glyph in style %d", path, (unsigned)cp, st);
        }
        free(s);
    }
    closedir(d);
    T_OK(files >= 1);
    T_OK(chars > 1000);
    T_OK(non_ascii > 0);    /* the check saw more than ASCII */
    t_passed++;             /* the loop above only counts failures */
}

static void test_fallback(void)
{
    static const struct { const char *text; font_style st; int face; } rows[] = {
        /* text       style              face that must draw it */
        {"A",          FONT_SANS,         FACE_INTER},
        {"A",          FONT_SANS_BOLD,    FACE_INTER_SEMIBOLD},
        {"A",          FONT_SERIF,        FACE_SERIF},
        {"A",          FONT_SERIF_ITALIC, FACE_SERIF_ITALIC},
        {"新",         FONT_SANS,         FACE_CJK},
        {"浪",         FONT_SANS,         FACE_CJK},
        {"微",         FONT_SERIF,        FACE_CJK},
        {"博",         FONT_SANS_BOLD,    FACE_CJK},
        {"，",         FONT_SANS,         FACE_CJK},     /* fullwidth comma */
        {"\xE2\x80\x98", FONT_SANS,       FACE_INTER},   /* ‘ */
        {"\xE2\x80\x99", FONT_SANS,       FACE_INTER},   /* ’ */
        {"\xE2\x80\x9C", FONT_SANS,       FACE_INTER},   /* “ */
        {"\xE2\x80\x9D", FONT_SANS,       FACE_INTER},   /* ” */
        {"\xE2\x80\x93", FONT_SANS,       FACE_INTER},   /* – */
        {"\xE2\x80\xA6", FONT_SANS,       FACE_INTER},   /* … */
        {"\xE2\x80\x9C", FONT_SERIF,      FACE_SERIF},
        {"\xE2\x80\x99", FONT_SERIF_ITALIC, FACE_SERIF_ITALIC},
        {"\xE2\x80\xA6", FONT_SERIF,      FACE_SERIF},
        {"\xE2\x80\xA2", FONT_SANS,       FACE_INTER},   /* • */
        {"é",          FONT_SANS,         FACE_INTER},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        uint32_t cp;
        layout_utf8_next(rows[i].text, strlen(rows[i].text), &cp);
        T_INT(font_face_for(F, rows[i].st, cp), rows[i].face);
    }
    /* a noncharacter no face has */
    T_INT(font_face_for(F, FONT_SANS, 0x10FFFD), -1);
    T_INT(font_has(F, FACE_INTER, 0x65B0), 0);      /* 新 is not in Inter */
    T_INT(font_has(F, FACE_COUNT, 'A'), 0);         /* bad face */

    int faces[8];
    T_INT(font_chain(FONT_SANS, faces, 8), 3);
    T_INT(faces[0], FACE_INTER);
    T_INT(faces[2], FACE_CJK);
    T_INT(font_chain(FONT_SERIF_ITALIC, faces, 2), 2);   /* max respected */
}

static void test_run_text(void)
{
    static const struct { int face; const char *in, *want; } rows[] = {
        /* face         input                            drawn as */
        {FACE_INTER, "abc",                              "abc"},
        {FACE_INTER, "a\tb",                             "a b"},          /* tab: a space */
        {FACE_INTER, "a\nb\r",                           "ab"},           /* controls dropped */
        {FACE_INTER, "a\xF4\x8F\xBF\xBD" "b",            "ab"},           /* no glyph: nothing */
        {FACE_INTER, "a\xFF" "b",                        "ab"},           /* invalid byte */
        {FACE_INTER, "a新b",                             "ab"},           /* not in this face */
        {FACE_CJK,   "新浪",                             "新浪"},
        {FACE_INTER, "\xE2\x80\x9CHi\xE2\x80\x9D",       "\xE2\x80\x9CHi\xE2\x80\x9D"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        T_STR(font_run_text(F, rows[i].face, rows[i].in, strlen(rows[i].in)), rows[i].want);
}

static void test_measurer(void)
{
    const layout_measurer *m = font_measurer(F);
    int w_a = m->width(m->ctx, FACE_INTER, 20, "a", 1);
    int w_as = m->width(m->ctx, FACE_INTER, 20, "a ", 2);
    T_OK(w_a > 0);
    T_OK(w_as > w_a);                                     /* spaces have width */
    T_INT(m->width(m->ctx, FACE_INTER, 20, "\xF4\x8F\xBF\xBD", 4), 0);  /* missing: 0 */
    T_INT(m->width(m->ctx, FACE_INTER, 20, "", 0), 0);
    T_OK(m->width(m->ctx, FACE_INTER, 40, "abc", 3) > m->width(m->ctx, FACE_INTER, 20, "abc", 3));
    T_OK(m->width(m->ctx, FACE_CJK, 20, "新浪", 6) >= 2 * 18);   /* ideographs ~1 em */
    layout_metrics lm;
    m->metrics(m->ctx, FACE_INTER, 20, &lm);
    T_OK(lm.ascent > 10 && lm.ascent <= 24);
    T_OK(lm.descent > 0 && lm.descent < 10);
    T_OK(lm.skip >= lm.ascent + lm.descent - 1);
}

static void test_cache(void)
{
    TTF_Font *a = font_get(F, FACE_INTER, 21);
    T_OK(a != NULL);
    T_OK(font_get(F, FACE_INTER, 21) == a);               /* cached */
    T_OK(font_get(F, FACE_SERIF, 21) != a);               /* per face */
    T_OK(font_get(F, FACE_INTER, 22) != a);               /* per px */
    for (int px = 30; px < 30 + 2 * FONT_CACHE_SLOTS; px++)   /* evict everything */
        T_OK(font_get(F, FACE_CJK, px) != NULL);
    TTF_Font *b = font_get(F, FACE_INTER, 21);
    T_OK(b != NULL);
    T_INT(TTF_FontHeight(b) > 0, 1);
    T_OK(font_get(F, FACE_INTER, 0) == NULL);
    T_OK(font_get(F, -1, 20) == NULL);
}

/* The measurer's word-width cache answers exactly what measuring says:
** every word of a text (and strings too long to cache) at three sizes in
** each face, asked three times over with thousands of other words in
** between (so slots are overwritten and reused), equals TTF_SizeUTF8 on
** the same run text. */
static void test_width_cache(void)
{
    const layout_measurer *m = font_measurer(F);
    static const char *const words[] = {
        "a", "the", "The", "of", "Officials", "said", "work", "cost", "\xE2\x80\x9CQuote\xE2\x80\x9D",
        "market", "opened", "again.", "新浪微博", "中国", "naïve", "café", "AV", "To", "ffi",
        "Supercalifragilistic", "Supercalifragilistics", "one two three four five six seven",
        "x", "y", "xy", "yx", "20", "2020", "(see", "page)", "—", "…",
    };
    static const int sizes[] = {17, 33, 64};
    int wrong = 0, asked = 0;
    char other[32];
    for (int round = 0; round < 3; round++)
        for (int face = 0; face < FACE_COUNT; face++)
            for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
                for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
                    const char *wd = words[i];
                    int got = m->width(m->ctx, face, sizes[z], wd, strlen(wd));
                    int want = 0;
                    const char *t = font_run_text(F, face, wd, strlen(wd));
                    if (*t) TTF_SizeUTF8(font_get(F, face, sizes[z]), t, &want, NULL);
                    wrong += got != want;
                    asked++;
                }
                for (int k = 0; k < 3000; k++) {      /* churn the cache */
                    snprintf(other, sizeof other, "w%dx%d", k, round);
                    m->width(m->ctx, face, sizes[z], other, strlen(other));
                }
            }
    T_INT(wrong, 0);
    T_OK(asked > 400);
}

/* Hinting stops above FONT_HINT_MAX_PX (font.c): small text keeps its
** grid-fitted outlines, large text is drawn as designed, and its widths
** then grow in proportion to the size (hinted advances are rounded to
** whole pixels glyph by glyph, so they need not). */
static void test_hinting(void)
{
    for (int face = 0; face < FACE_COUNT; face++) {
        TTF_Font *small = font_get(F, face, FONT_HINT_MAX_PX);
        TTF_Font *large = font_get(F, face, FONT_HINT_MAX_PX + 1);
        T_OK(small && large);
        if (!small || !large) continue;
        T_INT(TTF_GetFontHinting(small), TTF_HINTING_NORMAL);
        T_INT(TTF_GetFontHinting(large), TTF_HINTING_NONE);
    }
    const layout_measurer *m = font_measurer(F);
    static const char w[] = "Internationalisation";
    for (int face = FACE_INTER; face <= FACE_SERIF_ITALIC; face++) {
        int w50 = m->width(m->ctx, face, 50, w, sizeof w - 1);
        int w100 = m->width(m->ctx, face, 100, w, sizeof w - 1);
        int w150 = m->width(m->ctx, face, 150, w, sizeof w - 1);
        T_OK(w50 > 0);
        T_OK(abs(w100 - 2 * w50) <= 2);
        T_OK(abs(w150 - 3 * w50) <= 3);
    }
}

static void test_create_errors(void)
{
    font_lib *bad = font_lib_create("/nonexistent-font-dir");
    T_OK(bad == NULL);
    font_lib_destroy(NULL);
    t_passed++;
}

int main(void)
{
    if (TTF_Init() != 0) { T_FAIL_("TTF_Init: %s", TTF_GetError()); return T_DONE(); }
    F = font_lib_create("fonts");
    T_OK(F != NULL);
    if (F) {
        T_RUN(test_corpus_coverage);
        T_RUN(test_fallback);
        T_RUN(test_run_text);
        T_RUN(test_measurer);
        T_RUN(test_cache);
        T_RUN(test_width_cache);
        T_RUN(test_hinting);
    }
    T_RUN(test_create_errors);
    font_lib_destroy(F);
    TTF_Quit();
    return T_DONE();
}
