/*
 * date.h - dates and times as council minutes write them
 *
 * Turns "Friday 7 February 2020", "Tuesday 30th July 2019", "13/09/2017"
 * (UK day-first), "2017-09-13", "29.09.19", "August 13, 2018" and friends
 * into a YYYYMMDD integer, and "9.30 am", "1.00pm", "18:30" into "HH:MM".
 * Pure functions over (pointer, length) spans: no allocation, no locale, no
 * global state.  Deciding which date in a document is the meeting date is
 * the parser's job (field.c), not this module's.
 */
#ifndef CM_DATE_H
#define CM_DATE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Earliest and latest years accepted; anything else is a number, not a date. */
enum { DATE_YEAR_MIN = 1900, DATE_YEAR_MAX = 2099 };

/*
 * Parse a date that starts exactly at s (len bytes, need not be
 * NUL-terminated).  Accepts an optional weekday ("Wednesday," "Tues"), then
 * one of: D[st|nd|rd|th] [of] Month [,] YYYY; Month D[th][,] YYYY;
 * D/M/YY[YY] and D.M.YY[YY] (day first); YYYY-MM-DD.  Month names may be
 * abbreviated ("Sept", "Dec.") and any case.  Two-digit years are 2000-2069
 * or 1970-1999.  The date must exist (no 31 February).  On success stores
 * the date as YYYYMMDD in *yyyymmdd and the bytes used in *consumed (either
 * may be NULL) and returns true; otherwise returns false and leaves them
 * alone.  Never reads past s + len.
 */
bool date_parse(const char *s, size_t len, int *yyyymmdd, size_t *consumed);

/*
 * Which order the date that starts at s (as date_find found it) shows:
 * 1 month first ("March 4, 2024", "03/14/2024"), -1 day first ("4 March
 * 2024", "14/03/2024"), 0 neither ("04/03/2024", "2024-03-04", "4.3.24").
 * A document's dates vote on how to read its ambiguous ones.
 */
int date_order(const char *s, size_t len);

/*
 * Find the first date in s..s+len that starts at a word boundary.  On
 * success stores the date, and the offsets of its first byte and one past
 * its last byte, and returns true.  Linear in len.  Any out pointer may be
 * NULL.
 */
bool date_find(const char *s, size_t len, int *yyyymmdd, size_t *start, size_t *end);

/*
 * Parse a clock time starting exactly at s: "9.30 am", "9.30am", "1.00pm",
 * "6 p.m.", "10:00 a.m.", "18:30", "18.30hrs".  A bare "H.MM" with no am/pm
 * is not taken (it is usually a sum or a minute number); "HH:MM" is.  On
 * success writes "HH:MM" (24-hour, NUL-terminated) into out[6], the bytes
 * used into *consumed (may be NULL) and returns true.
 */
bool date_parse_time(const char *s, size_t len, char out[6], size_t *consumed);

/*
 * The month named by the word at s (English, abbreviated or not, or Welsh),
 * 1..12, with the offset after the word in *end; 0 when there is none.
 */
int date_month_at(const char *s, size_t len, size_t *end);

/* Like date_find for times; start/end may be NULL. */
bool date_find_time(const char *s, size_t len, char out[6], size_t *start, size_t *end);

/*
 * Parse an instant, the whole of s (NUL-terminated): Unix seconds (digits
 * only), "YYYY-MM-DD" (midnight UTC), or "YYYY-MM-DDTHH:MM[:SS][.frac]"
 * with 'T' or a space, then "Z", "+HH:MM", "-HH:MM" or nothing (UTC), as
 * ISO 8601 / RFC 3339 and `date -u +%FT%TZ` write it.  Stores Unix time
 * in milliseconds in *out (a fraction counts to the millisecond) and
 * returns true; false for anything else (out untouched).
 */
bool date_parse_instant(const char *s, long long *out);

/* True when y/m/d is a real calendar day within the accepted years. */
bool date_is_valid(int y, int m, int d);

/*
 * YYYYMM of a stored date value ("YYYYMMDD", the date slot), 0 when its
 * first six bytes are not digits of a month 01-12.
 */
unsigned date_month_of(const char *s, size_t len);

/*
 * Format YYYYMMDD as "YYYY-MM-DD" into out[11].  Returns false (and writes
 * "") for 0 or an invalid date.
 */
bool date_format_iso(int yyyymmdd, char out[11]);

#ifdef __cplusplus
}
#endif
#endif
