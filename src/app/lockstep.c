/*
** src/app/lockstep.c: the shared slideshow sequence (see lockstep.h).
*/
#include "app/lockstep.h"

static uint32_t mix(uint32_t x)         /* a 32-bit finaliser (murmur3's fmix32) */
{
    x ^= x >> 16;
    x *= 0x85ebca6bu;
    x ^= x >> 13;
    x *= 0xc2b2ae35u;
    x ^= x >> 16;
    return x;
}

uint32_t lockstep_seed(int n_articles, int n_quotes, int n_events)
{
    return mix(mix(mix((uint32_t)n_articles) ^ (uint32_t)n_quotes) ^ (uint32_t)n_events);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

static uint32_t gcd(uint32_t a, uint32_t b)
{
    while (b) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Item at position pos of pass c over n items: pos -> (a * pos + b) mod n
** with gcd(a, n) = 1 is a permutation; a and b are drawn per pass. */
static int permute(uint32_t seed, int64_t pass, int pos, int n)
{
    if (n <= 1)
        return 0;
    uint32_t h = mix(seed ^ mix((uint32_t)pass ^ (uint32_t)((uint64_t)pass >> 32)));
    uint32_t a = 1 + h % (uint32_t)(n - 1), b = mix(h) % (uint32_t)n;
    while (gcd(a, (uint32_t)n) != 1)
        a = a % (uint32_t)(n - 1) + 1;
    return (int)(((uint64_t)a * (uint64_t)pos + b) % (uint64_t)n);
}

int lockstep_slide(const lockstep_deck *d, int64_t k, int *kind, int *index)
{
    int kinds[3], nk = 0;
    for (int i = 0; i < 3; i++)
        if ((d->kinds & (1 << i)) && d->n[i] > 0)
            kinds[nk++] = i;
    *kind = 0;
    *index = 0;
    if (nk == 0)
        return -1;
    *kind = kinds[floor_mod(k, nk)];
    int64_t j = floor_div(k, nk);               /* the j-th slide of this kind */
    int n = d->n[*kind];
    int64_t pass = floor_div(j, n);
    int pos = (int)floor_mod(j, n);
    if (!d->shuffle || (nk == 1 && n == 2)) {  /* two items alone can only alternate */
        *index = pos;
        return 0;
    }
    uint32_t seed = d->seed ^ (uint32_t)*kind * 0x9e3779b9u;
    /* one kind alone: when a pass would start with the item the previous one
    ** ended with, its first two places swap (no slide twice in a row) */
    if (nk == 1 && n > 1 && pos < 2 &&
        permute(seed, pass, 0, n) == permute(seed, pass - 1, n - 1, n))
        pos = 1 - pos;
    *index = permute(seed, pass, pos, n);
    return 0;
}

int lockstep_at(const lockstep_deck *d, int64_t wall_ms, int *kind, int *index, int64_t *end_ms)
{
    int64_t p = d->period_ms > 0 ? d->period_ms : 1;
    int64_t k = floor_div(wall_ms, p);
    *end_ms = (k + 1) * p;
    return lockstep_slide(d, k + d->offset, kind, index);
}
