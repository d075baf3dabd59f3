/*
 * test_srvcache.c - the HTTP server's LRU response cache
 *
 * Hits and misses, invalidation by index revision, eviction of the least
 * recently used entry by count and by bytes, replacement, oversized
 * values, and many threads at once (under ASan/TSan-clean locking).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "srvcache.h"
#include "srvcache_test.h"

/* Look key up at rev; the value as a string, or "" on a miss (static buffer). */
static const char *get(struct srvcache *c, const char *key, const char *rev)
{
	static char buf[256];
	struct sbuf sb = {0};

	buf[0] = '\0';
	if (srvcache_get(c, key, strlen(key), rev, &sb))
		snprintf(buf, sizeof buf, "%s", sbuf_str(&sb));
	else
		assert_int_equal(sb.len, 0);
	sbuf_release(&sb);
	return buf;
}

static void put(struct srvcache *c, const char *key, const char *rev, const char *val)
{
	srvcache_put(c, key, strlen(key), rev, val, strlen(val));
}

/* The counters agree with what was stored. */
static void assert_sane_cache(struct srvcache *c, size_t max_entries, size_t max_bytes)
{
	struct srvcache_stats st;

	srvcache_get_stats(c, &st);
	assert_true(st.entries <= max_entries);
	assert_true(st.bytes <= max_bytes);
	assert_true((st.entries == 0) == (st.bytes == 0));
}

static void test_srvcache_hit_and_miss(void **state)
{
	struct srvcache *c = srvcache_new(8, 1 << 20);
	struct srvcache_stats st;

	(void)state;
	assert_non_null(c);
	assert_string_equal(get(c, "q=budget", "1:1:1"), "");
	put(c, "q=budget", "1:1:1", "{\"total\":3}");
	assert_string_equal(get(c, "q=budget", "1:1:1"), "{\"total\":3}");
	assert_string_equal(get(c, "q=budge", "1:1:1"), "");
	/* Keys are bytes, NULs included. */
	srvcache_put(c, "a\0b", 3, "1:1:1", "nul", 3);
	assert_string_equal(get(c, "a", "1:1:1"), "");
	put(c, "q=budget", "1:1:1", "{\"total\":4}");      /* replaces */
	assert_string_equal(get(c, "q=budget", "1:1:1"), "{\"total\":4}");
	srvcache_get_stats(c, &st);
	assert_int_equal(st.entries, 2);
	assert_int_equal(st.hits, 2);
	assert_int_equal(st.misses, 3);
	assert_sane_cache(c, 8, 1 << 20);
	srvcache_free(c);
}

static void test_srvcache_revision_invalidates(void **state)
{
	struct srvcache *c = srvcache_new(8, 1 << 20);
	struct srvcache_stats st;

	(void)state;
	put(c, "q=a", "10:10:100", "A");
	put(c, "q=b", "10:10:100", "B");
	/* A reader at the next revision misses, even before anything is stored. */
	assert_string_equal(get(c, "q=a", "11:11:120"), "");
	assert_string_equal(get(c, "q=a", "10:10:100"), "A");
	/* The first store at a new revision empties the cache. */
	put(c, "q=a", "11:11:120", "A2");
	assert_string_equal(get(c, "q=b", "10:10:100"), "");
	assert_string_equal(get(c, "q=a", "11:11:120"), "A2");
	srvcache_get_stats(c, &st);
	assert_int_equal(st.entries, 1);
	assert_int_equal(st.flushes, 1);
	assert_sane_cache(c, 8, 1 << 20);
	srvcache_free(c);
}

static void test_srvcache_evicts_least_recent(void **state)
{
	struct srvcache *c = srvcache_new(3, 1 << 20);
	struct srvcache_stats st;

	(void)state;
	put(c, "1", "r", "one");
	put(c, "2", "r", "two");
	put(c, "3", "r", "three");
	assert_string_equal(get(c, "1", "r"), "one");   /* 1 is now the newest */
	put(c, "4", "r", "four");                        /* evicts 2 */
	assert_string_equal(get(c, "2", "r"), "");
	assert_string_equal(get(c, "1", "r"), "one");
	assert_string_equal(get(c, "3", "r"), "three");
	assert_string_equal(get(c, "4", "r"), "four");
	srvcache_get_stats(c, &st);
	assert_int_equal(st.entries, 3);
	assert_int_equal(st.evictions, 1);
	assert_sane_cache(c, 3, 1 << 20);
	srvcache_free(c);
}

static void test_srvcache_byte_bound(void **state)
{
	char big[400];
	struct srvcache *c = srvcache_new(100, 1200);
	struct srvcache_stats st;

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	put(c, "huge", "r", big);                        /* over a quarter: not kept */
	assert_string_equal(get(c, "huge", "r"), "");
	big[250] = '\0';
	for (int i = 0; i < 20; i++) {
		char key[16];

		snprintf(key, sizeof key, "k%d", i);
		put(c, key, "r", big);
		assert_sane_cache(c, 100, 1200);
	}
	srvcache_get_stats(c, &st);
	assert_true(st.entries >= 3 && st.entries < 5);
	assert_string_equal(get(c, "k19", "r"), big);
	assert_string_equal(get(c, "k0", "r"), "");
	srvcache_free(c);
}

static void test_srvcache_disabled(void **state)
{
	struct srvcache_stats st;
	struct sbuf sb = {0};

	(void)state;
	assert_null(srvcache_new(0, 1000));
	srvcache_put(NULL, "k", 1, "r", "v", 1);
	assert_false(srvcache_get(NULL, "k", 1, "r", &sb));
	srvcache_get_stats(NULL, &st);
	assert_int_equal(st.entries, 0);
	srvcache_free(NULL);
}

struct worker {
	struct srvcache *c;
	int id;
	int bad;
};

static void *hammer(void *arg)
{
	struct worker *w = arg;
	char key[32], val[64], rev[8];
	struct sbuf sb = {0};

	for (int i = 0; i < 20000; i++) {
		/* Half the lookups go to five popular keys, half sweep fifty. */
		int k = i % 2 ? (i / 2) % 5 : (i * 7 + w->id) % 50;

		snprintf(key, sizeof key, "q=%d", k);
		snprintf(val, sizeof val, "value of %d", k);
		snprintf(rev, sizeof rev, "r%d", 1);
		sbuf_reset(&sb);
		if (srvcache_get(w->c, key, strlen(key), rev, &sb)) {
			if (strcmp(sbuf_str(&sb), val) != 0)
				w->bad++;
		} else {
			srvcache_put(w->c, key, strlen(key), rev, val, strlen(val));
		}
	}
	sbuf_release(&sb);
	return NULL;
}

static void test_srvcache_threads(void **state)
{
	struct srvcache *c = srvcache_new(20, 1 << 20);
	struct worker w[4];
	pthread_t t[4];
	struct srvcache_stats st;

	(void)state;
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker){ c, i, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, hammer, &w[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].bad, 0);
	}
	srvcache_get_stats(c, &st);
	assert_int_equal(st.hits + st.misses, 80000);
	assert_true(st.hits > 0 && st.evictions > 0);
	assert_sane_cache(c, 20, 1 << 20);
	srvcache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_srvcache_hit_and_miss),
		cmocka_unit_test(test_srvcache_revision_invalidates),
		cmocka_unit_test(test_srvcache_evicts_least_recent),
		cmocka_unit_test(test_srvcache_byte_bound),
		cmocka_unit_test(test_srvcache_disabled),
		cmocka_unit_test(test_srvcache_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
