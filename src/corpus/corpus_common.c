/*
** src/corpus/corpus_common.c: diagnostics and the small containers shared
** by every ingest stage.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <stdarg.h>
#include <stdlib.h>

void corpus_warn(corpus_diag *d, int line, const char *fmt, ...) {
    d->nwarn++;
    if (d->quiet) return;
    if (d->buf) {
        const char *p = d->path ? d->path : "(input)";
        if (line > 0) sbuf_addf(d->buf, "%s:%d: ", p, line);
        else sbuf_addf(d->buf, "%s: ", p);
        char msg[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        sbuf_adds(d->buf, msg);
        sbuf_addc(d->buf, '\n');
        return;
    }
    if (line > 0) fprintf(stderr, "%s:%d: ", d->path ? d->path : "(input)", line);
    else fprintf(stderr, "%s: ", d->path ? d->path : "(input)");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void corpus_strv_push(corpus_strv *sv, char *s) {
    sv->v = xrealloc(sv->v, (sv->n + 1) * sizeof *sv->v);
    sv->v[sv->n++] = s;
}

void corpus_strv_free(corpus_strv *sv) {
    for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = 0;
}

void corpus_meta_free(corpus_meta *m) {
    free(m->title); free(m->published); free(m->source);
    free(m->author); free(m->url);
    free(m->image); free(m->image_credit); free(m->image_alt); free(m->images_more);
    m->title = m->published = m->source = m->author = m->url = NULL;
    m->image = m->image_credit = m->image_alt = m->images_more = NULL;
}

void corpus_meta_fill(char **field, const char *value) {
    if (*field || !value || !*value) return;
    *field = xstrdup(value);
}

void corpus_meta_set(char **field, const char *value) {
    if (!value || !*value) return;
    free(*field);
    *field = xstrdup(value);
}

void corpus_doc_add_para(corpus_doc *doc, char *para, int line) {
    corpus_doc_add_para_kind(doc, para, line, CORPUS_PARA_BODY);
}

void corpus_doc_add_para_kind(corpus_doc *doc, char *para, int line, corpus_para_kind kind) {
    doc->paras = xrealloc(doc->paras, (doc->npara + 1) * sizeof *doc->paras);
    doc->para_line = xrealloc(doc->para_line, (doc->npara + 1) * sizeof *doc->para_line);
    doc->para_kind = xrealloc(doc->para_kind, (doc->npara + 1) * sizeof *doc->para_kind);
    doc->paras[doc->npara] = para;
    doc->para_line[doc->npara] = line;
    doc->para_kind[doc->npara] = (unsigned char)kind;
    doc->npara++;
}

int corpus_doc_is_body(const corpus_doc *doc, size_t i) {
    return i < doc->npara && (!doc->para_kind || doc->para_kind[i] == CORPUS_PARA_BODY);
}

void corpus_doc_free(corpus_doc *doc) {
    corpus_meta_free(&doc->meta);
    for (size_t i = 0; i < doc->npara; i++) free(doc->paras[i]);
    free(doc->paras);
    free(doc->para_line);
    free(doc->para_kind);
    doc->paras = NULL;
    doc->para_line = NULL;
    doc->para_kind = NULL;
    doc->npara = 0;
}

void corpus_quotes_free(corpus_quote *q, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(q[i].text); free(q[i].speaker); free(q[i].role); free(q[i].context);
    }
    free(q);
}

void corpus_events_free(corpus_event *e, size_t n) {
    for (size_t i = 0; i < n; i++) free(e[i].text);
    free(e);
}
