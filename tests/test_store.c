/*
** tests/test_store.c: read-only store (src/app/store.c). Each test writes a
** small database with the sqlite3 API, then opens it through the store.
*/
#include "app/store.h"
#include "common/util.h"
#include "t.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char schema[] =
    "CREATE TABLE articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, title TEXT NOT NULL,"
    " source TEXT, author TEXT, published TEXT, url TEXT, body TEXT NOT NULL, words INTEGER NOT NULL,"
    " file TEXT);"
    "CREATE TABLE summaries(article_id, position, text);"
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY, article_id, position, text, speaker);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, article_id, date TEXT, precision TEXT, text, position);";

static char path[64];

static void make_db(const char *sql)
{
    snprintf(path, sizeof path, "/tmp/vitrine-store-%d.db", (int)getpid());
    unlink(path);
    sqlite3 *db;
    sqlite3_open(path, &db);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fprintf(stderr, "make_db: %s\n", err);
    sqlite3_free(err);
    sqlite3_close(db);
}

static void make_good(void)
{
    sbuf b = {0};
    sbuf_adds(&b, "PRAGMA user_version=1;");
    sbuf_adds(&b, schema);
    sbuf_adds(&b,
        "INSERT INTO articles VALUES(1,'a','Old news','Src A','Ann','2020-01-02',NULL,'Body A',2,'a.txt');"
        "INSERT INTO articles VALUES(2,'b','New news',NULL,NULL,'2024-05',NULL,'Body B',2,'b.txt');"
        "INSERT INTO articles VALUES(3,'c','Undated','Src C',NULL,NULL,NULL,'Body C',2,'c.txt');"
        "INSERT INTO summaries VALUES(1,2,'Second.'),(1,1,'First.');"
        "INSERT INTO quotes VALUES(1,1,2,'Quote two',NULL),(2,1,1,'Quote one','Ann'),(3,2,1,'Q B','Bo');"
        "INSERT INTO events VALUES(1,1,'2020-01-02','day','E late',1),(2,1,'2019','year','E early',2),"
        "(3,2,'2019-06','month','E mid',1);");
    make_db(b.s);
    sbuf_free(&b);
}

static void test_good(void)
{
    make_good();
    store_err e = -1;
    char msg[256] = "";
    store *s = store_open(path, &e, msg, sizeof msg);
    T_OK(s != NULL);
    T_INT(e, STORE_OK);
    if (!s) return;

    store_list rows;
    T_INT(store_articles(s, &rows), STORE_OK);
    T_INT(rows.n, 3);
    store_article_row *r = rows.v;
    T_STR(r[0].title, "New news");              /* newest first, undated last */
    T_STR(r[1].title, "Old news");
    T_STR(r[2].title, "Undated");
    T_OK(r[0].source == NULL);                  /* NULL stays NULL */
    T_STR(r[1].source, "Src A");
    T_STR(r[1].author, "Ann");
    T_STR(r[1].published, "2020-01-02");
    long long id = r[1].id;
    store_articles_free(&rows);

    store_article a;
    T_INT(store_article_get(s, id, &a), STORE_OK);
    T_STR(a.head.title, "Old news");
    T_STR(a.body, "Body A");
    T_INT(a.nsummary, 2);
    if (a.nsummary == 2) {
        T_STR(a.summary[0], "First.");          /* by position */
        T_STR(a.summary[1], "Second.");
    }
    T_INT(a.nquotes, 2);
    if (a.nquotes == 2) {
        T_STR(a.quotes[0].text, "Quote one");
        T_STR(a.quotes[0].speaker, "Ann");
        T_OK(a.quotes[1].speaker == NULL);
    }
    T_INT(a.nevents, 2);
    if (a.nevents == 2)
        T_STR(a.events[0].text, "E late");      /* by position within an article */
    store_article_free(&a);
    T_INT(store_article_get(s, 999, &a), STORE_EQUERY);

    T_INT(store_quotes(s, &rows), STORE_OK);
    T_INT(rows.n, 3);
    store_quotes_free(&rows);
    T_INT(store_events(s, &rows), STORE_OK);
    T_INT(rows.n, 3);
    if (rows.n == 3) {
        store_event *ev = rows.v;
        T_STR(ev[0].date, "2019");              /* all events ordered by date */
        T_STR(ev[1].date, "2019-06");
        T_STR(ev[2].date, "2020-01-02");
        T_STR(ev[1].precision, "month");
    }
    store_events_free(&rows);

    store_close(s);
    store_close(NULL);
    unlink(path);
}

