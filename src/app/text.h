/*
** src/app/text.h: the text API every screen uses (font_ + layout_ behind it).
**
** Fonts: a font_lib holds the bundled faces (fonts/): a sans for UI and
** headings, a serif for quotes, and a CJK fallback; each character is drawn
** from the first face that provides it, so no text the bundled fonts can
** show becomes a tofu box.
**
** Text is laid out once (UAX #14 line breaking, measured with the real
** faces) and rendered once into a texture that the screen keeps until its
** content or size changes. Nothing here is called per frame.
**
** A rendered text never exceeds its box: either it is laid out within
** box_w x box_h, or its last visible line ends with an ellipsis.
*/
#ifndef VITRINE_TEXT_H
#define VITRINE_TEXT_H

#include <SDL.h>
#include <stdint.h>

typedef struct font_lib font_lib;   /* opaque */

typedef enum font_style {
    FONT_SANS,          /* UI and body text */
    FONT_SANS_BOLD,     /* headings */
    FONT_SERIF,         /* quotes */
    FONT_SERIF_ITALIC,
    FONT_STYLE_COUNT
} font_style;

/* Load the bundled faces from dir (e.g. "fonts"). NULL with a log line
** naming the missing file on failure. Needs TTF_Init() done by the caller. */
font_lib *font_lib_create(const char *dir);
void font_lib_destroy(font_lib *f);               /* NULL is fine */

typedef enum text_align { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT } text_align;

typedef struct text_style {
    font_style font;
    int px;             /* font size, pixels */
    int line_pct;       /* line height, % of the face's natural line skip; 0 = 100 */
    text_align align;
    int max_lines;      /* 0 = as many as fit in the box */
    SDL_Color color;
} text_style;

typedef struct text_tex {
    SDL_Texture *tex;   /* owned; NULL for empty text */
    int w, h;           /* size of tex in pixels (h <= box_h, w <= box_w) */
    int lines;          /* lines drawn */
    int truncated;      /* 1 if an ellipsis replaced the rest */
    int opaque;         /* 1: every pixel opaque (a picture): drawn without
                        ** blending when drawn at full opacity */
} text_tex;

/* Lay out utf8 into box_w x box_h (box_h 0 = unbounded) and render it.
** 0 ok, -1 on a rendering error (logged).
** Geometry: the texture's top-left is the box's top-left; lines are aligned
** within box_w, so a centred or right-aligned text is box_w wide. */
int text_render(SDL_Renderer *r, font_lib *f, const char *utf8,
                const text_style *st, int box_w, int box_h, text_tex *out);

/* "Fit": the largest size in [px_min, px_max] at which the whole text fits
** the box; if none does, px_min with an ellipsis. st->px is set to the size
** chosen. */
int text_render_fit(SDL_Renderer *r, font_lib *f, const char *utf8,
                    text_style *st, int px_min, int px_max,
                    int box_w, int box_h, text_tex *out);

/* A quotation set within its sentence: bytes [off, off + len) of the text
** drawn in color (same face and size: the layout is the same as without). */
typedef struct text_mark {
    size_t off, len;
    SDL_Color color;
} text_mark;

/* text_render_fit with the bytes of mark (NULL: none) in its colour. */
int text_render_fit_mark(SDL_Renderer *r, font_lib *f, const char *utf8,
                         text_style *st, int px_min, int px_max,
                         int box_w, int box_h, const text_mark *mark, text_tex *out);

void text_tex_free(text_tex *t);                  /* NULL-safe; zeroes *t */
/* An image made elsewhere (ARGB8888 pixels, w x h, pitch w * 4) as a
** texture in *out, counted and freed like the texts (text_tex_free), so a
** render list can hold it. 0 ok, -1 (logged). */
/* (argb NULL: the texture is made and left for the caller to fill with
** SDL_UpdateTexture, band by band: app/picture.c.) */
int text_image(SDL_Renderer *r, const uint32_t *argb, int w, int h, text_tex *out);
/* A w x h ARGB8888 texture to be filled through its pixels (rows *pitch
** bytes apart), locked: another thread may write them while the caller's
** frames go on; the caller unlocks it (SDL_UnlockTexture) on this thread
** before it is drawn or freed. Counted as text_image's. 0 ok, -1 (logged). */
int text_image_locked(SDL_Renderer *r, int w, int h, text_tex *out, void **pixels, int *pitch);

