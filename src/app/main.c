/*
** src/app/main.c: vitrine, the display app.
**
** Initialization: flags over the config file over defaults, then the app
** (platform, fonts, store, first screen prepared). Update/Draw: the loop
** below, one app_step per wake-up. De-initialization: app_destroy.
**
** Quitting: the admin key combination (admin.exit_keys), SIGINT or SIGTERM
** (the handler only sets a flag; the loop exits cleanly within
** APP_MAX_SLEEP_MS), a script's `quit`, or closing the window, which is
** honoured only when NOT in fullscreen kiosk mode, so a visitor cannot close
** an exhibit by accident.
**
** Under systemd (Type=notify, plat_notify.h): READY=1 after the first frame,
** WATCHDOG=1 from this loop (its sleep is capped at WatchdogSec/2 so an idle
** app still pets in time; a hung loop stops petting and is restarted),
** STATUS= the screen on show, STOPPING=1 on the way out.
*/
#include "app/app.h"
#include "app/config.h"
#include "app/strings.h"
#include "app/health.h"        /* STATUS= text (issue 15) */
#include "app/plat.h"
#include "app/plat_notify.h"
#include "app/schedule.h"      /* --clock (issue 15) */
#include "app/script.h"
#include "app/text.h"
#include "common/util.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>         /* mallopt: return big buffers to the system */
#endif

static volatile sig_atomic_t got_signal;
static void on_signal(int sig) { got_signal = sig; stop_request(); }  /* long layouts end early */

typedef struct opts {
    const char *config, *script, *shots, *clock;
    int headless, bench;
} opts;

static void usage(void)
{
    printf("usage: vitrine [FLAGS]\n\n"
           "  --config FILE        read settings from an INI file (see assets/vitrine.ini)\n"
           "  --db FILE            corpus database (content.database)\n"
           "  --fonts DIR          folder of the bundled fonts (content.fonts)\n"
           "  --size WxH           output size in px, as the panel is mounted (display.width/height)\n"
           "  --rotate DEG         0|90|180|270: content turned clockwise on the panel (display.rotate)\n"
           "  --fullscreen         fullscreen kiosk; window close is ignored (display.fullscreen)\n"
           "  --window             a desktop window (display.fullscreen=false)\n"
           "  --transition KIND    crossfade|slide (timing.transition)\n"
           "  --kms-device N       /dev/dri/cardN for KMSDRM (display.kms_device)\n"
           "  --screens KIND       exhibit|test: the visitor UI or the engine's test screens (display.screens)\n"
           "  --set SECTION.KEY=V  set any config key (list below)\n"
           "  --headless           render offscreen: no window, no display server needed\n"
           "  --script FILE        replay timed input on a virtual clock (format: src/app/script.h);\n"
           "                       testing aids: 'at MS replace SRC' (rename a copy of SRC over the\n"
           "                       database), 'at MS corrupt|truncate|delete' (damage it in place)\n"
           "  --shots DIR          folder for the script's `shot` files (default .)\n"
           "  --clock \"YYYY-MM-DD HH:MM:SS\"  with --script: the local wall-clock time at virtual 0\n"
           "                       (opening hours, synchronised slideshows)\n"
           "  --bench              print timing lines (bench ...) to stdout\n"
           "  --quiet              no info lines on stderr\n"
           "  --help, --version\n\n"
           "Flags override the config file, which overrides the defaults.\n"
           "Exit status: 0 ok, 1 runtime failure, 2 bad flags or script.\n\n"
           "Config keys (default, meaning):\n");
    config_print_keys();
}

/* Flags that map to config keys: flag, key (value from the next argument
** unless fixed is set). */
static const struct { const char *flag, *key, *fixed; } flag_keys[] = {
    {"--db",         "content.database",   NULL},
    {"--fonts",      "content.fonts",      NULL},
    {"--rotate",     "display.rotate",     NULL},
    {"--transition", "timing.transition",  NULL},
    {"--kms-device", "display.kms_device", NULL},
    {"--screens",    "display.screens",    NULL},
    {"--fullscreen", "display.fullscreen", "true"},
    {"--window",     "display.fullscreen", "false"},
};

