/*
 * date.c - dates and times as council minutes write them
 *
 * See date.h.  Hand-written scanners over byte spans: every function looks
 * at most a few dozen bytes ahead of its start, so date_find and
 * date_find_time are linear in the length of the text they search.
 */
#include "date.h"
#include "ascii.h"

#include <string.h>
#include <strings.h>

/* Longest weekday/month word we try to match ("Wednesday", "September"). */
enum { DATE_WORD_MAX = 10 };

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Welsh minutes ("11eg Hydref 2017"): matched as whole words only, as
 * short Welsh prefixes ("Med", "Mai") are English words too. */
static const char *const welsh_month_names[12] = {
	"ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf",
	"awst", "medi", "hydref", "tachwedd", "rhagfyr"
};

static const char *const weekday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Skip spaces, tabs, newlines and UTF-8 no-break spaces; returns new index. */
static size_t skip_space(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i < len && ascii_is_space((unsigned char)s[i]))
			i++;
		else if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
			 (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			return i;
	}
}

/* Read up to max digits at s[*i]; returns the digit count (0 = none). */
static size_t read_num(const char *s, size_t len, size_t *i, size_t max, int *val)
{
	size_t n = 0;
	int v = 0;

	while (*i < len && n < max && ascii_is_digit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	if (n && *i < len && ascii_is_digit((unsigned char)s[*i]))
		return 0;	/* longer than max: not ours */
	*val = v;
	return n;
}

/*
 * Match a word at s[i] against names (case-insensitive), accepting the
 * full name or a prefix of at least 3 letters ("Sept", "Tues", "Dec");
 * a trailing "." after an abbreviation is consumed.  Returns the index
 * (0-based) or -1; *end gets the index after the word.
 */
static int match_name(const char *s, size_t len, size_t i,
		      const char *const *names, int n_names, size_t *end)
{
	char w[DATE_WORD_MAX + 1];
	size_t n = 0, j = i;

	while (j < len && ascii_is_alpha((unsigned char)s[j])) {
		if (n == DATE_WORD_MAX)
			return -1;
		w[n++] = (char)lower((unsigned char)s[j]);
		j++;
	}
	if (n < 3)
		return -1;
	w[n] = '\0';
	for (int k = 0; k < n_names; k++) {
		size_t nl = strlen(names[k]);

		if (n > nl || strncmp(names[k], w, n) != 0)
			continue;
		/* "Sept"/"Tues"/"Thurs" are the only 4+ letter abbreviations
		 * that are not the full word; any prefix of 3+ is accepted. */
		if (n < nl && j < len && s[j] == '.')
			j++;
		*end = j;
		return k;
	}
	return -1;
}

static int two_digit_year(int y, size_t digits)
{
	if (digits == 2)
		return y < 70 ? 2000 + y : 1900 + y;
	return y;
}

unsigned date_month_of(const char *s, size_t len)
{
	unsigned m = 0;

	if (len < 6)
		return 0;
	for (size_t i = 0; i < 6; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		m = m * 10 + (unsigned)(s[i] - '0');
	}
	return m % 100 >= 1 && m % 100 <= 12 ? m : 0;
}

bool date_is_valid(int y, int m, int d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int max;

	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* A month name at s[i], English (or an abbreviation) or Welsh (whole word). */
static int match_month(const char *s, size_t len, size_t i, size_t *end)
{
	int m = match_name(s, len, i, month_names, 12, end);
	size_t j = i;

	if (m >= 0)
		return m;
	while (j < len && ascii_is_alpha((unsigned char)s[j]))
		j++;
	for (int k = 0; k < 12; k++)
		if (strlen(welsh_month_names[k]) == j - i && strncasecmp(s + i, welsh_month_names[k], j - i) == 0) {
			*end = j;
			return k;
		}
	return -1;
}

int date_month_at(const char *s, size_t len, size_t *end)
{
	size_t e = 0;
	int m = s ? match_month(s, len, 0, &e) : -1;

	if (m < 0)
		return 0;
	if (end)
		*end = e;
	return m + 1;
}

/* An ordinal suffix after a day number: st, nd, rd, th; Welsh af, il, ydd,
 * ed, fed, eg, ain (any case). */
static size_t skip_ordinal(const char *s, size_t len, size_t i)
{
	static const char *const welsh[] = { "fed", "ydd", "ain", "af", "il", "ed", "eg" };

	for (size_t k = 0; k < sizeof welsh / sizeof *welsh; k++) {
		size_t n = strlen(welsh[k]);

		if (i + n <= len && strncasecmp(s + i, welsh[k], n) == 0 &&
		    (i + n == len || !ascii_is_alpha((unsigned char)s[i + n])))
			return i + n;
	}
	if (i + 1 < len) {
		int a = lower((unsigned char)s[i]), b = lower((unsigned char)s[i + 1]);

		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
			if (i + 2 >= len || !ascii_is_alpha((unsigned char)s[i + 2]))
				return i + 2;
		}
	}
	return i;
}

/* The byte after a numeric date must not continue a number ("1.2.3.4"). */
static bool ends_cleanly(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return true;
	if (ascii_is_digit((unsigned char)s[i]) || ascii_is_alpha((unsigned char)s[i]))
		return false;
	if ((s[i] == '.' || s[i] == '/' || s[i] == '-') && i + 1 < len &&
	    ascii_is_digit((unsigned char)s[i + 1]))
		return false;
	return true;
}

/*
 * Numeric forms: D/M/Y, D.M.Y, D-M-YYYY, YYYY-MM-DD (or with dots or
 * slashes); M/D/Y when the day cannot be first.
 */
static bool parse_numeric(const char *s, size_t len, size_t i, int *out, size_t *end)
{
	int a, b, c;
	size_t na, nb, nc, j = i;
	char sep;

	na = read_num(s, len, &j, 4, &a);
	if (!na || j >= len)
		return false;
	sep = s[j];
	if (sep != '/' && sep != '.' && sep != '-')
		return false;
	j++;
	nb = read_num(s, len, &j, 2, &b);
	if (!nb || j >= len || s[j] != sep)
		return false;
	j++;
	nc = read_num(s, len, &j, 4, &c);
	if (!nc || !ends_cleanly(s, len, j))
		return false;
	if (na == 4 && nc <= 2) {
		if (!date_is_valid(a, b, c))
			return false;
		*out = a * 10000 + b * 100 + c;	/* "2024-03-12", "2024.03.12", "2024/03/12" */
	} else if (na <= 2 && (nc == 4 || (sep != '-' && nc == 2))) {
		int y = two_digit_year(c, nc);

		/* "12-03-2024" with a dash only with the year in full: "16-03-17" is a code */
		if (date_is_valid(y, b, a))
			*out = y * 10000 + b * 100 + a;
		else if (sep != '.' && b > 12 && date_is_valid(y, a, b))
			*out = y * 10000 + a * 100 + b;	/* "3/14/2023": only month first can be read */
		else
			return false;
	} else {
		return false;
	}
	*end = j;
	return true;
}

/*
 * Read a 4-digit year at s[i] (after optional comma/space), or two digits
 * after an apostrophe ("Tues 12th Mar '24", curly or straight); -1 if none.
 */
static int read_year(const char *s, size_t len, size_t *i)
{
	size_t j = skip_space(s, len, *i), k;
	int y;

	if (j < len && s[j] == ',')
		j = skip_space(s, len, j + 1);
	k = j < len && s[j] == '\'' ? j + 1 :
	    j + 2 < len && memcmp(s + j, "\xe2\x80\x99", 3) == 0 ? j + 3 : j;
	if (k > j) {
		if (read_num(s, len, &k, 3, &y) != 2 || !ends_cleanly(s, len, k))
			return -1;
		*i = k;
		return two_digit_year(y, 2);
	}
	if (read_num(s, len, &j, 4, &y) != 4 || !ends_cleanly(s, len, j))
		return -1;
	*i = j;
	return y;
}

/* The number words up to ninety-nine, by value (index 0 unused). */
static const char *const units_words[] = {
	"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens_words[] = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
					  "eighty", "ninety" };
static const char *const ordinal_words[] = {
	"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
	"eighteenth", "nineteenth",
};

/* The word w whole at s[i] (any case)?  Moves *i past it. */
static bool word_at(const char *s, size_t len, size_t *i, const char *w)
{
	size_t n = strlen(w);

	if (*i + n > len || strncasecmp(s + *i, w, n) != 0 || (*i + n < len && ascii_is_alpha((unsigned char)s[*i + n])))
		return false;
	*i += n;
	return true;
}

/* A word from list (index 1..count-1) at s[*i]: its index, 0 when none. */
static int word_from(const char *s, size_t len, size_t *i, const char *const *list, size_t count)
{
	for (size_t k = count; k-- > 1;)	/* longest first: "seventeen" before "seven" */
		if (word_at(s, len, i, list[k]))
			return (int)k;
	return 0;
}

/* "twenty-four", "twenty four", "fifth", "twenty-first": 1..99 (ordinal when ordinal), 0 when none. */
static int read_number_words(const char *s, size_t len, size_t *i, bool ordinal)
{
	size_t j = *i;
	int tens = word_from(s, len, &j, tens_words, sizeof tens_words / sizeof *tens_words), u;

	if (tens) {
		size_t k = j;

		if (k < len && (s[k] == '-' || s[k] == ' '))
			k++;
		u = ordinal ? word_from(s, len, &k, ordinal_words, 10) : word_from(s, len, &k, units_words, 10);
		if (u) {
			*i = k;
			return tens * 10 + u;
		}
		if (ordinal)
			return 0;
		*i = j;
		return tens * 10;
	}
	if (ordinal) {
		/* "twentieth", "thirtieth": the tens' ordinal */
		static const char *const tieth[] = { "", "", "twentieth", "thirtieth" };

		if ((u = word_from(s, len, &j, tieth, 4)) != 0) {
			*i = j;
			return u * 10;
		}
	}
	u = ordinal ? word_from(s, len, &j, ordinal_words, sizeof ordinal_words / sizeof *ordinal_words) :
		      word_from(s, len, &j, units_words, sizeof units_words / sizeof *units_words);
	if (u)
		*i = j;
	return u;
}

/*
 * A date in words, as formal minutes write it: "the fifth day of March Two
 * Thousand and Twenty-Four", "Fifth March, two thousand and twenty four"
 * (the day an ordinal word, the year "two thousand (and) ..."), from s[i].
 */
static bool parse_words_date(const char *s, size_t len, size_t i, int *val, size_t *used)
{
	size_t j = i;
	int d = read_number_words(s, len, &j, true), m, y = 2000, rest;

	if (!d || d > 31)
		return false;
	j = skip_space(s, len, j);
	if (word_at(s, len, &j, "day"))
		j = skip_space(s, len, j);
	if (word_at(s, len, &j, "of"))
		j = skip_space(s, len, j);
	m = match_month(s, len, j, &j);
	if (m < 0)
		return false;
	j = skip_space(s, len, j);
	if (j < len && s[j] == ',')
		j = skip_space(s, len, j + 1);
	if (word_at(s, len, &j, "in"))
		j = skip_space(s, len, j);
	if (word_at(s, len, &j, "the"))
		j = skip_space(s, len, j);
	if (word_at(s, len, &j, "year"))
		j = skip_space(s, len, j);
	if (!word_at(s, len, &j, "two"))
		return false;
	j = skip_space(s, len, j);
	if (!word_at(s, len, &j, "thousand"))
		return false;
	{
		size_t k = skip_space(s, len, j);

		if (word_at(s, len, &k, "and"))
			k = skip_space(s, len, k);
		if ((rest = read_number_words(s, len, &k, false)) != 0) {
			y += rest;
			j = k;
		}
	}
	if (!date_is_valid(y, m + 1, d))
		return false;
	*val = y * 10000 + (m + 1) * 100 + d;
	*used = j - i;
	return true;
}

/* Offset past an optional weekday ("Wednesday,", "Tues") at the start of s. */
static size_t skip_weekday(const char *s, size_t len)
{
	size_t i = 0, j;

	if (i < len && ascii_is_alpha((unsigned char)s[i]) && match_name(s, len, i, weekday_names, 7, &j) >= 0) {
		i = skip_space(s, len, j);
		if (i < len && s[i] == ',')
			i = skip_space(s, len, i + 1);
		else if (i < len && s[i] == '-') {
			/* an em dash typed or rendered as dashes: "WEDNESDAY--MARCH 15", "WEDNESDAY- -MARCH 15" */
			size_t d = i;

			while (d < len && d - i < 4 && (s[d] == '-' || s[d] == ' '))
				d++;
			if (d < len && (ascii_is_alpha((unsigned char)s[d]) ||
					(ascii_is_digit((unsigned char)s[d]) && d - i >= 2)))
				i = d;	/* "Wednesday - 13 March", not "Wednesday-13" */
		}
	}
	return i;
}

int date_order(const char *s, size_t len)
{
	size_t i, j;
	int a, b;

	if (!s)
		return 0;
	i = skip_weekday(s, len);
	if (i >= len)
		return 0;
	if (!ascii_is_digit((unsigned char)s[i]))
		return match_month(s, len, i, &j) >= 0 ? 1 : 0;	/* "March 4, 2024" */
	j = i;
	if (read_num(s, len, &j, 2, &a) && j < len && (s[j] == '/' || s[j] == '-') && j + 1 < len &&
	    ascii_is_digit((unsigned char)s[j + 1])) {
		j++;
		if (!read_num(s, len, &j, 2, &b))
			return 0;
		return a > 12 && b <= 12 ? -1 : b > 12 && a <= 12 ? 1 : 0;	/* "14/03/2024", "03/14/2024" */
	}
	if (j >= len || ascii_is_digit((unsigned char)s[j]) || s[j] == '.' || s[j] == '/')
		return 0;	/* "2024-03-04", "4.3.24" */
	if (s[j] == '-' && !(j + 1 < len && ascii_is_alpha((unsigned char)s[j + 1])))
		return 0;
	return -1;	/* "4 March 2024", "4th of March", "4-Mar-2024" */
}

bool date_parse(const char *s, size_t len, int *yyyymmdd, size_t *consumed)
{
	size_t i, j, dashed = 0;
	int d, m, y, val;

	if (!s)
		return false;
	i = skip_weekday(s, len);
	if (i >= len)
		return false;
	if (ascii_is_digit((unsigned char)s[i])) {
		if (parse_numeric(s, len, i, &val, &j))
			goto ok;
		j = i;
		if (!read_num(s, len, &j, 2, &d))
			return false;
		j = skip_ordinal(s, len, j);
		if (j + 1 < len && s[j] == '-' && ascii_is_alpha((unsigned char)s[j + 1]))
			dashed = ++j;	/* "14-Mar-2023" */
		j = skip_space(s, len, j);
		if (j + 4 < len && strncasecmp(s + j, "day", 3) == 0 && ascii_is_space((unsigned char)s[j + 3]))
			j = skip_space(s, len, j + 3);	/* "the 14th day of March, 2023" */
		if (j + 2 < len && lower((unsigned char)s[j]) == 'o' &&
		    lower((unsigned char)s[j + 1]) == 'f' && ascii_is_space((unsigned char)s[j + 2]))
			j = skip_space(s, len, j + 2);
		m = match_month(s, len, j, &j);
		if (m < 0)
			return false;
		if (j < len && s[j] == ',')
			j++;
		else if (dashed && j + 1 < len && s[j] == '-' && ascii_is_digit((unsigned char)s[j + 1]))
			j++;
		y = read_year(s, len, &j);
	} else {
		size_t w = i, wu;

		if (word_at(s, len, &w, "the"))
			w = skip_space(s, len, w);
		if (parse_words_date(s, len, w, &val, &wu)) {
			j = w + wu;	/* "Tuesday the fifth day of March Two Thousand and Twenty-Four" */
			goto ok;
		}
		m = match_month(s, len, i, &j);
		if (m < 0)
			return false;
		j = skip_space(s, len, j);
		if (!read_num(s, len, &j, 2, &d))
			return false;
		j = skip_ordinal(s, len, j);
		y = read_year(s, len, &j);
	}
	if (y < 0 || !date_is_valid(y, m + 1, d))
		return false;
	val = y * 10000 + (m + 1) * 100 + d;
ok:
	if (yyyymmdd)
		*yyyymmdd = val;
	if (consumed)
		*consumed = j;
	return true;
}

static bool at_word_start(const char *s, size_t i)
{
	unsigned char p;

	if (i == 0)
		return true;
	p = (unsigned char)s[i - 1];
	return !ascii_is_alpha(p) && !ascii_is_digit(p) && p != '.' && p != '/' && p != '-';
}

bool date_find(const char *s, size_t len, int *yyyymmdd, size_t *start, size_t *end)
{
	if (!s)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t used;
		int val;

		if (!(ascii_is_digit(c) || ascii_is_alpha(c)) || !at_word_start(s, i))
			continue;
		if (date_parse(s + i, len - i, &val, &used)) {
			if (yyyymmdd)
				*yyyymmdd = val;
			if (start)
				*start = i;
			if (end)
				*end = i + used;
			return true;
		}
	}
	return false;
}

