/*
** src/app/store.c: read-only SQLite access (see store.h).
*/
#include "app/store.h"

#include "common/bounds.h"
#include "common/util.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>         /* access() to tell "missing" from "unreadable" */

struct store {
    sqlite3 *db;
    sqlite3_stmt *list, *one, *find, *summ, *quo, *ev, *all_quo, *all_ev;  /* prepared once */
    sqlite3_stmt *counts, *quo_index, *ev_index, *months, *lead;
    sqlite3_stmt *image;        /* NULL without an images table (schema < 3) */
    sqlite3_stmt *image_more;   /* the same: the further pictures */
    sqlite3_stmt *image_nmore;  /* ... and how many there are */
    sqlite3_stmt *strong;       /* an article's strongest quote (covers) */
    sqlite3_stmt *overview;     /* store_overview_get */
    store_counts cnt;           /* store_count's answer, once had_cnt */
    int had_cnt;
    int event_ends;             /* events has end_date, end_precision (schema 2) */
    int quotes_v2;              /* quotes has role, kind, context (schema 2) */
};

static store_err finish(store *s, sqlite3_stmt *st, int rc);

/* Quote columns (read_quote's order); "@V2" stands for the columns schema 2
** added, replaced by NULLs on a version-1 file (prepare). */
#define QUOTE_COLS "article_id, position, text, speaker, @V2"
#define QUOTE_V2 "role, kind = 'partial', context"
#define QUOTE_V1 "NULL, 0, NULL"
/* Event end columns: real ones where the file has them (schema 2), else
** NULL, NULL (every event a point). */
#define END_COLS "@END"

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

/* What one value may hold when the app reads it (bytes; the schema
** contract's bounds, common/bounds.h). A longer value (a broken or hostile
** database) is cut at a word with an ellipsis and a log line: laid out
** whole it would hold the app for minutes. */
#ifndef STORE_BODY_MAX
#define STORE_BODY_MAX  VITRINE_BODY_MAX
#endif
#ifndef STORE_TEXT_MAX
#define STORE_TEXT_MAX  VITRINE_TEXT_MAX
#endif
#define STORE_CUT_MARK  "\xe2\x80\xa6"   /* U+2026 at the cut */

/* A copy of t (longer than max bytes) cut to at most max bytes + the mark: at the last
** space in the final eighth, else at a UTF-8 character boundary. */
static char *cut_copy(const char *t, size_t max)
{
    size_t k = max;
    while (k > 0 && ((unsigned char)t[k] & 0xc0) == 0x80)
        k--;                                    /* not inside a character */
    for (size_t j = k; j > max - max / 8; j--)
        if (t[j - 1] == ' ' || t[j - 1] == '\n') {
            k = j - 1;
            break;
        }
    sbuf b = {0};
    sbuf_add(&b, t, k);
    sbuf_add(&b, STORE_CUT_MARK, sizeof STORE_CUT_MARK - 1);
    return sbuf_take(&b);
}

static char *col_dup(sqlite3_stmt *st, int i, int required)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return required ? xstrdup("") : NULL;
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    const char *name = sqlite3_column_name(st, i);
    size_t max = name && strcmp(name, "body") == 0 ? STORE_BODY_MAX : STORE_TEXT_MAX;
    if (n <= max)
        return xstrdup((const char *)t);
    log_warn("store: a %s of %zu bytes is cut to %zu (what one value may hold)",
             name ? name : "value", n, max);
    return cut_copy((const char *)t, max);
}

