#!/usr/bin/python3
"""Every export format of the real binary, read back by independent readers.

A review database (made by the binary, filled here with Python's sqlite3 as a colleague's tool would)
holds ordinary and hostile text: escape sequences, bidi overrides, C1 controls, spreadsheet formulas,
Markdown and HTML. Then:
- xlsx is opened with openpyxl (sheets, Dutch headers, frozen row, dates as dates, values, inert formulas);
- csv with Python's csv module, csv-nl as Dutch Excel reads it (BOM, ';', CRLF);
- ics with the icalendar package (VTODO/VEVENT, UIDs stable across two exports);
- markdown through pandoc: its AST has no raw HTML, and the .docx it makes has the headings and tables;
- the agenda of the November sectortafel;
- every byte of every output (and of TERM=dumb) is free of C0/C1 controls, DEL and bidi controls;
- export errors are one Dutch line.
Run with Debian's python3 (python3-openpyxl, python3-icalendar) and pandoc, as scripts/setup installs them.

Usage: Tests/e2e/exports.py path/to/htno-dialoog
"""
import csv
import datetime
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import html5lib
import icalendar
import openpyxl
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

binary = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/htno-dialoog")
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
work = tempfile.mkdtemp()
db = os.path.join(work, "review.sqlite")
env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "xdg"), XDG_CONFIG_HOME=os.path.join(work, "config"),
           LANG="C.UTF-8", TZ="UTC")


def run(*args, extra_env=None, expect_ok=True):
    result = subprocess.run([binary, *args, "--data", "sample-data", "--db", db], capture_output=True,
                            env=dict(env, **(extra_env or {})), stdin=subprocess.DEVNULL)
    if expect_ok and result.returncode != 0:
        print(result.stderr.decode(errors="replace"))
    return result


# Made by the binary itself: an empty review exported and imported (TERM=dumb only reads; it creates nothing).
empty_review = os.path.join(work, "leeg.json")
subprocess.run([binary, "export", "--format", "json", "--data", "sample-data", "--db", os.path.join(work, "geen.sqlite"),
                "--output", empty_review], check=True, capture_output=True, stdin=subprocess.DEVNULL)
subprocess.run([binary, "import", empty_review, "--data", "sample-data", "--db", db], check=True, capture_output=True,
               stdin=subprocess.DEVNULL)
hostile = {
    "escape": "Besluit \x1b]52;c;cm0gLXJmIH4=\x07 klembord \x1b[2J",
    "bidi": "Eigenaar \u202egnissab\u202c",
    "c1": "Tekst met \x9b31m C1",
    "formula": "=HYPERLINK(\"http://x\",\"klik\")",
    "html": "<script>alert(1)</script> *vet* [link](http://x) | pijp",
}
now = "2026-11-20 10:00:00.000"
con = sqlite3.connect(db)
con.execute("INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES ('d1-in-1', 'aangetoond', 'anna', ?, 1)", (now,))
con.execute("INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES ('d2-bw-1', 'in-behandeling', 'bert', ?, 1)", (now,))
con.execute("INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES ('d3-in-1', 'niet-aangetoond', 'bert', ?, 1)", (now,))
con.execute("INSERT INTO note (subject_id, text, author, created_at, version, for_report) VALUES ('d1-in-1', ?, 'anna', ?, 1, 1)",
            ("Deelnemerslijst bekeken\n" + hostile["escape"], now))
con.execute("INSERT INTO note (subject_id, text, author, created_at, version) VALUES ('d1-bw-2', 'Intern: nog navragen', 'anna', ?, 1)", (now,))
con.execute("INSERT INTO decision (activity_id, text, author, created_at, version) VALUES ('2023-11-sectortafel', ?, 'anna', ?, 1)",
            ("Twee extra sectortafels; werkagenda, \"concept\"", now))
con.execute("INSERT INTO decision (activity_id, text, author, created_at, version) VALUES ('2023-09-sac', ?, 'bert', ?, 1)",
            (hostile["html"], now))
actions = [
    ("2023-11-sectortafel", "Werkagenda opstellen", "branches", "2024-03-31", 0, "d4-in-1"),
    ("2023-11-sectortafel", hostile["formula"], hostile["bidi"] + " " + hostile["escape"], "2099-01-15", 0, "doel-2"),
    ("2023-04-sectortafel", hostile["c1"], "sac", None, 1, None),
]
for activity, text, owner, due, done, linked in actions:
    con.execute("INSERT INTO action_item (activity_id, text, owner, due_date, done, linked_id, author, created_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, 'anna', ?, 1)", (activity, text, owner, due, done, linked, now))
