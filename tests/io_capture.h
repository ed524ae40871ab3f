/*
** tests/io_capture.h: capture what a call prints on stderr (io tests).
**
**     io_capture_begin();  corpus_warn(...);  char *s = io_capture_end();
**
** s is owned by the caller (free()). Header only; one capture at a time.
*/
#ifndef VITRINE_IO_CAPTURE_H
#define VITRINE_IO_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int io_cap_saved = -1;
static FILE *io_cap_file;

static inline void io_capture_begin(void) {
    fflush(stderr);
    io_cap_file = tmpfile();
    io_cap_saved = dup(2);
    dup2(fileno(io_cap_file), 2);
}

static inline char *io_capture_end(void) {
    fflush(stderr);
    dup2(io_cap_saved, 2);
    close(io_cap_saved);
    long n = ftell(io_cap_file);
    if (n < 0) n = 0;
    char *s = malloc((size_t)n + 1);
    rewind(io_cap_file);
    size_t k = fread(s, 1, (size_t)n, io_cap_file);
    s[k] = '\0';
    fclose(io_cap_file);
    return s;
}

#endif
