/*
** tests/test_storm.c: 100,000 random touch, mouse and key events (seeded
** PRNG), headless 400x240 through app_step, with pinches, swipes and idle
** gaps long enough for the slideshow, so transitions and gestures are
** interrupted mid-way all the time.
**
** Each step pushes 1..6 SDL events and advances the virtual clock 0..40 ms
** (1 step in 400: 60..75 s, the slideshow starts; 1 in 200: 0.3..3 s).
** Events: fingers 1..3 down/move/up (also ups of fingers that are not down,
** moves outside 0..1), two-finger pinches in and out, mouse buttons
** (left/right/middle) down/up, motion with and without the button held,
** wheel both ways, keys (Escape, Home, arrows, Enter, PageUp/Down, Space,
** Backspace, letters, F-keys) with random modifiers, except the admin
** combination (ctrl+alt+q, shift ignored), window exposed events.
**
** Afterwards: the app still runs, shows a known screen, its transition
** ends, and a tap on the top bar's Home (or a wake tap then Home) leads to
** the home screen; a shot of it is saved. VITRINE_STORM_EVENTS overrides
** the count (default 100,000; 25,000 under ASan).
*/
#include "app/text.h"
#include "hard.h"
#include "t.h"

#include <sys/stat.h>

static unsigned long pushed;

static void push(SDL_Event *ev) { SDL_PushEvent(ev); pushed++; }

static void finger(Uint32 type, long long id, float x, float y)
{
    hard_finger(type, id, x, y);
    pushed++;
}

static void mouse_button(int down, int button, int x, int y)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    ev.button.button = (Uint8)button;
    ev.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    ev.button.clicks = 1;
    ev.button.x = x;
    ev.button.y = y;
    push(&ev);
}

static const SDL_Keycode keys[] = {
    SDLK_ESCAPE, SDLK_HOME, SDLK_LEFT, SDLK_RIGHT, SDLK_UP, SDLK_DOWN, SDLK_RETURN,
    SDLK_KP_ENTER, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_SPACE, SDLK_BACKSPACE, SDLK_AC_BACK,
    SDLK_AC_HOME, SDLK_TAB, SDLK_a, SDLK_q, SDLK_w, SDLK_x, SDLK_F4, SDLK_F11, SDLK_END,
};

static void random_event(int W, int H)
{
    SDL_Event ev;
    SDL_zero(ev);
    switch (hard_rand() % 12) {
    case 0: case 1: case 2: {                       /* a finger, sometimes off screen */
        static const Uint32 t[] = { SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERMOTION, SDL_FINGERUP };
        finger(t[hard_rand() % 4], 1 + hard_rand() % 3, 1.2f * hard_frand() - 0.1f,
               1.2f * hard_frand() - 0.1f);
        break;
    }
    case 3: case 4: {                               /* mouse buttons */
        static const int b[] = { SDL_BUTTON_LEFT, SDL_BUTTON_LEFT, SDL_BUTTON_RIGHT, SDL_BUTTON_MIDDLE };
        mouse_button((int)(hard_rand() % 2), b[hard_rand() % 4], (int)(hard_rand() % (unsigned)W),
                     (int)(hard_rand() % (unsigned)H));
        break;
    }
    case 5: case 6:                                 /* mouse motion */
        ev.type = SDL_MOUSEMOTION;
        ev.motion.state = hard_rand() % 2 ? SDL_BUTTON_LMASK : 0;
        ev.motion.x = (int)(hard_rand() % (unsigned)W);
        ev.motion.y = (int)(hard_rand() % (unsigned)H);
        ev.motion.xrel = (int)(hard_rand() % 41) - 20;
        ev.motion.yrel = (int)(hard_rand() % 41) - 20;
        push(&ev);
        break;
    case 7:                                         /* wheel */
        ev.type = SDL_MOUSEWHEEL;
        ev.wheel.x = (int)(hard_rand() % 3) - 1;
        ev.wheel.y = (int)(hard_rand() % 7) - 3;
        ev.wheel.direction = hard_rand() % 4 ? SDL_MOUSEWHEEL_NORMAL : SDL_MOUSEWHEEL_FLIPPED;
        push(&ev);
        break;
    case 8: case 9: case 10: {                      /* keys, random modifiers, never the combo */
        SDL_Keycode k = keys[hard_rand() % (sizeof keys / sizeof keys[0])];
        static const Uint16 m[] = { 0, 0, 0, KMOD_LSHIFT, KMOD_LCTRL, KMOD_LALT, KMOD_LGUI,
                                    KMOD_RCTRL | KMOD_LSHIFT, KMOD_LALT | KMOD_LSHIFT };
        Uint16 mod = m[hard_rand() % (sizeof m / sizeof m[0])];
        hard_key(k, mod);
        pushed += 2;
        break;
    }
    default:
        ev.type = SDL_WINDOWEVENT;
        ev.window.event = SDL_WINDOWEVENT_EXPOSED;
        push(&ev);
        break;
    }
}

