/*
 * field.c - the minutes parser: meeting fields and agenda items from text
 *
 * See field.h.  One parse is a fixed pipeline over an array of lines, each
 * step linear in the text (bounded look-ahead, no rescans):
 *
 *   1. repair   - the text becomes valid UTF-8 without NULs, Markdown
 *                 escapes and entities undone ("1\\." -> "1."; text.c)
 *   2. lines    - split at \n and \f; a \f starts the next page
 *   3. running  - lines repeated at the top or bottom of 3+ pages (headers,
 *                 footers, page numbers) are marked and ignored everywhere
 *   4. items    - every line that looks like an item heading becomes a
 *                 candidate; the chain of candidates whose numbers move
 *                 forward is chosen (select_item_chain); see the rules below
 *   5. header   - council, committee, date, time, venue and the attendance
 *                 lists come from the front matter before the first item
 *   6. build    - each item gets its title, body, resolutions and page
 *
 * Item heading rules.  A candidate is a line that starts (after Markdown
 * '#', bold and <u> markup) with an item number - "26/19", "01/19", "5",
 * "28.", "285", "4a", "03.23.01" - followed by a title that starts with a
 * capital, a digit or a quote; or a number alone on its line ("7", "Item
 * 7a", "1.") with the title on the next line, or after one blank line (HTML
 * tables, pdftotext).  A slash number is read both ways, "26/19" (number
 * first) and "24/07" (year first); the chain keeps the reading whose
 * numbers move.  A line that is "(Item N)" makes the lines
 * just above it an item numbered N (ModernGov), or vouches for the numbered
 * heading above.  Rejected outright: numbers in a bulleted list ("- 1. to
 * note"), titles starting lowercase or with Resolved/That (numbered
 * resolutions), numbers that start a date ("16 December 2019", "29.09.19")
 * or a time ("10.00 am"), sums ("50%", "1,000", "2.5"), years ("2019 was"),
 * ranges ("2016-17"), and running headers/footers and page numbers (bare
 * numbers have no title).  Among the rest, numbers must move forward: the
 * chosen chain is the best-weighted sequence in document order whose
 * numbers share a scheme (and the "/19" or "03.23." part) and increase by
 * at most FIELD_ITEM_GAP each step, so an earlier item cited inside another
 * ("22/19 Updated Report" inside 29/19) and numbered lists inside an item
 * fall out; a list that restarts at 1 inside an item (payments after "The
 * following were approved:") is set aside before the chains are chosen
 * (drop_nested_lists), and numbered paragraphs, a copied agenda and a
 * contents list after them (drop_numbered_paragraphs, drop_contents_list).
 * Markdown headings, bold, a blank line before and an "(Item N)"
 * after raise a candidate's weight; prose-like titles (long, ending in a
 * comma or "the") lower it.
 *
 * Titles run on over following lines while Markdown bold is open, up to an
 * "(Item N)" line, or while a line ends in a connector ("and", "of", "-"),
 * or over one or two short lines that end at a blank line, or one short
 * line before a full-width body line (PDF wrapping; also across a page
 * break).  A lone candidate is an item only when it is marked up or is a
 * short slash-numbered heading after a blank line.
 * Resolutions are "Resolved"/"RESOLVED that"/"The Board resolved[:]"
 * followed by the rest of that paragraph, or by the next paragraph, or by
 * the numbered or bulleted list that follows.  People: see people.h; the
 * chair keeps initials and loses titles ("Mrs F M Oborski (Chairman)" ->
 * "F M Oborski", "Councillor Lind (Chair)" -> "Lind").
 *
 * Divisions: lines and pages; running headers; item candidates; chain
 * selection; titles, bodies and resolutions; header fields (field_hdr.c
 * holds council/committee/date/venue detection and attendance).
 */
#include "field.h"
#include "ascii.h"
#include "grow.h"
#include "field_int.h"
#include "date.h"
#include "people.h"
#include "sbuf.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Largest step between consecutive item numbers (withdrawn/exempt items). */
enum { FIELD_ITEM_GAP = 20 };
/* Candidates beyond this many are ignored: bounds memory on junk input. */
enum { FIELD_CAND_MAX = 65536 };
/* Title continuation lines looked at (Worcestershire splits over five). */
enum { FIELD_TITLE_LINES = 8 };
/* A title longer than this is prose that happens to start with a number (US
 * agenda titles that name a resolution or an ordinance run to 60 words). */
enum { FIELD_TITLE_MAX = 400 };
/* Line lengths counted for the wrap width; longer lines are unwrapped paragraphs. */
enum { FIELD_WIDTH_MAX = 300 };
/* Lines at the top and bottom of a page checked for running headers. */
enum { FIELD_RUNNING_EDGE = 3 };
/* A title in capitals this long may have wrapped (caps_title_wrap). */
enum { FIELD_CAPS_WRAP_MIN = 35 };

enum num_scheme {
	SCHEME_INT = 1,     /* "5", "28.", "285", "4a" */
	SCHEME_SLASH,       /* "26/19": prefix is the year part */
	SCHEME_SLASH_YEAR,  /* "24/07": year first, the number after the slash moves */
	SCHEME_DOTTED,      /* "03.23.01": prefix is the first two parts */
	SCHEME_ITEMREF,     /* "(Item 3)" below an unnumbered title */
	SCHEME_ALPHA,       /* "A.", "*B.", "C    16-0378": lettered items */
	SCHEME_ALPHA_LC,    /* "(a)", "b)": lettered sub-items */
	SCHEME_ROMAN        /* "II.", "IV)": sections of an agenda */
};

/*
 * A sub-number is packed into cand.minor as sub1 * MINOR_SUB + sub2:
 * "4a" and "4-A" are sub1 1, "4.2" sub1 2, "4.1.b" sub1 1 and sub2 2.
 */
enum { MINOR_SUB = 32, MINOR_SUB1_MAX = 99, MINOR_SUB2_MAX = MINOR_SUB - 2 };
/* Chain keys for "any sub-number under sub1" and "any minor at all". */
enum { MINOR_ANY_SUB2 = MINOR_SUB - 1, MINOR_ANY = 4095 };

struct cand {
	size_t line;        /* first line of the heading */
	size_t title_line;  /* line the title starts on */
	size_t title_off;   /* byte offset of the title in that line */
	size_t label_len;   /* an unnumbered "Label: text" line: the label's length; else 0 */
	char num[24];       /* number as written, NUL-terminated */
	char agenda[8];     /* "(Item 1)" under the heading: its number; "" when none */
	unsigned scheme;    /* enum num_scheme */
	unsigned prefix;    /* year part or dotted prefix, 0 for plain numbers */
	unsigned code;      /* hash of a letter code in front ("FC/23/101", "PL24/05"), 0 for none */
	long major;         /* the number that must move forward */
	int minor;          /* sub-number, MINOR_SUB packed: 0 none; "4a" 1, "4.2" 2, "4.1.b" 34 */
	bool lone_ok;       /* may stand as the only item: short title, no full stop */
	bool prose;         /* a full-width line running on into the next: a numbered paragraph */
	bool listy;         /* after a line ending in ':', or ending in ';': an entry of a list */
	bool entry_only;    /* nothing but blank lines between it and the next candidate's line */
	bool sum_end;       /* its line ends with a sum of money ("£450.00", "$1,204.50") */
	bool worded;        /* a word introduced its number ("Item 3:", "Minute 45") */
	bool labelled;      /* a label before it says it is a heading (BoardDocs: "Subject   A. ...") */
	bool side_heading;  /* its title is a side heading, which may go on down its column */
	size_t side_col;    /* in minutes with side headings, the column their text starts at; else 0 */
	bool para_title;    /* the title is the first sentence of the item's paragraph, which is all its text */
	bool lone_para;     /* a file number in brackets opening a paragraph: para_title when the only item */
	bool moved;         /* a motion's or a resolution's line under it, before the next candidate */
	char last;          /* last character of the title's first line */
	double weight;      /* how much this looks like a heading */
	double score;       /* best chain score ending here */
	long prev;          /* previous candidate in that chain, -1 for none */
};

/*
 * A rule drawn in text: three or more of "-_=*~" or a box-drawing line,
 * with nothing else but spaces ("------", "* * *", "────"): between a
 * number alone on its line and its title ("Subject No. 1" / "-----" /
 * "Confirmation of ...") it is passed over.
 */
static bool is_rule_line(const char *s, size_t len)
{
	size_t marks = 0;

	for (size_t i = 0; i < len; i++) {
		if (strchr("-_=*~", s[i]) && s[i])
			marks++;
		else if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x94 &&
			 ((unsigned char)s[i + 2] == 0x80 || (unsigned char)s[i + 2] == 0x81)) {
			marks++;	/* U+2500, U+2501 */
			i += 2;
		} else if (s[i] != ' ' && s[i] != '\t') {
			return false;
		}
	}
	return marks >= 3;
}

/* ---- lines and pages -------------------------------------------------- */

static int split_lines(struct fparse *p)
{
	size_t cap = 256, start = 0;
	unsigned page = 1;

	p->lines = malloc(cap * sizeof *p->lines);
	if (!p->lines)
		return CM_ENOMEM;
	for (size_t i = 0; i <= p->n; i++) {
		if (i < p->n && p->t[i] != '\n' && p->t[i] != '\f')
			continue;
		if (p->n_lines == cap) {
			struct fline *nl = realloc(p->lines, cap * 2 * sizeof *nl);

			if (!nl)
				return CM_ENOMEM;
			p->lines = nl;
			cap *= 2;
		}
		p->lines[p->n_lines].off = start;
		p->lines[p->n_lines].len = i - start;
		p->lines[p->n_lines].page = page;
		p->lines[p->n_lines].flags = 0;
		p->n_lines++;
		if (i < p->n && p->t[i] == '\f') {
			page++;
			p->has_pages = true;
		}
		start = i + 1;
	}
	p->n_pages = page;
	{
		size_t hist[FIELD_WIDTH_MAX + 1] = {0}, nonblank = 0, seen = 0;

		for (size_t k = 0; k < p->n_lines; k++) {
			const char *s = p->t + p->lines[k].off;
			size_t len = p->lines[k].len;

			text_trim(&s, &len);
			if (!len) {
				p->lines[k].flags |= FLINE_BLANK;
				continue;
			}
			hist[len < FIELD_WIDTH_MAX ? len : FIELD_WIDTH_MAX]++;
			nonblank++;
		}
		p->wrap_width = FIELD_WIDTH_MAX;
		for (size_t w = 0; w <= FIELD_WIDTH_MAX; w++) {
			seen += hist[w];
			if (seen * 10 >= nonblank * 9) {
				p->wrap_width = w;
				break;
			}
		}
		if (p->wrap_width < 40)
			p->wrap_width = 40;
	}
	return CM_OK;
}

/* ---- running headers and footers ------------------------------------- */

/* Hash of a line with digits ignored, so "Page 3" and "Page 4" agree. */
static unsigned long line_shape_hash(const char *s, size_t len)
{
	unsigned long h = 5381;

	text_trim(&s, &len);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			c = '#';
		if (c == ' ' || c == '\t')
			continue;
		h = h * 33 + c;
	}
	return h | 1;	/* 0 marks an empty slot */
}

struct shape_slot {
	unsigned long hash;
	unsigned pages;     /* pages the shape was seen on */
	unsigned last_page; /* to count each page once */
};

static struct shape_slot *shape_find(struct shape_slot *tab, size_t cap, unsigned long h)
{
	size_t i = h & (cap - 1);

