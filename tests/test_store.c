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

    /* the first summary sentence by position (Home's cards), none for an
    ** article without one */
    char *lead = NULL;
    T_INT(store_summary_lead(s, 1, &lead), STORE_OK);
    T_STR(lead, "First.");
    free(lead);
    T_INT(store_summary_lead(s, 999, &lead), STORE_OK);
    T_OK(lead == NULL);

    store_list rows;
    T_INT(store_articles_range(s, 0, STORE_ALL, &rows), STORE_OK);
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

    T_INT(store_quotes_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 3);
    store_quotes_free(&rows);
    T_INT(store_events_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 3);
    if (rows.n == 3) {
        store_event *ev = rows.v;
        T_STR(ev[0].date, "2019");              /* all events ordered by date */
        T_STR(ev[1].date, "2019-06");
        T_STR(ev[2].date, "2020-01-02");
        T_STR(ev[1].precision, "month");
        T_INT(ev[0].article, 1);                /* "Old news" is second newest */
        T_INT(ev[1].article, 0);
        T_INT(ev[0].position, 2);
    }
    store_events_free(&rows);

    store_close(s);
    store_close(NULL);
    unlink(path);
}

/* Schema 2: quotes carry role, kind and context; a version-1 file (make_good,
** test_good) reads them as NULL / whole. A partial row without its context
** reads as whole (nothing else to show). */
static void test_quotes_v2(void)
{
    sbuf b = {0};
    sbuf_adds(&b, "PRAGMA user_version=2;");
    sbuf_adds(&b,
        "CREATE TABLE articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, title TEXT NOT NULL,"
        " source TEXT, author TEXT, published TEXT, url TEXT, body TEXT NOT NULL, words INTEGER NOT NULL,"
        " file TEXT);"
        "CREATE TABLE summaries(article_id, position, text);"
        "CREATE TABLE quotes(id INTEGER PRIMARY KEY, article_id, position, text, speaker, role,"
        " kind TEXT NOT NULL DEFAULT 'whole', context);"
        "CREATE TABLE events(id INTEGER PRIMARY KEY, article_id, date TEXT, precision TEXT, text, position);"
        "INSERT INTO articles VALUES(1,'a','News','Src',NULL,'2020-01-02',NULL,'Body',1,'a.txt');"
        "INSERT INTO quotes VALUES(1,1,1,'We stay.','Ann Lee','Harbour master','whole',NULL),"
        "(2,1,2,'the best year','Ann Lee',NULL,'partial','She called it \xE2\x80\x9Cthe best year\xE2\x80\x9D.'),"
        "(3,1,3,'a lost fragment',NULL,NULL,'partial',NULL);");
    make_db(b.s);
    sbuf_free(&b);
    store_err e;
    store *s = store_open(path, &e, NULL, 0);
    T_OK(s != NULL);
    if (!s) return;
    store_list rows;
    T_INT(store_quotes_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 3);
    if (rows.n == 3) {
        store_quote *q = rows.v;
        T_STR(q[0].role, "Harbour master");
        T_INT(q[0].partial, 0);
        T_OK(q[0].context == NULL);
        T_OK(q[1].role == NULL);
        T_INT(q[1].partial, 1);
        T_STR(q[1].context, "She called it \xE2\x80\x9Cthe best year\xE2\x80\x9D.");
        T_INT(q[2].partial, 0);
    }
    store_quotes_free(&rows);
    store_article a;
    T_INT(store_article_get(s, 1, &a), STORE_OK);
    T_INT(a.nquotes, 3);
    if (a.nquotes == 3)
        T_STR(a.quotes[0].role, "Harbour master");
    store_article_free(&a);
    store_close(s);

    make_good();                                /* version 1: no such columns */
    s = store_open(path, &e, NULL, 0);
    T_OK(s != NULL);
    if (!s) return;
    T_INT(store_quotes_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 3);
    for (size_t i = 0; i < rows.n; i++) {
        store_quote *q = rows.v;
        T_OK(q[i].role == NULL && q[i].context == NULL && q[i].partial == 0);
    }
    store_quotes_free(&rows);
    store_close(s);
    unlink(path);
}

