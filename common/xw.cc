/*
 * xw.cc - the C API of xw.h over libxapian; the project's only C++
 *
 * Each handle holds its Xapian object by value and is made with
 * new (std::nothrow).  Every exported function is one try block whose
 * exceptions go through xw_fail(), which maps Xapian's classes onto
 * cm_code values (lock -> CM_ELOCKED, not found -> CM_ENOTFOUND, query
 * syntax -> CM_EQUERY, other Xapian errors -> CM_EDB, bad_alloc ->
 * CM_ENOMEM, anything else -> CM_EINTERNAL).  Read paths that meet
 * DatabaseModifiedError reopen and retry once; callers never see it.
 *
 * Divisions: error mapping, databases, writing, the date range processor,
 * query parsing, queries, searching and facets, exact counting over
 * bitmaps (a query evaluated into a docset, facets and collapse counts
 * from it, the page ranked by Xapian alone), results, whole-set passes
 * (match spy over every match, exact counts, termlists, expansion sets).
 */
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
static std::string xw_data_of(const Xapian::Document &doc)
{
	std::string d = doc.get_value(XW_DATA_SLOT);
	return d.empty() ? doc.get_data() : d;
}

/* ---- error mapping ------------------------------------------------------ */

/* Call from a catch (...) block: classify the exception in flight. */
static int xw_fail(struct cm_err *err, const char *what)
{
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		return cm_err_set(err, CM_ELOCKED, "%s: database is locked: %s", what,
				  e.get_msg().c_str());
	} catch (const Xapian::DatabaseNotFoundError &e) {
		return cm_err_set(err, CM_ENOTFOUND, "%s: no database: %s", what,
				  e.get_msg().c_str());
	} catch (const Xapian::DatabaseOpeningError &e) {
		return cm_err_set(err, CM_ENOTFOUND, "%s: cannot open database: %s", what,
				  e.get_msg().c_str());
	} catch (const Xapian::QueryParserError &e) {
		return cm_err_set(err, CM_EQUERY, "%s", e.get_msg().c_str());
	} catch (const Xapian::NetworkTimeoutError &e) {
		return cm_err_set(err, CM_ETIMEOUT, "%s: %s", what, e.get_description().c_str());
	} catch (const Xapian::NetworkError &e) {
		/* A remote shard went away: I/O, so callers can tell it from a broken index. */
		return cm_err_set(err, CM_EIO, "%s: %s", what, e.get_description().c_str());
	} catch (const Xapian::Error &e) {
		return cm_err_set(err, CM_EDB, "%s: %s", what, e.get_description().c_str());
	} catch (const std::bad_alloc &) {
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", what);
	} catch (const std::exception &e) {
		return cm_err_set(err, CM_EINTERNAL, "%s: %s", what, e.what());
	} catch (...) {
		return cm_err_set(err, CM_EINTERNAL, "%s: unknown exception", what);
	}
}

/* The sticky builder error of a doc, from an exception in flight. */
static void xw_doc_fail(xw_doc *doc, const char *what)
{
	struct cm_err e = { CM_OK, "" };
	int code = xw_fail(&e, what);

	if (doc->code == CM_OK) {
		doc->code = code;
		try {
			doc->msg = e.msg;
		} catch (...) {
		}
	}
}

/*
 * Run the read fn() on d; when a commit has discarded the revision it was
 * reading (DatabaseModifiedError), reopen d and run it once more.  Every
 * read path goes through here, so callers never see that error; a second
 * failure (two commits during one read) is reported as any other.  d is
 * the handle the read uses: reopening it reopens every handle sharing its
 * sub-databases (the Enquire of a search, the parser's word list).
 */
template <typename Fn>
static auto xw_read(Xapian::Database &d, Fn fn) -> decltype(fn())
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

/* ---- databases ---------------------------------------------------------- */

int xw_db_open(const char *path, enum xw_open_mode mode, struct xw_db **out, struct cm_err *err)
{
	*out = NULL;
	xw_db *h = new (std::nothrow) xw_db();
	if (!h)
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", path);
	try {
		if (mode == XW_OPEN_READ) {
			h->db = Xapian::Database(path);
		} else {
			int flags = mode == XW_OPEN_WRITE ? Xapian::DB_CREATE_OR_OPEN
							  : Xapian::DB_CREATE_OR_OVERWRITE;
			/* fsync per commit cost ~0.8 s of a 2,000-meeting bulk build */
			if (mode == XW_OPEN_SCRATCH)
				flags |= Xapian::DB_NO_SYNC;
			h->wdb = Xapian::WritableDatabase(path, flags);
			h->db = h->wdb;
			h->writable = true;
		}
	} catch (...) {
		delete h;
		return xw_fail(err, path);
	}
	*out = h;
	return CM_OK;
}

void xw_db_free(struct xw_db *db)
{
	if (!db)
		return;
	try {
		if (db->writable) {
			if (db->in_txn)
				db->wdb.cancel_transaction();
			db->wdb.close();
		}
	} catch (...) {
		/* closing: nothing useful to report to a destructor */
	}
	delete db;
}

int xw_db_reopen(struct xw_db *db, struct cm_err *err)
{
	try {
		db->db.reopen();
	} catch (...) {
		return xw_fail(err, "reopen");
	}
	return CM_OK;
}

unsigned xw_db_doccount(struct xw_db *db, struct cm_err *err)
{
	try {
		return xw_read(db->db, [&]() { return db->db.get_doccount(); });
	} catch (...) {
		xw_fail(err, "doccount");
		return 0;
	}
}

unsigned xw_db_termfreq(struct xw_db *db, const char *term, struct cm_err *err)
{
	try {
		return xw_read(db->db, [&]() { return db->db.get_termfreq(term); });
	} catch (...) {
		xw_fail(err, term);
		return 0;
	}
}

int xw_db_revision(struct xw_db *db, struct sbuf *out, struct cm_err *err)
{
	try {
		/*
		 * A stub of shards has no single revision; the document count,
		 * last docid and total length change on every real commit.  The
		 * UUID tells a rebuild (or a restored copy) from the database it
		 * replaced, whose counts it may well share.
		 */
		unsigned n = 0, last = 0;
		unsigned long long len = 0;
		std::string uuid;
		xw_read(db->db, [&]() {
			n = db->db.get_doccount();
			last = db->db.get_lastdocid();
			len = (unsigned long long)db->db.get_total_length();
			uuid = db->db.get_uuid();
		});
		sbuf_addf(out, "%u:%u:%llu:%s", n, last, len, uuid.c_str());
	} catch (...) {
		return xw_fail(err, "revision");
	}
	return CM_OK;
}

int xw_db_get_metadata(struct xw_db *db, const char *key, struct sbuf *out, struct cm_err *err)
{
	try {
		std::string v = xw_read(db->db, [&]() { return db->db.get_metadata(key); });
		sbuf_add(out, v.data(), v.size());
	} catch (...) {
		return xw_fail(err, key);
	}
	return CM_OK;
}

int xw_db_set_metadata(struct xw_db *db, const char *key, const char *val, size_t len,
		       struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", key);
	try {
		db->wdb.set_metadata(key, std::string(val, len));
	} catch (...) {
		return xw_fail(err, key);
	}
	return CM_OK;
}

int xw_db_each_metadata_key(struct xw_db *db, const char *prefix, xw_each_fn fn, void *ctx,
			    struct cm_err *err)
{
	try {
		xw_read_terms(db->db, [&]() { return db->db.metadata_keys_begin(prefix); },
			      [&]() { return db->db.metadata_keys_end(prefix); },
			      [&](Xapian::TermIterator &it) {
				      const std::string &k = *it;
				      return fn(ctx, k.data(), k.size(), 0);
			      });
	} catch (...) {
		return xw_fail(err, "metadata keys");
	}
	return CM_OK;
}

int xw_db_each_term(struct xw_db *db, const char *prefix, xw_each_fn fn, void *ctx,
		    struct cm_err *err)
{
	try {
		xw_read_terms(db->db, [&]() { return db->db.allterms_begin(prefix); },
			      [&]() { return db->db.allterms_end(prefix); },
			      [&](Xapian::TermIterator &it) {
				      const std::string &t = *it;
				      return fn(ctx, t.data(), t.size(), it.get_termfreq());
			      });
	} catch (...) {
		return xw_fail(err, "terms");
	}
	return CM_OK;
}

int xw_db_each_synonym(struct xw_db *db, const char *term, xw_each_fn fn, void *ctx,
		       struct cm_err *err)
{
	try {
		xw_read_terms(db->db, [&]() { return db->db.synonyms_begin(term); },
			      [&]() { return db->db.synonyms_end(term); },
			      [&](Xapian::TermIterator &it) {
				      const std::string &t = *it;
				      return fn(ctx, t.data(), t.size(), 0);
			      });
	} catch (...) {
		return xw_fail(err, term);
	}
	return CM_OK;
}

int xw_db_value_bounds(struct xw_db *db, unsigned slot, struct sbuf *lo, struct sbuf *hi,
		       struct cm_err *err)
{
	try {
		std::string l, h;
		xw_read(db->db, [&]() {
			l = db->db.get_value_lower_bound(slot);
			h = db->db.get_value_upper_bound(slot);
		});
		sbuf_add(lo, l.data(), l.size());
		sbuf_add(hi, h.data(), h.size());
	} catch (...) {
		return xw_fail(err, "value bounds");
	}
	return CM_OK;
}

int xw_compact(const char *const *srcs, size_t n, const char *dst, struct cm_err *err)
{
	try {
		Xapian::Database in;
		for (size_t i = 0; i < n; i++)
			in.add_database(Xapian::Database(srcs[i]));
		/*
		 * FULL, Xapian's default: FULLER's oversize items are not for a
		 * database that is updated later, as ours are by incremental
		 * runs, and measured 0.4 MiB larger postlists on 2,000 meetings.
		 */
		in.compact(dst, Xapian::Compactor::FULL);
	} catch (...) {
		return xw_fail(err, dst);
	}
	return CM_OK;
}

/* ---- shards: stubs, remote databases, time limits ------------------------ */

/* Stubs may list stubs; this deep is a loop, not a layout. */
static const int XW_STUB_DEPTH = 8;

struct xw_shard_ctx {
	const struct xw_open_opts *o;    /* limits, partial */
	xw_db *h;                        /* handle being filled */
	int code;                        /* first failure when not partial */
	std::string msg;                 /* its message */
};

