/*
** tests/test_timeline_model.c: the Timeline's time axis (ui_tlm_), on small
** invented events: calendar arithmetic, date parsing, the merging rules one
** by one, date -> x proportional to time, ticks per zoom level, label rows
** without overlap, pan limits and hit testing.
*/
#include "app/ui_timeline_model.h"
#include "t.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const ui_tlm_geom geom = {
    .axis_x = 50, .axis_w = 1000, .axis_y = 300, .row_h = 60, .row_gap = 20, .rows = 4,
    .label_gap = 10, .target = 48, .tick_gap = 8, .year_label_w = 50, .month_label_w = 40,
    .day_label_w = 24,
};

static void test_days(void)
{
    static const struct { int y, m, d; long want; } rows[] = {
        {1970, 1, 1, 0}, {1969, 12, 31, -1}, {2000, 1, 1, 10957}, {2000, 3, 1, 11017},
        {2024, 1, 1, 19723}, {2024, 2, 29, 19782}, {1900, 3, 1, -25508},
    };
    for (int i = 0; i < N(rows); i++) {
        T_INT(ui_tlm_days(rows[i].y, rows[i].m, rows[i].d), rows[i].want);
        int y, m, d;
        ui_tlm_civil(rows[i].want, &y, &m, &d);
        T_OK(y == rows[i].y && m == rows[i].m && d == rows[i].d);
    }
    int bad = 0;                                /* round trip over ~100 years */
    for (long z = -3000; z < 40000; z++) {
        int y, m, d;
        ui_tlm_civil(z, &y, &m, &d);
        bad += ui_tlm_days(y, m, d) != z;
    }
    T_INT(bad, 0);
}

static void test_parse(void)
{
    static const struct { const char *date; int ok; ui_tlm_prec prec; int y, m, d; double len; } rows[] = {
        {"2023", 1, UI_TLM_YEAR, 2023, 1, 1, 365},
        {"2024", 1, UI_TLM_YEAR, 2024, 1, 1, 366},
        {"2023-02", 1, UI_TLM_MONTH, 2023, 2, 1, 28},
        {"2024-02", 1, UI_TLM_MONTH, 2024, 2, 1, 29},
        {"2023-12", 1, UI_TLM_MONTH, 2023, 12, 1, 31},
        {"2023-05-04", 1, UI_TLM_DAY, 2023, 5, 4, 1},
        {"2024-02-29", 1, UI_TLM_DAY, 2024, 2, 29, 1},
        {"", 0, 0, 0, 0, 0, 0}, {"20", 0, 0, 0, 0, 0, 0}, {"abcd", 0, 0, 0, 0, 0, 0},
        {"2023-13", 0, 0, 0, 0, 0, 0}, {"2023-00", 0, 0, 0, 0, 0, 0},
        {"2023-02-30", 0, 0, 0, 0, 0, 0}, {"2023-5-4", 0, 0, 0, 0, 0, 0},
        {"2023-05-04x", 0, 0, 0, 0, 0, 0}, {"2023/05/04", 0, 0, 0, 0, 0, 0},
    };
    for (int i = 0; i < N(rows); i++) {
        double s = -1, e = -1;
        ui_tlm_prec p = UI_TLM_DAY;
        int rc = ui_tlm_parse(rows[i].date, NULL, &s, &e, &p);
        T_INT(rc, rows[i].ok ? 0 : -1);
        if (!rows[i].ok || rc)
            continue;
        T_INT(p, rows[i].prec);
        T_OK(s == (double)ui_tlm_days(rows[i].y, rows[i].m, rows[i].d));
        T_OK(e - s == rows[i].len);
    }
    double s, e;
    ui_tlm_prec p;                              /* the form wins over a wrong precision */
    T_INT(ui_tlm_parse("2023-05", "day", &s, &e, &p), 0);
    T_INT(p, UI_TLM_MONTH);
    T_INT(ui_tlm_parse(NULL, "day", &s, &e, &p), -1);
}

static void test_text_rules(void)
{
    static const struct { const char *a, *b; int similar; } rows[] = {
        {"City council approves the harbour bridge budget", "Council approves bridge budget for harbour", 1},
        {"Harbour bridge opens to traffic", "The bridge over the harbour opens for traffic", 1},
        {"Harbour bridge opens to traffic", "Mayor resigns after budget row", 0},
        {"The and for with", "The and for with", 0},       /* only function words */
        {"", "Bridge opens", 0},
        {"Storm floods the valley", "Valley storm: floods close roads, schools and shops", 1},
        {"Storm floods the valley", "Storm warning issued for the coast", 0},
    };
    for (int i = 0; i < N(rows); i++) {
        t_current = rows[i].a;
        T_INT(ui_tlm_overlap_pct(rows[i].a, rows[i].b) >= UI_TLM_SIMILAR_PCT, rows[i].similar);
    }
    t_current = "same_text";
    T_INT(ui_tlm_same_text("Bridge opens.", "bridge  opens"), 1);
    T_INT(ui_tlm_same_text("Bridge opens", "Bridge closes"), 0);
    T_INT(ui_tlm_same_text("Bridge opens", "Bridge opens again"), 0);
}

