/*
** src/app/ui_timeline_model.c: the Timeline's time axis (ui_tlm_). Rules in
** ui_timeline_model.h. Pure C: tests drive it with invented events and
** label sizes.
*/
#include "app/ui_timeline_model.h"

#include "common/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOKENS_MAX   96         /* content words compared per text */
#define NORM_MAX     1024       /* bytes of a text compared for sameness */
#define MIN_SPAN     7.0        /* days: level 0 never shows less than a week */
#define LEVEL_STEP   1.25       /* a level must be this much finer than level 0 */
#define PAN_PAD_FRAC 0.10       /* axis widths: free room past the range when zoomed in */

/* Visible span across the axis of the levels after level 0, days. */
const double ui_tlm_spans[] = { 3652.5, 1826.25, 730.5, 365.25, 182.6, 91.3, 30.4, 14.0, 7.0 };
const int ui_tlm_nspans = (int)(sizeof ui_tlm_spans / sizeof ui_tlm_spans[0]);

struct ui_tlm {
    ui_tlm_item *items;         /* owned, n of them, by (start, end, first) */
    int n;
    int *src;                   /* owned: events of all items, item by item */
    int *src_off;               /* owned: item i's events start at src[src_off[i]] */
    int *ev_article, *ev_item;  /* owned, per input event */
    int nev;
    double lo, hi;              /* days: the covered range */
    ui_tlm_geom g;              /* from ui_tlm_layout */
    int nlevels;
    double ppd[UI_TLM_LEVELS_MAX];
    signed char *rows;          /* owned: rows[level * n + item] */
    signed char *anchor;        /* owned: anchor[level * n + item], ui_tlm_anchor_kind */
    float *fan;                 /* owned: per item, its place in a stack of items at one
                                ** date (same mid): offset in touch targets from the mid */
    ui_tlm_tick *ticks[UI_TLM_LEVELS_MAX];  /* owned per level */
    int nticks[UI_TLM_LEVELS_MAX];
};

/* ---- dates --------------------------------------------------------------- */

/* Howard Hinnant's days_from_civil. */
long ui_tlm_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void ui_tlm_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    return (int)(ui_tlm_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - ui_tlm_days(y, m, 1));
}

