/*
** src/app/screen_test.c: the engine's test screen.
**
** Shows one article of the database (the Nth in the store's order) with
** everything the text engine must handle: a bold headline cut to two lines
** with an ellipsis, a source · date line, a summary paragraph, one quote
** fitted in the serif (text_render_fit), a CJK sample line and a row of
** coloured boxes marking the 12-column layout grid.
**
** Layout is in units of 1% of the screen's short side (u), so every size
** from 800x480 to 3840x2160 and portrait gets the same proportions; wide
** screens put summary and quote side by side, tall ones stack them.
*/
#include "app/render.h"
#include "app/screen.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Layout, in u (1% of the short side). */
#define MARGIN_U        6.0f    /* outer margin */
#define HEAD_PX_U       6.2f    /* headline size */
#define META_PX_U       3.0f    /* source · date */
#define BODY_PX_U       3.4f    /* summary */
#define QUOTE_MIN_U     3.2f    /* fitted quote: smallest size */
#define QUOTE_MAX_U     6.0f    /*               largest size */
#define CJK_PX_U        3.0f    /* CJK sample line */
#define GUTTER_U        3.0f    /* between columns; grid gutter */
#define GRID_H_U        1.2f    /* height of the grid boxes */
#define GRID_COLS       12

static const char cjk_sample[] = "CJK 漢字かな交じり文 · 中文排版测试 · 日本語の組版";
static const uint32_t grid_colors[] = { 0xd95f5f, 0xe0a43a, 0xd9c95f, 0x6fbf73, 0x4fb3bf, 0x5f7fd9 };
static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December" };

typedef struct screen_test {
    screen base;                /* MUST BE FIRST */
    int index;                  /* which article (wraps around the list) */
    render_list list;           /* everything drawn, cached */
} screen_test;

/* "2023-05-04" -> "4 May 2023", "2023-05" -> "May 2023", else as is. */
static void format_date(const char *iso, char *out, size_t n)
{
    int y = 0, m = 0, d = 0;
    int got = iso ? sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) : 0;
    if (got == 3 && m >= 1 && m <= 12)
        snprintf(out, n, "%d %s %d", d, months[m - 1], y);
    else if (got == 2 && m >= 1 && m <= 12)
        snprintf(out, n, "%s %d", months[m - 1], y);
    else
        snprintf(out, n, "%s", iso ? iso : "");
}

/* Render utf8 and add it to the list; returns its height (0 on failure). */
static int add_text(screen_test *s, const screen_ctx *ctx, const char *utf8, text_style *st,
                    int x, int y, int bw, int bh, int fit_min, int fit_max)
{
    text_tex t;
    int rc = fit_max ? text_render_fit(ctx->r, ctx->fonts, utf8, st, fit_min, fit_max, bw, bh, &t)
                     : text_render(ctx->r, ctx->fonts, utf8, st, bw, bh, &t);
    if (rc != 0)
        return 0;
    int h = t.h;
    render_list_text(&s->list, &t, x, y);
    return h;
}

static char *summary_text(const store_article *a)
{
    sbuf b = {0};
    for (size_t i = 0; i < a->nsummary; i++) {
        if (i)
            sbuf_addc(&b, ' ');
        sbuf_adds(&b, a->summary[i]);
    }
    if (!b.len && a->body)
        sbuf_adds(&b, a->body);                 /* no summary: the text fills the box */
    return sbuf_take(&b);
}

typedef struct grid { float u; int m, w, h, cw; } grid;

static void add_grid_row(screen_test *s, const grid *g)
{
    int gut = (int)(GUTTER_U * g->u), bh = (int)(GRID_H_U * g->u) + 1;
    int colw = (g->cw - (GRID_COLS - 1) * gut) / GRID_COLS;
    for (int i = 0; i < GRID_COLS; i++) {
        SDL_Rect b = { g->m + i * (colw + gut), g->h - g->m - bh, colw, bh };
        render_list_box(&s->list, b, grid_colors[i % (sizeof grid_colors / sizeof grid_colors[0])]);
    }
}

/* Summary and quote in [top, bottom): side by side when wide, else stacked. */
static void add_body(screen_test *s, const screen_ctx *ctx, const grid *g, const store_article *a,
                     int top, int bottom)
{
    const config *c = ctx->cfg;
    int gut = (int)(GUTTER_U * g->u), wide = g->w * 10 >= g->h * 13;
    int sw = wide ? (g->cw - gut) * 7 / 12 : g->cw;
    int sh = wide ? bottom - top : (bottom - top) * 5 / 10;
    char *sum = summary_text(a);
    text_style st = { FONT_SANS, (int)(BODY_PX_U * g->u), 135, TEXT_LEFT, 0, render_color(c->color_text) };
    int used = add_text(s, ctx, sum, &st, g->m, top, sw, sh, 0, 0);
    free(sum);
    /* stacked: the quote follows the summary's real height */
    int qx = wide ? g->m + sw + gut : g->m, qy = wide ? top : top + used + 2 * gut;
    int qw = wide ? g->cw - sw - gut : g->cw, qh = bottom - qy;

    int bar = (int)(0.6f * g->u) + 1, pad = (int)(2.5f * g->u);
    const store_quote *q = a->nquotes ? &a->quotes[0] : NULL;
    char who[200];
    snprintf(who, sizeof who, "— %s", q && q->speaker ? q->speaker : "unattributed");
    text_style ws = { FONT_SANS, (int)(META_PX_U * g->u), 0, TEXT_LEFT, 1, render_color(c->color_muted) };
    int whoh = (int)(META_PX_U * g->u * 1.6f);
    text_style qs = { FONT_SERIF_ITALIC, 0, 120, TEXT_LEFT, 0, render_color(c->color_text) };
    const char *qt = q ? q->text : "No quotation in this article.";
    int th = add_text(s, ctx, qt, &qs, qx + bar + pad, qy, qw - bar - pad, qh - whoh - pad,
                      (int)(QUOTE_MIN_U * g->u), (int)(QUOTE_MAX_U * g->u));
    if (q)
        add_text(s, ctx, who, &ws, qx + bar + pad, qy + th + pad / 2, qw - bar - pad, whoh, 0, 0);
    render_list_box(&s->list, (SDL_Rect){ qx, qy, bar, th > 0 ? th : qh }, c->color_accent);
}

