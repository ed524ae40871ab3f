/*
** src/app/font.c: bundled faces, per-codepoint fallback, TTF_Font cache,
** and the layout measurer over SDL_ttf (see font.h).
**
** Sizes: TTF_OpenFont's ptsize at its default 72 dpi is the em size in px.
** The face files are mapped at create time (about 6 MB, mostly the CJK
** face; only the pages in use are resident); every TTF_Font reads from
** there. Coverage is asked of one
** "probe" TTF_Font per face (coverage does not depend on size).
**
** Hinting: only up to FONT_HINT_MAX_PX. Hinting snaps outlines to the
** pixel grid, which matters for small text and not for large: above that
** size the faces are drawn as designed (macOS draws every size so). It is
** also what preparing a screen spent most of its time on: a fitted text is
** measured at several sizes, each a new TTF_Font whose every glyph ran
** the TrueType bytecode interpreter (TT_RunIns, 42% of a quote slide's
** prepare under callgrind). Unhinted, the quote slide's prepare fell from
** 16-26 ms to 6-8 ms at 1080p. Measuring and drawing use the same TTF_Font,
** so widths and pixels agree at every size.
**
** Shaping: SDL_ttf 2.20 shapes each run with HarfBuzz (kerning, ligatures)
** using its default direction/script (left to right); CJK runs need no
** script of their own for horizontal text, so TTF_SetFontScriptName is not
** used. Right-to-left scripts are not supported.
*/
#include "app/font.h"
#include "common/util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROBE_PX 16                 /* size of the per-face coverage probe */

/* TTF_Fonts open in every font_lib (probes + cache): font_open_live. */
static long fonts_live;

long font_open_live(void) { return fonts_live; }

static void close_font(TTF_Font *font)
{
    if (!font) return;
    TTF_CloseFont(font);
    fonts_live--;
}

static const char *const face_files[FACE_COUNT] = {
    [FACE_INTER] = "Inter-Regular.otf",
    [FACE_INTER_SEMIBOLD] = "Inter-SemiBold.otf",
    [FACE_SERIF] = "NotoSerif-Regular.ttf",
    [FACE_SERIF_ITALIC] = "NotoSerif-Italic.ttf",
    [FACE_CJK] = "DroidSansFallbackFull.ttf",
};

/* Fallback chains, -1 terminated (see font.h for the reasons of the order:
** the style's own face, then the nearest other design, CJK last). */
static const int chains[FONT_STYLE_COUNT][FACE_COUNT + 1] = {
    [FONT_SANS] = {FACE_INTER, FACE_SERIF, FACE_CJK, -1},
    [FONT_SANS_BOLD] = {FACE_INTER_SEMIBOLD, FACE_INTER, FACE_SERIF, FACE_CJK, -1},
    [FONT_SERIF] = {FACE_SERIF, FACE_INTER, FACE_CJK, -1},
    [FONT_SERIF_ITALIC] = {FACE_SERIF_ITALIC, FACE_SERIF, FACE_INTER, FACE_CJK, -1},
};

/* Widths of short strings (words) per (face, px): layout measures every
** word of a text, and the same words come back in the next layout of the
** same size (measure then render, the answer of a fit, the next article).
** Direct-mapped; the key is compared in full, so a hit is exact. */
#define WIDTH_SLOTS 8192                /* power of two; 32 bytes each */
#define WIDTH_BYTES 20                  /* longer strings are not cached */

typedef struct width_entry {
    uint32_t hash;
    int32_t w;
    uint16_t px;
    uint8_t face, len;                  /* len 0: empty slot */
    char s[WIDTH_BYTES];
} width_entry;

typedef struct font_slot {
    TTF_Font *font;     /* owned; NULL = free slot */
    int face, px;
    unsigned long used; /* LRU tick */
} font_slot;

struct font_lib {
    char *dir;                      /* owned */
    void *data[FACE_COUNT];         /* owned: the face files, mapped (or read) */
    size_t size[FACE_COUNT];
    int mapped[FACE_COUNT];         /* 1: munmap data, 0: SDL_free it */
    TTF_Font *probe[FACE_COUNT];    /* owned, PROBE_PX */
    font_slot slot[FONT_CACHE_SLOTS];
    unsigned long tick;
    sbuf run;                       /* font_run_text's result */
    void *scratch;                  /* font_scratch's buffer, owned */
    size_t scratch_cap;
    layout_measurer meas;
    layout *lay;                    /* owned */
    long missing;
    width_entry *widths;            /* owned, WIDTH_SLOTS */
};

