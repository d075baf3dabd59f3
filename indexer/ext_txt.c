/*
 * ext_txt.c - plain text and Markdown, and the fallback for unknown types
 *
 * Text is passed through: decoded to UTF-8 (textenc.c picks UTF-16, UTF-8 or
 * Windows-1252) and capped at max_text.  Markdown is indexed as written; its
 * few markup characters do no harm to search.  The fallback takes any type
 * nothing else claims, but only when the bytes look like text, so a binary
 * blob named .pdf is reported, not indexed as gibberish.
 */
#include "ext.h"
#include "textenc.h"

#include <string.h>

enum {
	TXT_SNIFF = 8192    /* bytes examined to tell text from binary */
};

static int txt_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	enum textenc enc = textenc_detect(in->head, in->head_len);
	size_t cap = ctx->opts.max_text, len;
	const unsigned char *data;
	bool trunc = false;
	int rc;

	/* UTF-16 takes two bytes for what UTF-8 says in one; any other encoding
	 * never shrinks, so max_text bytes of input are enough for max_text of output. */
	rc = ext_load(in, enc == TEXTENC_UTF16LE || enc == TEXTENC_UTF16BE ? cap * 2 + 2 : cap + 4,
		      &data, &len, &trunc, err);
	if (rc)
		return rc;
	rc = textenc_to_utf8(data, len, cap, &out->text, &out->truncated, err);
	out->truncated |= trunc;
	return rc;
}

/* True when the bytes hold NULs or many control characters (and are not UTF-16). */
static bool looks_binary(const unsigned char *s, size_t n)
{
	enum textenc enc = textenc_detect(s, n);
	size_t i, ctl = 0;

	if (enc == TEXTENC_UTF16LE || enc == TEXTENC_UTF16BE)
		return false;
	if (n > TXT_SNIFF)
		n = TXT_SNIFF;
	for (i = 0; i < n; i++) {
		if (s[i] == 0)
			return true;
		if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f' &&
		    s[i] != 0x1B)
			ctl++;
	}
	return ctl * 100 > n;   /* more than 1% control bytes */
}

static int fallback_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
			struct cm_err *err)
{
	const char *dot = in->name ? strrchr(in->name, '.') : NULL;

	if (looks_binary(in->head, in->head_len)) {
		if (dot && !strchr(dot, '/') && strlen(dot) <= 6 && dot[1])
			return cm_err_set(err, CM_EUNSUPPORTED,
					  "unsupported content (%s) although the name ends in %s",
					  in->mime, dot);
		return cm_err_set(err, CM_EUNSUPPORTED, "unsupported content (%s)", in->mime);
	}
	return txt_run(ctx, in, out, err);
}

const struct extractor ext_text = { "text/plain", txt_run, false };
const struct extractor ext_markdown = { "text/markdown", txt_run, false };
const struct extractor ext_text_any = { "text/*", txt_run, false };
const struct extractor ext_fallback = { "*/*", fallback_run, false };
