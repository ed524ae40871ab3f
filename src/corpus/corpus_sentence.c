/*
** src/corpus/corpus_sentence.c: sentence boundaries (ingest stage 5).
**
** Choice: ICU's sentence break iterator, ubrk_open(UBRK_SENTENCE,
** "en_US@ss=standard"), followed by a small post-pass. ICU implements UAX #29
** with CLDR's abbreviation suppressions, so it already gets right the cases a
** hand-written splitter keeps getting wrong: decimals ("4.29"), a full stop
** followed by a lowercase word ("than . trillion", "Smith Jr. said"),
** terminal punctuation inside closing quotes and brackets ("rejected." Then),
** ellipses, ?/!, Mr./Mrs./Jan./p.m. before a name or number, and CJK full
** stops (。！？ need no space). It is fast enough: one template iterator is
** opened once per process (~0.5 ms) and cloned per call (well under 1 us).
**
** ICU still breaks in places news text does not (custom suppressions are C++
** only), so the post-pass, working on byte spans:
**   1. splits a missing-space join "COVID.The third": a '.', '!' or '?' with
**      a letters-only word of >= SPLIT_MIN_LEFT letters on its left (not an
**      abbreviation) and a capital followed by >= 2 lowercase letters on its
**      right. Domains ("example.org") and "U.S.-China" are left alone.
**   2. merges a break after a token of abbr_table (Dr., Sen., Gov., Lt., St.,
**      vs., e.g., No. + digit, Sept. + digit, a.m. + weekday...), after an
**      initial ("George N. Smith") and after a dotted acronym ("U.S.
**      Congress") when the next word is capitalised but is not a common
**      sentence opener (The, He, It, But, ...): "in the U.S. The end" splits.
**   3. a segment without any letter or digit is glued to the previous one.
** Spans are trimmed of ASCII space, NBSP, U+3000 and U+200B.
**
** Thread safety: the template is created under pthread_once; each call
** works on its own clone, so calls may run concurrently.
** If ICU cannot be opened, each line of the text is one sentence.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <pthread.h>    /* pthread_once for the shared template iterator */
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>   /* ICU sentence break iterator */

#define SPLIT_MIN_LEFT 3    /* letters left of a space-less '.' before we split */

/* ---- the ICU iterator ---------------------------------------------------- */

static pthread_once_t tmpl_once = PTHREAD_ONCE_INIT;
static UBreakIterator *tmpl;     /* never closed: lives for the process */

static void tmpl_open(void) {
    UErrorCode e = U_ZERO_ERROR;
    tmpl = ubrk_open(UBRK_SENTENCE, "en_US@ss=standard", NULL, 0, &e);
    if (U_FAILURE(e)) tmpl = NULL;
}

/* ---- UTF-8 helpers ------------------------------------------------------- */

/* Decode one code point at s[i..n); sets *len (>= 1). Invalid bytes: U+FFFD. */
static unsigned utf8_at(const char *s, size_t n, size_t i, size_t *len) {
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;
    unsigned c = p[0];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (k == 0 || k > left) { *len = 1; return 0xFFFD; }
    unsigned cp = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t j = 1; j < k; j++) {
        if ((p[j] & 0xC0) != 0x80) { *len = 1; return 0xFFFD; }
        cp = (cp << 6) | (p[j] & 0x3F);
    }
    *len = k;
    return cp;
}

/* Length of trimmable space starting at s[i] (0 if none). */
static size_t space_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) return 2;          /* NBSP */
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) return 3;                                      /* U+3000 */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x8B) return 3;                                      /* U+200B */
    return 0;
}

