/*
 * listnum.c - list numbers as Word and LibreOffice draw them
 *
 * See listnum.h.  Shared by the DOCX (docx_style.c) and ODT (ext_odt.c)
 * list labels; formats are named as Word's w:numFmt.
 */
#include "listnum.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum {
	LISTNUM_LETTER_REPEAT = 8   /* "aaaaaaaa" is item 183 of a lettered list; further is junk */
};

static void roman(char *buf, size_t cap, int n, bool upper)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < sizeof r / sizeof *r; k++)
		for (; n >= r[k].v && len + 3 < cap; n -= r[k].v)
			for (const char *p = r[k].s; *p; p++)
				buf[len++] = upper ? (char)(*p - 'a' + 'A') : *p;
	buf[len] = '\0';
}

void listnum_format(char *buf, size_t cap, int n, const char *fmt)
{
	if (fmt && !strcmp(fmt, "none")) {
		buf[0] = '\0';
	} else if (fmt && (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "upperLetter")) && n > 0) {
		/* Word's letters go a..z, aa..zz, aaa..: the letter repeats */
		int reps = (n - 1) / 26 + 1, k;
		char c = (char)((fmt[0] == 'l' ? 'a' : 'A') + (n - 1) % 26);

		if (reps > LISTNUM_LETTER_REPEAT)
			reps = LISTNUM_LETTER_REPEAT;
		for (k = 0; k < reps && (size_t)k + 1 < cap; k++)
			buf[k] = c;
		buf[k] = '\0';
	} else if (fmt && (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "upperRoman")) && n > 0 &&
		   n < 4000) {
		roman(buf, cap, n, fmt[0] == 'u');
	} else if (fmt && !strcmp(fmt, "decimalZero") && n >= 0 && n < 10) {
		snprintf(buf, cap, "0%d", n);
	} else if (fmt && !strcmp(fmt, "ordinal") && n >= 0) {
		const char *sfx = "th";

		if (n % 100 < 11 || n % 100 > 13)
			sfx = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
		snprintf(buf, cap, "%d%s", n, sfx);
	} else {
		snprintf(buf, cap, "%d", n);
	}
}

