/*
 * itemdoc.c - documents from a parsed meeting (see itemdoc.h)
 *
 * Weights: a title word counts as much as five body words, because a hit in
 * "30/19 Monitoring Safeguarding Practice" is what a searcher wants first.
 * Titles and resolutions are also indexed under their own prefixes for
 * title: and resolved: searches (resolutions are part of the body text).
 */
#include "itemdoc.h"
#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docdata.h"
#include "schema.h"
#include "text.h"

/* wdf per occurrence: title words outrank body text (see header). */
enum { ITEMDOC_WDF_TITLE = 5, ITEMDOC_WDF_BODY = 1 };

static size_t itemdoc_count_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		int sp = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\f' || *s == '\r';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* Add PREFIX + normalised value as a boolean term, if the value is non-empty. */
static void itemdoc_add_key(struct xw_doc *doc, const char *prefix, const char *value,
			    struct sbuf *tmp)
{
	if (!value || !*value)
		return;
	sbuf_reset(tmp);
	text_normalise_key(value, strlen(value), tmp);
	if (tmp->len)
		xw_doc_add_term(doc, prefix, tmp->buf, tmp->len);
}

/* The last word of a name, normalised: "F M Oborski" -> "oborski". */
static void itemdoc_add_person(struct xw_doc *doc, const char *name, struct sbuf *tmp)
{
	const char *last = strrchr(name, ' ');

	itemdoc_add_key(doc, PFX_PERSON, last ? last + 1 : name, tmp);
}

/* Fields every document of the meeting carries. */
static void itemdoc_add_meeting(struct xw_doc *doc, const struct itemdoc_src *src,
				const char *date, const char *persons, struct sbuf *tmp)
{
	const struct field_meeting *m = src->meeting;
	const char *kind = field_kind_str(m->kind);

	itemdoc_add_key(doc, PFX_COUNCIL, m->council, tmp);
	itemdoc_add_key(doc, PFX_COMMITTEE, m->committee, tmp);
	for (size_t i = 0; i < m->present.n; i++)
		itemdoc_add_person(doc, m->present.v[i], tmp);
	if (m->chair)
		itemdoc_add_person(doc, m->chair, tmp);
	xw_doc_add_term(doc, PFX_MIME, src->mime, strlen(src->mime));
	xw_doc_add_term(doc, PFX_KIND, kind, strlen(kind));
	xw_doc_add_term(doc, PFX_FILE, src->meeting_id, strlen(src->meeting_id));
	xw_doc_add_term(doc, PFX_MEETING, src->meeting_id, strlen(src->meeting_id));
	if (m->draft)
		xw_doc_add_term(doc, PFX_KIND, "draft", 5);
	if (m->date) {
		xw_doc_add_term(doc, PFX_YEAR, date, 4);
		xw_doc_set_value(doc, SLOT_DATE, date, 8);
		xw_doc_set_value(doc, SLOT_YEAR, date, 4);
	}
	if (m->council)
		xw_doc_set_value(doc, SLOT_COUNCIL, m->council, strlen(m->council));
	if (m->committee)
		xw_doc_set_value(doc, SLOT_COMMITTEE, m->committee, strlen(m->committee));
	xw_doc_set_value(doc, SLOT_MEETING, src->meeting_id, strlen(src->meeting_id));
	xw_doc_set_value(doc, SLOT_MIME, src->mime, strlen(src->mime));
	xw_doc_set_value(doc, SLOT_KIND, kind, strlen(kind));
	if (*persons)
		xw_doc_set_value(doc, SLOT_PERSONS, persons, strlen(persons));
}

/* "Surname" display names of those present (chair first), joined by SCHEMA_LIST_SEP. */
static void itemdoc_persons(const struct field_meeting *m, struct sbuf *out)
{
	struct strv seen = {0};

	if (m->chair && strv_push(&seen, m->chair) == CM_OK)
		sbuf_adds(out, m->chair);
	for (size_t i = 0; i < m->present.n; i++) {
		if (strv_has(&seen, m->present.v[i]))
			continue;
		if (strv_push(&seen, m->present.v[i]) != CM_OK)
			break;
		if (out->len)
			sbuf_addch(out, SCHEMA_LIST_SEP);
		sbuf_adds(out, m->present.v[i]);
	}
	strv_release(&seen);
}

/* Names one per line into out (reset first), for the front matter's data. */
static void itemdoc_join(const struct strv *names, struct sbuf *out)
{
	sbuf_reset(out);
	for (size_t i = 0; i < names->n; i++) {
		if (i)
			sbuf_addch(out, '\n');
		sbuf_adds(out, names->v[i]);
	}
}

/* Add doc, complete but for its unique id, as document n of the meeting. */
static int itemdoc_push(struct itemdoc_set *set, struct xw_doc *doc, const char *mid, size_t n)
{
	char uid[128];

	if (ARRAY_GROW(set->docs, set->n + 1, set->alloc)) {
		xw_doc_free(doc);
		return CM_ENOMEM;
	}
	snprintf(uid, sizeof uid, PFX_UID "%s-%zu", mid, n);
	set->docs[set->n].doc = doc;
	set->docs[set->n].uid = strdup(uid);
	set->n++;
	if (!set->docs[set->n - 1].uid)
		return CM_ENOMEM;
	xw_doc_add_term(doc, "", uid, strlen(uid));
	/* Last: the digest covers everything but the first-indexed time, which the
	 * writer may still set, and which an unchanged item keeps (ingest.c). */
	xw_doc_seal_except(doc, SLOT_ADDED);
	return CM_OK;
}

