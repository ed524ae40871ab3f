/*
** src/stats/main.c: vitrine-stats, the visitor statistics report (issue 15).
**
**   vitrine-stats STATS.db [--content CORPUS.db] [--csv] [--html OUT.html]
**
** Reads the file the app writes (schema in src/app/stats.h) read-only and
** prints sessions per day and per hour of the day (local time), the median
** session length, the most opened articles, quotes and events, and the
** slideshow slides that drew a touch: as a table, or as CSV (--csv), and as
** an HTML report with its charts drawn here as inline SVG (--html; no script,
** no network). --content names items by the corpus database they were shown
** from (indexes: store.h's orders); without it items are numbers.
** Exit status: 0 ok, 1 unreadable file, 2 bad arguments.
*/
#include "app/store.h"
#include "common/util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_N    10         /* rows of each "most opened" list */
#define MAX_ROWS 400        /* days shown (the newest) */
#define LABEL_MAX 120       /* bytes of an item's name */

typedef struct row { char key[LABEL_MAX]; long n; long extra; } row;
typedef struct table { row *v; int n; } table;

static const struct { const char *title, *sql; } lists[] = {
    {"Most opened articles",
     "SELECT item, count(*), sum(dwell) FROM views WHERE screen = 2 AND item >= 0"
     " GROUP BY item ORDER BY 2 DESC, item LIMIT 10"},
    {"Most opened quotes",
     "SELECT item, count(*), sum(dwell) FROM views WHERE screen = 4 AND item >= 0"
     " GROUP BY item ORDER BY 2 DESC, item LIMIT 10"},
    {"Most opened events",
     "SELECT item, count(*), sum(dwell) FROM views WHERE screen = 5 AND item >= 0"
     " GROUP BY item ORDER BY 2 DESC, item LIMIT 10"},
    {"Slides that drew a touch",
     "SELECT kind * 1000000 + item, count(*), 0 FROM touches GROUP BY kind, item"
     " ORDER BY 2 DESC, 1 LIMIT 10"},
};
enum { L_ARTICLES, L_QUOTES, L_EVENTS, L_TOUCHES, L_COUNT };

/* Rows of (text key, count, extra) from sql. */
static table query(sqlite3 *db, const char *sql)
{
    table t = { xcalloc(MAX_ROWS, sizeof(row)), 0 };
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return t;
    while (sqlite3_step(st) == SQLITE_ROW && t.n < MAX_ROWS) {
        const unsigned char *k = sqlite3_column_text(st, 0);
        snprintf(t.v[t.n].key, LABEL_MAX, "%s", k ? (const char *)k : "");
        t.v[t.n].n = (long)sqlite3_column_int64(st, 1);
        t.v[t.n].extra = (long)sqlite3_column_int64(st, 2);
        t.n++;
    }
    sqlite3_finalize(st);
    return t;
}

static long one(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A readable name of item `key` of list l (the corpus's own text, cut). */
static void name_item(store *content, int l, const char *key, char *out, size_t n)
{
    long v = atol(key);
    static const char *kinds[] = { "summary", "quote", "timeline", "intro" };
    int kind = l == L_TOUCHES ? (int)(v / 1000000) : l;
    long item = l == L_TOUCHES ? v % 1000000 : v;
    snprintf(out, n, "%s %ld", l == L_TOUCHES ? (kind >= 0 && kind < 4 ? kinds[kind] : "slide")
                                 : l == L_ARTICLES ? "article" : l == L_QUOTES ? "quote" : "event", item);
    if (!content)
        return;
    store_list rows = {0};
    const char *text = NULL;
    int k = l == L_TOUCHES ? kind : l;          /* summary slides name articles */
    if (k == 0 && store_articles_range(content, (size_t)item, 1, &rows) == STORE_OK && rows.n)
        text = ((store_article_row *)rows.v)[0].title;
    else if (k == 1 && store_quotes_range(content, (size_t)item, 1, &rows) == STORE_OK && rows.n)
        text = ((store_quote *)rows.v)[0].text;
    else if (k == 2 && store_events_range(content, (size_t)item, 1, &rows) == STORE_OK && rows.n)
        text = ((store_event *)rows.v)[0].text;
    if (text) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, ": %s", text);
        if (strlen(out) >= n - 1)                   /* cut on a character boundary */
            for (size_t i = n - 4; i > 0; i--)
                if (((unsigned char)out[i] & 0xc0) != 0x80) { memcpy(out + i, "...", 4); break; }
    }
    if (k == 0) store_articles_free(&rows);
    else if (k == 1) store_quotes_free(&rows);
    else store_events_free(&rows);
}

typedef struct report {
    long sessions, median_len, median_active;
    table days, hours, lists[L_COUNT];
    char names[L_COUNT][TOP_N][LABEL_MAX];
} report;

