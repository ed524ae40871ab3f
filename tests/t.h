/*
** tests/t.h: Vitrine's tiny in-tree test harness (header only).
**
** A test file defines static functions and runs them from main:
**
**     static void test_split(void) { T_INT(split("a b"), 2); }
**     int main(void) { T_RUN(test_split); return T_DONE(); }
**
** Each check counts as one pass or one failure; a failure prints
** file:line and what differed. T_DONE prints "NAME: N passed, N failed" and
** returns the exit status. tests/run.sh adds the counts of every binary.
*/
#ifndef VITRINE_T_H
#define VITRINE_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_passed, t_failed;
static const char *t_current = "";

#define T_FAIL_(...) do { t_failed++; \
    fprintf(stderr, "FAIL %s:%d [%s] ", __FILE__, __LINE__, t_current); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } while (0)

/* A boolean condition. */
#define T_OK(cond) do { if (cond) t_passed++; \
    else T_FAIL_("%s", #cond); } while (0)

/* Two integers (compared as long long). */
#define T_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ == w_) t_passed++; \
    else T_FAIL_("%s == %lld, want %lld", #got, g_, w_); } while (0)

/* Two C strings; NULL equals only NULL. */
#define T_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
    if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) t_passed++; \
    else T_FAIL_("%s == \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
    } while (0)

/* got contains the substring want. */
#define T_HAS(got, want) do { const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && strstr(g_, w_)) t_passed++; \
    else T_FAIL_("%s: \"%s\" does not contain \"%s\"", #got, g_ ? g_ : "(null)", w_); \
    } while (0)

#define T_RUN(fn) do { t_current = #fn; fn(); } while (0)

static inline int t_done(const char *name) {
    printf("%s: %d passed, %d failed\n", name, t_passed, t_failed);
    return t_failed ? 1 : 0;
}
#define T_DONE() t_done(__FILE__)

/* A whole file, NUL-terminated (caller frees), its size in *n; NULL if it
** cannot be read. */
static inline char *t_slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, len = 0, k;
    char *s = malloc(cap);
    while (s && (k = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += k;
        if (cap - len < 2) { char *g = realloc(s, cap *= 2); if (!g) { free(s); s = NULL; } else s = g; }
    }
    fclose(f);
    if (!s) return NULL;
    s[len] = 0;
    *n = len;
    return s;
}

#endif
