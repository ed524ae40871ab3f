/*
** src/corpus/corpus_clean_page.c: where the article sits in a copied page.
**
** A page copied whole from a browser holds the article between a header
** (skip links, menus, promos, trending headlines) and a footer (related
** stories, comments, bios, newsletter prompts, legal text). Without HTML
** there is no link density or structure, so the blocks (lines) are judged
** by shape, and the page by runs of them:
**
** 0. Blocks. Words, prose shape, byline evidence (By NAME > dateline or
**    "NAME, @handle" or reading time > a name alone), headline shape. Some
**    blocks are marked furniture at once: lines recurring in other files
**    of the build (unless such lines make PG_FURN_PROSE_PCT of the page's
**    prose: then the file is a copy of another and that evidence is
**    ignored), page notices (video player, browser support, ad
**    countdowns, consent), photo credits ("NAME/Agency", "Getty Images")
**    and the short paragraph right before a credit line (its caption),
**    link cards that repeat their title, teasers cut short before "Read
**    more", and short blocks said twice on the same page.
** 1. Core. Each block scores +words when it is prose-shaped (closing
**    punctuation, enough words and stopwords, no menu separators; prose in
**    an indented or bulleted list item scores -1: teaser lists), and
**    -(PG_GAP + words/2) otherwise, furniture more; the core is the run of
**    blocks with the largest sum (a maximum subarray, as in Finn et al.'s
**    Body Text Extraction): long prose wins, runs of short lines break it.
**    Below PG_MIN_CORE words of prose nothing is decided (short texts).
** 2. Headline. Every headline-shaped line (3-25 words, one sentence, no
**    closing period unless an abbreviation, not a list item, no UI
**    vocabulary) up to PG_BACK blocks before the lead (the first long
**    paragraph that more prose follows) is scored: its byline (up to the
**    next headline-shaped line), repeated elsewhere on the page (window
**    title, breadcrumb), closeness to the lead, not inside a list of
**    headlines. The best wins (ties: the later); the article starts there.
** 3. Byline. The best byline evidence after the headline (a name alone
**    only close to it, and not a name the headline itself holds), else a
**    name line just above the headline that a date or reading time
**    follows. Blocks between headline and byline are the standfirst: out.
** 4. End. The core's end, or earlier a short line naming what follows an
**    article (comments, related, recommended, about the author ...) or a
**    second "By NAME" line, when less prose follows it than precedes it.
*/
#include "corpus/corpus_clean_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strncasecmp */

/* ---- tunables -------------------------------------------------------------- */

#define PG_UI_PEN       6   /* headline score lost by a line with UI words */
#define PG_GAP          2   /* score of a non-prose block: -(PG_GAP + words / 2) */
#define PG_FURN_PEN    10   /* extra penalty of a recurring (furniture) block */
#define PG_PROSE_MIN    8   /* words in a punctuated prose block */
#define PG_STOP_MIN    15   /* % stopwords in a prose block */
#define PG_LONG_WORDS  25   /* a "long paragraph": the article has begun */
#define PG_TITLE_MIN    3   /* words in a headline */
#define PG_TITLE_MAX   25
#define PG_BACK       150   /* blocks searched before the first long paragraph */
#define PG_BYLINE_NEAR 20   /* a byline within this many blocks after the headline */
#define PG_LEAD_NEAR    8   /* the first long paragraph within this many blocks */
#define PG_END_WORDS    6   /* an end marker is at most this long */
#define PG_FURN_WORDS  40   /* recurring blocks at least this long are kept */
#define PG_FURN_PROSE_PCT 30  /* recurring prose above this % of a page's prose: a copy, kept */
#define PG_NAME_WORDS   4   /* words in a name line */
#define CC_CAPTION_MAX 90   /* a block ending in a credit up to this long is a caption */
#define PG_LEAD_RUN     5   /* the lead has PG_LONG_WORDS of prose within this many blocks */
#define PG_MIN_CORE    60   /* words of prose in the core before the page is cut */

