/*
** src/corpus/corpus_summary.c: extractive summary (ingest stage 6).
**
** Output: 2 to 4 whole sentences of the article, 25 to 90 words together,
** in article order. Each is a copy of the sentence with runs of white space
** collapsed to one space (nothing else is changed).
**
** 1. Sentences. Every paragraph is split with corpus_sentences(); a quote
**    state (straight-quote parity, curly-quote depth) is carried through the
**    paragraph so that a sentence starting or ending inside a quotation is
**    known.
** 2. Eligibility (sent_reject): a summary sentence must start with a capital,
**    digit or opening quote; end with '.' or '!' (optionally followed by
**    closing quotes): no question (teaser), no ellipsis, no headline without
**    a stop; have SENT_MIN_WORDS..SENT_MAX_TOKENS words; not be Title-Case;
**    have a verb-ish word (an auxiliary or reporting verb from verb_table, a
**    lowercase word ending in -ed, or an -s word after a content word and
**    no punctuation: "the plan adds"; a weak test without a POS tagger); have balanced quotes and at least
**    QUOTE_MIN_OUTSIDE words outside quotation marks (no bare quote
**    fragment); contain no brackets, '|', '>>', '@' or URL; match no
**    boilerplate pattern (captions, credits, disclaimers, calls to action);
**    not be an author biography ("The author is ...", or a tail sentence
**    "Name Name is a columnist ...", or one naming the byline's author as its
**    subject); not be a caption ending in ", Month D, YYYY.".
**    Cleaning should already have removed boilerplate: this is a second net.
** 3. Ranking: lead-biased centrality. Content words (lowercased, stopwords
**    and reporting verbs removed, light suffix stemming: possessive, -ies,
**    -es, -s, -ing, -ed, -ly; no Snowball dependency) form each sentence's
**    term set. Similarity is TextRank's |Si ∩ Sj| / (log|Si| + log|Sj|)
**    (|S| floored at 2), weighted PageRank with damping 0.85 over eligible
**    sentences gives centrality c (divided by its maximum). The position
**    prior is p = 1 / (1 + k / LEAD_HALF) for the k-th eligible sentence.
**    score = W_CENTRAL * c + W_LEAD * p, times QUOTE_PENALTY when most words
**    are quoted and OPENER_PENALTY when the sentence opens with a pronoun or
**    connective that needs a previous sentence (He, It, But, ...).
** 4. Selection: greedy by score (ties: article order): add a sentence unless
**    it would pass 4 sentences or SUM_MAX_TOKENS, or it near-duplicates one
**    already taken (Jaccard of term sets >= DUP_JACCARD); once >= 2
**    sentences and >= SUM_MIN_WORDS words are taken, keep adding only
**    sentences ranked in the top SUM_EXTRA_RANK until SUM_TARGET_WORDS. If greedy fails, every combination
**    of 2-4 among the FALLBACK_TOP best sentences is tried and the valid one
**    with the highest score sum wins. None: -1, out left empty.
**
** Word counts: a "word" is a white-space token containing a letter or digit
** (lower bounds use it); a "token" is any white-space token (upper bounds use
** it), so both bounds hold whichever way a checker counts.
** Deterministic: no randomness, fixed iteration count, stable tie-breaks.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <math.h>
#include <pthread.h>     /* pthread_once for the stopword set and word indexes */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>    /* letter categories and lowercasing */

/* ---- tunables ------------------------------------------------------------ */

#define SUM_MIN_SENTS    2
#define SUM_MAX_SENTS    4
#define SUM_MIN_WORDS    25      /* words in the whole summary */
#define SUM_MAX_TOKENS   90      /* tokens in the whole summary */
#define SUM_TARGET_WORDS 55      /* past the minimum, grow towards this: a card
                                    of two short sentences says too little */
