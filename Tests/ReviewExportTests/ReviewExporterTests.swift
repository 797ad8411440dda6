import Foundation
import Testing
import DialoogModel
@testable import ReviewExport

let sampleDataset: Dataset = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")
    return try! DatasetLoader.load(directory: url)
}()

let exportedAt = Date(timeIntervalSince1970: 1_795_600_800)

let review = ReviewSnapshot(
    statuses: ["d1-in-1": StatusRecord(itemId: "d1-in-1", status: .shown, version: 1, updatedBy: "jeanneke", updatedAt: exportedAt),
               "d2-bw-2": StatusRecord(itemId: "d2-bw-2", status: .notShown, version: 2, updatedBy: "frank", updatedAt: exportedAt)],
    notes: [Note(id: 1, subjectId: "d1-in-1", text: "Deelnemerslijst | januari\nbekeken", author: "jeanneke", createdAt: exportedAt, isForReport: true),
            Note(id: 2, subjectId: "d1-bw-2", text: "Intern: nog navragen bij Frank", author: "jeanneke", createdAt: exportedAt)],
    decisions: [Decision(id: 1, activityId: "2023-11-sectortafel", text: "Twee extra sectortafels", author: "frank", createdAt: exportedAt)],
    actions: [ActionItem(id: 1, activityId: "2023-11-sectortafel", text: "Werkagenda, \"concept\"", owner: "branches",
                         dueDate: "2024-03-31", isDone: false, linkedId: "d4-in-1", author: "frank", createdAt: exportedAt)],
    history: [HistoryEntry(id: 1, at: exportedAt, author: "frank", kind: .status, recordId: "d2-bw-2", subjectId: "d2-bw-2",
                           change: .updated, oldValue: "aangetoond", newValue: "niet aangetoond")]
)

func exported(_ format: ReviewExporter.Format, review: ReviewSnapshot = review, ids: Bool = false) -> String {
    ReviewExporter.text(sampleDataset, review: review, format: format, options: .init(exportedAt: exportedAt, showsIds: ids)) ?? ""
}

