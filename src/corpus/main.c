/*
** src/corpus/main.c: the vitrine-corpus command line.
**
**   vitrine-corpus build [--strict] [--quiet] --out FILE.db INPUT...
**   vitrine-corpus check FILE.db
**
** build reads every INPUT (a file, or a folder: its articles in sorted
** name order, not recursing; hidden files and *.meta sidecars skipped;
** *.txt, *.md, *.text, *.html, *.htm and names without an extension
** read; the NAME_files/ folder of a "complete" page save is not entered),
** ingests each (a first pass counts the lines that recur across the text
** files: site furniture, kept out of the articles), makes slugs unique
** (-2, -3, ...) and writes the database atomically. The articles' text
** is read in order on one thread; their pictures (the costly part) are
** decoded on --jobs threads (default: the processors online, at most 8),
** each article's as soon as its text is read, the reading thread joining
** in when the text is done; every file's warnings are printed after that,
** in file order, exactly as one thread would print them.
** Warnings go to stderr as "file:line: message". Exit status: 0 when at
** least one article was stored; 1 when none was, when writing failed, or
** with --strict when there was any warning or refused file (the database
** is then not written and an existing one stays as it was); 2 on usage
** errors.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <dirent.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>     /* mallopt */
#endif
#include <pthread.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>    /* strcasecmp */
#include <sys/stat.h>

#ifndef VITRINE_VERSION
#define VITRINE_VERSION "0.0.0"
#endif

/* Extensions read from folders (a name without extension is read too). */
static const char *const article_exts[] = { ".txt", ".md", ".text", ".html", ".htm" };

static void usage(FILE *f) {
    fputs("usage: vitrine-corpus build [--strict] [--quiet] [--image-max PX] --out FILE.db INPUT...\n"
          "       vitrine-corpus check FILE.db\n"
          "       vitrine-corpus --help | --version\n"
          "\n"
          "build   ingest article files (or folders of them: *.txt, *.md, *.text,\n"
          "        saved pages *.html, *.htm and files without extension; NAME.meta\n"
          "        sidecars apply to NAME.*) into an\n"
          "        SQLite database, written atomically.\n"
          "        --out FILE   database to write (replaced only on success)\n"
          "        --strict     treat every warning as an error: write nothing\n"
          "        --quiet      no summary line (warnings are still printed)\n"
          "        --image-max PX  long side lead pictures are scaled to fit (1920)\n"
          "        --jobs N     threads decoding pictures (default: processors online)\n"
          "        An article's lead picture: the sidecar's image = FILE, front\n"
          "        matter's image:, a Markdown image, a saved page's og:image kept in\n"
          "        NAME_files/, or NAME.jpg / .jpeg / .png / .webp beside it.\n"
          "check   validate a database and print what it holds.\n"
          "\n"
          "Warnings go to stderr as file:line: message. Exit 0 when at least one\n"
          "article was stored (build) or the database is valid (check).\n", f);
}

/* ---- input files --------------------------------------------------------- */

static int is_article_name(const char *name) {
    if (name[0] == '.') return 0;
    const char *ext = strrchr(name, '.');
    if (!ext) return 1;
    for (size_t i = 0; i < sizeof article_exts / sizeof *article_exts; i++)
        if (!strcasecmp(ext, article_exts[i])) return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the articles of folder dir to files, sorted. Returns how many, or -1
** when the folder cannot be read (reported). Subfolders are not entered,
** but one named like an article is listed, so that reading it says why it
** is no article. */
static long collect_dir(const char *dir, corpus_strv *files, corpus_diag *d) {
    DIR *dp = opendir(dir);
    if (!dp) { corpus_warn(d, 0, "cannot read folder: %s", strerror(errno)); return -1; }
    corpus_strv names = {0};
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!is_article_name(e->d_name)) continue;
        sbuf p = {0};
        sbuf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        char *path = sbuf_take(&p);
        struct stat st;
        int is_dir = e->d_type == DT_DIR
                     || (e->d_type == DT_UNKNOWN && stat(path, &st) == 0 && S_ISDIR(st.st_mode));
        if (is_dir && !strchr(e->d_name, '.')) { free(path); continue; }  /* plain subfolder */
        corpus_strv_push(&names, path);
    }
    closedir(dp);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) corpus_strv_push(files, names.v[i]);
    long n = (long)names.n;
    free(names.v);
    return n;
}

/* ---- unique slugs -------------------------------------------------------- */

/* Open-addressing set of borrowed strings; grows at half load. */
typedef struct slugset { const char **v; size_t cap, n; } slugset;

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ull;            /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int slugset_has(const slugset *s, const char *k) {
    if (!s->cap) return 0;
    for (size_t i = hash_str(k) & (s->cap - 1); s->v[i]; i = (i + 1) & (s->cap - 1))
        if (!strcmp(s->v[i], k)) return 1;
    return 0;
}

