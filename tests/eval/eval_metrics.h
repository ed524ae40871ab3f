/*
** tests/eval/eval_metrics.h: the pure parts of `make eval` (vitrine-eval):
** text normalisation, sentence split, matching and the per-page figures,
** computed as ../shared/webpages-dev/README.md says.
**
**   normalised text   NFKD, marks stripped, case-folded (utf8proc); letters
**                     and digits kept, format characters (soft hyphen, zero
**                     width space) dropped, everything else (punctuation,
**                     symbols, spaces) one separator: words joined by one
**                     ' ', none leading or trailing.
**   sentence          a span of one line (paragraph) ending at . ! ? or …
**                     (closing quotes and brackets included) followed by
**                     white space or the end of the line; it counts when its
**                     normalised text has EVAL_SENTENCE_WORDS words or more.
**   "found in"        the normalised sentence (or line) occurs in the other
**                     normalised text on word boundaries.
**
** The evaluator never calls the ingest's own splitter or cleaner, so that
** changing them cannot change the ruler. Nothing here is tied to a page.
**
** Ownership: every char* returned is malloc'ed and owned by the caller;
** every eval_* struct is released by its eval_*_free (NULL-safe).
*/
#ifndef VITRINE_EVAL_METRICS_H
#define VITRINE_EVAL_METRICS_H

#include <stddef.h>

#define EVAL_SENTENCE_WORDS 5   /* words of a sentence that counts (README) */
#define EVAL_LEAK_WORDS     6   /* words of a boilerplate line that counts (README) */
#define EVAL_NAME_LETTERS   3   /* letters of a byline word that identifies the author */
#define EVAL_MAX_TITLES     8   /* `title =` lines read from expected.meta */

/* A growable list of owned strings. */
typedef struct eval_strv {
    char **v;                   /* v[0..n-1], each malloc'ed */
    size_t n, cap;
} eval_strv;

void eval_strv_free(eval_strv *sv);
int eval_strv_push(eval_strv *sv, const char *s, size_t len);   /* copies; 0 / -1 */

/* Normalised copy of s (see above); NULL only when out of memory.
 * Invalid UTF-8 bytes count as separators. */
char *eval_norm(const char *s);
/* Words of a normalised text. */
size_t eval_words(const char *norm);
/* 1 when the normalised needle occurs in the normalised hay on word
 * boundaries; an empty needle is never found. */
int eval_found(const char *hay, const char *needle);
/* The normalised lines of text joined by " | " (a barrier no sentence
 * crosses); NULL only when out of memory. */
char *eval_norm_lines(const char *text);

/* Appends to out the normalised sentences of text (any number of lines)
 * that have at least min_words words. 0, or -1 when out of memory. */
int eval_sentences(const char *text, size_t min_words, eval_strv *out);

/* expected.txt: paragraphs separated by blank lines; "? " starts an
 * optional one. Each part is the normalised paragraphs joined by " | " (a
 * separator that is never part of a normalised sentence, so no match spans
 * two paragraphs), plus the raw paragraphs for the sentence split. */
typedef struct eval_expected {
    char *required_norm;        /* normalised required paragraphs, " | " between */
    char *optional_norm;        /* normalised optional paragraphs, " | " between */
    char *required_raw;         /* raw required paragraphs, "\n" between */
} eval_expected;
int eval_expected_parse(const char *text, eval_expected *out);   /* 0 / -1 */
void eval_expected_free(eval_expected *e);

/* Content figures of one page. */
typedef struct eval_content {
    size_t expected;            /* required expected sentences */
    size_t recalled;            /* ... of them found in the article text */
    size_t extracted;           /* article sentences that count for precision */
    size_t precise;             /* ... of them found in the required paragraphs */
    size_t optional;            /* article sentences only in optional paragraphs (not counted) */
    double p, r, f1;            /* 0..1; p = 1 with nothing extracted but optional, r = 1 with nothing expected */
} eval_content;
/* Scores the article body (raw paragraphs) against the parsed expectation;
 * when missed/extra are not NULL, the sentences not found are appended
 * (for the detailed listing). 0 / -1. */
int eval_content_score(const char *body, const eval_expected *e, eval_content *out,
                       eval_strv *missed, eval_strv *extra);

/* expected.meta: `key = value` lines, ';' or '#' comments. */
typedef struct eval_meta {
    char *titles[EVAL_MAX_TITLES];  /* raw `title =` values */
    size_t ntitles;
    char *author;               /* raw `author =` value, "" when the page names none */
} eval_meta;
int eval_meta_parse(const char *text, eval_meta *out);   /* 0 / -1 */
void eval_meta_free(eval_meta *m);

/* 1 when the stored title equals one of the titles after normalisation. */
int eval_title_ok(const char *stored, const eval_meta *m);
/* 1 when a byline word of EVAL_NAME_LETTERS letters or more is a word of
 * the stored author, 0 when not (or none stored), -1 when the page names
 * no author (not counted). */
int eval_author_ok(const char *stored, const char *expected);

/* 1 when the raw boilerplate line has EVAL_LEAK_WORDS words or more and is
 * found in the normalised text. */
int eval_leak(const char *hay_norm, const char *line);
/* 1 when the raw boilerplate line (EVAL_LEAK_WORDS words or more) is in a
 * summary: found in the normalised summary text, or one of the summary
 * sentences (normalised, from eval_sentences) is found in the line and not
 * in the expected text (a sentence of a longer boilerplate line, such as a
 * notice followed by its buttons, is that line leaking into the summary). */
int eval_summary_leak(const char *line, const char *sum_norm, const eval_strv *sum_sentences,
                      const eval_expected *e);

/* F1 of a precision and a recall (0 when both are 0). */
double eval_f1(double p, double r);

#endif
