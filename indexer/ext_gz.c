/*
 * ext_gz.c - gzip-compressed files of any supported format
 *
 * zlib inflates the whole stream (concatenated members too) into memory,
 * charging every byte to the per-file unpack budget, then the result is
 * detected and extracted again as if it were the file itself (same document
 * name; the name hint loses its ".gz").  Nesting is limited like zips.
 */
#include "ext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <zlib.h>

enum {
	GZ_CHUNK = 256 * 1024,      /* output grown per inflate round */
	GZ_MAX_RATIO = 1000,        /* as for zip: deflate cannot honestly exceed ~1032:1 */
	GZ_RATIO_FLOOR = 16 << 20   /* the ratio check starts after this many bytes */
};

static int gz_inflate(struct extract_ctx *ctx, const unsigned char *src, size_t srclen,
		      struct sbuf *dst, struct cm_err *err)
{
	z_stream zs;
	int zr = Z_OK, rc = CM_OK;

	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, 15 + 32) != Z_OK)         /* +32: gzip or zlib header */
		return cm_err_set(err, CM_ENOMEM, "cannot start zlib");
	zs.next_in = (Bytef *)(uintptr_t)src;
	for (;;) {
		size_t before;

		if (!sbuf_grow(dst, GZ_CHUNK)) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory unpacking gzip");
			break;
		}
		/* srclen may exceed uInt: feed it in pieces */
		if (zs.avail_in == 0) {
			size_t used = (size_t)(zs.next_in - src);
			size_t left = srclen - used;

			zs.avail_in = left > 0x40000000u ? 0x40000000u : (uInt)left;
		}
		before = dst->len;
		zs.next_out = (Bytef *)dst->buf + dst->len;
		zs.avail_out = GZ_CHUNK;
		zr = inflate(&zs, Z_NO_FLUSH);
		dst->len += GZ_CHUNK - zs.avail_out;
		dst->buf[dst->len] = '\0';
		if (!ext_charge(ctx, dst->len - before)) {
			rc = cm_err_set(err, CM_EFORMAT, "gzip unpacks to more than the %zu MiB limit",
					ctx->opts.max_unpacked >> 20);
			break;
		}
		if (dst->len > GZ_RATIO_FLOOR && dst->len / (srclen + 1) > GZ_MAX_RATIO) {
			rc = cm_err_set(err, CM_EFORMAT, "gzip inflates over %d times its size (bomb?)",
					GZ_MAX_RATIO);
			break;
		}
		if (zr == Z_STREAM_END) {
			size_t used = (size_t)(zs.next_in - src);

			/* Another gzip member follows (cat a.gz b.gz): go on; trailing junk ends it. */
			if (used + 2 <= srclen && src[used] == 0x1f && src[used + 1] == 0x8b) {
				inflateReset(&zs);
				continue;
			}
			break;
		}
		if (zr == Z_BUF_ERROR && zs.avail_in == 0 && (size_t)(zs.next_in - src) >= srclen) {
			rc = cm_err_set(err, CM_EFORMAT, "truncated gzip data");
			break;
		}
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			rc = cm_err_set(err, CM_EFORMAT, "corrupt gzip data: %s", zs.msg ? zs.msg : "inflate failed");
			break;
		}
	}
	inflateEnd(&zs);
	return rc;
}

static int gz_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		  struct cm_err *err)
{
	struct ext_input child;
	struct sbuf plain = {0};
	const unsigned char *data;
	char *name = NULL;
	size_t len;
	bool trunc;
	int rc;

	(void)out;
	if (in->depth >= EXT_MAX_DEPTH)
		return cm_err_set(err, CM_EUNSUPPORTED, "compressed files nested more than %d deep", EXT_MAX_DEPTH);
	rc = ext_load(in, ctx->opts.max_unpacked, &data, &len, &trunc, err);
	if (rc)
		return rc;
	if (trunc)
		return cm_err_set(err, CM_EFORMAT, "gzip file larger than the %zu MiB unpack limit",
				  ctx->opts.max_unpacked >> 20);
	rc = gz_inflate(ctx, data, len, &plain, err);
	if (rc)
		goto out;
	name = strdup(in->name ? in->name : "");
	if (!name) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	if (ext_name_has_suffix(name, ".gz"))
		name[strlen(name) - 3] = '\0';
	else if (ext_name_has_suffix(name, ".tgz"))
		strcpy(name + strlen(name) - 4, ".tar");
	ext_child_input(&child, in, name, &plain, in->docname);
	rc = extract_input(ctx, &child, err);
out:
	free(name);
	sbuf_release(&plain);
	return rc;
}

const struct extractor ext_gzip = { "application/gzip", gz_run, true };
const struct extractor ext_gzip_x = { "application/x-gzip", gz_run, true };
