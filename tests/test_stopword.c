/*
 * test_stopword.c - the stopword list: sorted, lowercase, and the words left out on purpose
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stopword.h"

/* The list is what bsearch needs: sorted, unique, lowercase ASCII, short. */
static void test_stopword_list_is_sorted_lowercase(void **state)
{
	size_t n = 0;
	const char *const *v = stopword_list(&n);

	(void)state;
	assert_true(n > 50);
	for (size_t i = 0; i < n; i++) {
		assert_true(strlen(v[i]) > 0 && strlen(v[i]) <= 10);
		for (const char *c = v[i]; *c; c++)
			assert_true(*c >= 'a' && *c <= 'z');
		if (i)
			assert_true(strcmp(v[i - 1], v[i]) < 0);
		assert_true(stopword_is(v[i], strlen(v[i])));
	}
}

static void test_stopword_is_case_and_length(void **state)
{
	(void)state;
	assert_true(stopword_is("the", 3));
	assert_true(stopword_is("The", 3));
	assert_true(stopword_is("OF", 2));
	assert_true(stopword_is("of the", 2));        /* only the len bytes count */
	assert_false(stopword_is("themes", 6));
	assert_false(stopword_is("theatre", 7));
	assert_false(stopword_is("", 0));
	assert_false(stopword_is("themselvesx", 11));
}

/* Words that carry meaning in minutes stay indexed (see stopword.h). */
static void test_stopword_meaningful_words_kept(void **state)
{
	static const char *const kept[] = {
		"not", "no", "may", "it", "us", "who", "will", "am", "i", "against", "over",
		"under", "by", "in", "on", "at", "all", "after", "before", "council", "resolved",
	};

	(void)state;
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		assert_false(stopword_is(kept[i], strlen(kept[i])));
}

static void expect_strip(const char *in, const char *want)
{
	struct sbuf out = {0};

	sbuf_adds(&out, "<");
	stopword_strip(in, strlen(in), &out);
	assert_false(sbuf_oom(&out));
	assert_string_equal(sbuf_str(&out) + 1, want);
	sbuf_release(&out);
}

/* Phrases and compounds lose their stopwords, keep their other words and separators. */
static void test_stopword_strip_phrases_and_compounds(void **state)
{
	(void)state;
	expect_strip("cost of living", "cost living");
	expect_strip("the cost of the living", "cost living");
	expect_strip("Cost-Of-Living", "Cost-Living");
	expect_strip("head of service, children", "head service, children");
	expect_strip("looked after children", "looked after children");
	expect_strip("  terms of reference ", "  terms reference ");
	expect_strip("of the council", "council");
	expect_strip("council of", "council");
	expect_strip("council's report", "council's report");
	expect_strip("of the", "of the");                /* only stopwords: unchanged */
	expect_strip("The", "The");
	expect_strip("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stopword_list_is_sorted_lowercase),
		cmocka_unit_test(test_stopword_is_case_and_length),
		cmocka_unit_test(test_stopword_meaningful_words_kept),
		cmocka_unit_test(test_stopword_strip_phrases_and_compounds),
	};

	return cmocka_run_group_tests_name("stopword", tests, NULL, NULL);
}
