/*
 * test_extract.c - format detection and text extraction on real files and bad input
 *
 * Samples: corpora/sample/hollinwick-town-council/ (one file per format, made
 * by corpora/make-formats).  Real minutes: ../shared/realcorpus/ (skipped when
 * absent).  Bad input (truncated files, zip and gzip bombs, a 200 MB text
 * file, odd encodings) is generated in a temp dir at test time.  Converter
 * failures are simulated through the spawn seam in extract_opts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <archive.h>
#include <archive_entry.h>
#include <magic.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "indexer/extract.h"
#include "indexer/spawn.h"
#include "extract_test.h"

#define SAMPLE "corpora/sample/hollinwick-town-council/"
#define REAL "../shared/realcorpus/"

struct fixture {
	struct extract_ctx *ctx;
	struct extract_result r;
	char dir[64];
};

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static int setup_opts(void **state, const struct extract_opts *o)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct cm_err err = {0};

	assert_non_null(f);
	assert_int_equal(extract_ctx_new(o, &f->ctx, &err), CM_OK);
	snprintf(f->dir, sizeof f->dir, "/tmp/test-extract-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

/* OCR off unless a test asks for it: OCR costs seconds per page. */
static int setup(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_NEVER };

	return setup_opts(state, &o);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	extract_result_release(&f->r);
	extract_ctx_free(f->ctx);
	nftw(f->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static bool exists(const char *p)
{
	return access(p, R_OK) == 0;
}

static char *path_in(struct fixture *f, const char *name)
{
	static __thread char buf[256];

	snprintf(buf, sizeof buf, "%s/%s", f->dir, name);
	return buf;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Check the invariants every result must hold, whatever the input. */
static void assert_sane_result(const struct extract_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct extract_doc *d = &r->docs[i];

		assert_non_null(d->name);
		assert_non_null(d->mime);
		if (d->code == CM_OK) {
			const unsigned char *s = (const unsigned char *)d->text;

			assert_non_null(d->text);
			assert_null(d->error);
			assert_int_equal(strlen(d->text), d->len);
			for (size_t j = 0; j < d->len; j++) {
				/* no control characters but \n \t \f; and valid UTF-8 */
				if (s[j] < 0x20)
					assert_true(s[j] == '\n' || s[j] == '\t' || s[j] == '\f');
				assert_true(s[j] != 0x7F && s[j] != 0xC0 && s[j] != 0xC1 && s[j] < 0xF5);
			}
		} else {
			assert_null(d->text);
			assert_non_null(d->error);
			assert_true(d->error[0] != '\0');
		}
	}
}

static const struct extract_doc *one_doc(struct fixture *f, const char *path)
{
	struct cm_err err = {0};

	extract_result_release(&f->r);
	assert_int_equal(extract_file(f->ctx, path, &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	assert_int_equal(f->r.n, 1);
	return &f->r.docs[0];
}

static void assert_has(const struct extract_doc *d, const char *s)
{
	if (!d->text || !strstr(d->text, s))
		fail_msg("\"%s\" not in text of %s (%s)", s, d->mime, d->error ? d->error : "ok");
}

static void assert_lacks(const struct extract_doc *d, const char *s)
{
	if (d->text && strstr(d->text, s))
		fail_msg("\"%s\" should not be in text of %s", s, d->mime);
}

/* ---- formats on the samples ------------------------------------------- */

static void test_extract_html_drops_chrome(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "full-council/2024-03-12-minutes.html");

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "text/html");
	assert_has(d, "Minutes - Full Council, 12/03/2024 19:30 - Hollinwick Town Council\n");
	assert_has(d, "\n24/33 Community speed watch\n");
	assert_has(d, "RESOLVED: that the Town Council supports a community speed watch scheme");
	assert_has(d, "Present\tCllr Rosalind Quayle (Mayor)");
	assert_has(d, "Members discussed the residents' request");
	assert_lacks(d, "NAVSCRIPTSECRET");       /* <script> */
	assert_lacks(d, "ANALYTICSTOKEN");
	assert_lacks(d, "font-family");           /* <style> */
	assert_lacks(d, "Meetings calendar");     /* <nav> inside <header> */
	assert_lacks(d, "website banner");        /* <header> outside <main> */
	assert_lacks(d, "Related links");         /* <aside> */
	assert_lacks(d, "Cookies");               /* <footer> */
	assert_lacks(d, "ieListMeetings");
	assert_lacks(d, "Home >");                /* role=navigation breadcrumbs */
	assert_lacks(d, "enable JavaScript");     /* <noscript> */
	assert_lacks(d, "&amp;");
}

static void test_extract_docx_paragraphs_tables_no_fields(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "planning-committee/2024-02-06-minutes.docx");

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	assert_has(d, "HOLLINWICK TOWN COUNCIL\nPLANNING COMMITTEE\n");
	assert_has(d, "\nPresent\tCllr Margaret Ellery (Chair), Cllr Tobias Fenwick");
	assert_has(d, "\n24/09\tPlanning application HW/24/0031: 14 Tannery Lane\n");
	assert_has(d, "RESOLVED: that the Town Council raises no objection");
	assert_lacks(d, "FIELDCODESECRET");       /* w:instrText */
	assert_lacks(d, "DELETEDTEXTSECRET");     /* w:delText */
	assert_lacks(d, "\t\t");                  /* tab stops in w:pPr are not text */
}

static void test_extract_odt_paragraphs_tables_no_comments(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "finance-and-general-purposes-committee/2024-01-16-minutes.odt");

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/vnd.oasis.opendocument.text");
	assert_has(d, "FINANCE AND GENERAL PURPOSES COMMITTEE\n");
	assert_has(d, "\nApologies\tCllr Tobias Fenwick, Cllr Priya Ramaswamy\n");
	assert_has(d, "\n24/03\tMarket Hall roof repairs\n");
	assert_has(d, "Pennine Roofing Ltd of £18,450");
	assert_has(d, "Signed by the Chair");
	assert_lacks(d, "ANNOTATIONSECRET");
}

static void test_extract_rtf_unicode_and_no_banner(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "environment-and-allotments-committee/2023-11-21-minutes.rtf");

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "text/rtf");
	assert_has(d, "Cllr René Dubois");                   /* \'e9 */
	assert_has(d, "Ms Zoë Okonkwo – the clerk – for her ‘tireless’ work.");   /* \uN */
	assert_has(d, "RESOLVED: that plots 12A and 12B be split into half plots.");
	assert_lacks(d, "UnRTF");
	assert_lacks(d, "###");
	assert_lacks(d, "-----------------");
}

static void test_extract_pdf_pages_and_form_feeds(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "full-council/2024-01-09-minutes.pdf");
	const char *ff;

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/pdf");
	assert_has(d, "Flooding at Weaver’s Bridge");
	assert_has(d, "grants of £750 to 1st Hollinwick Scouts");
	ff = strchr(d->text, '\f');
	assert_non_null(ff);                                 /* two pages, one form feed between */
	assert_null(strchr(ff + 1, '\f'));
	assert_non_null(strstr(ff, "24/03 Christmas lights"));
	assert_false(d->ocr);
}

static void test_extract_gzip_text(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, SAMPLE "environment-and-allotments-committee/2023-10-03-minutes.txt.gz");

	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "text/plain");
	assert_string_equal(d->name, "");
	assert_has(d, "Apologies: Cllr René Dubois\n");
	assert_has(d, "allotment rents increase to £42 per full plot");
}

