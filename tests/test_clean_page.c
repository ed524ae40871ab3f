/*
** tests/test_clean_page.c: the page stage of the cleaning (a whole page
** copied from a browser: corpus_clean_page.c), the build's furniture
** (corpus_furniture.c) and paragraph kinds seen by summary and events.
**
** Every page below is written for one rule: a header of site furniture,
** the headline, its byline, a short article (ARTICLE, about a harbour) and
** a footer. Rows give the expected title, author and paragraphs (joined by
** '\n'), or a line that must (not) be in the body.
*/
#include "corpus/corpus.h"
#include "corpus/corpus_clean_int.h"
#include "common/util.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

/* Three paragraphs, 100 words of prose: enough to judge a page. */
#define P1 "The harbour of Port Elder reopened on Sunday after two weeks of repairs to the old sea wall, which the storm of early March had broken in three places."
#define P2 "Fishing boats returned to the inner basin on Monday morning, and the harbour master said that the first catch of the season would be landed by the end of the week."
#define P3 "The town council has set aside money for a second phase of the work, which is to start in the autumn and should protect the market square from high tides."
#define ARTICLE P1 "\n\n" P2 "\n\n" P3 "\n"
#define BODY P1 "\n" P2 "\n" P3

#define MENU "Skip to content\n\nHome\nNews\nSport\nWeather\nSign in\n\n"
#define FOOT "\nRelated stories\n\n  \xE2\x80\xA2 Storm damage counted along the coast\n" \
             "  \xE2\x80\xA2 Ferry timetable changes for the summer\n\n" \
             "\xC2\xA9 2024 Example Media. All rights reserved.\n"

static char *joined(const corpus_doc *doc) {
    sbuf b = {0};
    for (size_t i = 0; i < doc->npara; i++) {
        if (i) sbuf_addc(&b, '\n');
        sbuf_adds(&b, doc->paras[i]);
    }
    return sbuf_take(&b);
}

typedef struct page_row {
    const char *name;
    const char *in;
    const char *title, *author;     /* expected; NULL: none found */
    const char *paras;              /* expected body, or NULL: not checked */
    const char *absent;             /* a line that must not be in the body, or NULL */
    const char *present;            /* a line that must be in the body, or NULL */
} page_row;

