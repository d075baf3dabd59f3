/*
 * xw.h - a plain C API over libxapian (the only C++ lives behind it, in xw*.cc)
 *
 * Opaque handles for a database (read-only, possibly a stub file listing
 * shards, or writable), a document under construction, a query, a query
 * parser and a result set.  Every fallible call returns an enum cm_code and
 * fills a struct cm_err with the Xapian exception's description; no
 * exception crosses this boundary.  Handles are not thread-safe: use one
 * struct xw_db (and what came from it) per thread.  A read that meets a
 * commit of another handle (Xapian's DatabaseModifiedError: the revision it
 * read has been discarded) reopens its handle and runs again, up to eight
 * times: commits never make a read fail unless they outrun every retry
 * (then CM_EDB).  Nothing here knows the minutes schema; prefixes and slots
 * come from common/schema.h via callers.
 *
 * Divisions:
 *   databases       open, reopen, metadata, counts, term lists, compaction
 *   writing         documents, term generation, replace/delete by unique term
 *   queries         parser, constructors, combination
 *   searching       enquire, sort, collapse, facets, paging
 *   results         hits, values, data, snippets, spelling
 *   whole-set       every match with its values, exact counts, termlists, eset
 */
#ifndef CM_XW_H
#define CM_XW_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

struct xw_db;
struct xw_doc;
struct xw_query;
struct xw_qp;
struct xw_mset;

/* ---- databases ---------------------------------------------------------- */

enum xw_open_mode {
	XW_OPEN_READ = 0,          /* read-only; path may be a directory or a stub file of shards */
	XW_OPEN_WRITE,             /* writable, created when missing */
	XW_OPEN_OVERWRITE,         /* writable, emptied (a fresh database) */
	XW_OPEN_SCRATCH            /* as OVERWRITE, but commits are not synced to disk: for
	                              databases thrown away when the run dies (bulk parts) */
};

/*
 * Open the database at path.  On success *out is a new handle the caller
 * frees with xw_db_free().  Returns CM_ENOTFOUND (no database there),
 * CM_ELOCKED (another writer holds it), CM_EDB or CM_ENOMEM.
 */
int xw_db_open(const char *path, enum xw_open_mode mode, struct xw_db **out, struct cm_err *err);

/* Close and free.  A writable database commits pending changes first. NULL-safe. */
void xw_db_free(struct xw_db *db);

/* Pick up the latest commit (read handles).  Returns CM_OK or CM_EDB. */
int xw_db_reopen(struct xw_db *db, struct cm_err *err);

/* Number of documents; 0 on error (and err set). */
unsigned xw_db_doccount(struct xw_db *db, struct cm_err *err);

/* Term frequency (documents containing term); 0 when absent or on error. */
unsigned xw_db_termfreq(struct xw_db *db, const char *term, struct cm_err *err);

/*
 * Revision string for cache invalidation: changes on every commit and when
 * another database (a rebuild, a restored copy) is opened at the same path.
 */
int xw_db_revision(struct xw_db *db, struct sbuf *out, struct cm_err *err);

/* Metadata: get appends the value ("" when unset) to out; set needs a writable db. */
int xw_db_get_metadata(struct xw_db *db, const char *key, struct sbuf *out, struct cm_err *err);
int xw_db_set_metadata(struct xw_db *db, const char *key, const char *val, size_t len,
		       struct cm_err *err);

/* Called once per key (or term) with its bytes; return non-zero to stop early. */
typedef int (*xw_each_fn)(void *ctx, const char *s, size_t len, unsigned freq);

/* Every metadata key starting with prefix, in sorted order. */
int xw_db_each_metadata_key(struct xw_db *db, const char *prefix, xw_each_fn fn, void *ctx,
			    struct cm_err *err);

/* Every term starting with prefix (prefix included in s), with its term frequency. */
int xw_db_each_term(struct xw_db *db, const char *prefix, xw_each_fn fn, void *ctx,
		    struct cm_err *err);

/* Lowest and highest value in a slot over the whole database (appended; "" if none). */
int xw_db_value_bounds(struct xw_db *db, unsigned slot, struct sbuf *lo, struct sbuf *hi,
		       struct cm_err *err);

