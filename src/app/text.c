/*
** src/app/text.c: text.h on top of font_ (faces, measurer) and layout_.
**
** text_render lays the text out once, renders each run with
** TTF_RenderUTF8_Blended and composites it into one ARGB8888 image of
** exactly the laid-out size (never larger than the box): one texture
** (blend mode BLEND). Compositing is done on alpha only (every run has the
** same colour), so overlapping runs (italic overhang, tight line spacing)
** merge instead of erasing each other, and anti-aliased edges are not
** darkened by a blend onto transparent black.
**
** Where the image is composed (text_upload):
**   LOCK  the software renderer: a streaming texture's pixels are plain
**         memory, so runs are composited straight into it (one allocation,
**         no copy). Preparing a screen had spent 40% of its time allocating,
**         clearing and copying a surface per text, then its texture.
**   COPY  other renderers (GLES2 on the Pi): a streaming texture there keeps
**         a CPU copy for its whole life, so runs go into a grow-only scratch
**         buffer owned by the font_lib and are uploaded to a static texture.
**
** GPU limits: no texture is larger than text_max_texture (the renderer's
** maximum, or VITRINE_MAX_TEXTURE). A long text is laid out whole and cut
** into bands of whole lines (text_block_band), each rendered on its own
** with every run that reaches its rows, so the bands together are the
** whole text's picture, pixel for pixel.
*/
#include "app/text.h"
#include "app/font.h"
#include "app/layout.h"
#include "common/util.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text textures made by text_render* minus those freed by text_tex_free:
** a leak check for tests and soak runs (text_tex_live). */
static long tex_live;
#define TEXT_LAYOUT_KEEP 16384      /* chars the layout's buffers may keep */
static int tex_max_w, tex_max_h;    /* the largest text texture made, per side */
static long tex_max_bytes;          /* and in bytes */

long text_tex_live(void) { return tex_live; }

void text_print_counters(void)
{
    printf("bench live_textures %ld open_fonts %ld max_texture %dx%d max_texture_bytes %ld\n",
           tex_live, font_open_live(), tex_max_w, tex_max_h, tex_max_bytes);
}

int text_max_texture(SDL_Renderer *r)
{
    int m = INT_MAX;
    SDL_RendererInfo info;
    if (r && SDL_GetRendererInfo(r, &info) == 0) {
        if (info.max_texture_width > 0 && info.max_texture_width < m) m = info.max_texture_width;
        if (info.max_texture_height > 0 && info.max_texture_height < m) m = info.max_texture_height;
    }
    const char *env = getenv("VITRINE_MAX_TEXTURE");
    long v = env && *env ? strtol(env, NULL, 10) : 0;
    if (v >= 64 && v < m) m = (int)v;
    return m;
}

int text_band_max(SDL_Renderer *r, int w)
{
    int m = text_max_texture(r);
    long by_budget = TEXT_TEX_BUDGET / ((long)(w > 0 ? w : 1) * 4);
    if (by_budget < m) m = (int)by_budget;
    return m > 0 ? m : 1;
}

static void to_params(const text_style *st, int box_w, int box_h, layout_params *p)
{
    memset(p, 0, sizeof *p);
    p->style = (int)st->font;
    p->px = st->px;
    p->line_pct = st->line_pct;
    p->align = st->align == TEXT_CENTER ? LAYOUT_CENTER
             : st->align == TEXT_RIGHT ? LAYOUT_RIGHT : LAYOUT_LEFT;
    p->max_lines = st->max_lines;
    p->box_w = box_w;
    p->box_h = box_h;
}

/* The style's first face opens at px (else layout would measure zeros). */
static int check_font(font_lib *f, font_style style, int px)
{
    int face;
    if (font_chain(style, &face, 1) < 1 || !font_get(f, face, px)) return -1;
    return 0;
}

static void to_size(const layout_result *r, text_size *out)
{
    out->w = r->w; out->h = r->h;
    out->lines = r->n_lines; out->truncated = r->truncated;
}

