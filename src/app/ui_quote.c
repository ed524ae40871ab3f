/*
** src/app/ui_quote.c: the Quote screen (ui_quote_): one quotation large in
** the serif, fitted to its box, who said it, and the article it comes from
** as a tappable source line. Swipes are ui_state's business (NEXT / PREV
** places); this screen renders quote_index (wrapped) and answers hit tests.
**
**   +--------------------------------------------------+
**   | (‹ Back)           Quotes              ( Home )  |  ui_bar
**   |--------------------------------------------------|
**   |  “                                               |
**   |  The quotation, FONT_SERIF, fitted between       |  quote box
**   |  QUOTE_MIN_S and QUOTE_MAX_S of the short side   |
**   |  — Speaker (or the outlet)                       |
**   |    Role (smaller, muted; wraps, never clipped)   |
**   |  From: Headline · 4 May 2023  ›                  |  source: tap -> article
**   |                    • • o • •                     |  ui_dots
**   +--------------------------------------------------+
*/
#include "app/render.h"
#include "app/screen.h"
#include "app/strings.h"
#include "app/ui_chrome.h"
#include "app/ui_views.h"

#include "common/util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Layout, in short sides (S). */
#define QUOTE_MIN_S     0.040f  /* smallest quote size: an overlong quote ends in "…" here */
#define QUOTE_MAX_S     0.095f  /* largest quote size (a short quote) */
#define QUOTE_MARK_S    0.16f   /* the opening quotation mark */
#define QUOTE_MAX_W_S   2.2f    /* widest text column (very wide screens) */
#define SOURCE_LINES    2       /* the source line wraps to at most this */

typedef struct ui_quote {
    screen base;                /* MUST BE FIRST */
    int index;                  /* as asked; wrapped in prepare */
    int shown;                  /* the quote shown (wrapped index), -1 none */
    int article;                /* its article's index in store_articles order, -1 */
    ui_bar bar;
    render_list list;           /* everything but the bar */
    SDL_Rect source;            /* hit rect of the source line (>= target), empty if none */
    SDL_Rect prev, next;        /* the ‹ › buttons (as the Article screen's), empty if one quote */
    ui_metrics m;               /* for the focus ring */
    uint32_t accent;            /* focus ring colour */
    int focus;                  /* keyboard focus: -1 none, 0 source, 1 Back, 2 Home */
    int nq, dots_y;             /* quotes in all, the pager's row (its dots are tappable) */
} ui_quote;

/* The notice drawn when there is nothing to show. */
static void add_empty(ui_quote *s, const screen_ctx *ctx, const ui_metrics *m, const char *msg)
{
    text_style st = ui_style(FONT_SANS, m->px_body, ctx->cfg->color_muted, TEXT_CENTER, 0);
    ui_text_add(&s->list, ctx, msg, &st, m->margin, m->h / 2 - m->px_body, m->w - 2 * m->margin, 0);
}

static void source_line(const store_article_row *a, char *out, size_t n)
{
    char date[64] = "";
    ui_format_date(a->published, date, sizeof date);
    char what[600];
    snprintf(what, sizeof what, "%.400s%s%s", a->title, *date ? " \xc2\xb7 " : "", date);
    snprintf(out, n, str(S_FROM), what);
    size_t len = strlen(out);
    snprintf(out + len, n - len, "  \xe2\x80\xba");
}

/* The quote block (ui_quote_block_add, the quote slide's treatment) in a
** centred column between top and bottom; its source line opens the article. */
static void add_quote(ui_quote *s, const screen_ctx *ctx, const ui_metrics *m,
                      const store_quote *q, const store_article_row *a, int top, int bottom)
{
    int cw = m->w - 2 * m->margin, maxw = (int)(QUOTE_MAX_W_S * (float)m->S);
    cw = cw > maxw ? maxw : cw;
    int pct = ctx->text_pct > 0 ? ctx->text_pct : 100;
    char src[1200] = "";
    if (a)
        source_line(a, src, sizeof src);
    int mark_px = (int)(QUOTE_MARK_S * (float)m->S);
    ui_quote_spec sp = { (m->w - cw) / 2, top + mark_px / 4, cw, bottom,
                         (int)(QUOTE_MIN_S * (float)m->S) * pct / 100,
                         (int)(QUOTE_MAX_S * (float)m->S) * pct / 100,
                         m->px_body, m->px_meta, m->px_meta,
                         a ? a->source : NULL, src, SOURCE_LINES, a != NULL, 0, 0 };
    ui_quote_block_add(&s->list, ctx, m, q, &sp, &s->source);
}

