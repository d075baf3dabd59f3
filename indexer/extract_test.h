/*
 * extract_test.h - extraction from memory and bare type detection, for the unit tests
 *
 * Not part of extract.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_EXTRACT_TEST_H
#define CM_EXTRACT_TEST_H

#include "extract.h"

/*
 * extract_file() for bytes in memory (borrowed for the call).  `name` is a hint only,
 * e.g. the member name, used where content sniffing needs an extension; it
 * may be NULL.  Returns CM_OK or CM_ENOMEM.
 */
int  extract_buffer(struct extract_ctx *ctx, const void *data, size_t len, const char *name,
		    struct extract_result *out, struct cm_err *err);

/*
 * The MIME type the extractors would use for these bytes (libmagic, then the
 * sniffs that correct it), written into buf; returns CM_OK or CM_EINTERNAL.
 */
int  extract_detect(struct extract_ctx *ctx, const void *data, size_t len, const char *name,
		    char *buf, size_t bufsz, struct cm_err *err);

#endif
