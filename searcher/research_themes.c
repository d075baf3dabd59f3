/*
 * research_themes.c - distinctive words and phrases of a period (themes)
 *                     and the terms that travel with a term (related)
 *
 * Unit of counting: the document (an agenda item or a meeting's front
 * matter), so a word repeated in one long report counts once, and the
 * title weighting of the index does not leak into the statistics.
 * Words: the target's termlists give exact document counts; the
 * background comes free from the index's term frequencies when the base
 * is the whole index, else from the base documents' termlists.
 * Two-word phrases: candidates are read from the stored text of up to
 * THEMES_PHRASE_SAMPLE target documents, and each shortlisted candidate is
 * then counted exactly on both sides with a phrase query on the index's
 * positions (the index, not the sample, gives every number shown).
 * Score: Dunning's G2 on the 2x2 table (in target / background, with /
 * without), signed by the direction of the difference.
 *
 * Divisions: G2 and words, the target and background passes, phrases,
 * themes, related terms, output.
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
#include "docset.h"
#include "encode.h"
#include "research_int.h"
#include "schema.h"

/*
 * Target documents whose text is read for phrase candidates: enough for
 * any phrase in 1 document of 1,000 to show up several times, few enough
 * to decompress in ~100 ms.  Counts themselves are exact (see above).
 */
enum { THEMES_PHRASE_SAMPLE = 4000 };

/* Shortlisted phrases counted exactly: by estimated score, and by frequency. */
enum { THEMES_PHRASE_BY_SCORE = 40, THEMES_PHRASE_BY_COUNT = 10 };

/* English function words: never a theme.  Sorted (bsearch). */
static const char *const THEMES_STOP[] = {
	"a", "about", "above", "across", "after", "again", "against", "all", "also", "am",
	"an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "below",
	"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
	"during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
	"he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into",
	"is", "it", "its", "itself", "just", "many", "may", "me", "more", "most", "much",
	"must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
	"other", "our", "ours", "out", "over", "own", "per", "same", "shall", "she", "should",
	"since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
	"then", "there", "therefore", "these", "they", "this", "those", "through", "to", "too",
	"under", "until", "up", "upon", "very", "via", "was", "we", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within",
	"would", "you", "your", "yours",
};

/* ---- G2 and words ------------------------------------------------------- */

static double themes_xlogx_over(double o, double e)
{
	return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

double research_g2(double a, double n1, double b, double n2)
{
	double n = n1 + n2, k = a + b, g;

	if (n1 <= 0 || n2 <= 0 || k <= 0 || k >= n)
		return 0.0;
	g = 2.0 * (themes_xlogx_over(a, n1 * k / n) + themes_xlogx_over(n1 - a, n1 * (n - k) / n) +
		   themes_xlogx_over(b, n2 * k / n) + themes_xlogx_over(n2 - b, n2 * (n - k) / n));
	if (g < 0)
		g = 0;   /* rounding */
	return a / n1 >= b / n2 ? g : -g;
}

static bool themes_is_stop(const char *w, size_t n)
{
	/* no stopword is longer than 9 */
	return n <= 9 && strs_sorted_has(THEMES_STOP, sizeof THEMES_STOP / sizeof THEMES_STOP[0], w, n);
}

/* A word worth scoring: an unprefixed, unstemmed term of 3+ letters, no digits, no stopword. */
static bool themes_is_word(const char *t, size_t n)
{
	if (n < 3 || !((t[0] >= 'a' && t[0] <= 'z') || (unsigned char)t[0] >= 0x80))
		return false;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)t[i]) || (isupper((unsigned char)t[i])))
			return false;
	return !themes_is_stop(t, n);
}

static bool themes_keep(void *ctx, const char *t, size_t n)
{
	(void)ctx;
	return themes_is_word(t, n);
}

/* ---- the target and background passes ----------------------------------- */

struct themes_ctx {
	const struct research_themes_req *req;
	struct research_themes *out;
	struct intern words; /* terms seen in the target */
	size_t *a;                    /* target documents per word */
	size_t *base;                 /* base documents per word (filtered base only) */
	size_t *bgw;                  /* background documents per word + 1, 0 = not looked up */
	size_t alloc;                 /* entries of a and base */
	unsigned *docs;               /* target docids */
	size_t n_docs, alloc_docs;
	struct intern phr;   /* phrase candidates "w1 w2" */
	size_t *pa;                   /* sample documents per phrase */
	size_t *plast;                /* last sample document counted per phrase (+1) */
	size_t palloc;
	size_t sampled;               /* documents read for phrases */
	size_t n_base;                /* base documents */
	bool base_is_all;             /* the base is the whole index */
	bool counting_base;           /* the termlist callback is filling base[] */
	struct docset target;         /* the target docids as a bitmap (phrase counts) */
	int rc;
};

