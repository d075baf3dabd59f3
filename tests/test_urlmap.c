/*
 * test_urlmap.c - public URLs of archive files: --url-prefix and SOURCES.tsv
 *
 * Which URLs are accepted (http and https only), percent-encoding of the
 * path, DIR=URL pairs against bare prefixes, and sidecar files in a real
 * temporary tree (own folder, a parent folder, bad lines ignored).
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

#include "urlmap.h"
#include "urlmap_test.h"

static bool web(const char *s)
{
	return urlmap_is_web(s, strlen(s));
}

static void test_urlmap_is_web(void **state)
{
	(void)state;
	assert_true(web("https://council.example/a.pdf"));
	assert_true(web("HTTP://council.example/?id=3&x=1"));
	assert_false(web("javascript:alert(1)"));
	assert_false(web("file:///etc/passwd"));
	assert_false(web("ftp://x.example/a"));
	assert_false(web("//x.example/a"));
	assert_false(web("https://"));
	assert_false(web("https:///path"));
	assert_false(web("https://x.example/a b"));
	assert_false(web("https://x.example/\"><script>"));
	assert_false(web("https://x.example/a\nb"));
}

static void test_urlmap_encode_path(void **state)
{
	struct sbuf out = {0};
	const char *s = "a b/c%d/é#?.pdf";

	(void)state;
	urlmap_encode_path(s, strlen(s), &out);
	assert_string_equal(sbuf_str(&out), "a%20b/c%25d/%C3%A9%23%3F.pdf");
	sbuf_release(&out);
}

/* The URL of path under roots "arch" and "more", or "" (static buffer). */
static const char *lookup(struct urlmap *m, const char *path)
{
	static char buf[512];
	static const char *const roots[] = { "arch", "more" };
	struct sbuf out = {0};

	urlmap_lookup(m, roots, 2, path, &out);
	snprintf(buf, sizeof buf, "%s", sbuf_str(&out));
	sbuf_release(&out);
	return buf;
}

static void test_urlmap_prefixes(void **state)
{
	const char *const specs[] = { "https://all.example/minutes/",
				      "./arch/planning/=https://plan.example/docs?x=1" };
	struct urlmap *m = NULL;

	(void)state;
	assert_int_equal(urlmap_new(specs, 2, &m, NULL), CM_OK);
	/* A bare URL serves every root, each path relative to its own root. */
	assert_string_equal(lookup(m, "arch/2019/a b.pdf"), "https://all.example/minutes/2019/a%20b.pdf");
	assert_string_equal(lookup(m, "more/x.txt"), "https://all.example/minutes/x.txt");
	/* The pair's folder wins for what is under it; '=' inside the URL stays in it. */
	assert_string_equal(lookup(m, "arch/planning/p.pdf"), "https://plan.example/docs?x=1/p.pdf");
	assert_string_equal(lookup(m, "arch/planningx/p.pdf"),
			    "https://all.example/minutes/planningx/p.pdf");
	/* Not under any root: no URL. */
	assert_string_equal(lookup(m, "elsewhere/p.pdf"), "");
	urlmap_free(m);
}

static void test_urlmap_bad_specs(void **state)
{
	const char *const bad[] = { "javascript:alert(1)", "arch=file:///etc", "=https://x.example/",
				    "ftp://x.example/" };
	struct cm_err err = { CM_OK, "" };
	struct urlmap *m = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(urlmap_new(&bad[i], 1, &m, &err), CM_EINVAL);
		assert_null(m);
		assert_non_null(strstr(err.msg, bad[i]));
	}
	assert_int_equal(urlmap_new(NULL, 0, &m, NULL), CM_OK);
	assert_string_equal(lookup(m, "arch/a.pdf"), "");
	urlmap_free(m);
	urlmap_free(NULL);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_urlmap_sidecar(void **state)
{
	char dir[] = "/tmp/test_urlmap.XXXXXX", p[512], root[128], sub[128];
	const char *const specs[] = { "https://all.example/" };
	const char *roots[1];
	struct urlmap *m = NULL;
	struct sbuf out = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(root, sizeof root, "%s/arch", dir);
	snprintf(sub, sizeof sub, "%s/arch/cabinet", dir);
	assert_int_equal(mkdir(root, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(p, sizeof p, "%s/" URLMAP_SIDECAR, sub);
	write_file(p, "# file\turl\r\n"
		      "2020.pdf\thttps://council.example/doc?id=20\r\n"
		      "evil.pdf\tjavascript:alert(1)\n"
		      "no tab here\n"
		      "./2021.pdf\t  https://council.example/doc?id=21  \n");
	snprintf(p, sizeof p, "%s/" URLMAP_SIDECAR, root);
	write_file(p, "cabinet/2022.pdf\thttps://council.example/doc?id=22\n"
		      "cabinet/2020.pdf\thttps://wrong.example/\n");
	roots[0] = root;
	assert_int_equal(urlmap_new(specs, 1, &m, NULL), CM_OK);
#define LOOK(rel, want) do { \
		snprintf(p, sizeof p, "%s/%s", root, rel); \
		sbuf_reset(&out); \
		urlmap_lookup(m, roots, 1, p, &out); \
		assert_string_equal(sbuf_str(&out), want); \
	} while (0)
	LOOK("cabinet/2020.pdf", "https://council.example/doc?id=20");   /* own folder first */
	LOOK("cabinet/2021.pdf", "https://council.example/doc?id=21");
	LOOK("cabinet/2022.pdf", "https://council.example/doc?id=22");   /* a parent's entry */
	LOOK("cabinet/evil.pdf", "https://all.example/cabinet/evil.pdf"); /* bad URL: prefix */
	LOOK("cabinet/other.pdf", "https://all.example/cabinet/other.pdf");
#undef LOOK
	urlmap_free(m);
	sbuf_release(&out);
	snprintf(p, sizeof p, "%s/" URLMAP_SIDECAR, sub);
	unlink(p);
	snprintf(p, sizeof p, "%s/" URLMAP_SIDECAR, root);
	unlink(p);
	rmdir(sub);
	rmdir(root);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlmap_is_web),
		cmocka_unit_test(test_urlmap_encode_path),
		cmocka_unit_test(test_urlmap_prefixes),
		cmocka_unit_test(test_urlmap_bad_specs),
		cmocka_unit_test(test_urlmap_sidecar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
