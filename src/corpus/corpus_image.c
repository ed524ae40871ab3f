/*
** src/corpus/corpus_image.c: an article's lead picture, found beside it,
** checked, scaled and kept in the database.
**
** WHERE IT COMES FROM, first found wins:
**   1. what the article names (corpus_meta.image): the sidecar's `image =`,
**      front matter's `image:`, a Markdown image `![alt](file)`, or a saved
**      page's og:image / twitter:image / JSON-LD image. A local path is read
**      relative to the article's folder; a URL is looked for, by its last
**      path segment, in the browser's "complete" save folder NAME_files/ and
**      then beside the article. Absolute paths and ".." are not followed.
**   2. NAME.jpg, NAME.jpeg, NAME.png or NAME.webp beside the article NAME.txt.
** FURTHER PICTURES (corpus_image_more, a gallery after the lead): Markdown
** images after the first, the sidecar's `images = a.jpg, b.jpg`, a saved
** page's own <img> (in the article, figures included: corpus_html.c) as
** the save kept them in NAME_files/, then NAME-2.jpg ... NAME-9.jpg beside
** the article; CORPUS_IMAGES_MORE at most, each kept as the lead is (roles
** "more" and "more_thumb"; the lead's own file is not taken twice).
** A named picture that cannot be found is a warning (an og:image or <img>
** that the save did not keep is normal and says nothing).
**
** WHAT IS CHECKED, each a warning naming the picture; the article is then
** ingested without it: a file over CORPUS_IMAGE_MAX_BYTES; content that is
** no JPEG, PNG, WebP or GIF, or not the format its extension says; more
** than CORPUS_IMAGE_MAX_PIXELS (read from the header, before decoding);
** data the decoder refuses.
**
** WHAT IS KEPT: scaled to fit image_max_side on its long side (1920 px by
** default, `--image-max`), re-encoded as JPEG (quality CORPUS_IMAGE_JPEG_Q)
** or as PNG when it has transparency; a JPEG or PNG already within the
** size is kept byte for byte. With it its focal point (corpus_image_focus):
** where the app crops it for a card or a slide, and a "thumb" rendition of
** CORPUS_IMAGE_THUMB_SIDE (cards, the Article screen's column: the app
** decodes a tenth of the pixels there); the focal point is measured on the
** thumb when there is one.
** HOW: a YCbCr JPEG (nearly every photo) never becomes RGB: libjpeg-turbo
** hands over its Y, Cb and Cr planes before upsampling and converting
** (raw data), each plane is scaled on its own (corpus_plane_resize, a tent
** filter that reads every source pixel), and the encoder takes them back
** as 4:2:0. Other pictures are decoded to ARGB8888 (libjpeg-turbo for
** grayscale, CMYK and 4:1:1 JPEGs, libpng, SDL2_image for WebP and GIF), scaled
** with SDL_SoftStretchLinear and encoded from there. A JPEG at least twice
** the target is decoded at a half, a quarter or an eighth of its size (the
** decoder's DCT scaling), a PNG's zlib checksum is not recomputed (its CRCs
** still are), and no buffer is cleared before it is filled.
** Everything here is reentrant: the build decodes pictures on several
** threads (corpus_image_from_bytes touches no global but image_max_side,
** which is set before any thread starts).
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <SDL.h>
#include <SDL_image.h>

#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CORPUS_IMAGE_MAX_BYTES   (40u << 20)    /* a larger file is not read */
#define CORPUS_IMAGE_MAX_PIXELS  40000000LL     /* 40 megapixels: larger is refused */
#define CORPUS_IMAGE_JPEG_Q      85
#define CORPUS_IMAGE_FOCUS_GRID  48             /* focal analysis on at most 48 x 48 cells */

static int image_max_side = CORPUS_IMAGE_MAX_SIDE;

void corpus_image_prepare(void) {
    /* SDL2_image's own once-only set-up (WebP, PNG writing), done here so
    ** that threads only ever read it */
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
}

void corpus_image_set_max_side(int px) {
    image_max_side = px >= 64 ? px : 64;
}

void corpus_image_free(corpus_image *im) {
    if (!im) return;
    free(im->bytes); free(im->credit); free(im->alt); free(im->file);
    memset(im, 0, sizeof *im);
}

/* ---- format and size from the first bytes -------------------------------- */

const char *corpus_image_sniff(const unsigned char *b, size_t n) {
    if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff) return "jpeg";
    if (n >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8)) return "png";
    if (n >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4)) return "webp";
    if (n >= 6 && (!memcmp(b, "GIF87a", 6) || !memcmp(b, "GIF89a", 6))) return "gif";
    return NULL;
}

/* The format a file name's extension promises, or NULL. */
static const char *ext_format(const char *name) {
    const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
    if (!dot || (slash && dot < slash)) return NULL;
    static const struct { const char *ext, *fmt; } map[] = {
        { ".jpg", "jpeg" }, { ".jpeg", "jpeg" }, { ".jpe", "jpeg" }, { ".png", "png" },
        { ".webp", "webp" }, { ".gif", "gif" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcasecmp(dot, map[i].ext)) return map[i].fmt;
    return NULL;
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned le16(const unsigned char *p) { return (unsigned)p[1] << 8 | p[0]; }
static unsigned le24(const unsigned char *p) { return (unsigned)p[2] << 16 | le16(p); }

int corpus_image_dims(const unsigned char *b, size_t n, const char *fmt, int *w, int *h) {
    unsigned W = 0, H = 0;
    if (!strcmp(fmt, "png") && n >= 24) {
        W = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | be16(b + 18);
        H = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | be16(b + 22);
    } else if (!strcmp(fmt, "gif") && n >= 10) {
        W = le16(b + 6); H = le16(b + 8);
    } else if (!strcmp(fmt, "webp") && n >= 30) {
        if (!memcmp(b + 12, "VP8X", 4)) { W = 1 + le24(b + 24); H = 1 + le24(b + 27); }
        else if (!memcmp(b + 12, "VP8 ", 4)) { W = le16(b + 26) & 0x3fff; H = le16(b + 28) & 0x3fff; }
        else if (!memcmp(b + 12, "VP8L", 4) && b[20] == 0x2f) {
            W = 1 + (b[21] | (unsigned)(b[22] & 0x3f) << 8);
            H = 1 + (b[22] >> 6 | (unsigned)b[23] << 2 | (unsigned)(b[24] & 0x0f) << 10);
        }
    } else if (!strcmp(fmt, "jpeg")) {
        size_t i = 2;
        while (i + 9 < n) {                     /* segments: FF marker, big-endian length */
            if (b[i] != 0xff) { i++; continue; }
            unsigned m = b[i + 1];
            if (m == 0xff) { i++; continue; }
            if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7)) { i += 2; continue; }
            if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
                H = be16(b + i + 5); W = be16(b + i + 7);
                break;
            }
            if (m == 0xd9 || m == 0xda) break;   /* end, or entropy-coded data: no frame header */
            i += 2 + be16(b + i + 2);
        }
    }
    if (!W || !H || W > 1000000 || H > 1000000) return -1;
    *w = (int)W;
    *h = (int)H;
    return 0;
}

