/*
** src/app/ui_home.c: the exhibit's home screen: every article as a card
** (headline, outlet · date, and the summary's first sentence where there is
** room) and the two ways into Quotes and Timeline; with few articles the
** cards grow to share the screen.
** Everything is reachable in two touches: a card, or a button and an item.
** At most HOME_CARDS_MAX cards, the newest (store_articles order): every
** card holds its own text textures, so a 10,000-article corpus would take
** ~14 s and ~3 GB to prepare; older articles stay reachable by swiping
** through articles, the slideshow, Quotes and Timeline.
**
**   +-------------------------------------------------------+
**   | In the news                     [ Quotes ] [Timeline] |  header
**   |-------------------------------------------------------|
**   | |Headline ...      | |Headline ...     | |Headline   |  cards, 1..3
**   | |outlet · date     | |outlet · date    | |...        |  columns,
**   |  ...                                                  |  scrolling
**   +-------------------------------------------------------+
*/
#include "app/picture.h"
#include "app/render.h"
#include "app/ui.h"
#include "app/strings.h"
#include "app/ui_chrome.h"

#include "common/util.h"

#include <stdio.h>
#include <limits.h>
#include <stdlib.h>

#define CARD_MIN_W_S     0.55f  /* short sides: narrowest card column */
#define CARD_HEAD_LINES  3      /* headline lines on a card before the ellipsis */
#ifndef HOME_CARDS_MAX
#define CARD_BAND_PCT    34     /* a grown card's picture / cover band, % of its height */
#define CARD_BIG_PCT     140    /* a card this % of its base height is grown */
#define HOME_CARDS_MAX   24     /* cards on home (newest first): start time and RSS flat */
#endif

typedef struct ui_home {
    screen base;                /* MUST BE FIRST */
    ui_metrics m;
    render_list head;           /* title, buttons, rule over a bg box */
    SDL_Rect quotes_btn, timeline_btn;  /* hit rects */
    SDL_Rect quotes_vis, timeline_vis;  /* the buttons as drawn (focus ring) */
    ui_page page;               /* the cards */
    uint32_t thumb;             /* scroll thumb colour */
    uint32_t accent;            /* focus ring colour */
    int cols;                   /* card columns */
    int focus;                  /* keyboard focus: -1 none; 0.. buttons (nbtn), then cards */
} ui_home;

static void add_header(ui_home *s, const screen_ctx *ctx, int nquotes, int nevents)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    render_list_box(&s->head, (SDL_Rect){ 0, 0, m->w, m->bar_h }, c->color_bg);
    int by = (m->bar_h - m->btn_h) / 2;
    int tw = ui_button_width(ctx, m, str(S_TIMELINE)), qw = ui_button_width(ctx, m, str(S_QUOTES));
    int x = m->w - m->margin;
    s->quotes_btn = s->timeline_btn = s->quotes_vis = s->timeline_vis = (SDL_Rect){ 0, 0, 0, 0 };
    if (nevents > 0) {
        x -= tw;
        SDL_Rect r = { x, by, tw, m->btn_h };
        ui_button_add(&s->head, ctx, m, r, str(S_TIMELINE), UI_BUTTON_OUTLINE);
        s->timeline_btn = ui_rect_grow(r, m->target);
        s->timeline_vis = r;
        x -= m->margin / 2;
    }
    if (nquotes > 0) {
        x -= qw;
        SDL_Rect r = { x, by, qw, m->btn_h };
        ui_button_add(&s->head, ctx, m, r, str(S_QUOTES), UI_BUTTON_OUTLINE);
        s->quotes_btn = ui_rect_grow(r, m->target);
        s->quotes_vis = r;
    }
    /* the venue's logo (theme.logo), then the exhibit's title */
    int lx = m->margin;
    text_tex logo;
    if (c->theme_logo && *c->theme_logo
        && picture_file(ctx->r, c->theme_logo, m->w / 4, m->btn_h, &logo) == 0) {
        int lw = logo.w;
        render_list_text(&s->head, &logo, lx, (m->bar_h - m->btn_h) / 2 + (m->btn_h - logo.h) / 2);
        lx += lw + m->margin / 2;
    }
    text_style st = ui_style(ui_head_face(c), m->px_title * 5 / 4, c->color_text, TEXT_LEFT, 1);
    text_size sz = {0};
    int room = x - m->margin - lx;
    const char *title = ui_exhibit_title(c);
    if (ctx->fonts)
        text_measure(ctx->fonts, title, &st, room, 0, &sz);
    ui_text_add(&s->head, ctx, title, &st, lx, (m->bar_h - sz.h) / 2, room, 0);
    render_list_box(&s->head, (SDL_Rect){ m->margin, m->bar_h - m->line, m->w - 2 * m->margin, m->line },
                    ui_mix(c->color_bg, c->color_muted, 35));
    if (m->reach) {                             /* a tall portrait screen: at the bottom */
        int dy = m->h - m->bar_h;
        ui_list_shift(&s->head, 0, dy);
        s->head.items[s->head.n - 1].box.y = dy;    /* the rule on its top edge */
        s->quotes_btn.y += dy;
        s->timeline_btn.y += dy;
        s->quotes_vis.y += dy;
        s->timeline_vis.y += dy;
    }
}

