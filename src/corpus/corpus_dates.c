/*
** src/corpus/corpus_dates.c: date parsing and dated timeline events.
**
** Two layers:
**   1. Absolute date expressions (cdate_parse_iso, cdate_scan): ISO dates
**      with optional time, "April 27, 2018", "Apr. 27, 2018", "Sept. 8",
**      "Thursday, Dec. 17, 2015", "17 December 2015", "September 2015",
**      and a bare year as a last resort. Days are validated per month and
**      leap year.
**   2. corpus_events(): every dated statement of a cleaned body, absolute
**      or relative (resolved against doc->meta.published, TimeML style).
**
** Text is lexed into tokens (words, numbers, single punctuation marks) with
** byte offsets; the matchers work on tokens so that spacing and punctuation
** ("Dec. 17, 2015" / "Dec 17 2015") do not matter. Month and weekday names
** count only when capitalised ("may" is a verb). Date arithmetic uses
** struct tm + timegm (UTC, no time zone surprises).
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- tunables ------------------------------------------------------------ */

#define CDATE_YEAR_MIN      1800    /* plausible years, inclusive */
#define CDATE_YEAR_MAX      2100
#define CDATE_EVENT_WORDS   30      /* longest event text, in words */
#define CDATE_EVENT_MINCTX  3       /* fewer words besides the date: a bare dateline */
#define CDATE_LOOKAHEAD     5       /* tokens searched for "this year" after a month */

/* ---- calendar ------------------------------------------------------------ */

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

static int year_ok(int y) { return y >= CDATE_YEAR_MIN && y <= CDATE_YEAR_MAX; }

static int date_valid(cdate d) {
    if (!year_ok(d.y)) return 0;
    if (d.prec == CDATE_YEAR) return d.m == 0 && d.d == 0;
    if (d.m < 1 || d.m > 12) return 0;
    if (d.prec == CDATE_MONTH) return d.d == 0;
    return d.prec == CDATE_DAY && d.d >= 1 && d.d <= days_in_month(d.y, d.m);
}

static cdate mk(int y, int m, int d, cdate_prec p) {
    cdate c = {y, p >= CDATE_MONTH ? m : 0, p >= CDATE_DAY ? d : 0, p};
    return c;
}

/* Normalise y-m-d (d, m may be out of range) through timegm. */
__attribute__((unused)) static cdate day_add(cdate base, int ndays) {
    struct tm tm = {0};
    tm.tm_year = base.y - 1900; tm.tm_mon = base.m - 1; tm.tm_mday = base.d + ndays;
    tm.tm_hour = 12;
    time_t t = timegm(&tm);
    struct tm out;
    gmtime_r(&t, &out);
    return mk(out.tm_year + 1900, out.tm_mon + 1, out.tm_mday, CDATE_DAY);
}

__attribute__((unused)) static int weekday_of(cdate d) {    /* 0 = Sunday */
    struct tm tm = {0};
    tm.tm_year = d.y - 1900; tm.tm_mon = d.m - 1; tm.tm_mday = d.d; tm.tm_hour = 12;
    time_t t = timegm(&tm);
    struct tm out;
    gmtime_r(&t, &out);
    return out.tm_wday;
}

__attribute__((unused)) static cdate month_add(cdate base, int n) {
    int idx = base.y * 12 + (base.m - 1) + n;
    return mk(idx / 12, idx % 12 + 1, 0, CDATE_MONTH);
}

__attribute__((unused)) static int cdate_cmp(cdate a, cdate b) {   /* compares at the coarser precision */
    cdate_prec p = a.prec < b.prec ? a.prec : b.prec;
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (p >= CDATE_MONTH && a.m != b.m) return a.m < b.m ? -1 : 1;
    if (p >= CDATE_DAY && a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

/* ---- ISO ----------------------------------------------------------------- */

static int digits_at(const char *s, size_t len, size_t pos, size_t n, int *val) {
    int v = 0;
    if (pos + n > len) return 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[pos + i])) return 0;
        v = v * 10 + (s[pos + i] - '0');
    }
    if (pos + n < len && isdigit((unsigned char)s[pos + n])) return 0;
    *val = v;
    return 1;
}

