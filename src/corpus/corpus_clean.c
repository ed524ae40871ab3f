/* STUB: replaced by the cleaning stage. Splits on blank lines only. */
#include "corpus/corpus.h"
#include "common/util.h"
#include <string.h>
int corpus_clean(const char *body, int first_line, corpus_doc *doc, corpus_diag *d) {
    (void)d;
    const char *p = body; int line = first_line;
    while (*p) {
        const char *e = strchr(p, '\n'); size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) corpus_doc_add_para(doc, xstrndup(p, n), line);
        p += n; if (*p) p++; line++;
    }
    return doc->npara ? 0 : -1;
}
