/*
 * grow.h - make room in a growing array, the one way every module does it
 *
 * ARRAY_GROW(v, need, alloc) makes the array v, allocated for alloc
 * elements (a size_t), hold at least need elements: it doubles the
 * allocation (16 elements at first) and evaluates to 0, or to CM_ENOMEM when
 * the size would overflow or realloc fails, leaving v and alloc as they
 * were, so the caller still owns (and frees) what it had.
 */
#ifndef CM_GROW_H
#define CM_GROW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The function behind ARRAY_GROW: pv points to the array pointer. */
int grow_array(void *pv, size_t elem, size_t need, size_t *alloc);

#define ARRAY_GROW(v, need, alloc) \
	((size_t)(need) <= (alloc) ? 0 : grow_array(&(v), sizeof *(v), (need), &(alloc)))

#ifdef __cplusplus
}
#endif
#endif
