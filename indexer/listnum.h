/*
 * listnum.h - list numbers as Word and LibreOffice draw them
 *
 * One counter value in one numbering format: 3 -> "3", "c", "C", "iii",
 * "III", "03", "3rd".  Labels around it (prefixes, "%1.%2") are the
 * callers' business (docx_style.c, ext_odt.c).
 */
#ifndef IDX_LISTNUM_H
#define IDX_LISTNUM_H

#include <stddef.h>

/*
 * Write n in format `fmt`, named as Word's w:numFmt ("decimal",
 * "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman",
 * "ordinal", "none"; NULL or any other name: decimal), to buf[0..cap).
 * Letters repeat past z as both Word and LibreOffice draw them (27 is
 * "aa", 28 "bb"); numbers a format cannot show (0 as a letter, 4000 in
 * roman) fall back to decimal.  cap must be at least 2.  Can't fail.
 */
void listnum_format(char *buf, size_t cap, int n, const char *fmt);

#endif