/* Lay utf8 out at st->px in the box; the result stays in the lib's layout
** object. NULL if the style's first face does not open. */
static const layout_result *lay(font_lib *f, const char *utf8, const text_style *st,
                                int box_w, int box_h)
{
    layout_params p;
    if (check_font(f, st->font, st->px) != 0) return NULL;
    to_params(st, box_w, box_h, &p);
    return layout_text(font_layout(f), font_measurer(f), utf8, strlen(utf8), &p);
}

int text_measure(font_lib *f, const char *utf8, const text_style *st,
                 int box_w, int box_h, text_size *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = lay(f, utf8, st, box_w, box_h);
    if (!r) return -1;
    to_size(r, out);
    return 0;
}

/* Choose st->px by layout_fit; the chosen size's layout stays in the
** lib's layout object. */
static const layout_result *fit(font_lib *f, const char *utf8, text_style *st,
                                int px_min, int px_max, int box_w, int box_h)
{
    layout_params p;
    if (px_max <= px_min) {             /* one size (a list's rows): laid out, not probed */
        st->px = px_min < 1 ? 1 : px_min;
        return lay(f, utf8, st, box_w, box_h);
    }
    if (check_font(f, st->font, px_min) != 0) return NULL;
    to_params(st, box_w, box_h, &p);
    st->px = layout_fit(font_layout(f), font_measurer(f), utf8, strlen(utf8),
                        &p, px_min, px_max);
    return layout_last(font_layout(f));
}

int text_measure_fit(font_lib *f, const char *utf8, text_style *st,
                     int px_min, int px_max, int box_w, int box_h,
                     text_size *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    to_size(r, out);
    return 0;
}

/* An ARGB8888 image being composed: pixels, pitch in bytes, size. */
typedef struct canvas {
    Uint8 *px;
    int pitch, w, h;
} canvas;

/* dst alpha = src over dst, colour = c; src is ARGB8888 coverage, its
** columns [c0, c1) only. Clips to the canvas. */
static void composite(const canvas *dst, SDL_Surface *src, int x, int y, SDL_Color c,
                      int c0, int c1)
{
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    int x0 = x < 0 ? -x : 0, y0 = y < 0 ? -y : 0;
    int x1 = src->w < c1 ? src->w : c1, y1 = src->h;
    if (x0 < c0) x0 = c0;
    if (x + x1 > dst->w) x1 = dst->w - x;
    if (y + y1 > dst->h) y1 = dst->h - y;
    for (int j = y0; j < y1; j++) {
        const Uint32 *s = (const Uint32 *)((const Uint8 *)src->pixels + (size_t)j * src->pitch);
        Uint32 *d = (Uint32 *)(dst->px + (size_t)(y + j) * (size_t)dst->pitch);
        for (int i = x0; i < x1; i++) {
            Uint32 sa = s[i] >> 24;
            if (!sa) continue;
            Uint32 da = d[x + i] >> 24;
            Uint32 a = sa + da - (sa * da + 127) / 255;
            d[x + i] = (a << 24) | rgb;
        }
    }
}

/* Pixel offset within run where byte b of the text falls (clamped to the
** run): the advance of the run's text before it. */
static int run_x_at(font_lib *f, TTF_Font *font, const char *utf8, const layout_run *run,
                    size_t b)
{
    if (b <= run->off) return 0;
    if (b >= run->off + run->len) return INT_MAX / 2;
    int w = 0;
    const char *t = font_run_text(f, run->face, utf8 + run->off, b - run->off);
    if (*t && TTF_SizeUTF8(font, t, &w, NULL) != 0) w = 0;
    return w;
}

