/*
** src/app/ui_state.c: the UI state machine. Rules and contract in ui_state.h.
**
** ui_state_apply() sorts an event into one of three paths:
**   system (TICK, SLIDE_*, TRANSITION_DONE, CONTENT_*)  -> apply_system()
**   input during a transition                           -> queue_input()
**   input otherwise                                     -> apply_input()
** apply_input() handles the cross-screen rules (wake guard, ATTRACT, Back,
** Home, taps that name a place) before the per-screen bindings.
*/
#include "app/ui_state.h"

#include "app/lockstep.h"   /* slideshow.sync (issue 15) */

#include <assert.h>
#include <stddef.h>     /* offsetof */
#include <string.h>

/* ---- tunables: the one table --------------------------------------------- */
#define UT(field) #field, offsetof(ui_config, field)
static const struct ui_tunable {
    const char *name;
    size_t off;
    int def, lo, hi;
} ui_tunables[] = {
    /* name, offset            default  min     max        unit */
    { UT(idle_timeout_ms),     60000,   1000,   86400000 }, /* ms without input */
    { UT(transition_max_ms),   3000,    100,    60000    }, /* ms, safety net */
    { UT(slide_kinds),         7,       1,      7        }, /* UI_SLIDES_* mask */
    { UT(slide_shuffle),       1,       0,      1        }, /* bool */
    { UT(slide_seed),          0,       0,      2147483647 }, /* xorshift32 seed */
    { UT(slide_default_ms),    10000,   500,    600000   }, /* ms before SLIDE_READY */
    { UT(words_per_min),       180,     30,     1000     }, /* reading speed */
    { UT(dwell_lead_ms),       2000,    0,      60000    }, /* ms per slide */
    { UT(dwell_min_ms),        6000,    500,    600000   }, /* ms */
    { UT(dwell_max_ms),        30000,   500,    600000   }, /* ms */
    { UT(slide_sync_ms),       0,       0,      600000   }, /* ms per slide in step; 0 off */
    { UT(slide_offset),        0,       0,      100000   }, /* slides ahead */
    { UT(slide_intro_every),   0,       0,      1000     }, /* slides between openings; 0 off */
};
#undef UT
#define NTUNABLES (sizeof ui_tunables / sizeof ui_tunables[0])

void ui_config_default(ui_config *cfg) {
    assert(cfg);
    for (size_t i = 0; i < NTUNABLES; i++)
        *(int *)((char *)cfg + ui_tunables[i].off) = ui_tunables[i].def;
}

int ui_config_set(ui_config *cfg, const char *name, long value) {
    for (size_t i = 0; i < NTUNABLES; i++) {
        const struct ui_tunable *t = &ui_tunables[i];
        if (strcmp(name, t->name) != 0) continue;
        if (value < t->lo || value > t->hi) return -1;
        *(int *)((char *)cfg + t->off) = (int)value;
        return 0;
    }
    return -1;
}

int ui_slide_dwell_ms(int words, const ui_config *cfg) {
    ui_config def;
    if (!cfg) { ui_config_default(&def); cfg = &def; }
    if (words < 0) words = 0;
    int wpm = cfg->words_per_min > 0 ? cfg->words_per_min : 180;
    long long ms = cfg->dwell_lead_ms + (long long)words * 60000 / wpm;
    if (ms > cfg->dwell_max_ms) ms = cfg->dwell_max_ms;
    if (ms < cfg->dwell_min_ms) ms = cfg->dwell_min_ms;
    return (int)ms;
}

/* ---- helpers ------------------------------------------------------------- */

/* ms from since to now; 0 if the caller's clock stepped back. */
static uint64_t elapsed(uint64_t now, uint64_t since) { return now > since ? now - since : 0; }

static int is_input(ui_event_type t) { return t >= UI_EV_PRESS && t <= UI_EV_KEY_HOME; }
static int is_key(ui_event_type t) { return t >= UI_EV_KEY_LEFT && t <= UI_EV_KEY_HOME; }