	while (tab[i].hash && tab[i].hash != h)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/*
 * Mark lines among the first and last few non-blank lines of each page
 * whose shape appears on at least a third of the pages (and at least 3):
 * running headers, footers and page numbers.
 */
static bool is_itemref(const char *s, size_t len, size_t *nstart, size_t *nlen);

/* A line at a page's edge: its shape counted in pass 0, marked running in pass 1. */
static void running_edge_line(struct fparse *p, struct shape_slot *tab, size_t cap, struct fline *l,
			      unsigned page, size_t pass, unsigned need)
{
	unsigned long h = line_shape_hash(p->t + l->off, l->len);
	struct shape_slot *sl = shape_find(tab, cap, h);
	size_t ns, nl;

	if (pass == 0) {
		sl->hash = h;
		if (sl->last_page != page)
			sl->pages++;
		sl->last_page = page;
	} else if (sl->hash && sl->pages >= need && !is_itemref(p->t + l->off, l->len, &ns, &nl)) {
		l->flags |= FLINE_RUNNING;	/* "(Item 4)" at a page top is no header */
	}
}

static size_t skip_blanks(const char *s, size_t len, size_t i);

/*
 * Does the line end with a page's count, "Page 2 of 5" (a footer, the
 * meeting's name before it perhaps: "Amenities Committee – 19.03.2024
 * Page 1 of 1")?
 */
static bool ends_with_page_count(const char *s, size_t len)
{
	size_t e = len, d, at;

	while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	for (d = e; d && ascii_is_digit(s[d - 1]); d--)
		;
	if (d == e || d < 4 || strncasecmp(s + d - 4, " of ", 4) != 0)
		return false;
	e = d - 4;
	for (d = e; d && ascii_is_digit(s[d - 1]); d--)
		;
	if (d == e || d < 5 || (strncmp(s + d - 5, "Page ", 5) != 0 && strncmp(s + d - 5, "PAGE ", 5) != 0))
		return false;
	at = d - 5;
	/* alone on its line, or after a column's gap or a bar: not "the table on page 3 of 12" */
	if (skip_blanks(s, at, 0) == at)
		return true;
	return at >= 2 && ((s[at - 1] == ' ' && s[at - 2] == ' ') || s[at - 1] == '\t' || s[at - 1] == '|' ||
			   (s[at - 1] == ' ' && s[at - 2] == '|'));
}

/* Is s a page's number alone ("7", "Page 3", "- 3 -"), or at the end of a cell after a gap ("...     Page 3")? */
static bool is_page_number_line(const char *s, size_t len)
{
	size_t e, d;

	text_trim(&s, &len);
	e = len;
	if (e && s[e - 1] == '-')
		for (e--; e && s[e - 1] == ' '; e--)
			;
	for (d = e; d && ascii_is_digit(s[d - 1]); d--)
		;
	if (d == e || e - d > 3)
		return false;
	while (d && s[d - 1] == ' ')
		d--;
	if (d >= 4 && strncasecmp(s + d - 4, "page", 4) == 0) {
		d -= 4;
		if (d == 0)
			return true;
		return d >= 2 && s[d - 1] == ' ' && s[d - 2] == ' ';
	}
	return d == 0 || (d == 1 && s[0] == '-');
}

/*
 * Page edges of a short document, where no shape repeats often enough to
 * be counted (mark_running_lines): a page's last line when it is its
 * number ("Page 1", "7"), and on the pages after the first the lines set
 * at the right margin above the first blank line ("Ordinary Council
 * Meeting Minutes" / "19 March 2024", InfoCouncil's running header).
 */
static void mark_page_edges(struct fparse *p)
{
	for (size_t k = 0; k < p->n_lines;) {
		unsigned page = p->lines[k].page;
		size_t first = k, last;

		while (k < p->n_lines && p->lines[k].page == page)
			k++;
		for (last = k; last > first && (p->lines[last - 1].flags & FLINE_BLANK); last--)
			;
		if (last > first && k < p->n_lines && is_page_number_line(p->t + p->lines[last - 1].off, p->lines[last - 1].len))
			p->lines[last - 1].flags |= FLINE_RUNNING;
		if (first == 0)
			continue;
		for (size_t j = first, seen = 0; j < k && seen < 3; j++) {
			const char *s = p->t + p->lines[j].off;
			size_t len = p->lines[j].len, lead;

			if (p->lines[j].flags & FLINE_BLANK) {
				if (seen)
					break;
				continue;
			}
			while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
				len--;
			lead = skip_blanks(s, len, 0);
			if (lead < 40 || len + 12 < p->wrap_width || len - lead > 50)
				break;
			p->lines[j].flags |= FLINE_RUNNING;
			seen++;
		}
	}
}

static int mark_running_lines(struct fparse *p)
{
	struct shape_slot *tab;
	size_t cap = 64, pass;
	unsigned need;

	/* a page count is a footer however few the pages */
	for (size_t k = 0; k < p->n_lines; k++)
		if (!(p->lines[k].flags & FLINE_BLANK) &&
		    ends_with_page_count(p->t + p->lines[k].off, p->lines[k].len))
			p->lines[k].flags |= FLINE_RUNNING;
	mark_page_edges(p);
	if (p->n_pages < 3)
		return CM_OK;
	while (cap < (size_t)p->n_pages * FIELD_RUNNING_EDGE * 4)
		cap *= 2;
	tab = calloc(cap, sizeof *tab);
	if (!tab)
		return CM_ENOMEM;
	need = p->n_pages / 3 > 3 ? p->n_pages / 3 : 3;
	for (pass = 0; pass < 2; pass++) {
		size_t k = 0;

		while (k < p->n_lines) {
			unsigned page = p->lines[k].page;
			size_t first = k, last, seen;

			while (k < p->n_lines && p->lines[k].page == page)
				k++;
			last = k;
			/* top edge, then bottom edge */
			seen = 0;
			for (size_t j = first; j < last && seen < FIELD_RUNNING_EDGE; j++)
				if (!(p->lines[j].flags & FLINE_BLANK)) {
					seen++;
					running_edge_line(p, tab, cap, &p->lines[j], page, pass, need);
				}
			seen = 0;
			for (size_t j = last; j > first && seen < FIELD_RUNNING_EDGE; j--)
				if (!(p->lines[j - 1].flags & FLINE_BLANK)) {
					seen++;
					running_edge_line(p, tab, cap, &p->lines[j - 1], page, pass, need);
				}
		}
	}
	free(tab);
	return CM_OK;
}

/* ---- item candidates -------------------------------------------------- */

/* A list bullet at s[i]: "- ", "* ", "+ ", or a bullet character. */
static bool bullet_at(const char *s, size_t len, size_t i)
{
	if (i + 1 < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
	    (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return true;
	if (i + 2 < len && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0xa2)
		return true;
	return i + 2 < len && (unsigned char)s[i] == 0xef && (unsigned char)s[i + 1] == 0x82;
}

/* Skip opening markup: "**", "__", "<u>", "<b>", "<strong>". */
static size_t skip_markup(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i + 1 < len && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_')))
			i += 2;
		else if (s[i] == '<' && i + 2 < len && (s[i + 2] == '>' || s[i + 1] == '/' ||
							text_starts_ci(s + i, len - i, "<strong>"))) {
			size_t j = i;

			while (j < len && s[j] != '>' && j - i < 12)
				j++;
			if (j >= len || s[j] != '>')
				return i;
			i = j + 1;
		} else
			return i;
	}
}

/* Skip spaces, tabs and no-break spaces (U+00A0, common in Word output). */
static size_t skip_blanks(const char *s, size_t len, size_t i)
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

/* Read 1..max digits; returns the count, 0 when none or too many. */
static size_t read_digits(const char *s, size_t len, size_t i, size_t max, long *v)
{
	size_t n = 0;

	*v = 0;
	while (i + n < len && ascii_is_digit(s[i + n])) {
		if (n == max)
			return 0;
		*v = *v * 10 + (s[i + n] - '0');
		n++;
	}
	return n;
}

/* Does the line (trimmed) end in a word that cannot end a title? */
static bool ends_with_connector(const char *s, size_t len)
{
	static const char *const words[] = {
		"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "from", "by", "&", "-",
		"or", "at", "into", "upon", "as", "its", "their", "this", "these", "between", "under",
		"about", "within", "against", "regarding", "concerning", "including", "re",
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

/* "08/00734/COU": a planning application reference, two slashes in the first word. */
static bool is_planning_ref(const char *s, size_t len)
{
	size_t slashes = 0;

	for (size_t i = 0; i < len && s[i] != ' '; i++)
		slashes += s[i] == '/';
	return slashes >= 2;
}

/* A reference code as one word: "16-0361", "2023-3367" (digits, dashes, slashes). */
static bool is_code(const char *s, size_t len)
{
	size_t digits = 0;

	for (size_t i = 0; i < len; i++) {
		if (ascii_is_digit(s[i]))
			digits++;
		else if (s[i] != '-' && s[i] != '/' && s[i] != '.')
			return false;
	}
	return digits >= 3;
}

/*
 * A sub-number after an item number at s[*i]: ".2" (one or two digits), or
 * one letter alone, written straight after the number or after '.' or '-'
 * ("4a", "4A", "4-A", "1.A"); for the second level (first == false) also
 * ".a".  Returns 1..99 and moves *i past it, 0 when there is none, -1 when
 * the digits run on ("4.123": a decimal or a reference, not an item).
 */
static int read_sub_number(const char *s, size_t len, size_t *i, bool first)
{
	size_t j = *i;
	long v;

	if (j + 1 < len && s[j] == '.' && ascii_is_digit(s[j + 1])) {
		size_t n = read_digits(s, len, j + 1, 2, &v);

		if (!n)
			return -1;
		if (first && n == 1 && v == 0) {
			*i = j + 2;	/* "1.0 CALL TO ORDER": item 1 (sub-items "1.1" follow) */
			return 0;
		}
		if (v < 1 || v > MINOR_SUB1_MAX)
			return 0;
		*i = j + 1 + n;
		return (int)v;
	}
	if (first) {
		/* "7(a)", "7 (b)": a letter in brackets after the number */
		size_t b = j < len && s[j] == ' ' ? j + 1 : j;

		if (b + 2 < len && s[b] == '(' && ascii_is_alpha(s[b + 1]) && s[b + 2] == ')') {
			*i = b + 3;
			return (ascii_is_upper(s[b + 1]) ? s[b + 1] - 'A' : s[b + 1] - 'a') + 1;
		}
	}
	if (j < len && (s[j] == '.' || s[j] == '-'))
		j++;
	else if (!first && j < len && ascii_is_alpha(s[j]))
		return 0;	/* "4.1a" is read as 4.1 then a letter only after a separator */
	if (j < len && ascii_is_alpha(s[j]) && (j + 1 >= len || !ascii_is_alpha(s[j + 1]))) {
		/* a capital straight after the number must be followed by '.', ')' or a blank */
		if (ascii_is_upper(s[j]) && j == *i && j + 1 < len && s[j + 1] != '.' && s[j + 1] != ')' &&
		    s[j + 1] != ' ' && s[j + 1] != '\t')
			return 0;
		*i = j + 1;
		return (ascii_is_upper(s[j]) ? s[j] - 'A' : s[j] - 'a') + 1;
	}
	return 0;
}

/*
 * Does s[i] join a minute number's two parts, the first (nd digits) read?  A slash always ("45/24", "FC24/45"); a dash in brackets ("(06-386)");
 * a bare dash between two or three digits and two or three, one part with a
 * leading zero or the two of different lengths ("24-045", "045-24",
 * "23-145"; "18-25 section", "100-120 High Street", "2025-26 Budget" and
 * "16-0361" are ranges, addresses and references); a dot after a letter
 * code ("PL.24.045", "C.45.24") or when one part has three digits with a
 * leading zero ("24.045", "045.24"; "45.24" and "24.125" are decimals).  Dates and
 * three-part numbers ("24-03-2024", "09.17.01") are refused here.
 */
static bool minute_separator(const char *s, size_t len, size_t i, size_t nd, bool paren, bool code)
{
	size_t n2 = 0;

	if (i + 1 >= len || !ascii_is_digit(s[i + 1]))
		return false;
	if (s[i] == '/' || (paren && s[i] == '-'))
		return true;
	if (s[i] != '-' && s[i] != '.')
		return false;
	while (i + 1 + n2 < len && ascii_is_digit(s[i + 1 + n2]))
		n2++;
	if (n2 < 2 || n2 > 3 || nd < 2 || nd > 3)
		return false;
	if (i + 2 + n2 < len && (s[i + 1 + n2] == '-' || s[i + 1 + n2] == '.' || s[i + 1 + n2] == '/') &&
	    ascii_is_digit(s[i + 2 + n2]))
		return false;
	if (code)
		return true;
	if (s[i] == '.')	/* "24.045", "045.24": three digits with a leading zero; "45.24" is a decimal */
		return (n2 == 3 && s[i + 1] == '0') != (nd == 3 && s[i - nd] == '0');
	return s[i + 1] == '0' || s[i - nd] == '0' || (n2 == 3) != (nd == 3);
}

/* Does line k end in ':' or a decision's "that" (introducing a list)? */
static bool ends_colon(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	if (len && s[len - 1] == ':')
		return true;
	/* a decision's lead-in that its list completes: "RESOLVED that" / "1. The budget be approved." */
	return len >= 13 && (strncasecmp(s + len - 5, " that", 5) == 0 || strncasecmp(s + len - 3, " to", 3) == 0) &&
	       (text_starts_ci(s, len, "resolved") || text_starts_ci(s, len, "agreed") ||
		text_find_ci(s, len, " resolved ") < len || text_find_ci(s, len, " agreed ") < len);
}

/* Value of a Roman numeral of I, V and X (1..39), 0 when s is not one. */
static int roman_value(const char *s, size_t n)
{
	static const char *const romans[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
		"XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	};

	for (size_t k = 0; k < sizeof romans / sizeof *romans; k++)
		if (strlen(romans[k]) == n && memcmp(romans[k], s, n) == 0)
			return (int)k + 1;
	return 0;
}

/*
 * A lettered or Roman item number at s[*i]: "A." / "B)" / "C" and two
 * blanks (an agenda's lettered items), "(a)" / "b)" (sub-items), "IV."
 * (agenda sections); "Item I:" after a number's word (worded).  Fills c's
 * scheme and major and moves *i past the number (not past a closing
 * bracket).  False when there is none.
 */
static bool read_letter_number(const char *s, size_t len, size_t *i, struct cand *c, bool worded)
{
	size_t j = *i, n = 0;
	int r;

	while (j + n < len && (s[j + n] == 'I' || s[j + n] == 'V' || s[j + n] == 'X') && n < 6)
		n++;
	if (n > 1 && j + n < len &&
	    (s[j + n] == '.' || s[j + n] == ')' || s[j + n] == ':' || s[j + n] == '\t' ||
	     (s[j + n] == ' ' && j + n + 1 < len && (s[j + n + 1] == ' ' || s[j + n + 1] == '\t'))) &&
	    (r = roman_value(s + j, n))) {
		/* "IV.", "II)", "III:", "II      Title" (a column's gap after it) */
		c->scheme = SCHEME_ROMAN;
		c->major = r;
		*i = j + n;
		return true;
	}
	if (j >= len || !ascii_is_alpha(s[j]) || (j + 1 < len && ascii_is_alpha(s[j + 1])))
		return false;
	if (ascii_is_lower(s[j])) {
		if (j + 1 >= len || s[j + 1] != ')')
			return false;	/* "(a)", "a)"; "a." starts too many sentences' lists */
		c->scheme = SCHEME_ALPHA_LC;
		c->major = s[j] - 'a' + 1;
		*i = j + 1;
		return true;
	}
	if (j + 1 < len && (s[j + 1] == '.' || s[j + 1] == ')' || s[j + 1] == '\t' || (worded && s[j + 1] == ':') ||
			    (s[j + 1] == ' ' && j + 2 < len && (s[j + 2] == ' ' || s[j + 2] == '\t')))) {
		if (j + 2 < len && s[j + 1] == '.' && ascii_is_upper(s[j + 2]))
			return false;	/* "A.B. Smith" */
		c->scheme = s[j] == 'I' || s[j] == 'V' || s[j] == 'X' ? SCHEME_ROMAN : SCHEME_ALPHA;
		c->major = c->scheme == SCHEME_ROMAN ? roman_value(s + j, 1) : s[j] - 'A' + 1;
		*i = j + 1;
		return true;
	}
	return false;
}

/* The last character of s that is one of set (which must occur in s). */
static const char *last_of(const char *s, const char *set)
{
	const char *last = NULL;

	for (; *s; s++)
		if (strchr(set, *s))
			last = s;
	return last;
}

/*
 * The length of a word that introduces an item's number at s ("Item ",
 * "Agenda Item ", "Minute ", "Minute No. ", "Min. ", "Item #"), 0 when there is none.
 * "Minutes of ..." is a title, not a number's word.
 */
static size_t number_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"agenda item no. ", "agenda item ", "item no. ", "item no ", "item ", "minute no. ",
		"minute no ", "minute ", "min. no. ", "min no. ", "min. ", "min ",
		"article ", "\xc2\xa7 ", "\xc2\xa7",	/* a town meeting's warrant; "§ 5" */
		"eitem rhif ", "eitem ",	/* Welsh: "Eitem 3 / Item 3 – Cofnodion / Minutes" */
		"no. ",	/* "No. 45 Apologies" */
		"subject no. ",	/* India: "Subject No. 1" over the subject */
	};

	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (text_starts_ci(s, len, words[k])) {
			size_t n = strlen(words[k]);

			/* "Item #5", "Item # 5" (US) */
			if (n < len && s[n] == '#' && words[k][n - 1] == ' ')
				n += n + 1 < len && s[n + 1] == ' ' ? 2 : 1;
			return n;
		}
	return 0;
}

/*
 * A council's letter code in front of a minute number: "FC/23/101",
 * "PL.24.05", "PC23/45", "P&R-12", "FC 24/101" (a space only before a
 * number with a slash).  Up to four capitals (and "&"), then the number.
 * Moves *i to the number and returns a hash of the code (never 0), or 0
 * when there is no code ("A. Title" and "C  16-0378" are letters).
 */
static unsigned letter_code(const char *s, size_t len, size_t *i)
{
	size_t j = *i, n = 0, d, upper = 0;
	unsigned h = 5381;

	while (j + n < len && n < 5 &&
	       (ascii_is_upper(s[j + n]) || (n && (s[j + n] == '&' || ascii_is_lower(s[j + n]))))) {
		upper += ascii_is_upper(s[j + n]);
		h = h * 33 + (unsigned char)s[j + n++];
	}
	if (!n || n > 4 || j + n + 1 >= len || (upper < n && upper < 2))
		return 0;	/* "BoD 24/01" has a board's code; "Page 3/4" none */
	j += n;
	if (s[j] == '/' || s[j] == '.' || s[j] == '-')
		j++;
	else if (s[j] == ' ') {
		for (d = j + 1; d < len && ascii_is_digit(s[d]); d++)
			;
		if (d == j + 1 || d >= len || s[d] != '/')
			return 0;
		j++;
	}
	if (!ascii_is_digit(s[j]))
		return 0;
	*i = j;
	return h ? h : 1;
}

/*
 * A minute number with the council's financial year before or after it:
 * "24/25-045", "24-25/045", "2024-25/045", "24/25/045", "045/24-25",
 * "045/24/25", "24/25 045" (the year's second part one more than its
 * first).  With the same separator twice, or a space, the minute must have
 * three digits ("24/25/045"; "11/12/13" is a date, "24/25 budget" a
 * year).  Returns the offset after it, the minute in *minute and the year
 * in *year (its parts as digits: 2425); 0 when s[i] starts none.
 */
static size_t financial_year_number(const char *s, size_t len, size_t i, long *minute, unsigned *year)
{
	long a, b, m;
	size_t na = read_digits(s, len, i, 4, &a), nb, nm, j;

	if ((na == 2 || na == 4) && i + na + 3 < len && strchr("/-.", s[i + na])) {
		/* the year first */
		j = i + na + 1;
		nb = read_digits(s, len, j, 2, &b);
		j += nb;
		if (nb == 2 && b == (a + 1) % 100 && j + 1 < len && strchr("/-. ", s[j])) {
			char sep2 = s[j];

			nm = read_digits(s, len, j + 1, 4, &m);
			if (nm && ((sep2 != s[i + na] && sep2 != ' ') || nm == 3) &&
			    (j + 1 + nm >= len || !(ascii_is_alnum(s[j + 1 + nm]) || strchr("/-", s[j + 1 + nm])))) {
				*minute = m;
				*year = (unsigned)((a % 100) * 100 + b);
				return j + 1 + nm;
			}
		}
	}
	nm = read_digits(s, len, i, 4, &m);
	j = i + nm;
	if (nm && j + 5 < len && s[j] == '/' && read_digits(s, len, j + 1, 2, &a) == 2 && strchr("/-.", s[j + 3]) &&
	    read_digits(s, len, j + 4, 2, &b) == 2 && b == (a + 1) % 100 && (s[j + 3] != '/' || nm == 3) &&
	    (j + 6 >= len || !(ascii_is_alnum(s[j + 6]) || (strchr("/-.", s[j + 6]) && j + 7 < len && ascii_is_digit(s[j + 7]))))) {
		/* the year after */
		*minute = m;
		*year = (unsigned)(a * 100 + b);
		return j + 6;
	}
	return 0;
}

/*
 * After a number in one language, the same number in another ("Eitem 3 /
 * Item 3 – Cofnodion / Minutes"): the offset past " / Item 3" from s[i],
 * or i when it is not there.
 */
static size_t same_number_again(const char *s, size_t len, size_t i, const char *num, size_t nl)
{
	size_t j, w;

	if (i + 2 >= len || s[i] != '/' || s[i + 1] != ' ')
		return i;
	j = i + 2;
	w = number_word(s + j, len - j);
	if (!w || j + w + nl > len || memcmp(s + j + w, num, nl) != 0 ||
	    (j + w + nl < len && ascii_is_alnum(s[j + w + nl])))
		return i;
	return skip_blanks(s, len, j + w + nl);
}

/*
 * Read an item heading on line k into c.  Returns false when the line is
 * not a candidate (see the rules at the top of this file).
 */
static bool is_motion_start(const char *s, size_t len);

static bool parse_heading(const struct fparse *p, size_t k, struct cand *c)
{
	const struct fline *l = &p->lines[k];
	const char *s = p->t + l->off;
	size_t len = l->len, i = 0, ns, ne, nd, tl, tk = k;
	bool heading = false, word = false, bare = false, paren = false, file_number;
	size_t marked, fy;
	char closer = ')';
	long a, b, v;
	const char *title;

	if (l->flags & (FLINE_BLANK | FLINE_RUNNING))
		return false;
	memset(c, 0, sizeof *c);
	i = skip_blanks(s, len, 0);
	if (i < len && s[i] == '#') {
		while (i < len && s[i] == '#')
			i++;
		heading = true;
		i = skip_blanks(s, len, i);
	}
	if (bullet_at(s, len, i))
		return false;	/* "- 1. to note": a list, never an item */
	i = skip_markup(s, len, i);
	{
		/* a timed agenda: "6:00 PM    1.  Call to Order": the time's column is no part of it */
		char t[6];
		size_t used, g;

		if (i < len && ascii_is_digit(s[i]) && date_parse_time(s + i, len - i, t, &used) &&
		    (g = skip_blanks(s, len, i + used)) >= i + used + 2 && g < len && ascii_is_digit(s[g]))
			i = g;
	}
	{
		/* Quebec: "2024-03-041           2.   ADOPTION OF THE AGENDA": the resolution's number
		 * in the margin is no part of the item's */
		size_t w = i, dashes = 0, g;

		while (w < len && (ascii_is_digit(s[w]) || s[w] == '-'))
			dashes += s[w++] == '-';
		if (dashes >= 1 && w - i >= 6 && ascii_is_digit(s[w - 1]) && (g = skip_blanks(s, len, w)) >= w + 3 &&
		    g < len && ascii_is_digit(s[g]))
			i = g;
	}
	if (text_starts_ci(s + i, len - i, "subject  ")) {
		/* BoardDocs: "Subject         A. Call to Order" under "1. Opening Items" */
		size_t g = skip_blanks(s, len, i + 7);

		if (g < len && (ascii_is_upper(s[g]) || ascii_is_digit(s[g]))) {
			i = g;
			word = true;	/* a label says it is a heading, as "Item" does */
			c->labelled = true;
		}
	}
	{
		size_t w = number_word(s + i, len - i);

		if (w) {
			i = skip_blanks(s, len, i + w);
			word = true;
			c->worded = true;
		}
	}
	if (i < len && (s[i] == '(' || s[i] == '[')) {
		paren = true;	/* "(06-386)", "(a)", "[145]" */
		closer = s[i] == '(' ? ')' : ']';
		i++;
	}
	if (i < len && s[i] == '*' && i + 1 < len && s[i + 1] != '*')
		i++;	/* "(*06-387)", "*A.": consent-calendar marks */
	ns = i;
	c->code = letter_code(s, len, &i);
	if (c->code || !read_letter_number(s, len, &i, c, word)) {
		nd = read_digits(s, len, i, 4, &a);
		if (!nd)
			return false;
		i += nd;
		c->scheme = SCHEME_INT;
		c->major = a;
		if ((fy = financial_year_number(s, len, i - nd, &c->major, &c->prefix)) != 0) {
			c->scheme = SCHEME_SLASH;	/* "24/25-045", "045/24-25" */
			i = fy;
		} else if (minute_separator(s, len, i, nd, paren, c->code != 0)) {
			size_t n2 = read_digits(s, len, i + 1, 4, &b), n3 = 0;
			long y;

			if (c->code && n2 == 2 && b >= 1 && b <= 12 && i + 1 + n2 < len && s[i + 1 + n2] == '/' &&
			    (n3 = read_digits(s, len, i + 2 + n2, 4, &y)) == 4 && y >= 1900 && y <= 2100) {
				/* South Africa: "C01/03/2024", the council's resolution 1 of March 2024 */
				c->scheme = SCHEME_SLASH;
				c->prefix = (unsigned)(b * 10000 + y);
				i += 2 + n2 + n3;
			} else {
				if (n2 < 2 || (i + 1 + n2 < len && (s[i + 1 + n2] == '/' || s[i + 1 + n2] == '.') &&
					       i + 2 + n2 < len && ascii_is_digit(s[i + 2 + n2])))
					return false;	/* "13/09/2017" is a date */
				if (a >= 1900 && a <= 2100 &&
				    ((n2 == 2 && b == (a + 1) % 100) || (n2 == 4 && b == a + 1)))
					return false;	/* "2019/20" is a year range; "2024/45" the 45th minute of 2024 */
				if (c->code && nd != 2 && n2 != 2 && !(n2 == 4 && b >= 1990 && b <= 2100))
					return false;	/* "FC/23/101" has a year; "SR/147/001" is a site's reference;
							 * "P/014/2024" its year after it */
				c->scheme = SCHEME_SLASH;
				c->prefix = (unsigned)b;
				i += 1 + n2;
			}
		} else if (i + 3 < len && s[i] == '.' && ascii_is_digit(s[i + 1]) && ascii_is_digit(s[i + 2]) &&
			   s[i + 3] == '.' && i + 4 < len && ascii_is_digit(s[i + 4])) {
			size_t n3 = read_digits(s, len, i + 4, 3, &v);

			if (!n3 || (i + 4 + n3 + 1 < len && s[i + 4 + n3] == '.' && ascii_is_digit(s[i + 5 + n3])))
				return false;
			c->scheme = SCHEME_DOTTED;
			c->prefix = (unsigned)(a * 1000 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
			c->major = v;
			i += 4 + n3;
		} else if (a >= 1900 && a <= 2100) {
			return false;	/* a year, not an item (running counts like 1504 are items) */
		} else {
			/* "4a", "4A", "4-A", "1.A", "4.1", "4.1.a": sub-items of item 4 */
			int sub1 = read_sub_number(s, len, &i, true), sub2 = 0;

			if (sub1 < 0)
				return false;
			if (sub1)
				sub2 = read_sub_number(s, len, &i, false);
			if (sub2 < 0 || sub2 > MINOR_SUB2_MAX)
				return false;
			c->minor = sub1 * MINOR_SUB + sub2;
		}
		ne = i;
		if (i < len && (ascii_is_alpha(s[i]) || ascii_is_digit(s[i]) || s[i] == '%' || s[i] == '/'))
			return false;	/* "3rd", "10am", "50%" */
		if (i + 1 < len && (s[i] == ',' || s[i] == '.' || s[i] == ':' || s[i] == '-') &&
		    ascii_is_digit(s[i + 1]))
			return false;	/* "1,000", "2.5", "10:30", "2016-17", "3.80.040" */
		{
			int d;
			char t[6];

			if (date_parse(s + ns, len - ns, &d, NULL) || date_parse_time(s + ns, len - ns, t, NULL))
				return false;
		}
	} else {
		ne = i;
		if (c->scheme == SCHEME_ALPHA_LC && paren) {
			ns--;	/* "(a)" is written with its brackets */
			ne++;
		}
	}
	if (paren) {
		if (i >= len || s[i] != closer)
			return false;
		if (c->scheme == SCHEME_ALPHA_LC)
			i++;
	}
	if (i < len && (s[i] == '.' || s[i] == ')' || s[i] == ':' || (paren && s[i] == ']')))
		i++;
	marked = i;
	i = skip_markup(s, len, i);
	{
		/* "3-A 2024-103" and the title below: a file code is no title */
		size_t cs = skip_blanks(s, len, i), ce = len;

		while (ce > cs && (s[ce - 1] == ' ' || s[ce - 1] == '\t'))
			ce--;
		if (cs < ce && is_code(s + cs, ce - cs))
			i = len;
	}
	if (skip_blanks(s, len, i) >= len && k + 1 < p->n_lines) {
		/* a number alone on its line, the title on the next (HTML tables) */
		const struct fline *nx = &p->lines[k + 1];

		tk = k + 1;
		if ((nx->flags & FLINE_BLANK) && k + 2 < p->n_lines) {
			nx = &p->lines[k + 2];	/* "1." / "" / "Minutes:" (pdftotext) */
			tk = k + 2;
		}
		if (!(nx->flags & FLINE_BLANK) && is_rule_line(p->t + nx->off, nx->len) && tk + 1 < p->n_lines) {
			nx = &p->lines[++tk];	/* "Subject No. 1" / "-----" / "Confirmation of ..." */
			if ((nx->flags & FLINE_BLANK) && tk + 1 < p->n_lines)
				nx = &p->lines[++tk];
		}
		if ((nx->flags & (FLINE_BLANK | FLINE_RUNNING)) || nx->page != l->page)
			return false;
		s = p->t + nx->off;
		len = nx->len;
		i = skip_markup(s, len, skip_blanks(s, len, 0));
		if (i >= len || len - i > 150 ||
		    (s[len - 1] == '.' && !paren && !word && c->scheme != SCHEME_ALPHA && c->scheme != SCHEME_ROMAN) ||
		    (ascii_is_digit(s[i]) && !word && !is_planning_ref(s + i, len - i)))
			return false;
		bare = true;
	} else {
		if (skip_blanks(s, len, i) == i && i == marked)
			return false;	/* "3rd", but "1.**Attendance**" is a heading */
		i = skip_blanks(s, len, i);
		i = same_number_again(s, len, i, p->t + l->off + ns, ne - ns);
		if (i + 1 < len && s[i] == '-' && s[i + 1] == ' ')
			i = skip_blanks(s, len, i + 1);
		else if (i + 3 < len && memcmp(s + i, "\xe2\x80", 2) == 0 &&
			 (s[i + 2] == '\x93' || s[i + 2] == '\x94') && s[i + 3] == ' ')
			i = skip_blanks(s, len, i + 3);	/* "Agenda Item 1 – Confirmation of Minutes" */
		i = skip_markup(s, len, i);
		if (i >= len)
			return false;
	}
	title = s + i;
	tl = len - i;
	if (!(ascii_is_upper(title[0]) || ascii_is_digit(title[0]) || title[0] == '"' || title[0] == '\'' ||
	      ((unsigned char)title[0] >= 0x80 && !bullet_at(title, tl, 0))))
		return false;
	if (text_starts_ci(title, tl, "resolved") || text_starts_ci(title, tl, "that "))
		return false;
	if ((c->code || c->scheme == SCHEME_SLASH || memchr(p->t + l->off + ns, '-', ne - ns)) &&
	    (text_starts_ci(title, tl, "it was moved") || is_motion_start(title, tl)))
		return false;	/* British Columbia: "R24-081 It was moved and seconded" numbers a resolution */
	if (people_is_roll_entry(title, tl))
		return false;	/* a numbered roll: "1. Hon. Peter Kamau, MCA   -   Chairperson" */
	{
		size_t letters = 0;

		for (size_t j = 0; j < tl && letters < 2; j++)
			letters += ascii_is_alpha(title[j]);
		if (letters < 2)
			return false;
	}
	c->line = k;
	c->title_line = tk;
	c->title_off = i;
	if (ne - ns >= sizeof c->num)
		return false;
	memcpy(c->num, p->t + l->off + ns, ne - ns);
	c->num[ne - ns] = '\0';
	c->prev = -1;
	/* weight: how much this looks like a heading rather than prose */
	c->weight = bare ? 0.8 : 1.0;
	if (heading || memmem(p->t + l->off, ns, "**", 2) || memmem(title, tl, "**", 2) ||
	    memmem(p->t + l->off, l->len, "<u>", 3))
		c->weight += 1.0;
	if (word)
		c->weight += 0.5;
	if (k == 0 || (p->lines[k - 1].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
	    p->lines[k - 1].page != l->page)
		c->weight += 0.5;
	if (tl > 150 || (tl && title[tl - 1] == ','))
		c->weight *= 0.3;
	else if (ends_with_connector(title, tl))
		c->weight *= 0.6;
	if (c->scheme == SCHEME_ALPHA_LC)
		c->weight *= 0.5;	/* "a)" points sit under items; they never outweigh the items' own numbers */
	/* a clerk's file number in brackets, "(23-145) A Special Meeting was called ...",
	 * numbers even the only item of a special meeting */
	file_number = paren && closer == ')' && c->scheme == SCHEME_SLASH && !c->code && memchr(c->num, '-', ne - ns);
	c->lone_ok = (c->scheme != SCHEME_INT && tl <= 80 && title[tl - 1] != '.') || file_number;
	c->lone_para = file_number && tl > 40 && !strchr(".:", title[tl - 1]) && k + 1 < p->n_lines &&
		       !(p->lines[k + 1].flags & (FLINE_BLANK | FLINE_RUNNING));
	{
		const char *t = title;
		size_t n = tl;

		text_trim(&t, &n);
		c->last = n ? t[n - 1] : 0;
		c->listy = c->last == ';';
		for (size_t j = k; j > 0 && !c->listy; j--) {
			if (p->lines[j - 1].flags & (FLINE_BLANK | FLINE_RUNNING))
				continue;
			c->listy = ends_colon(p, j - 1);	/* "RESOLVED that Cabinet agree to:" / "a) Note" */
			break;
		}
	}
	if (!bare && l->len * 4 >= p->wrap_width * 3 && k + 1 < p->n_lines &&
	    !(p->lines[k + 1].flags & (FLINE_BLANK | FLINE_RUNNING))) {
		const char *nx = p->t + p->lines[k + 1].off;
		size_t nl = p->lines[k + 1].len, j = skip_blanks(nx, nl, 0);

		c->prose = j < nl && ascii_is_lower(nx[j]);	/* "1. The Leader said that" / "the report ..." */
		if (c->prose)
			c->weight *= 0.2;	/* numbered paragraphs outnumber the items they sit in */
	}
	if (text_starts_ci(title, tl, "mr ") || text_starts_ci(title, tl, "mrs ") || text_starts_ci(title, tl, "ms ") ||
	    text_starts_ci(title, tl, "dr ") || text_starts_ci(title, tl, "cllr ") || text_starts_ci(title, tl, "councillor "))
		c->weight *= 0.4;
	return true;
}

/* "(Item 3)" on its own: returns the number's length in *nlen, start in *nstart. */
static bool is_itemref(const char *s, size_t len, size_t *nstart, size_t *nlen)
{
	size_t i;
	long v;

	text_trim(&s, &len);
	if (len < 8 || s[0] != '(' || s[len - 1] != ')' || strncasecmp(s + 1, "item ", 5) != 0)
		return false;
	i = skip_blanks(s, len, 6);
	*nlen = read_digits(s, len, i, 4, &v);
	if (!*nlen)
		return false;
	*nstart = i;
	i += *nlen;
	if (i < len && ascii_is_lower(s[i]))
		i++;
	*nlen = i - *nstart;
	return i == len - 1;
}

struct cands {
	struct cand *v;
	size_t n, alloc;
};

static struct cand *cands_push(struct cands *cs)
{
	if (ARRAY_GROW(cs->v, cs->n + 1, cs->alloc))
		return NULL;
	return &cs->v[cs->n++];
}

/* Does line k end in '.', ';' or ':' (the end of a paragraph, not a title)? */
static bool ends_sentence(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len && (s[len - 1] == '.' || s[len - 1] == ';' || s[len - 1] == ':');
}

/*
 * Collect every item candidate in document order.  "(Item N)" lines either
 * vouch for the numbered heading just above them or turn the title lines
 * above them into a candidate of their own.
 */
static int find_item_candidates(struct fparse *p, struct cands *cs)
{
	for (size_t k = 0; k < p->n_lines && cs->n < FIELD_CAND_MAX; k++) {
		struct fline *l = &p->lines[k];
		struct cand c, *slot;
		size_t ns, nl;

		if (l->flags & (FLINE_BLANK | FLINE_RUNNING))
			continue;
		if (is_itemref(p->t + l->off, l->len, &ns, &nl)) {
			size_t top = k, tlen = l->len;
			const char *s = p->t + l->off;

			l->flags |= FLINE_ITEMREF;
			while (top > 0 && k - top < 3 &&
			       !(p->lines[top - 1].flags & (FLINE_BLANK | FLINE_RUNNING | FLINE_ITEMREF)) &&
			       p->lines[top - 1].page == l->page &&
			       !(top < k && ends_sentence(p, top - 1)))
				top--;	/* the title: up to a blank line or the end of the last paragraph */
			if (top == k)
				continue;
			text_trim(&s, &tlen);
			s += ns;
			if (cs->n && cs->v[cs->n - 1].title_line >= top && cs->v[cs->n - 1].line < top &&
			    (strlen(cs->v[cs->n - 1].num) != nl || memcmp(cs->v[cs->n - 1].num, s, nl) != 0)) {
				/* a page number "1" above "Participation update" / "(Item 4)": the item is 4 */
				while (cs->n && cs->v[cs->n - 1].title_line >= top)
					cs->n--;
			}
			if (cs->n && cs->v[cs->n - 1].line >= top) {
				/* "84. Apologies" + "(Item 1)": minute 84 is agenda item 1 */
				for (size_t r = cs->n; r > 0 && cs->v[r - 1].line == cs->v[cs->n - 1].line; r--) {
					cs->v[r - 1].weight += 1.5;
					if (nl < sizeof cs->v[r - 1].agenda) {
						memcpy(cs->v[r - 1].agenda, s, nl);
						cs->v[r - 1].agenda[nl] = '\0';
					}
				}
				continue;
			}
			memset(&c, 0, sizeof c);
			if (nl >= sizeof c.num)
				continue;
			memcpy(c.num, s, nl);
			c.num[nl] = '\0';
			c.scheme = SCHEME_ITEMREF;
			c.major = strtol(c.num, NULL, 10);
			c.minor = ascii_is_lower(c.num[nl - 1]) ? (c.num[nl - 1] - 'a' + 1) * MINOR_SUB : 0;
			c.line = c.title_line = top;
			c.title_off = 0;
			c.weight = 2.0;
			c.prev = -1;
			slot = cands_push(cs);
			if (!slot)
				return CM_ENOMEM;
			*slot = c;
			continue;
		}
		if (!parse_heading(p, k, &c))
			continue;
		slot = cands_push(cs);
		if (!slot)
			return CM_ENOMEM;
		*slot = c;
		if (c.scheme == SCHEME_ROMAN && c.num[1] == '\0') {
			/* "I." may be the ninth letter: the chain picks the reading that moves */
			c.scheme = SCHEME_ALPHA;
			c.major = c.num[0] - 'A' + 1;
			slot = cands_push(cs);
			if (!slot)
				return CM_ENOMEM;
			*slot = c;
		}
		if (c.scheme == SCHEME_SLASH) {
			/* "24/07": read it also as year first; the chain picks the reading that moves */
			c.scheme = SCHEME_SLASH_YEAR;
			c.prefix = (unsigned)c.major;
			c.major = strtol(last_of(c.num, "/-.") + 1, NULL, 10);	/* "FC/23/101", "PL.24.101": 101 */
			slot = cands_push(cs);
			if (!slot)
				return CM_ENOMEM;
			*slot = c;
		}
	}
	return CM_OK;
}

/* A councillor named by office: "Cr Carr", "Cllr Lane", "Councillor Akers", "Deputy Mayor". */
static bool is_mover_name(const char *s, size_t len)
{
	static const char *const titles[] = { "cr ", "cr. ", "cllr ", "cllr. ", "councillor ", "mayor", "deputy mayor" };

	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++)
		if (text_starts_ci(s, len, titles[k]))
			return true;
	return false;
}

/*
 * A decision's mover and seconder joined by a slash ("Cr Carr/Cr Elms",
 * "Cllr Lane / Cllr Mead"): New Zealand sets the resolution's number
 * beside them, which is no minute's heading.
 */
static bool is_mover_pair(const char *s, size_t len)
{
	return memchr(s, '/', len) && is_mover_name(s, len);
}

/* "Moved: Cr Smith  Seconded: Cr Jones" between a decision's label and its text. */
static bool is_mover_line(const char *s, size_t len)
{
	return text_starts_ci(s, len, "moved") || text_starts_ci(s, len, "seconded") || text_starts_ci(s, len, "proposed") ||
	       text_starts_ci(s, len, "mover");
}

/*
 * A minute number in the right margin of line k ("APOLOGIES FOR ABSENCE
 * <gap> 45/24"): a slashed number, maybe after a letter code ("FC24/45"),
 * or an item's ("ADJOURNMENT <gap> Item 4"),
 * ending the line after a gap of five spaces or a tab, under a title that
 * starts with a capital, ends no sentence and names no mover and seconder
 * (is_mover_pair, is_mover_line).  Fills the title's start and trimmed length and the
 * number's start and length.
 */
static bool margin_number(const char *s, size_t len, size_t *ts, size_t *tl, size_t *ns, size_t *nl)
{
	size_t e = len, b, g, i, digits = 0, slashes = 0;
	int d;

	while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	for (b = e; b && s[b - 1] != ' ' && s[b - 1] != '\t'; b--)
		;
	for (i = b; i < e && ascii_is_digit(s[i]); i++)
		;
	if (i == e && e - b <= 3 && b >= 6 && s[b - 1] == ' ' && strncasecmp(s + b - 5, "item", 4) == 0 &&
	    (s[b - 6] == ' ' || s[b - 6] == '\t')) {
		b -= 5;	/* a US township's agenda: "CALL TO ORDER / PLEDGE OF ALLEGIANCE      Item 1" */
	} else {
		if (e - b < 3 || e - b > 12)
			return false;
		for (i = b; i < e && ascii_is_upper(s[i]); i++)
			;
		if (i - b > 4)
			return false;
		for (; i < e; i++) {
			if (ascii_is_digit(s[i]))
				digits++;
			else if (s[i] == '/' && digits && i + 1 < e)
				slashes++;
			else
				return false;
		}
		if (slashes != 1 || date_parse(s + b, e - b, &d, NULL))
			return false;
	}
	for (g = b; g && (s[g - 1] == ' ' || s[g - 1] == '\t'); g--)
		;
	if (b - g < 5 && !memchr(s + g, '\t', b - g))
		return false;
	*ts = skip_blanks(s, g, 0);
	if (*ts >= g || !ascii_is_upper(s[*ts]) || g - *ts < 3 || g - *ts > 120 || s[g - 1] == '.' ||
	    is_mover_pair(s + *ts, g - *ts) || is_mover_line(s + *ts, g - *ts))
		return false;	/* South Australia: "Moved Cr A      Seconded Cr B      2024/061" is a resolution's */
	*tl = g - *ts;
	*ns = b;
	*nl = e - b;
	return true;
}

/*
 * Minute numbers in the right margin, on two lines or more, move to their
 * lines' starts ("45/24 APOLOGIES FOR ABSENCE", the gap's spaces after
 * it): offsets and lengths stay, and the headings read as numbered ones.
 * One such line alone (a "24/25" closing a table row) is left as it is.
 */
static void margin_numbers_first(struct fparse *p, char *t)
{
	size_t found = 0, ts, tl, ns, nl;

	for (size_t k = 0; k < p->n_lines && found < 2; k++)
		if (!(p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING)) &&
		    margin_number(t + p->lines[k].off, p->lines[k].len, &ts, &tl, &ns, &nl))
			found++;
	if (found < 2)
		return;
	for (size_t k = 0; k < p->n_lines; k++) {
		char *s = t + p->lines[k].off, num[16];

		if ((p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
		    !margin_number(s, p->lines[k].len, &ts, &tl, &ns, &nl))
			continue;
		memcpy(num, s + ns, nl);
		memset(s + ns, ' ', nl);
		memmove(s + ts + nl + 1, s + ts, tl);
		memcpy(s + ts, num, nl);
		s[ts + nl] = ' ';
	}
}

/* ---- chain selection -------------------------------------------------- */

struct chain_slot {
	unsigned long long key;  /* 0 = empty */
	double score;            /* best chain score ending at idx */
	long idx;                /* candidate index */
};

static unsigned long long chain_key(const struct cand *c, long major, int minor)
{
	unsigned long long g = ((unsigned long long)c->scheme * 1000003ULL + c->prefix) ^
			       ((unsigned long long)c->code << 24);

	return ((g << 36) ^ ((unsigned long long)(major & 0xffffff) << 12) ^ (unsigned)minor) * 2 + 1;
}

static struct chain_slot *chain_find(struct chain_slot *tab, size_t cap, unsigned long long key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);

	while (tab[i].key && tab[i].key != key)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void chain_offer(struct chain_slot *tab, size_t cap, unsigned long long key, double score, long idx)
{
	struct chain_slot *s = chain_find(tab, cap, key);

	if (!s->key || score > s->score) {
		s->key = key;
		s->score = score;
		s->idx = idx;
	}
}

/* Offer slot s as candidate i's predecessor unless the link jumps a restart. */
static bool passes_higher(struct chain_slot *tab, size_t cap, const struct cands *cs, long j, size_t i);

static void chain_consider(struct chain_slot *tab, size_t cap, const struct cands *cs, size_t i,
			   const struct chain_slot *s, double *bs, long *bi)
{
	if (s->key && s->score > *bs && !passes_higher(tab, cap, cs, s->idx, i)) {
		*bs = s->score;
		*bi = s->idx;
	}
}

/* The best chain slot among the keys of candidate i's possible predecessors. */
static void chain_best_prev(const struct cands *cs, size_t i, struct chain_slot *tab, size_t cap,
			    double *bs, long *bi)
{
	const struct cand *c = &cs->v[i];
	int sub1 = c->minor / MINOR_SUB, sub2 = c->minor % MINOR_SUB;
	int want[6], n = 0;

	/* another item: any number up to FIELD_ITEM_GAP below, any sub-number (but
	 * "9.2" follows its "9.1" or "9", not a resolution's list's "2.") */
	for (long d = 1; d <= FIELD_ITEM_GAP && c->major - d >= 0 && sub1 <= 1 && sub2 <= 1; d++)
		chain_consider(tab, cap, cs, i, chain_find(tab, cap, chain_key(c, c->major - d, MINOR_ANY)), bs, bi);
	/* a sub-item: its parent, or the sibling (and its children) one or two before */
	if (sub2) {
		want[n++] = sub1 * MINOR_SUB;
		for (int d = 1; d <= 2 && sub2 - d >= 1; d++)
			want[n++] = sub1 * MINOR_SUB + sub2 - d;
	} else if (sub1) {
		want[n++] = 0;
		for (int d = 1; d <= 2 && sub1 - d >= 1; d++)
			want[n++] = (sub1 - d) * MINOR_SUB + MINOR_ANY_SUB2;
	}
	for (int k = 0; k < n; k++)
		chain_consider(tab, cap, cs, i, chain_find(tab, cap, chain_key(c, c->major, want[k])), bs, bi);
}

enum { CAND_LIVE = 0, CAND_CHOSEN, CAND_DEAD, CAND_OUT };

/*
 * Latest live candidates seen so far in a best_chain pass, by number: the
 * link checks below look them up instead of scanning what lies between.
 * Kept in the chain table under keys of their own (LATEST_SALT).
 */
static const unsigned long long LATEST_SALT = 0x5bd1e995ULL << 40;

static long latest_idx(struct chain_slot *tab, size_t cap, const struct cand *c, long major, int minor)
{
	struct chain_slot *s = chain_find(tab, cap, chain_key(c, major, minor) ^ LATEST_SALT);

	return s->key ? s->idx : -1;
}

static void latest_note(struct chain_slot *tab, size_t cap, const struct cand *c, long i)
{
	unsigned long long keys[2] = {
		chain_key(c, c->major, c->minor) ^ LATEST_SALT, chain_key(c, c->major, MINOR_ANY) ^ LATEST_SALT,
	};

	for (size_t k = 0; k < 2; k++) {
		struct chain_slot *s = chain_find(tab, cap, keys[k]);

		s->key = keys[k];
		s->idx = i;
	}
}

/*
 * Would linking candidate j to candidate i jump over the start of a section
 * that restarts the numbering?  It does when i's own number appears between
 * them (the AGM's "8." lies between its "7." and the general meeting's
 * "8."), when a run restarting at 1 (or under it, "1.A") reaches i's
 * predecessor between them (the AGM's "4." is not followed by the general
 * meeting's "5." after its own "1." to "4."), or when i is a sub-item of j
 * and the next item lies between ("1", "2" ... then the second part's
 * "1.A" is not under the first "1"; "7 Chapel Row" wrapped in a title does
 * not count).
 * Constant time: the latest live candidate of each number is kept.
 */
static bool passes_higher(struct chain_slot *tab, size_t cap, const struct cands *cs, long j, size_t i)
{
	const struct cand *c = &cs->v[i];
	long one, prev;

	if (c->major == cs->v[j].major)
		return latest_idx(tab, cap, c, c->major + 1, 0) > j;
	if (latest_idx(tab, cap, c, c->major, c->minor) > j)
		return true;
	one = latest_idx(tab, cap, c, 1, MINOR_ANY);
	prev = latest_idx(tab, cap, c, c->major - 1, MINOR_ANY);
	return one > j && prev > one;
}

/*
 * The best-scoring chain among the live candidates: for each candidate, the
 * best chain ending in it links to an earlier live candidate of the same
 * scheme and prefix whose number is smaller by at most FIELD_ITEM_GAP (or,
 * for a sub-item, its parent or an earlier sibling).  Lookups go through a
 * hash of (scheme, prefix, number, sub-number), so this is linear in the
 * number of candidates.  Returns the last candidate of the chain, -1 when
 * no candidate is live.  With from_one, only chains that start at 1 (A, a,
 * I) are made.
 */
static long best_chain(struct cands *cs, const unsigned char *state, struct chain_slot *tab, size_t cap,
		       bool from_one)
{
	long best = -1;

	memset(tab, 0, cap * sizeof *tab);
	for (size_t i = 0; i < cs->n; i++) {
		struct cand *c = &cs->v[i];
		double bs = 0;
		long bi = -1;

		if (state[i])
			continue;
		chain_best_prev(cs, i, tab, cap, &bs, &bi);
		latest_note(tab, cap, c, (long)i);
		if (bi < 0 && from_one && c->major != 1)
			continue;	/* a further chain starts at 1 (A, a, I; "1.A") */
		c->score = bs + c->weight;
		c->prev = bi;
		chain_offer(tab, cap, chain_key(c, c->major, c->minor), c->score, (long)i);
		chain_offer(tab, cap, chain_key(c, c->major, c->minor / MINOR_SUB * MINOR_SUB + MINOR_ANY_SUB2),
			    c->score, (long)i);
		chain_offer(tab, cap, chain_key(c, c->major, MINOR_ANY), c->score, (long)i);
		if (best < 0 || c->score > cs->v[best].score)
			best = (long)i;
	}
	return best;
}

/* Sections an agenda restarts its numbering in ("I" 1-3, "II" 1-10 (a)-(i) ...). */
enum { FIELD_CHAINS_MAX = 24 };
/* Chains looked at and refused before giving up: bounds the work on junk. */
enum { FIELD_CHAIN_TRIES = 64 };


/*
 * Is the chain ending at `last` (n candidates) a further numbering of the
 * document: a section that restarts at 1 (or A, a, I, or under 1: "1.A"),
 * or sub-items, whose headings read as headings (not numbered paragraphs of
 * prose)?
 */
static bool is_further_chain(const struct cands *cs, long last, size_t n, bool agenda_like)
{
	size_t prose = 0, listy = 0, stops = 0, whole = 0, bare = 0, moved = 0;
	long first = last;

	for (long i = last; i >= 0; i = cs->v[i].prev) {
		prose += cs->v[i].prose;
		listy += cs->v[i].listy;
		stops += cs->v[i].last == '.';
		whole += cs->v[i].major >= 2 && cs->v[i].minor == 0;
		bare += i != last && cs->v[i].entry_only;
		moved += cs->v[i].moved;
		first = i;
	}
	if (n == 1 && cs->v[first].labelled && cs->v[first].major == 1 && !cs->v[first].minor)
		return true;	/* a section's only "Subject   A. Adjourn" */
	if (n < 2 || prose * 2 >= n || listy)
		return false;
	if (cs->v[first].scheme == SCHEME_ALPHA_LC && (stops * 2 >= n || (!agenda_like && (stops || bare || moved < n))))
		return false;	/* "a) Note the forecast." "b) Agree ...": points in minutes' text; but
				 * headings with a motion of their own under each are sub-items (Ontario:
				 * "a)  Purchase of Tandem Plow Truck" / "Moved by: ..." / its resolution) */
	if (cs->v[first].major == 1 && cs->v[first].minor == 0)
		return true;
	/* a second meeting in the file that restarts under 1 and goes on to 2:
	 * "1.A", "1.B", "2", "3" (numbered paragraphs, "1.1" "1.2" "2.1", do not) */
	return cs->v[first].major == 1 && n >= 4 && whole >= 2;
}

/*
 * Choose the items: the best chain first (see best_chain), then, while
 * there are any, further chains that restart the numbering or number
 * sub-items (is_further_chain), each time leaving out the first chain's
 * own scheme inside its span (citations of other items).  The chosen
 * indices, in document order, go to a malloc'd *out.
 */
/*
 * The chains of candidates [lo, hi) (others are CAND_OUT meanwhile): the
 * best chain first (see best_chain), then, while there are any, further
 * chains that restart the numbering or number sub-items (is_further_chain),
 * each time leaving out the chosen scheme inside the chosen span
 * (citations of other items).  Chosen candidates become CAND_CHOSEN.
 */
static void select_range(struct cands *cs, unsigned char *state, struct chain_slot *tab, size_t cap,
			 size_t lo, size_t hi, bool agenda_like, bool in_section)
{
	size_t chains = 0, tries = 0;

	for (size_t i = 0; i < cs->n; i++)
		if ((i < lo || i >= hi) && state[i] == CAND_LIVE)
			state[i] = CAND_OUT;
	while (chains < FIELD_CHAINS_MAX && tries < FIELD_CHAIN_TRIES) {
		long best = best_chain(cs, state, tab, cap, chains > 0), first = best;
		size_t n = 0;

		if (best < 0)
			break;
		for (long i = best; i >= 0; i = cs->v[i].prev) {
			n++;
			first = i;
		}
		if (chains == 0) {
			/* one weak heading on its own is more likely prose than an item,
			 * unless it is a short "23/12 Clerk's appraisal" after a blank line */
			if (n < 2 && cs->v[best].score < 2.0 &&
			    !(cs->v[best].lone_ok && cs->v[best].score >= 1.5) &&
			    !(in_section && cs->v[best].major == 1 && !cs->v[best].minor && !cs->v[best].prose))
				break;	/* but a section's only item, "IV. NEW BUSINESS" / "A. Award of ..." */
		} else if (!is_further_chain(cs, best, n, agenda_like)) {
			for (long i = best; i >= 0; i = cs->v[i].prev)
				state[i] = CAND_DEAD;
			tries++;
			continue;
		}
		for (long i = best; i >= 0; i = cs->v[i].prev)
			state[i] = CAND_CHOSEN;
		chains++;
		for (size_t i = lo; i < hi; i++) {
			const struct cand *c = &cs->v[i];

			if (state[i] != CAND_LIVE)
				continue;
			/* another reading of a chosen line (readings are pushed side by side);
			 * or the chosen scheme cited inside its span */
			if ((i > 0 && state[i - 1] == CAND_CHOSEN && cs->v[i - 1].line == c->line) ||
			    (i + 1 < cs->n && state[i + 1] == CAND_CHOSEN && cs->v[i + 1].line == c->line))
				state[i] = CAND_DEAD;
			else if (c->line >= cs->v[first].line && c->line <= cs->v[best].line &&
			    c->scheme == cs->v[best].scheme && c->prefix == cs->v[best].prefix &&
			    c->code == cs->v[best].code)
				state[i] = CAND_DEAD;
		}
	}
	for (size_t i = 0; i < cs->n; i++)
		if (state[i] == CAND_OUT)
			state[i] = CAND_LIVE;
}

/*
 * A number printed twice by mistake ("4. Talk by Mrs Greenslade" ... "4. Any
 * other business" at the end): a candidate that repeats the chosen heading
 * before it, in the same scheme, at the same indent, looking as much like a
 * heading, with no other number of its scheme between them and nothing
 * lower after it, is an item too.  A chain cannot hold it (numbers move
 * forward), and numbered lists in a body sit between, so they do not count;
 * a second 1 is a section restarting its numbering, left to the chains.
 */
static void choose_repeats(const struct cands *cs, unsigned char *state)
{
	long last = -1, between = 0;

	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *c = &cs->v[i], *l = last >= 0 ? &cs->v[last] : NULL;
		long next = -1;

		if (state[i] == CAND_CHOSEN) {
			last = (long)i;
			between = 0;
			continue;
		}
		if (!l || c->line == l->line || c->scheme != l->scheme || c->prefix != l->prefix ||
		    c->code != l->code)
			continue;
		if (between++ || c->major != l->major || c->major < 2 || c->minor != l->minor || c->prose ||
		    c->listy || c->title_off != l->title_off || c->weight < l->weight)
			continue;
		for (size_t k = i + 1; k < cs->n && next < 0; k++)
			if (state[k] == CAND_CHOSEN && cs->v[k].scheme == c->scheme)
				next = (long)k;
		if (next >= 0 && cs->v[next].major <= c->major)
			continue;
		state[i] = CAND_CHOSEN;
		last = (long)i;
		between = 0;
	}
}

/*
 * Sections: an agenda in parts "I." "II." "III." whose items restart at 1
 * in each.  When the Roman candidates make a chain from I of two or more,
 * it is chosen and returned (its candidate indices in document order, in
 * *sec, count in *n_sec); each section's items are then chosen on their
 * own, so no chain runs from one section's 1 into the next one's 2.
 */
static size_t sections_of(struct cands *cs, unsigned char *state, struct chain_slot *tab, size_t cap,
			  size_t *sec, size_t max, unsigned scheme)
{
	long best, first;
	size_t n = 0;

	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].scheme != scheme && state[i] == CAND_LIVE)
			state[i] = CAND_OUT;
	best = best_chain(cs, state, tab, cap, true);
	first = best;
	for (long i = best; i >= 0; i = cs->v[i].prev) {
		n++;
		first = i;
	}
	for (size_t i = 0; i < cs->n; i++)
		if (state[i] == CAND_OUT)
			state[i] = CAND_LIVE;
	if (best < 0 || n < 2 || n > max || cs->v[first].major != 1)
		return 0;
	for (long i = best, k = (long)n; i >= 0; i = cs->v[i].prev)
		sec[--k] = (size_t)i;
	return n;
}

/*
 * Lettered sections whose numbered items restart under each letter (US
 * minutes: "E. CONSENT CALENDAR" / "1. ..." "2. ...", "F. PUBLIC HEARINGS"
 * / "1. ..."): three letters or more from A, no second A, and items
 * numbered 1 under two of them at least.  Sections whose numbers run on
 * ("5. Consent", "A.", "B.", "6. ...") are not these.
 */
static bool letters_are_sections(const struct cands *cs, const size_t *sec, size_t n)
{
	size_t restarts = 0;

	if (n < 3)
		return false;
	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].scheme == SCHEME_ALPHA && cs->v[i].major == 1 && i != sec[0])
			return false;
	for (size_t k = 0; k < n; k++) {
		size_t end = k + 1 < n ? sec[k + 1] : cs->n;

		for (size_t i = sec[k] + 1; i < end; i++)
			if (cs->v[i].scheme == SCHEME_INT && cs->v[i].major == 1 && !cs->v[i].minor) {
				restarts++;
				break;
			}
	}
	return restarts >= 2;
}