/* One run into dst, whose top row is row y0 of the laid-out text; the
** marked bytes (mk, may be NULL) in mk->color. */
static int draw_run(font_lib *f, const char *utf8, const layout_run *run,
                    const text_style *st, const text_mark *mk, int y0, const canvas *dst)
{
    int px = st->px;
    SDL_Color color = st->color;
    TTF_Font *font = font_get(f, run->face, px);
    if (!font) return -1;
    int y = run->baseline - TTF_FontAscent(font) - y0;
    if (y >= dst->h || y + 2 * TTF_FontHeight(font) <= 0)
        return 0;                           /* cannot reach the canvas' rows */
    /* the marked columns: [m0, m1) of the run's surface */
    int m0 = 0, m1 = 0;
    if (mk && mk->len && !(run->flags & LAYOUT_RUN_ELLIPSIS) &&
        mk->off < run->off + run->len && mk->off + mk->len > run->off) {
        m0 = run_x_at(f, font, utf8, run, mk->off);
        m1 = run_x_at(f, font, utf8, run, mk->off + mk->len);
    }
    const char *t = (run->flags & LAYOUT_RUN_ELLIPSIS)
                  ? LAYOUT_ELLIPSIS : font_run_text(f, run->face, utf8 + run->off, run->len);
    if (!*t) return 0;
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, t, color);
    if (!s) { log_error("text: TTF_RenderUTF8_Blended: %s", TTF_GetError()); return -1; }
    if (s->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(s);
        if (!c) { log_error("text: convert: %s", SDL_GetError()); return -1; }
        s = c;
    }
    SDL_LockSurface(s);
    if (m1 > m0) {
        composite(dst, s, run->x, y, color, 0, m0);
        composite(dst, s, run->x, y, mk->color, m0, m1);
        composite(dst, s, run->x, y, color, m1, INT_MAX);
    } else {
        composite(dst, s, run->x, y, color, 0, INT_MAX);
    }
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
    return 0;
}

static text_upload upload_mode = TEXT_UPLOAD_AUTO;

void text_set_upload(text_upload u) { upload_mode = u; }

static text_upload upload_for(SDL_Renderer *ren)
{
    if (upload_mode != TEXT_UPLOAD_AUTO) return upload_mode;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE))
        return TEXT_UPLOAD_LOCK;
    return TEXT_UPLOAD_COPY;
}

/* Every run of r into the cleared canvas c, whose top row is row y0 of
** the laid-out text. */
static int draw_runs(font_lib *f, const char *utf8, const layout_result *r,
                     const text_style *st, const text_mark *mk, int y0,
                     const canvas *c)
{
    for (size_t j = 0; j < (size_t)c->h; j++)
        memset(c->px + j * (size_t)c->pitch, 0, (size_t)c->w * 4);
    int rc = 0;
    for (int i = 0; i < r->n_runs && rc == 0; i++)
        rc = draw_run(f, utf8, &r->runs[i], st, mk, y0, c);
    return rc;
}

/* Characters of r no face has: counted, and the first time logged. */
static void note_missing(font_lib *f, const layout_result *r)
{
    if (r->missing <= 0) return;
    if (font_missing_count(f) == 0)
        log_warn("text: %d character(s) without a glyph in any face are drawn as nothing",
                 r->missing);
    font_note_missing(f, r->missing);
}