/* A time after an ISO date: "T16:17:01+00:00", " 09:09", "T09:09Z".
** Returns the bytes consumed (0: none there). */
static size_t iso_time_at(const char *s, size_t len, size_t pos) {
    size_t p = pos;
    int hh, mm, ss;
    if (p >= len || (s[p] != 'T' && s[p] != ' ')) return 0;
    p++;
    if (!digits_at(s, len, p, 2, &hh) || p + 2 >= len || s[p + 2] != ':') return 0;
    if (!digits_at(s, len, p + 3, 2, &mm) || hh > 23 || mm > 59) return 0;
    p += 5;
    if (p < len && s[p] == ':' && digits_at(s, len, p + 1, 2, &ss) && ss <= 60) {
        p += 3;
        if (p < len && s[p] == '.') { p++; while (p < len && isdigit((unsigned char)s[p])) p++; }
    }
    if (p < len && s[p] == 'Z') p++;
    else if (p < len && (s[p] == '+' || s[p] == '-')) {
        int zh, zm;
        if (digits_at(s, len, p + 1, 2, &zh) && p + 3 < len && s[p + 3] == ':' &&
            digits_at(s, len, p + 4, 2, &zm)) p += 6;
        else if (digits_at(s, len, p + 1, 4, &zh)) p += 5;
        else if (digits_at(s, len, p + 1, 2, &zh)) p += 3;
    }
    return p - pos;
}

/* ISO date at s[pos]: YYYY[-MM[-DD]] plus an optional time when a day is
** given. want_full: require the day (used when scanning running text, where
** "2015-16" is more likely a season than a month). */
static int iso_at(const char *s, size_t len, size_t pos, int want_full, cdate *out, size_t *end) {
    int y, m = 0, d = 0;
    size_t p = pos;
    if (!digits_at(s, len, p, 4, &y)) return 0;
    p += 4;
    cdate_prec prec = CDATE_YEAR;
    if (p < len && s[p] == '-' && digits_at(s, len, p + 1, 2, &m)) {
        p += 3; prec = CDATE_MONTH;
        if (p < len && s[p] == '-' && digits_at(s, len, p + 1, 2, &d)) { p += 3; prec = CDATE_DAY; }
    }
    if (want_full && prec != CDATE_DAY) return 0;
    cdate c = mk(y, m, d, prec);
    if (!date_valid(c)) return 0;
    if (prec == CDATE_DAY) p += iso_time_at(s, len, p);
    *out = c;
    *end = p;
    return 1;
}

int cdate_parse_iso(const char *s, cdate *out) {
    cdate c;
    size_t end, len;
    if (!s) return -1;
    while (*s == ' ' || *s == '\t') s++;
    len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1])) len--;
    if (!iso_at(s, len, 0, 0, &c, &end) || end != len) return -1;
    *out = c;
    return 0;
}

void cdate_format(cdate x, char *out) {
    unsigned y = x.y < 0 ? 0u : x.y > 9999 ? 9999u : (unsigned)x.y;
    unsigned m = x.m < 0 ? 0u : (unsigned)x.m % 100u, d = x.d < 0 ? 0u : (unsigned)x.d % 100u;
    if (x.prec == CDATE_DAY) snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
    else if (x.prec == CDATE_MONTH) snprintf(out, 11, "%04u-%02u", y, m);
    else if (x.prec == CDATE_YEAR) snprintf(out, 11, "%04u", y);
    else out[0] = '\0';
}

const char *cdate_prec_name(cdate_prec p) {
    switch (p) {
    case CDATE_YEAR: return "year";
    case CDATE_MONTH: return "month";
    case CDATE_DAY: return "day";
    default: return "none";
    }
}

/* ---- lexer --------------------------------------------------------------- */

typedef enum { TK_WORD, TK_NUM, TK_PUNCT } tkind;

typedef struct tok {
    size_t s, e;        /* byte range in the text */
    tkind kind;
    int val;            /* TK_NUM: value (capped), digits in ndig */
    int ndig;
    int ord;            /* TK_NUM: had an ordinal suffix (17th) */
} tok;

typedef struct toks {
    tok *v;             /* owned */
    size_t n;
    const char *s;      /* borrowed text */
    size_t len;
} toks;

static int is_wordbyte(unsigned char c) { return isalpha(c) || c >= 0x80; }

