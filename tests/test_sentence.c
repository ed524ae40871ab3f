/*
** tests/test_sentence.c: corpus_sentences, one table row per rule.
**
** Each row is an input and the sentences expected, joined by " | ".
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>


static const struct {
    const char *rule, *in, *want;
} rows[] = {
    /* plain boundaries */
    {"two sentences", "It rained. We left.", "It rained. | We left."},
    {"question and exclamation", "Is it over? Yes! It is.", "Is it over? | Yes! | It is."},
    {"trimmed spans", "  One here.   Two there.  ", "One here. | Two there."},
    {"no final punctuation", "A headline without a stop", "A headline without a stop"},
    /* abbreviations that must NOT split */
    {"U.S. before lowercase", "The U.S. economy grew. It slowed.", "The U.S. economy grew. | It slowed."},
    {"U.S. before a name", "The U.S. Congress voted. It passed.", "The U.S. Congress voted. | It passed."},
    {"U.K. before a name", "The U.K. Parliament sat late. Nobody slept.",
     "The U.K. Parliament sat late. | Nobody slept."},
    {"Mr. and Mrs.", "Mr. Smith met Mrs. Jones today. They talked.",
     "Mr. Smith met Mrs. Jones today. | They talked."},
    {"Dr. Sen. Gov. Lt.", "Dr. Jones met Sen. Warren, Gov. Brown and Lt. Dan. They ate.",
     "Dr. Jones met Sen. Warren, Gov. Brown and Lt. Dan. | They ate."},
    {"title before an opener word", "They called Dr. Who at once. He came.",
     "They called Dr. Who at once. | He came."},
    {"St. place name", "He moved to St. Louis last year. It was cold.",
     "He moved to St. Louis last year. | It was cold."},
    {"No. before a number", "The team is No. 1 in the league. Fans cheered.",
     "The team is No. 1 in the league. | Fans cheered."},
    {"month abbreviations", "It opened on Dec. 16 and closed Sept. 20. Then it moved.",
     "It opened on Dec. 16 and closed Sept. 20. | Then it moved."},
    {"Inc. and Co. mid-sentence", "Acme Inc. said profits rose at Smith Co. last year. Shares fell.",
     "Acme Inc. said profits rose at Smith Co. last year. | Shares fell."},
    {"vs.", "It was Smith vs. Jones in court. Jones won.", "It was Smith vs. Jones in court. | Jones won."},
    {"e.g. and i.e.", "Some apps, e.g. TikTok, i.e. Chinese ones, were banned. Users left.",
     "Some apps, e.g. TikTok, i.e. Chinese ones, were banned. | Users left."},
    {"e.g. before a name", "Big firms, e.g. Apple, grew. Small ones shrank.",
     "Big firms, e.g. Apple, grew. | Small ones shrank."},
    {"a.m. p.m.", "It starts at 9 a.m. and ends at 5 p.m. Tuesday. Come early.",
     "It starts at 9 a.m. and ends at 5 p.m. Tuesday. | Come early."},
    {"initial", "George N. Smith wrote it. He is a columnist.",
     "George N. Smith wrote it. | He is a columnist."},
    {"two initials", "The novel by J. R. Tolkien sold well. Critics agreed.",
     "The novel by J. R. Tolkien sold well. | Critics agreed."},
    {"decimal", "The economy grew to $4.29 trillion in 2017. It kept growing.",
     "The economy grew to $4.29 trillion in 2017. | It kept growing."},
    {"stripped digits noise", "It will cost more than . trillion, a bank said. That is a lot.",
     "It will cost more than . trillion, a bank said. | That is a lot."},
    {"ellipsis before lowercase", "He waited... and waited. Nothing came.",
     "He waited... and waited. | Nothing came."},
    {"domain not split", "Read it on China.org.cn today. It is free.",
     "Read it on China.org.cn today. | It is free."},
    {"hyphenated acronym", "U.S.-China relations have soured. Talks stalled.",
     "U.S.-China relations have soured. | Talks stalled."},
    /* boundaries that MUST split */
    {"abbreviation then opener", "Prices rose in the U.S. The rest fell.",
     "Prices rose in the U.S. | The rest fell."},
    {"St. as street ends a sentence", "They live on Main St. The house is red.",
     "They live on Main St. | The house is red."},
    {"Inc. ends a sentence", "He joined Acme Inc. The firm grew.", "He joined Acme Inc. | The firm grew."},
    {"ellipsis before capital", "He paused... Then he left.", "He paused... | Then he left."},
    {"stop inside closing quote", "He said the plan was \"rejected.\" Then he left.",
     "He said the plan was \"rejected.\" | Then he left."},
    {"curly closing quote", "\xE2\x80\x9CWe cannot accept it,\xE2\x80\x9D Xi said. He left.",
     "\xE2\x80\x9CWe cannot accept it,\xE2\x80\x9D Xi said. | He left."},
    {"quote over sentences", "\"Cyberspace is common. The future is shared,\" Xi said. He smiled.",
     "\"Cyberspace is common. | The future is shared,\" Xi said. | He smiled."},
    {"missing space after stop", "China is near a vaccine against COVID.The third phase is underway.",
     "China is near a vaccine against COVID. | The third phase is underway."},
    {"missing space after ?", "Was it worth it?Nobody knows yet.", "Was it worth it? | Nobody knows yet."},
    {"short word join kept", "See Fig.Three for details.", "See Fig.Three for details."},
    {"CJK full stops", "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE5\xA5\xBD\xEF\xBC\x81"
     "\xE5\x90\x97\xEF\xBC\x9F",
     "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82 | \xE6\x88\x91\xE5\xA5\xBD\xEF\xBC\x81 | "
     "\xE5\x90\x97\xEF\xBC\x9F"},
    {"NBSP trimmed", "\xC2\xA0Hello there.\xC2\xA0 Bye now.", "Hello there. | Bye now."},
    {"empty", "", ""},
    {"only spaces", "   ", ""},
};

