/*
 * filedb.c - file and content records in database metadata (see filedb.h)
 *
 * Record formats (paths may hold any byte but NUL, so NUL separates):
 *   file:    "size mtime_ns ok|fail[ url]\n" path NUL, then "cid" NUL "member" NUL
 *            per part, or the failure reason (the URL, which holds no
 *            space, came later: older records end the line after the status)
 *   content: logical paths, each followed by NUL, after the optional
 *            tagged fields NUL "shard KEY" NUL (a sharded index) and NUL
 *            "meeting ID" NUL (documents taken over from an earlier
 *            version); paths are never empty, so the empty field marks a
 *            tag and a plain record is just its paths
 * Metadata keys are limited in length, so a path over FILEDB_KEY_MAX bytes
 * is keyed by its hash; the path itself is always in the value.
 * In memory the records live in an open-addressing hash table keyed by path.
 */
#include "filedb.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "schema.h"

/* Xapian refuses metadata keys much over 240 bytes; leave room for the prefix. */
enum { FILEDB_KEY_MAX = 200 };

struct filedb {
	struct filedb_rec **slots;  /* table of owned records, NULL = empty */
	size_t cap;                 /* slots allocated (power of two) */
	size_t n;                   /* records held */
};

static void filedb_key(struct sbuf *out, const char *prefix, const char *name)
{
	size_t len = strlen(name);

	sbuf_adds(out, prefix);
	if (len <= FILEDB_KEY_MAX)
		sbuf_add(out, name, len);
	else
		sbuf_addf(out, "#%016" PRIx64 "%zu", hash64(name, len), len);
}

/* Free a record's fields (not rec itself) and zero it.  NULL-safe. */
static void filedb_rec_release(struct filedb_rec *rec)
{
	if (!rec)
		return;
	free(rec->path);
	free(rec->reason);
	free(rec->url);
	strv_release(&rec->cids);
	strv_release(&rec->members);
	memset(rec, 0, sizeof *rec);
}

static void filedb_rec_free(struct filedb_rec *rec)
{
	filedb_rec_release(rec);
	free(rec);
}

/* Slot where path is or would go. */
static size_t filedb_find(const struct filedb *f, const char *path)
{
	size_t mask = f->cap - 1;
	size_t i = (size_t)hash64(path, strlen(path)) & mask;

	while (f->slots[i] && strcmp(f->slots[i]->path, path) != 0)
		i = (i + 1) & mask;
	return i;
}

static int filedb_grow(struct filedb *f)
{
	size_t ncap = f->cap ? f->cap * 2 : 1024;
	struct filedb_rec **old = f->slots;
	size_t ocap = f->cap;

	f->slots = calloc(ncap, sizeof *f->slots);
	if (!f->slots) {
		f->slots = old;
		return CM_ENOMEM;
	}
	f->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i])
			f->slots[filedb_find(f, old[i]->path)] = old[i];
	free(old);
	return CM_OK;
}

/* Insert rec (taking ownership), replacing any record with its path. */
static int filedb_insert(struct filedb *f, struct filedb_rec *rec)
{
	size_t i;

	if ((f->n + 1) * 2 > f->cap && filedb_grow(f) != CM_OK) {
		filedb_rec_free(rec);
		return CM_ENOMEM;
	}
	i = filedb_find(f, rec->path);
	if (f->slots[i])
		filedb_rec_free(f->slots[i]);
	else
		f->n++;
	f->slots[i] = rec;
	return CM_OK;
}

/* The NUL-terminated field at *p (before end); advances *p past it. */
static const char *filedb_field(const char **p, const char *end, size_t *len)
{
	const char *start = *p, *nul = memchr(start, '\0', (size_t)(end - start));

	if (!nul)
		return NULL;
	*len = (size_t)(nul - start);
	*p = nul + 1;
	return start;
}

