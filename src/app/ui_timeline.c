/*
** src/app/ui_timeline.c: the Timeline screen (ui_timeline_): one event told
** large, every event of the corpus on a time axis below it as the overview
** (in the manner of TimelineJS). The model (ui_timeline_model.h) merges
** events, places dates by time, lays out label rows per zoom level and
** computes ticks; this file renders and animates it.
**
**   +--------------------------------------------------------+
**   | (‹ Back)              Timeline                ( Home ) |  ui_bar
**   |      14 September 2021                          3 / 27 |  the selected item:
**   | (‹)  The river floods the lower town after ...     (›) |  date with year, the
**   |      Outlet A · Outlet B      (Open the article ›)     |  whole text, sources
**   | ------------------------------------------------------ |
**   |   14 Sep 2021          Jun 2022                        |  label rows above
**   |   River floods ...     Council debates ...             |
**   |   Outlet A · Outlet B  Outlet B · Outlet A             |
**   |   |                    |                               |  leaders
**   | --■--|----|----|----|--◇═══|----|----|----|----■------ |  axis, ticks, markers
**   |  2021 Oct  ...          2022                           |  tick labels
**   |        (labels in rows below the axis too)             |
**   |  Drag to move · pinch to zoom                  (−) (+) |  zoom buttons
**   +--------------------------------------------------------+
**
** prepare: store queries, the model, every label texture (one set per item,
** whatever the zoom) and the tick label textures (years of the range, month
** names, day numbers). Per frame only positions change: draw computes x
** from (ppd, left) and blits; ticks come from the model's per-level arrays.
** Zoom: continuous between the model's levels (pinch, animated buttons);
** which labels show follows the level at or below the current ppd.
** Scroll: a kinetic scroller in px, pos = (left - lo) * ppd.
** Portrait: the axis runs down the screen between two columns of labels
** (VERT_COL_MIN_PX: when they have room), time downwards. The model does
** not know: it lays out "along" (its x) and "across" (its y) as always,
** and this file draws and hits through one transposition (mbox, to_model):
** along is screen y, across is screen x, rows above / below the axis are
** the columns left / right of it, a label's leader runs along its top.
** Dragging pans along the axis, vertically there.
** Selection: a tap on a marker or label, ‹ › and the arrow keys select an
** item (UI_ACT_SELECT); the panel is laid out again then (an input event,
** never per frame) from the strings kept at prepare, and the axis pans to
** keep the item in view. "Open the article" (or Enter) opens its article
** with the event highlighted.
*/
#include "app/render.h"
#include "app/screen.h"
#include "app/strings.h"
#include "app/ui_chrome.h"
#include "app/ui_timeline_model.h"
#include "app/ui_views.h"

#include "common/util.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tunables (S = short side, w = width). */
#define LABEL_W_FRAC    0.24f   /* w: label width ... */
#define LABEL_W_MIN_S   0.35f   /* S: ... at least */
#define LABEL_W_MAX_S   0.60f   /* S: ... at most */
#define LABEL_LINES     1       /* lines of event text in a label (the panel has it all) */
#define MARK_S          0.018f  /* S: day marker size */
#define TICK_YEAR_S     0.034f  /* S: year tick length */
#define TICK_MONTH_S    0.018f  /* S: month tick length */
#define TICK_DAY_S      0.010f  /* S: day tick length */
#define ZOOM_MS         260     /* ms: a zoom button's animation */
#define CENTRE_SPAN     365.25  /* days across when opened on one event */
#define WHEEL_STEP_FRAC 0.08f   /* axis widths per wheel unit / arrow step */
#define PAGE_FRAC       0.80f   /* axis widths per page step */
#define YEARS_MAX       400     /* year label textures at most */
#define EVENTS_MAX      240     /* events on the axis at most (see tl_prepare) */
#define TICK_LABEL_DX   3       /* px: a tick label right of its tick */
#define PANEL_H_WIDE    0.36f   /* h: the selected item's panel, landscape */
#define PANEL_H_TALL    0.28f   /* h: ... portrait */
#define PANEL_MEASURE   40      /* panel text at most this many body px * ... wide */
#define PANEL_TEXT_PCT  130     /* the event text at most this % of the body size */
#define KEEP_IN_VIEW    0.12f   /* axis widths: a selected item nearer the ends pans */
#define BADGE_TEX_MAX   48      /* distinct "+N" count textures */
#define PANEL_SWIPE_FRAC 0.08f  /* w: a drag this far across the story steps to a neighbour */
#define VERT_COL_MIN_PX 9       /* px_meta: a portrait column at least this wide, or the axis
                                ** stays horizontal */
#define VERT_LABEL_LINES 3      /* lines of event text in a portrait column */

typedef struct tl_label {
    text_tex date, text, src;   /* owned */
} tl_label;

typedef struct ui_timeline {
    screen base;                /* MUST BE FIRST */
    int event_index;            /* as asked: event to centre on, -1 whole range */
    int focus;                  /* item highlighted, -1 none */
    ui_metrics mt;
    ui_bar bar;
    render_list chrome;         /* zoom buttons, hint, notice */
    SDL_Rect zin, zout;         /* hit rects of + and − (>= target) */
    ui_tlm *m;                  /* owned */
    tl_label *labels;           /* owned, one per item */
    int *first_article;         /* owned: article of each item's first event */
    int *ev_global;             /* owned: store index of each event the model has */
    int nev, capped;            /* events in the model; 1 if the corpus had more */
    text_tex years[YEARS_MAX];  /* owned: year_min + i */
    int year_min, nyears;
    text_tex months[12], days[31];  /* owned */
    int pad;                    /* px: label text right of (below) its leader */
    int vert;                   /* 1: the axis runs down the screen (portrait) */
    uint32_t c_text, c_muted, c_accent, c_bg, c_tick, c_span, c_lead;
    uint32_t c_range;           /* the bar of a range ("from January to October") */
    screen_ctx ctx;             /* renderer, fonts, config for the panel (st NULL) */
    char **i_date, **i_text, **i_src;   /* owned, per item: the panel's texts */
    render_list panel;          /* the selected item (focus), large */
    SDL_Rect panel_r;           /* its area: above the axis, below it on a tall
                                ** portrait screen (ui_metrics.reach: ‹ › in reach) */
    int axis_top, axis_bot;     /* the axis band (hits on markers and labels) */
    int panel_drag;             /* 1: a drag that began on the story (not the axis) */
    float pd_dx;                /* its movement so far, px */
    SDL_Rect prev, next, open;  /* hit rects (>= target; w 0: none) */
    /* dense periods: per level, per tick, the items whose labels that level
    ** hides between this labeled tick and the next ("+12" beside its label) */
    int *badge;                 /* owned: counts, level l's ticks from badge_off[l] */
    int *badge_first;           /* owned: the first such item (a tap selects it) */
    int badge_off[UI_TLM_LEVELS_MAX + 1];
    text_tex badge_tex[BADGE_TEX_MAX];  /* owned: "+N" */
    int badge_val[BADGE_TEX_MAX], nbadge_tex;
    uint32_t c_badge;           /* a badge's ground */

    /* view */
    double ppd;                 /* px per day now */
    scroll sc;                  /* pos = (left - lo) * ppd, px */
    int dragging;
    double pinch_ppd, pinch_day;    /* at PINCH_BEGIN: ppd and the day under the centre */
    int zooming;                /* 1 while a button zoom animates */
    double z_from, z_to, z_day, z_x;    /* log-ppd from / to; the day kept under z_x */
    uint64_t z_t0;
} ui_timeline;

static double view_left(const ui_timeline *s)
{
    return ui_tlm_lo(s->m) + s->sc.pos / s->ppd;
}

