/*
** src/app/ui.c: the exhibit's glue between input, ui_state and screens
** (contract in ui.h). Allocates only when an action creates a screen.
*/
#include "app/strings.h"
#include "app/render.h"
#include "app/ui.h"
#include "app/picture.h"

#include "app/ui_views.h"
#include "common/util.h"

#include <SDL.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

struct ui {
    const config *cfg;          /* borrowed */
    ui_host host;
    screen_ctx ctx;             /* pointers borrowed from the app */
    int w, h;                   /* logical px */
    ui_state st;
    int pending;                /* the app holds a new store: swap at the next boundary */
    int has_content;            /* a content screen (not a notice) is on show */
    int press[4];               /* x, y, w, h of the control under the finger (w 0: none) */
    /* a horizontal drag on Article / Quote: the page follows the finger */
    int hd;                     /* HD_NONE, HD_DECIDING, HD_FOLLOW, HD_SNAP */
    float hd_dx, hd_dy;         /* the drag's movement so far, px */
    float drag_x;               /* px the page is moved now */
    float snap_from;            /* drag_x when the snap back began */
    uint64_t snap_t0;
    int hd_swiped;              /* the drag's release turned the page: no second SWIPE */
    int text_step;              /* the visitor's text size (Aa): 0 normal, 1, 2 larger */
    screen *peek;               /* owned: the neighbour the drag uncovers, prepared */
    ui_place peek_place;
};

enum { HD_NONE, HD_DECIDING, HD_FOLLOW, HD_SNAP };
#define HD_DECIDE_PX    12      /* px of movement that decide a drag's axis */
#define HD_AXIS_RATIO   2       /* horizontal when |dx| > this * |dy| */
#define HD_COMMIT_FRAC  0.30f   /* a slow drag this far across turns the page */
#define HD_SNAP_MS      180     /* ms: a page let go short of it springs back */

void ui_config_from(const config *cfg, ui_config *out)
{
    ui_config_default(out);
    ui_config_set(out, "idle_timeout_ms", cfg->idle_timeout_ms);
    ui_config_set(out, "dwell_min_ms", cfg->slide_min_ms);
    ui_config_set(out, "dwell_max_ms", cfg->slide_max_ms > cfg->slide_min_ms ? cfg->slide_max_ms
                                                                              : cfg->slide_min_ms);
    ui_config_set(out, "slide_kinds", cfg->slide_kinds & UI_SLIDES_ALL);
    ui_config_set(out, "slide_shuffle", cfg->slide_shuffle ? 1 : 0);
    ui_config_set(out, "slide_sync_ms", cfg->slide_sync ? cfg->sync_dwell_ms : 0);  /* issue 15 */
    ui_config_set(out, "slide_offset", cfg->slide_offset);
    ui_config_set(out, "slide_intro_every", cfg->slide_intro_every);  /* issue 13 */
    /* a transition that never reports DONE ends after twice its length + 1 s */
    ui_config_set(out, "transition_max_ms", 2L * cfg->transition_ms + 1000);
}

ui *ui_create(const config *cfg, const ui_host *host, const screen_ctx *ctx, int w, int h)
{
    ui *u = xcalloc(1, sizeof *u);
    u->cfg = cfg;
    u->host = *host;
    u->ctx = *ctx;
    u->w = w;
    u->h = h;
    ui_config uc;
    ui_config_from(cfg, &uc);
    ui_state_init(&u->st, &uc, 0);
    return u;
}

static void peek_drop(ui *u)
{
    screen_destroy(u->peek);
    u->peek = NULL;
}

void ui_destroy(ui *u)
{
    if (u)
        peek_drop(u);
    picture_prefetch_cancel();                  /* a slide's picture decoded ahead */
    free(u);
}

void ui_resize(ui *u, int w, int h)
{
    peek_drop(u);
    picture_prefetch_cancel();                  /* made for the old size */
    u->w = w;
    u->h = h;
}

const ui_state *ui_get_state(const ui *u) { return &u->st; }

