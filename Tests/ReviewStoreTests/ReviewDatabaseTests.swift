import Foundation
import GRDB
import Testing
import DialoogModel
import TestSupport
@testable import ReviewStore

let now = Date(timeIntervalSince1970: 1_764_000_000)

/// A database path in a new, existing folder (an explicit path in a missing folder is an error).
func temporaryDatabasePath() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-review-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("review.sqlite").path
}

/// A new review database at a temporary path with one statement run on it behind the store's back (as an
/// older version, another tool or a hand wrote it); `?` in it is `now`.
func temporaryDatabase(writtenDirectly sql: String) throws -> String {
    let path = temporaryDatabasePath()
    _ = try ReviewDatabase(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: sql, arguments: [now]) }
    try queue.close()
    return path
}

@Suite struct ReviewDatabaseTests {
    @Test func statusesAreStoredAndUndone() throws {
        let store = try ReviewDatabase()
        let undo = try store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 0), author: "jeanneke", now: now)
        #expect(try store.load().status(of: "d1-in-1") == .shown)
        #expect(undo == .setStatus(itemId: "d1-in-1", status: .open, expectedVersion: 1))
        let undoSecond = try store.apply(.setStatus(itemId: "d1-in-1", status: .notShown, expectedVersion: 1), author: "jeanneke", now: now)
        #expect(undoSecond == .setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 2))
        _ = try store.apply(undoSecond, author: "jeanneke", now: now)
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .open, expectedVersion: 3), author: "jeanneke", now: now)
        #expect(try store.load().status(of: "d1-in-1") == .open)
        #expect(try store.load().statusVersion(of: "d1-in-1") == 4, "open is stored too, so the version keeps counting")
    }

    /// Undoing a delete brings the record back as it was: not "bewerkt door" whoever pressed undo, who is
    /// named in the history instead.
    @Test func anUndeletedNoteKeepsItsCredits() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "van anna"), author: "anna", now: now)
        let note = try #require(try store.load().notes.first)
        let undo = try store.apply(.deleteNote(id: note.id, expectedVersion: note.version), author: "bert", now: now)
        _ = try store.apply(undo, author: "bert", now: now.addingTimeInterval(60))
        let restored = try #require(try store.load().notes.first)
        #expect(restored.text == "van anna" && restored.author == "anna" && restored.updatedBy == nil && restored.updatedAt == nil)
        #expect(restored.version == note.version + 1, "the version goes on")
        #expect(try store.load().history.last.map { [$0.author, $0.change.rawValue] } == ["bert", "teruggezet"])
    }

    @Test func notesKeepAuthorDateAndUTF8() throws {
        let store = try ReviewDatabase()
        let undo = try store.apply(.addNote(subjectId: "d2-bw-1", text: "Pamflet II bekeken: bèta, geïnterviewden ✓\ntweede regel"),
                                   author: "jeanneke", now: now)
        let notes = try store.load().notes(on: "d2-bw-1")
        #expect(notes.count == 1)
        #expect(notes[0].text == "Pamflet II bekeken: bèta, geïnterviewden ✓\ntweede regel")
        #expect(notes[0].author == "jeanneke")
        #expect(abs(notes[0].createdAt.timeIntervalSince(now)) < 0.01)
        let undoEdit = try store.apply(.updateNote(id: notes[0].id, text: "nieuw", expectedVersion: 1), author: "frank", now: now)
        #expect(try store.load().notes[0].text == "nieuw")
        let redoEdit = try store.apply(undoEdit, author: "frank", now: now)
        #expect(try store.load().notes[0].text.hasPrefix("Pamflet II"))
        #expect(redoEdit == .updateNote(id: notes[0].id, text: "nieuw", expectedVersion: 3))
        #expect(undo == .deleteNote(id: notes[0].id, expectedVersion: 1))
        #expect(throws: ReviewConflict.self, "the note changed since it was added: the add is not undone") {
            try store.apply(undo, author: "jeanneke", now: now)
        }
        let restore = try store.apply(.deleteNote(id: notes[0].id, expectedVersion: 3), author: "frank", now: now)
        #expect(try store.load().notes.isEmpty)
        _ = try store.apply(restore, author: "frank", now: now)
        #expect(try store.load().notes.map(\.id) == [notes[0].id], "undoing a delete brings the same note back")
    }

    @Test func decisionsAndActionItems() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addDecision(activityId: "2023-11-sectortafel", text: "Werkagenda in Q1 2024"), author: "j", now: now)
        let draft = ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "Werkagenda opstellen", owner: "branches",
                               dueDate: "2024-03-31", isDone: false, linkedId: "d4-in-1", author: "", createdAt: now)
        _ = try store.apply(.addAction(draft), author: "j", now: now)
        var snapshot = try store.load()
        #expect(snapshot.decisions(at: "2023-11-sectortafel").map(\.text) == ["Werkagenda in Q1 2024"])
        var action = try #require(snapshot.actions.first)
        #expect(action.owner == "branches" && action.linkedId == "d4-in-1" && action.author == "j")
        #expect(action.isPastDue(today: "2024-04-01"))
        #expect(!action.isPastDue(today: "2024-03-31"))
        action.isDone = true
        let undo = try store.apply(.updateAction(action), author: "j", now: now)
        snapshot = try store.load()
        #expect(snapshot.actions[0].isDone)
        #expect(!snapshot.actions[0].isPastDue(today: "2025-01-01"))
        _ = try store.apply(undo, author: "j", now: now)
        #expect(try store.load().actions[0].isDone == false)
        #expect(try store.load().actions(servingItem: "d4-in-1").count == 1)
    }

    @Test func badDueDateIsRejectedByTheSchema() throws {
        let store = try ReviewDatabase()
        let draft = ActionItem(id: 0, activityId: "2023-04-sectortafel", text: "x", owner: "y", dueDate: "31-03-2024",
                               isDone: false, linkedId: nil, author: "", createdAt: now)
        #expect(throws: (any Error).self) { try store.apply(.addAction(draft), author: "j", now: now) }
        #expect(try store.load().actions.isEmpty)
    }

    @Test func everyEditIsOnDiskBeforeApplyReturns() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        _ = try store.apply(.addNote(subjectId: "d5-rs-2", text: "direct bewaard"), author: "j", now: now)
        // A second, independent connection (another process would do the same) sees it at once.
        let other = try DatabaseQueue(path: path)
        let count = try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM note WHERE text = 'direct bewaard'") }
        #expect(count == 1)
        let mode = try other.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func twoInstancesSeeEachOthersChangesAfterRefresh() throws {
        let path = temporaryDatabasePath()
        let first = try ReviewDatabase(path: path)
        let second = try ReviewDatabase(path: path)
        _ = try second.load()
        #expect(!second.hasChangedSinceLoad())
        _ = try first.apply(.setStatus(itemId: "d3-bw-1", status: .inProgress, expectedVersion: 0), author: "a", now: now)
        _ = try second.apply(.addNote(subjectId: "d3-bw-1", text: "van b"), author: "b", now: now)
        #expect(second.hasChangedSinceLoad())
        let seen = try second.load()
        #expect(seen.status(of: "d3-bw-1") == .inProgress)
        #expect(seen.notes.map(\.text) == ["van b"])
        #expect(!second.hasChangedSinceLoad())
        #expect(try first.load().notes.map(\.text) == ["van b"])
    }
}

