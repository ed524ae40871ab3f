/*
** src/app/app.c: state, update and render of the running app (see app.h).
**
** Screens: `cur` is on show; during a transition `next` is drawn over it.
** The next screen is created and PREPARED (layout + textures, maybe SQLite)
** before its transition's first frame, so transition frames only blit.
**
** Crossfade memory: the outgoing screen, the incoming one and a full-frame
** snapshot would all be alive when a crossfade starts. On the software
** renderer the outgoing screen is drawn into the frame, destroyed, and
** only then the frame is read back into the snapshot: its text textures
** are gone before the snapshot is allocated (at 1080p the peak is lower by
** one screen of text, 2 to 9 MB; cur is NULL during such a transition).
** Elsewhere (GLES2: a back buffer is undefined after a present) the
** incoming screen is snapshotted and the outgoing one kept to the end.
**
** Live content: `w` watches content.database (watch.h). A new file there is
** opened read-only and checked (store_open: version, tables; store_check:
** quick_check, every list query) on the wake-up that notices it. A good one
** waits in `pending` until ui swaps it in at the next boundary (ui.h,
** ui_content_pending); a bad one is refused with a log line and the content
** on show stays. The database deleted under the app: the open handle still
** reads the unlinked file, so the content stays (logged).
*/
#include "app/app.h"

#include "app/font.h"       /* font_face_file: what a fonts folder must hold */
#include "app/gesture.h"
#include "app/health.h"
#include "app/render.h"
#include "app/schedule.h"
#include "app/stats.h"
#include "app/screen.h"
#include "app/store.h"
#include "app/text.h"
#include "app/strings.h"
#include "app/ui.h"
#include "app/ui_chrome.h"  /* ui_metrics_physical: legible text sizes */
#include "app/watch.h"
#include "common/util.h"

#include <SDL.h>
#include <limits.h>         /* PATH_MAX */
#include <math.h>           /* hypot */
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <sys/stat.h>
#include <time.h>           /* clock: a shot's CPU time for --bench */
#include <unistd.h>         /* readlink */

struct app {
    const config *cfg;          /* borrowed */
    app_opts opts;
    plat *p;
    store *st;                  /* NULL when the database is unavailable */
    char store_msg[320];        /* why st is NULL */
    store *pending;             /* owned: a new, checked database waiting for a boundary */
    watch *w;                   /* owned: watches cfg->db_path */
    font_lib *fonts;
    gesture *g;
    SDL_Texture *snap;          /* crossfade snapshot; owned, made when a crossfade
                                ** starts, freed when it ends */
    int snap_ok;                /* snap holds a screen of the running transition */
    int snap_of_from;           /* 1: the outgoing frame (cur destroyed), 0: `next` */
    const char *from_name;      /* the outgoing screen's name (app_get_stats) */
    int exit_key, exit_mods;    /* admin exit combo */

    screen *cur, *next;         /* owned */
    ui *ui;                     /* owned; NULL when showing the engine's test screens */
    int index, next_index;      /* test-screen article index */
    int dir;                    /* +1 forward, -1 back */
    int tkind;                  /* TRANSITION_* of the running transition */
    int moving;                 /* the exhibit screen animates (scroll, zoom) */
    int done_pending;           /* exhibit: a show without animation owes ui its DONE */
    uint32_t trans_start;       /* ms */
    uint32_t last_input;        /* ms */
    uint32_t now;               /* ms, the app clock */
    int dirty, running, exit_code;

    script_ev *sev;             /* expanded script, owned */
    size_t nsev, isev;

    app_stats stats;

    /* issue 15: opening hours */
    sched_run *sched;           /* owned; NULL = no schedule (always open) */
    int dark;                   /* 1: outside opening hours: one black frame, then nothing */
    uint32_t sched_due;         /* app ms of the next schedule check */
    int64_t clock0_ms;          /* --clock: wall epoch ms at virtual 0; 0 = the real clock */

    /* issue 15: health (health.h); counts cached when content is opened */
    uint32_t health_due;        /* app ms of the next write */
    int health_failing;         /* the last write failed (logged once) */
    int64_t start_s;            /* wall s at the first step */
    long n_articles, n_quotes, n_events;   /* -1: no content */
    int64_t content_mtime_s, last_swap_s, last_refusal_s;
    unsigned long refusals;

    /* issue 15: visitor statistics (stats.h) */
    stats *vs;                  /* owned; NULL = off */
    unsigned long inputs, inputs_seen;     /* visitor input events, and as of the last track */
};

