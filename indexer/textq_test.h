/*
 * textq_test.h - the text-layer check's word list and verdict names, for the unit tests
 *
 * Not part of textq.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_TEXTQ_TEST_H
#define CM_TEXTQ_TEST_H

#include "textq.h"

/* True when the len bytes at w are in the built-in word list (ASCII case ignored). */
bool textq_is_known_word(const char *w, size_t len);

/* "ok", "gibberish text layer", "tab after every word": fixed strings. */
const char *textq_verdict_str(enum textq_verdict v);

#endif
