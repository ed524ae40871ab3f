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
#define CDATE_RECENT        4       /* day dates remembered for "Earlier Saturday" */

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
static cdate day_add(cdate base, int ndays) {
    struct tm tm = {0};
    tm.tm_year = base.y - 1900; tm.tm_mon = base.m - 1; tm.tm_mday = base.d + ndays;
    tm.tm_hour = 12;
    time_t t = timegm(&tm);
    struct tm out;
    gmtime_r(&t, &out);
    return mk(out.tm_year + 1900, out.tm_mon + 1, out.tm_mday, CDATE_DAY);
}

/* Days from a to b (both at day precision). */
static long cdate_days_between(cdate a, cdate b) {
    struct tm ta = {0}, tb = {0};
    ta.tm_year = a.y - 1900; ta.tm_mon = a.m - 1; ta.tm_mday = a.d; ta.tm_hour = 12;
    tb.tm_year = b.y - 1900; tb.tm_mon = b.m - 1; tb.tm_mday = b.d; tb.tm_hour = 12;
    return (long)((timegm(&tb) - timegm(&ta)) / 86400);
}

static int weekday_of(cdate d) {    /* 0 = Sunday */
    struct tm tm = {0};
    tm.tm_year = d.y - 1900; tm.tm_mon = d.m - 1; tm.tm_mday = d.d; tm.tm_hour = 12;
    time_t t = timegm(&tm);
    struct tm out;
    gmtime_r(&t, &out);
    return out.tm_wday;
}

static cdate month_add(cdate base, int n) {
    int idx = base.y * 12 + (base.m - 1) + n;
    return mk(idx / 12, idx % 12 + 1, 0, CDATE_MONTH);
}

