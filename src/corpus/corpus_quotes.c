/* STUB: replaced by the quotes stage. */
#include "corpus/corpus.h"
int corpus_quotes(const corpus_doc *doc, corpus_quote **q, size_t *n) { (void)doc; *q = NULL; *n = 0; return 0; }
