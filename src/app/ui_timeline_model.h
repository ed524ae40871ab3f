/*
** src/app/ui_timeline_model.h: the time axis of the Timeline screen
** (ui_tlm_). Pure C: no SDL, no SQLite, no clock. The screen feeds it the
** events and the sizes of the labels it rendered; the model answers where
** everything goes. Everything is computed in ui_tlm_create / ui_tlm_layout
** (the screen's prepare); the per-frame queries allocate nothing.
**
** Time: days since 1970-01-01 (proleptic Gregorian, double). A date covers
** [start, end): a day one day, "YYYY-MM" its month, "YYYY" its year. The
** marker sits at the middle of that interval, so month and year events are
** placed at the middle of their month / year and drawn with their span. A
** range ("from January to October", end_date set) covers [start of its
** first date, end of its last date); its marker sits at its first date
** (the middle of that date's interval), the screen draws the range as a bar.
** An end that is unreadable or not after the start is ignored (a point).
** Screen x is linear in time:  x = axis_x + (day - left) * ppd,
** ppd = px per day, left = the day at the axis's left end.
**
** Items: events are merged into one item ("reported by several articles")
** when they have the same date (same start, end, precision), or when a
** coarser date of one article contains the finer date of another and their
** texts name the same participants (rule 3: the coarse one joins the fine
** one's date), and
**   1. their texts are identical after normalisation (case, punctuation,
**      spacing), whichever article they come from; or
**   2. they come from different articles (an item never takes a second,
**      different text from an article it already has) and
**      a. the precision is day: an exact day reported by two articles of one
**         exhibit's corpus is almost always the same occurrence; or
**      b. their content words overlap >= UI_TLM_SIMILAR_PCT percent:
**         |A n B| / min(|A|, |B|) over lowercased words of >= 3 characters
**         that are not function words (month and year dates are too coarse
**         to merge on the date alone); or
**      c. they share most of their names: >= UI_TLM_NAMES_PCT percent of
**         the capitalised words (not sentence-initial, not month or weekday
**         names) of the text that has fewer, at least UI_TLM_NAMES_MIN of
**         them, and >= UI_TLM_SIMILAR_LOW_PCT percent content overlap ("two
**         outlets' reports of one announcement").
**   3. A month or year event joins a finer event of another article inside
**      its interval when 2c holds for the two texts (the finer date wins;
**      the nearest such event when there are several).
** An item lists its events in input order; its first event gives its text
** and the article a tap opens. Items are ordered by (start, end, first).
**
** Zoom levels: level 0 fits the whole range (plus margins) into the axis;
** the next levels show the spans of ui_tlm_spans (10 years ... 1 week)
** across the axis, those finer than level 0 only. Between levels the zoom is
** continuous (pinch); labels and ticks use the level at or below the current
** ppd (ui_tlm_level_for): positions only spread apart as ppd grows, so a
** layout without overlap at a level's ppd stays without overlap up to the
** next level.
**
** Labels: rows alternate above / below the axis (row 0 above, 1 below,
** 2 above further out, ...). Per level, items in time order take the first
** row whose previous label ends (plus label_gap) left of their marker; a
** label that finds no row is hidden at that level (its marker stays and
** stays tappable). Boxes are anchored at their marker: a label starts at
** its marker and extends rightwards (START, leader on its left) unless that
** box would pass the right end of the level's axis range (the range plus
** its end margins, everything panning can show); then it ends at its marker
** and extends leftwards (END, leader on its right). A label that fits
** neither way is hidden. Rows are taken in the order of the anchored boxes'
** left edges and collide on the anchored boxes, so at every level's initial
** placement (level 0: the whole range) every shown label lies inside the
** axis. Level 0 leaves max(UI_TLM_MARGIN_FRAC of the range, half a touch
** target) free at each end, so end markers keep their targets on the axis.
*/
#ifndef VITRINE_UI_TIMELINE_MODEL_H
#define VITRINE_UI_TIMELINE_MODEL_H

