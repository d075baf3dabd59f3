/*
 * test_encode.c - the JSON string escaper and the RFC 4180 CSV writer
 *
 * The JSON cases are parsed back with json-c, the CSV ones compared with
 * what RFC 4180 readers (Python's csv, spreadsheets) expect byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <json-c/json.h>
#include <string.h>

#include "encode.h"

static void check_json(const char *s, size_t len, const char *want)
{
	struct sbuf out = {0};

	enc_json_string(&out, s, len);
	assert_false(sbuf_oom(&out));
	assert_string_equal(sbuf_str(&out), want);
	if (s) {	/* json-c reads back the very bytes */
		json_object *o = json_tokener_parse(sbuf_str(&out));
		assert_non_null(o);
		assert_int_equal(json_object_get_string_len(o), len);
		assert_memory_equal(json_object_get_string(o), s, len);
		json_object_put(o);
	}
	sbuf_release(&out);
}

static void test_json_plain_and_null(void **state)
{
	(void)state;
	check_json("Planning Committee", 18, "\"Planning Committee\"");
	check_json("", 0, "\"\"");
	check_json(NULL, 0, "null");
}

static void test_json_escapes(void **state)
{
	(void)state;
	check_json("say \"aye\"", 9, "\"say \\\"aye\\\"\"");
	check_json("C:\\minutes", 10, "\"C:\\\\minutes\"");
	check_json("a\nb\tc\rd", 7, "\"a\\nb\\tc\\rd\"");
	check_json("\x01\x1f", 2, "\"\\u0001\\u001f\"");
	check_json("nul\0byte", 8, "\"nul\\u0000byte\"");
}

static void test_json_utf8_passes_through(void **state)
{
	(void)state;
	/* "Co-optees – £5,000" with an en dash and a pound sign */
	check_json("Co-optees \xe2\x80\x93 \xc2\xa3" "5,000", 21, "\"Co-optees \xe2\x80\x93 \xc2\xa3" "5,000\"");
}

static void test_json_cstr(void **state)
{
	struct sbuf out = {0};

	(void)state;
	enc_json_cstr(&out, "x\"y");
	sbuf_addch(&out, ' ');
	enc_json_cstr(&out, NULL);
	assert_string_equal(sbuf_str(&out), "\"x\\\"y\" null");
	sbuf_release(&out);
}

/* One record of fields (NULL-terminated list), as the programs write it. */
static void check_csv(const char *const *fields, const char *want)
{
	struct sbuf out = {0};

	for (size_t i = 0; fields[i]; i++) {
		if (i)
			sbuf_addch(&out, ',');
		enc_csv_field(&out, fields[i]);
	}
	enc_csv_end(&out);
	assert_false(sbuf_oom(&out));
	assert_string_equal(sbuf_str(&out), want);
	sbuf_release(&out);
}

static void test_csv_quotes_only_when_needed(void **state)
{
	(void)state;
	check_csv((const char *[]){ "Cabinet", "2024-01-09", "12", NULL }, "Cabinet,2024-01-09,12\r\n");
	check_csv((const char *[]){ "Budget, 2024/25", "ok", NULL }, "\"Budget, 2024/25\",ok\r\n");
}

static void test_csv_doubles_quotes_and_keeps_line_breaks(void **state)
{
	(void)state;
	check_csv((const char *[]){ "the \"Chair\"", NULL }, "\"the \"\"Chair\"\"\"\r\n");
	check_csv((const char *[]){ "line one\nline two", "x\r\ny", NULL },
		  "\"line one\nline two\",\"x\r\ny\"\r\n");
}

static void test_csv_empty_and_null(void **state)
{
	struct sbuf out = {0};

	(void)state;
	check_csv((const char *[]){ "", "b", NULL }, ",b\r\n");
	enc_csv_field(&out, NULL);
	assert_int_equal(out.len, 0);
	sbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_plain_and_null),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_json_utf8_passes_through),
		cmocka_unit_test(test_json_cstr),
		cmocka_unit_test(test_csv_quotes_only_when_needed),
		cmocka_unit_test(test_csv_doubles_quotes_and_keeps_line_breaks),
		cmocka_unit_test(test_csv_empty_and_null),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
