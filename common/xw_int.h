/*
 * xw_int.h - what the files of xw share behind xw.h (private, C++ only)
 *
 * The handles' structs (with the in-memory facet arrays a read handle
 * keeps), the exception-to-status mapping, the reopen-and-retry helper
 * every read path goes through, and the few functions one xw file calls
 * in another.  Only common/xw*.cc include it; xw.h stays the one API.
 */
#ifndef CM_XW_INT_H
#define CM_XW_INT_H

#include "xw.h"
#include "xw_test.h"

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

/* ---- handles ------------------------------------------------------------ */

/*
 * A u32 per docid: built in memory (own), or borrowed from the mapped
 * file of stored arrays (xw_arrays.cc), which outlives it.  Moves keep
 * the data where it is; copies are not allowed.
 */
struct xw_u32s {
	const uint32_t *p;
	size_t n;
	std::vector<uint32_t> own;
	xw_u32s() : p(nullptr), n(0) {}
	xw_u32s(xw_u32s &&) = default;
	xw_u32s &operator=(xw_u32s &&) = default;
	xw_u32s(const xw_u32s &) = delete;
	xw_u32s &operator=(const xw_u32s &) = delete;
	size_t size() const { return n; }
	const uint32_t *data() const { return p; }
	uint32_t operator[](size_t i) const { return p[i]; }
	void adopt(std::vector<uint32_t> &&v) { own = std::move(v); p = own.data(); n = own.size(); }
	void borrow(const uint32_t *q, size_t m) { own.clear(); p = q; n = m; }
};

/*
 * One facet slot held in memory: every document's value as a small
 * integer.  Counting a match is then an array read and an increment
 * (~7 ns) instead of fetching and hashing the value (~70 ns per slot).
 */
struct xw_facet_slot {
	xw_u32s ids;                     /* by docid: id of its value, 0 = no value */
	size_t n_names;                  /* distinct values + 1 (id 0 = no value) */
	std::vector<std::string> names;  /* by id: the value, names[0] = "" (built in memory) */
	const char *stored;              /* ...or, from the stored file, value id is the bytes */
	const uint32_t *stored_at;       /* [stored + stored_at[id], stored + stored_at[id + 1]) */
	/* Slots packing several values (people), split once by xw_facet_split(): */
	bool split;                      /* members below are filled */
	char split_sep;                  /* ...for this separator */
	bool split_last_word;            /* ...and members keyed by their last word */
	xw_u32s member_at;               /* by value id: where its member ids start in members */
	xw_u32s members;                 /* member ids of value id v: [member_at[v], member_at[v + 1]) */
	size_t n_members;                /* distinct members */
	std::vector<std::string> member_names;      /* by member id: display form (in memory), */
	const char *member_stored;                  /* ...or stored, as for the names above */
	const uint32_t *member_stored_at;
	bool checked;                    /* every id < n_names (see xw_facet_checked) */
	xw_facet_slot()
		: n_names(0), stored(nullptr), stored_at(nullptr), split(false), split_sep(0),
		  split_last_word(false), n_members(0), member_stored(nullptr),
		  member_stored_at(nullptr), checked(true) {}
	/* The display form of member mid (< n_members). */
	std::string member_name(size_t mid) const
	{
		if (member_stored_at)
			return std::string(member_stored + member_stored_at[mid],
					   member_stored_at[mid + 1] - member_stored_at[mid]);
		return member_names[mid];
	}
	/* The value of id (< n_names); a stored one is made only when asked for. */
	std::string name(size_t id) const
	{
		if (stored_at)
			return std::string(stored + stored_at[id], stored_at[id + 1] - stored_at[id]);
		return names[id];
	}
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
	size_t n_runs;                   /* runs found */
};

/* Where one array is in the stored file (xw_arrays.cc). */
struct xw_arrays_where {
	uint64_t offset, bytes;          /* its bytes in the file */
	uint32_t count;                  /* names (values) or docids (ranks) */
};

/*
 * The arrays the indexer stored beside the database (xw_arrays.cc), open
 * when they describe the handle's revision: the table of what they hold,
 * read once; each array is read when first needed.
 */
