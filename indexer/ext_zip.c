/*
 * ext_zip.c - zip containers: telling DOCX/ODT from bundles, and bundles
 *
 * libarchive reads the zip (its seekable reader uses the central directory).
 * A zip holding word/document.xml is DOCX, one whose "mimetype" member says
 * opendocument.text is ODT; any other zip is a bundle of minutes, and each
 * member becomes its own document, named by its path, detected and extracted
 * in turn (nested zips too, EXT_MAX_DEPTH deep).  Every byte unpacked is
 * charged to the per-file budget (opts.max_unpacked), and a member that
 * outgrows its declared size or inflates more than ZIP_MAX_RATIO times the
 * archive is stopped, so a zip bomb ends in an error, not an OOM.
 */
#include "ext.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	ZIP_CHUNK = 64 * 1024,      /* bytes per archive_read_data call */
	ZIP_MAX_ENTRIES = 100000,   /* entries examined when classifying a zip */
	ZIP_MAX_RATIO = 1000,       /* deflate tops out near 1032:1; real text zips ~10:1 */
	ZIP_RATIO_FLOOR = 16 << 20  /* the ratio check starts after this many bytes */
};

static const char ODT_MIMETYPE[] = "application/vnd.oasis.opendocument.text";

static struct archive *zip_open(struct ext_input *in)
{
	struct archive *a = archive_read_new();

	if (!a)
		return NULL;
	archive_read_support_format_zip(a);
	/* The checked descriptor, not the path: it may be a FIFO by now. */
	if ((in->data ? archive_read_open_memory(a, in->data, in->len)
		      : lseek(in->fd, 0, SEEK_SET) != 0 ? ARCHIVE_FATAL
		      : archive_read_open_fd(a, in->fd, ZIP_CHUNK)) != ARCHIVE_OK) {
		archive_read_free(a);
		return NULL;
	}
	return a;
}

static const char *entry_name(struct archive_entry *e)
{
	const char *n = archive_entry_pathname_utf8(e);

	if (!n)
		n = archive_entry_pathname(e);
	return n ? n : "";
}

enum ext_zip_kind ext_zip_kind(struct ext_input *in)
{
	struct archive *a = zip_open(in);
	struct archive_entry *e;
	enum ext_zip_kind kind = EXT_ZIP_BUNDLE;
	size_t n = 0;
	int r;

	if (!a)
		return EXT_ZIP_BAD;
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK && n++ < ZIP_MAX_ENTRIES) {
		const char *name = entry_name(e);

		if (!strcmp(name, "word/document.xml")) {
			kind = EXT_ZIP_DOCX;
			break;
		}
		if (!strcmp(name, "mimetype")) {
			char buf[64] = {0};
			la_ssize_t got = archive_read_data(a, buf, sizeof buf - 1);

			if (got > 0 && (size_t)got >= sizeof ODT_MIMETYPE - 1 &&
			    !memcmp(buf, ODT_MIMETYPE, sizeof ODT_MIMETYPE - 1) &&
			    (size_t)got == sizeof ODT_MIMETYPE - 1) {
				kind = EXT_ZIP_ODT;
				break;
			}
		}
	}
	if (r != ARCHIVE_OK && r != ARCHIVE_EOF && kind == EXT_ZIP_BUNDLE && n <= 1)
		kind = EXT_ZIP_BAD;
	archive_read_free(a);
	return kind;
}

/* Read the current entry's data into sb, charging the budget; CM_EFORMAT stops a bomb. */
static int entry_read(struct extract_ctx *ctx, struct archive *a, struct archive_entry *e,
		      size_t archive_len, struct sbuf *sb, struct cm_err *err)
{
	la_int64_t declared = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
	size_t room = ctx->opts.max_unpacked - ctx->unpacked, total = 0;

	if (declared > 0 && (uint64_t)declared > room)
		return cm_err_set(err, CM_EFORMAT,
				  "member declares %lld bytes, over the %zu MiB unpack limit",
				  (long long)declared, ctx->opts.max_unpacked >> 20);
	if (archive_entry_is_encrypted(e))
		return cm_err_set(err, CM_EUNSUPPORTED, "encrypted zip member");
	for (;;) {
		la_ssize_t n;

		if (!sbuf_grow(sb, ZIP_CHUNK))
			return cm_err_set(err, CM_ENOMEM, "out of memory unpacking");
		n = archive_read_data(a, sb->buf + sb->len, ZIP_CHUNK);
		if (n < 0)
			return cm_err_set(err, CM_EFORMAT, "corrupt zip member: %s",
					  archive_error_string(a) ? archive_error_string(a) : "read error");
		if (n == 0)
			break;
		sb->len += (size_t)n;
		sb->buf[sb->len] = '\0';
		total += (size_t)n;
		if (!ext_charge(ctx, (size_t)n))
			return cm_err_set(err, CM_EFORMAT,
					  "unpacking stopped at the %zu MiB limit (zip bomb?)",
					  ctx->opts.max_unpacked >> 20);
		if (declared >= 0 && (uint64_t)total > (uint64_t)declared)
			return cm_err_set(err, CM_EFORMAT,
					  "member unpacks to more than its declared %lld bytes (zip bomb?)",
					  (long long)declared);
		if (total > ZIP_RATIO_FLOOR && total / (archive_len + 1) > ZIP_MAX_RATIO)
			return cm_err_set(err, CM_EFORMAT,
					  "member inflates over %d times the archive size (zip bomb?)",
					  ZIP_MAX_RATIO);
	}
	return CM_OK;
}

