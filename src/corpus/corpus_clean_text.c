/*
** src/corpus/corpus_clean_text.c: character-level part of the cleaning stage.
**
**   cclean_normalize_line   Markdown / HTML / entities / Unicode spaces
**   cclean_sentences        edge-trimming sentence spans
**   cclean_stats_of         word counts, stopword density, closing punctuation
**
** Everything works on one source line or one block at a time and never adds
** or removes newlines, so paragraph line numbers stay those of the source.
*/
#include "corpus/corpus_clean_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strncasecmp */
#include <utf8proc.h>   /* letter categories of non-ASCII characters */

#define CCLEAN_TAG_MAX   400    /* longest HTML tag we strip, in bytes */
#define CCLEAN_LINK_DEPTH  2    /* nesting of Markdown links we reduce */
/* Longest Markdown link text and target, in bytes: md_link scans no further,
** so a line of unclosed "[" or "](" costs O(n) rather than O(n^2). */
#define CCLEAN_LINK_TEXT_MAX 1024
#define CCLEAN_LINK_URL_MAX  2048

/* ---- entities ------------------------------------------------------------ */

/* Named entities seen in scraped news text; anything else stays literal. */
static const struct { const char *name; unsigned long cp; } ENTITIES[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"nbsp", 0xA0}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"minus", 0x2212},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"hellip", 0x2026}, {"middot", 0xB7}, {"bull", 0x2022}, {"prime", 0x2032},
    {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0},
    {"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2},
    {"times", 0xD7}, {"divide", 0xF7}, {"frac12", 0xBD}, {"para", 0xB6},
    {"sect", 0xA7}, {"shy", 0xAD}, {"zwj", 0x200D}, {"zwnj", 0x200C},
    {"eacute", 0xE9}, {"egrave", 0xE8}, {"aacute", 0xE1}, {"agrave", 0xE0},
    {"iacute", 0xED}, {"oacute", 0xF3}, {"uacute", 0xFA}, {"ntilde", 0xF1},
    {"ccedil", 0xE7}, {"auml", 0xE4}, {"ouml", 0xF6}, {"uuml", 0xFC},
    {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"Eacute", 0xC9},
    {"szlig", 0xDF},
};

/* Space-like code points become ' ', invisible ones vanish. */
static int cp_is_space(unsigned long cp) {
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == '\t' || cp == '\r';
}
static int cp_is_invisible(unsigned long cp) {
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0xAD || cp == 0x2060;
}

void cclean_put_utf8(sbuf *out, unsigned long cp) {
    char b[4];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) { b[0] = (char)cp; sbuf_add(out, b, 1); }
    else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F));
        sbuf_add(out, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        sbuf_add(out, b, 3);
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F));
        sbuf_add(out, b, 4);
    }
}

/* Append cp, mapping spaces and invisibles; returns bytes appended. */
static size_t put_cp(sbuf *out, unsigned long cp) {
    size_t before = out->len;
    if (cp_is_invisible(cp)) return 0;
    if (cp_is_space(cp)) { sbuf_addc(out, ' '); return 1; }
    cclean_put_utf8(out, cp);
    return out->len - before;
}

size_t cclean_entity(const char *s, size_t n, sbuf *out) {
    if (n < 3 || s[0] != '&') return 0;
    size_t i = 1;
    unsigned long cp = 0;
    if (s[1] == '#') {
        int hex = i + 1 < n && (s[2] == 'x' || s[2] == 'X');
        i = hex ? 3 : 2;
        size_t d0 = i;
        while (i < n && i - d0 < 8 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
            int c = (unsigned char)s[i];
            int v = isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10);
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            i++;
        }
        if (i == d0 || i >= n || s[i] != ';') return 0;
        /* Windows-1252 numeric references (&#146; for ’) are common in scrapes */
        static const unsigned short W1252[32] = {
            0x20AC, 0, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030,
            0x160, 0x2039, 0x152, 0, 0x17D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D,
            0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0, 0x17E, 0x178};
        if (cp >= 0x80 && cp < 0xA0 && W1252[cp - 0x80]) cp = W1252[cp - 0x80];
    } else {
        while (i < n && i < 10 && isalnum((unsigned char)s[i])) i++;
        if (i == 1 || i >= n || s[i] != ';') return 0;
        size_t k;
        for (k = 0; k < sizeof ENTITIES / sizeof *ENTITIES; k++)
            if (strlen(ENTITIES[k].name) == i - 1 && memcmp(ENTITIES[k].name, s + 1, i - 1) == 0) break;
        if (k == sizeof ENTITIES / sizeof *ENTITIES) return 0;
        cp = ENTITIES[k].cp;
    }
    put_cp(out, cp);
    return i + 1;
}