static void build(sqlite3 *db, store *content, report *r)
{
    r->sessions = one(db, "SELECT count(*) FROM sessions");
    r->median_len = one(db, "SELECT length FROM sessions WHERE length IS NOT NULL ORDER BY length"
                            " LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM sessions WHERE length IS NOT NULL)");
    r->median_active = one(db, "SELECT active FROM sessions WHERE active IS NOT NULL ORDER BY active"
                               " LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM sessions WHERE active IS NOT NULL)");
    r->days = query(db, "SELECT * FROM (SELECT strftime('%Y-%m-%d', start, 'unixepoch', 'localtime') d,"
                        " count(*), 0 FROM sessions GROUP BY d ORDER BY d DESC LIMIT 400) ORDER BY 1");
    /* every hour of the day, the quiet ones as 0: the shape of a day */
    r->hours = query(db, "WITH RECURSIVE hh(h) AS (SELECT 0 UNION ALL SELECT h + 1 FROM hh"
                         " WHERE h < 23) SELECT printf('%02d', h), (SELECT count(*) FROM sessions"
                         " WHERE strftime('%H', start, 'unixepoch', 'localtime') = printf('%02d', h)),"
                         " 0 FROM hh ORDER BY h");
    for (int l = 0; l < L_COUNT; l++) {
        r->lists[l] = query(db, lists[l].sql);
        for (int i = 0; i < r->lists[l].n && i < TOP_N; i++)
            name_item(content, l, r->lists[l].v[i].key, r->names[l][i], LABEL_MAX);
    }
}

static void free_report(report *r)
{
    free(r->days.v);
    free(r->hours.v);
    for (int l = 0; l < L_COUNT; l++)
        free(r->lists[l].v);
}

/* ---- text and CSV ---------------------------------------------------------- */

static void print_text(const report *r, const char *path)
{
    printf("Visitor statistics: %s\n\n", path);
    printf("sessions                %ld\n", r->sessions);
    printf("median session length   %ld s (first touch to slideshow)\n", r->median_len);
    printf("median active time      %ld s (first to last touch)\n\n", r->median_active);
    printf("Sessions per day\n");
    for (int i = 0; i < r->days.n; i++)
        printf("  %-12s %6ld\n", r->days.v[i].key, r->days.v[i].n);
    printf("\nSessions per hour of the day\n");
    for (int i = 0; i < r->hours.n; i++)
        if (r->hours.v[i].n)                    /* the chart shows the quiet hours */
            printf("  %-12s %6ld\n", r->hours.v[i].key, r->hours.v[i].n);
    for (int l = 0; l < L_COUNT; l++) {
        printf("\n%s\n", lists[l].title);
        if (!r->lists[l].n)
            printf("  (none)\n");
        for (int i = 0; i < r->lists[l].n; i++)
            printf("  %6ld  %s\n", r->lists[l].v[i].n, r->names[l][i]);
    }
}

static void csv_field(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static void print_csv(const report *r)
{
    static const char *sec[] = { "top_articles", "top_quotes", "top_events", "touched_slides" };
    printf("section,key,value\n");
    printf("summary,sessions,%ld\nsummary,median_length_s,%ld\nsummary,median_active_s,%ld\n",
           r->sessions, r->median_len, r->median_active);
    for (int i = 0; i < r->days.n; i++)
        printf("day,%s,%ld\n", r->days.v[i].key, r->days.v[i].n);
    for (int i = 0; i < r->hours.n; i++)
        printf("hour,%s,%ld\n", r->hours.v[i].key, r->hours.v[i].n);
    for (int l = 0; l < L_COUNT; l++)
        for (int i = 0; i < r->lists[l].n; i++) {
            printf("%s,", sec[l]);
            csv_field(r->names[l][i]);
            printf(",%ld\n", r->lists[l].v[i].n);
        }
}

/* ---- HTML with inline SVG charts --------------------------------------------- */

static void html_text(FILE *fp, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '&': fputs("&amp;", fp); break;
        case '"': fputs("&quot;", fp); break;
        default: fputc(*s, fp);
        }
}

/* A bar chart: one bar per row, labels under every `every`-th bar. */
static void svg_bars(FILE *fp, const table *t, const char *caption, int every)
{
    const int W = 1000, H = 260, left = 50, bottom = 40, top = 20;
    long max = 1;
    for (int i = 0; i < t->n; i++)
        if (t->v[i].n > max)
            max = t->v[i].n;
    fprintf(fp, "<figure><figcaption>%s</figcaption>\n"
                "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">\n",
            caption, W, H, caption);
    int ph = H - bottom - top;
    /* grid: whole-number steps (at most 4 of them), the top a multiple of one */
    long step = (max + 3) / 4, lines = (max + step - 1) / step;
    max = step * lines;
    for (long g = 0; g <= lines; g++) {
        int y = top + ph - (int)(ph * g / lines);
        fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>"
                    "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%ld</text>\n",
                left, y, W - 10, y, left - 6, y + 4, step * g);
    }
    if (!t->n)
        fprintf(fp, "<text x=\"%d\" y=\"%d\" class=\"axis\">no sessions yet</text>\n", W / 2 - 50, H / 2);
    double bw = t->n ? (double)(W - left - 10) / t->n : 0;
    if (bw > 120)
        bw = 120;                               /* a few bars stay bars, not a wall */
    for (int i = 0; i < t->n; i++) {
        int h = (int)((double)ph * (double)t->v[i].n / (double)max);
        fprintf(fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar\">"
                    "<title>%s: %ld</title></rect>\n",
                left + i * bw + bw * 0.1, top + ph - h, bw * 0.8, h, t->v[i].key, t->v[i].n);
        if (i % every == 0)
            fprintf(fp, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>\n",
                    left + i * bw + bw / 2, H - bottom + 18, t->v[i].key);
    }
    fputs("</svg></figure>\n", fp);
}

