/*
** src/app/plat.c: SDL window, renderer, events and rotation (see plat.h).
*/
#include "app/plat.h"

#include "common/util.h"

#include <SDL.h>
#include <png.h>            /* libpng: shots at a fast compression level */
#include <SDL_ttf.h>        /* TTF_Init/Quit live with the other SDL lifetimes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_WINDOW_W 1280   /* px, desktop window when no size is configured */
#define DEFAULT_WINDOW_H 800

struct plat {
    SDL_Window *win;            /* NULL headless */
    SDL_Surface *surface;       /* headless output; owned */
    SDL_Renderer *r;
    SDL_Texture *frame;         /* logical-size target when rotated; owned */
    int rotate;                 /* degrees clockwise */
    int pw, ph;                 /* output px */
    int sw, sh;                 /* headless: the surface's px (>= pw, ph) */
    int lw, lh;                 /* logical px */
    int kiosk;                  /* fullscreen: window close ignored */
    int kmsdrm;                 /* video driver is kmsdrm (no desktop) */
    int cursor_shown;
};

uint32_t plat_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

uint64_t plat_clock_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void plat_map_point(int rotate, int pw, int ph, float px, float py, float *lx, float *ly)
{
    int turned = rotate == 90 || rotate == 270;
    float lw = (float)(turned ? ph : pw), lh = (float)(turned ? pw : ph);
    float dx = px - (float)pw / 2, dy = py - (float)ph / 2;
    float ux, uy;       /* inverse of the clockwise turn applied on output */
    switch (rotate) {
    case 90:  ux = dy;  uy = -dx; break;
    case 180: ux = -dx; uy = -dy; break;
    case 270: ux = -dy; uy = dx;  break;
    default:  ux = dx;  uy = dy;  break;
    }
    *lx = ux + lw / 2;
    *ly = uy + lh / 2;
}

static void set_logical(plat *p)
{
    int turned = p->rotate == 90 || p->rotate == 270;
    p->lw = turned ? p->ph : p->pw;
    p->lh = turned ? p->pw : p->ph;
}

/* Headless, the output is the top-left pw x ph of a surface that may be
** larger (room for plat_resize): draw and read only there. */
static void set_viewport(plat *p)
{
    if (p->surface) {
        SDL_Rect vp = { 0, 0, p->pw, p->ph };
        SDL_RenderSetViewport(p->r, &vp);
    }
}

static int make_frame(plat *p)
{
    SDL_DestroyTexture(p->frame);
    p->frame = NULL;
    if (p->rotate == 0)
        return 0;
    p->frame = SDL_CreateTexture(p->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                 p->lw, p->lh);
    if (!p->frame) {
        log_error("plat: cannot create %dx%d frame texture: %s", p->lw, p->lh, SDL_GetError());
        return -1;
    }
    return 0;
}

static SDL_Renderer *make_renderer(plat *p)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    p->kmsdrm = drv && strcmp(drv, "kmsdrm") == 0;
    if (p->kmsdrm)
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    SDL_Renderer *r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_ACCELERATED |
                                         SDL_RENDERER_TARGETTEXTURE | SDL_RENDERER_PRESENTVSYNC);
    if (!r) {
        log_warn("plat: no accelerated renderer (%s); using the software renderer",
                 SDL_GetError());
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (r) {
        SDL_RendererInfo info;
        SDL_GetRendererInfo(r, &info);
        log_info("plat: video driver %s, renderer %s", drv ? drv : "?", info.name);
    }
    return r;
}

