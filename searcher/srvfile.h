/*
 * srvfile.h - where the original file of a hit is, strictly inside the indexed roots
 *
 * `serve --serve-files` lets readers open the source of a hit that has no
 * public URL.  The file to send is never named by the request: the server
 * looks the item up and resolves the path the indexer stored, against the
 * roots the indexer recorded (SCHEMA_META_ROOTS: "ROOT\tREALPATH" lines).
 * The resolved real path (symlinks followed) must lie inside a root's real
 * path as it is now, so neither "..", a zip member named "../x", nor a
 * symlink pointing out of the archive can reach another file.  Owns
 * nothing; opens no file.
 */
#ifndef SRCH_SRVFILE_H
#define SRCH_SRVFILE_H

#include <stdbool.h>

#include "err.h"
#include "sbuf.h"

/*
 * Resolve path (a hit's path as crawled) against roots (the metadata
 * text, may be "") into *real, the absolute real path of a regular file
 * inside one of the roots.  A path naming a member of a bundle
 * ("a/b.zip/c.pdf") resolves to the bundle, with *member set.  CM_OK,
 * CM_ENOTFOUND (under no root, missing, not a regular file, or outside
 * its root once resolved; the message says which without the real path),
 * CM_ENOMEM.
 */
int srvfile_resolve(const char *roots, const char *path, struct sbuf *real, bool *member,
		    struct cm_err *err);

#endif
