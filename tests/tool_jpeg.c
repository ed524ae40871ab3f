/*
** tests/tool_jpeg.c: turn pictures into JPEG for the benches.
**
**   build/tests/tool_jpeg [-q QUALITY] FILE.png...
**
** Writes FILE.jpg beside each FILE.png (SDL2_image: libpng in, libjpeg-turbo
** out, quality 90 by default, as a newsroom's CMS serves its photos) and
** removes FILE.png, so that an article's lead picture is the JPEG.
** tests/make_pictures.py draws the pictures (pure Python: it can only
** write PNG). Not a test: tests/run.sh runs tests/test_* only.
*/
#include <SDL.h>
#include <SDL_image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int q = 90, i = 1, rc = 0;
    if (argc > 2 && !strcmp(argv[1], "-q")) { q = atoi(argv[2]); i = 3; }
    for (; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (n < 5 || strcmp(argv[i] + n - 4, ".png")) {
            fprintf(stderr, "tool_jpeg: %s: not a .png name\n", argv[i]);
            rc = 1;
            continue;
        }
        SDL_Surface *s = IMG_Load(argv[i]);
        char *out = malloc(n + 1);
        memcpy(out, argv[i], n - 4);
        memcpy(out + n - 4, ".jpg", 5);
        if (!s || IMG_SaveJPG(s, out, q) != 0) {
            fprintf(stderr, "tool_jpeg: %s: %s\n", argv[i], IMG_GetError());
            rc = 1;
        } else {
            remove(argv[i]);
        }
        SDL_FreeSurface(s);
        free(out);
    }
    return rc;
}
