/*
 * text.c - UTF-8 and plain-text helpers for the parser and the indexer
 *
 * See text.h.  Every function is a single forward pass (text_clean chains
 * three), so cost is linear in the input.  Only the UTF-8 decoder below
 * knows the encoding rules; the rest work on bytes and treat every byte
 * >= 0x80 as part of a word.
 *
 * Divisions: UTF-8 decoding, validation and repair; trimming and
 * whitespace folding; markup stripping; dehyphenation; text_clean; case
 * (all-caps test, title case); facet keys; case-insensitive matching.
 */
#include "text.h"
#include "ascii.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* A tag longer than this is not a tag but text that happens to hold '<'. */
enum { TEXT_TAG_MAX = 100 };

static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */

/*
 * Decode one UTF-8 sequence at s (n >= 1 bytes available).  Returns its
 * length and stores the code point, or returns 0 for an invalid sequence.
 */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t need;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < need + 1)
		return 0;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return need + 1;
}

bool text_utf8_is_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		if (u[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		if (!n)
			return false;
		i += n;
	}
	return true;
}

void text_utf8_repair(const char *s, size_t len, struct sbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	if (!sbuf_grow(out, len))
		return;
	while (i < len) {
		unsigned char c = u[i];
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7f) {
			i++;
			run++;
			continue;
		}
		sbuf_add(out, s + i - run, run);
		run = 0;
		if (c < 0x80) {
			if (c == '\r') {
				sbuf_addch(out, '\n');
				if (i + 1 < len && u[i + 1] == '\n')
					i++;
			} else if (c == '\t' || c == '\n' || c == '\f') {
				sbuf_addch(out, c);
			} else {
				sbuf_addch(out, ' ');	/* NUL, other C0, DEL */
			}
			i++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		if (!n) {
			/* one U+FFFD for a lead byte and the continuation bytes after it */
			size_t want = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;

			sbuf_add(out, replacement, 3);
			i++;
			while (want-- && i < len && (u[i] & 0xc0) == 0x80)
				i++;
			continue;
		}
		if (cp >= 0x80 && cp < 0xa0) {
			sbuf_addch(out, ' ');	/* C1 controls */
		} else {
			sbuf_add(out, s + i, n);
		}
		i += n;
	}
	sbuf_add(out, s + i - run, run);
}

