/*
 * test_xw.c - the Xapian C API against real temporary databases
 *
 * Every call of xw.h, on a database made with mkdtemp: writing and
 * replacing by unique term, deleting by term, metadata, the query parser
 * with prefixes, boolean filters and date ranges, sorting, collapsing,
 * facets (plain and multi-valued), snippets, spelling, reopen, compaction
 * and stub files of shards; every kind of read while another handle
 * commits; and the error paths: a missing database, a locked one, a
 * malformed query.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docset.h"
#include "sbuf.h"
#include "xw.h"
#include "docset_test.h"
#include "xw_test.h"

struct fixture {
	char dir[64];              /* temporary directory */
	char path[96];             /* database inside it */
	struct xw_db *db;          /* writable handle */
	struct xw_tg *tg;          /* term generator */
};

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

/* The word tables every fixture document feeds: body and title words. */
static const char *const text_prefixes[] = { "", "S" };
static const struct xw_words_opts all_words = { XW_WORDS_SPELLING | XW_WORDS_STEMS,
						text_prefixes, 2 };

/* Three meetings' worth of items: text, committee filter, date slot, facet slot. */
static void add_doc(struct fixture *fx, const char *uid, const char *text, const char *committee,
		    const char *date, const char *meeting, const char *people)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_doc *doc = xw_doc_new();
	char q[64];

	assert_non_null(doc);
	snprintf(q, sizeof q, "Q%s", uid);
	xw_doc_add_term(doc, "", q, strlen(q));
	xw_doc_add_term(doc, "XM", committee, strlen(committee));
	xw_doc_add_term(doc, "XF", meeting, strlen(meeting));
	xw_doc_index_text(fx->tg, doc, "", text, strlen(text), 1);
	xw_doc_index_text(fx->tg, doc, "S", text, 12, 1);
	xw_doc_set_value(doc, 0, date, strlen(date));
	xw_doc_set_value(doc, 2, committee, strlen(committee));
	xw_doc_set_value(doc, 4, meeting, strlen(meeting));
	xw_doc_set_value(doc, 8, people, strlen(people));
	xw_doc_set_data(doc, text, strlen(text));
	assert_int_equal(xw_db_replace(fx->db, q, doc, &err), CM_OK);
	assert_int_equal(xw_db_add_words(fx->db, doc, &all_words, &err), CM_OK);
	xw_doc_free(doc);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct cm_err err = { CM_OK, "" };
	struct xw_index_opts io = { false, NULL, 0, NULL, 0 };

	assert_non_null(fx);
	strcpy(fx->dir, "/tmp/test_xw.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/db", fx->dir);
	assert_int_equal(xw_db_open(fx->path, XW_OPEN_WRITE, &fx->db, &err), CM_OK);
	assert_int_equal(xw_tg_new(&io, &fx->tg, &err), CM_OK);
	add_doc(fx, "m1-1", "Monitoring safeguarding practice across the county", "corporate parenting",
		"20191216", "m1", "Lind\x1fHussain");
	add_doc(fx, "m1-2", "Children in care council update and safeguarding", "corporate parenting",
		"20191216", "m1", "Lind\x1fHussain");
	add_doc(fx, "m2-1", "Budget monitoring quarter two", "cabinet", "20200207", "m2",
		"Smith\x1fHussain");
	add_doc(fx, "m3-1", "Ofsted inspection of children's services: safeguarding", "cabinet",
		"20210317", "m3", "Smith");
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	xw_tg_free(fx->tg);
	xw_db_free(fx->db);
	nftw(fx->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

/* A first page of ten, no collapsing, facets counted over check matches (fast or slow). */
static void page_opts(struct xw_search_opts *so, size_t check, bool slow)
{
	memset(so, 0, sizeof *so);
	so->limit = 10;
	so->collapse_slot = -1;
	so->check_at_least = check;
	so->slow_facets = slow;
}

/* Parse q with fx's database and return the number of matches. */
static size_t count(struct fixture *fx, const char *q)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_qp *qp = NULL;
	struct xw_query *query = NULL;
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	size_t n;

	page_opts(&so, 100, false);
	assert_int_equal(xw_qp_new(fx->db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_add_prefix(qp, "title", "S", &err), CM_OK);
	assert_int_equal(xw_qp_add_boolean_prefix(qp, "committee", "XM", &err), CM_OK);
	assert_int_equal(xw_qp_add_date_range(qp, "date", 0, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, q, strlen(q), 0, &query, &err), CM_OK);
	assert_int_equal(xw_search(fx->db, query, &so, &ms, &err), CM_OK);
	n = xw_mset_estimated(ms);
	assert_true(xw_mset_is_exact(ms));
	xw_mset_free(ms);
	xw_query_free(query);
	xw_qp_free(qp);
	return n;
}

static void test_xw_query_language(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(count(fx, "safeguarding"), 3);
	assert_int_equal(count(fx, "safeguarding children"), 2);          /* default AND */
	assert_int_equal(count(fx, "safeguarding OR budget"), 4);
	assert_int_equal(count(fx, "safeguarding not ofsted"), 2);        /* any-case booleans */
	assert_int_equal(count(fx, "\"monitoring safeguarding\""), 1);    /* phrase */
	assert_int_equal(count(fx, "monitor"), 2);                         /* stemming */
	assert_int_equal(count(fx, "safe*"), 3);                           /* wildcard */
	assert_int_equal(count(fx, "title:budget"), 1);                    /* free-text prefix */
	assert_int_equal(count(fx, "committee:cabinet"), 2);               /* boolean prefix */
	assert_int_equal(count(fx, "committee:\"corporate parenting\""), 2); /* quoted value */
	assert_int_equal(count(fx, "safeguarding committee:cabinet"), 1);
	assert_int_equal(count(fx, "date:2019..2020"), 3);                 /* years */
	assert_int_equal(count(fx, "date:2020-02-07..2020-02-07"), 1);     /* one day */
	assert_int_equal(count(fx, "date:2020.."), 2);                     /* open end */
	assert_int_equal(count(fx, "date:..2019-12"), 2);                  /* month end */
	assert_int_equal(count(fx, "date:16/12/2019..16/12/2019"), 2);     /* UK form */
	assert_int_equal(count(fx, ""), 4);                                /* match all */
}

static void test_xw_malformed_query(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_qp *qp = NULL;
	struct xw_query *q = NULL;
	const char *bad = "\"children AND (";

	assert_int_equal(xw_qp_new(fx->db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_add_date_range(qp, "date", 0, &err), CM_OK);
	/* Xapian's parser recovers from unbalanced input: no crash, a query or CM_EQUERY. */
	int rc = xw_qp_parse(qp, bad, strlen(bad), 0, &q, &err);
	assert_true(rc == CM_OK || rc == CM_EQUERY);
	xw_query_free(q);
	q = NULL;
	/* A range no processor accepts is a syntax error with a message. */
	rc = xw_qp_parse(qp, "date:yesterday..tomorrow", 24, 0, &q, &err);
	assert_int_equal(rc, CM_EQUERY);
	assert_null(q);
	assert_true(strlen(err.msg) > 0);
	xw_qp_free(qp);
}

static void test_xw_replace_and_delete(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };

	assert_int_equal(xw_db_doccount(fx->db, &err), 4);
	/* Same unique term: replaced, not added. */
	add_doc(fx, "m2-1", "Budget monitoring quarter three", "cabinet", "20200207", "m2", "Smith");
	assert_int_equal(xw_db_doccount(fx->db, &err), 4);
	assert_int_equal(count(fx, "three"), 1);
	assert_int_equal(count(fx, "two"), 0);
	/* Delete every document of meeting m1 by its term. */
	assert_int_equal(xw_db_delete_term(fx->db, "XFm1", &err), CM_OK);
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(fx->db, &err), 2);
	assert_int_equal(xw_db_termfreq(fx->db, "XFm1", &err), 0);
	/* Deleting a term nobody has is fine. */
	assert_int_equal(xw_db_delete_term(fx->db, "XFnone", &err), CM_OK);
}

static void test_xw_transaction_cancel(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };

	assert_int_equal(xw_db_begin(fx->db, &err), CM_OK);
	add_doc(fx, "m9-1", "Never committed", "cabinet", "20220101", "m9", "");
	assert_int_equal(xw_db_cancel(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(fx->db, &err), 4);
	assert_int_equal(xw_db_begin(fx->db, &err), CM_OK);
	add_doc(fx, "m9-1", "Committed after all", "cabinet", "20220101", "m9", "");
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(fx->db, &err), 5);
}