static size_t select_sections(struct cands *cs, unsigned char *state, struct chain_slot *tab, size_t cap,
			      size_t *sec, size_t max)
{
	size_t n = sections_of(cs, state, tab, cap, sec, max, SCHEME_ROMAN);
	unsigned scheme = SCHEME_ROMAN;

	if (!n) {
		n = sections_of(cs, state, tab, cap, sec, max, SCHEME_ALPHA);
		if (!letters_are_sections(cs, sec, n))
			return 0;
		scheme = SCHEME_ALPHA;
	}
	for (size_t k = 0; k < n; k++)
		state[sec[k]] = CAND_CHOSEN;
	for (size_t i = 0; i < cs->n; i++)
		if (state[i] == CAND_LIVE && (cs->v[i].scheme == scheme ||
					      (i > 0 && state[i - 1] == CAND_CHOSEN && cs->v[i - 1].line == cs->v[i].line)))
			state[i] = CAND_DEAD;	/* other numbers of the scheme; "I." and "V." read as letters */
	return n;
}

/*
 * Choose the items (sections, then each section's chains; see above).  The
 * chosen indices, in document order, go to a malloc'd *out.
 */
/* Does s end with a sum of money: a currency sign, digits and commas, and pence or cents ("£1,204.50")? */
static bool ends_with_sum(const char *s, size_t len)
{
	size_t i;

	text_trim(&s, &len);
	if (len < 5 || !ascii_is_digit(s[len - 1]) || !ascii_is_digit(s[len - 2]) || s[len - 3] != '.')
		return false;
	for (i = len - 3; i > 0 && (ascii_is_digit(s[i - 1]) || s[i - 1] == ','); i--)
		;
	if (i == len - 3)
		return false;
	return (i >= 1 && (s[i - 1] == '$' || s[i - 1] == '\xa3')) ||	/* "$", the second byte of UTF-8 "£" */
	       (i >= 3 && memcmp(s + i - 3, "\xe2\x82\xac", 3) == 0);	/* "€" */
}

/*
 * Set each candidate's entry_only (only blank lines before the next
 * candidate's line, or the text's end) and sum_end.
 */
static void mark_entries(const struct fparse *p, struct cands *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		size_t next = p->n_lines;

		cs->v[i].sum_end = ends_with_sum(p->t + p->lines[cs->v[i].line].off, p->lines[cs->v[i].line].len);

		for (size_t j = i + 1; j < cs->n; j++)
			if (cs->v[j].line > cs->v[i].line) {
				next = cs->v[j].line;
				break;
			}
		cs->v[i].entry_only = true;
		for (size_t q = cs->v[i].title_line + 1; q < next && cs->v[i].entry_only; q++)
			cs->v[i].entry_only = (p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING)) != 0;
		for (size_t q = cs->v[i].title_line + 1; q < next && q < cs->v[i].title_line + 12 && !cs->v[i].moved; q++) {
			static const char *const opens[] = { "moved", "resolution no", "resolved", "be it resolved", "it was moved" };
			const char *t = p->t + p->lines[q].off;
			size_t tl = p->lines[q].len;

			text_trim(&t, &tl);
			for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
				cs->v[i].moved = cs->v[i].moved || text_starts_ci(t, tl, opens[k]);
		}
	}
}

/*
 * A numbered list inside an item (`3. Finance` / `The following payments
 * were approved:` / `1. Clerk's salary   £450.00` / `2. HMRC   £112.50`
 * / ... / `4. Planning`): a run from 1 after a line ending in a colon,
 * its entries with nothing but blank lines between them (entry_only),
 * between an item and the item numbered one more.  Its entries are no
 * items, and they must not read as a second meeting's numbering that the
 * next item would jump (they become CAND_DEAD).  A second meeting's items
 * have text under them.
 */
/* Are a and b whole numbers of one numbering (scheme, letter code and year part)? */
static bool same_numbering(const struct cand *a, const struct cand *b)
{
	return a->scheme == b->scheme && a->code == b->code && a->prefix == b->prefix && !a->minor && !b->minor;
}

static void drop_nested_lists(const struct cands *cs, unsigned char *state)
{
	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *r = &cs->v[i];
		size_t j = i, m;
		long k;

		if (r->major != 1 || r->minor || !(r->listy || r->sum_end) || r->scheme != SCHEME_INT)
			continue;	/* after a colon, or a list of payments */
		while (j + 1 < cs->n && cs->v[j].entry_only && same_numbering(&cs->v[j + 1], r) &&
		       cs->v[j + 1].major == cs->v[j].major + 1)
			j++;
		if (j == i || (!r->listy && !cs->v[i + 1].sum_end))
			continue;
		{
			/* every entry a sum of money: payments, whatever numbers the items around them have
			 * (US: "B. Approval of Bills Payable" / "1. General Fund - $212,450.18") */
			bool sums = true;

			for (size_t q = i; q <= j && sums; q++)
				sums = cs->v[q].sum_end;
			if (sums) {
				for (size_t q = i; q <= j; q++)
					state[q] = CAND_DEAD;
				i = j;
				continue;
			}
		}
		for (k = (long)i - 1; k >= 0; k--)
			if (same_numbering(&cs->v[k], r))
				break;
		if (k < 0 || cs->v[k].major < 1)
			continue;
		/* the longest run that the item numbered after the list's own item follows
		 * ("3. Hall hire" / "" / "4. Planning" ends the list at 3) */
		for (; j > i; j--) {
			for (m = j + 1; m < cs->n; m++)
				if (same_numbering(&cs->v[m], r) && cs->v[m].major == cs->v[k].major + 1)
					break;
			if (m < cs->n)
				break;
		}
		if (j == i)
			continue;
		for (size_t q = i; q <= j; q++)
			state[q] = CAND_DEAD;
		i = j;
	}
}

/* Is a an item of a numbering with a year part, dots or a letter code that b follows? */
static bool coded_next(const struct cand *a, const struct cand *b)
{
	return !a->minor && same_numbering(a, b) && b->major == a->major + 1 &&
	       (a->scheme == SCHEME_SLASH || a->scheme == SCHEME_SLASH_YEAR || a->scheme == SCHEME_DOTTED ||
		(a->scheme == SCHEME_INT && (a->code || a->prefix)));
}

/*
 * A numbered list inside an item of another numbering (`PH/24/022
 * Highways` / `1. Mill Street parking - ...` / `2. Gritting bins - ...` /
 * `PH/24/023 Date of next meeting`): a run of whole numbers from 1, its
 * entries with nothing but blank lines between them, lying alone between
 * two items numbered one after the other in a numbering with a year part,
 * dots or a letter code.  Its entries are points of that item (CAND_DEAD).
 * Lettered or Roman sections over numbered items are not such a numbering
 * (US: `A. Consent Calendar` / `1. Minutes` / `B. New Business`).
 */
static void drop_lists_in_coded_items(const struct cands *cs, unsigned char *state)
{
	for (size_t i = 1; i < cs->n; i++) {
		const struct cand *r = &cs->v[i];
		size_t j = i, before = cs->v[i - 1].line, after;
		bool inside = false;

		if (r->major != 1 || r->minor || r->scheme != SCHEME_INT || r->code || r->prefix ||
		    state[i] == CAND_DEAD)
			continue;
		while (j + 1 < cs->n && cs->v[j].entry_only && same_numbering(&cs->v[j + 1], r) &&
		       cs->v[j + 1].major == cs->v[j].major + 1)
			j++;
		if (j == i || j + 1 >= cs->n || !cs->v[j].entry_only)
			continue;
		after = cs->v[j + 1].line;
		/* a heading may read two ways ("PH/24/022": number 22 of 2024, or 24 of year 22) */
		for (size_t x = i; x-- > 0 && cs->v[x].line == before && !inside;)
			for (size_t y = j + 1; y < cs->n && cs->v[y].line == after && !inside; y++)
				inside = coded_next(&cs->v[x], &cs->v[y]);
		if (!inside)
			continue;
		for (size_t q = i; q <= j; q++)
			state[q] = CAND_DEAD;
		i = j;
	}
}

static int select_item_chain(struct cands *cs, bool agenda_like, size_t **out, size_t *n_out)
{
	struct chain_slot *tab;
	unsigned char *state;
	size_t cap = 64, n_chosen = 0, sec[FIELD_CHAINS_MAX], n_sec;

	*out = NULL;
	*n_out = 0;
	if (!cs->n)
		return CM_OK;
	while (cap < cs->n * 8)
		cap *= 2;
	tab = malloc(cap * sizeof *tab);
	state = calloc(cs->n, 1);
	if (!tab || !state) {
		free(tab);
		free(state);
		return CM_ENOMEM;
	}
	drop_nested_lists(cs, state);
	drop_lists_in_coded_items(cs, state);
	n_sec = select_sections(cs, state, tab, cap, sec, FIELD_CHAINS_MAX);
	if (!n_sec) {
		select_range(cs, state, tab, cap, 0, cs->n, agenda_like, false);
	} else {
		select_range(cs, state, tab, cap, 0, sec[0], agenda_like, false);
		for (size_t k = 0; k < n_sec; k++)
			select_range(cs, state, tab, cap, sec[k] + 1, k + 1 < n_sec ? sec[k + 1] : cs->n,
				     agenda_like, true);
	}
	free(tab);
	choose_repeats(cs, state);
	for (size_t i = 0; i < cs->n; i++)
		n_chosen += state[i] == CAND_CHOSEN;
	if (n_chosen) {
		*out = malloc(n_chosen * sizeof **out);
		if (!*out) {
			free(state);
			return CM_ENOMEM;
		}
		for (size_t i = 0, k = 0; i < cs->n; i++)
			if (state[i] == CAND_CHOSEN)
				(*out)[k++] = i;
		*n_out = n_chosen;
	}
	free(state);
	return CM_OK;
}

static size_t list_marker(const char *s, size_t len);
static size_t column_gap(const char *s, size_t len, size_t *rest);
static bool decision_marker(const char *s, size_t len, size_t *rest);

/* The first bytes of candidate c's title, up to a column gap: what a contents list repeats. */
static size_t title_head(const struct fparse *p, const struct cand *c, const char **at)
{
	const struct fline *l = &p->lines[c->title_line];
	const char *s = p->t + l->off + c->title_off;
	size_t len = l->len - c->title_off, rest, gap = column_gap(s, len, &rest);

	if (gap)
		len = gap;
	text_trim(&s, &len);
	*at = s;
	return len < 24 ? len : 24;
}

/* Do the title lines of candidates a and b share a word of four letters or more ("apologies")? */
static bool titles_share_word(const struct fparse *p, const struct cand *a, const struct cand *b)
{
	const char *sa = p->t + p->lines[a->title_line].off + a->title_off;
	size_t la = p->lines[a->title_line].len - a->title_off;
	const char *sb = p->t + p->lines[b->title_line].off + b->title_off;
	size_t lb = p->lines[b->title_line].len - b->title_off;

	for (size_t i = 0; i < la;) {
		size_t e = i;

		while (e < la && ascii_is_alpha(sa[e]))
			e++;
		if (e - i >= 4) {
			for (size_t j = 0; j + (e - i) <= lb; j++)
				if ((j == 0 || !ascii_is_alpha(sb[j - 1])) && strncasecmp(sb + j, sa + i, e - i) == 0 &&
				    (j + (e - i) == lb || !ascii_is_alpha(sb[j + (e - i)])))
					return true;
		}
		i = e < la ? e + 1 : la;
	}
	return false;
}

/*
 * An agenda's or a front sheet's contents list (a table of item numbers,
 * titles and pages) read as items before the same items in the body: when
 * the chosen items begin with a run, one item a line or two apart, whose
 * numbers and titles the next run of as many repeats in order, the first
 * run is the contents and is dropped; so is a first run that is a bare
 * list (nothing under its entries) repeated by numbers in other words that
 * share a word with its own, for two titles in three ("1. To receive
 * apologies for absence" / ... / "1. Apologies" / "Cllr G Hay sent
 * apologies.").
 */
static void drop_contents_list(const struct fparse *p, const struct cands *cs, size_t *chain, size_t *n)
{
	size_t h = 1, retitled = 0, bare = 0, bodied = 0, related = 0;

	while (h < *n && cs->v[chain[h]].line <= cs->v[chain[h - 1]].line + 2 &&
	       strcmp(cs->v[chain[h]].num, cs->v[chain[0]].num) != 0)
		h++;
	if (h < 2 || 2 * h > *n)
		return;
	for (size_t i = 0; i < h; i++) {
		const struct cand *a = &cs->v[chain[i]], *b = &cs->v[chain[h + i]];
		const char *ta, *tb;
		size_t la = title_head(p, a, &ta), lb = title_head(p, b, &tb);

		if (strcmp(a->num, b->num) != 0)
			return;
		if (la != lb || strncasecmp(ta, tb, la) != 0) {
			retitled++;
			related += titles_share_word(p, a, b);
		}
		bare += a->entry_only;
		bodied += !b->entry_only;
	}
	/* titles reworded ("To receive apologies" / "Apologies"): still the contents when
	 * the first run is a bare list and the second has text under most of its items */
	if (retitled && !(bare + 1 >= h && 2 * bodied >= h && 3 * related >= 2 * retitled))
		return;
	memmove(chain, chain + h, (*n - h) * sizeof *chain);
	*n -= h;
}

/*
 * Does candidate c carry a sentence that reports what happened rather than
 * a title: a line ending in a full stop with a verb of the record in it
 * ("The Head of Audit presented the report.", "Apologies were received
 * ..."), or "None." or "Nil."?  Not an agenda's item written as an order
 * ("Approve the minutes of the February 27, 2024 regular meeting."), nor a
 * long title wrapped onto a line in lower case ("... Change of use to a
 * house in" / "multiple occupation").
 */
static bool carries_sentence(const struct fparse *p, const struct cand *c)
{
	static const char *const verbs[] = {
		" was ", " were ", " had ", " has ", " have ", " noted", " reported", " presented", " received",
		" agreed", " confirmed", " discussed", " reviewed", " explained", " advised", " thanked",
		" welcomed", " informed", " updated", " said ", " asked",
	};
	const struct fline *l = &p->lines[c->title_line];
	const char *s = p->t + l->off + c->title_off;
	size_t len = l->len - c->title_off;

	text_trim(&s, &len);
	if (!len || s[len - 1] != '.')
		return false;
	if (len <= 5 && (text_starts_ci(s, len, "none") || text_starts_ci(s, len, "nil")))
		return true;
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
		if (text_find_ci(s, len, verbs[k]) < len)
			return true;
	return false;
}

/*
 * Numbered paragraphs under numbered headings ("3.0 INTERNAL AUDIT" /
 * "3.1 The Head of Audit presented the report." / "3.2 RESOLVED ..."): when
 * most sub-numbers (two thirds, and three or more) carry a sentence
 * (carries_sentence) and two or more headings are whole numbers, those
 * sentences are their items' text and leave the chain.
 */
static void drop_numbered_paragraphs(const struct fparse *p, const struct cands *cs, size_t *chain, size_t *n)
{
	size_t subs = 0, prose = 0, whole = 0, kept = 0;

	for (size_t i = 0; i < *n; i++) {
		const struct cand *c = &cs->v[chain[i]];

		if (!c->minor) {
			whole++;
			continue;
		}
		subs++;
		prose += carries_sentence(p, c);
	}
	if (whole < 2 || prose < 3 || prose * 3 < subs * 2)
		return;
	for (size_t i = 0; i < *n; i++) {
		const struct cand *c = &cs->v[chain[i]];

		if (!c->minor || !carries_sentence(p, c))
			chain[kept++] = chain[i];
	}
	*n = kept;
}

/*
 * Paragraphs numbered straight through under "Item N:" headings (Hong
 * Kong's district councils: "Item 2: Proposal to Improve ..." / "3.  Mr
 * CHEUNG introduced the paper." / "4.  Mr TSANG responded ..."): when two
 * or more items numbered with a word run one after another and most plain
 * numbers (two thirds, three or more) are paragraphs (full-width lines
 * running on, or sentences), the plain numbers all leave the candidates:
 * they number the paragraphs, and would out-number the items they are the
 * text of.
 */
static void drop_paragraphs_under_worded_items(const struct fparse *p, struct cands *cs)
{
	size_t worded = 0, plain = 0, para = 0, kept = 0;
	long last = -1;

	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *c = &cs->v[i];

		if (c->worded && c->scheme == SCHEME_INT && !c->minor) {
			worded += last < 0 || c->major == last + 1;
			last = c->major;
		} else if (!c->worded && c->scheme == SCHEME_INT && !c->minor && !c->code && !c->prefix) {
			plain++;
			para += c->prose || carries_sentence(p, c);
		}
	}
	if (worded < 2 || para < 3 || para * 3 < plain * 2)
		return;
	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *c = &cs->v[i];

		if (c->worded || c->scheme != SCHEME_INT || c->minor || c->code || c->prefix)
			cs->v[kept++] = *c;
	}
	cs->n = kept;
}

/*
 * Does the title line of c end with a page number after a column's gap
 * ("1.    Meeting Conduct                 5", "2. Minutes     7 - 12"):
 * a table of contents' entry?
 */
static bool ends_with_page_number(const struct fparse *p, const struct cand *c)
{
	const char *s = p->t + p->lines[c->title_line].off;
	size_t len = p->lines[c->title_line].len, d = 0, e;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	e = len;
	while (len && (ascii_is_digit(s[len - 1]) || s[len - 1] == ' ' || s[len - 1] == '-')) {
		d += ascii_is_digit(s[len - 1]);
		len--;
		if (len + 3 < e && s[len] == ' ' && s[len + 1] == ' ')
			break;	/* the gap is reached */
	}
	while (len && s[len - 1] == ' ')
		len--;
	return d && d <= 6 && e - len >= 4 && len > c->title_off && memcmp(s + len, "   ", 3) == 0;
}

/*
 * Minutes that open with their table of contents ("TABLE OF CONTENTS" /
 * "1.    Meeting Conduct       5" / ... / "1.    Meeting Conduct" /
 * "1.1   Karakia"): an entry ending with its page number, whose number and
 * title come again further down, is no item; the heading further down is.
 */
static void drop_contents_entries(const struct fparse *p, struct cands *cs)
{
	size_t kept = 0;

	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *c = &cs->v[i];
		bool again = false;

		for (size_t j = i + 1; j < cs->n && !again && ends_with_page_number(p, c); j++) {
			const char *ta, *tb;
			size_t la = title_head(p, c, &ta), lb = title_head(p, &cs->v[j], &tb);

			again = cs->v[j].line > c->line && strcmp(cs->v[j].num, c->num) == 0 && la == lb &&
				strncasecmp(ta, tb, la) == 0 && !ends_with_page_number(p, &cs->v[j]);
		}
		if (!again)
			cs->v[kept++] = *c;
	}
	cs->n = kept;
}

/* ---- titles, bodies and resolutions ---------------------------------- */

struct span {
	size_t title_end;   /* last line of the title (inclusive) */
	size_t body_line;   /* first body line */
	size_t body_off;    /* offset in body_line where the body starts */
	size_t end;         /* first line after the item */
	size_t side_col;    /* side headings: the column the minute's text starts at; else 0 */
};

/*
 * The offset past a side column's cell on a body line ("RES. 24-215" /
 * "Borrowing Bylaw" beside the minute's text at col): its text after the
 * gap, the line's end when the cell is all it holds; 0 when the line has
 * no such cell (no side column, or text that starts near col).
 */
static size_t past_side_cell(const char *s, size_t len, size_t col)
{
	size_t lead = skip_blanks(s, len, 0);

	if (!col || lead >= len || lead + 2 >= col)
		return 0;
	for (size_t j = lead; j < len; j++)
		if ((s[j] == ' ' && j + 1 < len && s[j + 1] == ' ') || s[j] == '\t')
			return j + 1 < col ? skip_blanks(s, len, j) : 0;
	return len < col ? len : 0;
}

/* Offset of "**" in s[from..len), or len. */
static size_t find_bold(const char *s, size_t len, size_t from)
{
	for (size_t i = from; i + 1 < len; i++)
		if (s[i] == '*' && s[i + 1] == '*')
			return i;
	return len;
}

static size_t count_bold(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '*' && s[i + 1] == '*') {
			n++;
			i++;
		}
	return n;
}

/*
 * Can line k carry on a wrapped title?  Short, not a sentence, list, label,
 * decision or name.  A line in lower case set under the title after a long
 * line (under_title) may start as a sentence would: "to the Three Lawsuits ...".
 */
/*
 * Does the (trimmed) line s start with a field's label of three words at
 * most in a column of its own (Legistar: "Attachments:   Staff Report",
 * "Enactment No:   RES-24-15")?  Such a line ends a title above it.
 */
static bool is_field_label(const char *s, size_t len)
{
	size_t rest, gap = column_gap(s, len, &rest), words = 1;

	for (size_t i = 0; i < gap; i++)
		words += s[i] == ' ';
	return gap >= 2 && s[gap - 1] == ':' && words <= 3;
}

static bool is_vote_label(const char *s, size_t len);
static size_t sentence_end(const char *s, size_t len, size_t from);

/*
 * May line k carry a title on from the line above: not a sentence's start,
 * a label, a list or a table's row, and no full stop at its end unless the
 * title's sentence ends there (in lower case under the title's column,
 * under_title; or after a line that must go on, runs_on: "... of the Code
 * of" / "Ordinances regarding speed limits.").
 */
static bool is_title_tail(const struct fparse *p, size_t k, bool under_title, bool runs_on)
{
	static const char *const not_tails[] = {
		"none", "nil", "noted", "n/a", "no ", "resolved", "report of", "report by", "to ",
		"cllr", "councillor", "mr ", "mrs ", "ms ", "dr ", "present", "apologies", "(",
		"moved by", "moved:", "seconded", "proposed by", "attachment", "enclosure", "resolution no",
		/* the first words of a sentence, not of a title's second line */
		"there ", "these ", "this ", "it was", "it is", "they ", "we ", "members ", "all ",
		"the council ", "the committee ", "the clerk ", "the chair",
		/* a letter's close under an agenda's last item */
		"yours sincerely", "yours faithfully", "yours truly", "kind regards",
	};
	const struct fline *l = &p->lines[k];
	const char *s = p->t + l->off;
	size_t len = l->len;
	char last;

	if (l->flags & (FLINE_BLANK | FLINE_RUNNING | FLINE_ITEMREF))
		return false;
	text_trim(&s, &len);
	if (len > 2 && s[0] == '-' && s[1] == ' ' && (ascii_is_upper(s[2]) || ascii_is_digit(s[2])) && s[len - 1] != '-') {
		s += 2;	/* "6 Child Sexual Exploitation" / "- Annual Update" */
		len -= 2;
	}
	if (len > 100 || bullet_at(s, len, 0) || list_marker(s, len) || s[0] == '#' || s[0] == '*')
		return false;
	if (is_field_label(s, len))
		return false;
	{
		/* a motion's record: "MOTION: Commissioner Marsh      SECOND: ..." */
		const char *colon = memchr(s, ':', len < 24 ? len : 24);

		if (colon && is_vote_label(s, (size_t)(colon - s)))
			return false;
	}
	last = s[len - 1];
	{
		/* a table row: the first cell is what would carry the title on; it
		 * ends a sentence ("... were approved and signed.<tab>Chair"), not an
		 * abbreviation ("... Historical / Society Inc.<tab>ADOPTED") */
		size_t rest, gap = column_gap(s, len, &rest);

		while (gap && (s[gap - 1] == ' ' || s[gap - 1] == '\t'))
			gap--;
		if (gap >= 2 && s[gap - 1] == '.' && memchr(s, ' ', gap)) {
			size_t w = gap - 1;

			while (w > 0 && s[w - 1] != ' ')
				w--;
			if (ascii_is_lower(s[w]))
				return false;
		}
	}
	if ((last == '.' && !((under_title || runs_on) && (ascii_is_lower(s[0]) || runs_on) && sentence_end(s, len, 0) == len) &&
	     !(under_title && len <= 20 && !memchr(s, ' ', len))) ||
	    last == ':' || last == ';' || last == '?' || last == '!')
		return false;	/* but a title's sentence ends on its wrapped line: "... an ordinance of the City" /
				 * "of Loma Verde, Texas, amending Chapter 10.", "... 2024 Regular" / "Meeting." */
	{
		char t[6];
		size_t used;

		if (decision_marker(s, len, &used))
			return false;	/* "9.1 DEVELOPMENT APPLICATION ... WOLLARA" / "RESOLUTION 2023/46" */

		if (date_parse_time(s, len, t, &used) && used + 3 >= len)
			return false;	/* "8:16 PM": when the item ended */
	}
	for (size_t w = 0; w < sizeof not_tails / sizeof *not_tails; w++)
		if (text_starts_ci(s, len, not_tails[w]) && !(under_title && ascii_is_lower(s[0])))
			return false;
	return true;
}

/* Trimmed length of line k. */
static size_t line_tlen(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len;
}

/*
 * Is line j a short fragment (under 70% of the wrap width) followed by a
 * line at least as wide as 80% of it (body text wrapped by a PDF)?
 */
static bool is_short_before_long(const struct fparse *p, size_t j)
{
	size_t a = line_tlen(p, j), b;

	if (j + 1 >= p->n_lines || a * 10 > p->wrap_width * 7)
		return false;
	b = line_tlen(p, j + 1);
	return b * 10 >= p->wrap_width * 8 && b < FIELD_WIDTH_MAX;
}

/* Is line j all the text left before line end (blank and running lines aside)? */
static bool is_whole_body(const struct fparse *p, size_t j, size_t end)
{
	for (size_t q = j + 1; q < end; q++)
		if (!(p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING)))
			return false;
	return true;
}

