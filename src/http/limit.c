/*
 * limit: a sliding window of attempts per address (see limit.h).
 *
 * Each address has a slot holding the times of its attempts within the
 * window, oldest first, in a ring of `attempts` entries. A slot is found by
 * a hash of the address and at most LIMIT_PROBES slots after it; an address
 * not found takes a free slot there, or the one that tried least recently.
 */
#include "http/limit.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "core/mem.h"

enum { LIMIT_PROBES = 8 };

struct limit_slot {
	struct limit_address addr;
	bool used;
	unsigned start; /* the oldest attempt's place in the ring */
	unsigned count; /* attempts within the window */
	time_t last;    /* the latest attempt */
};

struct limit {
	pthread_mutex_t lock;
	unsigned attempts, window;
	struct limit_slot *slots; /* LIMIT_ADDRESSES */
	time_t *times;            /* attempts per slot */
};

struct limit *limit_new(unsigned attempts, unsigned window)
{
	struct limit *l = xcalloc(1, sizeof *l);

	if (attempts < 1)
		attempts = 1;
	if (attempts > LIMIT_ATTEMPTS_MAX)
		attempts = LIMIT_ATTEMPTS_MAX;
	if (window < 1)
		window = 1;
	if (window > LIMIT_WINDOW_MAX)
		window = LIMIT_WINDOW_MAX;
	pthread_mutex_init(&l->lock, NULL);
	l->attempts = attempts;
	l->window = window;
	l->slots = xcalloc(LIMIT_ADDRESSES, sizeof *l->slots);
	l->times =
	        xcalloc((size_t)LIMIT_ADDRESSES * attempts, sizeof *l->times);
	return l;
}

void limit_free(struct limit *l)
{
	if (l == NULL)
		return;
	pthread_mutex_destroy(&l->lock);
	free(l->slots);
	free(l->times);
	free(l);
}

bool limit_address_parse(const char *text, struct limit_address *out)
{
	struct in_addr v4;

	memset(out, 0, sizeof *out);
	if (text != NULL && inet_pton(AF_INET, text, &v4) == 1) {
		out->bytes[10] = out->bytes[11] = 0xff;
		memcpy(out->bytes + 12, &v4, 4);
		return true;
	}
	if (text == NULL || inet_pton(AF_INET6, text, out->bytes) != 1)
		return false;
	memset(out->bytes + 8, 0, 8); /* the /64 */
	return true;
}

bool limit_address_of(const void *sockaddr, struct limit_address *out)
{
	const struct sockaddr *sa = sockaddr;

	memset(out, 0, sizeof *out);
	if (sa != NULL && sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = sockaddr;
		out->bytes[10] = out->bytes[11] = 0xff;
		memcpy(out->bytes + 12, &in->sin_addr, 4);
		return true;
	}
	if (sa != NULL && sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = sockaddr;
		memcpy(out->bytes, &in6->sin6_addr, 8); /* the /64 */
		return true;
	}
	return false;
}

/* The ring of slot s's attempt times. */
static time_t *slot_times(const struct limit *l, const struct limit_slot *s)
{
	return l->times + (size_t)(s - l->slots) * l->attempts;
}

/* FNV-1a of the address. */
static size_t address_hash(const struct limit_address *addr)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < sizeof addr->bytes; i++)
		h = (h ^ addr->bytes[i]) * 16777619u;
	return h % LIMIT_ADDRESSES;
}

/*
 * The slot of addr, with attempts older than the window dropped; when it
 * has none and make is true, a new one (freeing the least recent); else
 * NULL.
 */
static struct limit_slot *slot_of(struct limit *l,
                                  const struct limit_address *addr, time_t now,
                                  bool make)
{
	size_t h = address_hash(addr);
	struct limit_slot *found = NULL, *spare = NULL;

	for (size_t i = 0; i < LIMIT_PROBES && found == NULL; i++) {
		struct limit_slot *s = &l->slots[(h + i) % LIMIT_ADDRESSES];
		if (s->used && memcmp(&s->addr, addr, sizeof *addr) == 0)
			found = s;
		else if (spare == NULL || (spare->used && !s->used) ||
		         (spare->used && s->last < spare->last))
			spare = s;
	}
	if (found == NULL && !make)
		return NULL;
	if (found == NULL) {
		found = spare;
		memset(found, 0, sizeof *found);
		found->used = true;
		found->addr = *addr;
	}
	time_t *times = slot_times(l, found);
	while (found->count > 0 && times[found->start] + l->window <= now) {
		found->start = (found->start + 1) % l->attempts;
		found->count--;
	}
	return found;
}

/* Whether s may try again; else the seconds until it may. */
static bool slot_allows(const struct limit *l, const struct limit_slot *s,
                        time_t now, unsigned *retry_after)
{
	const time_t *times = slot_times(l, s);
	time_t wait;

	if (s->count < l->attempts)
		return true;
	wait = times[s->start] + l->window - now;
	*retry_after = wait < 1 ? 1 : (unsigned)wait;
	return false;
}

/* limit_take (count true) and limit_allows (false). */
static bool attempt(struct limit *l, const struct limit_address *addr,
                    time_t now, bool count, unsigned *retry_after)
{
	struct limit_slot *s;
	bool allowed;

	pthread_mutex_lock(&l->lock);
	s = slot_of(l, addr, now, count);
	allowed = s == NULL || slot_allows(l, s, now, retry_after);
	if (allowed && count) {
		slot_times(l, s)[(s->start + s->count) % l->attempts] = now;
		s->count++;
		s->last = now;
	}
	pthread_mutex_unlock(&l->lock);
	return allowed;
}

bool limit_take(struct limit *l, const struct limit_address *addr, time_t now,
                unsigned *retry_after)
{
	return attempt(l, addr, now, true, retry_after);
}

bool limit_allows(struct limit *l, const struct limit_address *addr, time_t now,
                  unsigned *retry_after)
{
	return attempt(l, addr, now, false, retry_after);
}
