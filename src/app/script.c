/*
** src/app/script.c: parse and expand --script files (format in script.h).
*/
#include "app/script.h"

#include "app/config.h"     /* config_parse_combo */
#include "common/util.h"

#include <errno.h>
#include <math.h>           /* fabs */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>         /* ftruncate, unlink for the file ops */

static const struct { const char *name; script_op op; int nnum, nfrac; } ops[] = {
    /* name        op               numbers after the name, of them fractions 0..1 */
    {"tap",       SCRIPT_TAP,       2, 2},
    {"swipe",     SCRIPT_SWIPE,     5, 4},
    {"drag",      SCRIPT_DRAG,      5, 4},
    {"longpress", SCRIPT_LONGPRESS, 2, 2},
    {"key",       SCRIPT_KEY,       0, 0},
    {"shot",      SCRIPT_SHOT,      0, 0},
    {"quit",      SCRIPT_QUIT,      0, 0},
    {"replace",   SCRIPT_REPLACE,   0, 0},
    {"corrupt",   SCRIPT_CORRUPT,   0, 0},
    {"truncate",  SCRIPT_TRUNCATE,  0, 0},
    {"delete",    SCRIPT_DELETE,    0, 0},
    {"resize",    SCRIPT_RESIZE,    2, 0},
    {"press",     SCRIPT_PRESS,     2, 2},
    {"release",   SCRIPT_RELEASE,   2, 2},
    {"pinch",     SCRIPT_PINCH,     5, 4},
    {"wheel",     SCRIPT_WHEEL,     2, 0},
};

#define SCRIPT_MAX_PX  16384    /* px: largest side a resize may ask for */
#define SCRIPT_MAX_WHEEL 100    /* wheel steps in one command */

static void seterr(char *err, size_t n, const char *path, int line, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(err, n, "%s:%d: %s", path, line, msg);
}

void script_free(script *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->cmds[i].name);
    free(s->cmds);
    free(s);
}

static char *next_tok(char **p)
{
    char *s = *p + strspn(*p, " \t");
    if (!*s)
        return NULL;
    char *e = s + strcspn(s, " \t");
    if (*e)
        *e++ = 0;
    *p = e;
    return s;
}

static const char *rest(char *p)        /* rest of the line, trimmed */
{
    p += strspn(p, " \t");
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = 0;
    return p;
}

/* Parse one non-empty line into c. NULL ok, or an error message. dir: the
** script's folder with its '/', "" for none. */
static const char *parse_line(char *p, uint32_t prev_ms, script_cmd *c, const char *dir)
{
    static char msg[120];
    char *t = next_tok(&p), *end;
    if (!t || strcmp(t, "at") != 0)
        return "expected 'at MS COMMAND'";
    if (!(t = next_tok(&p)))
        return "missing time after 'at'";
    errno = 0;
    unsigned long ms = strtoul(t, &end, 10);
    if (*end || t[0] == '-' || errno || ms > 0x7fffffffUL)
        return "time must be a whole number of milliseconds";
    if (ms < prev_ms)
        return "time goes backwards (commands must be in time order)";
    c->at_ms = (uint32_t)ms;
    if (!(t = next_tok(&p)))
        return "missing command after the time";
    size_t i;
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(t, ops[i].name) == 0)
            break;
    if (i == sizeof ops / sizeof ops[0]) {
        snprintf(msg, sizeof msg, "unknown command '%.40s'", t);
        return msg;
    }
    c->op = ops[i].op;
#if !VITRINE_TEST_HOOKS
    /* the installed program has no commands that write the database (the
    ** Makefile's production build, see "Install") */
    if (c->op == SCRIPT_REPLACE || c->op == SCRIPT_CORRUPT || c->op == SCRIPT_TRUNCATE ||
        c->op == SCRIPT_DELETE) {
        snprintf(msg, sizeof msg, "'%s' is a test command, not in this build", ops[i].name);
        return msg;
    }
