/*
** src/app/picture.c: decoding, cropping and toning pictures (picture.h).
** A JPEG (what the ingest stores for every opaque picture) is decoded by
** libjpeg-turbo directly, and only the crop: the rows above it skipped,
** its columns cut at the nearest block, at the DCT scale (1/2, 1/4, 1/8)
** that still covers the place, straight into the scaler's 32-bit pixels.
** The whole picture is never held: at 1080p a slide's picture costs its
** crop (about 7 MB), not the frame plus the crop (about 14 MB). A PNG (a
** picture with transparency) and anything libjpeg refuses go through
** SDL2_image. SDL scales.
*/
#include "app/picture.h"
#include "app/render.h"

#include "common/util.h"

#include <SDL_image.h>
#include <jpeglib.h>

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SDL_Rect picture_crop(int iw, int ih, float fx, float fy, int w, int h)
{
    SDL_Rect r = { 0, 0, iw, ih };
    if (iw <= 0 || ih <= 0 || w <= 0 || h <= 0)
        return r;
    if ((long long)iw * h > (long long)ih * w) {          /* wider than the place */
        r.w = (int)((long long)ih * w / h);
        if (r.w < 1) r.w = 1;
        int x = (int)(fx * (float)iw) - r.w / 2;
        r.x = x < 0 ? 0 : x > iw - r.w ? iw - r.w : x;
    } else {
        r.h = (int)((long long)iw * h / w);
        if (r.h < 1) r.h = 1;
        int y = (int)(fy * (float)ih) - r.h / 2;
        r.y = y < 0 ? 0 : y > ih - r.h ? ih - r.h : y;
    }
    return r;
}

SDL_Rect picture_tighten(SDL_Rect crop, float fx, float fy, int iw, int ih, int w, int h)
{
    if (w <= 0 || h <= 0 || crop.w < w || crop.h < h ||
        (long long)crop.w * 100 > (long long)w * (100 + PICTURE_TIGHT_PCT) ||
        (long long)crop.h * 100 > (long long)h * (100 + PICTURE_TIGHT_PCT))
        return crop;
    int x = (int)(fx * (float)iw) - w / 2, y = (int)(fy * (float)ih) - h / 2;
    x = x < crop.x ? crop.x : x > crop.x + crop.w - w ? crop.x + crop.w - w : x;
    y = y < crop.y ? crop.y : y > crop.y + crop.h - h ? crop.y + crop.h - h : y;
    return (SDL_Rect){ x, y, w, h };
}

SDL_Rect picture_pan_rect(int tex_w, int tex_h, int w, int h, float fx, float fy, float t)
{
    int mx = tex_w - w > 0 ? tex_w - w : 0, my = tex_h - h > 0 ? tex_h - h : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    /* start on the side away from the focal point, end on its side */
    float sx = fx >= 0.5f ? 0.0f : 1.0f, sy = fy >= 0.5f ? 0.0f : 1.0f;
    float ex = 1.0f - sx, ey = 1.0f - sy;
    float e = t * t * (3 - 2 * t);                        /* eased */
    SDL_Rect r = { (int)((sx + (ex - sx) * e) * (float)mx + 0.5f),
                   (int)((sy + (ey - sy) * e) * (float)my + 0.5f), w, h };
    return r;
}

