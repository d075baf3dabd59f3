/*
 * test_crawl.c - what the crawler reports in a real folder tree
 *
 * Sorted order, junk names and hidden folders skipped, --exclude globs on
 * the name and the relative path, a symlink inside the root followed once,
 * one out of the root, a dangling one and a loop reported or skipped, an
 * index folder inside the archive left alone, a single file as the root.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crawl.h"
#include "err.h"
#include "sbuf.h"
#include "crawl_test.h"

struct seen {
	struct sbuf files;     /* paths below the root, '\n'-separated, as reported */
	struct sbuf problems;  /* "code path" lines */
	size_t root_len;
};

static int record(void *ctx, const char *path, const struct stat *st, int code, const char *msg)
{
	struct seen *s = ctx;
	const char *rel = strlen(path) > s->root_len ? path + s->root_len + 1 : path;

	(void)msg;
	if (code == CM_OK) {
		assert_non_null(st);
		sbuf_adds(&s->files, rel);
		sbuf_addch(&s->files, '\n');
	} else {
		sbuf_addf(&s->problems, "%d %s\n", code, rel);
	}
	return 0;
}

static void touch(const char *dir, const char *rel)
{
	char p[512];
	int fd;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x", 1), 1);
	close(fd);
}

static void mkdirs(const char *dir, const char *rel)
{
	char p[512];

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	assert_int_equal(mkdir(p, 0755), 0);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static void walk(const char *root, const char *const *excludes, size_t n, struct seen *s)
{
	struct crawl_opts o = { excludes, n };
	struct cm_err err = { CM_OK, "" };

	memset(s, 0, sizeof *s);
	s->root_len = strlen(root);
	assert_int_equal(crawl_walk(root, &o, record, s, &err), CM_OK);
}

static void test_crawl_tree(void **state)
{
	char tmpl[] = "/tmp/test_crawl.XXXXXX", *dir = mkdtemp(tmpl), p[512], q[512];
	struct seen s;
	static const char *const excl[] = { "*.bak", "drafts/*" };

	(void)state;
	assert_non_null(dir);
	mkdirs(dir, "cabinet");
	mkdirs(dir, "cabinet/2024");
	mkdirs(dir, ".git");
	mkdirs(dir, "drafts");
	mkdirs(dir, "index");
	touch(dir, "cabinet/2024/b.pdf");
	touch(dir, "cabinet/2024/a.txt");
	touch(dir, "cabinet/minutes.docx");
	touch(dir, "cabinet/~$minutes.docx");	/* Word's lock file */
	touch(dir, "cabinet/notes.txt~");	/* an editor's backup */
	touch(dir, "cabinet/.hidden.txt");
	touch(dir, ".git/config");
	touch(dir, "drafts/d.txt");
	touch(dir, "old.bak");
	touch(dir, "index/iamglass");		/* a Xapian database kept in the archive */
	touch(dir, "index/postlist.glass");
	snprintf(p, sizeof p, "%s/cabinet/link.txt", dir);
	assert_int_equal(symlink("2024/a.txt", p), 0);		/* inside the root: followed */
	snprintf(p, sizeof p, "%s/outside", dir);
	assert_int_equal(symlink("/etc/hostname", p), 0);	/* outside the root: not */
	snprintf(p, sizeof p, "%s/dangling.pdf", dir);
	assert_int_equal(symlink("nowhere.pdf", p), 0);
	snprintf(p, sizeof p, "%s/cabinet/2024/loop", dir);
	assert_int_equal(symlink("..", p), 0);			/* a directory already visited */

	walk(dir, excl, 2, &s);
	assert_string_equal(sbuf_str(&s.files),
			    "cabinet/2024/a.txt\ncabinet/2024/b.pdf\ncabinet/link.txt\ncabinet/minutes.docx\n");
	assert_non_null(strstr(sbuf_str(&s.problems), "dangling.pdf"));
	assert_null(strstr(sbuf_str(&s.problems), "index"));

	/* a single file as the root is reported itself */
	sbuf_release(&s.files);
	sbuf_release(&s.problems);
	snprintf(q, sizeof q, "%s/cabinet/minutes.docx", dir);
	walk(q, NULL, 0, &s);
	strcat(q, "\n");
	assert_string_equal(sbuf_str(&s.files), q);
	assert_string_equal(sbuf_str(&s.problems), "");

	sbuf_release(&s.files);
	sbuf_release(&s.problems);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void test_crawl_missing_root(void **state)
{
	struct cm_err err = { CM_OK, "" };
	struct seen s = {0};

	(void)state;
	assert_int_not_equal(crawl_walk("/nonexistent/minutes", NULL, record, &s, &err), CM_OK);
	assert_non_null(strstr(err.msg, "/nonexistent/minutes"));
	sbuf_release(&s.files);
	sbuf_release(&s.problems);
}

static void test_crawl_junk_names(void **state)
{
	(void)state;
	assert_true(crawl_is_junk_name(".DS_Store"));
	assert_true(crawl_is_junk_name("minutes.docx~"));
	assert_true(crawl_is_junk_name("#minutes.txt#"));
	assert_true(crawl_is_junk_name("~$minutes.docx"));
	assert_true(crawl_is_junk_name("minutes.txt.swp"));
	assert_true(crawl_is_junk_name("upload.tmp"));
	assert_false(crawl_is_junk_name("minutes.docx"));
	assert_false(crawl_is_junk_name("2024-01-09 Cabinet.pdf"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crawl_tree),
		cmocka_unit_test(test_crawl_missing_root),
		cmocka_unit_test(test_crawl_junk_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
