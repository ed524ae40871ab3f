/*
** tests/test_resize.c: the ingest's plane scaler (corpus_resize.c): flat
** stays flat, a ramp stays a ramp, a 2:1 shrink is the box average, no
** source pixel is skipped when shrinking by more than 2, edges and strides,
** and sizes down to one pixel.
*/
#include "corpus/corpus.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *plane(int w, int h, int stride, unsigned char fill) {
    unsigned char *p = malloc((size_t)stride * (size_t)h);
    memset(p, fill, (size_t)stride * (size_t)h);
    return p;
}

/* A flat plane stays exactly flat, enlarged or shrunk, by any ratio. */
static void test_flat(void) {
    static const int sizes[][4] = {
        { 2400, 1600, 1920, 1280 }, { 1920, 1280, 800, 533 }, { 800, 533, 384, 256 },
        { 100, 60, 333, 201 }, { 7, 5, 1, 1 }, { 1, 1, 9, 4 }, { 5, 1, 2, 1 }, { 1, 9, 1, 2 },
        { 1000, 10, 3, 10 },
    };
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        int sw = sizes[i][0], sh = sizes[i][1], dw = sizes[i][2], dh = sizes[i][3];
        for (int v = 0; v < 256; v += 85) {
            unsigned char *s = plane(sw, sh, sw, (unsigned char)v), *d = plane(dw, dh, dw, 7);
            corpus_plane_resize(s, sw, sh, sw, d, dw, dh, dw);
            int bad = 0;
            for (int k = 0; k < dw * dh; k++) bad += d[k] != v;
            if (bad) fprintf(stderr, "%dx%d -> %dx%d v %d\n", sw, sh, dw, dh, v);
            T_INT(bad, 0);
            free(s);
            free(d);
        }
    }
}

/* A horizontal ramp (value = source x) stays a ramp: each target pixel is
** the source's value at its centre, within rounding; the same down. */
static void test_ramp(void) {
    static const int sizes[][2] = { { 250, 200 }, { 250, 100 }, { 250, 60 }, { 100, 250 } };
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        int s_n = sizes[i][0], d_n = sizes[i][1];
        unsigned char *h = malloc((size_t)s_n * 3), *v = malloc((size_t)s_n * 3);
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < s_n; x++) h[y * s_n + x] = (unsigned char)x;
        for (int y = 0; y < s_n; y++)
            for (int x = 0; x < 3; x++) v[y * 3 + x] = (unsigned char)y;
        unsigned char *dh = malloc((size_t)d_n * 3), *dv = malloc((size_t)d_n * 3);
        corpus_plane_resize(h, s_n, 3, s_n, dh, d_n, 3, d_n);
        corpus_plane_resize(v, 3, s_n, 3, dv, 3, d_n, 3);
        double scale = (double)s_n / d_n;
        int worst = 0;
        /* away from the edges (where taps fold onto the edge pixel) */
        int margin = (int)(scale * 2) + 2;
        for (int x = margin; x < d_n - margin; x++) {
            double want = (x + 0.5) * scale - 0.5;
            int e1 = abs(dh[d_n + x] - (int)(want + 0.5)), e2 = abs(dv[x * 3 + 1] - (int)(want + 0.5));
            if (e1 > worst) worst = e1;
            if (e2 > worst) worst = e2;
        }
        T_OK(worst <= 1);
        /* and monotonic all along, edges included */
        int mono = 1;
        for (int x = 1; x < d_n; x++) mono &= dh[x] >= dh[x - 1] && dv[x * 3] >= dv[(x - 1) * 3];
        T_OK(mono);
        free(h); free(v); free(dh); free(dv);
    }
}

/* Halving is the 2 x 2 box average (rounded), pixel for pixel. */
static void test_half_is_box(void) {
    int sw = 64, sh = 48;
    unsigned char *s = malloc((size_t)sw * (size_t)sh);
    srand(7);
    for (int k = 0; k < sw * sh; k++) s[k] = (unsigned char)(rand() & 255);
    unsigned char *d = malloc((size_t)(sw / 2) * (size_t)(sh / 2));
    corpus_plane_resize(s, sw, sh, sw, d, sw / 2, sh / 2, sw / 2);
    int worst = 0;
    for (int y = 0; y < sh / 2; y++)
        for (int x = 0; x < sw / 2; x++) {
            int sum = s[2 * y * sw + 2 * x] + s[2 * y * sw + 2 * x + 1]
                    + s[(2 * y + 1) * sw + 2 * x] + s[(2 * y + 1) * sw + 2 * x + 1];
            int e = abs(d[y * (sw / 2) + x] - (sum + 2) / 4);
            if (e > worst) worst = e;
        }
    T_OK(worst <= 1);        /* two roundings, one a pass */
    free(s);
    free(d);
}

/* Shrinking 2400 to 800 columns, a one-pixel line anywhere still shows:
** every source pixel is read (a bilinear sample would read two in three
** and lose the rest), and its weight is about a third of a target pixel's. */
static void test_no_pixel_skipped(void) {
    int sw = 2400, dw = 800, h = 4;
    unsigned char *s = malloc((size_t)sw * (size_t)h), *d = malloc((size_t)dw * (size_t)h);
    int lost = 0, lo = 255, hi = 0;
    for (int line = 1000; line < 1012; line++) {
        memset(s, 0, (size_t)sw * (size_t)h);
        for (int y = 0; y < h; y++) s[y * sw + line] = 255;
        corpus_plane_resize(s, sw, h, sw, d, dw, h, dw);
        int peak = 0, total = 0;
        for (int x = 0; x < dw; x++) {
            if (d[dw + x] > peak) peak = d[dw + x];
            total += d[dw + x];
        }
        lost += peak == 0;
        if (total < lo) lo = total;
        if (total > hi) hi = total;
    }
    T_INT(lost, 0);
    /* the line's energy is kept: 255 / 3 spread over its neighbours */
    T_OK(lo >= 80 && hi <= 90);
    free(s);
    free(d);
}

/* Strides: rows padded on both sides; nothing outside the target's width
** is written. The edge columns follow the edge pixels (no dark fringe). */
static void test_stride_and_edges(void) {
    int sw = 30, sh = 20, ss = 48, dw = 12, dh = 8, ds = 20;
    unsigned char *s = plane(ss, sh, ss, 0), *d = plane(ds, dh, ds, 9);
    for (int y = 0; y < sh; y++) {
        memset(s + (size_t)y * ss, 200, (size_t)sw);    /* the picture: 200, the padding 0 */
        s[(size_t)y * ss] = 100;                        /* its first column darker */
    }
    corpus_plane_resize(s, sw, sh, ss, d, dw, dh, ds);
    int pad_kept = 1, right_ok = 1, left_ok = 1;
    for (int y = 0; y < dh; y++) {
        for (int x = dw; x < ds; x++) pad_kept &= d[y * ds + x] == 9;
        right_ok &= d[y * ds + dw - 1] == 200;          /* the padding (0) is never read */
        left_ok &= d[y * ds] > 100 && d[y * ds] < 200;  /* the dark column weighs in */
    }
    T_OK(pad_kept);
    T_OK(right_ok);
    T_OK(left_ok);
    free(s);
    free(d);
}

int main(void) {
    T_RUN(test_flat);
    T_RUN(test_ramp);
    T_RUN(test_half_is_box);
    T_RUN(test_no_pixel_skipped);
    T_RUN(test_stride_and_edges);
    return T_DONE();
}
