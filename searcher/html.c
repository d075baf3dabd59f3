/*
 * html.c - the meeting and item pages (see html.h)
 *
 * Divisions: escaping and links, the frame every page shares, the meeting
 * page, the item page.
 */
#include "html.h"

#include <string.h>

#include "out.h"
#include "text.h"

/* ---- escaping and links --------------------------------------------------- */

/* Escape a path segment for an href (ids are hex, digits, '-' and '~': kept). */
static void html_segment(const char *s, struct sbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '~' || c == '_' || c == '.') {
			sbuf_addch(out, c);
		} else {
			sbuf_addch(out, '%');
			sbuf_addch(out, hex[c >> 4]);
			sbuf_addch(out, hex[c & 15]);
		}
	}
}

bool html_is_front(const struct search_hit *h)
{
	const char *uid = h->uid ? h->uid : "";
	size_t n = strlen(uid);

	/* itemdoc numbers the front matter 0 and the items from 1. */
	return n >= 2 && strcmp(uid + n - 2, "-0") == 0;
}

/*
 * The source link of d, or nothing: a web URL from the index (with
 * #page=N for a PDF), or the server's file/ID (--serve-files) from root.
 * Nothing either when skip (the meeting) links to the same file and d
 * names no page in it: the meeting's link is shown already.
 */
static void html_source(const struct docdata *d, const char *root, const struct docdata *skip,
			struct sbuf *out)
{
	struct sbuf link = {0};
	bool web = d->url && (strncmp(d->url, "http://", 7) == 0 ||
			      strncmp(d->url, "https://", 8) == 0);

	if (!d->url || !*d->url || (!web && strncmp(d->url, "file/", 5) != 0))
		return;
	if (!web)
		sbuf_adds(&link, root);
	out_source_link(d, &link);
	if (skip && !strchr(sbuf_str(&link), '#') && skip->url &&
	    (strcmp(skip->url, d->url) == 0 ||
	     (strncmp(skip->url, "file/", 5) == 0 && strncmp(d->url, "file/", 5) == 0))) {
		sbuf_release(&link);
		return;
	}
	sbuf_adds(out, "<a class=\"source\" rel=\"noopener noreferrer\" href=\"");
	text_xml_escape(sbuf_str(&link), out);
	sbuf_adds(out, "\">Source");
	if (strchr(sbuf_str(&link), '#') && d->page && *d->page) {
		sbuf_adds(out, ", page ");
		text_xml_escape(d->page, out);
	}
	sbuf_adds(out, "</a>");
	sbuf_release(&link);
}

/* Text as paragraphs: blank lines separate them, single newlines become spaces. */
static void html_paragraphs(const char *text, struct sbuf *out)
{
	const char *p = text ? text : "";

	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		struct sbuf para = {0};

		sbuf_add(&para, p, n);
		for (size_t i = 0; i < para.len; i++)
			if (para.buf[i] == '\n' || para.buf[i] == '\f' || para.buf[i] == '\r')
				para.buf[i] = ' ';
		if (para.len && strspn(sbuf_str(&para), " \t") < para.len) {
			sbuf_adds(out, "<p>");
			text_xml_escape(sbuf_str(&para), out);
			sbuf_adds(out, "</p>\n");
		}
		sbuf_release(&para);
		p += n;
		while (*p == '\n')
			p++;
	}
}

/* Lines of s ('\n'-separated) as "a, b, c". */
static void html_list(const char *s, struct sbuf *out)
{
	bool first = true;

	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		struct sbuf one = {0};

		sbuf_add(&one, s, n);
		if (one.len) {
			if (!first)
				sbuf_adds(out, ", ");
			text_xml_escape(sbuf_str(&one), out);
			first = false;
		}
		sbuf_release(&one);
		s += n + (nl ? 1 : 0);
	}
}

/* ---- the frame every page shares ------------------------------------------- */

