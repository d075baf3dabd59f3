/*
 * xw_results.cc - results: hits of a page, their data, values and snippets
 *
 * Reads a result set (hits in page order, whichever path made it) and
 * single documents by id or unique term, and the spelling table.  Every
 * document read runs under xw_read, so a commit between the search and
 * the read is met by a reopen, not an error.
 */
#include "xw_int.h"

#include <string>

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
		/*
		 * Every document is written with its data, so none read back
		 * means the read met a commit that Xapian did not report (a lazy
		 * value read on a revision since replaced).  Read it from the
		 * database by id: a document deleted since the match throws
		 * DocNotFoundError (the caller runs the search again); one still
		 * there is read again after a reopen, as for
		 * DatabaseModifiedError.
		 */
		std::string d = xw_read(ms->db->db, [&]() {
			std::string data = xw_data_of(xw_hit(ms, i).get_document());
			if (data.empty())
				data = xw_data_of(ms->db->db.get_document(*xw_hit(ms, i)));
			if (data.empty())
				throw Xapian::DatabaseModifiedError("document data read back empty");
			return data;
		});
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
