/*
** src/app/ui_chrome.c: shared drawing helpers of the exhibit screens (see
** ui_chrome.h). Called from prepare() only: they render text.
*/
#include "app/ui_chrome.h"
#include "app/strings.h"
#include "app/picture.h"
#include "app/qr.h"

#include "common/util.h"

#include <stdio.h>
#include <string.h>

/* Font sizes, short sides. */
#define PX_TITLE  0.040f        /* bar title */
#define PX_HEAD   0.060f        /* headlines */
#define PX_BODY   0.036f        /* body text */
#define PX_META   0.030f        /* outlet · date, labels */
#define PX_SMALL  0.026f        /* hints, indicators */

static int maxi(int a, int b) { return a > b ? a : b; }
static int mini(int a, int b) { return a < b ? a : b; }

static double s_px_mm, s_view_m;    /* ui_metrics_physical */

void ui_metrics_physical(double px_per_mm, double view_m)
{
    s_px_mm = px_per_mm > 0 ? px_per_mm : 0;
    s_view_m = view_m > 0 ? view_m : 0;
}

int ui_px_for_cap_mm(double cap_mm)
{
    return s_px_mm > 0 ? (int)(cap_mm / UI_CAP_EM * s_px_mm + 0.5) : 0;
}

/* *px raised to want, never beyond UI_LEGIBLE_MAX_PCT of itself. */
static void at_least(int *px, int want)
{
    int cap = *px * UI_LEGIBLE_MAX_PCT / 100;
    if (want > *px)
        *px = want < cap ? want : cap;
}

/* Headlines head_mm of cap height, body half of it, the smaller texts in
** proportion. */
static void legible(ui_metrics *m, double head_mm)
{
    int body = ui_px_for_cap_mm(head_mm / 2);
    at_least(&m->px_head, ui_px_for_cap_mm(head_mm));
    at_least(&m->px_body, body);
    at_least(&m->px_title, body);
    at_least(&m->px_meta, body * 85 / 100);
    at_least(&m->px_small, body * 75 / 100);
}

void ui_metrics_far(ui_metrics *m)
{
    if (s_px_mm > 0 && s_view_m > 0)
        legible(m, UI_CAP_MM_PER_3M * s_view_m / 3.0);
}

void ui_metrics_init(ui_metrics *m, int w, int h)
{
    memset(m, 0, sizeof *m);
    m->w = w;
    m->h = h;
    m->S = w < h ? w : h;
    float S = (float)m->S;
    m->margin = (int)(UI_MARGIN_FRAC * S);
    m->target = maxi((int)(UI_TARGET_FRAC * S + 0.5f), UI_TARGET_MIN_PX);
    m->btn_h = maxi((int)(UI_BUTTON_FRAC * S + 0.5f), m->target);
    m->bar_h = maxi((int)(UI_BAR_FRAC * S), m->btn_h + (int)(0.025f * S));
    m->line = maxi((int)(0.003f * S), 1);
    m->px_title = maxi((int)(PX_TITLE * S), 14);
    m->px_head = maxi((int)(PX_HEAD * S), 18);
    m->px_body = maxi((int)(PX_BODY * S), 14);
    m->px_meta = maxi((int)(PX_META * S), 12);
    m->px_small = maxi((int)(PX_SMALL * S), 11);
    m->wide = w * 10 >= h * 13;
    m->reach = h * 2 >= w * 3;
    if (s_px_mm > 0)                            /* legible at arm's length */
        legible(m, UI_CAP_MM_PER_3M * UI_ARM_M / 3.0);
    m->min_head = m->px_head;
    m->min_body = m->px_body;
}

void ui_metrics_reading(ui_metrics *m, int pct)
{
    if (pct <= 0 || pct == 100)
        return;
    m->px_head = m->px_head * pct / 100;
    m->px_body = m->px_body * pct / 100;
    m->min_head = m->min_head * pct / 100;
    m->min_body = m->min_body * pct / 100;
}

const char *ui_exhibit_title(const config *c)
{
    return c->theme_title && *c->theme_title ? c->theme_title : str(S_TITLE);
}

font_style ui_head_face(const config *c)
{
    return c->heading_face == 1 ? FONT_SERIF : FONT_SANS_BOLD;
}

SDL_Rect ui_rect_grow(SDL_Rect r, int min)
{
    if (r.w < min) { r.x -= (min - r.w) / 2; r.w = min; }
    if (r.h < min) { r.y -= (min - r.h) / 2; r.h = min; }
    return r;
}

int ui_rect_hit(const SDL_Rect *r, float x, float y)
{
    return r->w > 0 && r->h > 0 && x >= (float)r->x && x < (float)(r->x + r->w) &&
           y >= (float)r->y && y < (float)(r->y + r->h);
}

uint32_t ui_mix(uint32_t a, uint32_t b, int pct)
{
    uint32_t out = 0;
    for (int sh = 0; sh <= 16; sh += 8) {
        int ca = (int)((a >> sh) & 0xff), cb = (int)((b >> sh) & 0xff);
        out |= (uint32_t)((ca * (100 - pct) + cb * pct) / 100) << sh;
    }
    return out;
}

text_style ui_style(font_style f, int px, uint32_t rgb, text_align a, int max_lines)
{
    return (text_style){ f, px, 0, a, max_lines, render_color(rgb) };
}

int ui_text_add(render_list *l, const screen_ctx *ctx, const char *utf8, const text_style *st,
                int x, int y, int bw, int bh)
{
    text_tex t;
    if (!ctx->fonts || !utf8 || !*utf8 || bw <= 0 ||
        text_render(ctx->r, ctx->fonts, utf8, st, bw, bh, &t) != 0)
        return 0;
    int h = t.h;
    render_list_text(l, &t, x, y);
    return h;
}

int ui_text_fit_add(render_list *l, const screen_ctx *ctx, const char *utf8, text_style *st,
                    int px_min, int px_max, int x, int y, int bw, int bh)
{
    text_tex t;
    if (!ctx->fonts || !utf8 || !*utf8 || bw <= 0 ||
        text_render_fit(ctx->r, ctx->fonts, utf8, st, px_min, px_max, bw, bh, &t) != 0)
        return 0;
    int h = t.h;
    render_list_text(l, &t, x, y);
    return h;
}

