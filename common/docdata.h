/*
 * docdata.h - what a search hit displays, packed into a document's data
 *
 * The indexer fills a struct docdata per item and stores docdata_encode()'s
 * bytes as the Xapian document data; the searcher decodes them to print
 * hits and make snippets.  The encoding is a version byte followed by
 * compressed NUL-separated fields in a fixed order, so adding a field at
 * the end stays readable by older searchers.  Version 2 (written now)
 * primes deflate with a dictionary of minutes phrases (common/docdict.txt)
 * and stores resolutions as references into the item text; version 1
 * still decodes.
 */
#ifndef CM_DOCDATA_H
#define CM_DOCDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"

/* Fields are const so callers can point them at their own strings to encode;
 * after docdata_decode() they are owned by the struct. */
struct docdata {
	const char *path;        /* source path as crawled; "bundle.zip/member.pdf" inside a zip */
	const char *council;     /* display name, "" when unknown */
	const char *committee;   /* display name, "" when unknown */
	const char *date;        /* "YYYY-MM-DD", "" when unknown */
	const char *item;        /* item number as written, "" for front matter */
	const char *title;       /* item title, or the meeting heading for front matter */
	const char *page;        /* page the item starts on, "" when the source has none */
	const char *mime;        /* MIME type of the source */
	const char *kind;        /* minutes, agenda, report, other */
	const char *text;        /* item text for snippets and /api/item */
	const char *resolutions; /* resolutions, one per line */
	const char *meeting;     /* meeting id shared by the meeting's documents */
	const char *uid;         /* this document's unique id (its Q term without the Q) */
	const char *url;         /* public URL of the source (http or https), "" when none;
	                            this and the fields below came later: older data
	                            decodes them as "" */
	/* The meeting's own fields, on its front-matter document only ("" on items). */
	const char *time;        /* start time "HH:MM" */
	const char *venue;       /* where it was held */
	const char *chair;       /* who chaired it */
	const char *present;     /* members present, one per line */
	const char *apologies;   /* apologies, one per line */
	const char *paged;       /* "1" when the source file itself has pages a link can name
	                            (a PDF, not a member of a zip or gzip file), else "" */
};

/*
 * A compressor kept between documents: setting one up costs more than
 * compressing a short item.  One per thread.  docdata_zip_new: CM_OK or
 * CM_ENOMEM; free with docdata_zip_free (NULL-safe).
 */
struct docdata_zip;
int docdata_zip_new(struct docdata_zip **out, struct cm_err *err);
void docdata_zip_free(struct docdata_zip *zp);

/*
 * Append the encoded form of d (NULL fields count as "") to out, using the
 * compressor zp (NULL: a new one for this call).  CM_OK, CM_ENOMEM,
 * CM_EINTERNAL (zlib failed).
 */
int docdata_encode(struct docdata_zip *zp, const struct docdata *d, struct sbuf *out,
		   struct cm_err *err);

/*
 * Decode len bytes into d (zeroed by the caller; free with
 * docdata_release).  Every field is non-NULL afterwards.  CM_EFORMAT on
 * corrupt data, CM_ENOMEM.
 */
int docdata_decode(const char *data, size_t len, struct docdata *d, struct cm_err *err);

/* Free the fields and zero d.  NULL-safe. */
void docdata_release(struct docdata *d);

#endif