@Suite struct ReviewExporterTests {
    @Test func markdownIsReadyForTheJaarverslag() {
        let text = exported(.markdown)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("| Doel | Aangetoond | In behandeling | Open | Niet aangetoond |"))
        #expect(lines.contains("| Doel 1: Draagvlak op alle niveaus | 1 | 0 | 8 | 0 |"))
        #expect(lines.contains("| Totaal | 1 | 0 | 59 | 1 |"))
        #expect(lines.filter { $0.hasPrefix("## Doel ") }.count == 6)
        #expect(lines.contains("## Doel 1: Draagvlak op alle niveaus"))
        #expect(lines.contains("Samenvatting: 1 aangetoond, 0 in behandeling, 8 open, 0 niet aangetoond."))
        #expect(lines.contains("3. => besluitvorming aan de sectortafel over de thema' s"), "mitigations as the source writes them, numbered")
        #expect(lines.contains { $0.hasPrefix("1. **aangetoond**: 1. Actieve betrokkenheid") }, "the status as a word, the item numbered")
        #expect(lines.contains { $0.hasPrefix("4. **open**: Sac verslagen") }, "items numbered as the notes name them (Bewijs 4)")
        #expect(lines.contains("    - Deelnemerslijsten bijeenkomsten"), "sub-items nested under their item")
        #expect(lines.contains("### Voorbeelden resultaten (peildatum december 2023)"))
        #expect(lines.contains("- *Indicatoren 1* (jeanneke, 25-11-2026 11:00): Deelnemerslijst \\| januari\\"))
        #expect(lines.contains("## Besluiten en acties") && lines.contains("### November 2023: Sectortafel"))
        #expect(lines.contains("- Twee extra sectortafels"), "a decision dated by its meeting, not by who typed it when")
        #expect(lines.contains("| Werkagenda, \"concept\" | branches | 31-03-2024 | over datum | Doel 4 · Indicatoren 1 |"))
        #expect(lines.contains("| -------------------------------- | -------------- | ------------- | ------------ | ---------------------- |"),
                "the action text gets the widest column")
        #expect(!text.contains("nog navragen"), "a note not marked for the jaarverslag stays out of the report")
        let everything = ReviewExporter.text(sampleDataset, review: review, format: .markdown,
                                             options: .init(exportedAt: exportedAt, includesInternalNotes: true)) ?? ""
        #expect(everything.contains("- *Bewijs 2* (jeanneke, 25-11-2026 11:00): Intern: nog navragen bij Frank"), "unless asked")
        var onATheme = review
        onATheme.notes.append(Note(id: 3, subjectId: "thema-1", text: "Komt terug in 2025", author: "anna", createdAt: exportedAt, isForReport: true))
        let themeNote = ReviewExporter.text(sampleDataset, review: onATheme, format: .markdown, options: .init(exportedAt: exportedAt)) ?? ""
        #expect(themeNote.contains("## Notities bij overleggen, thema's, cases, voorbeelden, cijfers en bronnen\n\n- *Thema 1* (anna, 25-11-2026 11:00): Komt terug in 2025"))
        let json = try! JSONSerialization.jsonObject(with: Data(exported(.json, review: onATheme).utf8)) as! [String: Any]
        let other = (json["otherNotes"] as? [[String: Any]])?.first
        #expect(other?["subjectId"] as? String == "thema-1" && other?["place"] as? String == "Thema 1", "JSON has notes on other places")
        #expect(!text.contains("<br>") && !text.contains("d1-in-1") && !text.contains("[open]"), "no HTML, no ids, no tags")
        #expect(exported(.markdown, ids: true).contains("1. **aangetoond**: 1. Actieve betrokkenheid voor de thema' s voor de lange termijn (5-10 jaar). Vast te stellen aan de hand van: (`d1-in-1`)"))
    }

    @Test func markdownTextFromTheDataMeansOnlyWhatItSays() {
        #expect(MarkdownText.inline("<b>*vet*</b> [x](y) | #1 `c`") == "\\<b\\>\\*vet\\*\\</b\\> \\[x\\](y) \\| \\#1 \\`c\\`")
        #expect(MarkdownText.listItem("1. eerste") == "- 1\\. eerste", "no nested ordered list")
        #expect(MarkdownText.listItem("- streep") == "- \\- streep")
        #expect(MarkdownText.inline("twee\nregels") == "twee\\\n  regels", "a line break stays a hard break inside the item")
        #expect(MarkdownText.inline("Conclusie\n---\n1. punt\n+ x") == "Conclusie\\\n  \\---\\\n  1\\. punt\\\n  \\+ x",
                "no later line starts a list or makes the line above a heading")
        #expect(MarkdownText.inline("a &amp; b") == "a \\&amp; b", "entities stay text")
    }

    @Test func csvQuotesFieldsAndHasARowPerItemDecisionAndAction() {
        let rows = exported(.csv).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "soort,doel,kolom,nummer,tekst,status,notities,overleg,eigenaar,deadline,afgerond,voor,vastgelegd door,id,overleg-id,voor-id")
        #expect(rows.filter { $0.hasPrefix("item,") }.count >= 70)
        #expect(rows.contains { $0.hasPrefix("item,2,Bewijs,2,") && $0.contains(",niet aangetoond,") && $0.hasSuffix(",d2-bw-2,,") })
        #expect(rows.contains("actie,,,,\"Werkagenda, \"\"concept\"\"\",,,Sectortafel november 2023,branches,2024-03-31,nee,"
                              + "Doel 4 · Indicatoren 1,frank,1,2023-11-sectortafel,d4-in-1"), "names to read, ids beside them")
        #expect(rows.contains("besluit,,,,Twee extra sectortafels,,,Sectortafel november 2023,,,,,frank,1,2023-11-sectortafel,"),
                "a decision has no owner; who recorded it has a column of its own")
    }

    @Test func dutchExcelCSVHasSemicolonsBOMAndDutchDates() {
        let text = exported(.csvNL)
        #expect(text.hasPrefix("\u{FEFF}soort;doel;kolom;nummer;"))
        #expect(text.contains("\r\nactie;;;;\"Werkagenda, \"\"concept\"\"\";;;Sectortafel november 2023;branches;31-03-2024;nee;"
                              + "Doel 4 · Indicatoren 1;frank;1;2023-11-sectortafel;d4-in-1\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == exported(.csv).components(separatedBy: "\r\n").count)
    }

    @Test func jsonIsStructured() throws {
        let text = exported(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["peildatum"] as? String == "december 2023")
        let goals = try #require(object["goals"] as? [[String: Any]])
        #expect(goals.count == 6)
        let indicators = try #require((goals[0]["columns"] as? [String: Any])?["Indicatoren"] as? [[String: Any]])
        #expect(indicators[0]["status"] as? String == "aangetoond")
        #expect((indicators[0]["notes"] as? [[String: Any]])?.first?["author"] as? String == "jeanneke")
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.map { $0["activityId"] as? String } == ["2023-11-sectortafel"])
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.first?["author"] as? String == "frank")
        #expect(history.first?["oldValue"] as? String == "aangetoond" && history.first?["newValue"] as? String == "niet aangetoond")
    }

    @Test func calendarHasTodosWithStableUIDsAndTheMiddagen() {
        let text = exported(.ics)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.contains("END:VCALENDAR"))
        #expect(lines.contains("UID:actie-1@htno-dialoog") && lines.contains("DUE;VALUE=DATE:20240331"))
        #expect(lines.contains("STATUS:NEEDS-ACTION"))
        #expect(!lines.contains { $0.hasPrefix("RELATED-TO") }, "no relation to a meeting the file does not contain")
        #expect(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:-P1D\r\n"), "a reminder the day before the deadline")
        #expect(lines.contains("SUMMARY:Werkagenda\\, \"concept\""), "commas escaped")
        #expect(lines.contains("DTSTART;VALUE=DATE:20230118") && lines.contains("DTEND;VALUE=DATE:20230119"))
        #expect(lines.contains("LOCATION:HU in Amersfoort"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        let later = ReviewExporter.text(sampleDataset, review: review, format: .ics, options: .init(exportedAt: exportedAt.addingTimeInterval(86_400))) ?? ""
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(later) == uids(text), "a later export updates, never duplicates")
    }

    @Test func outlookGetsActionsAsAllDayEventsOnTheirDeadline() {
        var withMiddagAction = review
        withMiddagAction.actions.append(ActionItem(id: 2, activityId: "2023-06-htno-middag", text: "Evaluatie rondsturen", owner: "anna",
                                                   dueDate: nil, isDone: false, linkedId: nil, author: "anna", createdAt: exportedAt))
        let text = exported(.icsEvents, review: withMiddagAction)
        let lines = text.components(separatedBy: "\r\n")
        #expect(!text.contains("BEGIN:VTODO"))
        #expect(lines.contains("UID:actie-1@htno-dialoog") && lines.contains("DTSTART;VALUE=DATE:20240331") && lines.contains("DTEND;VALUE=DATE:20240401"))
        #expect(lines.contains("SUMMARY:Actie: Werkagenda\\, \"concept\"") && lines.contains("TRIGGER:-P1D"))
        #expect(!text.contains("Evaluatie rondsturen"), "an action without a deadline has no day to stand on")
        let todos = exported(.ics, review: withMiddagAction)
        #expect(todos.contains("RELATED-TO:overleg-2023-06-htno-middag@htno-dialoog"), "a middag the file holds may be named")
    }

    @Test func laterMeetingsAreEventsInDutchTimeAndACancellationCancels() {
        var later = review
        later.meetings = [Meeting(id: 3, kind: "sectortafel", date: "2025-11-14", startTime: "13:30", endTime: "16:00", place: "Den Haag", version: 2),
                          Meeting(id: 4, kind: "sac vergadering", date: "2025-12-10", status: .cancelled)]
        later.actions.append(ActionItem(id: 5, activityId: "overleg-3", text: "Zaal", owner: "anna", dueDate: "2025-11-01", isDone: false,
                                        linkedId: nil, author: "anna", createdAt: exportedAt))
        let lines = exported(.ics, review: later).components(separatedBy: "\r\n")
        #expect(lines.contains("BEGIN:VTIMEZONE") && lines.contains("TZID:Europe/Amsterdam"))
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20251114T133000") && lines.contains("DTEND;TZID=Europe/Amsterdam:20251114T160000"))
        #expect(lines.contains("UID:overleg-3@htno-dialoog") && lines.contains("SEQUENCE:1") && lines.contains("TRIGGER:-P2D"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20251210") && lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("RELATED-TO:overleg-3@htno-dialoog"), "an action relates to its meeting, which the file holds")
    }

    @Test func foldingNeverSplitsACharacter() {
        let folded = CalendarExport.folded("SUMMARY:" + String(repeating: "ë", count: 80))
        #expect(folded.components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 && !$0.contains("\u{FFFD}") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "ë", count: 80))
    }

    @Test func workbookHasASheetPerPartWithDatesAsDates() {
        let sheets = WorkbookExport(dataset: sampleDataset, review: review, options: .init(exportedAt: exportedAt)).sheets
        #expect(sheets.map(\.name) == ["Tabel", "Notities", "Besluiten", "Acties", "Geschiedenis", "Bijlage 1"])
        #expect(sheets[0].columns.prefix(3).map(\.title) == ["Doel", "Uitgangspunt", "Kolom"])
        #expect(sheets.allSatisfy { sheet in sheet.rows.allSatisfy { $0.count == sheet.columns.count } })
        #expect(sheets[3].rows[0][2] == .day("2024-03-31") && sheets[3].rows[0][3] == .text("over datum"))
        #expect(sheets[1].rows[0][3] == .moment(exportedAt))
        #expect(sheets[4].rows[0][5...] == [.text("aangetoond"), .text("niet aangetoond")])
    }

    @Test func workbookFileOpensAsAZipWithItsSheets() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("htno-\(UUID().uuidString).xlsx").path
        try ReviewExporter.write(sampleDataset, review: review, format: .xlsx, options: .init(exportedAt: exportedAt), to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(2) == Data("PK".utf8) && bytes.count > 5_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix(".htno-") && $0.hasSuffix(".tmp") }.isEmpty, "no temporary file left behind")
    }

    @Test func exportErrorsAreOneDutchLine() {
        #expect(throws: ExportFailure.self) {
            try ReviewExporter.write(sampleDataset, review: review, format: .xlsx, options: .init(exportedAt: exportedAt), to: "/nonexistent-htno/x.xlsx")
        }
        do {
            try ReviewExporter.write(sampleDataset, review: review, format: .markdown, options: .init(exportedAt: exportedAt), to: "/dev/full")
            Issue.record("a full disk went unnoticed")
        } catch {
            #expect(error.description == "/dev/full: de schijf is vol")
        }
    }

    @Test func agendaCarriesOpenActionsItemsAndRecentDecisions() throws {
        var withDecisions = review
        withDecisions.decisions.append(Decision(id: 2, activityId: "2023-09-sac", text: "Lobby macrodoelmatigheid", author: "anna", createdAt: exportedAt))
        withDecisions.statuses["d2-bw-1"] = StatusRecord(itemId: "d2-bw-1", status: .inProgress, version: 1, updatedBy: "anna", updatedAt: exportedAt)
        let agenda = try ReviewExporter.agenda(sampleDataset, review: withDecisions, meetingId: "2023-11-sectortafel", options: .init(exportedAt: exportedAt))
        #expect(agenda.hasPrefix("# Agenda sectortafel november 2023\n"))
        #expect(agenda.contains("## Openstaande acties per persoon\n\n### branches\n\n| Actie | Deadline |"), "open actions per person")
        #expect(agenda.contains("| Werkagenda, \"concept\" | 31-03-2024 | **over datum** | Doel 4 · Indicatoren 1 | Sectortafel november 2023 |"))
        #expect(agenda.contains("## Items in behandeling\n\n- Doel 2 · Bewijs 1: "))
        #expect(agenda.contains("## Items niet aangetoond\n\n- Doel 2 · Bewijs 2: "))
        #expect(agenda.contains("## Besluiten sinds het vorige overleg (Sac vergadering september 2023)\n\n- Lobby macrodoelmatigheid (Sac vergadering september 2023)\n"))
        #expect(!agenda.contains("Twee extra sectortafels"), "decisions of this meeting itself are not 'since the previous one'")
        #expect(throws: ExportFailure.self) { try ReviewExporter.agenda(sampleDataset, review: review, meetingId: "2023-02-pamflet", options: .init(exportedAt: exportedAt)) }
        // A later meeting: its agenda points, and the decisions since the previous meeting (the last of 2023 here).
        var later = withDecisions
        later.decisions.append(Decision(id: 3, activityId: "2023-11-sac", text: "Thema instroom voor 2025", author: "anna", createdAt: exportedAt))
        later.meetings = [Meeting(id: 4, kind: "sectortafel", date: "2025-11-14", agendaPoints: [.init(text: "Opening"), .init(text: "Werkagenda", linkedId: "doel-2")]),
                          Meeting(id: 5, kind: "sac vergadering", date: "2025-12-10", status: .cancelled)]
        let next = try ReviewExporter.agenda(sampleDataset, review: later, meetingId: "overleg-4", options: .init(exportedAt: exportedAt))
        #expect(next.hasPrefix("# Agenda sectortafel 14-11-2025\n"))
        #expect(next.contains("## Agendapunten\n\n1. Opening\n2. Werkagenda (Doel 2)\n"))
        #expect(next.contains("## Besluiten sinds het vorige overleg (Sac vergadering november 2023)\n\n- Thema instroom voor 2025 (Sac vergadering november 2023)\n"))
        later.decisions.append(Decision(id: 4, activityId: "overleg-5", text: "Vervalt; besluit per mail", author: "anna", createdAt: exportedAt))
        later.meetings.append(Meeting(id: 6, kind: "sectortafel", date: "2026-01-20"))
        let afterCancelled = try ReviewExporter.agenda(sampleDataset, review: later, meetingId: "overleg-6", options: .init(exportedAt: exportedAt))
        #expect(afterCancelled.contains("(Sectortafel 14-11-2025)\n\n- Vervalt; besluit per mail (Sac vergadering 10-12-2025)"),
                "a cancelled meeting's decisions still count for the next agenda")
        #expect(throws: ExportFailure.self, "a cancelled meeting has no agenda") {
            try ReviewExporter.agenda(sampleDataset, review: later, meetingId: "overleg-5", options: .init(exportedAt: exportedAt))
        }
        #expect(later.nextAgendaMeetingId(in: sampleDataset, today: "2025-11-01") == "overleg-4")
        #expect(later.nextAgendaMeetingId(in: sampleDataset, today: "2025-11-20") == "overleg-6",
                "a cancelled meeting is passed over")
        #expect(later.nextAgendaMeetingId(in: sampleDataset, today: "2026-11-20") == "2023-11-sectortafel",
                "after the last planned meeting: the cycle's")
        #expect(sampleDataset.cycle.nextAgendaMeeting(inOrAfter: 11)?.id == "2023-11-sectortafel")
        #expect(sampleDataset.cycle.nextAgendaMeeting(inOrAfter: 12)?.id == "2023-01-sac", "the cycle repeats")
        #expect(sampleDataset.cycle.nextAgendaMeeting(inOrAfter: 6)?.id == "2023-09-sac")
    }
}

