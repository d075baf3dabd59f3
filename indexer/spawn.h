/*
 * spawn.h - run a converter (pdftotext, antiword, ...) as a child process
 *
 * No shell is involved: argv goes straight to execvp, so file names that
 * start with '-' or hold metacharacters need no quoting.  The child gets
 * /dev/null on stdin, its own process group, RLIMIT_AS/RLIMIT_CPU limits and
 * a wall-clock deadline after which the whole group is SIGKILLed.  stdout is
 * captured up to a byte cap; stderr is captured (capped) for messages.
 * This module does not know what the converters are or what their output means.
 */
#ifndef IDX_SPAWN_H
#define IDX_SPAWN_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"

struct spawn_result {
	int exit_status;        /* exit code when the child exited, else -1 */
	int term_signal;        /* signal that ended the child, 0 when it exited */
	bool timed_out;         /* the deadline passed; the group was killed */
	bool truncated;         /* stdout reached max_out; the group was killed, out holds max_out bytes */
	char err_line[256];     /* first non-empty line the child wrote to stderr, "" if none */
};

struct spawn_opts {
	unsigned timeout_sec;         /* wall-clock limit (0 = 60 s) */
	unsigned timeout_ms;          /* when non-zero, the limit in milliseconds instead (a
	                                 caller's budget left over several children) */
	size_t max_out;               /* stdout bytes kept (0 = 64 MiB); more kills the child */
	size_t mem_limit;             /* RLIMIT_AS for the child in bytes (0 = 1 GiB) */
	const char *const *env_add;   /* extra "NAME=value" strings, NULL-terminated, or NULL */
	struct spawn_result *res;     /* optional: filled with how the child ended */
};

/*
 * Run argv[0] (searched in PATH) with argv, appending its stdout to `out`
 * (which may be NULL to discard it).  `opts` may be NULL for the defaults.
 * Returns:
 *   CM_OK           the child exited 0, or was stopped at max_out (res->truncated)
 *   CM_ENOTFOUND    argv[0] could not be executed ("cannot run antiword: ...")
 *   CM_ETIMEOUT     the deadline passed ("pdftotext timed out after 60 s")
 *   CM_EFORMAT      the child exited non-zero or died of a signal; the message
 *                   holds the status and the first line of its stderr
 *   CM_EIO/ENOMEM   pipe, fork or allocation failure
 * Thread-safe; it blocks the calling thread until the child is reaped.
 */
int spawn_run(const char *const argv[], const struct spawn_opts *opts,
	      struct sbuf *out, struct cm_err *err);

/* The signature of spawn_run, so callers can take a fake in tests (a seam). */
typedef int (*spawn_run_fn)(const char *const argv[], const struct spawn_opts *opts,
			    struct sbuf *out, struct cm_err *err);

/* True when `prog` names an executable file in PATH (or is a path to one). */
bool spawn_has_program(const char *prog);

#endif
