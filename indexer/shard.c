/*
 * shard.c - shard keys, the writable shards and the stub (see shard.h)
 *
 * The set is a sorted array of (key, path, handle); handles are opened on
 * first use, so an incremental run touching two councils opens two shards
 * of four hundred.  The stub is rewritten (temporary file, then rename)
 * only after a new shard exists on disk, so a reader never meets a stub
 * naming a database that is not there yet.
 */
#include "shard.h"
#include "shard_test.h"
#include "grow.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "schema.h"

struct shard {
	char *key;                   /* directory name under shards/ */
	char *path;                  /* dir/shards/key */
	struct xw_db *db;            /* writable handle, NULL until first use */
	bool listed;                 /* named in dir/XAPIANDB */
};

struct shard_set {
	char *dir;                   /* the index directory */
	struct shard *v;             /* sorted by key */
	size_t n, alloc;
};

const char *shard_by_name(enum shard_by by)
{
	switch (by) {
	case SHARD_COUNCIL: return "council";
	case SHARD_YEAR: return "year";
	case SHARD_NONE: break;
	}
	return "none";
}

int shard_by_parse(const char *s, enum shard_by *out)
{
	if (strcmp(s, "council") == 0)
		*out = SHARD_COUNCIL;
	else if (strcmp(s, "year") == 0)
		*out = SHARD_YEAR;
	else if (strcmp(s, "none") == 0)
		*out = SHARD_NONE;
	else
		return CM_EINVAL;
	return CM_OK;
}

/* Lowercase ASCII letters and digits; any other run becomes one '-'. */
static void shard_slug(const char *s, char *out)
{
	char buf[512];
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < sizeof buf - 1; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[n++] = (char)c;
		else if (n && buf[n - 1] != '-')
			buf[n++] = '-';
	}
	while (n && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (n == 0) {
		strcpy(out, "unknown");
	} else if (n <= SHARD_KEY_MAX) {
		memcpy(out, buf, n + 1);
	} else {
		/* Keep a readable head; the hash keeps long names apart. */
		size_t keep = SHARD_KEY_MAX - 17;

		snprintf(out, SHARD_KEY_MAX + 1, "%.*s-%016" PRIx64, (int)keep, buf,
			 hash64(s, len));
	}
}

void shard_key(enum shard_by by, const struct field_meeting *m, char *out)
{
	if (by == SHARD_YEAR && m->date >= 10000000 && m->date <= 99999999)
		snprintf(out, SHARD_KEY_MAX + 1, "%04d", m->date / 10000);
	else if (by == SHARD_COUNCIL && m->council && *m->council)
		shard_slug(m->council, out);
	else
		strcpy(out, "unknown");
}

bool shard_key_is_valid(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > SHARD_KEY_MAX || key[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
		      key[i] == '-'))
			return false;
	return true;
}

/* ---- the set ------------------------------------------------------------ */

static int shard_cmp(const void *a, const void *b)
{
	return strcmp(((const struct shard *)a)->key, ((const struct shard *)b)->key);
}

/* Append key (not opened); the caller sorts. */
static int shard_set_add(struct shard_set *set, const char *key)
{
	struct shard *sh;
	struct sbuf path = {0};

	if (ARRAY_GROW(set->v, set->n + 1, set->alloc))
		return CM_ENOMEM;
	sh = &set->v[set->n];
	memset(sh, 0, sizeof *sh);
	sbuf_addf(&path, "%s/" SCHEMA_SHARD_DIR "/%s", set->dir, key);
	sh->key = strdup(key);
	sh->path = sbuf_oom(&path) ? NULL : sbuf_detach(&path, NULL);
	sbuf_release(&path);
	if (!sh->key || !sh->path) {
		free(sh->key);
		free(sh->path);
		return CM_ENOMEM;
	}
	set->n++;
	return CM_OK;
}

static struct shard *shard_find(struct shard_set *set, const char *key)
{
	struct shard k = { .key = (char *)(uintptr_t)key };

	return set->n ? bsearch(&k, set->v, set->n, sizeof *set->v, shard_cmp) : NULL;
}

