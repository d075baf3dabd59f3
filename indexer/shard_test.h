/*
 * shard_test.h - the shard-key check, for the unit tests
 *
 * Not part of shard.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_SHARD_TEST_H
#define CM_SHARD_TEST_H

#include <stdbool.h>

/* True when key is something shard_key() could have made (safe as a directory name). */
bool shard_key_is_valid(const char *key);

#endif
