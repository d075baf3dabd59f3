/*
 * ingest.c - one indexing run (see ingest.h)
 *
 * A run has four phases:
 *   1. crawl every root, comparing size and mtime with the file records;
 *   2. delete the items of files that disappeared;
 *   3. extract, parse and build documents of changed files on `jobs`
 *      worker threads, while this thread (the only writer) applies each
 *      finished file to the database and commits every COMMIT_DOCS documents;
 *   4. re-write documents whose primary path went away (duplicates), commit,
 *      and compact after a full build.
 * Each commit holds documents and the bookkeeping that describes them, so a
 * run killed at any point leaves a consistent index that the next run
 * completes.  With --shard-by the documents go to shards (shard.h) and the
 * bookkeeping to a control database, committed after every shard: a kill
 * between the two only makes the next run redo work that is idempotent
 * (replace by unique term, delete by term).  Memory stays bounded: at most IN_FLIGHT_PER_JOB finished
 * files per worker wait for the writer.
 *
 * A fresh unsharded build (no database yet, or --full) is a bulk build
 * instead: the Xapian write path is the bottleneck, so every worker writes
 * the documents it built into a sub-database of its own, the bookkeeping
 * goes to one more, and at the end all are merged by compaction into a
 * sibling directory that is swapped in atomically.  Until then the database
 * at dbpath is untouched: a killed bulk build leaves the previous index (or
 * none), and the next run starts it again; so the parts are written
 * without syncing each commit to disk (only the merged result is).
 *
 * Divisions: jobs and parts, where documents go, the crawl, removal,
 * workers, the writer, compaction, bulk builds, the run.
 */
#include "ingest.h"
#include "glossary.h"
#include "clock.h"
#include "grow.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crawl.h"
#include "denom.h"
#include "field.h"
#include "filedb.h"
#include "hash.h"
#include "itemdoc.h"
#include "schema.h"
#include "stopword.h"
#include "urlmap.h"
#include "xw.h"

/*
 * Documents per commit: the prototype measured 500-1,000 as faster and ten
 * times leaner than Xapian's default flush of 10,000.
 */
enum { INGEST_COMMIT_DOCS = 1000 };

/*
 * Documents per commit of a bulk build's part: smaller than the writer's,
 * as each worker holds its own batch (and both threads' batches compete
 * for the cache).  On the 2,000-meeting archive 500 measured ~0.8 s of CPU
 * (5%) less than 1,000, and 250 or 2,000 more than 500.
 */
enum { INGEST_PART_COMMIT_DOCS = 500 };

/*
 * Documents a worker writes into one part before it starts another.  A
 * part's commits slow down as it grows (at 200,000 meetings, parts of over
 * a million items made the build 66x the 20,000-meeting one for 10x the
 * text); compaction merges any number of parts in one pass at the end.
 * Overridden by $MINUTES_PART_DOCS (0 = never start another), for
 * measuring.
 */
enum { INGEST_PART_MAX_DOCS = 250000 };

/* Prefixes whose words get stem synonyms (schema.h). */
static const char *const ingest_text_prefixes[] = SCHEMA_TEXT_PREFIXES;

/* Finished files per worker that may wait for the writer: bounds memory. */
enum { INGEST_IN_FLIGHT_PER_JOB = 4 };

/* Minimum interval between progress callbacks, in seconds. */
static const double INGEST_PROGRESS_EVERY = 0.25;

/* ---- jobs and parts ----------------------------------------------------- */

struct ingest_part {
	char *member;                /* "" or the member path inside a bundle */
	char *logical;               /* path, or path/member */
	char *mime;                  /* detected type */
	const char *url;             /* its job's URL (borrowed), "" for none */
	bool paged;                  /* the file itself is a PDF (links may name a page) */
	char cid[HASH64_HEX + 24];   /* content id: hash of the folded text and its length */
	char mid[HASH64_HEX + 40];   /* meeting id its documents carry (filedb.h) */
	struct field_meeting *meeting; /* incremental runs: the parsed fields, kept so that the
	                                writer can build the documents again (ingest_use_meeting) */
	char shard[SHARD_KEY_MAX + 1]; /* shard of its meeting ("" without --shard-by) */
	struct itemdoc_set docs;     /* built documents */
	int code;                    /* CM_OK or why this part failed */
	char *error;                 /* reason when code != CM_OK */
	char *note;                  /* extract_doc.note: what was done to its text layer, or NULL */
	bool ocr;                    /* some of its text came from OCR */
	bool written;                /* bulk build: a worker wrote its documents (new content) */
	size_t n_written;            /* documents it wrote */
};

struct ingest_job {
	char *path;                  /* physical path */
	long long size;              /* st_size at crawl time */
	long long mtime_ns;          /* st_mtim at crawl time */
	char *url;                   /* public URL of the file (urlmap.h), "" for none */
	bool force;                  /* rewrite documents even when the content is known */
	int code;                    /* CM_OK or why the whole file failed */
	char *error;                 /* reason when code != CM_OK */
	struct ingest_part *parts;   /* one per extracted document */
	size_t n_parts;
	struct strv hint_members;    /* members the file held before ... */
	struct strv hint_mids;       /* ... and their meeting ids (ingest_job_hints) */
	double bytes;                /* text bytes extracted */
};

struct ingest_joblist {
	struct ingest_job *v;        /* jobs */
	size_t n, alloc;
};

static void ingest_job_clear(struct ingest_job *job)
{
	for (size_t i = 0; i < job->n_parts; i++) {
		struct ingest_part *p = &job->parts[i];

		free(p->member);
		free(p->logical);
		free(p->mime);
		free(p->error);
		free(p->note);
		itemdoc_set_release(&p->docs);
		field_meeting_release(p->meeting);
		free(p->meeting);
	}
	strv_release(&job->hint_members);
	strv_release(&job->hint_mids);
	free(job->parts);
	free(job->error);
	job->parts = NULL;
	job->n_parts = 0;
	job->error = NULL;
}

static int ingest_joblist_add(struct ingest_joblist *l, const char *path, const struct stat *st,
			      const char *url, bool force)
{
	struct ingest_job *j;

	if (ARRAY_GROW(l->v, l->n + 1, l->alloc))
		return CM_ENOMEM;
	j = &l->v[l->n];
	memset(j, 0, sizeof *j);
	j->path = strdup(path);
	j->url = strdup(url);
	if (!j->path || !j->url) {
		free(j->path);
		free(j->url);
		return CM_ENOMEM;
	}
	j->size = (long long)st->st_size;
	j->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
	j->force = force;
	l->n++;
	return CM_OK;
}

