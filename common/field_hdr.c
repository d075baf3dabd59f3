/*
 * field_hdr.c - the minutes parser's header fields: who, where, when
 *
 * Reads council, committee, meeting date and time, venue, the attendance
 * lists (present, apologies, officers, chair), the document kind and the
 * draft flag from the front matter field.c found (the lines before the
 * first item).  Rules:
 *   council   - opts->council; else the best-scoring "<Place> County/City/
 *               Borough/District/Parish/Town Council" (or a known place such
 *               as "County Hall, Worcester") in the text, a heading match
 *               counting most, then how often the place is named; else a
 *               folder of opts->path named like "kent-county-council"
 *   committee - "meeting of [the] X held" / "Minutes of [the] X <date>" (not
 *               "the next meeting of"); else the first heading line naming
 *               a Committee, Board, Panel, Cabinet, ... that reads as a name,
 *               cut at a date or dash; title case if all caps; without a
 *               "Minutes:" label or "of <this council>" around it
 *   date      - the first date in the front matter not introduced as the
 *               date of other minutes ("the minutes of the meeting held on",
 *               "previous", "last meeting"; "Minutes of the meeting held
 *               on" starting a line is this meeting's own heading); else a
 *               date in opts->path ("x-2007-05-07-minutes", "14th-Mar-2024")
 *   time      - the first time on or after the meeting date, not an end time
 *   venue     - "held in/at X on|,"; else what follows the date and time
 *               on the date's line ("Microsoft Teams Meeting")
 */
#include "field_int.h"
#include "ascii.h"
#include "date.h"
#include "people.h"
#include "sbuf.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Front-matter lines read for the heading fields. */
enum { HDR_LINES = 60 };
/* Lines at the very top that count as the document heading (council bonus). */
enum { HDR_HEADING_LINES = 15 };
/* Attendance block: lines read after a label before giving up. */
enum { HDR_BLOCK_LINES = 30 };
/* Council candidates kept; more than a handful is noise. */
enum { HDR_COUNCILS_MAX = 12 };
/* Bytes of text whose dates vote on reading "03/04/2024" month first. */
enum { HDR_ORDER_BYTES = 65536 };
/* Bytes at the start of the text used to decide the kind and draft flag. */
enum { HDR_KIND_BYTES = 3000 };
/* Front matter read for the heading fields: headers never run longer, and
 * the cap keeps junk input (one 5 MB line) linear and cheap. */
enum { HDR_FRONT_BYTES = 16384 };
/* Text searched for council names: they appear near the top or not at all. */
enum { HDR_COUNCIL_BYTES = 65536 };

/* A council's score when the body names it once, below the heading, and its place nowhere else (council_scan). */
enum { HDR_COUNCIL_MENTIONED_ONCE = 11 };

/* A line saying who was in the chair is no longer than this. */
enum { HDR_CHAIR_LINE = 120 };
/* One attendance list (present, apologies, officers) is never longer. */
enum { HDR_LIST_BYTES = 8192 };

/*
 * Like text_find_ci, but a space in needle matches any run of spaces, tabs and
 * line breaks: a phrase wrapped over two lines ("will be" / "held on").
 */
static size_t find_ci_spaced(const char *s, size_t len, const char *needle)
{
	for (size_t i = 0; i < len; i++) {
		size_t j = i;
		const char *w = needle;

		if ((s[i] | 0x20) != (needle[0] | 0x20))
			continue;
		while (*w && j < len) {
			if (*w == ' ') {
				if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
					break;
				while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
					j++;
				w++;
			} else if ((s[j] | 0x20) == (*w | 0x20)) {
				j++;
				w++;
			} else {
				break;
			}
		}
		if (!*w)
			return i;
	}
	return len;
}

/* Where find finds needle in s[0..len) at word boundaries; len when nowhere. */
static size_t find_word_with(size_t (*find)(const char *, size_t, const char *), const char *s, size_t len,
			     const char *needle)
{
	size_t n = strlen(needle), from = 0;

	while (from < len) {
		size_t at = find(s + from, len - from, needle);

		if (at == len - from)
			return len;
		at += from;
		if ((at == 0 || !ascii_is_alpha(s[at - 1])) && (at + n >= len || !ascii_is_alpha(s[at + n])))
			return at;
		from = at + 1;
	}
	return len;
}

/* text_find_ci at word boundaries. */
static size_t find_word_ci(const char *s, size_t len, const char *needle)
{
	return find_word_with(text_find_ci, s, len, needle);
}

/*
 * The council scans look for some thirty names in the first 64 KB of every
 * document: a case-blind byte loop over it for each name was a tenth of a
 * whole build's CPU time.  They search a lower-cased copy instead with
 * memmem; their names are written in lower case.
 */
static char *lower_copy(const char *t, size_t n)
{
	char *lc = malloc(n + 1);

	if (!lc)
		return NULL;
	for (size_t i = 0; i < n; i++)
		lc[i] = ascii_is_upper(t[i]) ? (char)(t[i] | 0x20) : t[i];
	lc[n] = '\0';
	return lc;
}

/* Offset of needle (lower case) in lc[0..len), a lower-cased copy; len when absent. */
static size_t lc_find(const char *lc, size_t len, const char *needle)
{
	const char *hit = memmem(lc, len, needle, strlen(needle));

	return hit ? (size_t)(hit - lc) : len;
}

/* The same over a lower-cased copy (lowering leaves letters letters). */
static size_t lc_find_word(const char *lc, size_t len, const char *needle)
{
	return find_word_with(lc_find, lc, len, needle);
}

/* Copy a cleaned, tidied span into a malloc'd string; NULL if empty. */
static char *clean_dup(const char *s, size_t len, bool title_case_caps, int *rc)
{
	struct sbuf a = {0}, b = {0};
	char *r = NULL;

	text_clean(s, len, &a);
	while (a.len && strchr(" ,.:;-*", a.buf[a.len - 1]))
		sbuf_setlen(&a, a.len - 1);
	while (a.len >= 3 && memcmp(a.buf + a.len - 3, "\xe2\x80\x93", 3) == 0)
		sbuf_setlen(&a, a.len - 3);
	if (title_case_caps && text_is_all_caps(sbuf_str(&a), a.len)) {
		text_title_case(sbuf_str(&a), a.len, &b);
		sbuf_release(&a);
		a = b;
		memset(&b, 0, sizeof b);
	}
	if (sbuf_oom(&a))
		*rc = CM_ENOMEM;
	else if (a.len)
		r = sbuf_detach(&a, NULL);
	sbuf_release(&a);
	return r;
}

/* The front matter (capped at HDR_LINES non-blank lines) as one sbuf. */
static void front_text(const struct fparse *p, struct sbuf *out, size_t max_lines)
{
	size_t seen = 0, end = p->front_end ? p->front_end : p->n_lines;

	for (size_t k = 0; k < end && seen < max_lines; k++) {
		const struct fline *l = &p->lines[k];

		if (l->flags & FLINE_RUNNING)
			continue;
		if (!(l->flags & FLINE_BLANK))
			seen++;
		sbuf_add(out, p->t + l->off, l->len);
		sbuf_addch(out, '\n');
		if (out->len >= HDR_FRONT_BYTES) {
			sbuf_setlen(out, HDR_FRONT_BYTES);
			break;
		}
	}
	/* a letter O typed for a zero inside a number: "4 MARCH 2O24" */
	for (size_t i = 1; out->buf && i + 1 < out->len; i++)
		if ((out->buf[i] == 'O' || out->buf[i] == 'o') && out->buf[i - 1] >= '0' &&
		    out->buf[i - 1] <= '9' && out->buf[i + 1] >= '0' && out->buf[i + 1] <= '9')
			out->buf[i] = '0';
}

/* ---- council ---------------------------------------------------------- */

struct council_cand {
	char *name;      /* canonical name */
	char *place;     /* the place words, for counting mentions */
	long score;
	unsigned named;  /* times the text names it */
};

static const char *const council_types[] = {
	"City and County", "City and District", "Metropolitan Borough", "County Borough", "County", "City",
	"Borough", "District", "Parish", "Town", "Community", "Unitary", "Regional", "Village", "Municipal",
	"Shire", "Local",	/* Malta: "Marsaxlokk Local Council" */
};

/* Words that are not a place even when capitalised before "County Council". */
static const char *const not_places[] = {
	"the", "a", "of", "and", "youth", "joint", "shadow", "full", "this", "that", "local",
	"care", "our", "your", "each", "every", "whole", "said", "new", "minutes", "meeting",
	"chairman", "chair", "vice", "clerk", "mayor", "leader", "member", "members", "dear",
	"councillor", "cllr", "from", "to", "for", "by", "with", "at", "on", "in",
	/* the kind of meeting, not the place: "Regular City Council", "Special Town Council" */
	"regular", "special", "ordinary", "extraordinary", "annual", "adjourned", "emergency",
	"monthly", "public", "agenda", "notice", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "meetings", "held", "all", "any", "his", "her", "their",
	"council", "committee", "county",
};

/* Known places whose council is named without its type (needles in lower case). */
static const struct {
	const char *needle;
	const char *place;
	const char *name;
} known_councils[] = {
	{ "county hall, worcester", "Worcestershire", "Worcestershire County Council" },
	{ "worcestershire", "Worcestershire", "Worcestershire County Council" },
	{ "dudley council", "Dudley", "Dudley Metropolitan Borough Council" },
	{ "dudley borough", "Dudley", "Dudley Metropolitan Borough Council" },
	{ "county hall, durham", "Durham", "Durham County Council" },
	{ "sessions house, county hall, maidstone", "Kent", "Kent County Council" },
	{ "derby city", "Derby", "Derby City Council" },
};

/*
 * " & " written " and ": "Manordeilo & Salem" and "Manordeilo and Salem",
 * "Enterprise & Planning Committee" and "Enterprise and Planning
 * Committee" are one facet value each.
 */
static void amp_to_and(struct sbuf *a)
{
	for (char *amp; a->buf && (amp = strstr(a->buf, " & ")) != NULL;) {
		size_t at = (size_t)(amp - a->buf);
		struct sbuf b = {0};

		sbuf_add(&b, a->buf, at);
		sbuf_adds(&b, " and ");
		sbuf_adds(&b, a->buf + at + 3);
		sbuf_release(a);
		*a = b;
	}
}

static int council_add(struct council_cand *cc, size_t *n, const char *name, size_t nlen,
		       const char *place, size_t plen, long score)
{
	struct sbuf a = {0};
	char *nm;

	text_fold_space(name, nlen, &a);
	if (text_is_all_caps(sbuf_str(&a), a.len)) {
		struct sbuf b = {0};

		text_title_case(sbuf_str(&a), a.len, &b);
		sbuf_release(&a);
		a = b;
	}
	amp_to_and(&a);
	nm = sbuf_detach(&a, NULL);
	if (!nm)
		return CM_ENOMEM;
	for (size_t i = 0; i < *n; i++) {
		if (strcasecmp(cc[i].name, nm) == 0) {
			cc[i].score += score;
			cc[i].named++;
			free(nm);
			return CM_OK;
		}
	}
	if (*n == HDR_COUNCILS_MAX) {
		free(nm);
		return CM_OK;
	}
	cc[*n].name = nm;
	cc[*n].place = strndup(place, plen);
	cc[*n].named = 1;
	cc[*n].score = score;
	if (!cc[*n].place) {
		free(nm);
		return CM_ENOMEM;
	}
	(*n)++;
	return CM_OK;
}

/* Offset where the text's heading (first HDR_HEADING_LINES lines) ends. */
static size_t heading_end(const struct fparse *p)
{
	size_t seen = 0;

	for (size_t k = 0; k < p->n_lines; k++) {
		if (!(p->lines[k].flags & FLINE_BLANK) && ++seen > HDR_HEADING_LINES)
			return p->lines[k].off;
	}
	return p->n;
}

static long place_mentions(const char *t, size_t n, const char *place);

/* Is the word at t[at..at+wl) one of not_places? */
static bool is_not_place(const char *t, size_t wl)
{
	for (size_t k = 0; k < sizeof not_places / sizeof *not_places; k++)
		if (strlen(not_places[k]) == wl && strncasecmp(t, not_places[k], wl) == 0)
			return true;
	return false;
}

/*
 * End of a run of up to max capitalised words starting at t[at] (a place:
 * "Alameda", "Santa Clara", "Manordeilo a Salem" with conj_ok), or at when
 * there is none.  Words are letters, '-' and '\''; they are separated by
 * one space.
 */
static size_t caps_words_end(const char *t, size_t n, size_t at, size_t max, bool conj_ok)
{
	size_t end = at, words = 0, i = at;

	while (words < max && i < n && text_is_upper_at(t + i, n - i)) {
		size_t j = i, l;

		/* accented letters are a name's ("Lac-Brûlé-Ouest", "Côte-Verte") */
		while (j < n && ((l = text_letter_len(t + j, n - j)) != 0 || t[j] == '-' || t[j] == '\''))
			j += l ? l : 1;
		if (j + 1 < n && t[j] == '.' && t[j + 1] == ' ' &&
		    ((j - i == 2 && (strncasecmp(t + i, "St", 2) == 0 || strncasecmp(t + i, "Mt", 2) == 0)) ||
		     (j - i == 3 && strncasecmp(t + i, "Ste", 3) == 0)))
			j++;	/* "City of St. Albertine", "Ville de Ste. Anne" */
		if (is_not_place(t + i, j - i))
			break;
		end = j;
		words++;
		if (j + 1 >= n || t[j] != ' ')
			break;
		i = j + 1;
		if (conj_ok && words == 1) {
			/* Welsh "a"/"ac", English "and": "Manordeilo a Salem" */
			size_t c = i;

			while (c < n && ascii_is_alpha(t[c]))
				c++;
			if (c < n && t[c] == ' ' && c - i <= 3 &&
			    (strncasecmp(t + i, "a ", 2) == 0 || strncasecmp(t + i, "ac ", 3) == 0 ||
			     strncasecmp(t + i, "and ", 4) == 0) && c + 1 < n && ascii_is_upper(t[c + 1]))
				i = c + 1;
		}
	}
	return end;
}

static int council_scan_bare(const struct fparse *p, struct council_cand *cc, size_t *n_cc);

/*
 * Start of the word that ends at t[end]: its letters (accented ones too:
 * "Dún", "Môn"), or a saint's or mount's abbreviation with its full stop
 * ("St. Ives", "Stoke St. Gregory", "Mt. Vernon"); with joined, hyphens
 * and apostrophes too ("Newton-le-Willows", "Bishop's").  end when no word
 * ends there.
 */
static size_t word_start_before(const char *t, size_t end, bool joined)
{
	size_t w = end;

	if (w >= 3 && t[w - 1] == '.' && (strncasecmp(t + w - 3, "St", 2) == 0 || strncasecmp(t + w - 3, "Mt", 2) == 0) &&
	    (w == 3 || !ascii_is_alpha(t[w - 4])))
		return w - 3;
	while (w > 0 && (ascii_is_alpha(t[w - 1]) || (unsigned char)t[w - 1] >= 0x80 ||
			 (joined && (t[w - 1] == '-' || t[w - 1] == '\''))))
		w--;
	return w;
}

/*
 * Start of the capitalised words (at most max) that end just before at, a
 * place's name ("Cupertino Union" before "School District"); at when none.
 */
static size_t place_before(const char *t, size_t at, size_t max)
{
	size_t st = at, words = 0;

	while (words < max && st >= 2 && t[st - 1] == ' ') {
		size_t w = word_start_before(t, st - 1, false);

		if (w == st - 1 || !text_is_upper_at(t + w, st - 1 - w) || strncasecmp(t + w, "the ", 4) == 0 ||
		    strncasecmp(t + w, "of ", 3) == 0 || strncasecmp(t + w, "with ", 5) == 0)
			break;
		st = w;
		words++;
	}
	return st;
}

/* Does t[0..n) start with a word that is no place ("Annual Parish Meeting", "Special School District")? */
static bool names_no_place(const char *t, size_t n)
{
	size_t j = 0;

	while (j < n && t[j] != ' ')
		j++;
	return is_not_place(t, j);
}

/*
 * Every "<Place> <kind>" in t[0..n): up to max capitalised words before
 * the kind (capitalised itself when capital) name the place, the whole is
 * the council ("Cupertino Union School District", "Greene County Commission").
 */
static int council_scan_place_kind(const char *t, const char *lc, size_t n, size_t hend, const char *kind,
				   size_t max, bool capital, struct council_cand *cc, size_t *n_cc)
{
	size_t from = 0, kl = strlen(kind);
	int rc = CM_OK;

	while (rc == CM_OK && from < n) {
		size_t at = lc_find_word(lc + from, n - from, kind), st;

		if (at == n - from)
			break;
		at += from;
		from = at + kl;
		st = place_before(t, at, max);
		if (st < at && (!capital || ascii_is_upper(t[at])) && !names_no_place(t + st, at - st))
			rc = council_add(cc, n_cc, t + st, at + kl - st, t + st, at - 1 - st, at < hend ? 110 : 10);
	}
	return rc;
}

static bool is_committee_word(const char *w, size_t n);

/*
 * Do the words t[pe..pe2) end a heading line in capitals (caps) that starts with
 * the council's kind at at, with no committee word among them ("COUNTY
 * ASSEMBLY OF NAKURU HILLS" alone on its line: the place is both words)?
 * In any case the line must be the name alone ("City of Banksia Heights").
 */
static bool ends_heading_line(const char *t, size_t n, size_t at, size_t pe, size_t pe2, bool caps)
{
	if (!(pe2 == n || t[pe2] == '\n') || !(at == 0 || t[at - 1] == '\n' || (caps && t[at - 1] == ' ')) ||
	    (caps && !text_is_all_caps(t + at, pe2 - at)))
		return false;
	for (size_t i = pe; i < pe2;) {
		size_t e;

		while (i < pe2 && t[i] == ' ')
			i++;
		for (e = i; e < pe2 && t[e] != ' '; e++)
			;
		if (e > i && is_committee_word(t + i, e - i))
			return false;
		i = e;
	}
	return true;
}

/* Bytes of s up to its line's end (or len). */
static size_t line_rest(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);

	return nl ? (size_t)(nl - s) : len;
}

/*
 * Councils named the other way round or by another word: "City of
 * Alameda", "Town of X", "Township/Village/County/Borough/Shire of X", "The
 * Corporation of the City of London", "London Borough of X", "Royal
 * Borough of X"; "Cupertino Union School District", "Gavilan Joint
 * Community College District"; Welsh "Cyngor Cymuned/Tref/Dinas/Sir X";
 * US "St. Martin Parish Police Jury", "Warren County Fiscal Court",
 * "Greene County Commission", "City and County of Broomfield".
 */
