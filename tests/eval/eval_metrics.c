/*
** tests/eval/eval_metrics.c: normalisation, sentence split, matching and
** per-page figures of `make eval` (see eval_metrics.h).
*/
#include "eval_metrics.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>   /* decomposition, mark stripping, case folding, categories */

/* ---- string lists ----------------------------------------------------------- */

void eval_strv_free(eval_strv *sv) {
    if (!sv) return;
    for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

int eval_strv_push(eval_strv *sv, const char *s, size_t len) {
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 16;
        char **v = realloc(sv->v, cap * sizeof *v);
        if (!v) return -1;
        sv->v = v;
        sv->cap = cap;
    }
    char *c = malloc(len + 1);
    if (!c) return -1;
    memcpy(c, s, len);
    c[len] = '\0';
    sv->v[sv->n++] = c;
    return 0;
}

/* ---- normalisation ---------------------------------------------------------- */

/* What a code point of the decomposed text becomes. */
enum { EVAL_KEEP, EVAL_DROP, EVAL_SEP };

static int eval_class(utf8proc_int32_t c) {
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return EVAL_KEEP;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return EVAL_DROP;
    default:
        return EVAL_SEP;
    }
}

char *eval_norm(const char *s) {
    size_t len = strlen(s);
    /* A code point decomposes to at most 18 code points of 4 bytes (utf8proc's
     * longest compatibility decompositions); grow when a text needs more. */
    size_t cap = len * 2 + 16, n = 0;
    char *out = malloc(cap);
    if (!out) return NULL;
    int pending_sep = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *end = p + len;
    while (p < end) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, end - p, &c);
        if (k <= 0) { pending_sep = 1; p++; continue; }   /* invalid byte: a separator */
        p += k;
        utf8proc_int32_t dec[32];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(c, dec, 32,
            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
            &last);
        if (m < 0 || m > 32) { pending_sep = 1; continue; }
        for (utf8proc_ssize_t i = 0; i < m; i++) {
            int cl = eval_class(dec[i]);
            if (cl == EVAL_DROP) continue;
            if (cl == EVAL_SEP) { pending_sep = 1; continue; }
            if (n + 8 >= cap) {
                char *g = realloc(out, cap * 2);
                if (!g) { free(out); return NULL; }
                out = g;
                cap *= 2;
            }
            if (pending_sep && n > 0) out[n++] = ' ';
            pending_sep = 0;
            n += (size_t)utf8proc_encode_char(dec[i], (utf8proc_uint8_t *)out + n);
        }
    }
    out[n] = '\0';
    return out;
}

size_t eval_words(const char *norm) {
    size_t w = 0;
    for (const char *p = norm; *p; p++)
        if (*p != ' ' && (p == norm || p[-1] == ' ')) w++;
    return w;
}

int eval_found(const char *hay, const char *needle) {
    size_t nl = strlen(needle);
    if (nl == 0) return 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        int left = p == hay || p[-1] == ' ';
        int right = p[nl] == '\0' || p[nl] == ' ';
        if (left && right) return 1;
    }
    return 0;
}

/* ---- sentences -------------------------------------------------------------- */

/* Length of a closing quote or bracket at s (UTF-8), 0 if none. */
static size_t eval_closer(const char *s) {
    static const char *const closers[] = { "\"", "'", ")", "]", "\xe2\x80\x9d" /* ” */,
                                           "\xe2\x80\x99" /* ’ */, "\xc2\xbb" /* » */ };
    for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
        size_t l = strlen(closers[i]);
        if (strncmp(s, closers[i], l) == 0) return l;
    }
    return 0;
}

/* Length of a sentence end mark at s, 0 if none. */
static size_t eval_stop(const char *s) {
    if (*s == '.' || *s == '!' || *s == '?') return 1;
    if (strncmp(s, "\xe2\x80\xa6", 3) == 0) return 3;   /* … */
    return 0;
}

static int eval_push_sentence(const char *s, size_t len, size_t min_words, eval_strv *out) {
    char *raw = malloc(len + 1);
    if (!raw) return -1;
    memcpy(raw, s, len);
    raw[len] = '\0';
    char *norm = eval_norm(raw);
    free(raw);
    if (!norm) return -1;
    int rc = 0;
    if (eval_words(norm) >= min_words) rc = eval_strv_push(out, norm, strlen(norm));
    free(norm);
    return rc;
}