static void test_extract_zip_bundle_one_doc_per_member(void **state)
{
	struct fixture *f = *state;
	struct cm_err err = {0};

	assert_int_equal(extract_file(f->ctx, SAMPLE "staffing-committee/2023-staffing-minutes.zip", &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	assert_int_equal(f->r.n, 2);
	assert_string_equal(f->r.docs[0].name, "2023-11-08-minutes.txt");
	assert_string_equal(f->r.docs[0].mime, "text/plain");
	assert_has(&f->r.docs[0], "Clerk's appraisal");
	assert_string_equal(f->r.docs[1].name, "december/2023-12-13-minutes.md");
	assert_string_equal(f->r.docs[1].mime, "text/markdown");
	assert_has(&f->r.docs[1], "### 23/15 Groundsman post");
}

static void test_extract_buffer_matches_file(void **state)
{
	struct fixture *f = *state;
	const char *p = SAMPLE "planning-committee/2024-02-06-minutes.docx";
	struct extract_result r2 = {0};
	struct cm_err err = {0};
	unsigned char *buf;
	size_t len;

	buf = read_all(p, &len);
	one_doc(f, p);
	assert_int_equal(extract_buffer(f->ctx, buf, len, "member.docx", &r2, &err), CM_OK);
	assert_int_equal(r2.n, 1);
	assert_string_equal(r2.docs[0].text, f->r.docs[0].text);
	extract_result_release(&r2);
	free(buf);
}

/* ---- real minutes ----------------------------------------------------- */

static void test_extract_real_doc_with_antiword(void **state)
{
	struct fixture *f = *state;
	const char *p = REAL "winnipeg-council-hansard/word/Disposition-2015-03-25.doc";
	const struct extract_doc *d;

	if (!exists(p))
		skip();
	d = one_doc(f, p);
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/msword");
	assert_has(d, "MEMBERS PRESENT: His Worship Mayor Bowman");
	assert_lacks(d, "|");
}

static void test_extract_real_html_called_javascript(void **state)
{
	struct fixture *f = *state;
	const char *p = REAL "city-bureau-chicago/listing-pages-html/chi_ssa_21.html";
	const struct extract_doc *d;

	if (!exists(p))
		skip();
	d = one_doc(f, p);          /* libmagic says application/javascript */
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "text/html");
	assert_has(d, "Commission Meetings");
	assert_lacks(d, "function(");
}

static void test_extract_real_markdown_and_docx(void **state)
{
	struct fixture *f = *state;
	const char *md = REAL "rivergrove-oregon/transcription-md/2018-08-13-Minutes.md";
	const char *dx = REAL "winnipeg-council-dispositions/docx/DISPOSITION-2015-09-30.docx";
	const char *lock = REAL "winnipeg-council-hansard/edge-cases/~$sposition-2015-03-25.docx";
	const struct extract_doc *d;

	if (!exists(md) || !exists(dx) || !exists(lock))
		skip();
	d = one_doc(f, md);
	assert_string_equal(d->mime, "text/markdown");
	assert_has(d, "Rivergrove City Council");
	d = one_doc(f, dx);
	assert_int_equal(d->code, CM_OK);
	assert_has(d, "His Worship Mayor Bowman");
	d = one_doc(f, lock);       /* a Word lock file named .docx */
	assert_int_equal(d->code, CM_EUNSUPPORTED);
	assert_non_null(strstr(d->error, ".docx"));
}

/* The fifteen Souldern PDFs listed as NO_TEXT_LAYER in PDF_TEXT_CHECK.tsv. */
static const char *const souldern_scans[] = {
	"agendas/2019-01-22 Agenda.pdf", "agendas/2020-01-30 Agenda.pdf", "agendas/2021-02-25 Agenda.pdf",
	"agendas/2021-11-25 Agenda.pdf", "agendas/2022-11-03 Agenda.pdf",
	"minutes/2018-08-23 SPC minutes.pdf", "minutes/2019-02-28 SPC minutes.pdf",
	"minutes/2019-05-23 Annual Meeting minutes.pdf", "minutes/2019-07-25 SPC minutes.pdf",
	"minutes/2020-07-30 SPC minutes.pdf", "minutes/2020-11-25 SPC minutes.pdf",
	"minutes/2021-03-25 SPC minutes.pdf", "minutes/2021-09-02 SPC minutes.pdf",
	"minutes/2022-05-26 SPC minutes.pdf", "minutes/2022-09-29 SPC minutes.pdf",
};
#define SOULDERN REAL "souldern-parish-council/"

static void test_extract_scanned_pdf_without_ocr_fails(void **state)
{
	struct fixture *f = *state;
	char p[512];

	if (!exists(SOULDERN "minutes"))
		skip();
	for (size_t i = 0; i < sizeof souldern_scans / sizeof souldern_scans[0]; i++) {
		const struct extract_doc *d;

		snprintf(p, sizeof p, SOULDERN "%s", souldern_scans[i]);
		d = one_doc(f, p);
		assert_string_equal(d->mime, "application/pdf");
		if (strstr(p, "2018-08-23")) {
			/* two blank pages and one with a typed note: the note is all there is */
			assert_int_equal(d->code, CM_OK);
			assert_has(d, "Date of next meetings");
			continue;
		}
		if (d->code != CM_EFORMAT || strncmp(d->error, "no text layer", 13))
			fail_msg("%s: expected \"no text layer\", got code %d %s", p, d->code,
				 d->error ? d->error : "(text)");
	}
}

static int setup_ocr(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_AUTO };

	return setup_opts(state, &o);
}

/* OCR three of them (vector outlines, raster scan, mostly blank): ~30 s.
 * EXTRACT_TEST_OCR_ALL=1 does all fifteen. */
static void test_extract_scanned_pdf_ocr(void **state)
{
	struct fixture *f = *state;
	static const char *const some[] = { "minutes/2019-02-28 SPC minutes.pdf",
					    "agendas/2021-02-25 Agenda.pdf",
					    "minutes/2018-08-23 SPC minutes.pdf" };
	bool all = getenv("EXTRACT_TEST_OCR_ALL") != NULL;
	size_t n = all ? sizeof souldern_scans / sizeof souldern_scans[0] : 3;
	char p[512];

	if (!exists(SOULDERN "minutes") || !spawn_has_program("tesseract") || !spawn_has_program("pdftoppm"))
		skip();
	for (size_t i = 0; i < n; i++) {
		const struct extract_doc *d;

		snprintf(p, sizeof p, SOULDERN "%s", all ? souldern_scans[i] : some[i]);
		d = one_doc(f, p);
		if (d->code != CM_OK)
			fail_msg("%s: ocr failed: %s", p, d->error);
		assert_true(d->ocr);
		if (!strcasestr(d->text, "souldern") && !strcasestr(d->text, "parish"))
			fail_msg("%s: ocr text lacks souldern/parish: %.200s", p, d->text);
	}
}

/* ---- unusable text layers (tests/data/mkbrokenpdf.py) ------------------- */

#define BROKEN "tests/data/"

static bool is_pdf_name(const char *p)
{
	size_t n = strlen(p);

	return n > 4 && strcasecmp(p + n - 4, ".pdf") == 0;
}

static void assert_note(const struct extract_doc *d, const char *want)
{
	if (!d->note || !strstr(d->note, want))
		fail_msg("note \"%s\" expected, got \"%s\"", want, d->note ? d->note : "(none)");
}

/* Without OCR a gibberish layer is no layer: the document fails, not indexed as "Wkh Frxqflo". */
static void test_extract_gibberish_pdf_without_ocr_fails(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, BROKEN "broken-caesar.pdf");

	assert_int_equal(d->code, CM_EFORMAT);
	assert_string_equal(d->error, "gibberish text layer (ocr disabled)");
}

/* Some pages gibberish: without OCR they are dropped and the clean page kept. */
static void test_extract_gibberish_pages_dropped_without_ocr(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d = one_doc(f, BROKEN "broken-mixed.pdf");

	assert_int_equal(d->code, CM_OK);
	assert_false(d->ocr);
	assert_has(d, "Apologies for absence were received");
	assert_lacks(d, "Frxqflo");
	assert_lacks(d, "\xEF\xBF\xBD");
	assert_note(d, "gibberish text layer dropped (pages 2-3)");
}

/* With OCR the gibberish pages are read from their images; the clean page is not OCR'd. */
static void test_extract_gibberish_pages_ocr(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d;

	if (!spawn_has_program("tesseract") || !spawn_has_program("pdftoppm"))
		skip();
	d = one_doc(f, BROKEN "broken-mixed.pdf");
	assert_int_equal(d->code, CM_OK);
	assert_true(d->ocr);
	assert_note(d, "ocr: gibberish text layer (pages 2-3)");
	assert_has(d, "Apologies for absence were received");
	assert_has(d, "support the new playground");
	assert_has(d, "quarterly accounts");
	assert_lacks(d, "Frxqflo");
	d = one_doc(f, BROKEN "broken-caesar.pdf");
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->note, "ocr: gibberish text layer");
	assert_has(d, "Church Street");
}

/* The real PDFs of ../shared: no clean text layer is taken for gibberish
 * (the thresholds in textq.c were measured on them). */
static struct fixture *real_fixture;
static size_t real_pdfs, real_flagged;

static int real_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	const struct extract_doc *d;

	(void)st;
	(void)ftw;
	if (flag != FTW_F || !is_pdf_name(p))
		return 0;
	d = one_doc(real_fixture, p);
	real_pdfs++;
	if ((d->note && strstr(d->note, "gibberish")) || (d->error && strstr(d->error, "gibberish"))) {
		print_message("flagged: %s: %s\n", p, d->note ? d->note : d->error);
		real_flagged++;
	}
	return 0;
}

static void test_extract_real_pdfs_not_gibberish(void **state)
{
	if (!exists(REAL) || !exists("../shared/realcorpus2"))
		skip();
	real_fixture = *state;
	real_pdfs = real_flagged = 0;
	assert_int_equal(nftw(REAL, real_one, 8, FTW_PHYS), 0);
	assert_int_equal(nftw("../shared/realcorpus2", real_one, 8, FTW_PHYS), 0);
	assert_true(real_pdfs >= 100);
	assert_int_equal(real_flagged, 0);
}

/* A tab after every word (a producer's quirk) becomes spaces; table tabs stay. */
static void test_extract_tab_per_word_normalised(void **state)
{
	struct fixture *f = *state;
	static const char tabbed[] =
		"MINUTES\tof\tthe\tmeeting\tof\tthe\tParish\tCouncil\theld\tin\tthe\tVillage\tHall\n"
		"The\tCouncil\tresolved\tto\traise\tno\tobjection\tto\tthe\tapplication.\t\n"
		"\fPage\ttwo\tis\tclean:\n"
		"Item  Owner  Due\nHedges\tClerk\tJune\nThe Clerk will write to the owners of the hedges.\n";
	const struct extract_doc *d;

	write_file(path_in(f, "tabbed.txt"), tabbed, sizeof tabbed - 1);
	d = one_doc(f, path_in(f, "tabbed.txt"));
	assert_int_equal(d->code, CM_OK);
	assert_has(d, "The Council resolved to raise no objection");
	assert_has(d, "Hedges\tClerk\tJune");
	assert_note(d, "tabs normalised (page 1)");
}

