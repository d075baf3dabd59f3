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
#include "sbuf.h"
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

	/* a "Venue:" label's value is its line; "held in" may wrap, not over a blank line */
	parse(&m, "Planning Committee\nTuesday, 12th March, 2024 7.00 pm\nVenue: Council Chamber, Elmshire House\n\n"
		  "Attendance\n\nPresent: Councillors A Bee (Chair), C Dee\n\n45. Apologies\nNone.\n\n46. Minutes\nApproved.\n",
	      NULL, NULL);
	assert_string_equal(m.venue, "Council Chamber, Elmshire House");
	field_meeting_release(&m);
	parse(&m, "MINUTES OF THE ELMFORD ANNUAL PARISH MEETING\nHELD IN THE VILLAGE HALL\nON\n\n23rd May 2019\n\n"
		  "1. Apologies\nNone.\n\n2. Reports\nNoted.\n", NULL, NULL);
	assert_string_equal(m.venue, "Village Hall");
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
	/* a page count is a footer however few the pages; "page 3 of the report" is text */
	{
		struct field_meeting f = {0};

		parse(&f, "MARLHAM TOWN COUNCIL\nMinutes of the meeting held on 19 March 2024\n\n"
			  "1. Apologies\nNone.\n\n2. Contracts\nThe table on page 3 of 12\nwas noted.\n"
			  "RESOLVED to award the contract.\nThe meeting closed at 8.30pm.\n\n"
			  "Marlham Town Council \xe2\x80\x93 Amenities Committee \xe2\x80\x93 19.03.2024       Page 1 of 1\n",
		      NULL, NULL);
		assert_items(&f, "1,2");
		assert_null(strstr(f.items[1].body, "Page 1 of 1"));
		assert_non_null(strstr(f.items[1].body, "page 3 of 12"));
		field_meeting_release(&f);
	}
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

	/* this meeting's heading says what state its minutes are in, or that they are still to be
	 * confirmed: its date is the meeting's, not a reference to other minutes */
	{
		static const char *const headings[] = {
			"UNCONFIRMED MINUTES of the meeting held on 14 March 2024 at 7.30pm in the Village Hall",
			"DRAFT Minutes of the meeting held on 14 March 2024 (subject to approval at the next meeting)",
			"Minutes of the meeting held on 14 March 2024, to be confirmed at the meeting on 11 April 2024",
			"Approved minutes of the meeting held on 14 March 2024",
		};

		for (size_t k = 0; k < sizeof headings / sizeof *headings; k++) {
			char text[400];

			snprintf(text, sizeof text, "ELMFORD PARISH COUNCIL\n\n%s\n\n24/041 Apologies\nNone.\n\n"
				 "24/042 Minutes\nThe minutes of the meeting held on 8 February 2024 were approved.\n",
				 headings[k]);
			parse(&m, text, NULL, NULL);
			assert_int_equal(m.date, 20240314);
			field_meeting_release(&m);
		}
	}
	/* ... but "To confirm the minutes of the meeting held on" cites other minutes */
	parse(&m, "ELMFORD PARISH COUNCIL\n\nTo confirm the minutes of the meeting held on 8 February 2024\n"
		  "Meeting of 14 March 2024\n\n1. Apologies\nNone.\n", NULL, NULL);
	assert_int_equal(m.date, 20240314);
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
	/* a council the body mentions once is not the minutes' own */
	parse(&m, "Minutes of the Planning Committee held on 4 March 2024\n\nPresent: Cllrs A Smith, B Jones\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Declarations\nNone.\n\n"
		  "4. Highways\nThe pothole was reported.\n\n5. Footpaths\nNo issues.\n\n6. Finance\nPaid.\n\n"
		  "7. Correspondence\nA letter from Elmford Parish Council was noted.\n\n8. Planning\nNone.\n",
	      NULL, NULL);
	assert_null(m.council);
	assert_string_equal(m.committee, "Planning Committee");
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
	/* informal minutes: "Notes of the ...", "Record of Decisions"; minutes "subject to approval" are a draft */
	parse(&m, "Elmford Town Council\nNotes of the Planning Working Group held on 11 March 2024\n\n"
		  "1. Apologies\nNone.\n\n2. Planning\nTwo applications were discussed.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	assert_string_equal(m.committee, "Planning Working Group");
	assert_false(m.draft);
	field_meeting_release(&m);
	parse(&m, "Westholme County Council\nRecord of Decisions\nCabinet - 11 March 2024\n\n"
		  "1. Budget\nThe budget was agreed.\n\n2. Schools\nThe report was noted.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	field_meeting_release(&m);
	parse(&m, "Elmford Town Council\nMinutes of the Planning Committee held on 11 March 2024\n"
		  "(subject to approval at the next meeting)\n\n1. Apologies\nNone.\n\n2. Planning\nNoted.\n",
	      NULL, NULL);
	assert_true(m.draft);
	field_meeting_release(&m);
	/* a notice at the foot: "DRAFT – These minutes have not been approved by the Board." */
	parse(&m, "TOWN OF ELMFORD\nZONING BOARD OF APPEALS\nMINUTES\nApril 18, 2024\n\nPUBLIC HEARINGS\n\n"
		  "The Board heard two appeals.\n\nADJOURNMENT\n\nThe meeting adjourned at 8:34 p.m.\n\n"
		  "DRAFT – These minutes have not been approved by the Board.\n", NULL, NULL);
	assert_true(m.draft);
	field_meeting_release(&m);
	/* a list of headings with nothing under them, the word "agenda" only in an item: an agenda */
	parse(&m, "ELMDALE SCHOOL DISTRICT\nBOARD OF EDUCATION\nREGULAR MEETING\nMarch 5, 2024\n\n"
		  "I. Call to Order\nII. Pledge of Allegiance\nIII. Approval of Agenda\nIV. Consent Items\n"
		  "V. Adjournment\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	field_meeting_release(&m);
	/* "Summary of Actions" heads minutes */
	parse(&m, "ELMSHIRE COUNCIL\nSUMMARY OF ACTIONS\nPlanning Committee 5 March 2024\n\n"
		  "1. 24/0001 Mill Lane - Approved\n2. 24/0002 Church St - Refused\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
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
	/* a special meeting's only item under a clerk's file number in brackets */
	parse(&m, "                       MINUTES OF THE SPECIAL CITY COUNCIL MEETING\n"
		  "                          WEDNESDAY- -MARCH 13, 2024- -12:00 P.M.\n\n\n"
		  "(24-118) A Special Meeting was called to allow the Council to attend a tour of the Harbour\n"
		  "Boulevard/Kestrel Way Project.\n\n\n                                          __________________________\n"
		  "                                          Dana Ruizman\n                                          City Clerk\n\n",
	      NULL, NULL);
	assert_items(&m, "24-118");
	assert_int_equal(m.date, 20240313);
	assert_non_null(strstr(m.items[0].body, "tour of the Harbour Boulevard/Kestrel Way Project."));	/* phrases whole */
	field_meeting_release(&m);
	/* but a lone number in brackets without a dash is a paragraph's */
	parse(&m, "STAFFING COMMITTEE\nMinutes of the meeting held on Wednesday 8th November 2023\n\n"
		  "(12) The committee noted that the review was under way and would report.\n", NULL, NULL);
	assert_items(&m, "");
	field_meeting_release(&m);
	/* "the next meeting of the Panel" names no committee; " of <council>" is dropped */
	parse(&m, "Minutes of the Cabinet of Ashbeck Town Council Monday 4 March 2024\n\n"
		  "These minutes go to the next meeting of the Panel. Present: Cllr Vole\n\n"
		  "1 Apologies\n\nNone.\n\n2 Budget\n\nNoted.\n", NULL, NULL);
	assert_string_equal(m.committee, "Cabinet");
	field_meeting_release(&m);
}

/*
 * Minute numbers joined by a dash ("24-045", "045-24") or, after a letter
 * code, by dots ("PL.24.045", "C.45.24"); while ranges ("18-25",
 * "2025-26"), addresses ("12-14 High Street"), decimals ("45.24") and
 * three-part dates stay out.
 */
static void test_field_dash_and_dotted_minute_numbers(void **state)
{
	static const char *const heads[][5] = {
		{ "24-045", "24-046", "24-047", NULL },
		{ "045-24", "046-24", "047-24", NULL },
		{ "PL.24.045", "PL.24.046", "PL.24.047", NULL },
		{ "C.45.24", "C.46.24", "C.47.24", NULL },
	};
	struct field_meeting m = {0};
	char doc[1024], want[64];

	(void)state;
	for (size_t h = 0; h < sizeof heads / sizeof *heads; h++) {
		snprintf(doc, sizeof doc,
			 "HARTWELL TOWN COUNCIL\n\nMinutes of the Planning Committee held on 12 March 2024\n\n"
			 "%s Apologies for absence\nApologies were received from Cllr White.\n\n"
			 "%s Declarations of interest\nNone.\n\n"
			 "%s Planning applications\nThe committee had no objection to 24/00321/FUL.\n",
			 heads[h][0], heads[h][1], heads[h][2]);
		parse(&m, doc, NULL, NULL);
		snprintf(want, sizeof want, "%s,%s,%s", heads[h][0], heads[h][1], heads[h][2]);
		assert_items(&m, want);
		assert_string_equal(m.items[2].title, "Planning applications");
		field_meeting_release(&m);
	}
	parse(&m, "HARTWELL TOWN COUNCIL\n\nMinutes of the Finance Committee held on 12 March 2024\n\n"
		  "1 Budget\nThe budget for\n2025-26 Revenue was set out.\n\n"
		  "2 Grants\nGrants to\n12-14 High Street and\n18-25 Year olds were agreed.\n\n"
		  "3 Accounts\nThe balance of\n45.24 Pounds was noted on\n12-03-2024 Tuesday.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

/*
 * A parish clerk's minutes whose headings run on into the minute after a
 * colon, some beside an action column (pdftotext -layout): the label is the
 * title, the rest the item's text; subtitles, agenda dates and times stay.
 */
static void test_field_label_colon_then_minute(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                 HARTWELL PARISH COUNCIL\n"
		  "   Minutes of the Parish Council Meeting held on Monday 4 March 2024\n\n"
		  "Present: Cllr A. Smith (Chair), Cllr B. Jones\n\n"
		  " Minute     Item                                                     Action\n"
		  " 45/24      Apologies for absence: Cllr White (work).\n"
		  " 46/24      Declarations of interest: none.\n"
		  " 47/24      Highways: the pothole on Mill Lane was reported again.     Clerk\n"
		  " 48/24      Finance: None.\n"
		  " 49/24      Children's Plan: January 2021 to January 2022.\n"
		  " 50/24      CHAIR'S REPORT: THE NEW BUS SHELTER\n"
		  " 51/24      Approval of minutes from meeting date: May 9, 2023\n"
		  " 52/24      Close: 9.15 p.m.\n"
		  " 53/24      Date of next meeting: 8 April 2024.\n"
		  " 54/24      Minutes of the meeting held on 7th February 2024: Approved and signed.\n", NULL, NULL);
	assert_items(&m, "45/24,46/24,47/24,48/24,49/24,50/24,51/24,52/24,53/24,54/24");
	assert_string_equal(m.items[0].title, "Apologies for absence");
	assert_string_equal(m.items[1].title, "Declarations of interest");
	assert_string_equal(m.items[2].title, "Highways");
	assert_non_null(strstr(m.items[2].body, "the pothole on Mill Lane"));
	assert_string_equal(m.items[3].title, "Finance");
	assert_string_equal(m.items[4].title, "Children's Plan: January 2021 to January 2022.");
	assert_string_equal(m.items[5].title, "CHAIR'S REPORT: THE NEW BUS SHELTER");
	assert_string_equal(m.items[6].title, "Approval of minutes from meeting date: May 9, 2023");
	assert_string_equal(m.items[7].title, "Close: 9.15 p.m.");
	assert_string_equal(m.items[8].title, "Date of next meeting");
	assert_string_equal(m.items[9].title, "Minutes of the meeting held on 7th February 2024");
	field_meeting_release(&m);

	/* the minute runs on after its disposition, a sentence ends inside the line, a wrapped
	 * minute of lower-case words after a short label, a heading in capitals ended by a full
	 * stop; a long report title's lower-case description stays */
	parse(&m, "ELMBURY PARISH COUNCIL\nMinutes of the meeting held on Thursday 7th March 2024\n\n"
		  "24/041 Apologies: Cllr F Ackroyd (holiday). Accepted.\n\n"
		  "24/046 Recreation Ground: The new goalposts have been installed. Cllr Vickery\n"
		  "to carry out the monthly play inspection.\n\n"
		  "24/047 Correspondence: Letter from a resident regarding dog fouling \xe2\x80\x93 Clerk to\n"
		  "order two additional bins.\n\n"
		  "24/048 APOLOGIES. Mr P Crellin.\n"
		  "24/049 MATTERS ARISING. (M24/019) The Clerk reported on Glen Road.\n"
		  "24/050 Report of the Planning Inspector: Report No. 2 - recommending a process to address "
		  "appeals about decisions which predate the plan\n", NULL, NULL);
	assert_items(&m, "24/041,24/046,24/047,24/048,24/049,24/050");
	assert_string_equal(m.items[0].title, "Apologies");
	assert_non_null(strstr(m.items[0].body, "Ackroyd (holiday). Accepted."));
	assert_true(m.apologies.n >= 1);
	assert_string_equal(m.apologies.v[0], "F Ackroyd");
	assert_string_equal(m.items[1].title, "Recreation Ground");
	assert_string_equal(m.items[2].title, "Correspondence");
	assert_non_null(strstr(m.items[2].body, "order two additional bins"));
	assert_string_equal(m.items[3].title, "APOLOGIES");
	assert_string_equal(m.items[4].title, "MATTERS ARISING");
	assert_non_null(strstr(m.items[5].title, "recommending a process"));
	field_meeting_release(&m);
}

/*
 * Australian council minutes: a long capitals heading, then the decision's
 * label "RESOLUTION 2023/46" on the next line - a decision, not the
 * title's wrapped tail.
 */
static void test_field_resolution_label_is_no_title_tail(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "MINUTES\nORDINARY COUNCIL MEETING\nTuesday 14 March 2023\n\nWOLLARA SHIRE COUNCIL\n\n"
		  "9. REPORTS\n"
		  "9.1 DEVELOPMENT APPLICATION DA2023/45 \xe2\x80\x93 12 SMITH STREET, WOLLARA\n"
		  "RESOLUTION 2023/46\n"
		  "That Council approves the application subject to conditions.\nCARRIED\n\n"
		  "9.2 QUARTERLY BUDGET REVIEW\nRESOLUTION 2023/47\nThat Council notes the report.\nCARRIED\n\n"
		  "10. CLOSURE\nThe meeting closed at 7.15pm.\n", NULL, NULL);
	assert_items(&m, "9,9.1,9.2,10");
	assert_string_equal(m.items[1].title,
			    "DEVELOPMENT APPLICATION DA2023/45 \xe2\x80\x93 12 SMITH STREET, WOLLARA");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0],
			    "That Council approves the application subject to conditions");
	field_meeting_release(&m);
}

/*
 * An agenda whose front sheet lists its items (number, title, pages; a
 * table read as tab-separated rows) before the items themselves: the list
 * is contents, not a first run of items.  A second meeting whose items
 * repeat the first's numbers under other titles is still read.
 */
static void test_field_contents_list_before_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "WESTHAM DISTRICT COUNCIL\nCABINET\nAgenda\nThursday, 8 February 2024 at 10.00 am\n\n"
		  "Item\tTitle\tPages\n1\tApologies for Absence\n2\tMinutes\t1 - 8\n"
		  "3\tRevenue Budget 2024/25\t9 - 64\n\n"
		  "1 Apologies for Absence\n\nTo receive apologies.\n\n"
		  "2 Minutes\n\nTo approve the minutes of 11 January 2024.\n\n"
		  "3 Revenue Budget 2024/25\n\nTo consider the report of the Director of Finance.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[2].title, "Revenue Budget 2024/25");
	assert_non_null(strstr(m.items[2].body, "Director of Finance"));
	field_meeting_release(&m);
	parse(&m, "ASHBECK PARISH COUNCIL\nMinutes of the Annual Meeting held on 14 May 2024\n\n"
		  "1 Election of Chair\nCllr Vole was elected.\n2 Election of Vice-Chair\nCllr Teal was elected.\n\n"
		  "Minutes of the Parish Council Meeting held on 14 May 2024\n\n"
		  "1 Apologies\nNone.\n2 Planning\nNo objections.\n", NULL, NULL);
	assert_items(&m, "1,2,1,2");
	field_meeting_release(&m);

	/* minutes that copy their agenda at the top in other words: the agenda is contents */
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\nAgenda\n"
		  "1. To receive apologies for absence\n2. To approve the minutes of the last meeting\n"
		  "3. Planning applications\n4. Finance\n\nPresent: Cllrs A Bee (Chair), C Dee\n\n"
		  "1. Apologies\nCllr G Hay sent apologies.\n\n2. Minutes\nThe minutes of 5 February were approved.\n\n"
		  "3. Planning\nNo objections to 24/0123.\n\n4. Finance\nPayments were approved.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[0].title, "Apologies");
	field_meeting_release(&m);
	/* a first run of other business, under numbers the next run repeats, stays */
	parse(&m, "Elmshire Parish Council\nMinutes of the meetings held on 4 March 2024\n\nAnnual Meeting\n"
		  "1. Election of Chair\n2. Election of Vice-Chair\n3. Appointments to outside bodies\n\n"
		  "Parish Council Meeting\n\n1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Planning\nNo objections.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,1,2,3");
	field_meeting_release(&m);
}

/*
 * Legistar-style minutes (pdftotext -layout): a title wrapped after a
 * preposition that cannot end it ("... Regarding" / "Short-Term Rentals",
 * "... between" / "the City and ...") carries on under it.
 */
static void test_field_title_wrapped_after_preposition(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "City of Anyville\nMeeting Minutes\nCity Council\nTuesday, March 14, 2023\n\n"
		  "4.     PUBLIC HEARINGS\n"
		  "4.A    23-160        Introduce an Ordinance Amending Chapter 9 of the Municipal Code Regarding\n"
		  "                     Short-Term Rentals\n"
		  "                     Public hearing opened at 7:20 p.m. and closed at 7:45 p.m.\n"
		  "4.B    23-161        Approve a Memorandum of Understanding between\n"
		  "                     the City and the Anyville Police Officers Association\n"
		  "                     Approved on consent.\n"
		  "5.     ADJOURNMENT\n"
		  "       The Mayor adjourned the meeting at 9:02 p.m.\n", NULL, NULL);
	assert_items(&m, "4,4.A,4.B,5");
	assert_string_equal(m.items[1].title,
			    "Introduce an Ordinance Amending Chapter 9 of the Municipal Code Regarding Short-Term Rentals");
	assert_string_equal(m.items[2].title,
			    "Approve a Memorandum of Understanding between the City and the Anyville Police Officers Association");
	field_meeting_release(&m);
}

/*
 * A parish clerk's minutes with the minute number in the right margin of
 * each heading (pdftotext -layout); a lone slashed figure closing a table
 * row, and dates, stay where they are.
 */
static void test_field_minute_numbers_in_right_margin(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                    HARTWELL PARISH COUNCIL\n"
		  "      Minutes of the Meeting of the Parish Council held on 4 March 2024\n\n"
		  "Present: Cllr A. Smith (Chair), Cllr B. Jones\n\n"
		  "APOLOGIES FOR ABSENCE                                              45/24\n"
		  "Apologies were received from Cllr White.\n\n"
		  "MINUTES OF THE MEETING HELD ON 5 FEBRUARY 2024                     46/24\n"
		  "The minutes were approved and signed as a true record.\n\n"
		  "Highways and footpaths\t47/24\n"
		  "The pothole on Mill Lane has been reported again.\n", NULL, NULL);
	assert_items(&m, "45/24,46/24,47/24");
	assert_string_equal(m.items[0].title, "APOLOGIES FOR ABSENCE");
	assert_string_equal(m.items[1].title, "MINUTES OF THE MEETING HELD ON 5 FEBRUARY 2024");
	assert_string_equal(m.items[2].title, "Highways and footpaths");
	assert_string_equal(m.items[2].body, "The pothole on Mill Lane has been reported again.");
	field_meeting_release(&m);
	parse(&m, "HARTWELL PARISH COUNCIL\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Finance\n\nThe figures were noted:\nBudget for the year                 24/25\n"
		  "Signed on                 13/09/2017\n\n2. Planning\nNone.\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_non_null(strstr(m.items[0].body, "Budget for the year 24/25"));
	field_meeting_release(&m);
}

/*
 * A short heading whose one following line is the item's whole text: that
 * line is the body, unless the heading could have wrapped there (a long
 * line, a lower-case or dash-led tail).  Shape of a community council's
 * minutes: numbers at the margin, headings and bodies indented alike.
 */
static void test_field_short_heading_then_one_body_line(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Anyville Community Council\n\nMinutes of Meeting held on Tuesday 8th July 2008\n\n"
		  "1   Police Report\n"
		  "    PC Smith reported that two vans had been seen in the area late at night and that\n"
		  "    residents should note registration numbers where they can and report them.\n"
		  "2   Apologies for Absence\n"
		  "    Jane Doe (JD)\n"
		  "3   Treasurer's Report\n"
		  "    Current account 512.10\n"
		  "4   Review of the arrangements for the car park, the bus shelter and Mill Lane\n"
		  "    Playing Field\n"
		  "5   Planning Applications\n"
		  "    - Annual Summary\n"
		  "6   Correspondence\n"
		  "    Letters from the water company and the highways authority were noted by members.\n"
		  "7   Minutes of the Previous Meeting\n"
		  "    The minutes of the meeting held on 3rd June were approved and signed as a record\n"
		  "    Proposed: JD          Seconded: AB\n\n"
		  "8   Any Other Business\n    None.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5,6,7,8");
	/* the line under it reaches further right than "Meeting The" would have */
	assert_string_equal(m.items[6].title, "Minutes of the Previous Meeting");
	assert_string_equal(m.items[1].title, "Apologies for Absence");
	assert_non_null(strstr(m.items[1].body, "Jane Doe"));
	assert_string_equal(m.items[2].title, "Treasurer's Report");
	assert_string_equal(m.items[3].title,
			    "Review of the arrangements for the car park, the bus shelter and Mill Lane Playing Field");
	assert_string_equal(m.items[4].title, "Planning Applications - Annual Summary");
	field_meeting_release(&m);

	/* a table of decisions: the title's second line has the decision beside it */
	memset(&m, 0, sizeof m);
	parse(&m, "COUNCIL MEETING\nDECISIONS\nWednesday, March 23, 2016\n\n"
		  "1\tLease of Land at 12 River Road\tADOPTED\n"
		  "2\tExtension of Time - Subdivision and Rezoning - North corner of Elm Avenue\n"
		  "- DASZ 31/2015\tFILED\n"
		  "3\tGrant to the Riverside Community Centre\tADOPTED\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[1].title,
			    "Extension of Time - Subdivision and Rezoning - North corner of Elm Avenue - DASZ 31/2015");
	assert_string_equal(m.items[1].body, "FILED");
	field_meeting_release(&m);
}

/*
 * Two meetings in one file, the second numbering its consent items under 1
 * ("1.A", "1.B") and going on to 2: both meetings' items; the second's "7"
 * is not the first's "6" carried on.
 */
static void test_field_second_meeting_restarts_under_one(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                  Town of Elmford\n                  Notice and Agenda\n"
		  "Tuesday, May 14, 2024        6:00 PM          Council Chambers, Town Hall\n\n"
		  "1 Call to Order in the Council Chambers (Open to the Public)\n\n2 Roll Call\n\n"
		  "3 Public Comment\n\n4 Closed Session Report\n\n5 Consent Calendar\n\n"
		  "6 Adjourn Joint Meeting of the Town Council and Housing Authority\n\n"
		  "SPECIAL TOWN COUNCIL MEETING (Immediately Following Joint Meeting)\n\n"
		  "1.A       24-0344      Approve Town Council Meeting Minutes of April 30, 2024\n"
		  "    Recommendation: Approve the minutes as submitted.\n\n"
		  "1.B       24-0348      Approve the List of Claims and Bills Approved for Payment by the\n"
		  "                       Town Manager\n"
		  "    Recommendation: Approve the list.\n\n"
		  "2         24-0046      Introduce an Ordinance to Award a Non-Exclusive Taxicab\n"
		  "                       Franchise to Elmford Cab Co.\n"
		  "    Recommendation: Introduce the ordinance.\n\n"
		  "3         24-0373      Appoint a Councilmember to the Regional Transit Policy\n"
		  "                       Advisory Board to Serve as a Voting Member\n"
		  "    Recommendation: Staff makes no recommendation.\n\n"
		  "4         24-0151      Introduce an Ordinance Amending Section 3.80.040 of the\n"
		  "                       Elmford Municipal Code to Increase the Minimum Wage\n"
		  "    Recommendation: Introduce the ordinance.\n\n"
		  "5         24-0030      Approve the Issuance of Request for Proposals to Develop a\n"
		  "                       Housing Project on Town Property on Mill Street\n"
		  "    Recommendation: Approve the issuance.\n\n"
		  "6         24-0301      Introduce an Ordinance to Amend Titles 3 (Revenue and\n"
		  "                       Finance) of the Elmford Municipal Code\n"
		  "    Recommendation: Introduce the ordinance.\n\n"
		  "7         24-1031      Consideration of Options for an Auxiliary Restroom at\n"
		  "                       Elm Park\n"
		  "    Recommendation: Defer the restroom.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5,6,1.A,1.B,2,3,4,5,6,7");
	assert_string_equal(m.items[6].title, "Approve Town Council Meeting Minutes of April 30, 2024");
	assert_string_equal(m.items[13].title, "Consideration of Options for an Auxiliary Restroom at Elm Park");
	field_meeting_release(&m);

	field_meeting_release(&m);
}

/*
 * Minutes in a table (number, item, action): a cell's bold title, then its
 * text with the action in the next cell.  The text's first sentence is no
 * title tail; a title wrapped in its cell ("... Historical" / "Society
 * Inc.<tab>ADOPTED") still is; a table under a short heading ("1. Finance"
 * / "Budget for the year<tab>24/25") is not.
 */
static void test_field_table_rows_with_actions(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Elmford Parish Council\n\nMinutes of the meeting held on Tuesday 12 March 2024\n"
		  "Minute\tItem\tAction\n"
		  "24/45\tApologies\nCllr G Gee sent apologies.\n"
		  "24/46\tMinutes of the last meeting\nThe minutes of 13 February were approved and signed.\tChair\n"
		  "24/47\tGrant to the Elmford Heritage and History\nSociety Inc.\tClerk\n"
		  "24/48\tPlanning\nApplication 24/00123/FUL at Mill Lane: no objection.\tClerk\n",
	      NULL, NULL);
	assert_items(&m, "24/45,24/46,24/47,24/48");
	assert_string_equal(m.items[1].title, "Minutes of the last meeting");
	assert_string_equal(m.items[2].title, "Grant to the Elmford Heritage and History Society Inc.");
	assert_string_equal(m.items[3].title, "Planning");
	field_meeting_release(&m);

	/* a short heading with a table under it: the first cell is no tail */
	parse(&m, "Elmford Parish Council\n\nMinutes of the meeting held on Tuesday 12 March 2024\n\n"
		  "1. Finance\nBudget for the year\t24/25\nPrecept\t24,500\n\n2. Planning\nNone.\n\n"
		  "3. Close\nClosed at 8pm.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].title, "Finance");
	field_meeting_release(&m);
}

/*
 * A number printed twice by mistake is two items (a chain cannot hold both:
 * numbers move forward); the same number indented under an item, or
 * another number of the scheme in between, is not such a repeat.
 */
static void test_field_number_printed_twice(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "ANYTOWN PARISH COUNCIL\nMINUTES OF THE ANNUAL PARISH MEETING 25 APRIL 2023\n\n"
		  "1. Minutes of the last meeting\nThe minutes were taken as read and signed.\n\n"
		  "2. Annual Report\nThere were no questions on the report.\n\n"
		  "3. Talk by the Footpaths Officer\nThe officer described the work on the bridleway.\n\n"
		  "3. Any other business\nThere were no other matters raised.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,3");
	assert_string_equal(m.items[2].title, "Talk by the Footpaths Officer");
	assert_string_equal(m.items[3].title, "Any other business");
	field_meeting_release(&m);

	memset(&m, 0, sizeof m);
	parse(&m, "ANYTOWN PARISH COUNCIL\nMINUTES OF THE ANNUAL PARISH MEETING 25 APRIL 2023\n\n"
		  "1. Minutes of the last meeting\nThe minutes were taken as read and signed.\n\n"
		  "2. Annual Report\nThere were no questions on the report.\n\n"
		  "3. Talk by the Footpaths Officer\nThe officer described the work on the bridleway.\n"
		  "   3. Footpath Review\n   Members thanked the volunteers.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_non_null(strstr(m.items[2].body, "Footpath Review"));
	field_meeting_release(&m);
}

/*
 * A notice: the letter's date, then "A meeting of the ... will be / held on
 * <date>": the meeting's date is the one it calls, and the committee named
 * with commas and "&" is one facet value ("&" written "and").  The next
 * meeting named at the end of minutes is not their date.
 */
static void test_field_notice_calls_a_meeting(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Westbury City and County Council\n\n26th September 2023\n\n"
		  "To / Each Member of the Housing, Transport & Culture SPC\n\nDear Member,\n\n"
		  "A meeting of the Housing, Transport & Culture Strategic Policy Committee will be\n"
		  "held on Monday, 9 October 2023 at 2.00pm in the Council Chamber.\n\n"
		  "1. Adoption of Minutes\n2. Presentation on the Housing Plan\n3. Any Other Business\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20231009);
	assert_string_equal(m.committee, "Housing, Transport and Culture Strategic Policy Committee");
	field_meeting_release(&m);

	memset(&m, 0, sizeof m);
	parse(&m, "Westbury Parish Council\n\n12 March 2024\n\nMinutes of the meeting.\n\n"
		  "Present: Cllr A Smith (Chair), Cllr B Jones\n\n"
		  "1. Apologies\nNone.\n\n2. Date of next meeting\n"
		  "The next meeting will be held on 9 April 2024.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20240312);
	field_meeting_release(&m);
}

/*
 * Minute numbers written with a word ("Minute 45.", "Min. 24/101") or a
 * council's letter code ("FC/23/101", "PC23/45", "P&R 23/7"), or with a
 * year of four digits ("2024/101"); a site reference in a table
 * ("SR/147/001") is not a minute number.
 */
static void test_field_minute_words_and_codes(void **state)
{
	static const char *const shapes[][2] = {
		{ "FC/23/", "FC/23/101,FC/23/102,FC/23/103" },
		{ "PC23/", "PC23/101,PC23/102,PC23/103" },
		{ "P&R 23/", "P&R 23/101,P&R 23/102,P&R 23/103" },
		{ "Minute ", "101,102,103" },
		{ "Min. 24/", "24/101,24/102,24/103" },
		{ "2024/", "2024/101,2024/102,2024/103" },	/* a year of four digits first */
		{ "Minute 2024/", "2024/101,2024/102,2024/103" },
		{ "Item #", "101,102,103" },	/* US */
		{ "Item # ", "101,102,103" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
		struct field_meeting m = {0};
		char text[600];

		snprintf(text, sizeof text,
			 "Anyton Parish Council\n\nMinutes of the meeting held on 4 March 2024\n\n"
			 "%s101 Apologies\nNone.\n\n%s102 Declarations of interest\nNone.\n\n"
			 "%s103 Planning\nThe council noted the applications.\n",
			 shapes[k][0], shapes[k][0], shapes[k][0]);
		parse(&m, text, NULL, NULL);
		assert_items(&m, shapes[k][1]);
		assert_string_equal(m.items[2].title, "Planning");
		field_meeting_release(&m);
	}
	{
		struct field_meeting m = {0};

		parse(&m, "Anyton Community Council\n\nMinutes of the meeting held on 6 February 2019\n\n"
			  "1. WELCOME\nThe chair welcomed members.\n\n2. CANDIDATE SITES\n"
			  "The following observations were agreed:\n\n"
			  "SR/147/001               Salem                            No concerns.\n"
			  "SR/147/002               Salem                            No concerns.\n"
			  "SR/147/003               Salem                            Objection.\n\n"
			  "3. CLOSE\nThe meeting closed at 9pm.\n",
		      NULL, NULL);
		assert_items(&m, "1,2,3");
		field_meeting_release(&m);
	}
	/* a letter code, the resolution's number, the month and the year (South Africa) */
	{
		struct field_meeting m = {0};

		parse(&m, "KAROO RIVER LOCAL MUNICIPALITY\nMINUTES OF THE ORDINARY COUNCIL MEETING HELD ON 27 MARCH 2024\n\n"
			  "C01/03/2024   OPENING AND WELCOME\n\nThe Speaker declared the meeting open.\n\n"
			  "C02/03/2024   CONFIRMATION OF MINUTES\n\nRESOLVED\nThat the minutes be confirmed.\n\n"
			  "C03/03/2024   ADJUSTMENTS BUDGET 2023/2024\n\nRESOLVED\nThat the budget be approved.\n", NULL, NULL);
		assert_items(&m, "C01/03/2024,C02/03/2024,C03/03/2024");
		assert_string_equal(m.items[2].title, "ADJUSTMENTS BUDGET 2023/2024");
		field_meeting_release(&m);
	}
}

/*
 * A year and a minute joined by a dot, the minute in three digits with a
 * leading zero ("24.045 APOLOGIES", "045.24"); "45.24" and "24.125" are
 * decimals, not numbers of items.
 */
static void test_field_dotted_year_minutes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "FERNDALE TOWN COUNCIL\nMinutes of the meeting held on 15 April 2024\n\n"
		  "24.045 APOLOGIES FOR ABSENCE\nApologies were received from Councillor K Lane.\n\n"
		  "24.046 DECLARATIONS OF INTEREST\nNone.\n\n24.047 FINANCE\nThe payments were approved.\n",
	      NULL, NULL);
	assert_items(&m, "24.045,24.046,24.047");
	assert_string_equal(m.items[2].title, "FINANCE");
	field_meeting_release(&m);
	parse(&m, "FERNDALE TOWN COUNCIL\nMinutes of the meeting held on 15 April 2024\n\n"
		  "045.24 Apologies\nNone.\n\n046.24 Planning\nNone.\n", NULL, NULL);
	assert_items(&m, "045.24,046.24");
	field_meeting_release(&m);
	parse(&m, "FERNDALE TOWN COUNCIL\nMinutes of the meeting held on 15 April 2024\n\n"
		  "1. Finance\nThe precept was set at\n24.125 per cent.\n45.24 was spent.\n\n2. Planning\nNone.\n",
	      NULL, NULL);
	assert_items(&m, "1,2");
	field_meeting_release(&m);
}

/*
 * An agenda in Roman sections with lettered items: "I." and "V." are
 * sections, not also the letters I and V, and a section's only item ("IV.
 * NEW BUSINESS" / "A. Award of ...") is an item.  With no time in the
 * heading, the meeting's is the one it was called to order at.
 */
