/*
** src/app/ui_state.h: the UI's explicit state machine (ui_). Pure C: no SDL,
** no clock of its own, no allocation: ui_state is plain data the app owns.
**
** The screen layer turns gestures and keys into ui_events (hit-testing taps
** against the screen in st->cur, which during a transition is the screen
** being entered), calls ui_state_apply() and carries out the ui_action it
** gets back. Every change of screen happens in ui_state_apply().
**
**   screen         index means        entered by
**   UI_NOTICE      ui_notice reason   start (LOADING), empty / failed content
**   UI_HOME        0                  content loaded, Home, Back at the bottom
**   UI_ARTICLE     article            card, quote source, timeline event, wake
**   UI_FULLTEXT    article            "read the full article", Enter
**   UI_QUOTE       quote              quotes button, a key quote, wake
**   UI_TIMELINE    event to centre    timeline button, an article's event, wake
**                  (-1 = as it was)
**   UI_ATTRACT     slide item         idle_timeout_ms without input
**
** Rules, in the order ui_state_apply() checks them:
** 1. CONTENT_FAILED, or CONTENT_LOADED with no articles -> NOTICE at once
**    (no animation; any running one is cancelled). CONTENT_LOADED with
**    articles -> HOME (or a new slide in ATTRACT): indexes of the old
**    content mean nothing now, so the back stack and queue are cleared.
** 2. Input while a transition runs is queued in order (UI_ACT_QUEUED), not
**    lost; after TRANSITION_DONE the app drains it with ui_state_pop_queued()
**    until that returns 0. Queued taps were hit-tested against the screen
**    being entered, which is the screen they will apply to. A transition
**    whose DONE never comes is ended by TICK after transition_max_ms.
** 3. Any input resets the idle timer. TICK with idle_timeout_ms elapsed
**    (and no transition running) enters ATTRACT from every screen but
**    NOTICE; the back stack is cleared.
** 4. In ATTRACT the first input wakes the exhibit on the item behind the
**    current slide: a summary slide -> ARTICLE of that article, a quote
**    slide -> QUOTE of that quote (its source one tap away), a timeline
**    slide -> TIMELINE centred on that event. Never HOME, never blank; Back
**    then leads HOME. A PRESS that wakes also swallows the rest of its touch
**    (tap, swipe) up to its RELEASE, so the touch that woke the exhibit does
**    not also press whatever lies under the finger on the new screen.
** 5. Back (target or Escape/Backspace) returns to the place the visitor came
**    from (stack of UI_BACK_DEPTH, oldest dropped when full), HOME when the
**    stack is empty; the action carries the view that place had (cur_view
**    when it was left, which the app keeps up to date) so the screen comes
**    back scrolled and zoomed as it was. Home clears the stack.
** 6. Per screen: swipe left / Right key / NEXT = next item, swipe right /
**    Left key / PREV = previous item on ARTICLE and QUOTE (wrapping); up /
**    down / page keys scroll on HOME, ARTICLE, FULLTEXT; on TIMELINE Left /
**    Right / page keys / NEXT / PREV scroll, Up / Down / zoom buttons zoom.
**    Swipes on FULLTEXT and TIMELINE are ignored: a drag scrolls there.
**    A tap whose target names a place opens it (pushing the current one).
** Everything else leaves the state as it is and returns UI_ACT_NONE.
**
** Slideshow: slide kinds (mask of UI_SLIDE_*) take turns in a fixed
** rotation, skipping kinds without items; within a kind the item is the
** next one (sequential) or a random one (shuffle, xorshift32 from
** slide_seed). With slide_intro_every > 0 the slideshow opens with the
** opening slide (UI_SLIDE_INTRO: the exhibit's title and what it holds)
** and shows it again after that many slides; a touch on it goes HOME.
** The same slide never shows twice in a row unless the deck
** has a single slide. The timeline items are whatever events the app
** counted in CONTENT_LOADED (e.g. only its highlights). Each UI_ACT_SLIDE
** asks the app to prepare that slide and answer SLIDE_READY with its dwell
** time, normally ui_slide_dwell_ms() of its word count; until the answer
** comes slide_default_ms applies. SLIDE_TIMER advances at once.
*/
#ifndef VITRINE_UI_STATE_H
#define VITRINE_UI_STATE_H

#include <stdint.h>