/* ---- focal point --------------------------------------------------------- */

void corpus_image_focus(const unsigned char *gray, const unsigned char *detail, int w, int h,
                        float *fx, float *fy) {
    *fx = *fy = 0.5f;
    if (w < 3 || h < 3) return;
    /* detail = gradient magnitude; the window of a third of each side with
    ** the most detail (a summed-area table) holds the focal point */
    size_t W = (size_t)w, H = (size_t)h;
    double *sat = xcalloc((W + 1) * (H + 1), sizeof *sat);
    double total = 0;
    for (size_t y = 0; y < H; y++) {
        double row = 0;
        for (size_t x = 0; x < W; x++) {
            double e = 0;
            if (x > 0 && y > 0 && x + 1 < W && y + 1 < H) {
                int gx = gray[y * W + x + 1] - gray[y * W + x - 1];
                int gy = gray[(y + 1) * W + x] - gray[(y - 1) * W + x];
                e = (double)(gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
            }
            if (detail) e += detail[y * W + x];
            row += e;
            total += e;
            sat[(y + 1) * (W + 1) + x + 1] = sat[y * (W + 1) + x + 1] + row;
        }
    }
    size_t ww = W / 3 > 1 ? W / 3 : 1, wh = H / 3 > 1 ? H / 3 : 1;
    double best = -1;
    size_t bx = (W - ww) / 2, by = (H - wh) / 2;
    for (size_t y = 0; y + wh <= H; y++)
        for (size_t x = 0; x + ww <= W; x++) {
            double s = sat[(y + wh) * (W + 1) + x + ww] - sat[y * (W + 1) + x + ww]
                     - sat[(y + wh) * (W + 1) + x] + sat[y * (W + 1) + x];
            /* ties (a flat picture) go to the window nearest the centre */
            double dx = (double)x - (double)(W - ww) / 2, dy = (double)y - (double)(H - wh) / 2;
            s -= (dx * dx + dy * dy) * 1e-9 * (total + 1);
            if (s > best) { best = s; bx = x; by = y; }
        }
    free(sat);
    if (total <= 0) return;
    *fx = ((float)bx + (float)ww / 2) / (float)W;
    *fy = ((float)by + (float)wh / 2) / (float)H;
}

/* ---- pixels --------------------------------------------------------------- */

/* An ARGB8888 surface whose pixels are malloc'ed and not cleared (the
** caller fills every one); free with surf_free. NULL when out of memory. */
static SDL_Surface *surf_new(int w, int h) {   /* surf_free takes SDL's own surfaces too */
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    void *px = malloc((size_t)w * (size_t)h * 4);
    if (!px) return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 32, w * 4,
                                                        SDL_PIXELFORMAT_ARGB8888);
    if (!s) free(px);
    return s;
}

static void surf_free(SDL_Surface *s) {
    if (!s) return;
    void *px = (s->flags & SDL_PREALLOC) ? s->pixels : NULL;
    SDL_FreeSurface(s);
    free(px);
}

/* The smallest DCT scale M/8 at which a w x h picture still covers side px
** on its long side, among 1/8, 2/8, 4/8 and 8/8: libjpeg-turbo has SIMD
** inverse DCTs for those only; a 7/8 decode (plain C) costs more than a
** full one. */
static int dct_scale(int w, int h, int side) {
    int l = w > h ? w : h;
    for (int m = 1; m < 8; m *= 2)
        if ((l * m + 7) / 8 >= side) return m;
    return 8;
}

/* ---- JPEG in and out (libjpeg-turbo) ------------------------------------- */

#if SDL_BYTEORDER == SDL_LIL_ENDIAN
#define ARGB_JCS  JCS_EXT_BGRA                  /* ARGB8888 in memory: B G R A */
#else
#define ARGB_JCS  JCS_EXT_ARGB
#endif

typedef struct jerr {
    struct jpeg_error_mgr mgr;
    jmp_buf jmp;
    char msg[JMSG_LENGTH_MAX];
} jerr;

static void jerr_exit(j_common_ptr c) {
    jerr *e = (jerr *)c->err;
    c->err->format_message(c, e->msg);
    longjmp(e->jmp, 1);
}
static void jerr_quiet(j_common_ptr c, int level) { (void)c; (void)level; }

/* libjpeg's error manager, its errors a longjmp to e->jmp, its warnings
** silent; for the struct's err field. */
static struct jpeg_error_mgr *jerr_init(jerr *e) {
    struct jpeg_error_mgr *m = jpeg_std_error(&e->mgr);
    m->error_exit = jerr_exit;
    m->emit_message = jerr_quiet;
    return m;
}

typedef struct jdec {                           /* what survives a longjmp */
    struct jpeg_decompress_struct c;
    jerr e;
    SDL_Surface *s;
    JSAMPROW *rows;
} jdec;

/* Decode JPEG bytes at the largest DCT scale that still covers side px
** (8/8 when side <= 0) into a new ARGB8888 surface; NULL with err set
** when the data is refused. */
static SDL_Surface *jpeg_decode(const unsigned char *b, size_t n, int side, char *err,
                                size_t errlen) {
    jdec *j = xcalloc(1, sizeof *j);
    j->c.err = jerr_init(&j->e);
    SDL_Surface *out = NULL;
    if (setjmp(j->e.jmp)) {
        snprintf(err, errlen, "%s", j->e.msg);
        goto done;
    }
    jpeg_create_decompress(&j->c);
    jpeg_mem_src(&j->c, b, (unsigned long)n);
    jpeg_read_header(&j->c, TRUE);
    /* CMYK (print files): decoded as CMYK and turned into RGB here; Adobe's
    ** files (the APP14 marker: nearly all of them) store it inverted */
    int cmyk = j->c.jpeg_color_space == JCS_CMYK || j->c.jpeg_color_space == JCS_YCCK;
    int inverted = cmyk && j->c.saw_Adobe_marker;
    j->c.out_color_space = cmyk ? JCS_CMYK : ARGB_JCS;
    j->c.scale_num = (unsigned)(side > 0 ? dct_scale((int)j->c.image_width,
                                                     (int)j->c.image_height, side) : 8);
    j->c.scale_denom = 8;
    jpeg_start_decompress(&j->c);
    j->s = surf_new((int)j->c.output_width, (int)j->c.output_height);
    j->rows = malloc(sizeof *j->rows * j->c.output_height);
    if (!j->s || !j->rows) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (JDIMENSION y = 0; y < j->c.output_height; y++)
        j->rows[y] = (JSAMPROW)j->s->pixels + (size_t)y * (size_t)j->s->pitch;
    while (j->c.output_scanline < j->c.output_height) {
        JDIMENSION y = j->c.output_scanline;
        jpeg_read_scanlines(&j->c, j->rows + y, j->c.output_height - y);
        for (; cmyk && y < j->c.output_scanline; y++) {    /* CMYK to ARGB in place */
            Uint8 *p = j->rows[y];
            Uint32 *o = (Uint32 *)p;
            for (JDIMENSION x = 0; x < j->c.output_width; x++, p += 4) {
                unsigned c = p[0], m = p[1], ye = p[2], k = p[3];
                if (!inverted) { c = 255 - c; m = 255 - m; ye = 255 - ye; k = 255 - k; }
                o[x] = 0xff000000u | (c * k / 255) << 16 | (m * k / 255) << 8 | (ye * k / 255);
            }
        }
    }
    jpeg_finish_decompress(&j->c);
    out = j->s;
    j->s = NULL;
done:
    jpeg_destroy_decompress(&j->c);
    surf_free(j->s);
    free(j->rows);
    free(j);
    return out;
}

