/*
** src/app/store.h: read-only access to the corpus database.
**
** The database is written by vitrine-corpus (schema and user_version in
** src/corpus/corpus_db.c); the app opens it with SQLITE_OPEN_READONLY and
** never writes. Schema version 2 (version 1 files are read too: the
** columns version 2 added read as NULL, every event is a point):
**
**   articles(id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, title TEXT NOT NULL,
**            source TEXT, author TEXT, published TEXT, url TEXT, body TEXT NOT NULL,
**            words INTEGER NOT NULL, file TEXT)
**   summaries(article_id, position, text)
**   quotes(id, article_id, position, text, speaker, role, kind 'whole'|'partial',
**          context)                       role, kind, context: version 2
**   events(id, article_id, date 'YYYY'|'YYYY-MM'|'YYYY-MM-DD',
**          precision 'year'|'month'|'day', text, position,
**          end_date, end_precision)    a range's end, NULL for a point (v2)
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

#define STORE_USER_VERSION     3   /* the newest schema read */
#define STORE_USER_VERSION_MIN 1   /* the oldest schema read */

typedef enum store_err {
    STORE_OK = 0,
    STORE_EMISSING,     /* no such file */
    STORE_ENOTDB,       /* not an SQLite database, or unreadable */
    STORE_EVERSION,     /* PRAGMA user_version outside STORE_USER_VERSION_MIN..STORE_USER_VERSION */
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
    int position;                               /* within its article */
    char *text, *speaker;                       /* speaker may be NULL */
    char *role;                                 /* speaker's role; NULL if none */
    char *context;      /* partial quote: the reporter's sentence holding text
                        ** (its quoted words in “ ”); NULL for a whole quote */
    int partial;                                /* 1: text is a fragment of context */
} store_quote;

typedef struct store_event {
    long long article_id;
    int position;                               /* within its article */
    int article;        /* its article's index in store_articles order, -1 if
                        ** none (and always -1 from store_article_get) */
    char *date, *precision, *text;
    char *end_date, *end_precision;     /* a range's end; both NULL for a point */
} store_event;

typedef struct store_counts { size_t articles, quotes, events; } store_counts;

typedef struct store_list { void *v; size_t n; } store_list;  /* v: array of the row type */

typedef struct store_article {
    store_article_row head;
    char *body;
    char *url;                                  /* where it was published; NULL if unknown */
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

/* The corpus can be large (bench: 10,000 articles): screens ask for the
** counts and for the rows they show, never for everything. Three orders,
** the indexes every screen and ui_state use:
**   articles  newest first (published DESC, undated last, then id)
**   quotes    article id, then position
**   events    date, then article id, position
** A *_range call returns rows [first, first + n) of its order (fewer at the
** end; n = STORE_ALL for the rest). Each is one indexed query: cost follows
** n and first, not the corpus size, except where noted. */
#define STORE_ALL ((size_t)-1)

store_err store_count(store *s, store_counts *out);

/* rows: store_article_row. */
store_err store_articles_range(store *s, size_t first, size_t n, store_list *rows);
void store_articles_free(store_list *rows);
/* The article with this id: its index in article order (counting the rows
** before it: one scan of the articles table, no sort) and, if row is not
** NULL, its head row (free with store_article_row_free). */
store_err store_article_find(store *s, long long id, size_t *index, store_article_row *row);
void store_article_row_free(store_article_row *r);

/* One article by id with its summary, quotes and events. */
store_err store_article_get(store *s, long long id, store_article *out);
/* The first summary sentence of article id into *out (owned; NULL when it
** has none). */
store_err store_summary_lead(store *s, long long id, char **out);

/* Article id's strongest quote for its cover: a whole quote, attributed if
** one is, about a line and a half long (90 characters) rather than a
** fragment or a paragraph. *text and *speaker owned; NULL when none. */
store_err store_quote_strongest(store *s, long long id, char **text, char **speaker);

/* An article's lead picture (schema 3's images table), still encoded: the
** app decodes it at prepare (app/picture.h). */
typedef struct store_image {
    unsigned char *bytes;       /* owned; NULL when the article has none */
    size_t n;
    float focus_x, focus_y;     /* focal point, clamped to 0..1 */
    char *credit, *alt;         /* owned; NULL when not given */
} store_image;
/* The lead picture of article id into *out, for a place px pixels on its
** long side: its thumb rendition when that has px (cards, columns), else
** the picture itself (px 0: always). STORE_OK with out->bytes NULL when it
** has none, the file has no images table, or the picture is over
** STORE_IMAGE_MAX bytes (logged). */
#define STORE_IMAGE_MAX (8u << 20)
store_err store_image_lead(store *s, long long id, int px, store_image *out);
/* The article's k-th further picture (0..; the gallery after the lead:
** corpus roles 'more' / 'more_thumb'), the same way: out->bytes NULL when
** it has no such picture. */
store_err store_image_more(store *s, long long id, int k, int px, store_image *out);
/* How many further pictures article id has (0 on any error or an older file). */
int store_image_more_count(store *s, long long id);
void store_image_free(store_image *im);
void store_article_free(store_article *a);

/* rows: store_quote. */
store_err store_quotes_range(store *s, size_t first, size_t n, store_list *rows);
void store_quotes_free(store_list *rows);
/* Index in quote order of the quote at (article_id, position). */
store_err store_quote_index(store *s, long long article_id, int position, size_t *index);

/* rows: store_event, with .article filled in (the join sorts the articles
** once per call: a few ms on 10,000). */
store_err store_events_range(store *s, size_t first, size_t n, store_list *rows);
void store_events_free(store_list *rows);
/* Index in event order of e (its date, article_id and position). */
store_err store_event_index(store *s, const store_event *e, size_t *index);
/* The dates of the first and last event ("" when there is none) and the
** months that have events ("YYYY-MM", ascending, at most max of them,
** spread evenly when there are more): the slideshow's time strip. One scan
** of the date index. */
typedef struct store_span { char first[11], last[11]; char (*months)[8]; size_t nmonths; } store_span;
store_err store_event_span(store *s, size_t max, store_span *out);

/* What the exhibit holds, for its opening slide: articles, distinct named
** speakers, events, and the years its events span (else its articles'
** dates; 0 when none is dated). */
typedef struct store_overview { size_t articles, voices, events; int year0, year1; } store_overview;
store_err store_overview_get(store *s, store_overview *out);
void store_event_span_free(store_span *sp);

#endif
