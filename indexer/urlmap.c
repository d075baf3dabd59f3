/*
 * urlmap.c - public URLs of archive files (see urlmap.h)
 *
 * Prefixes are a short list searched in full (longest DIR wins; a bare
 * URL serves every root).  Sidecar files are read on first use and kept
 * per folder in an open-addressing hash table by folder name, because
 * every file looks up its own folder and each parent up to its root (a
 * no-op run over 20,000 files must stay a stat per file).
 */
#include "urlmap.h"
#include "urlmap_test.h"
#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hash.h"
#include "strv.h"

struct urlmap_prefix {
	char *dir;                    /* "" for a bare URL (every root), else DIR normalised */
	char *url;                    /* the prefix, without trailing '/' */
};

struct urlmap_dir {
	char *dir;                    /* folder as the crawl spells it ("" = the current one) */
	struct strv names;            /* file names (or relative paths) listed ... */
	struct strv urls;             /* ... and their URLs */
};

struct urlmap {
	struct urlmap_prefix *pre;    /* --url-prefix mappings */
	size_t n_pre;
	struct urlmap_dir *dirs;      /* sidecars read (or found missing: no names) */
	size_t n_dirs, alloc_dirs;
	size_t *slots;                /* hash table: 1 + index into dirs, 0 = empty */
	size_t cap;                   /* slots (a power of two, at least twice n_dirs) */
};

bool urlmap_is_web(const char *s, size_t len)
{
	size_t start;

	if (len > 7 && strncasecmp(s, "http://", 7) == 0)
		start = 7;
	else if (len > 8 && strncasecmp(s, "https://", 8) == 0)
		start = 8;
	else
		return false;
	if (s[start] == '/')
		return false;              /* no host */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' ||
		    c == '`')
			return false;
	}
	return true;
}

void urlmap_encode_path(const char *s, size_t len, struct sbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			sbuf_addch(out, c);
		} else {
			sbuf_addch(out, '%');
			sbuf_addch(out, hex[c >> 4]);
			sbuf_addch(out, hex[c & 15]);
		}
	}
}

/* s without a leading "./" and trailing slashes, as the crawl spells roots: n bytes from *s. */
static size_t urlmap_norm_dir(const char **s)
{
	size_t n;

	while ((*s)[0] == '.' && (*s)[1] == '/' && (*s)[2])
		*s += 2;
	n = strlen(*s);
	while (n > 1 && (*s)[n - 1] == '/')
		n--;
	return n;
}

int urlmap_new(const char *const *specs, size_t n, struct urlmap **out, struct cm_err *err)
{
	struct urlmap *m = calloc(1, sizeof *m);
	int rc = CM_OK;

	*out = NULL;
	if (!m || (n && !(m->pre = calloc(n, sizeof *m->pre)))) {
		free(m);
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n && rc == CM_OK; i++) {
		const char *spec = specs[i], *eq = strchr(spec, '='), *sch = strstr(spec, "://");
		const char *dir = "", *url = spec;
		size_t dlen = 0, ulen;

		/* DIR=URL unless the first '=' is inside the URL (a query string). */
		if (eq && (!sch || eq < sch)) {
			dir = spec;
			url = eq + 1;
			dlen = urlmap_norm_dir(&dir);
			if (dir + dlen > eq)
				dlen = (size_t)(eq - dir);
			while (dlen > 1 && dir[dlen - 1] == '/')
				dlen--;
			if (dlen == 0) {
				rc = cm_err_set(err, CM_EINVAL, "--url-prefix '%s': no folder before '='",
						spec);
				break;
			}
		}
		ulen = strlen(url);
		while (ulen && url[ulen - 1] == '/')
			ulen--;
		if (!urlmap_is_web(url, ulen)) {
			rc = cm_err_set(err, CM_EINVAL,
					"--url-prefix '%s': not an http:// or https:// URL", spec);
			break;
		}
		m->pre[i].dir = strndup(dir, dlen);
		m->pre[i].url = strndup(url, ulen);
		m->n_pre++;
		if (!m->pre[i].dir || !m->pre[i].url)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	if (rc != CM_OK) {
		urlmap_free(m);
		return rc;
	}
	*out = m;
	return CM_OK;
}

void urlmap_free(struct urlmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_pre; i++) {
		free(m->pre[i].dir);
		free(m->pre[i].url);
	}
	for (size_t i = 0; i < m->n_dirs; i++) {
		free(m->dirs[i].dir);
		strv_release(&m->dirs[i].names);
		strv_release(&m->dirs[i].urls);
	}
	free(m->pre);
	free(m->dirs);
	free(m->slots);
	free(m);
}

