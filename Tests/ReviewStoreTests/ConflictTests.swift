import Foundation
import GRDB
import Testing
import DialoogModel
@testable import ReviewStore

/// The conflict rules: a change names the version it starts from, and never overwrites a newer one.
@Suite struct ConflictTests {
    let later = now.addingTimeInterval(120)

    @Test func aNoteSavedFromAnOlderVersionIsRefusedAndNamesWhoChangedIt() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "basis"), author: "anna", now: now)
        let id = try #require(try store.load().notes.first?.id)
        _ = try store.apply(.updateNote(id: id, text: "van anna", expectedVersion: 1), author: "anna", now: later)
        #expect {
            try store.apply(.updateNote(id: id, text: "van bert", expectedVersion: 1), author: "bert", now: later)
        } throws: { error in
            guard let conflict = error as? ReviewConflict else { return false }
            return conflict.changedBy == "anna" && conflict.currentText == "van anna" && conflict.currentVersion == 2
                && abs(conflict.changedAt.timeIntervalSince(later)) < 0.01
        }
        let note = try #require(try store.load().notes.first)
        #expect(note.text == "van anna" && note.updatedBy == "anna", "nothing was overwritten and the credit stays right")
        _ = try store.apply(.updateNote(id: id, text: "van bert", expectedVersion: 2), author: "bert", now: later)
        #expect(try store.load().notes.first?.updatedBy == "bert", "an explicit overwrite names the one who made it")
    }

    /// A note deleted and brought back by bert keeps anna's credits, but a save from before names bert and when.
    @Test func aConflictAfterAnUndoneDeleteNamesWhoBroughtItBack() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "van anna"), author: "anna", now: now)
        let note = try #require(try store.load().notes.first)
        let undo = try store.apply(.deleteNote(id: note.id, expectedVersion: 1), author: "bert", now: now)
        _ = try store.apply(undo, author: "bert", now: later)
        #expect {
            try store.apply(.updateNote(id: note.id, text: "van carol", expectedVersion: 1), author: "carol", now: later)
        } throws: { error in
            guard let conflict = error as? ReviewConflict else { return false }
            return conflict.changedBy == "bert" && abs(conflict.changedAt.timeIntervalSince(later)) < 0.01
        }
    }

    @Test func editingADeletedNoteIsAConflictWithoutCurrentText() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "weg"), author: "anna", now: now)
        let id = try #require(try store.load().notes.first?.id)
        _ = try store.apply(.deleteNote(id: id, expectedVersion: 1), author: "bert", now: later)
        #expect {
            try store.apply(.updateNote(id: id, text: "nog bezig", expectedVersion: 1), author: "anna", now: later)
        } throws: { error in
            (error as? ReviewConflict).map { $0.current == nil && $0.changedBy == "bert" && $0.description.hasPrefix("gewist door bert op ") } ?? false
        }
    }

    @Test func aStatusStepFromWhatTheScreenShowedIsRefusedWhenItMovedOn() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.setStatus(itemId: "d3-bw-1", status: .inProgress, expectedVersion: 0), author: "anna", now: now)
        _ = try store.apply(.setStatus(itemId: "d3-bw-1", status: .shown, expectedVersion: 1), author: "bert", now: later)
        #expect(throws: ReviewConflict.self) {
            try store.apply(.setStatus(itemId: "d3-bw-1", status: .shown, expectedVersion: 1), author: "anna", now: later)
        }
        #expect(throws: ReviewConflict.self, "a first status on an item someone else already set") {
            try store.apply(.setStatus(itemId: "d3-bw-1", status: .inProgress, expectedVersion: 0), author: "anna", now: later)
        }
        #expect(try store.load().statuses["d3-bw-1"]?.updatedBy == "bert")
    }

    @Test func undoIsRefusedOnceSomeoneElseChangedTheRecord() throws {
        let store = try ReviewDatabase()
        let undoAnna = try store.apply(.setStatus(itemId: "d1-in-1", status: .inProgress, expectedVersion: 0), author: "anna", now: now)
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 1), author: "bert", now: later)
        #expect(throws: ReviewConflict.self) { try store.apply(undoAnna, author: "anna", now: later) }
        #expect(try store.load().status(of: "d1-in-1") == .shown)
    }

    @Test func actionsAndDecisionsFollowTheSameRule() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addDecision(activityId: "2023-11-sectortafel", text: "besluit"), author: "anna", now: now)
        let decision = try #require(try store.load().decisions.first)
        _ = try store.apply(.updateDecision(id: decision.id, text: "anders", expectedVersion: 1), author: "bert", now: later)
        #expect(throws: ReviewConflict.self) { try store.apply(.deleteDecision(id: decision.id, expectedVersion: 1), author: "anna", now: later) }
        let draft = ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "agenda", owner: "branches", dueDate: nil, isDone: false,
                               linkedId: nil, author: "", createdAt: now)
        _ = try store.apply(.addAction(draft), author: "anna", now: now)
        var action = try #require(try store.load().actions.first)
        action.isDone = true
        _ = try store.apply(.updateAction(action), author: "bert", now: later)
        action.owner = "sac"
        #expect(throws: ReviewConflict.self, "anna's change starts from version 1; bert made version 2") {
            try store.apply(.updateAction(action), author: "anna", now: later)
        }
        #expect(try store.load().actions.first?.owner == "branches")
    }
}