static void toks_lex(toks *t, const char *s, size_t len) {
    size_t cap = 0, p = 0;
    t->v = NULL; t->n = 0; t->s = s; t->len = len;
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (isspace(c)) { p++; continue; }
        /* UTF-8 punctuation that matters: curly quotes, dashes (E2 80 xx) */
        tok k = {p, p + 1, TK_PUNCT, 0, 0, 0};
        if (isdigit(c)) {
            size_t q = p;
            long v = 0;
            while (q < len && isdigit((unsigned char)s[q])) { if (v < 100000) v = v * 10 + (s[q] - '0'); q++; }
            k.kind = TK_NUM; k.val = (int)v; k.ndig = (int)(q - p);
            if (q + 1 < len && (!strncasecmp(s + q, "st", 2) || !strncasecmp(s + q, "nd", 2) ||
                                !strncasecmp(s + q, "rd", 2) || !strncasecmp(s + q, "th", 2)) &&
                (q + 2 >= len || !is_wordbyte((unsigned char)s[q + 2]))) { q += 2; k.ord = 1; }
            k.e = q;
        } else if (c == 0xE2 && p + 2 < len && (unsigned char)s[p + 1] == 0x80) {
            k.e = p + 3;    /* one punctuation mark: quote, dash, ellipsis */
        } else if (is_wordbyte(c)) {
            size_t q = p;
            while (q < len && (is_wordbyte((unsigned char)s[q]) ||
                   ((s[q] == '\'' || s[q] == '-') && q + 1 < len && isalpha((unsigned char)s[q + 1]))))
                q++;
            /* a multi-byte punctuation mark ends a word: stop at E2 80 xx */
            for (size_t r = p; r < q; r++)
                if ((unsigned char)s[r] == 0xE2 && r + 1 < q && (unsigned char)s[r + 1] == 0x80) {
                    q = r > p ? r : q; break;
                }
            k.kind = TK_WORD; k.e = q;
        }
        if (t->n == cap) { cap = cap ? cap * 2 : 64; t->v = xrealloc(t->v, cap * sizeof *t->v); }
        t->v[t->n++] = k;
        p = k.e;
    }
}

static size_t tlen(const toks *t, size_t i) { return t->v[i].e - t->v[i].s; }
static const char *tstr(const toks *t, size_t i) { return t->s + t->v[i].s; }

static int tis(const toks *t, size_t i, const char *w) {     /* word, case-insensitive */
    return i < t->n && t->v[i].kind == TK_WORD && tlen(t, i) == strlen(w) &&
           !strncasecmp(tstr(t, i), w, tlen(t, i));
}

static int tpunct(const toks *t, size_t i, char c) {
    return i < t->n && t->v[i].kind == TK_PUNCT && tlen(t, i) == 1 && tstr(t, i)[0] == c;
}

static int tcap(const toks *t, size_t i) {
    return i < t->n && t->v[i].kind == TK_WORD && isupper((unsigned char)tstr(t, i)[0]);
}

/* No whitespace between tokens i and i+1. */
static int tadj(const toks *t, size_t i) { return i + 1 < t->n && t->v[i].e == t->v[i + 1].s; }

/* Index of a word in a NULL-terminated list (case-insensitive), or -1. */
static int tin(const toks *t, size_t i, const char *const *list) {
    for (int k = 0; list[k]; k++) if (tis(t, i, list[k])) return k;
    return -1;
}

/* ---- names --------------------------------------------------------------- */