static int prepare(store *s, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        log_error("store: cannot prepare \"%s\": %s", sql, sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

/* sql (owned) with its first token replaced by cols; returns the new
** string (owned) and frees sql, or sql itself when token is absent. */
static char *substitute(char *sql, const char *token, const char *cols)
{
    const char *at = strstr(sql, token);
    if (!at)
        return sql;
    size_t a = (size_t)(at - sql), c = strlen(cols), t = strlen(token), rest = strlen(at + t);
    char *out = xmalloc(a + c + rest + 1);
    memcpy(out, sql, a);
    memcpy(out + a, cols, c);
    memcpy(out + a + c, at + t, rest + 1);
    free(sql);
    return out;
}

/* sql with "@V2" and "@END" replaced by the columns this file has (owned). */
static char *versioned(const store *s, const char *sql)
{
    char *out = substitute(xstrdup(sql), "@V2", s->quotes_v2 ? QUOTE_V2 : QUOTE_V1);
    out = substitute(out, "@WHOLE", s->quotes_v2 ? "kind = 'whole'" : "1");
    return substitute(out, END_COLS, s->event_ends ? "e.end_date, e.end_precision"
                                                     : "NULL, NULL");
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

/* How many of the columns named in cols (an SQL list of names) table has. */
static int count_columns(store *s, const char *table, const char *cols)
{
    sqlite3_stmt *st;
    int n = 0;
    sbuf q = {0};
    sbuf_addf(&q, "SELECT count(*) FROM pragma_table_info('%s') WHERE name IN (%s)", table, cols);
    if (prepare(s, &st, q.s) == 0) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sbuf_free(&q);
    return n;
}

/* The columns schema 2 added, by column rather than by version: a file is
** read by what it holds. */
static int has_quote_v2(store *s)
{
    return count_columns(s, "quotes", "'role', 'kind', 'context'") == 3;
}

static int has_event_ends(store *s)
{
    return count_columns(s, "events", "'end_date', 'end_precision'") == 2;
}

/* Article order as SQL (NULL sorts lowest, so undated articles come last;
** the corpus's articles_newest index serves it), and "a sorts before t" in
** the same order. */
#define ARTICLE_ORDER "published DESC, id"
#define ARTICLE_BEFORE                                                                  \
    "(a.published IS NULL) < (t.published IS NULL) OR ((a.published IS NULL) = "       \
    "(t.published IS NULL) AND (a.published > t.published OR "                          \
    "(a.published IS t.published AND a.id < t.id)))"
#define HEAD_COLS "id, title, source, published, author"

/* Every statement, prepared once at open (column order: the row readers
** below; QUOTE_COLS and END_COLS: versioned()). */
#define Q(field, sql) { offsetof(store, field), sql }
static const struct { size_t off; const char *sql; } queries[] = {
    Q(list,
        "SELECT " HEAD_COLS " FROM articles ORDER BY " ARTICLE_ORDER
        " LIMIT ?1 OFFSET ?2"),
    Q(one,
        "SELECT " HEAD_COLS ", body, url FROM articles WHERE id=?"),
    Q(find,
        "SELECT (SELECT count(*) FROM articles a WHERE " ARTICLE_BEFORE "), "
        HEAD_COLS " FROM articles t WHERE id=?"),
    Q(summ,
        "SELECT text FROM summaries WHERE article_id=? ORDER BY position"),
    Q(lead,
        "SELECT text FROM summaries WHERE article_id=? ORDER BY position LIMIT 1"),
    Q(quo,
        "SELECT " QUOTE_COLS " FROM quotes WHERE article_id=? ORDER BY position"),
    Q(ev,
        "SELECT e.article_id, e.position, -1, e.date, e.precision, e.text, " END_COLS
        " FROM events e WHERE e.article_id=? ORDER BY e.position"),
    Q(all_quo,
        "SELECT " QUOTE_COLS " FROM quotes ORDER BY article_id, position LIMIT ?1 OFFSET ?2"),
    Q(all_ev,
        "SELECT e.article_id, e.position, coalesce(r.rn, -1), e.date, e.precision, "
        "e.text, " END_COLS " FROM events e LEFT JOIN (SELECT id, row_number() OVER (ORDER BY "
        ARTICLE_ORDER ") - 1 AS rn FROM articles) r ON r.id = e.article_id "
        "ORDER BY e.date, e.article_id, e.position LIMIT ?1 OFFSET ?2"),
    Q(counts,
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), "
        "(SELECT count(*) FROM events)"),
    Q(quo_index,
        "SELECT count(*) FROM quotes WHERE article_id < ?1 OR "
        "(article_id = ?1 AND position < ?2)"),
    Q(ev_index,
        "SELECT count(*) FROM events WHERE date < ?1 OR (date = ?1 AND "
        "(article_id < ?2 OR (article_id = ?2 AND position < ?3)))"),
    Q(overview,
        "SELECT (SELECT count(*) FROM articles), "
        "(SELECT count(DISTINCT speaker) FROM quotes WHERE speaker IS NOT NULL AND speaker != ''), "
        "(SELECT count(*) FROM events), "
        "coalesce((SELECT min(substr(date, 1, 4)) FROM events), "
        "(SELECT min(substr(published, 1, 4)) FROM articles)), "
        "coalesce((SELECT max(substr(date, 1, 4)) FROM events), "
        "(SELECT max(substr(published, 1, 4)) FROM articles))"),
    Q(strong,
        "SELECT text, speaker FROM quotes WHERE article_id=? AND @WHOLE "
        "ORDER BY speaker IS NULL, abs(length(text) - 90), position LIMIT 1"),
    Q(months,
        "SELECT substr(date, 1, 7) AS m, min(date), max(date) FROM events "
        "GROUP BY m ORDER BY m"),
};
#undef Q

static sqlite3_stmt **stmt_at(store *s, size_t i)
{
    return (sqlite3_stmt **)((char *)s + queries[i].off);
}

static int prepare_all(store *s)
{
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char *sql = versioned(s, queries[i].sql);
        int rc = prepare(s, stmt_at(s, i), sql);
        free(sql);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* A database may come from anyone (issue: trust nothing that arrives): the
** schema is not trusted (no functions with side effects or DIRECTONLY ones
** from views, triggers or generated columns), defensive mode forbids writing
** the schema through PRAGMA, and these limits bound what one query may
** build. The app's own statements are short and simple (see queries[]). */
static const struct { int id, value; } store_limits[] = {
    { SQLITE_LIMIT_LENGTH, 16 << 20 },       /* one value: a body is < 4 MB */
    { SQLITE_LIMIT_SQL_LENGTH, 8192 },
    { SQLITE_LIMIT_COLUMN, 64 },
    { SQLITE_LIMIT_EXPR_DEPTH, 64 },
    { SQLITE_LIMIT_COMPOUND_SELECT, 4 },
    { SQLITE_LIMIT_VDBE_OP, 50000 },
    { SQLITE_LIMIT_FUNCTION_ARG, 8 },
    { SQLITE_LIMIT_ATTACHED, 0 },
    { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 64 },
    { SQLITE_LIMIT_VARIABLE_NUMBER, 16 },
    { SQLITE_LIMIT_TRIGGER_DEPTH, 1 },
};

static void harden(sqlite3 *db)
{
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
    for (size_t i = 0; i < sizeof store_limits / sizeof store_limits[0]; i++)
        sqlite3_limit(db, store_limits[i].id, store_limits[i].value);
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
    harden(s->db);
    /* No mmap: a file truncated in place must give errors, not SIGBUS. */
    sqlite3_exec(s->db, "PRAGMA mmap_size=0", NULL, NULL, NULL);
    /* Screens read a few rows at a time: a 1 MB page cache (default 2 MB). */
    sqlite3_exec(s->db, "PRAGMA cache_size=-1024", NULL, NULL, NULL);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        open_fail(STORE_ENOTDB, err, msg, msglen, path, sqlite3_errmsg(s->db));
        sqlite3_finalize(st);
        goto err;
    }
    int version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version < STORE_USER_VERSION_MIN || version > STORE_USER_VERSION) {
        char d[64];
        snprintf(d, sizeof d, "user_version %d, expected %d to %d", version,
                 STORE_USER_VERSION_MIN, STORE_USER_VERSION);
        open_fail(STORE_EVERSION, err, msg, msglen, path, d);
        goto err;
    }
    if (check_tables(s, &missing) != 0) {
        char d[64];
        snprintf(d, sizeof d, "no table '%s'", missing ? missing : "?");
        open_fail(missing ? STORE_ESCHEMA : STORE_ENOTDB, err, msg, msglen, path, d);
        goto err;
    }
    s->quotes_v2 = has_quote_v2(s);
    s->event_ends = has_event_ends(s);
    if (prepare_all(s) != 0) {
        open_fail(STORE_ESCHEMA, err, msg, msglen, path, sqlite3_errmsg(s->db));
        goto err;
    }
    /* the lead picture, or its thumb where that has the pixels asked for */
    if (count_columns(s, "images", "'article_id', 'role', 'position', 'bytes', 'focus_x', "
                      "'focus_y', 'credit', 'alt', 'width', 'height'") == 10
        && prepare(s, &s->image, "SELECT length(bytes), bytes, focus_x, focus_y, credit, alt "
                   "FROM images WHERE article_id=?1 AND role IN ('lead', 'thumb') ORDER BY "
                   "(role = 'thumb' AND max(width, height) >= ?2) DESC, role = 'lead' DESC, "
                   "position LIMIT 1") != 0) {
        open_fail(STORE_ESCHEMA, err, msg, msglen, path, sqlite3_errmsg(s->db));
        goto err;
    }
    /* the k-th further picture, or its thumb (right after it) where that has
    ** the pixels asked for */
    if (s->image
        && (prepare(s, &s->image_more, "SELECT length(coalesce(t.bytes, m.bytes)), "
                   "coalesce(t.bytes, m.bytes), m.focus_x, m.focus_y, m.credit, m.alt "
                   "FROM images m LEFT JOIN images t ON t.article_id = m.article_id "
                   "AND t.role = 'more_thumb' AND t.position = m.position + 1 "
                   "AND max(t.width, t.height) >= ?3 "
                   "WHERE m.article_id = ?1 AND m.role = 'more' ORDER BY m.position "
                   "LIMIT 1 OFFSET ?2") != 0
            || prepare(s, &s->image_nmore, "SELECT count(*) FROM images "
                       "WHERE article_id = ?1 AND role = 'more'") != 0)) {
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
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
        sqlite3_finalize(*stmt_at(s, i));
    sqlite3_finalize(s->image);
    sqlite3_finalize(s->image_more);
    sqlite3_finalize(s->image_nmore);
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
    /* every list query runs to its end (rows stepped, not copied: memory
    ** stays flat on a large corpus) */
    sqlite3_stmt *lists[] = { s->list, s->all_quo, s->all_ev };
    for (size_t i = 0; e == STORE_OK && i < sizeof lists / sizeof lists[0]; i++) {
        int rc;
        sqlite3_bind_int64(lists[i], 1, -1);
        sqlite3_bind_int64(lists[i], 2, 0);
        while ((rc = sqlite3_step(lists[i])) == SQLITE_ROW)
            ;
        if (finish(s, lists[i], rc) != STORE_OK) {
            snprintf(buf, sizeof buf, "query failed: %s", sqlite3_errmsg(s->db));
            e = STORE_EQUERY;
        }
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

/* One row of each kind from the current row of st (column order as in
** prepare_all). */
static void read_head(sqlite3_stmt *st, int c, void *row)
{
    store_article_row *r = row;
    r->id = sqlite3_column_int64(st, c);
    r->title = col_dup(st, c + 1, 1);
    r->source = col_dup(st, c + 2, 0);
    r->published = col_dup(st, c + 3, 0);
    r->author = col_dup(st, c + 4, 0);
}

static void read_quote(sqlite3_stmt *st, int c, void *row)
{
    store_quote *q = row;
    q->article_id = sqlite3_column_int64(st, c);
    q->position = sqlite3_column_int(st, c + 1);
    q->text = col_dup(st, c + 2, 1);
    q->speaker = col_dup(st, c + 3, 0);
    q->role = col_dup(st, c + 4, 0);
    q->partial = sqlite3_column_int(st, c + 5) != 0;
    q->context = col_dup(st, c + 6, 0);
    if (q->partial && !q->context)      /* a fragment without its sentence: show it as is */
        q->partial = 0;
}

static void read_event(sqlite3_stmt *st, int c, void *row)
{
    store_event *e = row;
    e->article_id = sqlite3_column_int64(st, c);
    e->position = sqlite3_column_int(st, c + 1);
    e->article = sqlite3_column_int(st, c + 2);
    e->date = col_dup(st, c + 3, 1);
    e->precision = col_dup(st, c + 4, 1);
    e->text = col_dup(st, c + 5, 1);
    e->end_date = col_dup(st, c + 6, 0);
    e->end_precision = e->end_date ? col_dup(st, c + 7, 1) : NULL;
}

typedef void (*row_reader)(sqlite3_stmt *st, int c, void *row);

/* Every row of st (bindings already made) appended to rows. */
static store_err read_rows(store *s, sqlite3_stmt *st, row_reader rd, size_t sz, store_list *rows)
{
    size_t cap = rows->n;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        rd(st, 0, grow(rows, &cap, sz));
    return finish(s, st, rc);
}

/* The list queries: LIMIT ?1 OFFSET ?2 (SQLite: a negative limit is none). */
static store_err read_range(store *s, sqlite3_stmt *st, size_t first, size_t n, row_reader rd,
                            size_t sz, store_list *rows)
{
    memset(rows, 0, sizeof *rows);
    sqlite3_bind_int64(st, 1, n == STORE_ALL || n > (size_t)INT64_MAX ? -1 : (sqlite3_int64)n);
    sqlite3_bind_int64(st, 2, first > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)first);
    return read_rows(s, st, rd, sz, rows);
}

/* A query with one row of integer columns into out[0..n). */
static store_err read_ints(store *s, sqlite3_stmt *st, sqlite3_int64 *out, int n)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            out[i] = sqlite3_column_int64(st, i);
        rc = sqlite3_step(st);
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_ERROR;                  /* no row: no such key */
    }
    return finish(s, st, rc);
}

/* Counted once per store: an open store's file does not change (a content
** update is a new file and a new store; a file damaged in place makes the
** range queries fail, which every caller handles). */
store_err store_count(store *s, store_counts *out)
{
    if (!s->had_cnt) {
        sqlite3_int64 v[3] = {0};
        store_err e = read_ints(s, s->counts, v, 3);
        if (e != STORE_OK) {
            memset(out, 0, sizeof *out);
            return e;
        }
        s->cnt = (store_counts){ (size_t)v[0], (size_t)v[1], (size_t)v[2] };
        s->had_cnt = 1;
    }
    *out = s->cnt;
    return STORE_OK;
}

store_err store_articles_range(store *s, size_t first, size_t n, store_list *rows)
{
    return read_range(s, s->list, first, n, read_head, sizeof(store_article_row), rows);
}

store_err store_quotes_range(store *s, size_t first, size_t n, store_list *rows)
{
    return read_range(s, s->all_quo, first, n, read_quote, sizeof(store_quote), rows);
}

store_err store_events_range(store *s, size_t first, size_t n, store_list *rows)
{
    return read_range(s, s->all_ev, first, n, read_event, sizeof(store_event), rows);
}

void store_article_row_free(store_article_row *r)
{
    free(r->title); free(r->source); free(r->published); free(r->author);
    memset(r, 0, sizeof *r);
}

void store_articles_free(store_list *rows)
{
    store_article_row *r = rows->v;
    for (size_t i = 0; i < rows->n; i++)
        store_article_row_free(&r[i]);
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}

store_err store_article_find(store *s, long long id, size_t *index, store_article_row *row)
{
    sqlite3_bind_int64(s->find, 1, id);
    int rc = sqlite3_step(s->find);
    if (rc != SQLITE_ROW) {
        finish(s, s->find, rc);
        return STORE_EQUERY;                /* no such article, or a failure */
    }
    *index = (size_t)sqlite3_column_int64(s->find, 0);
    if (row)
        read_head(s->find, 1, row);
    return finish(s, s->find, SQLITE_DONE);
}

store_err store_quote_index(store *s, long long article_id, int position, size_t *index)
{
    sqlite3_int64 v = 0;
    sqlite3_bind_int64(s->quo_index, 1, article_id);
    sqlite3_bind_int(s->quo_index, 2, position);
    store_err e = read_ints(s, s->quo_index, &v, 1);
    *index = (size_t)v;
    return e;
}

store_err store_event_index(store *s, const store_event *ev, size_t *index)
{
    sqlite3_int64 v = 0;
    sqlite3_bind_text(s->ev_index, 1, ev->date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s->ev_index, 2, ev->article_id);
    sqlite3_bind_int(s->ev_index, 3, ev->position);
    store_err e = read_ints(s, s->ev_index, &v, 1);
    *index = (size_t)v;
    return e;
}

store_err store_event_span(store *s, size_t max, store_span *out)
{
    memset(out, 0, sizeof *out);
    store_list l = {0};
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s->months)) == SQLITE_ROW) {
        const unsigned char *m = sqlite3_column_text(s->months, 0);
        const unsigned char *lo = sqlite3_column_text(s->months, 1);
        const unsigned char *hi = sqlite3_column_text(s->months, 2);
        if (!out->first[0] && lo)
            snprintf(out->first, sizeof out->first, "%s", (const char *)lo);
        if (hi)
            snprintf(out->last, sizeof out->last, "%s", (const char *)hi);
        snprintf(*(char (*)[8])grow(&l, &cap, 8), 8, "%s", m ? (const char *)m : "");
    }
    store_err e = finish(s, s->months, rc);
    out->months = l.v;
    out->nmonths = l.n;
    if (e == STORE_OK && max && out->nmonths > max) {  /* keep max, evenly spread */
        for (size_t i = 0; i < max; i++)
            memcpy(out->months[i], out->months[i * (out->nmonths - 1) / (max - 1 ? max - 1 : 1)], 8);
        out->nmonths = max;
    }
    if (e != STORE_OK)
        store_event_span_free(out);
    return e;
}

