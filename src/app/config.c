/*
** src/app/config.c: the tunables table and the INI reader (see config.h).
*/
#include "app/config.h"

#include "app/schedule.h"    /* validation of [schedule] hours / closed */
#include "app/strings.h"     /* display.language, [strings] */
#include "common/util.h"

#include <SDL.h>            /* SDL_GetKeyFromName for key combos */
#include <ini.h>            /* libinih */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum cfg_type {
    T_STR, T_INT, T_BOOL, T_COLOR, T_ENUM, T_COMBO, T_SET,
    T_DEC,                  /* a decimal number (double) between min and max */
    T_OPT,                  /* a string that may be empty ("" = off) */
    T_HOURS, T_DATES        /* [schedule] hours / closed: checked by schedule.c, may be empty */
} cfg_type;

/* Types whose field is an owned char *. */
static int is_text(cfg_type t) { return t == T_STR || t == T_COMBO || t == T_OPT || t == T_HOURS || t == T_DATES; }

static char sched_err[160];  /* why the last hours / closed value was refused (type_hint) */

typedef struct cfg_key {
    const char *section, *key;
    cfg_type type;
    size_t off;             /* offsetof(config, field) */
    const char *def;        /* default, as text (parsed like a file value) */
    int min, max;           /* T_INT / T_DEC bounds */
    const char *choices;    /* T_ENUM: "a|b|c"; value = index, or the number for rotate;
                            ** T_SET: the same names, value = comma list -> bit mask (1 << index) */
    const char *comment;    /* unit and meaning */
} cfg_key;