/* ---- merging: one case per rule ------------------------------------------ */

typedef struct merge_case {
    const char *name;
    ui_tlm_event ev[5];
    int n;
    int items;                  /* items expected */
    int nsrc[5];                /* sources of each item, in item order */
} merge_case;

static const merge_case merges[] = {
    {"day, two articles, any text: one item", {
        {"2020-03-04", "day", "Bridge opens", 0, NULL, NULL}, {"2020-03-04", "day", "Ferry service ends", 1, NULL, NULL}},
        2, 1, {2}},
    {"day, same article, different text: two items", {
        {"2020-03-04", "day", "Bridge opens", 0, NULL, NULL}, {"2020-03-04", "day", "Ferry service ends", 0, NULL, NULL}},
        2, 2, {1, 1}},
    {"same article, identical text: one item", {
        {"2020-03", "month", "Bridge opens.", 0, NULL, NULL}, {"2020-03", "month", "bridge opens", 0, NULL, NULL}},
        2, 1, {2}},
    {"month, two articles, similar text: one item", {
        {"2020-03", "month", "Council approves harbour bridge budget", 0, NULL, NULL},
        {"2020-03", "month", "Harbour bridge budget approved by council", 2, NULL, NULL}},
        2, 1, {2}},
    {"month, two articles, unrelated text: two items", {
        {"2020-03", "month", "Council approves harbour bridge budget", 0, NULL, NULL},
        {"2020-03", "month", "Orchard census counts old trees", 2, NULL, NULL}},
        2, 2, {1, 1}},
    {"year, two articles, identical text: one item", {
        {"2019", "year", "Feasibility study", 0, NULL, NULL}, {"2019", "year", "Feasibility study", 1, NULL, NULL}},
        2, 1, {2}},
    {"same text, different dates: two items", {
        {"2019-05-01", "day", "Bridge opens", 0, NULL, NULL}, {"2019-05-02", "day", "Bridge opens", 1, NULL, NULL}},
        2, 2, {1, 1}},
    {"month vs day in that month: two items", {
        {"2019-05", "month", "Bridge opens", 0, NULL, NULL}, {"2019-05-01", "day", "Bridge opens", 1, NULL, NULL}},
        2, 2, {1, 1}},
    {"unreadable dates are left out", {
        {"someday", "day", "Bridge opens", 0, NULL, NULL}, {"2019-05-01", "day", "Bridge opens", 1, NULL, NULL}},
        2, 1, {1}},
    {"month vs day, two outlets naming the same initiative: one item", {
        {"2020-09", "month", "China's Foreign Ministry unveiled the Global Initiative on Data Security", 0, NULL, NULL},
        {"2020-09-08", "day", "China launched the Global Initiative on Data Security in Beijing", 1, NULL, NULL}},
        2, 1, {2}},
    {"year vs day, the same names in one article: two items", {
        {"2020", "year", "China's Foreign Ministry unveiled the Global Initiative on Data Security", 1, NULL, NULL},
        {"2020-09-08", "day", "China launched the Global Initiative on Data Security in Beijing", 1, NULL, NULL}},
        2, 2, {1, 1}},
    {"month vs day, other names: two items", {
        {"2020-09", "month", "The Harbour Board of Millbrook raised its fees", 0, NULL, NULL},
        {"2020-09-08", "day", "Voters in Dorset chose a new Harbour Board", 1, NULL, NULL}},
        2, 2, {1, 1}},
    {"month, two articles, same names, other words: one item", {
        {"2020-03", "month", "Mayor Ana Ruiz visits Millbrook flood defences", 0, NULL, NULL},
        {"2020-03", "month", "Residents cheer loudly as Ana Ruiz tours Millbrook streets", 2, NULL, NULL}},
        2, 1, {2}},
    {"a range and a point of its first month: two items", {
        {"2015-01", "month", "Consumers spent more", 0, "2015-10", "month"},
        {"2015-01", "month", "Consumers spent more", 1, NULL, NULL}},
        2, 2, {1, 1}},
    {"two reports of one range: one item", {
        {"2015-01", "month", "Consumers spent more", 0, "2015-10", "month"},
        {"2015-01", "month", "consumers spent more.", 1, "2015-10", "month"}},
        2, 1, {2}},
    {"day: a second article joins the first item only", {
        {"2020-03-04", "day", "Bridge opens", 0, NULL, NULL}, {"2020-03-04", "day", "Ferry ends", 0, NULL, NULL},
        {"2020-03-04", "day", "Crowds at the bridge", 1, NULL, NULL}},
        3, 2, {2, 1}},
};