static void test_field_roman_sections_with_letters(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF ANYVILLE\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, January 9, 2024 - 6:00 PM\n\n"
		  "I. CALL TO ORDER\nMayor Lee called the meeting to order at 6:01 PM.\n\n"
		  "II. ROLL CALL\nPresent: Councilmembers Adams, Baker, Chen\n\n"
		  "III. CONSENT CALENDAR\nA. Approval of Minutes of December 12, 2023\n"
		  "B. Second Reading of Ordinance No. 2024-01\nApproved 3-0.\n\n"
		  "IV. NEW BUSINESS\nA. Award of Contract for Street Resurfacing\nStaff presented the report.\n\n"
		  "V. ADJOURNMENT\nThe meeting adjourned at 7:45 PM.\n",
	      NULL, NULL);
	assert_items(&m, "I,II,III,A,B,IV,A,V");
	assert_string_equal(m.items[6].title, "Award of Contract for Street Resurfacing");
	assert_string_equal(m.time, "18:00");	/* the dateline's */
	field_meeting_release(&m);

	/* no time in the heading: the one the meeting was called to order at */
	parse(&m, "VILLAGE OF ANYVILLE\nBOARD OF TRUSTEES MINUTES\nJanuary 8, 2024\n\n"
		  "I. CALL TO ORDER\nPresident Quinn called the meeting to order at 7:02 p.m.\n\n"
		  "II. ROLL CALL\nPresent: Trustees Reyes, Singh\n\nIII. ADJOURNMENT\nAdjourned at 8:10 p.m.\n",
	      NULL, NULL);
	assert_items(&m, "I,II,III");
	assert_non_null(m.time);
	assert_string_equal(m.time, "19:02");
	field_meeting_release(&m);
	/* or in a column beside the call to order's heading */
	parse(&m, "CITY OF ANYVILLE\nPLANNING COMMISSION MINUTES\nWednesday, March 6, 2024\n\n"
		  "1.   CALL TO ORDER                                                        7:00 PM\n"
		  "Chair Bee called the meeting to order.\n\n2.   ROLL CALL\nPresent: Commissioners Bee, Dee\n\n"
		  "3.   ADJOURNMENT                                                          7:45 PM\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_non_null(m.time);
	assert_string_equal(m.time, "19:00");
	field_meeting_release(&m);
}

/*
 * Decisions not marked "Resolved": "COUNCIL RESOLUTION 2024/15" with the
 * mover and seconder before the text and "CARRIED 5/0" after it (a motion
 * "LOST" is none), "AGREED
 * that ...", "It was agreed that ..."; prose that ends a line with
 * "decision." and a sentence starting "Agreed actions" are not decisions.
 */
static void test_field_decisions_without_resolved(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "SHIRE OF ANYWHERE\nMINUTES OF THE ORDINARY COUNCIL MEETING\nWednesday 21 February 2024\n\n"
		  "8.1 Road Maintenance Program 2024/25\nCOUNCIL RESOLUTION 2024/15\n"
		  "Moved: Cr Smith Seconded: Cr Jones\nThat Council adopts the Road Maintenance Program.\n"
		  "CARRIED 5/0\n\n"
		  "8.2 Village Hall Roof\nThe clerk reported on the quotes received.\n"
		  "AGREED that the lowest quote be accepted.\n\n"
		  "8.3 Speedwatch\nIt was agreed that two volunteers be trained.\n\n"
		  "8.4 Footpaths\nThe chair said the county would make a final\ndecision.\n"
		  "The meeting noted the report.\nAgreed actions are listed in the action log.\n\n"
		  "8.5 Budget Report\nMoved by Councillor Adams\nSeconded by Councillor Baker\n\n"
		  "That the budget report be received for information.\nCarried\n\n"
		  "8.6 Library\nMoved by the chair after a short debate the item was deferred.\n"
		  "That was the last item.\n\n"
		  "8.7 Roads\nMOTION\nMoved: Cr Brown Seconded: Cr Green\nThat Council defer the roads program.\nLOST\n",
	      NULL, NULL);
	assert_items(&m, "8.1,8.2,8.3,8.4,8.5,8.6,8.7");
	assert_int_equal(m.items[6].resolutions.n, 0);	/* a motion LOST is no decision */

	assert_int_equal(m.items[4].resolutions.n, 1);	/* Canada's "Moved by" / "Seconded by" / "That" */
	assert_string_equal(m.items[4].resolutions.v[0], "That the budget report be received for information");
	assert_int_equal(m.items[5].resolutions.n, 0);
	assert_string_equal(m.council, "Shire of Anywhere");	/* Australia's "Shire of X" */
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That Council adopts the Road Maintenance Program");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "that the lowest quote be accepted");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "that two volunteers be trained");
	assert_int_equal(m.items[3].resolutions.n, 0);
	field_meeting_release(&m);

	/* sub-numbered items without their parent heading, a numbered resolution
	 * after the first: "9.2" follows "9.1", not the resolution's "2." */
	parse(&m, "WATTLE SHIRE COUNCIL\nMinutes of the Ordinary Meeting of Council held on 14 March 2023\n\n"
		  "9.1 QUARTERLY REVIEW\n\nRESOLUTION 2023/43\nMoved: Cr P Green\nSeconded: Cr L White\n"
		  "That Council:\n1. Notes the quarterly budget review statement; and\n2. Adopts the revised budget.\n"
		  "CARRIED\n\n9.2 ROADS\n\nReport noted.\n\n9.3 PARKS\n\nReport noted.\n", NULL, NULL);
	assert_items(&m, "9.1,9.2,9.3");
	field_meeting_release(&m);
}

/*
 * Decisions of bodies that "agreed" (Scotland, England): "The Committee
 * agreed:-" and its list, "After discussion, the Committee agreed to ...",
 * "Members agreed to ..." (its first sentence only); New Zealand's
 * "Resolution number SOC2023/45" with "MOVED (A/B)"; prose that says a
 * body agreed with something is not one.
 */
static void test_field_decisions_agreed_by_a_body(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Glenmore Council\nMinutes of Meeting of the Education Committee held on Tuesday 6 June 2023\n\n"
		  "1. School Estate Strategy\n\nThere was submitted a report by the Executive Director.\n\n"
		  "The Committee agreed:-\n\n(1) to note the progress made; and\n(2) to approve the strategy.\n\n"
		  "2. Attainment Update\n\nAfter discussion, the Committee agreed to note the report.\n\n"
		  "3. Family Hubs\n\nMembers agreed to refer the decision to full Council. The Head of Legal\n"
		  "confirmed that the decision would first return to the Committee.\n\n"
		  "4. Apologies\n\nResolution number EDU2023/45\nMOVED (Baird/Carr)\n"
		  "That the apology from Councillor Dunn be received.\nCARRIED\n\n"
		  "5. Consultation\n\nThe Chair said that the Committee agreed with the concerns raised by parents\n"
		  "and would write to the Minister.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[1], "to approve the strategy");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to note the report");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "to refer the decision to full Council");
	assert_int_equal(m.items[3].resolutions.n, 1);
	assert_string_equal(m.items[3].resolutions.v[0], "That the apology from Councillor Dunn be received");
	assert_int_equal(m.items[4].resolutions.n, 0);
	field_meeting_release(&m);
}

/* The decisions of item i of m, joined with " | ", into out (for one compact assertion). */
static const char *decisions_of(const struct field_meeting *m, size_t i, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t r = 0; r < m->items[i].resolutions.n; r++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", r ? " | " : "",
			 m->items[i].resolutions.v[r]);
	return out;
}

/*
 * Decisions written inside a paragraph, as English parish and Irish
 * minutes do: "... report. RESOLVED that ...", "Proposed by Cllr A,
 * seconded by Cllr B and resolved that ...", "It was therefore resolved
 * to ...", "Council RESOLVED to ...", "It was RESOLVED by a majority that
 * ...", "Following discussion, it was agreed that ...", "After discussion
 * it was AGREED to ...", a proposer's sentence ending "all in favour", a
 * decision wrapped over a blank line ("it was agreed to allocate" /
 * "4,590 for fencing"), each its own sentence only, and a lettered list
 * after it not taken as its parts.  Not decisions: "The matter was
 * resolved by the Clerk", a motion's "BE IT RESOLVED", "this was
 * resolved unanimously" after the words it decides.  The venue after the
 * time: "at 7.30pm in the Village Hall".
 */
static void test_field_decisions_inside_paragraphs(void **state)
{
	struct field_meeting m = {0};
	char d[512];

	(void)state;
	parse(&m, "ASHCOMBE PARISH COUNCIL\nMinutes of the meeting held on Monday 8th January 2024 at 7.30pm "
		  "in the Village Hall\n\n"
		  "1. Budget\nThe Clerk presented the budget report. RESOLVED that the report be noted.\n\n"
		  "2. Precept\nAfter discussion it was proposed by Cllr Black, seconded by Cllr Grey and resolved "
		  "that the precept be set at 24,500.\n\n"
		  "3. Highways\nPotholes were reported in Mill Lane. It was therefore resolved to write to the highways "
		  "authority. The Clerk will chase.\n\n"
		  "4. Grants\nCouncil RESOLVED to give 200 to the youth club.\nIt was RESOLVED by a majority that "
		  "the hall fees rise by 5%.\n\n"
		  "5. Playground\nFollowing discussion, it was agreed that the swings be repaired.\n"
		  "After discussion it was AGREED to seek three quotes.\n\n"
		  "6. Website\nCllr Black proposed that a new website be bought, seconded by Cllr Grey; all in favour.\n\n"
		  "7. Allocations\nOn the proposal of Cllr Foley, seconded by Cllr Ryan, it was agreed to allocate\n\n"
		  "4,590 for fencing works at Belfry Heights.\n\n"
		  "8. Matters arising\na. Bench - the bench was discussed. It was resolved to paint it.\n"
		  "b. Bins - a new bin was asked for.\nc. Lights - the faulty light was resolved by the Clerk last week.\n\n"
		  "9. Motions\nTHEREFORE BE IT RESOLVED that the Council opposes the closure.\n"
		  "Cllr Grey proposed the closure be opposed; this was resolved unanimously.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5,6,7,8,9");
	assert_string_equal(m.venue, "Village Hall");	/* "at 7.30pm in the Village Hall" */
	assert_string_equal(decisions_of(&m, 0, d, sizeof d), "that the report be noted");
	assert_string_equal(decisions_of(&m, 1, d, sizeof d), "that the precept be set at 24,500");
	assert_string_equal(decisions_of(&m, 2, d, sizeof d), "to write to the highways authority");
	assert_string_equal(decisions_of(&m, 3, d, sizeof d),
			    "to give 200 to the youth club | by a majority that the hall fees rise by 5%");
	assert_string_equal(decisions_of(&m, 4, d, sizeof d), "that the swings be repaired | to seek three quotes");
	assert_string_equal(decisions_of(&m, 5, d, sizeof d), "that a new website be bought");
	assert_string_equal(decisions_of(&m, 6, d, sizeof d), "to allocate 4,590 for fencing works at Belfry Heights");
	assert_string_equal(decisions_of(&m, 7, d, sizeof d), "to paint it");
	assert_string_equal(decisions_of(&m, 8, d, sizeof d), "");
	field_meeting_release(&m);
}

/*
 * US minutes in lettered sections whose numbered items restart under each
 * letter ("E. CONSENT CALENDAR" / "1." "2.", "F. PUBLIC HEARINGS" / "1."),
 * the roll taken under an item ("B. ROLL CALL" / "Present: ..." /
 * "Absent: ...") when the front matter has none.
 */
static void test_field_us_lettered_sections_and_roll_call(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF MAPLETON\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, March 5, 2024\n6:00 PM\n\n"
		  "A. CALL TO ORDER\nMayor Ruiz called the meeting to order at 6:02 p.m.\n\n"
		  "B. ROLL CALL\nPresent: Mayor Ruiz, Vice President Chen, Councilmembers Diaz, Park and Smith\n"
		  "Absent: Councilmember Lee\n\n"
		  "C. CONSENT CALENDAR\n1. Approve Minutes of February 20, 2024\n"
		  "2. Adopt Resolution No. 2024-15 Authorizing Purchase of Two Police Vehicles\n"
		  "MOTION: Councilmember Diaz moved to approve the Consent Calendar, seconded by Councilmember Park. "
		  "The motion carried 5-0.\n\n"
		  "D. PUBLIC HEARINGS\n1. Ordinance No. 1045 Amending Chapter 17 of the Municipal Code\n"
		  "The public hearing was opened and closed.\n\n"
		  "E. ADJOURNMENT\nThe meeting adjourned at 7:45 p.m.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "A,B,C,1,2,D,1,E");
	assert_string_equal(m.items[6].title, "Ordinance No. 1045 Amending Chapter 17 of the Municipal Code");
	assert_int_equal(m.present.n, 5);
	assert_string_equal(m.present.v[1], "Chen");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Lee");
	field_meeting_release(&m);
}

/*
 * US councils named by their place and kind with a board after them:
 * "Hartwell County Board of Supervisors" (council "Hartwell County",
 * committee "Board of Supervisors"), "Elm Village Board of Trustees", a
 * heading "Oak Township" on its own line above its board.
 */
static void test_field_us_county_township_village(void **state)
{
	static const char *const cases[][3] = {
		{ "Hartwell County Board of Supervisors\nMeeting Minutes\n", "Hartwell County", "Board of Supervisors" },
		{ "Elm Village Board of Trustees\nRegular Meeting Minutes\n", "Elm Village", "Board of Trustees" },
		{ "Oak Township\nBoard of Trustees\nMinutes\n", "Oak Township", "Board of Trustees" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct field_meeting m = {0};
		char text[512];

		snprintf(text, sizeof text, "%sMarch 12, 2024\n\n1. Call to Order\nCalled to order.\n\n"
			 "2. Minutes\nApproved.\n", cases[k][0]);
		parse(&m, text, NULL, NULL);
		assert_non_null(m.council);
		assert_string_equal(m.council, cases[k][1]);
		assert_string_equal(m.committee, cases[k][2]);
		field_meeting_release(&m);
	}
}

/*
 * Venues: on a line of their own under the date and a time alone
 * ("Tuesday, March 5, 2024" / "6:00 PM" / "Council Chambers, 100 Main
 * Street"); "Held in the Board Room, Elderpark Workspace at 7 p.m." without
 * its time; none from a line that is no place ("Present: ...").
 */
static void test_field_venue_lines(void **state)
{
	static const char *const cases[][2] = {
		{ "CITY OF MAPLETON\nCITY COUNCIL MINUTES\nTuesday, March 5, 2024\n6:00 PM\n"
		  "Council Chambers, 100 Main Street\n\n", "Council Chambers, 100 Main Street" },
		{ "GOVAN COMMUNITY COUNCIL\nGENERAL MEETING MONDAY 8 JULY 2024\n"
		  "Held in the Board Room, Elderpark Workspace at 7 p.m.\nPresent: Esme Clark\n\n",
		  "Board Room, Elderpark Workspace" },
		{ "CITY OF MAPLETON\nCITY COUNCIL MINUTES\nTuesday, March 5, 2024\nPresent: Mayor Ruiz\n\n", NULL },
		/* a heading in capitals: "AT THE" goes as "at the" does */
		{ "HOLLYBANK TOWN COUNCIL\nMINUTES OF THE MEETING OF THE FINANCE COMMITTEE\n"
		  "HELD ON WEDNESDAY 21ST FEBRUARY 2024 AT 7PM AT THE TOWN HALL\n\n", "Town Hall" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct field_meeting m = {0};
		char text[512];

		snprintf(text, sizeof text, "%s1. Call to Order\nCalled to order.\n\n2. Minutes\nApproved.\n",
			 cases[k][0]);
		parse(&m, text, NULL, NULL);
		if (cases[k][1]) {
			assert_non_null(m.venue);
			assert_string_equal(m.venue, cases[k][1]);
		} else {
			assert_null(m.venue);
		}
		field_meeting_release(&m);
	}
	/* the heading's sentence wrapped inside the venue: it runs to the full stop */
	{
		struct field_meeting m = {0};

		parse(&m, "MARLHAM TOWN COUNCIL\n\nMinutes of the meeting held on Tuesday 19th March 2024 at 7.00pm "
			  "in the Lesser\nHall, Marlham Institute.\n\nPresent: Cllrs J Abel (Chairman), K Blythe\n\n"
			  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n", NULL, NULL);
		assert_string_equal(m.venue, "Lesser Hall, Marlham Institute");
		field_meeting_release(&m);
	}
}

/*
 * Scotland's council minutes: the council named by its place alone
 * ("GLENMORE COUNCIL"), "MINUTE of MEETING of the ..." (minutes, in the
 * singular), and numbers that open paragraphs under headings of their own
 * ("School Estate Strategy" / "3. There was submitted a report ..."): the
 * heading is the title, not the end of the item before.
 */
static void test_field_scottish_headings_over_numbers(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "GLENMORE COUNCIL\n\nMINUTE of MEETING of the EDUCATION COMMITTEE held in the Council Chambers "
		  "on Thursday, 14 March 2024 at 10.00 a.m.\n\nSederunt:\nCouncillor Baird (Convener); and "
		  "Councillors Carr and Ellis.\n\n"
		  "Declarations of Interest\n1. There were no declarations of interest.\n\n"
		  "Minute of Previous Meeting\n\n2. The minute of the meeting of 8 February 2024 was approved.\n\n"
		  "School Estate Strategy\n3. There was submitted a report by the Executive Director of Education.\n"
		  "The Committee agreed to approve the strategy.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_non_null(m.council);
	assert_string_equal(m.council, "Glenmore Council");
	assert_string_equal(m.committee, "Education Committee");
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].title, "Declarations of Interest");
	assert_string_equal(m.items[1].title, "Minute of Previous Meeting");
	assert_string_equal(m.items[2].title, "School Estate Strategy");
	assert_null(strstr(m.items[0].body, "Minute of Previous"));
	assert_int_equal(m.items[2].resolutions.n, 1);
	field_meeting_release(&m);
}

/*
 * New Zealand's local boards: the roll by office ("Chairperson Genevieve
 * Sage" chairs; "Deputy Chairperson ...", "Members ..." and names under
 * them), "ABSENT" / "Member ...", and resolutions "That the ... Board:"
 * leading into a lettered list that "CARRIED" ends (the lead-in and the
 * outcome are not decisions); a list a vote "LOST" is no decision.
 */
static void test_field_nz_local_board(void **state)
{
	struct field_meeting m = {0};
	char d[512];

	(void)state;
	parse(&m, "Kauri Local Board\nOPEN MINUTES\n\nMinutes of a meeting of the Kauri Local Board held in the Board "
		  "Office on Tuesday, 12 March 2024 at 1.00pm.\n\nPRESENT\nChairperson Genevieve Sage\n"
		  "Deputy Chairperson Greg Moyle\nMembers Alexandra Bonham\n Richard Northey\n\n"
		  "ABSENT\nMember Sarah Trotman\n\n"
		  "1 Welcome\nMember Northey opened the meeting.\n\n"
		  "2 Transport update\nResolution number KLB/2024/16\nMOVED by Member A Bonham, seconded by "
		  "Deputy Chairperson G Moyle:\nThat the Kauri Local Board:\na) receive the transport update.\n"
		  "b) request a speed review of Ponsonby Road.\nCARRIED\n\n"
		  "3 Berm mowing\nResolution number KLB/2024/17\nMOVED by Member R Northey, seconded by Member "
		  "A Bonham:\nThat the Kauri Local Board:\na) stop mowing berms.\nLOST\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "1,2,3");
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Genevieve Sage");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[1], "Greg Moyle");
	assert_string_equal(m.present.v[2], "Alexandra Bonham");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Sarah Trotman");
	assert_string_equal(decisions_of(&m, 1, d, sizeof d),
			    "receive the transport update | request a speed review of Ponsonby Road");
	assert_string_equal(decisions_of(&m, 2, d, sizeof d), "");
	field_meeting_release(&m);
}

/*
 * Minutes laid out as "Item  Discussion  Action" (pdftotext -layout): who
 * acts, in the right-hand column, is not read into the text ("... will
 * write to      Clerk" / "the County Council."), nor initials at the right
 * margin ("... was awaited.      GD"); a table's cells under no Action
 * heading stay ("VAT", sums).  The venue on the line under the time ("in
 * the Village Hall").  The signature line at the foot ("Signed ……
 * Chairman  Date ....") is not the last item's text.
 */
static void test_field_action_column(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                HARTWELL PARISH COUNCIL\n"
		  "   Minutes of the Parish Council meeting held on 12 March 2024 at 7pm\n"
		  "                  in the Village Hall\n\n"
		  " Item   Discussion                                                            Action\n\n"
		  " 1.     Minutes of the last meeting\n"
		  "        The minutes of 13 February 2024 were approved and signed.             Chair\n\n"
		  " 2.     Highways\n"
		  "        Potholes in Mill Lane were reported again. The Clerk will write to    Clerk\n"
		  "        the County Council. The new brochure was awaited.                     GD\n\n"
		  " 3.     Finance\n"
		  "        Payee       Total      VAT\n"
		  "        Clerk       136.66     0.00\n\n"
		  " 4.     Date of next meeting\n"
		  "        9 April 2024.\n\n"
		  "Signed \xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6 Chairman    "
		  "Date ..........\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[3].body, "9 April 2024.");	/* the signature line is no text */
	assert_non_null(m.venue);
	assert_string_equal(m.venue, "Village Hall");
	assert_string_equal(m.items[0].body, "The minutes of 13 February 2024 were approved and signed.");
	assert_string_equal(m.items[1].body, "Potholes in Mill Lane were reported again. The Clerk will write to the "
			    "County Council. The new brochure was awaited.");
	assert_non_null(strstr(m.items[2].body, "VAT"));
	assert_non_null(strstr(m.items[2].body, "0.00"));
	field_meeting_release(&m);
}

/*
 * A US notice of meeting: "NOTICE OF REGULAR MEETING OF THE PLANNING
 * COMMISSION" is an agenda, its committee named on its line though the
 * next line runs on in capitals ("NOTICE IS HEREBY GIVEN that ...").
 */
static void test_field_us_notice_of_meeting(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF MAPLETON\nNOTICE OF REGULAR MEETING OF THE PLANNING COMMISSION\n"
		  "NOTICE IS HEREBY GIVEN that the Planning Commission of the City of Mapleton will hold a regular "
		  "meeting on Wednesday, April 10, 2024, at 6:30 p.m. in the Council Chambers.\n\n"
		  "1. CALL TO ORDER\n2. ROLL CALL\n3. APPROVAL OF MINUTES\n4. ADJOURNMENT\n",
	      NULL, NULL);
	assert_non_null(m.committee);
	assert_string_equal(m.committee, "Planning Commission");
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_int_equal(m.date, 20240410);
	assert_items(&m, "1,2,3,4");
	field_meeting_release(&m);
}

/*
 * Attendance labels of other shapes: "Councillors in attendance:",
 * "Members in attendance:", "Present (in person):" / "Present
 * (remotely):", "In the Chair:" then "Councillors:".
 */
static void test_field_attendance_labels(void **state)
{
	static const char *const cases[] = {
		"Councillors in attendance: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown\n",
		"Members in attendance: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown\n",
		"Present (in person): Cllr A Smith (Chair), Cllr B Jones\nPresent (remotely): Cllr C Brown\n",
		"In the Chair: Cllr A Smith\nCouncillors: B Jones, C Brown\n",
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct field_meeting m = {0};
		char text[512];

		snprintf(text, sizeof text, "Hartwell Parish Council\nMinutes of the meeting held on 12 March 2024\n\n%s\n"
			 "1. Minutes\nApproved.\n\n2. Planning\nNone.\n", cases[k]);
		parse(&m, text, NULL, NULL);
		assert_int_equal(m.present.n, 3);
		assert_string_equal(m.present.v[2], "C Brown");
		assert_non_null(m.chair);
		assert_string_equal(m.chair, "A Smith");
		field_meeting_release(&m);
	}
}

/*
 * US minutes headed by lines in capitals, with "Label:" lines within them:
 * the capitals are the items when they outnumber the labels; the dateline's
 * time ("Tuesday, February 20, 2024 - 7:00 PM") is no label; a measure's
 * name after its number ("Resolution 2024-11: Authorizing ...") is no
 * decision; "Alderwoman" is an office before a name and a mover.
 */
static void test_field_us_caps_sections_over_labels(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF ELMDALE\nCITY COUNCIL MINUTES\nTuesday, March 5, 2024 - 6:30 PM\n\n"
		  "CALL TO ORDER\nMayor Stone called the meeting to order at 6:30 PM.\n\n"
		  "ROLL CALL\nPresent: Mayor Stone, Alderman Adams, Alderwoman Baker, Alderman Cole\n"
		  "Absent: Alderwoman Diaz\n\n"
		  "NEW BUSINESS\nOrdinance 2024-05: An Ordinance Amending the Sign Code\n"
		  "Alderwoman Baker moved to adopt Ordinance 2024-05, seconded by Alderman Cole.\n"
		  "Roll call vote: Ayes: Adams, Baker, Cole. Nays: None. Motion carried.\n\n"
		  "Resolution 2024-09: Approving an Agreement for Tree Trimming\n"
		  "Alderman Adams moved to approve Resolution 2024-09, seconded by Alderwoman Baker.\n"
		  "Motion carried 3-0.\n\n"
		  "ADJOURNMENT\nThe meeting adjourned at 7:05 PM.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20240305);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "CALL TO ORDER");
	assert_string_equal(m.items[2].title, "NEW BUSINESS");
	assert_int_equal(m.items[2].resolutions.n, 2);
	assert_string_equal(m.items[2].resolutions.v[0], "to adopt Ordinance 2024-05");
	assert_string_equal(m.items[2].resolutions.v[1], "to approve Resolution 2024-09");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[2], "Baker");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Diaz");
	field_meeting_release(&m);

	/* the same layout in other words: labels inside the sections stay their text */
	parse(&m, "VILLAGE OF ASHBY\nBOARD OF TRUSTEES MINUTES\nMonday, April 8, 2024 - 7:00 PM\n\n"
		  "APPROVAL OF MINUTES\nTrustee Reed moved to approve the minutes. Motion carried 5-0.\n\n"
		  "OLD BUSINESS\nSidewalks: Staff reported on the repairs.\nSnow removal: The contract ends in May.\n\n"
		  "NEW BUSINESS\nPark hours: Trustees discussed summer hours.\n\n"
		  "PUBLIC COMMENT\nNone.\n\nADJOURNMENT\nThe meeting adjourned at 8:10 PM.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20240408);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[1].title, "OLD BUSINESS");
	assert_non_null(strstr(m.items[1].body, "Snow removal"));
	field_meeting_release(&m);
}

/*
 * US headings in capitals with nothing under them ("PLEDGE OF
 * ALLEGIANCE" / "" / "APPROVAL OF MINUTES"), but not a lone "CARRIED"; a
 * paragraph whose last line says more than one sentence before its
 * disposition is a body ("The hearing was opened. No one spoke. ... Adopted.").
 */
static void test_field_us_headings_with_nothing_under(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "BOROUGH OF ELMHURST\nMAYOR AND COUNCIL\nREGULAR MEETING MINUTES\n\nTuesday, February 13, 2024\n\n"
		  "CALL TO ORDER\nMayor Ames called the meeting to order at 7:30 p.m.\n\n"
		  "PLEDGE OF ALLEGIANCE\n\n"
		  "APPROVAL OF MINUTES\nMotion by Councilman Bell, second by Councilwoman Cruz, to approve the minutes.\n\n"
		  "CARRIED\n\n"
		  "ORDINANCES - SECOND READING\nOrdinance 2024-02  An Ordinance Amending Chapter 190, Parking\n"
		  "The hearing was opened. No one spoke. Motion by Councilman Bell to adopt. Adopted.\n\n"
		  "ADJOURNMENT\nThe meeting adjourned at 8:05 p.m.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[1].title, "PLEDGE OF ALLEGIANCE");
	assert_string_equal(m.items[2].title, "APPROVAL OF MINUTES");
	assert_string_equal(m.items[3].title, "ORDINANCES - SECOND READING");
	assert_string_equal(m.items[4].title, "ADJOURNMENT");
	field_meeting_release(&m);
}

/*
 * More attendance labels: Canada's "Regrets:", US "Board Members Absent:",
 * "Also attending:", a clerk named alone ("Clerk: Mrs A Evans", not a
 * transcript's "Clerk: Mr. Speaker ..., His Worship ..."), labels in two
 * languages ("I L\u00e1thair / Present:", "Oifigigh / Officials in
 * attendance:"), Welsh "PRESENNOL" with "Cynghorwyr" before the names,
 * police officers' ranks before a name ("PC Amy Reid").
 */
static void test_field_attendance_labels_more(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "THE CORPORATION OF THE TOWNSHIP OF PINE RIDGE\nREGULAR COUNCIL MEETING MINUTES\n"
		  "Monday, March 11, 2024\n\nPresent:   Mayor Dana Kos\n           Councillor Lisa Marr\n\n"
		  "Regrets:   Councillor Amy Sims\n\nStaff Present: Jenna Fry, Clerk\n\n"
		  "1. CALL TO ORDER\nThe Mayor called the meeting to order.\n\n2. ADJOURNMENT\nAdjourned.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Amy Sims");
	field_meeting_release(&m);

	/* lists side by side in columns (pdftotext -layout): each column to its own list, a new
	 * label down a column, the public's names to none; a label after another on one line */
	parse(&m, "HARTWELL PARISH COUNCIL\nMinutes of the meeting held on 14 May 2015\n\n"
		  "            Present:                          Also in attendance:            Apologies:\n"
		  "        N Oakhill (Chair)               M May                    E Deeley     J Macnamara\n"
		  "         K Draper (KD)                  D Summers                R Deeley     K Hewitt\n"
		  "         C Rothero (CR)                                          B Wright\n\n"
		  "1. Minutes\nApproved.\n\n2. Planning\nNone.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.chair, "N Oakhill");
	assert_int_equal(m.officers.n, 5);
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[1], "K Hewitt");
	field_meeting_release(&m);
	parse(&m, "HARTWELL PARISH COUNCIL\nMinutes of the meeting held on 14 May 2015\n\n"
		  "Present:                                Members of the Public:\n"
		  "Nick Oakhill (NO) CHAIR                 Cllr Andrew Hughes\n"
		  "Heidi Dennison (HD)                     Joanna Carlisle\n"
		  "Mr C Rothero                            Apologies:\n"
		  "Mrs J Martin (RFO)                      Mr R Deeley\n\n"
		  "1. Minutes\nApproved.\n\n2. Planning\nNone.\n", NULL, NULL);
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[3], "J Martin");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "R Deeley");
	field_meeting_release(&m);
	/* a roll after an item's label on its line, wrapped after a plural title */
	parse(&m, "CITY OF MAPLETON\nPLANNING BOARD MINUTES\nMarch 4, 2010\n\n"
		  "2.      ROLL CALL:         Present: Chair Owens, Vice Chair Rauk, Board Members\n"
		  "                           Hoffman, Irons, and Lynch\n\n"
		  "3.      MINUTES:           Meeting of February 4, 2010\n\n4.      ADJOURNMENT\n", NULL, NULL);
	assert_int_equal(m.present.n, 5);
	assert_string_equal(m.present.v[4], "Lynch");
	field_meeting_release(&m);

	/* a dash for the label's colon */
	parse(&m, "Hartwell Parish Council\nMinutes of the meeting held on 12 March 2024\n\n"
		  "Present \xe2\x80\x93 Cllrs A Smith, B Jones and C Brown\nApologies - Cllr D Green\n\n"
		  "1. Minutes\nApproved.\n\n2. Planning\nNone.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "D Green");
	field_meeting_release(&m);

	parse(&m, "ELM VALLEY UNIFIED SCHOOL DISTRICT\nBOARD OF EDUCATION\nREGULAR MEETING MINUTES\nJanuary 9, 2024\n\n"
		  "Board Members Present: Maria Ott, President; James Li, Member\n"
		  "Board Members Absent: Sam White, Member\n\n1. PLEDGE OF ALLEGIANCE\n\n2. ADJOURNMENT\nAdjourned.\n",
	      NULL, NULL);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Sam White");
	field_meeting_release(&m);

	parse(&m, "GLENBRAE COMMUNITY COUNCIL\nMinutes of meeting held on Wednesday 13th March 2024\n\n"
		  "Attendees: Fiona Bell (Chair), Ewan Ross\nAlso attending: PC Amy Reid (Police Scotland)\n"
		  "Clerk: Mrs A Evans\n\n1. Minutes\nApproved.\n\n2. Police report\nFour incidents.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_int_equal(m.officers.n, 2);
	assert_string_equal(m.officers.v[0], "Amy Reid");
	assert_string_equal(m.officers.v[1], "A Evans");
	field_meeting_release(&m);

	parse(&m, "City of Anyville\nCouncil Minutes\nMay 29, 2013\n\n"
		  "Clerk: Mr. Speaker Councillor Reed, His Worship, Mayor Kent, Councillors: Adams, Baker\n\n"
		  "Mr. Speaker: Proceed.\n\n1. Minutes\nAdopted.\n\n2. Reports\nReceived.\n", NULL, NULL);
	assert_int_equal(m.officers.n, 0);
	field_meeting_release(&m);

	parse(&m, "ANYTOWN COUNTY COUNCIL\n\nMinutes of the Meeting of the Glenville Municipal District held on "
		  "Tuesday 21st May 2024\n\nI L\xc3\xa1thair / Present:\nCouncillors: J. Flynn (Cathaoirleach), M. Hart\n\n"
		  "Oifigigh / Officials in attendance:\nMr. T. Kelly, Senior Executive Officer\n\n"
		  "1. MINUTES\nConfirmed.\n\n2. CORRESPONDENCE\nNone.\n", NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "T. Kelly");
	field_meeting_release(&m);

	/* a roll after a sentence of prose, that sentence alone */
	parse(&m, "MINUTES OF THE REGULAR MEETING OF THE BOARD OF SUPERVISORS\nOF ROCK COUNTY, IOWA\nMarch 12, 2024\n\n"
		  "The Board met in regular session at 9:00 a.m. in the Courthouse. Present: Supervisors Hahn,\n"
		  "Kruse and Vogel. The Chair presided.\n\nMoved by Kruse, seconded by Vogel, to approve the agenda. "
		  "Motion carried.\n\n1. Roads\nThe engineer reported.\n\n2. Adjournment\nAdjourned.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[0], "Hahn");
	assert_string_equal(m.present.v[2], "Vogel");
	field_meeting_release(&m);

	parse(&m, "CYNGOR CYMUNED LLANDEG\nCYFARFOD 11eg HYDREF 2017\n\nPRESENNOL\n"
		  "Cynghorwyr Alun Rees, Gwen Evans, Huw Price\n\n1. CROESO\nCroeso i bawb.\n\n"
		  "2. COFNODION\nCymeradwywyd.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[0], "Alun Rees");
	field_meeting_release(&m);
	/* labels with a column's gap for a colon (a Word table in pdftotext, a table's cells) */
	parse(&m, "ELMBURY PARISH COUNCIL\nMinutes of the meeting held on 4 March 2024 at 7.30pm\n\n"
		  "Present          Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown\n"
		  "Apologies        Cllr D White, Cllr E Green\n"
		  "In attendance\tMrs F Reed (Clerk)\n\n"
		  "1. Apologies\nAs above.\n\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[1], "E Green");
	assert_int_equal(m.officers.n, 1);
	field_meeting_release(&m);
	/* who chaired: a role before the name in brackets, a "Chairman:" line, "in the Chair" and
	 * "presided" lines (a surname alone names the member present) */
	{
		static const char *const forms[][2] = {
			{ "The Mayor (Councillor Mrs E Pargeter) in the Chair\nPresent: Cllrs B Jones, C Brown",
			  "E Pargeter" },
			{ "Present: The Mayor (Cllr A Smith), Cllrs B Jones, C Brown", "A Smith" },
			{ "Chairman: Cllr A Smith\nPresent: Cllrs B Jones, C Brown", "A Smith" },
			{ "Councillor A Smith presided.\nPresent: Cllrs B Jones, C Brown", "A Smith" },
			{ "Present: Councillors Alan Beattie, Claire Doig\n\nCouncillor Beattie, Convener, in the Chair.",
			  "Alan Beattie" },
		};

		for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
			char text[400];

			snprintf(text, sizeof text, "ELMBURY TOWN COUNCIL\nMinutes of the meeting held on 4 March 2024\n\n"
				 "%s\n\n1. Apologies\nNone.\n\n2. Minutes\nApproved.\n", forms[k][0]);
			parse(&m, text, NULL, NULL);
			assert_non_null(m.chair);
			assert_string_equal(m.chair, forms[k][1]);
			assert_true(m.present.n >= 2);
			field_meeting_release(&m);
		}
	}
	/* sentences after the list and a blank line are not more of it */
	parse(&m, "KESTON TOWN COUNCIL\nAt a meeting held at the Guildhall on 5 March 2024.\n\n"
		  "PRESENT:- The Mayor (Councillor Mrs. E. M. Pargeter) in the Chair;\n"
		  "          Councillors G. Lomax, H. Nuttall and V. Prentice.\n\n"
		  "Mr. S. Quilliam, Town Clerk, was in attendance.\n\n"
		  "Apologies for absence were received from Councillors F. Radcliffe and\nW. Shufflebotham.\n\n"
		  "(160)  MINUTES.\n\nRESOLVED - That the Minutes be signed.\n\n"
		  "(161)  ENGAGEMENTS.\n\nNoted.\n", NULL, NULL);
	assert_string_equal(m.chair, "E. M. Pargeter");
	assert_int_equal(m.present.n, 4);
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "S. Quilliam");
	assert_int_equal(m.apologies.n, 2);
	field_meeting_release(&m);
	/* names in capitals after a plural title (Scotland); the chair named in full is the
	 * member listed by initial; a venue label after the time */
	parse(&m, "ANGUS COUNCIL\nCOMMUNITIES COMMITTEE\nMINUTE of MEETING held on Tuesday 5 March 2024\n\n"
		  "Present: Councillors ALAN BEATTIE, CLAIRE DOIG and EWAN FRASER.\n\n"
		  "Councillor BEATTIE, Convener, in the Chair.\n\n1. APOLOGIES\nNone.\n\n2. MINUTES\nApproved.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[1], "CLAIRE DOIG");
	assert_string_equal(m.chair, "ALAN BEATTIE");
	field_meeting_release(&m);
	parse(&m, "LOWER BRAYFIELD ANNUAL PARISH MEETING\n\n"
		  "Date: 21/03/2024          Time: 19:00          Venue: St Botolph's Church Room\n\n"
		  "Chairman: Cllr Graham Ellwood (Chairman of the Parish Council)\n\n"
		  "Present: Cllr G Ellwood, Cllr S Fairbairn, Cllr T Gosling\n\n"
		  "1. Welcome\nThe Chairman welcomed everyone.\n\n2. Minutes\nSigned.\n", NULL, NULL);
	assert_string_equal(m.venue, "St Botolph's Church Room");
	assert_string_equal(m.chair, "Graham Ellwood");
	assert_int_equal(m.present.n, 3);
	field_meeting_release(&m);
}

/*
 * A decision's outcome after its mover and seconder (New Zealand:
 * "Cr Ellis / Cr Fong      CARRIED") ends it; an Irish proposer's sentence
 * "it was proposed by A, seconded by B and agreed to ..." is a decision, as
 * is "it was moved by A, seconded by B, and carried, to ...".
 */
static void test_field_movers_and_outcome_on_one_line(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Kowhai District Council\nMinutes of the Works Committee held on Wednesday 7 February 2024\n\n"
		  "1    Apologies\n\n     Resolved:\n     That the apology from Cr D Clarke be received.\n"
		  "     Cr Ellis / Cr Fong                                         CARRIED\n\n"
		  "2    Water Update\n\n     Resolved:\n     That the Committee receives the report.\n"
		  "     Cr Tapsell / Mayor Ngata                                   LOST\n",
	      NULL, NULL);
	assert_items(&m, "1,2");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That the apology from Cr D Clarke be received");
	assert_int_equal(m.items[1].resolutions.n, 0);
	field_meeting_release(&m);

	parse(&m, "ANYTOWN COUNTY COUNCIL\nMinutes of the meeting held on 5 May 2024\n\n"
		  "1. WORKS PROGRAMME\nMr. Kelly presented the programme. Following discussion, it was proposed by "
		  "Cllr. Hart, seconded by Cllr. Flynn, and agreed to adopt the Works Programme 2024.\n\n"
		  "2. HOUSING\nIt was proposed by Cllr Ryan, seconded by Cllr Hart and agreed that the report be "
		  "noted.\n\n3. CORRESPONDENCE\nNone.\n", NULL, NULL);
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to adopt the Works Programme 2024");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "that the report be noted");
	field_meeting_release(&m);

	/* Louisiana police juries: "It was moved by A, seconded by B, and carried, to ..." */
	parse(&m, "ELM PARISH POLICE JURY\nMINUTES OF REGULAR MEETING\nMarch 4, 2024\n\n"
		  "1. Approval of minutes\nIt was moved by Mr. Fontenot, seconded by Ms. Guidry, and carried, to approve "
		  "the minutes as written.\n2. Drainage\nIt was moved by Mr. Hebert, seconded by Ms. Dupre, to defer "
		  "the item.\n3. Adjourn\nAdjourned.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to approve the minutes as written");
	assert_int_equal(m.items[1].resolutions.n, 0);	/* no vote said */
	field_meeting_release(&m);
}

/*
 * Legistar minutes (US): a title wrapped under its column ends where a
 * field's label starts ("Attachments:   Staff Report"); "A motion was made
 * by A, seconded by B, that" / "this Contract be Approved. The motion
 * carried ..." (the title added to say what "this" is); the roll under the
 * call to order ("Present:  5 -  ...").
 */
static void test_field_legistar_minutes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "City of Elmdale\n                               Meeting Minutes\n                                 City Council\n"
		  "Tuesday, March 12, 2024                  6:00 PM                  Council Chambers\n\n"
		  "1.    CALL TO ORDER\n\n      Mayor Bee called the meeting to order at 6:02 p.m.\n\n"
		  "      Present:  5 -   Mayor Ann Bee, Councilmember Carl Dee, Councilmember Eve Eff,\n"
		  "                      Councilmember Gus Hay and Councilmember Ivy Jay\n\n"
		  "2.    CONSENT CALENDAR\n\n"
		  "2.A   24-0123       Approval of the Minutes of the February 27, 2024 Meeting\n"
		  "                    Attachments:   Minutes 2-27-24\n"
		  "                    A motion was made by Councilmember Dee, seconded by Councilmember Eff, that\n"
		  "                    this Minutes be Approved. The motion carried by the following vote:\n"
		  "                    Aye:  5 -  Bee, Dee, Eff, Hay and Jay\n\n"
		  "2.B   24-0124       Award of Contract to Elm Paving Inc. for the 2024 Street Resurfacing\n"
		  "                    Project in the Amount of $1,204,000\n"
		  "                    Attachments:   Staff Report, Contract\n"
		  "                    A motion was made by Councilmember Hay, seconded by Councilmember Jay, that\n"
		  "                    this Contract be Approved. The motion carried by the following vote:\n"
		  "                    Aye:  4 -  Bee, Dee, Hay and Jay\n\n"
		  "3.    ADJOURNMENT\n\n      The meeting adjourned at 7:15 p.m.\n", NULL, NULL);
	assert_items(&m, "1,2,2.A,2.B,3");
	assert_string_equal(m.items[2].title, "Approval of the Minutes of the February 27, 2024 Meeting");
	assert_string_equal(m.items[3].title,
			    "Award of Contract to Elm Paving Inc. for the 2024 Street Resurfacing Project in the Amount of $1,204,000");
	assert_int_equal(m.items[3].resolutions.n, 1);
	/* what "this" is, is the title: the decision is found by what it decided */
	assert_string_equal(m.items[3].resolutions.v[0], "that this Contract be Approved – Award of Contract to Elm "
			    "Paving Inc. for the 2024 Street Resurfacing Project in the Amount of $1,204,000");
	assert_int_equal(m.present.n, 5);
	assert_string_equal(m.present.v[4], "Ivy Jay");
	field_meeting_release(&m);
}