/* The lookups the screens use on a large corpus agree with the full lists:
** a generated corpus with equal, missing and out-of-order dates, articles
** without quotes or events, and ids not in publication order. */
static void test_ranges(void)
{
    sbuf b = {0};
    sbuf_adds(&b, "PRAGMA user_version=1;");
    sbuf_adds(&b, schema);
    sbuf_adds(&b, "BEGIN;");
    unsigned seed = 7;
    int nq = 0, ne = 0;
    for (int id = 1; id <= 120; id++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = (seed >> 8) % 1000;
        char sql[400];
        if (r < 100)                                /* undated */
            snprintf(sql, sizeof sql, "INSERT INTO articles VALUES(%d,'s%d','T%d',NULL,NULL,NULL,NULL,'B',1,NULL);",
                     id * 7 % 131, id, id);
        else                                        /* few distinct dates: many ties */
            snprintf(sql, sizeof sql, "INSERT INTO articles VALUES(%d,'s%d','T%d','S',NULL,'20%02u-0%u',NULL,'B',1,NULL);",
                     id * 7 % 131, id, id, r % 12, 1 + r % 9);
        sbuf_adds(&b, sql);
        for (unsigned k = 0; k < r % 4; k++) {      /* 0..3 quotes, positions from 1 */
            snprintf(sql, sizeof sql, "INSERT INTO quotes VALUES(%d,%d,%u,'q',NULL);", ++nq, id * 7 % 131, k + 1);
            sbuf_adds(&b, sql);
        }
        for (unsigned k = 0; k < r % 5; k++) {
            snprintf(sql, sizeof sql, "INSERT INTO events VALUES(%d,%d,'20%02u','year','e',%u);",
                     ++ne, id * 7 % 131, (r + k * 3) % 20, k + 1);
            sbuf_adds(&b, sql);
        }
    }
    sbuf_adds(&b, "INSERT INTO events VALUES(99999,999,'2005','year','orphan',1);COMMIT;");
    make_db(b.s);
    sbuf_free(&b);

    store_err e;
    store *s = store_open(path, &e, NULL, 0);
    T_OK(s != NULL);
    if (!s) return;
    store_counts c;
    T_INT(store_count(s, &c), STORE_OK);
    T_INT((long long)c.articles, 120);
    T_INT((long long)c.quotes, nq);
    T_INT((long long)c.events, ne + 1);

    store_list all = {0}, part = {0};
    T_INT(store_articles_range(s, 0, STORE_ALL, &all), STORE_OK);
    T_INT((long long)all.n, 120);
    const store_article_row *ar = all.v;
    int order_ok = 1, find_ok = 1, range_ok = 1;
    for (size_t i = 0; i < all.n; i++) {
        if (i && ar[i].published && ar[i - 1].published) {
            int cmp = strcmp(ar[i - 1].published, ar[i].published);
            order_ok &= cmp > 0 || (cmp == 0 && ar[i - 1].id < ar[i].id);
        }
        if (i && !ar[i - 1].published)
            order_ok &= !ar[i].published && ar[i - 1].id < ar[i].id;
        size_t idx = 99999;
        store_article_row row = {0};
        find_ok &= store_article_find(s, ar[i].id, &idx, &row) == STORE_OK && idx == i &&
                   !strcmp(row.title, ar[i].title);
        store_article_row_free(&row);
        T_INT(store_articles_range(s, i, 3, &part), STORE_OK);
        range_ok &= part.n == (i + 3 <= all.n ? 3 : all.n - i) &&
                    ((const store_article_row *)part.v)[0].id == ar[i].id;
        store_articles_free(&part);
    }
    T_OK(order_ok);         /* newest first, ties by id, undated last by id */
    T_OK(find_ok);          /* find's index is the position in the list */
    T_OK(range_ok);         /* a range is a window of the list */
    T_INT(store_articles_range(s, 120, 5, &part), STORE_OK);
    T_INT((long long)part.n, 0);
    store_articles_free(&part);
    size_t idx;
    T_INT(store_article_find(s, 424242, &idx, NULL), STORE_EQUERY);

    store_list q = {0};
    T_INT(store_quotes_range(s, 0, STORE_ALL, &q), STORE_OK);
    int qi_ok = 1;
    for (size_t i = 0; i < q.n; i++) {
        const store_quote *x = &((const store_quote *)q.v)[i];
        qi_ok &= store_quote_index(s, x->article_id, x->position, &idx) == STORE_OK && idx == i;
    }
    T_OK(qi_ok);
    store_quotes_free(&q);

    store_list ev = {0};
    T_INT(store_events_range(s, 0, STORE_ALL, &ev), STORE_OK);
    int ei_ok = 1, art_ok = 1, orphan = 0;
    for (size_t i = 0; i < ev.n; i++) {
        const store_event *x = &((const store_event *)ev.v)[i];
        ei_ok &= store_event_index(s, x, &idx) == STORE_OK && idx == i;
        if (x->article < 0) {
            orphan++;
            continue;
        }
        art_ok &= x->article < (int)all.n && ar[x->article].id == x->article_id;
    }
    T_OK(ei_ok);
    T_OK(art_ok);           /* .article indexes the article order */
    T_INT(orphan, 1);       /* an event whose article is gone: -1 */
    store_list one = {0};
    T_INT(store_events_range(s, ev.n - 1, 1, &one), STORE_OK);
    T_INT((long long)one.n, 1);
    if (one.n)
        T_STR(((const store_event *)one.v)->date, ((const store_event *)ev.v)[ev.n - 1].date);
    store_events_free(&one);

    store_span sp;
    T_INT(store_event_span(s, 0, &sp), STORE_OK);
    T_STR(sp.first, ((const store_event *)ev.v)[0].date);
    T_STR(sp.last, ((const store_event *)ev.v)[ev.n - 1].date);
    T_INT((long long)sp.nmonths, 20);       /* years 2000..2019, 'YYYY' dates */
    store_event_span_free(&sp);
    T_INT(store_event_span(s, 5, &sp), STORE_OK);
    T_INT((long long)sp.nmonths, 5);        /* spread: first and last kept */
    if (sp.nmonths == 5) {
        T_STR(sp.months[0], "2000");
        T_STR(sp.months[4], "2019");
    }
    store_event_span_free(&sp);
    store_events_free(&ev);
    store_articles_free(&all);
    store_close(s);
    unlink(path);
}