static void test_merging(void)
{
    for (int c = 0; c < N(merges); c++) {
        const merge_case *mc = &merges[c];
        t_current = mc->name;
        ui_tlm *m = ui_tlm_create(mc->ev, mc->n);
        T_INT(ui_tlm_count(m), mc->items);
        for (int i = 0; i < ui_tlm_count(m) && i < mc->items; i++)
            T_INT(ui_tlm_item_at(m, i)->nsrc, mc->nsrc[i]);
        ui_tlm_destroy(m);
    }
    /* an item's sources in input order; its first event decides tap and text */
    t_current = "sources";
    ui_tlm_event ev[] = {
        {"2021-06-01", "day", "B reports", 5, NULL, NULL}, {"2020", "year", "Early", 3, NULL, NULL},
        {"2021-06-01", "day", "A reports", 7, NULL, NULL},
    };
    ui_tlm *m = ui_tlm_create(ev, 3);
    T_INT(ui_tlm_count(m), 2);
    T_INT(ui_tlm_item_at(m, 0)->first, 1);      /* by date: 2020 first */
    int n;
    const int *src = ui_tlm_item_events(m, 1, &n);
    T_INT(n, 2);
    T_OK(n == 2 && src[0] == 0 && src[1] == 2);
    T_INT(ui_tlm_event_article(m, src[0]), 5);
    T_INT(ui_tlm_item_of_event(m, 2), 1);
    T_INT(ui_tlm_item_of_event(m, 1), 0);
    T_INT(ui_tlm_item_of_event(m, 9), -1);
    ui_tlm_destroy(m);
    m = ui_tlm_create(NULL, 0);                 /* empty corpus */
    T_INT(ui_tlm_count(m), 0);
    ui_tlm_layout(m, &geom);
    T_OK(ui_tlm_nlevels(m) >= 1);
    T_INT(ui_tlm_hit(m, ui_tlm_min_ppd(m), 0, 500, 300), -1);
    ui_tlm_destroy(m);
}

/* A range covers its first date's start to its last date's end; its marker
** sits at its first date; an end that is not after the start is ignored. */
static void test_spans(void)
{
    ui_tlm_event ev[] = {
        {"2015-01", "month", "From January to October", 0, "2015-10", "month"},
        {"2009", "year", "Between 2009 and 2012", 1, "2012", "year"},
        {"2016-03-04", "day", "A week", 2, "2016-03-10", "day"},
        {"2014", "year", "Backwards", 3, "2013", "year"},
        {"2014-05", "month", "Unreadable end", 4, "someday", "day"},
    };
    ui_tlm *m = ui_tlm_create(ev, N(ev));
    T_INT(ui_tlm_count(m), 5);
    for (int i = 0; i < ui_tlm_count(m); i++) {
        const ui_tlm_item *it = ui_tlm_item_at(m, i);
        switch (it->first) {
        case 0:
            T_INT(it->span, 1);
            T_OK(it->start == (double)ui_tlm_days(2015, 1, 1));
            T_OK(it->end == (double)ui_tlm_days(2015, 11, 1));
            T_OK(it->mid == (double)ui_tlm_days(2015, 1, 1) + 15.5);
            T_INT(it->prec, UI_TLM_MONTH);
            break;
        case 1:
            T_INT(it->span, 1);
            T_OK(it->end == (double)ui_tlm_days(2013, 1, 1));
            T_OK(it->mid == ((double)ui_tlm_days(2009, 1, 1) + (double)ui_tlm_days(2010, 1, 1)) / 2);
            break;
        case 2:
            T_INT(it->span, 1);
            T_OK(it->end == (double)ui_tlm_days(2016, 3, 11));
            T_OK(it->mid == (double)ui_tlm_days(2016, 3, 4) + 0.5);
            break;
        default:                    /* the end ignored: points */
            T_INT(it->span, 0);
            T_OK(it->mid == (it->start + it->end) / 2);
        }
    }
    T_OK(ui_tlm_lo(m) == (double)ui_tlm_days(2009, 1, 1));
    T_OK(ui_tlm_hi(m) == (double)ui_tlm_days(2016, 3, 11));
    ui_tlm_destroy(m);
    t_current = "same_names";
    T_INT(ui_tlm_same_names("Mayor Ana Ruiz visits Millbrook", "Ana Ruiz tours Millbrook today"), 1);
    T_INT(ui_tlm_same_names("On Monday Ana Ruiz spoke", "On Monday Ben Lee spoke"), 0);
    T_INT(ui_tlm_same_names("Ana spoke", "Ana spoke"), 0);     /* fewer than two names */
}

