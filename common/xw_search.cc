/*
 * xw_search.cc - xw_search: a page of hits, facets and counts
 *
 * Sends a search to the bitmaps of xw_eval.cc when the handle allows
 * them, else runs it through Xapian's matcher with ValueCountMatchSpy
 * facets (writable handles, stubs of shards, remote databases), working
 * around what Xapian 1.4 gets wrong over remote shards: spies called
 * twice, collapse counts lost, collapsed totals estimated.
 */
#include "xw_int.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

/*
 * Sorted (value, count) pairs from counts per distinct stored value.  A
 * slot holding several values joined by sep (the people at a meeting) is
 * counted by splitting each distinct packed value and adding its count to
 * every member: exact, because a packed value's count is the number of
 * documents carrying exactly that list.  With last_word, members count by
 * their last word, case-folded ("M Price" and "Price" are one value, shown
 * as "Price"), each document once.
 */
void xw_facet_finish(const std::vector<std::pair<const std::string *, size_t>> &raw,
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
void xw_set_order(Xapian::Enquire &enq, const struct xw_search_opts *o)
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

static void xw_search_once(xw_db *db, const xw_query *q, const struct xw_search_opts *o,
			   xw_mset *m)
{
	/*
	 * The bitmap path when this handle allows in-memory arrays (see
	 * xw_eval.cc) and at most one hit is kept per collapse key; else
	 * Xapian's matcher and spies.
	 */
	if (o->n_facets && !o->slow_facets && o->collapse_max <= 1 &&
	    xw_search_counted(db, q, o, m))
		return;
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
