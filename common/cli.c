/*
 * cli.c - numeric options, exit statuses and stdout closing (see cli.h)
 */
#include "cli.h"

#include <errno.h>
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

bool cli_option_size(const char *prog, const char *opt, const char *s, size_t lo, size_t hi,
		     size_t *out)
{
	if (cli_parse_size(s, lo, hi, out))
		return true;
	fprintf(stderr, "%s: invalid %s: '%s' (%zu to %zu)\n", prog, opt, s, lo, hi);
	return false;
}

const char *cli_default_db(void)
{
	return getenv("MINUTES_DB");
}

enum cli_status cli_status_of(int code)
{
	if (code == CM_OK)
		return CLI_OK;
	return code == CM_EQUERY || code == CM_EINVAL ? CLI_USAGE : CLI_FAILED;
}

enum cli_status cli_close_stdout(const char *prog)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "%s: write error: %s\n", prog, errno ? strerror(errno) : "unknown");
		return CLI_FAILED;
	}
	return CLI_OK;
}