static bool xw_is_file(const std::string &p, bool dir)
{
	struct stat st;
	return stat(p.c_str(), &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* The stub file behind path, or "" when path is a database (or nothing) rather than a stub. */
static std::string xw_stub_file(const std::string &path)
{
	if (xw_is_file(path, true)) {
		if (xw_is_file(path + "/iamglass", false) || xw_is_file(path + "/iamchert", false))
			return "";
		return xw_is_file(path + "/XAPIANDB", false) ? path + "/XAPIANDB" : "";
	}
	if (!xw_is_file(path, false))
		return "";
	/* A single-file glass database is binary; a stub is text. */
	std::ifstream f(path.c_str(), std::ios::binary);
	char buf[512];
	f.read(buf, sizeof buf);
	return std::memchr(buf, '\0', (size_t)f.gcount()) ? "" : path;
}

/* Open one shard into ctx's handle; a failure is fatal or recorded as missing. */
static void xw_shard_add(xw_shard_ctx &c, const std::string &name,
			 const std::function<Xapian::Database()> &open)
{
	c.h->n_shards++;
	try {
		c.h->db.add_database(open());
	} catch (...) {
		struct cm_err e = { CM_OK, "" };
		int code = xw_fail(&e, ("shard " + name).c_str());
		if (!c.o->allow_partial) {
			if (c.code == CM_OK) {
				c.code = code;
				c.msg = e.msg;
			}
			return;
		}
		c.h->missing.push_back(name);
	}
}

static void xw_stub_read(xw_shard_ctx &c, const std::string &file, int depth);

/* A local shard: a database, or a stub listing more shards. */
static void xw_shard_local(xw_shard_ctx &c, const std::string &path, int depth)
{
	std::string stub = xw_stub_file(path);
	if (!stub.empty() && depth < XW_STUB_DEPTH) {
		xw_stub_read(c, stub, depth + 1);
		return;
	}
	xw_shard_add(c, path, [&path]() { return Xapian::Database(path); });
}

/* Parse a stub as Xapian 1.4's read_stub_file does, opening each line's shard. */
static void xw_stub_read(xw_shard_ctx &c, const std::string &file, int depth)
{
	std::ifstream in(file.c_str());
	if (!in)
		throw Xapian::DatabaseNotFoundError("cannot read stub " + file, errno);
	std::string dir = file.substr(0, file.find_last_of('/') + 1), line;
	unsigned timeout = c.o->timeout_ms ? c.o->timeout_ms : (unsigned)XW_REMOTE_TIMEOUT_MS;
	unsigned connect = c.o->connect_timeout_ms ? c.o->connect_timeout_ms : (unsigned)XW_REMOTE_CONNECT_MS;
	unsigned line_no = 0;

	while (std::getline(in, line) && c.code == CM_OK) {
		line_no++;
		if (!line.empty() && line.back() == '\r')
			line.pop_back();
		if (line.empty() || line[0] == '#')
			continue;
		size_t sp = line.find(' ');
		std::string type = line.substr(0, sp), arg = sp == std::string::npos ? "" : line.substr(sp + 1);
		if ((type == "auto" || type == "glass" || type == "chert") && !arg.empty()) {
			xw_shard_local(c, arg[0] == '/' ? arg : dir + arg, depth);
		} else if (type == "remote" && !arg.empty() && arg[0] == ':') {
			size_t asp = arg.find(' ');
			std::string prog = arg.substr(1, asp == std::string::npos ? std::string::npos : asp - 1);
			std::string args = asp == std::string::npos ? "" : arg.substr(asp + 1);
			c.h->remote = true;
			xw_shard_add(c, "remote " + arg, [&prog, &args, timeout]() {
				return Xapian::Remote::open(prog, args, timeout);
			});
		} else if (type == "remote" && arg.rfind(':') != std::string::npos &&
			   arg.rfind(':') + 1 < arg.size()) {
			size_t colon = arg.rfind(':');
			std::string host = arg.substr(0, colon);
			char *end = NULL;
			unsigned long port = std::strtoul(arg.c_str() + colon + 1, &end, 10);
			if (*end || port == 0 || port > 65535)
				throw Xapian::DatabaseOpeningError(file + ":" + std::to_string(line_no) +
								   ": bad port");
			if (host.size() > 2 && host[0] == '[' && host.back() == ']')
				host = host.substr(1, host.size() - 2);
			c.h->remote = true;
			xw_shard_add(c, "remote " + arg, [&host, port, timeout, connect]() {
				return Xapian::Remote::open(host, (unsigned)port, timeout, connect);
			});
		} else {
			/* Xapian's own wording: the line itself may be private. */
			throw Xapian::DatabaseOpeningError(file + ":" + std::to_string(line_no) +
							   ": Bad line");
		}
	}
}

int xw_db_open_read(const char *path, const struct xw_open_opts *opts, struct xw_db **out,
		    struct cm_err *err)
{
	static const struct xw_open_opts defaults = { 0, 0, false };
	*out = NULL;
	xw_db *h = new (std::nothrow) xw_db();
	if (!h)
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", path);
	try {
		std::string stub = xw_stub_file(path);
		if (stub.empty()) {
			h->db = Xapian::Database(path);
		} else {
			xw_shard_ctx c = { opts ? opts : &defaults, h, CM_OK, "" };
			h->n_shards = 0;
			xw_stub_read(c, stub, 0);
			if (c.code != CM_OK) {
				int code = c.code;
				delete h;
				return cm_err_set(err, code, "%s: %s", path, c.msg.c_str());
			}
			if (h->n_shards && h->missing.size() == h->n_shards) {
				delete h;
				return cm_err_set(err, CM_EIO, "%s: no shard could be opened", path);
			}
			/* A stub naming no shard yet (a first run just began) is an empty index. */
			if (h->n_shards == 0)
				h->db.add_database(Xapian::Database(std::string(),
								    Xapian::DB_BACKEND_INMEMORY));
		}
	} catch (...) {
		delete h;
		return xw_fail(err, path);
	}
	*out = h;
	return CM_OK;
}

size_t xw_db_shard_count(const struct xw_db *db)
{
	return db->n_shards;
}

const char *xw_db_missing(const struct xw_db *db, size_t i)
{
	return i < db->missing.size() ? db->missing[i].c_str() : NULL;
}

bool xw_db_has_remote(const struct xw_db *db)
{
	return db->remote;
}

/* ---- writing ------------------------------------------------------------ */

int xw_db_begin(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "begin: database is read-only");
	try {
		db->wdb.begin_transaction(true);
		db->in_txn = true;
	} catch (...) {
		return xw_fail(err, "begin transaction");
	}
	return CM_OK;
}

int xw_db_commit(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "commit: database is read-only");
	try {
		if (db->in_txn) {
			db->in_txn = false;
			db->wdb.commit_transaction();
		} else {
			db->wdb.commit();
		}
	} catch (...) {
		return xw_fail(err, "commit");
	}
	return CM_OK;
}

int xw_db_cancel(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable || !db->in_txn)
		return CM_OK;
	try {
		db->in_txn = false;
		db->stemmed.clear();   /* their synonyms may have gone with the transaction */
		db->wdb.cancel_transaction();
	} catch (...) {
		return xw_fail(err, "cancel transaction");
	}
	return CM_OK;
}

int xw_tg_new(const struct xw_index_opts *opts, struct xw_tg **out, struct cm_err *err)
{
	*out = NULL;
	xw_tg *t = new (std::nothrow) xw_tg();
	if (!t)
		return cm_err_set(err, CM_ENOMEM, "term generator: out of memory");
	try {
		t->stem = Xapian::Stem("english");
		t->tg.set_stemmer(t->stem);
		/* Words as written; their stems live in the synonym table (xw_db_add_words). */
		t->tg.set_stemming_strategy(opts && opts->stem_only
						    ? Xapian::TermGenerator::STEM_ALL_Z
						    : Xapian::TermGenerator::STEM_NONE);
		if (opts && opts->n_stopwords) {
			Xapian::SimpleStopper *stop = new Xapian::SimpleStopper(
				opts->stopwords, opts->stopwords + opts->n_stopwords);
			/* The generator owns it from here (release() hands over the reference). */
			t->tg.set_stopper(stop->release());
			t->tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
		}
		for (size_t i = 0; opts && i < opts->n_phrases; i++) {
			xw_phrase ph;
			std::string key(opts->phrases[i]);
			size_t at = 0, us;

			ph.key = key;
			while ((us = key.find('_', at)) != std::string::npos) {
				ph.words.push_back(key.substr(at, us - at));
				at = us + 1;
			}
			ph.words.push_back(key.substr(at));
			if (ph.words.size() >= 2)
				t->phrases.push_back(ph);
		}
		std::sort(t->phrases.begin(), t->phrases.end(),
			  [](const xw_phrase &a, const xw_phrase &b) { return a.words[0] < b.words[0]; });
	} catch (...) {
		delete t;
		return xw_fail(err, "term generator");
	}
	*out = t;
	return CM_OK;
}

void xw_tg_free(struct xw_tg *tg)
{
	delete tg;
}

struct xw_doc *xw_doc_new(void)
{
	xw_doc *d = new (std::nothrow) xw_doc();
	if (d) {
		d->pos = 0;
		d->code = CM_OK;
	}
	return d;
}

void xw_doc_free(struct xw_doc *doc)
{
	delete doc;
}

void xw_doc_index_text(struct xw_tg *tg, struct xw_doc *doc, const char *prefix,
		       const char *text, size_t len, unsigned wdf_inc)
{
	if (doc->code != CM_OK || len == 0)
		return;
	try {
		tg->tg.set_document(doc->doc);
		tg->tg.set_termpos(doc->pos);
		tg->tg.index_text(Xapian::Utf8Iterator(text, len), wdf_inc ? wdf_inc : 1,
				  prefix ? prefix : "");
		doc->pos = tg->tg.get_termpos() + XW_FIELD_GAP;
	} catch (...) {
		xw_doc_fail(doc, "index text");
	}
}

/* Positions of term in doc, sorted; empty when the document lacks it. */
static std::vector<Xapian::termpos> xw_positions(const Xapian::Document &doc, const std::string &term)
{
	std::vector<Xapian::termpos> v;
	Xapian::TermIterator t = doc.termlist_begin();

	t.skip_to(term);
	if (t != doc.termlist_end() && *t == term)
		for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
			v.push_back(*p);
	return v;
}

size_t xw_doc_add_phrases(struct xw_tg *tg, struct xw_doc *doc, const char *prefix)
{
	size_t added = 0;

	if (doc->code != CM_OK || tg->phrases.empty())
		return 0;
	try {
		std::map<std::string, std::vector<Xapian::termpos>> pos;
		auto positions = [&](const std::string &w) -> const std::vector<Xapian::termpos> & {
			auto it = pos.find(w);
			if (it == pos.end())
				it = pos.emplace(w, xw_positions(doc->doc, w)).first;
			return it->second;
		};
		for (const xw_phrase &ph : tg->phrases) {
			const std::vector<Xapian::termpos> &first = positions(ph.words[0]);
			Xapian::termcount hits = 0;

			if (first.empty())
				continue;
			/* the words at consecutive positions: what a phrase query asks */
			for (Xapian::termpos p : first) {
				size_t k = 1;

				while (k < ph.words.size()) {
					const std::vector<Xapian::termpos> &v = positions(ph.words[k]);
					if (!std::binary_search(v.begin(), v.end(), p + (Xapian::termpos)k))
						break;
					k++;
				}
				hits += k == ph.words.size();
			}
			if (hits) {
				doc->doc.add_term(std::string(prefix) + ph.key, hits);
				added++;
			}
		}
	} catch (...) {
		xw_doc_fail(doc, "phrase terms");
	}
	return added;
}

void xw_term_make(struct sbuf *out, const char *prefix, const char *value, size_t len)
{
	size_t plen = strlen(prefix);

	sbuf_adds(out, prefix);
	if (plen + len <= XW_MAX_TERM) {
		sbuf_add(out, value, len);
		return;
	}
	/* Keep a readable head and make the tail unique with a checksum. */
	size_t keep = XW_MAX_TERM - plen - 17;
	uLong c1 = crc32(0L, (const Bytef *)value, (uInt)len);
	uLong c2 = adler32(1L, (const Bytef *)value, (uInt)len);
	sbuf_add(out, value, keep);
	sbuf_addf(out, "#%08lx%08lx", c1 & 0xffffffffUL, c2 & 0xffffffffUL);
}

void xw_doc_add_term(struct xw_doc *doc, const char *prefix, const char *value, size_t len)
{
	if (doc->code != CM_OK)
		return;
	struct sbuf t = { NULL, 0, 0, false };
	xw_term_make(&t, prefix, value, len);
	if (sbuf_oom(&t)) {
		doc->code = CM_ENOMEM;
		doc->msg = "out of memory";
		sbuf_release(&t);
		return;
	}
	try {
		doc->doc.add_boolean_term(std::string(t.buf, t.len));
	} catch (...) {
		xw_doc_fail(doc, "add term");
	}
	sbuf_release(&t);
}

void xw_doc_set_value(struct xw_doc *doc, unsigned slot, const char *val, size_t len)
{
	if (doc->code != CM_OK)
		return;
	try {
		doc->doc.add_value(slot, std::string(val, len));
	} catch (...) {
		xw_doc_fail(doc, "set value");
	}
}

void xw_doc_set_data(struct xw_doc *doc, const void *data, size_t len)
{
	if (doc->code != CM_OK)
		return;
	try {
		doc->doc.add_value(XW_DATA_SLOT, std::string((const char *)data, len));
	} catch (...) {
		xw_doc_fail(doc, "set data");
	}
}

void xw_doc_get_value(const struct xw_doc *doc, unsigned slot, struct sbuf *out)
{
	try {
		std::string v = doc->doc.get_value(slot);

		sbuf_add(out, v.data(), v.size());
	} catch (...) {
		/* nothing appended: out of memory, the one failure possible */
	}
}

void xw_doc_seal_except(struct xw_doc *doc, unsigned skip)
{
	if (doc->code != CM_OK)
		return;
	try {
		uint64_t h = HASH64_SEED;
		auto mix = [&h](const void *p, size_t len) { h = hash64_add(h, p, len); };
		auto mix_u32 = [&mix](uint32_t v) { mix(&v, sizeof v); };

		doc->doc.add_value(XW_DIGEST_SLOT, std::string());   /* empty = none */
		for (Xapian::TermIterator t = doc->doc.termlist_begin(); t != doc->doc.termlist_end(); ++t) {
			const std::string &name = *t;
			mix(name.data(), name.size() + 1);
			mix_u32(t.get_wdf());
			mix_u32(t.positionlist_count());
			for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
				mix_u32(*p);
		}
		for (Xapian::ValueIterator v = doc->doc.values_begin(); v != doc->doc.values_end(); ++v) {
			if (v.get_valueno() == skip)
				continue;
			const std::string &val = *v;
			mix_u32(v.get_valueno());
			mix_u32((uint32_t)val.size());
			mix(val.data(), val.size());
		}
		doc->doc.add_value(XW_DIGEST_SLOT, std::string((const char *)&h, sizeof h));
	} catch (...) {
		xw_doc_fail(doc, "seal");
	}
}

