/*
 * research_recur.c - agenda items that come back meeting after meeting
 *
 * One pass over the matching items reads their title, date, council,
 * committee, meeting and sort-key slots (no document data: titles have a
 * slot of their own); titles are reduced to a key (research_title_key)
 * and grouped per council; groups seen at enough distinct meetings are
 * listed with their occurrences.  Procedural items are recognised on the
 * key by a table of openings (RECUR_PROCEDURAL).
 *
 * Divisions: title keys, the pass, grouping, output.
 */
#include "research.h"
#include "research_test.h"
#include "clock.h"
#include "grow.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "docdata.h"
#include "hash.h"
#include "encode.h"
#include "research_int.h"
#include "schema.h"

/* ---- title keys --------------------------------------------------------- */

/* Words that date or number an instance of an item rather than name it. */
static const char *const RECUR_DROP[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "first", "second", "third", "fourth", "fifth", "sixth",
	"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "final", "no", "st", "nd",
	"rd", "th",
};

/* Words left dangling at either end once numbers and dates are gone. */
static const char *const RECUR_EDGE[] = {
	"of", "for", "to", "the", "and", "at", "in", "on", "as", "from", "ending", "ended", "year",
	"period", "month", "by", "a", "an",
};

/*
 * Procedural items, as the opening words of a key: apologies, interests,
 * minutes, substitutes, urgent and other business, the next meeting,
 * exclusion of press and public, public questions, announcements,
 * elections of the chair.
 */
static const char *const RECUR_PROCEDURAL[] = {
	"apologies", "apology", "declaration", "declarations", "disclosure", "disclosures",
	"interests", "members interests", "minutes", "confirmation of minutes",
	"confirmation of the minutes", "approval of minutes", "approval of the minutes",
	"to approve the minutes", "to confirm the minutes", "substitute", "substitutes",
	"substitution", "substitutions", "urgent business", "urgent items", "urgent item",
	"any other business", "other business", "aob", "date of next meeting",
	"date of the next meeting", "dates of next meeting", "dates of future meetings",
	"date and time of next meeting", "date and time of the next meeting", "next meeting",
	"exclusion of the press", "exclusion of press", "exclusion of the public",
	"exclusion of public", "public participation", "public questions", "public question time",
	"questions from the public", "questions from members of the public", "chairs announcements",
	"chairmans announcements", "chairs communications", "announcements", "communications",
	"welcome and introductions", "welcome", "introductions", "matters arising",
	"election of chair", "election of vice", "election of a chair", "appointment of chair",
	"appointment of vice", "appointment of a chair", "petitions", "items of urgent business",
	"declaration of interests", "notification of substitutes", "late items",
	"items of business", "other items", "any other items",
};

static bool recur_in(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return true;
	return false;
}

