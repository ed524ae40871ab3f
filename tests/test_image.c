/*
** tests/test_image.c: lead pictures in the ingest (corpus_image.c): format
** and size from headers, the focal point, checking / scaling / encoding,
** finding a picture beside an article, and the images table.
** Every picture is made here (gradients, shapes, a synthetic face).
*/
#include "corpus/corpus.h"
#include "t.h"
#include "io_capture.h"

#include <SDL.h>
#include <SDL_image.h>
#include <jpeglib.h>
#include <png.h>
#include <sqlite3.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- pictures made here --------------------------------------------------- */

typedef enum { PAT_GRADIENT, PAT_FACE_RIGHT, PAT_DETAIL_TOP_LEFT, PAT_ALPHA } pattern;

static Uint32 px(int r, int g, int b, int a) {
    return (Uint32)a << 24 | (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b;
}

/* A w x h ARGB surface: a soft gradient, plus the pattern's feature. */
static SDL_Surface *make(int w, int h, pattern p) {
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    /* the face: an ellipse centred at 80% x, 45% y with two eyes and a mouth */
    double fx = 0.8 * w, fy = 0.45 * h, rx = 0.09 * w, ry = 0.2 * h;
    for (int y = 0; y < h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < w; x++) {
            int g = 60 + 100 * x / w, b = 90 + 60 * y / h, a = 255;
            int v = g;
            if (p == PAT_FACE_RIGHT) {
                double dx = (x - fx) / rx, dy = (y - fy) / ry;
                if (dx * dx + dy * dy < 1) {
                    v = 200;
                    double ex = fabs(x - fx) / rx, ey = (y - (fy - 0.3 * ry)) / ry;
                    if (fabs(ex - 0.4) < 0.12 && fabs(ey) < 0.08) v = 20;           /* eyes */
                    if (fabs(x - fx) / rx < 0.4 && fabs((y - (fy + 0.45 * ry)) / ry) < 0.05)
                        v = 40;                                                   /* mouth */
                }
            } else if (p == PAT_DETAIL_TOP_LEFT && x < w / 3 && y < h / 3) {
                v = ((x / 4 + y / 4) & 1) ? 230 : 20;                          /* checkerboard */
            } else if (p == PAT_ALPHA) {
                a = x < w / 2 ? 255 : 128;
            }
            row[x] = px(v, v, b, a);
        }
    }
    return s;
}

static size_t SDLCALL w_cb(SDL_RWops *rw, const void *p, size_t size, size_t num) {
    FILE *f = rw->hidden.unknown.data1;
    return fwrite(p, size, num, f);
}
static Sint64 SDLCALL sz_cb(SDL_RWops *rw) { (void)rw; return -1; }
static Sint64 SDLCALL sk_cb(SDL_RWops *rw, Sint64 o, int wh) {
    FILE *f = rw->hidden.unknown.data1;
    if (o || wh != RW_SEEK_CUR) fseek(f, (long)o, wh == RW_SEEK_SET ? SEEK_SET : wh == RW_SEEK_END ? SEEK_END : SEEK_CUR);
    return ftell(f);
}
static int SDLCALL cl_cb(SDL_RWops *rw) { SDL_FreeRW(rw); return 0; }

/* Write s to path as "png" or "jpeg". */
static void save(SDL_Surface *s, const char *path, const char *fmt) {
    FILE *f = fopen(path, "wb");
    SDL_RWops *rw = SDL_AllocRW();
    rw->write = w_cb; rw->size = sz_cb; rw->seek = sk_cb; rw->close = cl_cb;
    rw->hidden.unknown.data1 = f;
    int rc = !strcmp(fmt, "png") ? IMG_SavePNG_RW(s, rw, 1) : IMG_SaveJPG_RW(s, rw, 1, 90);
    fclose(f);
    T_INT(rc, 0);
}

static unsigned char *slurp(const char *path, size_t *n) {
    return (unsigned char *)t_slurp(path, n);
}

static char dir[64];

