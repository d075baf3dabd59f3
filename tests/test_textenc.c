/*
 * test_textenc.c - encodings detected and converted to clean UTF-8
 *
 * BOMs, UTF-16 without a BOM, Windows-1252 (the pound sign and curly quotes
 * of Word exports), and the cleaning every extractor's text goes through:
 * no NUL, C0/C1 controls, DEL or U+FEFF, CRLF made LF, cut at the cap on a
 * character boundary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "err.h"
#include "textenc.h"
#include "textenc_test.h"

#define LIT(s) s, sizeof(s) - 1

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(textenc_detect(LIT("plain ASCII minutes")), TEXTENC_UTF8);
	assert_int_equal(textenc_detect(LIT("\xef\xbb\xbf" "Agenda")), TEXTENC_UTF8);
	assert_int_equal(textenc_detect(LIT("caf\xc3\xa9 \xe2\x80\x93 \xc2\xa3" "5")), TEXTENC_UTF8);
	assert_int_equal(textenc_detect(LIT("\xff\xfe" "A\0g\0")), TEXTENC_UTF16LE);
	assert_int_equal(textenc_detect(LIT("\xfe\xff\0A\0g")), TEXTENC_UTF16BE);
	assert_int_equal(textenc_detect(LIT("M\0i\0n\0u\0t\0e\0s\0")), TEXTENC_UTF16LE);
	assert_int_equal(textenc_detect(LIT("\0M\0i\0n\0u\0t\0e\0s")), TEXTENC_UTF16BE);
	/* "£5,000 – “agreed”" as Windows-1252: not valid UTF-8 */
	assert_int_equal(textenc_detect(LIT("\xa3" "5,000 \x96 \x93" "agreed\x94")), TEXTENC_CP1252);
	assert_string_equal(textenc_name(TEXTENC_CP1252), "WINDOWS-1252");
}

static void check_utf8(const char *in, size_t len, size_t cap, const char *want, bool want_trunc)
{
	struct sbuf out = {0};
	struct cm_err err = { CM_OK, "" };
	bool trunc = false;

	assert_int_equal(textenc_to_utf8(in, len, cap, &out, &trunc, &err), CM_OK);
	assert_string_equal(sbuf_str(&out), want);
	assert_int_equal(trunc, want_trunc);
	sbuf_release(&out);
}

static void test_to_utf8(void **state)
{
	(void)state;
	check_utf8(LIT("\xa3" "5,000 \x96 \x93" "agreed\x94"), 1000,
		   "\xc2\xa3" "5,000 \xe2\x80\x93 \xe2\x80\x9c" "agreed\xe2\x80\x9d", false);
	check_utf8(LIT("\xff\xfe" "C\0a\0b\0i\0n\0e\0t\0\r\0\n\0"), 1000, "Cabinet\n", false);
	check_utf8(LIT("\xef\xbb\xbf" "Item 1\r\nItem 2\rEnd"), 1000, "Item 1\nItem 2\nEnd", false);
}

static void check_clean(const char *in, size_t len, size_t cap, const char *want, bool want_trunc)
{
	struct sbuf sb = {0};
	bool trunc = false;

	sbuf_adds(&sb, "kept:");
	sbuf_add(&sb, in, len);
	textenc_clean(&sb, 5, cap, &trunc);
	assert_string_equal(sbuf_str(&sb), want);
	assert_int_equal(trunc, want_trunc);
	sbuf_release(&sb);
}

static void test_clean(void **state)
{
	(void)state;
	/* NUL, C0 but \n \t \f, DEL, C1 (U+0085) and U+FEFF go; CR becomes LF */
	check_clean(LIT("a\0b\x01\x7f" "c\xc2\x85" "d\xef\xbb\xbf" "e\tf\fg\r\nh"), 1000,
		    "kept:abcde\tf\fg\nh", false);
	/* invalid UTF-8 goes, valid stays */
	check_clean(LIT("ok \xc3\xa9 \xc3 bad \xe2\x80"), 1000, "kept:ok \xc3\xa9  bad ", false);
	/* the cap counts all bytes and never splits a character */
	check_clean(LIT("ab\xe2\x80\x93" "cd"), 8, "kept:ab", true);
	check_clean(LIT("ab\xe2\x80\x93" "cd"), 10, "kept:ab\xe2\x80\x93", true);
	check_clean(LIT("ab"), 7, "kept:ab", false);
}

static void test_has_text(void **state)
{
	(void)state;
	assert_true(textenc_has_text(LIT("  \n x ")));
	assert_false(textenc_has_text(LIT(" \n\t\f ")));
	assert_false(textenc_has_text(LIT("")));
	assert_int_equal(textenc_count_nonspace(LIT(" a b\n c ")), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_to_utf8),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_has_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
