/*
** src/corpus/corpus_html.c: stage 2b, a saved HTML page -> corpus_doc.
**
** Input: the raw bytes of a page saved by a browser ("HTML only", or the
** page of a "complete" save). Output: doc->meta (fill-only) and the
** article's paragraphs, plain NFC UTF-8, one block of the page each.
**
**   1. Charset: a byte order mark, else <meta charset> / http-equiv in the
**      first CORPUS_HTML_PRESCAN bytes, else UTF-8 when the bytes are valid
**      UTF-8, else Windows-1252 (latin-1 and ASCII labels mean Windows-1252,
**      as in browsers). Parsed by libxml2's HTML parser (recovering; no
**      network; entities decoded by it).
**   2. Metadata, most trusted first (a field is taken from the first
**      source that has it; the sidecar overrides all later):
**        JSON-LD (schema.org *Article / BlogPosting / Report objects, also
**        inside @graph or a list: headline, author(s), datePublished,
**        publisher.name, url), OpenGraph / article: meta (og:title,
**        og:site_name, article:published_time, article:author when it is
**        a name), <meta name="author"> and date meta, <link rel=canonical>,
**        <time datetime>, a byline (an element with rel/itemprop/class
**        "author" or "byline", or a text "By Name"; names only, no handles),
**        the <h1> (the one inside the article first), <title> without the
**        site's suffix (" | Site", " - Site", " — Site").
**   3. Content, in the spirit of Readability: the bodies of <script> and
**      <style> are skipped before parsing (JSON-LD kept); elements that
**      are never article text are dropped (script, style, nav, aside,
**      footer, form, figure, hidden, aria-hidden, and containers whose
**      class/id words say comment, share, related, newsletter, caption,
**      bio, ...: html_drop_words/html_drop_tokens; never one that holds
**      half the page's text); every paragraph-like block scores 1 + commas
**      + length/100 (at most 3) for its parent, half for its grandparent,
**      less further up; containers start from their tag and class/id words
**      and end multiplied by one minus their link density. From the best
**      container: Readability's common ancestor of the top candidates, or
**      else every container of the same tag and class (an article split
**      into blocks between figures), then Readability's climb to a parent
**      that scores higher. It is written out with its siblings of similar
**      score: block elements become paragraphs, h2-h6 and list items
**      their own, link-dense blocks (more than half link text) are left
**      out, the h1 is left out (it is the title), whitespace collapsed.
**      When that gives less than CORPUS_HTML_RETRY_CHARS, the same again
**      without class words (Readability's second try); the longer wins.
**      The <img> of the chosen block, figures included, become the
**      article's further pictures (article_images).
**   4. Refusal: less than CORPUS_HTML_MIN_CHARS of article text (a
**      section front, a login wall, an empty body).
**
** Depth: libxml2 stops parsing at 256 levels of nesting (a warning says
** so; what came before is used), and every walk over the tree here is
** iterative (parent/next pointers): no recursion on the page's shape.
** Per-element data hangs on xmlNode._private during one call.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>            /* strncasecmp */
#include <json-c/json.h>        /* JSON-LD */
#include <libxml/HTMLparser.h>  /* htmlCtxtReadMemory */
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <utf8proc.h>           /* NFC */

/* Bytes searched for a <meta charset> declaration. */
#define CORPUS_HTML_PRESCAN 4096
/* Least paragraph text (bytes) of an article; less is "no article". */
#ifndef CORPUS_HTML_MIN_CHARS
#define CORPUS_HTML_MIN_CHARS 200
#endif
/* Less article text (bytes) than this: try again without class words. */
#define CORPUS_HTML_RETRY_CHARS 1000
/* Least text (bytes) of a block for it to score as a paragraph. */
#define HTML_PARA_MIN 25
/* Paragraphs with more than this share of link text are left out. */
#define HTML_LINK_MAX 0.5
/* Class/id weight: a positive word adds it, a negative one subtracts. */
#define HTML_CLASS_WEIGHT 25.0
/* A sibling joins the best container at this share of its score. */
#define HTML_SIBLING_SHARE 0.2
/* Longest byline text taken from an author element (bytes). */
#define HTML_BYLINE_MAX 80

/* ---- per-element data ---------------------------------------------------- */

typedef struct hinfo {
    unsigned text;      /* bytes of collapsed text below */
    unsigned link;      /* of which inside <a> */
    unsigned commas;    /* commas below */
    unsigned blockkids; /* block-level children */
    double score;       /* content score (candidates) */
    unsigned char cand; /* 1: initialised as a candidate */
} hinfo;

static hinfo html_dropped;  /* _private of dropped elements points here */

static int tag_is(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static int tag_in(const xmlNode *n, const char *const *names) {
    if (!n || n->type != XML_ELEMENT_NODE || !n->name) return 0;
    for (; *names; names++) if (!strcmp((const char *)n->name, *names)) return 1;
    return 0;
}

static const char *const tags_never[] = {
    "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "footer",
    "form", "dialog", "iframe", "object", "embed", "button", "select", "input",
    "textarea", "canvas", "video", "audio", "figure", "figcaption", "picture", "img",
    "label", "menu", "head", "title", "meta", "link", "map", NULL
};
static const char *const tags_block[] = {
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th",
    "tbody", "thead", "hr", "address", "center", "body", "html", "details", "summary",
    "caption", NULL
};
static const char *const tags_heading[] = { "h2", "h3", "h4", "h5", "h6", NULL };

/* Class/id words (lowercase; matched inside the words of class and id):
** a container named so is never article text. */
static const char *const html_drop_words[] = {
    "comment", "share", "sharing", "social", "related", "newsletter", "promo", "cookie",
    "modal", "subscri", "sidebar", "advert", "caption", "credit", "byline", "breadcrumb",
    "popup", "sponsor", "signup", "recommend", "trending", "disqus", "outbrain", "taboola",
    "masthead", "toolbar", "pagination", "pager", "footer", "banner", "gdpr", "consent",
    "paywall", "skiplink", "skip-link", "print-only", "visually-hidden", "sr-only",
    "screen-reader", "author-bio", "authorbio", "bio-", "tags", "keywords", "widget",
    "most-popular", "mostpopular", "more-from", "next-article",
    "login", "offscreen", NULL
};
/* Whole class/id tokens (after splitting at non-letters) that drop. */
static const char *const html_drop_tokens[] = {
    "ad", "ads", "nav", "menu", "share", "social", "promo", "related", "aside", "meta",
    "rail", "dateline", "timestamp", "date", "error", "hidden", "bio", NULL
};
/* Words that weigh a container up, and down (Readability's lists, short). */
static const char *const html_good_words[] = {
    "article", "body", "content", "entry", "main", "story", "text", "post", "blog", NULL
};
static const char *const html_bad_words[] = {
    "combx", "contact", "foot", "header", "masthead", "media", "meta", "outbrain",
    "promo", "related", "scroll", "shoutbox", "sponsor", "shopping", "tags", "tool",
    "widget", "teaser", "card", "list", "nav", "menu", NULL
};

static const char *attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && !strcasecmp((const char *)a->name, name)) {
            const xmlNode *c = a->children;
            return c && c->content ? (const char *)c->content : "";
        }
    }
    return NULL;
}

/* "class id" of n, lowercased, into buf (cut at its size). */
static void class_id(const xmlNode *n, char *buf, size_t cap) {
    const char *c = attr(n, "class"), *i = attr(n, "id");
    snprintf(buf, cap, "%s %s", c ? c : "", i ? i : "");
    for (char *p = buf; *p; p++) *p = (char)tolower((unsigned char)*p);
}

static int has_word(const char *s, const char *const *words) {
    for (; *words; words++) if (strstr(s, *words)) return 1;
    return 0;
}

