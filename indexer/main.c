/*
 * main.c - minutes-index: the command line of the indexer
 *
 * Parses options, runs ingest_run() (or --explain for one file), prints
 * failures, progress and the summary, and maps the outcome to an exit
 * status (cli.h): 0 all indexed, 1 some files failed (or stdout could not
 * be written), 2 usage or database error.
 */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "extract.h"
#include "field.h"
#include "field_json.h"
#include "ingest.h"
#include "sbuf.h"
#include "strv.h"
#include "urlmap.h"
#include "xw.h"

static const char *prog = "minutes-index";

/*
 * Extraction threads: far more than the cores of any machine this runs on,
 * each holding a converter and a file's documents in memory.
 */
enum { JOBS_MAX = 1024 };
/* Seconds per file: a day, past any converter's worst (OCR of a 1,000-page scan: about an hour). */
enum { TIMEOUT_MAX = 86400 };

struct failure_log {
	struct strv paths;        /* failed logical paths */
	struct strv reasons;      /* parallel reasons */
	struct strv skipped;      /* "path: reason" of harmless skips */
	struct strv note_paths;   /* documents whose text layer was OCR'd or repaired */
	struct strv notes;        /* parallel: what was done ("ocr: gibberish text layer (page 2)") */
	bool verbose;             /* -v: a line per note too */
	bool quiet;               /* --quiet: no per-file lines */
	bool progress_shown;      /* a progress line needs clearing */
};

static void usage(void)
{
	printf("Usage: %s --db DIR [OPTION]... PATH...\n"
	       "       %s --explain|--text FILE\n"
	       "Index council minutes found under each PATH into the Xapian database DIR.\n"
	       "Only files changed since the last run are read again.\n\n"
	       "  -d, --db DIR            database directory (created when missing)\n"
	       "      --full              rebuild the index from scratch\n"
	       "      --shard-by KEY      council or year: one database per shard under DIR,\n"
	       "                          searched as one through the stub DIR/XAPIANDB\n"
	       "                          (give the same KEY on every later run)\n"
	       "      --no-compact        do not compact after a full build\n"
	       "  -j, --jobs N            extraction threads (default: number of cores)\n"
	       "      --exclude GLOB      skip files or folders matching GLOB (repeatable)\n"
	       "      --council NAME      use NAME as the council of every document\n"
	       "      --url-prefix [DIR=]URL\n"
	       "                          public URL of the files under DIR (or of every\n"
	       "                          PATH): DIR/a/b.pdf links to URL/a/b.pdf (repeatable;\n"
	       "                          kept for later runs; 'none' clears); a folder's\n"
	       "                          SOURCES.tsv (file<TAB>url lines) overrides it\n"
	       "      --ocr MODE          auto|always|never: OCR PDF pages without a usable text layer\n"
	       "      --timeout SEC       time limit per file, over all its converters\n"
	       "                          (pdftotext, each page's OCR...; default 300)\n"
	       "      --retry-failed      try again files that failed before, even if unchanged\n"
	       "      --stem-only         index word stems only (a little smaller; quoted words\n"
	       "                          and \"did you mean\" then find nothing)\n"
	       "      --no-spelling       do not build the \"did you mean\" dictionary\n"
	       "      --commit-every N    documents per commit (default 1000)\n"
	       "      --json-report FILE  write the summary and failures as JSON to FILE\n"
	       "      --explain FILE      print the parsed meeting of FILE as JSON and exit\n"
	       "      --text FILE         print the text extracted from FILE and exit\n"
	       "      --strict            exit 1 if any file failed before, too\n"
	       "  -q, --quiet             no progress, no per-file failure lines\n"
	       "  -v, --verbose           more detail in the summary\n"
	       "  -h, --help              show this help and exit\n"
	       "  -V, --version           show the version and exit\n\n"
	       "Exit status: 0 all files indexed, 1 some files failed or the output could not\n"
	       "be written, 2 usage or database error.\n",
	       prog, prog);
}