static bool themes_grow(size_t **v, size_t *alloc, size_t need, size_t **w)
{
	size_t cap = *alloc ? *alloc : 256;
	size_t *nv, *nw = NULL;

	if (need <= *alloc)
		return true;
	while (cap < need)
		cap *= 2;
	nv = realloc(*v, cap * sizeof *nv);
	if (nv)
		*v = nv;
	if (w) {
		nw = realloc(*w, cap * sizeof *nw);
		if (nw)
			*w = nw;
	}
	if (!nv || (w && !nw))
		return false;
	memset(*v + *alloc, 0, (cap - *alloc) * sizeof **v);
	if (w)
		memset(*w + *alloc, 0, (cap - *alloc) * sizeof **w);
	*alloc = cap;
	return true;
}

/* The cheap half of themes_is_word, per termlist entry; stopwords go once per word later. */
static bool themes_is_plain(const char *t, size_t n)
{
	if (n < 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return false;
	return true;
}

static int themes_on_term(void *ctx, const char *t, size_t n, unsigned wdf)
{
	struct themes_ctx *c = ctx;
	size_t i;

	(void)wdf;
	if (!themes_is_plain(t, n))
		return 0;
	if (c->counting_base) {
		i = intern_find(&c->words, t, n);
		if (i != (size_t)-1)
			c->base[i]++;
		return 0;
	}
	i = intern_add(&c->words, t, n);
	if (i == (size_t)-1 || !themes_grow(&c->a, &c->alloc, i + 1, &c->base)) {
		c->rc = CM_ENOMEM;
		return 1;
	}
	c->a[i]++;
	return 0;
}

/* Phrase candidates of one document's text: adjacent content words. */
static void themes_scan_text(struct themes_ctx *c, const char *s)
{
	char prev[64] = "", cur[64];
	size_t pl = 0;
	struct sbuf key = {0};

	while (*s && c->rc == CM_OK) {
		size_t n = 0;
		bool ok = true;

		while (*s && !isalnum((unsigned char)*s) && (unsigned char)*s < 0x80) {
			if (*s != ' ' && *s != '\'' && *s != '-')
				pl = 0;   /* punctuation breaks a phrase */
			s++;
		}
		if (!*s)
			break;
		while (*s && (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)) {
			if (n < sizeof cur - 1)
				cur[n++] = (char)tolower((unsigned char)*s);
			else
				ok = false;
			s++;
		}
		cur[n] = '\0';
		ok = ok && themes_is_word(cur, n);
		if (ok && pl) {
			size_t i;

			sbuf_reset(&key);
			sbuf_addf(&key, "%s %s", prev, cur);
			i = sbuf_oom(&key) ? (size_t)-1 : intern_add(&c->phr, key.buf, key.len);
			if (i == (size_t)-1 || !themes_grow(&c->pa, &c->palloc, i + 1, &c->plast)) {
				c->rc = CM_ENOMEM;
				break;
			}
			if (c->plast[i] != c->sampled) {   /* once per document */
				c->plast[i] = c->sampled;
				c->pa[i]++;
			}
		}
		if (ok) {
			memcpy(prev, cur, n + 1);
			pl = n;
		} else {
			pl = 0;
		}
	}
	sbuf_release(&key);
}

static int themes_on_target(void *ctx, const struct xw_match_doc *d)
{
	struct themes_ctx *c = ctx;

	if (ARRAY_GROW(c->docs, c->n_docs + 1, c->alloc_docs)) {
		c->rc = CM_ENOMEM;
		return 1;
	}
	c->docs[c->n_docs++] = d->docid;
	return 0;
}

/* Phrase candidates from every k-th target document, so the sample spans the target. */
static int themes_sample(struct themes_ctx *c, struct xw_db *db, struct cm_err *err)
{
	size_t step = c->n_docs / THEMES_PHRASE_SAMPLE + 1;
	struct sbuf data = {0};
	int rc = CM_OK;

	for (size_t i = 0; i < c->n_docs && rc == CM_OK && c->rc == CM_OK; i += step) {
		struct docdata dd = {0};

		sbuf_reset(&data);
		rc = xw_db_doc_data(db, c->docs[i], &data, err);
		if (rc == CM_OK && docdata_decode(data.buf, data.len, &dd, NULL) == CM_OK) {
			c->sampled++;   /* title and text of one document: one document */
			themes_scan_text(c, dd.title);
			themes_scan_text(c, dd.text);
		}
		docdata_release(&dd);
	}
	sbuf_release(&data);
	if (rc == CM_OK && c->rc != CM_OK)
		rc = cm_err_set(err, c->rc, "out of memory");
	return rc;
}

/* A spy callback that only wants docids: the base documents' termlists. */
struct themes_base_pass {
	struct themes_ctx *c;
	struct xw_db *db;
	int rc;
};

static int themes_on_base(void *ctx, const struct xw_match_doc *d)
{
	struct themes_base_pass *bp = ctx;

	bp->c->n_base++;
	/* Reading termlists inside the match is safe: one thread, read-only. */
	bp->rc = xw_db_doc_terms_from(bp->db, d->docid, "a", themes_on_term, bp->c, NULL);
	return bp->rc != CM_OK || bp->c->rc != CM_OK;
}

/* The date range of a period: "2020", "2020-03", "2020/21" (May to April). */
static struct xw_query *themes_period_query(const char *p, bool *bad)
{
	unsigned y = 0, m = 0, y2 = 0;
	char lo[16], hi[16], tail;

	*bad = false;
	if (sscanf(p, "%4u/%2u%c", &y, &y2, &tail) == 2 && y >= 1000 && (y + 1) % 100 == y2) {
		snprintf(lo, sizeof lo, "%04u0501", y);
		snprintf(hi, sizeof hi, "%04u0430", y + 1);
	} else if (sscanf(p, "%4u-%2u%c", &y, &m, &tail) == 2 && y >= 1000 && m >= 1 && m <= 12) {
		snprintf(lo, sizeof lo, "%04u%02u01", y, m);
		snprintf(hi, sizeof hi, "%04u%02u31", y, m);
	} else if (sscanf(p, "%4u%c", &y, &tail) == 1 && y >= 1000 && strlen(p) == 4) {
		snprintf(lo, sizeof lo, "%04u0101", y);
		snprintf(hi, sizeof hi, "%04u1231", y);
	} else {
		*bad = true;
		return NULL;
	}
	return xw_query_range(SLOT_DATE, lo, hi);
}

/* ---- phrases ------------------------------------------------------------ */

struct themes_cand { size_t i; double est; size_t a; };

static int themes_cmp_est(const void *pa, const void *pb)
{
	const struct themes_cand *a = pa, *b = pb;

	return a->est > b->est ? -1 : a->est < b->est;
}

static int themes_cmp_a(const void *pa, const void *pb)
{
	const struct themes_cand *a = pa, *b = pb;

	return a->a > b->a ? -1 : a->a < b->a;
}

static int themes_push(struct research_themes *t, const char *term, bool phrase, size_t a,
		       size_t b, size_t n1, size_t n2)
{
	struct research_term *v;

	if (ARRAY_GROW(t->t, t->n + 1, t->alloc))
		return CM_ENOMEM;
	v = &t->t[t->n];
	memset(v, 0, sizeof *v);
	if (!(v->term = strdup(term)))
		return CM_ENOMEM;
	v->phrase = phrase;
	v->a = a;
	v->b = b;
	v->g2 = research_g2((double)a, (double)n1, (double)b, (double)n2);
	v->ratio = b && n1 ? ((double)a / (double)n1) / ((double)b / (double)n2) : INFINITY;
	t->n++;
	return CM_OK;
}

/* Background documents of a word, from the index or the base pass; looked up once. */
static size_t themes_bg_word(const struct themes_ctx *c, struct xw_db *db, size_t i)
{
	size_t base;

	if (c->bgw && c->bgw[i])
		return c->bgw[i] - 1;
	base = c->base_is_all ? xw_db_termfreq(db, c->words.v[i], NULL) : c->base[i];
	base = c->req->against == RESEARCH_AGAINST_ALL ? base : base - c->a[i];
	if (c->bgw)
		c->bgw[i] = base + 1;
	return base;
}

/* A phrase's matches in the base, and how many of them are in the target. */
struct themes_phrase_count {
	const struct docset *target;
	size_t in_target;
};

static int themes_on_phrase(void *ctx, const struct xw_match_doc *d)
{
	struct themes_phrase_count *pc = ctx;

	pc->in_target += docset_has(pc->target, d->docid);
	return 0;
}

static int themes_phrases(struct themes_ctx *c, struct xw_db *db, const struct xw_query *base,
			  size_t n1, size_t n2, struct cm_err *err)
{
	size_t min = c->req->min_count ? c->req->min_count : 3, n = 0, k;
	struct themes_cand *cand = calloc(c->phr.n + 1, sizeof *cand);
	bool *picked = calloc(c->phr.n + 1, sizeof *picked);
	double scale = c->sampled && c->n_docs > c->sampled ? (double)c->n_docs / (double)c->sampled
							     : 1.0;
	int rc = CM_OK;

	if (!cand || !picked) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	/*
	 * Estimated score: the sample count scaled to the target, against the
	 * rarer word's background count, an upper bound of the phrase's.
	 */
	for (size_t i = 0; i < c->phr.n; i++) {
		const char *sp = strchr(c->phr.v[i], ' ');
		size_t w1, w2, b1, b2, a = (size_t)((double)c->pa[i] * scale + 0.5);

		if (a < min || !sp)
			continue;
		w1 = intern_find(&c->words, c->phr.v[i], (size_t)(sp - c->phr.v[i]));
		w2 = intern_find(&c->words, sp + 1, strlen(sp + 1));
		if (w1 == (size_t)-1 || w2 == (size_t)-1)
			continue;   /* the index split these words otherwise */
		b1 = themes_bg_word(c, db, w1);
		b2 = themes_bg_word(c, db, w2);
		cand[n].i = i;
		cand[n].a = a;
		cand[n].est = research_g2((double)a, (double)n1, (double)(b1 < b2 ? b1 : b2), (double)n2);
		n++;
	}
	qsort(cand, n, sizeof *cand, themes_cmp_est);
	for (k = 0; k < n && k < THEMES_PHRASE_BY_SCORE; k++)
		picked[cand[k].i] = true;
	qsort(cand, n, sizeof *cand, themes_cmp_a);
	for (k = 0; k < n && k < THEMES_PHRASE_BY_COUNT; k++)
		picked[cand[k].i] = true;

	for (size_t i = 0; i < c->phr.n && rc == CM_OK; i++) {
		char w1[64], w2[64];
		const char *terms[2] = { w1, w2 };
		const char *sp = strchr(c->phr.v[i], ' ');
		struct xw_query *ph, *in_b = NULL;
		size_t a = 0, b = 0;

		if (!picked[i] || !sp)
			continue;
		snprintf(w1, sizeof w1, "%.*s", (int)(sp - c->phr.v[i]), c->phr.v[i]);
		snprintf(w2, sizeof w2, "%s", sp + 1);
		ph = xw_query_phrase(terms, 2);
		in_b = ph && base ? xw_query_combine(XW_OP_FILTER, ph, base) : NULL;
		if (!ph || (base && !in_b))
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		if (rc == CM_OK) {
			/* One pass counts both sides: the target is part of the base. */
			struct themes_phrase_count pc = { &c->target, 0 };
			struct xw_each_opts none = { { 0 }, 0, false };

			rc = xw_each_match(db, base ? in_b : ph, &none, themes_on_phrase, &pc, &b, err);
			a = pc.in_target;
		}
		if (rc == CM_OK && a >= min)
			rc = themes_push(c->out, c->phr.v[i], true, a,
					 c->req->against == RESEARCH_AGAINST_ALL ? b : b - a, n1, n2);
		if (rc == CM_ENOMEM)
			cm_err_set(err, rc, "out of memory");
		xw_query_free(ph);
		xw_query_free(in_b);
	}
out:
	free(cand);
	free(picked);
	return rc;
}

/* ---- themes ------------------------------------------------------------- */

static int themes_cmp_g2(const void *pa, const void *pb)
{
	const struct research_term *a = pa, *b = pb;

	if (a->g2 != b->g2)
		return a->g2 > b->g2 ? -1 : 1;
	return strcmp(a->term, b->term);
}

static int themes_on_query(void *ctx, struct xw_db *db, const struct xw_query *q,
			   struct cm_err *err)
{
	struct themes_ctx *c = ctx;
	const struct research_themes_req *req = c->req;
	struct xw_each_opts eo = { { 0 }, 0, false };
	struct xw_query *range = NULL, *target = NULL;
	const struct xw_query *base = NULL;   /* NULL: the whole index */
	size_t min = req->min_count ? req->min_count : 3, n1, n2, limit = req->limit ? req->limit : 20;
	struct xw_query *all = xw_query_all();
	size_t n_base = 0;
	bool bad = false, q_is_all;
	struct sbuf d1 = {0}, d2 = {0};
	int rc = CM_OK;

	if (!all) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	xw_query_describe(q, &d1);
	xw_query_describe(all, &d2);
	q_is_all = strcmp(sbuf_str(&d1), sbuf_str(&d2)) == 0;
	if (req->period) {
		range = themes_period_query(req->period, &bad);
		if (bad) {
			rc = cm_err_set(err, CM_EINVAL, "bad period '%s': use 2020, 2020-03 or 2020/21",
					req->period);
			goto out;
		}
		target = range ? xw_query_combine(XW_OP_FILTER, q, range) : NULL;
		base = q_is_all ? NULL : q;
		c->out->target_desc = "the period";
	} else {
		if (q_is_all) {
			rc = cm_err_set(err, CM_EINVAL, "nothing to compare: give --period, a query "
					"or a filter");
			goto out;
		}
		target = xw_query_clone(q);
		c->out->target_desc = "the query and filters";
	}
	if (!target) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	c->base_is_all = base == NULL;

	/* Target: docids (and sampled text), then their termlists. */
	rc = xw_each_match(db, target, &eo, themes_on_target, c, NULL, err);
	for (size_t i = 0; rc == CM_OK && c->rc == CM_OK && i < c->n_docs; i++)
		rc = xw_db_doc_terms_from(db, c->docs[i], "a", themes_on_term, c, err);
	if (rc == CM_OK && c->rc != CM_OK)
		rc = cm_err_set(err, c->rc, "out of memory");
	if (rc == CM_OK && req->phrases)
		rc = themes_sample(c, db, err);
	if (rc == CM_OK && req->phrases) {
		unsigned last = 0;

		for (size_t i = 0; i < c->n_docs; i++)
			last = c->docs[i] > last ? c->docs[i] : last;
		rc = docset_init(&c->target, last, err);
		for (size_t i = 0; rc == CM_OK && i < c->n_docs; i++)
			docset_add(&c->target, c->docs[i]);
	}
	if (rc != CM_OK)
		goto out;
	n1 = c->n_docs;
	if (c->base_is_all) {
		n_base = xw_db_doccount(db, err);
	} else {
		struct themes_base_pass bp = { c, db, CM_OK };
		struct xw_each_opts none = { { 0 }, 0, false };

		c->counting_base = true;
		rc = xw_each_match(db, base, &none, themes_on_base, &bp, NULL, err);
		if (rc == CM_OK && bp.rc != CM_OK)
			rc = cm_err_set(err, bp.rc, "cannot read the terms of a document");
		if (rc != CM_OK)
			goto out;
		n_base = c->n_base;
	}
	n2 = req->against == RESEARCH_AGAINST_ALL ? n_base : n_base - n1;
	c->bgw = calloc(c->words.n + 1, sizeof *c->bgw);   /* a cache: NULL just means slower */
	c->out->n1 = n1;
	c->out->n2 = n2;

	for (size_t i = 0; i < c->words.n && rc == CM_OK; i++) {
		if (c->a[i] < min || !themes_is_word(c->words.v[i], strlen(c->words.v[i])))
			continue;
		rc = themes_push(c->out, c->words.v[i], false, c->a[i], themes_bg_word(c, db, i), n1,
				 n2);
		if (rc == CM_OK && c->out->t[c->out->n - 1].g2 <= 0) {
			free(c->out->t[--c->out->n].term);   /* under-represented: not a theme */
		}
	}
	if (rc == CM_OK && req->phrases)
		rc = themes_phrases(c, db, base, n1, n2, err);
	else if (rc != CM_OK)
		rc = cm_err_set(err, rc, "out of memory");
	if (rc != CM_OK)
		goto out;
	/* Drop under-represented phrases too, then rank and cut. */
	for (size_t i = 0; i < c->out->n;) {
		if (c->out->t[i].g2 <= 0) {
			free(c->out->t[i].term);
			c->out->t[i] = c->out->t[--c->out->n];
		} else {
			i++;
		}
	}
	qsort(c->out->t, c->out->n, sizeof *c->out->t, themes_cmp_g2);
	while (c->out->n > limit)
		free(c->out->t[--c->out->n].term);
out:
	xw_query_free(all);
	xw_query_free(range);
	xw_query_free(target);
	sbuf_release(&d1);
	sbuf_release(&d2);
	return rc;
}

static void themes_ctx_release(struct themes_ctx *c)
{
	intern_release(&c->words);
	intern_release(&c->phr);
	docset_release(&c->target);
	free(c->a);
	free(c->base);
	free(c->bgw);
	free(c->docs);
	free(c->pa);
	free(c->plast);
}

int research_themes_run(struct search_engine *eng, const struct research_themes_req *req,
			struct research_themes *out, struct cm_err *err)
{
	struct themes_ctx c;
	double t0 = clock_now_ms();
	int rc;

	memset(&c, 0, sizeof c);
	c.req = req;
	c.out = out;
	rc = search_with_query(eng, &req->base, themes_on_query, &c, err);
	themes_ctx_release(&c);
	out->ms = clock_now_ms() - t0;
	if (rc != CM_OK)
		research_themes_release(out);
	return rc;
}

void research_themes_release(struct research_themes *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->t[i].term);
	free(t->t);
	memset(t, 0, sizeof *t);
}