/* "am", "pm", "a.m.", "p.m." (any case) at s[i]; returns 'a', 'p' or 0. */
static int read_meridiem(const char *s, size_t len, size_t *i)
{
	size_t j = *i;
	int c;
	bool dotted;

	if (j >= len)
		return 0;
	c = lower((unsigned char)s[j]);
	if (c != 'a' && c != 'p')
		return 0;
	j++;
	dotted = j < len && s[j] == '.';
	if (dotted)
		j++;
	if (j >= len || lower((unsigned char)s[j]) != 'm')
		return 0;
	j++;
	if (dotted && j < len && s[j] == '.')
		j++;	/* "p.m." ends with its dot; after "pm." the dot ends a sentence */
	if (j < len && ascii_is_alpha((unsigned char)s[j]))
		return 0;
	*i = j;
	return c;
}

bool date_parse_time(const char *s, size_t len, char out[6], size_t *consumed)
{
	size_t i = 0, nh, nm = 0, j;
	int h, m = 0, mer;
	char sep = 0;

	if (!s)
		return false;
	if (read_num(s, len, &i, 4, &h) == 4 && (i == len || !ascii_is_digit((unsigned char)s[i]))) {
		/* "1930hrs", "1930 hours": the hours and minutes run together */
		j = skip_space(s, len, i);
		m = h % 100;
		h /= 100;
		if (j + 3 <= len && strncasecmp(s + j, "hrs", 3) == 0)
			i = j + 3;
		else if (j + 5 <= len && strncasecmp(s + j, "hours", 5) == 0)
			i = j + 5;
		else
			return false;
		if (h > 23 || m > 59 || (i < len && ascii_is_alpha((unsigned char)s[i])))
			return false;
		goto out;
	}
	i = 0;
	nh = read_num(s, len, &i, 2, &h);
	if (!nh)
		return false;
	if (i + 1 < len && (s[i] == '.' || s[i] == ':') && ascii_is_digit((unsigned char)s[i + 1])) {
		sep = s[i];
		i++;
		nm = read_num(s, len, &i, 2, &m);
		if (nm != 2)
			return false;
	}
	j = skip_space(s, len, i);
	if (j + 7 <= len && strncasecmp(s + j, "o'clock", 7) == 0)
		j = skip_space(s, len, j + 7);	/* "4:00 o'clock p.m." */
	else if (j + 9 <= len && strncasecmp(s + j, "o\xe2\x80\x99" "clock", 9) == 0)
		j = skip_space(s, len, j + 9);
	mer = read_meridiem(s, len, &j);
	if (mer) {
		if (h < 1 || h > 12 || m > 59)
			return false;
		if (mer == 'a' && h == 12)
			h = 0;
		else if (mer == 'p' && h != 12)
			h += 12;
		i = j;
	} else {
		/* without am/pm only "HH:MM" or "HH.MMhrs" reads as a time */
		bool hrs = j + 2 < len && lower((unsigned char)s[j]) == 'h' &&
			   lower((unsigned char)s[j + 1]) == 'r' && lower((unsigned char)s[j + 2]) == 's';

		if (!nm || (sep != ':' && !hrs) || h > 23 || m > 59)
			return false;
		if (hrs)
			i = j + 3;
		else if (i < len && (ascii_is_digit((unsigned char)s[i]) ||
				     ((s[i] == ':' || s[i] == '.') && i + 1 < len &&
				      ascii_is_digit((unsigned char)s[i + 1]))))
			return false;
	}
out:
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
	if (consumed)
		*consumed = i;
	return true;
}

