/*
** src/app/screen_notice.c: a plain notice ("Content unavailable" + reason),
** shown instead of a black screen when the database or content is missing.
*/
#include "app/render.h"
#include "app/screen.h"

#include "common/util.h"

#include <stdlib.h>

typedef struct screen_notice {
    screen base;                /* MUST BE FIRST */
    char *title, *reason;       /* owned */
    render_list list;
} screen_notice;

static int notice_prepare(screen *s, const screen_ctx *ctx, int w, int h)
{
    screen_notice *n = (screen_notice *)s;
    render_list_free(&n->list);
    float u = (float)(w < h ? w : h) / 100.0f;     /* 1% of the short side */
    int m = (int)(8 * u), y = (int)((float)h * 0.3f);
    render_list_box(&n->list, (SDL_Rect){ m, y - (int)(4 * u), (int)(10 * u), (int)(0.7f * u) + 1 },
                    ctx->cfg->color_accent);
    if (!ctx->fonts)
        return -1;
    text_style st = { FONT_SANS_BOLD, (int)(7 * u), 0, TEXT_LEFT, 2, render_color(ctx->cfg->color_text) };
    text_tex t;
    if (text_render(ctx->r, ctx->fonts, n->title, &st, w - 2 * m, 0, &t) == 0) {
        int th = t.h;
        render_list_text(&n->list, &t, m, y);
        y += th + (int)(3 * u);
    }
    st = (text_style){ FONT_SANS, (int)(3.6f * u), 130, TEXT_LEFT, 6, render_color(ctx->cfg->color_muted) };
    if (text_render(ctx->r, ctx->fonts, n->reason, &st, w - 2 * m, h - y - m, &t) == 0)
        render_list_text(&n->list, &t, m, y);
    return 0;
}

static void notice_draw(screen *s, SDL_Renderer *r, int x_off, uint8_t alpha)
{
    render_list_draw(r, &((screen_notice *)s)->list, x_off, alpha);
}

static screen_action notice_input(screen *s, const screen_ev *ev)
{
    return SCREEN_STAY;         /* nothing to navigate to */
}

static void notice_destroy(screen *s)
{
    screen_notice *n = (screen_notice *)s;
    render_list_free(&n->list);
    free(n->title);
    free(n->reason);
    free(n);
}

static const screen_vt notice_vt = {
    .name = "notice", .prepare = notice_prepare, .draw = notice_draw,
    .input = notice_input, .destroy = notice_destroy,
};

screen *screen_notice_create(const char *title, const char *reason)
{
    screen_notice *n = xcalloc(1, sizeof *n);
    n->base.vt = &notice_vt;
    n->title = xstrdup(title ? title : "");
    n->reason = xstrdup(reason ? reason : "");
    return &n->base;
}
