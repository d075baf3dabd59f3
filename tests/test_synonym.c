/*
 * test_synonym.c - synonym groups and their expansion in query strings
 *
 * Loading (the shipped file, comments, bad lines), matching (case, spaces,
 * longest match, word boundaries) and the places where a group must not be
 * put: field names, wildcards, next to NEAR/ADJ; and after + or -, where it
 * must keep the operator.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "searcher/synonym.h"
#include "synonym_test.h"

static int setup(void **state)
{
	struct synonym_set *set = synonym_set_new();
	struct cm_err err = { CM_OK, "" };

	assert_non_null(set);
	assert_int_equal(synonym_add_line(set, "CSE = child sexual exploitation", 31, &err), CM_OK);
	assert_int_equal(synonym_add_line(set, "UASC = unaccompanied asylum  seeking children", 45,
					  &err), CM_OK);
	assert_int_equal(synonym_add_line(set, "LAC = looked after children = CiC = children in care",
					  52, &err), CM_OK);
	*state = set;
	return 0;
}

static int teardown(void **state)
{
	synonym_set_free(*state);
	return 0;
}

/* The expansion of q as a NUL-terminated string the caller frees. */
static char *expand(const struct synonym_set *set, const char *q)
{
	struct sbuf out = {0};

	synonym_expand(set, q, strlen(q), &out);
	return sbuf_detach(&out, NULL);
}

#define assert_expands(set, q, want)                 \
	do {                                         \
		char *got_ = expand(set, q);         \
		assert_string_equal(got_, want);     \
		free(got_);                          \
	} while (0)

static void test_synonym_expand_both_ways(void **state)
{
	struct synonym_set *set = *state;

	assert_expands(set, "CSE", "(cse OR \"child sexual exploitation\")");
	assert_expands(set, "tackling child sexual exploitation now",
		       "tackling (cse OR \"child sexual exploitation\") now");
	/* Case and runs of spaces do not matter; the file's double space is folded. */
	assert_expands(set, "Unaccompanied Asylum Seeking   Children",
		       "(uasc OR \"unaccompanied asylum seeking children\")");
	assert_expands(set, "uasc", "(uasc OR \"unaccompanied asylum seeking children\")");
}

static void test_synonym_expand_longest_match_and_boundaries(void **state)
{
	struct synonym_set *set = *state;

	/* "children in care" beats nothing shorter; "children" alone is not a synonym. */
	assert_expands(set, "children in care council",
		       "(lac OR \"looked after children\" OR cic OR \"children in care\") council");
	assert_expands(set, "children", "children");
	/* Inside a longer word, or glued to one, nothing happens. */
	assert_expands(set, "CSEs lacrosse xcse cse2", "CSEs lacrosse xcse cse2");
	assert_expands(set, "(CSE)", "((cse OR \"child sexual exploitation\"))");
}

static void test_synonym_expand_keeps_operators_and_fields(void **state)
{
	struct synonym_set *set = *state;

	/* - and + keep applying to the whole group. */
	assert_expands(set, "safeguarding -CSE", "safeguarding -(cse OR \"child sexual exploitation\")");
	assert_expands(set, "+cse", "+(cse OR \"child sexual exploitation\")");
	/* A hyphen inside a word is not an operator. */
	assert_expands(set, "anti-CSE", "anti-CSE");
	/* Field names, wildcards and NEAR/ADJ operands are left alone. */
	assert_expands(set, "cse:x", "cse:x");
	assert_expands(set, "cse*", "cse*");
	assert_expands(set, "CSE NEAR children", "CSE NEAR children");
	assert_expands(set, "missing near/5 CSE", "missing near/5 CSE");
	assert_expands(set, "CSE ADJ/3 missing", "CSE ADJ/3 missing");
	/* ... but "nearby" is just a word. */
	assert_expands(set, "CSE nearby", "(cse OR \"child sexual exploitation\") nearby");
	/* No set: the text is copied. */
	assert_expands(NULL, "CSE", "CSE");
}

static void test_synonym_load_file(void **state)
{
	struct synonym_set *set = synonym_set_new();
	struct cm_err err = { CM_OK, "" };
	char path[] = "/tmp/test_synonym.XXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("# comment\n\n  SEND = special educational needs and disabilities  \n"
	      "EHCP = education, health and care plan\n", f);
	fclose(f);
	assert_int_equal(synonym_load(set, path, &err), CM_OK);
	assert_int_equal(synonym_count(set), 2);
	f = fopen(path, "a");
	fputs("just some words\n", f);
	fclose(f);
	assert_int_equal(synonym_load(set, path, &err), CM_EFORMAT);
	assert_non_null(strstr(err.msg, ":5:"));             /* names the line */
	unlink(path);
	assert_int_equal(synonym_load(set, path, &err), CM_EIO);
	assert_non_null(strstr(err.msg, path));
	synonym_set_free(set);

	/* The shipped file loads and knows the acronyms. */
	set = synonym_set_new();
	assert_int_equal(synonym_load(set, "common/synonyms.txt", &err), CM_OK);
	{
		static const char *const acr[] = { "CSE", "CRE", "SEND", "EHCP", "MASH", "LAC", "CiC",
						   "UASC", "NEET", "CAMHS", "Ofsted" };

		for (size_t i = 0; i < sizeof acr / sizeof acr[0]; i++) {
			char *got = expand(set, acr[i]);

			assert_true(got[0] == '(');           /* expanded into a group */
			free(got);
		}
	}
	synonym_set_free(set);
}

static void test_synonym_bad_line(void **state)
{
	struct synonym_set *set = *state;
	struct cm_err err = { CM_OK, "" };

	assert_int_equal(synonym_add_line(set, "CSE", 3, &err), CM_EFORMAT);
	assert_int_equal(synonym_add_line(set, "a=b", 3, &err), CM_EFORMAT);
	assert_int_equal(synonym_count(set), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_synonym_expand_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(test_synonym_expand_longest_match_and_boundaries, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_synonym_expand_keeps_operators_and_fields, setup,
						teardown),
		cmocka_unit_test(test_synonym_load_file),
		cmocka_unit_test_setup_teardown(test_synonym_bad_line, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