int ui_text_fit_mark_add(render_list *l, const screen_ctx *ctx, const char *utf8, text_style *st,
                         int px_min, int px_max, int x, int y, int bw, int bh,
                         const text_mark *mark)
{
    text_tex t;
    if (!ctx->fonts || !utf8 || !*utf8 || bw <= 0 ||
        text_render_fit_mark(ctx->r, ctx->fonts, utf8, st, px_min, px_max, bw, bh, mark, &t) != 0)
        return 0;
    int h = t.h;
    render_list_text(l, &t, x, y);
    return h;
}

void ui_outline_add(render_list *l, SDL_Rect r, int t, uint32_t rgb)
{
    render_list_box(l, (SDL_Rect){ r.x, r.y, r.w, t }, rgb);
    render_list_box(l, (SDL_Rect){ r.x, r.y + r.h - t, r.w, t }, rgb);
    render_list_box(l, (SDL_Rect){ r.x, r.y + t, t, r.h - 2 * t }, rgb);
    render_list_box(l, (SDL_Rect){ r.x + r.w - t, r.y + t, t, r.h - 2 * t }, rgb);
}

void ui_focus_ring_draw(SDL_Renderer *r, const ui_metrics *m, SDL_Rect rc, uint32_t rgb,
                        int x_off, uint8_t alpha)
{
    int t = m->line * UI_FOCUS_RING_LINES, g = m->line * 2;     /* thickness, gap to r */
    SDL_Rect o = { rc.x - g - t + x_off, rc.y - g - t, rc.w + 2 * (g + t), rc.h + 2 * (g + t) };
    SDL_Rect side[4] = {
        { o.x, o.y, o.w, t }, { o.x, o.y + o.h - t, o.w, t },
        { o.x, o.y + t, t, o.h - 2 * t }, { o.x + o.w - t, o.y + t, t, o.h - 2 * t },
    };
    SDL_SetRenderDrawBlendMode(r, alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha);
    SDL_RenderFillRects(r, side, 4);
}

int ui_button_width(const screen_ctx *ctx, const ui_metrics *m, const char *label)
{
    text_style st = ui_style(FONT_SANS_BOLD, m->px_meta, ctx->cfg->color_text, TEXT_LEFT, 1);
    text_size sz = {0};
    if (ctx->fonts)
        text_measure(ctx->fonts, label, &st, m->w, 0, &sz);
    return maxi(sz.w + 2 * (int)(0.7f * (float)m->px_meta), m->target);
}

void ui_button_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, SDL_Rect r,
                   const char *label, ui_button_kind kind)
{
    const config *c = ctx->cfg;
    uint32_t fg = c->color_text;
    if (kind == UI_BUTTON_FILLED) {
        render_list_box(l, r, c->color_accent);
        fg = c->color_bg;
    } else if (kind == UI_BUTTON_OUTLINE) {
        render_list_box(l, r, ui_mix(c->color_bg, c->color_text, 6));
        ui_outline_add(l, r, m->line, ui_mix(c->color_bg, c->color_muted, 70));
    }
    text_style st = ui_style(FONT_SANS_BOLD, m->px_meta, fg, TEXT_CENTER, 1);
    text_tex t;
    if (ctx->fonts && text_render(ctx->r, ctx->fonts, label, &st, r.w - 2 * m->line, 0, &t) == 0) {
        int th = t.h;
        render_list_text(l, &t, r.x + m->line, r.y + (r.h - th) / 2);
        if (kind == UI_BUTTON_QUIET)
            render_list_box(l, (SDL_Rect){ r.x + r.w / 4, r.y + (r.h + th) / 2 + m->line,
                                           r.w / 2, m->line * 2 }, c->color_accent);
    }
}

void ui_card_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, SDL_Rect r)
{
    const config *c = ctx->cfg;
    render_list_box(l, r, c->color_surface);
    render_list_box(l, (SDL_Rect){ r.x, r.y, maxi(m->line * 2, 3), r.h }, c->color_accent);
}

void ui_bar_free(ui_bar *b)
{
    render_list_free(&b->list);
}

static void bar_prepare(ui_bar *b, const screen_ctx *ctx, const ui_metrics *m, const char *title,
                        int show_back, int show_home, int show_aa)
{
    const config *c = ctx->cfg;
    render_list_free(&b->list);
    b->back = b->home = b->aa = (SDL_Rect){ 0, 0, 0, 0 };
    render_list_box(&b->list, (SDL_Rect){ 0, 0, m->w, m->bar_h }, c->color_bg);  /* covers scrolled content */
    int by = (m->bar_h - m->btn_h) / 2;
    int bw = maxi(ui_button_width(ctx, m, str(S_BACK)), ui_button_width(ctx, m, str(S_HOME)));
    SDL_Rect back = { m->margin, by, bw, m->btn_h }, home = { m->w - m->margin - bw, by, bw, m->btn_h };
    if (show_back) {
        ui_button_add(&b->list, ctx, m, back, str(S_BACK), UI_BUTTON_OUTLINE);
        b->back = ui_rect_grow(back, m->target);
    }
    if (show_home) {
        ui_button_add(&b->list, ctx, m, home, str(S_HOME), UI_BUTTON_OUTLINE);
        b->home = ui_rect_grow(home, m->target);
    }
    int side = m->margin + bw + m->margin;
    if (show_aa) {                              /* the reading text's size, left of Home */
        int aw = ui_button_width(ctx, m, "Aa");
        SDL_Rect aa = { home.x - m->margin / 2 - aw, by, aw, m->btn_h };
        ui_button_add(&b->list, ctx, m, aa, "Aa", ctx->text_pct > 100 ? UI_BUTTON_FILLED : UI_BUTTON_OUTLINE);
        b->aa = ui_rect_grow(aa, m->target);
        side += aw + m->margin / 2;
    }
    /* title centred on the screen, in the room between the buttons */
    text_style st = ui_style(FONT_SANS_BOLD, m->px_title, c->color_muted, TEXT_CENTER, 1);
    text_size sz = {0};
    if (ctx->fonts && title && *title)
        text_measure(ctx->fonts, title, &st, m->w - 2 * side, 0, &sz);
    ui_text_add(&b->list, ctx, title, &st, side, (m->bar_h - sz.h) / 2, m->w - 2 * side, 0);
    render_list_box(&b->list, (SDL_Rect){ m->margin, m->bar_h - m->line, m->w - 2 * m->margin, m->line },
                    ui_mix(c->color_bg, c->color_muted, 35));
    b->bottom = m->bar_h;
    b->inset = 0;
    if (m->reach) {                             /* at the bottom: within reach */
        int dy = m->h - m->bar_h;
        ui_list_shift(&b->list, 0, dy);
        b->list.items[b->list.n - 1].box.y = dy;    /* the rule: on the bar's top edge */
        b->back.y += dy;
        b->home.y += dy;
        b->aa.y += dy;
        b->bottom = m->margin / 2;
        b->inset = m->bar_h;
    }
}