static const page_row ROWS[] = {
    /* ---- title choice ---- */
    {"headline, not the first line (skip link, menu)",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" ARTICLE FOOT,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"headline before a byline wins over a list of headlines",
     MENU "Most read\n\nCouncil votes on new parking rules\nSchool term dates confirmed for next year\n"
     "Lifeboat crew honoured at ceremony\n\nCoast\n\nHarbour reopens after storm repairs\n\n"
     "By Jane Roe\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"headline repeated as the window title and again at the top",
     "Harbour reopens after storm repairs - Example News\n\n" MENU
     "Harbour reopens after storm repairs\n\nMarch 18, 2024\n\n" ARTICLE,
     "Harbour reopens after storm repairs", NULL, BODY, NULL, NULL},
    {"call to action is no headline",
     "Upgrade to Premium\n\nReady to publish your story?\n\nHarbour reopens after storm repairs\n\n"
     "By Jane Roe\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"headline ending in an abbreviation",
     MENU "Storm repairs end at the harbour in Port Elder, N.Y.\n\nBy Jane Roe\n\n" ARTICLE,
     "Storm repairs end at the harbour in Port Elder, N.Y.", "Jane Roe", BODY, NULL, NULL},
    {"UI words count as whole words only",
     MENU "Shareholders back research into a new sea wall\n\nBy Jane Roe\n\n" ARTICLE,
     "Shareholders back research into a new sea wall", "Jane Roe", BODY, NULL, NULL},
    /* ---- bylines ---- */
    {"byline with a date in capitals",
     MENU "Harbour reopens after storm repairs\n\nBy JANE ROE JAN. 13, 2017\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "JANE ROE", BODY, NULL, NULL},
    {"byline with time and handle",
     MENU "Harbour reopens after storm repairs\n\nShare on Facebook\nShare on Twitter\nPrint Article\n"
     "By Jane Roe March 18 at 3:57 PM  Follow @janeroe\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"two names and an update",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe and John Q. Public | Updated March 18, 2024\n\n"
     ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe and John Q. Public", BODY, NULL, NULL},
    {"name with a role, lower-case by with a colon",
     MENU "Harbour reopens after storm repairs\n\n  \xE2\x80\xA2 by: Jane Roe, Staff Writer\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"name and handle alone",
     MENU "Harbour reopens after storm repairs\n\nJane Roe, @janeroe\n03.18.24 in Coast\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"a month as a middle name",
     MENU "Harbour reopens after storm repairs\n\nby Laura June Roe July 10, 2015\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Laura June Roe", BODY, NULL, NULL},
    {"a name in the headline is its subject, not the author",
     MENU "Mayor Tom Hale opens the harbour again\n\nTom Hale\n\n" ARTICLE,
     "Mayor Tom Hale opens the harbour again", NULL, BODY, NULL, NULL},
    {"a name from a list above the headline is not the author",
     "The Latest\n\nAnna Berg\nMore rain on the way\n\nMark Stone\nBridge closed for a week\n\n"
     "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    /* ---- boilerplate classes ---- */
    {"browser notice and ad countdown",
     "Your browser is not supported. Please upgrade your browser.\n\nHarbour reopens after storm repairs\n\n"
     "By Jane Roe\n\nYou can skip this ad in 5 seconds.\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"video notice inside the article",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n"
     "Sorry, this video is not available in your region.\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"comments and reader comments after the article",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" ARTICLE
     "\n36 Comments\n\nSign in to comment.\n\nseaview_22\n\nI was there on Sunday and the wall looks great now.\n\nReply\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"author bio after the article",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" ARTICLE
     "\nJane Roe covers the coast and its towns for the paper. She lives in Port Elder.\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"teaser list with summaries after the article (indented list items)",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" ARTICLE
     "\nRecommended for you\n\n  \xE2\x80\xA2\n    Ferry company adds a second boat for the summer\n\n"
     "    The ferry company said on Friday that demand had grown so much that a second boat would run from June.\n\n"
     "  \xE2\x80\xA2\n    Lighthouse keeper retires after forty years\n\n"
     "    The last keeper of the lighthouse at Port Elder retired this week, and the light will now be run from the mainland.\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"link card that repeats its title, teaser cut short",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n"
     "How Sea Walls Are Built How Sea Walls Are Built How Sea Walls Are Built\n\n"
     "Engineers have long argued about the best shape for a wall that faces,\xE2\x80\xA6 Read more\n\n"
     P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"standfirst between headline and byline stays out",
     MENU "Harbour reopens after storm repairs\n\nTwo weeks of work on the sea wall are over, and the boats are back.\n\n"
     "By Jane Roe\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"newsletter box inside the article does not end it",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\nNewsletter\n\n"
     "Get the coast delivered to your inbox\n\nSubscribe now\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    /* ---- subheadings and captions ---- */
    {"subheading kept as its own paragraph",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\nA second phase\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", P1 "\nA second phase\n" P2 "\n" P3, NULL, NULL},
    {"caption before a credit line dropped",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n"
     "Boats in the inner basin on Monday.\n\nJane Roe/Example Media\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"caption ending in an agency credit dropped",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n"
     "March 18, 2024 Workers on the sea wall at Port Elder. John Doe/AFP/Getty Images\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"caption with a credit label dropped",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n"
     "The sea wall at dusk on Sunday Credit: Example Media\n\n" P2 "\n\n" P3 "\n",
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    {"repeated gallery caption dropped",
     MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\nBoats crowd the harbour as the season begins again.\n"
     "View Photos\nBoats crowd the harbour as the season begins again.\n\n" ARTICLE,
     "Harbour reopens after storm repairs", "Jane Roe", BODY, NULL, NULL},
    /* ---- short texts: nothing is cut ---- */
    {"short text keeps its old rules",
     "Harbour reopens on Sunday\n\nThe port reopened on Sunday.\n",
     "Harbour reopens on Sunday", NULL, "The port reopened on Sunday.", NULL, NULL},
};

static void test_rows(void) {
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
        const page_row *r = &ROWS[i];
        t_current = r->name;
        corpus_diag d = {"row", 0, 1, NULL};
        corpus_doc doc = {0};
        T_INT(corpus_clean(r->in, 1, &doc, &d), 0);
        T_STR(doc.meta.title, r->title);
        T_STR(doc.meta.author, r->author);
        char *j = joined(&doc);
        if (r->paras) T_STR(j, r->paras);
        if (r->absent && strstr(j, r->absent)) T_FAIL_("body holds \"%s\"", r->absent);
        if (r->present) T_HAS(j, r->present);
        free(j);
        corpus_doc_free(&doc);
    }
}

/* Kinds: the subheading is marked, the rest is body. */
static void test_kinds(void) {
    corpus_diag d = {"kinds", 0, 1, NULL};
    corpus_doc doc = {0};
    T_INT(corpus_clean(MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1
                       "\n\nA second phase\n\n" P2 "\n", 1, &doc, &d), 0);
    T_INT(doc.npara, 3);
    if (doc.npara == 3) {
        T_INT(doc.para_kind[0], CORPUS_PARA_BODY);
        T_INT(doc.para_kind[1], CORPUS_PARA_SUBHEAD);
        T_INT(doc.para_kind[2], CORPUS_PARA_BODY);
        T_OK(corpus_doc_is_body(&doc, 0) && !corpus_doc_is_body(&doc, 1));
    }
    corpus_doc_free(&doc);
}

/* Lines recurring across files are furniture: dropped even inside the
** article; a line found in one file only stays. */
static void test_furniture(void) {
    const char *promo = "Support independent local journalism and join our members today";
    const char *other = MENU "Bridge to close for a week\n\nBy Mark Stone\n\n"
                        "The old bridge will close on Monday for a week of repairs, the council said.\n\n"
                        "Support independent local journalism and join our members today\n";
    char *page = NULL;
    sbuf b = {0};
    sbuf_addf(&b, MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n" P1 "\n\n%s\n\n" P2
              "\n\n" P3 "\n", promo);
    page = sbuf_take(&b);
    corpus_furniture *f = corpus_furniture_create();
    corpus_furniture_add_file(f, page);
    T_INT(corpus_furniture_files(f, promo, strlen(promo)), 1);
    corpus_furniture_add_file(f, other);
    T_INT(corpus_furniture_files(f, promo, strlen(promo)), 2);
    T_INT(corpus_furniture_files(f, "Support independent local journalism, and join our members today!", 66), 2);
    T_INT(corpus_furniture_files(f, P1, strlen(P1)), 1);
    T_INT(corpus_furniture_files(NULL, P1, strlen(P1)), 0);
    corpus_diag d = {"furniture", 0, 1, NULL};
    corpus_doc doc = {0};
    doc.furniture = f;
    T_INT(corpus_clean(page, 1, &doc, &d), 0);
    char *j = joined(&doc);
    T_STR(j, BODY);
    free(j);
    corpus_doc_free(&doc);
    corpus_doc nof = {0};                   /* without the build's evidence it stays */
    T_INT(corpus_clean(page, 1, &nof, &d), 0);
    j = joined(&nof);
    T_HAS(j, promo);
    free(j);
    corpus_doc_free(&nof);
    corpus_furniture_destroy(f);
    corpus_furniture_destroy(NULL);
    /* the same article twice in one build: its paragraphs are no furniture */
    f = corpus_furniture_create();
    const char *twice = MENU "Harbour reopens after storm repairs\n\nBy Jane Roe\n\n"
                        "The harbour reopened on Sunday after two weeks of repairs.\n\n"
                        "Boats came back to the inner basin on Monday morning.\n\n"
                        "The council will pay for a second phase of work in the autumn, it said.\n\n"
                        "The town hopes the new wall will stand for a hundred years or more.\n\n"
                        "Fishermen said they were glad to be back at sea after the long wait.\n";
    corpus_furniture_add_file(f, twice);
    corpus_furniture_add_file(f, twice);
    corpus_doc two = {0};
    two.furniture = f;
    T_INT(corpus_clean(twice, 1, &two, &d), 0);
    T_INT(two.npara, 5);
    T_STR(two.meta.title, "Harbour reopens after storm repairs");
    corpus_doc_free(&two);
    corpus_furniture_destroy(f);
    free(page);
}

/* Item 3: a subheading or list item never becomes a summary sentence or
** an event; quotes skip subheadings. */
static void test_summary_skips_subheads(void) {
    corpus_doc doc = {0};
    corpus_meta_set(&doc.meta.published, "2024-03-18");
    corpus_doc_add_para_kind(&doc, xstrdup("On Monday the harbour reopened, officials said."), 1,
                             CORPUS_PARA_SUBHEAD);
    corpus_doc_add_para(&doc, xstrdup(P1), 2);
    corpus_doc_add_para_kind(&doc, xstrdup("In March 2023 the wall first cracked, a list said."), 3,
                             CORPUS_PARA_ITEM);
    corpus_doc_add_para(&doc, xstrdup(P2), 4);
    corpus_doc_add_para(&doc, xstrdup(P3), 5);
    corpus_doc_add_para_kind(&doc, xstrdup("\"We are open again for every boat in town,\" the mayor said"), 6,
                             CORPUS_PARA_SUBHEAD);
    corpus_strv sum = {0};
    T_INT(corpus_summarize(&doc, &sum), 0);
    for (size_t i = 0; i < sum.n; i++) {
        t_current = "summary";
        if (strstr(sum.v[i], "officials said") || strstr(sum.v[i], "list said"))
            T_FAIL_("summary sentence from a subheading or list item: %s", sum.v[i]);
    }
    corpus_strv_free(&sum);
    corpus_event *ev = NULL;
    size_t nev = 0;
    T_INT(corpus_events(&doc, &ev, &nev), 0);
    for (size_t i = 0; i < nev; i++) T_OK(ev[i].para != 0 && ev[i].para != 2);
    corpus_events_free(ev, nev);
    corpus_quote *q = NULL;
    size_t nq = 0;
    T_INT(corpus_quotes(&doc, &q, &nq), 0);
    for (size_t i = 0; i < nq; i++) T_OK(q[i].para != 5);
    corpus_quotes_free(q, nq);
    corpus_doc_free(&doc);
}

/* Byline names alone. */
static void test_byline_name(void) {
    static const struct { const char *in, *want; } R[] = {
        {"By Jane Roe", "Jane Roe"},
        {"by: Jane Roe, Senior Staff Writer, Example Media", "Jane Roe"},
        {"By JANE ROE JAN. 13, 2017", "JANE ROE"},
        {"By Jane Roe and John Public | Updated", "Jane Roe and John Public"},
        {"Written by Jane Roe", "Jane Roe"},
        {"by Jane Roe22 Dec 2016651", "Jane Roe"},
        {"Jane Roe \xE2\x80\xA2 8h", "Jane Roe"},
        {"By the harbour", NULL},
        {"By TMZ STAFF", NULL},
        {"Facebook Twitter", NULL},
    };
    for (size_t i = 0; i < sizeof R / sizeof *R; i++) {
        t_current = R[i].in;
        const char *nm = NULL;
        size_t n = cclean_byline_name(R[i].in, strlen(R[i].in), &nm);
        char *got = n ? xstrndup(nm, n) : NULL;
        T_STR(got, R[i].want);
        free(got);
    }
}

int main(void) {
    T_RUN(test_rows);
    T_RUN(test_kinds);
    T_RUN(test_furniture);
    T_RUN(test_summary_skips_subheads);
    T_RUN(test_byline_name);
    return T_DONE();
}
