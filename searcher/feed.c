/*
 * feed.c - Atom feed and OpenSearch description (see feed.h)
 */
#include "feed.h"

#include <string.h>

#include "html.h"
#include "out.h"
#include "text.h"

/* RFC 3339 time of t, or of fallback when t is 0. */
static void feed_time(long long t, long long fallback, struct sbuf *out)
{
	char buf[32];

	if (out_iso_time(t > 0 ? t : fallback, buf, sizeof buf))
		sbuf_adds(out, buf);
	else
		sbuf_adds(out, "1970-01-01T00:00:00.000Z");
}

/* <tag>escaped text</tag> on a line of its own, when text is not empty. */
static void feed_elem(const char *tag, const char *text, struct sbuf *out)
{
	if (!text || !*text)
		return;
	sbuf_addf(out, "    <%s>", tag);
	text_xml_escape(text, out);
	sbuf_addf(out, "</%s>\n", tag);
}

void feed_atom(const struct search_result *res, const struct feed_opts *o, struct sbuf *out)
{
	long long newest = 0;
	const char *qs = o->params && *o->params ? o->params : NULL;

	for (size_t i = 0; i < res->n_hits; i++)
		if (res->hits[i].added > newest)
			newest = res->hits[i].added;
	sbuf_adds(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		  "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>");
	text_xml_escape(o->title, out);
	sbuf_adds(out, "</title>\n  <id>");
	text_xml_escape(o->base, out);
	sbuf_adds(out, "feed");
	if (qs) {
		sbuf_addch(out, '?');
		text_xml_escape(qs, out);
	}
	sbuf_adds(out, "</id>\n  <updated>");
	feed_time(newest, o->now, out);
	sbuf_adds(out, "</updated>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"");
	text_xml_escape(o->base, out);
	sbuf_adds(out, "feed");
	if (qs) {
		sbuf_addch(out, '?');
		text_xml_escape(qs, out);
	}
	sbuf_adds(out, "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"");
	text_xml_escape(o->base, out);
	if (qs) {
		sbuf_addch(out, '?');
		text_xml_escape(qs, out);
	}
	sbuf_adds(out, "\"/>\n  <author><name>Council minutes search</name></author>\n"
		  "  <generator>minutes-search</generator>\n");
	for (size_t i = 0; i < res->n_hits; i++) {
		const struct search_hit *h = &res->hits[i];
		struct sbuf title = {0}, link = {0};

		if (html_is_front(h)) {
			/* The front matter is the meeting itself: who came, who sent apologies. */
			sbuf_adds(&title, *h->d.committee ? h->d.committee : "Meeting");
			if (*h->d.date)
				sbuf_addf(&title, ", %s", h->d.date);
			sbuf_adds(&title, ": attendance");
		} else {
			if (*h->d.item) {
				sbuf_adds(&title, h->d.item);
				sbuf_addch(&title, ' ');
			}
			sbuf_adds(&title, *h->d.title ? h->d.title : "Untitled item");
		}
		sbuf_adds(out, "  <entry>\n    <id>");
		text_xml_escape(o->base, out);
		sbuf_adds(out, "item/");
		text_xml_escape(h->uid, out);
		sbuf_adds(out, "</id>\n");
		feed_elem("title", sbuf_str(&title), out);
		sbuf_adds(out, "    <updated>");
		feed_time(h->added, o->now, out);
		sbuf_adds(out, "</updated>\n");
		if (h->added > 0) {
			sbuf_adds(out, "    <published>");
			feed_time(h->added, o->now, out);
			sbuf_adds(out, "</published>\n");
		}
		sbuf_adds(out, "    <link rel=\"alternate\" type=\"text/html\" href=\"");
		text_xml_escape(o->base, out);
		sbuf_adds(out, "item/");
		text_xml_escape(h->uid, out);
		sbuf_adds(out, "\"/>\n");
		out_source_link(&h->d, &link);
		if (link.len && (strncmp(link.buf, "http://", 7) == 0 ||
				 strncmp(link.buf, "https://", 8) == 0)) {
			sbuf_adds(out, "    <link rel=\"related\" href=\"");
			text_xml_escape(link.buf, out);
			sbuf_adds(out, "\"/>\n");
		}
		if (*h->d.committee) {
			sbuf_adds(out, "    <category term=\"");
			text_xml_escape(h->d.committee, out);
			sbuf_adds(out, "\"/>\n");
		}
		/* Snippets are HTML already (escaped text and <mark>): escaped once more as XML. */
		if (h->snippet && *h->snippet) {
			struct sbuf sum = {0};

			text_xml_escape(h->d.council, &sum);
			if (*h->d.council && *h->d.date)
				sbuf_adds(&sum, ", ");
			text_xml_escape(h->d.date, &sum);
			if (sum.len)
				sbuf_adds(&sum, ": ");
			sbuf_adds(&sum, h->snippet);
			sbuf_adds(out, "    <summary type=\"html\">");
			text_xml_escape(sbuf_str(&sum), out);
			sbuf_adds(out, "</summary>\n");
			sbuf_release(&sum);
		}
		sbuf_adds(out, "  </entry>\n");
		sbuf_release(&title);
		sbuf_release(&link);
	}
	sbuf_adds(out, "</feed>\n");
}

void feed_opensearch(const char *base, struct sbuf *out)
{
	sbuf_adds(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		  "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
		  "  <ShortName>Council minutes</ShortName>\n"
		  "  <Description>Search council and committee minutes</Description>\n"
		  "  <InputEncoding>UTF-8</InputEncoding>\n"
		  "  <Url type=\"text/html\" method=\"get\" template=\"");
	text_xml_escape(base, out);
	sbuf_adds(out, "?q={searchTerms}\"/>\n"
		  "  <Url type=\"application/atom+xml\" method=\"get\" template=\"");
	text_xml_escape(base, out);
	sbuf_adds(out, "feed?q={searchTerms}\"/>\n"
		  "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"");
	text_xml_escape(base, out);
	sbuf_adds(out, "opensearch.xml\"/>\n  <Image height=\"16\" width=\"16\" type=\"image/svg+xml\">");
	text_xml_escape(base, out);
	sbuf_adds(out, "favicon.svg</Image>\n</OpenSearchDescription>\n");
}