/* ---- bad input -------------------------------------------------------- */

static void test_extract_empty_file(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d;

	write_file(path_in(f, "empty.pdf"), "", 0);
	d = one_doc(f, path_in(f, "empty.pdf"));
	assert_int_equal(d->code, CM_EFORMAT);
	assert_string_equal(d->error, "empty file");
}

static void test_extract_truncated_pdf(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d;
	unsigned char *buf;
	size_t len;

	buf = read_all(SAMPLE "full-council/2024-01-09-minutes.pdf", &len);
	write_file(path_in(f, "cut.pdf"), buf, len / 2);
	free(buf);
	d = one_doc(f, path_in(f, "cut.pdf"));
	assert_string_equal(d->mime, "application/pdf");
	assert_int_equal(d->code, CM_EFORMAT);
	assert_non_null(strstr(d->error, "truncated pdf"));
}

static void test_extract_truncated_docx(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d;
	unsigned char *buf;
	size_t len;

	buf = read_all(SAMPLE "planning-committee/2024-02-06-minutes.docx", &len);
	write_file(path_in(f, "cut.docx"), buf, len * 2 / 3);
	free(buf);
	d = one_doc(f, path_in(f, "cut.docx"));
	assert_int_not_equal(d->code, CM_OK);
	assert_true(strstr(d->error, "docx") || strstr(d->error, "zip"));
}

static void test_extract_junk_named_pdf(void **state)
{
	struct fixture *f = *state;
	const struct extract_doc *d;
	unsigned char junk[8192];
	uint32_t x = 2463534242u;

	for (size_t i = 0; i < sizeof junk; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		junk[i] = (unsigned char)x;
	}
	write_file(path_in(f, "minutes.pdf"), junk, sizeof junk);
	d = one_doc(f, path_in(f, "minutes.pdf"));
	assert_int_equal(d->code, CM_EUNSUPPORTED);
	assert_non_null(strstr(d->error, ".pdf"));
}

/* Write a zip with libarchive: each member given bytes, or a size of filler text. */
struct zmember {
	const char *name;
	const void *data;       /* NULL: `size` bytes of a repeated line of minutes */
	size_t size;
};

static void make_zip(const char *path, const struct zmember *m, size_t n)
{
	struct archive *a = archive_write_new();
	static char filler[65536];

	for (size_t i = 0; i < sizeof filler; i++)
		filler[i] = "The committee noted the report.\n"[i % 32];

	assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		size_t left = m[i].size;

		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)m[i].size);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		if (m[i].data) {
			assert_int_equal(archive_write_data(a, m[i].data, m[i].size), (la_ssize_t)m[i].size);
		} else {
			while (left) {
				size_t k = left < sizeof filler ? left : sizeof filler;

				assert_int_equal(archive_write_data(a, filler, k), (la_ssize_t)k);
				left -= k;
			}
		}
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

static int setup_small_caps(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_NEVER, .max_unpacked = (size_t)16 << 20,
				  .max_text = (size_t)8 << 20 };

	return setup_opts(state, &o);
}