void ui_list_shift(render_list *l, int from, int dy)
{
    for (int k = from; k < l->n; k++)
        l->items[k].box.y += dy;
}

void ui_bar_prepare(ui_bar *b, const screen_ctx *ctx, const ui_metrics *m, const char *title,
                    int show_back, int show_home)
{
    bar_prepare(b, ctx, m, title, show_back, show_home, 0);
}

void ui_bar_prepare_aa(ui_bar *b, const screen_ctx *ctx, const ui_metrics *m, const char *title)
{
    bar_prepare(b, ctx, m, title, 1, 1, 1);
}

void ui_bar_draw(const ui_bar *b, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    render_list_draw(r, &b->list, x_off, alpha);
}

int ui_hit(ui_event *out, const SDL_Rect *r, float x, float y)
{
    if (!ui_rect_hit(r, x, y))
        return 0;
    out->hx = r->x, out->hy = r->y, out->hw = r->w, out->hh = r->h;
    return 1;
}

int ui_bar_hit(const ui_bar *b, float x, float y, ui_event *out)
{
    ui_target t = ui_hit(out, &b->back, x, y) ? UI_TGT_BACK
                : ui_hit(out, &b->home, x, y) ? UI_TGT_HOME
                : b->aa.w && ui_hit(out, &b->aa, x, y) ? UI_TGT_TEXT_SIZE : UI_TGT_NONE;
    if (t == UI_TGT_NONE)
        return 0;
    out->type = UI_EV_TAP;
    out->target = t;
    out->index = -1;
    out->article = -1;
    return 1;
}

int ui_dots_height(const ui_metrics *m)
{
    return maxi(m->px_small * 3 / 2, (int)(0.03f * (float)m->S));
}

static void dots_geometry(const ui_metrics *m, int *d, int *gap)
{
    int h = ui_dots_height(m);
    *d = maxi(h / 3, 4);
    *gap = maxi(*d * 2, m->target * 2 / 3 - *d);    /* far enough apart to tap one */
}

int ui_dots_width(const ui_metrics *m, int n)
{
    int d, gap;
    dots_geometry(m, &d, &gap);
    return n > UI_DOTS_MAX ? m->S / 2 : n * (d + gap);
}

int ui_dots_hit(const ui_metrics *m, int n, int cx, int y0, float x, float y)
{
    if (n <= 1 || n > UI_DOTS_MAX)
        return -1;
    int d, gap, h = ui_dots_height(m);
    dots_geometry(m, &d, &gap);
    int total = n * d + (n - 1) * gap, x0 = cx - total / 2 - gap / 2, pitch = d + gap;
    float mid = (float)y0 + (float)h / 2, half = (float)maxi(h, m->target) / 2;
    if (y < mid - half || y >= mid + half || x < (float)x0 || x >= (float)(x0 + n * pitch))
        return -1;
    return (int)((x - (float)x0) / (float)pitch);
}

int ui_dots_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, int cur, int n,
                int cx, int y)
{
    const config *c = ctx->cfg;
    int h = ui_dots_height(m);
    if (n <= 1)
        return 0;
    if (n > UI_DOTS_MAX) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d / %d", cur + 1, n);
        text_style st = ui_style(FONT_SANS, m->px_small, c->color_muted, TEXT_CENTER, 1);
        ui_text_add(l, ctx, buf, &st, cx - m->S / 4, y, m->S / 2, 0);
        return h;
    }
    int d, gap;
    dots_geometry(m, &d, &gap);
    int total = n * d + (n - 1) * gap, x = cx - total / 2;
    for (int i = 0; i < n; i++, x += d + gap) {
        int big = i == cur ? d / 3 + 1 : 0;
        render_list_box(l, (SDL_Rect){ x - big, y + (h - d) / 2 - big, d + 2 * big, d + 2 * big },
                        i == cur ? c->color_accent : ui_mix(c->color_bg, c->color_muted, 55));
    }
    return h;
}

SDL_Rect ui_hint_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, const char *text)
{
    /* The one invitation to a passer-by: an accent pill, bold, at the
    ** bottom centre of every slide (it was the smallest text on screen,
    ** grey under a dot). Slides keep their content above
    ** m->h - 2 * margin - 2 * px_small, which the pill stays below. */
    const config *c = ctx->cfg;
    int px = m->px_body;
    text_style st = ui_style(FONT_SANS_BOLD, px, c->color_bg, TEXT_LEFT, 1);
    text_size sz = {0};
    if (ctx->fonts)
        text_measure(ctx->fonts, text, &st, m->w - 2 * m->margin, 0, &sz);
    int ph = sz.h + px * 2 / 3, pw = sz.w + px * 2;
    SDL_Rect pill = { (m->w - pw) / 2, m->h - m->margin / 2 - ph, pw, ph };
    render_list_box(l, pill, c->color_accent);
    ui_text_add(l, ctx, text, &st, pill.x + px, pill.y + (ph - sz.h) / 2, sz.w + 1, 0);
    return pill;
}

int ui_qr_texture(const screen_ctx *ctx, const ui_metrics *m, const char *url, int room, text_tex *out)
{
    qr_code q;
    memset(out, 0, sizeof *out);
    if (!url || !*url || qr_make(url, &q) != 0)
        return -1;
    int modules = q.size + 2 * QR_QUIET, side = 0;
    double px_mm = (double)m->target / UI_MIN_TARGET_MM;
    int mpx = qr_module_px(px_mm, modules, room);
    uint32_t *px = mpx ? qr_pixels(&q, mpx, 0x000000, 0xffffff, &side) : NULL;
    qr_free(&q);
    if (!px)
        return -1;
    int rc = text_image(ctx->r, px, side, side, out);
    free(px);
    return rc == 0 && out->tex ? 0 : -1;
}

