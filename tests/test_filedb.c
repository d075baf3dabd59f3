/*
 * test_filedb.c - the indexer's bookkeeping, round trips through a real database
 *
 * File records (a file, a failed one, a zip with members, a path long
 * enough to be stored under a hashed key) survive a commit and a reload;
 * removing forgets; content and meeting-holder records round trip and an
 * empty content record deletes itself.
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
#include "xw.h"

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static int count_rec(void *ctx, struct filedb_rec *rec)
{
	(void)rec;
	(*(size_t *)ctx)++;
	return 0;
}

static void test_filedb_records_survive_a_reload(void **state)
{
	char tmpl[] = "/tmp/test_filedb.XXXXXX", *dir = mkdtemp(tmpl), path[600], lng[600];
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct filedb *f = NULL;
	struct filedb_rec a = {0}, bad = {0}, zip = {0}, lrec = {0}, *got;
	char pa[] = "/arch/cabinet/2024-03-12.pdf", url[] = "https://council.example/m.pdf";
	char pbad[] = "/arch/broken.pdf", why[] = "no text layer", pzip[] = "/arch/2023.zip";
	size_t n = 0;

	(void)state;
	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/db", dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	assert_int_equal(filedb_load(db, &f, &err), CM_OK);

	a.path = pa;
	a.size = 12345;
	a.mtime_ns = 1700000000123456789LL;
	strv_push(&a.cids, "c0ffee");
	strv_push(&a.members, "");
	a.url = url;
	bad.path = pbad;
	bad.failed = true;
	bad.reason = why;
	zip.path = pzip;
	strv_push(&zip.cids, "aa");
	strv_push(&zip.cids, "bb");
	strv_push(&zip.members, "jan.pdf");
	strv_push(&zip.members, "feb.pdf");
	memset(lng, 'x', 500);			/* longer than a metadata key may be */
	memcpy(lng, "/arch/", 6);
	lng[500] = '\0';
	lrec.path = lng;
	strv_push(&lrec.cids, "dd");
	strv_push(&lrec.members, "");
	assert_int_equal(filedb_put(f, db, &a, &err), CM_OK);
	assert_int_equal(filedb_put(f, db, &bad, &err), CM_OK);
	assert_int_equal(filedb_put(f, db, &zip, &err), CM_OK);
	assert_int_equal(filedb_put(f, db, &lrec, &err), CM_OK);
	assert_int_equal(filedb_remove(f, db, "/arch/broken.pdf", &err), CM_OK);
	assert_int_equal(filedb_remove(f, db, "/arch/never.pdf", &err), CM_OK);
	assert_int_equal(xw_db_commit(db, &err), CM_OK);
	filedb_free(f);

	assert_int_equal(filedb_load(db, &f, &err), CM_OK);
	filedb_each(f, count_rec, &n);
	assert_int_equal(n, 3);
	assert_null(filedb_get(f, "/arch/broken.pdf"));
	got = filedb_get(f, "/arch/cabinet/2024-03-12.pdf");
	assert_non_null(got);
	assert_int_equal(got->size, 12345);
	assert_true(got->mtime_ns == 1700000000123456789LL);
	assert_false(got->failed);
	assert_string_equal(got->cids.v[0], "c0ffee");
	assert_string_equal(got->url, "https://council.example/m.pdf");
	got = filedb_get(f, "/arch/2023.zip");
	assert_non_null(got);
	assert_int_equal(got->cids.n, 2);
	assert_string_equal(got->members.v[1], "feb.pdf");
	assert_string_equal(got->cids.v[1], "bb");
	got = filedb_get(f, lng);
	assert_non_null(got);
	assert_string_equal(got->path, lng);

	filedb_free(f);
	xw_db_free(db);
	strv_release(&a.cids);
	strv_release(&a.members);
	strv_release(&zip.cids);
	strv_release(&zip.members);
	strv_release(&lrec.cids);
	strv_release(&lrec.members);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void test_filedb_content_and_meeting_records(void **state)
{
	char tmpl[] = "/tmp/test_filedb.XXXXXX", *dir = mkdtemp(tmpl), path[600];
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct filedb_content c = {0}, back = {0}, none = {0};
	struct sbuf holder = {0};

	(void)state;
	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/db", dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	strv_push(&c.paths, "/arch/a.pdf");
	strv_push(&c.paths, "/arch/copy/a.pdf");
	sbuf_adds(&c.meeting, "m1");
	assert_int_equal(filedb_content_store(db, "cid1", &c, &err), CM_OK);
	assert_int_equal(filedb_content_load(db, "cid1", &back, &err), CM_OK);
	assert_int_equal(back.paths.n, 2);
	assert_string_equal(back.paths.v[0], "/arch/a.pdf");	/* primary first */
	assert_string_equal(filedb_content_meeting(&back, "cid1"), "m1");
	filedb_content_release(&back);
	/* no meeting id of its own: the content id is the meeting id */
	sbuf_reset(&c.meeting);
	assert_int_equal(filedb_content_store(db, "cid2", &c, &err), CM_OK);
	assert_int_equal(filedb_content_load(db, "cid2", &back, &err), CM_OK);
	assert_string_equal(filedb_content_meeting(&back, "cid2"), "cid2");
	filedb_content_release(&back);
	/* no paths: the record goes */
	assert_int_equal(filedb_content_store(db, "cid2", &none, &err), CM_OK);
	assert_int_equal(filedb_content_load(db, "cid2", &back, &err), CM_OK);
	assert_int_equal(back.paths.n, 0);
	filedb_content_release(&back);

	assert_int_equal(filedb_meeting_set_holder(db, "m1", "cid1", &err), CM_OK);
	assert_int_equal(filedb_meeting_holder(db, "m1", &holder, &err), CM_OK);
	assert_string_equal(sbuf_str(&holder), "cid1");
	assert_int_equal(filedb_meeting_set_holder(db, "m1", NULL, &err), CM_OK);
	sbuf_reset(&holder);
	assert_int_equal(filedb_meeting_holder(db, "m1", &holder, &err), CM_OK);
	assert_string_equal(sbuf_str(&holder), "");

	sbuf_release(&holder);
	filedb_content_release(&c);
	xw_db_free(db);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filedb_records_survive_a_reload),
		cmocka_unit_test(test_filedb_content_and_meeting_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
