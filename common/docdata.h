/*
 * docdata.h - what a search hit displays, packed into a document's data
 *
 * The indexer fills a struct docdata per item and stores docdata_encode()'s
 * bytes as the Xapian document data; the searcher decodes them to print
 * hits and make snippets.  The encoding is a version byte followed by
 * zlib-compressed NUL-separated fields in a fixed order, so adding a field at
 * the end stays readable by older searchers.
 */
#ifndef CM_DOCDATA_H
#define CM_DOCDATA_H

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
};

/* Append the encoded form of d (NULL fields count as "") to out.  CM_OK or CM_ENOMEM. */
int docdata_encode(const struct docdata *d, struct sbuf *out, struct cm_err *err);

/*
 * Decode len bytes into d (zeroed by the caller; free with
 * docdata_release).  Every field is non-NULL afterwards.  CM_EFORMAT on
 * corrupt data, CM_ENOMEM.
 */
int docdata_decode(const char *data, size_t len, struct docdata *d, struct cm_err *err);

/* Free the fields and zero d.  NULL-safe. */
void docdata_release(struct docdata *d);

#endif
