/*
** src/app/alloc.h: an allocation counter for "no allocation per frame" checks.
**
** Two sources feed one counter:
**   - alloc_hook_sdl() routes SDL's own allocator (SDL_malloc & co., used by
**     SDL, SDL_ttf and SDL_image) through counting wrappers. Call it before
**     SDL_Init; the app does so only for --bench and tests.
**   - anything else may call alloc_note(): tests/test_alloc.c interposes
**     malloc/calloc/realloc for the whole process (libc, FreeType, SQLite)
**     and notes each call here.
** Counting is a relaxed atomic add: cheap enough to leave on.
*/
#ifndef VITRINE_ALLOC_H
#define VITRINE_ALLOC_H

void alloc_hook_sdl(void);          /* idempotent; 0 effect after SDL_Init */
void alloc_note(void);              /* count one allocation */
unsigned long alloc_count(void);    /* allocations counted so far */

#endif