typedef struct jenc {
    struct jpeg_compress_struct c;
    jerr e;
    unsigned char *buf;
    unsigned long len;
} jenc;


/* ---- PNG in (libpng) ------------------------------------------------------- */

typedef struct pdec {                           /* what survives a longjmp */
    png_structp p;
    png_infop info;
    const unsigned char *b;
    size_t n, off;
    SDL_Surface *s;
    png_bytep *rows;
    char *err;
    size_t errlen;
} pdec;

static void pdec_error(png_structp p, png_const_charp msg) {
    pdec *d = png_get_error_ptr(p);
    snprintf(d->err, d->errlen, "%s", msg);
    png_longjmp(p, 1);
}
static void pdec_warning(png_structp p, png_const_charp msg) { (void)p; (void)msg; }

static void pdec_read(png_structp p, png_bytep to, png_size_t len) {
    pdec *d = png_get_io_ptr(p);
    if (len > d->n - d->off) png_error(p, "the file ends inside the picture");
    memcpy(to, d->b + d->off, len);
    d->off += len;
}

/* Decode PNG bytes into a new ARGB8888 surface; *alpha set when the file
** can carry transparency (an alpha channel or a tRNS chunk). NULL with err
** set when the data is refused. */
static SDL_Surface *png_decode(const unsigned char *b, size_t n, int *alpha, char *err,
                               size_t errlen) {
    pdec *d = xcalloc(1, sizeof *d);
    d->b = b;
    d->n = n;
    d->err = err;
    d->errlen = errlen;
    SDL_Surface *out = NULL;
    d->p = png_create_read_struct(PNG_LIBPNG_VER_STRING, d, pdec_error, pdec_warning);
    d->info = d->p ? png_create_info_struct(d->p) : NULL;
    if (!d->info) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    if (setjmp(png_jmpbuf(d->p))) goto done;
#if defined(PNG_IGNORE_ADLER32)
    png_set_option(d->p, PNG_IGNORE_ADLER32, PNG_OPTION_ON);   /* the chunk CRCs are checked */
#endif
    png_set_read_fn(d->p, d, pdec_read);
    png_read_info(d->p, d->info);
    int ct = png_get_color_type(d->p, d->info);
    *alpha = (ct & PNG_COLOR_MASK_ALPHA) || png_get_valid(d->p, d->info, PNG_INFO_tRNS);
    png_set_expand(d->p);                       /* palette, low bit depths, tRNS: RGB(A) 8 */
    png_set_strip_16(d->p);
    if (!(ct & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(d->p);
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
    png_set_bgr(d->p);
    png_set_filler(d->p, 0xff, PNG_FILLER_AFTER);
#else
    png_set_swap_alpha(d->p);
    png_set_filler(d->p, 0xff, PNG_FILLER_BEFORE);
#endif
    png_set_interlace_handling(d->p);
    png_read_update_info(d->p, d->info);
    png_uint_32 w = png_get_image_width(d->p, d->info), h = png_get_image_height(d->p, d->info);
    if (png_get_rowbytes(d->p, d->info) != (size_t)w * 4) png_error(d->p, "unexpected row layout");
    d->s = surf_new((int)w, (int)h);
    d->rows = malloc(sizeof *d->rows * h);
    if (!d->s || !d->rows) png_error(d->p, "out of memory");
    for (png_uint_32 y = 0; y < h; y++)
        d->rows[y] = (png_bytep)d->s->pixels + (size_t)y * (size_t)d->s->pitch;
    png_read_image(d->p, d->rows);
    out = d->s;
    d->s = NULL;
done:
    png_destroy_read_struct(d->p ? &d->p : NULL, d->info ? &d->info : NULL, NULL);
    surf_free(d->s);
    free(d->rows);
    free(d);
    return out;
}

/* The focal point of a gray plane of at most CORPUS_IMAGE_FOCUS_GRID * 8
** px a side, from its CORPUS_IMAGE_FOCUS_GRID cells a side (box-averaged,
** with each cell's texture). */
static void gray_focus(const unsigned char *g, int w, int h, int stride, float *fx, float *fy) {
    int long_side = w > h ? w : h;
    int step = (long_side + CORPUS_IMAGE_FOCUS_GRID - 1) / CORPUS_IMAGE_FOCUS_GRID;
    if (step < 1) step = 1;
    int gw = (w + step - 1) / step, gh = (h + step - 1) / step;
    size_t cells = (size_t)gw * (size_t)gh;
    unsigned *acc = xcalloc(cells, sizeof *acc), *cnt = xcalloc(cells, sizeof *cnt);
    double *sq = xcalloc(cells, sizeof *sq);      /* texture within a cell: its deviation */
    for (int y = 0; y < h; y++) {
        const unsigned char *row = g + (size_t)y * (size_t)stride;
        for (int x = 0; x < w; x++) {
            unsigned lum = row[x];
            size_t k = (size_t)(y / step) * (size_t)gw + (size_t)(x / step);
            acc[k] += lum;
            sq[k] += (double)lum * lum;
            cnt[k]++;
        }
    }
    unsigned char *gray = xmalloc(cells), *dev = xmalloc(cells);
    for (size_t k = 0; k < cells; k++) {
        double mean = cnt[k] ? (double)acc[k] / cnt[k] : 0;
        double var = cnt[k] ? sq[k] / cnt[k] - mean * mean : 0;
        gray[k] = (unsigned char)mean;
        dev[k] = (unsigned char)(var > 0 ? (sqrt(var) > 255 ? 255 : sqrt(var)) : 0);
    }
    corpus_image_focus(gray, dev, gw, gh, fx, fy);
    free(gray); free(dev); free(acc); free(cnt); free(sq);
}

/* A difference hash of a gray plane: shrunk to 9 x 8, a bit for each pair
** of neighbours in a row, set when the left is brighter. */
static uint64_t gray_dhash(const unsigned char *g, int w, int h, int stride) {
    unsigned char t[9 * 8];
    corpus_plane_resize(g, w, h, stride, t, 9, 8, 9);
    uint64_t bits = 0;
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 8; x++) bits = bits << 1 | (t[y * 9 + x] > t[y * 9 + x + 1]);
    return bits;
}

int corpus_image_same(const corpus_image *a, const corpus_image *b) {
    uint64_t x = a->dhash ^ b->dhash;
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n <= CORPUS_IMAGE_SAME_BITS;
}

/* The focal point and hash of an ARGB8888 surface: its luma on a copy of at most
** FOCUS_GRID * 8 px a side (SDL scales it in a fraction of the time a pass
** over every pixel takes). */
static void surface_focus(SDL_Surface *big, corpus_image *out) {
    SDL_Surface *s = big, *small = NULL;
    int big_side = big->w > big->h ? big->w : big->h, lim = CORPUS_IMAGE_FOCUS_GRID * 8;
    if (big_side > lim) {
        int sw = (int)((long long)big->w * lim / big_side), sh = (int)((long long)big->h * lim / big_side);
        small = surf_new(sw, sh);
        if (small && SDL_SoftStretchLinear(big, NULL, small, NULL) == 0) s = small;
    }
    unsigned char *g = xmalloc((size_t)s->w * (size_t)s->h);
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint32 p = row[x];
            g[(size_t)y * (size_t)s->w + (size_t)x] =
                (unsigned char)((((p >> 16) & 255) * 77 + ((p >> 8) & 255) * 150 + (p & 255) * 29) >> 8);
        }
    }
    gray_focus(g, s->w, s->h, s->w, &out->focus_x, &out->focus_y);
    out->dhash = gray_dhash(g, s->w, s->h, s->w);
    free(g);
    surf_free(small);
}

