/*
 * test_date.c - date and time parsing as council minutes write them
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "date.h"

static int parse(const char *s)
{
	int d = -1;
	size_t used = 0;

	if (!date_parse(s, strlen(s), &d, &used))
		return 0;
	return d;
}

static int find(const char *s, size_t *start, size_t *end)
{
	int d = 0;

	if (!date_find(s, strlen(s), &d, start, end))
		return 0;
	return d;
}

/* The month of a stored date value: research counts and denominators group by it. */
static void test_date_month_of(void **state)
{
	(void)state;
	assert_int_equal(date_month_of("20200230", 8), 202002);   /* the day is not checked */
	assert_int_equal(date_month_of("201912", 6), 201912);
	assert_int_equal(date_month_of("2020", 4), 0);
	assert_int_equal(date_month_of("20201301", 8), 0);
	assert_int_equal(date_month_of("20200001", 8), 0);
	assert_int_equal(date_month_of("2020-01-01", 10), 0);
}

static void test_date_parse_long_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("16 December 2019"), 20191216);
	assert_int_equal(parse("Friday 7 February 2020 at 9.30 am"), 20200207);
	assert_int_equal(parse("Tuesday 30th July 2019"), 20190730);
	assert_int_equal(parse("Wednesday, 13 September 2017, County Hall"), 20170913);
	assert_int_equal(parse("17th March 2021"), 20210317);
	assert_int_equal(parse("Thursday, 13th March,\n2025"), 20250313);
	/* an em dash after the weekday typed as dashes, or rendered so by pdftotext */
	assert_int_equal(parse("WEDNESDAY--MARCH 13, 2024--12:00 P.M."), 20240313);
	assert_int_equal(parse("WEDNESDAY- -MARCH 13, 2024- -12:00 P.M."), 20240313);
	assert_int_equal(parse("Wednesday - 13 March 2024"), 20240313);
	assert_int_equal(parse("Wednesday-13"), 0);
	assert_int_equal(parse("1st of April 2020"), 20200401);
	assert_int_equal(parse("14th day of March, 2023"), 20230314);	/* Irish and US formal minutes */
	assert_int_equal(find("held on Tuesday, the 14th day of March, 2023", NULL, NULL), 20230314);
	assert_int_equal(parse("14 days of March 2023"), 0);
	assert_int_equal(parse("14-Mar-2023"), 20230314);	/* file names and US forms */
	assert_int_equal(parse("3/14/2023"), 20230314);		/* month first only when the day cannot be */
	assert_int_equal(parse("3/4/2023"), 20230403);
	assert_int_equal(parse("3.14.2023"), 0);
	assert_int_equal(parse("14-03-2023"), 20230314);	/* a dash with the year in full */
	assert_int_equal(parse("03-14-2023"), 20230314);
	assert_int_equal(parse("16-03-17"), 0);			/* a code, not a date */
	assert_int_equal(parse("2023.03.14"), 20230314);	/* year first, dots or slashes */
	assert_int_equal(parse("2023/03/14"), 20230314);
	assert_int_equal(parse("August 13, 2018"), 20180813);
	assert_int_equal(parse("ON 20th MARCH 2014"), 0);	/* "ON" is not a weekday */
	assert_int_equal(parse("20th MARCH 2014"), 20140320);
}

static void test_date_parse_welsh(void **state)
{
	(void)state;
	assert_int_equal(parse("11eg Hydref 2017"), 20171011);
	assert_int_equal(parse("11eg HYDREF 2017"), 20171011);
	assert_int_equal(parse("1af Mawrth 2020"), 20200301);
	assert_int_equal(parse("dydd Mercher 2il Medi 2015"), 0);	/* no Welsh weekdays yet */
	assert_int_equal(parse("2il Medi 2015"), 20150902);
	assert_int_equal(parse("5 Medical 2019"), 0);	/* Welsh months are whole words only */
	assert_int_equal(parse("5 Med 2019"), 0);
}

/*
 * Formal minutes write the date in words: "the fifth day of March Two
 * Thousand and Twenty-Four" (over a line's end too), "Twenty-first June,
 * two thousand twenty three"; an ordinal without a year in words is none.
 */
static void test_date_parse_words(void **state)
{
	size_t start, end;

	(void)state;
	assert_int_equal(parse("Tuesday the fifth day of March Two Thousand and Twenty-Four"), 20240305);
	assert_int_equal(parse("the fifth day of March Two Thousand and\nTwenty-Four at seven"), 20240305);
	assert_int_equal(parse("Twenty-first June, two thousand twenty three"), 20230621);
	assert_int_equal(parse("thirtieth day of April in the year two thousand and nineteen"), 20190430);
	assert_int_equal(parse("thirty-first day of February two thousand and twenty"), 0);
	assert_int_equal(parse("the first of March"), 0);
	assert_int_equal(find("held at the Guildhall on Tuesday the fifth day of March Two Thousand and Twenty-Four.",
			      &start, &end), 20240305);
	assert_int_equal((int)start, 25);
	/* "4:00 o'clock p.m." */
	{
		char t[6];

		assert_true(date_parse_time("4:00 o'clock p.m.", 17, t, NULL));
		assert_string_equal(t, "16:00");
	}
}