static void ingest_joblist_release(struct ingest_joblist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		ingest_job_clear(&l->v[i]);
		free(l->v[i].path);
		free(l->v[i].url);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- run state ---------------------------------------------------------- */

struct ingest_state {
	const struct ingest_opts *opts;  /* borrowed */
	struct ingest_stats *stats;      /* filled as we go */
	struct cm_err *err;              /* fatal error */
	struct xw_db *db;                /* the writable database: documents and bookkeeping,
	                                    or with shards the control database (bookkeeping) */
	struct shard_set *shards;        /* the shards (--shard-by), NULL for one database */
	struct filedb *files;            /* bookkeeping */
	struct urlmap *urls;             /* public URLs of files (--url-prefix, sidecars) */
	struct sbuf url;                 /* scratch: the URL of the file being crawled */
	long long now;                   /* Unix time of the run in ms: first-indexed time of the
	                                    items of a bulk build, which appear all at once */
	long long stamp;                 /* incremental runs: first-indexed time (ms) of the new
	                                    items of the current commit (ingest_stamp) */
	const char *prev_path;           /* --full over an existing index: that index (whose
	                                    items keep their first-indexed time), else NULL */
	const char *const *roots;        /* normalised roots */
	size_t n_roots;
	struct ingest_joblist jobs;      /* files to (re)index this pass */
	struct strv redo;                /* physical paths whose documents must be rewritten */
	struct strv phrases;             /* glossary phrase keys items get terms for (glossary.h) */
	size_t docs_since_commit;        /* documents written since the last commit */
	bool dirty;                      /* anything written since the last commit */
	double t0;                       /* run start, clock_now() */
	double last_progress;            /* seconds at the last progress callback */
	size_t done;                     /* jobs applied in this pass */
	struct xw_tg *tg;                /* the writer's term generator and compressor, made */
	struct docdata_zip *zip;         /* when it first rebuilds documents (ingest_use_meeting) */

	/* bulk builds (see the file comment) */
	bool bulk;                       /* workers write documents into parts */
	struct sbuf bulk_dir;            /* "<dbpath>.bulk": parts live below it */
	unsigned next_part;              /* number of the next part a worker starts (under lock):
	                                    parts are numbered 0, 1, ... without gaps */
	size_t part_max_docs;            /* documents per part (INGEST_PART_MAX_DOCS), 0 = no limit */
	struct strv redo_after;          /* bulk build: logical paths to become primary, rewritten
	                                    by an incremental pass after the merge */
	pthread_mutex_t claim_lock;      /* guards claimed */
	char **claimed;                  /* open-addressing set of content ids written */
	size_t claimed_cap, claimed_n;

	/* worker pool: the fields below are guarded by lock */
	pthread_mutex_t lock;
	pthread_cond_t has_done;         /* a finished job is waiting */
	pthread_cond_t has_room;         /* in_flight dropped */
	size_t next;                     /* next job to hand out */
	size_t *done_ring;               /* finished job indexes, FIFO */
	size_t ring_cap, ring_head, ring_len;
	size_t in_flight;                /* taken but not yet applied */
	size_t max_in_flight;
	bool stop;                       /* the pass is over (or failed): take no more jobs */
	bool failed;                     /* ... because of a fatal error */
};

static void ingest_fail(struct ingest_state *s, const char *path, int code, const char *why)
{
	s->stats->failed++;
	if (s->opts->on_fail)
		s->opts->on_fail(s->opts->cb_ctx, path, code, why ? why : cm_code_str(code));
}

/* ---- where documents go ------------------------------------------------- */

/* The database for the documents of shard key: the one database, or that shard. */
static int ingest_doc_db(struct ingest_state *s, const char *key, struct xw_db **db)
{
	if (!s->shards) {
		*db = s->db;
		return CM_OK;
	}
	return shard_set_get(s->shards, key, db, s->err);
}

/* Delete the documents of meeting id mid, held by shard key ("" = unknown: look everywhere). */
static int ingest_delete_content(struct ingest_state *s, const char *mid, const char *key)
{
	struct sbuf term = {0};
	struct xw_db *db;
	int rc;

	sbuf_adds(&term, PFX_FILE);
	sbuf_adds(&term, mid);
	if (sbuf_oom(&term))
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	else if (s->shards && !*key)
		rc = shard_set_delete_everywhere(s->shards, term.buf, s->err);
	else if ((rc = ingest_doc_db(s, key, &db)) == CM_OK)
		rc = xw_db_delete_term(db, term.buf, s->err);
	sbuf_release(&term);
	return rc;
}

/* Now, in Unix milliseconds. */
static long long ingest_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Commit every shard, then the bookkeeping: never bookkeeping ahead of documents. */
static int ingest_commit_all(struct ingest_state *s)
{
	int rc = s->shards ? shard_set_commit(s->shards, s->err) : CM_OK;
	long long now = ingest_now_ms();

	if (rc == CM_OK)
		rc = xw_db_commit(s->db, s->err);
	/* The next commit's new items come strictly later (ingest_stamp). */
	s->stamp = now > s->stamp ? now : s->stamp + 1;
	return rc;
}

/* ---- the crawl ---------------------------------------------------------- */

/*
 * Tell the worker of the job last added which meeting id each member of
 * the file carried: an edited file's new content takes over its old
 * documents and their meeting id (ingest_apply_part), and documents built
 * with it from the start need no rebuilding.  Incremental runs only.
 */
static int ingest_job_hints(struct ingest_state *s)
{
	struct ingest_job *job = &s->jobs.v[s->jobs.n - 1];
	const struct filedb_rec *rec = s->bulk ? NULL : filedb_get(s->files, job->path);
	int rc = CM_OK;

	for (size_t i = 0; rec && i < rec->cids.n && rc == CM_OK; i++) {
		struct filedb_content c;

		memset(&c, 0, sizeof c);
		rc = filedb_content_load(s->db, rec->cids.v[i], &c, s->err);
		if (rc == CM_OK && (strv_push(&job->hint_members, rec->members.v[i]) != CM_OK ||
				    strv_push(&job->hint_mids,
					      filedb_content_meeting(&c, rec->cids.v[i])) != CM_OK))
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		filedb_content_release(&c);
	}
	return rc;
}

static bool ingest_unchanged(const struct filedb_rec *rec, const struct stat *st)
{
	long long mt = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;

	return rec && rec->size == (long long)st->st_size && rec->mtime_ns == mt;
}

static int ingest_on_file(void *ctx, const char *path, const struct stat *st, int code,
			  const char *msg)
{
	struct ingest_state *s = ctx;
	struct filedb_rec *rec;
	bool force = false;

	if (code == CM_ENOTFOUND) {
		s->stats->skipped++;
		if (s->opts->on_skip)
			s->opts->on_skip(s->opts->cb_ctx, path, code, msg);
		return 0;
	}
	if (code != CM_OK) {
		ingest_fail(s, path, code, msg);
		return 0;
	}
	s->stats->seen++;
	rec = filedb_get(s->files, path);
	if (rec)
		rec->seen = true;
	sbuf_reset(&s->url);
	urlmap_lookup(s->urls, s->roots, s->n_roots, path, &s->url);
	if (sbuf_oom(&s->url)) {
		cm_err_set(s->err, CM_ENOMEM, "%s: out of memory", path);
		return 1;
	}
	if (!s->opts->full && ingest_unchanged(rec, st)) {
		/* Same file, new URL: its documents are rewritten to carry it. */
		if (!rec->failed && strcmp(rec->url ? rec->url : "", sbuf_str(&s->url)) != 0)
			force = true;
		else if (!rec->failed) {
			s->stats->unchanged++;
			return 0;
		}
		else if (!s->opts->retry_failed) {
			s->stats->failed_before++;
			return 0;
		}
	}
	if (ingest_joblist_add(&s->jobs, path, st, sbuf_str(&s->url), force) != CM_OK) {
		cm_err_set(s->err, CM_ENOMEM, "%s: out of memory", path);
		return 1;
	}
	return ingest_job_hints(s) == CM_OK ? 0 : 1;
}

/* ---- removal of content ------------------------------------------------- */

/*
 * The primary path of a content, the one its documents show, is the least
 * of its paths (strcmp), whatever order they were found in: the same
 * folder gives the same answers however it was reached (a copy, a move, a
 * clean build).  Move the least of paths to the front; true when it moved,
 * so that the documents must be rewritten from it.
 */
static bool ingest_least_first(struct strv *paths)
{
	size_t m = 0;

	for (size_t i = 1; i < paths->n; i++)
		if (strcmp(paths->v[i], paths->v[m]) < 0)
			m = i;
	if (m == 0)
		return false;
	char *least = paths->v[m];

	memmove(paths->v + 1, paths->v, m * sizeof *paths->v);
	paths->v[0] = least;
	return true;
}

/* The physical file a logical path belongs to: itself, or the bundle holding it. */
static const char *ingest_physical(struct ingest_state *s, const char *logical, struct sbuf *tmp)
{
	sbuf_reset(tmp);
	sbuf_adds(tmp, logical);
	while (tmp->len) {
		char *slash;

		if (filedb_get(s->files, tmp->buf))
			return tmp->buf;
		slash = strrchr(tmp->buf, '/');
		if (!slash)
			break;
		sbuf_setlen(tmp, (size_t)(slash - tmp->buf));
	}
	return NULL;
}

/*
 * logical no longer holds content cid: drop it from the content record,
 * delete the documents when nobody holds the content any more, and queue a
 * rewrite when the primary path (the one the documents show) went away.
 */
static int ingest_drop(struct ingest_state *s, const char *cid, const char *logical)
{
	struct filedb_content c, keep;
	struct sbuf tmp = {0};
	bool was_primary;
	int rc;

	memset(&c, 0, sizeof c);
	memset(&keep, 0, sizeof keep);
	rc = filedb_content_load(s->db, cid, &c, s->err);
	if (rc != CM_OK)
		goto out;
	was_primary = c.paths.n && strcmp(c.paths.v[0], logical) == 0;
	for (size_t i = 0; i < c.paths.n; i++)
		if (strcmp(c.paths.v[i], logical) != 0 && strv_push(&keep.paths, c.paths.v[i]) != CM_OK) {
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
			goto out;
		}
	if (keep.paths.n == c.paths.n)
		goto out;
	if (was_primary)
		ingest_least_first(&keep.paths);
	sbuf_add(&keep.shard, c.shard.buf, c.shard.len);
	sbuf_add(&keep.meeting, c.meeting.buf, c.meeting.len);
	rc = filedb_content_store(s->db, cid, &keep, s->err);
	if (rc != CM_OK)
		goto out;
	s->dirty = true;
	if (keep.paths.n == 0) {
		const char *mid = filedb_content_meeting(&c, cid);

		rc = ingest_delete_content(s, mid, sbuf_str(&c.shard));
		if (rc == CM_OK && strcmp(mid, cid) != 0)
			rc = filedb_meeting_set_holder(s->db, mid, NULL, s->err);
	} else if (was_primary) {
		const char *phys = ingest_physical(s, keep.paths.v[0], &tmp);

		if (phys && !strv_has(&s->redo, phys) && strv_push(&s->redo, phys) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	}
out:
	filedb_content_release(&c);
	filedb_content_release(&keep);
	sbuf_release(&tmp);
	return rc;
}

/* Logical path of member m of physical path p. */
static void ingest_logical(struct sbuf *out, const char *p, const char *m)
{
	sbuf_reset(out);
	sbuf_adds(out, p);
	if (*m) {
		sbuf_addch(out, '/');
		sbuf_adds(out, m);
	}
}

static bool ingest_under_roots(const struct ingest_state *s, const char *path)
{
	for (size_t i = 0; i < s->n_roots; i++) {
		size_t n = strlen(s->roots[i]);

		if (strncmp(path, s->roots[i], n) == 0 &&
		    (path[n] == '\0' || path[n] == '/' || (n && s->roots[i][n - 1] == '/')))
			return true;
	}
	return false;
}

struct ingest_gone {
	struct strv paths;           /* records under the roots the crawl did not see */
	struct ingest_state *s;
};

static int ingest_find_gone(void *ctx, struct filedb_rec *rec)
{
	struct ingest_gone *g = ctx;

	if (!rec->seen && ingest_under_roots(g->s, rec->path) &&
	    strv_push(&g->paths, rec->path) != CM_OK)
		return 1;
	return 0;
}

/* Delete the content of every file under the roots that the crawl did not find. */
static int ingest_remove_gone(struct ingest_state *s)
{
	struct ingest_gone g = { {0}, s };
	struct sbuf logical = {0};
	int rc = CM_OK;

	filedb_each(s->files, ingest_find_gone, &g);
	for (size_t i = 0; i < g.paths.n && rc == CM_OK; i++) {
		struct filedb_rec *rec = filedb_get(s->files, g.paths.v[i]);

		for (size_t j = 0; rec && j < rec->cids.n && rc == CM_OK; j++) {
			ingest_logical(&logical, rec->path, rec->members.v[j]);
			rc = ingest_drop(s, rec->cids.v[j], logical.buf);
		}
		if (rc == CM_OK)
			rc = filedb_remove(s->files, s->db, g.paths.v[i], s->err);
		s->stats->removed++;
		s->dirty = true;
	}
	strv_release(&g.paths);
	sbuf_release(&logical);
	return rc;
}

/* ---- workers ------------------------------------------------------------ */

struct ingest_worker {
	struct ingest_state *s;      /* shared */
	struct extract_ctx *ex;      /* this thread's extractor */
	struct xw_tg *tg;            /* this thread's term generator */
	struct docdata_zip *zip;     /* this thread's document data compressor */
	struct xw_db *part;          /* bulk build: this thread's sub-database */
	struct xw_db *prev;          /* bulk build over an index (--full): a read handle on it,
	                                whose items keep their first-indexed time, or NULL */
	size_t part_docs;            /* documents written to part since its last commit */
	size_t part_total;           /* documents written to part in all */
	int part_rc;                 /* first failure writing part */
	struct cm_err part_err;      /* its message */
	pthread_t thread;
};

/* Content id: FNV-1a of the text with whitespace runs folded, and its length. */
static void ingest_cid(const char *text, size_t len, char *out, size_t outsz)
{
	uint64_t h = HASH64_SEED;
	size_t n = 0;
	bool space = true;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';

		if (ws) {
			space = true;
			continue;
		}
		if (space && n) {
			h = hash64_step(h, ' ');
			n++;
		}
		space = false;
		h = hash64_step(h, c);
		n++;
	}
	snprintf(out, outsz, "%016llx%zx", (unsigned long long)h, n);
}

/* A term generator as every document of a run is built with. */
static int ingest_tg_new(const struct ingest_state *s, struct xw_tg **out)
{
	struct xw_index_opts xo = { s->opts->stem_only, NULL, 0, NULL, 0 };

	xo.stopwords = stopword_list(&xo.n_stopwords);
	xo.phrases = (const char *const *)s->phrases.v;
	xo.n_phrases = s->phrases.n;
	return xw_tg_new(&xo, out, s->err);
}

static int ingest_set_error(char **dst, const char *msg)
{
	free(*dst);
	*dst = strdup(msg);
	return *dst ? CM_OK : CM_ENOMEM;
}

static void ingest_part_build(struct ingest_worker *w, const struct ingest_job *job,
			      const struct extract_doc *d, struct ingest_part *p)
{
	const struct ingest_opts *o = w->s->opts;
	struct field_meeting m;
	struct field_opts fo = { o->council, p->logical };
	struct itemdoc_src src;
	struct cm_err err = { CM_OK, "" };

	memset(&m, 0, sizeof m);
	p->ocr = d->ocr;
	if (d->note)
		p->note = strdup(d->note);     /* best effort: a lost note loses no text */
	if (d->code != CM_OK) {
		p->code = d->code;
		ingest_set_error(&p->error, d->error ? d->error : cm_code_str(d->code));
		return;
	}
	ingest_cid(d->text, d->len, p->cid, sizeof p->cid);
	snprintf(p->mid, sizeof p->mid, "%s", p->cid);
	for (size_t i = 0; i < job->hint_members.n; i++)
		if (strcmp(job->hint_members.v[i], p->member) == 0)
			snprintf(p->mid, sizeof p->mid, "%s", job->hint_mids.v[i]);
	if (strcmp(p->cid + 16, "0") == 0) {
		p->code = CM_EFORMAT;
		ingest_set_error(&p->error, "no text");
		return;
	}
	p->code = field_parse(d->text, d->len, &fo, &m, &err);
	if (p->code == CM_OK) {
		src.meeting = &m;
		src.path = p->logical;
		src.mime = p->mime;
		src.meeting_id = p->mid;
		src.zip = w->zip;
		src.url = p->url;
		src.paged = p->paged;
		src.added = w->s->now;
		p->code = itemdoc_build(&src, w->tg, &p->docs, &err);
		if (o->shard_by != SHARD_NONE)
			shard_key(o->shard_by, &m, p->shard);
	}
	if (p->code != CM_OK)
		ingest_set_error(&p->error, err.msg[0] ? err.msg : cm_code_str(p->code));
	if (p->code == CM_OK && !w->s->bulk) {
		p->meeting = malloc(sizeof m);   /* kept: see ingest_part */
		if (p->meeting) {
			*p->meeting = m;
			return;
		}
		p->code = CM_ENOMEM;
		ingest_set_error(&p->error, "out of memory");
	}
	field_meeting_release(&m);
}

/*
 * True when the file at path starts as a PDF does, so that a link to it
 * may name a page: a PDF extracted from inside a gzip file is a PDF
 * document whose link is the compressed file's.
 */
static bool ingest_is_pdf_file(const char *path)
{
	char head[5];
	FILE *f = fopen(path, "rb");
	bool pdf = f && fread(head, 1, sizeof head, f) == sizeof head &&
		   memcmp(head, "%PDF-", sizeof head) == 0;

	if (f)
		fclose(f);
	return pdf;
}

static void ingest_process(struct ingest_worker *w, struct ingest_job *job)
{
	struct extract_result res = {0};
	struct cm_err err = { CM_OK, "" };
	struct sbuf logical = {0};

	job->code = extract_file(w->ex, job->path, &res, &err);
	if (job->code != CM_OK) {
		ingest_set_error(&job->error, err.msg[0] ? err.msg : cm_code_str(job->code));
		goto out;
	}
	job->parts = calloc(res.n ? res.n : 1, sizeof *job->parts);
	if (!job->parts) {
		job->code = CM_ENOMEM;
		ingest_set_error(&job->error, "out of memory");
		goto out;
	}
	job->n_parts = res.n;
	for (size_t i = 0; i < res.n; i++) {
		const struct extract_doc *d = &res.docs[i];
		struct ingest_part *p = &job->parts[i];

		ingest_logical(&logical, job->path, d->name ? d->name : "");
		p->member = strdup(d->name ? d->name : "");
		p->logical = strdup(sbuf_str(&logical));
		p->mime = strdup(d->mime ? d->mime : "application/octet-stream");
		p->url = job->url;
		if (!p->member || !p->logical || !p->mime || sbuf_oom(&logical)) {
			p->code = CM_ENOMEM;
			continue;
		}
		p->paged = !*p->member && strcmp(p->mime, "application/pdf") == 0 &&
			   ingest_is_pdf_file(job->path);
		job->bytes += (double)d->len;
		ingest_part_build(w, job, d, p);
	}
	if (res.n == 0) {
		job->code = CM_EFORMAT;
		ingest_set_error(&job->error, "no documents found");
	}
out:
	extract_result_release(&res);
	sbuf_release(&logical);
}

/*
 * Bulk build: claim content id cid for this run.  True when nobody wrote
 * it before (the caller then writes its documents), false for a duplicate.
 */
static bool ingest_claim(struct ingest_state *s, const char *cid)
{
	bool fresh = false;
	size_t i;

	pthread_mutex_lock(&s->claim_lock);
	if ((s->claimed_n + 1) * 2 > s->claimed_cap) {
		size_t ncap = s->claimed_cap ? s->claimed_cap * 2 : 4096;
		char **n = calloc(ncap, sizeof *n);

		if (!n)
			goto out;   /* unclaimed: written by nobody, reported by the writer */
		for (size_t k = 0; k < s->claimed_cap; k++) {
			if (!s->claimed[k])
				continue;
			i = (size_t)hash64(s->claimed[k], strlen(s->claimed[k])) & (ncap - 1);
			while (n[i])
				i = (i + 1) & (ncap - 1);
			n[i] = s->claimed[k];
		}
		free(s->claimed);
		s->claimed = n;
		s->claimed_cap = ncap;
	}
	i = (size_t)hash64(cid, strlen(cid)) & (s->claimed_cap - 1);
	while (s->claimed[i] && strcmp(s->claimed[i], cid) != 0)
		i = (i + 1) & (s->claimed_cap - 1);
	if (!s->claimed[i]) {
		s->claimed[i] = strdup(cid);
		if (s->claimed[i]) {
			s->claimed_n++;
			fresh = true;
		}
	}
out:
	pthread_mutex_unlock(&s->claim_lock);
	return fresh;
}

/*
 * An item rewritten in place keeps the time it was first indexed: copy
 * SLOT_ADDED from the stored document with the same unique term (the
 * digest leaves the slot out, so an unchanged item still matches its
 * stored one and xw_db_replace_all leaves it alone).  *found (may be NULL)
 * says whether there was a time to keep.
 */
static int ingest_keep_added(struct xw_db *db, struct itemdoc *d, bool *found,
			     struct cm_err *err)
{
	struct cm_err e = { CM_OK, "" };
	struct sbuf v = {0};
	unsigned docid = 0;
	int rc = xw_db_find_term(db, d->uid, &docid, &e);

	if (found)
		*found = false;
	if (rc == CM_ENOTFOUND)
		return CM_OK;
	if (rc == CM_OK)
		rc = xw_db_doc_value(db, docid, SLOT_ADDED, &v, &e);
	if (rc == CM_OK && v.len) {
		xw_doc_set_value(d->doc, SLOT_ADDED, v.buf, v.len);
		if (found)
			*found = true;
	}
	sbuf_release(&v);
	return rc == CM_OK ? CM_OK : cm_err_set(err, rc, "%s", e.msg);
}

static void ingest_bulk_next_part(struct ingest_worker *w);

/* Bulk build: write the documents of each new part of job into w's part. */
static void ingest_bulk_write(struct ingest_worker *w, struct ingest_job *job)
{
	for (size_t i = 0; i < job->n_parts && w->part_rc == CM_OK; i++) {
		struct ingest_part *p = &job->parts[i];

		if (p->code != CM_OK || !ingest_claim(w->s, p->cid))
			continue;
		/* Stems and spelling come from the part's vocabulary at the end. */
		for (size_t d = 0; d < p->docs.n && w->part_rc == CM_OK; d++) {
			/* A rebuild is no news: items the old index held keep their time. */
			if (w->prev)
				ingest_keep_added(w->prev, &p->docs.docs[d], NULL, NULL);
			w->part_rc = xw_db_add(w->part, p->docs.docs[d].doc, &w->part_err);
		}
		p->written = true;
		p->n_written = p->docs.n;
		w->part_docs += p->docs.n;
		w->part_total += p->docs.n;
		itemdoc_set_release(&p->docs);   /* memory back now, not when applied */
	}
	if (w->part_rc == CM_OK && w->part_docs >= INGEST_PART_COMMIT_DOCS) {
		w->part_rc = xw_db_commit(w->part, &w->part_err);
		w->part_docs = 0;
	}
	if (w->part_rc == CM_OK && w->s->part_max_docs && w->part_total >= w->s->part_max_docs)
		ingest_bulk_next_part(w);
}

/* The word tables a run fills: stems always, spelling when asked for. */
static struct xw_words_opts ingest_words(const struct ingest_state *s, unsigned what)
{
	struct xw_words_opts wo = { what, ingest_text_prefixes,
				    sizeof ingest_text_prefixes / sizeof ingest_text_prefixes[0] };

	if (!s->opts->spelling)
		wo.what &= ~(unsigned)XW_WORDS_SPELLING;
	return wo;
}

/*
 * Bulk build, once this worker has taken its last job: the stem synonyms
 * and spelling words of everything in its part, from the part's own term
 * list (one pass over ~100,000 words rather than a table update per word
 * of every document: per-document spelling alone measured 7% of a build).
 * The merge by compaction unions the synonym tables and adds up the
 * spelling counts.  Runs while other workers still extract.
 */
static void ingest_bulk_vocabulary(struct ingest_worker *w)
{
	struct xw_words_opts wo = ingest_words(w->s, XW_WORDS_STEMS | XW_WORDS_SPELLING);
	bool failed;

	pthread_mutex_lock(&w->s->lock);
	failed = w->s->failed;
	pthread_mutex_unlock(&w->s->lock);
	if (failed || w->part_rc != CM_OK)
		return;
	w->part_rc = xw_db_commit(w->part, &w->part_err);
	w->part_docs = 0;
	if (w->part_rc == CM_OK)
		w->part_rc = xw_db_add_vocabulary(w->part, w->part, &wo, &w->part_err);
	/* The last commit here too, in parallel, not one part after another by the main thread. */
	if (w->part_rc == CM_OK)
		w->part_rc = xw_db_commit(w->part, &w->part_err);
}

/* Bulk build: finish w's part (as at the end) and go on in a new one. */
static void ingest_bulk_next_part(struct ingest_worker *w)
{
	struct ingest_state *s = w->s;
	struct xw_db *next = NULL;
	struct sbuf path = {0};
	unsigned n;

	ingest_bulk_vocabulary(w);
	if (w->part_rc != CM_OK)
		return;
	pthread_mutex_lock(&s->lock);
	n = s->next_part++;
	pthread_mutex_unlock(&s->lock);
	sbuf_addf(&path, "%s/part-%u", sbuf_str(&s->bulk_dir), n);
	w->part_rc = sbuf_oom(&path) ? cm_err_set(&w->part_err, CM_ENOMEM, "out of memory")
				     : xw_db_open(path.buf, XW_OPEN_SCRATCH, &next, &w->part_err);
	sbuf_release(&path);
	if (w->part_rc != CM_OK)
		return;
	xw_db_free(w->part);
	w->part = next;
	w->part_total = 0;
}

static void *ingest_worker_main(void *arg)
{
	struct ingest_worker *w = arg;
	struct ingest_state *s = w->s;

	for (;;) {
		size_t idx;

		pthread_mutex_lock(&s->lock);
		while (!s->stop && s->in_flight >= s->max_in_flight)
			pthread_cond_wait(&s->has_room, &s->lock);
		if (s->stop || s->next >= s->jobs.n) {
			pthread_mutex_unlock(&s->lock);
			break;
		}
		idx = s->next++;
		s->in_flight++;
		pthread_mutex_unlock(&s->lock);

		ingest_process(w, &s->jobs.v[idx]);
		if (w->part)
			ingest_bulk_write(w, &s->jobs.v[idx]);

		pthread_mutex_lock(&s->lock);
		s->done_ring[(s->ring_head + s->ring_len) % s->ring_cap] = idx;
		s->ring_len++;
		pthread_cond_signal(&s->has_done);
		pthread_mutex_unlock(&s->lock);
	}
	if (w->part)
		ingest_bulk_vocabulary(w);
	return NULL;
}

/* ---- the writer --------------------------------------------------------- */

static int ingest_maybe_commit(struct ingest_state *s, bool force)
{
	unsigned every = s->opts->commit_every ? s->opts->commit_every : INGEST_COMMIT_DOCS;
	int rc;

	if (!s->dirty || (!force && s->docs_since_commit < every) || (s->bulk && !force))
		return CM_OK;
	rc = ingest_commit_all(s);
	s->docs_since_commit = 0;
	s->dirty = false;
	return rc;
}

/*
 * Make p's documents carry meeting id mid: the worker built them with the
 * meeting id the file's previous content had (ingest_job_hints) or with
 * the content id; when the writer decides otherwise (the old content is
 * still held by a copy, or lives in another shard), it builds them again
 * from the fields the worker kept.
 */
static int ingest_use_meeting(struct ingest_state *s, struct ingest_part *p, const char *mid)
{
	struct itemdoc_src src;
	struct cm_err err = { CM_OK, "" };
	int rc = CM_OK;

	if (strcmp(p->mid, mid) == 0)
		return CM_OK;
	if (!p->meeting)
		return cm_err_set(s->err, CM_EINTERNAL, "%s: documents built for meeting %s, not %s",
				  p->logical, p->mid, mid);
	if (!s->tg)
		rc = ingest_tg_new(s, &s->tg);
	if (rc == CM_OK && !s->zip)
		rc = docdata_zip_new(&s->zip, s->err);
	if (rc != CM_OK)
		return rc;
	itemdoc_set_release(&p->docs);
	snprintf(p->mid, sizeof p->mid, "%s", mid);
	src.meeting = p->meeting;
	src.path = p->logical;
	src.mime = p->mime;
	src.meeting_id = p->mid;
	src.zip = s->zip;
	src.url = p->url;
	src.paged = p->paged;
	src.added = s->now;
	rc = itemdoc_build(&src, s->tg, &p->docs, &err);
	return rc == CM_OK ? CM_OK : cm_err_set(s->err, rc, "%s", err.msg);
}

/*
 * The content whose documents p's new content takes over, or NULL: the
 * content the same file (and member) held before, when no other path
 * holds it and it lives in the same shard.  Its documents would be
 * deleted in this same commit anyway (ingest_apply drops what the file no
 * longer holds); taking them over keeps the document ids and the meeting
 * id, so an edited file costs what changed in it (xw_db_replace_all).
 * Its record is loaded into *rec.
 */
static int ingest_inheritable(struct ingest_state *s, const struct filedb_rec *old,
			      const struct ingest_part *p, struct filedb_content *rec,
			      const char **out)
{
	const char *cid = NULL;
	int rc;

	*out = NULL;
	for (size_t i = 0; old && i < old->cids.n && !cid; i++)
		if (strcmp(old->members.v[i], p->member) == 0 && strcmp(old->cids.v[i], p->cid) != 0)
			cid = old->cids.v[i];
	if (!cid)
		return CM_OK;
	rc = filedb_content_load(s->db, cid, rec, s->err);
	if (rc == CM_OK && rec->paths.n == 1 && strcmp(rec->paths.v[0], p->logical) == 0 &&
	    strcmp(sbuf_str(&rec->shard), p->shard) == 0)
		*out = cid;
	return rc;
}

/*
 * The meeting id of new content p that takes over no documents: its
 * content id, unless that is some other content's meeting id already
 * (filedb_meeting_holder); then the content id with "~k", k the first
 * free, recorded as held.
 */
static int ingest_fresh_meeting(struct ingest_state *s, const struct ingest_part *p,
				char *mid, size_t size)
{
	struct sbuf holder = {0};
	unsigned k = 0;
	int rc;

	snprintf(mid, size, "%s", p->cid);
	while ((rc = filedb_meeting_holder(s->db, mid, &holder, s->err)) == CM_OK && holder.len) {
		sbuf_reset(&holder);
		snprintf(mid, size, "%s~%u", p->cid, ++k);
	}
	if (rc == CM_OK && k)
		rc = filedb_meeting_set_holder(s->db, mid, p->cid, s->err);
	sbuf_release(&holder);
	return rc;
}

/*
 * Stamp a new item with the time of the commit it goes into (s->stamp, in
 * place of the time its worker gave it): every commit's new items are
 * stamped later than anything committed before, so a reader that saw
 * items up to time t and asks for what came after t later misses none,
 * even while a run is half-committed (--added-since @FILE).
 */
static void ingest_stamp(struct ingest_state *s, struct xw_doc *doc)
{
	struct sbuf v = {0};

	xw_doc_get_value(doc, SLOT_ADDED, &v);
	if (v.len >= SCHEMA_ADDED_DIGITS) {
		char head[SCHEMA_ADDED_DIGITS + 8];

		snprintf(head, sizeof head, "%0*lld", (int)SCHEMA_ADDED_DIGITS, s->stamp);
		memcpy(v.buf, head, SCHEMA_ADDED_DIGITS);
		xw_doc_set_value(doc, SLOT_ADDED, v.buf, v.len);
	}
	sbuf_release(&v);
}

/* How ingest_write_docs puts documents in the database. */
enum ingest_write {
	INGEST_ADD,           /* new unique ids: add without looking */
	INGEST_REPLACE,       /* by unique id, adding when missing */
	INGEST_TAKE_OVER      /* in place of the documents of the same meeting id */
};

/*
 * Write p's documents to its shard.  INGEST_ADD is for new content (its
 * content record and its documents always commit together): adding skips
 * Xapian's lookup of the unique term, which measured ~40% of the writer's
 * time.  With shards the documents commit before the control database, so
 * they may always exist.  The spelling and stem tables go to s->db: with
 * shards that is the control database, one table for all of them, which
 * the searcher uses because Xapian's remote protocol carries neither; each
 * shard gets its own stems too, so that it can be searched on its own.
 * Documents left as they were by a take-over add no words again.
 */
static int ingest_write_docs(struct ingest_state *s, struct ingest_part *p, enum ingest_write how)
{
	struct xw_db *db = NULL;
	struct xw_words_opts stems = ingest_words(s, XW_WORDS_STEMS);
	struct xw_words_opts all = ingest_words(s, XW_WORDS_STEMS | XW_WORDS_SPELLING);
	struct xw_doc **docs = NULL;
	unsigned char *kept = NULL;
	struct sbuf term = {0};
	int rc = ingest_doc_db(s, p->shard, &db);

	if (how == INGEST_ADD && s->shards)
		how = INGEST_REPLACE;
	for (size_t i = 0; rc == CM_OK && i < p->docs.n; i++) {
		bool found = false;

		if (how != INGEST_ADD)
			rc = ingest_keep_added(db, &p->docs.docs[i], &found, s->err);
		if (rc == CM_OK && !found)
			ingest_stamp(s, p->docs.docs[i].doc);
	}
	if (rc == CM_OK && how == INGEST_TAKE_OVER) {
		docs = calloc(p->docs.n ? p->docs.n : 1, sizeof *docs);
		kept = calloc(p->docs.n ? p->docs.n : 1, 1);
		sbuf_adds(&term, PFX_FILE);
		sbuf_adds(&term, p->mid);
		if (!docs || !kept || sbuf_oom(&term)) {
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		} else {
			for (size_t i = 0; i < p->docs.n; i++)
				docs[i] = p->docs.docs[i].doc;
			rc = xw_db_replace_all(db, term.buf, docs, p->docs.n, kept, s->err);
		}
	}
	for (size_t i = 0; i < p->docs.n && rc == CM_OK; i++) {
		struct xw_doc *doc = p->docs.docs[i].doc;

		if (how == INGEST_REPLACE)
			rc = xw_db_replace(db, p->docs.docs[i].uid, doc, s->err);
		else if (how == INGEST_ADD)
			rc = xw_db_add(db, doc, s->err);
		if (kept && kept[i])
			continue;
		/* A shard's own stems (searched locally), then the run's tables (see above). */
		if (rc == CM_OK && db != s->db)
			rc = xw_db_add_words(db, doc, &stems, s->err);
		if (rc == CM_OK)
			rc = xw_db_add_words(s->db, doc, &all, s->err);
	}
	if (rc == CM_OK) {
		s->stats->items += p->docs.n;
		s->docs_since_commit += p->docs.n;
	}
	free(docs);
	free(kept);
	sbuf_release(&term);
	return rc;
}

/* Bulk build: record that p's content lives at p->logical (a worker wrote its documents). */
static int ingest_apply_bulk_part(struct ingest_state *s, struct ingest_part *p)
{
	struct filedb_content c, v;
	int rc;

	memset(&c, 0, sizeof c);
	memset(&v, 0, sizeof v);
	rc = filedb_content_load(s->db, p->cid, &c, s->err);
	if (rc == CM_OK && strv_push(&v.paths, p->logical) != CM_OK)
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	/* The path the documents show comes first: it is the primary. */
	for (size_t i = 0; rc == CM_OK && i < c.paths.n; i++)
		if (strcmp(c.paths.v[i], p->logical) != 0 && strv_push(&v.paths, c.paths.v[i]) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	if (rc == CM_OK && !p->written) {
		/* a duplicate: its path goes after the primary */
		char *self = v.paths.v[0];

		memmove(v.paths.v, v.paths.v + 1, (v.paths.n - 1) * sizeof *v.paths.v);
		v.paths.v[v.paths.n - 1] = self;
	}
	/*
	 * Which duplicate a worker wrote first is chance: when it is not the
	 * least path, the documents are rewritten from that one after the merge.
	 */
	if (rc == CM_OK && v.paths.n > 1 && ingest_least_first(&v.paths) &&
	    !strv_has(&s->redo_after, v.paths.v[0]) && strv_push(&s->redo_after, v.paths.v[0]) != CM_OK)
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	if (rc == CM_OK)
		rc = filedb_content_store(s->db, p->cid, &v, s->err);
	if (p->written) {
		s->stats->indexed++;
		s->stats->items += p->n_written;
	} else {
		s->stats->duplicates++;
	}
	filedb_content_release(&c);
	filedb_content_release(&v);
	return rc;
}

/*
 * Record that p's content lives at p->logical, writing its documents if
 * new; old is the file's record from the last run (NULL if none).
 */
static int ingest_apply_part(struct ingest_state *s, const struct ingest_job *job,
			     const struct filedb_rec *old, struct ingest_part *p)
{
	struct filedb_content c, prev;
	const char *from = NULL;
	char mid[sizeof p->mid];
	int rc;

	if (s->bulk)
		return ingest_apply_bulk_part(s, p);
	memset(&c, 0, sizeof c);
	memset(&prev, 0, sizeof prev);
	rc = filedb_content_load(s->db, p->cid, &c, s->err);
	if (rc != CM_OK)
		goto out;
	if (c.paths.n == 0) {
		/* New content: in place of the file's previous version, or fresh. */
		rc = ingest_inheritable(s, old, p, &prev, &from);
		if (rc == CM_OK && from)
			snprintf(mid, sizeof mid, "%s", filedb_content_meeting(&prev, from));
		else if (rc == CM_OK)
			rc = ingest_fresh_meeting(s, p, mid, sizeof mid);
		if (rc == CM_OK)
			rc = ingest_use_meeting(s, p, mid);
		if (rc == CM_OK)
			rc = ingest_write_docs(s, p, from ? INGEST_TAKE_OVER : INGEST_ADD);
		/* The documents are this content's now: the old record goes, so that
		 * dropping it below deletes nothing, and the meeting id names its holder. */
		if (rc == CM_OK && from) {
			strv_release(&prev.paths);
			rc = filedb_content_store(s->db, from, &prev, s->err);
		}
		if (rc == CM_OK && from)
			rc = filedb_meeting_set_holder(s->db, mid,
						       strcmp(mid, p->cid) != 0 ? p->cid : NULL, s->err);
		if (rc == CM_OK && strv_push(&c.paths, p->logical) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		sbuf_reset(&c.shard);
		sbuf_adds(&c.shard, p->shard);
		sbuf_adds(&c.meeting, p->mid);
		if (rc == CM_OK)
			rc = filedb_content_store(s->db, p->cid, &c, s->err);
		s->stats->indexed++;
	} else if (!strv_has(&c.paths, p->logical)) {
		if (strv_push(&c.paths, p->logical) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		/* A new least path becomes the primary: rewritten from it in the redo pass. */
		else if (ingest_least_first(&c.paths) && !strv_has(&s->redo, job->path) &&
			 strv_push(&s->redo, job->path) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		if (rc == CM_OK)
			rc = filedb_content_store(s->db, p->cid, &c, s->err);
		s->stats->duplicates++;
	} else if (job->force && strcmp(c.paths.v[0], p->logical) == 0) {
		/* Rewritten from another path, its meeting may now belong to another shard. */
		rc = ingest_use_meeting(s, p, filedb_content_meeting(&c, p->cid));
		if (rc == CM_OK && s->shards && strcmp(sbuf_str(&c.shard), p->shard) != 0)
			rc = ingest_delete_content(s, p->mid, sbuf_str(&c.shard));
		if (rc == CM_OK)
			rc = ingest_write_docs(s, p, INGEST_REPLACE);
		if (rc == CM_OK && s->shards) {
			sbuf_reset(&c.shard);
			sbuf_adds(&c.shard, p->shard);
			rc = filedb_content_store(s->db, p->cid, &c, s->err);
		}
		s->stats->indexed++;
	} else {
		s->stats->indexed++;   /* touched, same text: nothing to write */
	}
out:
	filedb_content_release(&c);
	filedb_content_release(&prev);
	return rc;
}

/* Apply one finished job: write new content, drop old, store the file record. */
static int ingest_apply(struct ingest_state *s, struct ingest_job *job)
{
	struct filedb_rec *old = filedb_get(s->files, job->path);
	struct filedb_rec rec;
	struct sbuf logical = {0};
	int rc = CM_OK;

	memset(&rec, 0, sizeof rec);
	rec.path = job->path;
	rec.size = job->size;
	rec.mtime_ns = job->mtime_ns;
	rec.url = job->url;
	rec.seen = true;
	s->stats->bytes += job->bytes;
	if (job->code != CM_OK) {
		ingest_fail(s, job->path, job->code, job->error);
		rec.failed = true;
		rec.reason = job->error;
	}
	for (size_t i = 0; i < job->n_parts && rc == CM_OK; i++) {
		struct ingest_part *p = &job->parts[i];

		if (p->code != CM_OK) {
			ingest_fail(s, p->logical ? p->logical : job->path, p->code, p->error);
			if (job->n_parts == 1) {
				rec.failed = true;
				rec.reason = p->error;
			}
			continue;
		}
		rc = ingest_apply_part(s, job, old, p);
		if (rc == CM_OK) {
			s->stats->ocr += p->ocr;
			if (p->note && s->opts->on_note)
				s->opts->on_note(s->opts->cb_ctx, p->logical ? p->logical : job->path, CM_OK, p->note);
		}
		if (rc == CM_OK && (strv_push(&rec.cids, p->cid) != CM_OK ||
				    strv_push(&rec.members, p->member) != CM_OK))
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	}
	/* Content the file no longer holds. */
	for (size_t i = 0; old && i < old->cids.n && rc == CM_OK; i++) {
		bool kept = false;

		for (size_t j = 0; j < rec.cids.n && !kept; j++)
			kept = strcmp(rec.cids.v[j], old->cids.v[i]) == 0 &&
			       strcmp(rec.members.v[j], old->members.v[i]) == 0;
		if (!kept) {
			ingest_logical(&logical, job->path, old->members.v[i]);
			rc = ingest_drop(s, old->cids.v[i], logical.buf);
		}
	}
	if (rc == CM_OK)
		rc = filedb_put(s->files, s->db, &rec, s->err);
	s->dirty = true;
	s->docs_since_commit++;   /* bookkeeping counts too, so all-duplicate runs still commit */
	strv_release(&rec.cids);
	strv_release(&rec.members);
	sbuf_release(&logical);
	if (rc == CM_OK)
		rc = ingest_maybe_commit(s, false);
	return rc;
}

static void ingest_report_progress(struct ingest_state *s, bool force)
{
	struct ingest_progress p;
	double now;

	if (!s->opts->on_progress)
		return;
	now = (clock_now() - s->t0);
	if (!force && now - s->last_progress < INGEST_PROGRESS_EVERY)
		return;
	s->last_progress = now;
	p.done = s->done;
	p.total = s->jobs.n;
	p.bytes = s->stats->bytes;
	p.seconds = now;
	s->opts->on_progress(s->opts->cb_ctx, &p);
}

/* Run the current job list through the workers and the writer. */
static int ingest_pass(struct ingest_state *s)
{
	unsigned n_workers = s->opts->jobs;
	struct ingest_worker *w = NULL;
	unsigned started = 0;
	int rc = CM_OK;

	if (s->jobs.n == 0)
		return CM_OK;
	if (n_workers == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		n_workers = n > 0 ? (unsigned)n : 1;
	}
	if (n_workers > s->jobs.n)
		n_workers = (unsigned)s->jobs.n;
	s->next = 0;
	s->done = 0;
	s->ring_head = s->ring_len = 0;
	s->in_flight = 0;
	s->stop = false;
	s->failed = false;
	s->max_in_flight = (size_t)n_workers * INGEST_IN_FLIGHT_PER_JOB;
	s->ring_cap = s->max_in_flight + 1;
	s->done_ring = calloc(s->ring_cap, sizeof *s->done_ring);
	s->next_part = n_workers;
	s->part_max_docs = INGEST_PART_MAX_DOCS;
	if (getenv("MINUTES_PART_DOCS"))
		s->part_max_docs = strtoul(getenv("MINUTES_PART_DOCS"), NULL, 10);
	w = calloc(n_workers, sizeof *w);
	if (!s->done_ring || !w) {
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		goto out;
	}
	for (unsigned i = 0; i < n_workers; i++) {
		w[i].s = s;
		rc = extract_ctx_new(&s->opts->extract, &w[i].ex, s->err);
		if (rc == CM_OK)
			rc = ingest_tg_new(s, &w[i].tg);
		if (rc == CM_OK)
			rc = docdata_zip_new(&w[i].zip, s->err);
		if (rc == CM_OK && s->bulk) {
			struct sbuf part = {0};

			sbuf_addf(&part, "%s/part-%u", sbuf_str(&s->bulk_dir), i);
			rc = sbuf_oom(&part) ? cm_err_set(s->err, CM_ENOMEM, "out of memory")
					     : xw_db_open(part.buf, XW_OPEN_SCRATCH, &w[i].part, s->err);
			sbuf_release(&part);
			/* Best effort: without it the rebuilt items are stamped as new. */
			if (rc == CM_OK && s->prev_path &&
			    xw_db_open_read(s->prev_path, NULL, &w[i].prev, NULL) != CM_OK)
				w[i].prev = NULL;
		}
		if (rc != CM_OK)
			goto out;
	}
	for (; started < n_workers; started++)
		if (pthread_create(&w[started].thread, NULL, ingest_worker_main, &w[started]) != 0) {
			rc = cm_err_set(s->err, CM_EINTERNAL, "cannot start worker thread: %s",
					strerror(errno));
			break;
		}
	for (size_t applied = 0; rc == CM_OK && applied < s->jobs.n; applied++) {
		size_t idx;

		pthread_mutex_lock(&s->lock);
		while (s->ring_len == 0)
			pthread_cond_wait(&s->has_done, &s->lock);
		idx = s->done_ring[s->ring_head];
		s->ring_head = (s->ring_head + 1) % s->ring_cap;
		s->ring_len--;
		pthread_mutex_unlock(&s->lock);

		rc = ingest_apply(s, &s->jobs.v[idx]);
		ingest_job_clear(&s->jobs.v[idx]);
		s->done++;
		ingest_report_progress(s, false);

		pthread_mutex_lock(&s->lock);
		s->in_flight--;
		pthread_cond_signal(&s->has_room);
		pthread_mutex_unlock(&s->lock);
	}
	ingest_report_progress(s, true);
out:
	pthread_mutex_lock(&s->lock);
	s->stop = true;
	s->failed = rc != CM_OK;
	pthread_cond_broadcast(&s->has_room);
	pthread_mutex_unlock(&s->lock);
	for (unsigned i = 0; i < started; i++)
		pthread_join(w[i].thread, NULL);
	for (unsigned i = 0; w && i < n_workers; i++) {
		if (w[i].part) {
			if (rc == CM_OK && w[i].part_rc == CM_OK)
				w[i].part_rc = xw_db_commit(w[i].part, &w[i].part_err);
			if (rc == CM_OK && w[i].part_rc != CM_OK)
				rc = cm_err_set(s->err, w[i].part_rc, "%s", w[i].part_err.msg);
			xw_db_free(w[i].part);
		}
		xw_db_free(w[i].prev);
		extract_ctx_free(w[i].ex);
		xw_tg_free(w[i].tg);
		docdata_zip_free(w[i].zip);
	}
	free(w);
	free(s->done_ring);
	s->done_ring = NULL;
	return rc;
}

/* ---- compaction --------------------------------------------------------- */

static int ingest_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove a directory tree; best effort. */
static void ingest_rmtree(const char *path)
{
	nftw(path, ingest_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * Compact dbpath into a sibling directory and swap the two atomically
 * (renameat2 RENAME_EXCHANGE), so readers see either the old or the new
 * database, never none.  db must be closed.
 */
static int ingest_compact(const char *dbpath, const char *const *srcs, size_t n_srcs,
			  struct cm_err *err)
{
	struct sbuf tmp = {0};
	struct stat st;
	int rc;

	sbuf_addf(&tmp, "%s.compact-tmp", dbpath);
	if (sbuf_oom(&tmp))
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	ingest_rmtree(tmp.buf);
	rc = xw_compact(srcs, n_srcs, tmp.buf, err);
	if (rc == CM_OK) {
		int r = stat(dbpath, &st) == 0
			? renameat2(AT_FDCWD, tmp.buf, AT_FDCWD, dbpath, RENAME_EXCHANGE)
			: rename(tmp.buf, dbpath);

		if (r != 0)
			rc = cm_err_set(err, CM_EIO, "%s: cannot swap in compacted database: %s",
					dbpath, strerror(errno));
	}
	ingest_rmtree(tmp.buf);
	sbuf_release(&tmp);
	return rc;
}

/* ---- bulk builds -------------------------------------------------------- */

/*
 * Merge the bookkeeping database and every part under bulk_dir into dbpath
 * (swapped in atomically), then bring the research denominators up to date
 * on the result.  The databases under bulk_dir must be closed.
 */
static int ingest_bulk_finish(struct ingest_state *s, const char *dbpath)
{
	struct strv srcs = {0};
	struct sbuf p = {0};
	struct xw_db *db = NULL;
	struct stat st;
	int rc = CM_OK;

	sbuf_addf(&p, "%s/meta", sbuf_str(&s->bulk_dir));
	if (strv_push(&srcs, sbuf_str(&p)) != CM_OK)
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	for (unsigned i = 0; rc == CM_OK; i++) {
		sbuf_reset(&p);
		sbuf_addf(&p, "%s/part-%u", sbuf_str(&s->bulk_dir), i);
		if (stat(sbuf_str(&p), &st) != 0)
			break;
		if (strv_push(&srcs, p.buf) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	}
	if (rc == CM_OK)
		rc = ingest_compact(dbpath, (const char *const *)srcs.v, srcs.n, s->err);
	s->stats->compacted = rc == CM_OK;
	s->stats->bulk_parts = srcs.n - 1;
	if (rc == CM_OK)
		rc = xw_db_open(dbpath, XW_OPEN_WRITE, &db, s->err);
	/* Research denominators follow the committed documents (common/denom.h). */
	if (rc == CM_OK)
		rc = denom_refresh(db, s->err);
	if (rc == CM_OK)
		rc = xw_db_commit(db, s->err);
	xw_db_free(db);
	ingest_rmtree(sbuf_str(&s->bulk_dir));
	strv_release(&srcs);
	sbuf_release(&p);
	return rc;
}

/* True when dbpath holds an index with at least one file recorded. */
static bool ingest_has_index(const char *dbpath)
{
	struct xw_db *db = NULL;
	bool has = false;

	if (xw_db_open(dbpath, XW_OPEN_READ, &db, NULL) != CM_OK)
		return false;
	has = xw_db_doccount(db, NULL) > 0;
	if (!has) {
		struct sbuf v = {0};

		/* an index of nothing but failures still has bookkeeping */
		xw_db_get_metadata(db, SCHEMA_META_VERSION, &v, NULL);
		has = v.len > 0;
		sbuf_release(&v);
	}
	xw_db_free(db);
	return has;
}

/* ---- the run ------------------------------------------------------------ */

/* dir/name as a new string in out; CM_ENOMEM. */
static int ingest_join(struct sbuf *out, const char *dir, const char *name, struct cm_err *err)
{
	sbuf_reset(out);
	sbuf_addf(out, "%s/%s", dir, name);
	return sbuf_oom(out) ? cm_err_set(err, CM_ENOMEM, "out of memory") : CM_OK;
}

static bool ingest_exists(const char *path, bool dir)
{
	struct stat st;

	return stat(path, &st) == 0 && (!dir || S_ISDIR(st.st_mode));
}

/*
 * Refuse to mix layouts: a single database never becomes shards in place,
 * shards are never written as one database, and the shard key never
 * changes (the placement of every document depends on it).
 */
static int ingest_check_layout(const char *dbpath, const struct ingest_opts *opts,
			       struct cm_err *err)
{
	struct sbuf p = {0}, mode = {0};
	struct xw_db *ctl = NULL;
	const char *want = shard_by_name(opts->shard_by);
	int rc = ingest_join(&p, dbpath, SCHEMA_CONTROL_DIR, err);

	if (rc != CM_OK)
		goto out;
	if (ingest_exists(p.buf, true)) {
		rc = xw_db_open(p.buf, XW_OPEN_READ, &ctl, err);
		if (rc == CM_OK)
			rc = xw_db_get_metadata(ctl, SCHEMA_META_SHARD_BY, &mode, err);
		if (rc == CM_OK && mode.len && strcmp(mode.buf, want) != 0)
			rc = cm_err_set(err, CM_EINVAL, opts->shard_by == SHARD_NONE ?
					"%s: this index is sharded by %s: run with --shard-by %s" :
					"%s: this index is sharded by %s, not %s: index into a new directory",
					dbpath, mode.buf, opts->shard_by == SHARD_NONE ? mode.buf : want);
		goto out;
	}
	if (opts->shard_by == SHARD_NONE)
		goto out;
	rc = ingest_join(&p, dbpath, "iamglass", err);
	if (rc == CM_OK && ingest_exists(p.buf, false))
		rc = cm_err_set(err, CM_EINVAL, "%s: holds a single database: shard into a new "
				"directory", dbpath);
	if (rc == CM_OK && (rc = ingest_join(&p, dbpath, "XAPIANDB", err)) == CM_OK &&
	    ingest_exists(p.buf, false))
		rc = cm_err_set(err, CM_EINVAL, "%s: has a stub but no control database: not "
				"an index written with --shard-by", dbpath);
out:
	xw_db_free(ctl);
	sbuf_release(&p);
	sbuf_release(&mode);
	return rc;
}

/*
 * Open the writable databases of the run: the one database at dbpath, or
 * the control database and the shards.  *fresh: nothing was there before
 * (or --full), so the run builds from scratch.
 */
static int ingest_open(struct ingest_state *s, const char *dbpath, bool *fresh)
{
	const struct ingest_opts *o = s->opts;
	struct sbuf ctl = {0}, mode = {0};
	int rc = ingest_check_layout(dbpath, o, s->err);

	if (rc != CM_OK)
		return rc;
	if (o->shard_by == SHARD_NONE) {
		*fresh = o->full || !ingest_has_index(dbpath);
		if (!*fresh)
			return xw_db_open(dbpath, XW_OPEN_WRITE, &s->db, s->err);
		/* A bulk build (see the file comment): parts under "<dbpath>.bulk". */
		s->bulk = true;
		sbuf_addf(&s->bulk_dir, "%s.bulk", dbpath);
		ingest_rmtree(sbuf_str(&s->bulk_dir));   /* left by a killed run */
		if (sbuf_oom(&s->bulk_dir) || (mkdir(s->bulk_dir.buf, 0777) != 0 && errno != EEXIST))
			return cm_err_set(s->err, CM_EIO, "%s: %s", sbuf_str(&s->bulk_dir),
					  strerror(errno));
		sbuf_addf(&ctl, "%s/meta", s->bulk_dir.buf);
		rc = sbuf_oom(&ctl) ? cm_err_set(s->err, CM_ENOMEM, "out of memory")
				    : xw_db_open(ctl.buf, XW_OPEN_SCRATCH, &s->db, s->err);
		sbuf_release(&ctl);
		return rc;
	}
	rc = ingest_join(&ctl, dbpath, SCHEMA_CONTROL_DIR, s->err);
	if (rc == CM_OK) {
		*fresh = o->full || !ingest_exists(ctl.buf, true);
		rc = shard_set_open(dbpath, o->full, &s->shards, s->err);
	}
	if (rc == CM_OK)
		rc = xw_db_open(ctl.buf, o->full ? XW_OPEN_OVERWRITE : XW_OPEN_WRITE, &s->db, s->err);
	if (rc == CM_OK)
		rc = xw_db_get_metadata(s->db, SCHEMA_META_SHARD_BY, &mode, s->err);
	if (rc == CM_OK && !mode.len)
		rc = xw_db_set_metadata(s->db, SCHEMA_META_SHARD_BY, shard_by_name(o->shard_by),
					strlen(shard_by_name(o->shard_by)), s->err);
	sbuf_release(&ctl);
	sbuf_release(&mode);
	return rc;
}

/*
 * The lock file of dbpath: ".NAME.lock" beside it, hidden, so that a crawl
 * of a folder holding the database skips it like any dot file.
 */
static void ingest_lock_path(const char *dbpath, struct sbuf *out)
{
	size_t n = strlen(dbpath), b;

	while (n > 1 && dbpath[n - 1] == '/')
		n--;
	for (b = n; b > 0 && dbpath[b - 1] != '/'; b--)
		;
	sbuf_addf(out, "%.*s.%.*s.lock", (int)b, dbpath, (int)(n - b), dbpath + b);
}

/*
 * Take ".<dbpath>.lock" for the whole run, before anything at dbpath or its
 * siblings (<dbpath>.bulk, .compact-tmp) is touched: a second run on the
 * same database fails at once with CM_ELOCKED instead of deleting the
 * first one's parts.  Xapian's own lock cannot serve: a bulk build writes
 * nothing at dbpath until the end, and swaps the directory that holds it.
 * *fd is the held descriptor (-1 on failure), for ingest_unlock.
 */
static int ingest_lock(const char *dbpath, int *fd, struct cm_err *err)
{
	struct sbuf p = {0};
	int rc = CM_OK;

	*fd = -1;
	ingest_lock_path(dbpath, &p);
	if (sbuf_oom(&p))
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	for (;;) {
		struct stat held, now;
		int f = open(p.buf, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);

		if (f < 0) {
			rc = cm_err_set(err, CM_EIO, "%s: %s", p.buf, strerror(errno));
			break;
		}
		if (flock(f, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;

			close(f);
			rc = e == EWOULDBLOCK
				? cm_err_set(err, CM_ELOCKED, "%s: database is locked: another "
					     "minutes-index is writing it", dbpath)
				: cm_err_set(err, CM_EIO, "%s: %s", p.buf, strerror(e));
			break;
		}
		/* The holder before us unlinks the file as it ends: lock the one at the path. */
		if (fstat(f, &held) == 0 && stat(p.buf, &now) == 0 &&
		    held.st_dev == now.st_dev && held.st_ino == now.st_ino) {
			*fd = f;
			break;
		}
		close(f);
	}
	sbuf_release(&p);
	return rc;
}

/* Remove and release the lock ingest_lock took (fd -1: nothing). */
static void ingest_unlock(const char *dbpath, int fd)
{
	struct sbuf p = {0};

	if (fd < 0)
		return;
	ingest_lock_path(dbpath, &p);
	if (!sbuf_oom(&p))
		unlink(p.buf);      /* while still held: see ingest_lock */
	close(fd);
	sbuf_release(&p);
}

/* Queue the redo paths (duplicates whose primary went away) as forced jobs. */
static int ingest_queue_redo(struct ingest_state *s)
{
	struct stat st;

	ingest_joblist_release(&s->jobs);
	for (size_t i = 0; i < s->redo.n; i++) {
		if (stat(s->redo.v[i], &st) != 0)
			continue;
		sbuf_reset(&s->url);
		urlmap_lookup(s->urls, s->roots, s->n_roots, s->redo.v[i], &s->url);
		if (sbuf_oom(&s->url) ||
		    ingest_joblist_add(&s->jobs, s->redo.v[i], &st, sbuf_str(&s->url), true) != CM_OK)
			return cm_err_set(s->err, CM_ENOMEM, "out of memory");
		int rc = ingest_job_hints(s);

		if (rc != CM_OK)
			return rc;
	}
	strv_release(&s->redo);
	return CM_OK;
}

/*
 * The URL map of the run: the --url-prefix mappings given (stored for the
 * next runs), else those the last run stored; "none" clears them.  A bulk
 * build reads them from the index it replaces.
 */
static int ingest_url_setup(struct ingest_state *s, const char *dbpath)
{
	const struct ingest_opts *o = s->opts;
	struct sbuf stored = {0}, before = {0};
	struct strv specs = {0};
	struct xw_db *old = NULL;
	int rc = CM_OK;

	if (o->n_url_prefixes) {
		for (size_t i = 0; i < o->n_url_prefixes && rc == CM_OK; i++) {
			if (strcmp(o->url_prefixes[i], "none") == 0)
				continue;
			if (stored.len)
				sbuf_addch(&stored, '\n');
			sbuf_adds(&stored, o->url_prefixes[i]);
			if (strchr(o->url_prefixes[i], '\n') ||
			    strv_push(&specs, o->url_prefixes[i]) != CM_OK)
				rc = cm_err_set(s->err, CM_EINVAL, "bad --url-prefix");
		}
	} else if (s->bulk) {
		if (ingest_has_index(dbpath) && xw_db_open_read(dbpath, NULL, &old, NULL) == CM_OK)
			xw_db_get_metadata(old, SCHEMA_META_URLS, &stored, NULL);
		xw_db_free(old);
	} else {
		rc = xw_db_get_metadata(s->db, SCHEMA_META_URLS, &stored, s->err);
	}
	for (const char *p = sbuf_str(&stored); rc == CM_OK && !o->n_url_prefixes && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n && strv_pushn(&specs, p, n) != CM_OK)
			rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
		p += n + (nl ? 1 : 0);
	}
	if (rc == CM_OK)
		rc = urlmap_new((const char *const *)specs.v, specs.n, &s->urls, s->err);
	if (rc == CM_OK && sbuf_oom(&stored))
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	if (rc == CM_OK && !s->bulk)
		rc = xw_db_get_metadata(s->db, SCHEMA_META_URLS, &before, s->err);
	if (rc == CM_OK && (s->bulk || before.len != stored.len ||
			    memcmp(sbuf_str(&before), sbuf_str(&stored), stored.len) != 0))
		rc = xw_db_set_metadata(s->db, SCHEMA_META_URLS, sbuf_str(&stored), stored.len, s->err);
	strv_release(&specs);
	sbuf_release(&stored);
	sbuf_release(&before);
	return rc;
}

/*
 * Record the run's roots with their real paths (SCHEMA_META_ROOTS), with
 * those of earlier runs: `serve --serve-files` serves files under them
 * only.  A root that cannot be resolved is left out.
 */
static int ingest_store_roots(struct ingest_state *s)
{
	struct sbuf old = {0}, out = {0};
	int rc = xw_db_get_metadata(s->db, SCHEMA_META_ROOTS, &old, s->err);

	for (size_t i = 0; rc == CM_OK && i < s->n_roots; i++) {
		char *real = realpath(s->roots[i], NULL);

		if (real && !strpbrk(s->roots[i], "\t\n") && !strchr(real, '\n'))
			sbuf_addf(&out, "%s\t%s\n", s->roots[i], real);
		free(real);
	}
	/* Earlier roots not given this time stay (their files stay indexed). */
	for (const char *p = sbuf_str(&old); rc == CM_OK && *p;) {
		const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		bool again = false;

		for (size_t i = 0; tab && i < s->n_roots && !again; i++)
			again = strlen(s->roots[i]) == (size_t)(tab - p) &&
				strncmp(s->roots[i], p, (size_t)(tab - p)) == 0;
		if (tab && tab < p + n && !again) {
			sbuf_add(&out, p, n);
			sbuf_addch(&out, '\n');
		}
		p += n + (nl ? 1 : 0);
	}
	if (rc == CM_OK && sbuf_oom(&out))
		rc = cm_err_set(s->err, CM_ENOMEM, "out of memory");
	if (rc == CM_OK && (out.len != old.len || memcmp(sbuf_str(&out), sbuf_str(&old), out.len)))
		rc = xw_db_set_metadata(s->db, SCHEMA_META_ROOTS, sbuf_str(&out), out.len, s->err);
	sbuf_release(&old);
	sbuf_release(&out);
	return rc;
}

static int ingest_count_file(void *ctx, struct filedb_rec *rec)
{
	(void)rec;
	(*(size_t *)ctx)++;
	return 1;	/* one is enough */
}

/*
 * The glossary phrases this run's items get terms for: those the index was
 * built with (SCHEMA_META_PHRASES), so that every item of it answers the
 * same way; for an index that holds nothing yet (a fresh one, or one whose
 * first run was killed before recording anything), the shipped glossary's,
 * which are then recorded.  An index built before phrase terms gets none:
 * its phrases stay phrase queries until a --full rebuild.
 */
static int ingest_load_phrases(struct ingest_state *s, bool fresh)
{
	struct sbuf stored = {0};
	size_t files = 0;
	int rc = xw_db_get_metadata(s->db, SCHEMA_META_PHRASES, &stored, s->err);

	if (!fresh)
		filedb_each(s->files, ingest_count_file, &files);
	if (rc == CM_OK && stored.len)
		rc = glossary_keys_split(stored.buf, stored.len, &s->phrases);
	else if (rc == CM_OK && (fresh || files == 0)) {
		rc = glossary_keys((const char *)glossary_text, glossary_text_len, &s->phrases);
		sbuf_reset(&stored);
		if (rc == CM_OK)
			rc = glossary_keys_join(&s->phrases, &stored);
		if (rc == CM_OK && stored.len)
			rc = xw_db_set_metadata(s->db, SCHEMA_META_PHRASES, stored.buf, stored.len,
						s->err);
		/* Shards commit on their own: the list must be in the control database
		 * before any shard holds an item built with it (a kill in between would
		 * leave items with terms under an index that names none). */
		if (rc == CM_OK && s->shards)
			rc = xw_db_commit(s->db, s->err);
	}
	if (rc == CM_ENOMEM)
		cm_err_set(s->err, rc, "out of memory");
	sbuf_release(&stored);
	return rc;
}

/*
 * One run with the lock held.  redo_in: logical paths to make primary
 * (rewritten as forced jobs), or NULL; redo_out: where a bulk build leaves
 * the paths it could not make primary itself (see redo_after), or NULL.
 */
static int ingest_run_locked(const char *dbpath, const char *const *roots, size_t n_roots,
			     const struct ingest_opts *opts, struct ingest_stats *stats,
			     const struct strv *redo_in, struct strv *redo_out, struct cm_err *err)
{
	struct ingest_state s;
	struct crawl_opts co = { opts->excludes, opts->n_excludes };
	struct strv norm = {0}, compact = {0};
	bool fresh = true;
	int rc;

	memset(stats, 0, sizeof *stats);
	memset(&s, 0, sizeof s);
	s.opts = opts;
	s.stats = stats;
	s.err = err;
	s.now = ingest_now_ms();
	s.stamp = s.now;
	s.t0 = clock_now();
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.has_done, NULL);
	pthread_cond_init(&s.has_room, NULL);
	pthread_mutex_init(&s.claim_lock, NULL);

	/* Roots as the crawler will spell paths: no trailing slash, no leading "./". */
	for (size_t i = 0; i < n_roots; i++) {
		const char *r = roots[i];
		size_t n;

		while (r[0] == '.' && r[1] == '/' && r[2])
			r += 2;
		n = strlen(r);
		while (n > 1 && r[n - 1] == '/')
			n--;
		if (strv_pushn(&norm, r, n) != CM_OK) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
			goto out;
		}
	}
	s.roots = (const char *const *)norm.v;
	s.n_roots = norm.n;

	rc = ingest_open(&s, dbpath, &fresh);
	if (rc != CM_OK)
		goto out;
	if (s.bulk && ingest_has_index(dbpath))
		s.prev_path = dbpath;
	if (!s.bulk && !s.shards) {
		/* A clock set back must not stamp new items before ones already there. */
		struct sbuf lo = {0}, hi = {0};
		long long newest = 0;

		if (xw_db_value_bounds(s.db, SLOT_ADDED, &lo, &hi, NULL) == CM_OK &&
		    hi.len >= SCHEMA_ADDED_DIGITS)
			for (size_t i = 0; i < SCHEMA_ADDED_DIGITS && hi.buf[i] >= '0' && hi.buf[i] <= '9'; i++)
				newest = newest * 10 + (hi.buf[i] - '0');
		if (newest >= s.stamp)
			s.stamp = newest + 1;
		sbuf_release(&lo);
		sbuf_release(&hi);
	}
	{
		struct sbuf ver = {0};

		/*
		 * Never mix schemas in one index: a version 1 index holds stem
		 * terms and stopwords, and its queries would miss what a version
		 * 2 run writes (and the other way round).  An index with
		 * documents but no version predates the key: just as old.
		 */
		rc = xw_db_get_metadata(s.db, SCHEMA_META_VERSION, &ver, err);
		if (rc == CM_OK && !ver.len && !s.shards && xw_db_doccount(s.db, NULL) > 0)
			sbuf_adds(&ver, "1");
		if (rc == CM_OK && ver.len && strcmp(ver.buf, SCHEMA_VERSION) != 0)
			rc = cm_err_set(err, CM_EDB,
					"%s: index schema %s, this program writes %s: rebuild with --full",
					dbpath, ver.buf, SCHEMA_VERSION);
		else if (rc == CM_OK && !ver.len)
			rc = xw_db_set_metadata(s.db, SCHEMA_META_VERSION, SCHEMA_VERSION,
						strlen(SCHEMA_VERSION), err);
		sbuf_release(&ver);
		if (rc != CM_OK)
			goto out;
	}
	rc = filedb_load(s.db, &s.files, err);
	if (rc == CM_OK)
		rc = ingest_url_setup(&s, dbpath);
	if (rc == CM_OK)
		rc = ingest_store_roots(&s);
	if (rc == CM_OK)
		rc = ingest_load_phrases(&s, fresh);
	if (rc != CM_OK)
		goto out;

	for (size_t i = 0; i < s.n_roots && rc == CM_OK; i++) {
		rc = crawl_walk(s.roots[i], &co, ingest_on_file, &s, err);
		if (rc == CM_OK && err && err->code != CM_OK)
			rc = err->code;   /* the callback ran out of memory */
	}
	if (rc != CM_OK)
		goto out;
	for (size_t i = 0; redo_in && i < redo_in->n && rc == CM_OK; i++) {
		struct sbuf tmp = {0};
		const char *phys = ingest_physical(&s, redo_in->v[i], &tmp);

		if (phys && !strv_has(&s.redo, phys) && strv_push(&s.redo, phys) != CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		sbuf_release(&tmp);
	}
	if (rc == CM_OK)
		rc = ingest_remove_gone(&s);
	if (rc == CM_OK)
		rc = ingest_pass(&s);
	if (rc == CM_OK && s.redo.n && !s.bulk) {
		rc = ingest_queue_redo(&s);
		if (rc == CM_OK)
			rc = ingest_pass(&s);
	}
	if (rc == CM_OK) {
		if (fresh)
			s.dirty = true;
		rc = ingest_maybe_commit(&s, true);
	}
	/*
	 * Research denominators follow the committed documents (common/denom.h).
	 * Not with shards: the control database holds no documents, and over a
	 * stub Xapian reads metadata from the first shard only; readers recount.
	 */
	if (rc == CM_OK && !s.bulk && !s.shards)
		rc = denom_refresh(s.db, err);
	if (rc == CM_OK && !s.bulk && s.dirty)
		rc = ingest_maybe_commit(&s, true);
out:
	/* Closing commits: shards before the bookkeeping, as every commit does. */
	for (size_t i = 0; s.shards && i < shard_set_count(s.shards); i++)
		if (strv_push(&compact, shard_set_path(s.shards, i)) != CM_OK && rc == CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	if (!s.shards && strv_push(&compact, dbpath) != CM_OK && rc == CM_OK)
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	shard_set_free(s.shards);
	s.shards = NULL;
	xw_db_free(s.db);
	s.db = NULL;
	if (rc == CM_OK && s.bulk)
		rc = ingest_bulk_finish(&s, dbpath);
	else if (s.bulk && s.bulk_dir.len)
		ingest_rmtree(s.bulk_dir.buf);
	xw_tg_free(s.tg);
	docdata_zip_free(s.zip);
	for (size_t i = 0; i < s.claimed_cap; i++)
		free(s.claimed[i]);
	free(s.claimed);
	sbuf_release(&s.bulk_dir);
	pthread_mutex_destroy(&s.claim_lock);
	if (rc == CM_OK && !s.bulk && fresh && opts->compact && stats->items) {
		for (size_t i = 0; i < compact.n && rc == CM_OK; i++) {
			const char *src = compact.v[i];

			rc = ingest_compact(src, &src, 1, err);
		}
		stats->compacted = rc == CM_OK;
	}
	strv_release(&compact);
	if (rc == CM_OK && s.bulk && redo_out) {
		*redo_out = s.redo_after;
		memset(&s.redo_after, 0, sizeof s.redo_after);
	}
	strv_release(&s.redo_after);
	stats->seconds = (clock_now() - s.t0);
	filedb_free(s.files);
	urlmap_free(s.urls);
	sbuf_release(&s.url);
	ingest_joblist_release(&s.jobs);
	strv_release(&s.redo);
	strv_release(&s.phrases);
	strv_release(&norm);
	pthread_mutex_destroy(&s.lock);
	pthread_cond_destroy(&s.has_done);
	pthread_cond_destroy(&s.has_room);
	return rc;
}

int ingest_run(const char *dbpath, const char *const *roots, size_t n_roots,
	       const struct ingest_opts *opts, struct ingest_stats *stats, struct cm_err *err)
{
	struct strv redo = {0};
	int lock = -1, rc = ingest_lock(dbpath, &lock, err);

	if (rc != CM_OK) {
		memset(stats, 0, sizeof *stats);
		return rc;
	}
	extract_clean_stale();  /* converters' temp files of killed runs */
	rc = ingest_run_locked(dbpath, roots, n_roots, opts, stats, NULL, &redo, err);
	if (rc == CM_OK && redo.n) {
		/* A bulk build's duplicates whose least path a worker did not write first. */
		struct ingest_opts o = *opts;
		struct ingest_stats more;

		o.full = false;
		rc = ingest_run_locked(dbpath, roots, n_roots, &o, &more, &redo, NULL, err);
		stats->seconds += more.seconds;
	}
	strv_release(&redo);
	/*
	 * The arrays one-shot searches count facets from, for the revision just
	 * committed (a no-op when it has not changed).  Shards are searched
	 * through a stub, which counts with Xapian's spies and has no use for them.
	 */
	if (rc == CM_OK && opts->shard_by == SHARD_NONE) {
		static const unsigned slots[] = SCHEMA_ARRAY_SLOTS, ranks[] = SCHEMA_RANK_SLOTS;
		static const struct xw_arrays_split splits[] = SCHEMA_ARRAY_SPLITS;

		rc = xw_arrays_save(dbpath, slots, sizeof slots / sizeof *slots,
				    ranks, sizeof ranks / sizeof *ranks,
				    splits, sizeof splits / sizeof *splits, err);
	}
	ingest_unlock(dbpath, lock);
	return rc;
}