/* ---- JPEG as Y, Cb and Cr planes (libjpeg-turbo's raw data) -------------- */
/* A YCbCr JPEG is scaled as its three planes: the decoder hands them over
** before upsampling the chroma and converting to RGB, each plane is scaled
** on its own (corpus_plane_resize), and the encoder takes them back as
** 4:2:0 without converting or downsampling: half the decoder's and a third
** of the encoder's work, and the scaling reads 1.5 bytes a pixel, not 4. */

typedef struct plane {          /* w x h samples; stride and rows padded */
    unsigned char *px;
    int w, h, stride, rows;
} plane;

typedef struct yuv { plane c[3]; } yuv;         /* Y, Cb, Cr */

static int round_up(int v, int m) { return (v + m - 1) / m * m; }

/* A plane of w x h with stride and rows rounded up to the multiples given
** (the codec's blocks); not cleared. 0 ok. */
static int plane_new(plane *p, int w, int h, int wpad, int hpad) {
    p->w = w < 1 ? 1 : w;
    p->h = h < 1 ? 1 : h;
    p->stride = round_up(p->w, wpad);
    p->rows = round_up(p->h, hpad);
    p->px = malloc((size_t)p->stride * (size_t)p->rows);
    return p->px ? 0 : -1;
}

/* The padding filled with the edge's samples, so the encoder's edge blocks
** hold nothing but the picture. */
static void plane_pad(plane *p) {
    for (int y = 0; y < p->h; y++) {
        unsigned char *r = p->px + (size_t)y * (size_t)p->stride;
        memset(r + p->w, r[p->w - 1], (size_t)(p->stride - p->w));
    }
    for (int y = p->h; y < p->rows; y++)
        memcpy(p->px + (size_t)y * (size_t)p->stride,
               p->px + (size_t)(p->h - 1) * (size_t)p->stride, (size_t)p->stride);
}

static void yuv_free(yuv *y) {
    for (int k = 0; k < 3; k++) free(y->c[k].px);
    memset(y, 0, sizeof *y);
}

typedef struct jraw {                           /* what survives a longjmp */
    struct jpeg_decompress_struct c;
    jerr e;
    yuv y;
    JSAMPROW *rows[3];
} jraw;

/* Decode a YCbCr JPEG (any sampling of luma up to 2x2 over 1x1 chroma) into
** its planes at the largest DCT scale that still covers side px (8/8 when
** side <= 0). 0 ok; 1 when the picture is of another kind (grayscale, CMYK,
** other samplings: the caller decodes it to ARGB); -1 when its data is
** refused, with err set. */
static int jpeg_decode_yuv(const unsigned char *b, size_t n, int side, yuv *out, char *err,
                           size_t errlen) {
    jraw *j = xcalloc(1, sizeof *j);
    j->c.err = jerr_init(&j->e);
    int rc = -1;
    if (setjmp(j->e.jmp)) {
        snprintf(err, errlen, "%s", j->e.msg);
        goto done;
    }
    jpeg_create_decompress(&j->c);
    jpeg_mem_src(&j->c, b, (unsigned long)n);
    jpeg_read_header(&j->c, TRUE);
    jpeg_component_info *ci = j->c.comp_info;
    if (j->c.jpeg_color_space != JCS_YCbCr || j->c.num_components != 3
        || ci[0].h_samp_factor > 2 || ci[0].v_samp_factor > 2
        || ci[1].h_samp_factor != 1 || ci[1].v_samp_factor != 1
        || ci[2].h_samp_factor != 1 || ci[2].v_samp_factor != 1) {
        rc = 1;
        goto done;
    }
    j->c.raw_data_out = TRUE;
    j->c.scale_num = (unsigned)(side > 0 ? dct_scale((int)j->c.image_width,
                                                     (int)j->c.image_height, side) : 8);
    j->c.scale_denom = 8;
    jpeg_start_decompress(&j->c);
    /* per component: downsampled_width x _height samples, in iMCU rows of
    ** v_samp_factor * DCT_scaled_size rows of width_in_blocks blocks */
    int lines = j->c.max_v_samp_factor * j->c.min_DCT_scaled_size;
    int per[3];
    for (int k = 0; k < 3; k++) {
        per[k] = ci[k].v_samp_factor * ci[k].DCT_scaled_size;
        plane *p = &j->y.c[k];
        p->w = (int)ci[k].downsampled_width;
        p->h = (int)ci[k].downsampled_height;
        p->stride = round_up((int)ci[k].width_in_blocks * ci[k].DCT_scaled_size, 32);
        p->rows = (int)j->c.total_iMCU_rows * per[k];
        if (p->w < 1 || p->h < 1 || p->stride < p->w || p->rows < p->h) {
            snprintf(err, errlen, "unexpected plane layout");
            goto done;
        }
        p->px = malloc((size_t)p->stride * (size_t)p->rows);
        j->rows[k] = malloc(sizeof *j->rows[k] * (size_t)per[k]);
        if (!p->px || !j->rows[k]) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    }
    for (int r = 0; j->c.output_scanline < j->c.output_height; r++) {
        if (r >= (int)j->c.total_iMCU_rows) {
            snprintf(err, errlen, "more rows than its header says");
            goto done;
        }
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < per[k]; i++)
                j->rows[k][i] = j->y.c[k].px + ((size_t)r * (size_t)per[k] + (size_t)i)
                                * (size_t)j->y.c[k].stride;
        JSAMPARRAY planes[3] = { j->rows[0], j->rows[1], j->rows[2] };
        if (jpeg_read_raw_data(&j->c, planes, (JDIMENSION)lines) == 0) {
            snprintf(err, errlen, "no data");
            goto done;
        }
    }
    jpeg_finish_decompress(&j->c);
    *out = j->y;
    memset(&j->y, 0, sizeof j->y);
    rc = 0;
