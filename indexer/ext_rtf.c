/*
 * ext_rtf.c - Rich Text Format through unrtf
 *
 * unrtf --html rather than --text: its text mode writes 8-bit characters in
 * the document's code page and "?" for \uN escapes, while its HTML mode
 * writes entities for both, which ext_html.c decodes exactly.  The banner
 * ("Translation from RTF performed by UnRTF") is an HTML comment there, so
 * it never reaches the text.  --nopict stops it writing image files.
 */
#include "ext.h"

#include <stdio.h>
#include <stdlib.h>

static int rtf_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	struct spawn_result res = {0};
	struct sbuf html = {0};
	const char *path;
	int rc;

	rc = ext_path(ctx, in, &path, err);
	if (rc)
		return rc;
	{
		/* HTML is several times the text; the text cap is applied after parsing. */
		const char *const argv[] = { "unrtf", "--nopict", "--html", path, NULL };

		rc = ext_spawn(ctx, argv, ctx->opts.max_unpacked, &html, &res, err);
	}
	if (rc == CM_ENOTFOUND)
		rc = cm_err_set(err, CM_EUNSUPPORTED, "unrtf is not installed");
	if (rc == CM_OK)
		rc = ext_html_to_text((const unsigned char *)sbuf_str(&html), html.len, ctx->opts.max_text,
				      &out->text, &out->truncated, err);
	if (rc == CM_OK && res.truncated)
		out->truncated = true;
	sbuf_release(&html);
	return rc;
}

const struct extractor ext_rtf = { "text/rtf", rtf_run, false };
const struct extractor ext_rtf_app = { "application/rtf", rtf_run, false };