/* Two passes: the first finds --config (and --help/--version), the second
** applies flags over the loaded file. Returns -1 on a bad flag, 1 to exit 0. */
static int parse_flags(int argc, char **argv, config *cfg, opts *o, int pass)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        size_t k;
        if (!strcmp(f, "--help")) { if (pass == 0) usage(); return 1; }
        if (!strcmp(f, "--version")) { if (pass == 0) printf("vitrine %s\n", VITRINE_VERSION); return 1; }
        if (!strcmp(f, "--headless")) { o->headless = 1; continue; }
        if (!strcmp(f, "--bench")) { o->bench = 1; continue; }
        if (!strcmp(f, "--quiet")) { log_set_quiet(1); continue; }
        for (k = 0; k < sizeof flag_keys / sizeof flag_keys[0]; k++)
            if (!strcmp(f, flag_keys[k].flag))
                break;
        if (k < sizeof flag_keys / sizeof flag_keys[0] && flag_keys[k].fixed) {
            if (pass && config_set(cfg, flag_keys[k].key, flag_keys[k].fixed, f, 0) != 0) return -1;
            continue;
        }
        int known = k < sizeof flag_keys / sizeof flag_keys[0] || !strcmp(f, "--config") ||
                    !strcmp(f, "--script") || !strcmp(f, "--shots") || !strcmp(f, "--size") ||
                    !strcmp(f, "--set") || !strcmp(f, "--clock");
        if (!known) { log_error("unknown flag '%s' (see --help)", f); return -1; }
        if (!v) { log_error("%s needs a value", f); return -1; }
        i++;
        if (!strcmp(f, "--config")) o->config = v;
        else if (!strcmp(f, "--script")) o->script = v;
        else if (!strcmp(f, "--shots")) o->shots = v;
        else if (!strcmp(f, "--clock")) o->clock = v;
        else if (pass == 0) continue;
        else if (k < sizeof flag_keys / sizeof flag_keys[0]) {
            if (config_set(cfg, flag_keys[k].key, v, f, 0) != 0) return -1;
        } else if (!strcmp(f, "--size")) {
            char w[16], h[16];
            if (sscanf(v, "%15[0-9]x%15[0-9]", w, h) != 2 ||
                config_set(cfg, "display.width", w, f, 0) || config_set(cfg, "display.height", h, f, 0)) {
                log_error("--size wants WxH, e.g. 1920x1080");
                return -1;
            }
        } else {                                /* --set key=value */
            char key[64];
            const char *eq = strchr(v, '=');
            if (!eq || (size_t)(eq - v) >= sizeof key) { log_error("--set wants SECTION.KEY=VALUE"); return -1; }
            memcpy(key, v, (size_t)(eq - v));
            key[eq - v] = 0;
            if (config_set(cfg, key, eq + 1, "--set", 0) != 0) return -1;
        }
    }
    return 0;
}

/* Dark without wake on touch: a plain sleep until the schedule check (or
** the watchdog), with no input polling; a signal ends it at once (EINTR). */
static void dark_sleep(uint32_t ms, uint32_t watchdog_ms)
{
    if (ms > watchdog_ms)
        ms = watchdog_ms;
    struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
    if (!got_signal)
        nanosleep(&ts, NULL);
}

/* Peak resident set size (VmHWM) for --bench. */
static void print_peak_rss(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[128];
    while (fp && fgets(line, sizeof line, fp))
        if (strncmp(line, "VmHWM:", 6) == 0)
            printf("bench peak_rss_kb %ld\n", strtol(line + 6, NULL, 10));
    if (fp)
        fclose(fp);
}

