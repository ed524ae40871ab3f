/*
** tests/test_script.c: the --script parser and its expansion into timed
** input events (src/app/script.c).
*/
#include "app/config.h"
#include "app/script.h"
#include "common/util.h"
#include "t.h"

#include <SDL.h>
#include <stdlib.h>

/* Every command parses into the right fields. */
static void test_commands(void)
{
    char err[256] = "";
    script *s = script_parse("# a comment line\n"
                             "at 0 shot start.png\n"
                             "\n"
                             "at 100 tap 0.5 0.25   # trailing comment\n"
                             "at 200 swipe 0.9 0.5 0.1 0.5 300\n"
                             "at 200 drag 0.2 0.2 0.2 0.8 1500\n"
                             "at 4000 longpress 1 0\n"
                             "at 5000 key Right\n"
                             "at 5000 key ctrl+alt+q\n"
                             "at 5000 key Keypad Enter\n"
                             "at 65000 quit\n", "t.script", err, sizeof err);
    T_OK(s != NULL);
    if (!s) { fprintf(stderr, "%s\n", err); return; }
    T_INT(s->n, 9);
    T_INT(s->has_quit, 1);
    T_INT(s->cmds[0].op, SCRIPT_SHOT);
    T_STR(s->cmds[0].name, "start.png");
    T_INT(s->cmds[0].line, 2);
    T_INT(s->cmds[1].op, SCRIPT_TAP);
    T_INT(s->cmds[1].at_ms, 100);
    T_OK(s->cmds[1].x1 == 0.5f && s->cmds[1].y1 == 0.25f);
    T_INT(s->cmds[1].line, 4);
    T_INT(s->cmds[2].op, SCRIPT_SWIPE);
    T_OK(s->cmds[2].x1 == 0.9f && s->cmds[2].x2 == 0.1f);
    T_INT(s->cmds[2].dur_ms, 300);
    T_INT(s->cmds[3].op, SCRIPT_DRAG);
    T_INT(s->cmds[3].dur_ms, 1500);
    T_INT(s->cmds[4].op, SCRIPT_LONGPRESS);
    T_INT(s->cmds[5].op, SCRIPT_KEY);
    T_INT(s->cmds[5].key, SDLK_RIGHT);
    T_INT(s->cmds[6].key, 'q');
    T_INT(s->cmds[6].mods, CFG_MOD_CTRL | CFG_MOD_ALT);
    T_INT(s->cmds[7].key, SDLK_KP_ENTER);      /* names with spaces: rest of the line */
    T_INT(s->cmds[8].op, SCRIPT_QUIT);
    T_INT(s->cmds[8].at_ms, 65000);
    script_free(s);
}

/* Each bad line is reported with file and line. */
static const struct { const char *text, *err; } bad[] = {
    {"at 0 quit\nat 10 jump\n",              "x.script:2: unknown command 'jump'"},
    {"tap 0.5 0.5\n",                         "x.script:1: expected 'at MS COMMAND'"},
    {"at\n",                                  "x.script:1: missing time"},
    {"at -5 quit\n",                          "x.script:1: time must be a whole number"},
    {"at 1.5 quit\n",                         "x.script:1: time must be a whole number"},
    {"at 100 quit\n# c\nat 50 quit\n",        "x.script:3: time goes backwards"},
    {"at 0 tap 0.5\n",                        "x.script:1: 'tap' needs 2 numbers"},
    {"at 0 tap 1.5 0.5\n",                    "x.script:1: coordinates are fractions"},
    {"at 0 tap a b\n",                        "x.script:1: not a number"},
    {"at 0 swipe 0 0 1 1 0\n",                "x.script:1: duration must be whole ms"},
    {"at 0 swipe 0 0 1 1\n",                  "x.script:1: 'swipe' needs 5 numbers"},
    {"at 0 key\n",                            "x.script:1: 'key' needs a key name"},
    {"at 0 key NoSuchKey\n",                  "x.script:1: unknown key 'NoSuchKey'"},
    {"at 0 shot picture.jpg\n",               "x.script:1: 'shot' needs a file name NAME.png"},
    {"at 0 shot ../up.png\n",                 "x.script:1: 'shot' needs a file name"},
    {"at 0 quit now\n",                       "x.script:1: unexpected text after the command"},
    {"at 0 tap 0.5 0.5 0.5\n",                "x.script:1: unexpected text"},
    {"at 0 resize 0 480\n",                   "x.script:1: resize needs whole px W H"},
    {"at 0 resize 800.5 480\n",               "x.script:1: resize needs whole px W H"},
    {"at 0 resize 800\n",                     "x.script:1: 'resize' needs 2 numbers"},
    {"at 0 wheel 0 1.5\n",                    "x.script:1: wheel needs whole steps"},
    {"at 0 wheel 0 1000\n",                   "x.script:1: wheel needs whole steps"},
    {"at 0 pinch 0.5 0.5 0.2 1.4 100\n",      "x.script:1: coordinates are fractions"},
    {"at 0 release 0.5 0.5\n",                "x.script:1: release without a press"},
    {"at 0 press 0.5 0.5\nat 9 press 0.1 0.1\n", "x.script:2: press while a press is held"},
};

