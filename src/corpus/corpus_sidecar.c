/*
** src/corpus/corpus_sidecar.c: stage 4, the curator's NAME.meta file.
**
** Format (INI, read with libinih):
**
**     ; comment            # also a comment
**     [article]            <- optional; any section name is accepted
**     title     = Headline as it should appear
**     published = 2015-12-16      (YYYY, YYYY-MM or YYYY-MM-DD)
**     source    = Outlet name
**     author    = Name
**     url       = https://...
**     image        = lead.jpg  (beside the article; see corpus_image.c)
**     image_credit = Photographer / Agency
**     image_alt    = What the picture shows
**     images       = more1.jpg, more2.jpg  (further pictures, in this order)
**
** Values override what the article says. Keys are case-insensitive. An
** unknown key, a malformed date and an INI syntax error each get a warning
** "sidecar:line: ..." and are ignored. The sidecar is decoded like an
** article (BOM, CRLF, Windows-1252) by corpus_decode.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <errno.h>
#include <ini.h>        /* ini_parse_stream */
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strcasecmp */
#include <sys/stat.h>

/* Sidecars are a few lines; anything bigger is not one. */
#define SIDECAR_MAX_BYTES (64u * 1024u)

char *corpus_sidecar_path(const char *p) {
    const char *dot = strrchr(p, '.'), *sl = strrchr(p, '/');
    const char *base = sl ? sl + 1 : p;
    size_t n = (dot && dot > base) ? (size_t)(dot - p) : strlen(p);
    sbuf b = {0};
    sbuf_add(&b, p, n);
    sbuf_adds(&b, ".meta");
    return sbuf_take(&b);
}

/* State shared by the line reader and the handler. inih calls the handler
** right after reading the line, so the reader's count is its line. */
typedef struct sc_state {
    const char *p;      /* next unread byte of the text (borrowed) */
    int line;           /* line last handed to inih */
    corpus_meta *meta;
    corpus_diag *d;
} sc_state;

static char *sc_reader(char *str, int num, void *stream) {
    sc_state *st = stream;
    if (!*st->p) return NULL;
    const char *e = strchr(st->p, '\n');
    size_t n = e ? (size_t)(e - st->p) : strlen(st->p);
    st->line++;
    size_t keep = n;
    if (keep > (size_t)num - 2) {
        corpus_warn(st->d, st->line, "line too long (over %d bytes), cut", num - 2);
        keep = (size_t)num - 2;
        while (keep && ((unsigned char)st->p[keep] & 0xc0) == 0x80) keep--; /* whole UTF-8 */
    }
    memcpy(str, st->p, keep);
    str[keep] = '\n';
    str[keep + 1] = '\0';
    st->p += n + (e != NULL);
    return str;
}

/* 1 if s is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. */
static int valid_published(const char *s) {
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++) {
        int dash = (i == 4 || i == 7);
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    }
    if (n == 4) return 1;
    int y = atoi(s), m = atoi(s + 5);
    if (m < 1 || m > 12) return 0;
    if (n == 7) return 1;
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int day = atoi(s + 8), leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = (m == 2 && !leap) ? 28 : mdays[m - 1];
    return day >= 1 && day <= max;
}

static int sc_handler(void *user, const char *section, const char *name, const char *value) {
    sc_state *st = user;
    corpus_meta *m = st->meta;
    if (!strcasecmp(name, "title")) corpus_meta_set(&m->title, value);
    else if (!strcasecmp(name, "source")) corpus_meta_set(&m->source, value);
    else if (!strcasecmp(name, "author")) corpus_meta_set(&m->author, value);
    else if (!strcasecmp(name, "url")) corpus_meta_set(&m->url, value);
    else if (!strcasecmp(name, "image")) corpus_meta_set(&m->image, value);
    else if (!strcasecmp(name, "image_credit")) corpus_meta_set(&m->image_credit, value);
    else if (!strcasecmp(name, "image_alt")) corpus_meta_set(&m->image_alt, value);
    else if (!strcasecmp(name, "images")) {     /* "b.jpg, c.jpg": the gallery after the lead */
        sbuf b = {0};
        for (const char *p = value; *p;) {
            size_t n = strcspn(p, ",");
            const char *e = p + n;
            while (p < e && (*p == ' ' || *p == '\t')) p++;
            while (e > p && (e[-1] == ' ' || e[-1] == '\t')) e--;
            if (e > p) {
                sbuf_add(&b, p, (size_t)(e - p));
                sbuf_adds(&b, "\t\n");
            }
            p += n + (p[n] == ',');
        }
        char *list = sbuf_take(&b);
        corpus_meta_set(&m->images_more, list);
        free(list);
    }
    else if (!strcasecmp(name, "published")) {
        if (valid_published(value)) corpus_meta_set(&m->published, value);
        else corpus_warn(st->d, st->line,
                         "malformed published date '%s' (want YYYY, YYYY-MM or YYYY-MM-DD); ignored",
                         value);
    } else {
        corpus_warn(st->d, st->line, "unknown key '%s'", name);
    }
    return 1;
}

int corpus_sidecar_apply_text(const char *name, const char *text, corpus_meta *meta,
                              corpus_diag *d) {
    const char *saved = d->path;
    d->path = name;
    char *clean = NULL;
    size_t len;
    if (strspn(text, " \t\r\n") == strlen(text)) {   /* an empty sidecar says nothing */
        d->path = saved;
        return 0;
    }
    if (corpus_decode(text, strlen(text), &clean, &len, d) != 0) {  /* reported */
        d->path = saved;
        return -1;
    }
    sc_state st = { clean, 0, meta, d };
    int err = ini_parse_stream(sc_reader, &st, sc_handler, &st);
    if (err > 0) corpus_warn(d, err, "not a 'key = value' line; ignored");
    free(clean);
    d->path = saved;
    return 0;
}

int corpus_sidecar_apply(const char *article_path, corpus_meta *meta, corpus_diag *d) {
    char *path = corpus_sidecar_path(article_path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        if (e == ENOENT) { free(path); return 0; }
        const char *saved = d->path;
        d->path = path;
        corpus_warn(d, 0, "cannot read sidecar: %s", strerror(e));
        d->path = saved;
        free(path);
        return -1;
    }
    sbuf b = {0};
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0 && b.len <= SIDECAR_MAX_BYTES)
        sbuf_add(&b, buf, k);
    int rd_err = ferror(f);
    fclose(f);
    int rc;
    const char *saved = d->path;
    if (rd_err || b.len > SIDECAR_MAX_BYTES) {
        d->path = path;
        if (rd_err) corpus_warn(d, 0, "cannot read sidecar");
        else corpus_warn(d, 0, "sidecar too large (limit %u bytes)", SIDECAR_MAX_BYTES);
        d->path = saved;
        rc = -1;
    } else {
        if (memchr(b.s ? b.s : "", 0, b.len)) {
            d->path = path;
            corpus_warn(d, 0, "binary file, not a sidecar");
            d->path = saved;
            rc = -1;
        } else {
            rc = corpus_sidecar_apply_text(path, b.s ? b.s : "", meta, d);
        }
    }
    sbuf_free(&b);
    free(path);
    return rc;
}