con.execute("INSERT INTO history (at, author, kind, record_id, subject_id, change, old_value, new_value) "
            "VALUES (?, 'anna', 'status', 'd1-in-1', 'd1-in-1', 'gewijzigd', 'open', 'aangetoond')", (now,))
con.execute("INSERT INTO history (at, author, kind, record_id, subject_id, change, old_value, new_value) "
            "VALUES (?, 'bert', 'note', '1', 'd1-in-1', 'aangemaakt', NULL, ?)", (now, hostile["escape"] + " " + hostile["bidi"]))
con.execute("INSERT INTO meeting (kind, date, start_time, end_time, place, status, author, created_at, version) "
            "VALUES ('sectortafel', '2025-11-14', '13:30', '16:00', 'Den Haag', 'gepland', 'anna', ?, 2)", (now,))
con.execute("INSERT INTO meeting (kind, date, status, minutes, author, created_at, version) "
            "VALUES ('sac vergadering', '2025-12-10', 'vervallen', 'Vervalt wegens de feestdagen', 'anna', ?, 3)", (now,))
# The table grows: an item accepted, a new wording still proposed (never in an export).
con.execute("INSERT INTO table_change (kind, goal_id, goal_column, is_mitigation, item_id, text, state, decided_by, decided_at, author, "
            "created_at, version) VALUES ('toevoeging', 'doel-1', 'resultaten', 0, NULL, ?, 'aanvaard', 'bert', ?, 'anna', ?, 2)",
            ("Werkagenda 2026 vastgesteld op de sectortafel", now, now))
con.execute("INSERT INTO table_change (kind, goal_id, goal_column, is_mitigation, item_id, text, state, author, created_at, version) "
            "VALUES ('herformulering', 'doel-1', 'bewijs', 0, 'd1-bw-4', 'Sac verslagen en notulen (voorstel)', 'voorgesteld', 'anna', ?, 1)", (now,))
con.commit()
con.close()
action_ids = [row[0] for row in sqlite3.connect(db).execute("SELECT id FROM action_item ORDER BY id")]

# Characters that must never reach a terminal or a file: C0 except tab/newline (CR only in CRLF), DEL, C1, bidi.
forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
bytes_checked = 0


def clean(name, text, allow_cr=False, shown=None, stand_ins=("^[", "U+202E")):
    """No forbidden byte anywhere; `shown` (the text as a reader sees it) has the visible stand-ins."""
    global bytes_checked
    bytes_checked += len(text.encode())
    body = text.replace("\r\n", "\n") if allow_cr else text
    found = forbidden.findall(body) + ([] if allow_cr else re.findall("\r", body))
    check(f"{name}: no control or bidi character", not found, repr(found[:5]))
    shown = text if shown is None else shown
    if stand_ins:
        check(f"{name}: what was removed is shown ({' and '.join(stand_ins)})", all(mark in shown for mark in stand_ins))


def rendered(markdown):
    """Markdown as a reader sees it (pandoc's plain text)."""
    return subprocess.run(["pandoc", "-f", "markdown", "-t", "plain"], input=markdown.encode(), capture_output=True, check=True).stdout.decode()


outputs = {}
for fmt in ["markdown", "csv", "csv-nl", "json", "text", "ics"]:
    result = run("export", "--format", fmt)
    check(f"export --format {fmt} exits 0", result.returncode == 0, result.stderr)
    outputs[fmt] = result.stdout.decode("utf-8")
    clean(f"export {fmt}", outputs[fmt], allow_cr=fmt in ("csv", "csv-nl", "ics"),
          shown=rendered(outputs[fmt]) if fmt == "markdown" else outputs[fmt].replace("\r\n ", "") if fmt == "ics" else None)
dumb = run(extra_env={"TERM": "dumb"}).stdout.decode("utf-8")
clean("TERM=dumb", dumb)