/* Columns taken by s: UTF-8 continuation bytes take none. */
static size_t text_columns(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* Bytes of line k without its trailing blanks. */
static size_t line_used(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t used = p->lines[k].len;

	while (used && (s[used - 1] == ' ' || s[used - 1] == '\t'))
		used--;
	return used;
}

/* Columns line k reaches, its indent included, its trailing blanks not. */
static size_t line_reach(const struct fparse *p, size_t k)
{
	return text_columns(p->t + p->lines[k].off, line_used(p, k));
}

/*
 * Could line k have been broken before line j's first word by wrapping?
 * Not when line j itself (its first column) reaches well past where that
 * word would have ended on line k (a fifth more, and four columns): the
 * column was wide enough ("1  Minutes of previous meeting" / "   The
 * minutes of the meeting held on 27th September 2012 were approved");
 * nor, when line j is all the item has (whole_body), when the word would
 * have fitted in the left 60% of the text's width
 * ("3   Apologies for Absence" / "    Ian Logan (IL)").  A tail that is not
 * capitalised cannot start a body, and table cells give no width to go by.
 */
static bool line_was_wrapped(const struct fparse *p, size_t k, size_t j, bool whole_body)
{
	const char *s = p->t + p->lines[j].off, *ks = p->t + p->lines[k].off;
	size_t len = p->lines[j].len, lead = skip_blanks(s, len, 0), word = lead;
	size_t gap, rest, need, reach;

	if (lead >= len || !ascii_is_upper(s[lead]) || memchr(ks, '\t', line_used(p, k)) ||
	    memchr(s, '\t', len))
		return true;	/* "- DASZ 31/2016", "of the year", table cells */
	while (word < len && s[word] != ' ')
		word++;
	need = line_reach(p, k) + 1 + text_columns(s + lead, word - lead);
	gap = column_gap(s + lead, len - lead, &rest);
	reach = text_columns(s, gap ? lead + gap : len);
	while (!gap && reach && s[len - 1] == ' ')
		reach--, len--;
	if (reach >= need + need / 5 + 4)
		return false;	/* with room to spare: proportional fonts make counts rough */
	return !whole_body || need * 10 > p->wrap_width * 6;
}

/*
 * A title line k that ends in a connector, then a blank line or two, then
 * a line in lower case on the same page: the title's tail, set apart by a
 * word processor's spacing ("8.4 Approval of Contract with Lakeside College
 * for" / "" / "    the 2024 Summer Reading Program").  Returns that line, or
 * k when there is none.
 */
static size_t lower_tail_after_blank(const struct fparse *p, size_t k, size_t end)
{
	size_t q = k + 1;
	const char *s;
	size_t len, lead;

	while (q < end && q - k <= 2 && (p->lines[q].flags & FLINE_BLANK))
		q++;
	if (q >= end || (p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
	    p->lines[q].page != p->lines[k].page)
		return k;
	s = p->t + p->lines[q].off;
	len = p->lines[q].len;
	lead = skip_blanks(s, len, 0);
	if (lead >= len || !ascii_is_lower(s[lead]) || list_marker(s + lead, len - lead))
		return k;
	return q;
}

/*
 * Is line q the first text of its page, capitalised?  After a page break
 * that is more likely a running header seen too few times to be marked
 * (the one header of a two-page agenda) than a title's tail.
 */
static bool opens_page_capitalised(const struct fparse *p, size_t q)
{
	const char *s = p->t + p->lines[q].off;
	size_t len = p->lines[q].len, lead = skip_blanks(s, len, 0);

	for (size_t j = q; j-- > 0 && p->lines[j].page == p->lines[q].page;)
		if (!(p->lines[j].flags & FLINE_BLANK))
			return false;
	return lead < len && !ascii_is_lower(s[lead]);
}

/*
 * Does the title on line k (from byte from) announce a list that line j,
 * capitalised, starts ("11. To receive the following invoices for payment" /
 * "      Parish Caretaker - to be confirmed")?
 */
static bool announces_list(const struct fparse *p, size_t k, size_t from, size_t j)
{
	const char *s = p->t + p->lines[k].off + from, *js = p->t + p->lines[j].off;
	size_t len = p->lines[k].len - from, jl = p->lines[j].len, lead = skip_blanks(js, jl, 0);

	return lead < jl && !ascii_is_lower(js[lead]) && text_find_ci(s, len, "the following ") < len;
}

/* Column of line k's first character that is not a blank. */
static size_t line_indent(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;

	return text_columns(s, skip_blanks(s, p->lines[k].len, 0));
}

/* Does a word of line k other than its first start at column col? */
static bool word_starts_at_column(const struct fparse *p, size_t k, size_t col)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len, lead = skip_blanks(s, len, 0), c = 0;

	for (size_t i = 0; i < len && c <= col; i++) {
		if (c == col)
			return i > lead && s[i] != ' ' && s[i] != '\t' && (s[i - 1] == ' ' || s[i - 1] == '\t');
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	}
	return false;
}

/*
 * Is line j set under the title of heading line head, after a line (prev)
 * long enough to have wrapped?  A hanging indent (pdftotext -layout:
 * "A    16-0361    Approve the First Amendment to the Agreement" /
 * "                 with Vole and Teal LLP for Legal Services"): line j
 * starts where a word of the heading after its first does.
 */
static bool is_under_title(const struct fparse *p, size_t head, size_t prev, size_t j)
{
	size_t col = line_indent(p, j);

	return col > line_indent(p, head) && word_starts_at_column(p, head, col) &&
	       line_reach(p, prev) * 10 > p->wrap_width * 6 && line_was_wrapped(p, prev, j, true);
}

/* Is line k, on the page of line k - 1, a field's label (is_field_label)? */
static bool line_is_field_label(const struct fparse *p, size_t k)
{
	const char *s;
	size_t len;

	if (k >= p->n_lines || (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
	    p->lines[k].page != p->lines[k - 1].page)
		return false;
	s = p->t + p->lines[k].off;
	len = p->lines[k].len;
	text_trim(&s, &len);
	return is_field_label(s, len);
}

/* Does the line after j, on its page, start further left than j ("    Recommendation: ...")? */
static bool returns_left(const struct fparse *p, size_t j)
{
	if (j + 1 >= p->n_lines || (p->lines[j + 1].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
	    p->lines[j + 1].page != p->lines[j].page)
		return false;
	return line_indent(p, j + 1) < line_indent(p, j);
}

/*
 * The last line of a title wrapped from line k (its title starts at byte
 * from; the heading is line head) onto one or two more lines ("06/18 Placement Sufficiency" /
 * "Strategy 2018 to 2021"), or k when it does not wrap.  The continuation
 * lines must be followed by a blank line (or the next item), as PDF text of
 * a heading is, or end a hanging indent when the heading is long enough to
 * have wrapped.  Tails that line up under the heading's title may run on
 * for more lines.
 */
/* Does line k end where its sentence must go on: a comma or a connector ("... of the Code of")? */
static bool line_runs_on(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len && (s[len - 1] == ',' || ends_with_connector(s, len));
}

/* Does no sentence end inside line k's text (a full stop before its end is an abbreviation's)? */
static bool one_sentence_line(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return sentence_end(s, len, 0) >= (len ? len - 1 : 0);
}

/* Does line k's text start with a small letter ("of Loma Verde, Texas, ...")? */
static bool line_starts_lower(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len && ascii_is_lower(s[0]);
}

/* Does s leave a bracket open ("... (Report No.")? */
static bool bracket_open(const char *s, size_t len)
{
	int depth = 0;

	for (size_t i = 0; i < len; i++)
		depth += s[i] == '(' ? 1 : s[i] == ')' && depth ? -1 : 0;
	return depth > 0;
}

/* Does line k end (trimmed) with the character c? */
static bool line_ends_with(const struct fparse *p, size_t k, char c)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len && s[len - 1] == c;
}

/*
 * Is line k a short tail in lower case that starts "to" and says no action
 * ("Lydcott Mill - Change of use" / "to offices"; not an agenda's "to note
 * the applications received")?
 */
static bool is_lower_to_tail(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len, used;

	static const char *const verbs[] = {
		"note", "receive", "consider", "approve", "agree", "discuss", "resolve", "confirm", "adopt",
		"accept", "review", "elect", "appoint", "ratify", "authorise", "authorize", "determine", "sign",
		"report", "be", "decide", "record", "endorse", "recommend", "comment", "request", "hear",
	};

	text_trim(&s, &len);
	if (len <= 3 || len >= 60 || strncmp(s, "to ", 3) != 0 || strchr(".:;", s[len - 1]) ||
	    decision_marker(s, len, &used) || memchr(s, '\t', len))
		return false;
	for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
		size_t vl = strlen(verbs[v]);

		if (len >= 3 + vl && strncmp(s + 3, verbs[v], vl) == 0 && (len == 3 + vl || s[3 + vl] == ' '))
			return false;	/* an agenda's action: "to note the applications" */
	}
	return true;
}

static size_t wrapped_title_end(const struct fparse *p, size_t head, size_t k, size_t from,
				size_t end)
{
	const struct fline *l = &p->lines[k];
	const char *s = p->t + l->off + from;
	size_t len = l->len - from;
	bool hanging = true, under, aligned, lower_run = one_sentence_line(p, k);
	size_t title_col;	/* where the title's text starts on its line */

	text_trim(&s, &len);
	title_col = text_columns(p->t + l->off, (size_t)(s - (p->t + l->off)));
	if (!len || len > 120 || (strchr(".:;", s[len - 1]) && !bracket_open(s, len)))
		return k;	/* but "... Northfield Cluster (Report No." / "24-021)" goes on */
	for (size_t j = k + 1, n = 0, prev = k; j < end && (n < 2 || (hanging && n < FIELD_TITLE_LINES));
	     prev = j, j++, n++) {
		if (n == 0 && (p->lines[j].flags & (FLINE_BLANK | FLINE_RUNNING))) {
			/* a title cut by a page break: footer, form feed, header, then the tail */
			size_t q = j;

			while (q < end && q - j < 2 * FIELD_RUNNING_EDGE + 2 &&
			       (p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING)))
				q++;
			if (q >= end || p->lines[q].page == l->page || q - j >= 2 * FIELD_RUNNING_EDGE + 2 ||
			    opens_page_capitalised(p, q))
				return k;
			j = q;
		}
		under = is_under_title(p, head, prev, j);
		aligned = line_indent(p, j) > line_indent(p, head) && word_starts_at_column(p, head, line_indent(p, j));
		if (!(is_title_tail(p, j, under, line_runs_on(p, prev) ||
				   (line_starts_lower(p, j) && line_tlen(p, prev) * 10 >= p->wrap_width * 8 &&
				    line_indent(p, j) < title_col)) ||
		      (n == 0 && aligned && is_lower_to_tail(p, j))) ||
		    announces_list(p, k, from, j))
			return k;
		lower_run = lower_run && (line_starts_lower(p, j) || line_runs_on(p, prev)) && one_sentence_line(p, j);
		if (n > 0 && line_ends_with(p, j, '.') &&
		    !(lower_run && (j + 1 >= end || (p->lines[j + 1].flags & FLINE_BLANK))))
			return k;	/* a title's sentence may end on its first tail, not further down a paragraph;
					 * but a sentence that runs on in lower case to a blank line is the title's
					 * (Texas: "... an ordinance of the City" / "of Loma Verde, Texas, amending" /
					 * "Chapter 10 of the Code of Ordinances.") */
		if (p->lines[head].len < 40 && !memchr(p->t + p->lines[head].off, '\t', p->lines[head].len) &&
		    memchr(p->t + p->lines[j].off, '\t', p->lines[j].len))
			return k;	/* "1. Finance" / "Budget for the year<tab>24/25": a table under a short heading */
		if (text_is_all_caps(s, len)) {
			/* "RECOGNITION - EMPLOYEE OF THE MONTH" / "Janice Waits, Staff Secretary" */
			const char *ts = p->t + p->lines[j].off;
			size_t tl = p->lines[j].len;

			text_trim(&ts, &tl);
			if (!text_is_all_caps(ts, tl))
				return k;
		}
		if (!line_was_wrapped(p, prev, j, n == 0 && is_whole_body(p, j, end)))
			return k;
		hanging = hanging && under;
		if (j + 1 >= end || (p->lines[j + 1].flags & FLINE_BLANK) || line_ends_with(p, j, '.'))
			return j;	/* a full stop ends the title's sentence */
		if (p->lines[j + 1].page != p->lines[j].page)
			return k;
		if (under && (returns_left(p, j) || line_is_field_label(p, j + 1)))
			return j;
		if (n == 0 && is_short_before_long(p, j))
			return j;	/* no blank line: a short tail, then a full-width body line */
		if (n == 0 && aligned && is_lower_to_tail(p, j) && j + 1 < end && !is_title_tail(p, j + 1, false, false))
			return j;	/* "Lydcott Mill - Change of use" / "to offices" / "RESOLVED that ..." */
	}
	return k;
}

/*
 * Where a title's line breaks into a second column: the length of the text
 * before a run of three or more spaces or a tab that has more text after it
 * (*rest gets the offset of that text), or 0 when the line is one column.
 * A colon before the gap stays with the title ("CONVENE:   7:08 pm").
 */
static size_t column_gap(const char *s, size_t len, size_t *rest)
{
	for (size_t i = 2; i < len; i++) {
		size_t j = i;

		if (s[i] != ' ' && s[i] != '\t')
			continue;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j < len && (j - i >= 3 || memchr(s + i, '\t', j - i))) {
			*rest = j;
			return i;
		}
		i = j;
	}
	return 0;
}

/*
 * Add line k, a title's wrapped tail, to raw.  A tail beside a second column
 * ends the title there, and the body starts in that column (a table's
 * decision column: "5<tab>Extension of Time - North East corner of ..." /
 * "- DASZ 31/2016<tab>FILED"): true when it did.
 */
static bool add_title_tail(const struct fparse *p, size_t k, struct span *sp, struct sbuf *raw)
{
	const char *ls = p->t + p->lines[k].off;
	size_t ll = p->lines[k].len, lead = skip_blanks(ls, ll, 0), gap, rest;

	gap = column_gap(ls + lead, ll - lead, &rest);
	if (!gap) {
		sbuf_add(raw, ls, ll);
		sbuf_addch(raw, '\n');
		return false;
	}
	sbuf_add(raw, ls + lead, gap);
	sbuf_addch(raw, '\n');
	sp->title_end = k;
	sp->body_line = k;
	sp->body_off = lead + rest;
	return true;
}

/*
 * Where the disposition ends a heading paragraph (US consent items:
 * "(*06-387) Minutes of the Special Meeting held on / July 18, 2006.
 * Approved."): the length of s without ". Approved." (and its full stop),
 * or 0 when s does not end so.  The word must follow a sentence's end, so
 * "The report was noted." is not one.
 */
static size_t disposition_cut(const char *s, size_t len)
{
	static const char *const words[] = {
		"Approved.", "Accepted.", "Adopted.", "Introduced.", "Continued.", "Withdrawn.",
		"Carried.", "Deferred.", "Denied.", "Passed.", "Received.", "Noted.", "Tabled.",
	};

	text_trim(&s, &len);
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		size_t wl = strlen(words[w]);

		if (len > wl + 3 && memcmp(s + len - wl, words[w], wl) == 0 && s[len - wl - 1] == ' ' &&
		    s[len - wl - 2] == '.' && s[len - wl - 3] != '.')
			return len - wl - 2;
	}
	return 0;
}

static size_t sentence_end(const char *s, size_t len, size_t from);

/*
 * A heading paragraph that ends with its disposition (disposition_cut):
 * title lines k..j (j < end, at most FIELD_TITLE_LINES, up to a blank
 * line), no line ending a sentence, nor line j before its disposition
 * ("The hearing was opened. No one spoke. Adopted.").  Returns j, or k when the
 * paragraph does not end so; *cut gets the kept length of line j.
 */
static size_t disposition_paragraph(const struct fparse *p, size_t k, size_t from, size_t end,
				    size_t *cut)
{
	const char *s = p->t + p->lines[k].off + from;
	size_t len = p->lines[k].len - from;

	text_trim(&s, &len);
	if (!len || strchr(".:;?!", s[len - 1]))
		return k;
	for (size_t j = k + 1; j < end && j - k < FIELD_TITLE_LINES; j++) {
		const struct fline *l = &p->lines[j];

		if (l->flags & (FLINE_BLANK | FLINE_RUNNING | FLINE_ITEMREF))
			return k;
		{
			const char *ls = p->t + l->off;
			size_t ll = l->len;

			text_trim(&ls, &ll);
			if (text_starts_ci(ls, ll, "cllr ") || text_starts_ci(ls, ll, "councillor ") ||
			    text_starts_ci(ls, ll, "mr ") || text_starts_ci(ls, ll, "mrs ") || text_starts_ci(ls, ll, "ms "))
				return k;	/* "Apologies" / "Cllr R. Gale (holiday). Accepted.": who, not the title */
		}
		*cut = disposition_cut(p->t + l->off, l->len);
		if (*cut) {
			const char *js = p->t + l->off;
			size_t jl = l->len;

			text_trim(&js, &jl);
			if (sentence_end(js, *cut, 0) < *cut)
				return k;	/* "The hearing was opened. No one spoke. ... Adopted.": a body */
			return j + 1 >= end || (p->lines[j + 1].flags & FLINE_BLANK) ? j : k;
		}
		if (l->len && p->t[l->off + l->len - 1] == '.')
			return k;	/* a sentence ended without one: body text */
	}
	return k;
}

/* The words of four or more letters starting in lower case in s ("(work)", "noted"). */
static size_t long_lower_words(const char *s, size_t len)
{
	size_t found = 0;

	for (size_t i = 0; i < len; i++) {
		size_t n = 0;

		if (i && ascii_is_alpha(s[i - 1]))
			continue;
		while (i + n < len && ascii_is_alpha(s[i + n]))
			n++;
		if (n >= 4 && ascii_is_lower(s[i]))
			found++;
	}
	return found;
}

/* Does s hold a word of four or more letters starting in lower case? */
/* Is there a digit in s? */
static bool has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (ascii_is_digit(s[i]))
			return true;
	return false;
}

/* Is there a lower-case letter in s? */
static bool has_lower(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (ascii_is_lower(s[i]))
			return true;
	return false;
}

static bool has_long_lower_word(const char *s, size_t len)
{
	return long_lower_words(s, len) > 0;
}

static bool is_measure_number(const char *s, size_t len);

/*
 * The end of a side heading at line k's margin (byte i): capitals in a
 * column of their own, the minute's text in ordinary case beside them after
 * a gap of three spaces or more (Missouri's boards of aldermen: "CONSENT
 * AGENDA            Alderman Rowe moved to approve ..."); 0 when the line
 * does not start so.  No colon ends it ("PRESENT:   Mayor ..." is a label).
 */
static size_t side_heading_end(const char *s, size_t len, size_t i, bool going_on)
{
	size_t e = i, g, letters = 0;

	if (i > 6)
		return 0;
	while (e < len && !(s[e] == ' ' && e + 1 < len && s[e + 1] == ' ') && s[e] != '\t') {
		letters += ascii_is_alpha(s[e]);
		e++;
	}
	g = skip_blanks(s, len, e);
	if (letters < 3 || e - i > 40 || g < e + 3 || g >= len || s[e - 1] == ':' || !text_is_all_caps(s + i, e - i))
		return 0;
	if ((text_starts_ci(s + i, e - i, "res.") || text_starts_ci(s + i, e - i, "res ") ||
	     text_starts_ci(s + i, e - i, "resolution") || text_starts_ci(s + i, e - i, "motion")) &&
	    e - i <= 24 && has_digit(s + i, e - i))
		return 0;	/* a resolution's number in the side column ("RES. 24-213"), no heading */
	/* the text beside starts with a capital, unless the heading goes on from the line above; or
	 * it is the resolution's number ("AGENDA      RESOLUTION 24-03-101", Alberta's counties) */
	if (is_measure_number(s + g, len - g) && text_is_all_caps(s + g, len - g))
		return e;
	return (ascii_is_upper(s[g]) || ascii_is_digit(s[g]) || going_on) && !text_is_all_caps(s + g, len - g) &&
	       has_lower(s + g, len - g) ? e : 0;
}

/*
 * A numbered heading that runs on into its minute after a colon: "Apologies
 * for absence: Cllr White (work).", "Declarations of interest: none."  The
 * label (up to twelve words before ": ": "Minutes of the meeting held on 7th
 * February 2024: Approved and signed.") is the title when what follows reads
 * as prose: a lower-case start, or a sentence ending in a full stop with a
 * lower-case word of four letters or more in it, a date or "None." ("Date
 * of next meeting: 8 April 2024.", but an agenda's "Approval of minutes
 * from meeting date: May 9, 2023" is one title).  A subtitle ("Children's Plan:
 * January 2021 to January 2022.", "CHAIR'S REPORT: THE NEW SUBWAY
 * CARRIAGES") and a time ("CALL TO ORDER: 7.02 p.m.") stay in the title.
 * A spaced dash does it in minutes (dash_ok: not an agenda) only before a
 * decision in capitals ("Grants – RESOLVED to award ...", "Footpaths -
 * AGREED to ..."): a sentence after a dash stays in the title, as a reader
 * takes it ("Correspondence - all previously circulated.").
 * Returns the label's length and the offset of the prose in *rest, or 0.
 */
static size_t label_before_prose(const char *s, size_t len, bool dash_ok, size_t *rest)
{
	size_t colon, words = 1, r, e = len, sep = 1;
	char t[6];
	int d;
	bool sentence, caps_stop = false;

	for (colon = 0; colon < len && s[colon] != ':' && !(dash_ok && (sep = text_spaced_dash(s, len, colon))); colon++) {
		/* "APOLOGIES. Mr P Crellin.", "MINUTES. The minutes of ...": a heading in capitals
		 * ended by a full stop, its minute after it in other case */
		if (dash_ok && s[colon] == '.' && colon + 1 < len && s[colon + 1] == ' ' && colon >= 4 &&
		    text_is_all_caps(s, colon) && !text_is_all_caps(s + colon + 1, len - colon - 1) &&
		    has_lower(s + colon + 1, len - colon - 1)) {	/* not "RESOLUTION NO. 2024-38" */
			caps_stop = true;
			break;
		}
		words += s[colon] == ' ' && colon && s[colon - 1] != ' ';
	}
	if (!sep)
		sep = 1;
	if (colon >= len || colon < 3 || words > 12 || colon + sep >= len || (sep == 1 && s[colon + 1] != ' '))
		return 0;
	r = skip_blanks(s, len, colon + sep);
	while (e > r && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e - r < 4 || date_parse_time(s + r, e - r, t, NULL))
		return 0;
	if (caps_stop) {
		*rest = r;
		return colon;
	}
	/* a sentence: ended by a full stop, or one ends inside ("Recreation Ground: The new
	 * goalposts have been installed. Cllr Vickery" / "to carry out ..."), with a lower-case
	 * word of four letters or more in it; in minutes, also four such words after a label of
	 * up to four ("Correspondence: Letter from a resident regarding dog fouling – Clerk to" /
	 * "order two bins."; not "Report of the Integrity Commissioner: Report No. 2 - recommending
	 * a process to address complaints ...") */
	sentence = (s[e - 1] == '.' || sentence_end(s + r, e - r, 0) < e - r) &&
		   (has_long_lower_word(s + r, e - r) || date_parse(s + r, e - r, &d, NULL) ||
		    (e - r <= 5 && (text_starts_ci(s + r, e - r, "none") || text_starts_ci(s + r, e - r, "nil"))));
	sentence = sentence || (dash_ok && sep == 1 && words <= 4 && long_lower_words(s + r, e - r) >= 4);
	if (sep > 1) {
		/* after a dash the rest is the title's own ("Budget – revised figures", "Correspondence -
		 * all previously circulated."), unless it is a decision in capitals */
		if (!(e - r >= 8 && memcmp(s + r, "RESOLVED", 8) == 0) && !(e - r >= 6 && memcmp(s + r, "AGREED", 6) == 0))
			return 0;
	} else if (!ascii_is_lower(s[r]) && !sentence) {
		return 0;
	}
	*rest = r;
	return colon;
}

/*
 * A dash-separated part of a title that reads as prose: a colon, a
 * sentence's stop, "to" before a lower-case word ("Study session to
 * discuss ..."), or three lower-case words of four letters or more that are
 * no connectors (not "North corner of Elm Avenue").
 */
static bool segment_is_prose(const char *s, size_t len)
{
	static const char *const small[] = {
		"with", "from", "into", "onto", "upon", "over", "under", "about", "between", "within",
		"without", "through", "their", "that", "this", "regarding",
	};
	size_t lower = 0;

	for (size_t i = 0; i < len; i++) {
		size_t e = i;

		if (s[i] == ':' || (s[i] == '.' && i + 1 < len && s[i + 1] == ' '))
			return true;
		if ((i && s[i - 1] != ' ') || !ascii_is_lower(s[i]))
			continue;
		while (e < len && ascii_is_alpha(s[e]))
			e++;
		if (e - i == 2 && s[i] == 't' && s[i + 1] == 'o' && e + 1 < len && s[e] == ' ' && ascii_is_lower(s[e + 1]))
			return true;
		if (e - i >= 4) {
			bool connector = false;

			for (size_t w = 0; w < sizeof small / sizeof *small && !connector; w++)
				connector = strlen(small[w]) == e - i && strncmp(s + i, small[w], e - i) == 0;
			lower += !connector;
		}
	}
	return lower >= 3;
}

/* The next " - " in s from `from` outside brackets ("(Pages 15 - 30)" is one part); len if none. */
static size_t dash_outside(const char *s, size_t len, size_t from)
{
	size_t depth = 0;

	for (size_t i = from; i + 3 <= len; i++) {
		depth += s[i] == '(';
		depth -= s[i] == ')' && depth;
		if (!depth && memcmp(s + i, " - ", 3) == 0)
			return i;
	}
	return len;
}

/*
 * Does the part at seg of a joined paragraph (line starts in starts[0..n))
 * run on as a description: a colon or a full stop on its line, or a next
 * line that carries on in lower case ("... - Study" / "session to discuss
 * ...")?  A planning application's "- Demolition of existing buildings"
 * ending its line above "The Panel heard ..." is the title's last part.
 */
static bool description_runs_on(const struct sbuf *joined, const size_t *starts, size_t n, size_t seg)
{
	size_t line = n - 1, eol;

	while (line > 0 && starts[line] > seg)
		line--;
	eol = line + 1 < n ? starts[line + 1] : joined->len;
	if (memchr(joined->buf + seg, ':', eol - seg) || memchr(joined->buf + seg, '.', eol - seg))
		return true;
	return line + 1 < n && ascii_is_lower(joined->buf[starts[line + 1]]);
}

/*
 * A US agenda's title in parts separated by dashes that runs on into its
 * description in the same paragraph ("PLN22-0474 - 2212 South Shore
 * Center - Parcel Map - Applicant: Wayne Leach. Public" / "hearing to
 * consider ..."; "Study Session Zoning Code Amendments - Fences - Study" /
 * "Session to discuss ..."): over the paragraph's lines (two to five), the
 * parts before the first that reads as prose, when two parts or more come
 * before it and a colon or a full stop follows (the description's
 * sentences).  Fills raw and sp and returns true when it applies.
 */
static bool dashed_title(const struct fparse *p, size_t k, size_t from, size_t end, struct span *sp,
			 struct sbuf *raw)
{
	struct sbuf joined = {0};
	size_t starts[5], lines[5], offs[5], n = 0, parts = 0, seg = 0, cut = 0;
	bool found = false;

	for (size_t j = k; j < end && n < 5; j++) {
		const char *ls = p->t + p->lines[j].off;
		size_t off = j == k ? from : 0, ll = p->lines[j].len;

		if (p->lines[j].flags & (FLINE_BLANK | FLINE_RUNNING | FLINE_ITEMREF))
			break;
		if (memchr(ls, '\t', ll)) {
			sbuf_release(&joined);
			return false;	/* a table's row: its cells are not parts of a title */
		}
		off = skip_blanks(ls, ll, off);
		while (ll > off && ls[ll - 1] == ' ')
			ll--;
		if (n)
			sbuf_addch(&joined, ' ');
		starts[n] = joined.len;
		lines[n] = j;
		offs[n] = off;
		n++;
		sbuf_add(&joined, ls + off, ll - off);
	}
	if (n < 2 || sbuf_oom(&joined) || dash_outside(joined.buf, starts[1], 0) >= starts[1]) {
		sbuf_release(&joined);
		return false;
	}
	for (size_t i = dash_outside(joined.buf, joined.len, 0); i < joined.len;
	     i = dash_outside(joined.buf, joined.len, seg)) {
		size_t next;

		if (segment_is_prose(joined.buf + seg, i - seg))
			break;	/* prose before the description: not this layout */
		parts++;
		seg = i + 3;
		next = dash_outside(joined.buf, joined.len, seg);
		if (parts >= 2 && segment_is_prose(joined.buf + seg, next - seg) &&
		    (memchr(joined.buf + seg, ':', joined.len - seg) || memchr(joined.buf + seg, '.', joined.len - seg)) &&
		    description_runs_on(&joined, starts, n, seg)) {
			/* a description says something in sentences, and from the line it starts on:
			 * "- Outline" / "application for up to 140 dwellings" is the title's last part */
			found = true;
			cut = i;
			break;
		}
	}
	if (found) {
		size_t j = n - 1;

		while (j > 0 && starts[j] > seg)
			j--;
		sbuf_add(raw, joined.buf, cut);
		sbuf_addch(raw, '\n');
		sp->title_end = lines[j];
		sp->body_line = lines[j];
		sp->body_off = offs[j] + (seg - starts[j]);
	}
	sbuf_release(&joined);
	return found;
}

/*
 * A measure's number on its own, a caption to follow: "RESOLUTION #43 OF
 * 2024", "RESOLUTION NO. 2024-17", "ORDINANCE 24-03", "LOCAL LAW NO. 2 OF
 * 2024", "BY-LAW 2024-051": a short line naming one, with a digit.
 */
static bool is_measure_number(const char *s, size_t len)
{
	static const char *const measures[] = { "resolution ", "ordinance ", "local law ", "by-law ", "bylaw ",
						"motion ", "proclamation " };

	if (len > 40 || !has_digit(s, len))
		return false;
	for (size_t k = 0; k < sizeof measures / sizeof *measures; k++)
		if (text_starts_ci(s, len, measures[k]))
			return true;
	return false;
}

/*
 * A long title in capitals wrapped onto the next lines, which start at its
 * column and are in capitals too, above text that is not (a town clerk's
 * table: `TC23/143   TO APPROVE THE MINUTES OF THE FULL COUNCIL MEETING
 * Mayor` / `           HELD ON 14TH FEBRUARY 2024` / `           RESOLVED
 * to approve ...`; an action column beside it is left out), or above a
 * blank line (`91. 23/01455/OUT - LAND NORTH OF MILL LANE, OAKBRIDGE` /
 * `    (OAKBRIDGE AND WESTHOLME WARD)`).  The last line of the title, or k.  A short heading over a heading in capitals is
 * no wrapped title (`1.  CALL TO ORDER` / `    PLEDGE OF ALLEGIANCE`).
 */
static size_t caps_title_wrap(const struct fparse *p, const struct cand *c, size_t k, size_t end)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len, from = k == c->title_line ? c->title_off : 0, rest, gap, q = k, col;

	if (from >= len)
		return k;
	col = skip_blanks(s, len, from);
	gap = column_gap(s + col, len - col, &rest);
	len = gap ? col + gap : len;
	while (len > col && s[len - 1] == ' ')
		len--;
	if ((len - col < FIELD_CAPS_WRAP_MIN && !is_measure_number(s + col, len - col)) ||
	    !text_is_all_caps(s + col, len - col))
		return k;
	while (q + 1 < end && q < k + 2) {
		const char *ns = p->t + p->lines[q + 1].off;
		size_t nl = p->lines[q + 1].len, in = skip_blanks(ns, nl, 0), ng;

		if ((p->lines[q + 1].flags & (FLINE_BLANK | FLINE_RUNNING)) || in + 1 < col || in > col + 1)
			break;
		ng = column_gap(ns + in, nl - in, &rest);
		if (!text_is_all_caps(ns + in, ng ? ng : nl - in))
			break;
		q++;
	}
	if (q > k && q + 1 < end && !(p->lines[q + 1].flags & (FLINE_BLANK | FLINE_RUNNING))) {
		const char *ns = p->t + p->lines[q + 1].off;
		size_t nl = p->lines[q + 1].len;

		text_trim(&ns, &nl);
		if (text_is_all_caps(ns, nl))
			return k;	/* capitals all along: no text says where the title ends */
	}
	return q;
}

/* Is s (trimmed) an agenda's page reference in its own column: "38", "7 - 28", "(Pages 63 - 96)", "Page 5"? */
static bool is_page_column(const char *s, size_t len)
{
	size_t i = 0, d;

	text_trim(&s, &len);
	if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		s++;
		len -= 2;
	}
	if (text_starts_ci(s, len, "pages "))
		i = 6;
	else if (text_starts_ci(s, len, "page "))
		i = 5;
	else if (text_starts_ci(s, len, "pp. "))
		i = 4;
	for (d = i; d < len && ascii_is_digit(s[d]); d++)
		;
	if (d == i || d - i > 4)
		return false;
	if (d == len)
		return true;
	for (i = d; i < len && s[i] == ' '; i++)
		;
	if (i < len && s[i] == '-')
		i++;
	else if (i + 2 < len && memcmp(s + i, "\xe2\x80\x93", 3) == 0)
		i += 3;	/* an en dash */
	else
		return false;
	for (; i < len && s[i] == ' '; i++)
		;
	for (d = i; d < len && ascii_is_digit(s[d]); d++)
		;
	return d > i && d - i <= 4 && d == len;
}

/*
 * The wrapped tails of a title beside a column that is no body: its pages
 * ("2    Three Waters Transition Update - Report of the Group      38" /
 * "     Manager Infrastructure"), or any column when the title runs on
 * ("Adoption of Minutes - Committee of the    Presenter    Action").  Up to
 * two lines starting at the title's column col, which the next line leaves
 * (a blank line, or the next item's number left of it): the last tail, or k.
 */
static size_t beside_column_tails(const struct fparse *p, size_t k, size_t col, size_t end)
{
	size_t q = k;

	for (size_t j = k + 1; j < end && j <= k + 2; j++) {
		size_t in;

		if ((p->lines[j].flags & (FLINE_BLANK | FLINE_RUNNING)) || p->lines[j].page != p->lines[k].page)
			break;
		in = line_indent(p, j);
		if (in + 1 < col || in > col + 1 || !is_title_tail(p, j, true, false))
			break;
		q = j;
	}
	if (q > k && q + 1 < end && !(p->lines[q + 1].flags & (FLINE_BLANK | FLINE_RUNNING)) &&
	    line_indent(p, q + 1) + 1 >= col)
		return k;	/* the lines under the title run on: its body */
	return q;
}

/*
 * A table's row under a title beside its text (a parish clerk's table:
 * "02/24     Minutes of 11 December     RESOLVED that the minutes be" /
 * "          2023                       signed as a correct record."): the
 * lines down to a blank line hold a cell at the title's column col (the
 * first ones only, up to three, no sentence's end), text at the body's
 * column bcol, or both, and at least one holds both.  The last line with a
 * title cell, or k.
 */
static size_t table_title_cells(const struct fparse *p, size_t k, size_t col, size_t bcol, size_t end)
{
	size_t last = k;
	bool cells = true, both = false;

	for (size_t j = k + 1; j < end; j++) {
		const char *s = p->t + p->lines[j].off;
		size_t len = p->lines[j].len, in, rest, gap;

		if (p->lines[j].flags & (FLINE_BLANK | FLINE_RUNNING))
			break;
		in = skip_blanks(s, len, 0);
		if (in + 1 >= bcol && in <= bcol + 1) {
			cells = false;	/* the body's column alone */
			continue;
		}
		if (!cells || in + 1 < col || in > col + 1 || j > k + 3)
			return k;
		gap = column_gap(s + in, len - in, &rest);
		if (gap ? (in + rest + 1 < bcol || in + rest > bcol + 1) : len > bcol)
			return k;
		if (s[in + (gap ? gap : len - in) - 1] == '.')
			return k;	/* a sentence in the title's column: the table's text runs there */
		both = both || gap;
		last = j;
	}
	return both ? last : k;
}

/*
 * Work out where an item's title ends and its body starts, and append the
 * raw title text to `raw`.
 */
/*
 * A measure's number heading an unnumbered item, its caption in capitals
 * below it, straight under it or after a blank line ("RESOLUTION NO.
 * 24-0213" / "" / "IN THE MATTER OF AWARDING THE BID FOR THE COUNTY ROAD 18
 * BRIDGE" / "REPLACEMENT PROJECT"): both are the title, up to three
 * caption lines.  Sets sp and returns true when so.
 */
static bool measure_caption(const struct fparse *p, const struct cand *c, size_t end, struct span *sp,
			    struct sbuf *raw)
{
	const char *s = p->t + p->lines[c->title_line].off + c->title_off;
	size_t len = p->lines[c->title_line].len - c->title_off, q = c->title_line + 1, first, last;

	text_trim(&s, &len);
	if (!is_measure_number(s, len))
		return false;
	if (q < end && (p->lines[q].flags & FLINE_BLANK))
		q++;
	for (first = last = q; last < end && last < q + 3; last++) {
		const char *ls = p->t + p->lines[last].off;
		size_t ll = p->lines[last].len;

		text_trim(&ls, &ll);
		if ((p->lines[last].flags & (FLINE_BLANK | FLINE_RUNNING)) || !ll || !text_is_all_caps(ls, ll))
			break;
	}
	if (last == first || (last < end && !(p->lines[last].flags & (FLINE_BLANK | FLINE_RUNNING))))
		return false;	/* no caption, or capitals running on into the text */
	sbuf_add(raw, s, len);
	for (size_t k = first; k < last; k++) {
		sbuf_addch(raw, ' ');
		sbuf_add(raw, p->t + p->lines[k].off, p->lines[k].len);
	}
	sbuf_addch(raw, '\n');
	sp->title_end = last - 1;
	sp->body_line = last;
	sp->body_off = 0;
	return true;
}

/* Titles made from a paragraph's first sentence are cut to this many bytes, at a word's end. */
enum { FIELD_PARA_TITLE_MAX = 100 };

/*
 * A paragraph's first sentence from line k at byte from, over its wrapped
 * lines to a blank line (up to FIELD_PARA_TITLE_MAX bytes, cut at a word's
 * end), appended to raw as one line.
 */
static void para_first_sentence(const struct fparse *p, size_t k, size_t from, size_t end, struct sbuf *raw)
{
	struct sbuf para = {0};
	size_t e;

	for (size_t q = k; q < end && q < k + FIELD_TITLE_LINES; q++) {
		const char *ls = p->t + p->lines[q].off + (q == k ? from : 0);
		size_t ll = p->lines[q].len - (q == k ? from : 0);

		if (p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING))
			break;
		text_trim(&ls, &ll);
		if (para.len)
			sbuf_addch(&para, ' ');
		sbuf_add(&para, ls, ll);
	}
	e = sentence_end(sbuf_str(&para), para.len, 0);
	if (e > FIELD_PARA_TITLE_MAX) {
		e = FIELD_PARA_TITLE_MAX;
		while (e > 20 && para.buf[e] != ' ')
			e--;
	}
	sbuf_add(raw, sbuf_str(&para), e);
	sbuf_addch(raw, '\n');
	if (sbuf_oom(&para))
		raw->oom = true;
	sbuf_release(&para);
}

static void item_title(const struct fparse *p, const struct cand *c, size_t end,
		       struct span *sp, struct sbuf *raw)
{
	const struct fline *l = &p->lines[c->title_line];
	const char *s = p->t + l->off;
	size_t k = c->title_line;

