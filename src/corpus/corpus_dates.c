/* STUB: replaced by the dates stage. */
#include "corpus/corpus.h"
#include <stdio.h>
int cdate_parse_iso(const char *s, cdate *o) {
    int y = 0, m = 0, d = 0; int k = sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
    if (k < 1) return -1;
    o->y = y; o->m = k > 1 ? m : 0; o->d = k > 2 ? d : 0;
    o->prec = (cdate_prec)k; return 0;
}
void cdate_format(cdate x, char *out) {
    if (x.prec == CDATE_DAY) sprintf(out, "%04d-%02d-%02d", x.y, x.m, x.d);
    else if (x.prec == CDATE_MONTH) sprintf(out, "%04d-%02d", x.y, x.m);
    else sprintf(out, "%04d", x.y);
}
const char *cdate_prec_name(cdate_prec p) { return p == CDATE_DAY ? "day" : p == CDATE_MONTH ? "month" : "year"; }
int cdate_scan(const char *s, size_t len, cdate *o, size_t *a, size_t *b) { (void)s; (void)len; (void)o; (void)a; (void)b; return 0; }
int corpus_events(const corpus_doc *doc, corpus_event **e, size_t *n) { (void)doc; *e = NULL; *n = 0; return 0; }