static int test_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    screen_test *s = (screen_test *)base;
    const config *c = ctx->cfg;
    render_list_free(&s->list);
    if (!ctx->st || !ctx->fonts)
        return -1;
    store_counts cnt;
    store_list rows = {0};
    if (store_count(ctx->st, &cnt) != STORE_OK || cnt.articles == 0 ||
        store_articles_range(ctx->st, (size_t)s->index % cnt.articles, 1, &rows) != STORE_OK ||
        rows.n == 0) {
        store_articles_free(&rows);
        return -1;
    }
    const store_article_row *row = rows.v;
    store_article a;
    store_err e = store_article_get(ctx->st, row->id, &a);
    store_articles_free(&rows);
    if (e != STORE_OK)
        return -1;

    grid g = { (float)(w < h ? w : h) / 100.0f, 0, w, h, 0 };
    g.m = (int)(MARGIN_U * g.u);
    g.cw = w - 2 * g.m;
    int y = g.m;
    text_style hs = { FONT_SANS_BOLD, (int)(HEAD_PX_U * g.u), 105, TEXT_LEFT, 2, render_color(c->color_text) };
    y += add_text(s, ctx, a.head.title, &hs, g.m, y, g.cw, 0, 0, 0) + (int)(1.5f * g.u);

    char date[64], meta[400];
    format_date(a.head.published, date, sizeof date);
    snprintf(meta, sizeof meta, "%s%s%s", a.head.source ? a.head.source : "",
             a.head.source && *date ? " · " : "", date);
    text_style ms = { FONT_SANS, (int)(META_PX_U * g.u), 0, TEXT_LEFT, 1, render_color(c->color_muted) };
    y += add_text(s, ctx, meta, &ms, g.m, y, g.cw, 0, 0, 0) + (int)(2 * g.u);
    render_list_box(&s->list, (SDL_Rect){ g.m, y, (int)(12 * g.u), (int)(0.6f * g.u) + 1 }, c->color_accent);
    y += (int)(4 * g.u);

    int grid_top = h - g.m - (int)(GRID_H_U * g.u) - 1;
    int cjk_h = (int)(CJK_PX_U * g.u * 1.8f);
    int cjk_y = grid_top - (int)(2.5f * g.u) - cjk_h;
    add_body(s, ctx, &g, &a, y, cjk_y - (int)(3 * g.u));
    text_style cs = { FONT_SANS, (int)(CJK_PX_U * g.u), 0, TEXT_LEFT, 1, render_color(c->color_muted) };
    add_text(s, ctx, cjk_sample, &cs, g.m, cjk_y, g.cw, cjk_h, 0, 0);
    add_grid_row(s, &g);
    store_article_free(&a);
    return 0;
}

static void test_draw(screen *s, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    render_list_draw(r, &((screen_test *)s)->list, x_off, alpha);
}

static screen_action test_input(screen *s, const screen_ev *ev)
{
    switch (ev->kind) {
    case SCREEN_EV_TAP:
    case SCREEN_EV_SWIPE_LEFT:
        return SCREEN_NEXT;
    case SCREEN_EV_SWIPE_RIGHT:
        return SCREEN_PREV;
    case SCREEN_EV_KEY:
        if (ev->key == SDLK_RIGHT || ev->key == SDLK_SPACE || ev->key == SDLK_PAGEDOWN)
            return SCREEN_NEXT;
        if (ev->key == SDLK_LEFT || ev->key == SDLK_PAGEUP)
            return SCREEN_PREV;
        return SCREEN_STAY;
    }
    return SCREEN_STAY;
}

static void test_destroy(screen *s)
{
    render_list_free(&((screen_test *)s)->list);
    free(s);
}

static const screen_vt test_vt = {
    .name = "test", .prepare = test_prepare, .draw = test_draw,
    .input = test_input, .destroy = test_destroy,
};

screen *screen_test_create(int article_index)
{
    screen_test *s = xcalloc(1, sizeof *s);
    s->base.vt = &test_vt;
    s->index = article_index < 0 ? 0 : article_index;
    return &s->base;
}