/*
 * Merge the databases at srcs[0..n) (directories or stubs) into one compact
 * database at dst, which must not exist.  CM_ENOTFOUND / CM_EDB on failure.
 */
int xw_compact(const char *const *srcs, size_t n, const char *dst, struct cm_err *err);

/*
 * The arrays exact facets are counted from (each document's value of a
 * slot, each document's place in a slot's order, the members of packed
 * values), built from the database
 * at dir and stored in dir/XW_ARRAYS_FILE for its current revision, so
 * that a process running one search need not build them (xw_search,
 * stored_arrays_only).  Called by the indexer after its last commit; does
 * nothing when the file already holds these arrays for this revision, or
 * when dir is not one local database.  A file for another revision is
 * ignored by readers, so a failure here loses speed, never answers.
 */
#define XW_ARRAYS_FILE "minutes-arrays"
struct xw_arrays_split {         /* a packed slot's values split into members, as facets count them */
	unsigned slot;
	char sep;                    /* the separator (xw_search_opts.facet_sep) */
	bool last_word;              /* members by last word (xw_search_opts.facet_last_word) */
};
int xw_arrays_save(const char *dir, const unsigned *slots, size_t n_slots,
		   const unsigned *rank_slots, size_t n_ranks,
		   const struct xw_arrays_split *splits, size_t n_splits, struct cm_err *err);

/* ---- shards: stubs, remote databases, time limits ------------------------ */

/*
 * Remote shards (xapian-tcpsrv): how long one operation may wait for an
 * answer, and how long connecting may take, when xw_open_opts leaves them 0.
 * A web search that has not answered in five seconds has failed anyway.
 */
enum { XW_REMOTE_TIMEOUT_MS = 5000, XW_REMOTE_CONNECT_MS = 2000 };

struct xw_open_opts {
	unsigned timeout_ms;         /* remote shards: per-operation limit (0 = XW_REMOTE_TIMEOUT_MS) */
	unsigned connect_timeout_ms; /* remote shards: connection limit (0 = XW_REMOTE_CONNECT_MS) */
	bool allow_partial;          /* open the shards that answer, list the others as missing */
};

/*
 * Open the database at path for reading: a database directory, a stub file,
 * or a directory holding a stub called XAPIANDB.  Unlike xw_db_open, stubs
 * are parsed here (Xapian 1.4's syntax: "auto PATH", "glass PATH",
 * "remote HOST:PORT", "remote :PROG ARGS", '#' comments, paths relative to
 * the stub) so that remote shards get opts' time limits and each shard is
 * opened on its own: a shard that cannot be opened is named in the error
 * (CM_ENOTFOUND, CM_EIO, CM_ETIMEOUT), or with allow_partial is left out
 * and listed by xw_db_missing() (CM_EIO when no shard at all could be
 * opened).  opts may be NULL.  Free with xw_db_free().
 */
int xw_db_open_read(const char *path, const struct xw_open_opts *opts, struct xw_db **out,
		    struct cm_err *err);

/*
 * Name of the i-th shard left out by an allow_partial open ("remote
 * HOST:PORT" or the path as the stub writes it), NULL past the last.
 * Borrowed until db is freed.
 */
const char *xw_db_missing(const struct xw_db *db, size_t i);

/* True when some shard is remote (its failures are network failures). */
bool xw_db_has_remote(const struct xw_db *db);

/* ---- writing ------------------------------------------------------------ */

/* Transactions on a writable db: commit makes everything since the last commit durable. */
int xw_db_commit(struct xw_db *db, struct cm_err *err);

/*
 * A term generator: words with positions, lowercased and indexed as
 * written (no stems: a query finds a word's other forms through the stem
 * synonyms of xw_db_add_words, so quoted words stay exact).  Independent
 * of any database, so extraction threads can build documents in parallel.
 * stem_only indexes Z-prefixed stems instead (smaller, faster, but quoted
 * words then match nothing: there are no unstemmed terms).  Stopwords,
 * when given, are not indexed at all, and positions do not advance over
 * them ("cost of living" is indexed as cost@1 living@2).
 */
