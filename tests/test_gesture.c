/* tests/test_gesture.c: the recognizer on scripted pointer sequences, and
** the kinetic scroller. Screen short side 1000 px, so with the defaults:
** tap slop 25 px, swipe >= 80 px in <= 400 ms, double tap 300 ms / 60 px,
** long press 600 ms, fling >= 250 px/s. */
#include "app/gesture.h"
#include "t.h"

#include <math.h>

#define SIDE 1000
#define M GESTURE_MOUSE_ID

/* One raw input: d(own) m(ove) u(p) w(heel: x,y = dx,dy) k (tick) c(ancel). */
typedef struct raw { char op; int id; float x, y; uint64_t t; } raw;

enum { TB = GESTURE_TOUCH_BEGIN, TE = GESTURE_TOUCH_END, TAP = GESTURE_TAP,
       DTAP = GESTURE_DOUBLE_TAP, LP = GESTURE_LONG_PRESS, SW = GESTURE_SWIPE,
       DB = GESTURE_DRAG_BEGIN, DR = GESTURE_DRAG, DE = GESTURE_DRAG_END,
       PB = GESTURE_PINCH_BEGIN, PI = GESTURE_PINCH, PE = GESTURE_PINCH_END,
       WH = GESTURE_WHEEL };

typedef struct gcase {
    const char *name;
    gesture_dir dir;        /* expected dir of the SWIPE, if any */
    float scale;            /* expected scale of the last PINCH*, 0 = unchecked */
    raw in[16];             /* ends at op 0 */
    int want[16];           /* gesture types in order; ends at 0 */
} gcase;