static void test_date_parse_abbreviations(void **state)
{
	(void)state;
	assert_int_equal(parse("5 Sept 2019"), 20190905);
	assert_int_equal(parse("5 Dec. 2019"), 20191205);
	assert_int_equal(parse("Wed 3 Jan 2024"), 20240103);
	assert_int_equal(parse("Tues 4th Mar 2025"), 20250304);
	/* a two-digit year after an apostrophe, straight or curly; not without one, nor three digits */
	assert_int_equal(parse("Tues 12th Mar '24"), 20240312);
	assert_int_equal(parse("5 Sept \xe2\x80\x99" "19"), 20190905);
	assert_int_equal(parse("12 Mar 24"), 0);
	assert_int_equal(parse("12 Mar '245"), 0);
}

static void test_date_parse_numeric_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("13/09/2017"), 20170913);	/* UK day first */
	assert_int_equal(parse("2017-09-13"), 20170913);
	assert_int_equal(parse("29.09.19"), 20190929);
	assert_int_equal(parse("30/3/23"), 20230330);
	assert_int_equal(parse("10.12.24"), 20241210);
	assert_int_equal(parse("03.23.01"), 0);		/* a Souldern minute number */
	assert_int_equal(parse("1.2.3.4"), 0);
	assert_int_equal(parse("2016-17"), 0);
	assert_int_equal(parse("26/19"), 0);
}

/* Which order a date's text shows: the votes that read "03/04/2024" in a US document. */
static void test_date_order(void **state)
{
	static const struct {
		const char *s;
		int order;
	} cases[] = {
		{ "March 4, 2024", 1 }, { "Monday, March 4th, 2024", 1 }, { "03/14/2024", 1 },
		{ "4 March 2024", -1 }, { "Monday 4th of March 2024", -1 }, { "14/03/2024", -1 }, { "4-Mar-2024", -1 },
		{ "04/03/2024", 0 }, { "2024-03-04", 0 }, { "4.3.24", 0 }, { "12-03-2024", 0 },
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		print_message("%s\n", cases[k].s);
		assert_int_equal(date_order(cases[k].s, strlen(cases[k].s)), cases[k].order);
	}
	assert_int_equal(date_order(NULL, 0), 0);
}

static void test_date_parse_validation(void **state)
{
	(void)state;
	assert_int_equal(parse("31 February 2020"), 0);
	assert_int_equal(parse("29 February 2019"), 0);
	assert_int_equal(parse("29 February 2020"), 20200229);
	assert_int_equal(parse("31/04/2020"), 0);
	assert_int_equal(parse("0 March 2020"), 0);
	assert_int_equal(parse("12 March 1066"), 0);
	assert_int_equal(parse("12 Marchland 2020"), 0);
	assert_int_equal(parse("4th May"), 0);			/* no year */
	assert_int_equal(parse(""), 0);
	assert_false(date_parse(NULL, 0, NULL, NULL));
}

static void test_date_parse_consumed(void **state)
{
	const char *s = "Friday 7 February 2020 at 9.30 am";
	size_t used = 0;
	int d;

	(void)state;
	assert_true(date_parse(s, strlen(s), &d, &used));
	assert_int_equal(used, strlen("Friday 7 February 2020"));
	/* a span that stops mid-year is not a date */
	assert_false(date_parse(s, 20, &d, &used));
}

static void test_date_find_first_in_text(void **state)
{
	const char *s = "## **Children and Young People Scrutiny Review Board 16 December 2019**";
	size_t a, b;

	(void)state;
	assert_int_equal(find(s, &a, &b), 20191216);
	assert_memory_equal(s + a, "16 December 2019", b - a);
	assert_int_equal(find("Minutes of the Children's Services Scrutiny Committee "
			      "Wednesday, 17th March 2021 at 6.00 pm", &a, &b), 20210317);
	assert_int_equal(find("item 26/19 and 2016-17 and 10.00 am", NULL, NULL), 0);
	assert_int_equal(find("launched 29.09.19.", &a, &b), 20190929);
	assert_int_equal(find("x123 March 2020", NULL, NULL), 0);
}

