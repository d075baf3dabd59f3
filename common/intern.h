/*
 * intern.h - strings interned to dense indexes
 *
 * The research commands count by series, council and title key: each
 * distinct string gets the next index (0, 1, 2...) once, so counts live in
 * plain arrays indexed by it.  Lookups hash the bytes once (hash64).
 */
#ifndef CM_INTERN_H
#define CM_INTERN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct intern {
	char **v;                     /* n strings by index, owned */
	size_t n, alloc;
	size_t *slots;                /* index + 1, 0 = empty; n_slots is a power of two */
	uint64_t *hashes;             /* hash of each slot's string, so probes compare rarely */
	size_t n_slots;
};

/* Index of s (len bytes), added when new; (size_t)-1 when out of memory. */
size_t intern_add(struct intern *t, const char *s, size_t len);

/* Index of s or (size_t)-1 when absent. */
size_t intern_find(const struct intern *t, const char *s, size_t len);

/* Free everything; the strings too unless taken (t->v set to NULL). */
void intern_release(struct intern *t);

#ifdef __cplusplus
}
#endif
#endif