static int council_scan_named(const struct fparse *p, const char *lc, size_t hend, struct council_cand *cc,
			      size_t *n_cc)
{
	static const char *const of_kinds[] = {
		"city of ", "town of ", "township of ", "village of ", "county of ", "borough of ",
		"municipality of ", "shire of ", "parish council of ",
		/* South Australia's "District Council of Grant", British Columbia's regional
		 * districts, Alberta's numbered municipal districts (k == 11: "No. 44" must follow) */
		"district council of ", "regional district of ", "municipal district of ", "county assembly of ",
		/* Jersey's parishes, governed by their assemblies (k == 13) */
		"parish of ",
	};
	/* a place before its kind: US districts, South Africa's municipalities, India's corporations */
	static const char *const districts[] = {
		"school district", "college district", "local municipality", "district municipality",
		"metropolitan municipality", "municipal corporation",
		/* England: a parish without a council; authorities that are councils of their own kind */
		"parish meeting", "combined authority", "fire authority", "fire and rescue authority",
		"national park authority",
		/* the Isle of Man's local authorities */
		"village commissioners", "town commissioners", "parish commissioners", "district commissioners",
		/* US special districts and authorities, each a governing body of its own */
		"water district", "library district", "fire protection district", "fire district", "park district",
		"recreation and park district", "sanitary district", "sanitation district",
		"community services district", "municipal utility district", "utility district",
		"irrigation district", "transit district", "transit authority", "port authority",
		"housing authority",
		/* Ontario's school boards govern themselves: "Trillium Ridge District School Board" */
		"district school board",
		/* Kenya's counties are governed by their assemblies */
		"county assembly",
	};
	static const char *const us_units[] = { "township", "county", "village", "borough" };
	/* US counties and parishes governed by a body named after them: the whole name is the council */
	static const char *const county_bodies[] = {
		"parish police jury", "county fiscal court", "county legislature", "county commission",
		"county commissioners court", "county commissioners' court",
	};
	static const char *const welsh[] = {
		"cyngor cymuned ", "cyngor tref ", "cyngor dinas ", "cyngor sir ", "cyngor bwrdeistref sirol ",
	};
	const char *t = p->t;
	size_t n = p->n < HDR_COUNCIL_BYTES ? p->n : HDR_COUNCIL_BYTES;
	int rc = CM_OK;

	for (size_t k = 0; rc == CM_OK && k < sizeof of_kinds / sizeof *of_kinds; k++) {
		size_t from = 0, kl = strlen(of_kinds[k]);

		while (rc == CM_OK && from < n) {
			size_t at = lc_find(lc + from, n - from, of_kinds[k]), st, pe;

			if (at == n - from)
				break;
			at += from;
			from = at + kl;
			if (!ascii_is_upper(t[at]) || (at && ascii_is_alpha(t[at - 1])))
				continue;	/* "the city of" in a sentence is no name */
			if (caps_words_end(t, n, at + kl, 3, false) == at + kl)
				continue;
			st = at;
			if (st >= 19 && strncasecmp(t + st - 19, "Corporation of the ", 19) == 0)
				st -= 19;
			if ((k == 0 || k == 4) && st >= 25 && strncasecmp(t + st - 25, "Housing Authority of the ", 25) == 0)
				st -= 25;	/* "HOUSING AUTHORITY OF THE CITY OF BRENTWOOD": an authority of its own */
			if (k == 4 && st >= 9 && strncasecmp(t + st - 9, "City and ", 9) == 0)
				st -= 9;	/* "City and County of Broomfield" */
			if (st >= 4 && strncasecmp(t + st - 4, "The ", 4) == 0 && st < at)
				st -= 4;
			if (k == 5 && st >= 7 && (strncasecmp(t + st - 7, "London ", 7) == 0 ||
						  strncasecmp(t + st - 6, "Royal ", 6) == 0))
				st -= t[st - 7] == 'L' || t[st - 7] == 'l' ? 7 : 6;
			if ((k == 4 || k == 6) && st == at) {
				/* Canada: "The Regional Municipality of Durham", "Rural Municipality of X" */
				static const char *const quals[] = { "Regional ", "Rural ", "District " };

				for (size_t q = 0; q < sizeof quals / sizeof *quals; q++) {
					size_t ql = strlen(quals[q]);

					if (st >= ql && strncasecmp(t + st - ql, quals[q], ql) == 0 &&
					    ascii_is_upper(t[st - ql])) {
						st -= ql;
						if (st >= 4 && strncasecmp(t + st - 4, "The ", 4) == 0)
							st -= 4;
						break;
					}
				}
			}
			/* "CITY OF ALAMEDA PLANNING BOARD": the place runs on over a word only
			 * when the place is mostly named with it ("Santa Clara", not "Alameda
			 * Planning") */
			pe = caps_words_end(t, n, at + kl, 1, false);
			for (size_t w = 2; w <= 3; w++) {
				size_t pe2 = caps_words_end(t, n, at + kl, w, false), ws = pe + 1;

				/* "City of Weston BE RECEIVED": capitals after a mixed-case name */
				if (pe2 > pe && !text_is_all_caps(t + at, pe - at) &&
				    text_is_all_caps(t + ws, pe2 - ws))
					break;
				char *a = strndup(t + at + kl, pe - at - kl), *b = strndup(t + at + kl, pe2 - at - kl);
				bool longer = a && b && pe2 > pe &&
					      (place_mentions(t, n, b) * 2 > place_mentions(t, n, a) ||
					       ends_heading_line(t, n, at, pe, pe2, true) ||
					       ends_heading_line(t, n, at, pe, pe2, false));	/* "City of Banksia Heights" alone */

				free(a);
				free(b);
				if (!longer)
					break;
				pe = pe2;
			}
			if (pe >= at + kl + 4 && strncasecmp(t + pe - 3, " No", 3) == 0 && pe < n && t[pe] == '.')
				pe -= 3;	/* "Rural Municipality of Sherwood No. 159" */
			if (k == 11 && !text_starts_ci(t + pe, n - pe, " No. "))
				continue;	/* Ireland's municipal districts are their county council's */
			rc = council_add(cc, n_cc, t + st, pe - st, t + at + kl, pe - at - kl, at < hend ? 110 : 10);
		}
	}
	for (size_t k = 0; rc == CM_OK && k < sizeof districts / sizeof *districts; k++)
		rc = council_scan_place_kind(t, lc, n, hend, districts[k], 4, false, cc, n_cc);
	/* US: "Hartwell County Board of Supervisors", "Elm Village Board of Trustees", a
	 * heading "Hartwell Township": the place and its kind, the board a committee */
	for (size_t k = 0; rc == CM_OK && k < sizeof us_units / sizeof *us_units; k++) {
		size_t from = 0, kl = strlen(us_units[k]);

		while (rc == CM_OK && from < n) {
			size_t at = lc_find_word(lc + from, n - from, us_units[k]), st, e;

			if (at == n - from)
				break;
			at += from;
			from = at + kl;
			e = at + kl;
			if (!ascii_is_upper(t[at]) ||
			    !(text_starts_ci(t + e, n - e, " board of ") ||
			      /* "Township" alone ends its line; so does Alberta's "WAPITI FLATS COUNTY" */
			      (k <= 1 && (e == n || t[e] == '\n' ||
					  /* "RIVERSEDGE TOWNSHIP, CHESTER FALLS COUNTY": the township's own */
					  (t[e] == ',' && text_find_ci(t + e, line_rest(t + e, n - e), " county") <
							      line_rest(t + e, n - e))))))
				continue;
			st = place_before(t, at, 3);
			if (st < at && (st == 0 || t[st - 1] == '\n' || t[st - 1] == ' '))
				rc = council_add(cc, n_cc, t + st, e - st, t + st, at - 1 - st, at < hend ? 110 : 10);
		}
	}
	for (size_t k = 0; rc == CM_OK && k < sizeof county_bodies / sizeof *county_bodies; k++)
		rc = council_scan_place_kind(t, lc, n, hend, county_bodies[k], 3, true, cc, n_cc);
	for (size_t k = 0; rc == CM_OK && k < sizeof welsh / sizeof *welsh; k++) {
		size_t at = lc_find(lc, n, welsh[k]), kl = strlen(welsh[k]), pe;

		if (at == n)
			continue;
		pe = caps_words_end(t, n, at + kl, 3, true);
		if (pe > at + kl)
			rc = council_add(cc, n_cc, t + at, pe - at, t + at + kl, pe - at - kl, at < hend ? 110 : 10);
	}
	return rc;
}

/*
 * Every "<Place> <Type> Council" in the text: the place is one or two
 * capitalised words right before the type.
 */
static int council_scan(const struct fparse *p, struct council_cand *cc, size_t *n_cc)
{
	const char *t = p->t;
	size_t hend = heading_end(p), from = 0, n = p->n < HDR_COUNCIL_BYTES ? p->n : HDR_COUNCIL_BYTES;
	char *lc = lower_copy(t, n);
	int rc = lc ? CM_OK : CM_ENOMEM;

	while (rc == CM_OK && from < n) {
		size_t at = lc_find_word(lc + from, n - from, "council");
		size_t tstart, pstart, words = 0, conj = 0;
		bool conj_ok = false;
		const char *type = NULL;

		if (at == n - from)
			break;
		at += from;
		from = at + 7;
		/* the type right before */
		for (size_t k = 0; k < sizeof council_types / sizeof *council_types; k++) {
			size_t tl = strlen(council_types[k]);

			if (at >= tl + 1 && strncasecmp(t + at - tl - 1, council_types[k], tl) == 0 &&
			    t[at - 1] == ' ' && (at == tl + 1 || t[at - tl - 2] == ' ')) {
				type = council_types[k];
				break;
			}
		}
		if (!type)
			continue;
		tstart = at - strlen(type) - 1;
		pstart = tstart;
		while (words < 4 && pstart >= 2 && t[pstart - 1] == ' ') {
			size_t w = pstart - 1, ws, wl;
			bool skip = false;

			if (t[w - 1] == '&' && (w < 2 || t[w - 2] == ' ')) {
				ws = w - 1;	/* "Manordeilo & Salem" */
				wl = 1;
			} else {
				ws = word_start_before(t, w, true);
				wl = pstart - 1 - ws;
			}
			if (!wl)
				break;
			if (words && !conj && ws >= 2 && t[ws - 1] == ' ' &&
			    ((wl == 3 && strncasecmp(t + ws, "and", 3) == 0) || (wl == 1 && t[ws] == '&'))) {
				/* one council of two places: "Manordeilo and Salem Community Council" */
				conj = pstart;
				pstart = ws;
				continue;
			}
			if (!text_is_upper_at(t + ws, wl))
				break;
			for (size_t k = 0; k < sizeof not_places / sizeof *not_places; k++)
				if (strlen(not_places[k]) == wl && strncasecmp(t + ws, not_places[k], wl) == 0)
					skip = true;
			if (skip)
				break;
			pstart = ws;
			words++;
			if (conj) {
				conj_ok = true;
				break;
			}
		}
		if (conj && !conj_ok)
			pstart = conj;	/* "and" with no place before it */
		if (!words)
			continue;
		rc = council_add(cc, n_cc, t + pstart, at + 7 - pstart, t + pstart, tstart - 1 - pstart,
				 at < hend ? 110 : 10);
	}
	if (rc == CM_OK)
		rc = council_scan_named(p, lc, hend, cc, n_cc);
	if (rc == CM_OK)
		rc = council_scan_bare(p, cc, n_cc);
	for (size_t k = 0; rc == CM_OK && k < sizeof known_councils / sizeof *known_councils; k++) {
		size_t at = lc_find(lc, n, known_councils[k].needle);

		if (at < n)
			rc = council_add(cc, n_cc, known_councils[k].name, strlen(known_councils[k].name),
					 known_councils[k].place, strlen(known_councils[k].place),
					 at < hend ? 105 : 5);
	}
	free(lc);
	return rc;
}

/*
 * A council named by its place alone, a heading line of its own among the
 * first five ("HARTWELL COUNCIL", "The Moray Council", "Glenmore Council":
 * Scotland's councils): one to three capitalised words, none a council's
 * kind or a word that is no place, then "Council".
 */
/* Line k trimmed of blanks and heading markup ("# ", "**"). */
static void heading_line(const struct fparse *p, size_t k, const char **s, size_t *len)
{
	*s = p->t + p->lines[k].off;
	*len = p->lines[k].len;
	while (*len && (**s == '#' || **s == '*' || **s == ' ')) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == '*' || (*s)[*len - 1] == ' '))
		(*len)--;
}

/*
 * Does q (ql bytes) name a place alone: one to three capitalised words
 * (after an optional "The"), none a council's kind or a word that is no
 * place?  *qs gets where the place starts.
 */
static bool is_bare_place(const char *q, size_t ql, size_t *qs)
{
	size_t words = 0, i;

	*qs = 0;
	if (text_starts_ci(q, ql, "the "))
		*qs = 4;
	for (i = *qs; i < ql; words++) {
		size_t e = i;
		bool bad = !ascii_is_upper(q[i]);

		while (e < ql && q[e] != ' ')
			e++;
		if (words && e < ql && ((e - i == 3 && strncasecmp(q + i, "and", 3) == 0) || (e - i == 1 && q[i] == '&'))) {
			/* one council of two places: "Strathmore and Carse Council" */
			for (i = e; i < ql && q[i] == ' '; i++)
				;
			words--;
			continue;
		}
		for (size_t t = 0; t < sizeof council_types / sizeof *council_types && !bad; t++)
			bad = strlen(council_types[t]) == e - i && strncasecmp(q + i, council_types[t], e - i) == 0;
		bad = bad || is_not_place(q + i, e - i);
		if (bad)
			return false;
		i = e;
		while (i < ql && q[i] == ' ')
			i++;
	}
	return words >= 1 && words <= 3;
}

/*
 * Does a heading line name a county's governing board ("BOARD OF
 * COMMISSIONERS", "Board of County Commissioners", "BOARD OF SUPERVISORS",
 * "Commissioners Court", "Fiscal Court")?
 */
static bool names_county_board(const char *s, size_t len)
{
	return text_find_ci(s, len, "board of commissioners") < len ||
	       text_find_ci(s, len, "board of county commissioners") < len ||
	       text_find_ci(s, len, "board of supervisors") < len || text_find_ci(s, len, "commissioners court") < len ||
	       text_find_ci(s, len, "commissioners' court") < len || text_find_ci(s, len, "fiscal court") < len;
}

/*
 * A county named on a heading line of its own, over or under its board
 * ("BOARD OF COMMISSIONERS" / "HARLAN COUNTY, OHIO"): "X County", a
 * state after a comma dropped, a second column ("PAGE 212") cut off.
 * The length of "X County" in s, 0 when the line is no such name.
 */
static size_t county_line(const char *s, size_t len, size_t *qs)
{
	size_t e = len, c;

	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			e = i;	/* "HARLAN COUNTY, OHIO          PAGE 212" */
			break;
		}
	c = text_find_ci(s, e, " county");
	if (c == e || c == 0 || !(c + 7 == e || s[c + 7] == ','))
		return 0;
	return is_bare_place(s, c, qs) ? c + 7 : 0;
}

static int council_scan_bare(const struct fparse *p, struct council_cand *cc, size_t *n_cc)
{
	size_t seen = 0, prev = SIZE_MAX, county = 0, county_len = 0, county_qs = 0;
	bool board = false;

	for (size_t k = 0; k < p->n_lines && seen < 5; k++) {
		const char *s, *ps;
		size_t len, pl, qs;

		if (p->lines[k].flags & FLINE_BLANK)
			continue;
		seen++;
		heading_line(p, k, &s, &len);
		board = board || names_county_board(s, len);
		if (!county_len && (county_len = county_line(s, len, &county_qs)) != 0)
			county = k;
		if (board && county_len) {
			heading_line(p, county, &ps, &pl);
			return council_add(cc, n_cc, ps, county_len, ps + county_qs, county_len - 7 - county_qs, 108);
		}
		if (len >= 9 && len <= 60 && strncasecmp(s + len - 8, " council", 8) == 0 &&
		    is_bare_place(s, len - 8, &qs))
			return council_add(cc, n_cc, s, len, s + qs, len - 8 - qs, 108);
		if (prev != SIZE_MAX && len >= 9 && len <= 30 && strncasecmp(s + len - 8, " council", 8) == 0) {
			/* a letterhead over two lines: "ELMSHIRE" / "TOWN COUNCIL" */
			struct sbuf name = {0};
			int rc;

			heading_line(p, prev, &ps, &pl);
			for (size_t t = 0; t < sizeof council_types / sizeof *council_types; t++)
				if (strlen(council_types[t]) == len - 8 && strncasecmp(s, council_types[t], len - 8) == 0 &&
				    pl <= 40 && is_bare_place(ps, pl, &qs)) {
					sbuf_add(&name, ps, pl);
					sbuf_addch(&name, ' ');
					sbuf_add(&name, s, len);
					rc = sbuf_oom(&name) ? CM_ENOMEM :
							       council_add(cc, n_cc, name.buf, name.len, ps + qs, pl - qs, 108);
					sbuf_release(&name);
					return rc;
				}
		}
		prev = k;
	}
	return CM_OK;
}

/* How often a place is named as a whole word in any case, capped at 100. */
static long place_mentions(const char *t, size_t n, const char *place)
{
	size_t from = 0, pl = strlen(place);
	long count = 0;

	if (!pl)
		return 0;
	while (from < n && count < 100) {
		/* any case: "CITY OF ALAMEDA" in the heading, "Alameda" in the text */
		size_t at = text_find_ci(t + from, n - from, place);

		if (at == n - from)
			break;
		at += from;
		if ((at == 0 || !ascii_is_alpha(t[at - 1])) && (at + pl >= n || !ascii_is_alpha(t[at + pl])))
			count++;
		from = at + pl;
	}
	return count;
}