static int write_html(const report *r, const char *src, const char *out)
{
    FILE *fp = fopen(out, "w");
    if (!fp) {
        log_error("%s: cannot write the report", out);
        return -1;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<title>Vitrine visitor statistics</title>\n<style>\n"
          "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222;background:#fafaf7}\n"
          "h1{font-weight:600}h2{margin-top:2em;font-weight:600;border-bottom:1px solid #ddd}\n"
          ".kpi{display:flex;gap:2em}.kpi div{background:#fff;border:1px solid #ddd;padding:1em 1.5em}\n"
          ".kpi b{display:block;font-size:2em}\n"
          "figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.5em}\n"
          ".bar{fill:#d08a1c}.grid{stroke:#ddd}.axis{font-size:12px;fill:#555}\n"
          "table{border-collapse:collapse;width:100%}td,th{padding:.3em .6em;border-bottom:1px solid #eee;text-align:left}\n"
          "td.n{text-align:right;width:5em}.meter{background:#d08a1c;height:.7em}\n"
          "</style></head><body>\n<h1>Visitor statistics</h1>\n<p>", fp);
    html_text(fp, src);
    fprintf(fp, "</p>\n<div class=\"kpi\"><div><b>%ld</b>sessions</div>"
                "<div><b>%ld s</b>median session (first touch to slideshow)</div>"
                "<div><b>%ld s</b>median active time (first to last touch)</div></div>\n",
            r->sessions, r->median_len < 0 ? 0 : r->median_len, r->median_active < 0 ? 0 : r->median_active);
    fputs("<h2>When</h2>\n", fp);
    svg_bars(fp, &r->days, "Sessions per day", r->days.n > 14 ? r->days.n / 7 : 1);
    svg_bars(fp, &r->hours, "Sessions per hour of the day (local time)", 1);
    for (int l = 0; l < L_COUNT; l++) {
        fprintf(fp, "<h2>%s</h2>\n<table><tr><th>item</th><th class=\"n\">%s</th><th></th></tr>\n",
                lists[l].title, l == L_TOUCHES ? "touches" : "opened");
        long max = r->lists[l].n ? r->lists[l].v[0].n : 1;
        for (int i = 0; i < r->lists[l].n; i++) {
            fputs("<tr><td>", fp);
            html_text(fp, r->names[l][i]);
            fprintf(fp, "</td><td class=\"n\">%ld</td><td style=\"width:30%%\">"
                        "<svg width=\"100%%\" height=\"12\"><rect width=\"%ld%%\" height=\"12\" class=\"bar\"/></svg>"
                        "</td></tr>\n", r->lists[l].v[i].n, max ? r->lists[l].v[i].n * 100 / max : 0);
        }
        if (!r->lists[l].n)
            fputs("<tr><td colspan=\"3\">none yet</td></tr>\n", fp);
        fputs("</table>\n", fp);
    }
    fputs("<p><small>Recorded by Vitrine: sessions, screens and slides only; nothing that "
          "identifies a visitor.</small></p>\n</body></html>\n", fp);
    return fclose(fp) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    log_set_program("vitrine-stats");
    const char *path = NULL, *html = NULL, *content_path = NULL;
    int csv = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--csv")) csv = 1;
        else if (!strcmp(argv[i], "--html") && i + 1 < argc) html = argv[++i];
        else if (!strcmp(argv[i], "--content") && i + 1 < argc) content_path = argv[++i];
        else if (!strcmp(argv[i], "--help")) {
            printf("usage: vitrine-stats STATS.db [--content CORPUS.db] [--csv] [--html OUT.html]\n");
            return 0;
        } else if (argv[i][0] != '-' && !path) path = argv[i];
        else {
            log_error("bad argument '%s' (see --help)", argv[i]);
            return 2;
        }
    }
    if (!path) {
        log_error("usage: vitrine-stats STATS.db [--content CORPUS.db] [--csv] [--html OUT.html]");
        return 2;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        one(db, "SELECT count(*) FROM sessions") < 0 || one(db, "SELECT count(*) FROM views") < 0) {
        log_error("%s: not a Vitrine statistics file: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return 1;
    }
    store *content = NULL;
    if (content_path) {
        store_err e;
        char msg[256];
        if (!(content = store_open(content_path, &e, msg, sizeof msg)))
            log_warn("%s; items are shown as numbers", msg);
    }
    report *r = xcalloc(1, sizeof *r);
    build(db, content, r);
    if (csv)
        print_csv(r);
    else
        print_text(r, path);
    int rc = html && write_html(r, path, html) != 0 ? 1 : 0;
    free_report(r);
    free(r);
    store_close(content);
    sqlite3_close(db);
    return rc;
}
