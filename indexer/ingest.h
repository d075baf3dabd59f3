/*
 * ingest.h - one indexing run: crawl, extract in parallel, write, commit
 *
 * Owns the policy of a run: which files changed (size and mtime against the
 * bookkeeping of filedb.h), extraction and parsing on `jobs` threads, one
 * writer thread that owns the database and commits in batches, deletion of
 * files that disappeared, and compaction after a full build.  Reports
 * progress and per-file failures through callbacks; never prints.
 */
#ifndef IDX_INGEST_H
#define IDX_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "extract.h"
#include "shard.h"

struct ingest_progress {
	size_t done;                 /* files processed so far (changed ones) */
	size_t total;                /* files to process in this run */
	double bytes;                /* bytes of extracted text so far */
	double seconds;              /* since the run started */
};

/* Called once per file that failed: path (logical), code and reason. */
typedef void (*ingest_fail_fn)(void *ctx, const char *path, int code, const char *reason);
/* Called every so often while files are processed. */
typedef void (*ingest_progress_fn)(void *ctx, const struct ingest_progress *p);

struct ingest_opts {
	unsigned jobs;               /* extraction threads (0 = number of cores) */
	bool full;                   /* rebuild from scratch */
	bool compact;                /* compact after a full build */
	bool stem_only;              /* index stems only (see xw_index_opts) */
	bool spelling;               /* feed words to the spelling dictionary */
	bool retry_failed;           /* re-try files that failed before even if unchanged */
	unsigned commit_every;       /* files per commit (0 = default) */
	const char *council;         /* --council override, NULL to detect */
	enum shard_by shard_by;      /* SHARD_NONE: one database at dbpath; else a directory of
	                                shards, a stub and a control database (shard.h) */
	const char *const *url_prefixes; /* --url-prefix "URL" or "DIR=URL" (urlmap.h); "none"
	                                clears; when n_url_prefixes is 0 the last run's are reused */
	size_t n_url_prefixes;
	const char *const *excludes; /* --exclude globs */
	size_t n_excludes;
	struct extract_opts extract; /* converter limits, OCR */
	ingest_fail_fn on_fail;      /* may be NULL */
	ingest_fail_fn on_skip;      /* entries skipped harmlessly (dangling symlinks, loops); may be NULL */
	ingest_fail_fn on_note;      /* documents indexed whose text layer was OCR'd or repaired, with
	                                extract_doc.note as the reason (code CM_OK); may be NULL */
	ingest_progress_fn on_progress; /* may be NULL */
	void *cb_ctx;                /* passed to both callbacks */
};

/* Failure counts by reason are reported through on_fail; these are totals. */
struct ingest_stats {
	size_t seen;                 /* files found by the crawl */
	size_t indexed;              /* documents (files or bundle members) whose items were written */
	size_t duplicates;           /* documents whose text was already indexed under another path */
	size_t unchanged;            /* files skipped because size and mtime matched */
	size_t removed;              /* files gone since the last run, their items deleted */
	size_t failed;               /* files or members that could not be indexed */
	size_t skipped;              /* symlinks leading nowhere: reported, nothing lost */
	size_t failed_before;        /* unchanged files that failed in an earlier run (not retried) */
	size_t items;                /* item documents written */
	size_t ocr;                  /* documents indexed with some text from OCR */
	double bytes;                /* bytes of text extracted */
	double seconds;              /* wall time of the run */
	bool compacted;              /* the database was compacted */
	size_t bulk_parts;           /* a bulk build: the sub-databases merged (0 otherwise) */
};

/*
 * Index the archives at roots[0..n_roots) into the database at dbpath
 * (created when missing).  Returns CM_OK when the run completed (even if
 * some files failed: see stats->failed), or a fatal code: CM_ELOCKED,
 * CM_ENOTFOUND / CM_EIO for an unreadable root, CM_EDB, CM_ENOMEM, and
 * CM_EINVAL when opts->shard_by does not match the layout at dbpath (a
 * single database, or shards by another key: modes never mix) or a
 * --url-prefix is not a web URL.
 */
int ingest_run(const char *dbpath, const char *const *roots, size_t n_roots,
	       const struct ingest_opts *opts, struct ingest_stats *stats, struct cm_err *err);

#endif