	sp->end = end;
	sp->title_end = k;
	sp->body_line = k + 1;
	sp->body_off = 0;
	sp->side_col = c->side_col;
	if (!c->label_len && !c->num[0] && measure_caption(p, c, end, sp, raw))
		return;
	if (c->para_title) {
		/* the paragraph's first sentence, over its wrapped lines ("Motion by Zeller, second by
		 * Meyers to approve the minutes of the February 27, 2024" / "regular meeting.") */
		para_first_sentence(p, k, c->title_off, end, raw);
		sp->body_line = k;
		sp->body_off = c->title_off;
		return;
	}
	if (c->label_len) {
		/* "Flooding:  Councillor Bevan has ...": the label, then the body on its line */
		sbuf_add(raw, s + c->title_off, c->label_len);
		sbuf_addch(raw, '\n');
		for (size_t q = k + 1; c->side_heading && q < end && q < k + 3; q++) {
			/* "POLICE VEHICLE      Chief Cady requested ..." / "PURCHASE      Interceptor ..." */
			const char *qs = p->t + p->lines[q].off;
			size_t ql = p->lines[q].len, qi = skip_blanks(qs, ql, 0), qe;

			if ((p->lines[q].flags & (FLINE_BLANK | FLINE_RUNNING)) || !(qe = side_heading_end(qs, ql, qi, true)))
				break;
			raw->buf[raw->len - 1] = ' ';
			sbuf_add(raw, qs + qi, qe - qi);
			sbuf_addch(raw, '\n');
		}
		sp->body_line = k;
		sp->body_off = c->title_off + c->label_len + 1;
		return;
	}
	if (c->scheme == SCHEME_ITEMREF) {
		/* title lines down to the "(Item N)" line */
		while (k < end && !(p->lines[k].flags & FLINE_ITEMREF)) {
			sbuf_add(raw, p->t + p->lines[k].off, p->lines[k].len);
			sbuf_addch(raw, '\n');
			k++;
		}
		sp->title_end = k;
		sp->body_line = k + 1;
		return;
	}
	if (count_bold(s, c->title_off) % 2 == 1) {
		/* bold open: the title runs to the closing "**" */
		for (size_t n = 0; k < end && n < FIELD_TITLE_LINES; n++, k++) {
			const char *ls = p->t + p->lines[k].off;
			size_t from = k == c->title_line ? c->title_off : 0;
			size_t b = find_bold(ls, p->lines[k].len, from);

			if (k > c->title_line && bullet_at(ls, p->lines[k].len, skip_blanks(ls, p->lines[k].len, 0))) {
				/* "Spending Review  " / "- Implications": a dash, not a bullet */
				if (raw->len && raw->buf[raw->len - 1] == '\n')
					raw->buf[raw->len - 1] = ' ';
			}
			sbuf_add(raw, ls + from, b - from);
			sbuf_addch(raw, '\n');
			if (b < p->lines[k].len) {
				sp->title_end = k;
				sp->body_line = k;
				sp->body_off = b + 2;
				return;
			}
		}
		sp->title_end = k - 1;
		sp->body_line = k;
		return;
	}
	{
		/* a title beside a second column (pdftotext -layout): "Adjournment      8:16 PM",
		 * "CONVENE:   7:08 pm"; a reference code before it: "16-0361      Approve ..." */
		size_t from = c->title_off, gap, rest;

		while ((gap = column_gap(s + from, l->len - from, &rest)) != 0) {
			if (!is_code(s + from, gap)) {
				size_t prose, label = label_before_prose(s + from, gap, !p->agenda_like, &prose);
				size_t q = label ? k : caps_title_wrap(p, c, k, end);

				if (!label && q == k && (is_page_column(s + from + rest, l->len - from - rest) ||
							 ends_with_connector(s + from, gap)))
					q = beside_column_tails(p, k, text_columns(s, from), end);

				sbuf_add(raw, s + from, label ? label : gap);
				sbuf_addch(raw, '\n');
				sp->title_end = k;
				sp->body_line = k;
				sp->body_off = from + (label ? prose : rest);
				if (!label && q == k && !sp->side_col) {
					size_t cells = table_title_cells(p, k, from, from + rest, end);

					for (size_t m = k + 1; m <= cells; m++) {
						const char *ms = p->t + p->lines[m].off;
						size_t ml = p->lines[m].len, in = skip_blanks(ms, ml, 0), mr,
						       mg = column_gap(ms + in, ml - in, &mr);

						sbuf_add(raw, ms + in, mg ? mg : ml - in);
						sbuf_addch(raw, '\n');
					}
					if (cells > k) {
						/* the body is the text column's, line by line */
						sp->title_end = cells;
						sp->side_col = from + rest;
						return;
					}
				}
				for (size_t m = k + 1; m <= q; m++)
					add_title_tail(p, m, sp, raw);
				if (q > k) {
					sp->title_end = q;
					sp->body_line = q + 1;
					sp->body_off = 0;
				}
				return;
			}
			from += rest;	/* the code is not the title */
		}
		{
			size_t prose, label = label_before_prose(s + from, l->len - from, !p->agenda_like, &prose);

			if (label) {
				/* "45/24 Apologies: Cllr White (work)." - the label is the title; before
				 * the disposition, which "Apologies: Cllr F Ackroyd. Accepted." also has */
				sbuf_add(raw, s + from, label);
				sbuf_addch(raw, '\n');
				sp->title_end = k;
				sp->body_line = k;
				sp->body_off = from + prose;
				return;
			}
		}
		{
			size_t cut = disposition_cut(s + from, l->len - from), j;

			if (cut && (k + 1 >= end || (p->lines[k + 1].flags & FLINE_BLANK))) {
				/* "(*06-388) Payment of bills. Approved." on one line */
				const char *ts = s + from;
				size_t tl = l->len - from;

				text_trim(&ts, &tl);
				sbuf_add(raw, ts, cut);
				sbuf_addch(raw, '\n');
				return;
			}
			j = disposition_paragraph(p, k, from, end, &cut);
			if (j > k) {
				sbuf_add(raw, s + from, l->len - from);
				sbuf_addch(raw, '\n');
				for (size_t m = k + 1; m <= j; m++) {
					const char *ms = p->t + p->lines[m].off;
					size_t ml = p->lines[m].len;

					if (m == j) {
						text_trim(&ms, &ml);
						ml = cut;
					}
					sbuf_add(raw, ms, ml);
					sbuf_addch(raw, '\n');
				}
				sp->title_end = j;
				sp->body_line = j + 1;
				return;
			}
		}
		if (dashed_title(p, k, from, end, sp, raw))
			return;
		sbuf_add(raw, s + from, l->len - from);
		sbuf_addch(raw, '\n');
	}
	/* up to an "(Item N)" line within the next three */
	for (size_t j = k + 1; j < end && j <= k + 3; j++) {
		if (p->lines[j].flags & FLINE_BLANK)
			break;
		if (p->lines[j].flags & FLINE_ITEMREF) {
			for (size_t m = k + 1; m < j; m++) {
				sbuf_add(raw, p->t + p->lines[m].off, p->lines[m].len);
				sbuf_addch(raw, '\n');
			}
			sp->title_end = j;
			sp->body_line = j + 1;
			return;
		}
	}
	/* or while the line ends in a connector */
	for (size_t n = 0; n < 3 && k + 1 < end; n++) {
		const struct fline *cur = &p->lines[k], *next = &p->lines[k + 1];
		size_t from = k == c->title_line ? c->title_off : 0;

		if (!ends_with_connector(p->t + cur->off + from, cur->len - from))
			break;
		if (next->flags & FLINE_BLANK) {
			size_t q = lower_tail_after_blank(p, k, end);

			if (q == k)
				break;
			k = q - 1;
			next = &p->lines[q];
		}
		if ((next->flags & (FLINE_BLANK | FLINE_RUNNING)) || next->len > 100)
			break;
		k++;
		if (add_title_tail(p, k, sp, raw))
			return;
	}
	/* or a long title in capitals wrapped above text in other case */
	{
		size_t q = caps_title_wrap(p, c, k, end);

		for (size_t m = k + 1; m <= q; m++)
			if (add_title_tail(p, m, sp, raw))
				return;
		if (q > k) {
			sp->title_end = q;
			sp->body_line = q + 1;
			return;
		}
	}
	/* or a title wrapped over up to two more short lines that end at a blank line */
	{
		size_t e = wrapped_title_end(p, c->title_line, k, k == c->title_line ? c->title_off : 0,
					     end);

		for (k++; k <= e; k++) {
			const char *ls = p->t + p->lines[k].off;
			size_t ll = p->lines[k].len;

			if (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING))
				continue;
			if (bullet_at(ls, ll, skip_blanks(ls, ll, 0)) && raw->len)
				raw->buf[raw->len - 1] = ' ';	/* keep the dash: no line start */
			if (add_title_tail(p, k, sp, raw))
				return;
		}
		k = e;
	}
	sp->title_end = k;
	sp->body_line = k + 1;
}

/*
 * Strip trailing " -", ",", a dangling "**" and, unless keep_stop, ":" and
 * "." from a cleaned title.  Item titles keep a final full stop or colon as
 * printed ("CONVENE:", "Any other business."); resolutions lose them.
 */
static void tidy_title(struct sbuf *t, bool keep_stop)
{
	{
		/* a contents line's leaders and page: "CLOSURE ........ 28", "Minutes . . . . 3" */
		size_t e = t->len, dots = 0;

		while (e && (ascii_is_digit(t->buf[e - 1]) || t->buf[e - 1] == ' ') && t->len - e < 8)
			e--;
		while (e && (t->buf[e - 1] == '.' || t->buf[e - 1] == ' ' ||
			     (e >= 3 && memcmp(t->buf + e - 3, "\xe2\x80\xa6", 3) == 0))) {
			if (t->buf[e - 1] == '.' || t->buf[e - 1] == ' ') {
				dots += t->buf[e - 1] == '.';
				e--;
			} else {
				dots += 3;
				e -= 3;
			}
		}
		if (dots >= 4 && e)
			sbuf_setlen(t, e);
	}
	while (t->len) {
		char ch = t->buf[t->len - 1];

		if ((ch == ':' || ch == '.') && keep_stop && t->len > 1 && t->buf[t->len - 2] != ' ' &&
		    t->buf[t->len - 2] != '.' && t->buf[t->len - 2] != ':')
			break;
		if (ch == ' ' || ch == '-' || ch == ':' || ch == '.' || ch == '*' || ch == ',')
			sbuf_setlen(t, t->len - 1);
		else if (t->len >= 3 && memcmp(t->buf + t->len - 3, "\xe2\x80\x93", 3) == 0)
			sbuf_setlen(t, t->len - 3);
		else
			break;
	}
	if (t->len > FIELD_TITLE_MAX) {
		size_t n = FIELD_TITLE_MAX;

		while (n && ((unsigned char)t->buf[n] & 0xc0) == 0x80)
			n--;
		sbuf_setlen(t, n);
	}
}

/* Length of a list marker at the start of s ("1.", "(1)", "a)", "(a)", "i.", "(ii)", "iv)"), 0 if none. */
static size_t list_marker(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	if (i < len && s[i] == '(')
		i++;
	while (i + n < len && ascii_is_digit(s[i + n]) && n < 3)
		n++;
	if (!n && i < len && ascii_is_lower(s[i]) && i + 1 < len && !ascii_is_alpha(s[i + 1]))
		n = 1;
	if (!n)
		while (i + n < len && n < 4 && (s[i + n] == 'i' || s[i + n] == 'v' || s[i + n] == 'x'))
			n++;	/* small Roman numerals: "(ii)", "iv)" */
	if (!n)
		return 0;
	i += n;
	if (i < len && (s[i] == '.' || s[i] == ')'))
		i++;
	else
		return 0;
	if (i < len && s[i] != ' ' && s[i] != '\t')
		return 0;
	return skip_blanks(s, len, i);
}

/*
 * Is q (trimmed) a body that decides: "The Board", "the Corporate Parenting
 * Committee" (capitalised words after "The", small words allowed), or
 * "Members", "Council", "Cabinet"?
 */
static bool is_deciding_body(const char *q, size_t ql)
{
	static const char *const bare[] = { "members", "council", "cabinet", "councillors", "trustees" };

	for (size_t w = 0; w < sizeof bare / sizeof *bare; w++)
		if (ql == strlen(bare[w]) && strncasecmp(q, bare[w], ql) == 0)
			return ascii_is_upper(q[0]);
	if (!text_starts_ci(q, ql, "the ") || ql < 5 || !ascii_is_upper(q[4]) || memchr(q, '.', ql) ||
	    memchr(q, ',', ql))
		return false;
	for (size_t i = 4; i < ql; i++) {
		static const char *const small[] = { "and ", "of ", "for ", "the ", "on ", "in " };
		bool ok = ascii_is_upper(q[i]);

		if (q[i - 1] != ' ')
			continue;
		for (size_t w = 0; w < sizeof small / sizeof *small && !ok; w++)
			ok = text_starts_ci(q + i, ql - i, small[w]) && ascii_is_lower(q[i]);
		if (!ok)
			return false;
	}
	return true;
}

/* The prefix before "resolved" ends with the word "and" (a proposer's clause). */
static bool ends_with_and(const char *q, size_t ql)
{
	return ql >= 4 && strncasecmp(q + ql - 4, " and", 4) == 0;
}

/*
 * End of a resolution's number after its label, from j: "2024/15",
 * "SOC2023/45" (a word of letters, digits, '/', '-' and '.' that holds a
 * digit), spaces around it.
 */
static size_t resolution_code_end(const char *s, size_t len, size_t j)
{
	size_t w, digits = 0;

	j = skip_blanks(s, len, j);
	for (w = j; w < len && (ascii_is_alpha(s[w]) || ascii_is_digit(s[w]) || s[w] == '/' ||
				s[w] == '-' || s[w] == '.'); w++)
		digits += ascii_is_digit(s[w]);
	if (!digits)
		return j;
	while (w > j && s[w - 1] == '.')
		w--;	/* a full stop after it is not part of the number */
	return skip_blanks(s, len, w);
}

/*
 * What may stand before "resolved" in the middle of a line (q, ql: the
 * trimmed text before it) and still mark a decision: "It was resolved",
 * "It was therefore resolved" (one word between), "And resolved:", "The
 * Board resolved", "Council resolved"; a sentence's end before "Resolved"
 * or "RESOLVED" ("The Clerk presented the report. RESOLVED that ...");
 * "RESOLVED" in capitals after any words ("It was agreed and RESOLVED");
 * "Resolved" after a short label ("a) Payments: Resolved to ...");
 * a proposer's clause then "and resolved" ("Proposed by Cllr A, seconded
 * by Cllr B and resolved that ...").  Not "The matter was resolved".
 */
static bool resolved_after(const char *q, size_t ql, const char *word)
{
	bool caps = memcmp(word, "RESOLVED", 8) == 0;

	const char *c = q;
	size_t cl = ql;

	for (size_t i = ql; i > 1; i--)
		if ((q[i - 2] == '.' || q[i - 2] == ';' || q[i - 2] == ',') && q[i - 1] == ' ') {
			c = q + i;	/* the clause it is in: "Potholes were reported. It was therefore" */
			cl = ql - i;
			break;
		}
	if (cl == 3 && strncasecmp(c, "and", 3) == 0)	/* Ireland: "Seconded by ... / And resolved:" */
		return true;
	{
		size_t tail = ql < 15 ? 0 : ql - 15;

		if (text_find_ci(q + tail, ql - tail, "be it") < ql - tail)
			return false;	/* a motion's "BE IT (ALSO) RESOLVED": decided only if carried */
	}
	if (text_starts_ci(c, cl, "it was") && (cl == 6 || (cl > 7 && !memchr(c + 7, ' ', cl - 7))))
		return true;
	if (ends_with_and(c, cl) && (text_starts_ci(c, cl, "the committee ") || text_starts_ci(c, cl, "the council ") ||
				     text_starts_ci(c, cl, "the board ") || text_starts_ci(c, cl, "the assembly ")))
		return true;	/* "The Committee considered the Paper and resolved as follows:" */
	if (is_deciding_body(c, cl))
		return true;	/* "The Board", "The Corporate Parenting Committee", "Council" */
	if ((q[ql - 1] == '.' || q[ql - 1] == ';') && ascii_is_upper(word[0]))
		return true;
	if (ascii_is_upper(word[0]) && ql <= 40 && !memchr(q, '.', ql) &&
	    (q[ql - 1] == ':' || (ql > 4 && (text_spaced_dash(q, ql + 1, ql - 2) || text_spaced_dash(q, ql + 1, ql - 4)))))
		return true;	/* a point's label: "a) Payments: Resolved to ...", "b) Precept – Resolved to ..." */
	if (caps)
		return true;
	return ends_with_and(q, ql) && (text_find_ci(q, ql, "second") < ql || text_find_ci(q, ql, "propos") < ql ||
					text_find_ci(q, ql, "moved") < ql || text_find_ci(q, ql, "agreed") < ql);
}

/*
 * A resolution marker in a (markup-free, trimmed) line: "Resolved",
 * "RESOLVED that ...", or "resolved" after what resolved_after accepts.
 * In the middle of a line the decision must follow it ("that", "to", a
 * colon, or the line's end), so "... and this was RESOLVED unanimously."
 * is not one.  Returns true and the offset of the text after it in *rest.
 */
static bool resolution_marker(const char *s, size_t len, size_t *rest, bool *mid)
{
	size_t at = len;

	for (size_t i = 0; i + 8 <= len && i <= 400; i++) {
		const char *q = s;
		size_t ql = i, j = i + 8;

		if (!((s[i] == 'r' || s[i] == 'R') && strncasecmp(s + i, "resolved", 8) == 0 &&
		      (i == 0 || !ascii_is_alpha(s[i - 1])) && (i + 8 == len || !ascii_is_alpha(s[i + 8]))))
			continue;
		if (i == 0) {
			at = 0;
			break;
		}
		if (i > 80 && memcmp(s + i, "RESOLVED", 8) != 0 && !ends_with_and(s, i))
			continue;	/* far into a paragraph only in capitals or after a proposer */
		text_trim(&q, &ql);
		if (!ql || !resolved_after(q, ql, s + i))
			continue;
		if (text_starts_ci(s + j, len - j, " unanimously"))
			j += 12;
		else if (text_starts_ci(s + j, len - j, " by ") || text_starts_ci(s + j, len - j, " (")) {
			size_t w = len - j < 40 ? len - j : 40, f = text_find_ci(s + j, w, " that");

			if (f == w)
				continue;
			j += f;	/* "by a majority that", "(7 for, 1 against) that" */
		}
		if (j < len && !(s[j] == ':' || s[j] == '-' || s[j] == ',' || text_starts_ci(s + j, len - j, " as follows") ||
				 text_starts_ci(s + j, len - j, " that") || text_starts_ci(s + j, len - j, " to ") ||
				 text_starts_ci(s + j, len - j, " \xe2\x80\x93") ||
				 resolution_code_end(s, len, j) == len))	/* "Council Resolved CNCL/2024/00031" */
			continue;
		at = i;
		break;
	}
	if (at == len)
		return false;
	*mid = at > 0;
	at += 8;
	if (text_starts_ci(s + at, len - at, " unanimously"))
		at += 12;
	else if (text_starts_ci(s + at, len - at, " as follows"))
		at += 11;	/* "... and resolved as follows:" and its list */
	else if (text_starts_ci(s + at, len - at, " (") && memchr(s + at, ')', len - at) &&
		 (size_t)((const char *)memchr(s + at, ')', len - at) - (s + at)) < 40)
		at = (size_t)((const char *)memchr(s + at, ')', len - at) - s) + 1;	/* "Resolved (unanimously):" */
	while (at < len && (s[at] == ':' || s[at] == ' ' || s[at] == '-' || s[at] == ',' ||
			    s[at] == '.' || s[at] == '\t'))
		at++;
	if (at + 3 <= len && memcmp(s + at, "\xe2\x80\x93", 3) == 0)
		at = skip_blanks(s, len, at + 3);
	if (resolution_code_end(s, len, at) == len)
		at = len;	/* its number is no part of the decision */
	*rest = at;
	return true;
}

/* Does a decision's text start with its verb ("approved the lease ...", body_agreed)? */
static bool says_by_verb(const char *s, size_t len)
{
	return text_starts_ci(s, len, "approved the ") || text_starts_ci(s, len, "adopted the ") ||
	       text_starts_ci(s, len, "endorsed the ");
}

/*
 * "The Committee agreed:-", "After discussion, the Board agreed to note the
 * report", "Members decided that ...": a deciding body (is_deciding_body),
 * after an opening clause of a few words and a comma at most, then
 * "agreed" or "decided" and a colon, "to", "that" or nothing.  Returns the
 * offset of what follows in *rest.
 */
static bool body_agreed(const char *s, size_t len, size_t *rest)
{
	static const char *const verbs[] = { " agreed unanimously", " agreed", " decided", " unanimously agreed",
					     /* the decision said by its verb, kept with it: "The Committee approved
					      * the lease of Unit 4 to Harbour Logistics Ltd." (Northern Ireland) */
					     " approved the ", " adopted the ", " endorsed the " };
	static const char *const clauses[] = { "after ", "following ", "thereafter", "having " };
	size_t from = 0, scan = len < 120 ? len : 120;
	const char *comma = memchr(s, ',', scan < 50 ? scan : 50);

	for (size_t c = 0; c < sizeof clauses / sizeof *clauses && comma; c++)
		if (text_starts_ci(s, len, clauses[c]))
			from = skip_blanks(s, len, (size_t)(comma - s) + 1);
	if (from > scan)
		from = scan;	/* blanks after the comma past the part scanned */
	for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
		size_t at = from + text_find_ci(s + from, scan - from, verbs[v]), vl = strlen(verbs[v]), e;
		const char *q = s + from;
		size_t ql = at - from;

		if (at >= scan)
			continue;
		text_trim(&q, &ql);
		if (!ql || !is_deciding_body(q, ql))
			continue;
		e = at + vl;
		if (v >= 4) {
			*rest = at + 1;	/* "approved the lease ..." */
			return true;
		}
		if (!(e == len || s[e] == ':' || s[e] == '-' || text_starts_ci(s + e, len - e, " to ") ||
		      text_starts_ci(s + e, len - e, " that") || text_starts_ci(s + e, len - e, " the following")))
			continue;
		while (e < len && (s[e] == ':' || s[e] == '-' || s[e] == ' '))
			e++;
		*rest = e;
		return true;
	}
	return false;
}

/*
 * "agreed" within a line as a decision: "Following discussion, it was
 * agreed that ...", "The Clerk presented the budget. It was unanimously
 * agreed to ...", "After discussion it was AGREED to ..." ("it was" and
 * one word at most before it), or "AGREED" in capitals after a sentence's
 * end, a comma or "and", or after a seconder and "and" ("proposed by A,
 * seconded by B and agreed to ..."); then "that", "to" or a colon.  Not
 * "the contractor agreed to", "an agreed plan".  Returns the offset of the
 * decision's text in *rest.
 */
static bool agreed_in_line(const char *s, size_t len, size_t *rest)
{
	for (size_t i = 1; i + 6 <= len && i <= 400; i++) {
		const char *q = s;
		size_t ql = i, e = i + 6, tail;
		bool caps = memcmp(s + i, "AGREED", 6) == 0, ok;

		if (!(caps || strncmp(s + i, "agreed", 6) == 0) || ascii_is_alpha(s[i - 1]) ||
		    (e < len && ascii_is_alpha(s[e])))
			continue;
		text_trim(&q, &ql);
		if (!ql)
			continue;
		tail = ql < 20 ? 0 : ql - 20;
		tail += text_find_ci(q + tail, ql - tail, "it was");
		ok = tail < ql && (tail == 0 || q[tail - 1] == ' ') &&
		     (tail + 6 == ql || (q[tail + 6] == ' ' && !memchr(q + tail + 7, ' ', ql - tail - 7)));
		if (!ok && caps)
			ok = q[ql - 1] == '.' || q[ql - 1] == ',' || q[ql - 1] == ';' || ends_with_and(q, ql);
		if (!ok)	/* Ireland: "it was proposed by Cllr A, seconded by Cllr B, and agreed to ..." */
			ok = ends_with_and(q, ql) && text_find_ci(q, ql, "seconded by") < ql;
		if (!ok)
			continue;
		if (e < len && !(s[e] == ':' || text_starts_ci(s + e, len - e, " that") ||
				 text_starts_ci(s + e, len - e, " to ")))
			continue;
		while (e < len && (s[e] == ':' || s[e] == ' ' || s[e] == '-'))
			e++;
		*rest = e;
		return true;
	}
	return false;
}

/*
 * After "Resolution 2024-11:" at j, a US agenda's name of the measure, not
 * the decision: a title in capitals word by word, or one opening with a
 * participle ("Authorizing the Purchase of a Street Sweeper", "Approving
 * an Agreement with ..."), where a decision reads "That Council ...".
 */
static bool names_a_measure(const char *s, size_t len, size_t j)
{
	size_t words = 0, capital = 0, i = j;

	if (j >= len || s[j] != ':')
		return false;
	i = skip_blanks(s, len, j + 1);
	for (size_t w = i; w < len;) {
		size_t e = w;

		while (e < len && s[e] != ' ')
			e++;
		if (w == i && e - w > 5 && ascii_is_upper(s[w]) && memcmp(s + e - 3, "ing", 3) == 0)
			return true;	/* "Authorizing ...", "Amending ..." */
		if (e - w >= 4 && ascii_is_alpha(s[w])) {
			words++;
			capital += ascii_is_upper(s[w]);
		}
		w = skip_blanks(s, len, e);
	}
	return words >= 2 && capital == words;
}

/*
 * A mover and seconder in brackets ending the line, from s[open] == '(':
 * "(Councillors Fennell/Bhatt)", "(Dean McAlister/Philippa Robb):".
 */
static bool movers_in_brackets(const char *s, size_t len, size_t open)
{
	const char *close;

	while (len && (s[len - 1] == ':' || s[len - 1] == ' '))
		len--;
	if (open >= len || s[open] != '(' || s[len - 1] != ')' || len - open > 60)
		return false;
	close = memchr(s + open, ')', len - open);
	return close == s + len - 1 && memchr(s + open, '/', len - open) && ascii_is_upper(s[open + 1]);
}

/*
 * Other ways minutes mark a decision, at the start of a line: "AGREED that
 * ...", "Agreed: ...", "It was agreed that ...", "DECISION:", "Council
 * Decision", "COUNCIL RESOLUTION 2024/15", "Resolution No. 45:", a town
 * meeting's "Voted unanimously to ..." / "VOTED: That ..." (not "Voted: 5
 * for"), a cabinet's "RECOMMENDED TO COUNCIL – That ...".  Returns true and the offset of the decision's text in *rest (len
 * when it follows on the next lines).  A sentence that merely uses the
 * word ("Agreed actions are listed", "The resolution was") is not one.
 */
static bool decision_marker(const char *s, size_t len, size_t *rest)
{
	static const char *const agreed[] = { "it was unanimously agreed", "it was agreed", "agreed" };
	static const char *const labels[] = {
		"council resolution", "committee resolution", "board resolution", "resolution no.", "resolution",
		"council decision", "committee decision", "decision",
	};
	size_t at = 0;

	for (size_t k = 0; k < sizeof agreed / sizeof *agreed && !at; k++) {
		size_t n = strlen(agreed[k]);

		if (!text_starts_ci(s, len, agreed[k]) || !ascii_is_upper(s[0]))
			continue;
		if (n == len || s[n] == ':' || (k < 2 && (text_starts_ci(s + n, len - n, " that") ||
							 text_starts_ci(s + n, len - n, " to "))) ||
		    (k == 2 && (memcmp(s, "AGREED", 6) == 0 || text_starts_ci(s + n, len - n, " that"))))
			at = n;
	}
	if (!at && len > 11 && memcmp(s, "RECOMMENDED", 11) == 0) {
		/* a cabinet's recommendation: "RECOMMENDED TO COUNCIL – That ...", "RECOMMENDED to Full
		 * Council that ...", "RECOMMENDED: That ..." */
		static const char *const to[] = { " to full council", " to council" };
		size_t j = 11;

		for (size_t k = 0; k < sizeof to / sizeof *to; k++)
			if (text_starts_ci(s + j, len - j, to[k])) {
				j += strlen(to[k]);
				break;
			}
		if (j == len || s[j] == ':' || text_spaced_dash(s, len, j) || text_starts_ci(s + j, len - j, " that ") ||
		    (s[j] == ' ' && text_dash_len(s, len, j + 1) && j + 1 + text_dash_len(s, len, j + 1) == len))
			at = j;	/* "RECOMMENDED TO COUNCIL –" ending its line: the list follows */
	}
	if (!at && (text_starts_ci(s, len, "voted ") || text_starts_ci(s, len, "voted:")) && ascii_is_upper(s[0])) {
		/* a town meeting's "Voted unanimously to accept the reports.", "VOTED: That ..." */
		size_t j = 5;

		if (text_starts_ci(s + j, len - j, " unanimously"))
			j += 12;
		if (j < len && s[j] == ':' && j + 2 < len && !ascii_is_digit(s[skip_blanks(s, len, j + 1)]))
			at = j;
		else if (text_starts_ci(s + j, len - j, " to ") || text_starts_ci(s + j, len - j, " that "))
			at = j + 1;
	}
	for (size_t k = 0; k < sizeof labels / sizeof *labels && !at; k++) {
		size_t n = strlen(labels[k]), j;

		if (!text_starts_ci(s, len, labels[k]))
			continue;
		j = n;
		if (text_starts_ci(s + j, len - j, " number "))
			j += 7;	/* "Resolution number SOC2023/45" */
		j = resolution_code_end(s, len, j);
		if (ascii_is_upper(s[0]) && (j == len || s[j] == ':' || (memcmp(s, "DECISION", 8) == 0 &&
									   text_spaced_dash(s, len, n))) &&
		    !names_a_measure(s, len, j))
			at = j;	/* not prose run on to a line's start: "decision."; "DECISION – That ..." */
	}
	if (!at && (text_starts_ci(s, len, "recommendation (") || text_starts_ci(s, len, "committee recommendation (")) &&
	    ascii_is_upper(s[0]) && movers_in_brackets(s, len, (size_t)((const char *)memchr(s, '(', len) - s)))
		at = len;	/* an audit committee's "RECOMMENDATION (Aberline/De Silva)": moved, so decided */
	if (!at)
		return false;
	for (size_t d;;) {
		/* ":", "-", "–" (AGREED – That ...), blanks */
		if (at < len && (s[at] == ':' || s[at] == ' ' || s[at] == '-' || s[at] == ',' || s[at] == '\t'))
			at++;
		else if ((d = text_dash_len(s, len, at)) != 0)
			at += d;
		else
			break;
	}
	*rest = at;
	return true;
}

/*
 * "CARRIED", "CARRIED 5/0", "Motion carried unanimously", "LOST", "DEFEATED",
 * "Motion Passed (4 to 0)", "Motion Failed (1 to 3)": a vote's
 * outcome line; also after the mover and seconder and a column gap (New
 * Zealand: "Cr Ellis / Cr Fong          CARRIED").
 */
static bool is_outcome_line(const char *s, size_t len)
{
	size_t cell, pre;

	static const char *const outcomes[] = {
		"carried", "lost", "defeated", "passed", "failed", "motion carried", "motion carries",
		"motion lost", "motion defeated", "motion passed", "motion passes", "motion failed",
		"motion fails",
	};

	for (size_t k = 0; k < sizeof outcomes / sizeof *outcomes && len < 40; k++)
		if (text_starts_ci(s, len, outcomes[k]))
			return true;	/* eSCRIBE: "Motion Passed (4 to 0)", "Motion Failed (1 to 3)" */
	cell = text_last_cell(s, len, 2);
	for (pre = cell; pre > 0 && (s[pre - 1] == ' ' || s[pre - 1] == '\t'); pre--)
		;
	return cell && pre < 60 && len - cell < 40 && text_find_ci(s, pre, " / ") < pre &&
	       is_outcome_line(s + cell, len - cell);
}

enum res_state { RES_NONE, RES_REST, RES_WANT, RES_SINGLE, RES_LIST, RES_MOTION, RES_MOTION_WAIT };

/*
 * Drop the quotation marks around a whole text ('"That ... be adopted."',
 * curly or straight): only when the text opens with one and closes with
 * its pair (a full stop after it aside) and holds no other.
 */
static void unquote(struct sbuf *t)
{
	static const char *const open[] = { "\"", "\xe2\x80\x9c" }, *const close[] = { "\"", "\xe2\x80\x9d" };

	for (size_t k = 0; k < 2; k++) {
		size_t ol = strlen(open[k]), cl = strlen(close[k]), e = t->len, quotes = 0;

		if (t->len <= ol + cl || memcmp(t->buf, open[k], ol) != 0)
			continue;
		while (e > ol && (t->buf[e - 1] == '.' || t->buf[e - 1] == ' '))
			e--;
		if (e < ol + cl || memcmp(t->buf + e - cl, close[k], cl) != 0)
			return;
		for (size_t i = 0; i + ol <= t->len; i++)
			quotes += memcmp(t->buf + i, open[k], ol) == 0 || memcmp(t->buf + i, close[k], cl) == 0;
		if (quotes != 2)
			return;	/* '"A" and "B"': quotes inside, not around */
		memmove(t->buf + e - cl, t->buf + e, t->len - e);
		sbuf_setlen(t, t->len - cl);
		memmove(t->buf, t->buf + ol, t->len - ol);
		sbuf_setlen(t, t->len - ol);
		return;
	}
}

/* Push the cleaned resolution in cur (if any) and empty cur. */
/*
 * s without the vote's record after the decision's sentences ("... be
 * signed as a correct record. Proposed Cllr Mead, seconded Cllr North, all
 * in favour."; "... (Proposed Cllr Mead, seconded Cllr North)"): its length up
 * to that record, or len.
 */
static size_t without_vote_record(const char *s, size_t len)
{
	static const char *const records[] = { "proposed ", "moved ", "seconded ", "all in favour", "carried" };

	for (size_t i = sentence_end(s, len, 0); i < len; i = sentence_end(s, len, i + 1)) {
		size_t at = skip_blanks(s, len, i + 1);

		for (size_t k = 0; k < sizeof records / sizeof *records; k++)
			if (text_starts_ci(s + at, len - at, records[k]))
				return i + 1;
	}
	for (size_t i = len; i-- > 0;) {
		if (s[i] != '(')
			continue;
		if ((text_starts_ci(s + i + 1, len - i - 1, "proposed ") ||
		     text_starts_ci(s + i + 1, len - i - 1, "moved ")) && text_find_ci(s + i, len - i, "second") < len - i)
			return i;
		break;
	}
	return len;
}

static int res_flush(struct sbuf *cur, struct field_item *it)
{
	struct sbuf clean = {0};
	int rc = CM_OK;

	if (!cur->len)
		return CM_OK;
	text_clean(cur->buf, cur->len, &clean);
	sbuf_setlen(&clean, without_vote_record(clean.buf, clean.len));
	unquote(&clean);	/* Ireland: And resolved: "That the Minutes ... be adopted." */
	tidy_title(&clean, false);
	if (sbuf_oom(cur) || sbuf_oom(&clean))
		rc = CM_ENOMEM;
	else if (clean.len >= 3)
		rc = strv_pushn(&it->resolutions, clean.buf, clean.len);
	sbuf_release(&clean);
	sbuf_reset(cur);
	return rc;
}

/* Push the item's title as its decision: a vote record that carried with no motion's words. */
static int decide_title(struct field_item *it, const char *title)
{
	struct sbuf dec = {0};
	int rc;

	sbuf_adds(&dec, title);
	rc = res_flush(&dec, it);
	sbuf_release(&dec);
	return rc;
}

/*
 * After "moved", what a motion may move without "to" or "that" (Alberta:
 * "Councillor A moved first reading of Bylaw 1187-24.", "... moved the
 * adoption of ..."): the length of the blank before it, 0 when none.
 */
