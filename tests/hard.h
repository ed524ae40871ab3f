/*
** tests/hard.h: shared helpers of the hardening tests (test_soak, test_storm,
** test_kiosk): a headless app on a database, SDL input injected with
** SDL_PushEvent exactly as the --script harness does, a virtual clock that
** steps like main.c's loop, and the process's resident memory.
** Header only; every function is static.
*/
#ifndef VITRINE_TESTS_HARD_H
#define VITRINE_TESTS_HARD_H

#include "app/app.h"
#include "app/config.h"
#include "common/util.h"

#include <SDL.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define HARD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HARD_ASAN 1
#endif
#endif
#ifndef HARD_ASAN
#define HARD_ASAN 0
#endif

/* Database for a run: $BUILD/corpus.db (the bundled articles, built by
** `make`) if present, else tests/fixtures/ui/fixture.sql loaded into
** /tmp/vitrine-NAME-PID.db (path in buf; unlink it at the end). */
static inline const char *hard_db(const char *name, char *buf, size_t n, int *temp)
{
    const char *b = getenv("BUILD");
    snprintf(buf, n, "%s/corpus.db", b && *b ? b : "build");
    *temp = 0;
    if (access(buf, R_OK) == 0)
        return buf;
    static char sql[65536];
    FILE *fp = fopen("tests/fixtures/ui/fixture.sql", "rb");
    if (!fp)
        return NULL;
    size_t k = fread(sql, 1, sizeof sql - 1, fp);
    fclose(fp);
    sql[k] = 0;
    snprintf(buf, n, "/tmp/vitrine-%s-%d.db", name, (int)getpid());
    unlink(buf);
    sqlite3 *db;
    int ok = sqlite3_open(buf, &db) == SQLITE_OK && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    *temp = 1;
    return ok ? buf : NULL;
}

/* VmRSS of this process in KiB (0 if unknown). */
static inline long hard_rss_kb(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[128];
    long kb = 0;
    while (fp && fgets(line, sizeof line, fp))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (fp)
        fclose(fp);
    return kb;
}

static inline void hard_finger(Uint32 type, long long id, float x, float y)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = type;
    ev.tfinger.touchId = 0x5c;
    ev.tfinger.fingerId = id;
    ev.tfinger.x = x;
    ev.tfinger.y = y;
    ev.tfinger.pressure = 1;
    SDL_PushEvent(&ev);
}

/* Key down + up with SDL modifier bits (KMOD_*). */
static inline void hard_key(SDL_Keycode k, Uint16 kmod)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    ev.key.keysym.mod = kmod;
    SDL_PushEvent(&ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
}

/* Step like main.c's --script loop from *now up to `until` (virtual clock:
** jump to whatever is due next). Returns the steps taken. */
static inline unsigned long hard_run_until(app *a, uint32_t *now, uint32_t until)
{
    unsigned long n = 0;
    while (app_running(a) && *now < until) {
        uint32_t due = app_next_due(a, *now);
        *now = due < until ? (due > *now ? due : *now + 1) : until;
        app_step(a, *now);
        n++;
    }
    return n;
}

/* A tap at (x, y) (fractions of the output), as the script's `tap`. */
static inline void hard_tap(app *a, uint32_t *now, long long finger, float x, float y)
{
    hard_finger(SDL_FINGERDOWN, finger, x, y);
    app_step(a, *now);
    hard_run_until(a, now, *now + 60);
    hard_finger(SDL_FINGERUP, finger, x, y);
    app_step(a, *now);
}

/* A swipe from (x1, y1) to (x2, y2) in ms, motion every 16 ms. */
static inline void hard_swipe(app *a, uint32_t *now, long long finger, float x1, float y1,
                       float x2, float y2, uint32_t ms)
{
    uint32_t t0 = *now;
    hard_finger(SDL_FINGERDOWN, finger, x1, y1);
    app_step(a, *now);
    for (uint32_t d = 16; d < ms; d += 16) {
        float f = (float)d / (float)ms;
        hard_run_until(a, now, t0 + d);
        hard_finger(SDL_FINGERMOTION, finger, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
        app_step(a, *now);
    }
    hard_run_until(a, now, t0 + ms);
    hard_finger(SDL_FINGERMOTION, finger, x2, y2);
    hard_finger(SDL_FINGERUP, finger, x2, y2);
    app_step(a, *now);
}

/* Screen names the app may show (app_stats.screen). */
static inline int hard_valid_screen(const char *s)
{
    static const char *const names[] = { "home", "article", "fulltext", "quote", "timeline",
                                         "slide", "notice" };
    for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0)
            return 1;
    return 0;
}

/* Small deterministic PRNG (xorshift64*). */
static __attribute__((unused)) uint64_t hard_rng = 0x9e3779b97f4a7c15ULL;
static inline uint32_t hard_rand(void)
{
    hard_rng ^= hard_rng >> 12;
    hard_rng ^= hard_rng << 25;
    hard_rng ^= hard_rng >> 27;
    return (uint32_t)((hard_rng * 0x2545F4914F6CDD1DULL) >> 32);
}
static inline float hard_frand(void) { return (float)(hard_rand() >> 8) / 16777216.0f; }

#endif
