/*
 * srvcache.h - the HTTP server's bounded cache of rendered responses
 *
 * A least-recently-used map from a normalised request (any bytes) to the
 * response body computed for it, bounded both in entries and in bytes.
 * Every entry remembers the index revision it was computed on; a lookup at
 * another revision misses, and the first store at a new revision empties
 * the cache, so results never outlive the commit they came from.
 * Thread-safe (one mutex; the work under it is a hash lookup and a copy).
 */
#ifndef SRCH_SRVCACHE_H
#define SRCH_SRVCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

struct srvcache;

struct srvcache_stats {
	size_t entries;               /* held now */
	size_t bytes;                 /* bytes of keys and values held now */
	size_t hits, misses;          /* lookups since creation */
	size_t evictions;             /* entries dropped for room */
	size_t flushes;               /* times emptied by a new revision */
};

/*
 * A cache of at most max_entries entries and max_bytes bytes of keys and
 * values.  NULL when out of memory or max_entries is 0 (a disabled cache:
 * every srvcache_* call accepts NULL and does nothing).
 */
struct srvcache *srvcache_new(size_t max_entries, size_t max_bytes);
void srvcache_free(struct srvcache *c);

/*
 * Append the value stored for key at revision rev to out and return true;
 * false (out untouched) when absent or stored at another revision.
 * The entry becomes the most recently used.
 */
bool srvcache_get(struct srvcache *c, const char *key, size_t klen, const char *rev,
		  struct sbuf *out);

/*
 * Store a copy of val for key at revision rev, replacing an older entry
 * and evicting the least recently used ones to make room.  A value larger
 * than a quarter of max_bytes is not stored.  Out of memory: not stored.
 */
void srvcache_put(struct srvcache *c, const char *key, size_t klen, const char *rev,
		  const char *val, size_t vlen);

#endif
