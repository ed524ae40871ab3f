/*
** src/common/util.h: memory helpers, a growable string buffer, logging.
**
** Shared by vitrine-corpus and vitrine. No SDL, no SQLite here.
** Allocation failure is fatal (x* helpers print and abort): both programs
** treat running out of memory as unrecoverable.
*/
#ifndef VITRINE_UTIL_H
#define VITRINE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);               /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);

/* Growable NUL-terminated byte buffer. Zero-initialise to start
** ("sbuf b = {0};"); s is NULL until something is appended. */
typedef struct sbuf {
    char *s;        /* owned; always NUL-terminated once non-NULL */
    size_t len;     /* bytes used, excluding the NUL */
    size_t cap;     /* bytes allocated */
} sbuf;

void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_adds(sbuf *b, const char *s);
void sbuf_addc(sbuf *b, char c);
void sbuf_addf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sbuf_take(sbuf *b);                   /* caller owns result ("" if empty); b is reset */
void sbuf_free(sbuf *b);

/* Logging to stderr. vlog_* prefix lines with the program name set by
** log_set_program(); log_warn_at formats "file:line: message" as the
** corpus tool's warnings must. */
void log_set_program(const char *name);
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_set_quiet(int quiet);              /* 1: log_info prints nothing */

/* A stop asked for by a signal (the app's SIGTERM/SIGINT handler): long
** work (laying out a long text, the paragraphs of a full article) checks it
** and ends early, so the process quits within a second whatever it does. */
void stop_request(void);                    /* async-signal-safe */
int stop_requested(void);

#endif
