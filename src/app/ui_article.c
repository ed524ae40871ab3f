/*
** src/app/ui_article.c: one article, in two modes.
**
** Article (fulltext 0): headline, outlet · date · author, the summary, a
** "Read the full article" button, the key quotes (tap: the quote screen)
** and the events (tap: the timeline centred there). Landscape puts quotes
** and events in a right column; portrait stacks them. The page scrolls
** when it is taller than the view; prev / next buttons and the position
** indicator sit in the footer (a swipe does the same).
**
** Full text (fulltext 1): the whole body in a reading column, one texture
** per paragraph, scrolled by drag with inertia (kinetic scroller with a
** rubber band at the ends), the wheel, arrows and Page Up / Page Down; a
** thumb on the right shows where the view is.
*/
#include "app/qr.h"
#include "app/render.h"
#include "app/ui.h"
#include "app/strings.h"
#include "app/ui_chrome.h"

#include "common/util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_LINES      0       /* headline lines on the Article screen: all (the page scrolls) */
/* Key quotes and events an Article screen lists: a visitor reads a handful;
** the Quote and Timeline screens hold them all. More than this (a hostile or
** machine-made database: thousands of events in one article) would take
** seconds to prepare; the rest is counted in one line instead. */
#define ARTICLE_MAX_QUOTES  8
#define ARTICLE_MAX_EVENTS  12
#define MEASURE_EM      32      /* full text: column at most this many body px * ... */
#define FULLTEXT_PICS_MAX 8     /* full text: further pictures shown at most */
#define FULLTEXT_PIC_H_PCT 45   /* full text: a picture at most this % of the view high */
#define FULLTEXT_PARA_GAP_PCT 100   /* full text: space between paragraphs, % of the body
                                    ** size (line pitch 140 %): a paragraph reads as one */

typedef struct ui_article {
    screen base;                /* MUST BE FIRST */
    int index;                  /* article, in article order, store.h (wraps) */
    int fulltext;               /* 1: the full-text view */
    int n_articles;
    ui_metrics m;
    ui_bar bar;
    render_list foot;           /* prev / indicator / next over a bg box */
    SDL_Rect prev, next;        /* hit rects (article mode) */
    SDL_Rect read;              /* "Read the full article" in the footer; w 0: in the page */
    int dots_cx, dots_y;        /* the pager (its dots are tappable: ui_dots_hit) */
    ui_page page;
    uint32_t thumb;             /* scroll thumb colour */
    uint32_t bg;                /* background: the fade where more text lies below */
    int highlight;              /* store index of the event shown highlighted, -1 none */
    int hl_y, hl_h;             /* its row in page coordinates (hl_h 0: not listed) */
} ui_article;

static char *summary_text(const store_article *a)
{
    sbuf b = {0};
    for (size_t i = 0; i < a->nsummary; i++) {
        if (i)
            sbuf_addc(&b, ' ');
        sbuf_adds(&b, a->summary[i]);
    }
    return sbuf_take(&b);
}

/* Headline + meta + rule at (x, y) width cw; returns the new y. */
static int add_heading(ui_article *s, const screen_ctx *ctx, const store_article *a, int x, int y,
                       int cw, int head_lines)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    render_list *l = ui_page_list(&s->page);
    text_style hs = ui_style(ui_head_face(c), m->px_head, c->color_text, TEXT_LEFT, head_lines);
    hs.line_pct = 105;
    y += ui_text_add(l, ctx, a->head.title, &hs, x, y, cw, 0) + m->px_meta / 2;
    char meta[400];
    ui_format_meta(a->head.source, a->head.published, a->head.author, meta, sizeof meta);
    text_style ms = ui_style(FONT_SANS, m->px_meta, c->color_muted, TEXT_LEFT, 2);
    y += ui_text_add(l, ctx, meta, &ms, x, y, cw, 0) + m->px_meta;
    render_list_box(l, (SDL_Rect){ x, y, m->S / 8, m->line * 2 }, c->color_accent);
    return y + m->px_meta;
}