# --- xlsx --------------------------------------------------------------------------------------------
xlsx = os.path.join(work, "review.xlsx")
result = run("export", "--format", "xlsx", "--output", xlsx)
check("export --format xlsx writes a file", result.returncode == 0 and os.path.getsize(xlsx) > 0, result.stderr)
book = openpyxl.load_workbook(xlsx)
check("the workbook has a sheet per part", book.sheetnames == ["Tabel", "Notities", "Besluiten", "Acties", "Geschiedenis", "Bijlage 1"], book.sheetnames)
table = book["Tabel"]
header = [cell.value for cell in table[1]]
check("Tabel has Dutch headers", header[:7] == ["Doel", "Uitgangspunt", "Kolom", "Nr", "Tekst", "Subitems", "Status"], header)
check("every sheet freezes its header row", all(book[name].freeze_panes == "A2" for name in book.sheetnames))
check("columns have widths", table.column_dimensions["E"].width >= 50)
rows = list(table.iter_rows(min_row=2, values_only=True))
first_indicator = next(row for row in rows if row[2] == "Indicatoren" and row[0] == 1 and row[3] == 1)
check("the table row of d1-in-1 says aangetoond", first_indicator[6] == "aangetoond", first_indicator)
check("goal numbers are numbers", isinstance(first_indicator[0], int))
check("set-on is a date", isinstance(first_indicator[9], datetime.datetime), first_indicator[9])
check("text cells wrap", table.cell(row=2, column=5).alignment.wrap_text)
texts = [row[4] for row in rows if isinstance(row[4], str)]
check("a mitigation reads '=> …' in Excel, no apostrophe before it", any(t.startswith("=>") for t in texts)
      and not any(t.startswith("'") for t in texts), [t for t in texts if "=>" in t][:2])
acties = list(book["Acties"].iter_rows(min_row=2, values_only=True))
check("Acties: one row per action", len(acties) == 3, acties)
check("a deadline is a date", acties[0][2] == datetime.datetime(2024, 3, 31), acties[0][2])
check("a formula is inert text, as typed (a string cell, no apostrophe)",
      acties[1][0] == hostile["formula"] and book["Acties"].cell(row=3, column=1).data_type == "s")
check("the goal an action serves is named", acties[0][4] == "Doel 4 · Indicatoren 1" and acties[1][4] == "Doel 2", acties[0][4])
check("an action past its date says so", acties[0][3] == "over datum" and acties[2][3] == "afgerond", [a[3] for a in acties])
notities = list(book["Notities"].iter_rows(min_row=2, values_only=True))
check("Notities has the note with its escape made visible", notities[0][1].startswith("Deelnemerslijst bekeken\nBesluit ^[]52;"), notities)
check("Besluiten has both decisions", len(list(book["Besluiten"].iter_rows(min_row=2))) == 2)
check("Geschiedenis has the change", any(row[5:] == ("open", "aangetoond") for row in book["Geschiedenis"].iter_rows(min_row=2, values_only=True)))
with zipfile.ZipFile(xlsx) as archive:
    xml = "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
check("xlsx XML: no control or bidi character", not forbidden.findall(xml.replace("\r\n", "\n")))
bytes_checked += len(xml.encode())

# --- csv and csv-nl -------------------------------------------------------------------------------------
rows = list(csv.reader(io.StringIO(outputs["csv"], newline="")))
check("csv: RFC 4180 with Dutch headers", rows[0] == ["soort", "doel", "kolom", "nummer", "tekst", "status", "notities", "overleg",
                                                      "eigenaar", "deadline", "afgerond", "voor", "vastgelegd door", "id", "overleg-id",
                                                      "voor-id"], rows[0])
check("csv: no BOM, ISO dates, names to read and ids beside them", not outputs["csv"].startswith("\ufeff")
      and any(row[:13] == ["actie", "", "", "", "Werkagenda opstellen", "", "", "Sectortafel november 2023", "branches", "2024-03-31",
                           "nee", "Doel 4 · Indicatoren 1", row[12]] and row[13:] == [str(action_ids[0]), "2023-11-sectortafel", "d4-in-1"]
              for row in rows), [row for row in rows if row[:1] == ["actie"]][:1])
check("csv: formula inert", any(row[4] == "'" + hostile["formula"] for row in rows))
nl = outputs["csv-nl"]
check("csv-nl: BOM, every record ends in CRLF", nl.startswith("\ufeff") and nl.endswith("\r\n") and nl.count("\r\n") == len(rows))
nl_rows = list(csv.reader(io.StringIO(nl.lstrip("\ufeff"), newline=""), delimiter=";"))
check("csv-nl: ';' separated, dates dd-mm-jjjj", any(row[:1] == ["actie"] and row[9] == "31-03-2024" for row in nl_rows))
check("csv-nl: same rows as csv", len(nl_rows) == len(rows) and all(len(row) == 16 for row in nl_rows))
check("csv-nl: Bühne intact", "Bühne" in nl)

