/*
 * test_html.c - the server-rendered pages and the Atom feed
 *
 * Meeting and item pages and feeds built from hits whose every field
 * holds markup: nothing from the index comes out unescaped, only web URLs
 * and the server's own file/ID become links, the front matter leads the
 * meeting's people, items keep their order, and the feed is well-formed
 * XML (libxml2) with escaped titles, ids and links.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "feed.h"
#include "html.h"

static const char EVIL[] = "<script>alert(1)</script> & \"q\" 'a'";

/* A hit with every field set to EVIL but what the caller names. */
static void fill(struct search_hit *h, const char *uid, const char *item, const char *url,
		 const char *mime, const char *page)
{
	memset(h, 0, sizeof *h);
	h->uid = strdup(uid);
	h->d.path = strdup(EVIL);
	h->d.council = strdup(EVIL);
	h->d.committee = strdup(EVIL);
	h->d.date = strdup("2024-01-09");
	h->d.item = strdup(item);
	h->d.title = strdup(EVIL);
	h->d.page = strdup(page);
	h->d.mime = strdup(mime);
	h->d.kind = strdup("minutes");
	h->d.text = strdup("First <b>paragraph</b>.\n\nSecond & last.");
	h->d.resolutions = strdup("that <i>this</i> be noted\nthat & that");
	h->d.meeting = strdup("m1");
	h->d.uid = strdup(uid);
	h->d.url = strdup(url);
	h->d.time = strdup("19:00");
	h->d.venue = strdup(EVIL);
	h->d.chair = strdup("A <Probert>");
	h->d.present = strdup("A <Probert>\nB O'Hara");
	h->d.apologies = strdup("C \"Quist\"");
	h->d.paged = strdup(strcmp(mime, "application/pdf") == 0 ? "1" : "");
	h->snippet = strdup("the <mark>budget</mark> &amp; more");
	h->added = 1741080600123LL;
}

struct fixture {
	struct search_result res;
	struct sbuf out;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	assert_non_null(f);
	f->res.hits = calloc(4, sizeof *f->res.hits);
	assert_non_null(f->res.hits);
	fill(&f->res.hits[0], "m1-0", "", "https://council.example/a.pdf", "application/pdf", "");
	fill(&f->res.hits[1], "m1-1", "1/24", "https://council.example/a.pdf", "application/pdf", "3");
	fill(&f->res.hits[2], "m1-2", "2/24", "javascript:alert(1)", "text/plain", "");
	fill(&f->res.hits[3], "m1-3", "3/24", "file/m1-3", "text/plain", "");
	f->res.n_hits = 4;
	f->res.total = 4;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	search_result_release(&f->res);
	sbuf_release(&f->out);
	free(f);
	return 0;
}

/* Nothing of EVIL survives unescaped, anywhere. */
static void assert_escaped(const char *s)
{
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<b>"));
	assert_null(strstr(s, "<i>"));
	assert_null(strstr(s, "<Probert"));
	assert_null(strstr(s, "javascript:"));
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"));
}

static void test_html_meeting_escaped_and_ordered(void **state)
{
	struct fixture *f = *state;
	const char *s, *a, *b, *c;

	html_meeting(&f->res, "../", &f->out);
	s = sbuf_str(&f->out);
	assert_escaped(s);
	/* The people come from the front matter; the items follow in order. */
	assert_non_null(strstr(s, "<dt>Chair</dt><dd>A &lt;Probert&gt;</dd>"));
	assert_non_null(strstr(s, "<dt>Present</dt><dd>A &lt;Probert&gt;, B O&#39;Hara</dd>"));
	assert_non_null(strstr(s, "<dt>Apologies</dt><dd>C &quot;Quist&quot;</dd>"));
	a = strstr(s, "href=\"../item/m1-1\"");
	b = strstr(s, "href=\"../item/m1-2\"");
	c = strstr(s, "href=\"../item/m1-3\"");
	assert_true(a && b && c && a < b && b < c);
	assert_null(strstr(s, "href=\"../item/m1-0\""));
	assert_non_null(strstr(s, "<h3 class=\"count\">3 items</h3>"));
	/* The meeting's source; a PDF item's page; never a javascript: link; the
	 * server's own file/ID from the root. */
	assert_non_null(strstr(s, "href=\"https://council.example/a.pdf\">Source</a>"));
	assert_non_null(strstr(s, "href=\"https://council.example/a.pdf#page=3\">Source, page 3</a>"));
	assert_non_null(strstr(s, "href=\"../file/m1-3\""));
	assert_non_null(strstr(s, "<li>that &lt;i&gt;this&lt;/i&gt; be noted</li>"));
	assert_non_null(strstr(s, "<p>First &lt;b&gt;paragraph&lt;/b&gt;.</p>\n<p>Second &amp; last.</p>"));
	assert_non_null(strstr(s, "<link rel=\"search\" type=\"application/opensearchdescription+xml\" "
			       "href=\"../opensearch.xml\""));
	assert_null(strstr(s, "<script"));
}

static void test_html_item_links_meeting(void **state)
{
	struct fixture *f = *state;
	const char *s;

	html_item(&f->res.hits[2], "../", &f->out);
	s = sbuf_str(&f->out);
	assert_escaped(s);
	assert_non_null(strstr(s, "href=\"../meeting/m1#item-m1-2\">All items of this meeting</a>"));
	assert_null(strstr(s, "class=\"source\""));       /* its URL was not a web URL */
	sbuf_reset(&f->out);
	html_item(&f->res.hits[1], "../", &f->out);
	assert_non_null(strstr(sbuf_str(&f->out), "#page=3\">Source, page 3</a>"));
}