#define F(field) offsetof(config, field)
/* ONE table of every tunable. assets/vitrine.ini mirrors it. */
static const cfg_key keys[] = {
/*   section    key              type     field              default         min     max      choices                   comment */
    {"content", "database",      T_STR,   F(db_path),        "build/corpus.db", 0, 0,     NULL,                     "path of the corpus database (read-only)"},
    {"content", "fonts",         T_STR,   F(fonts_dir),      "fonts",        0,      0,       NULL,                     "folder of the bundled font files"},
    /* issue 14: the venue's look. [colours] keeps naming the four colours. */
    {"theme",   "file",          T_OPT,   F(theme_file),     "",             0,      0,       NULL,                     "a theme file (INI with a [theme] section) read at this point, relative to this file; bundled: assets/themes/night.ini, assets/themes/paper.ini"},
    {"theme",   "title",         T_OPT,   F(theme_title),    "",             0,      0,       NULL,                     "the exhibit's title on Home and the opening slide; empty = the language's (In the news)"},
    {"theme",   "subtitle",      T_OPT,   F(theme_subtitle), "",             0,      0,       NULL,                     "a line under the title on the opening slide; empty = none"},
    {"theme",   "logo",          T_OPT,   F(theme_logo),     "",             0,      0,       NULL,                     "a PNG or JPEG logo shown before the title, relative to the config file; empty = none"},
    {"theme",   "background",    T_COLOR, F(color_bg),       "#14161a",      0,      0,       NULL,                     "screen background, #rrggbb"},
    {"theme",   "surface",       T_COLOR, F(color_surface),  "#232528",      0,      0,       NULL,                     "cards and panels, #rrggbb"},
    {"theme",   "text",          T_COLOR, F(color_text),     "#f2efe8",      0,      0,       NULL,                     "main text, #rrggbb"},
    {"theme",   "muted",         T_COLOR, F(color_muted),    "#9a9ca3",      0,      0,       NULL,                     "secondary text (source, dates), #rrggbb"},
    {"theme",   "accent",        T_COLOR, F(color_accent),   "#e0a43a",      0,      0,       NULL,                     "accent (rules, highlights, filled buttons), #rrggbb"},
    {"theme",   "headings",      T_ENUM,  F(heading_face),   "sans",         0,      0,       "sans|serif",             "headlines' face: sans (Inter SemiBold) or serif (Noto Serif)"},
    {"display", "language",      T_ENUM,  F(language),       "en",           0,      0,       STR_LANG_CHOICES,         "the exhibit's own texts: en, de or zh-Hans; [strings] KEY = text overrides one"},
    {"colours", "background",    T_COLOR, F(color_bg),       "#14161a",      0,      0,       NULL,                     "screen background, #rrggbb"},
    {"colours", "text",          T_COLOR, F(color_text),     "#f2efe8",      0,      0,       NULL,                     "main text, #rrggbb"},
    {"colours", "muted",         T_COLOR, F(color_muted),    "#9a9ca3",      0,      0,       NULL,                     "secondary text (source, dates), #rrggbb"},
    {"colours", "accent",        T_COLOR, F(color_accent),   "#e0a43a",      0,      0,       NULL,                     "accent (rules, highlights), #rrggbb"},
    {"timing",  "idle_timeout",  T_INT,   F(idle_timeout_ms),"60000",        1000,   3600000, NULL,                     "ms without input before the idle slideshow starts"},
    {"timing",  "slide_min",     T_INT,   F(slide_min_ms),   "8000",         1000,   600000,  NULL,                     "ms a slide shows at least"},
    {"timing",  "slide_max",     T_INT,   F(slide_max_ms),   "20000",        1000,   600000,  NULL,                     "ms a slide shows at most"},
    {"timing",  "transition",    T_ENUM,  F(transition),     "crossfade",    0,      0,       "crossfade|slide",        "transition between screens"},
    {"timing",  "transition_ms", T_INT,   F(transition_ms),  "450",          0,      5000,    NULL,                     "ms a transition lasts (0 = cut)"},
    {"display", "width",         T_INT,   F(width),          "0",            0,      16384,   NULL,                     "px output width; 0 = desktop size (fullscreen) or 1280"},
    {"display", "height",        T_INT,   F(height),         "0",            0,      16384,   NULL,                     "px output height; 0 = desktop size (fullscreen) or 800"},
    {"display", "rotate",        T_ENUM,  F(rotate),         "0",            0,      0,       "0|90|180|270",           "degrees clockwise the panel is mounted"},
    {"display", "fullscreen",    T_BOOL,  F(fullscreen),     "false",        0,      0,       NULL,                     "true: fullscreen kiosk, window close ignored"},
    {"display", "kms_device",    T_INT,   F(kms_device),     "-1",           -1,     15,      NULL,                     "/dev/dri/cardN index for KMSDRM; -1 = SDL's choice"},
    {"slideshow","kinds",        T_SET,   F(slide_kinds),    "summary,quote,timeline", 0, 0, "summary|quote|timeline", "slide kinds of the idle slideshow, comma-separated"},
    {"slideshow","shuffle",      T_BOOL,  F(slide_shuffle),  "true",         0,      0,       NULL,                     "true: random order (never the same slide twice in a row); false: in turn"},
    {"display", "diagonal",      T_DEC,   F(diagonal_in),    "0",            0,      200,     NULL,                     "inches across the panel, for legible text sizes; 0 = from the display's EDID where SDL reports it, else none"},
    {"display", "viewing_distance", T_DEC, F(viewing_m),     "2",            0,      30,      NULL,                     "metres the slideshow is read from (the touch screens: arm's length); its text keeps about 25 mm of cap height per 3 m (needs the diagonal)"},
    {"display", "qr",            T_BOOL,  F(qr),             "true",         0,      0,       NULL,                     "true: the Article screen shows a QR code of the article's URL (Read on your phone); false: none"},
    {"display", "screens",       T_ENUM,  F(screens),        "exhibit",      0,      0,       SCREENS_CHOICES,          "exhibit: the visitor UI; test: the engine's test screens (golden tests; not in the installed program)"},
    {"admin",   "exit_keys",     T_COMBO, F(exit_keys),      "ctrl+alt+q",   0,      0,       NULL,                     "key combination that quits the app (exit status 3); empty: none"},
    /* issue 15: screens in step (lockstep.h) */
    {"slideshow","intro_every",  T_INT,   F(slide_intro_every), "8",         0,      1000,    NULL,                     "the opening slide (title, what the exhibit holds) starts the slideshow and returns after this many slides; 0 = none"},
    {"slideshow","sync",         T_BOOL,  F(slide_sync),     "false",        0,      0,       NULL,                     "true: the slide on show is a function of the wall clock and the content (screens in step)"},
    {"slideshow","offset",       T_INT,   F(slide_offset),   "0",            0,      100000,  NULL,                     "with sync: show the slide this many places ahead (a wall of screens)"},
    {"slideshow","sync_dwell",   T_INT,   F(sync_dwell_ms),  "12000",        1000,   600000,  NULL,                     "with sync: ms every slide shows (the same on every screen)"},
    /* issue 15: health for monitoring (health.h) */
    {"health",  "textfile",      T_OPT,   F(health_file),    "",             0,      0,       NULL,                     "node_exporter textfile written every minute, e.g. /var/lib/prometheus/node-exporter/vitrine.prom; empty = off"},
    /* issue 15: visitor statistics (stats.h) */
    {"stats",   "database",      T_OPT,   F(stats_db),       "",             0,      0,       NULL,                     "visitor statistics SQLite file (writable, e.g. /var/lib/vitrine-stats/stats.db); empty = off"},
    {"stats",   "max_kb",        T_INT,   F(stats_max_kb),   "16384",        64,     4194304, NULL,                     "KB the statistics file may hold; past it the oldest tenth is deleted"},
    /* issue 15: opening hours (schedule.h) */
    {"schedule","hours",         T_HOURS, F(sched_hours),    "",             0,      0,       NULL,                     "opening hours, e.g. mon-fri 09:00-18:00, sat 10:00-16:00; empty = always open"},
    {"schedule","closed",        T_DATES, F(sched_closed),   "",             0,      0,       NULL,                     "dates closed all day, e.g. 2026-12-25, 2026-12-26"},
    {"schedule","wake_on_touch", T_INT,   F(wake_on_touch_min), "0",         0,      1440,    NULL,                     "minutes a touch lights a dark exhibit; 0 = touches do nothing while dark"},
    {"schedule","display_off_command", T_OPT, F(display_off_cmd), "",       0,      0,       NULL,                     "sh command run on going dark (panel off); empty = none"},
    {"schedule","display_on_command",  T_OPT, F(display_on_cmd),  "",       0,      0,       NULL,                     "sh command run on lighting up (panel on); empty = none"},
};
#undef F
#define NKEYS (sizeof keys / sizeof keys[0])