const char *font_face_file(int face)
{
    return face >= 0 && face < FACE_COUNT ? face_files[face] : "?";
}

int font_chain(font_style style, int *faces, int max)
{
    if ((int)style < 0 || style >= FONT_STYLE_COUNT) style = FONT_SANS;
    int n = 0;
    while (n < max && chains[style][n] >= 0) { faces[n] = chains[style][n]; n++; }
    return n;
}

/* Map every face file once, read-only: TTF_Fonts opened from memory load
** glyphs without a read()/lseek() per glyph, opening another size does not
** touch the disk, and only the pages of the tables and glyphs in use become
** resident (the CJK face is 4 MB; a screen touches a few hundred KB of it).
** Replacing a font file is safe (install.sh renames a new file into place;
** the old inode stays mapped); truncating one in place while the app runs
** is not. Where mmap fails the file is read into memory instead. */
static int load_faces(font_lib *f)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        sbuf path = {0};
        sbuf_addf(&path, "%s/%s", f->dir, face_files[i]);
        int fd = open(path.s, O_RDONLY | O_CLOEXEC);
        struct stat sb;
        if (fd >= 0 && fstat(fd, &sb) == 0 && sb.st_size > 0) {
            void *p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                f->data[i] = p;
                f->size[i] = (size_t)sb.st_size;
                f->mapped[i] = 1;
            }
        }
        if (fd >= 0)
            close(fd);
        if (!f->data[i]) {
            SDL_RWops *rw = SDL_RWFromFile(path.s, "rb");
            f->data[i] = rw ? SDL_LoadFile_RW(rw, &f->size[i], 1) : NULL;
            if (!f->data[i]) log_error("font: cannot read %s: %s", path.s, SDL_GetError());
        }
        sbuf_free(&path);
        if (!f->data[i]) return -1;
    }
    return 0;
}

static TTF_Font *open_face(font_lib *f, int face, int px)
{
    SDL_RWops *rw = SDL_RWFromConstMem(f->data[face], (int)f->size[face]);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!font) log_error("font: cannot open %s at %dpx: %s", face_files[face], px, TTF_GetError());
    else {
        fonts_live++;
        if (px > FONT_HINT_MAX_PX) TTF_SetFontHinting(font, TTF_HINTING_NONE);
    }
    return font;
}

/* ---- measurer callbacks (ctx = font_lib) ------------------------------- */

static int m_chain(void *ctx, int style, int *faces, int max)
{
    (void)ctx;
    return font_chain((font_style)style, faces, max);
}

static int m_has(void *ctx, int face, uint32_t cp) { return font_has(ctx, face, cp); }

static int measure(font_lib *f, int face, int px, const char *s, size_t n)
{
    TTF_Font *font = font_get(f, face, px);
    const char *t = font_run_text(f, face, s, n);
    int w = 0;
    if (!font || !*t) return 0;
    if (TTF_SizeUTF8(font, t, &w, NULL) != 0) return 0;
    return w;
}

static int m_width(void *ctx, int face, int px, const char *s, size_t n)
{
    font_lib *f = ctx;
    if (n == 0 || n > WIDTH_BYTES || px > UINT16_MAX || face < 0 || face > UINT8_MAX)
        return measure(f, face, px, s, n);
    uint32_t h = 2166136261u ^ (uint32_t)face ^ ((uint32_t)px << 8);    /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    width_entry *e = &f->widths[h & (WIDTH_SLOTS - 1)];
    if (e->len == n && e->hash == h && e->px == px && e->face == face && memcmp(e->s, s, n) == 0)
        return e->w;
    int w = measure(f, face, px, s, n);
    e->hash = h; e->w = w; e->px = (uint16_t)px; e->face = (uint8_t)face;
    e->len = (uint8_t)n;
    memcpy(e->s, s, n);
    return w;
}

static void m_metrics(void *ctx, int face, int px, layout_metrics *m)
{
    TTF_Font *font = font_get(ctx, face, px);
    if (!font) { m->ascent = px; m->descent = px / 4; m->skip = px + px / 4; return; }
    m->ascent = TTF_FontAscent(font);
    m->descent = -TTF_FontDescent(font);
    if (m->descent < 0) m->descent = 0;
    m->skip = TTF_FontLineSkip(font);
}

