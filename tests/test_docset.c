/*
 * test_docset.c - bitmaps of docids and their shared cache
 *
 * Set operations against a plain array model, iteration order and bounds,
 * and the cache: hits and misses, least-recently-used eviction within the
 * byte budget, a new generation dropping the old one's entries, and a set
 * staying valid while referenced even after it left the cache.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "docset.h"
#include "docset_test.h"

enum { MAXD = 1000 };

/* The set holds exactly the docids d where model[d] is set. */
static void assert_sane_docset(const struct docset *s, const unsigned char *model)
{
	size_t n = 0;
	uint32_t d;

	for (uint32_t i = 0; i <= MAXD; i++) {
		assert_int_equal(docset_has(s, i), model[i] != 0);
		n += model[i] != 0;
	}
	assert_int_equal(docset_count(s), n);
	assert_int_equal(docset_is_empty(s), n == 0);
	/* Iteration visits the members in increasing order, and nothing else. */
	n = 0;
	for (d = docset_next(s, 0); d != UINT32_MAX; d = docset_next(s, d + 1)) {
		assert_true(d <= MAXD);
		assert_true(model[d]);
		n++;
	}
	assert_int_equal(n, docset_count(s));
}

static void fill(struct docset *s, unsigned char *model, unsigned seed, unsigned every)
{
	for (uint32_t d = 0; d <= MAXD; d++)
		if ((d * 2654435761u + seed) % every == 0) {
			docset_add(s, d);
			model[d] = 1;
		}
}

static void test_docset_operations_match_model(void **state)
{
	struct docset a, b, c;
	unsigned char ma[MAXD + 1] = {0}, mb[MAXD + 1] = {0}, mc[MAXD + 1];

	(void)state;
	assert_int_equal(docset_init(&a, MAXD, NULL), CM_OK);
	assert_int_equal(docset_init(&b, MAXD, NULL), CM_OK);
	assert_int_equal(docset_init(&c, MAXD, NULL), CM_OK);
	assert_sane_docset(&a, ma);
	fill(&a, ma, 1, 3);
	fill(&b, mb, 7, 5);
	assert_sane_docset(&a, ma);
	assert_sane_docset(&b, mb);

	docset_copy(&c, &a);
	docset_and(&c, &b);
	for (int d = 0; d <= MAXD; d++)
		mc[d] = ma[d] && mb[d];
	assert_sane_docset(&c, mc);

	docset_copy(&c, &a);
	docset_or(&c, &b);
	for (int d = 0; d <= MAXD; d++)
		mc[d] = ma[d] || mb[d];
	assert_sane_docset(&c, mc);

	docset_copy(&c, &a);
	docset_andnot(&c, &b);
	for (int d = 0; d <= MAXD; d++)
		mc[d] = ma[d] && !mb[d];
	assert_sane_docset(&c, mc);

	docset_copy(&c, &a);
	docset_xor(&c, &b);
	for (int d = 0; d <= MAXD; d++)
		mc[d] = (ma[d] != 0) != (mb[d] != 0);
	assert_sane_docset(&c, mc);

	/* c |= a AND b, then with no mask c |= a. */
	memset(c.w, 0, c.nw * sizeof *c.w);
	docset_or_masked(&c, &a, &b);
	for (int d = 0; d <= MAXD; d++)
		mc[d] = ma[d] && mb[d];
	assert_sane_docset(&c, mc);
	docset_or_masked(&c, &a, NULL);
	assert_sane_docset(&c, ma);

	docset_release(&a);
	docset_release(&b);
	docset_release(&c);
	docset_release(&c);          /* a released set releases again harmlessly */
}

static void test_docset_edges(void **state)
{
	struct docset s;

	(void)state;
	assert_int_equal(docset_init(&s, 127, NULL), CM_OK);
	assert_int_equal(s.nw, 2);
	assert_int_equal(docset_next(&s, 0), UINT32_MAX);
	docset_add(&s, 63);
	docset_add(&s, 64);
	docset_add(&s, 127);
	docset_add(&s, 128);          /* past the end: ignored, not a write out of bounds */
	assert_false(docset_has(&s, 128));
	assert_int_equal(docset_next(&s, 0), 63);
	assert_int_equal(docset_next(&s, 64), 64);
	assert_int_equal(docset_next(&s, 65), 127);
	assert_int_equal(docset_next(&s, 128), UINT32_MAX);
	assert_int_equal(docset_next(&s, 100000), UINT32_MAX);
	assert_int_equal(docset_count(&s), 3);
	docset_release(&s);
}

