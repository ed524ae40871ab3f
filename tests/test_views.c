/*
** tests/test_views.c: the Quote and Timeline screens driven directly (no
** app, no ui glue): created, prepared and drawn with SDL's software
** renderer on the fixed database of tests/fixtures/views/fixture.sql.
** Checks hit tests (source line -> its article, events -> event + article,
** zoom buttons, Back/Home), index wrapping, drag with inertia, pinch about
** its centre, animated zoom steps, wheel, that draw / gesture / update
** allocate nothing, and golden shots at 800x480, 1920x1080 and 1080x1920
** compared like tests/test_golden.c (same tolerances).
**
**   VITRINE_GOLDEN_UPDATE=1 build/tests/test_views    regenerate tests/golden/views/
**                                                     (then LOOK at every image)
*/
#include "app/alloc.h"
#include "app/config.h"
#include "app/render.h"
#include "app/screen.h"
#include "app/ui_chrome.h"
#include "app/ui_timeline_model.h"
#include "app/ui.h"
#include "app/ui_views.h"
#include "common/util.h"
#include "fixture.h"
#include "golden.h"
#include "t.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if !defined(__SANITIZE_ADDRESS__)
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t s);
extern void *__libc_realloc(void *p, size_t n);
void *malloc(size_t n) { alloc_note(); return __libc_malloc(n); }
void *calloc(size_t n, size_t s) { alloc_note(); return __libc_calloc(n, s); }
void *realloc(void *p, size_t n) { alloc_note(); return __libc_realloc(p, n); }
#endif

#define GOLDEN_DIR "tests/golden/views"

static char tmpdir[64], dbpath[96];
static config cfg;
static font_lib *fonts;
static store *st;

typedef struct canvas { SDL_Surface *surf; SDL_Renderer *r; int w, h; } canvas;

static int build_db(void)
{
    return fixture_db("views", dbpath);
}

static void canvas_open(canvas *c, int w, int h)
{
    c->w = w;
    c->h = h;
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c->r = SDL_CreateSoftwareRenderer(c->surf);
}

static void canvas_close(canvas *c)
{
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surf);
}

static screen_ctx ctx_for(const canvas *c)
{
    return (screen_ctx){ c->r, fonts, st, "", &cfg, 0, 0 };
}

static void frame(const canvas *c, screen *s)
{
    render_clear(c->r, cfg.color_bg);
    s->vt->draw(s, c->r, 0, 255);
    SDL_RenderPresent(c->r);
}

/* golden_compare with the file b_path (as test_golden.c): 1 match. */
static int compare(SDL_Surface *a, const char *b_path, char *why, size_t n)
{
    SDL_Surface *b = golden_load(b_path);
    golden_stat gs;
    int r = golden_compare(a, b, &gs);
    golden_describe(&gs, r, why, n);
    SDL_FreeSurface(b);
    return r;
}

static void shot(const canvas *c, const char *name)
{
    char want[256], got[256];
    snprintf(want, sizeof want, "%s/%s", GOLDEN_DIR, name);
    snprintf(got, sizeof got, "%s/%s", tmpdir, name);
    IMG_SavePNG(c->surf, got);
    if (getenv("VITRINE_GOLDEN_UPDATE")) {
        T_OK(IMG_SavePNG(c->surf, want) == 0);
        printf("updated %s\n", want);
        return;
    }
    char why[160];
    if (compare(c->surf, want, why, sizeof why) != 1)
        T_FAIL_("%s: %s; see %s", name, why, got);
    else
        t_passed++;
}

static screen *prepared(const canvas *c, screen *s)
{
    screen_ctx x = ctx_for(c);
    T_INT(s->vt->prepare(s, &x, c->w, c->h), 0);
    frame(c, s);
    return s;
}

/* Scan the screen on a grid for a tap target; 1 with the event when found. */
static int find_target(screen *s, int w, int h, ui_target t, ui_event *out, float *fx, float *fy)
{
    for (int y = 0; y < h; y += 4)
        for (int x = 0; x < w; x += 4) {
            screen_hit(s, (float)x, (float)y, out);
            if (out->target == t) {
                if (fx) *fx = (float)x;
                if (fy) *fy = (float)y;
                return 1;
            }
        }
    return 0;
}

/* ---- quote --------------------------------------------------------------- */