done:
    jpeg_destroy_decompress(&j->c);
    yuv_free(&j->y);
    for (int k = 0; k < 3; k++) free(j->rows[k]);
    free(j);
    return rc;
}

/* src scaled to tw x th as 4:2:0 (chroma half the size each way, rounded
** up), padded for the encoder's 16 x 16 blocks. 0 ok. */
static int yuv_scale(const yuv *src, int tw, int th, yuv *dst) {
    memset(dst, 0, sizeof *dst);
    int cw = (tw + 1) / 2, ch = (th + 1) / 2;
    if (plane_new(&dst->c[0], tw, th, 16, 16) != 0 || plane_new(&dst->c[1], cw, ch, 8, 8) != 0
        || plane_new(&dst->c[2], cw, ch, 8, 8) != 0) {
        yuv_free(dst);
        return -1;
    }
    for (int k = 0; k < 3; k++) {
        const plane *s = &src->c[k];
        plane *d = &dst->c[k];
        corpus_plane_resize(s->px, s->w, s->h, s->stride, d->px, d->w, d->h, d->stride);
        plane_pad(d);
    }
    return 0;
}


/* Encode an ARGB8888 surface (s), or 4:2:0 planes made by yuv_scale (y,
** when s is NULL), as a baseline JPEG at CORPUS_IMAGE_JPEG_Q (4:2:0) into
** *out; 0 ok. */
static int jpeg_encode(SDL_Surface *s, const yuv *y, sbuf *out) {
    jenc *j = xcalloc(1, sizeof *j);
    j->c.err = jerr_init(&j->e);
    int rc = -1;
    if (setjmp(j->e.jmp)) goto done;
    jpeg_create_compress(&j->c);
    jpeg_mem_dest(&j->c, &j->buf, &j->len);
    j->c.image_width = (JDIMENSION)(s ? s->w : y->c[0].w);
    j->c.image_height = (JDIMENSION)(s ? s->h : y->c[0].h);
    j->c.input_components = s ? 4 : 3;
    j->c.in_color_space = s ? ARGB_JCS : JCS_YCbCr;
    jpeg_set_defaults(&j->c);                   /* YCbCr: luma 2x2, chroma 1x1 */
    jpeg_set_quality(&j->c, CORPUS_IMAGE_JPEG_Q, TRUE);
    j->c.raw_data_in = s ? FALSE : TRUE;
    jpeg_start_compress(&j->c, TRUE);
    JSAMPROW r0[16], r1[8], r2[8];
    JSAMPARRAY planes[3] = { r0, r1, r2 };
    for (int r = 0; j->c.next_scanline < j->c.image_height; r++) {
        if (s) {
            JSAMPROW row = (JSAMPROW)s->pixels + (size_t)j->c.next_scanline * (size_t)s->pitch;
            jpeg_write_scanlines(&j->c, &row, 1);
            continue;
        }
        for (int i = 0; i < 16; i++)
            r0[i] = y->c[0].px + (size_t)(r * 16 + i) * (size_t)y->c[0].stride;
        for (int k = 1; k < 3; k++)
            for (int i = 0; i < 8; i++)
                planes[k][i] = y->c[k].px + (size_t)(r * 8 + i) * (size_t)y->c[k].stride;
        if (jpeg_write_raw_data(&j->c, planes, 16) == 0) goto done;
    }
    jpeg_finish_compress(&j->c);
    sbuf_add(out, (const char *)j->buf, j->len);
    rc = j->len ? 0 : -1;
done:
    jpeg_destroy_compress(&j->c);
    free(j->buf);
    free(j);
    return rc;
}

/* The focal point and hash of a picture from its luma plane. */
static void yuv_focus(const yuv *y, corpus_image *out) {
    const plane *l = &y->c[0];
    int side = l->w > l->h ? l->w : l->h, lim = CORPUS_IMAGE_FOCUS_GRID * 8;
    out->dhash = gray_dhash(l->px, l->w, l->h, l->stride);
    if (side <= lim) {
        gray_focus(l->px, l->w, l->h, l->stride, &out->focus_x, &out->focus_y);
        return;
    }
    int sw = (int)((long long)l->w * lim / side), sh = (int)((long long)l->h * lim / side);
    if (sw < 1) sw = 1;
    if (sh < 1) sh = 1;
    unsigned char *g = xmalloc((size_t)sw * (size_t)sh);
    corpus_plane_resize(l->px, l->w, l->h, l->stride, g, sw, sh, sw);
    gray_focus(g, sw, sh, sw, &out->focus_x, &out->focus_y);
    free(g);
}

/* ---- encoding into memory ------------------------------------------------ */

static size_t SDLCALL mem_write(SDL_RWops *rw, const void *p, size_t size, size_t num) {
    sbuf *b = rw->hidden.unknown.data1;
    sbuf_add(b, p, size * num);
    return num;
}
static Sint64 SDLCALL mem_size(SDL_RWops *rw) { return (Sint64)((sbuf *)rw->hidden.unknown.data1)->len; }
static Sint64 SDLCALL mem_seek(SDL_RWops *rw, Sint64 off, int whence) {
    (void)off; (void)whence;
    return (Sint64)((sbuf *)rw->hidden.unknown.data1)->len;   /* append only */
}
static int SDLCALL mem_close(SDL_RWops *rw) { SDL_FreeRW(rw); return 0; }

