/*
** src/app/app.h: the frame loop, one iteration at a time.
**
** main.c owns the loop and the clock; the app only ever learns "now" from
** app_step's argument. In a --script run that is a VIRTUAL clock which jumps
** straight to the next moment something is due (app_next_due), so a 60 s
** idle wait costs nothing; in a live run it is real monotonic ms.
**
**   app_step(now): events (+ script input due) -> gestures -> update(now)
**                  -> render if dirty; shots due at now are taken here.
*/
#ifndef VITRINE_APP_H
#define VITRINE_APP_H

#include "app/config.h"
#include "app/plat.h"
#include "app/script.h"

#include <stdint.h>

#define APP_FRAME_MS     16u     /* ms between frames while something moves */
#define APP_MAX_SLEEP_MS 1000u   /* ms: longest sleep (bounds signal latency) */
#define APP_PRESS_ALPHA  48      /* a held control: veil of the text colour, alpha of 255 */
#define APP_NONE_DUE     UINT32_MAX
/* Exit status after the admin key combination (admin.exit_keys): the
** systemd unit does not restart on it (RestartPreventExitStatus=3), so an
** admin exit stops the kiosk instead of counting towards the start limit. */
#define APP_EXIT_ADMIN   3

typedef struct app_opts {
    int headless;               /* no window, software renderer */
    const script *sc;           /* borrowed; NULL = live input */
    const char *shots_dir;      /* where `shot` writes ("." default) */
    int bench;                  /* print timing lines to stdout */
} app_opts;

typedef struct app app;         /* opaque */

/* cfg is borrowed and must outlive the app. NULL if the platform failed. */
app *app_create(const config *cfg, const app_opts *opts);
void app_destroy(app *a);                       /* NULL-safe */

void app_step(app *a, uint32_t now);
/* Absolute time at which the next step is needed: now + APP_FRAME_MS while
** animating, a timer or script event, or APP_NONE_DUE. */
uint32_t app_next_due(const app *a, uint32_t now);
int app_running(const app *a);
void app_invalidate(app *a);                    /* draw again at the next step */
void app_quit(app *a);                          /* signal handler path, via a flag */
int app_exit_code(const app *a);                /* 0, or 1 if a shot failed */
plat *app_plat(app *a);

/* Counters for tests and --bench. */
typedef struct app_stats {
    unsigned long steps;        /* app_step calls (wake-ups) */
    unsigned long frames;       /* frames rendered */
    unsigned long transition_frames;
    unsigned long prepares;     /* screens prepared */
    int animating;              /* 1 while a transition runs */
    const char *screen;         /* name of the current screen */
    int index;                  /* current test-screen index */
    unsigned long dark_steps;   /* app_step calls while dark (opening hours) */
    int dark;                   /* 1: outside opening hours, nothing rendered */
} app_stats;
void app_get_stats(const app *a, app_stats *st);

/* Wall-clock ms since the epoch as the app sees it: --clock + the virtual
** clock in a script run, else CLOCK_REALTIME (read afresh: NTP steps count). */
int64_t app_wall_ms(const app *a);
/* --clock: the wall-clock epoch ms at virtual 0 (before the first step);
** 0 = the real clock. */
void app_set_clock(app *a, int64_t clock0_ms);
/* 1 while dark outside opening hours (schedule.h). */
int app_dark(const app *a);

/* The state health.h writes (issue 15); cheap: cached counts, no SQLite. */
struct health_state;
void app_health(const app *a, struct health_state *hs);

/* Render now and save the output as PNG (what `shot` does). 0 ok. */
int app_shot(app *a, const char *path);

#endif
