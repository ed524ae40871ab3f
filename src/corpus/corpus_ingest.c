/*
** src/corpus/corpus_ingest.c: the driver, one input file -> corpus_article.
**
**   read -> front matter -> clean -> sidecar -> finalize -> summary,
**   quotes, events
**
** A file named .html/.htm (corpus_html_name) whose first bytes look like
** markup (corpus_html_sniff) goes through corpus_html instead of read,
** front matter and clean, with the larger CORPUS_MAX_HTML_BYTES limit; one
** so named without markup gets a warning and is read as text.
**
** Metadata precedence: the sidecar overrides everything; front matter wins
** over what the cleaning stage finds in the text (clean fills only).
** Finalize:
**   - no source: the url's host without "www." (e.g. "example.org");
**   - no title: a warning, and the first sentence of the text, cut to at
**     most CORPUS_TITLE_WORDS words at a word boundary with "…" if cut;
**   - no published date: a warning (the article is kept);
**   - slug: the title's words, ASCII-folded and lowercased, joined by '-',
**     at most CORPUS_SLUG_MAX bytes. main.c makes it unique per database.
** A missing summary is a warning; the article is still kept.
*/
#include "corpus/corpus.h"
#include "common/bounds.h"
#include "common/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strncasecmp */
#include <utf8proc.h>   /* ASCII folding for slugs */

#define CORPUS_TITLE_WORDS 12   /* words in a title derived from the text */
#define CORPUS_SLUG_MAX 60      /* bytes in a slug, before a -N suffix */

void corpus_article_free(corpus_article *a) {
    if (!a) return;
    free(a->path);
    free(a->slug);
    corpus_doc_free(&a->doc);
    corpus_strv_free(&a->summary);
    corpus_quotes_free(a->quotes, a->nquotes);
    corpus_events_free(a->events, a->nevents);
    for (size_t i = 0; i < a->nimages; i++) corpus_image_free(&a->images[i]);
    free(a->images);
    memset(a, 0, sizeof *a);
}

/* ---- finalize ------------------------------------------------------------ */

/* Host of an absolute url, lowercased, without "www." (owned), or NULL. */
static char *url_host(const char *url) {
    const char *p = strstr(url, "://");
    if (!p) return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#");
    const char *at = memchr(p, '@', n);
    if (at) { n -= (size_t)(at + 1 - p); p = at + 1; }
    const char *colon = memchr(p, ':', n);
    if (colon) n = (size_t)(colon - p);
    if (n > 4 && strncasecmp(p, "www.", 4) == 0) { p += 4; n -= 4; }
    if (!n) return NULL;
    char *h = xstrndup(p, n);
    for (char *c = h; *c; c++) *c = (char)tolower((unsigned char)*c);
    return h;
}

/* 1 if s[0..n) has a letter or digit (any non-ASCII byte counts as one). */
static int has_word_char(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || isalnum((unsigned char)s[i])) return 1;
    return 0;
}

/* The first sentence with a letter or digit in it (a lone "." or "--" would
** give an empty title): *s and *n, borrowed from doc; the first paragraph
** whole when no sentence has one. */
static void title_sentence(const corpus_doc *doc, const char **s, size_t *n) {
    *s = doc->paras[0];
    *n = strlen(doc->paras[0]);
    for (size_t p = 0; p < doc->npara; p++) {
        const char *para = doc->paras[p];
        corpus_span *sp = NULL;
        size_t ns = corpus_sentences(para, strlen(para), &sp);
        for (size_t i = 0; i < ns; i++) {
            if (has_word_char(para + sp[i].start, sp[i].end - sp[i].start)) {
                *s = para + sp[i].start;
                *n = sp[i].end - sp[i].start;
                free(sp);
                return;
            }
        }
        free(sp);
    }
}