static void warn(config *cfg, const char *origin, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void warn(config *cfg, const char *origin, int line, const char *fmt, ...)
{
    char msg[240];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(cfg->last_warn, sizeof cfg->last_warn, "%s:%d: %s", origin, line, msg);
    else
        snprintf(cfg->last_warn, sizeof cfg->last_warn, "%s: %s", origin, msg);
    cfg->nwarn++;
    log_warn("%s", cfg->last_warn);
}

int config_parse_combo(const char *s, int *keycode, int *mods)
{
    static const struct { const char *name; int bit; } mod_names[] = {
        {"ctrl", CFG_MOD_CTRL}, {"alt", CFG_MOD_ALT}, {"shift", CFG_MOD_SHIFT}, {"gui", CFG_MOD_GUI},
    };
    char buf[64];
    if (!s || !*s || strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    *mods = 0;
    char *tok = buf, *plus;
    while ((plus = strchr(tok, '+')) && plus[1]) {  /* "ctrl++" would make '+' the key */
        *plus = 0;
        size_t i;
        for (i = 0; i < sizeof mod_names / sizeof mod_names[0]; i++)
            if (strcasecmp(tok, mod_names[i].name) == 0)
                break;
        if (i == sizeof mod_names / sizeof mod_names[0])
            return -1;
        *mods |= mod_names[i].bit;
        tok = plus + 1;
    }
    SDL_Keycode k = SDL_GetKeyFromName(tok);
    if (k == SDLK_UNKNOWN)
        return -1;
    *keycode = (int)k;
    return 0;
}

/* Parse text for one key into its field. 0 ok, -1 bad (field unchanged). */
static int parse_value(config *cfg, const cfg_key *k, const char *v)
{
    void *field = (char *)cfg + k->off;
    char *end;
    switch (k->type) {
    case T_OPT:
    case T_HOURS:
    case T_DATES:
        if ((k->type == T_HOURS && sched_check_hours(v, sched_err, sizeof sched_err) != 0) ||
            (k->type == T_DATES && sched_check_closed(v, sched_err, sizeof sched_err) != 0))
            return -1;
        free(*(char **)field);
        *(char **)field = xstrdup(v);
        return 0;
    case T_STR:
    case T_COMBO: {
        int kc, m;
        /* an empty combination is allowed: no key quits (an installed kiosk) */
        if (k->type == T_STR ? !*v : *v && config_parse_combo(v, &kc, &m) != 0)
            return -1;
        free(*(char **)field);
        *(char **)field = xstrdup(v);
        return 0;
    }
    case T_INT: {
        long n = strtol(v, &end, 10);
        if (end == v || *end || n < k->min || n > k->max)
            return -1;
        *(int *)field = (int)n;
        return 0;
    }
    case T_DEC: {
        double d = strtod(v, &end);
        if (end == v || *end || !(d >= k->min && d <= k->max))
            return -1;
        *(double *)field = d;
        return 0;
    }
    case T_BOOL: {
        static const char *yes[] = {"true", "yes", "on", "1"}, *no[] = {"false", "no", "off", "0"};
        for (int i = 0; i < 4; i++) {
            if (strcasecmp(v, yes[i]) == 0) { *(int *)field = 1; return 0; }
            if (strcasecmp(v, no[i]) == 0) { *(int *)field = 0; return 0; }
        }
        return -1;
    }
    case T_COLOR: {
        if (v[0] != '#' || strlen(v) != 7)
            return -1;
        unsigned long c = strtoul(v + 1, &end, 16);
        if (*end)
            return -1;
        *(uint32_t *)field = (uint32_t)c;
        return 0;
    }
    case T_ENUM: {
        const char *c = k->choices;
        for (int i = 0; *c; i++) {
            size_t n = strcspn(c, "|");
            if (strlen(v) == n && strncasecmp(v, c, n) == 0) {
                /* numeric choices (rotate) store the number itself */
                *(int *)field = (c[0] >= '0' && c[0] <= '9') ? atoi(c) : i;
                return 0;
            }
            c += n + (c[n] == '|');
        }
        return -1;
    }
    case T_SET: {
        int mask = 0;
        const char *p = v;
        while (*p) {
            size_t n = strcspn(p, ",");
            while (n && (*p == ' ' || *p == '\t')) { p++; n--; }
            size_t m = n;
            while (m && (p[m - 1] == ' ' || p[m - 1] == '\t')) m--;
            const char *c = k->choices;
            int i = 0, found = -1;
            while (*c) {
                size_t cn = strcspn(c, "|");
                if (m && cn == m && strncasecmp(p, c, m) == 0) found = i;
                c += cn + (c[cn] == '|');
                i++;
            }
            if (found < 0)
                return -1;
            mask |= 1 << found;
            p += n + (p[n] == ',');
        }
        if (!mask)
            return -1;
        *(int *)field = mask;
        return 0;
    }
    }
    return -1;
}

static const cfg_key *find_key(const char *section, const char *key)
{
    const cfg_key *hit = NULL;
    int nhit = 0;
    for (size_t i = 0; i < NKEYS; i++) {
        if (strcmp(keys[i].key, key) != 0)
            continue;
        if (section && strcmp(keys[i].section, section) != 0)
            continue;
        hit = &keys[i];
        nhit++;
    }
    return nhit == 1 ? hit : NULL;
}

static const char *type_hint(const cfg_key *k, char *buf, size_t n)
{
    switch (k->type) {
    case T_INT: snprintf(buf, n, "an integer %d..%d", k->min, k->max); break;
    case T_BOOL: snprintf(buf, n, "true or false"); break;
    case T_DEC: snprintf(buf, n, "a number %d..%d (a decimal point allowed)", k->min, k->max); break;
    case T_COLOR: snprintf(buf, n, "#rrggbb"); break;
    case T_ENUM: snprintf(buf, n, "%s", k->choices); break;
    case T_SET: snprintf(buf, n, "a comma list of %s", k->choices); break;
    case T_COMBO: snprintf(buf, n, "modifiers+key, e.g. ctrl+alt+q, or nothing"); break;
    case T_OPT: snprintf(buf, n, "a string"); break;
    case T_HOURS: snprintf(buf, n, "e.g. mon-fri 09:00-18:00, sat 10:00-16:00"); break;
    case T_DATES: snprintf(buf, n, "dates YYYY-MM-DD, comma-separated"); break;
    default: snprintf(buf, n, "a non-empty string"); break;
    }
    return buf;
}

static int set_in(config *cfg, const char *section, const char *key, const char *value,
                  const char *origin, int line)
{
    const cfg_key *k = find_key(section, key);
    if (!k) {
        if (section)
            warn(cfg, origin, line, "unknown key '%s' in [%s] (ignored)", key, section);
        else
            warn(cfg, origin, line, "unknown key '%s' (ignored)", key);
        return -1;
    }
    int bad = parse_value(cfg, k, value) != 0;
    if (bad && (k->type == T_HOURS || k->type == T_DATES)) {
        cfg->sched_invalid = 1;
        warn(cfg, origin, line, "bad %s.%s: %s; keeping %s", k->section, k->key, sched_err,
             line > 0 ? "the default (no schedule: always open)" : "the previous value");
        return -1;
    }
    if (bad) {
        char hint[64];
        warn(cfg, origin, line, "bad value '%s' for %s.%s (expected %s); keeping %s",
             value, k->section, k->key, type_hint(k, hint, sizeof hint),
             line > 0 ? "the default" : "the previous value");
        return -1;
    }
    return 0;
}

int config_set(config *cfg, const char *key, const char *value, const char *origin, int line)
{
    char sec[32];
    const char *dot = strchr(key, '.');
    if (dot && (size_t)(dot - key) < sizeof sec) {
        memcpy(sec, key, (size_t)(dot - key));
        sec[dot - key] = 0;
        return set_in(cfg, sec, dot + 1, value, origin, line);
    }
    return set_in(cfg, NULL, key, value, origin, line);
}

void config_defaults(config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    for (size_t i = 0; i < NKEYS; i++)
        if (parse_value(cfg, &keys[i], keys[i].def) != 0)
            abort();        /* a bad default is a programmer error */
}

void config_free(config *cfg)
{
    if (!cfg)
        return;
    str_clear_overrides();      /* [strings] read with this config */
    for (size_t i = 0; i < NKEYS; i++)
        if (is_text(keys[i].type)) {
            char **p = (char **)((char *)cfg + keys[i].off);
            free(*p);
            *p = NULL;
        }
}

/* inih (as packaged) does not pass line numbers to the handler, so a reader
** that counts lines is wrapped around fgets: the handler runs right after
** its line was read. */
typedef struct ini_ctx {
    FILE *fp;
    int line;
    config *cfg;
    const char *path;
} ini_ctx;

static char *counting_reader(char *str, int num, void *stream)
{
    ini_ctx *c = stream;
    char *r = fgets(str, num, c->fp);
    if (r)
        c->line++;
    return r;
}

#define CONFIG_INCLUDE_DEPTH 4    /* theme.file inside a theme file, at most this deep */
static int include_depth;

static int on_value(void *user, const char *section, const char *name, const char *value)
{
    ini_ctx *c = user;
    if (section && !strcasecmp(section, "strings")) {
        if (str_set_override(name, value) != 0)
            warn(c->cfg, c->path, c->line, "[strings] %s: unknown key, or the text does not "
                 "take the values the original takes (%%d, %%s) (ignored)", name);
        return 1;
    }
    int ok = set_in(c->cfg, section, name, value, c->path, c->line) == 0;
    const char *dir_end = strrchr(c->path, '/');
    if (ok && section && !strcasecmp(section, "theme") && !strcasecmp(name, "logo") && *value
        && *value != '/' && dir_end) {            /* relative to the file that names it */
        free(c->cfg->theme_logo);
        c->cfg->theme_logo = xmalloc(strlen(c->path) + strlen(value) + 2);
        sprintf(c->cfg->theme_logo, "%.*s/%s", (int)(dir_end - c->path), c->path, value);
    }
    if (ok && section && !strcasecmp(section, "theme") && !strcasecmp(name, "file") && *value) {
        /* the theme's keys apply here: later lines of this file override them */
        char path[1024];
        const char *slash = strrchr(c->path, '/');
        if (*value == '/' || !slash)
            snprintf(path, sizeof path, "%s", value);
        else
            snprintf(path, sizeof path, "%.*s/%s", (int)(slash - c->path), c->path, value);
        if (include_depth >= CONFIG_INCLUDE_DEPTH)
            warn(c->cfg, c->path, c->line, "theme.file nested too deep (ignored)");
        else {
            include_depth++;
            if (config_load(c->cfg, path) != 0)
                warn(c->cfg, c->path, c->line, "theme.file %s cannot be read (ignored)", path);
            include_depth--;
        }
    }
    return 1;               /* keep going: every problem is only a warning */
}

int config_load(config *cfg, const char *path)
{
    ini_ctx c = { fopen(path, "r"), 0, cfg, path };
    if (!c.fp) {
        log_error("%s: cannot open config file", path);
        return -1;
    }
    int rc = ini_parse_stream(counting_reader, &c, on_value, &c);
    fclose(c.fp);
    if (rc > 0)
        warn(cfg, path, rc, "syntax error (line ignored)");
    return 0;
}

void config_print_keys(void)
{
    for (size_t i = 0; i < NKEYS; i++) {
        char name[48];
        snprintf(name, sizeof name, "%s.%s", keys[i].section, keys[i].key);
        printf("  %-22s %-16s %s\n", name, keys[i].def, keys[i].comment);
    }
}
