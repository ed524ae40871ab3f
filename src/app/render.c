/*
** src/app/render.c: drawing helpers and transitions (see render.h).
*/
#include "app/render.h"

#include "app/config.h"
#include "common/util.h"

/* Crossfade snapshot pixels: no alpha channel, the same depth as the output,
** so SDL's software blitter takes its fast surface-alpha path (RGB565 would
** halve the memory but falls to the generic blitter: ~7x slower). */
#ifndef SNAPSHOT_FORMAT
#define SNAPSHOT_FORMAT SDL_PIXELFORMAT_RGB888
#endif

SDL_Color render_color(uint32_t rgb)
{
    return (SDL_Color){ (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255 };
}

void render_clear(SDL_Renderer *r, uint32_t rgb)
{
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    SDL_RenderClear(r);
}

void render_text(SDL_Renderer *r, const text_tex *t, int x, int y, uint8_t alpha)
{
    if (!t->tex || alpha == 0)
        return;
    SDL_Rect dst = { x, y, t->w, t->h };
    SDL_Rect src = { 0, 0, t->w, t->h };
    if (t->opaque)          /* a picture: a plain copy unless it fades */
        SDL_SetTextureBlendMode(t->tex, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(t->tex, alpha);
    SDL_RenderCopy(r, t->tex, &src, &dst);
}

void render_box(SDL_Renderer *r, const SDL_Rect *box, uint32_t rgb, uint8_t alpha)
{
    if (alpha == 0)
        return;
    SDL_SetRenderDrawBlendMode(r, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha);
    SDL_RenderFillRect(r, box);
}

float render_ease(float t)
{
    if (t <= 0)
        return 0;
    if (t >= 1)
        return 1;
    return t * t * (3 - 2 * t);
}

void render_transition_place(int kind, int dir, float p, int w, render_place *a, render_place *b)
{
    float e = render_ease(p);
    if (kind == TRANSITION_SLIDE) {
        int shift = (int)(e * (float)w + 0.5f);
        a->x_off = -dir * shift;
        b->x_off = dir * (w - shift);
        a->alpha = b->alpha = 255;
    } else {
        a->x_off = b->x_off = 0;
        /* 254 at most: a texture's modulation never toggles mid-transition
        ** (the software blitter re-maps, and allocates, on each toggle) */
        float ab = e * 255.0f + 0.5f;
        b->alpha = (uint8_t)(ab > 254.0f ? 254.0f : ab);
        a->alpha = (uint8_t)(255 - b->alpha);
    }
}

void render_transition(SDL_Renderer *r, screen *from, screen *to, SDL_Texture *snap,
                       int snap_of_from, int kind, int dir, float p, int w, uint32_t bg)
{
    render_place a, b;
    render_transition_place(kind, dir, p, w, &a, &b);
    render_clear(r, bg);
    if (kind == TRANSITION_CROSSFADE && snap && snap_of_from) {
        if (to)                 /* opaque, as it will stay; the old frame over it */
            to->vt->draw(to, r, 0, 255);
        int fa = 255 - b.alpha;         /* 1..254, as b.alpha (see above) */
        SDL_SetTextureAlphaMod(snap, (Uint8)(fa > 254 ? 254 : fa));
        SDL_RenderCopy(r, snap, NULL, NULL);
        return;
    }
    if (kind == TRANSITION_CROSSFADE && snap) {
        if (from)
            from->vt->draw(from, r, 0, 255);
        if (b.alpha) {
            SDL_SetTextureAlphaMod(snap, b.alpha);
            SDL_RenderCopy(r, snap, NULL, NULL);
        }
        return;
    }
    if (from)
        from->vt->draw(from, r, a.x_off, a.alpha);
    if (to)
        to->vt->draw(to, r, b.x_off, b.alpha);
}

int render_is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

/* A w x h snapshot fits the renderer's textures (text_max_texture: the
** GPU's limit, or VITRINE_MAX_TEXTURE); logged once when it does not. */
static int snapshot_fits(SDL_Renderer *r, int w, int h)
{
    static int told;
    int max = text_max_texture(r);
    if (w <= max && h <= max)
        return 1;
    if (!told++)
        log_warn("render: a %dx%d snapshot exceeds the renderer's %d px textures; "
                 "transitions draw both screens instead", w, h, max);
    return 0;
}

int render_readback(SDL_Renderer *r, SDL_Texture **snap, int w, int h)
{
    SDL_DestroyTexture(*snap);
    *snap = NULL;
    if (!snapshot_fits(r, w, h))
        return -1;
    *snap = SDL_CreateTexture(r, SNAPSHOT_FORMAT, SDL_TEXTUREACCESS_STREAMING, w, h);
    void *px;
    int pitch;
    if (!*snap || SDL_LockTexture(*snap, NULL, &px, &pitch) != 0) {
        log_warn("render: no %dx%d snapshot texture: %s", w, h, SDL_GetError());
        SDL_DestroyTexture(*snap);
        *snap = NULL;
        return -1;
    }
    int rc = SDL_RenderReadPixels(r, NULL, SNAPSHOT_FORMAT, px, pitch);
    SDL_UnlockTexture(*snap);
    if (rc != 0) {
        log_warn("render: cannot read the frame back: %s", SDL_GetError());
        SDL_DestroyTexture(*snap);
        *snap = NULL;
        return -1;
    }
    SDL_SetTextureBlendMode(*snap, SDL_BLENDMODE_BLEND);
    return 0;
}

int render_snapshot(SDL_Renderer *r, screen *s, SDL_Texture **snap, int w, int h, uint32_t bg)
{
    int tw = 0, th = 0;
    if (*snap)
        SDL_QueryTexture(*snap, NULL, NULL, &tw, &th);
    if (!*snap || tw != w || th != h) {
        SDL_DestroyTexture(*snap);
        *snap = NULL;
        if (!snapshot_fits(r, w, h))
            return -1;
        /* no alpha channel: blending uses the surface-alpha fast path */
        *snap = SDL_CreateTexture(r, SNAPSHOT_FORMAT, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!*snap) {
            log_warn("render: no %dx%d snapshot texture (%s); crossfading per texture",
                     w, h, SDL_GetError());
            return -1;
        }
        SDL_SetTextureBlendMode(*snap, SDL_BLENDMODE_BLEND);
    }
    SDL_Texture *old = SDL_GetRenderTarget(r);
    SDL_SetRenderTarget(r, *snap);
    render_clear(r, bg);
    s->vt->draw(s, r, 0, 255);
    SDL_SetRenderTarget(r, old);
    return 0;
}

void render_list_text(render_list *l, text_tex *t, int x, int y)
{
    if (l->n == RENDER_LIST_MAX) {
        log_warn("render: display list full; text dropped");
        text_tex_free(t);
        return;
    }
    render_item *it = &l->items[l->n++];
    it->text = *t;
    it->box = (SDL_Rect){ x, y, t->w, t->h };
    it->rgb = 0;
    SDL_memset(t, 0, sizeof *t);
}

void render_list_box(render_list *l, SDL_Rect box, uint32_t rgb)
{
    if (l->n == RENDER_LIST_MAX) {
        log_warn("render: display list full; box dropped");
        return;
    }
    render_item *it = &l->items[l->n++];
    SDL_memset(&it->text, 0, sizeof it->text);
    it->box = box;
    it->rgb = rgb;
}

void render_list_draw(SDL_Renderer *r, const render_list *l, int x_off, uint8_t alpha)
{
    SDL_Rect vp;
    SDL_RenderGetViewport(r, &vp);          /* the current target's size */
    int w = vp.w > 0 ? vp.w : 1 << 30;
    for (int i = 0; i < l->n; i++) {
        const render_item *it = &l->items[i];
        SDL_Rect b = it->box;
        b.x += x_off;
        if (b.x >= w || b.x + b.w <= 0)
            continue;                           /* slid off screen */
        if (it->text.tex)
            render_text(r, &it->text, b.x, b.y, alpha);
        else
            render_box(r, &b, it->rgb, alpha);
    }
}

void render_list_free(render_list *l)
{
    for (int i = 0; i < l->n; i++)
        text_tex_free(&l->items[i].text);
    l->n = 0;
}