/* Two fingers pinching in or out around a random centre over n moves. */
static void pinch(app *a, uint32_t *now)
{
    float cx = 0.3f + 0.4f * hard_frand(), cy = 0.3f + 0.4f * hard_frand();
    float d0 = 0.05f + 0.3f * hard_frand(), d1 = 0.05f + 0.3f * hard_frand();
    int n = 3 + (int)(hard_rand() % 10);
    long long f1 = 10 + hard_rand() % 5, f2 = 20 + hard_rand() % 5;
    finger(SDL_FINGERDOWN, f1, cx - d0, cy);
    finger(SDL_FINGERDOWN, f2, cx + d0, cy);
    for (int i = 1; i <= n; i++) {
        float d = d0 + (d1 - d0) * (float)i / (float)n;
        finger(SDL_FINGERMOTION, f1, cx - d, cy);
        finger(SDL_FINGERMOTION, f2, cx + d, cy);
        app_step(a, *now += 16);
    }
    if (hard_rand() % 4)                            /* sometimes a finger stays down */
        finger(SDL_FINGERUP, f1, cx - d1, cy);
    finger(SDL_FINGERUP, f2, cx + d1, cy);
}

static void test_storm(void)
{
    const char *ne = getenv("VITRINE_STORM_EVENTS");
    unsigned long target = ne && atol(ne) > 0 ? (unsigned long)atol(ne) : HARD_ASAN ? 25000 : 100000;
    const int W = 400, H = 240;
    char dbbuf[256];
    int temp;
    const char *db = hard_db("storm", dbbuf, sizeof dbbuf, &temp);
    T_OK(db != NULL);
    if (!db)
        return;
    config c;
    config_defaults(&c);
    config_set(&c, "display.width", "400", "test", 0);
    config_set(&c, "display.height", "240", "test", 0);
    config_set(&c, "content.database", db, "test", 0);
    app_opts o = { 1, NULL, NULL, 0 };
    app *a = app_create(&c, &o);
    T_OK(a != NULL);
    if (!a) { config_free(&c); return; }
    hard_rng = 0x5eed5eed12345ULL;
    uint32_t now = 0;
    app_step(a, now);
    int bad_screen = 0, stopped = 0;
    unsigned long steps = 0;
    while (pushed < target) {
        uint32_t r = hard_rand() % 1000;
        if (r < 15)
            pinch(a, &now);
        else
            for (int k = 1 + (int)(hard_rand() % 6); k > 0; k--)
                random_event(W, H);
        r = hard_rand() % 400;
        now += r == 0 ? 60000 + hard_rand() % 15000 : r < 3 ? 300 + hard_rand() % 2700 : hard_rand() % 41;
        app_step(a, now);
        steps++;
        app_stats st;
        app_get_stats(a, &st);
        bad_screen += !hard_valid_screen(st.screen);
        if (!app_running(a)) { stopped = 1; break; }
    }
    printf("storm: %lu events in %lu steps, %u virtual ms\n", pushed, steps, now);
    T_OK(!stopped);
    T_INT(bad_screen, 0);

    /* Let go of every finger and the mouse, let things settle. */
    for (long long f = 0; f < 30; f++)
        hard_finger(SDL_FINGERUP, f, 0.5f, 0.5f);
    mouse_button(0, SDL_BUTTON_LEFT, W / 2, H / 2);
    hard_run_until(a, &now, now + 3000);
    app_stats st;
    app_get_stats(a, &st);
    T_OK(app_running(a));
    T_OK(!st.animating);
    T_OK(hard_valid_screen(st.screen));
    printf("storm: settled on '%s'\n", st.screen);

    /* A visitor now: wake if the slideshow runs, then Home in the top bar. */
    if (strcmp(st.screen, "slide") == 0 || strcmp(st.screen, "notice") == 0) {
        hard_tap(a, &now, 99, 0.5f, 0.5f);
        hard_run_until(a, &now, now + 1500);
        app_get_stats(a, &st);
    }
    if (strcmp(st.screen, "home") == 0) {           /* open a card, so Home has work */
        hard_tap(a, &now, 97, 0.2f, 0.3f);
        hard_run_until(a, &now, now + 1500);
        app_get_stats(a, &st);
        T_OK(strcmp(st.screen, "home") != 0);
    }
    {
        hard_tap(a, &now, 98, 0.95f, 0.05f);
        hard_run_until(a, &now, now + 1500);
        app_get_stats(a, &st);
    }
    T_STR(st.screen, "home");
    char shot[64];
    snprintf(shot, sizeof shot, "/tmp/vitrine-storm-%d.png", (int)getpid());
    T_INT(app_shot(a, shot), 0);
    struct stat sb;
    T_OK(stat(shot, &sb) == 0 && sb.st_size > 1000);
    unlink(shot);
    T_OK(app_running(a));
    app_destroy(a);
    config_free(&c);
    T_INT(text_tex_live(), 0);
    if (temp)
        unlink(db);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_storm);
    return T_DONE();
}