static void test_xw_metadata(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf v = {0};

	assert_int_equal(xw_db_set_metadata(fx->db, "file:a", "one", 3, &err), CM_OK);
	assert_int_equal(xw_db_set_metadata(fx->db, "file:b", "two", 3, &err), CM_OK);
	assert_int_equal(xw_db_set_metadata(fx->db, "other", "x", 1, &err), CM_OK);
	assert_int_equal(xw_db_get_metadata(fx->db, "file:b", &v, &err), CM_OK);
	assert_string_equal(sbuf_str(&v), "two");
	sbuf_reset(&v);
	assert_int_equal(xw_db_get_metadata(fx->db, "missing", &v, &err), CM_OK);
	assert_int_equal(v.len, 0);
	/* Setting "" deletes the key. */
	assert_int_equal(xw_db_set_metadata(fx->db, "file:a", "", 0, &err), CM_OK);
	sbuf_release(&v);
}

static int collect(void *ctx, const char *s, size_t len, unsigned freq)
{
	struct sbuf *out = ctx;

	sbuf_add(out, s, len);
	sbuf_addf(out, "=%u;", freq);
	return 0;
}

static void test_xw_each_term_and_bounds(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0}, lo = {0}, hi = {0};

	assert_int_equal(xw_db_each_term(fx->db, "XM", collect, &out, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), "XMcabinet=2;XMcorporate parenting=2;");
	assert_int_equal(xw_db_value_bounds(fx->db, 0, &lo, &hi, &err), CM_OK);
	assert_string_equal(sbuf_str(&lo), "20191216");
	assert_string_equal(sbuf_str(&hi), "20210317");
	sbuf_release(&out);
	sbuf_release(&lo);
	sbuf_release(&hi);
}

static void test_xw_sort_collapse_facets(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_query *q = xw_query_all();
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	struct sbuf v = {0}, f = {0};

	memset(&so, 0, sizeof so);
	so.limit = 10;
	so.collapse_slot = -1;
	so.check_at_least = 100;
	so.sort = XW_SORT_VALUE_DESC;
	so.sort_slot = 0;
	so.facet_slots[0] = 2;
	so.facet_slots[1] = 8;
	so.facet_sep[1] = '\x1f';
	so.n_facets = 2;
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_size(ms), 4);
	assert_int_equal(xw_mset_value(ms, 0, 0, &v, &err), CM_OK);
	assert_string_equal(sbuf_str(&v), "20210317");          /* newest first */
	assert_true(xw_mset_facets_exact(ms));
	assert_int_equal(xw_mset_each_facet(ms, 0, collect, &f, &err), CM_OK);
	assert_string_equal(sbuf_str(&f), "cabinet=2;corporate parenting=2;");
	sbuf_reset(&f);
	/* Multi-valued slot: each person counted once per document holding them. */
	assert_int_equal(xw_mset_each_facet(ms, 1, collect, &f, &err), CM_OK);
	assert_string_equal(sbuf_str(&f), "Hussain=3;Lind=2;Smith=2;");
	assert_int_equal(xw_mset_each_facet(ms, 5, collect, &f, &err), CM_EINVAL);
	xw_mset_free(ms);

	/* Collapse on the meeting: three meetings, m1's second item folded in. */
	so.collapse_slot = 4;
	so.n_facets = 0;
	ms = NULL;
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_size(ms), 3);
	size_t folded = 0;
	for (size_t i = 0; i < 3; i++)
		folded += xw_mset_collapse_count(ms, i);
	assert_int_equal(folded, 1);
	xw_mset_free(ms);

	/* Paging. */
	so.collapse_slot = -1;
	so.offset = 3;
	ms = NULL;
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_size(ms), 1);
	xw_mset_free(ms);
	xw_query_free(q);
	sbuf_release(&v);
	sbuf_release(&f);
}

static void test_xw_hits_and_snippet(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_qp *qp = NULL;
	struct xw_query *q = NULL;
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	struct sbuf data = {0}, snip = {0}, t = {0};
	const char *text = "The Board noted the safeguarding <pressures> & demand.";

	memset(&so, 0, sizeof so);
	so.limit = 10;
	so.collapse_slot = -1;
	assert_int_equal(xw_qp_new(fx->db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, "ofsted", 6, 0, &q, &err), CM_OK);
	xw_query_terms(q, &t);
	/* the stem, and through the synonym table the word the index holds */
	assert_string_equal(sbuf_str(&t), "Zofst\nofsted\n");
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_size(ms), 1);
	assert_true(xw_mset_docid(ms, 0) > 0);
	assert_true(xw_mset_weight(ms, 0) > 0);
	assert_int_equal(xw_mset_percent(ms, 0), 100);
	assert_int_equal(xw_mset_data(ms, 0, &data, &err), CM_OK);
	assert_non_null(strstr(sbuf_str(&data), "Ofsted inspection"));
	sbuf_reset(&data);
	assert_int_equal(xw_db_doc_data(fx->db, xw_mset_docid(ms, 0), &data, &err), CM_OK);
	assert_non_null(strstr(sbuf_str(&data), "Ofsted inspection"));
	xw_mset_free(ms);
	xw_query_free(q);

	q = NULL;
	ms = NULL;
	assert_int_equal(xw_qp_parse(qp, "safeguarding", 12, 0, &q, &err), CM_OK);
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_snippet(ms, text, strlen(text), 200, "[", "]", "...", &snip, &err),
			 CM_OK);
	assert_non_null(strstr(sbuf_str(&snip), "[safeguarding]"));
	/* Snippets are HTML-escaped by Xapian. */
	assert_non_null(strstr(sbuf_str(&snip), "&lt;pressures&gt;"));
	xw_mset_free(ms);
	xw_query_free(q);
	xw_qp_free(qp);
	assert_int_equal(xw_db_doc_data(fx->db, 9999, &data, &err), CM_ENOTFOUND);
	sbuf_release(&data);
	sbuf_release(&snip);
	sbuf_release(&t);
}

static void test_xw_spelling(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf s = {0};
	struct xw_qp *qp = NULL;
	struct xw_query *q = NULL;

	assert_int_equal(xw_db_spelling(fx->db, "safegaurding", &s, &err), CM_OK);
	assert_string_equal(sbuf_str(&s), "safeguarding");
	assert_int_equal(xw_qp_new(fx->db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, "budjet", 6, XW_QP_SPELLING, &q, &err), CM_OK);
	sbuf_reset(&s);
	xw_qp_corrected(qp, &s);
	assert_string_equal(sbuf_str(&s), "budget");
	xw_query_free(q);
	xw_qp_free(qp);
	sbuf_release(&s);
}

static int collect_term(void *ctx, const char *s, size_t len, unsigned freq)
{
	(void)freq;
	sbuf_add(ctx, s, len);
	sbuf_addch(ctx, ' ');
	return 0;
}

/* Words are indexed as written; their stems live in the synonym table. */
static void test_xw_stem_synonyms(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf s = {0}, t = {0};
	struct xw_db *vocab = NULL, *empty = NULL;
	struct xw_qp *qp = NULL;
	struct xw_query *q = NULL;
	char path[128];

	/* no stem terms in the index, a synonym per stem and prefix instead */
	assert_int_equal(xw_db_termfreq(fx->db, "Zmonitor", &err), 0);
	assert_int_equal(xw_db_termfreq(fx->db, "monitoring", &err), 2);
	assert_int_equal(xw_db_each_synonym(fx->db, "Zmonitor", collect_term, &s, &err), CM_OK);
	assert_string_equal(sbuf_str(&s), "monitoring ");
	sbuf_reset(&s);
	assert_int_equal(xw_db_each_synonym(fx->db, "ZSmonitor", collect_term, &s, &err), CM_OK);
	assert_string_equal(sbuf_str(&s), "Smonitoring ");
	sbuf_reset(&s);
	assert_int_equal(xw_db_each_synonym(fx->db, "Zsafeguard", collect_term, &s, &err), CM_OK);
	assert_string_equal(sbuf_str(&s), "safeguarding ");
	/* stemmed words find the other forms; quoted words stay exact */
	assert_int_equal(count(fx, "monitor"), 2);
	assert_int_equal(count(fx, "monitored"), 2);
	assert_int_equal(count(fx, "\"monitoring\""), 2);
	assert_int_equal(count(fx, "\"monitor\""), 0);
	assert_int_equal(count(fx, "title:monitor"), 1);
	assert_int_equal(count(fx, "Monitor"), 0);              /* capitalised: as written */

	/* the tables from a database's vocabulary equal those built per document */
	snprintf(path, sizeof path, "%s/vocab", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &vocab, &err), CM_OK);
	assert_int_equal(xw_db_add_vocabulary(vocab, fx->db, &all_words, &err), CM_OK);
	assert_int_equal(xw_db_commit(vocab, &err), CM_OK);
	sbuf_reset(&s);
	assert_int_equal(xw_db_each_synonym(vocab, "Zmonitor", collect_term, &s, &err), CM_OK);
	assert_string_equal(sbuf_str(&s), "monitoring ");
	assert_int_equal(xw_db_spelling_freq(vocab, "safeguarding", &err), 3);
	assert_int_equal(xw_db_spelling_freq(fx->db, "safeguarding", &err), 3);
	assert_int_equal(xw_db_spelling_freq(vocab, "Zmonitor", &err), 0);

	/* a parser can take its words from a database it does not search */
	snprintf(path, sizeof path, "%s/empty", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &empty, &err), CM_OK);
	assert_int_equal(xw_qp_new(empty, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_add_database(qp, vocab, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, "monitored", 9, 0, &q, &err), CM_OK);
	xw_query_terms(q, &t);
	assert_string_equal(sbuf_str(&t), "Zmonitor\nmonitoring\n");
	xw_query_free(q);
	xw_qp_free(qp);
	xw_db_free(empty);
	xw_db_free(vocab);
	sbuf_release(&s);
	sbuf_release(&t);
}

