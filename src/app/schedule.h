/*
** src/app/schedule.h: opening hours (sched_). Outside them the exhibit is
** dark: a black frame, no rendering, the panel-off command, and one wake-up
** a minute to look at the clock again.
**
** Config ([schedule] in the INI, see assets/vitrine.ini):
**
**   hours  = mon-fri 09:00-18:00, sat 10:00-16:00
**            comma-separated items "DAYS FROM-TO"; DAYS is a day (mon..sun),
**            a range (mon-fri, fri-mon wraps) or "daily"; FROM-TO is HH:MM,
**            TO may be 24:00, and TO < FROM runs past midnight into the next
**            day (22:00-02:00). Several items may name the same day.
**            Empty = open all day (every day but the closed dates).
**   closed = 2026-12-25, 2026-12-26     whole calendar days dark
**
** Times are the SYSTEM's local time (localtime_r: /etc/localtime or TZ), so
** DST is the time zone's business. A schedule is never "tracked": every
** check looks at the wall clock afresh, so an NTP correction or a DST change
** simply gives a different answer at the next check (<= 60 s later).
**
** Pure parts (sched_parse, sched_open_tm) allocate nothing and know no clock;
** the runtime (sched_run) runs the display commands and keeps the wake.
*/
#ifndef VITRINE_SCHEDULE_H
#define VITRINE_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifndef SCHED_MAX_RANGES
#define SCHED_MAX_RANGES  32     /* opening ranges per week (after midnight splits) */
#endif
#ifndef SCHED_MAX_CLOSED
#define SCHED_MAX_CLOSED  64     /* closed dates */
#endif
#define SCHED_CHECK_MS    60000u /* ms: the dark app looks at the clock this often */

typedef struct sched_range {
    uint8_t days;               /* bit d = tm_wday d (0 Sunday .. 6 Saturday) */
    int16_t from, to;           /* minutes of the day, from < to <= 1440 */
} sched_range;

typedef struct schedule {
    int on;                     /* 0: no schedule, always open */
    sched_range r[SCHED_MAX_RANGES];
    int nr;
    int32_t closed[SCHED_MAX_CLOSED];   /* YYYYMMDD */
    int nclosed;
} schedule;

/* Parse hours and closed (either may be NULL or empty) into *s. 0 ok;
** -1 with a message naming the bad item in err, and *s switched off. */
int sched_parse(schedule *s, const char *hours, const char *closed, char *err, size_t errlen);
/* Just check one of the two texts (config.c's validation). 0 ok, -1 err set. */
int sched_check_hours(const char *hours, char *err, size_t errlen);
int sched_check_closed(const char *closed, char *err, size_t errlen);

/* Open at this broken-down local time? (tm_year, tm_mon, tm_mday, tm_wday,
** tm_hour, tm_min are read). Always 1 when s->on is 0. */
int sched_open_tm(const schedule *s, const struct tm *lt);
/* The same for a wall-clock time, through localtime_r. */
int sched_open_at(const schedule *s, time_t t);

/* "YYYY-MM-DD HH:MM:SS" as LOCAL time -> seconds since the epoch (the
** harness's --clock). 0 ok, -1 malformed. */
int sched_parse_clock(const char *text, time_t *out);

/* Warn once when TZ names a zone this system does not know (glibc then
** silently uses UTC). */
void sched_check_timezone(void);

/* ---- runtime: dark / lit, display commands, wake on touch ---------------- */

typedef struct sched_run sched_run;     /* opaque */

/* hours, closed, the commands are copied. wake_min: minutes a touch lights
** a dark exhibit for (0 = touches do nothing while dark). Returns NULL when
** there is no schedule (or it is malformed: logged once, always open). */
sched_run *sched_run_create(const char *hours, const char *closed, int wake_min,
                            const char *off_cmd, const char *on_cmd);
void sched_run_destroy(sched_run *r);   /* NULL-safe; waits <= 1 s for a command */

/* Look at the clock: 1 dark, 0 lit. On a change it logs and runs the
** display command (without waiting for it). now: app ms; wall: epoch s. */
int sched_run_check(sched_run *r, time_t wall, uint32_t now);
/* A touch while dark: 1 if it lights the exhibit (wake_on_touch > 0). */
int sched_run_touch(sched_run *r, time_t wall, uint32_t now);
/* App ms of the next check: the next wall-clock minute, or the end of a
** wake if sooner. wall_ms: epoch ms at now. */
uint32_t sched_run_next_check(const sched_run *r, int64_t wall_ms, uint32_t now);
int sched_run_dark(const sched_run *r);
/* Display commands started so far (tests). */
unsigned sched_run_commands(const sched_run *r);

#endif
