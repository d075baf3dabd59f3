/*
 * textq.h - is a text layer usable? Scores for one page of extracted text
 *
 * A PDF's text layer can be present yet useless: a font whose encoding maps
 * glyphs to the wrong characters ("Wkh Frxqflo" or "7KH &RXQFLO" for "The
 * Council"), unmapped glyphs (U+FFFD, private-use code points, "(cid:12)"),
 * symbols only, or a tab after every word.  This module measures a text and
 * gives a verdict; it knows nothing of PDFs, OCR or files (ext_pdf.c decides
 * what a verdict costs).  Pure functions, no state: safe on any thread.
 */
#ifndef IDX_TEXTQ_H
#define IDX_TEXTQ_H

#include <stdbool.h>
#include <stddef.h>

struct textq {
	size_t chars;               /* non-space characters (code points; a "(cid:N)" counts once) */
	size_t letters;             /* of them, letters (ASCII, or any non-ASCII but the bad ones) */
	size_t digits;              /* of them, ASCII digits */
	size_t bad;                 /* of them, U+FFFD, private-use, C0/C1 controls and "(cid:N)" */
	size_t ascii_letters;       /* ASCII letters, for the vowel share */
	size_t vowels;              /* of them, a e i o u y (either case) */
	size_t words;               /* tokens of two or more letters */
	size_t known;               /* of them, in the built-in list of common English/Welsh words */
	size_t tabbed;              /* of them, followed by whitespace holding a tab */
};

enum textq_verdict {
	TEXTQ_OK = 0,               /* usable as it is (or too little text to judge) */
	TEXTQ_GIBBERISH,            /* not text in any language: treat as no text layer */
	TEXTQ_TABBED                /* real words with a tab after (nearly) every one: normalise */
};

/* Measure the len bytes at s (UTF-8) into *q, which is overwritten.  Can't fail. */
void textq_measure(const char *s, size_t len, struct textq *q);

/* The verdict on a measured text.  Can't fail. */
enum textq_verdict textq_judge(const struct textq *q);

/*
 * Replace every tab in s[0..len) by a space, in place (same length), for a
 * text judged TEXTQ_TABBED.  Returns the number replaced.  Can't fail.
 */
size_t textq_untab(char *s, size_t len);

#endif