/// The jaarverslag's appendices: a grid table pandoc reads as real cells.
@Suite struct AppendixTests {
    @Test func aNumberedItemWrapsUnderItsTextSoNoLineStartsAList() {
        #expect(GridTable.hanging("12. één twee drie vier 2. vijf", width: 14) == ["12. één twee", "    drie vier", "    2. vijf"])
        #expect(GridTable.wrap("domeinvoorzitters", width: 8) == ["domeinvo", "orzitter", "s"], "a word wider than its column is cut")
        #expect(GridTable.hanging("    - Deelnemerslijsten bijeenkomsten", width: 24) == ["    - Deelnemerslijsten", "      bijeenkomsten"],
                "a sub-item's lines stay under it")
    }

    @Test func bijlage1HasARowPerGoalWithEveryItem() {
        let text = exported(.appendix1)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("+-") }
        #expect(rows.count == 7, "a rule above the header and under each of the six goals")
        #expect(text.contains("| **Doel 1**") && text.contains("| 3. => besluitvorming aan de"), "mitigations marked as the source does")
        #expect(text.contains("| 1. Actieve betrokkenheid") && !text.contains("1. 1. Actieve"), "an item the source numbers keeps its own number")
        #expect(text.contains("|     - Deelnemerslijsten"), "sub-items under their item")
        var judged = review
        judged.peildata = [Peildatum(id: 1, label: "december 2024", takenAt: exportedAt, author: "anna", statuses: ["d1-in-1": .notShown])]
        let atPeildatum = ReviewExporter.text(sampleDataset, review: judged, format: .appendix1, options: .init(exportedAt: exportedAt, peildatum: "december 2024")) ?? ""
        #expect(atPeildatum.contains("Peildatum december 2024: status") && atPeildatum.contains("(niet") && !text.contains("(niet aangetoond)\n| **Doel 1"),
                "the statuses of the peildatum, not of now")
        let lengths = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("|") || $0.hasPrefix("+") }.map(\.count))
        #expect(lengths.count == 1, "every line of the grid is as wide as the rules")
    }
}