static void test_extract_zip_bomb_declared_size(void **state)
{
	struct fixture *f = *state;
	static const char ok[] = "Hollinwick minutes: the meeting closed at 8.42 pm.\n";
	const struct zmember m[] = { { "a.txt", ok, sizeof ok - 1 }, { "big.txt", NULL, (size_t)40 << 20 } };
	struct cm_err err = {0};

	make_zip(path_in(f, "bomb.zip"), m, 2);
	assert_int_equal(extract_file(f->ctx, path_in(f, "bomb.zip"), &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	assert_int_equal(f->r.n, 2);
	assert_int_equal(f->r.docs[0].code, CM_OK);       /* the honest member still comes out */
	assert_int_equal(f->r.docs[1].code, CM_EFORMAT);
	assert_string_equal(f->r.docs[1].name, "big.txt");
	assert_non_null(strstr(f->r.docs[1].error, "unpack limit"));
}

static void test_extract_zip_bomb_budget_and_ratio(void **state)
{
	struct fixture *f = *state;
	const struct zmember m[] = { { "1.txt", NULL, (size_t)6 << 20 }, { "2.txt", NULL, (size_t)6 << 20 },
				     { "3.txt", NULL, (size_t)6 << 20 }, { "4.txt", NULL, (size_t)6 << 20 } };
	struct cm_err err = {0};
	size_t bad = 0, good = 0;

	/* 24 MiB of text in ~25 KiB: each member fits the 16 MiB budget, the sum does not */
	make_zip(path_in(f, "many.zip"), m, 4);
	assert_int_equal(extract_file(f->ctx, path_in(f, "many.zip"), &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	for (size_t i = 0; i < f->r.n; i++) {
		if (f->r.docs[i].code == CM_OK) {
			good++;
			continue;
		}
		bad++;
		if (!strstr(f->r.docs[i].error, "limit"))
			fail_msg("unexpected error: %s", f->r.docs[i].error);
	}
	assert_int_equal(good, 2);
	assert_int_equal(bad, 2);       /* 3 and 4 no longer fit what is left of the budget */
}

static void test_extract_zip_nesting_limit(void **state)
{
	struct fixture *f = *state;
	static const char txt[] = "Minutes of the Hollinwick Staffing Committee, deepest level.\n";
	char inner[64], outer[64];
	struct cm_err err = {0};
	const struct extract_doc *d;
	unsigned char *buf;
	size_t len;

	/* level0.zip > level1.zip > level2.zip > level3.zip > deep.txt */
	const struct zmember m0[] = { { "deep.txt", txt, sizeof txt - 1 } };
	make_zip(path_in(f, "level3.zip"), m0, 1);
	for (int lvl = 2; lvl >= 0; lvl--) {
		snprintf(inner, sizeof inner, "level%d.zip", lvl + 1);
		snprintf(outer, sizeof outer, "level%d.zip", lvl);
		buf = read_all(path_in(f, inner), &len);
		{
			const struct zmember m[] = { { inner, buf, len } };

			make_zip(path_in(f, outer), m, 1);
		}
		free(buf);
	}
	assert_int_equal(extract_file(f->ctx, path_in(f, "level0.zip"), &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	assert_int_equal(f->r.n, 1);
	d = &f->r.docs[0];
	assert_string_equal(d->name, "level1.zip/level2.zip/level3.zip");
	assert_int_equal(d->code, CM_EUNSUPPORTED);
	assert_non_null(strstr(d->error, "nested"));

	/* two levels are fine */
	extract_result_release(&f->r);
	assert_int_equal(extract_file(f->ctx, path_in(f, "level2.zip"), &f->r, &err), CM_OK);
	assert_int_equal(f->r.n, 1);
	assert_string_equal(f->r.docs[0].name, "level3.zip/deep.txt");
	assert_has(&f->r.docs[0], "deepest level");
}

/* The members read from one file's zips are capped, and the cut is reported. */
static void test_extract_zip_member_cap(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_NEVER, .max_members = 30 };
	struct fixture *f;
	static const char txt[] = "Minutes of a small meeting.\n";
	struct zmember m[40];
	char names[40][32];
	struct cm_err err = {0};
	size_t ok = 0, cut = 0;

	assert_int_equal(setup_opts(state, &o), 0);
	f = *state;
	for (int i = 0; i < 40; i++) {
		snprintf(names[i], sizeof names[i], "m%02d.txt", i);
		m[i].name = names[i];
		m[i].data = txt;
		m[i].size = sizeof txt - 1;
	}
	make_zip(path_in(f, "many.zip"), m, 40);
	assert_int_equal(extract_file(f->ctx, path_in(f, "many.zip"), &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	for (size_t i = 0; i < f->r.n; i++) {
		if (f->r.docs[i].code == CM_OK)
			ok++;
		else if (strstr(f->r.docs[i].error, "more than 30 files"))
			cut++;
	}
	assert_int_equal(ok, 30);
	assert_int_equal(cut, 1);
	assert_int_equal(f->r.n, 31);
}

/* Fifty zips too deep inside one zip: one failure that counts them, not fifty. */
static void test_extract_zip_too_deep_reported_once(void **state)
{
	struct fixture *f = *state;
	static const char txt[] = "Minutes, too deep to be read.\n";
	const struct zmember leaf[] = { { "deep.txt", txt, sizeof txt - 1 } };
	struct zmember many[50];
	char names[50][32];
	struct cm_err err = {0};
	unsigned char *z, *buf;
	size_t zlen, len;

	make_zip(path_in(f, "leaf.zip"), leaf, 1);
	z = read_all(path_in(f, "leaf.zip"), &zlen);
	for (int i = 0; i < 50; i++) {
		snprintf(names[i], sizeof names[i], "deep-%02d.zip", i);
		many[i].name = names[i];
		many[i].data = z;
		many[i].size = zlen;
	}
	make_zip(path_in(f, "inner.zip"), many, 50);
	free(z);
	/* outer.zip > mid.zip > inner.zip > deep-NN.zip: the last are one level too deep */
	buf = read_all(path_in(f, "inner.zip"), &len);
	{
		const struct zmember m[] = { { "inner.zip", buf, len } };

		make_zip(path_in(f, "mid.zip"), m, 1);
	}
	free(buf);
	buf = read_all(path_in(f, "mid.zip"), &len);
	{
		const struct zmember m[] = { { "mid.zip", buf, len } };

		make_zip(path_in(f, "outer.zip"), m, 1);
	}
	free(buf);
	assert_int_equal(extract_file(f->ctx, path_in(f, "outer.zip"), &f->r, &err), CM_OK);
	assert_sane_result(&f->r);
	assert_int_equal(f->r.n, 1);
	assert_int_equal(f->r.docs[0].code, CM_EUNSUPPORTED);
	assert_string_equal(f->r.docs[0].name, "mid.zip/inner.zip/deep-00.zip");
	assert_non_null(strstr(f->r.docs[0].error, "49 more"));
}

static void test_extract_gzip_bomb(void **state)
{
	struct fixture *f = *state;
	static const char zeros[65536];
	const struct extract_doc *d;
	gzFile gz = gzopen(path_in(f, "bomb.txt.gz"), "wb9");

	assert_non_null(gz);
	for (int i = 0; i < 512; i++)     /* 32 MiB of zeros */
		assert_int_equal(gzwrite(gz, zeros, sizeof zeros), (int)sizeof zeros);
	assert_int_equal(gzclose(gz), Z_OK);
	d = one_doc(f, path_in(f, "bomb.txt.gz"));
	assert_int_equal(d->code, CM_EFORMAT);
	assert_true(strstr(d->error, "limit") || strstr(d->error, "bomb"));
}

static void test_extract_docx_detected_inside_plain_zip(void **state)
{
	struct fixture *f = *state;
	static const char doc[] =
		"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
		"<w:body><w:p><w:r><w:t>Hollinwick &amp; District</w:t></w:r></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">Item </w:t></w:r><w:r><w:t>5</w:t></w:r></w:p></w:body></w:document>";
	/* word/document.xml first: libmagic then calls it a plain zip */
	const struct zmember m[] = { { "word/document.xml", doc, sizeof doc - 1 },
				     { "[Content_Types].xml", "<Types/>", 8 } };
	const struct extract_doc *d;

	make_zip(path_in(f, "odd.docx"), m, 2);
	d = one_doc(f, path_in(f, "odd.docx"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	assert_string_equal(d->text, "Hollinwick & District\nItem 5\n");
}

/* ---- DOCX list labels and bold headings -------------------------------- */

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define REAL2 "../shared/realcorpus2/"

/* A paragraph in list numId N at level L, and plain, bold-led and styled ones. */
#define P_NUM(n, l, text) \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #l "\"/><w:numId w:val=\"" #n "\"/></w:numPr></w:pPr>" \
	"<w:r><w:t>" text "</w:t></w:r></w:p>"
#define P(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define P_STYLE(style, text) \
	"<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define R_BOLD(text) "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define R(text) "<w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
/* One level of an abstract list. */
#define LVL(i, start, fmt, text, extra) \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" fmt "\"/>" \
	"<w:lvlText w:val=\"" text "\"/>" extra "</w:lvl>"

/*
 * Write a .docx holding body (the inside of w:body) and, when not NULL, a
 * numbering.xml and a styles.xml holding `numbering` and `styles` (the
 * insides of their root elements), extract it and return its text.
 */
static const char *docx_text(struct fixture *f, const char *body, const char *numbering,
			     const char *styles)
{
	char *doc = NULL, *num = NULL, *sty = NULL;
	struct zmember m[4] = { { "[Content_Types].xml", "<Types/>", 8 } };
	size_t n = 1;
	const struct extract_doc *d;

	assert_true(asprintf(&doc, "<?xml version=\"1.0\"?><w:document " W_NS "><w:body>%s</w:body></w:document>",
			     body) > 0);
	m[n++] = (struct zmember){ "word/document.xml", doc, strlen(doc) };
	if (numbering) {
		assert_true(asprintf(&num, "<w:numbering " W_NS ">%s</w:numbering>", numbering) > 0);
		m[n++] = (struct zmember){ "word/numbering.xml", num, strlen(num) };
	}
	if (styles) {
		assert_true(asprintf(&sty, "<w:styles " W_NS ">%s</w:styles>", styles) > 0);
		m[n++] = (struct zmember){ "word/styles.xml", sty, strlen(sty) };
	}
	make_zip(path_in(f, "t.docx"), m, n);
	free(doc);
	free(num);
	free(sty);
	d = one_doc(f, path_in(f, "t.docx"));
	assert_int_equal(d->code, CM_OK);
	return d->text;
}

static void test_extract_docx_list_decimal(void **state)
{
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, 1, "decimal", "%1.", "") "</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

	assert_string_equal(docx_text(*state, P_NUM(1, 0, "APOLOGIES") P("Cllr Ames.")
				      P_NUM(1, 0, "MINUTES OF THE OCTOBER MEETING") P_NUM(1, 0, "FINANCE"),
				      numbering, NULL),
			    "1. APOLOGIES\nCllr Ames.\n2. MINUTES OF THE OCTOBER MEETING\n3. FINANCE\n");
	/* no numbering.xml at all: the text as before, no labels */
	assert_string_equal(docx_text(*state, P_NUM(1, 0, "APOLOGIES"), NULL, NULL), "APOLOGIES\n");
}

static void test_extract_docx_list_nested_levels(void **state)
{
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"3\">" LVL(0, 1, "decimal", "%1.", "")
		LVL(1, 1, "decimal", "%1.%2", "") LVL(2, 1, "lowerRoman", "%3)", "") "</w:abstractNum>"
		"<w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>";

	/* a higher level restarts the lower ones */
	assert_string_equal(docx_text(*state, P_NUM(7, 0, "Planning") P_NUM(7, 1, "Tannery Lane")
				      P_NUM(7, 1, "Mill Street") P_NUM(7, 2, "objection") P_NUM(7, 2, "support")
				      P_NUM(7, 0, "Finance") P_NUM(7, 1, "Payments"),
				      numbering, NULL),
			    "1. Planning\n1.1 Tannery Lane\n1.2 Mill Street\ni) objection\nii) support\n"
			    "2. Finance\n2.1 Payments\n");
}

static void test_extract_docx_list_letters_bullets_suffix(void **state)
{
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, 1, "lowerLetter", "(%1)", "") "</w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"1\">" LVL(0, 1, "bullet", "\xef\x82\xb7", "") "</w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"2\">"
		LVL(0, 26, "upperLetter", "%1.", "<w:suff w:val=\"nothing\"/>") "</w:abstractNum>"
		/* a hidden label (w:vanish) is counted, not shown */
		"<w:abstractNum w:abstractNumId=\"3\">"
		LVL(0, 1, "decimal", "%1.", "<w:rPr><w:vanish/></w:rPr>") "</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
		"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"3\"/></w:num>";

	assert_string_equal(docx_text(*state, P_NUM(1, 0, "to note") P_NUM(1, 0, "to agree")
				      P_NUM(2, 0, "the budget") P_NUM(3, 0, "Z") P_NUM(3, 0, "AA")
				      P_NUM(4, 0, "hidden"),
				      numbering, NULL),
			    "(a) to note\n(b) to agree\n\xe2\x80\xa2 the budget\nZ.Z\nAA.AA\nhidden\n");
}

static void test_extract_docx_list_restart(void **state)
{
	static const char numbering[] =
		/* level 1 never restarts (lvlRestart 0) */
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, 1, "decimal", "%1.", "")
		LVL(1, 1, "lowerLetter", "%2)", "<w:lvlRestart w:val=\"0\"/>") "</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		/* a second list of the same kind, restarted at 10 ("Restart numbering") */
		"<w:abstractNum w:abstractNumId=\"1\">" LVL(0, 1, "decimal", "%1.", "") "</w:abstractNum>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>"
		"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>"
		/* and one that continues it without an override */
		"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>";

	assert_string_equal(docx_text(*state, P_NUM(1, 0, "A") P_NUM(1, 1, "x") P_NUM(1, 0, "B")
				      P_NUM(1, 1, "y") P_NUM(2, 0, "first") P_NUM(2, 0, "second")
				      P_NUM(3, 0, "tenth") P_NUM(3, 0, "eleventh") P_NUM(4, 0, "twelfth"),
				      numbering, NULL),
			    "1. A\na) x\n2. B\nb) y\n1. first\n2. second\n10. tenth\n11. eleventh\n12. twelfth\n");
}

static void test_extract_docx_list_from_paragraph_style(void **state)
{
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, 1, "decimal", "%1.", "")
		LVL(1, 1, "decimal", "%1.%2.", "") "</w:abstractNum>"
		"<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
		/* numStyleLink: this list's levels are those of the "ItemList" numbering style */
		"<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"ItemList\"/></w:abstractNum>"
		"<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/></w:num>"
		"<w:abstractNum w:abstractNumId=\"2\"><w:styleLink w:val=\"ItemList\"/>"
		LVL(0, 1, "upperRoman", "%1 -", "") "</w:abstractNum>"
		"<w:num w:numId=\"8\"><w:abstractNumId w:val=\"2\"/></w:num>";
	static const char styles[] =
		"<w:style w:type=\"paragraph\" w:styleId=\"Item\"><w:pPr><w:numPr><w:numId w:val=\"5\"/>"
		"</w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"SubItem\"><w:basedOn w:val=\"Item\"/>"
		"<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"numbering\" w:styleId=\"ItemList\"><w:pPr><w:numPr><w:numId w:val=\"8\"/>"
		"</w:numPr></w:pPr></w:style>";
	/* a paragraph whose style is numbered but that turns it off with numId 0 */
	static const char off[] =
		"<w:p><w:pPr><w:pStyle w:val=\"Item\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
		"<w:r><w:t>unnumbered</w:t></w:r></w:p>";
	char body[1024];

	snprintf(body, sizeof body, "%s%s%s",
		 P_STYLE("Item", "Apologies") P_STYLE("SubItem", "Cllr Ames") P_STYLE("Item", "Minutes"),
		 off, P_STYLE("SubItem", "Matters arising") P_NUM(6, 0, "Linked") P_NUM(6, 0, "Linked again"));
	assert_string_equal(docx_text(*state, body, numbering, styles),
			    "1. Apologies\n1.1. Cllr Ames\n2. Minutes\nunnumbered\n2.1. Matters arising\n"
			    "I - Linked\nII - Linked again\n");
}

static void test_extract_docx_typed_number_left_alone(void **state)
{
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, 1, "decimal", "%1.", "") "</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

	/* Govan's July minutes: item 1 automatic, then numbers typed by hand */
	assert_string_equal(docx_text(*state, P_NUM(1, 0, "MINUTES OF THE JUNE MEETING")
				      P("2    MATTERS ARISING") P("3. BUS TRANSPORT") P(""),
				      numbering, NULL),
			    "1. MINUTES OF THE JUNE MEETING\n2    MATTERS ARISING\n3. BUS TRANSPORT\n");
}

static void test_extract_docx_bold_heading_wrapped(void **state)
{
	static const char styles[] =
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:basedOn w:val=\"Normal\"/>"
		"<w:rPr><w:b/></w:rPr></w:style>"
		"<w:style w:type=\"character\" w:styleId=\"Strong\"><w:rPr><w:b/></w:rPr></w:style>";

	/* Haresfield: a bold "Label:" run, then the body */
	assert_string_equal(docx_text(*state,
				      "<w:p>" R_BOLD("Apologies") R_BOLD(":  ") R("Cllr Thorpe") "</w:p>"
				      "<w:p>" R_BOLD("Minutes of Haresfield Parish Council ") R_BOLD("Meeting ") "</w:p>"
				      P_STYLE("Heading2", "Planning")
				      "<w:p><w:r><w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr><w:t>Flooding:</w:t></w:r>"
				      R(" the lane") "</w:p>"
				      /* bold switched off in the run beats the style */
				      "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>"
				      "<w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>Not bold</w:t></w:r></w:p>"
				      "<w:p>" R_BOLD("   ") R("Plain after a bold space") "</w:p>"
				      /* Govan: bold that stops inside a word takes the whole word */
				      "<w:p>" R_BOLD("Community Spac") R("e: Hannah will") "</w:p>",
				      NULL, styles),
			    "**Apologies:**  Cllr Thorpe\n**Minutes of Haresfield Parish Council Meeting**\n"
			    "**Planning**\n**Flooding:** the lane\nNot bold\n   Plain after a bold space\n"
			    "**Community Space**: Hannah will\n");
}

static void test_extract_docx_bold_in_body_not_wrapped(void **state)
{
	struct fixture *f = *state;
	char body[2048];
	const char *t;

	/* a bold word inside the text, bold that is false, and a long bold paragraph */
	snprintf(body, sizeof body, "%s%s%s",
		 "<w:p>" R("The council ") R_BOLD("agreed") R(" the precept.") "</w:p>"
		 "<w:p><w:r><w:rPr><w:b w:val=\"false\"/></w:rPr><w:t>Village hall:</w:t></w:r>" R(" open") "</w:p>",
		 "<w:p>" R_BOLD("RESOLVED that the council accepts the quotation of Pennine Roofing for the repair "
			       "of the Market Hall roof, the work to be completed before the winter, and that the "
			       "clerk writes to the contractor.") "</w:p>",
		 /* in a table cell bold is the table's header, not a heading */
		 "<w:tbl><w:tr><w:tc><w:p>" R_BOLD("Present") "</w:p></w:tc><w:tc><w:p>" R("Cllr Ames")
		 "</w:p></w:tc></w:tr></w:tbl>");
	t = docx_text(f, body, NULL, NULL);
	assert_string_equal(t, "The council agreed the precept.\nVillage hall: open\n"
			    "RESOLVED that the council accepts the quotation of Pennine Roofing for the repair "
			    "of the Market Hall roof, the work to be completed before the winter, and that the "
			    "clerk writes to the contractor.\nPresent\tCllr Ames\n");
}

static void test_extract_docx_broken_styles_and_lists(void **state)
{
	static const char numbering[] =
		/* lvlText with a bare %, %0, a level never defined (drawn as 0) and a negative start */
		"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, -5, "lowerRoman", "%1.%0%5%", "")
		LVL(1, 1, "decimal", "%1.%2.%3", "") "</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		/* a numStyleLink that loops back to itself through its style */
		"<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"Loop\"/></w:abstractNum>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
		/* a w:num whose abstract list is missing */
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"42\"/></w:num>";
	static const char styles[] =
		"<w:style w:type=\"paragraph\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>"
		"<w:style w:type=\"numbering\" w:styleId=\"Loop\"><w:pPr><w:numPr><w:numId w:val=\"2\"/>"
		"</w:numPr></w:pPr></w:style>";

	assert_string_equal(docx_text(*state, P_NUM(1, 0, "first") P_NUM(1, 1, "second") P_NUM(1, 99, "deep")
				      P_NUM(2, 0, "looped") P_NUM(3, 0, "missing") P_STYLE("A", "based on a loop")
				      P_NUM(1, 0, "again"),
				      numbering, styles),
			    "-5.%00% first\n-5.1.0 second\ndeep\nlooped\nmissing\nbased on a loop\n-4.%00% again\n");
	/* parts that are not XML at all: the text without labels */
	assert_string_equal(docx_text(*state, P_NUM(1, 0, "plain"), "</w:bad", "<<<"), "plain\n");
}

static void test_extract_real_docx_automatic_numbers(void **state)
{
	struct fixture *f = *state;
	const char *nov = REAL2 "uk-govan/23NOVEMBERMINUTEGovanCC.docx";
	const char *jul = REAL2 "uk-govan/24JULY MINUTES.docx";
	const char *jan = REAL2 "uk-haresfield/Jan 2020 Minutes final.docx";
	const struct extract_doc *d;

	if (!exists(nov) || !exists(jul) || !exists(jan))
		skip();
	d = one_doc(f, nov);        /* items 1-11 all Word automatic numbering */
	assert_has(d, "\n1. MINUTES OF THE OCTOBER MEETING\n");
	assert_has(d, "\n2. MATTERS ARISING\na) **Night bus services**:");
	assert_has(d, "\n10. AOCB\n");
	assert_has(d, "\n11. **OUR NEXT GENERAL MEETING: MONDAY 4 DECEMBER at 7 pm in ELDERPARK WORKSPACE**\n");
	d = one_doc(f, jul);        /* item 1 automatic, 2-12 typed */
	assert_has(d, "\n1. MINUTES OF THE JUNE MEETING\n");
	assert_has(d, "\n2    MATTERS ARISING\n");
	assert_lacks(d, "2. 2");
	d = one_doc(f, jan);        /* bold labels, no numbers */
	assert_has(d, "\n**Apologies:**  Cllr Thorpe");
	assert_has(d, "\n**Village maintenance**:  A proposal");
	assert_has(d, "\nCllr Maxine Bailey has offered her resignation.");
}

#define ODT_NS \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
#define ODT_ITEM(text) "<text:list-item><text:p>" text "</text:p></text:list-item>"

static void test_extract_odt_lists_and_bold(void **state)
{
	struct fixture *f = *state;
	static const char content[] =
		"<?xml version=\"1.0\"?><office:document-content " ODT_NS ">"
		"<office:automatic-styles>"
		"<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Strong_Para\"/>"
		"<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/>"
		"</style:style>"
		"<text:list-style style:name=\"L1\">"
		"<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\"/>"
		"<text:list-level-style-number text:level=\"2\" style:num-prefix=\"(\" style:num-suffix=\")\""
		" style:num-format=\"a\"/>"
		"<text:list-level-style-number text:level=\"3\" style:num-format=\"1\" text:display-levels=\"3\"/>"
		"</text:list-style>"
		"<text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"-\"/>"
		"</text:list-style>"
		"</office:automatic-styles><office:body><office:text>"
		"<text:list text:style-name=\"L1\">" ODT_ITEM("Apologies")
		"<text:list-item><text:p>Planning</text:p><text:list>" ODT_ITEM("Mill Lane")
		"<text:list-item><text:p>Tannery Lane</text:p><text:list>" ODT_ITEM("objection") "</text:list>"
		"</text:list-item></text:list></text:list-item></text:list>"
		"<text:p>Body text between.</text:p>"
		"<text:list text:style-name=\"L1\" text:continue-numbering=\"true\"><text:list-item>"
		"<text:p>Finance</text:p><text:p>second paragraph of the item</text:p></text:list-item></text:list>"
		"<text:list text:style-name=\"L1\">" ODT_ITEM("restarted")
		"<text:list-header><text:p>no number</text:p></text:list-header></text:list>"
		"<text:list text:style-name=\"L2\">" ODT_ITEM("a bullet") "</text:list>"
		/* a label the producer wrote out is not added twice */
		"<text:list text:style-name=\"L1\" text:continue-numbering=\"true\"><text:list-item>"
		"<text:p><text:number>2.</text:number> written out</text:p></text:list-item></text:list>"
		"<text:p><text:span text:style-name=\"T1\">Apologies:</text:span> Cllr Ames</text:p>"
		"<text:p text:style-name=\"P1\">Heading from a named style</text:p>"
		"<text:p>The council <text:span text:style-name=\"T1\">agreed</text:span> it.</text:p>"
		/* chapter numbering: headings numbered by the outline style */
		"<text:h text:outline-level=\"1\">Finance</text:h><text:h text:outline-level=\"2\">Payments</text:h>"
		"<text:h text:outline-level=\"1\">Planning</text:h>"
		"</office:text></office:body></office:document-content>";
	static const char styles[] =
		"<?xml version=\"1.0\"?><office:document-styles " ODT_NS "><office:styles>"
		"<style:style style:name=\"Strong_Para\" style:family=\"paragraph\">"
		"<style:text-properties fo:font-weight=\"700\"/></style:style>"
		"<text:outline-style style:name=\"Outline\">"
		"<text:outline-level-style text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
		"<text:outline-level-style text:level=\"2\" style:num-format=\"1\" text:display-levels=\"2\"/>"
		"</text:outline-style></office:styles></office:document-styles>";
	static const char mimetype[] = "application/vnd.oasis.opendocument.text";
	const struct zmember m[] = { { "mimetype", mimetype, sizeof mimetype - 1 },
				     { "content.xml", content, sizeof content - 1 },
				     { "styles.xml", styles, sizeof styles - 1 } };
	const struct extract_doc *d;

	make_zip(path_in(f, "t.odt"), m, 3);
	d = one_doc(f, path_in(f, "t.odt"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "application/vnd.oasis.opendocument.text");
	assert_string_equal(d->text, "1. Apologies\n2. Planning\n(a) Mill Lane\n(b) Tannery Lane\n2.b.1 objection\n"
			    "Body text between.\n3. Finance\nsecond paragraph of the item\n1. restarted\n"
			    "no number\n\xe2\x80\xa2 a bullet\n2. written out\n**Apologies:** Cllr Ames\n"
			    "**Heading from a named style**\nThe council agreed it.\n"
			    "1. Finance\n1.1 Payments\n2. Planning\n");
}

static void test_extract_huge_text_is_capped(void **state)
{
	struct fixture *f = *state;
	static const char line[] = "Item 12/24 The committee considered the allotment rents again.\n";
	char *block = malloc(1 << 20);
	const struct extract_doc *d;
	struct rusage before, after;
	FILE *fp;

	assert_non_null(block);
	for (size_t i = 0; i + sizeof line - 1 <= 1 << 20; i += sizeof line - 1)
		memcpy(block + i, line, sizeof line - 1);
	fp = fopen(path_in(f, "huge.txt"), "wb");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)     /* 200 MiB */
		assert_int_equal(fwrite(block, 1, 1 << 20, fp), 1 << 20);
	assert_int_equal(fclose(fp), 0);
	free(block);
	getrusage(RUSAGE_SELF, &before);
	d = one_doc(f, path_in(f, "huge.txt"));
	getrusage(RUSAGE_SELF, &after);
	assert_int_equal(d->code, CM_OK);
	assert_true(d->truncated);
	assert_true(d->len <= (size_t)8 << 20);
	assert_true(d->len > (size_t)7 << 20);
	assert_has(d, "allotment rents");
	/* peak memory grew by tens of MiB, not by the file's 200 (ru_maxrss is KiB) */
	assert_true(after.ru_maxrss - before.ru_maxrss < 100 * 1024);
}

static void test_extract_invalid_utf8_never_reaches_output(void **state)
{
	struct fixture *f = *state;
	static const char bad[] = "Minutes \xC3\x28 caf\xC3\xA9 \xED\xA0\x80 \xF8\x88\x80\x80\x80 ok\n";
	const struct extract_doc *d;

	write_file(path_in(f, "bad.txt"), bad, sizeof bad - 1);
	d = one_doc(f, path_in(f, "bad.txt"));  /* assert_sane_result checks the bytes */
	assert_int_equal(d->code, CM_OK);
	assert_has(d, "Minutes");
	assert_has(d, " ok\n");
}

static void test_extract_utf16_with_bom(void **state)
{
	struct fixture *f = *state;
	/* "Zoë – £5\r\n" in UTF-16LE and UTF-16BE with BOMs */
	static const char le[] = "\xFF\xFEZ\0o\0\xEB\0 \0\x13\x20 \0\xA3\0" "5\0\r\0\n\0";
	static const char be[] = "\xFE\xFF\0Z\0o\0\xEB\0 \x20\x13\0 \0\xA3\0" "5\0\r\0\n";
	const struct extract_doc *d;

	write_file(path_in(f, "le.txt"), le, sizeof le - 1);
	d = one_doc(f, path_in(f, "le.txt"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->text, "Zoë – £5\n");
	write_file(path_in(f, "be.txt"), be, sizeof be - 1);
	d = one_doc(f, path_in(f, "be.txt"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->text, "Zoë – £5\n");
}

static void test_extract_windows_1252(void **state)
{
	struct fixture *f = *state;
	static const char cp[] = "The Mayor\x92s caf\xE9 \x93grant\x94 of \x80" "500 \x96 agreed\x81.\r\nNext\x07 line\n";
	const struct extract_doc *d;

	write_file(path_in(f, "cp.txt"), cp, sizeof cp - 1);
	d = one_doc(f, path_in(f, "cp.txt"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->text, "The Mayor’s café “grant” of €500 – agreed.\nNext line\n");
}

static void test_extract_html_windows_1252_without_charset(void **state)
{
	struct fixture *f = *state;
	static const char h[] = "<html><body><p>Caf\xE9 &amp; \x93market\x94</p><script>x()</script></body></html>";
	const struct extract_doc *d;

	write_file(path_in(f, "p.htm"), h, sizeof h - 1);
	d = one_doc(f, path_in(f, "p.htm"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->mime, "text/html");
	assert_string_equal(d->text, "Café & “market”\n");
}

/* Paragraphs end with a blank line, so a decision's paragraph never runs into the page's footer. */
static void test_extract_html_paragraphs_apart(void **state)
{
	struct fixture *f = *state;
	static const char h[] = "<html><body><h3>Minutes</h3><p><b>RESOLVED:</b> That the minutes be approved.</p>"
				"<p>Elmshire District Council, Elmshire House</p><div>one</div><div>two</div></body></html>";
	const struct extract_doc *d;

	write_file(path_in(f, "m.html"), h, sizeof h - 1);
	d = one_doc(f, path_in(f, "m.html"));
	assert_int_equal(d->code, CM_OK);
	assert_string_equal(d->text, "Minutes\n\nRESOLVED: That the minutes be approved.\n\n"
				     "Elmshire District Council, Elmshire House\n\none\ntwo\n");
}

static void test_extract_unreadable_and_missing_files(void **state)
{
	struct fixture *f = *state;
	struct cm_err err = {0};

	assert_int_equal(extract_file(f->ctx, path_in(f, "nope.pdf"), &f->r, &err), CM_ENOTFOUND);
	assert_non_null(strstr(err.msg, "nope.pdf"));
	assert_int_equal(extract_file(f->ctx, f->dir, &f->r, &err), CM_EIO);
	assert_non_null(strstr(err.msg, f->dir));
	write_file(path_in(f, "secret.txt"), "minutes", 7);
	assert_int_equal(chmod(path_in(f, "secret.txt"), 0), 0);
	assert_int_equal(chmod(f->dir, 0755), 0);
	if (geteuid() == 0) {
		/* root reads mode-000 files: try as "nobody" in a child instead */
		pid_t pid = fork();
		int status;

		assert_true(pid >= 0);
		if (pid == 0) {
			struct extract_result r = {0};
			struct cm_err e = {0};
			int rc;

			if (setgid(65534) || setuid(65534))
				_exit(77);
			rc = extract_file(f->ctx, path_in(f, "secret.txt"), &r, &e);
			_exit(rc == CM_EIO && strstr(e.msg, "secret.txt") && strstr(e.msg, "Permission denied") ? 0 : 1);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status) == 77)
			skip();
		assert_int_equal(WEXITSTATUS(status), 0);
		return;
	}
	assert_int_equal(extract_file(f->ctx, path_in(f, "secret.txt"), &f->r, &err), CM_EIO);
	assert_non_null(strstr(err.msg, "secret.txt"));
	assert_non_null(strstr(err.msg, "Permission denied"));
}

/*
 * A file swapped for a FIFO after extract_file checked it: the wrapped
 * magic_buffer (-Wl,--wrap in the Makefile) does the swap between the check
 * and the extractor's read.  Reading the FIFO by its path would block
 * forever; the checked descriptor still holds the file.
 */
const char *__real_magic_buffer(magic_t m, const void *buf, size_t len);
const char *__wrap_magic_buffer(magic_t m, const void *buf, size_t len);
static const char *swap_for_fifo;     /* path to swap on the next detection */

const char *__wrap_magic_buffer(magic_t m, const void *buf, size_t len)
{
	if (swap_for_fifo) {
		const char *p = swap_for_fifo;

		swap_for_fifo = NULL;
		if (unlink(p) != 0 || mkfifo(p, 0600) != 0)
			return NULL;
	}
	return __real_magic_buffer(m, buf, len);
}

static void test_extract_file_swapped_for_fifo(void **state)
{
	struct fixture *f = *state;
	struct cm_err err = {0};
	size_t n = 400 * 1024, len;     /* more than extract.c reads for detection */
	char *big = malloc(n), pdf[256];
	unsigned char *sample;

	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "Minutes of the swapped meeting.\n"[i % 32];
	write_file(path_in(f, "big.txt"), big, n);
	free(big);
	alarm(30);                          /* a hang fails the test instead of stalling make check */
	swap_for_fifo = path_in(f, "big.txt");
	assert_int_equal(extract_file(f->ctx, path_in(f, "big.txt"), &f->r, &err), CM_OK);
	assert_null(swap_for_fifo);
	assert_int_equal(f->r.n, 1);
	assert_int_equal(f->r.docs[0].code, CM_OK);
	assert_has(&f->r.docs[0], "swapped meeting");
	extract_result_release(&f->r);

	/* A converter reads by path: the swap is seen and the file refused, at once. */
	sample = read_all(SAMPLE "full-council/2024-01-09-minutes.pdf", &len);
	snprintf(pdf, sizeof pdf, "%s", path_in(f, "swapped.pdf"));
	write_file(pdf, sample, len);
	free(sample);
	swap_for_fifo = pdf;
	assert_int_equal(extract_file(f->ctx, pdf, &f->r, &err), CM_OK);
	assert_null(swap_for_fifo);
	assert_int_equal(f->r.n, 1);
	assert_int_not_equal(f->r.docs[0].code, CM_OK);
	assert_non_null(strstr(f->r.docs[0].error, "changed"));
	alarm(0);
}

/* Temp dirs of killed runs go; those of live processes stay. */
static void test_extract_clean_stale_tmpdirs(void **state)
{
	struct fixture *f = *state;
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	char dead[128], live[128], other[128];
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);      /* pid: a process that is gone */
	snprintf(dead, sizeof dead, "%s/minutes-extract-%ld-AbC123", f->dir, (long)pid);
	snprintf(live, sizeof live, "%s/minutes-extract-%ld-XyZ789", f->dir, (long)getppid());
	snprintf(other, sizeof other, "%s/minutes-extract-notapid", f->dir);
	assert_int_equal(mkdir(dead, 0700), 0);
	assert_int_equal(mkdir(live, 0700), 0);
	assert_int_equal(mkdir(other, 0700), 0);
	{
		char file[160];

		snprintf(file, sizeof file, "%s/f0.pdf", dead);
		write_file(file, "%PDF", 4);
	}
	setenv("TMPDIR", f->dir, 1);
	extract_clean_stale();
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	assert_false(exists(dead));
	assert_true(exists(live));
	assert_true(exists(other));
}

/* An <ol>'s items numbered as a browser shows them; a page fragment of many elements read whole. */
static void test_extract_html_ordered_list_numbers(void **state)
{
	struct fixture *f = *state;
	static const char frag[] =
		"<button aria-label=\"Close\">\n  <span>x</span>\n</button>\n<div class=\"minutes\">\n"
		"<p>The council met on 10 June 2020.</p>\n<ol class=\"minute-matters\">\n"
		"<li><h4>WELCOME AND APOLOGIES</h4><p>None.</p>\n<ul><li>a bullet</li></ul></li>\n"
		"<li><h4>MATTERS ARISING</h4></li>\n<li value=\"7\"><h4>PLANNING</h4></li></ol>\n"
		"<ol type=\"a\" start=\"2\"><li>second</li></ol></div>\n";
	const struct extract_doc *d;

	write_file(path_in(f, "minutes_20-06-10.html"), frag, sizeof frag - 1);
	d = one_doc(f, path_in(f, "minutes_20-06-10.html"));
	assert_string_equal(d->mime, "text/html");
	assert_has(d, "The council met on 10 June 2020.");	/* after the first element */
	assert_has(d, "1.\n\nWELCOME AND APOLOGIES");
	assert_has(d, "2.\n\nMATTERS ARISING");
	assert_has(d, "7.\n\nPLANNING");
	assert_has(d, "b. second");
	assert_has(d, "\na bullet");			/* <ul> items get no number */
}

/* Markdown pipe tables read as other formats' tables: tab-separated cells, no delimiter rows. */
static void test_extract_markdown_pipe_tables(void **state)
{
	struct fixture *f = *state;
	static const char md[] =
		"# Hartwell Parish Council\n\nMinutes of 4 March 2024\n\n"
		"| Minute | Item | Action |\n"
		"|:-------|------|-------:|\n"
		"| 45/24  | Apologies for absence: Cllr White |  |\n"
		"| 46/24  |  | Clerk |\n"
		"| 47/24  | Fees \\| charges | Clerk |\n"
		"\n| not a table, no delimiter row |\nText | with a pipe.\n";
	struct extract_result r = {0};
	struct cm_err err = {0};

	(void)f;
	assert_int_equal(extract_buffer(f->ctx, md, sizeof md - 1, "minutes.md", &r, &err), CM_OK);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.docs[0].text, "\nMinute\tItem\tAction\n45/24\tApologies for absence: Cllr White\n"
					 "46/24\t\tClerk\n47/24\tFees \\| charges\tClerk\n"));
	assert_null(strstr(r.docs[0].text, "---"));
	assert_non_null(strstr(r.docs[0].text, "| not a table, no delimiter row |\nText | with a pipe."));
	extract_result_release(&r);

	/* junk made of table characters: always text, never longer than the input */
	srand(7);
	for (int round = 0; round < 300; round++) {
		char junk[512];
		size_t n = (size_t)(rand() % (int)sizeof junk);

		for (size_t i = 0; i < n; i++)
			junk[i] = "|-: \n\\a"[rand() % 7];
		assert_int_equal(extract_buffer(f->ctx, junk, n, "junk.md", &r, &err), CM_OK);
		assert_int_equal(r.n, 1);
		assert_true(r.docs[0].text == NULL || r.docs[0].len <= n);
		extract_result_release(&r);
	}
}

static void test_extract_detect_html_and_markdown_by_sniff(void **state)
{
	struct fixture *f = *state;
	static const char h[] = "\n<!-- saved page -->\n<div class=\"mgContent\"><p>Agenda item 4</p></div>";
	static const char md[] = "# Minutes\n\nSome text.\n";
	char mime[128];
	struct cm_err err = {0};

	assert_int_equal(extract_detect(f->ctx, h, sizeof h - 1, "page.txt", mime, sizeof mime, &err), CM_OK);
	assert_string_equal(mime, "text/html");
	assert_int_equal(extract_detect(f->ctx, md, sizeof md - 1, "notes.md", mime, sizeof mime, &err), CM_OK);
	assert_string_equal(mime, "text/markdown");
	assert_int_equal(extract_detect(f->ctx, md, sizeof md - 1, "notes.txt", mime, sizeof mime, &err), CM_OK);
	assert_string_equal(mime, "text/plain");
}

/*
 * libmagic runs without its text tests (extract.c, detect): its own HTML and
 * XML rules still apply, and text it would have named a script is plain text.
 */
static void test_extract_detect_text_types_without_libmagic_text_tests(void **state)
{
	struct fixture *f = *state;
	static const struct { const char *text, *name, *want; } cases[] = {
		{ "Minutes of the meeting\nThe table was laid out.\n<TABLE border=1>\n", "a.txt", "text/html" },
		{ "Minutes\nSee <a  href=\"x.html\">the report</a>.\n", "a.txt", "text/html" },
		{ "Minutes\n<!doctype  html>\n", "a.txt", "text/html" },
		{ "Minutes\n<tablex> and <p> are not enough\n", "a.txt", "text/plain" },
		{ "<?xml version=\"1.0\"?>\n<minutes><item>x</item></minutes>\n", "a.xml", "text/xml" },
		{ "#!/usr/bin/env python3\nimport os\nprint(os.getcwd())\n", "a.txt", "text/plain" },
		{ "{\\rtf1\\ansi Minutes}", "a.rtf", "text/rtf" },
		{ "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a.pdf", "application/pdf" },
	};
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x01\x00";
	char mime[128];
	struct cm_err err = {0};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(extract_detect(f->ctx, cases[i].text, strlen(cases[i].text), cases[i].name,
						mime, sizeof mime, &err), CM_OK);
		assert_string_equal(mime, cases[i].want);
	}
	assert_int_equal(extract_detect(f->ctx, gz, sizeof gz - 1, "a.gz", mime, sizeof mime, &err), CM_OK);
	assert_string_equal(mime, "application/gzip");
}

/* ---- converters through the seam -------------------------------------- */

static int fake_missing(const char *const argv[], const struct spawn_opts *o, struct sbuf *out,
			struct cm_err *err)
{
	(void)o;
	(void)out;
	return cm_err_set(err, CM_ENOTFOUND, "cannot run %s: No such file or directory", argv[0]);
}

static int fake_timeout(const char *const argv[], const struct spawn_opts *o, struct sbuf *out,
			struct cm_err *err)
{
	(void)out;
	if (o->res)
		o->res->timed_out = true;
	return cm_err_set(err, CM_ETIMEOUT, "%s timed out after %u s", argv[0], o->timeout_sec);
}

static void test_extract_missing_converter(void **state)
{
	struct fixture *f = *state;
	struct extract_opts o = { .ocr = EXTRACT_OCR_NEVER, .spawn = fake_missing };
	struct extract_ctx *ctx;
	struct extract_result r = {0};
	struct cm_err err = {0};

	assert_int_equal(extract_ctx_new(&o, &ctx, &err), CM_OK);
	assert_int_equal(extract_file(ctx, SAMPLE "full-council/2024-01-09-minutes.pdf", &r, &err), CM_OK);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.docs[0].code, CM_EUNSUPPORTED);
	assert_non_null(strstr(r.docs[0].error, "pdftotext is not installed"));
	extract_result_release(&r);
	assert_int_equal(extract_file(ctx, SAMPLE "environment-and-allotments-committee/2023-11-21-minutes.rtf", &r, &err), CM_OK);
	assert_int_equal(r.docs[0].code, CM_EUNSUPPORTED);
	assert_non_null(strstr(r.docs[0].error, "unrtf"));
	extract_result_release(&r);
	/* formats done in-process do not care */
	assert_int_equal(extract_file(ctx, SAMPLE "planning-committee/2024-02-06-minutes.docx", &r, &err), CM_OK);
	assert_int_equal(r.docs[0].code, CM_OK);
	extract_result_release(&r);
	extract_ctx_free(ctx);
	(void)f;
}

static void test_extract_converter_timeout(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_NEVER, .spawn = fake_timeout, .timeout_sec = 7 };
	struct extract_ctx *ctx;
	struct extract_result r = {0};
	struct cm_err err = {0};

	(void)state;
	assert_int_equal(extract_ctx_new(&o, &ctx, &err), CM_OK);
	assert_int_equal(extract_file(ctx, SAMPLE "full-council/2024-01-09-minutes.pdf", &r, &err), CM_OK);
	assert_int_equal(r.docs[0].code, CM_ETIMEOUT);
	assert_non_null(strstr(r.docs[0].error, "7 s time limit"));
	extract_result_release(&r);
	extract_ctx_free(ctx);
}

/*
 * OCR converters that take 300 ms each (or fail at the limit they are
 * given, as spawn_run does): three pages need six of them, 1.8 s.
 */
static int fake_slow_ocr(const char *const argv[], const struct spawn_opts *o, struct sbuf *out,
			 struct cm_err *err)
{
	unsigned ms = o->timeout_ms ? o->timeout_ms : o->timeout_sec * 1000;

	if (strcmp(argv[0], "pdftotext") == 0) {
		sbuf_adds(out, "\f\f");            /* three pages, no text layer */
		return CM_OK;
	}
	if (ms < 300) {
		usleep(ms * 1000);
		return cm_err_set(err, CM_ETIMEOUT, "%s timed out", argv[0]);
	}
	usleep(300 * 1000);
	if (strcmp(argv[0], "tesseract") == 0)
		sbuf_adds(out, "Minutes read by OCR.\n");
	return CM_OK;
}

static double test_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* --timeout is one budget for the whole file, over all its converters. */
static void test_extract_timeout_is_per_file(void **state)
{
	struct extract_opts o = { .ocr = EXTRACT_OCR_ALWAYS, .spawn = fake_slow_ocr, .timeout_sec = 1 };
	struct extract_ctx *ctx;
	struct extract_result r = {0};
	struct cm_err err = {0};
	double t0;

	(void)state;
	if (!spawn_has_program("tesseract") || !spawn_has_program("pdftoppm"))
		skip();
	assert_int_equal(extract_ctx_new(&o, &ctx, &err), CM_OK);
	t0 = test_now();
	assert_int_equal(extract_file(ctx, SAMPLE "full-council/2024-01-09-minutes.pdf", &r, &err), CM_OK);
	assert_true(test_now() - t0 < 1.5);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.docs[0].code, CM_ETIMEOUT);
	assert_non_null(strstr(r.docs[0].error, "1 s time limit"));
	extract_result_release(&r);
	extract_ctx_free(ctx);
}