/* Words of page controls: a headline-shaped line with one scores lower. */
static const char *const UI_WORDS[] = {
    "skip", "sign in", "log in", "login", "subscribe", "menu", "search",
    "upgrade", "premium", "newsletter", "cookie", "download", "share",
    "advertisement", "navigation", "sections", "open in app", "ready to",
    "follow", "trending", "popular", "comments", "sign up", "homepage",
    "home page", "privacy", "terms of", "all rights", "browser", "click",
    "tap ", "swipe", "video", "photos", "gallery", "loading", "cancel",
    "\xC2\xA9",
};

/* Labels of what follows an article; a short line starting with one ends it. */
static const char *const END_WORDS[] = {
    "comments", "comment", "related", "recommended", "more from", "more on",
    "more stories", "read more", "read next", "you may also", "you might also",
    "most popular", "most read", "trending", "what to read", "further reading",
    "about the author", "about this author", "leave a reply", "leave a comment",
    "join the conversation", "discussion", "sponsored", "promoted stories",
    "around the web", "see also", "also on", "latest news", "top stories",
    "newsletter", "sign up", "show comments", "view comments", "responses",
    "conversation", "share this", "tags", "filed under", "topics",
};

/* Page notices (player, browser, ad and consent messages), told by two
** words that meet in a short line: {first, second}, ASCII case folded. */
static const char *const NOTICE[][2] = {
    {"video", "not available"}, {"video", "unavailable"}, {"browser", "not supported"},
    {"browser", "upgrade"}, {"browser", "update your"}, {"javascript", "enable"},
    {"skip", " ad"}, {"ad ", "seconds"}, {"wait", "second"}, {"cookies", "consent"},
    {"cookies", "we use"}, {"is not supported", "ie "}, {"adblock", "disable"},
    {"ad blocker", "disable"}, {"this story", "share it"}, {"unlisted", "link"},
};

#define PG_NOTICE_WORDS 25  /* a notice is at most this long */
#define PG_CAPTION_WORDS 35 /* a short paragraph right before a photo credit is its caption */
#define PG_DUP_WORDS    40  /* a block repeated on the page up to this long is no paragraph */

static int pg_notice(const char *s, size_t n, const cclean_stats *st) {
    if (st->words > PG_NOTICE_WORDS) return 0;
    for (size_t k = 0; k < sizeof NOTICE / sizeof *NOTICE; k++)
        if (cclean_find(s, n, NOTICE[k][0]) && cclean_find(s, n, NOTICE[k][1])) return 1;
    return 0;
}

/* A token "Name/Agency" or "Name/Agency/Getty": a photo credit. */
static int credit_token(const char *s, size_t n) {
    const char *sl = memchr(s, '/', n);
    if (!sl || sl == s || sl + 1 >= s + n) return 0;
    return isalpha((unsigned char)sl[-1]) && cclean_upper_at(sl + 1, (size_t)(s + n - sl - 1)) &&
           !memchr(s, ':', n);
}

/* A photo credit line ("NAME/Agency", "Photo: NAME", "Getty Images"), or
** a block that ends in one after its text (*tail set). */
static int pg_credit(const char *s, size_t n, const cclean_stats *st, int *tail) {
    *tail = 0;
    if (st->endpunct || !st->words) return 0;
    size_t e = n, k = 0;
    while (e > 0 && k < 6) {                    /* the last six tokens */
        while (e > 0 && s[e - 1] == ' ') e--;
        size_t a = e;
        while (a > 0 && s[a - 1] != ' ') a--;
        if (a == e) break;
        if (credit_token(s + a, e - a) ||
            (e - a == 6 && strncmp(s + a, "Images", 6) == 0 && a >= 6 && strncmp(s + a - 6, "Getty ", 6) == 0)) {
            *tail = st->words > 8;
            return st->words <= 8 || st->words <= CC_CAPTION_MAX;
        }
        e = a;
        k++;
    }
    return 0;
}

