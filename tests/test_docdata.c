/*
 * test_docdata.c - document data: round trips, resolutions by reference,
 * data written by version 1, corrupt input, and the dictionary that must
 * never change
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "docdata.h"
#include "docdict.h"

static const char ITEM_TEXT[] =
	"The Committee considered a report of the Director of Children's Services.\n"
	"RESOLVED that the report be noted.\n"
	"Members asked about placements.\nRESOLVED that a further report be brought back.";

static void fill(struct docdata *d, const char *resolutions)
{
	memset(d, 0, sizeof *d);
	d->path = "westby-borough-council/cabinet/2019-01-15.txt";
	d->council = "Westby Borough Council";
	d->committee = "Cabinet";
	d->date = "2019-01-15";
	d->item = "4";
	d->title = "Placements";
	d->page = NULL;                      /* NULL decodes as "" */
	d->mime = "text/plain";
	d->kind = "minutes";
	d->text = ITEM_TEXT;
	d->resolutions = resolutions;
	d->meeting = "0123456789abcdef1a2";
	d->uid = "0123456789abcdef1a2-4";
}

static void assert_same(const struct docdata *a, const struct docdata *b)
{
	assert_string_equal(a->path, b->path);
	assert_string_equal(a->council, b->council);
	assert_string_equal(a->committee, b->committee);
	assert_string_equal(a->date, b->date);
	assert_string_equal(a->item, b->item);
	assert_string_equal(a->title, b->title);
	assert_string_equal(b->page, "");
	assert_string_equal(a->mime, b->mime);
	assert_string_equal(a->kind, b->kind);
	assert_string_equal(a->text, b->text);
	assert_string_equal(a->resolutions, b->resolutions);
	assert_string_equal(a->meeting, b->meeting);
	assert_string_equal(a->uid, b->uid);
}

/* The stored resolutions field of version 2 data (raw, as the encoder wrote it), into out. */
static void stored_resolutions(const struct sbuf *enc, char *out, size_t outsz)
{
	unsigned char raw[8192];
	z_stream z;
	const char *p;

	memset(&z, 0, sizeof z);
	assert_int_equal(inflateInit2(&z, -15), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)(enc->buf + 5);
	z.avail_in = (uInt)(enc->len - 5);
	z.next_out = raw;
	z.avail_out = sizeof raw - 1;
	assert_int_equal(inflateSetDictionary(&z, docdict, (uInt)docdict_len), Z_OK);
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	raw[z.total_out] = '\0';
	inflateEnd(&z);
	p = (const char *)raw;
	for (int i = 0; i < 10; i++)            /* the 11th field */
		p += strlen(p) + 1;
	snprintf(out, outsz, "%s", p);
}

/* Encode d with zp, decode, compare; returns the encoded size. */
static size_t round_trip(struct docdata_zip *zp, const struct docdata *d)
{
	struct cm_err err = { CM_OK, "" };
	struct sbuf enc = {0};
	struct docdata back;
	size_t n;

	assert_int_equal(docdata_encode(zp, d, &enc, &err), CM_OK);
	assert_int_equal((unsigned char)enc.buf[0], 2);
	memset(&back, 0, sizeof back);
	assert_int_equal(docdata_decode(enc.buf, enc.len, &back, &err), CM_OK);
	assert_same(d, &back);
	docdata_release(&back);
	n = enc.len;
	sbuf_release(&enc);
	return n;
}

static void test_docdata_round_trip_and_references(void **state)
{
	struct docdata_zip *zp = NULL;
	struct cm_err err = { CM_OK, "" };
	struct docdata d;
	char *odd = NULL;

	(void)state;
	assert_int_equal(docdata_zip_new(&zp, &err), CM_OK);
	/* resolutions found in the text: stored as references, shown as text */
	fill(&d, "RESOLVED that the report be noted.\nRESOLVED that a further report be brought back.");
	round_trip(zp, &d);
	{
		struct sbuf enc = {0};
		char res[256];

		assert_int_equal(docdata_encode(zp, &d, &enc, &err), CM_OK);
		stored_resolutions(&enc, res, sizeof res);
		assert_string_equal(res, "\00174,34 141,47");   /* not the text a second time */
		sbuf_release(&enc);
	}
	/* the compressor is reused: the next document decodes on its own */
	fill(&d, "");
	round_trip(zp, &d);
	/* not in the text (cleaned by the parser, say): stored as text */
	fill(&d, "RESOLVED that the report, as amended, be noted.");
	round_trip(zp, &d);
	/* text that starts with the reference marker survives */
	odd = strdup("\001L looks like a reference\nand more");
	assert_non_null(odd);
	fill(&d, odd);
	round_trip(zp, &d);
	free(odd);
	/* a one-off compressor gives the same result */
	fill(&d, "RESOLVED that the report be noted.");
	round_trip(NULL, &d);
	docdata_zip_free(zp);
	docdata_zip_free(NULL);
}

