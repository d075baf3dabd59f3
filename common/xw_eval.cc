/*
 * xw_eval.cc - exact counting over bitmaps: xw_search's fast path
 *
 * On a read handle of one local database, a query is evaluated into a
 * docset of every matching document (term bitmaps shared through a
 * docset_cache, boolean operators word by word, value ranges from
 * arrays in memory, the rest by Xapian's matcher on what its siblings
 * allow); the total, the facets and the collapse counts come from it,
 * and Xapian only ranks the page.  The arrays (per-document value ids,
 * runs of equal values, ranks) live in the handle, one revision at a time.
 *
 * Divisions: the facet arrays, docsets in Xapian's terms, the evaluator,
 * counting, ranking the page, the search.
 */
#include "xw_int.h"

#include "docset.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

/* ---- the facet arrays ------------------------------------------------ */

/* ---- docsets in Xapian's terms ------------------------------------------ */

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
 * Slot's arrays with every id of the documents in set (every document when
 * set is NULL) naming a value: a stored file's unchecked ids are tested
 * only there, so a search reads the arrays at its matches alone; one id
 * naming no value sends the slot to xw_facet_checked.
 */
static const xw_facet_slot &xw_facet_for(xw_db *db, unsigned slot, const struct docset *set)
{
	const xw_facet_slot &fs = xw_facet_load(db, slot);
	if (fs.checked)
		return fs;
	if (!set)
		return xw_facet_checked(db, slot);
	const uint32_t *ids = fs.ids.data();
	size_t n = fs.ids.size();
	for (uint32_t did = docset_next(set, 0); did != UINT32_MAX && did < n; did = docset_next(set, did + 1))
		if (ids[did] >= fs.n_names)
			return xw_facet_checked(db, slot);
	return fs;
}