static void slugset_add(slugset *s, const char *k) {
    if ((s->n + 1) * 2 > s->cap) {
        slugset g = { xcalloc(s->cap ? s->cap * 2 : 64, sizeof *g.v), s->cap ? s->cap * 2 : 64, 0 };
        for (size_t i = 0; i < s->cap; i++) if (s->v[i]) slugset_add(&g, s->v[i]);
        free(s->v);
        *s = g;
    }
    size_t i = hash_str(k) & (s->cap - 1);
    while (s->v[i]) i = (i + 1) & (s->cap - 1);
    s->v[i] = k;
    s->n++;
}

/* Make a->slug unique among those in set ("x", "x-2", "x-3", ...). */
static void slug_unique(slugset *set, corpus_article *a) {
    if (slugset_has(set, a->slug)) {
        sbuf b = {0};
        for (int k = 2;; k++) {
            b.len = 0;
            sbuf_addf(&b, "%s-%d", a->slug, k);
            if (!slugset_has(set, b.s)) break;
        }
        free(a->slug);
        a->slug = sbuf_take(&b);
    }
    slugset_add(set, a->slug);
}

/* ---- commands ------------------------------------------------------------ */

/* ---- pictures on several threads ----------------------------------------- */

typedef struct pic_job {
    const char *path;       /* the article's file (borrowed) */
    corpus_article *a;      /* its article (borrowed) */
    corpus_diag d;          /* its diag: d.buf is the file's own buffer */
} pic_job;

/* The pictures are decoded while the text is still being read: the main
** thread publishes each article as its text is done, workers take them in
** order, and the main thread joins them when the text is all read. */
typedef struct pic_pool {
    pic_job *jobs;          /* one a file at most: never reallocated */
    size_t ready;           /* jobs published (under lock) */
    size_t next;            /* the next job to take (under lock) */
    int done;               /* no more jobs will come (under lock) */
    pthread_mutex_t lock;
    pthread_cond_t more;
    pthread_t tid[8];
    int started;
} pic_pool;

static void *pic_worker(void *arg) {
    pic_pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->next >= p->ready && !p->done) pthread_cond_wait(&p->more, &p->lock);
        if (p->next >= p->ready) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        corpus_ingest_pictures(p->jobs[i].path, p->jobs[i].a, &p->jobs[i].d);
    }
}

/* Start nthreads - 1 workers (the calling thread is the last, in
** pic_finish) for up to cap jobs. */
static void pic_start(pic_pool *p, size_t cap, int nthreads) {
    memset(p, 0, sizeof *p);
    p->jobs = xcalloc(cap ? cap : 1, sizeof *p->jobs);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->more, NULL);
    corpus_image_prepare();                 /* shared decoder state, before any thread */
    for (int i = 1; i < nthreads && p->started < 8; i++)
        if (pthread_create(&p->tid[p->started], NULL, pic_worker, p) == 0) p->started++;
}

/* One more job: the article is complete but for its pictures. */
static void pic_publish(pic_pool *p, pic_job job) {
    pthread_mutex_lock(&p->lock);
    p->jobs[p->ready++] = job;
    pthread_cond_signal(&p->more);
    pthread_mutex_unlock(&p->lock);
}

/* No more jobs: work on them on this thread too until all are done. */
static void pic_finish(pic_pool *p) {
    pthread_mutex_lock(&p->lock);
    p->done = 1;
    pthread_cond_broadcast(&p->more);
    pthread_mutex_unlock(&p->lock);
    pic_worker(p);
    for (int i = 0; i < p->started; i++) pthread_join(p->tid[i], NULL);
    pthread_cond_destroy(&p->more);
    pthread_mutex_destroy(&p->lock);
}

static int default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

