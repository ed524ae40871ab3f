/*
** tests/test_frontmatter.c: stage 2, YAML front matter (one row per rule).
*/
#include "corpus/corpus.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    const char *in;
    const char *body;       /* text where the body starts */
    int body_line;
    const char *title, *published, *author, *url;
    int nwarn;
} cases[] = {
    { "no front matter", "Title\n\nText.\n", "Title\n\nText.\n", 1,
      NULL, NULL, NULL, NULL, 0 },
    { "basic", "---\ntitle: Hello world\ndate: 2020-09-08\nauthor: Ann Lee\n---\nBody.\n",
      "Body.\n", 6, "Hello world", "2020-09-08", "Ann Lee", NULL, 0 },
    { "date with time keeps the date part",
      "---\ndate: 2020-09-08T16:17:01+00:00\n---\nB", "B", 4,
      NULL, "2020-09-08", NULL, NULL, 0 },
    { "single quotes", "---\ntitle: 'It''s here: a test'\n---\nB", "B", 4,
      "It's here: a test", NULL, NULL, NULL, 0 },
    { "double quotes", "---\ntitle: \"Say \\\"hi\\\" now\"\n---\nB", "B", 4,
      "Say \"hi\" now", NULL, NULL, NULL, 0 },
    { "comment after plain value", "---\nauthor: Bo Diaz # staff\n---\nB", "B", 4,
      NULL, NULL, "Bo Diaz", NULL, 0 },
    { "guid url preferred to relative permalink",
      "---\nguid: https://ex.org/?p=1\npermalink: /a-title/\n---\nB", "B", 5,
      NULL, NULL, NULL, "https://ex.org/?p=1", 0 },
    { "relative permalink alone is no url", "---\npermalink: /a-title/\n---\nB", "B", 4,
      NULL, NULL, NULL, NULL, 0 },
    { "absolute permalink", "---\npermalink: http://ex.org/a/\nguid: 42\n---\nB", "B", 5,
      NULL, NULL, NULL, "http://ex.org/a/", 0 },
    { "url key wins", "---\nguid: https://g.org/1\nurl: https://u.org/1\n---\nB", "B", 5,
      NULL, NULL, NULL, "https://u.org/1", 0 },
    { "nested lists and other keys ignored",
      "---\nid: 7\ntags:\n  - title: not this\n  - x\nlayout: post\ntitle: T\n---\nB", "B", 9,
      "T", NULL, NULL, NULL, 0 },
    { "dots close too", "---\ntitle: T\n...\nB", "B", 4, "T", NULL, NULL, NULL, 0 },
    { "crlf already normalised, trailing blanks on markers", "---  \ntitle: T\n--- \nB", "B", 4,
      "T", NULL, NULL, NULL, 0 },
    { "bad date warned and ignored", "---\ntitle: T\ndate: someday\n---\nB", "B", 5,
      "T", NULL, NULL, NULL, 1 },
    { "unclosed block is text", "---\ntitle: T\nBody.\n", "---\ntitle: T\nBody.\n", 1,
      NULL, NULL, NULL, NULL, 1 },
    { "rule inside text is not front matter", "Intro\n---\ntitle: T\n---\n", "Intro\n---\ntitle: T\n---\n", 1,
      NULL, NULL, NULL, NULL, 0 },
    { "empty value ignored", "---\ntitle:\nauthor: ''\n---\nB", "B", 5,
      NULL, NULL, NULL, NULL, 0 },
    { "front matter at end of file", "---\ntitle: T\n---", "", 4, "T", NULL, NULL, NULL, 0 },
};

static void test_table(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        t_current = cases[i].name;
        corpus_meta m = {0};
        corpus_diag d = { "fm.md", 0, 1, NULL };
        int line = -1;
        size_t off = corpus_frontmatter(cases[i].in, &m, &line, &d);
        T_STR(cases[i].in + off, cases[i].body);
        T_INT(line, cases[i].body_line);
        T_STR(m.title, cases[i].title);
        T_STR(m.published, cases[i].published);
        T_STR(m.author, cases[i].author);
        T_STR(m.url, cases[i].url);
        T_INT(d.nwarn, cases[i].nwarn);
        corpus_meta_free(&m);
    }
}

/* Fill-only: fields already known are kept. */
static void test_fill_only(void) {
    corpus_meta m = {0};
    m.title = strdup("Known");
    corpus_diag d = { "fm.md", 0, 1, NULL };
    int line;
    corpus_frontmatter("---\ntitle: Other\nauthor: A\n---\nB", &m, &line, &d);
    T_STR(m.title, "Known");
    T_STR(m.author, "A");
    corpus_meta_free(&m);
}

int main(void) {
    T_RUN(test_table);
    T_RUN(test_fill_only);
    return T_DONE();
}
