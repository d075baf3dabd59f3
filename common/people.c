/*
 * people.c - lists of names in minutes: present, apologies, officers, chair
 *
 * See people.h.  A list is first cut into entries (at depth 0 of
 * parentheses: commas, semicolons, " and ", line ends that are not
 * wraps, column gaps of three or more spaces), then each entry is reduced
 * to a name: roles in parentheses are read (for the chair) and dropped,
 * text after a dash is a role and dropped, titles and honours are
 * stripped, and what is left must pass people_is_name().  A lone word
 * with no title is a name only inside a "Councillors A, B and C" run.
 *
 * Divisions: word lists; people_is_name; titles and punctuation; one
 * entry (add_entry); line joining and splitting (people_parse_list);
 * apologies sentences.
 */
#include "people.h"
#include "ascii.h"
#include "err.h"
#include "sbuf.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A list line at least this long was wrapped by the PDF layout, not ended. */
enum { PEOPLE_WRAP_LEN = 55 };
/* Longest entry worth looking at; longer ones are prose, not a name. */
enum { PEOPLE_ENTRY_MAX = 200 };

/* Titles dropped from the front of a name (any case, optional '.'). */
static const char *const titles[] = {
	"councillors", "councillor", "councilors", "councilor", "cllrs", "cllr",
	"county councillor", "parish councillor", "co-optees", "co-optee",
	"co-opted members", "co-opted member", "members of the committee",
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
	"lord", "lady", "rev", "revd", "reverend", "alderman", "mayor",
	"hon", "honourable", "hon'ble",	/* Kenya's assemblies, India's corporations */
	"shri", "smt", "sri", "kumari", "thiru", "tmt",
	/* US, Canada, Australia */
	"councilmembers", "councilmember", "council members", "council member", "crs", "cr",
	"commissioners", "commissioner", "selectmen", "selectman", "selectwoman", "trustees", "trustee",
	"supervisors", "supervisor", "aldermen", "alderpersons", "alderperson", "alderwomen",
	"alderwoman", "alders", "alder", "councilmen", "councilman", "councilwomen", "councilwoman",
	"board members",
	"board member", "vice mayor", "deputy mayor", "mayor pro tem", "legislators", "legislator",
	/* Scotland, Ireland, Canada */
	"provost", "bailie", "cathaoirleach", "his worship", "her worship", "deputy speaker",
	/* Ontario's counties and townships */
	"deputy warden", "warden", "deputy reeve", "reeve",
	/* Wales */
	"cynghorwyr", "cynghorydd sir", "cynghorydd", "cyng",
	/* police officers at a community council */
	"pcso", "pc", "sgt", "sergeant", "insp", "inspector",
};

/* Words that make an entry a role or a body, not a person. */
static const char *const role_words[] = {
	"head", "director", "officer", "officers", "manager", "service", "services",
	"lead", "chief", "executive", "representative", "representatives",
	"adviser", "advisor", "clerk", "member", "members", "council", "scrutineer",
	"nurse", "teacher", "coordinator", "co-ordinator", "assistant", "deputy",
	"acting", "interim", "strategic", "corporate", "cabinet", "chairman", "chair",
	"vice", "vice-chair", "mayor", "youth", "co-optee", "co-optees", "education",
	"department", "team", "public", "care", "children", "children's", "social",
	"health", "group", "partnership", "board", "committee", "panel", "trust",
	"police", "constabulary", "secretary", "solicitor", "democratic",
	"governance", "finance", "treasurer", "minutes", "apologies", "present",
	"none", "all", "the", "of", "and", "for", "with", "from", "were", "was",
	"received", "behalf", "representing", "independent", "specialist",
	"senior", "principal", "county", "city", "borough", "district", "parish",
	"school", "schools", "headteacher", "governor", "safeguarding", "quality",
	"assurance", "early", "help", "locality", "participation", "virtual",
	"planning", "analyst", "accountant", "counsel", "general", "obe", "mbe",
	"cbe", "jp", "mp", "dl", "committee:", "attendance", "substitute", "meeting",
	"agenda", "item", "items", "report", "there", "no", "not", "rfo", "unison",
	"healthwatch", "nhs", "foundation", "agency", "society", "association", "diocese",
	"university", "college", "company", "ltd", "limited", "inspector", "sergeant",
	"town", "planner", "administrator", "engineer", "attorney", "superintendent", "staff",
	"consultant", "liaison", "recording",
	"electoral", "area",	/* British Columbia's directors sit for "Electoral Area A" */
};

/* Lower-case words that may stand in a name ("Ursula von der Leyen"). */
static const char *const particles[] = {
	"de", "van", "von", "der", "den", "la", "le", "da", "di", "du", "del", "bin", "al",
};

