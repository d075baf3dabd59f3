/*
 * srvfile.c - resolve a hit's source file inside the indexed roots (see srvfile.h)
 */
#include "srvfile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* True when real is dir itself or below it (both absolute, resolved). */
static bool srvfile_is_inside(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return real[0] == '/';
	return strncmp(real, dir, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/* True when s (after a root) has a "." or ".." component: never part of a crawled path. */
static bool srvfile_has_dots(const char *s)
{
	while (*s) {
		const char *e;

		while (*s == '/')
			s++;
		e = strchrnul(s, '/');
		if ((e - s == 1 && s[0] == '.') || (e - s == 2 && s[0] == '.' && s[1] == '.'))
			return true;
		s = e;
	}
	return false;
}

/*
 * The file for path under the root whose spelling is path's first glen
 * bytes, with real path abs (alen bytes): CM_OK with *real filled, or
 * CM_ENOTFOUND.
 */
static int srvfile_try(size_t glen, const char *abs, size_t alen,
		       const char *path, struct sbuf *real, bool *member)
{
	struct sbuf cand = {0};
	char *root = NULL, *res = NULL;
	struct stat st;
	int rc = CM_ENOTFOUND;

	if (srvfile_has_dots(path + glen))
		goto out;
	sbuf_add(&cand, abs, alen);
	if (sbuf_oom(&cand) || !(root = realpath(cand.buf, NULL)))
		goto out;
	sbuf_adds(&cand, path + glen);
	if (sbuf_oom(&cand)) {
		rc = CM_ENOMEM;
		goto out;
	}
	*member = false;
	/* A bundle member is no file of its own: its bundle is, some components up. */
	for (;;) {
		char *slash;

		res = realpath(cand.buf, NULL);
		if (res || (errno != ENOENT && errno != ENOTDIR))
			break;
		slash = strrchr(cand.buf, '/');
		if (!slash || (size_t)(slash - cand.buf) <= alen)
			break;
		sbuf_setlen(&cand, (size_t)(slash - cand.buf));
		*member = true;
	}
	if (res && srvfile_is_inside(res, root) &&
	    stat(res, &st) == 0 && S_ISREG(st.st_mode)) {
		sbuf_adds(real, res);
		rc = sbuf_oom(real) ? CM_ENOMEM : CM_OK;
	}
out:
	free(res);
	free(root);
	sbuf_release(&cand);
	return rc;
}

int srvfile_resolve(const char *roots, const char *path, struct sbuf *real, bool *member,
		    struct cm_err *err)
{
	const char *p = roots ? roots : "";

	*member = false;
	while (*p) {
		const char *nl = strchr(p, '\n'), *tab;
		size_t n = nl ? (size_t)(nl - p) : strlen(p), glen;

		tab = memchr(p, '\t', n);
		glen = tab ? (size_t)(tab - p) : 0;
		if (tab && glen && strncmp(path, p, glen) == 0 &&
		    (path[glen] == '/' || path[glen] == '\0')) {
			int rc = srvfile_try(glen, tab + 1, n - glen - 1, path, real, member);

			if (rc == CM_ENOMEM)
				return cm_err_set(err, rc, "out of memory");
			if (rc == CM_OK)
				return CM_OK;
		}
		p += n + (nl ? 1 : 0);
	}
	return cm_err_set(err, CM_ENOTFOUND, "the source of this item is not available");
}