static int has_token(const char *s, const char *const *tokens) {
    const char *p = s;
    while (*p) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *b = p;
        while (*p && isalpha((unsigned char)*p)) p++;
        size_t n = (size_t)(p - b);
        if (!n) break;
        for (const char *const *t = tokens; *t; t++)
            if (strlen(*t) == n && !strncmp(b, *t, n)) return 1;
    }
    return 0;
}

/* 1 if the element is hidden by an attribute or an inline style. */
static int is_hidden(const xmlNode *n) {
    if (attr(n, "hidden")) return 1;
    const char *a = attr(n, "aria-hidden");
    if (a && !strcasecmp(a, "true")) return 1;
    const char *s = attr(n, "style");
    if (s) {
        char buf[256];
        size_t k = 0;
        for (; *s && k + 1 < sizeof buf; s++)
            if (!isspace((unsigned char)*s)) buf[k++] = (char)tolower((unsigned char)*s);
        buf[k] = '\0';
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden")) return 1;
    }
    const char *role = attr(n, "role");
    if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "complementary")
                 || !strcasecmp(role, "contentinfo") || !strcasecmp(role, "dialog")
                 || !strcasecmp(role, "menu") || !strcasecmp(role, "menubar")
                 || !strcasecmp(role, "banner") || !strcasecmp(role, "alertdialog")))
        return 1;
    return 0;
}

static int is_article_hint(const xmlNode *n) {
    if (tag_is(n, "article") || tag_is(n, "main")) return 1;
    const char *ip = attr(n, "itemprop");
    return ip && strstr(ip, "articleBody");
}

/* 1 if the element and everything in it is never article text. */
static int is_dropped_element(const xmlNode *n, int classes) {
    if (tag_in(n, tags_never)) return 1;
    if (tag_is(n, "body") || tag_is(n, "html")) return 0;
    if (is_hidden(n)) return 1;
    if (!classes || is_article_hint(n)) return 0;
    char ci[512];
    class_id(n, ci, sizeof ci);
    if (ci[0] == ' ' && !ci[1]) return 0;
    return has_word(ci, html_drop_words) || has_token(ci, html_drop_tokens);
}

/* ---- iterative traversal ------------------------------------------------- */

/* Next node in document order below root, not entering n's children when
** descend is 0; NULL at the end. */
static xmlNode *walk_next(xmlNode *n, const xmlNode *root, int descend) {
    if (descend && n->children) return n->children;
    while (n && n != root) {
        if (n->next) return n->next;
        n = n->parent;
    }
    return NULL;
}

static hinfo *info(const xmlNode *n) { return (hinfo *)n->_private; }
static int dropped(const xmlNode *n) { return n->_private == &html_dropped; }

/* ---- text helpers -------------------------------------------------------- */

/* Length of s with whitespace runs collapsed to one byte, and its commas. */
static unsigned collapsed_len(const char *s, unsigned *commas) {
    unsigned n = 0, c = 0;
    int sp = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (isspace(*p)) { if (!sp) n++; sp = 1; continue; }
        if (*p == 0xc2 && p[1] == 0xa0) { if (!sp) n++; sp = 1; p++; continue; }
        if (*p == ',') c++;
        sp = 0;
        n++;
    }
    *commas = c;
    return n;
}

/* Append s to b with whitespace (and no-break spaces) collapsed to one
** space, zero-width characters dropped; *space: a space is pending. */
static void add_collapsed(sbuf *b, const char *s, int *space) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (isspace(*p)) { *space = 1; continue; }
        if (p[0] == 0xc2 && p[1] == 0xa0) { *space = 1; p++; continue; }
        if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x8b || p[2] == 0x8c || p[2] == 0x8d
                                             || p[2] == 0xaf)) {
            if (p[2] == 0xaf) *space = 1;
            p += 2;
            continue;
        }
        if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) { p += 2; continue; }
        if (*space && b->len) sbuf_addc(b, ' ');
        *space = 0;
        sbuf_addc(b, (char)*p);
    }
}

/* All text below n (not skipping anything), collapsed and trimmed (owned). */
static char *node_text(xmlNode *n) {
    sbuf b = {0};
    int space = 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) add_collapsed(&b, (const char *)n->content, &space);
        return sbuf_take(&b);
    }
    for (xmlNode *c = n->children; c; c = walk_next(c, n, 1)) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            add_collapsed(&b, (const char *)c->content, &space);
        else if (c->type == XML_ELEMENT_NODE && tag_in(c, tags_block)) space = 1;
    }
    return sbuf_take(&b);
}

/* Copy in NFC (owned); s is consumed. */
static char *nfc_take(char *s) {
    int ascii = 1;
    for (const char *p = s; *p; p++) if ((unsigned char)*p >= 0x80) { ascii = 0; break; }
    if (ascii) return s;
    char *n = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (!n) return s;
    free(s);
    return n;
}

static int has_alnum(const char *s) {
    for (; *s; s++) if ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s)) return 1;
    return 0;
}

/* ---- charset ------------------------------------------------------------- */

/* The charset declared in the first bytes ("<meta charset=X>" or
** "content=...charset=X"), lowercased into out; 0 if none. */
static int declared_charset(const char *s, size_t n, char *out, size_t cap) {
    if (n > CORPUS_HTML_PRESCAN) n = CORPUS_HTML_PRESCAN;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(s + i, "charset", 7)) continue;
        size_t j = i + 7;
        while (j < n && isspace((unsigned char)s[j])) j++;
        if (j >= n || s[j] != '=') continue;
        j++;
        while (j < n && (isspace((unsigned char)s[j]) || s[j] == '"' || s[j] == '\'')) j++;
        size_t k = 0;
        while (j < n && k + 1 < cap && (isalnum((unsigned char)s[j]) || strchr("-_:.", s[j])))
            out[k++] = (char)tolower((unsigned char)s[j++]);
        out[k] = '\0';
        if (k) return 1;
    }
    return 0;
}

/* Encoding name for libxml2, and how many leading bytes (a BOM) to skip. */
static const char *pick_encoding(const char *s, size_t n, size_t *skip, char *decl,
                                 size_t cap, corpus_diag *d) {
    const unsigned char *u = (const unsigned char *)s;
    *skip = 0;
    if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) { *skip = 3; return "UTF-8"; }
    if (n >= 2 && u[0] == 0xff && u[1] == 0xfe) { *skip = 2; return "UTF-16LE"; }
    if (n >= 2 && u[0] == 0xfe && u[1] == 0xff) { *skip = 2; return "UTF-16BE"; }
    int valid = corpus_utf8_first_invalid(u, n, NULL) == n;
    if (declared_charset(s, n, decl, cap)) {
        if (!strcmp(decl, "utf-8") || !strcmp(decl, "utf8")) {
            if (valid) return "UTF-8";
            corpus_warn(d, 0, "declared UTF-8 but the bytes are not; decoded as Windows-1252");
            return "WINDOWS-1252";
        }
        if (!strcmp(decl, "iso-8859-1") || !strcmp(decl, "latin1") || !strcmp(decl, "us-ascii")
            || !strcmp(decl, "ascii") || !strcmp(decl, "windows-1252")
            || !strcmp(decl, "cp1252") || !strcmp(decl, "iso8859-1"))
            return "WINDOWS-1252";
        if (!strncmp(decl, "utf-16", 6)) return valid ? "UTF-8" : "WINDOWS-1252";
        xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(decl);
        if (h) { xmlCharEncCloseFunc(h); return decl; }
        corpus_warn(d, 0, "unknown charset \"%s\"; decoded as %s", decl,
                    valid ? "UTF-8" : "Windows-1252");
    }
    return valid ? "UTF-8" : "WINDOWS-1252";
}

/* ---- raw text elements ---------------------------------------------------- */