struct xw_arrays_file {
	const char *map;                 /* the file mapped read-only, NULL = none usable */
	size_t map_len;
	bool tried;                      /* looked for this revision already */
	uint32_t lastdocid;              /* the documents it covers: 1..lastdocid */
	std::map<unsigned, xw_arrays_where> values, ranks; /* by slot */
	std::map<std::pair<unsigned, unsigned>, xw_arrays_where> splits; /* by slot, sep | last_word << 8 */
	xw_arrays_file() : map(nullptr), map_len(0), tried(false), lastdocid(0) {}
	~xw_arrays_file();
	xw_arrays_file(const xw_arrays_file &) = delete;
	xw_arrays_file &operator=(const xw_arrays_file &) = delete;
	void reset();                    /* close; look again on next use */
};

/* The facet slots of one revision of a read handle, loaded lazily. */
struct xw_facet_cache {
	std::string key;                 /* uuid:revision they were read from ("" = unusable) */
	xw_arrays_file file;             /* the stored arrays of that revision, if any */
	std::map<unsigned, xw_facet_slot> slots; /* by slot number */
	std::map<std::vector<unsigned>, xw_facet_runs> runs; /* by the slots they cover */
	std::map<unsigned, xw_u32s> ranks; /* by slot: each docid's place in value order */
};

struct xw_db {
	Xapian::Database db;             /* the read handle (== wdb when writable) */
	Xapian::WritableDatabase wdb;    /* valid only when writable */
	bool writable;                   /* opened with XW_OPEN_WRITE/OVERWRITE */
	bool in_txn;                     /* inside begin_transaction */
	xw_facet_cache fc;               /* in-memory facets (read handles on one local db) */
	std::string dir;                 /* the database directory, "" for a stub or shards */
	size_t n_shards;                 /* shards listed by the stub (1 for a plain database) */
	bool remote;                     /* some shard is remote */
	std::vector<std::string> missing; /* shards left out by an allow_partial open */
	std::unordered_set<std::string> stemmed; /* terms given their stem synonym through this
	                                            handle (xw_db_add_words): not stemmed again */
	xw_db() : writable(false), in_txn(false), n_shards(1), remote(false) {}
};

/*
 * A value range as it was built (xw_query_range, the date range
 * processor).  Xapian 1.4's Query has no accessors for a range's slot and
 * bounds, so the bitmap evaluator finds them here, by the range's node.
 */
struct xw_range {
	Xapian::Query node;              /* the range itself, held so no other node takes its address */
	unsigned slot;                   /* value slot */
	std::string lo, hi;              /* bounds, inclusive */
	bool has_lo, has_hi;             /* false: open at that end */
};

struct xw_query {
	Xapian::Query q;                 /* the query itself */
	std::vector<xw_range> ranges;    /* the value ranges built into q (copies of q share them) */
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

/* ---- errors and retries ------------------------------------------------- */

/* No function declared from here on is part of the library's interface. */
#pragma GCC visibility push(hidden)

/*
 * Call from a catch (...) block: classify the exception in flight as a
 * cm_code (xw.cc's header lists the mapping), fill err with what and the
 * exception's message, and return the code.
 */
int xw_fail(struct cm_err *err, const char *what);

/* Reopens after DatabaseModifiedError before xw_read gives up. */
enum { XW_READ_REOPENS = 8 };

/*
 * Run the read fn() on d; when a commit has discarded the revision it was
 * reading (DatabaseModifiedError), reopen d and run it again, up to
 * XW_READ_REOPENS times: an indexer committing every document can discard
 * two revisions while a loaded server reads once (seen in e2e_concurrent:
 * one read in 26,000 failed after a single retry, on a busy machine; the
 * reopen itself can meet a commit too).  Every read path goes
 * through here, so callers never see that error unless the commits outrun
 * every retry.  d is the handle the read uses: reopening it reopens every
 * handle sharing its sub-databases (the Enquire of a search, the parser's
 * word list).
 */
template <typename Fn>
static auto xw_read(Xapian::Database &d, Fn fn) -> decltype(fn())
{
	for (int tries = 0;; tries++) {
		try {
			return fn();
		} catch (const Xapian::DatabaseModifiedError &) {
			if (tries >= XW_READ_REOPENS)
				throw;
		}
		try {
			d.reopen();
		} catch (const Xapian::DatabaseModifiedError &) {
			/* the reopen itself met a commit: the next try reopens again */
		}
	}
}

/*
 * Walk the sorted term list [begin(), end()) calling step(it) on each term
 * until it returns true, under xw_read: a walk interrupted by a commit
 * resumes after the last term stepped on, so no term is seen twice.
 */
template <typename Begin, typename End, typename Step>
static void xw_read_terms(Xapian::Database &d, Begin begin, End end, Step step)
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

/* ---- shared by the read files ------------------------------------------- */

/* A document's data: in XW_DATA_SLOT (see xw.h), else where Xapian keeps it. */
static inline std::string xw_data_of(const Xapian::Document &doc)
{
	std::string d = doc.get_value(XW_DATA_SLOT);
	return d.empty() ? doc.get_data() : d;
}

/*
 * Call fn(member, key) for each member of a packed value (members joined
 * by sep).  With last_word a member is its last word, and its key that
 * word case-folded ("M Price" and "Price" are one member); otherwise the
 * key is the member.  Empty members are skipped; repeats are not.
 */
template <typename Fn>
static void xw_each_member(const std::string &packed, char sep, bool last_word, Fn fn)
{
	size_t start = 0;
	while (start <= packed.size()) {
		size_t end = packed.find(sep, start);
		if (end == std::string::npos)
			end = packed.size();
		std::string member = packed.substr(start, end - start);
		start = end + 1;
		if (last_word) {
			size_t sp = member.find_last_of(' ');
			if (sp != std::string::npos)
				member.erase(0, sp + 1);
		}
		if (member.empty())
			continue;
		std::string key = member;
		if (last_word)
			for (char &c : key)
				if (c >= 'A' && c <= 'Z')
					c = (char)(c - 'A' + 'a');
		fn(member, key);
	}
}

/* Seconds on a monotonic clock. */
static inline double xw_now()
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
		.count();
}