static void html_open(const char *title, const char *root, struct sbuf *out)
{
	sbuf_adds(out, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		  "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
	text_xml_escape(title, out);
	sbuf_adds(out, " – council minutes</title>\n");
	sbuf_addf(out, "<link rel=\"icon\" href=\"%sfavicon.svg\" type=\"image/svg+xml\">\n"
		  "<link rel=\"stylesheet\" href=\"%sapp.css\">\n"
		  "<link rel=\"search\" type=\"application/opensearchdescription+xml\" "
		  "href=\"%sopensearch.xml\" title=\"Council minutes\">\n"
		  "</head>\n<body class=\"doc\">\n"
		  "<header class=\"top\">\n"
		  "  <h1 class=\"brand\"><a href=\"%s\">Council minutes</a></h1>\n"
		  "  <form id=\"search\" role=\"search\" action=\"%s\" method=\"get\">\n"
		  "    <label for=\"q\" class=\"sr-only\">Search the minutes</label>\n"
		  "    <input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1000\" "
		  "placeholder=\"Search the minutes\">\n"
		  "    <button type=\"submit\">Search</button>\n  </form>\n</header>\n"
		  "<main class=\"page\">\n", root, root, root, root, root);
}

static void html_close(struct sbuf *out)
{
	sbuf_adds(out, "</main>\n</body>\n</html>\n");
}

/* "Council · Committee · 2024-01-09" and whatever else is known, escaped. */
static void html_meta(const struct docdata *d, bool committee, const char *time,
		      const char *venue, struct sbuf *out)
{
	const char *parts[] = { d->council, committee ? d->committee : NULL, d->date, time, venue };
	bool first = true;

	sbuf_adds(out, "<p class=\"meta\">");
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		if (!first)
			sbuf_adds(out, " · ");
		text_xml_escape(parts[i], out);
		first = false;
	}
	sbuf_adds(out, "</p>\n");
}

/*
 * The resolutions as a list under a heading of the given level: one below
 * the item's title (h4 under a meeting page's h3 items, h3 under an item
 * page's h2), since a skipped level misleads a screen reader's outline.
 */
static void html_resolutions(const char *res, int level, struct sbuf *out)
{
	if (!res || !*res)
		return;
	sbuf_addf(out, "<h%d class=\"sub\">Resolved</h%d>\n<ul class=\"resolved\">\n", level, level);
	while (*res) {
		const char *nl = strchr(res, '\n');
		size_t n = nl ? (size_t)(nl - res) : strlen(res);
		struct sbuf one = {0};

		sbuf_add(&one, res, n);
		sbuf_adds(out, "<li>");
		text_xml_escape(sbuf_str(&one), out);
		sbuf_adds(out, "</li>\n");
		sbuf_release(&one);
		res += n + (nl ? 1 : 0);
	}
	sbuf_adds(out, "</ul>\n");
}

/* "<span class=num>14/18</span> Title" of an item, escaped. */
static void html_item_title(const struct docdata *d, struct sbuf *out)
{
	if (d->item && *d->item) {
		sbuf_adds(out, "<span class=\"num\">");
		text_xml_escape(d->item, out);
		sbuf_adds(out, "</span> ");
	}
	text_xml_escape(d->title && *d->title ? d->title : "Untitled item", out);
}

/* ---- the meeting page ----------------------------------------------------- */