int main(int argc, char **argv)
{
    /* ---- Initialization ---- */
    log_set_program("vitrine");
#ifdef __GLIBC__
    /* Text surfaces and textures are large and short-lived. A FIXED mmap
    ** threshold (glibc otherwise raises it after the first big free) makes
    ** each one its own mapping, returned on free: RSS stays flat. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    /* One heap for every thread: the thread that decodes the next slide's
    ** picture (picture_prefetch) would otherwise get an arena of its own,
    ** pages that count in the peak; it allocates a few buffers a slide. */
    mallopt(M_ARENA_MAX, 1);
#endif
    config cfg;
    config_defaults(&cfg);
    opts o = {0};
    int rc = parse_flags(argc, argv, &cfg, &o, 0);
    if (rc)
        return config_free(&cfg), rc > 0 ? 0 : 2;
    if (o.config && config_load(&cfg, o.config) != 0)
        return config_free(&cfg), 2;
    if ((rc = parse_flags(argc, argv, &cfg, &o, 1)) != 0)
        return config_free(&cfg), rc > 0 ? 0 : 2;
    str_set_language((str_lang)cfg.language);      /* the exhibit's texts (strings.h) */

    script *sc = NULL;
    if (o.script) {
        char err[512];
        if (!(sc = script_load(o.script, err, sizeof err))) {
            log_error("%s", err);
            return config_free(&cfg), 2;
        }
        if (!sc->has_quit) {
            log_error("%s:%d: script never reaches 'quit'", o.script,
                      sc->n ? sc->cmds[sc->n - 1].line : 1);
            return script_free(sc), config_free(&cfg), 2;
        }
    }
    int64_t clock0_ms = 0;                  /* issue 15: --clock */
    if (o.clock) {
        time_t t0c;
        if (!sc || sched_parse_clock(o.clock, &t0c) != 0) {
            log_error(sc ? "--clock wants \"YYYY-MM-DD HH:MM:SS\" (local time), not '%s'"
                         : "--clock '%s' needs --script (it sets the virtual clock's wall time)", o.clock);
            return script_free(sc), config_free(&cfg), 2;
        }
        clock0_ms = (int64_t)t0c * 1000;
    }
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    app_opts ao = { o.headless, sc, o.shots, o.bench };
    uint32_t t0 = plat_clock_ms();
    app *a = app_create(&cfg, &ao);
    if (!a)
        return script_free(sc), config_free(&cfg), 1;
    app_set_clock(a, clock0_ms);            /* issue 15: --clock */
    notify *nt = notify_create();           /* NULL unless run by systemd */
    uint32_t max_sleep = notify_max_sleep_ms(nt);
    if (max_sleep > APP_MAX_SLEEP_MS)
        max_sleep = APP_MAX_SLEEP_MS;

    /* ---- Update / Draw: one wake-up per iteration ---- */
    uint32_t now = 0;       /* app clock: virtual under --script, else real ms since start */
    uint32_t due = 0;       /* when the app wants its next step */
    while (app_running(a)) {
        if (got_signal) {
            log_info("signal %d: quitting", (int)got_signal);
            break;
        }
        /* issue 15: dark, no touch wake, woken early only to pet the watchdog: no step */
        if (!(app_dark(a) && !sc && !cfg.wake_on_touch_min && (int32_t)(now - due) < 0))
            app_step(a, now);   /* events -> gestures -> update(now) -> render if dirty */
        if (nt) {
            app_stats ns;
            app_get_stats(a, &ns);
            char status[160];
            health_state hs;                        /* issue 15: screen, content, dark */
            app_health(a, &hs);
            health_status(&hs, ns.screen, status, sizeof status);
            notify_ready(nt, plat_clock_ms());      /* once: the first frame is presented */
            notify_status(nt, status);
            notify_watchdog(nt, plat_clock_ms());
        }
        if (o.bench && now == 0) {          /* wall clock, so bench.sh can subtract its launch time */
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            printf("bench first_frame_at_ns %lld%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
            fflush(stdout);
        }
        due = app_next_due(a, now);
        if (sc) {
            now = due;      /* virtual clock: jump to the next thing due */
        } else {
            uint32_t real = plat_clock_ms() - t0;
            if (due > real && app_dark(a) && !cfg.wake_on_touch_min)
                dark_sleep(due - real, notify_max_sleep_ms(nt));    /* issue 15: no input wanted */
            else if (due > real)
                plat_wait(app_plat(a), (int)(due - real < max_sleep ? due - real : max_sleep));
            now = plat_clock_ms() - t0;
        }
    }

    /* ---- De-initialization ---- */
    notify_stopping(nt);
    notify_destroy(nt);
    app_stats st;
    app_get_stats(a, &st);
    if (o.bench) {
        printf("bench steps %lu frames %lu transition_frames %lu end_ms %u\n",
               st.steps, st.frames, st.transition_frames, now);
        printf("bench dark_steps %lu\n", st.dark_steps);   /* issue 15 */
        print_peak_rss();
    }
    rc = app_exit_code(a);
    app_destroy(a);
    if (o.bench)
        text_print_counters();      /* after destroy: 0 and 0, or a leak */
    script_free(sc);
    config_free(&cfg);
    return rc;
}