/* Sentences of s joined by " | " (owned). */
static char *joined(const char *s) {
    corpus_span *sp;
    size_t n = corpus_sentences(s, strlen(s), &sp);
    sbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_adds(&b, " | ");
        sbuf_add(&b, s + sp[i].start, sp[i].end - sp[i].start);
    }
    free(sp);
    return sbuf_take(&b);
}

static void test_table(void) {
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        t_current = rows[i].rule;
        char *got = joined(rows[i].in);
        T_STR(got, rows[i].want);
        free(got);
    }
}

/* Spans are inside the text, ordered, non-overlapping and trimmed. */
static void test_span_invariants(void) {
    const char *s = "  \"First one.\"  Second, by Dr. Who.\nThird line here!  Fourth?  ";
    corpus_span *sp;
    size_t n = corpus_sentences(s, strlen(s), &sp);
    T_INT(n, 4);
    size_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        T_OK(sp[i].start >= prev && sp[i].start < sp[i].end && sp[i].end <= strlen(s));
        T_OK(s[sp[i].start] != ' ' && s[sp[i].end - 1] != ' ' && s[sp[i].end - 1] != '\n');
        prev = sp[i].end;
    }
    free(sp);
    T_INT(corpus_sentences("", 0, &sp), 0);
    T_OK(sp == NULL);
}

/* Not NUL-terminated input: only [0, len) is read. */
static void test_length_bound(void) {
    const char *s = "One. Two. Three.";
    corpus_span *sp;
    size_t n = corpus_sentences(s, 9, &sp);   /* "One. Two." */
    T_INT(n, 2);
    if (n == 2) T_INT(sp[1].end, 9);
    free(sp);
}

/* Invalid UTF-8 and odd bytes must not crash or escape the buffer. */
static void test_garbage(void) {
    const char s[] = "Bad \xFF\xFE bytes. \xE2\x80 Cut here. \xF0\x9F\x98\x80 Emoji here. End";
    corpus_span *sp;
    size_t n = corpus_sentences(s, sizeof s - 1, &sp);
    T_INT(n, 4);
    for (size_t i = 0; i < n; i++) T_OK(sp[i].end <= sizeof s - 1);
    free(sp);
}

/* Many sentences in one text: every one found. (Speed is make bench's job:
** tests/bench_ingest.sh, never a timed unit test on a shared machine.) */
static void test_many(void) {
    sbuf b = {0};
    for (int i = 0; i < 40; i++)
        sbuf_adds(&b, "Mr. Smith of the U.S. said on Dec. 16 that prices rose 4.2 percent. "
                      "\"It was rejected,\" he said. ");
    size_t total = 0;
    for (int r = 0; r < 200; r++) {
        corpus_span *sp;
        total += corpus_sentences(b.s, b.len, &sp);
        free(sp);
    }
    T_INT(total, 200 * 80);
    sbuf_free(&b);
}

int main(void) {
    T_RUN(test_table);
    T_RUN(test_span_invariants);
    T_RUN(test_length_bound);
    T_RUN(test_garbage);
    T_RUN(test_many);
    return T_DONE();
}
