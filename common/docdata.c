/*
 * docdata.c - pack and unpack the display fields of a document
 *
 * Layout: one version byte, a 4-byte little-endian length of the fields
 * joined by NULs, then their compressed bytes:
 *   DOCDATA_V1  zlib stream (compress2), resolutions stored as text;
 *   DOCDATA_V2  raw deflate primed with the preset dictionary of
 *               common/docdict.txt, resolutions stored as references into
 *               the item text when they are found there (they always are
 *               for text the parser took them from).
 * Both decode; only V2 is written.  A compressor (struct docdata_zip) is
 * kept per thread because setting one up costs more than compressing a
 * short item: zlib's ~300 KB of state is a fresh mmap each time.
 */
#include "docdata.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "docdict.h"

enum { DOCDATA_V1 = 1, DOCDATA_V2 = 2 };

/*
 * Level 4, not zlib's default 6: with the dictionary every hash chain is
 * longer, and on the 2,000-meeting archive level 6 took 2.6 s of CPU for
 * 16.4 MiB where level 4 takes 1.6 s for 17.2 MiB (no dictionary: 1.1 s,
 * 21.8 MiB).  A shorter dictionary loses more than it saves.
 */
enum { DOCDATA_ZLEVEL = 4 };

/* Raw deflate (no zlib header or checksum: the length is checked), 32 KB window. */
enum { DOCDATA_WBITS = -15 };

/* zlib's default hash table size: 7 and 9 measured no better. */
enum { DOCDATA_MEMLEVEL = 8 };

/*
 * The resolutions field of V2 starting with this byte holds references:
 * "offset,length" pairs into the text, one per resolution, separated by
 * spaces; followed by 'L' it holds the text of a list that starts with this
 * byte itself.  Any other field is the resolutions as text, one per line.
 */
static const char DOCDATA_REF = '\x01';

/*
 * Priming a stream with the 25 KB dictionary hashes every byte of it, a
 * twentieth of a build's CPU time when done for each item: the primed
 * state is made once and copied for each document instead.
 */
struct docdata_zip {
	z_stream primed;             /* deflate state with the dictionary set, never used itself */
	z_stream z;                  /* a copy of primed for the document being compressed */
	bool z_live;                 /* z holds a copy to end before the next */
	struct sbuf res;             /* the resolutions field being built */
};

/* Pointers to the fields in their stored order; NULL-terminated. */
static void docdata_fields(struct docdata *d, const char **fields[21])
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
	fields[13] = &d->url;
	fields[14] = &d->time;
	fields[15] = &d->venue;
	fields[16] = &d->chair;
	fields[17] = &d->present;
	fields[18] = &d->apologies;
	fields[19] = &d->paged;
	fields[20] = NULL;
}

int docdata_zip_new(struct docdata_zip **out, struct cm_err *err)
{
	struct docdata_zip *zp = calloc(1, sizeof *zp);

	*out = NULL;
	if (!zp)
		return cm_err_set(err, CM_ENOMEM, "document data: out of memory");
	if (deflateInit2(&zp->primed, DOCDATA_ZLEVEL, Z_DEFLATED, DOCDATA_WBITS, DOCDATA_MEMLEVEL,
			 Z_DEFAULT_STRATEGY) != Z_OK) {
		free(zp);
		return cm_err_set(err, CM_ENOMEM, "document data: cannot start compression");
	}
	if (deflateSetDictionary(&zp->primed, docdict, (uInt)docdict_len) != Z_OK) {
		deflateEnd(&zp->primed);
		free(zp);
		return cm_err_set(err, CM_EINTERNAL, "document data: cannot set the dictionary");
	}
	*out = zp;
	return CM_OK;
}

void docdata_zip_free(struct docdata_zip *zp)
{
	if (!zp)
		return;
	if (zp->z_live)
		deflateEnd(&zp->z);
	deflateEnd(&zp->primed);
	sbuf_release(&zp->res);
	free(zp);
}

