/*
 * test_itemdoc.c - a parsed meeting as the documents the searcher relies on
 *
 * One front-matter document and one per item, in order, with unique ids
 * "<meeting>-<n>"; every document carries the meeting's fields as value
 * slots and filter terms (so facets and filters work at item level); an
 * item's words, title and resolutions are searchable under their prefixes;
 * a glossary phrase in the text becomes its phrase term.  Checked on the
 * documents written to a real database.
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

#include "field.h"
#include "itemdoc.h"
#include "schema.h"
#include "stopword.h"
#include "xw.h"

static const char MINUTES[] =
	"WRAGGDEN BOROUGH COUNCIL\n\nCABINET\n\n"
	"Minutes of the meeting held on Tuesday 12 March 2024 at 7.00 pm\n\n"
	"Present: Councillor A Probert (Chair), Councillors B Lind and C Hussain\n\n"
	"1. Apologies for Absence\n\nThere were none.\n\n"
	"2. Looked After Children Sufficiency\n\n"
	"Members discussed placements for looked after children and the zebrafinch project.\n\n"
	"RESOLVED: that the sufficiency strategy be approved.\n";

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static void test_itemdoc_documents(void **state)
{
	char tmpl[] = "/tmp/test_itemdoc.XXXXXX", *dir = mkdtemp(tmpl), path[600];
	static const char *const phrases[] = { "looked_after_children" };
	struct cm_err err = { CM_OK, "" };
	struct field_opts fo = { NULL, "archive/wraggden/cabinet/2024-03-12.txt" };
	struct field_meeting m = {0};
	struct xw_index_opts xo = { false, NULL, 0, phrases, 1 };
	struct xw_tg *tg = NULL;
	struct itemdoc_src src = {0};
	struct itemdoc_set set = {0};
	struct xw_db *db = NULL;
	struct sbuf v = {0};
	unsigned docid = 0;

	(void)state;
	assert_non_null(dir);
	assert_int_equal(field_parse(MINUTES, sizeof MINUTES - 1, &fo, &m, &err), CM_OK);
	assert_int_equal(m.n_items, 2);
	xo.stopwords = stopword_list(&xo.n_stopwords);
	assert_int_equal(xw_tg_new(&xo, &tg, &err), CM_OK);
	src.meeting = &m;
	src.path = fo.path;
	src.mime = "text/plain";
	src.meeting_id = "m42";
	assert_int_equal(itemdoc_build(&src, tg, &set, &err), CM_OK);
	assert_int_equal(set.n, 3);			/* front matter, then the items */
	assert_string_equal(set.docs[0].uid, PFX_UID "m42-0");
	assert_string_equal(set.docs[2].uid, PFX_UID "m42-2");
	xw_doc_get_value(set.docs[2].doc, SLOT_COUNCIL, &v);
	assert_string_equal(sbuf_str(&v), "Wraggden Borough Council");
	sbuf_reset(&v);
	xw_doc_get_value(set.docs[2].doc, SLOT_DATE, &v);
	assert_string_equal(sbuf_str(&v), "20240312");
	sbuf_reset(&v);
	xw_doc_get_value(set.docs[1].doc, SLOT_COMMITTEE, &v);
	assert_string_equal(sbuf_str(&v), "Cabinet");

	snprintf(path, sizeof path, "%s/db", dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	for (size_t i = 0; i < set.n; i++) {
		assert_int_equal(xw_db_replace(db, set.docs[i].uid, set.docs[i].doc, &err), CM_OK);
		xw_doc_free(set.docs[i].doc);
		set.docs[i].doc = NULL;
	}
	assert_int_equal(xw_db_commit(db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(db, &err), 3);
	/* every document can be filtered by the meeting's fields */
	assert_int_equal(xw_db_termfreq(db, PFX_MEETING "m42", &err), 3);
	assert_int_equal(xw_db_termfreq(db, PFX_YEAR "2024", &err), 3);
	assert_int_equal(xw_db_termfreq(db, PFX_FRONT "front", &err), 1);
	/* the item's words, its title under S, its resolution under XR */
	assert_int_equal(xw_db_find_term(db, "zebrafinch", &docid, &err), CM_OK);
	assert_int_equal(xw_db_termfreq(db, PFX_TITLE "sufficiency", &err), 1);
	assert_int_equal(xw_db_termfreq(db, PFX_RESOLVED "strategy", &err), 1);
	assert_int_equal(xw_db_termfreq(db, "the", &err), 0);	/* stopwords are not indexed */
	/* the glossary phrase, in the title and the text: one term, on that item only */
	assert_int_equal(xw_db_termfreq(db, PFX_PHRASE "looked_after_children", &err), 1);

	sbuf_release(&v);
	itemdoc_set_release(&set);
	field_meeting_release(&m);
	xw_tg_free(tg);
	xw_db_free(db);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_itemdoc_documents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
