/*
 * test_cli.c - the command layer: the number parser and the option
 * messages (bounds, junk, overflow, negative, no suffixes), exit statuses,
 * the database default, closing a stream written to
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_test.h"

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

/* s parses to want in [lo, hi]. */
static void expect_size(const char *s, size_t lo, size_t hi, size_t want)
{
	struct cm_err err = { CM_OK, "" };
	size_t v = 12345;

	assert_int_equal(cli_size_option("--n", s, lo, hi, &v, &err), CM_OK);
	assert_true(v == want);
	assert_string_equal(err.msg, "");
}

/* s is refused with exactly msg, and *out is left alone. */
static void expect_refused(const char *s, size_t lo, size_t hi, const char *msg)
{
	struct cm_err err = { CM_OK, "" };
	size_t v = 12345;

	assert_int_equal(cli_size_option("--n", s, lo, hi, &v, &err), CM_EINVAL);
	assert_true(v == 12345);
	assert_string_equal(err.msg, msg);
}

static void test_cli_size_option_bounds(void **state)
{
	(void)state;
	expect_size("0", 0, 10, 0);
	expect_size("10", 0, 10, 10);
	expect_size("1", 1, 1, 1);
	expect_size("007", 0, 10, 7);
	expect_size("10000", 0, 10000, 10000);
	expect_refused("11", 0, 10, "invalid --n: '11': out of range (0 to 10)");
	expect_refused("0", 1, 3600, "invalid --n: '0': out of range (1 to 3600)");
	expect_refused("3601", 1, 3600, "invalid --n: '3601': out of range (1 to 3600)");
}

static void test_cli_size_option_junk(void **state)
{
	(void)state;
	expect_refused("", 0, 10, "invalid --n: '': empty (0 to 10)");
	expect_refused("x", 0, 10, "invalid --n: 'x': not a number (0 to 10)");
	expect_refused("5x", 0, 10, "invalid --n: '5x': not a number (0 to 10)");
	expect_refused(" 5", 0, 10, "invalid --n: ' 5': not a number (0 to 10)");
	expect_refused("5 ", 0, 10, "invalid --n: '5 ': not a number (0 to 10)");
	expect_refused("+5", 0, 10, "invalid --n: '+5': not a number (0 to 10)");
	expect_refused("0x5", 0, 10, "invalid --n: '0x5': not a number (0 to 10)");
	expect_refused("1.5", 0, 10, "invalid --n: '1.5': not a number (0 to 10)");
	expect_refused("1e3", 0, 10000, "invalid --n: '1e3': not a number (0 to 10000)");
	expect_refused("-", 0, 10, "invalid --n: '-': not a number (0 to 10)");
	expect_refused("--5", 0, 10, "invalid --n: '--5': not a number (0 to 10)");
	/* Digits past a junk byte are never read as a number. */
	expect_refused("99999999999999999999999x", 0, 10,
		       "invalid --n: '99999999999999999999999x': not a number (0 to 10)");
}

/* No suffixes: a unit is part of the option's name (--time-limit MS), not its value. */
static void test_cli_size_option_no_suffixes(void **state)
{
	(void)state;
	expect_refused("5s", 0, 3600, "invalid --n: '5s': not a number (0 to 3600)");
	expect_refused("10ms", 0, 3600, "invalid --n: '10ms': not a number (0 to 3600)");
	expect_refused("1k", 0, 3600, "invalid --n: '1k': not a number (0 to 3600)");
}

static void test_cli_size_option_negative(void **state)
{
	(void)state;
	expect_refused("-1", 0, 10, "invalid --n: '-1': negative (0 to 10)");
	expect_refused("-0", 0, 10, "invalid --n: '-0': negative (0 to 10)");
	/* strtoull would wrap this to a small positive number. */
	expect_refused("-18446744073709551615", 0, SIZE_MAX,
		       "invalid --n: '-18446744073709551615': negative (0 to 18446744073709551615)");
}

static void test_cli_size_option_overflow(void **state)
{
	char max[32], msg[160];

	(void)state;
	snprintf(max, sizeof max, "%zu", (size_t)SIZE_MAX);
	expect_size(max, 0, SIZE_MAX, SIZE_MAX);
	/* One more than SIZE_MAX (its last digit is 5 on 32 and 64 bits), and ten times it. */
	max[strlen(max) - 1]++;
	snprintf(msg, sizeof msg, "invalid --n: '%s': out of range (0 to %zu)", max, (size_t)SIZE_MAX);
	expect_refused(max, 0, SIZE_MAX, msg);
	snprintf(max, sizeof max, "%zu0", (size_t)SIZE_MAX);
	snprintf(msg, sizeof msg, "invalid --n: '%s': out of range (0 to %zu)", max, (size_t)SIZE_MAX);
	expect_refused(max, 0, SIZE_MAX, msg);
	expect_refused("100000000000000000000000000000", 0, CLI_COUNT_MAX,
		       "invalid --n: '100000000000000000000000000000': out of range (0 to 100000000)");
}