/* A block that says one phrase two or more times in a row ("Title Title
** Title", a link card copied with its hidden copies), or a teaser cut
** short and followed by its link ("...,… Read more"). */
#define PG_REPEAT_WORDS 80
static int pg_card(const char *s, size_t n, const cclean_stats *st) {
    if (st->words > PG_REPEAT_WORDS || st->words < 6) return 0;
    const char *e = cclean_find(s, n, "\xE2\x80\xA6 Read more");
    if (!e) e = cclean_find(s, n, "... Read more");
    if (e) return 1;
    const char *ts[PG_REPEAT_WORDS + 1];
    size_t tl[PG_REPEAT_WORDS + 1], k = 0;
    for (size_t i = 0; i < n && k <= PG_REPEAT_WORDS; ) {
        while (i < n && s[i] == ' ') i++;
        size_t a = i;
        while (i < n && s[i] != ' ') i++;
        if (i > a) { ts[k] = s + a; tl[k] = i - a; k++; }
    }
    for (size_t p = 3; p * 2 <= k; p++) {
        size_t i = 0;
        while (i + p < k && tl[i] == tl[i + p] && memcmp(ts[i], ts[i + p], tl[i]) == 0) i++;
        if (i + p >= k && i >= p) return 1;     /* the rest repeats the first p words */
    }
    return 0;
}

typedef struct pg_info {
    cclean_stats st;
    int prose;          /* prose-shaped */
    int headline;       /* headline-shaped */
    int byline;         /* byline, dateline or name line */
    int furniture;      /* recurs in other files */
    uint64_t hash;      /* cclean_line_hash of the text */
    int dup;            /* a short block found twice on the page: teaser, caption */
    int ui;             /* headline-shaped but with words of page controls */
} pg_info;

/* 1 if s holds a word (or phrase) of UI_WORDS as whole words: "share",
** not "shareholders"; "search", not "research". */
static int pg_ui(const char *s, size_t n) {
    for (size_t k = 0; k < sizeof UI_WORDS / sizeof *UI_WORDS; k++) {
        size_t m = strlen(UI_WORDS[k]);
        for (const char *p = s; (p = cclean_find(p, (size_t)(s + n - p), UI_WORDS[k])) != NULL; p++) {
            int left = p == s || !isalnum((unsigned char)p[-1]);
            int right = p + m >= s + n || !isalpha((unsigned char)p[m]) || UI_WORDS[k][m - 1] == ' ';
            if (left && right) return 1;
        }
    }
    return 0;
}

static int has_any(const char *s, size_t n, const char *const *list, size_t nl) {
    for (size_t k = 0; k < nl; k++)
        if (cclean_find(s, n, list[k])) return 1;
    return 0;
}

static int starts_any(const char *s, size_t n, const char *const *list, size_t nl) {
    while (n && !isalnum((unsigned char)*s) && (unsigned char)*s < 0x80) { s++; n--; }
    for (size_t k = 0; k < nl; k++) {
        size_t m = strlen(list[k]);
        if (n >= m && strncasecmp(s, list[k], m) == 0 &&
            (n == m || !isalpha((unsigned char)s[m]))) return 1;
    }
    return 0;
}

static int pg_prose(const cclean_stats *s, int linkpct) {
    if (s->seps >= 2 || s->urls) return 0;
    if (linkpct > 50 && s->words < 30) return 0;
    if (s->endpunct && s->words >= PG_PROSE_MIN) return s->stop * 100 >= s->words * PG_STOP_MIN;
    return s->words >= 20 && s->stop * 100 >= s->words * 25;
}

/* Byline evidence of a line: PG_BY_STRONG for "By NAME ..." / "by: NAME",
** PG_BY_DATE for a dateline, PG_BY_NAME for a name alone ("First Last",
** "First M. Last, @handle", "NAME • 8h"), else 0. */
enum { PG_BY_NONE = 0, PG_BY_NAME, PG_BY_DATE, PG_BY_STRONG };

/* Job titles of a byline's role ("Staff Writer", "Senior Correspondent"). */
static const char *const ROLE_WORDS[] = {
    "writer", "reporter", "editor", "correspondent", "contributor", "columnist",
    "journalist", "producer", "critic", "photographer",
};

