/*
** tests/test_damage.c: damaged text is reported (src/corpus/corpus_damage.c).
** Table-driven: each row is a small article written for one rule, with the
** warning it must give (or none: sound text that looks a bit like damage).
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *name;
    const char *paras[3];       /* up to three paragraphs */
    const char *want;           /* part of the one warning expected; NULL: no warning */
} ROWS[] = {
    {"digits before units", {"The company will invest . trillion yuan in new networks.",
                             "Sales grew  percent last year and profits by  percent."},
     "digits missing"},
    {"one unit word after a verb is no damage", {"Results are measured in percent, not points.",
                                                 "A million people watched it."}, NULL},
    {"numbers before units", {"It grew 7 percent to $4.2 trillion, with 670 million users.",
                              "Hundreds of millions watched; a billion more listened."}, NULL},
    {"decade stripped", {"Since the s, the region has grown fast."}, "decade"},
    {"decades with digits", {"Since the 1990s and the 1950's, and in the '80s too."}, NULL},
    {"possessives stripped", {"Chinas ministry said the plan helps China.",
                              "The countrys growth and the citys budget both fell.",
                              "Chinas firms dont agree."}, "apostrophes"},
    {"plurals of names are no damage", {"Americans and Democrats met the American envoy.",
                                        "The Koreas and the Americas; the Democrat spoke.",
                                        "Islamists were named by an Islamist."}, NULL},
    {"words run together", {"Officials said.The plan failed.It was late.Then it ended."},
     "run together"},
    {"camel case", {"The securityChina programme and the reportThe findings, and the testWeChat app."},
     "run together"},
    {"brands are no damage", {"Users of iPhone, eBay, YouTube and WeChat agreed. U.S. officials said."},
     NULL},
    {"mojibake", {"The caf\xc3\x83\xc2\xa9 opened on the main square."}, "mojibake"},
    {"accents are fine", {"The caf\xc3\xa9 opened; \xe2\x80\x9cit\xe2\x80\x99s good,\xe2\x80\x9d she said."},
     NULL},
};

static void test_rows(void) {
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
        t_current = ROWS[i].name;
        corpus_doc doc = {0};
        for (int k = 0; k < 3 && ROWS[i].paras[k]; k++)
            corpus_doc_add_para(&doc, xstrdup(ROWS[i].paras[k]), 10 + k);
        corpus_diag d = {"row.txt", 0, 1, NULL};
        int n = corpus_damage_check(&doc, &d);
        T_INT(n, ROWS[i].want ? 1 : 0);
        T_INT(d.nwarn, n);
        corpus_doc_free(&doc);
    }
}

/* The warning names the file, the paragraph's line and a sample. */
static void test_message(void) {
    corpus_doc doc = {0};
    corpus_doc_add_para(&doc, xstrdup("A first sound paragraph."), 3);
    corpus_doc_add_para(&doc, xstrdup("Since the s, the West has tried to assert its influence."), 7);
    char tmpl[] = "/tmp/vitrine-damage-XXXXXX";
    int fd = mkstemp(tmpl);
    T_OK(fd >= 0);
    if (fd < 0) { corpus_doc_free(&doc); return; }
    int saved = dup(2);
    dup2(fd, 2);
    corpus_diag d = {"story.txt", 0, 0, NULL};
    corpus_damage_check(&doc, &d);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    size_t len = 0;
    char *out = t_slurp(tmpl, &len);
    unlink(tmpl);
    T_HAS(out, "story.txt:7:");
    T_HAS(out, "Since the s, the West");
    free(out);
    corpus_doc_free(&doc);
}

/* Thousands of candidates: bounded work, no crash. */
static void test_large(void) {
    sbuf b = {0};
    for (int i = 0; i < 20000; i++) sbuf_adds(&b, "Chinas Bank grew  percent. ");
    sbuf_adds(&b, "China agreed.");
    corpus_doc doc = {0};
    corpus_doc_add_para(&doc, sbuf_take(&b), 1);
    corpus_diag d = {"big.txt", 0, 1, NULL};
    T_INT(corpus_damage_check(&doc, &d), 2);
    corpus_doc_free(&doc);
}

int main(void) {
    T_RUN(test_rows);
    T_RUN(test_message);
    T_RUN(test_large);
    return T_DONE();
}
