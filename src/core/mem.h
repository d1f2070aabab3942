/*
 * mem: allocation that aborts on out-of-memory, and arenas for per-command
 * and per-request allocations that are freed together.
 *
 * Running out of memory is not a condition masa can report usefully, so the
 * x* functions print one line and abort (as Redis does). Sizes that come from
 * outside input must be bounded before they reach these functions.
 */
#ifndef MASA_CORE_MEM_H
#define MASA_CORE_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
/* Copy of s (NULL gives NULL); caller frees with free(). */
char *xstrdup(const char *s);

/*
 * An arena hands out memory from large blocks and frees it all at once with
 * arena_free(). Memory from an arena is never freed on its own.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
};

#define ARENA_INIT   \
	{            \
		NULL \
	}

/* n bytes, aligned for any type, zeroed; owned by a. */
void *arena_alloc(struct arena *a, size_t n);
/*
 * Room for one more element in array (n elements of size bytes, in a, room
 * for *cap of them): array itself while n < *cap, else a copy twice as
 * large (first elements when it is empty) whose new room is zeroed; the
 * old copy stays in a. For lists read row by row into an arena.
 */
void *arena_grow(struct arena *a, void *array, size_t n, size_t *cap,
                 size_t size, size_t first);
/* Copy of s in a (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);
/* Copy of the first n bytes of s in a, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into a; the result is owned by a. */
char *arena_printf(struct arena *a, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* Frees every block of a; a may be used again afterwards. */
void arena_free(struct arena *a);

#endif