/* Events 2010..2020 with month and year precision among them. */
static const ui_tlm_event span_ev[] = {
    {"2010-01-01", "day", "Start", 0, NULL, NULL}, {"2012-06", "month", "Mid month", 1, NULL, NULL},
    {"2015", "year", "A year", 2, NULL, NULL}, {"2015-09-10", "day", "Inside the year", 0, NULL, NULL},
    {"2020-12-31", "day", "End", 1, NULL, NULL},
};

static ui_tlm *span_model(void)
{
    ui_tlm *m = ui_tlm_create(span_ev, N(span_ev));
    for (int i = 0; i < ui_tlm_count(m); i++)
        ui_tlm_set_label(m, i, 200, 50);
    ui_tlm_layout(m, &geom);
    return m;
}

static void test_x_by_time(void)
{
    ui_tlm *m = span_model();
    T_OK(ui_tlm_lo(m) == (double)ui_tlm_days(2010, 1, 1));
    T_OK(ui_tlm_hi(m) == (double)ui_tlm_days(2021, 1, 1));
    const ui_tlm_item *mon = ui_tlm_item_at(m, 1), *yr = ui_tlm_item_at(m, 2);
    T_INT(mon->prec, UI_TLM_MONTH);
    T_OK(mon->mid == ui_tlm_days(2012, 6, 1) + 15.0);       /* middle of June */
    T_INT(yr->prec, UI_TLM_YEAR);
    T_OK(yr->mid == ui_tlm_days(2015, 1, 1) + 182.5);       /* middle of 2015 */
    T_OK(yr->end - yr->start == 365);
    for (int l = 0; l < ui_tlm_nlevels(m); l++) {
        double ppd = ui_tlm_level_ppd(m, l), left = ui_tlm_lo(m) - 3;
        double prev = -INFINITY;
        int mono = 1, prop = 1;
        for (int i = 0; i < ui_tlm_count(m); i++) {
            const ui_tlm_item *it = ui_tlm_item_at(m, i);
            double x = ui_tlm_x(m, ppd, left, it->mid);
            mono &= x > prev || it->mid == ui_tlm_item_at(m, i - 1)->mid;
            prev = x;
            double want = geom.axis_x + (it->mid - left) * ppd;  /* linear in days */
            prop &= fabs(x - want) < 1e-6;
        }
        T_OK(mono && prop);
        /* twice the time, twice the distance */
        double a = ui_tlm_x(m, ppd, left, left + 100), b = ui_tlm_x(m, ppd, left, left + 200);
        T_OK(fabs((b - geom.axis_x) - 2 * (a - geom.axis_x)) < 1e-6);
        if (l)
            T_OK(ui_tlm_level_ppd(m, l) > ui_tlm_level_ppd(m, l - 1));
    }
    /* level 0 fits the range, the last level shows a week */
    double span = ui_tlm_hi(m) - ui_tlm_lo(m);
    T_OK(fabs(ui_tlm_min_ppd(m) * span * (1 + 2 * UI_TLM_MARGIN_FRAC) - geom.axis_w) < 1e-6);
    T_OK(fabs(ui_tlm_max_ppd(m) * 7 - geom.axis_w) < 1e-6);
    T_INT(ui_tlm_level_for(m, ui_tlm_min_ppd(m) / 2), 0);
    T_INT(ui_tlm_level_for(m, ui_tlm_max_ppd(m) * 2), ui_tlm_nlevels(m) - 1);
    T_INT(ui_tlm_level_for(m, (ui_tlm_level_ppd(m, 1) + ui_tlm_level_ppd(m, 2)) / 2), 1);
    ui_tlm_destroy(m);
}