/*
 * eSCRIBE minutes (Canada): "That ..." under its mover, the record of the
 * votes, then "Motion Passed (4 to 0)" or "Motion Failed (1 to 3)": a
 * failed motion decides nothing.  BoardDocs (US school boards): a roll with
 * a second label after its stop ("Members present: A, B. Absent: C."), a
 * "Regular Board Meeting" is the board's.
 */
static void test_field_escribe_and_boarddocs(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "# Council Minutes\n\n2nd Meeting of City Council\nJanuary 23, 2024, 4:00 PM\n\n"
		  "# 1.&nbsp;Consent\n\n**Moved by:** S. Lewis\n\n**Seconded by:** P. Cuddy\n\n"
		  "That items 1.1 to 1.3 BE APPROVED.\n\n**Yeas: (4):** J. Morgan, H. McAlister, S. Lewis, and P. Cuddy\n\n"
		  "**Motion Passed (4 to 0)**\n\n"
		  "# 2.&nbsp;Budget Update\n\n**Moved by:** H. McAlister\n\n**Seconded by:** S. Lewis\n\n"
		  "That the report BE RECEIVED for information.\n\n**Yeas: (1):** H. McAlister\n\n"
		  "**Nays: (3):** J. Morgan, S. Lewis, and P. Cuddy\n\n**Motion Failed (1 to 3)**\n\n"
		  "# 3.&nbsp;Adjournment\n\nThe meeting adjourned at 5:12 PM.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That items 1.1 to 1.3 BE APPROVED");
	assert_int_equal(m.items[1].resolutions.n, 0);
	field_meeting_release(&m);

	parse(&m, "Elmdale Community School District\nMinutes\nRegular Board Meeting\nMarch 11, 2024 6:00 PM\n\n"
		  "1. Opening of Meeting\n1.01 Call to Order\nPresident Ann Bee called the meeting to order.\n"
		  "1.02 Roll Call\nMembers present: Ann Bee, Carl Dee, Eve Eff, Gus Hay. Absent: Ivy Jay.\n"
		  "2. Adjournment\n", NULL, NULL);
	assert_string_equal(m.council, "Elmdale Community School District");
	assert_string_equal(m.committee, "Board");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[3], "Gus Hay");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Ivy Jay");
	field_meeting_release(&m);
}

/*
 * A numbered list inside an item (an English parish's payments: "3. Finance"
 * / "The following payments were approved:" / "1. Clerk's salary  \u00a3450.00"
 * ...): no items, and the items after it ("4. Planning") are not lost to a
 * second numbering it would seem to start.
 */
static void test_field_numbered_list_inside_an_item(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nThe minutes of 5 February were approved.\n\n"
		  "3. Finance\nThe following payments were approved:\n"
		  "1. Clerk's salary (February)        \xc2\xa3" "450.00\n"
		  "2. HMRC PAYE                        \xc2\xa3" "112.50\n"
		  "3. Elmshire Village Hall (hire)      \xc2\xa3" "25.00\n"
		  "4. Grass cutting contractor         \xc2\xa3" "240.00\n\n"
		  "4. Planning\nNo applications.\n\n5. Date of next meeting\n1 April 2024.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_string_equal(m.items[3].title, "Planning");
	assert_non_null(strstr(m.items[2].body, "HMRC PAYE"));
	field_meeting_release(&m);

	/* entries set apart by blank lines, the list's numbers running on into the next item's */
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Finance\nThe following payments were approved:\n\n"
		  "(1) Clerk's salary  \xc2\xa3" "450.00\n\n(2) HMRC  \xc2\xa3" "112.50\n\n(3) Hall hire  \xc2\xa3" "25.00\n\n"
		  "4. Planning\nNo applications.\n\n5. Date of next meeting\n1 April 2024.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	field_meeting_release(&m);

	/* a list of payments needs no colon before it */
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Finance\nPayments approved\n"
		  "1. Clerk       $450.00\n2. HMRC      $1,112.50\n3. Hall hire  \xe2\x82\xac" "25.00\n\n"
		  "4. Planning\nNo applications.\n\n5. Date of next meeting\n1 April 2024.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	field_meeting_release(&m);

	/* payments under a lettered item of a US consent agenda */
	parse(&m, "VILLAGE OF ELMDALE\nBOARD OF TRUSTEES\nMINUTES\nJanuary 8, 2024\n\n"
		  "I.   CALL TO ORDER\nCalled to order at 7:00 p.m.\n\nII.  CONSENT AGENDA\n"
		  "A. Approval of Minutes - December 11, 2023\nB. Approval of Bills Payable\n"
		  "   1. General Fund - $212,450.18\n   2. Water Fund - $48,771.02\nC. Treasurer's Report - November 2023\n"
		  "Trustee Reyes moved to approve the Consent Agenda. Motion carried.\n\nIII. ADJOURNMENT\n", NULL, NULL);
	assert_items(&m, "I,II,A,B,C,III");
	field_meeting_release(&m);

	/* a decision's list after "RESOLVED that", its entries capitalised: decisions, not items */
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Budget\nRESOLVED that\n1. The budget be approved.\n"
		  "2. The precept be set at \xc2\xa3" "18,500.\n3. The reserves policy be noted.\n\n"
		  "4. Planning\nNo applications.\n\n5. Date of next meeting\n1 April 2024.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_int_equal(m.items[2].resolutions.n, 3);
	assert_string_equal(m.items[2].resolutions.v[1], "The precept be set at \xc2\xa3" "18,500");
	field_meeting_release(&m);
	/* a list inside an item of coded numbers, between it and the next; plain numbers around
	 * such a list stay items of a second run only when they have text under them */
	parse(&m, "THORNFORD PARISH COUNCIL\nMinutes of the Planning Committee held on 18 March 2024\n\n"
		  "PH/24/021 Planning applications\nNone received.\n\n"
		  "PH/24/022 Highways\n"
		  "1. Mill Street parking \xe2\x80\x93 the Clerk reported on the response.\n"
		  "2. Gritting bins \xe2\x80\x93 to purchase two bins at \xc2\xa3" "185 each.\n\n"
		  "PH/24/023 Date of next meeting\nMonday 15th April 2024.\n", NULL, NULL);
	assert_items(&m, "PH/24/021,PH/24/022,PH/24/023");
	assert_non_null(strstr(m.items[1].body, "Gritting bins"));
	field_meeting_release(&m);
}

/*
 * Minutes numbered only in lower-case Roman numerals are items; a list so
 * numbered under fewer headings is not.
 */
static void test_field_lower_case_roman_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Elmshire Community Council\nMinutes of the Meeting held on 5th March 2024\n\n"
		  "Present: A Bee (Chair), C Dee, E Eff\n\n"
		  "i.    Apologies \xe2\x80\x93 G Hay.\nii.   Minutes of the previous meeting were approved.\n"
		  "iii.  Matters arising \xe2\x80\x93 none.\niv.   Police report \xe2\x80\x93 3 incidents reported.\n", NULL, NULL);
	assert_items(&m, "i,ii,iii,iv");
	assert_string_equal(m.items[2].title, "Matters arising \xe2\x80\x93 none.");
	assert_int_equal(m.apologies.n, 1);	/* named in the apologies item's title, after its dash */
	assert_string_equal(m.apologies.v[0], "G Hay");
	field_meeting_release(&m);

	parse(&m, "Anyhamble Parish Council\n\nMINUTES OF THE PARISH COUNCIL MEETING\nHeld on 9 January 2024\n\n"
		  "APOLOGIES\nCllr D Green.\n\nFINANCE\nThe Council agreed:\ni. To approve the budget.\n"
		  "ii. To set the precept.\niii. To note the reserves.\n\nPLANNING\nNo applications.\n\n"
		  "HIGHWAYS\nPotholes reported.\n", NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[1].title, "FINANCE");
	field_meeting_release(&m);
}

/*
 * Minute numbers with the council's financial year before or after them
 * ("24/25-045", "24.25/045", "045/24-25", "24/25/045"), or after "No.";
 * a date ("11/12/13") and a year's budget ("24/25 Budget") are no such numbers.
 */
static void test_field_financial_year_minute_numbers(void **state)
{
	static const struct {
		const char *n[3], *want;
	} forms[] = {
		{ { "24/25-045", "24/25-046", "24/25-047" }, "24/25-045,24/25-046,24/25-047" },
		{ { "24-25/045", "24-25/046", "24-25/047" }, "24-25/045,24-25/046,24-25/047" },
		{ { "24.25/045", "24.25/046", "24.25/047" }, "24.25/045,24.25/046,24.25/047" },
		{ { "2024-25/045", "2024-25/046", "2024-25/047" }, "2024-25/045,2024-25/046,2024-25/047" },
		{ { "24/25/045", "24/25/046", "24/25/047" }, "24/25/045,24/25/046,24/25/047" },
		{ { "045/24-25", "046/24-25", "047/24-25" }, "045/24-25,046/24-25,047/24-25" },
		{ { "045/24/25", "046/24/25", "047/24/25" }, "045/24/25,046/24/25,047/24/25" },
		{ { "24/25 045", "24/25 046", "24/25 047" }, "24/25 045,24/25 046,24/25 047" },
		{ { "No. 45", "No. 46", "No. 47" }, "45,46,47" },
	};
	struct field_meeting m = {0};

	(void)state;
	for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
		char doc[600];
		int used = snprintf(doc, sizeof doc, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n"
				    "%s Apologies\nCllr G Hay.\n\n%s Minutes\nApproved.\n\n%s Planning\nNo applications.\n",
				    forms[k].n[0], forms[k].n[1], forms[k].n[2]);

		assert_true(used > 0 && (size_t)used < sizeof doc);
		print_message("%s\n", forms[k].n[0]);
		parse(&m, doc, NULL, NULL);
		assert_items(&m, forms[k].want);
		assert_string_equal(m.items[2].title, "Planning");
		field_meeting_release(&m);
	}
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 4 March 2024\n\n1. Apologies\nNone.\n\n"
		  "2. Budget\n24/25 Budget was agreed.\n11/12/13 was the date of the old plan.\n\n3. Close\nClosed.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

/*
 * Minute numbers in square brackets ("[145] TO RECEIVE APOLOGIES"); numbered
 * paragraphs under numbered headings ("3.0 INTERNAL AUDIT" / "3.1 The Head
 * of Audit presented the report.") are the headings' text, while
 * sub-numbers with titles ("4.1 Risk Register") and an agenda's orders
 * ("2.1 Approve the minutes of ... meeting.") stay items.
 */
static void test_field_bracketed_numbers_and_numbered_paragraphs(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "ELMSHIRE TOWN COUNCIL\nMINUTES OF THE FULL COUNCIL MEETING HELD ON 6TH MARCH 2024\n\n"
		  "[145] TO RECEIVE APOLOGIES FOR ABSENCE\nCllr G Hay.\n\n"
		  "[146] TO RECEIVE DECLARATIONS OF INTEREST\nNone.\n\n"
		  "[147] TO APPROVE THE MINUTES\nRESOLVED: that the minutes be approved.\n", NULL, NULL);
	assert_items(&m, "145,146,147");
	assert_string_equal(m.items[2].title, "TO APPROVE THE MINUTES");
	field_meeting_release(&m);

	parse(&m, "Elmshire City Council\nAudit Committee\nMinutes \xe2\x80\x93 6 March 2024\n\n"
		  "1.0  APOLOGIES\n1.1  Apologies were received from Cllr G Hay.\n\n"
		  "2.0  DECLARATIONS OF INTEREST\n2.1  None.\n\n"
		  "3.0  INTERNAL AUDIT PROGRESS REPORT\n3.1  The Head of Audit presented the report.\n"
		  "3.2  RESOLVED that the report be noted.\n\n"
		  "4.0  RISK REGISTER\n4.1  The Committee reviewed the register in detail.\n"
		  "4.2  Strategic Risks\n", NULL, NULL);
	assert_items(&m, "1.0,2.0,3.0,4.0,4.2");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_non_null(strstr(m.items[2].body, "The Head of Audit presented the report."));
	field_meeting_release(&m);

	/* sub-items whose long titles wrap onto a line in lower case are items */
	parse(&m, "Elmshire District Council\nMinutes of the Planning Committee held on 6 March 2024\n\n"
		  "Item 1 Apologies for Absence\nNone.\n\nItem 2 Planning Applications\nThe following were considered.\n\n"
		  "Item 2a 24/01612/COU - Former Depot, 10 Church Street, Yarlthorpe - Change of use to a house in\n"
		  "multiple occupation\n\nThe Head of Planning reported on the application and the objections received.\n\n"
		  "Item 2b 24/01596/COU - Land at 85 Quarry Road, Harningham - Erection of 137 dwellings with\n"
		  "associated access\n\nThe Head of Planning reported on the application and the objections received.\n\n"
		  "Item 2c 24/01423/HOU - Land North of 73 Market Place, Trelwick - Retail unit and a drive-through\n"
		  "restaurant\n\nThe Head of Planning reported on the application and the objections received.\n\n"
		  "Item 3 Appeal Decisions\nNoted.\n", NULL, NULL);
	assert_items(&m, "1,2,2a,2b,2c,3");
	field_meeting_release(&m);

	/* an agenda's sub-items written as orders are items */
	parse(&m, "CITY OF ELMDALE\nCITY COUNCIL REGULAR MEETING AGENDA\nTuesday, March 12, 2024 at 6:00 PM\n\n"
		  "1.   CALL TO ORDER\n2.   CONSENT CALENDAR\n"
		  "     2.1   Approve the minutes of the February 27, 2024 regular meeting.\n"
		  "     2.2   Authorize the purchase of a dump truck in the amount of $142,500.\n"
		  "     2.3   Accept the annual audit of the city's accounts.\n"
		  "3.   ADJOURNMENT\n", NULL, NULL);
	assert_items(&m, "1,2,2.1,2.2,2.3,3");
	field_meeting_release(&m);
}

/*
 * New Zealand sets a resolution's number in the right margin beside its
 * mover and seconder ("Cr Carr/Cr Elms      C24/01"): no minute's heading,
 * and the line closes the decision.  An English parish's vote record
 * after the decision ("... as a correct record. Proposed Cllr Mead,
 * seconded Cllr North, all in favour.") is not part of it; a point's label
 * before a dash leads a decision as a colon does ("b) Precept – Resolved to ...").
 */
static void test_field_resolution_numbers_and_vote_records(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Kowhai District Council\nMinutes of an Ordinary Meeting of Council held on Wednesday 28 February 2024\n\n"
		  "1    APOLOGIES\nResolved\nTHAT the apology from Cr N Oates be received.\n"
		  "Cr Carr/Cr Elms                                                        C24/01\n\n"
		  "2    CONFIRMATION OF MINUTES\nResolved\nTHAT the minutes of 31 January 2024 be confirmed.\n"
		  "Cr Grey/Cr Ihaka                                                       C24/02\n\n"
		  "3    ANNUAL PLAN\nResolved\nTHAT the consultation document be adopted.\n"
		  "Cr Elms/Cr Carr                                                        C24/03\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].resolutions.v[0], "THAT the apology from Cr N Oates be received");
	assert_string_equal(m.items[2].resolutions.v[0], "THAT the consultation document be adopted");
	field_meeting_release(&m);

	parse(&m, "Anyford Parish Council\nMinutes of the Parish Council Meeting held on Monday 8th January 2024\n\n"
		  "Minute 03/24   Minutes of the last meeting\n"
		  "Resolved: that the minutes be signed as a correct record. Proposed Cllr Mead, seconded Cllr North, "
		  "all in favour.\n\n"
		  "Minute 04/24   Finance\na) Payments for January were approved.\n"
		  "b) Precept 2024/25 \xe2\x80\x93 Resolved to set the precept at \xc2\xa3" "18,500.\n\n"
		  "Minute 05/24   Grants\nResolved that a grant of \xc2\xa3" "500 be made (Proposed Cllr Lane, seconded Cllr Owen).\n",
	      NULL, NULL);
	assert_items(&m, "03/24,04/24,05/24");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "that the minutes be signed as a correct record");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to set the precept at \xc2\xa3" "18,500");
	assert_string_equal(m.items[2].resolutions.v[0], "that a grant of \xc2\xa3" "500 be made");
	field_meeting_release(&m);
}

/*
 * A table of minutes whose title runs on into a decision after a spaced
 * dash ("Grants – RESOLVED to award ..."): the title stops at the dash; a
 * sentence after a dash stays in the title ("Apologies – Cllr Foster
 * (holiday).") as does a tail of its own ("– revised figures"), and in an
 * Action column a cell beside such a decision is not part of it.  The
 * date "Tues 12th Mar '24".
 */
static void test_field_title_dash_minute(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "BRAMWELL TOWN COUNCIL\nMinutes of the Full Council meeting held on Tues 12th Mar '24 at 7pm\n\n"
		  "Present: Cllrs Adams (Mayor), Barker, Cho\n\n"
		  "Minute    Item                                                         Action\n"
		  "24/031    Apologies \xe2\x80\x93 Cllr Foster (holiday).\n"
		  "24/032    Declarations of interest \xe2\x80\x93 None.\n"
		  "24/033    Grant applications \xe2\x80\x93 RESOLVED to award \xc2\xa3" "500 to the       Clerk\n"
		  "          Scouts.\n"
		  "24/034    Budget 2024/25 \xe2\x80\x93 revised figures\n"
		  "          The Clerk presented the figures.\n"
		  "24/035    DA 2023/455 \xe2\x80\x93 Mixed Use Development \xe2\x80\x93 12 Esplanade\n"
		  "          Noted.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20240312);
	assert_items(&m, "24/031,24/032,24/033,24/034,24/035");
	assert_string_equal(m.items[0].title, "Apologies \xe2\x80\x93 Cllr Foster (holiday).");
	assert_string_equal(m.items[1].title, "Declarations of interest \xe2\x80\x93 None.");
	assert_string_equal(m.items[2].title, "Grant applications");
	assert_int_equal(m.items[2].resolutions.n, 1);
	/* the Action cell beside a minute that starts on its title's line is no part of it */
	assert_string_equal(m.items[2].resolutions.v[0], "to award \xc2\xa3" "500 to the Scouts");
	assert_string_equal(m.items[3].title, "Budget 2024/25 \xe2\x80\x93 revised figures");
	assert_string_equal(m.items[4].title, "DA 2023/455 \xe2\x80\x93 Mixed Use Development \xe2\x80\x93 12 Esplanade");
	field_meeting_release(&m);

	/* the same with hyphens, in a parish's words */
	parse(&m, "Oakley Parish Council\nMinutes of the meeting held on 3 June 2024\n\n"
		  "1. Minutes - the minutes of 6 May 2024 were approved and signed.\n"
		  "2. Footpaths - AGREED to ask the County Council to clear the stile.\n"
		  "3. Correspondence - Letter from Anyshire CC - Noted.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].title, "Minutes - the minutes of 6 May 2024 were approved and signed.");
	assert_string_equal(m.items[1].title, "Footpaths");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to ask the County Council to clear the stile");
	field_meeting_release(&m);
}

/*
 * A motion's mover and seconder on one line before its text: Australia's
 * "Moved Cr Hill, Seconded Cr Ito" / "That ..." / "CARRIED UNANIMOUSLY",
 * Canada's "Moved by: Councillor A   Seconded by: Councillor B" / "BE IT
 * RESOLVED THAT ..." / "CARRIED".
 */
static void test_field_movers_on_one_line(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF BANKSIA BAY\nMINUTES\nORDINARY MEETING OF COUNCIL\nHeld on Wednesday, 24 January 2024\n\n"
		  "1   APOLOGIES\n    Nil\n\n3   CONFIRMATION OF MINUTES\n    Moved Cr Hill, Seconded Cr Ito\n"
		  "    That the minutes of the Ordinary Meeting held 13 December 2023 be confirmed.\n"
		  "    CARRIED UNANIMOUSLY\n\n"
		  "4   MONTHLY FINANCIAL REPORT\nCOUNCIL RESOLUTION\n0125/24\n"
		  "Moved: Cr Quan                 Seconded: Cr Stone\n"
		  "That Council receive the Monthly Financial Report for January 2024.\nCARRIED 4/0\n",
	      NULL, NULL);
	assert_items(&m, "1,3,4");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0],
			    "That the minutes of the Ordinary Meeting held 13 December 2023 be confirmed");
	/* the resolution's number on a line of its own, between its label and its mover */
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "That Council receive the Monthly Financial Report for January 2024");
	field_meeting_release(&m);

	parse(&m, "MUNICIPALITY OF EAST HOLLOW\nCOUNCIL MEETING MINUTES\nApril 2, 2024\n\n"
		  "1. Adoption of Agenda\nMoved by: Councillor Byrne    Seconded by: Councillor Caron\n"
		  "BE IT RESOLVED THAT the agenda for April 2, 2024 be adopted as presented.\nCARRIED\n\n"
		  "2. Adjournment\nMoved by: Councillor Caron    Seconded by: Councillor Dupuis\n"
		  "BE IT RESOLVED THAT this meeting adjourn at 8:15 p.m.\nDEFEATED\n",
	      NULL, NULL);
	assert_items(&m, "1,2");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "THAT the agenda for April 2, 2024 be adopted as presented");
	assert_int_equal(m.items[1].resolutions.n, 0);	/* defeated */
	field_meeting_release(&m);
}

/*
 * English and Scottish committee minutes: "RESOLVED – That" leading a
 * numbered list gives the list's decisions, not a bare "That"; a
 * "Decision" heading over "The Committee agreed:-" and its lettered list
 * gives the list; "Attending:" after "Present:" names the officers (the
 * members when it comes alone); "Resolved" after a point's label ("a)
 * Payments: Resolved to ...").
 */
static void test_field_decision_lead_ins(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Minutes of a meeting of the Scrutiny Committee held on Wednesday, 17 January 2024\n\n"
		  "Present:   Councillor M Akhtar (Chair), Councillor B Doyle\n\n"
		  "48    Housing Repairs\n\n      The Head of Housing introduced the report.\n\n"
		  "      RESOLVED \xe2\x80\x93 That\n      (1)   the report be noted; and\n"
		  "      (2)   a further report be brought to the March meeting.\n\n"
		  "49    Work Programme\n\n      RESOLVED \xe2\x80\x93 That the work programme be agreed.\n",
	      NULL, NULL);
	assert_items(&m, "48,49");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[0], "the report be noted; and");
	field_meeting_release(&m);

	/* "Resolved" after a point's label */
	parse(&m, "ELMSTEAD PARISH COUNCIL\nMinutes of the meeting held on Monday 11 March 2024\n\n"
		  "Min 48/24: Finance\na) Payments: Resolved to approve payments totalling \xc2\xa3" "1,245.60.\n"
		  "b) Bank reconciliation: Noted.\n\nMin 49/24: Date of next meeting\nMonday 8 April 2024.\n",
	      NULL, NULL);
	assert_items(&m, "48/24,49/24");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to approve payments totalling \xc2\xa3" "1,245.60");
	field_meeting_release(&m);

	parse(&m, "STRATHLORN COUNCIL\n\nMINUTE of MEETING of the EDUCATION COMMITTEE held in the COUNCIL CHAMBERS\n"
		  "on THURSDAY, 7 MARCH 2024 at 10.00 am\n\n"
		  "Present:   Councillor Fiona Drummond (Chair), Councillor Alan Baird\n\n"
		  "Attending: David Fyfe, Executive Director; Karen Gillies, Head of Education\n\n"
		  "1.   SCHOOL ESTATE REVIEW\n\n     There was submitted a report by the Executive Director.\n\n"
		  "     Decision\n\n     The Committee agreed:-\n\n     (a)  to note the report; and\n"
		  "     (b)  to approve a statutory consultation on the three schools.\n\n"
		  "2.   ANY OTHER BUSINESS\n\n     None.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_int_equal(m.officers.n, 2);
	assert_string_equal(m.officers.v[1], "Karen Gillies");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[1], "to approve a statutory consultation on the three schools");
	field_meeting_release(&m);
	/* a lead that decides itself before its list of reasons stays a decision; one that waits
	 * for its list ("agree to:") does not */
	parse(&m, "Minutes of a meeting of the Planning Committee held on Tuesday, 5 March 2024\n\n"
		  "91. 23/01455/OUT - LAND NORTH OF MILL LANE\n\nThe Committee considered the application.\n\n"
		  "RESOLVED \xe2\x80\x93 That planning permission be REFUSED for the following reasons:\n\n"
		  "1. The site lies outside the settlement boundary.\n\n"
		  "2. The development would harm highway safety.\n\n"
		  "92. WORK PROGRAMME\n\nRESOLVED that the Committee agree to:\n"
		  "(a) note the programme; and\n(b) add a site visit.\n", NULL, NULL);
	assert_items(&m, "91,92");
	assert_int_equal(m.items[0].resolutions.n, 3);
	assert_string_equal(m.items[0].resolutions.v[0], "That planning permission be REFUSED for the following reasons");
	assert_string_equal(m.items[0].resolutions.v[1], "The site lies outside the settlement boundary");
	assert_int_equal(m.items[1].resolutions.n, 2);
	field_meeting_release(&m);
	/* a dash after AGREED or DECISION, a vote in brackets after Resolved: not the decision's text */
	parse(&m, "ELMBURY TOWN COUNCIL\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Budget\nThe Clerk presented the report.\nAGREED \xe2\x80\x93 That the report be noted.\n\n"
		  "2. Precept\nResolved (7 for, 1 against): that the precept be set.\n\n"
		  "3. Grants\nDECISION \xe2\x80\x93 That the grants be awarded.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].resolutions.v[0], "That the report be noted");
	assert_string_equal(m.items[1].resolutions.v[0], "that the precept be set");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "That the grants be awarded");
	field_meeting_release(&m);
	/* a decision's sentence that ends with its line ends the decision; a wrapped one goes on */
	parse(&m, "ELMBURY PARISH COUNCIL\nMinutes of the meeting held on 4 March 2024\n\n"
		  "1. Highways\nRESOLVED to request a speed indicator device.\n"
		  "The Clerk will contact the County Council.\n\n"
		  "2. Finance\nRESOLVED that the quotation from Pennine Roofing Ltd be\naccepted.\n"
		  "The meeting closed at 8.42 pm.\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[0].resolutions.v[0], "to request a speed indicator device");
	assert_string_equal(m.items[1].resolutions.v[0], "that the quotation from Pennine Roofing Ltd be accepted");
	field_meeting_release(&m);
	/* a cabinet's recommendation to council is its decision, also with the list below */
	parse(&m, "ELMBURY DISTRICT COUNCIL\nMinutes of the Cabinet held on 4 March 2024\n\n"
		  "CAB/61   BUDGET 2024/25\n\n         The Cabinet considered the report.\n\n"
		  "         RECOMMENDED TO COUNCIL \xe2\x80\x93\n\n"
		  "         (1)  That the revenue budget for 2024/25 be approved.\n\n"
		  "         (2)  That a Band D council tax of \xc2\xa3" "212.45 be set.\n\n"
		  "CAB/62   PRECEPT\n\nRECOMMENDED to Full Council that the precept be set.\n", NULL, NULL);
	assert_items(&m, "CAB/61,CAB/62");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[0], "That the revenue budget for 2024/25 be approved");
	assert_string_equal(m.items[1].resolutions.v[0], "that the precept be set");
	field_meeting_release(&m);
}

/*
 * A New England select board's minutes in "Label:" paragraphs: a roll
 * under a body's own label ("Select Board members present:") is the
 * present list and no item; "Mr. Ek moved to ..." is a motion and "Vote
 * 3-0" carries it ("Vote 1-2" does not); a motion after a sentence of its
 * own in the same line ("Staff presented the report. Councilmember Smith
 * moved to ...").
 */