/* How rendered text reaches its texture (text.c explains both). AUTO, the
** default, is LOCK on the software renderer and COPY elsewhere; tests force
** one to check that both give the same pixels. Process-wide. */
typedef enum text_upload { TEXT_UPLOAD_AUTO, TEXT_UPLOAD_LOCK, TEXT_UPLOAD_COPY } text_upload;
void text_set_upload(text_upload u);

/* Leak counters (process-wide): text textures made by text_render* and not
** yet freed by text_tex_free. text_print_counters prints "bench
** live_textures N open_fonts N max_texture WxH max_texture_bytes N"
** (font_open_live; the largest sides and size of the text textures made)
** on stdout, for --bench. */
long text_tex_live(void);
void text_print_counters(void);

/* The largest texture side the renderer takes (SDL_RendererInfo's
** max_texture_width/height: 2048 on a Pi 0-3, 4096 on a Pi 4; the software
** renderer reports none), lowered by the environment variable
** VITRINE_MAX_TEXTURE=N (tests impose a GPU's limit on the software
** renderer). INT_MAX when there is no limit. No texture made here exceeds
** it: a taller text is cut into bands (text_block_band); a text_render
** result that would not fit is cut off at the limit, logged. */
int text_max_texture(SDL_Renderer *r);
/* Memory budget of one text texture (bytes): long texts are cut into bands
** of at most this size, so a page holds a few screens of pixels whatever
** its length. */
#define TEXT_TEX_BUDGET (2 << 20)

/* Layout only, no rendering: what text_render would produce. */
typedef struct text_size {
    int w, h;           /* px; as text_tex's w, h */
    int lines;
    int truncated;
} text_size;

/* As text_render without drawing (for screens that need sizes first).
** 0 ok, -1 on a font error. */
int text_measure(font_lib *f, const char *utf8, const text_style *st,
                 int box_w, int box_h, text_size *out);

/* The size text_render_fit would choose (st->px is set), and its size. */
int text_measure_fit(font_lib *f, const char *utf8, text_style *st,
                     int px_min, int px_max, int box_w, int box_h,
                     text_size *out);

/* A text laid out now and rendered later, or rendered, freed and rendered
** again, without laying it out again: long pages (the full article) keep
** every paragraph as a block and textures only for those near the view.
** Owns a copy of the text and of the layout's runs (a few hundred bytes per
** paragraph). */
struct layout_run;
typedef struct text_block {
    char *utf8;                 /* owned copy */
    struct layout_run *runs;    /* owned copy */
    int n_runs;
    text_style st;
    int w, h, lines, truncated; /* as text_tex's */
    int ascent;                 /* line metric: a line's top is its baseline - ascent */
    int y0;                     /* a band (text_block_band): its top in the whole text */
} text_block;

/* Lay utf8 out as text_render would and keep it in *out. 0 ok, -1 on a
** font error (*out is then empty). */
int text_block_layout(font_lib *f, const char *utf8, const text_style *st,
                      int box_w, int box_h, text_block *out);
/* Render the block; the result is what text_render would have made. */
int text_block_render(SDL_Renderer *r, font_lib *f, const text_block *b, text_tex *out);
void text_block_free(text_block *b);             /* NULL-safe; zeroes *b */

/* A band of whole lines of the block b: the lines whose tops are in
** [y0, y0 + max_h) (at least one), as a block of its own (b's text and
** runs that can reach the band, copied) that renders exactly those rows of
** b's picture: the bands of a text drawn one under the other give the
** pixels of the whole text. y0 is 0 or a line's top (the previous band's
** y0 + h). Returns the band's height, 0 when y0 is at or past the end. */
int text_block_band(const text_block *b, int y0, int max_h, text_block *out);
/* The height of a band of text w px wide that fits the renderer's maximum
** and TEXT_TEX_BUDGET (at least 1). */
int text_band_max(SDL_Renderer *r, int w);

#endif
