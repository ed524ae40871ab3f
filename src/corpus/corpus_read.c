/*
** src/corpus/corpus_read.c: stage 1, raw bytes -> clean UTF-8 text.
**
** What comes out of corpus_decode() always satisfies:
**   - valid UTF-8 in Unicode NFC (utf8proc), NUL-terminated, no NUL inside;
**   - LF line endings only (CRLF and lone CR become LF, one for one, so the
**     line numbers of the input are kept);
**   - no leading byte order mark.
**
** Encoding is decided per file: if every byte sequence is valid UTF-8 the
** file is UTF-8; otherwise the whole file is decoded as Windows-1252 (the
** usual encoding of text saved by older Windows tools) with one warning
** naming the file and the line of the first invalid byte.
**
** Refused, with a message naming the file: unreadable (missing, permission,
** directory, not a regular file), empty or whitespace only, binary (a NUL
** byte or a high share of control characters), larger than
** CORPUS_MAX_FILE_BYTES (decided from fstat before reading anything).
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <errno.h>      /* errno, EILSEQ, E2BIG */
#include <fcntl.h>      /* open */
#include <iconv.h>      /* Windows-1252 -> UTF-8 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>   /* fstat */
#include <unistd.h>     /* read, close */
#include <utf8proc.h>   /* utf8proc_NFC */

/* Share of control bytes (other than tab, LF, CR, FF, VT) above which a
** file counts as binary, in percent of its bytes. */
#ifndef CORPUS_READ_MAX_CONTROL_PCT
#define CORPUS_READ_MAX_CONTROL_PCT 2
#endif

/* ---- classification ------------------------------------------------------ */

static int is_control_byte(unsigned char c) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 0;
    return c < 0x20 || c == 0x7f;
}

/* 1 if the bytes look binary: any NUL, or too many control bytes.
** 0x1A (Ctrl-Z, DOS end of file) at the very end is tolerated. */
static int looks_binary(const unsigned char *s, size_t n) {
    if (memchr(s, 0, n)) return 1;
    size_t ctl = 0;
    for (size_t i = 0; i < n; i++)
        if (is_control_byte(s[i]) && !(s[i] == 0x1a && i == n - 1)) ctl++;
    return ctl * 100 > n * CORPUS_READ_MAX_CONTROL_PCT;
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid (utf8proc:
** overlong forms, surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
    if (s[0] < 0x80) return 1;
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s, n < 4 ? (utf8proc_ssize_t)n : 4, &cp);
    return k > 0 ? (size_t)k : 0;
}

size_t corpus_utf8_first_invalid(const unsigned char *s, size_t n, int *ascii) {
    size_t i = 0;
    int a = 1;
    while (i < n) {
        if (s[i] < 0x80) { i++; continue; }
        a = 0;
        size_t k = utf8_seq_len(s + i, n - i);
        if (!k) break;
        i += k;
    }
    if (ascii) *ascii = a;
    return i;
}

static int line_of(const unsigned char *s, size_t off) {
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) line++;
    return line;
}

/* ---- conversion ---------------------------------------------------------- */

/* Windows-1252 -> UTF-8 (owned). The five bytes that code page leaves
** undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD. Returns NULL if
** iconv has no converter. */
static char *cp1252_to_utf8(const char *in, size_t n, size_t *outlen) {
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1) return NULL;
    sbuf b = {0};
    char chunk[4096];
    char *ip = (char *)in;
    size_t ileft = n;
    while (ileft > 0) {
        char *op = chunk;
        size_t oleft = sizeof chunk;
        size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
        sbuf_add(&b, chunk, (size_t)(op - chunk));
        if (r != (size_t)-1) continue;
        if (errno == E2BIG) continue;
        /* EILSEQ / EINVAL: an undefined byte; replace it and go on. */
        sbuf_adds(&b, "\xef\xbf\xbd");
        ip++;
        ileft--;
    }
    iconv_close(cd);
    *outlen = b.len;
    return sbuf_take(&b);
}

/* CRLF and lone CR -> LF, in place; returns the new length. */
static size_t normalise_newlines(char *s, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') i++;
        } else {
            s[o++] = s[i];
        }
    }
    s[o] = '\0';
    return o;
}

static int only_whitespace(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n\f\v", s[i])) return 0;
    return 1;
}

int corpus_decode(const char *bytes, size_t n, char **text, size_t *len, corpus_diag *d) {
    const unsigned char *u = (const unsigned char *)bytes;
    *text = NULL;
    *len = 0;
    if (n == 0) { corpus_warn(d, 0, "empty file"); return -1; }
    if (looks_binary(u, n)) {
        corpus_warn(d, 0, "binary file (NUL bytes or control characters), not an article");
        return -1;
    }
    if (n >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) { u += 3; n -= 3; }

    int ascii;
    size_t bad = corpus_utf8_first_invalid(u, n, &ascii);
    char *s;
    size_t slen;
    if (bad < n) {
        corpus_warn(d, line_of(u, bad),
                    "not valid UTF-8 (byte 0x%02X); decoded as Windows-1252", u[bad]);
        s = cp1252_to_utf8((const char *)u, n, &slen);
        if (!s) { corpus_warn(d, 0, "cannot decode: no Windows-1252 converter"); return -1; }
        ascii = 0;
    } else {
        s = xstrndup((const char *)u, n);
        slen = n;
    }
    slen = normalise_newlines(s, slen);

    if (!ascii) {
        char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
        if (nfc) {          /* NULL only on a utf8proc error: keep the text as is */
            free(s);
            s = nfc;
            slen = strlen(s);
        }
    }
    if (only_whitespace(s, slen)) {
        corpus_warn(d, 0, "empty file (only whitespace)");
        free(s);
        return -1;
    }
    *text = s;
    *len = slen;
    return 0;
}

/* ---- files --------------------------------------------------------------- */

int corpus_read_raw(const char *path, size_t limit, char **bytes, size_t *nbytes,
                    corpus_diag *d) {
    *bytes = NULL;
    *nbytes = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { corpus_warn(d, 0, "cannot read: %s", strerror(errno)); return -1; }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        corpus_warn(d, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return -1;
    }
    const char *why = NULL;
    if (S_ISDIR(st.st_mode)) why = "cannot read: is a directory";
    else if (!S_ISREG(st.st_mode)) why = "cannot read: not a regular file";
    if (why) { corpus_warn(d, 0, "%s", why); close(fd); return -1; }
    if ((uintmax_t)st.st_size > limit) {
        corpus_warn(d, 0, "file too large (%jd bytes, limit %zu)", (intmax_t)st.st_size, limit);
        close(fd);
        return -1;
    }
    /* Read at most one byte past the limit: the file may grow after fstat. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > limit) break;
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            corpus_warn(d, 0, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (n > limit) {
        corpus_warn(d, 0, "file too large (more than %zu bytes)", limit);
        free(buf);
        return -1;
    }
    if (n == 0) { corpus_warn(d, 0, "empty file"); free(buf); return -1; }
    buf[n] = '\0';
    *bytes = buf;
    *nbytes = n;
    return 0;
}

int corpus_read_file(const char *path, char **text, size_t *len, corpus_diag *d) {
    *text = NULL;
    *len = 0;
    char *buf;
    size_t n;
    if (corpus_read_raw(path, CORPUS_MAX_FILE_BYTES, &buf, &n, d) != 0) return -1;
    int rc = corpus_decode(buf, n, text, len, d);
    free(buf);
    return rc;
}
