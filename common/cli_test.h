/*
 * cli_test.h - the stream closing behind cli_finish, for the unit tests
 *
 * Not part of cli.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_CLI_TEST_H
#define CM_CLI_TEST_H

#include <stdio.h>
#include "err.h"

/*
 * Close f, a stream written to, reporting a write error there or earlier
 * (coreutils' close_stream): CM_OK, or CM_EIO ("write error: REASON", or
 * "write error" when an earlier write failed and its reason is gone).  f is
 * closed in either case.
 */
int cli_close_stream(FILE *f, struct cm_err *err);

#endif