/* One card at content (x, y), cw x ch. */
static void add_card(ui_home *s, const screen_ctx *ctx, const store_article_row *a, int i,
                     int x, int y, int cw, int ch, int lines, int big)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    render_list *l = ui_page_list(&s->page);
    SDL_Rect r = { x, y, cw, ch };
    ui_card_add(l, ctx, m, r);
    int pad = m->margin / 2, tx = x + pad + m->line * 2, tw = cw - 2 * pad - m->line * 2;
    /* its picture (or cover): a band across the top of a grown card, else
    ** a square at its right; the text takes what is left */
    int bar = m->line * 2 > 3 ? m->line * 2 : 3;
    text_style hs0 = ui_style(ui_head_face(c), m->px_body * 11 / 10, c->color_text, TEXT_LEFT, 0);
    text_size hz0 = {0};
    if (big && ctx->fonts && text_measure(ctx->fonts, a->title, &hs0, tw, 0, &hz0) == 0) {
        /* the band takes what the whole headline and the meta line leave,
        ** up to CARD_BAND_PCT; too little and the card has none */
        int mh = m->px_meta * 3 / 2, lead2 = m->px_meta * 26 / 10 + pad / 2;
        int band = ch - (2 * pad + hz0.h + pad / 2 + mh) - pad / 2 - lead2;  /* with the lead */
        if (band < ch / 5)
            band += lead2;                                                  /* without it */
        if (band > ch * CARD_BAND_PCT / 100)
            band = ch * CARD_BAND_PCT / 100;
        if (band >= ch / 5) {
            ui_picture_or_cover_add(ui_page_list(&s->page), ctx, m, a, x + bar, y, cw - bar,
                                    band, 1);
            y += band;
            ch -= band;
        }
        lines = 0;          /* with or without the band: every line the card holds */
    } else if (cw - 2 * pad > (ch - 2 * pad) * 3) {
        /* the square only where the headline keeps all its lines beside it */
        int sq = ch - 2 * pad;
        text_style hs = ui_style(ui_head_face(c), m->px_body * 11 / 10, c->color_text, TEXT_LEFT,
                                 lines);
        text_size hz = {0};
        if (ctx->fonts && text_measure(ctx->fonts, a->title, &hs, tw - sq - pad, 0, &hz) == 0
            && !hz.truncated) {
            ui_picture_or_cover_add(ui_page_list(&s->page), ctx, m, a, x + cw - pad - sq,
                                    y + pad, sq, sq, 0);
            tw -= sq + pad;
        }
    }
    l = ui_page_list(&s->page);
    char meta[320];
    ui_format_meta(a->source, a->published, NULL, meta, sizeof meta);
    text_style ms = ui_style(FONT_SANS, m->px_meta, c->color_muted, TEXT_LEFT, 1);
    text_size msz = {0};
    if (ctx->fonts)
        text_measure(ctx->fonts, meta[0] ? meta : "-", &ms, tw, 0, &msz);
    if (msz.truncated && a->published && *a->published && ctx->fonts) {
        /* no room for "outlet · date": the date, never cut (the outlet
        ** is on the cover, the article and its slide) */
        ui_format_meta(NULL, a->published, NULL, meta, sizeof meta);
        text_measure(ctx->fonts, meta, &ms, tw, 0, &msz);
    }
    text_style hs = ui_style(ui_head_face(c), m->px_body * 11 / 10, c->color_text, TEXT_LEFT, lines);
    int hh = ui_text_add(l, ctx, a->title, &hs, tx, y + pad, tw, ch - 2 * pad - msz.h - pad / 2);
    ui_text_add(l, ctx, meta, &ms, tx, y + ch - pad - msz.h, tw, 0);
    /* where the headline leaves two lines or more (a short headline, or a
    ** card grown on a screen with few articles): the summary's first
    ** sentence in the room left, cut at a word with an ellipsis if it must */
    int room = ch - 2 * pad - msz.h - pad - hh - pad / 2;
    char *lead = NULL;
    if (room >= m->px_meta * 2 &&
        store_summary_lead(ctx->st, a->id, &lead) == STORE_OK && lead) {
        text_style ls = ui_style(FONT_SANS, m->px_meta, c->color_muted, TEXT_LEFT, 0);
        ls.line_pct = 130;
        ui_text_add(l, ctx, lead, &ls, tx, y + pad + hh + pad / 2, tw, room);
    }
    free(lead);
    ui_page_hit(&s->page, r, UI_TGT_CARD, i, i);         /* r: the whole card */
}