/* Digits only, exactly len of them. */
static int read_num(const char *s, int len, int *out)
{
    int v = 0;
    for (int i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int ui_tlm_parse(const char *date, const char *precision, double *start, double *end,
                 ui_tlm_prec *prec)
{
    (void)precision;            /* the form of the date decides; see the header */
    int y = 0, mo = 0, d = 0;
    size_t len = date ? strlen(date) : 0;
    if (len < 4 || read_num(date, 4, &y) != 0)
        return -1;
    if (len == 4) {
        *prec = UI_TLM_YEAR;
        *start = (double)ui_tlm_days(y, 1, 1);
        *end = (double)ui_tlm_days(y + 1, 1, 1);
        return 0;
    }
    if (date[4] != '-' || len < 7 || read_num(date + 5, 2, &mo) != 0 || mo < 1 || mo > 12)
        return -1;
    if (len == 7) {
        *prec = UI_TLM_MONTH;
        *start = (double)ui_tlm_days(y, mo, 1);
        *end = *start + days_in_month(y, mo);
        return 0;
    }
    if (len != 10 || date[7] != '-' || read_num(date + 8, 2, &d) != 0 || d < 1 ||
        d > days_in_month(y, mo))
        return -1;
    *prec = UI_TLM_DAY;
    *start = (double)ui_tlm_days(y, mo, d);
    *end = *start + 1;
    return 0;
}

/* ---- text similarity ----------------------------------------------------- */

static const char *const stopwords[] = {
    "the", "and", "for", "with", "from", "that", "this", "these", "those", "was", "were",
    "are", "has", "have", "had", "its", "their", "his", "her", "hers", "him", "into", "onto",
    "after", "before", "over", "under", "than", "then", "been", "being", "will", "would",
    "said", "says", "not", "but", "who", "whom", "which", "when", "where", "what", "why",
    "how", "about", "also", "more", "most", "some", "any", "all", "our", "out", "off",
    "upon", "they", "them", "she", "you", "can", "could", "did", "does", "during", "while",
    "between", "against", "through", "there", "here", "such", "each", "other", "per",
    "via", "one", "two", "first", "last", "new", "may", "might", "should", "since", "until",
};

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

typedef struct tokens {
    char buf[NORM_MAX];         /* lowercased words, each NUL-terminated */
    const char *w[TOKENS_MAX];
    int n;
} tokens;

static int is_stopword(const char *w)
{
    for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
        if (strcmp(stopwords[i], w) == 0)
            return 1;
    return 0;
}

/* The distinct content words of s. */
static void tokenize(const char *s, tokens *t)
{
    size_t used = 0;
    t->n = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        if (!is_word_byte(*p)) {
            p++;
            continue;
        }
        const unsigned char *q = p;
        while (*q && is_word_byte(*q))
            q++;
        size_t len = (size_t)(q - p);
        if (len >= 3 && used + len + 1 <= sizeof t->buf && t->n < TOKENS_MAX) {
            char *w = t->buf + used;
            for (size_t i = 0; i < len; i++)
                w[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
            w[len] = '\0';
            int dup = is_stopword(w);
            for (int i = 0; !dup && i < t->n; i++)
                dup = strcmp(t->w[i], w) == 0;
            if (!dup) {
                t->w[t->n++] = w;
                used += len + 1;
            }
        }
        p = q;
    }
}

int ui_tlm_overlap_pct(const char *a, const char *b)
{
    tokens *ta = xmalloc(sizeof *ta), *tb = xmalloc(sizeof *tb);
    tokenize(a, ta);
    tokenize(b, tb);
    int common = 0, pct = 0;
    for (int i = 0; i < ta->n; i++)
        for (int j = 0; j < tb->n; j++)
            if (strcmp(ta->w[i], tb->w[j]) == 0) {
                common++;
                break;
            }
    int least = ta->n < tb->n ? ta->n : tb->n;
    if (least > 0)
        pct = common * 100 / least;
    free(ta);
    free(tb);
    return pct;
}

static const char *const calendar_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
};

/* The distinct capitalised words of s (names), lowercased: not the first
** word of a sentence, not a month or weekday, two letters or more. */
static void names_of(const char *s, tokens *t)
{
    size_t used = 0;
    int initial = 1;            /* the next word starts a sentence */
    t->n = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        if (!is_word_byte(*p)) {
            if (*p == '.' || *p == '!' || *p == '?' || *p == ':')
                initial = p[1] == ' ' || p[1] == '\0';
            p++;
            continue;
        }
        const unsigned char *q = p;
        while (*q && is_word_byte(*q))
            q++;
        size_t len = (size_t)(q - p);
        int cap = *p >= 'A' && *p <= 'Z';
        if (cap && !initial && len >= 2 && used + len + 1 <= sizeof t->buf && t->n < TOKENS_MAX) {
            char *w = t->buf + used;
            for (size_t i = 0; i < len; i++)
                w[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
            w[len] = '\0';
            int dup = 0;
            for (size_t i = 0; !dup && i < sizeof calendar_words / sizeof *calendar_words; i++)
                dup = strcmp(calendar_words[i], w) == 0;
            for (int i = 0; !dup && i < t->n; i++)
                dup = strcmp(t->w[i], w) == 0;
            if (!dup) {
                t->w[t->n++] = w;
                used += len + 1;
            }
        }
        initial = 0;
        p = q;
    }
}

int ui_tlm_same_names(const char *a, const char *b)
{
    tokens *ta = xmalloc(sizeof *ta), *tb = xmalloc(sizeof *tb);
    names_of(a, ta);
    names_of(b, tb);
    int common = 0;
    for (int i = 0; i < ta->n; i++)
        for (int j = 0; j < tb->n; j++)
            if (strcmp(ta->w[i], tb->w[j]) == 0) {
                common++;
                break;
            }
    int least = ta->n < tb->n ? ta->n : tb->n;
    free(ta);
    free(tb);
    if (least < UI_TLM_NAMES_MIN || common * 100 < UI_TLM_NAMES_PCT * least)
        return 0;
    return ui_tlm_overlap_pct(a, b) >= UI_TLM_SIMILAR_LOW_PCT;
}

/* Next word byte of s from *p on, lowercased; 0 at the end. */
static int next_norm(const unsigned char **p)
{
    while (**p && !is_word_byte(**p))
        (*p)++;
    if (!**p)
        return 0;
    int c = *(*p)++;
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int ui_tlm_same_text(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)(a ? a : ""), *q = (const unsigned char *)(b ? b : "");
    for (;;) {
        int ca = next_norm(&p), cb = next_norm(&q);
        if (ca != cb)
            return 0;
        if (!ca)
            return 1;
    }
}

/* ---- building items ------------------------------------------------------ */

typedef struct ev_key {
    double start, end, mid;
    ui_tlm_prec prec;
    int span;
    int moved;                  /* rule 3: took a finer event's date */
    int idx;
} ev_key;

static int cmp_key(const void *a, const void *b)
{
    const ev_key *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->moved != y->moved)   /* the event that owns the date first */
        return x->moved - y->moved;
    return x->idx - y->idx;
}

