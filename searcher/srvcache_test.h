/*
 * srvcache_test.h - the result cache's counters, for the unit tests
 *
 * Not part of srvcache.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_SRVCACHE_TEST_H
#define CM_SRVCACHE_TEST_H

#include "srvcache.h"

/* A snapshot of the counters (all zero for NULL). */
void srvcache_get_stats(struct srvcache *c, struct srvcache_stats *st);

#endif