/* ---- Markdown and HTML ---------------------------------------------------- */

/* A Markdown link "[text](url)" or "[text][ref]" at s; returns its length
** and the text range, or 0. */
static size_t md_link(const char *s, size_t n, size_t *t0, size_t *tn) {
    if (n < 4 || s[0] != '[') return 0;
    size_t i = 1, tend = n < CCLEAN_LINK_TEXT_MAX ? n : CCLEAN_LINK_TEXT_MAX;
    int depth = 0;
    while (i < tend && !(s[i] == ']' && depth == 0)) {
        if (s[i] == '[') depth++;
        else if (s[i] == ']') depth--;
        i++;
    }
    if (i >= tend || i + 1 >= n) return 0;
    size_t close = i;
    char open = s[i + 1], shut = open == '(' ? ')' : open == '[' ? ']' : 0;
    if (!shut) return 0;
    int nest = 0;
    size_t uend = n - close - 2 < CCLEAN_LINK_URL_MAX ? n : close + 2 + CCLEAN_LINK_URL_MAX;
    for (i = close + 2; i < uend; i++) {
        if (s[i] == open && open == '(') nest++;
        else if (s[i] == shut) { if (nest == 0) break; nest--; }
    }
    if (i >= uend) return 0;
    *t0 = 1;
    *tn = close - 1;
    return i + 1;
}

/* Tags whose boundary separates blocks of text. */
static const char *const BLOCK_TAGS[] = {
    "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "td", "th", "table", "hr", "blockquote", "section", "article",
    "header", "footer", "nav", "aside", "figure", "figcaption", "dd", "dt",
};

/* An HTML tag (or comment, or <http://autolink>) at s: its length, *block
** set when it separates blocks; 0 if s is not a tag. */
static size_t html_tag(const char *s, size_t n, int *block) {
    *block = 0;
    if (n < 3 || s[0] != '<') return 0;
    unsigned char c = (unsigned char)s[1];
    if (!(isalpha(c) || c == '/' || c == '!')) return 0;
    size_t i = 1;
    while (i < n && i < CCLEAN_TAG_MAX && s[i] != '>' && s[i] != '<') i++;
    if (i >= n || s[i] != '>') return 0;
    size_t a = s[1] == '/' ? 2 : 1, b = a;
    while (b < i && isalnum((unsigned char)s[b])) b++;
    for (size_t k = 0; k < sizeof BLOCK_TAGS / sizeof *BLOCK_TAGS; k++)
        if (strlen(BLOCK_TAGS[k]) == b - a && strncasecmp(BLOCK_TAGS[k], s + a, b - a) == 0)
            *block = 1;
    return i + 1;
}

static void add_masked(sbuf *out, sbuf *mask, const char *s, size_t n, char m) {
    sbuf_add(out, s, n);
    for (size_t i = 0; i < n; i++) sbuf_addc(mask, m);
}

static void norm_span(const char *s, size_t n, sbuf *out, sbuf *mask, char m, int depth) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t k, t0, tn;
        int block;
        if (c == '!' && i + 1 < n && s[i + 1] == '[' && (k = md_link(s + i + 1, n - i - 1, &t0, &tn))) {
            i += 1 + k;                                  /* image: dropped */
        } else if (c == '[' && depth < CCLEAN_LINK_DEPTH && (k = md_link(s + i, n - i, &t0, &tn))) {
            norm_span(s + i + t0, tn, out, mask, 1, depth + 1);
            i += k;
        } else if (c == '<' && (k = html_tag(s + i, n - i, &block))) {
            if (block) add_masked(out, mask, "   ", 3, 0);
            i += k;
        } else if (c == '&' && (k = cclean_entity(s + i, n - i, out))) {
            while (mask->len < out->len) sbuf_addc(mask, m);
            i += k;
        } else if ((c == '*' || c == '_') && i + 1 < n && s[i + 1] == (char)c) {
            i += 2;                                      /* **bold**, __bold__ */
        } else if (c == '`') {
            i++;
        } else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)(n - i), &cp);
            if (l <= 0) { add_masked(out, mask, s + i, 1, m); i++; continue; }
            if (cp_is_space((unsigned long)cp)) add_masked(out, mask, " ", 1, m);
            else if (!cp_is_invisible((unsigned long)cp)) add_masked(out, mask, s + i, (size_t)l, m);
            i += (size_t)l;
        } else {
            add_masked(out, mask, c == '\t' || c == '\r' ? " " : s + i, 1, m);
            i++;
        }
    }
}