#define SUM_EXTRA_RANK   6       /* ...but only with sentences ranked this high */
#define SENT_MIN_WORDS   6       /* words in one summary sentence */
#define SENT_MAX_TOKENS  60      /* tokens in one summary sentence */
#define TITLE_CASE_MAX   0.70    /* share of capitalised words above which: a title */
#define QUOTE_MIN_OUTSIDE 2      /* words outside quotation marks */
#define BIO_TAIL         3       /* last sentences where "Name is a columnist" is a bio */
#define MAX_SENTS        400     /* sentences considered (the lead is what matters) */
#define PR_DAMPING       0.85    /* PageRank damping factor */
#define PR_ITERATIONS    40      /* fixed: keeps results bit-identical */
#define LEAD_HALF        2.0     /* eligible sentences until the prior halves */
#define W_CENTRAL        0.35    /* weight of normalised centrality */
#define W_LEAD           0.65    /* weight of the position prior */
#define QUOTE_PENALTY    0.80    /* factor when > half of the words are quoted */
#define OPENER_PENALTY   0.80    /* factor for "He ...", "But ...", "This ..." */
#define DUP_JACCARD      0.50    /* term-set overlap counted as a repeat */
#define FALLBACK_TOP     14      /* candidates for the exhaustive fallback */

/* ---- word lists ---------------------------------------------------------- */

static const char *const stopword_table[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "even", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my",
    "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "out", "over", "own", "same", "shall", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "within", "would", "yet", "you", "your", "said", "says", "say",
    "told", "added", "according", "mr", "mrs", "ms", "year", "years", "time",
    NULL
};

/* Finite verbs and auxiliaries that make a word sequence a clause. */
static const char *const verb_table[] = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "should", "may", "might", "must",
    "shall", "said", "says", "told", "tells", "made", "makes", "took", "takes",
    "gave", "gives", "got", "gets", "went", "goes", "came", "comes", "saw", "sees",
    "became", "becomes", "found", "finds", "began", "begins", "grew", "grows",
    "met", "meets", "led", "leads", "held", "holds", "left", "won", "lost", "rose",
    "fell", "set", "put", "kept", "brought", "sought", "thought", "felt", "spoke",
    "wrote", "ran", "paid", "sent", "built", "spent", "help", "need", "want", "seem",
    "remain", "continue", "allow", "include", "expect", "hope", "believe", "plan",
    "aim", "seek", "try", "call", "urge", "face", "lack", "mean", "means", NULL
};

/* Words after which an -s word is a plural noun, not a verb ("and parents"). */
static const char *const nominal_table[] = {
    "the", "a", "an", "of", "for", "and", "or", "in", "on", "at", "to", "with", "by",
    "from", "its", "their", "his", "her", "our", "my", "this", "these", "those",
    "some", "many", "all", "two", "three", "several", "new", "old", "other", "more",
    "most", "few", "such", "both", "no", "The", "A", "An", "Some", "Many", "All",
    "These", "Those", "Its", "Their", "His", "Her", "Our", "Two", "Three", NULL
};

/* Opening words that need the previous sentence to make sense. */
static const char *const dangling_opener_table[] = {
    "He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "These",
    "That", "Those", "But", "And", "Or", "So", "Yet", "However", "Also", "Then",
    "Still", "Instead", "Meanwhile", "Moreover", "Furthermore", NULL
};

/* Lowercase substrings that mark captions, credits, disclaimers, calls to
** action and navigation. Matched against the lowercased sentence. */
static const char *const boilerplate_table[] = {
    "photo", "pictured", "file image", "image:", "credit:", "courtesy of",
    "getty images", "the author is", "the writer is", "the author was",
    "views do not necessarily", "not necessarily reflect", "not necessarily those",
    "opinions expressed", "reflect the views", "editor:", "(editor", "editor's note",
    "editor\xE2\x80\x99s note", "http:", "https:", "www.", "click here", "sign up",
    "subscribe to", "subscribe now", "follow us", " on twitter", " on facebook",
    "all rights reserved", "copyright", "\xC2\xA9", "read more", "for more information",
    "please visit", "comment(s)", "contributed to this report", "reporting by",
    "writing by", "editing by", NULL
};

