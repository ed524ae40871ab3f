/*
** src/app/qr.c: QR codes as pixels (see qr.h). libqrencode does the
** encoding; this file only scales its modules to whole pixels.
*/
#include "app/qr.h"

#include "common/util.h"

#include <errno.h>
#include <math.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

int qr_make(const char *text, qr_code *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text)
        return -1;
    QRcode *c = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!c) {
        log_warn("qr: cannot encode %zu bytes: %s", strlen(text), strerror(errno));
        return -1;
    }
    out->size = c->width;
    out->mod = xmalloc((size_t)c->width * (size_t)c->width);
    for (int i = 0; i < c->width * c->width; i++)
        out->mod[i] = c->data[i] & 1;          /* bit 0: dark module */
    QRcode_free(c);
    return 0;
}

void qr_free(qr_code *q)
{
    if (!q)
        return;
    free(q->mod);
    memset(q, 0, sizeof *q);
}

int qr_module_px(double px_per_mm, int modules, int room_px)
{
    if (modules <= 0 || room_px <= 0)
        return 0;
    int want = (int)lround(px_per_mm * QR_SCAN_MM / modules);
    int fit = room_px / modules;
    int m = want < fit ? want : fit;
    if (m < QR_MIN_MODULE)
        return fit >= QR_MIN_MODULE ? QR_MIN_MODULE : 0;
    return m;
}

uint32_t *qr_pixels(const qr_code *q, int mpx, uint32_t dark_rgb, uint32_t light_rgb, int *side)
{
    int n = q->size + 2 * QR_QUIET, s = n * mpx;
    uint32_t *px = xmalloc((size_t)s * (size_t)s * sizeof *px);
    uint32_t dark = 0xff000000u | dark_rgb, light = 0xff000000u | light_rgb;
    for (int my = 0; my < n; my++)
        for (int mx = 0; mx < n; mx++) {
            int qx = mx - QR_QUIET, qy = my - QR_QUIET;
            int on = qx >= 0 && qy >= 0 && qx < q->size && qy < q->size &&
                     q->mod[qy * q->size + qx];
            uint32_t v = on ? dark : light;
            for (int y = 0; y < mpx; y++) {
                uint32_t *row = px + (size_t)(my * mpx + y) * (size_t)s + (size_t)mx * (size_t)mpx;
                for (int x = 0; x < mpx; x++)
                    row[x] = v;
            }
        }
    *side = s;
    return px;
}
