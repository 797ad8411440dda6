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
    notes: [Note(id: 1, subjectId: "d1-in-1", text: "Deelnemerslijst | januari\nbekeken", author: "jeanneke", createdAt: exportedAt)],
    decisions: [Decision(id: 1, activityId: "2023-11-sectortafel", text: "Twee extra sectortafels", author: "frank", createdAt: exportedAt)],
    actions: [ActionItem(id: 1, activityId: "2023-11-sectortafel", text: "Werkagenda, \"concept\"", owner: "branches",
                         dueDate: "2024-03-31", isDone: false, linkedId: "d4-in-1", author: "frank", createdAt: exportedAt)],
    history: [HistoryEntry(id: 1, at: exportedAt, author: "frank", kind: .status, recordId: "d2-bw-2", subjectId: "d2-bw-2",
                           change: .updated, oldValue: "aangetoond", newValue: "niet aangetoond")]
)

@Suite struct ReviewExporterTests {
    @Test func markdownFollowsBijlage1() {
        let text = ReviewExporter.export(sampleDataset, review: review, format: .markdown, exportedAt: exportedAt)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("| | Winst-risico | Indicatoren | Bewijs | Voorbeelden resultaten peildatum: december 2023 |"))
        #expect(lines.filter { $0.hasPrefix("| **Doel ") }.count == 6)
        let doel1 = lines.first { $0.hasPrefix("| **Doel 1**") } ?? ""
        #expect(doel1.components(separatedBy: " | ").count == 5, "five cells: the pipe in the note is escaped")
        #expect(doel1.contains("[aangetoond] 1. Actieve betrokkenheid"))
        #expect(doel1.contains("_Notitie 25-11-2026 "))
        #expect(doel1.contains("jeanneke: Deelnemerslijst \\| januari<br>bekeken_"))
        #expect(doel1.contains("=> besluitvorming aan de sectortafel"))
        #expect(text.contains("### November 2023 · Sectortafel"))
        #expect(text.contains("- Twee extra sectortafels"))
        #expect(text.contains("| Werkagenda, \"concept\" | branches | 31-03-2024 | open | d4-in-1 |"))
    }

    @Test func csvQuotesFieldsAndHasARowPerItemDecisionAndAction() {
        let text = ReviewExporter.export(sampleDataset, review: review, format: .csv, exportedAt: exportedAt)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "type,goal,column,id,text,status,notes,activity,owner,due_date,done,linked_id")
        #expect(rows.filter { $0.hasPrefix("item,") }.count >= 70)
        #expect(rows.contains { $0.hasPrefix("item,2,Bewijs,d2-bw-2,") && $0.contains(",niet aangetoond,") })
        #expect(rows.contains("action,,,1,\"Werkagenda, \"\"concept\"\"\",,,2023-11-sectortafel,branches,2024-03-31,nee,d4-in-1"))
        #expect(rows.contains("decision,,,1,Twee extra sectortafels,,,2023-11-sectortafel,frank,,,"))
    }

    @Test func jsonIsStructured() throws {
        let text = ReviewExporter.export(sampleDataset, review: review, format: .json, exportedAt: exportedAt)
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
}