#define UI_TLM_SIMILAR_PCT  50      /* % content-word overlap that merges two texts */
#define UI_TLM_SIMILAR_LOW_PCT 30   /* % content-word overlap with the same names */
#define UI_TLM_NAMES_PCT    75      /* % shared capitalised name words */
#define UI_TLM_NAMES_MIN    2       /* name words the shorter text must have */
#define UI_TLM_LEVELS_MAX   12      /* zoom levels at most */
#define UI_TLM_MARGIN_FRAC  0.04    /* level 0: share of the range left free at each end */

typedef enum ui_tlm_prec { UI_TLM_DAY, UI_TLM_MONTH, UI_TLM_YEAR } ui_tlm_prec;

/* One event as the store gives it. Borrowed during ui_tlm_create only. */
typedef struct ui_tlm_event {
    const char *date;           /* "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
    const char *precision;      /* "day" | "month" | "year"; NULL: from the date */
    const char *text;
    int article;                /* article index (store_articles order) */
    const char *end_date;       /* a range's end (after date), NULL for a point */
    const char *end_precision;
} ui_tlm_event;

typedef struct ui_tlm_item {
    double start, end;          /* days: the interval the date covers */
    double mid;                 /* days: where the marker sits */
    ui_tlm_prec prec;           /* of the (start) date */
    int span;                   /* 1: a range; [start, end) runs from the start
                                ** date's interval to the end date's, the marker
                                ** (and label) sit at the start date */
    int first;                  /* its first event (input index) */
    int nsrc;                   /* events merged into it (>= 1) */
    int label_w, label_h;       /* px, set by ui_tlm_set_label (0: no label) */
} ui_tlm_item;

typedef enum ui_tlm_tick_kind { UI_TLM_TICK_YEAR, UI_TLM_TICK_MONTH, UI_TLM_TICK_DAY } ui_tlm_tick_kind;

typedef enum ui_tlm_anchor_kind { UI_TLM_ANCHOR_START, UI_TLM_ANCHOR_END } ui_tlm_anchor_kind;

typedef struct ui_tlm_tick {
    double day;                 /* days: where the tick sits (start of its year/month/day) */
    int kind;                   /* ui_tlm_tick_kind */
    int labeled;                /* 1: draw its label at this level */
    int year, month, mday;      /* the date it marks (month 1..12, mday 1..31) */
} ui_tlm_tick;

/* Geometry the screen decides (px). */
typedef struct ui_tlm_geom {
    int axis_x, axis_w;         /* px: the axis spans [axis_x, axis_x + axis_w) */
    int axis_y;                 /* px: the axis line */
    int row_h;                  /* px: height of a label row */
    int row_gap;                /* px: from the axis to the first row on each side */
    int rows;                   /* label rows available (both sides together) */
    int label_gap;              /* px: least free space between labels in a row */
    int target;                 /* px: smallest touch target (markers) */
    int tick_gap;               /* px: month / day ticks need at least this spacing */
    int year_label_w;           /* px: a year label needs this much room */
    int month_label_w;          /* px: a month label ("Sep") */
    int day_label_w;            /* px: a day label ("28") */
} ui_tlm_geom;

typedef struct ui_tlm ui_tlm;   /* opaque */

/* The visible spans of the zoom levels after level 0, days, widest first. */
extern const double ui_tlm_spans[];
extern const int ui_tlm_nspans;

/* Build the items from n events (events with an unreadable date are left
** out). Never NULL (aborts on OOM); n 0 gives an empty model. */
ui_tlm *ui_tlm_create(const ui_tlm_event *ev, int n);
void ui_tlm_destroy(ui_tlm *m);                 /* NULL-safe */

