/*
** tests/test_lockstep.c: screens in step (lockstep.h) and the slideshow's
** use of it in ui_state (slideshow.sync): the slide is a pure function of
** the wall clock and the content.
*/
#include "app/lockstep.h"
#include "app/ui_state.h"

#include "t.h"

static lockstep_deck deck(int kinds, int na, int nq, int ne, int shuffle, int offset)
{
    lockstep_deck d = { kinds, { na, nq, ne }, shuffle, lockstep_seed(na, nq, ne), 10000, offset };
    return d;
}

/* ---- the pure sequence: {kinds, counts, shuffle} ---------------------------- */
static const struct { int kinds, na, nq, ne, shuffle; } decks[] = {
    { 7, 5, 9, 12, 1 },
    { 7, 5, 9, 12, 0 },
    { 7, 5, 0, 3, 1 },          /* a kind without items is skipped */
    { 1, 7, 9, 12, 1 },         /* one kind alone */
    { 2, 7, 2, 12, 1 },         /* one kind, two items: they alternate */
    { 4, 3, 3, 1, 1 },          /* one kind, one item */
    { 3, 1, 1, 0, 1 },
};

static void test_sequence(void)
{
    for (size_t r = 0; r < sizeof decks / sizeof decks[0]; r++) {
        lockstep_deck d = deck(decks[r].kinds, decks[r].na, decks[r].nq, decks[r].ne,
                               decks[r].shuffle, 0);
        int nk = 0, counts[3] = { decks[r].na, decks[r].nq, decks[r].ne };
        for (int i = 0; i < 3; i++)
            nk += (d.kinds & (1 << i)) && counts[i] > 0;
        int prev_kind = -1, prev_index = -1, repeats = 0, bad_kind = 0;
        int seen[3][16] = {{0}};
        int64_t k0 = 1795802280000LL / 10000;   /* a wall clock of today, in slides */
        for (int64_t k = k0; k < k0 + 600; k++) {
            int kind, index, kind2, index2;
            T_INT(lockstep_slide(&d, k, &kind, &index), 0);
            lockstep_slide(&d, k, &kind2, &index2);      /* pure: the same twice */
            if (kind != kind2 || index != index2)
                T_FAIL_("deck %zu: slide %lld differs between calls", r, (long long)k);
            if (!(d.kinds & (1 << kind)) || counts[kind] == 0 || index < 0 || index >= counts[kind])
                bad_kind++;
            else if (index < 16)
                seen[kind][index]++;
            if (kind == prev_kind && index == prev_index)
                repeats++;
            prev_kind = kind;
            prev_index = index;
        }
        T_INT(bad_kind, 0);
        int items = 0;
        for (int i = 0; i < 3; i++)
            items += (d.kinds & (1 << i)) ? counts[i] : 0;
        int single = items == 1;
        T_INT(repeats, single ? 599 : 0);       /* never the same slide twice, unless only one */
        /* every item of every kind shows (600 slides cover every pass here) */
        for (int kind = 0; kind < 3; kind++) {
            if (!(d.kinds & (1 << kind)))
                continue;
            for (int i = 0; i < counts[kind] && i < 16; i++)
                if (!seen[kind][i])
                    T_FAIL_("deck %zu: kind %d item %d never shown", r, kind, i);
        }
    }
}

/* Each pass over a kind's items shows every item once (a permutation). */
static void test_passes_are_permutations(void)
{
    lockstep_deck d = deck(1, 13, 0, 0, 1, 0);
    int differ = 0, first[13];
    for (int64_t pass = 0; pass < 5; pass++) {
        int seen[13] = {0};
        for (int pos = 0; pos < 13; pos++) {
            int kind, index;
            lockstep_slide(&d, pass * 13 + pos, &kind, &index);
            T_INT(kind, 0);
            seen[index]++;
            if (pass == 0)
                first[pos] = index;
            else if (index != first[pos])
                differ = 1;
        }
        for (int i = 0; i < 13; i++)
            T_INT(seen[i], 1);
    }
    T_INT(differ, 1);                           /* the order changes between passes */
}

/* Same content -> same order; other content -> another (the seed). */
static void test_seed_from_content(void)
{
    T_INT(lockstep_seed(5, 9, 12), lockstep_seed(5, 9, 12));
    T_OK(lockstep_seed(5, 9, 12) != lockstep_seed(5, 9, 13));
    T_OK(lockstep_seed(5, 9, 12) != lockstep_seed(9, 5, 12));
}

/* The wall clock picks the slide: boundaries, offsets, before 1970. */
static void test_wall(void)
{
    lockstep_deck d = deck(7, 5, 9, 12, 1, 0), d1 = deck(7, 5, 9, 12, 1, 1), d3 = deck(7, 5, 9, 12, 1, 3);
    int64_t t = 1795802281234LL;
    int k1, i1, k2, i2;
    int64_t end, end2;
    T_INT(lockstep_at(&d, t, &k1, &i1, &end), 0);
    T_INT(end, 1795802290000LL);                /* the next multiple of the period */
    lockstep_at(&d, end - 1, &k2, &i2, &end2);
    T_INT(end2, end);
    T_INT(k1 == k2 && i1 == i2, 1);             /* same slide to its end */
    lockstep_at(&d, end, &k2, &i2, &end2);
    T_INT(end2, end + 10000);
    int ka, ia, kb, ib;
    lockstep_at(&d1, t, &ka, &ia, &end2);       /* offset 1 = the next slide now */
    T_INT(ka == k2 && ia == i2, 1);
    lockstep_at(&d3, t, &ka, &ia, &end2);
    lockstep_at(&d, t + 30000, &kb, &ib, &end2);
    T_INT(ka == kb && ia == ib, 1);
    T_INT(lockstep_at(&d, -1, &ka, &ia, &end2), 0);
    T_INT(end2, 0);
    lockstep_deck empty = deck(7, 0, 0, 0, 1, 0);
    T_INT(lockstep_at(&empty, t, &ka, &ia, &end2), -1);
}