void store_event_span_free(store_span *sp)
{
    free(sp->months);
    memset(sp, 0, sizeof *sp);
}

store_err store_summary_lead(store *s, long long id, char **out)
{
    *out = NULL;
    sqlite3_bind_int64(s->lead, 1, id);
    int rc = sqlite3_step(s->lead);
    if (rc == SQLITE_ROW) {
        *out = col_dup(s->lead, 0, 0);
        rc = SQLITE_DONE;
    }
    return finish(s, s->lead, rc);
}

static float unit(double v) { return v >= 0 && v <= 1 ? (float)v : 0.5f; }

/* One row of an image query into *out (see store_image_lead). */
static store_err image_row(store *s, sqlite3_stmt *st, long long id, store_image *out)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 n = sqlite3_column_int64(st, 0);
        if (n > 0 && n <= (sqlite3_int64)STORE_IMAGE_MAX
            && sqlite3_column_type(st, 1) == SQLITE_BLOB) {
            const void *b = sqlite3_column_blob(st, 1);
            int got = sqlite3_column_bytes(st, 1);
            if (b && got == n) {
                out->bytes = xmalloc((size_t)n);
                memcpy(out->bytes, b, (size_t)n);
                out->n = (size_t)n;
                out->focus_x = unit(sqlite3_column_double(st, 2));
                out->focus_y = unit(sqlite3_column_double(st, 3));
                out->credit = col_dup(st, 4, 0);
                out->alt = col_dup(st, 5, 0);
            }
        } else if (n > 0) {
            log_warn("store: article %lld: its picture (%lld bytes) is over %u bytes; not shown",
                     id, (long long)n, STORE_IMAGE_MAX);
        }
        rc = SQLITE_DONE;
    }
    return finish(s, st, rc);
}