/* "kent-county-council" in a folder of the path -> "Kent County Council". */
static char *council_from_path(const char *path, int *rc)
{
	const char *s = path, *slash;

	while (s && (slash = strchr(s, '/')) != NULL) {
		size_t n = (size_t)(slash - s);

		if (n > 8 && (strncasecmp(s + n - 8, "-council", 8) == 0 ||
			      strncasecmp(s + n - 8, "_council", 8) == 0)) {
			struct sbuf a = {0}, b = {0};
			char *r;

			for (size_t i = 0; i < n; i++)
				sbuf_addch(&a, s[i] == '-' || s[i] == '_' ? ' ' : s[i]);
			text_title_case(sbuf_str(&a), a.len, &b);
			/* title case keeps "of" lower; the first letters of the rest go up */
			for (size_t i = 0; b.buf && i < b.len; i++)
				if ((i == 0 || b.buf[i - 1] == ' ') && ascii_is_lower(b.buf[i]) &&
				    !(i && strncmp(b.buf + i, "of ", 3) == 0) &&
				    !(i && strncmp(b.buf + i, "and ", 4) == 0))
					b.buf[i] = (char)(b.buf[i] - 32);
			r = sbuf_detach(&b, NULL);
			sbuf_release(&a);
			if (!r)
				*rc = CM_ENOMEM;
			return r;
		}
		s = slash + 1;
	}
	return NULL;
}

static int detect_council(const struct fparse *p, struct field_meeting *m)
{
	struct council_cand cc[HDR_COUNCILS_MAX];
	size_t n = 0, best = 0;
	char *folder = NULL;
	int rc;

	if (p->opts->council && *p->opts->council) {
		m->council = strdup(p->opts->council);
		m->council_src = FIELD_SRC_OPTION;
		return m->council ? CM_OK : CM_ENOMEM;
	}
	rc = council_scan(p, cc, &n);
	if (rc == CM_OK && n && p->opts->path)
		folder = council_from_path(p->opts->path, &rc);
	if (rc == CM_OK && folder && strchr(folder, ' ')) {
		/* "MINUTES OF SOULDERN ANNUAL PARISH MEETING" in souldern-parish-council/:
		 * the folder's council when its place is named in the heading */
		size_t pl = (size_t)(strchr(folder, ' ') - folder), hend = heading_end(p);
		const char *hit = memmem(p->t, hend, folder, pl);
		struct sbuf up = {0};

		for (size_t i = 0; i < pl; i++)
			sbuf_addch(&up, folder[i] >= 'a' && folder[i] <= 'z' ? (char)(folder[i] - 32) : folder[i]);
		if (!hit && up.buf)
			hit = memmem(p->t, hend, up.buf, pl);
		sbuf_release(&up);
		if (hit)
			rc = council_add(cc, &n, folder, strlen(folder), folder, pl, 105);
	}
	for (size_t i = 0; i < n; i++) {
		cc[i].score += place_mentions(p->t, p->n < HDR_COUNCIL_BYTES ? p->n : HDR_COUNCIL_BYTES,
					      cc[i].place);
		/* the archive's folder names the council: trust it when the text agrees */
		if (folder && strcasecmp(folder, cc[i].name) == 0)
			cc[i].score += 1000;
		if (cc[i].score > cc[best].score)
			best = i;
	}
	/* a council named once in the body and nowhere else is one the minutes mention ("A letter
	 * from Elmford Parish Council was noted"), not theirs */
	if (rc == CM_OK && n && !(cc[best].named == 1 && cc[best].score == HDR_COUNCIL_MENTIONED_ONCE)) {
		m->council = cc[best].name;
		m->council_src = FIELD_SRC_TEXT;
		cc[best].name = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		free(cc[i].name);
		free(cc[i].place);
	}
	free(folder);
	if (rc == CM_OK && !m->council && p->opts->path) {
		m->council = council_from_path(p->opts->path, &rc);
		if (m->council)
			m->council_src = FIELD_SRC_PATH;
	}
	return rc;
}

/* ---- committee -------------------------------------------------------- */

static const char *const committee_words[] = {
	"committee", "sub-committee", "subcommittee", "board", "panel", "cabinet", "council", "forum",
	"commission", "partnership", "assembly", "executive", "group", "trust", "authority",
	"municipal district", "trustees", "selectboard",
};

static bool has_committee_word(const char *s, size_t len)
{
	for (size_t k = 0; k < sizeof committee_words / sizeof *committee_words; k++)
		if (find_word_ci(s, len, committee_words[k]) < len)
			return true;
	return false;
}

/* Is w (n bytes) one of committee_words, ignoring case? */
static bool is_committee_word(const char *w, size_t n)
{
	for (size_t k = 0; k < sizeof committee_words / sizeof *committee_words; k++)
		if (strlen(committee_words[k]) == n && strncasecmp(w, committee_words[k], n) == 0)
			return true;
	return false;
}

/* Does s start with a word that says what kind of meeting it was ("Regular", "Special")? */
static bool is_meeting_kind_word(const char *s, size_t len)
{
	static const char *const kinds[] = {
		"regular", "special", "adjourned", "ordinary", "extraordinary", "annual", "joint", "monthly",
	};

	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t n = strlen(kinds[k]);

		if (len >= n && strncasecmp(s, kinds[k], n) == 0 && (len == n || s[n] == ' '))
			return true;
	}
	return false;
}

/*
 * A committee name as a name, or NULL (c is freed): words after the last
 * committee word are dropped when lowercase ("Audit Committee date", a
 * front-matter key on the next line) or say the meeting's kind ("Planning
 * Commission Regular"), and the name is refused when they are capitalised
 * ("Held in the Board Room", "Executive Engineer") unless
 * they follow "of" ("Board of Trustees", "Municipal District of Newcastle
 * West"); a label (':'), a bracket or a title in front ("Ms I Kelly
 * (Christmas Lights Group)") is no name either.
 */
static char *committee_shape(char *c)
{
	static const char *const not_first[] = {
		"held", "ms", "mr", "mrs", "dr", "cllr", "councillor", "to", "from", "council",
	};
	size_t n, last_kw = 0, end;
	bool kw = false, of = false;

	if (!c)
		return NULL;
	n = strlen(c);
	{
		/* a label in front is tidied later ("Minutes: Licensing Committee"); a
		 * colon after a committee word is a field ("Partnership Substitute: X") */
		const char *colon = strchr(c, ':');

		if (colon && has_committee_word(c, (size_t)(colon - c)))
			goto refuse;
	}
	{
		/* "Area Planning Committee (North)": a bracket after the name is its part;
		 * "(SPECIAL)", a meeting's kind, is not */
		char *open = strchr(c, '('), *close = open ? strchr(open, ')') : NULL;
		size_t base;

		if (close && strncmp(close + 1, " of ", 4) == 0) {
			close[1] = '\0';	/* "Licensing Sub-Committee (Hearing) of Elmshire District Council" */
			n = strlen(c);
		}
		if (open && open > c + 1 && open[-1] == ' ' && c[n - 1] == ')' && !strchr(open + 1, '(') &&
		    n - (size_t)(open - c) <= 24 && has_committee_word(c, (size_t)(open - c) - 1)) {
			bool kind = is_meeting_kind_word(open + 1, (size_t)(c + n - 1 - (open + 1)));
			char *shaped;

			base = (size_t)(open - c) - 1;
			c[base] = '\0';
			shaped = committee_shape(c);
			if (!kind && shaped && strlen(shaped) == base)
				shaped[base] = ' ';	/* the name was kept whole: the bracket goes back */
			return shaped;
		}
	}
	if (strpbrk(c, "()[]@") || n > 100)
		goto refuse;
	for (size_t k = 0; k < sizeof not_first / sizeof *not_first; k++) {
		size_t l = strlen(not_first[k]);

		if (n > l && strncasecmp(c, not_first[k], l) == 0 && c[l] == ' ')
			goto refuse;
	}
	/* the end of the last committee word ("Sub-Committee" counts as "Committee") */
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && c[j] != ' ')
			j++;
		{
			size_t w = i;

			for (size_t q = i; q < j; q++)
				if (c[q] == '-')
					w = q + 1;
			if (i + 18 <= n && strncasecmp(c + i, "municipal district", 18) == 0) {
				kw = true;
				of = false;
				last_kw = i + 18;
				j = last_kw;
			} else if (is_committee_word(c + w, j - w)) {
				kw = true;
				of = false;
				last_kw = j;
			} else if (kw && j - i == 2 && (strncasecmp(c + i, "of", 2) == 0 || strncasecmp(c + i, "on", 2) == 0) &&
				   j == last_kw + 3) {
				of = true;	/* "Board of Trustees", "Committee on Finance and Planning": the rest is the name */
			}
		}
		i = j + 1;
	}
	if (!kw)
		return c;	/* named by the caller's own rule (a meeting kind) */
	end = last_kw;
	if (!of && end + 1 < n && !strchr(c + end + 1, ' ') &&
	    ((n - end - 1 == 1 && ascii_is_upper(c[end + 1])) || strspn(c + end + 1, "0123456789") == n - end - 1))
		end = n;	/* "Planning Sub-Committee B", "Area Panel 2" */
	if (!of && end < n) {
		for (size_t i = end + 1; i < n; i++)
			if (ascii_is_upper(c[i]) && (c[i - 1] == ' ') && !is_meeting_kind_word(c + i, n - i))
				goto refuse;	/* "Board Room", "Executive Engineer" */
		c[end] = '\0';	/* "Planning Commission Regular" (Meeting Minutes) */
	}
	{
		size_t words = 1;

		for (size_t i = 0; c[i]; i++)
			words += c[i] == ' ';
		if (words > 9)
			goto refuse;	/* "Council and the Redevelopment Successor Agency Immediately ..." */
	}
	return c;
refuse:
	free(c);
	return NULL;
}

/*
 * Does s read as a body's name rather than a sentence?  Every word of four
 * or more letters is capitalised ("Children and Young People's Overview and
 * Scrutiny Committee"; not "The Chairman thanked all serving Parish Council
 * members"), and there are at most twelve words.
 */
static bool is_name_like(const char *s, size_t len)
{
	size_t words = 0;

	for (size_t i = 0; i < len;) {
		size_t j = i;

		while (j < len && s[j] != ' ')
			j++;
		if (j > i) {
			size_t letters = 0;

			words++;
			for (size_t q = i; q < j; q++)
				letters += ascii_is_alpha(s[q]);
			if (letters >= 4 && letters == j - i && ascii_is_lower(s[i]))
				return false;
		}
		i = j + 1;
	}
	return words <= 12;
}

/*
 * Is the " on " at s[at] a committee's remit, not its date ("Committee on
 * Finance and Planning", not "Committee on Monday 4 March"): a committee
 * word before it, a capitalised word after it that names no day or month.
 */
static bool names_its_remit(const char *s, size_t at, size_t end)
{
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	};
	size_t w = at, e = at + 4;

	while (w > 0 && s[w - 1] != ' ')
		w--;
	if (!is_committee_word(s + w, at - w) || e >= end || !ascii_is_upper(s[e]))
		return false;
	for (size_t k = 0; k < sizeof days / sizeof *days; k++)
		if (text_starts_ci(s + e, end - e, days[k]))
			return false;
	return true;
}

/* Where the first of a committee name's stops lies in s[from..end); end if none. */
static size_t committee_stop(const char *s, size_t from, size_t end)
{
	static const char *const stops[] = {
		" held", " on ", ",", "**", " - ", "\xe2\x80\x93", " at ", "\n", " meeting", " minutes",
		". ", " will ", " to be ",
		"   ",	/* a second column beside it: "BOARD OF COMMISSIONERS        JOURNAL 61" */
	};

	for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
		size_t at = from + text_find_ci(s + from, end - from, stops[k]);

		while (k == 1 && at < end && names_its_remit(s, at, end))
			at += 4 + text_find_ci(s + at + 4, end - at - 4, stops[k]);
		if (at < end)
			end = at;
	}
	return end;
}

/*
 * Where a committee name in s stops: a date, a dash, " held", " on ", ",",
 * "**", " will " (but not a comma between capitalised words before the
 * committee word).
 */
static size_t committee_end(const char *s, size_t len)
{
	size_t end = len, ds;

	if (date_find(s, len, NULL, &ds, NULL)) {
		/* back over a weekday before the date */
		size_t w = ds;

		while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == ','))
			w--;
		while (w > 0 && ascii_is_alpha(s[w - 1]))
			w--;
		if (w < ds && date_parse(s + w, len - w, NULL, NULL))
			ds = w;
		end = ds;
	}
	{
		size_t lim = end, e = committee_stop(s, 0, lim);

		/* "Economic Development, Enterprise and Planning Strategic Policy
		 * Committee": commas between capitalised words before the committee word */
		for (size_t c = e; c + 2 < lim && s[c] == ',' && s[c + 1] == ' ' && ascii_is_upper(s[c + 2]) &&
				   !has_committee_word(s, c);) {
			c = committee_stop(s, c + 1, lim);
			if (has_committee_word(s, c)) {
				e = c;
				break;
			}
		}
		end = e;
	}
	return end;
}

/* Does the word before s[at] ("next meeting of") make it another meeting? */
static bool cites_other_meeting(const char *s, size_t at)
{
	static const char *const words[] = {
		"next", "last", "previous", "following", "future", "subsequent", "special", "earlier",
	};
	size_t e = at, b;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	b = e;
	while (b > 0 && ascii_is_alpha(s[b - 1]))
		b--;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == e - b && strncasecmp(s + b, words[k], e - b) == 0)
			return true;
	return false;
}

/*
 * The place in a council's name: "Alameda" in "City of Alameda", "Haresfield"
 * in "Haresfield Parish Council"; the whole name when it has no type
 * ("Cupertino Union School District").  Returns a pointer into council and
 * its length in *len.
 */
static const char *council_place(const char *council, size_t *len)
{
	size_t n = strlen(council);
	const char *of = NULL;

	for (const char *q = council; (q = strstr(q, " of ")) != NULL; q += 4)
		of = q + 4;
	if (of) {
		*len = n - (size_t)(of - council);
		return of;
	}
	if (n > 8 && strcasecmp(council + n - 8, " Council") == 0) {
		n -= 8;
		for (size_t k = 0; k < sizeof council_types / sizeof *council_types; k++) {
			size_t tl = strlen(council_types[k]);

			if (n > tl + 1 && council[n - tl - 1] == ' ' &&
			    strncasecmp(council + n - tl, council_types[k], tl) == 0) {
				n -= tl + 1;
				break;
			}
		}
	}
	*len = n;
	return council;
}

/*
 * Is committee c the council itself in an ordinary meeting: "Parish
 * Council", "Regular City Council", "Full Council", "Haresfield Parish
 * Council", "Manordeilo & Salem Community Council", a school board's
 * "Regular Board"?
 */
static bool is_full_council(const char *c, const char *council)
{
	static const char *const kinds[] = {
		"the ", "a ", "regular ", "special ", "ordinary ", "full ", "monthly ", "joint ",
		"adjourned ", "public ",
	};
	size_t n = strlen(c);
	bool again = true;

	while (again) {
		again = false;
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			size_t l = strlen(kinds[k]);

			if (n > l && strncasecmp(c, kinds[k], l) == 0) {
				c += l;
				n -= l;
				again = true;
			}
		}
	}
	if (n == 7 && strcasecmp(c, "council") == 0)
		return true;
	if (n == 15 && strcasecmp(c, "parish assembly") == 0 && council && strncasecmp(council, "parish of ", 10) == 0)
		return true;	/* Jersey: the parish's assembly governs it */
	if (council && text_starts_ci(c, n, "municipal council")) {
		/* Quebec: "the Municipal Council of Lac-Vert" (or cut at its line's end, "Municipal
		 * Council of") is the Municipality of Lac-Vert itself */
		size_t pl;
		const char *place = council_place(council, &pl);

		if (n == 17 || (n == 20 && strcasecmp(c + 17, " of") == 0) ||
		    (n == 21 + pl && strncasecmp(c + 17, " of ", 4) == 0 && strncasecmp(c + 21, place, pl) == 0))
			return true;
	}
	if (n == 5 && strcasecmp(c, "board") == 0 && council && strlen(council) > 6 &&
	    strcasecmp(council + strlen(council) - 6, " board") == 0)
		return true;	/* "Regular Board Meeting" of a school board */
	for (size_t k = 0; k < sizeof council_types / sizeof *council_types; k++) {
		size_t tl = strlen(council_types[k]);

		if (n == tl + 8 && strncasecmp(c, council_types[k], tl) == 0 && strcasecmp(c + tl, " council") == 0)
			return true;
	}
	if (council) {
		struct sbuf a = {0}, b = {0};
		bool same;

		text_normalise_key(c, n, &a);
		text_normalise_key(council, strlen(council), &b);
		same = a.len && b.len && strcmp(sbuf_str(&a), sbuf_str(&b)) == 0;
		sbuf_release(&a);
		sbuf_release(&b);
		if (same)
			return true;
	}
	return false;
}

/*
 * A meeting that is not a committee's but has its own name, stated in the
 * first lines: "Annual Parish Meeting" (of the electors), "Annual Parish
 * Council Meeting", "Extraordinary Meeting".  Sets *out (title case) when
 * one is found; CM_OK or CM_ENOMEM.
 */
static int committee_meeting_kind(const char *s, size_t n, char **out)
{
	static const char *const kinds[] = {
		"annual parish council meeting", "annual town council meeting", "annual parish meeting",
		"annual town meeting", "extraordinary general meeting", "extraordinary meeting",
		"annual meeting",
	};
	size_t lines = 0, end = 0;
	int rc = CM_OK;

	/* the first six non-blank lines: later, such a meeting is only mentioned */
	while (end < n && lines < 6) {
		const char *nl = memchr(s + end, '\n', n - end);
		size_t e = nl ? (size_t)(nl - s) : n;

		for (size_t i = end; i < e; i++)
			if (s[i] != ' ' && s[i] != '\t') {
				lines++;
				break;
			}
		end = e + 1;
	}
	if (end > n)
		end = n;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t at = find_word_ci(s, end, kinds[k]);
		struct sbuf a = {0};

		if (at == end)
			continue;
		text_title_case(kinds[k], strlen(kinds[k]), &a);
		*out = sbuf_detach(&a, NULL);
		if (!*out)
			rc = CM_ENOMEM;
		break;
	}
	return rc;
}

/*
 * Tidy a committee name: drop a "Minutes:" / "Agenda:" label in front (web
 * page titles) and " of <this council>" at the end ("Cabinet of Fellmarsh
 * District Council" -> "Cabinet").  Works in place on a malloc'd string.
 */