struct xw_index_opts {
	bool stem_only;                /* index Z-prefixed stems only, no unstemmed words */
	const char *const *stopwords;  /* lowercase words never indexed; NULL = none (borrowed
	                                  for the call: the generator keeps a copy) */
	size_t n_stopwords;            /* how many */
	const char *const *phrases;    /* glossary phrase keys (glossary.h) xw_doc_add_phrases
	                                  looks for; NULL = none (copied) */
	size_t n_phrases;              /* how many */
};
struct xw_tg;
int xw_tg_new(const struct xw_index_opts *opts, struct xw_tg **out, struct cm_err *err);
void xw_tg_free(struct xw_tg *tg);

/*
 * A document under construction.  Builders are sticky: the add/set calls
 * record the first failure inside the doc and xw_db_replace() reports it.
 * Free with xw_doc_free(); NULL is returned only when out of memory.
 */
struct xw_doc *xw_doc_new(void);
void xw_doc_free(struct xw_doc *doc);

/*
 * Index free text with tg: words with positions, stemmed, under prefix (""
 * for body text), each occurrence weighted wdf_inc.  Positions continue
 * across calls; a gap separates fields so phrases don't span them.
 */
void xw_doc_index_text(struct xw_tg *tg, struct xw_doc *doc, const char *prefix,
		       const char *text, size_t len, unsigned wdf_inc);

/*
 * After the text: for each of tg's glossary phrases (xw_index_opts.phrases)
 * whose words stand at consecutive positions among doc's unprefixed terms,
 * exactly as a phrase query would find them, add the term prefix + key,
 * its wdf the number of occurrences, no positions.  Returns how many
 * phrases were found.
 */
size_t xw_doc_add_phrases(struct xw_tg *tg, struct xw_doc *doc, const char *prefix);

/* Add a boolean (filter) term: prefix followed by the value, no positions.  Long terms are hashed. */
void xw_doc_add_term(struct xw_doc *doc, const char *prefix, const char *value, size_t len);

/* Set value slot `slot` to the bytes given. */
void xw_doc_set_value(struct xw_doc *doc, unsigned slot, const char *val, size_t len);

/*
 * Value slot where xw keeps a document's data (see xw_doc_set_data); the
 * schema's slots stay below it.
 */
enum { XW_DATA_SLOT = 0x7ffffff0 };

/*
 * Value slot of a document's digest (xw_doc_seal_except): a hash of its
 * terms, wdfs, positions, values and data.
 */
enum { XW_DIGEST_SLOT = 0x7ffffff1 };

/*
 * Store doc's digest in XW_DIGEST_SLOT; call once doc is complete.
 * xw_db_replace_all leaves a stored document whose digest equals the new
 * one's as it is: an unchanged item of an edited file costs one value read.
 * Value slot skip is left out of the digest: a value that may differ
 * between a stored document and its replacement without making it a
 * different document (the time an item was first indexed), and that may be
 * set after sealing.
 */
void xw_doc_seal_except(struct xw_doc *doc, unsigned skip);

/* Append the value in slot of doc (as built so far) to out; "" when unset.  Can't fail but by OOM. */
void xw_doc_get_value(const struct xw_doc *doc, unsigned slot, struct sbuf *out);

/*
 * Set the document data (what results display), read back by
 * xw_mset_data, xw_db_doc_data and xw_each_match.  It is kept in value
 * slot XW_DATA_SLOT, not in Xapian's document data: glass zlib-compresses
 * every document data tag, when the document is added and again when
 * compaction copies it, and ours is compressed already (docdata.c), so
 * both attempts fail and only cost CPU (docs/ARCHITECTURE.md, "document data
 * in a value slot"); values live in the postlist table, stored as they are.  Data written by Xapian's set_data is still read.
 */
void xw_doc_set_data(struct xw_doc *doc, const void *data, size_t len);

/*
 * Add or replace the document carrying unique term uid (which doc must also
 * hold, see xw_doc_add_term with the Q prefix).  Returns the first failure
 * recorded while building doc, else CM_OK / CM_EDB / CM_ELOCKED / CM_ENOMEM.
 */
int xw_db_replace(struct xw_db *db, const char *uid, struct xw_doc *doc, struct cm_err *err);