/* The dictionary earns its keep on minutes-like text. */
static void test_docdata_dictionary_compresses(void **state)
{
	struct docdata d;
	uLongf plain;
	unsigned char buf[4096];
	size_t v2;

	(void)state;
	fill(&d, "");
	v2 = round_trip(NULL, &d);
	plain = sizeof buf;
	assert_int_equal(compress2(buf, &plain, (const Bytef *)ITEM_TEXT, sizeof ITEM_TEXT, 6), Z_OK);
	assert_true(v2 < (size_t)plain);   /* all fields beat the text alone without it */
}

/*
 * Version 2 data needs these exact dictionary bytes to decode: any edit of
 * common/docdict.txt must fail here (a new dictionary is a new version).
 */
static void test_docdata_dictionary_never_changes(void **state)
{
	(void)state;
	assert_int_equal(docdict_len, 24817);
	assert_int_equal(adler32(1L, docdict, (uInt)docdict_len), 0x469d8b69UL);
}

/* Indexes written before version 2 still show their hits. */
static void test_docdata_decodes_version_1(void **state)
{
	static const char fields[] = "a/b.txt\0Westby Borough Council\0Cabinet\0" "2019-01-15\0"
				     "4\0Placements\0" "3\0text/plain\0minutes\0Item text.\0"
				     "RESOLVED that x.\0m1\0m1-4";
	struct cm_err err = { CM_OK, "" };
	unsigned char blob[512];
	uLongf zlen = sizeof blob - 5;
	struct docdata d;

	(void)state;
	blob[0] = 1;
	blob[1] = (unsigned char)sizeof fields;
	blob[2] = blob[3] = blob[4] = 0;
	assert_int_equal(compress2(blob + 5, &zlen, (const Bytef *)fields, sizeof fields, 6), Z_OK);
	memset(&d, 0, sizeof d);
	assert_int_equal(docdata_decode((const char *)blob, 5 + zlen, &d, &err), CM_OK);
	assert_string_equal(d.path, "a/b.txt");
	assert_string_equal(d.page, "3");
	assert_string_equal(d.text, "Item text.");
	assert_string_equal(d.resolutions, "RESOLVED that x.");
	assert_string_equal(d.uid, "m1-4");
	/* Fields added since decode as empty. */
	assert_string_equal(d.url, "");
	assert_string_equal(d.present, "");
	assert_string_equal(d.paged, "");
	docdata_release(&d);
}

static void test_docdata_links_and_people_round_trip(void **state)
{
	struct cm_err err = { CM_OK, "" };
	struct sbuf enc = {0};
	struct docdata d, back;

	(void)state;
	fill(&d, "RESOLVED that the report be noted.");
	d.url = "https://council.example/doc?id=7&x=1";
	d.time = "19:00";
	d.venue = "Council Chamber, Town Hall";
	d.chair = "A Probert";
	d.present = "A Probert\nB O'Hara";
	d.apologies = "C Quist";
	d.paged = "1";
	assert_int_equal(docdata_encode(NULL, &d, &enc, &err), CM_OK);
	memset(&back, 0, sizeof back);
	assert_int_equal(docdata_decode(enc.buf, enc.len, &back, &err), CM_OK);
	assert_same(&d, &back);
	assert_string_equal(back.url, d.url);
	assert_string_equal(back.time, "19:00");
	assert_string_equal(back.venue, d.venue);
	assert_string_equal(back.chair, d.chair);
	assert_string_equal(back.present, d.present);
	assert_string_equal(back.apologies, d.apologies);
	assert_string_equal(back.paged, "1");
	docdata_release(&back);
	sbuf_release(&enc);
}

static void test_docdata_corrupt_input(void **state)
{
	struct cm_err err = { CM_OK, "" };
	struct sbuf enc = {0};
	struct docdata d, back;

	(void)state;
	memset(&back, 0, sizeof back);
	assert_int_equal(docdata_decode("\003abcdef", 7, &back, &err), CM_EFORMAT);
	assert_int_equal(docdata_decode("\002ab", 3, &back, &err), CM_EFORMAT);
	fill(&d, "RESOLVED that the report be noted.");
	assert_int_equal(docdata_encode(NULL, &d, &enc, &err), CM_OK);
	enc.buf[enc.len / 2] ^= 0x55;
	/* a flipped byte is caught (lengths and references are checked) or decodes to text */
	if (docdata_decode(enc.buf, enc.len, &back, &err) == CM_OK)
		docdata_release(&back);
	enc.buf[1] ^= 0x01;                  /* the length no longer matches */
	assert_int_equal(docdata_decode(enc.buf, enc.len, &back, &err), CM_EFORMAT);
	sbuf_release(&enc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docdata_round_trip_and_references),
		cmocka_unit_test(test_docdata_dictionary_compresses),
		cmocka_unit_test(test_docdata_dictionary_never_changes),
		cmocka_unit_test(test_docdata_decodes_version_1),
		cmocka_unit_test(test_docdata_links_and_people_round_trip),
		cmocka_unit_test(test_docdata_corrupt_input),
	};

	return cmocka_run_group_tests_name("docdata", tests, NULL, NULL);
}