/* Role nouns of an author biography ("X is a columnist with ..."). */
static const char *const bio_role_table[] = {
    "columnist", "analyst", "fellow", "professor", "writer", "journalist",
    "correspondent", "contributor", "researcher", "scholar", "lecturer", "author",
    "editor", "commentator", "blogger", "freelance", "reporter", NULL
};

static const char *const month_table[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "January", "February", "March", "April", "June", "July",
    "August", "September", "October", "November", "December", NULL
};

/* Exact membership index over one NULL-terminated word table: entries
** chained by a hash of (first byte, last byte, length), so a lookup compares
** a couple of entries instead of the whole table. Built once, in
** tables_init(), before any lookup. */
#define WS_SLOTS 256
#define WS_MAX   128     /* entries of the largest indexed table */
typedef struct wordset {
    const char *const *table;
    short head[WS_SLOTS];   /* first entry per slot, -1: none */
    short next[WS_MAX];     /* next entry in the same slot */
} wordset;

#define WS_FITS(t) _Static_assert(sizeof (t) / sizeof *(t) <= WS_MAX, #t " fits a wordset")
WS_FITS(verb_table);
WS_FITS(nominal_table);
WS_FITS(dangling_opener_table);
WS_FITS(month_table);

static wordset verb_set, nominal_set, opener_set, month_set;

static unsigned ws_slot(const char *w, size_t n) {
    return ((unsigned char)w[0] * 31u + (unsigned char)w[n - 1] * 7u + (unsigned)n) % WS_SLOTS;
}

static void ws_build(wordset *ws, const char *const *table) {
    size_t cnt = 0;
    while (table[cnt]) cnt++;
    ws->table = table;
    for (size_t i = 0; i < WS_SLOTS; i++) ws->head[i] = -1;
    for (size_t i = cnt; i-- > 0; ) {           /* chains in table order */
        unsigned h = ws_slot(table[i], strlen(table[i]));
        ws->next[i] = ws->head[h];
        ws->head[h] = (short)i;
    }
}

/* 1 if w[0..n) is an entry of the set's table (exact, case-sensitive). */
static int in_set(const wordset *ws, const char *w, size_t n) {
    if (!n) return 0;                           /* no table has "" */
    for (int i = ws->head[ws_slot(w, n)]; i >= 0; i = ws->next[i]) {
        const char *e = ws->table[i];
        size_t j = 0;
        while (j < n && w[j] && e[j] == w[j]) j++;
        if (j == n && e[n] == '\0') return 1;  /* e has >= n bytes here */
    }
    return 0;
}

/* ---- term hashing and the stopword set ----------------------------------- */

static uint64_t fnv1a(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ull; }
    return h;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static pthread_once_t stop_once = PTHREAD_ONCE_INIT;
static uint64_t stop_hash[sizeof stopword_table / sizeof stopword_table[0]];
static size_t nstop;

static void stop_init(void) {
    ws_build(&verb_set, verb_table);
    ws_build(&nominal_set, nominal_table);
    ws_build(&opener_set, dangling_opener_table);
    ws_build(&month_set, month_table);
    for (size_t i = 0; stopword_table[i]; i++)
        stop_hash[nstop++] = fnv1a(stopword_table[i], strlen(stopword_table[i]));
    qsort(stop_hash, nstop, sizeof stop_hash[0], cmp_u64);
}

static int is_stopword(const char *w, size_t n) {
    uint64_t h = fnv1a(w, n);
    return bsearch(&h, stop_hash, nstop, sizeof h, cmp_u64) != NULL;
}

/* Light English suffix stripping on a lowercase ASCII-ish word, in place. */
static size_t stem(char *w, size_t n) {
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') n -= 2;             /* 's */
    else if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0) n -= 4;    /* ’s */
    if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) { w[n - 3] = 'y'; return n - 2; }
    if (n > 4 && memcmp(w + n - 4, "sses", 4) == 0) return n - 2;
    if (n > 4 && memcmp(w + n - 2, "es", 2) == 0 &&
        (w[n - 3] == 's' || w[n - 3] == 'x' || w[n - 3] == 'h')) return n - 2;
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        return n - 1;
    if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0) return n - 3;
    if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0) return n - 2;
    if (n > 4 && memcmp(w + n - 2, "ly", 2) == 0) return n - 2;
    return n;
}

