/*
 * text.h - UTF-8 and plain-text helpers for the parser and the indexer
 *
 * Repairs invalid UTF-8, folds whitespace, strips the Markdown and stray
 * HTML that extractors leave behind, joins words hyphenated across line
 * ends, changes case for headings and builds stable facet keys.  Every
 * function appends to a caller-owned struct sbuf (allocation failure is
 * sticky there: check sbuf_oom() once) or works on a span in place; none
 * keeps state between calls.
 */
#ifndef CM_TEXT_H
#define CM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* True when s..s+len is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
bool text_utf8_is_valid(const char *s, size_t len);

/*
 * Append s to out as well-formed UTF-8: each invalid or truncated sequence
 * becomes U+FFFD, NUL and other C0 controls (but \t \n \f) become a space,
 * and \r\n / \r become \n.  Output is never longer than 3 * len.
 */
void text_utf8_repair(const char *s, size_t len, struct sbuf *out);

/* Shrink the span (*s, *len) past leading and trailing ASCII whitespace and U+00A0. */
void text_trim(const char **s, size_t *len);

/*
 * Append s with every run of whitespace (ASCII, \f, U+00A0) replaced by one
 * space and none at either end.
 */
void text_fold_space(const char *s, size_t len, struct sbuf *out);

/*
 * Append s with Markdown and HTML markup removed, line by line: leading
 * '#' heading marks and '>' quotes, list bullets ("- ", "* ", "+ ", "•"),
 * emphasis runs of '*' and '_' of length two or more, HTML tags such as
 * <u> </u> <br/>, and the entities &amp; &lt; &gt; &quot; &#39; &nbsp;.
 * Newlines are kept.  Single '*' and '_' are kept (they are often text).
 */
void text_strip_markup(const char *s, size_t len, struct sbuf *out);

/*
 * Append s with line-end hyphenation undone.  "safe-\nguarding" becomes
 * "safeguarding" when both fragments are lowercase letters and the first is
 * not one of the prefixes English writes with a real hyphen (co, re, non,
 * pre, self, multi, cross, ...); otherwise the hyphen is kept and the line
 * break dropped ("co-\nlocated" -> "co-located", "Nembhard-\nFrancis" ->
 * "Nembhard-Francis").  Other newlines are kept.
 */
void text_dehyphenate(const char *s, size_t len, struct sbuf *out);

/*
 * Append the one-line clean form of s: markup stripped, hyphenation undone,
 * whitespace folded.  What item titles, names and resolutions go through.
 */
void text_clean(const char *s, size_t len, struct sbuf *out);

/*
 * Append s with what converters to Markdown leave escaped made plain again:
 * a backslash before ASCII punctuation is dropped ("1\\." -> "1.", "\\-"),
 * and the entities &amp; &lt; &gt; &quot; &#39; &apos; &nbsp; become their
 * characters (&nbsp; a space).  Everything else, newlines and form feeds
 * included, is copied as it is; the output is never longer than s.
 */
void text_unescape(const char *s, size_t len, struct sbuf *out);

/*
 * Append the NUL-terminated s escaped for HTML and XML text and quoted
 * attributes: & < > " ' as entities, control characters (which XML 1.0
 * forbids even escaped) but tab and newline as a space.  NULL appends
 * nothing.  The one escaper of the search page, the Atom feed and SVG.
 */
void text_xml_escape(const char *s, struct sbuf *out);

/* True when s has at least two letters and no lowercase ASCII letter. */
bool text_is_all_caps(const char *s, size_t len);

/* Does s (len bytes) start with w, ignoring ASCII case? */
bool text_starts_ci(const char *s, size_t len, const char *w);

/* Offset of needle in s[0..len), ignoring ASCII case; len when absent. */
size_t text_find_ci(const char *s, size_t len, const char *needle);

/* The length of a dash at s[i]: 1 for '-', 3 for an en or em dash (UTF-8), else 0. */
size_t text_dash_len(const char *s, size_t len, size_t i);

/* The length of a dash with a space each side at s[i] (" - ", " – "), else 0. */
size_t text_spaced_dash(const char *s, size_t len, size_t i);

/*
 * Where the last cell of a line set in columns starts: the text after its
 * last gap of `gap` spaces or more (or a tab), trailing blanks aside;
 * 0 when there is no gap.
 */
size_t text_last_cell(const char *s, size_t len, size_t gap);

/*
 * Append s in title case ("CHILDREN AND YOUNG PEOPLE'S OVERVIEW" ->
 * "Children and Young People's Overview"): each word lowercased but its
 * first letter, and the short words and/of/the/for/in/on/to/a/an/at/by/with
 * all lowercase except at the start.  ASCII letters change, and the
 * accented letters of Latin-1 and Latin Extended-A ("DÚN" -> "Dún").
 */
void text_title_case(const char *s, size_t len, struct sbuf *out);

/* Does s[0..len) start with a capital letter: ASCII, or an accented Latin one ("Ó", "Ż")? */
bool text_is_upper_at(const char *s, size_t len);

/* Length of the letter at s: 1 for an ASCII one, 2 for an accented Latin one ("û", "ā"), 0 for none. */
size_t text_letter_len(const char *s, size_t len);

/*
 * A stable lowercase key for facets and boolean terms: ASCII letters
 * lowered, Latin-1 accented letters folded to their base letter, '&' read
 * as "and", apostrophes dropped ("People's" -> "peoples"), every other run
 * of non-alphanumerics one space, no space at either end.  Appended to out.
 */
void text_normalise_key(const char *s, size_t len, struct sbuf *out);

#ifdef __cplusplus
}
#endif
#endif
