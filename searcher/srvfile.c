/*
 * srvfile.c - resolve a hit's source file inside the indexed roots (see srvfile.h)
 */
#include "srvfile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* One line of the roots text ("ROOT\tREALPATH"). */
struct srvfile_root {
	const char *name;         /* the root as the indexer spelled it ... */
	size_t name_len;          /* ... without trailing slashes: 0 for "/" */
	const char *real;         /* its real path when it was indexed ... */
	size_t real_len;          /* ... and the length of that */
};

/*
 * The root on the line at *p into *r, *p moved past the line: false at
 * the end of the text.  Lines without a tab or a root are skipped.
 */
static bool srvfile_next_root(const char **p, struct srvfile_root *r)
{
	while (**p) {
		const char *line = *p, *nl = strchr(line, '\n'), *tab;
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		*p += n + (nl ? 1 : 0);
		tab = memchr(line, '\t', n);
		if (!tab || tab == line)
			continue;
		r->name = line;
		r->name_len = (size_t)(tab - line);
		while (r->name_len && line[r->name_len - 1] == '/')
			r->name_len--;
		r->real = tab + 1;
		r->real_len = n - (size_t)(tab - line) - 1;
		return true;
	}
	return false;
}

/* True when path is the root r or lies below it, whole components compared. */
static bool srvfile_is_under(const struct srvfile_root *r, const char *path)
{
	if (r->name_len == 0)             /* "/" */
		return path[0] == '/';
	return strncmp(path, r->name, r->name_len) == 0 &&
	       (path[r->name_len] == '/' || path[r->name_len] == '\0');
}

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
	struct srvfile_root r;

	*member = false;
	while (srvfile_next_root(&p, &r)) {
		int rc;

		if (!srvfile_is_under(&r, path))
			continue;
		rc = srvfile_try(r.name_len, r.real, r.real_len, path, real, member);
		if (rc == CM_ENOMEM)
			return cm_err_set(err, rc, "out of memory");
		if (rc == CM_OK)
			return CM_OK;
	}
	return cm_err_set(err, CM_ENOTFOUND, "the source of this item is not available");
}

/* The last component of s (n bytes, no trailing slash) into *name, *len: 0 when none. */
static void srvfile_last_component(const char *s, size_t n, const char **name, size_t *len)
{
	size_t i = n;

	while (i && s[i - 1] != '/')
		i--;
	*name = s + i;
	*len = n - i;
}

/* True when the component s (n bytes) is "", "." or "..": no name for a root. */
static bool srvfile_is_nameless(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

/* True when the component s (n bytes) is named like a bundle the indexer opens. */
static bool srvfile_is_bundle_name(const char *s, size_t n)
{
	static const char *const ends[] = { ".zip", ".gz", ".tgz" };

	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);

		if (n > k && strncasecmp(s + n - k, ends[i], k) == 0)
			return true;
	}
	return false;
}

/* path under no root: its file name, or from the first bundle it is a member of. */
static void srvfile_public_rootless(const char *path, struct sbuf *out)
{
	const char *c = path;

	while (*c) {
		const char *e = strchrnul(c, '/');

		if (*e && e[1] && srvfile_is_bundle_name(c, (size_t)(e - c))) {
			sbuf_adds(out, c);
			return;
		}
		c = *e ? e + 1 : e;
	}
	c = strrchr(path, '/');
	sbuf_adds(out, c ? c + 1 : path);
}

void srvfile_public_path(const char *roots, const char *path, struct sbuf *out)
{
	const char *p = roots ? roots : "", *name, *rel;
	struct srvfile_root r, best = {0};
	bool found = false;
	size_t len;

	while (srvfile_next_root(&p, &r))
		if (srvfile_is_under(&r, path) && (!found || r.name_len > best.name_len)) {
			best = r;
			found = true;
		}
	if (!found) {
		srvfile_public_rootless(path, out);
		return;
	}
	srvfile_last_component(best.name, best.name_len, &name, &len);
	if (srvfile_is_nameless(name, len)) {
		len = best.real_len;
		while (len && best.real[len - 1] == '/')
			len--;
		srvfile_last_component(best.real, len, &name, &len);
	}
	rel = path + best.name_len;
	while (*rel == '/')
		rel++;
	if (!srvfile_is_nameless(name, len))
		sbuf_add(out, name, len);
	if (*rel && out->len && out->buf[out->len - 1] != '/')
		sbuf_addch(out, '/');
	sbuf_adds(out, rel);
}