/* A box given in the model's space (x along the axis, y across it) drawn
** on screen: as it is, or transposed on a vertical axis; x_off is the
** screen's horizontal transition offset. */
static void mbox(const ui_timeline *s, SDL_Renderer *r, int x, int y, int w, int h, int x_off,
                 uint32_t rgb, uint8_t alpha)
{
    SDL_Rect b = s->vert ? (SDL_Rect){ y + x_off, x, h, w } : (SDL_Rect){ x + x_off, y, w, h };
    render_box(r, &b, rgb, alpha);
}

/* A texture's extent along the axis / across it. */
static int t_along(const ui_timeline *s, const text_tex *t) { return s->vert ? t->h : t->w; }

/* A screen point in the model's space. */
static void to_model(const ui_timeline *s, float x, float y, float *mx, float *my)
{
    *mx = s->vert ? y : x;
    *my = s->vert ? x : y;
}

/* Set ppd and the day at the axis's left end; the scroller follows. hard:
** clamp into the pan range (pinch, zoom) instead of springing back. */
static void set_view(ui_timeline *s, double ppd, double left, int hard)
{
    double lo, hi, origin = ui_tlm_lo(s->m);
    double minp = ui_tlm_min_ppd(s->m), maxp = ui_tlm_max_ppd(s->m);
    ppd = ppd < minp ? minp : ppd > maxp ? maxp : ppd;
    ui_tlm_pan_limits(s->m, ppd, &lo, &hi);
    if (hard)
        left = left < lo ? lo : left > hi ? hi : left;
    float vel = s->sc.vel * (float)(ppd / s->ppd);
    s->ppd = ppd;
    scroll_set_range(&s->sc, (float)((lo - origin) * ppd), (float)((hi - origin) * ppd));
    s->sc.pos = (float)((left - origin) * ppd);
    s->sc.vel = vel;
}

/* ---- prepare ------------------------------------------------------------- */

static void free_all(ui_timeline *s)
{
    render_list_free(&s->chrome);
    free(s->badge);
    free(s->badge_first);
    s->badge = s->badge_first = NULL;
    for (int i = 0; i < s->nbadge_tex; i++)
        text_tex_free(&s->badge_tex[i]);
    s->nbadge_tex = 0;
    render_list_free(&s->panel);
    for (int i = 0; s->i_date && i < ui_tlm_count(s->m); i++) {
        free(s->i_date[i]);
        free(s->i_text[i]);
        free(s->i_src[i]);
    }
    free(s->i_date);
    free(s->i_text);
    free(s->i_src);
    s->i_date = s->i_text = s->i_src = NULL;
    ui_bar_free(&s->bar);
    for (int i = 0; s->labels && i < ui_tlm_count(s->m); i++) {
        text_tex_free(&s->labels[i].date);
        text_tex_free(&s->labels[i].text);
        text_tex_free(&s->labels[i].src);
    }
    free(s->labels);
    free(s->first_article);
    free(s->ev_global);
    s->labels = NULL;
    s->first_article = NULL;
    s->ev_global = NULL;
    s->nev = s->capped = 0;
    ui_tlm_destroy(s->m);
    s->m = NULL;
    for (int i = 0; i < YEARS_MAX; i++)
        text_tex_free(&s->years[i]);
    for (int i = 0; i < 12; i++)
        text_tex_free(&s->months[i]);
    for (int i = 0; i < 31; i++)
        text_tex_free(&s->days[i]);
    s->nyears = 0;
}

/* "Outlet A · Outlet B": the distinct outlets (or headlines) of an item's events. */
static void sources_text(const ui_tlm *m, int item, const store_list *arts, char *out, size_t n)
{
    int ne;
    const int *ev = ui_tlm_item_events(m, item, &ne);
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < ne; k++) {
        int a = ui_tlm_event_article(m, ev[k]);
        if (a < 0)
            continue;
        const store_article_row *row = &((const store_article_row *)arts->v)[a];
        const char *name = row->source && *row->source ? row->source : row->title;
        int dup = 0;
        for (int j = 0; j < k && !dup; j++) {
            int b = ui_tlm_event_article(m, ev[j]);
            const store_article_row *rb = b >= 0 ? &((const store_article_row *)arts->v)[b] : NULL;
            dup = rb && strcmp(rb->source && *rb->source ? rb->source : rb->title, name) == 0;
        }
        if (dup)
            continue;
        int wrote = snprintf(out + len, n - len, "%s%s", len ? " \xc2\xb7 " : "", name);
        if (wrote < 0 || (size_t)wrote >= n - len)
            break;
        len += (size_t)wrote;
    }
}

static int render_one(const screen_ctx *ctx, const char *txt, font_style f, int px, uint32_t rgb,
                      int lines, int bw, text_tex *out)
{
    text_style st = ui_style(f, px, rgb, TEXT_LEFT, lines);
    memset(out, 0, sizeof *out);
    return txt && *txt ? text_render(ctx->r, ctx->fonts, txt, &st, bw, 0, out) : 0;
}

/* Every label's three textures; returns the tallest label's height (the
** widest one's width on a vertical axis: its extent across). */
static int prepare_labels(ui_timeline *s, const screen_ctx *ctx, const store_list *evs,
                          const store_list *arts, int lw, int lines)
{
    const ui_metrics *mt = &s->mt;
    int n = ui_tlm_count(s->m), tallest = 0;
    s->labels = xcalloc((size_t)(n ? n : 1), sizeof *s->labels);
    s->first_article = xcalloc((size_t)(n ? n : 1), sizeof(int));
    s->i_date = xcalloc((size_t)(n ? n : 1), sizeof(char *));
    s->i_text = xcalloc((size_t)(n ? n : 1), sizeof(char *));
    s->i_src = xcalloc((size_t)(n ? n : 1), sizeof(char *));
    for (int i = 0; i < n; i++) {
        const ui_tlm_item *it = ui_tlm_item_at(s->m, i);
        const store_event *e = &((const store_event *)evs->v)[s->ev_global[it->first]];
        tl_label *l = &s->labels[i];
        char date[64], src[600];
        ui_format_date_range(e->date, it->span ? e->end_date : NULL, date, sizeof date);
        sources_text(s->m, i, arts, src, sizeof src);
        s->first_article[i] = ui_tlm_event_article(s->m, it->first);
        s->i_date[i] = xstrdup(date);
        s->i_text[i] = xstrdup(e->text ? e->text : "");
        s->i_src[i] = xstrdup(src);
        render_one(ctx, date, FONT_SANS_BOLD, mt->px_small, s->c_accent, 1, lw - s->pad, &l->date);
        render_one(ctx, e->text, FONT_SANS, mt->px_meta, s->c_text, lines, lw - s->pad, &l->text);
        /* the label is the overview: date and the text's first line; the
        ** sources are the panel's (l->src stays empty) */
        int w = l->date.w;
        w = l->text.w > w ? l->text.w : w;
        w = l->src.w > w ? l->src.w : w;
        int h = l->date.h + l->text.h + l->src.h;
        if (s->vert) {                          /* along: its height under the leader */
            ui_tlm_set_label(s->m, i, h + s->pad, w);
            tallest = w > tallest ? w : tallest;
        } else {
            ui_tlm_set_label(s->m, i, w + s->pad, h);
            tallest = h > tallest ? h : tallest;
        }
    }
    return tallest;
}


