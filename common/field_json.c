/*
 * field_json.c - a parsed meeting as JSON (the --explain output)
 *
 * See field_json.h.  Written by hand over sbuf: the shape is fixed and
 * small; strings are escaped by enc_json_string (encode.h).
 */
#include "field_json.h"
#include "date.h"
#include "encode.h"

#include <string.h>

static void json_strv(struct sbuf *out, const struct strv *sv)
{
	sbuf_addch(out, '[');
	for (size_t i = 0; i < sv->n; i++) {
		if (i)
			sbuf_adds(out, ", ");
		enc_json_cstr(out, sv->v[i]);
	}
	sbuf_addch(out, ']');
}

int field_meeting_to_json(const struct field_meeting *m, struct sbuf *out, struct cm_err *err)
{
	char iso[11];

	if (!m || !out)
		return cm_err_set(err, CM_EINVAL, "field_meeting_to_json: NULL argument");
	sbuf_adds(out, "{\"council\": ");
	enc_json_cstr(out, m->council);
	sbuf_adds(out, ", \"committee\": ");
	enc_json_cstr(out, m->committee);
	sbuf_adds(out, ", \"date\": ");
	enc_json_cstr(out, date_format_iso(m->date, iso) ? iso : NULL);
	sbuf_adds(out, ", \"time\": ");
	enc_json_cstr(out, m->time);
	sbuf_adds(out, ", \"venue\": ");
	enc_json_cstr(out, m->venue);
	sbuf_adds(out, ", \"chair\": ");
	enc_json_cstr(out, m->chair);
	sbuf_adds(out, ", \"present\": ");
	json_strv(out, &m->present);
	sbuf_adds(out, ", \"apologies\": ");
	json_strv(out, &m->apologies);
	sbuf_adds(out, ", \"officers\": ");
	json_strv(out, &m->officers);
	sbuf_adds(out, ", \"kind\": ");
	enc_json_cstr(out, field_kind_str(m->kind));
	sbuf_adds(out, ", \"sources\": {\"council\": ");
	enc_json_cstr(out, field_source_str(m->council_src));
	sbuf_adds(out, ", \"committee\": ");
	enc_json_cstr(out, field_source_str(m->committee_src));
	sbuf_adds(out, ", \"date\": ");
	enc_json_cstr(out, field_source_str(m->date_src));
	sbuf_addch(out, '}');
	sbuf_addf(out, ", \"draft\": %s, \"items\": [", m->draft ? "true" : "false");
	for (size_t i = 0; i < m->n_items; i++) {
		const struct field_item *it = &m->items[i];
		size_t tl = it->body ? strlen(it->body) : 0;

		if (tl > FIELD_JSON_TEXT_MAX) {
			tl = FIELD_JSON_TEXT_MAX;
			while (tl && ((unsigned char)it->body[tl] & 0xc0) == 0x80)
				tl--;
		}
		sbuf_adds(out, i ? ", {\"number\": " : "{\"number\": ");
		enc_json_cstr(out, it->number && *it->number ? it->number : NULL);	/* unnumbered: null */
		sbuf_adds(out, ", \"agenda_item\": ");
		enc_json_cstr(out, it->agenda_item);
		sbuf_adds(out, ", \"title\": ");
		enc_json_cstr(out, it->title);
		if (it->page)
			sbuf_addf(out, ", \"page\": %u", it->page);
		else
			sbuf_adds(out, ", \"page\": null");
		sbuf_adds(out, ", \"resolutions\": ");
		json_strv(out, &it->resolutions);
		sbuf_adds(out, ", \"text\": ");
		enc_json_string(out, it->body, tl);
		sbuf_addch(out, '}');
	}
	sbuf_adds(out, "]}");
	if (sbuf_oom(out))
		return cm_err_set(err, CM_ENOMEM, "cannot format meeting as json: out of memory");
	return CM_OK;
}
