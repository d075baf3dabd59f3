/*
 * ext_doc.c - Word 97-2003 (.doc) through antiword
 *
 * antiword writes UTF-8 with -m UTF-8.txt; -w 0 stops it wrapping lines.
 * It draws tables as |cell|cell| rows padded with spaces: those become
 * tab-separated cells, and its "[pic]" placeholders are dropped.
 */
#include "ext.h"
#include "textenc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rewrite antiword's table rows and picture markers, line by line. */
static void doc_tidy(const struct sbuf *raw, struct sbuf *out)
{
	const char *s = sbuf_str(raw), *end = s + raw->len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *b = s;
		size_t start = out->len;

		while (b < e && *b == ' ')
			b++;
		while (e > b && e[-1] == ' ')
			e--;
		if (e - b >= 2 && *b == '|' && e[-1] == '|') {
			const char *p;

			for (p = b + 1; p < e - 1; p++)
				sbuf_addch(out, *p == '|' ? '\t' : *p);
		} else {
			sbuf_add(out, s, (size_t)(e - s));
		}
		/* drop "[pic]" and trailing blanks */
		for (;;) {
			char *pic = out->buf ? memmem(out->buf + start, out->len - start, "[pic]", 5) : NULL;

			if (!pic)
				break;
			memmove(pic, pic + 5, out->len - (size_t)(pic + 5 - out->buf));
			out->len -= 5;
			out->buf[out->len] = '\0';
		}
		while (out->len > start && (out->buf[out->len - 1] == ' ' || out->buf[out->len - 1] == '\t'))
			sbuf_setlen(out, out->len - 1);
		/* collapse runs of padding spaces inside table cells */
		{
			size_t i, o = start;

			for (i = start; i < out->len; i++) {
				if (out->buf[i] == ' ' && o > start && (out->buf[o - 1] == ' ' || out->buf[o - 1] == '\t'))
					continue;
				if (out->buf[i] == '\t' && o > start && out->buf[o - 1] == ' ')
					o--;
				out->buf[o++] = out->buf[i];
			}
			sbuf_setlen(out, o);
		}
		sbuf_addch(out, '\n');
		s = nl ? nl + 1 : end;
	}
}

static int doc_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	struct spawn_result res = {0};
	struct sbuf raw = {0};
	const char *path;
	int rc;

	rc = ext_path(ctx, in, &path, err);
	if (rc)
		return rc;
	{
		const char *const argv[] = { "antiword", "-m", "UTF-8.txt", "-w", "0", path, NULL };

		rc = ext_spawn(ctx, argv, ctx->opts.max_text, &raw, &res, err);
	}
	if (rc == CM_ENOTFOUND)
		rc = cm_err_set(err, CM_EUNSUPPORTED, "antiword is not installed");
	else if (rc == CM_EFORMAT && res.err_line[0])
		rc = cm_err_set(err, CM_EFORMAT, "antiword cannot read it: %s", res.err_line);
	if (rc == CM_OK) {
		out->truncated = res.truncated;
		doc_tidy(&raw, &out->text);
	}
	sbuf_release(&raw);
	return rc;
}

const struct extractor ext_doc = { "application/msword", doc_run, false };
