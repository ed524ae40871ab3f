/*
** src/app/render.h: drawing helpers over cached textures, and the screen
** transitions. Everything here is called per frame and allocates nothing.
*/
#ifndef VITRINE_RENDER_H
#define VITRINE_RENDER_H

#include "app/screen.h"
#include "app/text.h"

#include <SDL.h>
#include <stdint.h>

/* A screen's cached content: rendered texts and filled boxes, drawn in
** order. Fixed capacity, filled in prepare, drawn per frame without
** allocating. Owns the textures. */
#define RENDER_LIST_MAX 48

typedef struct render_item {
    text_tex text;              /* owned; text.tex NULL for a box */
    SDL_Rect box;               /* position (x, y) for a text; rect for a box */
    uint32_t rgb;               /* box colour 0xRRGGBB */
} render_item;

typedef struct render_list {
    render_item items[RENDER_LIST_MAX];
    int n;
} render_list;

/* Add a text rendered at (x, y) (takes ownership of *t, zeroing it) or a box.
** Beyond capacity the item is dropped with a log line. */
void render_list_text(render_list *l, text_tex *t, int x, int y);
void render_list_box(render_list *l, SDL_Rect box, uint32_t rgb);
void render_list_draw(SDL_Renderer *r, const render_list *l, int x_off, uint8_t alpha);
void render_list_free(render_list *l);          /* frees textures; n = 0 */

/* 0xRRGGBB -> SDL_Color, opaque. */
SDL_Color render_color(uint32_t rgb);

void render_clear(SDL_Renderer *r, uint32_t rgb);
/* Copy a rendered text at (x, y) with opacity alpha. Empty text is fine. */
void render_text(SDL_Renderer *r, const text_tex *t, int x, int y, uint8_t alpha);
void render_box(SDL_Renderer *r, const SDL_Rect *box, uint32_t rgb, uint8_t alpha);

/* Where the two screens of a transition are at progress p (0..1): the
** outgoing one (a) and the incoming one (b). Pure; tests call it. */
typedef struct render_place { int x_off; uint8_t alpha; } render_place;
void render_transition_place(int kind, int dir, float p, int w,
                             render_place *a, render_place *b);
float render_ease(float t);         /* smooth in-out, 0..1 -> 0..1 */

/* Compose one transition frame: clear to bg, then both screens.
** kind: TRANSITION_CROSSFADE or TRANSITION_SLIDE; dir: +1 forward, -1 back.
** snap (may be NULL): an opaque snapshot, used by a crossfade, which is
** then exact and cheap (the blitter's fast surface-alpha path for one
** full-screen image instead of every text texture of both screens with
** modulated per-pixel alpha):
**   snap_of_from 0: a snapshot of `to` (render_snapshot), blended at p over
**                   `from` drawn opaque;
**   snap_of_from 1: the outgoing frame (render_readback), blended at 1 - p
**                   over `to` drawn opaque; `from` may then be NULL (it was
**                   destroyed before the snapshot was allocated). */
void render_transition(SDL_Renderer *r, screen *from, screen *to, SDL_Texture *snap,
                       int snap_of_from, int kind, int dir, float p, int w, uint32_t bg);

/* 1 for the software renderer, whose render target keeps what was drawn
** into it (a GPU back buffer is undefined after a present). */
int render_is_software(SDL_Renderer *r);

/* Copy the current render target (w x h) into *snap, a new opaque
** streaming texture (the old one is destroyed). 0 ok, -1 (logged; *snap NULL). */
int render_readback(SDL_Renderer *r, SDL_Texture **snap, int w, int h);

/* Draw screen s opaque on bg into *snap (created or re-created at w x h,
** XRGB, reused across transitions). 0 ok, -1 (logged; *snap NULL). */
int render_snapshot(SDL_Renderer *r, screen *s, SDL_Texture **snap, int w, int h, uint32_t bg);

#endif