static const struct { int quote, article; } quote_src[] = {
    /* store_quotes order q0..q5 (by article id); articles newest first: 10->0, 20->1, 30->2, 40->3 */
    {0, 0}, {1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {6, 0}, {-1, 3}, {-7, 3},
};

static void test_quote_hits(void)
{
    canvas c;
    canvas_open(&c, 800, 480);
    for (size_t i = 0; i < sizeof quote_src / sizeof quote_src[0]; i++) {
        screen *s = prepared(&c, ui_quote_create(quote_src[i].quote));
        ui_event ev;
        T_OK(find_target(s, c.w, c.h, UI_TGT_ARTICLE_SOURCE, &ev, NULL, NULL));
        T_INT(ev.index, quote_src[i].article);
        T_OK(find_target(s, c.w, c.h / 4, UI_TGT_BACK, &ev, NULL, NULL));
        T_OK(find_target(s, c.w, c.h / 4, UI_TGT_HOME, &ev, NULL, NULL));
        screen_hit(s, c.w / 2.0f, c.h * 0.35f, &ev);            /* the quote itself: nothing */
        T_INT(ev.target, UI_TGT_NONE);
        /* the ‹ › buttons of the Article screen, bottom left and right */
        T_OK(find_target(s, c.w / 4, c.h, UI_TGT_PREV, &ev, NULL, NULL));
        T_OK(find_target(s, c.w, c.h, UI_TGT_NEXT, &ev, NULL, NULL));
        screen_destroy(s);
    }
    /* wrapping: 6 is 0, -1 is 5 (same pixels) */
    screen *a = prepared(&c, ui_quote_create(0));
    SDL_Surface *pa = SDL_DuplicateSurface(c.surf);
    screen_destroy(a);
    screen *b = prepared(&c, ui_quote_create(6));
    int same = memcmp(pa->pixels, c.surf->pixels, (size_t)pa->pitch * pa->h) == 0;
    T_OK(same);
    screen_destroy(b);
    b = prepared(&c, ui_quote_create(1));
    T_OK(memcmp(pa->pixels, c.surf->pixels, (size_t)pa->pitch * pa->h) != 0);
    screen_destroy(b);
    SDL_FreeSurface(pa);
    canvas_close(&c);
}

/* ---- timeline ------------------------------------------------------------ */

static int run_until_rest(screen *s, uint32_t *now, int max_frames);

static void test_timeline_hits(void)
{
    canvas c;
    canvas_open(&c, 1920, 1080);
    screen *s = prepared(&c, ui_timeline_create(-1));
    const ui_tlm *m = ui_timeline_model(s);
    T_OK(m != NULL);
    /* 11 events: the flood day of two articles merges (+ the same-article
    ** second text stays apart), the June 2022 budget debate merges: 9 items */
    T_INT(ui_tlm_count(m), 9);
    double ppd, left;
    ui_timeline_view(s, &ppd, &left);
    const ui_tlm_geom *g = ui_tlm_geometry(m);
    int merged = 0, spans = 0;
    for (int i = 0; i < ui_tlm_count(m); i++) {
        const ui_tlm_item *it = ui_tlm_item_at(m, i);
        if (it->span) {             /* the clean-up: October 2021 to March 2022 */
            spans++;
            T_OK(it->start == (double)ui_tlm_days(2021, 10, 1));
            T_OK(it->end == (double)ui_tlm_days(2022, 4, 1));
            T_OK(it->mid < (double)ui_tlm_days(2021, 11, 1));   /* the marker at its start */
        }
        float x = (float)ui_tlm_item_x(m, i, ppd, left);    /* stacks stand side by side */
        ui_event ev;
        screen_hit(s, x, (float)g->axis_y, &ev);
        if (ev.target == UI_TGT_ITEM && ev.index != i) {
            /* a neighbour's marker can be nearer at the whole-range zoom */
            continue;
        }
        T_INT(ev.target, UI_TGT_ITEM);          /* a marker selects its item */
        T_INT(ev.index, i);
        T_INT(ev.article, ui_tlm_event_article(m, it->first));
        merged += it->nsrc > 1;
    }
    T_INT(merged, 2);
    T_INT(spans, 1);
    ui_event ev;
    T_OK(find_target(s, c.w, c.h, UI_TGT_ZOOM_IN, &ev, NULL, NULL));
    T_OK(find_target(s, c.w, c.h, UI_TGT_ZOOM_OUT, &ev, NULL, NULL));
    T_OK(find_target(s, c.w, c.h / 6, UI_TGT_BACK, &ev, NULL, NULL));
    screen_destroy(s);

    /* the story panel: opened on the whole range the first item is selected;
    ** "Open the article" gives its first event and article; next reaches
    ** every item in time order and stops at the last; a marker tap's item
    ** selected by index; the selection survives Back (save / restore) */
    s = prepared(&c, ui_timeline_create(-1));
    m = ui_timeline_model(s);
    int n = ui_tlm_count(m), reached = 0;
    for (int i = 0; i < n + 2; i++) {
        ui_event oe;
        if (!find_target(s, c.w, c.h / 2, UI_TGT_EVENT, &oe, NULL, NULL))
            break;
        int want = i < n ? i : n - 1;
        T_INT(oe.index, ui_tlm_item_at(m, want)->first);
        T_INT(oe.article, ui_tlm_event_article(m, ui_tlm_item_at(m, want)->first));
        reached += i < n && oe.index == ui_tlm_item_at(m, i)->first;
        ui_event pe;
        T_INT(find_target(s, c.w, c.h / 2, UI_TGT_PREV, &pe, NULL, NULL), i > 0);
        ui_action next = { .type = UI_ACT_SELECT, .item = -1, .dx = 1 };
        screen_action_apply(s, &next, 1000u + (uint32_t)i * 1000u);
        for (uint32_t t = 0; t < 900; t += 16)
            screen_update(s, 1000u + (uint32_t)i * 1000u + t);
    }
    T_INT(reached, n);
    ui_event ne;
    T_OK(!find_target(s, c.w, c.h / 2, UI_TGT_NEXT, &ne, NULL, NULL));    /* the last: no › */
    ui_action pick = { .type = UI_ACT_SELECT, .item = 3, .dx = 0 };
    screen_action_apply(s, &pick, 90000);
    ui_view saved;
    s->vt->save_view(s, &saved);
    T_INT(saved.sel, 4);
    screen_destroy(s);
    s = prepared(&c, ui_timeline_create(-1));
    s->vt->restore_view(s, &saved);
    m = ui_timeline_model(s);
    ui_event oe;
    T_OK(find_target(s, c.w, c.h / 2, UI_TGT_EVENT, &oe, NULL, NULL));
    T_INT(oe.index, ui_tlm_item_at(m, 3)->first);
    ui_event fe;                                        /* Enter: the same */
    T_OK(s->vt->focus(s, SCREEN_FOCUS_NONE, &fe));
    T_INT(fe.target, UI_TGT_EVENT);
    T_INT(fe.index, oe.index);
    screen_destroy(s);

    /* a swipe across the story steps to the next event; a drag on the axis
    ** pans and leaves the selection */
    s = prepared(&c, ui_timeline_create(-1));
    m = ui_timeline_model(s);
    {
        ui_event se;
        float py = (float)c.h / 4;              /* the story panel (landscape: above the axis) */
        gesture_event g0 = { .type = GESTURE_DRAG_BEGIN, .x = (float)c.w / 2, .y = py };
        gesture_event g1 = { .type = GESTURE_DRAG, .x = (float)c.w / 4, .y = py, .dx = -(float)c.w / 4 };
        gesture_event g2 = { .type = GESTURE_DRAG_END, .x = (float)c.w / 4, .y = py };
        screen_gesture(s, &g0, 100);
        screen_gesture(s, &g1, 120);
        screen_gesture(s, &g2, 140);
        uint32_t t = 200;
        run_until_rest(s, &t, 200);
        T_OK(find_target(s, c.w, c.h / 2, UI_TGT_EVENT, &se, NULL, NULL));
        T_INT(se.index, ui_tlm_item_at(m, 1)->first);
        const ui_tlm_geom *ag = ui_tlm_geometry(m);
        gesture_event a0 = { .type = GESTURE_DRAG_BEGIN, .x = (float)c.w / 2, .y = (float)ag->axis_y };
        gesture_event a1 = { .type = GESTURE_DRAG, .x = (float)c.w / 4, .y = (float)ag->axis_y,
                             .dx = -(float)c.w / 4 };
        gesture_event a2 = { .type = GESTURE_DRAG_END, .x = (float)c.w / 4, .y = (float)ag->axis_y };
        screen_gesture(s, &a0, t += 16);
        screen_gesture(s, &a1, t += 16);
        screen_gesture(s, &a2, t += 16);
        run_until_rest(s, &t, 400);
        T_OK(find_target(s, c.w, c.h / 2, UI_TGT_EVENT, &se, NULL, NULL));
        T_INT(se.index, ui_tlm_item_at(m, 1)->first);
    }
    screen_destroy(s);

    /* opened on an event: it is centred, the zoom shows about a year */
    s = prepared(&c, ui_timeline_create(7));            /* 2022-06 budget debate */
    m = ui_timeline_model(s);
    g = ui_tlm_geometry(m);                             /* the old screen's is gone */
    ui_timeline_view(s, &ppd, &left);
    const ui_tlm_item *it = ui_tlm_item_at(m, ui_tlm_item_of_event(m, 7));
    T_OK(fabs(ui_tlm_x(m, ppd, left, it->mid) - (g->axis_x + g->axis_w / 2.0)) < 2);
    T_OK(ppd > ui_tlm_min_ppd(m) * 2);
    screen_destroy(s);
    canvas_close(&c);
}

static int run_until_rest(screen *s, uint32_t *now, int max_frames)
{
    int frames = 0;
    while (frames < max_frames) {
        *now += 16;
        frames++;
        if (!screen_update(s, *now))
            break;
    }
    return frames;
}

static void test_timeline_motion(void)
{
    canvas c;
    canvas_open(&c, 1920, 1080);
    screen *s = prepared(&c, ui_timeline_create(7));
    const ui_tlm *m = ui_timeline_model(s);
    const ui_tlm_geom *g = ui_tlm_geometry(m);
    double ppd0, left0, ppd, left, lo, hi;
    ui_timeline_view(s, &ppd0, &left0);
    uint32_t now = 1000;

    /* drag left by 200 px, fling: time moves later, keeps coasting, stops in range */
    gesture_event ev = { .type = GESTURE_DRAG_BEGIN, .x = 900, .y = (float)g->axis_y, .t = now };
    T_INT(screen_gesture(s, &ev, now), 1);
    for (int i = 0; i < 10; i++) {
        now += 16;
        ev = (gesture_event){ .type = GESTURE_DRAG, .dx = -20, .x = 900 - 20.0f * i, .y = (float)g->axis_y, .t = now };
        screen_gesture(s, &ev, now);
    }
    ui_timeline_view(s, &ppd, &left);
    T_OK(fabs((left - left0) * ppd - 200) < 1);          /* follows the finger exactly */
    ev = (gesture_event){ .type = GESTURE_DRAG_END, .vx = -1500, .x = 700, .y = (float)g->axis_y, .t = now };
    screen_gesture(s, &ev, now);
    double after_drag = left;
    int frames = run_until_rest(s, &now, 2000);
    ui_timeline_view(s, &ppd, &left);
    T_OK(frames > 5 && frames < 2000);                   /* inertia, then rest */
    T_OK(left > after_drag);
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    T_OK(left >= lo - 1e-6 && left <= hi + 1e-6);

    /* pinch out x2 around x=600: ppd doubles, the day under 600 stays */
    ui_timeline_view(s, &ppd0, &left0);
    double day = left0 + (600 - g->axis_x) / ppd0;
    ev = (gesture_event){ .type = GESTURE_PINCH_BEGIN, .x = 600, .y = (float)g->axis_y, .scale = 1, .t = now };
    screen_gesture(s, &ev, now);
    ev = (gesture_event){ .type = GESTURE_PINCH, .x = 600, .y = (float)g->axis_y, .scale = 2, .t = now + 50 };
    screen_gesture(s, &ev, now + 50);
    ui_timeline_view(s, &ppd, &left);
    T_OK(fabs(ppd - 2 * ppd0) < 1e-6 * ppd);
    T_OK(fabs(ui_tlm_x(m, ppd, left, day) - 600) < 1.0 ||   /* or clamped at an end */
         fabs(left - lo) < 1e-6 || fabs(left - hi) < 1e-6);
    ev = (gesture_event){ .type = GESTURE_PINCH_END, .x = 600, .y = (float)g->axis_y, .scale = 1000, .t = now + 60 };
    screen_gesture(s, &ev, now + 60);
    ui_timeline_view(s, &ppd, &left);
    T_OK(fabs(ppd - ui_tlm_max_ppd(m)) < 1e-9 * ppd);     /* clamped to the finest level */
    now += 100;
    run_until_rest(s, &now, 500);

    /* zoom out by actions, step by step to level 0; centre kept */
    int steps = 0;
    while (steps < 20) {
        ui_timeline_view(s, &ppd0, &left0);
        ui_action a = { .type = UI_ACT_ZOOM, .zoom = -1 };
        if (!screen_action_apply(s, &a, now))
            break;
        run_until_rest(s, &now, 200);
        ui_timeline_view(s, &ppd, &left);
        int l = ui_tlm_level_for(m, ppd);
        T_OK(ppd < ppd0 && fabs(ppd - ui_tlm_level_ppd(m, l)) < 1e-6 * ppd);
        steps++;
    }
    T_OK(steps >= 3);
    T_OK(fabs(ppd - ui_tlm_min_ppd(m)) < 1e-9 * ppd);
    ui_action in = { .type = UI_ACT_ZOOM, .zoom = +1 };
    T_INT(screen_action_apply(s, &in, now), 1);
    run_until_rest(s, &now, 200);
    ui_timeline_view(s, &ppd, &left);
    T_OK(fabs(ppd - ui_tlm_level_ppd(m, 1)) < 1e-6 * ppd);

    /* wheel and scroll keys move */
    ui_timeline_view(s, &ppd0, &left0);
    ev = (gesture_event){ .type = GESTURE_WHEEL, .dy = -2, .t = now };
    T_INT(screen_gesture(s, &ev, now), 1);
    run_until_rest(s, &now, 500);
    ui_timeline_view(s, &ppd, &left);
    T_OK(left > left0);
    ui_action pg = { .type = UI_ACT_SCROLL, .dx = -1, .page = 1 };
    T_INT(screen_action_apply(s, &pg, now), 1);
    run_until_rest(s, &now, 500);
    double left2;
    ui_timeline_view(s, &ppd, &left2);
    T_OK(left2 < left);

    /* nothing allocates per frame: draw, drag, fling, zoom, update. The
    ** first round blits every texture once (SDL's software blitter makes a
    ** blit map on a texture's first copy, as tests/test_alloc.c explains);
    ** the second round, over the same views, must not allocate at all. */
    unsigned long before = 0;
    for (int round = 0; round < 2; round++) {
    ui_action back = { .type = UI_ACT_ZOOM, .zoom = -1 };
    screen_action_apply(s, &back, now);
    run_until_rest(s, &now, 200);
    screen_action_apply(s, &pg, now);
    run_until_rest(s, &now, 500);
    frame(&c, s);
    if (round == 1)
        before = alloc_count();
    for (int i = 0; i < 30; i++) {
        now += 16;
        ev = (gesture_event){ .type = i == 0 ? GESTURE_DRAG_BEGIN : i == 29 ? GESTURE_DRAG_END : GESTURE_DRAG,
                              .dx = 15, .vx = 900, .x = 900, .y = (float)g->axis_y, .t = now };
        screen_gesture(s, &ev, now);
        screen_update(s, now);
        frame(&c, s);
    }
    ui_action a = { .type = UI_ACT_ZOOM, .zoom = +1 };
    screen_action_apply(s, &a, now);
    for (int i = 0; i < 40; i++) {
        now += 16;
        screen_update(s, now);
        frame(&c, s);
    }
    }
    T_INT(alloc_count() - before, 0);
    screen_destroy(s);
    canvas_close(&c);
}

/* The at-rest initial view at every size: every label shown lies inside
** the axis (never clipped by the screen), and every marker answers as an
** event, never as a zoom button or nothing. */
static void test_timeline_at_rest(void)
{
    static const struct { int w, h; const char *tag; } sizes[] = {
        {800, 480, "800x480"}, {1920, 1080, "1920x1080"}, {1080, 1920, "1080x1920"},
        {480, 800, "480x800"}, {1280, 400, "1280x400"},
    };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        canvas c;
        canvas_open(&c, sizes[k].w, sizes[k].h);
        t_current = sizes[k].tag;
        screen *s = prepared(&c, ui_timeline_create(-1));
        const ui_tlm *m = ui_timeline_model(s);
        const ui_tlm_geom *g = ui_tlm_geometry(m);
        double ppd, left;
        ui_timeline_view(s, &ppd, &left);
        int outside = 0, shown = 0, lost = 0, vert = ui_timeline_vertical(s);
        /* portrait screens with room for two columns run the axis down the
        ** screen; the others (and every landscape one) across */
        T_INT(vert, sizes[k].h > sizes[k].w);
        for (int i = 0; i < ui_tlm_count(m); i++) {
            int x, y, w, h;
            float mx, my;
            ui_timeline_item_on_screen(s, i, &mx, &my, &x, &y, &w, &h);
            if (w) {
                shown++;
                int a0 = vert ? y : x, a1 = vert ? y + h : x + w;      /* along the axis */
                outside += a0 < g->axis_x || a1 > g->axis_x + g->axis_w;
                outside += x < 0 || x + w > c.w || y < 0 || y + h > c.h;
            }
            ui_event ev;
            screen_hit(s, mx, my, &ev);
            lost += ev.target != UI_TGT_ITEM;
            float a = vert ? my : mx;
            outside += a < g->axis_x + g->target / 2 - 1 || a > g->axis_x + g->axis_w - g->target / 2 + 1;
        }
        T_INT(outside, 0);
        T_INT(lost, 0);
        T_OK(shown > 0);
        screen_destroy(s);
        canvas_close(&c);
    }
}