/* Honours dropped from the end of a name. */
static const char *const honours[] = { "obe", "mbe", "cbe", "jp", "mp", "dl", "kc", "qc", "mca", "mla" };

static bool word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	if (!n)
		return false;
	for (size_t k = 0; k < count; k++)
		if ((list[k][0] | 0x20) == (w[0] | 0x20) && strlen(list[k]) == n &&
		    strncasecmp(list[k], w, n) == 0)
			return true;
	return false;
}

bool people_is_name(const char *s, size_t len)
{
	size_t i = 0, words = 0, upper_words = 0;

	text_trim(&s, &len);
	if (!len || len > 60)
		return false;
	while (i < len) {
		size_t j = i, letters = 0, caps = 0;

		while (j < len && s[j] != ' ')
			j++;
		for (size_t k = i; k < j; k++) {
			unsigned char c = (unsigned char)s[k];

			if (c >= '0' && c <= '9')
				return false;
			if (ascii_is_alpha(c))
				letters++;
			if (ascii_is_upper(c))
				caps++;
			if (!(ascii_is_alpha(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.'))
				return false;
		}
		if (word_in(s + i, j - i, role_words, sizeof role_words / sizeof *role_words))
			return false;
		if (!letters && (unsigned char)s[i] < 0x80)
			return false;
		if (ascii_is_upper((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) {
			upper_words++;
		} else if (!word_in(s + i, j - i, particles, sizeof particles / sizeof *particles)) {
			return false;
		}
		/* an all-caps word of 4+ letters is an acronym (SEND, MASH) */
		if (caps == letters && letters >= 4)
			return false;
		words++;
		i = j;
		while (i < len && s[i] == ' ')
			i++;
	}
	return words >= 1 && words <= 5 && upper_words >= 1;
}

/* Titles that cover the names after them: "Councillors ...", "Cllrs ...". */
static const char *const plurals[] = {
	"councillors ", "cllrs ", "councilors ", "members ", "councilmembers ", "council members ",
	"commissioners ", "selectmen ", "trustees ", "supervisors ", "aldermen ", "board members ",
	"crs ", "legislators ", "alders ", "alderpersons ", "councilmen ",
};

/* "Councillors ...", "Cllrs ...": a title that covers the names after it. */
static bool starts_plural(const char *s, size_t len)
{
	for (size_t k = 0; k < sizeof plurals / sizeof *plurals; k++)
		if (len >= strlen(plurals[k]) && strncasecmp(s, plurals[k], strlen(plurals[k])) == 0)
			return true;
	return false;
}

/* s is such a title and nothing more ("Board Members" ending a line). */
static bool is_plural_title(const char *s, size_t len)
{
	for (size_t k = 0; k < sizeof plurals / sizeof *plurals; k++)
		if (len + 1 == strlen(plurals[k]) && strncasecmp(s, plurals[k], len) == 0)
			return true;
	return false;
}

/*
 * Offices said before a name in a US roll ("President Hom, Vice President
 * Cisneros", "Chair Ruiz"): dropped there, but not titles elsewhere, for
 * "(Chair - KD)" after a name is the chair mark, not a role and a name.
 */
static const char *const offices_before[] = {
	"council president", "vice president", "vice-president", "president", "vice chairman", "vice-chairman",
	"vice chair", "vice-chair", "vice chairperson", "vice-chairperson", "chairman",
	"chairwoman", "chairperson", "chair", "deputy chairperson", "deputy chairman", "deputy chair",
	"members", "member",
};

/* Drop leading titles ("Councillor Mrs"); returns true when any was dropped. */
static bool strip_titles(const char **s, size_t *len)
{
	bool any = false, again = true;
	size_t nt = sizeof titles / sizeof *titles, no = sizeof offices_before / sizeof *offices_before;

	while (again) {
		again = false;
		text_trim(s, len);
		for (size_t k = 0; k < nt + no; k++) {
			const char *w = k < nt ? titles[k] : offices_before[k - nt];
			size_t n = strlen(w);

			if (*len < n || strncasecmp(*s, w, n) != 0)
				continue;
			if (*len > n && (*s)[n] == '.')
				n++;
			if (*len > n && (*s)[n] != ' ' && (*s)[n] != '\t' && (*s)[n] != '\xe2' && (*s)[n] != '-')
				continue;
			*s += n;
			*len -= n;
			any = again = true;
			break;
		}
	}
	return any;
}

/* Does s, its titles dropped, name someone ("Mr. R. Gallagher"), not a role ("Councillor Member")? */
static bool names_someone(const char *s, size_t len)
{
	strip_titles(&s, &len);
	return people_is_name(s, len);
}

/* Trim punctuation and dashes from both ends. */
static void trim_punct(const char **s, size_t *len)
{
	for (;;) {
		text_trim(s, len);
		if (*len && strchr(".,;:-*\"", (*s)[0])) {
			(*s)++;
			(*len)--;
		} else if (*len && strchr(".,;:-*\"", (*s)[*len - 1]) &&
			   !(*len >= 2 && (*s)[*len - 1] == '.' && ascii_is_upper((unsigned char)(*s)[*len - 2]) &&
			     (*len == 2 || (*s)[*len - 3] == ' ' || (*s)[*len - 3] == '.'))) {
			(*len)--;
		} else if (*len >= 3 && memcmp(*s + *len - 3, "\xe2\x80\x93", 3) == 0) {
			*len -= 3;	/* en dash */
		} else if (*len >= 3 && memcmp(*s, "\xe2\x80\x93", 3) == 0) {
			*s += 3;
			*len -= 3;
		} else {
			return;
		}
	}
}

/* Offset of a role dash (" - ", en dash, em dash) in s, or len if none. */
static size_t find_dash(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t d = text_dash_len(s, len, i);

		if (d == 3 || (d == 1 && i > 0 && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' '))
			return i;
	}
	return len;
}

/*
 * Reduce one entry to a name and add it.  *plural is true while a
 * "Councillors A, B and C" run lasts: only then is a lone untitled word
 * ("Hussain") taken as a name.
 */
static bool starts_title(const char *s, size_t len);

/*
 * A job said before a name, with no comma or dash between ("CAO T. Hall",
 * "Clerk R. Moe", "Director Mrs D Gray"): its leading role words and
 * acronyms of three or four capitals are dropped when what is left starts
 * with an initial or a title and is a name.  Returns true when any was
 * dropped.
 */
static bool strip_job_words(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	for (;;) {
		size_t w = 0, caps = 0;
		const char *rest;
		size_t rn;

		while (w < n && p[w] != ' ')
			caps += ascii_is_upper((unsigned char)p[w++]);
		if (w == n)
			break;
		if (!word_in(p, w, role_words, sizeof role_words / sizeof *role_words) &&
		    !(caps == w && w >= 3 && w <= 4))
			break;
		rest = p + w;
		rn = n - w;
		text_trim(&rest, &rn);
		if (!memchr(rest, ' ', rn))
			break;
		p = rest;
		n = rn;
		if (starts_title(p, n)) {
			strip_titles(&p, &n);
		} else if (!(ascii_is_upper((unsigned char)p[0]) && (p[1] == ' ' || p[1] == '.'))) {
			continue;	/* the name starts with an initial or a title: "T. Hall", "Mrs D Gray" */
		}
		if (people_is_name(p, n)) {
			*s = p;
			*len = n;
			return true;
		}
		return false;
	}
	return false;
}

/* Jobs a US or Canadian staff list names before a person ("City Manager Lisa Moe"). */
static const char *const job_nouns[] = {
	"manager", "planner", "secretary", "attorney", "engineer", "administrator", "superintendent",
	"clerk", "director", "officer", "treasurer", "auditor", "inspector", "analyst", "technician",
	"specialist", "counsel", "solicitor", "accountant", "librarian", "coordinator", "chief",
	"assistant", "recorder", "controller", "comptroller", "marshal",
};

/*
 * A job of capitalised words before an untitled name, no comma between
 * ("City Manager Lisa Moe", "Planner II Eric Fox", "Recording Secretary Jo
 * Hart"): the two or three words after the last job noun (and a Roman
 * grade after it), when they are a name.  Returns true when it cut.
 */
static bool strip_job_before_name(const char **s, size_t *len)
{
	const char *p = *s, *after = NULL;
	size_t n = *len, i = 0, words_after = 0;

	while (i < n) {
		size_t e = i;

		while (e < n && p[e] != ' ')
			e++;
		if (!ascii_is_upper((unsigned char)p[i]))
			return false;
		if ((word_in(p + i, e - i, job_nouns, sizeof job_nouns / sizeof *job_nouns) &&
		     ascii_is_lower((unsigned char)p[i + 1])) ||	/* not a column's "CLERK" */
		    (after && words_after == 0 && strspn(p + i, "IVX") == e - i)) {
			after = p + e;	/* "Planner II": the grade goes with the job */
			words_after = 0;
		} else if (after) {
			words_after++;
		}
		i = e;
		while (i < n && p[i] == ' ')
			i++;
	}
	if (!after || words_after < 2 || words_after > 3)
		return false;
	n -= (size_t)(after - p);
	p = after;
	text_trim(&p, &n);
	if (!people_is_name(p, n))
		return false;
	*s = p;
	*len = n;
	return true;
}

static int add_entry(const char *s, size_t len, struct strv *names, char **chair, char **mayor,
		     bool *plural)
{
	struct sbuf bare = {0};
	const char *p;
	size_t n, k;
	bool chairs = false, mayors = false, titled;
	int depth = 0, rc = CM_OK;

	text_trim(&s, &len);
	if (!len || len > PEOPLE_ENTRY_MAX)
		return CM_OK;
	{
		/* Ireland: the role, then the name in brackets ("Senior Engineer, Roads (Mr. R. Gallagher)") */
		const char *o = memchr(s, '(', len), *c;

		if (o && (c = memchr(o, ')', len - (size_t)(o - s))) != NULL &&
		    starts_title(o + 1, (size_t)(c - o - 1)) && names_someone(o + 1, (size_t)(c - o - 1))) {
			/* the role may chair: "The Mayor (Councillor Mrs E Pargeter)", "The Chairman (Cllr A
			 * Smith)": read as the name with its role after it */
			size_t rl = (size_t)(o - s);
			bool vice = text_find_ci(s, rl, "vice") < rl || text_find_ci(s, rl, "deputy") < rl;
			const char *role = vice ? NULL
				: text_find_ci(s, rl, "chair") < rl || text_find_ci(s, rl, "cathaoirleach") < rl ? " (Chair)"
				: text_find_ci(s, rl, "mayor") < rl && text_find_ci(s, rl, "mayoress") == rl ? " (Mayor)"
				: NULL;

			if (role) {
				struct sbuf named = {0};
				int r;

				sbuf_add(&named, o + 1, (size_t)(c - o - 1));
				sbuf_adds(&named, role);
				r = sbuf_oom(&named) ? CM_ENOMEM
						     : add_entry(named.buf, named.len, names, chair, mayor, plural);
				sbuf_release(&named);
				return r;
			}
			return add_entry(o + 1, (size_t)(c - o - 1), names, chair, mayor, plural);
		}
	}
	/* read parenthesised roles, keep the rest */
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '(') {
			size_t j = i + 1;

			while (j < len && s[j] != ')')
				j++;
			if (depth == 0) {
				/* "(Chair)", Scotland's "(Convener)", the US "(Presiding)", Ireland's "(Cathaoirleach)" */
				static const char *const chair_words[] = {
					"chair", "convener", "convenor", "presiding", "cathaoirleach", "shire president",
				};
				size_t c = j - i - 1;

				for (size_t w = 0; w < sizeof chair_words / sizeof *chair_words && c == j - i - 1; w++)
					c = text_find_ci(s + i + 1, j - i - 1, chair_words[w]);
				if (c < j - i - 1 && text_find_ci(s + i + 1, j - i - 1, "vice") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "depute") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "deputy") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "leas-") == j - i - 1)
					chairs = true;
				/* "(Mayor)", "(Town Mayor)" chairs a town council, unless someone is "(Chair)" */
				if (text_find_ci(s + i + 1, j - i - 1, "mayor") < j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "deputy") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "vice") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "former") == j - i - 1 &&
				    text_find_ci(s + i + 1, j - i - 1, "mayoress") == j - i - 1)
					mayors = true;
			}
			i = j;
			continue;
		}
		sbuf_addch(&bare, s[i]);
	}
	if (sbuf_oom(&bare)) {
		rc = CM_ENOMEM;
		goto out;
	}
	p = sbuf_str(&bare);
	n = bare.len;
	n = text_find_ci(p, n, "together with") < n ? text_find_ci(p, n, "together with") : n;
	n = text_find_ci(p, n, " were present") < n ? text_find_ci(p, n, " were present") : n;	/* US prose roll */
	trim_punct(&p, &n);
	/* "Co-optees – Stephen Grundy": a group label before the dash */
	k = find_dash(p, n);
	if (k < n) {
		const char *left = p;
		size_t ln = k;

		trim_punct(&left, &ln);
		{
			const char *right = p + k;
			size_t rn = n - k;

			trim_punct(&right, &rn);
			if ((strip_titles(&left, &ln) && ln == 0) ||
			    (!people_is_name(p, k) && rn && starts_title(right, rn))) {
				/* "Co-optees – Stephen Grundy", "Chief Executive Officer – Mr T Hall" */
				p += k;
				n -= k;
			} else {
				/* "Hon. Peter Kamau, MCA  -  Chairperson": the role after the dash may chair */
				if (rn && (text_starts_ci(right, rn, "chair") || text_starts_ci(right, rn, "presiding")))
					chairs = true;
				n = k;
			}
		}
		trim_punct(&p, &n);
	}
	/* a trailing CHAIR / Chairman marks the chair; CLERK, RFO mark officers */
	for (;;) {
		size_t w = n;

		while (w && p[w - 1] != ' ')
			w--;
		if (w == 0 || w == n)
			break;
		if (strncasecmp(p + w, "chair", n - w) == 0 || strncasecmp(p + w, "chairman", n - w) == 0) {
			if (w >= 5 && strncasecmp(p + w - 5, "vice", 4) == 0)
				break;
			chairs = true;
		} else if (!word_in(p + w, n - w, honours, sizeof honours / sizeof *honours)) {
			break;
		}
		n = w;
		trim_punct(&p, &n);
	}
	if (starts_plural(p, n))
		*plural = true;
	if (text_starts_ci(p, n, "chairperson ") || text_starts_ci(p, n, "chairman ") ||
	    text_starts_ci(p, n, "chairwoman ") || text_starts_ci(p, n, "chair "))
		chairs = true;	/* New Zealand's roll: "Chairperson Genevieve Sage" */
	titled = strip_titles(&p, &n);
	trim_punct(&p, &n);
	if (!n)
		goto out;
	if (!titled)
		titled = strip_job_words(&p, &n) || strip_job_before_name(&p, &n);
	if (!titled && !*plural && !memchr(p, ' ', n))
		goto out;	/* "Skills" left over from a role */
	if (!people_is_name(p, n)) {
		/* a title vouches for a surname that is also a role word ("Mrs C Head"), a plural
		 * one for names in capitals after it ("Councillors ALAN BEATTIE, CLAIRE DOIG") */
		if (!(titled || (*plural && text_is_all_caps(p, n))) || n > 40 || memchr(p, ',', n))
			goto out;
		for (size_t i = 0; i < n; i++) {
			if (!(ascii_is_alpha((unsigned char)p[i]) || p[i] == ' ' || p[i] == '-' || p[i] == '\'' ||
			      p[i] == '.' || (unsigned char)p[i] >= 0x80))
				goto out;
			if ((i == 0 || p[i - 1] == ' ') && ascii_is_lower((unsigned char)p[i])) {
				size_t e = i;

				while (e < n && p[e] != ' ')
					e++;
				if (word_in(p + i, e - i, particles, sizeof particles / sizeof *particles))
					continue;
				if (i < 3)
					goto out;
				n = i - 1;	/* "Cr K Black be accepted": the name ends where the sentence goes on */
				break;
			}
		}
	}
	{
		char *name = strndup(p, n);

		if (!name) {
			rc = CM_ENOMEM;
			goto out;
		}
		if (chairs && chair && !*chair) {
			*chair = strdup(name);
			if (!*chair) {
				free(name);
				rc = CM_ENOMEM;
				goto out;
			}
		} else if (mayors && mayor && !*mayor) {
			*mayor = strdup(name);
			if (!*mayor) {
				free(name);
				rc = CM_ENOMEM;
				goto out;
			}
		}
		if (strv_has(names, name))
			free(name);
		else
			rc = strv_take(names, name);
	}
