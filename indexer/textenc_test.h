/*
 * textenc_test.h - encoding names, for the unit tests
 *
 * Not part of textenc.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_TEXTENC_TEST_H
#define CM_TEXTENC_TEST_H

#include "textenc.h"

/* Canonical iconv name of an encoding ("UTF-16LE", "WINDOWS-1252"...). */
const char *textenc_name(enum textenc enc);

#endif
