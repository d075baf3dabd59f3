/*
 * test_out.c - a result page rendered as text, JSON and CSV
 *
 * Built by hand (two hits: a PDF item with a public URL and a page, a
 * front matter without either; one facet), so each format's rules are
 * checked on their own: empty fields are null in JSON, a PDF link names its
 * page, CSV is RFC 4180, the text view says what it has not got.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <json-c/json.h>
#include <string.h>

#include "searcher/out.h"
#include "searcher/search.h"

static void blank(struct docdata *d)
{
	const char **f[] = { &d->path, &d->council, &d->committee, &d->date, &d->item, &d->title,
			     &d->page, &d->mime, &d->kind, &d->text, &d->resolutions, &d->meeting,
			     &d->uid, &d->url, &d->time, &d->venue, &d->chair, &d->present,
			     &d->apologies, &d->paged };

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = "";
}

struct page {
	char uid0[16], uid1[16], snippet[64], cabinet[16];
	struct search_result res;
	struct search_hit hits[2];
	struct search_facet_value values[2];
};

static void make_page(struct page *p)
{
	memset(p, 0, sizeof *p);
	blank(&p->hits[0].d);
	blank(&p->hits[1].d);
	p->hits[0].d.council = "Wraggden Borough Council";
	p->hits[0].d.committee = "Cabinet";
	p->hits[0].d.date = "2024-03-12";
	p->hits[0].d.item = "12/24";
	p->hits[0].d.title = "Budget, \"Capital\" Programme";
	p->hits[0].d.path = "archive/cabinet/2024-03-12.pdf";
	p->hits[0].d.page = "3";
	p->hits[0].d.paged = "1";
	p->hits[0].d.mime = "application/pdf";
	p->hits[0].d.url = "https://council.example/m/2024-03-12.pdf";
	strcpy(p->uid0, "abc-12");
	p->hits[0].uid = p->uid0;
	p->hits[0].score = 7.5;
	strcpy(p->snippet, "the <mark>budget</mark> was agreed");
	p->hits[0].snippet = p->snippet;
	p->hits[1].d.council = "Wraggden Borough Council";
	p->hits[1].d.path = "archive/cabinet/2024-03-12.pdf";
	strcpy(p->uid1, "abc-0");
	p->hits[1].uid = p->uid1;
	strcpy(p->cabinet, "Cabinet");
	p->values[0] = (struct search_facet_value){ p->cabinet, 2 };
	p->res.total = 2;
	p->res.hits = p->hits;
	p->res.n_hits = 2;
	p->res.facets[0] = (struct search_facet){ "committee", p->values, 1, 2 };
	p->res.n_facets = 1;
	p->res.facets_exact = true;
}

static void test_out_text(void **state)
{
	struct page p;
	struct sbuf out = {0};
	struct out_opts o = { "budget", false, false };

	(void)state;
	make_page(&p);
	out_result(&p.res, OUT_TEXT, &o, &out);
	assert_non_null(strstr(sbuf_str(&out), "2 items match\n"));
	assert_non_null(strstr(sbuf_str(&out), "\n12/24 Budget, \"Capital\" Programme\n"));
	assert_non_null(strstr(sbuf_str(&out), "archive/cabinet/2024-03-12.pdf#page=3"));
	assert_non_null(strstr(sbuf_str(&out), "https://council.example/m/2024-03-12.pdf#page=3"));
	assert_non_null(strstr(sbuf_str(&out), "(front matter)"));
	assert_non_null(strstr(sbuf_str(&out), "unknown committee | undated"));
	assert_non_null(strstr(sbuf_str(&out), "committee: Cabinet (2)"));
	assert_null(strstr(sbuf_str(&out), "\033["));	/* no colour unless asked */
	sbuf_release(&out);
}

static void test_out_json(void **state)
{
	struct page p;
	struct sbuf out = {0};
	struct out_opts o = { "budget", false, false };
	json_object *d, *hits, *h0, *h1, *v;

	(void)state;
	make_page(&p);
	out_result(&p.res, OUT_JSON, &o, &out);
	d = json_tokener_parse(sbuf_str(&out));
	assert_non_null(d);
	assert_true(json_object_object_get_ex(d, "total", &v));
	assert_int_equal(json_object_get_int(v), 2);
	assert_true(json_object_object_get_ex(d, "hits", &hits));
	h0 = json_object_array_get_idx(hits, 0);
	h1 = json_object_array_get_idx(hits, 1);
	assert_true(json_object_object_get_ex(h0, "url", &v));
	assert_string_equal(json_object_get_string(v), "https://council.example/m/2024-03-12.pdf#page=3");
	assert_true(json_object_object_get_ex(h0, "page", &v));
	assert_int_equal(json_object_get_int(v), 3);
	assert_true(json_object_object_get_ex(h0, "title", &v));
	assert_string_equal(json_object_get_string(v), "Budget, \"Capital\" Programme");
	/* what a hit has not got is null, never "" */
	assert_true(json_object_object_get_ex(h1, "url", &v));
	assert_null(v);
	assert_true(json_object_object_get_ex(h1, "date", &v));
	assert_null(v);
	json_object_put(d);
	sbuf_release(&out);
}

static void test_out_csv(void **state)
{
	struct page p;
	struct sbuf out = {0};
	struct out_opts o = { "budget", false, false };
	const char *s;

	(void)state;
	make_page(&p);
	out_result(&p.res, OUT_CSV, &o, &out);
	s = sbuf_str(&out);
	assert_true(strncmp(s, "id,council,committee,date,item,title,path,page,url,score,snippet\r\n",
			    66) == 0);
	assert_non_null(strstr(s, "\r\nabc-12,Wraggden Borough Council,Cabinet,2024-03-12,12/24,"
				  "\"Budget, \"\"Capital\"\" Programme\",archive/cabinet/2024-03-12.pdf,3,"
				  "https://council.example/m/2024-03-12.pdf#page=3,7.5000,"));
	assert_non_null(strstr(s, "\r\nabc-0,Wraggden Borough Council,,,,,archive/"));
	assert_int_equal(s[out.len - 1], '\n');
	assert_int_equal(s[out.len - 2], '\r');
	sbuf_release(&out);
}

static void test_out_iso_time_and_error(void **state)
{
	char buf[32];
	struct sbuf out = {0};

	(void)state;
	assert_true(out_iso_time(1741080600123LL, buf, sizeof buf));
	assert_string_equal(buf, "2025-03-04T09:30:00.123Z");
	assert_false(out_iso_time(0, buf, sizeof buf));
	assert_false(out_iso_time(1741080600123LL, buf, 10));
	out_error_json("query 'x AND': syntax", 400, &out);
	assert_non_null(strstr(sbuf_str(&out), "\"error\""));
	assert_non_null(strstr(sbuf_str(&out), "400"));
	sbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_out_text),
		cmocka_unit_test(test_out_json),
		cmocka_unit_test(test_out_csv),
		cmocka_unit_test(test_out_iso_time_and_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
