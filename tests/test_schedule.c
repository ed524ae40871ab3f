/*
** tests/test_schedule.c: opening hours (schedule.h): parsing, open/closed at
** given local times, the harness clock, and the runtime's commands and wake.
** Times are local; TZ is set to UTC (and to a DST zone for one case) here.
*/
#include "app/config.h"
#include "app/schedule.h"
#include "common/util.h"

#include "t.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* ---- parsing: {hours, closed, ok, error fragment} ------------------------ */
static const struct {
    const char *hours, *closed;
    int ok;
    const char *err;            /* a fragment of the message when !ok */
} parse_rows[] = {
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "",                       1, NULL},
    {"daily 00:00-24:00",                    NULL,                     1, NULL},
    {"fri-mon 22:00-02:00",                  NULL,                     1, NULL},
    {"  Mon 09:00-12:00 ,mon 13:00-18:00  ", "2026-12-25, 2026-12-26", 1, NULL},
    {"",                                     "2026-12-25",             1, NULL},
    {"",                                     "",                       1, NULL},
    {"monday 09:00-18:00",                   NULL,                     0, "expected a day"},
    {"mon-fri09:00-18:00",                   NULL,                     0, "space between"},
    {"mon-fri 9:00-18:00",                   NULL,                     0, "HH:MM-HH:MM"},
    {"mon-fri 09:00-25:00",                  NULL,                     0, "HH:MM-HH:MM"},
    {"mon-fri 09:00-18:60",                  NULL,                     0, "HH:MM-HH:MM"},
    {"mon-fri 24:00-10:00",                  NULL,                     0, "HH:MM-HH:MM"},
    {"xyz 09:00-18:00",                      NULL,                     0, "expected a day"},
    {"mon- 09:00-18:00",                     NULL,                     0, "after '-'"},
    {"mon 09:00-09:00",                      NULL,                     0, "the same"},
    {"mon 09:00-18:00 extra",                NULL,                     0, "unexpected text"},
    {"mon 09:00-18:00,,tue 09:00-18:00",     NULL,                     0, "empty item"},
    {"mon 09:00-18:00",                      "2026-02-30",             0, "closed item '2026-02-30'"},
    {"mon 09:00-18:00",                      "25.12.2026",             0, "YYYY-MM-DD"},
    {"mon 09:00-18:00",                      "2026-12-25x",            0, "YYYY-MM-DD"},
};

static void test_parse(void)
{
    for (size_t i = 0; i < sizeof parse_rows / sizeof parse_rows[0]; i++) {
        schedule s;
        char err[160] = "";
        int rc = sched_parse(&s, parse_rows[i].hours, parse_rows[i].closed, err, sizeof err);
        T_INT(rc == 0, parse_rows[i].ok);
        if (!parse_rows[i].ok) {
            T_HAS(err, parse_rows[i].err);
            T_INT(s.on, 0);                     /* malformed: no schedule at all */
        }
    }
    schedule s;
    char err[160];
    T_INT(sched_parse(&s, "", "", err, sizeof err), 0);
    T_INT(s.on, 0);                             /* nothing given: always open */
}

/* ---- open at: {hours, closed, "YYYY-MM-DD HH:MM" (2026-11-23 is a Monday), open} */
static const struct {
    const char *hours, *closed, *when;
    int open;
} open_rows[] = {
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-23 08:59", 0},
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-23 09:00", 1},
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-27 17:59", 1},
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-27 18:00", 0},   /* end is exclusive */
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-28 10:30", 1},   /* Saturday */
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-28 16:00", 0},
    {"mon-fri 09:00-18:00, sat 10:00-16:00", "", "2026-11-29 12:00", 0},   /* Sunday */
    {"mon-fri 09:00-18:00", "2026-11-25",       "2026-11-25 12:00", 0},   /* closed date */
    {"mon-fri 09:00-18:00", "2026-11-25",       "2026-11-26 12:00", 1},
    {"fri-mon 22:00-02:00", "",                 "2026-11-27 23:30", 1},   /* Fri evening */
    {"fri-mon 22:00-02:00", "",                 "2026-11-28 01:59", 1},   /* spills into Sat */
    {"fri-mon 22:00-02:00", "",                 "2026-11-24 01:00", 1},   /* Mon's night -> Tue */
    {"fri-mon 22:00-02:00", "",                 "2026-11-24 23:00", 0},   /* Tue evening */
    {"fri-mon 22:00-02:00", "",                 "2026-11-27 01:00", 0},   /* Thu night -> Fri: no */
    {"sun 00:00-24:00",     "",                 "2026-11-29 23:59", 1},
    {"",                    "2026-11-25",       "2026-11-25 12:00", 0},   /* only closed dates */
    {"",                    "2026-11-25",       "2026-11-24 03:00", 1},
    {"",                    "",                 "2026-11-25 03:00", 1},   /* no schedule */
    {"mon 09:00-12:00, mon 13:00-18:00", "",   "2026-11-23 12:30", 0},   /* lunch */
    {"mon 09:00-12:00, mon 13:00-18:00", "",   "2026-11-23 13:00", 1},
};

