/*
 * test_shard.c - shard keys, the set of writable shards and its stub
 *
 * Keys from parsed meetings (council slugs, years, unknown, names too long
 * for a directory), the keys accepted as directory names, and a shard set
 * on a mkdtemp directory: shards created on first use appear in the stub
 * only once they exist, the stub opens as one database, a reopened set
 * finds its shards, and a full rebuild empties them.  Also the shard field
 * of filedb's content records, which lives beside the paths.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filedb.h"
#include "shard.h"
#include "xw.h"
#include "shard_test.h"

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static int setup(void **state)
{
	char *dir = strdup("/tmp/test_shard.XXXXXX");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	*state = dir;
	return 0;
}

static int teardown(void **state)
{
	nftw(*state, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(*state);
	return 0;
}

static void key_of(enum shard_by by, const char *council, int date, char *out)
{
	struct field_meeting m;

	memset(&m, 0, sizeof m);
	m.council = (char *)(uintptr_t)council;
	m.date = date;
	shard_key(by, &m, out);
}

static void test_shard_key_council_and_year(void **state)
{
	char k[SHARD_KEY_MAX + 1], k2[SHARD_KEY_MAX + 1];
	char longname[300];

	(void)state;
	key_of(SHARD_COUNCIL, "Bramwick Borough Council", 20190304, k);
	assert_string_equal(k, "bramwick-borough-council");
	key_of(SHARD_COUNCIL, "  St. Helens -- Council (Merseyside) ", 0, k);
	assert_string_equal(k, "st-helens-council-merseyside");
	key_of(SHARD_COUNCIL, "Ynys Môn", 0, k);
	assert_string_equal(k, "ynys-m-n");
	key_of(SHARD_COUNCIL, NULL, 20190304, k);
	assert_string_equal(k, "unknown");
	key_of(SHARD_COUNCIL, "---", 0, k);
	assert_string_equal(k, "unknown");
	key_of(SHARD_YEAR, "Bramwick Borough Council", 20190304, k);
	assert_string_equal(k, "2019");
	key_of(SHARD_YEAR, "Bramwick Borough Council", 0, k);
	assert_string_equal(k, "unknown");

	/* Too long for a readable directory name: a head and a hash, still distinct. */
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	key_of(SHARD_COUNCIL, longname, 0, k);
	longname[200] = 'b';
	key_of(SHARD_COUNCIL, longname, 0, k2);
	assert_int_equal(strlen(k), SHARD_KEY_MAX);
	assert_string_not_equal(k, k2);
	assert_true(shard_key_is_valid(k));
}

static void test_shard_key_validity(void **state)
{
	enum shard_by by;

	(void)state;
	assert_true(shard_key_is_valid("2019"));
	assert_true(shard_key_is_valid("bramwick-borough-council"));
	assert_false(shard_key_is_valid(""));
	assert_false(shard_key_is_valid(".."));
	assert_false(shard_key_is_valid("a/b"));
	assert_false(shard_key_is_valid("2019.compact-tmp"));
	assert_false(shard_key_is_valid("Upper"));
	assert_false(shard_key_is_valid("-x"));
	assert_int_equal(shard_by_parse("council", &by), CM_OK);
	assert_int_equal(by, SHARD_COUNCIL);
	assert_int_equal(shard_by_parse("year", &by), CM_OK);
	assert_int_equal(by, SHARD_YEAR);
	assert_int_equal(shard_by_parse("month", &by), CM_EINVAL);
	assert_string_equal(shard_by_name(SHARD_YEAR), "year");
}

static void add_doc(struct xw_db *db, const char *uid)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_doc *doc = xw_doc_new();

	assert_non_null(doc);
	xw_doc_add_term(doc, "", uid, strlen(uid));
	xw_doc_add_term(doc, "", "XFsame", 6);
	assert_int_equal(xw_db_replace(db, uid, doc, &err), CM_OK);
	xw_doc_free(doc);
}

static unsigned doccount(const char *path)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_db *rd = NULL;
	unsigned n;

	assert_int_equal(xw_db_open_read(path, NULL, &rd, &err), CM_OK);
	n = xw_db_doccount(rd, &err);
	xw_db_free(rd);
	return n;
}

