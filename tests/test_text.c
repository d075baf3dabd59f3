/*
 * test_text.c - UTF-8 repair, whitespace, markup, hyphenation, keys
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text.h"

typedef void (*text_fn)(const char *, size_t, struct sbuf *);

/* Run fn over s and compare with want. */
static void check(text_fn fn, const char *s, size_t len, const char *want)
{
	struct sbuf out = {0};

	fn(s, len, &out);
	assert_false(sbuf_oom(&out));
	assert_string_equal(sbuf_str(&out), want);
	sbuf_release(&out);
}

#define CHECK(fn, lit, want) check(fn, lit, sizeof(lit) - 1, want)

static void test_text_case_insensitive_matching(void **state)
{
	(void)state;
	assert_true(text_starts_ci("Resolved that", 13, "RESOLVED"));
	assert_false(text_starts_ci("Res", 3, "resolved"));	/* shorter than the word */
	assert_int_equal(text_find_ci("The Committee AGREED to", 23, "agreed"), 14);
	assert_int_equal(text_find_ci("agreed", 3, "agreed"), 3);	/* only within len */
	assert_int_equal(text_find_ci("no match here", 13, "xyz"), 13);
	/* only ASCII letters fold: '@' is not '`', "[" is not "{", UTF-8 bytes match as they are */
	assert_int_equal(text_find_ci("a`b a@b", 7, "A@B"), 4);
	assert_int_equal(text_find_ci("{x} [x]", 7, "[X]"), 4);
	assert_int_equal(text_find_ci("Caf\xc3\xa9 CAF\xc3\xa9", 11, "caf\xc3\xa9"), 0);
	assert_int_equal(text_find_ci("abcab", 5, "cab"), 2);	/* a partial match before it */
}

/* Dashes (hyphen, en, em) and the last cell of a line set in columns. */
static void test_text_dashes_and_cells(void **state)
{
	static const char row[] = "Cr Ellis / Cr Fong          CARRIED  ";

	(void)state;
	assert_int_equal(text_dash_len("a-b", 3, 1), 1);
	assert_int_equal(text_dash_len("a\xe2\x80\x93" "b", 5, 1), 3);
	assert_int_equal(text_dash_len("a\xe2\x80\x94" "b", 5, 1), 3);
	assert_int_equal(text_dash_len("a b", 3, 1), 0);
	assert_int_equal(text_spaced_dash("Minutes - Cabinet", 17, 7), 3);
	assert_int_equal(text_spaced_dash("Minutes \xe2\x80\x93 Cabinet", 19, 7), 5);
	assert_int_equal(text_spaced_dash("Sub-Committee", 13, 3), 0);
	assert_int_equal(text_last_cell(row, strlen(row), 2), 28);
	assert_int_equal(text_last_cell(row, strlen(row), 20), 0);
	assert_int_equal(text_last_cell("Cllr J Smith\tChair", 18, 3), 13);
	assert_int_equal(text_last_cell("one cell only", 13, 2), 0);
}

static void test_text_utf8_valid(void **state)
{
	(void)state;
	assert_true(text_utf8_is_valid("Co-optees \xe2\x80\x93 Stephen", 20));
	assert_false(text_utf8_is_valid("\xc0\xaf", 2));		/* overlong '/' */
	assert_false(text_utf8_is_valid("\xed\xa0\x80", 3));		/* surrogate */
	assert_false(text_utf8_is_valid("\xe2\x80", 2));		/* truncated */
	assert_false(text_utf8_is_valid("\xf5\x80\x80\x80", 4));	/* > U+10FFFF */
	assert_true(text_utf8_is_valid("", 0));
}

