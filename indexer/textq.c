/*
 * textq.c - scores for a page of extracted text: letters, bad glyphs, words, tabs
 *
 * See textq.h.  One pass over the UTF-8 counts characters by class and splits
 * letter runs into words; each word of two or more ASCII letters is looked up
 * in a sorted list of common English and Welsh words (bsearch).  The
 * thresholds below were measured on the pdftotext output of the 118 real
 * PDFs of ../shared/realcorpus and ../shared/realcorpus2, page by page, and
 * on broken layers made for the tests (docs/ARCHITECTURE.md).
 */
#include "textq.h"
#include "textq_test.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	/* Below this many characters a page says too little to judge (a page
	 * number, a heading): ext_pdf's "no text layer" rule deals with it. */
	TEXTQ_MIN_CHARS = 40,
	/* The figures below are per page over the 118 real PDFs of
	 * ../shared/realcorpus{,2}: 637 pages, 587 with 40+ characters, none
	 * flagged.  Bad glyphs (U+FFFD, private use, controls, "(cid:N)") above
	 * 10% of the characters: clean pages have at most 1.9% (a Souldern
	 * agenda whose "ti" ligature comes out as U+FFFD; private-use bullets
	 * are under 1%); an unmapped font is 50-100%. */
	TEXTQ_MAX_BAD_PERMILLE = 100,
	/* Letters and digits below half the characters: symbols, not text.
	 * Clean pages have at least 61% (a short page of signatures and rules). */
	TEXTQ_MIN_ALNUM_PERCENT = 50,
	/* The word tests need this many words of two or more letters: with
	 * fewer, one word moves a share by 9 points or more (a heading, a list
	 * of names). */
	TEXTQ_MIN_WORDS = 12,
	/* Known words below 5% with vowels below 28% of ASCII letters: a shifted
	 * encoding.  Clean pages with 12+ words have at least 12% known words
	 * (a Kent page of names) and 31% vowels; Caesar-shifted English has
	 * about 0% known and 16% vowels (a, e, i, o, u, y come from x, b, f, l,
	 * r, v), Welsh minutes 22% known and 42% vowels. */
	TEXTQ_MIN_KNOWN_PERCENT = 5,
	TEXTQ_MIN_VOWEL_PERCENT = 28,
	/* No known word at all among this many: gibberish whatever its vowels
	 * (a scrambled encoding can keep them); clean pages with 60+ words have
	 * at least 13% known. */
	TEXTQ_UNKNOWN_ONLY_WORDS = 60,
	/* A tab after 60% of the words or more: a producer that writes tabs for
	 * spaces.  Clean pages have at most 1% (tab stops in a table). */
	TEXTQ_MIN_TABBED_PERCENT = 60,
	TEXTQ_MAX_WORD = 24         /* longer letter runs are not looked up */
};

/* Common words of English (and Welsh: bilingual councils) minutes, sorted. */
static const char *const textq_words[] = {
	"about", "absent", "abstain", "abstained", "ac", "accounts", "action", "actions", "adjourned",
	"adjournment", "after", "agenda", "agreed", "all", "also", "am", "an", "and", "annual", "any",
	"apologies", "application", "applications", "approval", "approved", "april", "ar", "are",
	"area", "areas", "arising", "as", "asked", "at", "august", "aye", "ayes", "back", "be",
	"because", "been", "before", "board", "bod", "borough", "budget", "business", "but", "by",
	"bydd", "cabinet", "cadeirydd", "calendar", "call", "can", "carried", "chair", "chairman",
	"chairperson", "chief", "children", "city", "clerc", "clerk", "cllr", "closed", "cofnodion",
	"commission", "commissioner", "commissioners", "committee", "community", "concern",
	"concerns", "confirmed", "consent", "consider", "considered", "correct", "cost", "costs",
	"could", "council", "councillor", "councillors", "county", "cyfarfod", "cymuned", "cyngor",
	"date", "day", "days", "december", "decision", "decisions", "declarations", "development",
	"director", "discussed", "discussion", "district", "do", "dros", "each", "ei", "eitem", "er",
	"eu", "even", "executive", "february", "finance", "financial", "first", "fod", "following",
	"for", "friday", "from", "fund", "funding", "funds", "gan", "good", "government", "grant",
	"grants", "group", "groups", "gyda", "hall", "has", "have", "he", "hearing", "hefyd", "held",
	"her", "highways", "his", "housing", "how", "hyn", "hynny", "if", "in", "information",
	"interest", "interests", "into", "invoice", "is", "issue", "issues", "it", "item", "items",
	"its", "january", "july", "june", "just", "last", "like", "local", "made", "mae", "man",
	"manager", "many", "march", "matters", "may", "mayor", "me", "meet", "meeting", "member",
	"members", "minutes", "monday", "month", "months", "more", "most", "motion", "much", "must",
	"mwyn", "my", "na", "nay", "nays", "neu", "new", "next", "ni", "no", "not", "note", "noted",
	"notes", "november", "now", "october", "oedd", "of", "officer", "officers", "on", "one",
	"only", "open", "or", "order", "orders", "ordinance", "other", "our", "out", "over", "panel",
	"parish", "pay", "payment", "payments", "people", "plan", "planning", "plans", "pm", "police",
	"policy", "present", "presentation", "presented", "previous", "project", "projects",
	"proposed", "provided", "public", "questions", "receive", "received", "recommend",
	"recommendation", "recommendations", "recommended", "record", "regular", "report", "reported",
	"reports", "request", "requested", "resident", "residents", "resolution", "resolved",
	"review", "road", "roads", "roedd", "roll", "safety", "said", "saturday", "school", "schools",
	"scrutiny", "seconded", "september", "service", "services", "session", "she", "should",
	"signed", "site", "sites", "so", "some", "special", "staff", "street", "such", "sunday",
	"support", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
	"those", "through", "thursday", "time", "to", "too", "town", "tuesday", "two", "unanimously",
	"under", "up", "update", "updates", "very", "vice", "village", "vote", "voted", "votes",
	"was", "way", "we", "wedi", "wednesday", "week", "well", "were", "when", "where", "which",
	"who", "will", "with", "work", "works", "would", "year", "years", "ymddiheuriadau", "yn",
	"you", "your", "yr"
};

