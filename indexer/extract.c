/*
 * extract.c - format detection, the extractor table, and the result list
 *
 * Owns: the per-thread context (libmagic cookie, temp dir, unpack budget),
 * content detection (libmagic, corrected by sniffs where it is known to be
 * wrong), the table that maps a MIME type to an extractor (exact match, then
 * "type/ *", then the plain-text fallback, as in Omega), and the cleaning and
 * capping of every document's text.  The formats themselves live in
 * ext_<fmt>.c; converters run through spawn.c.
 *
 * Divisions: context - input helpers - detection - dispatch - public API.
 */
#include "extract.h"
#include "extract_test.h"
#include "clock.h"
#include "grow.h"
#include "ext.h"
#include "textenc.h"
#include "textq.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

enum {
	EXTRACT_HEAD = 256 * 1024,  /* bytes of a file read for detection; libmagic needs far less */
	EXTRACT_MAGIC_BYTES = 2048, /* of those, what libmagic sees: enough for every format we read */
	/* libmagic's passes (see detect): magic numbers, then text or binary */
	EXTRACT_MAGIC_FLAGS = MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_TEXT,
	EXTRACT_MAGIC_TEXT_FLAGS = MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_SOFT,
	/* Seconds per file, all its converters together: pdftotext on 500 pages takes ~5 s, OCR
	 * ~4 s a page (a 3-page Souldern scan: 11.7 s), so ~70 scanned pages fit. */
	EXTRACT_TIMEOUT = 300,
	EXTRACT_OCR_PAGES = 200     /* a scanned PDF longer than this is very unlikely to be minutes */
};
static const size_t EXTRACT_MAX_TEXT = (size_t)64 << 20;     /* far beyond any real minutes (~1 MiB) */
static const size_t EXTRACT_MAX_UNPACKED = (size_t)256 << 20; /* zip bombs stop here */
static const size_t EXTRACT_CHILD_MEM = (size_t)1 << 30;      /* tesseract at 300 dpi needs ~100 MiB */
/* A bundle of a council's minutes holds hundreds of files; 100,000 tiny ones took 359 MB. */
static const size_t EXTRACT_MAX_MEMBERS = 5000;

/* The table: first exact match wins, then "type/ *" entries, then ext_fallback. */
static const struct extractor *const extractors[] = {
	&ext_pdf,
	&ext_docx,
	&ext_odt,
	&ext_doc,
	&ext_rtf,
	&ext_rtf_app,
	&ext_html,
	&ext_xhtml,
	&ext_markdown,
	&ext_text,
	&ext_gzip,
	&ext_gzip_x,
	&ext_zip,
	&ext_text_any,
};

/* ---- context ---------------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* libxml2 keeps its error handlers per thread; ours drop everything (library code never prints). */
static void xml_quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void xml_quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void xml_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, xml_quiet_generic);
	xmlSetStructuredErrorFunc(NULL, xml_quiet_structured);
}

int extract_ctx_new(const struct extract_opts *opts, struct extract_ctx **out, struct cm_err *err)
{
	struct extract_ctx *ctx;

	*out = NULL;
	pthread_once(&xml_once, xml_init);
	ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	if (opts)
		ctx->opts = *opts;
	if (!ctx->opts.timeout_sec)
		ctx->opts.timeout_sec = EXTRACT_TIMEOUT;
	if (!ctx->opts.max_text)
		ctx->opts.max_text = EXTRACT_MAX_TEXT;
	if (!ctx->opts.max_unpacked)
		ctx->opts.max_unpacked = EXTRACT_MAX_UNPACKED;
	if (!ctx->opts.child_mem)
		ctx->opts.child_mem = EXTRACT_CHILD_MEM;
	if (!ctx->opts.max_ocr_pages)
		ctx->opts.max_ocr_pages = EXTRACT_OCR_PAGES;
	if (!ctx->opts.max_members)
		ctx->opts.max_members = EXTRACT_MAX_MEMBERS;
	if (!ctx->opts.spawn)
		ctx->opts.spawn = spawn_run;
	ctx->tesseract = ctx->pdftoppm = -1;
	ctx->magic = magic_open(EXTRACT_MAGIC_FLAGS);
	if (!ctx->magic) {
		free(ctx);
		return cm_err_set(err, CM_ENOMEM, "cannot start libmagic: %s", strerror(errno));
	}
	if (magic_load(ctx->magic, NULL) != 0) {
		int rc = cm_err_set(err, CM_EINTERNAL, "cannot load the libmagic database: %s",
				    magic_error(ctx->magic) ? magic_error(ctx->magic) : "unknown error");
		magic_close(ctx->magic);
		free(ctx);
		return rc;
	}
	*out = ctx;
	return CM_OK;
}

