/*
 * ext_pdf.c - PDF through pdftotext, with OCR for pages without a usable text layer
 *
 * pdftotext (poppler-utils) writes UTF-8 with a form feed after every page;
 * the form feeds are kept between pages.  Each page's text is judged:
 * fewer than PDF_MIN_PAGE_CHARS non-space characters is no text layer (a
 * scan, or text drawn as vector outlines), and textq.h flags gibberish (a
 * broken font encoding: "Wkh Frxqflo", U+FFFD, symbols).  With opts.ocr
 * auto, gibberish pages and text-less pages that have ink (a low-resolution
 * pdftoppm render) are rendered and read by tesseract; out->note says which
 * and why.  Without OCR, gibberish text is dropped, and a document left with
 * no text fails with "no text layer" or "gibberish text layer".
 */
#include "ext.h"
#include "textenc.h"
#include "textq.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	PDF_MIN_PAGE_CHARS = 20,    /* a real page of minutes has hundreds; a logo or page number ~5 */
	PDF_OCR_DPI = 300,          /* tesseract's accuracy drops sharply below ~250 dpi */
	/* Ink is looked for at 20 dpi (a page is ~170x220 pixels, rendered in
	 * ~0.1 s); a pixel darker than 200 of 255 is ink. */
	PDF_INK_DPI = 20,
	PDF_INK_LEVEL = 200,
	/* A text-less page with ink on 0.1% of its pixels or more is OCR'd:
	 * one line of text is about 0.3% (a clerk's signature line alone on a
	 * scanned Souldern page: 0.29%).  Measured on the pages with under 20
	 * characters in ../shared/realcorpus{,2}: blank pages in Kent's text
	 * PDFs 0%; outline-drawn and scanned pages 2.2-17.8%. */
	PDF_INK_PERMILLE = 1
};

enum pdf_why {
	PDF_PAGE_OK = 0,            /* the text layer is used */
	PDF_PAGE_EMPTY,             /* fewer than PDF_MIN_PAGE_CHARS characters */
	PDF_PAGE_GIBBERISH,         /* textq says the text is not text */
	PDF_PAGE_NWHY
};

struct pdf_page {
	size_t off, len;            /* the page's text in the pdftotext output */
	size_t chars;               /* non-space characters on it */
	enum pdf_why why;           /* whether its text layer is usable */
	bool ocr;                   /* OCR replaced (or was tried on) its text */
};

/* Split pdftotext output at form feeds and judge each page. */
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
			struct textq q;

			p[k].off = start;
			p[k].len = end - start;
			p[k].chars = textenc_count_nonspace(s + start, end - start);
			textq_measure(s + start, end - start, &q);
			if (p[k].chars < PDF_MIN_PAGE_CHARS)
				p[k].why = PDF_PAGE_EMPTY;
			else if (textq_judge(&q) == TEXTQ_GIBBERISH)
				p[k].why = PDF_PAGE_GIBBERISH;
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

/*
 * Whether page `pageno` (1-based) has ink: rendered at PDF_INK_DPI, at least
 * PDF_INK_PERMILLE of its pixels darker than PDF_INK_LEVEL.  When the render
 * fails the answer is yes, so that OCR is tried and its failure reported.
 */
