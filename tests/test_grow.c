/*
 * test_grow.c - ARRAY_GROW: room made by doubling, nothing lost on failure
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "err.h"
#include "grow.h"

static void test_grow_doubles_and_keeps_contents(void **state)
{
	int *v = NULL;
	size_t n = 0, alloc = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(ARRAY_GROW(v, n + 1, alloc), CM_OK);
		v[n++] = i;
	}
	assert_int_equal(alloc, 1024);	/* 16, 32, ... 1024: doubled, never per element */
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], i);
	free(v);
}

static void test_grow_is_a_no_op_when_there_is_room(void **state)
{
	long *v = NULL, *before;
	size_t alloc = 0;

	(void)state;
	assert_int_equal(ARRAY_GROW(v, 5, alloc), CM_OK);
	assert_int_equal(alloc, 16);
	before = v;
	assert_int_equal(ARRAY_GROW(v, 16, alloc), CM_OK);
	assert_ptr_equal(v, before);
	assert_int_equal(alloc, 16);
	assert_int_equal(ARRAY_GROW(v, 100, alloc), CM_OK);	/* jumps straight past need */
	assert_int_equal(alloc, 128);
	free(v);
}

static void test_grow_overflow_leaves_the_array(void **state)
{
	double *v = NULL, *before;
	size_t alloc = 0;

	(void)state;
	assert_int_equal(ARRAY_GROW(v, 3, alloc), CM_OK);
	v[2] = 2.5;
	before = v;
	assert_int_equal(ARRAY_GROW(v, SIZE_MAX / 4, alloc), CM_ENOMEM);	/* bytes overflow */
	assert_int_equal(ARRAY_GROW(v, SIZE_MAX, alloc), CM_ENOMEM);	/* count overflows */
	assert_ptr_equal(v, before);
	assert_int_equal(alloc, 16);
	assert_true(v[2] == 2.5);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_doubles_and_keeps_contents),
		cmocka_unit_test(test_grow_is_a_no_op_when_there_is_room),
		cmocka_unit_test(test_grow_overflow_leaves_the_array),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