/* Year, month and day label textures for every tick any level can show. */
static void prepare_tick_labels(ui_timeline *s, const screen_ctx *ctx)
{
    int px = s->mt.px_small, ymin = 1 << 30, ymax = -(1 << 30);
    for (int i = 0; i < YEARS_MAX; i++)             /* called again after the layout */
        text_tex_free(&s->years[i]);
    for (int i = 0; i < 12; i++)
        text_tex_free(&s->months[i]);
    for (int i = 0; i < 31; i++)
        text_tex_free(&s->days[i]);
    for (int l = 0; l < ui_tlm_nlevels(s->m); l++) {
        int n;
        const ui_tlm_tick *t = ui_tlm_ticks(s->m, l, &n);
        if (n) {
            ymin = t[0].year < ymin ? t[0].year : ymin;
            ymax = t[n - 1].year > ymax ? t[n - 1].year : ymax;
        }
    }
    s->year_min = ymin;
    s->nyears = ymax >= ymin ? ymax - ymin + 1 : 0;
    s->nyears = s->nyears > YEARS_MAX ? YEARS_MAX : s->nyears;
    char buf[16];
    for (int i = 0; i < s->nyears; i++) {
        snprintf(buf, sizeof buf, "%d", ymin + i);
        render_one(ctx, buf, FONT_SANS_BOLD, px, s->c_text, 1, s->mt.w, &s->years[i]);
    }
    for (int i = 0; i < 12; i++)
        render_one(ctx, str_month(i + 1, 1), FONT_SANS, px, s->c_muted, 1, s->mt.w, &s->months[i]);
    for (int i = 0; i < 31; i++) {
        snprintf(buf, sizeof buf, "%d", i + 1);
        render_one(ctx, buf, FONT_SANS, px, s->c_muted, 1, s->mt.w, &s->days[i]);
    }
}

static int tick_label_dy(const ui_metrics *mt);

/* The labeled tick of level l at or before day: its index, -1 none. */
static int labeled_at(const ui_tlm_tick *t, int n, double day)
{
    int lo = 0, hi = n;
    while (lo < hi) {                           /* first tick after day */
        int mid = (lo + hi) / 2;
        if (t[mid].day <= day) lo = mid + 1;
        else hi = mid;
    }
    for (int i = lo - 1; i >= 0; i--)
        if (t[i].labeled)
            return i;
    return -1;
}

/* Per level, per labeled tick: the items whose labels the level hides in
** [tick, next labeled tick), and the "+N" textures of the counts there are. */
static void prepare_badges(ui_timeline *s, const screen_ctx *ctx)
{
    int nl = ui_tlm_nlevels(s->m), total = 0;
    for (int l = 0; l < nl; l++) {
        int n;
        ui_tlm_ticks(s->m, l, &n);
        s->badge_off[l] = total;
        total += n;
    }
    s->badge_off[nl] = total;
    s->badge = xcalloc((size_t)(total ? total : 1), sizeof *s->badge);
    s->badge_first = xcalloc((size_t)(total ? total : 1), sizeof *s->badge_first);
    for (int l = 0; l < nl; l++) {
        int n;
        const ui_tlm_tick *t = ui_tlm_ticks(s->m, l, &n);
        for (int i = 0; i < ui_tlm_count(s->m); i++) {
            if (ui_tlm_row(s->m, l, i) >= 0)
                continue;
            int k = labeled_at(t, n, ui_tlm_item_at(s->m, i)->mid);
            if (k < 0)
                continue;
            if (s->badge[s->badge_off[l] + k]++ == 0)
                s->badge_first[s->badge_off[l] + k] = i;
        }
    }
    text_style st = ui_style(FONT_SANS_BOLD, s->mt.px_small, s->c_accent, TEXT_LEFT, 1);
    for (int j = 0; j < total; j++) {
        int c = s->badge[j], have = 0;
        for (int v = 0; v < s->nbadge_tex && !have; v++)
            have = s->badge_val[v] == c;
        if (c == 0 || have || s->nbadge_tex == BADGE_TEX_MAX)
            continue;
        char buf[16];
        snprintf(buf, sizeof buf, "+%d", c);
        if (text_render(ctx->r, ctx->fonts, buf, &st, s->mt.w, 0, &s->badge_tex[s->nbadge_tex]) == 0)
            s->badge_val[s->nbadge_tex++] = c;
    }
}

/* The badge of labeled tick k of level: its count's texture and its rect
** on screen, above the axis, centred on the period up to the next labeled
** tick (the side the tick labels leave free), if it fits there. */
static const text_tex *badge_at(const ui_timeline *s, int level, const ui_tlm_tick *t, int n, int k,
                                double left, SDL_Rect *r)
{
    int c = s->badge ? s->badge[s->badge_off[level] + k] : 0;
    if (c == 0)
        return NULL;
    const text_tex *tx = NULL;
    for (int v = 0; v < s->nbadge_tex && !tx; v++)
        if (s->badge_val[v] == c)
            tx = &s->badge_tex[v];
    if (!tx)
        return NULL;
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    int x0 = (int)floor(ui_tlm_x(s->m, s->ppd, left, t[k].day)), pad = s->mt.px_small / 5 + 1;
    /* (x along the axis, as the model has it; the rect is the screen's) */
    int x1 = g->axis_x + g->axis_w;
    for (int j = k + 1; j < n; j++)
        if (t[j].labeled) {
            int xn = (int)floor(ui_tlm_x(s->m, s->ppd, left, t[j].day));
            x1 = xn < x1 ? xn : x1;
            break;
        }
    x0 = x0 < g->axis_x ? g->axis_x : x0;
    int w = tx->w + 2 * pad, h = tx->h + 2;
    if (s->vert) {                              /* left of the axis, mid-period */
        *r = (SDL_Rect){ g->axis_y - tick_label_dy(&s->mt) - w + 1, (x0 + x1 - h) / 2, w, h };
        return h + 4 > x1 - x0 ? NULL : tx;
    }
    *r = (SDL_Rect){ (x0 + x1 - w) / 2, g->axis_y - tick_label_dy(&s->mt) - h + 1, w, h };
    if (w + 4 > x1 - x0)
        return NULL;
    return tx;
}

/* Zoom buttons and the hint along the bottom; returns the band's top. */
static int prepare_chrome(ui_timeline *s, const screen_ctx *ctx)
{
    const ui_metrics *mt = &s->mt;
    int b = mt->btn_h, y = mt->h - s->bar.inset - mt->margin / 2 - b;
    SDL_Rect zin = { mt->w - mt->margin - b, y, b, b }, zout = { zin.x - b - mt->margin / 2, y, b, b };
    ui_button_add(&s->chrome, ctx, mt, zout, "\xe2\x88\x92", UI_BUTTON_OUTLINE);
    ui_button_add(&s->chrome, ctx, mt, zin, "+", UI_BUTTON_OUTLINE);
    s->zin = ui_rect_grow(zin, mt->target);
    s->zout = ui_rect_grow(zout, mt->target);
    text_style hs = ui_style(FONT_SANS, mt->px_small, s->c_muted, TEXT_LEFT, 1);
    text_size sz = {0};
    const char *hint = str(s->capped ? S_TL_HELP_CAPPED : S_TL_HELP);
    int hw = zout.x - mt->margin - mt->margin / 2;
    text_measure(ctx->fonts, hint, &hs, hw, 0, &sz);
    ui_text_add(&s->chrome, ctx, hint, &hs, mt->margin, y + (b - sz.h) / 2, hw, 0);
    return y;
}

/* px: a day marker's size (the focus marker is half as big again). */
static int marker_size(const ui_metrics *mt)
{
    int d = (int)(MARK_S * (float)mt->S);
    return d > 6 ? d : 6;
}

/* px below the axis where tick labels start: under the year ticks and under
** the marker band incl. the focus marker and its underline, so a marker
** never covers a tick label. */
static int tick_label_dy(const ui_metrics *mt)
{
    int year = (int)(TICK_YEAR_S * (float)mt->S) / 2, md = marker_size(mt) * 3 / 2;
    int band = md / 2 + 4 * (mt->line > 0 ? mt->line : 1);
    return (year > band ? year : band) + 2;
}