/* A small section label ("Key quotes"). */
static int add_label(ui_article *s, const screen_ctx *ctx, const char *text, int x, int y, int cw)
{
    text_style st = ui_style(FONT_SANS_BOLD, s->m.px_small, ctx->cfg->color_accent, TEXT_LEFT, 1);
    return ui_text_add(ui_page_list(&s->page), ctx, text, &st, x, y, cw, 0) + s->m.px_small / 2;
}

/* "+ N more quotes" under a list cut at max (nothing when n <= max). */
static int add_more(ui_article *s, const screen_ctx *ctx, size_t n, size_t max,
                    str_id what, int x, int y, int cw)
{
    if (n <= max)
        return 0;
    char buf[64];
    snprintf(buf, sizeof buf, str(what), (int)(n - max > 1000000 ? 1000000 : n - max));
    text_style st = ui_style(FONT_SANS, s->m.px_meta, ctx->cfg->color_muted, TEXT_LEFT, 1);
    return ui_text_add(ui_page_list(&s->page), ctx, buf, &st, x, y, cw, 0) + s->m.px_meta / 2;
}

/* The key quotes: each the quote block (ui_quote_block_add, as on the Quote
** screen and the quote slide) as a list row beside an accent bar. */
static int add_quotes(ui_article *s, const screen_ctx *ctx, const store_article *a,
                      int x, int y, int cw)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    y += add_label(s, ctx, str(S_KEY_QUOTES), x, y, cw);
    for (size_t k = 0; k < a->nquotes && k < ARTICLE_MAX_QUOTES; k++) {
        render_list *l = ui_page_list(&s->page);
        const store_quote *q = &a->quotes[k];
        int bar = m->line * 2, pad = m->margin / 3, y0 = y;
        ui_quote_spec sp = {
            .x = x + bar + pad, .top = y, .w = cw - bar - pad, .bottom = INT_MAX / 4,
            .px_min = m->px_body, .px_max = m->px_body,
            .px_who = m->px_meta, .px_role = m->px_meta, .px_src = 0,
            .outlet = a->head.source, .row = 1,
        };
        y += ui_quote_block_add(l, ctx, m, q, &sp, NULL) - sp.px_who / 3;
        render_list_box(l, (SDL_Rect){ x, y0, bar, y - y0 }, c->color_accent);
        size_t qi;
        if (store_quote_index(ctx->st, a->head.id, q->position, &qi) == STORE_OK && qi <= INT_MAX)
            ui_page_hit(&s->page, ui_rect_grow((SDL_Rect){ x, y0, cw, y - y0 }, m->target),
                        UI_TGT_QUOTE, (int)qi, s->index);
        y += m->px_body;
    }
    y += add_more(s, ctx, a->nquotes, ARTICLE_MAX_QUOTES, S_MORE_QUOTES, x, y, cw);
    return y;
}

/* The events: each the event block (ui_event_block_add, as on the Timeline
** and the timeline slide): its date with the year, then its whole text. The
** one the visitor came from on the Timeline sits on a tinted band with an
** accent edge. */
static int add_events(ui_article *s, const screen_ctx *ctx, const store_article *a,
                      int x, int y, int cw)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    y += add_label(s, ctx, str(S_EVENTS), x, y, cw);
    for (size_t k = 0; k < a->nevents && k < ARTICLE_MAX_EVENTS; k++) {
        render_list *l = ui_page_list(&s->page);
        const store_event *e = &a->events[k];
        char date[64];
        ui_format_date_range(e->date, e->end_date, date, sizeof date);
        int y0 = y;
        size_t ei;
        int have = store_event_index(ctx->st, e, &ei) == STORE_OK && ei <= INT_MAX;
        int hl = have && (int)ei == s->highlight, band = l->n;
        if (hl) {               /* placed once the block's height is known, drawn under it */
            render_list_box(l, (SDL_Rect){ 0, 0, 0, 0 }, ui_mix(c->color_bg, c->color_accent, 22));
            render_list_box(l, (SDL_Rect){ 0, 0, 0, 0 }, c->color_accent);
        }
        ui_event_spec es = {
            .x = x, .top = y, .w = cw, .bottom = INT_MAX / 4,
            .px_date = m->px_meta, .px_min = m->px_meta, .px_max = m->px_meta,
            .px_src = m->px_meta, .text_font = FONT_SANS,
        };
        y += ui_event_block_add(l, ctx, m, date, e->text, NULL, &es, NULL) - m->px_meta / 3;
        if (hl && band + 1 < l->n) {
            int pad = m->px_meta / 3, edge = m->px_meta / 5 + 1, rh = y - y0;
            l->items[band].box = (SDL_Rect){ x - pad - edge, y0 - pad, cw + 2 * pad + edge, rh + 2 * pad };
            l->items[band + 1].box = (SDL_Rect){ x - pad - edge, y0 - pad, edge, rh + 2 * pad };
            s->hl_y = y0 - pad;
            s->hl_h = rh + 2 * pad;
        }
        if (have)
            ui_page_hit(&s->page, ui_rect_grow((SDL_Rect){ x, y0, cw, y - y0 }, m->target),
                        UI_TGT_EVENT, (int)ei, s->index);
        y += m->px_meta * 2 / 3 + (m->target > y - y0 ? (m->target - (y - y0)) / 2 : 0);
    }
    y += add_more(s, ctx, a->nevents, ARTICLE_MAX_EVENTS, S_MORE_EVENTS, x, y, cw);
    return y;
}