/* ---- portrait: the axis runs down the screen; a drag up moves time later,
** a drag across does not pan; a tap on a label selects its item; the band
** keeps what pans out of it (nothing drawn over the story) ------------- */
static void test_timeline_vertical(void)
{
    canvas c;
    canvas_open(&c, 1080, 1920);
    screen *s = prepared(&c, ui_timeline_create(7));
    T_INT(ui_timeline_vertical(s), 1);
    double ppd0, left0, ppd, left;
    ui_timeline_view(s, &ppd0, &left0);
    float mx, my;
    int lx, ly, lw, lh;
    ui_timeline_item_on_screen(s, 0, &mx, &my, &lx, &ly, &lw, &lh);
    uint32_t now = 1000;
    float x = mx, y = (float)c.h * 0.3f;
    gesture_event ev = { .type = GESTURE_DRAG_BEGIN, .x = x, .y = y, .t = now };
    T_INT(screen_gesture(s, &ev, now), 1);
    for (int i = 0; i < 10; i++) {              /* 200 px up */
        now += 16;
        ev = (gesture_event){ .type = GESTURE_DRAG, .dy = -20, .x = x, .y = y - 20.0f * (float)i, .t = now };
        screen_gesture(s, &ev, now);
    }
    ui_timeline_view(s, &ppd, &left);
    T_OK(fabs((left - left0) * ppd - 200) < 1);         /* follows the finger */
    for (int i = 0; i < 10; i++) {              /* and 200 px across: nothing */
        now += 16;
        ev = (gesture_event){ .type = GESTURE_DRAG, .dx = -20, .x = x - 20.0f * (float)i, .y = y, .t = now };
        screen_gesture(s, &ev, now);
    }
    double left2;
    ui_timeline_view(s, &ppd, &left2);
    T_OK(fabs(left2 - left) < 1e-9);
    ev = (gesture_event){ .type = GESTURE_DRAG_END, .x = x, .y = y, .t = now };
    screen_gesture(s, &ev, now);
    screen_destroy(s);

    /* every shown label, tapped in its middle, selects its own item; labels
    ** sit in the columns beside the axis, within the screen */
    s = prepared(&c, ui_timeline_create(-1));
    int shown = 0, right = 0, leftc = 0;
    for (int i = 0; i < ui_tlm_count(ui_timeline_model(s)); i++) {
        ui_timeline_item_on_screen(s, i, &mx, &my, &lx, &ly, &lw, &lh);
        if (!lw)
            continue;
        shown++;
        ui_event hit;
        screen_hit(s, (float)(lx + lw / 2), (float)(ly + lh / 2), &hit);
        T_INT(hit.target, UI_TGT_ITEM);
        T_INT(hit.index, i);
        T_OK(lx >= 0 && lx + lw <= c.w);
        right += lx > mx;
        leftc += lx + lw < mx;
    }
    T_OK(shown >= 4);
    T_OK(right > 0 && leftc > 0);               /* both columns in use */
    screen_destroy(s);
    canvas_close(&c);
}