/* Version 2 adds the end of a range to events; version-1 files (make_good,
** and every fixture of tests/fixtures/) read as points. */
static void test_v2_ranges(void)
{
    sbuf b = {0};
    sbuf_adds(&b, "PRAGMA user_version=2;");
    sbuf_adds(&b, schema);
    sbuf_adds(&b,
        "ALTER TABLE events ADD COLUMN end_date TEXT;"
        "ALTER TABLE events ADD COLUMN end_precision TEXT;"
        "INSERT INTO articles VALUES(1,'a','A','S',NULL,'2020-01-02',NULL,'Body',1,'a.txt');"
        "INSERT INTO events VALUES(1,1,'2015-01','month','From January to October',0,'2015-10','month'),"
        "(2,1,'2016','year','A point',1,NULL,NULL);");
    make_db(b.s);
    sbuf_free(&b);
    store_err e = -1;
    store *s = store_open(path, &e, NULL, 0);
    T_OK(s != NULL);
    if (!s) return;
    store_list rows;
    T_INT(store_events_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 2);
    if (rows.n == 2) {
        store_event *ev = rows.v;
        T_STR(ev[0].end_date, "2015-10");
        T_STR(ev[0].end_precision, "month");
        T_OK(ev[1].end_date == NULL && ev[1].end_precision == NULL);
    }
    store_events_free(&rows);
    store_article a;
    T_INT(store_article_get(s, 1, &a), STORE_OK);
    T_INT(a.nevents, 2);
    if (a.nevents == 2)
        T_STR(a.events[0].end_date, "2015-10");
    store_article_free(&a);
    store_close(s);
    make_good();                /* version 1: every event a point */
    s = store_open(path, &e, NULL, 0);
    T_OK(s != NULL);
    if (!s) return;
    T_INT(store_events_range(s, 0, STORE_ALL, &rows), STORE_OK);
    T_INT(rows.n, 3);
    for (size_t i = 0; i < rows.n; i++)
        T_OK(((store_event *)rows.v)[i].end_date == NULL);
    store_events_free(&rows);
    store_close(s);
}

