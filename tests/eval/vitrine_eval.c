/*
** tests/eval/vitrine_eval.c: `make eval`'s scorer. Compares the databases
** that `vitrine-corpus build` wrote from the development pages with what a
** careful reader takes from them (expected.txt, expected.meta,
** boilerplate.txt), as ../shared/webpages-dev/README.md defines it, and
** prints a table per input kind, the issue's targets and a summary line.
**
**   vitrine-eval --pages DIR [--floors FILE] [--detail PAGE|all] KIND=DB...
**
** KIND is the extension the pages were copied under (txt, html): the page
** NAME is the article whose stored file name is NAME.KIND. A DB that is
** missing or unreadable (the build refused the folder) leaves every page of
** that kind missing: counted as 0, never a crash. With --floors, each line
** "KIND FIGURE OP BOUND" (OP >= or <=) is checked against the figures; the
** last line is then "floors: N passed, N failed" and the exit status 1 when
** one failed. Exit 2 on a usage error or an unreadable pages folder.
**
** Figures of a kind (the names used by the summary line and by floors):
**   pages, missing            pages evaluated, pages with no article stored
**   title                     share of pages whose title is exact
**   author                    share of the pages that name an author whose
**                             stored author is right (missing pages count)
**   author_na_stored          pages naming no author where one was stored
**   p, r, f1                  mean over pages of the content precision,
**                             recall and F1 (a missing page counts 0)
**   leaks_per_page, leaks_max boilerplate lines in body or summaries, mean
**                             over the pages present, and the worst page
**   summary_leak_pages        pages with a boilerplate line in a summary
*/
#include "eval_metrics.h"
#include "corpus/corpus.h"   /* corpus_event_standalone: the rules events keep */

#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>    /* reading the built databases */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EVAL_MAX_KINDS 4

/* The issue's targets, per kind (issue 11, "Targets"). */
static const struct {
    const char *kind;
    double title, author, f1, recall, leaks_per_page, summary_leak_pages;
} eval_targets[] = {
    /* kind    title  author  F1    recall  leaks/page  summary-leak pages */
    { "txt",   0.90,  0.80,   0.93, 0.95,   1.0,        0 },
    { "html",  0.95,  0.90,   0.93, 0.95,   1.0,        0 },
};

/* One page's result. */
typedef struct eval_page {
    char *name;                 /* folder name */
    int present;                /* an article was stored for it */
    int title_ok;
    int author_ok;              /* 1, 0, or -1: the page names no author */
    int author_na_stored;       /* names none, yet one was stored */
    eval_content c;
    int leaks;                  /* boilerplate lines in body or summaries */
    int summary_leak;           /* one of them in a summary */
} eval_page;

/* Figures of one kind, by name (see the header). */
static const char *const eval_figure_names[] = {
    "pages", "missing", "title", "author", "author_na_stored", "p", "r", "f1",
    "leaks_per_page", "leaks_max", "summary_leak_pages", "events", "events_bad",
};
enum { F_PAGES, F_MISSING, F_TITLE, F_AUTHOR, F_AUTHOR_NA, F_P, F_R, F_F1,
       F_LEAKS, F_LEAKS_MAX, F_SUMLEAK, F_EVENTS, F_EVENTS_BAD, F_COUNT };

typedef struct eval_kind {
    const char *name;           /* "txt" (borrowed from argv) */
    const char *db;             /* path (borrowed from argv) */
    double fig[F_COUNT];
} eval_kind;

/* ---- files ------------------------------------------------------------------ */

/* Whole file as a string (malloc'ed), NULL when unreadable. */
static char *eval_read(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    while (s) {
        if (n + 1 >= cap) {
            char *g = realloc(s, cap * 2);
            if (!g) { free(s); s = NULL; break; }
            s = g;
            cap *= 2;
        }
        size_t k = fread(s + n, 1, cap - n - 1, f);
        n += k;
        if (k == 0) break;
    }
    if (s && ferror(f)) { free(s); s = NULL; }
    fclose(f);
    if (s) s[n] = '\0';
    return s;
}

static char *eval_path(const char *dir, const char *name, const char *file) {
    size_t len = strlen(dir) + strlen(name) + strlen(file) + 3;
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s/%s/%s", dir, name, file);
    return p;
}