/* Per level: ticks sit where their date is, in order; kinds appear as the
** zoom allows; labeled ticks of a kind are at least their label width apart. */
static void test_ticks(void)
{
    ui_tlm *m = span_model();
    static const struct { int level_from_end; int years, months, days, day_labels; } rows[] = {
        {-1, 1, 0, 0, 0},       /* level 0 (11 years): years only */
        {5, 1, 1, 0, 0},        /* 1 year across (2.7 px/day): months, no days */
        {3, 1, 1, 1, 1},        /* 3 months (11 px/day): days, labels every 5th */
        {1, 1, 1, 1, 1},        /* 2 weeks: days with labels */
        {0, 1, 1, 1, 1},        /* 1 week */
    };
    int nl = ui_tlm_nlevels(m);
    for (int r = 0; r < N(rows); r++) {
        int level = rows[r].level_from_end < 0 ? 0 : nl - 1 - rows[r].level_from_end;
        double ppd = ui_tlm_level_ppd(m, level);
        int n, seen[3] = {0}, dlab = 0, sorted = 1, placed = 1, spaced = 1;
        const ui_tlm_tick *t = ui_tlm_ticks(m, level, &n);
        double lastlab[3] = { -INFINITY, -INFINITY, -INFINITY };
        static const int need[3] = { 50, 40, 24 };
        for (int i = 0; i < n; i++) {
            seen[t[i].kind]++;
            if (i)
                sorted &= t[i].day > t[i - 1].day;
            placed &= t[i].day == ui_tlm_days(t[i].year, t[i].month, t[i].mday);
            if (t[i].kind == UI_TLM_TICK_YEAR)
                placed &= t[i].month == 1 && t[i].mday == 1;
            if (t[i].kind == UI_TLM_TICK_MONTH)
                placed &= t[i].mday == 1 && t[i].month > 1;
            if (t[i].labeled) {
                spaced &= (t[i].day - lastlab[t[i].kind]) * ppd >= need[t[i].kind];
                lastlab[t[i].kind] = t[i].day;
                dlab += t[i].kind == UI_TLM_TICK_DAY;
            }
        }
        t_current = "ticks";
        T_OK(sorted && placed && spaced);
        T_INT(seen[0] > 0, rows[r].years);
        T_INT(seen[1] > 0, rows[r].months);
        T_INT(seen[2] > 0, rows[r].days);
        T_INT(dlab > 0, rows[r].day_labels);
    }
    /* level 0: every year of the range has its tick; 11 years at ~83 px each
    ** need no thinning for 50 px labels */
    int n, labeled = 0;
    const ui_tlm_tick *t = ui_tlm_ticks(m, 0, &n);
    for (int y = 2010; y <= 2021; y++) {
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= t[i].kind == UI_TLM_TICK_YEAR && t[i].year == y;
        T_OK(found);
    }
    for (int i = 0; i < n; i++)
        labeled += t[i].labeled;
    T_INT(labeled, n);
    ui_tlm_destroy(m);

    /* 200 years in 1000 px: year labels thinned to a round step */
    ui_tlm_event wide[] = { {"1800", "year", "a", 0, NULL, NULL}, {"1999", "year", "b", 1, NULL, NULL} };
    m = ui_tlm_create(wide, 2);
    ui_tlm_layout(m, &geom);
    t = ui_tlm_ticks(m, 0, &n);
    int bad = 0;
    labeled = 0;
    for (int i = 0; i < n; i++)
        if (t[i].labeled) {
            labeled++;
            bad += t[i].year % 20 != 0;        /* 5 px/year: 10 years = 50 px is the step */
        }
    T_OK(labeled > 5 && labeled < 30);
    T_INT(bad, 0);
    ui_tlm_destroy(m);
}

/* Labels sharing a row never overlap, at a level's ppd and up to the next. */
static void test_rows(void)
{
    ui_tlm *m = span_model();
    for (int l = 0; l < ui_tlm_nlevels(m); l++) {
        double p0 = ui_tlm_level_ppd(m, l);
        double p1 = l + 1 < ui_tlm_nlevels(m) ? ui_tlm_level_ppd(m, l + 1) * 0.999 : p0 * 1.5;
        double ppds[2] = { p0, p1 };
        for (int k = 0; k < 2; k++) {
            int overlap = 0;
            for (int i = 0; i < ui_tlm_count(m); i++)
                for (int j = 0; j < ui_tlm_count(m); j++) {
                    int ax, ay, aw, ah, bx, by, bw, bh;
                    if (i == j || !ui_tlm_label_rect(m, i, ppds[k], 0, &ax, &ay, &aw, &ah) ||
                        !ui_tlm_label_rect(m, j, ppds[k], 0, &bx, &by, &bw, &bh))
                        continue;
                    overlap += ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
                }
            T_INT(overlap, 0);
        }
    }
    ui_tlm_destroy(m);

    /* five events on one day (one article: five items at one place), four
    ** rows: the markers stand side by side a target apart, centred on the
    ** day, and at every level each item is reachable by a tap on its own
    ** marker (issue 13 item 3: only one of them ever could be) */
    ui_tlm_event same[5];
    static const char *texts[] = { "Alpha one", "Bravo two", "Charlie three", "Delta four", "Echo five" };
    for (int i = 0; i < 5; i++)
        same[i] = (ui_tlm_event){ "2020-01-0" "1", "day", texts[i], 0, NULL, NULL};   /* one article: 5 items */
    m = ui_tlm_create(same, 5);
    T_INT(ui_tlm_count(m), 5);
    for (int i = 0; i < 5; i++)
        ui_tlm_set_label(m, i, 100, 40);
    ui_tlm_layout(m, &geom);
    for (int l = 0; l < ui_tlm_nlevels(m); l++) {
        double ppd = ui_tlm_level_ppd(m, l), lo, hi;
        ui_tlm_pan_limits(m, ppd, &lo, &hi);
        double left = (lo + hi) / 2;
        for (int i = 0; i < 5; i++) {
            double x = ui_tlm_item_x(m, i, ppd, left);
            T_OK(i == 0 || x - ui_tlm_item_x(m, i - 1, ppd, left) >= geom.target - 0.01);
            T_INT(ui_tlm_hit(m, ppd, left, (float)x, (float)geom.axis_y), i);
        }
        double mid = ui_tlm_x(m, ppd, left, ui_tlm_item_at(m, 0)->mid);    /* centred on the day */
        T_OK(fabs(ui_tlm_item_x(m, 2, ppd, left) - mid) < 0.01);
    }
    int x, y, w, h;                             /* rows alternate above / below */
    T_OK(ui_tlm_label_rect(m, 0, ui_tlm_min_ppd(m), 0, &x, &y, &w, &h) && y + h == 300 - 20);
    T_OK(ui_tlm_label_rect(m, 1, ui_tlm_min_ppd(m), 0, &x, &y, &w, &h) && y == 300 + 20);
    ui_tlm_set_label(m, 0, 100, 61);            /* taller than a row: never shown */
    ui_tlm_layout(m, &geom);
    T_INT(ui_tlm_row(m, 0, 0), -1);
    ui_tlm_destroy(m);
}

