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
*/
#include "app/text.h"
#include "app/font.h"
#include "app/layout.h"
#include "common/util.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

/* Text textures made by text_render* minus those freed by text_tex_free:
** a leak check for tests and soak runs (text_tex_live). */
static long tex_live;

long text_tex_live(void) { return tex_live; }

void text_print_counters(void)
{
    printf("bench live_textures %ld open_fonts %ld\n", tex_live, font_open_live());
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

static int draw_run(font_lib *f, const char *utf8, const layout_run *run,
                    const text_style *st, const text_mark *mk, const canvas *dst)
{
    int px = st->px;
    SDL_Color color = st->color;
    TTF_Font *font = font_get(f, run->face, px);
    if (!font) return -1;
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
    int y = run->baseline - TTF_FontAscent(font);
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

/* Every run of r into the cleared canvas c. */
static int draw_runs(font_lib *f, const char *utf8, const layout_result *r,
                     const text_style *st, const text_mark *mk, const canvas *c)
{
    for (size_t j = 0; j < (size_t)c->h; j++)
        memset(c->px + j * (size_t)c->pitch, 0, (size_t)c->w * 4);
    int rc = 0;
    for (int i = 0; i < r->n_runs && rc == 0; i++)
        rc = draw_run(f, utf8, &r->runs[i], st, mk, c);
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

/* Render the layout result r (of utf8) into out. */
static int render_result(SDL_Renderer *ren, font_lib *f, const char *utf8,
                         const layout_result *r, const text_style *st, const text_mark *mk,
                         text_tex *out)
{
    out->lines = r->n_lines;
    out->truncated = r->truncated;
    note_missing(f, r);
    if (r->w <= 0 || r->h <= 0) return 0;
    text_upload how = upload_for(ren);
    SDL_Texture *tex = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888,
                                         how == TEXT_UPLOAD_LOCK ? SDL_TEXTUREACCESS_STREAMING
                                                                 : SDL_TEXTUREACCESS_STATIC,
                                         r->w, r->h);
    if (!tex) { log_error("text: texture %dx%d: %s", r->w, r->h, SDL_GetError()); return -1; }
    canvas c = { NULL, 0, r->w, r->h };
    int rc = 0;
    if (how == TEXT_UPLOAD_LOCK) {
        void *px;
        if (SDL_LockTexture(tex, NULL, &px, &c.pitch) != 0) {
            log_error("text: lock %dx%d: %s", r->w, r->h, SDL_GetError());
            rc = -1;
        } else {
            c.px = px;
            rc = draw_runs(f, utf8, r, st, mk, &c);
            SDL_UnlockTexture(tex);
        }
    } else {
        c.pitch = r->w * 4;
        c.px = font_scratch(f, (size_t)c.pitch * (size_t)r->h);
        rc = draw_runs(f, utf8, r, st, mk, &c);
        if (rc == 0 && SDL_UpdateTexture(tex, NULL, c.px, c.pitch) != 0) {
            log_error("text: upload %dx%d: %s", r->w, r->h, SDL_GetError());
            rc = -1;
        }
    }
    if (rc != 0) { SDL_DestroyTexture(tex); return rc; }
    tex_live++;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    out->tex = tex;
    out->w = r->w; out->h = r->h;
    return 0;
}

int text_render(SDL_Renderer *ren, font_lib *f, const char *utf8,
                const text_style *st, int box_w, int box_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = lay(f, utf8, st, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, NULL, out);
}

int text_render_fit(SDL_Renderer *ren, font_lib *f, const char *utf8,
                    text_style *st, int px_min, int px_max,
                    int box_w, int box_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, NULL, out);
}

int text_render_fit_mark(SDL_Renderer *ren, font_lib *f, const char *utf8,
                         text_style *st, int px_min, int px_max,
                         int box_w, int box_h, const text_mark *mark, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, mark, out);
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
    return 0;
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
    return render_result(ren, f, b->utf8, &r, &b->st, NULL, out);
}

void text_block_free(text_block *b)
{
    if (!b) return;
    free(b->utf8);
    free(b->runs);
    memset(b, 0, sizeof *b);
}

void text_tex_free(text_tex *t)
{
    if (!t) return;
    if (t->tex) { SDL_DestroyTexture(t->tex); tex_live--; }
    memset(t, 0, sizeof *t);
}