static int cdate_cmp(cdate a, cdate b) {   /* compares at the coarser precision */
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

/* Bytes of a Unicode space at s[p] (NBSP, U+2000..U+200A, U+202F, U+3000), or 0. */
static size_t uspace_len(const char *s, size_t len, size_t p) {
    const unsigned char *u = (const unsigned char *)s + p;
    if (p + 1 < len && u[0] == 0xC2 && u[1] == 0xA0) return 2;
    if (p + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF)) return 3;
    if (p + 2 < len && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
    return 0;
}

static void toks_lex(toks *t, const char *s, size_t len) {
    size_t cap = 0, p = 0;
    t->v = NULL; t->n = 0; t->s = s; t->len = len;
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (isspace(c)) { p++; continue; }
        if (c >= 0x80 && uspace_len(s, len, p)) { p += uspace_len(s, len, p); continue; }
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
            while (q < len && !uspace_len(s, len, q) && (is_wordbyte((unsigned char)s[q]) ||
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

/* ASCII case folding, as strncasecmp in the C locale. */
static inline unsigned char dfold(unsigned char c) {
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* s[0..n) equals the whole of w, ASCII case-insensitively. Hot (every
** token against every word list), hence no strlen/strncasecmp calls. */
static inline int word_eq(const char *s, size_t n, const char *w) {
    for (size_t j = 0; j < n; j++)
        if (!w[j] || dfold((unsigned char)s[j]) != dfold((unsigned char)w[j])) return 0;
    return w[n] == '\0';
}

static int tis(const toks *t, size_t i, const char *w) {     /* word, case-insensitive */
    return i < t->n && t->v[i].kind == TK_WORD && word_eq(tstr(t, i), tlen(t, i), w);
}

static int tpunct(const toks *t, size_t i, char c) {
    return i < t->n && t->v[i].kind == TK_PUNCT && tlen(t, i) == 1 && tstr(t, i)[0] == c;
}

static int tcap(const toks *t, size_t i) {
    return i < t->n && t->v[i].kind == TK_WORD && isupper((unsigned char)tstr(t, i)[0]);
}

/* No whitespace between tokens i and i+1. */
static int tadj(const toks *t, size_t i) { return i + 1 < t->n && t->v[i].e == t->v[i + 1].s; }

/* Index of a word in a NULL-terminated list (case-insensitive), or -1. A
** possessive "'s" is ignored ("Friday's", "year's"). */
static int tin(const toks *t, size_t i, const char *const *list) {
    if (i >= t->n || t->v[i].kind != TK_WORD) return -1;
    const char *s = tstr(t, i);
    size_t n = tlen(t, i);
    if (n > 3 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) n -= 2;
    unsigned char c0 = dfold((unsigned char)s[0]);
    for (int k = 0; list[k]; k++)
        if (dfold((unsigned char)list[k][0]) == c0 && word_eq(s, n, list[k])) return k;
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
    if (t->v[i].e < t->len && is_wordbyte((unsigned char)t->s[t->v[i].e])) return 0;  /* 1990s */
    if (i + 2 < t->n && tadj(t, i) && tadj(t, i + 1) && t->v[i + 2].kind == TK_NUM &&
        (tpunct(t, i + 1, '-') || (tlen(t, i + 1) == 3 && !memcmp(tstr(t, i + 1), "\xe2\x80\x93", 3))))
        return 0;   /* 2015-16, 2009–2012: ranges or ISO dates, matched elsewhere */
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
            m->t1 = d0 + 1;                 /* "February 30": consumed, no date */
            if (day > days_in_month(2000, mon)) return 1;
            m->kind = DM_DAY_NOYEAR; m->date = mk(0, mon, day, CDATE_DAY);
            return 1;
        }
        if (d0 < t->n && t->v[d0].kind == TK_NUM && t->v[d0].ndig <= 2 && tnum_alone(t, d0) &&
            !t->v[d0].ord && (d0 + 1 >= t->n || !tpunct(t, d0 + 1, '-'))) {
            size_t y0 = tpunct(t, d0 + 1, ',') ? d0 + 2 : d0 + 1;   /* "March 32, 2015" */
            if (tyear(t, y0)) { m->t1 = y0 + 1; return 1; }
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
            if (t->v[j].ndig > 2) return 0;
            m->t1 = k;
            if (day > days_in_month(2000, mon)) return 1;   /* "30 February": no date */
            m->kind = DM_DAY_NOYEAR; m->date = mk(0, mon, day, CDATE_DAY);
            return 1;
        }
        return 0;
    }
    if (t->v[j].kind == TK_NUM && t->v[j].ndig <= 2 && t->v[j].val > 31 && tnum_alone(t, j)) {
        size_t m0 = tis(t, j + 1, "of") ? j + 2 : j + 1;   /* "32 March 2015": no date */
        if (tmonth(t, m0, &full, &k) > 0) {
            size_t y0 = tpunct(t, k, ',') ? k + 1 : k;
            m->t1 = tyear(t, y0) ? y0 + 1 : k;
            return 1;
        }
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


/* ---- events: word lists -------------------------------------------------- */

/* Words before a bare year that make it a date ("in 2014", "By 2020", "the
** 2008 crisis"). Any other capitalised word makes it a name ("Vision 2030"). */
static const char *const YEAR_PREP[] = {"in", "since", "from", "by", "until", "till", "to",
    "through", "throughout", "during", "before", "after", "between", "and", "or", "of",
    "around", "circa", "early", "mid", "late", "end", "beginning", "start", "the", "this",
    "that", "year", "years", "spring", "summer", "autumn", "fall", "winter", "for", "his",
    "her", "its",
    "their", "our", NULL};
/* Words after a number that make it a quantity, not a year ("2000 people"). */
static const char *const QUANTITY[] = {"people", "persons", "yuan", "dollars", "euros", "pounds",
    "times", "units", "cases", "deaths", "companies", "firms", "users", "websites", "million",
    "billion", "trillion", "thousand", "hundred", "percent", "per", "km", "kilometers",
    "kilometres", "meters", "metres", "miles", "tons", "tonnes", "hours", "minutes", "seconds",
    "days", "members", "workers", "students", "employees", "jobs", "points", "votes", "feet",
    "new", "more", "of", NULL};
/* Words before a month named alone ("In July", "early December"); not "on":
** "on Sept" with its day missing is no date. */
static const char *const MONTH_PREP[] = {"in", "since", "from", "by", "until", "till", "through",
    "throughout", "during", "before", "after", "between", "early", "mid", "late", "end", "of",
    "last", "this", "next", "beginning", NULL};
/* Words before a weekday that keep it a date (otherwise "Black Friday"). */
static const char *const WEEKDAY_PREP[] = {"on", "since", "by", "until", "till", "before", "earlier",
    "later", "through",
    "after", "last", "next", "this", "from", "early", "late", NULL};
/* Counts in "four years ago", "a year later". */
static const char *const NUMWORDS[] = {"zero", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty", NULL};
/* Period abbreviations that do not end a sentence. */
static const char *const ABBREV[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Gov",
    "Sen", "Rep", "Gen", "Lt", "Col", "Prof", "Inc", "Co", "Corp", "Ltd", "vs", "Mt", "Ft",
    "Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "etc",
    "Pres", "Rev", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Gens", "Hon", "approx", NULL};
/* Words that mark the clause as future or planned (HeidelTime's tense
** rule): an underspecified date in it resolves forward. */
static const char *const FUTURE[] = {"will", "shall", "'ll", "would", "tomorrow", "upcoming",
    "forthcoming", "wo", NULL};
/* "is set to", "was expected to", "plans to", "planned to": a form of the
** first word, an optional middle word, then "to" (or a noun for "plans"). */
static const char *const FUTURE_BE[] = {"is", "are", "was", "were", "be", "been", NULL};
static const char *const FUTURE_MID[] = {"set", "scheduled", "due", "expected", "slated",
    "going", "planned", "poised", "likely", "about", NULL};
static const char *const PLAN_VERB[] = {"plan", "plans", "planned", "planning", "intend",
    "intends", "intended", "aim", "aims", "aimed", "hope", "hopes", "hoped", "vowed", "pledged",
    "promised", "proposed", NULL};
/* Words right before a date (after "on"/"in") that point forward:
** "through August", "until June", "as early as Tuesday", "by the end of May". */
static const char *const FORWARD_PRE[] = {"through", "until", "till", "next", "upcoming",
    "coming", NULL};
/* Past-tense forms that make a clause look back (besides "-ed" verbs). */
static const char *const PAST[] = {"was", "were", "had", "did", "said", "told", "took", "made",
    "met", "began", "began", "came", "went", "gave", "saw", "won", "lost", "held", "left",
    "ran", "rose", "fell", "grew", "spent", "sent", "wrote", "spoke", "found", "got",
    "became", "brought", "bought", "sold", "led", "struck", "hit", "put", "cut", "ago", "last",
    "earlier", "previously", NULL};
/* Verbs before an "-ed" word that make it an adjective or a present passive. */
static const char *const LINKING[] = {"is", "are", "be", "isn't", "aren't", "not", "remain",
    "remains", "seem", "seems", "stay", "stays", "become", "becomes", "appear", "appears",
    "look", "looks", "feel", "feels", "get", "gets", "being", NULL};
/* Nouns after "a/the YEAR" that name an event ("a 2016 dispute"); other
** nouns there make the year a qualifier ("the 1966 squad"). */
static const char *const EVENT_NOUNS[] = {"election", "elections", "dispute", "crisis",
    "attack", "attacks", "summit", "agreement", "deal", "vote", "referendum", "war", "protest",
    "protests", "campaign", "reform", "reforms", "merger", "acquisition", "launch", "ban",
    "decision", "ruling", "report", "study", "survey", "strategy", "meeting", "conference",
    "visit", "talks", "treaty", "accord", "scandal", "breach", "hack", "outbreak", "earthquake",
    "flood", "floods", "olympics", "games", "championship", "final", "budget", "census",
    "speech", "announcement", "coup", "invasion", "uprising", "revolution", "recession",
    "crash", "collapse", "strike", "strikes", "riots", "shooting", "bombing", "hurricane",
    "tsunami", "pandemic", "epidemic", "law", "act", "bill", "plan", "initiative", "policy",
    "declaration", "resolution", "directive", "regulation", "rules", "guidelines", "order",
    "sanctions", "cyberattack", "cyberattacks", "incident", "accident", "fire", "race",
    "primary", "primaries", "inauguration", "trial", "verdict", "investigation", "inquiry",
    "review", "audit", "ipo", "listing", "release", "debut", "opening", "closure", "shutdown",
    "lockdown", "standoff", "clash", "clashes", "conflict", "negotiations", "session",
    "forum", "congress", "convention", "festival", "tour", "trip", "test", "tests",
    "launches", "deadline", "agenda", "memo", "letter", "statement", "white", NULL};

/* ---- events: collection -------------------------------------------------- */

typedef struct evstate {
    cdate pub;          /* publication date; prec CDATE_NONE when unknown */
    cdate anchor;       /* last absolute date in the text; prec NONE before one */
    cdate para_day;     /* last absolute day date of the current paragraph, or prec NONE */
    cdate recent[CDATE_RECENT];     /* the last day dates reached, newest at recent_i - 1 */
    size_t recent_i;
    corpus_event *v;    /* owned until handed to the caller */
    size_t n, cap;
} evstate;

static void ev_push(evstate *st, cdate d, cdate end, char *text, size_t para) {
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        st->v = xrealloc(st->v, st->cap * sizeof *st->v);
    }
    st->v[st->n].date = d;
    st->v[st->n].end = end;
    st->v[st->n].text = text;
    st->v[st->n].para = para;
    st->n++;
}

/* ---- events: sentence segments and clause trimming ----------------------- */

static int is_quote_tok(const toks *t, size_t i) {
    if (i >= t->n || t->v[i].kind != TK_PUNCT) return 0;
    const unsigned char *p = (const unsigned char *)tstr(t, i);
    if (tlen(t, i) == 1) return p[0] == '"' || p[0] == '\'';
    return tlen(t, i) == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9D || p[2] == 0x99);
}

static int is_dash_tok(const toks *t, size_t i) {
    if (i >= t->n || t->v[i].kind != TK_PUNCT || tlen(t, i) != 3) return 0;
    const unsigned char *p = (const unsigned char *)tstr(t, i);
    return p[2] == 0x93 || p[2] == 0x94;
}

static int is_word_tok(const toks *t, size_t i) { return t->v[i].kind != TK_PUNCT; }

/* A sentence ends after token i (corpus_sentences may hand us a whole
** paragraph: the stub does). Returns the index of the last token of the
** sentence (a closing quote is kept with it) or 0 when no end there. */
static size_t sentence_end_at(const toks *t, size_t i) {
    if (i == 0 || i + 1 >= t->n || t->v[i].kind != TK_PUNCT || tlen(t, i) != 1) return 0;
    char c = tstr(t, i)[0];
    if (c != '.' && c != '!' && c != '?' && c != ';') return 0;
    if (c == '.') {
        const tok *w = &t->v[i - 1];
        if (w->kind == TK_WORD && (w->e - w->s <= 1 || tin(t, i - 1, ABBREV) >= 0)) return 0;
        if (w->e != t->v[i].s) return 0;
    }
    if (t->v[i].e == t->v[i + 1].s && !is_quote_tok(t, i + 1)) return 0;   /* 4.29, a.m */
    size_t last = i;
    while (last + 1 < t->n && is_quote_tok(t, last + 1) && t->v[last].e == t->v[last + 1].s) last++;
    if (last + 1 >= t->n) return 0;
    const tok *nx = &t->v[last + 1];
    unsigned char f = (unsigned char)t->s[nx->s];
    if (isupper(f) || isdigit(f) || is_quote_tok(t, last + 1) || f == '[' || f == '(') return last;
    return 0;
}

/* Weak (clause) boundary before token i. */
static int clause_start_at(const toks *t, size_t i) {
    if (i == 0) return 0;
    if (t->v[i - 1].kind == TK_PUNCT && tlen(t, i - 1) == 1 && strchr(",;:()", tstr(t, i - 1)[0]))
        return !(strchr(",:", tstr(t, i - 1)[0]) && t->v[i - 1].s == t->v[i].s - 1 && i >= 2 &&
                 t->v[i - 2].e == t->v[i - 1].s && t->v[i].kind == TK_NUM);  /* 2,703  10:30 */
    if (is_dash_tok(t, i - 1) || (t->v[i - 1].kind == TK_PUNCT && tlen(t, i - 1) == 1 &&
                                 tstr(t, i - 1)[0] == '-' && !tadj(t, i - 1)))
        return 1;
    return tis(t, i, "but") || tis(t, i, "while") || tis(t, i, "whereas") || tis(t, i, "which");
}

static size_t count_words(const toks *t, size_t a, size_t b) {
    size_t n = 0;
    for (size_t i = a; i < b; i++) n += is_word_tok(t, i);
    return n;
}

/* Opening / closing quotation marks: +1 opens, -1 closes, 2 a straight
** quote (toggles), 0 none. Apostrophes inside words are word bytes. */
static int quote_dir(const toks *t, size_t i) {
    if (i >= t->n || t->v[i].kind != TK_PUNCT) return 0;
    const unsigned char *p = (const unsigned char *)tstr(t, i);
    if (tlen(t, i) == 1) return p[0] == '"' ? 2 : 0;
    if (tlen(t, i) != 3 || p[0] != 0xE2 || p[1] != 0x80) return 0;
    return p[2] == 0x9C ? 1 : p[2] == 0x9D ? -1 : 0;
}

/* Inside a quotation at token i, counting from the sentence start s0. */
static int in_quote(const toks *t, size_t s0, size_t i) {
    int depth = 0, straight = 0;
    for (size_t k = s0; k < i; k++) {
        int q = quote_dir(t, k);
        if (q == 2) straight ^= 1;
        else if (q) depth += q;
    }
    return straight || depth > 0;
}

/* A right cut before token j is a clause boundary that leaves a whole
** statement: ";", a dash, or a comma before a conjunction or "saying". */
static const char *const CUT_BEFORE[] = {"but", "while", "whereas", "which", "saying", "and",
    "as", "after", "before", "when", "although", "though", "where", "adding", "amid", NULL};
static int strong_end(const toks *t, size_t j) {
    if (tpunct(t, j, ';') || is_dash_tok(t, j)) return 1;
    return tpunct(t, j, ',') && tin(t, j + 1, CUT_BEFORE) >= 0;
}

#define CDATE_EVENT_SLACK 5     /* a whole sentence may have this many more words */
#define CDATE_CANDIDATES  16    /* start and end points tried per sentence, each */
#define CDATE_TRIES       8     /* text lengths tried before giving up */

/* The text of an event: inside the sentence [s0, s1), around the match
** [m0, m1), starting at the sentence start or a clause start and ending at
** the sentence end or a strong clause boundary, at most CDATE_EVENT_WORDS
** words (the whole sentence: CDATE_EVENT_WORDS + CDATE_EVENT_SLACK), the
** longest such text that corpus_event_standalone() accepts. Owned, or NULL
** when no piece of the sentence stands alone. */
static char *span_text(const toks *t, size_t a, size_t b);
static char *event_text(const toks *t, size_t s0, size_t s1, size_t m0, size_t m1) {
    size_t st[CDATE_CANDIDATES], en[CDATE_CANDIDATES];
    char cap[CDATE_CANDIDATES];     /* 1: an independent clause, capitalised */
    size_t ns = 0, ne = 0;
    cap[ns] = 0; st[ns++] = s0;
    for (size_t i = s0 + 1; i <= m0 && ns < CDATE_CANDIDATES; i++) {
        if (in_quote(t, s0, i)) continue;
        /* an independent clause after ";" or ", and" / ", but" (not after a
        ** dash: dashes come in pairs around an aside) */
        int indep = tpunct(t, i - 1, ';') ||
                    (i >= s0 + 2 && tpunct(t, i - 2, ',') &&
                     (tis(t, i - 1, "and") || tis(t, i - 1, "but") || tis(t, i - 1, "while") ||
                      tis(t, i - 1, "whereas")));
        if (indep || clause_start_at(t, i)) { cap[ns] = (char)indep; st[ns++] = i; }
    }
    en[ne++] = s1;
    for (size_t j = s1 - 1; j >= m1 && j > s0 && ne < CDATE_CANDIDATES; j--)
        if (strong_end(t, j) && !in_quote(t, s0, j)) en[ne++] = j;
    size_t wst[CDATE_CANDIDATES], wen[CDATE_CANDIDATES];     /* words from s0 */
    for (size_t i = 0; i < ns; i++) wst[i] = count_words(t, s0, st[i]);
    for (size_t j = 0; j < ne; j++) wen[j] = count_words(t, s0, en[j]);
    size_t tried = 0;
    for (size_t prev = (size_t)-1; tried < CDATE_TRIES; tried++) {
        size_t bw = 0, bi = 0, bj = 0;      /* the longest pair shorter than prev */
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < ne; j++) {
                if (en[j] <= st[i]) continue;
                size_t w = wen[j] - wst[i];
                size_t lim = j == 0 ? CDATE_EVENT_WORDS + CDATE_EVENT_SLACK
                                              : CDATE_EVENT_WORDS;
                if (w <= lim && w < prev && w > bw) { bw = w; bi = i; bj = j; }
            }
        if (!bw) return NULL;
        for (size_t i = bi; i < ns; i++)    /* every pair of that length */
            for (size_t j = i == bi ? bj : 0; j < ne; j++) {
                if (en[j] <= st[i] || wen[j] - wst[i] != bw) continue;
                char *txt = span_text(t, st[i], en[j]);
                if (cap[i] && txt[0] >= 'a' && txt[0] <= 'z') txt[0] = (char)(txt[0] - 'a' + 'A');
                if (corpus_event_standalone(txt, NULL)) return txt;
                free(txt);
            }
        prev = bw;
    }
    return NULL;
}

/* Copy of the text of tokens [a, b) without dangling separators. */
static char *span_text(const toks *t, size_t a, size_t b) {
    while (a < b && t->v[a].kind == TK_PUNCT && tlen(t, a) == 1 && strchr(",;:)-", tstr(t, a)[0])) a++;
    while (b > a && ((t->v[b - 1].kind == TK_PUNCT && tlen(t, b - 1) == 1 &&
                      strchr(",;:(-", tstr(t, b - 1)[0])) || is_dash_tok(t, b - 1)))
        b--;
    if (a >= b) return xstrdup("");
    return xstrndup(t->s + t->v[a].s, t->v[b - 1].e - t->v[a].s);
}

/* A verb in the past tense at token i: an irregular form of PAST, or a
** lowercase "-ed" word that is not part of "is set/expected to". */
static int tpast(const toks *t, size_t i) {
    if (tin(t, i, PAST) >= 0) return 1;
    if (t->v[i].kind != TK_WORD || tlen(t, i) < 5 || !islower((unsigned char)tstr(t, i)[0]))
        return 0;
    if (strncmp(tstr(t, i) + tlen(t, i) - 2, "ed", 2)) return 0;
    if (tin(t, i, FUTURE_MID) >= 0 || tin(t, i, PLAN_VERB) >= 0) return 0;
    if (i >= 3 && tis(t, i - 1, "t") && (tis(t, i - 3, "isn") || tis(t, i - 3, "aren")))
        return 0;                                       /* "isn’t appreciated" */
    return !(i > 0 && tin(t, i - 1, LINKING) >= 0);     /* "is needed", "remain unresolved" */
}

/* Tense of the clause [a, b) around the date tokens [m0, m1), HeidelTime
** style: +1 future or planned (will, would, 'll, is set/due/expected to,
** plans to, or a forward word before the date: "through August", "as early
** as Tuesday", "by the end of May"), -1 past, 0 neither (present). */
static int clause_tense(const toks *t, size_t a, size_t b, size_t m0) {
    int past = 0;
    for (size_t i = a; i < b; i++) {
        if (tin(t, i, FUTURE) >= 0) return 1;
        if (t->v[i].kind == TK_WORD && tlen(t, i) > 3 && !strncmp(tstr(t, i) + tlen(t, i) - 3, "'ll", 3))
            return 1;
        if (tin(t, i, PLAN_VERB) >= 0 && (tis(t, i + 1, "to") || tis(t, i + 1, "a") ||
                                          tis(t, i + 1, "an") || tis(t, i + 1, "the")))
            return 1;
        if (tin(t, i, FUTURE_BE) >= 0) {
            size_t j = i + 1;
            if (tin(t, j, FUTURE_MID) >= 0) { j++; if (tis(t, j, "to")) return 1; }
            else if (tis(t, j, "to") && (tis(t, i, "is") || tis(t, i, "are")) &&
                     t->v[j + 1 < t->n ? j + 1 : j].kind == TK_WORD) return 1;   /* "is to meet" */
        }
        if (i < m0 && tpast(t, i)) past = 1;
    }
    /* words just before the date */
    size_t p = m0;
    if (p > a && (tis(t, p - 1, "on") || tis(t, p - 1, "in"))) p--;
    if (p > a && tin(t, p - 1, FORWARD_PRE) >= 0 && !past) return 1;
    if (p >= a + 3 && tis(t, p - 1, "as") && tis(t, p - 2, "early") && tis(t, p - 3, "as")) return 1;
    if (p >= a + 4 && tis(t, p - 1, "of") && tis(t, p - 2, "end") && tis(t, p - 3, "the") &&
        tis(t, p - 4, "by") && !past) return 1;
    if (past) return -1;
    for (size_t i = m0; i < b; i++) if (tpast(t, i)) return -1;
    return 0;
}

/* ---- events: texts that stand alone ------------------------------------- */

/* Opening words that point back into the article. */
static const char *const POINT_BACK[] = {"it", "its", "he", "his", "him", "she", "her",
    "they", "their", "them", "this", "these", "those", "that", "such", "we", "our", "us",
    "both", "latter", "former", "there's", NULL};
/* Nouns that, after "The" or "This" at the start, mean the article itself. */
static const char *const SELF_NOUNS[] = {"piece", "article", "story", "essay", "column",
    "post", "op-ed", "commentary", "editorial", "author", "writer", NULL};
/* Words that end a name: a text starting with one starts inside the name. */
static const char *const NAME_TAIL[] = {"Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "LLC", "PLC",
    "AG", "SA", NULL};
/* Words a cut text must not end on. */
static const char *const DANGLING[] = {"and", "or", "but", "the", "a", "an", "of", "to", "in",
    "on", "for", "with", "by", "that", "which", "as", "from", "at", "its", "their", NULL};

/* "It is no coincidence that", "It was announced that": an expletive "it". */
static int expletive_it(const toks *t, size_t i) {
    if (!(tis(t, i + 1, "is") || tis(t, i + 1, "was") || tis(t, i + 1, "has") ||
          tis(t, i + 1, "had") || tis(t, i + 1, "will") || tis(t, i + 1, "would")))
        return 0;
    for (size_t k = i + 2; k < t->n && k < i + 7; k++)
        if (tis(t, k, "that")) return 1;
    return 0;
}

int corpus_event_standalone(const char *text, const char **why) {
    const char *dummy;
    if (!why) why = &dummy;
    *why = NULL;
    if (!text || !*text) { *why = "empty"; return 0; }
    toks t;
    toks_lex(&t, text, strlen(text));
    int ok = 0;
    size_t f = 0;
    while (f < t.n && (quote_dir(&t, f) > 0 || tpunct(&t, f, '(') || tpunct(&t, f, '[')))
        f++;
    int depth = 0, straight = 0, words = 0, paren = 0;
    for (size_t i = 0; i < t.n; i++) {
        int q = quote_dir(&t, i);
        if (q == 2) straight ^= 1;
        else if (q) { depth += q; if (depth < 0) break; }
        if (tpunct(&t, i, '(')) paren++;
        if (tpunct(&t, i, ')') && --paren < 0) break;
        words += is_word_tok(&t, i);
    }
    const char *last = t.n ? tstr(&t, t.n - 1) : "";
    if (f >= t.n) *why = "no words";
    else if (!isupper((unsigned char)tstr(&t, f)[0]) && t.v[f].kind != TK_NUM &&
             (unsigned char)tstr(&t, f)[0] < 0x80)
        *why = "does not start a sentence or clause (lower-case start)";
    else if (f == 0 && (tin(&t, f, POINT_BACK) >= 0 || tis(&t, f, "It's")) &&
             !(tis(&t, f, "it") && expletive_it(&t, f)))
        *why = "starts with a word pointing back (pronoun or demonstrative)";
    else if (tin(&t, f, NAME_TAIL) >= 0)
        *why = "starts inside a name";
    else if (paren < 0)
        *why = "starts inside a parenthesis (a closing one before any opening one)";
    else if ((tis(&t, f, "the") || tis(&t, f, "this")) && tin(&t, f + 1, SELF_NOUNS) >= 0)
        *why = "starts with the article itself";
    else if (depth < 0)
        *why = "starts inside a quotation (a closing mark before any opening one)";
    else if (depth > 0 || straight)
        *why = "unbalanced quotation marks";
    else if (words > CORPUS_EVENT_MAX_WORDS)
        *why = "too long";
    else if (strchr(",;:-", last[0]) && t.v[t.n - 1].kind == TK_PUNCT)
        *why = "ends on a separator";
    else if (strstr(text, "\xe2\x80\xa6") || strstr(text, "..."))
        *why = "ends or breaks off with an ellipsis";
    else if (tin(&t, t.n - 1, DANGLING) >= 0)
        *why = "ends on a dangling word";
    else {
        ok = 1;
        for (size_t i = 0; i + 1 < t.n; i++)
            if ((tis(&t, i, "this") || tis(&t, i, "the")) && tin(&t, i + 1, SELF_NOUNS) >= 0 &&
                (tis(&t, i, "this") || i == f)) {
                *why = "talks about the article itself";
                ok = 0;
                break;
            }
    }
    free(t.v);
    return ok;
}

/* ---- events: expressions ------------------------------------------------- */

typedef enum {
    RK_SKIP,            /* consumed, no event (invalid date, year in a name) */
    RK_ABS,             /* date holds the value */
    RK_DAY_NOYEAR,      /* "Sept. 8": date.m, date.d; year from publication */
    RK_MONTH_ALONE,     /* "In July": date.m; year from publication and mod */
    RK_WEEKDAY,         /* "on Tuesday": wd; needs the publication day */
    RK_REL,             /* "last month": n units at prec from publication */
    RK_ANCHOR,          /* "a year later": n units at prec from the last date reached */
    RK_HOLIDAY          /* "on Christmas Eve": wd holds the holiday; year as a month's */
} rkind;

typedef struct rmatch {
    rkind kind;
    cdate date;
    int wd;             /* RK_WEEKDAY: 0 = Sunday; RK_HOLIDAY: index in HOLIDAYS */
    int from_anchor;    /* RK_WEEKDAY: "the previous Friday", counted from the anchor */
    int has_end;        /* a year range: end holds its last year */
    cdate end;
    int mod;            /* -1 "last", +1 "next", 2 "this", 0 by tense */
    int yoff_set, yoff; /* a month followed by "this year" (0) / "last year" (-1) */
    int n;              /* RK_REL, RK_ANCHOR: offset in units of prec */
    cdate_prec prec;
    size_t t0, t1;      /* tokens [t0, t1) */
} rmatch;

/* Word, possibly with a possessive "'s" ("today's", "Tuesday's"). */
static int tbase(const toks *t, size_t i, const char *w) {
    size_t n = strlen(w);
    if (i >= t->n || t->v[i].kind != TK_WORD || (tlen(t, i) != n && tlen(t, i) != n + 2)) return 0;
    if (!word_eq(tstr(t, i), n, w)) return 0;
    return tlen(t, i) == n || !strncmp(tstr(t, i) + n, "'s", 2);
}

static int tcount(const toks *t, size_t i) {    /* "four", "4", "a": the count, else 0 */
    int k;
    if (i >= t->n) return 0;
    if (t->v[i].kind == TK_NUM && t->v[i].ndig <= 2 && !t->v[i].ord) return t->v[i].val;
    if (tis(t, i, "a") || tis(t, i, "an")) return 1;
    return (k = tin(t, i, NUMWORDS)) > 0 ? k : 0;
}

static cdate_prec tunit(const toks *t, size_t i, int plural) {
    if (tbase(t, i, "year") || (plural && tis(t, i, "years"))) return CDATE_YEAR;
    if (tbase(t, i, "month") || (plural && tis(t, i, "months"))) return CDATE_MONTH;
    if (tbase(t, i, "day") || (plural && tis(t, i, "days"))) return CDATE_DAY;
    return CDATE_NONE;
}

/* Token i is a possessive: "today's", or "today" + adjacent "’" + "s". */
static int tposs(const toks *t, size_t i) {
    if (i >= t->n || t->v[i].kind != TK_WORD) return 0;
    if (tlen(t, i) > 2 && !strncmp(tstr(t, i) + tlen(t, i) - 2, "'s", 2)) return 1;
    return tadj(t, i) && i + 2 < t->n && tlen(t, i + 1) == 3 &&
           !memcmp(tstr(t, i + 1), "\xe2\x80\x99", 3) && tadj(t, i + 1) && tis(t, i + 2, "s");
}

static int year_is_date(const toks *t, size_t i) {
    if (tin(t, i + 1, QUANTITY) >= 0) return 0;
    if (tis(t, i + 1, "prices") || tis(t, i + 1, "constant")) return 0;   /* index base years */
    if (i == 0) return 1;
    if (t->v[i - 1].kind == TK_NUM) return 0;
    if (t->v[i - 1].kind == TK_PUNCT) return 1;
    if (tis(t, i - 1, "the") || tis(t, i - 1, "a") || tis(t, i - 1, "an") || tis(t, i - 1, "his") ||
        tis(t, i - 1, "her") || tis(t, i - 1, "its") || tis(t, i - 1, "their") ||
        tis(t, i - 1, "our")) {
        /* a year as an adjective: "a 2016 dispute" is an event, "the 1966
        ** squad" a thing; a capitalised name after it ("the 2008 Olympics") counts */
        if (i + 1 < t->n && t->v[i + 1].kind == TK_WORD && !tcap(t, i + 1) &&
            tin(t, i + 1, EVENT_NOUNS) < 0 && !tis(t, i + 1, "and") && !tis(t, i + 1, "to") &&
            !tis(t, i + 1, "or"))
            return 0;
        if (tis(t, i - 1, "a") || tis(t, i - 1, "an")) return 1;
    }
    if (tin(t, i - 1, YEAR_PREP) >= 0) return 1;
    return 0;   /* "Vision 2030" (a name) or "reached 2000" (a number) */
}

/* ---- holidays ------------------------------------------------------------ */

typedef enum { HD_FIXED, HD_NTH, HD_LAST, HD_EASTER } hdkind;

/* Named days: up to three capitalised words (an apostrophe-s may follow any),
** a rule, and whether the name alone needs a preposition before it (plain
** "Christmas" is often an adjective: "Christmas shopping"). */
static const struct holiday {
    const char *w[3];
    hdkind kind;
    int m, d;           /* HD_FIXED: month, day; HD_NTH / HD_LAST: month */
    int wd, nth;        /* HD_NTH: nth weekday wd (0 = Sunday); HD_LAST: last wd;
                        ** HD_EASTER: d is the offset in days from Easter Sunday */
    int need_prep;
} HOLIDAYS[] = {
    {{"New", "Year", "Eve"}, HD_FIXED, 12, 31, 0, 0, 0},
    {{"New", "Year", "Day"}, HD_FIXED, 1, 1, 0, 0, 0},
    {{"Christmas", "Eve", NULL}, HD_FIXED, 12, 24, 0, 0, 0},
    {{"Christmas", "Day", NULL}, HD_FIXED, 12, 25, 0, 0, 0},
    {{"Christmas", NULL, NULL}, HD_FIXED, 12, 25, 0, 0, 1},
    {{"Boxing", "Day", NULL}, HD_FIXED, 12, 26, 0, 0, 0},
    {{"Valentine", "Day", NULL}, HD_FIXED, 2, 14, 0, 0, 0},
    {{"Independence", "Day", NULL}, HD_FIXED, 7, 4, 0, 0, 0},
    {{"Veterans", "Day", NULL}, HD_FIXED, 11, 11, 0, 0, 0},
    {{"Halloween", NULL, NULL}, HD_FIXED, 10, 31, 0, 0, 1},
    {{"Thanksgiving", "Day", NULL}, HD_NTH, 11, 0, 4, 4, 0},
    {{"Thanksgiving", NULL, NULL}, HD_NTH, 11, 0, 4, 4, 1},
    {{"Labor", "Day", NULL}, HD_NTH, 9, 0, 1, 1, 0},
    {{"Labour", "Day", NULL}, HD_NTH, 9, 0, 1, 1, 0},
    {{"Martin", "Luther", "King"}, HD_NTH, 1, 0, 1, 3, 0},
    {{"Memorial", "Day", NULL}, HD_LAST, 5, 0, 1, 0, 0},
    /* US: the Tuesday after the first Monday of November */
    {{"Election", "Day", NULL}, HD_NTH, 11, 1, 1, 1, 0},
    {{"Good", "Friday", NULL}, HD_EASTER, 0, -2, 0, 0, 0},
    {{"Easter", "Sunday", NULL}, HD_EASTER, 0, 0, 0, 0, 0},
    {{"Easter", "Monday", NULL}, HD_EASTER, 0, 1, 0, 0, 0},
    {{"Easter", NULL, NULL}, HD_EASTER, 0, 0, 0, 0, 1},
};
#define NHOLIDAYS ((int)(sizeof HOLIDAYS / sizeof *HOLIDAYS))
static const char *const HOLIDAY_PREP[] = {"on", "at", "by", "before", "after", "since",
    "until", "till", "over", "during", "this", "last", "next", "for", "around", "of", NULL};

/* Token *i is the capitalised word w (an apostrophe-s after it, straight or
** curly, is skipped): advances *i past it. */
static int tword_adv(const toks *t, size_t *i, const char *w) {
    size_t j = *i;
    if (!tcap(t, j)) return 0;
    size_t n = tlen(t, j), wl = strlen(w);
    const char *s = tstr(t, j);
    if (!(n == wl || (n == wl + 2 && s[wl] == '\'') || (n == wl + 1 && s[wl] == 's')) ||
        !word_eq(s, wl, w))
        return 0;
    if (n == wl && tposs(t, j)) j += 2;      /* "Year" "’" "s" */
    *i = j + 1;
    return 1;
}

static cdate easter(int y) {                 /* anonymous Gregorian algorithm */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int mon = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return mk(y, mon, day, CDATE_DAY);
}

static cdate holiday_in(int h, int y) {
    const struct holiday *x = &HOLIDAYS[h];
    switch (x->kind) {
    case HD_FIXED: return mk(y, x->m, x->d, CDATE_DAY);
    case HD_EASTER: return day_add(easter(y), x->d);
    case HD_NTH: {
        cdate first = mk(y, x->m, 1, CDATE_DAY);
        int off = (x->wd - weekday_of(first) + 7) % 7 + 7 * (x->nth - 1);
        return day_add(first, off + x->d);     /* Election Day: d = 1 after the Monday */
    }
    case HD_LAST: {
        cdate last = mk(y, x->m, days_in_month(y, x->m), CDATE_DAY);
        return day_add(last, -((weekday_of(last) - x->wd + 7) % 7));
    }
    }
    return mk(y, 1, 1, CDATE_DAY);
}

/* A holiday named at token i: its index, *next after its name, or -1. */
static int match_holiday(const toks *t, size_t i, size_t *next) {
    if (!tcap(t, i) || !strchr("NCBVIHTLMEG", tstr(t, i)[0])) return -1;  /* hot: every token */
    for (int h = 0; h < NHOLIDAYS; h++) {
        if (tstr(t, i)[0] != HOLIDAYS[h].w[0][0]) continue;
        size_t j = i;
        int k = 0;
        while (k < 3 && HOLIDAYS[h].w[k] && tword_adv(t, &j, HOLIDAYS[h].w[k])) k++;
        if (k < 3 && HOLIDAYS[h].w[k]) continue;
        if (HOLIDAYS[h].need_prep && (i == 0 || tin(t, i - 1, HOLIDAY_PREP) < 0)) continue;
        if (HOLIDAYS[h].need_prep && tcap(t, j)) continue;     /* "Easter Island" */
        *next = j;
        return h;
    }
    return -1;
}

/* Relative expressions starting at token i. */
static int match_rel(const toks *t, size_t i, rmatch *m) {
    int k, c;
    size_t nx;
    cdate_prec u;
    m->t0 = i;
    if (tcap(t, i) && i > 0 && tcap(t, i - 1) && (tbase(t, i, "today") || tbase(t, i, "tomorrow"))) {
        m->kind = RK_SKIP; m->t1 = i + 1;           /* "New York Today", "USA Today": names */
        return 1;
    }
    if (tbase(t, i, "today") && tposs(t, i)) {      /* "today's smartphones": a qualifier */
        m->kind = RK_SKIP; m->t1 = i + 1;
        return 1;
    }
    if ((k = tis(t, i, "last") ? -1 : tis(t, i, "next") ? 1 : tis(t, i, "this") ? 2 : 0) != 0 &&
        tis(t, i + 1, "fiscal") && tbase(t, i + 2, "year")) {       /* "this fiscal year" */
        m->kind = RK_REL; m->prec = CDATE_YEAR; m->n = k == 2 ? 0 : k; m->t1 = i + 3;
        return 1;
    }
    if (tis(t, i, "the") && (tis(t, i + 1, "previous") || tis(t, i + 1, "preceding") ||
                             tis(t, i + 1, "following") || tis(t, i + 1, "next")) &&
        (m->wd = tweekday(t, i + 2, 0, &nx)) >= 0) {      /* "the previous Friday" */
        m->kind = RK_WEEKDAY; m->from_anchor = 1; m->t1 = nx;
        m->mod = tis(t, i + 1, "previous") || tis(t, i + 1, "preceding") ? -1 : 1;
        return 1;
    }
    if (tbase(t, i, "yesterday") || tbase(t, i, "today") || tbase(t, i, "tomorrow")) {
        m->kind = RK_REL; m->prec = CDATE_DAY; m->t1 = i + 1;
        m->n = tbase(t, i, "yesterday") ? -1 : tbase(t, i, "today") ? 0 : 1;
        return 1;
    }
    if ((k = tis(t, i, "last") ? -1 : tis(t, i, "next") ? 1 : tis(t, i, "this") ? 2 : 0) != 0) {
        int after_the = i > 0 && tis(t, i - 1, "the");     /* "over the last year" */
        int full;
        if ((u = tunit(t, i + 1, 0)) != CDATE_NONE && u != CDATE_DAY && !after_the) {
            m->kind = RK_REL; m->prec = u; m->n = k == 2 ? 0 : k; m->t1 = i + 2;
            if (k == 1 && tposs(t, i + 1)) m->kind = RK_SKIP;  /* "next year's budget": a qualifier */
            return 1;
        }
        if ((m->wd = tweekday(t, i + 1, 0, &nx)) >= 0) {
            m->kind = RK_WEEKDAY; m->mod = k; m->t1 = nx;
            return 1;
        }
        if ((c = tmonth(t, i + 1, &full, &nx)) > 0 && full && !after_the) {
            m->kind = RK_MONTH_ALONE; m->date = mk(0, c, 0, CDATE_MONTH); m->mod = k; m->t1 = nx;
            return 1;
        }
        return 0;
    }
    if ((c = tcount(t, i)) > 0 && (u = tunit(t, i + 1, 1)) != CDATE_NONE) {
        if (tis(t, i + 2, "ago")) {
            m->kind = RK_REL; m->prec = u; m->n = -c; m->t1 = i + 3;
            return 1;
        }
        if (tis(t, i + 2, "later") || tis(t, i + 2, "afterwards")) {
            m->kind = RK_ANCHOR; m->prec = u; m->n = c; m->t1 = i + 3;
            return 1;
        }
        return 0;
    }
    if (tis(t, i, "the") && (u = tunit(t, i + 2, 0)) != CDATE_NONE) {
        int dir = tis(t, i + 1, "following") || tis(t, i + 1, "subsequent") ? 1 :
                  tis(t, i + 1, "previous") || tis(t, i + 1, "preceding") ? -1 :
                  tis(t, i + 1, "next") && u == CDATE_DAY ? 1 : 0;
        if (!dir) return 0;
        m->kind = RK_ANCHOR; m->prec = u; m->n = dir; m->t1 = i + 3;
        return 1;
    }
    if ((m->wd = tweekday(t, i, 0, &nx)) >= 0) {
        if (i > 0 && tcap(t, i - 1) && tin(t, i - 1, WEEKDAY_PREP) < 0) return 0; /* "Black Friday" */
        m->kind = RK_WEEKDAY; m->mod = 0; m->t1 = nx;
        return 1;
    }
    return 0;
}

/* "this year" / "last year" / "next year" within a few tokens after j. */
static int year_after(const toks *t, size_t j, int *yoff, size_t *end) {
    for (size_t k = j; k < t->n && k < j + CDATE_LOOKAHEAD; k++) {
        if (t->v[k].kind == TK_PUNCT) return 0;
        if (tis(t, k + 1, "year") && (tis(t, k, "this") || tis(t, k, "last") || tis(t, k, "next"))) {
            *yoff = tis(t, k, "this") ? 0 : tis(t, k, "last") ? -1 : 1;
            *end = k + 2;
            return 1;
        }
    }
    return 0;
}

/* Any dated expression at token i. */
static int match_event(const toks *t, size_t i, rmatch *m) {
    dmatch dm;
    int full, mon;
    size_t nx, k;
    /* hot: every token. A lower-case word starts a date only as one of
    ** today, yesterday, tomorrow, last, next, this, the, a/an, a number
    ** word, fiscal: their first letters. */
    if (t->v[i].kind == TK_WORD && islower((unsigned char)tstr(t, i)[0]) &&
        !strchr("tylnaofsez", tstr(t, i)[0]))
        return 0;
    memset(m, 0, sizeof *m);
    if (match_abs(t, i, &dm)) {
        m->t0 = dm.t0; m->t1 = dm.t1; m->date = dm.date;
        switch (dm.kind) {
        case DM_NONE: m->kind = RK_SKIP; break;
        case DM_YEAR: m->kind = year_is_date(t, i) ? RK_ABS : RK_SKIP; break;
        case DM_DAY_NOYEAR: m->kind = RK_DAY_NOYEAR; break;
        default: m->kind = RK_ABS; break;
        }
        return 1;
    }
    if (t->v[i].kind == TK_NUM && t->v[i].ndig == 4 && !t->v[i].ord && i + 2 < t->n &&
        tadj(t, i) && tadj(t, i + 1) && (tpunct(t, i + 1, '-') || is_dash_tok(t, i + 1)) &&
        t->v[i + 2].kind == TK_NUM && (t->v[i + 2].ndig == 2 || t->v[i + 2].ndig == 4) &&
        year_ok(t->v[i].val) && (i == 0 || !isdigit((unsigned char)t->s[t->v[i].s - 1]))) {
        /* "1957-58", "2009–2012": a range of years, or nothing */
        int y0 = t->v[i].val, y1 = t->v[i + 2].val;
        if (t->v[i + 2].ndig == 2) y1 += y0 / 100 * 100;
        m->t0 = i; m->t1 = i + 3; m->kind = RK_SKIP;
        if (y1 > y0 && year_ok(y1) && year_is_date(t, i) && tin(t, i + 3, QUANTITY) < 0 &&
            !(i + 3 < t->n && t->v[i + 3].kind == TK_PUNCT && tlen(t, i + 3) == 1 &&
              strchr("-%", tstr(t, i + 3)[0]))) {
            m->kind = RK_ABS; m->date = mk(y0, 0, 0, CDATE_YEAR);
            m->has_end = 1; m->end = mk(y1, 0, 0, CDATE_YEAR);
        }
        return 1;
    }
    if ((tis(t, i, "fiscal") || (tis(t, i, "FY") && tadj(t, i))) &&
        (k = tbase(t, i + 1, "year") ? i + 2 : i + 1) < t->n && tyear(t, k)) {
        m->t0 = i; m->t1 = k + 1; m->kind = RK_ABS;           /* "fiscal 2016", "FY2016" */
        m->date = mk(tyear(t, k), 0, 0, CDATE_YEAR);
        return 1;
    }
    if (match_rel(t, i, m)) return 1;
    if ((m->wd = match_holiday(t, i, &nx)) >= 0) {
        int y;
        m->t0 = i; m->t1 = nx; m->kind = RK_HOLIDAY;
        if ((y = tyear(t, nx)) > 0) {                        /* "Christmas 2015" */
            m->kind = RK_ABS; m->date = holiday_in(m->wd, y); m->t1 = nx + 1;
        }
        m->mod = i > 0 && tis(t, i - 1, "last") ? -1 : i > 0 && tis(t, i - 1, "next") ? 1 : 0;
        return 1;
    }
    if ((mon = tmonth(t, i, &full, &nx)) > 0 && full) {     /* a month named alone */
        int yoff;
        size_t end;
        int has_year = year_after(t, nx, &yoff, &end);
        int prep = i > 0 && tin(t, i - 1, MONTH_PREP) >= 0;
        if (i > 0 && tis(t, i - 1, "for") && mon != 5) prep = 1;   /* "figures for January" */
        if (tposs(t, i) && (i == 0 || !tcap(t, i - 1))) prep = 1;  /* "January's vote" */
        if (!prep) {
            if (!has_year || end != nx + 2) return 0;         /* "January this year" */
        }
        m->kind = RK_MONTH_ALONE; m->date = mk(0, mon, 0, CDATE_MONTH); m->t0 = i; m->t1 = nx;
        return 1;
    }
    return 0;
}

/* "from January to October", "between 2010 and 2014": the range is one
** statement dated by its start; its end goes into *end (returns 1). */
static int swallow_range_end(const toks *t, rmatch *m, rmatch *end) {
    size_t j = m->t1;
    if (m->t0 == 0 || !(tis(t, m->t0 - 1, "from") || tis(t, m->t0 - 1, "between"))) return 0;
    if (!(tis(t, j, "to") || tis(t, j, "and") || tis(t, j, "through") || tis(t, j, "until") ||
          tpunct(t, j, '-') || is_dash_tok(t, j)))
        return 0;
    if (match_event(t, j + 1, end) && end->kind != RK_SKIP && end->kind != RK_REL &&
        end->kind != RK_HOLIDAY && !end->has_end) {
        m->t1 = end->t1;
        return 1;
    }
    int full, mon;
    size_t nx;
    if (m->kind == RK_MONTH_ALONE && (mon = tmonth(t, j + 1, &full, &nx)) > 0 && full) {
        memset(end, 0, sizeof *end);        /* "from November to February" */
        end->kind = RK_MONTH_ALONE; end->date = mk(0, mon, 0, CDATE_MONTH);
        end->t0 = j + 1; end->t1 = nx;
        m->t1 = nx;
        return 1;
    }
    return 0;
}

/* "a six-month campaign", "a 90-day review": count and unit, or 0. */
static const char *const START_VERBS[] = {"launched", "started", "began", "begun", "kicked",
    "opened", "introduced", "initiated", "embarked", "rolled", "unveiled", "starts", "launches",
    "begins", NULL};
static int duration_in(const toks *t, size_t a, size_t b, cdate_prec *unit, int *weeks) {
    int n = 0, verb = 0;
    for (size_t i = a; i < b; i++) {
        if (tin(t, i, START_VERBS) >= 0) verb = 1;
        if (t->v[i].kind != TK_WORD) {
            if (t->v[i].kind == TK_NUM && tpunct(t, i + 1, '-') && tadj(t, i) && tadj(t, i + 1) &&
                t->v[i].ndig <= 3 && !t->v[i].ord) {
                const char *u = tstr(t, i + 2);
                size_t ul = i + 2 < t->n ? tlen(t, i + 2) : 0;
                cdate_prec p = word_eq(u, ul, "month") ? CDATE_MONTH : word_eq(u, ul, "year") ?
                               CDATE_YEAR : word_eq(u, ul, "day") ? CDATE_DAY : CDATE_NONE;
                if (word_eq(u, ul, "week")) { p = CDATE_DAY; *weeks = 1; }
                if (p != CDATE_NONE && t->v[i].val > 0) { n = t->v[i].val; *unit = p; }
            }
            continue;
        }
        const char *w = tstr(t, i), *dash = memchr(w, '-', tlen(t, i));
        if (!dash) continue;
        size_t l0 = (size_t)(dash - w), l1 = tlen(t, i) - l0 - 1;
        int c = 0;
        for (int k = 1; NUMWORDS[k]; k++) if (word_eq(w, l0, NUMWORDS[k])) c = k;
        if (!c) continue;
        const char *u = dash + 1;
        cdate_prec p = word_eq(u, l1, "month") ? CDATE_MONTH : word_eq(u, l1, "year") ?
                       CDATE_YEAR : word_eq(u, l1, "day") ? CDATE_DAY : CDATE_NONE;
        if (word_eq(u, l1, "week")) { p = CDATE_DAY; *weeks = 1; }
        if (p != CDATE_NONE) { n = c; *unit = p; }
    }
    return verb ? n : 0;
}

/* End of a span of n units starting at d (inclusive): "six months from
** July" ends in December. prec NONE when the units do not fit d. */
static cdate span_end(cdate d, int n, cdate_prec unit, int weeks) {
    cdate none = {0, 0, 0, CDATE_NONE};
    if (weeks) n *= 7;
    if (n <= 1 || n > 1200) return none;
    if (unit == CDATE_YEAR) {
        if (d.prec == CDATE_YEAR) return mk(d.y + n - 1, 0, 0, CDATE_YEAR);
        if (d.prec == CDATE_MONTH) return month_add(d, n * 12 - 1);
        return none;
    }
    if (unit == CDATE_MONTH && d.prec == CDATE_MONTH) return month_add(d, n - 1);
    if (unit == CDATE_MONTH && d.prec == CDATE_DAY) return month_add(d, n);
    if (unit == CDATE_DAY && d.prec == CDATE_DAY) return day_add(d, n - 1);
    return none;
}

/* ---- events: resolution -------------------------------------------------- */

static int resolve(const evstate *st, rmatch *m, int tense, cdate *out) {
    cdate p = st->pub, c;
    int future = tense > 0;
    switch (m->kind) {
    case RK_ABS:
        *out = m->date;
        return 1;
    case RK_DAY_NOYEAR:
        if (p.prec < CDATE_YEAR) return 0;
        c = mk(p.y, m->date.m, m->date.d, CDATE_DAY);
        if (p.prec >= CDATE_MONTH) {
            int cmp = cdate_cmp(c, p);
            if (cmp > 0 && !future) c.y--;
            else if (cmp < 0 && future && p.prec == CDATE_DAY) c.y++;
        }
        if (!date_valid(c)) return 0;     /* Feb. 29 in a common year */
        *out = c;
        return 1;
    case RK_MONTH_ALONE:
        if (p.prec < CDATE_YEAR) return 0;
        c = mk(p.y, m->date.m, 0, CDATE_MONTH);
        if (m->yoff_set) c.y += m->yoff;
        else if (m->mod == -1 || m->mod == 1) {
            if (p.prec < CDATE_MONTH) return 0;
            if (m->mod == -1 && c.m >= p.m) c.y--;
            if (m->mod == 1 && c.m <= p.m) c.y++;
        } else if (m->mod == 0 && p.prec >= CDATE_MONTH) {
            if (c.m > p.m && !future) c.y--;
            else if (c.m < p.m && future) c.y++;
        }
        *out = c;
        return 1;
    case RK_WEEKDAY: {
        /* a caption dated "Aug. 1, 2017. ... on Tuesday": the weekday is
        ** near that date, not the publication */
        if (st->para_day.prec == CDATE_DAY) p = st->para_day;
        if (m->from_anchor) p = st->anchor;    /* "the previous Friday" */
        if (p.prec < CDATE_DAY) return 0;
        if (m->from_anchor == 2) { *out = p; return 1; }    /* that very day */
        int wp = weekday_of(p);
        int back = (wp - m->wd + 7) % 7, fwd = (m->wd - wp + 7) % 7;
        if (m->mod == -1) *out = day_add(p, back ? -back : -7);
        else if (m->mod == 1) *out = day_add(p, fwd ? fwd : 7);
        else *out = day_add(p, future ? fwd : -back);
        return 1;
    }
    case RK_HOLIDAY: {
        if (p.prec < CDATE_YEAR) return 0;
        c = holiday_in(m->wd, p.y);
        if (p.prec >= CDATE_MONTH) {
            int cmp = cdate_cmp(c, p);
            if ((m->mod == -1 && cmp >= 0) || (m->mod == 0 && cmp > 0 && !future))
                c = holiday_in(m->wd, p.y - 1);
            else if ((m->mod == 1 && cmp <= 0) || (m->mod == 0 && cmp < 0 && future))
                c = holiday_in(m->wd, p.y + 1);
        }
        *out = c;
        return date_valid(c);
    }
    case RK_REL:
    case RK_ANCHOR: {
        cdate base = m->kind == RK_REL ? p : st->anchor;
        if (base.prec < m->prec) return 0;
        if (m->prec == CDATE_DAY) *out = day_add(base, m->n);
        else if (m->prec == CDATE_MONTH) *out = month_add(base, m->n);
        else *out = mk(base.y + m->n, 0, 0, CDATE_YEAR);
        return date_valid(*out);
    }
    default:
        return 0;
    }
}

/* ---- events: driver ------------------------------------------------------ */

typedef struct evkey { size_t para, sent; cdate date; } evkey;

static int seen_before(const evkey *keys, size_t n, evkey k) {
    for (size_t i = 0; i < n; i++)
        if (keys[i].para == k.para && keys[i].sent == k.sent && keys[i].date.prec == k.date.prec &&
            !cdate_cmp(keys[i].date, k.date))
            return 1;
    return 0;
}

/* Events of one sentence span s[0..len) of paragraph para (offset base). */
static void events_in_span(evstate *st, evkey **keys, size_t para, const char *s, size_t len,
                           size_t base) {
    toks t;
    toks_lex(&t, s, len);
    if (!t.n) { free(t.v); return; }
    size_t *sid = xmalloc(t.n * sizeof *sid);   /* sentence index of each token */
    for (size_t i = 0, cur = 0; i < t.n; i++) {
        size_t e = sentence_end_at(&t, i);
        sid[i] = cur;
        if (e) { for (size_t k = i + 1; k <= e; k++) sid[k] = cur; i = e; cur++; }
    }
    for (size_t i = 0; i < t.n; ) {
        rmatch m, em;
        int ranged = 0;
        if (!match_event(&t, i, &m)) { i++; continue; }
        if (m.kind != RK_SKIP && !m.has_end) ranged = swallow_range_end(&t, &m, &em);
        if (m.kind == RK_MONTH_ALONE) {
            size_t end;
            if (!m.mod && year_after(&t, m.t1, &m.yoff, &end)) {
                m.yoff_set = 1; m.t1 = end;
                if (ranged && em.kind == RK_MONTH_ALONE && !em.mod) { em.yoff_set = 1; em.yoff = m.yoff; }
            }
        }
        i = m.t1 > i ? m.t1 : i + 1;
        if (m.kind == RK_SKIP) continue;
        size_t a = m.t0, b = m.t1;
        while (a > 0 && sid[a - 1] == sid[m.t0]) a--;
        while (b < t.n && sid[b] == sid[m.t1 - 1]) b++;
        size_t ctx = 0, lower = 0;  /* words of the sentence besides the date */
        for (size_t k = a; k < b; k++) {
            if ((k >= m.t0 && k < m.t1) || t.v[k].kind != TK_WORD) continue;
            ctx++;
            lower += islower((unsigned char)tstr(&t, k)[0]) && tlen(&t, k) >= 2 &&
                     !(k > 0 && tpunct(&t, k - 1, '.') && t.v[k - 1].e == t.v[k].s);  /* not ".org" */
        }
        const tok *last = &t.v[b - 1];
        int closed = last->kind == TK_PUNCT &&
                     (strchr(".!?)]", t.s[last->s]) || is_quote_tok(&t, b - 1));
        size_t sent = base + t.v[a].s;
        /* tense: the clause holding the date, else the whole sentence */
        size_t c0 = m.t0, c1 = m.t1;
        while (c0 > a && !clause_start_at(&t, c0)) c0--;
        while (c1 < b && !clause_start_at(&t, c1)) c1++;
        int tense = clause_tense(&t, c0, c1, m.t0);
        if (!tense) tense = clause_tense(&t, a, b, m.t0);
        cdate d, e = {0, 0, 0, CDATE_NONE};
        /* "Today, chaos theory is part of...", "who, today, would": the
        ** present in general, not the publication day */
        if (m.kind == RK_REL && m.prec == CDATE_DAY && m.n == 0 &&
            (clause_tense(&t, a, b, m.t0) == 0 || (tpunct(&t, m.t0 - (m.t0 > 0), ',') &&
                                                    tpunct(&t, m.t1, ','))))
            continue;
        /* "Earlier Saturday": the day the narrative reached, when it is that weekday */
        if (m.kind == RK_WEEKDAY && !m.mod && !m.from_anchor && st->pub.prec == CDATE_DAY) {
            for (size_t r = 1; r <= CDATE_RECENT && r <= st->recent_i; r++) {
                cdate rd = st->recent[(st->recent_i - r) % CDATE_RECENT];
                long dd = cdate_days_between(st->pub, rd);
                if (weekday_of(rd) == m.wd && dd <= 7 && dd >= -7) {
                    st->anchor = rd;
                    m.from_anchor = 2;
                    break;
                }
            }
        }
        if (!resolve(st, &m, tense, &d)) continue;
        if (m.has_end) e = m.end;
        else if (ranged && resolve(st, &em, tense, &e)) {
            if (em.kind == RK_MONTH_ALONE && !em.yoff_set && d.prec >= CDATE_YEAR) {
                e.y = d.y;                              /* "from November to February" */
                if (cdate_cmp(e, d) < 0) e.y++;
            } else if (em.kind == RK_DAY_NOYEAR && d.prec >= CDATE_YEAR) {
                e.y = d.y;
                if (cdate_cmp(e, d) < 0) e.y++;
                if (!date_valid(e)) e.prec = CDATE_NONE;
            }
        } else {
            cdate_prec unit = CDATE_NONE;
            int weeks = 0, cnt = duration_in(&t, a, b, &unit, &weeks);
            if (cnt) e = span_end(d, cnt, unit, weeks);  /* "a six-month campaign launched in July" */
        }
        st->anchor = d;                 /* the narrative moved there */
        if (d.prec == CDATE_DAY) st->recent[st->recent_i++ % CDATE_RECENT] = d;
        if ((m.kind == RK_ABS || m.kind == RK_DAY_NOYEAR) && d.prec == CDATE_DAY) st->para_day = d;
        if (e.prec != CDATE_NONE) {
            int cmp = cdate_cmp(e, d);
            if (cmp < 0) continue;      /* an absurd range: no event */
            if (cmp == 0 || !date_valid(e)) e.prec = CDATE_NONE;
        }
        /* a dateline, not a statement: hardly any words, or no running text
        ** around it ("Facebook Twitter google plus Thursday, Dec. 17, 2015") */
        if (ctx < CDATE_EVENT_MINCTX || (lower < CDATE_EVENT_MINCTX && !closed)) continue;
        evkey k = {para, sent, d};
        if (seen_before(*keys, st->n, k)) continue;
        char *text = event_text(&t, a, b, m.t0, m.t1);
        if (!text) continue;
        *keys = xrealloc(*keys, (st->n + 1) * sizeof **keys);
        (*keys)[st->n] = k;
        ev_push(st, d, e, text, para);
    }
    free(sid);
    free(t.v);
}

int corpus_events(const corpus_doc *doc, corpus_event **events, size_t *n) {
    evstate st;
    evkey *keys = NULL;
    memset(&st, 0, sizeof st);
    if (!doc->meta.published || cdate_parse_iso(doc->meta.published, &st.pub) != 0)
        st.pub.prec = CDATE_NONE;
    for (size_t p = 0; p < doc->npara; p++) {
        const char *text = doc->paras[p];
        if (!corpus_doc_is_body(doc, p)) continue;          /* no subhead, no list item */
        st.para_day.prec = CDATE_NONE;
        corpus_span *spans = NULL;
        size_t ns = corpus_sentences(text, strlen(text), &spans);
        for (size_t k = 0; k < ns; k++)
            if (spans[k].end > spans[k].start)
                events_in_span(&st, &keys, p, text + spans[k].start,
                               spans[k].end - spans[k].start, spans[k].start);
        free(spans);
    }
    free(keys);
    *events = st.v;
    *n = st.n;
    return 0;
}