out:
	sbuf_release(&bare);
	return rc;
}

/*
 * Does the line (trimmed) run on into the next one?  Yes after a comma,
 * "and", "&" or an open parenthesis, when the next line starts with '(' or
 * a lowercase letter, or when a long (wrapped) line ends in a lone
 * capitalised word after its last comma ("..., Robin" / "Cahill (...)").
 */
static bool line_runs_on(const char *s, size_t len, const char *next, size_t next_len)
{
	int depth = 0;
	size_t comma = 0, words = 1;

	text_trim(&s, &len);
	text_trim(&next, &next_len);
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
		else if (s[i] == ',')
			comma = i + 1;
	}
	if (depth > 0 || s[len - 1] == ',' || s[len - 1] == '&')
		return true;
	if (len >= 4 && strncasecmp(s + len - 4, " and", 4) == 0)
		return true;
	if (next_len && (next[0] == '(' || ascii_is_lower((unsigned char)next[0])))
		return true;
	{
		/* "..., Board Members" / "Hoffman, Irons, and Lynch": a plural title wants its names */
		const char *last = s + comma;
		size_t ll = len - comma;

		text_trim(&last, &ll);
		if (is_plural_title(last, ll))
			return true;
	}
	if (len < PEOPLE_WRAP_LEN || !comma)
		return false;
	while (comma < len && s[comma] == ' ')
		comma++;
	for (size_t i = comma; i < len; i++)
		if (s[i] == ' ')
			words++;
	return words == 1 && ascii_is_upper((unsigned char)s[comma]);
}

