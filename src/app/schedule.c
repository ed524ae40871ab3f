/*
** src/app/schedule.c: opening hours and the dark exhibit (see schedule.h).
*/
#include "app/schedule.h"

#include "common/util.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>          /* posix_spawn: the display commands, never waited for */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *const day_names[7] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

static int parse_day(const char **p)
{
    for (int d = 0; d < 7; d++)
        if (strncasecmp(*p, day_names[d], 3) == 0 &&
            !(((*p)[3] | 0x20) >= 'a' && ((*p)[3] | 0x20) <= 'z')) {    /* "monday" is not "mon" */
            *p += 3;
            return d;
        }
    return -1;
}

/* "HH:MM" -> minutes; 24:00 allowed only when end is set. -1 bad. */
static int parse_hhmm(const char **p, int end)
{
    const char *s = *p;
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] != ':' ||
        s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
        return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 24 || (h == 24 && (m || !end)))
        return -1;
    *p += 5;
    return h * 60 + m;
}

static int add_range(schedule *s, unsigned days, int from, int to)
{
    if (!days || from >= to)
        return 0;
    if (s->nr == SCHED_MAX_RANGES)
        return -1;
    s->r[s->nr++] = (sched_range){ (uint8_t)days, (int16_t)from, (int16_t)to };
    return 0;
}

/* One item "DAYS FROM-TO" of length n. NULL ok, or why not. */
static const char *parse_item(schedule *s, const char *p, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        return "too long";
    memcpy(buf, p, n);
    buf[n] = 0;
    const char *q = skip_ws(buf);
    unsigned days = 0;
    if (strncasecmp(q, "daily", 5) == 0) {
        days = 0x7f;
        q += 5;
    } else {
        int a = parse_day(&q), b = a;
        if (a < 0)
            return "expected a day (mon..sun, a range like mon-fri, or daily)";
        if (*q == '-') {
            q++;
            if ((b = parse_day(&q)) < 0)
                return "expected a day after '-'";
        }
        for (int d = a;; d = (d + 1) % 7) {
            days |= 1u << d;
            if (d == b)
                break;
        }
    }
    if (*q != ' ' && *q != '\t')
        return "expected a space between the days and the hours";
    q = skip_ws(q);
    int from = parse_hhmm(&q, 0);
    if (from < 0 || *q++ != '-')
        return "expected hours as HH:MM-HH:MM";
    int to = parse_hhmm(&q, 1);
    if (to < 0)
        return "expected hours as HH:MM-HH:MM";
    if (*skip_ws(q))
        return "unexpected text after the hours";
    if (from == to)
        return "opening and closing time are the same";
    if (to > from)
        return add_range(s, days, from, to) ? "too many ranges" : NULL;
    /* past midnight: the evening part, then the morning of the next day */
    unsigned next = ((days << 1) | (days >> 6)) & 0x7f;
    if (add_range(s, days, from, 1440) || add_range(s, next, 0, to))
        return "too many ranges";
    return NULL;
}

