/*
** src/app/plat_notify.h: systemd service notification (sd_notify), the
** platform edge towards the service manager (notify_).
**
** The unit (board/rpi/vitrine.service) is Type=notify with WatchdogSec=:
**   READY=1        once, after the first frame is presented
**   WATCHDOG=1     from the frame loop, at most every WatchdogSec/2; the loop
**                  sleeps at most notify_max_sleep_ms() so it wakes in time
**   STATUS=...     when the screen on show changes (systemctl status)
**   STOPPING=1     on a clean exit
** Everything is a no-op (no syscall, no allocation) when NOTIFY_SOCKET is
** unset, i.e. whenever the app is not run by systemd with Type=notify.
** Uses libsystemd's sd_notify / sd_watchdog_enabled (Debian libsystemd-dev).
*/
#ifndef VITRINE_PLAT_NOTIFY_H
#define VITRINE_PLAT_NOTIFY_H

#include <stdint.h>

typedef struct notify notify;   /* opaque */

/* NULL when NOTIFY_SOCKET is unset (every call below accepts NULL). */
notify *notify_create(void);
void notify_destroy(notify *n);                 /* NULL-safe; does not send STOPPING */

/* ms the frame loop may sleep at most so the watchdog is petted in time:
** WatchdogSec/2 when the watchdog is on, else UINT32_MAX. */
uint32_t notify_max_sleep_ms(const notify *n);

/* READY=1 (+ the first WATCHDOG=1); now_ms: real monotonic ms. */
void notify_ready(notify *n, uint32_t now_ms);
/* Pet the watchdog if WatchdogSec/2 passed since the last ping. now_ms: real
** monotonic ms (never the script's virtual clock). */
void notify_watchdog(notify *n, uint32_t now_ms);
/* STATUS=text, sent only when text differs from the last one. */
void notify_status(notify *n, const char *text);
void notify_stopping(notify *n);                /* STOPPING=1 */

/* Counters for tests: messages sent. */
unsigned long notify_sent(const notify *n);

#endif