int eval_sentences(const char *text, size_t min_words, eval_strv *out) {
    const char *start = text, *p = text;
    while (*p) {
        if (*p == '\n' || *p == '\r') {
            if (eval_push_sentence(start, (size_t)(p - start), min_words, out)) return -1;
            start = ++p;
            continue;
        }
        size_t k = eval_stop(p);
        if (!k) { p++; continue; }
        const char *q = p + k;
        for (;;) {                       /* "?!", "...", closing quotes */
            size_t c = eval_stop(q);
            if (!c) c = eval_closer(q);
            if (!c) break;
            q += c;
        }
        if (*q == '\0' || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') {
            if (eval_push_sentence(start, (size_t)(q - start), min_words, out)) return -1;
            start = q;
        }
        p = q;
    }
    return eval_push_sentence(start, (size_t)(p - start), min_words, out);
}

/* ---- expected.txt ----------------------------------------------------------- */

/* A growable byte buffer. */
typedef struct eval_buf { char *s; size_t n, cap; int oom; } eval_buf;

static void eval_buf_add(eval_buf *b, const char *s, size_t len) {
    if (b->oom) return;
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + len + 1) cap *= 2;
        char *g = realloc(b->s, cap);
        if (!g) { b->oom = 1; return; }
        b->s = g;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
}

/* Adds the normalised paragraph with the barrier before it. */
static void eval_buf_add_norm(eval_buf *b, const char *para, size_t len) {
    char *raw = malloc(len + 1);
    if (!raw) { b->oom = 1; return; }
    memcpy(raw, para, len);
    raw[len] = '\0';
    char *norm = eval_norm(raw);
    free(raw);
    if (!norm) { b->oom = 1; return; }
    if (*norm) {
        if (b->n) eval_buf_add(b, " | ", 3);
        eval_buf_add(b, norm, strlen(norm));
    }
    free(norm);
}

static char *eval_buf_take(eval_buf *b) {
    if (b->oom) { free(b->s); return NULL; }
    if (!b->s) return calloc(1, 1);
    return b->s;
}

/* Calls back each paragraph (lines between blank lines, joined by '\n'
 * as they are) of text. */
typedef void (*eval_para_fn)(void *ctx, const char *para, size_t len);

static void eval_paragraphs(const char *text, eval_para_fn fn, void *ctx) {
    const char *p = text, *para = NULL, *para_end = NULL;
    while (*p) {
        const char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        if (q == eol) {                         /* blank line */
            if (para) fn(ctx, para, (size_t)(para_end - para));
            para = NULL;
        } else {
            if (!para) para = p;
            para_end = eol;
        }
        p = *eol ? eol + 1 : eol;
    }
    if (para) fn(ctx, para, (size_t)(para_end - para));
}

typedef struct eval_exp_ctx { eval_buf req, opt, raw; } eval_exp_ctx;

static void eval_exp_para(void *ctx, const char *para, size_t len) {
    eval_exp_ctx *x = ctx;
    while (len && (*para == ' ' || *para == '\t')) { para++; len--; }
    if (len >= 2 && para[0] == '?' && para[1] == ' ') {
        eval_buf_add_norm(&x->opt, para + 2, len - 2);
        return;
    }
    eval_buf_add_norm(&x->req, para, len);
    if (x->raw.n) eval_buf_add(&x->raw, "\n", 1);
    eval_buf_add(&x->raw, para, len);
}

int eval_expected_parse(const char *text, eval_expected *out) {
    eval_exp_ctx x;
    memset(&x, 0, sizeof x);
    memset(out, 0, sizeof *out);
    eval_paragraphs(text, eval_exp_para, &x);
    out->required_norm = eval_buf_take(&x.req);
    out->optional_norm = eval_buf_take(&x.opt);
    out->required_raw = eval_buf_take(&x.raw);
    if (!out->required_norm || !out->optional_norm || !out->required_raw) {
        eval_expected_free(out);
        return -1;
    }
    return 0;
}

void eval_expected_free(eval_expected *e) {
    if (!e) return;
    free(e->required_norm);
    free(e->optional_norm);
    free(e->required_raw);
    memset(e, 0, sizeof *e);
}

/* ---- content ---------------------------------------------------------------- */

double eval_f1(double p, double r) {
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* The normalised lines of text joined by the " | " barrier. */
char *eval_norm_lines(const char *text) {
    eval_buf b;
    memset(&b, 0, sizeof b);
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        eval_buf_add_norm(&b, p, (size_t)(eol - p));
        p = *eol ? eol + 1 : eol;
    }
    return eval_buf_take(&b);
}

