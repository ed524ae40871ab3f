/*
** tests/test_sidecar.c: stage 4, NAME.meta sidecars (one row per rule).
*/
#include "corpus/corpus.h"
#include "t.h"
#include "io_capture.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_path(void) {
    static const struct { const char *in, *want; } rows[] = {
        { "a/b/003_x.txt", "a/b/003_x.meta" },
        { "story.md", "story.meta" },
        { "dir.v2/story", "dir.v2/story.meta" },     /* dot in a folder name is no extension */
        { "notes", "notes.meta" },
        { "a/b.c.text", "a/b.c.meta" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char *p = corpus_sidecar_path(rows[i].in);
        T_STR(p, rows[i].want);
        free(p);
    }
}

/* Start metadata: what the article said before the sidecar. */
static void meta_start(corpus_meta *m) {
    memset(m, 0, sizeof *m);
    m->title = strdup("Old title");
    m->published = strdup("2001-01-01");
    m->source = strdup("Old source");
}

static const struct {
    const char *name;
    const char *ini;
    const char *title, *published, *source, *author, *url;
    const char *warning;    /* expected in stderr, NULL: nothing printed */
} cases[] = {
    { "overrides all keys",
      "title = New\npublished = 2015-12-16\nsource = Outlet\nauthor = A B\nurl = https://x.org/a\n",
      "New", "2015-12-16", "Outlet", "A B", "https://x.org/a", NULL },
    { "comments and blank lines", "; c1\n# c2\n\ntitle = T\n", "T", "2001-01-01", "Old source",
      NULL, NULL, NULL },
    { "optional section", "[article]\nsource = S\n", "Old title", "2001-01-01", "S", NULL, NULL,
      NULL },
    { "keys are case-insensitive", "Title = T\n", "T", "2001-01-01", "Old source", NULL, NULL,
      NULL },
    { "year precision", "published = 2015\n", "Old title", "2015", "Old source", NULL, NULL, NULL },
    { "month precision", "published = 2015-12\n", "Old title", "2015-12", "Old source", NULL,
      NULL, NULL },
    { "leap day", "published = 2016-02-29\n", "Old title", "2016-02-29", "Old source", NULL, NULL,
      NULL },
    { "unknown key", "title = T\nsubtitle = x\n", "T", "2001-01-01", "Old source", NULL, NULL,
      "s.meta:2: unknown key 'subtitle'" },
    { "malformed date", "\n\npublished = 16/12/2015\n", "Old title", "2001-01-01", "Old source",
      NULL, NULL, "s.meta:3: malformed published date '16/12/2015'" },
    { "month 13", "published = 2015-13\n", "Old title", "2001-01-01", "Old source", NULL, NULL,
      "s.meta:1: malformed published date" },
    { "february 30", "published = 2015-02-30\n", "Old title", "2001-01-01", "Old source", NULL,
      NULL, "s.meta:1: malformed" },
    { "no leap day in 2015", "published = 2015-02-29\n", "Old title", "2001-01-01", "Old source",
      NULL, NULL, "s.meta:1: malformed" },
    { "date with time is not a published date", "published = 2015-12-16T10:00\n", "Old title",
      "2001-01-01", "Old source", NULL, NULL, "s.meta:1: malformed" },
    { "crlf and bom", "\xef\xbb\xbftitle = T\r\nsource = S\r\n", "T", "2001-01-01", "S", NULL,
      NULL, NULL },
    { "syntax error line", "title = T\njust words\n", "T", "2001-01-01", "Old source", NULL, NULL,
      "s.meta:2: not a 'key = value' line" },
    { "empty value keeps the old one", "title =\n", "Old title", "2001-01-01", "Old source", NULL,
      NULL, NULL },
    { "empty sidecar", "", "Old title", "2001-01-01", "Old source", NULL, NULL, NULL },
};

static void test_apply_text(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        t_current = cases[i].name;
        corpus_meta m;
        meta_start(&m);
        corpus_diag d = { "article.txt", 0, 0, NULL };
        io_capture_begin();
        int rc = corpus_sidecar_apply_text("s.meta", cases[i].ini, &m, &d);
        char *err = io_capture_end();
        T_INT(rc, 0);
        T_STR(m.title, cases[i].title);
        T_STR(m.published, cases[i].published);
        T_STR(m.source, cases[i].source);
        T_STR(m.author, cases[i].author);
        T_STR(m.url, cases[i].url);
        if (cases[i].warning) { T_HAS(err, cases[i].warning); T_INT(d.nwarn, 1); }
        else { T_STR(err, ""); T_INT(d.nwarn, 0); }
        T_STR(d.path, "article.txt");           /* restored after the sidecar */
        free(err);
        corpus_meta_free(&m);
    }
}

/* From files: beside the article, absent, and present but unreadable. */
static void test_apply_file(void) {
    char dir[] = "/tmp/vitrine-test-sidecar-XXXXXX";
    T_OK(mkdtemp(dir) != NULL);
    char art[128], meta[128], art2[128], art3[128], meta3[128];
    snprintf(art, sizeof art, "%s/one.txt", dir);
    snprintf(meta, sizeof meta, "%s/one.meta", dir);
    snprintf(art2, sizeof art2, "%s/two.txt", dir);
    snprintf(art3, sizeof art3, "%s/three.txt", dir);
    snprintf(meta3, sizeof meta3, "%s/three.meta", dir);
    FILE *f = fopen(meta, "w");
    fputs("; curator\ntitle = From sidecar\nwhat = x\n", f);
    fclose(f);
    T_OK(mkdir(meta3, 0755) == 0);               /* a folder where a sidecar should be */

    corpus_meta m = {0};
    corpus_diag d = { art, 0, 0, NULL };
    io_capture_begin();
    T_INT(corpus_sidecar_apply(art, &m, &d), 0);
    char *err = io_capture_end();
    T_STR(m.title, "From sidecar");
    T_HAS(err, meta);
    T_HAS(err, ":3: unknown key 'what'");
    free(err);
    corpus_meta_free(&m);

    corpus_diag d2 = { art2, 0, 0, NULL };
    T_INT(corpus_sidecar_apply(art2, &m, &d2), 0);
    T_INT(d2.nwarn, 0);
    T_OK(m.title == NULL);

    corpus_diag d3 = { art3, 0, 0, NULL };
    io_capture_begin();
    T_INT(corpus_sidecar_apply(art3, &m, &d3), -1);
    err = io_capture_end();
    T_HAS(err, meta3);
    free(err);

    unlink(meta);
    rmdir(meta3);
    rmdir(dir);
}

int main(void) {
    T_RUN(test_path);
    T_RUN(test_apply_text);
    T_RUN(test_apply_file);
    return T_DONE();
}
