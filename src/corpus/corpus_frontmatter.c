/*
** src/corpus/corpus_frontmatter.c: stage 2, YAML front matter.
**
** Blog exports (Jekyll, Hugo, WordPress-to-Markdown) start with a block
**
**     ---                         <- first line, exactly "---" (trailing blanks ok)
**     title: 'Some headline'
**     date: 2020-09-08T16:17:01+00:00
**     author: Name
**     guid: https://example.org/?p=1
**     permalink: /some-headline/
**     tags:                       <- nested lists and unknown keys are ignored
**       - x
**     ---                         <- closing line, "---" or "..."
**
** Only top-level "key: value" lines with a plain scalar are read. Values
** may be quoted: '...' (with '' for a quote) or "..." (with \" and \\).
** Fields are filled, never overwritten (corpus_meta_fill). The url is the
** first absolute http(s) value among url, guid and permalink; a relative
** permalink alone is not a url. A date keeps its date part (the time and
** zone are dropped); an unparseable date is warned about and ignored.
** Without a closing line the text has no front matter (with a warning).
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strncasecmp */

/* Keys read, in url preference order for the url-like ones. */
enum fm_key { FM_TITLE, FM_DATE, FM_AUTHOR, FM_URL, FM_GUID, FM_PERMALINK, FM_IMAGE,
              FM_NKEYS };
static const char *const fm_names[FM_NKEYS] = {
    [FM_TITLE] = "title", [FM_DATE] = "date", [FM_AUTHOR] = "author",
    [FM_URL] = "url", [FM_GUID] = "guid", [FM_PERMALINK] = "permalink",
    [FM_IMAGE] = "image",
};

/* Length of the line at s (without its '\n'). */
static size_t line_len(const char *s) {
    const char *e = strchr(s, '\n');
    return e ? (size_t)(e - s) : strlen(s);
}

/* 1 if s[0..n) is the marker (e.g. "---") followed only by blanks. */
static int is_marker(const char *s, size_t n, const char *marker) {
    size_t m = strlen(marker);
    if (n < m || memcmp(s, marker, m) != 0) return 0;
    for (size_t i = m; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') return 0;
    return 1;
}

/* The scalar value in v[0..n) without quotes or a trailing comment (owned). */
static char *fm_unquote(const char *v, size_t n) {
    while (n && (*v == ' ' || *v == '\t')) { v++; n--; }
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    sbuf b = {0};
    if (n >= 2 && v[0] == '\'' && v[n - 1] == '\'') {
        for (size_t i = 1; i + 1 < n; i++) {
            sbuf_addc(&b, v[i]);
            if (v[i] == '\'' && v[i + 1] == '\'' && i + 2 < n) i++;
        }
    } else if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
        for (size_t i = 1; i + 1 < n; i++) {
            if (v[i] == '\\' && i + 2 < n) {
                i++;
                sbuf_addc(&b, v[i] == 'n' ? ' ' : v[i] == 't' ? ' ' : v[i]);
            } else {
                sbuf_addc(&b, v[i]);
            }
        }
    } else {
        /* Plain scalar: " #" starts a comment. */
        for (size_t i = 0; i < n; i++) {
            if (v[i] == '#' && i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t')) {
                n = i;
                while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
                break;
            }
        }
        sbuf_add(&b, v, n);
    }
    return sbuf_take(&b);
}

static int is_absolute_url(const char *s) {
    return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* Which key a line names, or -1; *val is set to the text after the colon. */
static int fm_key_of(const char *s, size_t n, const char **val) {
    for (int k = 0; k < FM_NKEYS; k++) {
        size_t kn = strlen(fm_names[k]);
        if (n > kn && strncasecmp(s, fm_names[k], kn) == 0 && s[kn] == ':'
            && (kn + 1 == n || s[kn + 1] == ' ' || s[kn + 1] == '\t')) {
            *val = s + kn + 1;
            return k;
        }
    }
    return -1;
}

/* Apply the values found (vals[k], owned, may be NULL) to meta. */
static void fm_apply(char *vals[FM_NKEYS], const int lines[FM_NKEYS], corpus_meta *meta,
                     corpus_diag *d) {
    corpus_meta_fill(&meta->title, vals[FM_TITLE]);
    corpus_meta_fill(&meta->author, vals[FM_AUTHOR]);
    corpus_meta_fill(&meta->image, vals[FM_IMAGE]);
    if (vals[FM_DATE] && *vals[FM_DATE]) {
        cdate date;
        if (cdate_parse_iso(vals[FM_DATE], &date) == 0 && date.prec != CDATE_NONE) {
            char buf[16];
            cdate_format(date, buf);
            corpus_meta_fill(&meta->published, buf);
        } else {
            corpus_warn(d, lines[FM_DATE], "front matter: cannot read date '%s'", vals[FM_DATE]);
        }
    }
    static const int url_keys[] = { FM_URL, FM_GUID, FM_PERMALINK };
    for (size_t i = 0; i < sizeof url_keys / sizeof *url_keys; i++) {
        const char *u = vals[url_keys[i]];
        if (u && is_absolute_url(u)) { corpus_meta_fill(&meta->url, u); break; }
    }
}

size_t corpus_frontmatter(const char *text, corpus_meta *meta, int *body_line,
                          corpus_diag *d) {
    *body_line = 1;
    size_t n = line_len(text);
    if (!is_marker(text, n, "---") || text[n] != '\n') return 0;

    char *vals[FM_NKEYS] = {0};
    int lines[FM_NKEYS] = {0};
    const char *p = text + n + 1;
    int line = 2;
    size_t body = 0;
    for (;;) {
        n = line_len(p);
        if (is_marker(p, n, "---") || is_marker(p, n, "...")) {
            body = (size_t)(p - text) + n + (p[n] == '\n');
            break;
        }
        const char *val;
        int k = fm_key_of(p, n, &val);  /* indented lines never match: nested */
        if (k >= 0 && !vals[k]) {
            vals[k] = fm_unquote(val, n - (size_t)(val - p));
            lines[k] = line;
        }
        if (!p[n]) break;
        p += n + 1;
        line++;
    }
    if (!body) {
        corpus_warn(d, 1, "front matter not closed by a '---' line; read as text");
    } else {
        fm_apply(vals, lines, meta, d);
        *body_line = line + 1;
    }
    for (int k = 0; k < FM_NKEYS; k++) free(vals[k]);
    return body;
}