/* Rule 3: month / year points join a finer point of another article inside
** their interval that names the same participants (the nearest one). */
static void join_coarse(const ui_tlm_event *ev, ev_key *keys, int nk)
{
    for (int i = 0; i < nk; i++) {
        ev_key *c = &keys[i];
        if (c->prec == UI_TLM_DAY || c->span)
            continue;
        int best = -1;
        double bestd = 0;
        for (int j = 0; j < nk; j++) {
            const ev_key *f = &keys[j];
            if (f->moved || f->span || f->prec >= c->prec || f->start < c->start ||
                f->end > c->end || ev[f->idx].article == ev[c->idx].article)
                continue;
            double d = fabs(f->mid - c->mid);
            if ((best < 0 || d < bestd) && ui_tlm_same_names(ev[c->idx].text, ev[f->idx].text)) {
                best = j;
                bestd = d;
            }
        }
        if (best >= 0) {
            c->start = keys[best].start;
            c->end = keys[best].end;
            c->mid = keys[best].mid;
            c->prec = keys[best].prec;
            c->moved = 1;
        }
    }
}

/* May event e join the item whose events are evs[0..n)? (rules 1, 2) */
static int may_join(const ui_tlm_event *ev, const int *evs, int n, int e, ui_tlm_prec prec)
{
    for (int i = 0; i < n; i++)
        if (ui_tlm_same_text(ev[evs[i]].text, ev[e].text))
            return 1;
    for (int i = 0; i < n; i++)
        if (ev[evs[i]].article == ev[e].article)
            return 0;
    if (prec == UI_TLM_DAY)
        return 1;
    return ui_tlm_overlap_pct(ev[evs[0]].text, ev[e].text) >= UI_TLM_SIMILAR_PCT ||
           ui_tlm_same_names(ev[evs[0]].text, ev[e].text);
}

