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

#include "field.h"

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
	size_t roll_from, roll_to;    /* lines of a roll-call item among the first ones (US), else 0, 0 */
	size_t action_col;            /* byte column of an "Action" column's heading, 0 when none */
	size_t wrap_width;            /* 90th percentile of non-blank line lengths: the text's wrap width */
	bool agenda_like;             /* the heading says "agenda", not "minutes": lettered points are items */
	const struct field_opts *opts;/* caller's options, never NULL */
};

/* Fill the header fields of m from the front matter.  CM_OK or CM_ENOMEM. */
int field_hdr_parse(const struct fparse *p, struct field_meeting *m);

/* Fill m->apologies, when no list gave them, from an "Apologies were received from"
 * sentence of the front matter, else from an apologies item. */
int field_hdr_apologies_from_item(struct field_meeting *m);

#endif
