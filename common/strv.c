/*
 * strv.c - a growable vector of owned C strings
 */
#include "strv.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

int strv_take(struct strv *sv, char *s)
{
	if (!s)
		return CM_ENOMEM;
	if (sv->n + 2 > sv->alloc) {
		size_t cap = sv->alloc ? sv->alloc * 2 : 8;
		char **p = realloc(sv->v, cap * sizeof *p);

		if (!p) {
			free(s);
			return CM_ENOMEM;
		}
		sv->v = p;
		sv->alloc = cap;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
	return CM_OK;
}

int strv_pushn(struct strv *sv, const char *s, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return CM_ENOMEM;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return strv_take(sv, copy);
}

int strv_push(struct strv *sv, const char *s)
{
	return strv_pushn(sv, s, strlen(s));
}

int strv_has(const struct strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

void strv_release(struct strv *sv)
{
	if (!sv)
		return;
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	memset(sv, 0, sizeof *sv);
}

bool strs_sorted_has(const char *const *v, size_t n, const char *key, size_t klen)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(v[mid], key, klen);

		if (c == 0 && v[mid][klen] != '\0')
			c = 1;	/* v[mid] is longer: key sorts first */
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