static int open_window(plat *p, const config *cfg)
{
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = cfg->width, h = cfg->height;
    if (cfg->fullscreen) {
        flags |= (w && h) ? SDL_WINDOW_FULLSCREEN : SDL_WINDOW_FULLSCREEN_DESKTOP;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    SDL_DisplayMode dm;
    int pos = SDL_WINDOWPOS_CENTERED;
    if ((!w || !h) && cfg->fullscreen && SDL_GetDesktopDisplayMode(0, &dm) == 0) {
        w = dm.w;               /* the display's size from the start: without a window */
        h = dm.h;               /* manager nobody makes the window fullscreen, and it */
        pos = 0;                /* must not be laid out for a size it does not have */
    }
    if (!w || !h) {
        w = DEFAULT_WINDOW_W;
        h = DEFAULT_WINDOW_H;
    }
    p->win = SDL_CreateWindow("Vitrine", pos, pos, w, h, flags);
    if (!p->win) {
        log_error("plat: cannot open a %dx%d window: %s", w, h, SDL_GetError());
        return -1;
    }
    if (!(p->r = make_renderer(p))) {
        log_error("plat: cannot create a renderer: %s", SDL_GetError());
        return -1;
    }
    SDL_GetRendererOutputSize(p->r, &p->pw, &p->ph);
    return 0;
}

static int open_headless(plat *p, const config *cfg, int max_w, int max_h)
{
    p->pw = cfg->width ? cfg->width : DEFAULT_WINDOW_W;
    p->ph = cfg->height ? cfg->height : DEFAULT_WINDOW_H;
    p->sw = max_w > p->pw ? max_w : p->pw;
    p->sh = max_h > p->ph ? max_h : p->ph;
    p->surface = SDL_CreateRGBSurfaceWithFormat(0, p->sw, p->sh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!p->surface || !(p->r = SDL_CreateSoftwareRenderer(p->surface))) {
        log_error("plat: headless %dx%d surface: %s", p->pw, p->ph, SDL_GetError());
        return -1;
    }
    return 0;
}

plat *plat_create(const config *cfg, int headless, int max_w, int max_h)
{
    plat *p = xcalloc(1, sizeof *p);
    p->rotate = cfg->rotate;
    p->kiosk = cfg->fullscreen && !headless;
    /* Our SIGINT/SIGTERM handlers set a flag (main.c); SDL's would post SDL_QUIT. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");      /* no mouse events from touch */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");      /* no touch events from the mouse */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (cfg->kms_device >= 0) {
        char idx[16];
        snprintf(idx, sizeof idx, "%d", cfg->kms_device);
        SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, idx);
        log_info("plat: KMSDRM device index %d (/dev/dri/card%d)", cfg->kms_device, cfg->kms_device);
    }
    if (headless)
        setenv("SDL_VIDEODRIVER", "dummy", 1);   /* events only: nothing is shown */
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_error("plat: SDL_Init: %s", SDL_GetError());
        free(p);
        return NULL;
    }
    if (TTF_Init() != 0) {
        log_error("plat: TTF_Init: %s", TTF_GetError());
        goto err;
    }
    if ((headless ? open_headless(p, cfg, max_w, max_h) : open_window(p, cfg)) != 0)
        goto err;
    set_logical(p);
    set_viewport(p);
    if (make_frame(p) != 0)
        goto err;
    if (p->kiosk || p->kmsdrm)
        SDL_ShowCursor(SDL_DISABLE);
    p->cursor_shown = !(p->kiosk || p->kmsdrm);
    return p;
err:
    plat_destroy(p);
    return NULL;
}

void plat_destroy(plat *p)
{
    if (!p)
        return;
    SDL_DestroyTexture(p->frame);
    SDL_DestroyRenderer(p->r);
    SDL_FreeSurface(p->surface);
    if (p->win)
        SDL_DestroyWindow(p->win);
    free(p);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
}

SDL_Renderer *plat_renderer(plat *p) { return p->r; }
void plat_logical_size(const plat *p, int *w, int *h) { *w = p->lw; *h = p->lh; }

double plat_px_per_mm(const plat *p)
{
    /* only straight on the panel: a desktop window previews some other
    ** display, whose size its monitor's DPI does not tell */
    float ddpi = 0;
    if (!p->kmsdrm || !p->win ||
        SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(p->win), &ddpi, NULL, NULL) != 0 || !(ddpi > 0))
        return 0;
    return (double)ddpi / 25.4;
}
void plat_output_size(const plat *p, int *w, int *h) { *w = p->pw; *h = p->ph; }

