/*
** tests/test_html.c: the saved-page stage (corpus_html.c) through
** corpus_ingest_bytes with a ".html" name: metadata precedence, charsets,
** entities, what is kept and dropped from the body, and bad pages.
** Every page here is small and written for the rule it tests.
*/
#include "t.h"
#include "io_capture.h"
#include "corpus/corpus.h"
#include "common/util.h"

#include <stdlib.h>
#include <string.h>

/* Three paragraphs of article text: enough for an article and a summary. */
#define P3 \
    "<p>The town council approved a new budget for the harbour on Monday, after a debate " \
    "that lasted well into the evening and drew a large crowd.</p>\n" \
    "<p>Residents had asked for repairs to the sea wall, which was damaged in the winter " \
    "storms, and for a new landing for the ferry to the islands.</p>\n" \
    "<p>The mayor said the work would begin in the spring and finish before the summer, " \
    "when visitors return to the town and the ferry runs every hour.</p>\n"

#define HEAD(x) "<!DOCTYPE html><html><head>" x "</head><body>"
#define TAIL "</body></html>"
#define ART(x) "<article>" x "</article>"

typedef struct hcase {
    const char *name;
    const char *html;
    int rc;                 /* 0 accepted, -1 refused */
    const char *title, *author, *published, *source;  /* NULL: not checked */
    const char *has[3];     /* substrings of the body (paragraphs joined by \n) */
    const char *not[3];     /* substrings that must not be in the body */
    const char *para;       /* a whole paragraph that must exist */
    const char *warn;       /* a substring of the warnings */
} hcase;

