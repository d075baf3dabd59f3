/*
 * ext_html.c - HTML pages (moderngov-style minutes) to text
 *
 * libxml2's HTML push parser with SAX callbacks: no tree is built, so memory
 * stays flat for any page size, and entities come out decoded.  Page chrome
 * is dropped (script, style, nav, header/footer/aside outside the article,
 * forms' controls, role=navigation/search/banner, hidden elements); the title
 * and headings get lines of their own, paragraphs end with a blank line,
 * other block elements end lines, table cells are separated by tabs.  The
 * encoding is the page's own declaration, else the same guess as for plain
 * text (UTF-8, else Windows-1252).
 */
#include "ext.h"
#include "textenc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

enum {
	HTML_CHUNK = 256 * 1024,    /* bytes handed to the push parser at a time */
	HTML_SNIFF = 4096,          /* bytes searched for a charset declaration */
	HTML_LISTS = 16             /* nested lists whose numbers are kept; deeper ones count on */
};

/* Elements whose whole content is page furniture, not minutes. */
static const char *const html_skip[] = {
	"script", "style", "noscript", "template", "nav", "aside", "select", "button",
	"svg", "math", "object", "embed", "iframe", "canvas", "map", "datalist", "dialog", NULL
};
/* Dropped only outside <article>/<main>: there they are the document's own heading. */
static const char *const html_skip_outside_main[] = { "header", "footer", NULL };
/* Elements that start and end a line. */
static const char *const html_block[] = {
	"p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "table",
	"thead", "tbody", "tfoot", "caption", "blockquote", "pre", "address", "figure",
	"figcaption", "form", "fieldset", "legend", "center", "details", "summary", "body",
	"header", "footer", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "tr", NULL
};

struct html_state {
	struct sbuf *out;
	size_t start;           /* this document's first byte in out */
	size_t cap;             /* max bytes of text */
	bool truncated;         /* cap reached */
	int depth;              /* open elements */
	int skip_depth;         /* depth at which skipping started, -1 when not skipping */
	int main_depth;         /* open <article>/<main> elements */
	int pre;                /* open <pre> elements */
	bool space;             /* whitespace seen since the last character written */
	int n_lists;            /* open <ol>/<ul>, the innermost HTML_LISTS kept in lists[] */
	struct {
		int next;           /* number of the next <li> */
		char type;          /* '1', 'a', 'A', 'i', 'I'; 0 for <ul> */
	} lists[HTML_LISTS];
	xmlParserCtxtPtr ctxt;  /* to stop the parser at the cap */
};

static bool in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcasecmp(*list, name))
			return true;
	return false;
}

static const char *attr(const xmlChar **atts, const char *name)
{
	for (; atts && atts[0]; atts += 2)
		if (!strcasecmp((const char *)atts[0], name))
			return atts[1] ? (const char *)atts[1] : "";
	return NULL;
}

static bool is_chrome(const char *name, const xmlChar **atts, const struct html_state *st)
{
	const char *role = attr(atts, "role"), *aria = attr(atts, "aria-hidden"), *style;

	if (in_list(html_skip, name))
		return true;
	if (!st->main_depth && in_list(html_skip_outside_main, name))
		return true;
	if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "search") ||
		     !strcasecmp(role, "banner") || !strcasecmp(role, "contentinfo")))
		return true;
	if (attr(atts, "hidden") || (aria && !strcasecmp(aria, "true")))
		return true;
	style = attr(atts, "style");
	if (style && (strstr(style, "display:none") || strstr(style, "display: none")))
		return true;
	return false;
}

static void trim_end(struct html_state *st)
{
	struct sbuf *o = st->out;

	while (o->len > st->start && (o->buf[o->len - 1] == ' ' || o->buf[o->len - 1] == '\t'))
		sbuf_setlen(o, o->len - 1);
}

static void newline(struct html_state *st)
{
	trim_end(st);
	if (st->out->len > st->start && st->out->buf[st->out->len - 1] != '\n')
		sbuf_addch(st->out, '\n');
	st->space = false;
}

/* A blank line before and after headings and the title sets them apart. */
static void blank_line(struct html_state *st)
{
	newline(st);
	if (st->out->len > st->start + 1 && st->out->buf[st->out->len - 2] != '\n')
		sbuf_addch(st->out, '\n');
}

static bool is_heading(const char *name)
{
	return (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2];
}

