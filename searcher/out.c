/*
 * out.c - text, JSON (json-c) and CSV renderings of results (see out.h)
 */
#include "out.h"
#include "encode.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

bool out_iso_time(long long ms, char *buf, size_t size)
{
	time_t tt = (time_t)(ms / 1000);
	struct tm tm;
	size_t n;

	if (ms <= 0 || !gmtime_r(&tt, &tm) || !(n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm)))
		return false;
	return snprintf(buf + n, size - n, ".%03dZ", (int)(ms % 1000)) == 5;
}

void out_source_link(const struct docdata *d, struct sbuf *out)
{
	if (!d->url || !*d->url)
		return;
	sbuf_adds(out, d->url);
	/* PDF viewers open a page from the fragment; a bundle holding a PDF has none. */
	if (d->page && *d->page && d->paged && d->paged[0] == '1' && !strchr(d->url, '#'))
		sbuf_addf(out, "#page=%s", d->page);
}

static json_object *out_str(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

/* Unix time ms as ISO 8601 UTC ("2025-03-04T09:30:00.123Z"), or null when 0. */
static json_object *out_time(long long t)
{
	char buf[32];

	return out_iso_time(t, buf, sizeof buf) ? json_object_new_string(buf) : NULL;
}

static json_object *out_hit_json(const struct search_hit *h, bool full)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(h->uid ? h->uid : ""));
	json_object_object_add(o, "council", out_str(h->d.council));
	json_object_object_add(o, "committee", out_str(h->d.committee));
	json_object_object_add(o, "date", out_str(h->d.date));
	json_object_object_add(o, "item", out_str(h->d.item));
	json_object_object_add(o, "title", out_str(h->d.title));
	json_object_object_add(o, "path", out_str(h->d.path));
	json_object_object_add(o, "page", h->d.page && *h->d.page ?
				json_object_new_int(atoi(h->d.page)) : NULL);
	json_object_object_add(o, "kind", out_str(h->d.kind));
	json_object_object_add(o, "format", out_str(h->d.mime));
	json_object_object_add(o, "meeting", out_str(h->d.meeting));
	if (h->d.url && *h->d.url) {
		struct sbuf link = {0};

		out_source_link(&h->d, &link);
		json_object_object_add(o, "url", json_object_new_string(sbuf_str(&link)));
		sbuf_release(&link);
	} else {
		json_object_object_add(o, "url", NULL);
	}
	json_object_object_add(o, "added", out_time(h->added));
	if (!full) {
		json_object_object_add(o, "snippet", json_object_new_string(h->snippet ? h->snippet : ""));
		json_object_object_add(o, "score", json_object_new_double(h->score));
		if (h->collapsed)
			json_object_object_add(o, "more_in_meeting",
					       json_object_new_int64((int64_t)h->collapsed));
	} else {
		json_object *res = json_object_new_array();
		const char *p = h->d.resolutions ? h->d.resolutions : "";

		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);

			json_object_array_add(res, json_object_new_string_len(p, (int)n));
			p += n + (nl ? 1 : 0);
		}
		json_object_object_add(o, "resolutions", res);
		json_object_object_add(o, "text", json_object_new_string(h->d.text ? h->d.text : ""));
	}
	return o;
}

static json_object *out_facet_json(const struct search_facet *f)
{
	json_object *a = json_object_new_array();

	for (size_t j = 0; j < f->n; j++) {
		json_object *v = json_object_new_object();

		json_object_object_add(v, "value", json_object_new_string(f->v[j].value));
		json_object_object_add(v, "count", json_object_new_int64((int64_t)f->v[j].count));
		json_object_array_add(a, v);
	}
	return a;
}

static void out_json_append(json_object *o, bool pretty, struct sbuf *out)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		    (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN);

	sbuf_adds(out, json_object_to_json_string_ext(o, flags));
	sbuf_addch(out, '\n');
}

/* Only a sharded search with shards missing says so: other answers keep their shape. */
static void out_json_partial(const struct search_result *res, json_object *o)
{
	json_object *missing;

	if (!res->partial)
		return;
	missing = json_object_new_array();
	for (size_t i = 0; i < res->missing_shards.n; i++)
		json_object_array_add(missing, json_object_new_string(res->missing_shards.v[i]));
	json_object_object_add(o, "partial", json_object_new_boolean(true));
	json_object_object_add(o, "missing_shards", missing);
}