static int home_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    ui_home *s = (ui_home *)base;
    render_list_free(&s->head);
    ui_page_free(&s->page);
    ui_metrics_init(&s->m, w, h);
    const ui_metrics *m = &s->m;
    s->thumb = ui_mix(ctx->cfg->color_bg, ctx->cfg->color_muted, 60);
    s->accent = ctx->cfg->color_accent;
    s->focus = -1;
    if (!ctx->st)
        return -1;
    store_counts cnt;
    store_list arts = {0};
    if (store_count(ctx->st, &cnt) != STORE_OK ||
        store_articles_range(ctx->st, 0, HOME_CARDS_MAX, &arts) != STORE_OK) {
        store_articles_free(&arts);
        return -1;
    }
    add_header(s, ctx, cnt.quotes > INT_MAX ? INT_MAX : (int)cnt.quotes,
               cnt.events > INT_MAX ? INT_MAX : (int)cnt.events);
    int cw_all = w - 2 * m->margin, gap = m->margin / 2;
    int cols = cw_all / (int)(CARD_MIN_W_S * (float)m->S);
    cols = cols < 1 ? 1 : cols > 3 ? 3 : cols;
    s->cols = cols;
    int cw = (cw_all - (cols - 1) * gap) / cols;
    float line_h = (float)m->px_body * 1.1f * 1.3f;     /* a headline line */
    int ch = m->margin + (int)(line_h * CARD_HEAD_LINES) + m->px_meta * 2;
    const store_article_row *rows = arts.v;
    int y = m->margin / 2;
    size_t ncards = arts.n < HOME_CARDS_MAX ? arts.n : HOME_CARDS_MAX;
    int nrows = ((int)ncards + cols - 1) / cols;
    /* Few articles: the cards share the screen (up to twice their height),
    ** and a headline gets the lines that gives before any ellipsis, rather
    ** than "…" over an empty third of the screen. */
    int avail = h - m->bar_h - m->margin, base_ch = ch;     /* the header top or bottom */
    if (nrows > 0 && nrows * (ch + gap) - gap < avail) {
        int grown = (avail - (nrows - 1) * gap) / nrows;
        ch = grown < 2 * ch ? grown : 2 * ch;
    }
    int big = ch * 100 >= base_ch * CARD_BIG_PCT;
    int text_h = big ? ch - ch * CARD_BAND_PCT / 100 : ch;
    int lines = (int)((float)(text_h - m->margin - m->px_meta * 2) / line_h);
    lines = lines < CARD_HEAD_LINES ? CARD_HEAD_LINES : lines;
    for (size_t i = 0; i < ncards; i++) {
        int col = (int)i % cols, row = (int)i / cols;
        add_card(s, ctx, &rows[i], (int)i, m->margin + col * (cw + gap), y + row * (ch + gap), cw, ch,
                 lines, big);
    }
    int content_h = y + nrows * (ch + gap) - gap + m->margin / 2;   /* no gap after the last row */
    ui_scroller_setup(&s->page.scr, m->reach ? 0 : m->bar_h, h - m->bar_h, content_h, m->px_body * 2);
    store_articles_free(&arts);
    return 0;
}

/* ---- keyboard focus: the header buttons (Quotes, Timeline), then the
** cards in reading order; Tab and Right/Left step, Up/Down go a row ---- */

static int home_nbtn(const ui_home *s) { return (s->quotes_vis.w > 0) + (s->timeline_vis.w > 0); }

/* Target i of the focus order: its rect on screen now (cards: content
** coordinates shifted by the scroll) and its tap event. */
static SDL_Rect home_target(const ui_home *s, int i, ui_event *ev)
{
    int nb = home_nbtn(s);
    if (i < nb) {
        int q = s->quotes_vis.w > 0 && i == 0;
        if (ev)
            ev->target = q ? UI_TGT_QUOTES_BUTTON : UI_TGT_TIMELINE_BUTTON;
        return q ? s->quotes_vis : s->timeline_vis;
    }
    const ui_hit_rect *h = &s->page.hits[i - nb];
    if (ev) {
        ev->target = h->target;
        ev->index = h->index;
        ev->article = h->article;
    }
    SDL_Rect r = h->r;
    r.y += s->page.scr.top - ui_scroller_y(&s->page.scr);
    return r;
}

