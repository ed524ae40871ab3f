/*
** src/app/plat_notify.c: sd_notify for the frame loop (see plat_notify.h).
*/
#include "app/plat_notify.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>  /* sd_notify, sd_watchdog_enabled */

#define NOTIFY_STATUS_MAX 160   /* bytes of STATUS= text kept for comparison */

struct notify {
    uint64_t wd_usec;           /* WatchdogSec in us; 0 = watchdog off */
    uint32_t ping_ms;           /* ms between pings: wd_usec / 2 */
    uint32_t last_ping;         /* real ms of the last WATCHDOG=1 */
    int ready;                  /* READY=1 sent */
    unsigned long sent;
    char status[NOTIFY_STATUS_MAX];
};

static void send_msg(notify *n, const char *msg)
{
    int rc = sd_notify(0, msg);
    if (rc < 0)
        log_warn("notify: sd_notify(\"%s\") failed: %s", msg, strerror(-rc));
    else
        n->sent++;
}

notify *notify_create(void)
{
    const char *sock = getenv("NOTIFY_SOCKET");
    if (!sock || !*sock)
        return NULL;
    notify *n = xcalloc(1, sizeof *n);
    uint64_t us = 0;
    int rc = sd_watchdog_enabled(0, &us);
    if (rc > 0 && us > 0) {
        n->wd_usec = us;
        uint64_t half = us / 2000;              /* ms */
        n->ping_ms = half < 1 ? 1 : half > 0x7fffffffu ? 0x7fffffffu : (uint32_t)half;
        log_info("notify: watchdog every %llu ms, pinging every %u ms",
                 (unsigned long long)(us / 1000), n->ping_ms);
    } else if (rc < 0) {
        log_warn("notify: WATCHDOG_USEC unusable: %s", strerror(-rc));
    }
    return n;
}

void notify_destroy(notify *n) { free(n); }

uint32_t notify_max_sleep_ms(const notify *n)
{
    return n && n->ping_ms ? n->ping_ms : UINT32_MAX;
}

void notify_ready(notify *n, uint32_t now_ms)
{
    if (!n || n->ready)
        return;
    n->ready = 1;
    send_msg(n, "READY=1");
    if (n->ping_ms) {
        send_msg(n, "WATCHDOG=1");
        n->last_ping = now_ms;
    }
}

void notify_watchdog(notify *n, uint32_t now_ms)
{
    if (!n || !n->ping_ms || !n->ready)
        return;
    if (now_ms - n->last_ping >= n->ping_ms) {
        send_msg(n, "WATCHDOG=1");
        n->last_ping = now_ms;
    }
}

void notify_status(notify *n, const char *text)
{
    if (!n || !text || strncmp(n->status, text, sizeof n->status - 1) == 0)
        return;
    snprintf(n->status, sizeof n->status, "%s", text);
    char msg[NOTIFY_STATUS_MAX + 8];
    snprintf(msg, sizeof msg, "STATUS=%s", n->status);
    send_msg(n, msg);
}

void notify_stopping(notify *n)
{
    if (n)
        send_msg(n, "STOPPING=1");
}

unsigned long notify_sent(const notify *n) { return n ? n->sent : 0; }