static void on_fail(void *ctx, const char *path, int code, const char *reason)
{
	struct failure_log *log = ctx;

	(void)code;
	strv_push(&log->paths, path);
	strv_push(&log->reasons, reason);
	if (log->quiet)
		return;
	if (log->progress_shown) {
		fputs("\r\033[K", stderr);
		log->progress_shown = false;
	}
	fprintf(stderr, "%s: %s\n", path, reason);
}

static void on_note(void *ctx, const char *path, int code, const char *note)
{
	struct failure_log *log = ctx;

	(void)code;
	strv_push(&log->note_paths, path);
	strv_push(&log->notes, note);
	if (log->quiet || !log->verbose)
		return;
	if (log->progress_shown) {
		fputs("\r\033[K", stderr);
		log->progress_shown = false;
	}
	fprintf(stderr, "%s: %s\n", path, note);
}

static void on_skip(void *ctx, const char *path, int code, const char *reason)
{
	struct failure_log *log = ctx;
	struct sbuf line = {0};

	(void)code;
	sbuf_addf(&line, "%s: %s", path, reason);
	strv_push(&log->skipped, sbuf_str(&line));
	if (!log->quiet) {
		if (log->progress_shown) {
			fputs("\r\033[K", stderr);
			log->progress_shown = false;
		}
		fprintf(stderr, "%s (skipped)\n", sbuf_str(&line));
	}
	sbuf_release(&line);
}

static void on_progress(void *ctx, const struct ingest_progress *p)
{
	struct failure_log *log = ctx;
	double mbs = p->seconds > 0 ? p->bytes / 1e6 / p->seconds : 0;
	double eta = p->done ? p->seconds * (double)(p->total - p->done) / (double)p->done : 0;

	fprintf(stderr, "\r\033[K%zu/%zu files  %.1f MB/s  ETA %.0fs", p->done, p->total, mbs, eta);
	log->progress_shown = true;
}