/* "Read on your phone": a QR code of the article's URL (qr.h: whole-pixel
** modules, quiet zone, sized to be read from a metre where the column has
** room) with its label beside it, or under it when the column is narrow.
** Made once, here; returns the y below it (y unchanged when it cannot be
** made). */
static int add_qr(ui_article *s, const screen_ctx *ctx, const char *url, int x, int y, int cw)
{
    const ui_metrics *m = &s->m;
    int room = cw / 2 < m->h / 3 ? cw / 2 : m->h / 3;     /* the content comes first */
    text_tex t;
    if (ui_qr_texture(ctx, m, url, room, &t) != 0)
        return y;
    int side = t.w;
    render_list *l = ui_page_list(&s->page);
    render_list_text(l, &t, x, y);
    text_style ls = ui_style(FONT_SANS_BOLD, m->px_meta, ctx->cfg->color_text, TEXT_LEFT, 3);
    int beside = cw - side - m->margin;
    if (beside >= m->px_meta * 6) {
        int lh = ui_text_add(ui_page_list(&s->page), ctx, str(S_READ_PHONE), &ls,
                             x + side + m->margin / 2, y + m->px_meta / 2, beside, 0);
        (void)lh;
        return y + side + m->margin;
    }
    y += side + m->px_meta / 2;
    return y + ui_text_add(ui_page_list(&s->page), ctx, str(S_READ_PHONE), &ls, x, y, cw, 0) + m->margin;
}

static int add_article(ui_article *s, const screen_ctx *ctx, const store_article *a)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    store_image im;                 /* a picture is side content too (landscape) */
    int has_pic = store_image_lead(ctx->st, a->head.id, 1, &im) == STORE_OK && im.bytes;
    store_image_free(&im);
    int side = a->nquotes || a->nevents || has_pic;
    int cw = m->w - 2 * m->margin, gap = m->margin;
    int two = m->wide && side, lw = two ? (cw - gap) * 11 / 20 : cw;
    if (lw > MEASURE_EM * m->px_body)       /* one column: lines of readable length */
        lw = MEASURE_EM * m->px_body;
    int x = m->margin, y = m->margin / 2;
    int ry = two ? m->margin / 2 : 0, rx = two ? x + lw + gap : x, rw = two ? cw - lw - gap : cw;
    /* the lead picture: heading the side column, or the page in one column */
    int pic_h = (two ? rw : cw) * 9 / 16, pic_max = (m->h - m->bar_h) * 3 / 10;
    if (pic_h > pic_max)
        pic_h = pic_max;
    int ph = ui_picture_add(ui_page_list(&s->page), ctx, m, a->head.id, two ? rx : x,
                            two ? ry : y, two ? rw : cw, pic_h, 1);
    if (ph && two)
        ry += ph + m->px_meta;
    else if (ph)
        y += ph + m->px_meta;
    y = add_heading(s, ctx, a, x, y, lw, HEAD_LINES);
    char *sum = summary_text(a);
    text_style bs = ui_style(FONT_SANS, m->px_body, c->color_text, TEXT_LEFT, 0);
    bs.line_pct = 135;
    y += ui_text_add(ui_page_list(&s->page), ctx, *sum ? sum : a->body, &bs, x, y, lw,
                     *sum ? 0 : m->px_body * 8) + m->px_body;
    free(sum);
    if (s->read.w == 0) {           /* no footer: the button under the summary */
        const char *more = str(S_READ_FULL);
        SDL_Rect btn = { x, y, ui_button_width(ctx, m, more), m->btn_h };
        ui_button_add(ui_page_list(&s->page), ctx, m, btn, more, UI_BUTTON_FILLED);
        ui_page_hit(&s->page, ui_rect_grow(btn, m->target), UI_TGT_READ_MORE, s->index, s->index);
        y += btn.h + m->margin;
    }
    if (!a->nquotes && !a->nevents) {
        text_style ns = ui_style(FONT_SANS, m->px_meta, c->color_muted, TEXT_LEFT, 2);
        y += ui_text_add(ui_page_list(&s->page), ctx, str(S_NO_QUOTES_EVENTS),
                         &ns, x, y, lw, 0) + m->margin;
    }
    if (!two)
        ry = y;
    if (c->qr && a->url && *a->url)             /* on screen: first in the side column */
        ry = add_qr(s, ctx, a->url, rx, ry, rw);
    if (a->nquotes)
        ry = add_quotes(s, ctx, a, rx, ry, rw);
    if (a->nevents)
        ry = add_events(s, ctx, a, rx, ry + (a->nquotes ? m->px_meta : 0), rw);
    return (ry > y ? ry : y) + m->margin / 2;
}