/* Length of whitespace at s[i] (an ASCII space or U+00A0), 0 if none. */
static size_t space_at(const char *s, size_t len, size_t i)
{
	if (ascii_is_space((unsigned char)s[i]))
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

void text_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len, k;

	while (n && (k = space_at(p, n, 0)) != 0) {
		p += k;
		n -= k;
	}
	for (;;) {
		if (n && ascii_is_space((unsigned char)p[n - 1]))
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xc2 && (unsigned char)p[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	*s = p;
	*len = n;
}

void text_fold_space(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0, start = out->len;

	while (i < len) {
		size_t k, j;

		while (i < len && (k = space_at(s, len, i)) != 0)
			i += k;
		if (i >= len)
			break;
		j = i;
		while (j < len && !space_at(s, len, j))
			j++;
		if (out->len > start)
			sbuf_addch(out, ' ');
		sbuf_add(out, s + i, j - i);	/* whole words at a time: this is a hot path */
		i = j;
	}
}

static const struct {
	const char *name;
	const char *text;
} entities[] = {
	{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
	{ "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
};

/* Length of an HTML tag at s[i] ("<u>", "</u>", "<br/>", "<span class=x>"), 0 if none. */
static size_t tag_at(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (j < len && s[j] == '/')
		j++;
	if (j >= len || !ascii_is_alpha((unsigned char)s[j]))
		return 0;
	for (; j < len && j - i < TEXT_TAG_MAX; j++) {
		unsigned char c = (unsigned char)s[j];

		if (c == '>')
			return j + 1 - i;
		if (c == '<' || c == '\n')
			return 0;
	}
	return 0;
}

/* Length of a list bullet (and the space after it) at s[i], 0 if none. */
static size_t bullet_at(const char *s, size_t len, size_t i)
{
	static const char *const marks[] = {
		"\xe2\x80\xa2",	/* U+2022 bullet */
		"\xef\x82\xb7",	/* U+F0B7 Symbol-font bullet from Word */
		"\xef\x82\xa7",	/* U+F0A7 Wingdings square */
		"\xe2\x97\x8f",	/* U+25CF black circle */
		"\xe2\x96\xaa",	/* U+25AA small square */
		"\xc2\xb7",	/* U+00B7 middle dot */
	};
	unsigned char c = (unsigned char)s[i];

	if ((c == '-' || c == '*' || c == '+') && i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return 2;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t n = strlen(marks[k]);

		if (len - i >= n && memcmp(s + i, marks[k], n) == 0) {
			if (i + n < len && (s[i + n] == ' ' || s[i + n] == '\t'))
				n++;
			return n;
		}
	}
	return 0;
}

void text_strip_markup(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0;
	bool line_start = true;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (line_start) {
			/* leading whitespace, heading marks, quotes, bullets */
			size_t j = i;

			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			while (j < len && (s[j] == '#' || s[j] == '>')) {
				size_t h = j;

				while (h < len && s[h] == s[j])
					h++;
				if (h < len && s[h] != ' ' && s[h] != '\t' && s[h] != '\n')
					break;
				j = h;
				while (j < len && (s[j] == ' ' || s[j] == '\t'))
					j++;
			}
			while (j < len && (k = bullet_at(s, len, j)) != 0) {
				j += k;
				while (j < len && (s[j] == ' ' || s[j] == '\t'))
					j++;
			}
			i = j;
			line_start = false;
			continue;
		}
		if (c != '\n' && c != '*' && c != '_' && c != '<' && c != '&') {
			size_t j = i + 1;

			while (j < len && s[j] != '\n' && s[j] != '*' && s[j] != '_' && s[j] != '<' &&
			       s[j] != '&')
				j++;
			sbuf_add(out, s + i, j - i);	/* runs of plain text in one go */
			i = j;
			continue;
		}
		if (c == '\n') {
			sbuf_addch(out, '\n');
			i++;
			line_start = true;
			continue;
		}
		if (c == '*' || c == '_') {
			size_t j = i;

			while (j < len && s[j] == (char)c)
				j++;
			if (j - i >= 2) {
				i = j;
				continue;
			}
			sbuf_addch(out, c);
			i++;
			continue;
		}
		if (c == '<' && (k = tag_at(s, len, i)) != 0) {
			i += k;
			continue;
		}
		if (c == '&') {
			size_t e;

			for (e = 0; e < sizeof entities / sizeof *entities; e++) {
				size_t n = strlen(entities[e].name);

				if (len - i >= n && memcmp(s + i, entities[e].name, n) == 0) {
					sbuf_adds(out, entities[e].text);
					i += n;
					break;
				}
			}
			if (e < sizeof entities / sizeof *entities)
				continue;
		}
		sbuf_addch(out, c);
		i++;
	}
}

void text_xml_escape(const char *s, struct sbuf *out)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':  sbuf_adds(out, "&amp;"); break;
		case '<':  sbuf_adds(out, "&lt;"); break;
		case '>':  sbuf_adds(out, "&gt;"); break;
		case '"':  sbuf_adds(out, "&quot;"); break;
		case '\'': sbuf_adds(out, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
				sbuf_addch(out, ' ');
			else
				sbuf_addch(out, *s);
		}
	}
}

void text_unescape(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0, run = 0;

	while (i < len) {
		size_t skip = 0;
		const char *rep = NULL;

		if (s[i] == '\\' && i + 1 < len && s[i + 1] > ' ' && s[i + 1] < 0x7f &&
		    !ascii_is_alnum((unsigned char)s[i + 1])) {
			skip = 1;	/* the escaped character itself is kept */
			rep = "";
		} else if (s[i] == '&') {
			for (size_t e = 0; e < sizeof entities / sizeof *entities; e++) {
				size_t n = strlen(entities[e].name);

				if (len - i >= n && memcmp(s + i, entities[e].name, n) == 0) {
					skip = n;
					rep = entities[e].text;
					break;
				}
			}
		}
		if (!rep) {
			i++;
			run++;
			continue;
		}
		sbuf_add(out, s + i - run, run);
		sbuf_adds(out, rep);
		run = 0;
		i += skip;
	}
	sbuf_add(out, s + i - run, run);
}

/* Prefixes written with a real hyphen: "co-located", "re-established", ... */
static const char *const hyphen_prefixes[] = {
	"co", "re", "non", "pre", "post", "self", "cross", "multi", "anti", "semi",
	"sub", "inter", "ex", "well", "long", "short", "full", "part", "high",
	"low", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "first", "second", "third", "mid", "over", "under",
	"year", "on", "off", "in", "out", "up", "down", "all", "day", "face",
	"child", "age", "time", "front", "back", "decision", "follow", "end",
};

/* One of the prefixes English writes with a real hyphen, any case ("Anti", "non"). */
static bool is_hyphen_prefix_ci(const char *w, size_t n)
{
	for (size_t k = 0; k < sizeof hyphen_prefixes / sizeof *hyphen_prefixes; k++)
		if (strlen(hyphen_prefixes[k]) == n && strncasecmp(hyphen_prefixes[k], w, n) == 0)
			return true;
	return false;
}

static bool is_lower_word(const char *w, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(w[i] >= 'a' && w[i] <= 'z'))
			return false;
	return true;
}

