/*
 * urlmap_test.h - URL encoding and checking, for the unit tests
 *
 * Not part of urlmap.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_URLMAP_TEST_H
#define CM_URLMAP_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include "sbuf.h"

/* Append s percent-encoded as a URL path (unreserved bytes and '/' kept).  Can't fail. */
void urlmap_encode_path(const char *s, size_t len, struct sbuf *out);

/* True when s is an absolute http or https URL with no space, control byte, quote or angle bracket. */
bool urlmap_is_web(const char *s, size_t len);

#endif
