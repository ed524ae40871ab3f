/* STUB: replaced by the font/layout module. Wraps with SDL_ttf, no fallback. */
#include "app/text.h"
#include "common/util.h"
#include <SDL_ttf.h>
#include <stdlib.h>
struct font_lib { char *dir; TTF_Font *cache[4]; int px[4]; };
font_lib *font_lib_create(const char *dir) { font_lib *f = xcalloc(1, sizeof *f); f->dir = xstrdup(dir); return f; }
void font_lib_destroy(font_lib *f) { if (!f) return; for (int i = 0; i < 4; i++) if (f->cache[i]) TTF_CloseFont(f->cache[i]); free(f->dir); free(f); }
static TTF_Font *get(font_lib *f, int style, int px) {
    static const char *names[] = { "Inter-Regular.otf", "Inter-SemiBold.otf", "NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf" };
    if (f->cache[style] && f->px[style] == px) return f->cache[style];
    if (f->cache[style]) TTF_CloseFont(f->cache[style]);
    sbuf b = {0}; sbuf_addf(&b, "%s/%s", f->dir, names[style]);
    f->cache[style] = TTF_OpenFont(b.s, px); f->px[style] = px; sbuf_free(&b);
    return f->cache[style];
}
int text_render(SDL_Renderer *r, font_lib *f, const char *utf8, const text_style *st, int bw, int bh, text_tex *out) {
    SDL_memset(out, 0, sizeof *out);
    TTF_Font *font = get(f, st->font, st->px); if (!font || !*utf8) return font ? 0 : -1;
    SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(font, utf8, st->color, (Uint32)bw); if (!s) return -1;
    out->tex = SDL_CreateTextureFromSurface(r, s); out->w = s->w < bw ? s->w : bw;
    out->h = (bh > 0 && s->h > bh) ? bh : s->h; out->lines = 1; SDL_FreeSurface(s); return 0;
}
int text_render_fit(SDL_Renderer *r, font_lib *f, const char *utf8, text_style *st, int lo, int hi, int bw, int bh, text_tex *out) {
    (void)hi; st->px = lo; return text_render(r, f, utf8, st, bw, bh, out);
}
void text_tex_free(text_tex *t) { if (t && t->tex) SDL_DestroyTexture(t->tex); if (t) SDL_memset(t, 0, sizeof *t); }