static void test_field_select_board_labels(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Town of Westbury\nSelect Board Meeting Minutes\nMarch 4, 2024\n\n"
		  "Select Board members present: Chair Amy Cole, Vice Chair Ben Diaz, Carl Ek\n"
		  "Also present: Town Manager Dana Fox\n\n"
		  "Public Comment: None.\n\n"
		  "Approval of Minutes: Mr. Ek moved to approve the minutes of February 20, 2024. Mr. Diaz seconded.\n"
		  "Vote 3-0.\n\n"
		  "Town Manager's Report: Ms. Fox reported on the budget timeline.\n\n"
		  "Fireworks: Ms. Cole moved to fund the fireworks. Mr. Diaz seconded. Vote 1-2.\n\n"
		  "Adjourn: Mr. Ek moved to adjourn at 7:15 PM. Mr. Diaz seconded. Vote 3-0.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.chair, "Amy Cole");
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[0].title, "Public Comment");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the minutes of February 20, 2024");
	assert_int_equal(m.items[3].resolutions.n, 0);
	assert_int_equal(m.items[4].resolutions.n, 1);
	field_meeting_release(&m);

	/* a motion after a sentence of its own, in the same line */
	parse(&m, "CITY OF ELMDALE\nCITY COUNCIL MINUTES\nMarch 5, 2024\n\n1. STREET CONTRACT\n"
		  "Staff presented the report. Councilmember Smith moved to award the contract to Acme Paving, "
		  "seconded by Councilmember Lee. Motion carried 5-0.\n\n2. PARK HOURS\n"
		  "Staff presented. Councilmember Lee moved to extend the hours. Motion failed 2-3.\n\n"
		  "3. ADJOURNMENT\nAdjourned.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to award the contract to Acme Paving");
	assert_int_equal(m.items[1].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * A US agenda's title in dash-separated parts that runs on into its
 * description within the paragraph: the parts before the first that reads
 * as prose, over wrapped lines, when two parts or more come first; a
 * dash inside brackets ("(Pages 15 - 30)") separates nothing, and one
 * part before the prose keeps the line whole.  "X made a motion to ... and
 * Y seconded the motion. ... the motion passed 6-0" is a decision.
 */
static void test_field_dashed_titles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF MAPLETON\nPLANNING BOARD MINUTES\nMonday, September 11, 2023\n\n"
		  "   5. REGULAR AGENDA ITEMS\n"
		  "      5-A 2023-3367\n"
		  "      PLN22-0474 - 12 Harbor Center - Parcel Map - Applicant: Dana Lee. Public\n"
		  "      hearing to consider a Parcel Map of Harbor Center.\n\n"
		  "      Vice President Ortiz made a motion to approve the Parcel Map and Board\n"
		  "      Member Ruiz seconded the motion. A vote was taken and the motion passed 6-0.\n\n"
		  "      5-B 2023-3368\n"
		  "      Study Session Zoning Code Amendments - Non-Conforming Buildings And Uses, Lapse\n"
		  "      Of Uses And Permits - Study session to discuss proposed zoning code amendments.\n\n"
		  "      5-C 2023-3369\n"
		  "      Corporate Parenting Panel - October 2024 (Pages 15 - 30) minutes for noting\n"
		  "      and the report of the panel.\n\n"
		  "   6. ADJOURNMENT\n",
	      NULL, NULL);
	assert_items(&m, "5,5-A,5-B,5-C,6");
	assert_string_equal(m.items[1].title, "PLN22-0474 - 12 Harbor Center - Parcel Map");
	assert_non_null(strstr(m.items[1].body, "Applicant: Dana Lee."));
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the Parcel Map");
	assert_string_equal(m.items[2].title,
			    "Study Session Zoning Code Amendments - Non-Conforming Buildings And Uses, Lapse Of Uses And "
			    "Permits");
	assert_string_equal(m.items[3].title, "Corporate Parenting Panel - October 2024 (Pages 15 - 30) minutes for noting");
	field_meeting_release(&m);

	/* a planning application's parts are all title: wrapped before a blank line, or above the minute */
	parse(&m, "Hartwell District Council\nMinutes of the Planning Committee held on 13 September 2017\n\n"
		  "5a 17/00412/OUT - Land North of Mill Lane, Saltby - Outline\n"
		  "application for up to 140 dwellings with access from Mill Lane\n\n"
		  "The officer presented the report. Members agreed.\n\n"
		  "5b 17/00587/FUL - 14 Church Walk, Saltby - Demolition of existing buildings and erection of a care home\n"
		  "The Panel heard that the site was vacant. Members noted the report.\n",
	      NULL, NULL);
	assert_items(&m, "5a,5b");
	assert_string_equal(m.items[0].title, "17/00412/OUT - Land North of Mill Lane, Saltby - Outline application for up "
			    "to 140 dwellings with access from Mill Lane");
	assert_string_equal(m.items[1].title, "17/00587/FUL - 14 Church Walk, Saltby - Demolition of existing buildings "
			    "and erection of a care home");
	field_meeting_release(&m);
}

/*
 * A timed agenda: a column of times before the numbers ("6:00 PM    1.
 * Call to Order"), and a speaker's "(3 minutes per speaker)" is no word of
 * the heading that makes it minutes.  A notice's "at 7.30pm. Members are
 * summoned to attend." names no venue after the time; "held in the Village
 * Hall on" does.
 */
static void test_field_timed_agenda_and_notice(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "LAKEVIEW TOWN COUNCIL\nAGENDA\nRegular Meeting - Tuesday, May 14, 2024 - 6:00 PM\n\n"
		  "6:00 PM    1.  Call to Order and Pledge of Allegiance\n"
		  "6:02 PM    2.  Public Comment (3 minutes per speaker)\n"
		  "6:15 PM    3.  Harbor Parking Fees\n"
		  "7:25 PM    4.  Adjourn\n",
	      NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[0].title, "Call to Order and Pledge of Allegiance");
	field_meeting_release(&m);

	parse(&m, "SHELDON PARISH COUNCIL\n\nNotice is hereby given that a meeting of Sheldon Parish Council will be "
		  "held in the Village Hall\non Wednesday 8th May 2024 at 7.30pm. Members are summoned to attend.\n\n"
		  "AGENDA\n\n1.   To receive apologies for absence.\n2.   To approve the minutes.\n",
	      NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_non_null(m.venue);
	assert_string_equal(m.venue, "Village Hall");
	field_meeting_release(&m);
}

/*
 * A New England town meeting: warrant articles as items ("ARTICLE 2: To see
 * if the Town will vote ..."), decisions "Voted unanimously to ...",
 * "VOTED: That ..." (a count, "Voted: 45 for", is none); and protocols
 * numbered with a section sign ("§ 12 Approval of the agenda").
 */
static void test_field_town_meeting_articles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWN OF ELMFORD\nANNUAL TOWN MEETING MINUTES\nMay 4, 2024\n\n"
		  "ARTICLE 1: To hear the reports of the Town Officers and Committees.\n"
		  "Voted unanimously to accept the reports.\n\n"
		  "ARTICLE 2: To see if the Town will vote to raise and appropriate $50,000 for road repairs.\n"
		  "VOTED: That the Town raise and appropriate $50,000 for road repairs.\n\n"
		  "ARTICLE 3: To see if the Town will vote to adopt the Stretch Energy Code.\n"
		  "Voted: 45 for, 60 against. The article failed.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to accept the reports");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "That the Town raise and appropriate $50,000 for road repairs");
	assert_int_equal(m.items[2].resolutions.n, 0);
	field_meeting_release(&m);
	parse(&m, "ELMFORD KOMMUNE\nMinutes of the Municipal Council\n12.03.2024\n\n"
		  "\xc2\xa7 12 Approval of the agenda\nApproved.\n\n\xc2\xa7 13 Budget 2024\n"
		  "The council adopted the budget.\n\n\xc2\xa7 14 Any other business\nNone.\n", NULL, NULL);
	assert_items(&m, "12,13,14");
	assert_string_equal(m.items[1].title, "Budget 2024");
	field_meeting_release(&m);
}

/*
 * Attendance under other labels: Scotland's "Sederunt", "Those present",
 * "Council Attendance" and "Public Servant Attendance" (Canada).
 */
static void test_field_attendance_labels_abroad(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Glenmore Council\nMinutes of the Education Committee held on 6 June 2023\n\n"
		  "Sederunt: Councillor A Baird (Convener), Councillors B Carr and D Dunn.\n\n"
		  "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_string_equal(m.chair, "A Baird");
	assert_int_equal(m.present.n, 3);
	field_meeting_release(&m);
	parse(&m, "City of Anyville\nCouncil Disposition\nMay 3, 2023\n\nAttendance\n\nCouncil Attendance\n\n"
		  "His Worship Mayor Bowman\nCouncillor Allard\nCouncillor Browaty\n\n"
		  "Public Servant Attendance\n\nMr. R. Kachur, City Clerk\nMs D. Watt, Senior Committee Clerk\n\n"
		  "1. Minutes\nAdopted.\n\n2. Reports\nReceived.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[0], "Bowman");
	assert_int_equal(m.officers.n, 2);
	assert_string_equal(m.officers.v[0], "R. Kachur");
	field_meeting_release(&m);
	parse(&m, "Glenmore Council\nMinutes of the Audit Committee held on 6 June 2023\n\n"
		  "Those present: Cllr A Baird (Chair), Cllr B Carr\n\n1. Apologies\nNone.\n\n2. Minutes\nApproved.\n",
	      NULL, NULL);
	assert_int_equal(m.present.n, 2);
	field_meeting_release(&m);
}

/*
 * Irish minutes: "PRESENT IN THE CHAIR" names the chair (present too),
 * "OFFICIALS IN ATTENDANCE" the officers, and a decision "Proposed by ... /
 * Seconded by ... / And resolved: "That ..."" loses its quotation marks.
 */
static void test_field_irish_minutes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Anytown City and County Council\n\nMinutes of the Meeting of the Municipal District of "
		  "Glenville held on Monday, 12th February, 2024\n\n"
		  "PRESENT IN THE CHAIR: Councillor M. Donegan, Cathaoirleach.\n"
		  "MEMBERS PRESENT: Councillors Brennan, Foley and Ryan.\n"
		  "OFFICIALS IN ATTENDANCE: Senior Executive Officer (Ms A. Byrne).\n\n"
		  "1. Adoption of Minutes\nProposed by Councillor Brennan\nSeconded by Councillor Foley\n"
		  "And resolved: \"That the Minutes of the meeting held on 15th January, 2024 be adopted.\"\n\n"
		  "2. Correspondence\nNoted.\n", NULL, NULL);
	assert_string_equal(m.committee, "Municipal District of Glenville");
	assert_string_equal(m.chair, "M. Donegan");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[0], "M. Donegan");
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "A. Byrne");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0],
			    "That the Minutes of the meeting held on 15th January, 2024 be adopted");
	field_meeting_release(&m);
}

/* US attendance labels: "Members Present", "Members Absent" (in apologies), "Staff Present". */
static void test_field_us_attendance(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Town of Riverbend\nPlanning Board\nMinutes\nJanuary 10, 2024\n\n"
		  "Members Present: Jane Doe (Chair), John Roe, Ann Poe\n"
		  "Members Absent: Tim Foe\n"
		  "Staff Present: Lisa Moe, Town Planner\n\n"
		  "1. Call to Order\nThe meeting was called to order at 7:00 PM.\n\n"
		  "2. Approval of Minutes\nA motion was made by John Roe, seconded by Ann Poe, to approve the "
		  "minutes of December 13, 2023. Motion carried 3-0.\n\n3. Adjournment\n",
	      NULL, NULL);
	assert_string_equal(m.committee, "Planning Board");
	assert_string_equal(m.chair, "Jane Doe");
	assert_int_equal(m.present.n, 3);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Tim Foe");
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "Lisa Moe");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the minutes of December 13, 2023");
	field_meeting_release(&m);
}

/*
 * US motions: "MOTION: Councilmember X moved to ...", "Moved by X, seconded
 * by Y, to ..." are decisions when the vote carried (said in the paragraph
 * or on the line after it), not when it failed or no vote is said;
 * someone who "moved to" a town is no motion.
 */
static void test_field_us_motions(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF MAPLEWOOD\nCITY COUNCIL REGULAR MEETING MINUTES\nMonday, June 5, 2023\n\n"
		  "1. APPROVAL OF AGENDA\n"
		  "MOTION: Councilmember Diaz moved to approve the agenda. Seconded by Councilmember Park.\n"
		  "Motion carried 4-0.\n\n"
		  "2. CONSENT CALENDAR\n"
		  "Moved by Councilmember Smith, seconded by Councilmember Diaz, to approve the consent\n"
		  "calendar as presented. The motion passed unanimously.\n\n"
		  "3. PARKING ORDINANCE\n"
		  "MOTION: Councilmember Park moved to introduce Ordinance 2023-07 for first reading.\n\n"
		  "Motion failed 2-2.\n\n"
		  "4. PUBLIC HEARING\n"
		  "Ms. Lane said she moved to Maplewood in 2015 and that the park is used by many families.\n"
		  "Councilmember Smith moved that the hearing be continued to June 19, 2023.\n\n"
		  "Mayor Lee read the ordinance by title only.\n\n"
		  "5. ADJOURNMENT\n"
		  "Councilmember Park moved, seconded by Councilmember Smith, to adjourn the meeting.\n\n"
		  "The motion carried 4-0.\n\n"
		  "6. FUTURE AGENDA ITEMS\n"
		  "MOTION: Councilmember Diaz moved to add a report on street lights.\n\n"
		  "MOTION: Councilmember Park moved to add a report on parks. Motion carried 4-0.\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5,6");
	/* a new motion after one with no vote said is not that one's outcome */
	assert_int_equal(m.items[5].resolutions.n, 1);
	assert_string_equal(m.items[5].resolutions.v[0], "to add a report on parks");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to approve the agenda");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the consent calendar as presented");
	assert_int_equal(m.items[2].resolutions.n, 0);
	assert_int_equal(m.items[3].resolutions.n, 0);
	assert_int_equal(m.items[4].resolutions.n, 1);
	assert_string_equal(m.items[4].resolutions.v[0], "to adjourn the meeting");
	field_meeting_release(&m);
}

/*
 * "1.0 CALL TO ORDER" numbering (sub-items "3.1" under "3.0"), and a dash
 * between "Agenda Item 1" and its title.
 */
static void test_field_point_zero_and_dashed_titles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWN OF ANYVIEW\nREGULAR COUNCIL MEETING MINUTES\nMarch 14th, 2023\n\n"
		  "1.0 CALL TO ORDER\nThe mayor called the meeting to order.\n\n"
		  "2.0 DELEGATIONS\n2.1 Anyview Minor Hockey Association\nThe association presented.\n\n"
		  "3.0 ADJOURNMENT\nThe meeting adjourned.\n",
	      NULL, NULL);
	assert_items(&m, "1.0,2.0,2.1,3.0");
	assert_string_equal(m.items[0].title, "CALL TO ORDER");
	field_meeting_release(&m);

	memset(&m, 0, sizeof m);
	parse(&m, "Minutes of the Ordinary Meeting of Anyford Municipal District held on Tuesday, "
		  "the 14th day of March, 2023\n\n"
		  "Agenda Item 1 \xe2\x80\x93 Confirmation of Minutes\nThe minutes were confirmed.\n\n"
		  "Agenda Item 2 \xe2\x80\x93 Roads Programme\nThe engineer presented the programme.\n",
	      NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[1].title, "Roads Programme");
	assert_int_equal(m.date, 20230314);
	field_meeting_release(&m);
}

/*
 * Minutes that number nothing and head each item with a line in capitals;
 * the document's own heading ("MINUTES OF THE PARISH COUNCIL MEETING") is
 * not an item, "MINUTES OF THE LAST MEETING" is.
 */
static void test_field_unnumbered_caps_headings(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Anyhamble Parish Council\n\nMINUTES OF THE PARISH COUNCIL MEETING\n"
		  "Held on 9 January 2024 at 7.30pm in the Village Hall\n\n"
		  "Present: Cllrs A Smith (Chair), B Jones, C Brown\n\n"
		  "APOLOGIES\nCllr D Green.\n\nMINUTES OF THE LAST MEETING\n"
		  "The minutes of the meeting held on 12 December 2023 were approved.\n\n"
		  "PLANNING\nNo applications had been received.\n\n"
		  "DATE OF NEXT MEETING\n13 February 2024.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "APOLOGIES");
	assert_string_equal(m.items[1].title, "MINUTES OF THE LAST MEETING");
	assert_string_equal(m.items[2].body, "No applications had been received.");
	assert_string_equal(m.items[3].title, "DATE OF NEXT MEETING");
	field_meeting_release(&m);
}

/*
 * The same minutes as PDF text of a Word document whose bold headings were
 * lost: short lines in ordinary case, each after a blank line and above its
 * prose.  The document's own heading, the attendance and a one-line
 * paragraph that is no heading stay out.
 */
static void test_field_unnumbered_plain_headings(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Anyhamble Parish Council\nMinutes of the Parish Council meeting held on 9 January 2024\n\n"
		  "Present: Cllrs A Smith (Chair), B Jones, C Brown\n\n"
		  "Apologies\nApologies were received from Cllr D Green.\n\n"
		  "Minutes of the last meeting\n"
		  "The minutes of the meeting held on 12 December 2023 were approved.\n\n"
		  "Planning\nNo applications had been received.\n\n"
		  "The Chair thanked everyone\nfor coming.\n\n"
		  "Date of next meeting\n13 February 2024 at 7.30pm.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "Apologies");
	assert_string_equal(m.items[1].title, "Minutes of the last meeting");
	assert_string_equal(m.items[2].title, "Planning");
	assert_non_null(strstr(m.items[2].body, "The Chair thanked everyone"));
	assert_string_equal(m.items[3].title, "Date of next meeting");
	assert_int_equal(m.date, 20240109);
	field_meeting_release(&m);
	/* a heading above the line that dates the meeting is the document's own */
	parse(&m, "Anyhamble Parish Council\n\nAnnual Meeting\n"
		  "Minutes of the meeting held on 14 May 2024 at 7pm in the Hall\n\n"
		  "Election of Chair\nCllr Smith was elected Chair for the year.\n\n"
		  "Apologies\nApologies were received from Cllr White.\n\n"
		  "Date of next meeting\nThe next meeting will be on 11 June 2024.\n", NULL, NULL);
	assert_int_equal(m.date, 20240514);
	assert_int_equal(m.n_items, 3);
	assert_string_equal(m.items[0].title, "Election of Chair");
	field_meeting_release(&m);
	/* headings centred above their text with a blank line between (Northern Ireland) */
	parse(&m, "Elmshire Policy and Resources Committee,\nFriday, 23rd February, 2024\n\n"
		  "Members present:       Councillor Moore (Chairperson);\n"
		  "                       Councillors Bee and Dee.\n\n"
		  "                                       Apologies\n\n"
		  "       Apologies were reported on behalf of Councillor Kay.\n\n"
		  "                                         Minutes\n\n"
		  "       The minutes of the meeting of 19th January were taken as read.\n\n"
		  "                              Medium Term Financial Plan\n\n"
		  "       The Committee noted the report.\n\n"
		  "                       Asset Management \xe2\x80\x93 Lease of Unit 4\n\n"
		  "       The Committee approved the lease of Unit 4.\n", NULL, NULL);
	assert_int_equal(m.date, 20240223);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "Apologies");
	assert_string_equal(m.items[2].title, "Medium Term Financial Plan");
	assert_non_null(strstr(m.items[2].body, "noted the report"));
	field_meeting_release(&m);
}

/*
 * A town clerk's table: long titles in capitals wrapped onto the next line
 * at their column, an action column beside some, the minute's text under
 * them in ordinary case (or a blank line); a short heading over a second
 * heading in capitals keeps its own.
 */
static void test_field_caps_titles_wrapped_above_text(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                          ELMSCOTE TOWN COUNCIL\n"
		  "          Minutes of the Full Council Meeting held on Wednesday 13th March 2024\n\n"
		  " Minute     Item                                                                Action\n"
		  " TC23/141   TO RECEIVE APOLOGIES FOR ABSENCE\n"
		  "            Apologies received as above and accepted.\n"
		  " TC23/143   TO APPROVE THE MINUTES OF THE FULL COUNCIL MEETING                  Mayor\n"
		  "            HELD ON 14TH FEBRUARY 2024\n"
		  "            RESOLVED to approve the minutes as a correct record.\n"
		  " TC23/144   TO RECEIVE REPORTS FROM COUNTY AND DISTRICT\n"
		  "            COUNCILLORS\n"
		  "            No reports received.\n"
		  " TC23/145   TO CONSIDER THE PLANNING APPLICATION FOR LAND NORTH OF\n"
		  "            MILL LANE (OAKBRIDGE WARD)\n\n"
		  "            The Council objected.\n"
		  " TC23/146   CALL TO ORDER\n"
		  "            PLEDGE OF ALLEGIANCE\n"
		  "            Said by all.\n", NULL, NULL);
	assert_items(&m, "TC23/141,TC23/143,TC23/144,TC23/145,TC23/146");
	assert_string_equal(m.items[1].title, "TO APPROVE THE MINUTES OF THE FULL COUNCIL MEETING HELD ON 14TH FEBRUARY 2024");
	assert_non_null(strstr(m.items[1].body, "RESOLVED to approve"));
	assert_string_equal(m.items[2].title, "TO RECEIVE REPORTS FROM COUNTY AND DISTRICT COUNCILLORS");
	assert_string_equal(m.items[2].body, "No reports received.");
	assert_string_equal(m.items[3].title, "TO CONSIDER THE PLANNING APPLICATION FOR LAND NORTH OF MILL LANE (OAKBRIDGE WARD)");
	assert_string_equal(m.items[4].title, "CALL TO ORDER");
	field_meeting_release(&m);
}

/* Apologies given as a sentence of the front matter, not under a label. */
static void test_field_apologies_sentence_in_front(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Anymere Town Council\nMinutes of the meeting held on 9 January 2024\n\n"
		  "Councillors present:\nCllr P Smith (Chair)\nCllr R Jones\n\n"
		  "Apologies for absence were received from Cllrs L Green and M Black.\n\n"
		  "1. Minutes\nApproved.\n\n2. Planning\nNone.\n\n3. Finance\nNoted.\n",
	      NULL, NULL);
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[0], "L Green");
	assert_string_equal(m.apologies.v[1], "M Black");
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

	/* a title that announces a list: the list's first entry is no tail */
	memset(&m, 0, sizeof m);
	parse(&m, "ANYTOWN PARISH COUNCIL\nAGENDA for the meeting on Tuesday 7 October 2025\n\n"
		  "   10. To consider any items of interest to a member of the Council arising since the last\n"
		  "       meeting of the Council\n"
		  "   11. To receive the following invoices for payment\n"
		  "                Grass Cutting Contractor - to be confirmed\n"
		  "   12. To receive notice of meetings and other events.\n",
	      NULL, NULL);
	assert_items(&m, "10,11,12");
	assert_string_equal(m.items[1].title, "To receive the following invoices for payment");
	field_meeting_release(&m);

	/* an agenda sent as a letter: its close is no title's tail */
	memset(&m, 0, sizeof m);
	parse(&m, "Planning Strategic Policy Committee\nMonday, 9 October 2023\n\nAGENDA\n\n"
		  "1. Minutes of the previous meeting\n\n2. Housing Delivery Update\n\n"
		  "3. Any Other Business\nYours sincerely,\n\nAnne Vole,\nDirector of Services\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[2].title, "Any Other Business");
	field_meeting_release(&m);

	/* three pages: a running header seen twice is not marked, and after a
	 * page break it is no title's tail */
	memset(&m, 0, sizeof m);
	parse(&m, "WESTFORD TOWN COUNCIL\nAGENDA\nFinance Committee\nTuesday 3 June 2025\n\n"
		  "1 Apologies\nTo receive apologies.\n\n2 Minutes\nTo approve the minutes.\n\n"
		  "3 Budget Monitoring -\nQuarter One\n\nTo note the report.\n\n\nPage 1 of 3\n"
		  "\fFinance Committee - 03.06.25\n\n4 Internal Audit\n\nTo note the report.\n\n"
		  "5 Date of Next Meeting\n\n\nPage 2 of 3\n"
		  "\fFinance Committee - 03.06.25\n\nTo note the date of the next meeting.\n\n\nPage 3 of 3\n\f",
	      NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_string_equal(m.items[2].title, "Budget Monitoring - Quarter One");
	assert_string_equal(m.items[4].title, "Date of Next Meeting");
	field_meeting_release(&m);
}

/*
 * Titles set with a hanging indent (pdftotext -layout of US agendas): the
 * tail lines up under the title after a long line and the next line goes
 * back to the left ("Recommendation:"), a tail may start "to the", and a
 * title ending in "for" carries on in lower case after a blank line.  A
 * short heading's list of topics or instruction under it is not its title.
 */
static void test_field_hanging_indent_titles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                          City of Riverbend\n\n                           City Council\n\n"
		  "Tuesday, May 14, 2024                  6:00 PM          Council Chambers, City Hall\n\n"
		  "1 Call to Order\n\n2 Roll Call\n\n3 Consent Calendar\n\n"
		  "A         24-0311         Approve Joint City Council and Housing Authority\n"
		  "                          Meeting Minutes of April 9, 2024\n"
		  "    Recommendation: Housing Authority:\n"
		  "                    Approve the Joint City Council and Housing Authority Meeting\n"
		  "                    Minutes of April 9, 2024 as submitted.\n\n"
		  "B         24-0312         Approve the Second Amendment to Outside Counsel Agreement\n"
		  "                          with Vole and Teal LLP for Litigation Services Pertaining\n"
		  "                          to the Two Lawsuits Related to the Closure of the\n"
		  "                          Harbour Authority\n"
		  "    Recommendation: City Council:\n"
		  "                    Authorize the City Attorney to execute the Second Amendment.\n\n"
		  "C         24-0313         Approve the List of Claims and Bills Approved for Payment\n"
		  "    Recommendation: Approve the list.\n\n"
		  "4 Discussion Items\n"
		  "  Introductions\n"
		  "  Budget Overview\n"
		  "  Vacancy Update\n\n"
		  "5 Planning Applications\n"
		  "  to note the applications received since the last meeting\n\n"
		  "6 Adjournment\n",
	      NULL, NULL);
	assert_items(&m, "1,2,3,A,B,C,4,5,6");
	assert_string_equal(m.items[3].title,
			    "Approve Joint City Council and Housing Authority Meeting Minutes of April 9, 2024");
	assert_string_equal(m.items[4].title,
			    "Approve the Second Amendment to Outside Counsel Agreement with Vole and Teal LLP for "
			    "Litigation Services Pertaining to the Two Lawsuits Related to the Closure of the Harbour Authority");
	assert_string_equal(m.items[5].title, "Approve the List of Claims and Bills Approved for Payment");
	assert_string_equal(m.items[6].title, "Discussion Items");
	assert_string_equal(m.items[7].title, "Planning Applications");
	field_meeting_release(&m);

	memset(&m, 0, sizeof m);
	parse(&m, "LAKESIDE UNION SCHOOL DISTRICT\nMINUTES OF THE REGULAR MEETING OF THE BOARD\n"
		  "January 9, 2024\n\n"
		  "8.    CONSENT\n"
		  "      8.1 Ratification of Warrant List for December 2023\n"
		  "      8.2 Approval of Contract with Lakeside Community College District for\t\n"
		  "  \n"
		  "          the 2024 Summer Reading Program\n"
		  "      8.3 Approval of the Science Grant Addendum\n"
		  "9.    ACTION ITEMS\n"
		  "      9.1 Adoption of Resolution No. 23-24-7 -- A Resolution of the Board of Education of\n"
		  "           the Lakeside Union School District, Lake County, California, Authorizing the\n"
		  "           Issuance of Lakeside Union School District (Lake County, California)\n"
		  "           Election of 2020 General Obligation Bonds, Series B, and Actions Related Thereto\n"
		  "      9.2 Adoption of the Library Grant for 2024-2026\n\n"
		  "10.   ADJOURNMENT\n",
	      NULL, NULL);
	assert_items(&m, "8,8.1,8.2,8.3,9,9.1,9.2,10");
	assert_string_equal(m.items[2].title,
			    "Approval of Contract with Lakeside Community College District for the 2024 Summer Reading Program");
	assert_string_equal(m.items[5].title,
			    "Adoption of Resolution No. 23-24-7 -- A Resolution of the Board of Education of the Lakeside "
			    "Union School District, Lake County, California, Authorizing the Issuance of Lakeside Union "
			    "School District (Lake County, California) Election of 2020 General Obligation Bonds, "
			    "Series B, and Actions Related Thereto");
	field_meeting_release(&m);
}

/* US consent items: the heading paragraph runs on to its disposition ("... 2024. Approved."). */
static void test_field_titles_ending_in_a_disposition(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "MINUTES OF THE REGULAR CITY COUNCIL MEETING\nTUESDAY - - - MARCH 5, 2024\n\n"
		  "(*24-101) Minutes of the Special and Regular City Council Meetings\n"
		  "held on February 20, 2024, and the Special Meeting held on February\n"
		  "27, 2024. Approved.\n\n"
		  "(*24-102) Ratified bills in the amount of $1,234,567.89. Accepted.\n\n"
		  "(24-103) Recommendation to award a Contract to Harbour Paving for the\n"
		  "resurfacing of Shore Road\n\n"
		  "Councilmember Vole moved approval of the staff recommendation.\n\n"
		  "(24-104) Budget Workshop\nThe report was noted.\n",
	      NULL, NULL);
	assert_items(&m, "24-101,24-102,24-103,24-104");
	assert_string_equal(m.items[0].title, "Minutes of the Special and Regular City Council Meetings "
			    "held on February 20, 2024, and the Special Meeting held on February 27, 2024");
	assert_string_equal(m.items[1].title, "Ratified bills in the amount of $1,234,567.89");
	/* no disposition: the wrapped-title rule as before */
	assert_string_equal(m.items[2].title, "Recommendation to award a Contract to Harbour Paving for the "
			    "resurfacing of Shore Road");
	/* a sentence that ends in "noted." is the body, not a disposition */
	assert_string_equal(m.items[3].title, "Budget Workshop");
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
	/* a front sheet of "Label : value" fields is no items (its date is the meeting's); a
	 * number word alone over a rule, the subject under it */
	parse(&m, "                        ELMAPURAM MUNICIPAL CORPORATION\n\n"
		  "                 PROCEEDINGS OF THE GENERAL BODY MEETING\n\n"
		  "Date of Meeting : 15.03.2024                      Time : 11.00 A.M.\n"
		  "Place           : Council Hall, Municipal Office Building\n\n"
		  "Presided over by : Hon'ble Mayor Smt. K. Devi\n\n"
		  "------------------------------------------------------------\n"
		  "Subject No. 1\n"
		  "------------------------------------------------------------\n"
		  "Confirmation of the proceedings of the meeting held on 20.02.2024.\n\n"
		  "RESOLUTION No. 412\nResolved to confirm the proceedings.\n\n"
		  "------------------------------------------------------------\n"
		  "Subject No. 2\n"
		  "------------------------------------------------------------\n"
		  "Approval of Revised Budget Estimates for 2023-24\n\n"
		  "RESOLUTION No. 413\nResolved to approve the estimates.\n\n"
		  "------------------------------------------------------------\n"
		  "Subject No. 3\n"
		  "------------------------------------------------------------\n"
		  "Sanction for the laying of roads in Ward No. 17\n\n"
		  "RESOLUTION No. 414\nResolved to accord sanction.\n", NULL, NULL);
	assert_int_equal(m.date, 20240315);
	assert_string_equal(m.time, "11:00");
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[1].title, "Approval of Revised Budget Estimates for 2023-24");
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

/* ---- layouts of real councils (issue 14): one invented excerpt per rule ---- */