static void committee_tidy(char *c, const char *council)
{
	static const char *const labels[] = {
		"minutes:", "agenda:", "draft minutes:", "minutes -", "agenda -", "decisions:", "meeting:",
		"committee:", "meeting of:", "agenda for the", "agenda for", "minutes for the",
	};
	size_t n = strlen(c);

	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t l = strlen(labels[k]);

		if (n > l + 1 && strncasecmp(c, labels[k], l) == 0) {
			while (c[l] == ' ')
				l++;
			memmove(c, c + l, n - l + 1);
			n -= l;
			break;
		}
	}
	if (n > 4 && strncasecmp(c, "the ", 4) == 0 && has_committee_word(c + 4, n - 4)) {
		memmove(c, c + 4, n - 3);
		n -= 4;
	}
	if (n > 3 && strcasecmp(c + n - 3, " No") == 0)
		c[n -= 3] = '\0';	/* "Municipal District of Spruce Hollow No" cut before ". 44" */
	{
		/* "Regular Board" (Meeting), "Special Planning Commission": the meeting's kind is no part of the name */
		static const char *const kinds[] = { "regular ", "special ", "adjourned ", "ordinary ", "extraordinary ", "monthly " };

		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			size_t l = strlen(kinds[k]);

			if (n > l && strncasecmp(c, kinds[k], l) == 0 && has_committee_word(c + l, n - l)) {
				memmove(c, c + l, n - l + 1);
				n -= l;
				break;
			}
		}
	}
	if (council && *council) {
		size_t cl = strlen(council), pl;
		const char *place = council_place(council, &pl);

		/* "Oskstow Borough Council Pensions Committee" (before the place alone,
		 * which would leave "Borough Council Pensions Committee") */
		if (n > cl + 1 && strncasecmp(c, council, cl) == 0 && c[cl] == ' ' &&
		    has_committee_word(c + cl + 1, n - cl - 1)) {
			memmove(c, c + cl + 1, n - cl);
			n -= cl + 1;
		}

		/* "Alameda Golf Commission" of the City of Alameda */
		if (pl && n > pl + 1 && strncasecmp(c, place, pl) == 0 && c[pl] == ' ' &&
		    has_committee_word(c + pl + 1, n - pl - 1)) {
			memmove(c, c + pl + 1, n - pl);
			n -= pl + 1;
		}

		for (size_t i = 0; i + 4 + cl <= n; i++) {
			if (strncasecmp(c + i, " of ", 4) != 0)
				continue;
			if (strcasecmp(c + i + 4, council) == 0 ||
			    (strncasecmp(c + i + 4, "the ", 4) == 0 && strcasecmp(c + i + 8, council) == 0)) {
				c[i] = '\0';
				break;
			}
		}
	}
}

static int detect_committee(struct field_meeting *m, const struct sbuf *front)
{
	const char *s = sbuf_str(front), *fs;
	size_t n = front->len, fn;
	struct sbuf folded = {0};
	int rc = CM_OK;

	/* "EXTRAORDINARY MEETING 6th FEBRUARY 2019", "Minutes of the Annual Parish Meeting" */
	rc = committee_meeting_kind(s, n, &m->committee);
	/* "meeting of [the] X held", "Minutes of [the] X <date>", "Notes of the X held", over line breaks
	 * ("MEETING / OF / THE / MUNICIPAL DISTRICT OF ...", a word a line) */
	text_fold_space(s, n, &folded);
	fs = sbuf_str(&folded);
	fn = folded.len;
	/* first each name ended by its line ("NOTICE OF REGULAR MEETING OF THE PLANNING
	 * COMMISSION" over "NOTICE IS HEREBY GIVEN ..."), then over line breaks */
	for (size_t k = 0; k < 8 && !m->committee && rc == CM_OK; k++) {
		/* Kenya's assemblies: "MINUTES OF THE 14TH SITTING OF THE COMMITTEE ON FINANCE" */
		static const char *const leads[] = { "meeting of ", "minutes of ", "notes of ", "sitting of " };
		const char *lead = leads[k % 4];
		bool by_line = k < 4;
		size_t from = 0;

		s = by_line ? sbuf_str(front) : fs;
		n = by_line ? front->len : fn;

		while (from < n && !m->committee) {
			size_t at = text_find_ci(s + from, n - from, lead), st, e;
			struct sbuf flat = {0};

			if (at == n - from)
				break;
			at += from;
			st = at + strlen(lead);
			from = st;
			if (cites_other_meeting(s, at))
				continue;	/* "the next meeting of the Panel" */
			if (text_starts_ci(s + st, n - st, "the "))
				st += 4;
			if (text_starts_ci(s + st, n - st, "a meeting of "))
				st += 13;
			if (text_starts_ci(s + st, n - st, "the "))
				st += 4;
			/* the name may wrap: look at the next ~200 bytes as one line */
			{
				size_t w = n - st < 200 ? n - st : 200;
				const char *nl = by_line ? memchr(s + st, '\n', w) : NULL;

				text_strip_markup(s + st, nl ? (size_t)(nl - (s + st)) : w, &flat);
			}
			{
				struct sbuf one = {0};

				text_fold_space(sbuf_str(&flat), flat.len, &one);
				e = committee_end(sbuf_str(&one), one.len);
				if (e > 2 && e < 120 && has_committee_word(sbuf_str(&one), e) &&
				    ascii_is_upper(sbuf_str(&one)[0]) && is_name_like(sbuf_str(&one), e))
					m->committee = committee_shape(clean_dup(sbuf_str(&one), e, true, &rc));
				sbuf_release(&one);
			}
			sbuf_release(&flat);
		}
	}
	/* the first heading line that names a committee */
	s = sbuf_str(front);
	n = front->len;
	for (size_t i = 0; i < n && !m->committee && rc == CM_OK;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;
		struct sbuf line = {0};
		const char *ls;
		size_t ll, ce;
		bool minutes_of = false;

		text_strip_markup(s + i, e - i, &line);
		ls = sbuf_str(&line);
		ll = line.len;
		text_trim(&ls, &ll);
		if (ll > 4 && e < n && (strncasecmp(ls + ll - 4, " and", 4) == 0 || strncasecmp(ls + ll - 3, " of", 3) == 0)) {
			/* "PLANNING AND" / "ENVIRONMENT COMMITTEE": the name wraps after its connector */
			const char *nl2 = memchr(s + e + 1, '\n', n - e - 1);
			size_t e2 = nl2 ? (size_t)(nl2 - s) : n;
			struct sbuf one = {0};

			sbuf_addch(&line, ' ');
			text_strip_markup(s + e + 1, e2 - e - 1, &line);
			text_fold_space(sbuf_str(&line), line.len, &one);
			sbuf_release(&line);
			line = one;
			ls = sbuf_str(&line);
			ll = line.len;
			text_trim(&ls, &ll);
		}
		{
			/* New Zealand: "Te Komiti Rautaki | Strategy and Policy Committee": the English name */
			size_t bar = text_find_ci(ls, ll, " | ");

			if (bar < ll && has_committee_word(ls + bar + 3, ll - bar - 3)) {
				ls += bar + 3;
				ll -= bar + 3;
			}
		}
		if (text_starts_ci(ls, ll, "minutes of the ")) {
			ls += 15;
			ll -= 15;
			minutes_of = true;
		} else if (text_starts_ci(ls, ll, "minutes of a ")) {
			ls += 13;	/* "Minutes of a Parish Assembly held at ..." */
			ll -= 13;
			minutes_of = true;
		} else {
			/* "Minutes - Cabinet - 12 March 2024", "Agenda – Planning Committee – ..." */
			size_t w = text_starts_ci(ls, ll, "minutes") ? 7 : text_starts_ci(ls, ll, "agenda") ? 6 : 0,
			       d = w ? text_spaced_dash(ls, ll, w) : 0;

			if (d) {
				ls += w + d;
				ll -= w + d;
				minutes_of = true;
			}
		}
		{
			/* "REGULAR MEETING, BOARD OF TRUSTEES": the name after the comma */
			const char *comma = memchr(ls, ',', ll);

			size_t before = comma ? (size_t)(comma - ls) : 0;
			bool listed = comma && text_find_ci(ls, before, "meeting") == before &&
				      text_find_ci(ls, before, "session") == before &&
				      (text_find_ci(comma, ll - before, " and ") < ll - before ||
				       text_find_ci(comma, ll - before, " & ") < ll - before);

			/* but "Strategy, Policy and Finance Committee" is one name, a list of its remits */
			if (comma && !listed && ll < 120 && !has_committee_word(ls, before) &&
			    has_committee_word(comma, ll - before)) {
				ll -= (size_t)(comma - ls) + 1;
				ls = comma + 1;
				text_trim(&ls, &ll);
			}
		}
		ce = ll && ll < 120 ? committee_end(ls, ll) : 0;
		if (ce > 2 && ascii_is_upper(ls[0]) && has_committee_word(ls, ce) && is_name_like(ls, ce) &&
		    !text_starts_ci(ls, ll, "at a meeting")) {
			char *c = committee_shape(clean_dup(ls, ce, true, &rc));

			size_t cl = c ? strlen(c) : 0, ml = m->council ? strlen(m->council) : 0;

			/* "Harbourne" / "Borough Council": the letterhead's second line is the council's */
			if (c && !minutes_of && ml > cl && m->council[ml - cl - 1] == ' ' &&
			    strcasecmp(m->council + ml - cl, c) == 0) {
				free(c);
				c = NULL;
			}
			if (c && (minutes_of || !m->council || strcasecmp(c, m->council) != 0))
				m->committee = c;
			else
				free(c);
		}
		sbuf_release(&line);
		i = e + 1;
	}
	if (m->committee)
		committee_tidy(m->committee, m->council);
	if (m->committee && strstr(m->committee, " & ")) {
		struct sbuf a = {0};

		sbuf_adds(&a, m->committee);
		amp_to_and(&a);
		if (sbuf_oom(&a)) {
			sbuf_release(&a);
			rc = CM_ENOMEM;
		} else {
			free(m->committee);
			m->committee = sbuf_detach(&a, NULL);
		}
	}
	if (m->committee && (!*m->committee || is_full_council(m->committee, m->council))) {
		free(m->committee);	/* the council itself met: no committee */
		m->committee = NULL;
	}
	if (sbuf_oom(&folded) && rc == CM_OK)
		rc = CM_ENOMEM;
	sbuf_release(&folded);
	m->committee_src = m->committee ? FIELD_SRC_TEXT : FIELD_SRC_NONE;
	return rc;
}

/* ---- date, time, venue ------------------------------------------------ */

/* A word that says what state minutes are in: "DRAFT Minutes of ...", "Unconfirmed minutes of ...". */
static bool minutes_status_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"draft", "unconfirmed", "unapproved", "approved", "confirmed", "provisional", "final", "signed",
	};

	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == n && strncasecmp(w, words[k], n) == 0)
			return true;
	return false;
}

/*
 * Does s[0..n) say the minutes were verb ("approved", "confirmed")?  Not
 * when it is still to come: "to be confirmed at the meeting on 11 April",
 * "subject to being approved".
 */
static bool said_done(const char *s, size_t n, const char *verb)
{
	size_t at = text_find_ci(s, n, verb);

	if (at == n)
		return false;
	for (size_t back = at > 16 ? at - 16 : 0; back < at; back++)
		if (text_starts_ci(s + back, at - back, "to be ") || text_starts_ci(s + back, at - back, "subject to "))
			return false;
	return true;
}

/*
 * Is the date at s[at..de) introduced (on its line) as the date of other
 * minutes?  "Minutes of the meeting held on <date>" starting a line of the
 * front matter is this meeting's own heading, unless the line goes on to
 * say the minutes were approved; anywhere else in a line it cites another.
 */
static bool date_is_reference(const char *s, size_t n, size_t at, size_t de)
{
	size_t from = at > 80 ? at - 80 : 0, cn, mo, en;
	const char *c, *nl, *e;

	while ((nl = memchr(s + from, '\n', at - from)) != NULL)
		from = (size_t)(nl - s) + 1;
	c = s + from;
	cn = at - from;
	if (text_find_ci(c, cn, "previous") < cn || text_find_ci(c, cn, "last meeting") < cn ||
	    text_find_ci(c, cn, "dated") < cn)
		return true;
	mo = text_find_ci(c, cn, "minutes of");
	if (mo == cn || text_find_ci(c, cn, "held on") == cn)
		return false;
	for (size_t i = 0; i < mo; i++) {
		if (strchr(" \t#*_>", c[i]))
			continue;
		/* "UNCONFIRMED MINUTES of the meeting held on": this meeting's heading */
		size_t w = i;

		while (w < mo && ascii_is_alpha(c[w]))
			w++;
		if (w == i || !minutes_status_word(c + i, w - i))
			return true;	/* "To confirm the minutes of ..." */
		i = w - 1;
	}
	e = memchr(s + de, '\n', n - de);
	en = e ? (size_t)(e - (s + de)) : n - de;
	return find_word_ci(s + de, en, "were") < en || find_word_ci(s + de, en, "was") < en ||
	       said_done(s + de, en, "approved") || text_find_ci(s + de, en, "agreed") < en ||
	       said_done(s + de, en, "confirmed") || said_done(s + de, en, "signed");
}

/*
 * A date in a file name: "2023-10-03-minutes.txt", "Printed minutes
 * 14th-Mar-2024 2.00pm Cabinet.txt", "2019_07_17".  Dashes and underscores
 * between words are read as spaces when the name does not parse as it is.
 */
static int date_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	char buf[256];
	size_t n;
	int d;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, base, n);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++) {
		/* a date right after a word and a dash: "committee-2007-05-07" */
		if (i && (buf[i - 1] == '-' || buf[i - 1] == '_') && buf[i] >= '0' && buf[i] <= '9' &&
		    date_parse(buf + i, n - i, &d, NULL))
			return d;
	}
	if (date_find(buf, n, &d, NULL, NULL))
		return d;
	for (size_t i = 0; i < n; i++)
		if ((buf[i] == '-' || buf[i] == '_') && i && buf[i - 1] >= 'A')
			buf[i] = ' ';	/* "14th-Mar-2024" -> "14th Mar 2024" */
	for (size_t i = 0; i + 1 < n; i++)
		if ((buf[i] == '-' || buf[i] == '_') && buf[i + 1] >= 'A')
			buf[i] = ' ';
	if (date_find(buf, n, &d, NULL, NULL))
		return d;
	return 0;
}

/*
 * End of a Markdown front matter block ("---" lines at the very top: the
 * site's title, date and author), or 0.  Its date is when the page was
 * published, which a meeting's own heading beats.
 */
static size_t front_matter_end(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == '\n' || s[i] == ' '))
		i++;
	if (n - i < 4 || memcmp(s + i, "---\n", 4) != 0)
		return 0;
	for (size_t k = i + 4; k + 4 <= n; k++)
		if (s[k - 1] == '\n' && memcmp(s + k, "---", 3) == 0 && (s[k + 3] == '\n' || k + 3 == n))
			return k + 3;
	return 0;
}

/* Is the date at s[at] on a "printed on", "published", "posted", "updated" line? */
static bool is_publication_date(const char *s, size_t at)
{
	static const char *const words[] = { "printed", "published", "posted", "updated", "issued" };
	size_t from = at > 80 ? at - 80 : 0;
	const char *nl;

	while ((nl = memchr(s + from, '\n', at - from)) != NULL)
		from = (size_t)(nl - s) + 1;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (find_word_ci(s + from, at - from, words[k]) < at - from)
			return true;
	return false;
}

/*
 * "GENERAL MEETING MONDAY 6 NOVEMBER" with no year, in a file named
 * "23NOVEMBERMINUTE.docx" or "minutes-2023-11.docx": the heading's day and
 * month with the year the file name gives (a four-digit year, or two digits
 * written against the same month's name).  0 when the heading (its first
 * six lines) has no such day and month, or the name no year: no guess.
 */
static int date_without_year(const char *s, size_t n, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t lines = 0, bl;
	int day = 0, month = 0, year = 0;

	for (size_t i = 0; i < n && lines < 6 && !month; i++) {
		size_t j = i, e;
		int d = 0;

		if (s[i] == '\n') {
			lines++;
			continue;
		}
		if (!(s[i] >= '0' && s[i] <= '9') || (i && (ascii_is_alpha(s[i - 1]) || (s[i - 1] >= '0' && s[i - 1] <= '9'))))
			continue;
		while (j < n && j - i < 2 && s[j] >= '0' && s[j] <= '9')
			d = d * 10 + (s[j++] - '0');
		if (j < n && s[j] >= '0' && s[j] <= '9')
			continue;
		while (j < n && ascii_is_alpha(s[j]) && j - i < 4)
			j++;	/* "6th" */
		if (j >= n || s[j] != ' ')
			continue;
		j++;
		if ((month = date_month_at(s + j, n - j, &e)) != 0)
			day = d;
		if (month && (day < 1 || day > 31 || date_parse(s + i, n - i, NULL, NULL)))
			month = 0;	/* a full date is date_find's, not ours */
	}
	if (!month)
		return 0;
	base = base ? base + 1 : path;
	bl = strlen(base);
	for (size_t i = 0; i + 4 <= bl && !year; i++)
		if ((base[i] == '1' && base[i + 1] == '9') || (base[i] == '2' && base[i + 1] == '0'))
			if (base[i + 2] >= '0' && base[i + 2] <= '9' && base[i + 3] >= '0' && base[i + 3] <= '9' &&
			    (i == 0 || !(base[i - 1] >= '0' && base[i - 1] <= '9')) &&
			    (i + 4 == bl || !(base[i + 4] >= '0' && base[i + 4] <= '9')))
				year = (base[i] - '0') * 1000 + (base[i + 1] - '0') * 100 + (base[i + 2] - '0') * 10 +
				       (base[i + 3] - '0');
	for (size_t i = 0; i + 2 < bl && !year; i++) {
		size_t e;

		/* "23NOVEMBER": two digits against the heading's month */
		if (!(base[i] >= '0' && base[i] <= '9' && base[i + 1] >= '0' && base[i + 1] <= '9' &&
		      (i == 0 || !(base[i - 1] >= '0' && base[i - 1] <= '9')) && ascii_is_alpha(base[i + 2])))
			continue;
		/* the month's name may run into the next word: try it shorter and shorter */
		for (size_t l = bl - i - 2 < 9 ? bl - i - 2 : 9; l >= 3 && !year; l--)
			if (date_month_at(base + i + 2, l, &e) == month && e == l)
				year = 2000 + (base[i] - '0') * 10 + (base[i + 1] - '0');
	}
	if (!year || !date_is_valid(year, month, day))
		return 0;
	return year * 10000 + month * 100 + day;
}

/* Is the date at s[ds..de) all its line holds, but for a "Date:" label and punctuation? */
static bool date_alone_on_line(const char *s, size_t n, size_t ds, size_t de)
{
	size_t a = ds, b = de;

	while (a > 0 && s[a - 1] != '\n')
		a--;
	while (b < n && s[b] != '\n')
		b++;
	if (ds >= a + 4 && strncasecmp(s + a, "date", 4) == 0)
		a += 4;
	for (size_t i = a; i < b; i++)
		if (ascii_is_alpha(s[i]) && (i < ds || i >= de))
			return false;
	return true;
}

