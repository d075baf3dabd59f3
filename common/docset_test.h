/*
 * docset_test.h - what docset's unit tests use beyond docset.h: AND, copy, the
 * cache's counters
 *
 * Not part of docset.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_DOCSET_TEST_H
#define CM_DOCSET_TEST_H

#include "docset.h"

#ifdef __cplusplus
extern "C" {
#endif

/* dst = dst AND src (same sizes).  Can't fail. */
void docset_and(struct docset *dst, const struct docset *src);

/* Copy src into dst; both were made for the same max_docid.  Can't fail. */
void docset_copy(struct docset *dst, const struct docset *src);

/* A snapshot of the cache's counters (docset.h's struct docset_cache_stats). */
void docset_cache_get_stats(struct docset_cache *c, struct docset_cache_stats *st);

#ifdef __cplusplus
}
#endif

#endif