# --- ics -----------------------------------------------------------------------------------------------
calendar = icalendar.Calendar.from_ical(outputs["ics"])
todos = [c for c in calendar.walk("VTODO")]
events = [c for c in calendar.walk("VEVENT") if "htno-middag" in str(c["UID"])]
check("ics: one VTODO per action", len(todos) == 3, len(todos))
check("ics: the htno-middagen are VEVENTs on their dates",
      sorted(e.decoded("DTSTART") for e in events) == [datetime.date(2023, 1, 18), datetime.date(2023, 6, 28)])
first = next(t for t in todos if str(t["UID"]) == f"actie-{action_ids[0]}@htno-dialoog")
check("ics: DUE, STATUS, SUMMARY, no RELATED-TO to a meeting the file lacks", first.decoded("DUE") == datetime.date(2024, 3, 31)
      and str(first["STATUS"]) == "NEEDS-ACTION" and str(first["SUMMARY"]) == "Werkagenda opstellen" and "RELATED-TO" not in first)
alarms = [c for c in first.walk("VALARM")]
check("ics: an open action with a deadline carries a reminder the day before", len(alarms) == 1
      and alarms[0].decoded("TRIGGER") == datetime.timedelta(days=-1) and str(alarms[0]["TRIGGER"].params.get("RELATED")) == "END", alarms)
check("ics: DESCRIPTION names owner, meeting and goal", "Eigenaar: branches" in str(first["DESCRIPTION"])
      and "Sectortafel november 2023" in str(first["DESCRIPTION"]) and "Doel 4 · Indicatoren 1" in str(first["DESCRIPTION"]))
check("ics: a done action is COMPLETED", any(str(t["STATUS"]) == "COMPLETED" for t in todos))
check("ics: lines are at most 75 octets", all(len(line.encode()) <= 75 for line in outputs["ics"].split("\r\n")))
again = icalendar.Calendar.from_ical(run("export", "--format", "ics").stdout.decode())
check("ics: a second export has the same UIDs", sorted(str(c["UID"]) for c in again.walk() if "UID" in c)
      == sorted(str(c["UID"]) for c in calendar.walk() if "UID" in c))

meetings = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
sectortafel = meetings.get("overleg-1@htno-dialoog")
check("ics: a later meeting at its time in Dutch time, with a VTIMEZONE", calendar.walk("VTIMEZONE") and sectortafel is not None
      and sectortafel.decoded("DTSTART") == datetime.datetime(2025, 11, 14, 13, 30, tzinfo=sectortafel.decoded("DTSTART").tzinfo)
      and sectortafel.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=1) and str(sectortafel["LOCATION"]) == "Den Haag",
      sectortafel and sectortafel.decoded("DTSTART"))
cancelled = meetings.get("overleg-2@htno-dialoog")
check("ics: a vervallen meeting is CANCELLED, its SEQUENCE after the edits", cancelled is not None and str(cancelled["STATUS"]) == "CANCELLED"
      and int(cancelled["SEQUENCE"]) == 2 and not cancelled.walk("VALARM"))
outlook = icalendar.Calendar.from_ical(run("export", "--format", "ics-afspraken").stdout.decode())
action_events = [e for e in outlook.walk("VEVENT") if str(e["UID"]).startswith("actie-")]
check("ics-afspraken: actions with a deadline as all-day events on it, no VTODO",
      not outlook.walk("VTODO") and len(action_events) == 2
      and any(e.decoded("DTSTART") == datetime.date(2024, 3, 31) and e.decoded("DTEND") == datetime.date(2024, 4, 1) for e in action_events),
      [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in action_events])


def calcurse(ics_text, *query):
    """Imports into a fresh calcurse (Debian's terminal calendar) and asks it what it holds."""
    folder = tempfile.mkdtemp(dir=work)
    path = os.path.join(folder, "import.ics")
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(ics_text)
    # Imported and shown as by a calendar in the Netherlands (calcurse keeps times in its local time).
    dutch = dict(os.environ, TZ="Europe/Amsterdam")
    report = subprocess.run(["calcurse", "-D", folder, "-i", path], capture_output=True, text=True, stdin=subprocess.DEVNULL, env=dutch)
    shown = subprocess.run(["calcurse", "-D", folder, "--input-datefmt", "4", *query], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                           env=dutch)
    return report.stdout + report.stderr, shown.stdout