#endif
    double v[5];
    for (int k = 0; k < ops[i].nnum; k++) {
        if (!(t = next_tok(&p))) {
            snprintf(msg, sizeof msg, "'%s' needs %d numbers", ops[i].name, ops[i].nnum);
            return msg;
        }
        v[k] = strtod(t, &end);
        if (*end || end == t)
            return "not a number";
        if (k < ops[i].nfrac && (v[k] < 0.0 || v[k] > 1.0))
            return "coordinates are fractions of the screen: 0..1";
    }
    if (c->op == SCRIPT_RESIZE) {
        if (v[0] < 1 || v[1] < 1 || v[0] > SCRIPT_MAX_PX || v[1] > SCRIPT_MAX_PX ||
            v[0] != (int)v[0] || v[1] != (int)v[1])
            return "resize needs whole px W H, 1..16384";
        c->w = (int)v[0], c->h = (int)v[1];
    } else if (c->op == SCRIPT_WHEEL) {
        if (v[0] != (int)v[0] || v[1] != (int)v[1] || fabs(v[0]) > SCRIPT_MAX_WHEEL ||
            fabs(v[1]) > SCRIPT_MAX_WHEEL)
            return "wheel needs whole steps DX DY, -100..100";
        c->w = (int)v[0], c->h = (int)v[1];
    } else if (c->op == SCRIPT_PINCH) {
        c->x1 = c->x2 = (float)v[0];
        c->y1 = c->y2 = (float)v[1];
        c->from = (float)v[2], c->to = (float)v[3];
        if (v[4] < 1 || v[4] > 600000 || v[4] != (double)(uint32_t)v[4])
            return "duration must be whole ms, 1..600000";
        c->dur_ms = (uint32_t)v[4];
    } else if (c->op == SCRIPT_TAP || c->op == SCRIPT_LONGPRESS || c->op == SCRIPT_PRESS ||
               c->op == SCRIPT_RELEASE) {
        c->x1 = c->x2 = (float)v[0];
        c->y1 = c->y2 = (float)v[1];
    } else if (c->op == SCRIPT_SWIPE || c->op == SCRIPT_DRAG) {
        c->x1 = (float)v[0]; c->y1 = (float)v[1]; c->x2 = (float)v[2]; c->y2 = (float)v[3];
        if (v[4] < 1 || v[4] > 600000 || v[4] != (double)(uint32_t)v[4])
            return "duration must be whole ms, 1..600000";
        c->dur_ms = (uint32_t)v[4];
    } else if (c->op == SCRIPT_KEY) {
        const char *name = rest(p);
        if (!*name)
            return "'key' needs a key name";
        if (config_parse_combo(name, &c->key, &c->mods) != 0) {
            snprintf(msg, sizeof msg, "unknown key '%.40s'", name);
            return msg;
        }
        c->name = xstrdup(name);
        return NULL;
    } else if (c->op == SCRIPT_SHOT) {
        const char *name = rest(p);
        size_t n = strlen(name);
        if (n < 5 || strcmp(name + n - 4, ".png") != 0 || strchr(name, '/') || strchr(name, ' '))
            return "'shot' needs a file name NAME.png (no folders, no spaces)";
        c->name = xstrdup(name);
        return NULL;
    } else if (c->op == SCRIPT_REPLACE) {
        const char *src = rest(p);
        if (!*src)
            return "'replace' needs a source database file";
        sbuf b = {0};
        if (src[0] != '/')
            sbuf_add(&b, dir, strlen(dir));
        sbuf_add(&b, src, strlen(src));
        c->name = sbuf_take(&b);
        return NULL;
    }
    if (*rest(p))
        return "unexpected text after the command";
    return NULL;
}

script *script_parse(const char *text, const char *path, char *err, size_t errlen)
{
    script *s = xcalloc(1, sizeof *s);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup("");
    size_t cap = 0;
    uint32_t prev = 0;
    int line = 0, held = 0;     /* held: a press waits for its release */
    for (const char *p = text; *p; ) {
        size_t n = strcspn(p, "\n");
        char *buf = xstrndup(p, n);
        p += n + (p[n] == '\n');
        line++;
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = 0;
        if (!*rest(buf)) {
            free(buf);
            continue;
        }
        if (s->n == cap) {
            cap = cap ? cap * 2 : 16;
            s->cmds = xrealloc(s->cmds, cap * sizeof *s->cmds);
        }
        script_cmd *c = &s->cmds[s->n];
        memset(c, 0, sizeof *c);
        c->line = line;
        const char *msg = parse_line(buf, prev, c, dir);
        free(buf);
        if (msg) {
            seterr(err, errlen, path, line, "%s", msg);
            free(c->name);
            free(dir);
            script_free(s);
            return NULL;
        }
        if ((c->op == SCRIPT_PRESS && held) || (c->op == SCRIPT_RELEASE && !held)) {
            seterr(err, errlen, path, line, "%s", held ? "press while a press is held (release it first)"
                                                      : "release without a press");
            free(dir);
            script_free(s);
            return NULL;
        }
        held = c->op == SCRIPT_PRESS ? 1 : c->op == SCRIPT_RELEASE ? 0 : held;
        prev = c->at_ms;
        s->has_quit |= c->op == SCRIPT_QUIT;
        s->n++;
    }
    free(dir);
    return s;
}

