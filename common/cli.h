/*
 * cli.h - what the command-line programs share: numbers, exit status, stdout
 *
 * minutes-index, minutes-search and its subcommands (serve, trends,
 * recurring, themes, related) parse numeric options, find their database,
 * report errors, close stdout and map error codes to exit statuses the same
 * way, documented in the README.  The server's query parameters use the
 * same number parser.  This is the command layer (Redis's cli_common.c is
 * the model): unlike library modules, the functions taking prog write
 * their message to stderr, prefixed by it; none of them exits, the
 * commands return their status to main().
 */
#ifndef CM_CLI_H
#define CM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Exit statuses of both programs (README.md lists them). */
enum cli_status {
	CLI_OK = 0,                   /* done; minutes-search: also when nothing matched */
	CLI_FAILED = 1,               /* a failure at run time (no database, I/O, a write error
	                                 on stdout); minutes-index: some files failed, which its
	                                 systemd unit counts as success */
	CLI_USAGE = 2                 /* bad usage, option value or query; minutes-index: also
	                                 a fatal error (database unopenable, locked), so that
	                                 its unit fails */
};

/*
 * The exit status for an error code: CM_OK 0, a bad query or argument
 * (CM_EQUERY, CM_EINVAL) 2, else 1.  minutes-index maps every fatal error
 * to CLI_USAGE instead (see above).
 */
enum cli_status cli_status_of(int code);

/*
 * The largest count an option takes when nothing smaller has a reason:
 * 100 million, beyond the items of any archive, far below overflow.
 */
enum { CLI_COUNT_MAX = 100000000 };

/*
 * Parse s, decimal digits only (no sign, no spaces, no "0x", no unit
 * suffix), as a number in [lo, hi] into *out.  False for anything else,
 * overflow and NULL included; *out is then untouched.
 */
bool cli_parse_size(const char *s, size_t lo, size_t hi, size_t *out);

/*
 * cli_parse_size for the value s of option opt ("--limit"): CM_OK, or
 * CM_EINVAL with a message naming the option, the value, what is wrong
 * with it and the range: "invalid --limit: '-1': negative (0 to 10000)"
 * (also "empty", "not a number", "out of range").  err may be NULL.
 */
int cli_size_option(const char *opt, const char *s, size_t lo, size_t hi, size_t *out,
		    struct cm_err *err);

/* cli_size_option for an unsigned option. */
int cli_uint_option(const char *opt, const char *s, unsigned lo, unsigned hi, unsigned *out,
		    struct cm_err *err);

/*
 * The database of a command: given (the --db value) when not NULL, else
 * $MINUTES_DB.  CM_OK with *db set (borrowed: argv or the environment), or
 * CM_EINVAL when that is unset or empty ("no database: give --db DIR or
 * set MINUTES_DB").
 */
int cli_db(const char *given, const char **db, struct cm_err *err);

/* "prog: message" and a newline on stderr, in one piece (the server's threads use it). */
void cli_error(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A usage error: "prog: message" (left out when fmt is NULL), then "Try
 * 'prog --help' for more information." on stderr.  Returns CLI_USAGE.
 */
int cli_usage_error(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * The end of a command: close stdout (cli_close_stream) and return status,
 * or after "prog: write error..." CLI_FAILED when status was CLI_OK.  Call
 * once, last: nothing may be written to stdout afterwards.
 */
int cli_finish(const char *prog, int status);

#ifdef __cplusplus
}
#endif
#endif
