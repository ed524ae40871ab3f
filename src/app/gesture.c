/*
** src/app/gesture.c: raw pointer events -> tap / swipe / drag / long press /
** pinch / wheel, and the kinetic scroller. Contract in gesture.h.
**
** One touch is a small state machine over the pointers that are down:
**
**   IDLE --down--> PRESS --moved beyond slop--> DRAG --up--> (SWIPE?) IDLE
**                    |  \--2nd pointer--> PINCH --one up--> DONE --all up--> IDLE
**                    \--up--> TAP / DOUBLE_TAP (or nothing after LONG_PRESS)
**
** Velocity comes from a power-of-two ring of the primary pointer's recent
** samples (as in SDL's test/testgesture.c): no allocation, no per-event cost
** beyond one store.
*/
#include "app/gesture.h"
#include "common/util.h"

#include <assert.h>
#include <math.h>       /* sqrtf, fabsf */
#include <stddef.h>     /* offsetof */
#include <stdlib.h>     /* free */
#include <string.h>

/* ---- tunables: the one table ---------------------------------------------
** Every threshold with its default, its accepted range and its unit. */
#define GT(field) #field, offsetof(gesture_config, field)
static const struct gesture_tunable {
    const char *name;
    size_t off;
    float def, lo, hi;
} gesture_tunables[] = {
    /* name, offset                  default  min     max      unit */
    { GT(tap_slop),                  0.025f,  0.001f, 0.5f   }, /* short sides (27 px at 1080) */
    { GT(swipe_min_dist),            0.08f,   0.005f, 1.0f   }, /* short sides (86 px at 1080) */
    { GT(swipe_max_ms),              400.0f,  50.0f,  5000.0f}, /* ms, down to up */
    { GT(swipe_axis_ratio),          2.0f,    1.0f,   20.0f  }, /* main / cross displacement */
    { GT(long_press_ms),             600.0f,  100.0f, 10000.0f}, /* ms held within the slop */
    { GT(double_tap_ms),             300.0f,  0.0f,   2000.0f}, /* ms, first up to second down */
    { GT(double_tap_dist),           0.06f,   0.0f,   1.0f   }, /* short sides between the taps */
    { GT(fling_min_velocity),        0.25f,   0.0f,   100.0f }, /* short sides per second */
    { GT(velocity_window_ms),        100.0f,  10.0f,  1000.0f}, /* ms of samples before release */
};
#undef GT
#define NTUNABLES (sizeof gesture_tunables / sizeof gesture_tunables[0])

void gesture_config_default(gesture_config *cfg) {
    assert(cfg);
    for (size_t i = 0; i < NTUNABLES; i++)
        *(float *)((char *)cfg + gesture_tunables[i].off) = gesture_tunables[i].def;
}

int gesture_config_set(gesture_config *cfg, const char *name, float value) {
    for (size_t i = 0; i < NTUNABLES; i++) {
        const struct gesture_tunable *t = &gesture_tunables[i];
        if (strcmp(name, t->name) != 0) continue;
        if (!(value >= t->lo && value <= t->hi)) return -1;    /* also rejects NaN */
        *(float *)((char *)cfg + t->off) = value;
        return 0;
    }
    return -1;
}

/* ---- recognizer state ---------------------------------------------------- */

typedef enum touch_phase {
    PHASE_IDLE,     /* no pointer down */
    PHASE_PRESS,    /* one pointer, still within the tap slop */
    PHASE_DRAG,     /* one pointer, moved beyond the slop */
    PHASE_PINCH,    /* two pointers */
    PHASE_DONE      /* pinch over: ignore everything until all pointers are up */
} touch_phase;

typedef struct gesture_ptr {
    int id;
    float x, y;                 /* px: latest position */
} gesture_ptr;

typedef struct gesture_sample {
    float x, y;                 /* px */
    uint64_t t;                 /* ms */
} gesture_sample;

struct gesture {
    gesture_config cfg;
    float side;                     /* px: screen short side (>= 1) */

    gesture_ptr ptr[GESTURE_MAX_PTRS];
    int nptr;                       /* pointers down; ptr[0..nptr) */
    touch_phase phase;
    int primary, secondary;         /* ids of the pointers the gesture follows */
    float x0, y0;                   /* px: primary's down position */
    uint64_t t0;                    /* ms: primary's down time */
    int long_fired;                 /* LONG_PRESS sent for this touch */
    float rx, ry;                   /* px: position of the last reported DRAG */
    float pinch_d0;                 /* px: finger distance at PINCH_BEGIN */

