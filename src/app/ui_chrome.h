/*
** src/app/ui_chrome.h: shared drawing helpers of the exhibit screens (ui_).
**
** Every size comes from the screen's short side S (ui_metrics), so an
** 800x480 panel, a 1080p one and a portrait 1080x1920 one look alike:
**
**   margin       0.05 * S        outer margin
**   bar_h        0.11 * S        top bar (Back | title | Home)
**   target       max(0.06 * S, 48 px)   smallest touch target (~9 mm)
**   btn_h        max(0.08 * S, target)  bar buttons
**
** Screens build everything in prepare() (these helpers render text into
** textures and append to a render_list) and only draw lists per frame.
** Hit rects returned here are already grown to the minimum target size.
**
** Layout of a non-home screen:
**   +------------------------------------------------------+
**   | (‹ Back)             Title               ( Home )    |  bar_h
**   |------------------------------------------------------|  rule
**   |  content ...                                         |
**   |                      • • o • •                       |  dots / "3 / 11"
**   +------------------------------------------------------+
*/
#ifndef VITRINE_UI_CHROME_H
#define VITRINE_UI_CHROME_H

#include "app/render.h"
#include "app/screen.h"
#include "app/store.h"

#include <SDL.h>
#include <stddef.h>
#include <stdint.h>

#define UI_MIN_TARGET_MM   9        /* physical target size the sizes below approximate */
#define UI_TARGET_FRAC     0.06f    /* short sides: smallest target */
#define UI_TARGET_MIN_PX   48       /* px: smallest target on small panels */
#define UI_MARGIN_FRAC     0.05f    /* short sides: outer margin */
#define UI_BAR_FRAC        0.11f    /* short sides: top bar height */
#define UI_BUTTON_FRAC     0.08f    /* short sides: bar button height */
#define UI_DOTS_MAX        12       /* longer sequences show "3 / 40" instead of dots */

typedef struct ui_metrics {
    int w, h;                   /* logical px */
    int S;                      /* px: short side */
    int margin;                 /* px */
    int bar_h;                  /* px: top bar incl. its rule */
    int target;                 /* px: smallest touch target */
    int btn_h;                  /* px: bar button height */
    int line;                   /* px: rule / outline thickness */
    int px_title, px_head, px_body, px_meta, px_small;  /* font sizes, px */
    int min_head, min_body;     /* the text fits' lower bounds: px_head, px_body as
                                ** laid out for the screen, before ui_metrics_far
                                ** raised them (where the distance asks more than the
                                ** screen holds, text gets smaller, never cut) */
    int wide;                   /* 1: landscape (w >= 1.3 h) */
    int reach;                  /* 1: a tall portrait screen (h >= 1.5 w): the bars
                                ** with the controls sit at the bottom, within a
                                ** seated visitor's reach (ui_bar, Home's header) */
} ui_metrics;

void ui_metrics_init(ui_metrics *m, int w, int h);
/* Legible across the room (issue 14): the display's px per mm and the
** distance (m) the slideshow is read from, set once at start; 0 px_per_mm:
** unknown, no minimums. With them ui_metrics_init keeps the touch screens'
** text at least UI_ARM_M legible (headlines UI_CAP_MM_PER_3M of cap height
** per 3 m, body half that) and ui_metrics_far the slideshow's from view_m;
** a size is raised to at most UI_LEGIBLE_MAX_PCT of the screen-relative one
** (beyond, the layout could not hold it: the display is too small for the
** distance). */
#define UI_CAP_MM_PER_3M    25.0    /* signage rule of thumb: headline cap height per 3 m */
#define UI_CAP_EM           0.72    /* cap height / font size (Inter, Noto Serif ~0.71) */
#define UI_ARM_M            0.6     /* m: a touch screen's reading distance */
#define UI_LEGIBLE_MAX_PCT  160
void ui_metrics_physical(double px_per_mm, double view_m);
void ui_metrics_far(ui_metrics *m);
/* px: the font size whose cap height is cap_mm on this display (0 unknown). */
int ui_px_for_cap_mm(double cap_mm);
/* The visitor's text size (Aa): headlines and body text at pct % (0 and
** 100: as they are); controls, labels and meta lines keep their size. */
void ui_metrics_reading(ui_metrics *m, int pct);

