/*
 * people.h - lists of names in minutes: present, apologies, officers, chair
 *
 * Turns "Councillor Lind (Chair)\nCouncillors Hezelgrave, Hussain and
 * McCristal" or "Apologies for absence were received from Councillors
 * C Potts, P Atkinson and Mrs P Parkins" into bare names.  Names keep their
 * initials and lose titles (Councillor(s), Cllr, Mr, Mrs, Ms, Miss, Dr, ...),
 * roles in parentheses or after a dash/comma, and honours (OBE): "Mrs F M
 * Oborski (Chairman)" -> "F M Oborski", "Councillor Lind (Chair)" -> "Lind".
 * Knows nothing about where in a document the list came from (field.c).
 */
#ifndef CM_PEOPLE_H
#define CM_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "strv.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Append to `names` every name in the list s..s+len (lines, commas, "and"
 * separate names; a line of 55+ bytes or one ending in ',' / "and" / an
 * open parenthesis runs on into the next).  Names already in `names` are
 * not added again.  When `chair` is not NULL, *chair is NULL and an entry is
 * marked as chairing ("(Chair)", "(Chairman)", "(in the Chair)", a trailing
 * "CHAIR"; else "(Mayor)", "(Town Mayor)"), *chair gets a malloc'd copy of
 * that name, which the caller frees.  Returns CM_OK or CM_ENOMEM.
 */
int people_parse_list(const char *s, size_t len, struct strv *names, char **chair);

/*
 * Like people_parse_list for an apologies sentence: skips the lead-in
 * ("Apologies for absence were received from", "An apology ... on behalf
 * of"), stops at the end of the first sentence, and adds nothing for
 * "None" / "There were none".  Returns CM_OK or CM_ENOMEM.
 */
int people_parse_apologies(const char *s, size_t len, struct strv *names);

/*
 * True when s (already stripped of titles and roles) reads as a person's
 * name: one to five capitalised words or initials and no role words.
 */
bool people_is_name(const char *s, size_t len);

/*
 * Is s one person of a numbered roll, titled, an honour or a role after it
 * maybe ("Hon. Peter Kamau, MCA   -   Chairperson", "Cllr J Smith"), not a
 * heading ("Mr J Bloggs - 12 High Street")?
 */
bool people_is_roll_entry(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
