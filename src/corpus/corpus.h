/*
** src/corpus/corpus.h: the ingest pipeline of vitrine-corpus.
**
** One raw article file goes through these stages, each in its own file:
**
**   corpus_read.c         bytes -> NUL-terminated NFC UTF-8, LF endings, no BOM
**                         (invalid UTF-8 decoded as Windows-1252 with a warning)
**   corpus_html.c         a saved HTML page (.html/.htm) -> corpus_doc: charset,
**                         metadata (JSON-LD, OpenGraph, meta, h1, title) and the
**                         main text by document structure; replaces the front
**                         matter and cleaning stages for such files
**   corpus_frontmatter.c  leading YAML front matter -> corpus_meta, removed
**   corpus_clean.c        entities, Markdown links, boilerplate, bylines and
**                         datelines -> corpus_doc (paragraphs + metadata)
**     corpus_clean_page.c   (inside clean) a copied page's headline, byline,
**                         article start and end, furniture
**   corpus_furniture.c    lines recurring across the files of one build
**   corpus_sidecar.c      NAME.meta beside the article fills/overrides metadata
**   corpus_sentence.c     sentence boundaries (abbreviation- and quote-aware)
**   corpus_summary.c      extractive summary: 2-4 sentences, 25-90 words
**   corpus_quotes.c       direct quotations with resolved speakers
**   corpus_dates.c        date parsing and dated timeline events (ranges,
**                         tense-anchored dates, texts that stand alone)
**   corpus_damage.c       warnings for text damaged in transit
**   corpus_ingest.c       runs the stages for one file -> corpus_article
**   corpus_db.c           writes / checks the SQLite database (schema there)
**   main.c                the command line
**
** Ownership: every char* inside the structs below is owned by the struct and
** freed by its *_free function. Stages never keep pointers into their input.
** No stage prints directly: warnings go through corpus_warn().
*/
#ifndef VITRINE_CORPUS_H
#define VITRINE_CORPUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- diagnostics --------------------------------------------------------- */

/* Where warnings about one input file go. */
typedef struct corpus_diag {
    const char *path;   /* file being read (borrowed); printed as "path:line: " */
    int nwarn;          /* warnings reported so far */
    int quiet;          /* 1: count warnings but print nothing (tests) */
    struct sbuf *buf;   /* non-NULL: messages are appended here, not printed (the
                        ** build's threads; borrowed) */
} corpus_diag;