#define UI_BACK_DEPTH   8       /* places remembered for Back */
#define UI_QUEUE_DEPTH  16      /* input events kept during a transition */

typedef enum ui_screen {
    UI_NOTICE, UI_HOME, UI_ARTICLE, UI_FULLTEXT, UI_QUOTE, UI_TIMELINE, UI_ATTRACT,
    UI_SCREEN_COUNT
} ui_screen;

typedef enum ui_notice {
    UI_NOTICE_LOADING,      /* before the first CONTENT_LOADED / FAILED */
    UI_NOTICE_EMPTY,        /* database fine, no articles */
    UI_NOTICE_FAILED,       /* database missing, unreadable or corrupt */
    UI_NOTICE_COUNT
} ui_notice;

typedef enum ui_event_type {
    UI_EV_NONE,
    /* input: resets the idle timer, wakes ATTRACT, queued during a transition */
    UI_EV_PRESS,            /* a touch began (GESTURE_TOUCH_BEGIN) */
    UI_EV_RELEASE,          /* that touch ended (GESTURE_TOUCH_END) */
    UI_EV_TAP,              /* target, index, article: the hit test's answer */
    UI_EV_SWIPE_LEFT,       /* the finger moved left: next item */
    UI_EV_SWIPE_RIGHT,      /* previous item */
    UI_EV_ACTIVITY,         /* drag / pinch / wheel the screen handles itself */
    UI_EV_KEY_LEFT, UI_EV_KEY_RIGHT, UI_EV_KEY_UP, UI_EV_KEY_DOWN,
    UI_EV_KEY_PAGE_UP, UI_EV_KEY_PAGE_DOWN,
    UI_EV_KEY_ENTER,
    UI_EV_KEY_BACK,         /* Escape, Backspace, AC Back */
    UI_EV_KEY_HOME,
    /* time and system: applied at once, never queued */
    UI_EV_TICK,             /* once per frame (or per wakeup) with now */
    UI_EV_SLIDE_TIMER,      /* advance the slideshow now */
    UI_EV_SLIDE_READY,      /* value: dwell time of the slide just prepared, ms */
    UI_EV_TRANSITION_DONE,  /* the animation of the last action finished */
    UI_EV_CONTENT_LOADED,   /* n_articles, n_quotes, n_events */
    UI_EV_CONTENT_FAILED,
    UI_EV_COUNT
} ui_event_type;

/* What a tap hit. index / article as noted; -1 where unused. */
typedef enum ui_target {
    UI_TGT_NONE,            /* empty space */
    UI_TGT_CARD,            /* index: article */
    UI_TGT_ARTICLE_SOURCE,  /* index: article (a quote's source line) */
    UI_TGT_READ_MORE,       /* index: article (-1: the one shown) */
    UI_TGT_QUOTE,           /* index: quote */
    UI_TGT_EVENT,           /* index: event, article: its article */
    UI_TGT_QUOTES_BUTTON,   /* index: quote to start at (-1: first) */
    UI_TGT_TIMELINE_BUTTON, /* index: event to centre (-1: as it was) */
    UI_TGT_NEXT, UI_TGT_PREV,
    UI_TGT_ZOOM_IN, UI_TGT_ZOOM_OUT,
    UI_TGT_BACK, UI_TGT_HOME,
    UI_TGT_ITEM,            /* Timeline: index: an item of its axis (selects it) */
    UI_TGT_TEXT_SIZE,       /* the bar's "Aa": the reading text's next size */
    UI_TGT_PAGE,            /* a pager dot (Article, Quote): index: the item to go to */
    UI_TGT_COUNT
} ui_target;

typedef struct ui_event {
    ui_event_type type;
    ui_target target;       /* TAP */
    int index;              /* TAP: see ui_target */
    int article;            /* TAP on EVENT: the event's article */
    int hx, hy, hw, hh;     /* TAP: the control's rect on screen, for its
                            ** pressed state (hw 0: none; ui_hit) */
    int value;              /* SLIDE_READY: ms */
    int n_articles, n_quotes, n_events;     /* CONTENT_LOADED */
} ui_event;