/* Line-start list bullets (UTF-8), each followed by a space. */
static const char *const BULLETS[] = {
    "-", "*", "+", "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */, "\xE2\x96\xAA" /* ▪ */,
    "\xE2\x96\xBA" /* ► */, "\xE2\x97\xA6" /* ◦ */, "\xE2\x80\x93" /* – */,
};

int cclean_normalize_line(const char *s, size_t n, sbuf *out, sbuf *mask) {
    int flags = 0;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i > 0) flags |= CCLEAN_LINE_INDENT;
    /* horizontal rule: only - * _ and spaces, at least three marks */
    size_t marks = 0, j;
    for (j = i; j < n && strchr("-*_ ", s[j]); j++) if (s[j] != ' ') marks++;
    if (j == n && marks >= 3) return CCLEAN_LINE_RULE | flags;
    if (i < n && s[i] == '#') {
        size_t h = i;
        while (h < n && s[h] == '#') h++;
        if (h - i <= 6 && (h == n || s[h] == ' ')) { flags |= CCLEAN_LINE_HEADING; i = h; }
    }
    while (i + 1 < n && s[i] == '>' && s[i + 1] == ' ') i += 2;       /* blockquote */
    for (size_t k = 0; k < sizeof BULLETS / sizeof *BULLETS; k++) {
        size_t bl = strlen(BULLETS[k]);
        if (i + bl < n && memcmp(s + i, BULLETS[k], bl) == 0 && s[i + bl] == ' ' &&
            !(bl == 1 && s[i] == '*' && i + 1 < n && s[i + 1] == '*')) {
            flags |= CCLEAN_LINE_BULLET;
            i += bl + 1;
            break;
        }
    }
    if (!(flags & CCLEAN_LINE_BULLET)) {                 /* "1. " or "2) " */
        size_t d = i;
        while (d < n && d - i < 3 && isdigit((unsigned char)s[d])) d++;
        if (d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
            flags |= CCLEAN_LINE_BULLET;
            i = d + 2;
        }
    }
    norm_span(s + i, n - i, out, mask, 0, 0);
    return flags;
}

/* ---- character classes ---------------------------------------------------- */

