/*
 * docset.c - bitmaps of docids and their shared cache (see docset.h)
 *
 * The cache is a chained hash table threaded on a doubly linked list in
 * least-recently-used order, under one mutex: lookups are a hash and a
 * few compares, so a finer lock would buy nothing at the rates a search
 * engine asks.  An entry leaves the table when evicted or when the
 * generation changes, and is freed when its last reference goes.
 */
#include "docset.h"
#include "docset_test.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lru.h"

int docset_init(struct docset *s, uint32_t max_docid, struct cm_err *err)
{
	size_t nw = ((size_t)max_docid >> 6) + 1;

	s->w = calloc(nw, sizeof *s->w);
	s->nw = s->w ? nw : 0;
	if (!s->w)
		return cm_err_set(err, CM_ENOMEM, "document set: out of memory");
	return CM_OK;
}

void docset_release(struct docset *s)
{
	if (!s)
		return;
	free(s->w);
	s->w = NULL;
	s->nw = 0;
}

void docset_copy(struct docset *dst, const struct docset *src)
{
	memcpy(dst->w, src->w, (dst->nw < src->nw ? dst->nw : src->nw) * sizeof *dst->w);
}

void docset_and(struct docset *dst, const struct docset *src)
{
	size_t n = dst->nw < src->nw ? dst->nw : src->nw;

	for (size_t i = 0; i < n; i++)
		dst->w[i] &= src->w[i];
	for (size_t i = n; i < dst->nw; i++)
		dst->w[i] = 0;
}

void docset_or(struct docset *dst, const struct docset *src)
{
	size_t n = dst->nw < src->nw ? dst->nw : src->nw;

	for (size_t i = 0; i < n; i++)
		dst->w[i] |= src->w[i];
}

void docset_andnot(struct docset *dst, const struct docset *src)
{
	size_t n = dst->nw < src->nw ? dst->nw : src->nw;

	for (size_t i = 0; i < n; i++)
		dst->w[i] &= ~src->w[i];
}

void docset_xor(struct docset *dst, const struct docset *src)
{
	size_t n = dst->nw < src->nw ? dst->nw : src->nw;

	for (size_t i = 0; i < n; i++)
		dst->w[i] ^= src->w[i];
}

void docset_or_masked(struct docset *dst, const struct docset *src, const struct docset *mask)
{
	size_t n = dst->nw < src->nw ? dst->nw : src->nw;

	if (!mask) {
		docset_or(dst, src);
		return;
	}
	if (mask->nw < n)
		n = mask->nw;
	for (size_t i = 0; i < n; i++)
		dst->w[i] |= src->w[i] & mask->w[i];
}

size_t docset_count(const struct docset *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nw; i++)
		n += (size_t)__builtin_popcountll(s->w[i]);
	return n;
}

bool docset_is_empty(const struct docset *s)
{
	for (size_t i = 0; i < s->nw; i++)
		if (s->w[i])
			return false;
	return true;
}

uint32_t docset_next(const struct docset *s, uint32_t from)
{
	size_t i = from >> 6;
	uint64_t w;

	if (i >= s->nw)
		return UINT32_MAX;
	w = s->w[i] & (~(uint64_t)0 << (from & 63));
	while (!w) {
		if (++i >= s->nw)
			return UINT32_MAX;
		w = s->w[i];
	}
	return (uint32_t)(i << 6) + (uint32_t)__builtin_ctzll(w);
}

/* ---- the cache ---------------------------------------------------------- */

struct docset_ref {
	struct docset set;            /* the bitmap, immutable once cached */
	char *key;                    /* owned, NUL-terminated copy */
	size_t len;                   /* key length */
	uint64_t hash;                /* of key */
	size_t refs;                  /* references handed out and not dropped */
	bool cached;                  /* still in the table (not evicted) */
	struct docset_ref *next_in_bucket;
	struct lru_link lru;          /* place in the recency list */
};

struct docset_cache {
	pthread_mutex_t lock;
	size_t budget;                /* bytes of bitmaps kept at most */
	char *gen;                    /* generation of every cached entry, owned */
	struct docset_ref **buckets;
	size_t n_buckets;             /* a power of two */
	struct lru_list lru;          /* every cached entry, by last use */
	struct docset_cache_stats st;
};

/* Buckets of a new cache; grown by doubling when entries outnumber them. */
enum { DOCSET_CACHE_BUCKETS = 256 };

struct docset_cache *docset_cache_new(size_t budget)
{
	struct docset_cache *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->buckets = calloc(DOCSET_CACHE_BUCKETS, sizeof *c->buckets);
	if (!c->buckets || pthread_mutex_init(&c->lock, NULL) != 0) {
		free(c->buckets);
		free(c);
		return NULL;
	}
	c->n_buckets = DOCSET_CACHE_BUCKETS;
	c->budget = budget;
	return c;
}

static void docset_entry_free(struct docset_ref *e)
{
	docset_release(&e->set);
	free(e->key);
	free(e);
}

/* The entry cached longest without use, NULL when empty. */
static struct docset_ref *docset_cache_oldest(struct docset_cache *c)
{
	return c->lru.oldest ? LRU_ENTRY(c->lru.oldest, struct docset_ref, lru) : NULL;
}