/* Encode s as JPEG (or PNG when png) into *out; 0 ok. */
static int encode(SDL_Surface *s, int png, sbuf *out) {
    if (!png) return jpeg_encode(s, NULL, out);
    SDL_RWops *rw = SDL_AllocRW();
    if (!rw) return -1;
    rw->type = SDL_RWOPS_UNKNOWN;
    rw->write = mem_write;
    rw->size = mem_size;
    rw->seek = mem_seek;
    rw->close = mem_close;
    rw->hidden.unknown.data1 = out;
    int rc = IMG_SavePNG_RW(s, rw, 1);
    return rc == 0 && out->len ? 0 : -1;
}

static int has_transparency(const SDL_Surface *s) {
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((row[x] >> 24) != 0xff) return 1;
    }
    return 0;
}

/* ---- one picture ---------------------------------------------------------- */

/* The size a w x h picture is scaled to: long side image_max_side. */
static void target_size(int w, int h, int side, int *tw, int *th) {
    *tw = w >= h ? side : (int)((long long)w * side / h);
    *th = w >= h ? (int)((long long)h * side / w) : side;
    if (*tw < 1) *tw = 1;
    if (*th < 1) *th = 1;
}

/* What every kept picture ends with: its file name and role, its thumb's. */
static void kept(const char *name, corpus_image *out, corpus_image *thumb) {
    const char *slash = strrchr(name, '/');
    out->file = xstrdup(slash ? slash + 1 : name);
    out->role = "lead";
    if (thumb && thumb->bytes) {
        thumb->file = xstrdup(out->file);
        thumb->focus_x = out->focus_x;
        thumb->focus_y = out->focus_y;
        thumb->dhash = out->dhash;
    }
}

/* The rest of corpus_image_from_bytes for a JPEG decoded as planes (y,
** owned and freed here) from a w x h header: checked, scaled when it is
** larger than image_max_side, its focal point and thumb, re-encoded when
** scaled. */
static int from_yuv(const char *name, const unsigned char *bytes, size_t n, int w, int h,
                    yuv *y, corpus_image *out, corpus_image *thumb, corpus_diag *d) {
    int scaled = (w > h ? w : h) > image_max_side;
    const plane *l = &y->c[0];
    /* at a DCT scale the decoder's size is ceil(w * M / 8) */
    if (scaled ? (l->w < (w + 7) / 8 || l->h < (h + 7) / 8 || l->w > w || l->h > h)
               : (l->w != w || l->h != h)) {
        corpus_warn(d, 0, "picture %s cannot be decoded (its header and its data disagree); left out",
                    name);
        yuv_free(y);
        return -1;
    }
    yuv big = {0};
    if (scaled) {
        int tw, th;
        target_size(w, h, image_max_side, &tw, &th);
        if (yuv_scale(y, tw, th, &big) != 0) {
            corpus_warn(d, 0, "picture %s cannot be scaled (out of memory); left out", name);
            yuv_free(y);
            return -1;
        }
        yuv_free(y);
    } else {
        big = *y;
    }
    const plane *bl = &big.c[0];
    yuv t = {0};
    if (thumb && (bl->w > CORPUS_IMAGE_THUMB_SIDE || bl->h > CORPUS_IMAGE_THUMB_SIDE)) {
        int tw, th;
        target_size(bl->w, bl->h, CORPUS_IMAGE_THUMB_SIDE, &tw, &th);
        sbuf b = {0};
        if (yuv_scale(&big, tw, th, &t) == 0 && jpeg_encode(NULL, &t, &b) == 0) {
            thumb->w = tw;
            thumb->h = th;
            thumb->n = b.len;
            thumb->bytes = (unsigned char *)sbuf_take(&b);
            thumb->format = "jpeg";
            thumb->role = "thumb";
        }
        sbuf_free(&b);
    }
    /* the focal point from the thumb when there is one: the same picture,
    ** and a tenth of the pixels to shrink to the focal grid */
    yuv_focus(t.c[0].px ? &t : &big, out);
    yuv_free(&t);
    out->w = bl->w;
    out->h = bl->h;
    out->format = "jpeg";
    if (!scaled) {
        out->bytes = xmalloc(n);                /* within the size and readable: as it is */
        memcpy(out->bytes, bytes, n);
        out->n = n;
    } else {
        sbuf b = {0};
        if (jpeg_encode(NULL, &big, &b) != 0) {
            corpus_warn(d, 0, "picture %s cannot be encoded; left out", name);
            sbuf_free(&b);
            yuv_free(&big);
            if (thumb) corpus_image_free(thumb);
            return -1;
        }
        out->n = b.len;
        out->bytes = (unsigned char *)sbuf_take(&b);
    }
    yuv_free(&big);
    kept(name, out, thumb);
    return 0;
}

