/*
** src/corpus/corpus_db.c: writes and checks the SQLite database that the
** display app reads.
**
** SCHEMA (PRAGMA user_version = 3). Every text is UTF-8 in NFC, and within
** the bounds of src/common/bounds.h: a body at most VITRINE_BODY_MAX bytes
** (256 KiB), every other text at most VITRINE_TEXT_MAX (4 KiB). The ingest
** writes within them (longer bodies keep their first paragraphs; longer
** sentences are left out; a warning each); the app cuts what exceeds them in
** a database built by anyone else. Version 2
** added quotes.role, quotes.kind, quotes.context, events.end_date and
** events.end_precision (the app still reads version 1 files: those columns
** read as NULL there).
**
**   meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)
**       'version'  vitrine-corpus version that wrote the file
**       'built'    UTC build time, ISO 8601 (SOURCE_DATE_EPOCH if set)
**       'schema'   "3", same as user_version
**
**   articles(id INTEGER PRIMARY KEY,     1.. in input order (sorted names)
**            slug TEXT UNIQUE NOT NULL,  lowercase ASCII words joined by '-'
**            title TEXT NOT NULL,
**            source TEXT,                outlet; NULL when unknown
**            author TEXT,                NULL when unknown
**            published TEXT,             YYYY, YYYY-MM or YYYY-MM-DD; NULL if unknown
**            url TEXT,                   NULL when unknown
**            body TEXT NOT NULL,         cleaned paragraphs joined by "\n\n"
**            words INTEGER NOT NULL,     whitespace-separated words of body
**            file TEXT)                  base name of the input file
**
**   summaries(article_id INTEGER NOT NULL REFERENCES articles(id),
**             position INTEGER NOT NULL, 0.. in article order
**             text TEXT NOT NULL)        one whole sentence per row
**
**   quotes(id INTEGER PRIMARY KEY,
**          article_id INTEGER NOT NULL REFERENCES articles(id),
**          position INTEGER NOT NULL,    0.. in article order
**          text TEXT NOT NULL,           without the outer quotation marks; a
**                                        whole quote ends in . ? ! or …
**          speaker TEXT,                 NULL when unresolved; one person has one
**                                        full name across the corpus
**          role TEXT,                    the speaker's title or affiliation as an
**                                        article gives it ("Foreign Minister"),
**                                        at most 8 words; NULL if none
**          kind TEXT NOT NULL CHECK(kind IN ('whole','partial')),
**                                        partial: a fragment of the reporter's
**                                        sentence, shown within context
**          context TEXT)                 partial: that whole sentence, the quoted
**                                        words in “ ” and holding text verbatim;
**                                        NULL for a whole quote
**
**   events(id INTEGER PRIMARY KEY,
**          article_id INTEGER NOT NULL REFERENCES articles(id),
**          date TEXT NOT NULL,           YYYY, YYYY-MM or YYYY-MM-DD
**          precision TEXT NOT NULL CHECK(precision IN ('year','month','day')),
**          text TEXT NOT NULL,           the statement that carries the date
**          position INTEGER NOT NULL,    0.. in article order
**          end_date TEXT,                a range's end (YYYY[-MM[-DD]]), after date;
**                                        NULL for a point event
**          end_precision TEXT)           'year', 'month' or 'day'; NULL exactly
**                                        when end_date is NULL (no CHECK clause:
**                                        it cost as much as the rest of the
**                                        insert; corpus_db_check verifies it)
**
**   images(id INTEGER PRIMARY KEY,
**          article_id INTEGER NOT NULL REFERENCES articles(id),
**          role TEXT NOT NULL,           'lead': the article's picture; 'thumb':
**                                        the same, 800 px on its long side
**                                        (cards and columns decode less);
**                                        'more': a further picture (a gallery
**                                        after the lead, in position order),
**                                        'more_thumb' its 800 px rendition,
**                                        right after it
**          position INTEGER NOT NULL,    0.. within the article
**          width INTEGER NOT NULL,       px, as stored
**          height INTEGER NOT NULL,
**          format TEXT NOT NULL CHECK(format IN ('jpeg','png')),
**          bytes BLOB NOT NULL,          the encoded picture, long side at most
**                                        the build's --image-max (1920 px)
**          credit TEXT, alt TEXT,        as the curator gives them; NULL if not
**          focus_x REAL NOT NULL,        focal point, 0..1 of width / height:
**          focus_y REAL NOT NULL,        where a crop keeps what matters
**          file TEXT)                    base name of the source picture
**
**   Version history: 1 had no end_date / end_precision (every event a point);
**   2 had no images table. The app reads all three.
**
**   Indexes: events(date), and article_id of summaries, quotes and events.
**
** WRITING is atomic: the database is built in "<out>.tmp-XXXXXX" beside the
** target (mkstemp) in one transaction, closed, fsync'ed and renamed over the
** target. On any failure the temporary file is removed and an existing
** database is left byte for byte as it was.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>     /* dirname */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef VITRINE_VERSION
#define VITRINE_VERSION "0.0.0"
#endif