static int is_wordchar(utf8proc_int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* Sorted unique hashes of the content words of s[0..n). */
static uint64_t *sent_terms(const char *s, size_t n, size_t *nterms) {
    uint64_t *t = NULL;
    size_t cnt = 0, cap = 0;
    char w[128];
    size_t wl = 0;
    for (size_t i = 0; i <= n;) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t k = 1;
        if (i < n && (unsigned char)s[i] < 0x80) {
            /* ASCII fast path: what utf8proc says for these code points
            ** (letters and digits are the only word characters) */
            unsigned char c = (unsigned char)s[i];
            int alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (alnum || (c == '\'' && wl > 0)) {
                if (wl + 1 < sizeof w) w[wl++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
                i++;
                continue;
            }
            cp = c;
        } else if (i < n) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k < 1) { k = 1; cp = -1; }
        }
        int inner_apos = (cp == '\'' || cp == 0x2019) && wl > 0;
        if (cp >= 0 && (is_wordchar(cp) || inner_apos)) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
            if (wl + (size_t)el < sizeof w) { memcpy(w + wl, enc, (size_t)el); wl += (size_t)el; }
        } else if (wl) {
            while (wl && (w[wl - 1] == '\'')) wl--;
            if (wl >= 3 && (unsigned char)w[wl - 1] == 0x99) wl -= 3;   /* trailing ’ */
            if (wl >= 2 && !is_stopword(w, wl)) {
                wl = stem(w, wl);
                if (cnt == cap) { cap = cap ? cap * 2 : 16; t = xrealloc(t, cap * sizeof *t); }
                t[cnt++] = fnv1a(w, wl);
            }
            wl = 0;
        }
        i += (size_t)k;
    }
    if (cnt) qsort(t, cnt, sizeof *t, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < cnt; i++)
        if (u == 0 || t[u - 1] != t[i]) t[u++] = t[i];
    *nterms = u;
    return t;
}

static size_t overlap(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {          /* branch-free merge step */
        uint64_t x = a[i], y = b[j];
        c += x == y;
        i += x <= y;
        j += y <= x;
    }
    return c;
}

/* ---- one sentence -------------------------------------------------------- */

typedef struct sent {
    const char *s;          /* borrowed from the doc's paragraph */
    size_t n;               /* bytes */
    int q_start, q_end;     /* inside a quotation at its start / end */
    int words, tokens;      /* see the header comment */
    int quoted_words;       /* words inside quotation marks */
    int eligible;
    uint64_t *terms;        /* owned; sorted unique */
    size_t nterms;
    double score;
} sent;

/* Quote state: straight-quote parity and curly depth. */
typedef struct qstate { int straight, curly; } qstate;

static int q_inside(qstate q) { return (q.straight & 1) || q.curly > 0; }

/* Update q over s[a..b); counts words, tokens and quoted words into st. */
static void scan_sentence(const char *s, size_t a, size_t b, qstate *q, sent *st) {
    int in_tok = 0, tok_alnum = 0, tok_quoted = 0;
    for (size_t i = a; i <= b; i++) {
        unsigned char c = i < b ? (unsigned char)s[i] : ' ';
        int space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (in_tok) {
                st->tokens++;
                if (tok_alnum) { st->words++; if (tok_quoted) st->quoted_words++; }
            }
            in_tok = tok_alnum = tok_quoted = 0;
            continue;
        }
        in_tok = 1;
        if (c == '"') q->straight++;
        else if (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x9C) q->curly++;                         /* “ */
            else if (d == 0x9D && q->curly > 0) q->curly--;    /* ” */
        }
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC3) {
            if (!tok_alnum) tok_quoted = q_inside(*q);
            tok_alnum = 1;
        }
    }
}

static int starts_ok(const char *s, size_t n) {
    size_t i = 0;
    if (s[0] == '"' || s[0] == '\'') i = 1;
    else if (n > 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
             ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98)) i = 3;
    if (i >= n) return 0;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp) < 1)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND;
}

