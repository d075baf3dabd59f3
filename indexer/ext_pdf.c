/*
 * ext_pdf.c - PDF through pdftotext, with OCR for pages without a text layer
 *
 * pdftotext (poppler-utils) writes UTF-8 with a form feed after every page;
 * the form feeds are kept between pages.  A page with fewer than
 * PDF_MIN_PAGE_CHARS non-space characters has no usable text layer (a scan,
 * or text drawn as vector outlines).  When the document as a whole lacks
 * text, those pages are rendered with pdftoppm and read by tesseract (if
 * installed and opts.ocr allows); otherwise the document fails with
 * "no text layer" rather than being indexed empty.
 */
#include "ext.h"
#include "textenc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	PDF_MIN_PAGE_CHARS = 20,    /* a real page of minutes has hundreds; a logo or page number ~5 */
	PDF_OCR_DPI = 300           /* tesseract's accuracy drops sharply below ~250 dpi */
};

struct pdf_page {
	size_t off, len;            /* the page's text in the pdftotext output */
	size_t chars;               /* non-space characters on it */
};

/* Split pdftotext output at form feeds. */
static struct pdf_page *pages_split(const struct sbuf *t, size_t *np)
{
	const char *s = sbuf_str(t);
	size_t n = 0, i, start = 0, k = 0;
	struct pdf_page *p;

	for (i = 0; i < t->len; i++)
		n += s[i] == '\f';
	if (t->len && s[t->len - 1] != '\f')
		n++;            /* output cut at the cap: a last, partial page */
	p = calloc(n ? n : 1, sizeof *p);
	if (!p)
		return NULL;
	for (i = 0; i < t->len && k < n; i++) {
		if (s[i] == '\f' || i + 1 == t->len) {
			size_t end = s[i] == '\f' ? i : i + 1;

			p[k].off = start;
			p[k].len = end - start;
			p[k].chars = textenc_count_nonspace(s + start, end - start);
			k++;
			start = i + 1;
		}
	}
	*np = k;
	return p;
}

static bool have_prog(int *cache, const char *prog)
{
	if (*cache < 0)
		*cache = spawn_has_program(prog);
	return *cache > 0;
}

/* Render page `pageno` (1-based) and OCR it, appending the text to `dst`. */
static int ocr_page(struct extract_ctx *ctx, const char *path, size_t pageno,
		    struct sbuf *dst, struct cm_err *err)
{
	char *prefix = NULL, *img = NULL, num[32], dpi[16];
	int rc;

	snprintf(num, sizeof num, "%zu", pageno);
	snprintf(dpi, sizeof dpi, "%d", PDF_OCR_DPI);
	rc = ext_tmpname(ctx, NULL, &prefix, err);
	if (rc)
		goto out;
	if (asprintf(&img, "%s.pgm", prefix) < 0) {
		img = NULL;
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	{
		const char *const argv[] = { "pdftoppm", "-r", dpi, "-gray", "-f", num, "-l", num,
					     "-singlefile", path, prefix, NULL };

		rc = ext_spawn(ctx, argv, 64 * 1024, NULL, NULL, err);
		if (rc)
			goto out;
	}
	{
		const char *const argv[] = { "tesseract", img, "-", "-l", "eng", NULL };
		size_t before = dst->len;

		rc = ext_spawn(ctx, argv, ctx->opts.max_text, dst, NULL, err);
		/* tesseract ends each page with its own form feed; pages are ours to separate. */
		while (dst->len > before && (dst->buf[dst->len - 1] == '\f' || dst->buf[dst->len - 1] == '\n'))
			sbuf_setlen(dst, dst->len - 1);
	}
out:
	if (img)
		unlink(img);
	free(img);
	free(prefix);
	return rc;
}

/* "Syntax Error: Couldn't read xref table" -> "couldn't read xref table" */
static const char *poppler_reason(const char *line)
{
	const char *c = strstr(line, "Error");

	if (c) {
		c = strchr(c, ':');
		if (c) {
			while (*++c == ' ')
				;
			return c;
		}
	}
	return line;
}

static int pdf_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	struct spawn_result res = {0};
	struct sbuf raw = {0}, ocrtext = {0};
	struct pdf_page *pages = NULL;
	size_t np = 0, i, total = 0, low = 0, done = 0;
	const char *path;
	bool want_ocr, can_ocr;
	int rc;

