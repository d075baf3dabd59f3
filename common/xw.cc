/*
 * xw.cc - the C API of xw.h over libxapian: errors and databases
 *
 * xw is the project's only C++, split by concern as notmuch splits lib/:
 * one API (xw.h), one private header (xw_int.h: the handles' structs and
 * the shared helpers), and a file for each part:
 *
 *   xw.cc          error mapping; opening, metadata, counts, term lists, compaction
 *   xw_shard.cc    stub files of shards, remote databases, time limits
 *   xw_write.cc    transactions, documents, term generation, word tables
 *   xw_query.cc    the date range processor, query parsing, query constructors
 *   xw_search.cc   xw_search: Xapian's matcher and spies, remote shards' recounts
 *   xw_eval.cc     exact counting over bitmaps (a query evaluated into a docset,
 *                  facets and collapse counts from it, the page ranked by Xapian)
 *   xw_arrays.cc   the per-document arrays it counts from: from the value streams,
 *                  or stored beside the database by the indexer
 *   xw_results.cc  hits, values, data, snippets, documents by id, spelling
 *   xw_scan.cc     whole-set passes: every match, exact counts, termlists, eset
 *
 * Each handle holds its Xapian object by value and is made with
 * new (std::nothrow).  Every exported function is one try block whose
 * exceptions go through xw_fail(), which maps Xapian's classes onto
 * cm_code values (lock -> CM_ELOCKED, not found -> CM_ENOTFOUND, query
 * syntax -> CM_EQUERY, other Xapian errors -> CM_EDB, bad_alloc ->
 * CM_ENOMEM, anything else -> CM_EINTERNAL).  Every read path runs under
 * xw_read(), which meets DatabaseModifiedError by reopening and retrying
 * (up to eight times); callers never see it.
 *
 * Divisions: error mapping, databases.
 */
#include "xw_int.h"

#include <new>
#include <string>

/* ---- error mapping ------------------------------------------------------ */

/* Call from a catch (...) block: classify the exception in flight (xw_int.h). */
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
			h->dir = path;
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

const char *xw_version(void)
{
	return Xapian::version_string();
}
