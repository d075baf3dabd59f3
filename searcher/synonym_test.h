/*
 * synonym_test.h - adding and counting synonym groups line by line, for the unit tests
 *
 * Not part of synonym.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_SYNONYM_TEST_H
#define CM_SYNONYM_TEST_H

#include "synonym.h"

/* Add one group from a line "a = b = c".  CM_EFORMAT for a line without " = ". */
int synonym_add_line(struct synonym_set *set, const char *line, size_t len, struct cm_err *err);

/* Number of groups. */
size_t synonym_count(const struct synonym_set *set);

#endif
