import Foundation
import Testing
import DialoogModel
import ReviewStore

/// Review data refers to sample data by stable ids: correcting a sample file keeps every note attached.
@Suite struct StableIdTests {
    static let sampleData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")

    @Test func correctingAnItemsTextKeepsItsNotesAndStatus() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("htno-ids-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.sampleData, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d6-rs-4", text: "bron nagaan"), author: "j", now: Date())
        _ = try store.apply(.setStatus(itemId: "d6-rs-4", status: .inProgress, expectedVersion: 0), author: "j", now: Date())

        // The source says "bestoigd"; a corrected file fixes the typo and inserts an item before it.
        let file = directory.appendingPathComponent("pilot-goals.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Lobby op modulair in bestoigd onderwijs.", with: "Lobby op modulair en bekostigd onderwijs.")
        text = text.replacingOccurrences(
            of: "      - { id: d6-rs-3, text: \"Lobby op leerrechten\" }\n",
            with: "      - { id: d6-rs-3, text: \"Lobby op leerrechten\" }\n      - { id: d6-rs-8, text: \"Nieuw item\" }\n")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let corrected = try DatasetLoader.load(directory: directory)
        let snapshot = try store.load()
        let location = try #require(corrected.goalItem(id: "d6-rs-4"))
        #expect(location.item == 4, "the item moved down one place")
        #expect(corrected.pilotGoals[5].resultaten[location.item].text == "Lobby op modulair en bekostigd onderwijs.")
        #expect(snapshot.notes(on: "d6-rs-4").map(\.text) == ["bron nagaan"])
        #expect(snapshot.status(of: "d6-rs-4") == .inProgress)
        #expect(snapshot.orphanedIds(in: corrected).isEmpty)
    }

    @Test func removedItemsAreReportedNotDeleted() throws {
        let dataset = try DatasetLoader.load(directory: Self.sampleData)
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d9-xx-1", text: "oud"), author: "j", now: Date())
        let snapshot = try store.load()
        #expect(snapshot.orphanedIds(in: dataset) == ["d9-xx-1"])
        #expect(snapshot.notes.count == 1)
    }
}
