/*
** tests/test_alloc.c: steady frames and transition frames allocate nothing.
**
** How allocations are counted (two sources, one counter in src/app/alloc.c):
** - alloc_hook_sdl(): SDL_SetMemoryFunctions routes SDL_malloc & co. (SDL,
**   SDL_ttf, SDL_image) through counting wrappers;
** - this binary defines malloc/calloc/realloc itself. An executable's
**   definitions take precedence over libc's for the whole process (ELF symbol
**   interposition), so libc-level calls from FreeType, SQLite, our code and
**   SDL's own fallbacks are counted too; they forward to glibc's
**   __libc_malloc & co. (free needs no wrapper: same allocator).
**   Under ASan (SANITIZE=1) ASan owns malloc, so only SDL's are counted.
** Known, bounded exception: SDL's software blitter allocates a blit-map list
** node when a texture's alpha modulation switches on or off, i.e. on the
** first frame of a crossfade and on the first static frame after it. The
** app primes new screens (one draw right after prepare) so first blits do
** not allocate during a transition, and keeps crossfade alpha below 255.
**
** Method: the app runs headless at 1920x1080; after a warm-up (one full
** forward and back transition, so grow-only buffers in SDL's render queue
** have their size) the counter must not move across N steady redraws, N idle
** steps, and every frame of a crossfade and of a slide after the step that
** prepared the next screen (preparing allocates by design).
*/
#include "app/alloc.h"
#include "app/app.h"
#include "app/config.h"
#include "common/util.h"
#include "fixture.h"
#include "t.h"

#include <SDL.h>
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
#define LIBC_COUNTED 1
#else
#define LIBC_COUNTED 0
#endif

#define N_FRAMES 120

static char dbpath[64];

static int make_db(void)
{
    snprintf(dbpath, sizeof dbpath, "/tmp/vitrine-alloc-%d.db", (int)getpid());
    return fixture_db("engine", dbpath);
}

static void push_key(SDL_Keycode k)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = k;
    SDL_PushEvent(&ev);
}

/* Run one transition. Returns the allocations of its frames after the
** preparing step; *mid gets those of all frames but the first and last. */
static unsigned long transition(app *a, uint32_t *now, SDL_Keycode k, unsigned long *frames,
                                unsigned long *mid)
{
    push_key(k);
    app_step(a, *now);                          /* prepares the next screen */
    app_stats st;
    app_get_stats(a, &st);
    unsigned long f0 = st.transition_frames, start = alloc_count(), first = 0, last = 0;
    do {
        unsigned long b = alloc_count();
        *now += APP_FRAME_MS;
        app_step(a, *now);
        app_get_stats(a, &st);
        last = alloc_count() - b;
        if (st.transition_frames - f0 == 1)
            first = last;
        if (getenv("VERBOSE"))
            printf("frame %lu: %lu allocations\n", st.transition_frames - f0, last);
    } while (st.animating);
    *frames = st.transition_frames - f0;
    unsigned long all = alloc_count() - start;
    *mid = all - first - last;
    return all;
}

static void run(const char *kind)
{
    config c;
    config_defaults(&c);
    config_set(&c, "display.width", "1920", "test", 0);
    config_set(&c, "display.height", "1080", "test", 0);
    config_set(&c, "timing.transition", kind, "test", 0);
    config_set(&c, "display.screens", "test", "test", 0);
    config_set(&c, "content.database", dbpath, "test", 0);
    app_opts o = { 1, NULL, NULL, 0 };
    app *a = app_create(&c, &o);
    T_OK(a != NULL);
    if (!a) { config_free(&c); return; }
    uint32_t now = 0;
    unsigned long frames, mid;
    app_step(a, now);
    transition(a, &now, SDLK_RIGHT, &frames, &mid);     /* warm-up */
    transition(a, &now, SDLK_LEFT, &frames, &mid);

    unsigned long before = alloc_count();
    for (int i = 0; i < N_FRAMES; i++) {        /* steady redraws */
        app_invalidate(a);
        app_step(a, now += APP_FRAME_MS);
    }
    T_INT(alloc_count() - before, 0);

    before = alloc_count();
    for (int i = 0; i < N_FRAMES; i++)          /* idle wake-ups: no frame drawn */
        app_step(a, now += 500);
    T_INT(alloc_count() - before, 0);

    for (int dir = 0; dir < 2; dir++) {
        unsigned long all = transition(a, &now, dir ? SDLK_LEFT : SDLK_RIGHT, &frames, &mid);
        T_OK(frames >= 20);                     /* 450 ms at 16 ms a frame */
        T_INT(mid, 0);
        /* crossfade: on its first frame and the first frame after it, SDL's
        ** software blitter re-maps each texture whose alpha modulation
        ** switches on/off (a small list node each; GPU renderers do not);
        ** bounded by the textures on show. Slides allocate nothing at all. */
        T_OK(all <= 4 * 48);
        printf("%s: %lu frames, %lu allocations in frames 2..n-1, %lu in all "
               "(software blitter re-maps on the first and last frame)\n", kind, frames, mid, all);
    }

    /* the counter itself counts: preparing a screen allocates */
    before = alloc_count();
    push_key(SDLK_RIGHT);
    app_step(a, now += APP_FRAME_MS);
    T_OK(alloc_count() > before);
    app_destroy(a);
    config_free(&c);
}