/* ---- goldens ------------------------------------------------------------- */

/* ---- within reach: on a tall portrait screen every control of Home,
** Article, Quote and Timeline sits in the lower two thirds (a seated
** visitor's reach); landscape keeps the bar at the top ----------------- */
static void test_reach(void)
{
    static const ui_target controls[] = { UI_TGT_BACK, UI_TGT_HOME, UI_TGT_TEXT_SIZE, UI_TGT_PREV,
        UI_TGT_NEXT, UI_TGT_ZOOM_IN, UI_TGT_ZOOM_OUT, UI_TGT_EVENT, UI_TGT_QUOTES_BUTTON,
        UI_TGT_TIMELINE_BUTTON };
    static const int sizes[][2] = { { 1080, 1920 }, { 480, 800 } };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        canvas c;
        canvas_open(&c, sizes[k][0], sizes[k][1]);
        screen *ss[4] = { ui_home_create(), ui_article_create(0, 0, -1), ui_quote_create(1),
                          ui_timeline_create(-1) };
        int found = 0, high = 0;
        for (int i = 0; i < 4; i++) {
            prepared(&c, ss[i]);
            for (size_t t = 0; t < sizeof controls / sizeof controls[0]; t++) {
                ui_event ev;
                float fx, fy;
                if (controls[t] == UI_TGT_EVENT && i != 3)
                    continue;                   /* on the Timeline: its Open the article */
                if (!find_target(ss[i], c.w, c.h, controls[t], &ev, &fx, &fy))
                    continue;
                found++;
                high += fy < (float)c.h / 3;
            }
            screen_destroy(ss[i]);
        }
        T_OK(found >= 14);
        T_INT(high, 0);
        canvas_close(&c);
    }
    canvas c;                                   /* landscape: the bar on top as before */
    canvas_open(&c, 1920, 1080);
    screen *a = prepared(&c, ui_article_create(0, 0, -1));
    ui_event ev;
    float fx, fy;
    T_OK(find_target(a, c.w, c.h, UI_TGT_BACK, &ev, &fx, &fy) && fy < c.h / 8);
    screen_destroy(a);
    canvas_close(&c);
}