int xw_db_replace(struct xw_db *db, const char *uid, struct xw_doc *doc, struct cm_err *err)
{
	if (doc->code != CM_OK)
		return cm_err_set(err, doc->code, "%s: %s", uid, doc->msg.c_str());
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", uid);
	try {
		db->wdb.replace_document(uid, doc->doc);
	} catch (...) {
		return xw_fail(err, uid);
	}
	return CM_OK;
}

int xw_db_replace_all(struct xw_db *db, const char *old_term, struct xw_doc *const *docs,
		      size_t n, unsigned char *kept, struct cm_err *err)
{
	if (kept)
		memset(kept, 0, n);
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", old_term);
	for (size_t i = 0; i < n; i++)
		if (docs[i]->code != CM_OK)
			return cm_err_set(err, docs[i]->code, "%s: %s", old_term, docs[i]->msg.c_str());
	try {
		std::vector<Xapian::docid> ids;
		for (Xapian::PostingIterator it = db->wdb.postlist_begin(old_term);
		     it != db->wdb.postlist_end(old_term); ++it)
			ids.push_back(*it);
		size_t i = 0;
		for (; i < n && i < ids.size(); i++) {
			std::string now = docs[i]->doc.get_value(XW_DIGEST_SLOT);
			if (!now.empty() &&
			    db->wdb.get_document(ids[i], Xapian::DOC_ASSUME_VALID)
				    .get_value(XW_DIGEST_SLOT) == now) {
				if (kept)
					kept[i] = 1;
				continue;
			}
			db->wdb.replace_document(ids[i], docs[i]->doc);
		}
		for (; i < n; i++)
			db->wdb.add_document(docs[i]->doc);
		for (; i < ids.size(); i++)
			db->wdb.delete_document(ids[i]);
	} catch (...) {
		return xw_fail(err, old_term);
	}
	return CM_OK;
}

int xw_db_add(struct xw_db *db, struct xw_doc *doc, struct cm_err *err)
{
	if (doc->code != CM_OK)
		return cm_err_set(err, doc->code, "add: %s", doc->msg.c_str());
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "add: database is read-only");
	try {
		db->wdb.add_document(doc->doc);
	} catch (...) {
		return xw_fail(err, "add document");
	}
	return CM_OK;
}

/*
 * Would Xapian's query parser stem word (its first character a letter)?
 * The same test as its should_stem(), so every word the parser turns into
 * "Z" + stem has its synonym.
 */
static bool xw_parser_stems(const std::string &word)
{
	const unsigned mask = (1u << Xapian::Unicode::LOWERCASE_LETTER) |
			      (1u << Xapian::Unicode::TITLECASE_LETTER) |
			      (1u << Xapian::Unicode::MODIFIER_LETTER) |
			      (1u << Xapian::Unicode::OTHER_LETTER);
	Xapian::Utf8Iterator u(word);
	return !word.empty() && ((mask >> Xapian::Unicode::get_category(*u)) & 1);
}

/* Length of term's prefix: its leading capitals (Xapian's convention). */
static size_t xw_prefix_len(const std::string &t)
{
	size_t n = 0;
	while (n < t.size() && t[n] >= 'A' && t[n] <= 'Z')
		n++;
	return n;
}

static bool xw_words_listed(const struct xw_words_opts *o, const std::string &t, size_t plen)
{
	for (size_t i = 0; i < o->n_prefixes; i++)
		if (std::strlen(o->prefixes[i]) == plen && t.compare(0, plen, o->prefixes[i]) == 0)
			return true;
	return false;
}

/* The spelling rule: plain words of 3 to 40 bytes, not numbers. */
static bool xw_spelling_word(const std::string &t)
{
	unsigned char c = t.empty() ? 0 : (unsigned char)t[0];
	return t.size() >= 3 && t.size() <= 40 && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
}

/*
 * Feed term t (with frequency freq) to the collections of opts: stem
 * synonyms as ("Z" P stem, P w) pairs, spelling words with their counts.
 * done (may be NULL) holds the terms whose synonym was added already.
 */
static void xw_words_collect(const struct xw_words_opts *o, const Xapian::Stem &stem,
			     const std::string &t, Xapian::doccount freq,
			     std::unordered_set<std::string> *done,
			     std::vector<std::pair<std::string, std::string>> *syn,
			     std::vector<std::pair<std::string, Xapian::doccount>> *spell)
{
	size_t plen = xw_prefix_len(t);
	if ((o->what & XW_WORDS_SPELLING) && plen == 0 && xw_spelling_word(t))
		spell->emplace_back(t, freq);
	if (!(o->what & XW_WORDS_STEMS) || !xw_words_listed(o, t, plen))
		return;
	if (done && !done->insert(t).second)
		return;
	std::string word = t.substr(plen);
	if (!xw_parser_stems(word))
		return;
	syn->emplace_back("Z" + t.substr(0, plen) + stem(word), t);
}

/* Write what xw_words_collect gathered: synonyms grouped by stem, one B-tree update per stem. */
static void xw_words_write(Xapian::WritableDatabase &wdb,
			   std::vector<std::pair<std::string, std::string>> &syn,
			   const std::vector<std::pair<std::string, Xapian::doccount>> &spell)
{
	std::sort(syn.begin(), syn.end());
	syn.erase(std::unique(syn.begin(), syn.end()), syn.end());
	for (const auto &p : syn)
		wdb.add_synonym(p.first, p.second);
	for (const auto &p : spell)
		wdb.add_spelling(p.first, p.second);
}

int xw_db_add_words(struct xw_db *db, const struct xw_doc *doc, const struct xw_words_opts *opts,
		    struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "words: database is read-only");
	try {
		Xapian::Stem stem("english");   /* not shared: a stemmer is not thread-safe */
		std::vector<std::pair<std::string, std::string>> syn;
		std::vector<std::pair<std::string, Xapian::doccount>> spell;
		/* A run meets the same words again and again: each is stemmed once per handle. */
		for (Xapian::TermIterator it = doc->doc.termlist_begin();
		     it != doc->doc.termlist_end(); ++it)
			xw_words_collect(opts, stem, *it, 1, &db->stemmed, &syn, &spell);
		xw_words_write(db->wdb, syn, spell);
	} catch (...) {
		return xw_fail(err, "words");
	}
	return CM_OK;
}

int xw_db_add_vocabulary(struct xw_db *db, struct xw_db *from, const struct xw_words_opts *opts,
			 struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "vocabulary: database is read-only");
	try {
		Xapian::Stem stem("english");   /* not shared: a stemmer is not thread-safe */
		std::vector<std::pair<std::string, std::string>> syn;
		std::vector<std::pair<std::string, Xapian::doccount>> spell;
		std::vector<std::string> ranges;
		if (opts->what & XW_WORDS_STEMS)
			ranges.assign(opts->prefixes, opts->prefixes + opts->n_prefixes);
		if ((opts->what & XW_WORDS_SPELLING) &&
		    std::find(ranges.begin(), ranges.end(), std::string()) == ranges.end())
			ranges.emplace_back();
		/*
		 * Unprefixed words sort after the capitals, from "a" (those
		 * before it are numbers and punctuation: no stems, no spelling);
		 * each other prefix is its own range of the term list.
		 */
		for (const std::string &p : ranges) {
			Xapian::TermIterator it = from->db.allterms_begin(p);
			Xapian::TermIterator end = from->db.allterms_end(p);
			if (p.empty())
				it.skip_to("a");
			for (; it != end; ++it)
				xw_words_collect(opts, stem, *it, it.get_termfreq(), NULL, &syn, &spell);
		}
		xw_words_write(db->wdb, syn, spell);
	} catch (...) {
		return xw_fail(err, "vocabulary");
	}
	return CM_OK;
}

int xw_db_delete_term(struct xw_db *db, const char *term, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", term);
	try {
		db->wdb.delete_document(term);
	} catch (...) {
		return xw_fail(err, term);
	}
	return CM_OK;
}

/* ---- the date range processor ------------------------------------------ */

/* Days in month m of year y. */
static int xw_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/*
 * Parse YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY into "YYYYMMDD";
 * a partial date becomes its first day, or its last when is_end.  Returns
 * false for anything else.
 */
static bool xw_date_bound(const std::string &s, bool is_end, std::string &out)
{
	int y = 0, m = 0, d = 0;
	char tail;
	if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && s.size() == 10) {
	} else if (std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 && s.size() >= 8) {
	} else if (s.size() == 8 && std::sscanf(s.c_str(), "%4d%2d%2d%c", &y, &m, &d, &tail) == 3) {
	} else if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2) {
		d = is_end ? -1 : 1;
	} else if (s.size() == 4 && std::sscanf(s.c_str(), "%4d%c", &y, &tail) == 1) {
		m = is_end ? 12 : 1;
		d = is_end ? 31 : 1;
	} else {
		return false;
	}
	if (y < 1000 || y > 9999 || m < 1 || m > 12)
		return false;
	if (d == -1)
		d = xw_month_days(y, m);
	if (d < 1 || d > xw_month_days(y, m))
		return false;
	char buf[40];
	std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
	out = buf;
	return true;
}

class XwDateRange : public Xapian::RangeProcessor {
    public:
	XwDateRange(Xapian::valueno slot_, const std::string &field)
		: Xapian::RangeProcessor(slot_, field) {}

	Xapian::Query operator()(const std::string &begin, const std::string &end) override
	{
		std::string lo, hi;
		if (!begin.empty() && !xw_date_bound(begin, false, lo))
			return Xapian::Query(Xapian::Query::OP_INVALID);
		if (!end.empty() && !xw_date_bound(end, true, hi))
			return Xapian::Query(Xapian::Query::OP_INVALID);
		if (lo.empty() && hi.empty())
			return Xapian::Query(Xapian::Query::OP_INVALID);
		if (lo.empty())
			return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
		if (hi.empty())
			return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
		return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
	}
};

/* ---- query parsing ------------------------------------------------------ */

int xw_qp_new(struct xw_db *db, struct xw_qp **out, struct cm_err *err)
{
	*out = NULL;
	xw_qp *p = new (std::nothrow) xw_qp();
	if (!p)
		return cm_err_set(err, CM_ENOMEM, "query parser: out of memory");
	try {
		p->has_stop = false;
		p->db = db;
		p->stem = Xapian::Stem("english");
		p->qp.set_stemmer(p->stem);
		p->qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
		p->words = db->db;
		p->qp.set_database(p->words);
		p->qp.set_default_op(Xapian::Query::OP_AND);
		/* Bound wildcard expansion so "a*" cannot blow up a search. */
		p->qp.set_max_expansion(XW_WILDCARD_MAX, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
					Xapian::QueryParser::FLAG_WILDCARD);
	} catch (...) {
		delete p;
		return xw_fail(err, "query parser");
	}
	*out = p;
	return CM_OK;
}

int xw_qp_add_database(struct xw_qp *qp, struct xw_db *extra, struct cm_err *err)
{
	try {
		/*
		 * A Database handle is a list of shared sub-databases: a new
		 * list, so qp->db's own handle (which the Enquire searches)
		 * stays the shards alone; reopening qp->db reopens these too.
		 */
		Xapian::Database words;
		words.add_database(qp->words);
		words.add_database(extra->db);
		qp->words = words;
		qp->qp.set_database(qp->words);
	} catch (...) {
		return xw_fail(err, "query parser");
	}
	return CM_OK;
}

int xw_qp_set_stopwords(struct xw_qp *qp, const char *const *words, size_t n, struct cm_err *err)
{
	try {
		for (size_t i = 0; i < n; i++)
			qp->stop.add(words[i]);
		qp->has_stop = n > 0;
		qp->qp.set_stopper(qp->has_stop ? &qp->stop : NULL);
	} catch (...) {
		return xw_fail(err, "stopwords");
	}
	return CM_OK;
}

/*
 * A query matching every document.  Never a copy of Xapian::Query::MatchAll:
 * that is one object shared by every thread, and copying a query bumps a
 * reference count that is not atomic, so threads copying it at once corrupt
 * the count and free it under each other (the server crashed under load
 * on filter-only searches).
 */
static Xapian::Query xw_match_all()
{
	return Xapian::Query(std::string());
}

/*
 * The stopwords the parser kept in q (see xw_qp_set_stopwords), "" when
 * none; *others says whether q has any other word.  A term's words are
 * what the user typed for it (its unstemmed forms); terms the parser added
 * itself (a stem's synonyms) have none and are words of the index.
 */
