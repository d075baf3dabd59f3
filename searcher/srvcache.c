/*
 * srvcache.c - bounded LRU cache of responses keyed by request (see srvcache.h)
 *
 * Open hashing into an array of chains sized for max_entries, plus one
 * doubly linked list in recency order (head = newest).  Keys and values
 * live in one allocation per entry.
 */
#include "srvcache.h"
#include "srvcache_test.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lru.h"

/* Longest revision string kept; xw_db_revision's are about 30 bytes. */
enum { SRVCACHE_REV_MAX = 64 };

struct srvcache_entry {
	struct srvcache_entry *chain;          /* next in the hash bucket */
	struct lru_link lru;                   /* place in the recency list */
	uint64_t hash;                         /* hash64 of the key */
	size_t klen, vlen;                     /* key and value lengths */
	char *val;                             /* points into key[] after the key */
	char key[];                            /* key bytes, then value bytes */
};

struct srvcache {
	pthread_mutex_t lock;                  /* guards everything below */
	struct srvcache_entry **bucket;        /* n_bucket chains */
	size_t n_bucket;                       /* a power of two */
	struct lru_list lru;                   /* every entry, by last use */
	size_t max_entries, max_bytes;         /* bounds */
	char rev[SRVCACHE_REV_MAX];            /* revision of every entry held */
	struct srvcache_stats st;              /* counters */
};

static size_t srvcache_cost(const struct srvcache_entry *e)
{
	return sizeof *e + e->klen + e->vlen;
}

struct srvcache *srvcache_new(size_t max_entries, size_t max_bytes)
{
	struct srvcache *c;
	size_t n = 16;

	if (max_entries == 0)
		return NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	/* Load factor at most one: chains stay a step or two long. */
	while (n < max_entries && n < (SIZE_MAX >> 2))
		n <<= 1;
	c->bucket = calloc(n, sizeof *c->bucket);
	if (!c->bucket) {
		free(c);
		return NULL;
	}
	c->n_bucket = n;
	c->max_entries = max_entries;
	c->max_bytes = max_bytes;
	pthread_mutex_init(&c->lock, NULL);
	return c;
}

static void srvcache_unlink(struct srvcache *c, struct srvcache_entry *e)
{
	struct srvcache_entry **p = &c->bucket[e->hash & (c->n_bucket - 1)];

	while (*p != e)
		p = &(*p)->chain;
	*p = e->chain;
	lru_unlink(&c->lru, &e->lru);
	c->st.entries--;
	c->st.bytes -= srvcache_cost(e);
	free(e);
}

/* The entry used longest ago, NULL when empty. */
static struct srvcache_entry *srvcache_oldest(struct srvcache *c)
{
	return c->lru.oldest ? LRU_ENTRY(c->lru.oldest, struct srvcache_entry, lru) : NULL;
}

static void srvcache_clear(struct srvcache *c)
{
	while (c->lru.oldest)
		srvcache_unlink(c, srvcache_oldest(c));
}

void srvcache_free(struct srvcache *c)
{
	if (!c)
		return;
	srvcache_clear(c);
	pthread_mutex_destroy(&c->lock);
	free(c->bucket);
	free(c);
}

static struct srvcache_entry *srvcache_find(struct srvcache *c, const char *key, size_t klen,
					    uint64_t h)
{
	struct srvcache_entry *e = c->bucket[h & (c->n_bucket - 1)];

	for (; e; e = e->chain)
		if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0)
			return e;
	return NULL;
}

bool srvcache_get(struct srvcache *c, const char *key, size_t klen, const char *rev,
		  struct sbuf *out)
{
	struct srvcache_entry *e;
	uint64_t h = hash64(key, klen);
	bool hit = false;

	if (!c)
		return false;
	pthread_mutex_lock(&c->lock);
	e = strcmp(c->rev, rev) == 0 ? srvcache_find(c, key, klen, h) : NULL;
	if (e) {
		lru_touch(&c->lru, &e->lru);
		sbuf_add(out, e->val, e->vlen);
		hit = !sbuf_oom(out);
	}
	if (hit)
		c->st.hits++;
	else
		c->st.misses++;
	pthread_mutex_unlock(&c->lock);
	return hit;
}

void srvcache_put(struct srvcache *c, const char *key, size_t klen, const char *rev,
		  const char *val, size_t vlen)
{
	struct srvcache_entry *e, *old;
	uint64_t h = hash64(key, klen);

	if (!c || strlen(rev) >= SRVCACHE_REV_MAX || vlen > c->max_bytes / 4)
		return;
	e = malloc(sizeof *e + klen + vlen);
	if (!e)
		return;
	e->hash = h;
	e->klen = klen;
	e->vlen = vlen;
	e->val = e->key + klen;
	memcpy(e->key, key, klen);
	memcpy(e->val, val, vlen);
	pthread_mutex_lock(&c->lock);
	if (strcmp(c->rev, rev) != 0) {
		if (c->st.entries)
			c->st.flushes++;
		srvcache_clear(c);
		strcpy(c->rev, rev);
	}
	old = srvcache_find(c, key, klen, h);
	if (old)
		srvcache_unlink(c, old);
	while (c->lru.oldest && (c->st.entries + 1 > c->max_entries ||
				 c->st.bytes + srvcache_cost(e) > c->max_bytes)) {
		srvcache_unlink(c, srvcache_oldest(c));
		c->st.evictions++;
	}
	e->chain = c->bucket[h & (c->n_bucket - 1)];
	c->bucket[h & (c->n_bucket - 1)] = e;
	lru_push_newest(&c->lru, &e->lru);
	c->st.entries++;
	c->st.bytes += srvcache_cost(e);
	pthread_mutex_unlock(&c->lock);
}

void srvcache_get_stats(struct srvcache *c, struct srvcache_stats *st)
{
	memset(st, 0, sizeof *st);
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	*st = c->st;
	pthread_mutex_unlock(&c->lock);
}
