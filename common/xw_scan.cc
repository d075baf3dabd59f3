/*
 * xw_scan.cc - whole-set passes for the research commands
 *
 * Every match of a query with its values (a match spy, no ranking),
 * exact counts, a document's terms, and relevance-set expansion.  Each
 * pass that is retried after DatabaseModifiedError resumes where it was,
 * so no callback sees a match or a term twice.
 */
#include "xw_int.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

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
