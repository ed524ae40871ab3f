/*
** src/app/gesture.h: the gesture recognizer (gesture_) and the kinetic
** scroller (scroll_). Pure C: no SDL, no clock of its own.
**
** The platform layer feeds raw pointer events in logical pixels (already
** rotated to the portrait/landscape the UI draws in) with timestamps in ms
** from whatever clock it uses (SDL_GetTicks64, or a virtual clock in tests),
** and calls gesture_tick() once per frame. The UI drains recognized gestures
** with gesture_poll(). Nothing is allocated after gesture_create().
**
**   raw input                     gesture events (queue, in order)
**   ---------                     --------------------------------
**   first pointer down            TOUCH_BEGIN
**   down+up within slop, short    TAP            (instantly, on up)
**   second tap close in time      DOUBLE_TAP     (instead of a second TAP)
**   held still >= long_press_ms   LONG_PRESS     (while held; no TAP on up)
**   move beyond slop              DRAG_BEGIN, DRAG..., DRAG_END(velocity)
**   quick one-axis flick          ... DRAG_END, then SWIPE(dir, velocity)
**   two pointers                  PINCH_BEGIN, PINCH(scale)..., PINCH_END
**   wheel                         WHEEL(dx, dy)
**   last pointer up               TOUCH_END      (always the last of a touch)
**
** Contract with the UI (why the stream looks like this):
** - TAP is emitted at once on release: kiosk visitors expect an instant
**   answer, so a tap is never held back waiting for a possible double tap.
**   A second tap within double_tap_ms and double_tap_dist emits DOUBLE_TAP
**   and NO TAP. The UI must treat DOUBLE_TAP as "ignore" (or zoom where a
**   screen zooms), never as a second tap: the first TAP already acted.
** - Swipe versus drag is not a mode: every movement beyond the tap slop is a
**   drag, and when it qualifies as a flick a SWIPE follows its DRAG_END.
**   Paging screens (article, quote) ignore DRAG* and act on SWIPE; scrolling
**   screens (full text, timeline) follow DRAG* and fling with DRAG_END's
**   velocity, ignoring SWIPE. No mode can be stale when the screen changes
**   in the middle of a touch, and one screen can scroll vertically while
**   paging horizontally.
** - LONG_PRESS replaces the TAP of that touch. Most screens should treat it
**   as a tap at (x, y): visitors often press and hold.
** - A second finger ends a running drag (DRAG_END with zero velocity) and
**   starts a pinch; when one of the two lifts the pinch ends and the touch
**   produces nothing more until all pointers are up. Third and later
**   pointers are ignored.
** - TOUCH_BEGIN / TOUCH_END bracket every touch, so the UI can tell the
**   events of one touch apart (ui_state swallows the rest of the touch that
**   woke the attract mode).
** - The mouse is one more pointer: pass GESTURE_MOUSE_ID as its id, call
**   gesture_move only while a button is held.
*/
#ifndef VITRINE_GESTURE_H
#define VITRINE_GESTURE_H

#include <stdint.h>

#define GESTURE_MOUSE_ID   (-1)    /* pointer id to use for the mouse */
#define GESTURE_MAX_PTRS   10      /* pointers tracked at once; more are ignored */
#define GESTURE_QUEUE_LEN  64      /* events buffered between polls; power of two */
#define GESTURE_HISTORY    16      /* velocity samples kept; power of two */

typedef enum gesture_type {
    GESTURE_NONE,
    GESTURE_TOUCH_BEGIN,    /* x, y: first pointer down */
    GESTURE_TOUCH_END,      /* x, y: last pointer up */
    GESTURE_TAP,            /* x, y */
    GESTURE_DOUBLE_TAP,     /* x, y: second tap; "ignore or zoom" */
    GESTURE_LONG_PRESS,     /* x, y */
    GESTURE_SWIPE,          /* dir, velocity; x, y: release point */
    GESTURE_DRAG_BEGIN,     /* x, y: where the finger went down */
    GESTURE_DRAG,           /* dx, dy since the last DRAG; x, y: now */
    GESTURE_DRAG_END,       /* vx, vy release velocity; x, y: release point */
    GESTURE_PINCH_BEGIN,    /* x, y: centre; scale 1 */
    GESTURE_PINCH,          /* scale vs. the start distance; x, y: centre */
    GESTURE_PINCH_END,      /* scale: final; x, y: centre */
    GESTURE_WHEEL,          /* dx, dy: wheel units (positive y = away from user) */
    GESTURE_TYPE_COUNT
} gesture_type;

typedef enum gesture_dir {
    GESTURE_DIR_NONE, GESTURE_LEFT, GESTURE_RIGHT, GESTURE_UP, GESTURE_DOWN
} gesture_dir;

/* One recognized gesture; fields not listed for its type are 0. */
typedef struct gesture_event {
    gesture_type type;
    float x, y;             /* logical px */
    float dx, dy;           /* DRAG: px since the previous DRAG; WHEEL: units */
    float vx, vy;           /* DRAG_END: px/s (0 below fling_min_velocity) */
    float scale;            /* PINCH*: current distance / distance at begin */
    gesture_dir dir;        /* SWIPE: the direction the finger moved */
    float velocity;         /* SWIPE: mean speed along dir, px/s */
    uint64_t t;             /* ms: time of the raw event that produced it */
} gesture_event;