void ui_set_wall(ui *u, int64_t wall0_ms) { u->st.wall0_ms = wall0_ms; }    /* issue 15 */

void ui_set_seed(ui *u, uint32_t seed) { ui_state_seed(&u->st, seed); }

/* ---- carrying out actions ------------------------------------------------ */

static screen *notice_for(ui *u, int why)
{
    return ui_notice_create((ui_notice)why, u->ctx.store_error);
}

screen *ui_notice_create(ui_notice why, const char *detail)
{
    switch (why) {
    case UI_NOTICE_EMPTY:
        return screen_notice_create(str(S_EMPTY_TITLE), str(S_EMPTY_TEXT));
    case UI_NOTICE_FAILED:      /* detail (a path, an SQLite error) is for the log only */
        (void)detail;
        return screen_notice_create(str(S_UPDATING_TITLE), str(S_UPDATING_TEXT));
    default:
        return screen_notice_create(str(S_LOADING), "");
    }
}

/* A new (unprepared) screen for place p; slide for ATTRACT. */
static screen *screen_for(ui *u, ui_place p, const ui_slide *slide)
{
    switch (p.screen) {
    case UI_HOME: return ui_home_create();
    case UI_ARTICLE: return ui_article_create(p.index, 0, p.event - 1);
    case UI_FULLTEXT: return ui_article_create(p.index, 1, -1);
    case UI_QUOTE: return ui_quote_create(p.index);
    case UI_TIMELINE: return ui_timeline_create(p.index);
    case UI_ATTRACT: {
        screen *s = ui_slide_create(slide->kind, slide->index);
        ui_slide_set_turn(s, slide->turn);
        return s;
    }
    default: return notice_for(u, p.index);
    }
}