int ui_tlm_count(const ui_tlm *m);              /* items */
const ui_tlm_item *ui_tlm_item_at(const ui_tlm *m, int i);
/* The events of item i in input order (*n of them); borrowed from m. */
const int *ui_tlm_item_events(const ui_tlm *m, int i, int *n);
int ui_tlm_event_article(const ui_tlm *m, int ev);
int ui_tlm_item_of_event(const ui_tlm *m, int ev);  /* -1: none (bad date) */
/* Days: the covered range [lo, hi) of all items (0, 0 when empty). */
double ui_tlm_lo(const ui_tlm *m);
double ui_tlm_hi(const ui_tlm *m);

/* Label size of item i, px (before ui_tlm_layout). */
void ui_tlm_set_label(ui_tlm *m, int i, int w, int h);

/* Compute zoom levels, label rows and ticks for geometry g (copied).
** Allocates; call again when the geometry changes. */
void ui_tlm_layout(ui_tlm *m, const ui_tlm_geom *g);
const ui_tlm_geom *ui_tlm_geometry(const ui_tlm *m);

int ui_tlm_nlevels(const ui_tlm *m);
double ui_tlm_level_ppd(const ui_tlm *m, int level);
double ui_tlm_min_ppd(const ui_tlm *m);         /* level 0 */
double ui_tlm_max_ppd(const ui_tlm *m);         /* the last level */
/* The level used at ppd: the finest level whose ppd <= ppd (0 below level 0). */
int ui_tlm_level_for(const ui_tlm *m, double ppd);
/* Row of item i at level (see above), -1 when its label is hidden. */
int ui_tlm_row(const ui_tlm *m, int level, int i);
/* Anchor of item i's label at level (ui_tlm_anchor_kind; START when hidden). */
int ui_tlm_anchor(const ui_tlm *m, int level, int i);
/* The ticks of level, by day; borrowed from m. */
const ui_tlm_tick *ui_tlm_ticks(const ui_tlm *m, int level, int *n);

/* x of day in px at (ppd, left). */
double ui_tlm_x(const ui_tlm *m, double ppd, double left, double day);
/* x of item i's marker in px at (ppd, left): its mid, except that items at
** one date (same mid, not merged) stand side by side a touch target apart,
** centred on it, so each is reachable by tap at every zoom (layout
** required; labels anchor there too). */
double ui_tlm_item_x(const ui_tlm *m, int i, double ppd, double left);
/* Range of `left` at ppd: the range plus its end margin stays reachable (labels
** are anchored inside it), and a range narrower than the axis is centred
** (*lo == *hi). */
void ui_tlm_pan_limits(const ui_tlm *m, double ppd, double *lo, double *hi);
/* `left` that keeps day under screen x fixed when the zoom changes to ppd. */
double ui_tlm_zoom_left(const ui_tlm *m, double day, double x, double ppd);
/* Label rect of item i (level from ppd; x is the box's left edge, so
** x + w is the marker for an END label): 1, or 0 when hidden. */
int ui_tlm_label_rect(const ui_tlm *m, int i, double ppd, double left,
                      int *x, int *y, int *w, int *h);
/* The item under (x, y): a label (rect grown to the target height) or a
** marker (within target / 2 of it on the axis; the nearest wins); -1 none. */
int ui_tlm_hit(const ui_tlm *m, double ppd, double left, float x, float y);

/* ---- pieces exposed for tests ------------------------------------------ */
/* Days from 1970-01-01 of a civil date (any month/day, proleptic). */
long ui_tlm_days(int y, int m, int d);
/* The inverse. */
void ui_tlm_civil(long days, int *y, int *m, int *d);
/* Parse a date: 0 ok with the interval and precision, -1 unreadable. A
** precision that disagrees with the date's form is taken from the form. */
int ui_tlm_parse(const char *date, const char *precision, double *start, double *end,
                 ui_tlm_prec *prec);
/* Content-word overlap of two texts, percent (0 when either has none). */
int ui_tlm_overlap_pct(const char *a, const char *b);
/* Rule 2c: 1 when a and b name largely the same participants. */
int ui_tlm_same_names(const char *a, const char *b);
/* 1 when a and b are the same text after normalisation. */
int ui_tlm_same_text(const char *a, const char *b);

#endif