static int mods_of(Uint16 m)
{
    return ((m & KMOD_CTRL) ? CFG_MOD_CTRL : 0) | ((m & KMOD_ALT) ? CFG_MOD_ALT : 0) |
           ((m & KMOD_SHIFT) ? CFG_MOD_SHIFT : 0) | ((m & KMOD_GUI) ? CFG_MOD_GUI : 0);
}

static void show_cursor(plat *p, int show)
{
    if (show == p->cursor_shown || (show && p->kmsdrm))
        return;
    SDL_ShowCursor(show ? SDL_ENABLE : SDL_DISABLE);
    p->cursor_shown = show;
}

/* Mouse px are window coordinates: in a high-DPI window scale to output px. */
static void mouse_to_output(plat *p, int mx, int my, float *ox, float *oy)
{
    int ww = p->pw, wh = p->ph;
    if (p->win)
        SDL_GetWindowSize(p->win, &ww, &wh);
    *ox = (float)mx * (float)p->pw / (float)(ww ? ww : 1);
    *oy = (float)my * (float)p->ph / (float)(wh ? wh : 1);
}

static int resized(plat *p)
{
    int w, h;
    if (!p->win || SDL_GetRendererOutputSize(p->r, &w, &h) != 0 || (w == p->pw && h == p->ph))
        return 0;
    p->pw = w;
    p->ph = h;
    set_logical(p);
    make_frame(p);
    return 1;
}

int plat_translate(plat *p, const SDL_Event *ev, plat_input *in)
{
    memset(in, 0, sizeof *in);
    float ox, oy;
    switch (ev->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        show_cursor(p, 0);
        in->kind = ev->type == SDL_FINGERDOWN ? PIN_DOWN : ev->type == SDL_FINGERUP ? PIN_UP : PIN_MOVE;
        plat_map_point(p->rotate, p->pw, p->ph, ev->tfinger.x * (float)p->pw,
                       ev->tfinger.y * (float)p->ph, &in->x, &in->y);
        in->pointer = (long long)ev->tfinger.fingerId;
        in->touch = 1;
        return 1;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
            return 0;
        in->kind = ev->type == SDL_MOUSEBUTTONDOWN ? PIN_DOWN : PIN_UP;
        mouse_to_output(p, ev->button.x, ev->button.y, &ox, &oy);
        break;
    case SDL_MOUSEMOTION:
        if (ev->motion.which == SDL_TOUCH_MOUSEID)
            return 0;
        show_cursor(p, 1);
        if (!(ev->motion.state & SDL_BUTTON_LMASK))
            return 0;
        in->kind = PIN_MOVE;
        mouse_to_output(p, ev->motion.x, ev->motion.y, &ox, &oy);
        break;
    case SDL_KEYDOWN:
        if (ev->key.repeat)
            return 0;
        in->kind = PIN_KEY;
        in->key = (int)ev->key.keysym.sym;
        in->mods = mods_of(ev->key.keysym.mod);
        return 1;
    case SDL_QUIT:
        if (p->kiosk)       /* a kiosk quits only by the admin keys or a signal */
            return 0;
        in->kind = PIN_CLOSE;
        return 1;
    case SDL_WINDOWEVENT:       /* any of them may be the first to see a new size */
        if (resized(p))
            in->kind = PIN_RESIZE;
        else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
                 ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                 ev->window.event == SDL_WINDOWEVENT_RESIZED)
            in->kind = PIN_REDRAW;
        else
            return 0;
        return 1;
    default:
        return 0;
    }
    plat_map_point(p->rotate, p->pw, p->ph, ox, oy, &in->x, &in->y);
    in->pointer = -1;
    return 1;
}

