/*
** src/app/alloc.c: the allocation counter (see alloc.h).
*/
#include "app/alloc.h"

#include <SDL.h>            /* SDL_SetMemoryFunctions */
#include <stdatomic.h>

static atomic_ulong allocs;
static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;

void alloc_note(void) { atomic_fetch_add_explicit(&allocs, 1, memory_order_relaxed); }
unsigned long alloc_count(void) { return atomic_load_explicit(&allocs, memory_order_relaxed); }

static void *count_malloc(size_t n) { alloc_note(); return real_malloc(n); }
static void *count_calloc(size_t n, size_t s) { alloc_note(); return real_calloc(n, s); }
static void *count_realloc(void *p, size_t n) { alloc_note(); return real_realloc(p, n); }

void alloc_hook_sdl(void)
{
    if (real_malloc)
        return;
    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc, &real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, real_free);
}
