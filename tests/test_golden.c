/*
** tests/test_golden.c: golden screenshots of the engine's test screen.
**
** Runs the app in-process, headless, on a FIXED database built from
** tests/fixtures/engine/fixture.sql, replays a script per case on the
** virtual clock and compares each shot with tests/golden/NAME.png:
** a pixel differs when any channel differs by more than GOLDEN_CHANNEL_TOL;
** a shot passes when at most GOLDEN_PIXEL_TOL of its pixels differ.
**
**   make golden                 regenerate the PNGs in tests/golden (then LOOK at them)
**   VITRINE_GOLDEN_UPDATE=1 build/tests/test_golden      same thing
**   build/tests/test_golden --compare A.png B.png        compare two files (exit 0/1)
*/
#include "app/app.h"
#include "app/config.h"
#include "app/script.h"
#include "common/util.h"
#include "fixture.h"
#include "golden.h"
#include "t.h"

#include <SDL.h>
#include <SDL_image.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GOLDEN_DIR "tests/golden"

typedef struct golden_case {
    const char *name;               /* for messages */
    int w, h, rotate;               /* output px, degrees */
    const char *transition;         /* crossfade | slide */
    int missing_db;                 /* 1: point at a database that does not exist */
    const char *script;             /* shot names must be unique across cases */
} golden_case;

static const golden_case cases[] = {
    {"800x480", 800, 480, 0, "crossfade", 0,
     "at 0 shot test_800x480.png\n"
     "at 100 tap 0.5 0.5\n"                  /* tap: next article, crossfade */
     "at 360 shot test_800x480_crossfade.png\n"
     "at 1000 shot test_800x480_next.png\n"
     "at 1100 quit\n"},
    {"800x480 slide", 800, 480, 0, "slide", 0,
     "at 0 key Right\n"
     "at 225 shot test_800x480_slide.png\n"  /* halfway through the slide */
     "at 1000 quit\n"},
    {"1920x1080", 1920, 1080, 0, "crossfade", 0,
     "at 0 shot test_1920x1080.png\nat 10 quit\n"},
    {"1080x1920", 1080, 1920, 0, "crossfade", 0,
     "at 0 shot test_1080x1920.png\nat 10 quit\n"},
    /* a 1920x1080 panel mounted portrait: content turned 90 degrees; a swipe
    ** across the PHYSICAL panel from y=0.9 to y=0.1 is a leftward swipe in
    ** the content's own orientation, so it goes forward */
    {"1920x1080 rotate 90", 1920, 1080, 90, "crossfade", 0,
     "at 0 shot test_rot90.png\n"
     "at 100 swipe 0.5 0.9 0.5 0.1 150\n"
     "at 1500 shot test_rot90_next.png\n"
     "at 1600 quit\n"},
    {"missing db", 800, 480, 0, "crossfade", 1,
     "at 0 shot notice_800x480.png\nat 10 quit\n"},
};

static char tmpdir[64], dbpath[96];

static int build_fixture_db(void)
{
    return fixture_db("engine", dbpath);
}

/* Share of differing pixels, or -1 when a file is missing / sizes differ. */
static double compare(const char *a_path, const char *b_path, char *why, size_t n)
{
    SDL_Surface *a = golden_load(a_path), *b = golden_load(b_path);
    double r = -1;
    if (!a || !b)
        snprintf(why, n, "cannot load %s", !a ? a_path : b_path);
    else if (a->w != b->w || a->h != b->h)
        snprintf(why, n, "size %dx%d vs %dx%d", a->w, a->h, b->w, b->h);
    else {
        r = golden_diff(a, b);
        snprintf(why, n, "%.3f%% of pixels differ", r * 100);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return r;
}

static int run_case(const golden_case *gc)
{
    config c;
    config_defaults(&c);
    char size[16];
    snprintf(size, sizeof size, "%d", gc->w);
    config_set(&c, "display.width", size, "test", 0);
    snprintf(size, sizeof size, "%d", gc->h);
    config_set(&c, "display.height", size, "test", 0);
    snprintf(size, sizeof size, "%d", gc->rotate);
    config_set(&c, "display.rotate", size, "test", 0);
    config_set(&c, "timing.transition", gc->transition, "test", 0);
    config_set(&c, "display.screens", "test", "test", 0);   /* the engine's test screens */
    config_set(&c, "content.database", gc->missing_db ? "/nonexistent/corpus.db" : dbpath, "test", 0);
    char err[256];
    script *sc = script_parse(gc->script, gc->name, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "%s\n", err);
        config_free(&c);
        return -1;
    }
    app_opts o = { 1, sc, tmpdir, 0 };
    app *a = app_create(&c, &o);
    int rc = -1;
    if (a) {
        uint32_t now = 0;
        while (app_running(a)) {            /* the virtual-clock loop of main.c */
            app_step(a, now);
            now = app_next_due(a, now);
        }
        rc = app_exit_code(a);
        app_destroy(a);
    }
    script_free(sc);
    config_free(&c);
    return rc;
}

