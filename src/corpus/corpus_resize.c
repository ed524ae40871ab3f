/*
** src/corpus/corpus_resize.c: one 8-bit plane scaled to another size, for
** the ingest's pictures (corpus_image.c scales a JPEG's Y, Cb and Cr planes
** as the decoder gives them, without turning them into RGB and back).
**
** THE FILTER: separable, a triangle (tent) whose radius is one source
** pixel when enlarging and one target pixel's width in source pixels when
** shrinking, so every source pixel counts when a picture is made smaller
** (a plain bilinear sample at a 2.4:1 shrink skips most of them and
** aliases). Pixel centres are aligned (a pixel covers [i, i + 1)), taps
** past an edge fold onto the edge pixel. Weights are 8-bit fixed point
** (their running sum rounded) that sum to exactly 256, so a flat plane stays flat and a weighted sum
** fits 16 bits (255 * 256 + 128 < 65536): compilers vectorise the
** vertical pass 8 or 16 samples at a time with plain 16-bit multiplies
** (SSE2, NEON). A step of 1/256 is finer than what a JPEG at quality 85
** keeps.
**
** THE ORDER: eight target rows at a time, vertical first, on whole
** source rows (a loop over a row that compilers vectorise), then across
** those eight rows together (below): the horizontal pass runs on the
** target's rows only, and the rows between the passes stay in the cache.
**
** Why not a library: SDL's SoftStretchLinear takes 32-bit pixels only and
** samples bilinearly; pixman has no fast path for 8-bit planes; libswscale
** would bring libavutil and its hardware-video dependencies into a
** build-time tool for fifty lines.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RESIZE_BITS 8                   /* weights: fixed point, sum 1 << 8 */

typedef struct taps {                   /* one axis's filter, target index by index */
    int n;                              /* taps a target pixel (the most any has) */
    int *first;                         /* first source index, per target pixel */
    uint16_t *w;                        /* n weights per target pixel, 0 past its own */
} taps;

/* The filter from a source of s pixels to d along one axis. Every target
** pixel reads exactly n source pixels from first[] on, all within the
** source (a pixel near the far edge starts earlier, with weights 0). */
static void taps_make(taps *t, int s, int d) {
    double scale = (double)s / d, radius = scale > 2 ? scale : 1;
    t->n = (int)ceil(2 * radius);              /* centres strictly within the radius */
    if (t->n > s) t->n = s;
    t->first = xmalloc(sizeof *t->first * (size_t)d);
    t->w = xcalloc((size_t)d * (size_t)t->n, sizeof *t->w);
    double *f = xmalloc(sizeof *f * (size_t)t->n);
    for (int i = 0; i < d; i++) {
        double c = (i + 0.5) * scale;           /* the target pixel's centre, in source */
        /* source j counts when |j + 0.5 - c| < radius */
        int lo = (int)floor(c - radius - 0.5) + 1, hi = (int)ceil(c + radius - 0.5);
        if (lo < 0) lo = 0;
        if (hi > s) hi = s;
        if (hi - lo > t->n) hi = lo + t->n;     /* rounding at the radius: not reached */
        if (hi <= lo) {                         /* cannot happen with a tent; be safe */
            lo = (int)c < s ? (int)c : s - 1;
            hi = lo + 1;
        }
        double sum = 0;
        for (int j = lo; j < hi; j++) {
            double x = fabs((j + 0.5 - c) / radius);
            f[j - lo] = x < 1 ? 1 - x : 0;
            sum += f[j - lo];
        }
        if (sum <= 0) {
            for (int j = lo; j < hi; j++) f[j - lo] = 1;
            sum = hi - lo;
        }
        int start = lo + t->n <= s ? lo : s - t->n;    /* n taps, all inside */
        uint16_t *w = t->w + (size_t)i * (size_t)t->n;
        /* the running sum rounded: each weight within 1 of its share,
        ** none negative, and together exactly 1 << RESIZE_BITS */
        double run = 0;
        int done = 0;
        for (int j = lo; j < hi; j++) {
            run += f[j - lo] / sum;
            int upto = j + 1 == hi ? 1 << RESIZE_BITS : (int)lround(run * (1 << RESIZE_BITS));
            if (upto < done) upto = done;
            w[j - start] = (uint16_t)(upto - done);
            done = upto;
        }
        t->first[i] = start;
    }
    free(f);

}