static void test_field_sub_items_dotted_and_lettered(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* eScribe-style Markdown: 4 / 4.1 / 4.1.a, with Markdown escapes and &nbsp; */
	parse(&m, "# 3.&nbsp;&nbsp;&nbsp;Scheduled Items\n\nNone.\n\n"
		  "# 4.&nbsp;&nbsp;&nbsp;Items for Direction\n\n"
		  "## 4.1&nbsp;&nbsp;&nbsp;2025 Budget Audit\n\nMoved by A. Clerk.\n\n"
		  "### 4.1.a&nbsp;&nbsp;&nbsp;Presentation - Draft Financial Report\n\nReceived.\n\n"
		  "### 4.1.b&nbsp;&nbsp;&nbsp;Presentation - Audit Findings\n\nReceived.\n\n"
		  "## 4.2&nbsp;&nbsp;&nbsp;Internal Audit Dashboard\n\nNoted.\n\n"
		  "# 5\\.&nbsp;&nbsp;&nbsp;Adjournment\n\nThe meeting ended.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "3,4,4.1,4.1.a,4.1.b,4.2,5");
	assert_string_equal(m.items[2].title, "2025 Budget Audit");
	field_meeting_release(&m);

	/* US agendas: "4-A", "4A." and "1.A" sub-items under their item */
	parse(&m, "   1. ROLL CALL\n\n   2. CONSENT CALENDAR\n"
		  "      2-A 2024-101 - Draft Meeting Minutes - May 6, 2024\n"
		  "      2-B 2024-102 - Draft Meeting Minutes - May 20, 2024\n\n"
		  "   3. REGULAR AGENDA ITEMS\n      3-A 2024-103\n\n"
		  "      Study Session on Fences\n\n   4. ADJOURNMENT\n", NULL, NULL);
	assert_items(&m, "1,2,2-A,2-B,3,3-A,4");
	field_meeting_release(&m);
	parse(&m, "1.     Roll Call\n\nAll present.\n\n4.     New Business\n\n"
		  "4A.   Presentation of the Quarterly Report on Transport Policies\n\nStaff presented.\n\n"
		  "4B.    Election of Chair and Vice Chair\n\nElected.\n\n5.     Adjournment\n",
	      NULL, NULL);
	assert_items(&m, "1,4,4A,4B,5");
	field_meeting_release(&m);
}

static void test_field_bracketed_year_numbers(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* Legistar minutes: "(06-386)" alone, "(*06-387)" for consent items */
	parse(&m, "MINUTES OF THE REGULAR CITY COUNCIL MEETING\nTUESDAY- -AUGUST 1, 2006- -7:30 P.M.\n\n"
		  "AGENDA CHANGES\nNone.\n\n(06-386)\n\nLibrary project update.\n\nThe manager spoke.\n\n"
		  "(*06-387) Minutes of the Special City Council Meeting held on July 18, 2006.\n\n"
		  "(*06-388) Ratified bills in the amount of $8,054.54.\n\n"
		  "(06-389) Discussion of Big Box Retail Policies.\n\nAlameda City Council\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "06-386,06-387,06-388,06-389");
	assert_string_equal(m.items[0].title, "Library project update.");
	assert_string_equal(m.council, "Alameda City Council");
	assert_null(m.committee);	/* the council itself met */
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	field_meeting_release(&m);
}

static void test_field_numbering_restarts_per_section(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* two meetings on one night, each numbered from 1; numbers glued to bold */
	parse(&m, "**OAKMOOR COMMUNITY COUNCIL**\n**MINUTES OF ANNUAL GENERAL MEETING**\n"
		  "**MONDAY 6 OCTOBER 2025**\n\n"
		  "1\\.**Attendance and apologies received**: recorded above\n\n"
		  "2\\.**Minutes of the 2024 AGM**\nApproved.\n\n**3\\. Report from the outgoing Chair**\nNoted.\n\n"
		  "**THE OCTOBER GENERAL MEETING**\n\n**1\\. Fire Station**\nA report.\n\n"
		  "**2\\. Active Travel**\nDiscussed.\n\n**3\\. Bus Franchising**\nNoted.\n",
	      NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "1,2,3,1,2,3");
	assert_string_equal(m.items[0].title, "Attendance and apologies received");
	assert_string_equal(m.items[3].title, "Fire Station");
	assert_string_equal(m.council, "Oakmoor Community Council");
	field_meeting_release(&m);
}

static void test_field_roman_sections_and_lettered_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* a college board agenda: sections I, II; items restart at 1; (a) sub-items */
	parse(&m, "HALLOW JOINT COMMUNITY COLLEGE DISTRICT\nREGULAR MEETING, BOARD OF TRUSTEES\n"
		  "Tuesday, February 9, 2016\n\nAGENDA\nI.\n\nCALL TO ORDER 6:00 p.m.\n"
		  "1. Roll Call\n2. Comments from the Public\n3. Recess to Closed Session\n\n"
		  "II. OPEN SESSION 7:00 p.m.\n    1. Call to Order\n   2.  Roll Call\n   3.  Consent Agenda\n"
		  "       (a) Regular Board Meeting Minutes, January 12, 2016\n       (b) Personnel Actions\n"
		  "       (c) Payroll Warrants\n   4.  Adjournment\n", NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "I,1,2,3,II,1,2,3,(a),(b),(c),4");
	assert_string_equal(m.council, "Hallow Joint Community College District");
	assert_string_equal(m.committee, "Board of Trustees");
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_int_equal(m.date, 20160209);
	field_meeting_release(&m);

	/* consent items lettered "*A." with the title after a blank line; restarted at A */
	parse(&m, "MINUTES OF THE\nWESTFORD FREE LIBRARY BOARD MEETING\nWEDNESDAY, NOVEMBER 8, 2023\n"
		  "CONSENT CALENDAR\n*A.\n\nReport from the Library Director for October.\n\n"
		  "*B.\n\nDraft Minutes of the Regular Meeting of September 13, 2023.\n\n"
		  "REGULAR AGENDA ITEMS\nA.\n\nCommunity Needs Assessment\n\nB.\n\nSeed Library\n", NULL, NULL);
	assert_items(&m, "A,B,A,B");
	assert_string_equal(m.items[1].title, "Draft Minutes of the Regular Meeting of September 13, 2023.");
	field_meeting_release(&m);
}

static void test_field_lettered_points_of_minutes_not_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "MINUTES OF THE JULY MEETING\nPresent: A Bee, C Dee\n\n1. WELCOME\nAll welcomed.\n\n"
		  "2 MATTERS ARISING\na) **Cleansing and litter**\nNoted.\nb) **Drains**\nNoted.\n\n"
		  "3 TREASURER'S REPORT\nReceived.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

static void test_field_column_gap_ends_title(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* pdftotext -layout: a right-hand column beside the title; a file code before it */
	parse(&m, "CONVENE:          7:08 pm\n\n1.     ROLL CALL:        Present: Chair Ho, Members Li and Tan.\n\n"
		  "2.     MINUTES:          Approved.\n\n5 Consent Calendar\n\n"
		  "A         16-0361         Approve the Council Meeting Minutes of March 29, 2016\n\n"
		  "B         16-0348         Approve the List of Claims and Bills\n\n"
		  "6     Adjournment                                  8:16 PM\n", NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "1,2,5,A,B,6");
	assert_string_equal(m.items[0].title, "ROLL CALL:");
	assert_string_equal(m.items[3].title, "Approve the Council Meeting Minutes of March 29, 2016");
	assert_string_equal(m.items[5].title, "Adjournment");
	field_meeting_release(&m);
}

static void test_field_title_not_joined_to_a_sentence(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* PDF text: a heading, then a short sentence, a name or a time on the next line */
	parse(&m, "1.     Apologies\nNone were received\n\n2.     Declarations of interest\n"
		  "There were no declarations of interest\n\n3.     RECOGNITION - EMPLOYEE OF THE MONTH\n"
		  "Jan Wade, Staff Secretary\n\n4.     Adjournment\n8:16 PM\n\n5.     Placement Sufficiency\n"
		  "Strategy 2023 to 2026\n\nThe report was noted.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_string_equal(m.items[1].title, "Declarations of interest");
	assert_string_equal(m.items[2].title, "RECOGNITION - EMPLOYEE OF THE MONTH");
	assert_string_equal(m.items[3].title, "Adjournment");
	assert_string_equal(m.items[4].title, "Placement Sufficiency Strategy 2023 to 2026");
	field_meeting_release(&m);
}

static void test_field_numbered_paragraphs_not_items(void **state)
{
	struct field_meeting m = {0};
	struct sbuf t = {0};

	(void)state;
	/* ModernGov full council: minute numbers with "(Item N)", and numbered paragraphs of speeches */
	sbuf_adds(&t, "       MINUTES of a meeting of the County Council held on Thursday, 9 January 2025.\n\n"
		      "283.   Apologies for Absence\n       (Item 1)\n\n       Apologies were reported.\n\n"
		      "284.   Declarations of Interest\n       (Item 2)\n\n       None.\n\n"
		      "285.   English Devolution White Paper\n       (Item 3)\n\n");
	for (int i = 1; i <= 12; i++)
		sbuf_addf(&t, "       %d)   Mr Member %d said that the proposal was the most important decision for\n"
			      "            the council in many years and that residents would expect to be consulted\n"
			      "            on every part of it before any application was made.\n\n", i, i);
	assert_false(sbuf_oom(&t));
	parse(&m, t.buf, NULL, NULL);
	assert_sane_meeting(&m);
	assert_items(&m, "283,284,285");
	assert_string_equal(m.items[0].agenda_item, "1");
	assert_string_equal(m.items[2].agenda_item, "3");
	field_meeting_release(&m);
	sbuf_release(&t);
	/* paragraphs numbered straight through under "Item N:" headings (Hong Kong) */
	{
		struct field_meeting h = {0};

		parse(&h, "Minutes of the Third Meeting of the Elm Bay District Council\nDate: 12 March 2024\n\n"
			  "Item 1: Confirmation of the Minutes of the Second Meeting\n\n"
			  "2.       The Chairman said that the Secretariat had not received any proposed\n"
			  "amendments to the draft minutes. The minutes were confirmed without amendment.\n\n"
			  "Item 2: Proposal to Improve Pedestrian Crossing Facilities\n\n"
			  "3.       Mr CHEUNG Tak-ming introduced the paper.\n\n"
			  "4.       Mr TSANG Kin-fai of the Transport Department responded as follows:\n\n"
			  "5.       The Chairman concluded that the Council supported the proposal and\n"
			  "requested the Department to report progress at the next meeting.\n\n"
			  "Item 3: Funding Applications for Community Involvement Projects\n\n"
			  "6.       Members endorsed the funding applications set out in the Annex to the\n"
			  "paper, totalling $1,250,000.\n\n"
			  "Item 4: Any Other Business\n\n"
			  "7.       There being no other business, the meeting was adjourned at 4:40 p.m.\n", NULL, NULL);
		assert_items(&h, "1,2,3,4");
		assert_string_equal(h.items[2].title, "Funding Applications for Community Involvement Projects");
		assert_non_null(strstr(h.items[1].body, "introduced the paper"));
		field_meeting_release(&h);
	}
}

static void test_field_chain_does_not_jump_a_restart(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* an agenda in two parts; the second restarts with "1.A" sub-items */
	parse(&m, "City of Northvale\nNotice and Agenda\n\n6 P.M. SPECIAL MEETING\n1 Call to Order\n2 Roll Call\n"
		  "3 Public Comment\n4 Consent Calendar\n5 Adjourn Special Meeting\n\n7 P.M. REGULAR MEETING\n"
		  "1.A       16-0344      Approve City Council Meeting Minutes of March 29, 2016\n"
		  "1.B       16-0348      Approve the List of Claims\n"
		  "2         16-0046      Introduce an Ordinance on Taxicab Franchises\n"
		  "3         16-0181      Introduce an Ordinance on Minimum Wage\n"
		  "4         16-0373      Appoint a Councilmember to the Transit Board\n"
		  "5         16-0090      Consider Options for a Park Restroom\n"
		  "6         16-0151      Adopt the Budget Calendar\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5,1.A,1.B,2,3,4,5,6");
	field_meeting_release(&m);

	/* two meetings of one night, the first's numbers heavier (bold) than the second's */
	parse(&m, "OAKMOOR COMMUNITY COUNCIL\nMINUTES OF ANNUAL GENERAL MEETING\n\n"
		  "**1. Attendance**\nRecorded.\n**2. Minutes of the 2024 AGM**\nApproved.\n"
		  "**3. Chair's Report**\nNoted.\n**4. Election of Officers**\nElected.\n\nTHE GENERAL MEETING\n"
		  "1. Fire Station\nA report.\n2. Active Travel\nDiscussed.\n3. Bus Franchising\nNoted.\n"
		  "4. Shopping Trolleys\nNoted.\n5. Waste\nNoted.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,1,2,3,4,5");
	field_meeting_release(&m);
}

static void test_field_unnumbered_headings(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* parish minutes of "Label:" paragraphs (bold in Word) */
	parse(&m, "Minutes of Oxley Parish Council Meeting\nHeld in the Village Hall on Monday 24 February 2020\n"
		  "Present: Councillors Ann Tee, Bo Vee\nClerk: Cy Wu    e-mail: clerk@example.org\n"
		  "**Apologies:**  County councillor Di Ex\n**Minutes of the last meeting:**\nAgreed and signed.\n"
		  "**Flooding:**  Councillor Tee has reported the flooding to Highways.\n"
		  "**Any other business:**\nNone.\n", "oxley/Feb 2020 Minutes final.docx", NULL);
	assert_sane_meeting(&m);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].number, "");
	assert_string_equal(m.items[0].title, "Apologies");
	assert_string_equal(m.items[2].title, "Flooding");
	assert_non_null(strstr(m.items[2].body, "reported the flooding"));
	assert_string_equal(m.council, "Oxley Parish Council");
	assert_null(m.committee);
	assert_int_equal(m.date, 20200224);
	field_meeting_release(&m);

	/* Hugo Markdown minutes: "##" headings, "Present" is attendance */
	parse(&m, "---\ntitle: Minutes for meeting held Tuesday 7th October 2024\ndate: 2024-10-07\n---\n\n"
		  "## Present\n\n* Al Fen - *Chair*\n* Bea Gow\n\n## Apologies for Absence\n\n* Cy Hart\n\n"
		  "## Christmas Market\n\nPlans were discussed.\n\n## AOB\n\nNone.\n\n## Next Meeting\n\n4 November.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "Apologies for Absence");
	assert_string_equal(m.items[3].title, "Next Meeting");
	field_meeting_release(&m);
}

static void test_field_councils_named_other_ways(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* "CITY OF X <BOARD>": the place is the one named most often, the board's name loses it */
	parse(&m, "CITY OF WESTFORD PLANNING BOARD\nMINUTES OF THE REGULAR MEETING\nMONDAY, SEPTEMBER 11, 2023\n"
		  "The meeting was held at Westford City Hall.\n1. ROLL CALL\nAll present.\n2. ADJOURNMENT\n"
		  "The Westford Planning Board adjourned. Westford residents spoke.\n", NULL, NULL);
	assert_string_equal(m.council, "City of Westford");
	assert_string_equal(m.committee, "Planning Board");
	assert_int_equal(m.date, 20230911);
	field_meeting_release(&m);

	/* a place before its kind (South Africa, India); Canada's qualified municipalities */
	{
		static const char *const named[][2] = {
			{ "MINUTES OF THE ORDINARY COUNCIL MEETING OF THE KAROO LOCAL MUNICIPALITY HELD ON 12 MARCH 2024",
			  "Karoo Local Municipality" },
			{ "Vaal District Municipality\nMinutes of the Mayoral Committee\n12 March 2024",
			  "Vaal District Municipality" },
			{ "Minutes of the meeting of the Nashik Municipal Corporation held on 12 March 2024",
			  "Nashik Municipal Corporation" },
			{ "The Regional Municipality of Elmhurst\nMinutes of the Regional Council\nMarch 12, 2024",
			  "The Regional Municipality of Elmhurst" },
			{ "Rural Municipality of Pinecreek No. 159\nRegular Council Meeting Minutes\nMarch 12, 2024",
			  "Rural Municipality of Pinecreek" },
			/* US counties and parishes governed by a body named after them */
			{ "ST. MARTIN PARISH POLICE JURY\nMINUTES OF REGULAR MEETING\nMarch 4, 2024",
			  "St. Martin Parish Police Jury" },
			{ "WARREN COUNTY FISCAL COURT\nREGULAR MEETING MINUTES\nMarch 4, 2024", "Warren County Fiscal Court" },
			{ "Minutes of the Ulster County Legislature\nMarch 4, 2024", "Ulster County Legislature" },
			{ "GREENE COUNTY COMMISSION\nMINUTES OF REGULAR SESSION\nMarch 4, 2024", "Greene County Commission" },
			{ "HAYS COUNTY COMMISSIONERS COURT\nMINUTES\nMarch 4, 2024", "Hays County Commissioners Court" },
			{ "CITY AND COUNTY OF BROOMFIELD\nCITY COUNCIL MINUTES\nMarch 4, 2024", "City and County of Broomfield" },
			/* a letterhead over two lines; a parish council named the other way round; a
			 * parish without a council; authorities that are councils of their own kind */
			{ "ELMSHIRE\nTOWN COUNCIL\nMinutes of the meeting held on 4 March 2024", "Elmshire Town Council" },
			{ "PARISH COUNCIL OF ELMSHIRE\nMinutes of the meeting held on 4 March 2024", "Parish Council of Elmshire" },
			{ "ELMSHIRE PARISH MEETING\nMinutes of the meeting held on 4 March 2024", "Elmshire Parish Meeting" },
			{ "Elmshire Combined Authority\nMinutes of the meeting held on 4 March 2024", "Elmshire Combined Authority" },
			{ "Elmshire National Park Authority\nMinutes of the meeting held on 4 March 2024",
			  "Elmshire National Park Authority" },
			/* a saint's full stop, accented capitals (Irish, Welsh, Maltese), "City and District" */
			{ "ST. BRIVEL TOWN COUNCIL\nMinutes of the meeting held on 4 March 2024", "St. Brivel Town Council" },
			{ "Ashcombe St. Marrow Parish Council\nMinutes of the meeting held on 4 March 2024",
			  "Ashcombe St. Marrow Parish Council" },
			{ "St. Elwyn's Parish Council\nMinutes of the meeting held on 4 March 2024",
			  "St. Elwyn's Parish Council" },
			{ "DÚN GLAISE COUNTY COUNCIL\nMinutes of the meeting held on 4 March 2024", "Dún Glaise County Council" },
			{ "Cyfarfod / Meeting\nYNYS FÔR TOWN COUNCIL\nMinutes of the meeting held on 4 March 2024",
			  "Ynys Fôr Town Council" },
			{ "ĦAL ŻEBBUĠ LOCAL COUNCIL\nMinutes of the meeting held on 4 March 2024", "Ħal Żebbuġ Local Council" },
			{ "Elmbury City and District Council\nMinutes of the meeting held on 4 March 2024",
			  "Elmbury City and District Council" },
			{ "BALLAKEEL VILLAGE COMMISSIONERS\nMinutes of the meeting held on 4 March 2024",
			  "Ballakeel Village Commissioners" },	/* the Isle of Man */
			/* US special districts and authorities */
			{ "ELM VALLEY WATER DISTRICT\nMinutes of the meeting held on 4 March 2024", "Elm Valley Water District" },
			{ "NORTH HILLS FIRE PROTECTION DISTRICT\nMinutes of the meeting held on 4 March 2024",
			  "North Hills Fire Protection District" },
			{ "ELM VALLEY TRANSIT AUTHORITY\nMinutes of the meeting held on 4 March 2024",
			  "Elm Valley Transit Authority" },
			/* Canada and Australia: accented names, a saint's full stop after "of", regional
			 * and numbered municipal districts, a county named first, school boards */
			{ "MUNICIPALITY OF LAC-BR\xc3\x9bL\xc3\x89-OUEST\nMinutes of the regular sitting\nMarch 4, 2024",
			  "Municipality of Lac-Br\xc3\xbbl\xc3\xa9-Ouest" },
			{ "Town of C\xc3\xb4te-Verte\nMinutes of the Regular Meeting of Council\nMarch 4, 2024",
			  "Town of C\xc3\xb4te-Verte" },
			{ "City of St. Albertine\nMinutes of the Regular Meeting of Council\nMarch 4, 2024",
			  "City of St. Albertine" },
			{ "DISTRICT COUNCIL OF KERRIBEE PLAINS\nMinutes of the Ordinary Meeting of Council\n15 April 2024",
			  "District Council of Kerribee Plains" },
			{ "REGIONAL DISTRICT OF COLDSTREAM-TAMARACK\nMinutes of the Regular Meeting\nMarch 21, 2024",
			  "Regional District of Coldstream-Tamarack" },
			{ "Municipal District of Spruce Hollow No. 44\nRegular Council Meeting Minutes\nMarch 12, 2024",
			  "Municipal District of Spruce Hollow" },
			{ "WAPITI FLATS COUNTY\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nMarch 13, 2024",
			  "Wapiti Flats County" },
			{ "TRILLIUM RIDGE DISTRICT SCHOOL BOARD\nMINUTES OF THE REGULAR BOARD MEETING\nFebruary 27, 2024",
			  "Trillium Ridge District School Board" },
			/* Jersey: a parish governed by its assembly */
			{ "PARISH OF ST. OUEN-DES-CHAMPS\nMinutes of a Parish Assembly held at the Parish Hall on 6th March 2024",
			  "Parish of St. Ouen-Des-Champs" },
		};

		for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
			char text[400];

			snprintf(text, sizeof text, "%s\n\n1. Apologies\nNone.\n2. Minutes\nApproved.\n", named[k][0]);
			parse(&m, text, NULL, NULL);
			assert_non_null(m.council);
			assert_string_equal(m.council, named[k][1]);
			if (k >= 5)
				assert_null(m.committee);	/* the body is the council */
			field_meeting_release(&m);
		}
	}

	/* two places joined by "&" (and by "and" in the text); the council itself met */
	parse(&m, "1\n\nBRYN & MAES COMMUNITY COUNCIL\nMINUTES OF THE MEETING 11th OCTOBER 2017\n"
		  "Bryn and Maes Community Council held their meeting at 7.30pm.\nPRESENT\nCouncillors A Bee\n\n"
		  "1. WELCOME AND APOLOGIES\nNone.\n2. MATTERS ARISING\nNone.\n", NULL, NULL);
	assert_string_equal(m.council, "Bryn and Maes Community Council");
	assert_null(m.committee);
	assert_int_equal(m.date, 20171011);
	assert_int_equal(m.council_src, FIELD_SRC_TEXT);
	field_meeting_release(&m);

	/* Welsh: "Cyngor Cymuned X a Y", "11eg HYDREF 2017", COFNODION is minutes */
	parse(&m, "COFNODION\nCYNGOR CYMUNED BRYN A MAES\nCYFARFOD 11eg HYDREF 2017\n"
		  "Cynhaliwyd Cyngor Cymuned Bryn a Maes am 7.30pm.\nPRESENNOL\nCynghorwyr A Bee\n\n"
		  "1. CROESO\nDim.\n2. GOHEBIAETH\nDim.\n", NULL, NULL);
	assert_string_equal(m.council, "Cyngor Cymuned Bryn a Maes");
	assert_int_equal(m.date, 20171011);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	field_meeting_release(&m);

	/* bilingual item numbers: "Eitem 1 / Item 1 \u2013 Ymddiheuriadau / Apologies" */
	parse(&m, "CYNGOR CYMUNED BRYN A MAES\nBRYN AND MAES COMMUNITY COUNCIL\nMinutes of the meeting held on 5 March 2024\n\n"
		  "Eitem 1 / Item 1 \xe2\x80\x93 Ymddiheuriadau / Apologies\nCllr G Hay.\n\n"
		  "Eitem 2 / Item 2 \xe2\x80\x93 Cofnodion / Minutes\nApproved.\n\n"
		  "Eitem 3 / Item 3 \xe2\x80\x93 Cynllunio / Planning\nNo applications.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[0].title, "Ymddiheuriadau / Apologies");
	field_meeting_release(&m);

	/* "The Corporation of the City of X" named only in the body */
	parse(&m, "---\ntitle: 3rd Meeting of the Audit Committee\ndate: 2025-06-18\n---\n"
		  "June 18, 2025, at 12:00 PM\n\n# 1.&nbsp;Disclosures of Pecuniary Interest\n\nNone.\n\n"
		  "# 2.&nbsp;Financial Audit\n\nThat the Financial Report of The Corporation of the City of Weston BE RECEIVED.\n",
	      NULL, NULL);
	assert_string_equal(m.council, "The Corporation of the City of Weston");
	assert_string_equal(m.committee, "Audit Committee");
	field_meeting_release(&m);

	/* a school district and its board; an agenda by its heading */
	parse(&m, "FERNDALE UNION SCHOOL DISTRICT\n\nBoard of Education\nRegular Meeting\nAGENDA\n"
		  "Ferndale Union School District\nJanuary 12, 2016\n\n1.        CALL TO ORDER\n\n"
		  "2.        SUPERINTENDENT'S REPORT\n\n3.    CONSENT\n      3.1 Ratification of Contracts\n"
		  "      3.2 Ratification of the Warrant List\n4.    ADJOURNMENT\n", NULL, NULL);
	assert_string_equal(m.council, "Ferndale Union School District");
	assert_string_equal(m.committee, "Board of Education");
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_items(&m, "1,2,3,3.1,3.2,4");
	field_meeting_release(&m);
}

static void test_field_committee_shapes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* a word a line (a converted PDF heading) */
	parse(&m, "MINUTES\n\nOF\n\nPROCEEDINGS\n\nAT\n\nMEETING\n\nOF\n\nTHE\n\nMUNICIPAL DISTRICT OF GLENVILLE HELD IN\n"
		  "THE CIVIC OFFICES, ON WEDNESDAY, 2nd February, 2022, AT\n10AM.\n\n"
		  "1. Adoption of Minutes\nAdopted.\n2. Questions\nNone.\n", NULL, NULL);
	assert_string_equal(m.committee, "Municipal District of Glenville");
	assert_int_equal(m.date, 20220202);
	field_meeting_release(&m);

	/* the council named after the committee's "of", only there; no place, no council */
	parse(&m, "Minutes of the Cabinet of Hartwell Council held on 12 March 2024\n\n"
		  "1. Apologies\nNone.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_string_equal(m.council, "Hartwell Council");
	assert_string_equal(m.committee, "Cabinet");
	field_meeting_release(&m);
	parse(&m, "MINUTES OF THE BOARD OF COMMISSIONERS OF HARLAN COUNTY\nMarch 12, 2024\n\n"
		  "1. Roll Call\nAll present.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_string_equal(m.council, "Harlan County");
	assert_string_equal(m.committee, "Board of Commissioners");
	field_meeting_release(&m);
	parse(&m, "Minutes of the Planning Committee of the County Council held on 12 March 2024\n\n"
		  "1. Apologies\nNone.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_null(m.council);
	field_meeting_release(&m);

	/* a bracket or a letter after the committee word is the name's; "(SPECIAL)" is the meeting's */
	{
		static const char *const named[][2] = {
			{ "Minutes of a meeting of the Area Planning Committee (North) held on 12 March 2024",
			  "Area Planning Committee (North)" },
			{ "Minutes of a meeting of the Licensing Sub-Committee (Hearing) of Elmshire District Council "
			  "held on 12 March 2024", "Licensing Sub-Committee (Hearing)" },
			{ "Meeting: Planning Committee\nDate: 12 March 2024", "Planning Committee" },
			{ "Minutes of the Planning Sub-Committee B held on 12 March 2024", "Planning Sub-Committee B" },
			{ "MINUTES OF THE LICENSING COMMITTEE (SPECIAL) HELD ON 12 MARCH 2024", "Licensing Committee" },
		};

		for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
			char text[400];

			snprintf(text, sizeof text, "Hartwell Borough Council\n%s\n\n1. Apologies\nNone.\n2. Minutes\n"
				 "Approved.\n", named[k][0]);
			parse(&m, text, NULL, NULL);
			assert_non_null(m.committee);
			assert_string_equal(m.committee, named[k][1]);
			field_meeting_release(&m);
		}
	}

	/* "Minutes - Cabinet - 12 March 2024": the name between dashes */
	parse(&m, "Minutes \xe2\x80\x93 Planning Committee \xe2\x80\x93 12 March 2024\nHartwell District Council\n\n"
		  "1. Apologies\nNone.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_non_null(m.committee);
	assert_string_equal(m.committee, "Planning Committee");
	field_meeting_release(&m);

	/* a venue line is no committee; the community council itself met */
	parse(&m, "OAKMOOR COMMUNITY COUNCIL\nGENERAL MEETING MONDAY 4 MARCH 2O24\n"
		  "Held in the Board Room, Elderpark Workspace at 7 p.m.\nPresent: A Bee\n\n"
		  "1 MINUTES OF THE FEBRUARY MEETING\nApproved.\n2 MATTERS ARISING\nNone.\n", NULL, NULL);
	assert_null(m.committee);
	assert_int_equal(m.date, 20240304);	/* "2O24": a letter O for a zero */
	field_meeting_release(&m);

	/* a meeting with a name of its own */
	parse(&m, "ASHBY PARISH COUNCIL\nEXTRAORDINARY MEETING 6th FEBRUARY 2019\n"
		  "Ashby Parish Council held their meeting at 7.00pm.\nPRESENT\nCouncillors A Bee\n\n"
		  "1. WELCOME AND APOLOGIES\nNone.\n2. PLANNING\nNone.\n", NULL, NULL);
	assert_string_equal(m.committee, "Extraordinary Meeting");
	field_meeting_release(&m);
	parse(&m, "ASHBY PARISH COUNCIL\nMINUTES OF THE ANNUAL PARISH MEETING 25 APRIL 2023\n"
		  "The Annual Parish Meeting was held in the Village Hall.\n\n1. Apologies\nNone.\n"
		  "2. Annual Report\nGiven.\n", NULL, NULL);
	assert_string_equal(m.committee, "Annual Parish Meeting");
	field_meeting_release(&m);
	parse(&m, "MINUTES OF THE ANNUAL MEETING OF ASHBY PARISH COUNCIL\nHELD IN THE VILLAGE HALL\n"
		  "ON 20TH May 2025\n\n1. Election of Chairman\nCllr Bee was elected.\n2. Apologies\nNone.\n",
	      NULL, NULL);
	assert_string_equal(m.committee, "Annual Meeting");
	field_meeting_release(&m);

	/* the meeting's kind after the body's name (US); a subcommittee (New Zealand) */
	parse(&m, "CITY OF ANYVILLE\nPLANNING COMMISSION REGULAR MEETING MINUTES\nMarch 12, 2024\n\n"
		  "1. Call to Order\nDone.\n2. Adjournment\nDone.\n", NULL, NULL);
	assert_string_equal(m.committee, "Planning Commission");
	field_meeting_release(&m);
	parse(&m, "ANYTOWN DISTRICT COUNCIL\nMINUTES OF THE SOCIAL SUSTAINABILITY SUBCOMMITTEE\n12 MARCH 2024\n\n"
		  "1 Karakia\nDone.\n2 Apologies\nNone.\n", NULL, NULL);
	assert_string_equal(m.committee, "Social Sustainability Subcommittee");
	field_meeting_release(&m);

	/* council and committee in one line, "Minutes of the <council> <committee>" (Canada, UK) */
	{
		static const char *const lines[][3] = {
			{ "Minutes of the City of Anyville Finance and Economic Development Committee meeting held on 14 March 2023",
			  "City of Anyville", "Finance and Economic Development Committee" },
			{ "Minutes of the City of Anyville Planning Committee meeting held on 14 March 2023",
			  "City of Anyville", "Planning Committee" },
			{ "Minutes of the meeting of the Town of Anyville Parks and Recreation Advisory Board held on March 14, 2023",
			  "Town of Anyville", "Parks and Recreation Advisory Board" },
			{ "Minutes of the Anyville County Council Audit and Governance Committee held on 14 March 2023",
			  "Anyville County Council", "Audit and Governance Committee" },
		};
		char doc[512];

		for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
			snprintf(doc, sizeof doc, "%s\n\n1. Call to Order\nDone.\n2. Adjournment\nDone.\n", lines[k][0]);
			parse(&m, doc, NULL, NULL);
			assert_string_equal(m.council, lines[k][1]);
			assert_string_equal(m.committee, lines[k][2]);
			field_meeting_release(&m);
		}
	}
}

/* "03/04/2024" is 4 March in minutes that write "February 20, 2024" (US), 3 April in ones that write "5 February 2024". */
static void test_field_numeric_date_read_as_the_document_writes_dates(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "City of Elmdale\nCity Council Minutes\n03/04/2024\n\n1. Approval of Minutes\n"
		  "The minutes of February 20, 2024 were approved.\n\n2. Adjournment\nAdjourned.\n", NULL, NULL);
	assert_int_equal(m.date, 20240304);
	field_meeting_release(&m);
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 03/04/2024\n\n1. Minutes\n"
		  "The minutes of 5 March 2024 were approved.\n\n2. Close\nClosed.\n", NULL, NULL);
	assert_int_equal(m.date, 20240403);
	field_meeting_release(&m);
	/* no other date: day first, as before */
	parse(&m, "Elmshire Parish Council\nMinutes of the meeting held on 03/04/2024\n\n1. Minutes\nApproved.\n"
		  "\n2. Close\nClosed.\n", NULL, NULL);
	assert_int_equal(m.date, 20240403);
	field_meeting_release(&m);
}

