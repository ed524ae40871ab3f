/*
** tests/test_read.c: stage 1, corpus_decode and corpus_read_file.
*/
#include "corpus/corpus.h"
#include "t.h"
#include "io_capture.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One row per rule: raw bytes (with explicit length) -> text or refusal. */
static const struct {
    const char *name;
    const char *in;
    size_t n;               /* 0: strlen(in) */
    int rc;                 /* 0 accepted, -1 refused */
    const char *out;        /* expected text when accepted */
    int nwarn;              /* warnings expected */
} decode_cases[] = {
    { "ascii", "Hello.\nWorld.\n", 0, 0, "Hello.\nWorld.\n", 0 },
    { "bom", "\xef\xbb\xbfHello.", 0, 0, "Hello.", 0 },
    { "crlf", "a\r\nb\r\n", 0, 0, "a\nb\n", 0 },
    { "bom+crlf", "\xef\xbb\xbf" "caf\xc3\xa9\r\nb", 0, 0, "caf\xc3\xa9\nb", 0 },
    { "lone cr keeps lines", "a\rb\r\rc", 0, 0, "a\nb\n\nc", 0 },
    { "utf8 kept", "\xe2\x80\x9cQ\xe2\x80\x9d \xe6\x96\xb0", 0, 0,
      "\xe2\x80\x9cQ\xe2\x80\x9d \xe6\x96\xb0", 0 },
    { "nfd -> nfc", "Cafe\xcc\x81", 0, 0, "Caf\xc3\xa9", 0 },
    { "cp1252", "caf\xe9 \x93quoted\x94 \x97 \x80" "5", 0, 0,
      "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 \xe2\x82\xac" "5", 1 },
    { "cp1252 undefined byte", "a\x81z", 0, 0, "a\xef\xbf\xbdz", 1 },
    { "mixed -> whole file cp1252", "\xc3\xa9 and \xe9", 0, 0,
      "\xc3\x83\xc2\xa9 and \xc3\xa9", 1 },
    { "overlong is not utf8", "x\xc0\xafy", 0, 0, "x\xc3\x80\xc2\xafy", 1 },
    { "surrogate is not utf8", "x\xed\xa0\x80", 0, 0, "x\xc3\xad\xc2\xa0\xe2\x82\xac", 1 },
    { "overlong 3 bytes is not utf8", "x\xe0\x80\xafy", 0, 0, "x\xc3\xa0\xe2\x82\xac\xc2\xafy", 1 },
    { "above U+10FFFF is not utf8", "x\xf4\x90\x80\x80y", 0, 0, "x\xc3\xb4\xef\xbf\xbd\xe2\x82\xac\xe2\x82\xacy", 1 },
    { "truncated sequence", "ab\xe2\x80", 0, 0, "ab\xc3\xa2\xe2\x82\xac", 1 },
    { "ctrl-z at end ok", "text\x1a", 0, 0, "text\x1a", 0 },
    { "tabs and formfeed ok", "a\tb\fc", 0, 0, "a\tb\fc", 0 },
    { "empty", "", 0, -1, NULL, 1 },
    { "only whitespace", " \r\n\t\n  ", 0, -1, NULL, 1 },
    { "only bom", "\xef\xbb\xbf", 0, -1, NULL, 1 },
    { "nul byte", "abc\0def", 7, -1, NULL, 1 },
    { "utf16", "\xff\xfeh\0i\0", 6, -1, NULL, 1 },
    { "control chars", "a\x01\x02\x03\x04 bcdefghijklmnopq", 0, -1, NULL, 1 },
};

static void test_decode_table(void) {
    for (size_t i = 0; i < sizeof decode_cases / sizeof *decode_cases; i++) {
        t_current = decode_cases[i].name;
        corpus_diag d = { "x.txt", 0, 1, NULL };
        char *text = (char *)"unset";
        size_t len = 99;
        size_t n = decode_cases[i].n ? decode_cases[i].n : strlen(decode_cases[i].in);
        int rc = corpus_decode(decode_cases[i].in, n, &text, &len, &d);
        T_INT(rc, decode_cases[i].rc);
        T_INT(d.nwarn, decode_cases[i].nwarn);
        if (rc == 0) {
            T_STR(text, decode_cases[i].out);
            T_INT(len, strlen(decode_cases[i].out));
        } else {
            T_OK(text == NULL);
        }
        free(rc == 0 ? text : NULL);
    }
}

