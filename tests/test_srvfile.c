/*
 * test_srvfile.c - --serve-files: a hit's source resolved strictly inside the roots
 *
 * A real directory tree under mkdtemp: files inside a root resolve, a
 * bundle member resolves to its bundle, and "..", a member named
 * "../x", a symlink out of the root, a directory, a missing file and a
 * root that is only a name prefix ("arch" vs "archive") all do not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srvfile.h"

struct tree {
	char dir[64];             /* the temporary directory (real path) */
	char roots[512];          /* SCHEMA_META_ROOTS text naming dir/arch as "arch" */
};

static void touch(const char *dir, const char *rel)
{
	char p[256];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs("minutes\n", f);
	fclose(f);
}

static int setup(void **state)
{
	struct tree *t = calloc(1, sizeof *t);
	char p[256], *real;

	assert_non_null(t);
	snprintf(t->dir, sizeof t->dir, "/tmp/test_srvfile.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	real = realpath(t->dir, NULL);
	assert_non_null(real);
	snprintf(t->dir, sizeof t->dir, "%s", real);
	free(real);
	snprintf(p, sizeof p, "%s/arch", t->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/arch/sub", t->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/archive", t->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	touch(t->dir, "arch/a.txt");
	touch(t->dir, "arch/sub/b.zip");
	touch(t->dir, "archive/c.txt");
	touch(t->dir, "secret.txt");
	snprintf(p, sizeof p, "%s/secret.txt", t->dir);
	{
		char l[256];

		snprintf(l, sizeof l, "%s/arch/escape.txt", t->dir);
		assert_int_equal(symlink(p, l), 0);
		snprintf(l, sizeof l, "%s/arch/inside.txt", t->dir);
		snprintf(p, sizeof p, "%s/arch/a.txt", t->dir);
		assert_int_equal(symlink(p, l), 0);
	}
	snprintf(t->roots, sizeof t->roots, "elsewhere\t/nonexistent\narch\t%s/arch\n", t->dir);
	*state = t;
	return 0;
}

static int rm_one(const char *dir, const char *rel)
{
	char p[256];

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	return remove(p);
}

static int teardown(void **state)
{
	struct tree *t = *state;
	static const char *const rels[] = { "arch/a.txt", "arch/sub/b.zip", "archive/c.txt",
					    "secret.txt", "arch/escape.txt", "arch/inside.txt",
					    "arch/sub", "archive", "arch" };

	for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++)
		rm_one(t->dir, rels[i]);
	rmdir(t->dir);
	free(t);
	return 0;
}

/* Resolve path; the real path relative to the tree, or "" when refused. */
static const char *resolve(const struct tree *t, const char *path, bool *member)
{
	static char out[256];
	struct sbuf real = {0};
	struct cm_err err = { CM_OK, "" };
	int rc = srvfile_resolve(t->roots, path, &real, member, &err);

	out[0] = '\0';
	if (rc == CM_OK) {
		assert_true(strncmp(real.buf, t->dir, strlen(t->dir)) == 0);
		snprintf(out, sizeof out, "%s", real.buf + strlen(t->dir) + 1);
	} else {
		assert_int_equal(rc, CM_ENOTFOUND);
		assert_int_equal(real.len, 0);
		assert_null(strstr(err.msg, t->dir));   /* the message names no real path */
	}
	sbuf_release(&real);
	return out;
}

static void test_srvfile_inside_root(void **state)
{
	struct tree *t = *state;
	bool member = true;

	assert_string_equal(resolve(t, "arch/a.txt", &member), "arch/a.txt");
	assert_false(member);
	/* A symlink that stays inside the root is followed. */
	assert_string_equal(resolve(t, "arch/inside.txt", &member), "arch/a.txt");
}

static void test_srvfile_bundle_member(void **state)
{
	struct tree *t = *state;
	bool member = false;

	assert_string_equal(resolve(t, "arch/sub/b.zip/minutes/2023.pdf", &member),
			    "arch/sub/b.zip");
	assert_true(member);
}

static void test_srvfile_traversal_refused(void **state)
{
	struct tree *t = *state;
	bool member;

	assert_string_equal(resolve(t, "arch/../secret.txt", &member), "");
	assert_string_equal(resolve(t, "arch/sub/../../secret.txt", &member), "");
	assert_string_equal(resolve(t, "arch/sub/b.zip/../../../secret.txt", &member), "");
	assert_string_equal(resolve(t, "arch/../archive/c.txt", &member), "");
}

static void test_srvfile_symlink_escape_refused(void **state)
{
	struct tree *t = *state;
	bool member;

	assert_string_equal(resolve(t, "arch/escape.txt", &member), "");
}

static void test_srvfile_not_a_file(void **state)
{
	struct tree *t = *state;
	bool member;

	assert_string_equal(resolve(t, "arch", &member), "");
	assert_string_equal(resolve(t, "arch/sub", &member), "");
	assert_string_equal(resolve(t, "arch/missing.txt", &member), "");
	/* "archive" is not under the root "arch", though it starts with its name. */
	assert_string_equal(resolve(t, "archive/c.txt", &member), "");
	assert_string_equal(resolve(t, "elsewhere/x.txt", &member), "");
	assert_string_equal(resolve(t, "/etc/passwd", &member), "");
}

static void test_srvfile_no_roots(void **state)
{
	struct tree *t = *state;
	struct sbuf real = {0};
	bool member;

	(void)t;
	assert_int_equal(srvfile_resolve("", "arch/a.txt", &real, &member, NULL), CM_ENOTFOUND);
	assert_int_equal(srvfile_resolve(NULL, "arch/a.txt", &real, &member, NULL), CM_ENOTFOUND);
	assert_int_equal(srvfile_resolve("no tab here\n", "no", &real, &member, NULL),
			 CM_ENOTFOUND);
	sbuf_release(&real);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_srvfile_inside_root, setup, teardown),
		cmocka_unit_test_setup_teardown(test_srvfile_bundle_member, setup, teardown),
		cmocka_unit_test_setup_teardown(test_srvfile_traversal_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_srvfile_symlink_escape_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_srvfile_not_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_srvfile_no_roots, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
