/*
 * denom_test.h - the stored form of the research denominators, for the unit tests
 *
 * Not part of denom.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_DENOM_TEST_H
#define CM_DENOM_TEST_H

#include "denom.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Parse the stored form into out (zeroed by the caller); its stamp is
 * appended to stamp (may be NULL).  CM_EFORMAT, CM_ENOMEM.
 */
int denom_decode(const char *s, size_t len, struct denom *out, struct sbuf *stamp,
		 struct cm_err *err);

/*
 * The stored form of d, appended to out: a first line "denom 1 STAMP"
 * (STAMP: the xw_db_revision the counts describe) then one tab-separated
 * line per row: YYYYMM council committee items meetings words.
 */
void denom_encode(const struct denom *d, const char *stamp, struct sbuf *out);

#ifdef __cplusplus
}
#endif

#endif