static char *at(const char *name) {
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void put(const char *name, const char *text) {
    FILE *f = fopen(at(name), "wb");
    fputs(text, f);
    fclose(f);
}

/* ---- headers --------------------------------------------------------------- */

static void test_sniff(void) {
    static const struct { const char *bytes; size_t n; const char *want; } rows[] = {
        { "\xff\xd8\xff\xe0", 4, "jpeg" },
        { "\x89PNG\r\n\x1a\n", 8, "png" },
        { "RIFF\0\0\0\0WEBPVP8 ", 16, "webp" },
        { "GIF89a", 6, "gif" },
        { "<html>", 6, NULL },
        { "\xff\xd8", 2, NULL },                /* too short to say */
        { "", 0, NULL },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        T_STR(corpus_image_sniff((const unsigned char *)rows[i].bytes, rows[i].n), rows[i].want);
}

static void test_dims(void) {
    static const struct { int w, h; const char *fmt; } rows[] = {
        { 640, 480, "png" }, { 17, 1023, "png" }, { 640, 480, "jpeg" }, { 1999, 3, "jpeg" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        SDL_Surface *s = make(rows[i].w, rows[i].h, PAT_GRADIENT);
        save(s, at("d.bin"), rows[i].fmt);
        SDL_FreeSurface(s);
        size_t n = 0;
        unsigned char *b = slurp(at("d.bin"), &n);
        int w = 0, h = 0;
        T_STR(corpus_image_sniff(b, n), rows[i].fmt);
        T_INT(corpus_image_dims(b, n, rows[i].fmt, &w, &h), 0);
        T_INT(w, rows[i].w);
        T_INT(h, rows[i].h);
        free(b);
    }
    /* WebP's three headers, written by hand */
    unsigned char x[30] = "RIFF\0\0\0\0WEBPVP8X";
    x[24] = 0x7f; x[25] = 0x07; x[26] = 0;          /* 1920 - 1 */
    x[27] = 0x37; x[28] = 0x04; x[29] = 0;          /* 1080 - 1 */
    int w, h;
    T_INT(corpus_image_dims(x, sizeof x, "webp", &w, &h), 0);
    T_INT(w, 1920); T_INT(h, 1080);
    unsigned char l[30] = "RIFF\0\0\0\0WEBPVP8L";
    l[20] = 0x2f;                                    /* w-1 = 99, h-1 = 49: 14 bits each */
    l[21] = 99; l[22] = (unsigned char)((49 & 3) << 6); l[23] = 49 >> 2; l[24] = 0;
    T_INT(corpus_image_dims(l, sizeof l, "webp", &w, &h), 0);
    T_INT(w, 100); T_INT(h, 50);
    unsigned char v[30] = "RIFF\0\0\0\0WEBPVP8 ";
    v[26] = 0x20; v[27] = 0x03; v[28] = 0x58; v[29] = 0x02;   /* 800 x 600 */
    T_INT(corpus_image_dims(v, sizeof v, "webp", &w, &h), 0);
    T_INT(w, 800); T_INT(h, 600);
    /* a JPEG without a frame header, a PNG cut short */
    T_INT(corpus_image_dims((const unsigned char *)"\xff\xd8\xff\xd9\0\0\0\0\0\0\0\0", 12, "jpeg",
                            &w, &h), -1);
    T_INT(corpus_image_dims((const unsigned char *)"\x89PNG\r\n\x1a\n", 8, "png", &w, &h), -1);
}

/* ---- focal point ------------------------------------------------------------ */

static void test_focus(void) {
    unsigned char flat[30 * 20];
    memset(flat, 128, sizeof flat);
    float fx, fy;
    corpus_image_focus(flat, NULL, 30, 20, &fx, &fy);
    T_OK(fabsf(fx - 0.5f) < 0.01f && fabsf(fy - 0.5f) < 0.01f);
    /* one detailed corner */
    unsigned char g[48 * 32];
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < 48; x++)
            g[y * 48 + x] = (unsigned char)(x > 32 && y > 20 ? ((x + y) & 1) * 255 : 100);
    corpus_image_focus(g, NULL, 48, 32, &fx, &fy);
    T_OK(fx > 0.7f && fy > 0.65f);
    /* degenerate sizes */
    corpus_image_focus(g, NULL, 2, 2, &fx, &fy);
    T_OK(fx == 0.5f && fy == 0.5f);
}

/* ---- one picture: check, scale, encode ------------------------------------- */

static corpus_image thumb;     /* from_file's thumb rendition */

static int from_file(const char *name, corpus_image *im, char **err) {
    size_t n = 0;
    unsigned char *b = slurp(at(name), &n);
    corpus_diag d = { name, 0, 0, NULL };
    corpus_image_free(&thumb);
    io_capture_begin();
    int rc = corpus_image_from_bytes(name, b, n, im, &thumb, &d);
    *err = io_capture_end();
    free(b);
    return rc;
}

static void test_from_bytes(void) {
    corpus_image im;
    char *err;
    /* a wide JPEG over the limit: scaled to 1920, its face kept as focus */
    SDL_Surface *s = make(3000, 1000, PAT_FACE_RIGHT);
    save(s, at("wide.jpg"), "jpeg");
    SDL_FreeSurface(s);
    T_INT(from_file("wide.jpg", &im, &err), 0);
    T_STR(err, "");
    T_INT(im.w, 1920);
    T_INT(im.h, 640);
    T_STR(im.format, "jpeg");
    T_STR(im.role, "lead");
    T_STR(im.file, "wide.jpg");
    T_OK(im.focus_x > 0.65f && im.focus_x < 0.95f);
    T_OK(im.focus_y > 0.25f && im.focus_y < 0.65f);
    T_STR(corpus_image_sniff(im.bytes, im.n), "jpeg");
    /* its thumb: 800 px wide, the same focal point */
    T_STR(thumb.role, "thumb");
    T_INT(thumb.w, CORPUS_IMAGE_THUMB_SIDE);
    T_INT(thumb.h, CORPUS_IMAGE_THUMB_SIDE / 3);
    T_STR(corpus_image_sniff(thumb.bytes, thumb.n), "jpeg");
    T_OK(thumb.focus_x == im.focus_x && thumb.focus_y == im.focus_y);
    corpus_image_free(&im);
    free(err);

    /* a tall one: the long side is its height */
    corpus_image_set_max_side(500);
    s = make(400, 1000, PAT_DETAIL_TOP_LEFT);
    save(s, at("tall.png"), "png");
    SDL_FreeSurface(s);
    T_INT(from_file("tall.png", &im, &err), 0);
    T_INT(im.w, 200);
    T_INT(im.h, 500);
    T_STR(im.format, "jpeg");                   /* opaque: re-encoded as JPEG */
    T_OK(im.focus_x < 0.4f && im.focus_y < 0.4f);
    corpus_image_free(&im);
    free(err);
    corpus_image_set_max_side(CORPUS_IMAGE_MAX_SIDE);

    /* within the size: kept byte for byte */
    s = make(320, 200, PAT_GRADIENT);
    save(s, at("small.png"), "png");
    SDL_FreeSurface(s);
    size_t n = 0;
    unsigned char *orig = slurp(at("small.png"), &n);
    T_INT(from_file("small.png", &im, &err), 0);
    T_INT(im.n, n);
    T_OK(im.n == n && !memcmp(im.bytes, orig, n));
    T_STR(im.format, "png");
    T_OK(thumb.bytes == NULL);                  /* smaller than a thumb: none */
    free(orig);
    corpus_image_free(&im);
    free(err);

    /* transparency survives scaling as PNG */
    corpus_image_set_max_side(100);
    s = make(300, 200, PAT_ALPHA);
    save(s, at("logo.png"), "png");
    SDL_FreeSurface(s);
    T_INT(from_file("logo.png", &im, &err), 0);
    T_STR(im.format, "png");
    T_INT(im.w, 100);
    corpus_image_free(&im);
    free(err);
    corpus_image_set_max_side(CORPUS_IMAGE_MAX_SIDE);
}


/* ---- every kind of file the decoders meet -------------------------------- */

/* Four quadrants a picture is checked by: red, green, blue, white (as gray
** levels 60, 120, 180, 240 for the gray files). */
static const unsigned char QUAD[4][3] = { { 220, 40, 30 }, { 30, 200, 60 },
                                          { 40, 60, 210 }, { 240, 240, 240 } };
static const unsigned char QGRAY[4] = { 60, 120, 180, 240 };

static int quad_of(int x, int y, int w, int h) { return (y >= h / 2) * 2 + (x >= w / 2); }

/* A PNG of w x h quadrants with libpng: colour type ct, bit depth bd
** (8 or 16), interlaced or not; a palette one gets a tRNS entry making
** its white quadrant half transparent when trns. */
static void write_png(const char *path, int w, int h, int ct, int bd, int interlace, int trns) {
    FILE *f = fopen(path, "wb");
    png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(p);
    png_init_io(p, f);
    png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, bd, ct,
                 interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (ct == PNG_COLOR_TYPE_PALETTE) {
        png_color pal[4];
        for (int i = 0; i < 4; i++) { pal[i].red = QUAD[i][0]; pal[i].green = QUAD[i][1]; pal[i].blue = QUAD[i][2]; }
        png_set_PLTE(p, info, pal, 4);
        if (trns) {
            png_byte t[4] = { 255, 255, 255, 128 };
            png_set_tRNS(p, info, t, 4, NULL);
        }
    }
    png_write_info(p, info);
    if (bd == 16) png_set_swap(p);              /* rows below are little-endian 16-bit */
    int ch = ct == PNG_COLOR_TYPE_GRAY ? 1 : ct == PNG_COLOR_TYPE_PALETTE ? 1 : ct == PNG_COLOR_TYPE_RGBA ? 4 : 3;
    int bpc = bd / 8;
    png_bytep *rows = calloc((size_t)h, sizeof *rows);
    for (int y = 0; y < h; y++) {
        rows[y] = calloc((size_t)w, (size_t)(ch * bpc));
        for (int x = 0; x < w; x++) {
            int q = quad_of(x, y, w, h);
            unsigned char v[4] = { QUAD[q][0], QUAD[q][1], QUAD[q][2], 255 };
            if (ct == PNG_COLOR_TYPE_GRAY) v[0] = QGRAY[q];
            if (ct == PNG_COLOR_TYPE_PALETTE) v[0] = (unsigned char)q;
            if (ct == PNG_COLOR_TYPE_RGBA && q == 3) v[3] = 128;
            for (int c = 0; c < ch; c++)
                for (int k = 0; k < bpc; k++) rows[y][(x * ch + c) * bpc + k] = v[c];
        }
    }
    png_write_image(p, rows);
    png_write_end(p, NULL);
    png_destroy_write_struct(&p, &info);
    for (int y = 0; y < h; y++) free(rows[y]);
    free(rows);
    fclose(f);
}

/* A JPEG of w x h quadrants with libjpeg: 1 (gray), 3 (RGB) or 4 (CMYK,
** written as Adobe's inverted CMYK with its APP14 marker, as Photoshop
** does: C = R, M = G, Y = B, K = 255 for these colours) components; with
** 3, luma sampled hs x vs over chroma 1 x 1 (2 x 2: 4:2:0, 2 x 1: 4:2:2,
** 1 x 1: 4:4:4, 4 x 1: 4:1:1; 0: libjpeg's default, 4:2:0), baseline or
** progressive. */
static void write_jpeg_sampled(const char *path, int w, int h, int comps, int hs, int vs,
                               int progressive) {
    FILE *f = fopen(path, "wb");
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = comps;
    c.in_color_space = comps == 1 ? JCS_GRAYSCALE : comps == 3 ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    if (hs > 0) {
        c.comp_info[0].h_samp_factor = hs;
        c.comp_info[0].v_samp_factor = vs;
    }
    if (progressive) jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char *row = malloc((size_t)w * (size_t)comps);
    while (c.next_scanline < c.image_height) {
        for (int x = 0; x < w; x++) {
            int q = quad_of(x, (int)c.next_scanline, w, h);
            for (int k = 0; k < comps; k++)
                row[x * comps + k] = comps == 1 ? QGRAY[q] : comps == 3 ? QUAD[q][k]
                                   : (unsigned char)(k < 3 ? QUAD[q][k] : 255);
        }
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    free(row);
    fclose(f);
}

static void write_jpeg(const char *path, int w, int h, int comps) {
    write_jpeg_sampled(path, w, h, comps, 0, 0, 0);
}

/* The four corner pixels of a picture: their quadrants' colours (the
** scaler's edges and the encoder's padded blocks hold the picture only). */
static int corners_ok(const corpus_image *im, int tol) {
    SDL_Surface *raw = IMG_Load_RW(SDL_RWFromConstMem(im->bytes, (int)im->n), 1);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(raw);
    if (!s) return 0;
    int ok = 1;
    for (int q = 0; q < 4; q++) {
        int x = (q & 1) ? s->w - 1 : 0, y = (q & 2) ? s->h - 1 : 0;
        Uint32 v = ((Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
        int rgb[3] = { (int)(v >> 16 & 255), (int)(v >> 8 & 255), (int)(v & 255) };
        for (int k = 0; k < 3; k++)
            if (abs(rgb[k] - QUAD[q][k]) > tol) {
                fprintf(stderr, "  corner %d channel %d: %d, want %d\n", q, k, rgb[k], QUAD[q][k]);
                ok = 0;
            }
    }
    SDL_FreeSurface(s);
    return ok;
}

/* 1 when the stored picture's quadrant centres hold colours within tol of
** want (gray: the gray levels), read back with SDL2_image: an independent
** decoder. */
static int quads_ok(const corpus_image *im, int gray, int tol) {
    SDL_Surface *raw = IMG_Load_RW(SDL_RWFromConstMem(im->bytes, (int)im->n), 1);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(raw);
    if (!s) return 0;
    int ok = s->w == im->w && s->h == im->h;
    for (int q = 0; q < 4 && ok; q++) {
        int x = (q & 1) ? s->w * 3 / 4 : s->w / 4, y = (q & 2) ? s->h * 3 / 4 : s->h / 4;
        Uint32 v = ((Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
        int rgb[3] = { (int)(v >> 16 & 255), (int)(v >> 8 & 255), (int)(v & 255) };
        for (int k = 0; k < 3; k++) {
            int want = gray ? QGRAY[q] : QUAD[q][k];
            if (abs(rgb[k] - want) > tol) {
                fprintf(stderr, "  quadrant %d channel %d: %d, want %d\n", q, k, rgb[k], want);
                ok = 0;
            }
        }
    }
    SDL_FreeSurface(s);
    return ok;
}

static void test_decoders(void) {
    static const struct { const char *name; int kind, ct, bd, interlace, trns; const char *fmt; int gray; } rows[] = {
        /* kind 0: PNG (colour type, depth, interlace, tRNS), 1..4: JPEG components */
        { "rgb.png", 0, PNG_COLOR_TYPE_RGB, 8, 0, 0, "jpeg", 0 },
        { "rgb16.png", 0, PNG_COLOR_TYPE_RGB, 16, 0, 0, "jpeg", 0 },
        { "adam7.png", 0, PNG_COLOR_TYPE_RGB, 8, 1, 0, "jpeg", 0 },
        { "gray.png", 0, PNG_COLOR_TYPE_GRAY, 8, 0, 0, "jpeg", 1 },
        { "pal.png", 0, PNG_COLOR_TYPE_PALETTE, 8, 0, 0, "jpeg", 0 },
        { "paltrns.png", 0, PNG_COLOR_TYPE_PALETTE, 8, 0, 1, "png", 0 },
        { "rgba.png", 0, PNG_COLOR_TYPE_RGBA, 8, 0, 0, "png", 0 },
        { "rgb.jpg", 3, 0, 0, 0, 0, "jpeg", 0 },
        { "gray.jpg", 1, 0, 0, 0, 0, "jpeg", 1 },
        { "cmyk.jpg", 4, 0, 0, 0, 0, "jpeg", 0 },
    };
    corpus_image_set_max_side(160);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        /* 1000 x 600 onto a 160 px long side: a JPEG is decoded at 2/8
        ** (250 x 150) and scaled; every file is re-encoded */
        if (rows[i].kind == 0)
            write_png(at(rows[i].name), 1000, 600, rows[i].ct, rows[i].bd, rows[i].interlace,
                      rows[i].trns);
        else
            write_jpeg(at(rows[i].name), 1000, 600, rows[i].kind);
        corpus_image im;
        char *err;
        T_INT(from_file(rows[i].name, &im, &err), 0);
        T_STR(err, "");
        T_INT(im.w, 160);
        T_INT(im.h, 96);
        T_STR(im.format, rows[i].fmt);
        T_OK(quads_ok(&im, rows[i].gray, 24));
        if (!strcmp(rows[i].fmt, "png")) {     /* the half-transparent quadrant stays so */
            SDL_Surface *raw = IMG_Load_RW(SDL_RWFromConstMem(im.bytes, (int)im.n), 1);
            SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
            T_OK(s != NULL);
            if (s) {
                Uint32 v = ((Uint32 *)((Uint8 *)s->pixels + (size_t)(s->h * 3 / 4) * (size_t)s->pitch))[s->w * 3 / 4];
                Uint32 o = ((Uint32 *)((Uint8 *)s->pixels + (size_t)(s->h / 4) * (size_t)s->pitch))[s->w / 4];
                T_OK(abs((int)(v >> 24) - 128) <= 2);
                T_INT(o >> 24, 255);
            }
            SDL_FreeSurface(s);
            SDL_FreeSurface(raw);
        }
        corpus_image_free(&im);
        free(err);
    }
    /* within the size, a JPEG is kept as it is whatever its colour space */
    corpus_image_set_max_side(CORPUS_IMAGE_MAX_SIDE);
    corpus_image im;
    char *err;
    T_INT(from_file("gray.jpg", &im, &err), 0);
    T_INT(im.w, 1000);
    T_STR(err, "");
    corpus_image_free(&im);
    free(err);
    /* a JPEG cut short in its data: refused, named */
    size_t n = 0;
    unsigned char *b = slurp(at("rgb.jpg"), &n);
    FILE *f = fopen(at("cut.jpg"), "wb");
    fwrite(b, 1, n / 3, f);
    fclose(f);
    free(b);
    corpus_image_set_max_side(160);
    int rc = from_file("cut.jpg", &im, &err);
    /* libjpeg-turbo pads a short file with gray and warns: the warning is
    ** not fatal, so the picture may come through; what must not happen is
    ** a crash or a picture of the wrong size */
    if (rc == 0) T_INT(im.w, 160);
    else T_HAS(err, "cut.jpg");
    corpus_image_free(&im);
    free(err);
    corpus_image_set_max_side(CORPUS_IMAGE_MAX_SIDE);
}

/* YCbCr JPEGs are scaled as their planes (corpus_image.c): every common
** sampling, baseline and progressive, at a DCT scale or at full size, odd
** sizes, each with its thumb; 4:1:1 goes the ARGB way. All come out the
** right size with the right colours, to their corners. */
static void test_jpeg_planes(void) {
    static const struct { int hs, vs, prog, w, h, side, tw, th; } rows[] = {
        { 2, 2, 0, 2400, 1600, 1920, 1920, 1280 },  /* 4:2:0, the usual photo */
        { 2, 1, 0, 2400, 1600, 1920, 1920, 1280 },  /* 4:2:2 */
        { 1, 1, 0, 2400, 1600, 1920, 1920, 1280 },  /* 4:4:4 */
        { 1, 2, 0, 1600, 2400, 1920, 1280, 1920 },  /* 4:4:0, portrait */
        { 2, 2, 1, 2400, 1600, 1920, 1920, 1280 },  /* progressive */
        { 2, 2, 0, 1000, 600, 160, 160, 96 },       /* decoded at 2/8 first */
        { 1, 1, 1, 1000, 600, 160, 160, 96 },
        { 2, 2, 0, 1001, 603, 333, 333, 200 },      /* odd sizes: padded blocks */
        { 2, 1, 1, 1003, 601, 999, 999, 598 },
        { 4, 1, 0, 1000, 600, 160, 160, 96 },       /* 4:1:1: decoded to ARGB */
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char name[64];
        snprintf(name, sizeof name, "planes%zu.jpg", i);
        write_jpeg_sampled(at(name), rows[i].w, rows[i].h, 3, rows[i].hs, rows[i].vs, rows[i].prog);
        corpus_image_set_max_side(rows[i].side);
        corpus_image im;
        char *err;
        T_INT(from_file(name, &im, &err), 0);
        T_STR(err, "");
        T_INT(im.w, rows[i].tw);
        T_INT(im.h, rows[i].th);
        T_STR(im.format, "jpeg");
        T_OK(quads_ok(&im, 0, 24));
        T_OK(corners_ok(&im, 40));
        int long_side = rows[i].tw > rows[i].th ? rows[i].tw : rows[i].th;
        if (long_side > CORPUS_IMAGE_THUMB_SIDE) {
            T_INT(thumb.w > thumb.h ? thumb.w : thumb.h, CORPUS_IMAGE_THUMB_SIDE);
            T_OK(quads_ok(&thumb, 0, 24));
            T_OK(corners_ok(&thumb, 40));
        } else {
            T_OK(thumb.bytes == NULL);
        }
        /* the quadrants meet in the middle: the focal point is there */
        T_OK(fabsf(im.focus_x - 0.5f) < 0.2f && fabsf(im.focus_y - 0.5f) < 0.2f);
        corpus_image_free(&im);
        free(err);
    }
    corpus_image_set_max_side(CORPUS_IMAGE_MAX_SIDE);
}

static void test_refused(void) {
    static const struct { const char *name; const char *bytes; size_t n; const char *warn; } rows[] = {
        { "lie.jpg", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 33,
          "lie.jpg holds png data but its name says jpeg; left out" },
        { "text.jpg", "<html><body>not found</body></html>", 35,
          "text.jpg is not a JPEG, PNG, WebP or GIF image; left out" },
        { "huge.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x27\x10\0\0\x17\x70\x08\x02\0\0\0", 29,
          "huge.png is 10000x6000, over 40 megapixels; left out" },
        { "broken.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 29,
          "broken.png cannot be decoded" },
        { "nohead.jpg", "\xff\xd8\xff\xd9", 4, "nohead.jpg: no readable jpeg header" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        corpus_image im;
        corpus_diag d = { rows[i].name, 0, 0, NULL };
        io_capture_begin();
        int rc = corpus_image_from_bytes(rows[i].name, (const unsigned char *)rows[i].bytes,
                                         rows[i].n, &im, NULL, &d);
        char *err = io_capture_end();
        T_INT(rc, -1);
        T_INT(d.nwarn, 1);
        T_HAS(err, rows[i].warn);
        T_OK(im.bytes == NULL);
        free(err);
    }
}

/* ---- finding it beside the article ------------------------------------------- */

static int lead(const char *article, corpus_meta *m, corpus_image *im, char **err) {
    corpus_diag d = { article, 0, 0, NULL };
    io_capture_begin();
    corpus_image th;
    int rc = corpus_image_lead(at(article), m, im, &th, &d);
    corpus_image_free(&th);
    *err = io_capture_end();
    return rc;
}

static void test_lead(void) {
    SDL_Surface *s = make(64, 48, PAT_GRADIENT);
    save(s, at("story.png"), "png");
    save(s, at("named.jpg"), "jpeg");
    mkdir(at("page_files"), 0755);
    save(s, at("page_files/lead-photo.jpg"), "jpeg");
    SDL_FreeSurface(s);
    corpus_image im;
    char *err;
    corpus_meta m = {0};

    /* NAME.png beside NAME.txt */
    T_INT(lead("story.txt", &m, &im, &err), 0);
    T_STR(im.file, "story.png");
    T_STR(err, "");
    corpus_image_free(&im); free(err);

    /* nothing beside: none, silently */
    T_INT(lead("other.txt", &m, &im, &err), 1);
    T_STR(err, "");
    free(err);

    /* the sidecar names one, with credit and alt */
    m.image = strdup("named.jpg");
    m.image_credit = strdup("A. Photographer");
    m.image_alt = strdup("A gradient");
    T_INT(lead("other.txt", &m, &im, &err), 0);
    T_STR(im.file, "named.jpg");
    T_STR(im.credit, "A. Photographer");
    T_STR(im.alt, "A gradient");
    corpus_image_free(&im); free(err);
    corpus_meta_free(&m);

    /* a saved page's og:image, kept by the browser in NAME_files/ */
    m.image = strdup("https://cdn.example.org/img/lead-photo.jpg?w=1200#x");
    T_INT(lead("page.html", &m, &im, &err), 0);
    T_STR(im.file, "lead-photo.jpg");
    corpus_image_free(&im); free(err);
    corpus_meta_free(&m);

    /* an og:image the save did not keep: none, and no warning */
    m.image = strdup("https://cdn.example.org/img/elsewhere.jpg");
    T_INT(lead("page.html", &m, &im, &err), 1);
    T_STR(err, "");
    free(err);
    corpus_meta_free(&m);

    /* a named file that is missing, or outside the folder: warned */
    m.image = strdup("missing.jpg");
    T_INT(lead("other.txt", &m, &im, &err), 1);
    T_HAS(err, "missing.jpg not found");
    free(err);
    corpus_meta_free(&m);
    static const char *const outside[] = { "../etc/x.jpg", "/etc/x.jpg", "a/../../x.png" };
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        m.image = strdup(outside[i]);
        T_INT(lead("other.txt", &m, &im, &err), 1);
        T_HAS(err, "not a path inside the article's folder");
        free(err);
        corpus_meta_free(&m);
    }

    /* a broken picture: -1 with the warning, the caller keeps the article */
    put("bad.png", "not a picture");
    m.image = strdup("bad.png");
    T_INT(lead("other.txt", &m, &im, &err), -1);
    T_HAS(err, "bad.png");
    free(err);
    corpus_meta_free(&m);
}

static void test_markdown(void) {
    static const struct { const char *text, *image, *alt; } rows[] = {
        { "Intro.\n\n![The harbour at dawn](harbour.jpg)\n\nText.", "harbour.jpg",
          "The harbour at dawn" },
        { "![](a.png \"title\")", "a.png", NULL },
        { "No picture! [link](x.html)", NULL, NULL },
        { "![broken\n](x.png)", NULL, NULL },
        { "![empty]()", NULL, NULL },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        corpus_meta m = {0};
        corpus_image_markdown(rows[i].text, &m);
        T_STR(m.image, rows[i].image);
        T_STR(m.image_alt, rows[i].alt);
        corpus_meta_free(&m);
    }
    corpus_meta m = {0};                        /* what the sidecar or front matter said wins */
    m.image = strdup("chosen.jpg");
    corpus_image_markdown("![x](other.jpg)", &m);
    T_STR(m.image, "chosen.jpg");
    corpus_meta_free(&m);
}

/* ---- through the ingest into the database ------------------------------------ */

static void test_ingest_db(void) {
    put("piece.txt", "Headline of the piece\n\nThe council met on Monday. It said the plan "
        "would go ahead. The mayor welcomed the plan. Residents asked questions about it. "
        "The works begin in spring and should end in the autumn.\n");
    put("piece.meta", "image = art/pic.jpg\nimage_credit = Studio\nimage_alt = Shapes\n");
    mkdir(at("art"), 0755);
    SDL_Surface *s = make(2400, 1600, PAT_FACE_RIGHT);
    save(s, at("art/pic.jpg"), "jpeg");
    SDL_FreeSurface(s);
    put("plain.txt", "Another headline here\n\nA second article has no picture at all. It "
        "still has several sentences. They say what happened. Nothing more is needed here.\n");
    corpus_article a[2];
    corpus_diag d = { "piece.txt", 0, 1, NULL };
    T_INT(corpus_ingest_file(at("piece.txt"), &a[0], &d), 0);
    T_INT(a[0].nimages, 2);                     /* the picture and its thumb */
    corpus_diag d2 = { "plain.txt", 0, 1, NULL };
    T_INT(corpus_ingest_file(at("plain.txt"), &a[1], &d2), 0);
    T_INT(a[1].nimages, 0);
    a[0].slug = a[0].slug ? a[0].slug : strdup("piece");
    a[1].slug = a[1].slug ? a[1].slug : strdup("plain");
    T_INT(corpus_db_write(at("pics.db"), a, 2), 0);
    corpus_article_free(&a[0]);
    corpus_article_free(&a[1]);
    sqlite3 *db;
    T_INT(sqlite3_open_v2(at("pics.db"), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    T_INT(sqlite3_prepare_v2(db, "SELECT article_id, role, width, height, format, length(bytes),"
                             " credit, alt, focus_x, file FROM images ORDER BY position", -1, &st,
                             NULL), SQLITE_OK);
    T_INT(sqlite3_step(st), SQLITE_ROW);
    T_INT(sqlite3_column_int(st, 0), 1);
    T_STR((const char *)sqlite3_column_text(st, 1), "lead");
    T_INT(sqlite3_column_int(st, 2), 1920);
    T_INT(sqlite3_column_int(st, 3), 1280);
    T_STR((const char *)sqlite3_column_text(st, 4), "jpeg");
    T_OK(sqlite3_column_int(st, 5) > 1000);
    T_STR((const char *)sqlite3_column_text(st, 6), "Studio");
    T_STR((const char *)sqlite3_column_text(st, 7), "Shapes");
    T_OK(sqlite3_column_double(st, 8) > 0.6);
    T_STR((const char *)sqlite3_column_text(st, 9), "pic.jpg");
    T_INT(sqlite3_step(st), SQLITE_ROW);
    T_STR((const char *)sqlite3_column_text(st, 1), "thumb");
    T_INT(sqlite3_column_int(st, 2), CORPUS_IMAGE_THUMB_SIDE);
    T_STR((const char *)sqlite3_column_text(st, 6), "Studio");
    T_INT(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    T_INT(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    T_INT(sqlite3_step(st), SQLITE_ROW);
    T_INT(sqlite3_column_int(st, 0), 3);
    sqlite3_finalize(st);
    sqlite3_close(db);
    FILE *devnull = fopen("/dev/null", "w");
    T_INT(corpus_db_check(at("pics.db"), devnull), 0);
    fclose(devnull);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/vitrine-test-image-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    T_RUN(test_sniff);
    T_RUN(test_dims);
    T_RUN(test_focus);
    T_RUN(test_from_bytes);
    T_RUN(test_decoders);
    T_RUN(test_jpeg_planes);
    T_RUN(test_refused);
    T_RUN(test_lead);
    T_RUN(test_markdown);
    T_RUN(test_ingest_db);
    corpus_image_free(&thumb);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) T_OK(0);
    return T_DONE();
}
