/*
** tests/test_picture.c: pictures and covers on screen (src/app/picture.c,
** ui_picture_add / ui_cover_add, and the screens that use them).
**
** Rules first (crop around the focal point, the slideshow's pan window, the
** fade into the background), then the screens on a database the ingest
** builds here from articles and pictures made here: an article with a
** picture shows it on its card, its Article screen and its summary slide
** (which pans it); an article without one shows its cover; an older
** database (schema 2, no images table) shows covers. Pixels are read back
** from the software renderer.
*/
#include "app/config.h"
#include "app/font.h"
#include "app/picture.h"
#include "app/render.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_chrome.h"
#include "common/util.h"
#include "corpus/corpus.h"
#include "fixture.h"
#include "t.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static config cfg;
static font_lib *fonts;

/* ---- rules ------------------------------------------------------------------ */

static void test_crop(void)
{
    static const struct { int iw, ih; float fx, fy; int w, h; SDL_Rect want; } rows[] = {
        { 1600, 900, 0.5f, 0.5f, 16, 9, { 0, 0, 1600, 900 } },      /* same shape: all of it */
        { 1600, 900, 0.5f, 0.5f, 1, 1, { 350, 0, 900, 900 } },      /* square, centred */
        { 1600, 900, 0.9f, 0.5f, 1, 1, { 700, 0, 900, 900 } },      /* focus right: clamped */
        { 1600, 900, 0.3f, 0.5f, 1, 1, { 30, 0, 900, 900 } },       /* focus at 480 px */
        { 900, 1600, 0.5f, 0.1f, 1, 1, { 0, 0, 900, 900 } },       /* tall, focus near top */
        { 900, 1600, 0.5f, 0.75f, 1, 1, { 0, 700, 900, 900 } },     /* 1200 - 450 = 750 -> 700 */
        { 1000, 1000, 0.5f, 0.5f, 4, 1, { 0, 375, 1000, 250 } },    /* a band across */
        { 0, 0, 0.5f, 0.5f, 1, 1, { 0, 0, 0, 0 } },                 /* nothing to crop */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SDL_Rect r = picture_crop(rows[i].iw, rows[i].ih, rows[i].fx, rows[i].fy, rows[i].w,
                                  rows[i].h);
        T_INT(r.x, rows[i].want.x);
        T_INT(r.y, rows[i].want.y);
        T_INT(r.w, rows[i].want.w);
        T_INT(r.h, rows[i].want.h);
    }
}

/* A crop at most PICTURE_TIGHT_PCT larger than the place is cut to the
** place around the focal point, inside the crop; a larger or smaller one
** is left to the scaler. */
static void test_tighten(void)
{
    static const struct { SDL_Rect crop; float fx, fy; int iw, ih, w, h; SDL_Rect want; } rows[] = {
        /* the 1080p summary slide's place (1221x1144) in a 1920x1280 picture */
        { { 277, 0, 1366, 1280 }, 0.5f, 0.5f, 1920, 1280, 1221, 1144, { 350, 68, 1221, 1144 } },
        /* focus far right and low: clamped to the crop's edges, not the picture's */
        { { 277, 0, 1366, 1280 }, 0.99f, 0.99f, 1920, 1280, 1221, 1144, { 422, 136, 1221, 1144 } },
        { { 277, 0, 1366, 1280 }, 0.0f, 0.0f, 1920, 1280, 1221, 1144, { 277, 0, 1221, 1144 } },
        /* exactly the place: itself */
        { { 10, 20, 800, 600 }, 0.5f, 0.5f, 1000, 800, 800, 600, { 10, 20, 800, 600 } },
        /* 15 % larger: cut; 16 % larger: scaled */
        { { 0, 0, 1150, 575 }, 0.5f, 0.5f, 1150, 575, 1000, 500, { 75, 37, 1000, 500 } },
        { { 0, 0, 1160, 580 }, 0.5f, 0.5f, 1160, 580, 1000, 500, { 0, 0, 1160, 580 } },
        /* smaller than the place (upscaled): unchanged */
        { { 0, 0, 900, 450 }, 0.5f, 0.5f, 900, 450, 1000, 500, { 0, 0, 900, 450 } },
        /* no place */
        { { 0, 0, 900, 450 }, 0.5f, 0.5f, 900, 450, 0, 0, { 0, 0, 900, 450 } },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SDL_Rect r = picture_tighten(rows[i].crop, rows[i].fx, rows[i].fy, rows[i].iw, rows[i].ih,
                                     rows[i].w, rows[i].h);
        T_INT(r.x, rows[i].want.x);
        T_INT(r.y, rows[i].want.y);
        T_INT(r.w, rows[i].want.w);
        T_INT(r.h, rows[i].want.h);
    }
}