/* Full text: the paragraphs in a centred reading column, laid out now and
** rendered while near the view (ui_page_lazy_text): an article of any
** length prepares in the time of its first screens and holds a few
** screens of textures. */
static int add_fulltext(ui_article *s, const screen_ctx *ctx, const store_article *a)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    int cw = m->w - 2 * m->margin, maxw = MEASURE_EM * m->px_body;
    if (cw > maxw)
        cw = maxw;
    int x = (m->w - cw) / 2, y = m->margin / 2;
    y = add_heading(s, ctx, a, x, y, cw, 0);
    text_style bs = ui_style(FONT_SANS, m->px_body, c->color_text, TEXT_LEFT, 0);
    bs.line_pct = 140;
    /* the further pictures, spread between the paragraphs as a page sets
    ** them (the ingest keeps no place for them in the text) */
    int npara = 0, npic = 0, gap = m->px_body * FULLTEXT_PARA_GAP_PCT / 100;
    for (const char *p = a->body ? a->body : ""; *p;) {
        size_t n = strcspn(p, "\n");
        npara += n > 0;
        p += n + (p[n] == '\n');
    }
    npic = store_image_more_count(ctx->st, a->head.id);
    npic = npic > FULLTEXT_PICS_MAX ? FULLTEXT_PICS_MAX : npic;
    int pic_h = cw * 2 / 3, pic_max = (m->h - m->bar_h) * FULLTEXT_PIC_H_PCT / 100;
    pic_h = pic_h > pic_max ? pic_max : pic_h;
    int para = 0, placed = 0;
    const char *p = a->body ? a->body : "";
    while (*p && !stop_requested()) {          /* quitting: the rest is not needed */
        size_t n = strcspn(p, "\n");
        if (n) {
            char *txt = xstrndup(p, n);
            int ph = ui_page_lazy_text(&s->page, ctx, txt, &bs, x, y, cw);
            free(txt);
            if (ph)
                y += ph + gap;
            para++;
            /* picture j after paragraph (j + 1) * npara / (npic + 1) */
            while (placed < npic && para >= (placed + 1) * npara / (npic + 1)) {
                int h = ui_picture_more_add(&s->page, ctx, m, a->head.id, placed, x, y, cw, pic_h);
                if (h)
                    y += h + gap;
                placed++;
            }
        }
        p += n + (p[n] == '\n');
    }
    /* the end: three small accent squares, centred, as a magazine closes */
    int d = m->px_body / 3 > 3 ? m->px_body / 3 : 3;
    render_list *l = ui_page_list(&s->page);
    for (int k = -1; k <= 1; k++)
        render_list_box(l, (SDL_Rect){ m->w / 2 - d / 2 + k * d * 3, y, d, d }, c->color_accent);
    return y + d + m->margin * 2;
}

