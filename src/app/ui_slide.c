/*
** src/app/ui_slide.c: the attract-mode slides (idle slideshow), each with
** the quiet "Touch to explore" hint. A touch wakes the exhibit on the item
** behind the slide (ui_state rule 4), so a slide needs no hit test.
**
**   summary   outlet · date, the headline, the summary (fitted)
**   quote     one quote set large in the serif (fitted), speaker, source
**   timeline  the event's date large, its text, its source, and a strip of
**             the whole corpus's time axis with this event marked
**   intro     the opening slide: the exhibit's title, what it holds ("5 stories
**             · 11 voices · 2009–2020") and its newest pictures or covers
**
** ui_slide_words() tells ui.c how much there is to read (dwell time).
*/
#include "app/picture.h"
#include "app/render.h"
#include "app/ui.h"
#include "app/strings.h"
#include "app/ui_chrome.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AXIS_TICKS_MAX 200      /* event marks drawn on the timeline strip */
#define PAN_MS 20000            /* a picture's slow pan behind a summary slide */
#define FIELD_STRIPS 24         /* a cover field's fade, in steps */
#define FIELD_FADE_PCT 40       /* ... over this % of it */
#define INTRO_TILES_MAX 5       /* pictures / covers on the opening slide */
#define PROGRESS_STEP_MS 1000    /* the time-on-show line grows a step a second */
#define PAN_STEP_MS 100          /* the pan is looked at this often; a frame only when it moved */

typedef struct ui_slide_screen {
    screen base;                /* MUST BE FIRST */
    ui_slide_kind kind;
    int index;
    int turn;                   /* ui_slide_set_turn */
    int words;                  /* words to read */
    uint32_t t_start, t_due;    /* on show over [t_start, t_due) (ui_slide_set_span); due 0 unknown */
    uint32_t prog_k;            /* progress steps shown */
    uint32_t rip_k;             /* ripple steps shown (UINT32_MAX: none yet) */
    uint32_t c_track;           /* progress indicator colours */
    ui_metrics m;
    ui_page page;               /* no scrolling: lists only */
    text_tex pic;               /* summary: its picture (the lead, or a further one
                                ** by turn), faded into bg */
    SDL_Rect pic_at;            /* where it shows: the right part (landscape) or
                                ** the lower part (portrait), to the screen's edges */
    float fx, fy;               /* its focal point */
    SDL_Rect pan;               /* the window of pic shown now (pic_at's size) */
    uint32_t pan_t0;            /* app ms of the pan's start; 0 = not started */
    SDL_Rect pill;              /* the touch prompt */
    float ripple;               /* its ring now: 0..1, 0 = none */
    uint32_t accent;
} ui_slide_screen;