static std::string xw_qp_kept_stopwords(xw_qp *qp, const Xapian::Query &q, bool *others)
{
	std::vector<std::string> found;
	*others = false;
	for (Xapian::TermIterator t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
		bool typed = false, all = true;
		std::vector<std::string> forms;
		for (Xapian::TermIterator u = qp->qp.unstem_begin(*t); u != qp->qp.unstem_end(*t); ++u) {
			std::string w = Xapian::Unicode::tolower(*u);
			typed = true;
			if (!qp->stop(w))
				all = false;
			forms.push_back(w);
		}
		if (!typed)
			continue;
		if (!all) {
			*others = true;
			continue;
		}
		for (const std::string &w : forms)
			if (std::find(found.begin(), found.end(), w) == found.end())
				found.push_back(w);
	}
	std::string list;
	for (const std::string &w : found)
		list += (list.empty() ? "\"" : ", \"") + w + "\"";
	return list;
}

void xw_qp_free(struct xw_qp *qp)
{
	if (!qp)
		return;
	delete qp;
}

int xw_qp_add_prefix(struct xw_qp *qp, const char *field, const char *prefix, struct cm_err *err)
{
	try {
		qp->qp.add_prefix(field, prefix);
	} catch (...) {
		return xw_fail(err, field);
	}
	return CM_OK;
}

int xw_qp_add_boolean_prefix(struct xw_qp *qp, const char *field, const char *prefix,
			     struct cm_err *err)
{
	try {
		qp->qp.add_boolean_prefix(field, prefix);
	} catch (...) {
		return xw_fail(err, field);
	}
	return CM_OK;
}

int xw_qp_add_date_range(struct xw_qp *qp, const char *field, unsigned slot, struct cm_err *err)
{
	try {
		std::string f = field ? field : "";
		if (!f.empty())
			f += ':';
		qp->qp.add_rangeprocessor((new XwDateRange(slot, f))->release());
	} catch (...) {
		return xw_fail(err, field);
	}
	return CM_OK;
}

/*
 * Xapian's parser, on a grammar error it has no specific message for
 * ("parse error": e.g. NEAR between phrases), silently parses the query
 * again with every operator off, so `"a b" NEAR c -d` would search for
 * the words a b near c d.  Detect that: the query parsed with no flags is
 * what the fallback produces; when it equals the real parse, either the
 * query used no syntax that matters or the fallback happened.  Appending
 * a hated probe term tells them apart: parsed properly it becomes
 * AND_NOT, in a fallback it becomes a plain term.
 */
static bool xw_qp_fell_back(Xapian::QueryParser &qp, const std::string &str, unsigned f,
			    const Xapian::Query &parsed)
{
	/* Capitalised, so STEM_SOME leaves it unstemmed (and lowercases it). */
	static const char probe[] = "Xwparseprobe";
	Xapian::Query plain = qp.parse_query(str, 0);
	if (plain.get_description() != parsed.get_description())
		return false;
	try {
		/* The space keeps a trailing '-' or '+' of str from touching the ')'. */
		Xapian::Query q = qp.parse_query("(" + str + " ) -" + probe, f);
		return q.get_description().find("AND_NOT xwparseprobe") == std::string::npos;
	} catch (const Xapian::QueryParserError &) {
		return true;
	}
}

/*
 * Add to *words what the wildcards of q expand to in d (each at most
 * XW_WILDCARD_MAX), stopping once past XW_EXPANSION_MAX.  Xapian 1.4 shows
 * a wildcard's pattern only in its description: "Query(WILDCARD SYNONYM pat)".
 */
static void xw_wildcard_words(const Xapian::Database &d, const Xapian::Query &q, size_t *words)
{
	if (*words > XW_EXPANSION_MAX)
		return;
	if (q.get_type() == Xapian::Query::OP_WILDCARD) {
		std::string desc = q.get_description();
		size_t at = desc.find("WILDCARD ");
		size_t sp = at == std::string::npos ? at : desc.find(' ', at + 9);
		if (sp == std::string::npos || desc.size() < sp + 2)
			return;
		std::string pat = desc.substr(sp + 1, desc.size() - sp - 2);
		unsigned n = 0;
		for (Xapian::TermIterator it = d.allterms_begin(pat);
		     it != d.allterms_end(pat) && n < XW_WILDCARD_MAX; ++it)
			n++;
		*words += n;
		return;
	}
	for (size_t i = 0; i < q.get_num_subqueries() && *words <= XW_EXPANSION_MAX; i++)
		xw_wildcard_words(d, q.get_subquery(i), words);
}

int xw_qp_parse(struct xw_qp *qp, const char *s, size_t len, unsigned flags,
		struct xw_query **out, struct cm_err *err)
{
	*out = NULL;
	xw_query *q = new (std::nothrow) xw_query();
	if (!q)
		return cm_err_set(err, CM_ENOMEM, "query: out of memory");
	try {
		std::string str(s, len);
		unsigned f = Xapian::QueryParser::FLAG_DEFAULT |
			     Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
			     Xapian::QueryParser::FLAG_WILDCARD |
			     Xapian::QueryParser::FLAG_PURE_NOT |
			     /* stems reach the unstemmed words through the synonym table */
			     Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
		if (flags & XW_QP_SPELLING)
			f |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
		qp->corrected.clear();
		if (str.find_first_not_of(" \t\r\n") == std::string::npos) {
			q->q = xw_match_all();
		} else {
			/* Wildcards, synonyms and spelling read the words. */
			q->q = xw_read(qp->words, [&]() { return qp->qp.parse_query(str, f); });
			if (flags & XW_QP_SPELLING)
				qp->corrected = qp->qp.get_corrected_query_string();
			if (q->q.empty()) {
				delete q;
				return cm_err_set(err, CM_EQUERY, "the query has no words to search for");
			}
			size_t words = 0;
			xw_read(qp->words, [&]() {
				words = 0;
				xw_wildcard_words(qp->words, q->q, &words);
			});
			if (words > XW_EXPANSION_MAX) {
				delete q;
				return cm_err_set(err, CM_EQUERY, "the wildcards match too many words "
						  "(more than %zu together): use longer beginnings "
						  "or fewer wildcards", XW_EXPANSION_MAX);
			}
			/* Before xw_qp_fell_back, whose parses replace the unstemmed forms. */
			bool others = false;
			std::string stops = qp->has_stop ? xw_qp_kept_stopwords(qp, q->q, &others) : "";
			if (xw_read(qp->words, [&]() { return xw_qp_fell_back(qp->qp, str, f, q->q); })) {
				delete q;
				return cm_err_set(err, CM_EQUERY, "syntax error: operators need a word or "
						  "(group) on each side, and NEAR/ADJ join single words, "
						  "not phrases or groups");
			}
			if (!stops.empty()) {
				delete q;
				if (!others)
					return cm_err_set(err, CM_EQUERY, "the query has only words too "
							  "common to be indexed (%s): search for "
							  "other words as well", stops.c_str());
				return cm_err_set(err, CM_EQUERY, "leave out %s: words this common are "
						  "not indexed, so a query cannot require, exclude or "
						  "look near them", stops.c_str());
			}
		}
	} catch (...) {
		delete q;
		return xw_fail(err, "query");
	}
	*out = q;
	return CM_OK;
}

void xw_qp_corrected(struct xw_qp *qp, struct sbuf *out)
{
	sbuf_add(out, qp->corrected.data(), qp->corrected.size());
}

/* ---- queries ------------------------------------------------------------ */

struct xw_query *xw_query_all(void)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (q)
		q->q = xw_match_all();
	return q;
}

struct xw_query *xw_query_term(const char *term, size_t len)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (!q)
		return NULL;
	try {
		q->q = Xapian::Query(std::string(term, len));
	} catch (...) {
		delete q;
		return NULL;
	}
	return q;
}

struct xw_query *xw_query_range(unsigned slot, const char *lo, const char *hi)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (!q)
		return NULL;
	try {
		if (lo && hi)
			q->q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
		else if (lo)
			q->q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
		else if (hi)
			q->q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
		else
			q->q = xw_match_all();
	} catch (...) {
		delete q;
		return NULL;
	}
	return q;
}

struct xw_query *xw_query_phrase(const char *const *terms, size_t n)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (!q)
		return NULL;
	try {
		std::vector<std::string> v(terms, terms + n);
		q->q = Xapian::Query(Xapian::Query::OP_PHRASE, v.begin(), v.end(), (Xapian::termcount)n);
	} catch (...) {
		delete q;
		return NULL;
	}
	return q;
}

struct xw_query *xw_query_clone(const struct xw_query *src)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (q)
		q->q = src->q;
	return q;
}

void xw_query_free(struct xw_query *q)
{
	delete q;
}

struct xw_query *xw_query_combine(enum xw_op op, const struct xw_query *a,
				  const struct xw_query *b)
{
	xw_query *q = new (std::nothrow) xw_query();
	if (!q)
		return NULL;
	try {
		if (!b) {
			q->q = a->q;
			return q;
		}
		Xapian::Query::op xop = Xapian::Query::OP_AND;
		switch (op) {
		case XW_OP_AND:     xop = Xapian::Query::OP_AND; break;
		case XW_OP_OR:      xop = Xapian::Query::OP_OR; break;
		case XW_OP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
		case XW_OP_FILTER:  xop = Xapian::Query::OP_FILTER; break;
		case XW_OP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
		}
		q->q = Xapian::Query(xop, a->q, b->q);
	} catch (...) {
		delete q;
		return NULL;
	}
	return q;
}

void xw_query_describe(const struct xw_query *q, struct sbuf *out)
{
	try {
		std::string d = q->q.get_description();
		sbuf_add(out, d.data(), d.size());
	} catch (...) {
		sbuf_adds(out, "Query(?)");
	}
}

void xw_query_terms(const struct xw_query *q, struct sbuf *out)
{
	try {
		for (Xapian::TermIterator it = q->q.get_unique_terms_begin();
		     it != q->q.get_unique_terms_end(); ++it) {
			const std::string &t = *it;
			sbuf_add(out, t.data(), t.size());
			sbuf_addch(out, '\n');
		}
	} catch (...) {
	}
}

/* ---- searching and facets ----------------------------------------------- */

/*
 * The key under which a handle's in-memory facets stay valid, or "" when
 * they cannot be used: a writable handle (its view changes without a
 * commit), several sub-databases (a stub of shards, whose docids
 * interleave) or a remote one (whose matcher runs on the server, which
 * knows only Xapian's own spies).  get_revision() throws for all but a
 * single local glass/chert database, which is exactly the case we want.
 */
static std::string xw_facet_key(xw_db *db)
{
	if (db->writable || db->remote || db->db.size() != 1)
		return std::string();
	try {
		Xapian::rev r = db->db.get_revision();
		return db->db.get_uuid() + ":" + std::to_string((unsigned long long)r);
	} catch (const Xapian::Error &) {
		return std::string();
	}
}

