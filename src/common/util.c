/*
** src/common/util.c: memory helpers, string buffer, logging.
*/
#include "common/util.h"

#include <signal.h>         /* sig_atomic_t for stop requests */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *log_program = "vitrine";
static int log_quiet;

static void oom(size_t n) {
    fprintf(stderr, "%s: out of memory (%zu bytes)\n", log_program, n);
    abort();
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *xstrdup(const char *s) {
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void sbuf_grow(sbuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sbuf_add(sbuf *b, const char *s, size_t n) {
    sbuf_grow(b, n);
    if (n) memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sbuf_adds(sbuf *b, const char *s) { sbuf_add(b, s, strlen(s)); }
void sbuf_addc(sbuf *b, char c) { sbuf_add(b, &c, 1); }

void sbuf_addf(sbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    sbuf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *sbuf_take(sbuf *b) {
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sbuf_free(sbuf *b) {
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void log_set_program(const char *name) { log_program = name; }
void log_set_quiet(int quiet) { log_quiet = quiet; }

static void vlog(const char *level, const char *fmt, va_list ap) {
    fprintf(stderr, "%s: %s", log_program, level);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void log_error(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt); vlog("error: ", fmt, ap); va_end(ap);
}
void log_warn(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt); vlog("warning: ", fmt, ap); va_end(ap);
}
void log_info(const char *fmt, ...) {
    if (log_quiet) return;
    va_list ap; va_start(ap, fmt); vlog("", fmt, ap); va_end(ap);
}

/* ---- stop requests -------------------------------------------------------- */

static volatile sig_atomic_t stop_flag;

void stop_request(void) { stop_flag = 1; }
int stop_requested(void) { return stop_flag != 0; }
