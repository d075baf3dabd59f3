/*
 * search.c - the thread-safe search engine (see search.h)
 *
 * A pool of database handles, each used by one thread at a time and
 * reopened at most every SEARCH_REOPEN_SECONDS so a search sees the last
 * commit without paying a reopen per query.  A search: rewrite the query
 * (fields, synonyms), parse it, add filters and dates, run it with facets
 * counted over the whole matching set, then decode the page of hits and
 * make their snippets.
 *
 * Divisions: the handle pool, building the query, running it, hits and
 * facets, items and statistics.
 */
#include "search.h"
#include "clock.h"
#include "grow.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "docset.h"
#include "glossary.h"
#include "query.h"
#include "schema.h"
#include "stopword.h"
#include "synonym.h"
#include "xw.h"

/* How stale a pooled handle may be before it is reopened. */
static const double SEARCH_REOPEN_SECONDS = 1.0;

/*
 * Matching time left to a search whose parsing used up its time limit:
 * enough for a first page, so the answer is a labelled estimate, not an error.
 */
static const double SEARCH_MIN_MATCH_SECONDS = 0.01;

/* Snippet length when the request names none: two lines of a terminal. */
enum { SEARCH_SNIPPET_DEFAULT = 200 };

/*
 * Matches examined for exact totals and facet counts.  Counting every
 * match is what makes facets honest; past this many the counts become
 * estimates and the result says so.
 */
enum { SEARCH_CHECK_AT_LEAST = 1000000 };

/* Without facets, totals are exact up to this many matches: cheap (a few ms). */
enum { SEARCH_CHECK_CHEAP = 10000 };

/*
 * Memory for term bitmaps shared by every search of an engine (docset.h):
 * a bitmap is lastdocid/8 bytes (32 KB at 250,000 items), so this holds
 * the ~2,000 commonest terms of such an index, which is most of what a
 * search box is asked.
 */
static const size_t SEARCH_CACHE_BYTES = (size_t)64 << 20;

/*
 * A handle that left out a shard tries it again after this long: often
 * enough to notice a shard that came back, rarely enough that a dead host's
 * connection timeout is not paid on every search.
 */
static const double SEARCH_RETRY_MISSING_SECONDS = 5.0;

struct search_handle {
	struct xw_db *db;             /* one read handle */
	struct xw_qp *qp;             /* its configured parser */
	struct xw_db *spell;          /* spelling database, NULL = db */
	bool has_order;               /* the index has SLOT_ORDER (newer indexer) */
	struct strv phrases;          /* glossary phrases it has terms for (glossary.h) */
	double opened;                /* when last (re)opened */
	dev_t dev;                    /* the path's device and inode when opened: */
	ino_t ino;                    /* a rebuild swapped in there is a new database */
	struct search_handle *next;   /* free list link */
};

struct search_engine {
	char *path;                   /* database path or stub */
	char *spell_path;             /* spelling database, NULL = the searched one */
	struct xw_open_opts open;     /* shard time limits, partial */
	struct synonym_set *syn;      /* query-time synonyms */
	pthread_mutex_t lock;         /* guards free */
	struct search_handle *free;   /* idle handles */
	bool one_shot;                /* see search_engine_opts */
	struct docset_cache *cache;   /* term bitmaps shared by all handles, NULL for one_shot */
};

/* ---- the handle pool ---------------------------------------------------- */

static void search_handle_free(struct search_handle *h)
{
	if (!h)
		return;
	xw_qp_free(h->qp);
	xw_db_free(h->db);
	xw_db_free(h->spell);
	strv_release(&h->phrases);
	free(h);
}

/* The device and inode at path (following a symlink), zeros when it is missing. */
static void search_path_id(const char *path, dev_t *dev, ino_t *ino)
{
	struct stat st;

	if (stat(path, &st) != 0)
		memset(&st, 0, sizeof st);
	*dev = st.st_dev;
	*ino = st.st_ino;
}

/*
 * Whether another database now sits at the handle's path: `minutes-index
 * --full` swaps its rebuild in with renameat2(RENAME_EXCHANGE), an admin
 * flips a symlink or moves a stub over the old one.  Xapian's reopen()
 * cannot see that: it compares revision numbers only, and a rebuild
 * compacted from the same archive has the revision of the one it replaced,
 * so the handle would go on reading the old (deleted) files until a
 * restart.  A path missing for a moment keeps the handle.
 */
static bool search_is_replaced(const struct search_engine *eng, const struct search_handle *h)
{
	dev_t dev;
	ino_t ino;

	search_path_id(eng->path, &dev, &ino);
	return ino && (dev != h->dev || ino != h->ino);
}

static int search_handle_open(struct search_engine *eng, struct search_handle **out,
			      struct cm_err *err)
{
	struct search_handle *h = calloc(1, sizeof *h);
	int rc;