/* Slot `slot` of the cache, read from the value stream the first time it is asked for. */
static const xw_facet_slot &xw_facet_load(xw_db *db, unsigned slot)
{
	auto found = db->fc.slots.find(slot);
	if (found != db->fc.slots.end())
		return found->second;
	xw_facet_slot fs;
	std::unordered_map<std::string, uint32_t> index;
	fs.ids.assign((size_t)db->db.get_lastdocid() + 1, 0);
	fs.names.emplace_back();
	uint32_t last = 0;                   /* id of the previous document's value */
	for (Xapian::ValueIterator it = db->db.valuestream_begin(slot);
	     it != db->db.valuestream_end(slot); ++it) {
		Xapian::docid did = it.get_docid();
		const std::string &v = *it;
		/* A meeting's items are consecutive and share their values: skip the hash. */
		if (last && fs.names[last] == v) {
			if (did < fs.ids.size())
				fs.ids[did] = last;
			continue;
		}
		auto r = index.emplace(v, (uint32_t)fs.names.size());
		if (r.second)
			fs.names.push_back(r.first->first);
		last = r.first->second;
		if (did < fs.ids.size())
			fs.ids[did] = last;
	}
	return db->fc.slots.emplace(slot, std::move(fs)).first->second;
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

/*
 * Sorted (value, count) pairs from counts per distinct stored value.  A
 * slot holding several values joined by sep (the people at a meeting) is
 * counted by splitting each distinct packed value and adding its count to
 * every member: exact, because a packed value's count is the number of
 * documents carrying exactly that list.  With last_word, members count by
 * their last word, case-folded ("M Price" and "Price" are one value, shown
 * as "Price"), each document once.
 */
static void xw_facet_finish(const std::vector<std::pair<const std::string *, size_t>> &raw,
			    char sep, bool last_word,
			    std::vector<std::pair<std::string, size_t>> &out)
{
	if (!sep) {
		for (const auto &p : raw)
			if (!p.first->empty() && p.second)
				out.emplace_back(*p.first, p.second);
	} else {
		/* key -> (count, display form) */
		std::unordered_map<std::string, std::pair<size_t, std::string>> counts;
		std::vector<std::string> keys;   /* distinct keys of one packed value */
		for (const auto &p : raw) {
			if (!p.second)
				continue;
			keys.clear();
			xw_each_member(*p.first, sep, last_word,
				       [&](const std::string &member, const std::string &key) {
				if (std::find(keys.begin(), keys.end(), key) != keys.end())
					return;
				keys.push_back(key);
				auto &slot = counts[key];
				slot.first += p.second;
				if (slot.second.empty())
					slot.second = member;
			});
		}
		for (const auto &c : counts)
			out.emplace_back(c.second.second, c.second.first);
	}
	std::sort(out.begin(), out.end(),
		  [](const std::pair<std::string, size_t> &a, const std::pair<std::string, size_t> &b) {
			  return a.second != b.second ? a.second > b.second : a.first < b.first;
		  });
}

/*
 * The order of hits.  Xapian breaks ties by docid, and docids differ between
 * one database and shards of it (and between builds with several threads),
 * so a unique tie slot makes equal weights come out in the same order
 * everywhere.  One value slot, not a KeyMaker: the remote protocol of 1.4
 * cannot carry KeyMakers.
 */
static void xw_set_order(Xapian::Enquire &enq, const struct xw_search_opts *o)
{
	switch (o->sort) {
	case XW_SORT_RELEVANCE:
		if (o->tie_break)
			enq.set_sort_by_relevance_then_value(o->tie_slot, true);
		else
			enq.set_sort_by_relevance();
		break;
	case XW_SORT_VALUE_ASC:
		enq.set_sort_by_value_then_relevance(o->sort_slot, false);
		break;
	case XW_SORT_VALUE_DESC:
		enq.set_sort_by_value_then_relevance(o->sort_slot, true);
		break;
	}
}

/*
 * Xapian 1.4's matcher calls the match spies a second time, locally, for
 * documents of remote shards that sort below the page in any order but
 * pure relevance (multimatch.cc skips its is_remote check on that path),
 * so facet counts over remote shards come out too high.  Such searches
 * count their facets (and groups) in a pass of their own, ordered by
 * relevance.
 */
static bool xw_spies_twice(const xw_db *db, const struct xw_search_opts *o)
{
	return db->remote && (o->sort != XW_SORT_RELEVANCE || o->tie_break);
}

static bool xw_facets_apart(const xw_db *db, const struct xw_search_opts *o)
{
	return o->n_facets && xw_spies_twice(db, o);
}

/* Seconds on a monotonic clock. */
static double xw_now()
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
		.count();
}

/* ---- exact counting over bitmaps ------------------------------------------ */

/*
 * Members of a packed slot (the people at a meeting, sep-separated), split
 * once per loaded slot: a match then adds its value's count to each member
 * id, with no string work per query.  With last_word, members are keyed by
 * their last word, case-folded ("M Price" and "Price" are one member, shown
 * as the first form met), each value's members distinct.
 */
static void xw_facet_split(xw_facet_slot &fs, char sep, bool last_word)
{
	if (fs.split && fs.split_sep == sep && fs.split_last_word == last_word)
		return;
	std::unordered_map<std::string, uint32_t> index;
	fs.member_at.assign(fs.names.size() + 1, 0);
	fs.members.clear();
	fs.member_names.clear();
	for (size_t id = 1; id < fs.names.size(); id++) {
		size_t first = fs.members.size();
		fs.member_at[id] = (uint32_t)first;
		xw_each_member(fs.names[id], sep, last_word,
			       [&](const std::string &member, const std::string &key) {
			auto r = index.emplace(key, (uint32_t)fs.member_names.size());
			if (r.second)
				fs.member_names.push_back(member);
			if (std::find(fs.members.begin() + (std::ptrdiff_t)first, fs.members.end(),
				      r.first->second) == fs.members.end())
				fs.members.push_back(r.first->second);
		});
	}
	fs.member_at[fs.names.size()] = (uint32_t)fs.members.size();
	fs.member_at[0] = fs.member_at.size() > 1 ? fs.member_at[1] : 0;
	fs.split = true;
	fs.split_sep = sep;
	fs.split_last_word = last_word;
}

/* A docset that frees itself; allocation failure is std::bad_alloc, caught at the boundary. */
struct XwSet {
	struct docset s;
	explicit XwSet(uint32_t last)
	{
		if (docset_init(&s, last, NULL) != CM_OK)
			throw std::bad_alloc();
	}
	~XwSet() { docset_release(&s); }
	XwSet(const XwSet &) = delete;
	XwSet &operator=(const XwSet &) = delete;
};

/* The documents of a docset as a Xapian posting list, to restrict a subquery to them. */
class XwSetSource : public Xapian::PostingSource {
	const struct docset *s;
	size_t n;
	uint32_t cur;
	bool started;
public:
	explicit XwSetSource(const struct docset *s_) : s(s_), n(docset_count(s_)), cur(0), started(false) {}
	Xapian::doccount get_termfreq_min() const override { return (Xapian::doccount)n; }
	Xapian::doccount get_termfreq_est() const override { return (Xapian::doccount)n; }
	Xapian::doccount get_termfreq_max() const override { return (Xapian::doccount)n; }
	void init(const Xapian::Database &) override { cur = 0; started = false; }
	void next(double) override
	{
		cur = docset_next(s, started ? cur + 1 : 1);
		started = true;
	}
	void skip_to(Xapian::docid did, double) override
	{
		if (started && did <= cur)
			return;
		cur = docset_next(s, did);
		started = true;
	}
	bool at_end() const override { return started && cur == UINT32_MAX; }
	Xapian::docid get_docid() const override { return cur; }
};

/* Marks every document the matcher hands over in a docset. */
class XwSetSpy : public Xapian::MatchSpy {
	struct docset *out;
public:
	explicit XwSetSpy(struct docset *o) : out(o) {}
	void operator()(const Xapian::Document &doc, double) override
	{
		docset_add(out, doc.get_docid());
	}
};

/*
 * Terms matching fewer documents than this are read again each time
 * rather than cached: 512 postings read in ~10 us, while a cached bitmap
 * holds lastdocid/8 bytes whatever the term's frequency.
 */
static const Xapian::doccount XW_CACHE_MIN_FREQ = 512;

/*
 * Evaluates a query into the docset of every document it matches,
 * exactly as Xapian's matcher would.  Terms come from their posting lists
 * (cached as bitmaps), AND/OR/NOT and friends are word-wise bitmap
 * operations, ranges over the date slot read the in-memory values; what
 * has no bitmap form (phrases, NEAR, wildcards, anything unknown) is run
 * through Xapian's own matcher, unweighted, restricted to the documents
 * its siblings already allow.
 */
struct XwEval {
	xw_db *db;
	uint32_t last;                   /* highest docid */
	struct docset_cache *cache;      /* may be NULL */
	std::string gen;                 /* cache generation: the handle's facet key */
	double deadline;                 /* xw_now() to give up at, 0 = never */
	bool cut;                        /* a pass stopped at the deadline: counts are low */
	bool ranged;                     /* a value range was evaluated from memory */

	/* out |= (documents q matches) AND ctx; ctx NULL = no restriction. */
	void eval(const Xapian::Query &q, const struct docset *ctx, struct docset *out)
	{
		switch (q.get_type()) {
		case Xapian::Query::LEAF_TERM:
			term(*q.get_terms_begin(), ctx, out);
			return;
		case Xapian::Query::LEAF_MATCH_ALL:
			all(ctx, out);
			return;
		case Xapian::Query::LEAF_MATCH_NOTHING:
			return;
		case Xapian::Query::OP_AND:
		case Xapian::Query::OP_FILTER:
			conj(q, ctx, out);
			return;
		case Xapian::Query::OP_OR:
		case Xapian::Query::OP_SYNONYM:
		case Xapian::Query::OP_MAX:
			for (size_t i = 0; i < q.get_num_subqueries(); i++)
				eval(q.get_subquery(i), ctx, out);
			return;
		case Xapian::Query::OP_AND_MAYBE:
		case Xapian::Query::OP_SCALE_WEIGHT:
			if (q.get_num_subqueries())
				eval(q.get_subquery(0), ctx, out);
			return;
		case Xapian::Query::OP_AND_NOT: {
			if (!q.get_num_subqueries())
				return;
			XwSet left(last);
			eval(q.get_subquery(0), ctx, &left.s);
			for (size_t i = 1; i < q.get_num_subqueries() && !docset_is_empty(&left.s); i++) {
				XwSet neg(last);
				eval(q.get_subquery(i), &left.s, &neg.s);
				docset_andnot(&left.s, &neg.s);
			}
			docset_or(out, &left.s);
			return;
		}
		case Xapian::Query::OP_XOR: {
			XwSet acc(last);
			for (size_t i = 0; i < q.get_num_subqueries(); i++) {
				XwSet one(last);
				eval(q.get_subquery(i), ctx, &one.s);
				docset_xor(&acc.s, &one.s);
			}
			docset_or(out, &acc.s);
			return;
		}
		case Xapian::Query::OP_VALUE_RANGE:
		case Xapian::Query::OP_VALUE_GE:
		case Xapian::Query::OP_VALUE_LE:
			if (range(q, ctx, out))
				return;
			break;
		default:
			break;
		}
		matcher(q, ctx, out);
	}

	/* Rough size of what q matches, to intersect the smallest first; unknown = large. */
	Xapian::doccount estimate(const Xapian::Query &q)
	{
		switch (q.get_type()) {
		case Xapian::Query::LEAF_TERM:
			return db->db.get_termfreq(*q.get_terms_begin());
		case Xapian::Query::LEAF_MATCH_NOTHING:
			return 0;
		case Xapian::Query::OP_VALUE_RANGE:
		case Xapian::Query::OP_VALUE_GE:
		case Xapian::Query::OP_VALUE_LE:
			return last;            /* after the terms: it tests each candidate */
		case Xapian::Query::OP_AND:
		case Xapian::Query::OP_OR:
		case Xapian::Query::OP_FILTER:
		case Xapian::Query::OP_AND_NOT:
		case Xapian::Query::OP_SYNONYM:
		case Xapian::Query::OP_SCALE_WEIGHT:
		case Xapian::Query::OP_AND_MAYBE:
		case Xapian::Query::OP_MAX:
		case Xapian::Query::OP_XOR:
		case Xapian::Query::LEAF_MATCH_ALL:
			return last;
		default:
			return (Xapian::doccount)-1; /* the matcher: last, on the narrowest set */
		}
	}

	void conj(const Xapian::Query &q, const struct docset *ctx, struct docset *out)
	{
		std::vector<std::pair<Xapian::doccount, size_t>> order;
		for (size_t i = 0; i < q.get_num_subqueries(); i++)
			order.emplace_back(estimate(q.get_subquery(i)), i);
		std::stable_sort(order.begin(), order.end());
		if (order.empty())
			return;
		XwSet a(last), b(last);
		struct docset *cur = &a.s, *nxt = &b.s;
		eval(q.get_subquery(order[0].second), ctx, cur);
		for (size_t k = 1; k < order.size() && !docset_is_empty(cur); k++) {
			std::memset(nxt->w, 0, nxt->nw * sizeof *nxt->w);
			eval(q.get_subquery(order[k].second), cur, nxt);
			std::swap(cur, nxt);
		}
		docset_or(out, cur);
	}

	/* A cached bitmap of key, built by fill on a miss; NULL when it cannot be cached. */
	template <typename Fill>
	struct docset_ref *cached(const std::string &key, Fill fill)
	{
		struct docset_ref *r = docset_cache_find(cache, gen.c_str(), key.data(), key.size());
		if (r)
			return r;
		XwSet full(last);
		fill(&full.s);
		return docset_cache_add(cache, gen.c_str(), key.data(), key.size(), &full.s);
	}

	void postings(const std::string &t, const struct docset *ctx, struct docset *out)
	{
		Xapian::PostingIterator end = db->db.postlist_end(t);
		for (Xapian::PostingIterator p = db->db.postlist_begin(t); p != end; ++p) {
			Xapian::docid d = *p;
			if (!ctx || docset_has(ctx, d))
				docset_add(out, d);
		}
	}

	void term(const std::string &t, const struct docset *ctx, struct docset *out)
	{
		Xapian::doccount tf = db->db.get_termfreq(t);
		if (!tf)
			return;
		if (cache && tf >= XW_CACHE_MIN_FREQ) {
			struct docset_ref *r = cached("t" + t, [&](struct docset *full) {
				postings(t, NULL, full);
			});
			if (r) {
				docset_or_masked(out, docset_ref_set(r), ctx);
				docset_ref_drop(cache, r);
				return;
			}
		}
		postings(t, ctx, out);
	}

