/*
** tests/fuzz/store_case.h: one input of the app-side fuzzer: a database file
** of any bytes, opened and shown as the app would. Shared by the libFuzzer
** harness (tests/fuzz/fuzz_store.c) and its replay in `make test`
** (tests/test_fuzz_store.c), so both run exactly the same path.
**
**   store_case_init(&env)    once: SDL's software renderer on an 800x480
**                            surface, the bundled fonts (fonts/), default
**                            config, a private temporary folder
**   store_case_run(&env, data, n)
**                            writes data to a file, then store_open (which
**                            hardens the connection), store_check, and for
**                            every exhibit screen (Home, Article, Full text,
**                            Quote, Timeline, each slide kind, the notices)
**                            create -> prepare -> draw -> destroy, at the
**                            first and last index and one past it;
**                            returns how many screens were prepared
**   store_case_done(&env)
**
** Nothing here may crash, hang, leak or trip a sanitizer whatever the bytes:
** a database the store refuses is what the app shows a notice for, and a
** screen whose prepare fails (logged) is what it shows no screen for.
** Runs from the repository root (fonts/).
*/
#ifndef VITRINE_STORE_CASE_H
#define VITRINE_STORE_CASE_H

#include "app/config.h"
#include "app/render.h"
#include "app/screen.h"
#include "app/store.h"
#include "app/text.h"
#include "app/ui.h"
#include "app/ui_views.h"
#include "common/util.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct store_case_env {
    SDL_Surface *surf;
    SDL_Renderer *r;
    font_lib *fonts;
    config cfg;
    char dir[64], path[96];
} store_case_env;

static inline int store_case_init(store_case_env *e)
{
    memset(e, 0, sizeof *e);
    log_set_quiet(1);
    snprintf(e->dir, sizeof e->dir, "%s/vitrine-fuzz-store-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(e->dir) || TTF_Init() != 0)
        return -1;
    snprintf(e->path, sizeof e->path, "%s/case.db", e->dir);
    config_defaults(&e->cfg);
    e->surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
    e->r = e->surf ? SDL_CreateSoftwareRenderer(e->surf) : NULL;
    e->fonts = font_lib_create(e->cfg.fonts_dir);
    return e->r && e->fonts ? 0 : -1;
}

static inline void store_case_done(store_case_env *e)
{
    font_lib_destroy(e->fonts);
    if (e->r) SDL_DestroyRenderer(e->r);
    if (e->surf) SDL_FreeSurface(e->surf);
    config_free(&e->cfg);
    TTF_Quit();
    unlink(e->path);
    rmdir(e->dir);
}

/* create -> prepare -> draw -> destroy; 1 if prepare succeeded. */
static inline int store_case_show(store_case_env *e, screen *s, const screen_ctx *ctx)
{
    if (!s) return 0;
    int ok = s->vt->prepare(s, ctx, 800, 480) == 0;
    render_clear(e->r, e->cfg.color_bg);
    s->vt->draw(s, e->r, 0, 255);
    if (s->vt->update) s->vt->update(s, 16);
    s->vt->destroy(s);
    return ok;
}

static inline int store_case_run(store_case_env *e, const uint8_t *data, size_t n)
{
    FILE *f = fopen(e->path, "wb");
    if (!f) return 0;
    if (n && fwrite(data, 1, n, f) != n) { fclose(f); return 0; }
    fclose(f);
    int shown = 0;
    store_err err;
    char msg[256];
    store *st = store_open(e->path, &err, msg, sizeof msg);
    screen_ctx ctx = { e->r, e->fonts, st, st ? "" : msg, &e->cfg, 0, 0 };
    if (!st) {                      /* what the app shows then */
        shown += store_case_show(e, ui_notice_create(UI_NOTICE_FAILED, msg), &ctx);
        unlink(e->path);
        return shown;
    }
    store_check(st, msg, sizeof msg);
    store_counts c;
    memset(&c, 0, sizeof c);
    store_count(st, &c);
    int na = (int)(c.articles < 1000000 ? c.articles : 1000000);
    int nq = (int)(c.quotes < 1000000 ? c.quotes : 1000000);
    int ne = (int)(c.events < 1000000 ? c.events : 1000000);
    const int at[] = { 0, -1, -2 };          /* first, last, one past */
    shown += store_case_show(e, ui_home_create(), &ctx);
    shown += store_case_show(e, ui_notice_create(UI_NOTICE_EMPTY, ""), &ctx);
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        int ia = at[k] == -1 ? na - 1 : at[k] == -2 ? na : at[k];
        int iq = at[k] == -1 ? nq - 1 : at[k] == -2 ? nq : at[k];
        int ie = at[k] == -1 ? ne - 1 : at[k] == -2 ? ne : at[k];
        shown += store_case_show(e, ui_article_create(ia, 0, -1), &ctx);
        shown += store_case_show(e, ui_article_create(ia, 1, -1), &ctx);
        shown += store_case_show(e, ui_quote_create(iq), &ctx);
        shown += store_case_show(e, ui_timeline_create(k == 0 ? -1 : ie), &ctx);
        shown += store_case_show(e, ui_slide_create(UI_SLIDE_SUMMARY, ia), &ctx);
        shown += store_case_show(e, ui_slide_create(UI_SLIDE_QUOTE, iq), &ctx);
        shown += store_case_show(e, ui_slide_create(UI_SLIDE_TIMELINE, ie), &ctx);
    }
    store_close(st);
    unlink(e->path);
    return shown;
}

#endif