	if (!h)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	/* Before the open: a swap in between is then seen at the next reopen. */
	search_path_id(eng->path, &h->dev, &h->ino);
	rc = xw_db_open_read(eng->path, &eng->open, &h->db, err);
	if (rc == CM_OK)
		rc = query_parser_new(h->db, &h->qp, err);
	/* Without a spelling table there are no suggestions: not worth failing a search. */
	if (rc == CM_OK && eng->spell_path &&
	    xw_db_open_read(eng->spell_path, NULL, &h->spell, NULL) != CM_OK)
		h->spell = NULL;
	/* The control database of shards also holds their stems (remote shards carry none). */
	if (rc == CM_OK && h->spell)
		rc = xw_qp_add_database(h->qp, h->spell, err);
	if (rc == CM_OK && !getenv("MINUTES_NO_PHRASE_TERMS")) {
		struct sbuf keys = {0};

		/* Indexes from before phrase terms have none: their phrases stay phrases.
		 * Shards: the control database (opened as the spelling one) holds them. */
		if (xw_db_get_metadata(h->db, SCHEMA_META_PHRASES, &keys, NULL) != CM_OK || !keys.len)
			if (h->spell)
				xw_db_get_metadata(h->spell, SCHEMA_META_PHRASES, &keys, NULL);
		if (glossary_keys_split(sbuf_str(&keys), keys.len, &h->phrases) != CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		sbuf_release(&keys);
	}
	if (rc == CM_OK) {
		struct sbuf lo = {0}, hi = {0};

		/* Indexes from before SLOT_ORDER sort on SLOT_ITEM_SORT, ties by docid. */
		h->has_order = xw_db_value_bounds(h->db, SLOT_ORDER, &lo, &hi, NULL) == CM_OK &&
			       hi.len > 0;
		sbuf_release(&lo);
		sbuf_release(&hi);
	}
	if (rc != CM_OK) {
		search_handle_free(h);
		return rc;
	}
	h->opened = clock_now();
	*out = h;
	return CM_OK;
}

/* A failure that may be one shard's (down, slow) rather than the index's. */
static bool search_is_shard_failure(int rc)
{
	return rc == CM_EIO || rc == CM_ETIMEOUT;
}

static int search_take(struct search_engine *eng, struct search_handle **out, struct cm_err *err)
{
	struct search_handle *h;

	pthread_mutex_lock(&eng->lock);
	h = eng->free;
	if (h)
		eng->free = h->next;
	pthread_mutex_unlock(&eng->lock);
	if (h && xw_db_missing(h->db, 0) &&
	    clock_now() - h->opened > SEARCH_RETRY_MISSING_SECONDS) {
		search_handle_free(h);   /* a fresh handle tries the missing shards again */
		h = NULL;
	}
	if (h && clock_now() - h->opened > SEARCH_REOPEN_SECONDS && search_is_replaced(eng, h)) {
		search_handle_free(h);
		h = NULL;
	}
	if (!h)
		return search_handle_open(eng, out, err);
	if (clock_now() - h->opened > SEARCH_REOPEN_SECONDS) {
		int rc = xw_db_reopen(h->db, err);

		if (rc == CM_OK && h->spell)
			xw_db_reopen(h->spell, NULL);
		if (rc != CM_OK) {
			search_handle_free(h);
			/* A shard went away: a fresh handle names it, or leaves it out. */
			return search_is_shard_failure(rc) ? search_handle_open(eng, out, err) : rc;
		}
		h->opened = clock_now();
	}
	*out = h;
	return CM_OK;
}

static void search_give(struct search_engine *eng, struct search_handle *h)
{
	pthread_mutex_lock(&eng->lock);
	h->next = eng->free;
	eng->free = h;
	pthread_mutex_unlock(&eng->lock);
}

/*
 * Where "did you mean" looks words up.  Xapian's remote protocol carries no
 * spelling table, so a sharded index keeps one for all shards in its
 * control database (minutes-index --shard-by); a stub copied to a web host
 * finds it as "control" beside the stub.  *out NULL = the searched database.
 */
static int search_spelling_path(const char *path, const char *given, char **out,
				struct cm_err *err)
{
	struct sbuf p = {0};
	struct stat st;

	*out = NULL;
	if (given) {
		*out = strdup(given);
		return *out ? CM_OK : cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	if (stat(path, &st) != 0)
		return CM_OK;
	if (S_ISDIR(st.st_mode)) {
		sbuf_addf(&p, "%s/XAPIANDB", path);
		if (access(p.buf, F_OK) != 0) {
			sbuf_release(&p);
			return CM_OK;   /* a plain database: its own spelling table */
		}
		sbuf_reset(&p);
		sbuf_addf(&p, "%s/" SCHEMA_CONTROL_DIR, path);
	} else {
		const char *slash = strrchr(path, '/');

		if (slash)
			sbuf_add(&p, path, (size_t)(slash - path) + 1);
		sbuf_adds(&p, SCHEMA_CONTROL_DIR);
	}
	if (sbuf_oom(&p))
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	if (stat(p.buf, &st) == 0 && S_ISDIR(st.st_mode))
		*out = sbuf_detach(&p, NULL);
	sbuf_release(&p);
	return CM_OK;
}

/*
 * Refuse an index written for another schema: an index of version 1 holds
 * stems and stopwords that this searcher's queries no longer look for, so
 * its answers would be quietly wrong.  The version is in the control
 * database of shards (h->spell then), else in the database itself; a stub
 * of remote shards alone has none to read, and is trusted.
 */
static int search_check_schema(struct search_handle *h, const char *path, struct cm_err *err)
{
	struct sbuf v = {0};
	int rc = xw_db_get_metadata(h->spell ? h->spell : h->db, SCHEMA_META_VERSION, &v, err);

	if (rc == CM_OK && v.len && strcmp(v.buf, SCHEMA_VERSION) != 0)
		rc = cm_err_set(err, CM_EFORMAT, "%s: index schema %s, this program reads %s: "
				"rebuild it with minutes-index --full", path, v.buf, SCHEMA_VERSION);
	sbuf_release(&v);
	return rc;
}

int search_engine_open(const char *path, const struct search_engine_opts *opts,
		       struct search_engine **out, struct cm_err *err)
{
	struct search_engine *eng = calloc(1, sizeof *eng);
	struct search_handle *h = NULL;
	int rc = CM_OK;

