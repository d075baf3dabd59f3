/*
 * research.h - research commands over the index: trends, recurring items,
 *              distinctive terms (themes), related terms
 *
 * Each command shares the query language and filters of search.h (a
 * struct search_request carries them) and makes one pass over the
 * matching set through search_with_query(); results are plain structs
 * rendered as text, JSON or CSV into a struct sbuf, so the CLI and the
 * HTTP server print the same bytes.  Nothing here prints or exits: the
 * command line is searcher/cmd_research.c.
 *
 * Files: research.c (shared output helpers), research_trends.c,
 * research_recur.c (recurring items, title normalisation),
 * research_themes.c (G2, themes, related terms).
 */
#ifndef SRCH_RESEARCH_H
#define SRCH_RESEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "out.h"
#include "sbuf.h"
#include "search.h"

/* ---- trends ------------------------------------------------------------- */

enum research_period {
	RESEARCH_BY_YEAR = 0,         /* "2019" */
	RESEARCH_BY_MONTH,            /* "2019-03" */
	RESEARCH_BY_MUNICIPAL         /* UK municipal year, May to April: "2019/20" */
};

enum research_split {
	RESEARCH_SPLIT_NONE = 0,      /* one series */
	RESEARCH_SPLIT_COMMITTEE,     /* one series per committee (of a council) */
	RESEARCH_SPLIT_COUNCIL        /* one series per council */
};

struct research_trends_req {
	struct search_request base;   /* query, filters, from, to (the rest is ignored) */
	enum research_period by;      /* period length */
	enum research_split split;    /* series */
};

/* One (series, period) cell: the matching side and the denominators. */
struct research_cell {
	size_t items;                 /* matching items */
	size_t meetings;              /* distinct meetings of the matching items */
	size_t words;                 /* words of the matching items' text */
	size_t all_items;             /* every item of the period (and series, filters) */
	size_t all_meetings;          /* every meeting */
	size_t all_words;             /* every word */
};

struct research_trends {
	enum research_period by;      /* as asked */
	enum research_split split;    /* as asked */
	char **periods;               /* labels, oldest first, no gaps, owned */
	size_t n_periods;
	char **series;                /* names, most matches first ("all" unsplit), owned */
	size_t n_series;
	struct research_cell *cells;  /* n_series * n_periods, series-major, owned */
	size_t items, meetings;       /* matching items and meetings in all */
	size_t undated;               /* matching items without a date (in no period) */
	bool denom_stored;            /* denominators read from the index, not counted now */
	bool denom_partial;           /* a filter (person, format, kind) the denominators ignore */
	double ms;                    /* time taken */
};

/*
 * Count req's matching items per period and series and join the
 * denominators.  Front-matter documents are not items and never count.
 * *out is zeroed by the caller and freed with research_trends_release.
 * CM_EQUERY (bad query or filter), CM_EDB, CM_ENOMEM.
 */
int research_trends_run(struct search_engine *eng, const struct research_trends_req *req,
			struct research_trends *out, struct cm_err *err);
void research_trends_release(struct research_trends *t);

/* t as a table, JSON or CSV (long format: one row per period and series), appended to out. */
void research_trends_write(const struct research_trends *t, const char *query,
			   enum out_format format, bool pretty, struct sbuf *out);

/*
 * t as an SVG line chart, one line per series (the RESEARCH_SVG_SERIES
 * largest; the others are summed into "other"), y = share of items in
 * per cent, or matching items when use_counts.
 */
void research_trends_svg(const struct research_trends *t, const char *query, bool use_counts,
			 struct sbuf *out);

/*
 * The trends JSON for the HTTP server's GET /api/trends: run req and
 * append the JSON (the same as `minutes-search trends --json`) to out.
 * Errors as research_trends_run.  Thread-safe.
 */
int research_trends_json(struct search_engine *eng, const struct research_trends_req *req,
			 struct sbuf *out, struct cm_err *err);

/* "year", "month", "municipal-year" -> enum; -1 when unknown. */
int research_period_parse(const char *s);
/* "committee", "council", "none" -> enum; -1 when unknown. */
int research_split_parse(const char *s);