/* Does s start, capitalised, with one of the words of list and a space or ". " ("Mrs ", "Cllr. ")? */
static bool starts_word_of(const char *s, size_t len, const char *const *list, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		size_t n = strlen(list[k]);

		if (len > n + 1 && strncasecmp(s, list[k], n) == 0 && ascii_is_upper((unsigned char)s[0]) &&
		    (s[n] == ' ' || (s[n] == '.' && s[n + 1] == ' ')))
			return true;
	}
	return false;
}

/* Does s start with a title word ("Councillors ", "Mrs ", "Cllr. ")? */
static bool starts_title(const char *s, size_t len)
{
	return starts_word_of(s, len, titles, sizeof titles / sizeof *titles);
}

/*
 * A chair's office set in a column of its own after a name ("Cllr J Smith
 * Chairman", "... Vice-Chairman"): the line's last cell after a gap of
 * three spaces or a tab.  Returns where the name ends and the cell's start
 * in *cell; len when there is no such cell.
 */
static size_t office_column(const char *s, size_t len, size_t *cell)
{
	static const char *const offices[] = {
		"chairman", "chair", "chairperson", "chairwoman", "vice-chairman", "vice-chair", "vice chairman",
		"vice chair", "mayor", "deputy mayor", "convener", "provost",
		/* Western Australia's shires */
		"shire president", "deputy shire president", "presiding member",
	};
	size_t e = len, c = text_last_cell(s, len, 3);

	*cell = len;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (c == 0)
		return len;
	for (size_t k = 0; k < sizeof offices / sizeof *offices; k++)
		if (strlen(offices[k]) == e - c && strncasecmp(s + c, offices[k], e - c) == 0) {
			*cell = c;
			while (c > 0 && (s[c - 1] == ' ' || s[c - 1] == '\t'))
				c--;
			return c;
		}
	return len;
}