#define CORPUS_DB_VERSION 3

static const char corpus_db_schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL,\n"
    "  title TEXT NOT NULL, source TEXT, author TEXT, published TEXT, url TEXT,\n"
    "  body TEXT NOT NULL, words INTEGER NOT NULL, file TEXT);\n"
    "CREATE TABLE summaries(article_id INTEGER NOT NULL REFERENCES articles(id),\n"
    "  position INTEGER NOT NULL, text TEXT NOT NULL);\n"
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),\n"
    "  position INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, role TEXT,\n"
    "  kind TEXT NOT NULL DEFAULT 'whole' CHECK(kind IN ('whole','partial')),\n"
    "  context TEXT);\n"
    "CREATE TABLE events(id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id), date TEXT NOT NULL,\n"
    "  precision TEXT NOT NULL CHECK(precision IN ('year','month','day')),\n"
    "  text TEXT NOT NULL, position INTEGER NOT NULL, end_date TEXT,\n"
    "  end_precision TEXT);\n"      /* no CHECK: it doubled the insert time; check validates */
    "CREATE TABLE images(id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id), role TEXT NOT NULL,\n"
    "  position INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,\n"
    "  format TEXT NOT NULL CHECK(format IN ('jpeg','png')), bytes BLOB NOT NULL,\n"
    "  credit TEXT, alt TEXT, focus_x REAL NOT NULL, focus_y REAL NOT NULL, file TEXT);\n"
    "CREATE INDEX images_article ON images(article_id, position);\n"
    "CREATE INDEX articles_newest ON articles(published DESC, id);\n"
    "CREATE INDEX summaries_article ON summaries(article_id);\n"
    "CREATE INDEX quotes_article ON quotes(article_id, position);\n"
    "CREATE INDEX events_article ON events(article_id);\n"
    "CREATE INDEX events_date ON events(date, article_id, position);\n";

/* What corpus_db_check requires: each table with its columns. */
static const struct { const char *table; const char *cols[11]; } corpus_db_required[] = {
    { "meta", { "key", "value" } },
    { "articles", { "id", "slug", "title", "source", "author", "published", "url",
                    "body", "words", "file" } },
    { "summaries", { "article_id", "position", "text" } },
    { "quotes", { "id", "article_id", "position", "text", "speaker", "role", "kind",
                  "context" } },
    { "events", { "id", "article_id", "date", "precision", "text", "position", "end_date",
                  "end_precision" } },
    { "images", { "id", "article_id", "role", "position", "width", "height", "format",
                  "bytes", "credit", "alt" } },
};

/* ---- writing ------------------------------------------------------------- */

