/*
** tests/fuzz/fuzz_input.h: how one fuzz input is split into the article's
** bytes and the sidecar's bytes (header only; shared by the libFuzzer
** harness tests/fuzz/fuzz_ingest.c and the replay test
** tests/test_fuzz_regress.c, so both read a case the same way).
**
** Format: the article's raw bytes, then optionally the separator line
** FUZZ_SIDECAR_SEP followed by the sidecar's raw bytes:
**
**     ---\ntitle: A\n---\nBody text...\n
**     \n--8<-- sidecar\n
**     published = 2015-12-16\n
**
** The first occurrence of the separator splits; without it there is no
** sidecar. A seed file is therefore a readable article with its .meta
** appended, and libFuzzer mutates both halves.
*/
#ifndef VITRINE_FUZZ_INPUT_H
#define VITRINE_FUZZ_INPUT_H

#include "corpus/corpus.h"

#include <stddef.h>
#include <string.h>

#define FUZZ_SIDECAR_SEP "\n--8<-- sidecar\n"

typedef struct fuzz_input {
    const char *art;        /* article bytes (borrowed from the input) */
    size_t nart;
    const char *side;       /* sidecar bytes (borrowed), NULL without a separator */
    size_t nside;
} fuzz_input;

static inline fuzz_input fuzz_input_split(const char *data, size_t n) {
    static const char sep[] = FUZZ_SIDECAR_SEP;
    const size_t ns = sizeof sep - 1;
    fuzz_input in = { data, n, NULL, 0 };
    for (size_t i = 0; n >= ns && i <= n - ns; i++) {
        if (data[i] == sep[0] && memcmp(data + i, sep, ns) == 0) {
            in.nart = i;
            in.side = data + i + ns;
            in.nside = n - i - ns;
            break;
        }
    }
    return in;
}

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or
** code points above U+10FFFF). */
static inline int fuzz_utf8_ok(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                 : (c & 0xF8) == 0xF0 ? 3 : 9;
        if (k == 9 || (size_t)(e - p) < k + 1) return 0;
        unsigned cp = k == 0 ? c : k == 1 ? (c & 0x1F) : k == 2 ? (c & 0x0F) : (c & 0x07);
        for (size_t i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static const unsigned min[4] = { 0, 0x80, 0x800, 0x10000 };
        if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        p += k + 1;
    }
    return 1;
}

static inline int fuzz_str_ok(const char *s) {
    return !s || fuzz_utf8_ok(s, strlen(s));
}

/* What an accepted article must satisfy (the ingest contract in
** corpus.h and the schema in corpus_db.c): at least one paragraph, a
** title, a non-empty lowercase-ASCII slug, a published date in ISO form,
** and every text valid UTF-8. NULL when all hold, else what is wrong. */
static inline const char *fuzz_article_problem(const corpus_article *a) {
    const corpus_meta *m = &a->doc.meta;
    if (a->doc.npara == 0) return "accepted with no paragraphs";
    if (!m->title || !*m->title) return "no title";
    if (!a->slug || !*a->slug) return "empty slug";
    for (const char *c = a->slug; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return "slug not lowercase ASCII words";
    if (m->published) {     /* the schema's YYYY, YYYY-MM or YYYY-MM-DD */
        size_t n = strlen(m->published);
        if (n != 4 && n != 7 && n != 10) return "published not YYYY[-MM[-DD]]";
        for (size_t i = 0; i < n; i++)
            if ((i == 4 || i == 7) ? m->published[i] != '-'
                                   : (m->published[i] < '0' || m->published[i] > '9'))
                return "published not YYYY[-MM[-DD]]";
    }
    if (!fuzz_str_ok(m->title) || !fuzz_str_ok(m->published) || !fuzz_str_ok(m->source)
        || !fuzz_str_ok(m->author) || !fuzz_str_ok(m->url)) return "metadata not UTF-8";
    for (size_t i = 0; i < a->doc.npara; i++)
        if (!a->doc.paras[i] || !fuzz_str_ok(a->doc.paras[i])) return "paragraph not UTF-8";
    for (size_t i = 0; i < a->summary.n; i++)
        if (!a->summary.v[i] || !fuzz_str_ok(a->summary.v[i])) return "summary not UTF-8";
    for (size_t i = 0; i < a->nquotes; i++) {
        if (!a->quotes[i].text || !fuzz_str_ok(a->quotes[i].text)
            || !fuzz_str_ok(a->quotes[i].speaker)) return "quote not UTF-8";
        if (a->quotes[i].para >= a->doc.npara) return "quote paragraph out of range";
    }
    for (size_t i = 0; i < a->nevents; i++) {
        if (!a->events[i].text || !fuzz_str_ok(a->events[i].text)) return "event not UTF-8";
        if (a->events[i].para >= a->doc.npara) return "event paragraph out of range";
        if (a->events[i].date.prec < CDATE_YEAR || a->events[i].date.prec > CDATE_DAY)
            return "event without a precision";
    }
    return NULL;
}

#endif