store_err store_image_lead(store *s, long long id, int px, store_image *out)
{
    memset(out, 0, sizeof *out);
    if (!s->image)
        return STORE_OK;
    sqlite3_bind_int64(s->image, 1, id);
    sqlite3_bind_int(s->image, 2, px > 0 ? px : INT32_MAX);
    return image_row(s, s->image, id, out);
}

int store_image_more_count(store *s, long long id)
{
    if (!s->image_nmore)
        return 0;
    sqlite3_bind_int64(s->image_nmore, 1, id);
    int n = 0, rc = sqlite3_step(s->image_nmore);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 v = sqlite3_column_int64(s->image_nmore, 0);
        n = v > 0 && v < 1000 ? (int)v : 0;
        rc = SQLITE_DONE;
    }
    return finish(s, s->image_nmore, rc) == STORE_OK ? n : 0;
}

store_err store_image_more(store *s, long long id, int k, int px, store_image *out)
{
    memset(out, 0, sizeof *out);
    if (!s->image_more || k < 0)
        return STORE_OK;
    sqlite3_bind_int64(s->image_more, 1, id);
    sqlite3_bind_int(s->image_more, 2, k);
    sqlite3_bind_int(s->image_more, 3, px > 0 ? px : INT32_MAX);
    return image_row(s, s->image_more, id, out);
}

