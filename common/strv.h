/*
 * strv.h - a growable vector of owned C strings
 *
 * Used for lists of names (present, apologies), resolutions, paths.  A zeroed
 * struct is a valid empty vector; v[n] is always NULL once anything was added.
 */
#ifndef CM_STRV_H
#define CM_STRV_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct strv {
	char **v;       /* n owned strings followed by NULL; NULL while empty */
	size_t n;       /* strings held */
	size_t alloc;   /* slots allocated in v */
};

/* Append a copy of s (len bytes; strv_push copies a C string).  CM_OK or CM_ENOMEM. */
int strv_pushn(struct strv *sv, const char *s, size_t len);
int strv_push(struct strv *sv, const char *s);

/* Append s itself, taking ownership (freed even on failure).  CM_OK or CM_ENOMEM. */
int strv_take(struct strv *sv, char *s);

/* True when an equal string is held (linear; lists here are short). */
int strv_has(const struct strv *sv, const char *s);

/*
 * True when v (n strings sorted by strcmp) holds key[0..klen): a binary
 * search, for word lists looked up per word.
 */
bool strs_sorted_has(const char *const *v, size_t n, const char *key, size_t klen);

/* Free every string and the array; the struct is zeroed.  NULL-safe. */
void strv_release(struct strv *sv);

#ifdef __cplusplus
}
#endif
#endif