/* ---- lifetime ------------------------------------------------------------ */

font_lib *font_lib_create(const char *dir)
{
    font_lib *f = xcalloc(1, sizeof *f);
    f->dir = xstrdup(dir);
    if (load_faces(f) != 0) goto err;
    for (int i = 0; i < FACE_COUNT; i++) {
        f->probe[i] = open_face(f, i, PROBE_PX);
        if (!f->probe[i]) goto err;
    }
    f->meas.ctx = f;
    f->meas.chain = m_chain;
    f->meas.has = m_has;
    f->meas.width = m_width;
    f->meas.metrics = m_metrics;
    f->lay = layout_create();
    f->widths = xcalloc(WIDTH_SLOTS, sizeof *f->widths);
    return f;
err:
    font_lib_destroy(f);
    return NULL;
}

void font_lib_destroy(font_lib *f)
{
    if (!f) return;
    for (int i = 0; i < FONT_CACHE_SLOTS; i++)
        close_font(f->slot[i].font);
    for (int i = 0; i < FACE_COUNT; i++)
        close_font(f->probe[i]);
    for (int i = 0; i < FACE_COUNT; i++) {
        if (f->mapped[i]) munmap(f->data[i], f->size[i]);
        else SDL_free(f->data[i]);
    }
    layout_destroy(f->lay);
    free(f->widths);
    sbuf_free(&f->run);
    free(f->scratch);
    free(f->dir);
    free(f);
}

/* ---- queries ------------------------------------------------------------- */

int font_has(font_lib *f, int face, uint32_t cp)
{
    if (face < 0 || face >= FACE_COUNT) return 0;
    return TTF_GlyphIsProvided32(f->probe[face], cp) != 0;
}

int font_face_for(font_lib *f, font_style style, uint32_t cp)
{
    int faces[FACE_COUNT];
    int n = font_chain(style, faces, FACE_COUNT);
    for (int i = 0; i < n; i++)
        if (font_has(f, faces[i], cp)) return faces[i];
    return -1;
}

TTF_Font *font_get(font_lib *f, int face, int px)
{
    if (face < 0 || face >= FACE_COUNT || px < 1) return NULL;
    font_slot *victim = &f->slot[0];
    f->tick++;
    for (int i = 0; i < FONT_CACHE_SLOTS; i++) {
        font_slot *s = &f->slot[i];
        if (s->font && s->face == face && s->px == px) { s->used = f->tick; return s->font; }
        if (!s->font) { if (victim->font) victim = s; }
        else if (victim->font && s->used < victim->used) victim = s;
    }
    TTF_Font *font = open_face(f, face, px);
    if (!font) return NULL;
    close_font(victim->font);
    victim->font = font; victim->face = face; victim->px = px; victim->used = f->tick;
    return font;
}

const char *font_run_text(font_lib *f, int face, const char *s, size_t n)
{
    f->run.len = 0;
    sbuf_add(&f->run, "", 0);           /* ensure a NUL-terminated buffer */
    for (size_t o = 0; o < n;) {
        uint32_t cp;
        int k = layout_utf8_next(s + o, n - o, &cp);
        int invalid = k == 1 && cp >= 0x80;
        if (!invalid && !layout_is_control(cp)) {
            if (font_has(f, face, cp)) sbuf_add(&f->run, s + o, (size_t)k);
            else if (layout_is_space(cp)) sbuf_addc(&f->run, ' ');
            /* else: no glyph in this face: draw nothing rather than tofu */
        }
        o += (size_t)k;
    }
    return f->run.s;
}

void *font_scratch(font_lib *f, size_t n)
{
    if (n == 0) n = 1;
    if (n > f->scratch_cap || (f->scratch_cap > FONT_SCRATCH_KEEP && n <= FONT_SCRATCH_KEEP)) {
        free(f->scratch);
        f->scratch = xmalloc(n);
        f->scratch_cap = n;
    }
    return f->scratch;
}

const layout_measurer *font_measurer(font_lib *f) { return &f->meas; }
layout *font_layout(font_lib *f) { return f->lay; }
long font_missing_count(const font_lib *f) { return f->missing; }
void font_note_missing(font_lib *f, int n) { if (n > 0) f->missing += n; }
