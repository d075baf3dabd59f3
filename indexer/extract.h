/*
 * extract.h - detect a file's format by content and extract its text as UTF-8
 *
 * One entry point per source (a path or bytes in memory) returning one or more
 * documents: a zip bundle of minutes yields one document per member, anything
 * else exactly one.  Format detection is libmagic plus content sniffs; each
 * format is an extractor in indexer/ext_<fmt>.c, looked up in a table in
 * extract.c.  Converters (pdftotext, antiword, unrtf, tesseract) run as child
 * processes through spawn.h.  This module does not parse minutes: it only
 * turns files into text.
 */
#ifndef IDX_EXTRACT_H
#define IDX_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "spawn.h"

enum extract_ocr {
	EXTRACT_OCR_AUTO = 0,      /* OCR pages without a usable text layer (none, gibberish, drawn as
	                              outlines) when tesseract is installed */
	EXTRACT_OCR_ALWAYS,        /* OCR every PDF page, text layer or not; fail when tesseract is missing */
	EXTRACT_OCR_NEVER          /* never OCR: a PDF without a text layer fails with "no text layer" */
};

struct extract_opts {
	enum extract_ocr ocr;      /* OCR scanned PDFs with tesseract: auto = when installed and needed */
	unsigned timeout_sec;      /* wall-clock limit per file, over all its converter children
	                              (0 = default 300); each child gets what is left */
	size_t max_text;           /* cap on extracted text per document (0 = default 64 MiB) */
	size_t max_unpacked;       /* cap on bytes decompressed from gz/zip per file (0 = default 256 MiB) */
	size_t child_mem;          /* RLIMIT_AS for converter children (0 = default 1 GiB) */
	unsigned max_ocr_pages;    /* pages OCR'd per PDF at most (0 = default 200); the rest are left out */
	size_t max_members;        /* files read from the zips of one file (0 = default 5,000); the rest are
	                              left out and reported: each costs ~3.5 KB until the file is written */
	spawn_run_fn spawn;        /* how converters are run (NULL = spawn_run); a seam for tests */
};

struct extract_doc {
	char *name;                /* "" for the file itself; member path inside a zip bundle otherwise */
	char *mime;                /* detected MIME type of this document's content ("application/pdf") */
	char *text;                /* UTF-8, NUL-terminated, '\f' between pages when the source has pages; NULL on failure */
	size_t len;                /* bytes in text */
	int code;                  /* CM_OK or why this document failed (CM_EFORMAT, CM_EUNSUPPORTED, CM_ETIMEOUT...) */
	char *error;               /* lowercase reason when code != CM_OK ("no text layer", "truncated pdf"); else NULL */
	bool truncated;            /* text was cut at max_text (code stays CM_OK) */
	bool ocr;                  /* some or all of the text came from OCR */
	char *note;                /* what was done to an unusable text layer, or NULL: "ocr: gibberish
	                              text layer (pages 2-3)", "tabs normalised (page 1)" */
};

struct extract_result {
	struct extract_doc *docs;  /* n documents, owned; release with extract_result_release */
	size_t n;                  /* documents held */
	size_t alloc;              /* documents allocated */
};

struct extract_ctx;            /* per-thread: holds a libmagic cookie etc.; not shared between threads */

/*
 * Make a context for one thread.  `opts` may be NULL for the defaults; it is
 * copied.  Returns CM_OK and *out (free with extract_ctx_free), CM_ENOMEM, or
 * CM_EINTERNAL when libmagic's database cannot be loaded.
 */
int  extract_ctx_new(const struct extract_opts *opts, struct extract_ctx **out, struct cm_err *err);

/* Free a context and remove its temporary directory.  NULL-safe. */
void extract_ctx_free(struct extract_ctx *ctx);

/*
 * Remove the temporary directories ($TMPDIR/minutes-extract-PID-XXXXXX)
 * that runs which no longer exist left behind (a killed indexer cannot
 * clean up): only the caller's own, and only when no process PID is alive.
 * Can't fail; what cannot be removed stays.
 */
void extract_clean_stale(void);

/*
 * Extract every document in the file at path: usually one; a zip bundle
 * yields one per member.  `out` is overwritten (release it with
 * extract_result_release, also after a failure).  Returns CM_OK when the file
 * could be read, even when its documents failed (see docs[i].code); returns
 * CM_EIO (unreadable, not a regular file), CM_ENOTFOUND or CM_ENOMEM with a
 * message naming the path when the file as a whole cannot be read.
 */
int  extract_file(struct extract_ctx *ctx, const char *path, struct extract_result *out, struct cm_err *err);

/* Free every document and zero *r.  NULL-safe; a zeroed result is fine. */
void extract_result_release(struct extract_result *r);

#endif