/* Remove a temp dir of ours: files only, as ext_tmpname makes them. */
static void tmpdir_remove(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;

	while (d && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			unlinkat(dirfd(d), de->d_name, 0);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static const char *tmpdir_base(void)
{
	const char *base = getenv("TMPDIR");

	return base && *base ? base : "/tmp";
}

void extract_clean_stale(void)
{
	const char *base = tmpdir_base();
	DIR *d = opendir(base);
	struct dirent *de;

	while (d && (de = readdir(d)) != NULL) {
		struct stat st;
		char *path;
		long pid;
		int used = 0;

		/* "minutes-extract-PID-XXXXXX" (tmpdir_make) */
		if (sscanf(de->d_name, "minutes-extract-%ld-%*6[A-Za-z0-9]%n", &pid, &used) != 1 ||
		    de->d_name[used] != '\0' || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;       /* alive (or not ours to ask about) */
		if (asprintf(&path, "%s/%s", base, de->d_name) < 0)
			break;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid())
			tmpdir_remove(path);
		free(path);
	}
	if (d)
		closedir(d);
}

void extract_ctx_free(struct extract_ctx *ctx)
{
	if (!ctx)
		return;
	if (ctx->tmpdir) {
		tmpdir_remove(ctx->tmpdir);
		free(ctx->tmpdir);
	}
	if (ctx->magic)
		magic_close(ctx->magic);
	free(ctx);
}

/* ---- helpers for extractors ------------------------------------------- */

bool ext_name_has_suffix(const char *name, const char *ext)
{
	size_t n, e;

	if (!name)
		return false;
	n = strlen(name);
	e = strlen(ext);
	return n >= e && strcasecmp(name + n - e, ext) == 0;
}

void ext_note_add(struct ext_out *out, const char *what, const bool *pages, size_t np)
{
	char buf[EXT_NOTE_MAX];
	size_t i, j, count = 0, n;

	for (i = 0; i < np; i++)
		count += pages[i];
	if (!count)
		return;
	n = (size_t)snprintf(buf, sizeof buf, "%s", what);
	if (np > 1) {
		const char *sep = count > 1 ? " (pages " : " (page ";

		for (i = 0; i < np && n < sizeof buf; i = j) {
			if (!pages[i]) {
				j = i + 1;
				continue;
			}
			for (j = i; j < np && pages[j]; j++)
				;
			if (j - i == 1)
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%zu", sep, i + 1);
			else
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%zu-%zu", sep, i + 1, j);
			sep = ", ";
		}
		if (n < sizeof buf)
			snprintf(buf + n, sizeof buf - n, ")");
	}
	n = strlen(out->note);
	snprintf(out->note + n, sizeof out->note - n, "%s%s", n ? "; " : "", buf);
}

/*
 * Pages (between form feeds) with a tab after nearly every word get spaces
 * instead: a producer's quirk, not a table (textq.h).  Best effort: skipped
 * when the page list cannot be allocated.
 */
static void extract_untab(struct ext_out *out)
{
	char *s = out->text.buf;
	size_t len = out->text.len, np = 1, i, start = 0, k = 0;
	bool *tabbed;

	if (!s || !memchr(s, '\t', len))
		return;
	for (i = 0; i < len; i++)
		np += s[i] == '\f';
	tabbed = calloc(np, sizeof *tabbed);
	if (!tabbed)
		return;
	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '\f') {
			struct textq q;

			textq_measure(s + start, i - start, &q);
			if (textq_judge(&q) == TEXTQ_TABBED) {
				textq_untab(s + start, i - start);
				tabbed[k] = true;
			}
			k++;
			start = i + 1;
		}
	}
	ext_note_add(out, "tabs normalised", tabbed, np);
	free(tabbed);
}

bool ext_charge(struct extract_ctx *ctx, size_t n)
{
	if (n > ctx->opts.max_unpacked - ctx->unpacked) {
		ctx->unpacked = ctx->opts.max_unpacked;
		return false;
	}
	ctx->unpacked += n;
	return true;
}

