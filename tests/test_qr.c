/*
** tests/test_qr.c: the QR code's rules (src/app/qr.c): the module size
** (QR_SCAN_MM wide where there is room, whole pixels, never below
** QR_MIN_MODULE), and the pixels: every module a solid mpx x mpx block, the
** quiet zone light, the finder pattern where a scanner looks for it.
** tests/test_qr.sh decodes codes back from screenshots with zbar.
*/
#include "app/qr.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

static void test_module_px(void)
{
    static const struct { double px_mm; int modules, room, want; } rows[] = {
        { 4.0, 40, 1000, 10 },      /* 100 mm at 4 px/mm = 400 px: 10 px a module */
        { 4.0, 40, 200, 5 },        /* room for 200 px only: the largest that fits */
        { 4.0, 40, 79, 0 },         /* not even 2 px a module: no code */
        { 4.0, 40, 80, 2 },         /* exactly 2 px a module */
        { 0.5, 40, 1000, 2 },       /* a coarse screen: at least QR_MIN_MODULE */
        { 7.2, 41, 360, 8 },        /* 1080p estimate, a third of the height */
        { 4.0, 0, 1000, 0 },
        { 4.0, 40, 0, 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        T_INT(qr_module_px(rows[i].px_mm, rows[i].modules, rows[i].room), rows[i].want);
}

static void test_pixels(void)
{
    qr_code q;
    T_INT(qr_make("https://example.org/harbour-lights", &q), 0);
    T_OK(q.size >= 21 && (q.size - 17) % 4 == 0);       /* a real QR version */
    for (int mpx = 1; mpx <= 5; mpx += 2) {
        int side = 0;
        uint32_t *px = qr_pixels(&q, mpx, 0x000000, 0xffffff, &side);
        int n = q.size + 2 * QR_QUIET;
        T_INT(side, n * mpx);
        int solid = 1, quiet = 1;
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                uint32_t v = px[(size_t)y * (size_t)side + (size_t)x];
                uint32_t block = px[(size_t)(y - y % mpx) * (size_t)side + (size_t)(x - x % mpx)];
                solid &= v == block;                    /* whole-pixel modules */
                int mx = x / mpx, my = y / mpx;
                if (mx < QR_QUIET || my < QR_QUIET || mx >= n - QR_QUIET || my >= n - QR_QUIET)
                    quiet &= v == 0xffffffffu;
            }
        T_OK(solid);
        T_OK(quiet);
        /* the finder's outer ring: top-left module of the code is dark, and
        ** the module inside the ring (1, 1) light */
        T_INT(px[(size_t)(QR_QUIET * mpx) * (size_t)side + (size_t)(QR_QUIET * mpx)], 0xff000000u);
        T_INT(px[(size_t)((QR_QUIET + 1) * mpx) * (size_t)side + (size_t)((QR_QUIET + 1) * mpx)],
              0xffffffffu);
        free(px);
    }
    qr_free(&q);
    T_OK(q.mod == NULL && q.size == 0);
}

static void test_refused(void)
{
    qr_code q;
    T_INT(qr_make("", &q), -1);
    T_INT(qr_make(NULL, &q), -1);
    char *big = malloc(4001);
    memset(big, 'x', 4000);
    big[4000] = 0;
    T_INT(qr_make(big, &q), -1);                        /* beyond version 40 */
    free(big);
    qr_free(NULL);
}

int main(void)
{
    T_RUN(test_module_px);
    T_RUN(test_pixels);
    T_RUN(test_refused);
    return T_DONE();
}