/* ---- related terms ------------------------------------------------------ */

struct related_ctx {
	const struct research_related_req *req;
	struct research_themes *out;
	struct xw_db *db;
	const struct xw_query *q;
	size_t n_items;               /* items matching the query */
	int rc;
	struct cm_err *err;
};

static int related_on_term(void *ctx, const char *t, size_t len, double weight)
{
	struct related_ctx *c = ctx;
	struct xw_query *term = xw_query_term(t, len);
	struct xw_query *both = term ? xw_query_combine(XW_OP_FILTER, term, c->q) : NULL;
	size_t a = 0;
	char *copy = strndup(t, len);

	if (!both || !copy) {
		c->rc = cm_err_set(c->err, CM_ENOMEM, "out of memory");
	} else {
		c->rc = xw_count(c->db, both, &a, c->err);
		if (c->rc == CM_OK) {
			c->rc = themes_push(c->out, copy, false, a, xw_db_termfreq(c->db, copy, NULL),
					    c->n_items, xw_db_doccount(c->db, NULL));
			if (c->rc == CM_OK)
				c->out->t[c->out->n - 1].g2 = weight;
			else
				cm_err_set(c->err, c->rc, "out of memory");
		}
	}
	free(copy);
	xw_query_free(term);
	xw_query_free(both);
	return c->rc != CM_OK;
}

