/*
** src/corpus/corpus_clean_int.h: internals of the cleaning stage, shared by
** corpus_clean.c (driver and rules) and corpus_clean_text.c (character-level
** normalisation, words, sentences). Not part of the pipeline contract.
*/
#ifndef VITRINE_CORPUS_CLEAN_INT_H
#define VITRINE_CORPUS_CLEAN_INT_H

#include "corpus/corpus.h"
#include "common/util.h"

#include <stddef.h>
#include <stdint.h>

/* Line-start markup recognised by cclean_normalize_line(). */
enum {
    CCLEAN_LINE_HEADING = 1 << 0,   /* Markdown "# ..." heading */
    CCLEAN_LINE_BULLET  = 1 << 1,   /* list item: "- ", "* ", "• ", "1. " */
    CCLEAN_LINE_RULE    = 1 << 2,   /* horizontal rule "---", "***": no text */
    CCLEAN_LINE_INDENT  = 1 << 3    /* starts with white space: a browser copy's
                                    ** list item or sidebar, not running text */
};

/* Normalise one source line (s[0..n), no newline) into out, appending:
** Markdown images dropped, Markdown links reduced to their text, HTML tags
** stripped (block-level tags become a run of three spaces, our block
** separator), entities decoded, Unicode spaces turned into ' ', zero-width
** characters dropped, "**"/"__"/"`" emphasis marks dropped. For every byte
** appended to out one byte is appended to mask: 1 inside link text, else 0.
** Returns CCLEAN_LINE_* flags for line-start markup (which is removed). */
int cclean_normalize_line(const char *s, size_t n, sbuf *out, sbuf *mask);

/* Decode one entity at s ("&amp;", "&#8217;", "&#x2019;"); on success
** append its UTF-8 to out and return the bytes consumed, else 0. */
size_t cclean_entity(const char *s, size_t n, sbuf *out);

/* Append code point cp as UTF-8 (invalid ones as U+FFFD). */
void cclean_put_utf8(sbuf *out, unsigned long cp);

/* Sentence spans of s[0..n) for trimming boilerplate at block edges:
** boundaries after . ! ? or … (plus closing quotes/brackets) followed by
** space and an upper-case letter, digit, opening quote or bracket; not
** after known abbreviations or single-letter initials. Always at least one
** span for non-blank text. *spans owned by the caller. */
size_t cclean_sentences(const char *s, size_t n, corpus_span **spans);

/* Word statistics of a text. A word is a maximal run of non-space bytes
** containing at least one letter or digit. */
typedef struct cclean_stats {
    int words;          /* words */
    int stop;           /* English stopwords among them */
    int title;          /* words starting with an upper-case letter */
    int social;         /* social-network names (nav-bar vocabulary) */
    int seps;           /* menu separators: | >> » › as separate tokens */
    int urls;           /* http://, https://, www. */
    int endpunct;       /* ends with . ! ? or … (after closing quotes) */
    int endcolon;       /* ends with ':' */
} cclean_stats;

void cclean_stats_of(const char *s, size_t n, cclean_stats *st);

/* 1 if the UTF-8 character at s starts with an upper-case letter. */
int cclean_upper_at(const char *s, size_t n);
/* 1 if the word s[0..n) is an English stopword (ASCII case-insensitive). */
int cclean_is_stopword(const char *s, size_t n);
/* 1 if the word s[0..n) names a social network (share-bar vocabulary). */
int cclean_is_social(const char *s, size_t n);
/* Case-insensitive (ASCII) search of needle in s[0..n); NULL if absent. */
const char *cclean_find(const char *s, size_t n, const char *needle);

/* ---- the page (corpus_clean_page.c) ---- */

/* What a block is to the article it belongs to. */
enum {
    CCLEAN_OUT = 0,     /* before the headline or after the article's end */
    CCLEAN_IN,          /* inside the article: classified as before */
    CCLEAN_TITLE,       /* the headline */
    CCLEAN_FURNITURE,   /* inside, but recurring in other files of the build */
    CCLEAN_BYLINE       /* inside: the headline's byline (author from it) */
};

typedef struct cclean_pblock {
    const char *text;   /* borrowed block text */
    int flags;          /* CCLEAN_LINE_* */
    int linkpct;        /* % of bytes in link text */
    int files;          /* in: files of the build holding this line (0: unknown) */
    uint64_t hash;      /* in: cclean_line_hash of text */
    cclean_stats st;    /* out: cclean_stats_of(text) (the caller may reuse it) */
    int role;           /* out: CCLEAN_OUT, _IN, _TITLE or _FURNITURE */
} cclean_pblock;

/* Find the headline, the article's start and end and the furniture among
** the blocks of a page. With no prose-shaped block, every role is IN. */
void cclean_page(cclean_pblock *b, size_t n);

/* The name(s) of a byline "By NAME [and NAME][, role | date | @handle]",
** "by: NAME", "NAME, @handle", "NAME • 8h": *name points into s; returns its
** length, 0 when there is no name of 2+ capitalised words. */
size_t cclean_byline_name(const char *s, size_t n, const char **name);

/* corpus_furniture_files() for a line's hash. */
int cclean_furniture_files_hash(const corpus_furniture *f, uint64_t h);

/* Hash of the letters and digits of s[0..n), ASCII case folded (spaces,
** punctuation and bullets ignored): the identity of a line across files. */
uint64_t cclean_line_hash(const char *s, size_t n);

#endif