report, todo_list = calcurse(outputs["ics"], "-t")
check("calcurse: imports the to-dos, middagen and meetings, skips nothing", "1 app / 3 events / 3 todos / 0 skipped" in report, report)
report, day = calcurse(outputs["ics"], "-Q", "--from", "2025-11-14", "--days", "1")
check("calcurse: the sectortafel at 13:30 Dutch time", "13:30 -> 16:00" in day and "Sectortafel 14-11-2025" in day, day)
check("calcurse: lists the open to-do", "Werkagenda opstellen" in todo_list, todo_list)
report, day = calcurse(run("export", "--format", "ics-afspraken").stdout.decode(), "-Q", "--from", "2024-03-31", "--days", "1")
check("calcurse: the Outlook variant shows the action on its deadline", "0 skipped" in report and "Actie: Werkagenda opstellen" in day, report + day)

# --- markdown through pandoc ----------------------------------------------------------------------------
markdown = outputs["markdown"]
check("markdown: no HTML tags and no ids", "<br>" not in markdown and "d1-in-1" not in markdown and "[open]" not in markdown)
ast = json.loads(subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=markdown.encode(), capture_output=True, check=True).stdout)
flat = json.dumps(ast)
check("markdown: pandoc finds no raw HTML, link or emphasis from the data", '"RawInline"' not in flat and '"RawBlock"' not in flat
      and '"Link"' not in flat and "<script>alert(1)</script>" in flat)
headers = [block for block in ast["blocks"] if block["t"] == "Header"]
check("markdown: one level-2 heading per goal", sum(1 for h in headers if h["c"][0] == 2 and json.dumps(h).count("Doel") > 0) >= 6)
docx = os.path.join(work, "review.docx")
subprocess.run(["pandoc", "-f", "markdown", "-o", docx], input=markdown.encode(), check=True)
with zipfile.ZipFile(docx) as archive:
    document = archive.read("word/document.xml").decode()
check("docx: the summary and the actions are real tables", document.count("<w:tbl>") >= 2, document.count("<w:tbl>"))
check("docx: headings for the title, every goal and the columns", document.count('w:val="Heading2"') >= 8 and document.count('w:val="Heading3"') >= 24,
      (document.count('w:val="Heading2"'), document.count('w:val="Heading3"')))
check("docx: the status words are there", "aangetoond" in document and "in behandeling" in document)
check("markdown: items numbered as the notes name them, internal notes left out",
      "4. **open**: Sac verslagen" in markdown and "Intern: nog navragen" not in markdown)
internal = run("export", "--format", "markdown", "--alle-notities").stdout.decode()
check("markdown --alle-notities: internal notes too", re.search(r"\*Bewijs 2\* \(anna, 20-11-2026 \d\d:00\): Intern: nog navragen", internal))
import docx as python_docx  # python-docx, as a Word user's file is read


def column_widths(table):
    """The widths Word gives a table's columns (twips), from the grid pandoc writes."""
    return [int(column.get(python_docx.oxml.ns.qn("w:w"))) for column in table._tbl.tblGrid.findall(python_docx.oxml.ns.qn("w:gridCol"))]


tables = python_docx.Document(docx).tables
summary_widths, action_widths = column_widths(tables[0]), column_widths(tables[-1])
check("docx: the goal column of the summary is the widest", summary_widths[0] == max(summary_widths) and summary_widths[0] > 2 * summary_widths[1],
      summary_widths)
check("docx: the action text column is the widest, dates get room", action_widths[0] == max(action_widths) and action_widths[2] >= 1000,
      action_widths)
with_ids = run("export", "--format", "markdown", "--ids").stdout.decode()
check("markdown --ids: items carry their ids", "`d1-in-1`" in with_ids)

