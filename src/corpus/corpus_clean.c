/*
** src/corpus/corpus_clean.c: stage 3, scraped article body -> paragraphs +
** metadata, boilerplate removed.
**
** 1. Lines. Each source line is normalised (corpus_clean_text.c: Markdown
**    links and images, HTML tags and entities, Unicode spaces). Blank lines
**    separate groups; a group whose lines look hard-wrapped (similar widths,
**    40-100 bytes, most breaks inside running text: no closing punctuation
**    and a lower-case continuation or a trailing comma / function word) is
**    joined into one line,
**    otherwise every line stands alone (scrapes put one paragraph per line).
** 2. Blocks. A run of 3+ spaces inside a line (after NBSP -> space) is a
**    block separator: scrapers glue a caption or a credit to the text that
**    way. Each block keeps its source line (para_line).
** 2b. The page (corpus_clean_page.c): headline, byline, the article's start
**    and end and furniture (other files' lines, notices, credits and their
**    captions, link cards) are found over all blocks; the headline becomes
**    the title, the byline's name the author; blocks outside the article
**    or furniture are dropped, the rest classified as below.
** 3. Classification, in article order, first rule that applies:
**      byline "By NAME[, Outlet, date]"              -> author, dropped
**      "Source: Outlet" line                         -> source, dropped
**      "(Outlet)" credit line                        -> source, dropped
**      nav bar: >= 2 menu separators (| >> » ›), >= 2 social-network names
**        making up a third of the words, URLs, mostly link text -> dropped
**        (a date in it: published at rank 2)
**      dateline: a day-precise date + <= 4 other
**        words (times, weekdays, widget words aside) -> published, dropped
**      otherwise: credit parentheticals "(Editor: ..)", "[Photo/..]" are
**      removed, the block is split into sentences and boilerplate sentences
**      (table PATTERNS) are cut at its start and end; a block <= 90 words
**      that ends in a photo credit is a caption and goes whole. What is left:
**        prose-shaped (closing punctuation and >= 3 words, or >= 20 words
**          with a prose stopword density)                   -> paragraph
**        first headline-like line before any prose          -> title
**        anything else: a short line without closing punctuation, i.e. a
**          subheading, a repeated headline, a widget label ("Most Read"),
**          a form field                                     -> dropped
**      A subheading (2-15 words, upper-case start, no closing period,
**      not quoted: a quoted one repeats a quote of the body) is kept as its
**      own paragraph of kind CORPUS_PARA_SUBHEAD when a paragraph follows
**      it; summaries, quotes and events skip it.
**      Sentences here come from cclean_sentences (corpus_clean_text.c), a
**      conservative splitter: edge trimming only needs the boundaries before
**      boilerplate openers, and this stage runs before the sentence stage.
** 4. Tail. Up to two last paragraphs that start with the author's name
**    and a lower-case word ("NAME covers ...") go; then, from the last
**    paragraph backwards, trailing author bios ("The
**    author is ...", "NAME is a columnist with ...") are cut; a paragraph
**    left empty goes and the one before is examined. Bio patterns apply only
**    here because "NAME is a fellow at ..." is ordinary prose mid-article.
**
** Metadata candidates carry a rank (1 = most specific; the page's headline
** and byline are offered first at rank 1); the best rank wins,
** ties go to the first seen, and doc->meta is only filled (fields already
** set, e.g. from front matter, win):
**   title      1 first headline-like line before any prose
**   published  1 dateline line, byline date, lead "CITY, date (Agency) --"
**              2 date inside a nav / share bar (the page's date)
**   author     1 byline   2 bio "NAME is a columnist with ..."
**   source     1 "(Outlet)" credit line, "Source: Outlet", lead "(Agency) --"
**              2 "Outlet, <date>" dateline, byline "By NAME, Outlet"
**              3 "columnist with Outlet", "not necessarily (reflect) those
**                of Outlet" (the publisher's own disclaimer)
**              4 photo credit "Photo by NAME for Outlet"
**              5 "Follow Outlet on Twitter" promotions (often a syndicator)
*/
#include "corpus/corpus_clean_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>    /* pthread_once for the pattern index */
#include <strings.h>    /* strncasecmp */

/* ---- tunables -------------------------------------------------------------- */

#define CC_CAPTION_WORDS   90   /* a block up to this long ending in a credit is a caption */
#define CC_WEAKCAP_WORDS   40   /* a lone "X is pictured ..." sentence up to this long */
#define CC_TITLE_MIN        3   /* words in a headline */
#define CC_TITLE_MAX       25
#define CC_TITLE_BYTES    250
#define CC_PROSE_MIN        3   /* words in a punctuated paragraph */
#define CC_LONG_WORDS      20   /* unpunctuated block this long may still be prose */
#define CC_STOP_LONG       25   /* ... if this % of its words are stopwords */
#define CC_STOP_MIN        12   /* % stopwords below which 8+ words are a list, not prose */
#define CC_LINK_PCT        50   /* % of bytes in link text: a link list */
#define CC_LINK_WORDS      30   /* ... unless the block has this many words */
#define CC_DATELINE_WORDS  16   /* words in a dateline line */
#define CC_DATELINE_REST    4   /* other words besides date, time, weekday, widgets */
#define CC_BYLINE_WORDS    16   /* words in a byline line */
#define CC_NAME_WORDS       6   /* words in a person's name */
#define CC_OUTLET_WORDS     5   /* words in an outlet's name */
#define CC_WRAP_MIN        40   /* hard-wrapped text: widest line in bytes */
#define CC_WRAP_MAX       100
#define CC_WRAP_PCT        60   /* ... other lines at least this % of it */
#define CC_LEAD_BYTES      80   /* longest "CITY, date (Agency) --" lead */
#define CC_BIO_PARAS        2   /* author bios at the end: paragraphs */
#define CC_BIO_WORDS       80   /* ... each at most this long */
#define CC_SUBHEAD_MIN      2   /* words in a subheading */
#define CC_SUBHEAD_MAX     15

/* ---- boilerplate sentence patterns ------------------------------------------ */

typedef enum ckind {
    CK_NONE = 0,
    CK_CAPTION,     /* photo credit: the sentence (and a caption before it) goes */
    CK_CAPWEAK,     /* "is pictured": a caption only next to a credit or alone */
    CK_DISCLAIMER,  /* publisher's disclaimer, copyright */
    CK_PROMO,       /* follow / subscribe / app / newsletter / read more */
    CK_WIDGET,      /* comment forms and counters, font size, editor credits */
    CK_BIO          /* author bio: only at the article's end */
} ckind;

enum {
    CF_CASE  = 1,   /* match case-sensitively */
    CF_START = 2,   /* only at the start of the sentence (after ( [ quotes) */
    CF_WHOLE = 4    /* the whole sentence, bar closing punctuation */
};

