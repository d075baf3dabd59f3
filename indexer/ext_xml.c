/*
 * ext_xml.c - text out of office XML (DOCX word/document.xml, ODT content.xml)
 *
 * A streaming libxml2 xmlTextReader walk, so memory stays flat whatever the
 * document's size.  What each element means (paragraph, tab, table cell,
 * skip) comes from a per-format rule table passed in by ext_docx.c/ext_odt.c.
 * Paragraphs end lines; a table cell ends with a tab instead of its last
 * newline, and a row with a newline.  No DTDs, no network, no
 * entity expansion beyond the predefined ones.
 */
#include "ext.h"

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

static void element_end(struct xstate *st, enum ext_xml_action a)
{
	struct sbuf *o = st->out;

	switch (a) {
	case EXT_XML_PARA:
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

int ext_xml_to_text(const struct ext_xml_format *fmt, const char *xml, size_t len,
		    size_t cap, struct sbuf *out, bool *truncated, struct cm_err *err)
{
	struct xstate st = { .out = out, .start = out->len, .skip_depth = -1, .text_depth = -1 };
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
			if (a == EXT_XML_SKIP) {
				if (!xmlTextReaderIsEmptyElement(r))
					st.skip_depth = depth;
				break;
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
			element_end(&st, a);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (!fmt->text_only_in_text || st.text_depth >= 0) {
				const xmlChar *v = xmlTextReaderConstValue(r);

				if (v)
					sbuf_adds(out, (const char *)v);
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
		      const char *part, const struct ext_xml_format *fmt, const char *what,
		      struct cm_err *err)
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
		rc = ext_xml_to_text(fmt, sbuf_str(&xml), xml.len, ctx->opts.max_text, &out->text,
				     &out->truncated, err);
	sbuf_release(&xml);
	return rc;
}