@Suite struct HistoryTests {
    @Test func everyChangeIsRecordedWithWhoWhenAndOldToNew() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .inProgress, expectedVersion: 0), author: "anna", now: now)
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "eerst"), author: "anna", now: now)
        let id = try #require(try store.load().notes.first?.id)
        let undo = try store.apply(.updateNote(id: id, text: "daarna", expectedVersion: 1), author: "bert", now: now)
        _ = try store.apply(undo, author: "bert", now: now)
        _ = try store.apply(.deleteNote(id: id, expectedVersion: 3), author: "anna", now: now)
        let history = try store.load().history(of: "d1-in-1")
        #expect(history.map(\.author) == ["anna", "anna", "bert", "bert", "anna"])
        #expect(history.map(\.change) == [.created, .created, .updated, .updated, .deleted])
        #expect(history[0].kind == .status && history[0].oldValue == "open" && history[0].newValue == "in behandeling")
        #expect(history[2].oldValue == "eerst" && history[2].newValue == "daarna")
        #expect(history[4].oldValue == "eerst" && history[4].newValue == nil)
    }

    @Test func aRefusedChangeLeavesNoHistory() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .inProgress, expectedVersion: 0), author: "anna", now: now)
        _ = try? store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 0), author: "bert", now: now)
        #expect(try store.load().history.count == 1, "the change and its history entry share one transaction")
    }
}

@Suite struct DraftTests {
    @Test func draftsAreKeptUpdatedAndOfferedOnlyWhenTheirSessionIsGone() throws {
        let path = temporaryDatabasePath()
        let draftsPath = path + "-state/concepten.sqlite"
        let store = try ReviewDatabase(path: path, drafts: DraftStore(path: draftsPath, forReviewAt: path))
        let id = try store.saveDraft(id: nil, author: "anna", payload: "{\"a\":1}", now: now)
        #expect(try store.saveDraft(id: id, author: "anna", payload: "{\"a\":2}", now: now) == id, "the same draft is updated")
        #expect(try store.abandonedDrafts(author: "anna").isEmpty, "this process still holds it")
        // The process that saved it has gone (a dropped connection): another session of anna is offered it.
        try store.drafts.queue.write { try $0.execute(sql: "UPDATE draft SET pid = 2147483646 WHERE id = ?", arguments: [id]) }
        let later = try ReviewDatabase(path: path, drafts: DraftStore(path: draftsPath, forReviewAt: path))
        #expect(try later.abandonedDrafts(author: "anna").map(\.payload) == ["{\"a\":2}"])
        #expect(try later.abandonedDrafts(author: "bert").isEmpty, "drafts are personal")
        try later.deleteDraft(id: id)
        #expect(try later.abandonedDrafts(author: "anna").isEmpty)
    }