ui_tlm *ui_tlm_create(const ui_tlm_event *ev, int n)
{
    ui_tlm *m = xcalloc(1, sizeof *m);
    int cap = n > 0 ? n : 1;
    ev_key *keys = xmalloc((size_t)cap * sizeof *keys);
    int nk = 0;
    m->nev = n;
    m->ev_article = xmalloc((size_t)cap * sizeof(int));
    m->ev_item = xmalloc((size_t)cap * sizeof(int));
    for (int i = 0; i < n; i++) {
        m->ev_article[i] = ev[i].article;
        m->ev_item[i] = -1;
        ev_key k = { 0, 0, 0, UI_TLM_DAY, 0, 0, i };
        if (ui_tlm_parse(ev[i].date, ev[i].precision, &k.start, &k.end, &k.prec) != 0)
            continue;
        k.mid = (k.start + k.end) / 2;
        double s1, e1;
        ui_tlm_prec p1;
        if (ev[i].end_date && ui_tlm_parse(ev[i].end_date, ev[i].end_precision, &s1, &e1, &p1) == 0 &&
            e1 > k.end) {
            k.end = e1;
            k.span = 1;
        }
        keys[nk++] = k;
    }
    join_coarse(ev, keys, nk);
    qsort(keys, (size_t)nk, sizeof *keys, cmp_key);

    /* Items of one date are built in place: members[] holds the group's
    ** events item by item (item j of the group: owner[] == j). */
    m->items = xcalloc((size_t)cap, sizeof *m->items);
    m->src = xmalloc((size_t)cap * sizeof(int));
    m->src_off = xmalloc((size_t)(cap + 1) * sizeof(int));
    int *owner = xmalloc((size_t)cap * sizeof(int)), *tmp = xmalloc((size_t)cap * sizeof(int));
    int nsrc = 0;
    for (int g0 = 0; g0 < nk;) {
        int g1 = g0;
        while (g1 < nk && keys[g1].start == keys[g0].start && keys[g1].end == keys[g0].end)
            g1++;
        int first_item = m->n;
        for (int k = g0; k < g1; k++) {
            int e = keys[k].idx, joined = -1;
            for (int it = first_item; it < m->n && joined < 0; it++) {
                int cnt = 0;        /* the events of item it so far, in order */
                for (int j = g0; j < k; j++)
                    if (owner[j - g0] == it)
                        tmp[cnt++] = keys[j].idx;
                if (may_join(ev, tmp, cnt, e, keys[k].prec))
                    joined = it;
            }
            if (joined < 0) {
                joined = m->n++;
                ui_tlm_item *item = &m->items[joined];
                item->start = keys[k].start;
                item->end = keys[k].end;
                item->prec = keys[k].prec;
                item->span = keys[k].span;
                item->mid = keys[k].mid;
                item->first = e;
            }
            owner[k - g0] = joined;
            m->items[joined].nsrc++;
            m->ev_item[e] = joined;
        }
        for (int it = first_item; it < m->n; it++) {     /* events item by item */
            m->src_off[it] = nsrc;
            for (int k = g0; k < g1; k++)
                if (owner[k - g0] == it)
                    m->src[nsrc++] = keys[k].idx;
        }
        g0 = g1;
    }
    m->src_off[m->n] = nsrc;
    if (m->n) {
        m->lo = m->items[0].start;
        m->hi = m->items[0].end;
        for (int i = 1; i < m->n; i++)
            m->hi = m->items[i].end > m->hi ? m->items[i].end : m->hi;
    }
    free(owner);
    free(tmp);
    free(keys);
    return m;
}

static void free_layout(ui_tlm *m)
{
    free(m->rows);
    free(m->anchor);
    m->rows = NULL;
    m->anchor = NULL;
    for (int i = 0; i < UI_TLM_LEVELS_MAX; i++) {
        free(m->ticks[i]);
        m->ticks[i] = NULL;
        m->nticks[i] = 0;
    }
    m->nlevels = 0;
}

void ui_tlm_destroy(ui_tlm *m)
{
    if (!m)
        return;
    free_layout(m);
    free(m->items);
    free(m->src);
    free(m->src_off);
    free(m->ev_article);
    free(m->ev_item);
    free(m->fan);
    free(m);
}

int ui_tlm_count(const ui_tlm *m) { return m->n; }
const ui_tlm_item *ui_tlm_item_at(const ui_tlm *m, int i) { return &m->items[i]; }
double ui_tlm_lo(const ui_tlm *m) { return m->lo; }
double ui_tlm_hi(const ui_tlm *m) { return m->hi; }
const ui_tlm_geom *ui_tlm_geometry(const ui_tlm *m) { return &m->g; }

const int *ui_tlm_item_events(const ui_tlm *m, int i, int *n)
{
    *n = m->src_off[i + 1] - m->src_off[i];
    return m->src + m->src_off[i];
}

int ui_tlm_event_article(const ui_tlm *m, int ev)
{
    return ev >= 0 && ev < m->nev ? m->ev_article[ev] : -1;
}

int ui_tlm_item_of_event(const ui_tlm *m, int ev)
{
    return ev >= 0 && ev < m->nev ? m->ev_item[ev] : -1;
}

void ui_tlm_set_label(ui_tlm *m, int i, int w, int h)
{
    if (i >= 0 && i < m->n) {
        m->items[i].label_w = w;
        m->items[i].label_h = h;
    }
}

/* ---- geometry ------------------------------------------------------------ */

double ui_tlm_x(const ui_tlm *m, double ppd, double left, double day)
{
    return m->g.axis_x + (day - left) * ppd;
}

double ui_tlm_zoom_left(const ui_tlm *m, double day, double x, double ppd)
{
    return day - (x - m->g.axis_x) / ppd;
}