/* Length of trimmable space ending at s[end-1] (0 if none). */
static size_t space_before(const char *s, size_t start, size_t end) {
    if (end <= start) return 0;
    for (size_t k = 1; k <= 3 && k <= end - start; k++) {
        size_t l = space_at(s, end, end - k);
        if (l == k) return k;
    }
    return 0;
}

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(char c) { return is_upper(c) || is_lower(c); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* ---- abbreviations ------------------------------------------------------- */

typedef enum abbr_kind {
    AB_TITLE,   /* precedes a name: merge before any capitalised word or digit */
    AB_PLACE,   /* St./Mt./Ft.: also "Street": merge before a capitalised non-opener */
    AB_NUMBER,  /* precedes a number: merge before a digit ("No. 1", "Sept. 5") */
    AB_ALWAYS,  /* never ends a sentence in news copy ("vs.", "e.g.") */
    AB_TIME,    /* "a.m.", "p.m.": merge before a weekday, month or time zone */
    AB_NONE     /* may end a sentence ("Inc.", "Jr."): ICU decides; never split after */
} abbr_kind;

/* Compared case-sensitively against the token without its final '.'. */
static const struct { const char *word; abbr_kind kind; } abbr_table[] = {
    {"Mr", AB_TITLE}, {"Mrs", AB_TITLE}, {"Ms", AB_TITLE}, {"Messrs", AB_TITLE},
    {"Dr", AB_TITLE}, {"Prof", AB_TITLE}, {"Sen", AB_TITLE}, {"Sens", AB_TITLE},
    {"Rep", AB_TITLE}, {"Reps", AB_TITLE}, {"Gov", AB_TITLE}, {"Lt", AB_TITLE},
    {"Gen", AB_TITLE}, {"Col", AB_TITLE}, {"Capt", AB_TITLE}, {"Maj", AB_TITLE},
    {"Sgt", AB_TITLE}, {"Cpl", AB_TITLE}, {"Adm", AB_TITLE}, {"Cmdr", AB_TITLE},
    {"Rev", AB_TITLE}, {"Hon", AB_TITLE}, {"Pres", AB_TITLE}, {"Supt", AB_TITLE},
    {"Det", AB_TITLE}, {"Insp", AB_TITLE}, {"Amb", AB_TITLE}, {"Atty", AB_TITLE},
    {"St", AB_PLACE}, {"Mt", AB_PLACE}, {"Ft", AB_PLACE},
    {"Jr", AB_NONE}, {"Sr", AB_NONE}, {"Inc", AB_NONE}, {"Co", AB_NONE},
    {"Corp", AB_NONE}, {"Ltd", AB_NONE}, {"Bros", AB_NONE}, {"etc", AB_NONE},
    {"No", AB_NUMBER}, {"Nos", AB_NUMBER}, {"Vol", AB_NUMBER}, {"Art", AB_NUMBER},
    {"Fig", AB_NUMBER}, {"pp", AB_NUMBER}, {"p", AB_NUMBER}, {"ch", AB_NUMBER},
    {"Jan", AB_NUMBER}, {"Feb", AB_NUMBER}, {"Mar", AB_NUMBER}, {"Apr", AB_NUMBER},
    {"Jun", AB_NUMBER}, {"Jul", AB_NUMBER}, {"Aug", AB_NUMBER}, {"Sep", AB_NUMBER},
    {"Sept", AB_NUMBER}, {"Oct", AB_NUMBER}, {"Nov", AB_NUMBER}, {"Dec", AB_NUMBER},
    {"vs", AB_ALWAYS}, {"v", AB_ALWAYS}, {"e.g", AB_ALWAYS}, {"i.e", AB_ALWAYS},
    {"cf", AB_ALWAYS}, {"approx", AB_ALWAYS},
    {"a.m", AB_TIME}, {"p.m", AB_TIME}, {"A.M", AB_TIME}, {"P.M", AB_TIME},
};

/* Capitalised words that usually open a sentence: no merge before them. */
static const char *const opener_table[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
    "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "However",
    "Meanwhile", "Then", "Now", "In", "On", "At", "For", "As", "If", "When", "While",
    "After", "Before", "Since", "Although", "Though", "Its", "His", "Her", "Their",
    "Our", "My", "Some", "Many", "Most", "All", "Both", "Each", "Such", "What",
    "Why", "How", "Who", "Where", "Also", "Still", "Even", "Instead", "Despite",
    "According", "Officials", "Experts", "Analysts", NULL
};

/* Words after "a.m."/"p.m." that continue the sentence. */
static const char *const time_follow_table[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "GMT", "UTC", "BST", "CET",
    "Eastern", "Pacific", "Central", "Mountain", "Beijing", "local", NULL
};

static int word_in(const char *w, size_t n, const char *const *table) {
    for (size_t i = 0; table[i]; i++)
        if (strlen(table[i]) == n && memcmp(table[i], w, n) == 0) return 1;
    return 0;
}

static int abbr_lookup(const char *w, size_t n, abbr_kind *kind) {
    for (size_t i = 0; i < sizeof abbr_table / sizeof abbr_table[0]; i++)
        if (strlen(abbr_table[i].word) == n && memcmp(abbr_table[i].word, w, n) == 0) {
            *kind = abbr_table[i].kind;
            return 1;
        }
    return 0;
}

/* ---- segments ------------------------------------------------------------ */

typedef struct segv { corpus_span *v; size_t n, cap; } segv;

static void segv_push(segv *sv, size_t start, size_t end) {
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 16;
        sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n].start = start;
    sv->v[sv->n].end = end;
    sv->n++;
}