    /// Unsaved text is private to the Unix user: nothing of it is in the shared file; the drafts file is
    /// readable by its owner only, whatever the umask; another database's drafts are not offered.
    @Test func draftsLiveInAPrivateFileKeyedByTheirDatabase() throws {
        let path = temporaryDatabasePath()
        let folder = path + "-state/htno-dialoog"
        let draftsPath = folder + "/concepten.sqlite"
        let oldMask = umask(0o022)
        defer { umask(oldMask) }
        let store = try ReviewDatabase(path: path, drafts: DraftStore(path: draftsPath, forReviewAt: path))
        _ = try store.saveDraft(id: nil, author: "anna", payload: "geheim concept", now: now)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM draft") } == 0, "nothing in the shared database")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data("geheim concept".utf8)) == nil)
        #expect(try mode(of: draftsPath) == 0o600)
        #expect(try mode(of: folder) == 0o700)
        let otherPath = temporaryDatabasePath()
        let other = try DraftStore(path: draftsPath, forReviewAt: otherPath)
        try store.drafts.queue.write { try $0.execute(sql: "UPDATE draft SET pid = 2147483646") }
        #expect(try other.abandoned(author: "anna").isEmpty, "drafts of another database are not offered")
        let sameByLink = path + "-link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: sameByLink, withDestinationPath: path)
        #expect(try DraftStore(path: draftsPath, forReviewAt: sameByLink).abandoned(author: "anna").map(\.payload) == ["geheim concept"],
                "the same database under another name")
    }

    /// A 0.3 database kept drafts in the shared file: its owner gets them in the private store, and the
    /// shared file no longer holds them.
    @Test func draftsOfAnOlderVersionMoveToTheOwnersPrivateStore() throws {
        let path = try temporaryDatabase(writtenDirectly: "INSERT INTO draft (author, pid, payload, saved_at) VALUES ('anna', 2147483646, 'van 0.3', ?)")
        let store = try ReviewDatabase(path: path, drafts: DraftStore(path: path + "-concepten.sqlite", forReviewAt: path))
        #expect(try store.abandonedDrafts(author: "anna").map(\.payload) == ["van 0.3"])
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM draft") } == 0)
    }

    /// In a shared 0.3 file (its group may write it) the drafts may be colleagues': none is taken.
    @Test func draftsInASharedOlderFileStayThere() throws {
        let path = try temporaryDatabase(writtenDirectly: "INSERT INTO draft (author, pid, payload, saved_at) VALUES ('bert', 2147483646, 'van bert', ?)")
        chmod(path, 0o660)
        let store = try ReviewDatabase(path: path, drafts: DraftStore(path: path + "-concepten.sqlite", forReviewAt: path))
        #expect(try store.abandonedDrafts(author: "bert").isEmpty)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM draft") } == 1, "left for its owner")
    }

    /// A database that does not exist yet is keyed as it will resolve once it does (its folder through a link).
    @Test func aNewDatabaseIsKeyedAsItWillBeFound() throws {
        let folder = URL(fileURLWithPath: temporaryDatabasePath()).deletingLastPathComponent().path
        let link = folder + "-via-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        let draftsPath = folder + "/concepten.sqlite"
        let first = try DraftStore(path: draftsPath, forReviewAt: link + "/nieuw.sqlite")
        _ = try first.save(id: nil, author: "anna", payload: "eerste start", now: now, pid: 2147483646)
        FileManager.default.createFile(atPath: folder + "/nieuw.sqlite", contents: Data())
        #expect(try DraftStore(path: draftsPath, forReviewAt: link + "/nieuw.sqlite").abandoned(author: "anna").map(\.payload) == ["eerste start"])
    }

    private func mode(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

@Suite struct DatabaseFileTests {
    func sha256(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aCorruptFileIsReportedAndNeverWritten() throws {
        let path = temporaryDatabasePath()
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ReviewDatabase(path: path)
        } throws: { error in
            String(describing: error).hasPrefix("\(path): is beschadigd")
        }
        #expect(try sha256(path) == garbage)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDatabaseWithGarbledPagesIsReportedAsCorrupt() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        for index in 0..<200 { _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "notitie \(index) " + String(repeating: "x", count: 200)), author: "a", now: now) }
        try store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in stride(from: 4096 * 2 + 100, to: min(bytes.count, 4096 * 6), by: 97) { bytes[offset] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        #expect(throws: ReviewDatabaseFault.self) { _ = try ReviewDatabase(path: path) }
        #expect(try sha256(path) == bytes)
    }

    @Test func aFolderAndAMissingFolderAreErrorsAndNothingIsCreated() throws {
        let folder = URL(fileURLWithPath: temporaryDatabasePath()).deletingLastPathComponent().path
        #expect {
            _ = try ReviewDatabase(path: folder)
        } throws: { error in
            String(describing: error) == "\(folder): is een map, geen databasebestand"
        }
        let missing = folder + "/getypt/review.sqlite"
        #expect {
            _ = try ReviewDatabase(path: missing)
        } throws: { error in
            String(describing: error).contains("de map \(folder)/getypt bestaat niet")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/getypt"))
        let created = try ReviewDatabase(path: folder + "/xdg/review.sqlite", createsDirectory: true)
        #expect(created.notice == "Nieuwe reviewdatabase aangemaakt: \(folder)/xdg/review.sqlite")
        #expect(try ReviewDatabase(path: folder + "/xdg/review.sqlite").notice == nil, "said once, when it is made")
    }

    @Test(arguments: ["PRAGMA user_version = 999", "ALTER TABLE note ADD COLUMN future TEXT"])
    func aNewerSchemaOpensReadOnlyAndUnchanged(change: String) throws {
        let path = temporaryDatabasePath()
        do {
            let store = try ReviewDatabase(path: path)
            _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "bewaard"), author: "a", now: now)
            try store.writer.writeWithoutTransaction { db in
                try db.execute(sql: change)
                try db.checkpoint(.truncate)
            }
        }
        let before = try sha256(path)
        let reopened = try ReviewDatabase(path: path)
        #expect(reopened.isReadOnly)
        #expect(reopened.readOnlyReason?.contains("gemaakt door een nieuwere htno-dialoog") == true)
        #expect(try reopened.load().notes.map(\.text) == ["bewaard"])
        #expect(throws: ReviewDatabase.ReadOnlyError.self) {
            try reopened.apply(.addNote(subjectId: "d1-in-1", text: "x"), author: "a", now: now)
        }
        #expect(try sha256(path) == before)
    }

    @Test func aSharedFolderGetsAGroupWritableDatabase() throws {
        let folder = URL(fileURLWithPath: temporaryDatabasePath()).deletingLastPathComponent().path
        chmod(folder, 0o2770)
        _ = try ReviewDatabase(path: folder + "/review.sqlite")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/review.sqlite")[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o660)
    }
}

