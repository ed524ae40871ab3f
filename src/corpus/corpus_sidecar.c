/* STUB: replaced by the sidecar stage. */
#include "corpus/corpus.h"
#include "common/util.h"
#include <string.h>
char *corpus_sidecar_path(const char *p) {
    const char *dot = strrchr(p, '.'), *sl = strrchr(p, '/');
    size_t n = (dot && (!sl || dot > sl)) ? (size_t)(dot - p) : strlen(p);
    sbuf b = {0}; sbuf_add(&b, p, n); sbuf_adds(&b, ".meta"); return sbuf_take(&b);
}
int corpus_sidecar_apply(const char *article_path, corpus_meta *meta, corpus_diag *d) {
    (void)article_path; (void)meta; (void)d; return 0;
}
