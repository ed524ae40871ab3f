/*
** src/app/qr.h: QR codes for "Read on your phone" (libqrencode), as pixels.
** No SDL here: the screen turns the pixels into a texture once, at prepare.
**
** A code is drawn with whole-pixel modules (every module the same integer
** number of pixels, no smoothing) and its 4-module quiet zone in the light
** colour, dark on light, as scanners expect.
*/
#ifndef VITRINE_QR_H
#define VITRINE_QR_H

#include <stdint.h>

#define QR_QUIET        4       /* modules of quiet zone on each side */
/* Size rule: a code is read from about ten times its width (the rule of
** thumb of QR printing guides), so reading it from a metre wants a code
** QR_SCAN_MM wide, quiet zone included. */
#define QR_SCAN_MM      100
#define QR_MIN_MODULE   2       /* px: smaller modules do not survive a camera */

typedef struct qr_code {
    int size;                   /* modules per side, without the quiet zone */
    unsigned char *mod;         /* owned, size * size, 1 = dark */
} qr_code;

/* Encode text (8-bit, error correction M). 0 ok, -1 (too long, or empty). */
int qr_make(const char *text, qr_code *out);
void qr_free(qr_code *q);                       /* NULL-safe; zeroes it */

/* Pixels per module for a code of `modules` modules per side (quiet zone
** included) on a screen of px_per_mm: QR_SCAN_MM wide where room_px allows,
** else the largest whole module that fits room_px; 0 when not even
** QR_MIN_MODULE fits (then no code is shown). */
int qr_module_px(double px_per_mm, int modules, int room_px);

/* The code with its quiet zone as ARGB8888 pixels, mpx px a module: a new
** array (owned) of *side x *side, *side = (size + 2 * QR_QUIET) * mpx. */
uint32_t *qr_pixels(const qr_code *q, int mpx, uint32_t dark_rgb, uint32_t light_rgb, int *side);

#endif