void text_dehyphenate(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0, run = 0;

	while (i < len) {
		size_t j, ls, rs, re;

		if (s[i] != '-' || i == 0 || !ascii_is_alpha((unsigned char)s[i - 1])) {
			i++;
			run++;
			continue;
		}
		/* '-' after a letter: is it followed by a line break? */
		j = i + 1;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= len || s[j] != '\n') {
			i++;
			run++;
			continue;
		}
		j++;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= len || !ascii_is_alpha((unsigned char)s[j])) {
			i++;
			run++;
			continue;
		}
		ls = i;
		while (ls > 0 && ascii_is_alpha((unsigned char)s[ls - 1]))
			ls--;
		rs = j;
		re = rs;
		while (re < len && ascii_is_alpha((unsigned char)s[re]))
			re++;
		sbuf_add(out, s + i - run, run);
		run = 0;
		if ((is_lower_word(s + ls, i - ls) ||
		     /* "Pelling-\nham": a capitalised word split, but not "Stoke-\non-Trent" */
		     (i - ls >= 3 && s[ls] >= 'A' && s[ls] <= 'Z' && is_lower_word(s + ls + 1, i - ls - 1) &&
		      re - rs >= 3 && (re >= len || s[re] != '-'))) &&
		    is_lower_word(s + rs, re - rs) && !is_hyphen_prefix_ci(s + ls, i - ls)) {
			/* drop hyphen and break: "safe-\nguarding" */
		} else {
			sbuf_addch(out, '-');
		}
		i = rs;
	}
	sbuf_add(out, s + i - run, run);
}

void text_clean(const char *s, size_t len, struct sbuf *out)
{
	struct sbuf a = {0}, b = {0};

	text_strip_markup(s, len, &a);
	text_dehyphenate(sbuf_str(&a), a.len, &b);
	if (a.oom || b.oom)
		out->oom = true;
	else
		text_fold_space(sbuf_str(&b), b.len, out);
	sbuf_release(&a);
	sbuf_release(&b);
}

/*
 * The case of the two-byte UTF-8 letter at s: 'U' or 'L' for the
 * capitals and small letters of Latin-1 and Latin Extended-A (Irish "Ú",
 * Welsh "Ô", Maltese "Ż", "Ħ"), 0 for anything else.  *other gets the
 * letter's other case.
 */
static char utf8_latin_case(const unsigned char *s, size_t len, unsigned char other[2])
{
	unsigned cp, flip;
	char c;

	if (len < 2 || s[0] < 0xC3 || s[0] > 0xC5 || (s[1] & 0xC0) != 0x80)
		return 0;
	cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	if (cp >= 0xC0 && cp <= 0xFE && cp != 0xD7 && cp != 0xF7 && cp != 0xDF) {
		c = cp < 0xE0 ? 'U' : 'L';
		flip = cp ^ 0x20;
	} else if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) {
		c = cp % 2 ? 'L' : 'U';
		flip = cp ^ 1;
	} else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
		c = cp % 2 ? 'U' : 'L';
		flip = c == 'U' ? cp + 1 : cp - 1;
	} else {
		return 0;
	}
	other[0] = (unsigned char)(0xC0 | (flip >> 6));
	other[1] = (unsigned char)(0x80 | (flip & 0x3F));
	return c;
}

bool text_is_upper_at(const char *s, size_t len)
{
	unsigned char other[2];

	return len && (ascii_is_upper((unsigned char)s[0]) ||
		       utf8_latin_case((const unsigned char *)s, len, other) == 'U');
}

size_t text_letter_len(const char *s, size_t len)
{
	unsigned char other[2];

	if (!len)
		return 0;
	if (ascii_is_alpha((unsigned char)s[0]))
		return 1;
	return utf8_latin_case((const unsigned char *)s, len, other) ? 2 : 0;
}

bool text_is_all_caps(const char *s, size_t len)
{
	size_t letters = 0;
	unsigned char other[2];

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || utf8_latin_case((const unsigned char *)s + i, len - i, other) == 'L')
			return false;
		if (c >= 'A' && c <= 'Z')
			letters++;
	}
	return letters >= 2;
}

static const char *const small_words[] = {
	"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "or",
};