/* A title from the first sentence of the text (owned, never empty). */
static char *derive_title(const corpus_doc *doc) {
    const char *s;
    size_t n;
    title_sentence(doc, &s, &n);
    /* Walk words; stop after CORPUS_TITLE_WORDS. */
    size_t i = 0, words = 0, cut = n;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        if (i >= n) break;
        if (words == CORPUS_TITLE_WORDS) { cut = i; break; }
        while (i < n && !isspace((unsigned char)s[i])) i++;
        words++;
    }
    sbuf b = {0};
    if (cut < n) {
        while (cut && isspace((unsigned char)s[cut - 1])) cut--;
        while (cut && strchr(",;:-", s[cut - 1])) cut--;
        sbuf_add(&b, s, cut);
        sbuf_adds(&b, "\xe2\x80\xa6");             /* … */
    } else {
        size_t full = n;
        while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '.')) n--;
        if (!n) n = full;                           /* "..." stays "..." */
        while (n && isspace((unsigned char)*s)) { s++; n--; }
        sbuf_add(&b, s, n);
    }
    if (!b.len) sbuf_adds(&b, "Untitled");         /* a paragraph of spaces only */
    return sbuf_take(&b);
}

/* Slug from a title (owned): "Zoë's Café, 2015!" -> "zoes-cafe-2015". */
static char *make_slug(const char *title) {
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)title, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                      UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const char *s = r >= 0 ? (const char *)folded : title;
    sbuf b = {0};
    int pending = 0;        /* a separator is due before the next word */
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\'') continue;                          /* "Xi's" -> "xis" */
        if (strncmp(p, "\xe2\x80\x99", 3) == 0) { p += 2; continue; }   /* ’ */
        if (!(c < 0x80 && isalnum(c))) { if (b.len) pending = 1; continue; }
        if (pending) {
            if (b.len + 2 > CORPUS_SLUG_MAX) break;
            sbuf_addc(&b, '-');
            pending = 0;
        }
        if (b.len + 1 > CORPUS_SLUG_MAX) {
            /* cut inside a word: drop the partial word */
            char *dash = strrchr(b.s, '-');
            if (dash) { b.len = (size_t)(dash - b.s); b.s[b.len] = '\0'; }
            break;
        }
        sbuf_addc(&b, (char)tolower(c));
    }
    free(folded);
    if (!b.len) sbuf_adds(&b, "article");
    return sbuf_take(&b);
}

static void finalize(corpus_article *a, corpus_diag *d) {
    corpus_meta *m = &a->doc.meta;
    if (!m->source && m->url) {
        char *host = url_host(m->url);
        corpus_meta_fill(&m->source, host);
        free(host);
    }
    if (!m->title) {
        m->title = derive_title(&a->doc);
        corpus_warn(d, 0, "no title found; using the first sentence: \"%s\"", m->title);
    }
    if (!m->published) corpus_warn(d, 0, "no publication date found");
    a->slug = make_slug(m->title);
}

/* ---- bounds (common/bounds.h: what the app shows of one value) ---------- */

/* The body (paragraphs joined by a blank line) within VITRINE_BODY_MAX:
** the paragraphs past it are left out, with a warning. Runs before the
** summary, quotes and events, which then come from what is kept. */
static void bound_body(corpus_doc *doc, corpus_diag *d) {
    size_t total = 0, keep = doc->npara;
    for (size_t i = 0; i < doc->npara; i++) {
        size_t add = strlen(doc->paras[i]) + (i ? 2 : 0);
        if (keep == doc->npara && total + add > VITRINE_BODY_MAX) keep = i;
        total += add;
    }
    if (keep == doc->npara) return;
    if (keep == 0) {            /* one paragraph longer than the bound: cut it at a space */
        char *p = doc->paras[0];
        size_t k = VITRINE_BODY_MAX - 4;
        while (k > 0 && ((unsigned char)p[k] & 0xc0) == 0x80) k--;
        for (size_t j = k; j > k - k / 8; j--)
            if (p[j] == ' ') { k = j; break; }
        memcpy(p + k, "\xe2\x80\xa6", 4);   /* U+2026 and the terminator */
        keep = 1;
    }
    corpus_warn(d, doc->para_line[keep < doc->npara ? keep : 0],
                "article text of %zu bytes is cut to what the app shows (%d bytes): "
                "%zu of %zu paragraphs kept", total, VITRINE_BODY_MAX, keep, doc->npara);
    for (size_t i = keep; i < doc->npara; i++) free(doc->paras[i]);
    doc->npara = keep;
}

