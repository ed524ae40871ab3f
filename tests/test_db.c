/*
** tests/test_db.c: corpus_db_write (schema, atomic replace) and
** corpus_db_check (validation and printout).
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"
#include "io_capture.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/vitrine-test-db-XXXXXX";
static char dbpath[256];

/* A small article built by hand: every field the database stores. */
static void make_article(corpus_article *a, const char *slug, const char *title, int full) {
    memset(a, 0, sizeof *a);
    a->path = xstrdup("some/dir/story.txt");
    a->slug = xstrdup(slug);
    a->doc.meta.title = xstrdup(title);
    corpus_doc_add_para(&a->doc, xstrdup("First paragraph has five words."), 3);
    corpus_doc_add_para(&a->doc, xstrdup("Second  one\thas four."), 5);
    if (!full) return;
    a->doc.meta.source = xstrdup("Outlet");
    a->doc.meta.published = xstrdup("2015-12");
    a->doc.meta.url = xstrdup("https://x.org/a");
    corpus_strv_push(&a->summary, xstrdup("Sum one."));
    corpus_strv_push(&a->summary, xstrdup("Sum two."));
    a->nquotes = 2;
    a->quotes = xcalloc(2, sizeof *a->quotes);
    a->quotes[0].text = xstrdup("We will go");
    a->quotes[0].speaker = xstrdup("Ann Lee");
    a->quotes[0].role = xstrdup("Harbour master");
    a->quotes[1].text = xstrdup("nobody said this");
    a->quotes[1].kind = CQUOTE_PARTIAL;
    a->quotes[1].context = xstrdup("They claimed \xE2\x80\x9Cnobody said this\xE2\x80\x9D at all.");
    a->nevents = 2;
    a->events = xcalloc(2, sizeof *a->events);
    a->events[0].date = (cdate){ 2015, 12, 16, CDATE_DAY };
    a->events[0].text = xstrdup("It opened on Dec. 16.");
    a->events[1].date = (cdate){ 2014, 0, 0, CDATE_YEAR };
    a->events[1].end = (cdate){ 2015, 3, 0, CDATE_MONTH };     /* a range */
    a->events[1].text = xstrdup("From 2014 to March 2015 it grew.");
}