static const gcase cases[] = {
    { "tap", 0, 0, { {'d',0,100,100,1000}, {'u',0,100,100,1080} }, { TB, TAP, TE } },
    { "tap with jitter inside the slop", 0, 0,
      { {'d',0,100,100,1000}, {'m',0,110,92,1020}, {'m',0,88,115,1040}, {'u',0,101,101,1080} },
      { TB, TAP, TE } },
    { "moved beyond the slop: drag, no tap", 0, 0,
      { {'d',0,100,100,1000}, {'m',0,140,100,1300}, {'u',0,140,100,1400} },
      { TB, DB, DR, DE, TE } },
    { "double tap: TAP then DOUBLE_TAP, never two TAPs", 0, 0,
      { {'d',0,100,100,1000}, {'u',0,100,100,1060}, {'d',0,120,110,1250}, {'u',0,120,110,1300} },
      { TB, TAP, TE, TB, DTAP, TE } },
    { "second tap too late: two taps", 0, 0,
      { {'d',0,100,100,1000}, {'u',0,100,100,1060}, {'d',0,100,100,1361}, {'u',0,100,100,1400} },
      { TB, TAP, TE, TB, TAP, TE } },
    { "second tap too far: two taps", 0, 0,
      { {'d',0,100,100,1000}, {'u',0,100,100,1060}, {'d',0,200,100,1100}, {'u',0,200,100,1150} },
      { TB, TAP, TE, TB, TAP, TE } },
    { "triple tap: TAP, DOUBLE_TAP, TAP", 0, 0,
      { {'d',0,100,100,1000}, {'u',0,100,100,1050}, {'d',0,100,100,1100}, {'u',0,100,100,1150},
        {'d',0,100,100,1200}, {'u',0,100,100,1250} },
      { TB, TAP, TE, TB, DTAP, TE, TB, TAP, TE } },
    { "long press fires on tick while held, no tap on up", 0, 0,
      { {'d',0,300,300,1000}, {'k',0,0,0,1599}, {'k',0,0,0,1600}, {'k',0,0,0,1700}, {'u',0,302,300,2500} },
      { TB, LP, TE } },
    { "a tick from a clock that stepped back is no long press", 0, 0,
      { {'d',0,300,300,5000}, {'k',0,0,0,1000}, {'u',0,300,300,5050} }, { TB, TAP, TE } },
    { "long press without ticks still fires at up", 0, 0,
      { {'d',0,300,300,1000}, {'u',0,300,300,1700} }, { TB, LP, TE } },
    { "long press then drag still scrolls", 0, 0,
      { {'d',0,300,300,1000}, {'k',0,0,0,1650}, {'m',0,300,400,2000}, {'u',0,300,400,2600} },
      { TB, LP, DB, DR, DE, TE } },
    { "swipe left", GESTURE_LEFT, 0,
      { {'d',0,500,500,1000}, {'m',0,450,502,1050}, {'m',0,350,505,1100}, {'u',0,300,505,1150} },
      { TB, DB, DR, DR, DR, DE, SW, TE } },
    { "swipe right", GESTURE_RIGHT, 0,
      { {'d',0,500,500,1000}, {'m',0,600,498,1050}, {'u',0,700,490,1120} },
      { TB, DB, DR, DR, DE, SW, TE } },
    { "swipe up", GESTURE_UP, 0,
      { {'d',0,500,500,1000}, {'m',0,505,400,1050}, {'u',0,510,300,1100} },
      { TB, DB, DR, DR, DE, SW, TE } },
    { "swipe down", GESTURE_DOWN, 0,
      { {'d',0,500,500,1000}, {'m',0,495,600,1050}, {'u',0,490,700,1100} },
      { TB, DB, DR, DR, DE, SW, TE } },
    { "swipe with no move events between down and up", GESTURE_LEFT, 0,
      { {'d',0,500,500,1000}, {'u',0,300,500,1080} }, { TB, DB, DR, DE, SW, TE } },
    { "slow drag over the same distance is not a swipe", 0, 0,
      { {'d',0,500,500,1000}, {'m',0,450,500,1300}, {'m',0,350,500,1600}, {'u',0,300,500,1900} },
      { TB, DB, DR, DR, DR, DE, TE } },
    { "diagonal flick is not a swipe", 0, 0,
      { {'d',0,500,500,1000}, {'u',0,650,620,1100} }, { TB, DB, DR, DE, TE } },
    { "short flick is not a swipe", 0, 0,
      { {'d',0,500,500,1000}, {'u',0,440,500,1050} }, { TB, DB, DR, DE, TE } },
    { "pinch out", 0, 1.5f,
      { {'d',0,400,500,1000}, {'d',1,600,500,1010}, {'m',1,700,500,1050}, {'u',1,700,500,1100},
        {'u',0,400,500,1120} },
      { TB, PB, PI, PE, TE } },
    { "pinch in, the other finger lifts first", 0, 0.5f,
      { {'d',0,300,500,1000}, {'d',1,700,500,1010}, {'m',0,400,500,1050}, {'m',1,600,500,1060},
        {'u',0,400,500,1100}, {'m',1,650,500,1110}, {'u',1,650,500,1120} },
      { TB, PB, PI, PI, PE, TE } },
    { "second finger ends a drag and starts a pinch", 0, 0,
      { {'d',0,100,100,1000}, {'m',0,100,200,1200}, {'d',1,300,200,1300}, {'u',1,300,200,1400},
        {'u',0,100,200,1500} },
      { TB, DB, DR, DE, PB, PE, TE } },
    { "third finger is ignored", 0, 1.0f,
      { {'d',0,400,500,1000}, {'d',1,600,500,1010}, {'d',2,900,900,1020}, {'m',2,100,100,1030},
        {'u',2,100,100,1040}, {'u',0,400,500,1050}, {'u',1,600,500,1060} },
      { TB, PB, PE, TE } },
    { "mouse as one finger: tap", 0, 0,
      { {'d',M,50,60,1000}, {'u',M,50,60,1050} }, { TB, TAP, TE } },
    { "mouse as one finger: swipe", GESTURE_LEFT, 0,
      { {'d',M,500,500,1000}, {'m',M,400,500,1040}, {'u',M,300,500,1080} },
      { TB, DB, DR, DR, DE, SW, TE } },
    { "mouse hover (move without down) is nothing", 0, 0,
      { {'m',M,10,10,1000}, {'m',M,500,10,1010}, {'u',M,500,10,1020} }, { 0 } },
    { "wheel", 0, 0, { {'w',0,0,-3,1000}, {'w',0,1,0,1010} }, { WH, WH } },
    { "cancel mid-drag ends the drag and the touch", 0, 0,
      { {'d',0,100,100,1000}, {'m',0,100,300,1100}, {'c',0,0,0,1200}, {'u',0,100,300,1300} },
      { TB, DB, DR, DE, TE } },
};

