/*
 * test_intern.c - the string intern table: dense indexes, exact lengths, growth
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intern.h"

static void test_intern_gives_dense_indexes(void **state)
{
	struct intern t = {0};
	char buf[32];

	(void)state;
	for (int i = 0; i < 1000; i++) {	/* many rehashes on the way */
		snprintf(buf, sizeof buf, "key %d", i);
		assert_int_equal(intern_add(&t, buf, strlen(buf)), (size_t)i);
	}
	assert_int_equal(intern_add(&t, "key 517", 7), 517);
	assert_int_equal(intern_find(&t, "key 5170", 7), 517);   /* length counts */
	assert_int_equal(intern_find(&t, "key 51", 6), 51);
	assert_int_equal(intern_find(&t, "nope", 4), (size_t)-1);
	assert_int_equal(t.n, 1000);
	assert_string_equal(t.v[999], "key 999");
	intern_release(&t);
	assert_int_equal(t.n, 0);
	assert_null(t.v);
}

static void test_intern_find_in_empty_table(void **state)
{
	struct intern t = {0};

	(void)state;
	assert_int_equal(intern_find(&t, "x", 1), (size_t)-1);
	assert_int_equal(intern_add(&t, "", 0), 0);	/* the empty string is a value too */
	assert_int_equal(intern_find(&t, "", 0), 0);
	intern_release(&t);
	intern_release(NULL);
}

static void test_intern_strings_can_be_taken(void **state)
{
	struct intern t = {0};
	char **taken;

	(void)state;
	intern_add(&t, "Cabinet", 7);
	intern_add(&t, "Council", 7);
	taken = t.v;
	t.v = NULL;	/* the caller keeps the strings */
	intern_release(&t);
	assert_string_equal(taken[1], "Council");
	free(taken[0]);
	free(taken[1]);
	free(taken);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intern_gives_dense_indexes),
		cmocka_unit_test(test_intern_find_in_empty_table),
		cmocka_unit_test(test_intern_strings_can_be_taken),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
