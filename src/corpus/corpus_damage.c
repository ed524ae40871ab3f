/*
** src/corpus/corpus_damage.c: tell the curator when an article's text looks
** damaged on its way here (a copy through a tool that dropped digits or
** apostrophes, words run together, a double encoding). The ingest cannot
** repair such text; it warns, naming the file, the line and a sample, and
** --strict fails the build.
**
** Each rule counts its hits over the cleaned paragraphs; a rule warns once
** when its count reaches its threshold (a single "the s" is already
** damage; one "in percent terms" is not):
**
**   rule          what it sees                                  threshold
**   digits        a unit word ("percent", "billion", "million", "trillion")
**                 with no number before it: ". trillion", "grew  percent"  2
**   decade        "the s" where "the 1990s" stood                           1
**   apostrophe    "Chinas Foreign" (the word without s is a name elsewhere),
**                 "countrys", "dont", "doesnt"                              3
**   run together  "said.The", "securityChina"                               3
**   mojibake      UTF-8 read as Windows-1252: "Ã©", "â€™", "Â "             1
*/
#include "corpus/corpus.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>        /* strncasecmp */

#define DAMAGE_SAMPLE 48        /* bytes of context in a warning's sample */

typedef enum { DM_DIGITS, DM_DECADE, DM_APOS, DM_RUN, DM_MOJI, DM_KINDS } dmg_kind;

static const struct { const char *what; int threshold; } DMG[DM_KINDS] = {
    { "digits missing before a unit (\"percent\", \"billion\"...)", 2 },
    { "a decade without its digits (\"the s\")", 1 },
    { "apostrophes missing (possessives or contractions)", 3 },
    { "words run together", 3 },
    { "mojibake (UTF-8 decoded twice)", 1 },
};

#define DAMAGE_LOOKUPS 16      /* name lookups per article (each scans the text) */

typedef struct dmg_hits {
    int lookups;                /* name lookups done */
    int n[DM_KINDS];
    size_t para[DM_KINDS];      /* first hit: paragraph and byte offset */
    size_t off[DM_KINDS];
} dmg_hits;

static void hit(dmg_hits *h, dmg_kind k, size_t para, size_t off) {
    if (!h->n[k]++) { h->para[k] = para; h->off[k] = off; }
}

static const char *const UNITS[] = {"percent", "billion", "million", "trillion", NULL};
/* Words that may stand before a unit without a number ("a million", "per cent"). */
static const char *const UNIT_OK_BEFORE[] = {"a", "an", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "few", "several",
    "many", "half", "the", "of", "multi", "per", "tens", "hundreds", "dozen", NULL};
static const char *const CONTRACTIONS[] = {"dont", "doesnt", "didnt", "isnt", "wasnt", "arent",
    "werent", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "wont", NULL};

static int word_in(const char *w, size_t n, const char *const *list) {
    int c0 = tolower((unsigned char)w[0]);      /* hot: every word, several lists */
    for (int k = 0; list[k]; k++)
        if (list[k][0] == c0 && !strncasecmp(w, list[k], n) && list[k][n] == '\0') return 1;
    return 0;
}

static int is_vowel(int c) { return strchr("aeiou", tolower(c)) != NULL; }

/* The word w[0..n) occurs as a whole word in text (capitalised as given). */
static int word_occurs(const char *text, const char *w, size_t n) {
    for (const char *q = strstr(text, w); q; q = strstr(q + 1, w))
        if ((q == text || !isalnum((unsigned char)q[-1])) && !isalpha((unsigned char)q[n]))
            return 1;
    return 0;
}