/*
 * The date of the meeting a notice calls, after `from`: "A meeting of the
 * ... Committee will be held on Monday, 9 October 2023 at 2.00pm", "You are
 * hereby summoned to attend a meeting ... to be held at the Village Hall on
 * 14 March 2023".  A summons to "the next meeting" (minutes' last lines)
 * does not count.  0 when there is none.
 */
static int summons_date(const char *s, size_t n, size_t from, size_t *ds, size_t *de)
{
	static const char *const calls[] = {
		"will be held", "to be held", "will take place", "hereby summoned",
	};

	for (size_t k = 0; k < sizeof calls / sizeof *calls; k++) {
		size_t at = from + find_ci_spaced(s + from, n - from, calls[k]), back, lim;
		int d;

		if (at >= n)
			continue;
		back = at > 60 ? at - 60 : 0;
		if (find_word_ci(s + back, at - back, "next") < at - back)
			continue;
		lim = n - at < 240 ? n - at : 240;
		if (date_find(s + at, lim, &d, ds, de)) {
			*ds += at;
			*de += at;
			return d;
		}
	}
	return 0;
}

/*
 * The venue on a line of its own under the date (and a time on its own
 * line): "Tuesday, March 5, 2024" / "6:00 PM" / "Council Chambers, 100 Main
 * Street" (US and Canadian headings), when it names a place a meeting is
 * held in.  Sets m->venue; *rc CM_ENOMEM on failure.
 */
static void venue_below_date(const char *s, size_t n, size_t de, struct field_meeting *m, int *rc)
{
	static const char *const places[] = {
		"chamber", "hall", "room", "centre", "center", "library", "offices", "building",
		"pavilion", "civic", "zoom", "teams", "online", "hybrid",
	};
	const char *e = memchr(s + de, '\n', n - de);

	for (int lines = 0; e && lines < 3; lines++) {
		const char *v = e + 1, *ve = memchr(v, '\n', n - (size_t)(v - s));
		size_t vl = ve ? (size_t)(ve - v) : n - (size_t)(v - s), a, b;
		char t[6];

		e = ve;
		text_trim(&v, &vl);
		if (!vl)
			continue;
		if (date_find_time(v, vl, t, &a, &b) && b >= vl - 1 && a <= 2)
			continue;	/* "6:00 PM" alone */
		if (text_starts_ci(v, vl, "in the ") || text_starts_ci(v, vl, "at the ")) {
			v += 7;	/* "... held on 12 March 2024 at 7pm" / "in the Village Hall" */
			vl -= 7;
		}
		if (vl > 90 || !ascii_is_upper(*v) || text_find_ci(v, vl, "minutes") < vl ||
		    text_find_ci(v, vl, "present") < vl || memchr(v, ':', vl))
			return;
		for (size_t k = 0; k < sizeof places / sizeof *places; k++)
			if (text_find_ci(v, vl, places[k]) < vl) {
				m->venue = clean_dup(v, vl, true, rc);
				return;
			}
		return;
	}
}

/*
 * An ambiguous numeric date ("03/04/2024", read day first) read month first
 * when the document writes its other dates so ("March 12, 2024",
 * "03/14/2024") more often than day first (US minutes); d otherwise.
 */
static int month_first_if_written_so(const struct fparse *p, const char *ds, size_t dl, int d)
{
	size_t n = p->n < HDR_ORDER_BYTES ? p->n : HDR_ORDER_BYTES, from = 0, a, b;
	int votes = 0, day = d % 100, month = d / 100 % 100;

	if (date_order(ds, dl) != 0 || day > 12 || day == month || !ascii_is_digit(ds[0]) ||
	    !memchr(ds, '/', dl < 6 ? dl : 6))
		return d;	/* not "03/04/2024" */
	while (from < n && date_find(p->t + from, n - from, NULL, &a, &b)) {
		votes += date_order(p->t + from + a, b - a);
		from += b;
	}
	return votes > 0 ? d / 10000 * 10000 + day * 100 + month : d;
}

/*
 * Are there only spaces between a date and its time, on one line
 * ("Monday, April 1, 2024          7:00 PM          Council Chambers")?
 */
static bool only_blanks_between(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static int detect_when_where(const struct fparse *p, struct field_meeting *m, const struct sbuf *front)
{
	const char *s = sbuf_str(front);
	size_t n = front->len, from = 0, ds = 0, de = 0;
	int d, rc = CM_OK;
	char t[6];

	size_t pub_ds = 0, pub_de = 0, fm_end = front_matter_end(s, n);
	int pub = 0;

	while (from < n && date_find(s + from, n - from, &d, &ds, &de)) {
		ds += from;
		de += from;
		if (!date_is_reference(s, n, ds, de)) {
			if (ds < fm_end || is_publication_date(s, ds)) {
				if (!pub) {	/* the meeting's own date, if the text states none */
					pub = d;
					pub_ds = ds;
					pub_de = de;
				}
				from = de;
				continue;
			}
			m->date = d;
			m->date_src = FIELD_SRC_TEXT;
			break;
		}
		from = de;
	}
	if (m->date && date_alone_on_line(s, n, ds, de)) {
		size_t sds, sde;
		int sd = summons_date(s, n, de, &sds, &sde);

		if (sd && sd != m->date) {	/* a letter's date, then the meeting it calls */
			m->date = sd;
			ds = sds;
			de = sde;
		}
	}
	if (!m->date && pub) {
		m->date = pub;
		m->date_src = FIELD_SRC_TEXT;
		ds = pub_ds;
		de = pub_de;
	}
	if (m->date && de > ds)
		m->date = month_first_if_written_so(p, s + ds, de - ds, m->date);
	if (!m->date && p->opts->path && (m->date = date_without_year(s, n, p->opts->path)) != 0)
		m->date_src = FIELD_SRC_PATH;
	if (!m->date && p->opts->path && (m->date = date_from_path(p->opts->path)) != 0)
		m->date_src = FIELD_SRC_PATH;
	/* time: on or after the date (else anywhere in the front), not an end time */
	for (int pass = 0; pass < 2 && !m->time; pass++) {
		size_t ts = m->date && pass == 0 ? de : 0, a, b;

		if (pass == 1 && !m->date)
			break;
		while (ts < n && date_find_time(s + ts, n - ts, t, &a, &b)) {
			size_t at = ts + a, back = at > 30 ? at - 30 : 0;

			if (text_find_ci(s + back, at - back, "finish") < at - back ||
			    text_find_ci(s + back, at - back, "end") < at - back ||
			    text_find_ci(s + back, at - back, "close") < at - back) {
				ts += b;
				continue;
			}
			m->time = strdup(t);
			if (!m->time)
				return CM_ENOMEM;
			/* venue after the time on the date's line: "6.00 pm Microsoft Teams Meeting" */
			if (m->date && at >= de && (at - de < 20 || only_blanks_between(s + de, at - de))) {
				const char *e = memchr(s + ts + b, '\n', n - ts - b);
				size_t vl = e ? (size_t)(e - (s + ts + b)) : n - ts - b;
				const char *v = s + ts + b;

				text_trim(&v, &vl);
				if (vl && *v == '.')
					vl = 0;	/* "... at 7.30pm. Members are summoned to attend.": a new sentence */
				while (vl && (*v == '*' || *v == ',' || *v == '-' || *v == ' ')) {
					v++;
					vl--;
				}
				/* "at 7.30pm in the Village Hall", "7pm at the Pavilion", "Time: 19:00   Venue: ..." */
				{
					static const char *const preps[] = { "in the ", "at the ", "in ", "at " };

					if (text_starts_ci(v, vl, "venue:") || text_starts_ci(v, vl, "place:")) {
						v += 6;
						vl -= 6;
						text_trim(&v, &vl);
					}

					for (size_t w = 0; w < sizeof preps / sizeof *preps; w++)
						if (text_starts_ci(v, vl, preps[w]) &&
						    (ascii_is_lower(*v) || text_is_all_caps(v, vl)) &&	/* "AT 7PM AT THE TOWN HALL" */
						    vl > strlen(preps[w])) {
							v += strlen(preps[w]);
							vl -= strlen(preps[w]);
							break;
						}
				}
				for (size_t j = 2; j + 1 < vl; j++)
					if (v[j] == '.' && v[j + 1] == ' ' && j + 2 < vl && ascii_is_upper(v[j + 2]) &&
					    ascii_is_lower(v[j - 1]) && ascii_is_lower(v[j - 2])) {
						vl = j + 1;	/* "... of City Hall. Mayor Harlan Gutt presided." */
						break;
					}
				if (vl > 3 && vl < 100 && ascii_is_upper(*v)) {
					/* "... at 7.00pm in the Lesser" / "Hall, Marlham Institute.": the
					 * sentence wrapped, the venue runs to its full stop */
					struct sbuf joined = {0};
					const char *nx = e ? e + 1 : NULL, *ne;
					size_t nl = 0;

					if (nx && v[vl - 1] != '.' && v[vl - 1] != ',' && (ne = memchr(nx, '\n', n - (size_t)(nx - s))) != NULL) {
						nl = (size_t)(ne - nx);
						text_trim(&nx, &nl);
						if (!(nl > 1 && nl < 80 && nx[nl - 1] == '.' && !memchr(nx, ':', nl) &&
						      ascii_is_upper(nx[0])))
							nl = 0;
					}
					sbuf_add(&joined, v, vl);
					if (nl) {
						sbuf_addch(&joined, ' ');
						sbuf_add(&joined, nx, nl - 1);
					}
					if (sbuf_oom(&joined))
						rc = CM_ENOMEM;
					else
						m->venue = clean_dup(joined.buf, joined.len, true, &rc);
					sbuf_release(&joined);
				}
			}
			break;
		}
	}
	/* venue: "held in/at X on" */
	if (!m->venue && rc == CM_OK) {
		static const char *const leads[] = { "held in", "held at", "meeting held in", "venue:" };

		for (size_t k = 0; k < sizeof leads / sizeof *leads && !m->venue && rc == CM_OK; k++) {
			size_t at = text_find_ci(s, n, leads[k]), st, e, ll = strlen(leads[k]);
			struct sbuf one = {0};

			/* the lead then a space or a line's end ("held at" / "the Corn Exchange, ...") */
			while (at < n && k != 3 && !(at + ll < n && (s[at + ll] == ' ' || s[at + ll] == '\n')))
				at += 1 + text_find_ci(s + at + 1, n - at - 1, leads[k]);
			if (at >= n)
				continue;
			st = at + ll;
			{
				/* a label's value is its line; a sentence may wrap, but not over a blank line */
				size_t w = n - st < 200 ? n - st : 200;
				const char *stop = k == 3 ? memchr(s + st, '\n', w) : memmem(s + st, w, "\n\n", 2);

				text_strip_markup(s + st, stop ? (size_t)(stop - (s + st)) : w, &one);
			}
			{
				struct sbuf f = {0};
				const char *v;
				size_t vl;

				text_fold_space(sbuf_str(&one), one.len, &f);
				v = sbuf_str(&f);
				vl = f.len;
				if (text_starts_ci(v, vl, "the ")) {
					v += 4;
					vl -= 4;
				}
				e = vl;
				if (date_find(v, vl, NULL, &e, NULL)) {
					while (e > 0 && ascii_is_alpha(v[e - 1]))
						e--;	/* weekday */
				}
				{
					size_t on = text_find_ci(v, e, " on "), ta;

					if (on < e)
						e = on;
					for (size_t fi = 0; (ta = fi + text_find_ci(v + fi, e - fi, " at ")) < e; fi = ta + 4)
						if (ta + 4 < e && ascii_is_digit(v[ta + 4])) {
							e = ta;	/* "... Workspace at 7 p.m." */
							break;
						}
				}
				if (e > 3 && (strncasecmp(v + e - 3, " on", 3) == 0 || strncasecmp(v + e - 3, " at", 3) == 0))
					e -= 3;	/* "HELD IN THE VILLAGE HALL" / "ON" / "" / "23rd May 2019" */
				if (e > 3 && e < 120)
					m->venue = clean_dup(v, e, true, &rc);
				sbuf_release(&f);
			}
			sbuf_release(&one);
		}
	}
	/* venue: the rest of the date's line after a comma ("13 September 2017, County Hall, Worcester - 10.00 am") */
	if (!m->venue && m->date && rc == CM_OK && de < n && s[de] == ',') {
		const char *v = s + de + 1, *e = memchr(v, '\n', n - de - 1);
		size_t vl = e ? (size_t)(e - v) : n - de - 1, cut = vl;

		for (size_t i = 0; i + 1 < vl; i++)
			if ((v[i] == ' ' && v[i + 1] == '-') || (v[i] == '*' && v[i + 1] == '*')) {
				cut = i;
				break;
			}
		text_trim(&v, &cut);
		if (cut > 3 && cut < 100 && ascii_is_upper(*v))
			m->venue = clean_dup(v, cut, true, &rc);
	}
	if (!m->venue && m->date && rc == CM_OK)
		venue_below_date(s, n, de, m, &rc);
	return rc;
}

/* ---- attendance ------------------------------------------------------- */

/*
 * WHO_PUBLIC: "Members of the Public:", read so that its names go nowhere;
 * WHO_ATTENDING: "Attending:", the members, or the officers after a
 * "Present:" list.
 */
enum who { WHO_NONE, WHO_PRESENT, WHO_APOLOGIES, WHO_OFFICERS, WHO_MEMBERS, WHO_CHAIR, WHO_PUBLIC, WHO_END,
	   WHO_ATTENDING };

/* The label a (markup-free, trimmed) line starts with, and where its content starts. */
static enum who attendance_label_at(const char *s, size_t len, size_t *rest)
{
	static const struct {
		const char *label;
		enum who who;
	} labels[] = {
		{ "present", WHO_PRESENT },
		{ "sederunt", WHO_PRESENT },	/* Scotland */
		{ "those present", WHO_PRESENT },
		{ "attendance", WHO_PRESENT },
		{ "attendees", WHO_PRESENT },
		{ "council attendance", WHO_PRESENT },
		{ "councillors in attendance", WHO_PRESENT },
		{ "members in attendance", WHO_PRESENT },
		{ "present (in person)", WHO_PRESENT },
		{ "present (remotely)", WHO_PRESENT },
		{ "present (online)", WHO_PRESENT },
		{ "present (virtually)", WHO_PRESENT },
		{ "councillors:", WHO_PRESENT },	/* "In the Chair: ..." / "Councillors: B Jones, C Brown" */
		{ "staff attendance", WHO_OFFICERS },
		{ "officer attendance", WHO_OFFICERS },
		{ "public servant attendance", WHO_OFFICERS },
		{ "members present", WHO_PRESENT },
		{ "members of the committee", WHO_PRESENT },
		{ "councillors present", WHO_PRESENT },
		{ "councilmembers present", WHO_PRESENT },
		{ "council members present", WHO_PRESENT },
		{ "commissioners present", WHO_PRESENT },
		{ "trustees present", WHO_PRESENT },
		{ "board members present", WHO_PRESENT },
		{ "absent", WHO_APOLOGIES },
		{ "members absent", WHO_APOLOGIES },
		{ "councilmembers absent", WHO_APOLOGIES },
		{ "council members absent", WHO_APOLOGIES },
		{ "commissioners absent", WHO_APOLOGIES },
		{ "staff present", WHO_OFFICERS },
		{ "staff in attendance", WHO_OFFICERS },
		{ "staff", WHO_OFFICERS },
		{ "others present", WHO_OFFICERS },
		{ "apologies for absence", WHO_APOLOGIES },
		{ "apologies", WHO_APOLOGIES },
		{ "in attendance virtually", WHO_OFFICERS },
		{ "in attendance", WHO_OFFICERS },
		{ "officers present", WHO_OFFICERS },
		{ "officers in attendance", WHO_OFFICERS },
		{ "officers", WHO_OFFICERS },
		{ "also attended", WHO_OFFICERS },
		{ "also in attendance", WHO_OFFICERS },
		{ "also present", WHO_OFFICERS },
		{ "membership", WHO_MEMBERS },
		{ "present in the chair", WHO_CHAIR },	/* Ireland: "Councillor M. Donegan, Cathaoirleach." */
		{ "in the chair", WHO_CHAIR },
		{ "chairman", WHO_CHAIR },	/* "Chairman: Cllr A Smith" on a line of its own */
		{ "chair", WHO_CHAIR },
		{ "chairperson", WHO_CHAIR },
		{ "chairwoman", WHO_CHAIR },
		{ "presiding", WHO_CHAIR },
		{ "officials in attendance", WHO_OFFICERS },
		{ "officials present", WHO_OFFICERS },
		{ "committee membership", WHO_MEMBERS },
		{ "regrets", WHO_APOLOGIES },	/* Canada */
		{ "members of the public", WHO_PUBLIC },
		{ "public", WHO_PUBLIC },
		{ "absent with apologies", WHO_APOLOGIES },
		{ "absent with apology", WHO_APOLOGIES },
		{ "apologies received", WHO_APOLOGIES },
		{ "not present", WHO_APOLOGIES },
		{ "attending", WHO_ATTENDING },
		{ "also attending", WHO_OFFICERS },
		{ "clerk", WHO_OFFICERS },	/* "Clerk: Mrs A Evans" */
		{ "yn bresennol", WHO_PRESENT },	/* Wales */
		{ "presennol", WHO_PRESENT },
		{ "ymddiheuriadau", WHO_APOLOGIES },
		{ "i l\xc3\xa1thair", WHO_PRESENT },	/* Ireland */
		{ "leave of absence", WHO_APOLOGIES },	/* South Africa, India */
		{ "excused", WHO_APOLOGIES },	/* Malta, US */
		{ "members excused", WHO_APOLOGIES },
		{ "apology", WHO_APOLOGIES },	/* "APOLOGY:    Councillor A Name" */
		{ "committee members present", WHO_PRESENT },
		{ "student trustees", WHO_PRESENT },	/* Ontario's school boards */
		{ "administration", WHO_OFFICERS },	/* Canada: the council's staff */
		{ "members", WHO_MEMBERS },	/* present under a roll's own item (Western Australia) */
		{ "alternate director", WHO_PRESENT },	/* British Columbia: sat for an absent director */
		{ "alternate directors", WHO_PRESENT },
	};
	enum who best = WHO_NONE;
	size_t best_len = 0;

	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t n = strlen(labels[k].label);

		if (len < n || strncasecmp(s, labels[k].label, n) != 0 || n <= best_len)
			continue;
		if (n < len && s[n] != ':' && s[n] != ' ' && s[n] != '\t')
			continue;
		/* "Present" alone or with ':'; "Apologies for absence were received" is text */
		if (n < len && s[n] != ':') {
			size_t j = n, d;

			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			d = text_dash_len(s, len, j);
			if (d && j > n && j + d < len && s[j + d] == ' ') {
				/* "Present – Cllrs A Smith, B Jones": a dash as the colon */
				best = labels[k].who;
				best_len = j + d;
				continue;
			}
			/* "Apologies      Cllr D White": a column's gap (a Word table in
			 * pdftotext, an HTML table's cells) is the colon too */
			if (j < len && labels[k].who != WHO_PRESENT && j - n < 2 && s[n] != '\t')
				continue;
			if (j < len && !ascii_is_upper(s[j]))
				continue;
		}
		best = labels[k].who;
		best_len = n;
	}
	if (best == WHO_NONE) {
		/* "Select Board members present:", "Planning Board Members Absent:": a body's roll */
		const char *colon = memchr(s, ':', len < 48 ? len : 48);
		size_t cl = colon ? (size_t)(colon - s) : 0;

		if (cl > 8 && ascii_is_upper(s[0]) && text_find_ci(s, cl, "public") == cl) {
			if (strncasecmp(s + cl - 8, " present", 8) == 0)
				best = WHO_PRESENT;
			else if (strncasecmp(s + cl - 7, " absent", 7) == 0)
				best = WHO_APOLOGIES;
			if (best != WHO_NONE)
				best_len = cl;
		}
	}
	if (best == WHO_NONE) {
		/* a decision's record under the apologies ("Resolution:  2024/02/031" / "Moved:  Cr A")
		 * ends the list */
		static const char *const records[] = { "resolution:", "moved:", "seconded:", "moved by", "seconded by" };

		for (size_t k = 0; k < sizeof records / sizeof *records; k++)
			if (text_starts_ci(s, len, records[k]))
				return WHO_END;
	}
	if (best == WHO_NONE) {
		/* another short label ("Available Papers", "UNRESTRICTED ITEMS") ends a block */
		if ((len && len < 40 && s[len - 1] == ':') ||
		    (len && len < 40 && text_is_all_caps(s, len) && !memchr(s, ',', len)))
			return WHO_END;
		return WHO_NONE;
	}
	/* "Clerk: Mrs A Evans" names one officer; "Clerk: Mr. Speaker Councillor Nordman, His
	 * Worship, ..." is a transcript's speaker */
	if (best_len == 5 && strncasecmp(s, "clerk", 5) == 0 && memchr(s, ',', len))
		return WHO_NONE;
	while (best_len < len && (s[best_len] == ':' || s[best_len] == ' ' || s[best_len] == '\t'))
		best_len++;
	*rest = best_len;
	return best;
}