void ui_ripple_draw(SDL_Renderer *r, const ui_metrics *m, SDL_Rect pill, float t, uint32_t rgb,
                    int x_off, uint8_t alpha)
{
    if (t <= 0 || t >= 1 || pill.w <= 0)
        return;
    int g = (int)(t * (float)m->px_body * UI_RIPPLE_GROW), th = maxi(m->line * 2, 2);
    SDL_Rect o = { pill.x - g + x_off, pill.y - g, pill.w + 2 * g, pill.h + 2 * g };
    uint8_t a = (uint8_t)((1.0f - t) * (1.0f - t) * UI_RIPPLE_ALPHA * (float)alpha / 255.0f);
    SDL_Rect sides[4] = { { o.x, o.y, o.w, th }, { o.x, o.y + o.h - th, o.w, th },
                          { o.x, o.y + th, th, o.h - 2 * th }, { o.x + o.w - th, o.y + th, th, o.h - 2 * th } };
    for (int i = 0; i < 4; i++)
        render_box(r, &sides[i], rgb, a);
}

/* im drawn w x h at (x, y), then its caption (alt) and credit lines;
** returns the height used (0: nothing). Frees im. */
/* Under a picture at y (its bottom): what it shows (alt) when caption is
** set, then "Photo: credit" when credit is; returns their height. */
static int picture_lines(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                         const store_image *im, int x, int y, int w, int caption, int credit)
{
    int used = 0;
    if (caption && im->alt && *im->alt) {
        text_style as = ui_style(FONT_SANS, m->px_meta, ctx->cfg->color_muted, TEXT_LEFT, 3);
        used += m->px_small / 2;
        used += ui_text_add(l, ctx, im->alt, &as, x, y + used, w, 0);
    }
    if (credit && im->credit && *im->credit) {
        char line[300], who[250];
        snprintf(who, sizeof who, "%s", im->credit);
        snprintf(line, sizeof line, str(S_PHOTO), who);
        text_style cs = ui_style(FONT_SANS, m->px_small, ctx->cfg->color_muted, TEXT_RIGHT, 1);
        used += m->px_small / 3;
        used += ui_text_add(l, ctx, line, &cs, x, y + used, w, 0);
    }
    return used;
}

static int picture_block(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                         store_image *im, int x, int y, int w, int h, int caption, int credit)
{
    text_tex t;
    int used = 0;
    if (picture_cover(ctx->r, im, w, h, PICTURE_FADE_NONE, ctx->cfg->color_bg, &t) == 0) {
        render_list_text(l, &t, x, y);
        used = h + picture_lines(l, ctx, m, im, x, y + h, w, caption, credit);
    }
    store_image_free(im);
    return used;
}

int ui_picture_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                   long long article_id, int x, int y, int w, int h, int credit)
{
    store_image im;
    if (!ctx->st || w <= 0 || h <= 0 || store_image_lead(ctx->st, article_id, w > h ? w : h, &im) != STORE_OK
        || !im.bytes) {
        if (ctx->st && w > 0 && h > 0)
            store_image_free(&im);
        return 0;
    }
    return picture_block(l, ctx, m, &im, x, y, w, h, 0, credit);
}

int ui_picture_more_add(ui_page *p, const screen_ctx *ctx, const ui_metrics *m,
                        long long article_id, int k, int x, int y, int w, int h)
{
    store_image im;
    if (!ctx->st || w <= 0 || h <= 0 || store_image_more(ctx->st, article_id, k, w > h ? w : h, &im) != STORE_OK
        || !im.bytes) {
        if (ctx->st && w > 0 && h > 0)
            store_image_free(&im);
        return 0;
    }
    /* its caption and credit now (texts), the picture when it nears the view */
    int used = h + picture_lines(ui_page_list(p), ctx, m, &im, x, y + h, w, 1, 1);
    ui_page_lazy_picture(p, ctx, &im, x, y, w, h);
    return used;
}

/* Cover tones: mixed UI_COVER_MIX % into the background, so they follow a
** dark or a light theme. Deep, distinct hues; text stays legible on each. */
static const uint32_t ui_cover_tones[] = { 0x2f6f8f, 0x8f3f5f, 0x5f7f2f, 0xa0522d, 0x5a4fa0,
                                           0x2f8f6f };
#define UI_COVER_MIX 45

uint32_t ui_cover_tone(const screen_ctx *ctx, const char *key)
{
    const config *c = ctx->cfg;
    uint32_t h = 2166136261u;                       /* FNV-1a of the outlet */
    for (const char *p = key ? key : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    size_t n = sizeof ui_cover_tones / sizeof ui_cover_tones[0];
    return ui_mix(c->color_bg, ui_cover_tones[h % n], UI_COVER_MIX);
}

void ui_cover_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                  const store_article_row *a, int x, int y, int w, int h, int quote)
{
    const config *c = ctx->cfg;
    uint32_t field = ui_cover_tone(ctx, a->source ? a->source : a->title);
    render_list_box(l, (SDL_Rect){ x, y, w, h }, field);
    int pad = m->margin / 2 > 4 ? m->margin / 2 : 4;
    int iw = w - 2 * pad;
    if (iw <= 0 || h < m->px_meta * 2)
        return;
    char year[8] = "";
    if (a->published && strlen(a->published) >= 4)
        snprintf(year, sizeof year, "%.4s", a->published);
    /* the outlet at the foot, on an accent rule */
    text_style os = ui_style(FONT_SANS_BOLD, m->px_meta, c->color_text, TEXT_LEFT, 1);
    text_size osz = {0};
    const char *outlet = a->source && *a->source ? a->source : "";
    if (ctx->fonts && *outlet)
        text_measure(ctx->fonts, outlet, &os, iw, 0, &osz);
    if (osz.truncated) {                        /* a small cover: the year says enough */
        outlet = "";
        osz.h = 0;
    }
    if (!*outlet && ctx->fonts)                 /* the foot line then holds the year */
        text_measure(ctx->fonts, "2000", &os, iw, 0, &osz);
    int foot = y + h - pad - osz.h;
    if (*outlet) {
        ui_text_add(l, ctx, outlet, &os, x + pad, foot, iw, 0);
        render_list_box(l, (SDL_Rect){ x + pad, foot - m->line * 3, m->S / 16, m->line * 2 },
                        c->color_accent);
    }
    int room = foot - m->line * 3 - pad / 2 - (y + pad);
    char *text = NULL, *speaker = NULL;
    if (quote && room >= m->px_body * 3 && ctx->st)
        store_quote_strongest(ctx->st, a->id, &text, &speaker);
    if (text) {                                 /* the strongest quote, set in the serif */
        sbuf b = {0};
        sbuf_addf(&b, "\xe2\x80\x9c%s\xe2\x80\x9d", text);
        text_style qs = ui_style(FONT_SERIF, 0, c->color_text, TEXT_LEFT, 0);
        qs.line_pct = 115;
        int sp_h = speaker ? m->px_small * 3 / 2 : 0;
        int qh = ui_text_fit_add(l, ctx, b.s, &qs, m->px_meta, m->px_head, x + pad, y + pad, iw,
                                 room - sp_h);
        if (speaker) {
            char who[200];
            snprintf(who, sizeof who, "\xe2\x80\x94 %.150s", speaker);
            text_style ws = ui_style(FONT_SANS, m->px_small, ui_mix(field, c->color_text, UI_COVER_SPEAKER_PCT),
                                     TEXT_LEFT, 1);
            ui_text_add(l, ctx, who, &ws, x + pad, y + pad + qh + m->px_small / 3, iw, 0);
        }
        sbuf_free(&b);
    } else if (*year && room < m->px_meta * 2) {    /* a low band: the year on the outlet's line */
        text_style ys = ui_style(FONT_SANS_BOLD, m->px_meta, ui_mix(field, c->color_text, UI_COVER_SPEAKER_PCT),
                                 TEXT_RIGHT, 1);
        ui_text_add(l, ctx, year, &ys, x + pad, foot, iw, 0);
    } else if (*year) {                             /* else the year, large and quiet */
        int px = room < m->px_title * 3 ? room * 4 / 5 : m->px_title * 3;
        text_style ys = ui_style(FONT_SANS_BOLD, 0, ui_mix(field, c->color_text, UI_COVER_YEAR_PCT),
                                 TEXT_RIGHT, 1);
        ui_text_fit_add(l, ctx, year, &ys, px / 3 > 8 ? px / 3 : 8, px > 8 ? px : 8,
                        x + pad, y + pad / 2, iw, room);
    }
    free(text);
    free(speaker);
}

