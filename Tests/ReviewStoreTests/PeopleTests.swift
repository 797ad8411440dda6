import Foundation
import GRDB
import Testing
import DialoogModel
@testable import ReviewStore

/// People in the review database: owners picked instead of spelled anew, renamed and merged without an
/// action losing its owner, every step undone; notes marked for the jaarverslag; visits remembered.
@Suite struct PeopleTests {
    private func action(_ text: String, owner: String) -> ReviewEdit {
        .addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: text, owner: owner, dueDate: "2027-01-15", isDone: false,
                              linkedId: nil, author: "", createdAt: now))
    }

    @Test func aNewOwnerBecomesAPersonInTheSameTransaction() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(action("Zaal reserveren", owner: "Jan Jansen"), author: "anna", now: now)
        _ = try store.apply(action("Verslag rondsturen", owner: "jan jansen"), author: "anna", now: now)
        let review = try store.load()
        #expect(review.people.map(\.name) == ["Jan Jansen"], "one person, whatever the case of a later spelling")
        #expect(review.history.filter { $0.kind == .person }.count == 1)
    }

    @Test func aRefreshAfterSavingAnActionReadsItsNewOwner() throws {
        let store = try ReviewDatabase()
        var review = try store.load()
        let inverse = try store.apply(action("Zaal reserveren", owner: "Jan Jansen"), author: "anna", now: now)
        try store.refresh(&review)
        #expect(review == (try store.load()))
        #expect(review.people.map(\.name) == ["Jan Jansen"])
    }

    @Test func aRenameCarriesEveryActionAlongAndUndoesBack() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(action("Zaal reserveren", owner: "J. Jansen"), author: "anna", now: now)
        var person = try #require(try store.load().people.first)
        let before = try #require(try store.load().actions.first)
        person.name = "Jan Jansen"
        person.initials = "JJ"
        person.login = "jan"
        let undo = try store.apply(.updatePerson(person), author: "anna", now: now)
        var review = try store.load()
        #expect(review.actions.first?.owner == "Jan Jansen" && review.actions.first?.version == before.version + 1,
                "the action follows the new name, and a form open on it meets the change")
        #expect(review.person(forLogin: "jan")?.name == "Jan Jansen" && review.ownerName(forLogin: "jan") == "Jan Jansen")
        #expect(review.people.first?.isNamed("jj") == true, "initials name the person too")
        _ = try store.apply(undo, author: "anna", now: now)
        review = try store.load()
        #expect(review.people.map(\.name) == ["J. Jansen"] && review.actions.first?.owner == "J. Jansen")
    }

    @Test func twoSpellingsMergeWithoutLosingAnActionAndTheMergeIsUndone() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(action("Zaal reserveren", owner: "J. Jansen"), author: "anna", now: now)
        _ = try store.apply(action("Verslag rondsturen", owner: "Jan Jansen"), author: "anna", now: now)
        _ = try store.apply(action("Agenda maken", owner: "Piet"), author: "anna", now: now)
        let people = try store.load().people
        let short = try #require(people.first { $0.name == "J. Jansen" })
        let full = try #require(people.first { $0.name == "Jan Jansen" })
        let undo = try store.apply(.deletePerson(id: short.id, expectedVersion: short.version, mergingInto: full.id), author: "bert", now: now)
        var review = try store.load()
        #expect(review.people.map(\.name) == ["Jan Jansen", "Piet"])
        #expect(review.actions.map(\.owner).sorted() == ["Jan Jansen", "Jan Jansen", "Piet"], "no action lost its owner")
        #expect(review.history.last?.newValue == "samengevoegd met Jan Jansen")
        let redo = try store.apply(undo, author: "bert", now: now)
        review = try store.load()
        #expect(Set(review.people.map(\.name)) == ["J. Jansen", "Jan Jansen", "Piet"])
        #expect(review.actions.first { $0.text == "Zaal reserveren" }?.owner == "J. Jansen", "only the merged actions go back")
        #expect(review.actions.first { $0.text == "Verslag rondsturen" }?.owner == "Jan Jansen")
        guard case .deletePerson(_, _, let into) = redo else { Issue.record("redo is a merge again: \(redo)"); return }
        #expect(into == full.id)
    }

    /// Undoing a merge gives back only what the merge target still holds: a colleague's reassignment since
    /// stays, and redo merges into the same person again.
    @Test func undoingAMergeKeepsAColleaguesLaterChange() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(action("Zaal reserveren", owner: "jan"), author: "anna", now: now)
        _ = try store.apply(action("Verslag rondsturen", owner: "jan"), author: "anna", now: now)
        _ = try store.apply(.addPerson(Person(name: "Jan Jansen")), author: "anna", now: now)
        let people = try store.load().people
        let jan = try #require(people.first { $0.name == "jan" })
        let full = try #require(people.first { $0.name == "Jan Jansen" })
        let undo = try store.apply(.deletePerson(id: jan.id, expectedVersion: jan.version, mergingInto: full.id), author: "anna", now: now)
        var given = try #require(try store.load().actions.first { $0.text == "Zaal reserveren" })
        given.owner = "Bert"
        _ = try store.apply(.updateAction(given), author: "bert", now: now)
        let redo = try store.apply(undo, author: "anna", now: now)
        let review = try store.load()
        #expect(review.actions.first { $0.text == "Zaal reserveren" }?.owner == "Bert", "the colleague's change stays")
        #expect(review.actions.first { $0.text == "Verslag rondsturen" }?.owner == "jan")
        #expect(redo == .deletePerson(id: jan.id, expectedVersion: jan.version + 1, mergingInto: full.id), "redo merges into Jan Jansen again")
        #expect(review.history.contains { $0.kind == .action && $0.oldValue?.contains("· Jan Jansen ·") == true && $0.newValue?.contains("· jan ·") == true },
                "every moved action has its own history entry")
    }

    @Test func anOwnerIsSavedUnderThePersonsOwnName() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addPerson(Person(name: "Jan Jansen", initials: "JJ")), author: "anna", now: now)
        _ = try store.apply(action("Zaal reserveren", owner: "jj"), author: "anna", now: now)
        _ = try store.apply(action("Verslag rondsturen", owner: "JAN JANSEN"), author: "anna", now: now)
        let review = try store.load()
        #expect(review.actions.map(\.owner) == ["Jan Jansen", "Jan Jansen"] && review.people.count == 1)
    }

    @Test func aPersonWithActionsIsNotDeletedAndANameIsNotTakenTwice() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(action("Zaal reserveren", owner: "Piet"), author: "anna", now: now)
        let piet = try #require(try store.load().people.first)
        #expect(throws: PersonInUse.self) { try store.apply(.deletePerson(id: piet.id, expectedVersion: piet.version, mergingInto: nil), author: "anna", now: now) }
        #expect(throws: NameTaken.self) { try store.apply(.addPerson(Person(name: "piet")), author: "anna", now: now) }
        _ = try store.apply(.addPerson(Person(name: "Anna de Vries", initials: "AdV", login: "anna")), author: "anna", now: now)
        #expect(throws: NameTaken.self, "a rename onto someone else's name is refused") {
            var renamed = piet
            renamed.name = "ANNA DE VRIES"
            try store.apply(.updatePerson(renamed), author: "anna", now: now)
        }
        #expect(try store.load().people.count == 2 && (try store.load().actions.first?.owner) == "Piet", "nothing was written")
    }

    @Test func aNoteIsMarkedForTheJaarverslagAndTheMarkIsUndone() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addNote(subjectId: "d1-bw-1", text: "Deelnemerslijsten compleet"), author: "anna", now: now)
        let note = try #require(try store.load().notes.first)
        #expect(!note.isForReport, "a new note is internal until marked")
        let undo = try store.apply(.markNote(id: note.id, forReport: true, expectedVersion: note.version), author: "anna", now: now)
        #expect(try store.load().notes.first?.isForReport == true)
        #expect(try store.load().history.last.map { [$0.oldValue, $0.newValue] } == ["intern", "voor het jaarverslag"])
        _ = try store.apply(undo, author: "anna", now: now)
        #expect(try store.load().notes.first?.isForReport == false)
    }

    @Test func aVisitIsRememberedPerLogin() throws {
        let store = try ReviewDatabase(path: temporaryDatabasePath())
        #expect(try store.recordVisit(login: "anna", now: now) == nil, "the first visit has none before it")
        let later = now.addingTimeInterval(86_400)
        let previous = try #require(try store.recordVisit(login: "anna", now: later))
        #expect(abs(previous.timeIntervalSince(now)) < 0.01)
        #expect(try store.recordVisit(login: "bert", now: later) == nil, "each login its own")
    }

    /// A database of 0.3 (schema v3) gains the people from its action owners, and its notes stay internal.
    @Test func aVersion3DatabaseMigratesItsOwnersToPeople() throws {
        let path = temporaryDatabasePath()
        do {
            let queue = try DatabaseQueue(path: path)
            try ReviewSchema.migratorUpTo(3).migrate(queue)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO action_item (activity_id, text, owner, done, author, created_at, version)
                    VALUES ('2023-11-sectortafel', 'Zaal', 'branches', 0, 'anna', ?, 1), ('2023-11-sectortafel', 'Agenda', 'Branches', 0, 'anna', ?, 1)
                    """, arguments: [now, now])
            }
        }
        let review = try ReviewDatabase(path: path).load()
        #expect(review.people.map(\.name) == ["branches"], "one person per owner, whatever the case")
    }
}
