/*
 * cli.h - what the command-line programs share: numbers, exit status, stdout
 *
 * minutes-index, minutes-search and its subcommands (serve, trends,
 * recurring, themes, related) parse numeric options, close stdout and map
 * error codes to exit statuses the same way, documented in the README:
 * 0 success, 1 a failure at run time (including a write error on stdout,
 * and for the indexer files that could not be indexed), 2 a usage error
 * (bad option or query).  The server's query parameters use the same
 * number parser.  This is the command layer: unlike library modules, the
 * functions taking prog print their message to stderr, prefixed by it.
 */
#ifndef CM_CLI_H
#define CM_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

enum cli_status { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

/*
 * Parse s, decimal digits only (no sign, no spaces), as a number in
 * [lo, hi] into *out.  False for anything else, overflow included.
 */
bool cli_parse_size(const char *s, size_t lo, size_t hi, size_t *out);

/*
 * cli_parse_size for option opt; when s is not a number in range, prints
 * "PROG: invalid OPT: 'S' (LO to HI)" and returns false.
 */
bool cli_option_size(const char *prog, const char *opt, const char *s, size_t lo, size_t hi,
		     size_t *out);

/* The database when no --db is given: $MINUTES_DB, or NULL. */
const char *cli_default_db(void);

/* The exit status for an error code: CM_OK 0, a bad query or argument 2, else 1. */
enum cli_status cli_status_of(int code);

/*
 * Flush and close stdout, as coreutils' close_stdout does: a write that
 * failed (a full disk, a closed pipe) is an error too, printed as "PROG:
 * write error: ..." with CLI_FAILED returned; else CLI_OK.
 */
enum cli_status cli_close_stdout(const char *prog);

#ifdef __cplusplus
}
#endif
#endif
