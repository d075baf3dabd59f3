/*
 * test_textq.c - text-layer scores: broken layers flagged, clean minutes not
 *
 * The broken excerpts are shaped like what pdftotext gives for real broken
 * fonts: a shifted encoding (subset fonts whose codes are glyph ids), runs of
 * U+FFFD and private-use code points, "(cid:N)" for unmapped CID glyphs,
 * symbols only, and a tab after every word.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "textq.h"
#include "textq_test.h"

static const char clean[] =
	"MINUTES of the meeting of the Parish Council held in the Village Hall on Thursday\n"
	"23rd May 2024 at 7.30pm.\n"
	"Present: Cllr J Smith (Chairman), Cllr A Brown, Cllr P Jones and the Clerk.\n"
	"1. Apologies for absence were received from Cllr Green.\n"
	"2. Declarations of interest: none.\n"
	"3. The minutes of the previous meeting were agreed as a correct record and signed.\n"
	"4. Planning application 24/00123/F: the Council resolved to raise no objection.\n";

/* Caesar shift by 3 of clean text, as a font with offset codes gives it. */
static const char caesar[] =
	"PLQXWHV ri wkh phhwlqj ri wkh Sdulvk Frxqflo khog lq wkh Yloodjh Kdoo rq Wkxuvgdb\n"
	"23ug Pdb 2024 dw 7.30sp.\n"
	"Suhvhqw: Foou M Vplwk (Fkdlupdq), Foou D Eurzq, Foou S Mrqhv dqg wkh Fohun.\n"
	"1. Dsrorjlhv iru devhqfh zhuh uhfhlyhg iurp Foou Juhhq.\n"
	"4. Sodqqlqj dssolfdwlrq: wkh Frxqflo uhvroyhg wr udlvh qr remhfwlrq.\n";

/* Shift by -29: lower case comes out as upper case, upper case as digits and
 * punctuation ("7KH &RXQFLO" for "The Council"), common in real broken PDFs. */
static const char shift29[] =
	"0,187(6 RI WKH PHHWLQJ RI WKH 3DULVK &RXQFLO KHOG LQ WKH 9LOODJH +DOO\n"
	"3UHVHQW &OOU - 6PLWK &KDLUPDQ &OOU $ %URZQ DQG WKH &OHUN\n"
	"7KH &RXQFLO UHVROYHG WR UDLVH QR REMHFWLRQ WR WKH DSSOLFDWLRQ\n";

static const char cids[] =
	"(cid:3)(cid:68)(cid:81)(cid:71)(cid:3)(cid:87)(cid:75)(cid:72)(cid:3)(cid:38)(cid:82)"
	"(cid:88)(cid:81)(cid:70)(cid:76)(cid:79)(cid:3)(cid:85)(cid:72)(cid:86)(cid:82)(cid:79)"
	"(cid:89)(cid:72)(cid:71)(cid:3)(cid:87)(cid:82)(cid:3)(cid:68)(cid:83)(cid:83)(cid:85)"
	"(cid:82)(cid:89)(cid:72)(cid:3)(cid:87)(cid:75)(cid:72)(cid:3)(cid:69)(cid:88)(cid:71)\n";

static const char symbols[] =
	"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ !\"#$ %&'() *+,-. /:;<= >?@[ \\]^_ `{|}~\n"
	"#$%& '()* +,-. /:;< =>?@ [\\]^ _`{| }~!\" #$%& '()*\n";

static const char tabbed[] =
	"MINUTES\tof\tthe\tmeeting\tof\tthe\tParish\tCouncil\theld\tin\tthe\tVillage\tHall\n"
	"Present:\tCllr\tJ\tSmith\t(Chairman),\tCllr\tA\tBrown\tand\tthe\tClerk.\t\n"
	"The\tCouncil\tresolved\tto\traise\tno\tobjection\tto\tthe\tapplication.\t\n";

/* What every measurement must hold. */
static void assert_sane_textq(const struct textq *q)
{
	assert_true(q->letters + q->digits + q->bad <= q->chars);
	assert_true(q->ascii_letters <= q->letters);
	assert_true(q->vowels <= q->ascii_letters);
	assert_true(q->known <= q->words);
	assert_true(q->tabbed <= q->words);
	assert_true(q->words * 2 <= q->letters);
}

static enum textq_verdict judge(const char *s)
{
	struct textq q;

	textq_measure(s, strlen(s), &q);
	assert_sane_textq(&q);
	return textq_judge(&q);
}

static void test_textq_clean_minutes_ok(void **state)
{
	struct textq q;

	(void)state;
	textq_measure(clean, strlen(clean), &q);
	assert_int_equal(textq_judge(&q), TEXTQ_OK);
	assert_int_equal(q.bad, 0);
	assert_true(q.known * 100 >= q.words * 30);
	assert_true(q.vowels * 100 >= q.ascii_letters * 30);
	assert_int_equal(q.tabbed, 0);
}