/* The exhibit: a steady article page and the full text's kinetic scrolling
** (PageDown fling, a finger drag with release velocity, the rubber band at
** the end) allocate nothing per frame. */
static void push_finger(Uint32 type, float x, float y)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = type;
    ev.tfinger.touchId = 0x5c;
    ev.tfinger.fingerId = 1;
    ev.tfinger.x = x;
    ev.tfinger.y = y;
    ev.tfinger.pressure = 1;
    SDL_PushEvent(&ev);
}

static unsigned long frames_until_rest(app *a, uint32_t *now, int max)
{
    unsigned long before = alloc_count();
    for (int i = 0; i < max; i++)
        app_step(a, *now += APP_FRAME_MS);
    return alloc_count() - before;
}

static void test_exhibit(void)
{
    char db[64];
    snprintf(db, sizeof db, "/tmp/vitrine-alloc-ui-%d.db", (int)getpid());
    T_OK(fixture_db("ui", db) == 0);
    config c;
    config_defaults(&c);
    config_set(&c, "display.width", "1920", "test", 0);
    config_set(&c, "display.height", "1080", "test", 0);
    config_set(&c, "content.database", db, "test", 0);
    app_opts o = { 1, NULL, NULL, 0 };
    app *a = app_create(&c, &o);
    T_OK(a != NULL);
    if (!a) { config_free(&c); unlink(db); return; }
    uint32_t now = 0;
    app_step(a, now);
    push_finger(SDL_FINGERDOWN, 0.2f, 0.25f);           /* first card */
    app_step(a, now += 20);
    push_finger(SDL_FINGERUP, 0.2f, 0.25f);
    app_step(a, now += 60);
    frames_until_rest(a, &now, 60);
    app_stats st;
    app_get_stats(a, &st);
    T_STR(st.screen, "article");
    unsigned long before = alloc_count();
    for (int i = 0; i < N_FRAMES; i++) {        /* steady redraws of an exhibit screen */
        app_invalidate(a);
        app_step(a, now += APP_FRAME_MS);
    }
    T_INT(alloc_count() - before, 0);
    push_key(SDLK_RETURN);                      /* full text */
    app_step(a, now += APP_FRAME_MS);
    frames_until_rest(a, &now, 60);
    app_get_stats(a, &st);
    T_STR(st.screen, "fulltext");
    push_key(SDLK_PAGEDOWN);                    /* warm-up fling: renders the */
    frames_until_rest(a, &now, 120);            /* lazy texts it brings near */
    push_key(SDLK_DOWN);
    frames_until_rest(a, &now, 60);
    push_key(SDLK_UP);                          /* back and forth over text */
    T_INT(frames_until_rest(a, &now, 60), 0);   /* already drawn: nothing new */
    push_key(SDLK_DOWN);
    T_INT(frames_until_rest(a, &now, 60), 0);
    /* a flick down: drag + release velocity, back over the text already
    ** drawn and coasting into the rubber band at the top */
    unsigned long f0 = (app_get_stats(a, &st), st.frames);
    before = alloc_count();
    push_finger(SDL_FINGERDOWN, 0.5f, 0.24f);
    app_step(a, now += APP_FRAME_MS);
    for (int i = 1; i <= 8; i++) {
        push_finger(SDL_FINGERMOTION, 0.5f, 0.24f + 0.07f * (float)i);
        app_step(a, now += APP_FRAME_MS);
    }
    push_finger(SDL_FINGERUP, 0.5f, 0.8f);
    app_step(a, now += APP_FRAME_MS);
    frames_until_rest(a, &now, 180);
    T_INT(alloc_count() - before, 0);
    app_get_stats(a, &st);
    T_OK(st.frames - f0 > 20);                  /* it really animated */
    printf("exhibit: %lu scrolling frames, 0 allocations expected\n", st.frames - f0);
    app_destroy(a);
    config_free(&c);
    unlink(db);
}

static void test_crossfade(void) { run("crossfade"); }
static void test_slide(void) { run("slide"); }

int main(void)
{
    log_set_quiet(1);
    alloc_hook_sdl();                           /* before SDL_Init */
    if (make_db() != 0) {
        fprintf(stderr, "cannot build the fixture db\n");
        return 1;
    }
    printf("counting SDL allocations%s\n", LIBC_COUNTED ? " and libc malloc/calloc/realloc" : " only (ASan build)");
    T_RUN(test_crossfade);
    T_RUN(test_slide);
    T_RUN(test_exhibit);
    unlink(dbpath);
    return T_DONE();
}
