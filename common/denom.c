/*
 * denom.c - research denominators (see denom.h)
 *
 * Counting is one match-spy pass over the items (date, council, committee,
 * words slots) and one over the front-matter documents, aggregated in an
 * open-addressing hash table keyed by (month, council, committee), then
 * sorted.  The stored form is plain text so it can be read by eye with
 * xapian-delve -m and parsed by anything.
 */
#include "denom.h"
#include "date.h"
#include "denom_test.h"
#include "grow.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "schema.h"

/* First line of the stored form; bump when the columns change. */
#define DENOM_MAGIC "denom 1"

struct denom_acc {
	struct denom *d;              /* rows being filled */
	size_t *slots;                /* hash table: row index + 1, 0 = empty */
	size_t n_slots;               /* power of two */
	bool meetings;                /* this pass counts front matter */
	int rc;                       /* first failure inside a callback */
};

/* Copy of a slot value with tabs and newlines (the record's separators) made spaces. */
static char *denom_clean(const char *s, size_t len)
{
	char *c = malloc(len + 1);

	if (!c)
		return NULL;
	for (size_t i = 0; i < len; i++)
		c[i] = (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
	c[len] = '\0';
	return c;
}

static uint64_t denom_key_hash(unsigned month, const char *council, size_t cl,
			       const char *committee, size_t ml)
{
	uint64_t h = hash64(council, cl) ^ (hash64(committee, ml) * 31u);

	return h ^ ((uint64_t)month * 0x9e3779b97f4a7c15ULL);
}

static bool denom_row_is(const struct denom_row *r, unsigned month, const char *council,
			 size_t cl, const char *committee, size_t ml)
{
	return r->month == month && strlen(r->council) == cl && strlen(r->committee) == ml &&
	       memcmp(r->council, council, cl) == 0 && memcmp(r->committee, committee, ml) == 0;
}

static int denom_push(struct denom *d, unsigned month, char *council, char *committee)
{
	struct denom_row *r;

	if (ARRAY_GROW(d->v, d->n + 1, d->alloc))
		return CM_ENOMEM;
	r = &d->v[d->n++];
	memset(r, 0, sizeof *r);
	r->month = month;
	r->council = council;
	r->committee = committee;
	return CM_OK;
}

static int denom_rehash(struct denom_acc *a)
{
	size_t n = a->n_slots ? a->n_slots * 2 : 1024;
	size_t *t = calloc(n, sizeof *t);

	if (!t)
		return CM_ENOMEM;
	for (size_t i = 0; i < a->d->n; i++) {
		const struct denom_row *r = &a->d->v[i];
		uint64_t h = denom_key_hash(r->month, r->council, strlen(r->council), r->committee,
					    strlen(r->committee));
		size_t j = (size_t)h & (n - 1);

		while (t[j])
			j = (j + 1) & (n - 1);
		t[j] = i + 1;
	}
	free(a->slots);
	a->slots = t;
	a->n_slots = n;
	return CM_OK;
}

/* The row for (month, council, committee), created when new; NULL on OOM. */
static struct denom_row *denom_row_get(struct denom_acc *a, unsigned month, const char *council,
				       size_t cl, const char *committee, size_t ml)
{
	uint64_t h = denom_key_hash(month, council, cl, committee, ml);
	size_t j;
	char *c, *m;

	/* Keep the table at most half full so probes stay short. */
	if (2 * (a->d->n + 1) > a->n_slots && denom_rehash(a) != CM_OK)
		return NULL;
	j = (size_t)h & (a->n_slots - 1);
	while (a->slots[j]) {
		struct denom_row *r = &a->d->v[a->slots[j] - 1];

		if (denom_row_is(r, month, council, cl, committee, ml))
			return r;
		j = (j + 1) & (a->n_slots - 1);
	}
	c = denom_clean(council, cl);
	m = denom_clean(committee, ml);
	if (!c || !m || denom_push(a->d, month, c, m) != CM_OK) {
		free(c);
		free(m);
		return NULL;
	}
	a->slots[j] = a->d->n;
	return &a->d->v[a->d->n - 1];
}

/* Does s hold a byte the record cannot carry (see denom_clean)? */
static bool denom_needs_clean(const char *s, size_t len)
{
	return memchr(s, '\t', len) || memchr(s, '\n', len) || memchr(s, '\r', len);
}

static int denom_on_doc(void *ctx, const struct xw_match_doc *doc)
{
	struct denom_acc *a = ctx;
	struct denom_row *r;
	char *c = NULL, *m = NULL;
	const char *council = doc->vals[1], *committee = doc->vals[2];

	/* Rows hold cleaned names, so look them up cleaned (rare: copy only then). */
	if (denom_needs_clean(council, doc->lens[1]))
		council = c = denom_clean(council, doc->lens[1]);
	if (denom_needs_clean(committee, doc->lens[2]))
		committee = m = denom_clean(committee, doc->lens[2]);
	r = council && committee ? denom_row_get(a, date_month_of(doc->vals[0], doc->lens[0]),
						 council, doc->lens[1], committee, doc->lens[2])
				 : NULL;
	free(c);
	free(m);
	if (!r) {
		a->rc = CM_ENOMEM;
		return 1;
	}
	if (a->meetings) {
		r->meetings++;
	} else {
		r->items++;
		r->words += (size_t)strtoull(doc->vals[3], NULL, 10);
	}
	return 0;
}

static int denom_cmp(const void *pa, const void *pb)
{
	const struct denom_row *a = pa, *b = pb;
	int c;

	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	c = strcmp(a->council, b->council);
	return c ? c : strcmp(a->committee, b->committee);
}

/*
 * Count every document of db into out (zeroed by the caller; free with
 * denom_release): one pass over the value slots of the items and one over
 * the front matter.  CM_ENOMEM, CM_EDB.
 */
static int denom_compute(struct xw_db *db, struct denom *out, struct cm_err *err)
{
	struct xw_each_opts eo = { { SLOT_DATE, SLOT_COUNCIL, SLOT_COMMITTEE, SLOT_WORDS }, 4, false };
	struct denom_acc a = { out, NULL, 0, false, CM_OK };
	struct xw_query *all = xw_query_all();
	struct xw_query *front = xw_query_term(PFX_FRONT "front", strlen(PFX_FRONT "front"));
	struct xw_query *items = all && front ? xw_query_combine(XW_OP_AND_NOT, all, front) : NULL;
	int rc;

	if (!items) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	rc = xw_each_match(db, items, &eo, denom_on_doc, &a, NULL, err);
	if (rc == CM_OK && a.rc == CM_OK) {
		a.meetings = true;
		eo.n_slots = 3;
		rc = xw_each_match(db, front, &eo, denom_on_doc, &a, NULL, err);
	}
	if (rc == CM_OK && a.rc != CM_OK)
		rc = cm_err_set(err, a.rc, "out of memory");
	if (rc == CM_OK)
		qsort(out->v, out->n, sizeof *out->v, denom_cmp);
out:
	free(a.slots);
	xw_query_free(all);
	xw_query_free(front);
	xw_query_free(items);
	if (rc != CM_OK)
		denom_release(out);
	return rc;
}

void denom_encode(const struct denom *d, const char *stamp, struct sbuf *out)
{
	sbuf_addf(out, DENOM_MAGIC " %s\n", stamp ? stamp : "");
	for (size_t i = 0; i < d->n; i++) {
		const struct denom_row *r = &d->v[i];

		sbuf_addf(out, "%06u\t%s\t%s\t%zu\t%zu\t%zu\n", r->month, r->council, r->committee,
			  r->items, r->meetings, r->words);
	}
}

/* Parse one decimal field ending at '\t', '\n' or end. */
static bool denom_num(const char **p, const char *end, size_t *v)
{
	const char *s = *p;

	*v = 0;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	while (s < end && *s >= '0' && *s <= '9')
		*v = *v * 10 + (size_t)(*s++ - '0');
	*p = s;
	return true;
}

/* Up to the next tab: a new string in *out. */
static bool denom_str(const char **p, const char *end, char **out)
{
	const char *tab = memchr(*p, '\t', (size_t)(end - *p));

	if (!tab)
		return false;
	*out = strndup(*p, (size_t)(tab - *p));
	*p = tab + 1;
	return *out != NULL;
}

int denom_decode(const char *s, size_t len, struct denom *out, struct sbuf *stamp,
		 struct cm_err *err)
{
	const char *p = s, *end = s + len, *nl = memchr(s, '\n', len);
	size_t ml = strlen(DENOM_MAGIC);
	unsigned line = 1;
	int rc = CM_OK;

	if (!nl || (size_t)(nl - s) < ml + 1 || memcmp(s, DENOM_MAGIC " ", ml + 1) != 0)
		return cm_err_set(err, CM_EFORMAT, "denominators: not a '%s' record", DENOM_MAGIC);
	if (stamp)
		sbuf_add(stamp, s + ml + 1, (size_t)(nl - s) - ml - 1);
	p = nl + 1;
	while (p < end && rc == CM_OK) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		char *council = NULL, *committee = NULL;
		size_t month = 0, items = 0, meetings = 0, words = 0;
		bool ok;

		line++;
		if (!eol)
			eol = end;
		ok = denom_num(&p, eol, &month) && p < eol && *p++ == '\t' &&
		     denom_str(&p, eol, &council) && denom_str(&p, eol, &committee) &&
		     denom_num(&p, eol, &items) && p < eol && *p++ == '\t' &&
		     denom_num(&p, eol, &meetings) && p < eol && *p++ == '\t' &&
		     denom_num(&p, eol, &words) && p == eol;
		if (!ok) {
			rc = cm_err_set(err, CM_EFORMAT, "denominators: bad line %u", line);
		} else if (denom_push(out, (unsigned)month, council, committee) != CM_OK) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		} else {
			council = committee = NULL;
			out->v[out->n - 1].items = items;
			out->v[out->n - 1].meetings = meetings;
			out->v[out->n - 1].words = words;
		}
		free(council);
		free(committee);
		p = eol + 1;
	}
	if (rc != CM_OK)
		denom_release(out);
	return rc;
}

