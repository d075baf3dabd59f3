/*
 * xw_int.h - what the files of the Xapian boundary share; not an API
 *
 * xw.h is the C API; its implementation is split by concern, the way
 * notmuch splits lib/: xw.cc (error mapping, databases, shards and stubs,
 * compaction), xw_write.cc (term generation, documents, writing),
 * xw_query.cc (the date range processor, query parsing and building),
 * xw_eval.cc (the second query engine: bitmaps of matching sets, in-memory
 * facet and rank arrays, the three search paths), xw_results.cc (reading a
 * result set), xw_scan.cc (whole-set passes: match spies, exact counts,
 * termlists, expansion sets).  Only these files include this header.
 *
 * Each handle holds its Xapian object by value and is made with
 * new (std::nothrow).  Every exported function is one try block whose
 * exceptions go through xw_fail(), which maps Xapian's classes onto
 * cm_code values (lock -> CM_ELOCKED, not found -> CM_ENOTFOUND, query
 * syntax -> CM_EQUERY, other Xapian errors -> CM_EDB, bad_alloc ->
 * CM_ENOMEM, anything else -> CM_EINTERNAL).  Read paths run under
 * xw_read(): one that meets DatabaseModifiedError reopens and retries
 * once, so callers never see it.
 */
#ifndef CM_XW_INT_H
#define CM_XW_INT_H

#include "xw.h"

#include <xapian.h>

#include "docset.h"
#include "hash.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cerrno>
#include <fstream>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sys/stat.h>
#include <zlib.h>

/* Xapian refuses terms longer than 245 bytes; hash anything near that (Omega's hash_long_term). */
static const size_t XW_MAX_TERM = 240;

/*
 * Words one wildcard expands to (its most frequent ones), and all the
 * wildcards of a query together.  The total bounds a search's cost: each
 * word is a posting list the matcher opens and merges, and nothing else
 * limits how many wildcards a query holds (a 1,000-byte query of
 * `a* OR b* OR ...` took 6.9 s on 21,000 items; four single letters,
 * 2,000 words, ~0.3 s).
 */
static const unsigned XW_WILDCARD_MAX = 500;
static const size_t XW_EXPANSION_MAX = 2000;

/* Positions skipped between fields so a phrase never spans two of them. */
static const unsigned XW_FIELD_GAP = 100;

/*
 * One facet slot held in memory: every document's value as a small
 * integer.  Counting a match is then an array read and an increment
 * (~7 ns) instead of fetching and hashing the value (~70 ns per slot).
 */
struct xw_facet_slot {
	std::vector<uint32_t> ids;       /* by docid: id of its value, 0 = no value */
	std::vector<std::string> names;  /* by id: the value; names[0] = "" */
	/* Slots packing several values (people), split once by xw_facet_split(): */
	bool split;                      /* members below are filled */
	char split_sep;                  /* ...for this separator */
	bool split_last_word;            /* ...and members keyed by their last word */
	std::vector<uint32_t> member_at; /* by value id: where its member ids start in members */
	std::vector<uint32_t> members;   /* member ids of value id v: [member_at[v], member_at[v + 1]) */
	std::vector<std::string> member_names;      /* by member id: display form */
	xw_facet_slot() : split(false), split_sep(0), split_last_word(false) {}
};

/*
 * Runs of consecutive docids whose values agree in every slot of a set of
 * facet slots.  A meeting's items are written one after another and share
 * its council, committee, year, people and format, so 250,000 items make
 * about 20,000 runs: counting a match is then one increment per document,
 * and the slots are added up once per run.
 */
struct xw_facet_runs {
	std::vector<uint32_t> run;       /* by docid: its run */
	std::vector<uint32_t> ids;       /* run r, slot i: value id at r * n_slots + i */
	size_t n_runs;
};

/* The facet slots of one revision of a read handle, loaded lazily. */
struct xw_facet_cache {
	std::string key;                 /* uuid:revision they were read from ("" = unusable) */
	std::map<unsigned, xw_facet_slot> slots; /* by slot number */
	std::map<std::vector<unsigned>, xw_facet_runs> runs; /* by the slots they cover */
	std::map<unsigned, std::vector<uint32_t>> ranks; /* by slot: each docid's place in value order */
};

