/*
 * test_srvfile.c - --serve-files: a hit's source resolved strictly inside the roots
 *
 * A real directory tree under mkdtemp: files inside a root resolve, a
 * bundle member resolves to its bundle, and "..", a member named
 * "../x", a symlink out of the root, a directory, a missing file and a
 * root that is only a name prefix ("arch" vs "archive") all do not.
 * The public form of a path (what the server shows) needs no files:
 * longest root, whole components, members, no root, "/" and "." roots.
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

/* A root spelled with a trailing slash (older indexers kept it) still holds its files. */
static void test_srvfile_trailing_slash_root(void **state)
{
	struct tree *t = *state;
	bool member;

	snprintf(t->roots, sizeof t->roots, "arch//\t%s/arch\n", t->dir);
	assert_string_equal(resolve(t, "arch/a.txt", &member), "arch/a.txt");
	assert_string_equal(resolve(t, "archive/c.txt", &member), "");
}

/* The public form of path under roots, checked never to be absolute. */
static const char *public_path(const char *roots, const char *path)
{
	static char out[256];
	struct sbuf sb = {0};

	srvfile_public_path(roots, path, &sb);
	assert_false(sbuf_oom(&sb));
	snprintf(out, sizeof out, "%s", sbuf_str(&sb));
	sbuf_release(&sb);
	assert_true(out[0] != '/');
	return out;
}

static const char ROOTS_NESTED[] =
	"/srv/minutes\t/srv/minutes\n"
	"corpora/sample\t/home/ci/corpora/sample\n"
	"/srv/minutes/archive\t/data/archive-2024\n"
	"/a/b\t/a/b\n";

static void test_srvfile_public_below_root(void **state)
{
	(void)state;
	assert_string_equal(public_path(ROOTS_NESTED, "/srv/minutes/archive/kent/2024-01-09.pdf"),
			    "archive/kent/2024-01-09.pdf");
	/* A relative root, as crawled from the indexer's folder. */
	assert_string_equal(public_path(ROOTS_NESTED, "corpora/sample/bramwick/cabinet/x.md"),
			    "sample/bramwick/cabinet/x.md");
	/* A root that is a file of its own. */
	assert_string_equal(public_path("/srv/one.pdf\t/srv/one.pdf\n", "/srv/one.pdf"), "one.pdf");
}

static void test_srvfile_public_longest_root(void **state)
{
	static const char reversed[] = "/srv/minutes/archive\t/srv/minutes/archive\n"
				       "/srv/minutes\t/srv/minutes\n";

	(void)state;
	assert_string_equal(public_path(ROOTS_NESTED, "/srv/minutes/other/x.pdf"),
			    "minutes/other/x.pdf");
	assert_string_equal(public_path(reversed, "/srv/minutes/archive/kent/x.pdf"),
			    "archive/kent/x.pdf");
	assert_string_equal(public_path(reversed, "/srv/minutes/other/x.pdf"), "minutes/other/x.pdf");
}

static void test_srvfile_public_whole_components(void **state)
{
	(void)state;
	/* "/a/b" is no root of "/a/bc/x.pdf", nor "/srv/minutes" of "/srv/minutes-old/...". */
	assert_string_equal(public_path(ROOTS_NESTED, "/a/bc/x.pdf"), "x.pdf");
	assert_string_equal(public_path(ROOTS_NESTED, "/srv/minutes-old/y.pdf"), "y.pdf");
	assert_string_equal(public_path(ROOTS_NESTED, "/a/b/c/x.pdf"), "b/c/x.pdf");
	assert_string_equal(public_path(ROOTS_NESTED, "corpora/sampler/x.md"), "x.md");
}

static void test_srvfile_public_members(void **state)
{
	(void)state;
	assert_string_equal(public_path(ROOTS_NESTED, "/srv/minutes/archive/b.zip/minutes/2023.pdf"),
			    "archive/b.zip/minutes/2023.pdf");
	assert_string_equal(public_path(ROOTS_NESTED, "/srv/minutes/archive/x.pdf.gz/x.pdf"),
			    "archive/x.pdf.gz/x.pdf");
	/* Under no root, a member keeps its bundle's name and its own path. */
	assert_string_equal(public_path("", "/home/bob/old/b.zip/minutes/2023.pdf"),
			    "b.zip/minutes/2023.pdf");
	assert_string_equal(public_path("", "/home/bob/B.ZIP/inner.zip/x.txt"), "B.ZIP/inner.zip/x.txt");
	assert_string_equal(public_path("", "/home/bob/x.pdf.gz/x.pdf"), "x.pdf.gz/x.pdf");
	assert_string_equal(public_path("", "/home/bob/all.tgz/a/x.txt"), "all.tgz/a/x.txt");
	/* A bundle that is the file itself, or a folder merely ending in "zip", is no member. */
	assert_string_equal(public_path("", "/home/bob/b.zip"), "b.zip");
	assert_string_equal(public_path("", "/home/bob/unzip/x.txt"), "x.txt");
}

static void test_srvfile_public_no_root(void **state)
{
	(void)state;
	assert_string_equal(public_path(NULL, "/home/bob/minutes/2024.pdf"), "2024.pdf");
	assert_string_equal(public_path("", "/home/bob/minutes/2024.pdf"), "2024.pdf");
	assert_string_equal(public_path("no tab here\n\t/srv\n", "/srv/x/2024.pdf"), "2024.pdf");
	assert_string_equal(public_path(ROOTS_NESTED, "/elsewhere/2024.pdf"), "2024.pdf");
	assert_string_equal(public_path("", "plain.txt"), "plain.txt");
	assert_string_equal(public_path("", ""), "");
}

static void test_srvfile_public_slash_and_dot_roots(void **state)
{
	(void)state;
	/* "/" has no name: the path below it. */
	assert_string_equal(public_path("/\t/\n", "/srv/x.pdf"), "srv/x.pdf");
	assert_string_equal(public_path("/\t/\n/srv\t/srv\n", "/srv/x.pdf"), "srv/x.pdf");
	assert_string_equal(public_path("/\t/\n/srv\t/srv\n", "/etc/a.txt"), "etc/a.txt");
	/* Trailing slashes are no part of the root's name, nor of the match. */
	assert_string_equal(public_path("/srv/minutes/archive/\t/srv/minutes/archive\n",
					"/srv/minutes/archive/kent/x.pdf"), "archive/kent/x.pdf");
	assert_string_equal(public_path("arch//\t/srv/arch\n", "arch/x.pdf"), "arch/x.pdf");
	/* "." and ".." are named by their real paths. */
	assert_string_equal(public_path(".\t/srv/minutes/archive\n", "./kent/x.pdf"),
			    "archive/kent/x.pdf");
	assert_string_equal(public_path("../..\t/srv/minutes\n", "../../kent/x.pdf"),
			    "minutes/kent/x.pdf");
	assert_string_equal(public_path(".\t/\n", "./srv/x.pdf"), "srv/x.pdf");
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
		cmocka_unit_test_setup_teardown(test_srvfile_trailing_slash_root, setup, teardown),
		cmocka_unit_test(test_srvfile_public_below_root),
		cmocka_unit_test(test_srvfile_public_longest_root),
		cmocka_unit_test(test_srvfile_public_whole_components),
		cmocka_unit_test(test_srvfile_public_members),
		cmocka_unit_test(test_srvfile_public_no_root),
		cmocka_unit_test(test_srvfile_public_slash_and_dot_roots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