int corpus_image_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                            corpus_image *out, corpus_image *thumb, corpus_diag *d) {
    memset(out, 0, sizeof *out);
    if (thumb) memset(thumb, 0, sizeof *thumb);
    const char *fmt = corpus_image_sniff(bytes, n), *want = ext_format(name);
    if (!fmt) {
        corpus_warn(d, 0, "picture %s is not a JPEG, PNG, WebP or GIF image; left out", name);
        return -1;
    }
    if (want && strcmp(want, fmt)) {
        corpus_warn(d, 0, "picture %s holds %s data but its name says %s; left out", name, fmt,
                    want);
        return -1;
    }
    int w, h;
    if (corpus_image_dims(bytes, n, fmt, &w, &h) != 0) {
        corpus_warn(d, 0, "picture %s: no readable %s header; left out", name, fmt);
        return -1;
    }
    if ((long long)w * h > CORPUS_IMAGE_MAX_PIXELS) {
        corpus_warn(d, 0, "picture %s is %dx%d, over %lld megapixels; left out", name, w, h,
                    CORPUS_IMAGE_MAX_PIXELS / 1000000);
        return -1;
    }
    int long_side = w > h ? w : h;
    int scaled = long_side > image_max_side;
    SDL_Surface *s = NULL;
    int may_alpha = 0, retry = 0;
    char why[JMSG_LENGTH_MAX > 256 ? JMSG_LENGTH_MAX : 256] = "";
    if (!strcmp(fmt, "jpeg")) {
        yuv y;
        int r = jpeg_decode_yuv(bytes, n, scaled ? image_max_side : 0, &y, why, sizeof why);
        if (r == 0) return from_yuv(name, bytes, n, w, h, &y, out, thumb, d);
        if (r < 0) {
            corpus_warn(d, 0, "picture %s cannot be decoded (%s); left out", name,
                        why[0] ? why : "no data");
            return -1;
        }
        s = jpeg_decode(bytes, n, scaled ? image_max_side : 0, why, sizeof why);
    }
    else if (!strcmp(fmt, "png"))
        s = png_decode(bytes, n, &may_alpha, why, sizeof why);
    else
        retry = 1;
    if (retry) {                                /* WebP, GIF: SDL2_image */
        SDL_RWops *rw = SDL_RWFromConstMem(bytes, (int)n);
        SDL_Surface *raw = rw ? IMG_Load_RW(rw, 1) : NULL;
        may_alpha = raw && (SDL_ISPIXELFORMAT_ALPHA(raw->format->format) || raw->format->palette
                            || SDL_HasColorKey(raw));
        s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
        if (!raw) snprintf(why, sizeof why, "%s", IMG_GetError());
        SDL_FreeSurface(raw);
    }
    /* at a DCT scale the decoder's size is ceil(w * M / 8): it still covers
    ** the header's proportions within a pixel */
    int ok = s && (scaled ? (s->w >= (w + 7) / 8 && s->h >= (h + 7) / 8 && s->w <= w && s->h <= h)
                          : (s->w == w && s->h == h));
    if (!ok) {
        corpus_warn(d, 0, "picture %s cannot be decoded (%s); left out", name,
                    s ? "its header and its data disagree" : why[0] ? why : "no data");
        surf_free(s);
        return -1;
    }
    int alpha = may_alpha && has_transparency(s);   /* a JPEG has none to look for */
    if (scaled) {
        int tw, th;
        target_size(w, h, image_max_side, &tw, &th);
        SDL_Surface *t = (s->w == tw && s->h == th) ? NULL : surf_new(tw, th);
        if (t && SDL_SoftStretchLinear(s, NULL, t, NULL) != 0) {
            corpus_warn(d, 0, "picture %s cannot be scaled (%s); left out", name, SDL_GetError());
            surf_free(t);
            surf_free(s);
            return -1;
        }
        if (t) {
            surf_free(s);
            s = t;
        }
    }
    surface_focus(s, out);
    if (thumb && (s->w > CORPUS_IMAGE_THUMB_SIDE || s->h > CORPUS_IMAGE_THUMB_SIDE)) {
        /* a small rendition for cards and columns: the app decodes a tenth
        ** of the pixels there */
        int tw, th;
        target_size(s->w, s->h, CORPUS_IMAGE_THUMB_SIDE, &tw, &th);
        SDL_Surface *t = surf_new(tw, th);
        sbuf b = {0};
        if (t && SDL_SoftStretchLinear(s, NULL, t, NULL) == 0 && encode(t, alpha, &b) == 0) {
            thumb->w = t->w;
            thumb->h = t->h;
            thumb->n = b.len;
            thumb->bytes = (unsigned char *)sbuf_take(&b);
            thumb->format = alpha ? "png" : "jpeg";
            thumb->role = "thumb";
        }
        sbuf_free(&b);
        surf_free(t);
    }
    out->w = s->w;
    out->h = s->h;
    if (!scaled && (!strcmp(fmt, "jpeg") || !strcmp(fmt, "png"))) {
        out->bytes = xmalloc(n);                /* within the size and readable: as it is */
        memcpy(out->bytes, bytes, n);
        out->n = n;
        out->format = fmt;
    } else {
        sbuf b = {0};
        if (encode(s, alpha, &b) != 0) {
            corpus_warn(d, 0, "picture %s cannot be encoded (%s); left out", name, IMG_GetError());
            sbuf_free(&b);
            surf_free(s);
            return -1;
        }
        out->n = b.len;
        out->bytes = (unsigned char *)sbuf_take(&b);
        out->format = alpha ? "png" : "jpeg";
    }
    surf_free(s);
    kept(name, out, thumb);
    return 0;
}

int corpus_image_load(const char *path, corpus_image *out, corpus_image *thumb, corpus_diag *d) {
    memset(out, 0, sizeof *out);
    if (thumb) memset(thumb, 0, sizeof *thumb);
    char *bytes;
    size_t n;
    corpus_diag quiet = *d;
    if (corpus_read_raw(path, CORPUS_IMAGE_MAX_BYTES, &bytes, &n, &quiet) != 0) {
        d->nwarn = quiet.nwarn;
        return -1;
    }
    int rc = corpus_image_from_bytes(path, (const unsigned char *)bytes, n, out, thumb, d);
    free(bytes);
    return rc;
}

/* ---- finding it ------------------------------------------------------------ */

/* a followed by b, owned. */
static char *cat2(const char *a, const char *b) {
    sbuf s = {0};
    sbuf_adds(&s, a);
    sbuf_adds(&s, b);
    return sbuf_take(&s);
}

static int is_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

/* The article's path without its extension ("dir/name"), owned. */
static char *stem_of(const char *article) {
    char *s = xstrdup(article);
    char *dot = strrchr(s, '.'), *slash = strrchr(s, '/');
    if (dot && (!slash || dot > slash + 1)) *dot = 0;
    return s;
}

/* The article's folder with a trailing '/' ("" for the current one), owned. */
static char *dir_of(const char *article) {
    const char *slash = strrchr(article, '/');
    return slash ? xstrndup(article, (size_t)(slash - article) + 1) : xstrdup("");
}

/* A name safe to look up under the article's folder: relative, no "..". */
static int safe_relative(const char *p) {
    if (!*p || *p == '/' || *p == '~') return 0;
    for (const char *s = p; (s = strstr(s, "..")); s += 2)
        if ((s == p || s[-1] == '/') && (s[2] == 0 || s[2] == '/')) return 0;
    return 1;
}

/* The last path segment of a URL, without query and fragment, %-decoded
** for spaces only ("photo%20one.jpg" -> "photo one.jpg"), owned or NULL. */
static char *url_file(const char *url) {
    const char *e = url + strcspn(url, "?#");
    const char *b = e;
    while (b > url && b[-1] != '/') b--;
    if (b == e) return NULL;
    sbuf s = {0};
    for (const char *p = b; p < e; p++) {
        if (p + 2 < e && p[0] == '%' && p[1] == '2' && p[2] == '0') { sbuf_addc(&s, ' '); p += 2; }
        else sbuf_addc(&s, *p);
    }
    char *r = sbuf_take(&s);
    if (!safe_relative(r) || strchr(r, '/')) { free(r); return NULL; }
    return r;
}

