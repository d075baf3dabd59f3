/*
 * shard.h - a sharded index on disk: shard keys, the writable shards, the stub
 *
 * minutes-index --shard-by council|year --db DIR writes one Xapian database
 * per shard under DIR/shards/<key>/ and a stub file DIR/XAPIANDB listing
 * them ("auto shards/<key>" lines), which Xapian opens as one database.
 * This module owns that layout: the key of a parsed meeting, opening shards
 * on first use, committing them, and rewriting the stub atomically.  The
 * bookkeeping (DIR/control) and the policy of a run stay in ingest.c.
 */
#ifndef IDX_SHARD_H
#define IDX_SHARD_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "field.h"
#include "sbuf.h"
#include "xw.h"

enum shard_by {
	SHARD_NONE = 0,              /* one database, as without --shard-by */
	SHARD_COUNCIL,               /* a shard per council */
	SHARD_YEAR                   /* a shard per meeting year */
};

/* Longest shard key: a directory name, readable; longer keys end in a hash. */
enum { SHARD_KEY_MAX = 64 };

/* "council", "year" or "none". */
const char *shard_by_name(enum shard_by by);

/* Parse "council" or "year" (or "none").  CM_EINVAL for anything else. */
int shard_by_parse(const char *s, enum shard_by *out);

/*
 * The shard key of meeting m under by, written to out (SHARD_KEY_MAX + 1
 * bytes): the council as a lowercase ASCII slug ("bramwick-borough-council")
 * or the year ("2019"); "unknown" when the meeting lacks it.  Two councils
 * whose names slug alike share a shard, which costs nothing but balance.
 * Can't fail.
 */
void shard_key(enum shard_by by, const struct field_meeting *m, char *out);

struct shard_set;

/*
 * The shards under dir (dir/shards/<key>), none opened yet.  With full,
 * every existing shard is opened now and emptied (its next commit holds no
 * documents), so a rebuild leaves nothing stale.  Writes the stub when it
 * is missing.  *out freed with shard_set_free.  CM_EIO, CM_ELOCKED, CM_EDB,
 * CM_ENOMEM.
 */
int shard_set_open(const char *dir, bool full, struct shard_set **out, struct cm_err *err);

/*
 * Close every shard: pending changes are committed (Xapian's close), so
 * call shard_set_commit first when the order of commits matters.  NULL-safe.
 */
void shard_set_free(struct shard_set *set);

/*
 * The writable database of shard key, opened (and created, and added to
 * the stub) on first use.  *db is borrowed until shard_set_free.
 * CM_EINVAL for a key shard_key() cannot make, CM_ELOCKED, CM_EDB, CM_EIO.
 */
int shard_set_get(struct shard_set *set, const char *key, struct xw_db **db,
		  struct cm_err *err);

/*
 * Delete every document with term from every shard under dir (opening
 * them): for content whose shard is not recorded.  CM_OK when none held it.
 */
int shard_set_delete_everywhere(struct shard_set *set, const char *term, struct cm_err *err);

/* Commit every open shard.  Stops at the first failure. */
int shard_set_commit(struct shard_set *set, struct cm_err *err);

/* Number of shards on disk and the path of the i-th (sorted by key). */
size_t shard_set_count(const struct shard_set *set);
const char *shard_set_path(const struct shard_set *set, size_t i);

#endif
