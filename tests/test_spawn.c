/*
 * test_spawn.c - spawn_run: capture, exit status, limits, timeout, missing program
 *
 * Runs real small programs (printf, sh, sleep, yes): no fakes, since what is
 * tested is the process handling itself.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "indexer/spawn.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_spawn_captures_stdout(void **state)
{
	const char *const argv[] = { "printf", "hello %s", "-x.pdf", NULL };
	struct sbuf out = {0};
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, NULL, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "hello -x.pdf");   /* argv passed as is: no shell */
	sbuf_release(&out);
}

static void test_spawn_reports_exit_status_and_stderr(void **state)
{
	const char *const argv[] = { "sh", "-c", "echo partial; echo 'Syntax Error: bad xref' >&2; echo more >&2; exit 3", NULL };
	struct spawn_result res;
	struct spawn_opts o = { .res = &res };
	struct sbuf out = {0};
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, &o, &out, &err), CM_EFORMAT);
	assert_int_equal(res.exit_status, 3);
	assert_string_equal(res.err_line, "Syntax Error: bad xref");
	assert_non_null(strstr(err.msg, "status 3"));
	assert_non_null(strstr(err.msg, "bad xref"));
	assert_string_equal(sbuf_str(&out), "partial\n");
	sbuf_release(&out);
}

static void test_spawn_timeout_kills_child(void **state)
{
	const char *const argv[] = { "sleep", "10", NULL };
	struct spawn_result res;
	struct spawn_opts o = { .timeout_sec = 1, .res = &res };
	struct cm_err err = {0};
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(argv, &o, NULL, &err), CM_ETIMEOUT);
	assert_true(res.timed_out);
	assert_true(now_s() - t0 < 3.0);
	assert_non_null(strstr(err.msg, "timed out"));
}

/* A grandchild holding stdout open must not keep us waiting: the group is killed. */
static void test_spawn_timeout_kills_process_group(void **state)
{
	const char *const argv[] = { "sh", "-c", "sleep 30 & sleep 30", NULL };
	struct spawn_opts o = { .timeout_sec = 1 };
	struct sbuf out = {0};
	struct cm_err err = {0};
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(argv, &o, &out, &err), CM_ETIMEOUT);
	assert_true(now_s() - t0 < 3.0);
	sbuf_release(&out);
}

static void test_spawn_missing_program(void **state)
{
	const char *const argv[] = { "no-such-converter-xyz", "file.pdf", NULL };
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, NULL, NULL, &err), CM_ENOTFOUND);
	assert_non_null(strstr(err.msg, "no-such-converter-xyz"));
	assert_false(spawn_has_program("no-such-converter-xyz"));
	assert_true(spawn_has_program("sh"));
}

static void test_spawn_caps_output(void **state)
{
	const char *const argv[] = { "yes", "minutes", NULL };
	struct spawn_result res;
	struct spawn_opts o = { .max_out = 1000, .timeout_sec = 5, .res = &res };
	struct sbuf out = {0};
	struct cm_err err = {0};
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(argv, &o, &out, &err), CM_OK);
	assert_true(res.truncated);
	assert_int_equal(out.len, 1000);
	assert_true(now_s() - t0 < 3.0);
	sbuf_release(&out);
}

static void test_spawn_stdin_is_dev_null(void **state)
{
	const char *const argv[] = { "cat", NULL };
	struct spawn_opts o = { .timeout_sec = 5 };
	struct sbuf out = {0};
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, &o, &out, &err), CM_OK);
	assert_int_equal(out.len, 0);
	sbuf_release(&out);
}

static void test_spawn_sets_memory_limit_and_env(void **state)
{
	const char *const argv[] = { "sh", "-c", "ulimit -v; echo $OMP_THREAD_LIMIT", NULL };
	const char *const env[] = { "OMP_THREAD_LIMIT=1", NULL };
	struct spawn_opts o = { .mem_limit = (size_t)256 << 20, .env_add = env };
	struct sbuf out = {0};
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, &o, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "262144\n1\n");
	sbuf_release(&out);
}

static void test_spawn_killed_by_memory_limit(void **state)
{
	/* awk building a huge string fails under a 64 MiB address-space limit */
	const char *const argv[] = { "awk", "BEGIN { s = \"x\"; for (i = 0; i < 40; i++) s = s s; print length(s) }", NULL };
	struct spawn_opts o = { .mem_limit = (size_t)64 << 20, .timeout_sec = 20 };
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(spawn_run(argv, &o, NULL, &err), CM_EFORMAT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spawn_captures_stdout),
		cmocka_unit_test(test_spawn_reports_exit_status_and_stderr),
		cmocka_unit_test(test_spawn_timeout_kills_child),
		cmocka_unit_test(test_spawn_timeout_kills_process_group),
		cmocka_unit_test(test_spawn_missing_program),
		cmocka_unit_test(test_spawn_caps_output),
		cmocka_unit_test(test_spawn_stdin_is_dev_null),
		cmocka_unit_test(test_spawn_sets_memory_limit_and_env),
		cmocka_unit_test(test_spawn_killed_by_memory_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
