/*
** tests/test_config.c: the app's INI config (src/app/config.c).
** Table-driven: each row is a file text and what must come out of it.
*/
#include "app/config.h"
#include "common/util.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *write_tmp(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/vitrine-cfg-%d.ini", (int)getpid());
    FILE *fp = fopen(path, "w");
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void test_defaults(void)
{
    config c;
    config_defaults(&c);
    T_INT(c.rotate, 0);
    T_INT(c.transition, TRANSITION_CROSSFADE);
    T_INT(c.idle_timeout_ms, 60000);
    T_INT(c.color_bg, 0x14161a);
    T_STR(c.exit_keys, "ctrl+alt+q");
    T_INT(c.kms_device, -1);
    config_free(&c);
}

/* The shipped file documents the defaults: loading it changes nothing and
** warns about nothing. */
static void test_shipped_file(void)
{
    config c, d;
    config_defaults(&c);
    config_defaults(&d);
    T_INT(config_load(&c, "assets/vitrine.ini"), 0);
    T_INT(c.nwarn, 0);
    T_STR(c.db_path, d.db_path);
    T_INT(c.transition_ms, d.transition_ms);
    T_INT(c.color_accent, d.color_accent);
    T_INT(c.fullscreen, d.fullscreen);
    config_free(&c);
    config_free(&d);
}

static const struct {
    const char *ini;
    int nwarn;
    const char *warn_has;       /* substring of the last warning, or NULL */
} rows[] = {
    /* good values */
    {"[display]\nrotate = 90\nfullscreen = yes\n", 0, NULL},
    {"[timing]\ntransition = slide\ntransition_ms = 300\n", 0, NULL},
    {"[colours]\nbackground = #000000\n", 0, NULL},
    {"[admin]\nexit_keys = ctrl+shift+Escape\n", 0, NULL},
    {"[admin]\nexit_keys =\n", 0, NULL},              /* empty: no admin exit */
    /* unknown key / section: named with the line */
    {"[display]\nrotate = 0\nrotation = 90\n", 1, ":3: unknown key 'rotation' in [display]"},
    {"[nosuch]\nkey = 1\n", 1, ":2: unknown key 'key' in [nosuch]"},
    /* bad values: named with the line, default kept */
    {"[display]\nrotate = 45\n", 1, ":2: bad value '45' for display.rotate (expected 0|90|180|270); keeping the default"},
    {"[timing]\n\nidle_timeout = soon\n", 1, ":3: bad value 'soon' for timing.idle_timeout"},
    {"[timing]\nidle_timeout = 5\n", 1, "expected an integer 1000..3600000"},
    {"[colours]\ntext = red\n", 1, "bad value 'red' for colours.text (expected #rrggbb)"},
    {"[display]\nfullscreen = maybe\n", 1, "expected true or false"},
    {"[admin]\nexit_keys = ctrl+hyper+q\n", 1, "bad value 'ctrl+hyper+q' for admin.exit_keys"},
    {"[timing]\ntransition = wipe\n", 1, "(expected crossfade|slide)"},
    /* syntax error */
    {"[display]\nthis line has no equals sign\n", 1, ":2: syntax error"},
};

static void test_rows(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        config c, d;
        config_defaults(&c);
        config_defaults(&d);
        const char *path = write_tmp(rows[i].ini);
        T_INT(config_load(&c, path), 0);
        T_INT(c.nwarn, rows[i].nwarn);
        if (rows[i].warn_has) {
            T_HAS(c.last_warn, rows[i].warn_has);
            T_HAS(c.last_warn, path);           /* the file is named */
        }
        config_free(&c);
        config_free(&d);
        unlink(path);
    }
}

static void test_values_land(void)
{
    config c;
    config_defaults(&c);
    const char *path = write_tmp("[display]\nrotate = 270\nfullscreen = on\nwidth = 1080\n"
                                 "[timing]\ntransition = slide\nidle_timeout = 2000\n"
                                 "[colours]\naccent = #112233\n[content]\ndatabase = /x/y.db\n");
    config_load(&c, path);
    T_INT(c.rotate, 270);
    T_INT(c.fullscreen, 1);
    T_INT(c.width, 1080);
    T_INT(c.transition, TRANSITION_SLIDE);
    T_INT(c.idle_timeout_ms, 2000);
    T_INT(c.color_accent, 0x112233);
    T_STR(c.db_path, "/x/y.db");
    /* a bad value after a good one keeps the good one for flags, the default for files */
    T_INT(config_set(&c, "display.rotate", "33", "--rotate", 0), -1);
    T_INT(c.rotate, 270);
    T_HAS(c.last_warn, "--rotate: bad value '33'");
    T_HAS(c.last_warn, "keeping the previous value");
    /* decimals: the panel's diagonal and the viewing distance */
    T_OK(c.diagonal_in == 0 && c.viewing_m == 2);
    T_INT(config_set(&c, "display.diagonal", "21.5", "test", 0), 0);
    T_OK(c.diagonal_in == 21.5);
    T_INT(config_set(&c, "display.viewing_distance", "3.5", "test", 0), 0);
    T_OK(c.viewing_m == 3.5);
    T_INT(config_set(&c, "display.diagonal", "21,5", "test", 0), -1);
    T_HAS(c.last_warn, "a decimal point allowed");
    T_INT(config_set(&c, "display.diagonal", "500", "test", 0), -1);
    T_INT(config_set(&c, "display.viewing_distance", "-1", "test", 0), -1);
    T_OK(c.diagonal_in == 21.5 && c.viewing_m == 3.5);
    config_free(&c);
    unlink(path);
}

/* Flags (config_set after config_load) override the file. */
static void test_flag_override(void)
{
    config c;
    config_defaults(&c);
    const char *path = write_tmp("[display]\nrotate = 90\n[timing]\ntransition = slide\n");
    config_load(&c, path);
    T_INT(config_set(&c, "display.rotate", "180", "--rotate", 0), 0);
    T_INT(config_set(&c, "transition", "crossfade", "--set", 0), 0);   /* bare unique key */
    T_INT(config_set(&c, "content.database", "other.db", "--db", 0), 0);
    T_INT(c.rotate, 180);
    T_INT(c.transition, TRANSITION_CROSSFADE);
    T_STR(c.db_path, "other.db");
    T_INT(config_set(&c, "nokey", "1", "--set", 0), -1);
    T_HAS(c.last_warn, "unknown key 'nokey'");
    T_INT(config_load(&c, "/nonexistent/vitrine.ini"), -1);
    config_free(&c);
    unlink(path);
}

static void test_combo(void)
{
    int k, m;
    T_INT(config_parse_combo("ctrl+alt+q", &k, &m), 0);
    T_INT(k, 'q');
    T_INT(m, CFG_MOD_CTRL | CFG_MOD_ALT);
    T_INT(config_parse_combo("Escape", &k, &m), 0);
    T_INT(m, 0);
    T_INT(config_parse_combo("ctrl+", &k, &m), -1);
    T_INT(config_parse_combo("", &k, &m), -1);
    T_INT(config_parse_combo("meta+q", &k, &m), -1);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_defaults);
    T_RUN(test_shipped_file);
    T_RUN(test_rows);
    T_RUN(test_values_land);
    T_RUN(test_flag_override);
    T_RUN(test_combo);
    return T_DONE();
}