bool date_find_time(const char *s, size_t len, char out[6], size_t *start, size_t *end)
{
	if (!s)
		return false;
	for (size_t i = 0; i < len; i++) {
		size_t used;

		if (!ascii_is_digit((unsigned char)s[i]))
			continue;
		if (i > 0 && (ascii_is_digit((unsigned char)s[i - 1]) || s[i - 1] == '.' ||
			      s[i - 1] == ':' || s[i - 1] == '/' || ascii_is_alpha((unsigned char)s[i - 1])))
			continue;
		if (date_parse_time(s + i, len - i, out, &used)) {
			if (start)
				*start = i;
			if (end)
				*end = i + used;
			return true;
		}
	}
	return false;
}

bool date_format_iso(int yyyymmdd, char out[11])
{
	int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;

	if (!date_is_valid(y, m, d)) {
		out[0] = '\0';
		return false;
	}
	/* written by hand: the ranges are checked, but -Wformat-truncation can't see it */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Hinnant). */
static long long date_days_from_civil(int y, int m, int d)
{
	int yy = y - (m <= 2);
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (long long)era * 146097 + doe - 719468;
}

/* n digits at *p as a number (advancing *p), or -1 when they are not all digits. */
static int date_digits(const char **p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
	}
	return v;
}

bool date_parse_instant(const char *s, long long *out)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, ms = 0;
	long long t, off = 0;

	if (!s || !*s)
		return false;
	if (strspn(s, "0123456789") == strlen(s)) {
		if (strlen(s) > 15)
			return false;
		t = 0;
		for (; *p; p++)
			t = t * 10 + (*p - '0');
		*out = t * 1000;
		return true;
	}
	y = date_digits(&p, 4);
	if (y < 0 || *p++ != '-' || (mo = date_digits(&p, 2)) < 0 || *p++ != '-' ||
	    (d = date_digits(&p, 2)) < 0 || !date_is_valid(y, mo, d))
		return false;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if ((h = date_digits(&p, 2)) < 0 || h > 23 || *p++ != ':' ||
		    (mi = date_digits(&p, 2)) < 0 || mi > 59)
			return false;
		if (*p == ':') {
			p++;
			if ((sec = date_digits(&p, 2)) < 0 || sec > 60)
				return false;
			if (*p == '.' || *p == ',') {
				int scale = 100;

				p++;
				if (*p < '0' || *p > '9')
					return false;
				for (; *p >= '0' && *p <= '9'; p++, scale /= 10)
					ms += (*p - '0') * scale;   /* scale reaches 0 after 3 digits */
			}
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om;

			if ((oh = date_digits(&p, 2)) < 0 || oh > 23 || *p++ != ':' ||
			    (om = date_digits(&p, 2)) < 0 || om > 59)
				return false;
			off = sign * (oh * 3600LL + om * 60LL);
		}
	}
	if (*p)
		return false;
	*out = (date_days_from_civil(y, mo, d) * 86400 + h * 3600LL + mi * 60LL + sec - off) * 1000 +
	       ms;
	return true;
}