static long count_words(const char *s) {
    long n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = isspace((unsigned char)*s);
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

static const char *base_name(const char *path) {
    const char *sl = strrchr(path, '/');
    return sl ? sl + 1 : path;
}

/* Prepared statements of one write. */
typedef struct dbw {
    sqlite3 *db;
    sqlite3_stmt *art, *sum, *quo, *evt, *img;
} dbw;

static void bind_text(sqlite3_stmt *st, int i, const char *s) {
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static int step_reset(dbw *w, sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE) return 0;
    log_error("database: %s", sqlite3_errmsg(w->db));
    return -1;
}

static int insert_article(dbw *w, sqlite3_int64 id, const corpus_article *a) {
    const corpus_meta *m = &a->doc.meta;
    sbuf body = {0};
    for (size_t i = 0; i < a->doc.npara; i++) {
        if (i) sbuf_adds(&body, "\n\n");
        sbuf_adds(&body, a->doc.paras[i]);
    }
    char *b = sbuf_take(&body);
    sqlite3_bind_int64(w->art, 1, id);
    bind_text(w->art, 2, a->slug);
    bind_text(w->art, 3, m->title);
    bind_text(w->art, 4, m->source);
    bind_text(w->art, 5, m->author);
    bind_text(w->art, 6, m->published);
    bind_text(w->art, 7, m->url);
    bind_text(w->art, 8, b);
    sqlite3_bind_int64(w->art, 9, count_words(b));
    bind_text(w->art, 10, a->path ? base_name(a->path) : NULL);
    int rc = step_reset(w, w->art);
    free(b);
    if (rc) return -1;
    for (size_t i = 0; i < a->summary.n; i++) {
        sqlite3_bind_int64(w->sum, 1, id);
        sqlite3_bind_int64(w->sum, 2, (sqlite3_int64)i);
        bind_text(w->sum, 3, a->summary.v[i]);
        if (step_reset(w, w->sum)) return -1;
    }
    for (size_t i = 0; i < a->nquotes; i++) {
        if (!a->quotes[i].text) continue;
        sqlite3_bind_int64(w->quo, 1, id);
        sqlite3_bind_int64(w->quo, 2, (sqlite3_int64)i);
        bind_text(w->quo, 3, a->quotes[i].text);
        bind_text(w->quo, 4, a->quotes[i].speaker);
        bind_text(w->quo, 5, a->quotes[i].role);
        bind_text(w->quo, 6, corpus_quote_kind_name(a->quotes[i].kind));
        bind_text(w->quo, 7, a->quotes[i].kind == CQUOTE_PARTIAL ? a->quotes[i].context : NULL);
        if (step_reset(w, w->quo)) return -1;
    }
    for (size_t i = 0; i < a->nevents; i++) {
        const corpus_event *e = &a->events[i];
        if (!e->text || e->date.prec == CDATE_NONE) continue;
        char date[32];
        cdate_format(e->date, date);
        sqlite3_bind_int64(w->evt, 1, id);
        bind_text(w->evt, 2, date);
        bind_text(w->evt, 3, cdate_prec_name(e->date.prec));
        bind_text(w->evt, 4, e->text);
        sqlite3_bind_int64(w->evt, 5, (sqlite3_int64)i);
        char end[32];
        cdate_format(e->end, end);
        bind_text(w->evt, 6, e->end.prec != CDATE_NONE ? end : NULL);
        bind_text(w->evt, 7, e->end.prec != CDATE_NONE ? cdate_prec_name(e->end.prec) : NULL);
        if (step_reset(w, w->evt)) return -1;
    }
    for (size_t i = 0; i < a->nimages; i++) {
        const corpus_image *im = &a->images[i];
        sqlite3_bind_int64(w->img, 1, id);
        bind_text(w->img, 2, im->role);
        sqlite3_bind_int64(w->img, 3, (sqlite3_int64)i);
        sqlite3_bind_int(w->img, 4, im->w);
        sqlite3_bind_int(w->img, 5, im->h);
        bind_text(w->img, 6, im->format);
        sqlite3_bind_blob64(w->img, 7, im->bytes, im->n, SQLITE_STATIC);
        bind_text(w->img, 8, im->credit);
        bind_text(w->img, 9, im->alt);
        sqlite3_bind_double(w->img, 10, im->focus_x);
        sqlite3_bind_double(w->img, 11, im->focus_y);
        bind_text(w->img, 12, im->file);
        if (step_reset(w, w->img)) return -1;
    }
    return 0;
}

static int exec(sqlite3 *db, const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK) return 0;
    log_error("database: %s", err ? err : sqlite3_errmsg(db));
    sqlite3_free(err);
    return -1;
}