/*
 * The word tables a query parser uses, filled from the words a document
 * (xw_db_add_words) or a whole database (xw_db_add_vocabulary) holds:
 *
 *   XW_WORDS_SPELLING  unprefixed words of 3 to 40 bytes that start with a
 *                      letter -> the spelling table ("did you mean"), each
 *                      counted once per document holding it;
 *   XW_WORDS_STEMS     for every word w under one of prefixes (P w, P = ""
 *                      for body text) that the parser would stem (it starts
 *                      with a letter): the synonym "Z" P stem(w) -> P w, so
 *                      that a parser with stemming finds every indexed form
 *                      of a stem (xw_qp_parse: "planned" -> plan, planned,
 *                      planning, plans).
 *
 * A term's prefix is its run of capitals ("XR" in "XRapproved"); terms
 * whose prefix is not listed are skipped.
 */
enum xw_words {
	XW_WORDS_SPELLING = 1 << 0,
	XW_WORDS_STEMS = 1 << 1
};
struct xw_words_opts {
	unsigned what;                 /* XW_WORDS_* bits */
	const char *const *prefixes;   /* free-text prefixes whose words get stems ("" = body) */
	size_t n_prefixes;             /* how many */
};

/*
 * Add the words of doc to db's word tables (opts->what).  For documents
 * written one at a time (incremental runs): the handle remembers the words
 * it gave a stem synonym, so a run stems each word once.  db must be
 * writable.  CM_EDB, CM_ENOMEM, CM_EINVAL (read-only db).
 */
int xw_db_add_words(struct xw_db *db, const struct xw_doc *doc, const struct xw_words_opts *opts,
		    struct cm_err *err);

/*
 * Add every word of from (all its terms, committed or not; from may be db
 * itself) to db's word tables, spelling counted by term frequency: the
 * same tables as xw_db_add_words over each of from's documents, built in
 * one sorted pass instead (a bulk build does this once per part at the
 * end).  Errors as xw_db_add_words.
 */
int xw_db_add_vocabulary(struct xw_db *db, struct xw_db *from, const struct xw_words_opts *opts,
			 struct cm_err *err);

/*
 * Add doc as a new document, without looking for an existing one.  Cheaper
 * than xw_db_replace; only for documents whose unique term cannot already
 * be in the database (the caller's bookkeeping must guarantee it, in the
 * same commit).  Errors as xw_db_replace.
 */
int xw_db_add(struct xw_db *db, struct xw_doc *doc, struct cm_err *err);

/*
 * Replace the documents indexed by old_term (in docid order) with
 * docs[0..n), keeping their document ids: docs[i] takes the i-th old id,
 * documents beyond the old count are added, old ones beyond n deleted.
 * For a file whose text changed a little: a stored document with the same
 * digest as its replacement (both sealed, xw_doc_seal_except) is not touched, and
 * of the others Xapian rewrites only postings whose wdf changed and
 * position lists that differ from the stored ones (new ids would put every
 * posting and position list of the file in new places across the whole
 * term-ordered tables).  kept, when not NULL, gets n flags: 1 where the
 * stored document was left as it was.  Each doc must carry its unique
 * term; none of those may be held by another document.  Errors as
 * xw_db_replace.
 */
int xw_db_replace_all(struct xw_db *db, const char *old_term, struct xw_doc *const *docs,
		      size_t n, unsigned char *kept, struct cm_err *err);

/* Delete every document indexed by term (e.g. all items of one file).  CM_OK when none. */
int xw_db_delete_term(struct xw_db *db, const char *term, struct cm_err *err);

/* Make a term safe for Xapian's length limit: terms over ~240 bytes get hashed.  Appends to out. */
void xw_term_make(struct sbuf *out, const char *prefix, const char *value, size_t len);

/* ---- queries ------------------------------------------------------------ */

/*
 * A query parser bound to db (for wildcards, spelling and stemming).
 * Default operator AND, English stemming ("some" strategy: lowercase
 * words outside phrases), boolean operators in any case, phrases,
 * love/hate, trailing wildcards.  A stemmed word becomes its stem term
 * OR'd (as one term) with the words db's synonym table lists for the stem
 * (see XW_WORDS_STEMS), so it matches an index of unstemmed words as well
 * as one of stems.  db is borrowed and must outlive the parser.
 */
int xw_qp_new(struct xw_db *db, struct xw_qp **out, struct cm_err *err);
void xw_qp_free(struct xw_qp *qp);