	rc = ext_path(ctx, in, &path, err);
	if (rc)
		return rc;
	{
		const char *const argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

		rc = ext_spawn(ctx, argv, ctx->opts.max_text, &raw, &res, err);
	}
	if (rc == CM_EFORMAT && res.exit_status == 1) {
		rc = cm_err_set(err, CM_EFORMAT, "damaged or truncated pdf: %s",
				res.err_line[0] ? poppler_reason(res.err_line) : "pdftotext cannot open it");
		goto out;
	}
	if (rc == CM_EFORMAT && res.exit_status == 3) {
		rc = cm_err_set(err, CM_EUNSUPPORTED, "encrypted pdf: text extraction not permitted");
		goto out;
	}
	if (rc == CM_ENOTFOUND) {
		rc = cm_err_set(err, CM_EUNSUPPORTED, "pdftotext is not installed (poppler-utils)");
		goto out;
	}
	if (rc)
		goto out;
	out->truncated = res.truncated;
	textenc_clean(&raw, 0, raw.len, NULL);
	pages = pages_split(&raw, &np);
	if (!pages) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < np; i++) {
		total += pages[i].chars;
		low += pages[i].chars < PDF_MIN_PAGE_CHARS;
	}
	if (np == 0 && res.err_line[0]) {
		rc = cm_err_set(err, CM_EFORMAT, "damaged pdf: %s", poppler_reason(res.err_line));
		goto out;
	}
	/* Needs OCR: too little text on average, or most pages are blank (scans
	 * with a typed cover note).  Only the low-text pages are OCR'd. */
	want_ocr = np > 0 && (total < (size_t)PDF_MIN_PAGE_CHARS * np || low * 2 > np);
	if (ctx->opts.ocr == EXTRACT_OCR_ALWAYS)
		want_ocr = true;
	can_ocr = ctx->opts.ocr != EXTRACT_OCR_NEVER && have_prog(&ctx->tesseract, "tesseract") &&
		  have_prog(&ctx->pdftoppm, "pdftoppm");
	if (want_ocr && !can_ocr && ctx->opts.ocr == EXTRACT_OCR_ALWAYS) {
		rc = cm_err_set(err, CM_EUNSUPPORTED, "ocr requested but tesseract or pdftoppm is not installed");
		goto out;
	}
	if (!want_ocr || !can_ocr) {
		if (total < (size_t)PDF_MIN_PAGE_CHARS * (np ? np : 1)) {
			rc = cm_err_set(err, CM_EFORMAT, "no text layer%s",
					ctx->opts.ocr == EXTRACT_OCR_NEVER ? " (ocr disabled)"
					: " (tesseract not installed)");
			goto out;
		}
		for (i = 0; i < np; i++) {
			if (i)
				sbuf_addch(&out->text, '\f');
			sbuf_add(&out->text, raw.buf + pages[i].off, pages[i].len);
		}
		goto out;
	}
	for (i = 0; i < np; i++) {
		bool ocr_this = ctx->opts.ocr == EXTRACT_OCR_ALWAYS || pages[i].chars < PDF_MIN_PAGE_CHARS;

		if (i)
			sbuf_addch(&out->text, '\f');
		if (ocr_this && done < ctx->opts.max_ocr_pages) {
			sbuf_reset(&ocrtext);
			rc = ocr_page(ctx, path, i + 1, &ocrtext, err);
			if (rc) {
				char why[CM_ERR_MSG_MAX];

				snprintf(why, sizeof why, "%s", err ? err->msg : "");
				rc = cm_err_set(err, rc, "ocr of page %zu failed: %s", i + 1, why);
				goto out;
			}
			done++;
			out->ocr = true;
			/* Keep the text layer when OCR found less (a page of figures). */
			if (textenc_count_nonspace(sbuf_str(&ocrtext), ocrtext.len) >= pages[i].chars) {
				sbuf_add(&out->text, ocrtext.buf ? ocrtext.buf : "", ocrtext.len);
				continue;
			}
		}
		sbuf_add(&out->text, raw.buf + pages[i].off, pages[i].len);
	}
	if (!textenc_has_text(sbuf_str(&out->text), out->text.len))
		rc = cm_err_set(err, CM_EFORMAT, "no text layer and ocr found no text");
out:
	free(pages);
	sbuf_release(&raw);
	sbuf_release(&ocrtext);
	return rc;
}

const struct extractor ext_pdf = { "application/pdf", pdf_run, false };
