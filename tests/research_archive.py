#!/usr/bin/python3
# tests/research_archive.py - a small archive with known recurring items and a seeded theme
#
# Writes OUT_DIR/<committee>/<date>.txt minutes for one fictional council
# (two committees meeting quarterly, 2019-2021) and OUT_DIR.truth.json with
# what the research commands must find: items per year, the recurring
# items and their meetings, and the term seeded into 2021 only.
# Usage: tests/research_archive.py OUT_DIR
import datetime
import json
import os
import sys

COUNCIL = "Testshire County Council"
COMMITTEES = ["Cabinet", "Corporate Parenting Panel"]
MONTHS = [1, 4, 7, 10]
YEARS = [2019, 2020, 2021]
SEEDED = "zorblaxian"
FILLER = ("The committee considered the report of the director and asked questions about "
          "staffing, budgets and the timetable for the next review. Members noted the report.")


def quarter_of(month):
    return (month - 1) // 3 + 1


def main():
    out = sys.argv[1]
    truth = {"council": COUNCIL, "items_per_year": {}, "meetings": 0,
             "recurring": {}, "seeded": SEEDED, "seeded_items": {}}
    for committee in COMMITTEES:
        folder = os.path.join(out, committee.lower().replace(" ", "-"))
        os.makedirs(folder, exist_ok=True)
        for year in YEARS:
            for month in MONTHS:
                day = 10 + COMMITTEES.index(committee)
                date = datetime.date(year, month, day)
                my = year if month >= 5 else year - 1
                items = [
                    ("Apologies", "Apologies were received from Councillor Jones."),
                    ("Declarations of Interest", "There were none."),
                    ("Minutes of the meeting held on %d %s %d" % (day, "March", year),
                     "The minutes were agreed as a correct record."),
                    ("Work Programme %d/%02d" % (my, (my + 1) % 100),
                     "The committee reviewed its work programme. " + FILLER),
                ]
                if committee == "Cabinet":
                    items.append(("Budget Monitoring Quarter %d" % quarter_of(month),
                                  "The cabinet received the budget monitoring report. " + FILLER))
                topic = "Report on %s matters %d" % (["highways", "libraries", "parks",
                                                      "housing"][MONTHS.index(month)], year)
                body = FILLER
                if year == 2021:
                    body = ("The %s programme was discussed at length; the %s pilot will "
                            "continue. " % (SEEDED, SEEDED)) + FILLER
                    truth["seeded_items"][str(year)] = truth["seeded_items"].get(str(year), 0) + 1
                items.append((topic, body))
                lines = [COUNCIL.upper(), "", committee.upper(), "",
                         date.strftime("%A ") + str(day) + date.strftime(" %B %Y") + " at 10.00 am",
                         "County Hall, Testshire", "",
                         "Present: Councillor Smith (Chair)",
                         "Councillors Brown, Green and White", ""]
                for n, (title, text) in enumerate(items, 1):
                    lines += ["%d/%02d %s" % (n + 10 * MONTHS.index(month), year % 100, title),
                              "", text, ""]
                with open(os.path.join(folder, date.isoformat() + ".txt"), "w") as f:
                    f.write("\n".join(lines))
                y = str(year)
                truth["items_per_year"][y] = truth["items_per_year"].get(y, 0) + len(items)
                truth["meetings"] += 1
                for key in ("work programme", "budget monitoring quarter"):
                    if any(t.lower().startswith(key.split()[0]) and key.split()[1] in t.lower()
                           for t, _ in items):
                        truth["recurring"][key] = truth["recurring"].get(key, 0) + 1
    with open(out.rstrip("/") + ".truth.json", "w") as f:
        json.dump(truth, f, indent=1)


main()