static void test_cli_size_option_small_hi_many_digits(void **state)
{
	(void)state;
	/* A digit above a small hi must not wrap the overflow check. */
	expect_refused("7", 0, 5, "invalid --n: '7': out of range (0 to 5)");
	expect_refused("7777777777777777777777777777", 0, 5,
		       "invalid --n: '7777777777777777777777777777': out of range (0 to 5)");
	expect_size("5", 0, 5, 5);
}

static void test_cli_size_option_null_err(void **state)
{
	size_t v = 3;

	(void)state;
	assert_int_equal(cli_size_option("--n", "x", 0, 10, &v, NULL), CM_EINVAL);
	assert_true(v == 3);
	assert_int_equal(cli_size_option("--n", "4", 0, 10, &v, NULL), CM_OK);
	assert_true(v == 4);
}

static void test_cli_uint_option(void **state)
{
	struct cm_err err = { CM_OK, "" };
	unsigned v = 9;

	(void)state;
	assert_int_equal(cli_uint_option("--jobs", "4", 0, 1024, &v, &err), CM_OK);
	assert_int_equal(v, 4);
	assert_int_equal(cli_uint_option("--jobs", "1025", 0, 1024, &v, &err), CM_EINVAL);
	assert_int_equal(v, 4);
	assert_string_equal(err.msg, "invalid --jobs: '1025': out of range (0 to 1024)");
	assert_int_equal(cli_uint_option("--jobs", "4294967295", 0, UINT_MAX, &v, &err), CM_OK);
	assert_true(v == UINT_MAX);
	assert_int_equal(cli_uint_option("--jobs", "4294967296", 0, UINT_MAX, &v, &err), CM_EINVAL);
}

static void test_cli_db_default(void **state)
{
	struct cm_err err = { CM_OK, "" };
	const char *db = NULL;

	(void)state;
	unsetenv("MINUTES_DB");
	assert_int_equal(cli_db(NULL, &db, &err), CM_EINVAL);
	assert_null(db);
	assert_string_equal(err.msg, "no database: give --db DIR or set MINUTES_DB");
	assert_int_equal(cli_db("given", &db, &err), CM_OK);
	assert_string_equal(db, "given");
	setenv("MINUTES_DB", "from-env", 1);
	assert_int_equal(cli_db(NULL, &db, &err), CM_OK);
	assert_string_equal(db, "from-env");
	assert_int_equal(cli_db("given", &db, &err), CM_OK);    /* --db wins */
	assert_string_equal(db, "given");
	db = NULL;
	assert_int_equal(cli_db("", &db, &err), CM_EINVAL);     /* --db "" is no database */
	assert_null(db);
	setenv("MINUTES_DB", "", 1);
	assert_int_equal(cli_db(NULL, &db, &err), CM_EINVAL);
	unsetenv("MINUTES_DB");
}

static void test_cli_close_stream_ok(void **state)
{
	char path[] = "/tmp/test_cli.XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct cm_err err = { CM_OK, "" };

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("hello\n", f);
	assert_int_equal(cli_close_stream(f, &err), CM_OK);
	assert_string_equal(err.msg, "");
	unlink(path);
}

/* /dev/full: the write fails when the buffer is flushed, at close. */
static void test_cli_close_stream_full(void **state)
{
	FILE *f = fopen("/dev/full", "w");
	struct cm_err err = { CM_OK, "" };

	(void)state;
	if (!f)
		skip();
	fputs("hello\n", f);
	assert_int_equal(cli_close_stream(f, &err), CM_EIO);
	assert_non_null(strstr(err.msg, "write error"));
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
}

/* A write that failed before the close (a full buffer) is still reported. */
static void test_cli_close_stream_failed_earlier(void **state)
{
	FILE *f = fopen("/dev/full", "w");
	struct cm_err err = { CM_OK, "" };
	static char big[1 << 16];

	(void)state;
	if (!f)
		skip();
	memset(big, 'x', sizeof big);
	assert_true(fwrite(big, 1, sizeof big, f) < sizeof big || fflush(f) != 0);
	assert_true(ferror(f));
	assert_int_equal(cli_close_stream(f, &err), CM_EIO);
	assert_non_null(strstr(err.msg, "write error"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_size_accepts_digits_in_range),
		cmocka_unit_test(test_parse_size_refuses_the_rest),
		cmocka_unit_test(test_status_of),
		cmocka_unit_test(test_cli_size_option_bounds),
		cmocka_unit_test(test_cli_size_option_junk),
		cmocka_unit_test(test_cli_size_option_no_suffixes),
		cmocka_unit_test(test_cli_size_option_negative),
		cmocka_unit_test(test_cli_size_option_overflow),
		cmocka_unit_test(test_cli_size_option_small_hi_many_digits),
		cmocka_unit_test(test_cli_size_option_null_err),
		cmocka_unit_test(test_cli_uint_option),
		cmocka_unit_test(test_cli_db_default),
		cmocka_unit_test(test_cli_close_stream_ok),
		cmocka_unit_test(test_cli_close_stream_full),
		cmocka_unit_test(test_cli_close_stream_failed_earlier),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