/* ---- ui_state with slide_sync_ms: the slideshow follows the clock ---------- */
static ui_state synced(int64_t wall0, int offset)
{
    ui_config c;
    ui_config_default(&c);
    ui_config_set(&c, "idle_timeout_ms", 5000);
    ui_config_set(&c, "slide_sync_ms", 10000);
    ui_config_set(&c, "slide_offset", offset);
    ui_state st;
    ui_state_init(&st, &c, 0);
    st.wall0_ms = wall0;
    ui_event ev = { .type = UI_EV_CONTENT_LOADED, .n_articles = 5, .n_quotes = 9, .n_events = 12 };
    ui_action a;
    ui_state_apply(&st, &ev, 0, &a);
    ui_event done = { .type = UI_EV_TRANSITION_DONE };
    ui_state_apply(&st, &done, 0, &a);
    return st;
}

/* TICK; an animated action's transition ends at once (the app's DONE). */
static void tick(ui_state *st, uint64_t now, ui_action *a)
{
    ui_event ev = { .type = UI_EV_TICK }, done = { .type = UI_EV_TRANSITION_DONE };
    ui_state_apply(st, &ev, now, a);
    ui_action none;
    if (st->in_transition)
        ui_state_apply(st, &done, now, &none);
}

static void test_ui_state_sync(void)
{
    /* two screens started 7 s apart: screen B's app clock is 7 s behind */
    int64_t wall0 = 1795802280000LL;
    ui_state a = synced(wall0, 0), b = synced(wall0 + 7000, 0);
    ui_action aa, ab;
    tick(&a, 5000, &aa);                        /* A: idle at 10:00:05 */
    T_INT(aa.type, UI_ACT_SLIDE);
    T_INT((long long)a.slide_due, 10000);       /* ends at the wall's 10 s boundary */
    ui_event ready = { .type = UI_EV_SLIDE_READY, .value = 25000 };
    ui_state_apply(&a, &ready, 5000, &aa);
    T_INT((long long)a.slide_due, 10000);       /* the clock decides, not the words */
    tick(&b, 5000, &ab);                        /* B: idle at 10:00:12 */
    T_INT((long long)b.slide_due, 13000);       /* 10:00:20 on B's clock */
    tick(&a, 10000, &aa);                       /* A at 10:00:10 */
    ui_slide a10 = a.slide;
    T_INT(a10.kind == b.slide.kind && a10.index == b.slide.index, 1);   /* the same slide */
    for (uint64_t t = 10000; t < 200000; t += 10000) {
        tick(&a, t, &aa);
        tick(&b, t - 7000, &ab);
        T_INT(a.slide.kind == b.slide.kind && a.slide.index == b.slide.index, 1);
    }
    /* a visitor on B: a touch wakes it, the idle timeout takes it back in step */
    ui_event press = { .type = UI_EV_PRESS }, release = { .type = UI_EV_RELEASE };
    ui_state_apply(&b, &press, 200000, &ab);
    T_INT(ab.type, UI_ACT_WAKE);
    ui_state_apply(&b, &release, 200100, &ab);
    ui_event done = { .type = UI_EV_TRANSITION_DONE };
    ui_state_apply(&b, &done, 200500, &ab);
    tick(&b, 205100, &ab);                      /* idle again: straight to the shared slide */
    T_INT(ab.type, UI_ACT_SLIDE);
    tick(&a, 210000, &aa);
    tick(&a, 212100, &aa);
    T_INT(a.slide.kind == b.slide.kind && a.slide.index == b.slide.index, 1);
    /* offset 1: always the slide A shows next */
    ui_state c = synced(wall0, 1);
    ui_action ac;
    tick(&c, 5000, &ac);
    tick(&a, 220000, &aa);
    tick(&c, 210000, &ac);
    T_INT(a.slide.kind == c.slide.kind && a.slide.index == c.slide.index, 1);
}

/* Two screens started 7 s apart agree at every second of a simulated day. */
static void test_day(void)
{
    int64_t wall0 = 1795802280000LL;
    ui_state a = synced(wall0, 0), b = synced(wall0 + 7000, 0);
    ui_action x;
    tick(&a, 12000, &x);
    tick(&b, 5000, &x);
    int disagree = 0;
    for (uint64_t t = 12000; t < 86400000ULL; t += 1000) {
        tick(&a, t, &x);
        tick(&b, t - 7000, &x);
        disagree += a.slide.kind != b.slide.kind || a.slide.index != b.slide.index;
    }
    T_INT(disagree, 0);
}

int main(void)
{
    T_RUN(test_day);
    T_RUN(test_sequence);
    T_RUN(test_passes_are_permutations);
    T_RUN(test_seed_from_content);
    T_RUN(test_wall);
    T_RUN(test_ui_state_sync);
    return T_DONE();
}