static size_t moves_a_reading(const char *s, size_t len)
{
	static const char *const what[] = {
		" first reading", " second reading", " third reading", " the adoption of", " adoption of",
		" approval of", " the approval of", " acceptance of",
	};

	for (size_t k = 0; k < sizeof what / sizeof *what; k++)
		if (text_starts_ci(s, len, what[k]))
			return 1;
	return 0;
}

/*
 * A motion as US and Canadian minutes record it, in one sentence: "MOTION:
 * Councilmember Diaz moved to approve the agenda.", "Moved by Diaz,
 * seconded by Park, to approve the consent calendar.", "It was moved and
 * seconded that ...": a label, or an office and a name, then "moved".
 * Short mover lines ("Moved by Councillor A") are not one: there the
 * motion's text follows on its own line.
 */
static bool is_motion_start(const char *s, size_t len)
{
	static const char *const labels[] = {
		"motion:", "motion by ", "moved by ", "it was moved ", "a motion was made ", "motion made by ",
		"on motion of ", "on a motion by ", "proposed by ", "it was proposed ",
		"m/s/c ", "m/s/c: ", "m/s/c/u ", "m/s ",	/* moved, seconded (and carried): "M/S/C Vickers/Tamura to ..." */
	};
	static const char *const offices[] = {
		"councilmember ", "council member ", "councilor ", "councillor ", "commissioner ", "trustee ",
		"board member ", "member ", "mayor ", "vice mayor ", "deputy mayor ", "vice chair ", "chair ",
		"alderman ", "alderwoman ", "alderperson ", "alder ", "councilman ", "councilwoman ",
		"supervisor ", "director ", "cr ", "cllr ", "selectman ",
		"selectwoman ", "legislator ", "vice president ", "president ", "secretary ", "treasurer ",
		"mr. ", "mrs. ", "ms. ", "dr. ", "mr ", "mrs ", "ms ",	/* New England boards: "Mr. Ek moved to ..." */
	};
	size_t scan = len < 60 ? len : 60, m;

	if (!ascii_is_upper(s[0]))
		return false;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (text_starts_ci(s, len, labels[k]))
			return text_find_ci(s, len, " to ") < len || text_find_ci(s, len, " that ") < len ||
			       (len > 5 && strncasecmp(s + len - 5, " that", 5) == 0) ||	/* "..., that" / "this be Approved." */
			       /* "A motion was made by Councilmember Fenwick, seconded by Councilmember" /
				* "Sturm, that this Ordinance be Adopted.": the sentence wraps before its "that" */
			       ((k == 3 || k == 4) && len > 50 && text_find_ci(s, len, "seconded by") < len &&
				(ascii_is_alpha(s[len - 1]) || s[len - 1] == ',') && !ends_with_and(s, len));
	for (size_t k = 0; k < sizeof offices / sizeof *offices; k++) {
		size_t words = 0, verb = 6;	/* " moved" */

		if (!text_starts_ci(s, len, offices[k]))
			continue;
		/* "Councilmember Diaz moved to ...", "Commissioner Smith moved, seconded by ...":
		 * a name of three words at most between the office and "moved" */
		m = text_find_ci(s, scan, " moved");
		if (m >= scan && (m = text_find_ci(s, scan, " proposed")) < scan)
			verb = 9;	/* "Cllr Black proposed that ..." */
		if (m >= scan && (m = text_find_ci(s, scan, " made a motion")) < scan)
			verb = 14;	/* "Vice President Cisneros made a motion to approve ..." */
		if (m >= scan)
			return false;
		for (size_t i = strlen(offices[k]); i < m; i++)
			words += s[i] == ' ';
		if (words > 2)
			return false;
		m += verb;
		return m < len && (s[m] == ',' || text_starts_ci(s + m, len - m, " to ") ||
				   text_starts_ci(s + m, len - m, " that ") || text_starts_ci(s + m, len - m, " and ") ||
				   moves_a_reading(s + m, len - m) != 0);
	}
	return false;
}

/* "Vote 3-0", "voted 4-1": 1 when more for than against, -1 when not, 0 when no count is said. */
static int vote_count(const char *s, size_t len)
{
	size_t at = text_find_ci(s, len, "vote");

	while (at < len) {
		size_t i = at + 4, a = 0, b = 0, da = 0, db = 0;

		if (i < len && (s[i] == 'd' || s[i] == 's' || s[i] == 'D' || s[i] == 'S'))
			i++;	/* "voted 4-1", "VOTED: 3-0-0" */
		if (i < len && s[i] == ':')
			i++;
		i = skip_blanks(s, len, i);
		for (; i < len && ascii_is_digit(s[i]) && da < 3; da++)
			a = a * 10 + (size_t)(s[i++] - '0');
		if (da && i + 1 < len && s[i] == '-' && ascii_is_digit(s[i + 1])) {
			for (i++; i < len && ascii_is_digit(s[i]) && db < 3; db++)
				b = b * 10 + (size_t)(s[i++] - '0');
			return a > b ? 1 : -1;
		}
		at = i + text_find_ci(s + i, len - i, "vote");
	}
	return 0;
}

/*
 * Where a motion starts in a line: at its start (is_motion_start), or
 * after a sentence of its own ("Staff presented the report. Councilmember
 * Smith moved to approve the contract, seconded by ..."); len when none.
 */
static size_t motion_in_line(const char *s, size_t len)
{
	if (is_motion_start(s, len))
		return 0;
	for (size_t i = 2; i + 8 < len; i++)
		if (s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == ';' || s[i - 2] == ':' ||
					(i >= 4 && text_dash_len(s, len, i - 2) == 1 && s[i - 3] == ' ') ||
					(i >= 5 && text_dash_len(s, len, i - 4) == 3 && s[i - 5] == ' ')) &&
		    ascii_is_upper(s[i]) &&
		    !(i >= 4 && s[i - 4] == ' ' && ascii_is_upper(s[i - 3])) &&	/* "J. Smith" */
		    is_motion_start(s + i, len - i))
			return i;
	return len;
}

/* How often the word w (a whole word, any case) stands in s. */
static size_t count_word(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w), count = 0;

	for (size_t at = text_find_ci(s, len, w); at < len; at += 1 + text_find_ci(s + at + 1, len - at - 1, w))
		count += (at == 0 || !ascii_is_alpha(s[at - 1])) && (at + n >= len || !ascii_is_alpha(s[at + n]));
	return count;
}

/*
 * A roll-call vote after "Vote:" or "Roll call:" ("Vote: Mr. Harker, yes;
 * Mrs. Oyler, yes; Mr. Kinsey, no.", "Roll call: Pelletier – aye; ..."):
 * 1 when more said yes than no, -1 when not, 0 when no such tally.
 */
static int roll_tally(const char *s, size_t len)
{
	size_t at = text_find_ci(s, len, "vote:"), yes, no;

	if (at == len)
		at = text_find_ci(s, len, "roll call:");
	if (at == len)
		return 0;
	s += at;
	len -= at;
	yes = count_word(s, len, "yes") + count_word(s, len, "aye") + count_word(s, len, "yea");
	no = count_word(s, len, "no") + count_word(s, len, "nay");
	if (yes + no < 2)
		return 0;
	return yes > no ? 1 : -1;
}

/* Where a vote's outcome is said in s: 1 carried, -1 failed, 0 not said. */
static int motion_outcome(const char *s, size_t len)
{
	static const char *const failed[] = { "failed", "fails", "lost", "defeated", "motion died", "withdrawn" };
	static const char *const carried[] = { "carried", "carries", "passed", "passes", "approved", "adopted",
					       "all in favour", "all in favor", "unanimous" };
	int count = vote_count(s, len);

	if (count)
		return count;

	for (size_t k = 0; k < sizeof failed / sizeof *failed; k++)
		if (text_find_ci(s, len, failed[k]) < len)
			return -1;
	for (size_t k = 0; k < sizeof carried / sizeof *carried; k++)
		if (text_find_ci(s, len, carried[k]) < len)
			return 1;
	return roll_tally(s, len);	/* only the names' votes said it */
}

/*
 * Where the sentence that runs at `from` in s ends: a full stop before a
 * space and a capital, not after an abbreviation ("No. 45", "Mr. Lane",
 * "J. Smith"); len when it runs to the end.
 */
static size_t sentence_end(const char *s, size_t len, size_t from)
{
	static const char *const abbrev[] = { "no", "mr", "mrs", "ms", "dr", "st", "cllr", "cr", "inc", "co", "supt",
					      "dept", "hon", "rev" };

	for (size_t i = from; i + 2 < len; i++) {
		size_t w = i;
		bool short_word = false;

		size_t next = i + 1;

		while (next < len && (s[next] == ' ' || s[next] == '\n'))
			next++;	/* a column gap after the full stop is still a space */
		if (s[i] != '.' || next == i + 1 || next == len || !ascii_is_upper(s[next]))
			continue;
		while (w > from && ascii_is_alpha(s[w - 1]))
			w--;
		for (size_t k = 0; k < sizeof abbrev / sizeof *abbrev && !short_word; k++)
			short_word = i - w == strlen(abbrev[k]) && strncasecmp(s + w, abbrev[k], i - w) == 0;
		if (!short_word && i - w != 1)
			return i;
		if (i - w == 1 && i >= 3 && (s[i - 1] == 'm' || s[i - 1] == 'M') && s[i - 2] == '.' &&
		    strchr("apAP", s[i - 3]) && (i == 3 || !ascii_is_alpha(s[i - 4])))
			return i;	/* "... to adjourn at 8:03 p.m. Alderman Witt seconded." */
	}
	return len;
}

/* Does s say "carried" as a word ("and carried,", "and unanimously carried")? */
static bool find_carried(const char *s, size_t len)
{
	size_t at = text_find_ci(s, len, "carried");

	return at < len && (at == 0 || !ascii_is_alpha(s[at - 1])) && (at + 7 == len || !ascii_is_alpha(s[at + 7]));
}

/*
 * The decision in a motion's sentences (is_motion_start): from "to" or
 * "that" after "moved" ("made by", "motion by", "seconded by") to the end of that
 * sentence (sentence_end), in *start and *end; returns the vote's outcome
 * said after it (motion_outcome), or carried when the motion itself says it
 * was ("seconded by B and agreed to ...").
 */
static int motion_text(const char *s, size_t len, size_t *start, size_t *end)
{
	static const char *const anchors[] = { "moved", "made by", "motion by", "seconded by", "proposed",
					       "made a motion", "m/s/c", "m/s " };
	size_t m = len, a, b;

	*start = 0;
	*end = len;
	for (size_t k = 0; k < sizeof anchors / sizeof *anchors; k++) {
		size_t at = text_find_ci(s, len, anchors[k]);

		if (at < m)
			m = at;
	}
	if (m < len) {
		a = m + text_find_ci(s + m, len - m, " to ");
		b = m + text_find_ci(s + m, len - m, " that ");
		*start = (a < b ? a : b) + 1;
		if (*start > len)
			*start = 0;
		if (text_starts_ci(s + m, len - m, "moved") && m + 5 < len && moves_a_reading(s + m + 5, len - m - 5) &&
		    (*start == 0 || *start > m + 5 + sentence_end(s + m + 5, len - m - 5, 0)))
			*start = m + 6;	/* "moved first reading of Bylaw 1187-24." */
	}
	*end = sentence_end(s, len, *start);
	if (*end == len) {
		/* "... to approve the minutes. Motion carried 4-0." without a stop before it */
		size_t e = *start + text_find_ci(s + *start, len - *start, "motion carried");

		if (e < *end)
			*end = e;
	}
	{
		/* "Cllr A proposed that ..., seconded by Cllr B; all in favour.": the vote in its last clause */
		size_t c = *end, sec;
		int said;

		while (c > *start && s[c - 1] != ';' && s[c - 1] != ',')
			c--;
		said = motion_outcome(s + *end, len - *end);
		if (!said && c > *start && c < *end && (said = motion_outcome(s + c, *end - c)) != 0)
			*end = c - 1;
		if (!said && *start >= 9 && (strncasecmp(s + *start - 8, " agreed ", 8) == 0 ||
					     strncasecmp(s + *start - 9, "resolved ", 9) == 0))
			said = 1;	/* "Proposed by A, seconded by B and agreed to ...": carried as it is said */
		if (!said && m < *start && find_carried(s + m, *start - m))
			said = 1;	/* "It was moved by A, seconded by B, and carried, to approve ..." */
		if (!said && m < len && text_starts_ci(s + m, len - m, "m/s/c"))
			said = 1;	/* "M/S/C": moved, seconded and carried */
		sec = *start + text_find_ci(s + *start, *end - *start, ", seconded");
		if (sec < *end)
			*end = sec;
		sec = *start + text_find_ci(s + *start, *end - *start, " seconded the motion");
		if (sec < *end) {
			/* "... to approve the Consent Calendar and Board Member Ruiz seconded the motion" */
			size_t and_at = sec > *start + 40 ? sec - 40 : *start;

			and_at += text_find_ci(s + and_at, sec - and_at, " and ");
			if (and_at < sec)
				*end = and_at;
		}
		return said;
	}
}

/* Push the decision of the motion in cur when its vote carried; empty cur. */
static int motion_flush(struct sbuf *cur, struct field_item *it, int outcome)
{
	size_t start, end;
	int said = motion_text(sbuf_str(cur), cur->len, &start, &end), rc;
	struct sbuf dec = {0};

	if (!outcome)
		outcome = said;
	if (outcome <= 0) {
		/* failed, or no vote said: a motion is a decision once carried */
		sbuf_reset(cur);
		return CM_OK;
	}
	sbuf_add(&dec, cur->buf + start, end - start);
	sbuf_reset(cur);
	rc = res_flush(&dec, it);
	sbuf_release(&dec);
	return rc;
}

/* res_flush, keeping only the first sentence when one_sentence. */
static int res_flush_as(struct sbuf *cur, struct field_item *it, bool one_sentence)
{
	if (one_sentence && cur->len)
		sbuf_setlen(cur, sentence_end(cur->buf, cur->len, 0));
	return res_flush(cur, it);
}

/*
 * A line's length without its "Action" column: initials at its right
 * margin after a gap of three spaces or more ("It was resolved to seek a
 * second quote and explore the      AM", "... Clerk      BM/KD"), which
 * would otherwise be read into the decision's words.
 */
static size_t without_action_column(const char *s, size_t len)
{
	size_t e = len, w, run = 0;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	for (w = e; w > 0 && (ascii_is_upper(s[w - 1]) || s[w - 1] == '/' || s[w - 1] == '&'); w--) {
		/* pairs of initials, "BM" or "BM/KD"; not a table's "VAT" or "OWNER" */
		run = ascii_is_upper(s[w - 1]) ? run + 1 : 0;
		if (run > 2 || (!run && (w == e || s[w] == '/' || s[w] == '&')))
			return len;
	}
	if (w == e || e - w > 8 || w < 4 || !ascii_is_upper(s[w]) || !ascii_is_upper(s[e - 1]) ||
	    !(s[w - 1] == ' ' && s[w - 2] == ' ' && s[w - 3] == ' '))
		return len;
	for (size_t i = w; i < e; i++)
		if (ascii_is_upper(s[i]) && (i + 1 == e || !ascii_is_upper(s[i + 1])) &&
		    (i == w || !ascii_is_upper(s[i - 1])))
			return len;	/* a lone capital: "Plan A" */
	while (w > 0 && s[w - 1] == ' ')
		w--;
	return w;
}

/* Line k's text, trimmed, in *s / *len; false when it is blank or a running line. */
static bool line_text(const struct fparse *p, size_t k, const char **s, size_t *len)
{
	if (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING))
		return false;
	*s = p->t + p->lines[k].off;
	*len = p->lines[k].len;
	text_trim(s, len);
	return *len > 0;
}

/*
 * The heading over item c's number, in Scotland's minutes ("School Estate
 * Strategy" / "3. There was submitted a report ..."): a short line of its
 * own after a blank line, at most one blank line above the number, not
 * ending in a stop, a colon or a comma, and below the previous item's
 * line (after).  Its line, or 0 when there is none.
 */
static size_t heading_over(const struct fparse *p, const struct cand *c, size_t after)
{
	size_t k = c->line;
	const char *s;
	size_t len;

	if (k < 2)
		return 0;
	k--;
	if (p->lines[k].flags & FLINE_BLANK)
		k--;
	if (k <= after || !line_text(p, k, &s, &len) || len < 3 || len > 80 || !ascii_is_upper(s[0]) ||
	    strchr(".,:;", s[len - 1]) || (k > 0 && !(p->lines[k - 1].flags & FLINE_BLANK)))
		return 0;
	return k;
}

/*
 * Minutes whose numbers open paragraphs, each under a heading of its own
 * (Scotland: "Declarations of Interest" / "1. There were no declarations
 * of interest."): when two items or more, and two thirds of them, have a
 * heading over them (heading_over) and a sentence after the number, the
 * heading is the item's title (as a label; the numbered paragraph is its
 * body) and no longer the end of the item before.
 */
static void headings_above(const struct fparse *p, struct cands *cs, const size_t *chain, size_t n)
{
	size_t with = 0;

	for (size_t i = 0; i < n; i++) {
		const struct cand *c = &cs->v[chain[i]];
		size_t after = i ? cs->v[chain[i - 1]].title_line : 0;
		const char *t = p->t + p->lines[c->title_line].off + c->title_off;
		size_t tl = p->lines[c->title_line].len - c->title_off;

		text_trim(&t, &tl);
		if (c->title_line == c->line && !c->label_len && tl > 20 && heading_over(p, c, after) &&
		    (t[tl - 1] == '.' || tl * 10 >= p->wrap_width * 8))
			with++;
	}
	if (with < 2 || with * 3 < n * 2)
		return;
	for (size_t i = 0; i < n; i++) {
		struct cand *c = &cs->v[chain[i]];
		size_t after = i ? cs->v[chain[i - 1]].title_line : 0, k = heading_over(p, c, after);
		const char *s;
		size_t len;

		if (!k || !line_text(p, k, &s, &len))
			continue;
		c->line = c->title_line = k;
		c->title_off = (size_t)(s - (p->t + p->lines[k].off));
		c->label_len = len;
	}
}

/*
 * US and Canadian minutes take the roll under an item ("B. ROLL CALL" /
 * "Present: Mayor Ruiz, ..."; "1. CALL TO ORDER AND ROLL CALL"): the
 * lines of the first such item among the first four, for the attendance
 * lists when the front matter has none.
 */
static void roll_call_lines(struct fparse *p, const struct cands *cs, const size_t *chain, size_t n)
{
	/* the roll's own item, else the opening's (Legistar: "1. CALL TO ORDER" / "Present: 5 - ...") */
	static const char *const words[] = { "roll call", "attendance", "present", "sederunt", "call to order", "opening" };

	p->roll_from = p->roll_to = 0;
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		for (size_t i = 0; i < n && i < 4; i++) {
			const struct cand *c = &cs->v[chain[i]];
			const struct fline *l = &p->lines[c->title_line];
			const char *t = p->t + l->off + c->title_off;
			size_t tl = l->len - c->title_off < 60 ? l->len - c->title_off : 60;

			if (text_find_ci(t, tl, words[w]) < tl) {
				p->roll_from = c->title_line;
				p->roll_to = i + 1 < n ? cs->v[chain[i + 1]].line : p->n_lines;
				if (p->roll_to > p->roll_from + 40)
					p->roll_to = p->roll_from + 40;
				return;
			}
		}
	}
}

/*
 * Minutes laid out as a table with an "Action" column on the right (UK
 * parish minutes: "Item   Discussion   Action", pdftotext -layout): the
 * column where its heading starts, found on a line that ends with it after
 * a gap of four spaces or more; 0 when there is none.
 */
static size_t find_action_column(const struct fparse *p)
{
	static const char *const heads[] = { "action", "actions", "action by" };

	for (size_t k = 0; k < p->n_lines; k++) {
		const char *s = p->t + p->lines[k].off;
		size_t len = p->lines[k].len, w;

		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		for (size_t h = 0; h < sizeof heads / sizeof *heads; h++) {
			size_t hl = strlen(heads[h]);

			if (len < hl + 8 || strncasecmp(s + len - hl, heads[h], hl) != 0 ||
			    !ascii_is_upper(s[len - hl]))
				continue;
			w = len - hl;
			if (w >= 4 && memcmp(s + w - 4, "    ", 4) == 0)
				return w;
		}
	}
	return 0;
}

/*
 * A line's length without its "Action" column: the last cell after a gap
 * of three spaces or more that starts near the column's heading (p's
 * action_col) and is short ("... approved and signed.      Chair"), or
 * initials at the right margin (without_action_column).  s starts col0
 * bytes into its line (a body that starts beside its title).
 */
static size_t without_action_cell(const struct fparse *p, const char *s, size_t len, size_t col0)
{
	len = without_action_column(s, len);
	if (!p->action_col)
		return len;
	for (size_t i = len; i > 3; i--) {
		size_t cell = i;

		if (s[i - 1] != ' ' || s[i - 2] != ' ' || s[i - 3] != ' ' || i >= len || s[i] == ' ')
			continue;
		if (col0 + cell + 8 < p->action_col || col0 + cell > p->action_col + 12 || len - cell > 25)
			return len;
		for (size_t j = cell, words = 0; j < len; j++) {
			/* who acts: "Chair", "Clerk", "All", "Cllr Smith", "KD/NO"; not a sum or a sentence */
			if (ascii_is_digit(s[j]) || (j > cell && s[j - 1] == ' ' && s[j] != ' ' &&
						     (!ascii_is_upper(s[j]) || ++words > 2)))
				return len;
		}
		if (!ascii_is_upper(s[cell]))
			return len;
		while (i > 0 && s[i - 1] == ' ')
			i--;
		return i;
	}
	return len;
}

/*
 * A signature line at the foot of minutes ("Signed ………… Chairman  Date
 * ……", "Chair's signature: ________"): a line starting "Signed" or
 * "Signature", or naming the chair, with a run of five dots, underscores
 * or ellipses to sign on.  Not the item's text.
 */
static bool is_signature_line(const char *s, size_t len)
{
	size_t fill = 0, best = 0;

	text_trim(&s, &len);
	if (!text_starts_ci(s, len, "signed") && !text_starts_ci(s, len, "signature") &&
	    !text_starts_ci(s, len, "chair"))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.' || s[i] == '_')
			fill++;
		else if (i + 3 <= len && memcmp(s + i, "\xe2\x80\xa6", 3) == 0) {
			fill++;	/* an ellipsis, one character in three bytes */
			i += 2;
		} else if (s[i] != ' ')
			fill = 0;
		if (fill > best)
			best = fill;
	}
	return best >= 5;
}

/* Lines after a decision's start that its vote's outcome may come within (the record of the votes between). */
enum { FIELD_VOTE_LINES = 8 };

/* Drop the item's resolutions after the first n. */
static void res_drop_to(struct field_item *it, size_t n)
{
	while (it->resolutions.n > n) {
		free(it->resolutions.v[--it->resolutions.n]);
		it->resolutions.v[it->resolutions.n] = NULL;
	}
}

/*
 * Does the text before a decision's list (its colon left out) decide
 * something itself: six words or more that do not end waiting for the
 * list ("That planning permission be REFUSED for the following reasons",
 * not "that Cabinet agree to", "That the Local Board")?
 */
static bool lead_decides(const char *s, size_t len)
{
	static const char *const waiting[] = { "to", "that", "and", "the", "of", "be", "as", "on", "agree", "agreed" };
	size_t words = 0, last = 0;

	text_trim(&s, &len);
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) {
			words++;
			last = i;
		}
	if (words < 6)
		return false;
	for (size_t k = 0; k < sizeof waiting / sizeof *waiting; k++)
		if (strlen(waiting[k]) == len - last && strncasecmp(s + last, waiting[k], len - last) == 0)
			return false;
	return true;
}

/*
 * Does line k (trimmed and markup-free in t) say that the resolution below
 * it was adopted, as New York's town boards record it ("On a motion by
 * Councilman Oakes, seconded by ..., the following resolution was" /
 * "ADOPTED 4 Ayes 0 Nays")?  Then its "BE IT RESOLVED" is a decision.
 */
static bool says_resolution_adopted(const struct fparse *p, size_t k, size_t end, const char *t, size_t tl)
{
	static const char *const passed[] = { "adopted", "carried", "approved", "passed" };
	size_t at = text_find_ci(t, tl, "following resolution"), q = k + 1;
	const char *n = "";
	size_t nl = 0;

	if (at == tl)
		return false;
	while (q < p->n_lines && (p->lines[q].flags & FLINE_RUNNING))
		q++;
	if (q < p->n_lines && !(p->lines[q].flags & FLINE_BLANK)) {
		n = p->t + p->lines[q].off;
		nl = p->lines[q].len < 40 ? p->lines[q].len : 40;
	}
	for (size_t w = 0; w < sizeof passed / sizeof *passed; w++)
		if (text_find_ci(t + at, tl - at, passed[w]) < tl - at || text_find_ci(n, nl, passed[w]) < nl)
			return true;
	/* Ohio's journals: "... moved the adoption of the following resolution:" / "BE IT
	 * RESOLVED, ..." / the roll / "Adopted this 5th day of March, 2024." */
	for (q = k + 1; q < end && q < k + 40; q++) {
		const char *ls = p->t + p->lines[q].off;
		size_t ll = p->lines[q].len;

		text_trim(&ls, &ll);
		if (text_starts_ci(ls, ll, "adopted this ") || text_starts_ci(ls, ll, "resolution adopted") ||
		    text_starts_ci(ls, ll, "passed and adopted"))
			return true;
	}
	return false;
}

/*
 * After "BE IT RESOLVED" at a line's start ("NOW, THEREFORE, BE IT
 * RESOLVED, that ...", "BE IT FURTHER RESOLVED that ..."): the offset of
 * the decision's text, 0 when the line does not start so.
 */
static size_t be_it_resolved(const char *t, size_t tl)
{
	static const char *const leads[] = { "now, therefore, ", "now therefore, ", "now, therefore ", "now therefore ", "" };
	static const char *const heads[] = { "be it resolved", "be it further resolved", "be it also resolved" };

	for (size_t a = 0; a < sizeof leads / sizeof *leads; a++) {
		size_t i = strlen(leads[a]);

		if (!text_starts_ci(t, tl, leads[a]))
			continue;
		for (size_t b = 0; b < sizeof heads / sizeof *heads; b++) {
			size_t j = i + strlen(heads[b]);

			if (!text_starts_ci(t + i, tl - i, heads[b]) || (j < tl && ascii_is_alpha(t[j])))
				continue;
			while (j < tl && (t[j] == ',' || t[j] == ':' || t[j] == ' '))
				j++;
			return j < tl ? j : 0;
		}
	}
	return 0;
}

/*
 * A vote record's outcome line: Granicus's "RESULT:      APPROVED
 * [UNANIMOUS]" (the item's title is what was decided), BoardDocs's "Final
 * Resolution: Motion Carries" (after "Motion & Voting" / the motion's text /
 * "Motion by A, second by B.").  The offset of the outcome, 0 when the line
 * is no such record.
 */
static size_t vote_result_at(const char *t, size_t tl)
{
	static const char *const labels[] = { "result:", "final resolution:", "final action:" };

	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (text_starts_ci(t, tl, labels[k]))
			return skip_blanks(t, tl, strlen(labels[k]));
	return 0;
}

/*
 * A California action summary's "ACTION: Waived the reading and adopted
 * Ordinance No. 5421." ("BOARD ACTION:", "Action Taken:"): the offset of
 * what was done, when it opens with a verb in the past tense ("Approved",
 * "Adopted", "Received"; not an English action point, "Action: Clerk to
 * write ..."); 0 otherwise.
 */
static size_t action_taken_at(const char *t, size_t tl)
{
	static const char *const labels[] = { "action:", "board action:", "action taken:", "council action:" };
	size_t at = 0, w;

	for (size_t k = 0; k < sizeof labels / sizeof *labels && !at; k++)
		if (text_starts_ci(t, tl, labels[k]))
			at = skip_blanks(t, tl, strlen(labels[k]));
	if (!at || at >= tl || !ascii_is_upper(t[at]))
		return 0;
	for (w = at; w < tl && ascii_is_alpha(t[w]); w++)
		;
	return w - at >= 4 && (w == tl || !ascii_is_alpha(t[w])) && strncasecmp(t + w - 2, "ed", 2) == 0 ? at : 0;
}

/*
 * The decision of an action taken (action_taken_at): nothing when it says
 * no action or a denial; the item's title when it only says "Approved as
 * recommended."; else its words.
 */
static int action_decision(const char *t, size_t tl, size_t at, const char *title, struct field_item *it)
{
	struct sbuf dec = {0};
	size_t words = 0;
	int rc;

	if (text_find_ci(t + at, tl - at, "no action") < tl - at || text_find_ci(t + at, tl - at, "no reportable") < tl - at ||
	    text_starts_ci(t + at, tl - at, "denied") || text_starts_ci(t + at, tl - at, "rejected") ||
	    motion_outcome(t + at, tl - at) < 0)
		return CM_OK;
	for (size_t i = at; i < tl; i++)
		words += t[i] == ' ' && t[i - 1] != ' ';
	if (words < 3 && motion_outcome(t + at, tl - at) > 0)
		sbuf_adds(&dec, title);	/* "Approved as recommended." */
	else
		sbuf_add(&dec, t + at, tl - at);
	rc = res_flush(&dec, it);
	sbuf_release(&dec);
	return rc;
}

/*
 * Legistar's verdict on an item taken without a motion of its own: "This
 * Consent Item was approved.", "This Ordinance was adopted." (a short
 * sentence from "This" to a passed verb).  Its decision is the title.
 */
static bool is_item_verdict(const char *t, size_t tl)
{
	static const char *const passed[] = { " was approved", " was adopted", " was accepted", " was passed",
					      " were approved", " were adopted" };
	size_t words = 0;

	if (!text_starts_ci(t, tl, "this ") || tl > 60)
		return false;
	for (size_t i = 0; i < tl; i++)
		words += t[i] == ' ';
	for (size_t k = 0; k < sizeof passed / sizeof *passed && words <= 7; k++) {
		size_t at = text_find_ci(t, tl, passed[k]), e = at + strlen(passed[k]);

		if (at < tl && (e == tl || (t[e] == '.' && e + 1 == tl)))
			return true;
	}
	return false;
}

/* BoardDocs's "Motion & Voting" over the motion's text. */
static bool is_motion_and_voting(const char *t, size_t tl)
{
	return (tl == 15 && strncasecmp(t, "motion & voting", 15) == 0) ||
	       (tl == 17 && strncasecmp(t, "motion and voting", 17) == 0);
}

/*
 * The decision of a vote record (vote_result_at) that carried: the motion's
 * text read under "Motion & Voting" (proposal), else the item's title,
 * unless the item already holds a decision since the last record.
 */
static int result_decision(const char *t, size_t tl, size_t at, struct sbuf *proposal, const char *title,
			   struct field_item *it, size_t decided_before)
{
	int rc = CM_OK;

	if (motion_outcome(t + at, tl - at) > 0 && (proposal->len || it->resolutions.n == decided_before))
		rc = proposal->len ? res_flush(proposal, it) : decide_title(it, title);
	sbuf_reset(proposal);
	return rc;
}

/*
 * Canada's bilingual minutes set a line's French before its English
 * ("Proposée par / Moved by: Conseillère Gauthier", "ADOPTÉE / CARRIED",
 * "Résolution / Resolution 2024-118"): a short line whose part before " / "
 * has an accented letter and no digit is read as its English half.  Moves
 * *t there and returns how many bytes that drops, 0 when the line is no
 * such pair.
 */
static size_t english_half(const char **t, size_t tl)
{
	size_t slash = text_find_ci(*t, tl, " / "), accents = 0;

	if (tl > 90 || slash == tl || slash == 0 || slash + 3 >= tl || !ascii_is_upper((*t)[slash + 3]))
		return 0;
	for (size_t i = 0; i < slash; i++) {
		if (ascii_is_digit((*t)[i]))
			return 0;
		accents += (unsigned char)(*t)[i] == 0xc3;	/* é, É, è, à, ç ... in UTF-8 */
	}
	if (!accents || text_find_ci(*t + slash + 3, tl - slash - 3, " / ") < tl - slash - 3)
		return 0;
	*t += slash + 3;
	return slash + 3;
}

/*
 * A resolution's number in the left margin before the motion or decision
 * it numbers (British Columbia "R24-081 It was moved and seconded",
 * Alberta "2024-071     Councillor A moved that ...", New South Wales
 * "145        RESOLVED (Councillors A/B)"): a word of letters, digits,
 * '-', '/' and '.' with two digits or more, not a date, then what starts a
 * motion or names its mover.  The length to skip (its blanks too), or 0.
 */
static size_t margin_resolution_number(const char *s, size_t len)
{
	size_t w = 0, digits = 0, letters = 0, g, rest;
	bool mid;
	int d;

	for (; w < len && (ascii_is_alpha(s[w]) || ascii_is_digit(s[w]) || s[w] == '/' || s[w] == '-' || s[w] == '.');
	     w++) {
		digits += ascii_is_digit(s[w]);
		letters += ascii_is_alpha(s[w]);
	}
	if (digits < 2 || letters > 5 || w > 20 || w == len || s[w] != ' ' || !ascii_is_digit(s[w - 1]) ||
	    date_parse(s, w, &d, NULL))
		return 0;
	g = skip_blanks(s, len, w);
	if (g == len || !ascii_is_upper(s[g]))
		return 0;
	if (is_motion_start(s + g, len - g) || is_mover_line(s + g, len - g) ||
	    text_starts_ci(s + g, len - g, "it was moved") ||
	    (resolution_marker(s + g, len - g, &rest, &mid) && !mid))
		return g;
	return 0;
}

/*
 * A resolution's lead into its parts: "That the Board:", "That Council:",
 * "That the Kowhai Bay Local Board:" (short, opening with "That", ending
 * with a colon).
 */
static bool is_resolution_lead(const struct sbuf *cur)
{
	return cur->len > 5 && cur->len < 80 && cur->buf[cur->len - 1] == ':' &&
	       strncasecmp(cur->buf, "that ", 5) == 0 && !memchr(cur->buf, '\n', cur->len);
}

/* A part's bare number under a resolution's lead ("1     Accepts ..."): its length with the gap, or 0. */
static size_t bare_part_number(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && n < 2 && ascii_is_digit(s[n]))
		n++;
	if (!n || n + 2 >= len || s[n] != ' ' || s[n + 1] != ' ')
		return 0;
	n = skip_blanks(s, len, n);
	return n < len && ascii_is_upper(s[n]) ? n : 0;
}

