/* STUB: replaced by the sentence stage. One span per text. */
#include "corpus/corpus.h"
#include "common/util.h"
size_t corpus_sentences(const char *text, size_t len, corpus_span **spans) {
    (void)text; if (!len) { *spans = NULL; return 0; }
    *spans = xmalloc(sizeof **spans); (*spans)[0].start = 0; (*spans)[0].end = len; return 1;
}