static void test_html_escape_ids_in_hrefs(void **state)
{
	struct fixture *f = *state;

	free(f->res.hits[1].uid);
	f->res.hits[1].uid = strdup("m1-\"><x");
	html_meeting(&f->res, "../", &f->out);
	assert_null(strstr(sbuf_str(&f->out), "\"><x"));
	assert_non_null(strstr(sbuf_str(&f->out), "../item/m1-%22%3E%3Cx"));
}

static void test_html_no_page_in_a_bundle(void **state)
{
	struct fixture *f = *state;

	/* A PDF inside a zip links to the zip: no page to name in it. */
	free((void *)(uintptr_t)f->res.hits[1].d.paged);
	f->res.hits[1].d.paged = strdup("");
	html_item(&f->res.hits[1], "../", &f->out);
	assert_null(strstr(sbuf_str(&f->out), "#page="));
	assert_non_null(strstr(sbuf_str(&f->out), "href=\"https://council.example/a.pdf\">Source</a>"));
}

/* Headings never skip a level going down (axe's heading-order: a screen
 * reader's outline of the page); the brand in the header is the h1. */
static void assert_heading_order(const char *s)
{
	int prev = 0;

	for (const char *p = strstr(s, "<h"); p; p = strstr(p + 1, "<h")) {
		int level;

		if (p[2] < '1' || p[2] > '6' || (p[3] != '>' && p[3] != ' '))
			continue;
		level = p[2] - '0';
		assert_true(level <= prev + 1);
		prev = level;
	}
	assert_true(prev > 1);
}

static void test_html_heading_order(void **state)
{
	struct fixture *f = *state;

	html_meeting(&f->res, "../", &f->out);
	assert_heading_order(sbuf_str(&f->out));
	assert_non_null(strstr(sbuf_str(&f->out), "<h4 class=\"sub\">Resolved</h4>"));
	sbuf_reset(&f->out);
	html_item(&f->res.hits[1], "../", &f->out);
	assert_heading_order(sbuf_str(&f->out));
	assert_non_null(strstr(sbuf_str(&f->out), "<h3 class=\"sub\">Resolved</h3>"));
	sbuf_reset(&f->out);
	html_error("gone", "../", &f->out);
	assert_heading_order(sbuf_str(&f->out));
}

static void test_html_error_page(void **state)
{
	struct fixture *f = *state;

	html_error("no <such> thing", "../", &f->out);
	assert_non_null(strstr(sbuf_str(&f->out), "no &lt;such&gt; thing"));
}

static void test_feed_atom_well_formed(void **state)
{
	struct fixture *f = *state;
	struct feed_opts o = { "https://x.example/minutes/", "q=a%26b&committee=c", "Council <minutes>: a&b", 0 };
	xmlDocPtr doc;
	const char *s;

	feed_atom(&f->res, &o, &f->out);
	s = sbuf_str(&f->out);
	doc = xmlReadMemory(s, (int)strlen(s), "feed.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_escaped(s);
	assert_non_null(strstr(s, "<id>https://x.example/minutes/feed?q=a%26b&amp;committee=c</id>"));
	assert_non_null(strstr(s, "<title>Council &lt;minutes&gt;: a&amp;b</title>"));
	assert_non_null(strstr(s, "<id>https://x.example/minutes/item/m1-1</id>"));
	assert_non_null(strstr(s, "<updated>2025-03-04T09:30:00.123Z</updated>"));
	assert_non_null(strstr(s, "<link rel=\"related\" href=\"https://council.example/a.pdf#page=3\"/>"));
	/* The snippet's own markup is escaped once more: text of the XML. */
	assert_non_null(strstr(s, "the &lt;mark&gt;budget&lt;/mark&gt; &amp;amp; more"));
	/* The front matter is titled as the meeting's attendance. */
	assert_non_null(strstr(s, "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; "
			       "&#39;a&#39;, 2024-01-09: attendance</title>"));
	/* file/ID is no absolute URL: not a related link. */
	assert_null(strstr(s, "href=\"file/"));
}

static void test_feed_empty_and_opensearch(void **state)
{
	struct fixture *f = *state;
	struct search_result none;
	struct feed_opts o = { "http://localhost/", "", "Council minutes", 1741080600000LL };
	xmlDocPtr doc;

	memset(&none, 0, sizeof none);
	feed_atom(&none, &o, &f->out);
	assert_non_null(strstr(sbuf_str(&f->out), "<updated>2025-03-04T09:30:00.000Z</updated>"));
	assert_null(strstr(sbuf_str(&f->out), "<entry>"));
	doc = xmlReadMemory(f->out.buf, (int)f->out.len, "feed.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	sbuf_reset(&f->out);
	feed_opensearch("https://x.example/a&b/", &f->out);
	assert_non_null(strstr(sbuf_str(&f->out), "template=\"https://x.example/a&amp;b/?q={searchTerms}\""));
	doc = xmlReadMemory(f->out.buf, (int)f->out.len, "os.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_html_meeting_escaped_and_ordered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_item_links_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_escape_ids_in_hrefs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_no_page_in_a_bundle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_heading_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_error_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_atom_well_formed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_empty_and_opensearch, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