/*
 * attendance_label_at, also after the other language of a bilingual label
 * ("I Láthair / Present:", "Oifigigh / Officials in attendance:",
 * "Ymddiheuriadau / Apologies:", "Ngā Kaimahi | Staff:"): a few words and
 * " / " or " | " before a colon.
 */
static enum who attendance_label(const char *s, size_t len, size_t *rest)
{
	enum who w = attendance_label_at(s, len, rest);
	size_t window = len < 40 ? len : 40, slash = text_find_ci(s, window, " / ");
	enum who after;

	if (slash >= window)
		slash = text_find_ci(s, window, " | ");	/* New Zealand: "Ngā Kaimahi | Staff:" */

	if ((w != WHO_NONE && w != WHO_END) || slash >= window || memchr(s, ':', slash) ||
	    !memchr(s + slash, ':', len - slash))
		return w;
	after = attendance_label_at(s + slash + 3, len - slash - 3, rest);
	if (after == WHO_NONE || after == WHO_END)
		return w;
	*rest += slash + 3;
	return after;
}

/* Where the sentence from i ends in s: a full stop not after an initial ("P. Meyer"); len if none. */
static size_t sentence_stop(const char *s, size_t len, size_t i)
{
	while (i < len && !(s[i] == '.' && (i + 1 == len || s[i + 1] == ' ') &&
			    !(i >= 1 && ascii_is_upper(s[i - 1]) && (i < 2 || s[i - 2] == ' '))))
		i++;
	return i;
}

/* "... of the Courthouse. Present: Supervisors ...": a roll after a sentence; *rest its names. */
static enum who present_in_sentence(const char *s, size_t len, size_t *rest)
{
	size_t at = text_find_ci(s, len, ". present: ");

	if (at < len && s[at + 2] == 'P') {
		*rest = at + 11;
		return WHO_PRESENT;
	}
	/* "... Mayor Harlan Gutt presided. Aldermen present: Betty Shultz, ...": one word before it */
	at = text_find_ci(s, len, " present: ");
	if (at < len && at > 2) {
		size_t w = at;

		while (w > 0 && ascii_is_alpha(s[w - 1]))
			w--;
		if (w >= 2 && w < at && s[w - 1] == ' ' && s[w - 2] == '.' && ascii_is_upper(s[w])) {
			*rest = at + 10;
			return WHO_PRESENT;
		}
	}
	/* Ohio's townships: "Roll Call: Trustees present were Glen Harker, Martha Oyler and Dale
	 * Kinsey."; "Also present were Executive Director Carmen Vail, ...": the officers */
	at = text_find_ci(s, len, " present were ");
	if (at < len && at + 14 < len && ascii_is_upper(s[at + 14]) && at < 60) {
		*rest = at + 14;
		return at >= 4 && strncasecmp(s + at - 4, "also", 4) == 0 ? WHO_OFFICERS : WHO_PRESENT;
	}
	return WHO_NONE;
}

/* The attendance lists of lines [from, to): the front matter, or a roll-call item. */
/* Labels beside the first after column gaps, at most this many. */
enum { HDR_COLUMNS_MAX = 3 };

/*
 * Labels beside the first, each after a column gap ("Present:      <gap>
 * Members of the Public:      <gap>      Apologies:"): the columns they
 * start at in raw line r, their lists in who[]; returns how many.
 */
static size_t column_labels(const char *r, size_t rl, size_t *cols, enum who *who)
{
	size_t lead = strspn(r, " \t"), n = 0;

	for (size_t i = lead + 4; i < rl && n < HDR_COLUMNS_MAX; i++) {
		size_t rest;
		enum who w;

		if (r[i] == ' ' || !(r[i - 1] == ' ' && r[i - 2] == ' ' && r[i - 3] == ' '))
			continue;	/* after text and a gap, not the line's indent */
		w = attendance_label(r + i, rl - i, &rest);
		if (w != WHO_NONE && w != WHO_END && w != WHO_CHAIR) {
			cols[n] = i;
			who[n++] = w == WHO_ATTENDING ? WHO_OFFICERS : w;
		}
	}
	return n;
}

/*
 * Where the cell of a line's column starts: the first text after a gap of
 * two spaces or more from eight bytes before the column its label started
 * at (centred names wander; the column runs to the next one, already cut
 * off), or the line's first text when it starts there (the first column
 * empty); 0 when the line has nothing there.
 */
static size_t column_cell(const char *r, size_t rl, size_t col)
{
	size_t lead = strspn(r, " \t"), lo = col > 8 ? col - 8 : 0;

	if (lead >= lo && lead < rl)
		return lead;	/* the first column is empty on this line */
	for (size_t i = lo > lead + 3 ? lo : lead + 3; i < rl; i++)
		if (r[i] != ' ' && r[i - 1] == ' ' && r[i - 2] == ' ')
			return i;
	return 0;
}

/* Do a and b name one person: the same surname, the same first letter ("Graham Ellwood", "G Ellwood")? */
static bool same_person(const char *a, const char *b)
{
	const char *sa = strrchr(a, ' '), *sb = strrchr(b, ' ');

	return sa && sb && strcasecmp(sa, sb) == 0 && (a[0] | 0x20) == (b[0] | 0x20);
}

/*
 * The chairs first in the present list, as a "Present:" list names them,
 * then the others ("Cllr G Ellwood" there is the chair "Graham Ellwood",
 * named once): present gets that list, chairs what it held.
 */
static int chairs_first(struct strv *present, struct strv *chairs)
{
	int rc = CM_OK;

	for (size_t i = 0; rc == CM_OK && i < present->n; i++)
		if (!strv_has(chairs, present->v[i]) && !(chairs->n && same_person(chairs->v[0], present->v[i])))
			rc = strv_push(chairs, present->v[i]);
	if (rc == CM_OK) {
		struct strv t = *present;

		*present = *chairs;
		*chairs = t;
	}
	return rc;
}

/*
 * A line that names who chaired: "<names> in the Chair" or "<names>
 * presided" (a full stop allowed), at most HDR_CHAIR_LINE bytes.  The
 * length of the names, or 0.
 */
static size_t chair_sentence(const char *s, size_t len)
{
	static const char *const ends[] = { " in the chair", " presided", " presiding" };

	if (len > HDR_CHAIR_LINE)
		return 0;
	while (len && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t n = strlen(ends[k]);

		if (len > n + 3 && strncasecmp(s + len - n, ends[k], n) == 0 && ascii_is_upper(s[0]))
			return len - n;
	}
	return 0;
}

/*
 * A sentence of the front matter, not a list's line: "Mr. S. Quilliam, Town
 * Clerk, was in attendance." (*names gets the length of the names before
 * "was in attendance"), "Apologies for absence were received from ..."
 * (*names 0).
 */
static bool says_attendance_sentence(const char *line, size_t len, size_t *names)
{
	static const char *const attended[] = { " was in attendance", " were in attendance", " also attended",
						 " was also present", " were also present" };
	const char *s = line;

	text_trim(&s, &len);
	*names = 0;
	if (!len || s[len - 1] != '.' || !ascii_is_upper(s[0]))
		return false;
	for (size_t k = 0; k < sizeof attended / sizeof *attended; k++) {
		size_t at = text_find_ci(s, len, attended[k]);

		if (at < len) {
			*names = (size_t)(s - line) + at;	/* from the line's start */
			return true;
		}
	}
	return text_find_ci(s, len, " were received") < len || text_find_ci(s, len, " was received") < len ||
	       text_starts_ci(s, len, "apologies for absence were") || text_starts_ci(s, len, "apologies were");
}

/* Appends the trimmed, markup-free s[0..len) and a newline to list. */
static void list_add(struct sbuf *list, const char *s, size_t len)
{
	struct sbuf t = {0};
	const char *q;
	size_t ql;

	text_strip_markup(s, len, &t);
	q = sbuf_str(&t);
	ql = t.len;
	text_trim(&q, &ql);
	if (ql && list->len + ql <= HDR_LIST_BYTES) {
		sbuf_add(list, q, ql);
		sbuf_addch(list, '\n');
	}
	if (sbuf_oom(&t))
		list->oom = true;
	sbuf_release(&t);
}

/*
 * A roll set as a table (Granicus: "Attendee Name   Title   Status
 * Arrived" over "Paula Wren   Village President   Present"): the column
 * its header's "Status" starts at in raw line r, 0 when r is no such header.
 */
static size_t roll_table_status_col(const char *r, size_t rl)
{
	size_t lead = strspn(r, " \t"), at;

	if (!text_starts_ci(r + lead, rl - lead, "attendee name") && !text_starts_ci(r + lead, rl - lead, "member name") &&
	    !text_starts_ci(r + lead, rl - lead, "name  "))
		return 0;
	at = lead + find_word_ci(r + lead, rl - lead, "status");
	return at < rl && at >= lead + 6 && r[at - 1] == ' ' && r[at - 2] == ' ' ? at : 0;
}

/*
 * A row of such a table: its name (the first cell) to the present list or
 * the apologies by the word in the Status column (Present, Late, Remote;
 * Absent, Excused).  False when the row says neither: the table is over.
 */
static bool roll_table_row(const char *r, size_t rl, size_t status_col, struct sbuf *present, struct sbuf *absent);

/*
 * A roll's row without a header: a name, a gap of three spaces or more, and
 * only "Present" or "Absent" (or "Excused", "Late") after it.  The column of
 * that word, 0 when r is no such row.
 */
static size_t roll_row_status_col(const char *r, size_t rl)
{
	static const char *const words[] = { "present", "absent", "excused", "late", "remote",
					     "p", "ap", "apol", "a", "abs" };	/* a grid's "P", "Ap", "A" */
	size_t e = rl, w;

	while (e > 0 && (r[e - 1] == ' ' || r[e - 1] == '\t' || r[e - 1] == '\r'))
		e--;
	for (w = e; w > 0 && ascii_is_alpha(r[w - 1]); w--)
		;
	if (w < 4 || r[w - 1] != ' ' || r[w - 2] != ' ' || r[w - 3] != ' ' || w >= e)
		return 0;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == e - w && strncasecmp(r + w, words[k], e - w) == 0)
			return w;
	return 0;
}

static bool roll_table_row(const char *r, size_t rl, size_t status_col, struct sbuf *present, struct sbuf *absent)
{
	static const char *const here[] = { "present", "late", "remote", "arrived late", "present remotely", "p" };
	static const char *const away[] = { "absent", "excused", "absent excused", "not present", "ap", "apol", "a",
					    "abs" };
	size_t lead = strspn(r, " \t"), cell = column_cell(r, rl, status_col), name_end, e;

	if (!cell || cell <= lead)
		return false;
	for (e = lead; e < cell && !(r[e] == ' ' && e + 1 < rl && r[e + 1] == ' '); e++)
		;
	if (e > lead && r[e - 1] == ':' && e < cell) {
		/* "Members:     Cllr G Ashworth (Chair)         P": the label's column first */
		lead = e + strspn(r + e, " \t");
		if (lead >= cell)
			return false;
	}
	for (name_end = lead; name_end < cell && !(r[name_end] == ' ' && name_end + 1 < rl && r[name_end + 1] == ' ');
	     name_end++)
		;
	for (e = cell; e < rl && !(r[e] == ' ' && e + 1 < rl && r[e + 1] == ' '); e++)
		;
	for (size_t k = 0; k < sizeof here / sizeof *here; k++)
		if (strlen(here[k]) == e - cell && strncasecmp(r + cell, here[k], e - cell) == 0) {
			list_add(present, r + lead, name_end - lead);
			return true;
		}
	for (size_t k = 0; k < sizeof away / sizeof *away; k++)
		if (strlen(away[k]) == e - cell && strncasecmp(r + cell, away[k], e - cell) == 0) {
			list_add(absent, r + lead, name_end - lead);
			return true;
		}
	return false;
}

/*
 * A sentence that leads into the roll on the lines below it: "... convened
 * in a Regular Meeting with the following members present, to wit:", "...
 * met in regular session with the following members present:".
 */
static bool roll_lead(const char *r, size_t rl)
{
	text_trim(&r, &rl);
	return rl > 20 && text_find_ci(r, rl, "following") < rl &&
	       ((rl >= 8 && strncasecmp(r + rl - 8, "present:", 8) == 0) ||
		(rl >= 7 && strncasecmp(r + rl - 7, "to wit:", 7) == 0));
}

/*
 * In a roll's row, the cell that holds the name: the row whole, or of
 * "office<gap>name" ("Mayor Pro Tem          Clint Haskell") the last cell
 * when it reads as a name and the first does not.  Its start in r.
 */
static size_t roll_name_cell(const char *r, size_t rl)
{
	size_t lead = strspn(r, " \t"), gap = lead, last;

	while (gap + 1 < rl && !(r[gap] == ' ' && r[gap + 1] == ' '))
		gap++;
	if (gap + 1 >= rl)
		return 0;
	last = gap + strspn(r + gap, " \t");
	if (last < rl && people_is_name(r + last, rl - last) && !people_is_name(r + lead, gap - lead))
		return last;
	return 0;
}

/*
 * A roll's own item, its number before the label ("2.    Present" / "Cr
 * Fiona Albrecht (Mayor)", Victoria): *r moves past the number and its
 * blanks; returns how far, 0 when the line is no such item.
 */
static size_t roll_item_number(const char **r, size_t rl)
{
	const char *s = *r;
	size_t d = 0, rest;

	while (d < rl && (s[d] == ' ' || s[d] == '\t'))
		d++;
	if (d == rl || !ascii_is_digit(s[d]))
		return 0;
	while (d < rl && ascii_is_digit(s[d]))
		d++;
	if (d < rl && (s[d] == '.' || s[d] == ')'))
		d++;
	while (d < rl && (s[d] == ' ' || s[d] == '\t'))
		d++;
	if (d == rl || attendance_label(s + d, rl - d, &rest) == WHO_NONE)
		return 0;
	*r += d;
	return d;
}

/*
 * A member's role in a cell before their name, under a "Present" or
 * "Absent" label of its own (New Zealand: "Chairperson      Marama
 * Tipene", "Deputy Chairperson:   Cr Aroha Kingi", "Members     Jenny
 * Lowe"): where the name starts, or 0; *chair when the role is the chair's.
 */
static size_t role_cell_end(const char *s, size_t len, bool *chair)
{
	static const struct {
		const char *role;
		bool chair;
	} roles[] = {
		{ "chairperson", true }, { "chairman", true }, { "chairwoman", true }, { "chair", true },
		{ "deputy chairperson", false }, { "deputy chairman", false }, { "deputy chair", false },
		{ "deputy mayor", false }, { "mayor", false }, { "members", false }, { "member", false },
		{ "elected members", false }, { "appointed members", false }, { "councillors", false },
		{ "councillor", false }, { "deputy warden", false }, { "warden", false }, { "deputy reeve", false },
		{ "reeve", false },
	};
	size_t best = 0;

	for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
		size_t n = strlen(roles[k].role), j;

		if (n <= best || !text_starts_ci(s, len, roles[k].role) || !ascii_is_upper(s[0]))
			continue;
		j = n < len && s[n] == ':' ? n + 1 : n;
		if (j + 2 >= len || s[j] != ' ' || (j == n && s[j + 1] != ' '))
			continue;	/* a colon or a column's gap: "Mayor Quint" names the mayor */
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j < len && text_is_upper_at(s + j, len - j)) {
			best = j;
			*chair = roles[k].chair;
		}
	}
	return best;
}