/* Roman numeral of v (1..39), lowercase when lower. */
static void roman(char *buf, size_t n, int v, bool lower)
{
	static const char *const ones[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
	size_t k = 0;

	for (int t = v / 10; t > 0 && k + 1 < n; t--)
		buf[k++] = 'x';
	for (const char *o = ones[v % 10]; *o && k + 1 < n; o++)
		buf[k++] = *o;
	buf[k] = '\0';
	for (size_t i = 0; !lower && i < k; i++)
		buf[i] = (char)(buf[i] - 32);
}

/*
 * Lists: an <ol>'s items get the number a browser shows ("1. ", "b. ",
 * "iv. "; start, type and <li value> honoured), as council pages number
 * their minutes that way; <ul> items get none.
 */
static void list_start(struct html_state *st, const char *name, const xmlChar **atts)
{
	if (!strcasecmp(name, "ol") || !strcasecmp(name, "ul")) {
		const char *start = attr(atts, "start"), *type = attr(atts, "type");

		if (st->n_lists < HTML_LISTS) {
			st->lists[st->n_lists].next = start ? atoi(start) : 1;
			st->lists[st->n_lists].type = name[0] == 'o' || name[0] == 'O' ?
				(type && type[0] && strchr("1aAiI", type[0]) ? type[0] : '1') : 0;
		}
		st->n_lists++;
	} else if (!strcasecmp(name, "li") && st->n_lists > 0 && st->n_lists <= HTML_LISTS) {
		const char *value = attr(atts, "value");
		int v, top = st->n_lists - 1;
		char label[16];

		if (!st->lists[top].type)
			return;
		if (value)
			st->lists[top].next = atoi(value);
		v = st->lists[top].next++;
		switch (st->lists[top].type) {
		case 'a': case 'A':
			if (v < 1 || v > 26)
				return;
			snprintf(label, sizeof label, "%c. ", st->lists[top].type + v - 1);
			break;
		case 'i': case 'I':
			if (v < 1 || v > 39)
				return;
			roman(label, sizeof label - 2, v, st->lists[top].type == 'i');
			strcat(label, ". ");
			break;
		default:
			snprintf(label, sizeof label, "%d. ", v);
		}
		sbuf_adds(st->out, label);
		st->space = false;
	}
}

static void on_start(void *ud, const xmlChar *xname, const xmlChar **atts)
{
	struct html_state *st = ud;
	const char *name = (const char *)xname;

	st->depth++;
	if (st->skip_depth >= 0)
		return;
	if (is_chrome(name, atts, st)) {
		st->skip_depth = st->depth;
		return;
	}
	if (!strcasecmp(name, "article") || !strcasecmp(name, "main"))
		st->main_depth++;
	if (!strcasecmp(name, "pre"))
		st->pre++;
	if (is_heading(name) || !strcasecmp(name, "title"))
		blank_line(st);
	else if (!strcasecmp(name, "br"))
		newline(st);
	else if (in_list(html_block, name)) {
		newline(st);
		list_start(st, name, atts);
	} else if (!strcasecmp(name, "td") || !strcasecmp(name, "th")) {
		trim_end(st);
		if (st->out->len > st->start && st->out->buf[st->out->len - 1] != '\n')
			sbuf_addch(st->out, '\t');
		st->space = false;
	}
}

static void on_end(void *ud, const xmlChar *xname)
{
	struct html_state *st = ud;
	const char *name = (const char *)xname;

	if (st->skip_depth >= 0) {
		if (st->depth == st->skip_depth)
			st->skip_depth = -1;
		st->depth--;
		return;
	}
	st->depth--;
	if ((!strcasecmp(name, "article") || !strcasecmp(name, "main")) && st->main_depth)
		st->main_depth--;
	if (!strcasecmp(name, "pre") && st->pre)
		st->pre--;
	if ((!strcasecmp(name, "ol") || !strcasecmp(name, "ul")) && st->n_lists)
		st->n_lists--;
	if (is_heading(name) || !strcasecmp(name, "title") || !strcasecmp(name, "p"))
		blank_line(st);	/* a paragraph ends as a word processor's does: its text never runs into the next */
	else if (in_list(html_block, name))
		newline(st);
}

static void on_text(void *ud, const xmlChar *s, int len)
{
	struct html_state *st = ud;
	int i;

	if (st->skip_depth >= 0 || st->truncated)
		return;
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];
		bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

		/* U+00A0 no-break space is layout: treat it as a space */
		if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
			i++;
			ws = true;
			c = ' ';
		}
		if (st->pre) {
			sbuf_addch(st->out, c == '\r' ? '\n' : c);
			continue;
		}
		if (ws) {
			st->space = true;
			continue;
		}
		if (st->space) {
			char last = st->out->len > st->start ? st->out->buf[st->out->len - 1] : '\n';

			if (last != '\n' && last != '\t' && last != ' ')
				sbuf_addch(st->out, ' ');
			st->space = false;
		}
		sbuf_addch(st->out, c);
	}
	if (st->out->len - st->start > st->cap) {
		st->truncated = true;
		xmlStopParser(st->ctxt);
	}
}

