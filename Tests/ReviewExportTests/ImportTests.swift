import Foundation
import Testing
import DialoogModel
@testable import ReviewExport
@testable import ReviewStore

/// A JSON export read into an empty database gives the same records (the secretariat's move to a new
/// server), and Bijlage 1 at a peildatum is the source plus the changes accepted by then.
@Suite struct ImportTests {
    /// A database with one of every kind of record, changed and undone on the way, by two people.
    private func filledDatabase() throws -> ReviewDatabase {
        let store = try ReviewDatabase()
        var clock = Date(timeIntervalSince1970: 1_795_600_800.123)
        let apply = { (edit: ReviewEdit, author: String) throws -> ReviewEdit in
            clock = clock.addingTimeInterval(61.457)
            return try store.apply(edit, author: author, now: clock, discardingDraft: nil)
        }
        _ = try apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 0), "anna")
        _ = try apply(.addNote(subjectId: "d1-in-1", text: "Deelnemerslijst bekeken\nmet “aanhalingstekens” en é"), "anna")
        _ = try apply(.markNote(id: 1, forReport: true, expectedVersion: 1), "bert")
        _ = try apply(.addDecision(activityId: "2023-11-sectortafel", text: "Twee extra sectortafels"), "bert")
        _ = try apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "Werkagenda", owner: "Anna de Vries", dueDate: "2025-03-31",
                                            isDone: false, linkedId: "d4-in-1", author: "", createdAt: clock)), "bert")
        _ = try apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14", startTime: "13:30", place: "Den Haag")]), "anna")
        var meeting = try #require(try store.load().meetings.first)
        meeting.minutes = "Werkagenda besproken."
        meeting.attendance = [.init(name: "Anna de Vries"), .init(name: "Carla", isExcused: true)]
        meeting.agendaPoints = [.init(text: "Opening"), .init(text: "Werkagenda", linkedId: "doel-2")]
        _ = try apply(.updateMeeting(meeting), "anna")
        _ = try apply(.recordPeildatum(label: "december 2024"), "anna")
        _ = try apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-3", column: .bewijs, text: "Verslag htno-middag 2025")), "anna")
        _ = try apply(.decideChange(id: 1, state: .accepted, expectedVersion: 1), "bert")
        let undo = try apply(.addNote(subjectId: "doel-2", text: "weg"), "bert")
        _ = try apply(undo, "bert")
        return store
    }

    @Test func aJSONExportImportsIntoAnEmptyDatabaseAsTheSameRecords() throws {
        let original = try filledDatabase().load()
        let json = try #require(ReviewExporter.text(sampleDataset, review: original, format: .json, options: .init(exportedAt: exportedAt)))
        let records = try ReviewExporter.records(inJSONExport: Data(json.utf8), from: "review.json")
        let moved = try ReviewDatabase()
        try moved.importRecords(records)
        let imported = try moved.load()
        #expect(imported == original, "every record, version, credit and history line is the same")
        #expect(ReviewExporter.text(sampleDataset, review: imported, format: .json, options: .init(exportedAt: exportedAt)) == json)
        // The next id continues after the imported ones, also after note 2, deleted but named in the history; versions go on.
        _ = try moved.apply(.addNote(subjectId: "d1-in-1", text: "op de nieuwe server"), author: "anna", now: exportedAt, discardingDraft: nil)
        let ids = try moved.load().notes.map(\.id).sorted()
        #expect(ids == [1, 3], "\(ids)")
        _ = try moved.apply(.setStatus(itemId: "d1-in-1", status: .inProgress, expectedVersion: 1), author: "anna", now: exportedAt, discardingDraft: nil)

        #expect(throws: ImportTargetNotEmpty.self, "a database with records is never added to") { try moved.importRecords(records) }
        #expect(throws: ExportFailure.self) { try ReviewExporter.records(inJSONExport: Data("{\"goals\": []}".utf8), from: "oud.json") }
        do {
            _ = try ReviewExporter.records(inJSONExport: Data("{\"goals\": []}".utf8), from: "oud.json")
        } catch {
            #expect(error.description == "oud.json: 'records' ontbreekt: geen JSON-export van htno-dialoog 0.4 of later")
        }
    }

    @Test func bijlage1AtAPeildatumHoldsTheChangesAcceptedByThen() throws {
        let store = try ReviewDatabase()
        let first = Date(timeIntervalSince1970: 1_795_600_800)
        _ = try store.apply(.proposeChange(TableChange(kind: .rewording, goalId: "doel-1", column: .bewijs, itemId: "d1-bw-4",
                                                       text: "Sac verslagen en notulen")), author: "anna", now: first, discardingDraft: nil)
        _ = try store.apply(.decideChange(id: 1, state: .accepted, expectedVersion: 1), author: "bert", now: first + 60, discardingDraft: nil)
        _ = try store.apply(.recordPeildatum(label: "december 2024"), author: "anna", now: first + 120, discardingDraft: nil)
        _ = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-1", column: .resultaten, text: "Werkagenda 2026 vastgesteld")),
                            author: "anna", now: first + 180, discardingDraft: nil)
        _ = try store.apply(.decideChange(id: 2, state: .accepted, expectedVersion: 1), author: "bert", now: first + 240, discardingDraft: nil)
        _ = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-1", column: .bewijs, text: "Nog niet besloten")),
                            author: "anna", now: first + 300, discardingDraft: nil)
        let review = try store.load()
        let atPeildatum = ReviewExporter.text(sampleDataset, review: review, format: .appendix1,
                                              options: .init(exportedAt: exportedAt, peildatum: "december 2024")) ?? ""
        let now = ReviewExporter.text(sampleDataset, review: review, format: .appendix1, options: .init(exportedAt: exportedAt)) ?? ""
        #expect(atPeildatum.contains("Sac verslagen en notulen") && !atPeildatum.contains("Werkagenda 2026"), "accepted before: in; after: out")
        #expect(now.contains("Sac verslagen en notulen") && now.contains("Werkagenda 2026 vastgesteld"))
        #expect(!now.contains("Nog niet besloten") && !now.contains("{+"), "a proposal is never in an export")
    }
}
