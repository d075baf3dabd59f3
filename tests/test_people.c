/*
 * test_people.c - name lists as councils write them: present, chair, apologies
 *
 * Each case is a real-shaped attendance line (titles, honours, roles in
 * brackets or after a dash, run-on lines, repeated names, apology lead-ins)
 * and the bare names it must give, in order, with the chair.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "people.h"
#include "strv.h"

/* v's names joined by '|' into got (512 bytes). */
static void join(const struct strv *v, char *got)
{
	got[0] = '\0';
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			strcat(got, "|");
		strcat(got, v->v[i]);
	}
}

/* Names of s joined by '|', and the chair ("-" for none). */
static void check_list(const char *s, const char *want, const char *want_chair)
{
	struct strv v = {0};
	char *chair = NULL;
	char got[512];

	assert_int_equal(people_parse_list(s, strlen(s), &v, &chair), CM_OK);
	join(&v, got);
	assert_string_equal(got, want);
	assert_string_equal(chair ? chair : "-", want_chair);
	free(chair);
	strv_release(&v);
}

static void check_apologies(const char *s, const char *want)
{
	struct strv v = {0};
	char got[512];

	assert_int_equal(people_parse_apologies(s, strlen(s), &v), CM_OK);
	join(&v, got);
	assert_string_equal(got, want);
	strv_release(&v);
}

static void test_people_titles_and_chair(void **state)
{
	(void)state;
	check_list("Councillor Lind (Chair)\nCouncillors Hezelgrave, Hussain and McCristal",
		   "Lind|Hezelgrave|Hussain|McCristal", "Lind");
	check_list("Mrs F M Oborski (Chairman), Cllr J Smith OBE, Dr A Patel",
		   "F M Oborski|J Smith|A Patel", "F M Oborski");
	check_list("Councillor R Jones (in the Chair), Councillor P Brown (Vice-Chairman)",
		   "R Jones|P Brown", "R Jones");
	check_list("Councillor T Hughes CHAIR", "T Hughes", "T Hughes");
}

static void test_people_roles_mayor_and_repeats(void **state)
{
	(void)state;
	/* a role after a dash goes; the Mayor chairs a full council */
	check_list("Councillor A Mayor (Mayor), Councillor B Green - Cabinet Member for Housing",
		   "A Mayor|B Green", "A Mayor");
	/* a name given twice is listed once; no chair marked, none given */
	check_list("Councillors C Potts, P Atkinson, C Potts and Mrs P Parkins",
		   "C Potts|P Atkinson|P Parkins", "-");
}

static void test_people_apologies(void **state)
{
	(void)state;
	check_apologies("Apologies for absence were received from Councillors C Potts, P Atkinson "
			"and Mrs P Parkins. The Chair welcomed everyone.",
			"C Potts|P Atkinson|P Parkins");	/* stops at the sentence's end */
	check_apologies("An apology for absence was received on behalf of Councillor D Evans.",
			"D Evans");
	check_apologies("None", "");
	check_apologies("There were none.", "");
	/* English parish shapes: received and accepted, names before "sent", one per line with a reason */
	check_apologies("Apologies were received and accepted from Cllr Hughes and Cllr Evans.", "Hughes|Evans");
	check_apologies("Cllrs Hughes and Evans had sent apologies which were accepted.", "Hughes|Evans");
	check_apologies("Cllr Hughes \xe2\x80\x93 work commitments Cllr Evans \xe2\x80\x93 holiday", "Hughes|Evans");
}

/*
 * Titles of other countries: US "Councilmembers Diaz, Park and Smith",
 * "Selectmen Adams, Baker and Clark", Australia's "Cr"; a staff member's
 * job after a comma is no name; a titled name in a sentence ends where the
 * sentence goes on in lower case.
 */
