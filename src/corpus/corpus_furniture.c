/*
** src/corpus/corpus_furniture.c: evidence across a whole build. A line that
** recurs in several input files is the furniture of the site they were
** copied from (menus, promos, footers, "Most read" headings), not an
** article's text.
**
** Every file of a build is first passed to corpus_furniture_add_file() (or
** _add_path(), which reads the raw bytes: no decoding, a line of a file in
** another encoding simply matches nothing); the
** cleaning stage then asks corpus_furniture_files() how many files hold a
** block. Lines are compared by a 64-bit hash of their letters and digits,
** ASCII case folded (cclean_line_hash), split into blocks exactly as the
** cleaning stage splits them (runs of 3+ spaces). A file counts once per
** line. The table is open addressing, grown at half load: O(1) a line.
*/
#include "corpus/corpus_clean_int.h"

#include <stdio.h>
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
    size_t a = 0, words = 0;
    while (a < n && s[a] == ' ') a++;
    for (size_t i = a; i < n && words < CF_MIN_WORDS; i++)     /* cheap: spaces inside */
        if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ') words++;
    if (words + 1 < CF_MIN_WORDS) return;
    uint64_t h = cclean_line_hash(s, n);
    if ((f->n + 1) * 2 > f->cap) cf_grow(f);
    cf_slot *e = cf_find(f->v, f->cap, h);
    if (!e->hash) { e->hash = h; f->n++; }
    if (e->files && e->last == f->nfiles) return;
    e->files++;
    e->last = f->nfiles;
}

/* Width of a space at s (' ', tab, CR or NBSP), 0 if none. */
static size_t cf_space(const char *s, const char *end) {
    if (*s == ' ' || *s == '\t' || *s == '\r') return 1;
    if ((unsigned char)s[0] == 0xC2 && s + 1 < end && (unsigned char)s[1] == 0xA0) return 2;
    return 0;
}

/* Raw lines, split into blocks at runs of 3+ spaces as the cleaning stage
** splits them; no other normalisation is needed since the hash only sees
** letters and digits (a Markdown link's target or an entity's name would
** differ, which only makes a line match nothing). */
void corpus_furniture_add_file(corpus_furniture *f, const char *text) {
    f->nfiles++;
    for (const char *p = text; p && *p; ) {
        const char *e = strchr(p, '\n');
        const char *end = e ? e : p + strlen(p);
        const char *a = p;
        for (const char *i = p; i < end; ) {
            size_t w = cf_space(i, end);
            if (!w) { i++; continue; }
            const char *j = i;
            int run = 0;
            while (j < end && (w = cf_space(j, end)) > 0) { j += w; run++; }
            if (run >= 3) { if (i > a) cf_count(f, a, (size_t)(i - a)); a = j; }
            i = j;
        }
        if (end > a) cf_count(f, a, (size_t)(end - a));
        if (!e) break;
        p = e + 1;
    }
}

int corpus_furniture_files(const corpus_furniture *f, const char *s, size_t n) {
    if (!f || !f->cap) return 0;
    return cclean_furniture_files_hash(f, cclean_line_hash(s, n));
}

int cclean_furniture_files_hash(const corpus_furniture *f, uint64_t h) {
    if (!f || !f->cap) return 0;
    const cf_slot *e = cf_find(f->v, f->cap, h);
    return e->hash ? (int)e->files : 0;
}

int corpus_furniture_add_path(corpus_furniture *f, const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return -1;
    char *buf = xmalloc(CORPUS_MAX_FILE_BYTES + 1);
    size_t n = fread(buf, 1, CORPUS_MAX_FILE_BYTES + 1, fp);
    fclose(fp);
    int rc = -1;
    if (n <= CORPUS_MAX_FILE_BYTES && !memchr(buf, '\0', n)) {     /* what reading refuses */
        buf[n] = '\0';
        corpus_furniture_add_file(f, buf);
        rc = 0;
    }
    free(buf);
    return rc;
}