/* Rules on one word at s[a..b) of paragraph text (prev: the word before, or NULL). */
static void scan_word(dmg_hits *h, size_t pi, const char *text, size_t len, size_t a, size_t b,
                      const char *all, const char *prev, size_t prevn) {
    const char *w = text + a;
    size_t n = b - a;
    if (n >= 7 && n <= 8 && word_in(w, n, UNITS)) {          /* percent .. trillion */
        /* what precedes: a number, an allowed word, or a gap where one was */
        size_t k = a;
        while (k > 0 && text[k - 1] == ' ') k--;
        int gap = a - k >= 2;                       /* "grew  percent" */
        char c = k > 0 ? text[k - 1] : '\0';
        int lone_punct = (c == '.' || c == ',') && k >= 2 && text[k - 2] == ' ';  /* " . trillion" */
        if (!isdigit((unsigned char)c) && c != '$' &&
            (gap || lone_punct || (prev && !word_in(prev, prevn, UNIT_OK_BEFORE) &&
                                   islower((unsigned char)prev[0]))))
            hit(h, DM_DIGITS, pi, a);
    }
    if (n == 1 && w[0] == 's' && prev && prevn == 3 && !strncasecmp(prev, "the", 3))
        hit(h, DM_DECADE, pi, a);
    if (n >= 4 && n <= 8 && w[n - 1] == 't' && word_in(w, n, CONTRACTIONS) &&
        !(n == 4 && !strncmp(w, "wont", 4)))
        hit(h, DM_APOS, pi, a);
    /* "countrys": a consonant + "ys" plural is no English word */
    if (n >= 6 && islower((unsigned char)w[0]) && w[n - 1] == 's' && w[n - 2] == 'y' &&
        !is_vowel(w[n - 3]))
        hit(h, DM_APOS, pi, a);
    /* "Chinas Foreign Ministry": a name + s before another word, the name
    ** standing alone elsewhere, and never after "the" (the Americas) */
    if (n >= 5 && isupper((unsigned char)w[0]) && w[n - 1] == 's' && w[n - 2] != 's' &&
        islower((unsigned char)w[n - 2]) && !(prev && prevn == 3 && !strncasecmp(prev, "the", 3)) &&
        b + 1 < len && text[b] == ' ' && isalpha((unsigned char)text[b + 1])) {
        char stem[64];
        static const char *const PLURAL_END[] = {"ans", "ers", "ics", "ists", "ats", "ites",
            "ors", "ots", "ents", "ants", NULL};  /* "Americans", "Islamists": plurals */
        int plural = 0;
        for (int k = 0; PLURAL_END[k]; k++) {
            size_t l = strlen(PLURAL_END[k]);
            plural |= n > l && !strncmp(w + n - l, PLURAL_END[k], l);
        }
        if (n - 1 < sizeof stem && !plural) {
            memcpy(stem, w, n - 1);
            stem[n - 1] = '\0';
            if (h->lookups < DAMAGE_LOOKUPS && ++h->lookups && word_occurs(all, stem, n - 1))
                hit(h, DM_APOS, pi, a);
        }
    }
    /* "securityChina": three or more lower-case letters, then a capital */
    for (size_t i = 3; i + 1 < n; i++)
        if (isupper((unsigned char)w[i]) && islower((unsigned char)w[i + 1]) &&
            islower((unsigned char)w[0]) && islower((unsigned char)w[i - 1]) &&
            islower((unsigned char)w[i - 2]) && islower((unsigned char)w[i - 3])) {
            hit(h, DM_RUN, pi, a);
            break;
        }
}