int eval_content_score(const char *body, const eval_expected *e, eval_content *out,
                       eval_strv *missed, eval_strv *extra) {
    memset(out, 0, sizeof *out);
    eval_strv exp = { 0 }, art = { 0 };
    char *body_norm = eval_norm_lines(body);
    int rc = -1;
    if (!body_norm || eval_sentences(e->required_raw, EVAL_SENTENCE_WORDS, &exp)
        || eval_sentences(body, EVAL_SENTENCE_WORDS, &art))
        goto done;
    out->expected = exp.n;
    for (size_t i = 0; i < exp.n; i++) {
        if (eval_found(body_norm, exp.v[i])) out->recalled++;
        else if (missed && eval_strv_push(missed, exp.v[i], strlen(exp.v[i]))) goto done;
    }
    for (size_t i = 0; i < art.n; i++) {
        if (eval_found(e->required_norm, art.v[i])) { out->extracted++; out->precise++; }
        else if (eval_found(e->optional_norm, art.v[i])) out->optional++;
        else {
            out->extracted++;
            if (extra && eval_strv_push(extra, art.v[i], strlen(art.v[i]))) goto done;
        }
    }
    out->p = out->extracted ? (double)out->precise / (double)out->extracted : (art.n ? 1.0 : 0.0);
    out->r = out->expected ? (double)out->recalled / (double)out->expected : 1.0;
    out->f1 = eval_f1(out->p, out->r);
    rc = 0;
done:
    free(body_norm);
    eval_strv_free(&exp);
    eval_strv_free(&art);
    return rc;
}

/* ---- expected.meta, title, author, leaks ------------------------------------ */

static char *eval_strndup(const char *s, size_t n) {
    char *c = malloc(n + 1);
    if (!c) return NULL;
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

int eval_meta_parse(const char *text, eval_meta *out) {
    memset(out, 0, sizeof *out);
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        const char *k = p, *ke;
        while (k < eol && (*k == ' ' || *k == '\t')) k++;
        const char *eq = memchr(k, '=', (size_t)(eol - k));
        if (k < eol && *k != ';' && *k != '#' && eq) {
            ke = eq;
            while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t')) ke--;
            const char *v = eq + 1, *ve = eol;
            while (v < ve && (*v == ' ' || *v == '\t')) v++;
            while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r')) ve--;
            size_t kl = (size_t)(ke - k), vl = (size_t)(ve - v);
            char **slot = NULL;
            if (kl == 5 && strncmp(k, "title", 5) == 0 && out->ntitles < EVAL_MAX_TITLES)
                slot = &out->titles[out->ntitles++];
            else if (kl == 6 && strncmp(k, "author", 6) == 0 && !out->author)
                slot = &out->author;
            if (slot && !(*slot = eval_strndup(v, vl))) { eval_meta_free(out); return -1; }
        }
        p = *eol ? eol + 1 : eol;
    }
    if (!out->author && !(out->author = eval_strndup("", 0))) { eval_meta_free(out); return -1; }
    return 0;
}

void eval_meta_free(eval_meta *m) {
    if (!m) return;
    for (size_t i = 0; i < m->ntitles; i++) free(m->titles[i]);
    free(m->author);
    memset(m, 0, sizeof *m);
}

int eval_title_ok(const char *stored, const eval_meta *m) {
    if (!stored) return 0;
    char *s = eval_norm(stored);
    int ok = 0;
    for (size_t i = 0; s && *s && !ok && i < m->ntitles; i++) {
        char *t = eval_norm(m->titles[i]);
        ok = t && strcmp(s, t) == 0;
        free(t);
    }
    free(s);
    return ok;
}

/* Letters of a normalised word (code points). */
static size_t eval_letters(const char *w, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80) n++;
    return n;
}

int eval_author_ok(const char *stored, const char *expected) {
    char *e = eval_norm(expected ? expected : "");
    if (!e) return 0;
    if (!*e) { free(e); return -1; }
    char *s = eval_norm(stored ? stored : "");
    int ok = 0;
    for (const char *w = e; s && *w && !ok;) {
        const char *we = strchr(w, ' ');
        if (!we) we = w + strlen(w);
        size_t len = (size_t)(we - w);
        if (eval_letters(w, len) >= EVAL_NAME_LETTERS) {
            char *word = eval_strndup(w, len);
            ok = word && eval_found(s, word);
            free(word);
        }
        w = *we ? we + 1 : we;
    }
    free(s);
    free(e);
    return ok;
}

int eval_leak(const char *hay_norm, const char *line) {
    char *n = eval_norm(line);
    int leak = n && eval_words(n) >= EVAL_LEAK_WORDS && eval_found(hay_norm, n);
    free(n);
    return leak;
}

int eval_summary_leak(const char *line, const char *sum_norm, const eval_strv *sum_sentences,
                      const eval_expected *e) {
    char *n = eval_norm(line);
    int leak = 0;
    if (n && eval_words(n) >= EVAL_LEAK_WORDS) {
        leak = eval_found(sum_norm, n);
        for (size_t i = 0; !leak && i < sum_sentences->n; i++)
            leak = eval_found(n, sum_sentences->v[i])
                   && !eval_found(e->required_norm, sum_sentences->v[i])
                   && !eval_found(e->optional_norm, sum_sentences->v[i]);
    }
    free(n);
    return leak;
}