static void test_textq_welsh_minutes_ok(void **state)
{
	static const char cy[] =
		"Cofnodion cyfarfod Cyngor Cymuned Manordeilo a Salem a gynhaliwyd yn Neuadd\n"
		"Bentref Llandeilo nos Fercher 11 Hydref 2017. Yn bresennol: Cyng. Davies (Cadeirydd),\n"
		"Cyng. Jones, Cyng. Evans a'r Clerc. Ymddiheuriadau: Cyng. Thomas. Datganiadau o\n"
		"fuddiant: dim. Penderfynwyd cymeradwyo cofnodion y cyfarfod diwethaf.\n";

	(void)state;
	assert_int_equal(judge(cy), TEXTQ_OK);
}

/* A page of figures: digits are text too. */
static void test_textq_table_of_figures_ok(void **state)
{
	static const char acc[] =
		"Receipts 2023/24 Precept 12,500.00 Grants 1,250.00 Interest 45.12\n"
		"Payments Clerk's salary 4,200.00 Hall hire 360.00 Insurance 512.40\n"
		"Balance at 31.03.2024 8,722.72 Reserves 5,000.00 VAT reclaimed 210.00\n";

	(void)state;
	assert_int_equal(judge(acc), TEXTQ_OK);
}

static void test_textq_caesar_shift_gibberish(void **state)
{
	struct textq q;

	(void)state;
	textq_measure(caesar, strlen(caesar), &q);
	assert_int_equal(textq_judge(&q), TEXTQ_GIBBERISH);
	assert_true(q.known * 100 < q.words * 5);
	assert_true(q.vowels * 100 < q.ascii_letters * 28);
	assert_int_equal(judge("Wkh Frxqflo uhvroyhg wr dssuryh wkh exgjhw dqg wkh dffrxqwv iru wkh bhdu "
			       "dv suhvhqwhg eb wkh Fohun dqg wr uhylhz wkhp dw wkh qhaw phhwlqj"),
			 TEXTQ_GIBBERISH);
}

static void test_textq_shift29_gibberish(void **state)
{
	(void)state;
	assert_int_equal(judge(shift29), TEXTQ_GIBBERISH);
}

static void test_textq_replacement_chars_gibberish(void **state)
{
	struct textq q;
	char s[400] = "";

	(void)state;
	/* words of U+FFFD around a date that did map: "\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD 2024 ..." */
	for (unsigned i = 0; i < 60; i++)
		strcat(s, i == 30 ? " 2024 " : i % 5 == 4 ? "\xEF\xBF\xBD " : "\xEF\xBF\xBD");
	textq_measure(s, strlen(s), &q);
	assert_int_equal(q.digits, 4);
	assert_int_equal(q.bad, 59);
	assert_int_equal(q.chars, 63);
	assert_int_equal(textq_judge(&q), TEXTQ_GIBBERISH);
}