/* px: free room past the range at each end at ppd. Level 0 is fitted so
** that exactly this room is left (see ui_tlm_layout); at least half a touch
** target, so an end marker's target stays on the axis. */
static double end_pad_px(const ui_tlm *m, double ppd)
{
    double span = m->hi - m->lo > MIN_SPAN ? m->hi - m->lo : MIN_SPAN;
    double pad = UI_TLM_MARGIN_FRAC * span * ppd, cap = PAN_PAD_FRAC * m->g.axis_w;
    pad = pad < cap ? pad : cap;
    double least = m->g.target / 2.0;
    return pad > least ? pad : least;
}

void ui_tlm_pan_limits(const ui_tlm *m, double ppd, double *lo, double *hi)
{
    double pad = end_pad_px(m, ppd) / ppd, view = m->g.axis_w / ppd;
    *lo = m->lo - pad;
    *hi = m->hi + pad - view;
    if (*hi < *lo) {                            /* all of it fits: centre it */
        double c = (m->lo + m->hi) / 2 - view / 2;
        *lo = *hi = c;
    }
}

/* Days: the axis range at ppd, everything panning can show. */
static void axis_range(const ui_tlm *m, double ppd, double *l, double *r)
{
    double lo, hi;
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    *l = lo;
    *r = hi + m->g.axis_w / ppd;
}

int ui_tlm_nlevels(const ui_tlm *m) { return m->nlevels; }
double ui_tlm_level_ppd(const ui_tlm *m, int level) { return m->ppd[level]; }
double ui_tlm_min_ppd(const ui_tlm *m) { return m->ppd[0]; }
double ui_tlm_max_ppd(const ui_tlm *m) { return m->ppd[m->nlevels - 1]; }

int ui_tlm_level_for(const ui_tlm *m, double ppd)
{
    int l = 0;
    while (l + 1 < m->nlevels && m->ppd[l + 1] <= ppd * (1 + 1e-9))
        l++;
    return l;
}

int ui_tlm_row(const ui_tlm *m, int level, int i)
{
    if (!m->rows || level < 0 || level >= m->nlevels || i < 0 || i >= m->n)
        return -1;
    return m->rows[level * m->n + i];
}

int ui_tlm_anchor(const ui_tlm *m, int level, int i)
{
    if (!m->anchor || level < 0 || level >= m->nlevels || i < 0 || i >= m->n)
        return UI_TLM_ANCHOR_START;
    return m->anchor[level * m->n + i];
}

const ui_tlm_tick *ui_tlm_ticks(const ui_tlm *m, int level, int *n)
{
    *n = level >= 0 && level < m->nlevels ? m->nticks[level] : 0;
    return *n ? m->ticks[level] : NULL;
}

/* px an item's marker sits beside its mid: items at one date (same mid,
** which did not merge) stand side by side, a touch target apart, centred
** on the date, so each has its own marker to tap at every zoom. */
static double fan_px(const ui_tlm *m, int i)
{
    return m->fan ? (double)m->fan[i] * m->g.target : 0;
}

/* The fan offsets: groups of items with equal mid (items are sorted by
** start, end: equal mids are neighbours). */
static void layout_fan(ui_tlm *m)
{
    free(m->fan);
    m->fan = xcalloc((size_t)(m->n ? m->n : 1), sizeof *m->fan);
    for (int i = 0; i < m->n; ) {
        int j = i + 1;
        while (j < m->n && m->items[j].mid == m->items[i].mid)
            j++;
        for (int k = i; k < j; k++)
            m->fan[k] = (float)(k - i) - (float)(j - i - 1) / 2;
        i = j;
    }
}

double ui_tlm_item_x(const ui_tlm *m, int i, double ppd, double left)
{
    return ui_tlm_x(m, ppd, left, m->items[i].mid) + fan_px(m, i);
}

static int cmp_mid(const void *a, const void *b, const ui_tlm *m)
{
    double x = m->items[*(const int *)a].mid, y = m->items[*(const int *)b].mid;
    return x < y ? -1 : x > y ? 1 : *(const int *)a - *(const int *)b;
}