static int count_words(const char *s)
{
    int n = 0, in = 0;
    for (; s && *s; s++) {
        int sp = *s == ' ' || *s == '\n' || *s == '\t';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* Wrap i into [0, n) (n > 0). */
static size_t wrap(int i, size_t n)
{
    long long m = (long long)n;
    return (size_t)((((long long)i % m) + m) % m);
}

/* Item i (wrapping) of a list of n rows: a range query for one row. */
typedef store_err (*range_fn)(store *s, size_t first, size_t n, store_list *rows);

static int one_at(const screen_ctx *ctx, size_t count, int i, range_fn fn, store_list *out)
{
    memset(out, 0, sizeof *out);
    return count && fn(ctx->st, wrap(i, count), 1, out) == STORE_OK && out->n == 1 ? 0 : -1;
}

/* The article at index i (wrapping) into *out (owned strings copied). */
static int article_at(const screen_ctx *ctx, int i, store_article *out)
{
    store_counts c;
    store_list rows = {0};        /* freed on every path, also when the count fails */
    if (store_count(ctx->st, &c) != STORE_OK || one_at(ctx, c.articles, i, store_articles_range, &rows)) {
        store_articles_free(&rows);
        return -1;
    }
    long long id = ((store_article_row *)rows.v)->id;
    store_articles_free(&rows);
    return store_article_get(ctx->st, id, out) == STORE_OK ? 0 : -1;
}

/* "Headline · Outlet · date" of article id into buf ("" if none). */
static void source_of(const screen_ctx *ctx, long long id, char *buf, size_t n)
{
    store_article_row r;
    size_t index;
    buf[0] = 0;
    if (store_article_find(ctx->st, id, &index, &r) != STORE_OK)
        return;
    char meta[300];
    ui_format_meta(r.source, r.published, NULL, meta, sizeof meta);
    if (snprintf(buf, n, "%.200s%s%.150s", r.title, *meta ? "  \xc2\xb7  " : "", meta) < 0)
        buf[0] = 0;
    store_article_row_free(&r);
}

/* The picture a summary slide of article id shows at this turn (the lead,
** or on later showings its further pictures in turn), and where: at (the
** place on screen), the texture tw x th (larger by the pan), its fade.
** STORE_OK with im->bytes NULL when it has none. */
static store_err summary_picture(const screen_ctx *ctx, const ui_metrics *m, long long id,
                                 int turn, store_image *im, SDL_Rect *at, int *tw, int *th,
                                 picture_fade *fade)
{
    int npic = 1 + store_image_more_count(ctx->st, id), pk = turn % npic;
    store_err got = pk ? store_image_more(ctx->st, id, pk - 1, 0, im)
                       : store_image_lead(ctx->st, id, 0, im);
    if (got == STORE_OK && !im->bytes && pk)    /* none there after all: the lead */
        got = store_image_lead(ctx->st, id, 0, im);
    *at = m->wide ? (SDL_Rect){ m->w * 2 / 5, 0, m->w - m->w * 2 / 5, m->h }
                  : (SDL_Rect){ 0, m->h / 2, m->w, m->h - m->h / 2 };
    *tw = at->w * (100 + PICTURE_PAN_PCT) / 100;
    *th = at->h * (100 + PICTURE_PAN_PCT) / 100;
    *fade = m->wide ? PICTURE_FADE_LEFT : PICTURE_FADE_TOP;
    return got;
}

void ui_slide_prefetch(const screen_ctx *ctx, int w, int h, const ui_slide *slide)
{
    if (!ctx->st || !ctx->r || slide->kind != UI_SLIDE_SUMMARY)
        return;
    ui_metrics m;
    ui_metrics_init(&m, w, h);                  /* as slide_prepare */
    ui_metrics_far(&m);
    store_article a;
    if (article_at(ctx, slide->index, &a) != 0)
        return;
    store_image im;
    SDL_Rect at;
    int tw, th;
    picture_fade fade;
    if (summary_picture(ctx, &m, a.head.id, slide->turn, &im, &at, &tw, &th, &fade) == STORE_OK
        && im.bytes)
        picture_prefetch(ctx->r, &im, tw, th, fade, ctx->cfg->color_bg);
    store_image_free(&im);
    store_article_free(&a);
}

static int prepare_summary(ui_slide_screen *s, const screen_ctx *ctx)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    store_article a;
    if (article_at(ctx, s->index, &a) != 0)
        return -1;
    render_list *l = ui_page_list(&s->page);
    int x = m->margin * 2, cw = m->w - 4 * m->margin, y = m->margin * 2;
    int bottom = m->h - m->margin * 2 - m->px_small * 2;
    /* the lead picture bleeds off the right edge (landscape) or the bottom
    ** (portrait), faded into the background where the text is */
    /* the lead, or on later showings the article's further pictures in turn */
    store_image im;
    SDL_Rect at;
    int tw, th;
    picture_fade fade;
    store_err got = summary_picture(ctx, m, a.head.id, s->turn, &im, &at, &tw, &th, &fade);
    if (got == STORE_OK && im.bytes) {
        if (picture_cover(ctx->r, &im, tw, th, fade, c->color_bg, &s->pic) == 0) {
            s->pic_at = at;
            s->fx = im.focus_x;
            s->fy = im.focus_y;
            s->pan = picture_pan_rect(tw, th, at.w, at.h, s->fx, s->fy, 0);
            if (m->wide)
                cw = at.x + at.w / 5 - x;
            else
                bottom = at.y + at.h / 5;
            if (im.credit && *im.credit) {
                char line[300], credit[250];
                snprintf(credit, sizeof credit, "%s", im.credit);
                snprintf(line, sizeof line, str(S_PHOTO), credit);
                text_style cs = ui_style(FONT_SANS, m->px_small, c->color_muted, TEXT_RIGHT, 1);
                ui_text_add(l, ctx, line, &cs, m->margin, m->margin / 2, m->w - 2 * m->margin, 0);
            }
        }
    }
    store_image_free(&im);
    if (!s->pic.tex) {              /* none: the article's cover tone, its year set large */
        at = m->wide ? (SDL_Rect){ m->w * 11 / 20, 0, m->w - m->w * 11 / 20, m->h }
                     : (SDL_Rect){ 0, m->h * 13 / 20, m->w, m->h - m->h * 13 / 20 };
        uint32_t tone = ui_cover_tone(ctx, a.head.source ? a.head.source : a.head.title);
        {
            /* boxes, no texture: the field eases in from the background in
            ** FIELD_STRIPS steps over FIELD_FADE_PCT of it (steps of a
            ** level or two: no banding to see), then the tone */
            int along = m->wide ? at.w : at.h, span = along * FIELD_FADE_PCT / 100;
            for (int k = 0; k < FIELD_STRIPS; k++) {
                int a0 = span * k / FIELD_STRIPS, a1 = span * (k + 1) / FIELD_STRIPS;
                float u = ((float)k + 0.5f) / FIELD_STRIPS;
                uint32_t col = ui_mix(c->color_bg, tone, (int)(100.0f * u * u * (3 - 2 * u)));
                render_list_box(l, m->wide ? (SDL_Rect){ at.x + a0, at.y, a1 - a0, at.h }
                                           : (SDL_Rect){ at.x, at.y + a0, at.w, a1 - a0 }, col);
            }
            render_list_box(l, m->wide ? (SDL_Rect){ at.x + span, at.y, at.w - span, at.h }
                                       : (SDL_Rect){ at.x, at.y + span, at.w, at.h - span }, tone);
            if (m->wide)
                cw = at.x + at.w / 6 - x;
            else
                bottom = at.y + at.h / 6;
            if (a.head.published && strlen(a.head.published) >= 4) {
                char year[8];
                snprintf(year, sizeof year, "%.4s", a.head.published);
                text_style ys = ui_style(FONT_SANS_BOLD, 0, ui_mix(tone, c->color_text, UI_COVER_YEAR_PCT),
                                         TEXT_RIGHT, 1);
                int px = m->px_title * 5;
                ui_text_fit_add(l, ctx, year, &ys, px / 3, px, at.x + at.w / 3, at.y + at.h / 4,
                                at.w * 2 / 3 - m->margin * 2, at.h / 2);
            }
        }
    }
    /* "Read on your phone" in the bottom right corner, over the picture
    ** or cover (the code's quiet zone is its own background) */
    text_tex qr;
    int qroom = (m->w < m->h ? m->w : m->h) / 5;
    if (c->qr && a.url && ui_qr_texture(ctx, m, a.url, qroom, &qr) == 0) {
        int qx = m->w - m->margin - qr.w, qy = m->h - m->margin - qr.h, qh = qr.h;
        render_list_text(l, &qr, qx, qy);       /* takes the texture */
        text_style ls = ui_style(FONT_SANS_BOLD, m->px_meta, c->color_text, TEXT_LEFT, 1);
        text_size lsz = {0};
        int lw = m->w / 2;
        text_measure(ctx->fonts, str(S_READ_PHONE), &ls, lw, 0, &lsz);
        int pad = m->px_meta / 3, lx = qx - m->margin / 2 - lsz.w, ly = qy + qh - lsz.h;
        render_list_box(l, (SDL_Rect){ lx - pad, ly - pad, lsz.w + 2 * pad, lsz.h + 2 * pad }, c->color_bg);
        ui_text_add(l, ctx, str(S_READ_PHONE), &ls, lx, ly, lsz.w + 1, 0);
    }
    char meta[400];
    ui_format_meta(a.head.source, a.head.published, NULL, meta, sizeof meta);
    text_style ms = ui_style(FONT_SANS_BOLD, m->px_meta, c->color_accent, TEXT_LEFT, 1);
    y += ui_text_add(l, ctx, meta, &ms, x, y, cw, 0) + m->px_meta;
    text_style hs = ui_style(ui_head_face(c), 0, c->color_text, TEXT_LEFT, 3);
    hs.line_pct = 105;
    y += ui_text_fit_add(l, ctx, a.head.title, &hs, m->min_head, m->px_head * 3 / 2, x, y, cw,
                         (bottom - y) / 2) + m->px_body;
    render_list_box(l, (SDL_Rect){ x, y, m->S / 8, m->line * 2 }, c->color_accent);
    y += m->px_body;
    sbuf b = {0};
    for (size_t i = 0; i < a.nsummary; i++) {
        if (i)
            sbuf_addc(&b, ' ');
        sbuf_adds(&b, a.summary[i]);
    }
    const char *sum = b.len ? b.s : a.body;
    text_style bs = ui_style(FONT_SANS, 0, c->color_text, TEXT_LEFT, 0);
    bs.line_pct = 135;
    ui_text_fit_add(l, ctx, sum, &bs, m->min_body, m->px_body * 3 / 2, x, y, cw, bottom - y);
    s->words = count_words(a.head.title) + count_words(sum);
    sbuf_free(&b);
    store_article_free(&a);
    return 0;
}

static int prepare_quote(ui_slide_screen *s, const screen_ctx *ctx)
{
    const ui_metrics *m = &s->m;
    store_counts cnt;
    store_list qs = {0};
    if (store_count(ctx->st, &cnt) != STORE_OK || one_at(ctx, cnt.quotes, s->index, store_quotes_range, &qs)) {
        store_quotes_free(&qs);
        return -1;
    }
    const store_quote *q = qs.v;
    char src[400];
    source_of(ctx, q->article_id, src, sizeof src);
    store_article_row r;
    size_t ai;
    int found = store_article_find(ctx->st, q->article_id, &ai, &r) == STORE_OK;
    render_list *l = ui_page_list(&s->page);
    /* the Quote screen's block (ui_quote_block_add), at the slideshow's sizes */
    int x = m->margin * 3, cw = m->w - 6 * m->margin, top = m->margin * 3;
    ui_quote_spec sp = { x, top, cw, m->h - m->margin * 2 - m->px_small * 3,
                         m->min_body, m->px_head * 2, m->px_body, m->px_meta, m->px_meta,
                         found ? r.source : NULL, src, 2, 0, 1, 0 };
    ui_quote_block_add(l, ctx, m, q, &sp, NULL);
    text_mark mk;
    const char *shown = ui_quote_shown(q, &mk);
    s->words = count_words(shown) + 6;
    if (found)
        store_article_row_free(&r);
    store_quotes_free(&qs);
    return 0;
}

/* Days since year 0 of "YYYY[-MM[-DD]]" (missing parts: the middle). */
static double date_days(const char *d)
{
    int y = 0, mo = 7, dd = 1;
    int got = sscanf(d, "%d-%d-%d", &y, &mo, &dd);
    if (got == 1) { mo = 7; dd = 1; }
    if (got == 2) dd = 15;
    return y * 365.25 + (mo - 1) * 30.44 + (dd - 1);
}

static int prepare_timeline(ui_slide_screen *s, const screen_ctx *ctx)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    store_counts cnt;
    store_list es = {0};
    store_span sp;
    if (store_count(ctx->st, &cnt) != STORE_OK || one_at(ctx, cnt.events, s->index, store_events_range, &es)) {
        store_events_free(&es);
        return -1;
    }
    if (store_event_span(ctx->st, AXIS_TICKS_MAX, &sp) != STORE_OK) {
        store_events_free(&es);
        return -1;
    }
    const store_event *e = es.v;
    char src[400], date[64];
    source_of(ctx, e->article_id, src, sizeof src);
    ui_format_date_range(e->date, e->end_date, date, sizeof date);
    render_list *l = ui_page_list(&s->page);
    int x = m->margin * 2, cw = m->w - 4 * m->margin, y = m->margin * 2;
    text_style ls = ui_style(FONT_SANS_BOLD, m->px_small, c->color_muted, TEXT_LEFT, 1);
    y += ui_text_add(l, ctx, str(S_ON_TIMELINE), &ls, x, y, cw, 0) + m->px_small;
    /* the Timeline story's event block, at the slideshow's sizes */
    int axis_y = m->h - m->margin * 3 - m->px_small * 2;
    ui_event_spec ev = { x, y, cw, y + (axis_y - y) * 5 / 6, 0, m->px_head * 3 / 2,
                         m->min_body, m->px_head * 3 / 2, m->px_meta, FONT_SERIF };
    ui_event_block_add(l, ctx, m, date, e->text, src, &ev, NULL);
    /* the strip: the corpus's whole span, every event a tick, this one marked */
    double t0 = date_days(sp.first), t1 = date_days(sp.last);
    double span = t1 > t0 ? t1 - t0 : 1;
    render_list *al = ui_page_list(&s->page);
    render_list_box(al, (SDL_Rect){ x, axis_y, cw, m->line }, ui_mix(c->color_bg, c->color_muted, 50));
    int tick = m->px_small / 2;
    for (size_t i = 0; i < sp.nmonths; i++) {         /* a tick per month with events */
        if (al->n >= RENDER_LIST_MAX - 1)
            al = ui_page_list(&s->page);
        double d = date_days(sp.months[i]);
        d = d < t0 ? t0 : d > t1 ? t1 : d;
        int tx = x + (int)((d - t0) / span * (double)(cw - m->line));
        render_list_box(al, (SDL_Rect){ tx, axis_y - tick, m->line, tick * 2 + m->line },
                        ui_mix(c->color_bg, c->color_muted, 70));
    }
    l = ui_page_list(&s->page);
    int mx = x + (int)((date_days(e->date) - t0) / span * (double)(cw - m->line));
    int d = tick * 2;
    render_list_box(l, (SDL_Rect){ mx - d / 2, axis_y - d / 2, d, d }, c->color_accent);
    char y0[16], y1[16];
    snprintf(y0, sizeof y0, "%.4s", sp.first);
    snprintf(y1, sizeof y1, "%.4s", sp.last);
    text_style ys = ui_style(FONT_SANS, m->px_small, c->color_muted, TEXT_LEFT, 1);
    ui_text_add(l, ctx, y0, &ys, x, axis_y + tick * 2, cw / 2, 0);
    ys.align = TEXT_RIGHT;
    ui_text_add(l, ctx, y1, &ys, x + cw / 2, axis_y + tick * 2, cw / 2, 0);
    s->words = count_words(e->text) + 8;
    store_events_free(&es);
    store_event_span_free(&sp);
    return 0;
}

