/*
 * cli.c - numeric options, exit statuses, messages and stdout closing (see cli.h)
 *
 * Parsing and the database default are pure and return a status; the
 * message helpers and cli_finish write to stderr, which only the command
 * layer calls.  No global state: the program name travels as an argument.
 */
#include "cli.h"
#include "cli_test.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_parse_size(const char *s, size_t lo, size_t hi, size_t *out)
{
	size_t v = 0;

	if (!s || !*s)
		return false;
	for (; *s; s++) {
		size_t d = (size_t)(*s - '0');

		if (*s < '0' || *s > '9' || v > (SIZE_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

enum cli_status cli_status_of(int code)
{
	if (code == CM_OK)
		return CLI_OK;
	return code == CM_EQUERY || code == CM_EINVAL ? CLI_USAGE : CLI_FAILED;
}

/* Why s is not a number in [lo, hi], for the message. */
static const char *cli_why(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (!*s)
		return "empty";
	if (s[0] == '-' && s[1] && strspn(s + 1, "0123456789") == strlen(s + 1))
		return "negative";
	return s[digits] ? "not a number" : "out of range";
}

int cli_size_option(const char *opt, const char *s, size_t lo, size_t hi, size_t *out,
		    struct cm_err *err)
{
	if (cli_parse_size(s, lo, hi, out))
		return CM_OK;
	return cm_err_set(err, CM_EINVAL, "invalid %s: '%s': %s (%zu to %zu)", opt, s ? s : "",
			  cli_why(s ? s : ""), lo, hi);
}

int cli_uint_option(const char *opt, const char *s, unsigned lo, unsigned hi, unsigned *out,
		    struct cm_err *err)
{
	size_t v;
	int rc = cli_size_option(opt, s, lo, hi, &v, err);

	if (rc == CM_OK)
		*out = (unsigned)v;
	return rc;
}

int cli_db(const char *given, const char **db, struct cm_err *err)
{
	const char *d = given ? given : getenv("MINUTES_DB");

	if (!d || !*d)
		return cm_err_set(err, CM_EINVAL, "no database: give --db DIR or set MINUTES_DB");
	*db = d;
	return CM_OK;
}

/* One line, whole: the server's threads report through this too. */
static void cli_verror(const char *prog, const char *fmt, va_list ap)
{
	flockfile(stderr);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}

void cli_error(const char *prog, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror(prog, fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *prog, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		cli_verror(prog, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	return CLI_USAGE;
}

int cli_close_stream(FILE *f, struct cm_err *err)
{
	bool failed_before = ferror(f) != 0;
	int e;

	errno = 0;
	if (fclose(f) != 0) {
		e = errno;
		return e ? cm_err_set(err, CM_EIO, "write error: %s", strerror(e))
			 : cm_err_set(err, CM_EIO, "write error");
	}
	/* A write that failed earlier: its reason went with that call. */
	if (failed_before)
		return cm_err_set(err, CM_EIO, "write error");
	return CM_OK;
}

int cli_finish(const char *prog, int status)
{
	struct cm_err err = { CM_OK, "" };

	if (cli_close_stream(stdout, &err) == CM_OK)
		return status;
	cli_error(prog, "%s", err.msg);
	return status == CLI_OK ? CLI_FAILED : status;
}