int cclean_upper_at(const char *s, size_t n) {
    if (!n) return 0;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return isupper(c) != 0;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0) return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static int letter_or_digit_at(const char *s, size_t n) {
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return isalnum(c) != 0;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0) return 0;
    utf8proc_category_t k = utf8proc_category(cp);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* ASCII-only case folding: what strncasecmp does in the C locale (the
** corpus tool never calls setlocale). */
static inline unsigned char fold(unsigned char c) {
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* 1 if s[0..m) equals needle[0..m) with ASCII case folded. */
static inline int fold_eq(const char *s, const char *needle, size_t m) {
    for (size_t j = 0; j < m; j++)
        if (fold((unsigned char)s[j]) != fold((unsigned char)needle[j])) return 0;
    return 1;
}

/* Hot: called for every boilerplate pattern on every sentence, so the
** first byte is tested inline before the rest is compared. */
const char *cclean_find(const char *s, size_t n, const char *needle) {
    size_t m = strlen(needle);
    if (m == 0 || m > n) return m ? NULL : s;
    unsigned char c0 = fold((unsigned char)needle[0]);
    for (size_t i = 0; i + m <= n; i++)
        if (fold((unsigned char)s[i]) == c0 && fold_eq(s + i + 1, needle + 1, m - 1)) return s + i;
    return NULL;
}

/* ---- words ----------------------------------------------------------------- */

/* Function words; their density separates prose from menus (jusText).
** Lower case, sorted (cclean_is_stopword searches it by bisection). */
static const char *const STOPWORDS[] = {
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "for", "from", "had",
    "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "more", "most", "no", "not", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "said", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "under", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "will", "with", "would", "you", "your",
};

#define CCLEAN_STOP_MAX 7     /* longest entry of STOPWORDS */

/* STOPWORDS is kept sorted (strcmp order) for this binary search. */
int cclean_is_stopword(const char *s, size_t n) {
    char w[CCLEAN_STOP_MAX + 1];
    if (n == 0 || n > CCLEAN_STOP_MAX) return 0;
    for (size_t i = 0; i < n; i++) w[i] = (char)fold((unsigned char)s[i]);
    w[n] = '\0';
    if (memchr(w, '\0', n)) return 0;
    size_t lo = 0, hi = sizeof STOPWORDS / sizeof *STOPWORDS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *e = (const unsigned char *)STOPWORDS[mid];
        size_t j = 0;                           /* inline strcmp(e, w) */
        while (e[j] && e[j] == (unsigned char)w[j]) j++;
        int c = (int)e[j] - (int)(unsigned char)w[j];
        if (c == 0) return 1;
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return 0;
}

/* Share-button / nav-bar vocabulary: social networks. */
static const char *const SOCIAL[] = {
    "facebook", "twitter", "instagram", "youtube", "linkedin", "whatsapp",
    "pinterest", "weibo", "wechat", "reddit", "tumblr", "telegram", "snapchat",
    "flickr", "google+", "flipboard",
};

int cclean_is_social(const char *s, size_t n) {
    if (n < 5 || n > 9) return 0;               /* lengths in SOCIAL */
    for (size_t k = 0; k < sizeof SOCIAL / sizeof *SOCIAL; k++)
        if (SOCIAL[k][0] == fold((unsigned char)s[0]) && strlen(SOCIAL[k]) == n &&
            fold_eq(s, SOCIAL[k], n)) return 1;
    return 0;
}

/* Closing marks that may follow a sentence's final punctuation. */
static size_t closer_before(const char *s, size_t e) {
    if (e >= 1 && strchr("\"')]*_", s[e - 1])) return 1;
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99)) return 3;  /* ” ’ */
    if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 && (unsigned char)s[e - 1] == 0xBB) return 2; /* » */
    return 0;
}

void cclean_stats_of(const char *s, size_t n, cclean_stats *st) {
    memset(st, 0, sizeof *st);
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        size_t a = i;
        while (i < n && s[i] != ' ') i++;
        if (a == i) break;
        size_t tl = i - a;
        if ((tl == 1 && (s[a] == '|' || s[a] == '>' || s[a] == '/')) ||
            (tl == 2 && memcmp(s + a, "\xC2\xBB", 2) == 0) ||
            (tl == 3 && (memcmp(s + a, "\xE2\x80\xBA", 3) == 0 || memcmp(s + a, "\xE2\x80\xA2", 3) == 0)))
            st->seps++;
        for (size_t k = a; k + 1 < i; k++) if (s[k] == '>' && s[k + 1] == '>') st->seps++;
        for (size_t k = a; k < i && tl > 1; k++) if (s[k] == '|') st->seps++;
        if ((memchr(s + a, '/', tl) &&                  /* cheap pre-test */
             (cclean_find(s + a, tl, "http://") || cclean_find(s + a, tl, "https://"))) ||
            (tl > 4 && strncasecmp(s + a, "www.", 4) == 0)) st->urls++;
        /* the word proper: without surrounding punctuation */
        size_t wa = a, we = i;
        while (wa < we && !letter_or_digit_at(s + wa, we - wa) && (unsigned char)s[wa] < 0x80) wa++;
        while (wa < we && (unsigned char)s[wa] >= 0x80 && !letter_or_digit_at(s + wa, we - wa)) {
            wa++;
            while (wa < we && ((unsigned char)s[wa] & 0xC0) == 0x80) wa++;
        }
        while (we > wa && strchr(".,;:!?\"')]*", s[we - 1])) we--;
        while (we > wa && closer_before(s, we) > 1) we -= closer_before(s, we);
        if (wa == we) continue;
        int has = 0;
        for (size_t k = wa; k < we; k++)
            if (letter_or_digit_at(s + k, we - k)) { has = 1; break; }
        if (!has) continue;
        st->words++;
        if (cclean_is_stopword(s + wa, we - wa)) st->stop++;
        if (cclean_upper_at(s + wa, we - wa)) st->title++;
        if (cclean_is_social(s + wa, we - wa)) st->social++;
    }
    size_t e = n;
    while (e > 0 && s[e - 1] == ' ') e--;
    for (size_t c; (c = closer_before(s, e)) > 0; ) e -= c;
    if (e > 0 && strchr(".!?", s[e - 1])) st->endpunct = 1;
    if (e >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0) st->endpunct = 1;  /* … */
    if (e > 0 && s[e - 1] == ':') st->endcolon = 1;
}