/* The gap from a vertical axis to its columns: the tick labels' room. */
static int vert_gap(const ui_timeline *s)
{
    int yw = s->years[0].w ? s->years[0].w : s->mt.px_small * 3;
    return tick_label_dy(&s->mt) + yw + s->mt.px_small;
}

/* Geometry of the axis band [top, bottom) for the model. */
static void layout_model(ui_timeline *s, int top, int bottom, int tallest)
{
    const ui_metrics *mt = &s->mt;
    int tick_lab = s->days[0].h ? s->days[0].h : mt->px_small * 3 / 2;
    ui_tlm_geom g = {0};
    if (s->vert) {                              /* along = down the screen */
        int lab_h = s->years[0].h ? s->years[0].h : mt->px_small * 3 / 2;
        g.axis_x = top;
        g.axis_w = bottom - top;
        g.axis_y = mt->w / 2;
        g.row_gap = vert_gap(s);
        g.row_h = mt->w / 2 - mt->margin - g.row_gap;
        g.rows = 2;                             /* a column each side */
        (void)tallest;
        g.label_gap = mt->px_small / 2;
        g.target = mt->target;
        g.tick_gap = (int)(0.012f * (float)mt->S) + 2;
        g.year_label_w = lab_h + mt->px_small / 2;
        g.month_label_w = lab_h + mt->px_small / 2;
        g.day_label_w = lab_h + mt->px_small / 2;
        ui_tlm_layout(s->m, &g);
        return;
    }
    g.axis_x = mt->margin;
    g.axis_w = mt->w - 2 * mt->margin;
    g.axis_y = (top + bottom) / 2;
    g.row_gap = tick_label_dy(mt) + tick_lab + mt->px_small / 2;
    g.row_h = tallest + mt->px_small / 2;
    int half = (bottom - top) / 2 - g.row_gap;
    int per_side = g.row_h > 0 ? half / g.row_h : 0;
    g.rows = 2 * (per_side > 0 ? per_side : 0);
    if (g.rows == 0 && half >= tallest)         /* one row each side squeezed */
        g.rows = 2, g.row_h = half;
    g.label_gap = mt->px_small;
    g.target = mt->target;
    g.tick_gap = (int)(0.012f * (float)mt->S) + 2;
    g.year_label_w = (s->years[0].w ? s->years[0].w : mt->px_small * 3) + mt->px_small;
    g.month_label_w = s->months[8].w + mt->px_small / 2;
    g.day_label_w = s->days[27].w + mt->px_small / 2;
    ui_tlm_layout(s->m, &g);
}

/* The initial view: everything, or about a year around the focus item. */
static void initial_view(ui_timeline *s, uint64_t now)
{
    (void)now;
    double lo, hi;
    s->ppd = ui_tlm_min_ppd(s->m);
    ui_tlm_pan_limits(s->m, s->ppd, &lo, &hi);
    if (s->focus < 0) {
        set_view(s, s->ppd, lo, 1);
        return;
    }
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    double ppd = g->axis_w / CENTRE_SPAN;
    ppd = ppd < ui_tlm_min_ppd(s->m) ? ui_tlm_min_ppd(s->m) : ppd;
    double mid = ui_tlm_item_at(s->m, s->focus)->mid;
    set_view(s, ppd, mid - g->axis_w / 2.0 / ppd, 1);
}