@Suite struct MigrationTests {
    @Test func fromAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        try ReviewSchema.migrator.migrate(queue)
        let applied = try queue.read { try ReviewSchema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(ReviewSchema.versions))
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(Set(["action_item", "decision", "item_status", "note", "revision"]).isSubset(of: Set(tables)))
    }

    @Test func fromThePreviousSchemaVersionKeepsItsData() throws {
        let path = temporaryDatabasePath()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: path)
            try ReviewSchema.migrator.migrate(queue, upTo: ReviewSchema.versions[0])
            try queue.write { db in
                try db.execute(sql: "INSERT INTO item_status (item_id, status, updated_by, updated_at) VALUES ('d1-bw-3', 'aangetoond', 'v1', ?)",
                               arguments: [now])
                try db.execute(sql: "INSERT INTO note (subject_id, text, author, created_at) VALUES ('d1-bw-3', 'uit versie 1', 'v1', ?)",
                               arguments: [now])
            }
            let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            #expect(!tables.contains("action_item"))
        }
        let migrated = try ReviewDatabase(path: path)
        let snapshot = try migrated.load()
        #expect(snapshot.status(of: "d1-bw-3") == .shown)
        #expect(snapshot.notes.map(\.text) == ["uit versie 1"])
        #expect(snapshot.actions.isEmpty)
        #expect(snapshot.notes.first?.version == 1 && snapshot.statusVersion(of: "d1-bw-3") == 1, "old records start at version 1")
        _ = try migrated.apply(.addDecision(activityId: "2023-04-sectortafel", text: "na migratie"), author: "v2", now: now)
        #expect(try migrated.load().decisions.count == 1)
    }
}