/* 1 if the sentence ends with . or ! (then closing quotes); 0 otherwise
** (question, ellipsis, no stop). */
static int ends_ok(const char *s, size_t n) {
    while (n > 0) {
        if (s[n - 1] == '"' || s[n - 1] == '\'') { n--; continue; }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) { n -= 3; continue; }
        break;
    }
    if (n == 0) return 0;
    if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0) return 1;       /* 。 */
    if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x81", 3) == 0) return 1;       /* ！ */
    if (s[n - 1] == '!') return 1;
    if (s[n - 1] != '.') return 0;
    if (n >= 2 && s[n - 2] == '.') return 0;                                  /* ... */
    return 1;
}

static char *lower_copy(const char *s, size_t n) {
    char *l = xstrndup(s, n);
    for (size_t i = 0; i < n; i++)
        if (l[i] >= 'A' && l[i] <= 'Z') l[i] = (char)(l[i] - 'A' + 'a');
    return l;
}

/* Whitespace tokens of s as (start, len) pairs, at most max. */
static size_t tokens_of(const char *s, size_t n, size_t *ts, size_t *tl, size_t max) {
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') i++;
        if (i > a) { ts[k] = a; tl[k] = i - a; k++; }
    }
    return k;
}

/* Letters of token t with trailing punctuation stripped. */
static size_t bare_len(const char *t, size_t n) {
    while (n && (t[n - 1] == '.' || t[n - 1] == ',' || t[n - 1] == ';' || t[n - 1] == ':' ||
                 t[n - 1] == '!' || t[n - 1] == '"' || t[n - 1] == ')')) n--;
    return n;
}

/* Title-Case share and verb-ish test. */
static int clause_like(const char *s, size_t n) {
    size_t ts[SENT_MAX_TOKENS + 1], tl[SENT_MAX_TOKENS + 1];
    size_t k = tokens_of(s, n, ts, tl, SENT_MAX_TOKENS + 1);
    int caps = 0, lower = 0, verb = 0, prev_ok = 0;
    for (size_t i = 0; i < k; i++) {
        const char *t = s + ts[i];
        size_t full = tl[i], len = bare_len(t, full);
        if (len && *t == '"') { t++; len--; full--; }
        int this_ok = len > 0 && len == full && !in_set(&nominal_set, t, len);
        if (!len) { prev_ok = 0; continue; }
        if (*t >= 'A' && *t <= 'Z') caps++;
        else if (*t >= 'a' && *t <= 'z') {
            lower++;
            if (in_set(&verb_set, t, len)) verb = 1;
            else if (len >= 4 && t[len - 2] == 'e' && t[len - 1] == 'd') verb = 1;
            else if (prev_ok && len >= 4 && t[len - 1] == 's' && t[len - 2] != 's' &&
                     t[len - 2] != 'u' && t[len - 2] != 'i') verb = 1;   /* "the plan adds" */
        }
        prev_ok = this_ok;
    }
    if (lower < 2 || caps > TITLE_CASE_MAX * (caps + lower)) return 0;
    return verb;
}