/* q1..q4 (and qtr) read as "quarter"; any other word holding a digit goes. */
static const char *recur_word(const char *w, size_t n)
{
	bool digit = false;

	for (size_t i = 0; i < n; i++)
		digit |= isdigit((unsigned char)w[i]) != 0;
	if ((n == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4') || (n == 3 && !memcmp(w, "qtr", 3)))
		return "quarter";
	if (digit || recur_in(w, n, RECUR_DROP, sizeof RECUR_DROP / sizeof RECUR_DROP[0]))
		return NULL;
	return "";
}

void research_title_key(const char *title, struct sbuf *out)
{
	struct strv words = {0};
	struct sbuf w = {0};
	size_t first, last;
	const unsigned char *p = (const unsigned char *)(title ? title : "");

	for (;;) {
		bool end = !*p;

		/* Letters, digits and UTF-8 continue a word; apostrophes vanish inside it. */
		if (!end && (isalnum(*p) || *p >= 0x80)) {
			if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
				p += 3;   /* curly apostrophes */
				continue;
			}
			sbuf_addch(&w, tolower(*p++));
			continue;
		}
		if (!end && *p == '\'' && w.len) {
			p++;
			continue;
		}
		if (w.len) {
			const char *r = recur_word(w.buf, w.len);

			if (r && *r)
				strv_push(&words, r);
			else if (r)
				strv_push(&words, w.buf);
			sbuf_reset(&w);
		}
		if (end)
			break;
		if (*p == '&')
			strv_push(&words, "and");
		p++;
	}
	/* Trim dangling joining words, then write with repeats collapsed. */
	first = 0;
	last = words.n;
	while (first < last && recur_in(words.v[first], strlen(words.v[first]), RECUR_EDGE,
					sizeof RECUR_EDGE / sizeof RECUR_EDGE[0]))
		first++;
	while (last > first && recur_in(words.v[last - 1], strlen(words.v[last - 1]), RECUR_EDGE,
					sizeof RECUR_EDGE / sizeof RECUR_EDGE[0]))
		last--;
	for (size_t i = first; i < last; i++) {
		if (i > first && strcmp(words.v[i], words.v[i - 1]) == 0)
			continue;
		if (i > first)
			sbuf_addch(out, ' ');
		sbuf_adds(out, words.v[i]);
	}
	strv_release(&words);
	sbuf_release(&w);
}

bool research_is_procedural(const char *key)
{
	for (size_t i = 0; i < sizeof RECUR_PROCEDURAL / sizeof RECUR_PROCEDURAL[0]; i++) {
		size_t n = strlen(RECUR_PROCEDURAL[i]);

		if (strncmp(key, RECUR_PROCEDURAL[i], n) == 0 && (key[n] == '\0' || key[n] == ' '))
			return true;
	}
	return strstr(key, "declarations of interest") || strstr(key, "declaration of interest") ||
	       strstr(key, "apologies for absence");
}

/* ---- the pass ----------------------------------------------------------- */

struct recur_occ {
	size_t group;                 /* index in the group intern table */
	uint64_t meeting;             /* hash of the meeting id */
	char date[11];                /* YYYY-MM-DD or "" */
	char *title, *committee, *uid;/* owned until moved into a group */
};

struct recur_ctx {
	const struct research_recur_req *req;
	struct intern groups;/* "council\x1fkey" */
	struct recur_occ *occ;
	size_t n, alloc;
	bool titles_in_data;          /* an index without the title slot: decode docdata */
	size_t items;
	int rc;
};

static int recur_on_match(void *ctx, const struct xw_match_doc *d)
{
	struct recur_ctx *c = ctx;
	struct sbuf key = {0}, uid = {0};
	struct docdata dd = {0};
	struct recur_occ *o;
	const char *title = d->vals[0];
	size_t g, ordinal = 0;

	c->items++;
	if (c->titles_in_data) {
		if (docdata_decode(d->data, d->data_len, &dd, NULL) != CM_OK)
			return 0;
		title = dd.title;
	}
	sbuf_add(&key, d->vals[2], d->lens[2]);
	sbuf_addch(&key, SCHEMA_LIST_SEP);
	{
		size_t before = key.len;

		research_title_key(title, &key);
		if (key.len == before || (!c->req->all && research_is_procedural(key.buf + before)))
			goto out;   /* an empty key groups nothing */
	}
	if (ARRAY_GROW(c->occ, c->n + 1, c->alloc))
		goto oom;
	g = sbuf_oom(&key) ? (size_t)-1 : intern_add(&c->groups, key.buf, key.len);
	if (g == (size_t)-1)
		goto oom;
	if (d->lens[5] > 8)
		ordinal = (size_t)strtoull(d->vals[5] + 8, NULL, 10);
	sbuf_add(&uid, d->vals[4], d->lens[4]);
	sbuf_addf(&uid, "-%zu", ordinal);
	o = &c->occ[c->n];
	memset(o, 0, sizeof *o);
	o->group = g;
	o->meeting = hash64(d->vals[4], d->lens[4]);
	if (d->lens[1] == 8)
		snprintf(o->date, sizeof o->date, "%.4s-%.2s-%.2s", d->vals[1], d->vals[1] + 4,
			 d->vals[1] + 6);
	o->title = strdup(title);
	o->committee = strndup(d->vals[3], d->lens[3]);
	o->uid = sbuf_oom(&uid) ? NULL : sbuf_detach(&uid, NULL);
	c->n++;
	if (!o->title || !o->committee || !o->uid)
		goto oom;
	goto out;
oom:
	c->rc = CM_ENOMEM;
out:
	docdata_release(&dd);
	sbuf_release(&key);
	sbuf_release(&uid);
	return c->rc != CM_OK;
}

static int recur_on_query(void *ctx, struct xw_db *db, const struct xw_query *q,
			  struct cm_err *err)
{
	struct recur_ctx *c = ctx;
	struct xw_each_opts eo = { { SLOT_TITLE, SLOT_DATE, SLOT_COUNCIL, SLOT_COMMITTEE,
				     SLOT_MEETING, SLOT_ITEM_SORT }, 6, false };
	struct xw_query *front = xw_query_term(PFX_FRONT "front", strlen(PFX_FRONT "front"));
	struct xw_query *items = front ? xw_query_combine(XW_OP_AND_NOT, q, front) : NULL;
	struct sbuf lo = {0}, hi = {0};
	int rc;

	if (!items) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	rc = xw_db_value_bounds(db, SLOT_TITLE, &lo, &hi, err);
	c->titles_in_data = eo.data = rc == CM_OK && hi.len == 0;
	if (rc == CM_OK)
		rc = xw_each_match(db, items, &eo, recur_on_match, c, NULL, err);
	if (rc == CM_OK && c->rc != CM_OK)
		rc = cm_err_set(err, c->rc, "out of memory");
out:
	xw_query_free(front);
	xw_query_free(items);
	sbuf_release(&lo);
	sbuf_release(&hi);
	return rc;
}

/* ---- grouping ----------------------------------------------------------- */

static int recur_cmp_occ(const void *pa, const void *pb)
{
	const struct recur_occ *a = pa, *b = pb;
	int c;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (!*a->date != !*b->date)
		return *a->date ? -1 : 1;   /* undated last */
	c = strcmp(a->date, b->date);
	return c ? c : strcmp(a->uid, b->uid);
}

static int recur_cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

static int recur_cmp_group(const void *pa, const void *pb)
{
	const struct research_recur_group *a = pa, *b = pb;
	int c;

	if (a->meetings != b->meetings)
		return a->meetings > b->meetings ? -1 : 1;
	c = strcmp(a->key, b->key);
	return c ? c : strcmp(a->council, b->council);
}

static int recur_cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

/* Fill g from occurrences o[0..n) of one group (sorted by date); moves their strings. */
static int recur_fill(struct research_recur_group *g, const char *gkey, struct recur_occ *o,
		      size_t n, uint64_t *scratch, char **sscratch)
{
	const char *sep = strchr(gkey, SCHEMA_LIST_SEP);
	size_t best = 0, run = 0;

	g->council = strndup(gkey, (size_t)(sep - gkey));
	g->key = strdup(sep + 1);
	g->occ = calloc(n, sizeof *g->occ);
	g->committees = calloc(n, sizeof *g->committees);
	if (!g->council || !g->key || !g->occ || !g->committees)
		return CM_ENOMEM;
	for (size_t i = 0; i < n; i++)
		scratch[i] = o[i].meeting;
	qsort(scratch, n, sizeof *scratch, recur_cmp_u64);
	for (size_t i = 0; i < n; i++)
		g->meetings += i == 0 || scratch[i] != scratch[i - 1];
	/* Distinct committees, and the most frequent written title. */
	for (size_t i = 0; i < n; i++)
		sscratch[i] = o[i].committee;
	qsort(sscratch, n, sizeof *sscratch, recur_cmp_str);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(sscratch[i], sscratch[i - 1]) != 0)
			if (!(g->committees[g->n_committees++] = strdup(sscratch[i])))
				return CM_ENOMEM;
	for (size_t i = 0; i < n; i++)
		sscratch[i] = o[i].title;
	qsort(sscratch, n, sizeof *sscratch, recur_cmp_str);
	for (size_t i = 0; i < n; i++) {
		run = i && strcmp(sscratch[i], sscratch[i - 1]) == 0 ? run + 1 : 1;
		if (run > best) {
			best = run;
			free(g->title);
			if (!(g->title = strdup(sscratch[i])))
				return CM_ENOMEM;
		}
	}
	for (size_t i = 0; i < n; i++) {
		g->occ[i].date = strdup(o[i].date);
		g->occ[i].committee = o[i].committee;
		g->occ[i].title = o[i].title;
		g->occ[i].uid = o[i].uid;
		o[i].committee = o[i].title = o[i].uid = NULL;
		g->n_occ++;
		if (!g->occ[i].date)
			return CM_ENOMEM;
		if (*o[i].date && !*g->first)
			memcpy(g->first, o[i].date, sizeof g->first);
		if (*o[i].date)
			memcpy(g->last, o[i].date, sizeof g->last);
	}
	return CM_OK;
}