static int feed(gesture *g, const raw *r) {
    switch (r->op) {
    case 'd': gesture_down(g, r->id, r->x, r->y, r->t); return 1;
    case 'm': gesture_move(g, r->id, r->x, r->y, r->t); return 1;
    case 'u': gesture_up(g, r->id, r->x, r->y, r->t); return 1;
    case 'w': gesture_wheel(g, r->x, r->y, r->t); return 1;
    case 'k': gesture_tick(g, r->t); return 1;
    case 'c': gesture_cancel(g, r->t); return 1;
    default: return 0;
    }
}

static void test_table(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const gcase *c = &cases[i];
        t_current = c->name;
        gesture *g = gesture_create(NULL, SIDE);
        int got[64], n = 0;
        gesture_dir dir = GESTURE_DIR_NONE;
        float scale = 0;
        gesture_event ev;
        for (const raw *r = c->in; feed(g, r); r++)     /* poll after each input, as a frame would */
            while (gesture_poll(g, &ev) && n < 64) {
                got[n++] = ev.type;
                if (ev.type == GESTURE_SWIPE) dir = ev.dir;
                if (ev.type >= GESTURE_PINCH_BEGIN && ev.type <= GESTURE_PINCH_END) scale = ev.scale;
            }
        int nwant = 0;
        while (nwant < 16 && c->want[nwant]) nwant++;
        T_INT(n, nwant);
        for (int k = 0; k < n && k < nwant; k++)
            if (got[k] != c->want[k])
                T_FAIL_("event %d is %s, want %s", k, gesture_type_name(got[k]),
                        gesture_type_name(c->want[k]));
        T_INT(dir, c->dir);
        if (c->scale > 0) T_OK(fabsf(scale - c->scale) < 0.01f);
        T_INT(gesture_busy(g), 0);
        gesture_destroy(g);
    }
}

/* Drain and return the last event of the given type (type NONE if absent). */
static gesture_event last_of(gesture *g, gesture_type type) {
    gesture_event ev, found = { 0 };
    while (gesture_poll(g, &ev))
        if (ev.type == type) found = ev;
    return found;
}

static void test_drag_velocity(void) {
    gesture *g = gesture_create(NULL, SIDE);
    /* 10 px every 10 ms downward = 1000 px/s */
    gesture_down(g, 0, 200, 100, 1000);
    for (int k = 1; k <= 30; k++) gesture_move(g, 0, 200, 100 + 10.0f * k, 1000 + 10u * k);
    gesture_up(g, 0, 200, 410, 1310);
    gesture_event e = last_of(g, GESTURE_DRAG_END);
    T_INT(e.type, GESTURE_DRAG_END);
    T_OK(fabsf(e.vy - 1000.0f) < 20.0f);
    T_OK(fabsf(e.vx) < 1.0f);

    /* The same drag, but the finger rests 200 ms before lifting: no fling. */
    gesture_down(g, 0, 200, 100, 2000);
    for (int k = 1; k <= 30; k++) gesture_move(g, 0, 200, 100 + 10.0f * k, 2000 + 10u * k);
    gesture_up(g, 0, 200, 400, 2500);
    e = last_of(g, GESTURE_DRAG_END);
    T_OK(e.vx == 0 && e.vy == 0);

    /* Very slow release: below fling_min_velocity reports 0. */
    gesture_down(g, 0, 200, 100, 3000);
    for (int k = 1; k <= 40; k++) gesture_move(g, 0, 200, 100 + 1.0f * k, 3000 + 10u * k);
    gesture_up(g, 0, 200, 141, 3410);
    e = last_of(g, GESTURE_DRAG_END);
    T_OK(e.vx == 0 && e.vy == 0);
    gesture_destroy(g);
}