/// A second, real process (python3's sqlite3) holds the write lock; the database waits instead of giving up.
@Suite(.serialized) struct BusyDatabaseTests {
    func holdWriteLock(_ path: String, seconds: Double) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute('BEGIN IMMEDIATE')
            db.execute('UPDATE revision SET value = value')
            print('locked', flush=True)
            time.sleep(float(sys.argv[2]))
            db.execute('COMMIT')
            """
        process.arguments = ["python3", "-c", script, path, String(seconds)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        _ = output.fileHandleForReading.availableData  // "locked": the lock is held from here on
        return process
    }

    @Test func openingAndSavingWaitForALockHeldAMomentAndAreNotReadOnly() throws {
        let path = temporaryDatabasePath()
        _ = try ReviewDatabase(path: path)
        let holder = try holdWriteLock(path, seconds: 3)
        let waited = Mutex(0)
        let waiting = BusyWaiting()
        waiting.onWait { waited.set(waited.get() + 1) }
        let start = Date()
        let store = try ReviewDatabase(path: path, busyWaiting: waiting)
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "na het wachten"), author: "a", now: now)
        holder.waitUntilExit()
        #expect(!store.isReadOnly)
        #expect(Date().timeIntervalSince(start) > 2.5, "it really waited for the other process")
        #expect(waited.get() >= 1, "the UI was told to say 'wachten op de database…'")
        #expect(try store.load().notes.map(\.text) == ["na het wachten"])
    }

    /// A forgotten `sqlite3` shell holds the database: a save no longer waits for as long as it is held, but
    /// gives up after a few seconds, writes nothing, and names the process and its user.
    @Test func aSaveGivesUpAfterAFewSecondsAndNamesWhoHoldsTheDatabase() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        let holder = try holdWriteLock(path, seconds: 60)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        let start = Date()
        #expect {
            try store.apply(.addNote(subjectId: "d1-in-1", text: "tijdens het slot"), author: "a", now: now)
        } throws: { error in
            let text = "\(error)"
            return text.contains("de database is bezet door python3 (proces \(holder.processIdentifier) van \(me))")
                && text.contains("na 5 seconden wachten") && text.contains("er is niets geschreven")
        }
        let waited = Date().timeIntervalSince(start)
        #expect(waited > 4.5 && waited < 8, "a few seconds, not as long as the lock is held (\(waited) s)")
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        _ = try store.apply(.addNote(subjectId: "d1-in-1", text: "daarna"), author: "a", now: now)
        #expect(try store.load().notes.map(\.text) == ["daarna"], "nothing of the given-up save was written")
    }

    /// Esc (or a signal) while waiting ends the wait at once.
    @Test func aWaitEndsAtOnceWhenGivenUp() throws {
        let path = temporaryDatabasePath()
        let waiting = BusyWaiting()
        let store = try ReviewDatabase(path: path, busyWaiting: waiting)
        let holder = try holdWriteLock(path, seconds: 60)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let start = Date()
        waiting.givingUpWhen { Date().timeIntervalSince(start) > 0.5 }
        #expect {
            try store.apply(.addNote(subjectId: "d1-in-1", text: "afgebroken"), author: "a", now: now)
        } throws: { "\($0)".contains("(wachten afgebroken)") }
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