/* Free what g holds (not g itself) and zero it. */
static void recur_group_release(struct research_recur_group *g)
{
	for (size_t k = 0; g->occ && k < g->n_occ; k++) {
		free(g->occ[k].date);
		free(g->occ[k].committee);
		free(g->occ[k].title);
		free(g->occ[k].uid);
	}
	for (size_t k = 0; g->committees && k < g->n_committees; k++)
		free(g->committees[k]);
	free(g->occ);
	free(g->committees);
	free(g->key);
	free(g->title);
	free(g->council);
	memset(g, 0, sizeof *g);   /* first and last too */
}

static int recur_group(struct recur_ctx *c, struct research_recur *r, struct cm_err *err)
{
	size_t min = c->req->min_meetings ? c->req->min_meetings : 2;
	uint64_t *scratch = calloc(c->n + 1, sizeof *scratch);
	char **sscratch = calloc(c->n + 1, sizeof *sscratch);
	int rc = CM_OK;

	r->items = c->items;
	if (!scratch || !sscratch) {
		rc = CM_ENOMEM;
		goto out;
	}
	qsort(c->occ, c->n, sizeof *c->occ, recur_cmp_occ);
	r->g = calloc(c->groups.n + 1, sizeof *r->g);
	if (!r->g) {
		rc = CM_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < c->n && rc == CM_OK;) {
		size_t j = i;
		struct research_recur_group *g = &r->g[r->n];

		while (j < c->n && c->occ[j].group == c->occ[i].group)
			j++;
		rc = recur_fill(g, c->groups.v[c->occ[i].group], &c->occ[i], j - i, scratch,
				sscratch);
		r->n++;
		if (rc == CM_OK && g->meetings < min) {
			recur_group_release(g);
			r->n--;
		}
		i = j;
	}
	if (rc != CM_OK)
		goto out;
	qsort(r->g, r->n, sizeof *r->g, recur_cmp_group);
	r->groups_total = r->n;
	if (c->req->limit && r->n > c->req->limit) {
		for (size_t i = c->req->limit; i < r->n; i++)
			recur_group_release(&r->g[i]);
		r->n = c->req->limit;
	}
out:
	free(scratch);
	free(sscratch);
	return rc == CM_OK ? CM_OK : cm_err_set(err, rc, "out of memory");
}