/* Does the shard's directory hold a database (Xapian writes iamglass on making one)? */
static bool shard_is_made(const struct shard *sh)
{
	struct sbuf p = {0};
	bool exists;

	sbuf_addf(&p, "%s/iamglass", sh->path);
	exists = !sbuf_oom(&p) && access(sbuf_str(&p), F_OK) == 0;
	sbuf_release(&p);
	return exists;
}

/*
 * Rewrite dir/XAPIANDB listing every shard that holds a database (a
 * directory a killed run left without one would make readers fail): a
 * temporary file renamed over it.
 */
static int shard_write_stub(struct shard_set *set, struct cm_err *err)
{
	struct sbuf tmp = {0}, dst = {0}, body = {0};
	FILE *f = NULL;
	int rc = CM_OK;

	sbuf_addf(&dst, "%s/XAPIANDB", set->dir);
	sbuf_addf(&tmp, "%s/XAPIANDB.tmp", set->dir);
	sbuf_adds(&body, "# minutes-index: the shards of this index, searched as one database\n");
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].db || shard_is_made(&set->v[i]))
			sbuf_addf(&body, "auto " SCHEMA_SHARD_DIR "/%s\n", set->v[i].key);
	if (sbuf_oom(&tmp) || sbuf_oom(&dst) || sbuf_oom(&body)) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	f = fopen(tmp.buf, "w");
	if (!f || fwrite(body.buf, 1, body.len, f) != body.len || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		rc = cm_err_set(err, CM_EIO, "%s: cannot write: %s", tmp.buf, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = cm_err_set(err, CM_EIO, "%s: cannot write: %s", tmp.buf, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp.buf, dst.buf) != 0)
		rc = cm_err_set(err, CM_EIO, "%s: cannot replace: %s", dst.buf, strerror(errno));
	for (size_t i = 0; rc == CM_OK && i < set->n; i++)
		set->v[i].listed = set->v[i].db || shard_is_made(&set->v[i]);
out:
	if (f)
		fclose(f);
	if (rc != CM_OK && tmp.buf)
		unlink(tmp.buf);
	sbuf_release(&tmp);
	sbuf_release(&dst);
	sbuf_release(&body);
	return rc;
}

/* Mark the shards dir/XAPIANDB (path) names; none when it is missing. */
static int shard_read_stub(struct shard_set *set, const char *path, struct cm_err *err)
{
	FILE *f = fopen(path, "r");
	char line[SHARD_KEY_MAX + 64];
	const char *lead = "auto " SCHEMA_SHARD_DIR "/";
	size_t ll = strlen(lead);

	if (!f)
		return errno == ENOENT ? CM_OK : cm_err_set(err, CM_EIO, "%s: cannot read: %s", path, strerror(errno));
	while (fgets(line, sizeof line, f)) {
		struct shard *sh;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, lead, ll) == 0 && (sh = shard_find(set, line + ll)) != NULL)
			sh->listed = true;
	}
	fclose(f);
	return CM_OK;
}

static int shard_mkdir(const char *path, struct cm_err *err)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return cm_err_set(err, CM_EIO, "%s: cannot create: %s", path, strerror(errno));
	return CM_OK;
}

