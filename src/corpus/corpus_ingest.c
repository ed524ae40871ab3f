/* STUB: replaced by the driver stage. */
#include "corpus/corpus.h"
#include <string.h>
int corpus_ingest_bytes(const char *name, const char *bytes, size_t n, const char *sidecar, corpus_article *out, corpus_diag *d) {
    (void)name; (void)bytes; (void)n; (void)sidecar; (void)d; memset(out, 0, sizeof *out); return -1;
}
int corpus_ingest_file(const char *path, corpus_article *out, corpus_diag *d) { (void)path; (void)d; memset(out, 0, sizeof *out); return -1; }
void corpus_article_free(corpus_article *a) { (void)a; }