void ext_child_input(struct ext_input *child, const struct ext_input *parent, const char *name,
		     const struct sbuf *bytes, const char *docname)
{
	memset(child, 0, sizeof *child);
	child->name = name;
	child->data = (const unsigned char *)(bytes->buf ? bytes->buf : "");
	child->len = bytes->len;
	child->head = child->data;
	child->head_len = bytes->len < EXTRACT_HEAD ? bytes->len : EXTRACT_HEAD;
	child->depth = parent->depth + 1;
	child->docname = docname;
	child->result = parent->result;
}

int ext_load(struct ext_input *in, size_t cap, const unsigned char **data, size_t *len,
	     bool *trunc, struct cm_err *err)
{
	size_t want, got = 0;

	if (in->data) {
		*data = in->data;
		*len = in->len < cap ? in->len : cap;
		if (trunc)
			*trunc = in->len > cap;
		return CM_OK;
	}
	if (in->loaded && (in->loaded_len >= cap || !in->loaded_trunc))
		goto done;
	free(in->loaded);
	in->loaded = NULL;
	want = in->len < cap ? in->len : cap;
	in->loaded = malloc(want + 1);
	if (!in->loaded)
		return cm_err_set(err, CM_ENOMEM, "out of memory reading %zu bytes", want);
	/*
	 * From the descriptor extract_file checked, not the path again: a file
	 * swapped for a FIFO since would block this read forever.
	 */
	while (got < want) {
		ssize_t n = pread(in->fd, in->loaded + got, want - got, (off_t)got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return cm_err_set(err, CM_EIO, "cannot read: %s", strerror(errno));
		if (n == 0)
			break;          /* the file shrank: take what is there */
		got += (size_t)n;
	}
	in->loaded[got] = '\0';
	in->loaded_len = got;
	in->loaded_trunc = in->len > cap;
done:
	*data = in->loaded;
	*len = in->loaded_len < cap ? in->loaded_len : cap;
	if (trunc)
		*trunc = in->loaded_trunc || in->loaded_len > cap;
	return CM_OK;
}

static int tmpdir_make(struct extract_ctx *ctx, struct cm_err *err)
{
	const char *base = tmpdir_base();
	char *t;

	if (ctx->tmpdir)
		return CM_OK;
	/* The PID lets extract_clean_stale tell a killed run's leftovers. */
	if (asprintf(&t, "%s/minutes-extract-%ld-XXXXXX", base, (long)getpid()) < 0)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	if (!mkdtemp(t)) {
		int rc = cm_err_set(err, CM_EIO, "cannot make a temporary directory in %s: %s",
				    base, strerror(errno));
		free(t);
		return rc;
	}
	ctx->tmpdir = t;
	return CM_OK;
}

int ext_tmpname(struct extract_ctx *ctx, const char *suffix, char **out, struct cm_err *err)
{
	int rc = tmpdir_make(ctx, err);

	*out = NULL;
	if (rc)
		return rc;
	if (asprintf(out, "%s/f%u%s", ctx->tmpdir, ctx->tmpseq++, suffix ? suffix : "") < 0) {
		*out = NULL;
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	return CM_OK;
}

int ext_path(struct extract_ctx *ctx, struct ext_input *in, const char **path, struct cm_err *err)
{
	size_t off = 0;
	int fd, rc;

	if (in->path) {
		/*
		 * A converter opens the path itself: check it is still the file
		 * extract_file checked, so a FIFO swapped in since is refused
		 * instead of holding the converter until its timeout.
		 */
		struct stat now, was;

		if (stat(in->path, &now) != 0 || fstat(in->fd, &was) != 0 || !S_ISREG(now.st_mode) ||
		    now.st_dev != was.st_dev || now.st_ino != was.st_ino)
			return cm_err_set(err, CM_EIO, "the file changed while being read");
	}
	if (in->path && in->path[0] == '-') {
		if (!in->arg_path && asprintf(&in->arg_path, "./%s", in->path) < 0) {
			in->arg_path = NULL;
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		}
		*path = in->arg_path;
		return CM_OK;
	}
	if (in->path) {
		*path = in->path;
		return CM_OK;
	}
	if (in->tmp_path) {
		*path = in->tmp_path;
		return CM_OK;
	}
	rc = ext_tmpname(ctx, NULL, &in->tmp_path, err);
	if (rc)
		return rc;
	fd = open(in->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		goto fail;
	while (off < in->len) {
		ssize_t n = write(fd, in->data + off, in->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			goto fail;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0)
		goto fail;
	*path = in->tmp_path;
	return CM_OK;
fail:
	rc = cm_err_set(err, CM_EIO, "cannot write temporary file %s: %s", in->tmp_path, strerror(errno));
	unlink(in->tmp_path);
	free(in->tmp_path);
	in->tmp_path = NULL;
	return rc;
}

int ext_spawn(struct extract_ctx *ctx, const char *const argv[], size_t max_out,
	      struct sbuf *out, struct spawn_result *res, struct cm_err *err)
{
	/*
	 * --timeout is one budget for the whole file: pdftotext, then every
	 * page's pdftoppm and tesseract share it (200 pages of OCR at 60 s
	 * each could otherwise hold a worker for hours).
	 */
	double left = ctx->deadline - clock_now();
	int rc;

	/* One OpenMP thread: the indexer already runs one extraction per core, and
	 * tesseract with its default thread pool is slower, not faster, then. */
	static const char *const env_add[] = { "OMP_THREAD_LIMIT=1", NULL };
	struct spawn_opts so = {
		.timeout_sec = ctx->opts.timeout_sec,
		.max_out = max_out,
		.mem_limit = ctx->opts.child_mem,
		.env_add = env_add,
		.res = res,
	};

	if (left < 0.001)
		return cm_err_set(err, CM_ETIMEOUT, "%s not run: the file's %u s time limit "
				  "(--timeout) ran out", argv[0], ctx->opts.timeout_sec);
	if (left < ctx->opts.timeout_sec)
		so.timeout_ms = (unsigned)(left * 1000.0) + 1;
	rc = ctx->opts.spawn(argv, &so, out, err);
	if (rc == CM_ETIMEOUT)
		cm_err_set(err, rc, "%s stopped: the file's %u s time limit (--timeout) ran out",
			   argv[0], ctx->opts.timeout_sec);
	return rc;
}

/* ---- detection -------------------------------------------------------- */

static bool has_prefix_ci(const unsigned char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && strncasecmp((const char *)s, p, k) == 0;
}

/* Case-insensitive search for `needle` in the first n bytes of s. */
static bool contains_ci(const unsigned char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp((const char *)s + i, needle, k) == 0)
			return true;
	return false;
}

/*
 * HTML that libmagic calls text/plain, text/javascript or text/xml: the first
 * markup (after a BOM, whitespace and comments) is a doctype or a common tag.
 */
static bool looks_like_html(const unsigned char *s, size_t n)
{
	static const char *const tags[] = { "<!doctype html", "<html", "<head", "<body", "<meta",
					    "<title", "<div", "<table", "<p>", "<h1", "<script", "<link" };
	/* a fragment a site includes into its pages starts with any element */
	static const char *const fragment_tags[] = {
		"button", "ol", "ul", "li", "p", "h2", "h3", "h4", "h5", "h6", "section", "article",
		"span", "main", "nav", "header", "form", "time", "strong", "em", "hr", "br", "dl",
	};
	size_t i = 0, j;

	if (n > 8192)
		n = 8192;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
			i++;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const unsigned char *e = memmem(s + i, n - i, "-->", 3);

			if (!e)
				return false;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (i + 5 <= n && memcmp(s + i, "<?xml", 5) == 0) {
			const unsigned char *e = memmem(s + i, n - i, "?>", 2);

			if (!e)
				return false;
			i = (size_t)(e - s) + 2;
			continue;
		}
		break;
	}
	for (j = 0; j < sizeof tags / sizeof tags[0]; j++)
		if (has_prefix_ci(s + i, n - i, tags[j]))
			return true;
	for (j = 0; i < n && s[i] == '<' && j < sizeof fragment_tags / sizeof fragment_tags[0]; j++) {
		size_t k = strlen(fragment_tags[j]);

		if (has_prefix_ci(s + i + 1, n - i - 1, fragment_tags[j]) && i + 1 + k < n &&
		    (s[i + 1 + k] == '>' || s[i + 1 + k] == ' ' || s[i + 1 + k] == '\n' || s[i + 1 + k] == '/') &&
		    memmem(s + i, n - i, "</", 2))
			return true;
	}
	/* A fragment saved from a page: markup somewhere near the top. */
	return contains_ci(s, n, "<html") || contains_ci(s, n, "<body");
}

/* s starts with tag (any case), white space, then word. */
static bool magic_tag_then(const unsigned char *s, size_t n, const char *tag, const char *word)
{
	size_t j = strlen(tag);

	if (!has_prefix_ci(s, n, tag) || j >= n || !isspace(s[j]))
		return false;
	while (j < n && isspace(s[j]))
		j++;
	return has_prefix_ci(s + j, n - j, word);
}

/*
 * libmagic's own tests for HTML, which it runs among its text tests (see
 * detect): one of these tags, any case, followed by '>' or white space,
 * anywhere in what it is given; "<a" and "href=" with white space between;
 * "<!doctype" and "html".
 */
static bool magic_html_rules(const unsigned char *s, size_t n)
{
	static const char *const tags[] = { "<head", "<title", "<html", "<script", "<style",
					    "<table" };

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '<')
			continue;
		for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
			size_t k = strlen(tags[t]);

			if (has_prefix_ci(s + i, n - i, tags[t]) && i + k < n &&
			    (s[i + k] == '>' || isspace(s[i + k])))
				return true;
		}
		if (magic_tag_then(s + i, n - i, "<a", "href=") ||
		    magic_tag_then(s + i, n - i, "<!doctype", "html"))
			return true;
	}
	return false;
}