int ui_picture_or_cover_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                            const store_article_row *a, int x, int y, int w, int h, int quote)
{
    if (!ui_picture_add(l, ctx, m, a->id, x, y, w, h, 0))
        ui_cover_add(l, ctx, m, a, x, y, w, h, quote);
    return h;
}



void ui_format_date(const char *iso, char *out, size_t n)
{
    int y = 0, mo = 0, d = 0;
    int got = iso ? sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d) : 0;
    if (got == 3 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
        snprintf(out, n, str(S_DATE_DAY), d, str_month(mo, 0), y);
    else if (got >= 2 && mo >= 1 && mo <= 12)
        snprintf(out, n, str(S_DATE_MONTH), str_month(mo, 0), y);
    else
        snprintf(out, n, "%s", iso ? iso : "");
}

/* One end of a range with short month names ("3 Nov 2018", "Oct 2021",
** "2009"); with_year 0 leaves the year out. */
static void format_short(int got, int y, int mo, int d, int with_year, char *out, size_t n)
{
    char yb[16] = "";
    if (with_year)
        snprintf(yb, sizeof yb, "%s%d", got >= 2 ? " " : "", y);
    if (got >= 3)
        snprintf(out, n, "%d %s%s", d, str_month(mo, 1), yb);
    else if (got == 2)
        snprintf(out, n, "%s%s", str_month(mo, 1), yb);
    else
        snprintf(out, n, "%d", y);
}

void ui_format_date_range(const char *iso, const char *end, char *out, size_t n)
{
    int y0 = 0, m0 = 0, d0 = 0, y1 = 0, m1 = 0, d1 = 0;
    int g0 = iso ? sscanf(iso, "%4d-%2d-%2d", &y0, &m0, &d0) : 0;
    int g1 = end ? sscanf(end, "%4d-%2d-%2d", &y1, &m1, &d1) : 0;
    if (!end || g1 < 1 || g0 < 1 || (g0 >= 2 && (m0 < 1 || m0 > 12)) ||
        (g1 >= 2 && (m1 < 1 || m1 > 12))) {
        ui_format_date(iso, out, n);
        return;
    }
    char a[48], b[48];
    if (str_language() == STR_ZH) {             /* each end in full: "2015年1月 – 2015年10月" */
        ui_format_date(iso, a, sizeof a);
        ui_format_date(end, b, sizeof b);
        snprintf(out, n, "%s \xe2\x80\x93 %s", a, b);
        return;
    }
    /* "Jan – Oct 2015", "3 Nov – 20 Dec 2018", "Oct 2021 – Mar 2022", "2009 – 2012" */
    format_short(g0, y0, m0, d0, !(g0 >= 2 && g1 >= 2 && y0 == y1), a, sizeof a);
    format_short(g1, y1, m1, d1, 1, b, sizeof b);
    snprintf(out, n, "%s \xe2\x80\x93 %s", a, b);
}

const char *ui_quote_shown(const store_quote *q, text_mark *mark)
{
    mark->off = mark->len = 0;
    if (!q->partial || !q->context || !*q->context)
        return q->text;
    const char *c = q->context, *at = *q->text ? strstr(c, q->text) : NULL;
    if (at) {
        size_t a = (size_t)(at - c), e = a + strlen(q->text);
        if (a >= 3 && strncmp(c + a - 3, "\xe2\x80\x9c", 3) == 0)
            a -= 3;                             /* the opening mark “ */
        while (c[e] && strchr(",;:", c[e]))
            e++;                                /* punctuation inside the closing mark */
        if (strncmp(c + e, "\xe2\x80\x9d", 3) == 0)
            e += 3;
        mark->off = a;
        mark->len = e - a;
    }
    return c;
}

int ui_event_block_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                       const char *date, const char *text, const char *sources,
                       const ui_event_spec *sp, int *date_h)
{
    const config *c = ctx->cfg;
    int x = sp->x, cw = sp->w, y = sp->top;
    text_style ds = ui_style(FONT_SANS_BOLD, sp->px_date, c->color_accent, TEXT_LEFT, 2);
    int dh = ui_text_add(l, ctx, date, &ds, x, y, sp->date_w > 0 ? sp->date_w : cw, 0);
    if (date_h)
        *date_h = dh;
    y += dh + sp->px_src / 3;
    text_style ss = ui_style(FONT_SANS, sp->px_src, c->color_muted, TEXT_LEFT, 2);
    text_size ssz = {0};
    if (sources && *sources)
        text_measure(ctx->fonts, sources, &ss, cw, 0, &ssz);
    int gap = sp->px_src / 3, bh = sp->bottom - y - (ssz.h ? ssz.h + gap : 0);
    text_style ts = ui_style(sp->text_font, sp->px_max, c->color_text, TEXT_LEFT, 0);
    int th = bh > sp->px_src ? ui_text_fit_add(l, ctx, text, &ts, sp->px_min, sp->px_max, x, y, cw, bh)
                             : 0;
    y += th + gap;
    if (ssz.h) {
        ui_text_add(l, ctx, sources, &ss, x, y, cw, 0);
        y += ssz.h;
    }
    return y - sp->top;
}