static void test_text_utf8_repair_replaces_bad_bytes(void **state)
{
	struct sbuf out = {0};
	const char bad[] = "a\xff" "b\0c\r\nd\re\xe2\x80" "f\f\xc2\x85g";

	(void)state;
	text_utf8_repair(bad, sizeof bad - 1, &out);
	assert_string_equal(sbuf_str(&out), "a\xef\xbf\xbd" "b c\nd\ne\xef\xbf\xbd" "f\f g");
	assert_true(text_utf8_is_valid(out.buf, out.len));
	assert_int_equal(strlen(out.buf), out.len);	/* no NUL passed on */
	sbuf_release(&out);
	CHECK(text_utf8_repair, "Children\xe2\x80\x99s", "Children\xe2\x80\x99s");
}

static void test_text_fold_and_trim(void **state)
{
	const char *s = "  \xc2\xa0 Lind  (Chair)\n\t ";
	size_t len = strlen(s);

	(void)state;
	CHECK(text_fold_space, "  Councillors   Hezelgrave,\n Hussain \xc2\xa0 and  ", "Councillors Hezelgrave, Hussain and");
	CHECK(text_fold_space, " \n\t ", "");
	text_trim(&s, &len);
	assert_int_equal(len, strlen("Lind  (Chair)"));
	assert_memory_equal(s, "Lind  (Chair)", len);
}

static void test_text_xml_escape(void **state)
{
	struct sbuf b = {0};

	(void)state;
	text_xml_escape("Children & \"Young\" <People> 'x'\x01\tend", &b);
	assert_string_equal(b.buf, "Children &amp; &quot;Young&quot; &lt;People&gt; &#39;x&#39; \tend");
	text_xml_escape(NULL, &b);
	assert_int_equal(b.len, strlen(b.buf));
	sbuf_release(&b);
}

static void test_text_unescape(void **state)
{
	(void)state;
	CHECK(text_unescape, "1\\. Apologies", "1. Apologies");
	CHECK(text_unescape, "**3\\. Report from the Chair**", "**3. Report from the Chair**");
	CHECK(text_unescape, "- \\- Solar lights", "- - Solar lights");
	CHECK(text_unescape, "# 1.&nbsp;&nbsp;Disclosures", "# 1.  Disclosures");
	CHECK(text_unescape, "Q&amp;A &#39;ok&#39;", "Q&A 'ok'");
	CHECK(text_unescape, "C:\\path and \\n stay", "C:\\path and \\n stay");
	CHECK(text_unescape, "end\\", "end\\");
}

static void test_text_strip_markup(void **state)
{
	(void)state;
	CHECK(text_strip_markup, "### **26/19 Apologies for Absence**", "26/19 Apologies for Absence");
	CHECK(text_strip_markup, "32. <u>Dudley Safeguarding</u> 2019/20", "32. Dudley Safeguarding 2019/20");
	CHECK(text_strip_markup, "- 1. to note the report**\n- second", "1. to note the report\nsecond");
	CHECK(text_strip_markup, "\xe2\x80\xa2   With regard", "With regard");
	CHECK(text_strip_markup, "a < b and 2*3 = 6 & x_y", "a < b and 2*3 = 6 & x_y");
	CHECK(text_strip_markup, "Q&amp;A &lt;ok&gt;", "Q&A <ok>");
	CHECK(text_strip_markup, "#hashtag stays", "#hashtag stays");
}

static void test_text_dehyphenate(void **state)
{
	(void)state;
	CHECK(text_dehyphenate, "safe-\nguarding", "safeguarding");
	CHECK(text_dehyphenate, "safe-  \n   guarding works", "safeguarding works");
	CHECK(text_dehyphenate, "co-\nlocated", "co-located");
	CHECK(text_dehyphenate, "Nembhard-\nFrancis", "Nembhard-Francis");
	CHECK(text_dehyphenate, "Pelling-\nham Road", "Pellingham Road");
	CHECK(text_dehyphenate, "Stoke-\non-Trent", "Stoke-on-Trent");
	CHECK(text_dehyphenate, "Anti-\nsocial", "Anti-social");
	CHECK(text_dehyphenate, "Service Director -\nQuality", "Service Director -\nQuality");
	CHECK(text_dehyphenate, "2016-\n17", "2016-\n17");
	CHECK(text_dehyphenate, "end-", "end-");
	CHECK(text_dehyphenate, "plain\ntext", "plain\ntext");
}

