/*
** tests/test_kiosk.c: nothing but the admin combination leaves the kiosk.
**
** The app runs as on the exhibit floor: fullscreen (kiosk: window close
** ignored), 800x480, on SDL's "dummy" video driver (a real window path, no
** display server). Through SDL_PushEvent + app_step it receives:
** - every SDL keycode (each scancode's keycode, both from the keymap and
**   SDL_SCANCODE_TO_KEYCODE) with each of the 16 combinations of
**   ctrl/alt/shift/gui (left and right variants alternating), except the
**   admin combination itself: ctrl+alt+q (shift is ignored by the match, so
**   ctrl+alt+shift+q is the combination too);
** - Alt+F4, Ctrl+Q, Ctrl+W, Gui+Q, Ctrl+Alt+Delete, Ctrl+Alt+Backspace,
**   Ctrl+Alt+F1, 200 Escapes, a quit-like text input, SDL_QUIT,
**   SDL_APP_TERMINATING, window close/hidden/minimized/focus-lost events;
** - gestures: taps, long presses, swipes from every edge, 5-finger touches.
** The app must still run after each group; then ctrl+alt+q quits it.
** A headless (non-kiosk) app, by contrast, honours SDL_QUIT (window close).
*/
#include "hard.h"
#include "t.h"

static app *open_app(config *c, const char *db, int kiosk)
{
    config_defaults(c);
    config_set(c, "display.width", "800", "test", 0);
    config_set(c, "display.height", "480", "test", 0);
    config_set(c, "display.fullscreen", kiosk ? "true" : "false", "test", 0);
    config_set(c, "content.database", db, "test", 0);
    app_opts o = { !kiosk, NULL, NULL, 0 };
    return app_create(c, &o);
}

static void push_type(Uint32 type)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = type;
    SDL_PushEvent(&ev);
}

static void push_window(Uint8 what)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = SDL_WINDOWEVENT;
    ev.window.event = what;
    ev.window.windowID = 1;
    SDL_PushEvent(&ev);
}

/* Modifier set i (0..15: bit 0 ctrl, 1 alt, 2 shift, 3 gui), left or right. */
static Uint16 kmod_of(int i, int right)
{
    return (Uint16)(((i & 1) ? (right ? KMOD_RCTRL : KMOD_LCTRL) : 0) |
                    ((i & 2) ? (right ? KMOD_RALT : KMOD_LALT) : 0) |
                    ((i & 4) ? (right ? KMOD_RSHIFT : KMOD_LSHIFT) : 0) |
                    ((i & 8) ? (right ? KMOD_RGUI : KMOD_LGUI) : 0));
}

static int is_combo(SDL_Keycode k, int modset) { return k == SDLK_q && (modset & 3) == 3; }

