/*
** src/app/plat.h: the platform edge: SDL window, renderer, events, rotation.
**
** Two sizes matter. The OUTPUT (physical) size is the panel's pixels, as
** mounted: --size / display.width x height. The LOGICAL size is what screens
** lay out for: the output size turned by the rotation (90/270 swap w and h).
** With rotation, a frame is rendered into a target texture of the logical
** size and copied turned onto the output (SDL_RenderCopyEx); every touch and
** mouse coordinate is mapped back through the same transform
** (plat_map_point), so input always lands where the content is drawn.
**
** Renderer choice: headless -> software renderer onto an SDL_Surface (no
** window, no display server); KMSDRM -> opengles2 (SDL#3678/#4808), falling
** back to software with a log line; other drivers -> accelerated, else
** software.
*/
#ifndef VITRINE_PLAT_H
#define VITRINE_PLAT_H

#include "app/config.h"

#include <SDL.h>
#include <stdint.h>

typedef struct plat plat;   /* opaque */

typedef enum plat_input_kind {
    PIN_NONE,
    PIN_DOWN, PIN_MOVE, PIN_UP, /* a finger or the left mouse button, logical px */
    PIN_KEY,                    /* key pressed: key (SDL_Keycode), mods (CFG_MOD_*) */
    PIN_CLOSE,                  /* window close honoured (not in fullscreen kiosk mode) */
    PIN_REDRAW,                 /* exposed: draw again */
    PIN_RESIZE,                 /* output size changed: prepare screens again */
} plat_input_kind;

typedef struct plat_input {
    plat_input_kind kind;
    float x, y;                 /* logical px (pointer kinds) */
    long long pointer;          /* finger id, or -1 for the mouse */
    int touch;                  /* 1: from a touchscreen */
    int key, mods;
} plat_input;

/* Create window + renderer (or the headless surface). NULL on failure,
** logged. Calls SDL_Init. cfg is read only during the call. Headless, the
** offscreen surface is made max_w x max_h when that is larger than the
** configured size (room for plat_resize; 0 x 0: none). */
plat *plat_create(const config *cfg, int headless, int max_w, int max_h);
/* The output becomes w x h px: a window is resized (its SIZE_CHANGED event
** follows); headless, the frame uses the top-left w x h of the surface
** (at most the size it was created with). 0, or -1 (logged). The caller
** lays out again (the app does on PIN_RESIZE / at once headless). */
int plat_resize(plat *p, int w, int h);
void plat_destroy(plat *p);                     /* NULL-safe; SDL_Quit */

SDL_Renderer *plat_renderer(plat *p);
void plat_logical_size(const plat *p, int *w, int *h);
/* The panel's px per mm from its EDID as SDL reports it (KMSDRM only); 0
** when unknown. */
double plat_px_per_mm(const plat *p);
void plat_output_size(const plat *p, int *w, int *h);

/* Translate one SDL event. Returns 1 if *in was filled. Touch-synthesised
** mouse events are dropped (SDL#3202). */
int plat_translate(plat *p, const SDL_Event *ev, plat_input *in);

/* Frame: begin sets the render target (the logical frame texture when
** rotated), finish copies it onto the output. Read pixels between finish
** and present. 0 ok, -1 on an SDL error (logged). */
int plat_frame_begin(plat *p);
int plat_frame_finish(plat *p);
void plat_present(plat *p);
int plat_save_png(plat *p, const char *path);   /* the output, as shown */

/* Sleep until an event arrives or timeout_ms passes. */
void plat_wait(plat *p, int timeout_ms);
uint32_t plat_clock_ms(void);                   /* monotonic ms, real time */
uint64_t plat_clock_us(void);                   /* monotonic us, for --bench timings */

/* Pure: map a point on the output (physical px) to logical px for an output
** of pw x ph shown at rotate degrees clockwise. */
void plat_map_point(int rotate, int pw, int ph, float px, float py, float *lx, float *ly);

#endif