/* ---- sentences -------------------------------------------------------------- */

/* Words after which a period does not end a sentence. */
static const char *const ABBREV[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Gov", "Sen",
    "Rep", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Rev", "Hon", "Pres",
    "No", "Nos", "Vol", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Ltd", "Co", "vs",
    "al", "approx", "Ave", "Mt", "Ft", "Dept", "Univ",
};

static int is_abbrev_before(const char *s, size_t dot) {
    size_t a = dot;
    while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '(' && s[a - 1] != '"') a--;
    size_t n = dot - a;
    if (n == 0) return 0;
    if (n == 1 && isupper((unsigned char)s[a])) return 1;           /* initial */
    for (size_t k = 0; k < sizeof ABBREV / sizeof *ABBREV; k++)
        if (strlen(ABBREV[k]) == n && memcmp(ABBREV[k], s + a, n) == 0) return 1;
    /* U.S, a.m, D.C: every dot-separated part one or two letters */
    if (memchr(s + a, '.', n)) {
        size_t run = 0;
        for (size_t k = a; k < dot; k++) {
            if (s[k] == '.') { if (run == 0 || run > 2) return 0; run = 0; }
            else if (isalpha((unsigned char)s[k])) run++;
            else return 0;
        }
        return run > 0 && run <= 2;
    }
    return 0;
}

static int opener_at(const char *s, size_t n) {
    if (!n) return 0;
    if (strchr("\"'([", s[0])) return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98)) return 1;   /* “ ‘ */
    return isdigit((unsigned char)s[0]) || cclean_upper_at(s, n);
}

size_t cclean_sentences(const char *s, size_t n, corpus_span **spans) {
    corpus_span *v = NULL;
    size_t cnt = 0, start = 0;
    for (size_t i = 0; i < n; i++) {
        size_t pl = 0;
        if (s[i] == '.' || s[i] == '!' || s[i] == '?') pl = 1;
        else if (i + 2 < n && memcmp(s + i, "\xE2\x80\xA6", 3) == 0) pl = 3;
        if (!pl) continue;
        size_t j = i + pl;
        while (j < n && (s[j] == '.' || s[j] == '!' || s[j] == '?')) j++;
        for (;;) {                                   /* closing quotes, brackets */
            if (j < n && strchr("\"')]", s[j])) j++;
            else if (j + 2 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                     ((unsigned char)s[j + 2] == 0x9D || (unsigned char)s[j + 2] == 0x99)) j += 3;
            else break;
        }
        if (j >= n || s[j] != ' ') continue;
        size_t k = j;
        while (k < n && s[k] == ' ') k++;
        if (k >= n || !opener_at(s + k, n - k)) continue;
        if (s[i] == '.' && pl == 1 && is_abbrev_before(s, i)) continue;
        v = xrealloc(v, (cnt + 1) * sizeof *v);
        v[cnt].start = start; v[cnt].end = j;
        cnt++;
        start = k;
        i = k - 1;
    }
    while (start < n && s[start] == ' ') start++;
    size_t e = n;
    while (e > start && s[e - 1] == ' ') e--;
    if (e > start) {
        v = xrealloc(v, (cnt + 1) * sizeof *v);
        v[cnt].start = start; v[cnt].end = e;
        cnt++;
    }
    *spans = v;
    return cnt;
}

/* ---- line identity ------------------------------------------------------------ */

uint64_t cclean_line_hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;            /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] <= 0x81) { i += 2; continue; }  /* U+2000-207F */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xC0) { i++; continue; }      /* U+0080-00BF */
        if (c < 0x80 && !isalnum(c)) continue;
        h = (h ^ fold(c)) * 1099511628211ull;
    }
    return h ? h : 1;
}