static int write_meta(sqlite3 *db) {
    char built[32] = "";
    const char *sde = getenv("SOURCE_DATE_EPOCH");   /* reproducible builds */
    time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(built, sizeof built, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char *sql = sqlite3_mprintf(
        "INSERT INTO meta VALUES('version', %Q), ('built', %Q), ('schema', '%d');",
        VITRINE_VERSION, built, CORPUS_DB_VERSION);
    int rc = exec(db, sql);
    sqlite3_free(sql);
    return rc;
}

/* Fill the open (empty) database at w->db. */
static int write_all(dbw *w, corpus_article *arts, size_t n) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", CORPUS_DB_VERSION);
    if (exec(w->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        || exec(w->db, "BEGIN;") || exec(w->db, corpus_db_schema)
        || exec(w->db, pragma) || write_meta(w->db))
        return -1;
    if (sqlite3_prepare_v2(w->db, "INSERT INTO articles VALUES(?,?,?,?,?,?,?,?,?,?)", -1,
                           &w->art, NULL)
        || sqlite3_prepare_v2(w->db, "INSERT INTO summaries VALUES(?,?,?)", -1, &w->sum, NULL)
        || sqlite3_prepare_v2(w->db, "INSERT INTO quotes(article_id, position, text, speaker,"
                              " role, kind, context) VALUES(?,?,?,?,?,?,?)", -1, &w->quo, NULL)
        || sqlite3_prepare_v2(w->db, "INSERT INTO events(article_id, date, precision, text,"
                              " position, end_date, end_precision)"
                              " VALUES(?,?,?,?,?,?,?)", -1, &w->evt, NULL)
        || sqlite3_prepare_v2(w->db, "INSERT INTO images(article_id, role, position, width,"
                              " height, format, bytes, credit, alt, focus_x, focus_y, file)"
                              " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", -1, &w->img, NULL)) {
        log_error("database: %s", sqlite3_errmsg(w->db));
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (insert_article(w, (sqlite3_int64)i + 1, &arts[i])) {
            log_error("database: cannot store %s", arts[i].path ? arts[i].path : "article");
            return -1;
        }
    return exec(w->db, "COMMIT;");
}

static int fsync_path(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int corpus_db_write(const char *out_path, corpus_article *arts, size_t n) {
    sbuf tb = {0};
    sbuf_addf(&tb, "%s.tmp-XXXXXX", out_path);
    char *tmp = sbuf_take(&tb);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        log_error("%s: cannot create temporary file: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    mode_t um = umask(0);       /* mkstemp makes 0600; give the usual 0666 & ~umask */
    umask(um);
    if (fchmod(fd, 0666 & ~um) != 0) { /* not fatal: the file is still usable */ }
    close(fd);

    dbw w = {0};
    int rc = -1;
    if (sqlite3_open_v2(tmp, &w.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        log_error("%s: %s", tmp, w.db ? sqlite3_errmsg(w.db) : "cannot open");
        goto done;
    }
    rc = write_all(&w, arts, n);
done:
    sqlite3_finalize(w.art);
    sqlite3_finalize(w.sum);
    sqlite3_finalize(w.quo);
    sqlite3_finalize(w.evt);
    sqlite3_finalize(w.img);
    if (sqlite3_close(w.db) != SQLITE_OK && rc == 0) {
        log_error("%s: cannot close database", tmp);
        rc = -1;
    }
    if (rc == 0 && fsync_path(tmp, O_RDONLY) != 0) {
        log_error("%s: fsync: %s", tmp, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, out_path) != 0) {
        log_error("%s: cannot rename to %s: %s", tmp, out_path, strerror(errno));
        rc = -1;
    }
    if (rc != 0) {
        unlink(tmp);
    } else {
        char *dir = xstrdup(out_path);
        fsync_path(dirname(dir), O_RDONLY | O_DIRECTORY);   /* make the rename durable */
        free(dir);
    }
    free(tmp);
    return rc;
}

/* ---- checking ------------------------------------------------------------ */

/* First column of the first row of sql as an integer; -1 on error. */
static int query_int(sqlite3 *db, const char *sql, long long *out) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

static int has_column(sqlite3 *db, const char *table, const char *col) {
    char *sql = sqlite3_mprintf("SELECT count(*) FROM pragma_table_info(%Q) WHERE name = %Q",
                                table, col);
    long long n = 0;
    int rc = query_int(db, sql, &n);
    sqlite3_free(sql);
    return rc == 0 && n > 0;
}

/* Validation; messages name path. 0 valid, -1 not. */
static int check_valid(sqlite3 *db, const char *path) {
    long long v;
    if (query_int(db, "PRAGMA user_version", &v) != 0) {
        log_error("%s: not a database (%s)", path, sqlite3_errmsg(db));
        return -1;
    }
    if (v != CORPUS_DB_VERSION) {
        log_error("%s: schema version %lld, expected %d (not a vitrine corpus, or from "
                  "another version: rebuild it)", path, v, CORPUS_DB_VERSION);
        return -1;
    }
    sqlite3_stmt *st;
    const char *res = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        res = (const char *)sqlite3_column_text(st, 0);
    int ok = res && strcmp(res, "ok") == 0;
    if (!ok) log_error("%s: damaged database: %s", path, res ? res : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (!ok) return -1;
    for (size_t t = 0; t < sizeof corpus_db_required / sizeof *corpus_db_required; t++)
        for (size_t c = 0; corpus_db_required[t].cols[c]; c++)
            if (!has_column(db, corpus_db_required[t].table, corpus_db_required[t].cols[c])) {
                log_error("%s: table %s lacks column %s", path, corpus_db_required[t].table,
                          corpus_db_required[t].cols[c]);
                return -1;
            }
    static const struct { const char *sql; const char *what; } rules[] = {
        { "SELECT count(*) = 0 FROM articles", "holds no articles" },
        { "SELECT count(*) FROM articles WHERE title IS NULL OR trim(title) = ''",
          "article(s) without a title" },
        { "SELECT count(*) FROM articles WHERE body IS NULL OR trim(body) = ''",
          "article(s) without a body" },
        { "SELECT (SELECT count(*) FROM summaries WHERE article_id NOT IN (SELECT id FROM articles))"
          " + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles))"
          " + (SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles))"
          " + (SELECT count(*) FROM images WHERE article_id NOT IN (SELECT id FROM articles))",
          "row(s) pointing to no article" },
        { "SELECT count(*) FROM events WHERE (end_date IS NULL) != (end_precision IS NULL)"
          " OR (end_date IS NOT NULL AND (end_date <= date OR"
          " end_precision NOT IN ('year', 'month', 'day')))",
          "event(s) whose end is not after the start or lacks a valid precision" },
        { "SELECT count(*) FROM images WHERE width <= 0 OR height <= 0 OR length(bytes) = 0"
          " OR focus_x NOT BETWEEN 0 AND 1 OR focus_y NOT BETWEEN 0 AND 1",
          "picture(s) without pixels or with a focal point outside them" },
    };
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        long long n = 0;
        if (query_int(db, rules[i].sql, &n) != 0) {
            log_error("%s: %s", path, sqlite3_errmsg(db));
            return -1;
        }
        if (n) {
            if (i == 0) log_error("%s: %s", path, rules[i].what);
            else log_error("%s: %lld %s", path, n, rules[i].what);
            return -1;
        }
    }
    return 0;
}

static const char *col(sqlite3_stmt *st, int i) {
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "-";
}

/* Print the rows of sql (one ?1 = article id) with fmt per row. */
static void print_rows(sqlite3 *db, FILE *out, long long id, const char *head,
                       const char *sql, int kind) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return;
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++) fprintf(out, "  %s:\n", head);
        if (kind == 0) fprintf(out, "    %d. %s\n", n, col(st, 0));
        else if (kind == 1) {
            fprintf(out, "    \"%s\" (%s", col(st, 0), sqlite3_column_type(st, 1) == SQLITE_NULL
                    ? "speaker unknown" : col(st, 1));
            if (sqlite3_column_type(st, 2) != SQLITE_NULL) fprintf(out, "; %s", col(st, 2));
            fprintf(out, ") [%s]\n", col(st, 3));
            if (sqlite3_column_type(st, 4) != SQLITE_NULL)
                fprintf(out, "      in: %s\n", col(st, 4));
        }
        else if (kind == 3)
            fprintf(out, "    %s %sx%s %s, %s bytes, focus %.2f %.2f, from %s; credit %s; alt %s\n",
                    col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                    sqlite3_column_double(st, 5), sqlite3_column_double(st, 6), col(st, 7),
                    col(st, 8), col(st, 9));
        else fprintf(out, "    %-10s %-5s %s\n", col(st, 0), col(st, 1), col(st, 2));
    }
    if (!n) fprintf(out, "  %s: none\n", head);
    sqlite3_finalize(st);
}

static void print_db(sqlite3 *db, const char *path, FILE *out) {
    long long na = 0, ns = 0, nq = 0, ne = 0;
    query_int(db, "SELECT count(*) FROM articles", &na);
    query_int(db, "SELECT count(*) FROM summaries", &ns);
    query_int(db, "SELECT count(*) FROM quotes", &nq);
    query_int(db, "SELECT count(*) FROM events", &ne);
    sqlite3_stmt *st;
    fprintf(out, "%s: %lld articles, %lld summary sentences, %lld quotes, %lld events\n",
            path, na, ns, nq, ne);
    if (sqlite3_prepare_v2(db, "SELECT key, value FROM meta ORDER BY key", -1, &st, NULL)
        == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            fprintf(out, "  %s: %s\n", col(st, 0), col(st, 1));
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db, "SELECT id, slug, title, source, published, author, url, file,"
                           " words FROM articles ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        fprintf(out, "\n[%lld] %s\n", id, col(st, 1));
        fprintf(out, "  title:     %s\n  source:    %s\n  published: %s\n  author:    %s\n"
                "  url:       %s\n  file:      %s\n  words:     %lld\n",
                col(st, 2), col(st, 3), col(st, 4), col(st, 5), col(st, 6), col(st, 7),
                (long long)sqlite3_column_int64(st, 8));
        print_rows(db, out, id, "summary", "SELECT text FROM summaries WHERE article_id = ?1"
                   " ORDER BY position", 0);
        print_rows(db, out, id, "quotes", "SELECT text, speaker, role, kind, context FROM quotes WHERE"
                   " article_id = ?1 ORDER BY position", 1);
        print_rows(db, out, id, "events", "SELECT date || coalesce('..' || end_date, ''),"
                   " precision, text FROM events WHERE article_id = ?1 ORDER BY position", 2);
        print_rows(db, out, id, "pictures", "SELECT role, width, height, format, length(bytes),"
                   " focus_x, focus_y, file, credit, alt FROM images WHERE article_id = ?1"
                   " ORDER BY position", 3);
    }
    sqlite3_finalize(st);
}

int corpus_db_check(const char *path, FILE *out) {
    struct stat sb;
    if (stat(path, &sb) != 0) {
        log_error("%s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        log_error("%s: not a regular file", path);
        return -1;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        log_error("%s: cannot open: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -1;
    }
    int rc = check_valid(db, path);
    if (rc == 0 && out) print_db(db, path, out);
    sqlite3_close(db);
    return rc;
}
