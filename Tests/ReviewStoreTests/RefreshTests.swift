import Foundation
import GRDB
import Testing
import DialoogModel
import TestSupport
@testable import ReviewStore

/// After its own edit a session reads only the record it changed: the result must be what reading
/// everything gives, whatever the edit, its order in the lists, or undoing it.
@Suite struct RefreshTests {
    @Test func aRefreshAfterEachEditEqualsAFullLoad() throws {
        let store = try ReviewDatabase(path: temporaryDatabasePath())
        var generator = SplitMix64(seed: 20)
        var snapshot = try store.load()
        var undo: [ReviewEdit] = []
        for step in 0..<300 {
            let at = now.addingTimeInterval(Double(Int(generator.next() % 1000)))
            let edit = Self.edit(step, in: snapshot, undo: &undo, using: &generator)
            guard let inverse = try? store.apply(edit, author: "jeanneke", now: at) else { continue }
            undo.append(inverse)
            try store.refresh(&snapshot)
            let loaded = try store.load()
            #expect(snapshot == loaded, "step \(step): \(edit)")
            for item in ["d1-in-1", "d2-bw-1", "d3-rs-2"] {
                #expect(snapshot.notes(on: item) == snapshot.notes.filter { $0.subjectId == item }, "the index of notes, step \(step)")
                #expect(snapshot.history(of: item) == snapshot.history.filter { $0.subjectId == item }, "the index of history, step \(step)")
            }
            snapshot = loaded
        }
        #expect(snapshot.notes.count > 10 && snapshot.actions.count > 10 && snapshot.history.count > 200,
                "\(snapshot.notes.count) notes, \(snapshot.actions.count) actions, \(snapshot.history.count) changes")
    }

    /// The notes per subject come from an index made on first use: a copy changed afterwards has its own.
    @Test func aCopyChangedLaterKeepsItsOwnNotesPerSubject() {
        let note = { (id: Int64, subject: String) in Note(id: id, subjectId: subject, text: "n\(id)", author: "a", createdAt: now) }
        let first = ReviewSnapshot(notes: [note(1, "d1-in-1"), note(2, "d2-bw-1")])
        #expect(first.notes(on: "d1-in-1").map(\.id) == [1])
        var second = first
        second.notes.append(note(3, "d1-in-1"))
        #expect(second.notes(on: "d1-in-1").map(\.id) == [1, 3] && first.notes(on: "d1-in-1").map(\.id) == [1])
        second.notes.removeAll { $0.id == 1 }
        #expect(second.notes(on: "d1-in-1").map(\.id) == [3] && second.notes(on: "nergens").isEmpty)
    }

    /// A review only this session holds is changed where it is: one save must not copy 100,000 notes.
    @Test func aRefreshChangesAReviewHeldOnceInPlace() throws {
        let store = try ReviewDatabase(path: temporaryDatabasePath())
        for index in 0..<20 { _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "n\(index)"), author: "a", now: now) }
        var snapshot = try store.load()
        snapshot.notes.reserveCapacity(100)
        snapshot.history.reserveCapacity(100)
        let buffers = { (review: ReviewSnapshot) in
            [review.notes.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) },
             review.history.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }]
        }
        let before = buffers(snapshot)
        let inverse = try store.apply(.updateNote(id: snapshot.notes[3].id, text: "bijgewerkt", expectedVersion: 1), author: "a", now: now)
        try store.refresh(&snapshot)
        #expect(snapshot.notes[3].text == "bijgewerkt" && buffers(snapshot) == before, "changed in place, not copied")
    }

    @Test func aChangeByAnotherProcessIsReadToo() throws {
        let path = temporaryDatabasePath()
        let mine = try ReviewDatabase(path: path)
        let theirs = try ReviewDatabase(path: path)
        var snapshot = try mine.load()
        _ = try theirs.apply(.addNote(subjectId: "d2-bw-1", text: "van een collega"), author: "frank", now: now)
        let inverse = try mine.apply(.addNote(subjectId: "d1-in-1", text: "van mij"), author: "jeanneke", now: now)
        try mine.refresh(&snapshot)
        #expect(snapshot.notes.map(\.text).sorted() == ["van een collega", "van mij"])
        #expect(snapshot == (try mine.load()))
    }

    /// Another instance on the same file reads only what the other wrote, from the history since its last
    /// look: after every few of the colleague's random edits (and undos), its review equals a full load.
    @Test func anotherInstanceReadsWhatChangedAndEqualsAFullLoad() throws {
        let path = temporaryDatabasePath()
        let theirs = try ReviewDatabase(path: path)
        let mine = try ReviewDatabase(path: path)
        var generator = SplitMix64(seed: 24)
        var theirSnapshot = try theirs.load()
        var snapshot = try mine.load()
        var undo: [ReviewEdit] = []
        for step in 0..<300 {
            let edit = Self.edit(step, in: theirSnapshot, undo: &undo, using: &generator)
            if let inverse = try? theirs.apply(edit, author: "frank", now: now.addingTimeInterval(Double(step))) { undo.append(inverse) }
            theirSnapshot = try theirs.load()
            guard generator.next() % 3 == 0 else { continue }
            #expect(mine.hasChangedSinceLoad())
            try mine.refresh(&snapshot)
            #expect(snapshot == (try mine.load()), "step \(step): \(edit)")
            #expect(!mine.hasChangedSinceLoad())
        }
    }

    /// The first refresh reads everything: records that have no history line (written before history was
    /// kept, or by hand) are there from the start.
    @Test func theFirstRefreshReadsEverything() throws {
        let path = try temporaryDatabase(
            writtenDirectly: "INSERT INTO note (subject_id, text, author, created_at, version) VALUES ('d1-in-1', 'zonder geschiedenis', 'x', ?, 1)")
        let store = try ReviewDatabase(path: path)
        var snapshot = ReviewSnapshot.empty
        try store.refresh(&snapshot)
        #expect(snapshot.notes.map(\.text) == ["zonder geschiedenis"])
    }

    /// Meetings, peildata, table changes and people: their short lists are read whole when the history names one.
    @Test func everyKindOfRecordAnotherInstanceWritesIsRead() throws {
        let path = temporaryDatabasePath()
        let theirs = try ReviewDatabase(path: path)
        let mine = try ReviewDatabase(path: path)
        var snapshot = try mine.load()
        _ = try theirs.apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14", startTime: "13:30", place: "Den Haag")]),
                             author: "frank", now: now)
        _ = try theirs.apply(.recordPeildatum(label: "december 2025"), author: "frank", now: now)
        _ = try theirs.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-3", column: .bewijs, text: "Verslag htno-middag 2025")),
                             author: "frank", now: now)
        _ = try theirs.apply(.addPerson(Person(name: "Jan Jansen", author: "", createdAt: now)), author: "frank", now: now)
        try mine.refresh(&snapshot)
        #expect(snapshot.meetings.count == 1 && snapshot.peildata.count == 1 && snapshot.tableChanges.count == 1 && snapshot.people.count == 1)
        #expect(snapshot == (try mine.load()))
    }

    /// A colleague's save is read into this review where it is: the 20 notes are not read (or copied) again.
    @Test func aColleaguesSaveIsReadInPlace() throws {
        let path = temporaryDatabasePath()
        let mine = try ReviewDatabase(path: path)
        let theirs = try ReviewDatabase(path: path)
        for index in 0..<20 { _ = try theirs.apply(.addNote(subjectId: "d1-in-1", text: "n\(index)"), author: "a", now: now) }
        var snapshot = try mine.load()
        snapshot.notes.reserveCapacity(100)
        let buffer = { (review: ReviewSnapshot) in review.notes.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) } }
        let before = buffer(snapshot)
        _ = try theirs.apply(.updateNote(id: snapshot.notes[3].id, text: "van een collega", expectedVersion: 1), author: "frank", now: now)
        try mine.refresh(&snapshot)
        #expect(snapshot.notes[3].text == "van een collega" && buffer(snapshot) == before, "changed in place, not read again")
    }

    /// Adds, updates, deletes, statuses, undos; dates that sort actions ahead of and behind each other.
    static func edit(_ step: Int, in snapshot: ReviewSnapshot, undo: inout [ReviewEdit], using generator: inout SplitMix64) -> ReviewEdit {
        let pick = { (count: Int, generator: inout SplitMix64) in Int(generator.next() % UInt64(max(1, count))) }
        let items = ["d1-in-1", "d2-bw-1", "d3-rs-2"]
        switch generator.next() % 9 {
        case 0: return .addNote(subjectId: items[pick(items.count, &generator)], text: "notitie \(step)")
        case 1 where !snapshot.notes.isEmpty:
            let note = snapshot.notes[pick(snapshot.notes.count, &generator)]
            return .updateNote(id: note.id, text: "bijgewerkt \(step)", expectedVersion: note.version)
        case 2 where snapshot.notes.count > 12:
            let note = snapshot.notes[pick(snapshot.notes.count, &generator)]
            return .deleteNote(id: note.id, expectedVersion: note.version)
        case 3:
            let item = items[pick(items.count, &generator)]
            return .setStatus(itemId: item, status: ReviewStatus.allCases[pick(ReviewStatus.allCases.count, &generator)],
                              expectedVersion: snapshot.statusVersion(of: item))
        case 4: return .addDecision(activityId: "2023-11-sectortafel", text: "besluit \(step)")
        case 5, 6:
            let due: String? = generator.next() % 3 == 0 ? nil : "2024-0\(1 + pick(9, &generator))-1\(pick(9, &generator))"
            return .addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "actie \(step)", owner: "Anna", dueDate: due,
                                         isDone: false, linkedId: nil, author: "", createdAt: now))
        case 7 where !snapshot.actions.isEmpty:
            var action = snapshot.actions[pick(snapshot.actions.count, &generator)]
            action.dueDate = generator.next() % 2 == 0 ? nil : "2025-12-0\(1 + pick(9, &generator))"
            action.isDone.toggle()
            return .updateAction(action)
        default:
            return undo.popLast() ?? .addNote(subjectId: "d1-in-1", text: "notitie \(step)")
        }
    }
}

