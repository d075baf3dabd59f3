/*
 * crawl.c - recursive, loop-safe walk of an archive folder
 *
 * Directories are identified by (st_dev, st_ino); a directory seen before
 * (through a symlink or a bind mount) is not entered again.  Symlinks are
 * resolved with realpath() and followed only when the target lies under
 * the root's real path.
 */
#include "crawl.h"
#include "crawl_test.h"
#include "grow.h"
#include "sbuf.h"
#include "urlmap.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct crawl_dirid {
	dev_t dev;                 /* device of a visited directory */
	ino_t ino;                 /* its inode */
};

struct crawl_state {
	const struct crawl_opts *opts; /* borrowed */
	crawl_fn fn;               /* per-file callback */
	void *ctx;                 /* its context */
	char *root_real;           /* realpath of the root, for the symlink rule */
	size_t root_real_len;      /* strlen(root_real) */
	size_t root_len;           /* length of the root as given, to form relative paths */
	struct crawl_dirid *seen;  /* visited directories */
	size_t n_seen, alloc_seen; /* used / allocated */
	int stopped;               /* the callback asked to stop */
	int oom;                   /* an allocation failed */
};

int crawl_is_junk_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || name[0] == '.')
		return 1;
	if (name[n - 1] == '~' || (name[0] == '#' && name[n - 1] == '#'))
		return 1;
	if (name[0] == '~' && name[1] == '$')
		return 1;
	if (n > 4 && (strcmp(name + n - 4, ".swp") == 0 || strcmp(name + n - 4, ".tmp") == 0))
		return 1;
	return 0;
}

static int crawl_is_excluded(const struct crawl_state *s, const char *path, const char *name)
{
	const char *rel = path + s->root_len;

	while (*rel == '/')
		rel++;
	for (size_t i = 0; i < s->opts->n_excludes; i++) {
		const char *g = s->opts->excludes[i];

		if (fnmatch(g, name, 0) == 0 || fnmatch(g, rel, 0) == 0 ||
		    fnmatch(g, rel, FNM_LEADING_DIR) == 0)
			return 1;
	}
	return 0;
}

/* Record a directory; returns 0 when it was already visited. */
static int crawl_mark_dir(struct crawl_state *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n_seen; i++)
		if (s->seen[i].dev == st->st_dev && s->seen[i].ino == st->st_ino)
			return 0;
	if (ARRAY_GROW(s->seen, s->n_seen + 1, s->alloc_seen)) {
		s->oom = 1;
		return 0;
	}
	s->seen[s->n_seen].dev = st->st_dev;
	s->seen[s->n_seen].ino = st->st_ino;
	s->n_seen++;
	return 1;
}

static void crawl_report(struct crawl_state *s, const char *path, const struct stat *st,
			 int code, const char *msg)
{
	if (!s->stopped && s->fn(s->ctx, path, st, code, msg))
		s->stopped = 1;
}

/* Is the symlink at path pointing inside the root?  Fills *st with the target's stat. */
static int crawl_link_ok(struct crawl_state *s, const char *path, struct stat *st,
			 const char **why)
{
	char *real = realpath(path, NULL);
	int ok = 0;

	if (!real) {
		*why = errno == ELOOP ? "symlink loop" : "dangling symlink";
		return 0;
	}
	if (strncmp(real, s->root_real, s->root_real_len) == 0 &&
	    (real[s->root_real_len] == '/' || real[s->root_real_len] == '\0' ||
	     s->root_real_len == 1)) {
		ok = stat(real, st) == 0;
		*why = ok ? NULL : "cannot stat symlink target";
	} else {
		*why = NULL;   /* outside the archive: skipped silently, by design */
	}
	free(real);
	return ok;
}

static int crawl_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void crawl_dir(struct crawl_state *s, const char *dir);