/*
 * "M/S/C" after a sentence in line t (something must precede it, in t or
 * in the paragraph so far, para), at *at: 1 when its names follow and no
 * motion's words, the sentence before is what it decided ("Warrants 4410
 * through 4462 were approved. M/S/C Tamura/Ellis.", "... as presented.
 * M/S/C" / "Vickers/Tamura."); 2 when the motion's words follow on the
 * next line, next ("... from Baker & Voss. M/S/C" / "Delacroix/Boyle to
 * approve ..."); 0 otherwise.
 */
static int msc_after_sentence(const struct sbuf *para, const char *t, size_t tl, const char *next, size_t nl,
			      size_t *at)
{
	size_t e, rest_end, n_end;

	*at = text_find_ci(t, tl, "m/s/c");
	if (*at == tl || (*at == 0 && !para->len) || (*at > 0 && t[*at - 1] != ' ') ||
	    (*at + 5 < tl && ascii_is_alpha(t[*at + 5])))
		return 0;
	if (*at > 0) {
		size_t b = *at - 1;

		while (b > 0 && t[b - 1] == ' ')
			b--;
		if (b == 0 || t[b - 1] != '.')
			return 0;	/* after a sentence's end */
	} else if (para->buf[para->len - 1] != '.') {
		return 0;
	}
	e = *at + 5;
	rest_end = e + sentence_end(t + e, tl - e, 0);
	if (text_find_ci(t + e, rest_end - e, " to ") < rest_end - e || text_find_ci(t + e, rest_end - e, " that ") < rest_end - e)
		return 0;	/* "M/S/C Vickers/Tamura to approve ...": a motion of its own */
	if (t[tl - 1] != '.' && nl) {
		n_end = sentence_end(next, nl, 0);
		if (text_find_ci(next, n_end, " to ") < n_end || text_find_ci(next, n_end, " that ") < n_end)
			return 2;
	}
	return 1;
}

/* Push the sentence before "M/S/C" at t[at] (in para and t) as the item's decision. */
static int decided_before_msc(const struct sbuf *para, const char *t, size_t at, struct field_item *it)
{
	struct sbuf all = {0}, dec = {0};
	size_t end, from = 0;
	int rc;

	sbuf_add(&all, sbuf_str(para), para->len);
	if (all.len && at)
		sbuf_addch(&all, ' ');
	sbuf_add(&all, t, at);
	end = all.len;
	while (end && (all.buf[end - 1] == ' ' || all.buf[end - 1] == '.'))
		end--;
	for (size_t i = 0; i < end; i++) {
		size_t e = sentence_end(all.buf, end, i);

		if (e >= end)
			break;
		from = e + 1;
		i = e;
	}
	while (from < end && all.buf[from] == ' ')
		from++;
	sbuf_add(&dec, all.buf + from, end - from);
	rc = sbuf_oom(&all) ? CM_ENOMEM : res_flush(&dec, it);
	sbuf_release(&all);
	sbuf_release(&dec);
	return rc;
}

/* Find the item's resolutions in its body lines (see the top of the file). */
static int item_resolutions(const struct fparse *p, const struct span *sp, const char *title,
			    struct field_item *it)
{
	struct sbuf line = {0}, cur = {0};
	enum res_state st = RES_NONE;
	bool blank_seen = false, want_list = false, motion = false, one_sentence = false;
	bool adopted_ahead = false;	/* "the following resolution was ADOPTED": its BE IT RESOLVED decides */
	bool proposing = false;		/* reading the motion under BoardDocs's "Motion & Voting" */
	bool bare_motion = false;	/* a mover named, no motion's words: its outcome decides the title */
	struct sbuf proposal = {0};
	struct sbuf para = {0};		/* the paragraph read so far, for a mover's record after its decision */
	size_t recorded_n = 0;		/* the item's decisions at the last vote record */
	int style = 0, lstyle;	/* list style: 'd' digits, 'a' letters, '-' bullets */
	size_t list_from = 0;	/* the item's resolutions before the list being read */
	bool resolved, mid = false;	/* the line holds a resolution marker; in mid-line */
	size_t decided_line = 0, decided_n = SIZE_MAX;	/* where the last decision began; resolutions before it */
	int rc = CM_OK;

	for (size_t k = sp->body_line; k < sp->end && rc == CM_OK; k++) {
		const struct fline *l = &p->lines[k];
		const char *s = p->t + l->off, *t;
		size_t len = l->len, tl, mk, rest, motion_at, n_before = it->resolutions.n;
		enum res_state st_before = st;
		bool list;

		if (l->flags & (FLINE_RUNNING | FLINE_ITEMREF))
			continue;
		if (k == sp->body_line && sp->body_off) {
			s += sp->body_off < len ? sp->body_off : len;
			len -= sp->body_off < len ? sp->body_off : len;
		} else {
			size_t side = past_side_cell(s, len, sp->side_col);

			s += side;
			len -= side;
		}
		sbuf_reset(&line);
		text_strip_markup(s, without_action_cell(p, s, len, (size_t)(s - (p->t + l->off))), &line);
		t = sbuf_str(&line);
		tl = line.len;
		text_trim(&t, &tl);
		tl -= english_half(&t, tl);
		{
			size_t code = margin_resolution_number(t, tl);

			t += code;
			tl -= code;
		}
		if (((st == RES_NONE && motion) || st == RES_WANT) && tl > 4 && memcmp(t, "QUE ", 4) == 0) {
			/* the French of the motion, its English ("THAT ...") on a line after it */
			size_t q = k + 1;

			for (; q < sp->end && q < k + 5; q++) {
				const char *qs = p->t + p->lines[q].off;
				size_t ql = p->lines[q].len;

				text_trim(&qs, &ql);
				if (ql > 5 && memcmp(qs, "THAT ", 5) == 0)
					break;
			}
			if (q < sp->end && q < k + 5) {
				k = q - 1;
				continue;
			}
		}
		if (!tl) {
			bool first_blank = !blank_seen;

			blank_seen = true;
			sbuf_reset(&para);
			if (st == RES_MOTION) {
				/* the motion's paragraph is over; its outcome may follow */
				size_t from, to;

				if (motion_text(sbuf_str(&cur), cur.len, &from, &to) != 0) {
					rc = motion_flush(&cur, it, 0);
					st = RES_NONE;
				} else {
					st = RES_MOTION_WAIT;
				}
			}
			if ((st == RES_REST || st == RES_SINGLE) && one_sentence && first_blank && cur.len &&
			    !strchr(".;:!)", cur.buf[cur.len - 1]))
				continue;	/* "it was agreed to allocate" / blank / "4,590 for ...": a wrapped sentence */
			if (st == RES_SINGLE && is_resolution_lead(&cur))
				continue;	/* New Zealand: "That the Board:" / blank / "Accepts the apology ..." */
			if (st == RES_REST || st == RES_SINGLE) {
				rc = res_flush_as(&cur, it, one_sentence);
				st = want_list ? RES_WANT : RES_NONE;
			}
			continue;
		}
		{
			size_t lead = skip_blanks(s, len, 0);

			list = bullet_at(s, len, lead) || list_marker(t, tl);
		}
		mk = list_marker(t, tl);
		if (!mk && ((st == RES_SINGLE && is_resolution_lead(&cur)) || (st == RES_LIST && style == 'd')) &&
		    (mk = bare_part_number(t, tl)) != 0)
			list = true;	/* "That the Regional Council:" / "1     Accepts the apology ..." */
		lstyle = !mk ? '-' : (t[0] == '(' ? t[1] : t[0]) >= '0' && (t[0] == '(' ? t[1] : t[0]) <= '9' ? 'd' : 'a';
		t += mk;
		tl -= mk;
		if (st == RES_LIST && list && lstyle != style) {
			/* "a) b)" then "3.": the lettered resolution list is over */
			rc = res_flush_as(&cur, it, one_sentence);
			st = RES_NONE;
		}
		if (st == RES_LIST && !list && blank_seen) {
			rc = res_flush_as(&cur, it, one_sentence);
			st = RES_NONE;
		}
		if (st == RES_NONE && (is_motion_and_voting(t, tl) || (rest = vote_result_at(t, tl)) != 0)) {
			if (is_motion_and_voting(t, tl)) {
				sbuf_reset(&proposal);
				proposing = true;
			} else {
				rc = result_decision(t, tl, rest, &proposal, title, it, recorded_n);
				recorded_n = it->resolutions.n;
				proposing = false;
			}
			goto next;
		}
		if (st == RES_NONE) {
			const char *ns = "";
			size_t nl = 0;
			int msc;

			if (k + 1 < sp->end && !(p->lines[k + 1].flags & (FLINE_BLANK | FLINE_RUNNING))) {
				ns = p->t + p->lines[k + 1].off;
				nl = p->lines[k + 1].len;
				text_trim(&ns, &nl);
			}
			msc = msc_after_sentence(&para, t, tl, ns, nl, &rest);
			if (msc == 1) {
				/* "Warrants 4410 through 4462 were approved. M/S/C Tamura/Ellis.": the sentence before */
				rc = decided_before_msc(&para, t, rest, it);
				recorded_n = it->resolutions.n;
				sbuf_reset(&para);
				goto next;
			}
			if (msc == 2) {
				/* "... M/S/C" / "Delacroix/Boyle to approve ...": the motion goes on */
				sbuf_add(&cur, t + rest, tl - rest);
				st = RES_MOTION;
				sbuf_reset(&para);
				goto next;
			}
		}
		if (st == RES_NONE) {
			if (para.len)
				sbuf_addch(&para, ' ');
			sbuf_add(&para, t, tl);
		}
		if (st == RES_NONE && !is_motion_start(t, tl) &&
		    (text_starts_ci(t, tl, "motion:") || text_starts_ci(t, tl, "motion by") ||
		     text_starts_ci(t, tl, "moved:") || text_starts_ci(t, tl, "moved by")))
			bare_motion = true;	/* "MOTION: Commissioner Marsh      SECOND: Vice Mayor Holloway" */
		if (st == RES_NONE && bare_motion && is_outcome_line(t, tl) && motion_outcome(t, tl) > 0 &&
		    it->resolutions.n == recorded_n) {
			/* "MOTION PASSED 5-0" after a mover and no motion's words: the title was decided */
			rc = decide_title(it, title);
			recorded_n = it->resolutions.n;
			bare_motion = false;
			goto next;
		}
		if (st == RES_NONE && is_outcome_line(t, tl)) {
			recorded_n = it->resolutions.n;	/* the words read before it were the motion */
			bare_motion = false;
		}
		if (st == RES_NONE && is_item_verdict(t, tl)) {
			if (it->resolutions.n == recorded_n)
				rc = decide_title(it, title);
			recorded_n = it->resolutions.n;
			goto next;
		}
		if (st == RES_NONE && (rest = action_taken_at(t, tl)) != 0) {
			rc = action_decision(t, tl, rest, title, it);
			recorded_n = it->resolutions.n;
			goto next;
		}
		if (st == RES_NONE && proposing) {
			/* the motion's text, up to "Motion by A, second by B." */
			if (text_starts_ci(t, tl, "motion by") || text_starts_ci(t, tl, "motion made by"))
				goto next;
			if (proposal.len)
				sbuf_addch(&proposal, ' ');
			sbuf_add(&proposal, t, tl);
			goto next;
		}
		if (st == RES_MOTION_WAIT) {
			/* "The motion carried 4-0." on its own, or no outcome said */
			int said = tl < 100 && !is_motion_start(t, tl) ? motion_outcome(t, tl) : 0;

			rc = motion_flush(&cur, it, said);
			st = RES_NONE;
			if (said)
				goto next;
		}
		if (st == RES_MOTION && motion_in_line(t, tl) < tl) {
			/* "a) ... M/S/C A/B to adopt ..." / "b) ... M/S/C C/D to approve ...": the next
			 * point or motion starts; the one read so far stands on its own */
			rc = motion_flush(&cur, it, 0);
			st = RES_NONE;
		}
		if (st == RES_MOTION) {
			sbuf_addch(&cur, ' ');
			sbuf_add(&cur, t, tl);
			goto next;
		}
		if (st == RES_NONE && it->resolutions.n > decided_n && k <= decided_line + FIELD_VOTE_LINES &&
		    is_outcome_line(t, tl) && motion_outcome(t, tl) < 0) {
			/* eSCRIBE: "That ..." / the vote's record / "Motion Failed (1 to 3)": the decision falls */
			res_drop_to(it, decided_n);
			goto next;
		}
		if (st != RES_NONE && (st != RES_LIST || !list) && is_outcome_line(t, tl)) {
			/* "CARRIED 5/0" ends the decision (a list's too); "LOST" undoes it */
			if (motion_outcome(t, tl) < 0) {
				sbuf_reset(&cur);
				if (st == RES_LIST)
					res_drop_to(it, list_from);
			}
			rc = res_flush_as(&cur, it, one_sentence);
			st = RES_NONE;
			goto next;
		}
		if ((st == RES_SINGLE || st == RES_REST || st == RES_LIST) && !list && tl < 80 && is_mover_pair(t, tl)) {
			/* New Zealand: "THAT ..." / "Cr Carr/Cr Elms        C24/01" closes it */
			rc = res_flush_as(&cur, it, one_sentence);
			st = RES_NONE;
			goto next;
		}
		if (st == RES_WANT && (is_mover_line(t, tl) || resolution_code_end(t, tl, 0) == tl))
			goto next;	/* "COUNCIL RESOLUTION" / "0125/24" / "Moved: Cr Quan" / "That ..." */
		if (st == RES_NONE && !adopted_ahead)
			adopted_ahead = says_resolution_adopted(p, k, sp->end, t, tl);
		if (st == RES_NONE && adopted_ahead && (rest = be_it_resolved(t, tl)) != 0) {
			resolved = true;	/* "... the following resolution was ADOPTED" / "BE IT RESOLVED, that" */
			mid = false;
			adopted_ahead = false;
		} else {
			resolved = st == RES_NONE && resolution_marker(t, tl, &rest, &mid);
		}
		if (st == RES_NONE && !resolved && (motion_at = motion_in_line(t, tl)) < tl) {
			sbuf_add(&cur, t + motion_at, tl - motion_at);
			st = RES_MOTION;
			goto next;
		}
		if (st == RES_NONE) {
			/* "Moved by Councillor A" / "Seconded by Councillor B" / "That the report be received." */
			if (motion && tl > 15 && memcmp(t, "BE IT RESOLVED ", 15) == 0 &&
			    text_starts_ci(t + 15, tl - 15, "that ")) {
				t += 15;	/* Canada: "BE IT RESOLVED THAT ..." under its mover */
				tl -= 15;
			}
			if (motion && tl > 6 && (memcmp(t, "That ", 5) == 0 || memcmp(t, "THAT ", 5) == 0 ||
						 memcmp(t, "That, ", 6) == 0)) {	/* "That, the following actions ..." */
				sbuf_add(&cur, t, tl);
				st = RES_SINGLE;
				motion = false;
				goto next;
			}
			if (motion && is_mover_line(t, tl))
				goto next;
			if (tl == 3 && memcmp(t, "AND", 3) == 0 && it->resolutions.n) {
				motion = true;	/* New Zealand: "That ... confirm ..." / "AND" / "That ... receives ..." */
				goto next;
			}
			/* "Moved by Councillor A", "Moved: Cr Smith", "Moved Cr Hill, Seconded Cr Ito" */
			motion = (text_starts_ci(t, tl, "moved by") || text_starts_ci(t, tl, "moved:") ||
				  text_starts_ci(t, tl, "it was moved by") ||
				  /* British Columbia: "It was moved and seconded" / "THAT ..." */
				  (text_starts_ci(t, tl, "it was moved and seconded") && tl < 30) ||
				  /* Victoria: "Moved Cr Haddad" / "Seconded Cr Trevorrow" / "That ..." */
				  (text_starts_ci(t, tl, "moved ") && tl < 50 && is_mover_name(t + 6, tl - 6)) ||
				  /* New Zealand: "Moved (Dean McAlister/Philippa Robb):" */
				  (text_starts_ci(t, tl, "moved (") && movers_in_brackets(t, tl, 6)) ||
				  (text_starts_ci(t, tl, "moved ") && text_find_ci(t, tl, "seconded") < tl)) &&
				 tl < 80 && t[tl - 1] != '.';
			if (motion)
				goto next;
			/* in mid-paragraph, the decision is that sentence ("... BM. Resolved to write to ...",
			 * "Members agreed to refer ... Mr Watts confirmed") */
			one_sentence = resolved && mid && rest < tl;
			if (!resolved && !decision_marker(t, tl, &rest)) {
				if (!agreed_in_line(t, tl, &rest) && !body_agreed(t, tl, &rest))
					goto next;
				if (says_by_verb(t + rest, tl - rest) && para.len > tl + 1 &&
				    !strchr(".:;", para.buf[para.len - tl - 2]))
					goto next;	/* "... two reasons that" / "Council approved the closure.": a
							 * sentence going on, telling what was done before */
				one_sentence = true;
			}
			/* "RESOLVED that Cabinet agree to:" wants a list; bare "Resolved:" takes either.  A
			 * lead that decides something itself is a decision before its list ("RESOLVED –
			 * That planning permission be REFUSED for the following reasons:") */
			want_list = rest < tl && t[tl - 1] == ':';
			if (want_list && lead_decides(t + rest, tl - rest - 1)) {
				sbuf_add(&cur, t + rest, tl - rest - 1);
				st = RES_REST;
			} else if (rest < tl && !want_list) {
				sbuf_add(&cur, t + rest, tl - rest);
				st = RES_REST;
			} else {
				st = RES_WANT;
			}
			goto next;
		}
		if ((st == RES_REST || st == RES_SINGLE) && one_sentence &&
		    (list || (cur.len && cur.buf[cur.len - 1] == '.'))) {
			/* a decision within a paragraph is its sentence: the next entry or sentence may hold its own */
			rc = res_flush_as(&cur, it, one_sentence);
			st = RES_NONE;
			k--;
			goto next;
		}
		if (list && (st == RES_WANT || st == RES_LIST || st == RES_REST || st == RES_SINGLE)) {
			if (st == RES_SINGLE && cur.len && cur.len < 80 && cur.buf[cur.len - 1] == ':')
				sbuf_reset(&cur);	/* "That the Waitemata Local Board:" leads into its list */
			if ((st == RES_REST || st == RES_SINGLE) && cur.len == 4 && strncasecmp(cur.buf, "that", 4) == 0)
				sbuf_reset(&cur);	/* "RESOLVED – That" / "(1) the report be noted; and" */
			if (st != RES_LIST)
				list_from = it->resolutions.n;
			rc = res_flush_as(&cur, it, one_sentence);
			sbuf_add(&cur, t, tl);
			if (st != RES_LIST)
				style = lstyle;
			st = RES_LIST;
			goto next;
		}
		switch (st) {
		case RES_WANT:
			if (want_list || body_agreed(t, tl, &rest)) {
				/* look at this line again for a new marker: "Decision" / "The
				 * Committee agreed:-" / its list */
				st = RES_NONE;
				want_list = false;
				k--;
				goto next;
			}
			sbuf_add(&cur, t, tl);
			st = RES_SINGLE;
			break;
		default:
			if (st == RES_REST && cur.len > 12 && cur.buf[cur.len - 1] == '.' && ascii_is_upper(t[0]) &&
			    !is_outcome_line(t, tl) && !is_mover_line(t, tl)) {
				/* "RESOLVED to request a SID." / "The Clerk will contact ...": the decision's
				 * sentence ended with its line; the next is the minute going on */
				rc = res_flush_as(&cur, it, false);
				st = RES_NONE;
				k--;
				goto next;
			}
			sbuf_addch(&cur, '\n');
			sbuf_add(&cur, t, tl);
			break;
		}
next:
		blank_seen = false;
		if (st_before == RES_NONE && st != RES_NONE) {
			decided_line = k;
			decided_n = n_before;
		}
	}
	if (rc == CM_OK)
		rc = st == RES_MOTION || st == RES_MOTION_WAIT ? motion_flush(&cur, it, 0) : res_flush_as(&cur, it, one_sentence);
	sbuf_release(&line);
	sbuf_release(&cur);
	sbuf_release(&proposal);
	sbuf_release(&para);
	return rc;
}

/*
 * The item's body: its lines after the title, running lines dropped,
 * paragraphs (blank lines, list entries) cleaned to one line each and
 * joined with '\n'.
 */
static int item_body(const struct fparse *p, const struct span *sp, struct sbuf *out)
{
	struct sbuf raw = {0}, stripped = {0}, joined = {0};
	int rc = CM_OK;

	for (size_t k = sp->body_line; k < sp->end; k++) {
		const struct fline *l = &p->lines[k];
		const char *s = p->t + l->off;
		size_t len = l->len, lead;

		if (l->flags & (FLINE_RUNNING | FLINE_ITEMREF))
			continue;
		if (k == sp->body_line && sp->body_off) {
			s += sp->body_off < len ? sp->body_off : len;
			len -= sp->body_off < len ? sp->body_off : len;
		} else {
			size_t side = past_side_cell(s, len, sp->side_col);

			s += side;
			len -= side;
		}
		if (is_signature_line(s, len))
			continue;
		lead = skip_blanks(s, len, 0);
		if (bullet_at(s, len, lead) || list_marker(s + lead, len - lead))
			sbuf_addch(&raw, '\n');	/* a list entry starts a paragraph */
		sbuf_add(&raw, s, without_action_cell(p, s, len, (size_t)(s - (p->t + l->off))));
		sbuf_addch(&raw, '\n');
	}
	text_strip_markup(sbuf_str(&raw), raw.len, &stripped);
	text_dehyphenate(sbuf_str(&stripped), stripped.len, &joined);
	{
		const char *s = sbuf_str(&joined);
		size_t n = joined.len, i = 0;

		while (i < n) {
			size_t e = i;

			/* a paragraph ends at an empty line */
			while (e < n) {
				const char *nl = memchr(s + e, '\n', n - e);
				size_t j;

				if (!nl) {
					e = n;
					break;
				}
				j = (size_t)(nl - s) + 1;
				while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'))
					j++;
				if (j >= n || s[j] == '\n') {
					e = (size_t)(nl - s);
					break;
				}
				e = j;
			}
			{
				size_t before = out->len;

				if (out->len)
					sbuf_addch(out, '\n');
				text_fold_space(s + i, e - i, out);
				if (out->len == before + 1)
					sbuf_setlen(out, before);
			}
			i = e + 1;
		}
	}
	if (sbuf_oom(&raw) || sbuf_oom(&stripped) || sbuf_oom(&joined) || sbuf_oom(out))
		rc = CM_ENOMEM;
	sbuf_release(&raw);
	sbuf_release(&stripped);
	sbuf_release(&joined);
	return rc;
}

/*
 * Legistar's decisions say only "that this Ordinance be Adopted", "that this
 * Contract be Approved": what "this" is, is the item's title, which is added
 * ("that this Ordinance be Adopted – An Ordinance ... Relating to Accessory
 * Dwelling Units") so that the decision can be found by what it decided.
 */
static int name_what_this_is(struct field_item *it, const char *title)
{
	for (size_t i = 0; i < it->resolutions.n; i++) {
		const char *r = it->resolutions.v[i];
		size_t rl = strlen(r), words = 0, be = text_find_ci(r, rl, " be ");
		char *named;

		if (!text_starts_ci(r, rl, "that this ") || be == rl || !*title || !ascii_is_upper(r[10]) ||
		    be + 4 >= rl || !ascii_is_upper(r[be + 4]))
			continue;	/* "that this Ordinance be Adopted", not "that this would be acceptable" */
		for (size_t j = 0; j < rl; j++)
			words += r[j] == ' ';
		if (words > 6)
			continue;
		named = malloc(rl + strlen(title) + 6);
		if (!named)
			return CM_ENOMEM;
		snprintf(named, rl + strlen(title) + 6, "%s \xe2\x80\x93 %s", r, title);
		free(it->resolutions.v[i]);
		it->resolutions.v[i] = named;
	}
	return CM_OK;
}

/* Is s (trimmed) a page's number at the foot ("7", "Page 3", "Page 1 of 2", "... Minutes     Page 4")? */
static bool is_page_foot(const char *s, size_t len)
{
	size_t e = len, d = 0, cell = text_last_cell(s, len, 3);

	if (cell)
		s += cell, len -= cell, e = len;
	while (e && ascii_is_digit(s[e - 1]) && d < 3)
		e--, d++;
	if (!d)
		return false;
	if (e >= 4 && strncasecmp(s + e - 4, " of ", 4) == 0) {
		for (e -= 4, d = 0; e && ascii_is_digit(s[e - 1]) && d < 3; e--, d++)
			;
		if (!d)
			return false;
	}
	while (e && s[e - 1] == ' ')
		e--;
	return e == 0 || (e >= 4 && strncasecmp(s + e - 4, "page", 4) == 0 && (e == 4 || s[e - 5] == ' '));
}

/*
 * Is s (trimmed) the signing off at the minutes' foot: a line to sign on
 * ("______", "........", "Confirmed ______ Date ______"), the signers'
 * offices in their cells ("MAYOR      CORPORATE OFFICER", "Chief
 * Administrative Officer"), or the confirming words ("CERTIFIED CORRECT:",
 * "CONFIRMED AND SIGNED at the meeting held on ...", "The minutes of this
 * meeting were confirmed at ...")?  *office when it names offices.
 */
static bool is_sign_off(const char *s, size_t len, bool *office)
{
	static const char *const words[] = {
		"mayor", "deputy", "chair", "chairperson", "chairman", "reeve", "warden", "clerk", "corporate", "officer",
		"chief", "administrative", "executive", "presiding", "member", "general", "manager", "director", "and",
		"clerk-treasurer", "treasurer", "secretary", "president", "municipal", "certified", "correct", "correct:",
		"confirmed", "date", "signed", "signature", "city", "town", "county", "of", "cao", "ceo",
	};
	size_t fill = 0, words_n = 0, letters = 0;

	*office = false;
	for (size_t i = 0; i < len && (i % 2 ? s[i] == ' ' : ascii_is_upper(s[i])); i++)
		letters += i % 2 == 0;
	if (letters >= 4 && letters * 2 - 1 == len)
		return true;	/* "C H A I R P E R S O N" */
	if (text_starts_ci(s, len, "sd/-"))
		return true;	/* India: "Sd/-", signed */
	if (text_starts_ci(s, len, "confirmed and signed") || text_starts_ci(s, len, "confirmed this") ||
	    text_find_ci(s, len, "meeting were confirmed") < len)
		return true;
	for (size_t i = 0; i < len;) {
		size_t e = i;

		if (s[i] == ' ' || s[i] == ':' || s[i] == '/') {
			i++;
			continue;
		}
		if (s[i] == '_' || s[i] == '.' || (i + 3 <= len && memcmp(s + i, "\xe2\x80\xa6", 3) == 0)) {
			fill++;
			i += s[i] == '_' || s[i] == '.' ? 1 : 3;
			continue;
		}
		while (e < len && s[e] != ' ' && s[e] != '/' && s[e] != ':')
			e++;
		{
			bool known = false;

			for (size_t k = 0; k < sizeof words / sizeof *words && !known; k++)
				known = e - i == strlen(words[k]) && strncasecmp(s + i, words[k], e - i) == 0;
			if (!known)
				return false;
		}
		words_n++;
		i = e;
	}
	*office = words_n > 0;
	return fill >= 5 || words_n > 0;
}

/* Is line k a page's number at the foot (is_page_foot)? */
static bool line_is_page_foot(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len && is_page_foot(s, len);
}

/* Is line k the short title a foot sets above its page number ("Kowhai Bay Local Board")? */
static bool line_is_foot_title(const struct fparse *p, size_t k)
{
	const char *s = p->t + p->lines[k].off;
	size_t len = p->lines[k].len;

	text_trim(&s, &len);
	return len > 3 && len < 60 && text_is_upper_at(s, len) && !strchr(".:;,", s[len - 1]) &&
	       !(p->lines[k].flags & FLINE_BLANK);
}

/* Does a date start at one of the words of s ("Ordinary Council Meeting - 17 April 2024")? */
static bool date_in_line(const char *s, size_t len)
{
	int d;

	for (size_t i = 0; i < len; i++)
		if ((i == 0 || s[i - 1] == ' ') && ascii_is_digit(s[i]) && date_parse(s + i, len - i, &d, NULL))
			return true;
	for (size_t i = 0; i < len; i++)
		if ((i == 0 || s[i - 1] == ' ') && ascii_is_upper(s[i]) && date_parse(s + i, len - i, &d, NULL))
			return true;	/* "March 11, 2024" */
	return false;
}

/* A name in capitals, an office before it maybe ("MAYOR PHILIPPA DUNMORE"): two to five words of letters. */
static bool caps_name(const char *s, size_t len)
{
	size_t words = 0;

	if (!text_is_all_caps(s, len))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ')
			continue;
		words++;
		while (i < len && s[i] != ' ') {
			if (!(ascii_is_alpha(s[i]) || s[i] == '-' || s[i] == '\'' || (unsigned char)s[i] >= 0x80))
				return false;
			i++;
		}
	}
	return words >= 2 && words <= 5;
}

/* Is s the signers' names, one a cell ("Douglas Fennimore      Marie-Josee Larouche")? */
static bool signers_line(const char *s, size_t len)
{
	size_t i = 0, names = 0;

	while (i < len) {
		size_t e = i;

		while (e < len && !(e + 2 < len && s[e] == ' ' && s[e + 1] == ' ' && s[e + 2] == ' '))
			e++;
		if (!people_is_name(s + i, e - i) && !caps_name(s + i, e - i))
			return false;
		names++;
		i = skip_blanks(s, len, e);
	}
	return names > 0;
}

/*
 * Where the last item's text ends: before what closes the document under
 * it (a one-page file's foot is no running line): its page number and the
 * line of title and date beside it, the signing off (is_sign_off) and the
 * signers' names above their offices, blank lines between.
 */
static size_t closing_matter_start(const struct fparse *p, size_t from, size_t end)
{
	size_t k = end, kept = end;
	bool foot_seen = false, office_below = false;

	while (k > from) {
		const char *s = p->t + p->lines[k - 1].off;
		size_t len = p->lines[k - 1].len;
		bool office = false;

		text_trim(&s, &len);
		if (!len || (p->lines[k - 1].flags & (FLINE_BLANK | FLINE_RUNNING))) {
			k--;
			continue;
		}
		if (!foot_seen && kept == end && is_page_foot(s, len)) {
			foot_seen = true;
			if (k - 1 > from && line_is_foot_title(p, k - 2)) {
				k--;	/* "Kowhai Bay Local Board" / "19 March 2024      Minutes Page 2" */
				while (k - 1 > from && (p->lines[k - 2].flags & FLINE_BLANK))
					k--;
			}
		} else if (!foot_seen && kept == end && k - 1 > from && len < 80 && s[len - 1] != '.' &&
			   date_in_line(s, len) && line_is_page_foot(p, k - 2)) {
			/* "Gannawarra Ridge Shire Council     Page 4" / "Ordinary Council Meeting - 17 April 2024" */
			foot_seen = true;
			k--;
		} else if (is_sign_off(s, len, &office)) {
			office_below = office;
		} else if (office_below && signers_line(s, len)) {
			office_below = false;	/* "Douglas Fennimore      Marie-Josee Larouche" over their offices */
		} else {
			/* the confirming sentence wrapped ("CONFIRMED AS A TRUE AND CORRECT RECORD" / "AT A
			 * MEETING OF ..." / "HELD ON"): from its first line, three lines up at most */
			for (size_t q = k; q + 3 >= k && q > from && q > 1; q--) {
				const char *qs = p->t + p->lines[q - 1].off;
				size_t ql = p->lines[q - 1].len;

				text_trim(&qs, &ql);
				if (kept < end && (text_starts_ci(qs, ql, "confirmed") || text_starts_ci(qs, ql, "certified") ||
						   text_find_ci(qs, ql, "meeting were confirmed") < ql)) {
					kept = q - 1;
					break;
				}
			}
			break;
		}
		k--;
		kept = k;
	}
	return kept;
}

static int build_items(const struct fparse *p, const struct cands *cs, const size_t *chain,
		       size_t n_chain, struct field_meeting *m)
{
	struct sbuf raw = {0}, t = {0}, body = {0};
	int rc = CM_OK;

	if (!n_chain)
		return CM_OK;
	m->items = calloc(n_chain, sizeof *m->items);
	if (!m->items)
		return CM_ENOMEM;
	for (size_t i = 0; i < n_chain && rc == CM_OK; i++) {
		struct cand lone = cs->v[chain[i]];
		const struct cand *c = &lone;
		struct field_item *it = &m->items[i];
		size_t end = i + 1 < n_chain ? cs->v[chain[i + 1]].line : p->n_lines;
		struct span sp;

		/* the only item, a paragraph under its file number ("(23-145) A Special Meeting was
		 * called to ... the Clement" / "Avenue/Tilden Way Project."): titled by its first
		 * sentence, the paragraph whole in its text */
		lone.para_title = lone.para_title || (n_chain == 1 && lone.lone_para);

		m->n_items = i + 1;
		sbuf_reset(&raw);
		sbuf_reset(&t);
		sbuf_reset(&body);
		item_title(p, c, end, &sp, &raw);
		if (i + 1 == n_chain && sp.end > sp.body_line)
			sp.end = closing_matter_start(p, sp.body_line, sp.end);
		text_clean(sbuf_str(&raw), raw.len, &t);
		tidy_title(&t, true);
		rc = item_body(p, &sp, &body);
		if (rc == CM_OK)
			rc = item_resolutions(p, &sp, sbuf_str(&t), it);
		if (rc == CM_OK)
			rc = name_what_this_is(it, sbuf_str(&t));
		if (rc == CM_OK && c->para_title && !it->resolutions.n &&
		    text_find_ci(sbuf_str(&body), body.len, "second") < body.len &&
		    motion_outcome(sbuf_str(&body), body.len) > 0) {
			/* "Resolution 2024-14 adopting the budget was introduced by Zeller, second by
			 * Meyers. Roll call: ... Resolution adopted.": what the paragraph opens with */
			rc = decide_title(it, sbuf_str(&t));
		}
		if (sbuf_oom(&raw) || sbuf_oom(&t))
			rc = CM_ENOMEM;
		it->number = strdup(c->num);
		it->title = sbuf_detach(&t, NULL);
		it->body = sbuf_detach(&body, NULL);
		it->page = p->has_pages ? p->lines[c->line].page : 0;
		if (c->agenda[0] && !(it->agenda_item = strdup(c->agenda)))
			rc = CM_ENOMEM;
		if (!it->number || !it->title || !it->body)
			rc = CM_ENOMEM;
	}
	sbuf_release(&raw);
	sbuf_release(&t);
	sbuf_release(&body);
	return rc;
}

