/*
** src/app/lockstep.h: screens in step without a protocol (lockstep_).
**
** With slideshow.sync = true the slideshow's position is a pure function of
** the wall clock and the content: slide number
**
**     k = floor(wall_ms / period_ms) + offset        (wall_ms: Unix epoch ms)
**
** and slide k is a pure function of k and the deck (the content's counts and
** the enabled kinds). Every screen with the same database, the same keys and
** an NTP-kept clock shows the same slide at the same moment; one that
** restarts, or whose visitor leaves it, rejoins at the next slide. offset = N
** shows the slide N places ahead (a wall of screens walks the sequence).
**
** Slide k: the enabled kinds that have items take turns (k mod nkinds); the
** j-th slide of a kind (j = k div nkinds) is item j mod n in order, or, with
** shuffle, a permutation of the n items that changes every pass over them,
** seeded from the content (lockstep_seed: never from boot time or a random
** source, so every screen draws the same order). Every slide shows for
** period_ms: durations are the same everywhere by construction.
**
** No allocation, no clock of its own, no SDL.
*/
#ifndef VITRINE_LOCKSTEP_H
#define VITRINE_LOCKSTEP_H

#include <stdint.h>

typedef struct lockstep_deck {
    int kinds;                  /* mask of 1 << ui_slide_kind */
    int n[3];                   /* items per kind: summaries, quotes, events */
    int shuffle;                /* 1: a content-seeded permutation per pass */
    uint32_t seed;              /* lockstep_seed of the content */
    int period_ms;              /* ms every slide shows, > 0 */
    int offset;                 /* slides ahead of the shared sequence */
} lockstep_deck;

/* A seed from the content alone (here its counts: the same database gives
** the same seed on every screen). */
uint32_t lockstep_seed(int n_articles, int n_quotes, int n_events);

/* The slide on show at wall_ms: its kind and item, and the wall ms at which
** it ends. 0 ok, -1 when the deck has no item (kind 0, index 0). */
int lockstep_at(const lockstep_deck *d, int64_t wall_ms, int *kind, int *index, int64_t *end_ms);

/* Slide number k's kind and item (the pure core, for tests). */
int lockstep_slide(const lockstep_deck *d, int64_t k, int *kind, int *index);

#endif