static int related_on_query(void *ctx, struct xw_db *db, const struct xw_query *q,
			    struct cm_err *err)
{
	struct related_ctx *c = ctx;
	int rc;

	c->db = db;
	c->q = q;
	c->err = err;
	rc = xw_count(db, q, &c->n_items, err);
	if (rc == CM_OK)
		rc = xw_eset(db, q, c->req->rset ? c->req->rset : 100,
			     c->req->limit ? c->req->limit : 20, themes_keep, related_on_term, c,
			     err);
	c->out->n1 = c->n_items;
	c->out->n2 = xw_db_doccount(db, NULL);
	c->out->target_desc = "items matching the term";
	return rc == CM_OK ? c->rc : rc;
}

int research_related_run(struct search_engine *eng, const struct research_related_req *req,
			 struct research_themes *out, struct cm_err *err)
{
	struct related_ctx c;
	double t0 = clock_now_ms();
	int rc;

	memset(&c, 0, sizeof c);
	c.req = req;
	c.out = out;
	rc = search_with_query(eng, &req->base, related_on_query, &c, err);
	out->ms = clock_now_ms() - t0;
	if (rc != CM_OK)
		research_themes_release(out);
	return rc;
}

/* ---- output ------------------------------------------------------------- */

static void themes_json(const struct research_themes *t, bool related, bool pretty,
			struct sbuf *out)
{
	json_object *o = json_object_new_object(), *a = json_object_new_array();

