/*
 * test_field.c - the minutes parser: layouts, false-item rules, header
 * fields, junk input, and every seed document in ../shared/seeds
 *
 * Inline texts are invented in the style of each council's layout; the
 * seeds are read from ../shared/seeds (relative to the repository root,
 * where tests/run starts us) and the test skips when they are absent.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "text.h"

static const char *const seeds_dir = "../shared/seeds";

/* Parse s (a C string) with optional path/council; fails the test on error. */
static void parse(struct field_meeting *m, const char *s, const char *path, const char *council)
{
	struct field_opts o = { council, path };
	struct cm_err err = {0};

	assert_int_equal(field_parse(s, strlen(s), &o, m, &err), CM_OK);
	assert_non_null(m->front);
}

/* Every invariant a parsed meeting keeps, whatever the input. */
static void assert_sane_meeting(const struct field_meeting *m)
{
	assert_non_null(m->front);
	assert_true(text_utf8_is_valid(m->front, strlen(m->front)));
	assert_true(m->date == 0 || (m->date > 19000000 && m->date < 21000000));
	if (m->time)
		assert_int_equal(strlen(m->time), 5);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct field_item *it = &m->items[i];

		assert_non_null(it->number);
		assert_non_null(it->title);
		assert_non_null(it->body);
		assert_null(strchr(it->title, '\n'));
		assert_true(text_utf8_is_valid(it->title, strlen(it->title)));
		assert_true(text_utf8_is_valid(it->body, strlen(it->body)));
		for (size_t r = 0; r < it->resolutions.n; r++)
			assert_true(text_utf8_is_valid(it->resolutions.v[r], strlen(it->resolutions.v[r])));
	}
}

/* "26/19,27/19" style comparison of the item numbers. */
static void assert_items(const struct field_meeting *m, const char *want)
{
	char got[4096] = "";
	size_t used = 0;

	for (size_t i = 0; i < m->n_items && used + 32 < sizeof got; i++)
		used += (size_t)snprintf(got + used, sizeof got - used, "%s%s", i ? "," : "",
					 m->items[i].number);
	assert_string_equal(got, want);
}

static void test_field_derby_markdown_layout(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m,
	      "## **Highways Scrutiny Review Board 3 March 2020**\n\n"
	      "Present: Councillor Ashby (Chair)\nCouncillors Brand, Cole and Dunn\n\n"
	      "In Attendance: Jo Evans, Head of Service - Roads\n\n"
	      "### **40/19 Apologies for Absence**\n\n"
	      "Apologies for absence were received from Kim Ford, Co-optee.\n\n"
	      "### **41/19 Minutes of the meeting held on 2 February 2020**\n\n"
	      "The minutes were agreed.\n\n"
	      "**35/19 Potholes Update** - Officers confirmed an update would follow.\n\n"
	      "## 42/19 Winter Gritting\n\nThe Board considered a report.\n\n"
	      "**The Board resolved to note the report.**\n\n"
	      "**43/19 Work Programme**\n\nThe Board agreed its programme.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_string_equal(m.committee, "Highways Scrutiny Review Board");
	assert_int_equal(m.date, 20200303);
	assert_string_equal(m.chair, "Ashby");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[3], "Dunn");
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "Jo Evans");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Kim Ford");
	assert_items(&m, "40/19,41/19,42/19,43/19");	/* 35/19 is cited, not an item */
	assert_string_equal(m.items[0].title, "Apologies for Absence");
	assert_string_equal(m.items[2].title, "Winter Gritting");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "to note the report");
	assert_non_null(strstr(m.items[1].body, "35/19 Potholes Update"));
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	field_meeting_release(&m);
}

