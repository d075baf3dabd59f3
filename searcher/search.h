/*
 * search.h - the search engine the CLI, the HTTP server and research share
 *
 * A struct search_engine opens a database (a directory or a stub of shards)
 * and the synonym files once; search_run() may then be called from many
 * threads at once: each call borrows a database handle from a pool (Xapian
 * handles are not thread-safe) and reopens it when the indexer has
 * committed.  A search is a struct search_request in, a struct
 * search_result out; nothing here prints.
 */
#ifndef SRCH_SEARCH_H
#define SRCH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "docdata.h"
#include "err.h"
#include "facet.h"
#include "strv.h"
#include "xw.h"

enum search_sort {
	SEARCH_SORT_RELEVANCE = 0,
	SEARCH_SORT_DATE,             /* meeting date and item order, oldest first */
	SEARCH_SORT_DATE_DESC,        /* newest meeting first */
	SEARCH_SORT_ADDED_DESC        /* first indexed, newest first (feeds, alerts); items of an
	                                 index without SLOT_ADDED come last */
};
enum search_highlight { SEARCH_HL_NONE = 0, SEARCH_HL_ANSI, SEARCH_HL_HTML };

struct search_request {
	const char *query;            /* what the user typed; "" or NULL for everything */
	const char *const *filters;   /* "field=value": AND across fields, OR within one */
	size_t n_filters;
	const char *from, *to;        /* date bounds (YYYY, YYYY-MM, YYYY-MM-DD) or NULL */
	enum search_sort sort;
	size_t offset, limit;         /* the page of hits */
	bool group_meeting;           /* best item per meeting */
	unsigned facets;              /* bit mask of enum facet_id to count */
	size_t facet_limit;           /* values per facet (0 = all) */
	enum search_highlight highlight; /* how snippets mark matches */
	size_t snippet_len;           /* bytes of snippet (0 = default) */
	bool suggest;                 /* compute "did you mean" */
	bool with_text;               /* keep each hit's full text (for /api/item) */
	size_t count_limit;           /* matches examined for totals and facets (0 = a million);
					 fewer makes counts estimates (facets_exact false) */
	double time_limit_ms;         /* stop examining every match after this long (0 = never) */
	bool slow_facets;             /* count facets with Xapian's own spy (benchmarks, tests) */
	const char *meeting;          /* only the documents of this meeting id, or NULL */
	long long added_after;        /* only items first indexed after this Unix time in
	                                 milliseconds (0 = any) */
};

struct search_hit {
	unsigned docid;               /* Xapian document id (changes with shards: display only) */
	double score;                 /* BM25 weight */
	int percent;                  /* Xapian's percentage */
	size_t collapsed;             /* other items of the meeting folded into this hit */
	struct docdata d;             /* decoded fields */
	char *snippet;                /* highlighted extract, owned */
	char *uid;                    /* stable id for /api/item ("<meeting>-<n>"), owned */
	long long added;              /* Unix time in ms the item was first indexed (SLOT_ADDED), 0 when
	                                 the index predates it */
};

struct search_facet_value {
	char *value;                  /* display value, owned */
	size_t count;                 /* matching items */
};

struct search_facet {
	const char *name;             /* static facet name */
	struct search_facet_value *v; /* by descending count */
	size_t n, alloc;              /* values held, allocated */
};

struct search_result {
	size_t total;                 /* matches (exact when !estimated) */
	bool estimated;               /* total is Xapian's estimate */
	struct search_hit *hits;      /* the page */
	size_t n_hits;
	struct search_facet facets[FACET_COUNT]; /* counted facets, in enum order */
	size_t n_facets;
	bool facets_exact;            /* counts cover every match */
	bool facets_fast;             /* counted over bitmaps from per-document arrays (in
					 memory, or stored by the indexer), not by Xapian's spy */
	char *suggestion;             /* corrected query or NULL, owned */
	char *parsed;                 /* Xapian's description of the query, owned */
	double ms;                    /* time taken */
	char *revision;               /* index revision the search ran on (see
	                                 search_engine_revision), owned */
	bool partial;                 /* some shards did not answer: hits, totals and facets
	                                 cover the others only (needs allow_partial) */
	struct strv missing_shards;   /* the shards left out, as the stub names them */
};

struct search_engine;