static void check_shots(const golden_case *gc, int update)
{
    char err[256];
    script *sc = script_parse(gc->script, gc->name, err, sizeof err);
    for (size_t i = 0; sc && i < sc->n; i++) {
        if (sc->cmds[i].op != SCRIPT_SHOT)
            continue;
        char got[256], want[256], why[128];
        snprintf(got, sizeof got, "%s/%s", tmpdir, sc->cmds[i].name);
        snprintf(want, sizeof want, "%s/%s", GOLDEN_DIR, sc->cmds[i].name);
        if (update) {
            SDL_Surface *s = IMG_Load(got);
            T_OK(s && IMG_SavePNG(s, want) == 0);
            printf("updated %s\n", want);
            SDL_FreeSurface(s);
            continue;
        }
        double d = compare(got, want, why, sizeof why);
        if (d < 0 || d > GOLDEN_PIXEL_TOL)
            T_FAIL_("%s: %s vs %s: %s", gc->name, got, want, why);
        else
            t_passed++;
    }
    script_free(sc);
}

static void test_goldens(void)
{
    int update = getenv("VITRINE_GOLDEN_UPDATE") != NULL;
    T_INT(build_fixture_db(), 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        t_current = cases[i].name;
        T_INT(run_case(&cases[i]), 0);
        check_shots(&cases[i], update);
    }
}

/* The compare itself must be able to fail. */
static void test_compare_detects(void)
{
    char a[128], b[128], why[128];
    snprintf(a, sizeof a, "%s/cmp_a.png", tmpdir);
    snprintf(b, sizeof b, "%s/cmp_b.png", tmpdir);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 100, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(s, NULL, 0xff202020);
    IMG_SavePNG(s, a);
    SDL_Rect small = { 0, 0, 5, 5 }, big = { 0, 0, 10, 10 };
    SDL_FillRect(s, &small, 0xff202028);            /* within the channel tolerance */
    IMG_SavePNG(s, b);
    T_OK(compare(a, b, why, sizeof why) == 0.0);
    SDL_FillRect(s, &small, 0xffffffff);            /* 0.25% of pixels: passes */
    IMG_SavePNG(s, b);
    T_OK(compare(a, b, why, sizeof why) <= GOLDEN_PIXEL_TOL);
    SDL_FillRect(s, &big, 0xffffffff);              /* 1%: fails */
    IMG_SavePNG(s, b);
    T_OK(compare(a, b, why, sizeof why) > GOLDEN_PIXEL_TOL);
    SDL_FreeSurface(s);
}

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
}

int main(int argc, char **argv)
{
    log_set_quiet(1);
    if (argc == 4 && strcmp(argv[1], "--compare") == 0) {
        char why[128];
        double d = compare(argv[2], argv[3], why, sizeof why);
        printf("%s vs %s: %s\n", argv[2], argv[3], why);
        return d < 0 || d > GOLDEN_PIXEL_TOL;
    }
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vitrine-golden-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    snprintf(dbpath, sizeof dbpath, "%s/fixture.db", tmpdir);
    T_RUN(test_compare_detects);
    T_RUN(test_goldens);
    if (t_failed)
        fprintf(stderr, "shots kept in %s for a look\n", tmpdir);
    else
        cleanup();
    return T_DONE();
}