static void taps_free(taps *t) {
    free(t->first);
    free(t->w);
}

/* One target row from n source rows: acc, then rounded into out. The
** weights are never negative and sum to 1 << RESIZE_BITS: the sum fits
** 16 bits and rounds to 0..255 with no clamping. */
static void vertical_row(const unsigned char *src, int sstride, int sw, const taps *v, int y,
                         uint16_t *restrict acc, uint8_t *restrict out) {
    const uint16_t *w = v->w + (size_t)y * (size_t)v->n;
    const uint8_t *restrict row = src + (size_t)v->first[y] * (size_t)sstride;
    uint16_t w0 = w[0];
    if (v->n == 2) {            /* the usual (bilinear) case in one pass, no acc */
        const uint8_t *restrict r1 = row + sstride;
        uint16_t w1 = w[1];
        for (int x = 0; x < sw; x++)
            out[x] = (uint8_t)((uint16_t)(w0 * row[x] + w1 * r1[x] + (1 << (RESIZE_BITS - 1)))
                               >> RESIZE_BITS);
        return;
    }
    for (int x = 0; x < sw; x++) acc[x] = (uint16_t)(w0 * row[x] + (1 << (RESIZE_BITS - 1)));
    for (int k = 1; k < v->n; k++) {
        uint16_t wk = w[k];
        if (!wk) continue;
        const uint8_t *restrict r = src + (size_t)(v->first[y] + k) * (size_t)sstride;
        for (int x = 0; x < sw; x++) acc[x] = (uint16_t)(acc[x] + wk * r[x]);
    }
    for (int x = 0; x < sw; x++) out[x] = (uint8_t)(acc[x] >> RESIZE_BITS);
}

/* ---- across: eight rows at once --------------------------------------- */
/* The horizontal pass reads each target pixel's taps at scattered places,
** which no compiler vectorises. So eight rows are filtered together: an
** 8 x 8 block of samples is transposed (three rounds of swaps on 64-bit
** words), each source column becoming one uint64_t that holds its sample
** in each of the eight rows, a byte a row; a target column is then the
** weighted sum of n such words, computed in four 16-bit lanes for the
** even rows and four for the odd (255 * 256 + 128 < 65536: no lane
** carries into the next), and transposed back. Plain C on 64-bit words,
** the same on every processor. */

#define LANES 8

static const uint64_t EVEN = 0x00FF00FF00FF00FFull;    /* rows 0, 2, 4, 6 */
static const uint64_t HALF = 0x0080008000800080ull;    /* rounding, in each lane */

/* Row k of the 8 x 8 byte block r[] (byte j of r[k]: row k, column j)
** becomes column k: afterwards byte j of r[k] is what was byte k of r[j]. */
#define SWAP8(a, b, shift, mask) do { uint64_t t_ = (((a) >> (shift)) ^ (b)) & (mask); \
                                      (a) ^= t_ << (shift); (b) ^= t_; } while (0)
static inline void transpose8(uint64_t r[LANES]) {
    const uint64_t m32 = 0x00000000FFFFFFFFull, m16 = 0x0000FFFF0000FFFFull;
    SWAP8(r[0], r[4], 32, m32); SWAP8(r[1], r[5], 32, m32);     /* 4 x 4 blocks */
    SWAP8(r[2], r[6], 32, m32); SWAP8(r[3], r[7], 32, m32);
    SWAP8(r[0], r[2], 16, m16); SWAP8(r[1], r[3], 16, m16);     /* 2 x 2 blocks */
    SWAP8(r[4], r[6], 16, m16); SWAP8(r[5], r[7], 16, m16);
    SWAP8(r[0], r[1], 8, EVEN); SWAP8(r[2], r[3], 8, EVEN);     /* single bytes */
    SWAP8(r[4], r[5], 8, EVEN); SWAP8(r[6], r[7], 8, EVEN);
}

/* Eight bytes as a word, byte j in bits 8j (whatever the processor's order). */
static inline uint64_t load8(const uint8_t *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24
         | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48
         | (uint64_t)p[7] << 56;
}

static inline void store8(uint8_t *p, uint64_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24); p[4] = (uint8_t)(v >> 32); p[5] = (uint8_t)(v >> 40);
    p[6] = (uint8_t)(v >> 48); p[7] = (uint8_t)(v >> 56);
}