/*
 * Whether an entry of a list in p[0..n) ends at i (the list's end, a comma,
 * ";", " and ", " & ", a column gap, a new title after a bracket or after a
 * joined line's reason): the separator's length, 0 when it goes on.  depth
 * counts the brackets open, start is where the entry began.
 */
static size_t entry_cut(const char *p, size_t n, size_t i, int *depth, size_t start)
{
	if (i < n && p[i] == '(')
		++*depth;
	else if (i < n && p[i] == ')' && *depth > 0)
		--*depth;
	if (i == n)
		return 1;
	if (*depth)
		return 0;
	if (p[i] == ',' || p[i] == ';')
		return 1;
	if (i + 5 <= n && strncasecmp(p + i, " and ", 5) == 0)
		return 5;
	if (i + 3 <= n && (memcmp(p + i, " & ", 3) == 0 || memcmp(p + i, "   ", 3) == 0))
		return 3;
	if (i > 0 && p[i - 1] == ')' && p[i] == ' ' && starts_title(p + i + 1, n - i - 1))
		return 1;	/* "Councillor Thackray (Chair) Councillors Riley, ..." on one line */
	if (i > 0 && ascii_is_lower((unsigned char)p[i - 1]) && p[i] == ' ' && starts_title(p + i + 1, n - i - 1) &&
	    find_dash(p + start, i - start) < i - start)
		return 1;	/* "Cllr Hughes – work commitments Cllr Evans – holiday": lines joined */
	return 0;
}

