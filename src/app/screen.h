/*
** src/app/screen.h: the interface every screen implements (engine test
** screens now, the ui_ exhibit screens later).
**
** Lifetime: X_create() -> prepare() [again on resize] -> draw() many times
** -> destroy(). prepare does ALL the work that allocates: store queries,
** layout, text rendering into textures. draw composes the cached textures
** and rectangles: no allocation, no layout, no SQLite, so a transition frame
** costs only blits. The app prepares the next screen before its transition
** starts; during a transition both screens draw into the same frame.
*/
#ifndef VITRINE_SCREEN_H
#define VITRINE_SCREEN_H

#include "app/config.h"
#include "app/gesture.h"
#include "app/store.h"
#include "app/text.h"
#include "app/ui_state.h"

#include <SDL.h>
#include <stdint.h>

/* What a screen may use while preparing. Borrowed; valid during prepare. */
typedef struct screen_ctx {
    SDL_Renderer *r;
    font_lib *fonts;            /* may be NULL if the fonts failed to load */
    store *st;                  /* NULL when the database is unavailable */
    const char *store_error;    /* why st is NULL ("" otherwise) */
    const config *cfg;          /* colours, timings */
    int bench;                  /* --bench: print "bench ..." timing lines */
    int text_pct;               /* the visitor's reading text size (Aa), %; 0 = 100 */
} screen_ctx;

typedef enum screen_ev_kind {
    SCREEN_EV_TAP,              /* x, y: logical px */
    SCREEN_EV_SWIPE_LEFT,       /* content should move left: go forward */
    SCREEN_EV_SWIPE_RIGHT,      /* go back */
    SCREEN_EV_KEY,              /* key: SDL_Keycode */
} screen_ev_kind;

typedef struct screen_ev {
    screen_ev_kind kind;
    float x, y;
    int key;
    uint32_t now_ms;            /* app clock */
} screen_ev;

typedef enum screen_action {
    SCREEN_STAY,                /* nothing to do */
    SCREEN_REDRAW,              /* own state changed: draw again */
    SCREEN_NEXT,                /* ask the app for the next screen */
    SCREEN_PREV,                /* ask for the previous one */
} screen_action;

typedef struct screen screen;
typedef struct screen_vt {
    const char *name;
    /* Lay out for w x h logical px and render every texture. Frees what a
    ** previous prepare made. 0 ok, -1 failed (logged; draw shows nothing). */
    int (*prepare)(screen *s, const screen_ctx *ctx, int w, int h);
    /* Draw at horizontal offset x_off px with opacity alpha (255 = opaque)
    ** onto the current target. Must not allocate. */
    void (*draw)(screen *s, SDL_Renderer *r, int x_off, uint8_t alpha);
    screen_action (*input)(screen *s, const screen_ev *ev);
    void (*destroy)(screen *s);                 /* frees textures too */

    /* ---- exhibit screens (ui_*.c); each may be NULL ------------------- */

    /* Hit test for a tap / long press at logical px (x, y): fill *out with
    ** the ui_event the state machine should get (type UI_EV_TAP, target,
    ** index, article); UI_TGT_NONE when nothing tappable is there. Targets
    ** are at least UI_MIN_TARGET_MM tall and wide (see ui_chrome.h). */
    void (*hit)(screen *s, float x, float y, ui_event *out);
    /* Continuous input the screen handles itself (drag, pinch, wheel,
    ** scroll keys mapped by the app to UI_ACT_SCROLL / UI_ACT_ZOOM): apply
    ** it to the screen's own scroller/zoom. Must not allocate or lay out.
    ** Returns 1 if the screen now needs frames (something moves). */
    int (*gesture)(screen *s, const gesture_event *ev, uint32_t now);
    int (*action)(screen *s, const ui_action *act, uint32_t now);
    /* Advance animations (kinetic scroll, rubber band, zoom) to now.
    ** Returns 1 while still moving (the app keeps drawing frames), 0 when
    ** at rest (the app may sleep). Must not allocate. */
    int (*update)(screen *s, uint32_t now);
    /* Optional: ms from now until the screen at rest changes by the clock
    ** (a progress indicator's next step); 0 none. The app wakes then and
    ** calls update. No allocation. */
    uint32_t (*wake_in)(const screen *s, uint32_t now);
    /* The view the visitor has now (scroll position, zoom), and putting a
    ** prepared screen back into a view saved before (Back). No allocation. */
    void (*save_view)(const screen *s, ui_view *out);
    void (*restore_view)(screen *s, const ui_view *v);
    /* Keyboard focus among the screen's targets (screen_focus_move): move
    ** it (the screen draws a ring around the focused target and scrolls it
    ** into view), or with SCREEN_FOCUS_NONE report it, focusing the first
    ** target if none has focus. Fills *out with the tap event the focused
    ** target would give (as hit does). 0 when the screen has no target for
    ** that move (the key then goes to ui_state as before). No allocation. */
    int (*focus)(screen *s, int move, ui_event *out);
} screen_vt;

typedef enum screen_focus_move {
    SCREEN_FOCUS_NONE,          /* Enter: the target to activate */
    SCREEN_FOCUS_NEXT,          /* Tab */
    SCREEN_FOCUS_LEFT, SCREEN_FOCUS_RIGHT, SCREEN_FOCUS_UP, SCREEN_FOCUS_DOWN,
} screen_focus_move;

/* Every screen struct starts with this. */
struct screen {
    const screen_vt *vt;
};

/* NULL-safe helpers. */
static inline void screen_destroy(screen *s) { if (s) s->vt->destroy(s); }

/* Optional-hook helpers: safe on screens that leave a hook NULL. */
static inline void screen_hit(screen *s, float x, float y, ui_event *out) {
    out->type = UI_EV_TAP; out->target = UI_TGT_NONE; out->index = -1; out->article = -1;
    out->hx = out->hy = out->hw = out->hh = 0;
    if (s && s->vt->hit) s->vt->hit(s, x, y, out);
}
static inline int screen_gesture(screen *s, const gesture_event *ev, uint32_t now) {
    return (s && s->vt->gesture) ? s->vt->gesture(s, ev, now) : 0;
}
static inline uint32_t screen_wake_in(const screen *s, uint32_t now) {
    return (s && s->vt->wake_in) ? s->vt->wake_in(s, now) : 0;
}
static inline int screen_action_apply(screen *s, const ui_action *act, uint32_t now) {
    return (s && s->vt->action) ? s->vt->action(s, act, now) : 0;
}
static inline int screen_update(screen *s, uint32_t now) {
    return (s && s->vt->update) ? s->vt->update(s, now) : 0;
}

static inline void screen_save_view(const screen *s, ui_view *out) {
    out->valid = 0;
    if (s && s->vt->save_view) s->vt->save_view(s, out);
}
static inline void screen_restore_view(screen *s, const ui_view *v) {
    if (s && v->valid && s->vt->restore_view) s->vt->restore_view(s, v);
}

static inline int screen_focus(screen *s, int move, ui_event *out) {
    out->type = UI_EV_TAP; out->target = UI_TGT_NONE; out->index = -1; out->article = -1;
    out->hx = out->hy = out->hw = out->hh = 0;
    return (s && s->vt->focus) ? s->vt->focus(s, move, out) : 0;
}

/* Engine screens. */
screen *screen_test_create(int article_index);                  /* screen_test.c */
screen *screen_notice_create(const char *title, const char *reason); /* screen_notice.c */

#endif
