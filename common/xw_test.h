/*
 * xw_test.h - transactions, bounds, term and synonym listings of the Xapian
 * boundary, for the unit tests
 *
 * Not part of xw.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_XW_TEST_H
#define CM_XW_TEST_H

#include "xw.h"

#ifdef __cplusplus
extern "C" {
#endif

int xw_db_begin(struct xw_db *db, struct cm_err *err);

int xw_db_cancel(struct xw_db *db, struct cm_err *err);

/*
 * Every term of document docid starting with prefix ("" = all terms), in
 * sorted order, with its wdf as freq.  CM_ENOTFOUND for a missing document.
 */
int xw_db_doc_terms(struct xw_db *db, unsigned docid, const char *prefix, xw_each_fn fn,
		    void *ctx, struct cm_err *err);

/* Every synonym of term in the synonym table (e.g. the words of stem "Zplan"), sorted. */
int xw_db_each_synonym(struct xw_db *db, const char *term, xw_each_fn fn, void *ctx,
		       struct cm_err *err);

/* Shards listed by the stub (1 for a plain database). */
size_t xw_db_shard_count(const struct xw_db *db);

size_t xw_mset_lower_bound(const struct xw_mset *ms);

size_t xw_mset_upper_bound(const struct xw_mset *ms);

/* Spelling-corrected query string from the last parse ("" if none), appended to out. */
void xw_qp_corrected(struct xw_qp *qp, struct sbuf *out);

/* Append every term of the query (no duplicates), separated by '\n', to out. */
void xw_query_terms(const struct xw_query *q, struct sbuf *out);

#ifdef __cplusplus
}
#endif

#endif