/* Trim [*a, *b) in place. */
static void trim(const char *s, size_t *a, size_t *b) {
    size_t k;
    while (*a < *b && (k = space_at(s, *b, *a)) > 0) *a += k;
    while (*b > *a && (k = space_before(s, *a, *b)) > 0) *b -= k;
}

/* Last whitespace-delimited token of [a, b) (trimmed), without leading
** opening punctuation. */
static void last_token(const char *s, size_t a, size_t b, size_t *ta, size_t *tb) {
    trim(s, &a, &b);
    size_t i = b;
    while (i > a && !space_before(s, a, i)) i--;
    while (i < b && (s[i] == '(' || s[i] == '"' || s[i] == '\'' || s[i] == '[')) i++;
    *ta = i;
    *tb = b;
}

/* First word of [a, b): skips opening quotes/brackets, returns letters+digits. */
static void first_word(const char *s, size_t a, size_t b, size_t *wa, size_t *wb) {
    trim(s, &a, &b);
    while (a < b && !is_alpha(s[a]) && !is_digit(s[a]) && (unsigned char)s[a] < 0x80) a++;
    size_t e = a;
    while (e < b && (is_alpha(s[e]) || is_digit(s[e]))) e++;
    *wa = a;
    *wb = e;
}

static int has_alnum(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_alpha((char)c) || is_digit((char)c) || c >= 0xC0) return 1;
    }
    return 0;
}

/* Token t (ending in '.') is a single capital ("N.") or a dotted acronym
** ("U.S.", "J.R.R."): letters each followed by a dot. */
static int is_initials(const char *t, size_t n) {
    if (n < 2 || n % 2) return 0;
    for (size_t i = 0; i < n; i += 2)
        if (!is_upper(t[i]) || t[i + 1] != '.') return 0;
    return 1;
}

/* Should the break between segments x and y be removed? */
static int should_merge(const char *s, corpus_span x, corpus_span y) {
    size_t ta, tb, wa, wb;
    last_token(s, x.start, x.end, &ta, &tb);
    if (tb <= ta || s[tb - 1] != '.') return 0;
    first_word(s, y.start, y.end, &wa, &wb);
    if (wb <= wa) return 0;
    int next_digit = is_digit(s[wa]);
    int next_cap = is_upper(s[wa]) && !word_in(s + wa, wb - wa, opener_table);
    abbr_kind kind;
    if (abbr_lookup(s + ta, tb - ta - 1, &kind)) {
        switch (kind) {
        case AB_TITLE:  return is_upper(s[wa]) || next_digit;
        case AB_PLACE:  return next_cap;
        case AB_NUMBER: return next_digit;
        case AB_ALWAYS: return 1;
        case AB_TIME:   return word_in(s + wa, wb - wa, time_follow_table);
        case AB_NONE:   return 0;
        }
    }
    if (is_initials(s + ta, tb - ta)) return next_cap;
    return 0;
}

