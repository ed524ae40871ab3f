/*
** src/app/watch.c: database file watching (see watch.h).
*/
#include "app/watch.h"

#include "common/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/inotify.h>
#include <unistd.h>
#endif

#define WATCH_MASK_NAME "moved_to|close_write|create|delete|moved_from"

typedef struct watch_id {
    int exists;
    unsigned long long dev, ino, size;
    long long mtime_s, mtime_ns;
} watch_id;

struct watch {
    char *path;                 /* owned */
    const char *name;           /* points into path: the file's name in its folder */
    int fd;                     /* inotify fd, or -1: stat fallback */
    int pending;                /* an event named the file: stat at this poll */
    uint32_t last_stat;         /* app ms of the last fallback stat */
    watch_id seen;              /* identity last reported (or at create) */
};

static watch_id identity(const char *path)
{
    watch_id id = {0};
    struct stat sb;
    if (stat(path, &sb) != 0)
        return id;
    id.exists = 1;
    id.dev = (unsigned long long)sb.st_dev;
    id.ino = (unsigned long long)sb.st_ino;
    id.size = (unsigned long long)sb.st_size;
    id.mtime_s = (long long)sb.st_mtim.tv_sec;
    id.mtime_ns = (long long)sb.st_mtim.tv_nsec;
    return id;
}

static int same_id(const watch_id *a, const watch_id *b)
{
    return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

watch *watch_create(const char *path)
{
    watch *w = xcalloc(1, sizeof *w);
    w->path = xstrdup(path);
    w->fd = -1;
    char *slash = strrchr(w->path, '/');
    w->name = slash ? slash + 1 : w->path;
    w->seen = identity(path);
#ifdef __linux__
    char *dir = slash ? xstrndup(w->path, (size_t)(slash - w->path)) : xstrdup(".");
    if (!*dir) {                                /* "/file" */
        free(dir);
        dir = xstrdup("/");
    }
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd >= 0 && inotify_add_watch(w->fd, dir, IN_MOVED_TO | IN_CLOSE_WRITE | IN_CREATE |
                                                    IN_DELETE | IN_MOVED_FROM) < 0) {
        log_warn("watch: cannot watch folder %s (%s); checking %s once a second instead", dir,
                 strerror(errno), w->name);
        close(w->fd);
        w->fd = -1;
    } else if (w->fd >= 0) {
        log_info("watch: %s in %s (inotify: " WATCH_MASK_NAME ")", w->name, dir);
    }
    free(dir);
#endif
    return w;
}

void watch_destroy(watch *w)
{
    if (!w)
        return;
#ifdef __linux__
    if (w->fd >= 0)
        close(w->fd);
#endif
    free(w->path);
    free(w);
}

int watch_uses_inotify(const watch *w) { return w->fd >= 0; }

/* Drain the inotify queue; note whether any event named our file. */
static void drain(watch *w)
{
#ifdef __linux__
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;                              /* EAGAIN: drained */
        for (char *p = buf; p < buf + n; ) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if ((ev->mask & IN_Q_OVERFLOW) || (ev->len && strcmp(ev->name, w->name) == 0))
                w->pending = 1;
            p += sizeof *ev + ev->len;
        }
    }
#endif
}

watch_change watch_poll(watch *w, uint32_t now)
{
    if (w->fd >= 0) {
        drain(w);
        if (!w->pending)
            return WATCH_SAME;
    } else if (now - w->last_stat < WATCH_STAT_MS && w->last_stat != 0) {
        return WATCH_SAME;
    }
    w->pending = 0;
    w->last_stat = now ? now : 1;
    watch_id id = identity(w->path);
    if (same_id(&id, &w->seen))
        return WATCH_SAME;
    w->seen = id;
    return id.exists ? WATCH_CHANGED : WATCH_GONE;
}