static void out_json(const struct search_result *res, const struct out_opts *opts,
		     struct sbuf *out)
{
	json_object *o = json_object_new_object(), *hits = json_object_new_array(),
		    *facets = json_object_new_object();

	json_object_object_add(o, "query", json_object_new_string(opts->query ? opts->query : ""));
	json_object_object_add(o, "total", json_object_new_int64((int64_t)res->total));
	json_object_object_add(o, "estimated", json_object_new_boolean(res->estimated));
	for (size_t i = 0; i < res->n_hits; i++)
		json_object_array_add(hits, out_hit_json(&res->hits[i], false));
	json_object_object_add(o, "hits", hits);
	for (size_t i = 0; i < res->n_facets; i++)
		json_object_object_add(facets, res->facets[i].name, out_facet_json(&res->facets[i]));
	json_object_object_add(o, "facets", facets);
	json_object_object_add(o, "facets_exact", json_object_new_boolean(res->facets_exact));
	json_object_object_add(o, "suggestion", out_str(res->suggestion));
	json_object_object_add(o, "took_ms", json_object_new_double(res->ms));
	out_json_partial(res, o);
	out_json_append(o, opts->pretty, out);
	json_object_put(o);
}

static void out_csv(const struct search_result *res, struct sbuf *out)
{
	struct sbuf link = {0};

	sbuf_adds(out, "id,council,committee,date,item,title,path,page,url,score,snippet\r\n");
	for (size_t i = 0; i < res->n_hits; i++) {
		const struct search_hit *h = &res->hits[i];
		const char *fields[] = { h->uid, h->d.council, h->d.committee, h->d.date, h->d.item,
					 h->d.title, h->d.path, h->d.page, NULL };

		sbuf_reset(&link);
		out_source_link(&h->d, &link);
		fields[8] = sbuf_str(&link);
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
			enc_csv_field(out, fields[f]);
			sbuf_addch(out, ',');
		}
		sbuf_addf(out, "%.4f,", h->score);
		enc_csv_field(out, h->snippet);
		enc_csv_end(out);
	}
	sbuf_release(&link);
}

static void out_text(const struct search_result *res, const struct out_opts *opts,
		     struct sbuf *out)
{
	const char *b = opts->color ? "\033[1m" : "", *d = opts->color ? "\033[2m" : "",
		   *r = opts->color ? "\033[0m" : "";

	if (res->suggestion)
		sbuf_addf(out, "Did you mean: %s%s%s\n\n", b, res->suggestion, r);
	sbuf_addf(out, "%s%zu%s item%s match%s\n", res->estimated ? "about " : "", res->total,
		  "", res->total == 1 ? "" : "s", res->total == 1 ? "es" : "");
	for (size_t i = 0; i < res->n_hits; i++) {
		const struct search_hit *h = &res->hits[i];

		sbuf_addf(out, "\n%s%s%s%s%s\n", b, *h->d.item ? h->d.item : "", *h->d.item ? " " : "",
			  *h->d.title ? h->d.title : "(front matter)", r);
		sbuf_addf(out, "  %s%s%s%s%s%s\n", *h->d.council ? h->d.council : "unknown council",
			  " | ", *h->d.committee ? h->d.committee : "unknown committee", " | ",
			  *h->d.date ? h->d.date : "undated", "");
		sbuf_addf(out, "  %s%s%s%s%s", d, h->d.path, *h->d.page ? "#page=" : "", h->d.page, r);
		if (h->collapsed)
			sbuf_addf(out, "  (+%zu more in this meeting)", h->collapsed);
		sbuf_addch(out, '\n');
		if (*h->d.url) {
			sbuf_addf(out, "  %s", d);
			out_source_link(&h->d, out);
			sbuf_addf(out, "%s\n", r);
		}
		if (h->snippet && *h->snippet)
			sbuf_addf(out, "  %s\n", h->snippet);
	}
	for (size_t i = 0; i < res->n_facets; i++) {
		const struct search_facet *f = &res->facets[i];

		if (!f->n)
			continue;
		sbuf_addf(out, "%s%s%s:%s", i ? "" : "\n", b, f->name, r);
		for (size_t j = 0; j < f->n; j++)
			sbuf_addf(out, "%s %s (%zu)", j ? "," : "", f->v[j].value, f->v[j].count);
		sbuf_addch(out, '\n');
	}
	if (res->n_facets && !res->facets_exact)
		sbuf_adds(out, "(facet counts are estimates)\n");
}