/* A metadata value over VITRINE_TEXT_MAX: cut at a character, with a warning. */
static void bound_field(char *v, const char *what, corpus_diag *d) {
    if (!v || strlen(v) <= VITRINE_TEXT_MAX) return;
    size_t k = VITRINE_TEXT_MAX;
    while (k > 0 && ((unsigned char)v[k] & 0xc0) == 0x80) k--;
    corpus_warn(d, 0, "%s of %zu bytes is cut to %zu", what, strlen(v), k);
    v[k] = 0;
}

static int too_long(const char *s) { return s && strlen(s) > VITRINE_TEXT_MAX; }

/* Summary sentences, quotes and events over VITRINE_TEXT_MAX are left out
** (a "sentence" that long is text without punctuation, not one to show). */
static void bound_texts(corpus_article *a, corpus_diag *d) {
    corpus_meta *m = &a->doc.meta;
    bound_field(m->title, "title", d);
    bound_field(m->source, "source", d);
    bound_field(m->author, "author", d);
    bound_field(m->url, "url", d);
    bound_field(m->image_credit, "image credit", d);
    bound_field(m->image_alt, "image alt", d);
    size_t out = 0, dropped = 0;
    for (size_t i = 0; i < a->summary.n; i++) {
        if (too_long(a->summary.v[i])) { free(a->summary.v[i]); dropped++; }
        else a->summary.v[out++] = a->summary.v[i];
    }
    a->summary.n = out;
    out = 0;
    for (size_t i = 0; i < a->nquotes; i++) {
        corpus_quote *q = &a->quotes[i];
        if (too_long(q->text) || too_long(q->context) || too_long(q->speaker) ||
            too_long(q->role)) {
            free(q->text); free(q->speaker); free(q->role); free(q->context);
            dropped++;
        } else a->quotes[out++] = *q;
    }
    a->nquotes = out;
    out = 0;
    for (size_t i = 0; i < a->nevents; i++) {
        if (too_long(a->events[i].text)) { free(a->events[i].text); dropped++; }
        else a->events[out++] = a->events[i];
    }
    a->nevents = out;
    if (dropped)
        corpus_warn(d, 0, "%zu summary sentence(s), quote(s) or event(s) longer than %d bytes "
                    "left out", dropped, VITRINE_TEXT_MAX);
}

/* ---- pipeline ------------------------------------------------------------ */

/* Runs every stage after the doc is filled: sidecar, finalize, summary,
** quotes, events. sidecar: its text, or NULL to look for NAME.meta beside
** the file (when from_file). */
static int ingest_doc(const char *path, const char *sidecar, int from_file,
                      corpus_article *a, corpus_diag *d) {
    if (sidecar) {
        char *sc_name = corpus_sidecar_path(path);
        corpus_sidecar_apply_text(sc_name, sidecar, &a->doc.meta, d);
        free(sc_name);
    }
    else if (from_file && corpus_sidecar_apply(path, &a->doc.meta, d) != 0) return -1;
    bound_body(&a->doc, d);
    finalize(a, d);
    corpus_damage_check(&a->doc, d);
    if (corpus_summarize(&a->doc, &a->summary) != 0)
        corpus_warn(d, 0, "no summary (the article is too short for 2-4 sentences)");
    if (corpus_quotes(&a->doc, &a->quotes, &a->nquotes) != 0) {
        a->quotes = NULL;
        a->nquotes = 0;
    }
    if (corpus_events(&a->doc, &a->events, &a->nevents) != 0) {
        a->events = NULL;
        a->nevents = 0;
    }
    bound_texts(a, d);
    return 0;
}

/* Text input: front matter and cleaning, then the rest. text is borrowed. */
static int ingest_text(const char *path, const char *text, const char *sidecar, int from_file,
                       corpus_article *a, corpus_diag *d) {
    a->path = xstrdup(path);   /* a->doc.furniture may be set by the caller */
    int body_line;
    size_t off = corpus_frontmatter(text, &a->doc.meta, &body_line, d);
    corpus_image_markdown(text + off, &a->doc.meta);
    if (corpus_clean(text + off, body_line, &a->doc, d) != 0 || a->doc.npara == 0) {
        corpus_warn(d, 0, "no article text left after removing boilerplate; skipped");
        return -1;
    }
    return ingest_doc(path, sidecar, from_file, a, d);
}

