/*
** src/app/stats.c: visitor statistics (see stats.h for the contract and the
** file's schema).
**
** Threads: the app's thread is the ring's only producer (stats_track), the
** writer thread its only consumer (flush); head and tail are C11 atomics, so
** neither waits for the other. The tracker state (session, view, slide) and
** the SQLite connection each belong to one thread.
*/
#include "app/stats.h"

#include "common/util.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum sev_kind { SEV_BEGIN, SEV_END, SEV_VIEW, SEV_TOUCH } sev_kind;

typedef struct sev {
    uint8_t kind;               /* sev_kind */
    int8_t screen;              /* VIEW: ui_screen; TOUCH: ui_slide_kind */
    int32_t item;               /* VIEW, TOUCH: index, -1 none */
    int64_t t_ms;               /* BEGIN start, END slideshow return, VIEW start, TOUCH time */
    int64_t a;                  /* BEGIN, TOUCH: content; END: last input ms; VIEW: dwell ms */
} sev;

#define PRUNE_EVERY 60          /* flushes between size checks */

struct stats {
    /* ring: producer = app thread, consumer = writer */
    sev ring[STATS_RING];
    atomic_size_t head, tail;
    atomic_ulong queued, dropped;

    /* tracker: app thread only */
    int in_session;
    int64_t start_ms, last_input_ms;
    int have_view;
    ui_place view;
    int64_t view_ms;
    int was_attract;
    ui_slide slide;

    /* writer: its thread only (or the caller of stats_flush_now) */
    sqlite3 *db;
    char *path;
    int max_kb;
    int64_t session_id, session_start_ms;
    int err_logged;
    unsigned flushes;
    unsigned pruned;            /* prune rounds so far */

    pthread_t thread;
    int threaded;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;                   /* under mu */
};

/* ---- ring (never blocks, never allocates) ---------------------------------- */

static void push(stats *s, sev_kind k, int screen, int item, int64_t t, int64_t a)
{
    size_t h = atomic_load_explicit(&s->head, memory_order_relaxed);
    size_t t0 = atomic_load_explicit(&s->tail, memory_order_acquire);
    if (h - t0 >= STATS_RING) {
        atomic_fetch_add_explicit(&s->dropped, 1, memory_order_relaxed);
        return;
    }
    s->ring[h & (STATS_RING - 1)] = (sev){ (uint8_t)k, (int8_t)screen, item, t, a };
    atomic_store_explicit(&s->head, h + 1, memory_order_release);
    atomic_fetch_add_explicit(&s->queued, 1, memory_order_relaxed);
}

/* ---- tracker (frame path) ------------------------------------------------- */

static int same_place(ui_place a, ui_place b) { return a.screen == b.screen && a.index == b.index; }

void stats_track(stats *s, const ui_state *st, int64_t wall_ms, int input, int64_t content)
{
    if (!s)
        return;
    int attract = st->cur.screen == UI_ATTRACT, notice = st->cur.screen == UI_NOTICE;
    if (input && !attract && !notice) {
        if (!s->in_session) {
            s->in_session = 1;
            s->start_ms = wall_ms;
            push(s, SEV_BEGIN, 0, -1, wall_ms, content);
        }
        s->last_input_ms = wall_ms;
    }
    if (s->was_attract && !attract && !notice)     /* a visitor woke this slide */
        push(s, SEV_TOUCH, s->slide.kind, s->slide.index, wall_ms, content);
    if (s->in_session && (!s->have_view || !same_place(s->view, st->cur))) {
        if (s->have_view)
            push(s, SEV_VIEW, s->view.screen, s->view.index, s->view_ms, wall_ms - s->view_ms);
        s->have_view = !attract && !notice;
        s->view = st->cur;
        s->view_ms = wall_ms;
    }
    if (s->in_session && (attract || notice)) {     /* the slideshow is back: session over */
        push(s, SEV_END, 0, -1, wall_ms, s->last_input_ms);
        s->in_session = s->have_view = 0;
    }
    s->was_attract = attract;
    if (attract)
        s->slide = st->slide;
}

