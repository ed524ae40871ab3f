/*
** tests/test_fuzz_regress.c: replays the fuzzer's seed corpus and every
** saved crash case through the ingest under the normal build, so the cases
** stay covered on machines without clang (see tests/fuzz/run.sh).
**
** Every file of tests/fuzz/seed/ and tests/fuzz/regress/ (ingested as
** "case.txt"), and of tests/fuzz/seed_html/ and tests/fuzz/regress_html/
** (ingested as "case.html", as tests/fuzz/fuzz_html.c does), is split like the
** fuzzer splits it (tests/fuzz/fuzz_input.h: article [+ separator +
** sidecar]) and ingested four ways: article with its sidecar, article
** without one, the whole file as an article, and the whole file as the
** sidecar of a fixed small article. Each ingest must either refuse cleanly
** or give an article that satisfies fuzz_article_problem() and that
** corpus_db_write + corpus_db_check accept. Seeds named reject_* must be
** refused; the other seeds must be accepted. Runs from the repository root.
*/
#include "t.h"
#include "corpus/corpus.h"
#include "common/util.h"
#include "fuzz/fuzz_input.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256];
static char dbpath[300];

static const char fixed_article[] =
    "The harbour reopened on Monday after a week of repairs to the sea wall. "
    "Fishing boats returned in the afternoon and the market opened again. "
    "Officials said the work cost less than planned and finished early.\n";


/* One ingest; returns its rc after checking the article and the database.
** what names the variant in failure messages. */
static const char *case_name = "case.txt";   /* the name inputs are ingested under */

static int ingest_one(const char *file, const char *what, const char *bytes, size_t n,
                      const char *sidecar) {
    corpus_diag d = { file, 0, 1, NULL };
    corpus_article a;
    int rc = corpus_ingest_bytes(case_name, bytes, n, sidecar, &a, &d);
    if (rc != 0) {
        T_OK(a.path == NULL && a.slug == NULL && a.doc.npara == 0);
        return rc;
    }
    const char *why = fuzz_article_problem(&a);
    if (why) T_FAIL_("%s (%s): %s", file, what, why);
    else t_passed++;
    int wrc = corpus_db_write(dbpath, &a, 1);
    if (wrc != 0) T_FAIL_("%s (%s): corpus_db_write failed", file, what);
    else {
        t_passed++;
        if (corpus_db_check(dbpath, NULL) != 0) T_FAIL_("%s (%s): corpus_db_check failed", file, what);
        else t_passed++;
    }
    corpus_article_free(&a);
    return rc;
}

static char *cstr(const char *s, size_t n) { return s ? xstrndup(s, n) : NULL; }

/* Replays one case file; expect: 0 must be accepted, -1 refused, 1 either. */
static void replay(const char *path, int expect) {
    size_t n = 0;
    char *data = t_slurp(path, &n);
    if (!data) { T_FAIL_("%s: cannot read", path); return; }
    t_current = path;
    fuzz_input in = fuzz_input_split(data, n);
    /* corpus_ingest_bytes takes the sidecar as a C string: cut at a NUL as the harness does */
    char *side = in.side ? cstr(in.side, in.nside) : NULL;
    int rc = ingest_one(path, "with sidecar", in.art, in.nart, side);
    if (expect != 1) T_INT(rc, expect);
    if (side) ingest_one(path, "without sidecar", in.art, in.nart, NULL);
    ingest_one(path, "whole file", data, n, NULL);
    char *whole = cstr(data, n);
    const char *name = case_name;
    case_name = "case.txt";         /* the fixed article is text */
    ingest_one(path, "as sidecar", fixed_article, sizeof fixed_article - 1, whole);
    case_name = name;
    free(whole);
    free(side);
    free(data);
}

/* Replays every regular file of dir; returns how many. */
static int replay_dir(const char *dir, int seeds) {
    DIR *dh = opendir(dir);
    if (!dh) return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int expect = !seeds ? 1 : strncmp(e->d_name, "reject_", 7) == 0 ? -1 : 0;
        replay(path, expect);
        count++;
    }
    closedir(dh);
    return count;
}

static void test_split(void) {
    fuzz_input in = fuzz_input_split("abc", 3);
    T_INT(in.nart, 3);
    T_OK(in.side == NULL);
    static const char two[] = "body\n--8<-- sidecar\ntitle = T\n--8<-- sidecar\nx";
    in = fuzz_input_split(two, sizeof two - 1);
    T_INT(in.nart, 4);
    T_INT(in.nside, strlen("title = T\n--8<-- sidecar\nx"));
    T_OK(in.side && strncmp(in.side, "title = T", 9) == 0);
}

static void test_utf8_check(void) {
    static const struct { const char *s; int ok; } rows[] = {
        { "plain", 1 }, { "caf\xc3\xa9", 1 }, { "\xe2\x80\x9cq\xe2\x80\x9d", 1 },
        { "\xf0\x9f\x9a\x8b", 1 }, { "caf\xe9", 0 }, { "\xc3", 0 }, { "\xc0\xaf", 0 },
        { "\xed\xa0\x80", 0 }, { "\xf4\x90\x80\x80", 0 }, { "\xe2\x80", 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        T_INT(fuzz_utf8_ok(rows[i].s, strlen(rows[i].s)), rows[i].ok);
}

static void test_seeds(void) {
    case_name = "case.txt";
    int n = replay_dir("tests/fuzz/seed", 1);
    T_OK(n >= 15);              /* the seed corpus is there and was read */
}

static void test_regress(void) {
    case_name = "case.txt";
    int n = replay_dir("tests/fuzz/regress", 0);
    T_OK(n >= 1);
}

static void test_html_seeds(void) {
    case_name = "case.html";
    int n = replay_dir("tests/fuzz/seed_html", 1);
    T_OK(n >= 5);
}

static void test_html_regress(void) {
    case_name = "case.html";
    int n = replay_dir("tests/fuzz/regress_html", 0);
    T_OK(n >= 1);
}

int main(void) {
    log_set_quiet(1);
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/vitrine-fuzz-regress-XXXXXX", base);
    if (!mkdtemp(tmpdir)) { perror(tmpdir); return 1; }
    snprintf(dbpath, sizeof dbpath, "%s/case.db", tmpdir);
    T_RUN(test_split);
    T_RUN(test_utf8_check);
    T_RUN(test_seeds);
    T_RUN(test_regress);
    T_RUN(test_html_seeds);
    T_RUN(test_html_regress);
    unlink(dbpath);
    rmdir(tmpdir);
    return T_DONE();
}