/*
 * Also look words up (stem synonyms, wildcard expansions) in extra, which
 * holds no documents of its own searched: Xapian 1.4's remote protocol
 * carries no synonym table, so a sharded index keeps one for all shards
 * in its control database.  extra is borrowed and must outlive the
 * parser.  CM_ENOMEM, CM_EDB.
 */
int xw_qp_add_database(struct xw_qp *qp, struct xw_db *extra, struct cm_err *err);

/*
 * Words the index leaves out (xw_index_opts.stopwords), copied: Xapian's
 * parser drops them from lists of words ("the council" -> council), but
 * keeps them where they are required, excluded, searched near a word, in a
 * phrase or all there is ("the", "+the", "NOT the", '"of the"'), where
 * they would quietly match nothing; xw_qp_parse then fails with CM_EQUERY
 * naming them.  CM_ENOMEM.
 */
int xw_qp_set_stopwords(struct xw_qp *qp, const char *const *words, size_t n, struct cm_err *err);

/* field:word searches free text under prefix (e.g. "title" -> "S"). */
int xw_qp_add_prefix(struct xw_qp *qp, const char *field, const char *prefix, struct cm_err *err);
/* field:value filters on boolean term prefix+value; exclusive: values of one field OR together. */
int xw_qp_add_boolean_prefix(struct xw_qp *qp, const char *field, const char *prefix,
			     struct cm_err *err);
/*
 * field:A..B ranges on a YYYYMMDD slot; A and B may be YYYY, YYYY-MM, YYYY-MM-DD
 * or DD/MM/YYYY, either may be empty (open-ended); the end of a partial date is
 * its last day.  An empty field name accepts bare ranges.
 */
int xw_qp_add_date_range(struct xw_qp *qp, const char *field, unsigned slot, struct cm_err *err);

enum xw_qp_flags {
	XW_QP_SPELLING = 1        /* compute a corrected query string (xw_qp_corrected) */
};

/*
 * Parse a query string.  *out is a new query (xw_query_free).  An empty
 * string gives the match-all query.  CM_EQUERY with the parser's message
 * ("syntax: ...") on malformed input, including the grammar errors Xapian
 * would otherwise quietly repair by dropping every operator.
 */
int xw_qp_parse(struct xw_qp *qp, const char *s, size_t len, unsigned flags,
		struct xw_query **out, struct cm_err *err);

/* Constructors: NULL only when out of memory.  Free with xw_query_free (NULL-safe). */
struct xw_query *xw_query_all(void);
struct xw_query *xw_query_term(const char *term, size_t len);
/* Documents whose slot value v satisfies lo <= v <= hi; lo or hi NULL = open. */
struct xw_query *xw_query_range(unsigned slot, const char *lo, const char *hi);
/* Documents holding terms[0..n) at consecutive positions (a phrase); NULL only on OOM. */
struct xw_query *xw_query_phrase(const char *const *terms, size_t n);
/* A copy of q. */
struct xw_query *xw_query_clone(const struct xw_query *q);
void xw_query_free(struct xw_query *q);

enum xw_op {
	XW_OP_AND = 0,
	XW_OP_OR,
	XW_OP_AND_NOT,
	XW_OP_FILTER,             /* left, restricted to right, right adds no weight */
	XW_OP_SYNONYM             /* OR that scores as one term */
};
/* a OP b as a new query; a and b are not consumed.  NULL b returns a copy of a. */
struct xw_query *xw_query_combine(enum xw_op op, const struct xw_query *a,
				  const struct xw_query *b);

/* Human-readable description (Xapian's get_description), appended to out. */
void xw_query_describe(const struct xw_query *q, struct sbuf *out);

/* ---- searching ---------------------------------------------------------- */

enum xw_sort {
	XW_SORT_RELEVANCE = 0,
	XW_SORT_VALUE_ASC,        /* by sort_slot ascending, then relevance */
	XW_SORT_VALUE_DESC        /* by sort_slot descending, then relevance */
};

enum { XW_MAX_FACETS = 8 };   /* facet slots per search; the schema has fewer */
struct docset_cache;         /* docset.h */

