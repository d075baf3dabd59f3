/*
 * query.h - from what a person types to a Xapian query
 *
 * The query language: words (all must match), "phrases", AND OR NOT (any
 * case), + and -, NEAR, trailing wildcards, parentheses, and fields:
 * title: resolved: (free text), council: committee: person: item: format:
 * kind: year: (filters), date:A..B (ranges).  A council or committee may be
 * named by any unambiguous part of its name; this module resolves such
 * values against the index's own list before Xapian's parser sees them.
 */
#ifndef SRCH_QUERY_H
#define SRCH_QUERY_H

#include <stddef.h>

#include "err.h"
#include "sbuf.h"
#include "strv.h"
#include "synonym.h"
#include "xw.h"

/*
 * Rewrite the field values of q (len bytes) in place of their canonical
 * forms and expand synonyms (syn may be NULL), appending the result to out.
 * A phrase whose key is one of phrases (sorted glossary keys the index has
 * terms for, glossary.h; NULL or empty: none) becomes that one term, unless
 * the query uses NEAR or ADJ, which need positions.  CM_EQUERY when a
 * council or committee name is ambiguous (the message lists the
 * candidates), CM_ENOMEM, CM_EDB.
 */
int query_rewrite(struct xw_db *db, const struct synonym_set *syn, const struct strv *phrases,
		  const char *q, size_t len, struct sbuf *out, struct cm_err *err);

/* The field that names a glossary phrase term in rewritten queries. */
#define QUERY_PHRASE_FIELD "glossary"

/*
 * Resolve a filter value for field (facet name) to the boolean term that
 * filters on it (appended to out, prefix included).  Partial names work as
 * in query_rewrite.  CM_EQUERY for an unknown field or an ambiguous name.
 */
int query_filter_term(struct xw_db *db, const char *field, const char *value,
		      struct sbuf *out, struct cm_err *err);

/* A parser knowing every field of the language; free with xw_qp_free. */
int query_parser_new(struct xw_db *db, struct xw_qp **out, struct cm_err *err);

#endif