	json_object_object_add(o, related ? "matching_documents" : "target_documents",
			       json_object_new_int64((int64_t)t->n1));
	json_object_object_add(o, related ? "all_documents" : "background_documents",
			       json_object_new_int64((int64_t)t->n2));
	if (!related)
		json_object_object_add(o, "statistic", json_object_new_string("G2 (log-likelihood)"));
	for (size_t i = 0; i < t->n; i++) {
		const struct research_term *r = &t->t[i];
		json_object *e = json_object_new_object();

		json_object_object_add(e, "term", json_object_new_string(r->term));
		if (!related)
			json_object_object_add(e, "phrase", json_object_new_boolean(r->phrase));
		json_object_object_add(e, related ? "with_term" : "target", json_object_new_int64((int64_t)r->a));
		json_object_object_add(e, related ? "all" : "background", json_object_new_int64((int64_t)r->b));
		json_object_object_add(e, related ? "weight" : "g2",
				       json_object_new_double(round(r->g2 * 100) / 100));
		if (!related && isfinite(r->ratio))
			json_object_object_add(e, "ratio",
					       json_object_new_double(round(r->ratio * 100) / 100));
		json_object_array_add(a, e);
	}
	json_object_object_add(o, "terms", a);
	json_object_object_add(o, "ms", json_object_new_double(round(t->ms * 10) / 10));
	sbuf_adds(out, json_object_to_json_string_ext(o, JSON_C_TO_STRING_NOSLASHESCAPE |
		  (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN)));
	sbuf_addch(out, '\n');
	json_object_put(o);
}