void stats_push_session(stats *s, int64_t start_ms, int nviews, int64_t content)
{
    static const int screens[] = { UI_ARTICLE, UI_QUOTE, UI_TIMELINE, UI_FULLTEXT, UI_HOME };
    push(s, SEV_BEGIN, 0, -1, start_ms, content);
    int64_t t = start_ms;
    for (int i = 0; i < nviews; i++) {
        int64_t dwell = 5000 + (int64_t)(i * 7919 % 40000);
        push(s, SEV_VIEW, screens[i % 5], (i * 37 + (int)(start_ms / 1000)) % 200, t, dwell);
        t += dwell;
    }
    push(s, SEV_END, 0, -1, t + 60000, t);
}

unsigned long stats_events(const stats *s) { return s ? atomic_load(&s->queued) : 0; }
unsigned long stats_dropped(const stats *s) { return s ? atomic_load(&s->dropped) : 0; }

/* ---- writer ---------------------------------------------------------------- */

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS sessions(id INTEGER PRIMARY KEY, start INTEGER NOT NULL,"
    " active INTEGER, length INTEGER, content INTEGER);"
    "CREATE TABLE IF NOT EXISTS views(session INTEGER NOT NULL, at INTEGER NOT NULL,"
    " screen INTEGER NOT NULL, item INTEGER NOT NULL, dwell INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS touches(at INTEGER NOT NULL, kind INTEGER NOT NULL,"
    " item INTEGER NOT NULL, content INTEGER);";

/* Log the first failure of a run (why: sqlite3_errmsg taken BEFORE a rollback). */
static void fail_once(stats *s, const char *what, const char *why)
{
    if (!s->err_logged)
        log_warn("statistics: %s %s: %s; statistics are lost until it works, the show goes on",
                 what, s->path, why);
    s->err_logged = 1;
}

static int exec1(sqlite3 *db, const char *sql, int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int n)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int64_t v[5] = { a, b, c, d, e };
    for (int i = 0; i < n; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int write_ev(stats *s, const sev *e)
{
    switch (e->kind) {
    case SEV_BEGIN:
        if (exec1(s->db, "INSERT INTO sessions(start, content) VALUES(?, ?)", e->t_ms / 1000, e->a, 0, 0, 0, 2))
            return -1;
        s->session_id = sqlite3_last_insert_rowid(s->db);
        s->session_start_ms = e->t_ms;
        return 0;
    case SEV_VIEW:
        if (!s->session_id)
            return 0;                           /* its session was lost */
        return exec1(s->db, "INSERT INTO views VALUES(?, ?, ?, ?, ?)", s->session_id,
                     (e->t_ms - s->session_start_ms) / 1000, e->screen, e->item, (e->a + 50) / 100, 5);
    case SEV_END: {
        if (!s->session_id)
            return 0;
        int rc = exec1(s->db, "UPDATE sessions SET active = ?, length = ? WHERE id = ?",
                       (e->a - s->session_start_ms + 500) / 1000,
                       (e->t_ms - s->session_start_ms + 500) / 1000, s->session_id, 0, 0, 3);
        s->session_id = 0;
        return rc;
    }
    case SEV_TOUCH:
        return exec1(s->db, "INSERT INTO touches VALUES(?, ?, ?, ?)", e->t_ms / 1000, e->screen,
                     e->item, e->a, 0, 4);
    }
    return 0;
}

static int64_t used_bytes(sqlite3 *db)
{
    sqlite3_stmt *st;
    int64_t used = 0;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT page_count FROM pragma_page_count) -"
                           " (SELECT freelist_count FROM pragma_freelist_count),"
                           " (SELECT page_size FROM pragma_page_size)", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        used = sqlite3_column_int64(st, 0) * sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return used;
}

/* The file past its bound: delete the oldest tenth until it fits (its pages
** are reused, so the file stops growing). */
static void prune(stats *s)
{
    static const char sql[] =
        "BEGIN;"
        "DELETE FROM views WHERE session <= (SELECT id FROM sessions ORDER BY id"
        "  LIMIT 1 OFFSET (SELECT count(*) / 10 FROM sessions));"
        "DELETE FROM sessions WHERE id <= (SELECT id FROM sessions ORDER BY id"
        "  LIMIT 1 OFFSET (SELECT count(*) / 10 FROM sessions));"
        "DELETE FROM touches WHERE rowid <= (SELECT rowid FROM touches ORDER BY rowid"
        "  LIMIT 1 OFFSET (SELECT count(*) / 10 FROM touches));"
        "COMMIT;";
    for (int i = 0; i < 10 && used_bytes(s->db) > (int64_t)s->max_kb * 1024; i++) {
        if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            fail_once(s, "cannot prune", sqlite3_errmsg(s->db));
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return;
        }
        s->pruned++;
    }
}

