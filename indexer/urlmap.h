/*
 * urlmap.h - the public URL of an archive file: --url-prefix and SOURCES.tsv
 *
 * An archive downloaded from a council's website keeps its address in one
 * of two ways: a prefix per archive root ("--url-prefix DIR=URL": the file
 * DIR/a/b.pdf is URL/a/b.pdf), or a sidecar file URLMAP_SIDECAR in a folder
 * listing "file<TAB>url" lines, which wins for the files it names (its
 * folder's files, and files below it by relative path).  Only http and
 * https URLs are stored: a page links to them, so nothing else (javascript:,
 * file:) may get through.  Owns the parsed mappings and a cache of sidecar
 * files read; does not crawl and never prints.
 */
#ifndef IDX_URLMAP_H
#define IDX_URLMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"

/* The sidecar's name: one documented name, skipped by the crawl (never indexed). */
#define URLMAP_SIDECAR "SOURCES.tsv"

struct urlmap;

/*
 * A map from specs[0..n): each "URL" (every root) or "DIR=URL" (files
 * under DIR, as the crawl spells paths); n may be 0 (sidecars only).  *out
 * is freed with urlmap_free (NULL-safe).
 * CM_EINVAL (message names the spec) when a URL is not http(s) or DIR is
 * empty, CM_ENOMEM.
 */
int urlmap_new(const char *const *specs, size_t n, struct urlmap **out, struct cm_err *err);
void urlmap_free(struct urlmap *m);

/*
 * Append the URL of the file at path (as crawled, under one of roots[0..n))
 * to out: its sidecar entry, else its prefix with the path's rest
 * percent-encoded, else nothing.  m holds the sidecar files read (each is
 * read once per map); not thread-safe.  Unreadable or malformed
 * sidecar lines are ignored.  Can't fail except by out's sticky OOM.
 */
void urlmap_lookup(struct urlmap *m, const char *const *roots, size_t n_roots, const char *path,
		   struct sbuf *out);

#endif