	*out = NULL;
	if (!eng || !(eng->path = strdup(path)) || !(eng->syn = synonym_set_new())) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto fail;
	}
	pthread_mutex_init(&eng->lock, NULL);
	eng->one_shot = opts && opts->one_shot;
	if (!eng->one_shot &&
	    !(eng->cache = docset_cache_new(opts && opts->cache_bytes ? opts->cache_bytes
								      : SEARCH_CACHE_BYTES))) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto fail;
	}
	if (opts) {
		eng->open.allow_partial = opts->allow_partial;
		eng->open.timeout_ms = opts->shard_timeout_ms;
		eng->open.connect_timeout_ms = opts->connect_timeout_ms;
	}
	rc = search_spelling_path(path, opts ? opts->spelling_db : NULL, &eng->spell_path, err);
	for (size_t i = 0; opts && i < opts->n_synonym_files && rc == CM_OK; i++)
		if (opts->synonym_files[i])
			rc = synonym_load(eng->syn, opts->synonym_files[i], err);
	/* Open one handle now so a missing database is reported at once. */
	if (rc == CM_OK)
		rc = search_handle_open(eng, &h, err);
	if (rc == CM_OK && (rc = search_check_schema(h, path, err)) != CM_OK)
		search_handle_free(h);
	/*
	 * Remote shards carry no synonym table, and stems reach the indexed
	 * words only through it: without the control database every stemmed
	 * word would quietly match nothing.
	 */
	if (rc == CM_OK && xw_db_has_remote(h->db) && !h->spell) {
		rc = cm_err_set(err, CM_ENOTFOUND, "%s: remote shards need the index's control "
				"database (minutes-index --shard-by writes DIR/control): put it, or a "
				"link to it, beside the stub as '" SCHEMA_CONTROL_DIR "'", path);
		search_handle_free(h);
	}
	if (rc != CM_OK)
		goto fail;
	search_give(eng, h);
	*out = eng;
	return CM_OK;
fail:
	search_engine_free(eng);
	return rc;
}

void search_engine_free(struct search_engine *eng)
{
	if (!eng)
		return;
	while (eng->free) {
		struct search_handle *h = eng->free;

		eng->free = h->next;
		search_handle_free(h);
	}
	if (eng->path)
		pthread_mutex_destroy(&eng->lock);
	synonym_set_free(eng->syn);
	docset_cache_free(eng->cache);
	free(eng->path);
	free(eng->spell_path);
	free(eng);
}

int search_engine_revision(struct search_engine *eng, struct sbuf *out, struct cm_err *err)
{
	struct search_handle *h = NULL;
	int rc = search_take(eng, &h, err);

	if (rc != CM_OK)
		return rc;
	rc = xw_db_revision(h->db, out, err);
	if (rc == CM_OK && sbuf_oom(out))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	search_give(eng, h);
	return rc;
}

/* ---- building the query ------------------------------------------------- */

/* q AND-filtered by the request's filters (OR within a field), NULL on OOM; q is consumed. */
static int search_add_filters(struct search_handle *h, const struct search_request *req,
			      struct xw_query **q, struct cm_err *err)
{
	struct sbuf term = {0}, field = {0};
	int rc = CM_OK;

