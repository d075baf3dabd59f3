/*
 * ascii.h - ASCII character classes, whatever the locale
 *
 * <ctype.h> answers by the C locale's tables, takes only unsigned char
 * values or EOF, and would call bytes of UTF-8 letters (0x80 and up) letters
 * under some locales.  Parsers here reason about ASCII bytes only; these
 * answer false for every byte >= 0x80 and accept any int.
 */
#ifndef CM_ASCII_H
#define CM_ASCII_H

#include <stdbool.h>

static inline bool ascii_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool ascii_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool ascii_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool ascii_is_alpha(int c) { return ascii_is_upper(c) || ascii_is_lower(c); }
static inline bool ascii_is_alnum(int c) { return ascii_is_alpha(c) || ascii_is_digit(c); }

/* Space, tab, newline, carriage return, form feed and vertical tab. */
static inline bool ascii_is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

#endif
