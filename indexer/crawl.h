/*
 * crawl.h - walk an archive folder and report the files worth indexing
 *
 * Recursive, sorted (so runs are reproducible), following symlinks only
 * when their target lies inside the archive root and never into a
 * directory already visited (no loops).  Hidden files, editor backups and
 * office lock files are skipped, as is anything matching an --exclude glob,
 * and so is any Xapian database found inside (an index kept in the archive).
 * The crawler only stats; it never opens a regular file.
 */
#ifndef IDX_CRAWL_H
#define IDX_CRAWL_H

#include <stddef.h>
#include <sys/stat.h>

#include "err.h"

struct crawl_opts {
	const char *const *excludes;  /* fnmatch globs, against the base name and the relative path */
	size_t n_excludes;            /* entries in excludes */
};

/*
 * Called for each regular file (code CM_OK, st filled) and for each entry
 * that could not be read (code != CM_OK, st NULL, msg says why): CM_EIO for
 * an unreadable file or directory, CM_ENOTFOUND for a symlink that leads
 * nowhere (dangling, or a loop), which loses nothing.  path is
 * borrowed for the call.  Return non-zero to stop the walk.
 */
typedef int (*crawl_fn)(void *ctx, const char *path, const struct stat *st, int code,
			const char *msg);

/*
 * Walk root (a directory or a single file).  Returns CM_OK, CM_EIO /
 * CM_ENOTFOUND when root itself cannot be read, CM_ENOMEM.  Problems below
 * the root go to fn and do not stop the walk.
 */
int crawl_walk(const char *root, const struct crawl_opts *opts, crawl_fn fn, void *ctx,
	       struct cm_err *err);

#endif