static void on_error(void *ud, const char *msg, ...)
{
	(void)ud;
	(void)msg;
}

static void on_serror(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

/* Does the page declare its encoding (BOM, or charset= near the top)? */
static bool declares_charset(const unsigned char *s, size_t n)
{
	size_t i;

	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return true;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return true;
	if (n > HTML_SNIFF)
		n = HTML_SNIFF;
	for (i = 0; i + 9 <= n; i++)
		if (!strncasecmp((const char *)s + i, "charset=", 8) ||
		    !strncasecmp((const char *)s + i, "encoding=", 9))
			return true;
	return false;
}

/*
 * Does the page have an <html> or <body> element?  A fragment a site
 * includes into its pages ("<button>...</button><div>...</div>") has neither,
 * and without implied elements libxml2 stops at the end of its first one.
 */
static bool has_root(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i + 5 <= n; i++)
		if (s[i] == '<' && (!strncasecmp((const char *)s + i, "<html", 5) ||
				    !strncasecmp((const char *)s + i, "<body", 5)))
			return true;
	return false;
}

int ext_html_to_text(const unsigned char *html, size_t len, size_t cap, struct sbuf *out,
		     bool *truncated, struct cm_err *err)
{
	htmlSAXHandler sax;
	struct html_state st = { .out = out, .start = out->len, .cap = cap, .skip_depth = -1 };
	htmlParserCtxtPtr ctxt;
	size_t off = 0;
	int rc = CM_OK;

	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.ignorableWhitespace = on_text;
	sax.warning = on_error;
	sax.error = on_error;
	sax.fatalError = on_error;
	sax.serror = on_serror;
	sax.initialized = XML_SAX2_MAGIC;       /* so serror is used; HTML still calls startElement */

	ctxt = htmlCreatePushParserCtxt(&sax, &st, NULL, 0, NULL, XML_CHAR_ENCODING_NONE);
	if (!ctxt)
		return cm_err_set(err, CM_ENOMEM, "cannot start the html parser");
	st.ctxt = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				 HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
	if (!declares_charset(html, len)) {
		enum textenc enc = textenc_detect(html, len);

		if (enc == TEXTENC_CP1252) {
			xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler("WINDOWS-1252");

			if (h)
				xmlSwitchToEncoding(ctxt, h);
		} else if (enc == TEXTENC_UTF8) {
			xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
		}
	}
	if (!has_root(html, len))
		htmlParseChunk(ctxt, "<body>", 6, 0);	/* a fragment of many elements: one root */
	while (off < len && !st.truncated) {
		size_t n = len - off < HTML_CHUNK ? len - off : HTML_CHUNK;

		htmlParseChunk(ctxt, (const char *)html + off, (int)n, 0);
		off += n;
		if (ctxt->instate == XML_PARSER_EOF)
			break;
	}
	if (!st.truncated)
		htmlParseChunk(ctxt, NULL, 0, 1);
	newline(&st);
	while (out->len > st.start + 1 && out->buf[out->len - 1] == '\n' && out->buf[out->len - 2] == '\n')
		sbuf_setlen(out, out->len - 1);	/* the text ends with one line end, a last paragraph's or heading's too */
	if (sbuf_oom(out))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory holding html text");
	if (st.truncated)
		*truncated = true;
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	htmlFreeParserCtxt(ctxt);
	return rc;
}

static int html_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		    struct cm_err *err)
{
	const unsigned char *data;
	size_t len;
	bool trunc = false;
	int rc;

	/* Markup outweighs text, so the input may be larger than max_text; the
	 * unpack cap bounds it (the parser itself keeps no tree). */
	rc = ext_load(in, ctx->opts.max_unpacked, &data, &len, &trunc, err);
	if (rc)
		return rc;
	rc = ext_html_to_text(data, len, ctx->opts.max_text, &out->text, &out->truncated, err);
	out->truncated |= trunc;
	return rc;
}

const struct extractor ext_html = { "text/html", html_run, false };
const struct extractor ext_xhtml = { "application/xhtml+xml", html_run, false };