/*
 * A roll of bare surnames ("Smith, Jones, Brown (arrived late)"): three
 * entries or more (as entry_cut splits them), each one capitalised word
 * that is no role, brackets aside.  Such a list vouches for its lone words
 * as a title would.
 */
static bool bare_surnames(const char *p, size_t n)
{
	size_t entries = 0, start = 0;
	int depth = 0;

	for (size_t i = 0; i <= n; i++) {
		size_t cut = entry_cut(p, n, i, &depth, start), words = 0;
		int d = 0;

		if (!cut)
			continue;
		for (size_t j = start; j < i; j++) {
			size_t e = j;

			d += p[j] == '(';
			d -= p[j] == ')' && d;
			if (d || p[j] == ' ' || p[j] == ')' || (j > start && p[j - 1] != ' '))
				continue;
			while (e < i && ascii_is_alpha((unsigned char)p[e]))
				e++;
			if (++words > 1 || !ascii_is_upper((unsigned char)p[j]) || e - j < 2 ||
			    word_in(p + j, e - j, role_words, sizeof role_words / sizeof *role_words))
				return false;
		}
		entries += words == 1;
		i += cut - 1;
		start = i + 1;
	}
	return entries >= 3;
}

/* A presiding office alone after its holder's name ("Ruth A. Sommers, President"); not "Vice President". */
static bool presides_alone(const char *s, size_t len)
{
	static const char *const offices[] = { "president", "chair", "chairman", "chairperson", "chairwoman", "presiding" };

	text_trim(&s, &len);
	for (size_t k = 0; k < sizeof offices / sizeof *offices; k++)
		if (len == strlen(offices[k]) && strncasecmp(s, offices[k], len) == 0)
			return true;
	return false;
}