static int textq_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool textq_is_known_word(const char *w, size_t len)
{
	char low[TEXTQ_MAX_WORD + 1];

	if (len < 2 || len > TEXTQ_MAX_WORD)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return false;
		low[i] = (char)c;
	}
	low[len] = '\0';
	return bsearch(low, textq_words, sizeof textq_words / sizeof textq_words[0],
		       sizeof textq_words[0], textq_cmp) != NULL;
}

/* Decode the code point at s (n > 0 bytes left) into *cp and return its
 * length; a bad byte is 1 byte of U+FFFD. */
static size_t textq_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t need, i;
	uint32_t c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		c &= 0x07;
	} else {
		goto bad;
	}
	if (need > n)
		goto bad;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3F);
	}
	*cp = c;
	return need;
bad:
	*cp = 0xFFFD;
	return 1;
}

static bool textq_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	       c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

/* Glyphs a font failed to map: replacement, private use, controls. */
static bool textq_is_bad(uint32_t c)
{
	return c == 0xFFFD || c == 0xFFFC || c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
	       (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
}

/* Letters: ASCII ones, and non-ASCII code points from the Latin-1 letters on
 * that are not in the punctuation and symbol blocks (script-neutral, rough). */
static bool textq_is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF)      /* punctuation, symbols, arrows, box drawing */
		return false;
	return !textq_is_bad(c);
}

/* Length of "(cid:N)" at s, 0 when there is none (pdftotext of some CID
 * fonts without a ToUnicode map, pdfminer-made text). */
static size_t textq_cid(const char *s, size_t n)
{
	size_t i = 5;

	if (n < 7 || memcmp(s, "(cid:", 5) != 0)
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 5 && i < n && s[i] == ')' ? i + 1 : 0;
}

void textq_measure(const char *s, size_t len, struct textq *q)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, wlen = 0, wascii = 0, wstart = 0;
	bool in_word = false, pending = false;

	memset(q, 0, sizeof *q);
	for (;;) {
		uint32_t c = 0;
		size_t n = 0, cid = 0;

		if (i < len) {
			cid = textq_cid(s + i, len - i);
			n = cid ? cid : textq_utf8(u + i, len - i, &c);
		}
		if (in_word && (i >= len || cid || !textq_is_letter(c))) {
			if (wlen >= 2) {
				q->words++;
				if (wascii == wlen && textq_is_known_word(s + wstart, i - wstart))
					q->known++;
				pending = true;     /* until the next word or line: is a tab next? */
			}
			in_word = false;
		}
		if (i >= len)
			break;
		if (cid) {
			q->chars++;
			q->bad++;
		} else if (textq_is_space(c)) {
			if (c == '\t' && pending)
				q->tabbed++;
			if (c == '\t' || c == '\n' || c == '\f')
				pending = false;
		} else {
			q->chars++;
			if (textq_is_letter(c)) {
				q->letters++;
				if (!in_word) {
					in_word = true;
					pending = false;
					wstart = i;
					wlen = wascii = 0;
				}
				wlen++;
				if (c < 0x80) {
					wascii++;
					q->ascii_letters++;
					q->vowels += strchr("aeiouyAEIOUY", (int)c) != NULL;
				}
			} else if (textq_is_bad(c)) {
				q->bad++;
			} else if (c >= '0' && c <= '9') {
				q->digits++;
			}
		}
		i += n;
	}
}

enum textq_verdict textq_judge(const struct textq *q)
{
	if (q->chars < TEXTQ_MIN_CHARS)
		return TEXTQ_OK;
	if (q->bad * 1000 > q->chars * TEXTQ_MAX_BAD_PERMILLE)
		return TEXTQ_GIBBERISH;
	if ((q->letters + q->digits) * 100 < q->chars * TEXTQ_MIN_ALNUM_PERCENT)
		return TEXTQ_GIBBERISH;
	if (q->words >= TEXTQ_MIN_WORDS) {
		if (q->known * 100 < q->words * TEXTQ_MIN_KNOWN_PERCENT &&
		    q->vowels * 100 < q->ascii_letters * TEXTQ_MIN_VOWEL_PERCENT)
			return TEXTQ_GIBBERISH;
		if (q->known == 0 && q->words >= TEXTQ_UNKNOWN_ONLY_WORDS)
			return TEXTQ_GIBBERISH;
		if (q->tabbed * 100 >= q->words * TEXTQ_MIN_TABBED_PERCENT)
			return TEXTQ_TABBED;
	}
	return TEXTQ_OK;
}

const char *textq_verdict_str(enum textq_verdict v)
{
	switch (v) {
	case TEXTQ_OK: return "ok";
	case TEXTQ_GIBBERISH: return "gibberish text layer";
	case TEXTQ_TABBED: return "tab after every word";
	}
	return "?";
}

size_t textq_untab(char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\t') {
			s[i] = ' ';
			n++;
		}
	}
	return n;
}