static void test_shard_set_stub_and_reopen(void **state)
{
	const char *dir = *state;
	struct cm_err err = { CM_OK, "" };
	struct shard_set *set = NULL;
	struct xw_db *a = NULL, *b = NULL, *again = NULL;
	char stub[128], line[128];
	FILE *f;
	size_t lines = 0;

	assert_int_equal(shard_set_open(dir, false, &set, &err), CM_OK);
	assert_int_equal(shard_set_count(set), 0);
	/* An empty stub is already there: an empty index opens and has nothing. */
	assert_int_equal(doccount(dir), 0);

	assert_int_equal(shard_set_get(set, "2020", &b, &err), CM_OK);
	assert_int_equal(shard_set_get(set, "2019", &a, &err), CM_OK);
	assert_int_equal(shard_set_get(set, "2019", &again, &err), CM_OK);
	assert_ptr_equal(a, again);
	assert_int_equal(shard_set_get(set, "../escape", &again, &err), CM_EINVAL);
	/* Each new shard exists (empty) as soon as the stub names it. */
	assert_int_equal(doccount(dir), 0);
	add_doc(a, "Qa1");
	add_doc(a, "Qa2");
	add_doc(b, "Qb1");
	assert_int_equal(shard_set_commit(set, &err), CM_OK);
	assert_int_equal(doccount(dir), 3);
	assert_int_equal(shard_set_count(set), 2);
	assert_non_null(strstr(shard_set_path(set, 0), "/shards/2019"));
	assert_null(shard_set_path(set, 2));

	snprintf(stub, sizeof stub, "%s/XAPIANDB", dir);
	f = fopen(stub, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f))
		if (line[0] != '#') {
			assert_string_equal(line, lines ? "auto shards/2020\n" : "auto shards/2019\n");
			lines++;
		}
	fclose(f);
	assert_int_equal(lines, 2);

	/* Deleting by term everywhere reaches every shard. */
	assert_int_equal(shard_set_delete_everywhere(set, "XFsame", &err), CM_OK);
	assert_int_equal(shard_set_commit(set, &err), CM_OK);
	assert_int_equal(doccount(dir), 0);
	add_doc(a, "Qa1");
	shard_set_free(set);   /* closing commits */
	assert_int_equal(doccount(dir), 1);

	/* Reopened, the set knows its shards; a full rebuild empties them. */
	set = NULL;
	assert_int_equal(shard_set_open(dir, false, &set, &err), CM_OK);
	assert_int_equal(shard_set_count(set), 2);
	shard_set_free(set);
	set = NULL;
	assert_int_equal(shard_set_open(dir, true, &set, &err), CM_OK);
	assert_int_equal(shard_set_commit(set, &err), CM_OK);
	assert_int_equal(doccount(dir), 0);
	shard_set_free(set);
}

static void test_filedb_content_fields(void **state)
{
	const char *dir = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct filedb_content c, got;
	char path[128];

	snprintf(path, sizeof path, "%s/control", dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	memset(&c, 0, sizeof c);
	assert_int_equal(strv_push(&c.paths, "a/minutes.pdf"), CM_OK);
	assert_int_equal(strv_push(&c.paths, "b/copy.pdf"), CM_OK);
	sbuf_adds(&c.shard, "bramwick");
	sbuf_adds(&c.meeting, "m0");

	/* Shard and meeting id round-trip, the paths in their order. */
	assert_int_equal(filedb_content_store(db, "c1", &c, &err), CM_OK);
	memset(&got, 0, sizeof got);
	assert_int_equal(filedb_content_load(db, "c1", &got, &err), CM_OK);
	assert_string_equal(sbuf_str(&got.shard), "bramwick");
	assert_string_equal(filedb_content_meeting(&got, "c1"), "m0");
	assert_int_equal(got.paths.n, 2);
	assert_string_equal(got.paths.v[0], "a/minutes.pdf");
	assert_string_equal(got.paths.v[1], "b/copy.pdf");
	filedb_content_release(&got);

	/* Neither shard nor meeting id: the record is its paths; the meeting is the content id. */
	sbuf_reset(&c.shard);
	sbuf_reset(&c.meeting);
	sbuf_adds(&c.meeting, "c2");   /* equal to the content id: not stored */
	assert_int_equal(filedb_content_store(db, "c2", &c, &err), CM_OK);
	memset(&got, 0, sizeof got);
	assert_int_equal(filedb_content_load(db, "c2", &got, &err), CM_OK);
	assert_int_equal(got.shard.len, 0);
	assert_int_equal(got.meeting.len, 0);
	assert_string_equal(filedb_content_meeting(&got, "c2"), "c2");
	assert_int_equal(got.paths.n, 2);
	assert_string_equal(got.paths.v[1], "b/copy.pdf");
	filedb_content_release(&got);

	/* No paths deletes the record, shard, meeting id and all. */
	strv_release(&c.paths);
	sbuf_adds(&c.shard, "bramwick");
	assert_int_equal(filedb_content_store(db, "c1", &c, &err), CM_OK);
	memset(&got, 0, sizeof got);
	assert_int_equal(filedb_content_load(db, "c1", &got, &err), CM_OK);
	assert_int_equal(got.paths.n, 0);
	assert_int_equal(got.shard.len, 0);
	assert_int_equal(got.meeting.len, 0);
	filedb_content_release(&got);

	filedb_content_release(&c);
	xw_db_free(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shard_key_council_and_year),
		cmocka_unit_test(test_shard_key_validity),
		cmocka_unit_test_setup_teardown(test_shard_set_stub_and_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filedb_content_fields, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
