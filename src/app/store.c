/*
** src/app/store.c: read-only SQLite access (see store.h).
*/
#include "app/store.h"

#include "common/util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>         /* access() to tell "missing" from "unreadable" */

struct store {
    sqlite3 *db;
    sqlite3_stmt *list, *one, *summ, *quo, *ev, *all_quo, *all_ev;  /* prepared once */
};

static const char *required_tables[] = { "articles", "summaries", "quotes", "events" };

const char *store_err_str(store_err e)
{
    switch (e) {
    case STORE_OK: return "ok";
    case STORE_EMISSING: return "database file not found";
    case STORE_ENOTDB: return "not a readable SQLite database";
    case STORE_EVERSION: return "unsupported database version";
    case STORE_ESCHEMA: return "database lacks a required table";
    case STORE_EQUERY: return "database query failed";
    }
    return "unknown error";
}

static char *col_dup(sqlite3_stmt *st, int i, int required)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return required ? xstrdup("") : NULL;
    return xstrdup((const char *)t);
}

static int prepare(store *s, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        log_error("store: cannot prepare \"%s\": %s", sql, sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

/* Record an open failure: *err, the message for the notice, one log line. */
static void open_fail(store_err e, store_err *err, char *msg, size_t n, const char *path,
                      const char *detail)
{
    char buf[300];
    snprintf(buf, sizeof buf, "%s: %s (%s)", path, store_err_str(e), detail);
    *err = e;
    if (msg && n)
        snprintf(msg, n, "%s", buf);
    log_error("store: %s", buf);
}

static int check_tables(store *s, const char **missing)
{
    sqlite3_stmt *st;
    if (prepare(s, &st, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?") != 0)
        return -1;
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof required_tables / sizeof required_tables[0]; i++) {
        sqlite3_bind_text(st, 1, required_tables[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW) {
            *missing = required_tables[i];
            ok = 0;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ok ? 0 : -1;
}

static int prepare_all(store *s)
{
    return prepare(s, &s->list,
                   "SELECT id, title, source, published, author FROM articles "
                   "ORDER BY published IS NULL, published DESC, id") |
           prepare(s, &s->one,
                   "SELECT id, title, source, published, author, body FROM articles WHERE id=?") |
           prepare(s, &s->summ,
                   "SELECT text FROM summaries WHERE article_id=? ORDER BY position") |
           prepare(s, &s->quo,
                   "SELECT article_id, text, speaker FROM quotes WHERE article_id=? "
                   "ORDER BY position") |
           prepare(s, &s->ev,
                   "SELECT article_id, date, precision, text FROM events WHERE article_id=? "
                   "ORDER BY position") |
           prepare(s, &s->all_quo,
                   "SELECT article_id, text, speaker FROM quotes ORDER BY article_id, position") |
           prepare(s, &s->all_ev,
                   "SELECT article_id, date, precision, text FROM events "
                   "ORDER BY date, article_id, position");
}

store *store_open(const char *path, store_err *err, char *msg, size_t msglen)
{
    store *s = xcalloc(1, sizeof *s);
    const char *missing = NULL;
    *err = STORE_OK;
    if (access(path, F_OK) != 0) {
        open_fail(STORE_EMISSING, err, msg, msglen, path, "no such file");
        goto err;
    }
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        open_fail(STORE_ENOTDB, err, msg, msglen, path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto err;
    }
    /* No mmap: a file truncated in place must give errors, not SIGBUS. */
    sqlite3_exec(s->db, "PRAGMA mmap_size=0", NULL, NULL, NULL);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        open_fail(STORE_ENOTDB, err, msg, msglen, path, sqlite3_errmsg(s->db));
        sqlite3_finalize(st);
        goto err;
    }
    int version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version != STORE_USER_VERSION) {
        char d[64];
        snprintf(d, sizeof d, "user_version %d, expected %d", version, STORE_USER_VERSION);
        open_fail(STORE_EVERSION, err, msg, msglen, path, d);
        goto err;
    }
    if (check_tables(s, &missing) != 0) {
        char d[64];
        snprintf(d, sizeof d, "no table '%s'", missing ? missing : "?");
        open_fail(missing ? STORE_ESCHEMA : STORE_ENOTDB, err, msg, msglen, path, d);
        goto err;
    }
    if (prepare_all(s) != 0) {
        open_fail(STORE_ESCHEMA, err, msg, msglen, path, sqlite3_errmsg(s->db));
        goto err;
    }
    return s;
err:
    store_close(s);
    return NULL;
}

void store_close(store *s)
{
    if (!s)
        return;
    sqlite3_stmt *all[] = { s->list, s->one, s->summ, s->quo, s->ev, s->all_quo, s->all_ev };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    sqlite3_close(s->db);
    free(s);
}

store_err store_check(store *s, char *msg, size_t msglen)
{
    sqlite3_stmt *st = NULL;
    char buf[200] = "";
    store_err e = STORE_OK;
    if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        snprintf(buf, sizeof buf, "quick_check failed: %s", sqlite3_errmsg(s->db));
        e = STORE_ENOTDB;
    } else {
        const unsigned char *t = sqlite3_column_text(st, 0);
        if (!t || strcmp((const char *)t, "ok") != 0) {
            snprintf(buf, sizeof buf, "integrity: %.150s", t ? (const char *)t : "?");
            e = STORE_ENOTDB;
        }
    }
    sqlite3_finalize(st);
    if (e == STORE_OK) {
        store_list a = {0}, q = {0}, ev = {0};
        if (store_articles(s, &a) != STORE_OK || store_quotes(s, &q) != STORE_OK ||
            store_events(s, &ev) != STORE_OK) {
            snprintf(buf, sizeof buf, "query failed: %s", sqlite3_errmsg(s->db));
            e = STORE_EQUERY;
        }
        store_articles_free(&a);
        store_quotes_free(&q);
        store_events_free(&ev);
    }
    if (msg && msglen)
        snprintf(msg, msglen, "%s", e == STORE_OK ? "ok" : buf);
    return e;
}

/* Growable array of rows of size sz. */
static void *grow(store_list *l, size_t *cap, size_t sz)
{
    if (l->n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        l->v = xrealloc(l->v, *cap * sz);
    }
    return (char *)l->v + l->n++ * sz;
}

static store_err finish(store *s, sqlite3_stmt *st, int rc)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
        log_error("store: query failed: %s", sqlite3_errmsg(s->db));
        return STORE_EQUERY;
    }
    return STORE_OK;
}

static void read_head(sqlite3_stmt *st, store_article_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->title = col_dup(st, 1, 1);
    r->source = col_dup(st, 2, 0);
    r->published = col_dup(st, 3, 0);
    r->author = col_dup(st, 4, 0);
}

store_err store_articles(store *s, store_list *rows)
{
    size_t cap = 0;
    int rc;
    memset(rows, 0, sizeof *rows);
    while ((rc = sqlite3_step(s->list)) == SQLITE_ROW)
        read_head(s->list, grow(rows, &cap, sizeof(store_article_row)));
    return finish(s, s->list, rc);
}

void store_articles_free(store_list *rows)
{
    store_article_row *r = rows->v;
    for (size_t i = 0; i < rows->n; i++) {
        free(r[i].title); free(r[i].source); free(r[i].published); free(r[i].author);
    }
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}

static store_err read_quotes(store *s, sqlite3_stmt *st, store_list *rows)
{
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_quote *q = grow(rows, &cap, sizeof *q);
        q->article_id = sqlite3_column_int64(st, 0);
        q->text = col_dup(st, 1, 1);
        q->speaker = col_dup(st, 2, 0);
    }
    return finish(s, st, rc);
}

