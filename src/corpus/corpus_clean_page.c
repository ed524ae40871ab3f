/*
** src/corpus/corpus_clean_page.c: where the article sits in a copied page.
**
** A page copied whole from a browser holds the article between a header
** (skip links, menus, promos, trending headlines) and a footer (related
** stories, comments, bios, newsletter prompts, legal text). Without HTML
** there is no link density or structure, so the blocks (lines) are judged
** by shape, and the page by runs of them:
**
** 1. Core. Each block scores +words when it is prose-shaped (closing
**    punctuation, enough words and stopwords, no menu separators) and
**    -(PG_GAP + words/2) otherwise, recurring site furniture doubly so;
**    the core is the run of blocks with the largest sum (a maximum
**    subarray, as in Finn et al.'s Body Text Extraction): long prose
**    wins, runs of short lines between prose break it.
** 2. Headline. Every headline-shaped line (3-25 words, no closing period,
**    not a list item, no UI vocabulary) up to the core's first long
**    paragraph is scored: followed within a few blocks by a byline, a
**    dateline or a name line; repeated elsewhere in the page (the window
**    title, a breadcrumb); close before the first long paragraph; not
**    in a run of short headline-like lines (a link list). The best wins;
**    the article starts there.
** 3. End. After the headline and some prose, a short line naming what
**    follows an article (comments, related or recommended stories, the
**    author's bio, a newsletter) ends it; so does the end of the core.
** 4. Inside, a block that recurs in other files of the build (and is not
**    long prose) is furniture and goes.
** Without any prose block nothing is decided: every block stays in.
*/
#include "corpus/corpus_clean_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strncasecmp */

/* ---- tunables -------------------------------------------------------------- */

#define PG_GAP          2   /* score of a non-prose block: -(PG_GAP + words / 2) */
#define PG_FURN_PEN    10   /* extra penalty of a recurring (furniture) block */
#define PG_PROSE_MIN    8   /* words in a punctuated prose block */
#define PG_STOP_MIN    15   /* % stopwords in a prose block */
#define PG_LONG_WORDS  25   /* a "long paragraph": the article has begun */
#define PG_TITLE_MIN    3   /* words in a headline */
#define PG_TITLE_MAX   25
#define PG_BACK        60   /* blocks searched before the first long paragraph */
#define PG_BYLINE_NEAR  6   /* a byline within this many blocks after the headline */
#define PG_LEAD_NEAR    8   /* the first long paragraph within this many blocks */
#define PG_END_WORDS    6   /* an end marker is at most this long */
#define PG_FURN_WORDS  40   /* recurring blocks at least this long are kept */
#define PG_NAME_WORDS   4   /* words in a name line */
#define PG_MIN_CORE    60   /* words of prose in the core before the page is cut */

/* Words of page controls: a line with one is no headline. */
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

typedef struct pg_info {
    cclean_stats st;
    int prose;          /* prose-shaped */
    int headline;       /* headline-shaped */
    int byline;         /* byline, dateline or name line */
    int furniture;      /* recurs in other files */
} pg_info;

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

/* A byline ("By NAME ...", "by: NAME"), a dateline, or a name alone
** ("First Last", "First M. Last, @handle"). */
static int pg_byline(const char *s, size_t n, const cclean_stats *st) {
    if (st->words > 20) return 0;
    size_t i = 0;
    while (i < n && !isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
    if (n - i > 3 && strncasecmp(s + i, "by", 2) == 0 && (s[i + 2] == ' ' || s[i + 2] == ':')) {
        size_t j = i + 3;
        while (j < n && (s[j] == ' ' || s[j] == ':')) j++;
        if (j < n && cclean_upper_at(s + j, n - j)) return 1;
    }
    cdate d;
    size_t a, e;
    if (st->words <= 12 && cdate_scan(s, n, &d, &a, &e) && d.prec >= CDATE_DAY) return 1;
    /* a name: 2-4 capitalised words, maybe followed by ", @handle" or "• 8h" */
    size_t words = 0, p = i;
    while (p < n) {
        while (p < n && s[p] == ' ') p++;
        if (p >= n) break;
        size_t q = p;
        while (q < n && s[q] != ' ') q++;
        if (s[p] == '@' || s[p] == '|' || (unsigned char)s[p] >= 0xE2) break;   /* handle, separator */
        if (!cclean_upper_at(s + p, q - p)) return 0;
        for (size_t k = p; k < q; k++) if (isdigit((unsigned char)s[k])) return 0;
        if (cclean_is_stopword(s + p, q - p)) return 0;
        words++;
        p = q;
        if (s[q - 1] == ',') break;
    }
    return words >= 2 && words <= PG_NAME_WORDS && !st->endpunct;
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
            if (!(e >= 3 && memcmp(s + e - 3, "...", 3) == 0)) return 0;
        }
        if (e >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0) return 0;
    }
    if (pg_byline(s, n, st)) return 0;
    corpus_span *sp = NULL;
    size_t ns = cclean_sentences(s, n, &sp);          /* one sentence, not a caption */
    free(sp);
    return ns == 1;
}