/* Split points inside [a, b) where a sentence ends with no space after it. */
static void split_joins(const char *s, size_t a, size_t b, segv *out) {
    size_t from = a;
    for (size_t i = a + 1; i + 3 < b; i++) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?') continue;
        if (!is_upper(s[i + 1]) || !is_lower(s[i + 2]) || !is_lower(s[i + 3])) continue;
        size_t l = i;
        while (l > from && is_alpha(s[l - 1])) l--;
        if (i - l < SPLIT_MIN_LEFT) continue;
        if (l > from && !space_before(s, from, l) && s[l - 1] != '"' && s[l - 1] != '(')
            continue;           /* "example.Org", "x-Word.The": not a plain word */
        abbr_kind kind;
        if (abbr_lookup(s + l, i - l, &kind)) continue;
        segv_push(out, from, i + 1);
        from = i + 1;
    }
    segv_push(out, from, b);
}

/* Raw ICU boundaries of text[0..len) as byte spans (untrimmed). */
static void icu_segments(const char *text, size_t len, segv *raw) {
    pthread_once(&tmpl_once, tmpl_open);
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *bi = tmpl ? ubrk_clone(tmpl, &e) : NULL;
    if (!bi || U_FAILURE(e) || len > (size_t)INT32_MAX / 2) {
        if (bi) ubrk_close(bi);
        size_t from = 0;                        /* fallback: one sentence per line */
        for (size_t i = 0; i < len; i++)
            if (text[i] == '\n') { segv_push(raw, from, i + 1); from = i + 1; }
        segv_push(raw, from, len);
        return;
    }
    /* UTF-16 copy, with map16[k] = byte offset of code unit k. */
    UChar *u = xmalloc((2 * len + 1) * sizeof *u);
    size_t *map16 = xmalloc((2 * len + 1) * sizeof *map16);
    size_t n16 = 0;
    for (size_t i = 0; i < len;) {
        size_t cl;
        unsigned cp = utf8_at(text, len, i, &cl);
        if (cp >= 0x10000) {
            map16[n16] = i; u[n16++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            map16[n16] = i; u[n16++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            map16[n16] = i; u[n16++] = (UChar)cp;
        }
        i += cl;
    }
    map16[n16] = len;
    ubrk_setText(bi, u, (int32_t)n16, &e);
    int32_t prev = ubrk_first(bi), cur;
    if (U_SUCCESS(e))
        while ((cur = ubrk_next(bi)) != UBRK_DONE) {
            segv_push(raw, map16[prev], map16[cur]);
            prev = cur;
        }
    else
        segv_push(raw, 0, len);
    ubrk_close(bi);
    free(u);
    free(map16);
}

size_t corpus_sentences(const char *text, size_t len, corpus_span **spans) {
    *spans = NULL;
    if (!text || len == 0) return 0;
    segv raw = {0}, split = {0}, out = {0};
    icu_segments(text, len, &raw);
    for (size_t i = 0; i < raw.n; i++) split_joins(text, raw.v[i].start, raw.v[i].end, &split);
    for (size_t i = 0; i < split.n; i++) {
        corpus_span sp = split.v[i];
        if (out.n && (!has_alnum(text, sp.start, sp.end) ||
                      should_merge(text, out.v[out.n - 1], sp))) {
            out.v[out.n - 1].end = sp.end;
            continue;
        }
        segv_push(&out, sp.start, sp.end);
    }
    size_t n = 0;
    for (size_t i = 0; i < out.n; i++) {
        size_t a = out.v[i].start, b = out.v[i].end;
        trim(text, &a, &b);
        if (b > a) { out.v[n].start = a; out.v[n].end = b; n++; }
    }
    free(raw.v);
    free(split.v);
    if (n == 0) { free(out.v); return 0; }
    *spans = out.v;
    return n;
}
