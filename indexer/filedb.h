/*
 * filedb.h - the indexer's bookkeeping: what each file held when last indexed
 *
 * Kept in the Xapian database's metadata so it commits atomically with the
 * documents it describes.  Two kinds of record:
 *   file:<path>    size, mtime, the path and either the (content id, member) pairs the
 *                  file yielded or the reason it failed;
 *   content:<cid>  the logical paths holding that content, primary first
 *                  (the same minutes published under two names are indexed
 *                  once; the documents show the primary path), the meeting
 *                  id its documents carry when not cid, and in a sharded
 *                  index the shard holding its documents;
 *   meeting:<mid>  the content holding meeting id mid, when not content mid.
 * File records are loaded into memory once per run so an unchanged archive
 * costs one stat per file and no database reads.
 */
#ifndef IDX_FILEDB_H
#define IDX_FILEDB_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "strv.h"
#include "xw.h"

struct filedb_rec {
	char *path;             /* physical path as crawled */
	long long size;         /* st_size when indexed */
	long long mtime_ns;     /* st_mtim in nanoseconds when indexed */
	bool failed;            /* extraction failed; reason says why */
	char *reason;           /* failure message, NULL when ok */
	struct strv cids;       /* content ids yielded, parallel to members */
	struct strv members;    /* "" for the file itself, member path inside a bundle */
	char *url;              /* public URL its documents carry (urlmap.h), NULL or "" for none */
	bool seen;              /* found by this run's crawl */
};

struct filedb;

/* Load every file record from db.  *out is freed with filedb_free.  CM_OK, CM_EDB, CM_ENOMEM. */
int filedb_load(struct xw_db *db, struct filedb **out, struct cm_err *err);
void filedb_free(struct filedb *f);

/* The record for path, or NULL.  Borrowed until the next put/remove of that path. */
struct filedb_rec *filedb_get(struct filedb *f, const char *path);

/*
 * Store rec (its fields are copied) in memory and in db's metadata.
 * CM_OK, CM_ENOMEM, CM_EDB.
 */
int filedb_put(struct filedb *f, struct xw_db *db, const struct filedb_rec *rec,
	       struct cm_err *err);

/* Forget path in memory and in db.  CM_OK when it was not there. */
int filedb_remove(struct filedb *f, struct xw_db *db, const char *path, struct cm_err *err);

/* Call fn for every record (in no particular order); stop when it returns non-zero. */
void filedb_each(struct filedb *f, int (*fn)(void *ctx, struct filedb_rec *rec), void *ctx);

/*
 * A content record.  The meeting id is what the content's documents carry
 * (their unique terms, meeting term and slot): the content id itself,
 * unless the content replaced an earlier version of the same file and took
 * over that version's documents and their meeting id (an edited file keeps
 * the documents of its unchanged items, see ingest.c).
 */
struct filedb_content {
	struct strv paths;      /* logical paths holding the content, primary first */
	struct sbuf shard;      /* sharded index: the shard holding its documents ("" = none) */
	struct sbuf meeting;    /* meeting id when not the content id ("" = the content id) */
};

/* Load the record of cid into *out (zeroed by the caller; empty when unknown).  CM_OK, CM_EDB,
 * CM_ENOMEM.  Free with filedb_content_release. */
int filedb_content_load(struct xw_db *db, const char *cid, struct filedb_content *out,
			struct cm_err *err);

/* Store c as the record of cid; no paths deletes the record. */
int filedb_content_store(struct xw_db *db, const char *cid, const struct filedb_content *c,
			 struct cm_err *err);

/* The meeting id of content cid whose record is c. */
const char *filedb_content_meeting(const struct filedb_content *c, const char *cid);

void filedb_content_release(struct filedb_content *c);

/*
 * A meeting id taken over by another content is recorded the other way
 * too, "meeting:<mid>" -> the content whose documents carry it, so that a
 * new content whose id is such a meeting id (an old version of an edited
 * file, published again) is given another: no two meetings share an id.
 * holder gets "" when mid is no such meeting id; cid NULL deletes the record.
 */
int filedb_meeting_holder(struct xw_db *db, const char *mid, struct sbuf *holder,
			  struct cm_err *err);
int filedb_meeting_set_holder(struct xw_db *db, const char *mid, const char *cid,
			      struct cm_err *err);

#endif