script *script_load(const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "%s: cannot open script: %s", path, strerror(errno));
        return NULL;
    }
    sbuf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sbuf_add(&b, chunk, n);
    fclose(fp);
    char *text = sbuf_take(&b);
    script *s = script_parse(text, path, err, errlen);
    free(text);
    return s;
}

typedef struct evbuf { script_ev *v; size_t n, cap; } evbuf;

static void push(evbuf *b, uint32_t t, script_ev_kind k, float x, float y, int finger,
                 const script_cmd *c)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->v = xrealloc(b->v, b->cap * sizeof *b->v);
    }
    b->v[b->n++] = (script_ev){ t, k, x, y, finger, c };
}

/* Merge sort by t, stable (qsort is not). */
static void sort_events(script_ev *v, script_ev *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2, i = 0, j = h, k = 0;
    sort_events(v, tmp, h);
    sort_events(v + h, tmp, n - h);
    while (i < h && j < n)
        tmp[k++] = v[j].t < v[i].t ? v[j++] : v[i++];
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

#define SCRIPT_PINCH_FINGER 0x100000  /* the second finger of a pinch: its id + this */

void script_max_size(const script *s, int *w, int *h)
{
    *w = *h = 0;
    for (size_t i = 0; s && i < s->n; i++)
        if (s->cmds[i].op == SCRIPT_RESIZE) {
            *w = s->cmds[i].w > *w ? s->cmds[i].w : *w;
            *h = s->cmds[i].h > *h ? s->cmds[i].h : *h;
        }
}

size_t script_expand(const script *s, script_ev **out)
{
    evbuf b = {0};
    int held = -1;              /* finger of the press waiting for its release */
    float hx = 0, hy = 0;
    for (size_t i = 0; i < s->n; i++) {
        const script_cmd *c = &s->cmds[i];
        int f = (int)i;
        uint32_t t = c->at_ms;
        switch (c->op) {
        case SCRIPT_TAP:
        case SCRIPT_LONGPRESS:
            push(&b, t, SEV_FINGER_DOWN, c->x1, c->y1, f, c);
            push(&b, t + (c->op == SCRIPT_TAP ? SCRIPT_TAP_MS : SCRIPT_LONGPRESS_MS),
                 SEV_FINGER_UP, c->x1, c->y1, f, c);
            break;
        case SCRIPT_SWIPE:
        case SCRIPT_DRAG:
            push(&b, t, SEV_FINGER_DOWN, c->x1, c->y1, f, c);
            for (uint32_t d = SCRIPT_MOTION_MS; d < c->dur_ms; d += SCRIPT_MOTION_MS) {
                float a = (float)d / (float)c->dur_ms;
                push(&b, t + d, SEV_FINGER_MOTION, c->x1 + (c->x2 - c->x1) * a,
                     c->y1 + (c->y2 - c->y1) * a, f, c);
            }
            push(&b, t + c->dur_ms, SEV_FINGER_MOTION, c->x2, c->y2, f, c);
            push(&b, t + c->dur_ms, SEV_FINGER_UP, c->x2, c->y2, f, c);
            break;
        case SCRIPT_PRESS:
            push(&b, t, SEV_FINGER_DOWN, c->x1, c->y1, f, c);
            held = f, hx = c->x1, hy = c->y1;
            break;
        case SCRIPT_RELEASE:                    /* the finger of the press before it */
            if (held < 0)
                break;
            if (c->x1 != hx || c->y1 != hy)
                push(&b, t, SEV_FINGER_MOTION, c->x1, c->y1, held, c);
            push(&b, t, SEV_FINGER_UP, c->x1, c->y1, held, c);
            held = -1;
            break;
        case SCRIPT_PINCH:                      /* two fingers, apart horizontally */
            for (uint32_t d = 0; ; d += SCRIPT_MOTION_MS) {
                uint32_t dd = d < c->dur_ms ? d : c->dur_ms;
                float a = (float)dd / (float)c->dur_ms, half = (c->from + (c->to - c->from) * a) / 2;
                script_ev_kind k = d == 0 ? SEV_FINGER_DOWN : SEV_FINGER_MOTION;
                push(&b, t + dd, k, c->x1 - half, c->y1, f, c);
                push(&b, t + dd, k, c->x1 + half, c->y1, f + SCRIPT_PINCH_FINGER, c);
                if (dd == c->dur_ms) {
                    push(&b, t + dd, SEV_FINGER_UP, c->x1 - half, c->y1, f, c);
                    push(&b, t + dd, SEV_FINGER_UP, c->x1 + half, c->y1, f + SCRIPT_PINCH_FINGER, c);
                    break;
                }
            }
            break;
        case SCRIPT_RESIZE: push(&b, t, SEV_RESIZE, 0, 0, f, c); break;
        case SCRIPT_WHEEL: push(&b, t, SEV_WHEEL, 0, 0, f, c); break;
        case SCRIPT_KEY:  push(&b, t, SEV_KEY, 0, 0, f, c); break;
        case SCRIPT_SHOT: push(&b, t, SEV_SHOT, 0, 0, f, c); break;
        case SCRIPT_QUIT: push(&b, t, SEV_QUIT, 0, 0, f, c); break;
        case SCRIPT_REPLACE: case SCRIPT_CORRUPT: case SCRIPT_TRUNCATE: case SCRIPT_DELETE:
            push(&b, t, SEV_FILE, 0, 0, f, c);
            break;
        }
    }
    if (b.n) {
        script_ev *tmp = xmalloc(b.n * sizeof *tmp);
        sort_events(b.v, tmp, b.n);
        free(tmp);
    }
    *out = b.v;
    return b.n;
}

/* ---- file ops (testing aids for live content updates) ------------------- */

static int copy_file(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb"), *out = in ? fopen(dst, "wb") : NULL;
    char buf[65536];
    size_t n;
    int rc = in && out ? 0 : -1;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            rc = -1;
    if (in && ferror(in))
        rc = -1;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        rc = -1;
    return rc;
}

/* Overwrite every byte of path in place (same inode and size). */
static int corrupt_file(const char *path)
{
    static const char junk[] = "this is not an SQLite database: vitrine test garbage\n";
    FILE *fp = fopen(path, "r+b");
    if (!fp)
        return -1;
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    rewind(fp);
    for (long i = 0; i < size; i++)
        fputc(junk[i % (long)(sizeof junk - 1)], fp);
    return fclose(fp) == 0 && size >= 0 ? 0 : -1;
}

int script_file_op(const script_cmd *c, const char *db_path)
{
    int rc = -1;
    long size = -1;
    switch (c->op) {
    case SCRIPT_REPLACE: {
        sbuf b = {0};
        sbuf_add(&b, db_path, strlen(db_path));
        sbuf_add(&b, ".script-tmp", 11);
        char *tmp = sbuf_take(&b);
        rc = copy_file(c->name, tmp) == 0 && rename(tmp, db_path) == 0 ? 0 : -1;
        if (rc != 0)
            remove(tmp);
        free(tmp);
        break;
    }
    case SCRIPT_CORRUPT: rc = corrupt_file(db_path); break;
    case SCRIPT_TRUNCATE: {     /* opened for writing, as a writer would: IN_CLOSE_WRITE */
        FILE *fp = fopen(db_path, "r+b");
        if (fp && fseek(fp, 0, SEEK_END) == 0)
            size = ftell(fp);
        rc = size >= 0 ? ftruncate(fileno(fp), size / 2) : -1;
        if (fp && fclose(fp) != 0)
            rc = -1;
        break;
    }
    case SCRIPT_DELETE: rc = unlink(db_path); break;
    default: break;
    }
    if (rc != 0)
        log_error("script line %d: %s on %s failed: %s", c->line,
                  c->op == SCRIPT_REPLACE ? "replace" : c->op == SCRIPT_CORRUPT ? "corrupt"
                  : c->op == SCRIPT_TRUNCATE ? "truncate" : "delete", db_path, strerror(errno));
    else
        log_info("script line %d: database %s %s", c->line, db_path,
                 c->op == SCRIPT_REPLACE ? "replaced" : c->op == SCRIPT_CORRUPT ? "overwritten with garbage"
                 : c->op == SCRIPT_TRUNCATE ? "truncated" : "deleted");
    return rc;
}