struct xw_search_opts {
	size_t offset;                      /* first hit to return (0-based) */
	size_t limit;                       /* hits to return */
	enum xw_sort sort;                  /* relevance or by value */
	unsigned sort_slot;                 /* slot for XW_SORT_VALUE_* */
	int collapse_slot;                  /* collapse on this slot's value; -1 = none */
	size_t collapse_max;                /* hits kept per collapse key (0 = 1) */
	size_t check_at_least;              /* match at least this many for exact counts (0 = just the page) */
	unsigned facet_slots[XW_MAX_FACETS];/* slots to count values of over the matching set */
	char facet_sep[XW_MAX_FACETS];      /* 0, or a separator splitting a slot into several values */
	bool facet_last_word[XW_MAX_FACETS];/* with a separator: count members by their last word,
					       case-folded (people by surname) */
	size_t n_facets;                    /* how many of facet_slots are used */
	double time_limit;                  /* seconds after which to stop counting every match (0 = none) */
	bool slow_facets;                   /* count with Xapian's ValueCountMatchSpy even when the
					       in-memory arrays could be used (tests, benchmarks) */
	bool stored_arrays_only;            /* take the arrays only from the file the indexer stored
					       (xw_arrays_save), else count with the spies: for a
					       process that runs one search */
	bool tie_break;                     /* relevance order: equal weights by tie_slot (descending), not docid */
	unsigned tie_slot;                  /* a slot unique per document, so the order survives sharding
	                                       (docids change); for value orders use a unique sort_slot */
	struct docset_cache *cache;         /* term bitmaps shared between searches (docset.h), or NULL */
};

/*
 * Run query on db.  *out is a new result set (xw_mset_free).  Facet counts
 * cover every document examined: the whole matching set when
 * check_at_least >= the match count and the time limit was not reached
 * (see xw_mset_facets_exact()).
 *
 * On a read handle of one local database, with facets asked for (and
 * collapse_max <= 1), the query is first evaluated into a bitmap of every
 * match (docset.h: term bitmaps shared through opts->cache, boolean
 * operators word by word, date ranges from memory, phrases and the like
 * by Xapian's matcher on the documents the rest allows); the total, the
 * facets (from per-document value ids held in memory, loaded per slot on
 * first use and reloaded after a commit) and the collapse counts come
 * from it, exactly, whatever check_at_least says, and Xapian only ranks
 * the page, with the tie slot's order read from memory too.  With
 * collapsing the total is then the exact number of collapsed results.
 * Elsewhere (writable handles, stubs of shards, remote databases)
 * Xapian's matcher and ValueCountMatchSpy do it all.  Both give the same
 * pages, weights and counts (tests/test_xw.c checks every query kind).
 */
int xw_search(struct xw_db *db, const struct xw_query *q, const struct xw_search_opts *opts,
	      struct xw_mset **out, struct cm_err *err);
void xw_mset_free(struct xw_mset *ms);

/* ---- results ------------------------------------------------------------ */

size_t xw_mset_size(const struct xw_mset *ms);            /* hits in this page */
size_t xw_mset_estimated(const struct xw_mset *ms);       /* best estimate of all matches */
/* True when the estimate is exact (lower == upper bound). */
bool xw_mset_is_exact(const struct xw_mset *ms);
/* True when every matching document was counted into the facets. */
bool xw_mset_facets_exact(const struct xw_mset *ms);
/* True when the facets were counted from the in-memory arrays. */
bool xw_mset_facets_fast(const struct xw_mset *ms);

unsigned xw_mset_docid(const struct xw_mset *ms, size_t i);
double xw_mset_weight(const struct xw_mset *ms, size_t i);
int xw_mset_percent(const struct xw_mset *ms, size_t i);
/* Documents collapsed into hit i besides itself (0 without collapsing). */
size_t xw_mset_collapse_count(const struct xw_mset *ms, size_t i);

/* Append hit i's document data / a value slot to out. */
int xw_mset_data(const struct xw_mset *ms, size_t i, struct sbuf *out, struct cm_err *err);
int xw_mset_value(const struct xw_mset *ms, size_t i, unsigned slot, struct sbuf *out,
		  struct cm_err *err);

/*
 * Facet values of slot facet_slots[facet] in descending count order (ties
 * by value): fn is called with each value and its count.
 */
int xw_mset_each_facet(const struct xw_mset *ms, size_t facet, xw_each_fn fn, void *ctx,
		       struct cm_err *err);