/* "..., Aug. 1, 2017." at the end: a photo caption's date line. */
static int caption_date_end(const char *s, size_t n) {
    while (n && (s[n - 1] == '.' || s[n - 1] == ' ')) n--;
    size_t i = n, d = 0;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9') { i--; d++; }
    if (d != 4 || i < 2 || s[i - 1] != ' ' || s[i - 2] != ',') return 0;
    i -= 2; d = 0;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9') { i--; d++; }
    if (d < 1 || d > 2 || i < 1 || s[i - 1] != ' ') return 0;
    i--;
    if (i && s[i - 1] == '.') i--;
    size_t e = i;
    while (i && ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')) i--;
    if (!in_set(&month_set, s + i, e - i)) return 0;
    return i >= 2 && s[i - 1] == ' ' && s[i - 2] == ',';
}

/* Author biography: "The author ...", or Title-Case name + "is a/an" + role
** in the article's tail, or the byline author as subject. */
static int is_bio(const char *s, size_t n, const char *lower, int in_tail, const char *author) {
    if (author && *author) {
        size_t al = strlen(author);
        if (al < n && memcmp(s, author, al) == 0 && s[al] == ' ') return 1;
    }
    if (!in_tail) return 0;
    const char *is = strstr(lower, " is a");
    if (!is) is = strstr(lower, " was a");
    if (!is || is - lower > 60) return 0;
    for (const char *p = s; p < s + (is - lower); p++)      /* subject: only capitalised words */
        if (p == s || p[-1] == ' ') if (!(*p >= 'A' && *p <= 'Z')) return 0;
    for (size_t i = 0; bio_role_table[i]; i++)
        if (strstr(is, bio_role_table[i])) return 1;
    return 0;
}

/* 1 if sentence st may appear in a summary. */
static int sent_eligible(sent *st, int in_tail, const char *author) {
    const char *s = st->s;
    size_t n = st->n;
    if (st->q_start || st->q_end) return 0;                 /* unbalanced quotation */
    if (st->words < SENT_MIN_WORDS || st->tokens > SENT_MAX_TOKENS) return 0;
    if (!starts_ok(s, n) || !ends_ok(s, n)) return 0;
    if (st->words - st->quoted_words < QUOTE_MIN_OUTSIDE) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '[' || s[i] == ']' || s[i] == '|' || s[i] == '@' ||
            (s[i] == '>' && i + 1 < n && s[i + 1] == '>')) return 0;
    if (!clause_like(s, n) || caption_date_end(s, n)) return 0;
    char *lower = lower_copy(s, n);
    int bad = 0;
    for (size_t i = 0; boilerplate_table[i] && !bad; i++)
        if (strstr(lower, boilerplate_table[i])) bad = 1;
    if (!bad) bad = is_bio(s, n, lower, in_tail, author);
    free(lower);
    return !bad;
}

/* ---- ranking ------------------------------------------------------------- */

static void rank(sent **el, size_t n) {
    double *w = xcalloc(n * n, sizeof *w), *out = xcalloc(n, sizeof *out);
    double *pr = xmalloc(n * sizeof *pr), *nx = xmalloc(n * sizeof *nx);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            size_t o = overlap(el[i]->terms, el[i]->nterms, el[j]->terms, el[j]->nterms);
            if (!o) continue;
            double li = log((double)(el[i]->nterms < 2 ? 2 : el[i]->nterms));
            double lj = log((double)(el[j]->nterms < 2 ? 2 : el[j]->nterms));
            w[i * n + j] = w[j * n + i] = (double)o / (li + lj);
        }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) out[i] += w[i * n + j];
        pr[i] = 1.0 / (double)n;
    }
    /* m[i * n + j] = w[j][i] / out[j], the transition weight j -> i,
    ** computed once rather than in every iteration: the same quotient, so
    ** the same bits (products and sums are evaluated in the same order). */
    double *m = xcalloc(n * n, sizeof *m);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (w[j * n + i] > 0) m[i * n + j] = w[j * n + i] / out[j];
    for (int it = 0; it < PR_ITERATIONS; it++) {
        double dangling = 0;
        for (size_t j = 0; j < n; j++) if (out[j] == 0) dangling += pr[j];
        size_t i = 0;
        /* Four rows at a time: independent sums, each still added in j
        ** order (same bits), but their additions overlap in the CPU. */
        for (; i + 4 <= n; i += 4) {
            double a0 = dangling / (double)n, a1 = a0, a2 = a0, a3 = a0;
            const double *m0 = m + i * n, *m1 = m0 + n, *m2 = m1 + n, *m3 = m2 + n;
            for (size_t j = 0; j < n; j++) {  /* a zero term adds +0.0: no change */
                a0 += m0[j] * pr[j];
                a1 += m1[j] * pr[j];
                a2 += m2[j] * pr[j];
                a3 += m3[j] * pr[j];
            }
            nx[i] = (1 - PR_DAMPING) / (double)n + PR_DAMPING * a0;
            nx[i + 1] = (1 - PR_DAMPING) / (double)n + PR_DAMPING * a1;
            nx[i + 2] = (1 - PR_DAMPING) / (double)n + PR_DAMPING * a2;
            nx[i + 3] = (1 - PR_DAMPING) / (double)n + PR_DAMPING * a3;
        }
        for (; i < n; i++) {
            double acc = dangling / (double)n;
            const double *mi = m + i * n;
            for (size_t j = 0; j < n; j++)
                acc += mi[j] * pr[j];
            nx[i] = (1 - PR_DAMPING) / (double)n + PR_DAMPING * acc;
        }
        memcpy(pr, nx, n * sizeof *pr);
    }
    free(m);
    double max = 0;
    for (size_t i = 0; i < n; i++) if (pr[i] > max) max = pr[i];
    for (size_t i = 0; i < n; i++) {
        double c = max > 0 ? pr[i] / max : 0;
        double p = 1.0 / (1.0 + (double)i / LEAD_HALF);
        double sc = W_CENTRAL * c + W_LEAD * p;
        if (2 * el[i]->quoted_words > el[i]->words) sc *= QUOTE_PENALTY;
        size_t k = 0;
        const char *s = el[i]->s;
        while (k < el[i]->n && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')) k++;
        if (in_set(&opener_set, s, k)) sc *= OPENER_PENALTY;
        el[i]->score = sc;
    }
    free(w); free(out); free(pr); free(nx);
}