/*
 * The V2 resolutions field of res ('\n'-separated) for text: references
 * when every resolution is found in the text, in order, else res itself
 * (escaped when it starts with DOCDATA_REF).
 */
static void docdata_res_field(const char *res, const char *text, struct sbuf *out)
{
	const char *from = text, *p = res;

	sbuf_reset(out);
	if (!*res)
		return;
	sbuf_addch(out, DOCDATA_REF);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *at = NULL;
		char *one = strndup(p, n);

		/* After the previous one first: a resolution quoted twice keeps its place. */
		if (one && n)
			at = strstr(from, one);
		if (one && n && !at)
			at = strstr(text, one);
		free(one);
		if (!at) {
			sbuf_reset(out);
			if (res[0] == DOCDATA_REF) {
				sbuf_addch(out, DOCDATA_REF);
				sbuf_addch(out, 'L');
			}
			sbuf_adds(out, res);
			return;
		}
		sbuf_addf(out, "%s%zu,%zu", out->len > 1 ? " " : "", (size_t)(at - text), n);
		from = at + n;
		p += n + (nl ? 1 : 0);
	}
}

int docdata_encode(struct docdata_zip *zp, const struct docdata *d, struct sbuf *out,
		   struct cm_err *err)
{
	struct docdata copy = *d;
	const char **fields[21];
	struct docdata_zip *own = NULL;
	struct sbuf raw = {0};
	int rc = CM_OK;

	if (!zp) {
		rc = docdata_zip_new(&own, err);
		if (rc != CM_OK)
			return rc;
		zp = own;
	}
	docdata_res_field(d->resolutions ? d->resolutions : "", d->text ? d->text : "", &zp->res);
	copy.resolutions = sbuf_str(&zp->res);
	docdata_fields(&copy, fields);
	for (size_t i = 0; fields[i]; i++) {
		const char *s = *fields[i] ? *fields[i] : "";
		sbuf_add(&raw, s, strlen(s) + 1);
	}
	if (sbuf_oom(&raw) || sbuf_oom(&zp->res) || raw.len > UINT32_MAX ||
	    !sbuf_grow(out, 5 + deflateBound(&zp->primed, (uLong)raw.len) + 16)) {
		rc = cm_err_set(err, CM_ENOMEM, "document data: out of memory");
		goto out;
	}
	{
		unsigned char *p = (unsigned char *)out->buf + out->len;
		uint32_t n = (uint32_t)raw.len;
		size_t room = out->alloc - out->len - 1 - 5;

		p[0] = DOCDATA_V2;
		p[1] = (unsigned char)(n & 0xff);
		p[2] = (unsigned char)((n >> 8) & 0xff);
		p[3] = (unsigned char)((n >> 16) & 0xff);
		p[4] = (unsigned char)((n >> 24) & 0xff);
		if (zp->z_live)
			deflateEnd(&zp->z);
		zp->z_live = deflateCopy(&zp->z, &zp->primed) == Z_OK;
		if (!zp->z_live) {
			rc = cm_err_set(err, CM_ENOMEM, "document data: out of memory");
			goto out;
		}
		zp->z.next_in = (Bytef *)raw.buf;
		zp->z.avail_in = (uInt)raw.len;
		zp->z.next_out = p + 5;
		zp->z.avail_out = (uInt)room;
		if (deflate(&zp->z, Z_FINISH) != Z_STREAM_END) {
			rc = cm_err_set(err, CM_EINTERNAL, "document data: compression failed");
			goto out;
		}
		out->len += 5 + (room - zp->z.avail_out);
		out->buf[out->len] = '\0';
	}
out:
	docdata_zip_free(own);
	sbuf_release(&raw);
	return rc;
}