/*
 * An office named alone before its holder's name in a list (Australia:
 * "PRESENT: The Mayor, Councillor M Costigan, Councillors ..."): the mark
 * the name gets, " (Mayor)" or " (Chair)", or NULL.
 */
static const char *office_alone(const char *s, size_t len)
{
	static const struct {
		const char *office, *mark;
	} offices[] = {
		{ "the mayor", " (Mayor)" }, { "his worship the mayor", " (Mayor)" }, { "her worship the mayor", " (Mayor)" },
		{ "the lord mayor", " (Mayor)" }, { "the chair", " (Chair)" }, { "the chairperson", " (Chair)" },
		{ "the chairman", " (Chair)" }, { "the shire president", " (Chair)" }, { "the presiding member", " (Chair)" },
	};

	text_trim(&s, &len);
	for (size_t k = 0; k < sizeof offices / sizeof *offices; k++)
		if (len == strlen(offices[k].office) && strncasecmp(s, offices[k].office, len) == 0)
			return offices[k].mark;
	return NULL;
}

/* Does s start with a person's honorific ("Hon.", "Mr", "Cllr"), not an office ("Board Member")? */
static bool starts_honorific(const char *s, size_t len)
{
	static const char *const honorifics[] = {
		"hon", "honourable", "hon'ble", "mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "cr", "rev", "prof",
		"sir", "dame", "shri", "smt", "sri",
	};

	return starts_word_of(s, len, honorifics, sizeof honorifics / sizeof *honorifics);
}

bool people_is_roll_entry(const char *s, size_t len)
{
	size_t k, comma;

	text_trim(&s, &len);
	k = find_dash(s, len);
	if (k < len) {
		/* "-  Chairperson", "– Member": the role after the dash, words of a role only */
		const char *r = s + k;
		size_t rn = len - k;

		trim_punct(&r, &rn);
		for (size_t i = 0, words = 0; i < rn; words++) {
			size_t e = i;

			while (e < rn && r[e] != ' ')
				e++;
			if (words >= 5 || !(ascii_is_upper((unsigned char)r[i]) ||
					    word_in(r + i, e - i, particles, sizeof particles / sizeof *particles) ||
					    (e - i <= 3 && ascii_is_lower((unsigned char)r[i]))))
				return false;	/* an office's capitalised words ("Fiscal Analyst"), not "12 High Street" */
			while (e < rn && r[e] == ' ')
				e++;
			i = e;
		}
		len = k;
	}
	for (comma = 0; comma < len && s[comma] != ','; comma++)
		;
	if (comma < len) {
		/* "Hon. Peter Kamau, MCA", "Shri S. Prakash, IAS, Commissioner": honours and an
		 * office after the comma, capitalised words */
		for (size_t i = comma + 1, words = 0; i < len; words++) {
			size_t e;

			while (i < len && (s[i] == ' ' || s[i] == ','))
				i++;
			for (e = i; e < len && s[e] != ' ' && s[e] != ','; e++)
				;
			if (e == i)
				break;
			if (words >= 5 || !(ascii_is_upper((unsigned char)s[i]) ||
					    word_in(s + i, e - i, particles, sizeof particles / sizeof *particles) ||
					    (e - i <= 3 && ascii_is_lower((unsigned char)s[i]))))
				return false;
			i = e;
		}
		len = comma;
	}
	trim_punct(&s, &len);
	return starts_honorific(s, len) && names_someone(s, len);
}