static void test_field_durham_caps_layout(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m,
	      "NORTHSHIRE COUNTY COUNCIL\n\nADULT WELLBEING AND HEALTH OVERVIEW AND SCRUTINY COMMITTEE\n\n"
	      "At a Meeting of **Adult Wellbeing and Health Overview and Scrutiny Committee** held in "
	      "Committee Room 1, County Hall, Northtown on **Monday 9 March 2020 at 10.00 am**\n\n"
	      "Present:\n\nCouncillor P Quinn (Chair)\n\nMembers of the Committee:\n\n"
	      "Councillors R Stone, T Udall and V Ward\n\nApologies:\n\n"
	      "Apologies for absence were received from Councillors W Xu and Mrs Y Young\n\n"
	      "1 Apologies\n\nApologies for absence were received from Councillor W Xu.\n\n"
	      "2 Substitute Members\n\nThere were no substitute members.\n\n"
	      "3 Hospital Discharge\n\nThe Committee considered a report.\n"
	      "10 patients were discharged late and 2 were readmitted.\n\nResolved:\n\n"
	      "That the report be noted.\n\n"
	      "4 Such other business\n\nNone.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_string_equal(m.council, "Northshire County Council");
	assert_string_equal(m.committee, "Adult Wellbeing and Health Overview and Scrutiny Committee");
	assert_int_equal(m.date, 20200309);
	assert_string_equal(m.time, "10:00");
	assert_string_equal(m.venue, "Committee Room 1, County Hall, Northtown");
	assert_string_equal(m.chair, "P Quinn");
	assert_int_equal(m.present.n, 4);
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[1], "Y Young");
	assert_items(&m, "1,2,3,4");	/* "10 patients", "2 were" are not items */
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "That the report be noted");
	field_meeting_release(&m);
}

static void test_field_caps_committee_title_cased(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "ITEM 6\n\nTime commenced 2.00pm\n\nLICENSING AND APPEALS COMMITTEE\n\n"
		  "Thursday 12th September 2019\n\nPresent: Councillor Hale (Chair)\n\n"
		  "01/19 Apologies\n\nNone.\n\n02/19 Declarations of Interest\n\nNone.\n\n"
		  "The Licensing and Appeals Committee resolved:\n\n1. to note the report.\n",
	      NULL, NULL);
	assert_string_equal(m.committee, "Licensing and Appeals Committee");
	assert_int_equal(m.date, 20190912);
	assert_string_equal(m.time, "14:00");
	assert_string_equal(m.chair, "Hale");
	assert_items(&m, "01/19,02/19");	/* "1. to note" is a resolution */
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to note the report");
	field_meeting_release(&m);
}

static void test_field_worcestershire_split_title(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m,
	      "## **Economy Overview and Scrutiny Panel**\n\n"
	      "### **Tuesday, 4 October 2016, County Hall, Worcester - 2.00 pm**\n\n"
	      "#### **Present:**\n\n#### **Minutes**\n\n"
	      "Mr A B Carter (Chairman), Mrs D Evans (Vice Chairman) and Ms F Gray\n\n"
	      "#### **Available Papers**\n\n- A. The Agenda papers;\n- B. The Minutes of the Meeting "
	      "held on 5 September 2016.\n\n"
	      "#### **101 Apologies and Welcome**\n\nApologies were received from Mr H Irwin.\n\n"
	      "**102**\xc2\xa0 \xc2\xa0 **Local Transport  \nPlan  \nRefresh  \n2017-22**\n\n"
	      "The Panel discussed the plan.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_string_equal(m.council, "Worcestershire County Council");
	assert_string_equal(m.committee, "Economy Overview and Scrutiny Panel");
	assert_int_equal(m.date, 20161004);
	assert_string_equal(m.time, "14:00");
	assert_string_equal(m.venue, "County Hall, Worcester");
	assert_string_equal(m.chair, "A B Carter");
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.apologies.v[0], "H Irwin");
	assert_items(&m, "101,102");
	assert_string_equal(m.items[1].title, "Local Transport Plan Refresh 2017-22");
	assert_string_equal(m.items[1].body, "The Panel discussed the plan.");
	field_meeting_release(&m);
}

