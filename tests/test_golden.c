/*
** tests/test_golden.c: golden screenshots of the engine's test screen.
**
** Runs the app in-process, headless, on a FIXED database built from
** tests/fixtures/engine/fixture.sql, replays a script per case on the
** virtual clock and compares each shot with tests/golden/NAME.png:
** a shot passes when no connected region of differing pixels is larger than
** GOLDEN_REGION_MAX pixels (tests/golden.h: channel tolerance and
** antialiasing shifts allowed, a changed letter is not).
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

/* 1 when the files match (golden_compare), 0 when not, -1 when a file is
** missing or the sizes differ; why says what was found. */
static int compare(const char *a_path, const char *b_path, char *why, size_t n)
{
    SDL_Surface *a = golden_load(a_path), *b = golden_load(b_path);
    int r = -1;
    golden_stat st;
    if (!a || !b)
        snprintf(why, n, "cannot load %s", !a ? a_path : b_path);
    else if (a->w != b->w || a->h != b->h)
        snprintf(why, n, "size %dx%d vs %dx%d", a->w, a->h, b->w, b->h);
    else {
        r = golden_compare(a, b, &st);
        golden_describe(&st, r, why, n);
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
        char got[256], want[256], why[160];
        snprintf(got, sizeof got, "%s/%s", tmpdir, sc->cmds[i].name);
        snprintf(want, sizeof want, "%s/%s", GOLDEN_DIR, sc->cmds[i].name);
        if (update) {
            SDL_Surface *s = IMG_Load(got);
            T_OK(s && IMG_SavePNG(s, want) == 0);
            printf("updated %s\n", want);
            SDL_FreeSurface(s);
            continue;
        }
        if (compare(got, want, why, sizeof why) != 1)
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

/* ---- the compare itself: it must pass rounding and antialiasing shifts
** and fail a change of a few pixels' worth of ink (test_golden_words.sh
** changes real letters of real screens) ---------------------------------- */

/* Coverage (0..1) of pixel (x, y) by a disc of radius r at (cx, cy), by 4x4
** supersampling: an antialiased shape whose edges can sit anywhere. */
static double disc_cover(int x, int y, double cx, double cy, double r)
{
    int in = 0;
    for (int j = 0; j < 4; j++)
        for (int i = 0; i < 4; i++) {
            double dx = x + (i + 0.5) / 4 - cx, dy = y + (j + 0.5) / 4 - cy;
            in += dx * dx + dy * dy <= r * r;
        }
    return in / 16.0;
}

typedef enum { MOD_NONE, MOD_LEVEL, MOD_SPECKLE, MOD_BLOCK, MOD_DISC_SHIFT, MOD_BAR } cmp_mod;

static const struct cmp_case {
    const char *name;
    const char *base;           /* a golden PNG, or NULL: synthetic discs on grey */
    cmp_mod mod;
    int arg;                    /* level, block side, shift in 1/10 px ... */
    int want;                   /* golden_compare's answer */
} cmp_cases[] = {
    {"identical", NULL, MOD_NONE, 0, 1},
    {"+1 level everywhere", NULL, MOD_LEVEL, 1, 1},
    {"+1 level on a real screen", "tests/golden/ui/article_800x480.png", MOD_LEVEL, 1, 1},
    {"-8 levels on a real screen", "tests/golden/ui/home_1920x1080.png", MOD_LEVEL, -8, 1},
    {"+9 levels everywhere", NULL, MOD_LEVEL, 9, 0},
    {"scattered single pixels", "tests/golden/ui/article_800x480.png", MOD_SPECKLE, 0, 1},
    {"2x2 block of ink", NULL, MOD_BLOCK, 2, 1},
    {"3x3 block of ink", NULL, MOD_BLOCK, 3, 0},
    {"discs moved 0.5 px (antialiased edges)", NULL, MOD_DISC_SHIFT, 5, 1},
    {"discs moved 0.3 px", NULL, MOD_DISC_SHIFT, 3, 1},
    {"discs moved 2 px", NULL, MOD_DISC_SHIFT, 20, 0},
    {"a 1x6 stroke added", NULL, MOD_BAR, 6, 0},
};

/* Synthetic picture: antialiased dark discs of several radii on light grey,
** their centres moved right by shift_10 tenths of a pixel. */
static SDL_Surface *discs(int shift_10)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 120, 60, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            double c = 0;
            for (int k = 0; k < 4; k++) {
                double v = disc_cover(x, y, 15.3 + 28 * k + shift_10 / 10.0, 30.2, 4 + 2.5 * k);
                c = v > c ? v : c;
            }
            Uint8 g = (Uint8)(230 - c * 200 + 0.5);
            ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] = 0xff000000u | g << 16 | g << 8 | g;
        }
    return s;
}