static void test_pan(void)
{
    /* a texture 6% larger than the place: the window moves from the side
    ** away from the focal point to its side, in whole pixels, in bounds */
    int tw = 1060, th = 530, w = 1000, h = 500;
    SDL_Rect a = picture_pan_rect(tw, th, w, h, 0.8f, 0.2f, 0);
    SDL_Rect b = picture_pan_rect(tw, th, w, h, 0.8f, 0.2f, 1);
    T_INT(a.x, 0);          /* focus right: starts left ... */
    T_INT(b.x, 60);         /* ... ends right */
    T_INT(a.y, 30);         /* focus high: starts low ... */
    T_INT(b.y, 0);          /* ... ends high */
    T_INT(a.w, w);
    T_INT(a.h, h);
    int prev = -1, mono = 1;
    for (int k = 0; k <= 20; k++) {
        SDL_Rect r = picture_pan_rect(tw, th, w, h, 0.8f, 0.2f, (float)k / 20);
        mono &= r.x >= prev && r.x >= 0 && r.x + r.w <= tw && r.y >= 0 && r.y + r.h <= th;
        prev = r.x;
    }
    T_OK(mono);
    SDL_Rect c = picture_pan_rect(tw, th, w, h, 0.8f, 0.2f, 7);     /* t clamped */
    T_INT(c.x, b.x);
    SDL_Rect d = picture_pan_rect(900, 400, w, h, 0.5f, 0.5f, 0.5f); /* smaller: no move */
    T_INT(d.x, 0);
    T_INT(d.y, 0);
}