/* Thresholds. Distances are fractions of the screen's short side so they
** mean the same on a 7" 800x480 panel and a 32" 4K one; times are ms.
** Defaults live in one table in gesture.c; gesture_config_set() lets the
** config file override any of them by name. */
typedef struct gesture_config {
    float tap_slop;             /* short sides: movement that still counts as a tap */
    float swipe_min_dist;       /* short sides: shortest flick that is a swipe */
    float swipe_max_ms;         /* ms: longest flick (down to up) that is a swipe */
    float swipe_axis_ratio;     /* main axis / cross axis, at least (2 = within ~27 deg) */
    float long_press_ms;        /* ms held still before LONG_PRESS */
    float double_tap_ms;        /* ms from the first tap's up to the second's down */
    float double_tap_dist;      /* short sides: distance between the two taps */
    float fling_min_velocity;   /* short sides/s: slower releases report velocity 0 */
    float velocity_window_ms;   /* ms of samples before release used for velocity */
} gesture_config;

void gesture_config_default(gesture_config *cfg);
/* Set the field called name (as in the struct) to value: 0, or -1 for an
** unknown name or a value out of its table range (cfg unchanged). */
int gesture_config_set(gesture_config *cfg, const char *name, float value);

typedef struct gesture gesture;     /* opaque */

/* cfg NULL = defaults; cfg is copied. short_side_px: the screen's short
** side in logical px (thresholds scale with it). Never NULL (aborts on OOM). */
gesture *gesture_create(const gesture_config *cfg, int short_side_px);
void gesture_destroy(gesture *g);                   /* NULL is fine */
void gesture_set_screen(gesture *g, int short_side_px);

void gesture_down(gesture *g, int id, float x, float y, uint64_t t);
void gesture_move(gesture *g, int id, float x, float y, uint64_t t);
void gesture_up(gesture *g, int id, float x, float y, uint64_t t);
void gesture_wheel(gesture *g, float dx, float dy, uint64_t t);
/* Time passes: fires LONG_PRESS for a finger held still. Call every frame
** (and at least every 50 ms while gesture_busy()). */
void gesture_tick(gesture *g, uint64_t now);
/* Forget every pointer (window lost focus, screen blanked): a running drag
** or pinch gets its END and the touch its TOUCH_END. */
void gesture_cancel(gesture *g, uint64_t t);

/* Take the oldest event: 1, or 0 when the queue is empty. */
int gesture_poll(gesture *g, gesture_event *ev);
/* Pointers currently down (the frame loop must not sleep while > 0). */
int gesture_busy(const gesture *g);
/* Events dropped because the queue was full since create (should stay 0). */
unsigned gesture_dropped(const gesture *g);

const char *gesture_type_name(gesture_type t);

/* ---- kinetic scroller ----------------------------------------------------
** One axis of a scrollable view, plain data owned by the screen (no
** allocation). pos is the content offset in px, normally within [min, max];
** while dragged past an end it overscrolls with growing resistance, up to
** rubber_px; released out of range it springs back (critically damped).
**
**   DRAG_BEGIN -> scroll_grab      DRAG -> scroll_drag(-dy)
**   DRAG_END   -> scroll_release(-vy)      every frame -> scroll_step(now)
*/
typedef struct scroll_config {
    float decay_per_ms;     /* velocity factor per ms while coasting (0.997: -95% in 1 s) */
    float stop_velocity;    /* px/ms: slower coasting stops */
    float spring_per_ms;    /* 1/ms: spring rate back from overscroll (settles in ~5/rate) */
    float drag_resist;      /* 0..1: share of finger movement applied at the end, falling to 0 at rubber_px */
} scroll_config;

typedef struct scroll {
    float pos;              /* px */
    float vel;              /* px/ms */
    float min, max;         /* px: resting range (max >= min) */
    float rubber_px;        /* px: overscroll never exceeds this */
    int held;               /* 1 while a finger holds the content */
    uint64_t last;          /* ms: time of the previous step (0 = none yet) */
    scroll_config cfg;
} scroll;

void scroll_config_default(scroll_config *cfg);
/* cfg NULL = defaults. rubber_px: e.g. 15% of the view's length. */
void scroll_init(scroll *s, float min, float max, float rubber_px, const scroll_config *cfg);
void scroll_set_range(scroll *s, float min, float max);     /* pos kept; springs back if outside */
void scroll_grab(scroll *s, uint64_t now);                   /* finger down: stop coasting */
void scroll_drag(scroll *s, float delta);                    /* px, content moves by delta */
void scroll_release(scroll *s, float velocity_px_s, uint64_t now);
/* Animate to target (clamped to the range) as a fling that coasts to it
** (PageDown, a zoom button, "centre this event"). */
void scroll_fling_to(scroll *s, float target, uint64_t now);
/* Advance to now. Returns 1 while still moving (keep drawing frames),
** 0 when at rest within [min, max]. */
int scroll_step(scroll *s, uint64_t now);

#endif