static const struct { const char *pat; ckind kind; int flags; } PATTERNS[] = {
    /* photo credits and captions */
    {"Photo by ",                 CK_CAPTION, CF_CASE},   /* "Photo by NAME" */
    {"Photos by ",                CK_CAPTION, CF_CASE},
    {"Photograph by ",            CK_CAPTION, CF_CASE},
    {"Picture by ",               CK_CAPTION, CF_CASE},
    {"Photo: ",                   CK_CAPTION, CF_CASE},   /* "Photo: Agency" */
    {"Photo/",                    CK_CAPTION, CF_CASE},   /* "[Photo/Agency]" */
    {"Image: ",                   CK_CAPTION, CF_CASE},
    {"Image credit",              CK_CAPTION, 0},
    {"Photo credit",              CK_CAPTION, 0},
    {"Credit: ",                  CK_CAPTION, CF_CASE},   /* "... at the port Credit: Agency" */
    {".Credit",                   CK_CAPTION, CF_CASE},   /* caption glued to its credit */
    {"Getty Images",              CK_CAPTION, CF_CASE},
    {"AP Photo",                  CK_CAPTION, CF_CASE},
    {"Image copyright",           CK_CAPTION, 0},
    {"Image caption",             CK_CAPTION, 0},
    {"File photo",                CK_CAPTION, CF_CASE | CF_START},
    {" is pictured",              CK_CAPWEAK, 0},         /* "X is pictured at ..." */
    {" are pictured",             CK_CAPWEAK, 0},
    {"(pictured",                 CK_CAPWEAK, 0},
    {"in this photo",             CK_CAPWEAK, 0},
    {"poses for a photo",         CK_CAPWEAK, 0},
    /* disclaimers */
    {"not necessarily reflect",   CK_DISCLAIMER, 0},      /* "views do not necessarily reflect those of" */
    {"not necessarily represent", CK_DISCLAIMER, 0},
    {"not necessarily those of",  CK_DISCLAIMER, 0},
    {"views expressed",           CK_DISCLAIMER, 0},
    {"opinions expressed",        CK_DISCLAIMER, 0},
    {"reflect the views of their",CK_DISCLAIMER, 0},      /* "articles reflect the views of their authors" */
    {"all rights reserved",       CK_DISCLAIMER, 0},
    {"\xC2\xA9",                  CK_DISCLAIMER, 0},      /* © */
    {"Copyright ",                CK_DISCLAIMER, CF_CASE | CF_START},
    {"may not be published, broadcast", CK_DISCLAIMER, 0},
    {"This article was originally published", CK_DISCLAIMER, CF_START},
    {"This article first appeared", CK_DISCLAIMER, CF_START},
    {"originally appeared on",    CK_DISCLAIMER, 0},
    /* promotions */
    {"For more information",      CK_PROMO, CF_START},    /* "... please visit:" */
    {"please visit:",             CK_PROMO, 0},
    {"Follow us",                 CK_PROMO, CF_START},
    {"Like us on",                CK_PROMO, CF_START},
    {"Subscribe to",              CK_PROMO, CF_START},
    {"Subscribe now",             CK_PROMO, CF_START},
    {"Sign up for",               CK_PROMO, CF_START},
    {"Click here",                CK_PROMO, CF_START},
    {"Read more",                 CK_PROMO, CF_START},
    {"Read also",                 CK_PROMO, CF_START},
    {"Also read",                 CK_PROMO, CF_START},
    {"Related:",                  CK_PROMO, CF_START},
    {"Download the",              CK_PROMO, CF_START},    /* "Download the app" */
    {"Download our",              CK_PROMO, CF_START},
    {"App Download",              CK_PROMO, 0},
    {"our newsletter",            CK_PROMO, 0},
    {"Send your stories",         CK_PROMO, CF_START},
    {"Get more from",             CK_PROMO, CF_START},
    {"more articles on",          CK_PROMO, 0},
    {"more stories on",           CK_PROMO, 0},
    /* widgets */
    {"Comment(s)",                CK_WIDGET, 0},          /* "0 Comment(s)" counter */
    {"Add your comment",          CK_WIDGET, CF_START},
    {"Leave a comment",           CK_WIDGET, CF_START},
    {"Post a comment",            CK_WIDGET, CF_START},
    {"No comments",               CK_WIDGET, CF_START},
    {"Be the first to comment",   CK_WIDGET, CF_START},
    {"comments may be removed",   CK_WIDGET, 0},
    {"by the moderator",          CK_WIDGET, 0},          /* comment-form rules */
    {"Enter the words",           CK_WIDGET, CF_START},   /* captcha */
    {"User Name",                 CK_WIDGET, CF_CASE | CF_START},
    {"Adjust font size",          CK_WIDGET, CF_START},
    {"Font size",                 CK_WIDGET, CF_START},
    {"Go to Forum",               CK_WIDGET, CF_START},
    {"Back to top",               CK_WIDGET, CF_START},
    {"Print E-mail",              CK_WIDGET, 0},
    {"Editor:",                   CK_WIDGET, CF_CASE | CF_START},  /* "Editor: NAME" credit */
    {"Edited by ",                CK_WIDGET, CF_CASE | CF_START},
    {"Reporting by ",             CK_WIDGET, CF_CASE | CF_START},
    {"Editing by ",               CK_WIDGET, CF_CASE | CF_START},
    {"Advertisement",             CK_WIDGET, CF_WHOLE},
    /* bios (tail only) */
    {"The author is ",            CK_BIO, CF_START},
    {"The writer is ",            CK_BIO, CF_START},
    {"About the author",          CK_BIO, CF_START},
};

/* Parenthetical credits removed wherever they are: "(Editor: X)", "[Photo/X]". */
static const struct { const char *pat; int photo; } CREDIT_PARENS[] = {
    {"Photo", 1}, {"Image", 1}, {"Credit", 1}, {"File photo", 1},
    {"Editor", 0}, {"Edited by", 0}, {"Reporting by", 0}, {"Writing by", 0},
    {"Editing by", 0}, {"Source:", 0}, {"Compiled by", 0}, {"Translated by", 0},
};

/* Bio roles: "NAME is a ROLE with/at/for ORG". journo: ORG is an outlet. */
static const struct { const char *role; int journo; } ROLES[] = {
    {"columnist", 1}, {"writer", 1}, {"journalist", 1}, {"correspondent", 1},
    {"reporter", 1}, {"editor", 1}, {"contributor", 1}, {"commentator", 1},
    {"blogger", 1}, {"fellow", 0}, {"professor", 0}, {"researcher", 0},
    {"scholar", 0}, {"lecturer", 0}, {"analyst", 0}, {"director", 0},
    {"economist", 0}, {"expert", 0}, {"consultant", 0}, {"adviser", 0},
    {"advisor", 0}, {"founder", 0}, {"dean", 0}, {"author", 0}, {"specialist", 0},
};

/* Words that are never part of an outlet's or a person's name in a credit. */
static const char *const NOT_NAME[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Updated",
    "Published", "Posted", "Staff", "Writer", "Reporter", "Correspondent",
    "Editor", "Columnist", "Contributor", "He", "She", "It", "They", "We", "I",
    "This", "That", "There", "The", "A", "An", "In", "On", "At", "As",
};

/* Substrings marking share / comment widget words ("Comment(s)Print"). */
static const char *const WIDGET_SUBSTR[] = {
    "comment", "print", "mail", "share", "bookmark", "tweet", "font", "rss",
    "newsletter", "subscribe", "updated", "published", "posted", "source",
};

/* ---- small string helpers ----------------------------------------------------- */

typedef struct cc_tok { const char *s; size_t n; } cc_tok;

#define CC_MAXTOK 64
static size_t cc_tokens(const char *s, size_t n, cc_tok *t, size_t max) {
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && s[i] == ' ') i++;
        size_t a = i;
        while (i < n && s[i] != ' ') i++;
        if (i > a) { t[k].s = s + a; t[k].n = i - a; k++; }
    }
    return k;
}

static int tok_is(cc_tok t, const char *w) { return strlen(w) == t.n && memcmp(t.s, w, t.n) == 0; }