/* The warning names the file and the line of the first invalid byte. */
static void test_decode_messages(void) {
    corpus_diag d = { "dir/old.txt", 0, 0, NULL };
    char *text;
    size_t len;
    io_capture_begin();
    int rc = corpus_decode("one\r\ntwo\r\nthr\xe9" "e\r\n", 17, &text, &len, &d);
    char *err = io_capture_end();
    T_INT(rc, 0);
    T_HAS(err, "dir/old.txt:3: ");
    T_HAS(err, "Windows-1252");
    T_STR(text, "one\ntwo\nthr\xc3\xa9" "e\n");
    free(err);
    free(text);

    static const struct { const char *in; size_t n; const char *want; } refusals[] = {
        { "", 0, "empty.txt: empty file" },
        { "  \n\n", 4, "empty.txt: empty file (only whitespace)" },
        { "a\0b", 3, "empty.txt: binary file" },
    };
    for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++) {
        corpus_diag e = { "empty.txt", 0, 0, NULL };
        io_capture_begin();
        rc = corpus_decode(refusals[i].in, refusals[i].n, &text, &len, &e);
        err = io_capture_end();
        T_INT(rc, -1);
        T_HAS(err, refusals[i].want);
        free(err);
    }
}

static char tmpdir[] = "/tmp/vitrine-test-read-XXXXXX";

static char *tmp_path(const char *name) {
    char *p = malloc(strlen(tmpdir) + strlen(name) + 2);
    sprintf(p, "%s/%s", tmpdir, name);
    return p;
}

static void write_file(const char *path, const char *bytes, size_t n) {
    FILE *f = fopen(path, "wb");
    fwrite(bytes, 1, n, f);
    fclose(f);
}

/* Each refusal by corpus_read_file names the file and the reason. */
static void test_read_file(void) {
    char *ok = tmp_path("ok.txt"), *dir = tmp_path("dir.txt"), *missing = tmp_path("none.txt");
    char *big = tmp_path("big.txt"), *limit = tmp_path("limit.txt"), *dangling = tmp_path("dl.txt");
    write_file(ok, "\xef\xbb\xbfTitle\r\n\r\nBody.\r\n", 19);
    mkdir(dir, 0755);
    T_OK(symlink(missing, dangling) == 0);
    /* Sparse files: sizes without writing megabytes. Their content is
    ** NULs, so a file at the limit is read and then refused as binary. */
    int fd = open(big, O_CREAT | O_WRONLY, 0644);
    T_OK(ftruncate(fd, (off_t)CORPUS_MAX_FILE_BYTES + 1) == 0);
    close(fd);
    fd = open(limit, O_CREAT | O_WRONLY, 0644);
    T_OK(ftruncate(fd, (off_t)CORPUS_MAX_FILE_BYTES) == 0);
    close(fd);

    static const struct { int which; int rc; const char *want; } cases[] = {
        { 0, 0, NULL },
        { 1, -1, "cannot read: is a directory" },
        { 2, -1, "cannot read: No such file" },
        { 3, -1, "file too large" },
        { 4, -1, "binary file" },
        { 5, -1, "cannot read: No such file" },
    };
    const char *paths[] = { ok, dir, missing, big, limit, dangling };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *p = paths[cases[i].which];
        t_current = p;
        corpus_diag d = { p, 0, 0, NULL };
        char *text = NULL;
        size_t len = 0;
        io_capture_begin();
        int rc = corpus_read_file(p, &text, &len, &d);
        char *err = io_capture_end();
        T_INT(rc, cases[i].rc);
        if (cases[i].want) {
            T_HAS(err, p);
            T_HAS(err, cases[i].want);
        } else {
            T_STR(text, "Title\n\nBody.\n");
            T_INT(len, 13);
            T_STR(err, "");
        }
        free(err);
        free(text);
    }
    unlink(ok); rmdir(dir); unlink(big); unlink(limit); unlink(dangling);
    free(ok); free(dir); free(missing); free(big); free(limit); free(dangling);
}

int main(void) {
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    T_RUN(test_decode_table);
    T_RUN(test_decode_messages);
    T_RUN(test_read_file);
    rmdir(tmpdir);
    return T_DONE();
}