static int write_report(const char *file, const struct ingest_stats *st,
			const struct failure_log *log)
{
	json_object *o = json_object_new_object(), *f = json_object_new_array(),
		    *sk = json_object_new_array(), *nt = json_object_new_array();
	int rc;

	json_object_object_add(o, "seen", json_object_new_int64((int64_t)st->seen));
	json_object_object_add(o, "indexed", json_object_new_int64((int64_t)st->indexed));
	json_object_object_add(o, "duplicates", json_object_new_int64((int64_t)st->duplicates));
	json_object_object_add(o, "unchanged", json_object_new_int64((int64_t)st->unchanged));
	json_object_object_add(o, "removed", json_object_new_int64((int64_t)st->removed));
	json_object_object_add(o, "failed", json_object_new_int64((int64_t)st->failed));
	json_object_object_add(o, "failed_before", json_object_new_int64((int64_t)st->failed_before));
	json_object_object_add(o, "items", json_object_new_int64((int64_t)st->items));
	json_object_object_add(o, "megabytes", json_object_new_double(st->bytes / 1e6));
	json_object_object_add(o, "seconds", json_object_new_double(st->seconds));
	json_object_object_add(o, "compacted", json_object_new_boolean(st->compacted));
	json_object_object_add(o, "bulk_parts", json_object_new_int64((int64_t)st->bulk_parts));
	json_object_object_add(o, "ocr", json_object_new_int64((int64_t)st->ocr));
	for (size_t i = 0; i < log->paths.n; i++) {
		json_object *e = json_object_new_object();

		json_object_object_add(e, "path", json_object_new_string(log->paths.v[i]));
		json_object_object_add(e, "reason", json_object_new_string(log->reasons.v[i]));
		json_object_array_add(f, e);
	}
	json_object_object_add(o, "failures", f);
	json_object_object_add(o, "skipped", json_object_new_int64((int64_t)st->skipped));
	for (size_t i = 0; i < log->skipped.n; i++)
		json_object_array_add(sk, json_object_new_string(log->skipped.v[i]));
	json_object_object_add(o, "skipped_entries", sk);
	for (size_t i = 0; i < log->notes.n; i++) {
		json_object *e = json_object_new_object();

		json_object_object_add(e, "path", json_object_new_string(log->note_paths.v[i]));
		json_object_object_add(e, "note", json_object_new_string(log->notes.v[i]));
		json_object_array_add(nt, e);
	}
	json_object_object_add(o, "text_layer_notes", nt);
	rc = json_object_to_file_ext(file, o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	json_object_put(o);
	return rc;
}

/* Failures grouped by reason, for the summary. */
static void print_reasons(const struct failure_log *log)
{
	struct strv seen = {0};

	for (size_t i = 0; i < log->reasons.n; i++) {
		size_t n = 0;

		if (strv_has(&seen, log->reasons.v[i]))
			continue;
		strv_push(&seen, log->reasons.v[i]);
		for (size_t j = i; j < log->reasons.n; j++)
			n += strcmp(log->reasons.v[j], log->reasons.v[i]) == 0;
		fprintf(stderr, "  %zu  %s\n", n, log->reasons.v[i]);
	}
	strv_release(&seen);
}

/*
 * --explain: the parsed meeting of each document in FILE as one JSON line;
 * with text_only (--text), the extracted text itself, documents separated
 * by a form feed, so a new layout can be looked at as the parser sees it.
 */
static int explain(const char *file, const char *council, const struct extract_opts *xo, bool text_only)
{
	struct extract_ctx *ex = NULL;
	struct extract_result res = {0};
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};
	int status = CLI_OK;

	if (extract_ctx_new(xo, &ex, &err) != CM_OK || extract_file(ex, file, &res, &err) != CM_OK) {
		cli_error(prog, "%s", err.msg);
		status = CLI_FAILED;
		goto out;
	}
	for (size_t i = 0; i < res.n; i++) {
		struct field_meeting m;
		struct field_opts fo = { council, file };
		struct sbuf logical = {0};

		if (res.docs[i].note)
			fprintf(stderr, "%s%s%s: %s\n", file, *res.docs[i].name ? "/" : "",
				res.docs[i].name, res.docs[i].note);
		if (res.docs[i].code != CM_OK) {
			fprintf(stderr, "%s%s%s: %s\n", file, *res.docs[i].name ? "/" : "",
				res.docs[i].name, res.docs[i].error);
			status = CLI_FAILED;
			continue;
		}
		if (text_only) {
			fwrite(res.docs[i].text, 1, res.docs[i].len, stdout);
			fputs(i + 1 < res.n ? "\n\f" : "\n", stdout);
			continue;
		}
		memset(&m, 0, sizeof m);
		sbuf_reset(&out);
		if (*res.docs[i].name) {
			/* a zip member: its path as the indexer sees it, "bundle.zip/member" */
			sbuf_adds(&logical, file);
			sbuf_addch(&logical, '/');
			sbuf_adds(&logical, res.docs[i].name);
			if (!sbuf_oom(&logical))
				fo.path = logical.buf;
		}
		if (field_parse(res.docs[i].text, res.docs[i].len, &fo, &m, &err) != CM_OK ||
		    field_meeting_to_json(&m, &out, &err) != CM_OK) {
			cli_error(prog, "%s: %s", file, err.msg);
			status = CLI_FAILED;
		} else {
			fwrite(out.buf, 1, out.len, stdout);
			fputc('\n', stdout);
		}
		field_meeting_release(&m);
		sbuf_release(&logical);
	}
out:
	extract_result_release(&res);
	extract_ctx_free(ex);
	sbuf_release(&out);
	return status;
}