void out_result(const struct search_result *res, enum out_format format,
		const struct out_opts *opts, struct sbuf *out)
{
	switch (format) {
	case OUT_JSON: out_json(res, opts, out); break;
	case OUT_CSV:  out_csv(res, out); break;
	case OUT_TEXT: out_text(res, opts, out); break;
	}
}

/* Lines of s ('\n'-separated) as a JSON array of strings. */
static json_object *out_lines(const char *s)
{
	json_object *a = json_object_new_array();

	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		if (n)
			json_object_array_add(a, json_object_new_string_len(s, (int)n));
		s += n + (nl ? 1 : 0);
	}
	return a;
}

void out_meeting_json(const struct search_result *res, struct sbuf *out)
{
	json_object *o = json_object_new_object(), *items = json_object_new_array();
	const struct search_hit *front = NULL;
	const struct docdata *m;

	for (size_t i = 0; i < res->n_hits && !front; i++) {
		const char *uid = res->hits[i].uid ? res->hits[i].uid : "";
		size_t n = strlen(uid);

		if (n >= 2 && strcmp(uid + n - 2, "-0") == 0)   /* itemdoc: front matter is 0 */
			front = &res->hits[i];
	}
	m = front ? &front->d : res->n_hits ? &res->hits[0].d : NULL;
	if (m) {
		json_object_object_add(o, "id", out_str(m->meeting));
		json_object_object_add(o, "council", out_str(m->council));
		json_object_object_add(o, "committee", out_str(m->committee));
		json_object_object_add(o, "date", out_str(m->date));
		json_object_object_add(o, "time", out_str(m->time));
		json_object_object_add(o, "venue", out_str(m->venue));
		json_object_object_add(o, "chair", out_str(m->chair));
		json_object_object_add(o, "present", out_lines(m->present));
		json_object_object_add(o, "apologies", out_lines(m->apologies));
		json_object_object_add(o, "kind", out_str(m->kind));
		json_object_object_add(o, "format", out_str(m->mime));
		json_object_object_add(o, "path", out_str(m->path));
		json_object_object_add(o, "url", out_str(m->url));
		json_object_object_add(o, "front", front ? out_hit_json(front, true) : NULL);
	}
	for (size_t i = 0; i < res->n_hits; i++)
		if (&res->hits[i] != front)
			json_object_array_add(items, out_hit_json(&res->hits[i], true));
	json_object_object_add(o, "items", items);
	out_json_append(o, false, out);
	json_object_put(o);
}

void out_item_json(const struct search_hit *hit, struct sbuf *out)
{
	json_object *o = out_hit_json(hit, true);

	out_json_append(o, false, out);
	json_object_put(o);
}

void out_stats(const struct search_stats *st, enum out_format format, struct sbuf *out)
{
	if (format == OUT_JSON) {
		json_object *o = json_object_new_object();

		json_object_object_add(o, "documents", json_object_new_int64((int64_t)st->documents));
		json_object_object_add(o, "meetings", json_object_new_int64((int64_t)st->meetings));
		json_object_object_add(o, "items", json_object_new_int64((int64_t)st->items));
		json_object_object_add(o, "files", json_object_new_int64((int64_t)st->files));
		json_object_object_add(o, "first_date", out_str(st->first_date));
		json_object_object_add(o, "last_date", out_str(st->last_date));
		json_object_object_add(o, "councils", out_facet_json(&st->councils));
		json_object_object_add(o, "committees", out_facet_json(&st->committees));
		out_json_append(o, true, out);
		json_object_put(o);
		return;
	}
	sbuf_addf(out, "meetings:   %zu\nitems:      %zu\nfiles:      %zu\ndates:      %s .. %s\n",
		  st->meetings, st->items, st->files, st->first_date[0] ? st->first_date : "-",
		  st->last_date[0] ? st->last_date : "-");
	sbuf_addf(out, "councils:   %zu\n", st->councils.n);
	for (size_t i = 0; i < st->councils.n; i++)
		sbuf_addf(out, "  %6zu  %s\n", st->councils.v[i].count, st->councils.v[i].value);
	sbuf_addf(out, "committees: %zu\n", st->committees.n);
	for (size_t i = 0; i < st->committees.n; i++)
		sbuf_addf(out, "  %6zu  %s\n", st->committees.v[i].count, st->committees.v[i].value);
}

void out_error_json(const char *msg, int code, struct sbuf *out)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "error", json_object_new_string(msg));
	json_object_object_add(o, "code", json_object_new_int(code));
	out_json_append(o, false, out);
	json_object_put(o);
}