/* s[0..n) is a role of at most four words. */
static int pg_role_tail(const char *s, size_t n) {
    size_t words = 0;
    for (size_t i = 0; i < n; i++) if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) words++;
    return words <= 4 && has_any(s, n, ROLE_WORDS, sizeof ROLE_WORDS / sizeof *ROLE_WORDS);
}

/* A numeric date in s: "2/26/2015", "11.03.17", "2015-02-26". */
static int pg_numeric_date(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]) || (i && isalnum((unsigned char)s[i - 1]))) continue;
        size_t j = i, parts = 0, digits;
        char sep = 0;
        for (;;) {
            digits = 0;
            while (j < n && isdigit((unsigned char)s[j])) { j++; digits++; }
            if (!digits || digits > 4) break;
            parts++;
            if (parts == 3) return j >= n || !isalnum((unsigned char)s[j]);
            if (j >= n || !strchr("/.-", s[j]) || (sep && s[j] != sep)) break;
            sep = s[j++];
        }
        i = j;
    }
    return 0;
}

static int pg_byline(const char *s, size_t n, const cclean_stats *st) {
    if (st->words > 20 || !st->words) return PG_BY_NONE;
    size_t i = 0;
    while (i < n && !isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
    if (n - i > 3 && strncasecmp(s + i, "by", 2) == 0 && (s[i + 2] == ' ' || s[i + 2] == ':')) {
        size_t j = i + 3;
        while (j < n && (s[j] == ' ' || s[j] == ':')) j++;
        if (j < n && cclean_upper_at(s + j, n - j) && !st->endpunct) return PG_BY_STRONG;
    }
    cdate d;
    size_t a, e;
    if (st->words <= 16 && !st->endpunct &&
        ((cdate_scan(s, n, &d, &a, &e) && d.prec >= CDATE_DAY) || pg_numeric_date(s, n) ||
         cclean_find(s, n, " min read")))
        return PG_BY_DATE;
    size_t words = 0, p = i;
    int tail = 0;                       /* a handle or separator follows the name */
    while (p < n) {
        while (p < n && s[p] == ' ') p++;
        if (p >= n) break;
        size_t q = p;
        while (q < n && s[q] != ' ') q++;
        if (s[p] == '@' || s[p] == '|' || (unsigned char)s[p] >= 0xE2) { tail = words > 0; break; }
        if (!cclean_upper_at(s + p, q - p)) return PG_BY_NONE;
        for (size_t k = p; k < q; k++) if (isdigit((unsigned char)s[k])) return PG_BY_NONE;
        if (cclean_is_stopword(s + p, q - p) || cclean_is_social(s + p, q - p)) return PG_BY_NONE;
        words++;
        p = q;
        if (s[q - 1] == ',') {                  /* "NAME, @handle", "NAME, Staff Writer" */
            while (q < n && s[q] == ' ') q++;
            if (q < n && s[q] != '@' && !pg_role_tail(s + q, n - q)) return PG_BY_NONE;
            tail = q < n;
            break;
        }
    }
    if (words < 2 || words > PG_NAME_WORDS || st->endpunct || pg_ui(s, n)) return PG_BY_NONE;
    return tail ? PG_BY_DATE : PG_BY_NAME;     /* "NAME, @handle" is as good as a date */
}

static int pg_headline(const char *s, size_t n, const cclean_stats *st, int flags) {
    if (st->words < PG_TITLE_MIN || st->words > PG_TITLE_MAX || n > 300) return 0;
    if ((flags & CCLEAN_LINE_BULLET) || st->seps || st->urls || st->endcolon) return 0;
    if (!cclean_upper_at(s, n) && !(n && (strchr("'\"$", s[0]) || isdigit((unsigned char)s[0])
                                         || (unsigned char)s[0] == 0xE2))) return 0;
    if (st->endpunct) {
        size_t e = n;
        while (e && strchr("\"')", s[e - 1])) e--;
        if (!e || s[e - 1] == '.') {
            size_t w = e, dots = 0;             /* "... N.Y.C." ends in an abbreviation */
            while (w && s[w - 1] != ' ') { if (s[w - 1] == '.') dots++; w--; }
            if (!(e >= 3 && memcmp(s + e - 3, "...", 3) == 0) && dots < 2) return 0;
        }
        if (e >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0) return 0;
    }
    if (pg_byline(s, n, st)) return 0;
    if (memchr(s, ':', n) && st->words < 5) return 0;   /* "Label: value" */
    corpus_span *sp = NULL;
    size_t ns = cclean_sentences(s, n, &sp);          /* one sentence, not a caption */
    free(sp);
    return ns == 1;
}

/* Same letters and digits, or one of them contains the other as a whole
** part (a window title "Headline - Site", a breadcrumb "Section|Headline"). */
static int pg_repeats(const char *a, uint64_t ha, const char *b, uint64_t hb) {
    if (ha == hb) return 1;
    size_t na = strlen(a), nb = strlen(b);
    if (nb > na + 2 && nb < 2 * na) {
        const char *p = strstr(b, a);
        if (!p) return 0;
        const char *q = p + na;
        int left = p == b || p[-1] == ' ' || p[-1] == '|';
        int right = !*q || *q == ' ' || *q == '|';
        size_t rest = nb - na;
        return left && right && rest * 2 < nb;
    }
    return 0;
}

static int pg_end_marker(const char *s, size_t n, const pg_info *f) {
    if (f->prose || f->st.words > PG_END_WORDS || f->st.endpunct) return 0;
    size_t i = 0;
    while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ' ' || s[i] == ',')) i++;  /* "36 Comments" */
    return starts_any(s + i, n - i, END_WORDS, sizeof END_WORDS / sizeof *END_WORDS);
}