static screen_ctx ctx_of(app *a)
{
    return (screen_ctx){ plat_renderer(a->p), a->fonts, a->st, a->store_msg, a->cfg, a->opts.bench, 0 };
}

static double ms_since(uint64_t t0_us) { return (double)(plat_clock_us() - t0_us) / 1000.0; }

/* Prime: blit everything once onto the frame target, so the software
** blitter builds its per-texture blit maps now and not during the
** transition (each costs an allocation). The next frame clears it. */
static void prime(app *a, screen *s)
{
    plat_frame_begin(a->p);
    s->vt->draw(s, plat_renderer(a->p), 0, 255);
    a->stats.prepares++;
}

/* Create and prepare the screen for article index i (or the notice). */
static screen *make_screen(app *a, int i)
{
    screen *s = a->st ? screen_test_create(i)
                      : ui_notice_create(UI_NOTICE_FAILED, a->store_msg);  /* the log has why */
    int w, h;
    plat_logical_size(a->p, &w, &h);
    screen_ctx c = ctx_of(a);
    uint64_t t0 = plat_clock_us();
    if (s->vt->prepare(s, &c, w, h) != 0 && a->st) {
        screen_destroy(s);                      /* content exists but does not load */
        s = screen_notice_create(str(S_CONTENT_UNAVAILABLE), str(S_ARTICLE_FAILED));
        s->vt->prepare(s, &c, w, h);
    }
    prime(a, s);
    if (a->opts.bench)
        printf("bench prepare_ms %.3f\n", ms_since(t0));
    return s;
}