static void scan_para(dmg_hits *h, size_t pi, const char *text, const char *all) {
    size_t len = strlen(text);
    const char *prev = NULL;    /* the word before, when one space separates them */
    size_t prevn = 0, prev_end = 0;
    for (size_t i = 0; i < len; i++) {     /* byte patterns */
        unsigned char c = (unsigned char)text[i];
        /* mojibake: C3 xx C2/E2 ... ("Ã©" is C3 83 C2 A9; "â€™" is C3 A2 E2 82 AC) */
        if (c == 0xC3 && i + 3 < len && ((unsigned char)text[i + 1] == 0x83 ||
                                         (unsigned char)text[i + 1] == 0xA2) &&
            ((unsigned char)text[i + 2] == 0xC2 || (unsigned char)text[i + 2] == 0xE2))
            hit(h, DM_MOJI, pi, i);
        if (c == 0xC3 && i + 2 < len && (unsigned char)text[i + 1] == 0x82 &&
            (unsigned char)text[i + 2] == 0xC2)
            hit(h, DM_MOJI, pi, i);                 /* "Â" + NBSP */
        /* "said.The": a lower-case word, a full stop and a capital, no space */
        if (c == '.' && i >= 3 && i + 2 < len && islower((unsigned char)text[i - 1]) &&
            islower((unsigned char)text[i - 2]) && islower((unsigned char)text[i - 3]) &&
            isupper((unsigned char)text[i + 1]) && islower((unsigned char)text[i + 2]))
            hit(h, DM_RUN, pi, i);
    }
    for (size_t i = 0; i < len; ) {         /* words */
        unsigned char c = (unsigned char)text[i];
        if (!isalpha(c)) { i++; continue; }
        size_t a = i;
        if (prev && !(prev_end + 1 == a && text[prev_end] == ' ') &&
            !(prev_end + 2 == a && text[prev_end] == ' ' && text[prev_end + 1] == ' '))
            prev = NULL;            /* "the 1950's": not "the s" */
        while (i < len && isalpha((unsigned char)text[i])) i++;
        if (i < len && (((text[i] == '\'' || text[i] == '.') && i + 1 < len &&
                         isalnum((unsigned char)text[i + 1])) ||
                        (unsigned char)text[i] >= 0x80 || isdigit((unsigned char)text[i]))) {
            /* "Xi's", "U.S.", "5G", accented names: not one plain word */
            prev = NULL;
            while (i < len && !isspace((unsigned char)text[i])) i++;
            continue;
        }
        if (!(a > 0 && ((unsigned char)text[a - 1] >= 0x80 || text[a - 1] == '-' ||
                        text[a - 1] == '/' || text[a - 1] == '@' || text[a - 1] == '.')))
            scan_word(h, pi, text, len, a, i, all, prev, prevn);
        prev = text + a;
        prevn = i - a;
        prev_end = i;
    }
}

int corpus_damage_check(const corpus_doc *doc, corpus_diag *d) {
    dmg_hits h;
    memset(&h, 0, sizeof h);
    size_t total = 0;
    for (size_t p = 0; p < doc->npara; p++) total += strlen(doc->paras[p]) + 1;
    char *all = malloc(total + 1);      /* the whole text, for name lookups */
    if (!all) return 0;
    size_t used = 0;
    for (size_t p = 0; p < doc->npara; p++) {
        size_t n = strlen(doc->paras[p]);
        memcpy(all + used, doc->paras[p], n);
        used += n;
        all[used++] = '\n';
    }
    all[used] = '\0';
    for (size_t p = 0; p < doc->npara; p++) scan_para(&h, p, doc->paras[p], all);
    free(all);
    int warned = 0;
    for (int k = 0; k < DM_KINDS; k++) {
        if (h.n[k] < DMG[k].threshold) continue;
        const char *para = doc->paras[h.para[k]];
        size_t len = strlen(para), a = h.off[k] > DAMAGE_SAMPLE / 2 ? h.off[k] - DAMAGE_SAMPLE / 2 : 0;
        while (a > 0 && ((unsigned char)para[a] & 0xC0) == 0x80) a--;   /* whole characters */
        size_t b = a + DAMAGE_SAMPLE < len ? a + DAMAGE_SAMPLE : len;
        while (b < len && ((unsigned char)para[b] & 0xC0) == 0x80) b++;
        int line = doc->para_line ? doc->para_line[h.para[k]] : 0;
        corpus_warn(d, line, "text looks damaged: %s, %d time(s), e.g. \"%s%.*s%s\"", DMG[k].what,
                    h.n[k], a > 0 ? "..." : "", (int)(b - a), para + a, b < len ? "..." : "");
        warned++;
    }
    return warned;
}
