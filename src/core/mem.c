/*
 * mem: aborting allocators and arenas (see mem.h).
 */
#include "core/mem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "masa: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);
	if (p == NULL)
		out_of_memory(count * n);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}

/*
 * Blocks start small and double up to the largest size, so that the many
 * short-lived arenas of validation code cost a small allocation each.
 */
enum { ARENA_FIRST_BLOCK = 1024, ARENA_BLOCK_SIZE = 64 * 1024 };

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = _Alignof(max_align_t);
	size_t need = (n + align - 1) & ~(align - 1);
	unsigned char *p;

	if (need < n)
		out_of_memory(n);
	if (b == NULL || b->size - b->used < need) {
		size_t step = b == NULL ? ARENA_FIRST_BLOCK
		              : b->size >= ARENA_BLOCK_SIZE / 2
		                      ? ARENA_BLOCK_SIZE
		                      : b->size * 2;
		size_t size = need > step ? need : step;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (unsigned char *)b->data + b->used;
	b->used += need;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *arena_grow(struct arena *a, void *array, size_t n, size_t *cap,
                 size_t size, size_t first)
{
	size_t more = *cap ? *cap * 2 : first;
	void *bigger;

	if (n < *cap)
		return array;
	if (more < *cap || more > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	bigger = arena_alloc(a, more * size);
	if (n > 0)
		memcpy(bigger, array, n * size);
	*cap = more;
	return bigger;
}

char *arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b != NULL) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