#define QUOTE_BLOCK_MARK_PCT 170    /* the opening mark: % of the quote's largest size */

int ui_quote_block_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                       const store_quote *q, const ui_quote_spec *sp, SDL_Rect *src_rect)
{
    const config *c = ctx->cfg;
    int x = sp->x, cw = sp->w, top = sp->top;
    if (src_rect)
        *src_rect = (SDL_Rect){ 0, 0, 0, 0 };
    char who[400];
    const char *name = q->speaker && *q->speaker ? q->speaker
                     : sp->outlet && *sp->outlet ? sp->outlet : str(S_UNATTRIBUTED);
    snprintf(who, sizeof who, "\xe2\x80\x94 %.300s", name);
    text_style ws = ui_style(FONT_SANS_BOLD, sp->px_who, c->color_accent, TEXT_LEFT, 1);
    text_style rs = ui_style(FONT_SANS, sp->px_role, c->color_muted, TEXT_LEFT, 0);
    text_style ss = ui_style(FONT_SANS, sp->px_src, c->color_muted, TEXT_LEFT,
                             sp->src_lines > 0 ? sp->src_lines : 2);
    text_size wsz = {0}, ssz = {0}, rsz = {0}, dsz = {0};
    text_measure(ctx->fonts, who, &ws, cw, 0, &wsz);
    int has_role = q->role && *q->role && q->speaker && *q->speaker;
    int rx = x;                                 /* the role sits under the name, after "— " */
    if (has_role) {
        text_measure(ctx->fonts, "\xe2\x80\x94 ", &ws, cw, 0, &dsz);
        rx = x + (dsz.w < cw / 4 ? dsz.w : 0);
        text_measure(ctx->fonts, q->role, &rs, cw - (rx - x), 0, &rsz);
    }
    int has_src = sp->src && *sp->src;
    if (has_src)
        text_measure(ctx->fonts, sp->src, &ss, cw, 0, &ssz);
    int gap = sp->row ? sp->px_who / 3 : sp->px_src > 0 ? sp->px_src : m->px_meta;
    int src_h = has_src ? (sp->src_link && ssz.h < m->target ? m->target : ssz.h) : 0;
    int qbottom = sp->bottom - src_h - gap - wsz.h - (has_role ? rsz.h : 0) - gap;

    text_mark mk;
    const char *shown = ui_quote_shown(q, &mk);
    int mark_px = sp->px_max * QUOTE_BLOCK_MARK_PCT / 100;
    int qtop = top;
    if (!mk.len && !sp->row) {                  /* a whole quote: the big opening mark */
        text_style ms = ui_style(FONT_SERIF, mark_px, c->color_accent, TEXT_LEFT, 1);
        if (sp->mark_hang) {                    /* in the margin, level with the first line */
            text_size msz = {0};
            text_measure(ctx->fonts, "\xe2\x80\x9c", &ms, cw, 0, &msz);
            ui_text_add(l, ctx, "\xe2\x80\x9c", &ms, x - msz.w - mark_px / 12, top - mark_px / 8,
                        msz.w + 1, 0);
        } else {
            ui_text_add(l, ctx, "\xe2\x80\x9c", &ms, x - mark_px / 10, top - mark_px / 4, cw, 0);
            qtop = top + mark_px / 2;
        }
    }
    text_style qs = ui_style(FONT_SERIF, 0, mk.len ? c->color_muted : c->color_text, TEXT_LEFT, 0);
    qs.line_pct = 118;
    mk.color = render_color(c->color_text);
    sbuf qb = {0};                              /* a whole quote closes with its mark */
    if (!mk.len && sp->row)                     /* and in a row opens with it too */
        sbuf_adds(&qb, "\xe2\x80\x9c");
    sbuf_adds(&qb, shown);
    if (!mk.len)
        sbuf_adds(&qb, "\xe2\x80\x9d");
    int qh = ui_text_fit_mark_add(l, ctx, qb.s ? qb.s : shown, &qs, sp->px_min, sp->px_max, x, qtop,
                                  cw, qbottom - qtop, &mk);
    sbuf_free(&qb);
    /* the attribution follows the quote's real height: a short quote keeps
    ** it close */
    int y = qtop + qh + gap;
    y += ui_text_add(l, ctx, who, &ws, x, y, cw, 0);
    if (has_role)
        y += ui_text_add(l, ctx, q->role, &rs, rx, y, cw - (rx - x), 0);
    y += gap;
    if (has_src) {
        int ty = y + (src_h - ssz.h) / 2;
        ui_text_add(l, ctx, sp->src, &ss, x, ty, cw, 0);
        if (sp->src_link) {
            render_list_box(l, (SDL_Rect){ x, ty + ssz.h + m->line, ssz.w, m->line },
                            ui_mix(c->color_bg, c->color_accent, 60));
            if (src_rect)
                *src_rect = ui_rect_grow((SDL_Rect){ x, y, ssz.w, src_h }, m->target);
        }
        y += src_h;
    }
    return y - top;
}

void ui_format_meta(const char *source, const char *published, const char *author,
                    char *out, size_t n)
{
    char plain[64], date[128];
    ui_format_date(published, plain, sizeof plain);
    /* a date never breaks across lines ("8 | September 2020"): no-break
    ** spaces inside it */
    size_t d = 0;
    for (const char *c = plain; *c && d + 3 < sizeof date; c++) {
        if (*c == ' ') {
            date[d++] = '\xc2';
            date[d++] = '\xa0';
        } else {
            date[d++] = *c;
        }
    }
    date[d] = 0;
    const char *parts[3] = { source, date, author };
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < 3; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        int k = snprintf(out + len, n - len, "%s%s", len ? "\xc2\xa0\xc2\xb7 " : "", parts[i]);
        if (k < 0 || (size_t)k >= n - len)
            break;
        len += (size_t)k;
    }
}