/* s with its spaces made no-break ("5 stories" stays on one line). */
static void nbsp(char *s, size_t n)
{
    char out[128];
    size_t o = 0;
    for (const char *p = s; *p && o + 3 < sizeof out; p++) {
        if (*p == ' ') { out[o++] = '\xc2'; out[o++] = '\xa0'; }
        else out[o++] = *p;
    }
    out[o] = 0;
    if (o >= n)                     /* cut at a whole character */
        for (o = n - 1; o > 0 && ((unsigned char)out[o] & 0xc0) == 0x80; o--)
            ;
    memcpy(s, out, o);
    s[o] = 0;
}

void ui_intro_hook(const store_overview *ov, char *hook, size_t n)
{
    char part[64];
    const char *dot = "\xc2\xa0\xc2\xa0\xc2\xb7  ";   /* a line may end on the dot, never start with it */
    int stories = (int)(ov->articles > 99999 ? 99999 : ov->articles);
    int voices = (int)(ov->voices > 99999 ? 99999 : ov->voices);
    snprintf(part, sizeof part, str(stories == 1 ? S_HOOK_STORY : S_HOOK_STORIES), stories);
    nbsp(part, sizeof part);
    snprintf(hook, n, "%s", part);
    if (voices) {
        snprintf(part, sizeof part, str(voices == 1 ? S_HOOK_VOICE : S_HOOK_VOICES), voices);
        nbsp(part, sizeof part);
        size_t len = strlen(hook);
        snprintf(hook + len, n - len, "%s%s", dot, part);
    }
    if (ov->year0) {
        size_t len = strlen(hook);
        if (ov->year1 > ov->year0)
            snprintf(hook + len, n - len, "%s%d\xe2\x80\x93%d", dot, ov->year0, ov->year1);
        else
            snprintf(hook + len, n - len, "%s%d", dot, ov->year0);
    }
}

