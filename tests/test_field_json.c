/*
 * test_field_json.c - the --explain JSON shape of a parsed meeting
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <json-c/json.h>

#include "field.h"
#include "field_json.h"

static void test_field_json_shape(void **state)
{
	const char *text =
		"LICENSING COMMITTEE\n\nTuesday 3 March 2020 at 2.00 pm\n\n"
		"Present: Councillor \"Quotes\" Back\\slash (Chair)\n\n"
		"01/20 Apologies\n\nNone.\n\n02/20 Taxi \"Policy\"\n\nLong text \x01 here.\n\n"
		"Resolved: that the policy be approved.\n";
	struct field_meeting m = {0};
	struct sbuf out = {0};
	struct json_object *root, *items, *it, *v;

	(void)state;
	assert_int_equal(field_parse(text, strlen(text), NULL, &m, NULL), CM_OK);
	assert_int_equal(field_meeting_to_json(&m, &out, NULL), CM_OK);
	root = json_tokener_parse(sbuf_str(&out));
	assert_non_null(root);
	assert_true(json_object_object_get_ex(root, "council", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(root, "committee", &v));
	assert_string_equal(json_object_get_string(v), "Licensing Committee");
	assert_true(json_object_object_get_ex(root, "date", &v));
	assert_string_equal(json_object_get_string(v), "2020-03-03");
	assert_true(json_object_object_get_ex(root, "time", &v));
	assert_string_equal(json_object_get_string(v), "14:00");
	assert_true(json_object_object_get_ex(root, "kind", &v));
	assert_string_equal(json_object_get_string(v), "minutes");
	assert_true(json_object_object_get_ex(root, "draft", &v));
	assert_false(json_object_get_boolean(v));
	assert_true(json_object_object_get_ex(root, "present", &v));
	assert_true(json_object_is_type(v, json_type_array));
	assert_true(json_object_object_get_ex(root, "items", &items));
	assert_int_equal(json_object_array_length(items), 2);
	it = json_object_array_get_idx(items, 1);
	assert_true(json_object_object_get_ex(it, "number", &v));
	assert_string_equal(json_object_get_string(v), "02/20");
	assert_true(json_object_object_get_ex(it, "title", &v));
	assert_string_equal(json_object_get_string(v), "Taxi \"Policy\"");
	assert_true(json_object_object_get_ex(it, "page", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(it, "resolutions", &v));
	assert_string_equal(json_object_get_string(json_object_array_get_idx(v, 0)),
			    "that the policy be approved");
	assert_true(json_object_object_get_ex(it, "text", &v));
	assert_non_null(strstr(json_object_get_string(v), "Long text"));
	json_object_put(root);
	sbuf_release(&out);
	field_meeting_release(&m);
}

static void test_field_json_text_is_cut_on_a_character(void **state)
{
	struct field_meeting m = {0};
	struct field_item it = {0};
	struct sbuf out = {0}, body = {0};
	struct json_object *root, *items, *v;
	char one[] = "1", tee[] = "T";

	(void)state;
	for (int i = 0; i < 150; i++)
		sbuf_adds(&body, "\xc3\xa9");	/* 300 bytes of two-byte characters */
	it.number = one;
	it.title = tee;
	it.body = body.buf;
	it.page = 3;
	m.items = &it;
	m.n_items = 1;
	assert_int_equal(field_meeting_to_json(&m, &out, NULL), CM_OK);
	root = json_tokener_parse(sbuf_str(&out));
	assert_non_null(root);
	assert_true(json_object_object_get_ex(root, "items", &items));
	assert_true(json_object_object_get_ex(json_object_array_get_idx(items, 0), "text", &v));
	assert_int_equal(strlen(json_object_get_string(v)), FIELD_JSON_TEXT_MAX);
	assert_true(json_object_object_get_ex(json_object_array_get_idx(items, 0), "page", &v));
	assert_int_equal(json_object_get_int(v), 3);
	assert_int_equal(field_meeting_to_json(NULL, &out, NULL), CM_EINVAL);
	json_object_put(root);
	sbuf_release(&out);
	sbuf_release(&body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_json_shape),
		cmocka_unit_test(test_field_json_text_is_cut_on_a_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
