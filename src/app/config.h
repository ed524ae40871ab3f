/*
** src/app/config.h: the app's tunables, read from an INI file (libinih).
**
** Every tunable lives in ONE table in config.c (section, key, type, default,
** unit/comment); assets/vitrine.ini documents the same keys. Precedence:
** built-in defaults < config file < command-line flags. An unknown key or a
** bad value is a warning naming file and line ("vitrine.ini:12: ..."), and
** the default stays in force: a typo never stops an exhibit from starting.
*/
#ifndef VITRINE_CONFIG_H
#define VITRINE_CONFIG_H

#include <stdint.h>

typedef enum config_transition { TRANSITION_CROSSFADE, TRANSITION_SLIDE } config_transition;
/* Test hooks (the script's database file operations, the engine's test
** screens): in every build but the one `make install` installs, which
** compiles with -DVITRINE_TEST_HOOKS=0 (Makefile, "Install"). */
#ifndef VITRINE_TEST_HOOKS
#define VITRINE_TEST_HOOKS 1
#endif
#if VITRINE_TEST_HOOKS
#define SCREENS_CHOICES "exhibit|test"
#else
#define SCREENS_CHOICES "exhibit"
#endif
typedef enum config_screens { SCREENS_EXHIBIT, SCREENS_TEST } config_screens;

typedef struct config {
    /* [content] */
    char *db_path;              /* owned; the corpus database (opened read-only) */
    char *fonts_dir;            /* owned; folder of the bundled faces */
    /* [theme] (issue 14; [colours] names the four colours too) 0xRRGGBB */
    uint32_t color_bg, color_text, color_muted, color_accent;
    uint32_t color_surface;     /* cards and panels */
    char *theme_title;          /* owned; Home's title; "" = the language's ("In the news") */
    char *theme_subtitle;       /* owned; under it; "" = none */
    char *theme_logo;           /* owned; a PNG/JPEG beside the title; "" = none */
    char *theme_file;           /* owned; the theme file read (theme.file), for messages */
    int heading_face;           /* 0 sans (bold), 1 serif: headlines' face */
    int language;               /* str_lang: display.language */
    /* [timing] */
    int idle_timeout_ms;        /* ms without input before returning to the start */
    int slide_min_ms;           /* ms a slide shows at least */
    int slide_max_ms;           /* ms a slide shows at most */
    int transition;             /* config_transition */
    int transition_ms;          /* ms a transition lasts */
    /* [display] */
    int width, height;          /* px of the output; 0 = desktop size / 1280x800 window */
    int rotate;                 /* degrees clockwise: 0, 90, 180 or 270 */
    int fullscreen;             /* 1: fullscreen kiosk (window close ignored) */
    int kms_device;             /* SDL_KMSDRM_DEVICE_INDEX; -1 = SDL's choice */
    int screens;                /* config_screens: the exhibit or the engine's test screens */
    int qr;                     /* 1: a QR code of the article's URL ("Read on your phone") */
    double diagonal_in;         /* panel diagonal, inches; 0 = EDID (SDL) or unknown */
    double viewing_m;           /* metres the slideshow is read from */
    /* [slideshow] */
    int slide_kinds;            /* mask: 1 summary, 2 quote, 4 timeline (ui_slide_kind bits) */
    int slide_shuffle;          /* 1: random order without immediate repeats */
    int slide_intro_every;      /* issue 13: the opening slide first, then after this many */
    int slide_sync;             /* issue 15: 1: position from the wall clock (lockstep.h) */
    int slide_offset;           /* issue 15: slides ahead of the shared sequence */
    int sync_dwell_ms;          /* issue 15: ms every slide shows when in sync */
    /* [admin] */
    char *exit_keys;            /* owned; e.g. "ctrl+alt+q"; "" = no admin exit */
    /* [health] (health.h; issue 15) */
    char *health_file;          /* owned; node_exporter textfile path; "" = off */
    /* [stats] (stats.h; issue 15) */
    char *stats_db;             /* owned; visitor statistics file; "" = off */
    int stats_max_kb;           /* KB the statistics file may hold */
    /* [schedule] (schedule.h; issue 15) */
    char *sched_hours;          /* owned; "" = open all day */
    char *sched_closed;         /* owned; "" = no closed dates */
    int wake_on_touch_min;      /* minutes a touch lights a dark exhibit; 0 = never */
    char *display_off_cmd;      /* owned; sh command run on going dark; "" = none */
    char *display_on_cmd;       /* owned; sh command run on lighting up; "" = none */

    /* diagnostics (tests look at these) */
    int nwarn;                  /* warnings issued so far */
    char last_warn[256];        /* the latest warning, without the program prefix */
    int sched_invalid;          /* a [schedule] value was refused: no schedule at all */
} config;

/* Fill cfg with the built-in defaults (frees nothing: start from zeroed or
** freed memory). */
void config_defaults(config *cfg);
void config_free(config *cfg);              /* frees owned strings; NULL-safe */

/* Read an INI file over the current values. 0 ok (warnings counted in
** cfg->nwarn), -1 when the file cannot be opened (logged). */
int config_load(config *cfg, const char *path);

/* Set "section.key" (or bare "key" when unique) to a textual value, as a
** flag does. origin names the source for the warning ("--rotate",
** "vitrine.ini"), line 0 = no line. 0 ok, -1 unknown key or bad value
** (warned; value unchanged). */
int config_set(config *cfg, const char *key, const char *value,
               const char *origin, int line);

/* Print the table (key, default, comment) to stdout for --help. */
void config_print_keys(void);

/* Parse "ctrl+alt+q" style combos: modifier bits below, key name via SDL's
** names. 0 ok, -1 bad. */
enum { CFG_MOD_CTRL = 1, CFG_MOD_ALT = 2, CFG_MOD_SHIFT = 4, CFG_MOD_GUI = 8 };
int config_parse_combo(const char *s, int *keycode, int *mods);

#endif