/* Inflate a V2 body of len bytes at p into raw (rawlen bytes).  False when corrupt. */
static bool docdata_inflate_v2(const unsigned char *p, size_t len, char *raw, size_t rawlen)
{
	z_stream z;
	int zr;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, DOCDATA_WBITS) != Z_OK)
		return false;
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)raw;
	z.avail_out = (uInt)rawlen;
	zr = inflateSetDictionary(&z, docdict, (uInt)docdict_len);
	if (zr == Z_OK)
		zr = inflate(&z, Z_FINISH);
	inflateEnd(&z);
	return zr == Z_STREAM_END && z.avail_out == 0;
}

/* V2 resolutions field s back to the text form, one per line, into *dst (owned). */
static int docdata_res_text(const char *s, const char *text, char **dst)
{
	size_t tlen = strlen(text);
	struct sbuf out = {0};

	if (s[0] != DOCDATA_REF) {
		*dst = strdup(s);
		return *dst ? CM_OK : CM_ENOMEM;
	}
	if (s[1] == 'L') {
		*dst = strdup(s + 2);
		return *dst ? CM_OK : CM_ENOMEM;
	}
	for (const char *p = s + 1; *p;) {
		char *end;
		unsigned long long off = strtoull(p, &end, 10), n;

		if (end == p || *end != ',')
			goto corrupt;
		p = end + 1;
		n = strtoull(p, &end, 10);
		if (end == p || (*end && *end != ' ') || off > tlen || n > tlen - off)
			goto corrupt;
		if (out.len)
			sbuf_addch(&out, '\n');
		sbuf_add(&out, text + off, (size_t)n);
		p = *end ? end + 1 : end;
	}
	if (sbuf_oom(&out)) {
		sbuf_release(&out);
		return CM_ENOMEM;
	}
	*dst = out.buf ? sbuf_detach(&out, NULL) : strdup("");
	return *dst ? CM_OK : CM_ENOMEM;
corrupt:
	sbuf_release(&out);
	return CM_EFORMAT;
}

int docdata_decode(const char *data, size_t len, struct docdata *d, struct cm_err *err)
{
	const unsigned char *p = (const unsigned char *)data;
	const char **fields[21];
	char *raw = NULL;
	size_t rawlen, off = 0;
	int rc = CM_OK;

	if (len < 5 || (p[0] != DOCDATA_V1 && p[0] != DOCDATA_V2))
		return cm_err_set(err, CM_EFORMAT, "document data: unknown format");
	rawlen = (size_t)p[1] | (size_t)p[2] << 8 | (size_t)p[3] << 16 | (size_t)p[4] << 24;
	raw = malloc(rawlen + 1);
	if (!raw)
		return cm_err_set(err, CM_ENOMEM, "document data: out of memory");
	if (p[0] == DOCDATA_V1) {
		uLongf got = (uLongf)rawlen;

		if (uncompress((Bytef *)raw, &got, p + 5, (uLong)(len - 5)) != Z_OK || got != rawlen) {
			rc = cm_err_set(err, CM_EFORMAT, "document data: corrupt");
			goto out;
		}
	} else if (!docdata_inflate_v2(p + 5, len - 5, raw, rawlen)) {
		rc = cm_err_set(err, CM_EFORMAT, "document data: corrupt");
		goto out;
	}
	raw[rawlen] = '\0';
	docdata_fields(d, fields);
	for (size_t i = 0; fields[i]; i++) {
		const char *s = off < rawlen ? raw + off : "";
		size_t n = strlen(s);
		char *copy = NULL;

		/* The text comes before the resolutions, so their references resolve. */
		if (fields[i] == &d->resolutions && p[0] == DOCDATA_V2) {
			int r = docdata_res_text(s, d->text, &copy);

			if (r == CM_EFORMAT) {
				rc = cm_err_set(err, CM_EFORMAT, "document data: corrupt resolutions");
				goto out;
			}
		} else {
			copy = strdup(s);
		}
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
	const char **fields[21];

	if (!d)
		return;
	docdata_fields(d, fields);
	for (size_t i = 0; fields[i]; i++)
		free((void *)(uintptr_t)*fields[i]);
	memset(d, 0, sizeof *d);
}