	for (int f = 0; f < FACET_COUNT && rc == CM_OK; f++) {
		struct xw_query *any = NULL;

		for (size_t i = 0; i < req->n_filters && rc == CM_OK; i++) {
			const char *eq = strchr(req->filters[i], '=');
			struct xw_query *t, *both;

			if (!eq)
				eq = strchr(req->filters[i], ':');
			if (!eq) {
				rc = cm_err_set(err, CM_EQUERY,
						"filter '%s' is not field=value", req->filters[i]);
				break;
			}
			sbuf_reset(&field);
			sbuf_add(&field, req->filters[i], (size_t)(eq - req->filters[i]));
			if (facet_lookup(field.buf, field.len) < 0) {
				rc = cm_err_set(err, CM_EQUERY, "unknown filter field '%s' (use council, "
						"committee, year, person, format or kind)", field.buf);
				break;
			}
			if (facet_lookup(field.buf, field.len) != f)
				continue;
			sbuf_reset(&term);
			rc = query_filter_term(h->db, facet_get((enum facet_id)f)->name, eq + 1,
					       &term, err);
			if (rc != CM_OK)
				break;
			t = xw_query_term(term.buf, term.len);
			both = t ? (any ? xw_query_combine(XW_OP_OR, any, t) : xw_query_clone(t)) : NULL;
			xw_query_free(t);
			xw_query_free(any);
			any = both;
			if (!any)
				rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		}
		if (any && rc == CM_OK) {
			struct xw_query *nq = xw_query_combine(XW_OP_FILTER, *q, any);

			if (!nq)
				rc = cm_err_set(err, CM_ENOMEM, "out of memory");
			else {
				xw_query_free(*q);
				*q = nq;
			}
		}
		xw_query_free(any);
	}
	if (rc == CM_OK && (req->from || req->to)) {
		struct xw_query *range = NULL, *nq;

		sbuf_reset(&term);
		sbuf_addf(&term, "date:%s..%s", req->from ? req->from : "", req->to ? req->to : "");
		rc = xw_qp_parse(h->qp, term.buf, term.len, 0, &range, err);
		if (rc == CM_EQUERY)
			cm_err_set(err, rc, "bad date range '%s..%s': use YYYY, YYYY-MM or YYYY-MM-DD",
				   req->from ? req->from : "", req->to ? req->to : "");
		if (rc == CM_OK) {
			nq = xw_query_combine(XW_OP_FILTER, *q, range);
			if (!nq)
				rc = cm_err_set(err, CM_ENOMEM, "out of memory");
			else {
				xw_query_free(*q);
				*q = nq;
			}
		}
		xw_query_free(range);
	}
	sbuf_release(&term);
	sbuf_release(&field);
	return rc;
}

static bool search_is_operator(const char *w, size_t n)
{
	static const char *const ops[] = { "and", "or", "not", "near", "adj", "xor" };

	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strlen(ops[i]) == n && strncasecmp(ops[i], w, n) == 0)
			return true;
	return false;
}

/*
 * A word is worth correcting when the index has never seen it, or has seen
 * it so rarely next to a common near-spelling that it is most likely a typo
 * in the minutes themselves ("safegaurding" once, "safeguarding" 900 times).
 */
enum { SEARCH_SUGGEST_RARE = 2, SEARCH_SUGGEST_RATIO = 50 };

/* The correction of word (lowercase) appended to fix, or nothing. */
static void search_correct_word(struct search_handle *h, const char *word, struct sbuf *fix)
{
	unsigned seen = xw_db_termfreq(h->db, word, NULL);
	unsigned spelt = xw_db_spelling_freq(h->spell ? h->spell : h->db, word, NULL);
	unsigned freq = seen > spelt ? seen : spelt;

	if (freq > SEARCH_SUGGEST_RARE)
		return;
	if (xw_db_spelling(h->spell ? h->spell : h->db, word, fix, NULL) != CM_OK || !fix->len ||
	    strcmp(sbuf_str(fix), word) == 0) {
		sbuf_reset(fix);
		return;
	}
	if (freq && xw_db_spelling_freq(h->spell ? h->spell : h->db, sbuf_str(fix), NULL) <
			    (unsigned)SEARCH_SUGGEST_RATIO * freq)
		sbuf_reset(fix);
}

/*
 * "Did you mean": every plain word of the query (not a field name or
 * value, an operator or a wildcard) that looks misspelt is replaced by the
 * spelling dictionary's best guess, keeping the rest of the query as
 * typed.  NULL when no word changed.  Works on what the user typed, not on
 * the rewritten query, so synonyms never show up in the suggestion.
 */
static char *search_suggest(struct search_handle *h, const char *q)
{
	struct sbuf out = {0}, word = {0}, fix = {0};
	bool changed = false, in_field = false;
	size_t i = 0, len = strlen(q);

	while (i < len) {
		size_t j = i;

		if (isspace((unsigned char)q[i]) || q[i] == '(' || q[i] == ')')
			in_field = false;
		if (q[i] == ':' ) {
			/* A field value runs to the next space (or closing quote). */
			in_field = true;
			sbuf_addch(&out, q[i++]);
			if (i < len && q[i] == '"') {
				const char *close = memchr(q + i + 1, '"', len - i - 1);
				size_t end = close ? (size_t)(close - q) + 1 : len;

				sbuf_add(&out, q + i, end - i);
				i = end;
			}
			continue;
		}
		if (!isalpha((unsigned char)q[i]) || in_field ||
		    (i && (isalnum((unsigned char)q[i - 1]) || (unsigned char)q[i - 1] >= 0x80))) {
			sbuf_addch(&out, q[i++]);
			continue;
		}
		while (j < len && (isalnum((unsigned char)q[j]) || (unsigned char)q[j] >= 0x80))
			j++;
		sbuf_reset(&word);
		for (size_t k = i; k < j; k++)
			sbuf_addch(&word, tolower((unsigned char)q[k]));
		sbuf_reset(&fix);
		if (word.len >= 3 && word.len <= 40 && !(j < len && (q[j] == ':' || q[j] == '*' ||
								 q[j] == '/')) &&
		    !search_is_operator(q + i, j - i) && !stopword_is(q + i, j - i))
			search_correct_word(h, sbuf_str(&word), &fix);
		if (fix.len) {
			sbuf_add(&out, fix.buf, fix.len);
			changed = true;
		} else {
			sbuf_add(&out, q + i, j - i);
		}
		i = j;
	}
	sbuf_release(&word);
	sbuf_release(&fix);
	if (!changed || sbuf_oom(&out)) {
		sbuf_release(&out);
		return NULL;
	}
	return sbuf_detach(&out, NULL);
}

