/*
** src/corpus/corpus_furniture.c: evidence across a whole build. A line that
** recurs in several input files is the furniture of the site they were
** copied from (menus, promos, footers, "Most read" headings), not an
** article's text.
**
** Every file of a build is first passed to corpus_furniture_add_file(); the
** cleaning stage then asks corpus_furniture_files() how many files hold a
** block. Lines are compared by a 64-bit hash of their letters and digits,
** ASCII case folded (cclean_line_hash), split into blocks exactly as the
** cleaning stage splits them (runs of 3+ spaces). A file counts once per
** line. The table is open addressing, grown at half load: O(1) a line.
*/
#include "corpus/corpus_clean_int.h"

#include <stdlib.h>
#include <string.h>

#define CF_MIN_WORDS 2      /* shorter lines are never counted (and never matter) */

typedef struct cf_slot {
    uint64_t hash;          /* 0: empty (a real hash of 0 is stored as 1) */
    unsigned files;         /* files holding the line */
    unsigned last;          /* id of the last file that counted it */
} cf_slot;

struct corpus_furniture {
    cf_slot *v;
    size_t cap, n;          /* cap: power of two */
    unsigned nfiles;
};

corpus_furniture *corpus_furniture_create(void) {
    return xcalloc(1, sizeof(corpus_furniture));
}

void corpus_furniture_destroy(corpus_furniture *f) {
    if (!f) return;
    free(f->v);
    free(f);
}

static cf_slot *cf_find(cf_slot *v, size_t cap, uint64_t h) {
    size_t i = (size_t)h & (cap - 1);
    while (v[i].hash && v[i].hash != h) i = (i + 1) & (cap - 1);
    return &v[i];
}

static void cf_grow(corpus_furniture *f) {
    size_t cap = f->cap ? f->cap * 2 : 1024;
    cf_slot *v = xcalloc(cap, sizeof *v);
    for (size_t i = 0; i < f->cap; i++)
        if (f->v[i].hash) *cf_find(v, cap, f->v[i].hash) = f->v[i];
    free(f->v);
    f->v = v;
    f->cap = cap;
}

static void cf_count(corpus_furniture *f, const char *s, size_t n) {
    cclean_stats st;
    cclean_stats_of(s, n, &st);
    if (st.words < CF_MIN_WORDS) return;
    uint64_t h = cclean_line_hash(s, n);
    if ((f->n + 1) * 2 > f->cap) cf_grow(f);
    cf_slot *e = cf_find(f->v, f->cap, h);
    if (!e->hash) { e->hash = h; f->n++; }
    if (e->files && e->last == f->nfiles) return;
    e->files++;
    e->last = f->nfiles;
}

void corpus_furniture_add_file(corpus_furniture *f, const char *text) {
    sbuf t = {0}, m = {0};
    f->nfiles++;
    for (const char *p = text; p && *p; ) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        t.len = m.len = 0;
        if (t.s) t.s[0] = '\0';
        cclean_normalize_line(p, n, &t, &m);
        size_t a = 0, i = 0;
        while (i < t.len) {                     /* blocks: runs of 3+ spaces split */
            if (t.s[i] != ' ') { i++; continue; }
            size_t j = i;
            while (j < t.len && t.s[j] == ' ') j++;
            if (j - i >= 3) { cf_count(f, t.s + a, i - a); a = j; }
            i = j;
        }
        if (a < t.len) cf_count(f, t.s + a, t.len - a);
        if (!e) break;
        p = e + 1;
    }
    sbuf_free(&t);
    sbuf_free(&m);
}

int corpus_furniture_files(const corpus_furniture *f, const char *s, size_t n) {
    if (!f || !f->cap) return 0;
    uint64_t h = cclean_line_hash(s, n);
    const cf_slot *e = cf_find(f->v, f->cap, h);
    return e->hash ? (int)e->files : 0;
}
