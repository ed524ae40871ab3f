/*
** src/app/layout.h: paragraph layout (line breaking, fallback runs,
** alignment, ellipsis, fit). Pure C: no SDL.
**
** Text is UTF-8. Break opportunities come from UAX #14 (libunibreak,
** language "en"): between words at spaces and hyphens, between CJK
** ideographs, mandatory at \n. A word wider than the line is broken between
** characters (never inside a combining sequence). Each character is drawn
** from the first face of its style's chain that provides it; a line is a
** list of runs of one face each.
**
** Everything is measured through a layout_measurer (function pointers), so
** the same code runs against the real fonts (font.c) and a fixed-width fake
** in tests.
**
** Coordinates: pixels, origin at the box's top-left. A run's x is its left
** edge, baseline its baseline y. Widths exclude trailing spaces of a line.
**
** Ownership: a layout object owns grow-only buffers; the layout_result
** returned by layout_text points into them and stays valid until the next
** layout_text on the same object or layout_destroy. Byte offsets in runs
** refer to the caller's text, which layout_text does not copy.
*/
#ifndef VITRINE_LAYOUT_H
#define VITRINE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#define LAYOUT_MAX_CHAIN 8          /* faces in one style's fallback chain */

typedef struct layout_metrics {
    int ascent;         /* px above the baseline, > 0 */
    int descent;        /* px below the baseline, >= 0 */
    int skip;           /* natural baseline-to-baseline distance, px */
} layout_metrics;

/* How layout measures. ctx is passed back to every call. Faces are small
** integers chosen by the measurer. */
typedef struct layout_measurer {
    void *ctx;
    /* Fill faces[] (at most max) with style's fallback chain, first choice
    ** first; return how many. */
    int (*chain)(void *ctx, int style, int *faces, int max);
    /* 1 if face has a glyph for codepoint cp. */
    int (*has)(void *ctx, int face, uint32_t cp);
    /* Advance width in px of bytes s[0..n) drawn in face at px size. The
    ** measurer decides what to do with characters the face lacks (font.c
    ** drops them, so they are 0 wide). */
    int (*width)(void *ctx, int face, int px, const char *s, size_t n);
    void (*metrics)(void *ctx, int face, int px, layout_metrics *m);
} layout_measurer;

typedef enum layout_align { LAYOUT_LEFT, LAYOUT_CENTER, LAYOUT_RIGHT } layout_align;

typedef struct layout_params {
    int style;          /* passed to measurer->chain */
    int px;             /* font size, px */
    int line_pct;       /* line skip in % of the first face's; 0 = 100 */
    layout_align align;
    int max_lines;      /* 0 = no limit other than box_h */
    int box_w;          /* px; <= 0 means unbounded (no wrapping) */
    int box_h;          /* px; <= 0 means unbounded */
} layout_params;

#define LAYOUT_RUN_ELLIPSIS 1u   /* draw "…" (LAYOUT_ELLIPSIS), not text[off..off+len) */
#define LAYOUT_ELLIPSIS "\xE2\x80\xA6"

typedef struct layout_run {
    size_t off, len;    /* byte range in the caller's text */
    int face;
    int x;              /* left edge, px from the box's left */
    int w;              /* advance width, px */
    int baseline;       /* px from the box's top */
    unsigned flags;     /* LAYOUT_RUN_* */
} layout_run;

typedef struct layout_line {
    size_t off, end;    /* bytes of the text shown on this line (no trailing spaces) */
    int first_run, n_runs;
    int x, w;           /* left edge and width of the line's ink advance, px */
    int baseline;       /* px from the box's top */
} layout_line;

typedef struct layout_result {
    const layout_line *lines;
    int n_lines;
    const layout_run *runs;
    int n_runs;
    int w, h;           /* extent: w = widest line (box_w if centred or
                        ** right-aligned with a bounded box), h = lines'
                        ** height; both within the box */
    int truncated;      /* 1 if text was cut (ellipsis drawn when room) */
    int missing;        /* characters no face provides (drawn as nothing) */
    int ascent, descent, skip;  /* line metrics used, px */
} layout_result;

typedef struct layout layout;   /* opaque */

layout *layout_create(void);
void layout_destroy(layout *l);     /* NULL is fine */
/* Free the grow-only buffers when they were grown for more than keep_chars
** characters (one very long text must not keep megabytes for the rest of
** the run); the last result is then empty. */
void layout_trim(layout *l, size_t keep_chars);

/* Lay out text[0..len). Returns the result (owned by l, see above); never
** NULL. Invalid UTF-8 bytes are treated as missing characters. */
const layout_result *layout_text(layout *l, const layout_measurer *m,
                                 const char *text, size_t len,
                                 const layout_params *p);

/* Does the text lay out in p's box at px, without truncation and with no
** line wider than the box? (The result is left in l.) */
int layout_fits(layout *l, const layout_measurer *m, const char *text,
                size_t len, const layout_params *p, int px);

/* The largest px in [px_min, px_max] at which layout_fits (a guess from the
** text's height at px_max, then galloping and bisection; assumes fitting is
** monotone in px).
** If none fits, px_min. The result for the returned px is left in l. */
int layout_fit(layout *l, const layout_measurer *m, const char *text,
               size_t len, const layout_params *p, int px_min, int px_max);

/* The result of the last layout_text (or layout_fit) on l. */
const layout_result *layout_last(const layout *l);

/* Decode one UTF-8 character at s[0..n) (n >= 1). Sets *cp (U+FFFD for an
** invalid byte) and returns its length in bytes (1 for an invalid byte). */
int layout_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Character classes used when choosing faces and clusters. */
int layout_is_space(uint32_t cp);       /* breaking and no-break spaces */
int layout_is_control(uint32_t cp);     /* C0/C1 controls, line/para separators */
int layout_is_mark(uint32_t cp);        /* combining marks, ZWJ, variation selectors */

#endif