struct search_engine_opts {
	const char *const *synonym_files; /* loaded in order; NULL entries skipped */
	size_t n_synonym_files;
	bool one_shot;                /* one search per engine (the CLI): count facets from
					 the arrays the indexer stored (xw_arrays_save), else
					 with Xapian's spy, never by building the arrays,
					 which only pays off over many searches */
	bool allow_partial;           /* a shard that is down or slow is left out (result marked
	                                 partial) instead of failing the search */
	unsigned shard_timeout_ms;    /* remote shards: per-operation limit (0 = xw's default) */
	unsigned connect_timeout_ms;  /* remote shards: connection limit (0 = xw's default) */
	const char *spelling_db;      /* database whose spelling table answers "did you mean";
	                                 NULL = the "control" database beside a stub, if any,
	                                 else the searched database itself */
	size_t cache_bytes;           /* term bitmaps kept between searches (0 = the default,
	                                 SEARCH_CACHE_BYTES; the CLI's one search keeps none) */
};

/*
 * Open the database at path (a directory, a stub file, or a directory with
 * a stub called XAPIANDB, as minutes-index --shard-by writes).  *out is
 * freed with search_engine_free.  CM_ENOTFOUND (no database there), CM_EDB,
 * CM_EIO (synonym file; a shard that cannot be reached, named in the
 * message), CM_ETIMEOUT (a shard too slow), CM_ENOMEM.
 */
int search_engine_open(const char *path, const struct search_engine_opts *opts,
		       struct search_engine **out, struct cm_err *err);
void search_engine_free(struct search_engine *eng);

/*
 * The index revision a search would see now (appended to out): a string
 * that changes whenever the indexer commits.  Also lets the handle pool
 * pick up a new commit.  CM_EDB, CM_ENOMEM.  Thread-safe.
 */
int search_engine_revision(struct search_engine *eng, struct sbuf *out, struct cm_err *err);

/*
 * Run req.  res is zeroed by the caller and freed with
 * search_result_release.  CM_EQUERY (message says what is wrong with the
 * query), CM_EDB, CM_ENOMEM, CM_EIO / CM_ETIMEOUT (a shard down or slow,
 * unless allow_partial: then res->partial names it).  Thread-safe.
 */
int search_run(struct search_engine *eng, const struct search_request *req,
	       struct search_result *res, struct cm_err *err);
void search_result_release(struct search_result *res);

/* Fetch one item by its uid (as in search_hit.uid) into hit (zeroed by the caller). */
int search_get_item(struct search_engine *eng, const char *uid, struct search_hit *hit,
		    struct cm_err *err);
void search_hit_release(struct search_hit *hit);

/*
 * Every document of meeting mid in order, front matter first, each with
 * its full text, at most max of them, into res (zeroed by the caller; free
 * with search_result_release).  CM_ENOTFOUND (no such meeting), and the
 * errors of search_run.  Thread-safe.
 */
int search_meeting(struct search_engine *eng, const char *mid, size_t max,
		   struct search_result *res, struct cm_err *err);

/*
 * Called by search_with_query with a borrowed database handle and the
 * request's query; neither outlives the call.  Returns a cm_code.
 */
typedef int (*search_query_fn)(void *ctx, struct xw_db *db, const struct xw_query *q,
			       struct cm_err *err);

/*
 * Build req's query exactly as search_run does (query language, synonyms,
 * filters, date bounds; paging, sorting and facets are ignored) and hand
 * it with a pooled database handle to fn, for passes over the whole
 * matching set (research).  Returns fn's code, or CM_EQUERY, CM_EDB,
 * CM_ENOMEM from building the query.  Thread-safe.
 */
int search_with_query(struct search_engine *eng, const struct search_request *req,
		      search_query_fn fn, void *ctx, struct cm_err *err);

/*
 * Append the database metadata value of key to out ("" when unset; with
 * shards, from the first shard or else the control database).  CM_EDB,
 * CM_ENOMEM.  Thread-safe.
 */
int search_engine_metadata(struct search_engine *eng, const char *key, struct sbuf *out,
			   struct cm_err *err);

/*
 * The newest first-indexed time in the index (Unix milliseconds) into *t, 0
 * when the index records none (written before SLOT_ADDED).  CM_EDB.
 * Thread-safe.
 */
int search_newest_added(struct search_engine *eng, long long *t, struct cm_err *err);

struct search_stats {
	size_t documents;             /* all documents */
	size_t meetings;              /* front-matter documents */
	size_t items;                 /* agenda items */
	size_t files;                 /* distinct source contents */
	char first_date[11], last_date[11]; /* "YYYY-MM-DD" or "" */
	struct search_facet councils, committees; /* with item counts */
};

/* Index-wide statistics.  st zeroed by the caller; free with search_stats_release. */
int search_stats(struct search_engine *eng, struct search_stats *st, struct cm_err *err);
void search_stats_release(struct search_stats *st);

#endif