static void test_open(void)
{
    for (size_t i = 0; i < sizeof open_rows / sizeof open_rows[0]; i++) {
        schedule s;
        char err[160];
        T_INT(sched_parse(&s, open_rows[i].hours, open_rows[i].closed, err, sizeof err), 0);
        struct tm tm = {0};
        T_INT(sscanf(open_rows[i].when, "%d-%d-%d %d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                     &tm.tm_hour, &tm.tm_min), 5);
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        tm.tm_isdst = -1;
        timegm(&tm);                            /* fills tm_wday */
        if (sched_open_tm(&s, &tm) != open_rows[i].open)
            fprintf(stderr, "row %zu: %s at %s\n", i, open_rows[i].hours, open_rows[i].when);
        T_INT(sched_open_tm(&s, &tm), open_rows[i].open);
    }
}

/* ---- the harness clock, in two zones ---------------------------------------- */
static void test_clock(void)
{
    static const struct { const char *tz, *text; long long want; } rows[] = {
        {"UTC",           "2026-11-27 17:58:00", 1795802280LL},
        {"UTC",           "1970-01-01 00:00:01", 1LL},
        {"Europe/Berlin", "2026-11-27 18:58:00", 1795802280LL},   /* CET = UTC+1 */
        {"Europe/Berlin", "2026-07-01 14:00:00", 1782907200LL},   /* CEST = UTC+2 */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        setenv("TZ", rows[i].tz, 1);
        tzset();
        time_t t = 0;
        T_INT(sched_parse_clock(rows[i].text, &t), 0);
        if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) == 0 || !strcmp(rows[i].tz, "UTC"))
            T_INT((long long)t, rows[i].want);
    }
    static const char *bad[] = { "2026-11-27", "2026-11-27 17:58", "2026-13-01 00:00:00",
                                 "2026-11-27 24:00:00", "2026-11-27 17:58:00 x", "", NULL };
    for (int i = 0; bad[i]; i++) {
        time_t t;
        T_INT(sched_parse_clock(bad[i], &t), -1);
    }
    time_t t;
    T_INT(sched_parse_clock(NULL, &t), -1);
    setenv("TZ", "UTC", 1);
    tzset();
}

/* A DST change is the zone's business: the same local hours hold on both
** sides of it, since each check converts the wall clock afresh. */
static void test_dst(void)
{
    if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0)
        return;
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    schedule s;
    char err[160];
    T_INT(sched_parse(&s, "daily 09:00-18:00", NULL, err, sizeof err), 0);
    time_t before, after;
    T_INT(sched_parse_clock("2026-03-28 09:00:00", &before), 0);    /* CET */
    T_INT(sched_parse_clock("2026-03-29 09:00:00", &after), 0);     /* CEST: 23 h later */
    T_INT((long long)(after - before), 23 * 3600);
    T_INT(sched_open_at(&s, before), 1);
    T_INT(sched_open_at(&s, after), 1);
    T_INT(sched_open_at(&s, after - 1), 0);
    setenv("TZ", "UTC", 1);
    tzset();
}

