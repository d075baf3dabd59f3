/*
 * intern.c - strings interned to dense indexes (see intern.h)
 *
 * Open addressing with linear probing over a power-of-two slot array kept
 * at most half full; each slot keeps its string's hash, so a probe compares
 * strings only when the hashes agree.
 */
#include "intern.h"
#include "grow.h"
#include "hash.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool intern_rehash(struct intern *t)
{
	size_t n = t->n_slots ? t->n_slots * 2 : 64;
	size_t *sl = calloc(n, sizeof *sl);
	uint64_t *hs = calloc(n, sizeof *hs);

	if (!sl || !hs) {
		free(sl);
		free(hs);
		return false;
	}
	for (size_t j = 0; j < t->n_slots; j++) {
		size_t k;

		if (!t->slots[j])
			continue;
		k = (size_t)t->hashes[j] & (n - 1);
		while (sl[k])
			k = (k + 1) & (n - 1);
		sl[k] = t->slots[j];
		hs[k] = t->hashes[j];
	}
	free(t->slots);
	free(t->hashes);
	t->slots = sl;
	t->hashes = hs;
	t->n_slots = n;
	return true;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t intern_slot(const struct intern *t, const char *s, size_t len, uint64_t h)
{
	size_t j = (size_t)h & (t->n_slots - 1);

	while (t->slots[j]) {
		if (t->hashes[j] == h) {
			const char *v = t->v[t->slots[j] - 1];

			if (strncmp(v, s, len) == 0 && v[len] == '\0')
				break;
		}
		j = (j + 1) & (t->n_slots - 1);
	}
	return j;
}

size_t intern_find(const struct intern *t, const char *s, size_t len)
{
	size_t j;

	if (!t->n_slots)
		return (size_t)-1;
	j = intern_slot(t, s, len, hash64(s, len));
	return t->slots[j] ? t->slots[j] - 1 : (size_t)-1;
}

size_t intern_add(struct intern *t, const char *s, size_t len)
{
	uint64_t h = hash64(s, len);
	size_t j;
	char *copy;

	if (t->n_slots) {
		j = intern_slot(t, s, len, h);
		if (t->slots[j])
			return t->slots[j] - 1;
	}
	if (2 * (t->n + 1) > t->n_slots && !intern_rehash(t))
		return (size_t)-1;
	if (ARRAY_GROW(t->v, t->n + 1, t->alloc))
		return (size_t)-1;
	copy = strndup(s, len);
	if (!copy)
		return (size_t)-1;
	t->v[t->n++] = copy;
	j = intern_slot(t, s, len, h);
	t->slots[j] = t->n;
	t->hashes[j] = h;
	return t->n - 1;
}

void intern_release(struct intern *t)
{
	if (!t)
		return;
	for (size_t i = 0; t->v && i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	free(t->slots);
	free(t->hashes);
	memset(t, 0, sizeof *t);
}
