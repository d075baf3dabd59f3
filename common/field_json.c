/*
 * field_json.c - a parsed meeting as JSON (the --explain output)
 *
 * See field_json.h.  Written by hand over sbuf: the shape is fixed and
 * small, and escaping is the only subtle part (control characters as
 * \u00XX, '"' and '\\' escaped, UTF-8 passed through).
 */
#include "field_json.h"
#include "date.h"

#include <string.h>

void field_json_string(struct sbuf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0, i;

	if (!s) {
		sbuf_adds(out, "null");
		return;
	}
	sbuf_addch(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\') {
			run++;
			continue;
		}
		sbuf_add(out, s + i - run, run);
		run = 0;
		switch (c) {
		case '"':  sbuf_adds(out, "\\\""); break;
		case '\\': sbuf_adds(out, "\\\\"); break;
		case '\n': sbuf_adds(out, "\\n"); break;
		case '\t': sbuf_adds(out, "\\t"); break;
		case '\r': sbuf_adds(out, "\\r"); break;
		default:
			sbuf_adds(out, "\\u00");
			sbuf_addch(out, hex[c >> 4]);
			sbuf_addch(out, hex[c & 15]);
		}
	}
	sbuf_add(out, s + i - run, run);
	sbuf_addch(out, '"');
}

static void json_cstr(struct sbuf *out, const char *s)
{
	field_json_string(out, s, s ? strlen(s) : 0);
}

static void json_strv(struct sbuf *out, const struct strv *sv)
{
	sbuf_addch(out, '[');
	for (size_t i = 0; i < sv->n; i++) {
		if (i)
			sbuf_adds(out, ", ");
		json_cstr(out, sv->v[i]);
	}
	sbuf_addch(out, ']');
}

int field_meeting_to_json(const struct field_meeting *m, struct sbuf *out, struct cm_err *err)
{
	char iso[11];

	if (!m || !out)
		return cm_err_set(err, CM_EINVAL, "field_meeting_to_json: NULL argument");
	sbuf_adds(out, "{\"council\": ");
	json_cstr(out, m->council);
	sbuf_adds(out, ", \"committee\": ");
	json_cstr(out, m->committee);
	sbuf_adds(out, ", \"date\": ");
	json_cstr(out, date_format_iso(m->date, iso) ? iso : NULL);
	sbuf_adds(out, ", \"time\": ");
	json_cstr(out, m->time);
	sbuf_adds(out, ", \"venue\": ");
	json_cstr(out, m->venue);
	sbuf_adds(out, ", \"chair\": ");
	json_cstr(out, m->chair);
	sbuf_adds(out, ", \"present\": ");
	json_strv(out, &m->present);
	sbuf_adds(out, ", \"apologies\": ");
	json_strv(out, &m->apologies);
	sbuf_adds(out, ", \"officers\": ");
	json_strv(out, &m->officers);
	sbuf_adds(out, ", \"kind\": ");
	json_cstr(out, field_kind_str(m->kind));
	sbuf_adds(out, ", \"sources\": {\"council\": ");
	json_cstr(out, field_source_str(m->council_src));
	sbuf_adds(out, ", \"committee\": ");
	json_cstr(out, field_source_str(m->committee_src));
	sbuf_adds(out, ", \"date\": ");
	json_cstr(out, field_source_str(m->date_src));
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
		json_cstr(out, it->number && *it->number ? it->number : NULL);	/* unnumbered: null */
		sbuf_adds(out, ", \"agenda_item\": ");
		json_cstr(out, it->agenda_item);
		sbuf_adds(out, ", \"title\": ");
		json_cstr(out, it->title);
		if (it->page)
			sbuf_addf(out, ", \"page\": %u", it->page);
		else
			sbuf_adds(out, ", \"page\": null");
		sbuf_adds(out, ", \"resolutions\": ");
		json_strv(out, &it->resolutions);
		sbuf_adds(out, ", \"text\": ");
		field_json_string(out, it->body, tl);
		sbuf_addch(out, '}');
	}
	sbuf_adds(out, "]}");
	if (sbuf_oom(out))
		return cm_err_set(err, CM_ENOMEM, "cannot format meeting as json: out of memory");
	return CM_OK;
}