static int in_list(const char *s, size_t n, const char *const *list, size_t nlist) {
    for (size_t k = 0; k < nlist; k++)
        if (strlen(list[k]) == n && memcmp(list[k], s, n) == 0) return 1;
    return 0;
}
#define IN_LIST(s, n, L) in_list((s), (n), (L), sizeof (L) / sizeof *(L))

static int widget_word(const char *s, size_t n) {
    for (size_t k = 0; k < sizeof WIDGET_SUBSTR / sizeof *WIDGET_SUBSTR; k++)
        if (cclean_find(s, n, WIDGET_SUBSTR[k])) return 1;
    return 0;
}

/* Length of t without trailing , ; : ( ) and a final '.' unless an initial. */
static size_t strip_trail(const char *s, size_t n) {
    while (n && strchr(",;:)]\"", s[n - 1])) n--;
    if (n > 2 && s[n - 1] == '.') n--;
    return n;
}

/* A word that may be part of an outlet's name: "Times", "People's",
** "example.org.uk"; connectors ("of", "the", "and", "&") are handled by callers. */
static int outlet_word(const char *s, size_t n) {
    n = strip_trail(s, n);
    while (n && strchr("([\"", s[0])) { s++; n--; }
    if (!n) return 0;
    int letter = 0, dot = 0;
    for (size_t i = 0; i < n; i++) {
        if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) letter = 1;
        if (s[i] == '.') dot = 1;
    }
    if (!letter) return 0;
    if (!cclean_upper_at(s, n) && !(dot && isalnum((unsigned char)s[0]))) return 0;
    if (IN_LIST(s, n, NOT_NAME) || widget_word(s, n) || cclean_is_social(s, n)) return 0;
    return 1;
}

static int connector(cc_tok t) {
    return tok_is(t, "of") || tok_is(t, "the") || tok_is(t, "and") || tok_is(t, "&") ||
           tok_is(t, "for") || tok_is(t, "de");
}

/* The outlet name starting at s[0..n): up to CC_OUTLET_WORDS outlet words
** (connectors inside), stopping after a word with trailing punctuation.
** Returns an owned copy or NULL. */
static char *outlet_head(const char *s, size_t n) {
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s, n, t, CC_MAXTOK), i = 0, last = 0, got = 0;
    if (k && (tok_is(t[0], "the"))) i = 1;
    size_t first = i;
    for (; i < k && got < CC_OUTLET_WORDS; i++) {
        if (outlet_word(t[i].s, t[i].n)) { last = i + 1; got++; }
        else if (got && connector(t[i])) continue;
        else break;
        char c = t[i].s[t[i].n - 1];
        if (c == ',' || c == ';' || c == ')' || c == ']' || (c == '.' && t[i].n > 2)) break;
    }
    if (!got) return NULL;
    const char *a = t[first].s;
    while (*a == '(' || *a == '[' || *a == '"') a++;
    size_t len = strip_trail(a, (size_t)(t[last - 1].s + t[last - 1].n - a));
    return len ? xstrndup(a, len) : NULL;
}

/* The outlet name ending s[0..n): outlet words backwards from the end. */
static char *outlet_tail(const char *s, size_t n) {
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s, n, t, CC_MAXTOK);
    if (!k || k == CC_MAXTOK) return NULL;
    size_t i = k, got = 0, first = k;
    while (i > 0 && got < CC_OUTLET_WORDS) {
        cc_tok w = t[i - 1];
        if (outlet_word(w.s, w.n)) { got++; first = i - 1; }
        else if (!(got && connector(w))) break;
        i--;
    }
    if (!got) return NULL;
    size_t len = strip_trail(t[first].s, (size_t)(t[k - 1].s + t[k - 1].n - t[first].s));
    return len ? xstrndup(t[first].s, len) : NULL;
}

/* Compare two texts on letters and digits only, ASCII case folded. */
static int same_text(const char *a, const char *b) {
    if (!a || !b) return 0;
    for (;;) {
        while (*a && !isalnum((unsigned char)*a) && (unsigned char)*a < 0x80) a++;
        while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80) b++;
        if (!*a || !*b) return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
        a++; b++;
    }
}

/* ---- state ---------------------------------------------------------------------- */

enum { F_TITLE, F_PUBLISHED, F_AUTHOR, F_SOURCE, F_N };

typedef struct cc_block {
    char *text;         /* owned, single spaces, trimmed */
    const cclean_stats *st;   /* its statistics when already known, else NULL */
    int line;           /* source line */
    int linkpct;        /* % of bytes inside Markdown link text */
    int flags;          /* CCLEAN_LINE_* of its source line */
} cc_block;

typedef struct cc_para {
    char *text;         /* owned */
    int line;
    int prose;          /* 0: a list item or subheading kept mid-article */
    corpus_para_kind kind;
} cc_para;

typedef struct cc_state {
    cc_block *b; size_t nb, capb;   /* capb: allocated (grows x2: a file of
                                     ** short lines stays linear) */
    cc_para *p; size_t np;
    char *cand[F_N];    /* owned best candidate per field */
    int rank[F_N];      /* its rank, 0 = none */
    const corpus_meta *have;   /* metadata already known (front matter) */
    int seen_prose;
    char *pend;         /* owned subheading waiting for the paragraph it heads */
    int pend_line;
} cc_state;

/* Offer value[0..n) for field f at rank r (takes nothing; copies). */
static void offer(cc_state *st, int f, const char *v, size_t n, int r) {
    while (n && (v[0] == ' ' || v[0] == '(')) { v++; n--; }
    size_t full = n, dots = 0;
    for (size_t i = n; i > 0 && v[i - 1] != ' '; i--) dots += v[i - 1] == '.';
    n = strip_trail(v, n);
    if (f == F_TITLE && dots >= 2 && n + 1 == full && v[n] == '.') n = full;  /* "... N.Y." */
    while (n && v[n - 1] == ' ') n--;
    if (!n) return;
    if (st->rank[f] && st->rank[f] <= r) return;
    free(st->cand[f]);
    st->cand[f] = xstrndup(v, n);
    st->rank[f] = r;
}
static void offer_owned(cc_state *st, int f, char *v, int r) {
    if (v) offer(st, f, v, strlen(v), r);
    free(v);
}

static void offer_date(cc_state *st, cdate d, int r) {
    if (d.prec != CDATE_DAY || d.y < 1800) return;
    char buf[16];
    cdate_format(d, buf);
    offer(st, F_PUBLISHED, buf, strlen(buf), r);
}

/* ---- lines and blocks --------------------------------------------------------------- */

typedef struct cc_line {
    sbuf text, mask;
    int flags, line;
} cc_line;

/* A line break inside running text: the line does not end a sentence and
** the next one continues it (lower-case start, or the line ends with a
** comma, hyphen or function word). */
static int continues(const sbuf *a, const sbuf *b) {
    cclean_stats st;
    cclean_stats_of(a->s, a->len, &st);
    if (st.endpunct || st.endcolon || !b->len) return 0;
    unsigned char c = (unsigned char)b->s[0];
    if (islower(c) || isdigit(c)) return 1;
    size_t e = a->len, w;
    while (e && a->s[e - 1] == ' ') e--;
    if (e && strchr(",;-", a->s[e - 1])) return 1;
    for (w = e; w && a->s[w - 1] != ' '; w--) {}
    return cclean_is_stopword(a->s + w, e - w);
}