static void test_field_meeting_date_not_publication_date(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	/* a web page's front matter dates the page, the heading the meeting */
	parse(&m, "---\ntitle: Minutes\ndate: 2024-10-14\n---\n\n*Held in the Community Hall on Monday 7 October 2024 at 7pm.*\n\n"
		  "1. Apologies\nNone.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_int_equal(m.date, 20241007);
	field_meeting_release(&m);
	/* a "printed on" line above the heading */
	parse(&m, "Printed on 14 March 2024\nMINUTES\nPlanning Committee\nTuesday 5 March 2024\n\n"
		  "1. Apologies\nNone.\n2. Minutes\nApproved.\n", NULL, NULL);
	assert_int_equal(m.date, 20240305);
	field_meeting_release(&m);
	/* a heading without a year: the year from the file name, or no date at all */
	parse(&m, "OAKMOOR COMMUNITY COUNCIL\nGENERAL MEETING MONDAY 6 NOVEMBER\nHeld in the Hall at 7 p.m.\n\n"
		  "1. MINUTES OF THE OCTOBER MEETING\nApproved.\n2. MATTERS ARISING\nNone.\n",
	      "oakmoor/23NOVEMBERMINUTEOakmoorCC.docx", NULL);
	assert_int_equal(m.date, 20231106);
	assert_int_equal(m.date_src, FIELD_SRC_PATH);
	field_meeting_release(&m);
	parse(&m, "OAKMOOR COMMUNITY COUNCIL\nGENERAL MEETING MONDAY 6 NOVEMBER\n\n1. MINUTES\nApproved.\n"
		  "2. MATTERS ARISING\nNone.\n", "oakmoor/minutes.docx", NULL);
	assert_int_equal(m.date, 0);
	assert_int_equal(m.date_src, FIELD_SRC_NONE);
	field_meeting_release(&m);
	/* when the front matter is all there is, its date is the meeting's */
	parse(&m, "---\ntitle: Minutes\ndate: 2024-10-14\n---\n\n1. Apologies\nNone.\n2. Minutes\nApproved.\n",
	      NULL, NULL);
	assert_int_equal(m.date, 20241014);
	assert_int_equal(m.date_src, FIELD_SRC_TEXT);
	field_meeting_release(&m);
}

static void test_field_kind_from_heading(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "MINUTES OF THE SPECIAL CITY COUNCIL MEETING\nWEDNESDAY- -MARCH 15, 2023- -12:00 P.M.\n\n"
		  "(23-145) A Special Meeting was called to tour the Tilden Way Project.\n\n"
		  "The agenda for this meeting was posted in accordance with the Sunshine Ordinance.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_MINUTES);
	field_meeting_release(&m);
	parse(&m, "City of Northvale\nNotice and Agenda\nCity Council\nTuesday, April 12, 2016\n\n"
		  "1 Call to Order\n2 Roll Call\n3 Approve Meeting Minutes of March 29, 2016\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_string_equal(m.council, "City of Northvale");
	field_meeting_release(&m);
	parse(&m, "ASHBY PARISH COUNCIL\nINVITES YOU TO ATTEND THE ANNUAL PARISH MEETING\n"
		  "ON TUESDAY, 22 APRIL 2025 AT 7.30 PM\n\n1. Minutes of the last meeting, held on 23 April 2024\n"
		  "2. Annual Report\n3. Any other business.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	assert_int_equal(m.date, 20250422);
	field_meeting_release(&m);

	/* a clerk's report, a summary of decisions and minutes marked unapproved */
	{
		static const struct {
			const char *head;
			enum field_kind kind;
			bool draft;
		} heads[] = {
			{ "Report of the Clerk to the Parish Council", FIELD_KIND_REPORT, false },
			{ "Summary of decisions", FIELD_KIND_MINUTES, false },
			{ "Minutes (unapproved)", FIELD_KIND_MINUTES, true },
			{ "MINUTES\nAnnual report of the Chair", FIELD_KIND_MINUTES, false },
		};
		char doc[512];

		for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
			snprintf(doc, sizeof doc, "Ashby Parish Council\n%s\nMeeting held on 14 May 2024 at 7pm\n\n"
				 "1. Apologies\nNone.\n\n2. Planning\nNo objections.\n", heads[k].head);
			parse(&m, doc, NULL, NULL);
			assert_int_equal(m.kind, heads[k].kind);
			assert_int_equal(m.draft, heads[k].draft);
			field_meeting_release(&m);
		}
	}
	/* a draft budget or the last meeting's draft minutes make no draft; a watermark or a running footer does */
	parse(&m, "Elmford Town Council\nMinutes of the Finance Committee held on 9 January 2024\n\n"
		  "FC/24/01  MINUTES\nThe draft minutes of the meeting held on 14 November 2023 were approved.\n\n"
		  "FC/24/02  DRAFT BUDGET 2024/25\nThe Committee considered the draft budget.\n", NULL, NULL);
	assert_false(m.draft);
	field_meeting_release(&m);
	parse(&m, "Elmford Town Council\nMinutes of the Finance Committee held on 9 January 2024\n\n"
		  "FC/24/01  MINUTES\nThe minutes were approved.\n\n- DRAFT -\n\nFC/24/02  GRANTS\nNoted.\n",
	      NULL, NULL);
	assert_true(m.draft);
	field_meeting_release(&m);
	{
		static const char *const titles[] = { "GRANTS", "AUDIT", "INSURANCE" };
		char doc[1024] = "Elmford Town Council\nMinutes of the Finance Committee held on 9 January 2024\n";

		for (int page = 1; page <= 3; page++)
			snprintf(doc + strlen(doc), sizeof doc - strlen(doc),
				 "\nFC/24/0%d  %s\nThe Committee noted the %s report.\n\n"
				 "Draft Minutes - Finance Committee                    Page %d\n\f", page,
				 titles[page - 1], titles[page - 1], page);
		parse(&m, doc, NULL, NULL);
		assert_true(m.draft);
		field_meeting_release(&m);
	}
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

/*
 * New England select boards stamp each item with the time it was taken up
 * ("6:32 PM   Approve Minutes ..."), and record each motion on labelled
 * lines ("Motion: ... moved to ..." / "Second: ..." / "VOTED: 3-0-0."):
 * the times mark the items, the labels are never items, and "VOTED: 3-0-0"
 * carries the motion.  A schedule's column of times is no list of items.
 */
static void test_field_time_stamped_items_and_vote_labels(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWN OF ASHCOMBE\nSELECT BOARD\nMEETING MINUTES\nMonday, April 8, 2024\n\n"
		  "Members Present: Jo Abbot (Chair), Lee Barr, Sam Cole\n\n"
		  "6:30 PM   Call to Order\nChair Abbot called the meeting to order at 6:30 PM.\n\n"
		  "6:32 PM   Approve Minutes of March 25, 2024\n"
		  "Motion: Mr. Barr moved to approve the minutes of March 25, 2024 as written.\n"
		  "Second: Mr. Cole.\nVOTED: 3-0-0.\n\n"
		  "6:40 PM   Public Hearing – Common Victualler License – Harbour Lane Bakery, LLC, 12 Wharf Street\n"
		  "Motion: Mr. Cole moved to grant the license.\nSecond: Ms. Abbot.\nVOTED: 1-2-0.\n\n"
		  "7:05 PM – Appointments\nMotion: Ms. Abbot moved to appoint Kim Dale to the Board of Health.\n"
		  "Second: Mr. Barr.\nVOTED: 3-0-0.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title, "Call to Order");
	assert_string_equal(m.items[1].title, "Approve Minutes of March 25, 2024");
	assert_string_equal(m.items[2].title,
			    "Public Hearing – Common Victualler License – Harbour Lane Bakery, LLC, 12 Wharf Street");
	assert_string_equal(m.items[3].title, "Appointments");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the minutes of March 25, 2024 as written");
	assert_int_equal(m.items[2].resolutions.n, 0);	/* voted down 1-2 */
	assert_int_equal(m.items[3].resolutions.n, 1);
	field_meeting_release(&m);

	/* labelled vote lines under headings in capitals: never items themselves */
	parse(&m, "CITY OF ELMDALE\nCOUNCIL MINUTES\nMay 6, 2024\n\nCONSENT AGENDA\n"
		  "Motion: Councilmember Ruiz moved to approve the consent agenda.\nSecond: Councilmember Ode\n"
		  "Vote: 5-0\n\nPARK RULES\nMotion: Councilmember Ode moved to adopt the park rules.\n"
		  "Second: Councilmember Ruiz\nVote: 5-0\n\nADJOURNMENT\nMotion: Councilmember Ruiz moved to adjourn.\n"
		  "Second: Councilmember Ode\nVote: 5-0\n", NULL, NULL);
	assert_int_equal(m.n_items, 3);
	assert_string_equal(m.items[1].title, "PARK RULES");
	assert_int_equal(m.items[1].resolutions.n, 1);
	field_meeting_release(&m);

	/* times in a schedule's column, far from the margin and beside another column */
	parse(&m, "HARBOUR BOARD\nMeeting schedule 2024\n\n"
		  "                    Friday, February 2, 2024\n                    10:30 a.m.          Harbour Office, Quay Road\n"
		  "                    Friday, March 1, 2024\n                    10:30 a.m.          Harbour Office, Quay Road\n"
		  "                    Friday, April 5, 2024\n                    10:30 a.m.          Teleconference\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 0);
	field_meeting_release(&m);
}

/*
 * New York's town boards: headings in capitals with a blank line under
 * them, each resolution numbered on its own line with its caption in
 * capitals under it ("RESOLUTION #43 OF 2024" / "AUTHORIZE ..."), and
 * "the following resolution was ADOPTED" before the "WHEREAS ... NOW,
 * THEREFORE, BE IT RESOLVED, that ..." it adopted.
 */
static void test_field_town_board_resolutions(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                    TOWN OF ELMHURST FALLS\n                 TOWN BOARD REGULAR MEETING\n"
		  "                        June 10, 2024\n\n"
		  "A Regular Meeting of the Town Board was held at the Town Hall at 7:00 P.M.\n\n"
		  "PRESENT:       Supervisor Ann Rourke\n               Councilman Ted Vail\n\n"
		  "APPROVAL OF MINUTES\n\nRESOLUTION #61 OF 2024\n"
		  "On a motion by Councilman Vail, seconded by Supervisor Rourke, the following resolution\n"
		  "was ADOPTED 2 Ayes 0 Nays\nRESOLVED, that the Town Board approves the minutes of May 13, 2024.\n\n"
		  "HIGHWAY DEPARTMENT\n\nSuperintendent Gale reported that the paving of Ridge Road is finished.\n\n"
		  "RESOLUTION #62 OF 2024\nAUTHORIZE PURCHASE OF A ROADSIDE MOWER\n"
		  "On a motion by Supervisor Rourke, seconded by Councilman Vail, the following resolution was\n"
		  "ADOPTED 2 Ayes 0 Nays\nWHEREAS, the Town's mower is beyond repair, and\n"
		  "NOW, THEREFORE, BE IT RESOLVED, that the Highway Superintendent may purchase a mower.\n\n"
		  "PRIVILEGE OF THE FLOOR\n\nResident Ada Marsh asked about the summer recreation program.\n\n"
		  "ADJOURNMENT\n\nOn a motion by Councilman Vail the meeting was adjourned at 8:02 P.M.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 6);
	assert_string_equal(m.items[0].title, "APPROVAL OF MINUTES");
	assert_string_equal(m.items[1].title, "RESOLUTION #61 OF 2024");
	assert_string_equal(m.items[2].title, "HIGHWAY DEPARTMENT");
	assert_string_equal(m.items[3].title, "RESOLUTION #62 OF 2024 AUTHORIZE PURCHASE OF A ROADSIDE MOWER");
	assert_string_equal(m.items[4].title, "PRIVILEGE OF THE FLOOR");
	assert_string_equal(m.items[5].title, "ADJOURNMENT");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_int_equal(m.items[3].resolutions.n, 1);
	assert_string_equal(m.items[3].resolutions.v[0], "that the Highway Superintendent may purchase a mower");
	field_meeting_release(&m);

	/* a motion's "BE IT RESOLVED" that nothing says was adopted decides nothing */
	parse(&m, "TOWN OF ELMHURST FALLS\nTOWN BOARD MEETING\nJune 10, 2024\n\nSOLAR LAW\n\n"
		  "Councilman Vail read the proposed resolution aloud.\n"
		  "NOW, THEREFORE, BE IT RESOLVED, that the solar law be amended.\nNo vote was taken.\n\n"
		  "PARKS\n\nThe parks report was received.\n\nADJOURNMENT\n\nThe meeting adjourned at 8:02 P.M.\n",
	      NULL, NULL);
	assert_int_equal(m.n_items, 3);
	assert_int_equal(m.items[0].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * Granicus's minutes: the roll as a table ("Attendee Name  Title  Status")
 * and each vote as a block ("RESULT:  APPROVED [UNANIMOUS]" / "MOVER:" /
 * "SECONDER:"): the item's title is what was decided, unless it failed.
 * BoardDocs's: "Subject   A. Call to Order" under "1. Opening Items" (a
 * section's only subject too), and "Motion & Voting" / the motion's text /
 * "Motion by A, second by B." / "Final Resolution: Motion Carries".
 */
static void test_field_vote_records_and_roll_tables(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                                   Village of Oak Bend\n                                   Board of Trustees\n"
		  "                                   Minutes - Final\n\nMonday, May 6, 2024          7:00 PM          Village Hall\n\n"
		  "Attendee Name         Title                Status       Arrived\n"
		  "Rosa Gill             Village President    Present\n"
		  "Tom Hart              Trustee              Absent\n"
		  "Uma Iyer              Trustee              Late         7:10 PM\n\n"
		  "1.  CALL TO ORDER\n\n    President Gill called the meeting to order at 7:00 PM.\n\n"
		  "2.  NEW BUSINESS\n\n    A.  Ordinance 2024-O-11 Establishing a Stop at Elm Lane\n\n"
		  "        RESULT:       ADOPTED [2 TO 0]\n        MOVER:        Uma Iyer, Trustee\n"
		  "        SECONDER:     Rosa Gill, Village President\n\n"
		  "    B.  Award of Contract for Tree Trimming to Acme Arbor\n\n"
		  "        RESULT:       FAILED [1 TO 1]\n        MOVER:        Uma Iyer, Trustee\n\n"
		  "3.  ADJOURNMENT\n\n    The meeting adjourned at 7:40 PM.\n", NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_string_equal(m.present.v[1], "Uma Iyer");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Tom Hart");
	assert_int_equal(m.n_items, 5);
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "Ordinance 2024-O-11 Establishing a Stop at Elm Lane");
	assert_int_equal(m.items[3].resolutions.n, 0);
	field_meeting_release(&m);

	parse(&m, "Minutes\nRegular Meeting of the Board of Education\nTuesday, May 14, 2024 6:30 PM\n\n"
		  "1. Opening Items\nSubject         A. Call to Order\nMeeting         May 14, 2024 - Regular Meeting\n"
		  "Category        1. Opening Items\nType            Procedural\n\nThe meeting was called to order at 6:31 p.m.\n\n"
		  "Subject         B. Roll Call\nMeeting         May 14, 2024 - Regular Meeting\n"
		  "Category        1. Opening Items\nType            Procedural\n\nAll members were present.\n\n"
		  "2. Action Items\nSubject         A. Approve the Bus Contract\nMeeting         May 14, 2024 - Regular Meeting\n"
		  "Category        2. Action Items\nType            Action\n\nMotion & Voting\n"
		  "Approve the bus contract with Valley Transit for 2024-2025.\n\n"
		  "Motion by Jo Ames, second by Al Bly.\nFinal Resolution: Motion Carries\nYea: Jo Ames, Al Bly\n\n"
		  "3. Closing Items\nSubject         A. Adjourn\nMeeting         May 14, 2024 - Regular Meeting\n"
		  "Category        3. Closing Items\nType            Action\n\nMotion & Voting\nAdjourn at 7:02 p.m.\n\n"
		  "Motion by Al Bly, second by Jo Ames.\nFinal Resolution: Motion Fails\n", NULL, NULL);
	assert_items(&m, "1,A,B,2,A,3,A");
	assert_string_equal(m.items[0].title, "Opening Items");
	assert_string_equal(m.items[1].title, "Call to Order");
	assert_string_equal(m.items[4].title, "Approve the Bus Contract");
	assert_int_equal(m.items[4].resolutions.n, 1);
	assert_string_equal(m.items[4].resolutions.v[0], "Approve the bus contract with Valley Transit for 2024-2025");
	assert_string_equal(m.items[6].title, "Adjourn");
	assert_int_equal(m.items[6].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * California's action summaries: "ACTION: Waived the reading and adopted
 * Ordinance No. 5421." is the decision; "ACTION: Approved as recommended."
 * decides the item's title; "No reportable action" and denials decide
 * nothing; an English action point ("Action: Clerk to write ...") is no
 * decision.
 */
static void test_field_action_summaries(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "COUNTY OF ALDER\nBOARD OF SUPERVISORS\nACTION SUMMARY MINUTES\nTuesday, May 7, 2024\n\n"
		  "1.  Public Works – Award contract to Delta Paving for the Oak Road Overlay.\n"
		  "    ACTION: Approved as recommended.\n    MOTION: Ortiz   SECOND: Huang\n\n"
		  "2.  PUBLIC HEARING – Consider adoption of Ordinance No. 5501 on short-term rentals.\n"
		  "    ACTION: Waived the reading and adopted Ordinance No. 5501.\n\n"
		  "3.  Appeal of the Planning Commission's decision on 12 Pine Street.\n    ACTION: Denied the appeal.\n\n"
		  "4.  CONFERENCE WITH LEGAL COUNSEL – Existing Litigation.\n    ACTION: No reportable action.\n\n"
		  "5.  Footpaths.\n    Action: Clerk to write to the County Council.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "Public Works – Award contract to Delta Paving for the Oak Road Overlay");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "Waived the reading and adopted Ordinance No. 5501");
	assert_int_equal(m.items[2].resolutions.n, 0);
	assert_int_equal(m.items[3].resolutions.n, 0);
	assert_int_equal(m.items[4].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * Legistar minutes that number nothing but their files: "AB 24-061" in a
 * column before each title, with the sections in capitals around them
 * (both are items, the file number the item's number); "This Consent Item
 * was approved." decides the title; a motion whose sentence wraps before
 * its "that" ("A motion was made by ..., seconded by Councilmember" /
 * "Sturm, that this Ordinance be Adopted.") is still one.
 */
static void test_field_file_numbered_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "City of Bay Harbor\n\n                Meeting Minutes\n\n                 City Council\n\n"
		  "Monday, June 3, 2024            7:00 PM            Council Chambers\n\nCONSENT AGENDA\n\n"
		  "AB 24-101      Approval of Claims for the Period Ending May 24, 2024\n\n"
		  "               This Consent Item was approved.\n\n"
		  "AB 24-102      Minutes of the May 20, 2024 Regular Meeting\n\n"
		  "               This Consent Item was approved.\n\nBUSINESS ITEMS\n\n"
		  "AB 24-103      An Ordinance of the City of Bay Harbor Amending Chapter\n"
		  "               12.08 BHMC Relating to Sidewalk Cafes\n\n"
		  "               A motion was made by Councilmember Ames, seconded by Councilmember\n"
		  "               Bly, that this Ordinance be Adopted. The motion carried by the following\n"
		  "               vote:\n\n               Aye:    5 -   Ames, Bly, Cho, Dorn and Eng\n\n"
		  "24-0456        Presentation: Library Renovation Update\n\n"
		  "               No action was taken.\n\nADJOURNMENT\n\n         The meeting adjourned at 8:10 PM.\n",
	      NULL, NULL);
	assert_items(&m, ",AB 24-101,AB 24-102,,AB 24-103,24-0456,");
	assert_non_null(m.venue);	/* after the time, a column's gap from the date */
	assert_string_equal(m.venue, "Council Chambers");
	assert_string_equal(m.items[0].title, "CONSENT AGENDA");
	assert_string_equal(m.items[4].title,
			    "An Ordinance of the City of Bay Harbor Amending Chapter 12.08 BHMC Relating to Sidewalk Cafes");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "Approval of Claims for the Period Ending May 24, 2024");
	assert_int_equal(m.items[4].resolutions.n, 1);
	assert_string_equal(m.items[4].resolutions.v[0], "that this Ordinance be Adopted – An Ordinance of the City "
			    "of Bay Harbor Amending Chapter 12.08 BHMC Relating to Sidewalk Cafes");
	assert_int_equal(m.items[5].resolutions.n, 0);
	field_meeting_release(&m);

	/* a board of appeals' cases in their column, under the sections in capitals */
	parse(&m, "TOWN OF ELM FALLS\nZONING BOARD OF APPEALS\nMINUTES\nThursday, April 18, 2024\n\n"
		  "Present:   Bruce Gannett, Chairman; Lorraine Siwek\n\nPUBLIC HEARINGS\n\n"
		  "Appeal #24-03          Ronald Vance, 15 Birch Lane (Map 12, Lot 44)\n\n"
		  "MOTION by Mr. Gannett, seconded by Ms. Siwek, to GRANT the variance. VOTE: 2-0.\n\n"
		  "Appeal #24-04          Northway Storage LLC, 600 Route 10\n\n"
		  "MOTION by Ms. Siwek, seconded by Mr. Gannett, to DENY the appeal. VOTE: 1-1.\n\n"
		  "Case No. 24-05         Dennis Ortega, 71 Cold Spring Road\n\nThe Board heard the appeal.\n\n"
		  "ADJOURNMENT\n\nThe meeting adjourned at 8:34 p.m.\n", NULL, NULL);
	assert_items(&m, ",Appeal #24-03,Appeal #24-04,Case No. 24-05,");
	assert_string_equal(m.items[1].title, "Ronald Vance, 15 Birch Lane (Map 12, Lot 44)");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_int_equal(m.items[2].resolutions.n, 0);
	field_meeting_release(&m);

	/* "It was moved by A, seconded by B, and" / "RESOLVED - That ...": one decision, the resolution's */
	parse(&m, "TOWN COUNCIL\nMinutes of the meeting held on 5 March 2024\n\n(101)  ACCOUNTS.\n\n"
		  "It was moved by Councillor Oakley, seconded by Councillor Lomax, and\n"
		  "RESOLVED - That the accounts be approved.\n\n(102)  CHARTER FAIR.\n\n"
		  "RESOLVED - That the fair be held on 8 June 2024.\n", NULL, NULL);
	assert_int_equal(m.n_items, 2);
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That the accounts be approved");
	field_meeting_release(&m);
}

/*
 * Florida's commissions: "Item No. 5      RESOLUTION NO. 2024-38" keeps
 * its number's full stop (no heading ended by it), a motion's record
 * under the title ("MOTION: Commissioner Marsh      SECOND: ...") is no
 * part of it, and that record with "MOTION PASSED 5-0" and no motion's
 * words decides the title.  A "LOST" after a mover still undoes the
 * decision read; "That, the following ..." under a mover is a decision.
 */
static void test_field_mover_records_decide_titles(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF GULF BREEZE\nCITY COMMISSION MINUTES\nREGULAR MEETING OF MAY 14, 2024\n\n"
		  "Item No. 1      CALL TO ORDER\n                Mayor Quint called the meeting to order at 6:00 p.m.\n\n"
		  "Item No. 2      APPROVAL OF MINUTES – April 23, 2024 Regular Meeting\n"
		  "                MOTION: Commissioner Marsh      SECOND: Vice Mayor Holloway\n"
		  "                MOTION PASSED 5-0\n\n"
		  "Item No. 3      RESOLUTION NO. 2024-38\n                Staff presented the paving contract.\n"
		  "                MOTION: Commissioner Reyes      SECOND: Commissioner Marsh\n"
		  "                MOTION FAILED 2-3\n\n"
		  "Item No. 4      ADJOURNMENT\n                The meeting adjourned at 7:22 p.m.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[1].title, "APPROVAL OF MINUTES – April 23, 2024 Regular Meeting");
	assert_string_equal(m.items[2].title, "RESOLUTION NO. 2024-38");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "APPROVAL OF MINUTES – April 23, 2024 Regular Meeting");
	assert_int_equal(m.items[2].resolutions.n, 0);
	field_meeting_release(&m);

	parse(&m, "MINUTES OF THE ORDINARY COUNCIL MEETING\nHELD ON 12 MARCH 2024\n\n"
		  "SI.1  NOTICE OF MOTION - DOG PARK\n\nMoved:       Cr Cole\nSeconded:    Cr Venn\n\n"
		  "That Council requests a report on a fenced dog park.\n\n                    LOST\n\n"
		  "SI.2  AUDIT REPORT\n\nMoved:       Cr Venn\nSeconded:    Cr Cole\n\n"
		  "That, the audit report be received.\n\n                    CARRIED\n", NULL, NULL);
	assert_int_equal(m.n_items, 2);
	assert_int_equal(m.items[0].resolutions.n, 0);
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "That, the audit report be received");
	field_meeting_release(&m);
}

/*
 * Side headings (Missouri's aldermen, Alberta's councils): capitals in a
 * column of their own beside the minute's text ("CONSENT AGENDA      Alderman
 * Rowe moved ..."), going on down the column ("POLICE VEHICLE" / "PURCHASE");
 * the resolution numbers and sub-heads in that column are no part of the
 * decisions ("RES. 24-215      1187-24 be scheduled ..."), and headings in
 * capitals on their own lines are items beside them.  "Aldermen present:"
 * after a sentence is the roll; "Also present were ..." the officers; a
 * venue ends with its sentence.
 */
static void test_field_side_headings(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                                        MINUTES\n\n"
		  "     The Board of Aldermen of the City of Oak Falls met in regular session on\n"
		  "Monday, March 4, 2024, at 7:00 p.m. in the Council Chambers of City Hall. Mayor Hal Gutt\n"
		  "presided. Aldermen present: Betty Shultz, Ken Rowe and Dana Witt. Alderman Jim\n"
		  "Blume was absent. Also present were City Clerk Patti Moss and Police Chief Ron Cady.\n\n"
		  "CONSENT AGENDA            Alderman Rowe moved to approve the consent agenda.\n"
		  "                          Alderman Witt seconded. Motion carried 3-0.\n\n"
		  "PUBLIC COMMENTS           Ed Laney asked about brush pickup.\n\n"
		  "POLICE VEHICLE            Chief Cady requested approval to purchase a new vehicle.\n"
		  "PURCHASE                  Alderman Witt moved to approve the purchase. Alderman Rowe\n"
		  "                          seconded. Roll call: Shultz aye, Rowe aye, Witt aye.\n\n"
		  "WATER TOWER               Administrator Dorn reported that the painting of the\n"
		  "PAINTING                  tower will be delayed until May. No action taken.\n\n"
		  "ADJOURN                   The meeting adjourned at 8:03 p.m.\n", NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[0].title, "CONSENT AGENDA");
	assert_string_equal(m.items[2].title, "POLICE VEHICLE PURCHASE");
	assert_string_equal(m.items[3].title, "WATER TOWER PAINTING");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "to approve the purchase");
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[0], "Betty Shultz");
	assert_int_equal(m.officers.n, 2);
	assert_string_equal(m.venue, "Council Chambers of City Hall");
	field_meeting_release(&m);

	parse(&m, "                       TOWN OF ASPEN FLATS\n                  REGULAR MEETING OF COUNCIL MINUTES\n"
		  "                          MONDAY, JUNE 10, 2024\n\n"
		  "PRESENT                     Mayor Gail Oduya\n                            Councillor Dev Chaudhry\n\n"
		  "ADMINISTRATION              Chief Administrative Officer – Raj Malhotra\n\n"
		  "CALL TO ORDER               Mayor Oduya called the meeting to order at 7:00 p.m.\n\n"
		  "AGENDA\nAdoption of Agenda          Councillor Chaudhry moved that the agenda be adopted as\n"
		  "RES. 24-211                 presented.\n                                                  CARRIED\n\n"
		  "BYLAWS\nBylaw 1187-24               Councillor Kowal moved that Bylaw 1187-24 be given\n"
		  "RES. 24-214                 first reading.\n                                                  CARRIED\n\n"
		  "IN CAMERA                   Councillor Kowal moved that Council go in camera at\n"
		  "RES. 24-219                 7:52 p.m.\n                                                  CARRIED\n\n"
		  "ADJOURNMENT                 Mayor Oduya declared the meeting adjourned at 8:34 p.m.\n", NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[0].title, "CALL TO ORDER");
	assert_string_equal(m.items[1].title, "AGENDA");
	assert_string_equal(m.items[3].title, "IN CAMERA");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "that the agenda be adopted as presented");
	assert_string_equal(m.items[2].resolutions.v[0], "that Bylaw 1187-24 be given first reading");
	assert_string_equal(m.items[3].resolutions.v[0], "that Council go in camera at 7:52 p.m");
	field_meeting_release(&m);

	/* Alberta's counties: the resolution's number beside the heading, in capitals too; a
	 * number alone in the minutes' column is no heading */
	parse(&m, "WAPITI FLATS COUNTY\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nMarch 13, 2024\n\n"
		  "CALL TO ORDER          Reeve Siemens called the meeting to order at 9:00 a.m.\n\n"
		  "AGENDA                 RESOLUTION 24-03-101\n"
		  "                       MOVED BY Councillor Paquette that the agenda be adopted.\n"
		  "                                                                   CARRIED\n\n"
		  "CORRESPONDENCE         RESOLUTION 24-03-106\n"
		  "                       MOVED BY Councillor Paquette that the correspondence\n"
		  "                       be accepted as information.\n"
		  "                                                                   CARRIED\n\n"
		  "CLOSED SESSION         RESOLUTION 24-03-107\n"
		  "                       MOVED BY Councillor Yaremchuk that Council go into\n"
		  "                       closed session at 11:15 a.m.\n"
		  "                                                                   CARRIED\n\n"
		  "                       RESOLUTION 24-03-108\n"
		  "                       MOVED BY Councillor Blackwater that Council return to\n"
		  "                       open session at 11:52 a.m.\n"
		  "                                                                   CARRIED\n\n"
		  "ADJOURNMENT            Reeve Siemens declared the meeting adjourned at\n"
		  "                       11:55 a.m.\n", NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[1].title, "AGENDA");
	assert_string_equal(m.items[3].title, "CLOSED SESSION");
	assert_int_equal(m.items[3].resolutions.n, 2);
	field_meeting_release(&m);
}

/*
 * Ohio's townships: "Label:" paragraphs with a resolution's number in
 * capitals between them ("RESOLUTION 24-0304-01" is an item too), the roll
 * in a sentence ("Roll Call: Trustees present were ..."), and votes by name
 * ("Vote: Mr. Harker, yes; Mrs. Oyler, yes; Mr. Kinsey, no.") that carry
 * a motion when more said yes.  "4:00 o'clock p.m." is 16:00.
 */
static void test_field_township_paragraphs(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "ELM TOWNSHIP BOARD OF TRUSTEES\nREGULAR MEETING MINUTES\nMarch 4, 2024\n\n"
		  "The Board met at the Township Hall at 4:00 o'clock p.m.\n\n"
		  "Roll Call: Trustees present were Glen Harker, Martha Oyler and Dale Kinsey.\n\n"
		  "Minutes: Mrs. Oyler made a motion to approve the minutes as presented. Mr. Kinsey seconded\n"
		  "the motion. Vote: Mr. Harker, yes; Mrs. Oyler, yes; Mr. Kinsey, yes.\n\n"
		  "RESOLUTION 24-0304-01\nMr. Harker moved to adopt Resolution 24-0304-01 setting the tax levies. Mrs. Oyler\n"
		  "seconded the motion. Vote: Mr. Harker, yes; Mrs. Oyler, no; Mr. Kinsey, no.\n\n"
		  "Road Report: Mr. Jansen reported that the crew has been patching potholes.\n\n"
		  "Adjournment: The meeting adjourned at 7:52 p.m.\n", NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[0].title, "Roll Call");
	assert_string_equal(m.items[2].title, "RESOLUTION 24-0304-01");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "to approve the minutes as presented");
	assert_int_equal(m.items[2].resolutions.n, 0);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[2], "Dale Kinsey");
	assert_string_equal(m.time, "16:00");
	field_meeting_release(&m);
}

/*
 * Ohio's county journals: the county on a line of its own by its board
 * ("BOARD OF COMMISSIONERS        JOURNAL 61" / "HARLAN COUNTY, OHIO      PAGE
 * 212": council "Harlan County", the column beside cut off), each item a
 * resolution's number over its caption after a blank line ("RESOLUTION NO.
 * 24-0211" / "" / "IN THE MATTER OF ..."), and "... moved the adoption of
 * the following resolution:" / "BE IT RESOLVED, that ..." / "Adopted this
 * 5th day of March, 2024." a decision.
 */
static void test_field_county_journal(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "BOARD OF COMMISSIONERS                                        JOURNAL 61\n"
		  "ELM COUNTY, OHIO                                              PAGE 212\n\n"
		  "                         REGULAR SESSION\n                      TUESDAY, MARCH 5, 2024\n\n"
		  "The Board of County Commissioners of Elm County met in regular session at 9:00 a.m.\n\n"
		  "RESOLUTION NO. 24-0211\n\nIN THE MATTER OF APPROVING THE MINUTES OF THE FEBRUARY 29, 2024 SESSION\n\n"
		  "Commissioner Dorn moved the adoption of the following resolution:\n\n"
		  "        BE IT RESOLVED, that the Board does hereby approve the minutes as presented.\n\n"
		  "Commissioner Pfeil seconded the motion and the roll being called upon its adoption, the vote\n"
		  "resulted as follows:\n        Commissioner Dorn       Yes\n        Commissioner Pfeil      Yes\n"
		  "Adopted this 5th day of March, 2024.\n\n"
		  "RESOLUTION NO. 24-0212\n\nIN THE MATTER OF AWARDING THE BID FOR THE COUNTY ROAD 18 BRIDGE\n"
		  "REPLACEMENT PROJECT TO KESSLER EXCAVATING, INC.\n\n"
		  "Commissioner Pfeil moved the adoption of the following resolution:\n\n"
		  "        BE IT RESOLVED, that the contract be awarded to Kessler Excavating, Inc.\n\n"
		  "Adopted this 5th day of March, 2024.\n\n"
		  "MEETING WITH SHERIFF\n\nSheriff Dan Weible met with the Board to discuss the jail population.\n\n"
		  "RESOLUTION NO. 24-0213\n\nIN THE MATTER OF ENTERING INTO EXECUTIVE SESSION\n\n"
		  "Commissioner Pfeil moved the adoption of the following resolution:\n\n"
		  "        BE IT RESOLVED, that the Board enter executive session.\n\nThe resolution was withdrawn.\n",
	      NULL, NULL);
	assert_non_null(m.council);
	assert_string_equal(m.council, "Elm County");
	assert_string_equal(m.committee, "Board of Commissioners");
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[0].title,
			    "RESOLUTION NO. 24-0211 IN THE MATTER OF APPROVING THE MINUTES OF THE FEBRUARY 29, 2024 SESSION");
	assert_string_equal(m.items[1].title, "RESOLUTION NO. 24-0212 IN THE MATTER OF AWARDING THE BID FOR THE "
			    "COUNTY ROAD 18 BRIDGE REPLACEMENT PROJECT TO KESSLER EXCAVATING, INC.");
	assert_string_equal(m.items[3].title, "RESOLUTION NO. 24-0213 IN THE MATTER OF ENTERING INTO EXECUTIVE SESSION");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "that the Board does hereby approve the minutes as presented");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_int_equal(m.items[3].resolutions.n, 0);	/* nothing says it was adopted */
	field_meeting_release(&m);
}

/*
 * Minutes with no headings, a paragraph for each piece of business (Iowa's
 * published proceedings): three paragraphs or more with a motion make each
 * paragraph from the first of them an item titled by its first sentence
 * ("Supt." no sentence's end), its decisions read from all of it; the
 * claims in capitals and the signature after them are no items.  Prose
 * with fewer motions stays without items.
 */
static void test_field_paragraph_items(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                         OFFICIAL PROCEEDINGS\n                     CITY OF ELM GROVE, IOWA\n"
		  "                            March 11, 2024\n\n"
		  "The Elm Grove City Council met in regular session at 6:00 p.m. with Mayor Lance Vogt\n"
		  "presiding. Council members present: Haugen, Meyers, Oltman. Absent: none.\n\n"
		  "Motion by Meyers, second by Oltman to approve the agenda. Ayes: all. Motion carried.\n\n"
		  "Motion by Oltman, second by Haugen to approve the consent agenda. Ayes: all. Motion\ncarried.\n\n"
		  "Supt. Kruse reported that the lift station pump has been rebuilt.\n\n"
		  "Resolution 2024-14 adopting the budget was introduced by Oltman, second by Meyers.\n"
		  "Roll call: Ayes: Haugen, Meyers, Oltman. Nays: none. Resolution adopted.\n\n"
		  "Motion by Haugen, second by Meyers to buy a mower. Ayes: Haugen. Nays: Meyers, Oltman.\n"
		  "Motion failed.\n\n"
		  "Motion by Haugen, second by Meyers to adjourn at 6:41 p.m. Ayes: all. Motion carried.\n\n"
		  "                                                          Lance Vogt, Mayor\n"
		  "ATTEST: Jan Eppen, City Clerk\n\nCLAIMS\nALLIANT ENERGY, UTILITIES ........ 6,412.77\n", NULL, NULL);
	assert_int_equal(m.n_items, 6);
	assert_string_equal(m.items[0].title, "Motion by Meyers, second by Oltman to approve the agenda");
	assert_string_equal(m.items[2].title, "Supt. Kruse reported that the lift station pump has been rebuilt.");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "to approve the agenda");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_int_equal(m.items[2].resolutions.n, 0);
	/* no motion's words, a vote that carried: the paragraph's opening is what was decided */
	assert_int_equal(m.items[3].resolutions.n, 1);
	assert_string_equal(m.items[3].resolutions.v[0],
			    "Resolution 2024-14 adopting the budget was introduced by Oltman, second by Meyers");
	assert_int_equal(m.items[4].resolutions.n, 0);
	assert_string_equal(m.items[5].resolutions.v[0], "to adjourn at 6:41 p.m");
	field_meeting_release(&m);

	/* a first sentence wrapped over lines is the whole title */
	parse(&m, "BOARD OF SUPERVISORS PROCEEDINGS\nHARLAN COUNTY, IOWA\nMarch 5, 2024\n\n"
		  "Motion by Meyers, second by Oltman to approve the agenda. Ayes: all. Motion carried.\n\n"
		  "Motion by Zeller, second by Meyers to approve the minutes of the February 27, 2024\n"
		  "regular meeting. Ayes: all. Motion carried.\n\n"
		  "Engineer Dan Kruse presented the bids for the 2024 gravel program for secondary\n"
		  "roads. Motion by Oltman, second by Zeller to award the contract. Ayes: all. Motion carried.\n\n"
		  "Motion by Meyers, second by Oltman to adjourn. Ayes: all. Motion carried.\n", NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[1].title, "Motion by Zeller, second by Meyers to approve the minutes of the February 27, 2024 "
			    "regular meeting");
	assert_string_equal(m.items[2].title, "Engineer Dan Kruse presented the bids for the 2024 gravel program for secondary roads");
	field_meeting_release(&m);

	parse(&m, "PARISH COUNCIL\nMinutes of the meeting held on 4 March 2024\n\n"
		  "The Chairman welcomed everyone and thanked the volunteers.\n\n"
		  "Motion by Cllr Hale, second by Cllr Moss to approve the minutes. Carried.\n\n"
		  "The footpath by the church has been repaired.\n\nThe meeting closed at 9 pm.\n", NULL, NULL);
	assert_int_equal(m.n_items, 0);
	field_meeting_release(&m);
}

/*
 * A roll with no header, each name beside "Present" or "Absent" after a
 * gap ("Mayor Billy Rhame          Present"), and a US staff report ("CITY
 * COUNCIL AGENDA REPORT" / "TO:" / "FROM:" / "SUBJECT:"), which is a
 * report, not an agenda.
 */
static void test_field_roll_rows_and_staff_reports(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWN OF PINE SHOALS\nTOWN COUNCIL\nSPECIAL CALLED MEETING MINUTES\n3/25/2024\n\nRoll Call:\n"
		  "     Mayor Billy Rhame                  Present\n     Councilman Odell Pinckney          Present\n"
		  "     Councilman Josh Ardis              Absent\n     Councilwoman Lori Macon            Present\n\n"
		  "1)  Consideration of Bids\n    Councilman Pinckney moved to award the bid. The motion carried 3-0.\n\n"
		  "2)  Adjourn\n    The meeting adjourned at 6:16 p.m.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[2], "Lori Macon");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Josh Ardis");
	field_meeting_release(&m);

	parse(&m, "                                CITY OF RIVERTON\n                         CITY COUNCIL AGENDA REPORT\n\n"
		  "MEETING DATE:      June 18, 2024\nITEM NUMBER:       8.C\n"
		  "TO:                Honorable Mayor and Members of the City Council\n"
		  "FROM:              Paul Okonkwo, Public Works Director\n"
		  "SUBJECT:           Award of Construction Contract for the Linden Avenue Storm Drain\n\n"
		  "RECOMMENDATION\n\nThat the City Council adopt Resolution No. 2024-61 awarding a contract.\n\n"
		  "BACKGROUND\n\nThe Linden Avenue storm drain was constructed in 1962.\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_REPORT);
	field_meeting_release(&m);
}

/*
 * A library board's minutes: "Label:" paragraphs are the items, the
 * lettered points under "New business" ("a) Ordinance 2024-01 – M/S/C
 * Boyle/Delacroix to adopt ...") are not, and "M/S/C" (moved, seconded,
 * carried) is a carried motion, one per point.  Lettered headings with
 * text under them, and nothing else, stay the items.
 */
static void test_field_msc_motions_and_lettered_points(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Oak Hollow Public Library District\nBoard of Trustees Regular Meeting\nMinutes – Wednesday, January 17, 2024\n\n"
		  "Call to order: President Nan Ostrowski called the meeting to order at 7:02 pm.\n\n"
		  "Public comment: none.\n\n"
		  "Consent agenda: M/S/C Vickers/Tamura to approve the consent agenda. Roll call: all ayes (5-0).\n\n"
		  "Director's report: Platt reported circulation up 6% over last January.\n\n"
		  "New business\n  a) Ordinance 2024-01, Prevailing Wage – M/S/C Boyle/Delacroix to adopt Ordinance\n"
		  "     2024-01. Roll call: all ayes (5-0).\n"
		  "  b) Closing dates – M/S/C Vickers/Boyle to approve the 2024 closing dates. Voice vote: all ayes.\n"
		  "  c) Per capita grant – Platt will submit the application by the April 1 deadline.\n\n"
		  "Adjournment: M/S/C Tamura/Ostrowski to adjourn at 8:19 pm. Voice vote: all ayes.\n", NULL, NULL);
	assert_int_equal(m.n_items, 5);
	assert_string_equal(m.items[2].title, "Consent agenda");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "to approve the consent agenda");
	assert_int_equal(m.items[3].resolutions.n, 2);
	assert_string_equal(m.items[3].resolutions.v[0], "to adopt Ordinance 2024-01");
	assert_string_equal(m.items[3].resolutions.v[1], "to approve the 2024 closing dates");
	field_meeting_release(&m);

	parse(&m, "Hartwell Parish Council\nMinutes of the meeting held on 12 March 2024\n\n"
		  "Present: Cllr A Smith (Chair), Cllr B Jones\n\na) Apologies\nCllr White sent apologies.\n\n"
		  "b) Minutes\nThe minutes were approved.\n\nc) Planning\nNo applications were received.\n\n"
		  "d) Finance\nThe accounts were noted.\n", NULL, NULL);
	assert_items(&m, "a,b,c,d");
	field_meeting_release(&m);
}

/*
 * A town council committee's attendance grid, a label's column first and
 * a code at the right ("Members:     Cllr G Ashworth (Chair)         P" /
 * "Cllr N Chaudhry    Ap" / "Cllr W Ellerby    A"), and a venue after "held
 * at" at a line's end.
 */
