/*
 * field_int.h - state shared by field.c and field_hdr.c (not a public API)
 *
 * The parse works on an array of lines over one repaired copy of the text.
 * field.c splits the lines and finds the items; field_hdr.c reads the
 * header fields from the front matter.  Nothing outside these two files
 * includes this header.
 */
#ifndef CM_FIELD_INT_H
#define CM_FIELD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <string.h>
#include <strings.h>

#include "field.h"
#include "sbuf.h"
#include "text.h"

enum fline_flag {
	FLINE_BLANK = 1,    /* only whitespace */
	FLINE_RUNNING = 2,  /* running header/footer/page number: ignored */
	FLINE_ITEMREF = 4   /* an "(Item N)" marker line: not body text */
};

struct fline {
	size_t off;         /* offset of the line in fparse.t */
	size_t len;         /* bytes, without the \n or \f */
	unsigned page;      /* 1-based page (count of \f before it, plus one) */
	unsigned flags;     /* enum fline_flag bits */
};

struct fparse {
	const char *t;                /* repaired text, NUL-terminated */
	size_t n;                     /* its length */
	struct fline *lines;          /* n_lines lines */
	size_t n_lines;
	unsigned n_pages;             /* pages (1 when there is no \f) */
	bool has_pages;               /* the text had at least one \f */
	size_t front_end;             /* first line of the first item, or n_lines */
	const struct field_opts *opts;/* caller's options, never NULL */
};

/* Title continuation lines looked at (Worcestershire splits over five). */
enum { FIELD_TITLE_LINES = 8 };
/* A title longer than this is prose that happens to start with a number. */
enum { FIELD_TITLE_MAX = 300 };

enum num_scheme {
	SCHEME_INT = 1,     /* "5", "28.", "285", "4a" */
	SCHEME_SLASH,       /* "26/19": prefix is the year part */
	SCHEME_DOTTED,      /* "03.23.01": prefix is the first two parts */
	SCHEME_ITEMREF      /* "(Item 3)" below an unnumbered title */
};

struct cand {
	size_t line;        /* first line of the heading */
	size_t title_line;  /* line the title starts on */
	size_t title_off;   /* byte offset of the title in that line */
	char num[24];       /* number as written, NUL-terminated */
	unsigned scheme;    /* enum num_scheme */
	unsigned prefix;    /* year part or dotted prefix, 0 for plain numbers */
	long major;         /* the number that must move forward */
	int minor;          /* letter suffix: 0 none, 1 'a', ... */
	double weight;      /* how much this looks like a heading */
	double score;       /* best chain score ending here */
	long prev;          /* previous candidate in that chain, -1 for none */
};

/*
 * Fill m->items from the chosen candidates (chain[] indexes cands, in
 * document order): titles, bodies, resolutions, pages.  CM_OK or CM_ENOMEM.
 */
int field_items_build(const struct fparse *p, const struct cand *cands, const size_t *chain,
		      size_t n_chain, struct field_meeting *m);

/* Fill m->front from the lines before the first item.  CM_OK or CM_ENOMEM. */
int field_items_front(const struct fparse *p, struct field_meeting *m);

/* ---- small scanners shared by field.c and field_items.c ---- */

static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool is_alpha(int c) { return is_upper(c) || is_lower(c); }

static inline bool starts_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);

	return len >= n && strncasecmp(s, w, n) == 0;
}

/* A list bullet at s[i]: "- ", "* ", "+ ", or a bullet character. */
static inline bool bullet_at(const char *s, size_t len, size_t i)
{
	if (i + 1 < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
	    (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return true;
	if (i + 2 < len && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0xa2)
		return true;
	return i + 2 < len && (unsigned char)s[i] == 0xef && (unsigned char)s[i + 1] == 0x82;
}

/* Skip spaces, tabs and no-break spaces (U+00A0, common in Word output). */
static inline size_t skip_blanks(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < len && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			return i;
	}
}

/* Does the line (trimmed) end in a word that cannot end a title? */
static inline bool ends_with_connector(const char *s, size_t len)
{
	static const char *const words[] = {
		"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "from", "by", "&", "-",
	};
	size_t w;

	text_trim(&s, &len);
	if (!len)
		return false;
	if (s[len - 1] == ',' || (len >= 3 && memcmp(s + len - 3, "\xe2\x80\x93", 3) == 0))
		return true;
	w = len;
	while (w && s[w - 1] != ' ')
		w--;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == len - w && strncasecmp(s + w, words[k], len - w) == 0)
			return true;
	return false;
}

/* Fill the header fields of m from the front matter.  CM_OK or CM_ENOMEM. */
int field_hdr_parse(const struct fparse *p, struct field_meeting *m);

/* Fill m->apologies from an apologies item when the front matter had none. */
int field_hdr_apologies_from_item(struct field_meeting *m);

#endif
