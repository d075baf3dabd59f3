/*
 * ext_docx.c - Word 2007+ (.docx)
 *
 * A zip whose word/document.xml holds the body; ext_xml.c reads the part and
 * walks it under the rule table below.  Headers, footers, comments, field
 * codes and tracked deletions are left out; tables become tab-separated rows.
 * Hooks on paragraph and run properties put Word's automatic list labels in
 * front of paragraphs ("2. ", from styles.xml and numbering.xml through
 * docx_style.c) and tell the walker which text is bold, so a bold heading
 * comes out as "**Apologies:**" (see ext.h).
 */
#include "ext.h"
#include "docx_style.h"

#include <string.h>

#include <libxml/xmlreader.h>

enum {
	DOCX_STYLE_ID_MAX = 128     /* style ids are short names ("Heading1", "ListParagraph") */
};

/* What the hooks keep between calls, for one document. */
struct docx_hooks {
	struct docx_style *ds;      /* styles and lists; NULL when they could not be read */
	char pstyle[DOCX_STYLE_ID_MAX];  /* the paragraph's w:pStyle, "" for the default style */
	bool para_bold;             /* runs of this paragraph are bold unless they say otherwise */
};

static const struct ext_xml_rule docx_rules[] = {
	{ "p", EXT_XML_PARA },
	{ "t", EXT_XML_TEXT },            /* w:t, and a:t in text boxes and shapes */
	{ "tab", EXT_XML_TAB },
	{ "br", EXT_XML_BREAK },
	{ "cr", EXT_XML_BREAK },
	{ "tc", EXT_XML_CELL },
	{ "tr", EXT_XML_ROW },
	{ "r", EXT_XML_SPAN },            /* a run: bold or not */
	/* properties: style, list, bold, and tab stops (w:tabs/w:tab) that are not text */
	{ "pPr", EXT_XML_PROPS },
	{ "rPr", EXT_XML_PROPS },
	{ "sectPr", EXT_XML_SKIP },
	{ "tblPr", EXT_XML_SKIP },
	{ "tblGrid", EXT_XML_SKIP },
	{ "trPr", EXT_XML_SKIP },
	{ "tcPr", EXT_XML_SKIP },
	{ "instrText", EXT_XML_SKIP },    /* field codes: PAGE, TOC \o "1-3" */
	{ "delText", EXT_XML_SKIP },      /* tracked deletions */
	{ "delInstrText", EXT_XML_SKIP },
	{ "Fallback", EXT_XML_SKIP },     /* mc:Fallback repeats mc:Choice (text boxes twice) */
	{ NULL, EXT_XML_NONE }
};
static const struct ext_xml_format docx_format = { docx_rules, true };

static const char *pstyle_of(const struct docx_hooks *h)
{
	return h->pstyle[0] ? h->pstyle : NULL;
}

/* The walker's hook: paragraph start, w:pPr, run start and w:rPr. */
static void docx_element(void *ud, struct _xmlTextReader *r, enum ext_xml_action a, bool end,
			 struct ext_xml_para *para)
{
	struct docx_hooks *h = ud;
	const char *name = (const char *)xmlTextReaderConstLocalName(r);

	if (end || !name)
		return;
	if (a == EXT_XML_PARA) {
		/* until a w:pPr says otherwise: the default paragraph style */
		h->pstyle[0] = '\0';
		h->para_bold = docx_style_para_bold(h->ds, NULL);
		para->bold = h->para_bold;
	} else if (a == EXT_XML_SPAN) {
		para->bold = h->para_bold;      /* a run without w:rPr */
	} else if (!strcmp(name, "pPr")) {
		const xmlNode *ppr = xmlTextReaderIsEmptyElement(r) ? NULL : xmlTextReaderExpand(r);

		docx_style_para(h->ds, ppr, h->pstyle, sizeof h->pstyle, para->label,
				sizeof para->label);
		h->para_bold = docx_style_para_bold(h->ds, pstyle_of(h));
	} else if (!strcmp(name, "rPr")) {
		const xmlNode *rpr = xmlTextReaderIsEmptyElement(r) ? NULL : xmlTextReaderExpand(r);

		para->bold = docx_style_run_bold(h->ds, rpr, h->para_bold);
	}
}

/* Read an optional part into sb: absent or unreadable leaves it empty; only CM_ENOMEM fails. */
static int docx_part(struct extract_ctx *ctx, struct ext_input *in, const char *part,
		     struct sbuf *sb, struct cm_err *err)
{
	struct cm_err perr = {0};
	int rc = ext_zip_member(ctx, in, part, sb, &perr);

	if (rc == CM_ENOMEM)
		return cm_err_set(err, rc, "%s", perr.msg);
	if (rc != CM_OK)
		sbuf_reset(sb);
	return CM_OK;
}

static int docx_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		    struct cm_err *err)
{
	struct sbuf styles = {0}, numbering = {0};
	struct docx_hooks h = { 0 };
	const struct ext_xml_hooks hooks = { docx_element, &h };
	int rc;

	rc = docx_part(ctx, in, "word/styles.xml", &styles, err);
	if (rc == CM_OK)
		rc = docx_part(ctx, in, "word/numbering.xml", &numbering, err);
	if (rc == CM_OK)
		rc = docx_style_new(sbuf_str(&styles), styles.len, sbuf_str(&numbering), numbering.len,
				    &h.ds, err);
	sbuf_release(&styles);
	sbuf_release(&numbering);
	if (rc == CM_OK)
		rc = ext_office_run(ctx, in, out, "word/document.xml", &docx_format, &hooks, "docx", err);
	docx_style_free(h.ds);
	return rc;
}

const struct extractor ext_docx = {
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_run, false
};
