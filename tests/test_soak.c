/*
** tests/test_soak.c: days of idle slideshow with a visitor every few
** minutes, on the virtual clock, headless 800x480, through app_step.
**
** A visitor comes every 2..8 virtual minutes (seeded PRNG) and does 2..6
** things a second or two apart: tap a card or the middle of the screen,
** swipe left/right, drag-scroll, press Escape/Home/arrows; between visitors
** the app goes idle and the slideshow runs (idle_timeout 60 s, slides
** 8..20 s, crossfade 450 ms: every frame of every transition is rendered).
**
** Checks:
** - resident memory (VmRSS, glibc with the app's M_MMAP_THRESHOLD, sampled
**   as each visitor arrives: a slide is on show) grows by less than 1 MB
**   (1024 KiB) after the warm-up: the largest sample of the last 2 simulated
**   hours against the largest of hours 1..3 (the first hour is warm-up; a
**   window max, so one transient long page is not "growth"). Skipped under
**   ASan (its quarantine holds freed memory) and for runs under 5 hours;
** - text textures alive (text_tex_live) and TTF fonts open (font_open_live)
**   stay bounded during the run, and are 0 after app_destroy;
** - at the end the slideshow still advances: after 3 more idle minutes the
**   app shows a slide and has prepared new screens.
**
** Speed: 400x240 and 64 ms crossfades (4 frames each: the snapshot path is
** still taken every time) keep a simulated day near 20 s of CPU with ~5,500
** screens prepared; at 800x480 with 450 ms crossfades a day is ~180,000
** frames and ~150 s. VITRINE_SOAK_DAYS sets the simulated days (default 1,
** 0.25 under ASan; CI runs 7), VITRINE_SOAK_SIZE (WxH) and
** VITRINE_SOAK_TRANSITION_MS override the rest.
*/
#include "app/font.h"
#include "app/text.h"
#include "hard.h"
#include "t.h"

#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define MINUTE 60000u
#define HOUR (60u * MINUTE)
#define DAY (24u * HOUR)

/* One visitor's few actions, starting at *now. */
static void visitor(app *a, uint32_t *now)
{
    int n = 2 + (int)(hard_rand() % 5);
    for (int i = 0; i < n; i++) {
        long long f = 1 + (long long)(hard_rand() % 1000);
        switch (hard_rand() % 8) {
        case 0: case 1: hard_tap(a, now, f, 0.1f + 0.8f * hard_frand(), 0.15f + 0.8f * hard_frand()); break;
        case 2: hard_tap(a, now, f, 0.5f, 0.5f); break;
        case 3: hard_swipe(a, now, f, 0.8f, 0.5f, 0.2f, 0.5f, 150); break;
        case 4: hard_swipe(a, now, f, 0.2f, 0.5f, 0.8f, 0.5f, 150); break;
        case 5: hard_swipe(a, now, f, 0.5f, 0.8f, 0.5f, 0.3f, 400); break;
        case 6: hard_key(hard_rand() % 2 ? SDLK_ESCAPE : SDLK_HOME, 0); break;
        default: hard_key(hard_rand() % 2 ? SDLK_RIGHT : SDLK_LEFT, 0); break;
        }
        hard_run_until(a, now, *now + 1000 + hard_rand() % 2000);
    }
}

static void test_soak(void)
{
    const char *ds = getenv("VITRINE_SOAK_DAYS");
    double days = ds && atof(ds) > 0 ? atof(ds) : HARD_ASAN ? 0.25 : 1;
    const char *sz = getenv("VITRINE_SOAK_SIZE"), *tms = getenv("VITRINE_SOAK_TRANSITION_MS");
    char w[16] = "400", h[16] = "240";
    if (sz) sscanf(sz, "%15[0-9]x%15[0-9]", w, h);
    char dbbuf[256];
    int temp;
    const char *db = hard_db("soak", dbbuf, sizeof dbbuf, &temp);
    T_OK(db != NULL);
    if (!db)
        return;
    config c;
    config_defaults(&c);
    config_set(&c, "display.width", w, "test", 0);
    config_set(&c, "display.height", h, "test", 0);
    config_set(&c, "timing.transition_ms", tms ? tms : "64", "test", 0);
    config_set(&c, "content.database", db, "test", 0);
    app_opts o = { 1, NULL, NULL, 0 };
    app *a = app_create(&c, &o);
    T_OK(a != NULL);
    if (!a) { config_free(&c); return; }

    uint32_t now = 0, end = (uint32_t)(days * DAY), warm = HOUR;
    uint32_t next_visit = 2 * MINUTE;
    long rss_warm = 0, rss_last = 0, rss_max = 0, tex_max = 0, fonts_max = 0;
    unsigned long visits = 0;
    clock_t c0 = clock();
    app_step(a, now);
    while (now < end && app_running(a)) {
        hard_run_until(a, &now, next_visit < end ? next_visit : end);
        if (now >= end)
            break;
        visitor(a, &now);
        visits++;
        next_visit = now + 2 * MINUTE + hard_rand() % (6 * MINUTE);
        if (text_tex_live() > tex_max) tex_max = text_tex_live();
        if (font_open_live() > fonts_max) fonts_max = font_open_live();
        long rss = hard_rss_kb();                   /* sampled as a visitor arrives */
        if (now >= warm && now < 3 * warm && rss > rss_warm)
            rss_warm = rss;
        if (now >= 3 * warm && now + 2 * HOUR >= end && rss > rss_last)
            rss_last = rss;
        if (now >= warm && rss > rss_max)
            rss_max = rss;
    }
    long rss_end = hard_rss_kb();
    app_stats st;
    app_get_stats(a, &st);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    printf("soak: %g day(s), %lu visitors, %lu steps, %lu frames (%lu transition), %lu screens "
           "prepared, %.1f s CPU (%.0f frames/simulated day)\n", days, visits, st.steps, st.frames,
           st.transition_frames, st.prepares, secs, (double)st.frames / days);
    printf("soak: RSS (sampled as visitors arrive) hours 1-3 max %ld KiB, last 2 hours max %ld KiB "
           "(growth %ld KiB), max after warm-up %ld KiB, end %ld KiB; text textures max %ld, "
           "fonts open max %ld\n", rss_warm, rss_last, rss_last - rss_warm, rss_max, rss_end,
           tex_max, fonts_max);
    T_OK(app_running(a));
    T_OK(hard_valid_screen(st.screen));
    if (!HARD_ASAN && end >= 5 * HOUR) {
        T_OK(rss_warm > 0 && rss_last > 0);
        T_OK(rss_last - rss_warm < 1024);
    }
    T_OK(tex_max > 0 && tex_max < 400);             /* a few screens' worth at most */
    T_OK(fonts_max > 0 && fonts_max <= FACE_COUNT + FONT_CACHE_SLOTS);

    /* The slideshow still advances: idle for 3 minutes from now. */
    hard_run_until(a, &now, now + 70000);
    app_get_stats(a, &st);
    unsigned long p0 = st.prepares;
    T_STR(st.screen, "slide");
    hard_run_until(a, &now, now + 3 * MINUTE);
    app_get_stats(a, &st);
    T_STR(st.screen, "slide");
    T_OK(st.prepares >= p0 + 3);                    /* 180 s / 20 s max a slide */

    app_destroy(a);
    config_free(&c);
    T_INT(text_tex_live(), 0);
    T_INT(font_open_live(), 0);
    if (temp)
        unlink(db);
}

int main(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);          /* as main.c does */
#endif
    log_set_quiet(1);
    T_RUN(test_soak);
    return T_DONE();
}