static bool is_textish_mime(const char *m)
{
	return strncmp(m, "text/", 5) == 0 || strcmp(m, "application/javascript") == 0 ||
	       strcmp(m, "application/json") == 0 || strcmp(m, "application/xml") == 0;
}

/* Fill in->mime from content, correcting libmagic where it is known to be wrong. */
static void detect(struct extract_ctx *ctx, struct ext_input *in)
{
	const char *m = NULL;
	const unsigned char *h = in->head;
	size_t n = in->head_len;

	/*
	 * libmagic's text tests scan everything they are given (regexes and
	 * encoding checks cost ~1 ms per 20 KB of minutes); the magic numbers
	 * and the text/binary call need only the start.  Even on 2 KB, its
	 * text tests (hundreds of regexes for languages and formats we read as
	 * plain text anyway) were 3/4 of its 0.7 ms per file, so it runs in
	 * two passes: the magic numbers alone (EXTRACT_MAGIC_FLAGS), and, when
	 * none matched, only its text/binary call (EXTRACT_MAGIC_TEXT_FLAGS),
	 * after which the two text types we tell apart get libmagic's own
	 * rules: "<?xml" first is XML, magic_html_rules is HTML.  Other text
	 * types it would name (troff, scripts, source code) are text/plain:
	 * the same extractor, so only their stored format differs.
	 */
	if (n) {
		size_t mn = n < EXTRACT_MAGIC_BYTES ? n : EXTRACT_MAGIC_BYTES;

		m = magic_buffer(ctx->magic, h, mn);
		if (m && !strcmp(m, "application/octet-stream") &&
		    magic_setflags(ctx->magic, EXTRACT_MAGIC_TEXT_FLAGS) == 0) {
			m = magic_buffer(ctx->magic, h, mn);
			if (m && !strcmp(m, "text/plain")) {
				if (has_prefix_ci(h, mn, "<?xml"))
					m = "text/xml";
				else if (magic_html_rules(h, mn))
					m = "text/html";
			}
			magic_setflags(ctx->magic, EXTRACT_MAGIC_FLAGS);
		}
	}
	if (!m)
		m = n ? "application/octet-stream" : "application/x-empty";
	snprintf(in->mime, sizeof in->mime, "%s", m);

	/* Zip containers: old magic (and any zip whose first member is not
	 * [Content_Types].xml) says application/zip or octet-stream for DOCX. */
	if (n >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5) &&
	    (!strcmp(m, "application/zip") || !strcmp(m, "application/octet-stream") ||
	     !strncmp(m, "application/vnd.openxmlformats", 30))) {
		switch (ext_zip_kind(in)) {
		case EXT_ZIP_DOCX:
			snprintf(in->mime, sizeof in->mime, "%s", ext_docx.mime);
			break;
		case EXT_ZIP_ODT:
			snprintf(in->mime, sizeof in->mime, "%s", ext_odt.mime);
			break;
		case EXT_ZIP_BUNDLE:
			snprintf(in->mime, sizeof in->mime, "%s", ext_zip.mime);
			break;
		case EXT_ZIP_BAD:
			break;
		}
		return;
	}
	/* Word 97-2003 in an OLE2 file that libmagic only calls "CDFV2". */
	if (n >= 8 && !memcmp(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) && strcmp(m, "application/msword") &&
	    (ext_name_has_suffix(in->name, ".doc") || ext_name_has_suffix(in->name, ".dot"))) {
		snprintf(in->mime, sizeof in->mime, "%s", ext_doc.mime);
		return;
	}
	if (is_textish_mime(m) && strcmp(m, "text/html") && strcmp(m, "text/rtf") && looks_like_html(h, n)) {
		snprintf(in->mime, sizeof in->mime, "text/html");
		return;
	}
	if (!strcmp(m, "text/plain") &&
	    (ext_name_has_suffix(in->name, ".md") || ext_name_has_suffix(in->name, ".markdown")))
		snprintf(in->mime, sizeof in->mime, "text/markdown");
}