struct xw_db {
	Xapian::Database db;             /* the read handle (== wdb when writable) */
	Xapian::WritableDatabase wdb;    /* valid only when writable */
	bool writable;                   /* opened with XW_OPEN_WRITE/OVERWRITE */
	bool in_txn;                     /* inside begin_transaction */
	xw_facet_cache fc;               /* in-memory facets (read handles on one local db) */
	size_t n_shards;                 /* shards listed by the stub (1 for a plain database) */
	bool remote;                     /* some shard is remote */
	std::vector<std::string> missing; /* shards left out by an allow_partial open */
	std::unordered_set<std::string> stemmed; /* terms given their stem synonym through this
	                                            handle (xw_db_add_words): not stemmed again */
	xw_db() : writable(false), in_txn(false), n_shards(1), remote(false) {}
};

/* A glossary phrase: its key and its words (xw_index_opts.phrases). */
struct xw_phrase {
	std::string key;
	std::vector<std::string> words;
};

struct xw_tg {
	Xapian::TermGenerator tg;        /* configured generator */
	Xapian::Stem stem;               /* English */
	std::vector<xw_phrase> phrases;  /* sorted by first word */
};

struct xw_doc {
	Xapian::Document doc;            /* the document being built */
	Xapian::termpos pos;             /* next free term position */
	int code;                        /* first failure while building, CM_OK otherwise */
	std::string msg;                 /* its message */
};

struct xw_query {
	Xapian::Query q;
};

struct xw_qp {
	Xapian::SimpleStopper stop;      /* words never indexed (before qp: it outlives qp's use) */
	bool has_stop;                   /* xw_qp_set_stopwords was called */
	Xapian::QueryParser qp;          /* configured parser */
	Xapian::Stem stem;               /* English */
	std::vector<Xapian::RangeProcessor *> rps; /* owned via release() refcounting */
	std::string corrected;           /* spelling correction from the last parse */
	xw_db *db;                       /* borrowed */
	Xapian::Database words;          /* db plus xw_qp_add_database's: where words are looked up */
};

struct xw_mset {
	Xapian::MSet ms;                 /* the page of results */
	Xapian::Enquire enq;             /* kept alive for snippets */
	xw_db *db;                       /* borrowed, for document reads */
	size_t n_facets;                 /* facets counted */
	std::vector<std::vector<std::pair<std::string, size_t>>> facets; /* per facet, sorted */
	bool facets_exact;               /* all matches were counted */
	bool fast_facets;                /* counted from the in-memory arrays */
	std::vector<size_t> collapsed;   /* recounted collapse counts (remote shards), or empty */
	std::vector<Xapian::doccount> page; /* hit i is ms[page[i]] (bitmap path), or empty: ms[i] */
	bool counted;                    /* total below was counted exactly over a bitmap */
	size_t total;                    /* ...all matches (collapsed results when collapsing) */
	bool groups_exact;               /* collapsing, every match seen: groups is the total */
	size_t groups;                   /* distinct collapse keys (+ matches without one) */
	xw_mset(const Xapian::Database &d)
		: enq(d), db(NULL), n_facets(0), facets_exact(false), fast_facets(false),
		  counted(false), total(0), groups_exact(false), groups(0) {}
};

/* A document's data: in XW_DATA_SLOT (see xw.h), else where Xapian keeps it. */
std::string xw_data_of(const Xapian::Document &doc);

/* Call from a catch (...) block: classify the exception in flight. */
int xw_fail(struct cm_err *err, const char *what);

/* The sticky builder error of a doc, from an exception in flight. */
void xw_doc_fail(xw_doc *doc, const char *what);

/*
 * Run the read fn() on d; when a commit has discarded the revision it was
 * reading (DatabaseModifiedError), reopen d and run it once more.  Every
 * read path goes through here, so callers never see that error; a second
 * failure (two commits during one read) is reported as any other.  d is
 * the handle the read uses: reopening it reopens every handle sharing its
 * sub-databases (the Enquire of a search, the parser's word list).
 */
template <typename Fn>
auto xw_read(Xapian::Database &d, Fn fn) -> decltype(fn())
{
	try {
		return fn();
	} catch (const Xapian::DatabaseModifiedError &) {
		d.reopen();
		return fn();
	}
}

/*
 * Walk the sorted term list [begin(), end()) calling step(it) on each term
 * until it returns true, under xw_read: a walk interrupted by a commit
 * resumes after the last term stepped on, so no term is seen twice.
 */
template <typename Begin, typename End, typename Step>
void xw_read_terms(Xapian::Database &d, Begin begin, End end, Step step)
{
	std::string last;
	bool any = false;

	xw_read(d, [&]() {
		Xapian::TermIterator it = begin(), e = end();
		if (any) {
			it.skip_to(last);
			if (it != e && *it == last)
				++it;
		}
		for (; it != e; ++it) {
			last = *it;
			any = true;
			if (step(it))
				break;
		}
	});
}

#endif
