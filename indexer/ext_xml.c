/*
 * ext_xml.c - text out of office XML (DOCX word/document.xml, ODT content.xml)
 *
 * A streaming libxml2 xmlTextReader walk, so memory stays flat whatever the
 * document's size.  What each element means (paragraph, tab, table cell,
 * skip) comes from a per-format rule table passed in by ext_docx.c/ext_odt.c.
 * Paragraphs end lines; a table cell ends with a tab instead of its last
 * newline, and a row with a newline.  A format may pass hooks that see
 * paragraph and run properties: they give a paragraph a list label ("2. ")
 * and say which text is bold, and the walker writes the label and wraps a
 * leading bold heading in "**" when the paragraph ends (see ext.h).  No
 * DTDs, no network, no entity expansion beyond the predefined ones.
 */
#include "ext.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

enum {
	XML_MAX_SPACES = 64     /* text:s c="1000000" must not cost a megabyte */
};

struct xstate {
	struct sbuf *out;
	size_t start;           /* where this document's text starts in out */
	int skip_depth;         /* depth of the element being skipped, -1 when none */
	int text_depth;         /* depth of the innermost EXT_XML_TEXT element, -1 when none */
	unsigned cells;         /* table cells open */
	const struct ext_xml_hooks *hooks;  /* the format's callbacks, NULL for none */
	unsigned paras;         /* paragraphs open (a text box's paragraphs sit inside one) */
	size_t para_start;      /* where the outermost open paragraph's text starts in out */
	size_t bold_end;        /* end of its leading bold text so far; para_start when none */
	bool plain;             /* it has text that is not bold (or comes from a nested paragraph) */
	struct ext_xml_para para;   /* what the hooks said about it */
};

static enum ext_xml_action rule_for(const struct ext_xml_format *fmt, const xmlChar *local)
{
	const struct ext_xml_rule *r;

	if (!local)
		return EXT_XML_NONE;
	for (r = fmt->rules; r->local; r++)
		if (!strcmp(r->local, (const char *)local))
			return r->action;
	return EXT_XML_NONE;
}

/* Drop spaces and tabs at the end of the text emitted so far. */
static void trim_end(struct xstate *st)
{
	struct sbuf *o = st->out;

	while (o->len > st->start && (o->buf[o->len - 1] == ' ' || o->buf[o->len - 1] == '\t'))
		sbuf_setlen(o, o->len - 1);
}