/* Drain the ring in one transaction. */
void stats_flush_now(stats *s)
{
    size_t t = atomic_load_explicit(&s->tail, memory_order_relaxed);
    size_t h = atomic_load_explicit(&s->head, memory_order_acquire);
    if (t == h)
        return;
    int ok = s->db && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    int64_t keep_id = s->session_id, keep_start = s->session_start_ms;
    for (size_t i = t; ok && i != h; i++)
        ok = write_ev(s, &s->ring[i & (STATS_RING - 1)]) == 0;
    if (ok && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
        if (s->err_logged)
            log_info("statistics: writing %s again", s->path);
        s->err_logged = 0;
    } else {
        fail_once(s, "cannot write", s->db ? sqlite3_errmsg(s->db) : "not open");
        if (s->db)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        atomic_fetch_add_explicit(&s->dropped, (unsigned long)(h - t), memory_order_relaxed);
        s->session_id = keep_id == s->session_id ? keep_id : 0;     /* a lost BEGIN: drop its rows */
        s->session_start_ms = keep_start;
    }
    atomic_store_explicit(&s->tail, h, memory_order_release);
    if (s->db && ++s->flushes % PRUNE_EVERY == 0)
        prune(s);
}

static void *writer(void *arg)
{
    stats *s = arg;
    pthread_mutex_lock(&s->mu);
    while (!s->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += STATS_FLUSH_MS / 1000;
        pthread_cond_timedwait(&s->cv, &s->mu, &ts);
        pthread_mutex_unlock(&s->mu);
        stats_flush_now(s);                     /* at most one transaction a second */
        pthread_mutex_lock(&s->mu);
    }
    pthread_mutex_unlock(&s->mu);
    stats_flush_now(s);
    return NULL;
}

static int open_db(stats *s)
{
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *st;
    int wal = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        wal = sqlite3_column_text(st, 0) && strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
    sqlite3_finalize(st);
    if (!wal)
        return -1;
    return sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=1048576;",
                        NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_exec(s->db, schema, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

stats *stats_open_ex(const char *path, int max_kb, int threaded)
{
    if (!path || !*path)
        return NULL;
    stats *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->max_kb = max_kb > 64 ? max_kb : 64;
    if (open_db(s) != 0) {
        log_warn("statistics: cannot use %s: %s; statistics off, the show goes on", path,
                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
        sqlite3_close(s->db);
        free(s->path);
        free(s);
        return NULL;
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (threaded && pthread_create(&s->thread, NULL, writer, s) == 0)
        s->threaded = 1;
    log_info("statistics: recording to %s", path);
    return s;
}

stats *stats_open(const char *path, int max_kb) { return stats_open_ex(path, max_kb, 1); }

void stats_close(stats *s)
{
    if (!s)
        return;
    if (s->threaded) {
        pthread_mutex_lock(&s->mu);
        s->stop = 1;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->thread, NULL);
    } else {
        stats_flush_now(s);
    }
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}