/* The opening slide: the exhibit's title (and logo, subtitle), what it
** holds ("5 stories · 11 voices · 2009–2020") and its newest articles'
** pictures or covers in a row (two in portrait). */
static int prepare_intro(ui_slide_screen *s, const screen_ctx *ctx)
{
    const ui_metrics *m = &s->m;
    const config *c = ctx->cfg;
    store_overview ov;
    store_list arts = {0};
    if (store_overview_get(ctx->st, &ov) != STORE_OK || ov.articles == 0 ||
        store_articles_range(ctx->st, 0, INTRO_TILES_MAX, &arts) != STORE_OK) {
        store_articles_free(&arts);
        return -1;
    }
    render_list *l = ui_page_list(&s->page);
    int x = m->margin * 2, cw = m->w - 4 * m->margin, y = m->margin * 2;
    text_tex logo;
    if (c->theme_logo && *c->theme_logo
        && picture_file(ctx->r, c->theme_logo, cw / 3, m->px_title * 3, &logo) == 0) {
        int lh = logo.h;
        render_list_text(l, &logo, x, y);
        y += lh + m->px_body;
    }
    text_style ts = ui_style(ui_head_face(c), 0, c->color_text, TEXT_LEFT, 2);
    ts.line_pct = 105;
    y += ui_text_fit_add(l, ctx, ui_exhibit_title(c), &ts, m->min_head * 3 / 2, m->px_title * 3,
                         x, y, cw, m->h / 4) + m->px_body / 2;
    if (c->theme_subtitle && *c->theme_subtitle) {
        text_style ss = ui_style(FONT_SANS, m->px_head, c->color_muted, TEXT_LEFT, 2);
        y += ui_text_add(l, ctx, c->theme_subtitle, &ss, x, y, cw, 0) + m->px_body / 2;
    }
    char hook[200];
    ui_intro_hook(&ov, hook, sizeof hook);
    render_list_box(l, (SDL_Rect){ x, y + m->px_body / 2, m->S / 8, m->line * 2 }, c->color_accent);
    y += m->px_body * 3 / 2;
    text_style hs = ui_style(FONT_SANS_BOLD, 0, c->color_accent, TEXT_LEFT, 2);
    y += ui_text_fit_add(l, ctx, hook, &hs, m->min_body, m->px_head * 3 / 2, x, y, cw, m->h / 6)
         + m->margin;
    /* the newest articles' pictures or covers, above the touch prompt */
    int n = (int)arts.n, cols = m->wide ? (n < INTRO_TILES_MAX ? n : INTRO_TILES_MAX)
                                        : (n < 2 ? n : 2);
    int rows = (n + cols - 1) / cols, gap = m->margin / 2;
    rows = m->wide ? 1 : (rows > 2 ? 2 : rows);
    int bottom = m->h - m->margin * 2 - m->px_body * 2;
    int tw = (cw - (cols - 1) * gap) / cols, th = (bottom - y - (rows - 1) * gap) / rows;
    if (th > tw * 6 / 5)                        /* the room there is, up to a tall tile */
        th = tw * 6 / 5;
    const store_article_row *r = arts.v;
    for (int i = 0; th >= m->px_meta * 2 && i < cols * rows && i < n; i++) {
        render_list *tl = ui_page_list(&s->page);
        int tx = x + (i % cols) * (tw + gap), ty = bottom - rows * th - (rows - 1) * gap
                                                  + (i / cols) * (th + gap);
        ui_picture_or_cover_add(tl, ctx, m, &r[i], tx, ty, tw, th, 0);
    }
    s->words = count_words(ui_exhibit_title(c)) + count_words(hook) + 2;
    store_articles_free(&arts);
    return 0;
}