typedef enum ui_action_type {
    UI_ACT_NONE,            /* nothing to do */
    UI_ACT_OPEN,            /* show place (pushed the previous one) */
    UI_ACT_NEXT, UI_ACT_PREV,   /* show place: the next / previous item */
    UI_ACT_BACK,            /* show place: popped */
    UI_ACT_HOME,            /* show place: HOME */
    UI_ACT_WAKE,            /* show place: the item behind the slide */
    UI_ACT_NOTICE,          /* show place: NOTICE (index = reason) */
    UI_ACT_SLIDE,           /* prepare and show slide; answer SLIDE_READY */
    UI_ACT_SCROLL,          /* scroll the current view by dx, dy steps */
    UI_ACT_ZOOM,            /* timeline zoom: zoom +1 in (towards days), -1 out */
    UI_ACT_QUEUED,          /* input kept until the transition ends */
    UI_ACT_SELECT,          /* Timeline: select item (>= 0) or step dx items */
    UI_ACT_RESTYLE,         /* the same place again, its reading text one size up (Aa) */
    UI_ACT_COUNT
} ui_action_type;

typedef enum ui_transition {
    UI_TR_NONE,             /* no animation: do not send TRANSITION_DONE */
    UI_TR_PUSH,             /* deeper: new screen enters from the right */
    UI_TR_POP,              /* back / home: from the left */
    UI_TR_NEXT,             /* next item enters from the right (follows a left swipe) */
    UI_TR_PREV,             /* previous item enters from the left */
    UI_TR_FADE,             /* slideshow, wake, content reload */
    UI_TR_COUNT
} ui_transition;

typedef enum ui_slide_kind {
    UI_SLIDE_SUMMARY, UI_SLIDE_QUOTE, UI_SLIDE_TIMELINE, UI_SLIDE_KIND_COUNT,
    /* the opening slide (issue 13): the exhibit's title and what it holds;
    ** not in the rotation of kinds, shown as slide_intro_every says */
    UI_SLIDE_INTRO = UI_SLIDE_KIND_COUNT
} ui_slide_kind;

#define UI_SLIDES_SUMMARY  (1u << UI_SLIDE_SUMMARY)
#define UI_SLIDES_QUOTE    (1u << UI_SLIDE_QUOTE)
#define UI_SLIDES_TIMELINE (1u << UI_SLIDE_TIMELINE)
#define UI_SLIDES_ALL      (UI_SLIDES_SUMMARY | UI_SLIDES_QUOTE | UI_SLIDES_TIMELINE)

/* Where a screen's own view was (scroll position; the Timeline's zoom and
** place), kept with a place on the back stack so Back returns to it. Plain
** data the screens fill and read (screen.h save_view / restore_view); the
** state machine only carries it. valid 0: the screen's default view. */
typedef struct ui_view {
    int valid;
    double a, b;            /* scroll px; timeline: px per day, left day */
    int sel;                /* timeline: 1 + the item selected; 0 its default */
} ui_view;

typedef struct ui_place {
    ui_screen screen;
    int index;              /* see the table above */
    int event;              /* ARTICLE: 1 + the event to show highlighted
                            ** (opened from the Timeline); 0 none */
} ui_place;

typedef struct ui_slide {
    ui_slide_kind kind;
    int index;              /* article, quote or event */
    int turn;               /* >= 0, differs between showings: which of the article's
                            ** pictures a summary shows (ui_slide_set_turn) */
} ui_slide;

typedef struct ui_action {
    ui_action_type type;
    ui_place place;         /* OPEN..NOTICE: where we are now (= st->cur) */
    ui_transition transition;   /* != NONE: a transition now runs until TRANSITION_DONE */
    ui_slide slide;         /* SLIDE */
    int dx, dy;             /* SCROLL: steps (lines; pages when page = 1) */
    int page;
    int zoom;               /* ZOOM */
    int item;               /* SELECT: the item, -1: step by dx */
    ui_view view;           /* BACK: the view place had when the visitor left it */
} ui_action;

