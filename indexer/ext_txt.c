/*
 * ext_txt.c - plain text and Markdown, and the fallback for unknown types
 *
 * Text is passed through: decoded to UTF-8 (textenc.c picks UTF-16, UTF-8 or
 * Windows-1252) and capped at max_text.  Markdown is indexed as written (its
 * few markup characters do no harm to search) but for pipe tables, whose rows
 * become tab-separated cells as other formats' tables do.  The fallback takes any type
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

/* The line at s[i..] (without its newline), its start trimmed of spaces: its length, *at its start. */
static size_t md_line(const char *s, size_t len, size_t i, size_t *at)
{
	size_t e = i;

	while (e < len && s[e] != '\n')
		e++;
	*at = i;
	while (*at < e && (s[*at] == ' ' || s[*at] == '\t'))
		(*at)++;
	return e - i;
}

/* "|---|:--:|" - a pipe table's delimiter row. */
static bool md_delimiter_row(const char *s, size_t n)
{
	bool dash = false;

	if (!n || s[0] != '|')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = true;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	}
	return dash;
}

/* One row "| a | b |  |" as "a<TAB>b", as the HTML extractor writes a table row. */
static void md_row_as_cells(const char *s, size_t n, struct sbuf *out)
{
	size_t i = 1, cells = 0, pending = 0;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n > 1 && s[n - 1] == '|' && s[n - 2] != '\\')
		n--;
	while (i <= n) {
		size_t e = i, a, b;

		while (e < n && !(s[e] == '|' && s[e - 1] != '\\'))
			e++;
		for (a = i; a < e && (s[a] == ' ' || s[a] == '\t'); a++)
			;
		for (b = e; b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'); b--)
			;
		if (b > a) {
			/* empty cells between are kept as tabs; trailing ones are dropped */
			for (; pending; pending--)
				sbuf_addch(out, '\t');
			if (cells)
				sbuf_addch(out, '\t');
			sbuf_add(out, s + a, b - a);
			cells++;
		} else if (cells) {
			pending++;
		}
		i = e + 1;
	}
}

/*
 * Markdown pipe tables ("| 45/24 | Apologies | Clerk |" under a header row
 * and a "|---|---|" delimiter row) become rows of tab-separated cells, the
 * form the HTML and Word extractors give tables: a minute number in the
 * first cell then reads as it does in their output, and snippets show no
 * pipes.  Every other line is kept as written.
 */
static void ext_markdown_tables(struct sbuf *text)
{
	struct sbuf out = {0};
	const char *s = text->buf;
	size_t len = text->len, i = 0;
	bool in_table = false, changed = false;

	if (!s || !memchr(s, '|', len))
		return;
	while (i < len) {
		size_t at, n = md_line(s, len, i, &at), body = n - (at - i);

		if (!in_table && body && s[at] == '|' && i + n < len) {
			size_t at2, n2 = md_line(s, len, i + n + 1, &at2);

			in_table = md_delimiter_row(s + at2, n2 - (at2 - (i + n + 1)));
		} else if (in_table && !(body && s[at] == '|')) {
			in_table = false;
		}
		if (in_table && md_delimiter_row(s + at, body)) {
			changed = true;	/* the delimiter row is dropped */
		} else if (in_table) {
			md_row_as_cells(s + at, body, &out);
			sbuf_addch(&out, '\n');
			changed = true;
		} else {
			sbuf_add(&out, s + i, n);
			if (i + n < len)
				sbuf_addch(&out, '\n');
		}
		i += n + 1;
	}
	if (changed && !sbuf_oom(&out)) {
		sbuf_release(text);
		*text = out;
	} else {
		sbuf_release(&out);
	}
}

static int markdown_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
			struct cm_err *err)
{
	int rc = txt_run(ctx, in, out, err);

	if (rc == CM_OK)
		ext_markdown_tables(&out->text);
	return rc;
}

const struct extractor ext_text = { "text/plain", txt_run, false };
const struct extractor ext_markdown = { "text/markdown", markdown_run, false };
const struct extractor ext_text_any = { "text/*", txt_run, false };
const struct extractor ext_fallback = { "*/*", fallback_run, false };