static void themes_csv(const struct research_themes *t, bool related, struct sbuf *out)
{
	sbuf_adds(out, related ? "term,with_term,all,weight\r\n"
			       : "term,phrase,target,background,g2,ratio\r\n");
	for (size_t i = 0; i < t->n; i++) {
		const struct research_term *r = &t->t[i];

		enc_csv_field(out, r->term);
		if (related)
			sbuf_addf(out, ",%zu,%zu,%.2f\r\n", r->a, r->b, r->g2);
		else if (isfinite(r->ratio))
			sbuf_addf(out, ",%d,%zu,%zu,%.2f,%.2f\r\n", r->phrase, r->a, r->b, r->g2, r->ratio);
		else
			sbuf_addf(out, ",%d,%zu,%zu,%.2f,\r\n", r->phrase, r->a, r->b, r->g2);
	}
}

static void themes_text(const struct research_themes *t, bool related, struct sbuf *out)
{
	if (related) {
		sbuf_addf(out, "terms travelling with the query (%zu matching documents, %.0f ms)\n",
			  t->n1, t->ms);
		sbuf_adds(out, "term                          with it       all   weight\n");
	} else {
		sbuf_addf(out, "distinctive terms of %s: %zu documents against %zu (G2, %.0f ms)\n",
			  t->target_desc ? t->target_desc : "the target", t->n1, t->n2, t->ms);
		sbuf_adds(out, "term                           target  background       G2   ratio\n");
	}
	for (size_t i = 0; i < t->n; i++) {
		const struct research_term *r = &t->t[i];

		research_pad(r->term, 28, out);
		if (related)
			sbuf_addf(out, "  %7zu  %8zu  %7.2f\n", r->a, r->b, r->g2);
		else if (isfinite(r->ratio))
			sbuf_addf(out, "  %7zu  %10zu  %7.1f  %6.1f\n", r->a, r->b, r->g2, r->ratio);
		else
			sbuf_addf(out, "  %7zu  %10zu  %7.1f     new\n", r->a, r->b, r->g2);
	}
}

void research_themes_write(const struct research_themes *t, enum out_format format, bool pretty,
			   struct sbuf *out)
{
	switch (format) {
	case OUT_JSON: themes_json(t, false, pretty, out); break;
	case OUT_CSV:  themes_csv(t, false, out); break;
	default:       themes_text(t, false, out); break;
	}
}

void research_related_write(const struct research_themes *t, enum out_format format, bool pretty,
			    struct sbuf *out)
{
	switch (format) {
	case OUT_JSON: themes_json(t, true, pretty, out); break;
	case OUT_CSV:  themes_csv(t, true, out); break;
	default:       themes_text(t, true, out); break;
	}
}