static void newline(struct xstate *st)
{
	trim_end(st);
	if (st->out->len > st->start && st->out->buf[st->out->len - 1] != '\n')
		sbuf_addch(st->out, '\n');
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A byte of a word: a letter or digit, or any byte of a UTF-8 sequence ("Maslow’s"). */
static bool is_word(char c)
{
	unsigned char u = (unsigned char)c;

	return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
}

/* Insert s[0..n) at offset `at` of out (on failure out->oom is set). */
static void insert_at(struct sbuf *o, size_t at, const char *s, size_t n)
{
	size_t old = o->len;

	assert(at <= old);
	sbuf_add(o, s, n);
	if (o->len != old + n)
		return;
	memmove(o->buf + at + n, o->buf + at, old - at);
	memcpy(o->buf + at, s, n);
}

static void para_begin(struct xstate *st)
{
	st->para_start = st->out->len;
	st->bold_end = st->out->len;
	st->plain = false;
	memset(&st->para, 0, sizeof st->para);
}

/* Text out[from..] was just added: note whether it extends the leading bold. */
static void para_text(struct xstate *st, size_t from)
{
	const struct sbuf *o = st->out;
	size_t i = from;

	while (i < o->len && (is_blank(o->buf[i]) || o->buf[i] == '\n'))
		i++;
	if (i == o->len || !st->paras)
		return;
	if (st->para.bold && !st->plain && st->paras == 1)
		st->bold_end = o->len;
	else
		st->plain = true;
}

/*
 * The outermost paragraph ends: wrap its leading bold text in "**" (one
 * line, short, not in a table cell: a bold cell is a table's header, not
 * a heading of the minutes) and put its list label in front.  An empty
 * paragraph gets no label: Word shows a bare number there, but a number
 * alone on a line would make the parser take the next line for a title.
 */
static void para_end(struct xstate *st)
{
	struct sbuf *o = st->out;
	size_t s = st->para_start, be = st->bold_end;
	bool wrap;

	trim_end(st);
	if (be > o->len)
		be = o->len;    /* the trailing blanks it ended with are gone */
	while (s < o->len && is_blank(o->buf[s]))
		s++;
	if (s >= o->len)
		return;
	while (be > s && is_blank(o->buf[be - 1]))
		be--;
	/* bold that stops inside a word ("Community Spac" + "e:") takes the whole word */
	while (be > s && be < o->len && is_word(o->buf[be - 1]) && is_word(o->buf[be]))
		be++;
	wrap = be > s && be - s < EXT_XML_BOLD_MAX && !st->cells &&
	       !memchr(o->buf + s, '\n', be - s) && !memmem(o->buf + s, be - s, "**", 2);
	if (!wrap && !st->para.label[0])
		return;
	/* the label or the "**" starts the line, as in Markdown */
	memmove(o->buf + st->para_start, o->buf + s, o->len - s + 1);
	o->len -= s - st->para_start;
	be -= s - st->para_start;
	s = st->para_start;
	if (wrap) {
		insert_at(o, be, "**", 2);
		insert_at(o, s, "**", 2);
	}
	if (st->para.label[0])
		insert_at(o, s, st->para.label, strlen(st->para.label));
}

static void hook(struct xstate *st, xmlTextReaderPtr r, enum ext_xml_action a, bool end)
{
	if (st->hooks && st->hooks->element && st->paras <= 1)
		st->hooks->element(st->hooks->ud, r, a, end, &st->para);
}

static void element_end(struct xstate *st, enum ext_xml_action a)
{
	struct sbuf *o = st->out;

	switch (a) {
	case EXT_XML_PARA:
		if (st->paras == 1)
			para_end(st);
		if (st->paras)
			st->paras--;
		newline(st);
		break;
	case EXT_XML_CELL:
		/* one-paragraph cells sit side by side; longer ones keep their lines */
		if (st->cells)
			st->cells--;
		trim_end(st);
		if (o->len > st->start && o->buf[o->len - 1] == '\n')
			sbuf_setlen(o, o->len - 1);
		sbuf_addch(o, '\t');
		break;
	case EXT_XML_ROW:
		newline(st);
		break;
	default:
		break;
	}
}

int ext_xml_to_text(const struct ext_xml_format *fmt, const struct ext_xml_hooks *hooks,
		    const char *xml, size_t len, size_t cap, struct sbuf *out, bool *truncated,
		    struct cm_err *err)
{
	struct xstate st = { .out = out, .start = out->len, .skip_depth = -1, .text_depth = -1,
			     .hooks = hooks };
	xmlTextReaderPtr r;
	int ret, rc = CM_OK;

	if (len > (size_t)0x7fffffff)
		return cm_err_set(err, CM_EUNSUPPORTED, "xml part over 2 GiB");
	r = xmlReaderForMemory(xml, (int)len, NULL, NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!r)
		return cm_err_set(err, CM_ENOMEM, "cannot start the xml reader");
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
		enum ext_xml_action a;

		if (st.skip_depth >= 0) {
			if (type == XML_READER_TYPE_END_ELEMENT && depth == st.skip_depth)
				st.skip_depth = -1;
			continue;
		}
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			a = rule_for(fmt, xmlTextReaderConstLocalName(r));
			if (a == EXT_XML_PROPS) {
				hook(&st, r, a, false);
				a = EXT_XML_SKIP;
			}
			if (a == EXT_XML_SKIP) {
				if (!xmlTextReaderIsEmptyElement(r))
					st.skip_depth = depth;
				break;
			}
			if (a == EXT_XML_PARA) {
				if (!st.paras++)
					para_begin(&st);
				else
					st.plain = true;    /* a text box inside: not one heading */
				hook(&st, r, a, false);
			} else if (a == EXT_XML_SPAN) {
				hook(&st, r, a, false);
				if (xmlTextReaderIsEmptyElement(r))
					hook(&st, r, a, true);
			}
			if (a == EXT_XML_TEXT && !xmlTextReaderIsEmptyElement(r))
				st.text_depth = depth;
			else if (a == EXT_XML_TAB)
				sbuf_addch(out, '\t');
			else if (a == EXT_XML_BREAK)
				sbuf_addch(out, '\n');
			else if (a == EXT_XML_SPACES) {
				xmlChar *c = xmlTextReaderGetAttributeNo(r, 0);
				long n = 1;

				if (c) {
					n = strtol((const char *)c, NULL, 10);
					xmlFree(c);
				}
				for (long i = 0; i < n && i < XML_MAX_SPACES; i++)
					sbuf_addch(out, ' ');
			} else if (a == EXT_XML_CELL && !xmlTextReaderIsEmptyElement(r)) {
				st.cells++;
			} else if (xmlTextReaderIsEmptyElement(r)) {
				element_end(&st, a);
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			a = rule_for(fmt, xmlTextReaderConstLocalName(r));
			if (a == EXT_XML_TEXT && depth == st.text_depth)
				st.text_depth = -1;
			if (a == EXT_XML_SPAN)
				hook(&st, r, a, true);
			element_end(&st, a);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (!fmt->text_only_in_text || st.text_depth >= 0) {
				const xmlChar *v = xmlTextReaderConstValue(r);
				size_t from = out->len;

				if (v)
					sbuf_adds(out, (const char *)v);
				para_text(&st, from);
			}
			break;
		default:
			break;
		}
		if (out->len - st.start > cap) {
			*truncated = true;
			break;
		}
		if (sbuf_oom(out)) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory reading xml");
			break;
		}
	}
	if (ret < 0 && rc == CM_OK && out->len == st.start)
		rc = cm_err_set(err, CM_EFORMAT, "malformed xml");
	/* A document cut short still gives the text before the damage. */
	newline(&st);
	xmlFreeTextReader(r);
	return rc;
}

int ext_office_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   const char *part, const struct ext_xml_format *fmt,
		   const struct ext_xml_hooks *hooks, const char *what, struct cm_err *err)
{
	struct sbuf xml = {0};
	int rc;

	rc = ext_zip_member(ctx, in, part, &xml, err);
	if (rc == CM_EFORMAT || rc == CM_ENOTFOUND) {
		char why[CM_ERR_MSG_MAX];

		snprintf(why, sizeof why, "%s", err ? err->msg : "");
		rc = cm_err_set(err, CM_EFORMAT, "damaged %s: %s", what, why);
	}
	if (rc == CM_OK)
		rc = ext_xml_to_text(fmt, hooks, sbuf_str(&xml), xml.len, ctx->opts.max_text,
				     &out->text, &out->truncated, err);
	sbuf_release(&xml);
	return rc;
}
