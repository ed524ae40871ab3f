/*
** src/app/ui.h: the exhibit's glue (ui_): owns the ui_state machine, turns
** gestures and keys into ui_events, and carries out the ui_actions it gets
** back by creating and preparing screens and handing them to the app.
**
**   app (frame loop, transitions)          ui (this module)
**   -----------------------------          ----------------
**   ui_start(now)                    ->    CONTENT_LOADED / FAILED
**   each gesture event               ->    TOUCH_BEGIN/END -> PRESS/RELEASE
**                                          TAP, LONG_PRESS -> screen_hit -> TAP
**                                          horizontal SWIPE -> SWIPE_LEFT/RIGHT
**                                          DRAG*, PINCH*, WHEEL -> screen gesture
**                                            hook + ACTIVITY; DOUBLE_TAP ignored
**   each key                         ->    arrows, Page Up/Down, Enter,
**                                          Escape/Backspace = back, Home
**   every step                       ->    TICK (idle -> slideshow, slide timer)
**   a transition ended               ->    TRANSITION_DONE, then queued input
**   <- host->show(screen, kind, dir)       a NEW screen, already prepared for
**                                          the new ui_place, before its
**                                          transition starts (kind -1: cut)
**
** Index conventions (shared with ui_views.h): article, quote and event =
** position in the store's article, quote and event order (store.h).
*/
#ifndef VITRINE_UI_H
#define VITRINE_UI_H

#include "app/config.h"
#include "app/gesture.h"
#include "app/screen.h"
#include "app/ui_state.h"

#include <stddef.h>
#include <stdint.h>

#define UI_TEXT_PCT_2   125     /* the reading text's sizes "Aa" steps through, % */
#define UI_TEXT_PCT_3   150

/* What ui needs from the app. show takes ownership of s (prepared, not yet
** primed); kind is TRANSITION_CROSSFADE / TRANSITION_SLIDE, or -1 for a cut
** without animation; dir +1 forward, -1 back. After an animated show the
** app calls ui_transition_done() when the animation ends. */
typedef struct ui_host {
    void *app;
    void (*show)(void *app, screen *s, int kind, int dir);
    /* Put the checked pending store in place of the one on show (the app
    ** closes the old one) and rewrite *ctx to match. NULL: no live updates. */
    void (*swap)(void *app, screen_ctx *ctx);
} ui_host;

typedef struct ui ui;           /* opaque */

/* cfg borrowed (must outlive ui). ctx: copied; its pointers are borrowed. */
ui *ui_create(const config *cfg, const ui_host *host, const screen_ctx *ctx, int w, int h);
void ui_destroy(ui *u);                         /* NULL-safe */
void ui_resize(ui *u, int w, int h);

/* Count the content and send CONTENT_LOADED / FAILED: shows the first screen. */
void ui_start(ui *u, uint64_t now);

/* Input. cur: the screen shown or being entered (hit tests go to it).
** Return 1 when the screen now needs frames (something moves). */
int ui_gesture(ui *u, screen *cur, const gesture_event *ev, uint64_t now);
/* The control under a finger that is down on it (touch begun, not yet
** lifted, dragged or pinched): its rect, for the pressed look. 0: none. */
int ui_pressed(const ui *u, int *x, int *y, int *w, int *h);
/* The page following a horizontal drag (Article, Quote): its offset now,
** px (0 at rest); ui_drag_update springs it back after a short drag
** (1 while it moves); ui_drag_take hands the offset to the transition that
** a swipe starts (and rests the page). */
int ui_drag_offset(const ui *u);
int ui_drag_update(ui *u, uint64_t now);
float ui_drag_take(ui *u);
/* The neighbour the moved page uncovers, and where to draw it: 0 none. */
int ui_peek(const ui *u, screen **s, int *x_off);
int ui_key(ui *u, screen *cur, int sdl_key, uint64_t now);

/* Live content updates: the app holds a new, checked store (app.c). ui asks
** host->swap for it at the next BOUNDARY, i.e. the next screen that carries
** no index into the old content and that no visitor is reading yet:
**   - in the slideshow: the next slide (the slide timer's boundary);
**   - a visitor in an article / quote / timeline keeps reading the old
**     content; the swap happens when they go Home (Back/Home) or when the
**     idle timeout starts the slideshow. Never mid-read;
**   - on a notice (no content, empty, failed): at once, at the next TICK.
** Then CONTENT_LOADED with the new counts: Home or a new slide, with a fade.
** A screen that fails to prepare while content is on show (a file broken in
** place) is not shown: the screen on show stays (logged) and the state is
** left as it was; only with no prior content does the "failed" notice show. */
void ui_content_pending(ui *u);

/* Time: TICK. */
void ui_tick(ui *u, uint64_t now);
/* The animation of the last show ended (cur: the screen now on show):
** TRANSITION_DONE, then the input queued meanwhile. */
void ui_transition_done(ui *u, screen *cur, uint64_t now);

/* The next moment a TICK must run (idle timeout, slide due), or UINT64_MAX. */
uint64_t ui_next_due(const ui *u, uint64_t now);
const ui_state *ui_get_state(const ui *u);
/* issue 15: the wall-clock epoch ms at now = 0, for slideshow.sync; the app
** sets it on every wake-up (the wall clock may be stepped by NTP). */
void ui_set_wall(ui *u, int64_t wall0_ms);
/* The slideshow's start (ui_state_seed); call before the first slide. */
void ui_set_seed(ui *u, uint32_t seed);

/* Map config.slideshow / timing keys onto a ui_config. */
void ui_config_from(const config *cfg, ui_config *out);

/* ---- the core exhibit screens (ui_home.c, ui_article.c, ui_slide.c) ---- */
screen *ui_home_create(void);
/* An article (index in article order); fulltext 1: the scrolling full text;
** highlight_event: the store index of an event to show highlighted and
** scrolled into view (opened from the Timeline), -1 none. */
screen *ui_article_create(int article_index, int fulltext, int highlight_event);
/* The opening slide's hook, what the exhibit holds: "5 stories · 11 voices
** · 2009–2020" in the display language (singular for one; no-break spaces
** inside each part). */
struct store_overview;
void ui_intro_hook(const struct store_overview *ov, char *out, size_t n);
/* An attract-mode slide. */
screen *ui_slide_create(ui_slide_kind kind, int index);
/* Before prepare: which showing this is (ui_slide.turn). A summary slide
** shows the article's lead picture on turn 0 and turns that are a multiple
** of its pictures, its further pictures (store_image_more) in between. */
void ui_slide_set_turn(screen *slide, int turn);
/* The picture of the slide to come decoded ahead, while the one on show
** stays (picture_prefetch): a summary slide's; other kinds have none. The
** slide's prepare at w x h then takes it. */
void ui_slide_prefetch(const screen_ctx *ctx, int w, int h, const ui_slide *slide);
/* Words a visitor reads on a prepared slide (for its dwell time). */
int ui_slide_words(const screen *s);
/* The slide's time on show, [start, due) on the app's ms clock: its
** progress indicator fills over it. */
void ui_slide_set_span(screen *s, uint32_t start, uint32_t due);
/* The notice for an empty or failed content state. detail (why the content
** failed: a path, an SQLite error) is never shown: visitors read that the
** exhibit is being updated; the reason is in the log (store_open logs it). */
screen *ui_notice_create(ui_notice why, const char *detail);
/* (Its texts: S_UPDATING_TITLE / S_UPDATING_TEXT, strings.h.) */

#endif