/* Do the first ten lines (letterheads come first) call the document an agenda, not minutes? */
static bool heading_says_agenda(const struct fparse *p)
{
	bool agenda = false;

	for (size_t k = 0, seen = 0; k < p->n_lines && seen < 10; k++) {
		const char *s = p->t + p->lines[k].off;
		size_t len = p->lines[k].len;

		if (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING))
			continue;
		seen++;
		for (size_t i = 0; i + 6 <= len; i++) {
			if ((i == 0 || !ascii_is_alpha(s[i - 1])) && strncasecmp(s + i, "agenda", 6) == 0 &&
			    (i + 6 == len || !ascii_is_alpha(s[i + 6])))
				agenda = true;
			if ((i == 0 || !ascii_is_alpha(s[i - 1])) && i + 7 <= len && strncasecmp(s + i, "minutes", 7) == 0)
				return false;
		}
	}
	return agenda;
}

/*
 * Are the chosen items all lettered points ("a)", "(b)")?  In minutes
 * those are the points of a discussion under headings of another kind.
 */
static bool only_lettered_points(const struct cands *cs, const size_t *chain, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cs->v[chain[i]].scheme != SCHEME_ALPHA_LC)
			return false;
	return true;
}

/* Unnumbered minutes need at least this many headings of one kind to be read as items. */
enum { FIELD_UNNUMBERED_MIN = 3 };

/* A heading indented this far (and half as far again past the text under it) is centred. */
enum { FIELD_CENTRED_MIN = 12 };
/* A "Label:" longer than this (bytes) or with more words is a sentence. */
enum { FIELD_LABEL_MAX = 60, FIELD_LABEL_WORDS = 8 };

/* Attendance and clerical labels: front matter, never an item ("Present:", "Clerk:"). */
static bool is_attendance_label(const char *s, size_t len)
{
	static const char *const labels[] = {
		"present", "members present", "councillors present", "in attendance", "also present",
		"also in attendance", "clerk", "officers", "officers present", "absent", "staff",
		"minute taker", "minutes taken by", "chair", "chairman", "date", "time", "venue", "held",
		"e-mail", "email", "tel", "telephone", "remote attendance", "regrets", "attendees", "attending",
		"also attending",
		/* a front sheet's fields ("Date of Meeting : 15.03.2024", "Presided over by : ...") */
		"date of meeting", "meeting date", "time of meeting", "place", "place of meeting", "location",
		"presided over by", "presiding", "chaired by", "chairperson", "secretary", "recorder",
		"administration", "council members", "members",	/* Canada's side column: "ADMINISTRATION   CAO ..." */
	};

	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (strlen(labels[k]) == len && strncasecmp(s, labels[k], len) == 0)
			return true;
	/* a body's roll: "Select Board members present", "Trustees absent" */
	return (len > 8 && strncasecmp(s + len - 8, " present", 8) == 0) ||
	       (len > 7 && strncasecmp(s + len - 7, " absent", 7) == 0);
}

/*
 * The labels of a motion's record, never an item ("Motion: Mr X moved to
 * ..." / "Second: Mr Y." / "VOTED: 3-0-0.", Granicus's "RESULT:" /
 * "MOVER:" / "SECONDER:", "Roll call vote: Ayes ..."): they repeat under
 * every item, so counted as headings they would take the items' place.
 */
static bool is_vote_label(const char *s, size_t len)
{
	static const char *const labels[] = {
		"motion", "motion by", "motion made by", "moved", "moved by", "mover", "second", "seconded",
		"seconded by", "second by", "seconder", "vote", "voted", "votes", "voting", "roll call",
		"roll call vote", "roll-call vote", "voice vote", "ayes", "aye", "nays", "nay", "noes", "yeas",
		"abstain", "abstained", "abstaining", "abstentions", "result", "results", "action", "action taken",
		"outcome", "carried", "motion carried", "motion passed", "recusal", "recused", "in favor",
		"in favour", "opposed", "against",
	};

	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		if (strlen(labels[k]) == len && strncasecmp(s, labels[k], len) == 0)
			return true;
	return false;
}

/*
 * Does a label's text record votes ("Roll call: Pelletier – yes; Olsson –
 * yes", "Roll call vote: Ayes: ...") rather than open the roll-call item
 * ("Roll Call: Trustees present were ...")?
 */
static bool says_votes(const char *s, size_t len)
{
	static const char *const words[] = { "yes", "aye", "ayes", "yea", "yeas", "nay", "nays", "vote" };

	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t n = strlen(words[k]);

		for (size_t at = text_find_ci(s, len, words[k]); at < len;
		     at += 1 + text_find_ci(s + at + 1, len - at - 1, words[k]))
			if ((at == 0 || !ascii_is_alpha(s[at - 1])) && (at + n >= len || !ascii_is_alpha(s[at + n])))
				return true;
	}
	return false;
}

/*
 * Line k from byte i as a heading on its own line: its trimmed text (*s,
 * *len: at most FIELD_LABEL_MAX bytes, three letters or more, not ending in
 * ".:;,", no date, not the document's own "Minutes of the ... meeting") after
 * a blank line, straight above a line of text (trimmed in *n, *nl), or
 * centred above it with a blank line between (Northern Ireland's minutes:
 * "                 Apologies" / "" / "       Apologies were reported ...").
 */
static bool stands_alone(const struct fparse *p, size_t k, size_t i, const char **s, size_t *len,
			 const char **n, size_t *nl)
{
	size_t letters = 0, below = k + 1;

	*s = p->t + p->lines[k].off + i;
	*len = p->lines[k].len - i;
	text_trim(s, len);
	if (!*len || *len > FIELD_LABEL_MAX || strchr(".:;,", (*s)[*len - 1]) ||
	    date_find(*s, *len, NULL, NULL, NULL))
		return false;
	if (text_starts_ci(*s, *len, "minutes") && text_find_ci(*s, *len, "meeting") < *len &&
	    text_find_ci(*s, *len, "last") == *len && text_find_ci(*s, *len, "previous") == *len)
		return false;	/* "MINUTES OF THE PARISH COUNCIL MEETING": the document's own heading */
	for (size_t j = 0; j < *len; j++)
		letters += ascii_is_alpha((*s)[j]);
	if (letters < 3 || k == 0 || k + 1 >= p->n_lines || !(p->lines[k - 1].flags & (FLINE_BLANK | FLINE_RUNNING)))
		return false;
	if ((p->lines[k + 1].flags & FLINE_BLANK) && k + 2 < p->n_lines &&
	    !(p->lines[k + 2].flags & (FLINE_BLANK | FLINE_RUNNING))) {
		const char *ns = p->t + p->lines[k + 2].off;
		size_t in = skip_blanks(ns, p->lines[k + 2].len, 0), at = (size_t)(*s - (p->t + p->lines[k].off));

		if (at >= FIELD_CENTRED_MIN && in + FIELD_CENTRED_MIN / 2 <= at)
			below = k + 2;	/* centred: indented far past the text under it */
	}
	if (p->lines[below].flags & (FLINE_BLANK | FLINE_RUNNING))
		return false;
	*n = p->t + p->lines[below].off;
	*nl = p->lines[below].len;
	text_trim(n, nl);
	return *nl > 0;
}

/*
 * A heading in capitals on its own (see stands_alone) above text that is
 * not ("APOLOGIES" / "Cllr D Green."), or a measure's number above its
 * caption in capitals ("RESOLUTION #43 OF 2024" / "AUTHORIZE HIGHWAY
 * SUPERINTENDENT TO PURCHASE SALT" / "On a motion by ...").
 */
static bool is_caps_heading(const struct fparse *p, size_t k, size_t i)
{
	const char *s, *n;
	size_t len, nl;

	if (!stands_alone(p, k, i, &s, &len, &n, &nl) || !text_is_all_caps(s, len))
		return false;
	if (!text_is_all_caps(n, nl))
		return true;
	if (!is_measure_number(s, len) || k + 2 >= p->n_lines || (p->lines[k + 2].flags & (FLINE_BLANK | FLINE_RUNNING)))
		return false;
	n = p->t + p->lines[k + 2].off;
	nl = p->lines[k + 2].len;
	text_trim(&n, &nl);
	return nl && !text_is_all_caps(n, nl);
}

/*
 * A heading in capitals between blank lines, over the next heading in
 * capitals rather than text: a heading with nothing under it (US:
 * "PLEDGE OF ALLEGIANCE" / "" / "APPROVAL OF MINUTES" / "Motion by ...").
 * Not a vote's outcome or a decision's marker ("CARRIED", "RESOLVED").
 */
static bool is_lone_caps_heading(const struct fparse *p, size_t k, size_t i)
{
	const char *s = p->t + p->lines[k].off + i, *n;
	size_t len = p->lines[k].len - i, letters = 0, q = k + 1, rest, nl;

	text_trim(&s, &len);
	if (!len || len > FIELD_LABEL_MAX || k == 0 || !(p->lines[k - 1].flags & FLINE_BLANK) ||
	    !text_is_all_caps(s, len) || strchr(".:;,", s[len - 1]) || is_outcome_line(s, len) ||
	    (decision_marker(s, len, &rest) && !is_measure_number(s, len)) || date_find(s, len, NULL, NULL, NULL))
		return false;
	for (size_t j = 0; j < len; j++)
		letters += ascii_is_alpha(s[j]);
	while (q < p->n_lines && (p->lines[q].flags & FLINE_BLANK))
		q++;
	if (letters < 3 || q == k + 1 || q >= p->n_lines || (p->lines[q].flags & FLINE_RUNNING))
		return false;
	n = p->t + p->lines[q].off;
	nl = p->lines[q].len;
	i = skip_markup(n, nl, skip_blanks(n, nl, 0));
	if (is_caps_heading(p, q, i) || is_measure_number(s, len))
		return true;	/* Ohio's journals: "RESOLUTION NO. 24-0211" / "" / "IN THE MATTER OF ..." */
	/* over a paragraph of prose ("HIGHWAY DEPARTMENT" / "" / "Superintendent Gorski reported ...") */
	text_trim(&n, &nl);
	return nl > len + 10 && ascii_is_upper(n[0]) && !text_is_all_caps(n, nl) && memchr(n, ' ', nl);
}

/*
 * A heading in ordinary case on its own, as PDF text of a Word document
 * leaves it once its bold is gone: no colon (unless centred) and no closing "!?-" either,
 * above a line of prose that is longer or ends a sentence ("Declarations of
 * interest" / "There were none.") and does not carry on line k's sentence
 * in lower case.
 */
static bool is_plain_heading(const struct fparse *p, size_t k, size_t i)
{
	const char *s, *n;
	size_t len, nl;

	if (!stands_alone(p, k, i, &s, &len, &n, &nl) || text_is_all_caps(s, len) ||
	    (memchr(s, ':', len) && (i < 15 || s[len - 1] == ':')) || strchr("!?-", s[len - 1]))
		return false;	/* but a centred heading may hold a colon (Northern Ireland: "Motion: Cost of ...") */
	return !ascii_is_lower(n[0]) && (nl > len + 10 || n[nl - 1] == '.') && memchr(n, ' ', nl);
}

/*
 * The offset of the title after a clock time that heads line k from byte i
 * ("6:32 PM   Approve Minutes of February 20, 2024", "7:05 p.m. – Warrant
 * Review": New England select boards stamp each item with the time it was
 * taken up), or 0 when the line does not start so: the time, then a column
 * gap or a dash, then a capital.
 */
static size_t after_time_stamp(const char *s, size_t len, size_t i)
{
	char hhmm[6];
	size_t used, j, gap;

	if (i >= len || i > 6 || !ascii_is_digit(s[i]) || !date_parse_time(s + i, len - i, hhmm, &used))
		return 0;	/* at the margin: a schedule's column of times is no list of items */
	j = i + used;
	gap = skip_blanks(s, len, j) - j;
	j += gap;
	if (text_dash_len(s, len, j)) {
		j += text_dash_len(s, len, j);
		if (!gap || j >= len || s[j] != ' ')
			return 0;
		j = skip_blanks(s, len, j);
	} else if (gap < 2) {
		return 0;
	}
	/* one title, not a table's row ("10:30 a.m.    Maywood, IL 60153    Room 2") */
	return j < len && ascii_is_upper(s[j]) && !column_gap(s + j, len - j, &used) ? j : 0;
}

/*
 * The end of a file number heading line k from byte i, a Legistar or
 * agenda-bill reference in its own column ("AB 24-061      Approval of
 * Claims ...", "CB 24-118   ...", "24-0456     Contract with ...", a board
 * of appeals' "Appeal #24-03   Ronald Vance, ..."): up to four capitals and
 * a space or dash, or a case's word and "#" or "No.", then digits, a dash and digits (not a
 * year range, "2024-25"), then a column gap and a capital.  The title's
 * offset is put in *title; 0 when the line does not start so.
 */
static size_t file_number_end(const char *s, size_t len, size_t i, size_t *title)
{
	size_t j = i, caps = 0, na, nb, g;
	long a, b;

	static const char *const words[] = { "appeal ", "case ", "petition ", "variance ", "file ", "application " };

	if (i > 6)
		return 0;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (text_starts_ci(s + j, len - j, words[k]) && ascii_is_upper(s[j])) {
			/* a board of appeals' cases: "Appeal #24-03", "Case No. 2024-05" */
			j += strlen(words[k]);
			if (text_starts_ci(s + j, len - j, "no. "))
				j += 4;
			else if (j < len && s[j] == '#')
				j++;
			else
				return 0;
			j = skip_blanks(s, len, j);
			caps = 0;
			goto number;
		}
	while (j < len && caps < 5 && ascii_is_upper(s[j])) {
		j++;
		caps++;
	}
	if (caps > 4 || (caps && (j >= len || (s[j] != ' ' && s[j] != '-'))))
		return 0;
	j += caps ? 1 : 0;
number:
	na = read_digits(s, len, j, 4, &a);
	if ((na != 2 && na != 4) || j + na >= len || s[j + na] != '-')
		return 0;
	nb = read_digits(s, len, j + na + 1, 5, &b);
	if (nb < 2 || (nb == 2 && b == (a + 1) % 100))
		return 0;
	j += na + 1 + nb;
	g = skip_blanks(s, len, j);
	if (g < j + 2 || g >= len || !ascii_is_upper(s[g]))
		return 0;
	*title = g;
	return j;
}


/*
 * An unnumbered heading on line k: kind 1 a Markdown heading ("## Christmas
 * Market"), 2 a bold line ("**Flooding:**"), 3 a "Label:" paragraph
 * ("Flooding:  Councillor Bevan has ..."), 4 a line in capitals on its own
 * ("APOLOGIES" / "Cllr D Green."), 5 a short line in ordinary case on its
 * own above prose ("Apologies" / "Apologies were received from ..."), 6 a
 * line in capitals with nothing under it (is_lone_caps_heading), 7 a title
 * after the clock time it was taken up (after_time_stamp), 8 a title after
 * a file number in its column (file_number_end), 9 a side heading beside
 * its minute (side_heading_end), 0 none.
 * Fills c for it.
 */
static int unnumbered_heading(const struct fparse *p, size_t k, struct cand *c)
{
	const struct fline *l = &p->lines[k];
	const char *s = p->t + l->off;
	size_t len = l->len, i = skip_blanks(s, len, 0), e, words = 1, file_at = 0, file_end = 0, file_title;
	size_t side_end = 0;
	int kind = 0;
	bool whole_line;

	if (l->flags & (FLINE_BLANK | FLINE_RUNNING))
		return 0;
	memset(c, 0, sizeof *c);
	if (i < len && s[i] == '#') {
		while (i < len && s[i] == '#')
			i++;
		if (i >= len || s[i] != ' ')
			return 0;
		kind = 1;
		i = skip_blanks(s, len, i);
	} else if (i + 2 < len && s[i] == '*' && s[i + 1] == '*') {
		kind = 2;
	}
	i = skip_markup(s, len, i);
	if (!kind && after_time_stamp(s, len, i)) {
		kind = 7;
		i = after_time_stamp(s, len, i);
	} else if (!kind && (file_end = file_number_end(s, len, i, &file_title)) != 0) {
		kind = 8;
		file_at = i;
		i = file_title;
	} else if (!kind && !(k > 0 && !(p->lines[k - 1].flags & (FLINE_BLANK | FLINE_RUNNING)) &&
				side_heading_end(p->t + p->lines[k - 1].off, p->lines[k - 1].len,
						 skip_blanks(p->t + p->lines[k - 1].off, p->lines[k - 1].len, 0), false)) &&
		   (side_end = side_heading_end(s, len, i, false)) != 0) {
		kind = 9;	/* not the second line of one: "POLICE VEHICLE" / "PURCHASE" */
	}
	if (i >= len || !(ascii_is_upper(s[i]) || (unsigned char)s[i] >= 0x80))
		return 0;
	if (!kind && is_caps_heading(p, k, i))
		kind = 4;
	else if (!kind && is_lone_caps_heading(p, k, i))
		kind = 6;
	else if (!kind && is_plain_heading(p, k, i))
		kind = 5;
	/* the label: up to a colon (kinds 2, 3) or the end of the heading */
	for (e = i; e < len && s[e] != ':' && e - i <= FIELD_LABEL_MAX; e++)
		words += s[e] == ' ' && e > i && s[e - 1] != ' ';
	whole_line = kind == 1 || (kind >= 4 && kind != 9);	/* the title is the whole line, no label */
	/* a time's colon ("Tuesday, February 20, 2024 - 7:00 PM") ends no label */
	if (!whole_line && kind != 9 && e < len && s[e] == ':' && e > i && ascii_is_digit(s[e - 1]) && e + 1 < len &&
	    ascii_is_digit(s[e + 1]))
		return 0;
	if (kind == 9)
		e = side_end;
	else if (!whole_line && (e >= len || s[e] != ':')) {
		if (kind == 2 && find_bold(s, len, i) < len && len - i <= FIELD_LABEL_MAX + 4)
			e = find_bold(s, len, i);	/* "**Village maintenance**" */
		else
			return 0;
	}
	if (whole_line) {
		e = len;
		while (e > i && (s[e - 1] == ' ' || s[e - 1] == '*' || s[e - 1] == '#'))
			e--;
	}
	while (e > i && (s[e - 1] == '*' || s[e - 1] == ' '))
		e--;
	if (e <= i || (kind < 7 && (e - i > FIELD_LABEL_MAX || words > FIELD_LABEL_WORDS)) ||
	    e - i > FIELD_TITLE_MAX || is_attendance_label(s + i, e - i) ||
	    (is_vote_label(s + i, e - i) && !(text_starts_ci(s + i, e - i, "roll call") && !says_votes(s + e, len - e))))
		return 0;
	if (!kind)
		kind = 3;
	c->line = c->title_line = k;
	c->title_off = i;
	c->label_len = whole_line ? 0 : e - i;
	c->side_heading = kind == 9;
	c->side_col = kind == 9 ? skip_blanks(s, len, e) : 0;
	c->num[0] = '\0';
	if (kind == 8 && file_end - file_at < sizeof c->num) {
		memcpy(c->num, s + file_at, file_end - file_at);	/* the file number is the item's */
		c->num[file_end - file_at] = '\0';
	}
	c->prev = -1;
	return kind;
}

/*
 * The kind of unnumbered heading on line k (unnumbered_heading) as
 * find_unnumbered counts it: short lines in ordinary case and lines in
 * capitals over another heading only below the line that dates the meeting
 * (above it lies the document's own heading: "Annual Meeting" /
 * "Minutes of the meeting held on 14 May 2024", "MINUTES" / "" / "REGULAR
 * MEETING"); a line in capitals over another heading is one of the lines in capitals.
 */
static int unnumbered_kind(const struct fparse *p, size_t k, size_t dated, struct cand *c)
{
	int got = unnumbered_heading(p, k, c);

	if ((got == 5 || got == 6) && k <= dated)
		return 0;
	if (got == 4 || got == 6) {
		/* a measure's caption is its title's, no heading of its own ("RESOLUTION NO.
		 * 24-0214" / "" / "IN THE MATTER OF ENTERING INTO EXECUTIVE SESSION") */
		size_t q = k;

		if (q > 0 && (p->lines[q - 1].flags & FLINE_BLANK))
			q--;
		if (q > 0 && !(p->lines[q - 1].flags & (FLINE_BLANK | FLINE_RUNNING))) {
			const char *ls = p->t + p->lines[q - 1].off;
			size_t ll = p->lines[q - 1].len;

			text_trim(&ls, &ll);
			if (is_measure_number(ls, ll) && text_is_all_caps(ls, ll))
				return 0;
		}
	}
	return got == 6 ? 4 : got;
}

/*
 * A heading in capitals that numbers a measure ("RESOLUTION 24-0304-01"
 * between Ohio's "Road Report: ..." paragraphs): an item among label
 * paragraphs too.
 */
static bool heads_a_measure(const struct fparse *p, const struct cand *c)
{
	const char *s = p->t + p->lines[c->title_line].off + c->title_off;
	size_t len = p->lines[c->title_line].len - c->title_off;

	text_trim(&s, &len);
	return is_measure_number(s, len);
}

/*
 * Items of minutes that number nothing: the most common kind of unnumbered
 * heading after the document's first line (Markdown headings, else bold
 * lines, else "Label:" paragraphs, else lines in capitals, else short lines
 * above prose), when there are FIELD_UNNUMBERED_MIN or more.  The candidates go to un (document order), their count to *n.
 */
static int find_unnumbered(const struct fparse *p, struct cands *un, size_t *n)
{
	size_t count[10] = {0};
	int kind = 0;
	struct cand c, *slot;
	size_t first = 0, dated = 0;

	*n = 0;
	while (first < p->n_lines && (p->lines[first].flags & FLINE_BLANK))
		first++;
	while (dated < p->n_lines &&
	       ((p->lines[dated].flags & FLINE_BLANK) ||
		!date_find(p->t + p->lines[dated].off, p->lines[dated].len, NULL, NULL, NULL)))
		dated++;
	for (size_t k = first + 1; k < p->n_lines; k++)
		count[unnumbered_kind(p, k, dated, &c)]++;
	/*
	 * Label paragraphs give way to more headings in capitals: those are then
	 * the sections and the labels points within them (US: "NEW BUSINESS" /
	 * "Ordinance 2024-03: An Ordinance ..." / "Roll call vote: Ayes ...").
	 */
	if (count[4] > count[3])
		count[3] = 0;
	/* items stamped with their times: the times mark them, whatever else is bold or in capitals */
	if (count[7] >= FIELD_UNNUMBERED_MIN)
		kind = 7;
	/* items under their file numbers, with the sections in capitals around them
	 * (Legistar: "CONSENT AGENDA" / "AB 24-061      Approval of Claims ...") */
	if (!kind && count[8] >= FIELD_UNNUMBERED_MIN)
		kind = 8;
	/* side headings beside their minutes, when they outnumber "Label:" paragraphs */
	if (!kind && count[9] >= FIELD_UNNUMBERED_MIN && count[9] >= count[3])
		kind = 9;
	for (int k = 1; k <= 5 && !kind; k++)
		if (count[k] >= FIELD_UNNUMBERED_MIN)
			kind = k;
	if (!kind)
		return CM_OK;
	for (size_t k = first + 1; k < p->n_lines && un->n < FIELD_CAND_MAX; k++) {
		int got = unnumbered_kind(p, k, dated, &c);

		/* bold or label lines are both headings once bold ones were chosen; the
		 * sections in capitals are headings beside file numbers */
		if (got != kind && !(kind == 2 && got == 3) && !((kind == 8 || kind == 9) && got == 4) &&
		    !(kind == 3 && got == 4 && heads_a_measure(p, &c)))
			continue;
		if (kind == 9 && got == 4 && c.title_off > 6 &&
		    is_measure_number(p->t + p->lines[k].off + c.title_off, p->lines[k].len - c.title_off))
			continue;	/* "                       RESOLUTION 24-03-108" in the minutes' column */
		slot = cands_push(un);
		if (!slot)
			return CM_ENOMEM;
		*slot = c;
	}
	if (kind == 9) {
		/* headings in capitals of their own among side headings: their minutes' text too
		 * lies in the side headings' column ("BYLAWS" / "Bylaw 1187-24      Councillor ...") */
		size_t col = 0;

		for (size_t i = 0; i < un->n && !col; i++)
			col = un->v[i].side_col;
		for (size_t i = 0; i < un->n; i++)
			if (!un->v[i].side_col)
				un->v[i].side_col = col;
	}
	*n = un->n;
	return CM_OK;
}

/*
 * Minutes with no headings at all, a paragraph for each piece of business
 * (Iowa's published proceedings: "Motion by Meyers, second by Oltman to
 * approve the agenda. Ayes: all. Motion carried." / "Resolution 2024-14
 * adopting the FY2025 budget was introduced by ..."): when three
 * paragraphs or more below the meeting's date record a motion, each
 * paragraph from the first of them is an item, titled by its first
 * sentence, its text all of it; a paragraph in capitals ("CLAIMS", the
 * bills published after the minutes) or a signature ends them.
 */
static int find_paragraph_items(const struct fparse *p, struct cands *un, size_t *n)
{
	size_t dated = 0, motions = 0, first = SIZE_MAX;

	*n = 0;
	while (dated < p->n_lines && ((p->lines[dated].flags & FLINE_BLANK) ||
				      !date_find(p->t + p->lines[dated].off, p->lines[dated].len, NULL, NULL, NULL)))
		dated++;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t k = dated + 1; k < p->n_lines && un->n < FIELD_CAND_MAX; k++) {
			const char *s = p->t + p->lines[k].off, *t;
			size_t len = p->lines[k].len, tl, b = k, i = skip_blanks(s, len, 0);
			bool motion = false;

			if ((p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING)) ||
			    (k > 0 && !(p->lines[k - 1].flags & (FLINE_BLANK | FLINE_RUNNING))))
				continue;	/* a paragraph's first line only */
			t = s + i;
			tl = len - i;
			text_trim(&t, &tl);
			if (!tl || text_is_all_caps(t, tl) || is_signature_line(t, tl) || t[0] == '_' || i > 20 ||
			    text_starts_ci(t, tl, "attest") || text_starts_ci(t, tl, "respectfully submitted"))
				break;	/* "CLAIMS", "ATTEST: ...", "______", "       Lance Vogt, Mayor" */
			for (; b < p->n_lines && !(p->lines[b].flags & (FLINE_BLANK | FLINE_RUNNING)); b++) {
				const char *ls = p->t + p->lines[b].off;
				size_t ll = p->lines[b].len;

				text_trim(&ls, &ll);
				motion = motion || (ll && motion_in_line(ls, ll) < ll);
			}
			if (pass == 0) {
				motions += motion;
				if (motion && first == SIZE_MAX)
					first = k;
			} else if (k >= first) {
				struct cand *c = cands_push(un);
				size_t e = sentence_end(t, tl, 0);

				if (!c)
					return CM_ENOMEM;
				if (e > FIELD_PARA_TITLE_MAX) {
					e = FIELD_PARA_TITLE_MAX;
					while (e > 20 && t[e] != ' ')
						e--;
				}
				memset(c, 0, sizeof *c);
				c->line = c->title_line = k;
				c->title_off = (size_t)(t - s);
				c->label_len = e;
				c->para_title = true;
				c->prev = -1;
			}
			k = b;
		}
		if (pass == 0 && motions < FIELD_UNNUMBERED_MIN)
			return CM_OK;
	}
	*n = un->n;
	return CM_OK;
}

/*
 * Minutes numbered only in lower-case Roman numerals ("i.    Apologies –
 * G Hay." / "ii.   Minutes of the previous meeting ..."): a run from i,
 * each number the last one's next, at a line's start before a capitalised
 * title.  Tried only when nothing else numbers the items; three or more
 * are the items (candidates in un, their count in *n).
 */
static int find_roman_lower(const struct fparse *p, struct cands *un, size_t *n)
{
	int want = 1;

	*n = 0;
	for (size_t k = 0; k < p->n_lines && un->n < FIELD_CAND_MAX; k++) {
		const char *s = p->t + p->lines[k].off;
		size_t len = p->lines[k].len, i = skip_blanks(s, len, 0), e = i, t;
		char up[8];
		struct cand *c;

		if (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING))
			continue;
		while (e < len && e - i < sizeof up && (s[e] == 'i' || s[e] == 'v' || s[e] == 'x'))
			e++;
		if (e == i || e - i >= sizeof up || e >= len || (s[e] != '.' && s[e] != ')'))
			continue;
		for (size_t j = i; j < e; j++)
			up[j - i] = (char)(s[j] - 'a' + 'A');
		t = skip_blanks(s, len, e + 1);
		if (t == e + 1 || t >= len || !ascii_is_upper(s[t]) || roman_value(up, e - i) != want)
			continue;
		c = cands_push(un);
		if (!c)
			return CM_ENOMEM;
		memset(c, 0, sizeof *c);
		c->line = c->title_line = k;
		c->title_off = t;
		c->scheme = SCHEME_ROMAN;
		c->major = want++;
		c->prev = -1;
		memcpy(c->num, s + i, e - i);
		c->num[e - i] = '\0';
	}
	if (un->n < FIELD_UNNUMBERED_MIN)
		un->n = 0;
	*n = un->n;
	return CM_OK;
}

/* ---- the whole parse -------------------------------------------------- */

/* Front matter: the text before the first item, cleaned like a body. */
static int build_front(const struct fparse *p, struct field_meeting *m)
{
	struct span sp = { 0, 0, 0, p->front_end, 0 };
	struct sbuf out = {0};
	int rc = item_body(p, &sp, &out);

	m->front = sbuf_detach(&out, NULL);
	if (rc == CM_OK && !m->front)
		rc = CM_ENOMEM;
	return rc;
}

int field_parse(const char *text, size_t len, const struct field_opts *opts,
		struct field_meeting *out, struct cm_err *err)
{
	static const struct field_opts no_opts = { NULL, NULL };
	struct fparse p = {0};
	struct sbuf repaired = {0}, clean = {0};
	struct cands cs = {0}, un = {0};
	size_t *chain = NULL, n_chain = 0;
	bool lettered_only;	/* the chosen items are lettered points only (only_lettered_points) */
	int rc;

	if (!out || (!text && len))
		return cm_err_set(err, CM_EINVAL, "field_parse: NULL argument");
	memset(out, 0, sizeof *out);
	text_utf8_repair(text ? text : "", len, &repaired);
	text_unescape(sbuf_str(&repaired), repaired.len, &clean);
	sbuf_grow(&clean, 1);
	if (sbuf_oom(&repaired) || sbuf_oom(&clean)) {
		rc = CM_ENOMEM;
		goto out;
	}
	p.t = clean.buf;
	p.n = clean.len;
	p.opts = opts ? opts : &no_opts;
	rc = split_lines(&p);
	if (rc == CM_OK)
		rc = mark_running_lines(&p);
	if (rc == CM_OK)
		margin_numbers_first(&p, clean.buf);
	if (rc == CM_OK)
		p.agenda_like = heading_says_agenda(&p);
	if (rc == CM_OK)
		rc = find_item_candidates(&p, &cs);
	if (rc == CM_OK) {
		drop_contents_entries(&p, &cs);
		mark_entries(&p, &cs);
		drop_paragraphs_under_worded_items(&p, &cs);
		rc = select_item_chain(&cs, p.agenda_like, &chain, &n_chain);
	}
	if (rc != CM_OK)
		goto out;
	drop_contents_list(&p, &cs, chain, &n_chain);
	drop_numbered_paragraphs(&p, &cs, chain, &n_chain);
	/* lettered points in minutes ("a) Strategic plan update – ...") give way to more headings of another kind */
	lettered_only = !p.agenda_like && n_chain && only_lettered_points(&cs, chain, n_chain);
	if (n_chain < 2 || lettered_only) {
		/* no numbering: headings, bold lines or "Label:" paragraphs, or lower-case Roman numerals */
		size_t n_un = 0;

		rc = find_unnumbered(&p, &un, &n_un);
		if (rc == CM_OK) {
			/* lower-case Roman numerals, when they outnumber the headings (not a list under one) */
			struct cands ro = {0};
			size_t n_ro = 0;

			rc = find_roman_lower(&p, &ro, &n_ro);
			if (rc == CM_OK && n_ro && n_ro >= n_un) {
				free(un.v);
				un = ro;
				n_un = n_ro;
			} else {
				free(ro.v);
			}
		}
		if (rc == CM_OK && n_un < FIELD_UNNUMBERED_MIN && !lettered_only) {
			/* no headings at all: paragraphs that each record business */
			free(un.v);
			memset(&un, 0, sizeof un);
			rc = find_paragraph_items(&p, &un, &n_un);
		}
		if (rc == CM_OK && n_un >= FIELD_UNNUMBERED_MIN && (!lettered_only || n_un > n_chain)) {
			size_t *all = malloc(un.n * sizeof *all);

			if (!all) {
				rc = CM_ENOMEM;
				goto out;
			}
			for (size_t i = 0; i < un.n; i++)
				all[i] = i;
			free(chain);
			chain = all;
			n_chain = un.n;
			free(cs.v);
			cs = un;
			memset(&un, 0, sizeof un);
		}
		if (rc != CM_OK)
			goto out;
	}
	headings_above(&p, &cs, chain, n_chain);
	p.action_col = find_action_column(&p);
	p.front_end = n_chain ? cs.v[chain[0]].line : p.n_lines;
	roll_call_lines(&p, &cs, chain, n_chain);
	rc = build_items(&p, &cs, chain, n_chain, out);
	if (rc == CM_OK)
		rc = build_front(&p, out);
	if (rc == CM_OK)
		rc = field_hdr_parse(&p, out);
	if (rc == CM_OK)
		rc = field_hdr_apologies_from_item(out);
out:
	if (rc != CM_OK) {
		field_meeting_release(out);
		cm_err_set(err, rc, "cannot parse minutes: %s", cm_code_str(rc));
	}
	free(chain);
	free(cs.v);
	free(un.v);
	free(p.lines);
	sbuf_release(&repaired);
	sbuf_release(&clean);
	return rc;
}

void field_meeting_release(struct field_meeting *m)
{
	if (!m)
		return;
	free(m->council);
	free(m->committee);
	free(m->time);
	free(m->venue);
	free(m->chair);
	strv_release(&m->present);
	strv_release(&m->apologies);
	strv_release(&m->officers);
	free(m->front);
	for (size_t i = 0; i < m->n_items; i++) {
		free(m->items[i].number);
		free(m->items[i].title);
		free(m->items[i].body);
		free(m->items[i].agenda_item);
		strv_release(&m->items[i].resolutions);
	}
	free(m->items);
	memset(m, 0, sizeof *m);
}

const char *field_source_str(enum field_source src)
{
	switch (src) {
	case FIELD_SRC_TEXT:   return "text";
	case FIELD_SRC_PATH:   return "path";
	case FIELD_SRC_OPTION: return "option";
	case FIELD_SRC_NONE:   break;
	}
	return NULL;
}

const char *field_kind_str(enum field_kind kind)
{
	switch (kind) {
	case FIELD_KIND_MINUTES: return "minutes";
	case FIELD_KIND_AGENDA:  return "agenda";
	case FIELD_KIND_REPORT:  return "report";
	case FIELD_KIND_OTHER:   break;
	}
	return "other";
}