static int filedb_parse(const char *v, size_t len, struct filedb_rec *rec)
{
	const char *end = v + len, *nl, *f, *m;
	char status[8] = "";
	size_t flen, mlen;

	if (sscanf(v, "%lld %lld %7s", &rec->size, &rec->mtime_ns, status) != 3)
		return CM_EFORMAT;
	nl = memchr(v, '\n', len);
	if (!nl)
		return CM_EFORMAT;
	{
		/* The URL is the line's fourth word, when there is one. */
		const char *w = v;

		for (int k = 0; k < 3 && w; k++) {
			w = memchr(w, ' ', (size_t)(nl - w));
			w = w ? w + 1 : NULL;
		}
		if (w && w < nl && !(rec->url = strndup(w, (size_t)(nl - w))))
			return CM_ENOMEM;
	}
	v = nl + 1;
	f = filedb_field(&v, end, &flen);
	if (!f)
		return CM_EFORMAT;
	rec->path = strndup(f, flen);
	if (!rec->path)
		return CM_ENOMEM;
	rec->failed = strcmp(status, "fail") == 0;
	if (rec->failed) {
		rec->reason = strndup(v, (size_t)(end - v));
		return rec->reason ? CM_OK : CM_ENOMEM;
	}
	while (v < end) {
		f = filedb_field(&v, end, &flen);
		m = f ? filedb_field(&v, end, &mlen) : NULL;
		if (!m)
			return CM_EFORMAT;
		if (strv_pushn(&rec->cids, f, flen) != CM_OK ||
		    strv_pushn(&rec->members, m, mlen) != CM_OK)
			return CM_ENOMEM;
	}
	return CM_OK;
}

struct filedb_loader {
	struct xw_db *db;          /* source */
	struct filedb *f;          /* destination */
	struct sbuf val;           /* scratch */
	int rc;                    /* first failure */
	struct cm_err *err;        /* where it is described */
};

static int filedb_load_one(void *ctx, const char *key, size_t len, unsigned freq)
{
	struct filedb_loader *l = ctx;
	struct filedb_rec *rec;
	char k[FILEDB_KEY_MAX + 64];

	(void)freq;
	if (len >= sizeof k)
		return 0;
	memcpy(k, key, len);
	k[len] = '\0';
	sbuf_reset(&l->val);
	l->rc = xw_db_get_metadata(l->db, k, &l->val, l->err);
	if (l->rc != CM_OK)
		return 1;
	rec = calloc(1, sizeof *rec);
	if (!rec) {
		l->rc = cm_err_set(l->err, CM_ENOMEM, "out of memory loading file records");
		return 1;
	}
	if (filedb_parse(l->val.buf, l->val.len, rec) != CM_OK) {
		/* A damaged record only costs a re-index of that file. */
		filedb_rec_free(rec);
		return 0;
	}
	if (filedb_insert(l->f, rec) != CM_OK) {
		l->rc = cm_err_set(l->err, CM_ENOMEM, "out of memory loading file records");
		return 1;
	}
	return 0;
}

int filedb_load(struct xw_db *db, struct filedb **out, struct cm_err *err)
{
	struct filedb_loader l = { db, NULL, {0}, CM_OK, err };
	int rc;

	*out = NULL;
	l.f = calloc(1, sizeof *l.f);
	if (!l.f || filedb_grow(l.f) != CM_OK) {
		free(l.f);
		return cm_err_set(err, CM_ENOMEM, "out of memory loading file records");
	}
	rc = xw_db_each_metadata_key(db, SCHEMA_META_FILE, filedb_load_one, &l, err);
	if (rc == CM_OK)
		rc = l.rc;
	sbuf_release(&l.val);
	if (rc != CM_OK) {
		filedb_free(l.f);
		return rc;
	}
	*out = l.f;
	return CM_OK;
}

void filedb_free(struct filedb *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->cap; i++)
		if (f->slots[i])
			filedb_rec_free(f->slots[i]);
	free(f->slots);
	free(f);
}

struct filedb_rec *filedb_get(struct filedb *f, const char *path)
{
	return f->slots[filedb_find(f, path)];
}