static void test_field_dudley_layout(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m,
	      "Minutes of the Housing Scrutiny Committee Monday, 8th February 2021 at 6.30 pm "
	      "Microsoft Teams Meeting\n\nPresent:\n\nCouncillor B Dale (Chair)\n"
	      "Councillor C Ely (Vice-Chair)\nCouncillors D Fenn and G Hurst\n\n"
	      "Officers:\n\nJ King (Lead Officer), L Moss \xe2\x80\x93 (Housing Manager) and N Oak "
	      "(Democratic Services Officer) together with 2 Members of the Public.\n\n"
	      "12. Apology for Absence\n\nAn apology for absence was received on behalf of Mr P Rhodes.\n\n"
	      "13. <u>Tenancy Strategy</u> 2021/22\n\nMembers considered the report.\n\nResolved\n\n"
	      "- (1) That the report be noted.\n- (2) That officers report back.\n\n"
	      "14. Closing Remarks of the Chair\n\nThe meeting ended at 7.55pm\n\nDudley Council\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_string_equal(m.council, "Dudley Metropolitan Borough Council");
	assert_string_equal(m.committee, "Housing Scrutiny Committee");
	assert_int_equal(m.date, 20210208);
	assert_string_equal(m.time, "18:30");
	assert_string_equal(m.venue, "Microsoft Teams Meeting");
	assert_string_equal(m.chair, "B Dale");
	assert_int_equal(m.officers.n, 3);
	assert_string_equal(m.officers.v[1], "L Moss");
	assert_string_equal(m.apologies.v[0], "P Rhodes");
	assert_items(&m, "12,13,14");
	assert_string_equal(m.items[1].title, "Tenancy Strategy 2021/22");
	assert_int_equal(m.items[1].resolutions.n, 2);
	assert_string_equal(m.items[1].resolutions.v[1], "That officers report back");
	field_meeting_release(&m);
}

/* ModernGov PDF text: "(Item N)" lines, form feeds, page numbers, running footer. */
static void test_field_moderngov_pages_and_itemrefs(void **state)
{
	struct field_meeting m = {0};
	struct sbuf t = {0};

	(void)state;
	sbuf_adds(&t, "                    WESTSHIRE COUNTY COUNCIL\n\n      CABINET\n"
		      "MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall, "
		      "Westford on Thursday, 6 February 2025.\n\n"
		      "PRESENT: Mr A Bell (Chairman), Mrs C Dean, Mr E Frost, OBE and Ms G Hart\n\n"
		      "IN ATTENDANCE: Mr J Ince (Chief Executive), Mrs K Head (Head of Finance)\n\n");
	sbuf_adds(&t, "10.    Apologies\n(Item 1)\n\nApologies were received from Mr L Marsh.\n\n"
		      "11.    Budget Monitoring Report \xe2\x80\x93 December\n2024-25\n(Item 2)\n\n"
		      "   1. Mr Frost, Cabinet Member for Finance, introduced the report which\n"
		      "      set out the position.\n"
		      "   2. RESOLVED that Cabinet agree to:\n      a) Note the forecast.\n"
		      "      b) Agree the changes.\n\n"
		      "                          Westshire Cabinet 6 February 2025\n"
		      "                                    1\n\f");
	sbuf_adds(&t, "                          Westshire Cabinet 6 February 2025\n"
		      "   3. Further comments were noted.\n"
		      "12.    School Places Plan\n(Item 3)\n\n   1. Mr Frost introduced the plan.\n"
		      "2025 saw a rise in demand.\n\n"
		      "                          Westshire Cabinet 6 February 2025\n"
		      "                                    2\n\f");
	sbuf_adds(&t, "                          Westshire Cabinet 6 February 2025\n"
		      "Unnumbered Panel Minutes\n(Item 4)\n\nRESOLVED that the minutes be noted.\n\n"
		      "                          Westshire Cabinet 6 February 2025\n"
		      "                                    3\n");
	parse(&m, sbuf_str(&t), NULL, NULL);
	assert_sane_meeting(&m);
	assert_string_equal(m.council, "Westshire County Council");
	assert_string_equal(m.committee, "Cabinet");
	assert_int_equal(m.date, 20250206);
	assert_string_equal(m.venue, "Council Chamber, County Hall, Westford");
	assert_string_equal(m.chair, "A Bell");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[2], "E Frost");
	assert_int_equal(m.officers.n, 2);
	assert_string_equal(m.officers.v[1], "K Head");
	assert_items(&m, "10,11,12");
	assert_string_equal(m.items[1].title, "Budget Monitoring Report \xe2\x80\x93 December 2024-25");
	assert_int_equal(m.items[0].page, 1);
	assert_int_equal(m.items[2].page, 2);
	assert_int_equal(m.items[1].resolutions.n, 2);
	assert_string_equal(m.items[1].resolutions.v[0], "Note the forecast");
	/* running footer and page numbers are gone from the bodies */
	assert_null(strstr(m.items[1].body, "Westshire Cabinet"));
	assert_non_null(strstr(m.items[1].body, "Further comments were noted."));
	assert_non_null(strstr(m.items[2].body, "2025 saw a rise"));
	field_meeting_release(&m);
	sbuf_release(&t);
}