	void all(const struct docset *ctx, struct docset *out)
	{
		if (ctx) {
			/* Every document matches: what the context allows. */
			docset_or(out, ctx);
			return;
		}
		auto fill = [&](struct docset *full) {
			Xapian::PostingIterator end = db->db.postlist_end(std::string());
			for (Xapian::PostingIterator p = db->db.postlist_begin(std::string()); p != end; ++p)
				docset_add(full, *p);
		};
		if (cache) {
			struct docset_ref *r = cached("a", fill);
			if (r) {
				docset_or(out, docset_ref_set(r));
				docset_ref_drop(cache, r);
				return;
			}
		}
		fill(out);
	}

	/*
	 * A value range on a slot held in memory.  Xapian 1.4 has no accessors
	 * for a range's slot and bounds, so they are read back from its
	 * description ("VALUE_RANGE 0 20190101 20191231"); a bound with a space
	 * in it cannot be read that way and goes to the matcher instead.
	 */
	bool range(const Xapian::Query &q, const struct docset *ctx, struct docset *out)
	{
		std::string d = q.get_description();
		if (d.compare(0, 6, "Query(") != 0 || d.empty() || d.back() != ')')
			return false;
		d = d.substr(6, d.size() - 7);
		std::vector<std::string> tok;
		size_t start = 0;
		while (start <= d.size()) {
			size_t sp = d.find(' ', start);
			if (sp == std::string::npos)
				sp = d.size();
			tok.push_back(d.substr(start, sp - start));
			start = sp + 1;
		}
		Xapian::Query::op op = q.get_type();
		size_t want = op == Xapian::Query::OP_VALUE_RANGE ? 4 : 3;
		const char *name = op == Xapian::Query::OP_VALUE_RANGE ? "VALUE_RANGE"
				   : op == Xapian::Query::OP_VALUE_GE  ? "VALUE_GE" : "VALUE_LE";
		if (tok.size() != want || tok[0] != name || tok[1].empty() ||
		    tok[1].find_first_not_of("0123456789") != std::string::npos)
			return false;
		unsigned slot = (unsigned)std::strtoul(tok[1].c_str(), NULL, 10);
		std::string lo, hi;
		bool has_lo = op != Xapian::Query::OP_VALUE_LE, has_hi = op != Xapian::Query::OP_VALUE_GE;
		if (has_lo)
			lo = tok[2];
		if (has_hi)
			hi = tok[want - 1];
		const xw_facet_slot &fs = xw_facet_load(db, slot);
		ranged = true;
		std::vector<char> in(fs.names.size(), 0);
		for (size_t id = 1; id < fs.names.size(); id++)
			in[id] = (!has_lo || fs.names[id] >= lo) && (!has_hi || fs.names[id] <= hi);
		const uint32_t *ids = fs.ids.data();
		size_t n = fs.ids.size();
		if (ctx) {
			for (uint32_t did = docset_next(ctx, 0); did != UINT32_MAX; did = docset_next(ctx, did + 1))
				if (did < n && in[ids[did]])
					docset_add(out, did);
		} else {
			for (uint32_t did = 1; did < n; did++)
				if (in[ids[did]])
					docset_add(out, did);
		}
		return true;
	}

	/* Xapian's own matcher, unweighted, over the documents ctx allows. */
	void matcher(const Xapian::Query &q, const struct docset *ctx, struct docset *out)
	{
		Xapian::Enquire enq(db->db);
		std::unique_ptr<XwSetSource> src;
		if (ctx) {
			src.reset(new XwSetSource(ctx));
			enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(src.get())));
		} else {
			enq.set_query(q);
		}
		enq.set_weighting_scheme(Xapian::BoolWeight());
		enq.set_docid_order(Xapian::Enquire::ASCENDING);
		XwSetSpy spy(out);
		enq.add_matchspy(&spy);
		if (deadline > 0) {
			double left = deadline - xw_now();
			if (left <= 0) {
				cut = true;
				return;
			}
			enq.set_time_limit(left);
		}
		Xapian::MSet ms = enq.get_mset(0, 0, std::max<Xapian::doccount>(db->db.get_doccount(), 1));
		enq.clear_matchspies();
		if (ms.get_matches_lower_bound() != ms.get_matches_upper_bound() ||
		    (deadline > 0 && xw_now() > deadline))
			cut = true;
	}
};

/* The runs of the slots o asks for (see xw_facet_runs), built on first use. */
static const xw_facet_runs &xw_facet_runs_load(xw_db *db, const struct xw_search_opts *o,
					       const std::vector<xw_facet_slot *> &fs)
{
	std::vector<unsigned> slots(o->facet_slots, o->facet_slots + o->n_facets);
	auto found = db->fc.runs.find(slots);
	if (found != db->fc.runs.end())
		return found->second;
	size_t nf = fs.size(), n = (size_t)-1;
	for (size_t i = 0; i < nf; i++)
		n = std::min(n, fs[i]->ids.size());
	xw_facet_runs r;
	r.run.assign(n, 0);
	r.n_runs = 0;
	for (size_t did = 0; did < n; did++) {
		bool same = did > 0;
		for (size_t i = 0; same && i < nf; i++)
			same = fs[i]->ids[did] == fs[i]->ids[did - 1];
		if (!same) {
			for (size_t i = 0; i < nf; i++)
				r.ids.push_back(fs[i]->ids[did]);
			r.n_runs++;
		}
		r.run[did] = (uint32_t)(r.n_runs - 1);
	}
	return db->fc.runs.emplace(slots, std::move(r)).first->second;
}

/* Facet counts of the documents in set, into m->facets. */
static void xw_count_facets(xw_db *db, const struct docset *set, const struct xw_search_opts *o,
			    xw_mset *m)
{
	size_t nf = o->n_facets;
	std::vector<xw_facet_slot *> fs(nf);
	std::vector<std::vector<uint32_t>> counts(nf);

	for (size_t i = 0; i < nf; i++) {
		fs[i] = const_cast<xw_facet_slot *>(&xw_facet_load(db, o->facet_slots[i]));
		counts[i].assign(fs[i]->names.size(), 0);
	}
	const xw_facet_runs &runs = xw_facet_runs_load(db, o, fs);
	std::vector<uint32_t> per_run(runs.n_runs, 0);
	const uint32_t *run = runs.run.data();
	size_t n = runs.run.size();
	for (size_t wi = 0; wi < set->nw; wi++) {
		uint64_t w = set->w[wi];
		while (w) {
			size_t did = (wi << 6) + (size_t)__builtin_ctzll(w);
			w &= w - 1;
			if (did < n)
				++per_run[run[did]];
		}
	}
	for (size_t r = 0; r < runs.n_runs; r++)
		if (per_run[r])
			for (size_t i = 0; i < nf; i++)
				counts[i][runs.ids[r * nf + i]] += per_run[r];
	m->n_facets = nf;
	m->facets.assign(nf, {});
	for (size_t i = 0; i < nf; i++) {
		std::vector<std::pair<std::string, size_t>> &out = m->facets[i];
		if (!o->facet_sep[i]) {
			for (size_t id = 1; id < counts[i].size(); id++)
				if (counts[i][id])
					out.emplace_back(fs[i]->names[id], counts[i][id]);
		} else {
			xw_facet_split(*fs[i], o->facet_sep[i], o->facet_last_word[i]);
			std::vector<size_t> mc(fs[i]->member_names.size(), 0);
			const uint32_t *at = fs[i]->member_at.data(), *mem = fs[i]->members.data();
			for (size_t id = 1; id < counts[i].size(); id++)
				if (counts[i][id])
					for (uint32_t k = at[id]; k < at[id + 1]; k++)
						mc[mem[k]] += counts[i][id];
			for (size_t mid = 0; mid < mc.size(); mid++)
				if (mc[mid])
					out.emplace_back(fs[i]->member_names[mid], mc[mid]);
		}
		std::sort(out.begin(), out.end(),
			  [](const std::pair<std::string, size_t> &a, const std::pair<std::string, size_t> &b) {
				  return a.second != b.second ? a.second > b.second : a.first < b.first;
			  });
	}
}

/*
 * With collapsing: the number of collapsed results (distinct keys, plus
 * every document without one) and, per hit of the page, how many other
 * matches share its key.
 */
static void xw_count_collapsed(xw_db *db, const struct docset *set, unsigned slot, xw_mset *m)
{
	const xw_facet_slot &fs = xw_facet_load(db, slot);
	std::vector<uint32_t> per(fs.names.size(), 0);
	size_t n = fs.ids.size(), keyless = 0, keys = 0;

	for (uint32_t did = docset_next(set, 0); did != UINT32_MAX; did = docset_next(set, did + 1)) {
		uint32_t id = did < n ? fs.ids[did] : 0;
		if (!id)
			keyless++;
		else if (per[id]++ == 0)
			keys++;
	}
	m->total = keys + keyless;
	m->collapsed.assign(m->page.size(), 0);
	for (size_t i = 0; i < m->page.size(); i++) {
		Xapian::docid did = *m->ms[m->page[i]];
		uint32_t id = did < n ? fs.ids[did] : 0;
		m->collapsed[i] = id && per[id] > 1 ? per[id] - 1 : 0;
	}
}

/*
 * Each document's place in the order of slot's values (0 = no value or the
 * lowest), loaded once per revision: sorting by it is sorting by the slot,
 * but a sort key is then an array read instead of a value-stream read
 * (~0.4 us each, and Xapian reads one for every match that ties with the
 * page, which for templated items such as "Apologies" is thousands).
 */
static const std::vector<uint32_t> &xw_rank_load(xw_db *db, unsigned slot)
{
	auto found = db->fc.ranks.find(slot);
	if (found != db->fc.ranks.end())
		return found->second;
	std::vector<std::pair<std::string, Xapian::docid>> vals;
	for (Xapian::ValueIterator it = db->db.valuestream_begin(slot);
	     it != db->db.valuestream_end(slot); ++it)
		vals.emplace_back(*it, it.get_docid());
	std::sort(vals.begin(), vals.end());
	std::vector<uint32_t> rank((size_t)db->db.get_lastdocid() + 1, 0);
	uint32_t r = 0;
	for (size_t i = 0; i < vals.size(); i++) {
		if (i == 0 || vals[i].first != vals[i - 1].first)
			r++;
		if (vals[i].second < rank.size())
			rank[vals[i].second] = r;
	}
	return db->fc.ranks.emplace(slot, std::move(rank)).first->second;
}

/* A sort key from xw_rank_load(): four big-endian bytes, so byte order is rank order. */
class XwRankKey : public Xapian::KeyMaker {
	const std::vector<uint32_t> &rank;
public:
	explicit XwRankKey(const std::vector<uint32_t> &r) : rank(r) {}
	std::string operator()(const Xapian::Document &doc) const override
	{
		Xapian::docid did = doc.get_docid();
		uint32_t v = did < rank.size() ? rank[did] : 0;
		char k[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v };
		return std::string(k, 4);
	}
};

/*
 * The page of a search ordered by a slot unique per document (date order:
 * SLOT_ORDER), straight from the bitmap: the offset + limit matches of
 * highest (or lowest) rank, then Xapian weighs just those for the page.
 * Xapian itself would weigh and key every match to sort them.  The page is
 * left in m->page (empty for an empty page) with m->ms holding its hits.
 */
static void xw_page_by_rank(xw_db *db, const xw_query *q, const struct xw_search_opts *o,
			    const struct docset *set, xw_mset *m)
{
	const std::vector<uint32_t> &rank = xw_rank_load(db, o->sort_slot);
	bool desc = o->sort == XW_SORT_VALUE_DESC;
	size_t need = o->offset + o->limit;
	/* Best first: higher rank first when descending (and ties, which a unique slot has not, by docid). */
	auto better = [&](const std::pair<uint32_t, uint32_t> &a, const std::pair<uint32_t, uint32_t> &b) {
		if (a.first != b.first)
			return desc ? a.first > b.first : a.first < b.first;
		return a.second < b.second;
	};
	std::vector<std::pair<uint32_t, uint32_t>> heap;   /* (rank, docid), worst on top */
	m->page.clear();
	m->ms = Xapian::MSet();
	if (!need)
		return;
	for (uint32_t did = docset_next(set, 0); did != UINT32_MAX; did = docset_next(set, did + 1)) {
		std::pair<uint32_t, uint32_t> e(did < rank.size() ? rank[did] : 0, did);
		if (heap.size() < need) {
			heap.push_back(e);
			std::push_heap(heap.begin(), heap.end(), better);
		} else if (better(e, heap.front())) {
			std::pop_heap(heap.begin(), heap.end(), better);
			heap.back() = e;
			std::push_heap(heap.begin(), heap.end(), better);
		}
	}
	std::sort(heap.begin(), heap.end(), better);
	if (heap.size() <= o->offset)
		return;
	XwSet pageset(db->db.get_lastdocid());
	for (size_t i = o->offset; i < heap.size(); i++)
		docset_add(&pageset.s, heap[i].second);
	XwSetSource src(&pageset.s);
	m->enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q->q, Xapian::Query(&src)));
	m->enq.set_sort_by_relevance();
	m->ms = m->enq.get_mset(0, (Xapian::doccount)(heap.size() - o->offset), (Xapian::doccount)0);
	std::unordered_map<Xapian::docid, Xapian::doccount> at;
	for (Xapian::doccount i = 0; i < m->ms.size(); i++)
		at[*m->ms[i]] = i;
	for (size_t i = o->offset; i < heap.size(); i++) {
		auto f = at.find(heap[i].second);
		if (f != at.end())
			m->page.push_back(f->second);
	}
}

