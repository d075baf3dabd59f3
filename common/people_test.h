/*
 * people_test.h - the person-name test behind the name lists, for the unit tests
 *
 * Not part of people.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_PEOPLE_TEST_H
#define CM_PEOPLE_TEST_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * True when s (already stripped of titles and roles) reads as a person's
 * name: one to five capitalised words or initials and no role words.
 */
bool people_is_name(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