/* Report "path:line: message" on stderr (line 0: "path: message"), or
** append it to d->buf. */
void corpus_warn(corpus_diag *d, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- string vector ------------------------------------------------------- */

typedef struct corpus_strv {
    char **v;           /* owned strings */
    size_t n;
} corpus_strv;

void corpus_strv_push(corpus_strv *sv, char *s);   /* takes ownership of s */
void corpus_strv_free(corpus_strv *sv);

/* ---- stage 1: reading ---------------------------------------------------- */

#define CORPUS_MAX_FILE_BYTES (4u * 1024u * 1024u)  /* larger files are refused */

/* Read path into *text (owned, NUL-terminated, valid UTF-8 in NFC, LF line
** endings, BOM removed). Returns 0, or -1 after a message naming the file
** and the problem (unreadable, empty, binary, too large). */
int corpus_read_file(const char *path, char **text, size_t *len, corpus_diag *d);

/* Same for bytes already in memory (used by tests and the fuzzer). */
int corpus_decode(const char *bytes, size_t n, char **text, size_t *len, corpus_diag *d);

/* Read path's raw bytes into *bytes (owned, NUL-terminated, *n bytes) when
** it is a readable regular file of at most limit bytes. Returns 0, or -1
** after a message naming the file and the problem (unreadable, empty,
** larger than limit). */
int corpus_read_raw(const char *path, size_t limit, char **bytes, size_t *n, corpus_diag *d);
/* Offset of the first byte of s[0..n) that starts no valid UTF-8 sequence
** (utf8proc's rules), or n when all is valid; *ascii (may be NULL) is 1 when
** no byte before that offset is above 0x7F. */
size_t corpus_utf8_first_invalid(const unsigned char *s, size_t n, int *ascii);

/* ---- metadata ------------------------------------------------------------ */

typedef struct corpus_meta {
    char *title;        /* NULL when unknown */
    char *published;    /* ISO 8601 at its precision: YYYY, YYYY-MM or YYYY-MM-DD */
    char *source;       /* outlet name, e.g. from a credit or the URL's host */
    char *author;
    char *url;
    char *image;        /* lead picture: a local path or a URL (see corpus_image.c) */
    char *image_credit; /* who made it, as the picture's credit line */
    char *image_alt;    /* what it shows, for those who cannot see it */
    char *images_more;  /* further pictures: lines "target<TAB>alt" (a Markdown
                        ** image after the first, the sidecar's images =), or
                        ** "target<TAB>alt<TAB>page" (a saved page's <img>:
                        ** looked for quietly, see corpus_image.c) */
} corpus_meta;

void corpus_meta_free(corpus_meta *m);
/* Set *field to a copy of value unless it is already set (fill) or always
** (override). value NULL or "" does nothing. */
void corpus_meta_fill(char **field, const char *value);
void corpus_meta_set(char **field, const char *value);

/* ---- stage 2: front matter ----------------------------------------------- */

/* If text starts with a YAML front matter block ("---" line ... "---" line),
** read title, date, author, permalink/guid/url into meta (filling fields not
** yet set) and return the byte offset where the body starts, and its line
** number (1-based) in *body_line. Without front matter: 0 and line 1. */
size_t corpus_frontmatter(const char *text, corpus_meta *meta, int *body_line,
                          corpus_diag *d);

/* ---- stage 3: cleaning --------------------------------------------------- */

/* What a paragraph is. Only CORPUS_PARA_BODY paragraphs feed summaries and
** events; quotes skip subheadings (a subhead often repeats a quote). All
** kinds are stored in the body, each as its own paragraph. */
typedef enum corpus_para_kind {
    CORPUS_PARA_BODY = 0,   /* running text */
    CORPUS_PARA_SUBHEAD,    /* a subheading between paragraphs of the article */
    CORPUS_PARA_ITEM        /* a list item inside the article */
} corpus_para_kind;

typedef struct corpus_doc {
    corpus_meta meta;   /* what the text itself says (fill-only over front matter) */
    char **paras;       /* cleaned paragraphs, owned; no boilerplate */
    int *para_line;     /* source line of each paragraph, for warnings */
    unsigned char *para_kind;   /* corpus_para_kind of each paragraph (parallel array) */
    size_t npara;
    const struct corpus_furniture *furniture;   /* borrowed, set before corpus_clean
                                                ** or NULL: lines recurring in other
                                                ** files of the build (site furniture) */
} corpus_doc;

void corpus_doc_free(corpus_doc *doc);
void corpus_doc_add_para(corpus_doc *doc, char *para, int line); /* takes ownership; BODY */
void corpus_doc_add_para_kind(corpus_doc *doc, char *para, int line, corpus_para_kind kind);
/* 1 if paragraph i is running text (CORPUS_PARA_BODY). */
int corpus_doc_is_body(const corpus_doc *doc, size_t i);

/* Clean body (after front matter; first_line is its line number) into doc:
** HTML entities decoded, Markdown links reduced to their text, boilerplate
** removed, a repeated headline dropped, bylines/datelines/credits turned into
** doc->meta (fill-only: fields already set, e.g. from front matter, win).
** Returns 0, or -1 when nothing of an article is left. */
int corpus_clean(const char *body, int first_line, corpus_doc *doc, corpus_diag *d);

/* ---- stage 2b: saved HTML pages ------------------------------------------ */

/* Saved pages are larger than text: the markup is 90% of a page. */
#define CORPUS_MAX_HTML_BYTES (16u * 1024u * 1024u)

/* 1 if path ends in .html, .htm or .xhtml (any case). */
int corpus_html_name(const char *path);
/* 1 if the first bytes look like HTML markup (a doctype, <html>, <head>,
** <body>, <p>, <div>, ... or a UTF-16 byte order mark). */
int corpus_html_sniff(const char *bytes, size_t n);
/* Parse a saved page into doc: meta filled (fill-only) from JSON-LD,
** OpenGraph/article meta, <meta name=author>, <time>, the article's <h1>
** and <title>; paragraphs from the main text (plain NFC UTF-8, boilerplate
** containers and captions out, subheadings and list items as their own
** paragraphs). Returns 0, or -1 after a message when no article is found
** or the page is too large. Malformed JSON-LD is a warning, not a refusal. */
int corpus_html(const char *bytes, size_t n, corpus_doc *doc, corpus_diag *d);

/* ---- cross-file evidence ------------------------------------------------- */

/* Lines that recur across the files of one build (corpus_furniture.c). */
typedef struct corpus_furniture corpus_furniture;

corpus_furniture *corpus_furniture_create(void);
void corpus_furniture_destroy(corpus_furniture *f);     /* NULL ok */
/* Count the lines of one more file (text as corpus_read_file gives it). */
void corpus_furniture_add_file(corpus_furniture *f, const char *text);
/* Same from a file's raw bytes (no decoding: cheap). 0, or -1 when the file
** cannot be read or is no text (the ingest then says why). */
int corpus_furniture_add_path(corpus_furniture *f, const char *path);
/* How many files counted hold the line s[0..n) (0 when f is NULL). */
int corpus_furniture_files(const corpus_furniture *f, const char *s, size_t n);

/* ---- stage 4: sidecar ---------------------------------------------------- */

/* Path of the sidecar for an article: the article's path with its extension
** replaced by ".meta" (owned). */
char *corpus_sidecar_path(const char *article_path);

/* Read the sidecar (INI keys title, published, source, author, url; no
** section needed) if it exists; its values override meta. Unknown keys and
** malformed dates get a warning naming the sidecar file and line, and are
** ignored. Returns 0 (also when there is no sidecar), -1 when it exists but
** cannot be read. */
int corpus_sidecar_apply(const char *article_path, corpus_meta *meta, corpus_diag *d);
/* Same with the sidecar's text in memory; name is used in warnings. */
int corpus_sidecar_apply_text(const char *name, const char *text, corpus_meta *meta,
                              corpus_diag *d);

/* ---- stage 5: sentences -------------------------------------------------- */

typedef struct corpus_span {
    size_t start, end;  /* byte range [start, end) in the text, trimmed */
} corpus_span;

/* Split text into sentences. Survives abbreviations (U.S., Dec., Mr., No. 1,
** initials), decimals, and sentence-final punctuation inside quotes. Returns
** the count; *spans is owned by the caller (free()), NULL when 0. */
size_t corpus_sentences(const char *text, size_t len, corpus_span **spans);

/* ---- stage 6: summary ---------------------------------------------------- */

/* 2 to 4 whole sentences of the article, 25 to 90 words together, in article
** order, each a copy of the sentence text. Returns 0, -1 if no acceptable
** summary exists (e.g. a very short article; out stays empty). */
int corpus_summarize(const corpus_doc *doc, corpus_strv *out);

/* ---- stage 7: quotes ----------------------------------------------------- */

typedef enum corpus_quote_kind {
    CQUOTE_WHOLE = 0,   /* one or more whole sentences of the speaker */
    CQUOTE_PARTIAL = 1  /* a fragment woven into the reporter's sentence */
} corpus_quote_kind;

typedef struct corpus_quote {
    char *text;         /* without the outer quotation marks; a whole quote
                        ** ends in . ? ! (a comma before "he said" becomes a
                        ** full stop), a partial one as quoted */
    char *speaker;      /* full name as used in the article; NULL if unresolved */
    char *role;         /* speaker's title or affiliation as the article gives
                        ** it, at most QUOTE_ROLE_MAX_WORDS words; NULL if none */
    char *context;      /* partial: the reporter's whole sentence, whitespace
                        ** collapsed, the quoted words in “ ” and holding text
                        ** verbatim; NULL for a whole quote */
    corpus_quote_kind kind;
    int org;            /* the speaker is an organisation, not a person */
    size_t para;        /* index of the paragraph where the quote starts */
} corpus_quote;

#define QUOTE_ROLE_MAX_WORDS 8

int corpus_quotes(const corpus_doc *doc, corpus_quote **quotes, size_t *n);
void corpus_quotes_free(corpus_quote *quotes, size_t n);
const char *corpus_quote_kind_name(corpus_quote_kind k);   /* "whole", "partial" */

struct corpus_article;
/* One person, one speaker across the corpus (run after every article is
** ingested): a surname-only speaker takes the full name of the one person
** of that surname speaking elsewhere (none when two differ by first name),
** and a speaker without a role takes the role the same full name has in
** another article (the first in article order). */
void corpus_quotes_unify(struct corpus_article *arts, size_t n);

/* ---- stage 8: dates ------------------------------------------------------ */

typedef enum cdate_prec {
    CDATE_NONE = 0, CDATE_YEAR = 1, CDATE_MONTH = 2, CDATE_DAY = 3
} cdate_prec;

typedef struct cdate {
    int y, m, d;        /* m, d are 0 below their precision */
    cdate_prec prec;
} cdate;

/* "YYYY", "YYYY-MM", "YYYY-MM-DD", optionally followed by a time
** ("T16:17:01+00:00", " 09:09"). Validates month and day. 0 ok, -1 not. */
int cdate_parse_iso(const char *s, cdate *out);
/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" into out (at least 11 bytes). */
void cdate_format(cdate date, char *out);
const char *cdate_prec_name(cdate_prec p);   /* "year", "month", "day" */
/* Find the first absolute date expression in s[0..len) ("April 27, 2018",
** "Dec. 17, 2015", "17 December 2015", "2020-09-21", "September 2015");
** returns 1 and its byte range, or 0. Used for datelines. The best date
** wins (full date > month + year > day without year > bare year), then the
** first. The range includes a leading weekday ("Thursday, Dec. 17, 2015")
** and time ("08:46, December 17, 2015"). "Sept. 8" gives prec CDATE_DAY
** with y == 0: the year is not stated, the caller must supply it. */
int cdate_scan(const char *s, size_t len, cdate *out, size_t *mstart, size_t *mend);

typedef struct corpus_event {
    cdate date;         /* the start */
    cdate end;          /* a range's end ("from January to October"), after
                        ** date; prec CDATE_NONE for a point event */
    char *text;         /* the clause or sentence stating it, trimmed; passes
                        ** corpus_event_standalone() */
    size_t para;        /* paragraph index */
} corpus_event;

/* Every dated statement of the body; relative dates resolved against
** doc->meta.published (skipped when that is unknown) or against the date
** the narrative last moved to ("three days later", "the previous Friday").
** A date without a year goes forward or backward by the tense of its
** clause. Texts that would not stand alone are left out. */
int corpus_events(const corpus_doc *doc, corpus_event **events, size_t *n);
void corpus_events_free(corpus_event *events, size_t n);

/* 1 when an event text reads on its own: it starts a sentence or a whole
** clause (capital letter or opening quote, not inside a quotation), does
** not open with a word pointing back ("It", "He", "His", "This", "These",
** "The piece"...), has balanced quotation marks, at most
** CORPUS_EVENT_MAX_WORDS words, does not end on a dangling word or an
** ellipsis, and is not about the article itself. Otherwise 0, with a short
** reason in *why (static) when why is not NULL. */
#define CORPUS_EVENT_MAX_WORDS 35
int corpus_event_standalone(const char *text, const char **why);

/* ---- damage -------------------------------------------------------------- */

/* Warn (one warning per kind, naming the paragraph's line and a sample) when
** the cleaned text looks damaged: digits stripped ("grew  percent", "the
** s" for a decade), apostrophes stripped ("Chinas", "countrys", "dont"),
** words run together ("said.The", "securityChina"), mojibake ("Ã©", "â€™").
** Returns the number of warnings given. Implemented in corpus_damage.c. */
int corpus_damage_check(const corpus_doc *doc, corpus_diag *d);

/* ---- pictures (corpus_image.c) ------------------------------------------ */

#define CORPUS_IMAGE_MAX_SIDE 1920  /* px: default long side a picture is scaled to fit */
#define CORPUS_IMAGE_THUMB_SIDE 800 /* px: long side of the small rendition ("thumb") */

#define CORPUS_IMAGES_MORE 4        /* further pictures after the lead, at most */

typedef struct corpus_image {
    const char *role;       /* "lead", "thumb", "more", "more_thumb" (static) */
    const char *format;     /* "jpeg" or "png" (static): what bytes hold */
    int w, h;               /* px, as stored */
    unsigned char *bytes;   /* owned, n bytes: the encoded picture */
    size_t n;
    char *credit, *alt;     /* owned; NULL when not given */
    char *file;             /* owned: base name of the source file */
    float focus_x, focus_y; /* focal point, 0..1 of w and h */
    uint64_t dhash;         /* difference hash of its gray 9 x 8: the same picture at
                            ** another size or quality differs in a few bits */
} corpus_image;

/* Long side pictures are scaled to fit (process-wide; at least 64). */
void corpus_image_set_max_side(int px);
/* Once, before pictures are decoded on several threads. */
void corpus_image_prepare(void);
/* The lead picture of the article at path (see corpus_image.c for where it
** is looked for). 0 found (out filled; *thumb too when thumb is not NULL
** and the picture is larger than a thumb: else thumb->bytes NULL), 1 none,
** -1 one found but refused (warned). */
int corpus_image_lead(const char *article, const corpus_meta *meta, corpus_image *out,
                      corpus_image *thumb, corpus_diag *d);
/* Check, decode, scale and encode one picture (name: for messages and its
** extension), and its thumb (thumb may be NULL). 0 ok, -1 refused with a
** warning. */
/* The article's further pictures (a gallery after the lead): those
** meta->images_more names, then NAME-2 ... NAME-9 (.jpg, .jpeg, .png,
** .webp) beside it; not the lead again (lead: NULL when none; by file
** name, and for a saved page's <img> also by content: corpus_image_same),
** CORPUS_IMAGES_MORE at most. Each is checked, scaled and encoded as the
** lead is, and stored as "more" followed by its "more_thumb" when it has
** one. Fills out (room for 2 * CORPUS_IMAGES_MORE) and returns how many it
** filled; a refused picture is a warning and is left out. */
size_t corpus_image_more(const char *article, const corpus_meta *meta, const corpus_image *lead,
                         corpus_image *out, corpus_diag *d);
/* 1 when two pictures look the same (their dhash differ in at most
** CORPUS_IMAGE_SAME_BITS bits): one photo as a page's og:image and again
** at another size in its article. */
int corpus_image_same(const corpus_image *a, const corpus_image *b);
#define CORPUS_IMAGE_SAME_BITS 6
/* A saved page's <img> smaller than this on both sides is not taken into
** the gallery (a blurred placeholder, a thumbnail strip): px. */
#define CORPUS_IMAGE_PAGE_MIN_SIDE 300
int corpus_image_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                            corpus_image *out, corpus_image *thumb, corpus_diag *d);
int corpus_image_load(const char *path, corpus_image *out, corpus_image *thumb, corpus_diag *d);
void corpus_image_free(corpus_image *im);
/* "jpeg", "png", "webp", "gif" by the first bytes, or NULL. */
const char *corpus_image_sniff(const unsigned char *b, size_t n);
/* Width and height from the header of a picture of that format; 0 ok. */
int corpus_image_dims(const unsigned char *b, size_t n, const char *fmt, int *w, int *h);
/* Focal point (0..1) of a w x h gray picture: the centre of the third (of
** each side) with the most detail, its gradients plus detail[] (texture
** within each cell, NULL: none); 0.5, 0.5 for a flat one. */
void corpus_image_focus(const unsigned char *gray, const unsigned char *detail, int w, int h,
                        float *fx, float *fy);