/* Stopwords: never indexed, positions do not advance over them, the parser refuses them alone. */
static void test_xw_stopwords(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	static const char *const stop[] = { "of", "the", "wombat" };
	struct xw_index_opts io = { false, stop, 3, NULL, 0 };
	struct xw_tg *tg = NULL;
	struct xw_doc *doc = xw_doc_new();
	struct xw_qp *qp = NULL;
	struct xw_query *q = NULL;
	const char *const ph[2] = { "cost", "living" };
	const char *text = "The wombat cost of living";
	size_t n = 0;

	assert_non_null(doc);
	assert_int_equal(xw_tg_new(&io, &tg, &err), CM_OK);
	xw_doc_add_term(doc, "", "Qstop-1", 7);
	xw_doc_index_text(tg, doc, "", text, strlen(text), 1);
	assert_int_equal(xw_db_replace(fx->db, "Qstop-1", doc, &err), CM_OK);
	assert_int_equal(xw_db_add_words(fx->db, doc, &all_words, &err), CM_OK);
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_termfreq(fx->db, "wombat", &err), 0);   /* the fixture's "of" is not ours */
	assert_int_equal(xw_db_termfreq(fx->db, "living", &err), 1);
	q = xw_query_phrase(ph, 2);
	assert_int_equal(xw_count(fx->db, q, &n, &err), CM_OK);
	assert_int_equal(n, 1);
	xw_query_free(q);

	assert_int_equal(xw_qp_new(fx->db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_set_stopwords(qp, stop, 3, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, "the cost", 8, 0, &q, &err), CM_OK);   /* dropped */
	xw_query_free(q);
	q = NULL;
	assert_int_equal(xw_qp_parse(qp, "The", 3, 0, &q, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "\"the\""));
	assert_int_equal(xw_qp_parse(qp, "cost NEAR of", 12, 0, &q, &err), CM_EQUERY);
	assert_non_null(strstr(err.msg, "leave out \"of\""));
	assert_int_equal(xw_qp_parse(qp, "the*", 4, 0, &q, &err), CM_OK);       /* a wildcard */
	xw_query_free(q);
	xw_qp_free(qp);
	xw_doc_free(doc);
	xw_tg_free(tg);
}

static void test_xw_missing_and_locked(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	char path[128];

	snprintf(path, sizeof path, "%s/nowhere", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_READ, &db, &err), CM_ENOTFOUND);
	assert_null(db);
	assert_non_null(strstr(err.msg, "nowhere"));
	/* fx->db holds the write lock. */
	assert_int_equal(xw_db_open(fx->path, XW_OPEN_WRITE, &db, &err), CM_ELOCKED);
	assert_null(db);
	/* Readers are never blocked by the writer. */
	assert_int_equal(xw_db_open(fx->path, XW_OPEN_READ, &db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(db, &err), 4);
	/* Read-only handles refuse writes with a message, no exception. */
	assert_int_equal(xw_db_set_metadata(db, "k", "v", 1, &err), CM_EINVAL);
	assert_int_equal(xw_db_delete_term(db, "XFm1", &err), CM_EINVAL);
	assert_int_equal(xw_db_commit(db, &err), CM_EINVAL);
	xw_db_free(db);
}

static void test_xw_reopen_sees_commit(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *rd = NULL;
	struct sbuf r1 = {0}, r2 = {0};

	assert_int_equal(xw_db_open(fx->path, XW_OPEN_READ, &rd, &err), CM_OK);
	assert_int_equal(xw_db_revision(rd, &r1, &err), CM_OK);
	add_doc(fx, "m4-1", "Highways and climate emergency", "cabinet", "20220101", "m4", "");
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 4);
	assert_int_equal(xw_db_reopen(rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 5);
	assert_int_equal(xw_db_revision(rd, &r2, &err), CM_OK);
	assert_string_not_equal(sbuf_str(&r1), sbuf_str(&r2));
	xw_db_free(rd);
	sbuf_release(&r1);
	sbuf_release(&r2);
}

/* Facets of db for query string q (NULL = everything), fast or slow, as "v=n;" per slot. */
static bool facets_of(struct xw_db *db, const char *q, bool slow, struct sbuf *out)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_qp *qp = NULL;
	struct xw_query *query = NULL;
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	bool fast;

	page_opts(&so, 1000, slow);
	so.facet_slots[0] = 2;
	so.facet_slots[1] = 8;
	so.facet_sep[1] = '\x1f';
	so.facet_slots[2] = 0;
	so.n_facets = 3;
	assert_int_equal(xw_qp_new(db, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_parse(qp, q ? q : "", q ? strlen(q) : 0, 0, &query, &err), CM_OK);
	assert_int_equal(xw_search(db, query, &so, &ms, &err), CM_OK);
	assert_true(xw_mset_facets_exact(ms));
	for (size_t f = 0; f < 3; f++) {
		assert_int_equal(xw_mset_each_facet(ms, f, collect, out, &err), CM_OK);
		sbuf_addch(out, '|');
	}
	fast = xw_mset_facets_fast(ms);
	xw_mset_free(ms);
	xw_query_free(query);
	xw_qp_free(qp);
	return fast;
}

/*
 * The in-memory facet arrays give exactly Xapian's ValueCountMatchSpy
 * counts, are used only on a read handle of one local database, and are
 * rebuilt when a commit changes the database.
 */
static void test_xw_fast_facets_match_spy(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *rd = NULL, *stub = NULL;
	struct sbuf fast = {0}, slow = {0};
	const char *queries[] = { NULL, "safeguarding", "monitoring", "nomatchatall" };
	char stubpath[128];
	FILE *f;

	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	/* Writable handles count with Xapian's spy. */
	assert_false(facets_of(fx->db, NULL, false, &slow));
	sbuf_reset(&slow);
	assert_int_equal(xw_db_open(fx->path, XW_OPEN_READ, &rd, &err), CM_OK);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		sbuf_reset(&fast);
		sbuf_reset(&slow);
		assert_true(facets_of(rd, queries[i], false, &fast));
		assert_false(facets_of(rd, queries[i], true, &slow));
		assert_string_equal(sbuf_str(&fast), sbuf_str(&slow));
	}
	sbuf_reset(&fast);
	facets_of(rd, NULL, false, &fast);
	assert_string_equal(sbuf_str(&fast), "cabinet=2;corporate parenting=2;|Hussain=3;Lind=2;Smith=2;|"
			    "20191216=2;20200207=1;20210317=1;|");

	/* A commit (a new doc, a changed one) is seen after reopen, not before. */
	add_doc(fx, "m4-1", "Highways and climate emergency", "cabinet", "20220101", "m4", "Lind");
	add_doc(fx, "m1-2", "Children in care council update", "cabinet", "20191216", "m1", "Lind");
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	sbuf_reset(&fast);
	facets_of(rd, NULL, false, &fast);
	assert_string_equal(sbuf_str(&fast), "cabinet=2;corporate parenting=2;|Hussain=3;Lind=2;Smith=2;|"
			    "20191216=2;20200207=1;20210317=1;|");
	assert_int_equal(xw_db_reopen(rd, &err), CM_OK);
	sbuf_reset(&fast);
	sbuf_reset(&slow);
	assert_true(facets_of(rd, NULL, false, &fast));
	facets_of(rd, NULL, true, &slow);
	assert_string_equal(sbuf_str(&fast), sbuf_str(&slow));
	assert_string_equal(sbuf_str(&fast), "cabinet=4;corporate parenting=1;|Lind=3;Hussain=2;Smith=2;|"
			    "20191216=2;20200207=1;20210317=1;20220101=1;|");

	/* A stub of shards: docids interleave, so Xapian's spy counts. */
	snprintf(stubpath, sizeof stubpath, "%s/two.stub", fx->dir);
	f = fopen(stubpath, "w");
	assert_non_null(f);
	fprintf(f, "auto %s\nauto %s\n", fx->path, fx->path);
	fclose(f);
	assert_int_equal(xw_db_open(stubpath, XW_OPEN_READ, &stub, &err), CM_OK);
	sbuf_reset(&slow);
	assert_false(facets_of(stub, NULL, false, &slow));
	assert_string_equal(sbuf_str(&slow), "cabinet=8;corporate parenting=2;|Lind=6;Hussain=4;Smith=4;|"
			    "20191216=4;20200207=2;20210317=2;20220101=2;|");
	xw_db_free(stub);
	xw_db_free(rd);
	sbuf_release(&fast);
	sbuf_release(&slow);
}

