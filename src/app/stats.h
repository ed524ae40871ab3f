/*
** src/app/stats.h: visitor statistics, private by design (stats_; issue 15).
**
** What is recorded: a SESSION (a visitor's first input after the slideshow
** or the start, to the slideshow's return), each screen opened in it with its
** item and dwell time, and each slideshow slide that drew a touch. No
** coordinates, no raw input, no identifiers: nothing that tells visitors apart.
** Items are indexes into the content's orders (store.h: articles newest first,
** quotes, events by date) plus the content file's time, so vitrine-stats can
** name them with the same database (--content).
**
** Frame path: stats_track() compares the ui state with the last one it saw
** and copies at most a few small events into a fixed ring (STATS_RING slots,
** a power of two; full = the event is dropped and counted). It never
** allocates, never blocks, never touches SQLite. A writer thread drains the
** ring at most once a second in one transaction, so a slow or full disk delays
** only statistics. Any SQLite error (read-only, full, locked, corrupt) is
** logged once and that batch is lost; the show goes on.
**
** File (a writable SQLite file of its own, WAL, synchronous=NORMAL):
**
**   sessions(id INTEGER PRIMARY KEY,
**            start INTEGER NOT NULL,    -- Unix s of the first input
**            active INTEGER,            -- s from start to the last input
**            length INTEGER,            -- s from start to the slideshow's return
**            content INTEGER)           -- the content database's mtime (Unix s)
**   views(session INTEGER NOT NULL,     -- sessions.id
**         at INTEGER NOT NULL,          -- s after the session's start
**         screen INTEGER NOT NULL,      -- ui_screen (2 article, 3 full text, 4 quote, 5 timeline, 1 home)
**         item INTEGER NOT NULL,        -- index in its order (-1: none)
**         dwell INTEGER NOT NULL)       -- ds (tenths of a second) on the screen
**   touches(at INTEGER NOT NULL,        -- Unix s
**           kind INTEGER NOT NULL,      -- ui_slide_kind: 0 summary, 1 quote, 2 timeline
**           item INTEGER NOT NULL,
**           content INTEGER)
**
** Small integers, seconds and no text keep a session with three screens
** under 100 bytes (target: <= 1 MB per 10,000 sessions, tests/test_stats.c).
** Bounded: when the file passes max_kb, the oldest tenth of the sessions (and
** their views) and of the touches are deleted; SQLite reuses their pages.
*/
#ifndef VITRINE_STATS_H
#define VITRINE_STATS_H

#include "app/ui_state.h"

#include <stdint.h>

#ifndef STATS_RING
#define STATS_RING 1024             /* events held between flushes (power of two) */
#endif
#define STATS_FLUSH_MS 1000         /* ms between writes, at least */

typedef struct stats stats;         /* opaque */

/* Open (create) path and start the writer thread. NULL when path is NULL or
** empty (statistics off), or on failure (logged; the show goes on).
** max_kb: the file's bound. */
stats *stats_open(const char *path, int max_kb);
/* Stop the thread after a last flush and close. NULL-safe. */
void stats_close(stats *s);

/* Frame path, once per step: st is the ui state after the step, wall_ms the
** wall clock, input 1 when visitor input arrived in this step, content the
** content stamp (database mtime). NULL-safe. */
void stats_track(stats *s, const ui_state *st, int64_t wall_ms, int input, int64_t content);

/* Counters (health): events queued since start, and lost (ring full,
** write errors). */
unsigned long stats_events(const stats *s);
unsigned long stats_dropped(const stats *s);

/* Tests: write what the ring holds now, in the calling thread (the writer
** thread is not started when threaded is 0). */
stats *stats_open_ex(const char *path, int max_kb, int threaded);
void stats_flush_now(stats *s);
/* Tests (synthetic load): queue one whole session directly. */
void stats_push_session(stats *s, int64_t start_ms, int nviews, int64_t content);

#endif