/*
 * Facet counts from counts per distinct stored value (xw_search.cc): a
 * packed slot (sep) split into members, each document once; sorted.
 */
void xw_facet_finish(const std::vector<std::pair<const std::string *, size_t>> &raw,
		     char sep, bool last_word, std::vector<std::pair<std::string, size_t>> &out);

/* Set the order of hits o asks for on enq (xw_search.cc). */
void xw_set_order(Xapian::Enquire &enq, const struct xw_search_opts *o);

/*
 * The arrays of a read handle's current revision (xw_arrays.cc), from the
 * stored file when it describes that revision, else from the value
 * streams, kept in db->fc until the revision changes.  xw_facet_key is the
 * revision's key ("" = a handle the arrays cannot serve); xw_arrays_drop
 * forgets what was loaded and takes key as the current one;
 * xw_arrays_stored says whether the file holds slot's values (or, with
 * rank, its ranks) for the current key.
 */
std::string xw_facet_key(xw_db *db);
const xw_facet_slot &xw_facet_load(xw_db *db, unsigned slot);
/*
 * The same, with every value id known to name a value: ids borrowed from a
 * stored file are checked on first use (the slot is rebuilt from the value
 * streams when the file is damaged).  Loops that index by ids over every
 * document call this; loops over a search's matches test just theirs
 * (xw_eval.cc, xw_facet_for).
 */
const xw_facet_slot &xw_facet_checked(xw_db *db, unsigned slot);
const xw_u32s &xw_rank_load(xw_db *db, unsigned slot);
bool xw_arrays_stored(xw_db *db, bool rank, unsigned slot);
/*
 * Members of slot's packed values (the people at a meeting, sep-separated)
 * in fs (slot's loaded values), split once per revision: from the stored
 * file when it holds this split, else from the values.  With last_word,
 * members are keyed by their last word, case-folded ("M Price" and "Price"
 * are one member, shown as the first form met), each value's members
 * distinct.  xw_split_stored says whether the file holds this split.
 */
void xw_facet_split(xw_db *db, unsigned slot, xw_facet_slot &fs, char sep, bool last_word);
bool xw_split_stored(xw_db *db, unsigned slot, char sep, bool last_word);
void xw_arrays_drop(xw_db *db, const std::string &key);

/*
 * xw_search on the bitmaps (xw_eval.cc), when db's handle allows the
 * in-memory arrays: fills m and returns true; false, having done nothing,
 * when it does not (a writable handle, shards, a remote database).
 */
bool xw_search_counted(xw_db *db, const xw_query *q, const struct xw_search_opts *o, xw_mset *m);

#pragma GCC visibility pop

#endif