@Suite struct FaultTests {
    @Test func aReadOnlyDatabaseReadsAndRefusesEditsClearly() throws {
        let path = temporaryDatabasePath()
        _ = try ReviewDatabase(path: path).apply(.addNote(subjectId: "d1-in-1", text: "bewaard"), author: "j", now: now)
        let readOnly = try ReviewDatabase(path: path, readOnly: true)
        #expect(readOnly.isReadOnly)
        #expect(try readOnly.load().notes.map(\.text) == ["bewaard"])
        #expect {
            _ = try readOnly.apply(.addNote(subjectId: "d1-in-1", text: "nieuw"), author: "j", now: now)
        } throws: { error in
            String(describing: error) == "de reviewdatabase is alleen-lezen geopend (gevraagd met --read-only)"
        }
    }

    /// Odd paths get one clear line: a link to nothing (its target is not created), a FIFO (no hang); the
    /// empty file scripts/shared-db makes reads as an empty review.
    @Test func oddPathsAreRefusedAndAnEmptyFileIsAnEmptyReview() throws {
        let folder = URL(fileURLWithPath: temporaryDatabasePath()).deletingLastPathComponent().path
        let link = folder + "/link.sqlite", target = folder + "/geplant.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect {
            try ReviewDatabase(path: link)
        } throws: { "\($0)" == "\(link): is een verwijzing (symbolische link) naar \(target) die nergens heen wijst; er is niets aangemaakt" }
        #expect(!FileManager.default.fileExists(atPath: target))
        let fifo = folder + "/fifo.sqlite"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect { try ReviewDatabase(path: fifo, readOnly: true) } throws: { "\($0)" == "\(fifo): is een FIFO (named pipe), geen databasebestand" }
        let empty = folder + "/leeg.sqlite"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try ReviewDatabase(path: empty, readOnly: true).load() == .empty)
        #expect(try ReviewDatabase(path: empty).load() == .empty, "and the first start fills it")
    }

    /// Text another program wrote with a NUL inside keeps all of it, the NUL made visible: in a load, in a
    /// refresh, and in the text a conflict shows.
    @Test func aNulInsideDatabaseTextKeepsTheRest() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        var snapshot = try store.load()
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "INSERT INTO note (subject_id, text, author, created_at, version) VALUES ('d1-in-1', CAST(? AS TEXT), 'x', ?, 1)",
                           arguments: [Data("voor\0na".utf8), now])
            try db.execute(sql: "INSERT INTO history (at, author, kind, record_id, subject_id, change) VALUES (?, 'x', 'note', last_insert_rowid(), 'd1-in-1', 'created')",
                           arguments: [now])
            try db.execute(sql: "UPDATE revision SET value = value + 1")
        }
        try store.refresh(&snapshot)
        #expect(snapshot.notes.map(\.text) == ["voor^@na"])
        #expect(try store.load().notes.map(\.text) == ["voor^@na"])
        #expect {
            try store.apply(.updateNote(id: snapshot.notes[0].id, text: "nieuw", expectedVersion: 0), author: "a", now: now)
        } throws: { ($0 as? ReviewConflict)?.currentText == "voor^@na" }
    }

    @Test func aFullDiskRefusesTheEditAndLosesNothing() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "eerste"), author: "j", now: now)
        // No more pages may be added: SQLite answers as it does when the disk is full.
        try store.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        let long = String(repeating: "vol ", count: 20_000)
        #expect {
            _ = try store.apply(.addNote(subjectId: "d1-in-1", text: long), author: "j", now: now)
        } throws: { error in
            String(describing: error) == "de schijf is vol (SQLite 13)"
        }
        #expect(try store.load().notes.map(\.text) == ["eerste"], "the earlier edit is intact, the failed one left nothing half-written")
        try store.writer.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000") }
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: long), author: "j", now: now)
        #expect(try store.load().notes.count == 2)
    }
}