int itemdoc_build(const struct itemdoc_src *src, struct xw_tg *tg, struct itemdoc_set *out,
		  struct cm_err *err)
{
	const struct field_meeting *m = src->meeting;
	struct sbuf tmp = {0}, persons = {0}, data = {0}, res = {0}, present = {0}, apologies = {0};
	char date[16] = "", iso[16] = "", page[16];
	int rc = CM_OK;

	if (m->date) {
		snprintf(date, sizeof date, "%08d", m->date);
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
	}
	itemdoc_persons(m, &persons);

	for (size_t i = 0; i <= m->n_items; i++) {
		const struct field_item *it = i ? &m->items[i - 1] : NULL;
		struct xw_doc *doc = xw_doc_new();
		const char *title = it ? it->title : (m->committee ? m->committee : "");
		const char *text = it ? it->body : (m->front ? m->front : "");
		char sortkey[48], uid[96], order[144], added[SCHEMA_ADDED_DIGITS + 160];
		struct docdata dd;

		if (!doc) {
			rc = CM_ENOMEM;
			goto out;
		}
		itemdoc_add_meeting(doc, src, date, persons.len ? persons.buf : "", &tmp);
		sbuf_reset(&res);
		if (it) {
			if (*it->number)	/* unnumbered minutes' items have no item: term */
				xw_doc_add_term(doc, PFX_ITEM, it->number, strlen(it->number));
			xw_doc_index_text(tg, doc, PFX_TITLE, it->title, strlen(it->title), 1);
			xw_doc_index_text(tg, doc, "", it->title, strlen(it->title),
					  ITEMDOC_WDF_TITLE);
			for (size_t r = 0; r < it->resolutions.n; r++) {
				const char *rs = it->resolutions.v[r];

				/* The body holds the resolutions already: index them once more
				 * only under their prefix, or positions double (index size). */
				xw_doc_index_text(tg, doc, PFX_RESOLVED, rs, strlen(rs), 1);
				if (res.len)
					sbuf_addch(&res, '\n');
				sbuf_adds(&res, rs);
			}
		} else {
			xw_doc_add_term(doc, PFX_FRONT, "front", 5);
			/* Front matter names the committee and the people: searchable text. */
			xw_doc_index_text(tg, doc, PFX_TITLE, title, strlen(title), 1);
		}
		xw_doc_index_text(tg, doc, "", text, strlen(text), ITEMDOC_WDF_BODY);
		xw_doc_add_phrases(tg, doc, PFX_PHRASE);
		out->words += itemdoc_count_words(text);
		if (it) {
			char nw[24];

			snprintf(nw, sizeof nw, "%zu", itemdoc_count_words(text));
			xw_doc_set_value(doc, SLOT_WORDS, nw, strlen(nw));
			xw_doc_set_value(doc, SLOT_TITLE, it->title, strlen(it->title));
		}
		snprintf(sortkey, sizeof sortkey, "%s%06zu", date[0] ? date : "00000000", i);
		xw_doc_set_value(doc, SLOT_ITEM_SORT, sortkey, strlen(sortkey));
		snprintf(order, sizeof order, "%s%s", sortkey, src->meeting_id);
		xw_doc_set_value(doc, SLOT_ORDER, order, strlen(order));
		if (src->added > 0) {
			snprintf(added, sizeof added, "%0*lld%s", (int)SCHEMA_ADDED_DIGITS,
				 src->added, order);
			xw_doc_set_value(doc, SLOT_ADDED, added, strlen(added));
		}

		snprintf(page, sizeof page, "%u", it ? it->page : (m->n_items ? 1u : 0u));
		memset(&dd, 0, sizeof dd);
		dd.path = src->path;
		dd.council = m->council;
		dd.committee = m->committee;
		dd.date = iso;
		dd.item = it ? it->number : NULL;
		dd.title = title;
		dd.page = (it && it->page) ? page : NULL;
		dd.mime = src->mime;
		dd.kind = field_kind_str(m->kind);
		dd.text = text;
		dd.resolutions = res.buf;
		dd.meeting = src->meeting_id;
		snprintf(uid, sizeof uid, "%s-%zu", src->meeting_id, i);
		dd.uid = uid;
		dd.url = src->url;
		dd.paged = src->paged ? "1" : NULL;
		if (!it) {
			itemdoc_join(&m->present, &present);
			itemdoc_join(&m->apologies, &apologies);
			dd.time = m->time;
			dd.venue = m->venue;
			dd.chair = m->chair;
			dd.present = present.buf;
			dd.apologies = apologies.buf;
		}
		sbuf_reset(&data);
		rc = docdata_encode(src->zip, &dd, &data, err);
		if (rc != CM_OK) {
			xw_doc_free(doc);
			goto out;
		}
		xw_doc_set_data(doc, data.buf, data.len);
		rc = itemdoc_push(out, doc, src->meeting_id, i);
		if (rc != CM_OK) {
			cm_err_set(err, rc, "%s: out of memory", src->path);
			goto out;
		}
	}
	if (sbuf_oom(&tmp) || sbuf_oom(&persons) || sbuf_oom(&res) || sbuf_oom(&present) ||
	    sbuf_oom(&apologies))
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory", src->path);
out:
	sbuf_release(&tmp);
	sbuf_release(&persons);
	sbuf_release(&data);
	sbuf_release(&res);
	sbuf_release(&present);
	sbuf_release(&apologies);
	return rc;
}

void itemdoc_set_release(struct itemdoc_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		xw_doc_free(set->docs[i].doc);
		free(set->docs[i].uid);
	}
	free(set->docs);
	memset(set, 0, sizeof *set);
}