void text_title_case(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0;
	bool first = true;

	while (i < len) {
		size_t j = i;
		bool small = false, cap = true;

		if (!ascii_is_alnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) {
			sbuf_addch(out, s[i]);
			i++;
			continue;
		}
		while (j < len && (ascii_is_alnum((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80 ||
				   s[j] == '\''))
			j++;
		if (!first) {
			for (size_t k = 0; k < sizeof small_words / sizeof *small_words; k++) {
				size_t n = strlen(small_words[k]);

				if (n == j - i && strncasecmp(small_words[k], s + i, n) == 0)
					small = true;
			}
		}
		for (size_t k = i; k < j; k++) {
			unsigned char c = (unsigned char)s[k], other[2];
			char lc = utf8_latin_case((const unsigned char *)s + k, j - k, other);

			if (lc) {	/* "DÚN" -> "Dún", "MÔN" -> "Môn" */
				bool upper = cap && !small;

				if ((lc == 'U') == upper)
					sbuf_add(out, s + k, 2);
				else
					sbuf_add(out, (const char *)other, 2);
				cap = false;
				k++;
				continue;
			}
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + ('a' - 'A'));
			if (cap && !small && c >= 'a' && c <= 'z')
				c = (unsigned char)(c - ('a' - 'A'));
			if (ascii_is_alpha(c) || (c >= '0' && c <= '9'))
				cap = false;
			sbuf_addch(out, c);
		}
		first = false;
		i = j;
	}
}

/* ASCII base letter of U+00C0..U+00FF, 0 for the non-letters there. */
static const char latin1_fold[64] =
	"AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTs"
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

void text_normalise_key(const char *s, size_t len, struct sbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = out->len;
	bool pending = false;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);
		char c = 0;

		if (!n) {
			n = 1;
			cp = 0xfffd;
		}
		i += n;
		if (cp == '\'' || cp == 0x2019 || cp == 0x2018)
			continue;	/* "People's" -> "peoples" */
		if (cp < 0x80 && ascii_is_alnum((unsigned char)cp)) {
			c = (char)cp;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + ('a' - 'A'));
		} else if (cp >= 0xc0 && cp <= 0xff && latin1_fold[cp - 0xc0]) {
			c = latin1_fold[cp - 0xc0];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + ('a' - 'A'));
		} else if (cp == '&') {
			if (out->len > start)
				sbuf_addch(out, ' ');
			sbuf_adds(out, "and");
			pending = true;
			continue;
		} else {
			pending = true;
			continue;
		}
		if (pending && out->len > start)
			sbuf_addch(out, ' ');
		pending = false;
		sbuf_addch(out, c);
	}
}

bool text_starts_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);

	return len >= n && strncasecmp(s, w, n) == 0;
}

/* ASCII letters folded to lower case; every other byte as it is (strncasecmp's C locale). */
static inline unsigned char text_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/*
 * The header scans look for a score of words in the first 64 KB of every
 * document: a strncasecmp call at every byte whose first letter matched
 * was a tenth of the whole build's CPU time, so the comparison is inline.
 */
size_t text_find_ci(const char *s, size_t len, const char *needle)
{
	const unsigned char *u = (const unsigned char *)s, *w = (const unsigned char *)needle;
	size_t n = strlen(needle);

	if (n > len)
		return len;
	if (n == 0)
		return 0;
	unsigned char lo = text_fold(w[0]), up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 32) : lo;

	for (size_t i = 0; i + n <= len; i++) {
		size_t j = 1;

		if (u[i] != lo && u[i] != up)
			continue;
		while (j < n && text_fold(u[i + j]) == text_fold(w[j]))
			j++;
		if (j == n)
			return i;
	}
	return len;
}

size_t text_dash_len(const char *s, size_t len, size_t i)
{
	if (i < len && s[i] == '-')
		return 1;
	if (i + 3 <= len && (memcmp(s + i, "\xe2\x80\x93", 3) == 0 || memcmp(s + i, "\xe2\x80\x94", 3) == 0))
		return 3;
	return 0;
}

size_t text_spaced_dash(const char *s, size_t len, size_t i)
{
	size_t d;

	if (i >= len || s[i] != ' ' || !(d = text_dash_len(s, len, i + 1)) || i + 1 + d >= len || s[i + 1 + d] != ' ')
		return 0;
	return d + 2;
}

size_t text_last_cell(const char *s, size_t len, size_t gap)
{
	size_t e = len, c;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	for (c = e; c > 0; c--) {
		size_t b = c;

		if (s[c - 1] == '\t')
			return c;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		if (c - b >= gap && b > 0)
			return c;
	}
	return 0;
}