/* ---- hits and facets ---------------------------------------------------- */

/* Xapian's snippets are HTML-escaped; undo that for terminals and plain text. */
static void search_unescape_html(char *s)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' }, { "&#39;", '\'' },
	};
	char *w = s;

	while (*s) {
		size_t k;

		for (k = 0; k < sizeof ents / sizeof ents[0]; k++)
			if (strncmp(s, ents[k].ent, strlen(ents[k].ent)) == 0)
				break;
		if (k < sizeof ents / sizeof ents[0]) {
			*w++ = ents[k].c;
			s += strlen(ents[k].ent);
		} else {
			*w++ = *s++;
		}
	}
	*w = '\0';
}

/* The first-indexed time at the start of a SLOT_ADDED value, 0 when none. */
static long long search_added_of(const struct sbuf *v)
{
	long long t = 0;

	for (size_t i = 0; i < v->len && i < SCHEMA_ADDED_DIGITS; i++) {
		if (v->buf[i] < '0' || v->buf[i] > '9')
			return 0;
		t = t * 10 + (v->buf[i] - '0');
	}
	return v->len >= SCHEMA_ADDED_DIGITS ? t : 0;
}

/* Narrow *q to req's meeting and to items first indexed after req->added_after. */
static int search_add_limits(const struct search_request *req, struct xw_query **q,
			     struct cm_err *err)
{
	struct xw_query *lim = NULL, *nq;
	struct sbuf term = {0};
	char lo[SCHEMA_ADDED_DIGITS + 8];

	if (req->meeting) {
		xw_term_make(&term, PFX_MEETING, req->meeting, strlen(req->meeting));
		lim = sbuf_oom(&term) ? NULL : xw_query_term(term.buf, term.len);
		sbuf_release(&term);
		if (!lim)
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		nq = xw_query_combine(XW_OP_FILTER, *q, lim);
		xw_query_free(lim);
		if (!nq)
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		xw_query_free(*q);
		*q = nq;
	}
	if (req->added_after > 0) {
		/* Values start with the zero-padded time: "> t" is ">= t + 1" as a string. */
		snprintf(lo, sizeof lo, "%0*lld", (int)SCHEMA_ADDED_DIGITS, req->added_after + 1);
		lim = xw_query_range(SLOT_ADDED, lo, NULL);
		nq = lim ? xw_query_combine(XW_OP_FILTER, *q, lim) : NULL;
		xw_query_free(lim);
		if (!nq)
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		xw_query_free(*q);
		*q = nq;
	}
	return CM_OK;
}

int search_newest_added(struct search_engine *eng, long long *t, struct cm_err *err)
{
	struct search_handle *h = NULL;
	struct sbuf lo = {0}, hi = {0};
	int rc = search_take(eng, &h, err);

	*t = 0;
	if (rc != CM_OK)
		return rc;
	rc = xw_db_value_bounds(h->db, SLOT_ADDED, &lo, &hi, err);
	search_give(eng, h);
	if (rc == CM_OK)
		*t = search_added_of(&hi);
	sbuf_release(&lo);
	sbuf_release(&hi);
	return rc;
}

int search_engine_metadata(struct search_engine *eng, const char *key, struct sbuf *out,
			   struct cm_err *err)
{
	struct search_handle *h = NULL;
	int rc = search_take(eng, &h, err);

	if (rc != CM_OK)
		return rc;
	rc = xw_db_get_metadata(h->db, key, out, err);
	/* Shards keep the run's metadata in their control database (the spelling one). */
	if (rc == CM_OK && !out->len && h->spell)
		rc = xw_db_get_metadata(h->spell, key, out, err);
	search_give(eng, h);
	return rc;
}

static int search_fill_hit(struct xw_mset *ms, size_t i, const struct search_request *req,
			   struct search_hit *hit, struct cm_err *err)
{
	struct sbuf data = {0}, snip = {0};
	const char *hs = "", *he = "";
	int rc;