static int slide_prepare(screen *base, const screen_ctx *ctx, int w, int h)
{
    ui_slide_screen *s = (ui_slide_screen *)base;
    ui_page_free(&s->page);
    text_tex_free(&s->pic);
    s->pan_t0 = 0;
    ui_metrics_init(&s->m, w, h);
    ui_metrics_far(&s->m);                      /* read from the viewing distance */
    s->page.scr.top = 0;
    s->page.scr.view_h = h;
    s->words = 0;
    if (!ctx->st || !ctx->fonts)
        return -1;
    int rc = s->kind == UI_SLIDE_INTRO ? prepare_intro(s, ctx)
           : s->kind == UI_SLIDE_QUOTE ? prepare_quote(s, ctx)
           : s->kind == UI_SLIDE_TIMELINE ? prepare_timeline(s, ctx) : prepare_summary(s, ctx);
    s->accent = ctx->cfg->color_accent;
    s->c_track = ui_mix(ctx->cfg->color_bg, ctx->cfg->color_muted, 25);
    s->ripple = 0;
    s->rip_k = UINT32_MAX;
    if (rc == 0)
        s->pill = ui_hint_add(ui_page_list(&s->page), ctx, &s->m, str(S_TOUCH));
    return rc;
}

static void slide_draw(screen *base, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    ui_slide_screen *s = (ui_slide_screen *)base;
    if (s->pic.tex) {
        SDL_Rect dst = s->pic_at;
        dst.x += x_off;
        picture_draw(r, &s->pic, &s->pan, &dst, alpha);
    }
    ui_page_draw(&s->page, r, x_off, alpha);
    ui_ripple_draw(r, &s->m, s->pill, s->ripple, s->accent, x_off, alpha);
    if (s->t_due > s->t_start) {                /* time on show: a line along the bottom */
        int bh = s->m.line * 2 > 3 ? s->m.line * 2 : 3;
        uint32_t span = s->t_due - s->t_start, done = s->prog_k * PROGRESS_STEP_MS;
        int fw = (int)((uint64_t)s->m.w * (done < span ? done : span) / span);
        SDL_Rect track = { x_off, s->m.h - bh, s->m.w, bh }, fill = { x_off, s->m.h - bh, fw, bh };
        render_box(r, &track, s->c_track, alpha);
        if (fw > 0)
            render_box(r, &fill, s->accent, alpha);
    }
}