/*
 * The bitmap path (a read handle of one local database, facets asked
 * for): the exact matching set as a bitmap gives the total, the facets
 * and the collapse counts; Xapian then only ranks the page, and may stop
 * early because nothing needs every match any more.
 */
static void xw_search_counted(xw_db *db, const xw_query *q, const struct xw_search_opts *o,
			      struct docset_cache *cache, const std::string &gen, xw_mset *m)
{
	XwEval ev;
	ev.db = db;
	ev.last = db->db.get_lastdocid();
	ev.cache = cache;
	ev.gen = gen;
	ev.deadline = o->time_limit > 0 ? xw_now() + o->time_limit : 0;
	ev.cut = false;
	ev.ranged = false;
	XwSet set(ev.last);
	ev.eval(q->q, NULL, &set.s);

	/*
	 * With a value range, rank over the exact set: Xapian then drives the
	 * match from it instead of scanning the date slot of every document
	 * (measured 12 ms -> 6 ms on 250,000 items).  A filter adds no weight,
	 * so the weights are those of the query alone.  Without ranges it
	 * costs more than it saves (each posting meets a virtual skip_to, and
	 * phrases lose the matcher's lazy position checks: measured 2-3x).
	 */
	XwSetSource src(&set.s);
	m->enq = Xapian::Enquire(db->db);
	if (ev.ranged)
		m->enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q->q, Xapian::Query(&src)));
	else
		m->enq.set_query(q->q);
	if (o->collapse_slot >= 0)
		m->enq.set_collapse_key((Xapian::valueno)o->collapse_slot, 1);
	/* Orders on the tie slot (unique per document) read it from memory; see xw_rank_load. */
	std::unique_ptr<XwRankKey> key;
	bool paged = false;
	if (o->sort != XW_SORT_RELEVANCE && o->tie_break && o->sort_slot == o->tie_slot &&
	    o->collapse_slot < 0) {
		xw_page_by_rank(db, q, o, &set.s, m);
		paged = true;
	} else if (o->sort == XW_SORT_RELEVANCE && o->tie_break) {
		key.reset(new XwRankKey(xw_rank_load(db, o->tie_slot)));
		m->enq.set_sort_by_relevance_then_key(key.get(), true);
	} else if (o->sort != XW_SORT_RELEVANCE && o->tie_break && o->sort_slot == o->tie_slot) {
		key.reset(new XwRankKey(xw_rank_load(db, o->sort_slot)));
		m->enq.set_sort_by_key_then_relevance(key.get(), o->sort == XW_SORT_VALUE_DESC);
	} else {
		xw_set_order(m->enq, o);
	}
	if (!paged) {
		m->ms = m->enq.get_mset((Xapian::doccount)o->offset, (Xapian::doccount)o->limit,
					(Xapian::doccount)0);
		for (Xapian::doccount i = 0; i < m->ms.size(); i++)
			m->page.push_back(i);
	}
	xw_count_facets(db, &set.s, o, m);
	m->total = docset_count(&set.s);
	if (o->collapse_slot >= 0)
		xw_count_collapsed(db, &set.s, (unsigned)o->collapse_slot, m);
	m->counted = true;
	m->facets_exact = !ev.cut;
	m->fast_facets = true;
}

static void xw_search_once(xw_db *db, const xw_query *q, const struct xw_search_opts *o,
			   xw_mset *m)
{
	/*
	 * The bitmap path when this handle allows in-memory arrays (see
	 * xw_facet_key) and at most one hit is kept per collapse key; else
	 * Xapian's matcher and spies.
	 */
	if (o->n_facets && !o->slow_facets && o->collapse_max <= 1) {
		std::string key = xw_facet_key(db);
		if (key != db->fc.key) {
			db->fc.slots.clear();
			db->fc.runs.clear();
			db->fc.ranks.clear();
			db->fc.key = key;
		}
		if (!key.empty()) {
			xw_search_counted(db, q, o, o->cache, key, m);
			return;
		}
	}
	m->enq = Xapian::Enquire(db->db);
	m->enq.set_query(q->q);
	if (o->collapse_slot >= 0)
		m->enq.set_collapse_key((Xapian::valueno)o->collapse_slot,
					o->collapse_max ? (Xapian::doccount)o->collapse_max : 1);

	std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
	for (size_t i = 0; i < o->n_facets; i++) {
		spies.emplace_back(new Xapian::ValueCountMatchSpy(o->facet_slots[i]));
		m->enq.add_matchspy(spies.back().get());
	}
	if (o->time_limit > 0)
		m->enq.set_time_limit(o->time_limit);
	Xapian::doccount check = (Xapian::doccount)std::max(o->check_at_least, o->offset + o->limit);
	/*
	 * Collapsed totals: Xapian 1.4 makes them exact only when the query's
	 * upper bound is (a single term); for anything else, a stemmed word's
	 * synonyms included, it scales an estimate that also differs between
	 * one database and shards.  When counting goes past the page, a spy
	 * on the collapse slot sees every match (it runs before collapsing),
	 * and its distinct values are the exact number of groups.
	 */
	std::unique_ptr<Xapian::ValueCountMatchSpy> gspy;
	if (o->collapse_slot >= 0 && check > o->offset + o->limit) {
		gspy.reset(new Xapian::ValueCountMatchSpy((Xapian::valueno)o->collapse_slot));
		m->enq.add_matchspy(gspy.get());
	}
	double t0 = xw_now();
	if (xw_facets_apart(db, o) || (gspy && xw_spies_twice(db, o))) {
		(void)m->enq.get_mset(0, 0, check);   /* relevance order: counted once */
		m->enq.clear_matchspies();
	}
	xw_set_order(m->enq, o);
	m->ms = m->enq.get_mset((Xapian::doccount)o->offset, (Xapian::doccount)o->limit, check);
	m->enq.clear_matchspies();
	if (gspy) {
		/* Fewer than check seen: the match ran out, unless the time limit cut it. */
		Xapian::doccount seen = gspy->get_total(), keyed = 0;
		bool timed = o->time_limit > 0 && xw_now() - t0 >= o->time_limit * 0.9;
		m->groups = 0;
		for (Xapian::TermIterator it = gspy->values_begin(); it != gspy->values_end(); ++it) {
			m->groups++;
			keyed += it.get_termfreq();
		}
		m->groups += seen > keyed ? seen - keyed : 0;
		m->groups_exact = seen < check && !timed;
	}
	m->n_facets = o->n_facets;
	m->facets.assign(o->n_facets, {});
	Xapian::doccount seen = 0;
	for (size_t i = 0; i < o->n_facets; i++) {
		std::vector<std::pair<const std::string *, size_t>> raw;
		std::vector<std::string> vals;   /* the spy's values, kept alive for raw */
		std::vector<size_t> freqs;
		for (Xapian::TermIterator it = spies[i]->values_begin(); it != spies[i]->values_end();
		     ++it) {
			vals.push_back(*it);
			freqs.push_back(it.get_termfreq());
		}
		for (size_t k = 0; k < vals.size(); k++)
			raw.emplace_back(&vals[k], freqs[k]);
		seen = spies[0]->get_total();
		xw_facet_finish(raw, o->facet_sep[i], o->facet_last_word[i], m->facets[i]);
	}
	/*
	 * Spies see every candidate the matcher examined; when the bounds
	 * agree every match was examined, so the counts are exact.
	 */
	m->facets_exact = (m->groups_exact ||
			   m->ms.get_matches_lower_bound() == m->ms.get_matches_upper_bound()) &&
			  (o->n_facets == 0 || seen >= m->ms.get_matches_lower_bound());
	m->fast_facets = false;
}

/*
 * Xapian 1.4 loses the collapse counts of hits from remote shards (each
 * shard collapses its own matches, and the merge keeps one item per key
 * without their counts).  Count them again in one more pass: the matches
 * sharing a collapse value with a hit on the page, by a spy on that slot.
 */
static void xw_remote_collapse_counts(xw_db *db, const xw_query *q,
				      const struct xw_search_opts *o, xw_mset *m)
{
	if (!db->remote || o->collapse_slot < 0 || o->collapse_max > 1 || m->ms.empty())
		return;
	Xapian::valueno slot = (Xapian::valueno)o->collapse_slot;
	std::vector<std::string> keys;
	std::vector<Xapian::Query> ranges;
	for (Xapian::MSetIterator it = m->ms.begin(); it != m->ms.end(); ++it) {
		keys.push_back(it.get_collapse_key());
		if (!keys.back().empty())
			ranges.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot, keys.back(), keys.back());
	}
	if (ranges.empty())
		return;
	Xapian::Enquire enq(db->db);
	enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q->q,
				    Xapian::Query(Xapian::Query::OP_OR, ranges.begin(), ranges.end())));
	Xapian::ValueCountMatchSpy spy(slot);
	enq.add_matchspy(&spy);
	(void)enq.get_mset(0, 0, std::max<Xapian::doccount>(db->db.get_doccount(), 1));
	std::unordered_map<std::string, size_t> count;
	for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it)
		count[*it] = it.get_termfreq();
	m->collapsed.assign(keys.size(), 0);
	for (size_t i = 0; i < keys.size(); i++)
		m->collapsed[i] = count[keys[i]] > 1 ? count[keys[i]] - 1 : 0;
}

int xw_search(struct xw_db *db, const struct xw_query *q, const struct xw_search_opts *opts,
	      struct xw_mset **out, struct cm_err *err)
{
	*out = NULL;
	if (opts->n_facets > XW_MAX_FACETS)
		return cm_err_set(err, CM_EINVAL, "search: too many facets");
	xw_mset *m = NULL;
	try {
		m = new xw_mset(db->db);
		xw_read(db->db, [&]() {
			*m = xw_mset(db->db);   /* a retry starts from nothing: no page twice */
			m->db = db;
			xw_search_once(db, q, opts, m);
		});
		xw_read(db->db, [&]() { xw_remote_collapse_counts(db, q, opts, m); });
	} catch (...) {
		delete m;
		return xw_fail(err, "search");
	}
	*out = m;
	return CM_OK;
}

void xw_mset_free(struct xw_mset *ms)
{
	delete ms;
}

/* ---- results ------------------------------------------------------------ */

/* Hit i of the page: the bitmap path fetches more than the page and picks from it. */
static Xapian::MSetIterator xw_hit(const struct xw_mset *ms, size_t i)
{
	return ms->ms[ms->page.empty() ? (Xapian::doccount)i : ms->page[i]];
}

size_t xw_mset_size(const struct xw_mset *ms)
{
	return ms->counted ? ms->page.size() : ms->ms.size();
}

size_t xw_mset_estimated(const struct xw_mset *ms)
{
	if (ms->counted)
		return ms->total;
	return ms->groups_exact ? ms->groups : ms->ms.get_matches_estimated();
}

size_t xw_mset_lower_bound(const struct xw_mset *ms)
{
	if (ms->counted)
		return ms->total;
	return ms->groups_exact ? ms->groups : ms->ms.get_matches_lower_bound();
}

size_t xw_mset_upper_bound(const struct xw_mset *ms)
{
	if (ms->counted)
		return ms->total;
	return ms->groups_exact ? ms->groups : ms->ms.get_matches_upper_bound();
}

bool xw_mset_is_exact(const struct xw_mset *ms)
{
	if (ms->counted)
		return ms->facets_exact;
	return ms->groups_exact ||
	       ms->ms.get_matches_lower_bound() == ms->ms.get_matches_upper_bound();
}

bool xw_mset_facets_exact(const struct xw_mset *ms) { return ms->facets_exact; }
bool xw_mset_facets_fast(const struct xw_mset *ms) { return ms->fast_facets; }

unsigned xw_mset_docid(const struct xw_mset *ms, size_t i)
{
	return *xw_hit(ms, i);
}

double xw_mset_weight(const struct xw_mset *ms, size_t i)
{
	return xw_hit(ms, i).get_weight();
}