/* Lines of a group look hard-wrapped: similar widths, 40-100 bytes, and
** at least half of the breaks fall inside running text. */
static int hard_wrapped(cc_line *l, size_t n) {
    if (n < 2) return 0;
    size_t max = 0, cont = 0;
    for (size_t i = 0; i < n; i++) {
        if (l[i].flags & (CCLEAN_LINE_HEADING | CCLEAN_LINE_BULLET)) return 0;
        if (l[i].text.len > max) max = l[i].text.len;
    }
    if (max < CC_WRAP_MIN || max > CC_WRAP_MAX) return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (l[i].text.len * 100 < max * CC_WRAP_PCT) return 0;
        if (continues(&l[i].text, &l[i + 1].text)) cont++;
    }
    return cont && cont * 2 >= n - 1;
}

static void add_block(cc_state *st, const char *s, const char *m, size_t n, int flags, int line) {
    sbuf t = {0};
    size_t links = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' && (t.len == 0 || t.s[t.len - 1] == ' ')) continue;
        sbuf_addc(&t, s[i]);
        if (m[i]) links++;
    }
    while (t.len && t.s[t.len - 1] == ' ') t.s[--t.len] = '\0';
    int alnum = 0;
    for (size_t i = 0; i < t.len; i++)
        if (isalnum((unsigned char)t.s[i]) || (unsigned char)t.s[i] >= 0x80) { alnum = 1; break; }
    if (!alnum) { sbuf_free(&t); return; }
    if (st->nb == st->capb) {
        st->capb = st->capb ? 2 * st->capb : 64;
        st->b = xrealloc(st->b, st->capb * sizeof *st->b);
    }
    cc_block *b = &st->b[st->nb++];
    b->st = NULL;
    b->line = line;
    b->flags = flags;
    b->linkpct = t.len ? (int)(links * 100 / t.len) : 0;
    b->text = sbuf_take(&t);
}

/* Split a (joined) line into blocks at runs of 3+ spaces. */
static void split_line(cc_state *st, cc_line *l) {
    const char *s = l->text.s ? l->text.s : "";
    const char *m = l->mask.s ? l->mask.s : "";
    size_t n = l->text.len, a = 0, i = 0;
    while (i < n) {
        if (s[i] == ' ') {
            size_t j = i;
            while (j < n && s[j] == ' ') j++;
            if (j - i >= 3) {
                add_block(st, s + a, m + a, i - a, a == 0 ? l->flags : 0, l->line);
                a = j;
            }
            i = j;
        } else {
            i++;
        }
    }
    add_block(st, s + a, m + a, n - a, a == 0 ? l->flags : 0, l->line);
}

static void build_blocks(cc_state *st, const char *body, int first_line) {
    cc_line *g = NULL;
    size_t ng = 0, capg = 0;        /* capg grows x2: long groups stay linear */
    const char *p = body;
    int line = first_line;
    for (;;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        cc_line l = {{0}, {0}, 0, line};
        l.flags = cclean_normalize_line(p, n, &l.text, &l.mask);
        int blank = 1;
        for (size_t i = 0; i < l.text.len; i++) if (l.text.s[i] != ' ') { blank = 0; break; }
        if (!blank) {
            if (ng == capg) {
                capg = capg ? 2 * capg : 16;
                g = xrealloc(g, capg * sizeof *g);
            }
            g[ng++] = l;
        } else {
            sbuf_free(&l.text); sbuf_free(&l.mask);
        }
        if (blank || !e) {                       /* a group ends */
            if (hard_wrapped(g, ng)) {
                for (size_t i = 1; i < ng; i++) {
                    sbuf_addc(&g[0].text, ' '); sbuf_addc(&g[0].mask, 0);
                    sbuf_add(&g[0].text, g[i].text.s, g[i].text.len);
                    sbuf_add(&g[0].mask, g[i].mask.s, g[i].mask.len);
                }
                split_line(st, &g[0]);
            } else {
                for (size_t i = 0; i < ng; i++) split_line(st, &g[i]);
            }
            for (size_t i = 0; i < ng; i++) { sbuf_free(&g[i].text); sbuf_free(&g[i].mask); }
            ng = 0;
        }
        if (!e) break;
        p = e + 1;
        line++;
    }
    free(g);
}

/* ---- sentence patterns and metadata from boilerplate ----------------------------------- */

/* "NAME is a ROLE with|at|for|of ORG": returns ROLES index + 1, or 0; the
** name's and org's ranges when found. */
static int bio_match(const char *s, size_t n, size_t *name_end, const char **org, size_t *org_n) {
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s, n, t, CC_MAXTOK), i = 0;
    while (i < k && i < CC_NAME_WORDS && !tok_is(t[i], "is")) {
        int initial = t[i].n == 2 && isupper((unsigned char)t[i].s[0]) && t[i].s[1] == '.';
        int particle = i > 0 && (tok_is(t[i], "di") || tok_is(t[i], "de") || tok_is(t[i], "van") ||
                                 tok_is(t[i], "von") || tok_is(t[i], "da") || tok_is(t[i], "le"));
        if (!initial && !particle &&
            (!cclean_upper_at(t[i].s, t[i].n) || IN_LIST(t[i].s, t[i].n, NOT_NAME)))
            return 0;
        i++;
    }
    if (i == 0 || i >= k || !tok_is(t[i], "is")) return 0;
    *name_end = (size_t)(t[i - 1].s + t[i - 1].n - s);
    for (size_t j = i + 1; j < k && j <= i + 6; j++) {
        for (size_t r = 0; r < sizeof ROLES / sizeof *ROLES; r++) {
            size_t rl = strlen(ROLES[r].role);
            if (t[j].n < rl || strncasecmp(t[j].s, ROLES[r].role, rl) != 0) continue;
            for (size_t q = j + 1; q < k && q <= j + 4; q++) {
                if (tok_is(t[q], "with") || tok_is(t[q], "at") || tok_is(t[q], "for") ||
                    tok_is(t[q], "of") || tok_is(t[q], "in")) {
                    *org = q + 1 < k ? t[q + 1].s : s + n;
                    *org_n = (size_t)(s + n - *org);
                    return (int)r + 1;
                }
            }
            return (int)r + 1;      /* "X is a columnist." still a bio */
        }
    }
    return 0;
}

/* Skip ( [ quotes and spaces at a sentence start. */
static size_t sent_lead(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && strchr("([\"' ", s[i])) i++;
    return i;
}

static int pat_at(const char *s, size_t n, const char *pat, int flags) {
    size_t m = strlen(pat);
    if (flags & CF_WHOLE) {
        size_t i = sent_lead(s, n);
        while (n > i && strchr(" .!:)]", s[n - 1])) n--;
        return n - i == m && strncasecmp(s + i, pat, m) == 0;
    }
    if (flags & CF_START) {
        size_t i = sent_lead(s, n);
        if (n - i < m) return 0;
        return (flags & CF_CASE) ? memcmp(s + i, pat, m) == 0 : strncasecmp(s + i, pat, m) == 0;
    }
    if (!(flags & CF_CASE)) return cclean_find(s, n, pat) != NULL;
    for (size_t i = 0; i + m <= n; i++) if (memcmp(s + i, pat, m) == 0) return 1;
    return 0;
}