/* ---- scrolling views ------------------------------------------------------ */

void ui_scroller_setup(ui_scroller *s, int top, int view_h, int content_h, int line_px)
{
    float keep = s->sc.pos;
    int had = s->view_h > 0;
    s->top = top;
    s->view_h = view_h;
    s->content_h = content_h;
    s->line_px = line_px;
    float max = content_h > view_h ? (float)(content_h - view_h) : 0;
    scroll_init(&s->sc, 0, max, 0.15f * (float)view_h, NULL);
    if (had)                    /* re-prepared (resize): keep the place, clamped */
        s->sc.pos = keep < 0 ? 0 : keep > max ? max : keep;
}

int ui_scroller_gesture(ui_scroller *s, const gesture_event *ev, uint64_t now)
{
    switch (ev->type) {
    case GESTURE_DRAG_BEGIN: scroll_grab(&s->sc, now); s->dragging = 1; return 1;
    case GESTURE_DRAG: if (s->dragging) scroll_drag(&s->sc, -ev->dy); return 1;
    case GESTURE_DRAG_END:
        s->dragging = 0;
        scroll_release(&s->sc, -ev->vy, now);
        return 1;
    case GESTURE_WHEEL:
        scroll_fling_to(&s->sc, s->sc.pos - ev->dy * 3.0f * (float)s->line_px, now);
        return 1;
    default: return 0;
    }
}

int ui_scroller_action(ui_scroller *s, const ui_action *a, uint64_t now)
{
    if (a->type != UI_ACT_SCROLL || !a->dy)
        return 0;
    float step = a->page ? 0.85f * (float)s->view_h : 2.0f * (float)s->line_px;
    scroll_fling_to(&s->sc, s->sc.pos + (float)a->dy * step, now);
    return 1;
}

int ui_scroller_update(ui_scroller *s, uint64_t now)
{
    return scroll_step(&s->sc, now) || s->sc.held;
}

void ui_scroller_save(const ui_scroller *s, ui_view *out)
{
    out->valid = 1;
    out->a = s->sc.pos;
    out->b = 0;
    out->sel = 0;
}

void ui_scroller_restore(ui_scroller *s, const ui_view *v)
{
    float pos = (float)v->a;
    s->sc.pos = pos < s->sc.min ? s->sc.min : pos > s->sc.max ? s->sc.max : pos;
    s->sc.vel = 0;
}

int ui_scroller_y(const ui_scroller *s) { return (int)(s->sc.pos + (s->sc.pos < 0 ? -0.5f : 0.5f)); }

void ui_scroller_draw(const ui_scroller *s, SDL_Renderer *r, const ui_metrics *m, uint32_t rgb,
                      int x_off, uint8_t alpha)
{
    if (s->content_h <= s->view_h || s->view_h <= 0)
        return;
    float vis = (float)s->view_h / (float)s->content_h;
    int th = (int)(vis * (float)s->view_h), tw = maxi(m->line * 2, 3);
    if (th < m->target / 2)
        th = m->target / 2;
    float range = (float)(s->content_h - s->view_h);
    float f = s->sc.pos / range;
    int over = 0;               /* rubber band: the thumb shrinks at the ends */
    if (f < 0) { over = (int)(-s->sc.pos); f = 0; }
    if (f > 1) { over = (int)(s->sc.pos - range); f = 1; }
    th = maxi(th - over, tw * 2);
    SDL_Rect b = { m->w - m->margin / 2 - tw + x_off, s->top + (int)(f * (float)(s->view_h - th)), tw, th };
    render_box(r, &b, rgb, alpha);
}

void ui_scroller_fade_draw(const ui_scroller *s, SDL_Renderer *r, const ui_metrics *m, uint32_t bg,
                           int x_off, uint8_t alpha)
{
    float range = (float)(s->content_h - s->view_h);
    if (s->content_h <= s->view_h || s->view_h <= 0 || s->sc.pos >= range - 0.5f)
        return;
    int fh = mini(m->px_body * UI_FADE_LINES, s->view_h / 6), bottom = s->top + s->view_h;
    for (int k = 0; k < UI_FADE_STRIPS; k++) {  /* transparent above, the background below */
        int y0 = bottom - fh + fh * k / UI_FADE_STRIPS, y1 = bottom - fh + fh * (k + 1) / UI_FADE_STRIPS;
        float u = ((float)k + 1.0f) / UI_FADE_STRIPS;
        SDL_Rect b = { x_off, y0, m->w - m->margin, y1 - y0 };  /* the scroll thumb stays clear */
        render_box(r, &b, bg, (uint8_t)(u * u * (float)alpha));
    }
}

void ui_items_draw(SDL_Renderer *r, const render_item *items, int n, int x_off, int y_off,
                   int y_min, int y_max, uint8_t alpha)
{
    SDL_Rect vp;
    SDL_RenderGetViewport(r, &vp);
    int w = vp.w > 0 ? vp.w : 1 << 30;
    for (int i = 0; i < n; i++) {
        const render_item *it = &items[i];
        SDL_Rect b = it->box;
        b.x += x_off;
        b.y += y_off;
        if (b.x >= w || b.x + b.w <= 0 || b.y >= y_max || b.y + b.h <= y_min)
            continue;
        if (it->text.tex)
            render_text(r, &it->text, b.x, b.y, alpha);
        else
            render_box(r, &b, it->rgb, alpha);
    }
}

/* ---- scrolling page ------------------------------------------------------- */

render_list *ui_page_list(ui_page *p)
{
    if (p->nlists == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        p->lists = xrealloc(p->lists, (size_t)p->cap * sizeof *p->lists);
    }
    render_list *l = &p->lists[p->nlists++];
    l->n = 0;
    return l;
}

void ui_page_hit(ui_page *p, SDL_Rect r, ui_target t, int index, int article)
{
    if (p->nhits == p->hcap) {
        p->hcap = p->hcap ? p->hcap * 2 : 16;
        p->hits = xrealloc(p->hits, (size_t)p->hcap * sizeof *p->hits);
    }
    p->hits[p->nhits++] = (ui_hit_rect){ r, t, index, article };
}