/* Each broken database gives its error code and a message naming the file. */
static const struct {
    const char *sql;            /* NULL: write garbage bytes instead */
    store_err err;
    const char *msg;
} bad[] = {
    {"PRAGMA user_version=4;", STORE_EVERSION, "user_version 4, expected 1 to 3"},
    {"CREATE TABLE articles(id);", STORE_EVERSION, "user_version 0, expected 1 to 3"},
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
    T_INT(store_articles_range(s, 0, STORE_ALL, &rows), STORE_EQUERY);
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
    T_INT(store_articles_range(s, 0, STORE_ALL, &rows), STORE_EQUERY);
    store_articles_free(&rows);
    store_close(s);
    T_OK(store_open(path, &e, msg, sizeof msg) == NULL);
    unlink(path);
}

/* Hostile content: a database from anyone else is bounded by the store's
** limits. A generated column that would build a 20 MB value (over the 16 MB limit) (cheap in the
** file: only its definition is stored) fails the query with an error instead
** of allocating it, and the rest of the database still reads. */
static void test_hostile(void)
{
    make_db("PRAGMA user_version=1;"
            "CREATE TABLE articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL,"
            " title TEXT NOT NULL, source TEXT, author TEXT, published TEXT, url TEXT,"
            " body TEXT GENERATED ALWAYS AS (hex(zeroblob(10000000))) VIRTUAL,"
            " words INTEGER NOT NULL, file TEXT);"
            "CREATE TABLE summaries(article_id, position, text);"
            "CREATE TABLE quotes(id INTEGER PRIMARY KEY, article_id, position, text, speaker);"
            "CREATE TABLE events(id INTEGER PRIMARY KEY, article_id, date TEXT, precision TEXT,"
            " text, position);"
            "INSERT INTO articles(id, slug, title, words) VALUES(1, 'a', 'Huge', 2);");
    store_err e = STORE_OK;
    char msg[256] = "";
    store *s = store_open(path, &e, msg, sizeof msg);
    T_OK(s != NULL);
    if (!s) return;
    store_article a;
    T_INT(store_article_get(s, 1, &a), STORE_EQUERY);   /* too big: refused, not built */
    store_list rows;
    T_INT(store_articles_range(s, 0, STORE_ALL, &rows), STORE_OK);   /* heads still read */
    T_INT(rows.n, 1);
    if (rows.n) T_STR(((store_article_row *)rows.v)[0].title, "Huge");
    store_articles_free(&rows);
    store_close(s);
    unlink(path);
}

int main(void)
{
    log_set_quiet(1);
    T_RUN(test_hostile);
    T_RUN(test_good);
    T_RUN(test_v2_ranges);
    T_RUN(test_quotes_v2);
    T_RUN(test_ranges);
    T_RUN(test_bad);
    T_RUN(test_missing);
    T_RUN(test_check_and_damage);
    return T_DONE();
}