# --- bijlagen ------------------------------------------------------------------------------------------------
appendix_docx = os.path.join(work, "bijlage1.docx")
run("export", "--format", "bijlage1", "--output", appendix_docx)
appendix = python_docx.Document(appendix_docx).tables[0]
check("bijlage1 .docx: a table of the goals, a row per goal and the four columns", len(appendix.rows) == 7 and len(appendix.columns) == 5
      and [c.text for c in appendix.rows[0].cells] == ["Doel", "Winst-risico", "Indicatoren", "Bewijs", "Voorbeelden resultaten"],
      (len(appendix.rows), [c.text for c in appendix.rows[0].cells]))
first_goal = appendix.rows[1].cells
check("bijlage1 .docx: items are paragraphs of their cell, mitigations marked, statuses named",
      first_goal[0].text.startswith("Doel 1") and any(p.text.startswith("=> besluitvorming") for p in first_goal[1].paragraphs)
      and any(p.text.startswith("Actieve betrokkenheid") and p.text.endswith("(aangetoond)") for p in first_goal[2].paragraphs),
      [p.text[:40] for p in first_goal[2].paragraphs])
all_cells = " ".join(c.text for row in appendix.rows for c in row.cells)
check("bijlage1 .docx: the source's apostrophes as printed (thema' s), not curled by pandoc",
      "thema' s" in all_cells and "\u2019" not in all_cells, [t for t in all_cells.split("  ") if "thema" in t][:2])
results_cell = [p.text for p in first_goal[4].paragraphs]
check("bijlage1 .docx: an accepted new item is in its cell, a proposal is not",
      any(t.startswith("Werkagenda 2026 vastgesteld op de sectortafel") for t in results_cell)
      and not any("(voorstel)" in c.text for row in appendix.rows for c in row.cells), results_cell)

# --- export without a database: at a path where none is yet, the table with every item open, nothing created ------
no_db = os.path.join(work, "nog-geen", "review.sqlite")
fresh = subprocess.run([binary, "export", "--format", "text", "--data", "sample-data", "--db", no_db], capture_output=True, env=env)
check("export --db at a path with no database: the table, and no file or folder made",
      fresh.returncode == 0 and b"Doel 1" in fresh.stdout and not os.path.exists(os.path.dirname(no_db)), fresh.stderr)

# --- the empty file scripts/shared-db makes (0 bytes): exported as an empty review, not "no such table" ---------
empty_db = os.path.join(work, "gedeeld-leeg.sqlite")
open(empty_db, "wb").close()
from_empty = subprocess.run([binary, "export", "--format", "text", "--data", "sample-data", "--db", empty_db], capture_output=True, env=env)
check("export on a 0-byte database (scripts/shared-db): the table with every item open",
      from_empty.returncode == 0 and b"Doel 1" in from_empty.stdout and from_empty.stderr == b"" and os.path.getsize(empty_db) == 0,
      from_empty.stderr)

# --- import: a JSON export into an empty database gives the same records (a move to a new server) ----------
def without_moment(text):
    document = json.loads(text)
    document.pop("exportedAt")
    return document
moved_from = run("export", "--format", "json").stdout.decode()
moved_json = os.path.join(work, "verhuizing.json")
with open(moved_json, "w", encoding="utf-8") as handle:
    handle.write(moved_from)
new_db = os.path.join(work, "nieuwe-server.sqlite")
imported = subprocess.run([binary, "import", moved_json, "--db", new_db], capture_output=True, env=env)
check("import: says what it read into the new database", imported.returncode == 0 and b"Ge\xc3\xafmporteerd in " in imported.stdout
      and b"2 wijzigingen van de tabel" in imported.stdout, imported.stdout + imported.stderr)
moved_to = subprocess.run([binary, "export", "--format", "json", "--db", new_db], capture_output=True, env=env).stdout.decode()
check("import: the new database exports the same records and the same document", without_moment(moved_to) == without_moment(moved_from))
again = subprocess.run([binary, "import", moved_json, "--db", new_db], capture_output=True, env=env)
check("import: a database with records is refused in one Dutch line", again.returncode != 0
      and b"heeft al" in again.stderr and b"importeer in een nieuwe (lege) database" in again.stderr and again.stderr.count(b"\n") == 1,
      again.stderr)

cycle_md = run("export", "--format", "bijlage2", "--jaar", "2025").stdout.decode()
cycle_ast = json.dumps(json.loads(subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=cycle_md.encode(), capture_output=True, check=True).stdout))
check("bijlage2 --jaar 2025: the planned meetings as a table pandoc reads", '"Table"' in cycle_ast and "14-11-2025" in cycle_md
      and "sac vergadering (vervallen)" in cycle_md, cycle_md[:300])