static void put(SDL_Surface *s, int x, int y, int v)
{
    Uint8 *p = (Uint8 *)s->pixels + y * s->pitch + x * 4;
    for (int c = 0; c < 3; c++)
        p[c] = (Uint8)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* Every colour channel moved by d levels (away from the end it would pass). */
static void shift_level(SDL_Surface *s, int x, int y, int d)
{
    Uint8 *p = (Uint8 *)s->pixels + y * s->pitch + x * 4;
    for (int c = 0; c < 3; c++)
        p[c] = (Uint8)(p[c] + d < 0 || p[c] + d > 255 ? p[c] - d : p[c] + d);
}

static void test_compare(void)
{
    for (size_t i = 0; i < sizeof cmp_cases / sizeof cmp_cases[0]; i++) {
        const struct cmp_case *cc = &cmp_cases[i];
        t_current = cc->name;
        SDL_Surface *a = cc->base ? golden_load(cc->base) : discs(0);
        SDL_Surface *b = cc->base ? golden_load(cc->base) : discs(cc->mod == MOD_DISC_SHIFT ? cc->arg : 0);
        T_OK(a && b);
        if (!a || !b)
            continue;
        for (int y = 0; y < b->h; y++)
            for (int x = 0; x < b->w; x++) {
                const Uint8 *p = (const Uint8 *)b->pixels + y * b->pitch + x * 4;
                if (cc->mod == MOD_LEVEL)
                    shift_level(b, x, y, cc->arg);
                /* every 3rd pixel of every 3rd row flipped hard: isolated */
                if (cc->mod == MOD_SPECKLE && x % 3 == 0 && y % 3 == 0)
                    put(b, x, y, 255 - p[0]);
            }
        if (cc->mod == MOD_BLOCK)
            for (int y = 0; y < cc->arg; y++)
                for (int x = 0; x < cc->arg; x++)
                    put(b, 60 + x, 5 + y, 0);
        if (cc->mod == MOD_BAR)
            for (int y = 0; y < cc->arg; y++)
                put(b, 58, 3 + y, 20);
        golden_stat st;
        int got = golden_compare(a, b, &st);
        char why[160];
        golden_describe(&st, got, why, sizeof why);
        if (got == cc->want)
            t_passed++;
        else
            T_FAIL_("golden_compare == %d, want %d: %s", got, cc->want, why);
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
    }
    /* different sizes or a missing image never match */
    SDL_Surface *a = discs(0), *b = SDL_CreateRGBSurfaceWithFormat(0, 10, 10, 32, SDL_PIXELFORMAT_ARGB8888);
    T_INT(golden_compare(a, b, NULL), -1);
    T_INT(golden_compare(a, NULL, NULL), -1);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
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
        char why[160];
        int r = compare(argv[2], argv[3], why, sizeof why);
        printf("%s vs %s: %s\n", argv[2], argv[3], why);
        return r != 1;
    }
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vitrine-golden-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    snprintf(dbpath, sizeof dbpath, "%s/fixture.db", tmpdir);
    T_RUN(test_compare);
    T_RUN(test_goldens);
    if (t_failed)
        fprintf(stderr, "shots kept in %s for a look\n", tmpdir);
    else
        cleanup();
    return T_DONE();
}
