/*
 * research_trends.c - how often a query matches, per period and series,
 *                     as counts and as shares of everything said then
 *
 * One pass over the matching items (a match spy reading the date, council,
 * committee, meeting and word-count slots) gives the numerators; the
 * denominators come from the table the indexer stores (common/denom.h),
 * restricted to the same council, committee, year and date filters.
 * Distinct meetings per cell: (cell, meeting hash) pairs sorted once.
 *
 * Divisions: the pass, the denominators, assembling the table, output.
 */
#include "date.h"
#include "research.h"
#include "clock.h"
#include "grow.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "denom.h"
#include "hash.h"
#include "query.h"
#include "encode.h"
#include "research_int.h"
#include "schema.h"
#include "svg.h"
#include "text.h"

/* One matching item. */
struct trends_match {
	size_t series;                /* index in the series intern table */
	long period;                  /* period ordinal */
	uint64_t meeting;             /* hash of the meeting id */
	size_t words;                 /* its words */
};

struct trends_ctx {
	const struct research_trends_req *req;
	struct research_trends *out;
	struct intern keys;  /* series keys: "council\x1fcommittee", council or "" */
	struct trends_match *m;       /* the matching items */
	size_t n_m, alloc_m;
	struct denom denom;           /* the index's denominators */
	struct strv councils;         /* council filter keys (normalised), empty = any */
	struct strv committees;       /* committee filter keys, empty = any */
	struct strv years;            /* year filter values */
	int rc;                       /* failure inside the spy callback */
};

int research_period_parse(const char *s)
{
	if (strcmp(s, "year") == 0)
		return RESEARCH_BY_YEAR;
	if (strcmp(s, "month") == 0)
		return RESEARCH_BY_MONTH;
	if (strcmp(s, "municipal-year") == 0 || strcmp(s, "municipal") == 0)
		return RESEARCH_BY_MUNICIPAL;
	return -1;
}

int research_split_parse(const char *s)
{
	if (strcmp(s, "committee") == 0)
		return RESEARCH_SPLIT_COMMITTEE;
	if (strcmp(s, "council") == 0)
		return RESEARCH_SPLIT_COUNCIL;
	if (strcmp(s, "none") == 0)
		return RESEARCH_SPLIT_NONE;
	return -1;
}

/* ---- the pass ----------------------------------------------------------- */

static void trends_key(enum research_split split, const char *council, size_t cl,
		       const char *committee, size_t ml, struct sbuf *key)
{
	sbuf_reset(key);
	if (split == RESEARCH_SPLIT_COMMITTEE) {
		sbuf_add(key, council, cl);
		sbuf_addch(key, SCHEMA_LIST_SEP);
		sbuf_add(key, committee, ml);
	} else if (split == RESEARCH_SPLIT_COUNCIL) {
		sbuf_add(key, council, cl);
	}
}

static int trends_on_match(void *ctx, const struct xw_match_doc *d)
{
	struct trends_ctx *c = ctx;
	unsigned month = date_month_of(d->vals[0], d->lens[0]);
	struct sbuf key = {0};
	struct trends_match *m;
	size_t s;

	if (!month) {
		c->out->undated++;
		return 0;
	}
	if (ARRAY_GROW(c->m, c->n_m + 1, c->alloc_m)) {
		c->rc = CM_ENOMEM;
		return 1;
	}
	trends_key(c->req->split, d->vals[1], d->lens[1], d->vals[2], d->lens[2], &key);
	s = sbuf_oom(&key) ? (size_t)-1 : intern_add(&c->keys, sbuf_str(&key), key.len);
	sbuf_release(&key);
	if (s == (size_t)-1) {
		c->rc = CM_ENOMEM;
		return 1;
	}
	m = &c->m[c->n_m++];
	m->series = s;
	m->period = research_period_index(c->req->by, month);
	m->meeting = hash64(d->vals[3], d->lens[3]);
	m->words = (size_t)strtoull(d->vals[4], NULL, 10);
	return 0;
}

/* ---- the denominators --------------------------------------------------- */