static int detect_attendance(const struct fparse *p, size_t from, size_t to, struct field_meeting *m)
{
	struct sbuf lists[6] = { {0}, {0}, {0}, {0}, {0}, {0} }, line = {0};
	enum who cur = WHO_NONE, whos[HDR_COLUMNS_MAX];
	size_t in_block = 0, cols[HDR_COLUMNS_MAX], ncols = 0;	/* columns of names beside the first */
	int rc = CM_OK;

	bool after_blank = false;
	size_t status_col = 0;	/* reading a roll table (roll_table_status_col) */
	bool roll_rows = false;	/* reading the rows after a roll's lead-in (roll_lead) */
	size_t roll_read = 0;	/* rows read after it */
	enum who roll_who = WHO_PRESENT;	/* the list they go to */
	enum who block = WHO_NONE;	/* under a label of its own line ("PRESENT" / "Chairperson   A Name") */
	size_t role_col = 0;	/* the names' column after such roles */

	for (size_t k = from; k < to; k++) {
		const struct fline *l = &p->lines[k];
		const char *s, *raw = p->t + l->off;
		size_t len, rest = 0, raw_len = l->len;
		enum who w, said;
		bool heading, right_label = false;

		if (l->flags & (FLINE_RUNNING | FLINE_BLANK)) {
			after_blank = after_blank || (l->flags & FLINE_BLANK);
			roll_rows = roll_rows && !((l->flags & FLINE_BLANK) && roll_read);	/* the rows end at a blank */
			continue;
		}
		if (roll_rows) {
			/* "     Mayor                        Rosa Elizondo": the name's cell */
			size_t cell = roll_name_cell(raw, raw_len);

			list_add(&lists[roll_who - WHO_PRESENT], raw + cell, raw_len - cell);
			roll_read++;
			continue;
		}
		if (roll_lead(raw, raw_len)) {
			roll_rows = true;	/* "... with the following members present, to wit:" */
			roll_read = 0;
			/* "The following Officers of the Parish were present:" */
			roll_who = text_find_ci(raw, raw_len, "officer") < raw_len || text_find_ci(raw, raw_len, "staff") < raw_len ?
					   WHO_OFFICERS : WHO_PRESENT;
			cur = WHO_NONE;
			continue;
		}
		if (status_col && roll_table_row(raw, raw_len, status_col, &lists[0], &lists[1]))
			continue;
		if ((status_col = roll_table_status_col(raw, raw_len)) != 0) {
			cur = WHO_NONE;
			continue;
		}
		if (k + 1 < to && (status_col = roll_row_status_col(raw, raw_len)) != 0 &&
		    roll_row_status_col(p->t + p->lines[k + 1].off, p->lines[k + 1].len) != 0 &&
		    roll_table_row(raw, raw_len, status_col, &lists[0], &lists[1])) {
			cur = WHO_NONE;	/* a roll with no header: "Mayor Billy Rhame          Present" */
			continue;
		}
		status_col = 0;
		if (after_blank && cur != WHO_NONE && says_attendance_sentence(p->t + l->off, l->len, &rest)) {
			/* "Mr. S. Quilliam, Town Clerk, was in attendance." after the list: an officer;
			 * "Apologies for absence were received from ..." ends the list */
			if (rest)
				list_add(&lists[WHO_OFFICERS - WHO_PRESENT], p->t + l->off, rest);
			cur = WHO_NONE;
			continue;
		}
		after_blank = false;
		{
			const char *r = p->t + l->off;
			size_t rl = l->len;

			text_trim(&r, &rl);
			heading = rl && r[0] == '#';
		}
		if (k == from && from > 0)
			raw_len -= roll_item_number(&raw, raw_len);
		{
			/* "Present:            Apologies:" / "Cllr A Smith (Chair)      Cllr D Green":
			 * each column's cell to its own list, the rightmost first */
			size_t c[HDR_COLUMNS_MAX];
			enum who w2[HDR_COLUMNS_MAX];
			size_t n2 = column_labels(raw, raw_len, c, w2);

			if (n2) {
				right_label = true;
				ncols = n2;
				memcpy(cols, c, n2 * sizeof *c);
				memcpy(whos, w2, n2 * sizeof *w2);
				for (size_t j = n2; j-- > 0;) {
					size_t r2 = 0;
					enum who lw = attendance_label(raw + cols[j], raw_len - cols[j], &r2);

					if (lw == WHO_NONE || lw == WHO_END || r2 > raw_len - cols[j])
						r2 = 0;	/* the label as column_labels read it, or none: its rest is unset */
					list_add(&lists[whos[j] - WHO_PRESENT], raw + cols[j] + r2, raw_len - cols[j] - r2);
					raw_len = cols[j];
				}
			} else if (ncols && cur != WHO_NONE) {
				for (size_t j = ncols; j-- > 0;) {
					size_t cell = column_cell(raw, raw_len, cols[j]), r2 = 0;

					if (cell) {
						/* a new label down the column: "Apologies:" under "Also in attendance:" */
						enum who lw = attendance_label(raw + cell, raw_len - cell, &r2);

						if (lw != WHO_NONE && lw != WHO_END && lw != WHO_CHAIR && r2 <= raw_len - cell)
							whos[j] = lw == WHO_ATTENDING ? WHO_OFFICERS : lw;
						else
							r2 = 0;
						list_add(&lists[whos[j] - WHO_PRESENT], raw + cell + r2, raw_len - cell - r2);
						raw_len = cell;
					}
				}
			}
		}
		sbuf_reset(&line);
		text_strip_markup(raw, raw_len, &line);
		s = sbuf_str(&line);
		len = line.len;
		text_trim(&s, &len);
		{
			bool chair = false;
			size_t name = (block == WHO_PRESENT || block == WHO_APOLOGIES) && !right_label ?
					      role_cell_end(s, len, &chair) : 0;

			if (name) {
				list_add(&lists[(chair && block == WHO_PRESENT ? WHO_CHAIR : block) - WHO_PRESENT], s + name,
					 len - name);
				cur = block;
				in_block = 0;
				role_col = (size_t)(s - sbuf_str(&line)) + name + (raw_len - line.len);
				continue;
			}
			if (role_col) {
				/* "Members     Jenny Lowe" / "            Sione Fifita": the names' column
				 * goes on; anything else (a contact's block far right) ends it */
				size_t ind = 0;

				while (ind < raw_len && (raw[ind] == ' ' || raw[ind] == '\t'))
					ind++;
				if (ind + 2 < role_col || ind > role_col + 2)
					cur = block = WHO_NONE;
				role_col = 0;
				if (cur != WHO_NONE) {
					role_col = ind;
					list_add(&lists[cur - WHO_PRESENT], s, len);
					continue;
				}
			}
		}
		w = attendance_label(s, len, &rest);
		if (w != WHO_NONE)
			block = w == WHO_END || rest < len ? WHO_NONE : w;
		if (right_label && w == WHO_END) {
			/* "2. ROLL CALL:      Present: Chair Owens, Vice Chair Rauk, Board Members" /
			 * "                   Hoffman, Irons, and Lynch": one list, under its label */
			cur = whos[ncols - 1];
			in_block = 0;
			ncols = 0;
			continue;
		}
		if (w == WHO_NONE && !heading && (said = present_in_sentence(s, len, &rest)) != WHO_NONE) {
			/* "... met in regular session at 9:00 a.m. Present: Supervisors Hahn, Kruse and
			 * Vogel." - that sentence alone, for prose goes on after it */
			size_t e = sentence_stop(s, len, rest), line_len = len;
			struct sbuf *list = &lists[said - WHO_PRESENT];

			if (!list->len) {
				sbuf_add(list, s + rest, e - rest);
				/* the sentence wrapped: its next lines, to its full stop */
				for (size_t j = k + 1; e == line_len && j < to && j <= k + 3; j++) {
					const char *ns = p->t + p->lines[j].off;
					size_t nl = p->lines[j].len;

					if (p->lines[j].flags & (FLINE_RUNNING | FLINE_BLANK))
						break;
					text_trim(&ns, &nl);
					line_len = nl;
					e = sentence_stop(ns, nl, 0);
					sbuf_addch(list, ' ');
					sbuf_add(list, ns, e);
				}
			}
			cur = WHO_NONE;
			continue;
		}
		if (w == WHO_NONE && !heading && (rest = chair_sentence(s, len)) != 0) {
			/* "The Mayor (Councillor Mrs E Pargeter) in the Chair", "Councillor A Smith presided." */
			list_add(&lists[WHO_CHAIR - WHO_PRESENT], s, rest);
			cur = WHO_NONE;
			continue;
		}
		if (w == WHO_NONE && heading && !(len == 7 && strncasecmp(s, "minutes", 7) == 0))
			w = WHO_END;
		if (w == WHO_END) {
			cur = WHO_NONE;
			ncols = 0;
			continue;
		}
		if (w == WHO_ATTENDING)	/* Scotland: "Present:" the members, "Attending:" the officers */
			w = lists[0].len ? WHO_OFFICERS : WHO_PRESENT;
		if (w == WHO_MEMBERS && from > 0 && text_starts_ci(s, len, "members") &&
		    (len == 7 || s[7] == ':' || s[7] == ' '))
			w = WHO_PRESENT;	/* "2. RECORD OF ATTENDANCE" / "Members:   Cr Ken Ashworth   Shire President" */
		if (w != WHO_NONE) {
			if (raw_len == l->len)
				ncols = 0;	/* a label of its own: the columns are over */
			cur = w;
			in_block = 0;
			s += rest;
			len -= rest;
		}
		if (cur == WHO_NONE || ++in_block > HDR_BLOCK_LINES)
			continue;
		if (w == WHO_NONE && len > 3 && ascii_is_digit(s[0])) {
			/* a numbered roll: "1. Hon. Peter Kamau, MCA   -   Chairperson" */
			size_t d = 0;

			while (d < len && d < 2 && ascii_is_digit(s[d]))
				d++;
			if (d < len && (s[d] == '.' || s[d] == ')')) {
				d++;
				while (d < len && s[d] == ' ')
					d++;
				if (d < len && people_is_roll_entry(s + d, len - d)) {
					/* the name before its comma or dash; a chair's role marks the chair */
					size_t e = d, dash;

					while (e < len && s[e] != ',' && !(s[e] == ' ' && text_dash_len(s, len, e + 1)) &&
					       !(s[e] == ' ' && e + 1 < len && s[e + 1] == ' '))
						e++;
					dash = e;
					while (dash < len && !text_dash_len(s, len, dash))
						dash++;
					if (dash == len)
						dash = e;	/* "Hon'ble Smt. R. Lakshmi, Chairperson" */
					if (cur == WHO_PRESENT && dash < len &&
					    text_find_ci(s + dash, len - dash, "chair") < len - dash &&
					    text_find_ci(s + dash, len - dash, "vice") == len - dash &&
					    text_find_ci(s + dash, len - dash, "deputy") == len - dash)
						list_add(&lists[WHO_CHAIR - WHO_PRESENT], s + d, e - d);
					list_add(&lists[cur - WHO_PRESENT], s + d, e - d);
					continue;
				}
			}
		}
		if (heading || lists[cur - WHO_PRESENT].len + len > HDR_LIST_BYTES)
			continue;	/* "#### **Minutes**" inside the Present block; junk */
		for (size_t j = 2; j + 2 < len; j++) {
			/* "Present: A, B, C. Absent: D.": a second label after the first list's stop */
			size_t r2;
			enum who w2;

			if (s[j - 1] != ' ' || (s[j - 2] != '.' && s[j - 2] != ';') || !ascii_is_upper(s[j]))
				continue;
			w2 = attendance_label(s + j, len - j, &r2);
			if (w2 == WHO_NONE || w2 == WHO_END || w2 == WHO_CHAIR || w2 == WHO_ATTENDING || r2 == 0)
				continue;
			sbuf_add(&lists[cur - WHO_PRESENT], s, j - 2);
			sbuf_addch(&lists[cur - WHO_PRESENT], '\n');
			cur = w2;
			s += j + r2;
			len -= j + r2;
			j = 1;
		}
		sbuf_add(&lists[cur - WHO_PRESENT], s, len);
		sbuf_addch(&lists[cur - WHO_PRESENT], '\n');
		if (cur == WHO_CHAIR && len)
			cur = WHO_NONE;	/* "Chairman: Jane Ritchie" names one; the lines after are not chairs */
	}
	if (lists[0].len)
		rc = people_parse_list(lists[0].buf, lists[0].len, &m->present, &m->chair);
	if (rc == CM_OK && lists[1].len)
		rc = people_parse_apologies(lists[1].buf, lists[1].len, &m->apologies);
	if (rc == CM_OK && lists[2].len)
		rc = people_parse_list(lists[2].buf, lists[2].len, &m->officers, NULL);
	if (rc == CM_OK && lists[4].len) {
		/* "PRESENT IN THE CHAIR: Councillor M. Donegan": the chair, and present */
		struct strv chairs = {0};

		rc = people_parse_list(lists[4].buf, lists[4].len, &chairs, NULL);
		/* "Councillor BEATTIE, Convener, in the Chair" under "Present: Councillors ALAN
		 * BEATTIE, ...": the surname names someone present */
		for (size_t i = 0; rc == CM_OK && chairs.n && !strchr(chairs.v[0], ' ') && i < m->present.n; i++) {
			const char *pn = m->present.v[i], *sp = strrchr(pn, ' ');

			if (sp && strcasecmp(sp + 1, chairs.v[0]) == 0) {
				char *full = strdup(pn);

				if (!full) {
					rc = CM_ENOMEM;
					break;
				}
				free(chairs.v[0]);
				chairs.v[0] = full;
				break;
			}
		}
		if (rc == CM_OK && chairs.n && !m->chair && !(m->chair = strdup(chairs.v[0])))
			rc = CM_ENOMEM;
		if (rc == CM_OK)
			rc = chairs_first(&m->present, &chairs);
		strv_release(&chairs);
	}
	if (rc == CM_OK && lists[3].len && !m->chair) {
		/* an agenda's "Membership:" names the chair but nobody was present yet */
		struct strv members = {0};

		rc = people_parse_list(lists[3].buf, lists[3].len, &members, &m->chair);
		strv_release(&members);
	}
	for (size_t i = 0; i < 6; i++) {
		if (sbuf_oom(&lists[i]))
			rc = CM_ENOMEM;
		sbuf_release(&lists[i]);
	}
	sbuf_release(&line);
	return rc;
}

/*
 * Does the first sentence of an item's body tell of the meeting's opening
 * ("took the Chair", "welcomed everyone", "opened the meeting"), not who
 * sent apologies?
 */
static bool opens_the_meeting(const char *body)
{
	static const char *const verbs[] = { " took the chair", " welcomed ", " opened the meeting", " declared the meeting" };
	const char *stop = strchr(body, '\n');	/* its paragraph, from a title's "Cllr." on */
	size_t n = stop ? (size_t)(stop - body) : strlen(body);

	if (text_find_ci(body, n, "apolog") < n)
		return false;
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
		if (text_find_ci(body, n, verbs[k]) < n)
			return true;
	return false;
}

int field_hdr_apologies_from_item(struct field_meeting *m)
{
	if (m->apologies.n)
		return CM_OK;
	if (m->front) {
		/* a sentence of the front matter: "Apologies were received from Cllr L Green." */
		const char *f = m->front;
		size_t n = strlen(f);

		for (size_t i = 0; i < n; i++) {
			if ((i == 0 || f[i - 1] == '\n') && text_starts_ci(f + i, n - i, "apologies") &&
			    text_find_ci(f + i, n - i < 60 ? n - i : 60, "received from") < (n - i < 60 ? n - i : 60)) {
				const char *e = strchr(f + i, '\n');

				return people_parse_apologies(f + i, e ? (size_t)(e - (f + i)) : n - i,
							      &m->apologies);
			}
		}
	}
	for (size_t i = 0; i < m->n_items && i < 5; i++) {
		const char *t = m->items[i].title;

		size_t tl = strlen(t), at = text_find_ci(t, tl, "apolog"), d;

		if (at == tl)
			continue;
		if (!*m->items[i].body) {
			/* the names after a dash in the title: "Apologies – G Hay." */
			for (d = at; d < tl && !text_spaced_dash(t, tl, d); d++)
				;
			if (d < tl)
				return people_parse_apologies(t + d + text_spaced_dash(t, tl, d),
							      tl - d - text_spaced_dash(t, tl, d), &m->apologies);
		}
		if (opens_the_meeting(m->items[i].body)) {
			/* "Cllr. Alun Davies took the Chair and welcomed everyone ...": the apologies are
			 * in a paragraph that says so, if any */
			const char *b = m->items[i].body, *a = NULL;

			for (const char *q = b; q && !a; q = strchr(q, '\n') ? strchr(q, '\n') + 1 : NULL) {
				const char *e = strchr(q, '\n');
				size_t ql = e ? (size_t)(e - q) : strlen(q);

				if (text_find_ci(q, ql, "apolog") < ql)
					a = q;
			}
			return a ? people_parse_apologies(a, strlen(a), &m->apologies) : CM_OK;
		}
		return people_parse_apologies(m->items[i].body, strlen(m->items[i].body), &m->apologies);
	}
	return CM_OK;
}

/*
 * The start time said where the meeting opens, in the first items' bodies
 * when the front matter gave none (US: "I. CALL TO ORDER" / "President
 * Quinn called the meeting to order at 7:00 p.m."; Australia: "The Shire
 * President declared the meeting open at 3.00pm"), or beside the call to
 * order's heading ("1.  CALL TO ORDER          7:00 PM").
 */
static int time_from_opening(struct field_meeting *m)
{
	static const char *const opens[] = {
		"called the meeting to order at", "called to order at", "declared the meeting open at",
		"meeting opened at", "opened the meeting at", "meeting commenced at", "meeting began at",
		"meeting started at",
	};
	char t[6];

	for (size_t i = 0; i < m->n_items && i < 2 && !m->time; i++) {
		const char *b = m->items[i].body, *ti = m->items[i].title;
		size_t bl = strlen(b), tl = strlen(ti), used;

		if ((text_find_ci(ti, tl, "call to order") < tl || text_find_ci(ti, tl, "opening") < tl) &&
		    date_parse_time(b, bl, t, &used)) {
			/* the time in a column beside the heading: "1.  CALL TO ORDER          7:00 PM" */
			m->time = strdup(t);
			return m->time ? CM_OK : CM_ENOMEM;
		}

		for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
			size_t at = text_find_ci(b, bl, opens[k]), a, e, ol = strlen(opens[k]);

			if (at == bl)
				continue;
			at += ol;
			if (date_find_time(b + at, bl - at < 16 ? bl - at : 16, t, &a, &e) && a <= 1) {
				m->time = strdup(t);
				return m->time ? CM_OK : CM_ENOMEM;
			}
		}
	}
	return CM_OK;
}