static int eval_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The page folders of dir (those with an expected.txt), sorted. */
static int eval_list_pages(const char *dir, eval_strv *out) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *p = eval_path(dir, e->d_name, "expected.txt");
        struct stat st;
        int ok = p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
        free(p);
        if (ok && eval_strv_push(out, e->d_name, strlen(e->d_name))) { closedir(d); return -1; }
    }
    closedir(d);
    if (out->n) qsort(out->v, out->n, sizeof *out->v, eval_cmp);
    return 0;
}

/* ---- one page --------------------------------------------------------------- */

/* The stored article of a page: owned copies, NULL when none. */
typedef struct eval_article {
    char *title, *author, *body, *summary;   /* summary: sentences, one a line */
} eval_article;

static void eval_article_free(eval_article *a) {
    free(a->title); free(a->author); free(a->body); free(a->summary);
    memset(a, 0, sizeof *a);
}

static char *eval_col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

/* Loads the first article stored from file; 1 found, 0 none, -1 error. */
static int eval_load(sqlite3 *db, const char *file, eval_article *a) {
    memset(a, 0, sizeof *a);
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db, "SELECT title, author, body,"
            " (SELECT group_concat(text, char(10)) FROM (SELECT text FROM summaries s"
            "   WHERE s.article_id = a.id ORDER BY position))"
            " FROM articles a WHERE file = ? ORDER BY id LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        goto done;
    sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_DONE) { rc = 0; goto done; }
    if (step != SQLITE_ROW) goto done;
    a->title = eval_col(st, 0);
    a->author = eval_col(st, 1);
    a->body = eval_col(st, 2);
    a->summary = eval_col(st, 3);
    if (!a->body) a->body = strdup("");
    if (!a->summary) a->summary = strdup("");
    rc = a->body && a->summary ? 1 : -1;