store_err store_overview_get(store *s, store_overview *out)
{
    memset(out, 0, sizeof *out);
    int rc = sqlite3_step(s->overview);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 v[3];
        for (int i = 0; i < 3; i++) {
            v[i] = sqlite3_column_int64(s->overview, i);
            v[i] = v[i] < 0 ? 0 : v[i];
        }
        out->articles = (size_t)v[0];
        out->voices = (size_t)v[1];
        out->events = (size_t)v[2];
        out->year0 = sqlite3_column_int(s->overview, 3);
        out->year1 = sqlite3_column_int(s->overview, 4);
        if (out->year0 < 1 || out->year0 > 9999 || out->year1 < out->year0 || out->year1 > 9999)
            out->year0 = out->year1 = 0;
        rc = SQLITE_DONE;
    }
    return finish(s, s->overview, rc);
}

store_err store_quote_strongest(store *s, long long id, char **text, char **speaker)
{
    *text = *speaker = NULL;
    sqlite3_bind_int64(s->strong, 1, id);
    int rc = sqlite3_step(s->strong);
    if (rc == SQLITE_ROW) {
        *text = col_dup(s->strong, 0, 0);
        *speaker = col_dup(s->strong, 1, 0);
        rc = SQLITE_DONE;
    }
    return finish(s, s->strong, rc);
}