static void test_field_attendance_grid(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                         HOLBECK MAGNA TOWN COUNCIL\n\n        POLICY AND RESOURCES COMMITTEE\n\n"
		  "        Minutes of the meeting of the Policy and Resources Committee held at\n"
		  "        the Corn Exchange, Market Place on Monday 11 March 2024 at 6.30pm.\n\n"
		  "        Members:     Cllr G Ashworth (Chair)         P\n"
		  "                     Cllr H Bramley (Vice-Chair)     P\n"
		  "                     Cllr N Chaudhry                 Ap\n"
		  "                     Cllr W Ellerby                  A\n\n"
		  "        Officers:    R Garside (Town Clerk)\n\n        P = Present   Ap = Apologies   A = Absent\n\n"
		  "P&R 34/24   APOLOGIES\n            Apologies were received from Cllr Chaudhry (illness).\n\n"
		  "P&R 35/24   MINUTES\n            RESOLVED that the minutes be approved.\n", NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_string_equal(m.present.v[0], "G Ashworth");
	assert_string_equal(m.chair, "G Ashworth");
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[1], "W Ellerby");
	assert_non_null(m.venue);
	assert_string_equal(m.venue, "Corn Exchange, Market Place");
	field_meeting_release(&m);
}

/*
 * US minutes name their chair by the call to order: "Mayor Quint called
 * the meeting to order at 6:00 p.m." (the surname is the member present
 * who bears it), "President Nan Ostrowski called the meeting to order".
 */
static void test_field_chair_from_call_to_order(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF BAYHAVEN\nCITY COMMISSION MINUTES\nMay 14, 2024\n\n"
		  "PRESENT:   Mayor Theresa Quint; Commissioners Lydia Marsh and Paulo Reyes\n\n"
		  "Item No. 1      CALL TO ORDER\n                Mayor Quint called the meeting to order at 6:00 p.m.\n\n"
		  "Item No. 2      ADJOURNMENT\n                The meeting adjourned at 7:22 p.m.\n", NULL, NULL);
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Theresa Quint");
	field_meeting_release(&m);

	parse(&m, "Oak Library District\nBoard of Trustees\nMinutes – January 17, 2024\n\n"
		  "Call to order: President Nan Ostrowski called the meeting to order at 7:02 pm.\n\n"
		  "Public comment: none.\n\nFinance: The bills were paid.\n\nAdjournment: at 8:19 pm.\n", NULL, NULL);
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Nan Ostrowski");
	field_meeting_release(&m);
}

/*
 * A roll led into by a sentence ("... convened in a Regular Meeting with
 * the following members present, to wit:"), an office and a name in each
 * row ("Mayor Pro Tem          Clint Haskell": the name); "The following
 * Officers of the Parish were present:" leads the officers.
 */
static void test_field_roll_after_lead_in(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF LOMA VERDE CITY COUNCIL\nREGULAR MEETING MINUTES\nTUESDAY, MAY 21, 2024\n\n"
		  "On this the 21st day of May, 2024, the City Council convened in a Regular Meeting\n"
		  "with the following members present, to wit:\n\n"
		  "     Mayor                        Rosa Elizondo\n     Mayor Pro Tem                Clint Haskell\n"
		  "     Councilmember, Place 1       Dwayne Pruett\n\nconstituting a quorum.\n\n"
		  "1.   CALL TO ORDER\n     Mayor Elizondo called the meeting to order at 6:00 p.m.\n\n"
		  "2.   ADJOURN\n     The meeting adjourned at 7:00 p.m.\n", NULL, NULL);
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[1], "Clint Haskell");
	assert_string_equal(m.present.v[2], "Dwayne Pruett");
	field_meeting_release(&m);

	parse(&m, "PARISH OF ST. BRELADE-DES-PRES\n\nMinutes of a Parish Assembly held at the Parish Hall on Wednesday,\n"
		  "6th March 2024, at 7.30 p.m.\n\nThe following Officers of the Parish were present:\n"
		  "   Mr. D. Le Brocq, Procureur du Bien Public\n   Mr. R. Renouf, Roads Inspector\n\n"
		  "1.   Minutes of the previous Assembly\n     Approved.\n\n2.   Accounts\n     Approved.\n", NULL, NULL);
	assert_int_equal(m.officers.n, 2);
	assert_int_equal(m.present.n, 0);
	field_meeting_release(&m);
}

/*
 * New Zealand's attendance: a role's cell before each name under a
 * "PRESENT" or "ABSENT" label of its own ("Chairperson      A Name",
 * "Deputy Chairperson:   Cr B", "Members     C" / "            D"): every
 * name is read, the chair's too; the names' column ends where a block far
 * to the right starts.
 */
static void test_field_attendance_role_cells(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Kowhai Bay Local Board\n19 March 2024\n\n"
		  "Minutes of a meeting of the Kowhai Bay Local Board held on Tuesday, 19 March 2024 at 10.00am.\n\n"
		  "PRESENT\n\nChairperson             Marama Tipene\nDeputy Chairperson      Warwick Bellingham\n"
		  "Members                 Jenny Lowe\n                        Sione Fifita\n\n"
		  "ABSENT\n\nMember                  Gregor McLeod\n\n\n"
		  "                                                   Principal Advisor\n"
		  "                                                   Liam Brophy\n\n"
		  "1     WELCOME\n\n      The Chair opened the meeting.\n\n2     APOLOGIES\n\n      None.\n", NULL, NULL);
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Marama Tipene");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[1], "Warwick Bellingham");
	assert_string_equal(m.present.v[3], "Sione Fifita");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Gregor McLeod");
	field_meeting_release(&m);

	parse(&m, "Minutes of the Regional Council Meeting held on Thursday 28 March 2024\n\nPresent:\n\n"
		  "Chairman:              Cr Doug Leeming\n\nDeputy Chairperson:    Cr Aroha Kingi\n\n"
		  "Councillors:           Cr Kevin Crossan, Cr Ngaire Matenga\n\n"
		  "Apologies:             Cr Jane Nicholls\n\n1     Opening Karakia\n\n      A karakia was provided.\n\n"
		  "2     Apologies\n\n      Accepted.\n", NULL, NULL);
	assert_string_equal(m.chair, "Doug Leeming");
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[1], "Aroha Kingi");
	field_meeting_release(&m);

	/* labels of Canada, Australia and New Zealand: a school board's student trustees are
	 * present, "Administration" its staff, "APOLOGY:" one apology, a bilingual "Ngā Kaimahi |
	 * Staff:", "Committee Members Present" without a colon */
	parse(&m, "TRILLIUM RIDGE DISTRICT SCHOOL BOARD\nMINUTES\nFebruary 27, 2024\n\n"
		  "Trustees Present:           Margaret Ellison, Curtis Anand\n\n"
		  "Student Trustees:           Ava Kerrigan\n                            Noah Belanger\n\n"
		  "Regrets:                    Fiona Desrosiers\n\n"
		  "Administration:             Lianne Wiebe, Associate Director\n\n"
		  "1.   CALL TO ORDER\n     The Chair called the meeting to order.\n\n2.   ADJOURNMENT\n     Adjourned.\n",
		  NULL, NULL);
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[3], "Noah Belanger");
	assert_int_equal(m.apologies.n, 1);
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.officers.v[0], "Lianne Wiebe");
	field_meeting_release(&m);

	parse(&m, "PUKEROA DISTRICT COUNCIL\nStrategy and Policy Committee\nMINUTES\n12 March 2024\n\n"
		  "Committee Members Present\nMr Graeme Tillotson (Independent Chair)\nCr Nerida Polkinghorne\n\n"
		  "APOLOGY:    Councillor Annette Braddock\n\n"
		  "Ng\xc4\x81 Kaimahi | Staff:        Helen Morcom (Chief Executive), Joel Fairley\n\n"
		  "1     CONFIRMATION OF MINUTES\n\n      Confirmed.\n\n2     CLOSE\n\n      Closed.\n", NULL, NULL);
	assert_int_equal(m.present.n, 2);
	assert_string_equal(m.chair, "Graeme Tillotson");
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Annette Braddock");
	assert_int_equal(m.officers.n, 2);
	field_meeting_release(&m);
}

/*
 * Who chaired, said other ways: Quebec's "... under the chairmanship of
 * Mayor Douglas Fennimore." (the mayor, no councillor of the list, was
 * present too), Australia's "The Mayor, Cr Fiona Albrecht, opened the
 * meeting" and "PRESENT: The Mayor, Councillor M Costigan, ..."; a roll
 * under its own numbered item ("2.    Present" / the names).  And
 * Quebec's resolution numbers in the margin before the items' numbers.
 */
static void test_field_chair_said_abroad(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "MUNICIPALITY OF LAC-VERT\n\n"
		  "                      Minutes of the regular sitting of the Municipal Council of\n"
		  "                      Lac-Vert held on Monday, March 4, 2024 at 7:30 p.m., at which were\n"
		  "                      present:\n\n"
		  "                      Councillors:    Robert McCallum, seat no. 2\n"
		  "                                      Sylvie Deschamps, seat no. 3\n\n"
		  "                      All forming a quorum under the chairmanship of Mayor\n"
		  "                      Douglas Fennimore.\n\n"
		  "                      1.   OPENING OF THE SITTING\n\n"
		  "                      The Mayor opened the sitting at 7:30 p.m.\n\n"
		  "2024-03-041           2.   ADOPTION OF THE AGENDA\n\n"
		  "                      It is moved by Councillor Sylvie Deschamps\n"
		  "                      AND RESOLVED THAT the agenda be adopted as presented.\n\n"
		  "2024-03-042           3.   CLOSING OF THE SITTING\n\n"
		  "                      The sitting was closed at 8:05 p.m.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_string_equal(m.items[1].title, "ADOPTION OF THE AGENDA");
	assert_null(m.committee);	/* "the Municipal Council of" / "Lac-Vert" is the municipality */
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Douglas Fennimore");
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[0], "Douglas Fennimore");
	field_meeting_release(&m);

	parse(&m, "City of Yarrendale\n\nMinutes of the Council Meeting held on Tuesday 23 April 2024 at 7.00pm\n\n"
		  "1.    Opening of Meeting\n\n      The Mayor, Cr Fiona Albrecht, opened the meeting at 7.00pm.\n\n"
		  "2.    Present\n\n      Cr Fiona Albrecht (Mayor)\n      Cr Michael Petrakis (Deputy Mayor)\n"
		  "      Cr Samira Haddad\n\n3.    Apologies\n\n      Cr Rhys Gallagher\n", NULL, NULL);
	assert_string_equal(m.chair, "Fiona Albrecht");
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[1], "Michael Petrakis");
	field_meeting_release(&m);

	/* Western Australia: "Members:" under the attendance item, the Shire President in
	 * the office column chairs (not the Deputy) */
	parse(&m, "SHIRE OF MOORALUP\nMINUTES\nORDINARY COUNCIL MEETING\nWednesday 20 March 2024\n\n"
		  "1.    DECLARATION OF OPENING\n\n      The Presiding Member declared the meeting open at 3.30pm.\n\n"
		  "2.    RECORD OF ATTENDANCE / APOLOGIES / LEAVE OF ABSENCE\n\n"
		  "      Members:             Cr Ken Ashworth            Shire President\n"
		  "                           Cr Megan Lusted            Deputy Shire President\n"
		  "                           Cr Dennis Hollowood\n\n"
		  "      Staff:               Ms Raylene Furlong         Chief Executive Officer\n\n"
		  "      Apologies:           Cr Ian McGillivray\n\n3.    PUBLIC QUESTION TIME\n\n      Nil\n", NULL, NULL);
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "Ken Ashworth");
	assert_int_equal(m.present.n, 3);
	assert_int_equal(m.apologies.n, 1);
	field_meeting_release(&m);

	/* Queensland: a resolution under the apologies ends their list */
	parse(&m, "Burrandilla Regional Council\nGENERAL MEETING OF COUNCIL\nMINUTES\n\nDate:         Wednesday 21 February 2024\n\n"
		  "ATTENDANCE\nMayor Kerrie Lockyer (Chair), Cr Paul Brassington, Cr Dianne Cavanagh\n\n"
		  "APOLOGIES\nCr Raymond Kilpatrick\n\nResolution:  2024/02/031\nMoved:       Cr Brassington\n"
		  "Seconded:    Cr Cavanagh\nThat the apology of Cr Kilpatrick be accepted.\n\n"
		  "1.   OPENING OF MEETING\n     The Chair declared the meeting open at 9.02am.\n\n"
		  "2.   CLOSURE\n     The meeting closed at 11.00am.\n", NULL, NULL);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Raymond Kilpatrick");
	field_meeting_release(&m);

	/* British Columbia: the directors' jurisdictions in a column of their own are no people;
	 * an alternate director attended */
	parse(&m, "REGIONAL DISTRICT OF COLDSTREAM-TAMARACK\nMINUTES of the REGULAR BOARD MEETING\nMarch 21, 2024\n\n"
		  "DIRECTORS PRESENT:     Chair L. Bergstrom              Electoral Area C\n"
		  "                       Director A. Quaresma             Electoral Area A\n"
		  "                       Director S. Kapoor               City of Tamarack\n\n"
		  "DIRECTORS ABSENT:      Director H. Oyelaran             District of Coldstream\n\n"
		  "ALTERNATE DIRECTOR:    Director J. Tremblay             District of Coldstream\n\n"
		  "1.    CALL TO ORDER\n\n      Chair Bergstrom called the meeting to order.\n\n"
		  "2.    ADJOURNMENT\n\n      Adjourned.\n", NULL, NULL);
	assert_int_equal(m.present.n, 4);
	assert_string_equal(m.present.v[3], "J. Tremblay");
	assert_int_equal(m.apologies.n, 1);
	field_meeting_release(&m);

	/* New Zealand's committees named in te reo Maori and English, over two lines too */
	parse(&m, "Rangitoto Awa District Council\n\n"
		  "       Te Komiti Rautaki me te Kaupapa Here | Strategy and Policy Committee\n\n"
		  "                             Nga Miniti | Minutes\n\nTe Ra | Date:       Tuesday, 9 April 2024\n\n"
		  "1     Apologies\n\n      None.\n\n2     Close\n\n      Closed.\n", NULL, NULL);
	assert_non_null(m.committee);
	assert_string_equal(m.committee, "Strategy and Policy Committee");
	field_meeting_release(&m);

	parse(&m, "                                              ORDINARY MEETING\n"
		  "                                                     OF\n"
		  "                                       KAPITI HARBOUR CITY COUNCIL\n"
		  "                                        PURORO AMUA | PLANNING AND\n"
		  "                                          ENVIRONMENT COMMITTEE\n"
		  "                                                  MINUTES\n\n"
		  "             Date:    Thursday, 22 February 2024\n\n"
		  "1.1   Karakia\n\nThe Chairperson opened the meeting.\n\n1.2   Apologies\n\nNone.\n", NULL, NULL);
	assert_non_null(m.committee);
	assert_string_equal(m.committee, "Planning and Environment Committee");
	field_meeting_release(&m);

	parse(&m, "BELLANGER BAY CITY COUNCIL\nMINUTES OF THE ORDINARY MEETING\n12 March 2024\n\n"
		  "PRESENT: The Mayor, Councillor M Costigan, Councillors A Fennell, B Bhatt and C Papadakis.\n\n"
		  "ITEM 1     APOLOGIES\n\n           Nil.\n\nITEM 2     DECLARATIONS OF INTEREST\n\n           Nil.\n",
		  NULL, NULL);
	assert_non_null(m.chair);
	assert_string_equal(m.chair, "M Costigan");
	assert_int_equal(m.present.n, 4);
	field_meeting_release(&m);
}

/*
 * Lettered headings under an item of minutes, each with its own motion
 * (an Ontario township: "4.  ROADS DEPARTMENT" / "a)  Purchase of Tandem
 * Plow Truck" / "Moved by: ..."), are sub-items; lettered points that only
 * report (a Scottish community council's "a) Website" / "b) Membership")
 * stay in their item's text.
 */
static void test_field_lettered_subitems_with_motions(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWNSHIP OF OSSORY\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nApril 10, 2024\n\n"
		  "3.  ADOPTION OF MINUTES\n\n    Moved by: Peter Stanek\n\n"
		  "    BE IT RESOLVED THAT the minutes be adopted.\n                                      CARRIED\n\n"
		  "4.  ROADS DEPARTMENT\n\n    a)  Roads Superintendent's Report\n\n    Resolution No. 2024-113\n"
		  "    Moved by: Ted Varga\n\n    BE IT RESOLVED THAT Council receives the report.\n"
		  "                                      CARRIED\n\n"
		  "    b)  Purchase of Tandem Plow Truck\n\n    Resolution No. 2024-114\n    Moved by: Colleen Drummond\n\n"
		  "    BE IT RESOLVED THAT Council authorizes the purchase of a tandem plow truck.\n"
		  "                                      CARRIED\n\n"
		  "5.  ADJOURNMENT\n\n    Moved by: Ted Varga\n\n    BE IT RESOLVED THAT the meeting adjourn.\n"
		  "                                      CARRIED\n", NULL, NULL);
	assert_items(&m, "3,4,a,b,5");
	assert_string_equal(m.items[3].title, "Purchase of Tandem Plow Truck");
	assert_int_equal(m.items[3].resolutions.n, 1);
	field_meeting_release(&m);

	parse(&m, "GOVANHILL COMMUNITY COUNCIL\nMINUTES\n1 July 2024\n\n"
		  "1.  APOLOGIES\n\n    None.\n\n2.  MATTERS ARISING\n\n    a)  Website\n\n    The website has been updated.\n\n"
		  "    b)  Membership\n\n    Two new members joined.\n\n3.  NEXT MEETING\n\n    2 September.\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

/*
 * Minutes that open with their table of contents (Wellington: "1.
 * Meeting Conduct      5" / "2.    General Business      7", then the
 * minutes "1.    Meeting Conduct" / "1.1   Karakia" ...): the entries are no
 * items; an agenda's front sheet with page numbers and nothing repeated
 * keeps them.
 */
static void test_field_contents_before_minutes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "KAPITI HARBOUR CITY COUNCIL\nPLANNING AND ENVIRONMENT COMMITTEE\nMINUTES\n22 February 2024\n\n"
		  "TABLE OF CONTENTS\n\nBusiness                                                  Page No.\n\n"
		  "1.    Meeting Conduct                                           5\n"
		  "2.    General Business                                          7\n"
		  "3.    Public Excluded                                           9\n\n\n"
		  "1.    Meeting Conduct\n\n1.1   Karakia\n\nThe Chairperson opened the meeting at 9:31am.\n\n"
		  "1.2   Apologies\n\nNone.\n\n2.    General Business\n\n2.1   Forward Programme\n\nNoted.\n", NULL, NULL);
	assert_items(&m, "1,1.1,1.2,2,2.1");
	field_meeting_release(&m);

	parse(&m, "HARTWELL DISTRICT COUNCIL\nPLANNING COMMITTEE\nAGENDA\n22 February 2024\n\n"
		  "1.    Apologies                                                 1\n"
		  "2.    Minutes of the last meeting                               3\n"
		  "3.    Planning applications                                     7\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	field_meeting_release(&m);
}

/* A title's line that leaves a bracket open goes on, full stop and all ("(Report No." / "24-021)"). */
static void test_field_title_bracket_wrapped(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TRILLIUM RIDGE DISTRICT SCHOOL BOARD\nMINUTES OF THE REGULAR BOARD MEETING\nFebruary 27, 2024\n\n"
		  "6.   ACTION ITEMS\n\n"
		  "6.1  2024-2025 School Year Calendar\n\n     Approved.\n\n"
		  "6.2  Pupil Accommodation Review - Northfield Cluster (Report No.\n     24-021)\n\n"
		  "     Trustee Anand presented the report.\n\n7.   ADJOURNMENT\n\n     Adjourned.\n", NULL, NULL);
	assert_items(&m, "6,6.1,6.2,7");
	assert_string_equal(m.items[2].title, "Pupil Accommodation Review - Northfield Cluster (Report No. 24-021)");
	field_meeting_release(&m);

	/* a full line wrapped back to the margin, its tail in lower case to the sentence's end */
	parse(&m, "GREATER VELLAPURAM MUNICIPAL CORPORATION\nPROCEEDINGS OF THE STANDING COMMITTEE\n14-03-2024\n\n"
		  "Subject No. 1: Confirmation of the proceedings of the meeting held on 15-02-2024.\n\nConfirmed.\n\n"
		  "Subject No. 2: Approval of estimates for desilting of storm water drains in Zone III\n"
		  "at a cost of Rs. 84.50 lakhs.\n\nResolved to accord approval for the estimate.\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[1].title, "Approval of estimates for desilting of storm water drains in Zone III at a cost "
			    "of Rs. 84.50 lakhs.");
	field_meeting_release(&m);
}

/*
 * What closes a one-page file is not its last item's text: the page's
 * foot ("Page 1 of 1", a title line and "Minutes Page 2", a bare "7"), the
 * lines to sign on, the signers' offices ("REEVE      CHIEF ADMINISTRATIVE
 * OFFICER", "CAO/Clerk") and names above them, the confirming words
 * ("CONFIRMED AS A TRUE AND CORRECT RECORD" / "AT A MEETING OF ..." /
 * "DATE:......"); the item's own last sentences stay.
 */
static void test_field_closing_matter(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "TOWNSHIP OF OSSORY\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nApril 10, 2024\n\n"
		  "1.  CALL TO ORDER\n\n    Reeve Hargreaves called the meeting to order at 7:00 p.m.\n\n"
		  "2.  ADJOURNMENT\n\n    The meeting adjourned at 8:05 p.m.\n\n"
		  "                                                   ______________________________\n"
		  "                                                   Douglas Fennimore\n"
		  "                                                   Reeve\n\n"
		  "_________________________                     _________________________\n"
		  "Reeve                                         CAO/Clerk\n\n"
		  "Regular Council Meeting Minutes - April 10, 2024                         Page 1 of 1\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[1].body, "The meeting adjourned at 8:05 p.m.");
	field_meeting_release(&m);

	parse(&m, "Kowhai Bay Local Board\nMinutes of a meeting of the Kowhai Bay Local Board held on 19 March 2024\n\n"
		  "1     Welcome\n\n      The Chair opened the meeting.\n\n"
		  "2     Closure\n\n      The chairperson declared the meeting closed.\n\n"
		  "                 CONFIRMED AS A TRUE AND CORRECT RECORD\n"
		  "                 AT A MEETING OF THE KOWHAI BAY LOCAL BOARD\n                 HELD ON\n\n"
		  "                 DATE:.........................................................\n\n"
		  "                 CHAIRPERSON:.............................................\n\n"
		  "Kowhai Bay Local Board\n19 March 2024                                                    Minutes Page 2\n",
		  NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[1].body, "The chairperson declared the meeting closed.");
	field_meeting_release(&m);

	/* two pages: the first's number at its foot, the second's header at the right margin */
	parse(&m, "WARRABIN SHIRE COUNCIL\nMINUTES OF THE ORDINARY COUNCIL MEETING\n19 March 2024\n\n"
		  "5    DISCLOSURES OF INTERESTS\n\n     Cr O'Halloran declared an interest in Item 9.2.\n\n"
		  "                                                                          Page 1\n\f"
		  "                                                         Ordinary Council Meeting Minutes\n"
		  "                                                                           19 March 2024\n\n"
		  "9    DIRECTOR INFRASTRUCTURE REPORTS\n\n     The report was noted by all members present tonight.\n",
		  NULL, NULL);
	assert_items(&m, "5,9");
	assert_string_equal(m.items[0].body, "Cr O'Halloran declared an interest in Item 9.2.");
	field_meeting_release(&m);
}

/*
 * "M/S/C" after the sentence it decided (California's special districts:
 * "Warrants 4410 through 4462 were approved. M/S/C Tamura/Ellis.", its
 * names on the next line too), or ending a line before its names and
 * motion ("... M/S/C" / "Delacroix/Boyle to approve ...").
 */
static void test_field_msc_after_sentence(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "ELM VALLEY WATER DISTRICT\nMINUTES OF THE REGULAR BOARD MEETING\nMarch 4, 2024\n\n"
		  "1.  APPROVAL OF MINUTES\n"
		  "    The minutes of the February 5, 2024 meeting were approved as presented. M/S/C\n"
		  "    Vickers/Tamura.\n\n"
		  "2.  WARRANTS\n    Warrants 4410 through 4462 were approved. M/S/C Tamura/Ellis.\n\n"
		  "3.  AUDIT\n    Ruehl presented the audit engagement letter from Baker & Voss. M/S/C\n"
		  "    Delacroix/Boyle to approve the FY24 audit engagement letter.\n\n"
		  "4.  ADJOURNMENT\n    The meeting adjourned at 8:02 p.m.\n", NULL, NULL);
	assert_items(&m, "1,2,3,4");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "The minutes of the February 5, 2024 meeting were approved as presented");
	assert_string_equal(m.items[1].resolutions.v[0], "Warrants 4410 through 4462 were approved");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "to approve the FY24 audit engagement letter");
	assert_int_equal(m.items[3].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * Northern Ireland's committees: centred headings, a motion's among them
 * ("Motion: Cost of Living Support for Households"); "The Committee
 * approved the lease ..." decides, its verb kept; a sentence that goes on
 * into "Council approved the closure." tells what was done before.
 */
static void test_field_centred_headings_and_verbs(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Strategic Policy and Resources Committee,\nFriday, 23rd February, 2024\n\n"
		  "                         MEETING OF THE STRATEGIC POLICY AND RESOURCES COMMITTEE\n\n"
		  "                                       Apologies\n\n"
		  "       Apologies were reported on behalf of Councillors Kelly and Nelson.\n\n"
		  "                       Asset Management - Lease of Unit 4, Duncrue\n\n"
		  "       The Committee approved the lease of Unit 4 to Harbour Logistics Ltd.\n\n"
		  "                     Motion: Cost of Living Support for Households\n\n"
		  "       The Committee agreed to defer consideration of the motion to allow\n"
		  "officers to bring back a report.\n\n"
		  "                            Ramp Closure\n\n"
		  "       Councillor Bahrman stated that there were two reasons that\n"
		  "Council approved the closure. The City Attorney was at the meeting.\n", NULL, NULL);
	assert_int_equal(m.n_items, 4);
	assert_string_equal(m.items[2].title, "Motion: Cost of Living Support for Households");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "approved the lease of Unit 4 to Harbour Logistics Ltd");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_int_equal(m.items[3].resolutions.n, 0);
	field_meeting_release(&m);
}

/*
 * Kenya's county assemblies: the assembly is the council, "the 14TH
 * SITTING OF THE COMMITTEE ON FINANCE AND PLANNING" its committee (a
 * remit after "on", not a date), numbered rolls of titled members with
 * their roles after a dash (no items; the Chairperson chairs; "Hon." no
 * sentence's end under "ABSENT WITH APOLOGY"), "MIN. 14/2024:" items, and
 * "... and resolved as follows:" over "(i)" / "(ii)".  A numbered "Board
 * Member Reports" stays an item.
 */
static void test_field_county_assembly(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                         COUNTY ASSEMBLY OF NAKURU HILLS\n"
		  "          MINUTES OF THE 14TH SITTING OF THE COMMITTEE ON FINANCE AND PLANNING\n"
		  "             HELD ON TUESDAY, 12TH MARCH 2024 AT 10.00 A.M. IN COMMITTEE ROOM 2\n\n"
		  "PRESENT\n1. Hon. Peter Kamau, MCA                -   Chairperson\n"
		  "2. Hon. Grace Wanjiru, MCA              -   Vice Chairperson\n"
		  "3. Hon. Daniel Otieno, MCA              -   Member\n\n"
		  "ABSENT WITH APOLOGY\n1. Hon. Samuel Mutua, MCA               -   Member\n\n"
		  "IN ATTENDANCE\n1. Ms. Ann Wambui                       -   Fiscal Analyst\n\n"
		  "MIN. 12/2024: PRELIMINARIES\nThe Chairperson called the meeting to order at 10.15 a.m.\n\n"
		  "MIN. 13/2024: CONSIDERATION OF THE COUNTY FISCAL STRATEGY PAPER 2024\n"
		  "The Committee considered the County Fiscal Strategy Paper 2024 and resolved as follows:\n"
		  "  (i)  That the ceiling for development expenditure be maintained at 30 per cent;\n"
		  "  (ii) That the Department of Finance submits a revenue enhancement plan within 14 days.\n\n"
		  "MIN. 14/2024: ADJOURNMENT\nThe meeting was adjourned at 12.30 p.m.\n", NULL, NULL);
	assert_string_equal(m.council, "County Assembly of Nakuru Hills");
	assert_string_equal(m.committee, "Committee on Finance and Planning");
	assert_items(&m, "12/2024,13/2024,14/2024");
	assert_string_equal(m.chair, "Peter Kamau");
	assert_int_equal(m.present.n, 3);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Samuel Mutua");
	assert_int_equal(m.officers.n, 1);
	assert_int_equal(m.items[1].resolutions.n, 2);
	assert_string_equal(m.items[1].resolutions.v[1], "That the Department of Finance submits a revenue enhancement plan within 14 days");
	field_meeting_release(&m);

	/* India's corporations: "Shri", "Smt.", "Hon'ble", an office after the comma; "Sd/-" signs */
	parse(&m, "                     GREATER VELLAPURAM MUNICIPAL CORPORATION\n"
		  "                 PROCEEDINGS OF THE MEETING OF THE STANDING COMMITTEE\n"
		  "               HELD ON 14-03-2024 AT 11.00 A.M. IN THE COMMITTEE HALL\n\n"
		  "Members Present:\n1. Hon'ble Smt. R. Lakshmi, Chairperson\n2. Shri K. Ramesh\n3. Smt. P. Devi\n\n"
		  "Officers Present:\n1. Shri S. Prakash, IAS, Commissioner\n\n"
		  "Subject No. 1: Confirmation of the proceedings of the meeting held on 15-02-2024.\n\n"
		  "Resolution No. 112:\nResolved to confirm the proceedings.\n\n"
		  "Subject No. 2: Any other subject with the permission of the Chair.\n\n"
		  "No other subject was taken up.\n\n                                                    Sd/-\n"
		  "                                              CHAIRPERSON\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.chair, "R. Lakshmi");
	assert_int_equal(m.present.n, 3);
	assert_string_equal(m.present.v[1], "K. Ramesh");
	assert_int_equal(m.officers.n, 1);
	assert_string_equal(m.items[1].body, "No other subject was taken up.");
	field_meeting_release(&m);

	parse(&m, "HARTWELL COUNTY BOARD OF SUPERVISORS\nMINUTES\nMarch 4, 2024\n\n"
		  "16.  County Budget\n     Received.\n\n17.  Board Member Reports.\n     Supervisor Lee reported on roads.\n\n"
		  "18.  Adjournment\n     Adjourned at 5:00 p.m.\n", NULL, NULL);
	assert_items(&m, "16,17,18");
	field_meeting_release(&m);

	/* the apologies' item opening with the chair's welcome: its apologies in a later paragraph */
	parse(&m, "MANORDEILO AND SALEM COMMUNITY COUNCIL\nMINUTES\n10 June 2020\n\n"
		  "1. WELCOME AND APOLOGIES\nCllr. O. Williams took the Chair and welcomed everyone.\n\n"
		  "Apologies received from Cllrs. Kim Davies and Doris Jones.\n\n2. MINUTES\nApproved.\n\n3. CLOSE\nClosed.\n",
		  NULL, NULL);
	assert_int_equal(m.apologies.n, 2);
	assert_string_equal(m.apologies.v[0], "Kim Davies");
	field_meeting_release(&m);

	parse(&m, "MANORDEILO AND SALEM COMMUNITY COUNCIL\nMINUTES\n6 February 2019\n\n"
		  "1. WELCOME AND APOLOGIES\nCllr. Alun Davies took the Chair and welcomed everyone to the meeting.\n\n"
		  "2. MINUTES\nApproved.\n\n3. CLOSE\nClosed.\n", NULL, NULL);
	assert_int_equal(m.apologies.n, 0);
	field_meeting_release(&m);
}

/*
 * Canada's bilingual minutes: each label French first ("Proposée par /
 * Moved by:", "ADOPTÉE / CARRIED", "Résolution / Resolution 2024-118"),
 * each motion in French ("QUE ...", over two lines too) then in English
 * ("THAT ..."): the decision is the English one.
 */
static void test_field_bilingual_motions(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "THE CORPORATION OF THE MUNICIPALITY OF SAINT-ÉLOI\nPROCÈS-VERBAL / MINUTES\nMay 14, 2024\n\n"
		  "1.    ADOPTION DE L'ORDRE DU JOUR / ADOPTION OF THE AGENDA\n\n"
		  "      Résolution / Resolution 2024-118\n      Proposée par / Moved by: Conseillère Gauthier\n"
		  "      Appuyée par / Seconded by: Conseiller O'Neill\n\n"
		  "      QUE l'ordre du jour soit adopté tel que présenté.\n      THAT the agenda be adopted as presented.\n"
		  "                                                     ADOPTÉE / CARRIED\n\n"
		  "2.    TRAVAUX PUBLICS / PUBLIC WORKS\n\n      Résolution / Resolution 2024-120\n"
		  "      Proposée par / Moved by: Conseiller O'Neill\n      Appuyée par / Seconded by: Conseiller Lévesque\n\n"
		  "      QUE le conseil accorde le contrat à Pavage Laurentien Inc. au montant de 412 300 $\n      plus TVH.\n"
		  "      THAT Council award the contract to Pavage Laurentien Inc.\n"
		  "                                                     ADOPTÉE / CARRIED\n\n"
		  "3.    LEVÉE DE LA SÉANCE / ADJOURNMENT\n\n      THAT the meeting be adjourned.\n", NULL, NULL);
	assert_int_equal(m.n_items, 3);
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "THAT the agenda be adopted as presented");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "THAT Council award the contract to Pavage Laurentien Inc");
	field_meeting_release(&m);
}

/*
 * A public housing authority is a body of its own, its board the
 * committee: "HOUSING AUTHORITY OF THE CITY OF BRENTWOOD", "Elm City
 * Housing Authority" (not the City of Brentwood's committee).
 */
static void test_field_housing_authorities(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                 HOUSING AUTHORITY OF THE CITY OF ELMWOOD\n                         BOARD OF COMMISSIONERS\n"
		  "                  MINUTES OF THE REGULAR MONTHLY MEETING\n\nMarch 20, 2024\n\n"
		  "I.    APPROVAL OF MINUTES\n      Approved.\n\nII.   REPORTS\n      Noted.\n", NULL, NULL);
	assert_non_null(m.council);
	assert_string_equal(m.council, "Housing Authority of the City of Elmwood");
	assert_string_equal(m.committee, "Board of Commissioners");
	field_meeting_release(&m);

	parse(&m, "ELM CITY HOUSING AUTHORITY\nBOARD OF COMMISSIONERS\nMINUTES\nMarch 20, 2024\n\n"
		  "I. APPROVAL OF MINUTES\nApproved.\n\nII. REPORTS\nNoted.\n", NULL, NULL);
	assert_non_null(m.council);
	assert_string_equal(m.council, "Elm City Housing Authority");
	field_meeting_release(&m);
}

/*
 * A title whose sentence wraps under its column and ends there ("A.
 * Consider and take action on Ordinance No. 2024-14, an ordinance of the
 * City" / "of Loma Verde, Texas, amending Chapter 10."): the tail in lower
 * case is the title's, full stop and all; a sentence under a short heading
 * is not.
 */