/* ---- the pager's dots work: each one, tapped, names its item ------------- */
static void test_pager(void)
{
    static const int sizes[][2] = { { 800, 480 }, { 1920, 1080 }, { 1080, 1920 } };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        canvas c;
        canvas_open(&c, sizes[k][0], sizes[k][1]);
        screen *ss[2] = { ui_article_create(1, 0, -1), ui_quote_create(2) };
        for (int i = 0; i < 2; i++) {
            prepared(&c, ss[i]);
            int seen = 0, last = -1, order = 1;
            for (int x = 0; x < c.w; x++)           /* along the foot's row of dots */
                for (int y = c.h - 1; y > c.h / 2; y -= 2) {
                    ui_event ev;
                    screen_hit(ss[i], (float)x, (float)y, &ev);
                    if (ev.target != UI_TGT_PAGE)
                        continue;
                    if (ev.index != last) {
                        order &= ev.index == last + 1;
                        seen++;
                        last = ev.index;
                    }
                    break;
                }
            T_OK(seen >= 4);                    /* the fixture: 4 articles, 6 quotes */
            T_OK(order);                        /* left to right, none skipped */
            screen_destroy(ss[i]);
        }
        canvas_close(&c);
    }
}

/* ---- the event an article opens with, from the Timeline ------------------ */

static long colour_px(const canvas *c, uint32_t rgb)
{
    long n = 0;
    Uint32 want = SDL_MapRGB(c->surf->format, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb);
    for (int y = 0; y < c->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)c->surf->pixels + (size_t)y * c->surf->pitch);
        for (int x = 0; x < c->w; x++)
            n += (row[x] & 0xFFFFFF) == (want & 0xFFFFFF);
    }
    return n;
}