/* "follow NAME on Twitter|Facebook|social media": start of NAME or NULL. */
static const char *follow_promo(const char *s, size_t n, size_t *name_n) {
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s, n, t, CC_MAXTOK);
    for (size_t i = 0; i + 3 < k; i++) {
        if (t[i].n != 6 || strncasecmp(t[i].s, "follow", 6) != 0) continue;
        for (size_t j = i + 2; j < k && j <= i + 1 + CC_OUTLET_WORDS; j++) {
            if (!tok_is(t[j], "on") || j + 1 >= k) continue;
            size_t wn = strip_trail(t[j + 1].s, t[j + 1].n);
            if (cclean_is_social(t[j + 1].s, wn) || tok_is(t[j + 1], "social")) {
                *name_n = (size_t)(t[j - 1].s + t[j - 1].n - t[i + 1].s);
                return t[i + 1].s;
            }
        }
    }
    return NULL;
}

/* Unanchored PATTERNS (neither CF_START nor CF_WHOLE) chained by the
** ASCII-folded first byte, so that sent_kind finds all of them in one pass
** over the sentence instead of one search per pattern. Built once. */
#define CC_NPAT (sizeof PATTERNS / sizeof *PATTERNS)
static pthread_once_t pat_once = PTHREAD_ONCE_INIT;
static signed char pat_first[256];      /* first pattern for a byte, -1: none */
static signed char pat_next[CC_NPAT];   /* next pattern with the same byte */
static unsigned char pat_len[CC_NPAT];

static unsigned char cc_fold(unsigned char c) {
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

static void pat_init(void) {
    _Static_assert(CC_NPAT < 128, "pattern index fits a signed char");
    memset(pat_first, -1, sizeof pat_first);
    for (size_t k = CC_NPAT; k-- > 0; ) {
        pat_len[k] = (unsigned char)strlen(PATTERNS[k].pat);
        pat_next[k] = -1;
        if (PATTERNS[k].flags & (CF_START | CF_WHOLE)) continue;
        unsigned char b = cc_fold((unsigned char)PATTERNS[k].pat[0]);
        pat_next[k] = pat_first[b];
        pat_first[b] = (signed char)k;
    }
}

/* hit[k] = 1 for every pattern k of PATTERNS found in s[0..n), as pat_at
** would find it. */
static void pat_hits(const char *s, size_t n, unsigned char *hit) {
    pthread_once(&pat_once, pat_init);
    memset(hit, 0, CC_NPAT);
    for (size_t k = 0; k < CC_NPAT; k++)
        if ((PATTERNS[k].flags & (CF_START | CF_WHOLE)) &&
            pat_at(s, n, PATTERNS[k].pat, PATTERNS[k].flags)) hit[k] = 1;
    for (size_t i = 0; i < n; i++) {
        for (int k = pat_first[cc_fold((unsigned char)s[i])]; k >= 0; k = pat_next[k]) {
            size_t m = pat_len[k];
            if (hit[k] || m > n - i) continue;
            const char *pat = PATTERNS[k].pat;
            size_t j = 0;
            if (PATTERNS[k].flags & CF_CASE) {
                while (j < m && s[i + j] == pat[j]) j++;
            } else {
                while (j < m && cc_fold((unsigned char)s[i + j]) == cc_fold((unsigned char)pat[j])) j++;
            }
            if (j == m) hit[k] = 1;
        }
    }
}

/* The kind of a boilerplate sentence; tail: also bios. The first matching
** pattern in table order decides, CK_CAPWEAK only when nothing else does. */
static ckind sent_kind(const char *s, size_t n, int tail) {
    ckind best = CK_NONE;
    unsigned char hit[CC_NPAT];
    pat_hits(s, n, hit);
    for (size_t k = 0; k < CC_NPAT; k++) {
        if (PATTERNS[k].kind == CK_BIO && !tail) continue;
        if (!hit[k]) continue;
        if (PATTERNS[k].kind != CK_CAPWEAK) return PATTERNS[k].kind;
        best = CK_CAPWEAK;
    }
    if (best) return best;
    size_t nn;
    if (follow_promo(s, n, &nn)) return CK_PROMO;
    if (tail) {
        size_t ne, on; const char *o;
        if (bio_match(s, n, &ne, &o, &on)) return CK_BIO;
    }
    return CK_NONE;
}

/* Metadata stated by a piece of boilerplate being removed. */
static void harvest(cc_state *st, const char *s, size_t n) {
    const char *p;
    size_t k;
    /* "... not necessarily reflect those of Outlet" */
    if ((p = cclean_find(s, n, "necessarily")) && (p = cclean_find(p, (size_t)(s + n - p), "those of ")))
        offer_owned(st, F_SOURCE, outlet_head(p + 9, (size_t)(s + n - p - 9)), 3);
    /* "NAME is a columnist with Outlet" */
    size_t name_end, org_n = 0;
    const char *org = NULL;
    int r = bio_match(s + sent_lead(s, n), n - sent_lead(s, n), &name_end, &org, &org_n);
    if (r) {
        offer(st, F_AUTHOR, s + sent_lead(s, n), name_end, 2);
        if (ROLES[r - 1].journo && org) offer_owned(st, F_SOURCE, outlet_head(org, org_n), 3);
    }
    /* "Photo by NAME for Outlet", "Photo by NAMEFor Outlet" (glued) */
    if ((p = cclean_find(s, n, "Photo")) != NULL) {
        for (const char *q = p; q + 4 < s + n; q++) {
            if ((memcmp(q, "For ", 4) == 0 || memcmp(q, "for ", 4) == 0) &&
                (q == s || q[-1] == ' ' || islower((unsigned char)q[-1]) || q[-1] == '/')) {
                offer_owned(st, F_SOURCE, outlet_head(q + 4, (size_t)(s + n - q - 4)), 4);
                break;
            }
        }
    }
    /* "Follow Outlet on Twitter" */
    if ((p = follow_promo(s, n, &k)) != NULL) {
        char *o = outlet_head(p, k);
        if (o && !IN_LIST(o, strlen(o), NOT_NAME)) offer_owned(st, F_SOURCE, o, 5);
        else free(o);
    }
}

/* ---- whole-line metadata: bylines, datelines, credits ------------------------------------- */

/* A dateline: day-precise date and few other words. Offers the date at rank
** r and "Outlet, <date>" / "(Outlet) <date>" sources. */
static int dateline(cc_state *st, const char *s, size_t n, int r) {
    cdate d;
    size_t a, e;
    if (!cdate_scan(s, n, &d, &a, &e) || d.prec != CDATE_DAY || d.y < 1800) return 0;
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s, n, t, CC_MAXTOK), rest = 0;
    if (k > CC_DATELINE_WORDS) return 0;
    for (size_t i = 0; i < k; i++) {
        size_t off = (size_t)(t[i].s - s);
        if (off >= a && off < e) continue;
        int word = 0;
        for (size_t j = 0; j < t[i].n; j++) if (isalpha((unsigned char)t[i].s[j]) || (unsigned char)t[i].s[j] >= 0x80) word = 1;
        if (!word || (memchr(t[i].s, ':', t[i].n) && isdigit((unsigned char)t[i].s[0]))) continue;
        size_t wn = strip_trail(t[i].s, t[i].n);
        if (IN_LIST(t[i].s, wn, NOT_NAME) || widget_word(t[i].s, t[i].n) ||
            tok_is(t[i], "on") || tok_is(t[i], "at") || tok_is(t[i], "am") || tok_is(t[i], "pm") ||
            tok_is(t[i], "GMT") || tok_is(t[i], "UTC") || tok_is(t[i], "|"))
            continue;
        rest++;
    }
    if (rest > CC_DATELINE_REST) return 0;
    offer_date(st, d, r);
    /* "(Outlet) 08:46, date" */
    size_t i = 0;
    while (i < a && s[i] == ' ') i++;
    if (i < a && s[i] == '(') {
        const char *c = memchr(s + i, ')', a - i);
        if (c) offer_owned(st, F_SOURCE, outlet_head(s + i + 1, (size_t)(c - s - i - 1)), 1);
    }
    /* "Outlet, date" */
    size_t b = a;
    while (b > 0 && s[b - 1] == ' ') b--;
    if (b > 0 && s[b - 1] == ',') offer_owned(st, F_SOURCE, outlet_tail(s, b - 1), 2);
    return 1;
}

