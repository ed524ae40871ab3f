/*
** src/app/watch.h: notice when the database file is replaced (watch_).
**
** How: inotify on the file's FOLDER (IN_MOVED_TO | IN_CLOSE_WRITE |
** IN_CREATE | IN_DELETE | IN_MOVED_FROM), filtered by the file's name. A
** folder watch survives the atomic rename that content updates use (a watch
** on the file itself would follow the old, unlinked inode). The inotify fd is
** non-blocking and only read on the frame loop's wake-ups, which come at
** least every APP_MAX_SLEEP_MS even when nothing moves, so the app still
** sleeps; a new file is noticed within about a second, well before the next
** slide. When inotify is unavailable (no folder yet, no kernel support,
** watch limit reached) the fallback is a stat() of the path at most once a
** second (WATCH_STAT_MS), again only on wake-ups that happen anyway.
**
** Either way, an event only counts when the file's identity (device, inode,
** size, mtime in ns) differs from the one last reported, so a spurious event
** never reloads the same file twice.
*/
#ifndef VITRINE_WATCH_H
#define VITRINE_WATCH_H

#include <stdint.h>

#define WATCH_STAT_MS 1000u     /* ms between stat() checks in the fallback */

typedef enum watch_change {
    WATCH_SAME,                 /* nothing new */
    WATCH_CHANGED,              /* a file with a new identity is at the path: check it */
    WATCH_GONE,                 /* the path no longer exists (reported once) */
} watch_change;

typedef struct watch watch;     /* opaque */

/* Watch path (copied). The identity of the file there now counts as seen.
** Never NULL. */
watch *watch_create(const char *path);
void watch_destroy(watch *w);                   /* NULL-safe */

/* Read pending events (never blocks). now: app ms, paces the stat fallback. */
watch_change watch_poll(watch *w, uint32_t now);

/* 1 when inotify is in use, 0 for the stat() fallback. */
int watch_uses_inotify(const watch *w);

#endif