/* Case-insensitive (ASCII) search of needle (lowercase) in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (const char *p = s; n >= k && (p = memchr(p, '<', n - (size_t)(p - s) - k + 1)); p++) {
        if (!strncasecmp(p, needle, k)) return p;
        if ((size_t)(p - s) + k >= n) break;
    }
    return NULL;
}

/* The bodies of <script> and <style> elements are most of a saved page's
** bytes and never article text: a copy of the page without them (owned;
** the tags stay, so the tree keeps its shape), parsed several times
** faster. JSON-LD scripts are kept whole. Only for ASCII-compatible
** encodings. */
static char *strip_raw(const char *s, size_t n, size_t *outn) {
    sbuf b = {0};
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) break;
        size_t at = (size_t)(lt - s);
        const char *name = NULL;
        if (n - at > 7 && !strncasecmp(lt + 1, "script", 6)) name = "</script";
        else if (n - at > 6 && !strncasecmp(lt + 1, "style", 5)) name = "</style";
        char after = name ? lt[1 + strlen(name) - 2] : 0;
        if (!name || !(after == '>' || after == '/' || isspace((unsigned char)after))) {
            sbuf_add(&b, s + i, at + 1 - i);
            i = at + 1;
            continue;
        }
        const char *gt = memchr(lt, '>', n - at);
        if (!gt) break;
        size_t open_end = (size_t)(gt - s) + 1;
        const char *close = find_ci(gt, n - (open_end - 1), name);
        if (!close) break;
        int keep = 0;
        for (size_t j = at; !keep && j + 7 <= open_end; j++)
            keep = !strncasecmp(s + j, "ld+json", 7);
        size_t upto = keep ? (size_t)(close - s) : open_end;
        sbuf_add(&b, s + i, upto - i);
        i = (size_t)(close - s);
    }
    sbuf_add(&b, s + i, n - i);
    *outn = b.len;
    return sbuf_take(&b);
}

/* ---- sniffing ------------------------------------------------------------ */

int corpus_html_name(const char *path) {
    const char *slash = strrchr(path, '/');
    const char *ext = strrchr(slash ? slash : path, '.');
    return ext && (!strcasecmp(ext, ".html") || !strcasecmp(ext, ".htm")
                   || !strcasecmp(ext, ".xhtml"));
}

int corpus_html_sniff(const char *bytes, size_t n) {
    const unsigned char *u = (const unsigned char *)bytes;
    if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) return 1;
    if (n > CORPUS_HTML_PRESCAN) n = CORPUS_HTML_PRESCAN;
    if (memchr(bytes, 0, n)) return 0;
    static const char *const marks[] = {
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ",
        "<div", "<article", "<h1", "<br", "<!--", NULL
    };
    for (size_t i = 0; i < n; i++) {
        if (bytes[i] != '<') continue;
        for (const char *const *m = marks; *m; m++) {
            size_t k = strlen(*m);
            if (i + k <= n && !strncasecmp(bytes + i, *m, k)) return 1;
        }
    }
    return 0;
}

/* ---- metadata ------------------------------------------------------------ */

static int count_words(const char *s, size_t n);
static int is_name(const char *s);

/* Candidate metadata, gathered before the sidecar; each field owned. */
typedef struct hmeta {
    char *ld_title, *ld_author, *ld_date, *ld_source, *ld_url;
    char *og_title, *og_site, *og_date, *og_author, *og_url;
    char *name_author, *name_date, *canonical, *time_date, *byline;
    char *h1_any, *title;
    char *ld_image, *og_image;  /* the lead picture's URL (corpus_image.c finds it saved) */
} hmeta;

static void hmeta_free(hmeta *m) {
    char **f[] = { &m->ld_title, &m->ld_author, &m->ld_date, &m->ld_source, &m->ld_url,
                   &m->og_title, &m->og_site, &m->og_date, &m->og_author, &m->og_url,
                   &m->name_author, &m->name_date, &m->canonical, &m->time_date,
                   &m->byline, &m->h1_any, &m->title, &m->ld_image, &m->og_image };
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) { free(*f[i]); *f[i] = NULL; }
}

/* Set *field to a collapsed, NFC copy of s unless set; empty ignored. */
static void hm_fill(char **field, const char *s) {
    if (*field || !s) return;
    sbuf b = {0};
    int space = 0;
    add_collapsed(&b, s, &space);
    char *t = sbuf_take(&b);
    if (!has_alnum(t)) { free(t); return; }
    *field = nfc_take(t);
}

static int is_url(const char *s) {
    return !strncasecmp(s, "http:", 5) || !strncasecmp(s, "https:", 6) || !strncmp(s, "//", 2)
           || !strncasecmp(s, "www.", 4) || strchr(s, '/');
}

/* Decode HTML entities left in a JSON-LD string (some sites escape twice). */
static char *decode_entities(const char *s) {
    sbuf b = {0};
    for (const char *p = s; *p; p++) {
        if (*p == '&') {
            const char *semi = strchr(p, ';');
            if (semi && semi - p < 12) {
                unsigned long cp = 0;
                if (p[1] == '#') {
                    char *end;
                    cp = (p[2] == 'x' || p[2] == 'X') ? strtoul(p + 3, &end, 16)
                                                      : strtoul(p + 2, &end, 10);
                    if (end != semi) cp = 0;
                } else {
                    char name[16];
                    size_t k = (size_t)(semi - p - 1);
                    memcpy(name, p + 1, k);
                    name[k] = '\0';
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e) cp = e->value;
                }
                if (cp && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
                    utf8proc_uint8_t u[4];
                    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, u);
                    sbuf_add(&b, (const char *)u, (size_t)k);
                    p = semi;
                    continue;
                }
            }
        }
        sbuf_addc(&b, *p);
    }
    return sbuf_take(&b);
}

static void ld_fill(char **field, json_object *v) {
    if (!v || !json_object_is_type(v, json_type_string)) return;
    char *s = decode_entities(json_object_get_string(v));
    hm_fill(field, s);
    free(s);
}

static json_object *ld_get(json_object *o, const char *key) {
    json_object *v = NULL;
    if (!json_object_is_type(o, json_type_object)) return NULL;
    return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* Name of a person/organisation value: a string, or an object's "name". */
static const char *ld_name(json_object *v) {
    if (!v) return NULL;
    if (json_object_is_type(v, json_type_string)) return json_object_get_string(v);
    json_object *nm = ld_get(v, "name");
    if (nm && json_object_is_type(nm, json_type_array) && json_object_array_length(nm))
        nm = json_object_array_get_idx(nm, 0);
    return nm && json_object_is_type(nm, json_type_string) ? json_object_get_string(nm) : NULL;
}

/* 1 if an author value is an organisation (the outlet, not a byline). */
static int ld_is_org(json_object *v) {
    json_object *t = ld_get(v, "@type");
    return t && json_object_is_type(t, json_type_string)
           && strstr(json_object_get_string(t), "Organization");
}

/* Authors: one object, a string, or a list of them -> "A", "A and B",
** "A, B and C". Organisations are not bylines: left to other sources. */
static void ld_authors(hmeta *m, json_object *v) {
    if (!v || m->ld_author) return;
    const char *names[8];
    size_t n = 0;
    if (json_object_is_type(v, json_type_array)) {
        size_t len = json_object_array_length(v);
        for (size_t i = 0; i < len && n < 8; i++) {
            json_object *e = json_object_array_get_idx(v, i);
            const char *s = ld_is_org(e) ? NULL : ld_name(e);
            if (s && *s && is_name(s)) names[n++] = s;
        }
    } else {
        const char *s = ld_is_org(v) ? NULL : ld_name(v);
        if (s && *s && is_name(s)) names[n++] = s;
    }
    if (!n) return;
    sbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_adds(&b, i + 1 == n ? " and " : ", ");
        sbuf_adds(&b, names[i]);
    }
    char *dec = decode_entities(b.s);
    hm_fill(&m->ld_author, dec);
    free(dec);
    sbuf_free(&b);
}