static long long q_int(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    long long v = -999;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static char *q_text(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW
        && sqlite3_column_text(st, 0))
        v = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

static const struct { const char *sql; const char *want; } text_rows[] = {
    { "SELECT body FROM articles WHERE id = 1",
      "First paragraph has five words.\n\nSecond  one\thas four." },
    { "SELECT file FROM articles WHERE id = 1", "story.txt" },
    { "SELECT published FROM articles WHERE id = 1", "2015-12" },
    { "SELECT slug FROM articles WHERE id = 2", "second" },
    { "SELECT coalesce(source, 'NULL') FROM articles WHERE id = 2", "NULL" },
    { "SELECT group_concat(text, '|') FROM summaries WHERE article_id = 1", "Sum one.|Sum two." },
    { "SELECT speaker FROM quotes WHERE position = 0", "Ann Lee" },
    { "SELECT coalesce(speaker, 'NULL') FROM quotes WHERE position = 1", "NULL" },
    { "SELECT role || ' ' || kind || ' ' || coalesce(context, 'NULL') FROM quotes"
      " WHERE position = 0", "Harbour master whole NULL" },
    { "SELECT coalesce(role, 'NULL') || ' ' || kind || ' ' || context FROM quotes"
      " WHERE position = 1", "NULL partial They claimed \xE2\x80\x9Cnobody said this\xE2\x80\x9D at all." },
    { "SELECT date || ' ' || precision FROM events WHERE position = 0", "2015-12-16 day" },
    { "SELECT date || ' ' || precision FROM events WHERE position = 1", "2014 year" },
    { "SELECT end_date || ' ' || end_precision FROM events WHERE position = 1", "2015-03 month" },
    { "SELECT coalesce(end_date, 'NULL') || coalesce(end_precision, 'NULL') FROM events"
      " WHERE position = 0", "NULLNULL" },
    { "SELECT value FROM meta WHERE key = 'version'", VITRINE_VERSION },
    { "SELECT value FROM meta WHERE key = 'built'", "2001-09-09T01:46:40Z" },
};
static const struct { const char *sql; long long want; } int_rows[] = {
    { "PRAGMA user_version", 3 },
    { "SELECT count(*) FROM articles", 2 },
    { "SELECT words FROM articles WHERE id = 1", 9 },
    { "SELECT count(*) FROM summaries", 2 },
    { "SELECT count(*) FROM quotes", 2 },
    { "SELECT count(*) FROM events", 2 },
    { "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'", 6 },
    { "SELECT count(*) FROM images", 0 },
};

static void test_write(void) {
    corpus_article a[2];
    make_article(&a[0], "first", "First", 1);
    make_article(&a[1], "second", "Second", 0);
    setenv("SOURCE_DATE_EPOCH", "1000000000", 1);
    T_INT(corpus_db_write(dbpath, a, 2), 0);
    unsetenv("SOURCE_DATE_EPOCH");
    sqlite3 *db;
    T_INT(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof text_rows / sizeof *text_rows; i++) {
        char *v = q_text(db, text_rows[i].sql);
        T_STR(v, text_rows[i].want);
        free(v);
    }
    for (size_t i = 0; i < sizeof int_rows / sizeof *int_rows; i++)
        T_INT(q_int(db, int_rows[i].sql), int_rows[i].want);
    sqlite3_close(db);
    struct stat st;
    T_OK(stat(dbpath, &st) == 0 && (st.st_mode & 0044) != 0);   /* not mkstemp's 0600 */

    /* Duplicate slugs violate UNIQUE: the write fails, the old file stays. */
    FILE *f = fopen(dbpath, "rb");
    fseek(f, 0, SEEK_END);
    long before = ftell(f);
    fclose(f);
    free(a[1].slug);
    a[1].slug = xstrdup("first");
    io_capture_begin();
    T_INT(corpus_db_write(dbpath, a, 2), -1);
    char *err = io_capture_end();
    T_HAS(err, "UNIQUE");
    free(err);
    T_OK(stat(dbpath, &st) == 0 && st.st_size == before);
    T_INT(corpus_db_check(dbpath, NULL), 0);
    /* No temporary file is left beside it. */
    DIR *dp = opendir(dir);
    struct dirent *e;
    int others = 0;
    while ((e = readdir(dp))) if (strstr(e->d_name, ".tmp-")) others++;
    closedir(dp);
    T_INT(others, 0);
    /* A folder that does not exist. */
    io_capture_begin();
    T_INT(corpus_db_write("/nonexistent-dir/x.db", a, 2), -1);
    err = io_capture_end();
    T_HAS(err, "/nonexistent-dir/x.db");
    free(err);
    corpus_article_free(&a[0]);
    corpus_article_free(&a[1]);
}

static void test_check_prints(void) {
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    T_INT(corpus_db_check(dbpath, out), 0);
    fclose(out);
    static const char *const want[] = {
        "2 articles, 2 summary sentences, 2 quotes, 2 events", "[1] first", "title:     First",
        "source:    Outlet", "published: 2015-12", "1. Sum one.",
        "\"We will go\" (Ann Lee; Harbour master) [whole]",
        "\"nobody said this\" (speaker unknown) [partial]",
        "in: They claimed \xE2\x80\x9Cnobody said this\xE2\x80\x9D at all.", "2015-12-16 day   It opened on Dec. 16.",
        "[2] second", "summary: none",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) T_HAS(buf, want[i]);
    free(buf);
}

/* Each broken database is refused with a message that says why. */
static void test_check_refuses(void) {
    static const struct { const char *name; const char *sql; const char *want; } rows[] = {
        { "not a db", NULL, "not a database" },
        { "empty file", "", "schema version 0" },
        { "wrong version", "PRAGMA user_version = 7;", "schema version 7" },
        { "missing table", "PRAGMA user_version = 3; CREATE TABLE meta(key, value);",
          "lacks column" },
        { "no title", "UPDATE articles SET title = '' WHERE id = 2;", "without a title" },
        { "range ends before it starts", "UPDATE events SET end_date = '2013', end_precision ="
          " 'year' WHERE position = 1;", "not after the start" },
        { "range end without precision", "UPDATE events SET end_precision = NULL"
          " WHERE position = 1;", "not after the start" },
        { "range end with an unknown precision", "UPDATE events SET end_precision = 'week'"
          " WHERE position = 1;", "not after the start" },
        { "orphan rows", "DELETE FROM articles WHERE id = 1;", "pointing to no article" },
        { "no articles", "DELETE FROM summaries; DELETE FROM quotes; DELETE FROM events;"
          " DELETE FROM articles;", "holds no articles" },
        { "missing file", NULL, "No such file" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].name;
        char p[300];
        snprintf(p, sizeof p, "%s/bad%zu.db", dir, i);
        if (i == 0) {
            FILE *f = fopen(p, "w");
            fputs("this is plain text, long enough to look like a header of a file....\n", f);
            fclose(f);
        } else if (rows[i].sql && !*rows[i].sql) {
            fclose(fopen(p, "w"));
        } else if (rows[i].sql && i <= 3) {
            sqlite3 *db;
            sqlite3_open(p, &db);
            sqlite3_exec(db, rows[i].sql, NULL, NULL, NULL);
            sqlite3_close(db);
        } else if (rows[i].sql) {
            char cmd[700];
            snprintf(cmd, sizeof cmd, "cp '%s' '%s'", dbpath, p);
            T_INT(system(cmd), 0);
            sqlite3 *db;
            sqlite3_open(p, &db);
            sqlite3_exec(db, rows[i].sql, NULL, NULL, NULL);
            sqlite3_close(db);
        }
        io_capture_begin();
        int rc = corpus_db_check(p, stdout);
        char *err = io_capture_end();
        T_INT(rc, -1);
        T_HAS(err, p);
        T_HAS(err, rows[i].want);
        free(err);
        unlink(p);
    }
}

int main(void) {
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    snprintf(dbpath, sizeof dbpath, "%s/corpus.db", dir);
    log_set_program("test_db");
    T_RUN(test_write);
    T_RUN(test_check_prints);
    T_RUN(test_check_refuses);
    unlink(dbpath);
    rmdir(dir);
    return T_DONE();
}