static uint32_t px_at(SDL_Surface *s, int x, int y)
{
    return ((uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x] & 0xffffffu;
}

/* 1 if colours a and b differ by at most tol in every channel. */
static int near(uint32_t a, uint32_t b, int tol)
{
    for (int sh = 0; sh <= 16; sh += 8) {
        int d = (int)(a >> sh & 255) - (int)(b >> sh & 255);
        if (d > tol || d < -tol)
            return 0;
    }
    return 1;
}

/* Pixels of r inside rect (x, y, w, h) near colour c. */
static int count_near(SDL_Surface *s, SDL_Rect r, uint32_t c, int tol)
{
    int n = 0;
    for (int y = r.y; y < r.y + r.h && y < s->h; y++)
        for (int x = r.x; x < r.x + r.w && x < s->w; x++)
            n += near(px_at(s, x, y), c, tol);
    return n;
}

/* ---- pictures made here ------------------------------------------------------ */

#define SKIN 0xebcdb4u          /* the face's colour: found on screen = the picture shows */

static void save_picture(const char *path, int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double dx = (x - 0.7 * w) / (0.12 * w), dy = (y - 0.45 * h) / (0.25 * h);
            uint32_t c = dx * dx + dy * dy < 1 ? SKIN
                       : (uint32_t)(40 + 120 * y / h) << 8 | (uint32_t)(90 + 100 * x / w);
            ((uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x] = 0xff000000u | c;
        }
    T_INT(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

/* Two articles: "pic" (newest, a picture) and "plain" (none). */
static int build_db(const char *db)
{
    char p[160];
    snprintf(p, sizeof p, "%s/pic.txt", dir);
    write_file(p, "---\ntitle: The harbour lights return\ndate: 2024-05-02\n---\n\n"
               "The harbour lights were switched on again on Thursday. \"It is a good day for "
               "the town,\" said Mara Quill, the harbour master. Crowds gathered on the pier. "
               "The lights had been dark since the storm in 2021.\n");
    snprintf(p, sizeof p, "%s/pic.meta", dir);
    write_file(p, "source = Harbour Post\nimage_credit = Test Studio\n");
    snprintf(p, sizeof p, "%s/pic.png", dir);
    save_picture(p, 1600, 1000);
    snprintf(p, sizeof p, "%s/plain.txt", dir);
    write_file(p, "---\ntitle: Council delays the ferry timetable\ndate: 2023-03-01\n---\n\n"
               "The council delayed the new ferry timetable on Monday. It said the change "
               "needed more time. Passengers asked for clear dates. The timetable is now due "
               "in the summer of 2023.\n");
    snprintf(p, sizeof p, "%s/plain.meta", dir);
    write_file(p, "source = Ferry Gazette\n");
    corpus_article a[2];
    const char *names[2] = { "pic.txt", "plain.txt" };
    for (int i = 0; i < 2; i++) {
        corpus_diag d = { names[i], 0, 1, NULL };
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        if (corpus_ingest_file(p, &a[i], &d) != 0)
            return -1;
        free(a[i].slug);
        a[i].slug = xstrdup(i ? "plain" : "pic");
    }
    T_INT(a[0].nimages, 2);
    T_INT(a[1].nimages, 0);
    int rc = corpus_db_write(db, a, 2);
    corpus_article_free(&a[0]);
    corpus_article_free(&a[1]);
    return rc;
}

/* ---- screens ------------------------------------------------------------------ */

typedef struct canvas { SDL_Surface *surf; SDL_Renderer *r; int w, h; } canvas;

static void canvas_open(canvas *c, int w, int h)
{
    c->w = w;
    c->h = h;
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c->r = SDL_CreateSoftwareRenderer(c->surf);
}

static void canvas_close(canvas *c)
{
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surf);
}

/* Prepare s on c with store st and draw one frame. */
static int show(canvas *c, store *st, screen *s)
{
    screen_ctx x = { c->r, fonts, st, "", &cfg, 0, 0 };
    int rc = s->vt->prepare(s, &x, c->w, c->h);
    render_clear(c->r, cfg.color_bg);
    s->vt->draw(s, c->r, 0, 255);
    SDL_RenderPresent(c->r);
    return rc;
}

static void test_screens(store *st, int has_images)
{
    static const struct { int w, h; } sizes[] = { { 1920, 1080 }, { 1080, 1920 }, { 800, 480 } };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        canvas c;
        canvas_open(&c, sizes[k].w, sizes[k].h);
        SDL_Rect all = { 0, 0, c.w, c.h };
        int minimum = c.w * c.h / 2000;         /* a face is thousands of pixels */

        /* Home: the picture on the newest card, a cover on the other */
        screen *home = ui_home_create();
        T_INT(show(&c, st, home), 0);
        int skin = count_near(c.surf, all, SKIN, 6);
        if (has_images) T_OK(skin > minimum / 4);
        else T_OK(skin < minimum / 20);   /* stray antialiased pixels at most (arm64) */
        screen_destroy(home);

        /* the Article screen of the newest (index 0) */
        screen *art = ui_article_create(0, 0, -1);
        T_INT(show(&c, st, art), 0);
        skin = count_near(c.surf, all, SKIN, 6);
        if (has_images) T_OK(skin > minimum);
        else T_OK(skin < minimum / 20);   /* stray antialiased pixels at most (arm64) */
        screen_destroy(art);

        /* its summary slide: the picture, then panned */
        screen *sl = ui_slide_create(UI_SLIDE_SUMMARY, 0);
        T_INT(show(&c, st, sl), 0);
        skin = count_near(c.surf, all, SKIN, 6);
        if (has_images) {
            T_OK(skin > minimum);
            T_INT(screen_update(sl, 1000), 1);          /* it moves ... */
            T_INT(screen_update(sl, 11000), 1);
            SDL_Surface *before = SDL_DuplicateSurface(c.surf);
            render_clear(c.r, cfg.color_bg);
            sl->vt->draw(sl, c.r, 0, 255);
            int moved = memcmp(before->pixels, c.surf->pixels, (size_t)c.surf->pitch * c.h) != 0;
            T_OK(moved);
            SDL_FreeSurface(before);
            T_INT(screen_update(sl, 60000), 0);         /* ... and comes to rest */
        } else {
            T_OK(skin < minimum / 20);
            T_INT(screen_update(sl, 1000), 1);          /* the prompt's rings, in steps ... */
            T_INT(screen_update(sl, 1010), 0);
            T_INT(screen_update(sl, 1000 + UI_RIPPLE_STEP_MS), 1);
            screen_update(sl, 1000 + UI_RIPPLE_EVERY * UI_RIPPLE_COUNT);
            T_INT(screen_update(sl, 2000 + UI_RIPPLE_EVERY * UI_RIPPLE_COUNT), 0);
                                                        /* ... then a cover rests */
        }
        screen_destroy(sl);

        /* the opening slide: the newest articles' pictures (or covers) in a row */
        screen *in = ui_slide_create(UI_SLIDE_INTRO, 0);
        T_INT(show(&c, st, in), 0);
        skin = count_near(c.surf, all, SKIN, 6);
        if (has_images) T_OK(skin > minimum / 8);
        else T_OK(skin < minimum / 20);   /* stray antialiased pixels at most (arm64) */
        T_OK(ui_slide_words(in) > 0);
        screen_destroy(in);

        /* the plain article's slide: its cover tone, faded in from the text side */
        screen *pl = ui_slide_create(UI_SLIDE_SUMMARY, 1);
        T_INT(show(&c, st, pl), 0);
        /* its time on show: no line before the span is known; then a step
        ** every 250 ms (the app woken for it, a frame drawn), none between,
        ** and nothing after the end */
        T_INT(pl->vt->wake_in(pl, 5000), 0);
        screen_update(pl, 5000);                        /* on show from 5 s */
        ui_slide_set_span(pl, 5000, 15000);
        T_INT(pl->vt->wake_in(pl, 5000), UI_RIPPLE_STEP_MS);    /* the rings' next step */
        T_INT(pl->vt->wake_in(pl, 5100), 2 * UI_RIPPLE_STEP_MS - 100);
        screen_update(pl, 13000);                       /* past the prompt's rings */
        T_INT(screen_update(pl, 13010), 0);
        T_INT(pl->vt->wake_in(pl, 13010), 990);         /* the line's next step, a second on */
        T_INT(screen_update(pl, 14000), 1);
        T_INT(screen_update(pl, 14010), 0);
        T_INT(screen_update(pl, 15000), 1);             /* full */
        T_INT(pl->vt->wake_in(pl, 15000), 0);
        T_INT(screen_update(pl, 16000), 0);
        screen_ctx x = { c.r, fonts, st, "", &cfg, 0, 0 };
        uint32_t tone = ui_cover_tone(&x, "Ferry Gazette");
        SDL_Rect far = c.w >= c.h * 13 / 10 ? (SDL_Rect){ c.w - c.w / 10, c.h / 10, c.w / 20, c.h / 20 }
                                             : (SDL_Rect){ c.w / 20, c.h - c.h / 10, c.w / 20, c.h / 40 };
        T_OK(count_near(c.surf, far, tone, 60) > far.w * far.h / 2);
        T_INT(px_at(c.surf, 2, 2), cfg.color_bg);       /* the text's side: background */
        screen_destroy(pl);
        canvas_close(&c);
    }
}


/* ---- a "complete" page save: the lead from og:image and the article's own
** figures from NAME_files/, the ones the save did not keep left out quietly */
/* Pictures that look different from save_picture's (kind 1: vertical bars,
** 2: a checkerboard), so that no two are taken for one photo. */
static void save_other(const char *path, int w, int h, int kind)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int on = kind == 1 ? (x * 6 / w) % 2 : ((x * 4 / w) + (y * 3 / h)) % 2;
            uint32_t c = on ? 0xe0c080u : 0x203050u;
            ((uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x] = 0xff000000u | c;
        }
    T_INT(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static void test_saved_page_pictures(void)
{
    char p[256], g[160];
    snprintf(g, sizeof g, "%s/saved", dir);
    T_INT(mkdir(g, 0755), 0);
    snprintf(p, sizeof p, "%s/page_files", g);
    T_INT(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/page_files/lead.png", g);
    save_picture(p, 1200, 800);
    snprintf(p, sizeof p, "%s/page_files/lead-640.png", g);   /* the lead, smaller */
    save_picture(p, 640, 427);
    snprintf(p, sizeof p, "%s/page_files/wall.png", g);
    save_other(p, 940, 600, 1);
    snprintf(p, sizeof p, "%s/page_files/ferry.png", g);
    save_other(p, 980, 600, 2);
    snprintf(p, sizeof p, "%s/page_files/blur.png", g);       /* a lazy-load placeholder */
    save_other(p, 44, 30, 1);
    snprintf(p, sizeof p, "%s/page.html", g);
    write_file(p, "<!DOCTYPE html><html><head><title>The harbour wall</title>"
               "<meta property=\"og:image\" content=\"https://cdn.example.org/img/lead.png\">"
               "<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00Z\">"
               "</head><body><article><h1>The harbour wall</h1>"
               "<figure><img src=\"./page_files/lead-640.png\" alt=\"The lead again\"></figure>"
               "<figure><img src=\"./page_files/blur.png\" alt=\"Blurred\">"
               "<img src=\"./page_files/wall.png\" alt=\"The sea wall\"></figure>"
               "<p>The town council approved a new budget for the harbour on Monday, after a "
               "debate that lasted well into the evening and drew a large crowd.</p>"
               "<p>Residents had asked for repairs to the sea wall, which was damaged in the "
               "winter storms, and for a new landing for the ferry to the islands.</p>"
               "<figure><img src=\"https://cdn.example.org/img/ferry.png?w=800\">"
               "<figcaption>The ferry to the islands.</figcaption></figure>"
               "<img src=\"https://cdn.example.org/img/not-saved.jpg\" alt=\"Not kept\">"
               "<img src=\"/img/lead.png\" alt=\"The lead by its name\">"
               "<p>The mayor said the work would begin in the spring and finish before the "
               "summer, when visitors return to the town and the ferry runs every hour.</p>"
               "</article></body></html>");
    corpus_article a;
    corpus_diag d = { "page.html", 0, 1, NULL };
    T_INT(corpus_ingest_file(p, &a, &d), 0);
    T_INT(d.nwarn, 0);                  /* the picture the save left out: nothing said */
    /* lead, wall, ferry, each with its thumb; not the lead at another size or
    ** by its name, not the placeholder */
    T_INT(a.nimages, 6);
    static const char *const want[] = { "lead.png", "lead.png", "wall.png", "wall.png",
                                        "ferry.png", "ferry.png" };
    for (size_t i = 0; i < a.nimages && i < 6; i++) T_STR(a.images[i].file, want[i]);
    if (a.nimages >= 6) {
        T_STR(a.images[0].role, "lead");
        T_STR(a.images[2].role, "more");
        T_STR(a.images[2].alt, "The sea wall");
        T_STR(a.images[4].alt, "The ferry to the islands.");
        T_INT(a.images[4].w, 980);
        T_OK(corpus_image_same(&a.images[0], &a.images[1]));      /* the lead and its thumb */
        T_OK(!corpus_image_same(&a.images[0], &a.images[2]));
        T_OK(!corpus_image_same(&a.images[2], &a.images[4]));
    }
    corpus_article_free(&a);
}

/* ---- a gallery after the lead: found, capped, in order, shown in the full
** text between the paragraphs -------------------------------------------- */
static void test_gallery(void)
{
    char p[200], g[160];
    snprintf(g, sizeof g, "%s/gallery", dir);
    T_INT(mkdir(g, 0755), 0);
    snprintf(p, sizeof p, "%s/story.md", g);
    write_file(p, "---\ntitle: The bridge opens\ndate: 2021-05-03\n---\n\n"
               "![The bridge at dawn](lead.png)\n\n"
               "The council opened the new bridge on Tuesday after two years of work.\n\n"
               "![The deck](deck.png)\n\n![Again the lead](lead.png)\n\n![Gone](missing.png)\n\n"
               "\"It is a good day for the town,\" said Anna Weiss, the mayor, on the deck.\n\n"
               "The old ferry will stop on 1 June, the council said. Cyclists welcomed it.\n");
    static const char *const files[] = { "lead.png", "deck.png", "story-2.png", "story-3.png",
                                         "story-5.png", "story-7.png" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(p, sizeof p, "%s/%s", g, files[i]);
        save_picture(p, 1000 + 40 * (int)i, 700);  /* told apart by their widths */
    }
    {                                           /* the deck: flat red, told apart on screen */
        SDL_Surface *red = SDL_CreateRGBSurfaceWithFormat(0, 1040, 700, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_FillRect(red, NULL, 0xffdc281eu);
        snprintf(p, sizeof p, "%s/deck.png", g);
        T_INT(IMG_SavePNG(red, p), 0);
        SDL_FreeSurface(red);
    }
    snprintf(p, sizeof p, "%s/side.txt", g);       /* the sidecar's list, in its order */
    write_file(p, "Ferry timetable changes\n\nThe council delayed the ferry timetable on "
               "Monday. It said the change needed more time. Passengers asked for dates.\n");
    snprintf(p, sizeof p, "%s/side.meta", g);
    write_file(p, "title = Ferry timetable changes\npublished = 2023-03-01\n"
               "images = story-3.png, deck.png\n");

    corpus_article a[2];
    corpus_diag d = { "story.md", 0, 1, NULL };
    snprintf(p, sizeof p, "%s/story.md", g);
    T_INT(corpus_ingest_file(p, &a[0], &d), 0);
    T_INT(d.nwarn, 1);                          /* missing.png, named */
    /* lead + thumb, then four of the five others (deck, story-2, -3, -5; the
    ** lead named again is not taken twice; story-7 is over the cap) */
    T_INT(a[0].nimages, 2 + 2 * CORPUS_IMAGES_MORE);
    static const char *const want[] = { "lead.png", "lead.png", "deck.png", "deck.png",
                                        "story-2.png", "story-2.png", "story-3.png", "story-3.png",
                                        "story-5.png", "story-5.png" };
    for (size_t i = 0; i < a[0].nimages && i < 10; i++) {
        T_STR(a[0].images[i].file, want[i]);
        T_STR(a[0].images[i].role, i < 2 ? (i ? "thumb" : "lead") : (i % 2 ? "more_thumb" : "more"));
    }
    T_STR(a[0].images[2].alt, "The deck");
    T_OK(a[0].images[4].alt == NULL);
    d = (corpus_diag){ "side.txt", 0, 1, NULL };
    snprintf(p, sizeof p, "%s/side.txt", g);
    T_INT(corpus_ingest_file(p, &a[1], &d), 0);
    T_INT(a[1].nimages, 4);                     /* no lead: the first of the list leads */
    T_STR(a[1].images[0].role, "lead");
    T_STR(a[1].images[0].file, "story-3.png");
    T_STR(a[1].images[2].role, "more");
    T_STR(a[1].images[2].file, "deck.png");
    free(a[0].slug);
    a[0].slug = xstrdup("story");
    free(a[1].slug);
    a[1].slug = xstrdup("side");
    snprintf(p, sizeof p, "%s/gallery.db", dir);
    T_INT(corpus_db_write(p, a, 2), 0);
    corpus_article_free(&a[0]);
    corpus_article_free(&a[1]);

    store_err e;
    store *st = store_open(p, &e, NULL, 0);
    T_OK(st != NULL);
    if (!st)
        return;
    store_list rows = {0};
    T_INT(store_articles_range(st, 0, STORE_ALL, &rows), STORE_OK);
    long long story = -1;
    int story_index = -1;
    for (size_t i = 0; i < rows.n; i++)
        if (!strcmp(((const store_article_row *)rows.v)[i].title, "The bridge opens")) {
            story = ((const store_article_row *)rows.v)[i].id;
            story_index = (int)i;
        }
    store_articles_free(&rows);
    store_image full, small;
    T_INT(store_image_more(st, story, 0, 0, &full), STORE_OK);
    T_INT(store_image_more(st, story, 0, 400, &small), STORE_OK);
    T_OK(full.bytes && small.bytes);            /* its thumb where that does: 800 px */
    if (full.bytes && small.bytes) {
        SDL_Surface *fs = IMG_Load_RW(SDL_RWFromConstMem(full.bytes, (int)full.n), 1);
        SDL_Surface *ss = IMG_Load_RW(SDL_RWFromConstMem(small.bytes, (int)small.n), 1);
        T_OK(fs && ss && fs->w == 1040 && ss->w == 800);
        SDL_FreeSurface(fs);
        SDL_FreeSurface(ss);
    }
    T_STR(full.alt, "The deck");
    store_image_free(&full);
    store_image_free(&small);
    T_INT(store_image_more(st, story, 3, 0, &full), STORE_OK);
    T_OK(full.bytes != NULL);
    store_image_free(&full);
    T_INT(store_image_more(st, story, 4, 0, &full), STORE_OK);
    T_OK(full.bytes == NULL);

    T_INT(store_image_more_count(st, story), CORPUS_IMAGES_MORE);

    /* the full text shows them (the lead is the Article screen's) */
    canvas c;
    canvas_open(&c, 1920, 1080);
    screen *ft = ui_article_create(story_index, 1, -1);
    T_INT(show(&c, st, ft), 0);
    SDL_Rect all = { 0, 0, c.w, c.h };
    T_OK(count_near(c.surf, all, SKIN, 6) > c.w * c.h / 2000);
    T_OK(count_near(c.surf, all, 0xdc281eu, 12) > c.w * c.h / 200);     /* the deck */
    screen_destroy(ft);
    /* its summary slide: the lead at turn 0, the deck at turn 1, the lead
    ** again once every picture has had its turn */
    static const struct { int turn, face, red; } turns[] = { { 0, 1, 0 }, { 1, 0, 1 },
                                                            { 1 + CORPUS_IMAGES_MORE, 1, 0 } };
    for (size_t i = 0; i < sizeof turns / sizeof *turns; i++) {
        screen *sl = ui_slide_create(UI_SLIDE_SUMMARY, story_index);
        ui_slide_set_turn(sl, turns[i].turn);
        T_INT(show(&c, st, sl), 0);
        T_INT(count_near(c.surf, all, SKIN, 6) > c.w * c.h / 2000, turns[i].face);
        T_INT(count_near(c.surf, all, 0xdc281eu, 12) > c.w * c.h / 20, turns[i].red);
        screen_destroy(sl);
    }
    canvas_close(&c);
    store_close(st);
}


/* ---- picture_cover decodes the crop, scales it as it reads ----------------- */

static const uint32_t QUAD[4] = { 0xdc281eu, 0x1ec83cu, 0x283cd2u, 0xf0f0f0u };   /* r g b w */

/* A w x h picture of four flat quadrants (red, green / blue, white),
** encoded as JPEG (quality 95) or PNG into *out. */
static void quad_image(int w, int h, int png, store_image *out)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            ((uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x] =
                0xff000000u | QUAD[(y >= h / 2) * 2 + (x >= w / 2)];
    char path[200];
    snprintf(path, sizeof path, "%s/quad.%s", dir, png ? "png" : "jpg");
    T_INT(png ? IMG_SavePNG(s, path) : IMG_SaveJPG(s, path, 95), 0);
    SDL_FreeSurface(s);
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    out->n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    out->bytes = xmalloc(out->n);
    T_INT(fread(out->bytes, 1, out->n, f), out->n);
    fclose(f);
    out->focus_x = out->focus_y = 0.5f;
}

static void test_cover_decode(void)
{
    canvas c;
    canvas_open(&c, 1200, 800);
    static const struct { int png, w, h; float fx; const uint32_t *want; } rows[] = {
        /* the whole picture: every quadrant where it was (a JPEG at 8/8, 4/8
        ** and 1/8 of its size, a PNG through SDL2_image) */
        { 0, 1000, 625, 0.5f, NULL }, { 0, 400, 250, 0.5f, NULL }, { 0, 150, 94, 0.5f, NULL },
        { 1, 400, 250, 0.5f, NULL },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        store_image im;
        quad_image(1600, 1000, rows[i].png, &im);
        text_tex t;
        T_INT(picture_cover(c.r, &im, rows[i].w, rows[i].h, PICTURE_FADE_NONE, 0, &t), 0);
        T_INT(t.w, rows[i].w);
        T_INT(t.h, rows[i].h);
        render_clear(c.r, 0);
        SDL_Rect dst = { 0, 0, t.w, t.h };
        SDL_RenderCopy(c.r, t.tex, NULL, &dst);
        SDL_RenderPresent(c.r);
        for (int q = 0; q < 4; q++) {
            int x = (q & 1) ? t.w * 3 / 4 : t.w / 4, y = (q & 2) ? t.h * 3 / 4 : t.h / 4;
            T_OK(near(px_at(c.surf, x, y), QUAD[q], 12));
        }
        /* the edges stay whole: the corners are their quadrants' colours */
        T_OK(near(px_at(c.surf, 0, 0), QUAD[0], 16));
        T_OK(near(px_at(c.surf, t.w - 1, t.h - 1), QUAD[3], 16));
        text_tex_free(&t);
        /* a tall place around a focus at the right: the right half only */
        im.focus_x = 0.95f;
        T_INT(picture_cover(c.r, &im, 100, 400, PICTURE_FADE_NONE, 0, &t), 0);
        render_clear(c.r, 0);
        dst = (SDL_Rect){ 0, 0, t.w, t.h };
        SDL_RenderCopy(c.r, t.tex, NULL, &dst);
        SDL_RenderPresent(c.r);
        T_OK(near(px_at(c.surf, 50, 100), QUAD[1], 12));
        T_OK(near(px_at(c.surf, 50, 300), QUAD[3], 12));
        text_tex_free(&t);
        /* faded from the left into the background */
        T_INT(picture_cover(c.r, &im, 400, 250, PICTURE_FADE_LEFT, 0x102030, &t), 0);
        render_clear(c.r, 0);
        dst = (SDL_Rect){ 0, 0, t.w, t.h };
        SDL_RenderCopy(c.r, t.tex, NULL, &dst);
        SDL_RenderPresent(c.r);
        T_OK(near(px_at(c.surf, 2, 10), 0x102030, 2));
        T_OK(near(px_at(c.surf, 399, 10), QUAD[1], 12));
        text_tex_free(&t);
        /* cut short: refused, nothing made */
        im.n = im.n / 3;
        int rc = picture_cover(c.r, &im, 400, 250, PICTURE_FADE_NONE, 0, &t);
        T_OK(rc == -1 || (t.w == 400 && t.h == 250));
        text_tex_free(&t);
        store_image_free(&im);
    }
    canvas_close(&c);
}

/* Pixels of texture t drawn at the canvas's top left (a copy). */
static SDL_Surface *drawn(canvas *c, const text_tex *t)
{
    render_clear(c->r, 0);
    SDL_Rect dst = { 0, 0, t->w, t->h };
    SDL_RenderCopy(c->r, t->tex, NULL, &dst);
    SDL_RenderPresent(c->r);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, t->w, t->h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Rect src = { 0, 0, t->w, t->h };
    SDL_BlitSurface(c->surf, &src, s, NULL);
    return s;
}

/* A cover decoded ahead on its thread is the very cover picture_cover makes
** (JPEG and PNG, faded; into the locked texture, and into a buffer as on
** OpenGL ES); a call for another size or picture drops it; a
** cancel drops it; a broken picture ahead fails where it is taken, as it
** would have; nothing is left behind (textures counted). */
static void test_prefetch(void)
{
    canvas c;
    canvas_open(&c, 1200, 800);
    long live0 = text_tex_live();
    for (int run = 0; run < 4; run++) {
        int png = run & 1;
        picture_prefetch_buffered(run >= 2);    /* the OpenGL path: a buffer, uploaded */
        store_image im;
        quad_image(1600, 1000, png, &im);
        im.focus_x = 0.3f;
        text_tex a, b;
        T_INT(picture_cover(c.r, &im, 700, 500, PICTURE_FADE_LEFT, 0x102030, &a), 0);
        T_INT(picture_prefetch(c.r, &im, 700, 500, PICTURE_FADE_LEFT, 0x102030), 0);
        T_INT(picture_prefetch_pending(), 1);
        T_INT(picture_cover(c.r, &im, 700, 500, PICTURE_FADE_LEFT, 0x102030, &b), 0);
        T_INT(picture_prefetch_pending(), 0);
        T_INT(b.w, 700);
        T_INT(b.h, 500);
        T_INT(b.opaque, 1);
        SDL_Surface *sa = drawn(&c, &a), *sb = drawn(&c, &b);
        int differ = 0;
        for (int y = 0; y < 500; y++)
            differ += memcmp((uint8_t *)sa->pixels + (size_t)y * (size_t)sa->pitch,
                             (uint8_t *)sb->pixels + (size_t)y * (size_t)sb->pitch, 700 * 4) != 0;
        T_INT(differ, 0);
        SDL_FreeSurface(sa);
        SDL_FreeSurface(sb);
        text_tex_free(&a);
        text_tex_free(&b);
        /* another size first: dropped, and that cover made as usual */
        T_INT(picture_prefetch(c.r, &im, 700, 500, PICTURE_FADE_LEFT, 0x102030), 0);
        T_INT(picture_cover(c.r, &im, 300, 200, PICTURE_FADE_NONE, 0, &a), 0);
        T_INT(picture_prefetch_pending(), 0);
        T_INT(a.w, 300);
        text_tex_free(&a);
        /* cancelled (twice: harmless) */
        T_INT(picture_prefetch(c.r, &im, 700, 500, PICTURE_FADE_NONE, 0), 0);
        picture_prefetch_cancel();
        picture_prefetch_cancel();
        T_INT(picture_prefetch_pending(), 0);
        /* a new one replaces the last */
        T_INT(picture_prefetch(c.r, &im, 700, 500, PICTURE_FADE_NONE, 0), 0);
        T_INT(picture_prefetch(c.r, &im, 600, 400, PICTURE_FADE_NONE, 0), 0);
        T_INT(picture_cover(c.r, &im, 600, 400, PICTURE_FADE_NONE, 0, &a), 0);
        T_INT(picture_prefetch_pending(), 0);
        text_tex_free(&a);
        /* broken bytes ahead: taken, it fails as a direct call does */
        memset(im.bytes + im.n / 4, 0, im.n - im.n / 4);
        im.n = im.n / 4;
        T_INT(picture_prefetch(c.r, &im, 700, 500, PICTURE_FADE_NONE, 0), 0);
        int rc = picture_cover(c.r, &im, 700, 500, PICTURE_FADE_NONE, 0, &a);
        T_OK(rc == -1 ? a.tex == NULL : (a.w == 700 && a.h == 500));
        text_tex_free(&a);
        T_INT(picture_prefetch_pending(), 0);
        store_image_free(&im);
    }
    picture_prefetch_buffered(0);
    T_INT(text_tex_live(), live0);
    canvas_close(&c);
}

static void test_cover_component(store *st)
{
    canvas c;
    canvas_open(&c, 800, 480);
    screen_ctx x = { c.r, fonts, st, "", &cfg, 0, 0 };
    ui_metrics m;
    ui_metrics_init(&m, 800, 480);
    store_article_row a = { 2, (char *)"Council delays the ferry timetable", (char *)"Ferry Gazette",
                            (char *)"2023-03-01", NULL };
    /* one outlet, one tone; the tone follows the background (mixed into it) */
    T_INT(ui_cover_tone(&x, "Ferry Gazette"), ui_cover_tone(&x, "Ferry Gazette"));
    T_OK(ui_cover_tone(&x, "Ferry Gazette") != cfg.color_bg);
    static const struct { int w, h, quote; } rows[] = {
        { 300, 200, 1 }, { 300, 60, 0 }, { 60, 60, 0 }, { 10, 10, 0 }, { 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        render_list l = {0};
        ui_cover_add(&l, &x, &m, &a, 10, 10, rows[i].w, rows[i].h, rows[i].quote);
        T_OK(l.n >= 1 && l.n <= 6);
        int inside = 1;
        for (int k = 0; k < l.n; k++) {
            SDL_Rect b = l.items[k].box;
            int bw = l.items[k].text.tex ? l.items[k].text.w : b.w;
            int bh = l.items[k].text.tex ? l.items[k].text.h : b.h;
            inside &= b.x >= 10 && b.y >= 10 && b.x + bw <= 10 + rows[i].w + 1 &&
                      b.y + bh <= 10 + rows[i].h + 1;
        }
        if (!inside) T_FAIL_("cover %dx%d draws outside its place", rows[i].w, rows[i].h);
        else t_passed++;                        /* nothing drawn outside its place */
        render_list_free(&l);
    }
    canvas_close(&c);
}

int main(void)
{
    log_set_quiet(1);
    (void)fixture_db;                           /* fixture.h: only fixture_append is used */
    snprintf(dir, sizeof dir, "/tmp/vitrine-picture-XXXXXX");
    if (!mkdtemp(dir) || TTF_Init() != 0)
        return 1;
    config_defaults(&cfg);
    fonts = font_lib_create(cfg.fonts_dir);
    T_OK(fonts != NULL);
    T_RUN(test_crop);
    T_RUN(test_tighten);
    T_RUN(test_pan);
    T_RUN(test_gallery);
    T_RUN(test_saved_page_pictures);
    T_RUN(test_cover_decode);
    T_RUN(test_prefetch);
    char db[128], old[128];
    snprintf(db, sizeof db, "%s/pictures.db", dir);
    T_INT(build_db(db), 0);
    store_err e;
    store *st = store_open(db, &e, NULL, 0);
    T_OK(st != NULL);
    if (st && fonts) {
        t_current = "test_cover_component";
        test_cover_component(st);
        t_current = "test_screens(schema 3)";
        test_screens(st, 1);
    }
    store_close(st);
    /* the same articles in a schema 2 file (no images table): covers only */
    snprintf(old, sizeof old, "%s/old.db", dir);
    sbuf sql = {0};
    T_INT(fixture_append(&sql, "tests/fixtures/schema.sql"), 0);
    sbuf_adds(&sql, "INSERT INTO articles VALUES(1, 'pic', 'The harbour lights return', "
              "'Harbour Post', NULL, '2024-05-02', NULL, 'The harbour lights were switched on.', 6, "
              "'pic.txt'), (2, 'plain', 'Council delays the ferry timetable', 'Ferry Gazette', NULL, "
              "'2023-03-01', NULL, 'The council delayed the timetable.', 5, 'plain.txt');"
              "INSERT INTO summaries VALUES(1, 0, 'The harbour lights were switched on.'),"
              "(2, 0, 'The council delayed the timetable.');");
    sqlite3 *h;
    T_INT(sqlite3_open(old, &h), SQLITE_OK);
    T_INT(sqlite3_exec(h, sql.s, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    sbuf_free(&sql);
    st = store_open(old, &e, NULL, 0);
    T_OK(st != NULL);
    if (st && fonts) {
        store_image im;
        T_INT(store_image_lead(st, 1, 0, &im), STORE_OK);
        T_OK(im.bytes == NULL);
        t_current = "test_screens(schema 2)";
        test_screens(st, 0);
    }
    store_close(st);
    font_lib_destroy(fonts);
    config_free(&cfg);
    TTF_Quit();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (!t_failed && system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    return T_DONE();
}