/* The filter keys the denominators can honour; other fields make them partial. */
static int trends_filters(struct trends_ctx *c, struct xw_db *db, struct cm_err *err)
{
	const struct search_request *r = &c->req->base;
	struct sbuf term = {0};
	int rc = CM_OK;

	for (size_t i = 0; i < r->n_filters && rc == CM_OK; i++) {
		const char *f = r->filters[i], *eq = strpbrk(f, "=:");
		size_t fl = eq ? (size_t)(eq - f) : 0;

		if (!eq)
			continue;   /* search_with_query has refused it already */
		sbuf_reset(&term);
		if (fl == 7 && strncmp(f, "council", 7) == 0) {
			rc = query_filter_term(db, "council", eq + 1, &term, err);
			if (rc == CM_OK)
				rc = strv_push(&c->councils, sbuf_str(&term) + strlen(PFX_COUNCIL));
		} else if (fl == 9 && strncmp(f, "committee", 9) == 0) {
			rc = query_filter_term(db, "committee", eq + 1, &term, err);
			if (rc == CM_OK)
				rc = strv_push(&c->committees, sbuf_str(&term) + strlen(PFX_COMMITTEE));
		} else if (fl == 4 && strncmp(f, "year", 4) == 0) {
			rc = strv_push(&c->years, eq + 1);
		} else {
			c->out->denom_partial = true;
		}
	}
	if (rc == CM_ENOMEM)
		cm_err_set(err, rc, "out of memory");
	sbuf_release(&term);
	return rc;
}

/* YYYYMM of a --from/--to bound ("2019", "2019-03", "2019-03-15"); end picks December. */
static unsigned trends_bound(const char *s, bool end)
{
	unsigned y = 0, m = 0;
	int n = 0;

	if (!s || !*s)
		return end ? 999912u : 0u;
	if (sscanf(s, "%4u-%2u%n", &y, &m, &n) >= 2 && m >= 1 && m <= 12)
		return y * 100 + m;
	if (sscanf(s, "%4u", &y) == 1)
		return y * 100 + (end ? 12u : 1u);
	return end ? 999912u : 0u;
}

static bool trends_row_ok(const struct trends_ctx *c, const struct denom_row *r,
			  unsigned lo, unsigned hi, struct sbuf *tmp)
{
	char year[16];

	if (!r->month || r->month < lo || r->month > hi)
		return false;
	if (c->years.n) {
		snprintf(year, sizeof year, "%04u", r->month / 100);
		if (!strv_has(&c->years, year))
			return false;
	}
	if (c->councils.n) {
		sbuf_reset(tmp);
		text_normalise_key(r->council, strlen(r->council), tmp);
		if (!strv_has(&c->councils, sbuf_str(tmp)))
			return false;
	}
	if (c->committees.n) {
		sbuf_reset(tmp);
		text_normalise_key(r->committee, strlen(r->committee), tmp);
		if (!strv_has(&c->committees, sbuf_str(tmp)))
			return false;
	}
	return true;
}

static int trends_on_query(void *ctx, struct xw_db *db, const struct xw_query *q,
			   struct cm_err *err)
{
	struct trends_ctx *c = ctx;
	struct xw_each_opts eo = { { SLOT_DATE, SLOT_COUNCIL, SLOT_COMMITTEE, SLOT_MEETING,
				     SLOT_WORDS }, 5, false };
	struct xw_query *front = xw_query_term(PFX_FRONT "front", strlen(PFX_FRONT "front"));
	struct xw_query *items = front ? xw_query_combine(XW_OP_AND_NOT, q, front) : NULL;
	int rc;

	if (!items) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	rc = xw_each_match(db, items, &eo, trends_on_match, c, NULL, err);
	if (rc == CM_OK && c->rc != CM_OK)
		rc = cm_err_set(err, c->rc, "out of memory");
	if (rc == CM_OK)
		rc = denom_load(db, &c->denom, &c->out->denom_stored, err);
	if (rc == CM_OK)
		rc = trends_filters(c, db, err);
out:
	xw_query_free(front);
	xw_query_free(items);
	return rc;
}

/* ---- assembling the table ----------------------------------------------- */