	hit->docid = xw_mset_docid(ms, i);
	hit->score = xw_mset_weight(ms, i);
	hit->percent = xw_mset_percent(ms, i);
	hit->collapsed = xw_mset_collapse_count(ms, i);
	rc = xw_mset_data(ms, i, &data, err);
	if (rc == CM_OK)
		rc = docdata_decode(data.buf, data.len, &hit->d, err);
	sbuf_reset(&data);
	if (rc == CM_OK)
		rc = xw_mset_value(ms, i, SLOT_ADDED, &data, err);
	if (rc != CM_OK)
		goto out;
	hit->added = search_added_of(&data);
	if (req->highlight == SEARCH_HL_ANSI) {
		hs = "\033[1m";
		he = "\033[0m";
	} else if (req->highlight == SEARCH_HL_HTML) {
		hs = "<mark>";
		he = "</mark>";
	}
	rc = xw_mset_snippet(ms, hit->d.text, strlen(hit->d.text),
			     req->snippet_len ? req->snippet_len : SEARCH_SNIPPET_DEFAULT, hs, he,
			     "...", &snip, err);
	if (rc != CM_OK)
		goto out;
	hit->snippet = sbuf_detach(&snip, NULL);
	hit->uid = strdup(hit->d.uid);
	if (!hit->snippet || !hit->uid) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	if (req->highlight != SEARCH_HL_HTML)
		search_unescape_html(hit->snippet);
	for (char *c = hit->snippet; *c; c++)
		if (*c == '\n' || *c == '\f' || *c == '\t')
			*c = ' ';
	if (!req->with_text) {
		free((void *)(uintptr_t)hit->d.text);
		hit->d.text = NULL;
	}
out:
	sbuf_release(&data);
	sbuf_release(&snip);
	return rc;
}

struct search_facet_fill {
	struct search_facet *f;       /* destination */
	size_t limit;                 /* values kept (0 = all) */
	bool format_names;            /* MIME types shown by friendly name */
	int oom;
};

static int search_facet_value(void *ctx, const char *s, size_t len, unsigned count)
{
	struct search_facet_fill *ff = ctx;
	struct search_facet_value *v;
	char *val;

	if (ff->limit && ff->f->n >= ff->limit)
		return 1;
	if (ARRAY_GROW(ff->f->v, ff->f->n + 1, ff->f->alloc)) {
		ff->oom = 1;
		return 1;
	}
	v = ff->f->v;
	val = strndup(s, len);
	if (val && ff->format_names) {
		char *friendly = strdup(facet_format_name(val));

		free(val);
		val = friendly;
	}
	if (!val) {
		ff->oom = 1;
		return 1;
	}
	v[ff->f->n].value = val;
	v[ff->f->n].count = count;
	ff->f->n++;
	return 0;
}

/* ---- running it --------------------------------------------------------- */

static int search_run_on(struct search_handle *h, struct search_engine *eng,
			 const struct search_request *req, struct search_result *res,
			 struct cm_err *err)
{
	struct xw_search_opts so;
	struct xw_query *q = NULL;
	struct xw_mset *ms = NULL;
	struct sbuf rewritten = {0}, desc = {0}, rev = {0};
	const char *text = req->query ? req->query : "";
	int facet_of[FACET_COUNT];
	double t0 = clock_now();
	int rc;

