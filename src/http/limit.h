/*
 * limit: how often one address may try to sign in, in memory.
 *
 * A sliding window per address: at most `attempts` tries in any `window`
 * seconds; the next is refused until the oldest of them is `window` seconds
 * old. The server counts every POST /sign-in and every request whose API
 * token is refused, and refuses both (429) while an address is over. IPv6
 * addresses count by their /64, which one client usually holds whole.
 *
 * The table is of fixed size (LIMIT_ADDRESSES): when it is full, the
 * address that tried least recently is forgotten. That bounds memory
 * whatever the number of addresses; an attacker with very many addresses
 * can make masa forget one, and the account lock-out (gov/account.h) still
 * holds. Thread-safe: one mutex around each call.
 */
#ifndef MASA_HTTP_LIMIT_H
#define MASA_HTTP_LIMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

enum {
	LIMIT_ADDRESSES = 4096,
	LIMIT_ATTEMPTS_MAX = 100, /* the most attempts a window may allow */
	LIMIT_WINDOW_MAX = 86400, /* the longest window, in seconds */
};

struct limit;

/* An address as the table keys it: 16 bytes (IPv4 mapped into IPv6). */
struct limit_address {
	unsigned char bytes[16];
};

/*
 * A table allowing attempts (1 to LIMIT_ATTEMPTS_MAX) per window seconds
 * (1 to LIMIT_WINDOW_MAX). Caller frees with limit_free().
 */
struct limit *limit_new(unsigned attempts, unsigned window);
void limit_free(struct limit *l);

/*
 * Reads text (an IPv4 or IPv6 address) into *out; false if it is not one.
 * IPv6 keeps its first 64 bits.
 */
bool limit_address_parse(const char *text, struct limit_address *out);
/* The same from a socket address (AF_INET or AF_INET6); false otherwise. */
bool limit_address_of(const void *sockaddr, struct limit_address *out);

/*
 * Counts an attempt from addr at now (seconds on a clock that does not go
 * back). Returns true when it is allowed; false, with *retry_after the
 * seconds until the next one will be (at least 1), when addr is over its
 * limit: a refused attempt is not counted.
 */
bool limit_take(struct limit *l, const struct limit_address *addr, time_t now,
                unsigned *retry_after);
/* Like limit_take, but counts nothing: whether addr may try now. */
bool limit_allows(struct limit *l, const struct limit_address *addr, time_t now,
                  unsigned *retry_after);

#endif