static int article_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    ui_article *s = (ui_article *)base;
    ui_page_free(&s->page);
    render_list_free(&s->foot);
    ui_metrics_init(&s->m, w, h);
    ui_metrics_reading(&s->m, ctx->text_pct);   /* the visitor's text size (Aa) */
    const ui_metrics *m = &s->m;
    s->thumb = ui_mix(ctx->cfg->color_bg, ctx->cfg->color_muted, 60);
    s->bg = ctx->cfg->color_bg;
    s->prev = s->next = s->read = (SDL_Rect){ 0, 0, 0, 0 };
    s->hl_y = s->hl_h = 0;
    int first = s->page.scr.view_h <= 0;        /* not a re-prepare (resize) */
    if (!ctx->st)
        return -1;
    store_counts cnt;
    store_list rows = {0};
    if (store_count(ctx->st, &cnt) != STORE_OK || cnt.articles == 0 || cnt.articles > INT_MAX)
        return -1;
    s->n_articles = (int)cnt.articles;
    s->index = ((s->index % s->n_articles) + s->n_articles) % s->n_articles;
    if (store_articles_range(ctx->st, (size_t)s->index, 1, &rows) != STORE_OK || rows.n == 0) {
        store_articles_free(&rows);
        return -1;
    }
    const store_article_row *row = rows.v;
    long long id = row->id;
    char title[200];
    snprintf(title, sizeof title, "%.150s", row->source ? row->source : str(S_ARTICLE));
    store_articles_free(&rows);
    store_article a;
    if (store_article_get(ctx->st, id, &a) != STORE_OK)
        return -1;
    ui_bar_prepare_aa(&s->bar, ctx, m, s->fulltext ? str(S_FULL_ARTICLE) : title);
    int foot_h = 0;
    if (!s->fulltext && s->n_articles > 1) {
        foot_h = m->target + m->margin / 2;
        int fy = h - s->bar.inset - foot_h;     /* above the bar where it sits low */
        render_list_box(&s->foot, (SDL_Rect){ 0, fy, w, foot_h }, ctx->cfg->color_bg);
        int bw = m->target * 3 / 2, by = fy + (foot_h - m->target) / 2;
        s->prev = (SDL_Rect){ m->margin, by, bw, m->target };
        s->next = (SDL_Rect){ w - m->margin - bw, by, bw, m->target };
        ui_button_add(&s->foot, ctx, m, s->prev, "\xe2\x80\xb9", UI_BUTTON_OUTLINE);
        ui_button_add(&s->foot, ctx, m, s->next, "\xe2\x80\xba", UI_BUTTON_OUTLINE);
        /* "Read the full article" in the footer, always on screen, left of
        ** next; the position indicator centred in what is left */
        const char *more = str(S_READ_FULL);
        int rw = ui_button_width(ctx, m, more), cx = w / 2;
        SDL_Rect read = { s->next.x - m->margin / 2 - rw, by, rw, m->target };
        if (read.x > s->prev.x + bw + m->margin) {
            ui_button_add(&s->foot, ctx, m, read, more, UI_BUTTON_FILLED);
            s->read = read;
            int dots_w = ui_dots_width(m, s->n_articles);
            if (cx + dots_w / 2 + m->margin / 2 > read.x)
                cx = (s->prev.x + bw + read.x) / 2;
        }
        s->dots_cx = cx;
        s->dots_y = fy + (foot_h - ui_dots_height(m)) / 2;
        ui_dots_add(&s->foot, ctx, m, s->index, s->n_articles, cx, s->dots_y);
    }
    int content_h = s->fulltext ? add_fulltext(s, ctx, &a) : add_article(s, ctx, &a);
    store_article_free(&a);
    if (content_h < 0)
        return -1;
    int top = s->bar.bottom;
    ui_scroller_setup(&s->page.scr, top, h - top - foot_h - s->bar.inset, content_h, m->px_body * 2);
    if (first && s->hl_h > 0 && s->hl_y + s->hl_h > s->page.scr.view_h - m->px_body) {
        /* the highlighted event below the fold: scrolled to a third down */
        ui_view v = { 1, (double)(s->hl_y - s->page.scr.view_h / 3), 0, 0 };
        ui_scroller_restore(&s->page.scr, &v);
    }
    /* the texts on screen now; those below come one a frame once it shows
    ** (article_update), so the transition starts sooner */
    ui_page_lazy_sync(&s->page, 0);
    return 0;
}