/* Take e out of the table and the LRU list; freed now if nobody holds it. */
static void docset_cache_unlink(struct docset_cache *c, struct docset_ref *e)
{
	struct docset_ref **p = &c->buckets[e->hash & (c->n_buckets - 1)];

	while (*p && *p != e)
		p = &(*p)->next_in_bucket;
	if (*p)
		*p = e->next_in_bucket;
	lru_unlink(&c->lru, &e->lru);
	e->next_in_bucket = NULL;
	e->cached = false;
	c->st.entries--;
	c->st.bytes -= e->set.nw * sizeof *e->set.w;
	if (!e->refs)
		docset_entry_free(e);
}

void docset_cache_free(struct docset_cache *c)
{
	if (!c)
		return;
	while (c->lru.oldest)
		docset_cache_unlink(c, docset_cache_oldest(c));
	pthread_mutex_destroy(&c->lock);
	free(c->buckets);
	free(c->gen);
	free(c);
}

/* Make gen current, dropping every entry of another generation.  Under the lock. */
static bool docset_cache_use_gen(struct docset_cache *c, const char *gen)
{
	char *copy;

	if (c->gen && strcmp(c->gen, gen) == 0)
		return true;
	copy = strdup(gen);
	if (!copy)
		return false;
	while (c->lru.oldest)
		docset_cache_unlink(c, docset_cache_oldest(c));
	free(c->gen);
	c->gen = copy;
	return true;
}

static struct docset_ref *docset_cache_lookup(struct docset_cache *c, const char *key,
					      size_t len, uint64_t h)
{
	for (struct docset_ref *e = c->buckets[h & (c->n_buckets - 1)]; e; e = e->next_in_bucket)
		if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

struct docset_ref *docset_cache_find(struct docset_cache *c, const char *gen, const char *key,
				     size_t len)
{
	uint64_t h = hash64(key, len);
	struct docset_ref *e = NULL;

	pthread_mutex_lock(&c->lock);
	if (docset_cache_use_gen(c, gen))
		e = docset_cache_lookup(c, key, len, h);
	if (e) {
		e->refs++;
		lru_touch(&c->lru, &e->lru);
		c->st.hits++;
	} else {
		c->st.misses++;
	}
	pthread_mutex_unlock(&c->lock);
	return e;
}

/* Double the buckets when the table is fuller than one entry a bucket. */
static void docset_cache_grow(struct docset_cache *c)
{
	size_t n = c->n_buckets * 2;
	struct docset_ref **b;

	if (c->st.entries < c->n_buckets)
		return;
	b = calloc(n, sizeof *b);
	if (!b)
		return;   /* longer chains, still correct */
	for (struct lru_link *l = c->lru.oldest; l; l = l->newer) {
		struct docset_ref *e = LRU_ENTRY(l, struct docset_ref, lru);

		e->next_in_bucket = b[e->hash & (n - 1)];
		b[e->hash & (n - 1)] = e;
	}
	free(c->buckets);
	c->buckets = b;
	c->n_buckets = n;
}

struct docset_ref *docset_cache_add(struct docset_cache *c, const char *gen, const char *key,
				    size_t len, struct docset *s)
{
	uint64_t h = hash64(key, len);
	size_t bytes = s->nw * sizeof *s->w;
	struct docset_ref *e, *had;

	if (bytes > c->budget) {
		docset_release(s);
		return NULL;
	}
	e = calloc(1, sizeof *e);
	if (e)
		e->key = malloc(len + 1);
	if (!e || !e->key) {
		free(e);
		docset_release(s);
		return NULL;
	}
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	e->len = len;
	e->hash = h;
	e->set = *s;
	e->refs = 1;
	memset(s, 0, sizeof *s);

	pthread_mutex_lock(&c->lock);
	if (!docset_cache_use_gen(c, gen)) {
		pthread_mutex_unlock(&c->lock);
		docset_entry_free(e);
		return NULL;
	}
	had = docset_cache_lookup(c, key, len, h);
	if (had) {
		had->refs++;
		lru_touch(&c->lru, &had->lru);
		pthread_mutex_unlock(&c->lock);
		docset_entry_free(e);
		return had;
	}
	while (c->lru.oldest && c->st.bytes + bytes > c->budget) {
		docset_cache_unlink(c, docset_cache_oldest(c));
		c->st.evictions++;
	}
	e->cached = true;
	e->next_in_bucket = c->buckets[h & (c->n_buckets - 1)];
	c->buckets[h & (c->n_buckets - 1)] = e;
	lru_push_newest(&c->lru, &e->lru);
	c->st.entries++;
	c->st.bytes += bytes;
	docset_cache_grow(c);
	pthread_mutex_unlock(&c->lock);
	return e;
}

const struct docset *docset_ref_set(const struct docset_ref *r)
{
	return &r->set;
}

void docset_ref_drop(struct docset_cache *c, struct docset_ref *r)
{
	bool gone;

	if (!r)
		return;
	pthread_mutex_lock(&c->lock);
	gone = --r->refs == 0 && !r->cached;
	pthread_mutex_unlock(&c->lock);
	if (gone)
		docset_entry_free(r);
}

void docset_cache_get_stats(struct docset_cache *c, struct docset_cache_stats *st)
{
	pthread_mutex_lock(&c->lock);
	*st = c->st;
	pthread_mutex_unlock(&c->lock);
}