static void test_kiosk(void)
{
    char dbbuf[256];
    int temp;
    const char *db = hard_db("kiosk", dbbuf, sizeof dbbuf, &temp);
    T_OK(db != NULL);
    if (!db)
        return;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    config c;
    app *a = open_app(&c, db, 1);
    T_OK(a != NULL);
    if (!a) { config_free(&c); return; }
    uint32_t now = 0;
    app_step(a, now);

    /* Every keycode x every modifier combination. */
    unsigned long sent = 0;
    int alive = 1;
    for (int sc = 0; sc < SDL_NUM_SCANCODES && alive; sc++) {
        SDL_Keycode ks[2] = { SDL_GetKeyFromScancode((SDL_Scancode)sc),
                              SDL_SCANCODE_TO_KEYCODE(sc) };
        for (int v = 0; v < 2; v++) {
            for (int m = 0; m < 16; m++) {
                if (is_combo(ks[v], m))
                    continue;
                hard_key(ks[v], kmod_of(m, (sc + m) & 1));
                sent++;
            }
            app_step(a, now += 16);
        }
        if (sc % 16 == 15)
            hard_run_until(a, &now, now + 600);     /* let transitions finish now and then */
        alive = app_running(a);
        if (!alive)
            printf("kiosk: left after scancode %d\n", sc);
    }
    for (SDL_Keycode k = 0; k < 128 && alive; k++) {   /* ASCII keycodes, plain and modified */
        for (int m = 0; m < 16; m++)
            if (!is_combo(k, m)) { hard_key(k, kmod_of(m, 0)); sent++; }
        app_step(a, now += 16);
        alive = app_running(a);
    }
    printf("kiosk: %lu key presses\n", sent);
    T_OK(alive);

    static const struct { SDL_Keycode k; Uint16 mod; } named[] = {
        { SDLK_F4, KMOD_LALT }, { SDLK_F4, KMOD_RALT }, { SDLK_q, KMOD_LCTRL },
        { SDLK_w, KMOD_LCTRL }, { SDLK_q, KMOD_LGUI }, { SDLK_DELETE, KMOD_LCTRL | KMOD_LALT },
        { SDLK_BACKSPACE, KMOD_LCTRL | KMOD_LALT }, { SDLK_F1, KMOD_LCTRL | KMOD_LALT },
        { SDLK_q, KMOD_LALT }, { SDLK_q, KMOD_LCTRL | KMOD_LGUI }, { SDLK_x, KMOD_LCTRL | KMOD_LALT },
        { SDLK_ESCAPE, KMOD_LSHIFT }, { SDLK_AC_BACK, 0 }, { SDLK_APPLICATION, 0 }, { SDLK_POWER, 0 },
        { SDLK_SLEEP, 0 }, { SDLK_STOP, 0 }, { SDLK_AC_STOP, 0 },
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        hard_key(named[i].k, named[i].mod);
        app_step(a, now += 16);
        T_OK(app_running(a));
    }
    for (int i = 0; i < 200; i++) {                 /* Escape spam */
        hard_key(SDLK_ESCAPE, 0);
        app_step(a, now += (uint32_t)(i % 3) * 8);
    }
    T_OK(app_running(a));

    /* Quit and window events: a kiosk ignores them. */
    push_type(SDL_QUIT);
    app_step(a, now += 16);
    T_OK(app_running(a));
    push_type(SDL_APP_TERMINATING);
    push_type(SDL_APP_WILLENTERBACKGROUND);
    push_type(SDL_APP_LOWMEMORY);
    app_step(a, now += 16);
    T_OK(app_running(a));
    static const Uint8 wev[] = { SDL_WINDOWEVENT_CLOSE, SDL_WINDOWEVENT_HIDDEN,
                                 SDL_WINDOWEVENT_MINIMIZED, SDL_WINDOWEVENT_FOCUS_LOST,
                                 SDL_WINDOWEVENT_LEAVE, SDL_WINDOWEVENT_TAKE_FOCUS,
                                 SDL_WINDOWEVENT_HIT_TEST, SDL_WINDOWEVENT_RESTORED };
    for (size_t i = 0; i < sizeof wev / sizeof wev[0]; i++) {
        push_window(wev[i]);
        app_step(a, now += 16);
        T_OK(app_running(a));
    }
    SDL_Event te;
    SDL_zero(te);
    te.type = SDL_TEXTINPUT;
    memcpy(te.text.text, ":q!", 4);
    SDL_PushEvent(&te);
    app_step(a, now += 16);
    T_OK(app_running(a));

    /* Gestures: taps and long presses everywhere, swipes from every edge,
    ** five fingers at once. */
    for (int i = 0; i < 25; i++) {
        float x = 0.02f + 0.24f * (float)(i % 5), y = 0.02f + 0.24f * (float)(i / 5);
        hard_tap(a, &now, 100 + i, x, y);
        hard_finger(SDL_FINGERDOWN, 200 + i, x, y);
        app_step(a, now);
        hard_run_until(a, &now, now + 900);
        hard_finger(SDL_FINGERUP, 200 + i, x, y);
        app_step(a, now);
    }
    hard_swipe(a, &now, 1, 0.0f, 0.5f, 1.0f, 0.5f, 150);
    hard_swipe(a, &now, 2, 1.0f, 0.5f, 0.0f, 0.5f, 150);
    hard_swipe(a, &now, 3, 0.5f, 0.0f, 0.5f, 1.0f, 150);
    hard_swipe(a, &now, 4, 0.5f, 1.0f, 0.5f, 0.0f, 150);
    for (int f = 0; f < 5; f++)
        hard_finger(SDL_FINGERDOWN, 300 + f, 0.1f + 0.2f * (float)f, 0.5f);
    app_step(a, now += 16);
    for (int f = 0; f < 5; f++)
        hard_finger(SDL_FINGERMOTION, 300 + f, 0.1f + 0.2f * (float)f, 0.1f);
    app_step(a, now += 16);
    for (int f = 0; f < 5; f++)
        hard_finger(SDL_FINGERUP, 300 + f, 0.1f + 0.2f * (float)f, 0.1f);
    hard_run_until(a, &now, now + 2000);
    T_OK(app_running(a));

    /* The admin combination quits (left and right modifiers alike). */
    hard_key(SDLK_q, KMOD_RCTRL | KMOD_LALT);
    app_step(a, now += 16);
    T_OK(!app_running(a));
    T_INT(app_exit_code(a), APP_EXIT_ADMIN);    /* the unit does not restart on it */
    app_destroy(a);
    config_free(&c);

    /* admin.exit_keys empty (the installed kiosk): the combination is a key
    ** like any other */
    config_defaults(&c);
    config_set(&c, "display.width", "800", "test", 0);
    config_set(&c, "display.height", "480", "test", 0);
    config_set(&c, "display.fullscreen", "true", "test", 0);
    config_set(&c, "content.database", db, "test", 0);
    T_INT(config_set(&c, "admin.exit_keys", "", "test", 0), 0);
    T_STR(c.exit_keys, "");
    app_opts ko = { 0, NULL, NULL, 0 };
    a = app_create(&c, &ko);
    T_OK(a != NULL);
    if (a) {
        app_step(a, now = 0);
        hard_key(SDLK_q, KMOD_LCTRL | KMOD_LALT);
        hard_key(SDLK_q, KMOD_RCTRL | KMOD_RALT | KMOD_LSHIFT);
        app_step(a, now += 16);
        T_OK(app_running(a));
        app_destroy(a);
    }
    config_free(&c);

    /* Out of kiosk mode (a desktop window), closing the window quits. */
    a = open_app(&c, db, 0);
    T_OK(a != NULL);
    if (a) {
        app_step(a, now = 0);
        push_type(SDL_QUIT);
        app_step(a, now += 16);
        T_OK(!app_running(a));
        app_destroy(a);
    }
    config_free(&c);
    if (temp)
        unlink(db);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_kiosk);
    return T_DONE();
}