static const struct extractor *lookup(const char *mime)
{
	size_t i, tl;
	const char *slash = strchr(mime, '/');

	for (i = 0; i < sizeof extractors / sizeof extractors[0]; i++)
		if (!strcmp(extractors[i]->mime, mime))
			return extractors[i];
	tl = slash ? (size_t)(slash - mime) : strlen(mime);
	for (i = 0; i < sizeof extractors / sizeof extractors[0]; i++) {
		const char *e = extractors[i]->mime;
		size_t el = strlen(e);

		if (el == tl + 2 && !strncmp(e, mime, tl) && !strcmp(e + tl, "/*"))
			return extractors[i];
	}
	return &ext_fallback;
}

/* ---- dispatch --------------------------------------------------------- */

static int result_add(struct extract_result *r, const char *name, const char *mime,
		      struct sbuf *text, int code, const char *error, bool truncated, bool ocr,
		      const char *note)
{
	struct extract_doc *d;

	if (ARRAY_GROW(r->docs, r->n + 1, r->alloc))
		return CM_ENOMEM;
	d = &r->docs[r->n];
	memset(d, 0, sizeof *d);
	d->code = code;
	d->truncated = truncated;
	d->ocr = ocr;
	d->name = strdup(name ? name : "");
	d->mime = strdup(mime ? mime : "application/octet-stream");
	if (note && *note && !(d->note = strdup(note))) {
		free(d->name);
		free(d->mime);
		return CM_ENOMEM;
	}
	if (code == CM_OK)
		d->text = sbuf_detach(text, &d->len);
	else
		d->error = strdup(error && *error ? error : cm_code_str(code));
	if (!d->name || !d->mime || (code == CM_OK ? !d->text : !d->error)) {
		free(d->name);
		free(d->mime);
		free(d->text);
		free(d->error);
		free(d->note);
		return CM_ENOMEM;
	}
	r->n++;
	return CM_OK;
}