/* ---- threads ---------------------------------------------------------- */

static const char *const all_samples[] = {
	SAMPLE "full-council/2024-03-12-minutes.html",
	SAMPLE "planning-committee/2024-02-06-minutes.docx",
	SAMPLE "finance-and-general-purposes-committee/2024-01-16-minutes.odt",
	SAMPLE "environment-and-allotments-committee/2023-11-21-minutes.rtf",
	SAMPLE "full-council/2024-01-09-minutes.pdf",
	SAMPLE "environment-and-allotments-committee/2023-10-03-minutes.txt.gz",
	SAMPLE "staffing-committee/2023-staffing-minutes.zip",
};

static void *worker(void *arg)
{
	struct extract_ctx *ctx;
	struct cm_err err = {0};
	intptr_t bad = 0;

	(void)arg;
	if (extract_ctx_new(NULL, &ctx, &err))
		return (void *)(intptr_t)1;
	for (int round = 0; round < 4; round++)
		for (size_t i = 0; i < sizeof all_samples / sizeof all_samples[0]; i++) {
			struct extract_result r = {0};

			if (extract_file(ctx, all_samples[i], &r, &err) != CM_OK || r.n == 0)
				bad++;
			for (size_t j = 0; j < r.n; j++)
				bad += r.docs[j].code != CM_OK || !strcasestr(r.docs[j].text, "Hollinwick Town Council");
			extract_result_release(&r);
		}
	extract_ctx_free(ctx);
	return (void *)bad;
}