static void test_field_title_sentence_wrapped(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF LOMA VERDE\nCITY COUNCIL MINUTES\nMay 21, 2024\n\n"
		  "1.   CALL TO ORDER\n     Mayor Elizondo called the meeting to order at 6:00 p.m.\n\n"
		  "2.   REGULAR AGENDA\n"
		  "2.1  Consider and take action on Ordinance No. 2024-14, an ordinance of the City\n"
		  "     of Loma Verde, Texas, amending Chapter 10.\n\n"
		  "     Motion made by Councilmember Toomey to approve Ordinance No. 2024-14. Motion carried 3-1.\n\n"
		  "2.2  Consider and take action on the minutes of the May 7, 2024 Regular\n     Meeting.\n"
		  "2.3  To receive the minutes of the last parish council meeting\n"
		  "     The minutes of the meeting held on 25th November 2021\n"
		  "     were checked for accuracy and signed by the chair.\n\n"
		  "2.4  Budget\n     adopted without debate.\n\n"
		  "3.   ADJOURN\n     The meeting adjourned at 7:00 p.m.\n", NULL, NULL);
	assert_items(&m, "1,2,2.1,2.2,2.3,2.4,3");
	assert_string_equal(m.items[2].title, "Consider and take action on Ordinance No. 2024-14, an ordinance of the City "
			    "of Loma Verde, Texas, amending Chapter 10.");
	assert_string_equal(m.items[3].title, "Consider and take action on the minutes of the May 7, 2024 Regular Meeting.");
	/* a paragraph under the title, its full stop two lines down: no title's tail */
	assert_string_equal(m.items[4].title, "To receive the minutes of the last parish council meeting");
	assert_string_equal(m.items[5].title, "Budget");
	field_meeting_release(&m);

	/* a caption over three lines, one sentence running on to its full stop; a paragraph of
	 * several sentences under a title is no title */
	parse(&m, "CITY OF LOMA VERDE\nCITY COUNCIL MINUTES\nMay 21, 2024\n\n2.   REGULAR AGENDA\n"
		  "2.1  Consider and take action on Ordinance No. 2024-14, an ordinance of the City\n"
		  "     of Loma Verde, Texas, amending Chapter 10, Section 10-4 of the Code of\n"
		  "     Ordinances regarding speed limits.\n\n"
		  "     Motion made by Councilmember Toomey to approve Ordinance No. 2024-14. Motion carried 3-1.\n\n"
		  "2.2  Village Fayre will be held on Saturday 20th June for the friends and family of\n"
		  "     residents. Ian Gray has formed a team of people to organise the event but will\n"
		  "     also require a large group of helpers on the day and will talk to them at\n"
		  "     their next meeting.\n\n2.3  Budget\n     adopted without debate.\n", NULL, NULL);
	assert_items(&m, "2,2.1,2.2,2.3");
	assert_string_equal(m.items[1].title, "Consider and take action on Ordinance No. 2024-14, an ordinance of the City "
			    "of Loma Verde, Texas, amending Chapter 10, Section 10-4 of the Code of Ordinances regarding "
			    "speed limits.");
	assert_null(strstr(m.items[2].title, "their next meeting"));
	field_meeting_release(&m);
}

/*
 * A resolution's number in the margin before its motion (British Columbia
 * "R24-081 It was moved and seconded" / "THAT ...", Alberta "2024-071
 * Councillor A moved that ...", New South Wales "145   RESOLVED
 * (Councillors A/B)") or after its movers (South Australia "Moved Cr A
 * Seconded Cr B   2024/061", on every motion): the motion is read, the
 * number is no item's and no part of the decision.
 */
static void test_field_resolution_number_in_margin(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "CITY OF LARCHMONT\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nMarch 19, 2024\n\n"
		  "A.     CALL TO ORDER\n\n       The Mayor called the meeting to order at 7:00 p.m.\n\n"
		  "B.     ADOPTION OF AGENDA\n\n"
		  "R24-081 It was moved and seconded\n        THAT the agenda be adopted as circulated.\n"
		  "                                                          CARRIED\n\n"
		  "C.     ADOPTION OF MINUTES\n\n"
		  "R24-082 It was moved and seconded\n        THAT the minutes of March 5, 2024 be adopted.\n"
		  "                                                          CARRIED\n\n"
		  "D.     ADJOURNMENT\n\n       The meeting adjourned at 8:10 p.m.\n", NULL, NULL);
	assert_items(&m, "A,B,C,D");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "THAT the agenda be adopted as circulated");
	assert_int_equal(m.items[2].resolutions.n, 1);
	field_meeting_release(&m);

	parse(&m, "TOWN OF PEMBINA CROSSING\nREGULAR COUNCIL MEETING MINUTES\nMarch 11, 2024\n\n"
		  "1.   CALL TO ORDER\n     Mayor Dumont called the meeting to order at 7:00 p.m.\n\n"
		  "2.   ADOPTION OF AGENDA\n"
		  "     2024-071     Councillor Sorensen moved that the agenda be adopted as\n"
		  "                  presented.\n                                                   CARRIED\n\n"
		  "3.   ADJOURNMENT\n     2024-072     Councillor Kuzyk moved that the meeting adjourn.\n"
		  "                                                   CARRIED\n", NULL, NULL);
	assert_items(&m, "1,2,3");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "that the agenda be adopted as presented");
	field_meeting_release(&m);

	/* a motion that moves a reading or an approval, with no "to" or "that" */
	parse(&m, "TOWN OF PEMBINA CROSSING\nREGULAR COUNCIL MEETING MINUTES\nMarch 11, 2024\n\n"
		  "6.   BYLAWS\n     6.1 Bylaw 1187-24 Tax Rate Bylaw\n"
		  "     2024-076     Councillor Sorensen moved first reading of Bylaw 1187-24.\n"
		  "                                                   CARRIED\n"
		  "     2024-077     Councillor Malhotra moved second reading of Bylaw 1187-24.\n"
		  "                                                   CARRIED\n\n"
		  "7.   CONSENT CALENDAR\n\n     Councilmember deHaan moved approval of the Consent Calendar.\n\n"
		  "     Councilmember Matarrese seconded the motion, which carried by unanimous voice vote.\n", NULL, NULL);
	assert_items(&m, "6,6.1,7");
	assert_int_equal(m.items[1].resolutions.n, 2);
	assert_string_equal(m.items[1].resolutions.v[1], "second reading of Bylaw 1187-24");
	assert_int_equal(m.items[2].resolutions.n, 1);
	assert_string_equal(m.items[2].resolutions.v[0], "approval of the Consent Calendar");
	field_meeting_release(&m);

	parse(&m, "WARRABIN CITY COUNCIL\nMINUTES OF THE ORDINARY MEETING OF COUNCIL\n19 March 2024\n\n"
		  "ITEM 1     APOLOGIES AND LEAVE OF ABSENCE\n\n"
		  "145        RESOLVED (Councillors Fennell/Bhatt)\n\n"
		  "           That the apology from Councillor H Yarrow be accepted.\n\n"
		  "ITEM 2     DECLARATIONS OF INTEREST\n\n           There were none.\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That the apology from Councillor H Yarrow be accepted");
	field_meeting_release(&m);

	parse(&m, "DISTRICT COUNCIL OF KERRIBEE PLAINS\nMINUTES OF THE ORDINARY MEETING OF COUNCIL\n15 April 2024\n\n"
		  "5.1   Confirmation of Minutes\n\n"
		  "      Moved Cr Voigt                        Seconded Cr Ackland       2024/061\n\n"
		  "      That the minutes of the Ordinary Meeting be confirmed.\n\n"
		  "                                                                      CARRIED\n\n"
		  "6.    Football Club Loan Guarantee\n\n"
		  "      Moved Cr Dunstan                      Seconded Cr Voigt         2024/063\n\n"
		  "      That Council provides a loan guarantee of up to $120,000.\n\n"
		  "                                                                      CARRIED\n", NULL, NULL);
	assert_items(&m, "5.1,6");
	assert_string_equal(m.items[0].title, "Confirmation of Minutes");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "That Council provides a loan guarantee of up to $120,000");
	field_meeting_release(&m);
}

/*
 * Header layouts: one council of two places in capitals ("ASHBY AND DELVE
 * PARISH COUNCIL", "STRATHMORE AND CARSE COUNCIL"); a letterhead over two
 * lines above its committee; "City of X Y" alone on its line; a committee
 * named by a list of its remits ("Strategy, Policy and Finance Committee");
 * "AGENDA FOR THE PARISH COUNCIL MEETING" names no committee.
 */
static void test_field_headers_two_places_and_remits(void **state)
{
	struct field_meeting m = {0};
	const char *items = "\n\n1.   Apologies for absence\n\nNone.\n\n2.   Car Parks\n\nNoted.\n";
	char buf[1024];

	(void)state;
	snprintf(buf, sizeof buf, "ASHLEA AND DROVE PARISH COUNCIL\n\nMinutes of the meeting held on Monday 4 March 2024%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.council, "Ashlea and Drove Parish Council");
	assert_null(m.committee);
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "              KELLIMORE AND CARSE COUNCIL\n\nMINUTE of MEETING of the EDUCATION COMMITTEE held "
		 "on THURSDAY 15 FEBRUARY 2024%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.council, "Kellimore and Carse Council");
	assert_string_equal(m.committee, "Education Committee");
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "Harwood\nBorough Council\n\nExecutive\n\nWednesday, 20th March, 2024 at 6.30 pm%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.council, "Harwood Borough Council");
	assert_string_equal(m.committee, "Executive");
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "City of Wattle Heights\n\nMinutes - Ordinary Council Meeting\n\nTuesday 26 March 2024%s"
		 "\n3.   Wattle Aquatic Centre\n\nNoted.\n", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.council, "City of Wattle Heights");
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "Tarawhiti District Council\nStrategy, Policy and Finance Committee\nMinutes - Wednesday 20 March 2024%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.committee, "Strategy, Policy and Finance Committee");
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "ELM VALLEY SCHOOL DISTRICT\nREGULAR MEETING, BOARD OF TRUSTEES\nMarch 5, 2024%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.committee, "Board of Trustees");
	field_meeting_release(&m);
	snprintf(buf, sizeof buf, "FROGHAM ST GILES PARISH COUNCIL\n\nAGENDA FOR THE PARISH COUNCIL MEETING\n"
		 "to be held on Wednesday 27th March 2024 at 7.00pm%s", items);
	parse(&m, buf, NULL, NULL);
	assert_string_equal(m.council, "Frogham St Giles Parish Council");
	assert_null(m.committee);
	field_meeting_release(&m);
}

/*
 * Roman item numbers without a full stop ("Item No. II      Title", "Item I:
 * Title"); a modern.gov front page whose "Agenda" stands alone on its line
 * under the meeting's fields is an agenda.
 */
static void test_field_roman_without_stop_and_agenda_line(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "GLENMORE COUNTY COUNCIL\nMinutes of the Ordinary Meeting held on Monday 25th March, 2024\n\n"
		  "Item No. I        Confirmation of Minutes\n\nThe minutes were confirmed.\n\n"
		  "Item No. II       Chief Executive's Monthly Report\n\nThe report was noted.\n\n"
		  "Item No. III      Votes of Sympathy\n\nNone.\n", NULL, NULL);
	assert_items(&m, "I,II,III");
	assert_string_equal(m.items[1].title, "Chief Executive's Monthly Report");
	field_meeting_release(&m);
	parse(&m, "GLENMORE COUNTY COUNCIL\nMinutes of the Ordinary Meeting held on Monday 25th March, 2024\n\n"
		  "Item I: Confirmation of Minutes\n\nThe minutes were confirmed.\n\n"
		  "Item II: Chief Executive's Monthly Report\n\nThe report was noted.\n\n"
		  "Item III: Votes of Sympathy\n\nNone.\n", NULL, NULL);
	assert_items(&m, "I,II,III");
	assert_string_equal(m.items[0].title, "Confirmation of Minutes");
	field_meeting_release(&m);
	parse(&m, "                                              Public Document Pack\n\nEastmarsh County Council\n\nCabinet\n\n"
		  "Date:     Thursday, 14 March 2024\nTime:     2.00 pm\nVenue:    Committee Room 1, County Hall\n\n"
		  "Membership: Councillors Hallett (Leader), Brock and Hurst\n\n                    Agenda\n\n"
		  "Item 1:   Apologies for Absence\n\nItem 2:   Revenue Budget Monitoring            7 - 28\n"
		  "          Report of the Executive Director of Resources\n\n"
		  "Item 3:   Forward Plan of Key Decisions                105 - 112\n", NULL, NULL);
	assert_int_equal(m.kind, FIELD_KIND_AGENDA);
	field_meeting_release(&m);
}

/*
 * A parish clerk's table of minute number, item and resolution: a title
 * wrapped in its cell keeps its words, and the resolution beside it is the
 * item's text without them; a body under a title beside a time is not a
 * title's cell.
 */
static void test_field_table_title_cells(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                       HOLTON COMMON PARISH COUNCIL\n\n"
		  "        Minutes of the Parish Council meeting held on Monday 15 January 2024\n\n"
		  "Present: Cllr K Ashdown (Chairman), Cllr L Burrell\n\n"
		  " Minute No.         Item                        Resolution / Action\n\n"
		  " 01/24              Declarations of interest    None.\n\n"
		  " 02/24              Minutes of 11 December      RESOLVED that the minutes be\n"
		  "                    2023                        signed as a correct record.\n\n"
		  " 03/24              Village sign                Quote of 640 pounds from Holton\n"
		  "                    restoration                 Signs Ltd. RESOLVED to accept\n"
		  "                                                the quotation.\n\n"
		  " 04/24              Date of next meeting        Monday 19 February 2024.\n", NULL, NULL);
	assert_items(&m, "01/24,02/24,03/24,04/24");
	assert_string_equal(m.items[1].title, "Minutes of 11 December 2023");
	assert_int_equal(m.items[1].resolutions.n, 1);
	assert_string_equal(m.items[1].resolutions.v[0], "that the minutes be signed as a correct record");
	assert_string_equal(m.items[2].title, "Village sign restoration");
	assert_non_null(strstr(m.items[2].body, "Holton Signs Ltd."));
	field_meeting_release(&m);
	parse(&m, "ELM VALLEY CITY COUNCIL\nMINUTES OF THE REGULAR MEETING\nMarch 5, 2024\n\n"
		  "1.  CALL TO ORDER                        7:00 PM\n    Mayor Quint presided\n\n"
		  "2.  ADJOURNMENT                          8:16 PM\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[0].title, "CALL TO ORDER");
	field_meeting_release(&m);
}

/*
 * Minute numbers with the year after them under a letter code
 * ("P/014/2024") and a board's mixed-case code ("BoD 24/01").
 */
static void test_field_code_year_and_mixed_case_codes(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Minutes of the Planning Committee Meeting of Lecale Ards District Council\n"
		  "held in the Council Chamber on Monday 12 February 2024 at 10.00 am\n\n"
		  "In the Chair:     Alderman Gareth Moffat\nPresent:          Councillors Lennon, Maginn and Wallace\n\n"
		  "P/014/2024   APOLOGIES\n\n             Apologies were received from Councillor Hanna.\n\n"
		  "P/015/2024   PLANNING APPLICATION\n\n             It was AGREED to approve the application.\n", NULL, NULL);
	assert_items(&m, "P/014/2024,P/015/2024");
	assert_string_equal(m.items[1].title, "PLANNING APPLICATION");
	field_meeting_release(&m);
	parse(&m, "Minutes of the Board of Directors Meeting held on Thursday 25 January 2024\n\n"
		  "BoD 24/01   Welcome and apologies\n            The Chair welcomed members.\n\n"
		  "BoD 24/02   Board Assurance Framework\n            The Board approved the framework.\n\n"
		  "BoD 24/03   Any other business\n            None.\n", NULL, NULL);
	assert_items(&m, "BoD 24/01,BoD 24/02,BoD 24/03");
	assert_string_equal(m.items[0].title, "Welcome and apologies");
	field_meeting_release(&m);
}

/*
 * What a title's next line may be: an agenda's "Attachment", a
 * resolution's number and who sent apologies are not its words; "to
 * offices" under "Change of use" is (but an agenda's "to note ..." is not).
 */
static void test_field_title_next_lines(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "PINE HOLLOW UNIFIED SCHOOL DISTRICT\nBOARD OF EDUCATION - REGULAR MEETING\nAGENDA - Thursday, March 14, 2024\n\n"
		  "A.   CONSENT CALENDAR                                                     Action\n"
		  "     1.  Approval of Minutes, Regular Meeting of February 22, 2024\n         Attachment\n"
		  "     2.  Approval of Warrants and Purchase Orders\n         Attachment\n\nB.   ADJOURNMENT\n", NULL, NULL);
	assert_items(&m, "A,1,2,B");
	assert_string_equal(m.items[1].title, "Approval of Minutes, Regular Meeting of February 22, 2024");
	assert_string_equal(m.items[2].title, "Approval of Warrants and Purchase Orders");
	field_meeting_release(&m);
	parse(&m, "STOKE ABBAS PARISH COUNCIL\nMinutes of the Parish Council Meeting held on Thursday 14th March 2024\n\n"
		  "\xc2\xa7 112   Apologies\n        Cllr R. Gale (holiday). Accepted.\n\n"
		  "\xc2\xa7 113   Finance\n        Cllr Loveless presented the accounts. Resolved: to approve.\n", NULL, NULL);
	assert_items(&m, "112,113");
	assert_string_equal(m.items[0].title, "Apologies");
	field_meeting_release(&m);
	parse(&m, "ASHCOMBE VALE DISTRICT COUNCIL\nPLANNING COMMITTEE\nMinutes of the meeting held on Wednesday 13 March 2024\n\n"
		  "7   Lydcott Mill - Change of use\n    to offices\n    RESOLVED that planning permission be GRANTED.\n\n"
		  "8   Planning Applications\n    to note the applications received since the last meeting\n\n"
		  "9   Mill Lane - Variation of condition 3 of permission\n    to extend opening hours\n"
		  "    RESOLVED that the variation be APPROVED.\n", NULL, NULL);
	assert_items(&m, "7,8,9");
	assert_string_equal(m.items[0].title, "Lydcott Mill - Change of use to offices");
	assert_string_equal(m.items[1].title, "Planning Applications");
	assert_string_equal(m.items[2].title, "Mill Lane - Variation of condition 3 of permission to extend opening hours");
	field_meeting_release(&m);
}

/*
 * A US township's agenda numbered in the right margin ("ADJOURNMENT
 * <gap> Item 4"), headed by its board and "X TOWNSHIP, Y COUNTY" (the
 * township is the council).
 */
static void test_field_item_word_in_right_margin(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "                        BOARD OF SUPERVISORS\n"
		  "                  MAPLEDGE TOWNSHIP, CEDAR FALLS COUNTY\n\n"
		  "                      AGENDA\n                     Tuesday, March 5, 2024\n                            7:00 PM\n\n"
		  "CALL TO ORDER / PLEDGE OF ALLEGIANCE                                   Item 1\n\n"
		  "APPROVAL OF MINUTES - FEBRUARY 20, 2024                                Item 2\n\n"
		  "BROOKSIDE ESTATES - PRELIMINARY/FINAL LAND DEVELOPMENT                 Item 3\n"
		  "PLAN, 14 LOTS, CONDITIONAL APPROVAL\n\n"
		  "ADJOURNMENT                                                            Item 4\n", NULL, NULL);
	assert_string_equal(m.council, "Mapledge Township");
	assert_string_equal(m.committee, "Board of Supervisors");
	assert_int_equal(m.date, 20240305);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[2].title, "BROOKSIDE ESTATES - PRELIMINARY/FINAL LAND DEVELOPMENT PLAN, 14 LOTS, CONDITIONAL APPROVAL");
	field_meeting_release(&m);
}

/*
 * A contents line's leaders and page are no part of its title; "7(a)",
 * "7 (b)" number items (a letter in brackets after the number).
 */
static void test_field_leaders_and_bracketed_letters(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "SHIRE OF WANDALUP\nORDINARY COUNCIL MEETING AGENDA\n19 March 2024\n\n"
		  "1     DECLARATION OF OPENING ..................... 3\n"
		  "2     PUBLIC QUESTION TIME . . . . . . . . . . . . 3\n"
		  "3     REPORTS OF OFFICERS ........................ 5\n"
		  "4     CLOSURE .................................... 28\n", NULL, NULL);
	assert_items(&m, "1,2,3,4");
	assert_string_equal(m.items[0].title, "DECLARATION OF OPENING");
	assert_string_equal(m.items[1].title, "PUBLIC QUESTION TIME");
	assert_string_equal(m.items[3].title, "CLOSURE");
	field_meeting_release(&m);
	parse(&m, "BRANSCOMBE DISTRICT COUNCIL\nPLANNING COMMITTEE\nMinutes of the meeting held on Wednesday 13 March 2024\n\n"
		  "7(a)  Unauthorised caravan, Moor Lane\n\n      RESOLVED that a notice be served.\n\n"
		  "7(b)  Breach of condition 4\n\n      Noted.\n", NULL, NULL);
	assert_items(&m, "7(a),7(b)");
	assert_string_equal(m.items[0].title, "Unauthorised caravan, Moor Lane");
	field_meeting_release(&m);
	parse(&m, "BRANSCOMBE DISTRICT COUNCIL\nPLANNING COMMITTEE\nMinutes of the meeting held on Wednesday 13 March 2024\n\n"
		  "6     ENFORCEMENT\n\n6 (a) Unauthorised caravan, Moor Lane\n\n      RESOLVED that a notice be served.\n\n"
		  "6 (b) Breach of condition 4\n\n      Noted.\n\n7     URGENT ITEMS\n\n      None.\n", NULL, NULL);
	assert_items(&m, "6,6 (a),6 (b),7");
	field_meeting_release(&m);
}

/*
 * An agenda's titles wrapped beside a column of pages or of presenters: the
 * tails under the title's column are the title's, the pages are not.
 */
static void test_field_titles_beside_page_column(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "Wharekiri District Council\nFinance Committee\nAgenda - Wednesday 20 March 2024\n\n"
		  "1      Apologies                                                    3\n"
		  "2      Stormwater Transition Update - Report of the Group        38\n"
		  "       Manager Infrastructure\n"
		  "3      Lowbridge Bypass: Approval to Award Construction of the      52\n"
		  "       Northern Section\n"
		  "4      Housing Strategy -                               (Pages 63 - 96)\n"
		  "       Adoption\n"
		  "5      Closing Prayer                                               72\n", NULL, NULL);
	assert_items(&m, "1,2,3,4,5");
	assert_string_equal(m.items[1].title, "Stormwater Transition Update - Report of the Group Manager Infrastructure");
	assert_string_equal(m.items[2].title, "Lowbridge Bypass: Approval to Award Construction of the Northern Section");
	assert_string_equal(m.items[3].title, "Housing Strategy - Adoption");
	field_meeting_release(&m);
	/* a presenters' column beside a title that runs on */
	parse(&m, "CITY OF ELMBROOK\nCOUNCIL AGENDA\nTuesday, March 5, 2024\n\n"
		  "Item   Subject                                      Presenter        Action\n"
		  "3      Adoption of Minutes - Committee of the       Clerk            Approve\n"
		  "       Whole, February 20, 2024\n"
		  "4      Report CS-2024-08: 2024 Water and            Treasurer        Approve\n"
		  "       Wastewater Rate Study\n"
		  "5      Question Period                              Mayor            Receive\n", NULL, NULL);
	assert_items(&m, "3,4,5");
	assert_string_equal(m.items[0].title, "Adoption of Minutes - Committee of the Whole, February 20, 2024");
	assert_string_equal(m.items[1].title, "Report CS-2024-08: 2024 Water and Wastewater Rate Study");
	field_meeting_release(&m);
	/* a body under the title is no tail, pages or not */
	parse(&m, "WHAREKIRI DISTRICT COUNCIL\nMinutes of the Finance Committee, 20 March 2024\n\n"
		  "1      Rates Review                                                 3\n"
		  "       Members discussed the review at length\n"
		  "       and asked for a further report in May\n"
		  "       on the options for the rural rate\n\n"
		  "2      Closing Prayer\n", NULL, NULL);
	assert_items(&m, "1,2");
	assert_string_equal(m.items[0].title, "Rates Review");
	field_meeting_release(&m);
}

/*
 * Movers said other ways: Victoria's "Moved Cr A" / "Seconded Cr B" on
 * lines of their own, New Zealand's "Moved (A/B):" and "Council Resolved
 * CNCL/2024/00031", an audit committee's "RECOMMENDATION (A/B)"; a
 * resolution's lead ("That the Board:") keeps its part after a blank line,
 * and bare numbers under it ("1     Accepts ...") are its parts.
 */
static void test_field_movers_other_ways(void **state)
{
	struct field_meeting m = {0};

	(void)state;
	parse(&m, "YARRENDALE CITY COUNCIL\nMINUTES OF THE COUNCIL MEETING\n23 April 2024\n\n"
		  "6.    Confirmation of Minutes\n\n      Moved Cr Haddad\n      Seconded Cr Trevorrow\n\n"
		  "      That the Minutes of the Council Meeting held on 26 March 2024 be\n      confirmed.\n"
		  "                                                                      CARRIED\n\n"
		  "7.    Public Question Time\n\n      Two questions were received and answered.\n", NULL, NULL);
	assert_items(&m, "6,7");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0],
			    "That the Minutes of the Council Meeting held on 26 March 2024 be confirmed");
	field_meeting_release(&m);

	parse(&m, "TAIERI FLATS COMMUNITY BOARD\nMINUTES\n14 March 2024\n\n"
		  "3     APOLOGIES\n\n      Moved (Dean McAlister/Philippa Robb):\n\n      That the Board:\n\n"
		  "      Accepts the apology from Member Hamish Corbett.\n\n      Motion carried (TFCB/2024/009)\n\n"
		  "4     CONFIRMATION OF AGENDA\n\n      The agenda was confirmed.\n", NULL, NULL);
	assert_items(&m, "3,4");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That the Board: Accepts the apology from Member Hamish Corbett");
	field_meeting_release(&m);

	/* the apologies' item may come fifth (after a forum and its sub-item) */
	parse(&m, "TAIERI FLATS COMMUNITY BOARD\nMINUTES\n14 March 2024\n\n1     OPENING\n\n      Opened.\n\n"
		  "2     PUBLIC FORUM\n\n      None.\n\n2.1   Taieri Flats Bowling Club\n\n      Spoke.\n\n"
		  "2.2   Taieri Flats Pony Club\n\n      Spoke.\n\n"
		  "3     APOLOGIES\n\n      Moved (Dean McAlister/Philippa Robb):\n\n      That the Board:\n\n"
		  "      Accepts the apology from Member Hamish Corbett.\n\n      Motion carried (TFCB/2024/009)\n\n"
		  "4     CONFIRMATION OF AGENDA\n\n      The agenda was confirmed.\n", NULL, NULL);
	assert_int_equal(m.apologies.n, 1);
	assert_string_equal(m.apologies.v[0], "Hamish Corbett");
	field_meeting_release(&m);

	parse(&m, "Christchurch City Council\nMinutes of the Council meeting held on Wednesday 6 March 2024\n\n"
		  "6. Hereford Street Cycleway - Detailed Design Approval\n\n"
		  "Council Resolved CNCL/2024/00033\n\nThat the Council:\n"
		  "1. Approves the detailed design for the Hereford Street Cycleway.\n\n"
		  "Mayor/Councillor Barnard                                                Carried\n\n"
		  "7. Resolution to Exclude the Public\n\nCouncil Resolved CNCL/2024/00034\n\n"
		  "That Nicola Tait remain after the public have been excluded.\n\n"
		  "Councillor Lockhart/Councillor Moore                                    Carried\n", NULL, NULL);
	assert_items(&m, "6,7");
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "Approves the detailed design for the Hereford Street Cycleway");
	assert_string_equal(m.items[1].resolutions.v[0], "That Nicola Tait remain after the public have been excluded");
	field_meeting_release(&m);

	/* two decisions joined by "AND" on a line of its own */
	parse(&m, "Christchurch City Council\nMinutes of the Council meeting held on Wednesday 6 March 2024\n\n"
		  "4. Council Minutes - 21 February 2024\n\nCouncil Resolved CNCL/2024/00032\n\n"
		  "That the Council confirm the Minutes from the Council meeting held 21 February 2024.\n\nAND\n\n"
		  "That the Council receives the Minutes from the Finance Committee meeting held 28 February 2024.\n\n"
		  "Deputy Mayor/Councillor Lockhart                                        Carried\n\n"
		  "5. Close\n\nThe meeting closed.\n", NULL, NULL);
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[1],
			    "That the Council receives the Minutes from the Finance Committee meeting held 28 February 2024");
	field_meeting_release(&m);

	parse(&m, "TALLAWONG VALLEY COUNCIL\nAUDIT, RISK AND IMPROVEMENT COMMITTEE\nMINUTES\n14 March 2024\n\n"
		  "ARIC 2/24   CONFIRMATION OF MINUTES\n\n            RECOMMENDATION (Aberline/De Silva)\n\n"
		  "            That the minutes of the meeting held on 23 November 2023 be confirmed.\n\n"
		  "ARIC 3/24   GENERAL BUSINESS\n\n            There was no general business.\n", NULL, NULL);
	assert_int_equal(m.n_items, 2);
	assert_int_equal(m.items[0].resolutions.n, 1);
	assert_string_equal(m.items[0].resolutions.v[0], "That the minutes of the meeting held on 23 November 2023 be confirmed");
	field_meeting_release(&m);

	parse(&m, "BAY OF PLENTY REGIONAL COUNCIL\nREGIONAL COUNCIL MINUTES\n14 March 2024\n\n"
		  "2     Apologies\n\n      Resolved\n\n      That the Regional Council:\n\n"
		  "      1     Receives the report, Chairman's Report;\n\n"
		  "      2     Adopts the Regional Public Transport Plan 2024-2034.\n\n"
		  "                                                          Leeming/Thornbury\n"
		  "                                                                    CARRIED\n\n"
		  "3     Declaration of Conflicts of Interest\n\n      None declared.\n", NULL, NULL);
	assert_items(&m, "2,3");
	assert_int_equal(m.items[0].resolutions.n, 2);
	assert_string_equal(m.items[0].resolutions.v[1], "Adopts the Regional Public Transport Plan 2024-2034");
	field_meeting_release(&m);
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
		cmocka_unit_test(test_field_dash_and_dotted_minute_numbers),
		cmocka_unit_test(test_field_label_colon_then_minute),
		cmocka_unit_test(test_field_resolution_label_is_no_title_tail),
		cmocka_unit_test(test_field_contents_list_before_items),
		cmocka_unit_test(test_field_title_wrapped_after_preposition),
		cmocka_unit_test(test_field_minute_numbers_in_right_margin),
		cmocka_unit_test(test_field_wrapped_titles),
		cmocka_unit_test(test_field_caps_titles_wrapped_above_text),
		cmocka_unit_test(test_field_hanging_indent_titles),
		cmocka_unit_test(test_field_apologies_sentence_in_front),
		cmocka_unit_test(test_field_unnumbered_caps_headings),
		cmocka_unit_test(test_field_unnumbered_plain_headings),
		cmocka_unit_test(test_field_point_zero_and_dashed_titles),
		cmocka_unit_test(test_field_decisions_without_resolved),
		cmocka_unit_test(test_field_decisions_agreed_by_a_body),
		cmocka_unit_test(test_field_decisions_inside_paragraphs),
		cmocka_unit_test(test_field_us_lettered_sections_and_roll_call),
		cmocka_unit_test(test_field_us_county_township_village),
		cmocka_unit_test(test_field_venue_lines),
		cmocka_unit_test(test_field_scottish_headings_over_numbers),
		cmocka_unit_test(test_field_nz_local_board),
		cmocka_unit_test(test_field_action_column),
		cmocka_unit_test(test_field_us_notice_of_meeting),
		cmocka_unit_test(test_field_attendance_labels),
		cmocka_unit_test(test_field_us_motions),
		cmocka_unit_test(test_field_us_attendance),
		cmocka_unit_test(test_field_attendance_labels_abroad),
		cmocka_unit_test(test_field_town_meeting_articles),
		cmocka_unit_test(test_field_irish_minutes),
		cmocka_unit_test(test_field_minute_words_and_codes),
		cmocka_unit_test(test_field_roman_sections_with_letters),
		cmocka_unit_test(test_field_notice_calls_a_meeting),
		cmocka_unit_test(test_field_number_printed_twice),
		cmocka_unit_test(test_field_table_rows_with_actions),
		cmocka_unit_test(test_field_second_meeting_restarts_under_one),
		cmocka_unit_test(test_field_short_heading_then_one_body_line),
		cmocka_unit_test(test_field_titles_ending_in_a_disposition),
		cmocka_unit_test(test_field_numbers_on_their_own_lines),
		cmocka_unit_test(test_field_date_from_file_name),
		cmocka_unit_test(test_field_sub_items_dotted_and_lettered),
		cmocka_unit_test(test_field_bracketed_year_numbers),
		cmocka_unit_test(test_field_numbering_restarts_per_section),
		cmocka_unit_test(test_field_roman_sections_and_lettered_items),
		cmocka_unit_test(test_field_lettered_points_of_minutes_not_items),
		cmocka_unit_test(test_field_column_gap_ends_title),
		cmocka_unit_test(test_field_title_not_joined_to_a_sentence),
		cmocka_unit_test(test_field_numbered_paragraphs_not_items),
		cmocka_unit_test(test_field_chain_does_not_jump_a_restart),
		cmocka_unit_test(test_field_unnumbered_headings),
		cmocka_unit_test(test_field_councils_named_other_ways),
		cmocka_unit_test(test_field_committee_shapes),
		cmocka_unit_test(test_field_kind_from_heading),
		cmocka_unit_test(test_field_meeting_date_not_publication_date),
		cmocka_unit_test(test_field_numeric_date_read_as_the_document_writes_dates),
		cmocka_unit_test(test_field_us_caps_sections_over_labels),
		cmocka_unit_test(test_field_us_headings_with_nothing_under),
		cmocka_unit_test(test_field_attendance_labels_more),
		cmocka_unit_test(test_field_movers_and_outcome_on_one_line),
		cmocka_unit_test(test_field_resolution_numbers_and_vote_records),
		cmocka_unit_test(test_field_bracketed_numbers_and_numbered_paragraphs),
		cmocka_unit_test(test_field_numbered_list_inside_an_item),
		cmocka_unit_test(test_field_financial_year_minute_numbers),
		cmocka_unit_test(test_field_lower_case_roman_items),
		cmocka_unit_test(test_field_escribe_and_boarddocs),
		cmocka_unit_test(test_field_legistar_minutes),
		cmocka_unit_test(test_field_title_dash_minute),
		cmocka_unit_test(test_field_movers_on_one_line),
		cmocka_unit_test(test_field_decision_lead_ins),
		cmocka_unit_test(test_field_select_board_labels),
		cmocka_unit_test(test_field_dashed_titles),
		cmocka_unit_test(test_field_timed_agenda_and_notice),
		cmocka_unit_test(test_field_dotted_year_minutes),
		cmocka_unit_test(test_field_time_stamped_items_and_vote_labels),
		cmocka_unit_test(test_field_town_board_resolutions),
		cmocka_unit_test(test_field_vote_records_and_roll_tables),
		cmocka_unit_test(test_field_action_summaries),
		cmocka_unit_test(test_field_file_numbered_items),
		cmocka_unit_test(test_field_mover_records_decide_titles),
		cmocka_unit_test(test_field_side_headings),
		cmocka_unit_test(test_field_township_paragraphs),
		cmocka_unit_test(test_field_county_journal),
		cmocka_unit_test(test_field_paragraph_items),
		cmocka_unit_test(test_field_roll_rows_and_staff_reports),
		cmocka_unit_test(test_field_msc_motions_and_lettered_points),
		cmocka_unit_test(test_field_attendance_grid),
		cmocka_unit_test(test_field_chair_from_call_to_order),
		cmocka_unit_test(test_field_roll_after_lead_in),
		cmocka_unit_test(test_field_bilingual_motions),
		cmocka_unit_test(test_field_housing_authorities),
		cmocka_unit_test(test_field_title_sentence_wrapped),
		cmocka_unit_test(test_field_resolution_number_in_margin),
		cmocka_unit_test(test_field_movers_other_ways),
		cmocka_unit_test(test_field_attendance_role_cells),
		cmocka_unit_test(test_field_chair_said_abroad),
		cmocka_unit_test(test_field_lettered_subitems_with_motions),
		cmocka_unit_test(test_field_contents_before_minutes),
		cmocka_unit_test(test_field_title_bracket_wrapped),
		cmocka_unit_test(test_field_closing_matter),
		cmocka_unit_test(test_field_msc_after_sentence),
		cmocka_unit_test(test_field_centred_headings_and_verbs),
		cmocka_unit_test(test_field_county_assembly),
		cmocka_unit_test(test_field_titles_beside_page_column),
		cmocka_unit_test(test_field_item_word_in_right_margin),
		cmocka_unit_test(test_field_title_next_lines),
		cmocka_unit_test(test_field_code_year_and_mixed_case_codes),
		cmocka_unit_test(test_field_table_title_cells),
		cmocka_unit_test(test_field_roman_without_stop_and_agenda_line),
		cmocka_unit_test(test_field_headers_two_places_and_remits),
		cmocka_unit_test(test_field_leaders_and_bracketed_letters),
		cmocka_unit_test(test_field_seeds_end_to_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