static void test_drag_deltas_sum(void) {
    /* DRAG deltas add up to the finger's whole movement (the slop is not lost),
    ** also when unread DRAG events merge in the queue. */
    gesture *g = gesture_create(NULL, SIDE);
    gesture_down(g, 0, 100, 100, 1000);
    for (int k = 1; k <= 200; k++) gesture_move(g, 0, 100 + k, 100 - k * 0.5f, 1000 + 5u * k);
    gesture_up(g, 0, 300, 0, 2100);
    gesture_event ev;
    float sx = 0, sy = 0;
    int ndrag = 0;
    while (gesture_poll(g, &ev))
        if (ev.type == GESTURE_DRAG) { sx += ev.dx; sy += ev.dy; ndrag++; }
    T_OK(fabsf(sx - 200) < 0.01f && fabsf(sy + 100) < 0.01f);
    T_INT(ndrag, 1);                /* merged: nobody polled */
    T_INT(gesture_dropped(g), 0);
    gesture_destroy(g);
}

static void test_thresholds_scale_with_screen(void) {
    /* 40 px is beyond the slop on a 1000 px screen but within it on 2000 px. */
    gesture *g = gesture_create(NULL, 2000);
    gesture_down(g, 0, 100, 100, 1000);
    gesture_up(g, 0, 140, 100, 1050);
    T_INT(last_of(g, GESTURE_TAP).type, GESTURE_TAP);
    gesture_set_screen(g, 1000);
    gesture_down(g, 0, 100, 500, 2000);
    gesture_up(g, 0, 140, 500, 2050);
    T_INT(last_of(g, GESTURE_TAP).type, GESTURE_NONE);
    gesture_destroy(g);
}

static void test_config(void) {
    gesture_config c;
    gesture_config_default(&c);
    T_OK(c.long_press_ms == 600.0f);
    T_INT(gesture_config_set(&c, "long_press_ms", 900), 0);
    T_OK(c.long_press_ms == 900.0f);
    T_INT(gesture_config_set(&c, "long_press_ms", -5), -1);
    T_INT(gesture_config_set(&c, "long_press_ms", NAN), -1);
    T_INT(gesture_config_set(&c, "no_such_thing", 1), -1);
    T_OK(c.long_press_ms == 900.0f);
    /* An overridden value takes effect: held 700 ms is now a tap. */
    gesture *g = gesture_create(&c, SIDE);
    gesture_down(g, 0, 10, 10, 1000);
    gesture_tick(g, 1700);
    gesture_up(g, 0, 10, 10, 1700);
    T_INT(last_of(g, GESTURE_TAP).type, GESTURE_TAP);
    gesture_destroy(g);
    gesture_destroy(NULL);
}

static void test_queue_overflow(void) {
    gesture *g = gesture_create(NULL, SIDE);
    for (int k = 0; k < GESTURE_QUEUE_LEN + 10; k++) gesture_wheel(g, 0, 1, 1000 + (uint64_t)k);
    T_INT(gesture_dropped(g), 10);
    gesture_event ev;
    int n = 0;
    while (gesture_poll(g, &ev)) n++;
    T_INT(n, GESTURE_QUEUE_LEN);
    gesture_destroy(g);
}

/* ---- scroller ------------------------------------------------------------ */

/* Step at 60 Hz until at rest; returns ms taken (or -1 after 10 s). */
static int run_until_rest(scroll *s, uint64_t *now, float *lo, float *hi) {
    for (int ms = 0; ms <= 10000; ms += 16) {
        *now += 16;
        int moving = scroll_step(s, *now);
        if (s->pos < *lo) *lo = s->pos;
        if (s->pos > *hi) *hi = s->pos;
        if (!moving) return ms;
    }
    return -1;
}

