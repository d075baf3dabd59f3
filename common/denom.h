/*
 * denom.h - research denominators: items, meetings and words per month,
 *           council and committee, stored with the index
 *
 * A trend is only meaningful as a share: "exploitation" in 40 items of a
 * year means little until we know the year had 4,000 items.  The indexer
 * recomputes this table from the database's value slots at the end of
 * every run (so it stays right under incremental updates and deletions)
 * and stores it in the metadata under SCHEMA_META_DENOM; the searcher loads
 * it in one read.  Lives in common/ because both programs use the format.
 */
#ifndef CM_DENOM_H
#define CM_DENOM_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"
#include "xw.h"

struct denom_row {
	unsigned month;               /* YYYYMM; 0 for undated documents */
	char *council;                /* display name, "" when unknown, owned */
	char *committee;              /* display name, "" when unknown, owned */
	size_t items;                 /* agenda items (front matter excluded) */
	size_t meetings;              /* meetings (front-matter documents) */
	size_t words;                 /* words of the items' text */
};

struct denom {
	struct denom_row *v;          /* rows sorted by month, council, committee */
	size_t n;                     /* rows used */
	size_t alloc;                 /* rows allocated */
};

/*
 * Bring the stored table of the writable db up to date with its committed
 * documents: when the stamp differs from the database's revision, recount,
 * store and commit.  The indexer calls it once at the end of a run, after
 * its last commit.  CM_EINVAL for a read-only db, CM_ENOMEM, CM_EDB.
 */
int denom_refresh(struct xw_db *db, struct cm_err *err);

/*
 * The table of db into out (zeroed by the caller).  When the index has no
 * stored table (written before it existed) or a stale one (a reader
 * between the indexer's commits), it is counted on the spot and *stored
 * (may be NULL) says false.  CM_EFORMAT, CM_ENOMEM, CM_EDB.
 */
int denom_load(struct xw_db *db, struct denom *out, bool *stored, struct cm_err *err);

/* Free the rows and zero d.  NULL-safe. */
void denom_release(struct denom *d);

#endif