/* The picture's pan: a whole-pixel window moving over PAN_MS (frames only
** while it moves; a slide without a picture never asks for one). */
static int slide_update(screen *base, uint32_t now)
{
    ui_slide_screen *s = (ui_slide_screen *)base;
    if (!s->pan_t0)
        s->pan_t0 = now ? now : 1;
    uint32_t dt = now - s->pan_t0;
    /* the prompt's rings as the slide appears, in RIPPLE steps, then rest */
    uint32_t rings_ms = (uint32_t)(UI_RIPPLE_EVERY * (UI_RIPPLE_COUNT - 1) + UI_RIPPLE_MS);
    uint32_t rk = dt < rings_ms ? dt / UI_RIPPLE_STEP_MS : rings_ms / UI_RIPPLE_STEP_MS + 1;
    int rippled = rk != s->rip_k;
    if (rippled) {
        uint32_t ph = (rk * UI_RIPPLE_STEP_MS) % UI_RIPPLE_EVERY;
        s->ripple = dt < rings_ms && ph < UI_RIPPLE_MS ? (float)ph / UI_RIPPLE_MS : 0;
        s->rip_k = rk;
    }
    int stepped = 0;
    if (s->t_due > s->t_start) {                /* the progress indicator's step */
        uint32_t in = now - s->t_start, span = s->t_due - s->t_start;
        uint32_t k = (int32_t)in < 0 ? 0 : (in < span ? in : span) / PROGRESS_STEP_MS;
        stepped = k != s->prog_k;
        s->prog_k = k;
    }
    int panned = 0;
    if (s->pic.tex && dt <= PAN_MS + PAN_STEP_MS) {     /* a frame when it moved a pixel */
        SDL_Rect p = picture_pan_rect(s->pic.w, s->pic.h, s->pic_at.w, s->pic_at.h, s->fx, s->fy,
                                      dt < PAN_MS ? (float)dt / PAN_MS : 1.0f);
        panned = memcmp(&p, &s->pan, sizeof p) != 0;
        s->pan = p;
    }
    return panned || rippled || stepped;
}