/* Byline prefixes (case-sensitive). */
static const char *const BYLINE[] = { "By ", "BY ", "Written by ", "Posted by ", "Words by ", "Author: " };

static int byline(cc_state *st, const char *s, size_t n) {
    size_t pl = 0;
    for (size_t k = 0; k < sizeof BYLINE / sizeof *BYLINE; k++)
        if (n > strlen(BYLINE[k]) && memcmp(s, BYLINE[k], strlen(BYLINE[k])) == 0) pl = strlen(BYLINE[k]);
    if (!pl) return 0;
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s + pl, n - pl, t, CC_MAXTOK), i = 0, got = 0, end = 0;
    if (k + 1 > CC_BYLINE_WORDS) return 0;
    for (; i < k && got < CC_NAME_WORDS; i++) {
        size_t wn = strip_trail(t[i].s, t[i].n);
        int initial = t[i].n == 2 && isupper((unsigned char)t[i].s[0]) && t[i].s[1] == '.';
        if (got && (tok_is(t[i], "and") || tok_is(t[i], "de") || tok_is(t[i], "van") ||
                    tok_is(t[i], "von") || tok_is(t[i], "bin") || tok_is(t[i], "al"))) continue;
        if (!initial && (!cclean_upper_at(t[i].s, t[i].n) || IN_LIST(t[i].s, wn, NOT_NAME) ||
                         widget_word(t[i].s, t[i].n) || !wn)) break;
        got++;
        end = i + 1;
        char c = t[i].s[t[i].n - 1];
        if (c == ',' || c == ';') { i++; break; }
    }
    if (!got) return 0;
    const char *rest = end < k ? t[end].s : s + n;
    size_t rn = (size_t)(s + n - rest);
    /* what follows the name: nothing, or a separator and a dateline */
    if (rn) {
        char c = t[end - 1].s[t[end - 1].n - 1];
        int sep = c == ',' || c == ';' || rest[0] == '|' || rest[0] == '-' ||
                  (unsigned char)rest[0] == 0xE2;     /* – — */
        if (!sep) return 0;
        while (rn && strchr("|-, ", rest[0])) { rest++; rn--; }
        cc_tok rt[CC_MAXTOK];
        if (rn && !dateline(st, rest, rn, 1)) {      /* "By NAME, Outlet" or a role */
            size_t rk = cc_tokens(rest, rn, rt, CC_MAXTOK);
            if (rk > CC_OUTLET_WORDS) return 0;
            offer_owned(st, F_SOURCE, outlet_head(rest, rn), 2);
        }
    }
    const char *name = t[0].s;
    offer(st, F_AUTHOR, name, (size_t)(t[end - 1].s + t[end - 1].n - name), 1);
    return 1;
}

/* "(Outlet)" alone on a line. */
static int paren_credit(cc_state *st, const char *s, size_t n) {
    if (n < 3 || s[0] != '(' || s[n - 1] != ')') return 0;
    cc_tok t[CC_MAXTOK];
    size_t k = cc_tokens(s + 1, n - 2, t, CC_MAXTOK);
    if (!k || k > CC_OUTLET_WORDS) return 0;
    for (size_t i = 0; i < k; i++)
        if (!outlet_word(t[i].s, t[i].n) && !(i && connector(t[i]))) return 0;
    offer(st, F_SOURCE, s + 1, n - 2, 1);
    return 1;
}

/* "Source: Outlet" (short line). */
static int source_line(cc_state *st, const char *s, size_t n) {
    if (n < 9 || strncasecmp(s, "Source:", 7) != 0) return 0;
    cc_tok t[CC_MAXTOK];
    if (cc_tokens(s, n, t, CC_MAXTOK) > CC_DATELINE_WORDS) return 0;
    const char *v = s + 7;
    size_t vn = strcspn(v, "|");
    if (vn > (size_t)(s + n - v)) vn = (size_t)(s + n - v);
    offer_owned(st, F_SOURCE, outlet_head(v, vn), 1);
    dateline(st, s, n, 1);
    return 1;
}