	rc = query_rewrite(h->db, eng->syn, &h->phrases, text, strlen(text), &rewritten, err);
	if (rc == CM_OK)
		rc = xw_qp_parse(h->qp, sbuf_str(&rewritten), rewritten.len, 0, &q, err);
	if (rc == CM_EQUERY && err && strncmp(err->msg, "query '", 7) != 0 &&
	    !strstr(err->msg, "ambiguous")) {
		struct cm_err inner = *err;

		/* A long query is cut in the message, so the reason still fits. */
		int n = (int)strlen(text), cut = n > 80 ? 72 : n;

		while (cut < n && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;      /* not inside a UTF-8 sequence */
		cm_err_set(err, CM_EQUERY, "cannot parse query '%.*s%s': %s", cut, text,
			   cut < n ? "..." : "", inner.msg);
	}
	if (rc == CM_OK)
		rc = search_add_filters(h, req, &q, err);
	if (rc == CM_OK)
		rc = search_add_limits(req, &q, err);
	if (rc != CM_OK)
		goto out;

	memset(&so, 0, sizeof so);
	so.offset = req->offset;
	so.limit = req->limit;
	so.collapse_slot = req->group_meeting ? (int)SLOT_MEETING : -1;
	so.collapse_max = 1;
	so.check_at_least = req->facets ? SEARCH_CHECK_AT_LEAST : SEARCH_CHECK_CHEAP;
	if (req->count_limit)
		so.check_at_least = req->count_limit;
	/* The time limit covers the whole search: what parsing took is not left to match in. */
	so.time_limit = req->time_limit_ms / 1000.0;
	if (so.time_limit > 0)
		so.time_limit = fmax(so.time_limit - (clock_now() - t0), SEARCH_MIN_MATCH_SECONDS);
	/*
	 * A one-shot process counts over the bitmaps only with the arrays the
	 * indexer stored; a count limit asks to examine fewer matches, which
	 * only Xapian's spies can do (the bitmaps count every match).
	 */
	so.slow_facets = req->slow_facets || req->count_limit;
	so.stored_arrays_only = eng->one_shot;
	if (req->sort == SEARCH_SORT_DATE) {
		so.sort = XW_SORT_VALUE_ASC;
		so.sort_slot = h->has_order ? SLOT_ORDER : SLOT_ITEM_SORT;
	} else if (req->sort == SEARCH_SORT_DATE_DESC) {
		so.sort = XW_SORT_VALUE_DESC;
		so.sort_slot = h->has_order ? SLOT_ORDER : SLOT_ITEM_SORT;
	} else if (req->sort == SEARCH_SORT_ADDED_DESC) {
		so.sort = XW_SORT_VALUE_DESC;
		so.sort_slot = SLOT_ADDED;
	}
	/* Equal weights newest first, the same from one database or shards. */
	so.tie_break = h->has_order;
	so.tie_slot = SLOT_ORDER;
	so.cache = eng->cache;
	for (int f = 0; f < FACET_COUNT; f++) {
		facet_of[f] = -1;
		if (req->facets & (1u << f)) {
			facet_of[f] = (int)so.n_facets;
			so.facet_slots[so.n_facets] = facet_get((enum facet_id)f)->slot;
			so.facet_sep[so.n_facets] = facet_get((enum facet_id)f)->sep;
			/* People filter by surname, so their facet counts surnames too. */
			so.facet_last_word[so.n_facets] = f == FACET_PERSON;
			so.n_facets++;
		}
	}
	rc = xw_search(h->db, q, &so, &ms, err);
	if (rc != CM_OK)
		goto out;

	res->total = xw_mset_estimated(ms);
	res->estimated = !xw_mset_is_exact(ms);
	res->facets_exact = xw_mset_facets_exact(ms);
	res->facets_fast = xw_mset_facets_fast(ms);
	res->hits = calloc(xw_mset_size(ms) ? xw_mset_size(ms) : 1, sizeof *res->hits);
	if (!res->hits) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < xw_mset_size(ms) && rc == CM_OK; i++) {
		rc = search_fill_hit(ms, i, req, &res->hits[i], err);
		res->n_hits++;
	}
	for (int f = 0; f < FACET_COUNT && rc == CM_OK; f++) {
		struct search_facet_fill ff;

		if (facet_of[f] < 0)
			continue;
		ff.f = &res->facets[res->n_facets++];
		ff.f->name = facet_get((enum facet_id)f)->name;
		ff.limit = req->facet_limit;
		ff.format_names = f == FACET_FORMAT;
		ff.oom = 0;
		rc = xw_mset_each_facet(ms, (size_t)facet_of[f], search_facet_value, &ff, err);
		if (rc == CM_OK && ff.oom)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	if (rc == CM_OK && req->suggest && *text)
		res->suggestion = search_suggest(h, text);
	for (size_t i = 0; rc == CM_OK && xw_db_missing(h->db, i); i++) {
		res->partial = true;
		if (strv_push(&res->missing_shards, xw_db_missing(h->db, i)) != CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	xw_query_describe(q, &desc);
	res->parsed = sbuf_detach(&desc, NULL);
	if (rc == CM_OK)
		rc = xw_db_revision(h->db, &rev, err);
	if (rc == CM_OK && !(res->revision = sbuf_detach(&rev, NULL)))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
out:
	sbuf_release(&rev);
	xw_mset_free(ms);
	xw_query_free(q);
	sbuf_release(&rewritten);
	sbuf_release(&desc);
	return rc;
}

int search_run(struct search_engine *eng, const struct search_request *req,
	       struct search_result *res, struct cm_err *err)
{
	struct search_handle *h = NULL;
	double t0 = clock_now();
	int rc = search_take(eng, &h, err);

	if (rc != CM_OK)
		return rc;
	rc = search_run_on(h, eng, req, res, err);
	if (search_is_shard_failure(rc) && xw_db_has_remote(h->db)) {
		/*
		 * A shard failed mid-search: a fresh handle finds out which
		 * (naming it in the error, or leaving it out when partial
		 * results are allowed) and the search runs once more.
		 */
		search_handle_free(h);
		h = NULL;
		search_result_release(res);
		rc = search_handle_open(eng, &h, err);
		if (rc == CM_OK)
			rc = search_run_on(h, eng, req, res, err);
	} else if (rc == CM_EDB) {
		/*
		 * Commits outran the reads' retries, or a hit's document was
		 * deleted between the match and reading it: the page belongs to
		 * a revision that is gone.  The search runs once more, reopened.
		 */
		search_result_release(res);
		xw_db_reopen(h->db, NULL);	/* one that meets a commit is retried inside the run */
		if (h->spell)
			xw_db_reopen(h->spell, NULL);
		rc = search_run_on(h, eng, req, res, err);
	}
	if (rc == CM_EDB || rc == CM_ENOTFOUND || search_is_shard_failure(rc)) {
		/* A handle that failed may be broken (a shard went away): drop it. */
		search_handle_free(h);
	} else {
		search_give(eng, h);
	}
	res->ms = (clock_now() - t0) * 1000.0;
	if (rc != CM_OK)
		search_result_release(res);
	return rc;
}

void search_hit_release(struct search_hit *hit)
{
	if (!hit)
		return;
	docdata_release(&hit->d);
	free(hit->snippet);
	free(hit->uid);
	memset(hit, 0, sizeof *hit);
}

static void search_facet_release(struct search_facet *f)
{
	for (size_t j = 0; j < f->n; j++)
		free(f->v[j].value);
	free(f->v);
	memset(f, 0, sizeof *f);
}

void search_result_release(struct search_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->n_hits; i++)
		search_hit_release(&res->hits[i]);
	free(res->hits);
	for (size_t i = 0; i < res->n_facets; i++)
		search_facet_release(&res->facets[i]);
	free(res->suggestion);
	free(res->parsed);
	free(res->revision);
	strv_release(&res->missing_shards);
	memset(res, 0, sizeof *res);
}

static int search_with_on(struct search_handle *h, struct search_engine *eng,
			  const struct search_request *req, search_query_fn fn, void *ctx,
			  struct cm_err *err)
{
	struct xw_query *q = NULL;
	struct sbuf rewritten = {0};
	const char *text = req->query ? req->query : "";
	int rc = query_rewrite(h->db, eng->syn, &h->phrases, text, strlen(text), &rewritten, err);

	if (rc == CM_OK)
		rc = xw_qp_parse(h->qp, sbuf_str(&rewritten), rewritten.len, 0, &q, err);
	if (rc == CM_OK)
		rc = search_add_filters(h, req, &q, err);
	if (rc == CM_OK)
		rc = fn(ctx, h->db, q, err);
	xw_query_free(q);
	sbuf_release(&rewritten);
	return rc;
}

int search_with_query(struct search_engine *eng, const struct search_request *req,
		      search_query_fn fn, void *ctx, struct cm_err *err)
{
	struct search_handle *h = NULL;
	int rc = search_take(eng, &h, err);

	if (rc != CM_OK)
		return rc;
	rc = search_with_on(h, eng, req, fn, ctx, err);
	if (rc == CM_EDB || rc == CM_ENOTFOUND)
		search_handle_free(h);
	else
		search_give(eng, h);
	return rc;
}

/* ---- items and statistics ----------------------------------------------- */

int search_get_item(struct search_engine *eng, const char *uid, struct search_hit *hit,
		    struct cm_err *err)
{
	struct search_handle *h = NULL;
	struct sbuf term = {0}, data = {0};
	unsigned docid = 0;
	int rc = search_take(eng, &h, err);

	if (rc != CM_OK)
		return rc;
	sbuf_adds(&term, PFX_UID);
	sbuf_adds(&term, uid);
	rc = xw_db_find_term(h->db, sbuf_str(&term), &docid, err);
	if (rc == CM_ENOTFOUND)
		cm_err_set(err, rc, "no item with id '%s'", uid);
	if (rc == CM_OK)
		rc = xw_db_doc_data(h->db, docid, &data, err);
	if (rc == CM_OK)
		rc = docdata_decode(data.buf, data.len, &hit->d, err);
	sbuf_reset(&data);
	if (rc == CM_OK)
		rc = xw_db_doc_value(h->db, docid, SLOT_ADDED, &data, err);
	if (rc == CM_OK) {
		hit->added = search_added_of(&data);
		hit->docid = docid;
		hit->uid = strdup(uid);
		if (!hit->uid)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	search_give(eng, h);
	sbuf_release(&term);
	sbuf_release(&data);
	if (rc != CM_OK)
		search_hit_release(hit);
	return rc;
}

int search_meeting(struct search_engine *eng, const char *mid, size_t max,
		   struct search_result *res, struct cm_err *err)
{
	struct search_request req;
	int rc;

	memset(&req, 0, sizeof req);
	req.meeting = mid;
	req.sort = SEARCH_SORT_DATE;      /* date, then the item's ordinal: document order */
	req.limit = max;
	req.with_text = true;
	rc = search_run(eng, &req, res, err);
	if (rc == CM_OK && res->n_hits == 0)
		rc = cm_err_set(err, CM_ENOTFOUND, "no meeting with id '%s'", mid);
	return rc;
}

static void search_iso(const struct sbuf *yyyymmdd, char out[11])
{
	out[0] = '\0';
	if (yyyymmdd->len == 8)
		snprintf(out, 11, "%.4s-%.2s-%.2s", yyyymmdd->buf, yyyymmdd->buf + 4,
			 yyyymmdd->buf + 6);
}

int search_stats(struct search_engine *eng, struct search_stats *st, struct cm_err *err)
{
	struct search_request req;
	struct search_result res;
	struct search_handle *h = NULL;
	struct sbuf lo = {0}, hi = {0};
	int rc;

	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.facets = 1u << FACET_COUNCIL | 1u << FACET_COMMITTEE;
	rc = search_run(eng, &req, &res, err);
	if (rc != CM_OK)
		return rc;
	st->documents = res.total;
	st->councils = res.facets[0];
	st->committees = res.facets[1];
	memset(&res.facets[0], 0, sizeof res.facets[0]);
	memset(&res.facets[1], 0, sizeof res.facets[1]);
	search_result_release(&res);

	rc = search_take(eng, &h, err);
	if (rc != CM_OK)
		return rc;
	st->meetings = xw_db_termfreq(h->db, PFX_FRONT "front", err);
	st->items = st->documents - st->meetings;
	st->files = st->meetings;
	rc = xw_db_value_bounds(h->db, SLOT_DATE, &lo, &hi, err);
	search_iso(&lo, st->first_date);
	search_iso(&hi, st->last_date);
	search_give(eng, h);
	sbuf_release(&lo);
	sbuf_release(&hi);
	return rc;
}

void search_stats_release(struct search_stats *st)
{
	if (!st)
		return;
	search_facet_release(&st->councils);
	search_facet_release(&st->committees);
	memset(st, 0, sizeof *st);
}
