/*
 * test_research.c - the research helpers: G2, title keys, procedural
 *                   items, periods, and the denominators table
 *
 * G2 against values worked out by hand (and its sign and symmetry); title
 * keys of real-world recurring titles; period ordinals and labels across
 * the May start of the municipal year; denominators counted on a real
 * temporary Xapian database, stored, decoded and refreshed after a delete.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "denom.h"
#include "searcher/research.h"
#include "searcher/research_int.h"
#include "schema.h"
#include "xw.h"
#include "denom_test.h"
#include "research_test.h"

static void test_research_g2_known_values(void **state)
{
	double g;

	(void)state;
	/* 10 of 100 vs 10 of 1000: by hand 2*sum(O ln O/E) = 22.9078 */
	g = research_g2(10, 100, 10, 1000);
	assert_true(fabs(g - 22.9078) < 1e-3);
	/* the same rate on both sides: no evidence */
	assert_true(fabs(research_g2(5, 100, 50, 1000)) < 1e-9);
	/* under-represented: negative, same magnitude as the mirror table */
	assert_true(research_g2(10, 1000, 10, 100) < 0);
	assert_true(fabs(research_g2(10, 1000, 10, 100) + g) < 1e-9);
	/* empty sides */
	assert_true(research_g2(0, 0, 3, 10) == 0);
	assert_true(research_g2(3, 10, 0, 0) == 0);
	/* a term in every document of both sides */
	assert_true(research_g2(10, 10, 20, 20) == 0);
	/* more occurrences, more evidence */
	assert_true(research_g2(20, 100, 20, 1000) > g);
}

static void check_key(const char *title, const char *want)
{
	struct sbuf k = {0};

	research_title_key(title, &k);
	if (strcmp(sbuf_str(&k), want) != 0)
		fail_msg("key of '%s' is '%s', expected '%s'", title, sbuf_str(&k), want);
	sbuf_release(&k);
}

static void test_research_title_key(void **state)
{
	(void)state;
	check_key("Work Programme", "work programme");
	check_key("Work Programme 2019/20", "work programme");
	check_key("WORK PROGRAMME - 2021-22", "work programme");
	check_key("Children in Care Council - Update", "children in care council update");
	check_key("Budget Monitoring Quarter 2", "budget monitoring quarter");
	check_key("Budget Monitoring Q3 2019/20", "budget monitoring quarter");
	check_key("Budget Monitoring - Quarter Two 2020", "budget monitoring quarter");
	check_key("Budget Monitoring Report Month 6", "budget monitoring report");
	check_key("Minutes of the meeting held on 15 March 2021", "minutes of the meeting held");
	check_key("Children's Services & Education", "childrens services and education");
	check_key("Children\xe2\x80\x99s Services", "childrens services");
	check_key("Performance Report: 1st April to 30th June", "performance report");
	check_key("2020", "");
}

static void test_research_procedural(void **state)
{
	static const char *const yes[] = {
		"Apologies", "Apologies for Absence", "Declarations of Interest",
		"Disclosures of Pecuniary Interests", "Minutes of the meeting held on 4 May 2021",
		"Substitute Members", "Urgent Business", "Any Other Business",
		"Date of Next Meeting", "Exclusion of the Press and Public",
		"Late Items to be introduced by the Chair", "Public Questions",
		"Apologies and Declarations of Interest", "Chair's Announcements",
	};
	static const char *const no[] = {
		"Work Programme", "Budget Monitoring Quarter 2", "Children in Care Council - Update",
		"Minimum Income Guarantee", "Public Health Annual Report", "Interest Rate Risk",
	};
	struct sbuf k = {0};

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		sbuf_reset(&k);
		research_title_key(yes[i], &k);
		if (!research_is_procedural(sbuf_str(&k)))
			fail_msg("'%s' should be procedural", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		sbuf_reset(&k);
		research_title_key(no[i], &k);
		if (research_is_procedural(sbuf_str(&k)))
			fail_msg("'%s' should not be procedural", no[i]);
	}
	sbuf_release(&k);
}

static void check_period(enum research_period by, unsigned month, const char *want)
{
	struct sbuf l = {0};

	research_period_label(by, research_period_index(by, month), &l);
	assert_string_equal(sbuf_str(&l), want);
	sbuf_release(&l);
}

static void test_research_periods(void **state)
{
	(void)state;
	check_period(RESEARCH_BY_YEAR, 201912, "2019");
	check_period(RESEARCH_BY_MONTH, 201912, "2019-12");
	check_period(RESEARCH_BY_MONTH, 202001, "2020-01");
	check_period(RESEARCH_BY_MUNICIPAL, 202004, "2019/20");
	check_period(RESEARCH_BY_MUNICIPAL, 202005, "2020/21");
	check_period(RESEARCH_BY_MUNICIPAL, 199905, "1999/00");
	/* consecutive months are consecutive ordinals across a year end */
	assert_int_equal(research_period_index(RESEARCH_BY_MONTH, 202001) -
			 research_period_index(RESEARCH_BY_MONTH, 201912), 1);
}