int ui_page_lazy_text(ui_page *p, const screen_ctx *ctx, const char *utf8, const text_style *st,
                      int x, int y, int bw)
{
    text_block b;
    if (!ctx->fonts || !utf8 || !*utf8 || bw <= 0 ||
        text_block_layout(ctx->fonts, utf8, st, bw, 0, &b) != 0)
        return 0;
    /* a text taller than a texture may be (the GPU's limit, the memory
    ** budget) becomes bands of whole lines, each its own lazy text */
    int band = text_band_max(ctx->r, b.w), h = b.h;
    for (int y0 = 0;;) {
        text_block part;
        if (h <= band)
            part = b;                   /* one texture: the block itself */
        else if (text_block_band(&b, y0, band, &part) <= 0)
            break;
        if (p->nlazy == p->lzcap) {
            p->lzcap = p->lzcap ? p->lzcap * 2 : 16;
            p->lazy = xrealloc(p->lazy, (size_t)p->lzcap * sizeof *p->lazy);
        }
        ui_lazy *z = &p->lazy[p->nlazy++];
        memset(z, 0, sizeof *z);
        z->b = part;
        z->x = x;
        z->y = y + part.y0;
        if (h <= band)
            break;
        y0 += part.h;
    }
    if (h > band)
        text_block_free(&b);
    p->r = ctx->r;
    p->fonts = ctx->fonts;
    return h;
}

int ui_page_lazy_picture(ui_page *p, const screen_ctx *ctx, store_image *im, int x, int y,
                         int w, int h)
{
    if (!im->bytes || w <= 0 || h <= 0) {
        store_image_free(im);
        return 0;
    }
    if (p->nlazy == p->lzcap) {
        p->lzcap = p->lzcap ? p->lzcap * 2 : 16;
        p->lazy = xrealloc(p->lazy, (size_t)p->lzcap * sizeof *p->lazy);
    }
    ui_lazy *z = &p->lazy[p->nlazy++];
    memset(z, 0, sizeof *z);
    z->img = *im;
    memset(im, 0, sizeof *im);
    z->pw = w;
    z->ph = h;
    z->x = x;
    z->y = y;
    p->r = ctx->r;
    p->fonts = ctx->fonts;
    return h;
}

int ui_page_lazy_sync(ui_page *p, int ahead)
{
    int pos = ui_scroller_y(&p->scr), vh = p->scr.view_h > 0 ? p->scr.view_h : 1;
    int changed = 0;
    for (int i = 0; i < p->nlazy; i++) {
        ui_lazy *z = &p->lazy[i];
        int top = z->y, bot = z->y + (z->img.bytes ? z->ph : z->b.h);
        if (z->t.tex && (bot <= pos - vh || top >= pos + vh + vh * 3 / 2)) {
            text_tex_free(&z->t);                       /* far away */
            changed = 1;
            continue;
        }
        if (z->t.tex || !p->r || (!z->b.utf8 && !z->img.bytes))
            continue;
        int in_view = bot > pos && top < pos + vh;
        int near = bot > pos - vh / 2 && top < pos + 2 * vh;
        if (!in_view && !(near && ahead > 0))
            continue;
        if (!in_view)
            ahead--;
        int ok = z->img.bytes ? picture_cover(p->r, &z->img, z->pw, z->ph, PICTURE_FADE_NONE, 0, &z->t)
                              : text_block_render(p->r, p->fonts, &z->b, &z->t);
        if (ok == 0 && z->t.tex) {
            if (p->primed)      /* blitted once where the next frame clears (see ui_page_draw) */
                render_text(p->r, &z->t, 0, 0, 255);
            changed = 1;
        }
    }
    return changed;
}

void ui_page_free(ui_page *p)
{
    for (int i = 0; i < p->nlists; i++)
        render_list_free(&p->lists[i]);
    for (int i = 0; i < p->nlazy; i++) {
        text_tex_free(&p->lazy[i].t);
        text_block_free(&p->lazy[i].b);
        store_image_free(&p->lazy[i].img);
    }
    free(p->lists);
    free(p->hits);
    free(p->lazy);
    p->lists = NULL;
    p->hits = NULL;
    p->lazy = NULL;
    p->nlists = p->cap = p->nhits = p->hcap = p->nlazy = p->lzcap = 0;
    p->primed = 0;
}

void ui_page_draw(ui_page *p, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    if (!p->primed) {           /* every text once, at the top left, where it is blitted */
        for (int i = 0; i < p->nlists; i++)
            for (int k = 0; k < p->lists[i].n; k++)
                render_text(r, &p->lists[i].items[k].text, 0, 0, alpha);
        for (int i = 0; i < p->nlazy; i++)
            render_text(r, &p->lazy[i].t, 0, 0, alpha);
        p->primed = 1;
    }
    int dy = p->scr.top - ui_scroller_y(&p->scr);
    for (int i = 0; i < p->nlists; i++)
        ui_items_draw(r, p->lists[i].items, p->lists[i].n, x_off, dy, p->scr.top,
                      p->scr.top + p->scr.view_h, alpha);
    SDL_Rect vp;
    SDL_RenderGetViewport(r, &vp);
    int w = vp.w > 0 ? vp.w : 1 << 30;
    for (int i = 0; i < p->nlazy; i++) {
        const ui_lazy *z = &p->lazy[i];
        int x = z->x + x_off, y = z->y + dy;
        if (!z->t.tex || x >= w || x + z->t.w <= 0 || y >= p->scr.top + p->scr.view_h ||
            y + z->t.h <= p->scr.top)
            continue;
        render_text(r, &z->t, x, y, alpha);
    }
}

int ui_page_hit_test(const ui_page *p, float x, float y, ui_event *out)
{
    if (y < (float)p->scr.top || y >= (float)(p->scr.top + p->scr.view_h))
        return 0;
    float cy = y - (float)p->scr.top + (float)ui_scroller_y(&p->scr);
    for (int i = p->nhits - 1; i >= 0; i--)     /* later (smaller) targets win */
        if (ui_rect_hit(&p->hits[i].r, x, cy)) {
            SDL_Rect r = p->hits[i].r;          /* on screen, inside the view */
            int top = p->scr.top, bot = p->scr.top + p->scr.view_h;
            r.y += top - ui_scroller_y(&p->scr);
            if (r.y < top) { r.h -= top - r.y; r.y = top; }
            if (r.y + r.h > bot) r.h = bot - r.y;
            out->hx = r.x, out->hy = r.y, out->hw = r.w, out->hh = r.h;
            out->type = UI_EV_TAP;
            out->target = p->hits[i].target;
            out->index = p->hits[i].index;
            out->article = p->hits[i].article;
            return 1;
        }
    return 0;
}