static void test_field_itemref_only_layout(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "FOSTERING PANEL\xe2\x80\x93 1 October 2024\n\nPRESENT: Ann Bee (Chair), Cy Dee\n\n"
		  "Apologies and Substitutes\n(Item 1)\nApologies were received from Ms E Fay.\n\n"
		  "Minutes of the meeting held on 2 July 2024\n(Item 2)\nRESOLVED that the minutes "
		  "were a correct record.\n\nCarers Update\n(Item 3)\nThe Panel noted the update.\n",
	      NULL, NULL);
	assert_string_equal(m.committee, "Fostering Panel");
	assert_int_equal(m.date, 20241001);
	assert_string_equal(m.chair, "Ann Bee");
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[1].title, "Minutes of the meeting held on 2 July 2024");
	assert_string_equal(m.items[1].resolutions.v[0], "that the minutes were a correct record");
	field_meeting_release(&m);
}

static void test_field_rejects_dates_sums_and_lists(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "PLANNING COMMITTEE\n\n1 Apologies\n\nNone.\n\n2 Applications\n\n"
		  "16 December 2019 was the deadline.\n29.09.19 was the launch.\n"
		  "10.00 am was the start.\n50% were approved.\n1,000 letters were sent.\n"
		  "2019 Review of fees.\n2016-17 Accounts were closed.\n"
		  "- 3. Bulleted numbers are a list\n3rd Party Claims were noted.\n"
		  "7 Reasons were given for refusal.\n\n"
		  "3 Enforcement\n\nNone.\n",
	      NULL, NULL);
	/* "7 Reasons" could continue the chain but 3 follows 2 more strongly */
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

static void test_field_numbers_move_forward(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "PARKS COMMITTEE\n\n5. Minutes\n\nAgreed.\n\n6. Play Areas\n\n"
		  "The committee recalled\n\n4. Tree Works was deferred last time.\n\n"
		  "7. Allotments\n\nNoted.\n\n60. Next Meeting\n\nTo be fixed.\n",
	      NULL, NULL);
	/* 4 goes backwards; 60 jumps too far */
	assert_items(&m, "5,6,7");
	field_meeting_release(&m);
}

static void test_field_numbered_resolutions_not_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "SCHOOLS FORUM\n\n01/20 Budget\n\nThe Forum resolved:\n\n"
		  "1. to note the budget.\n2. to approve the growth fund.\n\n"
		  "The Chair thanked officers.\n\n02/20 Any Other Business\n\nNone.\n",
	      NULL, NULL);
	assert_items(&m, "01/20,02/20");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[1], "to approve the growth fund");
	field_meeting_release(&m);
}

static void test_field_meeting_date_not_previous_minutes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Minutes of the meeting held on 21 October 2019 were agreed.\n"
		  "AUDIT COMMITTEE\n\nWednesday 4 December 2019\n\n1 Apologies\n\nNone.\n\n2 Risk\n\nNoted.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20191204);
	field_meeting_release(&m);
}

static void test_field_council_from_path_and_override(void **state)
{
	struct field_meeting m = {0};
	const char *text = "Minutes\n\nPresent: Mr A Bee (Chairman)\n\n1 Apologies\n\nNone.\n\n2 Planning\n\nNoted.\n";

	(void)state;
	parse(&m, text, "archive/souldern-parish-council/minutes/2023-03-30 SPC minutes DRAFT.pdf", NULL);
	assert_string_equal(m.council, "Souldern Parish Council");
	assert_int_equal(m.date, 20230330);	/* from the file name */
	assert_true(m.draft);
	field_meeting_release(&m);
	parse(&m, text, "archive/kent-county-council/x.pdf", "Somewhere Town Council");
	assert_string_equal(m.council, "Somewhere Town Council");
	assert_false(m.draft);
	field_meeting_release(&m);
	parse(&m, text, NULL, NULL);
	assert_null(m.council);
	assert_int_equal(m.date, 0);
	field_meeting_release(&m);
}