static int ld_is_article(json_object *o) {
    json_object *t = ld_get(o, "@type");
    if (!t) return 0;
    size_t n = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
    for (size_t i = 0; i < n; i++) {
        json_object *e = json_object_is_type(t, json_type_array) ? json_object_array_get_idx(t, i) : t;
        if (!e || !json_object_is_type(e, json_type_string)) continue;
        const char *s = json_object_get_string(e);
        if (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report")
            || !strcmp(s, "WebPage") || !strcmp(s, "Blog"))
            return strcmp(s, "WebPage") ? 2 : 1;
    }
    return 0;
}

static void fill_date(char **field, const char *s);

/* Walk a JSON-LD value for article objects (depth-bounded by json-c). */
static void ld_walk(hmeta *m, json_object *o, int depth) {
    if (!o || depth > 8) return;
    if (json_object_is_type(o, json_type_array)) {
        size_t len = json_object_array_length(o);
        for (size_t i = 0; i < len; i++) ld_walk(m, json_object_array_get_idx(o, i), depth + 1);
        return;
    }
    if (!json_object_is_type(o, json_type_object)) return;
    json_object *g = ld_get(o, "@graph");
    if (g) ld_walk(m, g, depth + 1);
    int kind = ld_is_article(o);
    if (kind == 2) {
        ld_fill(&m->ld_title, ld_get(o, "headline"));
        ld_fill(&m->ld_title, ld_get(o, "name"));
        ld_authors(m, ld_get(o, "author"));
        ld_authors(m, ld_get(o, "creator"));
        json_object *dp = ld_get(o, "datePublished");
        if (!dp) dp = ld_get(o, "dateCreated");
        if (dp && json_object_is_type(dp, json_type_string))
            fill_date(&m->ld_date, json_object_get_string(dp));
        json_object *pub = ld_get(o, "publisher");
        if (pub && json_object_is_type(pub, json_type_array) && json_object_array_length(pub))
            pub = json_object_array_get_idx(pub, 0);
        const char *pn = ld_name(pub);
        if (pn && !is_url(pn)) hm_fill(&m->ld_source, pn);
        ld_fill(&m->ld_url, ld_get(o, "url"));
        json_object *me = ld_get(o, "mainEntityOfPage");
        if (me && json_object_is_type(me, json_type_object)) ld_fill(&m->ld_url, ld_get(me, "@id"));
        else ld_fill(&m->ld_url, me);
        json_object *img = ld_get(o, "image");       /* "url", {url}, or a list of them */
        if (img && json_object_is_type(img, json_type_array) && json_object_array_length(img))
            img = json_object_array_get_idx(img, 0);
        if (img && json_object_is_type(img, json_type_object)) {
            json_object *u = ld_get(img, "url");
            img = u ? u : ld_get(img, "contentUrl");
        }
        ld_fill(&m->ld_image, img);
        json_object *ent = ld_get(o, "mainEntity");
        if (ent) ld_walk(m, ent, depth + 1);
    } else if (kind == 1) {
        json_object *ent = ld_get(o, "mainEntity");
        if (ent) ld_walk(m, ent, depth + 1);
    }
}

static void ld_parse(hmeta *m, const char *text, corpus_diag *d) {
    const char *cd = strstr(text, "<![CDATA[");
    if (cd) text = cd + 9;
    const char *b = text + strcspn(text, "{[");
    if (!*b) return;
    const char *ce = strstr(b, "]]>");
    size_t n = ce ? (size_t)(ce - b) : strlen(b);
    while (n && b[n - 1] != '}' && b[n - 1] != ']') n--;
    if (!n) { corpus_warn(d, 0, "malformed JSON-LD (no closing bracket); ignored"); return; }
    json_tokener *tok = json_tokener_new();
    json_object *o = json_tokener_parse_ex(tok, b, (int)(n > INT32_MAX ? INT32_MAX : n));
    enum json_tokener_error err = json_tokener_get_error(tok);
    if (!o || err != json_tokener_success) {
        corpus_warn(d, 0, "malformed JSON-LD (%s); its metadata ignored",
                    err == json_tokener_continue ? "unexpected end"
                                                 : json_tokener_error_desc(err));
    } else {
        ld_walk(m, o, 0);
    }
    json_object_put(o);
    json_tokener_free(tok);
}

/* Date value s -> "YYYY[-MM[-DD]]" filled into *field. */
static void fill_date(char **field, const char *s) {
    if (*field || !s) return;
    while (isspace((unsigned char)*s)) s++;
    cdate dt;
    size_t a, b;
    if (cdate_parse_iso(s, &dt) != 0) {
        if (!cdate_scan(s, strlen(s), &dt, &a, &b) || dt.y == 0) return;
    }
    char out[16];
    cdate_format(dt, out);
    *field = xstrdup(out);
}

/* 1 if s reads as a person's or outlet's name: letters, no digits, no
** '@' or URL, at most 10 words (a user handle like "ab1234" is not). */
static int is_name(const char *s) {
    if (!s || is_url(s) || !has_alnum(s)) return 0;
    for (const char *p = s; *p; p++) if (isdigit((unsigned char)*p) || *p == '@') return 0;
    return count_words(s, strlen(s)) <= 10;
}

/* Strip "By " and trailing separators from a byline (owned result or NULL). */
static char *clean_byline(const char *s) {
    while (*s && (isspace((unsigned char)*s) || strchr("|-:", *s))) s++;
    if (!strncasecmp(s, "by ", 3)) s += 3;
    while (isspace((unsigned char)*s)) s++;
    if (!strcasecmp(s, "by")) return NULL;
    size_t n = strlen(s);
    while (n && (isspace((unsigned char)s[n - 1]) || strchr("|-:,", s[n - 1]))) n--;
    if (!n || n > HTML_BYLINE_MAX || !has_alnum(s)) return NULL;
    /* a byline is a name: no sentence punctuation, no digits */
    for (size_t i = 0; i < n; i++)
        if (isdigit((unsigned char)s[i]) || s[i] == '@') return NULL;
    return xstrndup(s, n);
}

/* A text "By" or "By Name" starts a byline: the name is the text of its
** element (or the next one up when that holds only "By"). */
#define HTML_BY_TRIES 20
static void by_text(hmeta *m, xmlNode *t, int *tries) {
    const char *s = (const char *)t->content;
    while (isspace((unsigned char)*s)) s++;
    if (strncmp(s, "By", 2) && strncmp(s, "BY", 2)) return;
    if (s[2] && !isspace((unsigned char)s[2])) return;
    xmlNode *e = t->parent;
    if (!e || tag_is(e, "script") || tag_is(e, "style") || tag_is(e, "title")) return;
    (*tries)++;
    char *txt = node_text(e);
    char *c = clean_byline(txt);
    int only_by = !strcasecmp(txt, "by");
    free(txt);
    if (c && is_name(c) && count_words(c, strlen(c)) <= 6) hm_fill(&m->byline, c);
    free(c);
    if (!only_by) return;
    /* "<span>By</span> <span>Name</span>": the next element names */
    xmlNode *nx = e->next;
    while (nx && nx->type != XML_ELEMENT_NODE) nx = nx->next;
    if (!nx) return;
    txt = node_text(nx);
    c = clean_byline(txt);
    free(txt);
    if (c && is_name(c) && count_words(c, strlen(c)) <= 6) hm_fill(&m->byline, c);
    free(c);
}