int ext_result_fail(struct extract_result *r, const char *name, const char *mime, int code,
		    const char *msg)
{
	return result_add(r, name, mime, NULL, code, msg, false, false, NULL);
}

int extract_input(struct extract_ctx *ctx, struct ext_input *in, struct cm_err *err)
{
	const struct extractor *ex;
	struct ext_out out = {0};
	struct cm_err e = {0};
	size_t before = in->result->n;
	int rc;

	if (in->len == 0) {
		snprintf(in->mime, sizeof in->mime, "application/x-empty");
		rc = cm_err_set(&e, CM_EFORMAT, "empty file");
		goto fail;
	}
	detect(ctx, in);
	ex = lookup(in->mime);
	if (ex->container) {
		rc = ex->run(ctx, in, NULL, &e);
		if (rc == CM_ENOMEM)
			goto out;
		if (rc != CM_OK)
			goto fail;
		if (in->result->n == before) {
			rc = cm_err_set(&e, CM_EFORMAT, "archive holds no files");
			goto fail;
		}
		goto out;
	}
	rc = ex->run(ctx, in, &out, &e);
	if (rc == CM_OK && sbuf_oom(&out.text))
		rc = cm_err_set(&e, CM_ENOMEM, "out of memory holding the text");
	if (rc != CM_OK)
		goto fail;
	textenc_clean(&out.text, 0, ctx->opts.max_text, &out.truncated);
	extract_untab(&out);
	if (!textenc_has_text(sbuf_str(&out.text), out.text.len)) {
		rc = cm_err_set(&e, CM_EFORMAT, "no text");
		goto fail;
	}
	rc = result_add(in->result, in->docname, in->mime, &out.text, CM_OK, NULL, out.truncated, out.ocr,
			out.note);
	goto out;
fail:
	rc = result_add(in->result, in->docname, in->mime, NULL, rc, e.msg, false, false, out.note);
out:
	sbuf_release(&out.text);
	free(in->loaded);
	in->loaded = NULL;
	if (in->tmp_path) {
		unlink(in->tmp_path);
		free(in->tmp_path);
		in->tmp_path = NULL;
	}
	free(in->arg_path);
	in->arg_path = NULL;
	if (rc == CM_ENOMEM)
		return cm_err_set(err, CM_ENOMEM, "out of memory extracting %s", in->name);
	return CM_OK;
}

