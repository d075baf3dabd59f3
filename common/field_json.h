/*
 * field_json.h - a parsed meeting as JSON (the --explain output)
 *
 * One object: council, committee, date ("YYYY-MM-DD"), time, venue, chair,
 * present, apologies, officers, kind, draft and items (number, title, page,
 * resolutions, and the first ~200 characters of the text).  Unknown values
 * are null.  Escaping is done here, so any UTF-8 field text is safe.
 */
#ifndef CM_FIELD_JSON_H
#define CM_FIELD_JSON_H

#include "err.h"
#include "field.h"
#include "sbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes of each item's text shown (cut back to a UTF-8 boundary). */
enum { FIELD_JSON_TEXT_MAX = 200 };

/*
 * Append the JSON form of m to out (one line, no trailing newline).
 * Returns CM_OK, CM_EINVAL for a NULL argument, or CM_ENOMEM.
 */
int field_meeting_to_json(const struct field_meeting *m, struct sbuf *out, struct cm_err *err);

#ifdef __cplusplus
}
#endif
#endif
