/*
 * fuzz_field.c - libFuzzer target: field_parse on arbitrary bytes
 *
 * Parses the input as minutes, formats the result as JSON (which walks
 * every field) and frees it.  Any crash, leak or sanitizer report is a bug.
 * See tests/fuzz/README for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>

#include "field.h"
#include "field_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_meeting m = {0};
	struct field_opts opts = { NULL, "archive/kent-county-council/2024-draft/minutes.pdf" };
	struct sbuf out = {0};

	if (field_parse((const char *)data, size, &opts, &m, NULL) == CM_OK)
		field_meeting_to_json(&m, &out, NULL);
	sbuf_release(&out);
	field_meeting_release(&m);
	return 0;
}
