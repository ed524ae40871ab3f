/*
** src/app/picture.h: an article's picture on screen (picture_).
**
** Pictures arrive encoded from the store (store_image_lead) and are decoded
** here once, at prepare: cropped around their focal point to the shape of
** the place they fill ("cover"), scaled row by row to exactly that many
** pixels (or cut to it, picture_tighten) and uploaded as one texture.
** Nothing is decoded or scaled per frame: a frame blits the texture, or a
** w x h window of a slightly larger one for the slideshow's slow pan
** (picture_pan_rect). The slideshow's next picture is decoded ahead, on a
** thread, into its locked texture (picture_prefetch).
*/
#ifndef VITRINE_PICTURE_H
#define VITRINE_PICTURE_H

#include "app/store.h"
#include "app/text.h"

#include <SDL.h>
#include <stdint.h>

#define PICTURE_PAN_PCT 6       /* slideshow pan: the texture is this % larger */

/* The largest rect of w:h shape inside an iw x ih picture, centred on the
** focal point (fx, fy in 0..1) as far as the picture allows. Pure. */
SDL_Rect picture_crop(int iw, int ih, float fx, float fy, int w, int h);

/* A cover crop (picture_crop's, in the pixels it will be read at) at most
** PICTURE_TIGHT_PCT larger than the w x h place is cut down to exactly w x h
** around the focal point instead of being resampled: a picture framed a
** little tighter, read pixel for pixel (no scaler pass, no resampling
** blur). A 1920 px picture behind a 1080p summary slide is such a case:
** the scaler had been a third of that slide's prepare. Larger crops are
** returned unchanged (they are scaled). Pure. */
#define PICTURE_TIGHT_PCT 15
SDL_Rect picture_tighten(SDL_Rect crop, float fx, float fy, int iw, int ih, int w, int h);

/* How a picture meets the text beside it: no fade, or faded into bg from
** its left (text to its left) or top (text above) edge. */
typedef enum picture_fade { PICTURE_FADE_NONE, PICTURE_FADE_LEFT, PICTURE_FADE_TOP }
    picture_fade;

/* Decode im and make a w x h texture of it (cover crop, focal point kept).
** fade: into bg (0xRRGGBB) as described; 0 ok, -1 (logged: an
** undecodable picture) with *out empty. The texture counts as a text
** texture (text.h's live counter) and is freed with text_tex_free. */
int picture_cover(SDL_Renderer *r, const store_image *im, int w, int h, picture_fade fade,
                  uint32_t bg, text_tex *out);

/* Decode a cover ahead, on a thread of its own, while the screen on show
** goes on: the slideshow's next summary slide. The texture is made (and
** locked) here; a picture_cover call with the same picture, size, fade
** and background takes it, waiting for the thread if it is not done; a
** call with anything else, or picture_prefetch_cancel, stops and drops it.
** (On renderers other than the software one a buffer is filled instead
** and uploaded when taken: see picture.c.)
** One at a time (a new one replaces the last); main thread only; the
** picture's bytes are copied. 0 started, -1 (nothing pending). */
int picture_prefetch(SDL_Renderer *r, const store_image *im, int w, int h, picture_fade fade,
                     uint32_t bg);
void picture_prefetch_cancel(void);
/* 1 while a prefetched cover is held (tests). */
int picture_prefetch_pending(void);
/* Tests: 1 fills a buffer ahead on every renderer, as on those whose
** streaming textures keep a copy of their pixels (OpenGL ES); 0 the
** default (the software renderer fills its locked texture). */
void picture_prefetch_buffered(int on);

/* A picture file (a logo) scaled to fit max_w x max_h, its shape and
** transparency kept. 0 ok, -1 (logged, naming the file). */
int picture_file(SDL_Renderer *r, const char *path, int max_w, int max_h, text_tex *out);

/* The w x h window of a pan texture (w, h grown by PICTURE_PAN_PCT) at
** progress t in 0..1: from one corner toward the focal point's side,
** whole pixels. Pure. */
SDL_Rect picture_pan_rect(int tex_w, int tex_h, int w, int h, float fx, float fy, float t);

/* Blit src of t to dst with alpha (opaque pictures copy without blending
** at 255). No allocation. */
void picture_draw(SDL_Renderer *r, const text_tex *t, const SDL_Rect *src, const SDL_Rect *dst,
                  uint8_t alpha);

#endif