/* Give the pages of a screen just destroyed back to the system. glibc
** keeps freed memory in its heap for reuse, and a screen's textures are
** freed in the middle of it: without this, the peak RSS of a day of
** screens is the sum of the worst of them, not the worst screen (-2 MB at
** 1080p). Once per transition, not per frame. */
static void release_freed(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* Start the transition from cur to the prepared, primed screen s. */
static void start_transition(app *a, screen *s, int kind, int dir)
{
    a->next = s;
    a->tkind = kind;
    a->snap_ok = a->snap_of_from = 0;
    SDL_Renderer *r = plat_renderer(a->p);
    int w, h;
    plat_logical_size(a->p, &w, &h);
    if (kind == TRANSITION_CROSSFADE && a->cur && render_is_software(r)) {
        plat_frame_begin(a->p);                 /* the outgoing frame, then its textures go */
        render_clear(r, a->cfg->color_bg);
        a->cur->vt->draw(a->cur, r, 0, 255);
        a->from_name = a->cur->vt->name;
        screen_destroy(a->cur);
        a->cur = NULL;
        release_freed();
        a->snap_ok = a->snap_of_from = render_readback(r, &a->snap, w, h) == 0;
    } else if (kind == TRANSITION_CROSSFADE) {
        a->snap_ok = render_snapshot(r, a->next, &a->snap, w, h, a->cfg->color_bg) == 0;
        plat_frame_begin(a->p);                 /* re-prime on the frame target */
        a->next->vt->draw(a->next, r, 0, 255);
    }
    a->dir = dir;
    a->trans_start = a->now;
    a->dirty = 1;
}

/* Make the pending store the one on show (the old one is closed: screens
** only use the store while they are prepared). */
static void note_content(app *a);

static void swap_store(app *a)
{
    if (!a->pending)
        return;
    store_close(a->st);
    a->st = a->pending;
    a->pending = NULL;
    a->store_msg[0] = 0;
    log_info("content: switched to %s", a->cfg->db_path);
    note_content(a);                            /* issue 15: health */
    a->last_swap_s = app_wall_ms(a) / 1000;
}

/* ui_host.swap */
static void exhibit_swap(void *host, screen_ctx *c)
{
    app *a = host;
    swap_store(a);
    *c = ctx_of(a);
}

/* On a wake-up: has a new file been put at the database path? */
static void check_content(app *a)
{
    const char *path = a->cfg->db_path;
    watch_change ch = watch_poll(a->w, a->now);
    if (ch == WATCH_GONE) {
        log_warn("content: database %s deleted; the content already open stays on show", path);
        return;
    }
    if (ch != WATCH_CHANGED)
        return;
    store_err e;
    char msg[320];
    store *s = store_open(path, &e, msg, sizeof msg);
    if (s && (e = store_check(s, msg, sizeof msg)) != STORE_OK) {
        store_close(s);
        s = NULL;
    }
    if (!s) {
        size_t n = strlen(path);
        const char *why = strncmp(msg, path, n) == 0 && msg[n] == ':' ? msg + n + 2 : msg;
        log_warn("content: database %s refused: %s; the content on show stays", path, why);
        a->refusals++;                          /* issue 15: health */
        a->last_refusal_s = app_wall_ms(a) / 1000;
        return;
    }
    store_close(a->pending);                    /* a newer file wins over one still waiting */
    a->pending = s;
    log_info("content: new database %s checked; switching at the next slide or Home", path);
    if (a->ui)
        ui_content_pending(a->ui);
}

static void go_to(app *a, int index, int dir)
{
    if (a->next)
        return;                                 /* one transition at a time */
    swap_store(a);                              /* test screens: every screen is a boundary */
    start_transition(a, make_screen(a, index), a->cfg->transition, dir);
    a->next_index = index;
}

static void end_transition(app *a)
{
    screen_destroy(a->cur);                     /* NULL after a readback */
    if (a->snap) {                              /* 4 B/px: not kept while static */
        SDL_DestroyTexture(a->snap);
        a->snap = NULL;
    }
    a->snap_ok = a->snap_of_from = 0;
    release_freed();
    a->cur = a->next;
    a->next = NULL;
    a->dirty = 1;
}

/* ui_host.show: the exhibit hands over a prepared screen. */
static void exhibit_show(void *host, screen *s, int kind, int dir)
{
    app *a = host;
    prime(a, s);
    if (a->next)                                /* a newer place wins over a running one */
        end_transition(a);
    if (kind < 0 || !a->cur) {                  /* a cut (notice, first screen) */
        screen_destroy(a->cur);
        a->cur = s;
        a->done_pending = kind >= 0;            /* ui waits for its DONE */
        a->dirty = 1;
        return;
    }
    start_transition(a, s, kind, dir);
    float dx = a->ui ? ui_drag_take(a->ui) : 0;
    if (kind == TRANSITION_SLIDE && dx * (float)-dir > 0 && a->cfg->transition_ms > 0) {
        /* the page was dragged that way: the transition goes on from there
        ** (the p whose eased offset is the drag's, by bisection) */
        int w, h;
        plat_logical_size(a->p, &w, &h);
        float f = (dx < 0 ? -dx : dx) / (float)(w > 0 ? w : 1), lo = 0, hi = 1;
        for (int i = 0; i < 20; i++) {
            float mid = (lo + hi) / 2;
            if (render_ease(mid) < f) lo = mid; else hi = mid;
        }
        a->trans_start = a->now - (uint32_t)(lo * (float)a->cfg->transition_ms);
    }
}

/* The screen input goes to: the one being entered during a transition. */
static screen *input_screen(app *a) { return a->next ? a->next : a->cur; }

/* The admin exit: the configured key with every configured modifier and no
** other, but an extra Shift is tolerated (documented in vitrine.ini). */
static int combo_matches(const app *a, const plat_input *in)
{
    return a->exit_key != 0 && in->key == a->exit_key && (in->mods & a->exit_mods) == a->exit_mods &&
           (in->mods & ~CFG_MOD_SHIFT) == (a->exit_mods & ~CFG_MOD_SHIFT);
}

static void act(app *a, screen_action r)
{
    if (r == SCREEN_NEXT)
        go_to(a, a->index + 1, +1);
    else if (r == SCREEN_PREV && a->index > 0)
        go_to(a, a->index - 1, -1);
    else if (r == SCREEN_REDRAW)
        a->dirty = 1;
}

static void to_screen(app *a, screen_ev_kind k, float x, float y, int key)
{
    if (a->next)
        return;                                 /* input during a transition is dropped */
    screen_ev ev = { k, x, y, key, a->now };
    act(a, a->cur->vt->input(a->cur, &ev));
}

/* The output changed size: every screen alive lays out again. */
static void relayout(app *a)
{
    int w, h;
    plat_logical_size(a->p, &w, &h);
    gesture_set_screen(a->g, w < h ? w : h);
    if (a->ui)
        ui_resize(a->ui, w, h);
    screen_ctx c = ctx_of(a);
    /* Prepared again, a screen is primed again: priming blits every text at
    ** the top left, which must happen on a frame the next one clears (see
    ** prime), never on the frame shown. */
    if (a->cur) {
        a->cur->vt->prepare(a->cur, &c, w, h);
        prime(a, a->cur);
    }
    if (a->next) {
        a->next->vt->prepare(a->next, &c, w, h);
        prime(a, a->next);
        if (a->snap_of_from)                    /* the old frame is of the old size: end now */
            a->trans_start = a->now - (uint32_t)a->cfg->transition_ms;
        else
            a->snap_ok = a->tkind == TRANSITION_CROSSFADE &&
                         render_snapshot(c.r, a->next, &a->snap, w, h, a->cfg->color_bg) == 0;
    }
    a->dirty = 1;
}

static void handle_input(app *a, const plat_input *in)
{
    uint64_t t = a->now;
    if (in->kind >= PIN_DOWN && in->kind <= PIN_KEY) {
        a->last_input = a->now;
        a->inputs++;                            /* issue 15: statistics */
    }
    int id = in->pointer < 0 ? GESTURE_MOUSE_ID : (int)(in->pointer & 0x3fffffff);
    switch (in->kind) {
    case PIN_DOWN: gesture_down(a->g, id, in->x, in->y, t); break;
    case PIN_MOVE: gesture_move(a->g, id, in->x, in->y, t); break;
    case PIN_UP:   gesture_up(a->g, id, in->x, in->y, t); break;
    case PIN_KEY:
        if (combo_matches(a, in)) {
            a->running = 0;
            a->exit_code = APP_EXIT_ADMIN;
        }
        else if (a->ui && ui_key(a->ui, input_screen(a), in->key, a->now))
            a->dirty = 1;                       /* a focus ring may have moved */
        else
            to_screen(a, SCREEN_EV_KEY, 0, 0, in->key);
        break;
    case PIN_CLOSE: a->running = 0; break;
    case PIN_REDRAW: a->dirty = 1; break;
    case PIN_RESIZE: relayout(a); break;
    default: break;
    }
}

static void drain_gestures(app *a)
{
    gesture_event ge;
    gesture_tick(a->g, a->now);
    while (gesture_poll(a->g, &ge)) {
        if (a->ui) {
            if (ui_gesture(a->ui, input_screen(a), &ge, a->now))
                a->moving = a->dirty = 1;
            continue;
        }
        if (ge.type == GESTURE_TAP || ge.type == GESTURE_LONG_PRESS)
            to_screen(a, SCREEN_EV_TAP, ge.x, ge.y, 0);
        else if (ge.type == GESTURE_SWIPE && ge.dir == GESTURE_LEFT)
            to_screen(a, SCREEN_EV_SWIPE_LEFT, ge.x, ge.y, 0);
        else if (ge.type == GESTURE_SWIPE && ge.dir == GESTURE_RIGHT)
            to_screen(a, SCREEN_EV_SWIPE_RIGHT, ge.x, ge.y, 0);
    }
}

static void pump_events(app *a)
{
    SDL_Event ev;
    plat_input in;
    while (SDL_PollEvent(&ev)) {
        if (ev.type == SDL_MOUSEWHEEL) {        /* wheel: scrolls (plat passes no wheel) */
            float dy = (float)ev.wheel.y * (ev.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f);
            gesture_wheel(a->g, (float)ev.wheel.x, dy, a->now);
            a->last_input = a->now;
            a->inputs++;                        /* issue 15: statistics */
            continue;
        }
        if (plat_translate(a->p, &ev, &in))
            handle_input(a, &in);
    }
    drain_gestures(a);
}

static void update(app *a)
{
    if (a->next && a->now - a->trans_start >= (uint32_t)a->cfg->transition_ms) {
        end_transition(a);                      /* transition done */
        a->index = a->next_index;
        if (a->ui)
            ui_transition_done(a->ui, a->cur, a->now);
    }
    if (a->ui) {
        if (a->done_pending) {
            a->done_pending = 0;
            ui_transition_done(a->ui, a->cur, a->now);
        }
        ui_tick(a->ui, a->now);                 /* idle -> slideshow, slide timer */
        int sprung = ui_drag_update(a->ui, a->now);        /* a page let go, springing back */
        a->moving = !a->next && (screen_update(a->cur, a->now) | sprung);
        if (a->moving || a->next)
            a->dirty = 1;
        return;
    }
    if (!a->next && a->index != 0 && a->now - a->last_input >= (uint32_t)a->cfg->idle_timeout_ms)
        go_to(a, 0, -1);                        /* idle: back to the start */
    if (a->next)
        a->dirty = 1;
}

static void render(app *a)
{
    SDL_Renderer *r = plat_renderer(a->p);
    uint64_t t0 = a->opts.bench ? plat_clock_us() : 0;
    int w, h;
    plat_logical_size(a->p, &w, &h);
    plat_frame_begin(a->p);
    if (a->dark) {                              /* issue 15: outside opening hours */
        render_clear(r, 0x000000);
    } else if (a->next) {
        float p = a->cfg->transition_ms ? (float)(a->now - a->trans_start) / (float)a->cfg->transition_ms : 1;
        render_transition(r, a->cur, a->next, a->snap_ok ? a->snap : NULL, a->snap_of_from,
                          a->tkind, a->dir, p, w, a->cfg->color_bg);
        a->stats.transition_frames++;
    } else {
        render_clear(r, a->cfg->color_bg);
        int dx = a->ui ? ui_drag_offset(a->ui) : 0;        /* the page under the finger */
        a->cur->vt->draw(a->cur, r, dx, 255);
        screen *pk;
        int px;
        if (dx && ui_peek(a->ui, &pk, &px))     /* the neighbour coming in beside it */
            pk->vt->draw(pk, r, px, 255);
        if (dx)
            a->stats.transition_frames++;       /* counted as the transition it starts */
        SDL_Rect pr;                            /* a control held down: a veil of the text colour */
        if (a->ui && ui_pressed(a->ui, &pr.x, &pr.y, &pr.w, &pr.h))
            render_box(r, &pr, a->cfg->color_text, APP_PRESS_ALPHA);
    }
    plat_frame_finish(a->p);
    a->stats.frames++;
    if (a->opts.bench)
        printf("bench frame_ms %.3f %s\n", ms_since(t0), a->next ? "transition" : "static");
}

static void present(app *a)
{
    render(a);
    plat_present(a->p);
    a->dirty = 0;
}

int app_shot(app *a, const char *path)
{
    render(a);
    uint64_t t0 = a->opts.bench ? plat_clock_us() : 0;
    clock_t c0 = a->opts.bench ? clock() : 0;   /* CPU time: the figure a loaded machine keeps */
    int rc = plat_save_png(a->p, path);
    if (a->opts.bench)
        printf("bench shot_ms %.3f cpu_ms %.3f\n", ms_since(t0),
               (double)(clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
    plat_present(a->p);
    a->dirty = 0;
    return rc;
}

/* Inject script input due at now; take shots / quit in file order. */
static void run_script(app *a)
{
    while (a->isev < a->nsev && a->sev[a->isev].t <= a->now && a->running) {
        const script_ev *e = &a->sev[a->isev++];
        SDL_Event ev;
        SDL_zero(ev);
        int w, h;
        plat_output_size(a->p, &w, &h);
        switch (e->kind) {
        case SEV_FINGER_DOWN: case SEV_FINGER_MOTION: case SEV_FINGER_UP:
            ev.type = e->kind == SEV_FINGER_DOWN ? SDL_FINGERDOWN
                    : e->kind == SEV_FINGER_UP ? SDL_FINGERUP : SDL_FINGERMOTION;
            ev.tfinger.touchId = 0x5c;          /* the script's virtual touchscreen */
            ev.tfinger.fingerId = e->finger;
            ev.tfinger.x = e->x;
            ev.tfinger.y = e->y;
            ev.tfinger.pressure = 1;
            SDL_PushEvent(&ev);
            break;
        case SEV_KEY:
            ev.type = SDL_KEYDOWN;
            ev.key.state = SDL_PRESSED;
            ev.key.keysym.sym = e->cmd->key;
            ev.key.keysym.scancode = SDL_GetScancodeFromKey(e->cmd->key);
            ev.key.keysym.mod = (Uint16)(((e->cmd->mods & CFG_MOD_CTRL) ? KMOD_LCTRL : 0) |
                                         ((e->cmd->mods & CFG_MOD_ALT) ? KMOD_LALT : 0) |
                                         ((e->cmd->mods & CFG_MOD_SHIFT) ? KMOD_LSHIFT : 0) |
                                         ((e->cmd->mods & CFG_MOD_GUI) ? KMOD_LGUI : 0));
            SDL_PushEvent(&ev);
            ev.type = SDL_KEYUP;
            ev.key.state = SDL_RELEASED;
            SDL_PushEvent(&ev);
            break;
        case SEV_SHOT: {
            pump_events(a);
            update(a);
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", a->opts.shots_dir ? a->opts.shots_dir : ".",
                     e->cmd->name);
            if (app_shot(a, path) != 0)
                a->exit_code = 1;
            break;
        }
        case SEV_QUIT:
            pump_events(a);
            a->running = 0;
            break;
        case SEV_RESIZE:
            if (plat_resize(a->p, e->cmd->w, e->cmd->h) != 0)
                a->exit_code = 1;
            else if (a->opts.headless)          /* no window: no event will come */
                relayout(a);
            break;
        case SEV_WHEEL:
            ev.type = SDL_MOUSEWHEEL;
            ev.wheel.x = e->cmd->w;
            ev.wheel.y = e->cmd->h;
            ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
            SDL_PushEvent(&ev);
            break;
        case SEV_FILE:
            script_file_op(e->cmd, a->cfg->db_path);
            check_content(a);                   /* as the next wake-up would */
            break;
        }
    }
}

/* ---- issue 15: opening hours (schedule.h) --------------------------------- */

int64_t app_wall_ms(const app *a)
{
    if (a->clock0_ms)
        return a->clock0_ms + a->now;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int app_dark(const app *a) { return a->dark; }
void app_set_clock(app *a, int64_t clock0_ms) { a->clock0_ms = clock0_ms; }

/* While dark only the admin keys, a window close and a waking touch count;
** everything else is dropped. */
static void dark_events(app *a, int64_t wall)
{
    SDL_Event ev;
    plat_input in;
    while (a->dark && SDL_PollEvent(&ev)) {
        if (!plat_translate(a->p, &ev, &in))
            continue;
        if (in.kind == PIN_CLOSE || (in.kind == PIN_KEY && combo_matches(a, &in)))
            a->running = 0;
        else if ((in.kind == PIN_DOWN || in.kind == PIN_KEY) &&
                 sched_run_touch(a->sched, (time_t)(wall / 1000), a->now)) {
            a->dark = 0;                        /* the touch itself is swallowed */
            a->sched_due = sched_run_next_check(a->sched, wall, a->now);
        }
    }
}

/* ---- issue 15: health (health.h) ----------------------------------------- */

/* Counts and file time of the content on show: once per open / swap. */
static void note_content(app *a)
{
    store_counts c;
    struct stat sb;
    a->n_articles = a->n_quotes = a->n_events = -1;
    if (a->st && store_count(a->st, &c) == STORE_OK) {
        a->n_articles = (long)c.articles;
        a->n_quotes = (long)c.quotes;
        a->n_events = (long)c.events;
    }
    a->content_mtime_s = stat(a->cfg->db_path, &sb) == 0 ? (int64_t)sb.st_mtime : 0;
}

void app_health(const app *a, health_state *hs)
{
    memset(hs, 0, sizeof *hs);
    hs->start_s = a->start_s;
    hs->now_s = app_wall_ms(a) / 1000;
    hs->frames = a->stats.frames;
    hs->articles = a->n_articles;
    hs->quotes = a->n_quotes;
    hs->events = a->n_events;
    hs->content_mtime_s = a->content_mtime_s;
    hs->last_swap_s = a->last_swap_s;
    hs->last_refusal_s = a->last_refusal_s;
    hs->refusals = a->refusals;
    hs->screen_on = !a->dark;
    hs->stats_on = a->vs != NULL;
    hs->stats_events = stats_events(a->vs);
    hs->stats_dropped = stats_dropped(a->vs);
}

/* Every minute, on the wall clock's minute (with the schedule check). */
static void health_tick(app *a)
{
    const char *path = a->cfg->health_file;
    if (!path || !*path || (int32_t)(a->now - a->health_due) < 0)
        return;
    int64_t wall = app_wall_ms(a);
    if (!a->start_s)
        a->start_s = wall / 1000;
    health_state hs;
    app_health(a, &hs);
    health_write(path, &hs, &a->health_failing);
    a->health_due = a->now + (uint32_t)(HEALTH_PERIOD_MS - (uint32_t)(wall % HEALTH_PERIOD_MS));
}

/* Check the schedule when due: 1 while dark (the caller does nothing else). */
static int dark_step(app *a)
{
    if (!a->sched)
        return 0;
    int was = a->dark;
    int64_t wall = app_wall_ms(a);
    if ((int32_t)(a->now - a->sched_due) >= 0) {
        a->dark = sched_run_check(a->sched, (time_t)(wall / 1000), a->now);
        a->sched_due = sched_run_next_check(a->sched, wall, a->now);
    }
    if (a->dark)
        dark_events(a, wall);
    if (a->dark) {
        a->stats.dark_steps++;
        if (!was)                               /* one black frame, then no rendering */
            present(a);
        return 1;
    }
    if (was) {                                  /* lit again: draw, the idle clock restarts */
        a->dirty = 1;
        a->last_input = a->now;
    }
    return 0;
}

void app_step(app *a, uint32_t now)
{
    a->now = now;
    a->stats.steps++;
    if (a->sev)
        run_script(a);
    if (!a->running)
        return;
    health_tick(a);                             /* issue 15: the textfile, once a minute */
    if (dark_step(a))                           /* issue 15: outside opening hours, nothing else */
        return;
    if (a->ui)                                  /* issue 15: slideshow.sync reads the wall clock */
        ui_set_wall(a->ui, app_wall_ms(a) - (int64_t)a->now);
    check_content(a);                           /* a new database file? (non-blocking) */
    pump_events(a);                             /* events -> gestures -> screen input */
    update(a);
    if (a->vs && a->ui) {                       /* issue 15: statistics (a copy into a ring) */
        stats_track(a->vs, ui_get_state(a->ui), app_wall_ms(a), a->inputs != a->inputs_seen,
                    a->content_mtime_s);
        a->inputs_seen = a->inputs;
    }
    if (a->dirty && a->running)
        present(a);
}

uint32_t app_next_due(const app *a, uint32_t now)
{
    uint32_t due = APP_NONE_DUE;
    if (a->sched)                               /* the schedule check, once a minute */
        due = (int32_t)(a->sched_due - now) > 0 ? a->sched_due : now;  /* issue 15 */
    if (a->cfg->health_file && *a->cfg->health_file) {                 /* issue 15: health */
        uint32_t h = (int32_t)(a->health_due - now) > 0 ? a->health_due : now;
        if (h < due)
            due = h;
    }
    if (a->dark) {
        if (a->isev < a->nsev && a->sev[a->isev].t < due)
            due = a->sev[a->isev].t < now ? now : a->sev[a->isev].t;
        return due;
    }
    if (a->next || a->dirty || a->moving || a->done_pending || gesture_busy(a->g))
        due = now + APP_FRAME_MS;
    uint32_t wake = a->next ? 0 : screen_wake_in(a->cur, now);     /* a clock-driven step */
    if (wake && now + wake < due)
        due = now + wake;
    if (a->ui) {
        uint64_t u = ui_next_due(a->ui, now);
        if (u < due)
            due = u < now ? now : (uint32_t)u;
    } else if (a->index != 0 && !a->next) {
        uint32_t idle = a->last_input + (uint32_t)a->cfg->idle_timeout_ms;
        if (idle < due)
            due = idle < now ? now : idle;
    }
    if (a->isev < a->nsev && a->sev[a->isev].t < due)
        due = a->sev[a->isev].t < now ? now : a->sev[a->isev].t;
    return due;
}

int app_running(const app *a) { return a->running; }
void app_invalidate(app *a) { a->dirty = 1; }
void app_quit(app *a) { a->running = 0; }
int app_exit_code(const app *a) { return a->exit_code; }
plat *app_plat(app *a) { return a->p; }

void app_get_stats(const app *a, app_stats *st)
{
    *st = a->stats;
    st->animating = a->next != NULL;
    st->screen = a->cur ? a->cur->vt->name : a->next && a->from_name ? a->from_name : "";
    st->index = a->ui ? ui_get_state(a->ui)->cur.index : a->index;
    st->dark = a->dark;
}

/* The folder fonts are looked for in, in order (dir = content.fonts; exe =
** the executable's folder, from /proc/self/exe):
**   dir as given (relative: to the working folder)
**   exe/../dir             relative dir: a build tree (build/vitrine, fonts/)
**   exe/../share/vitrine/fonts, exe/../share/fonts   an installed layout
** None: a clear error and no app (main exits non-zero): an exhibit
** without text would show empty cards. */
static font_lib *open_fonts(const char *dir)
{
    char exe[PATH_MAX], cand[4][PATH_MAX + 64];
    int n = 0;
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;                             /* exe: the executable's folder */
    snprintf(cand[n++], sizeof cand[0], "%s", dir);
    if (exe[0] && dir[0] != '/')
        snprintf(cand[n++], sizeof cand[0], "%s/../%s", exe, dir);
    if (exe[0]) {
        snprintf(cand[n++], sizeof cand[0], "%s/../share/vitrine/fonts", exe);
        snprintf(cand[n++], sizeof cand[0], "%s/../share/fonts", exe);
    }
    for (int i = 0; i < n; i++) {
        int all = 1;
        for (int k = 0; k < FACE_COUNT && all; k++) {
            sbuf path = {0};
            sbuf_addf(&path, "%s/%s", cand[i], font_face_file(k));
            all = access(path.s, R_OK) == 0;
            sbuf_free(&path);
        }
        if (!all)
            continue;
        if (i > 0)
            log_warn("fonts: none in %s; using %s", dir, cand[i]);
        return font_lib_create(cand[i]);        /* NULL: a broken face file, logged */
    }
    sbuf tried = {0};
    for (int i = 0; i < n; i++)
        sbuf_addf(&tried, "%s%s", i ? ", " : "", cand[i]);
    log_error("fonts: the bundled font files (%s ...) are in none of: %s; "
              "set content.fonts or --fonts to their folder", font_face_file(0), tried.s);
    sbuf_free(&tried);
    return NULL;
}

app *app_create(const config *cfg, const app_opts *opts)
{
    app *a = xcalloc(1, sizeof *a);
    a->cfg = cfg;
    a->opts = *opts;
    a->running = 1;
    store_err se;
    int max_w, max_h;                           /* room for the script's resizes */
    script_max_size(opts->sc, &max_w, &max_h);
    if (!(a->p = plat_create(cfg, opts->headless, max_w, max_h)))
        goto err;
    if (!cfg->exit_keys || !*cfg->exit_keys)
        a->exit_key = a->exit_mods = 0;         /* no admin exit */
    else if (config_parse_combo(cfg->exit_keys, &a->exit_key, &a->exit_mods) != 0)
        config_parse_combo("ctrl+alt+q", &a->exit_key, &a->exit_mods);
    if (!(a->fonts = open_fonts(cfg->fonts_dir)))
        goto err;
    a->w = watch_create(cfg->db_path);          /* before the open: a file put in place now counts */
    a->st = store_open(cfg->db_path, &se, a->store_msg, sizeof a->store_msg);
    note_content(a);                            /* issue 15: health */
    int w, h;
    plat_logical_size(a->p, &w, &h);
    a->g = gesture_create(NULL, w < h ? w : h);
    /* legible across the room: the panel's size, given or from its EDID */
    double px_mm = cfg->diagonal_in > 0 ? hypot((double)w, (double)h) / (cfg->diagonal_in * 25.4)
                                        : plat_px_per_mm(a->p);
    ui_metrics_physical(px_mm, cfg->viewing_m);
    if (px_mm > 0)
        log_info("display: %.2f px/mm (%s); text legible at arm's length, slides from %.1f m",
                 px_mm, cfg->diagonal_in > 0 ? "display.diagonal" : "EDID", cfg->viewing_m);
    if (opts->sc)
        a->nsev = script_expand(opts->sc, &a->sev);
    a->tkind = cfg->transition;
    if (!cfg->sched_invalid)                    /* issue 15: opening hours */
        a->sched = sched_run_create(cfg->sched_hours, cfg->sched_closed, cfg->wake_on_touch_min,
                                    cfg->display_off_cmd, cfg->display_on_cmd);
    a->sched_due = 0;
    a->vs = stats_open(cfg->stats_db, cfg->stats_max_kb);     /* issue 15: NULL = off */
    if (cfg->screens == SCREENS_EXHIBIT) {
        screen_ctx c = ctx_of(a);
        ui_host host = { a, exhibit_show, exhibit_swap };
        a->ui = ui_create(cfg, &host, &c, w, h);
        /* a live screen starts its slideshow somewhere new after each boot;
        ** a scripted run (headless or in a window) keeps the fixed start,
        ** so it repeats */
        if (!opts->headless && !opts->sc)
            ui_set_seed(a->ui, (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16));
        ui_start(a->ui, 0);                     /* shows the first screen */
    } else {
        a->cur = make_screen(a, 0);
    }
    a->dirty = 1;
    return a;
err:
    app_destroy(a);
    return NULL;
}

void app_destroy(app *a)
{
    if (!a)
        return;
    screen_destroy(a->next);
    screen_destroy(a->cur);
    ui_destroy(a->ui);
    gesture_destroy(a->g);
    if (a->snap)
        SDL_DestroyTexture(a->snap);
    free(a->sev);
    sched_run_destroy(a->sched);
    stats_close(a->vs);
    store_close(a->pending);
    store_close(a->st);
    watch_destroy(a->w);
    font_lib_destroy(a->fonts);
    plat_destroy(a->p);
    free(a);
}