/* Render the layout result r (of utf8) into out; y0 is the row of the
** text at the texture's top (a band's). Cut off at the renderer's maximum
** texture size (logged): long texts come here in bands that fit. */
static int render_result(SDL_Renderer *ren, font_lib *f, const char *utf8,
                         const layout_result *r, const text_style *st, const text_mark *mk,
                         int y0, text_tex *out)
{
    out->lines = r->n_lines;
    out->truncated = r->truncated;
    note_missing(f, r);
    if (r->w <= 0 || r->h <= 0) return 0;
    int w = r->w, h = r->h, max = text_max_texture(ren);
    if (w > max || h > max) {
        log_warn("text: a %dx%d text is larger than the renderer's %d px textures: cut off",
                 w, h, max);
        w = w > max ? max : w;
        h = h > max ? max : h;
    }
    text_upload how = upload_for(ren);
    SDL_Texture *tex = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888,
                                         how == TEXT_UPLOAD_LOCK ? SDL_TEXTUREACCESS_STREAMING
                                                                 : SDL_TEXTUREACCESS_STATIC,
                                         w, h);
    if (!tex) { log_error("text: texture %dx%d: %s", w, h, SDL_GetError()); return -1; }
    canvas c = { NULL, 0, w, h };
    int rc = 0;
    if (how == TEXT_UPLOAD_LOCK) {
        void *px;
        if (SDL_LockTexture(tex, NULL, &px, &c.pitch) != 0) {
            log_error("text: lock %dx%d: %s", w, h, SDL_GetError());
            rc = -1;
        } else {
            c.px = px;
            rc = draw_runs(f, utf8, r, st, mk, y0, &c);
            SDL_UnlockTexture(tex);
        }
    } else {
        c.pitch = w * 4;
        c.px = font_scratch(f, (size_t)c.pitch * (size_t)h);
        rc = draw_runs(f, utf8, r, st, mk, y0, &c);
        if (rc == 0 && SDL_UpdateTexture(tex, NULL, c.px, c.pitch) != 0) {
            log_error("text: upload %dx%d: %s", w, h, SDL_GetError());
            rc = -1;
        }
    }
    if (rc != 0) { SDL_DestroyTexture(tex); return rc; }
    tex_live++;
    if (w > tex_max_w) tex_max_w = w;
    if (h > tex_max_h) tex_max_h = h;
    if ((long)w * h * 4 > tex_max_bytes) tex_max_bytes = (long)w * h * 4;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    out->tex = tex;
    out->w = w; out->h = h;
    return 0;
}

int text_render(SDL_Renderer *ren, font_lib *f, const char *utf8,
                const text_style *st, int box_w, int box_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = lay(f, utf8, st, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, NULL, 0, out);
}

int text_render_fit(SDL_Renderer *ren, font_lib *f, const char *utf8,
                    text_style *st, int px_min, int px_max,
                    int box_w, int box_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, NULL, 0, out);
}

int text_render_fit_mark(SDL_Renderer *ren, font_lib *f, const char *utf8,
                         text_style *st, int px_min, int px_max,
                         int box_w, int box_h, const text_mark *mark, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, mark, 0, out);
}

int text_block_layout(font_lib *f, const char *utf8, const text_style *st,
                      int box_w, int box_h, text_block *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = lay(f, utf8, st, box_w, box_h);
    if (!r) return -1;
    note_missing(f, r);
    out->utf8 = xstrdup(utf8);
    out->n_runs = r->n_runs;
    if (r->n_runs > 0) {
        out->runs = xmalloc((size_t)r->n_runs * sizeof *out->runs);
        memcpy(out->runs, r->runs, (size_t)r->n_runs * sizeof *out->runs);
    }
    out->st = *st;
    out->w = r->w; out->h = r->h;
    out->lines = r->n_lines; out->truncated = r->truncated;
    out->ascent = r->ascent;
    /* a very long text (a one-paragraph article) grew the layout's buffers
    ** to megabytes: give them back (the next layout regrows what it needs) */
    layout_trim(font_layout(f), TEXT_LAYOUT_KEEP);
    return 0;
}

