/*
 * ext_docx.c - Word 2007+ (.docx)
 *
 * A zip whose word/document.xml holds the body; ext_xml.c reads the part and
 * walks it under the rule table below.  Headers, footers, comments, field
 * codes and tracked deletions are left out; tables become tab-separated rows.
 */
#include "ext.h"


static const struct ext_xml_rule docx_rules[] = {
	{ "p", EXT_XML_PARA },
	{ "t", EXT_XML_TEXT },            /* w:t, and a:t in text boxes and shapes */
	{ "tab", EXT_XML_TAB },
	{ "br", EXT_XML_BREAK },
	{ "cr", EXT_XML_BREAK },
	{ "tc", EXT_XML_CELL },
	{ "tr", EXT_XML_ROW },
	/* properties hold tab stops (w:tabs/w:tab) but never text */
	{ "pPr", EXT_XML_SKIP },
	{ "rPr", EXT_XML_SKIP },
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

static int docx_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		    struct cm_err *err)
{
	return ext_office_run(ctx, in, out, "word/document.xml", &docx_format, "docx", err);
}

const struct extractor ext_docx = {
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_run, false
};