/* ---- selection ----------------------------------------------------------- */

static int near_dup(const sent *a, const sent *b) {
    size_t o = overlap(a->terms, a->nterms, b->terms, b->nterms);
    size_t u = a->nterms + b->nterms - o;
    return u > 0 && (double)o / (double)u >= DUP_JACCARD;
}

/* Does the chosen set pick[0..k) of el satisfy every bound? */
static int valid_set(sent **el, const size_t *pick, size_t k) {
    int words = 0, tokens = 0;
    if (k < SUM_MIN_SENTS || k > SUM_MAX_SENTS) return 0;
    for (size_t i = 0; i < k; i++) {
        words += el[pick[i]]->words;
        tokens += el[pick[i]]->tokens;
        for (size_t j = 0; j < i; j++) if (near_dup(el[pick[i]], el[pick[j]])) return 0;
    }
    return words >= SUM_MIN_WORDS && tokens <= SUM_MAX_TOKENS;
}

/* Indices (into el, which is in article order) of the best-first order. */
static size_t *by_score(sent **el, size_t n) {
    size_t *ord = xmalloc(n * sizeof *ord);
    for (size_t i = 0; i < n; i++) ord[i] = i;
    for (size_t i = 1; i < n; i++) {                  /* stable insertion sort */
        size_t v = ord[i], j = i;
        while (j > 0 && el[ord[j - 1]]->score < el[v]->score) { ord[j] = ord[j - 1]; j--; }
        ord[j] = v;
    }
    return ord;
}

static size_t greedy(sent **el, const size_t *ord, size_t n, size_t *pick) {
    size_t k = 0;
    int words = 0, tokens = 0;
    for (size_t r = 0; r < n && k < SUM_MAX_SENTS; r++) {
        sent *c = el[ord[r]];
        if (tokens + c->tokens > SUM_MAX_TOKENS) continue;
        /* Once the minimum is met, extras come only from the top ranks. */
        if (k >= SUM_MIN_SENTS && words >= SUM_MIN_WORDS && r >= SUM_EXTRA_RANK) break;
        int dup = 0;
        for (size_t j = 0; j < k; j++) if (near_dup(c, el[pick[j]])) dup = 1;
        if (dup) continue;
        pick[k++] = ord[r];
        words += c->words;
        tokens += c->tokens;
        if (k >= SUM_MIN_SENTS && words >= SUM_TARGET_WORDS) break;
    }
    /* Take back extras that made no valid set (cannot happen with the
    ** token check above, kept for safety): fall back to the minimal set. */
    while (k > SUM_MIN_SENTS && !valid_set(el, pick, k)) k--;
    return valid_set(el, pick, k) ? k : 0;
}