/* ms to the next of: a ripple step, a look at the pan, a progress step. */
static uint32_t slide_wake_in(const screen *base, uint32_t now)
{
    const ui_slide_screen *s = (const ui_slide_screen *)base;
    uint32_t best = 0;
#define WAKE_AT(t) do { int32_t in_ = (int32_t)((t) - now); \
        uint32_t w_ = in_ > 0 ? (uint32_t)in_ : 1; if (!best || w_ < best) best = w_; } while (0)
    if (s->pan_t0) {
        uint32_t dt = now - s->pan_t0;
        uint32_t rings_ms = (uint32_t)(UI_RIPPLE_EVERY * (UI_RIPPLE_COUNT - 1) + UI_RIPPLE_MS);
        if (dt < rings_ms)
            WAKE_AT(s->pan_t0 + (dt / UI_RIPPLE_STEP_MS + 1) * UI_RIPPLE_STEP_MS);
        if (s->pic.tex && dt <= PAN_MS)
            WAKE_AT(s->pan_t0 + (dt / PAN_STEP_MS + 1) * PAN_STEP_MS);
    }
    if (s->t_due > s->t_start && (int32_t)(now - s->t_due) < 0)
        WAKE_AT(s->t_start + (s->prog_k + 1) * PROGRESS_STEP_MS);