/* Metadata from <head> and marked-up elements: one pass over the page. */
static void gather_meta(hmeta *m, xmlNode *root, corpus_diag *d) {
    int by_tries = 0;
    for (xmlNode *n = root; n; n = walk_next(n, root, 1)) {
        if (n->type == XML_TEXT_NODE && n->content && !m->byline && by_tries < HTML_BY_TRIES)
            by_text(m, n, &by_tries);
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *tag = (const char *)n->name;
        if (!strcmp(tag, "meta")) {
            const char *k = attr(n, "property");
            if (!k) k = attr(n, "name");
            if (!k) k = attr(n, "itemprop");
            const char *v = attr(n, "content");
            if (!k || !v) continue;
            if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title")) hm_fill(&m->og_title, v);
            else if (!strcasecmp(k, "og:site_name")) hm_fill(&m->og_site, v);
            else if (!strcasecmp(k, "og:url")) hm_fill(&m->og_url, v);
            else if (!strcasecmp(k, "og:image") || !strcasecmp(k, "og:image:url")
                     || !strcasecmp(k, "twitter:image"))
                hm_fill(&m->og_image, v);
            else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "og:published_time")
                     || !strcasecmp(k, "datePublished"))
                fill_date(&m->og_date, v);
            else if (!strcasecmp(k, "article:author") || !strcasecmp(k, "og:article:author")) {
                if (is_name(v)) hm_fill(&m->og_author, v);
            } else if (!strcasecmp(k, "author") || !strcasecmp(k, "dc.creator")
                       || !strcasecmp(k, "sailthru.author") || !strcasecmp(k, "parsely-author")) {
                if (is_name(v)) hm_fill(&m->name_author, v);
            } else if (!strcasecmp(k, "date") || !strcasecmp(k, "dc.date")
                       || !strcasecmp(k, "dc.date.issued") || !strcasecmp(k, "dcterms.created")
                       || !strcasecmp(k, "pubdate") || !strcasecmp(k, "publish-date")
                       || !strcasecmp(k, "parsely-pub-date") || !strcasecmp(k, "sailthru.date"))
                fill_date(&m->name_date, v);
        } else if (!strcmp(tag, "script")) {
            const char *t = attr(n, "type");
            if (t && !strcasecmp(t, "application/ld+json")) {
                char *txt = (char *)xmlNodeGetContent(n);
                if (txt) { ld_parse(m, txt, d); xmlFree(txt); }
            }
        } else if (!strcmp(tag, "link")) {
            const char *rel = attr(n, "rel"), *href = attr(n, "href");
            if (rel && href && !strcasecmp(rel, "canonical")) hm_fill(&m->canonical, href);
        } else if (!strcmp(tag, "title")) {
            if (!m->title) { char *t = node_text(n); hm_fill(&m->title, t); free(t); }
        } else if (!strcmp(tag, "time")) {
            const char *dt = attr(n, "datetime");
            if (dt) fill_date(&m->time_date, dt);
        } else if (!strcmp(tag, "h1")) {
            if (!m->h1_any) { char *t = node_text(n); hm_fill(&m->h1_any, t); free(t); }
        }
        if (!m->byline && strcmp(tag, "meta") && strcmp(tag, "link")) {
            const char *rel = attr(n, "rel"), *ip = attr(n, "itemprop");
            char ci[256];
            class_id(n, ci, sizeof ci);
            int by = (rel && !strcasecmp(rel, "author")) || (ip && !strcasecmp(ip, "author"))
                     || has_token(ci, (const char *const[]){ "byline", "author", "authors",
                                                              "writer", NULL });
            if (by) {
                char *t = node_text(n);
                char *c = clean_byline(t);
                free(t);
                if (c && is_name(c)) hm_fill(&m->byline, c);
                free(c);
            }
        }
    }
}

/* ---- title suffix -------------------------------------------------------- */

static int count_words(const char *s, size_t n) {
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = isspace((unsigned char)s[i]);
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

static int same_text(const char *a, size_t na, const char *b) {
    while (na && isspace((unsigned char)*a)) { a++; na--; }
    while (na && isspace((unsigned char)a[na - 1])) na--;
    return b && strlen(b) == na && !strncasecmp(a, b, na);
}

/* The title without the site's name after (or before) " | ", " - ", " — ",
** " – ", " :: ", " · " (owned). site may be NULL. */
static char *cut_site(const char *t, const char *site, const char *h1) {
    static const char *const seps[] = { " | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
                                        " :: ", " \xc2\xb7 ", " // ", NULL };
    if (h1 && *h1 && strcasecmp(t, h1) && strstr(t, h1)) {
        /* "Site | Headline" or "Headline | Site" with the h1 whole inside */
        const char *p = strstr(t, h1);
        size_t before = (size_t)(p - t);
        const char *after = p + strlen(h1);
        int ok_before = before == 0, ok_after = *after == '\0';
        for (const char *const *s = seps; *s; s++) {
            size_t k = strlen(*s);
            if (before >= k && !strncmp(p - k, *s, k)) ok_before = 1;
            if (!strncmp(after, *s, k)) ok_after = 1;
        }
        if (ok_before && ok_after) return xstrdup(h1);
    }
    size_t n = strlen(t);
    for (const char *const *s = seps; *s; s++) {
        /* last separator: suffix */
        const char *last = NULL;
        for (const char *p = strstr(t, *s); p; p = strstr(p + 1, *s)) last = p;
        if (!last) continue;
        size_t head = (size_t)(last - t);
        const char *tail = last + strlen(*s);
        if (same_text(tail, strlen(tail), site) || (count_words(tail, strlen(tail)) <= 4
                                                     && count_words(t, head) >= 3))
            return xstrndup(t, head);
        const char *first = strstr(t, *s);
        if (site && same_text(t, (size_t)(first - t), site))
            return xstrdup(first + strlen(*s));
    }
    return xstrndup(t, n);
}

/* ---- content ------------------------------------------------------------- */

typedef struct hctx {
    hinfo *infos;       /* one per element kept, owned */
    size_t ninfo;
    xmlNode **order;    /* elements in document order (pre-order), owned */
    size_t norder;
    unsigned total;     /* text bytes of the body */
    int classes;        /* 1: drop containers by their class/id words */
    unsigned pre_total; /* body text before class words (0: no guard) */
} hctx;

/* Pass 1: mark dropped elements, list the others in pre-order. */
static void mark(hctx *c, xmlNode *body) {
    size_t cap = 0;
    for (xmlNode *n = body; n; ) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            /* the pre-pass's data is still on n: a container holding most of
            ** the page's text is never dropped for its class words */
            int classes = c->classes;
            if (classes && c->pre_total && n->_private && !dropped(n)
                && info(n)->text * 2 >= c->pre_total) classes = 0;
            if (n != body && is_dropped_element(n, classes)) {
                n->_private = &html_dropped;
                descend = 0;
            } else {
                if (c->norder == cap) {
                    cap = cap ? cap * 2 : 1024;
                    c->order = xrealloc(c->order, cap * sizeof *c->order);
                }
                c->order[c->norder++] = n;
            }
        } else if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) {
            descend = 0;
        }
        n = walk_next(n, body, descend);
    }
    c->infos = xcalloc(c->norder ? c->norder : 1, sizeof *c->infos);
    for (size_t i = 0; i < c->norder; i++) c->order[i]->_private = &c->infos[i];
}

/* Pass 2: text, link text and commas of every element, bottom-up. */
static void measure(hctx *c) {
    for (size_t i = c->norder; i-- > 0;) {
        xmlNode *n = c->order[i];
        hinfo *h = info(n);
        for (xmlNode *k = n->children; k; k = k->next) {
            if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
                unsigned cm;
                h->text += collapsed_len((const char *)k->content, &cm);
                h->commas += cm;
            } else if (k->type == XML_ELEMENT_NODE && !dropped(k) && k->_private) {
                hinfo *kh = info(k);
                h->text += kh->text;
                h->link += kh->link;
                h->commas += kh->commas;
                if (tag_in(k, tags_block)) h->blockkids++;
            }
        }
        if (tag_is(n, "a")) h->link = h->text;
        if (h->link > h->text) h->link = h->text;
    }
    c->total = c->norder ? info(c->order[0])->text : 0;
}