/* ---- runtime: dark / lit, commands, wake, next check ------------------------- */
static void test_run(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    T_OK(sched_run_create("", "", 0, "true", "true") == NULL);             /* no schedule */
    T_OK(sched_run_create("mon 9:00-18:00", "", 0, NULL, NULL) == NULL);   /* malformed: off */
    sched_run *r = sched_run_create("mon-fri 09:00-18:00", "", 5, "true", "false");
    T_OK(r != NULL);
    time_t fri;
    T_INT(sched_parse_clock("2026-11-27 17:58:30", &fri), 0);
    T_INT(sched_run_check(r, fri, 0), 0);                       /* lit: no command at start */
    T_INT(sched_run_commands(r), 0);
    T_INT(sched_run_next_check(r, (int64_t)fri * 1000, 0), 30000);    /* the next minute */
    T_INT(sched_run_check(r, fri + 90, 90000), 1);              /* 18:00: dark, off command */
    T_INT(sched_run_commands(r), 1);
    T_INT(sched_run_check(r, fri + 150, 150000), 1);            /* still dark: no command */
    T_INT(sched_run_commands(r), 1);
    T_INT(sched_run_touch(r, fri + 160, 160000), 1);            /* wake for 5 minutes */
    T_INT(sched_run_dark(r), 0);
    T_INT(sched_run_commands(r), 2);
    T_INT(sched_run_touch(r, fri + 161, 161000), 0);            /* already lit */
    T_INT(sched_run_next_check(r, (int64_t)(fri + 160) * 1000, 160000), 210000);
    T_INT(sched_run_check(r, fri + 400, 400000), 0);            /* within the wake */
    T_INT(sched_run_check(r, fri + 461, 461000), 1);            /* wake over */
    T_INT(sched_run_commands(r), 3);
    /* a clock jump (NTP step back into opening hours) is just another answer */
    T_INT(sched_run_check(r, fri - 3600, 470000), 0);
    T_INT(sched_run_commands(r), 4);
    sched_run_destroy(r);
    sched_run_destroy(NULL);

    /* no wake on touch: touches do nothing while dark; starting dark runs off */
    r = sched_run_create("mon-fri 09:00-18:00", "", 0, NULL, NULL);
    T_INT(sched_run_check(r, fri + 3600, 0), 1);
    T_INT(sched_run_touch(r, fri + 3601, 1000), 0);
    T_INT(sched_run_dark(r), 1);
    sched_run_destroy(r);
}

/* ---- the INI keys: a bad value names file and line and turns the schedule off */
static void test_config(void)
{
    char path[] = "/tmp/vitrine_sched_XXXXXX";
    int fd = mkstemp(path);
    T_OK(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("[schedule]\nhours = mon-fri 09:00-18:00\nclosed = 2026-12-25\nwake_on_touch = 5\n"
          "display_off_command =\n", fp);
    fclose(fp);
    config cfg;
    config_defaults(&cfg);
    T_STR(cfg.sched_hours, "");
    T_INT(config_load(&cfg, path), 0);
    T_INT(cfg.nwarn, 0);
    T_STR(cfg.sched_hours, "mon-fri 09:00-18:00");
    T_STR(cfg.sched_closed, "2026-12-25");
    T_INT(cfg.wake_on_touch_min, 5);
    T_STR(cfg.display_off_cmd, "");
    T_INT(cfg.sched_invalid, 0);
    config_free(&cfg);

    fp = fopen(path, "w");
    fputs("[schedule]\nclosed = 2026-12-25\nhours = mon-fri 09:00-18:00, sunday 10:00-12:00\n", fp);
    fclose(fp);
    config_defaults(&cfg);
    T_INT(config_load(&cfg, path), 0);
    T_INT(cfg.nwarn, 1);
    T_HAS(cfg.last_warn, ":3: bad schedule.hours: hours item 'sunday 10:00-12:00': expected a day");
    T_HAS(cfg.last_warn, "always open");
    T_INT(cfg.sched_invalid, 1);
    config_free(&cfg);
    unlink(path);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_parse);
    T_RUN(test_open);
    T_RUN(test_clock);
    T_RUN(test_dst);
    T_RUN(test_run);
    T_RUN(test_config);
    return T_DONE();
}
