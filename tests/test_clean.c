/*
** tests/test_clean.c: the cleaning stage (corpus_clean and its helpers).
**
** Table rows are small inputs written for one rule each: the expected
** paragraphs (joined by '\n') and metadata. Then a synthetic fixture with
** every kind of boilerplate, and general properties of the bundled corpus.
** Run from the repository root (tests/run.sh does).
*/
#include "corpus/corpus.h"
#include "corpus/corpus_clean_int.h"
#include "common/util.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

/* Paragraphs joined by '\n' (owned). */
static char *joined(const corpus_doc *doc) {
    sbuf b = {0};
    for (size_t i = 0; i < doc->npara; i++) {
        if (i) sbuf_addc(&b, '\n');
        sbuf_adds(&b, doc->paras[i]);
    }
    return sbuf_take(&b);
}

typedef struct clean_row {
    const char *name;
    const char *in;
    const char *paras;      /* expected paragraphs joined by '\n'; NULL: clean fails */
    const char *title, *published, *author, *source;
} clean_row;

static const clean_row ROWS[] = {
    /* ---- normalisation ---- */
    {"entities named and numeric",
     "Tom &amp; Jerry said &#8220;hi&#8221; and &lsquo;bye&#x2019; to&nbsp;all.\n",
     "Tom & Jerry said \xE2\x80\x9Chi\xE2\x80\x9D and \xE2\x80\x98" "bye\xE2\x80\x99 to all.",
     NULL, NULL, NULL, NULL},
    {"windows-1252 numeric reference",
     "The mayor&#146;s plan was approved on Monday.\n",
     "The mayor\xE2\x80\x99s plan was approved on Monday.", NULL, NULL, NULL, NULL},
    {"unknown entity stays literal",
     "Profits &foo; rose by a third at the firm.\n",
     "Profits &foo; rose by a third at the firm.", NULL, NULL, NULL, NULL},
    {"markdown link reduced to its text",
     "[The port reopened on Sunday](https://example.org/a?b=1) after two weeks of repairs.\n",
     "The port reopened on Sunday after two weeks of repairs.", NULL, NULL, NULL, NULL},
    {"markdown image dropped, emphasis marks dropped",
     "![harbour at dusk](https://example.org/h.jpg)\n\nThe **new** port opened on Sunday.\n",
     "The new port opened on Sunday.", NULL, NULL, NULL, NULL},
    {"html tags stripped, block tags split",
     "<p>The <b>minister</b> spoke on Monday.</p><p>He left at noon after the talks.</p>\n",
     "The minister spoke on Monday.\nHe left at noon after the talks.", NULL, NULL, NULL, NULL},
    {"escaped tag is text, not a tag",
     "The sign read &lt;b&gt; in the picture, he said.\n",
     "The sign read <b> in the picture, he said.", NULL, NULL, NULL, NULL},
    {"spaces collapsed inside a paragraph",
     "The  minister\tspoke  on Monday.\n",
     "The minister spoke on Monday.", NULL, NULL, NULL, NULL},
    {"typographic quotes kept",
     "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said.\n",
     "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said.", NULL, NULL, NULL, NULL},
    {"zero-width characters dropped",
     "The vote\xE2\x80\x8B was close on Monday.\n",
     "The vote was close on Monday.", NULL, NULL, NULL, NULL},
    /* ---- paragraphs ---- */
    {"one paragraph per line",
     "The first line is a sentence of prose.\nThe second line is another sentence.\n",
     "The first line is a sentence of prose.\nThe second line is another sentence.",
     NULL, NULL, NULL, NULL},
    {"hard-wrapped lines joined",
     "The committee met on Tuesday to discuss the budget and\n"
     "agreed to delay the vote until the spring session so\n"
     "that members could review the figures in more detail.\n",
     "The committee met on Tuesday to discuss the budget and agreed to delay the vote "
     "until the spring session so that members could review the figures in more detail.",
     NULL, NULL, NULL, NULL},
    {"three spaces separate glued blocks",
     "A crane is pictured at the port in Harbortown. Photo by Jane Roe For Harbor Gazette"
     "    The ministry announced new port rules on Monday. Officials said more would follow.\n",
     "The ministry announced new port rules on Monday. Officials said more would follow.",
     NULL, NULL, NULL, "Harbor Gazette"},
    {"non-breaking spaces separate blocks",
     "(Northern Ledger)\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0 10:15, March 3, 2019\n"
     "The river rose by two metres overnight, officials said.\n",
     "The river rose by two metres overnight, officials said.",
     NULL, "2019-03-03", NULL, "Northern Ledger"},
    /* ---- title ---- */
    {"headline becomes title, repeat dropped",
     "Council approves new harbour plan\n\nCouncil approves new harbour plan\n"
     "The council voted on Tuesday to approve the plan.\n",
     "The council voted on Tuesday to approve the plan.",
     "Council approves new harbour plan", NULL, NULL, NULL},
    {"markdown heading becomes title",
     "# Storm closes schools across the valley\n\nHeavy rain closed schools on Monday.\n",
     "Heavy rain closed schools on Monday.",
     "Storm closes schools across the valley", NULL, NULL, NULL},
    {"no title when the article starts with prose",
     "The port reopened on Sunday.\n\nTraffic was light, officials said.\n",
     "The port reopened on Sunday.\nTraffic was light, officials said.", NULL, NULL, NULL, NULL},
    {"subheading between paragraphs kept as its own paragraph",
     "The first paragraph is here.\n\nA new approach\n\nThe second paragraph is here.\n",
     "The first paragraph is here.\nA new approach\nThe second paragraph is here.", NULL, NULL, NULL, NULL},
    {"quoted subheading dropped",
     "The first paragraph is here.\n\n\xE2\x80\x98" "Clean streets\xE2\x80\x99\n\nThe second paragraph is here.\n",
     "The first paragraph is here.\nThe second paragraph is here.", NULL, NULL, NULL, NULL},
    /* ---- bylines and datelines ---- */
    {"byline gives the author",
     "Storm hits coastal towns\n\nBy Maria L. Gomez\n\nHeavy rain flooded streets on Sunday, officials said.\n",
     "Heavy rain flooded streets on Sunday, officials said.",
     "Storm hits coastal towns", NULL, "Maria L. Gomez", NULL},
    {"byline with outlet and date",
     "By Ann Lee, Harbor Gazette, March 3, 2019\nThe ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", NULL, "2019-03-03", "Ann Lee", "Harbor Gazette"},
    {"byline with a role, no outlet",
     "By Jane Doe, Staff Writer\nThe ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", NULL, NULL, "Jane Doe", NULL},
    {"byline with an outlet",
     "By Jane Doe, Harbor Gazette\nThe ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", NULL, NULL, "Jane Doe", "Harbor Gazette"},
    {"prose starting with By is not a byline",
     "By Tuesday, most residents had left the town.\n",
     "By Tuesday, most residents had left the town.", NULL, NULL, NULL, NULL},
    {"ISO dateline with time",
     "Ferry service resumes after storm\n2019-05-06 10:30\nThe ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", "Ferry service resumes after storm", "2019-05-06", NULL, NULL},
    {"widget counter line with outlet dateline",
     "2 Comment(s)Print E-mail Harbor Gazette, May 6, 2019\nAdjust font size:\n\n"
     "The ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", NULL, "2019-05-06", NULL, "Harbor Gazette"},
    {"nav bar with social names and the page date",
     "Facebook Twitter Instagram YouTube Monday, Jan. 7, 2019\n\nFerry returns to the islands\n\n"
     "The ferry resumed service on Monday.\n",
     "The ferry resumed service on Monday.", "Ferry returns to the islands", "2019-01-07", NULL, NULL},
    {"dateline beats the nav-bar date",
     "Facebook Twitter Instagram Monday, Jan. 7, 2019\nFerry returns to the islands\n"
     "(Harbor Gazette) 08:00, January 6, 2019\nThe ferry resumed service on Sunday.\n",
     "The ferry resumed service on Sunday.", "Ferry returns to the islands", "2019-01-06", NULL,
     "Harbor Gazette"},
    {"lead dateline with agency",
     "HARBORTOWN, March 3, 2019 (Example News) -- The port reopened on Sunday after repairs.\n",
     "The port reopened on Sunday after repairs.", NULL, "2019-03-03", NULL, "Example News"},
    {"Source: line",
     "Source: Harbor Gazette\nThe port reopened on Sunday after repairs.\n",
     "The port reopened on Sunday after repairs.", NULL, NULL, NULL, "Harbor Gazette"},
    /* ---- navigation ---- */
    {"pipe menu dropped",
     "Home | World | Business | Sport\n\nThe port reopened on Sunday after repairs.\n",
     "The port reopened on Sunday after repairs.", NULL, NULL, NULL, NULL},
    {"markdown link list dropped",
     "[Home](/) [World](/w) [Business](/b) [Sport](/s)\n\nThe port reopened on Sunday after repairs.\n",
     "The port reopened on Sunday after repairs.", NULL, NULL, NULL, NULL},
    {"bare url line dropped",
     "The port reopened on Sunday after repairs.\nhttps://example.org/story/123\n",
     "The port reopened on Sunday after repairs.", NULL, NULL, NULL, NULL},
    {"forum link with >> dropped",
     "The port reopened on Sunday after repairs.\nGo to Forum >>3 Comment(s)\n",
     "The port reopened on Sunday after repairs.", NULL, NULL, NULL, NULL},
    /* ---- captions ---- */
    {"caption with bracket credit dropped",
     "The first paragraph is here.\n\nWorkers repair the pier in Harbortown, March 2, 2019. "
     "The pier was damaged by the storm. [Photo/Example Agency]\n\nThe second paragraph is here.\n",
     "The first paragraph is here.\nThe second paragraph is here.", NULL, NULL, NULL, NULL},
    {"photo credit with outlet dropped",
     "The first paragraph is here.\n\nThe pier at dawn. Photo by Li Wei for Northern Ledger\n\n"
     "The second paragraph is here.\n",
     "The first paragraph is here.\nThe second paragraph is here.", NULL, NULL, NULL, "Northern Ledger"},
    {"parenthesised photo credit cut from a paragraph",
     "(Photo: Jane Roe) The mayor opened the bridge on Friday. Crowds cheered.\n",
     "The mayor opened the bridge on Friday. Crowds cheered.", NULL, NULL, NULL, NULL},
    {"caption glued to the first sentence cut",
     "The pier is pictured on Friday. Photo: Jane Roe. The mayor opened the pier on Friday. "
     "Crowds cheered as the ribbon was cut.\n",
     "The mayor opened the pier on Friday. Crowds cheered as the ribbon was cut.",
     NULL, NULL, NULL, NULL},
    {"lone pictured sentence is a caption",
     "The first paragraph is here.\n\nThe new bridge is pictured on Friday.\n\nThe second paragraph is here.\n",
     "The first paragraph is here.\nThe second paragraph is here.", NULL, NULL, NULL, NULL},
    /* ---- bios and disclaimers ---- */
    {"author bio at the end dropped",
     "The port reopened on Sunday.\nThe author is a professor of history at Example University.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"columnist bio gives author and outlet",
     "The port reopened on Sunday.\n\nJohn Q. Public is a columnist with Harbor Gazette.\n",
     "The port reopened on Sunday.", NULL, NULL, "John Q. Public", "Harbor Gazette"},
    {"fellow bio gives no outlet",
     "The port reopened on Sunday.\n\nMei Chen is a research fellow at the Ocean Institute.\n",
     "The port reopened on Sunday.", NULL, NULL, "Mei Chen", NULL},
    {"bio pattern mid-article is prose",
     "Mei Chen is a researcher at the Ocean Institute. She said the data was clear.\n"
     "The study ends this year, she added.\n",
     "Mei Chen is a researcher at the Ocean Institute. She said the data was clear.\n"
     "The study ends this year, she added.", NULL, NULL, NULL, NULL},
    {"bio and disclaimer glued to a one-line article",
     "Sentence one is here. Sentence two is here too. The author is a writer based in Oslo. "
     "The views do not necessarily reflect those of Harbor Gazette.\n",
     "Sentence one is here. Sentence two is here too.", NULL, NULL, NULL, "Harbor Gazette"},
    {"opinion disclaimer line dropped",
     "The port reopened on Sunday.\nOpinion articles reflect the views of their authors, "
     "not necessarily those of Harbor Gazette.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, "Harbor Gazette"},
    {"copyright line dropped",
     "The port reopened on Sunday.\nCopyright 2019 Harbor Gazette. All rights reserved.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    /* ---- promotions and widgets ---- */
    {"follow promo dropped, weakest source",
     "The port reopened on Sunday.\nFollow Harbor Gazette on Twitter and Facebook to join the conversation.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, "Harbor Gazette"},
    {"more-information promo dropped",
     "The port reopened on Sunday.\nFor more information please visit:\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"app and newsletter promos dropped",
     "The port reopened on Sunday.\nGazette App Download\nSign up for our newsletter.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"comment form dropped",
     "The port reopened on Sunday.\n\nAdd your comments...\n\nNo comments.\n\n"
     "  \xE2\x80\xA2 User Name Required\n  \xE2\x80\xA2 Your Comment\n"
     "    Racist, abusive and off-topic comments may be removed by the moderator.\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"editor credit dropped, glued or alone",
     "The port reopened on Sunday.(Editor: Wu Lin, Ma Jing)\n\n(Editor: Wu Lin)\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"trailing widget labels dropped",
     "The port reopened on Sunday.\n\nTop Stories\n\nEditor's Picks\n\nTrending Now\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, NULL},
    {"syndication promo and editor credit",
     "The port reopened on Sunday.\n(For more news, please follow Example Daily on Twitter)(Editor:Wu Lin)\n",
     "The port reopened on Sunday.", NULL, NULL, NULL, "Example Daily"},
    /* ---- never drop real text ---- */
    {"short real paragraphs kept",
     "He declined to comment.\nShare prices fell 3 percent on Monday.\nPrint runs were cut.\n",
     "He declined to comment.\nShare prices fell 3 percent on Monday.\nPrint runs were cut.",
     NULL, NULL, NULL, NULL},
    {"widget words starting real sentences kept",
     "Advertisement spending rose 5 percent.\nPlease visit the museum, the mayor urged.\n\nAdvertisement\n",
     "Advertisement spending rose 5 percent.\nPlease visit the museum, the mayor urged.",
     NULL, NULL, NULL, NULL},
    {"social names in prose kept",
     "Apps such as Twitter and Facebook were blocked in the region last year, the report said.\n",
     "Apps such as Twitter and Facebook were blocked in the region last year, the report said.",
     NULL, NULL, NULL, NULL},
    {"list items mid-article kept",
     "The plan approved by the council on Monday has two parts:\n\n- the first part moves the market to the old station\n"
     "- the second part adds a bus line to the harbour\n\nThe vote is in May.\n",
     "The plan approved by the council on Monday has two parts:\n"
     "the first part moves the market to the old station\n"
     "the second part adds a bus line to the harbour\nThe vote is in May.", NULL, NULL, NULL, NULL},
    {"nothing but boilerplate fails",
     "Home | World | Sport\n\nNo comments.\n\nFollow us on Twitter\n", NULL, NULL, NULL, NULL, NULL},
};

static void test_rows(void) {
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
        const clean_row *r = &ROWS[i];
        t_current = r->name;
        corpus_diag d = {"row", 0, 1, NULL};
        corpus_doc doc = {0};
        int rc = corpus_clean(r->in, 1, &doc, &d);
        T_INT(rc, r->paras ? 0 : -1);
        char *j = joined(&doc);
        if (r->paras) T_STR(j, r->paras);
        else { T_INT(doc.npara, 0); T_OK(d.nwarn == 1); }
        T_STR(doc.meta.title, r->title);
        T_STR(doc.meta.published, r->published);
        T_STR(doc.meta.author, r->author);
        T_STR(doc.meta.source, r->source);
        free(j);
        corpus_doc_free(&doc);
    }
}

/* Paragraph line numbers are source lines, offset by first_line. */
static void test_lines(void) {
    corpus_diag d = {"lines", 0, 1, NULL};
    corpus_doc doc = {0};
    const char *in = "Harbour plan approved\n\nThe council voted on Tuesday.\n"
                     "Debate lasted an hour.\n\n\nThe mayor was pleased.\n";
    T_INT(corpus_clean(in, 10, &doc, &d), 0);
    T_INT(doc.npara, 3);
    if (doc.npara == 3) {
        T_INT(doc.para_line[0], 12);
        T_INT(doc.para_line[1], 13);
        T_INT(doc.para_line[2], 16);
    }
    corpus_doc_free(&doc);
}

/* Fill-only: front matter fields win; a body headline equal to it goes. */
static void test_fill_only(void) {
    corpus_diag d = {"fill", 0, 1, NULL};
    corpus_doc doc = {0};
    doc.meta.title = xstrdup("Front Matter Title");
    doc.meta.source = xstrdup("Front Outlet");
    const char *in = "Front Matter Title\n\n(Harbor Gazette) 09:00, May 1, 2019\n"
                     "The port reopened on Sunday.\n";
    T_INT(corpus_clean(in, 1, &doc, &d), 0);
    T_STR(doc.meta.title, "Front Matter Title");
    T_STR(doc.meta.source, "Front Outlet");
    T_STR(doc.meta.published, "2019-05-01");
    T_INT(doc.npara, 1);
    corpus_doc_free(&doc);
    /* the repeated headline later in the body also goes */
    doc.meta.title = xstrdup("Front Matter Title");
    T_INT(corpus_clean("The port reopened on Sunday.\nFront Matter Title\nCrowds came to watch.\n", 1, &doc, &d), 0);
    char *j = joined(&doc);
    T_STR(j, "The port reopened on Sunday.\nCrowds came to watch.");
    free(j);
    corpus_doc_free(&doc);
}

/* The edge-trimming sentence splitter. */
static void test_sentences(void) {
    static const struct { const char *in; int n; const char *second; } S[] = {
        {"Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.", 2, "They talked."},
        {"Anna B. Carter is a columnist with Example.com. For more information please visit:", 2,
         "For more information please visit:"},
        {"\"We will go,\" he said. \"Now.\"", 2, "\"Now.\""},
        {"Workers repair the pier, Aug. 1, 2017. The pier was damaged. [Photo/Agency]", 3,
         "The pier was damaged."},
        {"It cost 3.5 billion dollars. Nobody objected.", 2, "Nobody objected."},
        {"no final punctuation here", 1, NULL},
    };
    for (size_t i = 0; i < sizeof S / sizeof *S; i++) {
        corpus_span *sp;
        size_t n = cclean_sentences(S[i].in, strlen(S[i].in), &sp);
        T_INT(n, S[i].n);
        if (n >= 2 && S[i].second) {
            char *s = xstrndup(S[i].in + sp[1].start, sp[1].end - sp[1].start);
            T_STR(s, S[i].second);
            free(s);
        }
        free(sp);
    }
}

/* Word statistics behind the prose test. */
static void test_stats(void) {
    cclean_stats st;
    const char *p = "The minister said that the plan would be ready in May.";
    cclean_stats_of(p, strlen(p), &st);
    T_INT(st.words, 11);
    T_OK(st.stop >= 5);
    T_INT(st.endpunct, 1);
    const char *nav = "Home | World | Business >> Sport";
    cclean_stats_of(nav, strlen(nav), &st);
    T_OK(st.seps >= 3);
    T_INT(st.endpunct, 0);
    const char *q = "He said \xE2\x80\x9Cno.\xE2\x80\x9D";
    cclean_stats_of(q, strlen(q), &st);
    T_INT(st.endpunct, 1);
    const char *c = "Enter the words you see:";
    cclean_stats_of(c, strlen(c), &st);
    T_INT(st.endcolon, 1);
    const char *soc = "Facebook Twitter Instagram YouTube";
    cclean_stats_of(soc, strlen(soc), &st);
    T_INT(st.social, 4);
}

/* ---- fixture: a synthetic scraped page with every kind of boilerplate ---- */

static char *slurp(const char *path) {
    corpus_diag d = {path, 0, 1, NULL};
    char *t = NULL;
    size_t n;
    if (corpus_read_file(path, &t, &n, &d) != 0) return NULL;
    return t;
}

static void test_fixture(void) {
    char *in = slurp("tests/fixtures/clean/scraped_page.txt");
    char *want = slurp("tests/fixtures/clean/scraped_page.expected");
    T_OK(in && want);
    if (!in || !want) { free(in); free(want); return; }
    corpus_diag d = {"fixture", 0, 1, NULL};
    corpus_doc doc = {0};
    T_INT(corpus_clean(in, 1, &doc, &d), 0);
    sbuf got = {0};
    sbuf_addf(&got, "title: %s\npublished: %s\nauthor: %s\nsource: %s\n",
              doc.meta.title ? doc.meta.title : "-", doc.meta.published ? doc.meta.published : "-",
              doc.meta.author ? doc.meta.author : "-", doc.meta.source ? doc.meta.source : "-");
    for (size_t i = 0; i < doc.npara; i++)
        sbuf_addf(&got, "%d: %s%s\n", doc.para_line[i],
                  doc.para_kind[i] == CORPUS_PARA_SUBHEAD ? "## " : "", doc.paras[i]);
    T_STR(got.s, want);
    sbuf_free(&got);
    corpus_doc_free(&doc);
    free(in);
    free(want);
}

/* ---- the bundled corpus: general properties, then what each file states ---- */

/* Markers that must never reach a paragraph. */
static const char *const MARKERS[] = {
    "Photo/", "Photo by", "Comment(s)", "The author is", "necessarily reflect",
    "necessarily those", "Editor:", ">>", "Follow ", "E-mail", "is a columnist",
    "For more information", "font size", "Add your comment", "moderator",
    "App Download", "](", "&amp;", "&#", "  ",
};

static int prose_end(const char *p) {
    size_t n = strlen(p);
    while (n && strchr("\"')\xE2\x80\x9D\x99", p[n - 1])) n--;
    return n && strchr(".!?", p[n - 1]);
}

static const struct {
    const char *file;
    const char *title, *published, *author, *source;   /* after front matter + clean */
    size_t min_paras;
    const char *first, *last;   /* first paragraph's start, last one's end */
} BUNDLED[] = {
    {"assets/corpus/000_464c9eef6dcfd8e4.txt", "China plans coalition to fight data theft",
     "2020-09-21", NULL, "China Daily", 1,
     "Chinas Foreign Ministry unveiled", "can be set up to oversee this issue."},
    {"assets/corpus/001_d594b17b06fa2b95.txt",
     "China launches global data security initiative to counter US tech dominance",
     "2020-09-08", "Newb", NULL, 6,
     "China launched an initiative on Tuesday to address", "Chinese Communist Party."},
    {"assets/corpus/002_11ea5e3f56a7397c.txt", "Opportunities and risks for China's cyberspace",
     "2018-04-27", "George N. Tzogopoulos", "China.org.cn", 8,
     "As China changes,", "place blame on Chinese approaches to cyberspace."},
    {"assets/corpus/003_57d68627a9be5475.txt", NULL, NULL, NULL, NULL, 11,
     "The second World Internet Conference", "indispensable leadership in cyber governance."},
    {"assets/corpus/004_23f281d63f6cc960.txt",
     "China warns of \xE2\x80\x98" "double standard\xE2\x80\x99 in protecting country\xE2\x80\x99s cyber security",
     "2015-12-17", NULL, "Global Times", 18,
     "China is stepping up its crackdown", "for the Communist Party of China."},
};

static void test_bundled(void) {
    for (size_t i = 0; i < sizeof BUNDLED / sizeof *BUNDLED; i++) {
        t_current = BUNDLED[i].file;
        char *text = slurp(BUNDLED[i].file);
        T_OK(text != NULL);
        if (!text) continue;
        corpus_diag d = {BUNDLED[i].file, 0, 1, NULL};
        corpus_doc doc = {0};
        int line = 1;
        size_t off = corpus_frontmatter(text, &doc.meta, &line, &d);
        T_INT(corpus_clean(text + off, line, &doc, &d), 0);
        T_OK(doc.npara >= BUNDLED[i].min_paras);
        for (size_t k = 0; k < doc.npara; k++) {
            const char *p = doc.paras[k];
            if (corpus_doc_is_body(&doc, k)) T_OK(prose_end(p));   /* subheads have none */
            for (size_t m = 0; m < sizeof MARKERS / sizeof *MARKERS; m++)
                if (strstr(p, MARKERS[m])) T_FAIL_("paragraph %zu contains \"%s\"", k, MARKERS[m]);
            if (k) T_OK(doc.para_line[k] >= doc.para_line[k - 1]);
        }
        if (doc.npara) {
            cclean_stats st;
            cclean_stats_of(doc.paras[0], strlen(doc.paras[0]), &st);
            T_OK(st.words >= 10);
            const char *l = doc.paras[doc.npara - 1];
            cclean_stats_of(l, strlen(l), &st);
            T_OK(st.words >= 10);
            T_OK(strncmp(doc.paras[0], BUNDLED[i].first, strlen(BUNDLED[i].first)) == 0);
            size_t ln = strlen(l), en = strlen(BUNDLED[i].last);
            T_OK(ln >= en && strcmp(l + ln - en, BUNDLED[i].last) == 0);
        }
        T_STR(doc.meta.title, BUNDLED[i].title);
        T_STR(doc.meta.published, BUNDLED[i].published);
        T_STR(doc.meta.author, BUNDLED[i].author);
        T_STR(doc.meta.source, BUNDLED[i].source);
        corpus_doc_free(&doc);
        free(text);
    }
}

int main(void) {
    T_RUN(test_rows);
    T_RUN(test_lines);
    T_RUN(test_fill_only);
    T_RUN(test_sentences);
    T_RUN(test_stats);
    T_RUN(test_fixture);
    T_RUN(test_bundled);
    return T_DONE();
}