/* The exhibit's title: theme.title, else the language's ("In the news"). */
const char *ui_exhibit_title(const config *c);
/* The headlines' face (theme.headings): FONT_SANS_BOLD or FONT_SERIF. */
font_style ui_head_face(const config *c);

/* Rect helpers. ui_rect_grow: r grown (centred) to at least min x min.
** ui_rect_hit: (x, y) inside r. */
SDL_Rect ui_rect_grow(SDL_Rect r, int min);
int ui_rect_hit(const SDL_Rect *r, float x, float y);
/* ui_rect_hit that also records r in out (hx..hh) when (x, y) is inside:
** the control a press shows pressed. */
int ui_hit(ui_event *out, const SDL_Rect *r, float x, float y);

/* Blend two 0xRRGGBB colours: pct of b over a. */
uint32_t ui_mix(uint32_t a, uint32_t b, int pct);

/* Render utf8 into bw x bh (bh 0 = unbounded) at (x, y) and append it.
** Returns the text's height (0 on failure or without fonts). */
int ui_text_add(render_list *l, const screen_ctx *ctx, const char *utf8, const text_style *st,
                int x, int y, int bw, int bh);
/* As ui_text_add with text_render_fit between px_min and px_max; st->px
** gets the size chosen. */
int ui_text_fit_add(render_list *l, const screen_ctx *ctx, const char *utf8, text_style *st,
                    int px_min, int px_max, int x, int y, int bw, int bh);
/* As ui_text_fit_add with the bytes of mark in the mark's colour. */
int ui_text_fit_mark_add(render_list *l, const screen_ctx *ctx, const char *utf8, text_style *st,
                         int px_min, int px_max, int x, int y, int bw, int bh,
                         const text_mark *mark);
/* text_style shorthand. */
text_style ui_style(font_style f, int px, uint32_t rgb, text_align a, int max_lines);

/* Outline r with thickness t (4 boxes). */
void ui_outline_add(render_list *l, SDL_Rect r, int t, uint32_t rgb);
/* The keyboard focus ring around r, drawn now (per frame, no allocation):
** UI_FOCUS_RING_LINES rules thick, just outside r, shifted by x_off. */
#define UI_FOCUS_RING_LINES 3   /* ring thickness in rule widths (ui_metrics.line) */
void ui_focus_ring_draw(SDL_Renderer *r, const ui_metrics *m, SDL_Rect rc, uint32_t rgb,
                        int x_off, uint8_t alpha);

typedef enum ui_button_kind {
    UI_BUTTON_OUTLINE,          /* muted outline, text colour label */
    UI_BUTTON_FILLED,           /* accent fill, background-coloured label */
    UI_BUTTON_QUIET,            /* label only, with an accent underline */
} ui_button_kind;

/* A button in r with label centred (uses up to 6 list items). */
void ui_button_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, SDL_Rect r,
                   const char *label, ui_button_kind kind);
/* Width a button with label needs (padding included, >= target). */
int ui_button_width(const screen_ctx *ctx, const ui_metrics *m, const char *label);

/* "Read on your phone": a QR code of url made once (qr.h: whole-pixel
** modules, its quiet zone, QR_SCAN_MM wide where room px allows, never
** below QR_MIN_MODULE px a module) into *out. 0 ok, -1 none fits or failed. */
int ui_qr_texture(const screen_ctx *ctx, const ui_metrics *m, const char *url, int room, text_tex *out);

/* A card box: a slightly lighter panel with an accent bar on its left. */
void ui_card_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, SDL_Rect r);

/* The top bar of every non-home screen. Owns its own list. */
typedef struct ui_bar {
    render_list list;
    SDL_Rect back, home;        /* hit rects (>= target) */
    SDL_Rect aa;                /* the text size control's hit rect (w 0: none) */
    int bottom;                 /* px: where the content starts (below a top bar) */
    int inset;                  /* px the bar takes at the bottom (reach), else 0 */
} ui_bar;

/* Move the items [from, l->n) of l down by dy (a bar laid out at the top,
** then put at the bottom). */
void ui_list_shift(render_list *l, int from, int dy);

/* Lay out the bar: "‹ Back" left, "Home" right, title centred between
** (ellipsized). Frees what a previous call made. show_back / show_home 0
** leaves that button out (its rect is then empty). */
void ui_bar_prepare(ui_bar *b, const screen_ctx *ctx, const ui_metrics *m, const char *title,
                    int show_back, int show_home);