int shard_set_open(const char *dir, bool full, struct shard_set **out, struct cm_err *err)
{
	struct shard_set *set = calloc(1, sizeof *set);
	struct sbuf sub = {0};
	DIR *d = NULL;
	struct dirent *e;
	int rc = CM_OK;

	*out = NULL;
	if (!set || !(set->dir = strdup(dir))) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	sbuf_addf(&sub, "%s/" SCHEMA_SHARD_DIR, dir);
	if (sbuf_oom(&sub)) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	rc = shard_mkdir(dir, err);
	if (rc == CM_OK)
		rc = shard_mkdir(sub.buf, err);
	if (rc != CM_OK)
		goto out;
	d = opendir(sub.buf);
	if (!d) {
		rc = cm_err_set(err, CM_EIO, "%s: cannot list: %s", sub.buf, strerror(errno));
		goto out;
	}
	/* Only names shard_key() makes: compaction's ".compact-tmp" siblings are not shards. */
	while (rc == CM_OK && (e = readdir(d)) != NULL)
		if (shard_key_is_valid(e->d_name) && shard_set_add(set, e->d_name) != CM_OK)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	if (rc != CM_OK)
		goto out;
	if (set->n)
		qsort(set->v, set->n, sizeof *set->v, shard_cmp);
	for (size_t i = 0; full && i < set->n && rc == CM_OK; i++)
		rc = xw_db_open(set->v[i].path, XW_OPEN_OVERWRITE, &set->v[i].db, err);
	if (rc != CM_OK)
		goto out;
	sbuf_reset(&sub);
	sbuf_addf(&sub, "%s/XAPIANDB", dir);
	if (sbuf_oom(&sub))
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	else
		rc = shard_read_stub(set, sub.buf, err);
	for (size_t i = 0; rc == CM_OK && i < set->n; i++)
		if (!set->v[i].listed && (set->v[i].db || shard_is_made(&set->v[i]))) {
			rc = shard_write_stub(set, err);	/* no stub yet, or a killed run's shard */
			break;
		}
	if (rc == CM_OK && access(sub.buf, F_OK) != 0)
		rc = shard_write_stub(set, err);
out:
	if (d)
		closedir(d);
	sbuf_release(&sub);
	if (rc != CM_OK) {
		shard_set_free(set);
		return rc;
	}
	*out = set;
	return CM_OK;
}

void shard_set_free(struct shard_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		xw_db_free(set->v[i].db);
		free(set->v[i].key);
		free(set->v[i].path);
	}
	free(set->v);
	free(set->dir);
	free(set);
}

/*
 * Open a shard for writing.  One whose making a killed run cut short has
 * no iamglass (Xapian writes it when it makes a database, before anything
 * is committed): it holds nothing, and is made again.
 */
static int shard_open_write(struct shard *sh, bool *made, struct cm_err *err)
{
	bool exists = shard_is_made(sh);

	*made = !exists;
	return xw_db_open(sh->path, exists ? XW_OPEN_WRITE : XW_OPEN_OVERWRITE, &sh->db, err);
}

int shard_set_get(struct shard_set *set, const char *key, struct xw_db **db, struct cm_err *err)
{
	struct shard *sh = shard_find(set, key);
	bool made = false;
	int rc;

	*db = NULL;
	if (!sh) {
		if (!shard_key_is_valid(key))
			return cm_err_set(err, CM_EINVAL, "'%s' is not a shard key", key);
		if (shard_set_add(set, key) != CM_OK)
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		qsort(set->v, set->n, sizeof *set->v, shard_cmp);
		sh = shard_find(set, key);
	}
	if (!sh->db) {
		rc = shard_open_write(sh, &made, err);
		/* Made and committed empty first: the stub may name it from now on.  One
		 * a killed run made but never named is named now, before it holds anything
		 * the bookkeeping could say is indexed. */
		if (rc == CM_OK && made)
			rc = xw_db_commit(sh->db, err);
		if (rc == CM_OK && (made || !sh->listed))
			rc = shard_write_stub(set, err);
		if (rc != CM_OK)
			return rc;
	}
	*db = sh->db;
	return CM_OK;
}

int shard_set_delete_everywhere(struct shard_set *set, const char *term, struct cm_err *err)
{
	int rc = CM_OK;

	for (size_t i = 0; i < set->n && rc == CM_OK; i++) {
		struct xw_db *db;

		rc = shard_set_get(set, set->v[i].key, &db, err);
		if (rc == CM_OK)
			rc = xw_db_delete_term(db, term, err);
	}
	return rc;
}

int shard_set_commit(struct shard_set *set, struct cm_err *err)
{
	int rc = CM_OK;

	for (size_t i = 0; i < set->n && rc == CM_OK; i++)
		if (set->v[i].db)
			rc = xw_db_commit(set->v[i].db, err);
	return rc;
}

size_t shard_set_count(const struct shard_set *set)
{
	return set->n;
}

const char *shard_set_path(const struct shard_set *set, size_t i)
{
	return i < set->n ? set->v[i].path : NULL;
}
