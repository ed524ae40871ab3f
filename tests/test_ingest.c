/*
** tests/test_ingest.c: the driver (corpus_ingest_bytes): metadata
** precedence, derived titles, slugs, source from the url, refusals.
** Inputs are written so that the result does not depend on how the
** cleaning and sentence stages split them.
*/
#include "corpus/corpus.h"
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
        corpus_diag d = { "in/story.txt", 0, 1 };
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
        corpus_diag d = { "x.txt", 0, 1 };
        size_t n = rows[i].n ? rows[i].n : strlen(rows[i].in);
        T_INT(corpus_ingest_bytes("x.txt", rows[i].in, n, NULL, &a, &d), -1);
        T_OK(d.nwarn >= 1);
        T_OK(a.path == NULL && a.slug == NULL);   /* nothing left to free */
    }
}

int main(void) {
    T_RUN(test_table);
    T_RUN(test_refused);
    return T_DONE();
}