static int trends_cmp_pair(const void *pa, const void *pb)
{
	const uint64_t *a = pa, *b = pb;

	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* Series by total matches, descending; ties by key. */
struct trends_rank { size_t key; size_t items; };

static int trends_cmp_rank(const void *pa, const void *pb)
{
	const struct trends_rank *a = pa, *b = pb;

	if (a->items != b->items)
		return a->items > b->items ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* The display name of series key k: committee (with its council when the name repeats). */
static char *trends_series_name(const struct trends_ctx *c, const struct trends_rank *rank,
				size_t n, size_t k)
{
	const char *key = c->keys.v[k], *sep = strchr(key, SCHEMA_LIST_SEP);
	struct sbuf name = {0};
	bool repeated = false;

	if (c->req->split == RESEARCH_SPLIT_NONE)
		return strdup("all");
	if (!sep)
		return strdup(*key ? key : "(unknown council)");
	for (size_t i = 0; i < n; i++) {
		const char *o = c->keys.v[rank[i].key], *osep = strchr(o, SCHEMA_LIST_SEP);

		if (rank[i].key != k && osep && strcmp(osep, sep) == 0)
			repeated = true;
	}
	sbuf_adds(&name, sep[1] ? sep + 1 : "(unknown committee)");
	if (repeated)
		sbuf_addf(&name, " (%.*s)", (int)(sep - key), key);
	return sbuf_detach(&name, NULL);
}

static int trends_assemble(struct trends_ctx *c, struct cm_err *err)
{
	struct research_trends *t = c->out;
	struct trends_rank *rank = NULL;
	size_t *slot_of = NULL;       /* series key index -> position in t->series */
	uint64_t *pairs = NULL;
	struct sbuf tmp = {0}, key = {0};
	unsigned lo = trends_bound(c->req->base.from, false), hi = trends_bound(c->req->base.to, true);
	long pmin = LONG_MAX, pmax = LONG_MIN;
	int rc = CM_OK;

	/* Periods: every period any counted item falls in, without gaps. */
	for (size_t i = 0; i < c->denom.n; i++)
		if (trends_row_ok(c, &c->denom.v[i], lo, hi, &tmp)) {
			long p = research_period_index(c->req->by, c->denom.v[i].month);

			pmin = p < pmin ? p : pmin;
			pmax = p > pmax ? p : pmax;
		}
	for (size_t i = 0; i < c->n_m; i++) {
		pmin = c->m[i].period < pmin ? c->m[i].period : pmin;
		pmax = c->m[i].period > pmax ? c->m[i].period : pmax;
	}
	if (pmin > pmax)
		pmin = pmax = 0, t->n_periods = 0;
	else
		t->n_periods = (size_t)(pmax - pmin + 1);

	/* Series: those with matches (all of them unsplit), most matches first. */
	if (c->req->split == RESEARCH_SPLIT_NONE && c->keys.n == 0 &&
	    intern_add(&c->keys, "", 0) == (size_t)-1)
		goto oom;
	rank = calloc(c->keys.n + 1, sizeof *rank);
	slot_of = calloc(c->keys.n + 1, sizeof *slot_of);
	if (!rank || !slot_of)
		goto oom;
	for (size_t k = 0; k < c->keys.n; k++)
		rank[k].key = k;
	for (size_t i = 0; i < c->n_m; i++)
		rank[c->m[i].series].items++;
	qsort(rank, c->keys.n, sizeof *rank, trends_cmp_rank);
	t->n_series = c->keys.n;
	t->series = calloc(t->n_series + 1, sizeof *t->series);
	t->periods = calloc(t->n_periods + 1, sizeof *t->periods);
	t->cells = calloc(t->n_series * t->n_periods + 1, sizeof *t->cells);
	if (!t->series || !t->periods || !t->cells)
		goto oom;
	for (size_t s = 0; s < t->n_series; s++) {
		slot_of[rank[s].key] = s;
		if (!(t->series[s] = trends_series_name(c, rank, t->n_series, rank[s].key)))
			goto oom;
	}
	for (size_t p = 0; p < t->n_periods; p++) {
		sbuf_reset(&tmp);
		research_period_label(c->req->by, pmin + (long)p, &tmp);
		if (sbuf_oom(&tmp) || !(t->periods[p] = strdup(sbuf_str(&tmp))))
			goto oom;
	}

	/* Numerators; distinct meetings by sorting (cell, meeting) pairs. */
	pairs = calloc(2 * c->n_m + 2, sizeof *pairs);
	if (!pairs)
		goto oom;
	for (size_t i = 0; i < c->n_m; i++) {
		size_t cell = slot_of[c->m[i].series] * t->n_periods + (size_t)(c->m[i].period - pmin);

		t->cells[cell].items++;
		t->cells[cell].words += c->m[i].words;
		pairs[2 * i] = cell;
		pairs[2 * i + 1] = c->m[i].meeting;
	}
	qsort(pairs, c->n_m, 2 * sizeof *pairs, trends_cmp_pair);
	for (size_t i = 0; i < c->n_m; i++)
		if (i == 0 || pairs[2 * i] != pairs[2 * i - 2] || pairs[2 * i + 1] != pairs[2 * i - 1]) {
			t->cells[pairs[2 * i]].meetings++;
			t->meetings++;
		}
	t->items = c->n_m;

	/* Denominators, into the series they belong to. */
	for (size_t i = 0; i < c->denom.n; i++) {
		const struct denom_row *r = &c->denom.v[i];
		size_t k;
		long p;
		struct research_cell *cell;

		if (!trends_row_ok(c, r, lo, hi, &tmp))
			continue;
		trends_key(c->req->split, r->council, strlen(r->council), r->committee,
			   strlen(r->committee), &key);
		k = intern_find(&c->keys, sbuf_str(&key), key.len);
		p = research_period_index(c->req->by, r->month);
		if (k == (size_t)-1 || p < pmin || p > pmax)
			continue;
		cell = &t->cells[slot_of[k] * t->n_periods + (size_t)(p - pmin)];
		cell->all_items += r->items;
		cell->all_meetings += r->meetings;
		cell->all_words += r->words;
	}
	if (sbuf_oom(&tmp) || sbuf_oom(&key))
		goto oom;
	goto out;
oom:
	rc = cm_err_set(err, CM_ENOMEM, "out of memory");
out:
	free(rank);
	free(slot_of);
	free(pairs);
	sbuf_release(&tmp);
	sbuf_release(&key);
	return rc;
}

int research_trends_run(struct search_engine *eng, const struct research_trends_req *req,
			struct research_trends *out, struct cm_err *err)
{
	struct trends_ctx c;
	double t0 = clock_now_ms();
	int rc;

	memset(&c, 0, sizeof c);
	c.req = req;
	c.out = out;
	out->by = req->by;
	out->split = req->split;
	rc = search_with_query(eng, &req->base, trends_on_query, &c, err);
	if (rc == CM_OK)
		rc = trends_assemble(&c, err);
	intern_release(&c.keys);
	free(c.m);
	denom_release(&c.denom);
	strv_release(&c.councils);
	strv_release(&c.committees);
	strv_release(&c.years);
	out->ms = clock_now_ms() - t0;
	if (rc != CM_OK)
		research_trends_release(out);
	return rc;
}

void research_trends_release(struct research_trends *t)
{
	if (!t)
		return;
	for (size_t i = 0; t->periods && i < t->n_periods; i++)
		free(t->periods[i]);
	for (size_t i = 0; t->series && i < t->n_series; i++)
		free(t->series[i]);
	free(t->periods);
	free(t->series);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

/* ---- output ------------------------------------------------------------- */

static const char *const PERIOD_NAMES[] = { "year", "month", "municipal-year" };
static const char *const SPLIT_NAMES[] = { "none", "committee", "council" };

/* A share in per cent, or NAN when the period has nothing to share. */
static double trends_share(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : NAN;
}

/* A per-cent share with four decimals, or null when the period has nothing. */
static void trends_share_json(size_t part, size_t whole, struct sbuf *out)
{
	char v[32];
	size_t n;

	if (!whole) {
		sbuf_adds(out, "null");
		return;
	}
	snprintf(v, sizeof v, "%.4f", 100.0 * (double)part / (double)whole);
	for (n = strlen(v); n > 1 && v[n - 1] == '0' && v[n - 2] != '.'; n--)
		v[n - 1] = '\0';
	sbuf_adds(out, v);
}

/*
 * Written by hand rather than through json-c: a monthly split of a big
 * archive has ~100,000 points and json-c's objects cost ~15x the time of
 * the query itself.  Shape in docs/RESEARCH.md.
 */
static void trends_json(const struct research_trends *t, const char *query, bool pretty,
			struct sbuf *out)
{
	const char *nl = pretty ? "\n" : "", *ind = pretty ? "  " : "";

	sbuf_addf(out, "{%s%s\"query\": ", nl, ind);
	enc_json_cstr(out, query ? query : "");
	sbuf_addf(out, ",%s%s\"by\": \"%s\", \"split\": \"%s\",%s%s\"items\": %zu, "
		  "\"meetings\": %zu, \"undated_items\": %zu,%s%s\"denominators\": \"%s\", "
		  "\"denominators_partial\": %s,%s%s\"periods\": [", nl, ind,
		  PERIOD_NAMES[t->by], SPLIT_NAMES[t->split], nl, ind, t->items, t->meetings,
		  t->undated, nl, ind, t->denom_stored ? "stored" : "counted",
		  t->denom_partial ? "true" : "false", nl, ind);
	for (size_t p = 0; p < t->n_periods; p++) {
		if (p)
			sbuf_adds(out, ", ");
		enc_json_cstr(out, t->periods[p]);
	}
	sbuf_addf(out, "],%s%s\"series\": [", nl, ind);
	for (size_t s = 0; s < t->n_series; s++) {
		sbuf_addf(out, "%s%s%s%s{\"name\": ", s ? "," : "", nl, ind, ind);
		enc_json_cstr(out, t->series[s]);
		sbuf_adds(out, ", \"points\": [");
		for (size_t p = 0; p < t->n_periods; p++) {
			const struct research_cell *c = &t->cells[s * t->n_periods + p];

			sbuf_addf(out, "%s%s%s%s%s{\"period\": ", p ? "," : "", nl, ind, ind, ind);
			enc_json_cstr(out, t->periods[p]);
			sbuf_addf(out, ", \"items\": %zu, \"meetings\": %zu, \"words\": %zu, "
				  "\"all_items\": %zu, \"all_meetings\": %zu, \"all_words\": %zu, "
				  "\"item_share\": ", c->items, c->meetings, c->words, c->all_items,
				  c->all_meetings, c->all_words);
			trends_share_json(c->items, c->all_items, out);
			sbuf_adds(out, ", \"meeting_share\": ");
			trends_share_json(c->meetings, c->all_meetings, out);
			sbuf_adds(out, ", \"word_share\": ");
			trends_share_json(c->words, c->all_words, out);
			sbuf_addch(out, '}');
		}
		sbuf_adds(out, "]}");
	}
	sbuf_addf(out, "],%s%s\"ms\": %.1f%s}\n", nl, ind, t->ms, nl);
}

static void trends_csv(const struct research_trends *t, struct sbuf *out)
{
	sbuf_adds(out, "period,series,items,meetings,words,all_items,all_meetings,all_words,"
		  "item_share,meeting_share,word_share\r\n");
	for (size_t s = 0; s < t->n_series; s++)
		for (size_t p = 0; p < t->n_periods; p++) {
			const struct research_cell *c = &t->cells[s * t->n_periods + p];
			double sh[3] = { trends_share(c->items, c->all_items),
					 trends_share(c->meetings, c->all_meetings),
					 trends_share(c->words, c->all_words) };

			enc_csv_field(out, t->periods[p]);
			sbuf_addch(out, ',');
			enc_csv_field(out, t->series[s]);
			sbuf_addf(out, ",%zu,%zu,%zu,%zu,%zu,%zu", c->items, c->meetings, c->words,
				  c->all_items, c->all_meetings, c->all_words);
			for (size_t i = 0; i < 3; i++)
				if (isnan(sh[i]))
					sbuf_addch(out, ',');
				else
					sbuf_addf(out, ",%.4f", sh[i]);
			enc_csv_end(out);
		}
}

static void trends_text(const struct research_trends *t, const char *query, struct sbuf *out)
{
	bool split = t->split != RESEARCH_SPLIT_NONE;

	sbuf_addf(out, "%s: %zu items in %zu meetings, by %s", query ? query : "", t->items,
		  t->meetings, PERIOD_NAMES[t->by]);
	if (split)
		sbuf_addf(out, ", %zu %ss", t->n_series, SPLIT_NAMES[t->split]);
	sbuf_addf(out, " (%.0f ms)\n", t->ms);
	if (t->denom_partial)
		sbuf_adds(out, "note: shares are of all items: person, format and kind filters do "
			  "not apply to the denominators\n");
	research_pad("period", 10, out);
	if (split)
		research_pad(SPLIT_NAMES[t->split], 32, out);
	sbuf_adds(out, "   items  meetings   of items  % items  % words\n");
	for (size_t s = 0; s < t->n_series; s++)
		for (size_t p = 0; p < t->n_periods; p++) {
			const struct research_cell *c = &t->cells[s * t->n_periods + p];
			double is = trends_share(c->items, c->all_items);
			double ws = trends_share(c->words, c->all_words);

			if (split && c->items == 0)
				continue;   /* a split table lists the cells that matched */
			research_pad(t->periods[p], 10, out);
			if (split)
				research_pad(t->series[s], 32, out);
			sbuf_addf(out, "%8zu  %8zu  %9zu", c->items, c->meetings, c->all_items);
			if (isnan(is))
				sbuf_adds(out, "        -");
			else
				sbuf_addf(out, "  %7.2f", is);
			if (isnan(ws))
				sbuf_adds(out, "        -\n");
			else
				sbuf_addf(out, "  %7.3f\n", ws);
		}
	if (t->undated)
		sbuf_addf(out, "(%zu matching items have no date and are in no period)\n", t->undated);
}

void research_trends_write(const struct research_trends *t, const char *query,
			   enum out_format format, bool pretty, struct sbuf *out)
{
	switch (format) {
	case OUT_JSON: trends_json(t, query, pretty, out); break;
	case OUT_CSV:  trends_csv(t, out); break;
	default:       trends_text(t, query, out); break;
	}
}

void research_trends_svg(const struct research_trends *t, const char *query, bool use_counts,
			 struct sbuf *out)
{
	size_t shown = t->n_series > RESEARCH_SVG_SERIES + 1 ? RESEARCH_SVG_SERIES : t->n_series;
	size_t n = shown + (shown < t->n_series);
	struct svg_series *ser = calloc(n + 1, sizeof *ser);
	double *y = calloc(n * t->n_periods + 1, sizeof *y);
	struct research_cell *other = calloc(t->n_periods + 1, sizeof *other);
	struct sbuf title = {0}, ylab = {0};
	struct svg_chart ch;

	if (!ser || !y || !other) {
		out->oom = true;
		goto out;
	}
	for (size_t s = shown; s < t->n_series; s++)
		for (size_t p = 0; p < t->n_periods; p++) {
			other[p].items += t->cells[s * t->n_periods + p].items;
			other[p].all_items += t->cells[s * t->n_periods + p].all_items;
		}
	for (size_t s = 0; s < n; s++) {
		for (size_t p = 0; p < t->n_periods; p++) {
			const struct research_cell *c = s < shown ? &t->cells[s * t->n_periods + p]
								  : &other[p];

			y[s * t->n_periods + p] = use_counts ? (double)c->items
							     : trends_share(c->items, c->all_items);
		}
		ser[s].name = s < shown ? t->series[s] : "other";
		ser[s].y = &y[s * t->n_periods];
	}
	sbuf_addf(&title, "\xe2\x80\x9c%s\xe2\x80\x9d by %s", query ? query : "",
		  PERIOD_NAMES[t->by]);
	if (t->split != RESEARCH_SPLIT_NONE)
		sbuf_addf(&title, " and %s", SPLIT_NAMES[t->split]);
	sbuf_adds(&ylab, use_counts ? "matching items" : "% of all items");
	memset(&ch, 0, sizeof ch);
	ch.title = sbuf_str(&title);
	ch.x_label = t->by == RESEARCH_BY_MONTH ? "month" :
		     t->by == RESEARCH_BY_MUNICIPAL ? "municipal year (May-April)" : "year";
	ch.y_label = sbuf_str(&ylab);
	ch.x_ticks = (const char *const *)t->periods;
	ch.n_x = t->n_periods;
	ch.series = ser;
	ch.n_series = n;
	svg_line_chart(&ch, out);
out:
	free(ser);
	free(y);
	free(other);
	sbuf_release(&title);
	sbuf_release(&ylab);
}

int research_trends_json(struct search_engine *eng, const struct research_trends_req *req,
			 struct sbuf *out, struct cm_err *err)
{
	struct research_trends t;
	int rc;

	memset(&t, 0, sizeof t);
	rc = research_trends_run(eng, req, &t, err);
	if (rc == CM_OK)
		research_trends_write(&t, req->base.query, OUT_JSON, false, out);
	research_trends_release(&t);
	if (rc == CM_OK && sbuf_oom(out))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	return rc;
}