static double link_density(const xmlNode *n) {
    const hinfo *h = info(n);
    return h->text ? (double)h->link / h->text : 0.0;
}

static double class_weight(const xmlNode *n) {
    char ci[512];
    class_id(n, ci, sizeof ci);
    double w = 0;
    if (has_word(ci, html_good_words)) w += HTML_CLASS_WEIGHT;
    if (has_word(ci, html_bad_words)) w -= HTML_CLASS_WEIGHT;
    if (is_article_hint(n)) w += HTML_CLASS_WEIGHT;
    return w;
}

static void init_candidate(xmlNode *n) {
    hinfo *h = info(n);
    if (!h || dropped(n) || h->cand) return;
    h->cand = 1;
    const char *t = (const char *)n->name;
    double s = 0;
    if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "section")
        || !strcmp(t, "main")) s = 5;
    else if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote")) s = 3;
    else if (!strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") || !strcmp(t, "li")
             || !strcmp(t, "dd") || !strcmp(t, "dt") || !strcmp(t, "address")) s = -3;
    else if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2]) s = -5;
    h->score = s + class_weight(n);
}

static int is_para_like(const xmlNode *n) {
    if (tag_is(n, "p") || tag_is(n, "pre") || tag_is(n, "td")) return 1;
    if ((tag_is(n, "div") || tag_is(n, "section")) && info(n)->blockkids == 0) return 1;
    return 0;
}

/* Pass 3: score containers; returns the best (NULL if none). */
static xmlNode *score(hctx *c) {
    for (size_t i = 0; i < c->norder; i++) {
        xmlNode *n = c->order[i];
        if (!is_para_like(n)) continue;
        const hinfo *h = info(n);
        if (h->text < HTML_PARA_MIN) continue;
        double s = 1 + h->commas + (h->text / 100 < 3 ? h->text / 100 : 3);
        xmlNode *a = n->parent;
        for (int level = 0; a && level < 5 && a->type == XML_ELEMENT_NODE; level++, a = a->parent) {
            if (!a->_private || dropped(a)) break;
            init_candidate(a);
            info(a)->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
    }
    xmlNode *best = NULL;
    double bs = 0;
    for (size_t i = 0; i < c->norder; i++) {
        xmlNode *n = c->order[i];
        hinfo *h = info(n);
        if (!h->cand) continue;
        h->score *= 1.0 - link_density(n);
        if (!best || h->score > bs) { best = n; bs = h->score; }
    }
    return best;
}

static int is_below(const xmlNode *n, const xmlNode *a) {
    for (; n; n = n->parent) if (n == a) return 1;
    return 0;
}

/* Readability's rule for an article split over several containers: when
** HTML_ALT_MIN of the top candidates scoring within HTML_ALT_SHARE of the
** best share an ancestor of the best, that ancestor is the article. */
#define HTML_ALT_TOP 5
#define HTML_ALT_SHARE 0.75
#define HTML_ALT_MIN 3
static xmlNode *common_ancestor(hctx *c, xmlNode *best, xmlNode *body) {
    xmlNode *top[HTML_ALT_TOP];
    size_t ntop = 0;
    double bs = info(best)->score;
    for (size_t i = 0; i < c->norder; i++) {
        xmlNode *n = c->order[i];
        hinfo *h = info(n);
        if (!h->cand || n == best || h->score < bs * HTML_ALT_SHARE) continue;
        if (is_below(n, best) || is_below(best, n)) continue;
        size_t k;
        if (ntop < HTML_ALT_TOP) k = ntop++;
        else if (info(top[HTML_ALT_TOP - 1])->score >= h->score) continue;
        else k = HTML_ALT_TOP - 1;
        top[k] = n;             /* then kept sorted, best first */
        while (k > 0 && info(top[k - 1])->score < info(top[k])->score) {
            xmlNode *t = top[k - 1]; top[k - 1] = top[k]; top[k] = t; k--;
        }
    }
    if (ntop + 1 < HTML_ALT_MIN) return best;
    for (xmlNode *a = best->parent; a && a != body && a->type == XML_ELEMENT_NODE; a = a->parent) {
        int count = 1;
        for (size_t i = 0; i < ntop; i++) if (is_below(top[i], a)) count++;
        if (count >= HTML_ALT_MIN) return a;
    }
    return best;
}

/* Articles split into repeated blocks of one kind (text between figures,
** quotes or ads): every element with best's tag and class attribute, not
** nested in another, with HTML_SAME_MIN bytes of text and little link text.
** Fills set[] in document order; returns how many (1: best alone). */
#define HTML_SAME_MIN 100
#define HTML_SAME_LINK 0.25
#define HTML_SAME_MAX 64
static size_t same_kind(hctx *c, xmlNode *best, xmlNode **set) {
    const char *cls = attr(best, "class");
    set[0] = best;
    if (!cls || !*cls) return 1;
    size_t n = 0;
    for (size_t i = 0; i < c->norder && n < HTML_SAME_MAX; i++) {
        xmlNode *e = c->order[i];
        if (e != best) {
            if (!tag_is(e, (const char *)best->name)) continue;
            const char *ec = attr(e, "class");
            if (!ec || strcmp(ec, cls)) continue;
            if (info(e)->text < HTML_SAME_MIN || link_density(e) > HTML_SAME_LINK) continue;
        }
        if (n && is_below(e, set[n - 1])) continue;
        set[n++] = e;
    }
    return n ? n : 1;
}

/* Readability's climb: walk up from best while the ancestors' scores stay
** above a third of best's; the first ancestor scoring more than the one
** below it is the article (the text was split by a wrapper, e.g. a
** "read more" box). Then, while best is an only child, take its parent. */
static xmlNode *climb(xmlNode *best, xmlNode *body) {
    double last = info(best)->score, floor = last / 3;
    for (xmlNode *p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (!p->_private || dropped(p)) break;
        const hinfo *h = info(p);
        if (!h->cand) continue;
        if (h->score < floor) break;
        if (h->score > last) { best = p; break; }
        last = h->score;
    }
    while (best != body && best->parent && best->parent != body && best->parent->_private
           && !dropped(best->parent)) {
        int elems = 0;
        for (xmlNode *k = best->parent->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE && k->_private && !dropped(k)) elems++;
        if (elems != 1) break;
        best = best->parent;
    }
    return best;
}

/* ---- writing paragraphs -------------------------------------------------- */

typedef struct hout {
    corpus_doc *doc;
    sbuf para;          /* paragraph being built */
    unsigned linkbytes; /* bytes of para inside links */
    int space;          /* a space is pending */
    int in_link;        /* depth of <a> */
    int heading;        /* para is a heading */
    const char *title;  /* dropped when a paragraph repeats it */
} hout;

/* Words in a byline or dateline paragraph, at most. */
#define HTML_METALINE_WORDS 12

/* 1 if the paragraph p (n bytes) is a byline ("By Name, Outlet") or a
** dateline ("Posted on April 21, 2015 at 11:29 a.m."): short, not a
** sentence, and either "By" and a capital or mostly a full date. */
static int is_meta_line(const char *p, size_t n) {
    int words = count_words(p, n);
    if (words > HTML_METALINE_WORDS) return 0;
    int sentence = n && strchr(".!?\"", p[n - 1]);
    if (n >= 4 && (!strcmp(p + n - 4, "a.m.") || !strcmp(p + n - 4, "p.m."))) sentence = 0;
    if (sentence) return 0;
    if ((!strncmp(p, "By ", 3) || !strncmp(p, "BY ", 3)) && isupper((unsigned char)p[3])) return 1;
    cdate dt;
    size_t a, b;
    if (!cdate_scan(p, n, &dt, &a, &b) || dt.y == 0 || dt.prec != CDATE_DAY) return 0;
    return words - count_words(p + a, b - a) <= 5;
}

static void flush(hout *o) {
    if (!o->para.len) { o->space = 0; o->heading = 0; o->linkbytes = 0; return; }
    char *p = sbuf_take(&o->para);
    size_t n = strlen(p);
    int keep = has_alnum(p);
    if (keep && o->linkbytes > n * HTML_LINK_MAX) keep = 0;     /* teasers too */
    if (keep && o->title && !strcasecmp(p, o->title)) keep = 0;
    if (keep && !o->heading && is_meta_line(p, n)) keep = 0;
    if (keep) corpus_doc_add_para(o->doc, nfc_take(p), 0);
    else free(p);
    o->space = 0;
    o->heading = 0;
    o->linkbytes = 0;
}

static void add_text(hout *o, const char *s) {
    size_t before = o->para.len;
    add_collapsed(&o->para, s, &o->space);
    if (o->in_link) o->linkbytes += (unsigned)(o->para.len - before);
}

/* Writes the kept text below root as paragraphs (iterative walk). */
static void write_container(hout *o, xmlNode *root) {
    xmlNode *n = root;
    for (;;) {
        int descend = 1;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) add_text(o, (const char *)n->content);
        } else if (n->type != XML_ELEMENT_NODE || dropped(n) || !n->_private) {
            descend = 0;
        } else if (tag_is(n, "h1") && n != root) {
            flush(o);
            descend = 0;
        } else if (tag_is(n, "br")) {
            xmlNode *nx = n->next;
            while (nx && nx->type == XML_TEXT_NODE && nx->content
                   && !has_alnum((const char *)nx->content)) nx = nx->next;
            if (tag_is(nx, "br") || (nx == NULL)) flush(o);
            else o->space = 1;
        } else if (tag_in(n, tags_block)) {
            flush(o);
            if (tag_in(n, tags_heading)) o->heading = 1;
        } else if (tag_is(n, "a")) {
            o->in_link++;
        } else if (tag_is(n, "td") || tag_is(n, "th")) {
            o->space = 1;
        }
        if (descend && n->type == XML_ELEMENT_NODE && n->children) { n = n->children; continue; }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE && n->_private && !dropped(n)) {
                if (tag_is(n, "a") && o->in_link > 0) o->in_link--;
                else if (tag_in(n, tags_block)) flush(o);
            }
            if (n == root) return;
            if (n->next) { n = n->next; break; }
            n = n->parent;
            if (!n) return;
        }
    }
}

