/*
** tests/test_ingest.c: the driver (corpus_ingest_bytes): metadata
** precedence, derived titles, slugs, source from the url, refusals.
** Inputs are written so that the result does not depend on how the
** cleaning and sentence stages split them.
*/
#include "corpus/corpus.h"
#include "common/bounds.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

#define BODY "The regional council approved the new budget for public transport and schools " \
    "after a long debate on Monday evening. Members argued for hours about the cost. " \
    "The vote was close, and several members abstained from it in the end.\n"

static const struct {
    const char *name;
    const char *text;
    const char *sidecar;
    const char *title, *source, *published, *slug;
    int min_warn;           /* at least this many warnings */
} cases[] = {
    { "sidecar overrides front matter",
      "---\ntitle: From front matter\ndate: 2019-05-04T10:00:00Z\n---\n" BODY,
      "title = From the sidecar\nsource = Daily Paper\n",
      "From the sidecar", "Daily Paper", "2019-05-04", "from-the-sidecar", 0 },
    { "source from the url host",
      "---\ntitle: T one\ndate: 2019-05-04\nguid: https://www.Example.ORG:8080/?p=1\n---\n" BODY,
      NULL, "T one", "example.org", "2019-05-04", "t-one", 0 },
    { "derived title: 12 words and an ellipsis",
      BODY, "published = 2020\n",
      "The regional council approved the new budget for public transport and schools\xe2\x80\xa6",
      NULL, "2020", "the-regional-council-approved-the-new-budget-for-public", 1 },
    { "slug folds accents, drops apostrophes and punctuation",
      BODY, "title = Zoë's Café: 2015 — “Ünïcode” & more!\npublished = 2020-01-02\n",
      "Zoë's Café: 2015 — “Ünïcode” & more!",
      NULL, "2020-01-02", "zoes-cafe-2015-unicode-more", 0 },
    { "long slug cut at a word boundary",
      BODY, "title = Internationalization considerations overwhelmingly complicate straightforward implementations everywhere\npublished = 2020\n",
      NULL, NULL, "2020", "internationalization-considerations-overwhelmingly", 0 },
    { "no slug characters", BODY, "title = \xe6\x96\xb0\xe6\xb5\xaa\npublished = 2020\n",
      "\xe6\x96\xb0\xe6\xb5\xaa", NULL, "2020", "article", 0 },
    { "no date: warning", BODY, "title = Dated nothing\n", "Dated nothing", NULL, NULL,
      "dated-nothing", 1 },
};

static void test_table(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        t_current = cases[i].name;
        corpus_article a;
        corpus_diag d = { "in/story.txt", 0, 1, NULL };
        int rc = corpus_ingest_bytes("in/story.txt", cases[i].text, strlen(cases[i].text),
                                     cases[i].sidecar, &a, &d);
        T_INT(rc, 0);
        if (rc) continue;
        if (cases[i].title) T_STR(a.doc.meta.title, cases[i].title);
        T_STR(a.doc.meta.source, cases[i].source);
        T_STR(a.doc.meta.published, cases[i].published);
        T_STR(a.slug, cases[i].slug);
        T_OK(strlen(a.slug) <= 60 && a.slug[strlen(a.slug) - 1] != '-');
        T_OK(d.nwarn >= cases[i].min_warn);
        T_STR(a.path, "in/story.txt");
        T_OK(a.doc.npara >= 1);
        corpus_article_free(&a);
    }
}

