/*
 * test_glossary.c - phrase keys: the shipped glossary's, a query's, stored ones
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "err.h"
#include "glossary.h"

static void check_key(const char *phrase, size_t words, const char *want)
{
	struct sbuf key = {0};

	assert_int_equal(glossary_key(phrase, strlen(phrase), &key), words);
	assert_string_equal(sbuf_str(&key), want);
	sbuf_release(&key);
}

static void test_key_drops_stopwords_and_case(void **state)
{
	(void)state;
	check_key("Office for Standards in Education", 4, "office_standards_in_education");
	check_key("looked after children", 3, "looked_after_children");
	check_key("inspection of local authority children's services", 5,
		  "inspection_local_authority_children's_services");
}

static void test_key_splits_as_the_index_does(void **state)
{
	(void)state;
	check_key("multi-agency safeguarding hub", 4, "multi_agency_safeguarding_hub");
	check_key("education, health and care plan", 4, "education_health_care_plan");
	check_key("section 106", 2, "section_106");
}

static void test_key_needs_two_words(void **state)
{
	(void)state;
	check_key("Ofsted", 1, "");
	check_key("the council", 1, "");
	check_key("", 0, "");
}

static void test_shipped_glossary_keys(void **state)
{
	struct strv keys = {0};

	(void)state;
	assert_int_equal(glossary_keys((const char *)glossary_text, glossary_text_len, &keys), CM_OK);
	assert_true(keys.n >= 20);
	assert_true(glossary_has(&keys, "office_standards_in_education", 29));
	assert_true(glossary_has(&keys, "child_sexual_exploitation", 25));
	assert_true(glossary_has(&keys, "looked_after_children", 21));
	assert_false(glossary_has(&keys, "looked_after", 12));		/* a prefix is not a key */
	assert_false(glossary_has(&keys, "ofsted", 6));			/* single words are not */
	for (size_t i = 1; i < keys.n; i++)
		assert_true(strcmp(keys.v[i - 1], keys.v[i]) < 0);	/* sorted, each once */
	assert_null(keys.v[keys.n]);
	strv_release(&keys);
}

static void test_keys_round_trip_through_metadata(void **state)
{
	struct strv keys = {0}, back = {0};
	struct sbuf stored = {0};
	const char *text = "# comment\nA = b c d = e f\nX = b c d\n";

	(void)state;
	assert_int_equal(glossary_keys(text, strlen(text), &keys), CM_OK);
	assert_int_equal(keys.n, 2);
	assert_string_equal(keys.v[0], "b_c_d");
	assert_string_equal(keys.v[1], "e_f");
	assert_int_equal(glossary_keys_join(&keys, &stored), CM_OK);
	assert_string_equal(sbuf_str(&stored), "b_c_d\ne_f\n");
	assert_int_equal(glossary_keys_split(stored.buf, stored.len, &back), CM_OK);
	assert_int_equal(back.n, 2);
	assert_string_equal(back.v[1], "e_f");
	strv_release(&keys);
	strv_release(&back);
	sbuf_release(&stored);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_drops_stopwords_and_case),
		cmocka_unit_test(test_key_splits_as_the_index_does),
		cmocka_unit_test(test_key_needs_two_words),
		cmocka_unit_test(test_shipped_glossary_keys),
		cmocka_unit_test(test_keys_round_trip_through_metadata),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