static uint32_t xorshift32(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static void clear_stacks(ui_state *st) {
    st->nback = 0;
    st->nqueue = 0;
    st->qhead = 0;
    st->guard = 0;
}

/* Move to `to` and describe it in *out; an animated action starts a transition. */
static void go(ui_state *st, ui_place to, ui_action_type type, ui_transition tr,
               uint64_t now, ui_action *out) {
    st->cur = to;
    st->cur_view = (ui_view){ 0, 0, 0, 0 };    /* a new place: its own default view */
    out->type = type;
    out->place = to;
    out->transition = tr;
    if (tr != UI_TR_NONE) {
        st->in_transition = 1;
        st->transition_start = now;
    }
}

static void push_back(ui_state *st, ui_place p, ui_view v) {
    if (st->nback == UI_BACK_DEPTH) {       /* full: forget the oldest */
        memmove(st->back, st->back + 1, (UI_BACK_DEPTH - 1) * sizeof st->back[0]);
        memmove(st->back_view, st->back_view + 1, (UI_BACK_DEPTH - 1) * sizeof st->back_view[0]);
        st->nback--;
    }
    st->back_view[st->nback] = v;
    st->back[st->nback++] = p;
}

static int count_of(const ui_state *st, ui_slide_kind k) {
    return k == UI_SLIDE_SUMMARY ? st->n_articles : k == UI_SLIDE_QUOTE ? st->n_quotes : st->n_events;
}

/* ---- slideshow ----------------------------------------------------------- */

/* The next slide kind in the rotation that is enabled and has items;
** summaries when none does (there is always an article outside NOTICE). */
static ui_slide_kind next_kind(ui_state *st) {
    for (int k = 0; k < UI_SLIDE_KIND_COUNT; k++) {
        int kind = (st->slide_turn + k) % UI_SLIDE_KIND_COUNT;
        if ((st->cfg.slide_kinds & (1 << kind)) && count_of(st, (ui_slide_kind)kind) > 0) {
            st->slide_turn = (kind + 1) % UI_SLIDE_KIND_COUNT;
            return (ui_slide_kind)kind;
        }
    }
    return UI_SLIDE_SUMMARY;
}

/* issue 15: the slide the wall clock says (lockstep.h); due at its end. */
static int sync_slide(ui_state *st, uint64_t now, ui_slide *out) {
    lockstep_deck d = { st->cfg.slide_kinds, { st->n_articles, st->n_quotes, st->n_events },
                        st->cfg.slide_shuffle,
                        lockstep_seed(st->n_articles, st->n_quotes, st->n_events),
                        st->cfg.slide_sync_ms, st->cfg.slide_offset };
    int kind, index;
    int64_t end, wall = st->wall0_ms + (int64_t)now;
    if (lockstep_at(&d, wall, &kind, &index, &end) != 0) return -1;
    /* the turn from the slide's end on the wall clock: the same on every
    ** screen in step, another at the next showing */
    *out = (ui_slide){ (ui_slide_kind)kind, index, (int)((end / 1000) % 100000) };
    st->slide_due = now + (uint64_t)(end - wall);
    return 0;
}

static void next_slide(ui_state *st, uint64_t now, ui_action *out) {
    if (st->cfg.slide_sync_ms > 0) {    /* issue 15: screens in step */
        ui_slide was = st->slide;
        if (sync_slide(st, now, &st->slide) != 0) return;
        if (st->cur.screen == UI_ATTRACT && st->slides_shown > 0 && was.kind == st->slide.kind &&
            was.index == st->slide.index) return;  /* the clock went back: this slide stays */
        st->slides_shown++;
        go(st, (ui_place){ UI_ATTRACT, st->slide.index, 0 }, UI_ACT_SLIDE, UI_TR_FADE, now, out);
        out->slide = st->slide;
        return;
    }
    ui_slide prev = st->slide;
    int had = st->slides_shown > 0;
    int every = st->cfg.slide_intro_every;
    if (every > 0 && st->n_articles > 0 && st->slides_shown % (every + 1) == 0) {
        st->slide = (ui_slide){ UI_SLIDE_INTRO, 0, 0 };    /* the opening slide */
        st->slides_shown++;
        st->slide_due = now + (uint64_t)st->cfg.slide_default_ms;
        go(st, (ui_place){ UI_ATTRACT, 0, 0 }, UI_ACT_SLIDE, UI_TR_FADE, now, out);
        out->slide = st->slide;
        return;
    }
    ui_slide_kind kind = next_kind(st);
    int n = count_of(st, kind);
    if (n <= 0) return;                 /* no content: NOTICE handles that */
    int i;
    if (st->cfg.slide_shuffle) {
        i = (int)(xorshift32(&st->rng) % (uint32_t)n);
        if (had && prev.kind == kind && prev.index == i && n > 1)   /* no repeat: any other */
            i = (i + 1 + (int)(xorshift32(&st->rng) % (uint32_t)(n - 1))) % n;
    } else {
        i = st->slide_next[kind] % n;
        st->slide_next[kind] = (i + 1) % n;
    }
    st->slide = (ui_slide){ kind, i, st->kind_shown[kind]++ / n };   /* its round */
    st->slides_shown++;
    st->slide_due = now + (uint64_t)st->cfg.slide_default_ms;
    go(st, (ui_place){ UI_ATTRACT, i, 0 }, UI_ACT_SLIDE, UI_TR_FADE, now, out);
    out->slide = st->slide;
}

int ui_state_peek_slide(const ui_state *st, ui_slide *out) {
    if (st->cur.screen != UI_ATTRACT || st->in_transition) return -1;
    ui_state copy = *st;                /* a value: next_slide moves only the copy */
    ui_action a = { .type = UI_ACT_NONE };
    next_slide(&copy, copy.slide_due, &a);
    if (a.type != UI_ACT_SLIDE) return -1;
    *out = a.slide;
    return 0;
}

static void enter_attract(ui_state *st, uint64_t now, ui_action *out) {
    clear_stacks(st);
    st->slides_shown = 0;
    next_slide(st, now, out);
}

/* The place behind the current slide (rule 4). */
static void wake(ui_state *st, uint64_t now, ui_action *out) {
    static const ui_screen screen_of[UI_SLIDE_KIND_COUNT] = {
        [UI_SLIDE_SUMMARY] = UI_ARTICLE, [UI_SLIDE_QUOTE] = UI_QUOTE,
        [UI_SLIDE_TIMELINE] = UI_TIMELINE,
    };
    clear_stacks(st);
    if (st->slide.kind == UI_SLIDE_INTRO) {     /* the opening slide: the exhibit's start */
        go(st, (ui_place){ UI_HOME, 0, 0 }, UI_ACT_WAKE, UI_TR_FADE, now, out);
        return;
    }
    push_back(st, (ui_place){ UI_HOME, 0, 0 }, (ui_view){ 0, 0, 0, 0 });
    go(st, (ui_place){ screen_of[st->slide.kind], st->slide.index, 0 }, UI_ACT_WAKE, UI_TR_FADE,
       now, out);
}

/* ---- system events ------------------------------------------------------- */

static void notice(ui_state *st, ui_notice why, uint64_t now, ui_action *out) {
    clear_stacks(st);
    st->in_transition = 0;      /* cancels a running animation */
    go(st, (ui_place){ UI_NOTICE, why, 0 }, UI_ACT_NOTICE, UI_TR_NONE, now, out);
}

static void content_loaded(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out) {
    st->n_articles = ev->n_articles > 0 ? ev->n_articles : 0;
    st->n_quotes = ev->n_quotes > 0 ? ev->n_quotes : 0;
    st->n_events = ev->n_events > 0 ? ev->n_events : 0;
    memcpy(st->slide_next, st->slide_start, sizeof st->slide_next);
    if (st->n_articles == 0) { notice(st, UI_NOTICE_EMPTY, now, out); return; }
    clear_stacks(st);
    st->in_transition = 0;
    st->last_input = now;
    if (st->cur.screen == UI_ATTRACT) { st->slides_shown = 0; next_slide(st, now, out); return; }
    go(st, (ui_place){ UI_HOME, 0, 0 }, UI_ACT_HOME, UI_TR_FADE, now, out);
}

static void tick(ui_state *st, uint64_t now, ui_action *out) {
    if (st->in_transition) {
        if (elapsed(now, st->transition_start) >= (uint64_t)st->cfg.transition_max_ms)
            st->in_transition = 0;      /* the app lost a DONE; pop_queued runs next */
        return;
    }
    if (st->cur.screen == UI_NOTICE) return;
    if (st->cur.screen == UI_ATTRACT) {
        if (now >= st->slide_due) next_slide(st, now, out);
        return;
    }
    if (elapsed(now, st->last_input) >= (uint64_t)st->cfg.idle_timeout_ms) enter_attract(st, now, out);
}

static void apply_system(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out) {
    switch (ev->type) {
    case UI_EV_CONTENT_FAILED: notice(st, UI_NOTICE_FAILED, now, out); break;
    case UI_EV_CONTENT_LOADED: content_loaded(st, ev, now, out); break;
    case UI_EV_TRANSITION_DONE: st->in_transition = 0; break;
    case UI_EV_TICK: tick(st, now, out); break;
    case UI_EV_SLIDE_TIMER:
        if (st->cur.screen == UI_ATTRACT && !st->in_transition) next_slide(st, now, out);
        break;
    case UI_EV_SLIDE_READY:
        if (st->cur.screen == UI_ATTRACT && !st->cfg.slide_sync_ms) {  /* sync: the clock decides */
            ui_config *c = &st->cfg;
            int ms = ev->value < c->dwell_min_ms ? c->dwell_min_ms
                   : ev->value > c->dwell_max_ms ? c->dwell_max_ms : ev->value;
            st->slide_due = now + (uint64_t)ms;
        }
        break;
    default: break;
    }
}

/* ---- input --------------------------------------------------------------- */

static void queue_input(ui_state *st, const ui_event *ev, ui_action *out) {
    out->type = UI_ACT_QUEUED;
    if (ev->type == UI_EV_ACTIVITY && st->nqueue > 0 &&
        st->queue[(st->qhead + st->nqueue - 1) % UI_QUEUE_DEPTH].type == UI_EV_ACTIVITY)
        return;                         /* a drag's stream of activity: one is enough */
    if (st->nqueue == UI_QUEUE_DEPTH) { st->dropped++; return; }   /* keep the earliest */
    st->queue[(st->qhead + st->nqueue++) % UI_QUEUE_DEPTH] = *ev;
}

static int valid(int i, int n) { return i >= 0 && i < n; }

/* The place a tap's target names, if any (rule 6, last line). */
static int target_place(const ui_state *st, const ui_event *ev, ui_place *to) {
    int i = ev->index;
    switch (ev->target) {
    case UI_TGT_CARD:
    case UI_TGT_ARTICLE_SOURCE:
        *to = (ui_place){ UI_ARTICLE, i, 0 };
        return valid(i, st->n_articles);
    case UI_TGT_READ_MORE:
        if (i < 0 && st->cur.screen == UI_ARTICLE) i = st->cur.index;
        *to = (ui_place){ UI_FULLTEXT, i, 0 };
        return valid(i, st->n_articles);
    case UI_TGT_QUOTE:
        *to = (ui_place){ UI_QUOTE, i, 0 };
        return valid(i, st->n_quotes);
    case UI_TGT_QUOTES_BUTTON:
        *to = (ui_place){ UI_QUOTE, i < 0 ? 0 : i, 0 };
        return valid(to->index, st->n_quotes);
    case UI_TGT_EVENT:          /* on the timeline an event leads to its article */
        if (st->cur.screen == UI_TIMELINE) {
            *to = (ui_place){ UI_ARTICLE, ev->article, i >= 0 ? i + 1 : 0 };
            return valid(ev->article, st->n_articles);
        }
        *to = (ui_place){ UI_TIMELINE, i, 0 };
        return valid(i, st->n_events);
    case UI_TGT_TIMELINE_BUTTON:
        *to = (ui_place){ UI_TIMELINE, i < 0 ? -1 : i, 0 };
        return st->n_events > 0 && i < st->n_events;
    default:
        return 0;
    }
}

static void open_place(ui_state *st, ui_place to, uint64_t now, ui_action *out) {
    if (to.screen == st->cur.screen && to.index == st->cur.index) return;
    push_back(st, st->cur, st->cur_view);
    go(st, to, UI_ACT_OPEN, UI_TR_PUSH, now, out);
}

static void go_back(ui_state *st, uint64_t now, ui_action *out) {
    if (st->nback > 0) {
        st->nback--;
        go(st, st->back[st->nback], UI_ACT_BACK, UI_TR_POP, now, out);
        out->view = st->cur_view = st->back_view[st->nback];
        return;
    }
    if (st->cur.screen != UI_HOME) go(st, (ui_place){ UI_HOME, 0, 0 }, UI_ACT_BACK, UI_TR_POP, now, out);
}

static void go_home(ui_state *st, uint64_t now, ui_action *out) {
    st->nback = 0;
    if (st->cur.screen != UI_HOME) go(st, (ui_place){ UI_HOME, 0, 0 }, UI_ACT_HOME, UI_TR_POP, now, out);
}

/* Next (+1) or previous (-1) item on ARTICLE and QUOTE, wrapping. */
static void step_item(ui_state *st, int dir, uint64_t now, ui_action *out) {
    int n = st->cur.screen == UI_ARTICLE ? st->n_articles : st->n_quotes;
    if (n <= 1) return;
    int i = ((st->cur.index + dir) % n + n) % n;
    go(st, (ui_place){ st->cur.screen, i, 0 }, dir > 0 ? UI_ACT_NEXT : UI_ACT_PREV,
       dir > 0 ? UI_TR_NEXT : UI_TR_PREV, now, out);
}

/* A pager dot: straight to item i, sliding the way it lies. */
static void go_item(ui_state *st, int i, uint64_t now, ui_action *out) {
    int n = st->cur.screen == UI_ARTICLE ? st->n_articles : st->n_quotes;
    if (i < 0 || i >= n || i == st->cur.index) return;
    int dir = i > st->cur.index ? 1 : -1;
    go(st, (ui_place){ st->cur.screen, i, 0 }, dir > 0 ? UI_ACT_NEXT : UI_ACT_PREV,
       dir > 0 ? UI_TR_NEXT : UI_TR_PREV, now, out);
}

static void act_scroll(ui_action *out, int dx, int dy, int page) {
    out->type = UI_ACT_SCROLL;
    out->dx = dx, out->dy = dy, out->page = page;
}

static void act_select(ui_action *out, int item, int dx) {
    out->type = UI_ACT_SELECT;
    out->item = item, out->dx = dx;
}

static void act_zoom(ui_action *out, int z) {
    out->type = UI_ACT_ZOOM;
    out->zoom = z;
}

/* Vertical keys of the screens that scroll vertically. */
static void vertical_keys(const ui_event *ev, ui_action *out) {
    switch (ev->type) {
    case UI_EV_KEY_UP: act_scroll(out, 0, -1, 0); break;
    case UI_EV_KEY_DOWN: act_scroll(out, 0, 1, 0); break;
    case UI_EV_KEY_PAGE_UP: act_scroll(out, 0, -1, 1); break;
    case UI_EV_KEY_PAGE_DOWN: act_scroll(out, 0, 1, 1); break;
    default: break;
    }
}

/* Per-screen bindings (rule 6) for events the cross-screen rules left. */
static void screen_input(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out) {
    ui_screen s = st->cur.screen;
    ui_event_type t = ev->type;
    ui_target tg = t == UI_EV_TAP ? ev->target : UI_TGT_NONE;
    if (tg == UI_TGT_TEXT_SIZE && (s == UI_ARTICLE || s == UI_FULLTEXT || s == UI_QUOTE)) {
        out->type = UI_ACT_RESTYLE;             /* no transition, no Back step */
        out->place = st->cur;
        return;
    }
    if (s == UI_ARTICLE || s == UI_QUOTE) {
        if (tg == UI_TGT_PAGE) go_item(st, ev->index, now, out);
        else if (t == UI_EV_SWIPE_LEFT || t == UI_EV_KEY_RIGHT || tg == UI_TGT_NEXT) step_item(st, 1, now, out);
        else if (t == UI_EV_SWIPE_RIGHT || t == UI_EV_KEY_LEFT || tg == UI_TGT_PREV) step_item(st, -1, now, out);
        else if (s == UI_ARTICLE && t == UI_EV_KEY_ENTER)
            open_place(st, (ui_place){ UI_FULLTEXT, st->cur.index, 0 }, now, out);
        else if (s == UI_ARTICLE) vertical_keys(ev, out);
    } else if (s == UI_HOME || s == UI_FULLTEXT) {
        vertical_keys(ev, out);
    } else if (s == UI_TIMELINE) {
        if (t == UI_EV_KEY_LEFT || tg == UI_TGT_PREV) act_select(out, -1, -1);
        else if (t == UI_EV_KEY_RIGHT || tg == UI_TGT_NEXT) act_select(out, -1, 1);
        else if (tg == UI_TGT_ITEM && ev->index >= 0) act_select(out, ev->index, 0);
        else if (t == UI_EV_KEY_PAGE_UP) act_scroll(out, -1, 0, 1);
        else if (t == UI_EV_KEY_PAGE_DOWN) act_scroll(out, 1, 0, 1);
        else if (t == UI_EV_KEY_UP || tg == UI_TGT_ZOOM_IN) act_zoom(out, 1);
        else if (t == UI_EV_KEY_DOWN || tg == UI_TGT_ZOOM_OUT) act_zoom(out, -1);
    }
}

static void apply_input(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out) {
    ui_event_type t = ev->type;
    if (t == UI_EV_RELEASE) { st->guard = 0; return; }
    if (t == UI_EV_PRESS) {
        st->guard = 0;                          /* a new touch: the old one is over */
        if (st->cur.screen == UI_ATTRACT) { wake(st, now, out); st->guard = 1; }
        return;
    }
    if (is_key(t)) st->guard = 0;
    if (st->guard) return;                      /* rest of the touch that woke us */
    if (st->cur.screen == UI_NOTICE) return;
    if (st->cur.screen == UI_ATTRACT) { wake(st, now, out); return; }
    if (t == UI_EV_ACTIVITY) return;
    ui_target tg = t == UI_EV_TAP ? ev->target : UI_TGT_NONE;
    if (t == UI_EV_KEY_BACK || tg == UI_TGT_BACK) { go_back(st, now, out); return; }
    if (t == UI_EV_KEY_HOME || tg == UI_TGT_HOME) { go_home(st, now, out); return; }
    ui_place to;
    if (t == UI_EV_TAP && target_place(st, ev, &to)) { open_place(st, to, now, out); return; }
    screen_input(st, ev, now, out);
}

/* ---- the transition function --------------------------------------------- */

void ui_state_init(ui_state *st, const ui_config *cfg, uint64_t now) {
    assert(st);
    memset(st, 0, sizeof *st);
    if (cfg) st->cfg = *cfg;
    else ui_config_default(&st->cfg);
    st->cur = (ui_place){ UI_NOTICE, UI_NOTICE_LOADING, 0 };
    st->last_input = now;
    st->rng = st->cfg.slide_seed ? (uint32_t)st->cfg.slide_seed : 2463534242u;
}

void ui_state_seed(ui_state *st, uint32_t seed) {
    st->rng = seed ? seed : 2463534242u;
    uint32_t r = st->rng;
    for (int k = 0; k < UI_SLIDE_KIND_COUNT; k++)
        st->slide_next[k] = st->slide_start[k] = seed ? (int)(xorshift32(&r) & 0x7fff) : 0;  /* % n at use */
}

ui_screen ui_state_apply(ui_state *st, const ui_event *ev, uint64_t now, ui_action *out) {
    assert(st && ev && out);
    memset(out, 0, sizeof *out);
    out->place = st->cur;
    if (!is_input(ev->type)) {
        apply_system(st, ev, now, out);
    } else {
        st->last_input = now;
        if (st->in_transition) queue_input(st, ev, out);
        else apply_input(st, ev, now, out);
    }
    if (out->type == UI_ACT_NONE || out->type == UI_ACT_QUEUED) out->place = st->cur;
    return st->cur.screen;
}

int ui_state_pop_queued(ui_state *st, uint64_t now, ui_action *out) {
    assert(st && out);
    if (st->in_transition || st->nqueue == 0) return 0;
    ui_event ev = st->queue[st->qhead];
    st->qhead = (st->qhead + 1) % UI_QUEUE_DEPTH;
    st->nqueue--;
    memset(out, 0, sizeof *out);
    apply_input(st, &ev, now, out);
    out->place = st->cur;
    return 1;
}

/* ---- names for logs and tests -------------------------------------------- */

const char *ui_screen_name(ui_screen s) {
    static const char *const n[UI_SCREEN_COUNT] = {
        "notice", "home", "article", "fulltext", "quote", "timeline", "attract" };
    return (unsigned)s < UI_SCREEN_COUNT ? n[s] : "?";
}

const char *ui_event_name(ui_event_type t) {
    static const char *const n[UI_EV_COUNT] = {
        "none", "press", "release", "tap", "swipe_left", "swipe_right", "activity",
        "key_left", "key_right", "key_up", "key_down", "key_page_up", "key_page_down",
        "key_enter", "key_back", "key_home", "tick", "slide_timer", "slide_ready",
        "transition_done", "content_loaded", "content_failed" };
    return (unsigned)t < UI_EV_COUNT ? n[t] : "?";
}

const char *ui_action_name(ui_action_type t) {
    static const char *const n[UI_ACT_COUNT] = {
        "none", "open", "next", "prev", "back", "home", "wake", "notice", "slide",
        "scroll", "zoom", "queued", "select", "restyle" };
    return (unsigned)t < UI_ACT_COUNT ? n[t] : "?";
}
