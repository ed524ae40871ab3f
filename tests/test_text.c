/*
** tests/test_text.c: text_render / text_render_fit / text_measure through a
** software renderer on an SDL surface (no video driver needed): texture
** within its box, ink where expected, nothing drawn for characters no face
** has, measure == render. Writes a sample PNG (mixed English, CJK, quotes,
** alignment, ellipsis, fit) to /tmp/vitrine-text-sample.png for a look.
** With --bench: render and fit timings for a text-heavy screen.
*/
#include "app/font.h"
#include "app/text.h"
#include "common/util.h"
#include "t.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>

#define CW 640      /* canvas, px */
#define CH 720

static font_lib *F;
static SDL_Surface *canvas;
static SDL_Renderer *R;

static const char *const SAMPLE =
    "China warns of \xE2\x80\x98" "double standard\xE2\x80\x99 in protecting "
    "country\xE2\x80\x99s cyber security \xE2\x80\x93 posted on 新浪微博 "
    "and elsewhere: \xE2\x80\x9C" "Cyberspace should not become a battleground,\xE2\x80\x9D "
    "he said. 中国网络空间的未来应该掌握在各国人民手中。 "
    "Supercalifragilisticexpialidociousnessesquire words break too.";

static const text_style BODY = {FONT_SANS, 22, 0, TEXT_LEFT, 0, {20, 20, 20, 255}};

/* Pixels of the canvas inside r that differ from the background bg. */
static int ink(SDL_Rect r, Uint32 bg)
{
    Uint32 *px = xmalloc((size_t)r.w * (size_t)r.h * 4);
    int n = 0;
    if (SDL_RenderReadPixels(R, &r, SDL_PIXELFORMAT_ARGB8888, px, r.w * 4) == 0)
        for (int i = 0; i < r.w * r.h; i++) n += (px[i] & 0xFFFFFF) != (bg & 0xFFFFFF);
    else
        n = -1;
    free(px);
    return n;
}

static void clear(Uint8 v)
{
    SDL_SetRenderDrawColor(R, v, v, v, 255);
    SDL_RenderClear(R);
}

/* Render text at (x, y) in a box; check the box contract; returns ink. */
static int draw(const char *t, const text_style *st, int x, int y, int bw, int bh, text_tex *out)
{
    T_INT(text_render(R, F, t, st, bw, bh, out), 0);
    T_OK(out->w <= bw);
    if (bh > 0) T_OK(out->h <= bh);
    if (!out->tex) return 0;
    int tw, th;
    SDL_QueryTexture(out->tex, NULL, NULL, &tw, &th);
    T_INT(tw, out->w);
    T_INT(th, out->h);
    SDL_Rect dst = {x, y, out->w, out->h};
    SDL_RenderCopy(R, out->tex, NULL, &dst);
    return 1;
}

static void test_render_basic(void)
{
    text_tex t;
    clear(0);
    text_style st = BODY;
    st.color = (SDL_Color){255, 255, 255, 255};
    draw(SAMPLE, &st, 0, 0, 300, 0, &t);
    T_OK(t.tex != NULL);
    T_OK(t.lines >= 6);
    T_INT(t.truncated, 0);
    SDL_Rect in = {0, 0, t.w, t.h}, right = {300, 0, CW - 300, CH}, below = {0, t.h, 300, CH - t.h};
    T_OK(ink(in, 0) > 1000);            /* text was drawn */
    T_INT(ink(right, 0), 0);            /* nothing beyond the box */
    T_INT(ink(below, 0), 0);

    /* measure agrees with render */
    text_size sz;
    T_INT(text_measure(F, SAMPLE, &st, 300, 0, &sz), 0);
    T_INT(sz.w, t.w); T_INT(sz.h, t.h); T_INT(sz.lines, t.lines);
    text_tex_free(&t);
    T_OK(t.tex == NULL && t.w == 0);
    text_tex_free(NULL);

    /* bounded box: ellipsis, still inside */
    T_INT(text_render(R, F, SAMPLE, &st, 300, 80, &t), 0);
    T_INT(t.truncated, 1);
    T_OK(t.h <= 80 && t.w <= 300 && t.lines >= 1);
    text_tex_free(&t);
    st.max_lines = 2;
    T_INT(text_render(R, F, SAMPLE, &st, 300, 0, &t), 0);
    T_INT(t.lines, 2); T_INT(t.truncated, 1);
    text_tex_free(&t);

    /* empty text: no texture, no error */
    T_INT(text_render(R, F, "", &BODY, 300, 100, &t), 0);
    T_OK(t.tex == NULL); T_INT(t.lines, 0);
}