/* ui_bar_prepare with "Aa" left of Home: the reading text's size (filled
** while the text is enlarged, ctx->text_pct > 100). */
void ui_bar_prepare_aa(ui_bar *b, const screen_ctx *ctx, const ui_metrics *m, const char *title);
void ui_bar_draw(const ui_bar *b, SDL_Renderer *r, int x_off, uint8_t alpha);
void ui_bar_free(ui_bar *b);
/* Fill *out for a tap on Back / Home: 1 if one was hit. */
int ui_bar_hit(const ui_bar *b, float x, float y, ui_event *out);

/* Position indicator for item cur (0-based) of n, centred on cx with its
** top at y: dots for n <= UI_DOTS_MAX, else "3 / 40". Returns its height. */
/* The dot of (x, y) in the pager ui_dots_add laid out with (m, n, cx, y0):
** its index, -1 none. Each dot's target is its share of the row, at least
** a touch target high. */
int ui_dots_hit(const ui_metrics *m, int n, int cx, int y0, float x, float y);
/* px the pager of n takes across. */
int ui_dots_width(const ui_metrics *m, int n);
int ui_dots_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, int cur, int n,
                int cx, int y);
/* Height ui_dots_add will use. */
int ui_dots_height(const ui_metrics *m);

/* Article id's lead picture, cropped to cover x, y, w x h, into l; under
** it, when credit is set and the picture has one, "Photo: credit" in small
** muted text. Returns the height used (0: the article has no picture or it
** could not be decoded, nothing added). */
int ui_picture_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                   long long article_id, int x, int y, int w, int h, int credit);


/* An article's picture where it has one, else its generated cover, in
** x, y, w x h (ui_cover_add). Returns the height used (h). */
int ui_picture_or_cover_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                            const store_article_row *a, int x, int y, int w, int h, int quote);

/* A designed cover for an article without a picture (issue 14): a field in
** one of the theme's cover tones (UI_COVER_TONES, chosen by the outlet, so
** one outlet's articles match), its year set large, the outlet, and where
** quote is set and there is room, its strongest quote with the speaker.
** Boxes and texts only (up to 6 items). */
#define UI_COVER_SPEAKER_PCT 82  /* small text on a cover: % of text colour over its field */
#define UI_COVER_YEAR_PCT    60  /* a cover's large year: quieter, still 3:1 (WCAG large text) */
void ui_cover_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                  const store_article_row *a, int x, int y, int w, int h, int quote);

/* The cover tone of an article from this outlet (or title when none). */
uint32_t ui_cover_tone(const screen_ctx *ctx, const char *outlet);

/* The attract-mode invitation ("Touch to explore") at the bottom centre, an
** accent pill; returns the pill's rect (for its ripple, ui_ripple_draw). */
SDL_Rect ui_hint_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m, const char *text);
/* Its gentle motion: a ring leaving the pill at t (0..1), growing by
** UI_RIPPLE_GROW body heights and fading. Per frame; no allocation. */
#define UI_RIPPLE_GROW  1.2f
#define UI_RIPPLE_ALPHA 220.0f
#define UI_RIPPLE_MS    1400     /* one ring */
#define UI_RIPPLE_EVERY 2800     /* ms from ring to ring */
#define UI_RIPPLE_COUNT 2        /* rings as a slide appears; then it rests */
#define UI_RIPPLE_STEP_MS 100    /* the rings move at 10 frames a second: gentle, and a
                                 ** slideshow of days costs a kiosk little */
void ui_ripple_draw(SDL_Renderer *r, const ui_metrics *m, SDL_Rect pill, float t, uint32_t rgb,
                    int x_off, uint8_t alpha);

/* "2023-05-04" -> "4 May 2023", "2023-05" -> "May 2023", "2023" as is. */
void ui_format_date(const char *iso, char *out, size_t n);
/* A date or a range: end NULL gives ui_format_date; a range has short
** month names: "Jan – Oct 2015", "3 Nov – 20 Dec 2018", "2009 – 2012". */
void ui_format_date_range(const char *iso, const char *end, char *out, size_t n);
/* "Outlet · 4 May 2023 · Author" from the parts present (any may be NULL). */
void ui_format_meta(const char *source, const char *published, const char *author,
                    char *out, size_t n);

/* What a quote shows: a whole quote's text, or a partial quote's sentence
** (store_quote.context) with mark set to its quoted words and their marks
** “ ” (mark->len 0 for a whole quote, or when they are not found; the
** caller sets mark->color). Borrowed from q. */
const char *ui_quote_shown(const store_quote *q, text_mark *mark);