static void article_draw(screen *base, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    ui_article *s = (ui_article *)base;
    ui_page_draw(&s->page, r, x_off, alpha);
    ui_scroller_fade_draw(&s->page.scr, r, &s->m, s->bg, x_off, alpha);
    ui_bar_draw(&s->bar, r, x_off, alpha);
    render_list_draw(r, &s->foot, x_off, alpha);
    ui_scroller_draw(&s->page.scr, r, &s->m, s->thumb, x_off, alpha);
}

static void article_hit(screen *base, float x, float y, ui_event *out)
{
    ui_article *s = (ui_article *)base;
    if (ui_bar_hit(&s->bar, x, y, out))
        return;
    if (ui_hit(out, &s->prev, x, y))
        out->target = UI_TGT_PREV;
    else if (ui_hit(out, &s->next, x, y))
        out->target = UI_TGT_NEXT;
    else if (!s->fulltext && s->n_articles > 1 &&
             ui_dots_hit(&s->m, s->n_articles, s->dots_cx, s->dots_y, x, y) >= 0) {
        out->target = UI_TGT_PAGE;              /* a pager dot: that article */
        out->index = ui_dots_hit(&s->m, s->n_articles, s->dots_cx, s->dots_y, x, y);
    }
    else if (s->read.w && ui_hit(out, &s->read, x, y)) {
        out->target = UI_TGT_READ_MORE;
        out->index = out->article = s->index;
    }
    else
        ui_page_hit_test(&s->page, x, y, out);
}

static int article_gesture(screen *base, const gesture_event *ev, uint32_t now)
{
    return ui_scroller_gesture(&((ui_article *)base)->page.scr, ev, now);
}

static int article_action(screen *base, const ui_action *a, uint32_t now)
{
    return ui_scroller_action(&((ui_article *)base)->page.scr, a, now);
}

/* Textures for the paragraphs near the view, one beyond it a frame (after
** the prepare, which made only those in view, and while the page moves),
** freed for those left far. */
static int article_update(screen *base, uint32_t now)
{
    ui_article *s = (ui_article *)base;
    int moving = ui_scroller_update(&s->page.scr, now);
    return ui_page_lazy_sync(&s->page, 1) || moving;    /* at rest too: the next ones ahead */
}

static screen_action article_input(screen *s, const screen_ev *ev) { return SCREEN_STAY; }

static void article_destroy(screen *base)
{
    ui_article *s = (ui_article *)base;
    ui_page_free(&s->page);
    ui_bar_free(&s->bar);
    render_list_free(&s->foot);
    free(s);
}

static void article_save_view(const screen *base, ui_view *out)
{
    ui_scroller_save(&((const ui_article *)base)->page.scr, out);
}

static void article_restore_view(screen *base, const ui_view *v)
{
    ui_article *s = (ui_article *)base;
    ui_scroller_restore(&s->page.scr, v);
    ui_page_lazy_sync(&s->page, INT_MAX);       /* the texts of that place, now */
}

static const screen_vt article_vt = {
    .name = "article", .prepare = article_prepare, .draw = article_draw, .input = article_input,
    .destroy = article_destroy, .hit = article_hit, .gesture = article_gesture,
    .action = article_action, .update = article_update,
    .save_view = article_save_view, .restore_view = article_restore_view,
};

static const screen_vt fulltext_vt = {
    .name = "fulltext", .prepare = article_prepare, .draw = article_draw, .input = article_input,
    .destroy = article_destroy, .hit = article_hit, .gesture = article_gesture,
    .action = article_action, .update = article_update,
    .save_view = article_save_view, .restore_view = article_restore_view,
};

screen *ui_article_create(int article_index, int fulltext, int highlight_event)
{
    ui_article *s = xcalloc(1, sizeof *s);
    s->highlight = highlight_event;
    s->base.vt = fulltext ? &fulltext_vt : &article_vt;
    s->index = article_index;
    s->fulltext = fulltext;
    return &s->base;
}
