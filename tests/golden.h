/*
** tests/golden.h: the golden-screenshot comparison shared by test_golden
** (engine screens, and --compare for the shell flows) and test_views.
** A pixel differs when any colour channel differs by more than
** GOLDEN_CHANNEL_TOL; a shot passes when at most GOLDEN_PIXEL_TOL of its
** pixels differ (font rasterisation and blending round differently across
** library builds and CPUs; a layout change moves far more pixels).
*/
#ifndef VITRINE_TEST_GOLDEN_H
#define VITRINE_TEST_GOLDEN_H

#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>

#define GOLDEN_CHANNEL_TOL 8        /* max difference of one channel, 0..255 */
#define GOLDEN_PIXEL_TOL   0.005    /* share of pixels allowed to differ */

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

/* Share of differing pixels of two ARGB8888 surfaces, -1 if sizes differ. */
static double golden_diff(const SDL_Surface *a, const SDL_Surface *b)
{
    if (!a || !b || a->w != b->w || a->h != b->h)
        return -1;
    long diff = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
        const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;
        for (int x = 0; x < a->w * 4; x += 4) {
            int worst = 0;
            for (int c = 0; c < 3; c++) {
                int d = abs((int)pa[x + c] - (int)pb[x + c]);
                worst = d > worst ? d : worst;
            }
            diff += worst > GOLDEN_CHANNEL_TOL;
        }
    }
    return (double)diff / ((double)a->w * a->h);
}

#endif