static void test_refused(void) {
    static const struct { const char *in; size_t n; } rows[] = {
        { "", 0 }, { "   \n\n", 5 }, { "\x01\x02\x03\x00", 4 },
        { "---\ntitle: Only front matter\n---\n", 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        corpus_article a;
        corpus_diag d = { "x.txt", 0, 1, NULL };
        size_t n = rows[i].n ? rows[i].n : strlen(rows[i].in);
        T_INT(corpus_ingest_bytes("x.txt", rows[i].in, n, NULL, &a, &d), -1);
        T_OK(d.nwarn >= 1);
        T_OK(a.path == NULL && a.slug == NULL);   /* nothing left to free */
    }
}

/* Body length of a (paragraphs joined by a blank line, as the database has it). */
static size_t body_len(const corpus_article *a) {
    size_t n = 0;
    for (size_t i = 0; i < a->doc.npara; i++) n += strlen(a->doc.paras[i]) + (i ? 2 : 0);
    return n;
}

/* The ingest writes within the schema contract's bounds (common/bounds.h),
** the same the app cuts to: a long article keeps its first paragraphs, one
** enormous paragraph is cut at a word, a title beyond the bound is cut, and
** a quote or event sentence beyond it is left out; each with a warning. */
static void test_bounds(void) {
    static const char para[] = "The council met again on Monday to discuss the harbour, the "
        "ferries and the new bridge, and members argued about the cost for hours. ";
    const size_t plen = sizeof para - 1;
    /* 1. paragraphs past VITRINE_BODY_MAX */
    size_t np = VITRINE_BODY_MAX / (plen * 3) + 40, cap = np * (plen * 3 + 2) + 64;
    char *t = malloc(cap), *w = t;
    for (size_t i = 0; i < np; i++) {
        for (int k = 0; k < 3; k++) { memcpy(w, para, plen); w += plen; }
        *w++ = '\n'; *w++ = '\n';
    }
    *w = 0;
    corpus_article a;
    corpus_diag d = { "long.txt", 0, 1, NULL };
    T_INT(corpus_ingest_bytes("long.txt", t, strlen(t), "title = Long\n", &a, &d), 0);
    T_OK(body_len(&a) <= VITRINE_BODY_MAX);
    T_OK(body_len(&a) > VITRINE_BODY_MAX - 3 * plen - 2);    /* nothing more than needed */
    T_OK(d.nwarn >= 1);
    corpus_article_free(&a);
    /* 2. one paragraph past it, no line breaks */
    w = t;
    for (size_t i = 0; i < np * 3; i++) { memcpy(w, para, plen); w += plen; }
    *w = 0;
    d.nwarn = 0;
    T_INT(corpus_ingest_bytes("one.txt", t, strlen(t), "title = One\n", &a, &d), 0);
    T_INT((int)a.doc.npara, 1);
    T_OK(a.doc.npara && strlen(a.doc.paras[0]) <= VITRINE_BODY_MAX);
    T_OK(d.nwarn >= 1);
    corpus_article_free(&a);
    /* 3. a title and a quoted sentence past VITRINE_TEXT_MAX */
    size_t qn = VITRINE_TEXT_MAX + 200;
    char *title = malloc(qn + 16);
    memcpy(title, "title = ", 8);
    for (size_t i = 0; i < qn; i++) title[8 + i] = i % 7 == 6 ? ' ' : 'a';
    memcpy(title + 8 + qn, "\n", 2);
    w = t;
    w += sprintf(w, "%s%s", BODY, "\"");
    for (size_t i = 0; i < qn; i++) *w++ = i % 7 == 6 ? ' ' : 'b';
    w += sprintf(w, ",\" said Mayor Ann Lee on Monday.\n\n%s", BODY);
    d.nwarn = 0;
    T_INT(corpus_ingest_bytes("q.txt", t, strlen(t), title, &a, &d), 0);
    T_OK(a.doc.meta.title && strlen(a.doc.meta.title) <= VITRINE_TEXT_MAX);
    for (size_t i = 0; i < a.nquotes; i++) T_OK(strlen(a.quotes[i].text) <= VITRINE_TEXT_MAX);
    for (size_t i = 0; i < a.summary.n; i++) T_OK(strlen(a.summary.v[i]) <= VITRINE_TEXT_MAX);
    T_OK(d.nwarn >= 1);
    corpus_article_free(&a);
    free(title);
    free(t);
}

int main(void) {
    T_RUN(test_table);
    T_RUN(test_bounds);
    T_RUN(test_refused);
    return T_DONE();
}
