/*
** src/app/font.h: the bundled faces behind text.h (module font_).
**
** A font_lib (declared in text.h; created by font_lib_create) knows five
** faces. Each text.h font_style has a fallback chain of faces; every
** character is drawn from the first face of the chain that provides it
** (SDL_ttf has no fallback of its own), so text is split into runs of one
** face. Characters no face provides are counted and drawn as nothing.
**
**   style               chain (first choice first)
**   FONT_SANS           Inter Regular, Noto Serif, Droid Sans Fallback
**   FONT_SANS_BOLD      Inter SemiBold, Inter Regular, Noto Serif, Droid
**   FONT_SERIF          Noto Serif, Inter Regular, Droid Sans Fallback
**   FONT_SERIF_ITALIC   Noto Serif Italic, Noto Serif, Inter, Droid
**
** TTF_Font objects are cached per (face, px) (TTF_OpenFont is costly) in a
** small LRU table owned by the lib; a TTF_Font returned by font_get stays
** valid until FONT_CACHE_SLOTS other (face, px) pairs have been asked for.
*/
#ifndef VITRINE_FONT_H
#define VITRINE_FONT_H

#include "app/layout.h"
#include "app/text.h"

#include <SDL_ttf.h>
#include <stddef.h>
#include <stdint.h>

/* Fonts opened above this size are not hinted (font.c explains why); at
** 800x480 every text is at most this size, at 1080p body text is larger. */
#define FONT_HINT_MAX_PX 24

/* Open (face, px) pairs kept. Each open TTF_Font holds its own FreeType
** size, glyph cache and HarfBuzz font with its shaping tables' accelerators:
** with pictures at 1080p, 24 of them were 3.7 MB of the peak RSS (48.2 MB
** against 44.2 MB with 12), and a screen uses fewer than 12 sizes (its
** fitted texts probe a few more, briefly). Preparing took about 7 % longer
** on average for the fonts reopened (tests/bench.sh, the exhibit tour). */
#ifndef FONT_CACHE_SLOTS
#define FONT_CACHE_SLOTS 12
#endif

typedef enum font_face {
    FACE_INTER,             /* Inter-Regular.otf */
    FACE_INTER_SEMIBOLD,    /* Inter-SemiBold.otf */
    FACE_SERIF,             /* NotoSerif-Regular.ttf */
    FACE_SERIF_ITALIC,      /* NotoSerif-Italic.ttf */
    FACE_CJK,               /* DroidSansFallbackFull.ttf */
    FACE_COUNT
} font_face;

const char *font_face_file(int face);               /* file name, no dir */

/* style's fallback chain into faces[max]; returns its length. */
int font_chain(font_style style, int *faces, int max);

/* 1 if face has a glyph for cp. */
int font_has(font_lib *f, int face, uint32_t cp);

/* First face of style's chain providing cp; -1 if none. */
int font_face_for(font_lib *f, font_style style, uint32_t cp);

/* The TTF_Font for face at px (cached, owned by f); NULL on failure
** (logged). */
TTF_Font *font_get(font_lib *f, int face, int px);

/* s[0..n) as face will draw it, NUL-terminated: controls and characters
** face lacks are dropped, spaces it lacks become U+0020. Owned by f; valid
** until the next call. */
const char *font_run_text(font_lib *f, int face, const char *s, size_t n);

/* The measurer over this lib's faces (ctx = f), and the layout object the
** text functions share. Both owned by f. */
const layout_measurer *font_measurer(font_lib *f);
layout *font_layout(font_lib *f);

/* A scratch buffer of at least n bytes for text.c to compose an image in
** (grow-only, owned by f; valid until the next call or destroy). Buffers
** above FONT_SCRATCH_KEEP bytes are freed at the next smaller request, so
** one huge text does not stay resident. Aborts when out of memory (xmalloc). */
#define FONT_SCRATCH_KEEP (4u << 20)
void *font_scratch(font_lib *f, size_t n);

/* Characters drawn as nothing because no face provides them, counted by
** text_render since f was created. */
long font_missing_count(const font_lib *f);

/* TTF_Fonts open across every font_lib (probes + cache), process-wide: a
** leak counter for tests (0 once every lib is destroyed). */
long font_open_live(void);
void font_note_missing(font_lib *f, int n);

#endif
