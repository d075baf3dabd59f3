/*
 * docset.h - sets of document ids as bitmaps, and a shared cache of them
 *
 * Exact totals and facet counts need the whole matching set of a query,
 * not just its best page.  Xapian's matcher walks that set at ~40 ns a
 * document and weighs every one; a bitmap per term, combined word by word
 * (AND, OR, NOT over 64 documents at a time), gives the same set for a
 * fraction of that, and a bitmap read once can serve every later query
 * that names the same term.  This module owns the bitmaps and the cache;
 * xw_eval.cc walks Xapian's query tree over them.  Plain C, callable from C++.
 */
#ifndef CM_DOCSET_H
#define CM_DOCSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A set of docids in [0, nw * 64): bit d of the array is document d. */
struct docset {
	uint64_t *w;              /* the bitmap, owned */
	size_t nw;                /* 64-bit words in w */
};

/*
 * Make s an empty set able to hold docids 0..max_docid.  CM_ENOMEM (s is
 * left zeroed).  Release with docset_release(); releasing a zeroed set is
 * a no-op.
 */
int docset_init(struct docset *s, uint32_t max_docid, struct cm_err *err);
void docset_release(struct docset *s);

/* dst = dst OR / AND NOT / XOR src (same sizes).  Can't fail. */
void docset_or(struct docset *dst, const struct docset *src);
void docset_andnot(struct docset *dst, const struct docset *src);
void docset_xor(struct docset *dst, const struct docset *src);

/* dst = dst OR (src AND mask); a NULL mask is every document.  Can't fail. */
void docset_or_masked(struct docset *dst, const struct docset *src, const struct docset *mask);

/* Number of documents in s. */
size_t docset_count(const struct docset *s);

/* True when s holds no document. */
bool docset_is_empty(const struct docset *s);

static inline void docset_add(struct docset *s, uint32_t d)
{
	if ((size_t)(d >> 6) < s->nw)
		s->w[d >> 6] |= (uint64_t)1 << (d & 63);
}

static inline bool docset_has(const struct docset *s, uint32_t d)
{
	return (size_t)(d >> 6) < s->nw && (s->w[d >> 6] >> (d & 63)) & 1;
}

/*
 * The first docid >= from in s, or UINT32_MAX when there is none: the
 * iteration is `for (d = docset_next(s, 0); d != UINT32_MAX; d = docset_next(s, d + 1))`.
 */
uint32_t docset_next(const struct docset *s, uint32_t from);

/* ---- the cache ---------------------------------------------------------- */

/*
 * A cache of sets shared by every thread of a search engine, bounded in
 * bytes, least recently used out first.  Entries are immutable and counted:
 * a set found stays valid until its reference is dropped, even if the
 * cache evicts it meanwhile.  Every entry belongs to a generation (the
 * database's uuid and revision): asking with a new generation drops the
 * old one's entries, because a commit changes what a term matches.
 */
struct docset_cache;
struct docset_ref;

/* A cache of at most budget bytes of bitmaps; NULL when out of memory. */
struct docset_cache *docset_cache_new(size_t budget);
/* Free c and every entry; references must all have been dropped.  NULL is a no-op. */
void docset_cache_free(struct docset_cache *c);

/*
 * The cached set for key in generation gen, with a reference the caller
 * drops with docset_ref_drop(); NULL when not cached.  Thread-safe.
 */
struct docset_ref *docset_cache_find(struct docset_cache *c, const char *gen, const char *key,
				     size_t len);

/*
 * Move *s into the cache under (gen, key) and return a reference to it;
 * *s is zeroed either way.  When key is cached already (another thread
 * got there first) that entry is returned and *s released.  NULL when out
 * of memory or when the set alone is larger than the budget (then *s is
 * released too: the caller's copy is gone, look it up again or rebuild).
 */
struct docset_ref *docset_cache_add(struct docset_cache *c, const char *gen, const char *key,
				    size_t len, struct docset *s);

/* The set behind a reference; borrowed for as long as the reference. */
const struct docset *docset_ref_set(const struct docset_ref *r);

/* Drop a reference from find or add.  NULL is a no-op.  Thread-safe. */
void docset_ref_drop(struct docset_cache *c, struct docset_ref *r);

/* Counters for tests and benchmarks (all under the cache's lock). */
struct docset_cache_stats {
	size_t entries;           /* sets held */
	size_t bytes;             /* their bitmaps' size */
	size_t hits, misses;      /* docset_cache_find() outcomes */
	size_t evictions;         /* sets dropped to stay in budget */
};

#ifdef __cplusplus
}
#endif
#endif