void store_image_free(store_image *im)
{
    if (!im)
        return;
    free(im->bytes);
    free(im->credit);
    free(im->alt);
    memset(im, 0, sizeof *im);
}

store_err store_article_get(store *s, long long id, store_article *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_bind_int64(s->one, 1, id);
    int rc = sqlite3_step(s->one);
    if (rc != SQLITE_ROW) {
        finish(s, s->one, rc);
        return STORE_EQUERY;                /* no such article, or a failure */
    }
    read_head(s->one, 0, &out->head);
    out->body = col_dup(s->one, 5, 1);
    out->url = col_dup(s->one, 6, 0);
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
        e = read_rows(s, s->quo, read_quote, sizeof(store_quote), &l);
    out->quotes = l.v;
    out->nquotes = l.n;

    l = (store_list){0};
    sqlite3_bind_int64(s->ev, 1, id);
    if (e == STORE_OK)
        e = read_rows(s, s->ev, read_event, sizeof(store_event), &l);
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
    store_article_row_free(&a->head);
    free(a->body);
    free(a->url);
    for (size_t i = 0; i < a->nsummary; i++)
        free(a->summary[i]);
    free(a->summary);
    store_list q = { a->quotes, a->nquotes }, e = { a->events, a->nevents };
    store_quotes_free(&q);
    store_events_free(&e);
    memset(a, 0, sizeof *a);
}

void store_quotes_free(store_list *rows)
{
    store_quote *q = rows->v;
    for (size_t i = 0; i < rows->n; i++) {
        free(q[i].text); free(q[i].speaker); free(q[i].role); free(q[i].context);
    }
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}

void store_events_free(store_list *rows)
{
    store_event *e = rows->v;
    for (size_t i = 0; i < rows->n; i++) {
        free(e[i].date); free(e[i].precision); free(e[i].text);
        free(e[i].end_date); free(e[i].end_precision);
    }
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}