int plat_frame_begin(plat *p)
{
    if (SDL_SetRenderTarget(p->r, p->frame) != 0) {     /* NULL: the output itself */
        log_error("plat: set render target: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

int plat_frame_finish(plat *p)
{
    if (!p->frame)
        return 0;
    SDL_SetRenderTarget(p->r, NULL);
    SDL_Rect dst = { (p->pw - p->lw) / 2, (p->ph - p->lh) / 2, p->lw, p->lh };
    if (SDL_RenderCopyEx(p->r, p->frame, NULL, &dst, (double)p->rotate, NULL, SDL_FLIP_NONE) != 0) {
        log_error("plat: rotated copy: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

void plat_present(plat *p) { SDL_RenderPresent(p->r); }

int plat_resize(plat *p, int w, int h)
{
    if (p->win) {
        SDL_SetWindowSize(p->win, w, h);
        return 0;
    }
    if (w > p->sw || h > p->sh) {
        log_error("plat: headless resize to %dx%d: larger than the %dx%d surface", w, h, p->sw, p->sh);
        return -1;
    }
    p->pw = w;
    p->ph = h;
    set_logical(p);
    set_viewport(p);
    return make_frame(p);
}

/* Shots: the output read back in strips of SHOT_STRIP_ROWS rows and
** written with libpng at a fast setting: zlib level 1, no row filter (the
** filters cost more time than they save here: screens are flat colour and
** text, which deflate's matches already catch). At 1080p about a sixth of
** the CPU time of IMG_SavePNG's default, and a strip in memory instead of
** a copy of the whole frame. */
#define SHOT_STRIP_ROWS  64     /* rows read back at a time */
#define SHOT_ZLIB_LEVEL  1      /* 1 fastest .. 9 smallest */

/* Write the rows after png_write_info: each strip read back as BGRA32 (the
** renderer's own layout: a copy, no conversion), each row packed to RGB
** into row (3 * pw bytes). -1 on a read-back error. */
static int shot_rows(plat *p, png_structp png, uint8_t *strip, int pitch, uint8_t *row)
{
    for (int y0 = 0; y0 < p->ph; y0 += SHOT_STRIP_ROWS) {
        int n = p->ph - y0 < SHOT_STRIP_ROWS ? p->ph - y0 : SHOT_STRIP_ROWS;
        SDL_Rect r = { 0, y0, p->pw, n };
        if (SDL_RenderReadPixels(p->r, &r, SDL_PIXELFORMAT_BGRA32, strip, pitch) != 0)
            return -1;
        for (int y = 0; y < n; y++) {
            const uint8_t *s = strip + (size_t)y * (size_t)pitch;
            for (int x = 0; x < p->pw; x++, s += 4) {
                row[3 * x] = s[2];
                row[3 * x + 1] = s[1];
                row[3 * x + 2] = s[0];
            }
            png_write_row(png, row);
        }
    }
    return 0;
}

static int shot_write(plat *p, FILE *fp, uint8_t *strip, int pitch, uint8_t *row)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (!info)
        goto out;
    if (setjmp(png_jmpbuf(png)))                /* libpng's errors land here */
        goto out;
    png_init_io(png, fp);
    png_set_compression_level(png, SHOT_ZLIB_LEVEL);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)p->pw, (png_uint_32)p->ph, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    if (shot_rows(p, png, strip, pitch, row) == 0) {
        png_write_end(png, NULL);
        rc = 0;
    }
out:
    png_destroy_write_struct(&png, &info);
    return rc;
}

int plat_save_png(plat *p, const char *path)
{
    int pitch = p->pw * 4;
    uint8_t *strip = malloc((size_t)pitch * SHOT_STRIP_ROWS), *row = malloc((size_t)p->pw * 3);
    FILE *fp = strip && row ? fopen(path, "wb") : NULL;
    int rc = fp ? shot_write(p, fp, strip, pitch, row) : -1;
    if (fp && fclose(fp) != 0)
        rc = -1;
    if (rc != 0)
        log_error("plat: cannot save %s: %s", path, fp ? SDL_GetError() : "cannot open for writing");
    free(strip);
    free(row);
    return rc;
}

void plat_wait(plat *p, int timeout_ms)
{
    if (timeout_ms <= 0)
        return;
    if (!p->win)
        SDL_Delay((Uint32)timeout_ms);          /* headless: nothing can arrive */
    else
        SDL_WaitEventTimeout(NULL, timeout_ms);
}