/* Tunables; defaults in one table in ui_state.c, overridable by name. */
typedef struct ui_config {
    int idle_timeout_ms;    /* ms without input before ATTRACT */
    int transition_max_ms;  /* ms after which a transition counts as done anyway */
    int slide_kinds;        /* mask of UI_SLIDES_* */
    int slide_shuffle;      /* 0 sequential, 1 shuffled */
    int slide_seed;         /* xorshift32 seed (0 = a fixed default) */
    int slide_default_ms;   /* ms a slide shows until SLIDE_READY says otherwise */
    int words_per_min;      /* reading speed for ui_slide_dwell_ms */
    int dwell_lead_ms;      /* ms added to every slide: notice it, find the start */
    int dwell_min_ms;       /* ms: shortest dwell */
    int dwell_max_ms;       /* ms: longest dwell */
    int slide_sync_ms;      /* issue 15: > 0: slides in step with the wall clock, each
                            ** this many ms (lockstep.h); 0 = the usual slideshow */
    int slide_offset;       /* issue 15: slides ahead of the shared sequence */
    int slide_intro_every;  /* issue 13: > 0: the opening slide first, then again after
                            ** this many slides; 0 = none (not with slide_sync_ms) */
} ui_config;

void ui_config_default(ui_config *cfg);
/* Set the field called name: 0, or -1 for an unknown name or a value out of
** range (cfg unchanged). */
int ui_config_set(ui_config *cfg, const char *name, long value);

/* How long a slide of `words` words stays:
** dwell_lead_ms + words * 60000 / words_per_min, clamped to
** [dwell_min_ms, dwell_max_ms]. The default 180 words per minute is below
** the ~240 of silent reading at a desk: the text is read standing, at a
** distance, by someone who did not choose to start reading it. */
int ui_slide_dwell_ms(int words, const ui_config *cfg);

typedef struct ui_state {
    ui_place cur;               /* the screen shown (or being entered) */
    int in_transition;          /* 1 from an animated action to TRANSITION_DONE */
    uint64_t transition_start;  /* ms */
    uint64_t last_input;        /* ms: time of the last input event */
    uint64_t slide_due;         /* ms: ATTRACT advances at this time */
    int guard;                  /* 1: swallow input until RELEASE (touch that woke) */
    int n_articles, n_quotes, n_events;
    ui_view cur_view;           /* the view of cur as the app last reported it */
    ui_place back[UI_BACK_DEPTH];   /* back[nback-1] is where Back goes */
    ui_view back_view[UI_BACK_DEPTH];   /* the view each had when the visitor left it */
    int nback;
    ui_event queue[UI_QUEUE_DEPTH]; /* ring: queue[(qhead + i) % DEPTH], i < nqueue */
    int qhead, nqueue;
    unsigned dropped;           /* input lost to a full queue (should stay 0) */
    ui_slide slide;             /* current slide (valid in ATTRACT) */
    int slides_shown;           /* slides since the last wake: 0 = none yet */
    int slide_turn;             /* kind rotation cursor */
    int slide_next[UI_SLIDE_KIND_COUNT];    /* sequential cursor per kind */
    int kind_shown[UI_SLIDE_KIND_COUNT];    /* slides of each kind shown: their round is
                                            ** a slide's turn */
    int slide_start[UI_SLIDE_KIND_COUNT];   /* where it starts on new content (ui_state_seed) */
    uint32_t rng;               /* xorshift32 state, never 0 */
    int64_t wall0_ms;           /* issue 15: wall-clock epoch ms at now = 0 (sync) */
    ui_config cfg;
} ui_state;

/* Start in NOTICE (LOADING) at time now. cfg NULL = defaults; copied. */
void ui_state_init(ui_state *st, const ui_config *cfg, uint64_t now);
/* Where the slideshow starts: seeds the shuffle and each kind's place in
** turn (seed 0: the fixed default of ui_state_init). The app passes one
** from the clock at start, so a screen does not open with the same slide
** after every boot; scripted runs keep the fixed one. */
void ui_state_seed(ui_state *st, uint32_t seed);

/* The one transition function. Fills *out (never NULL) and returns the
** resulting screen (= st->cur.screen). */
ui_screen ui_state_apply(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out);

/* The slide the slideshow will show next, without moving it on: 0 with
** *out set while ATTRACT is on show, -1 otherwise (the app decodes that
** slide's picture ahead). */
int ui_state_peek_slide(const ui_state *st, ui_slide *out);

/* Apply the oldest queued input once no transition runs: 1 with *out
** filled, 0 when nothing (more) can be applied now. */
int ui_state_pop_queued(ui_state *st, uint64_t now, ui_action *out);

const char *ui_screen_name(ui_screen s);
const char *ui_event_name(ui_event_type t);
const char *ui_action_name(ui_action_type t);

#endif
