/*
 * xw.cc - the C API of xw.h over libxapian: error mapping, databases, shards, compaction (see xw_int.h)
 */
#include "xw_int.h"

/* A document's data: in XW_DATA_SLOT (see xw.h), else where Xapian keeps it. */
std::string xw_data_of(const Xapian::Document &doc)
{
	std::string d = doc.get_value(XW_DATA_SLOT);
	return d.empty() ? doc.get_data() : d;
}

/* ---- error mapping ------------------------------------------------------ */

/* Call from a catch (...) block: classify the exception in flight. */
int xw_fail(struct cm_err *err, const char *what)
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
void xw_doc_fail(xw_doc *doc, const char *what)
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