static void test_xw_compact_and_stub(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *rd = NULL;
	char out[128], stub[128], bad[128];
	const char *srcs[1] = { fx->path };
	FILE *f;

	snprintf(out, sizeof out, "%s/compact", fx->dir);
	assert_int_equal(xw_compact(srcs, 1, out, &err), CM_OK);
	assert_int_equal(xw_db_open(out, XW_OPEN_READ, &rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 4);
	xw_db_free(rd);

	/* A stub listing two shards searches both as one. */
	snprintf(stub, sizeof stub, "%s/all.stub", fx->dir);
	f = fopen(stub, "w");
	assert_non_null(f);
	fprintf(f, "auto %s\nauto %s\n", fx->path, out);
	fclose(f);
	rd = NULL;
	assert_int_equal(xw_db_open(stub, XW_OPEN_READ, &rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 8);
	xw_db_free(rd);

	snprintf(bad, sizeof bad, "%s/missing-src", fx->dir);
	srcs[0] = bad;
	assert_int_not_equal(xw_compact(srcs, 1, out, &err), CM_OK);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Stubs parsed by xw: relative paths, comments, shards missing, bad lines, remotes refused. */
static void test_xw_open_read_shards(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_open_opts partial = { 300, 300, true };
	struct xw_db *rd = NULL;
	char out[128], dir[128], stub[160];
	const char *srcs[1] = { fx->path };

	snprintf(out, sizeof out, "%s/compact", fx->dir);
	assert_int_equal(xw_compact(srcs, 1, out, &err), CM_OK);
	snprintf(dir, sizeof dir, "%s/index", fx->dir);
	assert_int_equal(mkdir(dir, 0777), 0);
	snprintf(stub, sizeof stub, "%s/XAPIANDB", dir);

	/* A directory holding a stub: paths relative to the stub, comments skipped. */
	write_file(stub, "# two shards\nauto ../db\n\nglass ../compact\n");
	assert_int_equal(xw_db_open_read(dir, NULL, &rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 8);
	assert_int_equal(xw_db_shard_count(rd), 2);
	assert_null(xw_db_missing(rd, 0));
	assert_false(xw_db_has_remote(rd));
	xw_db_free(rd);
	rd = NULL;

	/* A plain database is one shard. */
	assert_int_equal(xw_db_open_read(out, NULL, &rd, &err), CM_OK);
	assert_int_equal(xw_db_shard_count(rd), 1);
	xw_db_free(rd);
	rd = NULL;

	/* A shard that is not there: an error naming it, or left out when partial. */
	write_file(stub, "auto ../db\nauto ../nowhere\n");
	assert_int_equal(xw_db_open_read(dir, NULL, &rd, &err), CM_ENOTFOUND);
	assert_null(rd);
	assert_non_null(strstr(err.msg, "shard"));
	assert_non_null(strstr(err.msg, "nowhere"));
	assert_int_equal(xw_db_open_read(dir, &partial, &rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 4);
	assert_int_equal(xw_db_shard_count(rd), 2);
	assert_non_null(xw_db_missing(rd, 0));
	assert_non_null(strstr(xw_db_missing(rd, 0), "nowhere"));
	assert_null(xw_db_missing(rd, 1));
	xw_db_free(rd);
	rd = NULL;

	/* A remote shard nobody serves (port 1 refuses at once). */
	write_file(stub, "remote 127.0.0.1:1\nauto ../compact\n");
	assert_int_equal(xw_db_open_read(dir, NULL, &rd, &err), CM_EIO);
	assert_non_null(strstr(err.msg, "remote 127.0.0.1:1"));
	assert_int_equal(xw_db_open_read(dir, &partial, &rd, &err), CM_OK);
	assert_true(xw_db_has_remote(rd));
	assert_string_equal(xw_db_missing(rd, 0), "remote 127.0.0.1:1");
	assert_int_equal(xw_db_doccount(rd, &err), 4);
	xw_db_free(rd);
	rd = NULL;

	/* Nothing at all answers: an error even when partial. */
	write_file(stub, "remote 127.0.0.1:1\n");
	assert_int_equal(xw_db_open_read(dir, &partial, &rd, &err), CM_EIO);
	assert_null(rd);

	/* A stub naming no shard yet is an empty index that answers searches. */
	write_file(stub, "# the first run has only just begun\n");
	assert_int_equal(xw_db_open_read(dir, NULL, &rd, &err), CM_OK);
	assert_int_equal(xw_db_doccount(rd, &err), 0);
	{
		struct xw_query *all = xw_query_all();
		struct xw_mset *ms = NULL;
		struct xw_search_opts so;

		memset(&so, 0, sizeof so);
		so.limit = 10;
		so.collapse_slot = -1;
		so.n_facets = 1;
		so.facet_slots[0] = 2;
		assert_int_equal(xw_search(rd, all, &so, &ms, &err), CM_OK);
		assert_int_equal(xw_mset_size(ms), 0);
		xw_mset_free(ms);
		xw_query_free(all);
	}
	xw_db_free(rd);
	rd = NULL;

	/* A line Xapian would not accept either. */
	write_file(stub, "auto ../db\nflint ../compact\n");
	assert_int_not_equal(xw_db_open_read(dir, &partial, &rd, &err), CM_OK);
	assert_non_null(strstr(err.msg, "XAPIANDB:2"));
}

/* Equal weights come out in the order of a unique slot, not of docids. */
static void test_xw_tie_break(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct xw_query *all = xw_query_all();
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	char path[128];
	const char *keys[3] = { "b", "c", "a" };
	const unsigned want[3] = { 2, 1, 3 };

	snprintf(path, sizeof path, "%s/ties", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_WRITE, &db, &err), CM_OK);
	for (size_t i = 0; i < 3; i++) {
		struct xw_doc *doc = xw_doc_new();
		char uid[8];

		snprintf(uid, sizeof uid, "Qt%zu", i);
		xw_doc_add_term(doc, "", uid, strlen(uid));
		xw_doc_set_value(doc, 11, keys[i], 1);
		assert_int_equal(xw_db_replace(db, uid, doc, &err), CM_OK);
		xw_doc_free(doc);
	}
	assert_int_equal(xw_db_commit(db, &err), CM_OK);
	memset(&so, 0, sizeof so);
	so.limit = 3;
	so.collapse_slot = -1;
	assert_int_equal(xw_search(db, all, &so, &ms, &err), CM_OK);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(xw_mset_docid(ms, i), i + 1);
	xw_mset_free(ms);
	so.tie_break = true;
	so.tie_slot = 11;
	assert_int_equal(xw_search(db, all, &so, &ms, &err), CM_OK);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(xw_mset_docid(ms, i), want[i]);
	xw_mset_free(ms);
	xw_query_free(all);
	xw_db_free(db);
}

static void test_xw_long_terms_hashed(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct sbuf a = {0}, b = {0};
	char longv[600];
	struct xw_doc *doc = xw_doc_new();

	memset(longv, 'x', sizeof longv);
	xw_term_make(&a, "XF", longv, sizeof longv);
	longv[599] = 'y';
	xw_term_make(&b, "XF", longv, sizeof longv);
	assert_true(a.len <= 240);
	assert_string_not_equal(a.buf, b.buf);   /* the hash tells them apart */
	xw_doc_add_term(doc, "Q", longv, sizeof longv);
	xw_doc_add_term(doc, "XF", longv, sizeof longv);
	sbuf_reset(&a);
	xw_term_make(&a, "Q", longv, sizeof longv);
	assert_int_equal(xw_db_replace(fx->db, a.buf, doc, &err), CM_OK);
	xw_doc_free(doc);
	sbuf_release(&a);
	sbuf_release(&b);
	assert_non_null(xw_version());
}

/*
 * A time limit bounds counting past the page (Xapian turns check_at_least
 * off when it expires; whether the match then stops early depends on the
 * weights, so the counts are not asserted), never the page itself.
 */
static void test_xw_time_limit(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_query *q, *a, *b;
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	char uid[32], text[256];
	unsigned top;

	/* Varied lengths give varied weights, so the matcher cannot stop early by itself. */
	for (int i = 0; i < 3000; i++) {
		snprintf(uid, sizeof uid, "bulk-%d", i);
		snprintf(text, sizeof text, "Routine budget %.*s monitoring report", (i * 7) % 120,
			 "padding words to vary the length of each document so that weights differ "
			 "from one document to the next, many many words");
		add_doc(fx, uid, text, "cabinet", "20220101", uid, "Smith");
	}
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	a = xw_query_term("budget", 6);
	b = xw_query_term("monitoring", 10);
	q = xw_query_combine(XW_OP_OR, a, b);
	assert_non_null(q);
	xw_query_free(a);
	xw_query_free(b);
	memset(&so, 0, sizeof so);
	so.limit = 1;
	so.collapse_slot = -1;
	so.check_at_least = 100000;
	so.facet_slots[0] = 2;
	so.n_facets = 1;
	so.time_limit = 30;                /* generous: everything is counted */
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_true(xw_mset_is_exact(ms));
	assert_true(xw_mset_facets_exact(ms));
	assert_int_equal(xw_mset_estimated(ms), 3002);
	top = xw_mset_docid(ms, 0);
	xw_mset_free(ms);
	ms = NULL;
	so.time_limit = 1e-9;              /* expires at once */
	assert_int_equal(xw_search(fx->db, q, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_size(ms), 1);
	assert_int_equal(xw_mset_docid(ms, 0), top);
	assert_true(xw_mset_lower_bound(ms) >= 1 && xw_mset_upper_bound(ms) <= 3004);
	xw_mset_free(ms);
	xw_query_free(q);
}

/* ---- the bitmap path against Xapian's own matcher ------------------------ */

/* Page, weights, totals, facets and collapse counts of one search, as text. */
static void search_print_query(struct xw_db *db, const struct xw_query *query,
			       const struct xw_search_opts *base, bool slow,
			       struct docset_cache *cache, struct sbuf *out)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_mset *ms = NULL;
	struct xw_search_opts so = *base;

	so.slow_facets = slow;
	so.cache = cache;
	assert_int_equal(xw_search(db, query, &so, &ms, &err), CM_OK);
	assert_int_equal(xw_mset_facets_fast(ms), !slow);
	assert_true(xw_mset_facets_exact(ms) || (slow && so.collapse_slot >= 0));
	/*
	 * Collapsing, Xapian's counts are bounds even after every match was
	 * seen (documents above, distinct keys below); the bitmaps count the
	 * keys exactly, which is Xapian's lower bound.
	 */
	if (slow && so.collapse_slot >= 0) {
		sbuf_addf(out, "total %zu:", xw_mset_lower_bound(ms));
	} else {
		assert_true(xw_mset_is_exact(ms));
		sbuf_addf(out, "total %zu:", xw_mset_estimated(ms));
	}
	for (size_t i = 0; i < xw_mset_size(ms); i++)
		sbuf_addf(out, " %u/%.9g/%zu", xw_mset_docid(ms, i), xw_mset_weight(ms, i),
			  xw_mset_collapse_count(ms, i));
	for (size_t f = 0; f < so.n_facets; f++) {
		sbuf_addch(out, '|');
		assert_int_equal(xw_mset_each_facet(ms, f, collect, out, &err), CM_OK);
	}
	xw_mset_free(ms);
}

/* search_print_query() of query string q, parsed by qp. */
static void search_print(struct xw_db *db, struct xw_qp *qp, const char *q,
			 const struct xw_search_opts *base, bool slow, struct docset_cache *cache,
			 struct sbuf *out)
{
	struct cm_err err = { CM_OK, "" };
	struct xw_query *query = NULL;

	assert_int_equal(xw_qp_parse(qp, q, strlen(q), 0, &query, &err), CM_OK);
	search_print_query(db, query, base, slow, cache, out);
	xw_query_free(query);
}

/*
 * A read handle of one database counts with bitmaps and ranks with the
 * tie slot from memory; every answer must be the one Xapian's own matcher
 * gives (the slow path): the same page in the same order, weights, totals,
 * facets and collapse counts, for every kind of query node (terms, AND,
 * OR, NOT, XOR, phrases, NEAR, wildcards, date ranges, boolean filters,
 * everything) and every order, with and without the bitmap cache.
 */
static void test_xw_counted_matches_matcher(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *rd = NULL;
	struct xw_qp *qp = NULL;
	struct docset_cache *cache = docset_cache_new(1 << 20);
	struct sbuf fast = {0}, slow = {0};
	static const char *words[] = { "budget", "monitoring", "safeguarding", "quarter", "report",
				       "ofsted", "housing", "children" };
	static const char *queries[] = {
		"", "budget", "budget monitoring", "\"budget monitoring\"", "budget OR ofsted",
		"budget NOT quarter", "budget XOR housing", "safeguard*", "budget NEAR/3 report",
		"date:2019..2020 budget", "date:2021.. housing", "date:..2019-06-30 children",
		"committee:cabinet", "committee:cabinet budget", "(housing OR children) AND report",
		"apologies", "nosuchwordatall", "title:budget", "budget -committee:cabinet",
	};
	struct xw_search_opts so;
	struct docset_cache_stats st;

	/* 400 items: templated ones repeat exactly (equal weights), dates and meetings vary. */
	for (int i = 0; i < 400; i++) {
		struct xw_doc *doc = xw_doc_new();
		char uid[32], text[256], date[16], meeting[16], order[48];
		const char *committee = i % 3 ? "cabinet" : "scrutiny";
		size_t n = 0;

		snprintf(uid, sizeof uid, "Qbulk-%d", i);
		snprintf(date, sizeof date, "20%02d%02d15", 18 + i % 5, 1 + i % 12);
		snprintf(meeting, sizeof meeting, "m%d", i / 4);
		snprintf(order, sizeof order, "%s%06d%s", date, i % 4, meeting);
		if (i % 5 == 0) {
			n = (size_t)snprintf(text, sizeof text, "Apologies for absence budget report");
		} else {
			for (int w = 0; w < 3 + i % 7; w++)
				n += (size_t)snprintf(text + n, sizeof text - n, "%s ",
						      words[(i * 7 + w * (i % 3 + 1)) % 8]);
		}
		xw_doc_add_term(doc, "", uid, strlen(uid));
		xw_doc_add_term(doc, "XM", committee, strlen(committee));
		xw_doc_index_text(fx->tg, doc, "S", text, n > 14 ? 14 : n, 1);
		xw_doc_index_text(fx->tg, doc, "", text, n, 1);
		xw_doc_set_value(doc, 0, date, strlen(date));
		xw_doc_set_value(doc, 2, committee, strlen(committee));
		xw_doc_set_value(doc, 4, meeting, strlen(meeting));
		xw_doc_set_value(doc, 8, i % 2 ? "A Lind\x1fHussain" : "lind\x1fSmith", i % 2 ? 15 : 10);
		xw_doc_set_value(doc, 11, order, strlen(order));
		assert_int_equal(xw_db_replace(fx->db, uid, doc, &err), CM_OK);
		xw_doc_free(doc);
	}
	/* A hole in the docids: the bitmaps must not count deleted documents. */
	assert_int_equal(xw_db_delete_term(fx->db, "Qbulk-7", &err), CM_OK);
	assert_int_equal(xw_db_commit(fx->db, &err), CM_OK);
	assert_int_equal(xw_db_open(fx->path, XW_OPEN_READ, &rd, &err), CM_OK);
	assert_int_equal(xw_qp_new(rd, &qp, &err), CM_OK);
	assert_int_equal(xw_qp_add_prefix(qp, "title", "S", &err), CM_OK);
	assert_int_equal(xw_qp_add_boolean_prefix(qp, "committee", "XM", &err), CM_OK);
	assert_int_equal(xw_qp_add_date_range(qp, "date", 0, &err), CM_OK);

	for (int variant = 0; variant < 6; variant++) {
		memset(&so, 0, sizeof so);
		so.limit = 10;
		so.collapse_slot = -1;
		so.check_at_least = 1000000;
		so.facet_slots[0] = 2;
		so.facet_slots[1] = 8;
		so.facet_sep[1] = '\x1f';
		so.facet_last_word[1] = true;
		so.facet_slots[2] = 0;
		so.n_facets = 3;
		so.tie_break = true;
		so.tie_slot = 11;
		switch (variant) {
		case 1: so.sort = XW_SORT_VALUE_DESC; so.sort_slot = 11; break;
		case 2: so.sort = XW_SORT_VALUE_ASC; so.sort_slot = 11; so.offset = 7; break;
		case 3: so.sort = XW_SORT_VALUE_ASC; so.sort_slot = 0; break;  /* not unique */
		case 4: so.collapse_slot = 4; so.collapse_max = 1; break;
		case 5: so.offset = 13; so.limit = 4; break;
		default: break;
		}
		for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
			for (int cached = 0; cached < 2; cached++) {
				sbuf_reset(&fast);
				sbuf_reset(&slow);
				search_print(rd, qp, queries[i], &so, false, cached ? cache : NULL, &fast);
				search_print(rd, qp, queries[i], &so, true, NULL, &slow);
				if (strcmp(sbuf_str(&fast), sbuf_str(&slow)) != 0)
					fail_msg("variant %d, query '%s'%s:\n fast %s\n slow %s", variant,
						 queries[i], cached ? " (cached)" : "", sbuf_str(&fast),
						 sbuf_str(&slow));
			}
		}
	}
	/*
	 * Ranges built rather than parsed, through combinations and copies,
	 * one bound with a space in it and one empty range: the bitmaps
	 * read their slot and bounds from where they were built.
	 */
	{
		struct xw_query *t = xw_query_term("budget", 6);
		struct xw_query *r[4] = {
			xw_query_range(0, "2019 06", NULL), xw_query_range(0, NULL, "20200615"),
			xw_query_range(0, "20210101", "20191231"), xw_query_range(0, "20190101", "20201231"),
		};
		struct xw_query *not_r3 = xw_query_combine(XW_OP_AND_NOT, t, r[3]);
		struct xw_query *built[5] = {
			xw_query_combine(XW_OP_AND, t, r[0]), xw_query_combine(XW_OP_FILTER, t, r[1]),
			xw_query_combine(XW_OP_OR, r[2], t), xw_query_clone(not_r3),
			xw_query_combine(XW_OP_AND, r[3], NULL),
		};

		page_opts(&so, 1000000, false);
		so.facet_slots[0] = 2;
		so.facet_slots[1] = 0;
		so.n_facets = 2;
		for (size_t i = 0; i < 5; i++) {
			assert_non_null(built[i]);
			sbuf_reset(&fast);
			sbuf_reset(&slow);
			search_print_query(rd, built[i], &so, false, cache, &fast);
			search_print_query(rd, built[i], &so, true, NULL, &slow);
			if (strcmp(sbuf_str(&fast), sbuf_str(&slow)) != 0)
				fail_msg("built range %zu:\n fast %s\n slow %s", i, sbuf_str(&fast),
					 sbuf_str(&slow));
			xw_query_free(built[i]);
		}
		for (size_t i = 0; i < 4; i++)
			xw_query_free(r[i]);
		xw_query_free(not_r3);
		xw_query_free(t);
	}
	/* Something was cached and found again (the same terms serve every variant). */
	docset_cache_get_stats(cache, &st);
	assert_true(st.entries > 0);
	assert_true(st.hits > 0);
	/* And the deleted document is counted by neither. */
	sbuf_reset(&fast);
	memset(&so, 0, sizeof so);
	so.collapse_slot = -1;
	so.facet_slots[0] = 2;
	so.n_facets = 1;
	search_print(rd, qp, "", &so, false, cache, &fast);
	assert_string_equal(sbuf_str(&fast), "total 403:|cabinet=267;scrutiny=134;corporate parenting=2;");
	xw_qp_free(qp);
	xw_db_free(rd);
	docset_cache_free(cache);
	sbuf_release(&fast);
	sbuf_release(&slow);
}

/* ---- whole-set passes --------------------------------------------------- */

struct each_seen {
	size_t n;                  /* documents seen */
	char dates[8][16];         /* their slot-0 values */
	char committees[8][32];    /* their slot-2 values */
	size_t data_bytes;         /* document data seen */
};

static int on_each(void *ctx, const struct xw_match_doc *d)
{
	struct each_seen *s = ctx;

	if (s->n < 8) {
		snprintf(s->dates[s->n], sizeof s->dates[0], "%.*s", (int)d->lens[0], d->vals[0]);
		snprintf(s->committees[s->n], sizeof s->committees[0], "%.*s", (int)d->lens[1],
			 d->vals[1]);
	}
	s->data_bytes += d->data_len;
	s->n++;
	return 0;
}

static int on_doc_term(void *ctx, const char *t, size_t len, unsigned wdf)
{
	size_t *n = ctx;

	(void)wdf;
	assert_true(len > 0 && t[0] == 'S');
	(*n)++;
	return 0;
}

struct eset_seen { size_t n; bool has_children; bool has_query_word; };

static bool keep_lower(void *ctx, const char *t, size_t len)
{
	(void)ctx;
	return len && t[0] >= 'a' && t[0] <= 'z';
}

static int on_eset(void *ctx, const char *t, size_t len, double w)
{
	struct eset_seen *s = ctx;

	assert_true(w > 0);
	assert_true(t[0] >= 'a' && t[0] <= 'z');
	s->has_children |= len == 8 && memcmp(t, "children", 8) == 0;
	s->has_query_word |= len == 12 && memcmp(t, "safeguarding", 12) == 0;
	s->n++;
	return 0;
}

static void test_xw_whole_set_passes(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_each_opts eo = { { 0, 2 }, 2, true };
	struct each_seen seen;
	struct xw_query *q = xw_query_term("safeguarding", 12), *ph;
	const char *words[2] = { "children", "in" }, *rev[2] = { "in", "children" };
	struct eset_seen es = { 0, false, false };
	size_t n = 0, terms = 0;

	memset(&seen, 0, sizeof seen);
	assert_non_null(q);
	/* every match, in docid order, with the slots asked for and the data */
	assert_int_equal(xw_each_match(fx->db, q, &eo, on_each, &seen, &n, &err), CM_OK);
	assert_int_equal(n, 3);
	assert_int_equal(seen.n, 3);
	assert_string_equal(seen.dates[0], "20191216");
	assert_string_equal(seen.committees[0], "corporate parenting");
	assert_string_equal(seen.dates[2], "20210317");
	assert_string_equal(seen.committees[2], "cabinet");
	assert_true(seen.data_bytes > 50);
	assert_int_equal(xw_count(fx->db, q, &n, &err), CM_OK);
	assert_int_equal(n, 3);
	/* phrases: word order matters */
	ph = xw_query_phrase(words, 2);
	assert_int_equal(xw_count(fx->db, ph, &n, &err), CM_OK);
	assert_int_equal(n, 1);
	xw_query_free(ph);
	ph = xw_query_phrase(rev, 2);
	assert_int_equal(xw_count(fx->db, ph, &n, &err), CM_OK);
	assert_int_equal(n, 0);
	xw_query_free(ph);
	/* a document's terms under one prefix: the words of the title's first 12 bytes */
	assert_int_equal(xw_db_doc_terms(fx->db, 1, "S", on_doc_term, &terms, &err), CM_OK);
	assert_true(terms >= 2);
	assert_int_equal(xw_db_doc_terms(fx->db, 999, "", on_doc_term, &terms, &err),
			 CM_ENOTFOUND);
	/* expansion: terms of the matching documents, not the query's own words */
	assert_int_equal(xw_eset(fx->db, q, 10, 20, keep_lower, on_eset, &es, &err), CM_OK);
	assert_true(es.n > 0);
	assert_true(es.has_children);
	assert_false(es.has_query_word);
	xw_query_free(q);
}

/* One thread of test_xw_empty_query_threads: its own handle and parser. */
struct parse_race {
	const char *path;
	pthread_barrier_t start;   /* the threads parse at the same time */
};

static void *parse_empty_many(void *arg)
{
	struct parse_race *race = arg;
	const char *path = race->path;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *db = NULL;
	struct xw_qp *qp = NULL;
	intptr_t failures = 0;

	if (xw_db_open_read(path, NULL, &db, &err) != CM_OK || xw_qp_new(db, &qp, &err) != CM_OK)
		failures++;
	pthread_barrier_wait(&race->start);
	for (int i = 0; i < 200000 && !failures; i++) {
		struct xw_query *q = NULL;

		if (xw_qp_parse(qp, "", 0, 0, &q, &err) != CM_OK)
			failures++;
		xw_query_free(q);
	}
	xw_qp_free(qp);
	xw_db_free(db);
	return (void *)failures;
}

/*
 * The empty query (browse with filters only) from threads at once, as the
 * server's do: it must not share a query object between them (Xapian's
 * reference counts are not atomic: the server crashed under load when
 * every empty query was a copy of Xapian::Query::MatchAll).  A race: that
 * code failed here in about one run in four, as "double free".
 */
static void test_xw_empty_query_threads(void **state)
{
	struct fixture *fx = *state;
	struct parse_race race;
	pthread_t t[4];

	race.path = fx->path;
	assert_int_equal(pthread_barrier_init(&race.start, NULL, 4), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, parse_empty_many, &race), 0);
	for (int i = 0; i < 4; i++) {
		void *failures = NULL;

		assert_int_equal(pthread_join(t[i], &failures), 0);
		assert_null(failures);
	}
	pthread_barrier_destroy(&race.start);
}

/* ---- reads while another handle commits ---------------------------------- */

/* A word of letters for number n, after stem: tables grow past one block with these. */
static void race_word(char *w, size_t size, const char *stem, unsigned n)
{
	size_t k = (size_t)snprintf(w, size, "%s", stem);

	do {
		if (k + 1 < size)
			w[k++] = (char)('a' + n % 26);
		n /= 26;
	} while (n);
	w[k] = '\0';
}

/*
 * Item i of the race database, version v: common words, words of its own
 * (so that the term, spelling and synonym tables span many blocks, and a
 * reader meets blocks a commit has moved) and, for later versions, new
 * words beside the ones the reader asks for.
 */
static struct xw_doc *race_doc(struct xw_tg *tg, unsigned i, unsigned v)
{
	static const char *const committees[] = { "cabinet", "scrutiny", "planning" };
	struct xw_doc *doc = xw_doc_new();
	char text[512], uid[32], date[16], w[32];
	size_t n;

	assert_non_null(doc);
	n = (size_t)snprintf(text, sizeof text, "budget monitoring safeguarding");
	for (unsigned k = 0; k < 10; k++) {
		race_word(w, sizeof w, "", 1000 + i * 10 + k + v * 7);
		n += (size_t)snprintf(text + n, sizeof text - n, " %s", w);
	}
	if (v) {
		race_word(w, sizeof w, "budget", v);
		n += (size_t)snprintf(text + n, sizeof text - n, " %s", w);
		race_word(w, sizeof w, "monitor", v);
		n += (size_t)snprintf(text + n, sizeof text - n, " %s", w);
	}
	snprintf(uid, sizeof uid, "Qrace-%u", i);
	snprintf(date, sizeof date, "2019%02u%02u", 1 + (i + v) % 12, 1 + (i + v) % 28);
	xw_doc_add_term(doc, "", uid, strlen(uid));
	xw_doc_index_text(tg, doc, "S", text, 40, 1);
	xw_doc_index_text(tg, doc, "", text, n, 1);
	xw_doc_set_value(doc, 0, date, strlen(date));
	xw_doc_set_value(doc, 2, committees[(i + v) % 3], strlen(committees[(i + v) % 3]));
	xw_doc_set_data(doc, text, n);
	return doc;
}

/* Replace item i of the race database by version v (not committed). */
static int race_put(struct xw_db *db, struct xw_tg *tg, unsigned i, unsigned v,
		    struct cm_err *err)
{
	struct xw_doc *doc = race_doc(tg, i, v);
	char uid[32], key[32], n[32];
	int rc;

	snprintf(uid, sizeof uid, "Qrace-%u", i);
	snprintf(key, sizeof key, "race:%u", v);
	snprintf(n, sizeof n, "%u", v);
	rc = xw_db_replace(db, uid, doc, err);
	if (rc == CM_OK)
		rc = xw_db_add_words(db, doc, &all_words, err);
	if (rc == CM_OK)
		rc = xw_db_set_metadata(db, "counter", n, strlen(n), err);
	if (rc == CM_OK)
		rc = xw_db_set_metadata(db, key, n, strlen(n), err);
	xw_doc_free(doc);
	return rc;
}

/*
 * The two sides of test_xw_reads_during_commits.  The writer commits
 * again only once a read that began after its last commit has finished,
 * so no read overlaps two commits: the one case xw's single retry is not
 * meant to survive (xw.h), and a test that allowed it would fail by luck.
 * The reader never reopens its handles itself: between commits they fall
 * further behind until a read meets a block that a commit has reused.
 */
struct commit_race {
	struct xw_db *db;          /* the writer's handle */
	struct xw_tg *tg;          /* its term generator */
	atomic_size_t reads;       /* reads finished */
	atomic_bool stop;          /* the reader is done */
	atomic_size_t commits;     /* commits made */
	atomic_int code;           /* the writer's failure, which ends it */
	char msg[256];
};

static void *commit_many(void *arg)
{
	struct commit_race *r = arg;
	struct cm_err err = { CM_OK, "" };

	while (!atomic_load(&r->stop)) {
		size_t done = atomic_load(&r->commits), seen;
		int rc = race_put(r->db, r->tg, 0, (unsigned)done + 1, &err);

		if (rc == CM_OK)
			rc = xw_db_commit(r->db, &err);
		if (rc != CM_OK) {
			snprintf(r->msg, sizeof r->msg, "%.200s", err.msg);
			atomic_store(&r->code, rc);
			break;
		}
		atomic_store(&r->commits, done + 1);
		seen = atomic_load(&r->reads);
		while (atomic_load(&r->reads) < seen + 2 && !atomic_load(&r->stop))
			sched_yield();
	}
	return NULL;
}

/* What the read callbacks count; none of them stops early. */
static int race_each(void *ctx, const char *s, size_t len, unsigned freq)
{
	(void)s; (void)len; (void)freq;
	++*(size_t *)ctx;
	return 0;
}

static int race_match(void *ctx, const struct xw_match_doc *d)
{
	(void)d;
	++*(size_t *)ctx;
	return 0;
}

static int race_eset(void *ctx, const char *t, size_t len, double w)
{
	(void)t; (void)len; (void)w;
	++*(size_t *)ctx;
	return 0;
}

static const char *const race_names[] = {
	"search (wildcard)", "search (stem synonyms, matcher)", "search (spelling)",
	"search (date range)", "find_term", "doc_data", "doc_value", "doc_terms",
	"doc_terms_from", "get_metadata", "each_metadata_key", "each_term", "each_synonym",
	"spelling", "spelling_freq", "termfreq", "doccount", "revision", "value_bounds",
	"each_match", "count", "eset",
};
enum { RACE_KINDS = sizeof race_names / sizeof race_names[0] };

/*
 * The reader's state.  Each kind of read has a handle (and parser) of its
 * own, as a server thread has, so that only that kind's retries reopen it:
 * a handle shared with the others would be kept fresh by their retries.
 */
struct race_reader {
	struct xw_db *dbs[RACE_KINDS];  /* read handles, never reopened by the test */
	struct xw_qp *qps[RACE_KINDS];  /* a parser on each */
	struct xw_db *db;          /* the handle of the read under way */
	struct xw_qp *qp;          /* ...and its parser */
	struct sbuf out;           /* what reads append, reset before each */
	size_t n;                  /* what callbacks count */
	unsigned item;             /* the item read by document: another each round, since
	                              a handle keeps the blocks of its last lookup */
};

/* Parse s (flags as xw_qp_parse) and search it, reading every hit. */
static int race_search(struct race_reader *rd, const char *s, unsigned flags, bool slow,
		       struct cm_err *err)
{
	struct xw_query *q = NULL;
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	int rc;

	page_opts(&so, 1000, slow);
	so.facet_slots[0] = 2;
	so.n_facets = 1;
	rc = xw_qp_parse(rd->qp, s, strlen(s), flags, &q, err);
	if (rc == CM_OK)
		rc = xw_search(rd->db, q, &so, &ms, err);
	/* a search that was retried is whole: no hit twice, a page no longer than asked */
	for (size_t i = 0; rc == CM_OK && i < xw_mset_size(ms); i++)
		for (size_t j = 0; j < i; j++)
			if (i >= so.limit || xw_mset_docid(ms, i) == xw_mset_docid(ms, j))
				rc = cm_err_set(err, CM_EINTERNAL, "%s: hit %zu of %zu again", s, i,
						xw_mset_size(ms));
	for (size_t i = 0; rc == CM_OK && i < xw_mset_size(ms); i++) {
		rc = xw_mset_data(ms, i, &rd->out, err);
		if (rc == CM_OK)
			rc = xw_mset_value(ms, i, 0, &rd->out, err);
		if (rc == CM_OK)
			rc = xw_mset_snippet(ms, "the budget was monitored", 24, 100, "[", "]", "...",
					     &rd->out, err);
	}
	xw_mset_free(ms);
	xw_query_free(q);
	return rc;
}

/*
 * Reads far from every kind's own (other terms, an item at the other end,
 * other synonyms and spellings), as a server's handle serves other
 * requests between two of one kind: a handle keeps the blocks of its last
 * lookup in each table, and would otherwise answer the same read again
 * from them, never meeting a block a commit has reused.
 */
static int race_elsewhere(struct race_reader *rd, struct cm_err *err)
{
	int rc = xw_db_doc_terms(rd->db, 300, "S", race_each, &rd->n, err);

	if (rc == CM_OK)
		rc = xw_db_each_synonym(rd->db, "Zaaaa", race_each, &rd->n, err);
	if (rc == CM_OK)
		rc = xw_db_each_term(rd->db, "zzz", race_each, &rd->n, err);
	if (rc == CM_OK && xw_db_spelling_freq(rd->db, "aaaa", err) == 0)
		rc = err->code;
	if (rc == CM_OK && xw_db_termfreq(rd->db, "zzzz", err) == 0)
		rc = err->code;
	return rc;
}

/* One read of each kind, by number; CM_OK or the read's failure. */
static int race_read(struct race_reader *rd, int kind, struct cm_err *err)
{
	struct sbuf *out = &rd->out;
	unsigned docid = 1 + rd->item % 300, found = 0;
	struct xw_query *q;
	char uid[32];
	int rc = CM_OK;

	snprintf(uid, sizeof uid, "Qrace-%u", rd->item % 300);

	switch (kind) {
	case 0: return race_search(rd, "budget* OR safe*", 0, false, err);
	case 1: return race_search(rd, "monitored", 0, true, err);      /* stem synonyms */
	case 2: return race_search(rd, "budjet", XW_QP_SPELLING, false, err);
	case 3: return race_search(rd, "date:2019..2022 budget", 0, false, err);
	case 4: return xw_db_find_term(rd->db, uid, &found, err);
	case 5: return xw_db_doc_data(rd->db, docid, out, err);
	case 6: return xw_db_doc_value(rd->db, docid, 0, out, err);
	case 7: return xw_db_doc_terms(rd->db, docid, "", race_each, &rd->n, err);
	case 8: return xw_db_doc_terms_from(rd->db, 1 + (rd->item + 150) % 300, "a", race_each,
					    &rd->n, err);
	case 9: return xw_db_get_metadata(rd->db, "counter", out, err);
	case 10: return xw_db_each_metadata_key(rd->db, "race:", race_each, &rd->n, err);
	case 11: return xw_db_each_term(rd->db, "budget", race_each, &rd->n, err);
	case 12: return xw_db_each_synonym(rd->db, "Zmonitor", race_each, &rd->n, err);
	case 13: return xw_db_spelling(rd->db, "budjet", out, err);
	case 14: xw_db_spelling_freq(rd->db, "budgetb", err); return err->code;
	case 15: xw_db_termfreq(rd->db, "budget", err); return err->code;
	case 16: xw_db_doccount(rd->db, err); return err->code;
	case 17: return xw_db_revision(rd->db, out, err);
	case 18: return xw_db_value_bounds(rd->db, 0, out, out, err);
	default: break;
	}
	q = xw_query_term("budget", 6);
	assert_non_null(q);
	if (kind == 19)
		rc = xw_each_match(rd->db, q, NULL, race_match, &rd->n, NULL, err);
	else if (kind == 20)
		rc = xw_count(rd->db, q, &rd->n, err);
	else
		rc = xw_eset(rd->db, q, 5, 10, NULL, race_eset, &rd->n, err);
	xw_query_free(q);
	return rc;
}

/*
 * Every kind of read, each on a handle of its own, while another thread
 * commits in a loop, as the server answers /api/item while the indexer
 * commits: reads never see DatabaseModifiedError (xw reopens and
 * retries).  Take the retry out of any one read path and that kind fails
 * here, but for doccount, revision and value_bounds, which read only what
 * a handle holds in memory.
 */
static void test_xw_reads_during_commits(void **state)
{
	enum { COMMITS = 200 };
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct commit_race race;
	char path[128];
	struct race_reader rd;
	size_t failed[RACE_KINDS + 1] = { 0 }, failures = 0;   /* by kind, then elsewhere */
	pthread_t writer;

	memset(&race, 0, sizeof race);
	/* A database of its own, unsynced: commits as fast as the reads go. */
	snprintf(path, sizeof path, "%s/race", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_SCRATCH, &race.db, &err), CM_OK);
	race.tg = fx->tg;
	for (unsigned i = 0; i < 300; i++)
		assert_int_equal(race_put(race.db, race.tg, i, 0, &err), CM_OK);
	assert_int_equal(xw_db_commit(race.db, &err), CM_OK);
	memset(&rd, 0, sizeof rd);
	for (int kind = 0; kind < RACE_KINDS; kind++) {
		assert_int_equal(xw_db_open(path, XW_OPEN_READ, &rd.dbs[kind], &err), CM_OK);
		assert_int_equal(xw_qp_new(rd.dbs[kind], &rd.qps[kind], &err), CM_OK);
		assert_int_equal(xw_qp_add_date_range(rd.qps[kind], "date", 0, &err), CM_OK);
	}
	atomic_init(&race.reads, 0);
	atomic_init(&race.commits, 0);
	atomic_init(&race.code, CM_OK);
	atomic_init(&race.stop, false);
	assert_int_equal(pthread_create(&writer, NULL, commit_many, &race), 0);
	while (atomic_load(&race.commits) < COMMITS && atomic_load(&race.code) == CM_OK) {
		for (int kind = 0; kind < RACE_KINDS; kind++) {
			rd.db = rd.dbs[kind];
			rd.qp = rd.qps[kind];
			/* the kind's own read, then the others on its handle (counted apart) */
			for (int step = 0; step < 2; step++) {
				int at = step ? RACE_KINDS : kind, rc;

				err.code = CM_OK;
				err.msg[0] = '\0';
				sbuf_reset(&rd.out);
				rc = step ? race_elsewhere(&rd, &err) : race_read(&rd, kind, &err);
				if (rc != CM_OK && failed[at]++ == 0)
					print_message("%s: %s\n", step ? "elsewhere" : race_names[kind],
						      err.msg);
				failures += rc != CM_OK;
			}
			atomic_fetch_add(&race.reads, 1);
		}
		rd.item += 7;
	}
	atomic_store(&race.stop, true);
	assert_int_equal(pthread_join(writer, NULL), 0);
	for (int kind = 0; kind < RACE_KINDS; kind++) {
		xw_qp_free(rd.qps[kind]);
		xw_db_free(rd.dbs[kind]);
	}
	sbuf_release(&rd.out);
	xw_db_free(race.db);
	if (atomic_load(&race.code) != CM_OK)
		fail_msg("writer: %s", race.msg);
	assert_int_equal(failures, 0);
}

/*
 * A search retried after DatabaseModifiedError starts again from nothing:
 * the first try on a handle three commits behind reads the term and ranks
 * the page (blocks no commit touched) and fails only when it loads the
 * facet slot, whose values the commits changed; the retry must not add its
 * page to the first try's.
 */
static void test_xw_retried_search_whole(void **state)
{
	struct fixture *fx = *state;
	struct cm_err err = { CM_OK, "" };
	struct xw_db *wdb = NULL, *rdb = NULL;
	struct xw_query *q = xw_query_term("rareword", 8);
	struct xw_mset *ms = NULL;
	struct xw_search_opts so;
	char path[128];

	assert_non_null(q);
	snprintf(path, sizeof path, "%s/retry", fx->dir);
	assert_int_equal(xw_db_open(path, XW_OPEN_SCRATCH, &wdb, &err), CM_OK);
	for (unsigned i = 0; i < 3000; i++) {
		struct xw_doc *doc = xw_doc_new();
		char uid[32], text[64], committee[16];
		size_t n;

		assert_non_null(doc);
		snprintf(uid, sizeof uid, "Qretry-%u", i);
		n = (size_t)snprintf(text, sizeof text, "item %u%s", i, i >= 2990 ? " rareword" : "");
		snprintf(committee, sizeof committee, "c%u", i % 5);
		xw_doc_add_term(doc, "", uid, strlen(uid));
		xw_doc_index_text(fx->tg, doc, "", text, n, 1);
		xw_doc_set_value(doc, 2, committee, strlen(committee));
		assert_int_equal(xw_db_replace(wdb, uid, doc, &err), CM_OK);
		xw_doc_free(doc);
	}
	assert_int_equal(xw_db_commit(wdb, &err), CM_OK);
	assert_int_equal(xw_db_open(path, XW_OPEN_READ, &rdb, &err), CM_OK);
	/* three commits of the first item's facet value: its blocks are reused */
	for (unsigned v = 0; v < 3; v++) {
		struct xw_doc *doc = xw_doc_new();
		char committee[16];

		assert_non_null(doc);
		snprintf(committee, sizeof committee, "x%u", v);
		xw_doc_add_term(doc, "", "Qretry-0", 8);
		xw_doc_index_text(fx->tg, doc, "", "item 0", 6, 1);
		xw_doc_set_value(doc, 2, committee, strlen(committee));
		assert_int_equal(xw_db_replace(wdb, "Qretry-0", doc, &err), CM_OK);
		assert_int_equal(xw_db_commit(wdb, &err), CM_OK);
		xw_doc_free(doc);
	}
	page_opts(&so, 1000, false);
	so.facet_slots[0] = 2;
	so.n_facets = 1;
	assert_int_equal(xw_search(rdb, q, &so, &ms, &err), CM_OK);
	assert_true(xw_mset_facets_fast(ms));
	assert_int_equal(xw_mset_estimated(ms), 10);
	assert_int_equal(xw_mset_size(ms), 10);
	for (size_t i = 0; i < xw_mset_size(ms); i++)
		assert_true(xw_mset_docid(ms, i) > 2990);
	xw_mset_free(ms);
	xw_query_free(q);
	xw_db_free(rdb);
	xw_db_free(wdb);
}

/*
 * LeakSanitizer, for this program only: libxapian 1.4.22 leaks the
 * internals of a read (postlist and table cursors, their blocks) when
 * DatabaseModifiedError unwinds it, and test_xw_reads_during_commits
 * provokes that hundreds of times on purpose.  Our own objects are
 * allocated outside libxapian and still reported.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libxapian.so\n";
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_xw_query_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_malformed_query, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_replace_and_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_transaction_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_metadata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_each_term_and_bounds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_sort_collapse_facets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_hits_and_snippet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_spelling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_stem_synonyms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_stopwords, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_missing_and_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_reopen_sees_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_fast_facets_match_spy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_compact_and_stub, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_long_terms_hashed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_time_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_whole_set_passes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_open_read_shards, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_tie_break, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_counted_matches_matcher, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_empty_query_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_reads_during_commits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xw_retried_search_whole, setup, teardown),
	};
	return cmocka_run_group_tests_name("xw", tests, NULL, NULL);
}