/* The model's index of the store's event ev (ev_global ascends); -1 if the
** axis does not hold it. */
static int local_event(const ui_timeline *s, int ev)
{
    int lo = 0, hi = s->nev - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (s->ev_global[mid] == ev) return mid;
        if (s->ev_global[mid] < ev) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

/* The selected item told large in panel_r: its date with the year, its
** whole text (fitted between the meta and PANEL_TEXT_PCT of the body size;
** cut at a word only past that), its sources, "Open the article", its
** place in the sequence and ‹ › to its neighbours. Rebuilt when the
** selection changes (input, not per frame). */
static void build_panel(ui_timeline *s)
{
    const ui_metrics *m = &s->mt;
    const screen_ctx *ctx = &s->ctx;
    SDL_Rect P = s->panel_r;
    int n = s->m ? ui_tlm_count(s->m) : 0, i = s->focus;
    render_list_free(&s->panel);
    s->prev = s->next = s->open = (SDL_Rect){ 0, 0, 0, 0 };
    if (i < 0 || i >= n || !ctx->fonts || P.h <= 0)
        return;
    render_list_box(&s->panel, (SDL_Rect){ m->margin, m->reach ? P.y : P.y + P.h - m->line,
                                           m->w - 2 * m->margin, m->line > 1 ? m->line : 1 }, s->c_lead);
    int bw = m->target, by = P.y + (P.h - m->target) / 2;
    SDL_Rect pv = { P.x, by, bw, m->target }, nx = { P.x + P.w - bw, by, bw, m->target };
    if (i > 0) {
        ui_button_add(&s->panel, ctx, m, pv, "\xe2\x80\xb9", UI_BUTTON_OUTLINE);
        s->prev = ui_rect_grow(pv, m->target);
    }
    if (i < n - 1) {
        ui_button_add(&s->panel, ctx, m, nx, "\xe2\x80\xba", UI_BUTTON_OUTLINE);
        s->next = ui_rect_grow(nx, m->target);
    }
    int n0 = s->panel.n;                        /* the content from here: centred below */
    int x = P.x + bw + m->margin, cw = P.w - 2 * (bw + m->margin);
    if (cw > PANEL_MEASURE * m->px_body)
        cw = PANEL_MEASURE * m->px_body;
    x = P.x + (P.w - cw) / 2;
    if (cw < m->px_body * 4)
        return;
    /* date (accent, the year always in it) and "3 / 27" on one line */
    char pos[32];
    snprintf(pos, sizeof pos, "%d / %d", i + 1, n);
    text_style ps = ui_style(FONT_SANS, m->px_small, s->c_muted, TEXT_LEFT, 1);
    text_size psz = {0};
    text_measure(ctx->fonts, pos, &ps, cw, 0, &psz);
    ps.align = TEXT_RIGHT;
    /* the event block (ui_event_block_add, the timeline slide's treatment),
    ** "3 / 27" beside its date, the button below it */
    const char *ot = str(S_OPEN_ARTICLE);
    int ow = ui_button_width(ctx, m, ot), oh = m->target;
    int y = P.y + m->px_meta / 2, dh = 0;
    ui_event_spec es = { x, y, cw, P.y + P.h - oh - m->px_meta, cw - psz.w - m->margin,
                         m->px_head * 3 / 4 > m->px_body ? m->px_head * 3 / 4 : m->px_body,
                         m->px_meta, m->px_body * PANEL_TEXT_PCT / 100, m->px_meta, FONT_SANS };
    y += ui_event_block_add(&s->panel, ctx, m, s->i_date[i], s->i_text[i], s->i_src[i], &es, &dh);
    ui_text_add(&s->panel, ctx, pos, &ps, x, es.top + (dh > psz.h ? dh - psz.h : 0), cw, 0);
    y += m->px_meta / 2;
    if (y + oh > P.y + P.h - m->line * 2)
        y = P.y + P.h - m->line * 2 - oh;
    SDL_Rect ob = { x, y, ow, oh };
    if (s->first_article[i] >= 0)
        ui_button_add(&s->panel, ctx, m, ob, ot, UI_BUTTON_FILLED);
    /* a short event leaves room: the block centred in the panel, level
    ** with ‹ › (a long one fills it from the top) */
    int dy = (P.y + P.h - m->line * 2 - (ob.y + oh)) / 2;
    if (dy > 0) {
        for (int k = n0; k < s->panel.n; k++)
            s->panel.items[k].box.y += dy;
        ob.y += dy;
    }
    if (s->first_article[i] >= 0)
        s->open = ui_rect_grow(ob, m->target);
}

/* Select item i: the panel tells it, the axis pans to keep it in view
** (animated unless now is 0). 1 when something changed. */
static int select_item(ui_timeline *s, int i, uint32_t now)
{
    int n = s->m ? ui_tlm_count(s->m) : 0;
    if (n == 0)
        return 0;
    i = i < 0 ? 0 : i >= n ? n - 1 : i;
    int changed = i != s->focus;
    s->focus = i;
    if (changed)
        build_panel(s);
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    double x = ui_tlm_item_x(s->m, i, s->ppd, view_left(s));
    double lo = g->axis_x + KEEP_IN_VIEW * g->axis_w, hi = g->axis_x + (1 - KEEP_IN_VIEW) * g->axis_w;
    if (x < lo || x > hi) {
        float to = s->sc.pos + (float)(x - (g->axis_x + g->axis_w / 2.0));
        if (now)
            scroll_fling_to(&s->sc, to, now);
        else
            s->sc.pos = to < s->sc.min ? s->sc.min : to > s->sc.max ? s->sc.max : to;
        changed = 1;
    }
    return changed;
}

static int tl_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    ui_timeline *s = (ui_timeline *)base;
    const config *c = ctx->cfg;
    free_all(s);
    ui_metrics_init(&s->mt, w, h);
    s->c_text = c->color_text;
    s->c_muted = c->color_muted;
    s->c_accent = c->color_accent;
    s->c_bg = c->color_bg;
    s->c_tick = ui_mix(c->color_bg, c->color_muted, 70);
    s->c_span = ui_mix(c->color_bg, c->color_accent, 45);
    s->c_range = ui_mix(c->color_bg, c->color_accent, 80);
    s->c_lead = ui_mix(c->color_bg, c->color_muted, 40);
    s->c_badge = ui_mix(c->color_bg, c->color_accent, 18);
    s->pad = s->mt.px_small / 2 + 2;
    s->focus = -1;
    s->zooming = s->dragging = s->panel_drag = 0;
    ui_bar_prepare(&s->bar, ctx, &s->mt, str(S_TIMELINE), 1, 1);
    s->ctx = *ctx;
    s->ctx.st = NULL;                           /* the panel needs no store */
    int ph = (int)((s->mt.wide ? PANEL_H_WIDE : PANEL_H_TALL) * (float)h);
    s->panel_r = (SDL_Rect){ s->mt.margin, s->bar.bottom + s->mt.margin / 4,
                             w - 2 * s->mt.margin, ph };
    scroll_init(&s->sc, 0, 0, 0.15f * (float)w, NULL);
    s->ppd = 1;
    if (!ctx->fonts)
        return -1;
    store_list evs = {0}, arts = {0};
    int ok = ctx->st && store_events_range(ctx->st, 0, STORE_ALL, &evs) == STORE_OK &&
             store_articles_range(ctx->st, 0, STORE_ALL, &arts) == STORE_OK;
    int n = ok && evs.n <= INT_MAX ? (int)evs.n : 0, na = ok && arts.n <= INT_MAX ? (int)arts.n : 0;
    /* A corpus can report far more events than one axis can show (10,000
    ** articles: ~100,000 events; every label costs ~150 KB of textures at
    ** 1080p): past EVENTS_MAX the axis holds the events of the newest
    ** articles (store order) that fit, and the hint says so. */
    int below = na;                             /* events of articles [0, below) */
    if (n > EVENTS_MAX) {
        int *per = xcalloc((size_t)na + 1, sizeof *per), sum = 0;
        for (int i = 0; i < n; i++) {
            int a = ((const store_event *)evs.v)[i].article;
            if (a >= 0 && a < na) per[a]++;
        }
        for (below = 0; below < na && sum + per[below] <= EVENTS_MAX; below++)
            sum += per[below];
        if (below == 0) below = 1;              /* the newest, even alone over the cap */
        free(per);
        s->capped = 1;
    }
    ui_tlm_event *in = xcalloc((size_t)(n ? n : 1), sizeof *in);
    s->ev_global = xcalloc((size_t)(n ? n : 1), sizeof *s->ev_global);
    for (int i = 0; i < n && s->nev < (s->capped ? EVENTS_MAX : n); i++) {
        const store_event *e = &((const store_event *)evs.v)[i];
        int a = e->article < na ? e->article : -1;
        if (s->capped && (a < 0 || a >= below))
            continue;
        s->ev_global[s->nev] = i;
        in[s->nev++] = (ui_tlm_event){ e->date, e->precision, e->text, a, e->end_date,
                                       e->end_precision };
    }
    if (s->capped)
        log_info("timeline: %d events in the corpus; the axis shows the %d of the newest %d articles",
                 n, s->nev, below);
    s->m = ui_tlm_create(in, s->nev);
    free(in);
    int lw = (int)(LABEL_W_FRAC * (float)w);
    int lmin = (int)(LABEL_W_MIN_S * (float)s->mt.S), lmax = (int)(LABEL_W_MAX_S * (float)s->mt.S);
    lw = lw < lmin ? lmin : lw > lmax ? lmax : lw;
    prepare_tick_labels(s, ctx);                /* month/day/year sizes for the geometry */
    int colw = w / 2 - s->mt.margin - vert_gap(s);
    s->vert = h > w && colw >= VERT_COL_MIN_PX * s->mt.px_meta;
    int tallest = prepare_labels(s, ctx, &evs, &arts, s->vert ? colw : lw,
                                 s->vert ? VERT_LABEL_LINES : LABEL_LINES);
    int bottom = prepare_chrome(s, ctx) - s->mt.margin / 2;
    if (s->mt.reach) {                          /* the story below the axis, near the hand */
        s->panel_r.y = bottom - s->panel_r.h;
        s->axis_top = s->bar.bottom + s->mt.margin / 2;
        s->axis_bot = s->panel_r.y - s->mt.margin / 2;
    } else {
        s->axis_top = s->panel_r.y + s->panel_r.h + s->mt.margin / 2;
        s->axis_bot = bottom;
    }
    layout_model(s, s->axis_top, s->axis_bot, tallest);
    prepare_tick_labels(s, ctx);                /* years of every level's ticks */
    prepare_badges(s, ctx);
    if (ui_tlm_count(s->m) == 0) {
        text_style st = ui_style(FONT_SANS, s->mt.px_body, c->color_muted, TEXT_CENTER, 0);
        ui_text_add(&s->chrome, ctx, str(ok ? S_NO_EVENTS : S_UNAVAILABLE),
                    &st, s->mt.margin, h / 2 - 2 * s->mt.px_body, w - 2 * s->mt.margin, 0);
    }
    s->focus = ui_tlm_item_of_event(s->m, local_event(s, s->event_index));
    initial_view(s, 0);
    int first = s->focus >= 0 ? s->focus : 0;   /* opened on the whole range: the first */
    s->focus = -1;
    select_item(s, first, 0);
    store_events_free(&evs);
    store_articles_free(&arts);
    return 0;
}

/* ---- draw (no allocation) ------------------------------------------------ */

static void box(SDL_Renderer *r, int x, int y, int w, int h, uint32_t rgb, uint8_t alpha)
{
    SDL_Rect b = { x, y, w, h };
    render_box(r, &b, rgb, alpha);
}

static const text_tex *tick_label(const ui_timeline *s, const ui_tlm_tick *t, int level_has_months)
{
    if (t->kind == UI_TLM_TICK_YEAR)
        return t->year - s->year_min >= 0 && t->year - s->year_min < s->nyears
               ? &s->years[t->year - s->year_min] : NULL;
    if (t->kind == UI_TLM_TICK_MONTH)
        return &s->months[t->month - 1];
    (void)level_has_months;
    return &s->days[t->mday - 1];
}

