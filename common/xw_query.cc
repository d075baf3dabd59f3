/*
 * xw_query.cc - queries: the date range processor, parsing, constructors
 *
 * A query parser bound to a database (stems through its synonym table,
 * bounded wildcards, spelling, stopwords a query cannot use, Xapian's
 * silent grammar fallback turned into an error) and the constructors the
 * searcher combines queries with.  Running them is xw_search.cc's.
 *
 * Divisions: limits and the parser's struct, the date range processor,
 * query parsing, queries.
 */
#include "xw_int.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <string>
#include <vector>

/* ---- limits and the parser's struct ------------------------------------- */

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

struct xw_qp {
	Xapian::SimpleStopper stop;      /* words never indexed (before qp: it outlives qp's use) */
	bool has_stop;                   /* xw_qp_set_stopwords was called */
	std::vector<xw_range> ranges;    /* value ranges the parse under way made (before qp: its
	                                    range processors record here) */
	Xapian::QueryParser qp;          /* configured parser */
	Xapian::Stem stem;               /* English */
	std::string corrected;           /* spelling correction from the last parse */
	xw_db *db;                       /* borrowed */
	Xapian::Database words;          /* db plus xw_qp_add_database's: where words are looked up */
};

/* ---- the date range processor ------------------------------------------- */

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

/*
 * The value range lo <= v <= hi on slot (lo or hi NULL: open at that
 * end; not both), recorded in ranges for the bitmap evaluator (see
 * xw_range) as the kind of node Xapian made of it.
 */
static Xapian::Query xw_range_query(unsigned slot, const std::string *lo, const std::string *hi,
				    std::vector<xw_range> &ranges)
{
	Xapian::Query q;
	if (lo && hi)
		q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *lo, *hi);
	else if (lo)
		q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, *lo);
	else
		q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, *hi);
	/* An empty end is open and lo > hi matches nothing: go by what Xapian made. */
	Xapian::Query::op op = q.get_type();
	if (op == Xapian::Query::OP_VALUE_RANGE || op == Xapian::Query::OP_VALUE_GE ||
	    op == Xapian::Query::OP_VALUE_LE) {
		xw_range r;
		r.node = q;
		r.slot = slot;
		r.has_lo = op != Xapian::Query::OP_VALUE_LE;
		r.has_hi = op != Xapian::Query::OP_VALUE_GE;
		if (r.has_lo)
			r.lo = *lo;
		if (r.has_hi)
			r.hi = *hi;
		ranges.push_back(r);
	}
	return q;
}

class XwDateRange : public Xapian::RangeProcessor {
	std::vector<xw_range> &ranges;   /* where the ranges it makes are recorded (xw_qp's) */
    public:
	XwDateRange(Xapian::valueno slot_, const std::string &field, std::vector<xw_range> &r)
		: Xapian::RangeProcessor(slot_, field), ranges(r) {}

	Xapian::Query operator()(const std::string &begin, const std::string &end) override
	{
		std::string lo, hi;
		if (!begin.empty() && !xw_date_bound(begin, false, lo))
			return Xapian::Query(Xapian::Query::OP_INVALID);
		if (!end.empty() && !xw_date_bound(end, true, hi))
			return Xapian::Query(Xapian::Query::OP_INVALID);
		if (lo.empty() && hi.empty())
			return Xapian::Query(Xapian::Query::OP_INVALID);
		return xw_range_query(slot, lo.empty() ? NULL : &lo, hi.empty() ? NULL : &hi, ranges);
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
		qp->qp.add_rangeprocessor((new XwDateRange(slot, f, qp->ranges))->release());
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
			q->q = xw_read(qp->words, [&]() {
				qp->ranges.clear();
				return qp->qp.parse_query(str, f);
			});
			q->ranges.swap(qp->ranges);
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
		std::string l(lo ? lo : ""), h(hi ? hi : "");
		if (lo || hi)
			q->q = xw_range_query(slot, lo ? &l : NULL, hi ? &h : NULL, q->ranges);
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
	if (!q)
		return NULL;
	try {
		q->q = src->q;
		q->ranges = src->ranges;
	} catch (...) {
		delete q;
		return NULL;
	}
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
		q->ranges = a->ranges;
		if (!b) {
			q->q = a->q;
			return q;
		}
		q->ranges.insert(q->ranges.end(), b->ranges.begin(), b->ranges.end());
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
