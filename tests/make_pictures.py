#!/usr/bin/env python3
"""tests/make_pictures.py: synthetic lead pictures for test and bench corpora.

usage: make_pictures.py [--size WxH] [--variants N] ARTICLE...

Writes NAME.png beside each ARTICLE (NAME.txt, NAME.html, ...): a soft
gradient in one of N colour schemes with a face-like shape (an ellipse with
eyes and a mouth) off centre, so that the ingest's focal point has something
to find. Pure standard library (zlib): no photo is ever fetched, and no
imaging package is needed. Every variant is drawn once and copied.
"""
import os
import struct
import sys
import zlib

SCHEMES = [((40, 70, 110), (200, 140, 90)), ((30, 90, 60), (220, 210, 150)),
           ((90, 40, 80), (240, 170, 120)), ((20, 40, 60), (120, 190, 220))]


def png(w, h, rows):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def picture(w, h, variant):
    top, bottom = SCHEMES[variant % len(SCHEMES)]
    fx = w * (0.72 if variant % 2 else 0.3)
    fy, rx, ry = h * 0.45, w * 0.09, h * 0.22
    rows = []
    for y in range(h):
        t = y / max(1, h - 1)
        base = bytes(int(top[c] + (bottom[c] - top[c]) * t) for c in range(3))
        row = bytearray(base * w)
        dy = (y - fy) / ry
        if abs(dy) < 1:                                # the face's rows
            half = rx * (1 - dy * dy) ** 0.5
            x0, x1 = int(fx - half), int(fx + half)
            row[3 * x0:3 * x1] = bytes((235, 205, 180)) * (x1 - x0)
            if abs(dy + 0.3) < 0.08:                   # eyes
                for ex in (fx - rx * 0.4, fx + rx * 0.4):
                    a, b = int(ex - rx * 0.12), int(ex + rx * 0.12)
                    row[3 * a:3 * b] = bytes((30, 30, 40)) * (b - a)
            if abs(dy - 0.45) < 0.05:                  # mouth
                a, b = int(fx - rx * 0.4), int(fx + rx * 0.4)
                row[3 * a:3 * b] = bytes((120, 40, 50)) * (b - a)
        rows.append(bytes(row))
    return png(w, h, rows)


def main(argv):
    w, h, variants, arts = 1200, 800, 4, []
    i = 0
    while i < len(argv):
        if argv[i] == "--size":
            w, h = (int(v) for v in argv[i + 1].split("x"))
            i += 2
        elif argv[i] == "--variants":
            variants = int(argv[i + 1])
            i += 2
        else:
            arts.append(argv[i])
            i += 1
    cache = {}
    for k, art in enumerate(arts):
        v = k % variants
        if v not in cache:
            cache[v] = picture(w, h, v)
        with open(os.path.splitext(art)[0] + ".png", "wb") as f:
            f.write(cache[v])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
