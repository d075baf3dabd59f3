/*
 * test_cli.c - the command layer's number parser and exit statuses
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "cli.h"

static void test_parse_size_accepts_digits_in_range(void **state)
{
	size_t v = 99;

	(void)state;
	assert_true(cli_parse_size("0", 0, 10, &v));
	assert_int_equal(v, 0);
	assert_true(cli_parse_size("10", 0, 10, &v));
	assert_int_equal(v, 10);
	assert_true(cli_parse_size("007", 1, 10, &v));
	assert_int_equal(v, 7);
	assert_true(cli_parse_size("18446744073709551615", 0, SIZE_MAX, &v));
	assert_true(v == SIZE_MAX);
}

static void test_parse_size_refuses_the_rest(void **state)
{
	size_t v = 42;

	(void)state;
	assert_false(cli_parse_size("", 0, 10, &v));
	assert_false(cli_parse_size(NULL, 0, 10, &v));
	assert_false(cli_parse_size("-1", 0, 10, &v));
	assert_false(cli_parse_size("+1", 0, 10, &v));
	assert_false(cli_parse_size(" 1", 0, 10, &v));
	assert_false(cli_parse_size("1 ", 0, 10, &v));
	assert_false(cli_parse_size("1k", 0, 10, &v));
	assert_false(cli_parse_size("0x10", 0, 100, &v));
	assert_false(cli_parse_size("11", 0, 10, &v));		/* above */
	assert_false(cli_parse_size("0", 1, 10, &v));		/* below */
	assert_false(cli_parse_size("18446744073709551616", 0, SIZE_MAX, &v));	/* overflow */
	assert_false(cli_parse_size("99999999999999999999999", 0, SIZE_MAX, &v));
	assert_int_equal(v, 42);				/* untouched on failure */
}

static void test_status_of(void **state)
{
	(void)state;
	assert_int_equal(cli_status_of(CM_OK), CLI_OK);
	assert_int_equal(cli_status_of(CM_EQUERY), CLI_USAGE);
	assert_int_equal(cli_status_of(CM_EINVAL), CLI_USAGE);
	assert_int_equal(cli_status_of(CM_EIO), CLI_FAILED);
	assert_int_equal(cli_status_of(CM_EDB), CLI_FAILED);
	assert_int_equal(cli_status_of(CM_ENOMEM), CLI_FAILED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_size_accepts_digits_in_range),
		cmocka_unit_test(test_parse_size_refuses_the_rest),
		cmocka_unit_test(test_status_of),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