/// The weekly summary: what changed since a moment, per goal, meeting and person, and what falls due.
@Suite struct SummaryExportTests {
    @Test func aPeriodIsTypedAsDaysWeeksHoursOrADay() throws {
        #expect(SummaryExport.since("7d", now: exportedAt) == exportedAt.addingTimeInterval(-7 * 86_400))
        #expect(SummaryExport.since("2w", now: exportedAt) == exportedAt.addingTimeInterval(-14 * 86_400))
        #expect(SummaryExport.since("24u", now: exportedAt) == exportedAt.addingTimeInterval(-86_400))
        let day = try #require(SummaryExport.since("01-12-2026", now: exportedAt))
        #expect(DutchDate.timestamp(day) == "01-12-2026 00:00", "a day from its start in Dutch time")
        #expect(SummaryExport.since("gisteren", now: exportedAt) == nil && SummaryExport.since("-3d", now: exportedAt) == nil)
    }

    @Test func changesAreGroupedPerGoalMeetingAndPerson() {
        let since = exportedAt.addingTimeInterval(-3600)
        var recent = review
        recent.history += [
            HistoryEntry(id: 2, at: exportedAt, author: "anna", kind: .note, recordId: "1", subjectId: "d1-in-1", change: .created,
                         oldValue: nil, newValue: "Deelnemerslijst"),
            HistoryEntry(id: 3, at: exportedAt, author: "frank", kind: .decision, recordId: "1", subjectId: "2023-11-sectortafel",
                         change: .created, oldValue: nil, newValue: "Twee extra sectortafels"),
        ]
        let changes = ReviewChanges(review: recent, dataset: sampleDataset, since: since, today: "2024-03-28")
        #expect(changes.sections.map(\.title) == ["Doel 1: Draagvlak op alle niveaus", "Doel 2: Realiseren van concrete acties",
                                                  "Sectortafel november 2023", "Per persoon", "Acties over datum of deze week af"])
        #expect(changes.byWhom == "3 wijzigingen door frank (2) en anna (1)")
        #expect(changes.sections[3].lines.map(\.text) == ["anna: 1 × notitie", "frank: 1 × status, 1 × besluit"])
        #expect(changes.sections[4].lines.map(\.text) == ["branches · 31-03-2024 · Werkagenda, \"concept\" · Sectortafel november 2023"],
                "due within the week, not yet over")
        let mine = ReviewChanges(review: recent, dataset: sampleDataset, since: since, today: "2024-03-28", excluding: "frank")
        #expect(mine.byWhom == "1 wijziging door anna (1)", "one's own changes are left out")
        let text = SummaryExport.text(changes, format: .text, exportedAt: exportedAt)
        #expect(text.hasPrefix("Wijzigingen in de review sinds 25-11-2026 10:00\n"))
        #expect(text.contains("\nDoel 1: Draagvlak op alle niveaus\n---------------------------------\n- 25-11-2026 11:00 · anna · Indicatoren 1: notitie aangemaakt: “Deelnemerslijst”\n"))
    }
}
