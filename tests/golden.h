/*
** tests/golden.h: the golden-screenshot comparison shared by test_golden
** (engine screens, and --compare for the shell flows) and test_views.
**
** Two shots match when no connected region of differing pixels is larger
** than GOLDEN_REGION_MAX pixels. A pixel p differs when
**   - some colour channel differs by more than GOLDEN_CHANNEL_TOL (renderer
**     and blending rounding: a few levels), and
**   - the difference is not an antialiasing shift: each image's value at p
**     must lie, channel by channel (within the tolerance), between the other
**     image's value at p and at one of p's four neighbours. A glyph edge
**     moved by a fraction of a pixel changes its edge pixels to values
**     between their old ones and their neighbours'; a changed, added or
**     removed letter puts ink where the other image has none nearby.
** Scattered single differing pixels (rounding) pass; a changed word is a
** region of dozens of pixels and fails, whatever the size of the screen
** (a share of all pixels, the old measure, let a changed word through).
*/
#ifndef VITRINE_TEST_GOLDEN_H
#define VITRINE_TEST_GOLDEN_H

#include <SDL.h>
#include <SDL_image.h>
#include <stdint.h>
#include <stdlib.h>

#define GOLDEN_CHANNEL_TOL 8        /* max difference of one channel, 0..255 */
#define GOLDEN_REGION_MAX  4        /* largest connected region of differing pixels */

/* What one comparison found. */
typedef struct golden_stat {
    long differing;                 /* differing pixels in all */
    long largest;                   /* pixels of the largest 8-connected region */
    int x, y;                       /* a pixel of that region */
} golden_stat;

/* Load a PNG as ARGB8888 (caller frees), NULL if it cannot be read. */
static SDL_Surface *golden_load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s)
        return NULL;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

static const Uint8 *golden_px(const SDL_Surface *s, int x, int y)
{
    return (const Uint8 *)s->pixels + y * s->pitch + x * 4;
}

/* v lies (channel by channel, within the tolerance) between a and b. */
static int golden_between(const Uint8 *v, const Uint8 *a, const Uint8 *b)
{
    for (int c = 0; c < 3; c++) {
        int lo = a[c] < b[c] ? a[c] : b[c], hi = a[c] < b[c] ? b[c] : a[c];
        if (v[c] < lo - GOLDEN_CHANNEL_TOL || v[c] > hi + GOLDEN_CHANNEL_TOL)
            return 0;
    }
    return 1;
}

/* a's pixel at (x, y) is explained by b: between b there and a 4-neighbour. */
static int golden_explained(const SDL_Surface *a, const SDL_Surface *b, int x, int y)
{
    static const int d[4][2] = { {1, 0}, {-1, 0}, {0, 1}, {0, -1} };
    const Uint8 *v = golden_px(a, x, y), *here = golden_px(b, x, y);
    for (int i = 0; i < 4; i++) {
        int nx = x + d[i][0], ny = y + d[i][1];
        if (nx < 0 || ny < 0 || nx >= b->w || ny >= b->h)
            continue;
        if (golden_between(v, here, golden_px(b, nx, ny)))
            return 1;
    }
    return 0;
}

static int golden_pixel_differs(const SDL_Surface *a, const SDL_Surface *b, int x, int y)
{
    const Uint8 *pa = golden_px(a, x, y), *pb = golden_px(b, x, y);
    int worst = 0;
    for (int c = 0; c < 3; c++) {
        int d = abs((int)pa[c] - (int)pb[c]);
        worst = d > worst ? d : worst;
    }
    if (worst <= GOLDEN_CHANNEL_TOL)
        return 0;
    return !golden_explained(a, b, x, y) || !golden_explained(b, a, x, y);
}

/* Compare two ARGB8888 surfaces: 1 when they match, 0 when some region of
** differing pixels is larger than GOLDEN_REGION_MAX, -1 when a surface is
** missing or the sizes differ. st (may be NULL) receives the figures. */
static int golden_compare(const SDL_Surface *a, const SDL_Surface *b, golden_stat *st)
{
    golden_stat s = { 0, 0, -1, -1 };
    if (st)
        *st = s;
    if (!a || !b || a->w != b->w || a->h != b->h)
        return -1;
    size_t n = (size_t)a->w * (size_t)a->h;
    Uint8 *mask = calloc(n, 1);
    int32_t *stack = malloc(n * sizeof *stack);
    if (!mask || !stack) {
        free(mask);
        free(stack);
        return -1;
    }
    for (int y = 0; y < a->h; y++)
        for (int x = 0; x < a->w; x++)
            if (golden_pixel_differs(a, b, x, y)) {
                mask[(size_t)y * a->w + x] = 1;
                s.differing++;
            }
    /* 8-connected regions by flood fill (the mask is cleared as it is visited) */
    for (size_t i = 0; i < n; i++) {
        if (!mask[i])
            continue;
        long size = 0;
        size_t top = 0;
        stack[top++] = (int32_t)i;
        mask[i] = 0;
        while (top) {
            int32_t p = stack[--top];
            int px = p % a->w, py = p / a->w;
            size++;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = px + dx, ny = py + dy;
                    if (nx < 0 || ny < 0 || nx >= a->w || ny >= a->h)
                        continue;
                    size_t q = (size_t)ny * a->w + nx;
                    if (mask[q]) {
                        mask[q] = 0;
                        stack[top++] = (int32_t)q;
                    }
                }
        }
        if (size > s.largest) {
            s.largest = size;
            s.x = (int)(i % a->w);
            s.y = (int)(i / a->w);
        }
    }
    free(mask);
    free(stack);
    if (st)
        *st = s;
    return s.largest <= GOLDEN_REGION_MAX;
}

/* One line for messages: what the comparison found. */
static void golden_describe(const golden_stat *st, int rc, char *out, size_t n)
{
    if (rc < 0)
        SDL_snprintf(out, n, "missing image or different sizes");
    else
        SDL_snprintf(out, n, "%ld differing pixels, largest region %ld px (max %d) at %d,%d",
                     st->differing, st->largest, GOLDEN_REGION_MAX, st->x, st->y);
}

#endif