#undef WAKE_AT
    return best;
}

void ui_slide_set_span(screen *base, uint32_t start, uint32_t due)
{
    if (!base || base->vt->wake_in != slide_wake_in)
        return;
    ui_slide_screen *s = (ui_slide_screen *)base;
    s->t_start = start;
    s->t_due = due;
    s->prog_k = 0;
}

static screen_action slide_input(screen *s, const screen_ev *ev) { return SCREEN_STAY; }

static void slide_destroy(screen *base)
{
    ui_page_free(&((ui_slide_screen *)base)->page);
    text_tex_free(&((ui_slide_screen *)base)->pic);
    free(base);
}

static const screen_vt slide_vt = {
    .name = "slide", .prepare = slide_prepare, .draw = slide_draw, .input = slide_input,
    .destroy = slide_destroy, .update = slide_update, .wake_in = slide_wake_in,
};

int ui_slide_words(const screen *s)
{
    return s && s->vt == &slide_vt ? ((const ui_slide_screen *)s)->words : 0;
}

void ui_slide_set_turn(screen *base, int turn)
{
    if (base && base->vt == &slide_vt)
        ((ui_slide_screen *)base)->turn = turn > 0 ? turn : 0;
}

screen *ui_slide_create(ui_slide_kind kind, int index)
{
    ui_slide_screen *s = xcalloc(1, sizeof *s);
    s->base.vt = &slide_vt;
    s->kind = kind;
    s->index = index;
    return &s->base;
}