/* Same letters and digits, or one of them contains the other as a whole
** part (a window title "Headline - Site", a breadcrumb "Section|Headline"). */
static int pg_repeats(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    if (cclean_line_hash(a, na) == cclean_line_hash(b, nb)) return 1;
    if (nb > na + 2) {
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

void cclean_page(cclean_pblock *b, size_t n) {
    if (!n) return;
    pg_info *f = xcalloc(n, sizeof *f);
    size_t first_prose = n;
    for (size_t i = 0; i < n; i++) {
        const char *s = b[i].text;
        size_t sn = strlen(s);
        cclean_stats_of(s, sn, &f[i].st);
        f[i].furniture = b[i].files >= 2 && f[i].st.words < PG_FURN_WORDS;
        f[i].prose = pg_prose(&f[i].st, b[i].linkpct) && !f[i].furniture;
        f[i].byline = pg_byline(s, sn, &f[i].st);
        f[i].headline = pg_headline(s, sn, &f[i].st, b[i].flags) && !f[i].furniture &&
                        !has_any(s, sn, UI_WORDS, sizeof UI_WORDS / sizeof *UI_WORDS);
        if (f[i].prose && first_prose == n) first_prose = i;
        b[i].role = CCLEAN_IN;
    }
    if (first_prose == n) { free(f); return; }

    /* 1. core: maximum-sum run */
    long best = 0, cur = 0;
    size_t cs = 0, ce = 0, start = 0;
    for (size_t i = 0; i < n; i++) {
        long sc = f[i].prose ? f[i].st.words
                             : -(PG_GAP + f[i].st.words / 2 + (f[i].furniture ? PG_FURN_PEN : 0));
        if (cur <= 0) { cur = 0; start = i; }
        cur += sc;
        if (cur > best) { best = cur; cs = start; ce = i; }
    }
    long words = 0;
    for (size_t i = cs; i <= ce; i++) if (f[i].prose) words += f[i].st.words;
    if (words < PG_MIN_CORE) { free(f); return; }   /* too little to judge a page */
    size_t lead = cs;                   /* the first long paragraph of the core */
    while (lead < ce && !(f[lead].prose && f[lead].st.words >= PG_LONG_WORDS)) lead++;

    /* 2. headline */
    size_t from = lead > PG_BACK ? lead - PG_BACK : 0, title = n;
    int tbest = 0;
    for (size_t i = from; i <= lead && i < n; i++) {
        if (!f[i].headline) continue;
        int sc = 1;
        for (size_t j = i + 1; j < n && j <= i + PG_BYLINE_NEAR; j++)
            if (f[j].byline) { sc += 4; break; }
        for (size_t j = 0; j < n; j++)
            if (j != i && pg_repeats(b[i].text, b[j].text)) { sc += 3; break; }
        if (lead - i <= PG_LEAD_NEAR) sc += 3;
        else if (lead - i <= 2 * PG_LEAD_NEAR) sc += 1;
        if (f[i].st.words >= 5) sc += 1;
        int run = (i > 0 && f[i - 1].headline) + (i + 1 < n && f[i + 1].headline);
        if (run == 2) sc -= 3;
        if (sc >= tbest) { tbest = sc; title = i; }
    }
    size_t a = title < n ? title : cs;
    if (a > cs && title < n) {          /* prose before the headline: a promo or teaser */
        /* keep it out */
    } else if (title == n) {
        a = cs;
    }

    /* 3. end */
    size_t z = ce;
    int prose_seen = 0;
    for (size_t i = a + 1; i <= ce; i++) {
        if (f[i].prose && f[i].st.words >= PG_LONG_WORDS) prose_seen = 1;
        if (prose_seen && pg_end_marker(b[i].text, strlen(b[i].text), &f[i])) { z = i - 1; break; }
    }
    if (z < a) z = a;

    /* 4. roles */
    for (size_t i = 0; i < n; i++) {
        if (i < a || i > z) b[i].role = CCLEAN_OUT;
        else if (i == title) b[i].role = CCLEAN_TITLE;
        else if (f[i].furniture) b[i].role = CCLEAN_FURNITURE;
        else b[i].role = CCLEAN_IN;
    }
    free(f);
}