static void crawl_entry(struct crawl_state *s, const char *path, const char *name)
{
	struct stat st;
	const char *why = NULL;

	/* A folder's sidecar of source URLs (urlmap.h) is read, not indexed. */
	if (crawl_is_junk_name(name) || crawl_is_excluded(s, path, name) ||
	    strcmp(name, URLMAP_SIDECAR) == 0)
		return;
	if (lstat(path, &st) != 0) {
		crawl_report(s, path, NULL, CM_EIO, strerror(errno));
		return;
	}
	if (S_ISLNK(st.st_mode) && !crawl_link_ok(s, path, &st, &why)) {
		if (why)
			crawl_report(s, path, NULL, CM_ENOTFOUND, why);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (crawl_mark_dir(s, &st))
			crawl_dir(s, path);
	} else if (S_ISREG(st.st_mode)) {
		crawl_report(s, path, &st, CM_OK, NULL);
	}
	/* devices, fifos, sockets: never opened */
}

static void crawl_dir(struct crawl_state *s, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct sbuf path = {0};

	if (!d) {
		crawl_report(s, dir, NULL, CM_EIO, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (ARRAY_GROW(names, n + 1, cap)) {
			s->oom = 1;
			break;
		}
		names[n] = strdup(de->d_name);
		if (!names[n]) {
			s->oom = 1;
			break;
		}
		n++;
	}
	closedir(d);
	/*
	 * A Xapian database (glass, chert, a stub of shards) inside the archive
	 * is an index, perhaps this run's own, never minutes: not walked.
	 */
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], "iamglass") == 0 || strcmp(names[i], "iamchert") == 0 ||
		    strcmp(names[i], "XAPIANDB") == 0) {
			for (size_t j = 0; j < n; j++)
				free(names[j]);
			n = 0;
			break;
		}
	if (n)
		qsort(names, n, sizeof *names, crawl_name_cmp);   /* names is NULL in an empty folder */
	for (size_t i = 0; i < n && !s->stopped && !s->oom; i++) {
		sbuf_reset(&path);
		sbuf_adds(&path, dir);
		if (path.len && path.buf[path.len - 1] != '/')
			sbuf_addch(&path, '/');
		sbuf_adds(&path, names[i]);
		if (sbuf_oom(&path)) {
			s->oom = 1;
			break;
		}
		crawl_entry(s, path.buf, names[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	sbuf_release(&path);
}

int crawl_walk(const char *root, const struct crawl_opts *opts, crawl_fn fn, void *ctx,
	       struct cm_err *err)
{
	static const struct crawl_opts no_opts;
	struct crawl_state s;
	struct stat st;
	int rc = CM_OK;

	memset(&s, 0, sizeof s);
	s.opts = opts ? opts : &no_opts;
	s.fn = fn;
	s.ctx = ctx;
	s.root_len = strlen(root);
	if (stat(root, &st) != 0)
		return cm_err_set(err, errno == ENOENT ? CM_ENOTFOUND : CM_EIO, "%s: %s", root,
				  strerror(errno));
	s.root_real = realpath(root, NULL);
	if (!s.root_real)
		return cm_err_set(err, CM_EIO, "%s: %s", root, strerror(errno));
	s.root_real_len = strlen(s.root_real);
	if (S_ISREG(st.st_mode)) {
		crawl_report(&s, root, &st, CM_OK, NULL);
	} else if (S_ISDIR(st.st_mode)) {
		DIR *probe = opendir(root);

		if (!probe) {
			rc = cm_err_set(err, CM_EIO, "%s: %s", root, strerror(errno));
			goto out;
		}
		closedir(probe);
		crawl_mark_dir(&s, &st);
		crawl_dir(&s, root);
	} else {
		rc = cm_err_set(err, CM_EINVAL, "%s: not a file or directory", root);
	}
	if (rc == CM_OK && s.oom)
		rc = cm_err_set(err, CM_ENOMEM, "%s: out of memory while crawling", root);
out:
	free(s.root_real);
	free(s.seen);
	return rc;
}