done:
    if (rc < 0) fprintf(stderr, "vitrine-eval: %s: %s\n", file, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

static void eval_list(FILE *out, const char *what, const eval_strv *sv) {
    for (size_t i = 0; i < sv->n; i++) fprintf(out, "      %s: %s\n", what, sv->v[i]);
}

/* Scores one page of a kind; when detail is not NULL, what was missed is
 * written to it. 0 / -1. */
static int eval_page_score(sqlite3 *db, const char *pages, const char *kind, eval_page *pg,
                           FILE *detail) {
    char *exp_txt = NULL, *meta_txt = NULL, *bp_txt = NULL, *p, *file = NULL;
    char *body_norm = NULL, *sum_norm = NULL;
    eval_expected exp = { 0 };
    eval_meta meta = { 0 };
    eval_article a = { 0 };
    eval_strv missed = { 0 }, extra = { 0 }, sum_sent = { 0 };
    int rc = -1;

    p = eval_path(pages, pg->name, "expected.txt"); exp_txt = p ? eval_read(p) : NULL; free(p);
    p = eval_path(pages, pg->name, "expected.meta"); meta_txt = p ? eval_read(p) : NULL; free(p);
    p = eval_path(pages, pg->name, "boilerplate.txt"); bp_txt = p ? eval_read(p) : NULL; free(p);
    if (!exp_txt) { fprintf(stderr, "vitrine-eval: %s/%s/expected.txt: unreadable\n", pages, pg->name); goto done; }
    if (eval_expected_parse(exp_txt, &exp) || eval_meta_parse(meta_txt ? meta_txt : "", &meta))
        goto done;
    size_t flen = strlen(pg->name) + strlen(kind) + 2;
    if (!(file = malloc(flen))) goto done;
    snprintf(file, flen, "%s.%s", pg->name, kind);

    int found = db ? eval_load(db, file, &a) : 0;
    if (found < 0) goto done;
    pg->author_ok = eval_author_ok(NULL, meta.author) < 0 ? -1 : 0;
    if (!found) { rc = 0; goto done; }
    pg->present = 1;
    pg->title_ok = eval_title_ok(a.title, &meta);
    pg->author_ok = eval_author_ok(a.author, meta.author);
    pg->author_na_stored = pg->author_ok < 0 && a.author && *a.author;
    if (eval_content_score(a.body, &exp, &pg->c, detail ? &missed : NULL, detail ? &extra : NULL))
        goto done;
    if (detail) {
        fprintf(detail, "      title: \"%s\"%s\n", a.title ? a.title : "",
               pg->title_ok ? "" : " (wrong)");
        for (size_t i = 0; i < meta.ntitles; i++) fprintf(detail, "      expected title: \"%s\"\n", meta.titles[i]);
        fprintf(detail, "      author: \"%s\" (expected \"%s\")\n", a.author ? a.author : "", meta.author);
        eval_list(detail, "missed", &missed);
        eval_list(detail, "extra", &extra);
    }
    body_norm = eval_norm_lines(a.body);
    sum_norm = eval_norm(a.summary);
    if (!body_norm || !sum_norm || eval_sentences(a.summary, EVAL_SENTENCE_WORDS, &sum_sent))
        goto done;
    for (const char *l = bp_txt ? bp_txt : ""; *l;) {
        const char *eol = strchr(l, '\n');
        if (!eol) eol = l + strlen(l);
        char *line = strndup(l, (size_t)(eol - l));
        if (!line) goto done;
        int in_body = eval_leak(body_norm, line);
        int in_sum = eval_summary_leak(line, sum_norm, &sum_sent, &exp);
        if (in_body || in_sum) {
            pg->leaks++;
            if (in_sum) pg->summary_leak = 1;
            if (detail) fprintf(detail, "      leak%s: %s\n", in_sum ? " (summary)" : "", line);
        }
        free(line);
        l = *eol ? eol + 1 : eol;
    }
    rc = 0;
done:
    free(exp_txt); free(meta_txt); free(bp_txt); free(file);
    free(body_norm); free(sum_norm);
    eval_expected_free(&exp);
    eval_meta_free(&meta);
    eval_article_free(&a);
    eval_strv_free(&missed); eval_strv_free(&extra);
    eval_strv_free(&sum_sent);
    return rc;
}

/* ---- one kind --------------------------------------------------------------- */

static void eval_row(const eval_page *pg) {
    char author[24];
    if (pg->author_ok < 0) snprintf(author, sizeof author, "%s", pg->author_na_stored ? "n/a*" : "n/a");
    else snprintf(author, sizeof author, "%s", pg->author_ok ? "ok" : "wrong");
    if (!pg->present) {
        printf("  %-32s %-6s %-6s %5.2f %5.2f %5.2f %6d %-7s MISSING\n", pg->name, "-",
               pg->author_ok < 0 ? "n/a" : "-", 0.0, 0.0, 0.0, 0, "-");
        return;
    }
    printf("  %-32s %-6s %-6s %5.2f %5.2f %5.2f %6d %-7s (%zu/%zu expected, %zu/%zu extracted)\n",
           pg->name, pg->title_ok ? "ok" : "wrong", author, pg->c.p, pg->c.r, pg->c.f1, pg->leaks,
           pg->summary_leak ? "LEAK" : "-", pg->c.recalled, pg->c.expected, pg->c.precise,
           pg->c.extracted);
}

static const char *eval_mark(int ok) { return ok ? "ok" : "MISSED"; }

static void eval_print_targets(const eval_kind *k) {
    const double *f = k->fig;
    for (size_t i = 0; i < sizeof eval_targets / sizeof *eval_targets; i++) {
        if (strcmp(eval_targets[i].kind, k->name) != 0) continue;
        printf("targets %s (issue 11):\n", k->name);
        printf("  %-30s %6.0f%%  >= %3.0f%%   %s\n", "title exact", f[F_TITLE] * 100,
               eval_targets[i].title * 100, eval_mark(f[F_TITLE] >= eval_targets[i].title));
        printf("  %-30s %6.0f%%  >= %3.0f%%   %s\n", "author right", f[F_AUTHOR] * 100,
               eval_targets[i].author * 100, eval_mark(f[F_AUTHOR] >= eval_targets[i].author));
        printf("  %-30s %7.2f  >= %4.2f   %s\n", "content F1", f[F_F1], eval_targets[i].f1,
               eval_mark(f[F_F1] >= eval_targets[i].f1));
        printf("  %-30s %7.2f  >= %4.2f   %s\n", "content recall", f[F_R], eval_targets[i].recall,
               eval_mark(f[F_R] >= eval_targets[i].recall));
        printf("  %-30s %7.2f  <= %4.0f   %s\n", "leaked boilerplate lines/page", f[F_LEAKS],
               eval_targets[i].leaks_per_page,
               eval_mark(f[F_LEAKS] <= eval_targets[i].leaks_per_page && f[F_MISSING] < f[F_PAGES]));
        printf("  %-30s %7.0f  <= %4.0f   %s\n", "pages with a summary leak", f[F_SUMLEAK],
               eval_targets[i].summary_leak_pages,
               eval_mark(f[F_SUMLEAK] <= eval_targets[i].summary_leak_pages && f[F_MISSING] < f[F_PAGES]));
        if (f[F_MISSING] > 0)
            printf("  %-30s %7.0f  <=    0   MISSED\n", "pages missing", f[F_MISSING]);
    }
}

/* ---- events ------------------------------------------------------------- */

static int eval_days_in(int y, int m) {
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

/* 1 if iso is a real date of the given precision ("YYYY", "YYYY-MM",
** "YYYY-MM-DD" for year, month, day) from year 1 on. */
static int eval_date_ok(const char *iso, const char *prec) {
    int y = 0, m = 0, d = 0, n = 0;
    if (!iso || !prec) return 0;
    size_t len = strlen(iso);
    if (strcmp(prec, "year") == 0) n = len == 4 && sscanf(iso, "%4d", &y) == 1;
    else if (strcmp(prec, "month") == 0) n = len == 7 && sscanf(iso, "%4d-%2d", &y, &m) == 2;
    else if (strcmp(prec, "day") == 0) n = len == 10 && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3;
    if (!n || y < 1) return 0;
    if (m && (m < 1 || m > 12)) return 0;
    if (d && (d < 1 || d > eval_days_in(y, m))) return 0;
    return 1;
}

/* Checks every event of db: counts into *n and *bad; each bad one is
** described on out when out is not NULL. -1 when db has no events table. */
static int eval_events(sqlite3 *db, int *n, int *bad, FILE *out) {
    sqlite3_stmt *st;
    *n = *bad = 0;
    int ends = sqlite3_prepare_v2(db, "SELECT end_date FROM events LIMIT 0", -1, &st, NULL)
               == SQLITE_OK;
    sqlite3_finalize(st);
    const char *sql = ends
        ? "SELECT a.file, e.date, e.precision, e.end_date, e.end_precision, e.text FROM events e"
          " JOIN articles a ON a.id = e.article_id ORDER BY e.article_id, e.position"
        : "SELECT a.file, e.date, e.precision, NULL, NULL, e.text FROM events e"
          " JOIN articles a ON a.id = e.article_id ORDER BY e.article_id, e.position";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *file = (const char *)sqlite3_column_text(st, 0);
        const char *date = (const char *)sqlite3_column_text(st, 1);
        const char *prec = (const char *)sqlite3_column_text(st, 2);
        const char *end = (const char *)sqlite3_column_text(st, 3);
        const char *eprec = (const char *)sqlite3_column_text(st, 4);
        const char *text = (const char *)sqlite3_column_text(st, 5);
        const char *why = NULL;
        (*n)++;
        if (!eval_date_ok(date, prec)) why = "impossible date";
        else if (end && (!eval_date_ok(end, eprec) || strcmp(end, date) < 0))
            why = "impossible range";
        else if (!text || !corpus_event_standalone(text, &why))
            why = why ? why : "no text";
        if (!why) continue;
        (*bad)++;
        if (out)
            fprintf(out, "    event %s %s%s%s: %s: \"%s\"\n", file ? file : "?", date ? date : "?",
                    end ? ".." : "", end ? end : "", why, text ? text : "");
    }
    sqlite3_finalize(st);
    return 0;
}

/* --events DB: 0 when every event keeps the rules, 1 when one does not, 2
** when DB cannot be read. */
static int eval_events_only(const char *path) {
    sqlite3 *db = NULL;
    int n = 0, bad = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
        || eval_events(db, &n, &bad, stdout) != 0) {
        fprintf(stderr, "vitrine-eval: %s: %s\n", path, db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return 2;
    }
    sqlite3_close(db);
    printf("events: %d checked, %d bad\n", n, bad);
    return bad ? 1 : 0;
}

/* Builds one kind's table and figures. 0 / -1. */
static int eval_kind_run(const char *pages, const eval_strv *names, eval_kind *k,
                         const char *detail) {
    sqlite3 *db = NULL;
    struct stat st;
    if (stat(k->db, &st) == 0
        && sqlite3_open_v2(k->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "vitrine-eval: %s: %s (every %s page counts as missing)\n", k->db,
                db ? sqlite3_errmsg(db) : "cannot open", k->name);
        sqlite3_close(db);
        db = NULL;
    } else if (!db) {
        printf("(%s: no database: the build stored nothing; every %s page counts as missing)\n",
               k->db, k->name);
    }
    sqlite3_stmt *probe = NULL;
    if (db && sqlite3_prepare_v2(db, "SELECT title, author, body, file FROM articles, summaries"
                                 " LIMIT 0", -1, &probe, NULL) != SQLITE_OK) {
        printf("(%s: not a Vitrine database: %s; every %s page counts as missing)\n", k->db,
               sqlite3_errmsg(db), k->name);
        sqlite3_close(db);
        db = NULL;
    }
    sqlite3_finalize(probe);
    printf("== %s: %zu pages\n", k->name, names->n);
    printf("  %-32s %-6s %-6s %5s %5s %5s %6s %-7s\n", "page", "title", "author", "P", "R", "F1",
           "leaks", "summary");
    int npages = 0, missing = 0, titles = 0, authors = 0, author_pages = 0, na_stored = 0;
    int leaks = 0, leaks_max = 0, sumleak = 0;
    double sp = 0, sr = 0, sf = 0;
    int rc = 0;
    for (size_t i = 0; i < names->n; i++) {
        eval_page pg;
        memset(&pg, 0, sizeof pg);
        pg.name = names->v[i];
        char *det_text = NULL;
        size_t det_len = 0;
        FILE *det = detail && (strcmp(detail, "all") == 0 || strcmp(detail, pg.name) == 0)
                    ? open_memstream(&det_text, &det_len) : NULL;
        int bad = eval_page_score(db, pages, k->name, &pg, det);
        if (det) fclose(det);
        if (!bad) eval_row(&pg);
        if (!bad && det_text) fputs(det_text, stdout);
        free(det_text);
        if (bad) { rc = -1; break; }
        npages++;
        missing += !pg.present;
        titles += pg.title_ok;
        if (pg.author_ok >= 0) { author_pages++; authors += pg.author_ok; }
        na_stored += pg.author_na_stored;
        leaks += pg.leaks;
        if (pg.leaks > leaks_max) leaks_max = pg.leaks;
        sumleak += pg.summary_leak;
        sp += pg.c.p; sr += pg.c.r; sf += pg.c.f1;
    }
    int nev = 0, evbad = 0;
    if (db) {
        FILE *det = detail ? stdout : NULL;
        if (det) printf("  events that break the rules:\n");
        eval_events(db, &nev, &evbad, det);
    }
    sqlite3_close(db);
    double *f = k->fig;
    int present = npages - missing;
    f[F_PAGES] = npages;
    f[F_MISSING] = missing;
    f[F_TITLE] = npages ? (double)titles / npages : 0;
    f[F_AUTHOR] = author_pages ? (double)authors / author_pages : 0;
    f[F_AUTHOR_NA] = na_stored;
    f[F_P] = npages ? sp / npages : 0;
    f[F_R] = npages ? sr / npages : 0;
    f[F_F1] = npages ? sf / npages : 0;
    f[F_LEAKS] = present ? (double)leaks / present : 0;
    f[F_LEAKS_MAX] = leaks_max;
    f[F_SUMLEAK] = sumleak;
    f[F_EVENTS] = nev;
    f[F_EVENTS_BAD] = evbad;
    printf("  %-32s %-6s %-6s %5.2f %5.2f %5.2f %6d %-7d\n", "TOTAL (mean over pages)", "", "",
           f[F_P], f[F_R], f[F_F1], leaks, sumleak);
    printf("total %s: title %d/%d (%.0f%%), author %d/%d (%.0f%%; %d stored where the page names "
           "none), P %.2f R %.2f F1 %.2f, leaked lines %d (%.2f a page, worst %d), pages with a "
           "summary leak %d, missing %d\n", k->name, titles, npages, f[F_TITLE] * 100, authors,
           author_pages, f[F_AUTHOR] * 100, na_stored, f[F_P], f[F_R], f[F_F1], leaks, f[F_LEAKS],
           leaks_max, sumleak, missing);
    printf("events %s: %d stored, %d break the rules (standalone text, real date)\n", k->name,
           nev, evbad);
    eval_print_targets(k);
    return rc;
}

static void eval_summary_line(const eval_kind *k) {
    const double *f = k->fig;
    printf("eval %s pages=%.0f missing=%.0f title=%.2f author=%.2f author_na_stored=%.0f p=%.2f "
           "r=%.2f f1=%.2f leaks_per_page=%.2f leaks_max=%.0f summary_leak_pages=%.0f events=%.0f events_bad=%.0f\n",
           k->name, f[F_PAGES], f[F_MISSING], f[F_TITLE], f[F_AUTHOR], f[F_AUTHOR_NA], f[F_P],
           f[F_R], f[F_F1], f[F_LEAKS], f[F_LEAKS_MAX], f[F_SUMLEAK], f[F_EVENTS], f[F_EVENTS_BAD]);
}

/* ---- floors ----------------------------------------------------------------- */

/* Checks every "KIND FIGURE OP BOUND" line of path; returns failures (a
 * malformed line, an unknown kind or figure count as one). */
static int eval_floors(const char *path, const eval_kind *kinds, int nkinds) {
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "vitrine-eval: %s: %s\n", path, strerror(errno)); printf("floors: 0 passed, 1 failed\n"); return 1; }
    char line[256];
    int pass = 0, fail = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char kind[32], fig[48], op[4];
        double bound;
        char *h = strchr(line, '#');
        if (h) *h = '\0';
        if (strspn(line, " \t\r\n") == strlen(line)) continue;
        if (sscanf(line, "%31s %47s %3s %lf", kind, fig, op, &bound) != 4
            || (strcmp(op, ">=") != 0 && strcmp(op, "<=") != 0)) {
            printf("floor %s:%d: FAIL: want \"KIND FIGURE >=|<= BOUND\"\n", path, lineno);
            fail++;
            continue;
        }
        const eval_kind *k = NULL;
        for (int i = 0; i < nkinds; i++) if (strcmp(kinds[i].name, kind) == 0) k = &kinds[i];
        int fi = -1;
        for (int i = 0; i < F_COUNT; i++) if (strcmp(eval_figure_names[i], fig) == 0) fi = i;
        if (!k || fi < 0) {
            printf("floor %s:%d: FAIL: %s %s not measured\n", path, lineno, kind, fig);
            fail++;
            continue;
        }
        /* Figures are printed with 2 decimals: compare what is printed. */
        double v = k->fig[fi];
        double vr = (double)(long long)(v * 100 + 0.5) / 100;
        int ok = op[0] == '>' ? vr >= bound - 1e-9 : vr <= bound + 1e-9;
        printf("floor %-5s %-20s %7.2f %s %7.2f  %s\n", kind, fig, v, op, bound, ok ? "ok" : "FAIL");
        if (ok) pass++; else fail++;
    }
    fclose(f);
    printf("floors: %d passed, %d failed\n", pass, fail);
    return fail;
}