int filedb_put(struct filedb *f, struct xw_db *db, const struct filedb_rec *rec,
	       struct cm_err *err)
{
	struct sbuf key = {0}, val = {0};
	struct filedb_rec *copy = calloc(1, sizeof *copy);
	int rc = CM_OK;

	if (!copy)
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", rec->path);
	copy->path = strdup(rec->path);
	copy->size = rec->size;
	copy->mtime_ns = rec->mtime_ns;
	copy->failed = rec->failed;
	copy->reason = rec->reason ? strdup(rec->reason) : NULL;
	copy->seen = rec->seen;
	copy->url = rec->url && *rec->url ? strdup(rec->url) : NULL;
	sbuf_addf(&val, "%lld %lld %s", rec->size, rec->mtime_ns, rec->failed ? "fail" : "ok");
	if (rec->url && *rec->url && !strpbrk(rec->url, " \n"))
		sbuf_addf(&val, " %s", rec->url);
	sbuf_addch(&val, '\n');
	sbuf_add(&val, rec->path, strlen(rec->path) + 1);
	if (rec->failed) {
		sbuf_adds(&val, rec->reason ? rec->reason : "");
	} else {
		for (size_t i = 0; i < rec->cids.n; i++) {
			sbuf_add(&val, rec->cids.v[i], strlen(rec->cids.v[i]) + 1);
			sbuf_add(&val, rec->members.v[i], strlen(rec->members.v[i]) + 1);
			if (strv_push(&copy->cids, rec->cids.v[i]) != CM_OK ||
			    strv_push(&copy->members, rec->members.v[i]) != CM_OK)
				val.oom = true;
		}
	}
	filedb_key(&key, SCHEMA_META_FILE, rec->path);
	if (!copy->path || (rec->reason && !copy->reason) || (rec->url && *rec->url && !copy->url) || sbuf_oom(&key) || sbuf_oom(&val)) {
		filedb_rec_free(copy);
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory", rec->path);
		goto out;
	}
	rc = xw_db_set_metadata(db, key.buf, val.buf, val.len, err);
	if (rc != CM_OK) {
		filedb_rec_free(copy);
		goto out;
	}
	if (filedb_insert(f, copy) != CM_OK)
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory", rec->path);
out:
	sbuf_release(&key);
	sbuf_release(&val);
	return rc;
}

int filedb_remove(struct filedb *f, struct xw_db *db, const char *path, struct cm_err *err)
{
	struct sbuf key = {0};
	size_t i, j, mask = f->cap - 1;
	int rc;

	filedb_key(&key, SCHEMA_META_FILE, path);
	if (sbuf_oom(&key))
		return cm_err_set(err, CM_ENOMEM, "%s: out of memory", path);
	rc = xw_db_set_metadata(db, key.buf, "", 0, err);
	sbuf_release(&key);
	if (rc != CM_OK)
		return rc;
	i = filedb_find(f, path);
	if (!f->slots[i])
		return CM_OK;
	filedb_rec_free(f->slots[i]);
	f->slots[i] = NULL;
	f->n--;
	/* Re-seat the rest of the probe run so lookups still find them. */
	for (j = (i + 1) & mask; f->slots[j]; j = (j + 1) & mask) {
		struct filedb_rec *r = f->slots[j];

		f->slots[j] = NULL;
		f->slots[filedb_find(f, r->path)] = r;
	}
	return CM_OK;
}

void filedb_each(struct filedb *f, int (*fn)(void *ctx, struct filedb_rec *rec), void *ctx)
{
	for (size_t i = 0; i < f->cap; i++)
		if (f->slots[i] && fn(ctx, f->slots[i]))
			return;
}

/* Metadata value tags of the fields before the paths. */
static const char FILEDB_SHARD_TAG[] = "shard ";
static const char FILEDB_MEETING_TAG[] = "meeting ";

/* If field f (n bytes) is tagged tag, append its value to out and return true. */
static bool filedb_tagged(const char *f, size_t n, const char *tag, struct sbuf *out)
{
	size_t t = strlen(tag);

	if (n < t || memcmp(f, tag, t) != 0)
		return false;
	sbuf_add(out, f + t, n - t);
	return true;
}