static void test_text_clean_joins_title(void **state)
{
	(void)state;
	CHECK(text_clean, "**289**      **Worcestershire  \nSafeguarding  \nChildren Board  \nAnnual Report  \n2016-17**",
	      "289 Worcestershire Safeguarding Children Board Annual Report 2016-17");
}

static void test_text_title_case(void **state)
{
	(void)state;
	assert_true(text_is_all_caps("CHILDREN AND YOUNG PEOPLE'S OVERVIEW", 36));
	assert_false(text_is_all_caps("Children", 8));
	assert_false(text_is_all_caps("1 A", 3));
	CHECK(text_title_case, "CHILDREN AND YOUNG PEOPLE'S OVERVIEW AND SCRUTINY COMMITTEE",
	      "Children and Young People's Overview and Scrutiny Committee");
	CHECK(text_title_case, "THE CABINET OF THE SUB-COMMITTEE", "The Cabinet of the Sub-Committee");
	CHECK(text_title_case, "DURHAM COUNTY COUNCIL", "Durham County Council");
	/* accented capitals of Irish, Welsh and Maltese names lowered too; other bytes kept */
	CHECK(text_title_case, "DÚN GLAISE COUNTY COUNCIL", "Dún Glaise County Council");
	CHECK(text_title_case, "YNYS FÔR", "Ynys Fôr");
	CHECK(text_title_case, "ĦAL ŻEBBUĠ", "Ħal Żebbuġ");
	CHECK(text_title_case, "ÉIRE – NAÍONRA", "Éire – Naíonra");
	assert_false(text_is_all_caps("Dún GLAISE", 11));	/* "ú" is a small letter */
	assert_true(text_is_upper_at("Ó Murchú", 9));
	assert_false(text_is_upper_at("ó", 2));
	/* a letter's length: ASCII 1, an accented Latin letter 2, a dash or a digit none */
	assert_int_equal(text_letter_len("a", 1), 1);
	assert_int_equal(text_letter_len("\xc3\xbb", 2), 2);	/* "û" */
	assert_int_equal(text_letter_len("\xc4\x81", 2), 2);	/* "ā" */
	assert_int_equal(text_letter_len("\xe2\x80\x93", 3), 0);	/* "–" */
	assert_int_equal(text_letter_len("\xc3\x97", 2), 0);	/* "×" */
	assert_int_equal(text_letter_len("7", 1), 0);
	assert_int_equal(text_letter_len("", 0), 0);
}

static void test_text_normalise_key(void **state)
{
	(void)state;
	CHECK(text_normalise_key, "Children and Young People's Overview and Scrutiny Committee",
	      "children and young peoples overview and scrutiny committee");
	CHECK(text_normalise_key, "CHILDREN AND YOUNG PEOPLE\xe2\x80\x99S  OVERVIEW & SCRUTINY COMMITTEE ",
	      "children and young peoples overview and scrutiny committee");
	CHECK(text_normalise_key, "  Caf\xc3\xa9 \xc3\x89lite\xff--Board ", "cafe elite board");
	CHECK(text_normalise_key, "", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_dashes_and_cells),
		cmocka_unit_test(test_text_utf8_valid),
		cmocka_unit_test(test_text_utf8_repair_replaces_bad_bytes),
		cmocka_unit_test(test_text_fold_and_trim),
		cmocka_unit_test(test_text_strip_markup),
		cmocka_unit_test(test_text_dehyphenate),
		cmocka_unit_test(test_text_clean_joins_title),
		cmocka_unit_test(test_text_title_case),
		cmocka_unit_test(test_text_normalise_key),
		cmocka_unit_test(test_text_unescape),
		cmocka_unit_test(test_text_xml_escape),
		cmocka_unit_test(test_text_case_insensitive_matching),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