static int home_focus(screen *base, int move, ui_event *out)
{
    ui_home *s = (ui_home *)base;
    int nb = home_nbtn(s), n = nb + s->page.nhits, f = s->focus;
    if (n == 0)
        return 0;
    int first = nb < n ? nb : 0;                /* the first card */
    if (f < 0)
        f = first;
    else if (move == SCREEN_FOCUS_NEXT || move == SCREEN_FOCUS_RIGHT)
        f = (f + 1) % n;
    else if (move == SCREEN_FOCUS_LEFT)
        f = (f - 1 + n) % n;
    else if (move == SCREEN_FOCUS_DOWN)
        f = f < nb ? first : f + s->cols < n ? f + s->cols : f;
    else if (move == SCREEN_FOCUS_UP)
        f = f < nb ? f : f - s->cols >= nb ? f - s->cols : 0;
    s->focus = f;
    SDL_Rect r = home_target(s, f, out);
    ui_scroller *sc = &s->page.scr;
    int top = sc->top + s->m.margin / 2, bot = sc->top + sc->view_h - s->m.margin / 2;
    float d = r.y < top ? (float)(r.y - top) : r.y + r.h > bot ? (float)(r.y + r.h - bot) : 0;
    if (f >= nb && d != 0) {                    /* bring the card into view */
        float pos = sc->sc.pos + d;
        sc->sc.pos = pos < sc->sc.min ? sc->sc.min : pos > sc->sc.max ? sc->sc.max : pos;
        sc->sc.vel = 0;
    }
    return 1;
}

static void home_draw(screen *base, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    ui_home *s = (ui_home *)base;
    ui_page_draw(&s->page, r, x_off, alpha);
    int nb = home_nbtn(s);
    if (s->focus >= nb && s->focus < nb + s->page.nhits)    /* a card: under the header */
        ui_focus_ring_draw(r, &s->m, home_target(s, s->focus, NULL), s->accent, x_off, alpha);
    render_list_draw(r, &s->head, x_off, alpha);
    if (s->focus >= 0 && s->focus < nb)
        ui_focus_ring_draw(r, &s->m, home_target(s, s->focus, NULL), s->accent, x_off, alpha);
    ui_scroller_draw(&s->page.scr, r, &s->m, s->thumb, x_off, alpha);
}

static void home_hit(screen *base, float x, float y, ui_event *out)
{
    ui_home *s = (ui_home *)base;
    if (ui_hit(out, &s->quotes_btn, x, y))
        out->target = UI_TGT_QUOTES_BUTTON;
    else if (ui_hit(out, &s->timeline_btn, x, y))
        out->target = UI_TGT_TIMELINE_BUTTON;
    else
        ui_page_hit_test(&s->page, x, y, out);
}

static int home_gesture(screen *base, const gesture_event *ev, uint32_t now)
{
    return ui_scroller_gesture(&((ui_home *)base)->page.scr, ev, now);
}

static int home_action(screen *base, const ui_action *a, uint32_t now)
{
    return ui_scroller_action(&((ui_home *)base)->page.scr, a, now);
}

static int home_update(screen *base, uint32_t now)
{
    return ui_scroller_update(&((ui_home *)base)->page.scr, now);
}

static void home_save_view(const screen *base, ui_view *out)
{
    ui_scroller_save(&((const ui_home *)base)->page.scr, out);
}

static void home_restore_view(screen *base, const ui_view *v)
{
    ui_scroller_restore(&((ui_home *)base)->page.scr, v);
}

static screen_action home_input(screen *s, const screen_ev *ev) { return SCREEN_STAY; }

static void home_destroy(screen *base)
{
    ui_home *s = (ui_home *)base;
    render_list_free(&s->head);
    ui_page_free(&s->page);
    free(s);
}

static const screen_vt home_vt = {
    .name = "home", .prepare = home_prepare, .draw = home_draw, .input = home_input,
    .destroy = home_destroy, .hit = home_hit, .gesture = home_gesture, .action = home_action,
    .update = home_update, .save_view = home_save_view, .restore_view = home_restore_view,
    .focus = home_focus,
};

screen *ui_home_create(void)
{
    ui_home *s = xcalloc(1, sizeof *s);
    s->base.vt = &home_vt;
    s->focus = -1;
    return &s->base;
}