int people_parse_list(const char *s, size_t len, struct strv *names, char **chair)
{
	struct sbuf flat = {0}, clean = {0};
	const char *p;
	size_t n, start = 0;
	int depth = 0, rc = CM_OK;
	bool plural = false, bare;
	char *mayor = NULL;
	const char *pending_role = NULL;	/* an office alone before the name it belongs to */
	bool just_named = false;	/* the entry before added a name */

	text_strip_markup(s, len, &clean);
	p = sbuf_str(&clean);
	n = clean.len;
	/* lines: a wrapped line joins the next with a space, others end an entry */
	for (size_t i = 0; i < n;) {
		size_t e = i;

		size_t ne;

		while (e < n && p[e] != '\n')
			e++;
		ne = e + 1 < n ? e + 1 : n;
		while (ne < n && p[ne] != '\n')
			ne++;
		{
			size_t cell, name_end = office_column(p + i, e - i, &cell);

			sbuf_add(&flat, p + i, name_end);
			if (name_end < e - i) {
				/* "Cllr J Smith          Chairman": as "(Chairman)" after the name */
				sbuf_adds(&flat, " (");
				sbuf_add(&flat, p + i + cell, e - i - cell);
				sbuf_addch(&flat, ')');
			}
		}
		sbuf_addch(&flat, e + 1 < n && line_runs_on(p + i, e - i, p + e + 1, ne - e - 1) ? ' ' : ';');
		i = e + 1;
	}
	if (sbuf_oom(&flat) || sbuf_oom(&clean)) {
		rc = CM_ENOMEM;
		goto out;
	}
	p = sbuf_str(&flat);
	n = flat.len;
	bare = bare_surnames(p, n);
	for (size_t i = 0; i <= n && rc == CM_OK; i++) {
		size_t cut = entry_cut(p, n, i, &depth, start);
		const char *role;
		size_t had = names->n;
		bool after_name = just_named;

		if (!cut)
			continue;
		if (bare)
			plural = true;
		just_named = false;
		if (pending_role) {
			/* "The Mayor, Councillor M Costigan": as "Councillor M Costigan (Mayor)" */
			struct sbuf named = {0};

			sbuf_add(&named, p + start, i - start);
			sbuf_adds(&named, pending_role);
			rc = sbuf_oom(&named) ? CM_ENOMEM
					      : add_entry(named.buf, named.len, names, chair, chair ? &mayor : NULL, &plural);
			sbuf_release(&named);
			pending_role = NULL;
		} else if ((role = office_alone(p + start, i - start)) != NULL && i < n && p[i] == ',') {
			pending_role = role;
		} else if (chair && !*chair && after_name && presides_alone(p + start, i - start)) {
			/* Ohio's journals: "Ruth A. Sommers, President; ...": the name before presided */
			if (!(*chair = strdup(names->v[names->n - 1])))
				rc = CM_ENOMEM;
		} else {
			rc = add_entry(p + start, i - start, names, chair, chair ? &mayor : NULL, &plural);
			just_named = names->n > had;
		}
		if (i == n || p[i] == ';')
			plural = false;	/* a line end ends "Councillors A, B and C" */
		i += cut - 1;
		start = i + 1;
	}
	if (rc == CM_OK && chair && !*chair && mayor) {
		*chair = mayor;
		mayor = NULL;
	}
out:
	free(mayor);
	sbuf_release(&flat);
	sbuf_release(&clean);
	return rc;
}

int people_parse_apologies(const char *s, size_t len, struct strv *names)
{
	static const char *const leads[] = {
		"received from", "on behalf of", "submitted by", "apologies from",
		"apology from", "apologies for absence:", "apologies:", "apologies -", "accepted from",
	};
	/* the names before what they did: "Cllrs Hughes and Evans had sent apologies" */
	static const char *const verbs[] = {
		" had sent ", " sent ", " have sent ", " gave ", " had given ", " tendered ", " offered ",
		" sends ", " send ",
	};
	size_t best = len, skip = 0, end;

	text_trim(&s, &len);
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t at = text_find_ci(s, len, verbs[k]);

		if (at < len && text_find_ci(s + at, len - at < 40 ? len - at : 40, "apolog") <
					(len - at < 40 ? len - at : 40) &&
		    text_find_ci(s, at, "from") == at) {
			len = at;
			break;
		}
	}
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++) {
		size_t at = text_find_ci(s, len, leads[k]);

		if (at < best) {
			best = at;
			skip = strlen(leads[k]);
		}
	}
	if (best < len) {
		s += best + skip;
		len -= best + skip;
	}
	/* the first sentence: ". " after a lowercase letter or ')' ends it */
	for (end = 0; end + 1 < len; end++) {
		size_t w = end;

		while (w > 0 && ascii_is_alpha((unsigned char)s[w - 1]))
			w--;
		if (s[end] == '.' && (s[end + 1] == ' ' || s[end + 1] == '\n') && end > 0 &&
		    (ascii_is_lower((unsigned char)s[end - 1]) || s[end - 1] == ')') &&
		    !word_in(s + w, end - w, titles, sizeof titles / sizeof *titles))
			break;	/* not a title's full stop: "Hon. Samuel Mutua", "Mrs. Lee" */
		if (s[end] == '\n' && s[end + 1] == '\n')
			break;
	}
	if (end + 1 >= len)
		end = len;
	text_trim(&s, &end);
	if (!end || text_find_ci(s, end, "none") < end || text_find_ci(s, end, "no apologies") < end)
		return CM_OK;
	return people_parse_list(s, end, names, NULL);
}