static int cmd_build(int argc, char **argv) {
    const char *out = NULL;
    int strict = 0, quiet = 0, ninputs = 0, jobs = default_jobs();
    char **inputs = xcalloc((size_t)argc + 1, sizeof *inputs);
    int only_inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || !a[1]) inputs[ninputs++] = argv[i];
        else if (!strcmp(a, "--")) only_inputs = 1;
        else if (!strcmp(a, "--strict")) strict = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) quiet = 1;
        else if ((!strcmp(a, "--out") || !strcmp(a, "-o")) && i + 1 < argc) out = argv[++i];
        else if (!strncmp(a, "--out=", 6)) out = a + 6;
        else if (!strcmp(a, "--image-max") && i + 1 < argc && atoi(argv[i + 1]) >= 64)
            corpus_image_set_max_side(atoi(argv[++i]));
        else if (!strcmp(a, "--jobs") && i + 1 < argc && atoi(argv[i + 1]) >= 1)
            jobs = atoi(argv[++i]) > 8 ? 8 : atoi(argv[i]);
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); free(inputs); return 0; }
        else {
            log_error("build: unknown option or missing value: %s", a);
            usage(stderr);
            free(inputs);
            return 2;
        }
    }
    if (!out || !*out || !ninputs) {
        log_error("build: %s", !out || !*out ? "--out FILE is required" : "no INPUT given");
        usage(stderr);
        free(inputs);
        return 2;
    }

    corpus_strv files = {0};
    int nwarn = 0, nrefused = 0;
    for (int i = 0; i < ninputs; i++) {
        corpus_diag d = { inputs[i], 0, 0, NULL };
        struct stat st;
        if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (collect_dir(inputs[i], &files, &d) == 0)
                corpus_warn(&d, 0, "folder holds no articles (*.txt, *.md, *.text, *.html, *.htm or no extension)");
        } else {
            corpus_strv_push(&files, xstrdup(inputs[i]));   /* reading says what is wrong */
        }
        nwarn += d.nwarn;
    }
    free(inputs);

    /* First pass: lines recurring across files are site furniture. */
    corpus_furniture *furn = files.n > 1 ? corpus_furniture_create() : NULL;
    for (size_t i = 0; furn && i < files.n; i++) {
        if (corpus_html_name(files.v[i])) continue;    /* text copies only */
        corpus_furniture_add_path(furn, files.v[i]);   /* the second pass reports errors */
    }

    /* The text of every file, in order; each file's warnings kept in its
    ** own buffer until its picture is done too. Each article's pictures
    ** are handed to the workers as soon as its text is read. */
    corpus_article *arts = xcalloc(files.n ? files.n : 1, sizeof *arts);
    size_t narts = 0;
    sbuf *msgs = xcalloc(files.n ? files.n : 1, sizeof *msgs);
    slugset slugs = {0};
    pic_pool pool;
    pic_start(&pool, files.n, jobs);
    for (size_t i = 0; i < files.n; i++) {
        corpus_diag d = { files.v[i], 0, 0, &msgs[i] };
        if (corpus_ingest_text_file(files.v[i], furn, &arts[narts], &d) == 0) {
            slug_unique(&slugs, &arts[narts]);
            corpus_diag pd = { files.v[i], 0, 0, &msgs[i] };
            pic_publish(&pool, (pic_job){ files.v[i], &arts[narts], pd });
            narts++;
        } else {
            nrefused++;
        }
        nwarn += d.nwarn;
    }
    pic_finish(&pool);
    for (size_t k = 0; k < pool.ready; k++) nwarn += pool.jobs[k].d.nwarn;
    free(pool.jobs);
    for (size_t i = 0; i < files.n; i++) {
        if (msgs[i].len) fwrite(msgs[i].s, 1, msgs[i].len, stderr);
        sbuf_free(&msgs[i]);
    }
    free(msgs);

    corpus_quotes_unify(arts, narts);      /* one person, one speaker across the corpus */

    int rc = 0;
    if (strict && (nwarn || nrefused)) {
        log_error("--strict: %d warning(s), %d file(s) refused; %s not written", nwarn,
                  nrefused, out);
        rc = 1;
    } else if (!narts) {
        log_error("no article ingested; %s not written", out);
        rc = 1;
    } else if (corpus_db_write(out, arts, narts) != 0) {
        log_error("%s not written", out);
        rc = 1;
    } else if (!quiet) {
        log_info("%s: %zu article(s) from %zu file(s); %d refused, %d warning(s)", out, narts,
                 files.n, nrefused, nwarn);
    }
    free(slugs.v);
    corpus_furniture_destroy(furn);
    for (size_t i = 0; i < narts; i++) corpus_article_free(&arts[i]);
    free(arts);
    corpus_strv_free(&files);
    return rc;
}

static int cmd_check(int argc, char **argv) {
    if (argc == 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h"))) {
        usage(stdout);
        return 0;
    }
    if (argc != 1) {
        log_error("check: expected one FILE.db");
        usage(stderr);
        return 2;
    }
    return corpus_db_check(argv[0], stdout) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    log_set_program("vitrine-corpus");
    if (argc < 2) { usage(stderr); return 2; }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("vitrine-corpus %s\n", VITRINE_VERSION);
        return 0;
    }
#ifdef M_MMAP_THRESHOLD
    /* A picture's planes (megabytes each, a new set a picture) come from
    ** the heap and stay mapped between pictures: glibc would otherwise map
    ** and unmap them, or trim the heap under them, every time, and the
    ** page faults took a seventh of the build's time */
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (!strcmp(cmd, "build")) return cmd_build(argc - 2, argv + 2);
    if (!strcmp(cmd, "check")) return cmd_check(argc - 2, argv + 2);
    log_error("unknown command '%s'", cmd);
    usage(stderr);
    return 2;
}
