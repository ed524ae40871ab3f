/*
** tests/fuzz/fuzz_ingest.c: libFuzzer harness for the corpus ingest.
**
** One input = article bytes [+ FUZZ_SIDECAR_SEP + sidecar bytes] (see
** fuzz_input.h). Each input goes through corpus_ingest_bytes; a refusal
** (-1) is a clean error and fine. An accepted article must satisfy
** fuzz_article_problem() and is written with corpus_db_write into this
** process's temporary folder, then read back with corpus_db_check (its
** listing goes to /dev/null so the printing path runs too). Everything is
** freed: LeakSanitizer reports a leak as a crash.
**
** Built and run by `make fuzz` (tests/fuzz/run.sh); by hand:
**   build-fuzz/fuzz_ingest -dict=tests/fuzz/ingest.dict CORPUS_DIR
**
** FUZZ_NAME (default "fuzz.txt") is the file name the input is ingested
** under: tests/fuzz/fuzz_html.c includes this file with "fuzz.html", so the
** same harness drives the saved-page stage.
**
** Tunables (environment):
**   FUZZ_DB_EVERY  write the database for every Nth accepted input (1 = all,
**                  the default; 0 = never). The write path dominates the
**                  cost of an input, so a larger N trades it for execs/s.
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "fuzz_input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FUZZ_NAME
#define FUZZ_NAME "fuzz.txt"
#endif

static char fz_dir[256];        /* per-process temporary folder */
static char fz_db[300];         /* database path inside it */
static FILE *fz_null;           /* corpus_db_check's listing goes here */
static unsigned long fz_db_every = 1;
static unsigned long fz_accepted;

static void fz_cleanup(void) {
    if (fz_db[0]) unlink(fz_db);
    if (fz_dir[0]) rmdir(fz_dir);
    if (fz_null) fclose(fz_null);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NULL;
    if (!base) base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(fz_dir, sizeof fz_dir, "%s/vitrine-fuzz-XXXXXX", base);
    if (!mkdtemp(fz_dir)) { perror(fz_dir); abort(); }
    snprintf(fz_db, sizeof fz_db, "%s/fuzz.db", fz_dir);
    fz_null = fopen("/dev/null", "w");
    const char *ev = getenv("FUZZ_DB_EVERY");
    if (ev) fz_db_every = strtoul(ev, NULL, 10);
    atexit(fz_cleanup);
    log_set_quiet(1);
    return 0;
}

/* Reports what broke and aborts: libFuzzer saves the input as a crash. */
static void fz_fail(const char *what, const corpus_article *a) {
    fprintf(stderr, "fuzz (%s): invariant broken: %s\n", FUZZ_NAME, what);
    if (a) {
        const corpus_meta *m = &a->doc.meta;
        fprintf(stderr, "  title=\"%s\" published=\"%s\" slug=\"%s\" npara=%zu\n",
                m->title ? m->title : "(null)", m->published ? m->published : "(null)",
                a->slug ? a->slug : "(null)", a->doc.npara);
    }
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = fuzz_input_split((const char *)data, size);
    char *side = NULL;
    if (in.side) {                  /* the sidecar API takes a C string */
        side = xmalloc(in.nside + 1);
        memcpy(side, in.side, in.nside);
        side[in.nside] = '\0';
    }
    corpus_diag d = { FUZZ_NAME, 0, 1, NULL };
    corpus_article a;
    int rc = corpus_ingest_bytes(FUZZ_NAME, in.art, in.nart, side, &a, &d);
    free(side);
    if (rc != 0) {
        /* A refusal leaves the article empty (corpus_ingest_bytes frees it). */
        if (a.path || a.slug || a.doc.npara) fz_fail("refused, but the article is not empty", NULL);
        return 0;
    }
    const char *why = fuzz_article_problem(&a);
    if (why) fz_fail(why, &a);
    if (fz_db_every && fz_accepted++ % fz_db_every == 0) {
        if (corpus_db_write(fz_db, &a, 1) != 0) fz_fail("corpus_db_write failed", &a);
        if (corpus_db_check(fz_db, fz_null) != 0) fz_fail("corpus_db_check failed", &a);
    }
    corpus_article_free(&a);
    return 0;
}