static void test_date_time_forms(void **state)
{
	char t[6];
	size_t used;

	(void)state;
	assert_true(date_parse_time("9.30 am", 7, t, &used));
	assert_string_equal(t, "09:30");
	assert_true(date_parse_time("1.00pm", 6, t, NULL));
	assert_string_equal(t, "13:00");
	assert_true(date_parse_time("6.00 pm", 7, t, NULL));
	assert_string_equal(t, "18:00");
	assert_true(date_parse_time("10.00 am", 8, t, NULL));
	assert_string_equal(t, "10:00");
	assert_true(date_parse_time("18:30", 5, t, NULL));
	assert_string_equal(t, "18:30");
	assert_true(date_parse_time("12.15 pm", 8, t, NULL));
	assert_string_equal(t, "12:15");
	assert_true(date_parse_time("12 a.m.", 7, t, &used));
	assert_string_equal(t, "00:00");
	assert_int_equal(used, 7);
	assert_true(date_parse_time("7:08 p.m.", 9, t, NULL));
	assert_string_equal(t, "19:08");
	/* "p.m." keeps its dot; after "pm" a dot ends the sentence */
	assert_true(date_parse_time("7.30pm. Members", 15, t, &used));
	assert_int_equal(used, 6);
	assert_true(date_parse_time("7.30 p.m. Members", 17, t, &used));
	assert_int_equal(used, 9);
	assert_false(date_parse_time("10.00", 5, t, NULL));	/* a sum */
	assert_false(date_parse_time("13.30 pm", 8, t, NULL));
	assert_false(date_parse_time("25:00", 5, t, NULL));
	assert_false(date_parse_time("9.5 am", 6, t, NULL));
	assert_false(date_parse_time("9 apples", 8, t, NULL));
	/* the hours and minutes run together, then "hrs" or "hours"; not a year or a sum */
	assert_true(date_parse_time("1930hrs", 7, t, &used));
	assert_string_equal(t, "19:30");
	assert_int_equal(used, 7);
	assert_true(date_parse_time("0915 hours", 10, t, NULL));
	assert_string_equal(t, "09:15");
	assert_false(date_parse_time("2024 in", 7, t, NULL));
	assert_false(date_parse_time("2530hrs", 7, t, NULL));
	assert_false(date_parse_time("1930hrsx", 8, t, NULL));
}

static void test_date_find_time_in_text(void **state)
{
	const char *s = "on Friday 7 February 2020 at 9.30 am and 2.5 million";
	char t[6];
	size_t a, b;

	(void)state;
	assert_true(date_find_time(s, strlen(s), t, &a, &b));
	assert_string_equal(t, "09:30");
	assert_memory_equal(s + a, "9.30 am", b - a);
	assert_false(date_find_time("£1.9 million, 2024-25, 16.30", 29, t, NULL, NULL));
	assert_true(date_find_time("Time commenced 1.00pm", 21, t, NULL, NULL));
	assert_string_equal(t, "13:00");
}

static void test_date_format_iso_roundtrip(void **state)
{
	char out[11];

	(void)state;
	assert_true(date_format_iso(20191216, out));
	assert_string_equal(out, "2019-12-16");
	assert_false(date_format_iso(0, out));
	assert_string_equal(out, "");
	assert_false(date_format_iso(20190231, out));
}

static void test_date_parse_instant_forms(void **state)
{
	static const struct { const char *s; long long t; } good[] = {
		{ "0", 0LL },
		{ "1741080600", 1741080600000LL },
		{ "1970-01-01", 0LL },
		{ "2025-03-04", 1741046400000LL },
		{ "2025-03-04T09:30:00Z", 1741080600000LL },
		{ "2025-03-04 09:30:00Z", 1741080600000LL },
		{ "2025-03-04T09:30Z", 1741080600000LL },
		{ "2025-03-04T09:30:00.123456Z", 1741080600123LL },
		{ "2025-03-04T09:30:00.5Z", 1741080600500LL },
		{ "2025-03-04T10:30:00+01:00", 1741080600000LL },
		{ "2025-03-04T04:30:00-05:00", 1741080600000LL },
		{ "2025-03-04T09:30:00", 1741080600000LL },
		{ "2000-02-29T00:00:00Z", 951782400000LL },
		{ "2099-12-31T23:59:59Z", 4102444799000LL },
	};
	static const char *const bad[] = {
		"", "now", "-5", "2025-02-30", "2025-3-4", "2025-03-04T9:30Z", "2025-03-04T24:00Z",
		"2025-03-04T09:30:00Zjunk", "2025-03-04T09:30:00+0100", "2025-03-04T09:30:00.Z",
		"1741080600x", "12345678901234567890",
	};
	long long t;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		t = -1;
		assert_true(date_parse_instant(good[i].s, &t));
		assert_int_equal(t, good[i].t);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t = -7;
		assert_false(date_parse_instant(bad[i], &t));
		assert_int_equal(t, -7);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_month_of),
		cmocka_unit_test(test_date_parse_long_forms),
		cmocka_unit_test(test_date_parse_words),
		cmocka_unit_test(test_date_parse_abbreviations),
		cmocka_unit_test(test_date_parse_numeric_forms),
		cmocka_unit_test(test_date_parse_validation),
		cmocka_unit_test(test_date_order),
		cmocka_unit_test(test_date_parse_consumed),
		cmocka_unit_test(test_date_find_first_in_text),
		cmocka_unit_test(test_date_time_forms),
		cmocka_unit_test(test_date_find_time_in_text),
		cmocka_unit_test(test_date_format_iso_roundtrip),
		cmocka_unit_test(test_date_parse_welsh),
		cmocka_unit_test(test_date_parse_instant_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