static int parse_date(const char *p, size_t n, int32_t *out)
{
    int y, m, d, used = 0;
    char buf[16];
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, p, n);
    buf[n] = 0;
    if (sscanf(buf, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10 || n != 10)
        return -1;
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

/* Split a comma list; trim each item; call fn. -1 with err on the first bad. */
static int each_item(const char *text, char *err, size_t errlen, const char *what,
                     const char *(*fn)(void *ctx, const char *p, size_t n), void *ctx)
{
    for (const char *p = text; p && *p;) {
        size_t n = strcspn(p, ",");
        const char *q = skip_ws(p);
        size_t m = n - (size_t)(q - p);
        while (m && (q[m - 1] == ' ' || q[m - 1] == '\t'))
            m--;
        const char *why = m ? fn(ctx, q, m) : "empty item";
        if (why) {
            snprintf(err, errlen, "%s item '%.*s': %s", what, (int)(m > 40 ? 40 : m), q, why);
            return -1;
        }
        p += n + (p[n] == ',');
    }
    return 0;
}

static const char *hours_item(void *ctx, const char *p, size_t n) { return parse_item(ctx, p, n); }

static const char *closed_item(void *ctx, const char *p, size_t n)
{
    schedule *s = ctx;
    int32_t d;
    if (parse_date(p, n, &d) != 0)
        return "expected a date YYYY-MM-DD";
    if (s->nclosed == SCHED_MAX_CLOSED)
        return "too many closed dates";
    s->closed[s->nclosed++] = d;
    return NULL;
}

int sched_parse(schedule *s, const char *hours, const char *closed, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (each_item(hours, err, errlen, "hours", hours_item, s) != 0 ||
        each_item(closed, err, errlen, "closed", closed_item, s) != 0) {
        memset(s, 0, sizeof *s);
        return -1;
    }
    s->on = s->nr > 0 || s->nclosed > 0;
    if (s->on && s->nr == 0)
        add_range(s, 0x7f, 0, 1440);            /* only closed dates: open all day otherwise */
    return 0;
}

int sched_check_hours(const char *hours, char *err, size_t errlen)
{
    schedule s;
    return sched_parse(&s, hours, NULL, err, errlen);
}

int sched_check_closed(const char *closed, char *err, size_t errlen)
{
    schedule s;
    return sched_parse(&s, NULL, closed, err, errlen);
}

int sched_open_tm(const schedule *s, const struct tm *lt)
{
    if (!s->on)
        return 1;
    int32_t date = (lt->tm_year + 1900) * 10000 + (lt->tm_mon + 1) * 100 + lt->tm_mday;
    for (int i = 0; i < s->nclosed; i++)
        if (s->closed[i] == date)
            return 0;
    int min = lt->tm_hour * 60 + lt->tm_min;
    for (int i = 0; i < s->nr; i++)
        if ((s->r[i].days & (1u << lt->tm_wday)) && min >= s->r[i].from && min < s->r[i].to)
            return 1;
    return 0;
}

int sched_open_at(const schedule *s, time_t t)
{
    struct tm lt;
    if (!s->on)
        return 1;
    if (!localtime_r(&t, &lt))
        return 1;                               /* no answer: the show goes on */
    return sched_open_tm(s, &lt);
}

int sched_parse_clock(const char *text, time_t *out)
{
    struct tm tm = {0};
    int used = 0;
    if (!text || sscanf(text, "%4d-%2d-%2d %2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                        &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &used) != 6 || text[used] ||
        tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
        tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60 || tm.tm_year < 1970)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;                           /* the zone decides */
    time_t t = mktime(&tm);
    if (t == (time_t)-1)
        return -1;
    *out = t;
    return 0;
}

void sched_check_timezone(void)
{
    const char *tz = getenv("TZ");
    if (!tz || !*tz)
        return;
    const char *name = tz[0] == ':' ? tz + 1 : tz;
    if (strpbrk(name, "0123456789,") && name[0] != '/')
        return;                                 /* a POSIX rule like CET-1CEST: glibc parses it */
    char path[512];
    struct stat st;
    if (name[0] == '/')
        snprintf(path, sizeof path, "%s", name);
    else
        snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", name);
    if (strcmp(name, "UTC") != 0 && strcmp(name, "GMT") != 0 && stat(path, &st) != 0)
        log_warn("schedule: time zone TZ=%s is unknown here (no %s); local time is UTC", tz, path);
}

/* ---- runtime -------------------------------------------------------------- */

struct sched_run {
    schedule s;
    int wake_min;               /* minutes a touch lights a dark exhibit; 0 = never */
    char *off_cmd, *on_cmd;     /* owned; NULL or "" = none */
    int dark;                   /* 1 while dark (the state after the last check) */
    int checked;                /* a check has run */
    int woken;                  /* a touch lit the exhibit until wake_until */
    uint32_t wake_until;        /* app ms */
    pid_t child;                /* the last display command, 0 once reaped */
    unsigned ncommands;
};

sched_run *sched_run_create(const char *hours, const char *closed, int wake_min,
                            const char *off_cmd, const char *on_cmd)
{
    schedule s;
    char err[160];
    if (sched_parse(&s, hours, closed, err, sizeof err) != 0) {
        log_warn("schedule: %s; no schedule, the exhibit stays on", err);
        return NULL;
    }
    if (!s.on)
        return NULL;
    sched_check_timezone();
    sched_run *r = xcalloc(1, sizeof *r);
    r->s = s;
    r->wake_min = wake_min;
    r->off_cmd = off_cmd && *off_cmd ? xstrdup(off_cmd) : NULL;
    r->on_cmd = on_cmd && *on_cmd ? xstrdup(on_cmd) : NULL;
    return r;
}

static void reap(sched_run *r)
{
    int status;
    if (r->child > 0 && waitpid(r->child, &status, WNOHANG) == r->child) {
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            log_warn("schedule: display command (pid %d) failed with status %d", (int)r->child,
                     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        r->child = 0;
    }
}

/* Start cmd through /bin/sh, not waited for: a hung command never stops the show. */
static void run_cmd(sched_run *r, const char *cmd, const char *what)
{
    if (!cmd)
        return;
    reap(r);
    char *argv[] = { "sh", "-c", (char *)cmd, NULL };
    pid_t pid;
    int rc = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
    if (rc != 0) {
        log_warn("schedule: cannot run %s '%s': %s", what, cmd, strerror(rc));
        return;
    }
    r->ncommands++;
    if (r->child > 0)                           /* an older one still runs: let init reap it */
        log_warn("schedule: previous display command (pid %d) still running", (int)r->child);
    r->child = pid;
}

void sched_run_destroy(sched_run *r)
{
    if (!r)
        return;
    for (int i = 0; i < 100 && r->child > 0; i++) {    /* <= 1 s: let the last command finish */
        reap(r);
        if (r->child > 0)
            usleep(10000);
    }
    free(r->off_cmd);
    free(r->on_cmd);
    free(r);
}

static void set_dark(sched_run *r, int dark, const char *why)
{
    if (r->checked && dark == r->dark)
        return;
    if (!r->checked && !dark) {                 /* starting lit: nothing to switch on */
        r->checked = 1;
        r->dark = 0;
        return;
    }
    r->checked = 1;
    r->dark = dark;
    log_info("schedule: %s; screen %s", why, dark ? "dark" : "on");
    run_cmd(r, dark ? r->off_cmd : r->on_cmd, dark ? "display_off_command" : "display_on_command");
}

int sched_run_check(sched_run *r, time_t wall, uint32_t now)
{
    reap(r);
    int open = sched_open_at(&r->s, wall);
    if (r->woken && (open || (int32_t)(now - r->wake_until) >= 0))
        r->woken = 0;                           /* the wake ends (or opening hours took over) */
    if (open)
        set_dark(r, 0, "opening hours");
    else if (!r->woken)
        set_dark(r, 1, r->checked && !r->dark ? "closing time" : "outside opening hours");
    return r->dark;
}

int sched_run_touch(sched_run *r, time_t wall, uint32_t now)
{
    if (!r->dark || r->wake_min <= 0)
        return 0;
    r->woken = 1;
    r->wake_until = now + (uint32_t)r->wake_min * 60000u;
    set_dark(r, 0, "woken by a touch");
    (void)wall;
    return 1;
}

uint32_t sched_run_next_check(const sched_run *r, int64_t wall_ms, uint32_t now)
{
    int64_t into = wall_ms % (int64_t)SCHED_CHECK_MS;
    if (into < 0)
        into += SCHED_CHECK_MS;
    uint32_t due = now + (uint32_t)(SCHED_CHECK_MS - into);
    if (r->woken && (int32_t)(r->wake_until - due) < 0)
        due = (int32_t)(r->wake_until - now) > 0 ? r->wake_until : now;
    return due;
}

int sched_run_dark(const sched_run *r) { return r && r->dark; }
unsigned sched_run_commands(const sched_run *r) { return r ? r->ncommands : 0; }
