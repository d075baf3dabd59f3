/*
 * ext_odt.c - OpenDocument text (.odt)
 *
 * A zip whose content.xml holds the body; ext_xml.c reads the part and walks
 * it under the rule table below.  Comments and tracked changes are left out;
 * tables become tab-separated rows, text:s runs of spaces are kept.
 */
#include "ext.h"

static const struct ext_xml_rule odt_rules[] = {
	{ "p", EXT_XML_PARA },
	{ "h", EXT_XML_PARA },
	{ "s", EXT_XML_SPACES },
	{ "tab", EXT_XML_TAB },
	{ "line-break", EXT_XML_BREAK },
	{ "table-cell", EXT_XML_CELL },
	{ "table-row", EXT_XML_ROW },
	{ "annotation", EXT_XML_SKIP },   /* comments */
	{ "tracked-changes", EXT_XML_SKIP },
	{ "automatic-styles", EXT_XML_SKIP },
	{ "font-face-decls", EXT_XML_SKIP },
	{ NULL, EXT_XML_NONE }
};
static const struct ext_xml_format odt_format = { odt_rules, false };

static int odt_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	return ext_office_run(ctx, in, out, "content.xml", &odt_format, NULL, "odt", err);
}

const struct extractor ext_odt = { "application/vnd.oasis.opendocument.text", odt_run, false };