/* ---- denominators on a real database ------------------------------------ */

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static void put(struct xw_db *db, const char *uid, const char *date, const char *council,
		const char *committee, const char *meeting, bool front, const char *words)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_doc *doc = xw_doc_new();
	char q[64];

	snprintf(q, sizeof q, PFX_UID "%s", uid);
	xw_doc_add_term(doc, "", q, strlen(q));
	xw_doc_add_term(doc, PFX_FILE, meeting, strlen(meeting));
	if (front)
		xw_doc_add_term(doc, PFX_FRONT, "front", 5);
	xw_doc_set_value(doc, SLOT_DATE, date, strlen(date));
	xw_doc_set_value(doc, SLOT_COUNCIL, council, strlen(council));
	xw_doc_set_value(doc, SLOT_COMMITTEE, committee, strlen(committee));
	xw_doc_set_value(doc, SLOT_MEETING, meeting, strlen(meeting));
	if (words)
		xw_doc_set_value(doc, SLOT_WORDS, words, strlen(words));
	assert_int_equal(xw_db_replace(db, q, doc, &err), CM_OK);
	xw_doc_free(doc);
}

/* The row of (month, committee); fails the test when there is none. */
static const struct denom_row *find_row(const struct denom *d, unsigned month,
					const char *committee)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].month == month && strcmp(d->v[i].committee, committee) == 0)
			return &d->v[i];
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "row %u '%s' '%s' %zu\n", d->v[i].month, d->v[i].council,
			d->v[i].committee, d->v[i].items);
	fail_msg("no row %u %s", month, committee);
	abort();
}

static void test_research_denominators(void **state)
{
	char dir[] = "/tmp/test_research.XXXXXX", path[64];
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct denom d = {0}, d2 = {0};
	struct sbuf enc = {0}, stamp = {0};
	const struct denom_row *r;
	bool stored = true;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/db", dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	/* Two Cabinet meetings in March 2020 (2 + 1 items), one Audit meeting in April. */
	put(db, "m1-0", "20200303", "Westholme", "Cabinet", "m1", true, NULL);
	put(db, "m1-1", "20200303", "Westholme", "Cabinet", "m1", false, "120");
	put(db, "m1-2", "20200303", "Westholme", "Cabinet", "m1", false, "30");
	put(db, "m2-0", "20200317", "Westholme", "Cabinet", "m2", true, NULL);
	put(db, "m2-1", "20200317", "Westholme", "Cabinet", "m2", false, "50");
	put(db, "m3-0", "20200402", "Westholme", "Audit\tand Risk", "m3", true, NULL);
	put(db, "m3-1", "20200402", "Westholme", "Audit\tand Risk", "m3", false, "7");
	put(db, "m4-1", "", "Westholme", "Cabinet", "m4", false, "9");
	assert_int_equal(xw_db_commit(db, &err), CM_OK);

	/* no stored table yet: counted on the spot */
	assert_int_equal(denom_load(db, &d, &stored, &err), CM_OK);
	assert_false(stored);
	r = find_row(&d, 202003, "Cabinet");
	assert_non_null(r);
	assert_int_equal(r->items, 3);
	assert_int_equal(r->meetings, 2);
	assert_int_equal(r->words, 200);
	r = find_row(&d, 202004, "Audit and Risk");   /* the tab became a space */
	assert_non_null(r);
	assert_int_equal(r->items, 1);
	r = find_row(&d, 0, "Cabinet");
	assert_non_null(r);
	assert_int_equal(r->items, 1);
	assert_int_equal(d.n, 3);

	/* encode/decode round trip, with its stamp */
	denom_encode(&d, "5:9:0", &enc);
	assert_int_equal(denom_decode(enc.buf, enc.len, &d2, &stamp, &err), CM_OK);
	assert_string_equal(stamp.buf, "5:9:0");
	assert_int_equal(d2.n, d.n);
	for (size_t i = 0; i < d.n; i++) {
		assert_int_equal(d2.v[i].month, d.v[i].month);
		assert_string_equal(d2.v[i].committee, d.v[i].committee);
		assert_int_equal(d2.v[i].words, d.v[i].words);
	}
	denom_release(&d2);
	assert_int_equal(denom_decode("denom 1 x\n202001\tA\n", 20, &d2, NULL, &err), CM_EFORMAT);
	assert_int_equal(denom_decode("nonsense", 8, &d2, NULL, &err), CM_EFORMAT);

	/* refresh stores it; a later delete makes it stale until the next refresh */
	assert_int_equal(denom_refresh(db, &err), CM_OK);
	denom_release(&d);
	assert_int_equal(denom_load(db, &d, &stored, &err), CM_OK);
	assert_true(stored);
	assert_int_equal(xw_db_delete_term(db, PFX_FILE "m2", &err), CM_OK);
	assert_int_equal(xw_db_commit(db, &err), CM_OK);
	denom_release(&d);
	assert_int_equal(denom_load(db, &d, &stored, &err), CM_OK);
	assert_false(stored);   /* stale: counted again, so still right */
	r = find_row(&d, 202003, "Cabinet");
	assert_int_equal(r->items, 2);
	assert_int_equal(r->meetings, 1);
	assert_int_equal(denom_refresh(db, &err), CM_OK);
	denom_release(&d);
	assert_int_equal(denom_load(db, &d, &stored, &err), CM_OK);
	assert_true(stored);
	assert_int_equal(find_row(&d, 202003, "Cabinet")->words, 150);

	denom_release(&d);
	sbuf_release(&enc);
	sbuf_release(&stamp);
	xw_db_free(db);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_research_g2_known_values),
		cmocka_unit_test(test_research_title_key),
		cmocka_unit_test(test_research_procedural),
		cmocka_unit_test(test_research_periods),
		cmocka_unit_test(test_research_denominators),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