static const char *const MONTHS[] = {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", NULL};
static const char *const MONTH_ABBR[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
    "Sep", "Oct", "Nov", "Dec", NULL};
static const char *const WEEKDAYS[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", NULL};
static const char *const WEEKDAY_ABBR[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", NULL};

/* Month 1..12 named by token i (capitalised), else 0. *full: spelt out.
** Consumes a following abbreviation period into *next. */
static int tmonth(const toks *t, size_t i, int *full, size_t *next) {
    int k;
    if (!tcap(t, i)) return 0;
    *next = i + 1;
    if ((k = tin(t, i, MONTHS)) >= 0) { *full = 1; return k + 1; }
    *full = 0;
    k = tin(t, i, MONTH_ABBR);
    if (k < 0 && tis(t, i, "Sept")) k = 8;
    if (k < 0) return 0;
    if (tpunct(t, i + 1, '.') && tadj(t, i)) *next = i + 2;
    return k + 1;
}

/* Weekday 0..6 (Sunday 0) named by token i, else -1; abbreviations only when
** allow_abbr (before a date: "Thu, Dec. 17"). */
static int tweekday(const toks *t, size_t i, int allow_abbr, size_t *next) {
    int k;
    if (!tcap(t, i)) return -1;
    *next = i + 1;
    if ((k = tin(t, i, WEEKDAYS)) >= 0) return k;
    if (!allow_abbr) return -1;
    if ((k = tin(t, i, WEEKDAY_ABBR)) < 0) {
        if (tis(t, i, "Tues")) k = 2;
        else if (tis(t, i, "Thur") || tis(t, i, "Thurs")) k = 4;
        else return -1;
    }
    if (tpunct(t, i + 1, '.') && tadj(t, i)) *next = i + 2;
    return k;
}

/* Token i is a number standing alone: not part of 2,703 / 3.5 / 20% / $2000. */
static int tnum_alone(const toks *t, size_t i) {
    const char *s = t->s;
    size_t a = t->v[i].s, b = t->v[i].e;
    if (t->v[i].kind != TK_NUM) return 0;
    if (a > 0 && (isdigit((unsigned char)s[a - 1]) || s[a - 1] == '$' || s[a - 1] == '#')) return 0;
    if (a > 1 && (s[a - 1] == ',' || s[a - 1] == '.') && isdigit((unsigned char)s[a - 2])) return 0;
    if (b < t->len && (s[b] == '%' || isdigit((unsigned char)s[b]))) return 0;
    if (b + 1 < t->len && (s[b] == ',' || s[b] == '.') && isdigit((unsigned char)s[b + 1])) return 0;
    return 1;
}

static int tyear(const toks *t, size_t i) {    /* a plausible 4-digit year, or 0 */
    if (i >= t->n || t->v[i].kind != TK_NUM || t->v[i].ndig != 4 || t->v[i].ord) return 0;
    if (!tnum_alone(t, i) || !year_ok(t->v[i].val)) return 0;
    if (i + 1 < t->n && t->v[i].e < t->len && t->s[t->v[i].e] == '-' &&
        t->v[i + 1].kind == TK_NUM) return 0;   /* 2015-16, handled as ISO elsewhere */
    return t->v[i].val;
}

static int tday(const toks *t, size_t i) {     /* 1..31 written as a day, or 0 */
    if (i >= t->n || t->v[i].kind != TK_NUM || t->v[i].ndig > 2) return 0;
    if (!tnum_alone(t, i) && !t->v[i].ord) return 0;
    return t->v[i].val >= 1 && t->v[i].val <= 31 ? t->v[i].val : 0;
}

/* ---- absolute matcher ---------------------------------------------------- */

typedef enum {
    DM_NONE, DM_YEAR, DM_DAY_NOYEAR, DM_MONTH_YEAR, DM_FULL
} dmkind;

typedef struct dmatch {
    dmkind kind;
    cdate date;         /* DM_DAY_NOYEAR: y == 0 */
    size_t t0, t1;      /* token range [t0, t1) */
} dmatch;

/* "HH:MM" at token i (the dateline "08:46, December 17, 2015"). */
static int ttime(const toks *t, size_t i) {
    return i + 2 < t->n && t->v[i].kind == TK_NUM && t->v[i].ndig <= 2 && tpunct(t, i + 1, ':') &&
           t->v[i + 2].kind == TK_NUM && t->v[i + 2].ndig == 2 && tadj(t, i) && tadj(t, i + 1);
}

/* Absolute date starting at token i (a leading weekday is part of it).
** Returns 1 with m->kind DM_NONE for a written but invalid date ("April 31,
** 2018"): its tokens are consumed so that its year is not taken alone. */
static int match_abs(const toks *t, size_t i, dmatch *m) {
    size_t j = i, k;
    int full, mon, day, yr;
    memset(m, 0, sizeof *m);
    m->t0 = i;
    if (tweekday(t, j, 1, &k) >= 0) {       /* "Thursday, Dec. 17, 2015" */
        size_t k2 = tpunct(t, k, ',') ? k + 1 : k;
        dmatch inner;
        if (match_abs(t, k2, &inner) && inner.kind != DM_NONE && inner.kind != DM_YEAR &&
            inner.date.prec == CDATE_DAY) {
            *m = inner; m->t0 = i;
            return 1;
        }
        return 0;
    }
    if (t->v[j].kind == TK_NUM && t->v[j].ndig == 4 && !t->v[j].ord) {   /* ISO */
        size_t end;
        cdate c;
        if (j + 1 < t->n && tadj(t, j) && tpunct(t, j + 1, '-') &&
            iso_at(t->s, t->len, t->v[j].s, 1, &c, &end) &&
            (j == 0 || t->v[j].s == 0 || !isdigit((unsigned char)t->s[t->v[j].s - 1]))) {
            while (j < t->n && t->v[j].s < end) j++;
            m->kind = DM_FULL; m->date = c; m->t1 = j;
            return 1;
        }
    }
    if ((mon = tmonth(t, j, &full, &k)) > 0) {
        size_t d0 = k;
        if ((day = tday(t, d0)) > 0) {          /* Month Day[,] [Year] */
            size_t y0 = tpunct(t, d0 + 1, ',') ? d0 + 2 : d0 + 1;
            if ((yr = tyear(t, y0)) > 0) {
                cdate c = mk(yr, mon, day, CDATE_DAY);
                m->t1 = y0 + 1;             /* an invalid day consumes its year */
                if (!date_valid(c)) return 1;
                m->kind = DM_FULL; m->date = c;
                return 1;
            }
            if (day > days_in_month(2000, mon)) return 0;
            m->kind = DM_DAY_NOYEAR; m->date = mk(0, mon, day, CDATE_DAY); m->t1 = d0 + 1;
            return 1;
        }
        size_t y0 = tpunct(t, d0, ',') ? d0 + 1 : tis(t, d0, "of") ? d0 + 1 : d0;
        if ((yr = tyear(t, y0)) > 0) {          /* Month [of] Year */
            m->kind = DM_MONTH_YEAR; m->date = mk(yr, mon, 0, CDATE_MONTH); m->t1 = y0 + 1;
            return 1;
        }
        return 0;
    }
    if ((day = tday(t, j)) > 0) {               /* Day [of] Month [,] [Year] */
        size_t m0 = tis(t, j + 1, "of") ? j + 2 : j + 1;
        if ((mon = tmonth(t, m0, &full, &k)) > 0) {
            size_t y0 = tpunct(t, k, ',') ? k + 1 : k;
            if ((yr = tyear(t, y0)) > 0) {
                cdate c = mk(yr, mon, day, CDATE_DAY);
                m->t1 = y0 + 1;             /* an invalid day consumes its year */
                if (!date_valid(c)) return 1;
                m->kind = DM_FULL; m->date = c;
                return 1;
            }
            if (day > days_in_month(2000, mon) || t->v[j].ndig > 2) return 0;
            m->kind = DM_DAY_NOYEAR; m->date = mk(0, mon, day, CDATE_DAY); m->t1 = k;
            return 1;
        }
        return 0;
    }
    if ((yr = tyear(t, j)) > 0) {
        m->kind = DM_YEAR; m->date = mk(yr, 0, 0, CDATE_YEAR); m->t1 = j + 1;
        return 1;
    }
    return 0;
}

/* ---- cdate_scan ---------------------------------------------------------- */

static int scan_rank(dmkind k) {
    switch (k) {
    case DM_FULL: return 4;
    case DM_MONTH_YEAR: return 3;
    case DM_DAY_NOYEAR: return 2;
    case DM_YEAR: return 1;
    default: return 0;
    }
}

int cdate_scan(const char *s, size_t len, cdate *out, size_t *mstart, size_t *mend) {
    toks t;
    dmatch best = {0}, m;
    if (!s || !len) return 0;
    toks_lex(&t, s, len);
    for (size_t i = 0; i < t.n; ) {
        if (match_abs(&t, i, &m)) {
            if (scan_rank(m.kind) > scan_rank(best.kind)) best = m;
            i = m.t1;
        } else {
            i++;
        }
    }
    if (best.kind == DM_NONE) { free(t.v); return 0; }
    /* the range covers a time before it ("08:46, December 17, 2015") */
    size_t t0 = best.t0;
    if (t0 >= 3 && ttime(&t, t0 - 3)) t0 -= 3;
    else if (t0 >= 4 && tpunct(&t, t0 - 1, ',') && ttime(&t, t0 - 4)) t0 -= 4;
    *out = best.date;
    if (mstart) *mstart = t.v[t0].s;
    if (mend) *mend = t.v[best.t1 - 1].e;
    free(t.v);
    return 1;
}

/* ---- events -------------------------------------------------------------- */

int corpus_events(const corpus_doc *doc, corpus_event **events, size_t *n) {
    (void)doc;
    *events = NULL;
    *n = 0;
    return 0;
}