static void test_extract_threads_with_own_contexts(void **state)
{
	pthread_t t[4];
	void *ret;

	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, NULL), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_extract_html_drops_chrome, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_html_paragraphs_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_paragraphs_tables_no_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_odt_paragraphs_tables_no_comments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_rtf_unicode_and_no_banner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_pdf_pages_and_form_feeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_gzip_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_zip_bundle_one_doc_per_member, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_buffer_matches_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_real_doc_with_antiword, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_real_html_called_javascript, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_real_markdown_and_docx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_scanned_pdf_without_ocr_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_scanned_pdf_ocr, setup_ocr, teardown),
		cmocka_unit_test_setup_teardown(test_extract_gibberish_pdf_without_ocr_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_gibberish_pages_dropped_without_ocr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_gibberish_pages_ocr, setup_ocr, teardown),
		cmocka_unit_test_setup_teardown(test_extract_tab_per_word_normalised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_real_pdfs_not_gibberish, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_truncated_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_truncated_docx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_junk_named_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_zip_bomb_declared_size, setup_small_caps, teardown),
		cmocka_unit_test_setup_teardown(test_extract_zip_bomb_budget_and_ratio, setup_small_caps, teardown),
		cmocka_unit_test_setup_teardown(test_extract_zip_nesting_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_zip_too_deep_reported_once, setup, teardown),
		cmocka_unit_test_teardown(test_extract_zip_member_cap, teardown),
		cmocka_unit_test_setup_teardown(test_extract_gzip_bomb, setup_small_caps, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_detected_inside_plain_zip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_list_decimal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_list_nested_levels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_list_letters_bullets_suffix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_list_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_list_from_paragraph_style, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_typed_number_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_bold_heading_wrapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_bold_in_body_not_wrapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_docx_broken_styles_and_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_real_docx_automatic_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_odt_lists_and_bold, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_huge_text_is_capped, setup_small_caps, teardown),
		cmocka_unit_test_setup_teardown(test_extract_invalid_utf8_never_reaches_output, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_utf16_with_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_windows_1252, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_html_windows_1252_without_charset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_unreadable_and_missing_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_file_swapped_for_fifo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_clean_stale_tmpdirs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_html_ordered_list_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_detect_html_and_markdown_by_sniff, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_markdown_pipe_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_detect_text_types_without_libmagic_text_tests, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_missing_converter, setup, teardown),
		cmocka_unit_test(test_extract_converter_timeout),
		cmocka_unit_test(test_extract_timeout_is_per_file),
		cmocka_unit_test(test_extract_threads_with_own_contexts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