/* Fade rows [y0, y0 + n) of a w x h ARGB picture (px: row y0, pitch_px
** apart) into bg from the text's side: pure bg at that edge, easing to the
** untouched picture FADE_PCT of the way across (after the pan's margin). */
#define FADE_PCT 45
static void fade_rows(uint32_t *px, int w, int h, int y0, int n, int pitch_px, picture_fade fade,
                      uint32_t bg)
{
    int br = (int)(bg >> 16 & 255), bgc = (int)(bg >> 8 & 255), bb = (int)(bg & 255);
    int along = fade == PICTURE_FADE_LEFT ? w : h;
    /* pure bg over the first PICTURE_PAN_PCT: a panning window never shows
    ** the faded edge as a line */
    int lead = along * PICTURE_PAN_PCT / 100;
    int span = along * FADE_PCT / 100 > 1 ? along * FADE_PCT / 100 : 1;
    /* the weight of bg is one per column (LEFT) or per row (TOP): computed
    ** once for it, then applied down the band's column or along the row */
    int cols = fade == PICTURE_FADE_LEFT ? (lead + span < w ? lead + span : w) : 1;
    int rows = fade == PICTURE_FADE_LEFT ? 1 : n;
    for (int j = 0; j < (fade == PICTURE_FADE_LEFT ? cols : rows); j++) {
        int i = (fade == PICTURE_FADE_LEFT ? j : y0 + j) - lead;
        if (i >= span)
            break;
        float u = i < 0 ? 0.0f : (float)i / (float)span;
        int a = (int)(256.0f * (1.0f - u * u * (3 - 2 * u)));   /* 256 = all bg */
        int cr = br * a, cg = bgc * a, cb = bb * a, keep = 256 - a;
        int count = fade == PICTURE_FADE_LEFT ? n : w;
        size_t step = fade == PICTURE_FADE_LEFT ? (size_t)pitch_px : 1;
        uint32_t *q = fade == PICTURE_FADE_LEFT ? px + j : px + (size_t)j * (size_t)pitch_px;
        for (int k = 0; k < count; k++, q += step) {
            int r = (int)(*q >> 16 & 255), g = (int)(*q >> 8 & 255), b = (int)(*q & 255);
            r = (r * keep + cr) >> 8;
            g = (g * keep + cg) >> 8;
            b = (b * keep + cb) >> 8;
            *q = 0xff000000u | (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b;
        }
    }
}

/* ---- JPEG decoding ------------------------------------------------------- */

#if SDL_BYTEORDER == SDL_LIL_ENDIAN
#define ARGB_JCS JCS_EXT_BGRA                   /* ARGB8888 in memory: B G R A */
#else
#define ARGB_JCS JCS_EXT_ARGB
#endif

typedef struct jdec {                           /* what survives a longjmp */
    struct jpeg_decompress_struct c;
    struct jpeg_error_mgr mgr;
    jmp_buf jmp;
    char msg[JMSG_LENGTH_MAX];
    SDL_Surface *s;
    unsigned char *row;
    int started;
} jdec;

static void jdec_exit(j_common_ptr c)
{
    jdec *j = (jdec *)c->client_data;
    c->err->format_message(c, j->msg);
    longjmp(j->jmp, 1);
}

static void jdec_quiet(j_common_ptr c, int level)
{
    (void)c;
    (void)level;
}

/* ---- scaling row by row ---------------------------------------------------- */

#define BAND_ROWS 32            /* output rows finished and uploaded at a time */

/* A bilinear scaler fed one source row at a time, top to bottom, that
** hands out whole output rows: no full-size copy of the source is held
** (sources here are at most twice the output: DCT scaling did the rest). */
typedef struct rowscale {
    int sw, sh, w, h;           /* source and output sizes */
    int *x0, *xw;               /* per output x: left source column, weight of the next (0..256) */
    uint32_t *r0, *r1;          /* the two source rows around the next output row, scaled across */
    int have;                   /* source rows taken so far */
    int y;                      /* next output row */
} rowscale;

static int rowscale_init(rowscale *rs, int sw, int sh, int w, int h)
{
    memset(rs, 0, sizeof *rs);
    rs->sw = sw;
    rs->sh = sh;
    rs->w = w;
    rs->h = h;
    rs->x0 = malloc(sizeof *rs->x0 * (size_t)w);
    rs->xw = malloc(sizeof *rs->xw * (size_t)w);
    rs->r0 = malloc(sizeof *rs->r0 * (size_t)w);
    rs->r1 = malloc(sizeof *rs->r1 * (size_t)w);
    if (!rs->x0 || !rs->xw || !rs->r0 || !rs->r1)
        return -1;
    for (int x = 0; x < w; x++) {               /* pixel centres map onto pixel centres */
        float f = ((float)x + 0.5f) * (float)sw / (float)w - 0.5f;
        f = f < 0 ? 0 : f > (float)(sw - 1) ? (float)(sw - 1) : f;
        int i = (int)f;
        rs->x0[x] = i;
        rs->xw[x] = i + 1 < sw ? (int)((f - (float)i) * 256.0f + 0.5f) : 0;
    }
    return 0;
}

static void rowscale_free(rowscale *rs)
{
    free(rs->x0);
    free(rs->xw);
    free(rs->r0);
    free(rs->r1);
}

static uint32_t lerp_px(uint32_t a, uint32_t b, int t)   /* t 0..256 toward b; opaque */
{
    uint32_t u = (uint32_t)t, v = 256u - u;
    uint32_t rb = (((a & 0x00ff00ffu) * v + (b & 0x00ff00ffu) * u) >> 8) & 0x00ff00ffu;
    uint32_t g = (((a & 0x0000ff00u) * v + (b & 0x0000ff00u) * u) >> 8) & 0x0000ff00u;
    return 0xff000000u | rb | g;
}

/* Scale source row src across into out. */
static void rowscale_across(const rowscale *rs, const uint32_t *src, uint32_t *out)
{
    if (rs->sw == rs->w) {                      /* cut, not scaled (picture_tighten) */
        for (int x = 0; x < rs->w; x++)
            out[x] = src[x] | 0xff000000u;
        return;
    }
    for (int x = 0; x < rs->w; x++) {
        int i = rs->x0[x], t = rs->xw[x];
        out[x] = t ? lerp_px(src[i], src[i + 1], t) : src[i] | 0xff000000u;
    }
}

/* Take the next source row (top to bottom). */
static void rowscale_push(rowscale *rs, const uint32_t *src)
{
    uint32_t *tmp = rs->r0;                     /* the older row goes, the new one comes */
    rs->r0 = rs->r1;
    rs->r1 = tmp;
    rowscale_across(rs, src, rs->r1);
    rs->have++;
}

/* Write the output rows the source rows taken so far allow, at most room
** of them, to out (w each); returns how many. Each output row blends source
** rows i and i + 1, which are then the last two taken (r0, r1). */
static int rowscale_emit(rowscale *rs, uint32_t *out, int room)
{
    int made = 0;
    while (rs->y < rs->h && made < room) {
        float f = ((float)rs->y + 0.5f) * (float)rs->sh / (float)rs->h - 0.5f;
        f = f < 0 ? 0 : f > (float)(rs->sh - 1) ? (float)(rs->sh - 1) : f;
        int i = (int)f, t = i + 1 < rs->sh ? (int)((f - (float)i) * 256.0f + 0.5f) : 0;
        if ((t ? i + 2 : i + 1) > rs->have)
            break;
        uint32_t *o = out + (size_t)made * (size_t)rs->w;
        if (t)
            for (int x = 0; x < rs->w; x++)
                o[x] = lerp_px(rs->r0[x], rs->r1[x], t);
        else
            memcpy(o, rs->r1, sizeof *o * (size_t)rs->w);
        made++;
        rs->y++;
    }
    return made;
}

/* ---- JPEG: the crop, scaled as it is read ------------------------------- */

/* Decode the part of a JPEG that covers a w x h place around the focal
** point, already reduced by a DCT scale where the crop is twice the place
** or more, and scale it row by row into the w x h ARGB pixels `band`
** hands to `put` BAND_ROWS rows at a time (put returns nonzero to stop:
** -1 then). 0 done; 1 no JPEG libjpeg-turbo turns into RGB here (the
** caller tries SDL2_image); -1 broken (logged) or stopped. */
typedef int (*band_fn)(void *ctx, uint32_t *rows, int y, int n);

static int jpeg_cover(const store_image *im, int w, int h, uint32_t *band, band_fn put, void *ctx)
{
    const unsigned char *b = im->bytes;
    if (im->n < 3 || b[0] != 0xff || b[1] != 0xd8 || b[2] != 0xff)
        return 1;
    jdec *j = xcalloc(1, sizeof *j);
    rowscale rs;
    memset(&rs, 0, sizeof rs);
    int rc = -1;
    j->c.err = jpeg_std_error(&j->mgr);
    j->mgr.error_exit = jdec_exit;
    j->mgr.emit_message = jdec_quiet;
    j->c.client_data = j;
    if (setjmp(j->jmp)) {
        log_warn("picture: cannot decode %zu bytes: %s", im->n, j->msg);
        goto done;
    }
    jpeg_create_decompress(&j->c);
    jpeg_mem_src(&j->c, b, (unsigned long)im->n);
    jpeg_read_header(&j->c, TRUE);
    if (j->c.jpeg_color_space == JCS_CMYK || j->c.jpeg_color_space == JCS_YCCK) {
        rc = 1;                                 /* SDL2_image's turn */
        goto done;
    }
    int iw = (int)j->c.image_width, ih = (int)j->c.image_height;
    SDL_Rect crop = picture_crop(iw, ih, im->focus_x, im->focus_y, w, h);
    int m = 8;                                  /* 1/8, 1/4, 1/2: libjpeg-turbo's SIMD scales */
    for (int k = 1; k < 8; k *= 2)
        if ((long long)crop.w * k / 8 >= w && (long long)crop.h * k / 8 >= h) {
            m = k;
            break;
        }
    j->c.scale_num = (unsigned)m;
    j->c.scale_denom = 8;
    j->c.out_color_space = ARGB_JCS;
    jpeg_start_decompress(&j->c);
    j->started = 1;
    int ow = (int)j->c.output_width, oh = (int)j->c.output_height;
    int sx = (int)((long long)crop.x * ow / iw), sy = (int)((long long)crop.y * oh / ih);
    int sw = (int)((long long)crop.w * ow / iw), sh = (int)((long long)crop.h * oh / ih);
    sw = sw < 1 ? 1 : sx + sw > ow ? ow - sx : sw;
    sh = sh < 1 ? 1 : sy + sh > oh ? oh - sy : sh;
    SDL_Rect cut = picture_tighten((SDL_Rect){ sx, sy, sw, sh }, im->focus_x, im->focus_y,
                                   ow, oh, w, h);
    sx = cut.x; sy = cut.y; sw = cut.w; sh = cut.h;
    JDIMENSION xoff = (JDIMENSION)sx, cw = (JDIMENSION)sw;
    jpeg_crop_scanline(&j->c, &xoff, &cw);      /* widened to whole blocks */
    if (sy > 0 && jpeg_skip_scanlines(&j->c, (JDIMENSION)sy) != (JDIMENSION)sy)
        goto done;
    j->row = malloc((size_t)j->c.output_width * 4);
    if (!j->row || rowscale_init(&rs, sw, sh, w, h) != 0)
        goto done;
    int y = 0, pending = 0;                     /* output rows in band, not yet put */
    for (int r = 0; r < sh && y < h; r++) {
        JSAMPROW rp = j->row;
        if (jpeg_read_scanlines(&j->c, &rp, 1) != 1)
            goto done;
        rowscale_push(&rs, (const uint32_t *)(void *)(j->row + (size_t)((JDIMENSION)sx - xoff) * 4));
        for (int made = 1; made;) {
            made = rowscale_emit(&rs, band + (size_t)pending * (size_t)w, BAND_ROWS - pending);
            pending += made;
            if (pending && (pending == BAND_ROWS || y + pending == h)) {
                if (put(ctx, band, y, pending) != 0)
                    goto done;                  /* stopped: not a broken picture */
                y += pending;
                pending = 0;
            }
        }
    }
    rc = y == h ? 0 : -1;
    if (rc)
        log_warn("picture: %zu bytes: the picture ends before its crop (%d of %d rows)", im->n, y, h);
done:
    if (j->started)
        jpeg_abort_decompress(&j->c);           /* the rows below the crop are not read */
    jpeg_destroy_decompress(&j->c);
    rowscale_free(&rs);
    free(j->row);
    free(j);
    return rc;
}

/* The crop of im covering w x h as ARGB8888 through SDL2_image. */
static SDL_Surface *image_crop(const store_image *im, int w, int h)
{
    SDL_RWops *rw = SDL_RWFromConstMem(im->bytes, (int)im->n);
    SDL_Surface *raw = rw ? IMG_Load_RW(rw, 1) : NULL;
    if (!raw) {
        log_warn("picture: cannot decode %zu bytes: %s", im->n, IMG_GetError());
        return NULL;
    }
    /* only the crop is converted to 32 bits (the scaler's format): less
    ** memory at the peak, where the decoded picture is still held */
    SDL_Rect crop = picture_tighten(picture_crop(raw->w, raw->h, im->focus_x, im->focus_y, w, h),
                                    im->focus_x, im->focus_y, raw->w, raw->h, w, h);
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormat(0, crop.w, crop.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (src) {
        SDL_SetSurfaceBlendMode(raw, SDL_BLENDMODE_NONE);
        if (SDL_BlitSurface(raw, &crop, src, NULL) != 0) {
            SDL_FreeSurface(src);
            src = NULL;
        }
    }
    if (!src)
        log_warn("picture: cannot convert %dx%d: %s", crop.w, crop.h, SDL_GetError());
    SDL_FreeSurface(raw);
    return src;
}

/* Where the bands of a cover go: faded, then into the texture (tex), or
** into the pixels of a locked one (dst) on the prefetch thread, which
** stops when *stop is set. */
typedef struct cover_sink {
    SDL_Texture *tex;
    int w, h, failed;
    picture_fade fade;
    uint32_t bg;
    uint8_t *dst;
    int dst_pitch;
    SDL_atomic_t *stop;
} cover_sink;

static int cover_put(void *ctx, uint32_t *rows, int y, int n)
{
    cover_sink *k = ctx;
    if (k->stop && SDL_AtomicGet(k->stop))
        return 1;
    if (k->fade != PICTURE_FADE_NONE)
        fade_rows(rows, k->w, k->h, y, n, k->w, k->fade, k->bg);
    if (k->dst) {
        for (int i = 0; i < n; i++)
            memcpy(k->dst + (size_t)(y + i) * (size_t)k->dst_pitch, rows + (size_t)i * (size_t)k->w,
                   (size_t)k->w * 4);
        return 0;
    }
    SDL_Rect band = { 0, y, k->w, n };
    if (SDL_UpdateTexture(k->tex, &band, rows, k->w * 4) != 0)
        k->failed = 1;
    return 0;
}

/* The w x h cover of im into the sink k, band by band: libjpeg-turbo, else
** (a PNG, CMYK) SDL2_image and the same scaler. 0 done, -1 (logged) or
** stopped. No renderer call but the sink's. */
static int cover_pixels(const store_image *im, int w, int h, cover_sink *k)
{
    uint32_t *band = malloc(sizeof *band * (size_t)w * BAND_ROWS);
    if (!band)
        return -1;
    int rc = jpeg_cover(im, w, h, band, cover_put, k);
    if (rc == 1) {
        SDL_Surface *src = image_crop(im, w, h);
        rowscale rs;
        rc = -1;
        if (src && rowscale_init(&rs, src->w, src->h, w, h) == 0) {
            int y = 0, pending = 0, stopped = 0;
            for (int row = 0; row < src->h && y < h && !stopped; row++) {
                rowscale_push(&rs, (const uint32_t *)(void *)((Uint8 *)src->pixels +
                                                              (size_t)row * (size_t)src->pitch));
                for (int made = 1; made && !stopped;) {
                    made = rowscale_emit(&rs, band + (size_t)pending * (size_t)w, BAND_ROWS - pending);
                    pending += made;
                    if (pending && (pending == BAND_ROWS || y + pending == h)) {
                        stopped = cover_put(k, band, y, pending) != 0;
                        y += pending;
                        pending = 0;
                    }
                }
            }
            rc = y == h && !stopped ? 0 : -1;
        }
        if (src)
            rowscale_free(&rs);
        SDL_FreeSurface(src);
    }
    free(band);
    return rc;
}

/* A texture made as covers are: drawn smoothly when panned, copied. */
static void cover_finish(text_tex *t)
{
    SDL_SetTextureScaleMode(t->tex, SDL_ScaleModeLinear);
    SDL_SetTextureBlendMode(t->tex, SDL_BLENDMODE_NONE);
    t->opaque = 1;                              /* copied, not blended, when drawn opaque */
}

/* ---- one cover ahead (picture_prefetch) ----------------------------------- */
/* On the software renderer the main thread makes the texture and locks it
** (its pixels are the texture's own memory), a thread of its own fills
** them; picture_cover with the same picture, size, fade and background
** waits for that thread (its work mostly done by then), unlocks and takes
** the texture. Other renderers (OpenGL ES on the Pi) keep a second copy of
** a streaming texture's pixels for as long as it lives, so there the
** thread fills a buffer, uploaded to a static texture when taken and
** freed. One at a time; main thread only. */

typedef struct prefetch {
    SDL_Thread *th;         /* running or finished, not yet waited for */
    SDL_atomic_t stop;
    text_tex t;             /* the locked texture (locked while th is), or none */
    uint32_t *buf;          /* or the pixels, w x h, when there is no texture yet */
    store_image im;         /* owned copy: bytes and focal point */
    cover_sink k;
} prefetch;

static prefetch pf;
static int pf_buffer;       /* picture_prefetch_buffered: the buffer on every renderer */

static int SDLCALL prefetch_run(void *arg)
{
    prefetch *p = arg;
    return cover_pixels(&p->im, p->k.w, p->k.h, &p->k);
}

/* Wait for the thread; the texture unlocked (still held). Its result. */
static int prefetch_join(void)
{
    int rc = -1;
    if (pf.th) {
        SDL_WaitThread(pf.th, &rc);
        pf.th = NULL;
        if (pf.t.tex)
            SDL_UnlockTexture(pf.t.tex);
    }
    return rc;
}

void picture_prefetch_cancel(void)
{
    if (pf.th) {
        SDL_AtomicSet(&pf.stop, 1);
        prefetch_join();
    }
    text_tex_free(&pf.t);
    free(pf.buf);
    free(pf.im.bytes);
    memset(&pf, 0, sizeof pf);
}

int picture_prefetch_pending(void) { return pf.t.tex != NULL || pf.buf != NULL; }

void picture_prefetch_buffered(int on) { pf_buffer = on; }

int picture_prefetch(SDL_Renderer *r, const store_image *im, int w, int h, picture_fade fade,
                     uint32_t bg)
{
    picture_prefetch_cancel();
    if (!im || !im->bytes || !im->n || w <= 0 || h <= 0)
        return -1;
    void *px;
    int pitch;
    if (render_is_software(r) && !pf_buffer) {
        if (text_image_locked(r, w, h, &pf.t, &px, &pitch) != 0)
            return -1;
    } else {
        pf.buf = malloc(sizeof *pf.buf * (size_t)w * (size_t)h);
        if (!pf.buf)
            return -1;
        px = pf.buf;
        pitch = w * 4;
    }
    pf.im.bytes = xmalloc(im->n);
    memcpy(pf.im.bytes, im->bytes, im->n);
    pf.im.n = im->n;
    pf.im.focus_x = im->focus_x;
    pf.im.focus_y = im->focus_y;
    SDL_AtomicSet(&pf.stop, 0);
    pf.k = (cover_sink){ NULL, w, h, 0, fade, bg, px, pitch, &pf.stop };
    pf.th = SDL_CreateThread(prefetch_run, "vitrine-picture", &pf);
    if (!pf.th) {
        log_warn("picture: no thread to decode ahead: %s", SDL_GetError());
        if (pf.t.tex)
            SDL_UnlockTexture(pf.t.tex);
        picture_prefetch_cancel();
        return -1;
    }
    return 0;
}

/* The prefetched cover is this one. */
static int prefetch_is(const store_image *im, int w, int h, picture_fade fade, uint32_t bg)
{
    return picture_prefetch_pending() && pf.k.w == w && pf.k.h == h && pf.k.fade == fade && pf.k.bg == bg &&
           pf.im.n == im->n && pf.im.focus_x == im->focus_x && pf.im.focus_y == im->focus_y &&
           !memcmp(pf.im.bytes, im->bytes, im->n);
}

int picture_cover(SDL_Renderer *r, const store_image *im, int w, int h, picture_fade fade,
                  uint32_t bg, text_tex *out)
{
    memset(out, 0, sizeof *out);
    if (!im || !im->bytes || w <= 0 || h <= 0)
        return -1;
    if (prefetch_is(im, w, h, fade, bg)) {
        if (prefetch_join() == 0 && (pf.t.tex || text_image(r, pf.buf, w, h, &pf.t) == 0)) {
            *out = pf.t;                        /* decoded ahead: taken as it is */
            memset(&pf.t, 0, sizeof pf.t);
            picture_prefetch_cancel();          /* the copy and the buffer */
            cover_finish(out);
            return 0;
        }
        picture_prefetch_cancel();             /* it failed: once more here, logged */
    } else if (picture_prefetch_pending()) {
        picture_prefetch_cancel();             /* another picture came first */
    }
    if (text_image(r, NULL, w, h, out) != 0)
        return -1;
    cover_sink k = { out->tex, w, h, 0, fade, bg, NULL, 0, NULL };
    int rc = cover_pixels(im, w, h, &k);
    if (rc != 0 || k.failed) {
        if (k.failed)
            log_warn("picture: cannot fill a %dx%d texture: %s", w, h, SDL_GetError());
        text_tex_free(out);
        return -1;
    }
    cover_finish(out);
    return 0;
}

int picture_file(SDL_Renderer *r, const char *path, int max_w, int max_h, text_tex *out)
{
    memset(out, 0, sizeof *out);
    SDL_Surface *raw = IMG_Load(path);
    SDL_Surface *src = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(raw);
    if (!src || src->w <= 0 || src->h <= 0 || max_w <= 0 || max_h <= 0) {
        log_warn("picture: %s: %s", path, src ? "empty" : IMG_GetError());
        SDL_FreeSurface(src);
        return -1;
    }
    int w = max_w, h = (int)((long long)src->h * max_w / src->w);
    if (h > max_h) {
        h = max_h;
        w = (int)((long long)src->w * max_h / src->h);
    }
    w = w < 1 ? 1 : w;
    h = h < 1 ? 1 : h;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    int rc = -1;
    if (dst && SDL_SoftStretchLinear(src, NULL, dst, NULL) == 0 && dst->pitch == w * 4
        && text_image(r, dst->pixels, w, h, out) == 0) {
        SDL_SetTextureScaleMode(out->tex, SDL_ScaleModeLinear);
        SDL_SetTextureBlendMode(out->tex, SDL_BLENDMODE_BLEND);
        rc = 0;
    }
    SDL_FreeSurface(dst);
    SDL_FreeSurface(src);
    return rc;
}

void picture_draw(SDL_Renderer *r, const text_tex *t, const SDL_Rect *src, const SDL_Rect *dst,
                  uint8_t alpha)
{
    if (!t->tex || alpha == 0)
        return;
    if (t->opaque)
        SDL_SetTextureBlendMode(t->tex, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(t->tex, alpha);
    SDL_RenderCopy(r, t->tex, src, dst);
}