int main(int argc, char **argv)
{
	enum { OPT_FULL = 256, OPT_NO_COMPACT, OPT_EXCLUDE, OPT_COUNCIL, OPT_OCR, OPT_TIMEOUT,
	       OPT_RETRY, OPT_STEM_ONLY, OPT_NO_SPELLING, OPT_COMMIT_EVERY, OPT_JSON_REPORT,
	       OPT_EXPLAIN, OPT_TEXT, OPT_STRICT, OPT_SHARD_BY, OPT_URL_PREFIX };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "full", no_argument, NULL, OPT_FULL },
		{ "no-compact", no_argument, NULL, OPT_NO_COMPACT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "exclude", required_argument, NULL, OPT_EXCLUDE },
		{ "council", required_argument, NULL, OPT_COUNCIL },
		{ "ocr", required_argument, NULL, OPT_OCR },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "retry-failed", no_argument, NULL, OPT_RETRY },
		{ "stem-only", no_argument, NULL, OPT_STEM_ONLY },
		{ "no-spelling", no_argument, NULL, OPT_NO_SPELLING },
		{ "commit-every", required_argument, NULL, OPT_COMMIT_EVERY },
		{ "json-report", required_argument, NULL, OPT_JSON_REPORT },
		{ "explain", required_argument, NULL, OPT_EXPLAIN },
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "shard-by", required_argument, NULL, OPT_SHARD_BY },
		{ "url-prefix", required_argument, NULL, OPT_URL_PREFIX },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct ingest_opts o;
	struct ingest_stats st;
	struct failure_log log;
	struct strv excludes = {0}, urls = {0};
	struct cm_err err = { CM_OK, "" };
	const char *db = NULL, *report = NULL, *explain_file = NULL;
	bool text_only = false;
	bool quiet = false, verbose = false, strict = false;
	int c, rc, status = CLI_OK;

	memset(&o, 0, sizeof o);
	memset(&log, 0, sizeof log);
	o.compact = true;
	o.spelling = true;
	while ((c = getopt_long(argc, argv, "d:j:qvhV", longopts, NULL)) != -1) {
		rc = CM_OK;
		switch (c) {
		case 'd': db = optarg; break;
		case OPT_FULL: o.full = true; break;
		case OPT_NO_COMPACT: o.compact = false; break;
		case 'j': rc = cli_uint_option("--jobs", optarg, 0, JOBS_MAX, &o.jobs, &err); break;
		case OPT_EXCLUDE: rc = strv_push(&excludes, optarg); break;
		case OPT_COUNCIL: o.council = optarg; break;
		case OPT_URL_PREFIX: rc = strv_push(&urls, optarg); break;
		case OPT_OCR:
			if (strcmp(optarg, "auto") == 0)
				o.extract.ocr = EXTRACT_OCR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o.extract.ocr = EXTRACT_OCR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o.extract.ocr = EXTRACT_OCR_NEVER;
			else
				rc = cm_err_set(&err, CM_EINVAL, "--ocr takes auto, always or never, "
						"not '%s'", optarg);
			break;
		case OPT_TIMEOUT:
			rc = cli_uint_option("--timeout", optarg, 0, TIMEOUT_MAX, &o.extract.timeout_sec, &err);
			break;
		case OPT_RETRY: o.retry_failed = true; break;
		case OPT_STEM_ONLY: o.stem_only = true; break;
		case OPT_NO_SPELLING: o.spelling = false; break;
		case OPT_COMMIT_EVERY:
			rc = cli_uint_option("--commit-every", optarg, 0, CLI_COUNT_MAX, &o.commit_every, &err);
			break;
		case OPT_JSON_REPORT: report = optarg; break;
		case OPT_EXPLAIN: explain_file = optarg; break;
		case OPT_TEXT: explain_file = optarg; text_only = true; break;
		case OPT_STRICT: strict = true; break;
		case OPT_SHARD_BY:
			if (shard_by_parse(optarg, &o.shard_by) != CM_OK)
				rc = cm_err_set(&err, CM_EINVAL, "--shard-by takes council or year, "
						"not '%s'", optarg);
			break;
		case 'q': quiet = true; break;
		case 'v': verbose = true; break;
		case 'h': usage(); goto out;
		case 'V': printf("%s %s (Xapian %s)\n", prog, CM_VERSION, xw_version()); goto out;
		default: status = cli_usage_error(prog, NULL); goto out;
		}
		if (rc == CM_EINVAL) {
			status = cli_usage_error(prog, "%s", err.msg);
			goto out;
		} else if (rc != CM_OK) {
			cli_error(prog, "%s", cm_code_str(rc));
			status = CLI_USAGE;     /* fatal: see cli.h */
			goto out;
		}
	}
	if (explain_file) {
		status = explain(explain_file, o.council, &o.extract, text_only);
		goto out;
	}
	if (!db) {
		status = cli_usage_error(prog, "--db DIR is required");
		goto out;
	}
	if (optind >= argc) {
		status = cli_usage_error(prog, "no archive PATH given");
		goto out;
	}
	o.excludes = (const char *const *)excludes.v;
	o.n_excludes = excludes.n;
	o.url_prefixes = (const char *const *)urls.v;
	o.n_url_prefixes = urls.n;
	for (size_t i = 0; i < urls.n; i++) {
		struct urlmap *m = NULL;

		if (strcmp(urls.v[i], "none") != 0 &&
		    urlmap_new((const char *const *)&urls.v[i], 1, &m, &err) != CM_OK) {
			status = cli_usage_error(prog, "%s", err.msg);
			goto out;
		}
		urlmap_free(m);
	}
	log.quiet = quiet;
	o.on_fail = on_fail;
	o.on_skip = on_skip;
	o.on_note = on_note;
	log.verbose = verbose;
	o.on_progress = (!quiet && isatty(STDERR_FILENO)) ? on_progress : NULL;
	o.cb_ctx = &log;

	rc = ingest_run(db, (const char *const *)(argv + optind), (size_t)(argc - optind), &o, &st, &err);
	if (log.progress_shown)
		fputs("\r\033[K", stderr);
	if (rc != CM_OK) {
		/* Every error that stops a run is fatal, usage or not (see cli.h). */
		cli_error(prog, "%s", err.msg[0] ? err.msg : cm_code_str(rc));
		status = CLI_USAGE;
		goto out;
	}
	if (!quiet) {
		fprintf(stderr,
			"%s: %zu files seen, %zu indexed (%zu items), %zu unchanged, %zu duplicates, "
			"%zu removed, %zu failed%s; %.1f MB in %.2f s%s\n",
			prog, st.seen, st.indexed, st.items, st.unchanged, st.duplicates, st.removed,
			st.failed, st.skipped ? ", some links skipped" : "", st.bytes / 1e6, st.seconds, st.compacted ? ", compacted" : "");
		if (st.failed_before)
			fprintf(stderr, "%s: %zu unchanged files failed in an earlier run "
				"(--retry-failed to try again)\n", prog, st.failed_before);
		if (st.ocr || log.notes.n)
			fprintf(stderr, "%s: %zu documents with OCR text, %zu with text-layer notes%s\n",
				prog, st.ocr, log.notes.n, verbose ? "" : " (-v or --json-report for which)");
		if (verbose && log.reasons.n)
			print_reasons(&log);
	}
	if (report && write_report(report, &st, &log) != 0) {
		cli_error(prog, "cannot write %s: %s", report, strerror(errno));
		status = CLI_USAGE;
		goto out;
	}
	status = st.failed || (strict && st.failed_before) ? CLI_FAILED : CLI_OK;
out:
	strv_release(&excludes);
	strv_release(&urls);
	strv_release(&log.paths);
	strv_release(&log.reasons);
	strv_release(&log.skipped);
	strv_release(&log.note_paths);
	strv_release(&log.notes);
	return cli_finish(prog, status);
}
