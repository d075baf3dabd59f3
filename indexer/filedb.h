/*
 * filedb.h - the indexer's bookkeeping: what each file held when last indexed
 *
 * Kept in the Xapian database's metadata so it commits atomically with the
 * documents it describes.  Two kinds of record:
 *   file:<path>    size, mtime, the path and either the (content id, member) pairs the
 *                  file yielded or the reason it failed;
 *   content:<cid>  the logical paths holding that content, primary first
 *                  (the same minutes published under two names are indexed
 *                  once; the documents show the primary path), and in a
 *                  sharded index the shard holding its documents.
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

/* Number of file records. */
size_t filedb_count(const struct filedb *f);

/* The logical paths holding content cid (appended to out; none when unknown). */
int filedb_content_get(struct xw_db *db, const char *cid, struct strv *out, struct cm_err *err);

/* Replace the path list of cid; an empty list deletes the record. */
int filedb_content_set(struct xw_db *db, const char *cid, const struct strv *paths,
		       struct cm_err *err);

/*
 * The same with the shard holding cid's documents (a sharded index keeps
 * its bookkeeping in a control database apart from the documents): get
 * appends the shard key to shard ("" when none is recorded), set records
 * shard (NULL or "" for none).
 */
int filedb_content_get_shard(struct xw_db *db, const char *cid, struct strv *out,
			     struct sbuf *shard, struct cm_err *err);
int filedb_content_set_shard(struct xw_db *db, const char *cid, const struct strv *paths,
			     const char *shard, struct cm_err *err);

/* Free a record's fields (not rec itself) and zero it.  NULL-safe. */
void filedb_rec_release(struct filedb_rec *rec);

#endif