static store_err read_events(store *s, sqlite3_stmt *st, store_list *rows)
{
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_event *e = grow(rows, &cap, sizeof *e);
        e->article_id = sqlite3_column_int64(st, 0);
        e->date = col_dup(st, 1, 1);
        e->precision = col_dup(st, 2, 1);
        e->text = col_dup(st, 3, 1);
    }
    return finish(s, st, rc);
}

store_err store_article_get(store *s, long long id, store_article *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_bind_int64(s->one, 1, id);
    int rc = sqlite3_step(s->one);
    if (rc != SQLITE_ROW) {
        finish(s, s->one, rc == SQLITE_DONE ? SQLITE_DONE : rc);
        return STORE_EQUERY;                /* no such article, or a failure */
    }
    read_head(s->one, &out->head);
    out->body = col_dup(s->one, 5, 1);
    finish(s, s->one, SQLITE_DONE);

    store_list l = {0};
    size_t cap = 0;
    sqlite3_bind_int64(s->summ, 1, id);
    while ((rc = sqlite3_step(s->summ)) == SQLITE_ROW)
        *(char **)grow(&l, &cap, sizeof(char *)) = col_dup(s->summ, 0, 1);
    out->summary = l.v;
    out->nsummary = l.n;
    store_err e = finish(s, s->summ, rc);

    l = (store_list){0};
    sqlite3_bind_int64(s->quo, 1, id);
    if (e == STORE_OK)
        e = read_quotes(s, s->quo, &l);
    out->quotes = l.v;
    out->nquotes = l.n;

    l = (store_list){0};
    sqlite3_bind_int64(s->ev, 1, id);
    if (e == STORE_OK)
        e = read_events(s, s->ev, &l);
    out->events = l.v;
    out->nevents = l.n;
    if (e != STORE_OK)
        store_article_free(out);
    return e;
}

void store_article_free(store_article *a)
{
    if (!a)
        return;
    free(a->head.title); free(a->head.source); free(a->head.published); free(a->head.author);
    free(a->body);
    for (size_t i = 0; i < a->nsummary; i++)
        free(a->summary[i]);
    free(a->summary);
    store_list q = { a->quotes, a->nquotes }, e = { a->events, a->nevents };
    store_quotes_free(&q);
    store_events_free(&e);
    memset(a, 0, sizeof *a);
}

store_err store_quotes(store *s, store_list *rows)
{
    memset(rows, 0, sizeof *rows);
    return read_quotes(s, s->all_quo, rows);
}

void store_quotes_free(store_list *rows)
{
    store_quote *q = rows->v;
    for (size_t i = 0; i < rows->n; i++) {
        free(q[i].text); free(q[i].speaker);
    }
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}

store_err store_events(store *s, store_list *rows)
{
    memset(rows, 0, sizeof *rows);
    return read_events(s, s->all_ev, rows);
}

void store_events_free(store_list *rows)
{
    store_event *e = rows->v;
    for (size_t i = 0; i < rows->n; i++) {
        free(e[i].date); free(e[i].precision); free(e[i].text);
    }
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}