/* Raw bytes of a file named .html: HTML, or text with a warning. */
static int ingest_html(const char *path, const char *bytes, size_t n, const char *sidecar,
                       int from_file, corpus_article *a, corpus_diag *d) {
    if (!corpus_html_sniff(bytes, n)) {
        char *text;
        size_t len;
        if (corpus_decode(bytes, n, &text, &len, d) != 0) return -1;
        corpus_warn(d, 0, "named like an HTML page but holds no HTML markup; read as text");
        if (len > CORPUS_MAX_FILE_BYTES) {
            corpus_warn(d, 0, "file too large for text (%zu bytes, limit %u)", len,
                        CORPUS_MAX_FILE_BYTES);
            free(text);
            return -1;
        }
        int rc = ingest_text(path, text, sidecar, from_file, a, d);
        free(text);
        return rc;
    }
    a->path = xstrdup(path);
    if (corpus_html(bytes, n, &a->doc, d) != 0) return -1;
    return ingest_doc(path, sidecar, from_file, a, d);
}

int corpus_ingest_bytes(const char *name, const char *bytes, size_t n,
                        const char *sidecar, corpus_article *out, corpus_diag *d) {
    memset(out, 0, sizeof *out);
    int rc;
    if (corpus_html_name(name)) {
        if (n == 0) { corpus_warn(d, 0, "empty file"); return -1; }
        rc = ingest_html(name, bytes, n, sidecar, 0, out, d);
    } else {
        char *text;
        size_t len;
        if (corpus_decode(bytes, n, &text, &len, d) != 0) return -1;
        rc = ingest_text(name, text, sidecar, 0, out, d);
        free(text);
    }
    if (rc != 0) corpus_article_free(out);
    return rc;
}

int corpus_ingest_file(const char *path, corpus_article *out, corpus_diag *d) {
    return corpus_ingest_file_with(path, NULL, out, d);
}

int corpus_ingest_file_with(const char *path, const corpus_furniture *furniture,
                            corpus_article *out, corpus_diag *d) {
    if (corpus_ingest_text_file(path, furniture, out, d) != 0) return -1;
    corpus_ingest_pictures(path, out, d);
    return 0;
}

void corpus_ingest_pictures(const char *path, corpus_article *a, corpus_diag *d) {
    corpus_image im, thumb;         /* a refused picture is warned; the article stays */
    a->images = xcalloc(2 + 2 * CORPUS_IMAGES_MORE, sizeof *a->images);
    if (corpus_image_lead(path, &a->doc.meta, &im, &thumb, d) == 0) {
        a->images[a->nimages++] = im;
        if (thumb.bytes) a->images[a->nimages++] = thumb;
    }
    size_t lead = a->nimages;
    a->nimages += corpus_image_more(path, &a->doc.meta, lead ? &a->images[0] : NULL,
                                    a->images + a->nimages, d);
    if (!lead && a->nimages) {      /* the named lead was refused: the first of the rest leads */
        a->images[0].role = "lead";
        if (a->nimages > 1 && !strcmp(a->images[1].role, "more_thumb")) a->images[1].role = "thumb";
    }
}

int corpus_ingest_text_file(const char *path, const corpus_furniture *furniture,
                            corpus_article *out, corpus_diag *d) {
    memset(out, 0, sizeof *out);
    out->doc.furniture = furniture;
    int rc;
    if (corpus_html_name(path)) {
        char *bytes;
        size_t n;
        if (corpus_read_raw(path, CORPUS_MAX_HTML_BYTES, &bytes, &n, d) != 0) return -1;
        rc = ingest_html(path, bytes, n, NULL, 1, out, d);
        free(bytes);
    } else {
        char *text;
        size_t len;
        if (corpus_read_file(path, &text, &len, d) != 0) return -1;
        rc = ingest_text(path, text, NULL, 1, out, d);
        free(text);
    }
    out->doc.furniture = NULL;      /* borrowed for the cleaning only */
    if (rc != 0) {
        corpus_article_free(out);
        return rc;
    }
    return 0;
}