/* Insertion sort by mid (n is small: the events of one corpus). */
static void sort_by_mid(const ui_tlm *m, int *order)
{
    for (int i = 0; i < m->n; i++)
        order[i] = i;
    for (int i = 1; i < m->n; i++)
        for (int j = i; j > 0 && cmp_mid(&order[j - 1], &order[j], m) > 0; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
}

/* Label boxes of a level: [x, x + w) from the marker (START), or
** [x - w, x) when that would pass the right end of the axis range (END); a
** label that fits neither way is hidden. Boxes are px from day 0 at the
** level's ppd; the screen floors x, so END keeps a px to spare on the left.
** Items in time order take the first row where their box keeps label_gap
** from every box already in it (anchored boxes of a row are then in time
** order left to right, so their gaps only grow with ppd). */
static void layout_rows(ui_tlm *m, int level, const int *order)
{
    double ppd = m->ppd[level], lday, rday;
    axis_range(m, ppd, &lday, &rday);
    double lim_l = lday * ppd, lim_r = rday * ppd, gap = m->g.label_gap;
    int rows = m->g.rows > 0 ? m->g.rows : 0;
    signed char *row_of = m->rows + level * m->n;
    double *bx = xmalloc((size_t)(m->n ? m->n : 1) * sizeof *bx);  /* box left edges */
    if (rows > 127)
        rows = 127;
    for (int k = 0; k < m->n; k++) {
        int i = order[k];
        const ui_tlm_item *it = &m->items[i];
        double x = it->mid * ppd + fan_px(m, i), w = it->label_w;
        int a = x + w > lim_r ? UI_TLM_ANCHOR_END : UI_TLM_ANCHOR_START;
        m->anchor[level * m->n + i] = (signed char)a;
        bx[i] = a == UI_TLM_ANCHOR_START ? x : x - w;
        int row = -1;
        if (it->label_w > 0 && it->label_h <= m->g.row_h &&
            bx[i] - (a == UI_TLM_ANCHOR_END) >= lim_l &&   /* a fanned marker may be */
            (a == UI_TLM_ANCHOR_START || x <= lim_r))       /* beyond an end */
            for (int r = 0; r < rows && row < 0; r++) {
                int free_ = 1;
                for (int j = 0; j < k && free_; j++) {
                    int o = order[j];
                    free_ = row_of[o] != r || bx[i] >= bx[o] + m->items[o].label_w + gap ||
                            bx[o] >= bx[i] + w + gap;
                }
                if (free_)
                    row = r;
            }
        row_of[i] = (signed char)row;
    }
    free(bx);
}

/* Smallest step of steps[] whose spacing step * unit_px reaches need px; 0 if none. */
static int pick_step(const int *steps, int nsteps, double unit_px, int need)
{
    for (int i = 0; i < nsteps; i++)
        if (steps[i] * unit_px >= need)
            return steps[i];
    return 0;
}

static void add_tick(ui_tlm_tick **t, int *n, int *cap, double day, int kind, int labeled,
                     int y, int mo, int d)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *t = xrealloc(*t, (size_t)*cap * sizeof **t);
    }
    (*t)[(*n)++] = (ui_tlm_tick){ day, kind, labeled, y, mo, d };
}

/* Ticks of a level over everything that can be seen at its ppd. */
static void layout_ticks(ui_tlm *m, int level)
{
    static const int ysteps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
    static const int msteps[] = { 1, 3, 6 };
    static const int dsteps[] = { 1, 2, 5, 10 };
    double ppd = m->ppd[level], lo, hi;
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    hi += m->g.axis_w / ppd;
    int y0, y1, mo, d;
    ui_tlm_civil((long)floor(lo), &y0, &mo, &d);
    ui_tlm_civil((long)ceil(hi), &y1, &mo, &d);
    int ystep = pick_step(ysteps, 10, 365.25 * ppd, m->g.year_label_w);
    int show_m = 28 * ppd >= m->g.tick_gap, show_d = ppd >= m->g.tick_gap;
    int mstep = pick_step(msteps, 3, 28 * ppd, m->g.month_label_w);
    int dstep = pick_step(dsteps, 4, ppd, m->g.day_label_w);
    ui_tlm_tick *t = NULL;
    int n = 0, cap = 0;
    for (int y = y0; y <= y1 + 1; y++) {
        add_tick(&t, &n, &cap, (double)ui_tlm_days(y, 1, 1), UI_TLM_TICK_YEAR,
                 ystep && y % ystep == 0, y, 1, 1);
        for (int mm = 1; mm <= 12 && show_m && y <= y1; mm++) {
            if (mm > 1)
                add_tick(&t, &n, &cap, (double)ui_tlm_days(y, mm, 1), UI_TLM_TICK_MONTH,
                         mstep && (mm - 1) % mstep == 0, y, mm, 1);
            int dim = days_in_month(y, mm);
            for (int dd = 2; dd <= dim && show_d; dd++)
                add_tick(&t, &n, &cap, (double)ui_tlm_days(y, mm, dd), UI_TLM_TICK_DAY,
                         dstep && (dd - 1) % dstep == 0 && dd + dstep <= dim + 1 &&
                         !(dstep == 1 && dd == 2), y, mm, dd);   /* day 2 would run into the month name */
        }
    }
    m->ticks[level] = t;
    m->nticks[level] = n;
}