int xw_mset_percent(const struct xw_mset *ms, size_t i)
{
	return xw_hit(ms, i).get_percent();
}

size_t xw_mset_collapse_count(const struct xw_mset *ms, size_t i)
{
	if (i < ms->collapsed.size())
		return ms->collapsed[i];
	return xw_hit(ms, i).get_collapse_count();
}

int xw_mset_data(const struct xw_mset *ms, size_t i, struct sbuf *out, struct cm_err *err)
{
	try {
		std::string d = xw_read(ms->db->db, [&]() { return xw_data_of(xw_hit(ms, i).get_document()); });
		sbuf_add(out, d.data(), d.size());
	} catch (...) {
		return xw_fail(err, "document data");
	}
	return CM_OK;
}

int xw_mset_value(const struct xw_mset *ms, size_t i, unsigned slot, struct sbuf *out,
		  struct cm_err *err)
{
	try {
		std::string v = xw_read(ms->db->db, [&]() {
			return xw_hit(ms, i).get_document().get_value(slot);
		});
		sbuf_add(out, v.data(), v.size());
	} catch (...) {
		return xw_fail(err, "document value");
	}
	return CM_OK;
}

int xw_mset_each_facet(const struct xw_mset *ms, size_t facet, xw_each_fn fn, void *ctx,
		       struct cm_err *err)
{
	if (facet >= ms->n_facets)
		return cm_err_set(err, CM_EINVAL, "facet %zu was not counted", facet);
	for (const auto &p : ms->facets[facet])
		if (fn(ctx, p.first.data(), p.first.size(), (unsigned)p.second))
			break;
	return CM_OK;
}

int xw_mset_snippet(const struct xw_mset *ms, const char *text, size_t len, size_t length,
		    const char *hi_start, const char *hi_end, const char *omit,
		    struct sbuf *out, struct cm_err *err)
{
	try {
		/*
		 * No background model: it asks the database for the frequency of
		 * every distinct word of the text, which measured ~3 ms of a 5 ms
		 * search for a page of ten on 250,000 items (and, over remote
		 * shards, a round trip per word).  Snippets are placed by the
		 * query's own terms, which is what a reader looks for.
		 */
		unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
		std::string s = xw_read(ms->db->db, [&]() {
			return ms->ms.snippet(std::string(text, len), length, Xapian::Stem("english"),
					      flags, hi_start, hi_end, omit);
		});
		sbuf_add(out, s.data(), s.size());
	} catch (...) {
		return xw_fail(err, "snippet");
	}
	return CM_OK;
}

int xw_db_doc_data(struct xw_db *db, unsigned docid, struct sbuf *out, struct cm_err *err)
{
	try {
		std::string d = xw_read(db->db, [&]() { return xw_data_of(db->db.get_document(docid)); });
		sbuf_add(out, d.data(), d.size());
	} catch (const Xapian::DocNotFoundError &) {
		return cm_err_set(err, CM_ENOTFOUND, "document %u not found", docid);
	} catch (...) {
		return xw_fail(err, "document");
	}
	return CM_OK;
}

int xw_db_doc_value(struct xw_db *db, unsigned docid, unsigned slot, struct sbuf *out,
		    struct cm_err *err)
{
	try {
		std::string v = xw_read(db->db, [&]() { return db->db.get_document(docid).get_value(slot); });
		sbuf_add(out, v.data(), v.size());
	} catch (const Xapian::DocNotFoundError &) {
		return cm_err_set(err, CM_ENOTFOUND, "document %u not found", docid);
	} catch (...) {
		return xw_fail(err, "document");
	}
	return CM_OK;
}

int xw_db_find_term(struct xw_db *db, const char *term, unsigned *docid, struct cm_err *err)
{
	*docid = 0;
	try {
		*docid = xw_read(db->db, [&]() -> Xapian::docid {
			Xapian::PostingIterator it = db->db.postlist_begin(term);
			return it == db->db.postlist_end(term) ? 0 : *it;
		});
		if (!*docid)
			return cm_err_set(err, CM_ENOTFOUND, "no document with term %s", term);
	} catch (...) {
		return xw_fail(err, term);
	}
	return CM_OK;
}

unsigned xw_db_spelling_freq(struct xw_db *db, const char *word, struct cm_err *err)
{
	try {
		/* No direct call in 1.4: skip to the word in the spelling list. */
		return xw_read(db->db, [&]() -> unsigned {
			Xapian::TermIterator it = db->db.spellings_begin();
			it.skip_to(word);
			if (it != db->db.spellings_end() && *it == word)
				return it.get_termfreq();
			return 0;
		});
	} catch (...) {
		xw_fail(err, word);
		return 0;
	}
}

int xw_db_spelling(struct xw_db *db, const char *word, struct sbuf *out, struct cm_err *err)
{
	try {
		std::string s = xw_read(db->db, [&]() { return db->db.get_spelling_suggestion(word); });
		sbuf_add(out, s.data(), s.size());
	} catch (...) {
		return xw_fail(err, word);
	}
	return CM_OK;
}

/* ---- whole-set passes (research) ---------------------------------------- */

/*
 * The match spy behind xw_each_match: the matcher hands it every matching
 * document (lazily loaded: only the slots read are fetched, from the value
 * streams, as ValueCountMatchSpy does).  Not serialisable, so it cannot run
 * on a remote shard; the C callback cannot throw.
 */
class XwEachSpy : public Xapian::MatchSpy {
	const struct xw_each_opts *o;
	xw_match_fn fn;
	void *ctx;
	Xapian::docid &done;
	bool stopped;
public:
	size_t seen;
	/* done: the last docid handed to fn, by an earlier try too (matches come in docid order) */
	XwEachSpy(const struct xw_each_opts *o_, xw_match_fn fn_, void *ctx_, Xapian::docid &done_)
		: o(o_), fn(fn_), ctx(ctx_), done(done_), stopped(false), seen(0) {}
	void operator()(const Xapian::Document &doc, double) override
	{
		seen++;
		if (stopped || !fn || doc.get_docid() <= done)
			return;
		struct xw_match_doc d;
		std::string vals[XW_MAX_EACH_SLOTS], data;
		std::memset(&d, 0, sizeof d);
		d.docid = doc.get_docid();
		done = d.docid;
		for (size_t i = 0; i < o->n_slots; i++) {
			vals[i] = doc.get_value(o->slots[i]);
			d.vals[i] = vals[i].c_str();
			d.lens[i] = vals[i].size();
		}
		if (o->data) {
			data = xw_data_of(doc);
			d.data = data.data();
			d.data_len = data.size();
		}
		if (fn(ctx, &d)) {
			stopped = true;
			done = (Xapian::docid)-1;    /* a retry calls fn no more */
		}
	}
};

static size_t xw_each_once(xw_db *db, const xw_query *q, const struct xw_each_opts *o,
			   xw_match_fn fn, void *ctx, Xapian::docid &done)
{
	Xapian::Enquire enq(db->db);
	XwEachSpy spy(o, fn, ctx, done);

	enq.set_query(q->q);
	/* No ranking: every match weighs the same and the matcher skips scoring. */
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_docid_order(Xapian::Enquire::ASCENDING);
	enq.add_matchspy(&spy);
	Xapian::doccount all = std::max<Xapian::doccount>(db->db.get_doccount(), 1);
	Xapian::MSet ms = enq.get_mset(0, 0, all);
	enq.clear_matchspies();
	return spy.seen;
}

int xw_each_match(struct xw_db *db, const struct xw_query *q, const struct xw_each_opts *opts,
		  xw_match_fn fn, void *ctx, size_t *count, struct cm_err *err)
{
	static const struct xw_each_opts none = { { 0 }, 0, false };
	size_t n = 0;
	Xapian::docid done = 0;              /* a retry resumes after it: fn sees no match twice */

	if (!opts)
		opts = &none;
	if (opts->n_slots > XW_MAX_EACH_SLOTS)
		return cm_err_set(err, CM_EINVAL, "each match: too many slots");
	try {
		n = xw_read(db->db, [&]() { return xw_each_once(db, q, opts, fn, ctx, done); });
	} catch (...) {
		return xw_fail(err, "each match");
	}
	if (count)
		*count = n;
	return CM_OK;
}

static size_t xw_count_once(xw_db *db, const xw_query *q)
{
	Xapian::Enquire enq(db->db);

	enq.set_query(q->q);
	enq.set_weighting_scheme(Xapian::BoolWeight());
	Xapian::doccount all = std::max<Xapian::doccount>(db->db.get_doccount(), 1);
	Xapian::MSet ms = enq.get_mset(0, 0, all);
	return ms.get_matches_estimated();
}

int xw_count(struct xw_db *db, const struct xw_query *q, size_t *count, struct cm_err *err)
{
	*count = 0;
	try {
		*count = xw_read(db->db, [&]() { return xw_count_once(db, q); });
	} catch (...) {
		return xw_fail(err, "count");
	}
	return CM_OK;
}

/*
 * Walk docid's term list from the first term >= from, stopping at the first
 * term not starting with prefix (when prefix is non-empty) or when fn asks.
 */
static int xw_doc_terms_walk(struct xw_db *db, unsigned docid, const char *from,
			     const char *prefix, xw_each_fn fn, void *ctx, struct cm_err *err)
{
	size_t plen = prefix ? std::strlen(prefix) : 0;

	try {
		xw_read_terms(db->db, [&]() {
				      Xapian::TermIterator it = db->db.termlist_begin(docid);
				      if (from && *from)
					      it.skip_to(from);
				      return it;
			      },
			      [&]() { return db->db.termlist_end(docid); },
			      [&](Xapian::TermIterator &it) {
				      const std::string &t = *it;
				      if (plen && t.compare(0, plen, prefix) != 0)
					      return true;
				      return fn(ctx, t.data(), t.size(), it.get_wdf()) != 0;
			      });
	} catch (const Xapian::DocNotFoundError &) {
		return cm_err_set(err, CM_ENOTFOUND, "document %u not found", docid);
	} catch (...) {
		return xw_fail(err, "document terms");
	}
	return CM_OK;
}

int xw_db_doc_terms(struct xw_db *db, unsigned docid, const char *prefix, xw_each_fn fn,
		    void *ctx, struct cm_err *err)
{
	return xw_doc_terms_walk(db, docid, prefix, prefix, fn, ctx, err);
}

int xw_db_doc_terms_from(struct xw_db *db, unsigned docid, const char *from, xw_each_fn fn,
			 void *ctx, struct cm_err *err)
{
	return xw_doc_terms_walk(db, docid, from, NULL, fn, ctx, err);
}

/* The C keep predicate plus "not a term of the query" as an ExpandDecider. */
class XwKeep : public Xapian::ExpandDecider {
	xw_keep_fn keep;
	void *ctx;
	std::vector<std::string> skip;
	Xapian::Stem stem;
public:
	XwKeep(xw_keep_fn k, void *c, const Xapian::Query &q) : keep(k), ctx(c), stem("english")
	{
		for (Xapian::TermIterator t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
			skip.push_back(*t);
	}
	bool operator()(const std::string &term) const override
	{
		/* The query's words stemmed ("Zsafeguard") stand for their unstemmed forms too. */
		std::string z = "Z" + stem(term);
		for (const auto &s : skip)
			if (s == term || s == z)
				return false;
		return !keep || keep(ctx, term.data(), term.size());
	}
};

static void xw_eset_once(xw_db *db, const xw_query *q, size_t rset_size, size_t max_terms,
			 xw_keep_fn keep, void *ctx, std::vector<std::pair<std::string, double>> &out)
{
	Xapian::Enquire enq(db->db);
	Xapian::RSet rset;

	out.clear();
	enq.set_query(q->q);
	Xapian::MSet ms = enq.get_mset(0, (Xapian::doccount)rset_size);
	for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it)
		rset.add_document(*it);
	if (rset.empty())
		return;
	XwKeep decider(keep, ctx, q->q);
	Xapian::ESet es = enq.get_eset((Xapian::termcount)max_terms, rset, &decider);
	for (Xapian::ESetIterator it = es.begin(); it != es.end(); ++it)
		out.emplace_back(*it, it.get_weight());
}

int xw_eset(struct xw_db *db, const struct xw_query *q, size_t rset_size, size_t max_terms,
	    xw_keep_fn keep, xw_eset_fn fn, void *ctx, struct cm_err *err)
{
	std::vector<std::pair<std::string, double>> terms;

	try {
		xw_read(db->db, [&]() { xw_eset_once(db, q, rset_size, max_terms, keep, ctx, terms); });
	} catch (...) {
		return xw_fail(err, "expand");
	}
	for (const auto &p : terms)
		if (fn(ctx, p.first.data(), p.first.size(), p.second))
			break;
	return CM_OK;
}

const char *xw_version(void)
{
	return Xapian::version_string();
}
