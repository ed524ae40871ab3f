/*
** src/app/picture.c: decoding, cropping and toning pictures (picture.h).
** SDL2_image decodes (libjpeg-turbo, libpng); SDL scales.
*/
#include "app/picture.h"

#include "common/util.h"

#include <SDL_image.h>

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

/* Fade the w x h ARGB pixels into bg from the text's side: pure bg at that
** edge, easing to the untouched picture FADE_PCT of the way across (after
** the pan's margin). */
#define FADE_PCT 45
static void fade_pixels(uint32_t *px, int w, int h, int pitch_px, picture_fade fade, uint32_t bg)
{
    int br = (int)(bg >> 16 & 255), bgc = (int)(bg >> 8 & 255), bb = (int)(bg & 255);
    int n = fade == PICTURE_FADE_LEFT ? w : h;
    /* pure bg over the first PICTURE_PAN_PCT: a panning window never shows
    ** the faded edge as a line */
    int lead = n * PICTURE_PAN_PCT / 100;
    int span = n * FADE_PCT / 100 > 1 ? n * FADE_PCT / 100 : 1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int i = (fade == PICTURE_FADE_LEFT ? x : y) - lead;
            if (i >= span)
                continue;
            float u = i < 0 ? 0.0f : (float)i / (float)span;
            int a = (int)(256.0f * (1.0f - u * u * (3 - 2 * u)));   /* 256 = all bg */
            uint32_t *q = &px[(size_t)y * (size_t)pitch_px + (size_t)x];
            int r = (int)(*q >> 16 & 255), g = (int)(*q >> 8 & 255), b = (int)(*q & 255);
            r += (br - r) * a / 256;
            g += (bgc - g) * a / 256;
            b += (bb - b) * a / 256;
            *q = 0xff000000u | (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b;
        }
}

int picture_cover(SDL_Renderer *r, const store_image *im, int w, int h, picture_fade fade,
                  uint32_t bg, text_tex *out)
{
    memset(out, 0, sizeof *out);
    if (!im || !im->bytes || w <= 0 || h <= 0)
        return -1;
    SDL_RWops *rw = SDL_RWFromConstMem(im->bytes, (int)im->n);
    SDL_Surface *raw = rw ? IMG_Load_RW(rw, 1) : NULL;
    if (!raw) {
        log_warn("picture: cannot decode %zu bytes: %s", im->n, IMG_GetError());
        return -1;
    }
    /* only the crop is converted to 32 bits (the scaler's format): less
    ** memory at the peak, where the decoded picture is still held */
    SDL_Rect crop = picture_crop(raw->w, raw->h, im->focus_x, im->focus_y, w, h);
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormat(0, crop.w, crop.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (src) {
        SDL_SetSurfaceBlendMode(raw, SDL_BLENDMODE_NONE);
        if (SDL_BlitSurface(raw, &crop, src, NULL) != 0) {
            SDL_FreeSurface(src);
            src = NULL;
        }
    }
    SDL_FreeSurface(raw);
    if (!src) {
        log_warn("picture: cannot convert %dx%d: %s", crop.w, crop.h, SDL_GetError());
        return -1;
    }
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    int rc = -1;
    if (dst && SDL_SoftStretchLinear(src, NULL, dst, NULL) == 0) {
        uint32_t *px = dst->pixels;
        int pitch_px = dst->pitch / 4;
        for (int y = 0; y < h; y++)                   /* opaque, whatever the source's alpha */
            for (int x = 0; x < w; x++)
                px[(size_t)y * (size_t)pitch_px + (size_t)x] |= 0xff000000u;
        if (fade != PICTURE_FADE_NONE)
            fade_pixels(px, w, h, pitch_px, fade, bg);
        if (pitch_px == w)
            rc = text_image(r, px, w, h, out);
        if (rc == 0) {
            SDL_SetTextureScaleMode(out->tex, SDL_ScaleModeLinear);
            SDL_SetTextureBlendMode(out->tex, SDL_BLENDMODE_NONE);
            out->opaque = 1;                    /* copied, not blended, when drawn opaque */
        }
    } else {
        log_warn("picture: cannot scale %dx%d to %dx%d: %s", src->w, src->h, w, h, SDL_GetError());
    }
    SDL_FreeSurface(dst);
    SDL_FreeSurface(src);
    return rc;
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