static void test_people_titles_abroad(void **state)
{
	(void)state;
	check_list("Mayor Lee, Councilmembers Diaz, Park and Smith", "Lee|Diaz|Park|Smith", "-");
	check_list("Selectmen Adams, Baker and Clark", "Adams|Baker|Clark", "-");
	check_list("President Hom, Vice President Cisneros and Board Members Ruiz and Curtis",
		   "Hom|Cisneros|Ruiz|Curtis", "-");
	check_list("Mayor Ann Kibby, Council President Arne Nyberg and Councilors Carol Bahr, and Bill Tuttle "
		   "were present.", "Ann Kibby|Arne Nyberg|Carol Bahr|Bill Tuttle", "-");
	check_list("Commissioner Ruiz (Chair), Commissioners Curtis and Teague", "Ruiz|Curtis|Teague", "Ruiz");
	check_list("Cr J Smith (Mayor), Cr A Brown, Crs P Green and L White",
		   "J Smith|A Brown|P Green|L White", "J Smith");
	check_list("Lisa Moe, Town Planner; Tom Hall, Recording Secretary", "Lisa Moe|Tom Hall", "-");
	/* a job before the name, no comma: "CAO T. Hall", "District Cllr Dave Mossman" */
	check_list("CAO T. Hall, Clerk R. Moe", "T. Hall|R. Moe", "-");
	check_apologies("Apologies: Cllr Thorpe, District Cllr Dave Mossman", "Thorpe|Dave Mossman");
	/* a job of capitalised words before an untitled name (a grade with it); not a lower-case "of" */
	check_list("City Manager Lisa Moe, Planner II Eric Fox, Recording Secretary Jo Hart, "
		   "Deputy Town Clerk Mary Ann Lee", "Lisa Moe|Eric Fox|Jo Hart|Mary Ann Lee", "-");
	check_list("Director of Finance John Smith", "", "-");
	/* a roll of bare surnames (three or more, none a role); a chair's office in a column of its own */
	check_list("Smith, Jones, Brown (arrived 7:15 p.m.)", "Smith|Jones|Brown", "-");
	check_list("Smith, Clerk, Brown", "", "-");
	check_list("Cllr J Smith          Chairman\nCllr K Jones          Vice-Chairman\nCllr L Brown",
		   "J Smith|K Jones|L Brown", "J Smith");
	/* US and Welsh titles, police ranks */
	check_list("Alderwoman Castillo, Alder Dunn, Councilman Eke, PC Amy Reid, Cynghorwyr Alun Rees",
		   "Castillo|Dunn|Eke|Amy Reid|Alun Rees", "-");
	/* Australia: the role, a dash, then the titled name */
	check_list("Chief Executive Officer \xe2\x80\x93 Mr T Hall; Director Corporate Services \xe2\x80\x93 Ms R Moe",
		   "T Hall|R Moe", "-");
	check_apologies("That the apology received from Cr K Black be accepted.", "K Black");
	/* who chairs: Scotland's Convener (not its Depute), the US "Presiding", Ireland's Cathaoirleach */
	check_list("Councillor A Baird (Depute Convener), Councillor B Carr (Convener)", "A Baird|B Carr", "B Carr");
	check_list("Councilmember Diaz (Presiding), Councilmember Park", "Diaz|Park", "Diaz");
	check_list("Cllr A Baird (Cathaoirleach), Cllr B Carr", "A Baird|B Carr", "A Baird");
	check_list("His Worship Mayor Bowman\nDeputy Speaker Councillor Gerbasi\nCouncillor Allard",
		   "Bowman|Gerbasi|Allard", "-");
	/* Ireland: the role, then the name in brackets */
	check_list("Director, Community Services (Mr. G. Daly), Senior Engineer, Roads (Ms. R. Gallagher)",
		   "G. Daly|R. Gallagher", "-");
	/* but a name, then its membership in brackets (an Australian audit committee) */
	check_list("Cr Nerida Polkinghorne (Councillor Member)\nMs Wendy Aberline (Independent Member)",
		   "Nerida Polkinghorne|Wendy Aberline", "-");
	/* a presiding office after the name (US boards, Ohio's journals), not a vice's; an office
	 * alone before the name (Australia) */
	check_list("Ruth A. Sommers, President; Dale Kinsey, Vice President; Ann Lee", "Ruth A. Sommers|Dale Kinsey|Ann Lee",
		   "Ruth A. Sommers");
	check_list("Lynne Okafor, Vice President; Wendell Shaw", "Lynne Okafor|Wendell Shaw", "-");
	check_list("The Mayor, Councillor M Costigan, Councillors A Fennell and B Bhatt", "M Costigan|A Fennell|B Bhatt",
		   "M Costigan");
	/* Ontario's counties and townships: the warden and the reeve are titles */
	check_list("Warden Lynn Carruthers\nDeputy Warden Amos Vandenberg\nCouncillor Eric Hollingsworth",
		   "Lynn Carruthers|Amos Vandenberg|Eric Hollingsworth", "-");
	check_list("Reeve Bill Hargreaves, Deputy Reeve Colleen Drummond, Councillors Peter Stanek and Ted Varga",
		   "Bill Hargreaves|Colleen Drummond|Peter Stanek|Ted Varga", "-");
	check_apologies("Apologies were received from Councillor Ursula von der Leyen.", "Ursula von der Leyen");
}

static void test_people_is_name(void **state)
{
	(void)state;
	assert_true(people_is_name("F M Oborski", 11));
	assert_true(people_is_name("McCristal", 9));
	assert_false(people_is_name("Cabinet Member for Housing", 26));
	assert_false(people_is_name("", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_people_titles_and_chair),
		cmocka_unit_test(test_people_roles_mayor_and_repeats),
		cmocka_unit_test(test_people_apologies),
		cmocka_unit_test(test_people_titles_abroad),
		cmocka_unit_test(test_people_is_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