/* Lead dateline "BEIJING, Dec. 17 (Xinhua) -- text": returns bytes to cut. */
static size_t lead_dateline(cc_state *st, const char *s, size_t n) {
    size_t lim = n < CC_LEAD_BYTES ? n : CC_LEAD_BYTES, i = 0;
    while (i < lim && (isupper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.')) i++;
    if (i < 3 || i >= lim || !(s[i] == ',' || s[i] == '(' || s[i] == ' ')) return 0;
    const char *o = memchr(s, '(', lim), *c = o ? memchr(o, ')', lim - (size_t)(o - s)) : NULL;
    if (!c) return 0;
    size_t j = (size_t)(c - s) + 1;
    while (j < n && s[j] == ' ') j++;
    size_t dl = 0;
    if (j + 2 < n && s[j] == '-' && s[j + 1] == '-') dl = 2;
    else if (j + 1 < n && s[j] == '-') dl = 1;
    else if (j + 3 < n && (memcmp(s + j, "\xE2\x80\x94", 3) == 0 || memcmp(s + j, "\xE2\x80\x93", 3) == 0)) dl = 3;
    if (!dl || j + dl >= n || s[j + dl] != ' ') return 0;
    cdate d;
    size_t a, e;
    if (cdate_scan(s, (size_t)(o - s), &d, &a, &e)) offer_date(st, d, 1);
    offer_owned(st, F_SOURCE, outlet_head(o + 1, (size_t)(c - o - 1)), 1);
    j += dl;
    while (j < n && s[j] == ' ') j++;
    return j;
}

/* ---- one block --------------------------------------------------------------------------- */

/* Remove credit parentheticals; *cap_end, *cap_start: a photo credit was
** at the end/start. Returns an owned copy. */
static char *strip_credit_parens(const char *s, int *cap_start, int *cap_end) {
    sbuf o = {0};
    size_t n = strlen(s), i = 0;
    *cap_start = *cap_end = 0;
    while (i < n) {
        if (s[i] == '(' || s[i] == '[') {
            char shut = s[i] == '(' ? ')' : ']';
            const char *c = memchr(s + i, shut, n - i);
            size_t lead = i + 1;
            while (lead < n && s[lead] == ' ') lead++;
            int hit = -1;
            for (size_t k = 0; c && k < sizeof CREDIT_PARENS / sizeof *CREDIT_PARENS; k++)
                if (strncasecmp(s + lead, CREDIT_PARENS[k].pat, strlen(CREDIT_PARENS[k].pat)) == 0) {
                    hit = (int)k;
                    break;
                }
            if (hit >= 0) {
                size_t after = (size_t)(c - s) + 1, z = after;
                while (z < n && (s[z] == ' ' || s[z] == '.')) z++;
                int at_start = 1;
                for (size_t q = 0; q < o.len; q++) if (o.s[q] != ' ') at_start = 0;
                if (CREDIT_PARENS[hit].photo && z == n) *cap_end = 1;
                if (CREDIT_PARENS[hit].photo && at_start) *cap_start = 1;
                if (o.len && o.s[o.len - 1] != ' ' && after < n && s[after] != ' ') sbuf_addc(&o, ' ');
                i = after;
                continue;
            }
        }
        sbuf_addc(&o, s[i]);
        i++;
    }
    char *r = sbuf_take(&o);
    size_t a = 0, e = strlen(r);
    while (a < e && r[a] == ' ') a++;
    while (e > a && r[e - 1] == ' ') e--;
    char *t = xstrndup(r + a, e - a);
    free(r);
    return t;
}

static int prose_shaped(const cclean_stats *s, int linkpct) {
    if (s->seps >= 2 || s->urls * 4 > s->words) return 0;
    if (s->social >= 2 && s->social * 3 >= s->words) return 0;
    if (linkpct > CC_LINK_PCT && s->words < CC_LINK_WORDS) return 0;
    if (s->endpunct && s->words >= CC_PROSE_MIN)
        return !(s->words >= 8 && s->stop * 100 < s->words * CC_STOP_MIN);
    if (s->endcolon && s->words >= 8 && s->stop * 4 >= s->words) return 1;
    return s->words >= CC_LONG_WORDS && s->stop * 100 >= s->words * CC_STOP_LONG;
}

static int nav_bar(const cclean_stats *s, int linkpct) {
    if (s->seps >= 2 || (s->urls && s->urls * 4 > s->words)) return 1;
    if (s->social >= 2 && (s->social * 3 >= s->words || (!s->endpunct && s->words <= 20))) return 1;
    return linkpct > CC_LINK_PCT && s->words < CC_LINK_WORDS && !s->endpunct;
}

static int headline_like(const char *s, const cclean_stats *st) {
    size_t n = strlen(s);
    if (st->words < CC_TITLE_MIN || st->words > CC_TITLE_MAX || n > CC_TITLE_BYTES) return 0;
    if (st->seps || st->urls || st->social >= 2 || st->endcolon) return 0;
    if (strncmp(s, "By ", 3) == 0 || strncmp(s, "BY ", 3) == 0) return 0;   /* failed byline */
    if (st->endpunct) {             /* only a question or exclamation */
        size_t e = n;
        while (e && strchr("\"')", s[e - 1])) e--;
        if (!e || (s[e - 1] != '?' && s[e - 1] != '!')) return 0;
    }
    return 1;
}

static void keep_kind(cc_state *st, char *text, int line, int prose, corpus_para_kind kind) {
    size_t o = 0;                   /* removals above may leave double spaces */
    for (size_t i = 0; text[i]; i++)
        if (!(text[i] == ' ' && (o == 0 || text[o - 1] == ' '))) text[o++] = text[i];
    while (o && text[o - 1] == ' ') o--;
    text[o] = '\0';
    st->p = xrealloc(st->p, (st->np + 1) * sizeof *st->p);
    st->p[st->np].text = text;
    st->p[st->np].line = line;
    st->p[st->np].prose = prose;
    st->p[st->np].kind = kind;
    st->np++;
}

static void drop_pending(cc_state *st) {
    free(st->pend);
    st->pend = NULL;
}

/* A paragraph of the article; a subheading waiting before it goes first. */
static void keep(cc_state *st, char *text, int line, int prose) {
    if (st->pend && prose) {
        keep_kind(st, st->pend, st->pend_line, 0, CORPUS_PARA_SUBHEAD);
        st->pend = NULL;
    }
    drop_pending(st);
    keep_kind(st, text, line, prose, prose ? CORPUS_PARA_BODY : CORPUS_PARA_ITEM);
}

/* A subheading: a short line starting upper-case (not a quotation mark), without closing period,
** menu separators or URLs, not a list item; kept only when a paragraph
** follows it (keep()). */
static int subhead_like(const char *s, const cclean_stats *st, int flags) {
    size_t n = strlen(s);
    if (st->words < CC_SUBHEAD_MIN || st->words > CC_SUBHEAD_MAX) return 0;
    if ((flags & CCLEAN_LINE_BULLET) || st->seps || st->urls || st->social) return 0;
    if (!cclean_upper_at(s, n)) return 0;      /* a quoted one repeats a quote of the body */
    if (st->endpunct) {
        size_t e = n;
        while (e && strchr("\"')", s[e - 1])) e--;
        if (!e || s[e - 1] != '?') return 0;
    }
    for (size_t i = 0; i < n; i++) if (isdigit((unsigned char)s[i]) && st->words <= 3) return 0;
    return 1;
}

/* Trim boilerplate sentences at both ends of text (owned, replaced).
** *whole: the word statistics of text (computed by the caller). *same set
** to 1 when the result is text unchanged. */
static char *trim_edges(cc_state *st, char *text, int cap_start, int cap_end, int *all_caption,
                        const cclean_stats *wholep, int *same) {
    size_t n = strlen(text);
    corpus_span *sp;
    size_t ns = cclean_sentences(text, n, &sp), a = 0, z = ns;
    *all_caption = 0;
    *same = 0;
    ckind *k = xcalloc(ns ? ns : 1, sizeof *k);
    for (size_t i = 0; i < ns; i++) k[i] = sent_kind(text + sp[i].start, sp[i].end - sp[i].start, 0);
    cclean_stats whole = *wholep;
    /* a short block ending in a photo credit is a caption as a whole */
    if (ns && (cap_end || k[ns - 1] == CK_CAPTION) && whole.words <= CC_CAPTION_WORDS) {
        *all_caption = 1;
    } else if (ns == 1 && k[0] == CK_CAPWEAK && whole.words <= CC_WEAKCAP_WORDS) {
        *all_caption = 1;
    }
    if (*all_caption) {
        harvest(st, text, n);
        free(k); free(sp); free(text);
        return NULL;
    }
    int cut_caption = cap_start;
    while (a < z) {                                 /* leading */
        int weak_cap = k[a] == CK_CAPWEAK && (cut_caption || (a + 1 < z && k[a + 1] == CK_CAPTION));
        if (!(k[a] != CK_NONE && k[a] != CK_CAPWEAK) && !weak_cap) break;
        cut_caption = k[a] == CK_CAPTION;
        harvest(st, text + sp[a].start, sp[a].end - sp[a].start);
        a++;
    }
    cut_caption = cap_end;
    while (z > a) {                                 /* trailing */
        ckind c = k[z - 1];
        if (!((c != CK_NONE && c != CK_CAPWEAK) || (c == CK_CAPWEAK && cut_caption))) break;
        cut_caption = c == CK_CAPTION;
        harvest(st, text + sp[z - 1].start, sp[z - 1].end - sp[z - 1].start);
        z--;
    }
    char *r = a < z ? xstrndup(text + sp[a].start, sp[z - 1].end - sp[a].start) : NULL;
    *same = r && sp[a].start == 0 && sp[z - 1].end == n;
    free(k); free(sp); free(text);
    return r;
}

static void classify(cc_state *st, cc_block *b) {
    const char *s = b->text;
    size_t n = strlen(s);
    cclean_stats sst;
    if (b->st) sst = *b->st;                    /* computed by the page stage */
    else cclean_stats_of(s, n, &sst);
    if (byline(st, s, n) || source_line(st, s, n) || paren_credit(st, s, n)) { drop_pending(st); return; }
    if (nav_bar(&sst, b->linkpct)) {
        drop_pending(st);
        cdate d;
        size_t a, e;
        if (cdate_scan(s, n, &d, &a, &e)) offer_date(st, d, 2);
        return;
    }
    if (!sst.endpunct && dateline(st, s, n, 1)) { drop_pending(st); return; }
    int cs, ce, allcap;
    char *t = strip_credit_parens(s, &cs, &ce);
    if (!st->seen_prose) {                          /* "CITY (Agency) -- " */
        size_t cut = lead_dateline(st, t, strlen(t));
        if (cut) { char *u = xstrdup(t + cut); free(t); t = u; }
    }
    /* The statistics are the costliest step here: the text is often left
    ** unchanged by the steps above, so reuse them when it is. */
    cclean_stats whole, ts;
    size_t tn = strlen(t);
    if (tn == n && memcmp(t, s, n) == 0) whole = sst;
    else cclean_stats_of(t, tn, &whole);
    int same;
    t = trim_edges(st, t, cs, ce, &allcap, &whole, &same);
    if (!t) {
        if (!allcap) drop_pending(st);          /* a promo or widget: no subheading above it */
        return;
    }
    if (same) ts = whole;
    else cclean_stats_of(t, strlen(t), &ts);
    if (same_text(t, st->cand[F_TITLE]) || same_text(t, st->have->title)) { free(t); return; }
    if (prose_shaped(&ts, b->linkpct)) {
        st->seen_prose = 1;
        keep(st, t, b->line, 1);
    } else if (!st->seen_prose && !st->rank[F_TITLE] && !(b->flags & CCLEAN_LINE_BULLET) &&
               headline_like(t, &ts)) {
        offer(st, F_TITLE, t, strlen(t), 1);
        free(t);
    } else if (st->seen_prose && (b->flags & CCLEAN_LINE_BULLET) && ts.words >= 6 &&
               ts.stop * 100 >= ts.words * CC_STOP_LONG) {
        keep(st, t, b->line, 0);                    /* list item; the tail pass checks it */
    } else if (st->seen_prose && subhead_like(t, &ts, b->flags)) {
        drop_pending(st);                           /* kept if a paragraph follows */
        st->pend = t;
        st->pend_line = b->line;
    } else {
        drop_pending(st);
        harvest(st, t, strlen(t));                  /* label, widget */
        free(t);
    }
}

/* Cut trailing bios from the end of the article backwards. */
/* 1 if text starts with the author's name, whole or its first word, and
** then a lower-case word ("NAME covers ...", "NAME has been ..."). */
static int starts_with_author(const char *text, const char *author) {
    if (!author) return 0;
    size_t first = strcspn(author, " ");
    size_t full = strcspn(author, ",;");
    while (full && author[full - 1] == ' ') full--;
    for (int k = 0; k < 2; k++) {
        size_t n = k ? first : full;
        if (n < 3 || strncasecmp(text, author, n) != 0 || text[n] != ' ') continue;
        if (islower((unsigned char)text[n + 1])) return 1;
    }
    return 0;
}

static void trim_tail(cc_state *st) {
    size_t bios = 0;                /* paragraphs at the end about the author */
    while (bios < st->np && bios < CC_BIO_PARAS) {
        cc_para *p = &st->p[st->np - 1 - bios];
        if (!p->prose || !starts_with_author(p->text, st->cand[F_AUTHOR])) break;
        cclean_stats bs;
        cclean_stats_of(p->text, strlen(p->text), &bs);
        if (bs.words > CC_BIO_WORDS) break;
        bios++;
    }
    if (bios && bios < st->np) {
        for (size_t k = 0; k < bios; k++) free(st->p[st->np - 1 - k].text);
        st->np -= bios;
    }
    while (st->np) {
        cc_para *p = &st->p[st->np - 1];
        if (!p->prose) { free(p->text); st->np--; continue; }
        size_t n = strlen(p->text), z;
        corpus_span *sp;
        size_t ns = cclean_sentences(p->text, n, &sp);
        for (z = ns; z > 0; z--) {
            const char *s = p->text + sp[z - 1].start;
            size_t sn = sp[z - 1].end - sp[z - 1].start;
            if (sent_kind(s, sn, 1) == CK_NONE) break;
            harvest(st, s, sn);
        }
        int changed = z < ns;
        char *rest = z ? xstrndup(p->text, sp[z - 1].end) : NULL;
        free(sp);
        if (!changed) { free(rest); break; }
        cclean_stats rs;
        if (rest) cclean_stats_of(rest, strlen(rest), &rs);
        if (rest && prose_shaped(&rs, 0)) {
            free(p->text);
            p->text = rest;
            break;
        }
        free(rest);
        free(p->text);
        st->np--;
    }
}

/* ---- entry point --------------------------------------------------------------------------- */

int corpus_clean(const char *body, int first_line, corpus_doc *doc, corpus_diag *d) {
    cc_state st;
    memset(&st, 0, sizeof st);
    st.have = &doc->meta;
    build_blocks(&st, body ? body : "", first_line);
    cclean_pblock *pb = xcalloc(st.nb ? st.nb : 1, sizeof *pb);
    for (size_t i = 0; i < st.nb; i++) {
        pb[i].text = st.b[i].text;
        pb[i].flags = st.b[i].flags;
        pb[i].linkpct = st.b[i].linkpct;
        pb[i].hash = cclean_line_hash(st.b[i].text, strlen(st.b[i].text));
        pb[i].files = cclean_furniture_files_hash(doc->furniture, pb[i].hash);
    }
    cclean_page(pb, st.nb);
    for (size_t i = 0; i < st.nb; i++) st.b[i].st = &pb[i].st;
    int titled = 0;
    for (size_t i = 0; i < st.nb; i++) {
        const char *nm;
        size_t nl;
        if (pb[i].role == CCLEAN_TITLE) offer(&st, F_TITLE, st.b[i].text, strlen(st.b[i].text), 1);
        if (pb[i].role == CCLEAN_BYLINE &&
            (nl = cclean_byline_name(st.b[i].text, strlen(st.b[i].text), &nm)) > 0)
            offer(&st, F_AUTHOR, nm, nl, 1);
        if (pb[i].role == CCLEAN_TITLE) titled = 1;
        if (pb[i].role == CCLEAN_IN || (pb[i].role == CCLEAN_BYLINE && titled))
            classify(&st, &st.b[i]);            /* a byline above the headline: author only */
        if (pb[i].role == CCLEAN_OUT || pb[i].role == CCLEAN_FURNITURE) drop_pending(&st);
    }
    free(pb);
    drop_pending(&st);
    trim_tail(&st);
    for (size_t i = 0; i < st.np; i++)
        corpus_doc_add_para_kind(doc, st.p[i].text, st.p[i].line, st.p[i].kind);
    corpus_meta_fill(&doc->meta.title, st.cand[F_TITLE]);
    corpus_meta_fill(&doc->meta.published, st.cand[F_PUBLISHED]);
    corpus_meta_fill(&doc->meta.author, st.cand[F_AUTHOR]);
    corpus_meta_fill(&doc->meta.source, st.cand[F_SOURCE]);
    for (size_t i = 0; i < st.nb; i++) free(st.b[i].text);
    for (int f = 0; f < F_N; f++) free(st.cand[f]);
    free(st.b);
    free(st.p);
    if (!doc->npara) {
        corpus_warn(d, first_line, "no article text left after removing boilerplate");
        return -1;
    }
    return 0;
}