/*
 * The chair from the call to order, when no list named one: "Mayor Quint
 * called the meeting to order at 6:00 p.m.", "President Nan Ostrowski
 * called the meeting to order" (an office, then a name of three words at
 * most), in the front matter or the first two items; a surname is the
 * member present who bears it.
 */
static int chair_named_in_sentence(struct field_meeting *m, const char *b, size_t bl);

static int chair_from_opening(struct field_meeting *m)
{
	static const char *const offices[] = {
		"mayor ", "chair ", "chairman ", "chairwoman ", "chairperson ", "president ", "board president ",
		"vice chair ", "vice mayor ", "deputy mayor ", "warden ", "reeve ", "presiding officer ",
		"board chair ", "council president ", "chair of the board ", "supervisor ", "commissioner ",
	};

	for (size_t i = 0; i < 3 && !m->chair; i++) {
		const char *b = i == 0 ? (m->front ? m->front : "") : (i - 1 < m->n_items ? m->items[i - 1].body : "");
		size_t bl = strlen(b), at = text_find_ci(b, bl, " called the meeting to order");
		int rc;

		if (at == bl) {
			if ((rc = chair_named_in_sentence(m, b, bl)) != CM_OK)
				return rc;
			continue;
		}
		for (size_t k = 0; k < sizeof offices / sizeof *offices; k++) {
			size_t ol = strlen(offices[k]), st = at, words = 0;
			char *name;

			/* back from "called" over up to three capitalised words to the office */
			while (st > 0 && words < 4) {
				size_t w = st;

				while (w > 0 && b[w - 1] != ' ' && b[w - 1] != '\n')
					w--;
				if (w == st || !ascii_is_upper(b[w]))
					break;
				if (w >= ol && strncasecmp(b + w - ol, offices[k], ol) == 0 &&
				    (w == ol || !ascii_is_alpha(b[w - ol - 1]))) {
					st = w;
					words = 99;	/* found */
					break;
				}
				words++;
				st = w > 0 ? w - 1 : 0;
			}
			if (words != 99)
				continue;
			name = strndup(b + st, at - st);
			if (!name)
				return CM_ENOMEM;
			for (size_t q = 0; q < m->present.n && !strchr(name, ' '); q++) {
				const char *sp = strrchr(m->present.v[q], ' ');

				if (sp && strcasecmp(sp + 1, name) == 0) {
					free(name);
					if (!(name = strdup(m->present.v[q])))
						return CM_ENOMEM;
				}
			}
			m->chair = name;
			return CM_OK;
		}
	}
	return CM_OK;
}

/*
 * The chair named another way in a sentence of b: "... under the
 * chairmanship of Mayor Douglas Fennimore." (Quebec), "The Mayor, Cr Fiona
 * Albrecht, opened the meeting" (Australia): the name, its titles dropped,
 * is m's chair.
 */
static int chair_named_in_sentence(struct field_meeting *m, const char *b, size_t bl)
{
	static const char *const offices[] = { "the mayor, ", "the chairperson, ", "the chair, ", "the shire president, " };
	size_t from = bl, to = bl, at = text_find_ci(b, bl, "under the chairmanship of ");
	struct strv names = {0};
	int rc;

	if (at < bl) {
		from = at + 26;
		for (to = from; to < bl && to < from + 60 && b[to] != ',' && b[to] != ';' &&
				!(b[to] == '.' && (to + 1 == bl || b[to + 1] == ' ' || b[to + 1] == '\n') &&
				  to >= from + 3 && ascii_is_lower(b[to - 1]));
		     to++)
			;
	}
	for (size_t k = 0; from == bl && k < sizeof offices / sizeof *offices; k++) {
		size_t o = text_find_ci(b, bl, offices[k]), c;

		if (o == bl || !ascii_is_upper(b[o]))
			continue;
		c = o + strlen(offices[k]);
		c += text_find_ci(b + c, bl - c < 50 ? bl - c : 50, ", ");
		if (c < bl && (text_starts_ci(b + c, bl - c, ", opened") || text_starts_ci(b + c, bl - c, ", declared"))) {
			from = o + strlen(offices[k]);
			to = c;
		}
	}
	if (from == bl || to <= from)
		return CM_OK;
	rc = people_parse_list(b + from, to - from, &names, NULL);
	if (rc == CM_OK && names.n == 1 && !(m->chair = strdup(names.v[0])))
		rc = CM_ENOMEM;
	if (rc == CM_OK && m->chair && m->present.n)
		rc = chairs_first(&m->present, &names);	/* Quebec's mayor is no councillor of the list */
	strv_release(&names);
	return rc;
}

/* ---- kind and draft --------------------------------------------------- */

/*
 * Where the word "minutes" names the document in s[0..len): not a length of
 * time ("Public Comment (3 minutes per speaker)"); len when nowhere.
 */
static size_t minutes_word(const char *s, size_t len)
{
	for (size_t from = 0; from < len;) {
		size_t at = from + find_word_ci(s + from, len - from, "minutes"), b = at, digits = 0;

		if (at >= len)
			return len;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		while (b > digits && ascii_is_digit(s[b - 1 - digits]))
			digits++;
		if (digits == 0 || digits > 3)
			return at;	/* not "3 minutes", "90 minutes"; "July 17, 2018 Minutes" is a heading */
		from = at + 7;
	}
	return len;
}

/*
 * Is there a line in the first n bytes that marks the document a draft: a
 * watermark ("DRAFT", "- DRAFT -", "[Draft]") or a running header or
 * footer that starts so ("Draft Minutes - Planning Committee - 12/03/24")?
 */
static bool has_draft_line(const struct fparse *p, size_t n)
{
	for (size_t k = 0; k < p->n_lines && p->lines[k].off < n; k++) {
		const char *ls = p->t + p->lines[k].off;
		size_t ll = p->lines[k].len, at;

		text_trim(&ls, &ll);
		while (ll && strchr("-*[(_", ls[0]))
			ls++, ll--;
		while (ll && strchr("-*])_ ", ls[ll - 1]))
			ll--;
		text_trim(&ls, &ll);
		at = find_word_ci(ls, ll, "draft");
		if (at == 0 && (ll == 5 || (p->lines[k].flags & FLINE_RUNNING)))
			return true;
		/* "DRAFT – These minutes have not been approved by the Board." at the foot */
		if (at == 0 && ll > 6 && memcmp(ls, "DRAFT", 5) == 0 && !ascii_is_alpha(ls[5]) &&
		    (text_find_ci(ls, ll, "not been approved") < ll || text_find_ci(ls, ll, "not yet been approved") < ll ||
		     text_find_ci(ls, ll, "subject to approval") < ll || text_find_ci(ls, ll, "until approved") < ll))
			return true;
	}
	return false;
}

/*
 * Four items or more, nearly all (four in five) with no text under their
 * titles: a list of business to come, as an agenda that never says
 * "agenda" prints it ("I. Call to Order" / "II. Pledge of Allegiance" / ...).
 */
static bool items_stand_alone(const struct field_meeting *m)
{
	size_t bare = 0;

	for (size_t i = 0; i < m->n_items; i++)
		bare += m->items[i].body[0] == '\0';
	return m->n_items >= 4 && bare * 5 >= m->n_items * 4;
}

static void detect_kind(const struct fparse *p, struct field_meeting *m)
{
	size_t n = p->n < HDR_KIND_BYTES ? p->n : HDR_KIND_BYTES;
	const char *s = p->t;
	int minutes = 0, agenda = 0, report = 0;

	size_t head = 0, lines = 0;

	/* the heading: the first six non-blank lines say what the document is,
	 * up to the first numbered line ("1. Minutes of the last meeting") or item */
	for (size_t k = 0; k < p->n_lines && lines < 6 && (k < p->front_end || !lines); k++) {
		const char *ls = p->t + p->lines[k].off;
		size_t ll = p->lines[k].len;

		if (p->lines[k].flags & (FLINE_BLANK | FLINE_RUNNING))
			continue;
		text_trim(&ls, &ll);
		if (lines && ll > 2 && ls[0] >= '0' && ls[0] <= '9' && (ls[1] == '.' || ls[2] == '.'))
			break;
		lines++;
		head = p->lines[k].off + p->lines[k].len;
	}
	if (head > n)
		head = n;
	if (minutes_word(s, head) < head || find_word_ci(s, head, "cofnodion") < head ||
	    text_find_ci(s, head, "minute of meeting") < head || text_find_ci(s, head, "minute of the") < head ||
	    text_find_ci(s, head, "notes of the") < head || text_find_ci(s, head, "action notes") < head ||
	    text_find_ci(s, head, "meeting notes") < head || text_find_ci(s, head, "record of decisions") < head ||
	    text_find_ci(s, head, "summary of decisions") < head || text_find_ci(s, head, "decision notice") < head ||
	    text_find_ci(s, head, "summary of actions") < head || text_find_ci(s, head, "schedule of decisions") < head ||
	    text_find_ci(s, head, "decisions list") < head || text_find_ci(s, head, "decision list") < head)
		minutes += 5;	/* "MINUTES OF THE SPECIAL CITY COUNCIL MEETING"; Welsh "COFNODION";
				 * informal "Notes of the ... Working Group", "Record of Decisions",
				 * "Summary of Decisions"; Scotland's "MINUTE of MEETING of the ..." */
	else if (minutes_word(s, n) < n)
		minutes += 2;	/* an agenda's "Minutes of the last meeting" too */
	if ((find_word_ci(s, head, "agenda") < head || text_find_ci(s, head, "notice of meeting") < head) &&
	    minutes_word(s, head) == head)
		agenda += 5;	/* "Notice and Agenda"; not minutes' "AGENDA CHANGES" */
	if (minutes_word(s, head) == head) {
		/* a modern.gov front page: the meeting's fields, then "Agenda" alone on its line */
		for (size_t k = 0; k < p->n_lines && k < 40 && p->lines[k].off < n; k++) {
			const char *ls;
			size_t ll;

			heading_line(p, k, &ls, &ll);
			text_trim(&ls, &ll);
			if (ll && ls[ll - 1] == ':')
				ll--;
			if (ll == 6 && strncasecmp(ls, "agenda", 6) == 0) {
				agenda += 5;
				break;
			}
		}
	}
	if (text_find_ci(s, n, "invites you to attend") < n || text_find_ci(s, n, "hereby summoned") < n ||
	    text_find_ci(s, n, "are invited to attend") < n || text_find_ci(s, n, "notice is hereby given") < n)
		agenda += 3;
	if (minutes_word(s, head) == head && text_find_ci(s, head, "notice of ") < head &&
	    text_find_ci(s, head, " meeting") < head)
		agenda += 5;	/* US: "NOTICE OF REGULAR MEETING OF THE PLANNING COMMISSION" */
	if (find_word_ci(s, n, "present") < n || find_word_ci(s, n, "presennol") < n)
		minutes += 3;
	if (memmem(p->t, p->n, "esolved", 7) || memmem(p->t, p->n, "ESOLVED", 7))
		minutes += 2;
	if (text_find_ci(s, n, "apologies for absence were") < n || text_find_ci(s, n, "apologies were") < n)
		minutes += 1;
	if (memmem(p->t, p->n, "eeting ended", 12) || memmem(p->t, p->n, "eeting closed", 13))
		minutes += 2;
	if (memmem(s, n, "AGENDA", 6) || text_find_ci(s, n, "agenda for") < n)
		agenda += 4;
	if (text_find_ci(s, n, "summons") < n || text_find_ci(s, n, "will be held") < n)
		agenda += 3;
	if (text_find_ci(s, n, "(pages ") < n)
		agenda += 2;
	if (text_find_ci(s, n, "report of") < n || text_find_ci(s, n, "report to") < n ||
	    text_find_ci(s, n, "report by") < n)
		report += 2;
	if (find_word_ci(s, head, "report") < head)
		report += 2;	/* "Report of the Clerk to the Parish Council" heads the document */
	if (text_find_ci(s, head, "agenda report") < head || text_find_ci(s, head, "staff report") < head ||
	    text_find_ci(s, head, "agenda bill") < head || text_find_ci(s, head, "request for council action") < head ||
	    text_find_ci(s, head, "agenda item report") < head || text_find_ci(s, head, "council report") < head)
		report += 10;	/* a US staff report: "CITY COUNCIL AGENDA REPORT", "STAFF REPORT" */
	if (text_find_ci(s, n, "\nto:") < n && text_find_ci(s, n, "\nfrom:") < n && text_find_ci(s, n, "\nsubject:") < n)
		report += 2;	/* a memo's fields: "TO: Honorable Mayor ..." / "FROM:" / "SUBJECT:" */
	if (text_find_ci(s, n, "executive summary") < n || text_find_ci(s, n, "purpose of the report") < n ||
	    text_find_ci(s, n, "purpose of report") < n || text_find_ci(s, n, "recommendation") < n)
		report += 2;
	if (m->present.n)
		minutes += 2;
	if (minutes >= 3 && minutes >= agenda && minutes >= report)
		m->kind = FIELD_KIND_MINUTES;
	else if (agenda >= 3 && agenda >= report)
		m->kind = FIELD_KIND_AGENDA;
	else if (report >= 3)
		m->kind = FIELD_KIND_REPORT;
	else if (items_stand_alone(m))
		m->kind = FIELD_KIND_AGENDA;	/* headings with nothing under them: an agenda's list */
	else
		m->kind = FIELD_KIND_OTHER;
	/* draft: "draft" or "unconfirmed" in the heading, a "DRAFT" line (a
	 * watermark, a running footer), minutes headed "subject to approval", or
	 * "draft" in the file name; not "6. DRAFT BUDGET 2024/25" or "the draft
	 * minutes of the meeting held on ..." in the body: those are other documents */
	m->draft = find_word_ci(s, head, "draft") < head || find_word_ci(s, head, "unconfirmed") < head ||
		   has_draft_line(p, n) ||
		   (minutes >= 5 && (text_find_ci(s, head, "subject to approval") < head ||
				     text_find_ci(s, head, "subject to confirmation") < head ||
				     text_find_ci(s, head, "yet to be approved") < head ||
				     find_word_ci(s, head, "unapproved") < head ||
				     find_word_ci(s, head, "unratified") < head));
	if (!m->draft && p->opts->path) {
		const char *base = strrchr(p->opts->path, '/');

		base = base ? base + 1 : p->opts->path;
		m->draft = find_word_ci(base, strlen(base), "draft") < strlen(base);
	}
}

/*
 * "Minutes of the City of Ottawa Finance and Economic Development
 * Committee": a council named "... of <place>" read one word too far takes
 * the committee's first word ("City of Ottawa Finance" and "and Economic
 * Development Committee", "City of Ottawa Planning" and "Committee").  A
 * committee that starts with "and " or is its kind word alone gets the word
 * back from the council, when the place keeps one.
 */
static int council_gives_back_word(struct field_meeting *m)
{
	char *c = m->council, *cm = m->committee, *last, *of, *moved;
	size_t cn;

	if (!c || !cm || !(of = strstr(c, " of ")))
		return CM_OK;
	for (char *q; (q = strstr(of + 4, " of ")) != NULL;)
		of = q;	/* "The Corporation of the City of London": the place is after the last */
	if (strncmp(cm, "and ", 4) != 0 && (strchr(cm, ' ') || !is_committee_word(cm, strlen(cm))))
		return CM_OK;
	last = strrchr(c, ' ');
	if (!last || last < of + 4 || !ascii_is_upper(last[1]))
		return CM_OK;	/* the place is one word: it stays */
	cn = strlen(last + 1);
	moved = malloc(cn + 1 + strlen(cm) + 1);
	if (!moved)
		return CM_ENOMEM;
	memcpy(moved, last + 1, cn);
	moved[cn] = ' ';
	strcpy(moved + cn + 1, cm);
	*last = '\0';
	free(m->committee);
	m->committee = moved;
	return CM_OK;
}

/*
 * A committee read as "Cabinet of Wiltshire Council", "Board of
 * Commissioners of Harlan County" when no council was found: the body
 * after its last " of " (one to three capitalised words, then "Council" or
 * "County") is the council, the words before it the committee.
 */
static int council_from_committee(struct field_meeting *m)
{
	char *cm = m->committee, *of = NULL, *tail, *council;
	size_t words = 0, tl;

	if (m->council || !cm)
		return CM_OK;
	for (char *q = cm; (q = strstr(q, " of ")) != NULL; q += 4)
		of = q;
	if (!of || !has_committee_word(cm, (size_t)(of - cm)))
		return CM_OK;
	tail = of + 4;
	if (strncasecmp(tail, "the ", 4) == 0)
		tail += 4;
	tl = strlen(tail);
	if (tl < 8 || !(strcmp(tail + tl - 8, " Council") == 0 || strcmp(tail + tl - 7, " County") == 0))
		return CM_OK;
	for (const char *w = tail; w && *w; words++) {
		if (!ascii_is_upper((unsigned char)*w))
			return CM_OK;
		w = strchr(w, ' ');
		w = w ? w + 1 : NULL;
	}
	if (words < 2 || words > 4)
		return CM_OK;
	for (size_t t = 0; t < sizeof council_types / sizeof *council_types; t++) {
		size_t n = strlen(council_types[t]);

		if (strncasecmp(tail, council_types[t], n) == 0 && tail[n] == ' ')
			return CM_OK;	/* "... of the County Council": no place named */
	}
	council = strdup(tail);
	if (!council)
		return CM_ENOMEM;
	*of = '\0';
	m->council = council;
	m->council_src = FIELD_SRC_TEXT;
	return CM_OK;
}

int field_hdr_parse(const struct fparse *p, struct field_meeting *m)
{
	struct sbuf front = {0};
	int rc;

	front_text(p, &front, HDR_LINES);
	if (sbuf_oom(&front)) {
		sbuf_release(&front);
		return CM_ENOMEM;
	}
	rc = detect_council(p, m);
	if (rc == CM_OK)
		rc = detect_committee(m, &front);
	if (rc == CM_OK)
		rc = council_from_committee(m);
	if (rc == CM_OK)
		rc = council_gives_back_word(m);
	if (rc == CM_OK)
		rc = detect_when_where(p, m, &front);
	if (rc == CM_OK && !m->time)
		rc = time_from_opening(m);
	if (rc == CM_OK)
		rc = detect_attendance(p, 0, p->front_end, m);
	if (rc == CM_OK && !m->present.n && p->roll_to > p->roll_from)
		rc = detect_attendance(p, p->roll_from, p->roll_to, m);	/* "B. ROLL CALL" / "Present: ..." */
	if (rc == CM_OK && !m->chair)
		rc = chair_from_opening(m);
	if (rc == CM_OK)
		detect_kind(p, m);
	sbuf_release(&front);
	return rc;
}