int text_block_band(const text_block *b, int y0, int max_h, text_block *out)
{
    memset(out, 0, sizeof *out);
    if (!b->utf8 || y0 >= b->h || max_h <= 0) return 0;
    /* the end: the lowest line top within max_h of y0, or the text's end */
    int y1 = b->h;
    if (b->h - y0 > max_h) {
        y1 = 0;
        for (int i = 0; i < b->n_runs; i++) {
            int top = b->runs[i].baseline - b->ascent;
            if (top > y0 && top - y0 <= max_h && top > y1) y1 = top;
        }
        if (y1 <= y0) y1 = y0 + max_h;      /* one line taller than max_h: cut within it */
    }
    /* the runs that can reach rows [y0, y1): draw_run drops the rest exactly */
    int margin = 3 * (b->st.px > b->ascent ? b->st.px : b->ascent);
    size_t lo = SIZE_MAX, hi = 0;
    int n = 0;
    for (int i = 0; i < b->n_runs; i++) {
        const layout_run *u = &b->runs[i];
        if (u->baseline < y0 - margin || u->baseline > y1 + margin) continue;
        n++;
        if (u->off < lo) lo = u->off;
        if (u->off + u->len > hi) hi = u->off + u->len;
    }
    if (lo > hi) lo = hi = 0;
    out->utf8 = xmalloc(hi - lo + 1);
    memcpy(out->utf8, b->utf8 + lo, hi - lo);
    out->utf8[hi - lo] = 0;
    if (n > 0) out->runs = xmalloc((size_t)n * sizeof *out->runs);
    for (int i = 0; i < b->n_runs; i++) {
        const layout_run *u = &b->runs[i];
        if (u->baseline < y0 - margin || u->baseline > y1 + margin) continue;
        layout_run c = *u;
        c.off -= lo;
        out->runs[out->n_runs++] = c;
    }
    out->st = b->st;
    out->w = b->w;
    out->h = y1 - y0;
    out->ascent = b->ascent;
    out->y0 = y0;
    out->truncated = b->truncated && y1 == b->h;
    for (int i = 0; i < out->n_runs; i++)       /* lines whose top is in the band */
        if ((i == 0 || out->runs[i].baseline != out->runs[i - 1].baseline) &&
            out->runs[i].baseline - b->ascent >= y0 && out->runs[i].baseline - b->ascent < y1)
            out->lines++;
    return out->h;
}

int text_block_render(SDL_Renderer *ren, font_lib *f, const text_block *b, text_tex *out)
{
    memset(out, 0, sizeof *out);
    if (!b->utf8) return 0;
    layout_result r;
    memset(&r, 0, sizeof r);
    r.runs = b->runs; r.n_runs = b->n_runs;
    r.w = b->w; r.h = b->h;
    r.n_lines = b->lines; r.truncated = b->truncated;
    return render_result(ren, f, b->utf8, &r, &b->st, NULL, b->y0, out);
}

void text_block_free(text_block *b)
{
    if (!b) return;
    free(b->utf8);
    free(b->runs);
    memset(b, 0, sizeof *b);
}

/* A w x h ARGB8888 texture of that access into *out, counted. */
static int image_tex(SDL_Renderer *r, int access, int w, int h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, access, w, h);
    if (!t) {
        log_error("text: image %dx%d: %s", w, h, SDL_GetError());
        return -1;
    }
    SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);     /* whole pixels, never smoothed */
    out->tex = t;
    out->w = w;
    out->h = h;
    out->lines = 1;
    tex_live++;
    return 0;
}

int text_image(SDL_Renderer *r, const uint32_t *argb, int w, int h, text_tex *out)
{
    if (image_tex(r, SDL_TEXTUREACCESS_STATIC, w, h, out) != 0)
        return -1;
    if (argb && SDL_UpdateTexture(out->tex, NULL, argb, w * 4) != 0) {
        log_error("text: image %dx%d: %s", w, h, SDL_GetError());
        text_tex_free(out);
        return -1;
    }
    return 0;
}

int text_image_locked(SDL_Renderer *r, int w, int h, text_tex *out, void **pixels, int *pitch)
{
    if (image_tex(r, SDL_TEXTUREACCESS_STREAMING, w, h, out) != 0)
        return -1;
    if (SDL_LockTexture(out->tex, NULL, pixels, pitch) != 0) {
        log_error("text: image %dx%d to fill: %s", w, h, SDL_GetError());
        text_tex_free(out);
        return -1;
    }
    return 0;
}

void text_tex_free(text_tex *t)
{
    if (!t) return;
    if (t->tex) { SDL_DestroyTexture(t->tex); tex_live--; }
    memset(t, 0, sizeof *t);
}