/* ---- the quote block: one treatment for the Quote screen, the quote slide
** and the Article screen's key quotes ---------------------------------------
**      “                               the opening mark, large, accent (a
**      Quote text set in the serif,    whole quote); the text fitted between
**      fitted, closing with its mark.” px_min and px_max, its closing mark
**      — Speaker Name                  bold, accent (else the outlet, else
**        Their role                    "Unattributed"); the role under the
**      Source line ›                   name, after the dash; the source muted,
**                                      underlined when it is a link
** A partial quote shows its sentence, the reporter's words muted and the
** quoted words (with their marks) in the text colour, and no big mark. */
typedef struct ui_quote_spec {
    int x, top, w, bottom;      /* the column and the band it may fill */
    int px_min, px_max;         /* the quote's size range */
    int px_who, px_role, px_src;/* the speaker line, the role, the source line */
    const char *outlet;         /* who said it when the quote has no speaker (NULL: none) */
    const char *src;            /* the source line (NULL or "": none) */
    int src_lines;              /* it wraps to at most this many lines */
    int src_link;               /* 1: a link: underlined, a touch target high */
    int mark_hang;              /* 1: the opening mark hangs in the margin left of the
                                ** first line (a slide) instead of standing above it */
    int row;                    /* 1: a row of a list (the Article screen's key quotes):
                                ** the opening mark starts the text at its size, no
                                ** large mark; bottom may be far below (the page scrolls) */
} ui_quote_spec;
/* Lays the block out into l; returns the height used and, for a link, its
** hit rect (grown to a target) in *src_rect. */
int ui_quote_block_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                       const store_quote *q, const ui_quote_spec *sp, SDL_Rect *src_rect);

/* ---- the event block: one treatment for the Timeline's story, the
** timeline slide and the Article screen's events ---------------------------
**      14 September 2021               the date with its year, accent bold
**      The river floods the lower      the event's whole text, fitted
**      town after three days of rain
**      Outlet A · Outlet B             its sources, muted */
typedef struct ui_event_spec {
    int x, top, w, bottom;      /* the column and the band it may fill */
    int date_w;                 /* the date line's width (room kept beside it); 0: w */
    int px_date, px_min, px_max, px_src;
    font_style text_font;       /* the event's text: the sans on screen, the serif on a slide */
} ui_event_spec;
/* Returns the height used; the date line's height in *date_h (may be NULL). */
int ui_event_block_add(render_list *l, const screen_ctx *ctx, const ui_metrics *m,
                       const char *date, const char *text, const char *sources,
                       const ui_event_spec *sp, int *date_h);

/* ---- vertical scrolling views (home, article, full text) ----------------
** Content is laid out in content coordinates (y from 0) and drawn shifted
** by -pos into the view [top, top + view_h); what sticks out is covered by
** the bar and footer, which screens draw after the content over a
** background-coloured box. */
typedef struct ui_scroller {
    scroll sc;                  /* pos = px of content above the view */
    int top, view_h;            /* px: the view on screen */
    int content_h;              /* px */
    int line_px;                /* px: one arrow-key / wheel step */
    int dragging;               /* 1 between DRAG_BEGIN and DRAG_END */
} ui_scroller;

void ui_scroller_setup(ui_scroller *s, int top, int view_h, int content_h, int line_px);
/* DRAG_BEGIN/DRAG/DRAG_END (vertical part), WHEEL. 1 if it now moves. */
int ui_scroller_gesture(ui_scroller *s, const gesture_event *ev, uint64_t now);
/* UI_ACT_SCROLL dy (lines, or pages when page = 1). 1 if it now moves. */
int ui_scroller_action(ui_scroller *s, const ui_action *a, uint64_t now);
int ui_scroller_update(ui_scroller *s, uint64_t now);  /* 1 while moving */
int ui_scroller_y(const ui_scroller *s);               /* px to subtract from content y */
/* The view for Back (screen.h save_view / restore_view): the scroll
** position, restored clamped to the range and at rest. */
void ui_scroller_save(const ui_scroller *s, ui_view *out);
void ui_scroller_restore(ui_scroller *s, const ui_view *v);
/* A thin thumb at the right edge when the content is longer than the view. */
/* Where more text lies below the view: its last UI_FADE_LINES body lines
** (at most a sixth of the view) fade into bg, so a cut line never ends the
** page mid-glyph. Per frame, no allocation. */
#define UI_FADE_LINES   2
#define UI_FADE_STRIPS  12
void ui_scroller_fade_draw(const ui_scroller *s, SDL_Renderer *r, const ui_metrics *m, uint32_t bg,
                           int x_off, uint8_t alpha);