/* ---- the evaluator ------------------------------------------------------ */

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
	xw_db *db;                       /* the read handle */
	uint32_t last;                   /* highest docid */
	struct docset_cache *cache;      /* may be NULL */
	std::string gen;                 /* cache generation: the handle's facet key */
	double deadline;                 /* xw_now() to give up at, 0 = never */
	bool cut;                        /* a pass stopped at the deadline: counts are low */
	bool ranged;                     /* a value range was evaluated from memory */
	const std::vector<xw_range> *ranges; /* the query's value ranges (xw_query) */

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
	 * A value range on a slot held in memory, with the slot and bounds
	 * recorded when it was built (xw_range); one built some other way goes
	 * to the matcher.  Nodes are told apart by Query::internal, the
	 * handle's one member, compared as a pointer and never looked into:
	 * the copies of a node in a tree share it, and the record holds the
	 * node so no other can be given its address.
	 */
	bool range(const Xapian::Query &q, const struct docset *ctx, struct docset *out)
	{
		const xw_range *r = NULL;
		for (const xw_range &c : *ranges) {
			if (c.node.internal.get() == q.internal.get()) {
				r = &c;
				break;
			}
		}
		if (!r)
			return false;
		const std::string &lo = r->lo, &hi = r->hi;
		bool has_lo = r->has_lo, has_hi = r->has_hi;
		const xw_facet_slot &fs = xw_facet_for(db, r->slot, ctx);
		ranged = true;
		std::vector<char> in(fs.n_names, 0);
		for (size_t id = 1; id < fs.n_names; id++) {
			std::string v = fs.name(id);
			in[id] = (!has_lo || v >= lo) && (!has_hi || v <= hi);
		}
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

/* ---- counting ----------------------------------------------------------- */

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

/*
 * Counts per value id of slot fs over the documents in set; false (counts
 * unusable) at the first id that names no value, which only an unchecked
 * stored file can hold.
 */
static bool xw_count_slot(const xw_facet_slot &fs, const struct docset *set, std::vector<uint32_t> &counts)
{
	const uint32_t *ids = fs.ids.data();
	size_t n = fs.ids.size();
	uint32_t nn = (uint32_t)fs.n_names;
	counts.assign(nn, 0);
	uint32_t *c = counts.data();
	for (uint32_t did = docset_next(set, 0); did != UINT32_MAX && did < n; did = docset_next(set, did + 1)) {
		if (ids[did] >= nn)
			return false;
		++c[ids[did]];
	}
	return true;
}

/* Facet counts of the documents in set, into m->facets. */
static void xw_count_facets(xw_db *db, const struct docset *set, const struct xw_search_opts *o,
			    xw_mset *m)
{
	size_t nf = o->n_facets;
	std::vector<xw_facet_slot *> fs(nf);
	std::vector<std::vector<uint32_t>> counts(nf);

	/*
	 * Runs pay for themselves over many searches; a process running one
	 * search (stored_arrays_only) counts each match in each slot instead,
	 * which reads the arrays only where the matches are.
	 */
	std::vector<unsigned> key(o->facet_slots, o->facet_slots + nf);
	if (o->stored_arrays_only && !db->fc.runs.count(key)) {
		/* the ids are tested as they are counted, in one pass over the matches */
		for (size_t i = 0; i < nf; i++) {
			fs[i] = const_cast<xw_facet_slot *>(&xw_facet_load(db, o->facet_slots[i]));
			if (!xw_count_slot(*fs[i], set, counts[i])) {
				fs[i] = const_cast<xw_facet_slot *>(&xw_facet_checked(db, o->facet_slots[i]));
				xw_count_slot(*fs[i], set, counts[i]);
			}
		}
	} else {
		for (size_t i = 0; i < nf; i++) {
			fs[i] = const_cast<xw_facet_slot *>(&xw_facet_checked(db, o->facet_slots[i]));
			counts[i].assign(fs[i]->n_names, 0);
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
	}
	m->n_facets = nf;
	m->facets.assign(nf, {});
	for (size_t i = 0; i < nf; i++) {
		std::vector<std::pair<std::string, size_t>> &out = m->facets[i];
		if (!o->facet_sep[i]) {
			for (size_t id = 1; id < counts[i].size(); id++)
				if (counts[i][id])
					out.emplace_back(fs[i]->name(id), counts[i][id]);
		} else if (o->stored_arrays_only && !fs[i]->split &&
			   !xw_split_stored(db, o->facet_slots[i], o->facet_sep[i], o->facet_last_word[i])) {
			/*
			 * One search: split only the values that matched, as the
			 * spies' path does, not all of them (~30 ms for the
			 * 20,000 lists of people of 20,000 meetings).
			 */
			std::vector<std::string> vals;
			std::vector<std::pair<const std::string *, size_t>> raw;
			for (size_t id = 1; id < counts[i].size(); id++)
				if (counts[i][id])
					vals.push_back(fs[i]->name(id));
			for (size_t id = 1, k = 0; id < counts[i].size(); id++)
				if (counts[i][id])
					raw.emplace_back(&vals[k++], counts[i][id]);
			xw_facet_finish(raw, o->facet_sep[i], o->facet_last_word[i], out);
		} else {
			xw_facet_split(db, o->facet_slots[i], *fs[i], o->facet_sep[i], o->facet_last_word[i]);
			std::vector<size_t> mc(fs[i]->n_members, 0);
			const uint32_t *at = fs[i]->member_at.data(), *mem = fs[i]->members.data();
			for (size_t id = 1; id < counts[i].size(); id++)
				if (counts[i][id])
					for (uint32_t k = at[id]; k < at[id + 1]; k++)
						mc[mem[k]] += counts[i][id];
			for (size_t mid = 0; mid < mc.size(); mid++)
				if (mc[mid])
					out.emplace_back(fs[i]->member_name(mid), mc[mid]);
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
	const xw_facet_slot &fs = xw_facet_for(db, slot, set);
	std::vector<uint32_t> per(fs.n_names, 0);
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

/* ---- ranking the page --------------------------------------------------- */

/* A sort key from xw_rank_load(): four big-endian bytes, so byte order is rank order. */
class XwRankKey : public Xapian::KeyMaker {
	const xw_u32s &rank;
public:
	explicit XwRankKey(const xw_u32s &r) : rank(r) {}
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
	const xw_u32s &rank = xw_rank_load(db, o->sort_slot);
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

/* ---- the search --------------------------------------------------------- */

/*
 * The bitmap path (a read handle of one local database, facets asked
 * for): the exact matching set as a bitmap gives the total, the facets
 * and the collapse counts; Xapian then only ranks the page, and may stop
 * early because nothing needs every match any more.
 */
static void xw_search_bitmap(xw_db *db, const xw_query *q, const struct xw_search_opts *o,
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
	ev.ranges = &q->ranges;
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

/*
 * Whether the stored arrays (xw_arrays.cc) hold every array this search
 * would read: the facet slots, the collapse slot, the slots of the query's
 * value ranges and the tie slot's ranks.  A process running one search
 * asks first: building any of them from the value streams costs more
 * than Xapian's spies.
 */
static bool xw_arrays_cover(xw_db *db, const xw_query *q, const struct xw_search_opts *o)
{
	for (size_t i = 0; i < o->n_facets; i++)
		if (!xw_arrays_stored(db, false, o->facet_slots[i]))
			return false;
	if (o->collapse_slot >= 0 && !xw_arrays_stored(db, false, (unsigned)o->collapse_slot))
		return false;
	for (const xw_range &r : q->ranges)
		if (!xw_arrays_stored(db, false, r.slot))
			return false;
	bool ranked = o->tie_break && (o->sort == XW_SORT_RELEVANCE || o->sort_slot == o->tie_slot);
	return !ranked || xw_arrays_stored(db, true, o->tie_slot);
}

/*
 * The cache of in-memory arrays is keyed by the handle's revision (see
 * xw_facet_key): a handle that has moved to another one drops them.
 */
bool xw_search_counted(xw_db *db, const xw_query *q, const struct xw_search_opts *o, xw_mset *m)
{
	std::string key = xw_facet_key(db);
	if (key != db->fc.key)
		xw_arrays_drop(db, key);
	if (key.empty() || (o->stored_arrays_only && !xw_arrays_cover(db, q, o)))
		return false;
	xw_search_bitmap(db, q, o, o->cache, key, m);
	return true;
}
