/*
 * srvfile.h - where the original file of a hit is, strictly inside the indexed roots
 *
 * `serve --serve-files` lets readers open the source of a hit that has no
 * public URL.  The file to send is never named by the request: the server
 * looks the item up and resolves the path the indexer stored, against the
 * roots the indexer recorded (SCHEMA_META_ROOTS: "ROOT\tREALPATH" lines).
 * The resolved real path (symlinks followed) must lie inside a root's real
 * path as it is now, so neither "..", a zip member named "../x", nor a
 * symlink pointing out of the archive can reach another file.
 *
 * The same roots give a path its public form, which is all the server
 * shows of it: below its root, never the indexing machine's absolute
 * path.  Owns nothing; opens no file.
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

/*
 * Append to out the public form of path (a hit's path as crawled) under
 * roots (the metadata text; NULL or "" is no root): the path below the
 * longest root it lies under, whole components compared, after that
 * root's own name, so "/srv/minutes/archive/kent/2024-01-09.pdf" under
 * the root "/srv/minutes/archive" is "archive/kent/2024-01-09.pdf" (a
 * root spelled "." or ".." is named by its real path; "/" has no name).
 * A bundle member keeps its member part ("archive/b.zip/minutes/x.pdf").
 * A path under no root shows its file name only, or from the first
 * component named like a bundle (.zip, .gz, .tgz) when it is a member
 * ("b.zip/minutes/x.pdf").  Never an absolute path.  Can't fail but by
 * running out of memory, which sbuf_oom(out) tells.
 */
void srvfile_public_path(const char *roots, const char *path, struct sbuf *out);

#endif