void ui_scroller_draw(const ui_scroller *s, SDL_Renderer *r, const ui_metrics *m, uint32_t rgb,
                      int x_off, uint8_t alpha);

/* Draw items shifted by (x_off, y_off), skipping those entirely outside
** rows [y_min, y_max). No allocation. */
void ui_items_draw(SDL_Renderer *r, const render_item *items, int n, int x_off, int y_off,
                   int y_min, int y_max, uint8_t alpha);

/* ---- a scrolling page: content lists + hit rects + scroller ----------- */
typedef struct ui_hit_rect {
    SDL_Rect r;                 /* content coordinates, >= target */
    ui_target target;
    int index, article;
} ui_hit_rect;

/* A text of a long page: laid out once, with a texture only while it is
** near the view (ui_page_lazy_sync); or a picture, kept encoded (read from
** the store at prepare) and decoded only while near the view. */
typedef struct ui_lazy {
    text_block b;               /* owned (a text) */
    store_image img;            /* owned (a picture: bytes non-NULL) */
    int pw, ph;                 /* the picture's size on the page */
    text_tex t;                 /* owned; tex NULL while far from the view */
    int x, y;                   /* content coordinates */
} ui_lazy;

typedef struct ui_page {
    render_list *lists;         /* owned array; content coordinates */
    int nlists, cap;
    ui_hit_rect *hits;          /* owned array */
    int nhits, hcap;
    ui_lazy *lazy;              /* owned array, in content order (y grows) */
    int nlazy, lzcap;
    SDL_Renderer *r;            /* borrowed (the app's), for lazy texts */
    font_lib *fonts;            /* borrowed */
    ui_scroller scr;
    int primed;                 /* 1 once every item was blitted (first draw) */
} ui_page;

/* A fresh empty list at the end of the page. The pointer is valid until
** the next ui_page_list call (the array may move). */
render_list *ui_page_list(ui_page *p);
void ui_page_hit(ui_page *p, SDL_Rect r, ui_target t, int index, int article);
/* A text laid out now and rendered only while near the view: pages whose
** length has no bound (the full article) hold a few screens of textures,
** not the whole text. Returns its height (0 for none). Call
** ui_page_lazy_sync once the scroller is set up. */
int ui_page_lazy_text(ui_page *p, const screen_ctx *ctx, const char *utf8, const text_style *st,
                      int x, int y, int bw);
/* Textures for the lazy texts near the view: every one in view, and up to
** `ahead` more within half a view above and a view below it; textures
** further than a view above or 1.5 views below are freed. Called by
** prepare (ahead: all) and by update while the page moves (ahead: 1, so a
** frame renders at most one paragraph beyond what comes into view).
** Returns 1 if it rendered or freed something. */
int ui_page_lazy_sync(ui_page *p, int ahead);
/* A picture at (x, y), w x h, decoded like a lazy text (cover crop): im is
** taken over (zeroed). Returns h, or 0 when im has no bytes. */
int ui_page_lazy_picture(ui_page *p, const screen_ctx *ctx, store_image *im, int x, int y,
                         int w, int h);
/* The same for the article's k-th further picture (store_image_more), with
** what it shows (its alt text) as a caption under it, then its credit; the
** picture is a lazy one of page p (decoded while near the view). */
int ui_picture_more_add(ui_page *p, const screen_ctx *ctx, const ui_metrics *m,
                        long long article_id, int k, int x, int y, int w, int h);
/* Frees textures and arrays (the scroller's position is kept). */
void ui_page_free(ui_page *p);
/* The first draw after a prepare blits every item, also those scrolled out
** of view (the app primes a new screen with it: the software blitter then
** builds its per-texture maps before scrolling brings them in). */
void ui_page_draw(ui_page *p, SDL_Renderer *r, int x_off, uint8_t alpha);
/* Screen point inside the view -> the hit rect there: 1 with *out filled. */
int ui_page_hit_test(const ui_page *p, float x, float y, ui_event *out);

#endif