/// The review's own reading of a stored date gives the very `Date` GRDB's reading gives, so a record loaded
/// whole and one read again after a save compare equal, and a date written back is the date that was read.
@Suite struct StoredDateTests {
    @Test func aStoredDateReadsAsGRDBReadsIt() throws {
        var generator = SplitMix64(seed: 20)
        for _ in 0..<20_000 {
            let milliseconds = Int64(1_500_000_000_000 + generator.next() % 600_000_000_000)
            let text = try #require(String.fromDatabaseValue(Date(timeIntervalSince1970: Double(milliseconds) / 1_000).databaseValue))
            let grdb = try #require(Date.fromDatabaseValue(text.databaseValue))
            #expect(ColumnRow.date(text) == grdb, "\(text)")
            #expect(String.fromDatabaseValue(grdb.databaseValue) == text, "written back as read")
        }
        #expect(ColumnRow.date("2026-02-30 10:00:00") == nil && ColumnRow.date("2026-13-01 10:00:00.000") == nil,
                "another form is left to GRDB")
    }
}

/// Private by default: a review made in the user's own place is theirs alone whatever the umask; one in a
/// folder its group may write (scripts/shared-db) is the group's.
@Suite struct FileModeTests {
    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aNewReviewIsReadableByItsOwnerOnly() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-mode-\(UUID().uuidString)/htno-dialoog")
        let path = folder.appendingPathComponent("review.sqlite").path
        let store = try ReviewDatabase(path: path, createsDirectory: true)
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "privé"), author: "anna", now: now)
        #expect(try mode(folder.path) == 0o700, "the default folder")
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "WAL mode: the -wal file is there and checked")
    }

    @Test func aReviewInAGroupFolderIsTheGroups() throws {
        let previous = umask(0o077)
        defer { umask(previous) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o2770])
        let path = folder.appendingPathComponent("review.sqlite").path
        _ = try ReviewDatabase(path: path).apply(.addNote(subjectId: "d1-in-1", text: "gedeeld"), author: "anna", now: now)
        #expect(try mode(path) == 0o660)
    }
}

/// `--read-only` reads and creates nothing: no -wal, no -shm, no folder; a colleague's WAL database that
/// nobody has open (no -shm) is read as it is.
@Suite struct ReadOnlyTests {
    private func listing(_ folder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    @Test func readOnlyCreatesNothingBesideADatabaseNobodyHasOpen() throws {
        let path = temporaryDatabasePath()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            let store = try ReviewDatabase(path: path)
            _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "gelezen zonder -shm"), author: "anna", now: now)
        }
        let before = try listing(folder)
        #expect(before == ["review.sqlite"], "closed cleanly: no -wal, no -shm")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try ReviewDatabase(path: path, readOnly: true)
        #expect(try reader.load().notes.map(\.text) == ["gelezen zonder -shm"])
        #expect(!reader.hasChangedSinceLoad())
        #expect(try listing(folder) == before, "nothing created")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "nothing written")
    }

    @Test func readOnlyBesideARunningWriterSeesItsChangesAndCreatesNothing() throws {
        let path = temporaryDatabasePath()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let writer = try ReviewDatabase(path: path)
        _ = try writer.apply(.addNote(subjectId: "d1-in-1", text: "eerste"), author: "anna", now: now)
        let before = try listing(folder)
        let reader = try ReviewDatabase(path: path, readOnly: true)
        var snapshot = try reader.load()
        _ = try writer.apply(.addNote(subjectId: "d1-in-1", text: "tweede"), author: "anna", now: now)
        #expect(reader.hasChangedSinceLoad())
        try reader.refresh(&snapshot)
        #expect(snapshot.notes.map(\.text) == ["eerste", "tweede"])
        #expect(try listing(folder) == before)
    }

    @Test func readOnlyAtTheDefaultPlaceCreatesNoFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-ro-\(UUID().uuidString)/htno-dialoog")
        #expect(throws: ReviewDatabaseFault.self) {
            try ReviewDatabase(path: folder.appendingPathComponent("review.sqlite").path, readOnly: true, createsDirectory: true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