/* Every event of the fixture, opened on its article from the Timeline:
** the tinted band is on screen (scrolled into view where the events are
** below the fold, as in portrait); without a highlight there is none. */
static void test_article_highlight(void)
{
    store_list evs = {0};
    T_INT(store_events_range(st, 0, STORE_ALL, &evs), STORE_OK);
    uint32_t tint = ui_mix(cfg.color_bg, cfg.color_accent, 22);
    static const int sizes[][2] = { { 800, 480 }, { 480, 800 }, { 1080, 1920 } };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        canvas c;
        canvas_open(&c, sizes[k][0], sizes[k][1]);
        int shown = 0, n = (int)evs.n;
        for (int i = 0; i < n; i++) {
            int a = ((const store_event *)evs.v)[i].article;
            screen *s = prepared(&c, ui_article_create(a, 0, i));
            shown += colour_px(&c, tint) > 100;
            screen_destroy(s);
        }
        T_INT(shown, n);
        screen *s = prepared(&c, ui_article_create(((const store_event *)evs.v)[0].article, 0, -1));
        /* no band: at most a few antialiased pixels of text that happen to
        ** match the tint (seen on arm64, whose blitters round differently) */
        T_OK(colour_px(&c, tint) < 20);
        screen_destroy(s);
        canvas_close(&c);
    }
    store_events_free(&evs);
}

/* ---- full text of a long article ------------------------------------------ */

/* Pixels of rows [y0, y1) of the canvas that are not background. */
static long ink_rows(const canvas *c, int y0, int y1)
{
    long n = 0;
    Uint32 bg = SDL_MapRGB(c->surf->format, (Uint8)(cfg.color_bg >> 16), (Uint8)(cfg.color_bg >> 8),
                           (Uint8)cfg.color_bg);
    for (int y = y0; y < y1 && y < c->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)c->surf->pixels + (size_t)y * c->surf->pitch);
        for (int x = 0; x < c->w; x++)
            n += (row[x] & 0xFFFFFF) != (bg & 0xFFFFFF);
    }
    return n;
}

/* A 150-paragraph article (about 9,000 words) in the full-text view:
** prepared with textures for its first screens only, scrolled page by page
** to the end and back with text on show at every stop, never more than a
** few screens of textures alive, and none left after destroy. */
/* The quote block as a list row (the Article screen's key quotes): no large
** opening mark, the text at the row's one size with both its marks, the
** speaker and then the role under it, all inside the column; the same
** quote as a block (the Quote screen) starts with the large mark. A
** partial quote's row starts with the reporter's words. */
static void test_quote_block_row(void)
{
    canvas c;
    canvas_open(&c, 800, 480);
    screen_ctx ctx = ctx_for(&c);
    ui_metrics m;
    ui_metrics_init(&m, 800, 480);
    store_quote q = { 1, 0, "We kept the timetable of 1984. People remembered it.", "Ada Lind",
                      "Ferry captain", NULL, 0 };
    ui_quote_spec sp = { .x = 100, .top = 50, .w = 300, .bottom = INT_MAX / 4,
                         .px_min = m.px_body, .px_max = m.px_body,
                         .px_who = m.px_meta, .px_role = m.px_meta, .row = 1 };
    render_list row = {0}, block = {0};
    int h = ui_quote_block_add(&row, &ctx, &m, &q, &sp, NULL);
    T_INT(row.n, 3);                            /* text, speaker, role */
    if (row.n == 3) {
        const render_item *t = &row.items[0], *who = &row.items[1], *role = &row.items[2];
        T_INT(t->box.y, 50);                    /* the text first, at the top */
        T_OK(t->text.lines >= 2);               /* 300 px: wrapped, never cut */
        T_OK(!t->text.truncated);
        T_OK(who->box.y >= t->box.y + t->text.h);
        T_OK(role->box.y >= who->box.y + who->text.h);
        T_OK(role->box.x > who->box.x);         /* under the name, after the dash */
        T_OK(50 + h >= role->box.y + role->text.h);
        for (int i = 0; i < row.n; i++)
            T_OK(row.items[i].box.x >= 100 && row.items[i].box.x + row.items[i].text.w <= 400);
    }
    sp.row = 0;
    sp.bottom = 470;
    sp.px_max = m.px_body * 2;
    ui_quote_block_add(&block, &ctx, &m, &q, &sp, NULL);
    T_INT(block.n, 4);                          /* the large mark, then the same three */
    if (block.n == 4 && row.n == 3)
        T_OK(block.items[0].text.h > row.items[1].text.h);
    render_list_free(&row);
    render_list_free(&block);
    store_quote pq = { 1, 1, "halves my trip", NULL, NULL,
                       "One commuter said the ferry \xe2\x80\x9chalves my trip\xe2\x80\x9d.", 1 };
    sp = (ui_quote_spec){ .x = 100, .top = 50, .w = 300, .bottom = INT_MAX / 4,
                          .px_min = m.px_body, .px_max = m.px_body,
                          .px_who = m.px_meta, .px_role = m.px_meta, .outlet = "The Post", .row = 1 };
    ui_quote_block_add(&row, &ctx, &m, &pq, &sp, NULL);
    T_INT(row.n, 2);                            /* its sentence, then the outlet (no role) */
    render_list_free(&row);
    canvas_close(&c);
}

