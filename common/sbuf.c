/*
 * sbuf.c - growable byte/string buffer
 *
 * See sbuf.h.  Growth doubles, so appends are amortised O(1).
 */
#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sbuf_grow(struct sbuf *sb, size_t extra)
{
	size_t want, cap;
	char *p;

	if (sb->oom)
		return false;
	if (extra > (size_t)-1 - sb->len - 1)
		goto fail;
	want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return true;
	cap = sb->alloc ? sb->alloc : 64;
	while (cap < want)
		cap = cap > ((size_t)-1) / 2 ? want : cap * 2;
	p = realloc(sb->buf, cap);
	if (!p)
		goto fail;
	if (!sb->buf)
		p[0] = '\0';
	sb->buf = p;
	sb->alloc = cap;
	return true;
fail:
	sb->oom = true;
	return false;
}

void sbuf_add(struct sbuf *sb, const void *data, size_t len)
{
	if (!sbuf_grow(sb, len))
		return;
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sbuf_adds(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void sbuf_addch(struct sbuf *sb, int c)
{
	char ch = (char)c;

	sbuf_add(sb, &ch, 1);
}

void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!sbuf_grow(sb, 64))
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= sb->alloc - sb->len) {
		if (!sbuf_grow(sb, (size_t)n)) {
			sb->buf[sb->len] = '\0';
			return;
		}
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

void sbuf_setlen(struct sbuf *sb, size_t len)
{
	if (!sb->buf)
		return;
	if (len > sb->len)
		len = sb->len;
	sb->len = len;
	sb->buf[len] = '\0';
}

char *sbuf_detach(struct sbuf *sb, size_t *len_out)
{
	char *s;

	if (sb->oom) {
		sbuf_release(sb);
		if (len_out)
			*len_out = 0;
		return NULL;
	}
	if (!sb->buf && !sbuf_grow(sb, 0)) {
		if (len_out)
			*len_out = 0;
		return NULL;
	}
	s = sb->buf;
	if (len_out)
		*len_out = sb->len;
	memset(sb, 0, sizeof *sb);
	return s;
}

void sbuf_release(struct sbuf *sb)
{
	if (!sb)
		return;
	free(sb->buf);
	memset(sb, 0, sizeof *sb);
}
