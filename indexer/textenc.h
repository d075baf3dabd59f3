/*
 * textenc.h - turn bytes of unknown encoding into clean UTF-8 text
 *
 * Detection order: byte-order mark (UTF-8, UTF-16LE/BE), then UTF-16 without
 * a BOM (NUL bytes on every other position), then valid UTF-8, else
 * Windows-1252 (a superset of the Latin-1 printable range).  Conversion uses
 * iconv.  textenc_clean() is what every extractor's output goes through last:
 * invalid UTF-8, NULs and control characters other than \n \t \f never reach
 * the index.  Knows nothing about file formats.
 */
#ifndef IDX_TEXTENC_H
#define IDX_TEXTENC_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbuf.h"

enum textenc {
	TEXTENC_UTF8,         /* valid UTF-8 (a UTF-8 BOM is dropped) */
	TEXTENC_UTF16LE,      /* BOM FF FE, or NULs on odd positions */
	TEXTENC_UTF16BE,      /* BOM FE FF, or NULs on even positions */
	TEXTENC_CP1252        /* anything else */
};

/* Guess the encoding of `data` (len bytes; only a prefix is examined). */
enum textenc textenc_detect(const void *data, size_t len);

/*
 * Append `data` converted to UTF-8 to `out`, detecting the encoding, and
 * clean the result (see textenc_clean) so at most `cap` bytes are added.
 * *truncated (may be NULL) is set when input or output was cut at the cap.
 * Bytes that do not convert are dropped.  Returns CM_OK, CM_ENOMEM, or
 * CM_EINTERNAL when iconv lacks the conversion.
 */
int textenc_to_utf8(const void *data, size_t len, size_t cap, struct sbuf *out,
		    bool *truncated, struct cm_err *err);

/*
 * Clean sb->buf from byte `from` on, in place: drop invalid UTF-8, NUL, C0
 * controls but \n \t \f, DEL, C1 controls and U+FEFF; turn \r\n and \r into
 * \n; then cut at `cap` total bytes on a character boundary (setting
 * *truncated when it cuts; may be NULL).  Can't fail.
 */
void textenc_clean(struct sbuf *sb, size_t from, size_t cap, bool *truncated);

/* True when `s` holds at least one character other than whitespace. */
bool textenc_has_text(const char *s, size_t len);

/* Non-whitespace bytes in s[0..len) (a cheap "how much text" measure). */
size_t textenc_count_nonspace(const char *s, size_t len);

#endif