/* An 8-bit plane of sw x sh (rows sstride bytes apart) scaled to dw x dh
** into dst (rows dstride apart): a tent filter as wide as a target pixel
** when shrinking, so every source pixel counts (corpus_resize.c). */
void corpus_plane_resize(const unsigned char *src, int sw, int sh, int sstride,
                         unsigned char *dst, int dw, int dh, int dstride);
/* A Markdown image "![alt](file)" in text fills meta->image and image_alt. */
void corpus_image_markdown(const char *text, corpus_meta *meta);

/* ---- driver and database ------------------------------------------------- */

typedef struct corpus_article {
    char *path;         /* input file */
    char *slug;         /* unique within a database */
    corpus_doc doc;
    corpus_strv summary;
    corpus_quote *quotes; size_t nquotes;
    corpus_event *events; size_t nevents;
    corpus_image *images; size_t nimages;   /* the lead picture, then its thumb */
} corpus_article;

/* Run every stage on one file. 0 ok, -1 file refused (message printed). */
int corpus_ingest_file(const char *path, corpus_article *out, corpus_diag *d);
/* Same, with the build's furniture (borrowed; NULL: none). */
int corpus_ingest_file_with(const char *path, const corpus_furniture *furniture,
                            corpus_article *out, corpus_diag *d);
/* corpus_ingest_file_with in two steps, as the build runs them: the text
** (every stage but the picture; 0 ok, -1 refused), then the article's
** lead picture (found, decoded, scaled, encoded: the costly part; a
** refused picture is a warning and the article stays). The second step
** is reentrant: the build runs it for several articles at once, each with
** its own diag (d->buf set). */
int corpus_ingest_text_file(const char *path, const corpus_furniture *furniture,
                            corpus_article *out, corpus_diag *d);
void corpus_ingest_pictures(const char *path, corpus_article *a, corpus_diag *d);
/* Same on bytes in memory (sidecar NULL or its text). */
int corpus_ingest_bytes(const char *name, const char *bytes, size_t n,
                        const char *sidecar, corpus_article *out, corpus_diag *d);
void corpus_article_free(corpus_article *a);

/* Write the articles atomically to out_path (temporary file beside it, then
** rename). 0 ok, -1 with a message; on failure the old file is untouched. */
int corpus_db_write(const char *out_path, corpus_article *arts, size_t n);
/* Validate a database and print what it holds to out. 0 valid, -1 not. */
int corpus_db_check(const char *path, FILE *out);

#endif