int denom_refresh(struct xw_db *db, struct cm_err *err)
{
	struct denom d = {0};
	struct sbuf buf = {0}, rev = {0}, old = {0};
	int rc = xw_db_revision(db, &rev, err);

	if (rc == CM_OK)
		rc = xw_db_get_metadata(db, SCHEMA_META_DENOM, &buf, err);
	/* Up to date: the stamp names the revision we would count. */
	if (rc == CM_OK && buf.len && denom_decode(buf.buf, buf.len, &d, &old, NULL) == CM_OK &&
	    strcmp(sbuf_str(&old), sbuf_str(&rev)) == 0)
		goto out;
	denom_release(&d);
	sbuf_reset(&buf);
	if (rc == CM_OK)
		rc = denom_compute(db, &d, err);
	if (rc == CM_OK) {
		denom_encode(&d, sbuf_str(&rev), &buf);
		rc = sbuf_oom(&buf) || sbuf_oom(&rev)
			     ? cm_err_set(err, CM_ENOMEM, "out of memory")
			     : xw_db_set_metadata(db, SCHEMA_META_DENOM, sbuf_str(&buf), buf.len, err);
	}
	if (rc == CM_OK)
		rc = xw_db_commit(db, err);
out:
	denom_release(&d);
	sbuf_release(&buf);
	sbuf_release(&rev);
	sbuf_release(&old);
	return rc;
}

int denom_load(struct xw_db *db, struct denom *out, bool *stored, struct cm_err *err)
{
	struct sbuf buf = {0}, rev = {0}, stamp = {0};
	bool fresh = false;
	int rc = xw_db_get_metadata(db, SCHEMA_META_DENOM, &buf, err);

	if (rc == CM_OK)
		rc = xw_db_revision(db, &rev, err);
	if (rc == CM_OK && (sbuf_oom(&buf) || sbuf_oom(&rev)))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	if (rc == CM_OK && buf.len) {
		rc = denom_decode(buf.buf, buf.len, out, &stamp, err);
		fresh = rc == CM_OK && strcmp(sbuf_str(&stamp), sbuf_str(&rev)) == 0;
		if (rc == CM_OK && !fresh)
			denom_release(out);
	}
	if (rc == CM_OK && !fresh)
		rc = denom_compute(db, out, err);
	if (stored)
		*stored = fresh;
	sbuf_release(&buf);
	sbuf_release(&rev);
	sbuf_release(&stamp);
	return rc;
}

void denom_release(struct denom *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].council);
		free(d->v[i].committee);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