/* Parse one sidecar file into d; a missing or unreadable file lists nothing. */
static void urlmap_read_sidecar(struct urlmap_dir *d)
{
	struct sbuf path = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	FILE *f;

	sbuf_adds(&path, d->dir[0] ? d->dir : ".");
	sbuf_addch(&path, '/');
	sbuf_adds(&path, URLMAP_SIDECAR);
	f = sbuf_oom(&path) ? NULL : fopen(path.buf, "r");
	sbuf_release(&path);
	if (!f)
		return;
	while ((got = getline(&line, &cap, f)) >= 0) {
		size_t len = (size_t)got;
		char *tab = memchr(line, '\t', len), *name = line, *url;
		size_t ulen;

		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
			       line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if (!tab || tab >= line + len || line[0] == '#')
			continue;
		*tab = '\0';
		url = tab + 1;
		while (*url == ' ' || *url == '\t')
			url++;
		ulen = strlen(url);
		while (name[0] == '.' && name[1] == '/')
			name += 2;
		if (!*name || !urlmap_is_web(url, ulen))
			continue;
		if (strv_push(&d->names, name) != CM_OK || strv_push(&d->urls, url) != CM_OK)
			break;
	}
	free(line);
	fclose(f);
}

/* Slot of folder dir (n bytes) in m's table: where it is, or where it would go. */
static size_t urlmap_slot(const struct urlmap *m, const char *dir, size_t n)
{
	size_t i = (size_t)hash64(dir, n) & (m->cap - 1);

	while (m->slots[i]) {
		const char *d = m->dirs[m->slots[i] - 1].dir;

		if (strlen(d) == n && memcmp(d, dir, n) == 0)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return i;
}

/* Grow the table to hold one more folder.  False when out of memory. */
static bool urlmap_grow(struct urlmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, *old = m->slots, ocap = m->cap;

	if ((m->n_dirs + 1) * 2 <= m->cap)
		return true;
	m->slots = calloc(ncap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return false;
	}
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i]) {
			const char *d = m->dirs[old[i] - 1].dir;

			m->slots[urlmap_slot(m, d, strlen(d))] = old[i];
		}
	free(old);
	return true;
}

/* The sidecar entries of folder dir (n bytes), read on first use; NULL when out of memory. */
static const struct urlmap_dir *urlmap_dir(struct urlmap *m, const char *dir, size_t n)
{
	struct urlmap_dir *d;
	size_t slot;

	if (m->cap) {
		slot = urlmap_slot(m, dir, n);
		if (m->slots[slot])
			return &m->dirs[m->slots[slot] - 1];
	}
	if (!urlmap_grow(m))
		return NULL;
	if (ARRAY_GROW(m->dirs, m->n_dirs + 1, m->alloc_dirs))
		return NULL;
	d = &m->dirs[m->n_dirs];
	memset(d, 0, sizeof *d);
	d->dir = strndup(dir, n);
	if (!d->dir)
		return NULL;
	urlmap_read_sidecar(d);
	m->slots[urlmap_slot(m, dir, n)] = ++m->n_dirs;
	return d;
}

/* Length of the root of roots[] that path is under, or 0 (longest root wins). */
static size_t urlmap_root_len(const char *const *roots, size_t n_roots, const char *path)
{
	size_t best = 0;

	for (size_t i = 0; i < n_roots; i++) {
		size_t n = strlen(roots[i]);

		if (n > best && strncmp(path, roots[i], n) == 0 && (path[n] == '/' || !path[n]))
			best = n;
	}
	return best;
}

void urlmap_lookup(struct urlmap *m, const char *const *roots, size_t n_roots, const char *path,
		   struct sbuf *out)
{
	size_t rlen = urlmap_root_len(roots, n_roots, path), plen = strlen(path);
	const struct urlmap_prefix *best = NULL;
	size_t best_len = 0;

	/* Sidecars: the file's own folder first, then each folder up to its root. */
	for (size_t end = plen; end > 0;) {
		const struct urlmap_dir *d;
		const char *rel;

		while (end > 0 && path[end - 1] != '/')
			end--;
		if (end == 0) {
			d = urlmap_dir(m, "", 0);
			rel = path;
		} else {
			d = urlmap_dir(m, path, end - 1);
			rel = path + end;
		}
		for (size_t i = 0; d && i < d->names.n; i++)
			if (strcmp(d->names.v[i], rel) == 0) {
				sbuf_adds(out, d->urls.v[i]);
				return;
			}
		if (end == 0 || end - 1 <= rlen || !rlen)
			break;             /* the root's own folder was the last */
		end--;
	}
	/* A DIR=URL pair (the longest DIR holding the file), else a bare URL for its root. */
	for (size_t i = 0; i < m->n_pre; i++) {
		const struct urlmap_prefix *p = &m->pre[i];
		size_t n = strlen(p->dir);

		if (n && n > best_len && strncmp(path, p->dir, n) == 0 &&
		    (path[n] == '/' || !path[n])) {
			best = p;
			best_len = n;
		}
	}
	for (size_t i = 0; i < m->n_pre && !best && rlen; i++)
		if (!m->pre[i].dir[0]) {
			best = &m->pre[i];
			best_len = rlen;
		}
	if (!best)
		return;
	sbuf_adds(out, best->url);
	if (path[best_len] == '/') {
		sbuf_addch(out, '/');
		urlmap_encode_path(path + best_len + 1, plen - best_len - 1, out);
	}
}