    gesture_sample hist[GESTURE_HISTORY];   /* ring; newest at (nhist-1) & mask */
    unsigned nhist;                 /* samples written this touch */

    int have_tap;                   /* a TAP was sent and could get a DOUBLE_TAP */
    float tap_x, tap_y;             /* px */
    uint64_t tap_up;                /* ms */

    gesture_event q[GESTURE_QUEUE_LEN];
    unsigned qhead, qtail;          /* free-running; tail - head = queued */
    unsigned dropped;
};

_Static_assert((GESTURE_QUEUE_LEN & (GESTURE_QUEUE_LEN - 1)) == 0, "queue: power of two");
_Static_assert((GESTURE_HISTORY & (GESTURE_HISTORY - 1)) == 0, "history: power of two");

static float px(const gesture *g, float frac) { return frac * g->side; }

/* ms from since to now; 0 if the caller's clock stepped back. */
static float elapsed(uint64_t now, uint64_t since) { return now > since ? (float)(now - since) : 0.0f; }

static float dist(float ax, float ay, float bx, float by) {
    return sqrtf((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
}

/* Queue an event. Consecutive unread DRAG (summed) and PINCH (latest wins)
** events merge, so a UI that polls once per frame never overflows. */
static void emit(gesture *g, const gesture_event *ev) {
    if (g->qtail != g->qhead) {
        gesture_event *last = &g->q[(g->qtail - 1) & (GESTURE_QUEUE_LEN - 1)];
        if (last->type == ev->type && (ev->type == GESTURE_DRAG || ev->type == GESTURE_PINCH)) {
            float dx = last->dx + ev->dx, dy = last->dy + ev->dy;
            *last = *ev;
            last->dx = dx, last->dy = dy;
            return;
        }
    }
    if (g->qtail - g->qhead >= GESTURE_QUEUE_LEN) { g->dropped++; return; }
    g->q[g->qtail++ & (GESTURE_QUEUE_LEN - 1)] = *ev;
}

static void emit_at(gesture *g, gesture_type type, float x, float y, uint64_t t) {
    gesture_event ev = { .type = type, .x = x, .y = y, .t = t };
    emit(g, &ev);
}

gesture *gesture_create(const gesture_config *cfg, int short_side_px) {
    gesture *g = xcalloc(1, sizeof *g);
    if (cfg) g->cfg = *cfg;
    else gesture_config_default(&g->cfg);
    gesture_set_screen(g, short_side_px);
    return g;
}

void gesture_destroy(gesture *g) { free(g); }

void gesture_set_screen(gesture *g, int short_side_px) {
    assert(g);
    g->side = short_side_px > 0 ? (float)short_side_px : 1.0f;
}

static gesture_ptr *find_ptr(gesture *g, int id) {
    for (int i = 0; i < g->nptr; i++)
        if (g->ptr[i].id == id) return &g->ptr[i];
    return NULL;
}

static void hist_add(gesture *g, float x, float y, uint64_t t) {
    g->hist[g->nhist++ & (GESTURE_HISTORY - 1)] = (gesture_sample){ x, y, t };
}

/* Release velocity in px/s from the samples of the last velocity_window_ms:
** newest minus oldest in the window. A finger that rested before lifting has
** no older sample in the window and gets 0. */
static void hist_velocity(const gesture *g, float *vx, float *vy) {
    *vx = *vy = 0;
    if (g->nhist < 2) return;
    unsigned n = g->nhist < GESTURE_HISTORY ? g->nhist : GESTURE_HISTORY;
    const gesture_sample *newest = &g->hist[(g->nhist - 1) & (GESTURE_HISTORY - 1)];
    const gesture_sample *oldest = newest;
    for (unsigned k = 1; k < n; k++) {
        const gesture_sample *s = &g->hist[(g->nhist - 1 - k) & (GESTURE_HISTORY - 1)];
        if ((float)(newest->t - s->t) > g->cfg.velocity_window_ms) break;
        oldest = s;
    }
    float dt = (float)(newest->t - oldest->t);
    if (dt < 1.0f) return;
    float fx = (newest->x - oldest->x) * 1000.0f / dt;
    float fy = (newest->y - oldest->y) * 1000.0f / dt;
    if (sqrtf(fx * fx + fy * fy) < px(g, g->cfg.fling_min_velocity)) return;
    *vx = fx, *vy = fy;
}

static void check_long_press(gesture *g, uint64_t now) {
    if (g->phase != PHASE_PRESS || g->long_fired) return;
    if (elapsed(now, g->t0) < g->cfg.long_press_ms) return;
    g->long_fired = 1;
    gesture_ptr *p = find_ptr(g, g->primary);
    emit_at(g, GESTURE_LONG_PRESS, p ? p->x : g->x0, p ? p->y : g->y0, now);
}

static void pinch_emit(gesture *g, gesture_type type, uint64_t t) {
    gesture_ptr *a = find_ptr(g, g->primary), *b = find_ptr(g, g->secondary);
    if (!a || !b) return;
    gesture_event ev = { .type = type, .x = (a->x + b->x) / 2, .y = (a->y + b->y) / 2, .t = t };
    ev.scale = dist(a->x, a->y, b->x, b->y) / g->pinch_d0;
    emit(g, &ev);
}

/* The primary pointer moved to (x, y): start or continue a drag. */
static void primary_moved(gesture *g, float x, float y, uint64_t t) {
    hist_add(g, x, y, t);
    if (g->phase == PHASE_PRESS) {
        if (dist(x, y, g->x0, g->y0) <= px(g, g->cfg.tap_slop)) return;
        g->phase = PHASE_DRAG;
        g->have_tap = 0;
        emit_at(g, GESTURE_DRAG_BEGIN, g->x0, g->y0, t);
        g->rx = g->x0, g->ry = g->y0;   /* first DRAG includes the slop: no jump */
    }
    if (g->phase != PHASE_DRAG || (x == g->rx && y == g->ry)) return;
    gesture_event ev = { .type = GESTURE_DRAG, .x = x, .y = y,
                         .dx = x - g->rx, .dy = y - g->ry, .t = t };
    g->rx = x, g->ry = y;
    emit(g, &ev);
}

void gesture_down(gesture *g, int id, float x, float y, uint64_t t) {
    assert(g);
    if (find_ptr(g, id)) { gesture_move(g, id, x, y, t); return; }  /* lost up */
    if (g->nptr == GESTURE_MAX_PTRS) return;
    g->ptr[g->nptr++] = (gesture_ptr){ id, x, y };
    if (g->nptr == 1) {
        g->phase = PHASE_PRESS;
        g->primary = id;
        g->x0 = x, g->y0 = y, g->t0 = t;
        g->long_fired = 0;
        g->nhist = 0;
        hist_add(g, x, y, t);
        emit_at(g, GESTURE_TOUCH_BEGIN, x, y, t);
        return;
    }
    if (g->phase != PHASE_PRESS && g->phase != PHASE_DRAG) return;   /* 3rd+ pointer */
    if (g->phase == PHASE_DRAG) {
        gesture_event end = { .type = GESTURE_DRAG_END, .x = g->rx, .y = g->ry, .t = t };
        emit(g, &end);
    }
    g->have_tap = 0;
    g->phase = PHASE_PINCH;
    g->secondary = id;
    gesture_ptr *a = find_ptr(g, g->primary);
    g->pinch_d0 = dist(a->x, a->y, x, y);
    if (g->pinch_d0 < 1.0f) g->pinch_d0 = 1.0f;
    pinch_emit(g, GESTURE_PINCH_BEGIN, t);
}

void gesture_move(gesture *g, int id, float x, float y, uint64_t t) {
    assert(g);
    gesture_ptr *p = find_ptr(g, id);
    if (!p) return;                         /* hover, or an ignored pointer */
    p->x = x, p->y = y;
    if (g->phase == PHASE_PINCH) {
        if (id == g->primary || id == g->secondary) pinch_emit(g, GESTURE_PINCH, t);
        return;
    }
    if (id != g->primary) return;
    check_long_press(g, t);
    primary_moved(g, x, y, t);
}

/* The swipe test: a quick, long enough, mostly one-axis movement. */
static gesture_dir swipe_dir(const gesture *g, float x, float y, uint64_t t, float *speed) {
    float dx = x - g->x0, dy = y - g->y0, ax = fabsf(dx), ay = fabsf(dy);
    float along = ax > ay ? ax : ay, cross = ax > ay ? ay : ax;
    float ms = elapsed(t, g->t0);
    if (ms > g->cfg.swipe_max_ms || along < px(g, g->cfg.swipe_min_dist)) return GESTURE_DIR_NONE;
    if (along < g->cfg.swipe_axis_ratio * cross) return GESTURE_DIR_NONE;
    *speed = along * 1000.0f / (ms < 1.0f ? 1.0f : ms);
    if (ax > ay) return dx < 0 ? GESTURE_LEFT : GESTURE_RIGHT;
    return dy < 0 ? GESTURE_UP : GESTURE_DOWN;
}

static void end_drag(gesture *g, float x, float y, uint64_t t) {
    gesture_event ev = { .type = GESTURE_DRAG_END, .x = x, .y = y, .t = t };
    hist_velocity(g, &ev.vx, &ev.vy);
    emit(g, &ev);
    float speed = 0;
    gesture_dir d = swipe_dir(g, x, y, t, &speed);
    if (d == GESTURE_DIR_NONE) return;
    gesture_event sw = { .type = GESTURE_SWIPE, .x = x, .y = y, .dir = d, .velocity = speed, .t = t };
    emit(g, &sw);
}

static void end_press(gesture *g, float x, float y, uint64_t t) {
    check_long_press(g, t);     /* held long but no tick came: still a long press */
    if (g->long_fired) { g->have_tap = 0; return; }
    if (g->have_tap && g->t0 >= g->tap_up && elapsed(g->t0, g->tap_up) <= g->cfg.double_tap_ms &&
        dist(x, y, g->tap_x, g->tap_y) <= px(g, g->cfg.double_tap_dist)) {
        g->have_tap = 0;
        emit_at(g, GESTURE_DOUBLE_TAP, x, y, t);
        return;
    }
    g->have_tap = 1;
    g->tap_x = x, g->tap_y = y, g->tap_up = t;
    emit_at(g, GESTURE_TAP, x, y, t);
}

void gesture_up(gesture *g, int id, float x, float y, uint64_t t) {
    assert(g);
    gesture_ptr *p = find_ptr(g, id);
    if (!p) return;
    if (id == g->primary && (g->phase == PHASE_PRESS || g->phase == PHASE_DRAG)) {
        p->x = x, p->y = y;
        primary_moved(g, x, y, t);          /* the up point may leave the slop */
        if (g->phase == PHASE_DRAG) end_drag(g, x, y, t);
        else end_press(g, g->x0, g->y0, t);
    } else if (g->phase == PHASE_PINCH && (id == g->primary || id == g->secondary)) {
        p->x = x, p->y = y;
        pinch_emit(g, GESTURE_PINCH_END, t);
        g->phase = PHASE_DONE;
    }
    *p = g->ptr[--g->nptr];                 /* unordered remove */
    if (g->nptr > 0) {
        if (g->phase == PHASE_PRESS || g->phase == PHASE_DRAG) g->phase = PHASE_DONE;
        return;
    }
    g->phase = PHASE_IDLE;
    emit_at(g, GESTURE_TOUCH_END, x, y, t);
}

void gesture_wheel(gesture *g, float dx, float dy, uint64_t t) {
    assert(g);
    gesture_event ev = { .type = GESTURE_WHEEL, .dx = dx, .dy = dy, .t = t };
    emit(g, &ev);
}

void gesture_tick(gesture *g, uint64_t now) {
    assert(g);
    check_long_press(g, now);
}

void gesture_cancel(gesture *g, uint64_t t) {
    assert(g);
    if (g->nptr == 0) return;
    if (g->phase == PHASE_DRAG) {
        gesture_event ev = { .type = GESTURE_DRAG_END, .x = g->rx, .y = g->ry, .t = t };
        emit(g, &ev);
    } else if (g->phase == PHASE_PINCH) {
        pinch_emit(g, GESTURE_PINCH_END, t);
    }
    emit_at(g, GESTURE_TOUCH_END, g->ptr[0].x, g->ptr[0].y, t);
    g->nptr = 0;
    g->phase = PHASE_IDLE;
    g->have_tap = 0;
}

int gesture_poll(gesture *g, gesture_event *ev) {
    assert(g && ev);
    if (g->qhead == g->qtail) return 0;
    *ev = g->q[g->qhead++ & (GESTURE_QUEUE_LEN - 1)];
    return 1;
}

int gesture_busy(const gesture *g) { return g->nptr; }
unsigned gesture_dropped(const gesture *g) { return g->dropped; }

const char *gesture_type_name(gesture_type t) {
    static const char *const names[GESTURE_TYPE_COUNT] = {
        "none", "touch_begin", "touch_end", "tap", "double_tap", "long_press", "swipe",
        "drag_begin", "drag", "drag_end", "pinch_begin", "pinch", "pinch_end", "wheel",
    };
    return (unsigned)t < GESTURE_TYPE_COUNT ? names[t] : "?";
}

/* ---- kinetic scroller ----------------------------------------------------
** Integrated in fixed 1 ms steps (16 per frame at 60 Hz: trivial), so the
** result does not depend on the frame rate. In range: v *= decay each ms.
** Out of range: a critically damped spring pulls pos back to the end,
** a = -w^2 * over - 2w * v, which returns without oscillating. */

#define SCROLL_MAX_STEP_MS 1000u    /* a longer gap (suspend, debugger) is cut to this */

void scroll_config_default(scroll_config *cfg) {
    cfg->decay_per_ms = 0.997f;     /* per ms: coasting distance ~ 333 ms x release velocity */
    cfg->stop_velocity = 0.02f;     /* px/ms = 20 px/s */
    cfg->spring_per_ms = 0.02f;     /* 1/ms: back within ~250 ms */
    cfg->drag_resist = 0.5f;        /* half the finger movement at the very end */
}

void scroll_init(scroll *s, float min, float max, float rubber_px, const scroll_config *cfg) {
    assert(s);
    memset(s, 0, sizeof *s);
    if (cfg) s->cfg = *cfg;
    else scroll_config_default(&s->cfg);
    s->rubber_px = rubber_px > 1.0f ? rubber_px : 1.0f;
    scroll_set_range(s, min, max);
    s->pos = s->min;
}

void scroll_set_range(scroll *s, float min, float max) {
    s->min = min;
    s->max = max >= min ? max : min;    /* content shorter than the view: one resting point */
}

static float scroll_over(const scroll *s) {
    if (s->pos < s->min) return s->pos - s->min;
    if (s->pos > s->max) return s->pos - s->max;
    return 0;
}

void scroll_grab(scroll *s, uint64_t now) {
    s->held = 1;
    s->vel = 0;
    s->last = now;
}

void scroll_drag(scroll *s, float delta) {
    float over = scroll_over(s);
    if ((over < 0 && delta < 0) || (over > 0 && delta > 0) ||
        (over == 0 && (s->pos + delta < s->min || s->pos + delta > s->max))) {
        /* Moving outward past an end: the in-range part moves freely, the
        ** rest with resistance that falls to 0 at rubber_px. */
        float end = delta < 0 ? s->min : s->max;
        float free_part = over == 0 ? end - s->pos : 0;
        float rest = delta - free_part;
        float cur = fabsf(over);
        float k = s->cfg.drag_resist * (1.0f - cur / s->rubber_px);
        if (k < 0) k = 0;
        float add = fabsf(rest) * k;
        if (cur + add > s->rubber_px) add = s->rubber_px - cur;
        s->pos = end + (delta < 0 ? -(cur + add) : (cur + add));
        return;
    }
    s->pos += delta;
}

void scroll_release(scroll *s, float velocity_px_s, uint64_t now) {
    s->held = 0;
    s->vel = velocity_px_s / 1000.0f;
    s->last = now;
}

void scroll_fling_to(scroll *s, float target, uint64_t now) {
    if (target < s->min) target = s->min;
    if (target > s->max) target = s->max;
    /* Discrete coasting: sum of v*d^k for k>=1 = v*d/(1-d). */
    float d = s->cfg.decay_per_ms;
    s->held = 0;
    s->vel = (target - s->pos) * (1.0f - d) / d;
    s->last = now;
    /* The last stop_velocity worth of travel is cut: land exactly instead. */
    if (fabsf(s->vel) < s->cfg.stop_velocity) { s->pos = target; s->vel = 0; }
}

static void scroll_step_ms(scroll *s) {
    float over = scroll_over(s);
    if (over == 0) {
        s->vel *= s->cfg.decay_per_ms;
        s->pos += s->vel;
        if (scroll_over(s) == 0 && fabsf(s->vel) < s->cfg.stop_velocity) s->vel = 0;
        return;
    }
    float w = s->cfg.spring_per_ms;
    s->vel += -w * w * over - 2.0f * w * s->vel;
    s->pos += s->vel;
    float now_over = scroll_over(s);
    if (fabsf(now_over) > s->rubber_px) {           /* fling hit the band's limit */
        s->pos = (now_over < 0 ? s->min - s->rubber_px : s->max + s->rubber_px);
        s->vel = 0;
    } else if ((over < 0) != (now_over < 0) || now_over == 0 ||
               (fabsf(now_over) < 0.5f && fabsf(s->vel) < s->cfg.stop_velocity)) {
        s->pos = over < 0 ? s->min : s->max;        /* arrived back at the end */
        s->vel = 0;
    }
}

int scroll_step(scroll *s, uint64_t now) {
    assert(s);
    uint64_t dt = now > s->last ? now - s->last : 0;
    s->last = now;
    if (s->held) return 1;
    if (dt > SCROLL_MAX_STEP_MS) dt = SCROLL_MAX_STEP_MS;
    for (uint64_t i = 0; i < dt && (s->vel != 0 || scroll_over(s) != 0); i++)
        scroll_step_ms(s);
    if (s->vel == 0 && scroll_over(s) == 0) return 0;
    return 1;
}