static const hcase cases[] = {
    { "json-ld first",
      HEAD("<title>Title Text | Site</title>"
           "<meta property=\"og:title\" content=\"OG Headline\">"
           "<meta name=\"author\" content=\"Meta Author\">"
           "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
           "\"@type\":\"NewsArticle\",\"headline\":\"Harbour Budget Approved\","
           "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},"
           "\"datePublished\":\"2021-03-04T10:00:00Z\","
           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Post\"},"
           "\"url\":\"https://news.example.org/harbour\"}</script>")
      ART("<h1>H1 Headline</h1>" P3) TAIL,
      0, "Harbour Budget Approved", "Ana Ruiz", "2021-03-04", "Harbour Post",
      { "sea wall", "the ferry runs" }, { "H1 Headline" }, NULL, NULL },
    { "json-ld @graph, two authors",
      HEAD("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
           "{\"@type\":\"WebSite\",\"name\":\"Coast Daily\"},"
           "{\"@type\":\"Article\",\"headline\":\"Graph Headline\",\"author\":["
           "{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"@type\":\"Person\",\"name\":\"Ben Ode\"}],"
           "\"datePublished\":\"2020-01-02\"}]}</script>")
      ART(P3) TAIL,
      0, "Graph Headline", "Ana Ruiz and Ben Ode", "2020-01-02", NULL, { "sea wall" }, { 0 }, NULL, NULL },
    { "json-ld top-level list, author string, type list",
      HEAD("<script type=\"application/ld+json\">[{\"@type\":\"Organization\",\"name\":\"Org\"},"
           "{\"@type\":[\"BlogPosting\"],\"headline\":\"List Headline\",\"author\":\"Cy Doe\"}]"
           "</script>")
      ART(P3) TAIL,
      0, "List Headline", "Cy Doe", NULL, NULL, { "sea wall" }, { 0 }, NULL, NULL },
    { "json-ld author an Organization: the byline wins",
      HEAD("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Org Author\","
           "\"author\":{\"@type\":\"Organization\",\"name\":\"Coast Daily\"}}</script>")
      ART("<p class=\"byline\">By Ana Ruiz</p>" P3) TAIL,
      0, "Org Author", "Ana Ruiz", NULL, NULL, { "sea wall" }, { "By Ana" }, NULL, NULL },
    { "json-ld in CDATA, author as URL ignored",
      HEAD("<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"ReportageNewsArticle\","
           "\"headline\":\"Cdata Headline\",\"author\":\"https://example.org/staff/9\"}\n//]]></script>"
           "<meta name=\"author\" content=\"Dee Park\">")
      ART(P3) TAIL,
      0, "Cdata Headline", "Dee Park", NULL, NULL, { "sea wall" }, { 0 }, NULL, NULL },
    { "opengraph: URL-valued article:author ignored",
      HEAD("<title>Something Else | Coast Daily</title>"
           "<meta property=\"og:title\" content=\"OG Headline Wins\">"
           "<meta property=\"og:site_name\" content=\"Coast Daily\">"
           "<meta property=\"article:author\" content=\"https://www.example.org/people/ana\">"
           "<meta name=\"author\" content=\"Dee Park\">"
           "<meta property=\"article:published_time\" content=\"2018-07-08T09:10:11+02:00\">")
      ART("<h1>The H1</h1>" P3) TAIL,
      0, "OG Headline Wins", "Dee Park", "2018-07-08", "Coast Daily", { "sea wall" }, { 0 }, NULL, NULL },
    { "og:title with the site's suffix cut",
      HEAD("<meta property=\"og:title\" content=\"Ferry Returns | Coast Daily\">"
           "<meta property=\"og:site_name\" content=\"Coast Daily\">")
      ART(P3) TAIL,
      0, "Ferry Returns", NULL, NULL, "Coast Daily", { 0 }, { 0 }, NULL, NULL },
    { "og:title cut where the h1 ends",
      HEAD("<meta property=\"og:title\" content=\"Ferry Returns :: Coast Daily Online\">")
      ART("<h1>Ferry Returns</h1>" P3) TAIL,
      0, "Ferry Returns", NULL, NULL, NULL, { 0 }, { 0 }, NULL, NULL },
    { "a short h1 inside a longer title is no cut",
      HEAD("<meta property=\"og:title\" content=\"Big News Today\">") ART("<h1>News</h1>" P3) TAIL,
      0, "Big News Today", NULL, NULL, NULL, { 0 }, { 0 }, NULL, NULL },
    { "h1 in the article before <title>, time datetime",
      HEAD("<title>Page Headline | The Site</title>")
      "<header><h1>Site Banner Heading</h1></header>"
      ART("<h1>Real Headline Here</h1><time datetime=\"2019-05-06T08:00\">May 6</time>" P3) TAIL,
      0, "Real Headline Here", NULL, "2019-05-06", NULL, { "sea wall" }, { 0 }, NULL, NULL },
    { "<title> without a ' - Site' suffix",
      HEAD("<title>Storm Closes the Harbour Road - Coast Daily</title>") ART(P3) TAIL,
      0, "Storm Closes the Harbour Road", NULL, NULL, NULL, { 0 }, { 0 }, NULL, NULL },
    { "<title> without a ' | Site' suffix",
      HEAD("<title>Storm Closes the Harbour Road | Coast Daily</title>") ART(P3) TAIL,
      0, "Storm Closes the Harbour Road", NULL, NULL, NULL, { 0 }, { 0 }, NULL, NULL },
    { "<title> without a ' \xe2\x80\x94 Site' suffix",
      HEAD("<title>Storm Closes the Harbour Road \xe2\x80\x94 Coast Daily</title>") ART(P3) TAIL,
      0, "Storm Closes the Harbour Road", NULL, NULL, NULL, { 0 }, { 0 }, NULL, NULL },
    { "declared windows-1252",
      HEAD("<meta charset=\"windows-1252\"><title>Caf\xe9 Reopens</title>")
      ART("<p>The council\x92s caf\xe9 reopened on Monday, and the queue reached the harbour wall.</p>" P3) TAIL,
      0, "Caf\xc3\xa9 Reopens", NULL, NULL, NULL,
      { "council\xe2\x80\x99s caf\xc3\xa9 reopened" }, { 0 }, NULL, NULL },
    { "http-equiv latin-1 means windows-1252",
      HEAD("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">")
      ART("<p>\x93Quoted\x94 words in a caf\xe9 by the harbour, said the owner on Monday.</p>" P3) TAIL,
      0, NULL, NULL, NULL, NULL, { "\xe2\x80\x9cQuoted\xe2\x80\x9d words in a caf\xc3\xa9" }, { 0 }, NULL, NULL },
    { "undeclared, invalid UTF-8: Windows-1252 fallback",
      HEAD("") ART("<p>A caf\xe9 opened by the harbour on Monday, the first in the old town.</p>" P3) TAIL,
      0, NULL, NULL, NULL, NULL, { "caf\xc3\xa9 opened" }, { 0 }, NULL, NULL },
    { "UTF-8 BOM wins over a latin-1 declaration",
      "\xef\xbb\xbf" HEAD("<meta charset=\"iso-8859-1\">")
      ART("<p>A caf\xc3\xa9 opened by the harbour on Monday, the first in the old town.</p>" P3) TAIL,
      0, NULL, NULL, NULL, NULL, { "caf\xc3\xa9 opened" }, { 0 }, NULL, NULL },
    { "entities decoded, NFC",
      HEAD("<title>Fish &amp; Chips</title>")
      ART("<p>Fish &amp; chips at the caf&eacute; cost &pound;5&nbsp;today, it&#8217;s said; "
          "cafe\xcc\x81 owners &#x201C;agree&#x201D; on Monday.</p>" P3) TAIL,
      0, "Fish & Chips", NULL, NULL, NULL,
      { "Fish & chips at the caf\xc3\xa9 cost \xc2\xa3" "5 today, it\xe2\x80\x99s said; caf\xc3\xa9 owners "
        "\xe2\x80\x9c" "agree\xe2\x80\x9d" }, { "&amp;", "&#" }, NULL, NULL },
    { "captions and credits out",
      HEAD("") ART("<figure><img src=\"a.jpg\"><figcaption>The harbour wall after the storm, "
                   "seen from the pier.</figcaption></figure>"
                   "<p class=\"image-credit\">Credit: A Photographer for the paper</p>"
                   "<div class=\"caption\">A second caption about the boats in the harbour.</div>" P3) TAIL,
      0, NULL, NULL, NULL, NULL, { "sea wall" }, { "seen from the pier", "Photographer", "boats in the harbour" },
      NULL, NULL },
    { "subheadings, lists and block quotes kept",
      HEAD("") ART(P3 "<h2>What Comes Next</h2><p>Two steps remain before the work begins:</p>"
                   "<ul><li>A vote on the contract.</li><li>A survey of the <b>old</b> wall.</li></ul>"
                   "<blockquote><p>We waited ten years for this, said a fisherman on the pier.</p></blockquote>") TAIL,
      0, NULL, NULL, NULL, NULL, { "A vote on the contract.", "We waited ten years" }, { 0 },
      "What Comes Next", NULL },
    { "list item a paragraph of its own, inline spacing",
      HEAD("") ART(P3 "<ul><li>A survey of the <b>old</b> wall<i>,</i> then repairs.</li></ul>") TAIL,
      0, NULL, NULL, NULL, NULL, { 0 }, { 0 }, "A survey of the old wall, then repairs.", NULL },
    { "nav, aside, footer, comments, share and related out",
      HEAD("") "<nav><p>Home, World, Sports, Weather and all the other sections of the site.</p></nav>"
      ART(P3 "<aside><p>An aside about another story, with a long sentence in it.</p></aside>"
          "<div class=\"share-tools\"><p>Share this story with your friends, family and neighbours.</p></div>"
          "<section id=\"comments\"><p>I think the council is wrong, and I said so at the meeting.</p></section>"
          "<div class=\"related-stories\"><p>Another story, about the ferry timetable, is here.</p></div>")
      "<footer><p>Copyright, terms, privacy and everything else a footer says.</p></footer>" TAIL,
      0, NULL, NULL, NULL, NULL, { "sea wall" },
      { "all the other sections", "An aside", "Share this story" }, NULL, NULL },
    { "comments and related out (second check)",
      HEAD("") ART(P3 "<section id=\"comments\"><p>I think the council is wrong, and I said so at the meeting.</p></section>"
                   "<div class=\"related-stories\"><p>Another story, about the ferry timetable, is here.</p></div>") TAIL,
      0, NULL, NULL, NULL, NULL, { 0 }, { "council is wrong", "ferry timetable", "Copyright" }, NULL, NULL },
    { "bylines and datelines in the article out, dated sentences kept",
      HEAD("") ART("<p>By Ana Ruiz, Coast Daily</p><p>Posted on April 21, 2015 at 11:29 a.m.</p>"
                   "<p>Monday, February 29, 2016 11:10 PM UTC</p>" P3
                   "<p>The vote is on March 3, 2021.</p>") TAIL,
      0, NULL, NULL, NULL, NULL, { "The vote is on March 3, 2021." }, { "By Ana", "Posted on", "UTC" },
      NULL, NULL },
    { "link-dense blocks out",
      HEAD("") ART(P3 "<p><a href=\"/a\">Ferry timetable changes for the winter months</a> "
                   "<a href=\"/b\">Storm warning for the coast</a></p>"
                   "<ul><li><a href=\"/c\">Harbour fees rise again this year</a></li></ul>") TAIL,
      0, NULL, NULL, NULL, NULL, { "sea wall" }, { "Ferry timetable", "Storm warning", "fees rise" }, NULL, NULL },
    { "hidden elements out",
      HEAD("") ART(P3 "<div hidden><p>Hidden by the attribute, not for the reader.</p></div>"
                   "<p style=\"display: none\">Hidden by the style, not for the reader.</p>"
                   "<div aria-hidden=\"true\"><p>Hidden from assistive technology here.</p></div>"
                   "<script>var x = 'script text';</script><style>p { color: red }</style>"
                   "<noscript><p>Enable scripts to see this.</p></noscript>") TAIL,
      0, NULL, NULL, NULL, NULL, { "sea wall" },
      { "Hidden by", "Hidden from", "script text" }, NULL, NULL },
    { "article beside a sidebar of teasers",
      HEAD("") "<div id=\"main\"><div class=\"story-body\">" P3 "</div></div>"
      "<div class=\"rail\"><div><p>Teaser one, a short line.</p><p>Teaser two, another short one.</p></div></div>" TAIL,
      0, NULL, NULL, NULL, NULL, { "sea wall", "the ferry runs" }, { "Teaser" }, NULL, NULL },
    { "malformed JSON-LD falls back to the other metadata",
      HEAD("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Broken\",</script>"
           "<meta property=\"og:title\" content=\"Fallback Headline\">")
      ART(P3) TAIL,
      0, "Fallback Headline", NULL, NULL, NULL, { "sea wall" }, { 0 }, NULL, "malformed JSON-LD" },
    { "section front (only links): refused",
      HEAD("<title>World News | Coast Daily</title>")
      "<div class=\"list\"><ul><li><a href=\"/1\">Ferry returns to the islands after a winter away</a></li>"
      "<li><a href=\"/2\">Council approves the harbour budget after a long debate</a></li>"
      "<li><a href=\"/3\">Storm warning for the whole coast this weekend</a></li></ul></div>" TAIL,
      -1, NULL, NULL, NULL, NULL, { 0 }, { 0 }, NULL, "no article found" },
    { "login wall: refused",
      HEAD("<title>Sign in</title>")
      "<form><p>Sign in to continue reading.</p><input name=\"user\"><button>Go</button></form>" TAIL,
      -1, NULL, NULL, NULL, NULL, { 0 }, { 0 }, NULL, "no article found" },
    { "empty body: refused",
      HEAD("<title>Nothing</title>") TAIL,
      -1, NULL, NULL, NULL, NULL, { 0 }, { 0 }, NULL, "no article found" },
    { "named .html but plain text: read as text with a warning",
      "Harbour Budget Approved\n\n"
      "The town council approved a new budget for the harbour on Monday, after a debate that lasted "
      "well into the evening.\n\nResidents had asked for repairs to the sea wall, which was damaged in "
      "the winter storms.\n\nThe mayor said the work would begin in the spring and finish before the summer.\n",
      0, NULL, NULL, NULL, NULL, { "sea wall" }, { 0 }, NULL, "holds no HTML markup" },
    { "named .html but binary: refused",
      "%PDF-1.4\n\x01\x02\x00\x03 binary",
      -1, NULL, NULL, NULL, NULL, { 0 }, { 0 }, NULL, "binary" },
    { "unclosed markup recovers",
      "<html><head><title>Unclosed Page</title><body><article><p>The town council approved a new "
      "budget for the harbour on Monday, after a debate that lasted well into the evening<p>Residents "
      "had asked for repairs to the sea wall, which was damaged in the winter storms, and for a new "
      "landing<div><p>The mayor said the work would begin in the spring and finish before the summer",
      0, "Unclosed Page", NULL, NULL, NULL, { "sea wall", "finish before the summer" }, { 0 }, NULL, NULL },
};

static char *joined(const corpus_doc *doc) {
    sbuf b = {0};
    for (size_t i = 0; i < doc->npara; i++) {
        if (i) sbuf_addc(&b, '\n');
        sbuf_adds(&b, doc->paras[i]);
    }
    return sbuf_take(&b);
}

static void run_case(const hcase *c) {
    t_current = c->name;
    corpus_diag d = { "page.html", 0, 0, NULL };
    corpus_article a;
    io_capture_begin();
    int rc = corpus_ingest_bytes("page.html", c->html, strlen(c->html), NULL, &a, &d);
    char *err = io_capture_end();
    T_INT(rc, c->rc);
    if (c->warn) T_HAS(err, c->warn);
    if (rc == 0) {
        const corpus_meta *m = &a.doc.meta;
        if (c->title) T_STR(m->title, c->title);
        if (c->author) T_STR(m->author, c->author);
        if (c->published) T_STR(m->published, c->published);
        if (c->source) T_STR(m->source, c->source);
        char *body = joined(&a.doc);
        for (int i = 0; i < 3; i++) {
            if (c->has[i]) T_HAS(body, c->has[i]);
            if (c->not[i] && strstr(body, c->not[i])) T_FAIL_("body has \"%s\":\n%s", c->not[i], body);
            else if (c->not[i]) t_passed++;
        }
        if (c->para) {
            int found = 0;
            for (size_t i = 0; i < a.doc.npara; i++) found |= !strcmp(a.doc.paras[i], c->para);
            if (found) t_passed++;
            else T_FAIL_("no paragraph \"%s\" in:\n%s", c->para, body);
        }
        free(body);
        corpus_article_free(&a);
    } else {
        T_OK(a.doc.npara == 0 && a.path == NULL);
    }
    free(err);
}

static void test_cases(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
}

/* The sidecar still overrides what the page declares. */
static void test_sidecar_overrides(void) {
    static const char page[] = HEAD("<meta property=\"og:title\" content=\"Page Says\">"
                                    "<meta name=\"author\" content=\"Page Author\">") ART(P3) TAIL;
    corpus_diag d = { "page.html", 0, 1, NULL };
    corpus_article a;
    T_INT(corpus_ingest_bytes("page.html", page, sizeof page - 1,
                              "title = Curator Says\nauthor = Curator Author\n", &a, &d), 0);
    T_STR(a.doc.meta.title, "Curator Says");
    T_STR(a.doc.meta.author, "Curator Author");
    T_OK(a.summary.n >= 2);                 /* the rest of the pipeline ran */
    corpus_article_free(&a);
}

/* The article's own pictures (corpus_html.c article_images): its <img>,
** figures included, as images_more lines "src<TAB>alt<TAB>page"; not the
** site's (a related box, the nav), not icons, inline data, SVG or hidden
** ones; the alt text, or else the figure's caption; each once. */
static void test_article_images(void) {
    static const char page[] =
        HEAD("<meta property=\"og:image\" content=\"https://cdn.example.org/lead.jpg\">")
        "<nav><img src=\"logo.png\" alt=\"The Paper\"></nav>"
        ART("<figure><img src=\"./page_files/wall.jpg\" alt=\"The sea wall\">"
            "<figcaption>The wall after the storm.</figcaption></figure>" P3
            "<p><img src=\"icons/share.png\" width=\"16\" height=\"16\"></p>"
            "<figure><picture><img src=\"https://cdn.example.org/ferry.jpg?w=800\">"
            "</picture><figcaption>The ferry\tto the islands.</figcaption></figure>"
            "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"lazy.jpg\" alt=\"\">"
            "<img src=\"diagram.svg\" alt=\"A diagram\">"
            "<img src=\"hidden.jpg\" style=\"display: none\">"
            "<img src=\"./page_files/wall.jpg\" alt=\"Again\">"
            "<div class=\"related-stories\"><p>Another story, about the ferry timetable, "
            "is here.</p><img src=\"other-story.jpg\" alt=\"Other\"></div>") TAIL;
    corpus_diag d = { "page.html", 0, 1, NULL };
    corpus_article a;
    T_INT(corpus_ingest_bytes("page.html", page, sizeof page - 1, NULL, &a, &d), 0);
    T_STR(a.doc.meta.image, "https://cdn.example.org/lead.jpg");
    T_STR(a.doc.meta.images_more,
          "./page_files/wall.jpg\tThe sea wall\tpage\n"
          "https://cdn.example.org/ferry.jpg?w=800\tThe ferry to the islands.\tpage\n"
          "lazy.jpg\t\tpage\n");
    corpus_article_free(&a);

    /* the sidecar's images = replace the page's */
    T_INT(corpus_ingest_bytes("page.html", page, sizeof page - 1, "images = a.jpg\n", &a, &d), 0);
    T_OK(a.doc.meta.images_more && !strstr(a.doc.meta.images_more, "wall.jpg"));
    corpus_article_free(&a);
}

/* UTF-16 with a byte order mark. */
static void test_utf16(void) {
    static const char src[] = "<html><head><title>Wide Page</title></head><body><article>" P3
                              "</article></body></html>";
    size_t n = sizeof src - 1;
    char *b = xmalloc(2 * n + 2);
    b[0] = '\xff';
    b[1] = '\xfe';
    for (size_t i = 0; i < n; i++) { b[2 + 2 * i] = src[i]; b[3 + 2 * i] = 0; }
    corpus_diag d = { "wide.html", 0, 1, NULL };
    corpus_article a;
    T_INT(corpus_ingest_bytes("wide.html", b, 2 * n + 2, NULL, &a, &d), 0);
    T_STR(a.doc.meta.title, "Wide Page");
    corpus_article_free(&a);
    free(b);
}

/* 100,000 levels of nesting, closed and unclosed: no crash, no hang, a
** message; what is before the limit is kept. */
static void test_deep(void) {
    const size_t levels = 100000;
    sbuf b = {0};
    sbuf_adds(&b, "<html><body><article>" P3);
    for (size_t i = 0; i < levels; i++) sbuf_adds(&b, "<div>");
    sbuf_adds(&b, "<p>Deep inside.</p>");
    for (size_t i = 0; i < levels; i++) sbuf_adds(&b, "</div>");
    sbuf_adds(&b, "</article></body></html>");
    corpus_diag d = { "deep.html", 0, 0, NULL };
    corpus_article a;
    io_capture_begin();
    int rc = corpus_ingest_bytes("deep.html", b.s, b.len, NULL, &a, &d);
    char *err = io_capture_end();
    T_INT(rc, 0);
    T_HAS(err, "nested too deeply");
    if (rc == 0) corpus_article_free(&a);
    free(err);

    b.len = 0;
    sbuf_adds(&b, "<html><body>");
    for (size_t i = 0; i < levels; i++) sbuf_adds(&b, "<span><b>");
    d.nwarn = 0;
    d.quiet = 1;
    rc = corpus_ingest_bytes("deep.html", b.s, b.len, NULL, &a, &d);
    T_INT(rc, -1);
    T_OK(d.nwarn >= 1);
    sbuf_free(&b);
}

/* A page over CORPUS_MAX_HTML_BYTES is refused before parsing. */
static void test_too_large(void) {
    size_t n = CORPUS_MAX_HTML_BYTES + 1;
    char *b = xmalloc(n);
    memset(b, ' ', n);
    memcpy(b, "<html><body><p>", 15);
    corpus_diag d = { "big.html", 0, 0, NULL };
    corpus_article a;
    io_capture_begin();
    int rc = corpus_ingest_bytes("big.html", b, n, NULL, &a, &d);
    char *err = io_capture_end();
    T_INT(rc, -1);
    T_HAS(err, "big.html: page too large");
    free(err);
    free(b);
}

static void test_sniff(void) {
    static const struct { const char *s; int html; } rows[] = {
        { "<!DOCTYPE html><p>x", 1 }, { "  <html>", 1 }, { "<!-- saved --><HEAD>", 1 },
        { "Plain text with a < sign", 0 }, { "", 0 }, { "Title\n\nA <p> tag later", 1 },
        { "\xff\xfe<\0h\0", 1 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        T_INT(corpus_html_sniff(rows[i].s, strlen(rows[i].s) + (i == 6 ? 4 : 0)), rows[i].html);
    T_INT(corpus_html_name("a/b.HTML"), 1);
    T_INT(corpus_html_name("a/b.htm"), 1);
    T_INT(corpus_html_name("a.html/b.txt"), 0);
    T_INT(corpus_html_name("b.txt"), 0);
}

int main(void) {
    T_RUN(test_cases);
    T_RUN(test_sidecar_overrides);
    T_RUN(test_article_images);
    T_RUN(test_utf16);
    T_RUN(test_deep);
    T_RUN(test_too_large);
    T_RUN(test_sniff);
    return T_DONE();
}
