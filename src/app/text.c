/*
** src/app/text.c: text.h on top of font_ (faces, measurer) and layout_.
**
** text_render lays the text out once, renders each run with
** TTF_RenderUTF8_Blended and composites it into one ARGB8888 surface of
** exactly the laid-out size (never larger than the box), then makes one
** texture (blend mode BLEND). Compositing is done on alpha only (every run
** has the same colour), so overlapping runs (italic overhang, tight line
** spacing) merge instead of erasing each other, and anti-aliased edges are
** not darkened by a blend onto transparent black.
*/
#include "app/text.h"
#include "app/font.h"
#include "app/layout.h"
#include "common/util.h"

#include <SDL_ttf.h>
#include <stdio.h>
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

int text_measure(font_lib *f, const char *utf8, const text_style *st,
                 int box_w, int box_h, text_size *out)
{
    layout_params p;
    memset(out, 0, sizeof *out);
    if (check_font(f, st->font, st->px) != 0) return -1;
    to_params(st, box_w, box_h, &p);
    to_size(layout_text(font_layout(f), font_measurer(f), utf8, strlen(utf8), &p), out);
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

/* dst alpha = src over dst, colour = c; src is ARGB8888 coverage. */
static void composite(SDL_Surface *dst, SDL_Surface *src, int x, int y, SDL_Color c)
{
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    int x0 = x < 0 ? -x : 0, y0 = y < 0 ? -y : 0;
    int x1 = src->w, y1 = src->h;
    if (x + x1 > dst->w) x1 = dst->w - x;
    if (y + y1 > dst->h) y1 = dst->h - y;
    for (int j = y0; j < y1; j++) {
        const Uint32 *s = (const Uint32 *)((const Uint8 *)src->pixels + (size_t)j * src->pitch);
        Uint32 *d = (Uint32 *)((Uint8 *)dst->pixels + (size_t)(y + j) * dst->pitch);
        for (int i = x0; i < x1; i++) {
            Uint32 sa = s[i] >> 24;
            if (!sa) continue;
            Uint32 da = d[x + i] >> 24;
            Uint32 a = sa + da - (sa * da + 127) / 255;
            d[x + i] = (a << 24) | rgb;
        }
    }
}

static int draw_run(font_lib *f, const char *utf8, const layout_run *run,
                    int px, SDL_Color color, SDL_Surface *dst)
{
    TTF_Font *font = font_get(f, run->face, px);
    if (!font) return -1;
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
    composite(dst, s, run->x, run->baseline - TTF_FontAscent(font), color);
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
    return 0;
}

/* Render the layout result r (of utf8) into out. */
static int render_result(SDL_Renderer *ren, font_lib *f, const char *utf8,
                         const layout_result *r, const text_style *st, text_tex *out)
{
    out->lines = r->n_lines;
    out->truncated = r->truncated;
    if (r->missing > 0) {
        if (font_missing_count(f) == 0)
            log_warn("text: %d character(s) without a glyph in any face are drawn as nothing",
                     r->missing);
        font_note_missing(f, r->missing);
    }
    if (r->w <= 0 || r->h <= 0) return 0;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, r->w, r->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!dst) { log_error("text: surface %dx%d: %s", r->w, r->h, SDL_GetError()); return -1; }
    SDL_FillRect(dst, NULL, 0);
    SDL_LockSurface(dst);
    int rc = 0;
    for (int i = 0; i < r->n_runs && rc == 0; i++)
        rc = draw_run(f, utf8, &r->runs[i], st->px, st->color, dst);
    SDL_UnlockSurface(dst);
    if (rc == 0) {
        out->tex = SDL_CreateTextureFromSurface(ren, dst);
        if (!out->tex) { log_error("text: texture: %s", SDL_GetError()); rc = -1; }
        else {
            tex_live++;
            SDL_SetTextureBlendMode(out->tex, SDL_BLENDMODE_BLEND);
            out->w = r->w; out->h = r->h;
        }
    }
    SDL_FreeSurface(dst);
    return rc;
}

int text_render(SDL_Renderer *ren, font_lib *f, const char *utf8,
                const text_style *st, int box_w, int box_h, text_tex *out)
{
    layout_params p;
    memset(out, 0, sizeof *out);
    if (check_font(f, st->font, st->px) != 0) return -1;
    to_params(st, box_w, box_h, &p);
    const layout_result *r = layout_text(font_layout(f), font_measurer(f), utf8,
                                         strlen(utf8), &p);
    return render_result(ren, f, utf8, r, st, out);
}

int text_render_fit(SDL_Renderer *ren, font_lib *f, const char *utf8,
                    text_style *st, int px_min, int px_max,
                    int box_w, int box_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    const layout_result *r = fit(f, utf8, st, px_min, px_max, box_w, box_h);
    if (!r) return -1;
    return render_result(ren, f, utf8, r, st, out);
}

void text_tex_free(text_tex *t)
{
    if (!t) return;
    if (t->tex) { SDL_DestroyTexture(t->tex); tex_live--; }
    memset(t, 0, sizeof *t);
}
