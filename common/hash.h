/*
 * hash.h - 64-bit FNV-1a hashing, for content ids and hash tables
 *
 * Not cryptographic: content ids only need collisions to be vanishingly
 * rare among an archive's documents (2^-64 per pair), and FNV-1a is short,
 * dependency-free and fast enough next to tokenising.
 */
#ifndef CM_HASH_H
#define CM_HASH_H

#include <stddef.h>
#include <stdint.h>

enum { HASH64_HEX = 17 };   /* 16 hex digits and a NUL */

static inline uint64_t hash64_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}

/* FNV-1a's offset basis: the hash of nothing. */
#define HASH64_SEED 0xcbf29ce484222325ULL

/* h carried on over len more bytes (a hash of several pieces, HASH64_SEED first). */
static inline uint64_t hash64_add(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	for (size_t i = 0; i < len; i++)
		h = hash64_step(h, p[i]);
	return h;
}

static inline uint64_t hash64(const void *data, size_t len)
{
	return hash64_add(HASH64_SEED, data, len);
}

#endif
