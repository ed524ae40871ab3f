/*
** src/app/health.h: the exhibit's state for monitoring (health_), written
** every minute as a Prometheus node_exporter textfile (issue 15).
**
** node_exporter's textfile collector reads every *.prom file of one folder
** at each scrape (--collector.textfile.directory; Debian's package:
** /var/lib/prometheus/node-exporter). The file is written beside itself as
** PATH.tmp and renamed over PATH, so a scrape sees the old or the new file,
** never half of one; the .tmp name does not end in .prom, so it is never read.
** Metrics (all gauges; a timestamp that never happened is left out):
**
**   vitrine_up                                1
**   vitrine_info{version="..."}               1 (the app's version)
**   vitrine_start_time_seconds                Unix time the app started
**   vitrine_uptime_seconds                    s since then
**   vitrine_frames_total                      frames rendered
**   vitrine_content_articles / _quotes / _events   counts of the content on show
**   vitrine_content_mtime_seconds             the database file's mtime (when it was put there)
**   vitrine_content_swap_timestamp_seconds    last live content swap
**   vitrine_content_refusal_timestamp_seconds last refused database
**   vitrine_content_refusals_total            refused databases since start
**   vitrine_screen_on                         1 lit, 0 dark (opening hours)
**   vitrine_stats_events_total / vitrine_stats_dropped_total  visitor statistics (when on)
**
** A folder that does not exist or cannot be written: one log line (again
** only after a success), the show goes on.
*/
#ifndef VITRINE_HEALTH_H
#define VITRINE_HEALTH_H

#include <stddef.h>
#include <stdint.h>

#define HEALTH_PERIOD_MS 60000u     /* ms between writes */

typedef struct health_state {
    int64_t start_s;                /* Unix s the app started */
    int64_t now_s;                  /* Unix s of this write */
    unsigned long frames;
    long articles, quotes, events;  /* -1: no content */
    int64_t content_mtime_s;        /* 0: unknown */
    int64_t last_swap_s;            /* 0: never */
    int64_t last_refusal_s;         /* 0: never */
    unsigned long refusals;
    int screen_on;
    int stats_on;                   /* the stats lines below are written */
    unsigned long stats_events, stats_dropped;
} health_state;

/* The file's text into buf (NUL-terminated). Returns its length, or -1 when
** buf is too small. Pure: tests pin it. */
int health_format(const health_state *st, char *buf, size_t n);

/* Write atomically to path (PATH.tmp + rename). 0 ok, -1 failed: logged
** once per run of failures (*failing keeps that state; start it at 0). */
int health_write(const char *path, const health_state *st, int *failing);

/* "showing home · 12 articles · content 2026-11-27" style STATUS= text. */
void health_status(const health_state *st, const char *screen, char *buf, size_t n);

#endif
