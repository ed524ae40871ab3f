/*
** src/app/layout.c: paragraph layout (see layout.h). Pure C, no SDL.
**
** Steps of layout_text:
**   1. decode UTF-8 into chars (byte offset, codepoint); UAX #14 break
**      status after each char from libunibreak (set_linebreaks_utf32, "en");
**   2. choose a face per char: first face of the chain that has it; spaces
**      and combining marks stay in the previous char's face when it has them
**      (fewer, longer runs); controls never start a run;
**   3. greedy line filling over break opportunities, measuring each segment
**      (text up to the next opportunity) without its trailing spaces; a
**      segment wider than the box on an empty line is split at the last
**      character cluster that fits; each line is then measured whole and
**      gives words back while it is wider than the box (end_line);
**   4. line limit from max_lines and box_h; the last kept line gets "…",
**      dropping trailing words (or clusters of a single word) until it fits;
**   5. runs of one face per line, measured, aligned, with baselines.
**
** Allocation: only grow-only buffers owned by the layout object.
*/
#include "app/layout.h"
#include "common/util.h"

#include <limits.h>
#include <linebreak.h>      /* libunibreak: UAX #14 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LB_LANG "en"        /* language tailoring passed to libunibreak */

enum { CH_SPACE = 1, CH_CTRL = 2, CH_MISSING = 4, CH_MARK = 8, CH_INVALID = 16 };

typedef struct lchar {
    size_t off;         /* byte offset in the text */
    uint32_t cp;
    int face;
    unsigned char len;  /* bytes */
    unsigned char brk;  /* LINEBREAK_* status after this char */
    unsigned char flags;/* CH_* */
} lchar;

typedef struct lspan {
    int s, e;       /* char indices [s, e) */
    int w;          /* whole: the width of [s, trim_end(s, e)) measured run by run as
                    ** emit_line measures it (end_line did), so it is not shaped twice */
    int whole;
} lspan;

struct layout {
    lchar *ch;  size_t ch_cap;
    utf32_t *u32; size_t u32_cap;
    char *brks; size_t brks_cap;
    lspan *spans; size_t spans_cap;
    layout_line *lines; size_t lines_cap;
    layout_run *runs; size_t runs_cap;
    layout_result res;
    /* per call */
    const layout_measurer *m;
    const char *text;
    const layout_params *p;
    int n;              /* chars */
    int n_spans;
    int sp_face[LAYOUT_MAX_CHAIN], sp_w[LAYOUT_MAX_CHAIN], n_sp; /* U+0020 widths */
    int overflow;       /* a line wider than box_w (one cluster too wide) */
    int span_wmax;      /* widest span as break_lines summed it, px */
};

/* Grow *buf to hold at least n items of size sz (grow-only, doubling). */
static void grow(void *bufp, size_t *cap, size_t n, size_t sz)
{
    void **buf = bufp;
    if (n <= *cap) return;
    size_t c = *cap ? *cap : 64;
    while (c < n) c *= 2;
    *buf = xrealloc(*buf, c * sz);
    *cap = c;
}

layout *layout_create(void)
{
    static int lb_ready;    /* init_linebreak builds tables once per process */
    if (!lb_ready) { init_linebreak(); lb_ready = 1; }
    return xcalloc(1, sizeof(layout));
}

void layout_destroy(layout *l)
{
    if (!l) return;
    free(l->ch); free(l->u32); free(l->brks); free(l->spans);
    free(l->lines); free(l->runs);
    free(l);
}

void layout_trim(layout *l, size_t keep_chars)
{
    if (!l || l->ch_cap <= keep_chars) return;
    free(l->ch); free(l->u32); free(l->brks); free(l->spans);
    free(l->lines); free(l->runs);
    l->ch = NULL; l->u32 = NULL; l->brks = NULL; l->spans = NULL;
    l->lines = NULL; l->runs = NULL;
    l->ch_cap = l->u32_cap = l->brks_cap = l->spans_cap = l->lines_cap = l->runs_cap = 0;
    memset(&l->res, 0, sizeof l->res);
}