/* Best-scoring valid combination of 2..4 among the top candidates. */
static size_t exhaustive(sent **el, const size_t *ord, size_t n, size_t *pick) {
    size_t top = n < FALLBACK_TOP ? n : FALLBACK_TOP, best_k = 0;
    double best = -1;
    size_t idx[SUM_MAX_SENTS], cand[SUM_MAX_SENTS];
    for (size_t k = SUM_MIN_SENTS; k <= SUM_MAX_SENTS && k <= top; k++) {
        for (size_t i = 0; i < k; i++) idx[i] = i;
        for (;;) {
            double sum = 0;
            for (size_t i = 0; i < k; i++) { cand[i] = ord[idx[i]]; sum += el[cand[i]]->score; }
            if (sum > best && valid_set(el, cand, k)) {
                best = sum; best_k = k;
                memcpy(pick, cand, k * sizeof *cand);
            }
            size_t i = k;                              /* next combination */
            while (i > 0 && idx[i - 1] == top - k + i - 1) i--;
            if (i == 0) break;
            idx[i - 1]++;
            for (size_t j = i; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }
    return best_k;
}

static int cmp_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Copy with white-space runs collapsed to one space. */
static char *collapse_copy(const char *s, size_t n) {
    sbuf b = {0};
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { sp = 1; continue; }
        if (sp && b.len) sbuf_addc(&b, ' ');
        sp = 0;
        sbuf_addc(&b, c);
    }
    return sbuf_take(&b);
}

/* ---- entry point --------------------------------------------------------- */

/* Split every paragraph into sents (at most MAX_SENTS). */
static size_t collect(const corpus_doc *doc, sent *ss) {
    size_t ns = 0;
    for (size_t p = 0; p < doc->npara && ns < MAX_SENTS; p++) {
        const char *para = doc->paras[p];
        if (!para || !corpus_doc_is_body(doc, p)) continue;   /* no subhead, no list item */
        corpus_span *sp;
        size_t k = corpus_sentences(para, strlen(para), &sp);
        qstate q = {0, 0};
        size_t pos = 0;
        for (size_t i = 0; i < k && ns < MAX_SENTS; i++) {
            sent *st = &ss[ns++];
            memset(st, 0, sizeof *st);
            sent scratch = {0};
            scan_sentence(para, pos, sp[i].start, &q, &scratch);   /* text between spans */
            st->s = para + sp[i].start;
            st->n = sp[i].end - sp[i].start;
            st->q_start = q_inside(q);
            scan_sentence(para, sp[i].start, sp[i].end, &q, st);
            st->q_end = q_inside(q);
            pos = sp[i].end;
        }
        free(sp);
    }
    return ns;
}

int corpus_summarize(const corpus_doc *doc, corpus_strv *out) {
    pthread_once(&stop_once, stop_init);
    sent *ss = xmalloc(MAX_SENTS * sizeof *ss);
    size_t ns = collect(doc, ss), ne = 0;
    sent **el = xmalloc((ns ? ns : 1) * sizeof *el);
    for (size_t i = 0; i < ns; i++) {
        int tail = i + BIO_TAIL >= ns;
        ss[i].eligible = sent_eligible(&ss[i], tail, doc->meta.author);
        if (!ss[i].eligible) continue;
        ss[i].terms = sent_terms(ss[i].s, ss[i].n, &ss[i].nterms);
        el[ne++] = &ss[i];
    }
    size_t pick[SUM_MAX_SENTS], k = 0;
    if (ne >= SUM_MIN_SENTS) {
        rank(el, ne);
        size_t *ord = by_score(el, ne);
        k = greedy(el, ord, ne, pick);
        if (!k) k = exhaustive(el, ord, ne, pick);
        free(ord);
    }
    qsort(pick, k, sizeof pick[0], cmp_size);           /* article order */
    for (size_t i = 0; i < k; i++) corpus_strv_push(out, collapse_copy(el[pick[i]]->s, el[pick[i]]->n));
    for (size_t i = 0; i < ns; i++) free(ss[i].terms);
    free(el);
    free(ss);
    return k ? 0 : -1;
}