/* ---- main ------------------------------------------------------------------- */

static int eval_usage(void) {
    fprintf(stderr, "usage: vitrine-eval --pages DIR [--floors FILE] [--detail PAGE|all] KIND=DB...\n");
    return 2;
}

int main(int argc, char **argv) {
    const char *pages = NULL, *floors = NULL, *detail = NULL;
    eval_kind kinds[EVAL_MAX_KINDS];
    int nkinds = 0;
    memset(kinds, 0, sizeof kinds);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--pages") == 0 && i + 1 < argc) pages = argv[++i];
        else if (strcmp(argv[i], "--floors") == 0 && i + 1 < argc) floors = argv[++i];
        else if (strcmp(argv[i], "--detail") == 0 && i + 1 < argc) detail = argv[++i];
        else if (strcmp(argv[i], "--events") == 0 && i + 1 < argc) return eval_events_only(argv[++i]);
        else if (argv[i][0] != '-' && strchr(argv[i], '=') && nkinds < EVAL_MAX_KINDS) {
            char *eq = strchr(argv[i], '=');
            *eq = '\0';
            kinds[nkinds].name = argv[i];
            kinds[nkinds].db = eq + 1;
            nkinds++;
        } else return eval_usage();
    }
    if (!pages || !nkinds) return eval_usage();
    eval_strv names = { 0 };
    if (eval_list_pages(pages, &names) || names.n == 0) {
        fprintf(stderr, "vitrine-eval: %s: no page folders with an expected.txt\n", pages);
        eval_strv_free(&names);
        return 2;
    }
    int rc = 0;
    for (int i = 0; i < nkinds && rc == 0; i++) {
        if (eval_kind_run(pages, &names, &kinds[i], detail)) rc = 2;
        printf("\n");
    }
    eval_strv_free(&names);
    if (rc) return rc;
    for (int i = 0; i < nkinds; i++) eval_summary_line(&kinds[i]);
    if (floors && eval_floors(floors, kinds, nkinds)) return 1;
    return 0;
}