static void test_fulltext_long(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/long.db", tmpdir);
    sbuf body = {0};
    for (int i = 0; i < 150; i++) {
        sbuf_addf(&body, "%sParagraph %d. ", i ? "\n" : "", i + 1);
        for (int k = 0; k < 6; k++)
            sbuf_adds(&body, "The ferry crossed the river at dawn while the market opened on the "
                             "far bank, and nobody on board spoke of the weather. ");
    }
    sqlite3 *h = NULL;
    sqlite3_stmt *ins = NULL;
    sbuf schema = {0};
    T_INT(fixture_append(&schema, "tests/fixtures/schema.sql"), 0);
    T_INT(sqlite3_open(path, &h), SQLITE_OK);
    T_INT(sqlite3_exec(h, schema.s, NULL, NULL, NULL), SQLITE_OK);
    T_INT(sqlite3_prepare_v2(h, "INSERT INTO articles VALUES(1, 'long', 'A very long article', "
                                "'Test Desk', NULL, '2024-01-02', NULL, ?1, 9000, 'long.txt')",
                             -1, &ins, NULL), SQLITE_OK);
    sqlite3_bind_text(ins, 1, body.s, -1, SQLITE_STATIC);
    T_INT(sqlite3_step(ins), SQLITE_DONE);
    sqlite3_finalize(ins);
    sqlite3_close(h);
    sbuf_free(&schema);
    store_err e;
    store *ls = store_open(path, &e, NULL, 0);
    T_OK(ls != NULL);
    if (!ls) { sbuf_free(&body); return; }
    canvas c;
    canvas_open(&c, 1920, 1080);
    long base = text_tex_live();
    screen_ctx x = { c.r, fonts, ls, "", &cfg, 0, 0 };
    screen *s = ui_article_create(0, 1, -1);
    T_INT(s->vt->prepare(s, &x, c.w, c.h), 0);
    long live_max = text_tex_live() - base;
    T_OK(live_max > 0 && live_max < 30);        /* not 150 paragraphs */
    frame(&c, s);
    uint32_t now = 10;
    int stops = 0, inked = 0, at_end = 0;
    long prev_ink = -1;
    for (int dir = 1; dir >= -1; dir -= 2)
        for (int k = 0; k < 300 && !(dir > 0 && at_end) && !(dir < 0 && k >= 40); k++) {
            ui_action a = { .type = UI_ACT_SCROLL, .dy = dir, .page = 1 };
            screen_action_apply(s, &a, now);
            run_until_rest(s, &now, 400);
            frame(&c, s);
            long ink = ink_rows(&c, c.h / 4, c.h * 3 / 4);
            stops++;
            inked += ink > 1000;
            if (dir > 0 && ink == prev_ink) at_end = 1;  /* the end: nothing moves */
            prev_ink = ink;
            long live = text_tex_live() - base;
            if (live > live_max) live_max = live;
        }
    T_INT(inked, stops);                        /* text on show at every stop */
    T_OK(at_end);
    T_OK(live_max < 30);
    screen_destroy(s);
    T_INT(text_tex_live(), base);
    canvas_close(&c);
    store_close(ls);
    sbuf_free(&body);
}

/* ---- a corpus with more events than one axis shows ------------------------ */