/* Eight rows of sw samples (row k at m + k * sw) as sw columns. */
static void to_columns(const uint8_t *m, int sw, uint64_t *restrict col) {
    int x = 0;
    for (; x + LANES <= sw; x += LANES) {
        uint64_t r[LANES];
        for (int k = 0; k < LANES; k++) r[k] = load8(m + (size_t)k * (size_t)sw + (size_t)x);
        transpose8(r);
        for (int k = 0; k < LANES; k++) col[x + k] = r[k];
    }
    for (; x < sw; x++) {
        uint64_t v = 0;
        for (int k = 0; k < LANES; k++) v |= (uint64_t)m[(size_t)k * (size_t)sw + (size_t)x] << (8 * k);
        col[x] = v;
    }
}

/* dw columns back as the first rows of dst (rows dstride apart). */
static void from_columns(const uint64_t *col, int dw, uint8_t *dst, int dstride, int rows) {
    int x = 0;
    for (; x + LANES <= dw; x += LANES) {
        uint64_t r[LANES];
        for (int k = 0; k < LANES; k++) r[k] = col[x + k];
        transpose8(r);
        for (int k = 0; k < rows; k++) store8(dst + (size_t)k * (size_t)dstride + (size_t)x, r[k]);
    }
    for (; x < dw; x++)
        for (int k = 0; k < rows; k++)
            dst[(size_t)k * (size_t)dstride + (size_t)x] = (uint8_t)(col[x] >> (8 * k));
}

/* Each target column the weighted sum of its n source columns, in eight
** rows at once; inlined with n a constant for the usual widths. */
static inline void across_n(const uint64_t *restrict col, const taps *h, int dw,
                            uint64_t *restrict out, const int n) {
    const uint16_t *restrict w = h->w;
    const int *restrict first = h->first;
    for (int x = 0; x < dw; x++, w += n) {
        const uint64_t *c = col + first[x];
        uint64_t even = HALF, odd = HALF;
        for (int k = 0; k < n; k++) {
            even += (c[k] & EVEN) * w[k];
            odd += ((c[k] >> 8) & EVEN) * w[k];
        }
        out[x] = ((even >> RESIZE_BITS) & EVEN) | (odd & ~EVEN);
    }
}

/* 2 taps: shrinking by up to 2; 3 to 8: by up to 4 (thumbs, the focal
** grid's copy); wider filters take the loop with n a variable. */
static void across(const uint64_t *restrict col, const taps *h, int dw, uint64_t *restrict out) {
    switch (h->n) {
    case 1: across_n(col, h, dw, out, 1); break;
    case 2: across_n(col, h, dw, out, 2); break;
    case 3: across_n(col, h, dw, out, 3); break;
    case 4: across_n(col, h, dw, out, 4); break;
    case 5: across_n(col, h, dw, out, 5); break;
    case 6: across_n(col, h, dw, out, 6); break;
    case 7: across_n(col, h, dw, out, 7); break;
    case 8: across_n(col, h, dw, out, 8); break;
    default: across_n(col, h, dw, out, h->n); break;
    }
}

void corpus_plane_resize(const unsigned char *src, int sw, int sh, int sstride,
                         unsigned char *dst, int dw, int dh, int dstride) {
    if (sw < 1 || sh < 1 || dw < 1 || dh < 1) return;
    taps v, h;
    taps_make(&v, sh, dh);
    taps_make(&h, sw, dw);
    uint8_t *mid = xmalloc((size_t)sw * LANES);
    uint16_t *acc = xmalloc(sizeof *acc * (size_t)sw);
    uint64_t *col = xmalloc(sizeof *col * (size_t)sw), *out = xmalloc(sizeof *out * (size_t)dw);
    for (int y = 0; y < dh; y += LANES) {       /* eight rows down, then across */
        int rows = dh - y < LANES ? dh - y : LANES;
        for (int k = 0; k < rows; k++)
            vertical_row(src, sstride, sw, &v, y + k, acc, mid + (size_t)k * (size_t)sw);
        for (int k = rows; k < LANES; k++)      /* a last block's spare lanes */
            memcpy(mid + (size_t)k * (size_t)sw, mid, (size_t)sw);
        to_columns(mid, sw, col);
        across(col, &h, dw, out);
        from_columns(out, dw, dst + (size_t)y * (size_t)dstride, dstride, rows);
    }
    free(out);
    free(col);
    free(acc);
    free(mid);
    taps_free(&v);
    taps_free(&h);
}
