/*
 * docdata.c - pack and unpack the display fields of a document
 *
 * Layout: one byte DOCDATA_V1, a 4-byte little-endian uncompressed length,
 * then zlib deflate of the fields joined by NULs.
 */
#include "docdata.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { DOCDATA_V1 = 1 };

/* Level 6 is zlib's default: most of level 9's ratio at a fraction of the time. */
enum { DOCDATA_ZLEVEL = 6 };

/* Pointers to the fields in their stored order; NULL-terminated. */
static void docdata_fields(struct docdata *d, const char **fields[14])
{
	fields[0] = &d->path;
	fields[1] = &d->council;
	fields[2] = &d->committee;
	fields[3] = &d->date;
	fields[4] = &d->item;
	fields[5] = &d->title;
	fields[6] = &d->page;
	fields[7] = &d->mime;
	fields[8] = &d->kind;
	fields[9] = &d->text;
	fields[10] = &d->resolutions;
	fields[11] = &d->meeting;
	fields[12] = &d->uid;
	fields[13] = NULL;
}

int docdata_encode(const struct docdata *d, struct sbuf *out, struct cm_err *err)
{
	struct docdata copy = *d;
	const char **fields[14];
	struct sbuf raw = {0};
	uLongf zlen;
	int rc = CM_OK;

	docdata_fields(&copy, fields);
	for (size_t i = 0; fields[i]; i++) {
		const char *s = *fields[i] ? *fields[i] : "";
		sbuf_add(&raw, s, strlen(s) + 1);
	}
	if (sbuf_oom(&raw) || raw.len > UINT32_MAX) {
		rc = cm_err_set(err, CM_ENOMEM, "document data: out of memory");
		goto out;
	}
	zlen = compressBound((uLong)raw.len);
	if (!sbuf_grow(out, 5 + zlen)) {
		rc = cm_err_set(err, CM_ENOMEM, "document data: out of memory");
		goto out;
	}
	{
		unsigned char *p = (unsigned char *)out->buf + out->len;
		uint32_t n = (uint32_t)raw.len;

		p[0] = DOCDATA_V1;
		p[1] = (unsigned char)(n & 0xff);
		p[2] = (unsigned char)((n >> 8) & 0xff);
		p[3] = (unsigned char)((n >> 16) & 0xff);
		p[4] = (unsigned char)((n >> 24) & 0xff);
		if (compress2(p + 5, &zlen, (const Bytef *)raw.buf, (uLong)raw.len,
			      DOCDATA_ZLEVEL) != Z_OK) {
			rc = cm_err_set(err, CM_EINTERNAL, "document data: compression failed");
			goto out;
		}
		out->len += 5 + zlen;
		out->buf[out->len] = '\0';
	}
out:
	sbuf_release(&raw);
	return rc;
}

int docdata_decode(const char *data, size_t len, struct docdata *d, struct cm_err *err)
{
	const unsigned char *p = (const unsigned char *)data;
	const char **fields[14];
	char *raw = NULL;
	uLongf rawlen;
	size_t off = 0;
	int rc = CM_OK;

	if (len < 5 || p[0] != DOCDATA_V1)
		return cm_err_set(err, CM_EFORMAT, "document data: unknown format");
	rawlen = (uLongf)p[1] | (uLongf)p[2] << 8 | (uLongf)p[3] << 16 | (uLongf)p[4] << 24;
	raw = malloc(rawlen + 1);
	if (!raw)
		return cm_err_set(err, CM_ENOMEM, "document data: out of memory");
	{
		uLongf got = rawlen;

		if (uncompress((Bytef *)raw, &got, p + 5, (uLong)(len - 5)) != Z_OK ||
		    got != rawlen) {
			rc = cm_err_set(err, CM_EFORMAT, "document data: corrupt");
			goto out;
		}
	}
	raw[rawlen] = '\0';
	docdata_fields(d, fields);
	for (size_t i = 0; fields[i]; i++) {
		const char *s = off < rawlen ? raw + off : "";
		size_t n = strlen(s);

		char *copy = strdup(s);

		*fields[i] = copy;
		if (!copy) {
			rc = cm_err_set(err, CM_ENOMEM, "document data: out of memory");
			goto out;
		}
		off += off < rawlen ? n + 1 : 0;
	}
out:
	free(raw);
	if (rc != CM_OK)
		docdata_release(d);
	return rc;
}

void docdata_release(struct docdata *d)
{
	const char **fields[14];

	if (!d)
		return;
	docdata_fields(d, fields);
	for (size_t i = 0; fields[i]; i++)
		free((void *)(uintptr_t)*fields[i]);
	memset(d, 0, sizeof *d);
}