check("bijlage2: the source's 2023 cycle month by month", "| November | Sectortafel; Sac vergadering |" in run("export", "--format", "bijlage2").stdout.decode())
check("xlsx: a Bijlage 1 sheet, a row per goal", book.sheetnames[-1] == "Bijlage 1" and book["Bijlage 1"].max_row == 7
      and book["Bijlage 1"]["C2"].value.startswith("1. Actieve betrokkenheid"), book.sheetnames)

# --- samenvatting ------------------------------------------------------------------------------------------
summary = run("samenvatting", "--sinds", "01-11-2026").stdout.decode()
clean("samenvatting", summary, stand_ins=("^[", "U+202E"))
check("samenvatting: the changes per goal, with who", "Doel 1: Draagvlak op alle niveaus" in summary
      and "anna · Indicatoren 1: status: open → aangetoond" in summary, summary[:400])
check("samenvatting: per person and the actions due", "Per persoon" in summary and "- anna: 1 × status" in summary
      and "Acties over datum of deze week af" in summary and "branches · 31-03-2024 (over datum) · Werkagenda opstellen" in summary)
check("samenvatting: a period after the last change has none", "Geen wijzigingen." in run("samenvatting", "--sinds", "0d").stdout.decode())
summary_md = run("samenvatting", "--sinds", "01-11-2026", "--format", "markdown").stdout.decode()
summary_ast = json.dumps(json.loads(subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=summary_md.encode(),
                                                   capture_output=True, check=True).stdout))
check("samenvatting --format markdown: headings and lists for pandoc, nothing raw", '"Header"' in summary_ast and '"BulletList"' in summary_ast
      and '"RawInline"' not in summary_ast and '"RawBlock"' not in summary_ast)
bad = run("samenvatting", "--sinds", "gisteren", expect_ok=False)
check("samenvatting --sinds gisteren: one Dutch line, exit non-zero", bad.returncode != 0 and "is geen periode (7d, 2w, 24u) of dag" in bad.stderr.decode())

# --- agenda ------------------------------------------------------------------------------------------
agenda = run("agenda", "--overleg", "2023-11-sectortafel").stdout.decode()
clean("agenda", agenda, shown=rendered(agenda))
check("agenda: heading names the meeting", agenda.startswith("# Agenda sectortafel november 2023"))
check("agenda: open actions per person, the overdue one marked",
      re.search(r"## Openstaande acties per persoon\n\n### branches\n\n\|.*\n\|.*\n\| Werkagenda opstellen \| 31-03-2024 \| \*\*over datum\*\*", agenda))
check("agenda: a done action is not carried over", hostile["c1"][:9] not in agenda)
check("agenda: items in behandeling and niet aangetoond", "## Items in behandeling\n\n- Doel 2 · Bewijs 1:" in agenda and "## Items niet aangetoond\n\n- Doel 3 · Indicatoren 1:" in agenda)
check("agenda: decisions since the previous meeting (sac september)", "## Besluiten sinds het vorige overleg (Sac vergadering september 2023)\n\n- <script>"
      not in agenda and "## Besluiten sinds het vorige overleg (Sac vergadering september 2023)\n\n- \\<script\\>" in agenda, re.findall("## Besluiten.*", agenda))
first = run("agenda", "--overleg", "2023-01-sac").stdout.decode()
check("agenda: the first meeting of the cycle has none before it", "Dit is het eerste overleg van de cyclus." in first)
check("agenda: an unknown meeting is one Dutch line", run("agenda", "--overleg", "2023-02-pamflet", expect_ok=False).stderr.decode().count("\n") == 1)

# --- the presenter's handout ------------------------------------------------------------------------------
XHTML = "{http://www.w3.org/1999/xhtml}"


def parsed_handout(deck_args, name):
    path = os.path.join(work, name)
    result = subprocess.run([binary, "present", "--data", "sample-data", *deck_args, "--handout", path], capture_output=True,
                            env=env, stdin=subprocess.DEVNULL)
    check(f"present --handout {name} exits 0", result.returncode == 0, result.stderr)
    # A strict parser: any HTML error raises.
    return html5lib.HTMLParser(strict=True).parse(open(path, "rb")), open(path, encoding="utf-8").read()


def text_of(element):
    return " ".join("".join(element.itertext()).split())