/*
 * A snippet of about `length` bytes of text around the best matches of the
 * mset's query, matched words wrapped in hi_start/hi_end, gaps shown as
 * omit.  Appended to out.
 */
int xw_mset_snippet(const struct xw_mset *ms, const char *text, size_t len, size_t length,
		    const char *hi_start, const char *hi_end, const char *omit,
		    struct sbuf *out, struct cm_err *err);

/* Document data / a value / the terms with prefix of document docid, read from db. */
int xw_db_doc_data(struct xw_db *db, unsigned docid, struct sbuf *out, struct cm_err *err);
int xw_db_doc_value(struct xw_db *db, unsigned docid, unsigned slot, struct sbuf *out,
		    struct cm_err *err);
/* The docid of the first document with term, 0 (and CM_ENOTFOUND) when none. */
int xw_db_find_term(struct xw_db *db, const char *term, unsigned *docid, struct cm_err *err);

/* How often word was added to the spelling table (documents holding it); 0 when absent. */
unsigned xw_db_spelling_freq(struct xw_db *db, const char *word, struct cm_err *err);

/* Best spelling correction of word from the index's spelling table ("" if none). */
int xw_db_spelling(struct xw_db *db, const char *word, struct sbuf *out, struct cm_err *err);

/* ---- whole-set passes (research) ---------------------------------------- */

enum { XW_MAX_EACH_SLOTS = 8 };  /* slots read per document in one pass */

/* One matching document as xw_each_match() hands it over; borrowed for the call. */
struct xw_match_doc {
	unsigned docid;                        /* Xapian document id */
	const char *vals[XW_MAX_EACH_SLOTS];   /* values of the requested slots ("" when unset) */
	size_t lens[XW_MAX_EACH_SLOTS];        /* their lengths */
	const char *data;                      /* document data when asked for, else NULL */
	size_t data_len;
};

/* Called once per matching document; return non-zero to ignore the rest. */
typedef int (*xw_match_fn)(void *ctx, const struct xw_match_doc *d);

struct xw_each_opts {
	unsigned slots[XW_MAX_EACH_SLOTS];     /* value slots to read */
	size_t n_slots;                        /* how many of slots are used */
	bool data;                             /* also read the document data */
};

/*
 * Run q unranked over the whole database and call fn for every matching
 * document, in docid order, with the values of opts->slots (a match spy:
 * one pass, no sorting, no page).  *count (may be NULL) gets the number of
 * matches.  Local databases only: a remote shard cannot run the spy
 * (CM_EDB).  CM_ENOMEM, CM_EDB.
 */
int xw_each_match(struct xw_db *db, const struct xw_query *q, const struct xw_each_opts *opts,
		  xw_match_fn fn, void *ctx, size_t *count, struct cm_err *err);

/* Exact number of documents matching q (every match is counted), in *count. */
int xw_count(struct xw_db *db, const struct xw_query *q, size_t *count, struct cm_err *err);

/*
 * Every term of document docid that sorts at or after from, to the end:
 * from "a" skips digits and every capitalised prefix (S, XC, Z...) at once,
 * leaving the plain words.  Errors as xw_db_doc_terms.
 */
int xw_db_doc_terms_from(struct xw_db *db, unsigned docid, const char *from, xw_each_fn fn,
			 void *ctx, struct cm_err *err);

/* Keep a term in an expansion set?  Return true to keep. */
typedef bool (*xw_keep_fn)(void *ctx, const char *term, size_t len);
/* Called per expansion term, best first, with Xapian's expand weight. */
typedef int (*xw_eset_fn)(void *ctx, const char *term, size_t len, double weight);

/*
 * Relevance-set expansion: the max_terms terms that best characterise the
 * top rset_size documents matching q (Xapian's Enquire::get_eset with
 * those documents as the relevance set), skipping the terms of q itself
 * and those keep (may be NULL) rejects.  CM_EDB, CM_ENOMEM.
 */
int xw_eset(struct xw_db *db, const struct xw_query *q, size_t rset_size, size_t max_terms,
	    xw_keep_fn keep, xw_eset_fn fn, void *ctx, struct cm_err *err);

/* libxapian's version string, e.g. "1.4.22". */
const char *xw_version(void);

#ifdef __cplusplus
}
#endif
#endif
