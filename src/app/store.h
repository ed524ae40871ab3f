/*
** src/app/store.h: read-only access to the corpus database.
**
** The database is written by vitrine-corpus (schema and user_version in
** src/corpus/corpus_db.c); the app opens it with SQLITE_OPEN_READONLY and
** never writes. Schema version 1:
**
**   articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, title TEXT NOT NULL,
**            source TEXT, author TEXT, published TEXT, url TEXT, body TEXT NOT NULL,
**            words INTEGER NOT NULL, file TEXT)
**   summaries(article_id, position, text)
**   quotes(id, article_id, position, text, speaker)
**   events(id, article_id, date 'YYYY'|'YYYY-MM'|'YYYY-MM-DD',
**          precision 'year'|'month'|'day', text, position)
**
** The file may change under an open store (a content update rewriting it in
** place, a truncated copy): queries then fail with STORE_EQUERY (logged),
** never crash; memory-mapped I/O is off so a truncated file cannot SIGBUS.
**
** Loads happen when a screen is prepared, never per frame. Every string in
** the structs below is an owned copy (sqlite3_column_text dies at the next
** step); NULL columns become NULL (optional fields) or "" (required ones).
** Free each result with its *_free function.
*/
#ifndef VITRINE_STORE_H
#define VITRINE_STORE_H

#include <stddef.h>

#define STORE_USER_VERSION 1

typedef enum store_err {
    STORE_OK = 0,
    STORE_EMISSING,     /* no such file */
    STORE_ENOTDB,       /* not an SQLite database, or unreadable */
    STORE_EVERSION,     /* PRAGMA user_version is not STORE_USER_VERSION */
    STORE_ESCHEMA,      /* a required table is missing */
    STORE_EQUERY,       /* a query failed */
} store_err;

typedef struct store store;     /* opaque */

typedef struct store_article_row {
    long long id;
    char *title, *source, *published, *author;  /* source/published/author may be NULL */
} store_article_row;

typedef struct store_quote {
    long long article_id;
    char *text, *speaker;                       /* speaker may be NULL */
} store_quote;

typedef struct store_event {
    long long article_id;
    char *date, *precision, *text;
} store_event;

typedef struct store_list { void *v; size_t n; } store_list;  /* v: array of the row type */

typedef struct store_article {
    store_article_row head;
    char *body;
    char **summary; size_t nsummary;            /* by position */
    store_quote *quotes; size_t nquotes;        /* by position */
    store_event *events; size_t nevents;        /* by position */
} store_article;

/* Open path read-only and check the version and tables. NULL on failure,
** with *err set and msg (if not NULL) filled with a human-readable reason. */
store *store_open(const char *path, store_err *err, char *msg, size_t msglen);
void store_close(store *s);                     /* NULL-safe */
/* The deeper check before a new file replaces the content on show (live
** updates, app.c): PRAGMA quick_check, then every list query must run.
** STORE_OK, or STORE_ENOTDB / STORE_EQUERY with a reason in msg. Reads the
** whole file once: a few ms for a corpus of a few MB. */
store_err store_check(store *s, char *msg, size_t msglen);
const char *store_err_str(store_err e);

/* All articles, newest first (published DESC, then id). rows: store_article_row. */
store_err store_articles(store *s, store_list *rows);
void store_articles_free(store_list *rows);

/* One article by id with its summary, quotes and events. */
store_err store_article_get(store *s, long long id, store_article *out);
void store_article_free(store_article *a);

/* All quotes (article order, then position). rows: store_quote. */
store_err store_quotes(store *s, store_list *rows);
void store_quotes_free(store_list *rows);

/* All events ordered by date (then article, position). rows: store_event. */
store_err store_events(store *s, store_list *rows);
void store_events_free(store_list *rows);

#endif