static void test_errors(void)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        script *s = script_parse(bad[i].text, "x.script", err, sizeof err);
        T_OK(s == NULL);
        T_HAS(err, bad[i].err);
        script_free(s);
    }
    char err[256];
    T_OK(script_load("/nonexistent.script", err, sizeof err) == NULL);
    T_HAS(err, "/nonexistent.script: cannot open script");
}

/* Expansion: timed finger events in time order, file order on ties. */
static void test_expand(void)
{
    char err[256];
    script *s = script_parse("at 0 tap 0.1 0.2\n"
                             "at 0 shot a.png\n"
                             "at 10 swipe 1 0.5 0 0.5 40\n"
                             "at 20 longpress 0.5 0.5\n"
                             "at 2000 quit\n", "e", err, sizeof err);
    T_OK(s != NULL);
    if (!s) return;
    script_ev *ev;
    size_t n = script_expand(s, &ev);
    /* tap: down@0, up@60; shot@0; swipe: down@10, motion@26,@42, motion+up@50;
    ** longpress: down@20 up@920; quit@2000 */
    T_INT(n, 11);
    T_INT(ev[0].kind, SEV_FINGER_DOWN);
    T_INT(ev[0].t, 0);
    T_INT(ev[1].kind, SEV_SHOT);                /* same time: file order */
    T_INT(ev[2].kind, SEV_FINGER_DOWN);
    T_INT(ev[2].t, 10);
    T_INT(ev[3].kind, SEV_FINGER_DOWN);         /* longpress down @20 */
    T_INT(ev[3].t, 20);
    T_INT(ev[4].kind, SEV_FINGER_MOTION);
    T_INT(ev[4].t, 26);
    T_OK(ev[4].x < 1.0f && ev[4].x > 0.5f);
    T_INT(ev[7].kind, SEV_FINGER_UP);
    T_INT(ev[7].t, 50);
    T_OK(ev[7].x == 0.0f);
    T_INT(ev[8].kind, SEV_FINGER_UP);           /* the tap's up */
    T_INT(ev[8].t, SCRIPT_TAP_MS);
    T_INT(ev[9].t, 20 + SCRIPT_LONGPRESS_MS);
    T_INT(ev[10].kind, SEV_QUIT);
    for (size_t i = 1; i < n; i++)
        T_OK(ev[i].t >= ev[i - 1].t);
    T_OK(ev[0].finger != ev[2].finger);         /* overlapping gestures stay apart */
    free(ev);
    script_free(s);
}

/* The commands issue 13 added: resize, a held press, pinch, wheel. */
static void test_more(void)
{
    char err[256] = "";
    script *s = script_parse("at 0 resize 800 480\n"
                             "at 10 press 0.5 0.5\n"
                             "at 1000 release 0.5 0.7\n"
                             "at 2000 pinch 0.5 0.5 0.2 0.4 32\n"
                             "at 3000 wheel 0 -3\n"
                             "at 4000 quit\n", "m", err, sizeof err);
    T_OK(s != NULL);
    if (!s) { fprintf(stderr, "%s\n", err); return; }
    T_INT(s->cmds[0].op, SCRIPT_RESIZE);
    T_INT(s->cmds[0].w, 800);
    T_INT(s->cmds[0].h, 480);
    T_INT(s->cmds[4].op, SCRIPT_WHEEL);
    T_INT(s->cmds[4].h, -3);
    int mw, mh;
    script_max_size(s, &mw, &mh);
    T_INT(mw, 800);
    T_INT(mh, 480);
    script_ev *ev;
    size_t n = script_expand(s, &ev);
    /* resize@0; press: down@10; release: motion+up@1000 (same finger);
    ** pinch: 2 downs@2000, 2 motions@2016, 2 motions + 2 ups@2032; wheel; quit */
    T_INT(n, 14);
    T_INT(ev[0].kind, SEV_RESIZE);
    T_INT(ev[1].kind, SEV_FINGER_DOWN);
    T_INT(ev[1].t, 10);
    T_INT(ev[2].kind, SEV_FINGER_MOTION);
    T_INT(ev[3].kind, SEV_FINGER_UP);
    T_INT(ev[3].t, 1000);
    T_OK(ev[3].finger == ev[1].finger && ev[3].y == 0.7f);
    T_INT(ev[4].kind, SEV_FINGER_DOWN);
    T_INT(ev[5].kind, SEV_FINGER_DOWN);
    T_OK(ev[4].finger != ev[5].finger);
    T_OK(ev[5].x - ev[4].x > 0.19f && ev[5].x - ev[4].x < 0.21f);      /* FROM apart */
    T_INT(ev[10].kind, SEV_FINGER_UP);
    T_INT(ev[11].kind, SEV_FINGER_UP);
    T_OK(ev[11].x - ev[10].x > 0.39f && ev[11].x - ev[10].x < 0.41f);  /* TO apart */
    T_INT(ev[12].kind, SEV_WHEEL);
    T_INT(ev[13].kind, SEV_QUIT);
    free(ev);
    script_free(s);
}

int main(void)
{
    T_RUN(test_commands);
    T_RUN(test_more);
    T_RUN(test_errors);
    T_RUN(test_expand);
    return T_DONE();
}
