/*
 * test_query.c - the query language on a real temporary index
 *
 * A small archive of four fictional meetings is written to a mkdtemp
 * directory and indexed with ingest_run(); then query_rewrite(),
 * query_filter_term() and whole searches through search_run() are checked
 * against it: partial and ambiguous council/committee names, balance
 * checks, filter terms, synonyms both ways, NEAR, exclusion, quoted
 * (unstemmed) words, syntax errors Xapian would silently repair, "did you
 * mean", and facets that are marked inexact when counting is cut short.
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
#include <sys/stat.h>

#include "glossary.h"
#include "indexer/ingest.h"
#include "schema.h"
#include "searcher/query.h"
#include "searcher/search.h"
#include "xw.h"
#include "xw_test.h"

struct fixture {
	char dir[64];                 /* temporary directory */
	char db[96];                  /* the index inside it */
	struct xw_db *xdb;            /* read handle */
	struct synonym_set *syn;      /* the shipped synonyms */
	struct search_engine *eng;    /* engine over db, with synonyms */
};

/* The archive: council/committee/date.txt, each meeting's own words. */
static const struct { const char *path, *text; } archive[] = {
	{ "westby-borough-council/corporate-parenting-committee/2019-01-15.txt",
	  "WESTBY BOROUGH COUNCIL\n\nCORPORATE PARENTING COMMITTEE\n\nTuesday 15th January 2019\n\n"
	  "Present: Councillor Ashworth (Chair)\nCouncillors Brindle, Calloway and J Dunstan\n\n"
	  "1/19 Apologies\n\nApologies were received from Councillor Eccleston.\n\n"
	  "2/19 Missing Children and CSE\n\nThe Head of Service reported on children missing from "
	  "care and the multi-agency response to CSE in the borough.\n\n"
	  "Resolved: that the report on CSE be noted.\n\n"
	  "3/19 Foster Carer Recruitment\n\nThe committee heard that recruitment of foster carers "
	  "had improved during the autumn campaign.\n" },
	{ "westby-borough-council/children-and-young-people-scrutiny-panel/2019-12-31.txt",
	  "WESTBY BOROUGH COUNCIL\n\nCHILDREN AND YOUNG PEOPLE SCRUTINY PANEL\n\n"
	  "Tuesday 31st December 2019\n\nPresent: Councillor Brindle (Chair)\n"
	  "Councillors Ashworth and Fairclough\n\n"
	  "10/19 Child Sexual Exploitation Strategy\n\nMembers scrutinised the strategy on child "
	  "sexual exploitation and the training given to taxi drivers.\n\n"
	  "11/19 Care Leavers\n\nThe panel heard about unaccompanied asylum seeking children "
	  "leaving care and their housing.\n" },
	{ "eastby-district-council/cabinet/2020-01-01.txt",
	  "EASTBY DISTRICT COUNCIL\n\nCABINET\n\nWednesday 1st January 2020\n\n"
	  "Present: Councillor Gorton (Chair)\nCouncillors Holt and Ibbotson\n\n"
	  "5 Safeguarding Annual Report\n\nThe Cabinet received the safeguarding annual report, "
	  "which covered UASC placements and safeguarding training for staff.\n\n"
	  "6 Budget Monitoring\n\nThe Cabinet noted the budget position at quarter three.\n" },
	{ "eastby-district-council/corporate-parenting-panel/2021-06-30.txt",
	  "EASTBY DISTRICT COUNCIL\n\nCORPORATE PARENTING PANEL\n\nWednesday 30th June 2021\n\n"
	  "Present: Councillor Holt (Chair)\nCouncillors Gorton and Jepson\n\n1 Apologies\n\nNone.\n\n"
	  "2 Placement Sufficiency\n\nThe panel considered placement sufficiency and the cost "
	  "of residential placements far from home.\n" },
};

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static void write_file(const char *root, const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", root, rel);
	for (char *s = path + strlen(root) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct cm_err err = { CM_OK, "" };
	struct ingest_opts io;
	struct ingest_stats st;
	struct search_engine_opts eo;
	const char *syn_files[] = { "common/synonyms.txt" };
	char root[96];
	const char *roots[1] = { root };

	assert_non_null(fx);
	strcpy(fx->dir, "/tmp/test_query.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(root, sizeof root, "%s/archive", fx->dir);
	snprintf(fx->db, sizeof fx->db, "%s/db", fx->dir);
	mkdir(root, 0755);
	for (size_t i = 0; i < sizeof archive / sizeof archive[0]; i++)
		write_file(root, archive[i].path, archive[i].text);
	memset(&io, 0, sizeof io);
	memset(&st, 0, sizeof st);
	io.jobs = 1;
	io.spelling = true;
	io.full = true;
	assert_int_equal(ingest_run(fx->db, roots, 1, &io, &st, &err), CM_OK);
	assert_int_equal(st.indexed, 4);
	assert_int_equal(xw_db_open(fx->db, XW_OPEN_READ, &fx->xdb, &err), CM_OK);
	fx->syn = synonym_set_new();
	assert_non_null(fx->syn);
	assert_int_equal(synonym_load(fx->syn, "common/synonyms.txt", &err), CM_OK);
	memset(&eo, 0, sizeof eo);
	eo.synonym_files = syn_files;
	eo.n_synonym_files = 1;
	assert_int_equal(search_engine_open(fx->db, &eo, &fx->eng, &err), CM_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	search_engine_free(fx->eng);
	synonym_set_free(fx->syn);
	xw_db_free(fx->xdb);
	nftw(fx->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

/* query_rewrite of q: its status, the output in out (reset first), the message in err. */
static int rewrite(struct fixture *fx, const char *q, struct sbuf *out, struct cm_err *err)
{
	sbuf_reset(out);
	return query_rewrite(fx->xdb, fx->syn, NULL, q, strlen(q), out, err);
}

/* rewrite with the index's glossary phrase terms (SCHEMA_META_PHRASES). */
static int rewrite_phrases(struct fixture *fx, const char *q, struct sbuf *out, struct cm_err *err)
{
	struct strv keys = {0};
	struct sbuf stored = {0};
	int rc;

	assert_int_equal(xw_db_get_metadata(fx->xdb, SCHEMA_META_PHRASES, &stored, err), CM_OK);
	assert_true(stored.len > 0);	/* a fresh index records the keys it has terms for */
	assert_int_equal(glossary_keys_split(stored.buf, stored.len, &keys), CM_OK);
	sbuf_reset(out);
	rc = query_rewrite(fx->xdb, fx->syn, &keys, q, strlen(q), out, err);
	strv_release(&keys);
	sbuf_release(&stored);
	return rc;
}

/* Item titles (sorted by date) matching q with the request's other fields zero, ';'-joined. */
static int titles(struct fixture *fx, const char *q, struct sbuf *out, struct cm_err *err)
{
	struct search_request req;
	struct search_result res;
	int rc;

	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.query = q;
	req.limit = 50;
	req.sort = SEARCH_SORT_DATE;
	sbuf_reset(out);
	rc = search_run(fx->eng, &req, &res, err);
	for (size_t i = 0; rc == CM_OK && i < res.n_hits; i++)
		sbuf_addf(out, "%s;", res.hits[i].d.title);
	search_result_release(&res);
	return rc;
}

static void test_query_rewrite_partial_names(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	/* Exact, a unique whole word, a unique word prefix; case and quotes do not matter. */
	assert_int_equal(rewrite(fx, "committee:cabinet budget", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "committee:\"cabinet\" budget");
	assert_int_equal(rewrite(fx, "committee:Scrutiny", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "committee:\"children and young people scrutiny panel\"");
	assert_int_equal(rewrite(fx, "council:east", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "council:\"eastby district council\"");
	assert_int_equal(rewrite(fx, "(council:\"Westby Borough\" OR x)", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "(council:\"westby borough council\" OR x)");
	/* "parenting committee" is whole-word unique even though "parenting" is not. */
	assert_int_equal(rewrite(fx, "committee:\"parenting committee\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "committee:\"corporate parenting committee\"");
	/* Unknown names stay as typed (and then match nothing). */
	assert_int_equal(rewrite(fx, "committee:licensing", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "committee:\"licensing\"");
	sbuf_release(&out);
}

static void test_query_rewrite_ambiguous_name(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	assert_int_equal(rewrite(fx, "committee:parenting", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "ambiguous"));
	assert_non_null(strstr(err.msg, "corporate parenting committee"));
	assert_non_null(strstr(err.msg, "corporate parenting panel"));
	assert_int_equal(rewrite(fx, "council:by", &out, &err), CM_OK);  /* no word starts "by" */
	assert_int_equal(rewrite(fx, "council:council", &out, &err), CM_EQUERY);
	sbuf_release(&out);
}

static void test_query_rewrite_balance_checks(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	assert_int_equal(rewrite(fx, "(care OR housing", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "'(' at position 1 is never closed"));
	assert_int_equal(rewrite(fx, "care) housing", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "')' at position 5"));
	assert_int_equal(rewrite(fx, "\"foster care", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "quote at position 1 is never closed"));
	/* Brackets inside a phrase do not count. */
	assert_int_equal(rewrite(fx, "\"care (leavers\"", &out, &err), CM_OK);
	sbuf_release(&out);
}

static void test_query_rewrite_synonyms_outside_quotes_only(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	assert_int_equal(rewrite(fx, "CSE \"CSE\" title:CSE", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "(cse OR \"child sexual exploitation\") \"CSE\" title:CSE");
	sbuf_release(&out);
}

static void test_query_filter_terms(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf t = {0};

	assert_int_equal(query_filter_term(fx->xdb, "committee", "Cabinet", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "XMcabinet");
	sbuf_reset(&t);
	assert_int_equal(query_filter_term(fx->xdb, "council", "westby", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "XCwestby borough council");
	sbuf_reset(&t);
	assert_int_equal(query_filter_term(fx->xdb, "person", "Councillor J Dunstan", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "XPdunstan");
	sbuf_reset(&t);
	assert_int_equal(query_filter_term(fx->xdb, "format", "text", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "Ttext/plain");
	sbuf_reset(&t);
	assert_int_equal(query_filter_term(fx->xdb, "year", "2019", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "XY2019");
	sbuf_reset(&t);
	assert_int_equal(query_filter_term(fx->xdb, "kind", "Minutes", &t, &err), CM_OK);
	assert_string_equal(sbuf_str(&t), "XKminutes");
	assert_int_equal(query_filter_term(fx->xdb, "colour", "red", &t, &err), CM_EQUERY);
	assert_int_equal(query_filter_term(fx->xdb, "committee", "parenting", &t, &err), CM_EQUERY);
	sbuf_release(&t);
}

static void test_query_search_synonyms_both_ways(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	/* The acronym finds the words, the words find the acronym. */
	assert_int_equal(titles(fx, "CSE", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Missing Children and CSE;Child Sexual Exploitation Strategy;");
	assert_int_equal(titles(fx, "child sexual exploitation", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Missing Children and CSE;Child Sexual Exploitation Strategy;");
	assert_int_equal(titles(fx, "unaccompanied asylum seeking children", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Care Leavers;Safeguarding Annual Report;");
	/* Quoted, the acronym is taken literally. */
	assert_int_equal(titles(fx, "\"CSE\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Missing Children and CSE;");
	/* Excluding an acronym excludes its expansion too. */
	assert_int_equal(titles(fx, "(strategy OR recruitment OR missing) -CSE", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Foster Carer Recruitment;");
	sbuf_release(&out);
}

static void test_query_search_operators(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	/* Stemming on free text, exact when quoted. */
	assert_int_equal(titles(fx, "placement", &out, &err), CM_OK);
	assert_non_null(strstr(sbuf_str(&out), "Safeguarding Annual Report;"));   /* "placements" */
	assert_non_null(strstr(sbuf_str(&out), "Placement Sufficiency;"));
	assert_int_equal(titles(fx, "\"placement\"", &out, &err), CM_OK);
	assert_null(strstr(sbuf_str(&out), "Safeguarding Annual Report;"));
	assert_non_null(strstr(sbuf_str(&out), "Placement Sufficiency;"));
	/* NEAR within the default window, and a tight one. */
	assert_int_equal(titles(fx, "taxi NEAR exploitation", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Child Sexual Exploitation Strategy;");
	assert_int_equal(titles(fx, "taxi NEAR/2 exploitation", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "");
	/* - and NOT, lower-case operators, wildcards, fields. */
	assert_int_equal(titles(fx, "safeguarding -training", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "");
	assert_int_equal(titles(fx, "budget or foster", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Foster Carer Recruitment;Budget Monitoring;");
	assert_int_equal(titles(fx, "sufficien*", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Placement Sufficiency;");
	assert_int_equal(titles(fx, "resolved:report", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Missing Children and CSE;");
	assert_int_equal(titles(fx, "title:care committee:scrutiny", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Care Leavers;");
	sbuf_release(&out);
}

static void test_query_search_syntax_errors(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};
	static const char *const bad[] = {
		"\"sexual exploitation\" NEAR taxi",   /* Xapian would drop every operator */
		"care AND", "OR", "(", "\"", "+", "-", "committee:parenting",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err.msg[0] = '\0';
		assert_int_equal(titles(fx, bad[i], &out, &err), CM_EQUERY);
		assert_true(strlen(err.msg) > 10);
	}
	/* A stray trailing operator character is harmless. */
	assert_int_equal(titles(fx, "budget -", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Budget Monitoring;");
	sbuf_release(&out);
}

static void test_query_search_suggestion_and_inexact_facets(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct search_request req;
	struct search_result res;

	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.query = "safegaurding committee:cabinet";
	req.limit = 10;
	req.suggest = true;
	assert_int_equal(search_run(fx->eng, &req, &res, &err), CM_OK);
	assert_string_equal(res.suggestion, "safeguarding committee:cabinet");
	search_result_release(&res);

	/* All facets over everything: exact. */
	req.query = "";
	req.suggest = false;
	req.facets = 1u << FACET_COUNCIL | 1u << FACET_PERSON;
	assert_int_equal(search_run(fx->eng, &req, &res, &err), CM_OK);
	assert_null(res.suggestion);
	assert_true(res.facets_exact);
	assert_string_equal(res.facets[0].name, "council");
	assert_int_equal(res.facets[0].v[0].count + res.facets[0].v[1].count, res.total);
	/* People count by surname, once per document: "J Dunstan" shows as Dunstan. */
	{
		bool dunstan = false;

		for (size_t j = 0; j < res.facets[1].n; j++)
			if (strcmp(res.facets[1].v[j].value, "Dunstan") == 0)
				dunstan = true;
		assert_true(dunstan);
	}
	search_result_release(&res);
	/*
	 * Counting cut short: never an estimate shown as exact.  (Ordering ties
	 * by SLOT_ORDER makes the matcher see every match of a query whose
	 * weights are all equal, so on this small index the counts may well be
	 * complete; what must hold is that "exact" is only said when it is.)
	 */
	req.count_limit = 2;
	assert_int_equal(search_run(fx->eng, &req, &res, &err), CM_OK);
	{
		size_t sum = 0;

		for (size_t j = 0; j < res.facets[0].n; j++)
			sum += res.facets[0].v[j].count;
		assert_true(!res.facets_exact || (sum == res.total && !res.estimated));
	}
	search_result_release(&res);
	/* A search given no time at all cannot have counted everything. */
	req.count_limit = 0;
	req.query = "safeguarding OR budget OR council";
	req.time_limit_ms = 1e-6;
	assert_int_equal(search_run(fx->eng, &req, &res, &err), CM_OK);
	assert_true(!res.facets_exact || !res.estimated);
	search_result_release(&res);
}

static int collect_term(void *ctx, const char *s, size_t len, unsigned freq)
{
	(void)freq;
	sbuf_add(ctx, s, len);
	sbuf_addch(ctx, ' ');
	return 0;
}

/* Schema 2: words as written, stems in the synonym table, per free-text prefix. */
static void test_query_index_holds_words_and_stem_synonyms(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	assert_int_equal(xw_db_termfreq(fx->xdb, "Zplacement", &err), 0);
	assert_true(xw_db_termfreq(fx->xdb, "placements", &err) > 0);
	assert_int_equal(xw_db_each_synonym(fx->xdb, "Zplacement", collect_term, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "placement placements ");
	sbuf_reset(&out);
	assert_int_equal(xw_db_each_synonym(fx->xdb, "ZSplacement", collect_term, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Splacement ");
	sbuf_reset(&out);
	assert_int_equal(xw_db_each_synonym(fx->xdb, "ZXRreport", collect_term, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "XRreport ");
	/* a stemmed word finds the other forms (here "placement"), in a field too; quoted it is exact */
	assert_int_equal(titles(fx, "placements", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Safeguarding Annual Report;Placement Sufficiency;");
	assert_int_equal(titles(fx, "title:placements", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Placement Sufficiency;");
	assert_int_equal(titles(fx, "\"placements\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Safeguarding Annual Report;Placement Sufficiency;");
	assert_int_equal(titles(fx, "\"recruited\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "");
	assert_int_equal(titles(fx, "recruited", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Foster Carer Recruitment;");
	sbuf_release(&out);
}

/* Stopwords are not indexed: phrases skip them, queries of nothing else are refused by name. */
static void test_query_glossary_phrases_become_terms(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};

	/* a glossary phrase, typed or from an acronym, is its one term */
	assert_int_equal(rewrite_phrases(fx, "\"Looked After Children\" review", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), " glossary:Looked_after_children  review");
	assert_int_equal(rewrite_phrases(fx, "cse", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "(cse OR  glossary:Child_sexual_exploitation )");
	/* not a field's phrase, not a phrase outside the glossary, not under NEAR */
	assert_int_equal(rewrite_phrases(fx, "title:\"looked after children\" \"foster carers\"",
					 &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "title:\"looked after children\" \"foster carers\"");
	assert_int_equal(rewrite_phrases(fx, "\"looked after children\" NEAR budget", &out, &err),
			 CM_OK);
	assert_string_equal(sbuf_str(&out), "\"looked after children\" NEAR budget");
	/* the term holds exactly the items the phrase matches */
	assert_true(xw_db_termfreq(fx->xdb, PFX_PHRASE "child_sexual_exploitation", &err) > 0);
	assert_int_equal(xw_db_termfreq(fx->xdb, PFX_PHRASE "looked_after", &err), 0);
	sbuf_release(&out);
}

static void test_query_stopwords(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};
	struct search_request req;
	struct search_result res;

	assert_int_equal(xw_db_termfreq(fx->xdb, "the", &err), 0);
	assert_int_equal(xw_db_termfreq(fx->xdb, "from", &err), 0);
	assert_true(xw_db_termfreq(fx->xdb, "in", &err) > 0);   /* "children in care" */
	/* the rewrite drops them from phrases and compounds, keeps phrases of nothing else */
	assert_int_equal(rewrite(fx, "\"Missing from Care\" cost-of-living title:\"the care\"", &out,
				 &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "\"Missing Care\" cost-living title:\"care\"");
	assert_int_equal(rewrite(fx, "\"of the\" item:\"the 1\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "\"of the\" item:\"the 1\"");
	/* a phrase with a stopword matches the text that has it */
	assert_int_equal(titles(fx, "\"children missing from care\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Missing Children and CSE;");
	assert_int_equal(titles(fx, "\"heard that recruitment of foster carers\"", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Foster Carer Recruitment;");
	/* in a list of words the parser drops them */
	assert_int_equal(titles(fx, "the budget of the cabinet", &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "Budget Monitoring;");
	/* nothing but stopwords, or a stopword that must match: a clear error, not 0 hits */
	assert_int_equal(titles(fx, "the", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "only words too common to be indexed (\"the\")"));
	assert_int_equal(titles(fx, "\"of the\"", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "\"of\", \"the\""));
	assert_int_equal(titles(fx, "budget AND the", &out, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "leave out \"the\""));
	assert_int_equal(titles(fx, "budget -the", &out, &err), CM_EQUERY);
	/* "did you mean" leaves them alone: they are missing from the index on purpose */
	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.query = "the safegaurding of";
	req.limit = 10;
	req.suggest = true;
	assert_int_equal(search_run(fx->eng, &req, &res, &err), CM_OK);
	assert_string_equal(res.suggestion, "the safeguarding of");
	search_result_release(&res);
	sbuf_release(&out);
}

/* An index of another schema version is refused by the indexer and the searcher alike. */
static void test_query_old_schema_refused(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *w = NULL;
	struct search_engine *eng = NULL;
	struct ingest_opts io;
	struct ingest_stats st;
	char root[128];
	const char *roots[1] = { root };

	snprintf(root, sizeof root, "%s/archive", fx->dir);
	assert_int_equal(xw_db_open(fx->db, XW_OPEN_WRITE, &w, &err), CM_OK);
	assert_int_equal(xw_db_set_metadata(w, "schema", "1", 1, &err), CM_OK);
	assert_int_equal(xw_db_commit(w, &err), CM_OK);
	xw_db_free(w);
	memset(&io, 0, sizeof io);
	io.jobs = 1;
	assert_int_equal(ingest_run(fx->db, roots, 1, &io, &st, &err), CM_EDB);
	assert_non_null(strstr(err.msg, "index schema 1, this program writes 2: rebuild with --full"));
	assert_int_equal(search_engine_open(fx->db, NULL, &eng, &err), CM_EFORMAT);
	assert_null(eng);
	assert_non_null(strstr(err.msg, "index schema 1"));
	assert_non_null(strstr(err.msg, "--full"));
	/* put it back for the other tests */
	assert_int_equal(xw_db_open(fx->db, XW_OPEN_WRITE, &w, &err), CM_OK);
	assert_int_equal(xw_db_set_metadata(w, "schema", "2", 1, &err), CM_OK);
	assert_int_equal(xw_db_commit(w, &err), CM_OK);
	xw_db_free(w);
	assert_int_equal(search_engine_open(fx->db, NULL, &eng, &err), CM_OK);
	search_engine_free(eng);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_rewrite_partial_names),
		cmocka_unit_test(test_query_rewrite_ambiguous_name),
		cmocka_unit_test(test_query_rewrite_balance_checks),
		cmocka_unit_test(test_query_rewrite_synonyms_outside_quotes_only),
		cmocka_unit_test(test_query_filter_terms),
		cmocka_unit_test(test_query_search_synonyms_both_ways),
		cmocka_unit_test(test_query_search_operators),
		cmocka_unit_test(test_query_search_syntax_errors),
		cmocka_unit_test(test_query_search_suggestion_and_inexact_facets),
		cmocka_unit_test(test_query_index_holds_words_and_stem_synonyms),
		cmocka_unit_test(test_query_stopwords),
		cmocka_unit_test(test_query_glossary_phrases_become_terms),
		cmocka_unit_test(test_query_old_schema_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