document, handout = parsed_handout(["--deck", "htno-middag", "--notes"], "middag.html")
clean("handout", handout, stand_ins=())
sections = document.findall(f".//{XHTML}section")
deck = yaml.safe_load(open("sample-data/decks/htno-middag.yaml", encoding="utf-8"))
check("handout: a section per slide", len(sections) == len(deck["slides"]) == 16, len(sections))
check("handout: self-contained (no external assets)", not re.search(r"<(link|script|img|iframe)\b|url\(|@import", handout))
check("handout: print CSS puts each slide on a page", "@media print" in handout and "section.dia + section.dia { break-before: page; }" in handout)
missing = []
for section, slide in zip(sections, deck["slides"]):
    shown = text_of(section)
    if isinstance(slide, dict):
        texts = [slide.get("titel"), slide.get("ondertitel"), slide.get("citaat"), slide.get("notities")] + slide.get("punten", [])
        missing += [t for t in texts if t and " ".join(t.split()) not in shown]
check("handout: every slide's own text and notes are there", not missing, missing[:3])
check("handout: data slides too (good practice 2, the commitments)", "Nationale Smart Industrie programma 41 erkende Fieldlabs" in handout
      and "Concreet betekent dit dat we:" in handout)
without_notes = parsed_handout(["--deck", "htno-middag"], "zonder.html")[1]
check("handout without --notes has no notes", "<aside" not in without_notes and "Het sac htno organiseert" not in without_notes)
hostile_deck = os.path.join(work, "vijandig.yaml")
with open(hostile_deck, "w", encoding="utf-8") as file:
    file.write('title: "<b>Deck</b> & co"\nslides:\n  - { titel: "<script>alert(1)</script>", punten: ["a < b && c > d", "\\e]52;c;eA==\\a"], '
               'citaat: "\\"dubbel\\" en \'enkel\'", notities: "<img src=x onerror=alert(1)>" }\n  - doel 1\n')
document, hostile_html = parsed_handout(["--deck", hostile_deck, "--notes"], "vijandig.html")
check("handout: hostile deck text stays text", document.find(f".//{XHTML}script") is None and document.find(f".//{XHTML}img") is None
      and document.find(f".//{XHTML}b") is None and "<script>alert(1)</script>" in text_of(document.find(f".//{XHTML}section"))
      and "onerror" in text_of(document.find(f".//{XHTML}aside")))
clean("hostile handout", hostile_html, stand_ins=("^[]52;c;eA==^G",))

# --- errors ------------------------------------------------------------------------------------------
missing = run("export", "--format", "xlsx", "--output", "/nonexistent-htno/x.xlsx", expect_ok=False).stderr.decode()
check("xlsx into a missing folder: one Dutch line", missing == "htno-dialoog: /nonexistent-htno/x.xlsx: de map /nonexistent-htno bestaat niet\n", missing)
full = run("export", "--format", "markdown", "--output", "/dev/full", expect_ok=False).stderr.decode()
check("a full disk: one Dutch line", full == "htno-dialoog: /dev/full: de schijf is vol\n", full)
full_xlsx = run("export", "--format", "xlsx", "--output", "/dev/full", expect_ok=False).stderr.decode()
check("a full disk for the workbook: one Dutch line", full_xlsx == "htno-dialoog: /dev/full: de schijf is vol\n", full_xlsx)
if os.geteuid() == 0 and shutil.which("setpriv"):
    # As an ordinary user (nobody) in a folder that user may not write to.
    closed = os.path.join(work, "closed")
    os.mkdir(closed, 0o755)
    os.chmod(work, 0o755)
    denied = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary, "export", "--data",
                             os.path.abspath("sample-data"), "--format", "xlsx", "--output", os.path.join(closed, "x.xlsx")],
                            capture_output=True, env=dict(env, XDG_DATA_HOME=os.path.join(closed, "xdg")), stdin=subprocess.DEVNULL).stderr.decode()
    check("no permission: one Dutch line", denied == f"htno-dialoog: {closed}/x.xlsx: geen schrijfrechten in {closed}\n", denied)
stdout_xlsx = run("export", "--format", "xlsx", expect_ok=False)
check("xlsx to standard output asks for a file", stdout_xlsx.returncode != 0 and "--output" in stdout_xlsx.stderr.decode())

shutil.rmtree(work)
print(f"exports: {bytes_checked} bytes checked")
finish("exports")