/* ---- public API ------------------------------------------------------- */

void extract_result_release(struct extract_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->docs[i].name);
		free(r->docs[i].mime);
		free(r->docs[i].text);
		free(r->docs[i].error);
		free(r->docs[i].note);
	}
	free(r->docs);
	r->docs = NULL;
	r->n = r->alloc = 0;
}

int extract_file(struct extract_ctx *ctx, const char *path, struct extract_result *out, struct cm_err *err)
{
	struct ext_input in = {0};
	unsigned char *head = NULL;
	struct stat st;
	size_t got = 0, want;
	int fd, rc = CM_OK;

	memset(out, 0, sizeof *out);
	xml_quiet();
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return cm_err_set(err, errno == ENOENT ? CM_ENOTFOUND : CM_EIO, "cannot open %s: %s",
				  path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		rc = cm_err_set(err, CM_EIO, "cannot stat %s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = cm_err_set(err, CM_EIO, "cannot read %s: not a regular file", path);
		goto out;
	}
	want = (size_t)st.st_size < EXTRACT_HEAD ? (size_t)st.st_size : EXTRACT_HEAD;
	head = malloc(want + 1);
	if (!head) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory reading %s", path);
		goto out;
	}
	while (got < want) {
		ssize_t n = read(fd, head + got, want - got);

		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0) {
			rc = cm_err_set(err, CM_EIO, "cannot read %s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	in.name = path;
	in.path = path;
	in.fd = fd;
	in.len = (size_t)st.st_size;
	if (got < want)
		in.len = got;           /* shrank under us */
	in.head = head;
	in.head_len = got;
	if (in.len == got)
		in.data = head;         /* small file: it is all in memory already */
	in.docname = "";
	in.result = out;
	ctx->unpacked = 0;
	ctx->members = 0;
	ctx->deadline = clock_now() + ctx->opts.timeout_sec;
	rc = extract_input(ctx, &in, err);
	if (rc)
		cm_err_set(err, rc, "cannot extract %s: out of memory", path);
out:
	free(head);
	close(fd);
	return rc;
}

int extract_buffer(struct extract_ctx *ctx, const void *data, size_t len, const char *name,
		   struct extract_result *out, struct cm_err *err)
{
	struct ext_input in = {0};

	memset(out, 0, sizeof *out);
	xml_quiet();
	in.name = name ? name : "";
	in.data = data;
	in.len = len;
	in.head = data;
	in.head_len = len < EXTRACT_HEAD ? len : EXTRACT_HEAD;
	in.docname = "";
	in.result = out;
	ctx->unpacked = 0;
	ctx->members = 0;
	ctx->deadline = clock_now() + ctx->opts.timeout_sec;
	return extract_input(ctx, &in, err);
}

int extract_detect(struct extract_ctx *ctx, const void *data, size_t len, const char *name,
		   char *buf, size_t bufsz, struct cm_err *err)
{
	struct ext_input in = {0};

	(void)err;
	in.name = name ? name : "";
	in.data = data;
	in.len = len;
	in.head = data;
	in.head_len = len < EXTRACT_HEAD ? len : EXTRACT_HEAD;
	if (len == 0)
		snprintf(in.mime, sizeof in.mime, "application/x-empty");
	else
		detect(ctx, &in);
	snprintf(buf, bufsz, "%s", in.mime);
	return CM_OK;
}