/* Each broken database gives its error code and a message naming the file. */
static const struct {
    const char *sql;            /* NULL: write garbage bytes instead */
    store_err err;
    const char *msg;
} bad[] = {
    {"PRAGMA user_version=2;", STORE_EVERSION, "user_version 2, expected 1"},
    {"CREATE TABLE articles(id);", STORE_EVERSION, "user_version 0, expected 1"},
    {"PRAGMA user_version=1; CREATE TABLE articles(id INTEGER PRIMARY KEY, title, source,"
     " author, published, body); CREATE TABLE summaries(article_id, position, text);",
     STORE_ESCHEMA, "no table 'quotes'"},
    {NULL, STORE_ENOTDB, "not a readable SQLite database"},
};

static void test_bad(void)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (bad[i].sql) {
            make_db(bad[i].sql);
        } else {
            FILE *fp = fopen(path, "w");
            fputs("this is a text file, certainly not an SQLite database, but long enough to "
                  "look like a header page to anyone who only checks the size of it", fp);
            fclose(fp);
        }
        store_err e = STORE_OK;
        char msg[256] = "";
        store *s = store_open(path, &e, msg, sizeof msg);
        T_OK(s == NULL);
        T_INT(e, bad[i].err);
        T_HAS(msg, bad[i].msg);
        T_HAS(msg, path);
        store_close(s);
        unlink(path);
    }
}

static void test_missing(void)
{
    store_err e = STORE_OK;
    char msg[256] = "";
    T_OK(store_open("/nonexistent/corpus.db", &e, msg, sizeof msg) == NULL);
    T_INT(e, STORE_EMISSING);
    T_HAS(msg, "/nonexistent/corpus.db: database file not found");
    T_STR(store_err_str(STORE_EVERSION), "unsupported database version");
}

/* store_check on a good file; the file damaged IN PLACE under an open store
** (live updates): queries fail cleanly, nothing crashes; a fresh open refuses. */
static void test_check_and_damage(void)
{
    make_good();
    store_err e = -1;
    char msg[256] = "";
    store *s = store_open(path, &e, msg, sizeof msg);
    T_OK(s != NULL);
    if (!s)
        return;
    T_INT(store_check(s, msg, sizeof msg), STORE_OK);
    T_STR(msg, "ok");
    /* garbage over the whole file, same inode */
    FILE *fp = fopen(path, "r+b");
    T_OK(fp != NULL);
    if (fp) {
        fseek(fp, 0, SEEK_END);
        long n = ftell(fp);
        rewind(fp);
        for (long i = 0; i < n; i++)
            fputc("garbage!"[i % 8], fp);
        fclose(fp);
    }
    store_list rows = {0};
    T_INT(store_articles(s, &rows), STORE_EQUERY);
    T_INT((long long)rows.n, 0);
    store_articles_free(&rows);
    store_article a;
    T_INT(store_article_get(s, 1, &a), STORE_EQUERY);
    T_INT(store_check(s, msg, sizeof msg), STORE_ENOTDB);
    T_OK(strcmp(msg, "ok") != 0);
    store_close(s);
    T_OK(store_open(path, &e, msg, sizeof msg) == NULL);
    T_INT(e, STORE_ENOTDB);

    /* truncated in place to its first page: the header (version) reads, the
    ** tables do not; a query gives an error, never a crash (mmap is off) */
    make_good();
    s = store_open(path, &e, msg, sizeof msg);
    T_OK(s != NULL);
    T_OK(truncate(path, 512) == 0);
    T_INT(store_articles(s, &rows), STORE_EQUERY);
    store_articles_free(&rows);
    store_close(s);
    T_OK(store_open(path, &e, msg, sizeof msg) == NULL);
    unlink(path);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_good);
    T_RUN(test_bad);
    T_RUN(test_missing);
    T_RUN(test_check_and_damage);
    return T_DONE();
}