/* Tick marks (labels 0) or their labels (labels 1) of level. A label sits
** below the axis's marker band on a background box, drawn after the leaders
** so a leader passing down to a label below never runs through its digits;
** only labels that fit inside the axis whole are drawn. */
static void draw_ticks(const ui_timeline *s, SDL_Renderer *r, int level, double left, int x_off,
                       uint8_t alpha, int labels)
{
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    int n;
    const ui_tlm_tick *t = ui_tlm_ticks(s->m, level, &n);
    int S = s->mt.S, line = s->mt.line > 1 ? s->mt.line : 1;
    int len[3] = { (int)(TICK_YEAR_S * S), (int)(TICK_MONTH_S * S), (int)(TICK_DAY_S * S) };
    int lo = 0, hi = n;
    while (lo < hi) {                               /* first tick at or after left */
        int mid = (lo + hi) / 2;
        if (t[mid].day < left)
            lo = mid + 1;
        else
            hi = mid;
    }
    int right = g->axis_x + g->axis_w, ly = g->axis_y + tick_label_dy(&s->mt);
    for (int i = lo > 0 ? lo - 1 : 0; i < n; i++) {
        int x = (int)floor(ui_tlm_x(s->m, s->ppd, left, t[i].day));
        if (x > right)
            break;
        if (x < g->axis_x)
            continue;
        int k = t[i].kind, tw = k == UI_TLM_TICK_YEAR ? line * 2 : line;
        if (!labels) {
            mbox(s, r, x, g->axis_y - len[k] / 2, tw, len[k], x_off,
                 k == UI_TLM_TICK_YEAR ? s->c_muted : s->c_tick, alpha);
            continue;
        }
        const text_tex *lab = t[i].labeled ? tick_label(s, &t[i], 0) : NULL;
        if (lab && lab->tex && x + TICK_LABEL_DX + t_along(s, lab) <= right) {
            /* below the axis after its tick; right of a vertical one, under its tick */
            int tx = s->vert ? ly : x + TICK_LABEL_DX, ty = s->vert ? x + TICK_LABEL_DX : ly;
            box(r, tx + x_off - 1, ty, lab->w + 2, lab->h, s->c_bg, alpha);
            render_text(r, lab, tx + x_off, ty, alpha);
            SDL_Rect br;                        /* "+12": events this zoom has no room for */
            const text_tex *bt = badge_at(s, level, t, n, i, left, &br);
            if (bt) {
                box(r, br.x + x_off, br.y, br.w, br.h, s->c_badge, alpha);
                render_text(r, bt, br.x + x_off + (br.w - bt->w) / 2, br.y + 1, alpha);
            }
        }
    }
}

/* One pass of an item's drawing: 0 the month / year it covers and its
** leader, 3 a range's bar (over every month / year bar), 1 label (on a
** background box, so leaders of outer rows pass behind it), 2 marker. */
static void draw_item(const ui_timeline *s, SDL_Renderer *r, int i, double left, int x_off,
                      uint8_t alpha, int pass)
{
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    const ui_tlm_item *it = ui_tlm_item_at(s->m, i);
    int d = marker_size(&s->mt), line = s->mt.line;
    int focus = i == s->focus;
    int x = (int)floor(ui_tlm_item_x(s->m, i, s->ppd, left));   /* stacks side by side */
    int lx, ly, lw, lh;
    int shown = ui_tlm_label_rect(s->m, i, s->ppd, left, &lx, &ly, &lw, &lh);
    int extent = s->vert ? s->mt.h : s->mt.w;       /* the screen along the axis */
    if (pass != 3 && ((shown ? (lx < x ? x : lx + lw) : x + d) < 0 ||
                      (shown && lx < x ? lx : x) - d > extent))
        return;                                     /* a range's bar may reach in from off screen */
    if (pass == 3) {                                /* a range: a thicker bar, end capped */
        if (!it->span)
            return;
        double fx0 = floor(ui_tlm_x(s->m, s->ppd, left, it->start));
        double fx1 = ceil(ui_tlm_x(s->m, s->ppd, left, it->end));
        fx0 = fx0 < -d ? -d : fx0;                  /* clipped to the screen: no int overflow */
        fx1 = fx1 > extent + d ? extent + d : fx1;
        if (fx1 < 0 || fx0 > extent)
            return;
        int x0 = (int)fx0, x1 = (int)fx1;
        int bh = d * 2 / 3 > 2 ? d * 2 / 3 : 2;
        mbox(s, r, x0, g->axis_y - bh / 2, x1 - x0 > 2 ? x1 - x0 : 2, bh, x_off, s->c_range, alpha);
        mbox(s, r, x1 - line * 2, g->axis_y - d / 2, line * 2, d, x_off, s->c_range, alpha);
    } else if (pass == 0) {
        if (it->prec != UI_TLM_DAY && !it->span) {  /* the month / year it covers */
            int x0 = (int)floor(ui_tlm_x(s->m, s->ppd, left, it->start));
            int x1 = (int)ceil(ui_tlm_x(s->m, s->ppd, left, it->end));
            mbox(s, r, x0, g->axis_y - d / 4, x1 - x0 > 2 ? x1 - x0 : 2, d / 2 > 2 ? d / 2 : 2,
                 x_off, s->c_span, alpha);
        }
        if (shown) {
            int y0 = ly < g->axis_y ? ly + lh : g->axis_y, y1 = ly < g->axis_y ? g->axis_y : ly;
            mbox(s, r, x, y0, line, y1 - y0, x_off, focus ? s->c_accent : s->c_lead, alpha);
        }
    } else if (pass == 1 && shown) {
        /* START: leader | pad | text, the box from the marker rightwards
        ** (downwards on a vertical axis, the leader along its top);
        ** END: text | pad | leader, the box ends at the marker */
        const tl_label *l = &s->labels[i];
        int end = lx < x, tx = end ? lx : lx + s->pad;
        if (end)
            mbox(s, r, lx, ly, lw, lh, x_off, s->c_bg, alpha);
        else
            mbox(s, r, lx + line, ly, lw - line, lh, x_off, s->c_bg, alpha);
        mbox(s, r, x, ly, line, lh, x_off, focus ? s->c_accent : s->c_lead, alpha);
        if (s->vert) {                              /* the texts stack down the column */
            int sx = ly + x_off, sy = tx;
            if (ly < g->axis_y)                     /* left column: flush to the axis side */
                sx = ly + lh - (l->date.w > l->text.w ? l->date.w : l->text.w) + x_off;
            render_text(r, &l->date, sx, sy, alpha);
            sy += l->date.h;
            render_text(r, &l->text, sx, sy, alpha);
            sy += l->text.h;
            render_text(r, &l->src, sx, sy, alpha);
        } else {
            int ty = ly;
            render_text(r, &l->date, tx + x_off, ty, alpha);
            ty += l->date.h;
            render_text(r, &l->text, tx + x_off, ty, alpha);
            ty += l->text.h;
            render_text(r, &l->src, tx + x_off, ty, alpha);
        }
    } else if (pass == 2) {
        int md = focus ? d * 3 / 2 : d;
        if (it->prec == UI_TLM_DAY) {               /* filled square: a day */
            mbox(s, r, x - md / 2, g->axis_y - md / 2, md, md, x_off, s->c_accent, alpha);
        } else {                                    /* hollow square: month / year */
            int t = line * 2 > 2 ? line * 2 : 2;
            mbox(s, r, x - md / 2, g->axis_y - md / 2, md, md, x_off, s->c_bg, alpha);
            mbox(s, r, x - md / 2, g->axis_y - md / 2, md, t, x_off, s->c_accent, alpha);
            mbox(s, r, x - md / 2, g->axis_y + md / 2 - t, md, t, x_off, s->c_accent, alpha);
            mbox(s, r, x - md / 2, g->axis_y - md / 2, t, md, x_off, s->c_accent, alpha);
            mbox(s, r, x + md / 2 - t, g->axis_y - md / 2, t, md, x_off, s->c_accent, alpha);
        }
        if (focus)
            mbox(s, r, x - md / 2, g->axis_y + md / 2 + line * 2, md, line * 2, x_off, s->c_text, alpha);
    }
}