/* Create and prepare; a screen whose content fails to load becomes the
** "failed" notice rather than a blank, unless content is on show: then NULL
** (the screen on show stays). */
static screen *make(ui *u, ui_place p, const ui_slide *slide)
{
    if (u->peek && p.screen == u->peek_place.screen && p.index == u->peek_place.index && !p.event) {
        screen *s = u->peek;                    /* uncovered by a drag: prepared already */
        u->peek = NULL;
        return s;
    }
    screen *s = screen_for(u, p, slide);
    uint64_t t0 = SDL_GetPerformanceCounter();
    int rc = s->vt->prepare(s, &u->ctx, u->w, u->h);
    if (u->ctx.bench)       /* layout + text textures, the figure bench.sh reports */
        printf("bench prepare_ms %.3f %s %d %d\n",     /* then slide kind (-1) and item */
               (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency(),
               ui_screen_name(p.screen), p.screen == UI_ATTRACT ? (int)slide->kind : -1,
               p.screen == UI_ATTRACT ? slide->index : p.index);
    if (rc != 0 && p.screen != UI_NOTICE) {
        if (u->has_content) {
            log_warn("ui: %s %d could not be prepared; the screen on show stays",
                     ui_screen_name(p.screen), p.index);
            screen_destroy(s);
            return NULL;
        }
        log_warn("ui: %s %d could not be prepared; showing a notice", ui_screen_name(p.screen), p.index);
        screen_destroy(s);
        s = ui_notice_create(UI_NOTICE_FAILED, str(S_ITEM_FAILED));
        s->vt->prepare(s, &u->ctx, u->w, u->h);
    }
    return s;
}

/* 0 shown, -1 the screen could not be prepared (nothing shown). */
static int show(ui *u, const ui_action *a, uint64_t now)
{
    if (a->type == UI_ACT_SLIDE) {              /* the next visitor starts at the normal size */
        u->text_step = 0;
        u->ctx.text_pct = 0;
        peek_drop(u);
    }
    screen *s = make(u, a->place, &a->slide);
    if (!s)
        return -1;
    if (a->type == UI_ACT_BACK)                 /* where the visitor left it */
        screen_restore_view(s, &a->view);
    u->has_content = a->place.screen != UI_NOTICE;
    int words = a->type == UI_ACT_SLIDE ? ui_slide_words(s) : 0;
    int kind = -1, dir = 1;
    switch (a->transition) {
    case UI_TR_PUSH: case UI_TR_NEXT: kind = u->cfg->transition; dir = 1; break;
    case UI_TR_POP: case UI_TR_PREV: kind = u->cfg->transition; dir = -1; break;
    case UI_TR_FADE: kind = TRANSITION_CROSSFADE; break;
    default: break;
    }
    u->host.show(u->host.app, s, kind, dir);
    if (a->type == UI_ACT_SLIDE) {
        ui_event ev = { .type = UI_EV_SLIDE_READY, .value = ui_slide_dwell_ms(words, &u->st.cfg) };
        ui_action none;
        ui_state_apply(&u->st, &ev, now, &none);
        uint64_t due = u->st.slide_due, sync = (uint64_t)u->st.cfg.slide_sync_ms;
        uint64_t start = sync && due > sync ? due - sync : now;     /* in step: the slot's start */
        if (due > start)
            ui_slide_set_span(s, (uint32_t)start, (uint32_t)due);
    }
    return 0;
}

/* 0 done, -1 a screen could not be prepared. */
static int carry_out(ui *u, screen *cur, const ui_action *a, uint64_t now)
{
    switch (a->type) {
    case UI_ACT_OPEN: case UI_ACT_NEXT: case UI_ACT_PREV: case UI_ACT_BACK:
    case UI_ACT_HOME: case UI_ACT_WAKE: case UI_ACT_NOTICE: case UI_ACT_SLIDE:
        return show(u, a, now);
    case UI_ACT_RESTYLE: {                      /* Aa: the same place, its text one size up */
        static const int pct[] = { 100, UI_TEXT_PCT_2, UI_TEXT_PCT_3 };
        u->text_step = (u->text_step + 1) % (int)(sizeof pct / sizeof pct[0]);
        u->ctx.text_pct = pct[u->text_step];
        ui_view v = { 0, 0, 0, 0 };
        if (cur && cur->vt->save_view)
            cur->vt->save_view(cur, &v);
        screen *s = make(u, a->place, NULL);
        if (!s)
            return -1;
        screen_restore_view(s, &v);
        u->host.show(u->host.app, s, -1, 0);    /* a cut: the page stays where it was */
        break;
    }
    case UI_ACT_SCROLL: case UI_ACT_ZOOM: case UI_ACT_SELECT:
        screen_action_apply(cur, a, now);
        break;
    default:
        break;
    }
    return 0;
}

/* CONTENT_LOADED with the counts of the store in ctx, or FAILED. */
static ui_event content_event(ui *u)
{
    ui_event ev = { .type = UI_EV_CONTENT_FAILED };
    store_counts c;
    if (u->ctx.st && store_count(u->ctx.st, &c) == STORE_OK) {
        ev.type = UI_EV_CONTENT_LOADED;
        ev.n_articles = c.articles > INT_MAX ? INT_MAX : (int)c.articles;
        ev.n_quotes = c.quotes > INT_MAX ? INT_MAX : (int)c.quotes;
        ev.n_events = c.events > INT_MAX ? INT_MAX : (int)c.events;
    }
    return ev;
}

/* An action whose screen carries no index into the old content: a slide,
** or Home (see ui_content_pending). */
static int at_boundary(const ui_action *a)
{
    return a->type == UI_ACT_SLIDE ||
           ((a->type == UI_ACT_HOME || a->type == UI_ACT_BACK || a->type == UI_ACT_OPEN) &&
            a->place.screen == UI_HOME);
}

/* Swap in the pending store and reload: *a becomes the CONTENT_LOADED
** action (Home or a new slide from the new content). */
static void reload(ui *u, uint64_t now, ui_action *a)
{
    peek_drop(u);                               /* made from the old content */
    u->pending = 0;
    int pct = u->ctx.text_pct;
    u->host.swap(u->host.app, &u->ctx);
    u->ctx.text_pct = pct;                      /* the visitor's text size stays */
    ui_event ev = content_event(u);
    if (ev.type == UI_EV_CONTENT_LOADED)
        log_info("content: switched to the new database (%d articles, %d quotes, %d events)",
                 ev.n_articles, ev.n_quotes, ev.n_events);
    else
        log_warn("content: the new database could not be listed; showing a notice");
    u->has_content = 0;         /* old screens mean nothing now: a failure shows the notice */
    ui_state_apply(&u->st, &ev, now, a);
}

/* A screen could not be prepared while content is on show: back to the
** state before the event, and do not retry at once (every frame). */
static void keep_screen(ui *u, const ui_state *before, const ui_action *a, uint64_t now)
{
    u->st = *before;
    if (u->st.cur.screen == UI_ATTRACT) {       /* the next slide after the shortest dwell */
        ui_event ev = { .type = UI_EV_SLIDE_READY, .value = u->st.cfg.dwell_min_ms };
        ui_action none;
        ui_state_apply(&u->st, &ev, now, &none);
    } else if (a->type == UI_ACT_SLIDE) {       /* idle -> slideshow: again after the idle time */
        u->st.last_input = now;
    }
}

/* Carry out *a, which moved the state from `before`; live updates swap
** here at a boundary. 0 ok, -1 the screen on show stayed. */
static int step_action(ui *u, screen *cur, const ui_state *before, ui_action *a, uint64_t now)
{
    if (u->pending && u->host.swap && at_boundary(a))
        reload(u, now, a);
    if (carry_out(u, cur, a, now) == 0)
        return 0;
    keep_screen(u, before, a, now);
    return -1;
}

static void send(ui *u, screen *cur, const ui_event *ev, uint64_t now)
{
    if (cur)                    /* the view goes with the place onto the back stack */
        screen_save_view(cur, &u->st.cur_view);
    ui_state before = u->st;
    ui_action a;
    ui_state_apply(&u->st, ev, now, &a);
    step_action(u, cur, &before, &a, now);
}

/* ---- events in ----------------------------------------------------------- */

void ui_content_pending(ui *u) { u->pending = 1; }

void ui_start(ui *u, uint64_t now)
{
    ui_event ev = content_event(u);
    u->st.last_input = now;
    send(u, NULL, &ev, now);
}

/* Controls pressed again and again (‹ › + −): each press is one step, so a
** second press within the double-tap time is a tap too. Elsewhere a double
** tap is ignored: its second tap would land on the screen the first opened. */
static int repeats(ui_target t)
{
    return t == UI_TGT_NEXT || t == UI_TGT_PREV || t == UI_TGT_ZOOM_IN || t == UI_TGT_ZOOM_OUT;
}

/* A horizontal drag on the screens that page sideways (Article, Quote)
** moves the page with the finger; let go past HD_COMMIT_FRAC of the width,
** or flicked (the recognizer's SWIPE that follows), it turns to the
** neighbour, the transition starting where the finger left the page
** (ui_drag_take); otherwise it springs back. 1 when the event was the
** page's (the screen does not get it); ev may become a SWIPE. */
/* The neighbour a drag by dx uncovers (the next one when the page moves
** left), prepared once per drag direction. */
static void peek_for(ui *u, float dx)
{
    ui_screen sc = u->st.cur.screen;
    int n = sc == UI_ARTICLE ? u->st.n_articles : u->st.n_quotes, dir = dx < 0 ? 1 : -1;
    if (n <= 1)
        return;
    ui_place p = { sc, ((u->st.cur.index + dir) % n + n) % n, 0 };
    if (u->peek && u->peek_place.screen == p.screen && u->peek_place.index == p.index)
        return;
    peek_drop(u);
    u->peek = make(u, p, NULL);
    u->peek_place = p;
}

int ui_peek(const ui *u, screen **s, int *x_off)
{
    int dx = ui_drag_offset(u);
    int n = u->st.cur.screen == UI_ARTICLE ? u->st.n_articles : u->st.n_quotes;
    if (!u->peek || dx == 0 || n <= 1 || u->peek_place.screen != u->st.cur.screen ||
        u->peek_place.index != ((u->st.cur.index + (dx < 0 ? 1 : -1)) % n + n) % n)
        return 0;
    *s = u->peek;
    *x_off = dx < 0 ? dx + u->w : dx - u->w;
    return 1;
}

static int follow_drag(ui *u, const gesture_event *ge, uint64_t now, ui_event *ev)
{
    ui_screen sc = u->st.cur.screen;
    int pages = (sc == UI_ARTICLE && u->st.n_articles > 1) || (sc == UI_QUOTE && u->st.n_quotes > 1);
    switch (ge->type) {
    case GESTURE_DRAG_BEGIN:
        u->hd = pages && !u->st.in_transition && !u->st.guard ? HD_DECIDING : HD_NONE;
        u->hd_dx = u->hd_dy = 0;
        u->hd_swiped = 0;
        return 0;                               /* the screen's scroller grabs too */
    case GESTURE_DRAG:
        if (u->hd == HD_DECIDING) {
            u->hd_dx += ge->dx, u->hd_dy += ge->dy;
            float ax = u->hd_dx < 0 ? -u->hd_dx : u->hd_dx, ay = u->hd_dy < 0 ? -u->hd_dy : u->hd_dy;
            if (ax >= HD_DECIDE_PX && ax > HD_AXIS_RATIO * ay) {
                u->hd = HD_FOLLOW;
                u->drag_x = u->hd_dx;
                peek_for(u, u->drag_x);
                return 1;
            }
            if (ay >= HD_DECIDE_PX || ax >= HD_DECIDE_PX)
                u->hd = HD_NONE;                /* a scroll: the screen's */
            return 0;
        }
        if (u->hd != HD_FOLLOW)
            return 0;
        u->hd_dx += ge->dx;
        if (u->hd_dx != 0 && (u->hd_dx < 0) != (u->drag_x < 0))
            peek_for(u, u->hd_dx);              /* turned round: the other neighbour */
        u->drag_x = u->hd_dx;
        return 1;
    case GESTURE_DRAG_END:
        if (u->hd != HD_FOLLOW) {
            u->hd = u->hd == HD_SNAP ? HD_SNAP : HD_NONE;
            return 0;
        }
        if (u->drag_x < -HD_COMMIT_FRAC * (float)u->w || u->drag_x > HD_COMMIT_FRAC * (float)u->w) {
            ev->type = u->drag_x < 0 ? UI_EV_SWIPE_LEFT : UI_EV_SWIPE_RIGHT;
            u->hd = HD_SNAP;                    /* the swipe's transition takes drag_x */
            u->hd_swiped = 1;
        } else {
            u->hd = HD_SNAP;                    /* short: back, unless a SWIPE follows */
        }
        u->snap_from = u->drag_x;
        u->snap_t0 = now;
        return 1;
    default:
        return 0;
    }
}

int ui_drag_update(ui *u, uint64_t now)
{
    if (u->hd != HD_SNAP)
        return 0;
    float t = (float)(now - u->snap_t0) / HD_SNAP_MS;
    if (now < u->snap_t0)
        t = 0;
    if (t >= 1) {
        u->hd = HD_NONE;
        u->drag_x = 0;
        peek_drop(u);                           /* not taken: its memory back */
        return 1;                               /* one more frame, at rest */
    }
    u->drag_x = u->snap_from * (1 - render_ease(t));
    return 1;
}

int ui_drag_offset(const ui *u)
{
    return (int)(u->drag_x + (u->drag_x < 0 ? -0.5f : 0.5f));
}

float ui_drag_take(ui *u)
{
    float x = u->drag_x;
    u->hd = HD_NONE;
    u->drag_x = 0;
    return x;
}

int ui_gesture(ui *u, screen *cur, const gesture_event *ge, uint64_t now)
{
    ui_event ev = { .type = UI_EV_NONE, .index = -1, .article = -1 };
    int moving = 0;
    int pressed = u->press[2] > 0;
    u->press[2] = 0;                            /* any gesture ends the press but its start */
    switch (ge->type) {
    case GESTURE_TOUCH_BEGIN:
        ev.type = UI_EV_PRESS;
        if (u->st.cur.screen != UI_ATTRACT && !u->st.in_transition && !u->st.guard) {
            ui_event h;                         /* the control under the finger shows pressed */
            screen_hit(cur, ge->x, ge->y, &h);
            if (h.target != UI_TGT_NONE && h.hw > 0) {
                u->press[0] = h.hx, u->press[1] = h.hy, u->press[2] = h.hw, u->press[3] = h.hh;
                moving = 1;
            }
        }
        break;
    case GESTURE_TOUCH_END: ev.type = UI_EV_RELEASE; break;
    case GESTURE_TAP: case GESTURE_LONG_PRESS:
        screen_hit(cur, ge->x, ge->y, &ev);
        ev.type = UI_EV_TAP;
        break;
    case GESTURE_SWIPE:
        if (u->hd_swiped) {                     /* the drag's release already turned it */
            u->hd_swiped = 0;
            break;
        }
        if (ge->dir == GESTURE_LEFT) ev.type = UI_EV_SWIPE_LEFT;
        else if (ge->dir == GESTURE_RIGHT) ev.type = UI_EV_SWIPE_RIGHT;
        break;
    case GESTURE_DRAG_BEGIN: case GESTURE_DRAG: case GESTURE_DRAG_END:
        if (follow_drag(u, ge, now, &ev)) {     /* the page itself moves */
            moving = 1;
            break;
        }
        /* fall through */
    case GESTURE_PINCH_BEGIN: case GESTURE_PINCH: case GESTURE_PINCH_END:
    case GESTURE_WHEEL:
        /* the screen follows the finger only when it is on show and awake */
        if (u->st.cur.screen != UI_ATTRACT && !u->st.in_transition && !u->st.guard)
            moving = screen_gesture(cur, ge, now);
        ev.type = UI_EV_ACTIVITY;
        break;
    case GESTURE_DOUBLE_TAP:    /* the first TAP already acted: a second press */
        screen_hit(cur, ge->x, ge->y, &ev);     /* counts only on a stepping control */
        ev.type = repeats(ev.target) ? UI_EV_TAP : UI_EV_NONE;
        break;
    default:
        break;
    }
    if (ev.type != UI_EV_NONE)
        send(u, cur, &ev, now);
    return moving || (pressed && u->press[2] == 0);     /* redraw without the press */
}

int ui_pressed(const ui *u, int *x, int *y, int *w, int *h)
{
    if (u->press[2] <= 0 || u->st.in_transition)
        return 0;
    *x = u->press[0], *y = u->press[1], *w = u->press[2], *h = u->press[3];
    return 1;
}

/* Key bindings: SDL key -> ui event. */
static const struct { int key; ui_event_type ev; } keymap[] = {
    { SDLK_LEFT, UI_EV_KEY_LEFT },        { SDLK_RIGHT, UI_EV_KEY_RIGHT },
    { SDLK_UP, UI_EV_KEY_UP },            { SDLK_DOWN, UI_EV_KEY_DOWN },
    { SDLK_PAGEUP, UI_EV_KEY_PAGE_UP },   { SDLK_PAGEDOWN, UI_EV_KEY_PAGE_DOWN },
    { SDLK_SPACE, UI_EV_KEY_PAGE_DOWN },
    { SDLK_RETURN, UI_EV_KEY_ENTER },     { SDLK_KP_ENTER, UI_EV_KEY_ENTER },
    { SDLK_ESCAPE, UI_EV_KEY_BACK },      { SDLK_BACKSPACE, UI_EV_KEY_BACK },
    { SDLK_AC_BACK, UI_EV_KEY_BACK },
    { SDLK_HOME, UI_EV_KEY_HOME },        { SDLK_AC_HOME, UI_EV_KEY_HOME },
};

/* Keys that move the keyboard focus (screen_vt.focus) on the screens that
** have one, and Enter, which activates the focused target. */
static const struct { int key; int move; } focus_keys[] = {
    { SDLK_TAB, SCREEN_FOCUS_NEXT },      { SDLK_LEFT, SCREEN_FOCUS_LEFT },
    { SDLK_RIGHT, SCREEN_FOCUS_RIGHT },   { SDLK_UP, SCREEN_FOCUS_UP },
    { SDLK_DOWN, SCREEN_FOCUS_DOWN },     { SDLK_RETURN, SCREEN_FOCUS_NONE },
    { SDLK_KP_ENTER, SCREEN_FOCUS_NONE },
};

/* 1 when the focus took the key: a move (ACTIVITY: the visitor is there)
** or Enter on a target (its TAP, as if touched). */
static int focus_key(ui *u, screen *cur, int key, uint64_t now)
{
    ui_screen sc = u->st.cur.screen;
    if ((sc != UI_HOME && sc != UI_QUOTE && sc != UI_TIMELINE) || u->st.in_transition || !cur
        || !cur->vt->focus)
        return 0;
    for (size_t i = 0; i < sizeof focus_keys / sizeof focus_keys[0]; i++) {
        if (focus_keys[i].key != key)
            continue;
        ui_event ev;
        if (!screen_focus(cur, focus_keys[i].move, &ev))
            return 0;
        if (focus_keys[i].move != SCREEN_FOCUS_NONE)
            ev = (ui_event){ .type = UI_EV_ACTIVITY, .index = -1, .article = -1 };
        send(u, cur, &ev, now);
        return 1;
    }
    return 0;
}

int ui_key(ui *u, screen *cur, int key, uint64_t now)
{
    if (focus_key(u, cur, key, now))
        return 1;
    for (size_t i = 0; i < sizeof keymap / sizeof keymap[0]; i++)
        if (keymap[i].key == key) {
            ui_event ev = { .type = keymap[i].ev, .index = -1, .article = -1 };
            send(u, cur, &ev, now);
            return 1;
        }
    return 0;
}

void ui_tick(ui *u, uint64_t now)
{
    if (u->pending && u->host.swap && u->st.cur.screen == UI_NOTICE && !u->st.in_transition) {
        ui_action a;                            /* nothing on show to keep: swap at once */
        reload(u, now, &a);
        carry_out(u, NULL, &a, now);
        return;
    }
    ui_event ev = { .type = UI_EV_TICK };
    send(u, NULL, &ev, now);
}

void ui_transition_done(ui *u, screen *cur, uint64_t now)
{
    ui_event ev = { .type = UI_EV_TRANSITION_DONE };
    send(u, cur, &ev, now);
    ui_action a;
    for (;;) {
        ui_state before = u->st;
        if (u->st.in_transition || !ui_state_pop_queued(&u->st, now, &a))
            break;
        if (step_action(u, cur, &before, &a, now) != 0) {
            u->st.nqueue = 0;                   /* the rest was meant for that screen */
            break;
        }
    }
    /* a slide on show: the next one's picture is decoded while it stays
    ** (the transition's frames are done; the slide's dwell is seconds) */
    ui_slide next;
    if (!u->pending && ui_state_peek_slide(&u->st, &next) == 0)
        ui_slide_prefetch(&u->ctx, u->w, u->h, &next);
}

uint64_t ui_next_due(const ui *u, uint64_t now)
{
    const ui_state *st = &u->st;
    if (st->in_transition)
        return st->transition_start + (uint64_t)st->cfg.transition_max_ms;
    if (st->cur.screen == UI_NOTICE)
        return UINT64_MAX;
    if (st->cur.screen == UI_ATTRACT)
        return st->slide_due;
    return st->last_input + (uint64_t)st->cfg.idle_timeout_ms;
}