/* 80 articles x 8 events = 640 events: the Timeline holds the events of the
** newest articles (at most 240: 30 articles), renders labels for those
** only, and a tapped event names its store index and a newest article. */
static void test_timeline_capped(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/many.db", tmpdir);
    sbuf sql = {0};
    T_INT(fixture_append(&sql, "tests/fixtures/schema.sql"), 0);
    sbuf_adds(&sql, "BEGIN;");
    for (int a = 0; a < 80; a++) {
        sbuf_addf(&sql, "INSERT INTO articles VALUES(%d, 'a%d', 'Article %d', 'Desk %d', NULL, "
                        "'20%02d-01-15', NULL, 'Body.', 10, 'a%d.txt');", a + 1, a, a, a % 7, a % 24, a);
        for (int k = 0; k < 8; k++)
            sbuf_addf(&sql, "INSERT INTO events(article_id, date, precision, text, position) VALUES"
                            "(%d, '20%02d-%02d-%02d', 'day', 'Event %d of article %d about the harbour', %d);",
                      a + 1, (a * 3 + k) % 24, k % 12 + 1, (a + k) % 28 + 1, k, a, k);
    }
    sbuf_adds(&sql, "COMMIT;");
    sqlite3 *h = NULL;
    unlink(path);
    T_INT(sqlite3_open(path, &h), SQLITE_OK);
    T_INT(sqlite3_exec(h, sql.s, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    sbuf_free(&sql);
    store_err e;
    store *ms = store_open(path, &e, NULL, 0);
    T_OK(ms != NULL);
    if (!ms) return;
    canvas c;
    canvas_open(&c, 1920, 1080);
    long base = text_tex_live();
    screen_ctx x = { c.r, fonts, ms, "", &cfg, 0, 0 };
    screen *s = ui_timeline_create(-1);
    T_INT(s->vt->prepare(s, &x, c.w, c.h), 0);
    long live = text_tex_live() - base;
    T_OK(live > 30 && live < 3 * 240 + 80);       /* labels of <= 240 events, not 640 */
    frame(&c, s);
    ui_event ev;
    int found = find_target(s, c.w, c.h, UI_TGT_EVENT, &ev, NULL, NULL);
    T_OK(found);
    if (found) {
        T_OK(ev.index >= 0 && ev.index < 640);
        T_OK(ev.article >= 0 && ev.article < 30);  /* one of the newest 30 articles */
        store_list one = {0};                       /* the index is the store's */
        T_INT(store_events_range(ms, (size_t)ev.index, 1, &one), STORE_OK);
        T_OK(one.n == 1 && ((const store_event *)one.v)[0].article == ev.article);
        store_events_free(&one);
    }
    /* dense periods: a count badge above the axis for the events whose
    ** labels this zoom hides; a tap selects the first of them and zooms in */
    const ui_tlm *m = ui_timeline_model(s);
    const ui_tlm_geom *g = ui_tlm_geometry(m);
    int badge = -1, hidden = 0;
    for (int i = 0; i < ui_tlm_count(m); i++)
        hidden += ui_tlm_row(m, 0, i) < 0;
    T_OK(hidden > 0);
    for (int y = g->axis_y - g->row_gap; y < g->axis_y - 4 && badge < 0; y += 2)
        for (int bx = g->axis_x; bx < g->axis_x + g->axis_w && badge < 0; bx += 3) {
            ui_event be;
            screen_hit(s, (float)bx, (float)y, &be);
            if (be.target == UI_TGT_ITEM && ui_tlm_row(m, 0, be.index) < 0)
                badge = be.index;
        }
    T_OK(badge >= 0);
    if (badge >= 0) {
        double ppd0, left0, ppd1, left1;
        ui_timeline_view(s, &ppd0, &left0);
        ui_action a = { .type = UI_ACT_SELECT, .item = badge };
        uint32_t now = 1000;
        screen_action_apply(s, &a, now);
        run_until_rest(s, &now, 200);
        ui_timeline_view(s, &ppd1, &left1);
        T_OK(ppd1 > ppd0 * 1.5);                    /* zoomed in */
        ui_event oe;                                /* the panel tells the badge's event */
        T_OK(find_target(s, c.w, c.h / 2, UI_TGT_EVENT, &oe, NULL, NULL));
        T_INT(oe.index, ui_timeline_event_of(s, badge));
    }
    screen_destroy(s);
    T_INT(text_tex_live(), base);
    canvas_close(&c);
    store_close(ms);
}

static void test_goldens(void)
{
    static const struct { int w, h; const char *tag; } sizes[] = {
        {800, 480, "800x480"}, {1920, 1080, "1920x1080"}, {1080, 1920, "1080x1920"},
    };
    char name[96];
    for (size_t k = 0; k < 3; k++) {
        canvas c;
        canvas_open(&c, sizes[k].w, sizes[k].h);
        t_current = sizes[k].tag;
        /* short has a role under the speaker; partial is a fragment shown
        ** within its sentence */
        static const struct { int q; const char *what; } quotes[] = {
            {0, "short"}, {3, "long"}, {2, "nospeaker"}, {5, "partial"} };
        for (size_t i = 0; i < 4; i++) {
            if ((i == 2 && k > 0) || (i == 3 && k == 2))
                continue;                       /* the no-speaker case once, partial twice */
            screen *s = prepared(&c, ui_quote_create(quotes[i].q));
            snprintf(name, sizeof name, "quote_%s_%s.png", quotes[i].what, sizes[k].tag);
            shot(&c, name);
            screen_destroy(s);
        }
        screen *s = prepared(&c, ui_timeline_create(-1));
        snprintf(name, sizeof name, "timeline_all_%s.png", sizes[k].tag);
        shot(&c, name);
        screen_destroy(s);
        s = prepared(&c, ui_timeline_create(2));        /* the merged flood day */
        snprintf(name, sizeof name, "timeline_event_%s.png", sizes[k].tag);
        shot(&c, name);
        if (k == 1) {                                   /* zoomed in twice more: days */
            uint32_t now = 100;
            for (int z = 0; z < 3; z++) {
                ui_action a = { .type = UI_ACT_ZOOM, .zoom = +1 };
                screen_action_apply(s, &a, now);
                run_until_rest(s, &now, 200);
            }
            frame(&c, s);
            shot(&c, "timeline_days_1920x1080.png");
        }
        screen_destroy(s);
        canvas_close(&c);
    }
}

/* The date line of an event: a point as before, a range with short months. */
static void test_date_range(void)
{
    static const struct { const char *start, *end, *want; } rows[] = {
        { "2015-01", NULL, "January 2015" },
        { "2015-01", "2015-10", "Jan \xe2\x80\x93 Oct 2015" },
        { "2021-10", "2022-03", "Oct 2021 \xe2\x80\x93 Mar 2022" },
        { "2018-11-03", "2018-12-20", "3 Nov \xe2\x80\x93 20 Dec 2018" },
        { "2009", "2012", "2009 \xe2\x80\x93 2012" },
        { "2014", "2015-03", "2014 \xe2\x80\x93 Mar 2015" },
        { "2015-13", "2016", "2015-13" },             /* unreadable: as it is */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char out[64];
        ui_format_date_range(rows[i].start, rows[i].end, out, sizeof out);
        T_STR(out, rows[i].want);
    }
}

/* The meta line: parts joined by " · ", a date never broken across lines
** (no-break spaces inside it and before each dot). */
static void test_meta_line(void)
{
#define NB "\xc2\xa0"
    static const struct { const char *src, *pub, *author, *want; } rows[] = {
        { "Outlet", "2020-09-08", "Ann Lee", "Outlet" NB "\xc2\xb7 8" NB "September" NB "2020" NB "\xc2\xb7 Ann Lee" },
        { "Outlet", "2020-09", NULL, "Outlet" NB "\xc2\xb7 September" NB "2020" },
        { NULL, "2020", "Ann Lee", "2020" NB "\xc2\xb7 Ann Lee" },
        { "Outlet", NULL, NULL, "Outlet" },
        { NULL, NULL, NULL, "" },
    };
#undef NB
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char out[160];
        ui_format_meta(rows[i].src, rows[i].pub, rows[i].author, out, sizeof out);
        T_STR(out, rows[i].want);
    }
}

int main(void)
{
    alloc_hook_sdl();
    log_set_quiet(1);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vitrine-views-XXXXXX");
    if (!mkdtemp(tmpdir) || TTF_Init() != 0)
        return 1;
    snprintf(dbpath, sizeof dbpath, "%s/views.db", tmpdir);
    config_defaults(&cfg);
    fonts = font_lib_create(cfg.fonts_dir);
    store_err e;
    T_INT(build_db(), 0);
    st = store_open(dbpath, &e, NULL, 0);
    T_OK(fonts && st);
    T_RUN(test_date_range);
    T_RUN(test_meta_line);
    if (fonts && st) {
        T_RUN(test_quote_hits);
        T_RUN(test_timeline_hits);
        T_RUN(test_article_highlight);
        T_RUN(test_quote_block_row);
        T_RUN(test_reach);
        T_RUN(test_pager);
        T_RUN(test_timeline_at_rest);
        T_RUN(test_timeline_vertical);
        T_RUN(test_timeline_motion);
        T_RUN(test_fulltext_long);
        T_RUN(test_timeline_capped);
        T_RUN(test_goldens);
    }
    store_close(st);
    font_lib_destroy(fonts);
    config_free(&cfg);
    TTF_Quit();
    if (!t_failed) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "cannot remove %s\n", tmpdir);
    } else {
        fprintf(stderr, "shots kept in %s\n", tmpdir);
    }
    return T_DONE();
}