/* The file a picture named by an article resolves to (owned), or NULL:
** a local path relative to the article's folder (warned when missing or
** outside it), a URL by its last segment in NAME_files/ or beside it.
** page: an <img> of a saved page, which a save may or may not have kept:
** its path as written, else by its last segment as a URL; never a warning. */
static char *find_named(const char *stem, const char *dir, const char *named, int page,
                        corpus_diag *d) {
    char *found = NULL;
    if (named && *named) {
        int is_url = strstr(named, "://") != NULL || !strncmp(named, "//", 2);
        if (page && !is_url && safe_relative(named)) {     /* as the save wrote it */
            char *p = cat2(dir, named);
            if (is_file(p)) return p;
            free(p);
        }
        if (is_url || page) {
            char *f = url_file(named);
            if (f) {
                char *sf = cat2(stem, "_files/"), *p = cat2(sf, f);
                free(sf);
                if (is_file(p)) found = p;
                else {
                    free(p);
                    p = cat2(dir, f);
                    if (is_file(p)) found = p; else free(p);
                }
            }
            free(f);
        } else if (!safe_relative(named)) {
            corpus_warn(d, 0, "picture '%s' is not a path inside the article's folder; ignored",
                        named);
        } else {
            char *p = cat2(dir, named);
            if (is_file(p)) found = p;
            else {
                corpus_warn(d, 0, "picture %s not found; left out", p);
                free(p);
            }
        }
    }
    return found;
}

int corpus_image_lead(const char *article, const corpus_meta *meta, corpus_image *out,
                      corpus_image *thumb, corpus_diag *d) {
    memset(out, 0, sizeof *out);
    if (thumb) memset(thumb, 0, sizeof *thumb);
    char *stem = stem_of(article), *dir = dir_of(article);
    char *found = find_named(stem, dir, meta->image, 0, d);
    static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".webp" };
    for (size_t i = 0; !found && i < sizeof exts / sizeof *exts; i++) {
        char *p = cat2(stem, exts[i]);
        if (strcmp(p, article) && is_file(p)) found = p; else free(p);
    }
    free(stem);
    free(dir);
    if (!found) return 1;
    int rc = corpus_image_load(found, out, thumb, d);
    free(found);
    if (rc != 0) return -1;
    if (meta->image_credit) out->credit = xstrdup(meta->image_credit);
    if (meta->image_alt) out->alt = xstrdup(meta->image_alt);
    if (thumb && thumb->bytes) {
        thumb->credit = xstrdup(out->credit);
        thumb->alt = xstrdup(out->alt);
    }
    return 0;
}

/* A Markdown image "![alt](target)" in text: its target and alt into meta
** (fill only: what a sidecar or front matter says comes first). */
void corpus_image_markdown(const char *text, corpus_meta *meta) {
    sbuf more = {0};
    int n = 0;
    for (const char *p = text; (p = strstr(p, "![")); p += 2) {
        const char *ae = strstr(p + 2, "](");
        const char *nl = strchr(p + 2, '\n');
        if (!ae || (nl && nl < ae)) continue;
        const char *te = ae + 2 + strcspn(ae + 2, ") \t\n\"");
        if (*te != ')' && *te != ' ') continue;
        if (te == ae + 2) continue;
        char *target = xstrndup(ae + 2, (size_t)(te - ae - 2));
        char *alt = xstrndup(p + 2, (size_t)(ae - p - 2));
        for (char *c = alt; *c; c++)
            if (*c == '\t') *c = ' ';
        if (!meta->image) {                     /* the first: the lead */
            corpus_meta_fill(&meta->image, target);
            corpus_meta_fill(&meta->image_alt, alt);
        } else if (n++ < 2 * CORPUS_IMAGES_MORE && !strchr(target, '\t')) {
            sbuf_addf(&more, "%s\t%s\n", target, alt);   /* the gallery after it */
        }
        free(target);
        free(alt);
    }
    if (more.len && !meta->images_more) meta->images_more = sbuf_take(&more);
    sbuf_free(&more);
}

/* ---- further pictures ------------------------------------------------------ */

size_t corpus_image_more(const char *article, const corpus_meta *meta, const corpus_image *lead,
                         corpus_image *out, corpus_diag *d) {
    const char *lead_file = lead ? lead->file : NULL;
    char *stem = stem_of(article), *dir = dir_of(article);
    corpus_strv cand = {0}, alts = {0};         /* resolved paths, and their alt texts */
    /* cand[i] is a saved page's <img>: those come first (images_more lines
    ** from corpus_html.c, at most 12), within this table */
    char from_page[64] = {0};
    for (const char *p = meta->images_more; p && *p;) {
        size_t n = strcspn(p, "\n");
        char *line = xstrndup(p, n);
        char *tab = strchr(line, '\t'), *tab2 = tab ? strchr(tab + 1, '\t') : NULL;
        if (tab) *tab = 0;
        if (tab2) *tab2 = 0;
        int page = tab2 && !strcmp(tab2 + 1, "page");  /* an <img> of a saved page */
        char *f = *line ? find_named(stem, dir, line, page, d) : NULL;
        if (f) {
            if (cand.n < sizeof from_page) from_page[cand.n] = (char)page;
            corpus_strv_push(&cand, f);
            corpus_strv_push(&alts, xstrdup(tab && tab[1] ? tab + 1 : ""));
        }
        free(line);
        p += n + (p[n] == '\n');
    }
    static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".webp" };
    for (int k = 2; k <= 9; k++)                /* NAME-2.jpg ...: a numbered series */
        for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
            char num[16];
            snprintf(num, sizeof num, "-%d%s", k, exts[i]);
            char *path = cat2(stem, num);
            if (is_file(path)) {
                corpus_strv_push(&cand, path);
                corpus_strv_push(&alts, xstrdup(""));
            } else {
                free(path);
            }
        }
    size_t got = 0, taken = 0;
    for (size_t i = 0; i < cand.n && taken < CORPUS_IMAGES_MORE; i++) {
        const char *slash = strrchr(cand.v[i], '/');
        const char *base = slash ? slash + 1 : cand.v[i];
        int dup = lead_file && !strcmp(base, lead_file);
        for (size_t j = 0; j < i && !dup; j++)
            dup = !strcmp(cand.v[j], cand.v[i]);
        if (dup) continue;
        corpus_image im, th;
        if (corpus_image_load(cand.v[i], &im, &th, d) != 0) continue;
        int page = i < sizeof from_page && from_page[i];
        /* a page's <img>: not a placeholder or a thumbnail strip, and not
        ** the lead or one already taken at another size */
        int again = page && lead && corpus_image_same(&im, lead);
        for (size_t k = 0; k < got && page && !again; k++)
            again = !strcmp(out[k].role, "more") && corpus_image_same(&im, &out[k]);
        if (again || (page && im.w < CORPUS_IMAGE_PAGE_MIN_SIDE
                      && im.h < CORPUS_IMAGE_PAGE_MIN_SIDE)) {
            corpus_image_free(&im);
            corpus_image_free(&th);
            continue;
        }
        im.role = "more";
        if (alts.v[i][0]) im.alt = xstrdup(alts.v[i]);
        out[got++] = im;
        if (th.bytes) {
            th.role = "more_thumb";
            th.alt = xstrdup(im.alt);
            out[got++] = th;
        }
        taken++;
    }
    corpus_strv_free(&cand);
    corpus_strv_free(&alts);
    free(stem);
    free(dir);
    return got;
}