static void tl_draw(screen *base, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    ui_timeline *s = (ui_timeline *)base;
    if (!s->m)
        return;
    if (ui_tlm_count(s->m) > 0) {
        const ui_tlm_geom *g = ui_tlm_geometry(s->m);
        double left = view_left(s);
        int level = ui_tlm_level_for(s->m, s->ppd);
        int lt = s->mt.line > 1 ? s->mt.line : 1;
        if (s->vert) {                          /* what pans past the band's ends stays in it */
            SDL_Rect clip = { x_off, s->axis_top, s->mt.w, s->axis_bot - s->axis_top };
            SDL_RenderSetClipRect(r, &clip);
        }
        mbox(s, r, g->axis_x, g->axis_y - lt / 2, g->axis_w, lt, x_off, s->c_muted, alpha);
        draw_ticks(s, r, level, left, x_off, alpha, 0);
        static const int passes[] = { 0, 3, 1, 2 };
        for (int k = 0; k < 4; k++) {
            int pass = passes[k];
            if (pass == 1)                          /* over the leaders, under the labels */
                draw_ticks(s, r, level, left, x_off, alpha, 1);
            for (int i = 0; i < ui_tlm_count(s->m); i++)
                if (i != s->focus)
                    draw_item(s, r, i, left, x_off, alpha, pass);
            if (s->focus >= 0)                      /* the focus on top */
                draw_item(s, r, s->focus, left, x_off, alpha, pass);
        }
        if (s->vert)
            SDL_RenderSetClipRect(r, NULL);
    }
    render_list_draw(r, &s->chrome, x_off, alpha);
    render_list_draw(r, &s->panel, x_off, alpha);
    ui_bar_draw(&s->bar, r, x_off, alpha);
}

/* ---- input --------------------------------------------------------------- */

static void tl_hit(screen *base, float x, float y, ui_event *out)
{
    ui_timeline *s = (ui_timeline *)base;
    if (ui_bar_hit(&s->bar, x, y, out))
        return;
    if (ui_hit(out, &s->zin, x, y) || ui_hit(out, &s->zout, x, y)) {
        out->target = ui_hit(out, &s->zin, x, y) ? UI_TGT_ZOOM_IN : UI_TGT_ZOOM_OUT;
        return;
    }
    if (s->open.w && ui_hit(out, &s->open, x, y) && s->focus >= 0) {
        out->target = UI_TGT_EVENT;             /* the selected item's article */
        out->index = s->ev_global[ui_tlm_item_at(s->m, s->focus)->first];
        out->article = s->first_article[s->focus];
        return;
    }
    if (s->prev.w && ui_hit(out, &s->prev, x, y)) {
        out->target = UI_TGT_PREV;
        return;
    }
    if (s->next.w && ui_hit(out, &s->next, x, y)) {
        out->target = UI_TGT_NEXT;
        return;
    }
    if (!s->m || y < s->axis_top || y >= s->axis_bot)
        return;
    int level = ui_tlm_level_for(s->m, s->ppd), nt;
    const ui_tlm_tick *t = ui_tlm_ticks(s->m, level, &nt);
    for (int k = 0; k < nt; k++) {              /* a count badge: its first hidden event */
        SDL_Rect br;
        if (!t[k].labeled || !badge_at(s, level, t, nt, k, view_left(s), &br))
            continue;
        SDL_Rect hr = ui_rect_grow(br, s->mt.target);
        if (ui_hit(out, &hr, x, y)) {
            int first = s->badge_first[s->badge_off[level] + k];
            out->target = UI_TGT_ITEM;
            out->index = first;
            out->article = s->first_article[first];
            return;
        }
    }
    float mx, my;
    to_model(s, x, y, &mx, &my);
    int i = ui_tlm_hit(s->m, s->ppd, view_left(s), mx, my);
    if (i >= 0) {
        out->target = UI_TGT_ITEM;              /* selects it */
        out->index = i;
        out->article = s->first_article[i];
    }
}

/* Enter: the selected item's article; the arrows are ui_state's (select). */
static int tl_focus(screen *base, int move, ui_event *out)
{
    ui_timeline *s = (ui_timeline *)base;
    if (move != SCREEN_FOCUS_NONE || !s->m || s->focus < 0 || !s->open.w)
        return 0;
    *out = (ui_event){ .type = UI_EV_TAP, .target = UI_TGT_EVENT, .article = s->first_article[s->focus],
                       .index = s->ev_global[ui_tlm_item_at(s->m, s->focus)->first] };
    return 1;
}

/* Animate the zoom to ppd keeping the day under screen x fixed. */
static int zoom_to(ui_timeline *s, double ppd, double x, uint64_t now)
{
    double minp = ui_tlm_min_ppd(s->m), maxp = ui_tlm_max_ppd(s->m);
    ppd = ppd < minp ? minp : ppd > maxp ? maxp : ppd;
    if (fabs(ppd - s->ppd) < 1e-9 * ppd)
        return 0;
    s->zooming = 1;
    s->z_from = log(s->ppd);
    s->z_to = log(ppd);
    s->z_x = x;
    s->z_day = view_left(s) + (x - ui_tlm_geometry(s->m)->axis_x) / s->ppd;
    s->z_t0 = now;
    s->sc.vel = 0;
    return 1;
}

/* The next level up (+1) or down (-1) from the current ppd, or from the
** zoom a running animation goes to: presses in quick succession add up. */
static double level_step(const ui_timeline *s, int dir)
{
    double ppd = s->zooming ? exp(s->z_to) : s->ppd;
    int n = ui_tlm_nlevels(s->m), l = ui_tlm_level_for(s->m, ppd);
    double at = ui_tlm_level_ppd(s->m, l);
    if (dir > 0)
        return l + 1 < n ? ui_tlm_level_ppd(s->m, l + 1) : ui_tlm_max_ppd(s->m);
    if (ppd > at * 1.001)                       /* between levels: back to this one */
        return at;
    return l > 0 ? ui_tlm_level_ppd(s->m, l - 1) : at;
}