int filedb_content_load(struct xw_db *db, const char *cid, struct filedb_content *out,
			struct cm_err *err)
{
	struct sbuf key = {0}, val = {0};
	bool tagged = false;   /* the next field is a tagged one (an empty field precedes each) */
	int rc;

	filedb_key(&key, "content:", cid);
	rc = xw_db_get_metadata(db, sbuf_str(&key), &val, err);
	for (size_t i = 0; rc == CM_OK && i < val.len;) {
		const char *f = val.buf + i;
		const char *eol = memchr(f, '\0', val.len - i);
		size_t n = eol ? (size_t)(eol - f) : val.len - i;

		if (n == 0)
			tagged = true;
		else if (tagged && (filedb_tagged(f, n, FILEDB_SHARD_TAG, &out->shard) ||
				    filedb_tagged(f, n, FILEDB_MEETING_TAG, &out->meeting)))
			tagged = false;
		else if (strv_pushn(&out->paths, f, n) != CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		i += n + 1;
	}
	if (rc == CM_OK && (sbuf_oom(&out->shard) || sbuf_oom(&out->meeting)))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	sbuf_release(&key);
	sbuf_release(&val);
	return rc;
}

int filedb_content_store(struct xw_db *db, const char *cid, const struct filedb_content *c,
			 struct cm_err *err)
{
	struct sbuf key = {0}, val = {0};
	int rc;

	filedb_key(&key, "content:", cid);
	if (c->paths.n && c->shard.len) {
		sbuf_addch(&val, '\0');
		sbuf_adds(&val, FILEDB_SHARD_TAG);
		sbuf_add(&val, c->shard.buf, c->shard.len + 1);
	}
	if (c->paths.n && c->meeting.len && strcmp(c->meeting.buf, cid) != 0) {
		sbuf_addch(&val, '\0');
		sbuf_adds(&val, FILEDB_MEETING_TAG);
		sbuf_add(&val, c->meeting.buf, c->meeting.len + 1);
	}
	for (size_t i = 0; i < c->paths.n; i++)
		sbuf_add(&val, c->paths.v[i], strlen(c->paths.v[i]) + 1);
	if (sbuf_oom(&key) || sbuf_oom(&val) || sbuf_oom(&c->shard) || sbuf_oom(&c->meeting))
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory", cid);
	else
		rc = xw_db_set_metadata(db, key.buf, val.len ? val.buf : "", val.len, err);
	sbuf_release(&key);
	sbuf_release(&val);
	return rc;
}

const char *filedb_content_meeting(const struct filedb_content *c, const char *cid)
{
	return c->meeting.len ? c->meeting.buf : cid;
}

void filedb_content_release(struct filedb_content *c)
{
	if (!c)
		return;
	strv_release(&c->paths);
	sbuf_release(&c->shard);
	sbuf_release(&c->meeting);
}

/* Read the meeting: record of mid into get, or (get NULL) set it to cid (NULL deletes). */
static int filedb_meeting_rec(struct xw_db *db, const char *mid, struct sbuf *get,
			      const char *cid, struct cm_err *err)
{
	struct sbuf key = {0};
	int rc;

	filedb_key(&key, "meeting:", mid);
	if (sbuf_oom(&key))
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory", mid);
	else if (get)
		rc = xw_db_get_metadata(db, key.buf, get, err);
	else
		rc = xw_db_set_metadata(db, key.buf, cid ? cid : "", cid ? strlen(cid) : 0, err);
	sbuf_release(&key);
	return rc;
}

int filedb_meeting_holder(struct xw_db *db, const char *mid, struct sbuf *holder,
			  struct cm_err *err)
{
	return filedb_meeting_rec(db, mid, holder, NULL, err);
}

int filedb_meeting_set_holder(struct xw_db *db, const char *mid, const char *cid,
			      struct cm_err *err)
{
	return filedb_meeting_rec(db, mid, NULL, cid, err);
}