static void test_field_kind_agenda_and_report(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Summons to and\nAgenda for a\nMeeting on\nThursday, 13th March, 2025\n\n"
		  "A meeting of the County Council will be held in the Chamber.\n\nAGENDA\n\n"
		  "1.    Apologies for Absence\n\n2.    Minutes of the meeting held on 13 February 2025 (Pages 1 - 14)\n",
	      NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	field_meeting_release(&m);
	parse(&m, "Report to Cabinet\n\nPurpose of the report\n\nThis report sets out the budget.\n\n"
		  "Recommendations: to approve.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_REPORT);
	assert_int_equal(m.n_items, 0);
	field_meeting_release(&m);
	parse(&m, "DRAFT MINUTES of the Parish Council\n\nPresent: Mr A Bee\n\nResolved: to adjourn.\n",
	      NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	assert_true(m.draft);
	assert_string_equal(field_kind_str(m.kind), "minutes");
	field_meeting_release(&m);
}

static void test_field_junk_input(void **state)
{
	struct field_meeting m = {0};
	struct cm_err err = {0};
	size_t big = 5u << 20;
	char *buf = malloc(big);

	(void)state;
	assert_non_null(buf);
	/* empty, NULL with zero length, NULL output */
	assert_int_equal(field_parse("", 0, NULL, &m, &err), CM_OK);
	assert_sane_meeting(&m);
	assert_int_equal(m.n_items, 0);
	field_meeting_release(&m);
	assert_int_equal(field_parse(NULL, 0, NULL, &m, NULL), CM_OK);
	field_meeting_release(&m);
	assert_int_equal(field_parse("x", 1, NULL, NULL, &err), CM_EINVAL);
	assert_int_equal(field_parse(NULL, 5, NULL, &m, &err), CM_EINVAL);
	/* random bytes, with NULs */
	srand(42);
	for (int round = 0; round < 20; round++) {
		size_t n = (size_t)(rand() % 20000);

		for (size_t i = 0; i < n; i++)
			buf[i] = (char)(rand() % 7 == 0 ? "\n\f 1./*#"[rand() % 8] : rand());
		assert_int_equal(field_parse(buf, n, NULL, &m, &err), CM_OK);
		assert_sane_meeting(&m);
		field_meeting_release(&m);
	}
	/* a 5 MB line, then 5 MB of NULs, then 5 MB of heading-like lines */
	memset(buf, 'a', big);
	assert_int_equal(field_parse(buf, big, NULL, &m, &err), CM_OK);
	assert_sane_meeting(&m);
	assert_int_equal(m.n_items, 0);
	field_meeting_release(&m);
	memset(buf, 0, big);
	assert_int_equal(field_parse(buf, big, NULL, &m, &err), CM_OK);
	assert_sane_meeting(&m);
	assert_null(memchr(m.front, '\0', strlen(m.front)));
	field_meeting_release(&m);
	for (size_t i = 0; i + 12 <= big; i += 12)
		memcpy(buf + i, "1 Apologies\n", 12);
	assert_int_equal(field_parse(buf, big - big % 12, NULL, &m, &err), CM_OK);
	assert_sane_meeting(&m);
	assert_true(m.n_items <= 1);	/* the same number never moves forward */
	field_meeting_release(&m);
	field_meeting_release(NULL);
	field_meeting_release(&m);	/* twice on a zeroed struct is fine */
	free(buf);
}

static void test_field_town_council_year_first_numbers(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* Word/PDF text of a town council: no blank lines, "YY/NN" numbers, the
	 * meeting's own date only in "Minutes of the meeting held on" */
	parse(&m, "ASHBECK TOWN COUNCIL\nALLOTMENTS COMMITTEE\n"
		  "Minutes of the meeting held on Tuesday 5th March 2024 at 7.00 pm in the Guildhall\n"
		  "Present\tCllr Ann Vole (Mayor), Cllr Bo Teal\nApologies\tCllr Cy Wren\n"
		  "24/11\tDeclarations of interest\nNone were declared.\n"
		  "24/12\tMinutes of the previous meeting\n"
		  "The minutes of the meeting held on 6th February 2024 were approved.\n"
		  "24/13\tWater troughs\nRESOLVED: that two troughs be replaced by 1st April 2024.\n",
	      "x/ashbeck-town-council/allotments/2024-03-05-minutes.docx", NULL);
	assert_string_equal(m.council, "Ashbeck Town Council");
	assert_string_equal(m.committee, "Allotments Committee");
	assert_int_equal(m.date, 20240305);
	assert_string_equal(m.chair, "Ann Vole");	/* the Mayor chairs when nobody is "(Chair)" */
	assert_items(&m, "24/11,24/12,24/13");
	assert_string_equal(m.items[2].title, "Water troughs");
	field_meeting_release(&m);
	/* a single short item after a blank line is an item; the date is not 1st April */
	parse(&m, "STAFFING COMMITTEE\nMinutes of the meeting held on Wednesday 8th November 2023\n\n"
		  "23/12 Clerk's appraisal\nRESOLVED: that the increment be paid from 1st April 2024.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20231108);
	assert_items(&m, "23/12");
	field_meeting_release(&m);
	/* "the next meeting of the Panel" names no committee; " of <council>" is dropped */
	parse(&m, "Minutes of the Cabinet of Ashbeck Town Council Monday 4 March 2024\n\n"
		  "These minutes go to the next meeting of the Panel. Present: Cllr Vole\n\n"
		  "1 Apologies\n\nNone.\n\n2 Budget\n\nNoted.\n", NULL, NULL);
	assert_string_equal(m.committee, "Cabinet");
	field_meeting_release(&m);
}

static void test_field_wrapped_titles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "PLANNING COMMITTEE\n\n14 March 2023\n\n4 Apologies\nNone\n\n"
		  "5 Placement Sufficiency\nStrategy 2023 to 2026\n\nThe Committee considered the strategy.\n\n"
		  "6 Child Exploitation\n- Annual Update\n\nNoted.\n\n"
		  "7 Land North of Mill Lane - Outline\napplication for 40 dwellings\n"
		  "The officer presented the report and members asked about the access road and drainage at the site.\n",
	      NULL, NULL);
	assert_items(&m, "4,5,6,7");
	assert_string_equal(m.items[0].title, "Apologies");	/* "None" is a body, not a tail */
	assert_string_equal(m.items[1].title, "Placement Sufficiency Strategy 2023 to 2026");
	assert_string_equal(m.items[2].title, "Child Exploitation - Annual Update");
	assert_string_equal(m.items[3].title, "Land North of Mill Lane - Outline application for 40 dwellings");
	field_meeting_release(&m);
}

static void test_field_numbers_on_their_own_lines(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* HTML tables (number cell, title cell) and pdftotext's "1." / "" / "Minutes:" */
	parse(&m, "Minutes: Licensing Committee - Monday, 4 March 2024 - Ashbeck Town Council\n\n"
		  "Membership: Councillor Ann Vole (Chair), Councillors Bo Teal and Cy Wren\n"
		  "1\nApologies for Absence\nThere were none.\n2\nMinutes\nAgreed.\n"
		  "Item 2a\n24/00123/FUL - 3 Mill Lane\nRefused.\n\n3.\n\nAny Other Business:\nNone.\n",
	      NULL, NULL);
	assert_string_equal(m.committee, "Licensing Committee");
	assert_string_equal(m.chair, "Ann Vole");
	assert_items(&m, "1,2,2a,3");
	assert_string_equal(m.items[2].title, "24/00123/FUL - 3 Mill Lane");
	assert_string_equal(m.items[3].title, "Any Other Business:");
	field_meeting_release(&m);
}

static void test_field_date_from_file_name(void **state)
{
	struct field_meeting m = {0};
	const char *text = "Minutes\n\n1 Apologies\n\nNone.\n\n2 Planning\n\nNoted.\n";

	(void)state;
	parse(&m, text, "a/b/planning-committee-2007-05-07-minutes.md", NULL);
	assert_int_equal(m.date, 20070507);
	field_meeting_release(&m);
	parse(&m, text, "a/b/Printed minutes 14th-Mar-2024 2.00pm Cabinet.txt", NULL);
	assert_int_equal(m.date, 20240314);
	field_meeting_release(&m);
}

/* ---- the seeds -------------------------------------------------------- */

struct seed_expect {
	const char *prefix;     /* file name starts with this */
	const char *council;
	const char *committee;
	int date;
	const char *chair;
	const char *items;
};

static const struct seed_expect seed_expect[] = {
	{ "000_", "Derby City Council", "Children and Young People Scrutiny Review Board", 20191216,
	  "Lind", "26/19,27/19,28/19,29/19,30/19,31/19,32/19,33/19,34/19" },
	{ "001_", "Durham County Council", "Children and Young People's Overview and Scrutiny Committee",
	  20200207, "H Smith", "1,2,3,4,5,6,7,8,9" },
	{ "002_", "Derby City Council", "Corporate Parenting Committee", 20190730, "Williams",
	  "01/19,02/19,03/19,04/19,05/19,06/19,07/19,08/19,09/19,10/19,11/19,12/19" },
	{ "003_", "Worcestershire County Council", "Children and Families Overview and Scrutiny Panel",
	  20170913, "F M Oborski", "285,286,287,288,289" },
	{ "004_", "Dudley Metropolitan Borough Council", "Children's Services Scrutiny Committee",
	  20210317, "A Millward", "28,29,30,31,32,33,34,35,36,37,38" },
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

static void test_field_seeds_end_to_end(void **state)
{
	DIR *d = opendir(seeds_dir);
	struct dirent *de;
	size_t checked = 0;

	(void)state;
	if (!d)
		skip();
	while ((de = readdir(d)) != NULL) {
		for (size_t k = 0; k < sizeof seed_expect / sizeof *seed_expect; k++) {
			const struct seed_expect *e = &seed_expect[k];
			struct field_meeting m = {0};
			char path[1024];
			size_t len = 0;
			char *text;

			if (strncmp(de->d_name, e->prefix, strlen(e->prefix)) != 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", seeds_dir, de->d_name);
			text = read_all(path, &len);
			assert_non_null(text);
			assert_int_equal(field_parse(text, len, NULL, &m, NULL), CM_OK);
			print_message("%s: %zu items\n", de->d_name, m.n_items);
			assert_sane_meeting(&m);
			assert_string_equal(m.council, e->council);
			assert_string_equal(m.committee, e->committee);
			assert_int_equal(m.date, e->date);
			assert_string_equal(m.chair, e->chair);
			assert_items(&m, e->items);
			assert_int_equal(m.kind, FIELD_KIND_MINUTES);
			assert_false(m.draft);
			field_meeting_release(&m);
			free(text);
			checked++;
		}
	}
	closedir(d);
	assert_int_equal(checked, sizeof seed_expect / sizeof *seed_expect);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_derby_markdown_layout),
		cmocka_unit_test(test_field_durham_caps_layout),
		cmocka_unit_test(test_field_caps_committee_title_cased),
		cmocka_unit_test(test_field_worcestershire_split_title),
		cmocka_unit_test(test_field_dudley_layout),
		cmocka_unit_test(test_field_moderngov_pages_and_itemrefs),
		cmocka_unit_test(test_field_itemref_only_layout),
		cmocka_unit_test(test_field_rejects_dates_sums_and_lists),
		cmocka_unit_test(test_field_numbers_move_forward),
		cmocka_unit_test(test_field_numbered_resolutions_not_items),
		cmocka_unit_test(test_field_meeting_date_not_previous_minutes),
		cmocka_unit_test(test_field_council_from_path_and_override),
		cmocka_unit_test(test_field_kind_agenda_and_report),
		cmocka_unit_test(test_field_junk_input),
		cmocka_unit_test(test_field_town_council_year_first_numbers),
		cmocka_unit_test(test_field_wrapped_titles),
		cmocka_unit_test(test_field_numbers_on_their_own_lines),
		cmocka_unit_test(test_field_date_from_file_name),
		cmocka_unit_test(test_field_seeds_end_to_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