int research_recur_run(struct search_engine *eng, const struct research_recur_req *req,
		       struct research_recur *out, struct cm_err *err)
{
	struct recur_ctx c;
	double t0 = clock_now_ms();
	int rc;

	memset(&c, 0, sizeof c);
	c.req = req;
	rc = search_with_query(eng, &req->base, recur_on_query, &c, err);
	if (rc == CM_OK)
		rc = recur_group(&c, out, err);
	for (size_t i = 0; i < c.n; i++) {
		free(c.occ[i].title);
		free(c.occ[i].committee);
		free(c.occ[i].uid);
	}
	free(c.occ);
	intern_release(&c.groups);
	out->ms = clock_now_ms() - t0;
	if (rc != CM_OK)
		research_recur_release(out);
	return rc;
}

void research_recur_release(struct research_recur *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->g && i < r->n; i++)
		recur_group_release(&r->g[i]);
	free(r->g);
	memset(r, 0, sizeof *r);
}

/* ---- output ------------------------------------------------------------- */

static void recur_json(const struct research_recur *r, bool pretty, struct sbuf *out)
{
	json_object *o = json_object_new_object(), *groups = json_object_new_array();

	json_object_object_add(o, "items", json_object_new_int64((int64_t)r->items));
	json_object_object_add(o, "groups_total", json_object_new_int64((int64_t)r->groups_total));
	for (size_t i = 0; i < r->n; i++) {
		const struct research_recur_group *g = &r->g[i];
		json_object *go = json_object_new_object(), *cm = json_object_new_array(),
			    *oc = json_object_new_array();

		json_object_object_add(go, "title", json_object_new_string(g->title ? g->title : ""));
		json_object_object_add(go, "key", json_object_new_string(g->key));
		json_object_object_add(go, "council", json_object_new_string(g->council));
		json_object_object_add(go, "meetings", json_object_new_int64((int64_t)g->meetings));
		json_object_object_add(go, "items", json_object_new_int64((int64_t)g->n_occ));
		json_object_object_add(go, "first", json_object_new_string(g->first));
		json_object_object_add(go, "last", json_object_new_string(g->last));
		for (size_t k = 0; k < g->n_committees; k++)
			json_object_array_add(cm, json_object_new_string(g->committees[k]));
		json_object_object_add(go, "committees", cm);
		for (size_t k = 0; k < g->n_occ; k++) {
			json_object *e = json_object_new_object();

			json_object_object_add(e, "date", json_object_new_string(g->occ[k].date));
			json_object_object_add(e, "committee",
					       json_object_new_string(g->occ[k].committee));
			json_object_object_add(e, "title", json_object_new_string(g->occ[k].title));
			json_object_object_add(e, "id", json_object_new_string(g->occ[k].uid));
			json_object_array_add(oc, e);
		}
		json_object_object_add(go, "occurrences", oc);
		json_object_array_add(groups, go);
	}
	json_object_object_add(o, "groups", groups);
	json_object_object_add(o, "ms", json_object_new_double(round(r->ms * 10) / 10));
	sbuf_adds(out, json_object_to_json_string_ext(o, JSON_C_TO_STRING_NOSLASHESCAPE |
		  (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN)));
	sbuf_addch(out, '\n');
	json_object_put(o);
}