static void test_render_cjk_and_missing(void)
{
    text_tex t;
    clear(0);
    text_style st = BODY;
    st.color = (SDL_Color){255, 255, 255, 255};
    draw("新浪微博", &st, 0, 0, 300, 100, &t);
    SDL_Rect r = {0, 0, t.w, t.h};
    T_OK(t.w >= 4 * 18);                /* four ideographs, about 1 em each */
    T_OK(ink(r, 0) > 200);
    text_tex_free(&t);

    /* only characters no face has: nothing drawn (no tofu), counted */
    long before = font_missing_count(F);
    clear(0);
    draw("\xF4\x8F\xBF\xBD\xF4\x8F\xBF\xBD", &st, 0, 0, 300, 100, &t);
    SDL_Rect all = {0, 0, CW, CH};
    T_INT(ink(all, 0), 0);
    T_INT(font_missing_count(F) - before, 2);
    text_tex_free(&t);
}

static void test_render_fit(void)
{
    text_tex t;
    text_style st = BODY;
    T_INT(text_render_fit(R, F, "Short headline", &st, 12, 60, 400, 100, &t), 0);
    T_INT(st.px, 60 > st.px ? st.px : 60);
    T_OK(st.px > 30);                   /* a short text grows */
    T_INT(t.truncated, 0);
    T_OK(t.w <= 400 && t.h <= 100);
    text_tex_free(&t);
    st = BODY;
    T_INT(text_render_fit(R, F, SAMPLE, &st, 10, 40, 400, 200, &t), 0);
    T_OK(st.px >= 10 && st.px < 40);
    T_INT(t.truncated, 0);
    T_OK(t.w <= 400 && t.h <= 200);
    text_tex_free(&t);
    /* the next size up would not fit */
    text_size sz;
    st.px++;
    T_INT(text_measure(F, SAMPLE, &st, 400, 200, &sz), 0);
    T_INT(sz.truncated, 1);
    /* nothing fits: px_min with an ellipsis */
    st = BODY;
    T_INT(text_measure_fit(F, SAMPLE, &st, 20, 40, 200, 40, &sz), 0);
    T_INT(st.px, 20); T_INT(sz.truncated, 1); T_OK(sz.h <= 40);
    /* one size (px_min == px_max, a list's rows): that size's layout, the
    ** same as text_render at it, fitting or cut */
    for (int bh = 0; bh <= 200; bh += 40) {
        text_tex a, b;
        st = BODY;
        st.px = 23;
        T_INT(text_render(R, F, SAMPLE, &st, 300, bh, &a), 0);
        st = BODY;
        T_INT(text_render_fit(R, F, SAMPLE, &st, 23, 23, 300, bh, &b), 0);
        T_INT(st.px, 23);
        T_INT(b.w, a.w); T_INT(b.h, a.h); T_INT(b.lines, a.lines); T_INT(b.truncated, a.truncated);
        text_tex_free(&a);
        text_tex_free(&b);
    }
    st = BODY;
    T_INT(text_measure_fit(F, SAMPLE, &st, 0, 0, 300, 0, &sz), 0);  /* below 1 px: 1 px */
    T_INT(st.px, 1);
}

/* The sample sheet: look at it. */
static void test_sample_png(void)
{
    clear(255);
    text_tex t;
    int y = 10;
    SDL_SetRenderDrawColor(R, 200, 200, 230, 255);
    text_style h = {FONT_SANS_BOLD, 30, 0, TEXT_CENTER, 0, {10, 10, 60, 255}};
    SDL_Rect box = {20, y, 600, 90};
    SDL_RenderDrawRect(R, &box);
    draw("Headline centred: China\xE2\x80\x99s \xE2\x80\x9C" "shared future\xE2\x80\x9D in cyberspace (新浪微博)",
         &h, 20, y, 600, 90, &t);
    text_tex_free(&t);
    y += 100;
    box = (SDL_Rect){20, y, 380, 300};
    SDL_RenderDrawRect(R, &box);
    draw(SAMPLE, &BODY, 20, y, 380, 300, &t);
    text_tex_free(&t);
    y += 310;
    text_style q = {FONT_SERIF_ITALIC, 24, 120, TEXT_RIGHT, 3, {90, 20, 20, 255}};
    box = (SDL_Rect){20, y, 600, 140};
    SDL_RenderDrawRect(R, &box);
    draw(SAMPLE, &q, 20, y, 600, 140, &t);    /* right-aligned, 3 lines, ellipsis */
    T_INT(t.truncated, 1);
    text_tex_free(&t);
    y += 150;
    text_style fit = {FONT_SERIF, 0, 0, TEXT_LEFT, 0, {20, 60, 20, 255}};
    box = (SDL_Rect){20, y, 600, 140};
    SDL_RenderDrawRect(R, &box);
    T_INT(text_render_fit(R, F, "\xE2\x80\x98" "Fit\xE2\x80\x99: the largest size at which this quote fits its box \xE2\x80\xA6 中文也可以",
                          &fit, 10, 80, 600, 140, &t), 0);
    SDL_Rect dst = {20, y, t.w, t.h};
    SDL_RenderCopy(R, t.tex, NULL, &dst);
    text_tex_free(&t);
    SDL_RenderPresent(R);
    T_INT(IMG_SavePNG(canvas, "/tmp/vitrine-text-sample.png"), 0);
}