int ext_zip_member(struct extract_ctx *ctx, struct ext_input *in, const char *member,
		   struct sbuf *sb, struct cm_err *err)
{
	struct archive *a = zip_open(in);
	struct archive_entry *e;
	int r, rc = CM_ENOTFOUND;

	if (!a)
		return cm_err_set(err, CM_EFORMAT, "not a readable zip file");
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		if (strcmp(entry_name(e), member))
			continue;
		rc = entry_read(ctx, a, e, in->len, sb, err);
		goto out;
	}
	if (r != ARCHIVE_EOF)
		rc = cm_err_set(err, CM_EFORMAT, "corrupt zip: %s",
				archive_error_string(a) ? archive_error_string(a) : "cannot read entry");
	else
		rc = cm_err_set(err, CM_ENOTFOUND, "%s is missing from the zip", member);
out:
	archive_read_free(a);
	return rc;
}

static bool skip_member(const char *name)
{
	const char *base = strrchr(name, '/');

	base = base ? base + 1 : name;
	return !strncmp(name, "__MACOSX/", 9) || !strcmp(base, ".DS_Store") || !*base;
}

/* True when d is a container refused for its depth (zip_run or the gzip extractor). */
static bool is_too_deep(const struct extract_doc *d)
{
	return d->code == CM_EUNSUPPORTED && d->error && strstr(d->error, "nested more than");
}

/*
 * Report the members refused for their depth once: the first keeps its
 * entry, now saying how many more there were; the others are dropped.  A
 * zip of 1,000 nested zips is one failure line, not 1,000.
 */
static int fold_too_deep(struct extract_result *r, size_t first, size_t more)
{
	struct extract_doc *d = &r->docs[first];
	char *msg;

	if (asprintf(&msg, "%s (and %zu more members nested as deep)", d->error, more) < 0)
		return CM_ENOMEM;
	free(d->error);
	d->error = msg;
	return CM_OK;
}

static void drop_last(struct extract_result *r)
{
	struct extract_doc *d = &r->docs[--r->n];

	free(d->name);
	free(d->mime);
	free(d->text);
	free(d->error);
	memset(d, 0, sizeof *d);
}

static int zip_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	struct archive *a;
	struct archive_entry *e;
	struct sbuf member = {0};
	int r, rc = CM_OK;
	size_t seen = 0, deep = 0, first_deep = 0;

	(void)out;
	if (in->depth >= EXT_MAX_DEPTH)
		return cm_err_set(err, CM_EUNSUPPORTED, "zip nested more than %d deep", EXT_MAX_DEPTH);
	a = zip_open(in);
	if (!a)
		return cm_err_set(err, CM_EFORMAT, "not a readable zip file");
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = entry_name(e);
		struct ext_input child;
		struct cm_err merr = {0};
		char *docname = NULL;

		if (archive_entry_filetype(e) != AE_IFREG || skip_member(name))
			continue;
		if (ctx->members >= ctx->opts.max_members) {
			/* Memory grows with the members held until the file is written: cut, and say so. */
			char why[128];

			snprintf(why, sizeof why, "more than %zu files in the zips of one file: the rest "
				 "were not read", ctx->opts.max_members);
			rc = ext_result_fail(in->result, in->docname, "application/zip", CM_EUNSUPPORTED, why);
			goto out;
		}
		ctx->members++;
		seen++;
		if (asprintf(&docname, "%s%s%s", in->docname, in->docname[0] ? "/" : "", name) < 0) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
			goto out;
		}
		sbuf_reset(&member);
		rc = entry_read(ctx, a, e, in->len, &member, &merr);
		if (rc == CM_ENOMEM) {
			free(docname);
			cm_err_set(err, rc, "%s", merr.msg);
			goto out;
		}
		if (rc != CM_OK) {
			bool budget_gone = ctx->unpacked >= ctx->opts.max_unpacked;

			rc = ext_result_fail(in->result, docname, "application/octet-stream", rc, merr.msg);
			free(docname);
			if (rc)
				goto out;
			if (budget_gone || strstr(merr.msg, "corrupt"))
				break;  /* nothing more can be unpacked */
			continue;
		}
		ext_child_input(&child, in, name, &member, docname);
		size_t before = in->result->n;
		rc = extract_input(ctx, &child, err);
		free(docname);
		if (rc)
			goto out;
		if (in->result->n == before + 1 && is_too_deep(&in->result->docs[before])) {
			if (deep++)
				drop_last(in->result);
			else
				first_deep = before;
		}
	}
	if (deep > 1 && fold_too_deep(in->result, first_deep, deep - 1) != CM_OK) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto out;
	}
	if (r != ARCHIVE_EOF && r != ARCHIVE_OK) {
		const char *why = archive_error_string(a) ? archive_error_string(a) : "cannot read entry";

		if (!seen) {
			rc = cm_err_set(err, CM_EFORMAT, "corrupt zip: %s", why);
			goto out;
		}
		rc = ext_result_fail(in->result, in->docname, "application/zip", CM_EFORMAT, why);
	}
out:
	sbuf_release(&member);
	archive_read_free(a);
	return rc;
}

const struct extractor ext_zip = { "application/zip", zip_run, true };
