/*
** src/app/health.c: the node_exporter textfile (see health.h).
*/
#include "app/health.h"

#include "common/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#ifndef VITRINE_VERSION
#define VITRINE_VERSION "unknown"
#endif

typedef struct out { char *p; size_t n, len; int over; } out;

static void put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(o->p + o->len, o->len < o->n ? o->n - o->len : 0, fmt, ap);
    va_end(ap);
    if (w < 0 || o->len + (size_t)w >= o->n)
        o->over = 1;
    else
        o->len += (size_t)w;
}

static void gauge(out *o, const char *name, const char *help, long long v)
{
    put(o, "# HELP %s %s\n# TYPE %s gauge\n%s %lld\n", name, help, name, name, v);
}

int health_format(const health_state *st, char *buf, size_t n)
{
    out o = { buf, n, 0, 0 };
    if (n)
        buf[0] = 0;
    gauge(&o, "vitrine_up", "1 while the app runs (see node_textfile_mtime_seconds for staleness).", 1);
    put(&o, "# HELP vitrine_info The app's version.\n# TYPE vitrine_info gauge\n"
            "vitrine_info{version=\"%s\"} 1\n", VITRINE_VERSION);
    gauge(&o, "vitrine_start_time_seconds", "Unix time the app started.", st->start_s);
    gauge(&o, "vitrine_uptime_seconds", "Seconds since the app started.", st->now_s - st->start_s);
    gauge(&o, "vitrine_frames_total", "Frames rendered since start.", (long long)st->frames);
    if (st->articles >= 0) {
        gauge(&o, "vitrine_content_articles", "Articles of the content on show.", st->articles);
        gauge(&o, "vitrine_content_quotes", "Quotes of the content on show.", st->quotes);
        gauge(&o, "vitrine_content_events", "Timeline events of the content on show.", st->events);
    }
    if (st->content_mtime_s)
        gauge(&o, "vitrine_content_mtime_seconds", "Modification time of the content database file.",
              st->content_mtime_s);
    if (st->last_swap_s)
        gauge(&o, "vitrine_content_swap_timestamp_seconds", "Unix time of the last live content swap.",
              st->last_swap_s);
    if (st->last_refusal_s)
        gauge(&o, "vitrine_content_refusal_timestamp_seconds", "Unix time of the last refused database.",
              st->last_refusal_s);
    gauge(&o, "vitrine_content_refusals_total", "Databases refused since start.", (long long)st->refusals);
    gauge(&o, "vitrine_screen_on", "1 lit, 0 dark outside opening hours.", st->screen_on ? 1 : 0);
    if (st->stats_on) {
        gauge(&o, "vitrine_stats_events_total", "Visitor statistics events recorded since start.",
              (long long)st->stats_events);
        gauge(&o, "vitrine_stats_dropped_total", "Visitor statistics events lost (full ring, disk errors).",
              (long long)st->stats_dropped);
    }
    return o.over ? -1 : (int)o.len;
}

int health_write(const char *path, const health_state *st, int *failing)
{
    char text[4096], tmp[1024];
    int len = health_format(st, text, sizeof text);
    if (len < 0 || snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return -1;
    FILE *fp = fopen(tmp, "w");
    int ok = fp && fwrite(text, 1, (size_t)len, fp) == (size_t)len;
    int err = errno;
    if (fp && fclose(fp) != 0 && ok) {
        ok = 0;
        err = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        err = errno;
    }
    if (!ok) {
        if (fp)
            remove(tmp);
        if (!*failing)
            log_warn("health: cannot write %s: %s; the show goes on (logged once until it works)",
                     path, strerror(err));
        *failing = 1;
        return -1;
    }
    if (*failing)
        log_info("health: writing %s again", path);
    *failing = 0;
    return 0;
}

void health_status(const health_state *st, const char *screen, char *buf, size_t n)
{
    char when[32] = "";
    if (st->content_mtime_s) {
        time_t t = (time_t)st->content_mtime_s;
        struct tm lt;
        if (localtime_r(&t, &lt))
            strftime(when, sizeof when, " \xc2\xb7 content %Y-%m-%d %H:%M", &lt);
    }
    if (!st->screen_on)
        snprintf(buf, n, "dark (opening hours)%s", when);
    else if (st->articles >= 0)
        snprintf(buf, n, "showing %s \xc2\xb7 %ld articles%s", screen, st->articles, when);
    else
        snprintf(buf, n, "showing %s \xc2\xb7 no content", screen);
}