/* A set of max docid 1023 (16 words, 128 bytes) holding d. */
static struct docset one(uint32_t d)
{
	struct docset s;

	assert_int_equal(docset_init(&s, 1023, NULL), CM_OK);
	docset_add(&s, d);
	return s;
}

static void test_docset_cache_find_add_evict(void **state)
{
	struct docset_cache *c = docset_cache_new(3 * 128);   /* room for three sets */
	struct docset_cache_stats st;
	struct docset_ref *r;
	struct docset s;

	(void)state;
	assert_non_null(c);
	assert_null(docset_cache_find(c, "g1", "a", 1));
	s = one(1);
	r = docset_cache_add(c, "g1", "a", 1, &s);
	assert_non_null(r);
	assert_null(s.w);            /* moved into the cache */
	assert_true(docset_has(docset_ref_set(r), 1));
	docset_ref_drop(c, r);
	s = one(2);
	docset_ref_drop(c, docset_cache_add(c, "g1", "b", 1, &s));
	s = one(3);
	docset_ref_drop(c, docset_cache_add(c, "g1", "c", 1, &s));

	/* Touch "a" so "b" is the least recently used, then a fourth set evicts "b". */
	r = docset_cache_find(c, "g1", "a", 1);
	assert_non_null(r);
	docset_ref_drop(c, r);
	s = one(4);
	docset_ref_drop(c, docset_cache_add(c, "g1", "d", 1, &s));
	assert_null(docset_cache_find(c, "g1", "b", 1));
	r = docset_cache_find(c, "g1", "a", 1);
	assert_non_null(r);
	assert_true(docset_has(docset_ref_set(r), 1));
	docset_ref_drop(c, r);
	docset_cache_get_stats(c, &st);
	assert_int_equal(st.entries, 3);
	assert_int_equal(st.bytes, 3 * 128);
	assert_int_equal(st.evictions, 1);
	assert_int_equal(st.hits, 2);
	assert_int_equal(st.misses, 2);

	/* Adding a key already there keeps the first set and frees the second. */
	s = one(9);
	r = docset_cache_add(c, "g1", "a", 1, &s);
	assert_non_null(r);
	assert_true(docset_has(docset_ref_set(r), 1));
	assert_false(docset_has(docset_ref_set(r), 9));
	assert_null(s.w);
	docset_ref_drop(c, r);

	/* Larger than the whole budget: refused, and the set is released. */
	assert_int_equal(docset_init(&s, 100000, NULL), CM_OK);
	assert_null(docset_cache_add(c, "g1", "big", 3, &s));
	assert_null(s.w);
	docset_cache_free(c);
}

static void test_docset_cache_generation_and_refs(void **state)
{
	struct docset_cache *c = docset_cache_new(1 << 20);
	struct docset_cache_stats st;
	struct docset_ref *held;
	struct docset s;

	(void)state;
	assert_non_null(c);
	s = one(5);
	held = docset_cache_add(c, "rev1", "t", 1, &s);
	assert_non_null(held);
	/* A new generation (a commit) drops every older entry... */
	assert_null(docset_cache_find(c, "rev2", "t", 1));
	docset_cache_get_stats(c, &st);
	assert_int_equal(st.entries, 0);
	assert_int_equal(st.bytes, 0);
	/* ...but a set still referenced stays readable until dropped. */
	assert_true(docset_has(docset_ref_set(held), 5));
	s = one(6);
	docset_ref_drop(c, docset_cache_add(c, "rev2", "t", 1, &s));
	assert_true(docset_has(docset_ref_set(held), 5));
	docset_ref_drop(c, held);
	held = docset_cache_find(c, "rev2", "t", 1);
	assert_non_null(held);
	assert_true(docset_has(docset_ref_set(held), 6));
	docset_ref_drop(c, held);
	docset_ref_drop(c, NULL);
	docset_cache_free(c);
	docset_cache_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docset_operations_match_model),
		cmocka_unit_test(test_docset_edges),
		cmocka_unit_test(test_docset_cache_find_add_evict),
		cmocka_unit_test(test_docset_cache_generation_and_refs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
