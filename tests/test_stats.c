/*
** tests/test_stats.c: visitor statistics (stats.h): what a session records,
** the ring that never blocks, the file's growth per 10,000 sessions, its
** bound, and the bad-file paths (folder missing, corrupt, locked).
** VITRINE_STATS_KEEP=FILE keeps a synthetic file (for vitrine-stats' report).
*/
#include "app/stats.h"
#include "common/util.h"

#include "t.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/vitrine_stats_XXXXXX";

static long long q1(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static char *file(const char *name)
{
    static char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

/* A ui_state at screen/index (slide for ATTRACT). */
static ui_state at(ui_screen scr, int index, int slide_kind, int slide_index)
{
    ui_state st;
    memset(&st, 0, sizeof st);
    st.cur = (ui_place){ scr, index, 0 };
    st.slide = (ui_slide){ (ui_slide_kind)slide_kind, slide_index, 0 };
    return st;
}

/* {ms, screen, index, slide kind, slide index, input}: one visitor's session */
static const struct { int64_t ms; ui_screen scr; int index, kind, item, input; } steps[] = {
    {      0, UI_HOME,     0, 0, 0, 0 },
    {  60000, UI_ATTRACT,  1, 1, 1, 0 },     /* idle: slideshow, a quote slide */
    {  70000, UI_ATTRACT,  4, 1, 4, 0 },
    {  75000, UI_QUOTE,    4, 1, 4, 1 },     /* a touch wakes quote 4 */
    {  87000, UI_ARTICLE,  2, 1, 4, 1 },     /* its source: article 2 */
    {  90000, UI_ARTICLE,  2, 1, 4, 1 },     /* scrolling: same screen */
    { 120000, UI_FULLTEXT, 2, 1, 4, 1 },
    { 150000, UI_HOME,     0, 1, 4, 1 },
    { 151000, UI_HOME,     0, 1, 4, 0 },
    { 211000, UI_ATTRACT,  7, 0, 7, 0 },     /* idle again: the session ends */
    { 215000, UI_ATTRACT,  8, 2, 8, 0 },
};

static void test_session(void)
{
    char *path = file("s.db");
    stats *s = stats_open_ex(path, 1024, 0);
    T_OK(s != NULL);
    int64_t t0 = 1795773600000LL;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        ui_state st = at(steps[i].scr, steps[i].index, steps[i].kind, steps[i].item);
        stats_track(s, &st, t0 + steps[i].ms, steps[i].input, 1795000000);
    }
    T_INT(stats_events(s), 1 + 1 + 4 + 1);      /* begin, touch, 4 views, end */
    T_INT(stats_dropped(s), 0);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", path);
    T_INT(access(wal, F_OK), 0);                /* WAL mode */
    stats_close(s);
    T_INT(q1(path, "SELECT count(*) FROM sessions"), 1);
    T_INT(q1(path, "SELECT start FROM sessions"), 1795773675);
    T_INT(q1(path, "SELECT length FROM sessions"), 136);    /* 75 s .. 211 s */
    T_INT(q1(path, "SELECT active FROM sessions"), 75);     /* 75 s .. 150 s */
    T_INT(q1(path, "SELECT content FROM sessions"), 1795000000);
    T_INT(q1(path, "SELECT count(*) FROM views"), 4);
    T_INT(q1(path, "SELECT dwell FROM views WHERE screen = 4 AND item = 4"), 120);  /* 12 s, in ds */
    T_INT(q1(path, "SELECT dwell FROM views WHERE screen = 2 AND item = 2"), 330);
    T_INT(q1(path, "SELECT at FROM views WHERE screen = 3"), 45);
    T_INT(q1(path, "SELECT dwell FROM views WHERE screen = 1"), 610);
    T_INT(q1(path, "SELECT count(*) FROM touches"), 1);
    T_INT(q1(path, "SELECT kind * 100 + item FROM touches"), 104);   /* quote slide 4 */
    /* nothing that tells visitors apart: these are all the columns there are */
    T_INT(q1(path, "SELECT count(*) FROM pragma_table_info('sessions')"), 5);
    T_INT(q1(path, "SELECT count(*) FROM pragma_table_info('views')"), 5);
    T_INT(q1(path, "SELECT count(*) FROM pragma_table_info('touches')"), 4);
}

/* The ring is fixed: past STATS_RING events without a flush, events are
** dropped and counted, never waited for. */
static void test_ring_full(void)
{
    stats *s = stats_open_ex(file("r.db"), 1024, 0);
    for (int i = 0; i < STATS_RING; i++)
        stats_push_session(s, 1795773600000LL + i * 1000, 1, 0);   /* 3 events each */
    T_INT(stats_events(s), STATS_RING);
    T_INT(stats_dropped(s), 2 * STATS_RING);
    stats_flush_now(s);
    stats_push_session(s, 1795773600000LL, 1, 0);
    T_INT(stats_dropped(s), 2 * STATS_RING);    /* room again after a flush */
    stats_close(s);
}

/* 10,000 synthetic sessions of three screens: <= 1 MB. */
static void test_growth(void)
{
    const char *keep = getenv("VITRINE_STATS_KEEP");
    char *path = keep && *keep ? (char *)keep : file("g.db");
    unlink(path);
    stats *s = stats_open_ex(path, 1 << 20, 0);
    int64_t t = 1793000000000LL;                /* a month of sessions, 10:00 to 18:00 */
    for (int i = 0; i < 10000; i++) {
        t += 200000 + (i * 7919) % 400000;
        stats_push_session(s, t, 3, 1795000000);
        if (i % 100 == 99)
            stats_flush_now(s);
    }
    stats_close(s);
    struct stat sb;
    T_INT(stat(path, &sb), 0);
    printf("stats file: %lld bytes for 10000 sessions of 3 screens\n", (long long)sb.st_size);
    T_OK(sb.st_size <= 1024 * 1024);
    T_INT(q1(path, "SELECT count(*) FROM sessions"), 10000);
    T_INT(q1(path, "SELECT count(*) FROM views"), 30000);
}

/* A bound of 64 KB: the oldest go, the file stops growing. */
static void test_bound(void)
{
    char *path = file("b.db");
    stats *s = stats_open_ex(path, 64, 0);
    for (int i = 0; i < 5000; i++) {            /* a flush a second: ~2 sessions each */
        stats_push_session(s, 1795773600000LL + (int64_t)i * 60000, 3, 0);
        if (i % 2 == 1)
            stats_flush_now(s);
    }
    stats_close(s);
    struct stat sb;
    T_INT(stat(path, &sb), 0);
    printf("bounded stats file: %lld bytes (max_kb 64)\n", (long long)sb.st_size);
    T_OK(sb.st_size <= 96 * 1024);              /* 64 KB of rows + at most 60 flushes of growth */
    T_OK(q1(path, "SELECT min(start) FROM sessions") > 1795773600LL + 2500 * 60);   /* oldest gone */
    T_OK(q1(path, "SELECT max(start) FROM sessions") >= 1795773600LL + 4990 * 60);  /* newest kept */
}

/* Missing folder, a corrupt file: statistics off (NULL), logged. A locked
** file: that batch is lost and counted, the next one works. */
static void test_bad_files(void)
{
    T_OK(stats_open("", 1024) == NULL);
    T_OK(stats_open(NULL, 1024) == NULL);
    T_OK(stats_open_ex(file("nope/x.db"), 1024, 0) == NULL);
    FILE *fp = fopen(file("c.db"), "w");
    for (int i = 0; i < 2000; i++)
        fputs("not an sqlite file ", fp);
    fclose(fp);
    T_OK(stats_open_ex(file("c.db"), 1024, 0) == NULL);

    char *path = file("l.db");
    stats *s = stats_open_ex(path, 1024, 0);
    sqlite3 *other;
    T_INT(sqlite3_open(path, &other), SQLITE_OK);
    T_INT(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    stats_push_session(s, 1795773600000LL, 2, 0);
    stats_flush_now(s);                         /* locked: no wait, lost */
    T_INT(stats_dropped(s), 4);
    sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(other);
    stats_push_session(s, 1795773660000LL, 2, 0);
    stats_flush_now(s);
    T_INT(stats_dropped(s), 4);
    stats_close(s);
    T_INT(q1(path, "SELECT count(*) FROM sessions"), 1);
    T_INT(q1(path, "SELECT count(*) FROM views"), 2);
}

/* The writer thread: events tracked on this thread land in the file. */
static void test_thread(void)
{
    char *path = file("t.db");
    stats *s = stats_open(path, 1024);
    T_OK(s != NULL);
    int64_t t0 = 1795773600000LL;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        ui_state st = at(steps[i].scr, steps[i].index, steps[i].kind, steps[i].item);
        stats_track(s, &st, t0 + steps[i].ms, steps[i].input, 0);
    }
    stats_close(s);
    T_INT(q1(path, "SELECT count(*) FROM views"), 4);
    stats_track(NULL, NULL, 0, 0, 0);           /* off: NULL-safe */
    stats_close(NULL);
}

int main(void)
{
    log_set_quiet(1);
    T_OK(mkdtemp(dir) != NULL);
    T_RUN(test_session);
    T_RUN(test_ring_full);
    T_RUN(test_growth);
    T_RUN(test_bound);
    T_RUN(test_bad_files);
    T_RUN(test_thread);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return T_DONE();
}