/* ---- character classes ------------------------------------------------ */

int layout_utf8_next(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    int len;
    uint32_t v, min;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if ((size_t)len > n) { *cp = 0xFFFD; return 1; }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD; return 1;
    }
    *cp = v;
    return len;
}

int layout_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

int layout_is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0x2028 || cp == 0x2029;
}

/* Combining marks and joiners: a line never breaks before one. Ranges of
** the scripts a news kiosk meets; not the full Unicode Mn/Me list. */
int layout_is_mark(uint32_t cp)
{
    static const uint32_t r[][2] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
        {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06ED}, {0x0900, 0x0903},
        {0x093A, 0x094F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
        {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200C, 0x200D}, {0x20D0, 0x20FF},
        {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
        {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
    };
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        if (cp >= r[i][0] && cp <= r[i][1]) return 1;
    return 0;
}

/* ---- steps 1 and 2: decode, break status, faces ------------------------ */

static void decode(layout *l, size_t len)
{
    grow(&l->ch, &l->ch_cap, len + 1, sizeof *l->ch);
    grow(&l->u32, &l->u32_cap, len + 1, sizeof *l->u32);
    grow(&l->brks, &l->brks_cap, len + 1, 1);
    int n = 0;
    for (size_t o = 0; o < len; n++) {
        uint32_t cp;
        int k = layout_utf8_next(l->text + o, len - o, &cp);
        lchar *c = &l->ch[n];
        c->off = o; c->cp = cp; c->len = (unsigned char)k; c->face = 0;
        c->flags = (unsigned char)((layout_is_space(cp) ? CH_SPACE : 0) |
                                   (layout_is_control(cp) ? CH_CTRL : 0) |
                                   (layout_is_mark(cp) ? CH_MARK : 0) |
                                   (k == 1 && cp >= 0x80 ? CH_INVALID : 0));
        l->u32[n] = cp;
        o += (size_t)k;
    }
    l->n = n;
    if (n) set_linebreaks_utf32(l->u32, (size_t)n, LB_LANG, l->brks);
    for (int i = 0; i < n; i++) l->ch[i].brk = (unsigned char)l->brks[i];
}

static int first_face_with(const layout_measurer *m, const int *chain, int nc,
                           uint32_t cp)
{
    for (int i = 0; i < nc; i++)
        if (m->has(m->ctx, chain[i], cp)) return chain[i];
    return -1;
}

/* Faces per char; returns the count of missing chars; sets used[] per
** chain index. */
static int choose_faces(layout *l, const int *chain, int nc, int *used)
{
    const layout_measurer *m = l->m;
    int missing = 0;
    for (int i = 0; i < l->n; i++) {
        lchar *c = &l->ch[i];
        int prev = i ? l->ch[i - 1].face : chain[0];
        int f;
        if (c->flags & CH_CTRL) f = prev;
        else if ((c->flags & (CH_SPACE | CH_MARK)) && i &&
                 m->has(m->ctx, prev, c->cp)) f = prev;
        else if (c->flags & CH_INVALID) {
            f = prev; c->flags |= CH_MISSING; missing++;
        } else {
            f = first_face_with(m, chain, nc, c->cp);
            if (f < 0) {
                f = prev;
                if (!(c->flags & CH_SPACE)) { c->flags |= CH_MISSING; missing++; }
            }
        }
        c->face = f;
        for (int k = 0; k < nc; k++) if (chain[k] == f) used[k] = 1;
    }
    return missing;
}

/* ---- measuring ---------------------------------------------------------- */

/* Width of chars [a, b): one measurer call per run of one face. */
static int range_w(layout *l, int a, int b)
{
    int w = 0;
    while (a < b) {
        int e = a + 1;
        while (e < b && l->ch[e].face == l->ch[a].face) e++;
        size_t off = l->ch[a].off, end = l->ch[e - 1].off + l->ch[e - 1].len;
        w += l->m->width(l->m->ctx, l->ch[a].face, l->p->px, l->text + off, end - off);
        a = e;
    }
    return w;
}

/* Width of [a, b) when it is the spaces after a word: plain U+0020 of one
** face are counted against a per-call cache (saves a shaping call per
** word); anything else is measured. */
static int blank_w(layout *l, int a, int b)
{
    if (a >= b) return 0;
    int face = l->ch[a].face;
    for (int i = a; i < b; i++)
        if (l->ch[i].cp != ' ' || l->ch[i].face != face) return range_w(l, a, b);
    for (int k = 0; k < l->n_sp; k++)
        if (l->sp_face[k] == face) return l->sp_w[k] * (b - a);
    int w = l->m->width(l->m->ctx, face, l->p->px, " ", 1);
    if (l->n_sp < LAYOUT_MAX_CHAIN) {
        l->sp_face[l->n_sp] = face; l->sp_w[l->n_sp] = w; l->n_sp++;
    }
    return w * (b - a);
}

static int is_blank(const lchar *c) { return (c->flags & (CH_SPACE | CH_CTRL)) != 0; }

/* End of [s, e) without trailing spaces and controls. */
static int trim_end(layout *l, int s, int e)
{
    while (e > s && is_blank(&l->ch[e - 1])) e--;
    return e;
}

/* 1 if a line may be cut between chars k-1 and k inside a word. */
static int cluster_boundary(layout *l, int k)
{
    if (k <= 0 || k >= l->n) return 1;
    return !(l->ch[k].flags & CH_MARK) && l->ch[k - 1].cp != 0x200D;
}

/* Largest cluster boundary k in (s, e) with range_w(s, k) <= w; at least
** the end of the first cluster. Binary search: prefix widths grow with k.
** *kw is range_w(s, k). */
static int split_word(layout *l, int s, int e, int w, int *kw)
{
    int best = s + 1, best_w = -1;
    while (best < e && !cluster_boundary(l, best)) best++;
    int a = best + 1, b = e - 1;
    while (a <= b) {
        int mid = a + (b - a) / 2, k = mid;
        while (k > best && !cluster_boundary(l, k)) k--;
        if (k <= best) { a = mid + 1; continue; }
        int kw_mid = range_w(l, s, k);
        if (kw_mid <= w) { best = k; best_w = kw_mid; a = mid + 1; }
        else b = mid - 1;
    }
    *kw = best_w >= 0 ? best_w : range_w(l, s, best);
    return best;
}

/* ---- step 3: line filling ---------------------------------------------- */

/* A line [s, e) whose segments summed to w px (without trailing spaces);
** whole: w is the line measured whole (range_w up to its trimmed end). */
static void add_span(layout *l, int s, int e, int w, int whole)
{
    grow(&l->spans, &l->spans_cap, (size_t)l->n_spans + 1, sizeof *l->spans);
    l->spans[l->n_spans].s = s;
    l->spans[l->n_spans].e = e;
    l->spans[l->n_spans].w = w;
    l->spans[l->n_spans].whole = whole;
    l->n_spans++;
    if (w > l->span_wmax) l->span_wmax = w;
}

/* End the line [ls, e) whose words summed to tw px. exact: measure it
** whole, as emit_line will (a line is not always as wide as its words
** summed: kerning across a space, a word's ink overhang), and while it is
** wider than the box give its last word back to the next line. Returns
** where the line ended (e, or an earlier break opportunity). */
static int end_line(layout *l, int ls, int e, int tw, int exact)
{
    int bw = l->p->box_w, whole = 0;
    if (exact && bw > 0) {
        whole = 1;
        int ce = trim_end(l, ls, e);
        tw = range_w(l, ls, ce);
        while (tw > bw) {
            int j = ce - 2;     /* last opportunity strictly inside [ls, ce) */
            while (j >= ls && l->ch[j].brk == LINEBREAK_NOBREAK) j--;
            if (j < ls) break;  /* one word (split_word's width): as it is */
            e = j + 1;
            ce = trim_end(l, ls, e);
            tw = range_w(l, ls, ce);
        }
    }
    add_span(l, ls, e, tw, whole);
    return e;
}

/* Fill lines until limit + 1 of them exist (one more tells "truncated").
** Greedy over break opportunities with words measured one by one; exact:
** each line is then checked measured whole (end_line). */
static void break_lines(layout *l, int limit, int exact)
{
    int bw = l->p->box_w, n = l->n;
    int ls = 0, lw = 0, tw = 0, i = 0;  /* line start; width so far with and without trailing spaces */
    while (i < n && l->n_spans <= limit) {
        if (stop_requested())
            break;                  /* the process is quitting: a long text ends here */
        int se = i;
        while (se < n - 1 && l->ch[se].brk == LINEBREAK_NOBREAK) se++;
        se++;   /* segment [i, se) ends at a break opportunity */
        int ce = trim_end(l, i, se);
        int cw = range_w(l, i, ce);
        if (bw > 0 && ls < i && lw + cw > bw) {         /* wrap before it */
            ls = i = end_line(l, ls, i, tw, exact); lw = tw = 0;
            continue;
        }
        if (bw > 0 && ls == i && cw > bw && ce - i > 1) { /* word too long */
            int kw, k = split_word(l, i, ce, bw, &kw);
            if (k < ce) { add_span(l, i, k, kw, 0); ls = i = k; lw = tw = 0; continue; }
        }
        tw = lw + cw;
        lw = tw + blank_w(l, ce, se);
        i = se;
        if ((l->ch[se - 1].brk == LINEBREAK_MUSTBREAK && se < n) || se == n) {
            ls = i = end_line(l, ls, se, tw, exact); lw = tw = 0;
        }
    }
}

/* ---- steps 4 and 5: ellipsis, runs, alignment --------------------------- */

static layout_run *add_run(layout *l)
{
    grow(&l->runs, &l->runs_cap, (size_t)l->res.n_runs + 1, sizeof *l->runs);
    layout_run *r = &l->runs[l->res.n_runs++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Shorten [s, *ce) until its width plus ew fits bw: whole trailing words
** first, then clusters of the only word. Returns the width. */
static int make_room(layout *l, int s, int *ce, int ew, int bw)
{
    int e = *ce, w = range_w(l, s, e);
    while (e > s && w + ew > bw) {
        int j = e - 2;      /* last opportunity strictly inside [s, e) */
        while (j >= s && l->ch[j].brk == LINEBREAK_NOBREAK) j--;
        if (j >= s) e = trim_end(l, s, j + 1);
        else {
            e--;
            while (e > s && !cluster_boundary(l, e)) e--;
        }
        w = range_w(l, s, e);
    }
    *ce = e;
    return w;
}

static void emit_line(layout *l, int idx, int s, int e, int ellipsis,
                      int ell_face, int known_w)
{
    const layout_params *p = l->p;
    layout_line *ln = &l->lines[idx];
    int ce = trim_end(l, s, e), ew = 0;
    if (ellipsis) {
        ew = l->m->width(l->m->ctx, ell_face, p->px, LAYOUT_ELLIPSIS,
                         sizeof LAYOUT_ELLIPSIS - 1);
        if (p->box_w > 0 && ew > p->box_w) ellipsis = 0, ew = 0;
        else if (p->box_w > 0) make_room(l, s, &ce, ew, p->box_w);
    }
    ln->off = s < l->n ? l->ch[s].off : 0;
    ln->end = ce > s ? l->ch[ce - 1].off + l->ch[ce - 1].len : ln->off;
    ln->first_run = l->res.n_runs;
    ln->baseline = l->res.ascent + idx * l->res.skip;
    int x = 0;
    for (int a = s; a < ce;) {
        int b = a + 1;
        while (b < ce && l->ch[b].face == l->ch[a].face) b++;
        layout_run *r = add_run(l);
        r->off = l->ch[a].off;
        r->len = l->ch[b - 1].off + l->ch[b - 1].len - r->off;
        r->face = l->ch[a].face;
        r->w = known_w >= 0 && !ellipsis && a == s && b == ce
             ? known_w          /* the line is one run, measured whole already */
             : l->m->width(l->m->ctx, r->face, p->px, l->text + r->off, r->len);
        r->x = x;
        x += r->w;
        a = b;
    }
    if (ellipsis) {
        layout_run *r = add_run(l);
        r->off = ln->end; r->len = 0; r->face = ell_face;
        r->w = ew; r->x = x; r->flags = LAYOUT_RUN_ELLIPSIS;
        x += ew;
    }
    ln->n_runs = l->res.n_runs - ln->first_run;
    ln->w = x;
    ln->x = 0;
    if (p->box_w > 0 && x > p->box_w) l->overflow = 1;
    if (p->box_w > 0 && x < p->box_w) {
        if (p->align == LAYOUT_CENTER) ln->x = (p->box_w - x) / 2;
        else if (p->align == LAYOUT_RIGHT) ln->x = p->box_w - x;
    }
    for (int k = ln->first_run; k < l->res.n_runs; k++) {
        l->runs[k].x += ln->x;
        l->runs[k].baseline = ln->baseline;
    }
}

/* Line metrics over the faces the text uses; the limit of lines. */
static int setup_metrics(layout *l, const int *chain, int nc, const int *used)
{
    const layout_params *p = l->p;
    layout_metrics m0;
    l->m->metrics(l->m->ctx, chain[0], p->px, &m0);
    int asc = m0.ascent, desc = m0.descent;
    for (int k = 1; k < nc; k++) {
        if (!used[k]) continue;
        layout_metrics mk;
        l->m->metrics(l->m->ctx, chain[k], p->px, &mk);
        if (mk.ascent > asc) asc = mk.ascent;
        if (mk.descent > desc) desc = mk.descent;
    }
    int pct = p->line_pct > 0 ? p->line_pct : 100;
    int skip = (int)(((long long)m0.skip * pct + 50) / 100);
    if (skip < 1) skip = 1;
    l->res.ascent = asc; l->res.descent = desc; l->res.skip = skip;
    int limit = p->max_lines > 0 ? p->max_lines : INT_MAX - 1;
    if (p->box_h > 0) {
        int fit = p->box_h < asc + desc ? 0 : (p->box_h - asc - desc) / skip + 1;
        if (fit < limit) limit = fit;
    }
    return limit;
}

/* Steps 1 to 3: chars, faces, metrics and the lines' spans (l->spans, at
** most limit + 1; exact: see break_lines). Fills chain[LAYOUT_MAX_CHAIN];
** returns the line limit. */
static int lay_spans(layout *l, const layout_measurer *m, const char *text,
                     size_t len, const layout_params *p, int exact, int *chain, int *nc_out)
{
    int used[LAYOUT_MAX_CHAIN] = {0};
    memset(&l->res, 0, sizeof l->res);
    l->m = m; l->text = text; l->p = p; l->overflow = 0; l->n_sp = 0;
    l->n_spans = 0; l->span_wmax = 0;
    int nc = m->chain(m->ctx, p->style, chain, LAYOUT_MAX_CHAIN);
    if (nc < 1) { chain[0] = 0; nc = 1; }
    used[0] = 1;
    decode(l, len);
    l->res.missing = choose_faces(l, chain, nc, used);
    int limit = setup_metrics(l, chain, nc, used);
    if (l->n > 0) break_lines(l, limit, exact);
    *nc_out = nc;
    return limit;
}

const layout_result *layout_text(layout *l, const layout_measurer *m,
                                 const char *text, size_t len,
                                 const layout_params *p)
{
    int chain[LAYOUT_MAX_CHAIN], nc;
    int limit = lay_spans(l, m, text, len, p, 1, chain, &nc);
    if (l->n == 0) { l->res.lines = l->lines; l->res.runs = l->runs; return &l->res; }
    int nl = l->n_spans;
    if (nl > limit) { nl = limit; l->res.truncated = 1; }
    grow(&l->lines, &l->lines_cap, (size_t)nl + 1, sizeof *l->lines);
    int ell_face = first_face_with(m, chain, nc, 0x2026);
    if (ell_face < 0) ell_face = chain[0];
    int w = 0;
    for (int i = 0; i < nl; i++) {
        int last = l->res.truncated && i == nl - 1;
        emit_line(l, i, l->spans[i].s, l->spans[i].e, last, ell_face,
                  l->spans[i].whole ? l->spans[i].w : -1);
        if (l->lines[i].w > w) w = l->lines[i].w;
    }
    l->res.n_lines = nl;
    l->res.lines = l->lines;
    l->res.runs = l->runs;
    if (p->box_w > 0 && (w > p->box_w || p->align != LAYOUT_LEFT)) w = p->box_w;
    l->res.w = nl ? w : 0;
    l->res.h = nl ? l->res.ascent + l->res.descent + (nl - 1) * l->res.skip : 0;
    return &l->res;
}

const layout_result *layout_last(const layout *l) { return &l->res; }

int layout_fits(layout *l, const layout_measurer *m, const char *text,
                size_t len, const layout_params *p, int px)
{
    layout_params q = *p;
    q.px = px;
    const layout_result *r = layout_text(l, m, text, len, &q);
    return !r->truncated && !l->overflow;
}

/* layout_fits from steps 1 to 3 only: the line count, and line widths as
** the sums of their words' widths, without measuring each line whole
** (about half of a layout's shaping). Measured whole a line can be wider
** and give a word back (end_line), so a probe can say "fits" where the
** layout does not, never the other way round: layout_fit checks its answer
** with a full layout and steps down. Leaves l without a usable result. */
static int probe_fits(layout *l, const layout_measurer *m, const char *text,
                      size_t len, const layout_params *p, int px)
{
    int chain[LAYOUT_MAX_CHAIN], nc;
    layout_params q = *p;
    q.px = px;
    int limit = lay_spans(l, m, text, len, &q, 0, chain, &nc);
    l->p = NULL;
    return l->n_spans <= limit && (q.box_w <= 0 || l->span_wmax <= q.box_w);
}

int layout_fit(layout *l, const layout_measurer *m, const char *text,
               size_t len, const layout_params *p, int px_min, int px_max)
{
    if (px_min < 1) px_min = 1;
    if (px_max < px_min) px_max = px_min;
    int best = px_min, lo = px_min, hi = px_max;
    /* First guess: a text's area grows with px squared, so lay it out once
    ** at px_max without the height limit and scale by the square root of
    ** the height ratio. From the guess, gallop (steps 1, 2, 4...) towards
    ** the boundary, then bisect: 2 to 4 probes where plain bisection of a
    ** 40..100 px range takes 6 or 7, each one measuring the whole text. */
    int mid = lo + (hi - lo) / 2;
    if (p->box_h > 0 && p->box_w > 0 && hi > lo) {
        layout_params q = *p;
        q.box_h = 0;
        q.max_lines = 0;
        int chain[LAYOUT_MAX_CHAIN], nc;
        q.px = px_max;
        lay_spans(l, m, text, len, &q, 0, chain, &nc);
        l->p = NULL;
        int h = l->n_spans ? l->res.ascent + l->res.descent + (l->n_spans - 1) * l->res.skip : 0;
        if (h > 0) {
            double g = (double)px_max * sqrt((double)p->box_h / (double)h);
            mid = g >= (double)hi ? hi : g <= (double)lo ? lo : (int)g;
        }
    }
    int dir = 0, step = 1;          /* dir: 0 first probe, +1/-1 galloping, 2 bisecting */
    while (lo <= hi) {
        int ok = probe_fits(l, m, text, len, p, mid);
        if (ok) { best = mid; lo = mid + 1; }
        else hi = mid - 1;
        if (dir == 0) dir = ok ? 1 : -1;
        else if (dir != 2 && (dir > 0) != ok) dir = 2;          /* passed the boundary */
        if (dir != 2) { mid += dir * step; step *= 2; }
        if (dir == 2 || mid < lo || mid > hi) { dir = 2; mid = lo + (hi - lo) / 2; }
    }
    /* The answer, laid out in full; where a line measured whole is wider
    ** than its words summed, one size down, until px_min. */
    while (!layout_fits(l, m, text, len, p, best) && best > px_min)
        best--;
    return best;
}