/// The file at the path is no longer the one opened: deleted (`rm`) or replaced (a backup put back with `mv`).
@Suite struct ReplacedFileTests {
    @Test(arguments: ["verwijderd", "vervangen"])
    func nothingIsWrittenToAFileThatIsNoLongerThere(_ how: String) throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "voor de reservekopie"), author: "a", now: now)
        let backup = path + ".reservekopie"
        try store.backup(to: backup)
        var snapshot = try store.load()
        if how == "verwijderd" {
            try FileManager.default.removeItem(atPath: path)
        } else {
            #expect(rename(backup, path) == 0)
        }
        #expect(store.hasChangedSinceLoad(), "the next idle moment notices it")
        #expect(throws: ReviewDatabase.DatabaseReplaced.self) { try store.refresh(&snapshot) }
        #expect(!store.hasChangedSinceLoad(), "told once, not every second")
        #expect {
            try store.apply(.addNote(subjectId: "d1-in-1", text: "na het \(how)"), author: "a", now: now)
        } throws: { "\($0)".contains("is sinds het openen \(how)") && "\($0)".contains("er is niets geschreven") }
        if how == "vervangen" {
            let reopened = try ReviewDatabase(path: path)
            #expect(try reopened.load().notes.map(\.text) == ["voor de reservekopie"], "the backup, whole, and nothing written into it")
        }
    }
}