enum { RESEARCH_SVG_SERIES = 7 };  /* lines a chart stays readable with, "other" besides */

/* ---- recurring items ---------------------------------------------------- */

struct research_recur_req {
	struct search_request base;   /* query (may be ""), filters, from, to */
	size_t min_meetings;          /* groups seen at fewer meetings are left out (0 = 2) */
	bool all;                     /* keep procedural items */
	size_t limit;                 /* groups kept, most meetings first (0 = all) */
};

struct research_occurrence {
	char *date;                   /* "YYYY-MM-DD" or "", owned */
	char *committee;              /* owned */
	char *title;                  /* the title as written that time, owned */
	char *uid;                    /* item id (search_get_item), owned */
};

struct research_recur_group {
	char *key;                    /* normalised title, owned */
	char *title;                  /* the most frequent written form, owned */
	char *council;                /* owned */
	char **committees;            /* distinct committees, owned */
	size_t n_committees;
	size_t meetings;              /* distinct meetings */
	char first[11], last[11];     /* dates of the first and last dated occurrence, or "" */
	struct research_occurrence *occ; /* oldest first (undated last), one per item, owned */
	size_t n_occ;
};

struct research_recur {
	struct research_recur_group *g; /* most meetings first */
	size_t n;
	size_t groups_total;          /* groups meeting min_meetings before limit */
	size_t items;                 /* items examined */
	double ms;
};

/* Group req's matching items by (council, title key).  Errors as research_trends_run. */
int research_recur_run(struct search_engine *eng, const struct research_recur_req *req,
		       struct research_recur *out, struct cm_err *err);
void research_recur_release(struct research_recur *r);
void research_recur_write(const struct research_recur *r, enum out_format format, bool pretty,
			  struct sbuf *out);

/* ---- themes and related terms ------------------------------------------- */

enum research_against { RESEARCH_AGAINST_REST = 0, RESEARCH_AGAINST_ALL };

struct research_themes_req {
	struct search_request base;   /* query and filters: the base set (see below) */
	const char *period;           /* "2020", "2020-03", "2020/21" or NULL */
	enum research_against against;/* background: the base minus the target, or the base */
	size_t limit;                 /* terms and phrases kept (0 = 20) */
	size_t min_count;             /* least target documents for a term (0 = 3) */
	bool phrases;                 /* also two-word phrases */
};

struct research_term {
	char *term;                   /* word or "two words", owned */
	bool phrase;                  /* two words */
	size_t a, b;                  /* target / background documents containing it */
	double g2;                    /* score */
	double ratio;                 /* relative frequency target / background */
};

struct research_themes {
	struct research_term *t;      /* by descending g2, words and phrases together */
	size_t n, alloc;              /* terms held, allocated */
	size_t n1, n2;                /* target / background documents */
	const char *target_desc;      /* static description of the target */
	double ms;
};

/*
 * With a period: target = base (query + filters) in the period, and the
 * background is the rest of the base (or all of it).  Without one: the
 * target is the base and the background the rest of the index (or all of
 * it).  Documents are the unit of counting.  CM_EINVAL for a bad period.
 */
int research_themes_run(struct search_engine *eng, const struct research_themes_req *req,
			struct research_themes *out, struct cm_err *err);
void research_themes_release(struct research_themes *t);
void research_themes_write(const struct research_themes *t, enum out_format format, bool pretty,
			   struct sbuf *out);

struct research_related_req {
	struct search_request base;   /* query = the term (any query), filters */
	size_t limit;                 /* terms (0 = 20) */
	size_t rset;                  /* top matching items used as the relevance set (0 = 100) */
};

/* Related terms: term, expand weight in g2, a = matching items that contain it, b = all items. */
int research_related_run(struct search_engine *eng, const struct research_related_req *req,
			 struct research_themes *out, struct cm_err *err);
void research_related_write(const struct research_themes *t, enum out_format format, bool pretty,
			    struct sbuf *out);

#endif