static int tl_gesture(screen *base, const gesture_event *ev, uint32_t now)
{
    ui_timeline *s = (ui_timeline *)base;
    if (!s->m || ui_tlm_count(s->m) == 0)
        return 0;
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    switch (ev->type) {
    case GESTURE_DRAG_BEGIN:
        if (ev->y >= (float)s->panel_r.y && ev->y < (float)(s->panel_r.y + s->panel_r.h)) {
            s->panel_drag = 1;                  /* on the story: a swipe steps, as ‹ › */
            s->pd_dx = 0;
            return 1;
        }
        s->dragging = 1;
        s->zooming = 0;
        scroll_grab(&s->sc, now);
        return 1;
    case GESTURE_DRAG:
        if (s->panel_drag) {
            s->pd_dx += ev->dx;
            return 1;
        }
        if (!s->dragging)
            return 0;
        scroll_drag(&s->sc, s->vert ? -ev->dy : -ev->dx);
        return 1;
    case GESTURE_DRAG_END:
        if (s->panel_drag) {
            s->panel_drag = 0;
            float far = (float)s->mt.w * PANEL_SWIPE_FRAC;
            if (s->pd_dx <= -far || s->pd_dx >= far)
                return select_item(s, s->focus + (s->pd_dx < 0 ? 1 : -1), now ? now : 1);
            return 0;
        }
        if (!s->dragging)
            return 0;
        s->dragging = 0;
        scroll_release(&s->sc, s->vert ? -ev->vy : -ev->vx, now);
        return 1;
    case GESTURE_PINCH_BEGIN:
        s->zooming = 0;
        s->pinch_ppd = s->ppd;
        s->pinch_day = view_left(s) + ((s->vert ? ev->y : ev->x) - g->axis_x) / s->ppd;
        s->sc.vel = 0;
        return 1;
    case GESTURE_PINCH:
    case GESTURE_PINCH_END: {
        double ppd = s->pinch_ppd * (ev->scale > 0.01f ? ev->scale : 0.01f);
        double minp = ui_tlm_min_ppd(s->m), maxp = ui_tlm_max_ppd(s->m);
        ppd = ppd < minp ? minp : ppd > maxp ? maxp : ppd;
        set_view(s, ppd, ui_tlm_zoom_left(s->m, s->pinch_day, s->vert ? ev->y : ev->x, ppd), 1);
        return 1;
    }
    case GESTURE_DOUBLE_TAP:                    /* "ignore or zoom": zoom in there */
        return zoom_to(s, level_step(s, +1), s->vert ? ev->y : ev->x, now);
    case GESTURE_WHEEL: {
        float step = WHEEL_STEP_FRAC * (float)g->axis_w;
        float d = (ev->dx - ev->dy) * step;
        scroll_fling_to(&s->sc, s->sc.pos + d, now);
        return 1;
    }
    default:
        return 0;
    }
}

static int tl_action(screen *base, const ui_action *act, uint32_t now)
{
    ui_timeline *s = (ui_timeline *)base;
    if (!s->m || ui_tlm_count(s->m) == 0)
        return 0;
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    if (act->type == UI_ACT_SELECT && act->item >= 0 && act->item < ui_tlm_count(s->m) &&
        ui_tlm_row(s->m, ui_tlm_level_for(s->m, s->zooming ? exp(s->z_to) : s->ppd), act->item) < 0) {
        /* tapped where this zoom has no room for its label (a dense
        ** period's badge, a marker among many): selected, and the axis
        ** zooms in one level there */
        select_item(s, act->item, 0);
        double x = ui_tlm_item_x(s->m, act->item, s->ppd, view_left(s));
        zoom_to(s, level_step(s, +1), x, now ? now : 1);
        return 1;
    }
    if (act->type == UI_ACT_SELECT)
        return select_item(s, act->item >= 0 ? act->item : s->focus + act->dx, now ? now : 1);
    if (act->type == UI_ACT_ZOOM && act->zoom)
        return zoom_to(s, level_step(s, act->zoom > 0 ? +1 : -1), g->axis_x + g->axis_w / 2.0, now);
    if (act->type == UI_ACT_SCROLL) {
        float step = (act->page ? PAGE_FRAC : WHEEL_STEP_FRAC) * (float)g->axis_w;
        float d = (float)(act->dx ? act->dx : act->dy) * step;
        if (d == 0)
            return 0;
        scroll_fling_to(&s->sc, s->sc.pos + d, now);
        return 1;
    }
    return 0;
}

static int tl_update(screen *base, uint32_t now)
{
    ui_timeline *s = (ui_timeline *)base;
    if (!s->m || ui_tlm_count(s->m) == 0)
        return 0;
    int moving = 0;
    if (s->zooming) {
        double t = (double)(now - s->z_t0) / ZOOM_MS;
        if (now < s->z_t0)
            t = 0;
        t = t > 1 ? 1 : t;
        double e = render_ease((float)t);
        double ppd = exp(s->z_from + (s->z_to - s->z_from) * e);
        set_view(s, ppd, ui_tlm_zoom_left(s->m, s->z_day, s->z_x, ppd), 1);
        s->zooming = t < 1;
        moving = s->zooming;
        s->sc.last = now;
    }
    moving |= scroll_step(&s->sc, now);
    return moving;
}

static screen_action tl_input(screen *s, const screen_ev *ev)
{
    return SCREEN_STAY;
}

static void tl_destroy(screen *base)
{
    ui_timeline *s = (ui_timeline *)base;
    free_all(s);
    free(s);
}

/* The view for Back: zoom (px per day) and the day at the axis's left end,
** where an animation goes if one runs. */
static void tl_save_view(const screen *base, ui_view *out)
{
    const ui_timeline *s = (const ui_timeline *)base;
    out->valid = s->m && ui_tlm_count(s->m) > 0;
    out->a = s->zooming ? exp(s->z_to) : s->ppd;
    out->b = view_left(s);
    out->sel = s->focus + 1;
}

static void tl_restore_view(screen *base, const ui_view *v)
{
    ui_timeline *s = (ui_timeline *)base;
    if (!s->m || ui_tlm_count(s->m) == 0 || !(v->a > 0))
        return;
    s->zooming = 0;
    s->sc.vel = 0;
    set_view(s, v->a, v->b, 1);
    if (v->sel > 0 && v->sel <= ui_tlm_count(s->m) && v->sel - 1 != s->focus) {
        s->focus = v->sel - 1;
        build_panel(s);
    }
}

static const screen_vt timeline_vt = {
    .name = "timeline", .prepare = tl_prepare, .draw = tl_draw, .input = tl_input,
    .destroy = tl_destroy, .hit = tl_hit, .gesture = tl_gesture, .action = tl_action,
    .update = tl_update, .save_view = tl_save_view, .restore_view = tl_restore_view,
    .focus = tl_focus,
};

screen *ui_timeline_create(int event_index)
{
    ui_timeline *s = xcalloc(1, sizeof *s);
    s->base.vt = &timeline_vt;
    s->event_index = event_index;
    s->focus = -1;
    s->ppd = 1;
    return &s->base;
}

void ui_timeline_view(screen *base, double *ppd, double *left)
{
    ui_timeline *s = (ui_timeline *)base;
    *ppd = s->ppd;
    *left = s->m ? view_left(s) : 0;
}

int ui_timeline_event_of(screen *base, int item)
{
    ui_timeline *s = (ui_timeline *)base;
    return s->m && item >= 0 && item < ui_tlm_count(s->m) ? s->ev_global[ui_tlm_item_at(s->m, item)->first] : -1;
}

const struct ui_tlm *ui_timeline_model(screen *base)
{
    return ((ui_timeline *)base)->m;
}

void ui_timeline_item_on_screen(screen *base, int item, float *x, float *y,
                                int *lx, int *ly, int *lw, int *lh)
{
    ui_timeline *s = (ui_timeline *)base;
    *x = *y = 0;
    *lx = *ly = *lw = *lh = 0;
    if (!s->m || item < 0 || item >= ui_tlm_count(s->m))
        return;
    const ui_tlm_geom *g = ui_tlm_geometry(s->m);
    double left = view_left(s);
    float a = (float)ui_tlm_item_x(s->m, item, s->ppd, left), c = (float)g->axis_y;
    *x = s->vert ? c : a;
    *y = s->vert ? a : c;
    int mx, my, mw, mh;
    if (!ui_tlm_label_rect(s->m, item, s->ppd, left, &mx, &my, &mw, &mh))
        return;
    *lx = s->vert ? my : mx;
    *ly = s->vert ? mx : my;
    *lw = s->vert ? mh : mw;
    *lh = s->vert ? mw : mh;
}

int ui_timeline_vertical(screen *base)
{
    return ((ui_timeline *)base)->vert;
}