static void recur_csv(const struct research_recur *r, struct sbuf *out)
{
	sbuf_adds(out, "title,key,council,meetings,items,first,last,committees\r\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct research_recur_group *g = &r->g[i];
		struct sbuf cm = {0};

		for (size_t k = 0; k < g->n_committees; k++) {
			if (k)
				sbuf_addch(&cm, ';');
			sbuf_adds(&cm, g->committees[k]);
		}
		enc_csv_field(out, g->title);
		sbuf_addch(out, ',');
		enc_csv_field(out, g->key);
		sbuf_addch(out, ',');
		enc_csv_field(out, g->council);
		sbuf_addf(out, ",%zu,%zu,%s,%s,", g->meetings, g->n_occ, g->first, g->last);
		enc_csv_field(out, sbuf_str(&cm));
		enc_csv_end(out);
		sbuf_release(&cm);
	}
}

static void recur_text(const struct research_recur *r, struct sbuf *out)
{
	sbuf_addf(out, "%zu recurring items (of %zu items examined), most meetings first (%.0f ms)\n",
		  r->groups_total, r->items, r->ms);
	sbuf_adds(out, "meetings  first       last        council                   title\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct research_recur_group *g = &r->g[i];

		sbuf_addf(out, "%8zu  %-10s  %-10s  ", g->meetings, *g->first ? g->first : "-",
			  *g->last ? g->last : "-");
		research_pad(g->council, 24, out);
		sbuf_adds(out, "  ");
		sbuf_adds(out, g->title ? g->title : g->key);
		if (g->n_committees > 1)
			sbuf_addf(out, "  [%zu committees]", g->n_committees);
		else if (g->n_committees == 1)
			sbuf_addf(out, "  [%s]", g->committees[0]);
		sbuf_addch(out, '\n');
	}
	if (r->n < r->groups_total)
		sbuf_addf(out, "(%zu more: --limit N or --json for all)\n", r->groups_total - r->n);
}

void research_recur_write(const struct research_recur *r, enum out_format format, bool pretty,
			  struct sbuf *out)
{
	switch (format) {
	case OUT_JSON: recur_json(r, pretty, out); break;
	case OUT_CSV:  recur_csv(r, out); break;
	default:       recur_text(r, out); break;
	}
}