static int quote_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    ui_quote *s = (ui_quote *)base;
    ui_metrics m;
    ui_metrics_init(&m, w, h);
    s->m = m;
    ui_metrics_reading(&m, ctx->text_pct);      /* the visitor's text size (Aa) */
    s->accent = ctx->cfg->color_accent;
    render_list_free(&s->list);
    s->source = (SDL_Rect){ 0, 0, 0, 0 };
    s->prev = s->next = (SDL_Rect){ 0, 0, 0, 0 };
    s->nq = 0;
    s->shown = s->article = -1;
    ui_bar_prepare_aa(&s->bar, ctx, &m, str(S_QUOTES));
    if (!ctx->fonts)
        return -1;
    if (!ctx->st) {
        add_empty(s, ctx, &m, str(S_UNAVAILABLE));
        return 0;
    }
    store_counts cnt;
    store_list quotes = {0};
    int n = store_count(ctx->st, &cnt) == STORE_OK && cnt.quotes <= INT_MAX ? (int)cnt.quotes : 0;
    if (n > 0)
        s->shown = ((s->index % n) + n) % n;
    if (n == 0 || store_quotes_range(ctx->st, (size_t)s->shown, 1, &quotes) != STORE_OK ||
        quotes.n == 0) {
        s->shown = -1;
        add_empty(s, ctx, &m, str(S_NO_QUOTATIONS));
    } else {
        const store_quote *q = quotes.v;
        store_article_row row;
        size_t ai;
        int found = store_article_find(ctx->st, q->article_id, &ai, &row) == STORE_OK;
        if (found && ai <= INT_MAX)
            s->article = (int)ai;
        /* the foot as on the Article screen: ‹ dots › */
        int foot_h = n > 1 ? m.target + m.margin / 2 : 0, fy = h - s->bar.inset - foot_h;
        int bottom = n > 1 ? fy - m.margin / 2 : h - s->bar.inset - m.margin;
        add_quote(s, ctx, &m, q, found ? &row : NULL, s->bar.bottom + m.margin, bottom);
        if (n > 1) {
            int bw = m.target * 3 / 2, by = fy + (foot_h - m.target) / 2;
            s->prev = (SDL_Rect){ m.margin, by, bw, m.target };
            s->next = (SDL_Rect){ w - m.margin - bw, by, bw, m.target };
            ui_button_add(&s->list, ctx, &m, s->prev, "\xe2\x80\xb9", UI_BUTTON_OUTLINE);
            ui_button_add(&s->list, ctx, &m, s->next, "\xe2\x80\xba", UI_BUTTON_OUTLINE);
            s->nq = n;
            s->dots_y = fy + (foot_h - ui_dots_height(&m)) / 2;
            ui_dots_add(&s->list, ctx, &m, s->shown, n, w / 2, s->dots_y);
        }
        if (found)
            store_article_row_free(&row);
    }
    store_quotes_free(&quotes);
    return 0;
}

/* Focus target i (0 source, 1 Back, 2 Home): its rect, empty when absent. */
static SDL_Rect quote_target(const ui_quote *s, int i, ui_event *ev)
{
    static const ui_target tg[3] = { UI_TGT_ARTICLE_SOURCE, UI_TGT_BACK, UI_TGT_HOME };
    SDL_Rect r = i == 0 ? (s->article >= 0 ? s->source : (SDL_Rect){ 0, 0, 0, 0 })
               : i == 1 ? s->bar.back : s->bar.home;
    if (ev) {
        ev->target = tg[i];
        ev->index = ev->article = i == 0 ? s->article : -1;
    }
    return r;
}

/* Keyboard focus: the source line first (Enter opens the article), then
** Back and Home; Tab and Up/Down step. Left/Right stay next/previous quote. */
static int quote_focus(screen *base, int move, ui_event *out)
{
    ui_quote *s = (ui_quote *)base;
    if (move == SCREEN_FOCUS_LEFT || move == SCREEN_FOCUS_RIGHT)
        return 0;
    int step = move == SCREEN_FOCUS_UP ? 2 : 1, f = s->focus;   /* 2: one back, mod 3 */
    if (f < 0 || move != SCREEN_FOCUS_NONE) {
        f = f < 0 ? 0 : (f + step) % 3;         /* none yet: the source line first */
        for (int k = 0; k < 2 && quote_target(s, f, NULL).w <= 0; k++)
            f = (f + step) % 3;                 /* skip what is absent */
    }
    if (quote_target(s, f, NULL).w <= 0)
        return 0;
    s->focus = f;
    quote_target(s, f, out);
    return 1;
}

static void quote_draw(screen *base, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    ui_quote *s = (ui_quote *)base;
    render_list_draw(r, &s->list, x_off, alpha);
    ui_bar_draw(&s->bar, r, x_off, alpha);
    if (s->focus >= 0)
        ui_focus_ring_draw(r, &s->m, quote_target(s, s->focus, NULL), s->accent, x_off, alpha);
}

static void quote_hit(screen *base, float x, float y, ui_event *out)
{
    ui_quote *s = (ui_quote *)base;
    if (ui_bar_hit(&s->bar, x, y, out))
        return;
    if (ui_hit(out, &s->prev, x, y)) {
        out->target = UI_TGT_PREV;
        return;
    }
    if (ui_hit(out, &s->next, x, y)) {
        out->target = UI_TGT_NEXT;
        return;
    }
    int dot = s->nq > 1 ? ui_dots_hit(&s->m, s->nq, s->m.w / 2, s->dots_y, x, y) : -1;
    if (dot >= 0) {                             /* a pager dot: that quote */
        out->target = UI_TGT_PAGE;
        out->index = dot;
        return;
    }
    if (s->article >= 0 && ui_hit(out, &s->source, x, y)) {
        out->target = UI_TGT_ARTICLE_SOURCE;
        out->index = s->article;
        out->article = s->article;
    }
}

/* Keys and swipes go through ui_state; the legacy hook stays quiet. */
static screen_action quote_input(screen *s, const screen_ev *ev)
{
    return SCREEN_STAY;
}

static void quote_destroy(screen *base)
{
    ui_quote *s = (ui_quote *)base;
    render_list_free(&s->list);
    ui_bar_free(&s->bar);
    free(s);
}

static const screen_vt quote_vt = {
    .name = "quote", .prepare = quote_prepare, .draw = quote_draw, .input = quote_input,
    .destroy = quote_destroy, .hit = quote_hit, .focus = quote_focus,
};

screen *ui_quote_create(int quote_index)
{
    ui_quote *s = xcalloc(1, sizeof *s);
    s->base.vt = &quote_vt;
    s->index = quote_index;
    s->shown = s->article = s->focus = -1;
    return &s->base;
}