void html_meeting(const struct search_result *res, const char *root, struct sbuf *out)
{
	const struct search_hit *front = NULL, *first = res->n_hits ? &res->hits[0] : NULL;
	const struct docdata *m;
	struct sbuf title = {0}, link = {0};

	for (size_t i = 0; i < res->n_hits && !front; i++)
		if (html_is_front(&res->hits[i]))
			front = &res->hits[i];
	if (!first)
		return;
	m = front ? &front->d : &first->d;
	sbuf_adds(&title, *m->committee ? m->committee : "Meeting");
	if (*m->date) {
		sbuf_adds(&title, ", ");
		sbuf_adds(&title, m->date);
	}
	html_open(sbuf_str(&title), root, out);
	sbuf_adds(out, "<article class=\"meeting\">\n<h2>");
	text_xml_escape(*m->committee ? m->committee : "Meeting", out);
	sbuf_adds(out, "</h2>\n");
	html_meta(m, false, m->time, m->venue, out);
	if (*m->chair || *m->present || *m->apologies) {
		sbuf_adds(out, "<dl class=\"people\">\n");
		if (*m->chair) {
			sbuf_adds(out, "<dt>Chair</dt><dd>");
			text_xml_escape(m->chair, out);
			sbuf_adds(out, "</dd>\n");
		}
		if (*m->present) {
			sbuf_adds(out, "<dt>Present</dt><dd>");
			html_list(m->present, out);
			sbuf_adds(out, "</dd>\n");
		}
		if (*m->apologies) {
			sbuf_adds(out, "<dt>Apologies</dt><dd>");
			html_list(m->apologies, out);
			sbuf_adds(out, "</dd>\n");
		}
		sbuf_adds(out, "</dl>\n");
	}
	sbuf_adds(out, "<p class=\"links\">");
	html_source(m, root, NULL, out);
	sbuf_adds(out, "</p>\n");
	if (front && *front->d.text) {
		sbuf_adds(out, "<details class=\"front\"><summary>Attendance and opening text</summary>\n");
		html_paragraphs(front->d.text, out);
		sbuf_adds(out, "</details>\n");
	}
	sbuf_addf(out, "<h3 class=\"count\">%zu item%s</h3>\n<ol class=\"items\">\n",
		  res->n_hits - (front ? 1 : 0), res->n_hits - (front ? 1 : 0) == 1 ? "" : "s");
	for (size_t i = 0; i < res->n_hits; i++) {
		const struct search_hit *h = &res->hits[i];

		if (h == front)
			continue;
		sbuf_adds(out, "<li id=\"item-");
		html_segment(h->uid, out);
		sbuf_addf(out, "\">\n<h3><a href=\"%sitem/", root);
		html_segment(h->uid, out);
		sbuf_adds(out, "\">");
		html_item_title(&h->d, out);
		sbuf_adds(out, "</a></h3>\n");
		sbuf_reset(&link);
		html_source(&h->d, root, m, &link);
		if (link.len) {
			sbuf_adds(out, "<p class=\"links\">");
			sbuf_add(out, link.buf, link.len);
			sbuf_adds(out, "</p>\n");
		}
		html_resolutions(h->d.resolutions, 4, out);
		if (h->d.text && *h->d.text) {
			sbuf_adds(out, "<details><summary>Text</summary>\n");
			html_paragraphs(h->d.text, out);
			sbuf_adds(out, "</details>\n");
		}
		sbuf_adds(out, "</li>\n");
	}
	sbuf_adds(out, "</ol>\n</article>\n");
	html_close(out);
	sbuf_release(&title);
	sbuf_release(&link);
}

/* ---- the item page -------------------------------------------------------- */

void html_item(const struct search_hit *hit, const char *root, struct sbuf *out)
{
	const struct docdata *d = &hit->d;
	struct sbuf title = {0};

	if (d->item && *d->item) {
		sbuf_adds(&title, d->item);
		sbuf_addch(&title, ' ');
	}
	sbuf_adds(&title, d->title && *d->title ? d->title : "Untitled item");
	html_open(sbuf_str(&title), root, out);
	sbuf_adds(out, "<article class=\"item-page\">\n<h2>");
	if (html_is_front(hit))
		text_xml_escape(*d->title ? d->title : "Attendance and apologies", out);
	else
		html_item_title(d, out);
	sbuf_adds(out, "</h2>\n");
	html_meta(d, true, NULL, NULL, out);
	sbuf_addf(out, "<p class=\"links\"><a class=\"meeting-link\" href=\"%smeeting/", root);
	html_segment(d->meeting, out);
	sbuf_adds(out, "#item-");
	html_segment(hit->uid, out);
	sbuf_adds(out, "\">All items of this meeting</a>");
	html_source(d, root, NULL, out);
	sbuf_adds(out, "</p>\n");
	html_resolutions(d->resolutions, 3, out);
	sbuf_adds(out, "<div class=\"text\">\n");
	html_paragraphs(d->text, out);
	sbuf_adds(out, "</div>\n</article>\n");
	html_close(out);
	sbuf_release(&title);
}

void html_error(const char *msg, const char *root, struct sbuf *out)
{
	html_open("Not found", root, out);
	sbuf_adds(out, "<article class=\"item-page\">\n<h2>Not found</h2>\n<p>");
	text_xml_escape(msg, out);
	sbuf_addf(out, "</p>\n<p><a href=\"%s\">Search the minutes</a></p>\n</article>\n", root);
	html_close(out);
}