static bool page_has_ink(struct extract_ctx *ctx, const char *path, size_t pageno)
{
	char *prefix = NULL, *img = NULL, num[32], dpi[16];
	struct cm_err e = { CM_OK, "" };
	bool ink = true;
	FILE *f = NULL;
	unsigned w, h, maxval;
	int c;

	snprintf(num, sizeof num, "%zu", pageno);
	snprintf(dpi, sizeof dpi, "%d", PDF_INK_DPI);
	if (ext_tmpname(ctx, NULL, &prefix, &e) || asprintf(&img, "%s.pgm", prefix) < 0) {
		img = NULL;
		goto out;
	}
	{
		const char *const argv[] = { "pdftoppm", "-r", dpi, "-gray", "-f", num, "-l", num,
					     "-singlefile", path, prefix, NULL };

		if (ext_spawn(ctx, argv, 64 * 1024, NULL, NULL, &e))
			goto out;
	}
	/* pdftoppm writes "P5\n<w> <h>\n255\n", then w*h bytes */
	f = fopen(img, "rb");
	if (!f || fscanf(f, "P5 %u %u %u", &w, &h, &maxval) != 3 || fgetc(f) == EOF ||
	    maxval != 255 || !w || !h)
		goto out;
	{
		size_t px = (size_t)w * h, dark = 0, i;

		for (i = 0; i < px && (c = fgetc(f)) != EOF; i++)
			dark += c < PDF_INK_LEVEL;
		if (i == px)
			ink = dark * 1000 >= px * PDF_INK_PERMILLE;
	}
out:
	if (f)
		fclose(f);
	if (img)
		unlink(img);
	free(img);
	free(prefix);
	return ink;
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
	static const char *const why_note[PDF_PAGE_NWHY] = {
		"ocr: text layer replaced", "ocr: no text layer", "ocr: gibberish text layer"
	};
	struct spawn_result res = {0};
	struct sbuf raw = {0}, ocrtext = {0};
	struct pdf_page *pages = NULL;
	size_t np = 0, i, usable = 0, gib = 0, done = 0;
	const char *path;
	bool *mark = NULL, doc_lacks_text, can_ocr;
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
	mark = calloc(np ? np : 1, sizeof *mark);
	if (!pages || !mark) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < np; i++) {
		if (pages[i].why == PDF_PAGE_OK)
			usable += pages[i].chars;
		gib += pages[i].why == PDF_PAGE_GIBBERISH;
	}
	if (np == 0 && res.err_line[0]) {
		rc = cm_err_set(err, CM_EFORMAT, "damaged pdf: %s", poppler_reason(res.err_line));
		goto out;
	}
	/* Too little usable text on average: without OCR, nothing to index. */
	doc_lacks_text = np > 0 && usable < (size_t)PDF_MIN_PAGE_CHARS * np;
	can_ocr = ctx->opts.ocr != EXTRACT_OCR_NEVER && have_prog(&ctx->tesseract, "tesseract") &&
		  have_prog(&ctx->pdftoppm, "pdftoppm");
	if (!can_ocr && ctx->opts.ocr == EXTRACT_OCR_ALWAYS) {
		rc = cm_err_set(err, CM_EUNSUPPORTED, "ocr requested but tesseract or pdftoppm is not installed");
		goto out;
	}
	if (!can_ocr && doc_lacks_text) {
		rc = cm_err_set(err, CM_EFORMAT, "%s%s",
				gib * 2 > np ? "gibberish text layer" : "no text layer",
				ctx->opts.ocr == EXTRACT_OCR_NEVER ? " (ocr disabled)" : " (tesseract not installed)");
		goto out;
	}
	/* Which pages OCR reads: all (always); else the gibberish ones, and the
	 * text-less ones with ink (outlines, scans), not blank ones. */
	for (i = 0; i < np && can_ocr; i++) {
		if (ctx->opts.ocr == EXTRACT_OCR_ALWAYS || pages[i].why == PDF_PAGE_GIBBERISH)
			pages[i].ocr = true;
		else if (pages[i].why == PDF_PAGE_EMPTY)
			pages[i].ocr = page_has_ink(ctx, path, i + 1);
	}
	for (i = 0; i < np; i++) {
		bool replace = pages[i].why == PDF_PAGE_GIBBERISH;

		if (i)
			sbuf_addch(&out->text, '\f');
		if (pages[i].ocr && done < ctx->opts.max_ocr_pages) {
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
			/* Keep a real text layer when OCR found less (a page of figures). */
			if (replace || textenc_count_nonspace(sbuf_str(&ocrtext), ocrtext.len) >= pages[i].chars) {
				sbuf_add(&out->text, ocrtext.buf ? ocrtext.buf : "", ocrtext.len);
				continue;
			}
		}
		pages[i].ocr = false;
		if (!replace)   /* gibberish is never indexed */
			sbuf_add(&out->text, raw.buf + pages[i].off, pages[i].len);
	}
	for (int w = 0; w < PDF_PAGE_NWHY; w++) {
		for (i = 0; i < np; i++)
			mark[i] = pages[i].ocr && pages[i].why == (enum pdf_why)w;
		ext_note_add(out, why_note[w], mark, np);
	}
	for (i = 0; i < np; i++)
		mark[i] = !pages[i].ocr && pages[i].why == PDF_PAGE_GIBBERISH;
	ext_note_add(out, "gibberish text layer dropped", mark, np);
	if (!textenc_has_text(sbuf_str(&out->text), out->text.len))
		rc = cm_err_set(err, CM_EFORMAT, out->ocr ? "no text layer and ocr found no text"
				: gib ? "gibberish text layer" : "no text layer");
out:
	free(mark);
	free(pages);
	sbuf_release(&raw);
	sbuf_release(&ocrtext);
	return rc;
}

const struct extractor ext_pdf = { "application/pdf", pdf_run, false };