/* The best container and its siblings of similar score, in order. */
static void write_article(hout *o, xmlNode *best) {
    xmlNode *parent = best->parent;
    if (!parent || tag_is(best, "body") || !parent->_private || dropped(parent)) {
        write_container(o, best);
        flush(o);
        return;
    }
    double bs = info(best)->score;
    double thresh = bs * HTML_SIBLING_SHARE > 10 ? bs * HTML_SIBLING_SHARE : 10;
    for (xmlNode *s = parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !s->_private || dropped(s)) continue;
        int take = s == best;
        const hinfo *h = info(s);
        if (!take && h->cand && h->score >= thresh) take = 1;
        if (!take && tag_is(s, "p")) {
            double ld = link_density(s);
            if (h->text > 80 && ld < 0.25) take = 1;
            else if (h->text > 0 && ld == 0) {
                char *t = node_text(s);
                size_t k = strlen(t);
                if (k && t[k - 1] == '.') take = 1;
                free(t);
            }
        }
        if (take) { write_container(o, s); flush(o); }
    }
}

/* ---- driver -------------------------------------------------------------- */

static void no_errors(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void no_serrors(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

static xmlNode *find_child(xmlNode *n, const char *name) {
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (tag_is(c, name)) return c;
    return NULL;
}

/* The <h1> inside the chosen container, or before it within its parent. */
static char *article_h1(xmlNode *best) {
    int level = 0;
    for (xmlNode *a = best; a && level < 3; a = a->parent, level++) {
        for (xmlNode *n = a; n; n = walk_next(n, a, !dropped(n) || n == a)) {
            if (tag_is(n, "h1")) {
                char *t = node_text(n);
                if (has_alnum(t)) return t;
                free(t);
            }
        }
        if (tag_is(a, "body")) break;
    }
    return NULL;
}

static void apply_meta(corpus_meta *out, hmeta *m, char *h1) {
    const char *site = m->ld_source ? m->ld_source : m->og_site;
    /* title: JSON-LD, og:title (site cut), h1, <title> (site cut) */
    if (m->ld_title) corpus_meta_fill(&out->title, m->ld_title);
    if (m->og_title) {
        char *t = cut_site(m->og_title, site, h1 ? h1 : m->h1_any);
        corpus_meta_fill(&out->title, t);
        free(t);
    }
    corpus_meta_fill(&out->title, h1);
    if (m->title) {
        char *t = cut_site(m->title, site, h1 ? h1 : m->h1_any);
        corpus_meta_fill(&out->title, t);
        free(t);
    }
    corpus_meta_fill(&out->author, m->ld_author);
    corpus_meta_fill(&out->author, m->og_author);
    corpus_meta_fill(&out->author, m->name_author);
    corpus_meta_fill(&out->author, m->byline);
    corpus_meta_fill(&out->published, m->ld_date);
    corpus_meta_fill(&out->published, m->og_date);
    corpus_meta_fill(&out->published, m->name_date);
    corpus_meta_fill(&out->published, m->time_date);
    corpus_meta_fill(&out->source, m->ld_source);
    corpus_meta_fill(&out->source, m->og_site);
    if (m->ld_url && is_url(m->ld_url) && strstr(m->ld_url, "://")) corpus_meta_fill(&out->url, m->ld_url);
    if (m->og_url && strstr(m->og_url, "://")) corpus_meta_fill(&out->url, m->og_url);
    if (m->canonical && strstr(m->canonical, "://")) corpus_meta_fill(&out->url, m->canonical);
    corpus_meta_fill(&out->image, m->ld_image);
    corpus_meta_fill(&out->image, m->og_image);
}

/* ---- the article's own pictures ------------------------------------------- */

#define HTML_IMG_MIN_PX 100     /* an <img> declared smaller: an icon, an avatar, a counter */
#define HTML_IMG_MAX 12         /* <img> kept as candidates (corpus_image keeps fewer) */
#define HTML_IMG_ALT_MAX 300    /* bytes of alt text or caption kept */

static const char *const tags_picture[] = { "figure", "picture", NULL };

/* A width or height attribute that declares fewer than HTML_IMG_MIN_PX. */
static int declared_small(const xmlNode *img) {
    static const char *const dims[] = { "width", "height" };
    for (int i = 0; i < 2; i++) {
        const char *v = attr(img, dims[i]);
        if (v && *v >= '0' && *v <= '9' && atoi(v) < HTML_IMG_MIN_PX) return 1;
    }
    return 0;
}

/* The caption of the <figure> around img (below stop), or NULL. */
static char *figure_caption(xmlNode *img, const xmlNode *stop) {
    for (xmlNode *a = img->parent; a && a != stop; a = a->parent) {
        if (!tag_is(a, "figure")) continue;
        for (xmlNode *c = a; c; c = walk_next(c, a, 1))
            if (tag_is(c, "figcaption")) {
                char *t = node_text(c);
                if (has_alnum(t)) return t;
                free(t);
            }
        break;
    }
    return NULL;
}

/* Every <img> inside the chosen container(s), as lines "src<TAB>alt<TAB>page"
** appended to meta->images_more (when nothing filled it before): the
** pictures the article itself shows, which a "complete" save keeps in
** NAME_files/ (corpus_image.c looks there, and says nothing of the ones a
** save left out: "page"). Figures are walked into though they are no text;
** what the extraction dropped for its class or role (related stories,
** share bars, promotions) is not. Left out: inline data, SVG, and images
** declared under HTML_IMG_MIN_PX. The alt text is the image's own, or its
** figure's caption. */
static void article_images(xmlNode *const *set, size_t nset, corpus_meta *meta) {
    if (meta->images_more) return;
    sbuf b = {0};
    corpus_strv seen = {0};
    for (size_t i = 0; i < nset && seen.n < HTML_IMG_MAX; i++) {
        xmlNode *root = set[i];
        for (xmlNode *n = root; n && seen.n < HTML_IMG_MAX;
             n = walk_next(n, root, n == root || !dropped(n) || tag_in(n, tags_picture))) {
            if (n->type != XML_ELEMENT_NODE || !tag_is(n, "img") || declared_small(n)
                || is_hidden(n))
                continue;
            const char *src = attr(n, "src");
            if (!src || !*src || !strncasecmp(src, "data:", 5)) src = attr(n, "data-src");
            if (!src || !*src || !strncasecmp(src, "data:", 5)) continue;
            const char *q = src + strcspn(src, "?#");
            if (q - src >= 4 && !strncasecmp(q - 4, ".svg", 4)) continue;
            if (strchr(src, '\t') || strchr(src, '\n')) continue;
            int dup = 0;
            for (size_t k = 0; k < seen.n && !dup; k++) dup = !strcmp(seen.v[k], src);
            if (dup) continue;
            corpus_strv_push(&seen, xstrdup(src));
            const char *alt = attr(n, "alt");
            char *text = alt && has_alnum(alt) ? xstrdup(alt) : figure_caption(n, root);
            sbuf_add(&b, src, strlen(src));
            sbuf_add(&b, "\t", 1);
            if (text) {
                for (char *c = text; *c; c++)
                    if (*c == '\t' || *c == '\n' || *c == '\r') *c = ' ';
                size_t len = strlen(text);
                if (len > HTML_IMG_ALT_MAX) {           /* cut at a character's start */
                    len = HTML_IMG_ALT_MAX;
                    while (len && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
                }
                sbuf_add(&b, text, len);
            }
            sbuf_add(&b, "\tpage\n", 6);
            free(text);
        }
    }
    corpus_strv_free(&seen);
    if (b.len) meta->images_more = sbuf_take(&b);
    sbuf_free(&b);
}

/* Reset the per-element data of every element below root. */
static void clear_private(xmlNode *root) {
    for (xmlNode *k = root; k; k = walk_next(k, root, 1))
        if (k->type == XML_ELEMENT_NODE) k->_private = NULL;
}

static size_t doc_chars(const corpus_doc *doc) {
    size_t chars = 0;
    for (size_t i = 0; i < doc->npara; i++) chars += strlen(doc->paras[i]);
    return chars;
}

/* One extraction: paragraphs into doc (meta too, fill-only); classes as in
** hctx. Leaves every _private NULL. */
static void extract(xmlNode *root, xmlNode *body, hmeta *m, int classes, corpus_doc *doc) {
    hctx pre = {0}, c = {0};
    if (classes) {         /* text of every container before class words */
        mark(&pre, body);
        measure(&pre);
        c.pre_total = pre.total;
    }
    c.classes = classes;
    mark(&c, body);
    measure(&c);
    xmlNode *best = score(&c);
    xmlNode *set[HTML_SAME_MAX];
    size_t nset = 0;
    if (best) {
        xmlNode *ca = common_ancestor(&c, best, body);
        nset = ca == best ? same_kind(&c, best, set) : 1;
        if (nset == 1) best = set[0] = climb(ca, body);
    }
    if (!best || info(best)->text < CORPUS_HTML_MIN_CHARS) {
        /* nothing scored: a page of bare text (no <p>) counts when long */
        if (c.total >= CORPUS_HTML_MIN_CHARS && c.norder && (!best || info(best)->text * 2 < c.total))
            best = body;
    }
    if (best) {
        char *h1 = article_h1(best);
        apply_meta(&doc->meta, m, h1);
        if (nset > 1 && best != body) article_images(set, nset, &doc->meta);
        else article_images(&best, 1, &doc->meta);
        hout o = { doc, {0}, 0, 0, 0, 0, doc->meta.title };
        if (nset > 1 && best != body) {
            for (size_t i = 0; i < nset; i++) { write_container(&o, set[i]); flush(&o); }
        } else {
            write_article(&o, best);
        }
        sbuf_free(&o.para);
        free(h1);
    }
    clear_private(root);
    free(c.order);
    free(c.infos);
    free(pre.order);
    free(pre.infos);
}

int corpus_html(const char *bytes, size_t n, corpus_doc *doc, corpus_diag *d) {
    if (n > CORPUS_MAX_HTML_BYTES) {
        corpus_warn(d, 0, "page too large (%zu bytes, limit %u)", n, CORPUS_MAX_HTML_BYTES);
        return -1;
    }
    if (n > INT32_MAX) return -1;
    size_t skip;
    char decl[64] = "";
    const char *enc = pick_encoding(bytes, n, &skip, decl, sizeof decl, d);
    xmlSetGenericErrorFunc(NULL, no_errors);
    xmlSetStructuredErrorFunc(NULL, no_serrors);
    size_t plen = n - skip;
    char *plain = NULL;
    if (strncmp(enc, "UTF-16", 6)) plain = strip_raw(bytes + skip, n - skip, &plen);
    const char *src = plain ? plain : bytes + skip;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr hd = ctxt ? htmlCtxtReadMemory(ctxt, src, (int)plen, NULL, enc,
                                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
                                              | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                                              | HTML_PARSE_COMPACT) : NULL;
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
    /* libxml2 stops at 256 levels of nesting (its guard against deep
    ** markup); what came before is kept */
    if (ctxt && ctxt->lastError.message && strstr(ctxt->lastError.message, "depth"))
        corpus_warn(d, 0, "markup nested too deeply (over 256 levels); the rest of the page "
                    "is ignored");
    if (ctxt) htmlFreeParserCtxt(ctxt);
    free(plain);
    if (!hd) { corpus_warn(d, 0, "cannot parse the HTML"); return -1; }
    xmlNode *root = xmlDocGetRootElement(hd);
    if (!root) {
        corpus_warn(d, 0, "no article found (the page is empty)");
        xmlFreeDoc(hd);
        return -1;
    }
    hmeta m = {0};
    gather_meta(&m, root, d);
    xmlNode *body = tag_is(root, "body") ? root : find_child(root, "body");
    if (!body) body = root;

    extract(root, body, &m, 1, doc);
    size_t chars = doc_chars(doc);
    if (chars < CORPUS_HTML_RETRY_CHARS) {
        /* Readability's second try: class words may have hidden the article */
        corpus_doc alt = {0};
        extract(root, body, &m, 0, &alt);
        if (doc_chars(&alt) > 2 * chars) {
            corpus_meta keep = doc->meta;
            memset(&doc->meta, 0, sizeof doc->meta);
            corpus_doc_free(doc);
            doc->meta = keep;
            doc->paras = alt.paras;
            doc->para_line = alt.para_line;
            doc->npara = alt.npara;
            alt.paras = NULL;
            alt.para_line = NULL;
            alt.npara = 0;
            if (!doc->meta.title) { doc->meta.title = alt.meta.title; alt.meta.title = NULL; }
            chars = doc_chars(doc);
        }
        corpus_doc_free(&alt);
    }
    int rc = 0;
    if (chars < CORPUS_HTML_MIN_CHARS) {
        corpus_warn(d, 0, "no article found in the page (%zu bytes of text in its main block; "
                    "a section front, a login wall or an empty page?)", chars);
        rc = -1;
    }
    hmeta_free(&m);
    xmlFreeDoc(hd);
    return rc;
}
