/*
 * itemdoc.h - turn a parsed meeting into Xapian documents, one per item
 *
 * The mapping from struct field_meeting onto the schema of common/schema.h:
 * one document per agenda item plus one for the front matter, each carrying
 * the meeting's fields as boolean terms and value slots, so filters and
 * facets work at item level.  Pure function of its inputs: safe to call
 * from extraction threads, each with its own struct xw_tg.
 */
#ifndef IDX_ITEMDOC_H
#define IDX_ITEMDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "docdata.h"
#include "err.h"
#include "field.h"
#include "xw.h"

struct itemdoc_src {
	const struct field_meeting *meeting; /* parsed fields and items */
	const char *path;                    /* logical path shown in results */
	const char *mime;                    /* MIME type of the source */
	const char *meeting_id;              /* meeting id (filedb.h): the meeting's term and
	                                        slot, the stem of the unique ids */
	struct docdata_zip *zip;             /* the thread's document data compressor, NULL =
	                                        one per call (docdata.h) */
	const char *url;                     /* public URL of the source, NULL or "" for none */
	bool paged;                          /* the source file itself has pages a link can
	                                        name (#page=N): a PDF, not a bundle member */
	long long added;                     /* Unix time in milliseconds the documents are first
	                                        indexed at (SLOT_ADDED); 0 = none */
};

struct itemdoc {
	struct xw_doc *doc;                  /* owned; NULL after being handed to the writer */
	char *uid;                           /* unique term "Q<meeting id>-<n>", owned */
};

struct itemdoc_set {
	struct itemdoc *docs;                /* n docs, front matter first */
	size_t n, alloc;                     /* docs held, allocated */
	size_t words;                        /* words of text indexed, for statistics */
};

/*
 * Build the documents of src into *out (zeroed by the caller; free with
 * itemdoc_set_release).  CM_OK, CM_ENOMEM, or the first Xapian failure.
 */
int itemdoc_build(const struct itemdoc_src *src, struct xw_tg *tg, struct itemdoc_set *out,
		  struct cm_err *err);

/* Free every document still held and the array.  NULL-safe. */
void itemdoc_set_release(struct itemdoc_set *set);

#endif
