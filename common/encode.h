/*
 * encode.h - the one JSON string escaper and the one CSV writer
 *
 * Every JSON the programs write by hand (the parser's --explain output, the
 * research commands) escapes strings here; the rest is built with json-c.
 * Every CSV they print (search results, trends, recurring, themes) is RFC
 * 4180 as written here: a field is quoted only when it holds a comma, a
 * double quote, CR or LF (quotes doubled, line breaks kept inside the
 * quotes), and each record ends with CRLF.  XML and HTML escaping is
 * text_xml_escape (text.h).
 */
#ifndef CM_ENCODE_H
#define CM_ENCODE_H

#include <stddef.h>

#include "sbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Append s[0..len) as a JSON string literal, or null for NULL: '"' and '\\'
 * escaped, \n \r \t as such, other controls as \u00XX, UTF-8 passed through.
 */
void enc_json_string(struct sbuf *out, const char *s, size_t len);

/* enc_json_string of a NUL-terminated string (NULL gives null). */
void enc_json_cstr(struct sbuf *out, const char *s);

/* Append s (NULL: empty) as one CSV field; the caller writes the commas. */
void enc_csv_field(struct sbuf *out, const char *s);

/* End a CSV record (CRLF). */
void enc_csv_end(struct sbuf *out);

#ifdef __cplusplus
}
#endif
#endif