/* Shapes of ranges for the "never clipped" rule: at every level, seen from
** either end of its pan range (level 0: the one initial view), every label
** shown lies inside the axis, and labels of a row never overlap. */
typedef struct shape_case {
    const char *name;
    const char *dates[8];       /* NULL-terminated */
    int label_w;                /* px, every label */
    int min_shown;              /* labels shown at level 0 at least */
} shape_case;

static const shape_case shapes[] = {
    {"decade, both ends crowded", {"2010-01-01", "2010-01-05", "2015-06", "2020-12-20", "2020-12-28",
                                   "2020-12-31", NULL}, 200, 4},
    {"century of years", {"1900", "1950", "1999", NULL}, 150, 3},
    {"one day", {"2020-05-05", NULL}, 300, 1},
    {"two days a week apart", {"2020-05-01", "2020-05-08", NULL}, 300, 2},
    {"last day crowded", {"2001-01-01", "2019-07-01", "2019-07-01", "2019-07-01", "2019-07-01",
                          NULL}, 250, 3},
    {"month and year items at the end", {"2000-03-03", "2009-11", "2009", NULL}, 260, 3},
    {"wide labels", {"2000-01-01", "2005-01-01", "2010-01-01", NULL}, 480, 2},
};

static int rects_overlap(int ax, int ay, int aw, int ah, int bx, int by, int bw, int bh)
{
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static void test_labels_inside(void)
{
    for (int c = 0; c < N(shapes); c++) {
        const shape_case *sc = &shapes[c];
        static const char *const texts[] = { "alpha", "bravo", "charlie", "delta", "echo",
                                             "foxtrot", "golf", "hotel" };
        ui_tlm_event ev[8];
        int n = 0;
        for (; sc->dates[n]; n++)               /* one article, distinct texts: no merging */
            ev[n] = (ui_tlm_event){ sc->dates[n], NULL, texts[n], 0, NULL, NULL};
        ui_tlm *m = ui_tlm_create(ev, n);
        for (int i = 0; i < ui_tlm_count(m); i++)
            ui_tlm_set_label(m, i, sc->label_w, 40);
        ui_tlm_layout(m, &geom);
        int outside = 0, overlap = 0, shown0 = 0;
        for (int l = 0; l < ui_tlm_nlevels(m); l++) {
            double p0 = ui_tlm_level_ppd(m, l);
            double p1 = l + 1 < ui_tlm_nlevels(m) ? ui_tlm_level_ppd(m, l + 1) * 0.999 : p0 * 1.5;
            double ppds[2] = { p0, p1 };
            for (int k = 0; k < 2; k++) {
                double lo, hi;
                ui_tlm_pan_limits(m, ppds[k], &lo, &hi);
                double lefts[2] = { lo, hi };
                for (int e = 0; e < 2; e++)
                    for (int i = 0; i < ui_tlm_count(m); i++) {
                        int x, y, w, h;
                        if (!ui_tlm_label_rect(m, i, ppds[k], lefts[e], &x, &y, &w, &h))
                            continue;
                        shown0 += l == 0 && k == 0 && e == 0;
                        if (e == 0)             /* from the left end: nothing left of the axis */
                            outside += x < geom.axis_x;
                        if (e == 1)             /* from the right end: nothing right of it */
                            outside += x + w > geom.axis_x + geom.axis_w;
                        for (int j = i + 1; j < ui_tlm_count(m); j++) {
                            int x2, y2, w2, h2;
                            if (ui_tlm_label_rect(m, j, ppds[k], lefts[e], &x2, &y2, &w2, &h2))
                                overlap += rects_overlap(x, y, w, h, x2, y2, w2, h2);
                        }
                    }
            }
        }
        if (outside || overlap || shown0 < sc->min_shown)
            printf("  shape '%s': %d outside, %d overlapping, %d shown at level 0\n", sc->name,
                   outside, overlap, shown0);
        T_INT(outside, 0);
        T_INT(overlap, 0);
        T_OK(shown0 >= sc->min_shown);
        ui_tlm_destroy(m);
    }
}

/* Anchoring flips near the right end: START (box from the marker) at the
** left end and in the middle, END (box ends at the marker) near the right. */
static void test_anchor_flip(void)
{
    static const struct { const char *date; int anchor; } rows[] = {
        {"2010-01-01", UI_TLM_ANCHOR_START},     /* left end: extends rightwards */
        {"2015-06-01", UI_TLM_ANCHOR_START},
        {"2020-06-01", UI_TLM_ANCHOR_END},       /* 300 px would pass the right end */
        {"2020-12-31", UI_TLM_ANCHOR_END},
    };
    ui_tlm_event ev[4];
    for (int i = 0; i < N(rows); i++)
        ev[i] = (ui_tlm_event){ rows[i].date, "day", "e", i, NULL, NULL };
    ui_tlm *m = ui_tlm_create(ev, N(rows));
    for (int i = 0; i < N(rows); i++)
        ui_tlm_set_label(m, i, 300, 40);
    ui_tlm_layout(m, &geom);
    double ppd = ui_tlm_min_ppd(m), lo, hi;
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    for (int i = 0; i < N(rows); i++) {
        T_INT(ui_tlm_anchor(m, 0, i), rows[i].anchor);
        int x, y, w, h, mx = (int)floor(ui_tlm_x(m, ppd, lo, ui_tlm_item_at(m, i)->mid));
        T_OK(ui_tlm_label_rect(m, i, ppd, lo, &x, &y, &w, &h));
        T_INT(rows[i].anchor == UI_TLM_ANCHOR_START ? x : x + w, mx);
        T_INT(ui_tlm_hit(m, ppd, lo, x + w / 2.0f, y + h / 2.0f), i);   /* the flipped box is hit */
    }
    /* zoomed in far, the end item still flips; the start item never does */
    int last = ui_tlm_nlevels(m) - 1;
    T_INT(ui_tlm_anchor(m, last, 0), UI_TLM_ANCHOR_START);
    T_INT(ui_tlm_anchor(m, last, 3), UI_TLM_ANCHOR_END);
    T_INT(ui_tlm_anchor(m, last, 1), UI_TLM_ANCHOR_START);
    ui_tlm_destroy(m);

    /* a label that fits neither way is hidden, its marker stays */
    ui_tlm_geom narrow = geom;
    narrow.axis_w = 300;
    ui_tlm_event one[] = { {"2020-05-05", "day", "only", 0, NULL, NULL} };
    m = ui_tlm_create(one, 1);
    ui_tlm_set_label(m, 0, 250, 40);            /* centred: 150 px each side */
    ui_tlm_layout(m, &narrow);
    T_INT(ui_tlm_row(m, 0, 0), -1);
    ui_tlm_set_label(m, 0, 140, 40);            /* fits rightwards */
    ui_tlm_layout(m, &narrow);
    T_INT(ui_tlm_row(m, 0, 0), 0);
    T_INT(ui_tlm_anchor(m, 0, 0), UI_TLM_ANCHOR_START);
    ui_tlm_destroy(m);
}

static void test_pan_limits(void)
{
    ui_tlm_event ev[] = { {"2010-01-01", "day", "a", 0, NULL, NULL}, {"2020-12-31", "day", "b", 1, NULL, NULL} };
    ui_tlm *m = ui_tlm_create(ev, 2);
    ui_tlm_layout(m, &geom);                    /* labels of width 0 */
    double lo, hi, ppd = ui_tlm_min_ppd(m);
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    T_OK(fabs(lo - hi) < 1e-6);                 /* level 0: everything fits exactly */
    T_OK(ui_tlm_x(m, ppd, lo, ui_tlm_lo(m)) > geom.axis_x);
    T_OK(ui_tlm_x(m, ppd, lo, ui_tlm_hi(m)) < geom.axis_x + geom.axis_w);
    ppd = ui_tlm_max_ppd(m);                    /* zoomed in: the ends reachable, a margin past them */
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    T_OK(lo < ui_tlm_lo(m) && ui_tlm_lo(m) - lo <= 0.1 * geom.axis_w / ppd + 1e-9);
    double right = hi + geom.axis_w / ppd;
    T_OK(right > ui_tlm_hi(m) && right - ui_tlm_hi(m) <= 0.1 * geom.axis_w / ppd + 1e-9);
    ui_tlm_set_label(m, 1, 300, 40);            /* labels never widen it: they are anchored inside */
    double lo2, hi2;
    ui_tlm_layout(m, &geom);
    ui_tlm_pan_limits(m, ppd, &lo2, &hi2);
    T_OK(lo2 == lo && fabs(hi2 + geom.axis_w / ppd - right) < 1e-9);
    ui_tlm_destroy(m);

    /* a big touch target: level 0 leaves half of it free at each end */
    ui_tlm_geom big = geom;
    big.axis_w = 400;
    big.target = 100;
    m = ui_tlm_create(ev, 2);
    ui_tlm_layout(m, &big);
    ppd = ui_tlm_min_ppd(m);
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    T_OK(fabs(lo - hi) < 1e-6);
    T_OK(ui_tlm_x(m, ppd, lo, ui_tlm_lo(m)) >= big.axis_x + 50 - 1e-6);
    T_OK(ui_tlm_x(m, ppd, lo, ui_tlm_hi(m)) <= big.axis_x + big.axis_w - 50 + 1e-6);
    T_OK(fabs(ui_tlm_x(m, ppd, lo, ui_tlm_hi(m)) - ui_tlm_x(m, ppd, lo, ui_tlm_lo(m)) -
              (big.axis_w - 100)) < 1e-6);      /* and fills the rest */
    ui_tlm_destroy(m);

    ui_tlm_event one[] = { {"2020-05-05", "day", "only", 0, NULL, NULL} };
    m = ui_tlm_create(one, 1);
    ui_tlm_layout(m, &geom);
    for (int l = 0; l < ui_tlm_nlevels(m); l++) {
        ppd = ui_tlm_level_ppd(m, l);
        ui_tlm_pan_limits(m, ppd, &lo, &hi);
        double cx = ui_tlm_x(m, ppd, lo, ui_tlm_item_at(m, 0)->mid);
        T_OK(lo <= hi);
        if (lo == hi)                           /* fits: centred */
            T_OK(fabs(cx - (geom.axis_x + geom.axis_w / 2.0)) < 1);
    }
    /* zoom around a point keeps its day under it */
    double day = 18000.5, left = ui_tlm_zoom_left(m, day, 300, 40);
    T_OK(fabs(ui_tlm_x(m, 40, left, day) - 300) < 1e-6);
    ui_tlm_destroy(m);
}

static void test_hit(void)
{
    ui_tlm *m = span_model();
    double ppd = ui_tlm_level_ppd(m, ui_tlm_nlevels(m) - 2), lo, hi;
    ui_tlm_pan_limits(m, ppd, &lo, &hi);
    int it = 3;                                 /* "Inside the year", a day item */
    double left = ui_tlm_item_at(m, it)->mid - geom.axis_w / 2.0 / ppd;
    int x, y, w, h;
    T_OK(ui_tlm_label_rect(m, it, ppd, left, &x, &y, &w, &h));
    T_INT(ui_tlm_hit(m, ppd, left, x + w / 2.0f, y + h / 2.0f), it);           /* its label */
    float mx = (float)ui_tlm_x(m, ppd, left, ui_tlm_item_at(m, it)->mid);
    T_INT(ui_tlm_hit(m, ppd, left, mx + 10, geom.axis_y + 5), it);            /* its marker */
    T_INT(ui_tlm_hit(m, ppd, left, mx + geom.target, geom.axis_y), -1);       /* beside it */
    T_INT(ui_tlm_hit(m, ppd, left, mx - 300, geom.axis_y - 200), -1);         /* empty space */
    T_INT(ui_tlm_hit(m, ppd, left, x + w + 5, y + h / 2.0f), -1);             /* past its label */
    ui_tlm_destroy(m);
}

int main(void)
{
    T_RUN(test_days);
    T_RUN(test_parse);
    T_RUN(test_text_rules);
    T_RUN(test_merging);
    T_RUN(test_spans);
    T_RUN(test_x_by_time);
    T_RUN(test_ticks);
    T_RUN(test_rows);
    T_RUN(test_labels_inside);
    T_RUN(test_anchor_flip);
    T_RUN(test_pan_limits);
    T_RUN(test_hit);
    return T_DONE();
}