static void test_scroll_decay(void) {
    scroll s;
    scroll_init(&s, 0, 10000, 150, NULL);
    uint64_t now = 5000;
    scroll_grab(&s, now);
    T_INT(scroll_step(&s, now + 16), 1);        /* held: keep drawing */
    scroll_drag(&s, 100);
    T_OK(s.pos == 100);
    scroll_release(&s, 2000, now);              /* 2 px/ms */
    float lo = 1e9f, hi = -1e9f;
    int ms = run_until_rest(&s, &now, &lo, &hi);
    T_OK(ms > 0 && ms < 3000);
    /* Coasts about v * d / (1 - d) = 665 px, less the last bit below stop velocity. */
    T_OK(s.pos > 100 + 600 && s.pos < 100 + 700);
    T_OK(s.vel == 0);
    T_INT(scroll_step(&s, now + 1000), 0);      /* stays at rest */
}

static void test_scroll_rubber_band(void) {
    scroll s;
    scroll_init(&s, 0, 1000, 150, NULL);
    uint64_t now = 5000;
    scroll_grab(&s, now);
    scroll_drag(&s, -100);
    T_OK(s.pos < 0 && s.pos > -100);            /* resistance: less than the finger */
    for (int k = 0; k < 50; k++) scroll_drag(&s, -100);
    T_OK(s.pos >= -150 && s.pos < -100);        /* never beyond rubber_px */
    scroll_drag(&s, 30);                        /* back inward: follows */
    float lo = 1e9f, hi = -1e9f;
    scroll_release(&s, 0, now);
    int ms = run_until_rest(&s, &now, &lo, &hi);
    T_OK(ms >= 0 && ms < 1000);
    T_OK(s.pos == 0);
    T_OK(hi <= 0 && lo >= -150);                /* no bounce past the end */

    /* A fling past the far end overshoots within the band, then settles at max. */
    s.pos = 900;
    scroll_release(&s, 3000, now);
    lo = 1e9f, hi = -1e9f;
    ms = run_until_rest(&s, &now, &lo, &hi);
    T_OK(ms >= 0 && ms < 2000);
    T_OK(s.pos == 1000);
    T_OK(hi > 1000 && hi <= 1150);
}

static void test_scroll_range_and_fling_to(void) {
    scroll s;
    scroll_init(&s, 0, 2000, 100, NULL);
    uint64_t now = 1000;
    scroll_fling_to(&s, 1200, now);
    float lo = 1e9f, hi = -1e9f;
    T_OK(run_until_rest(&s, &now, &lo, &hi) >= 0);
    T_OK(fabsf(s.pos - 1200) < 8.0f);           /* within the stop-velocity tail */
    scroll_fling_to(&s, 99999, now);            /* clamped to max */
    T_OK(run_until_rest(&s, &now, &lo, &hi) >= 0);
    T_OK(fabsf(s.pos - 2000) < 8.0f && s.pos <= 2000);
    /* Content shrank: springs back into the new range. */
    scroll_set_range(&s, 0, 500);
    T_INT(scroll_step(&s, now + 1), 1);
    T_OK(run_until_rest(&s, &now, &lo, &hi) >= 0);
    T_OK(s.pos == 500);
    /* max < min (content shorter than the view): one resting point. */
    scroll_set_range(&s, 0, -300);
    T_OK(s.max == 0);
}

int main(void) {
    T_RUN(test_table);
    T_RUN(test_drag_velocity);
    T_RUN(test_drag_deltas_sum);
    T_RUN(test_thresholds_scale_with_screen);
    T_RUN(test_config);
    T_RUN(test_queue_overflow);
    T_RUN(test_scroll_decay);
    T_RUN(test_scroll_rubber_band);
    T_RUN(test_scroll_range_and_fling_to);
    return T_DONE();
}