/* Words that end a name in a byline (compared case-insensitively). */
static const char *const NAME_STOP[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "updated", "published", "posted", "follow", "staff", "writer", "reporter",
    "editor", "correspondent", "contributor", "columnist", "photographer",
    "on", "at", "in", "for", "from", "the", "via", "with", "min", "read",
};

static int name_stop(const char *s, size_t n) {
    while (n && strchr(".,;:", s[n - 1])) n--;
    for (size_t k = 0; k < sizeof NAME_STOP / sizeof *NAME_STOP; k++)
        if (strlen(NAME_STOP[k]) == n && strncasecmp(NAME_STOP[k], s, n) == 0) return 1;
    return 0;
}

size_t cclean_byline_name(const char *s, size_t n, const char **name) {
    size_t i = 0;
    while (i < n && !isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
    static const char *const PREFIX[] = { "written by", "posted by", "words by", "by" };
    for (size_t k = 0; k < sizeof PREFIX / sizeof *PREFIX; k++) {
        size_t m = strlen(PREFIX[k]);
        if (n - i > m && strncasecmp(s + i, PREFIX[k], m) == 0 && (s[i + m] == ' ' || s[i + m] == ':')) {
            i += m;
            while (i < n && (s[i] == ' ' || s[i] == ':')) i++;
            break;
        }
    }
    size_t a = i, end = i, got = 0, toks = 0;
    while (i < n && toks < 10) {
        while (i < n && s[i] == ' ') i++;
        size_t q = i;
        while (q < n && s[q] != ' ') q++;
        if (q == i) break;
        toks++;
        size_t wn = q - i;
        int comma = strchr(",;|", s[q - 1]) != NULL;
        if (comma) wn--;
        if (got && (strncmp(s + i, "and", wn) == 0 || (wn == 1 && s[i] == '&')) && wn <= 3) {
            i = q;
            continue;
        }
        size_t dn = wn;                         /* "Nolan22": digits glued after the name */
        while (dn && isdigit((unsigned char)s[i + dn - 1])) dn--;
        if (!dn || !cclean_upper_at(s + i, dn) || cclean_is_social(s + i, dn)) break;
        if (name_stop(s + i, dn)) {             /* "Laura June Topolsky": a month as a name */
            size_t r = q;
            while (r < n && s[r] == ' ') r++;
            size_t rq = r;
            while (rq < n && s[rq] != ' ') rq++;
            if (!got || comma || rq == r || !cclean_upper_at(s + r, rq - r) || name_stop(s + r, rq - r))
                break;
        }
        int letters = 1;
        for (size_t k = 0; k < dn; k++)
            if (!(isalpha((unsigned char)s[i + k]) || strchr(".'-", s[i + k]) ||
                  (unsigned char)s[i + k] >= 0x80)) letters = 0;
        if (!letters) break;
        got++;
        end = i + dn;
        if (dn < wn || comma) break;
        i = q;
    }
    if (got < 2) return 0;
    while (end > a && strchr(".,", s[end - 1]) && !(end >= 2 && isupper((unsigned char)s[end - 2]) &&
                                                    (end < 3 || s[end - 3] == ' ' || s[end - 3] == '.')))
        end--;
    *name = s + a;
    return end - a;
}

typedef struct pg_hi { uint64_t h; size_t i; } pg_hi;

static int pg_hi_cmp(const void *a, const void *b) {
    const pg_hi *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h ? 1 : (x->i > y->i) - (x->i < y->i);
}

/* Mark short blocks (4 to PG_DUP_WORDS words, not headline-shaped) said
** twice or more on the page: sorted by hash, O(m log m). */
static void pg_dups(pg_info *f, const size_t *w, size_t m) {
    pg_hi *v = xcalloc(m ? m : 1, sizeof *v);
    for (size_t k = 0; k < m; k++) { v[k].h = f[w[k]].hash; v[k].i = w[k]; }
    qsort(v, m, sizeof *v, pg_hi_cmp);
    for (size_t a = 0, z; a < m; a = z) {
        for (z = a + 1; z < m && v[z].h == v[a].h; z++) {}
        if (z - a < 2) continue;
        for (size_t k = a; k < z; k++) {
            pg_info *g = &f[v[k].i];
            if (!g->headline && g->st.words >= 4 && g->st.words <= PG_DUP_WORDS) g->dup = 1;
        }
    }
    free(v);
}

/* Score of block k (an index into w) as the headline. lead: index of the
** first long paragraph in w. */
static int pg_title_score(const cclean_pblock *b, const pg_info *f, const size_t *w, size_t m,
                          size_t k, size_t lead) {
    size_t i = w[k];
    int sc = 1, by = 0;
    for (size_t j = k + 1; j < m && j <= k + PG_BYLINE_NEAR; j++) {
        int e = f[w[j]].byline;
        if (f[w[j]].headline && !f[w[j]].ui) break;            /* the byline of the next headline */
        if (e == PG_BY_NAME && j > k + 3) e = PG_BY_NONE;     /* a name alone: close by only */
        if (e > by) by = e;
        if (f[w[j]].prose && f[w[j]].st.words >= PG_LONG_WORDS) break;
    }
    sc += by == PG_BY_STRONG ? 6 : by == PG_BY_DATE ? 3 : by == PG_BY_NAME ? 2 : 0;
    for (size_t j = 0; j < m; j++)             /* containment: only above (window title) */
        if (j != k && (f[w[j]].hash == f[i].hash ||
                       (j < k && pg_repeats(b[i].text, f[i].hash, b[w[j]].text, f[w[j]].hash))))
            { sc += 2; break; }
    size_t dist = lead - k;
    sc += dist <= PG_LEAD_NEAR ? 3 : dist <= 2 * PG_LEAD_NEAR ? 2 : dist <= 5 * PG_LEAD_NEAR ? 1 : 0;
    if (f[i].st.words >= 5) sc += 1;
    if (f[i].ui) sc -= PG_UI_PEN;               /* "Sign in", "Share", "Skip to content" */
    const char *c1 = strchr(b[i].text, ',');
    if (c1 && strchr(c1 + 1, ',')) sc -= 2;     /* "Do this, that, and more": an instruction */
    int prev = k > 0 && f[w[k - 1]].headline && !f[w[k - 1]].ui;
    int next = k + 1 < m && f[w[k + 1]].headline && !f[w[k + 1]].ui;
    if (prev && next) sc -= 3;                  /* inside a list of headlines */
    else if ((prev || next) && !by) sc -= 2;
    return sc;
}

/* 1 if s holds the words needle[0..n) (ASCII case folded). */
static int pg_contains(const char *s, const char *needle, size_t n) {
    size_t sn = strlen(s);
    for (const char *p = s; (p = cclean_find(p, (size_t)(s + sn - p), "")) && p < s + sn; p++) {
        if ((size_t)(s + sn - p) < n) return 0;
        if (strncasecmp(p, needle, n) == 0 && (p == s || p[-1] == ' ')) return 1;
    }
    return 0;
}

/* The byline of the headline at k: the best evidence (By > date or handle >
** name) among the blocks that follow it before the text starts, a name
** alone only close to it; else a name line shortly before the headline
** that a date or reading time follows. Returns an index into w, or m. */
static size_t pg_find_byline(const cclean_pblock *b, const pg_info *f, const size_t *w, size_t m,
                             size_t k) {
    size_t best = m;
    int bev = 0;
    const char *nm;
    for (size_t j = k + 1; j < m && j <= k + PG_BYLINE_NEAR; j++) {
        const pg_info *g = &f[w[j]];
        if ((g->headline && !g->ui) || (g->prose && g->st.words >= PG_LONG_WORDS)) break;
        int e = g->byline;
        if (e == PG_BY_NAME && j > k + 3) e = PG_BY_NONE;
        size_t nl;
        if (e > bev && (nl = cclean_byline_name(b[w[j]].text, strlen(b[w[j]].text), &nm)) > 0 &&
            !(e == PG_BY_NAME && pg_contains(b[w[k]].text, nm, nl))) {   /* the subject, not the author */
            bev = e;
            best = j;
        }
    }
    if (best < m) return best;
    for (size_t j = k; j-- > 0 && j + PG_BYLINE_NEAR > k; ) {
        const pg_info *g = &f[w[j]];
        if (g->byline < PG_BY_NAME || !cclean_byline_name(b[w[j]].text, strlen(b[w[j]].text), &nm))
            continue;
        if ((j + 1 < k && f[w[j + 1]].byline == PG_BY_DATE) || g->byline >= PG_BY_DATE) return j;
    }
    return m;
}

void cclean_page(cclean_pblock *b, size_t n) {
    if (!n) return;
    pg_info *f = xcalloc(n, sizeof *f);
    size_t *w = xcalloc(n, sizeof *w), m = 0;  /* blocks with words, in order */
    int any = 0;
    long tprose = 0, fprose = 0;                /* prose words; of them recurring elsewhere */
    for (size_t i = 0; i < n; i++) {            /* statistics; any prose at all? */
        b[i].role = CCLEAN_IN;
        cclean_stats_of(b[i].text, strlen(b[i].text), &f[i].st);
        b[i].st = f[i].st;
        if (!f[i].st.words) continue;
        w[m++] = i;
        f[i].hash = b[i].hash;
        int pr = pg_prose(&f[i].st, b[i].linkpct);
        any |= pr;
        if (pr) {
            tprose += f[i].st.words;
            if (b[i].files >= 2 && f[i].st.words < PG_FURN_WORDS) fprose += f[i].st.words;
        }
    }
    if (!any) goto done;
    /* the same article twice in a build is not furniture: the build's
    ** evidence counts only while recurring prose is a small part of the page's */
    int prose_furn = fprose * 100 < tprose * PG_FURN_PROSE_PCT;
    for (size_t k = 0; k < m; k++) {            /* the rest only for a page with prose */
        size_t i = w[k];
        const char *s = b[i].text;
        size_t sn = strlen(s);
        int tail;
        f[i].furniture = (prose_furn && b[i].files >= 2 && f[i].st.words < PG_FURN_WORDS) ||
                         pg_notice(s, sn, &f[i].st) || pg_card(s, sn, &f[i].st);
        if (pg_credit(s, sn, &f[i].st, &tail)) {
            f[i].furniture = 1;                 /* a credit, or a caption ending in one */
            pg_info *c = k >= 1 ? &f[w[k - 1]] : NULL;
            if (!tail && c && c->st.words <= PG_CAPTION_WORDS && !c->headline && c->st.endpunct)
                c->furniture = 1, c->prose = 0;                /* its caption */
        }
        f[i].prose = pg_prose(&f[i].st, b[i].linkpct) && !f[i].furniture;
        f[i].byline = pg_byline(s, sn, &f[i].st);
        f[i].headline = pg_headline(s, sn, &f[i].st, b[i].flags) && !f[i].furniture;
        f[i].ui = f[i].headline && pg_ui(s, sn);
        any |= f[i].prose;
    }
    if (!any) goto done;
    pg_dups(f, w, m);

    /* 1. core: maximum-sum run */
    long best = 0, cur = 0;
    size_t cs = 0, ce = 0, start = 0;
    for (size_t k = 0; k < m; k++) {
        const pg_info *g = &f[w[k]];
        int listed = b[w[k]].flags & (CCLEAN_LINE_INDENT | CCLEAN_LINE_BULLET);
        long sc = g->prose ? (listed ? -1 : g->st.words)       /* list prose: neutral */
                           : -(PG_GAP + g->st.words / 2 + (g->furniture ? PG_FURN_PEN : 0));
        if (cur <= 0) { cur = 0; start = k; }
        cur += sc;
        if (cur > best) { best = cur; cs = start; ce = k; }
    }
    long words = 0;
    for (size_t k = cs; k <= ce; k++) if (f[w[k]].prose) words += f[w[k]].st.words;
    if (words < PG_MIN_CORE) goto done;         /* too little to judge a page */
    /* the lead: the first long paragraph of the core that more prose follows
    ** (a lone promo sentence above the headline is not the article) */
    size_t lead = cs;
    for (; lead < ce; lead++) {
        if (!(f[w[lead]].prose && f[w[lead]].st.words >= PG_LONG_WORDS)) continue;
        long next = 0;
        for (size_t k = lead + 1; k <= ce && k <= lead + PG_LEAD_RUN; k++)
            if (f[w[k]].prose) next += f[w[k]].st.words;
        if (next >= PG_LONG_WORDS) break;
    }

    /* 2. headline */
    size_t title = m;
    int tbest = 0;
    for (size_t k = lead > PG_BACK ? lead - PG_BACK : 0; k <= lead; k++) {
        if (!f[w[k]].headline) continue;
        int sc = pg_title_score(b, f, w, m, k, lead);
        if (sc >= tbest) { tbest = sc; title = k; }
    }
    size_t a = title < m ? title : cs;
    size_t by = title < m ? pg_find_byline(b, f, w, m, title) : m;

    /* 3. end: a marker counts when less prose follows it than precedes it
    ** (a newsletter box or "Read more" link mid-article does not end it) */
    size_t z = ce;
    long before = 0, total = 0;
    for (size_t k = a; k <= ce; k++) if (f[w[k]].prose) total += f[w[k]].st.words;
    for (size_t k = a + 1; k <= ce; k++) {
        const pg_info *g = &f[w[k]];
        if (g->prose) { before += g->st.words; continue; }
        if (before >= PG_LONG_WORDS && total - before < before &&
            (pg_end_marker(b[w[k]].text, strlen(b[w[k]].text), g) || g->byline == PG_BY_STRONG))
            { z = k - 1; break; }         /* a byline below the text opens the author's box */
    }
    if (z < a) z = a;

    /* 4. roles (blocks without words follow their place) */
    for (size_t i = 0; i < n; i++) {
        if (by < m && i == w[by]) b[i].role = CCLEAN_BYLINE;     /* may sit above the headline */
        else if (i < w[a] || i > w[z]) b[i].role = CCLEAN_OUT;
        else if (title < m && i == w[title]) b[i].role = CCLEAN_TITLE;
        else if (f[i].furniture || f[i].dup) b[i].role = CCLEAN_FURNITURE;
        else if (title < m && by < m && by > title && i > w[title] && i < w[by] && f[i].prose)
            b[i].role = CCLEAN_FURNITURE;       /* the standfirst between headline and byline */
        else b[i].role = CCLEAN_IN;
    }
done:
    free(w);
    free(f);
}