/* Both ways of filling a text's texture (straight into a locked streaming
** texture; a scratch buffer uploaded to a static one) give the same
** pixels, for a plain, a fitted, a centred italic and a CJK text, in both
** orders (the scratch buffer is reused and must be cleared). */
static Uint32 *shot_of(const char *t, text_style st, int fit, text_upload how)
{
    text_set_upload(how);
    text_tex tt;
    if (fit) text_render_fit(R, F, t, &st, 10, 50, 500, 160, &tt);
    else text_render(R, F, t, &st, 500, 300, &tt);
    clear(240);
    SDL_Rect dst = {7, 5, tt.w, tt.h};
    if (tt.tex) SDL_RenderCopy(R, tt.tex, NULL, &dst);
    text_tex_free(&tt);
    Uint32 *px = xmalloc((size_t)CW * CH * 4);
    if (SDL_RenderReadPixels(R, NULL, SDL_PIXELFORMAT_ARGB8888, px, CW * 4) != 0)
        memset(px, 0, (size_t)CW * CH * 4);
    text_set_upload(TEXT_UPLOAD_AUTO);
    return px;
}

static void test_upload_same(void)
{
    text_style it = {FONT_SERIF_ITALIC, 26, 110, TEXT_CENTER, 0, {120, 30, 30, 255}};
    const struct { const char *t; text_style st; int fit; } rows[] = {
        {SAMPLE, BODY, 0},
        {SAMPLE, BODY, 1},
        {"\xE2\x80\x9C" "Offhand italic overhangs, fj ffl\xE2\x80\x9D", it, 0},
        {"中国网络空间的未来应该掌握在各国人民手中。", BODY, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (int order = 0; order < 2; order++) {
            text_upload a = order ? TEXT_UPLOAD_COPY : TEXT_UPLOAD_LOCK;
            text_upload b = order ? TEXT_UPLOAD_LOCK : TEXT_UPLOAD_COPY;
            Uint32 *pa = shot_of(rows[i].t, rows[i].st, rows[i].fit, a);
            Uint32 *pb = shot_of(rows[i].t, rows[i].st, rows[i].fit, b);
            long diff = 0, inked = 0;
            for (int k = 0; k < CW * CH; k++) {
                diff += pa[k] != pb[k];
                inked += (pa[k] & 0xFFFFFF) != 0xF0F0F0;
            }
            T_INT(diff, 0);
            T_OK(inked > 100);
            free(pa);
            free(pb);
        }
    T_INT(text_tex_live(), 0);
}

/* A block cut into bands (text_block_band) gives the whole block's pixels:
** bands of several heights (a line, a few, one mid-line cut), tight line
** spacing (glyphs reaching into the next line's rows), italic overhang, CJK
** fallback runs; every band within max_h, and the lines counted once. */
static Uint32 *block_shot(const text_block *b, int max_h, int *bands, int *lines)
{
    clear(240);
    *bands = 0;
    *lines = 0;
    for (int y0 = 0; y0 < b->h;) {
        text_block part;
        text_tex t;
        int h = max_h ? text_block_band(b, y0, max_h, &part) : b->h;
        if (h <= 0) break;
        T_OK(h <= (max_h ? max_h : b->h));
        T_INT(text_block_render(R, F, max_h ? &part : b, &t), 0);
        SDL_Rect dst = {7, 5 + y0, t.w, t.h};
        if (t.tex) SDL_RenderCopy(R, t.tex, NULL, &dst);
        *lines += max_h ? part.lines : b->lines;
        text_tex_free(&t);
        if (max_h) text_block_free(&part);
        (*bands)++;
        y0 += h;
    }
    Uint32 *px = xmalloc((size_t)CW * CH * 4);
    if (SDL_RenderReadPixels(R, NULL, SDL_PIXELFORMAT_ARGB8888, px, CW * 4) != 0)
        memset(px, 0, (size_t)CW * CH * 4);
    return px;
}

static void test_bands(void)
{
    text_style tight = {FONT_SANS, 24, 70, TEXT_LEFT, 0, {20, 20, 20, 255}};
    text_style it = {FONT_SERIF_ITALIC, 26, 90, TEXT_CENTER, 0, {120, 30, 30, 255}};
    const struct { const text_style *st; int max_h; } rows[] = {
        {&BODY, 30}, {&BODY, 64}, {&BODY, 100}, {&BODY, 13},
        {&tight, 20}, {&tight, 45}, {&it, 25}, {&it, 80},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        text_block b;
        T_INT(text_block_layout(F, SAMPLE, rows[i].st, 500, 0, &b), 0);
        int nw, lw, nb, lb;
        Uint32 *whole = block_shot(&b, 0, &nw, &lw);
        Uint32 *banded = block_shot(&b, rows[i].max_h, &nb, &lb);
        long diff = 0;
        for (int k = 0; k < CW * CH; k++) diff += whole[k] != banded[k];
        T_INT(diff, 0);
        T_OK(nb > 1);
        if (rows[i].max_h >= 30) T_INT(lb, lw);     /* each line in one band */
        free(whole);
        free(banded);
        text_block_free(&b);
    }
    T_INT(text_tex_live(), 0);
}

/* Timing of a text-heavy screen: ~1500 chars rendered at 3 sizes. */
static void bench(void)
{
    sbuf b = {0};
    while (b.len < 1500) { sbuf_adds(&b, SAMPLE); sbuf_addc(&b, ' '); }
    static const int sizes[] = {18, 24, 36};
    text_tex t;
    text_style st = BODY;
    for (int i = 0; i < 3; i++) {   /* warm the font cache */
        st.px = sizes[i];
        text_render(R, F, b.s, &st, 900, 0, &t);
        text_tex_free(&t);
    }
    const int reps = 10;
    Uint64 t0 = SDL_GetPerformanceCounter();
    for (int k = 0; k < reps; k++)
        for (int i = 0; i < 3; i++) {
            st.px = sizes[i];
            text_render(R, F, b.s, &st, 900, 0, &t);
            text_tex_free(&t);
        }
    double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1e3 /
                (double)SDL_GetPerformanceFrequency() / reps;
    Uint64 t1 = SDL_GetPerformanceCounter();
    for (int k = 0; k < reps; k++) {
        st = BODY;
        text_render_fit(R, F, b.s, &st, 10, 60, 900, 700, &t);
        text_tex_free(&t);
    }
    double fit_ms = (double)(SDL_GetPerformanceCounter() - t1) * 1e3 /
                    (double)SDL_GetPerformanceFrequency() / reps;
    printf("text_render: %zu bytes at 3 sizes (18/24/36 px, 900 px wide): %.2f ms; "
           "text_render_fit 10..60 px into 900x700: %.2f ms (px %d)\n", b.len, ms, fit_ms, st.px);
    sbuf_free(&b);
}

int main(int argc, char **argv)
{
    if (TTF_Init() != 0) { T_FAIL_("TTF_Init: %s", TTF_GetError()); return T_DONE(); }
    F = font_lib_create("fonts");
    canvas = SDL_CreateRGBSurfaceWithFormat(0, CW, CH, 32, SDL_PIXELFORMAT_ARGB8888);
    R = canvas ? SDL_CreateSoftwareRenderer(canvas) : NULL;
    T_OK(F != NULL);
    T_OK(R != NULL);
    if (F && R) {
        T_RUN(test_render_basic);
        T_RUN(test_render_cjk_and_missing);
        T_RUN(test_render_fit);
        T_RUN(test_sample_png);
        T_RUN(test_upload_same);
        T_RUN(test_bands);
        if (argc > 1 && strcmp(argv[1], "--bench") == 0) bench();
    }
    if (R) SDL_DestroyRenderer(R);
    SDL_FreeSurface(canvas);
    font_lib_destroy(F);
    TTF_Quit();
    SDL_Quit();
    return T_DONE();
}