void ui_tlm_layout(ui_tlm *m, const ui_tlm_geom *g)
{
    free_layout(m);
    m->g = *g;
    if (m->g.axis_w < 1)
        m->g.axis_w = 1;
    double span = m->hi - m->lo > MIN_SPAN ? m->hi - m->lo : MIN_SPAN;
    /* level 0: the range plus end_pad_px at each end fills the axis */
    double edge = UI_TLM_MARGIN_FRAC / (1 + 2 * UI_TLM_MARGIN_FRAC) * m->g.axis_w;
    edge = edge > m->g.target / 2.0 ? edge : m->g.target / 2.0;
    double inner = m->g.axis_w - 2 * edge;
    m->ppd[0] = (inner > 1 ? inner : 1) / span;
    m->nlevels = 1;
    for (int i = 0; i < ui_tlm_nspans && m->nlevels < UI_TLM_LEVELS_MAX; i++) {
        double ppd = m->g.axis_w / ui_tlm_spans[i];
        if (ppd > m->ppd[0] * LEVEL_STEP)
            m->ppd[m->nlevels++] = ppd;
    }
    m->rows = xmalloc((size_t)(m->nlevels * (m->n ? m->n : 1)));
    m->anchor = xmalloc((size_t)(m->nlevels * (m->n ? m->n : 1)));
    layout_fan(m);
    int *order = xmalloc((size_t)(m->n ? m->n : 1) * sizeof(int));
    sort_by_mid(m, order);
    for (int l = 0; l < m->nlevels; l++) {
        layout_rows(m, l, order);
        layout_ticks(m, l);
    }
    free(order);
}

/* ---- labels and hits ----------------------------------------------------- */

int ui_tlm_label_rect(const ui_tlm *m, int i, double ppd, double left,
                      int *x, int *y, int *w, int *h)
{
    int row = ui_tlm_row(m, ui_tlm_level_for(m, ppd), i);
    if (row < 0)
        return 0;
    const ui_tlm_item *it = &m->items[i];
    int k = row / 2;
    *x = (int)floor(ui_tlm_item_x(m, i, ppd, left));
    if (ui_tlm_anchor(m, ui_tlm_level_for(m, ppd), i) == UI_TLM_ANCHOR_END)
        *x -= it->label_w;
    *w = it->label_w;
    *h = it->label_h;
    if (row % 2 == 0)           /* above: the label's bottom hugs its row's bottom */
        *y = m->g.axis_y - m->g.row_gap - k * m->g.row_h - it->label_h;
    else
        *y = m->g.axis_y + m->g.row_gap + k * m->g.row_h;
    return 1;
}

int ui_tlm_hit(const ui_tlm *m, double ppd, double left, float x, float y)
{
    int half = m->g.target / 2;
    for (int i = 0; i < m->n; i++) {
        int lx, ly, lw, lh;
        if (!ui_tlm_label_rect(m, i, ppd, left, &lx, &ly, &lw, &lh))
            continue;
        int grow = lh < m->g.target ? (m->g.target - lh) / 2 : 0;
        if (x >= lx && x < lx + lw && y >= ly - grow && y < ly + lh + grow)
            return i;
    }
    int best = -1;
    double best_d = half + 1;
    if (fabsf(y - (float)m->g.axis_y) > half)
        return -1;
    for (int i = 0; i < m->n; i++) {
        double d = fabs(ui_tlm_item_x(m, i, ppd, left) - x);
        if (d <= half && d < best_d) {
            best = i;
            best_d = d;
        }
    }
    return best;
}