static void test_textq_private_use_gibberish(void **state)
{
	char s[400];
	size_t n = 0;

	(void)state;
	/* a Symbol-font text layer: every glyph in U+F020..U+F07E */
	for (unsigned i = 0; i < 60; i++) {
		unsigned cp = 0xF041 + i % 26;

		s[n++] = (char)(0xE0 | cp >> 12);
		s[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[n++] = (char)(0x80 | (cp & 0x3F));
		if (i % 6 == 5)
			s[n++] = ' ';
	}
	s[n] = '\0';
	assert_int_equal(judge(s), TEXTQ_GIBBERISH);
}

/* A few lost ligatures in real text stay ok (Souldern: "Mee\uFFFDng"). */
static void test_textq_few_replacement_chars_ok(void **state)
{
	static const char lig[] =
		"Annual Parish Mee\xEF\xBF\xBDng 20th May 2025 7.00 pm in the Chapel AGENDA\n"
		"1. Welcome and apologies 2. Minutes of the Annual Parish mee\xEF\xBF\xBDng 23rd May 2024\n"
		"3. Ma\xEF\xBF\xBD" "tters arising 4. Chairman's Report 5. Financial Report 6. Reports from\n"
		"the Village Hall, the Playing Field and the Church 7. Questions from residents\n";

	(void)state;
	assert_int_equal(judge(lig), TEXTQ_OK);
}

static void test_textq_cid_sequences_gibberish(void **state)
{
	struct textq q;

	(void)state;
	textq_measure(cids, strlen(cids), &q);
	assert_int_equal(q.chars, 44);     /* each "(cid:N)" is one glyph */
	assert_int_equal(q.bad, 44);
	assert_int_equal(q.words, 0);
	assert_int_equal(textq_judge(&q), TEXTQ_GIBBERISH);
}

static void test_textq_symbols_only_gibberish(void **state)
{
	struct textq q;

	(void)state;
	textq_measure(symbols, strlen(symbols), &q);
	assert_int_equal(q.letters + q.digits, 0);
	assert_int_equal(textq_judge(&q), TEXTQ_GIBBERISH);
}

static void test_textq_tab_per_word(void **state)
{
	struct textq q;
	char s[sizeof tabbed];

	(void)state;
	textq_measure(tabbed, strlen(tabbed), &q);
	assert_int_equal(textq_judge(&q), TEXTQ_TABBED);
	assert_true(q.tabbed * 10 >= q.words * 9);
	memcpy(s, tabbed, sizeof s);
	assert_int_equal(textq_untab(s, strlen(s)), 33);
	assert_null(strchr(s, '\t'));
	assert_non_null(strstr(s, "The Council resolved to raise"));
	assert_int_equal(judge(s), TEXTQ_OK);
}

/* Tab stops in a table (a few per page) are layout, not the tab problem. */
static void test_textq_table_tabs_ok(void **state)
{
	char s[2048];

	(void)state;
	snprintf(s, sizeof s, "%sItem\tOwner\tDue\nHedges\tClerk\tJune\n", clean);
	assert_int_equal(judge(s), TEXTQ_OK);
}

/* Too little to judge: a heading, a page number. */
static void test_textq_short_text_ok(void **state)
{
	(void)state;
	assert_int_equal(judge(""), TEXTQ_OK);
	assert_int_equal(judge("Wkh Frxqflo"), TEXTQ_OK);
	assert_int_equal(judge("\xEF\xBF\xBD\xEF\xBF\xBD"), TEXTQ_OK);
	assert_int_equal(judge("- 3 -"), TEXTQ_OK);
}

/* Invalid UTF-8 bytes count as bad glyphs and never read past the end. */
static void test_textq_invalid_utf8(void **state)
{
	struct textq q;
	static const char bad[] = "abc \xC3 \xE2\x82 \xF0\x9F\x98";

	(void)state;
	textq_measure(bad, strlen(bad), &q);
	assert_int_equal(q.letters, 3);
	assert_true(q.bad >= 3);
	textq_measure(bad, 5, &q);     /* cut inside a sequence */
	assert_int_equal(q.chars, 4);
}

/* Random bytes biased towards tabs, "(cid:" and UTF-8 lead bytes: the
 * invariants hold and nothing is read past the end (run under ASan). */
static void test_textq_random_bytes(void **state)
{
	unsigned seed = 12345;

	(void)state;
	for (unsigned r = 0; r < 20000; r++) {
		char buf[64];
		size_t n;
		struct textq q;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof buf;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			switch ((seed >> 16) % 6) {
			case 0: buf[i] = '\t'; break;
			case 1: buf[i] = (char)(0x80 | (seed >> 8 & 0x3F)); break;
			case 2: buf[i] = (char)(0xE0 | (seed >> 8 & 0x0F)); break;
			case 3:
				if (i + 6 < n) {
					memcpy(buf + i, "(cid:7", 6);
					i += 5;
					break;
				}
				/* fall through */
			default: buf[i] = (char)(seed >> 8); break;
			}
		}
		textq_measure(buf, n, &q);
		assert_sane_textq(&q);
		(void)textq_judge(&q);
		textq_untab(buf, n);
		assert_null(memchr(buf, '\t', n));
	}
}

static void test_textq_known_words(void **state)
{
	(void)state;
	assert_true(textq_is_known_word("the", 3));
	assert_true(textq_is_known_word("Council", 7));
	assert_true(textq_is_known_word("RESOLVED", 8));
	assert_true(textq_is_known_word("cyngor", 6));
	assert_false(textq_is_known_word("Frxqflo", 7));
	assert_false(textq_is_known_word("a", 1));
	assert_false(textq_is_known_word("the1", 4));
	assert_false(textq_is_known_word("", 0));
	assert_string_equal(textq_verdict_str(TEXTQ_GIBBERISH), "gibberish text layer");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textq_clean_minutes_ok),
		cmocka_unit_test(test_textq_welsh_minutes_ok),
		cmocka_unit_test(test_textq_table_of_figures_ok),
		cmocka_unit_test(test_textq_caesar_shift_gibberish),
		cmocka_unit_test(test_textq_shift29_gibberish),
		cmocka_unit_test(test_textq_replacement_chars_gibberish),
		cmocka_unit_test(test_textq_private_use_gibberish),
		cmocka_unit_test(test_textq_few_replacement_chars_ok),
		cmocka_unit_test(test_textq_cid_sequences_gibberish),
		cmocka_unit_test(test_textq_symbols_only_gibberish),
		cmocka_unit_test(test_textq_tab_per_word),
		cmocka_unit_test(test_textq_table_tabs_ok),
		cmocka_unit_test(test_textq_short_text_ok),
		cmocka_unit_test(test_textq_invalid_utf8),
		cmocka_unit_test(test_textq_random_bytes),
		cmocka_unit_test(test_textq_known_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
