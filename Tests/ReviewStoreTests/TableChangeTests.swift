import Foundation
import Testing
import DialoogModel
@testable import ReviewStore

/// The goal table grows in the review database: new items and new wordings as proposals, accepted or
/// rejected with who and when, each step versioned, in the history and undone; the source never changes.
private let source = try! DatasetLoader.load(directory: StableIdTests.sampleData)

@Suite struct TableChangeTests {
    private let later = now.addingTimeInterval(3_600)

    @Test func anAddedItemCountsOnceAcceptedAndTheSourceStays() throws {
        let store = try ReviewDatabase()
        let goal = source.pilotGoals[2]
        let undoProposal = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: goal.id, column: .bewijs, text: "Verslag htno-middag 2025")),
                                           author: "anna", now: now)
        let proposal = try #require(try store.load().tableChanges.first)
        #expect(proposal.state == .proposed && proposal.author == "anna" && proposal.version == 1 && proposal.subjectId == "nieuw-\(proposal.id)")
        #expect(source.table(with: [proposal]).pilotGoals[2].bewijs.count == goal.bewijs.count, "a proposal is not part of the table")
        let shown = source.table(with: [proposal], proposals: true).pilotGoals[2].bewijs
        #expect(shown.last?.trackedText == "{+Verslag htno-middag 2025+}", "but is shown as a tracked change")

        _ = try store.apply(.decideChange(id: proposal.id, state: .accepted, expectedVersion: 1), author: "bert", now: later)
        let accepted = try #require(try store.load().tableChanges.first)
        #expect(accepted.state == .accepted && accepted.decidedBy == "bert" && accepted.decidedAt == later && accepted.version == 2)
        #expect(accepted.credit == "toegevoegd door anna op \(DutchDate.timestamp(now)), aanvaard door bert op \(DutchDate.timestamp(later))")
        let table = source.table(with: [accepted])
        #expect(table.pilotGoals[2].bewijs.map(\.text) == goal.bewijs.map(\.text) + ["Verslag htno-middag 2025"])
        #expect(table.pilotGoals[2].bewijs.last?.trackedText == "Verslag htno-middag 2025", "accepted: plain text")
        #expect(table.reviewableIds.contains(accepted.subjectId), "its status and notes hang on it")
        #expect(source.table(with: [accepted], at: now).pilotGoals[2].bewijs.count == goal.bewijs.count, "not at a moment before it was accepted")
        #expect(source.pilotGoals[2] == goal, "the source is never changed")

        #expect(throws: ChangeDecided.self, "a decided change is not withdrawn") {
            try store.apply(.withdrawChange(id: accepted.id, expectedVersion: 2), author: "anna", now: later)
        }
        let history = try store.load().history(of: accepted.subjectId)
        #expect(history.map(\.change) == [.created, .updated] && history.last?.oldValue == "voorgesteld" && history.last?.newValue == "aanvaard")
        _ = try store.apply(.decideChange(id: accepted.id, state: .proposed, expectedVersion: 2), author: "bert", now: later)
        #expect(try store.load().tableChanges.first?.decidedBy == nil, "undoing the decision makes it a proposal again")
        #expect(throws: ReviewConflict.self, "the proposal's undo started before the decision") {
            try store.apply(undoProposal, author: "anna", now: later)
        }
        _ = try store.apply(.withdrawChange(id: accepted.id, expectedVersion: 3), author: "anna", now: later)
        #expect(try store.load().tableChanges.isEmpty)
    }

    @Test func aNewWordingIsTrackedUntilDecidedAndTwoDecidersConflict() throws {
        let store = try ReviewDatabase()
        let item = source.pilotGoals[0].bewijs[3]
        #expect(item.text == "Sac verslagen")
        _ = try store.apply(.proposeChange(TableChange(kind: .rewording, goalId: "doel-1", column: .bewijs, itemId: item.id,
                                                       text: "Sac verslagen en notulen sectortafel")), author: "anna", now: now)
        let proposal = try #require(try store.load().tableChanges.first)
        let shown = source.table(with: [proposal], proposals: true).pilotGoals[0].bewijs[3]
        #expect(shown.text == "Sac verslagen" && shown.trackedText == "Sac verslagen {+en notulen sectortafel+}")

        let undoDecision = try store.apply(.decideChange(id: proposal.id, state: .rejected, expectedVersion: 1), author: "bert", now: later)
        #expect(throws: ReviewConflict.self, "a colleague deciding from the same screen meets bert's decision") {
            try store.apply(.decideChange(id: proposal.id, state: .accepted, expectedVersion: 1), author: "carla", now: later)
        }
        let rejected = try #require(try store.load().tableChanges.first)
        #expect(rejected.state == .rejected && source.table(with: [rejected], proposals: true).pilotGoals[0].bewijs[3] == item,
                "a rejected wording leaves the item as it was")
        _ = try store.apply(undoDecision, author: "bert", now: later)
        let open = try #require(try store.load().tableChanges.first)
        _ = try store.apply(.decideChange(id: open.id, state: .accepted, expectedVersion: open.version), author: "carla", now: later)
        let accepted = try store.load().tableChanges
        #expect(source.table(with: accepted).pilotGoals[0].bewijs[3].text == "Sac verslagen en notulen sectortafel")
        #expect(source.table(with: accepted).pilotGoals[0].bewijs[3].id == item.id, "status and notes stay with the item")
    }

    @Test func anItemTakesOneOpenProposalAtATime() throws {
        let store = try ReviewDatabase()
        let wording = { (text: String) in TableChange(kind: .rewording, goalId: "doel-1", column: .bewijs, itemId: "d1-bw-4", text: text) }
        _ = try store.apply(.proposeChange(wording("Sac verslagen en notulen")), author: "anna", now: now)
        #expect(throws: ProposalOpen.self, "bert, pressing r at the same moment, is told to edit anna's proposal") {
            try store.apply(.proposeChange(wording("Sac-verslagen")), author: "bert", now: later)
        }
        _ = try store.apply(.decideChange(id: 1, state: .rejected, expectedVersion: 1), author: "bert", now: later)
        _ = try store.apply(.proposeChange(wording("Sac-verslagen")), author: "bert", now: later)
        #expect(try store.load().tableChanges.map(\.state) == [.rejected, .proposed], "once decided, a new proposal is welcome")
    }

    @Test func aNewItemWithNotesIsNotRejectedOrWithdrawn() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-2", column: .resultaten, text: "Werkagenda")),
                            author: "anna", now: now)
        let change = try #require(try store.load().tableChanges.first)
        let undoNote = try store.apply(.addNote(subjectId: change.subjectId, text: "Besproken op de sectortafel"), author: "bert", now: later)
        #expect(throws: ChangeInUse.self) { try store.apply(.decideChange(id: change.id, state: .rejected, expectedVersion: 1), author: "bert", now: later) }
        #expect(throws: ChangeInUse.self) { try store.apply(.withdrawChange(id: change.id, expectedVersion: 1), author: "anna", now: later) }
        _ = try store.apply(undoNote, author: "bert", now: later)
        _ = try store.apply(.withdrawChange(id: change.id, expectedVersion: 1), author: "anna", now: later)
        #expect(try store.load().tableChanges.isEmpty)
    }

    @Test func wordsStruckAndAddedReadLikeWdiff() {
        #expect(WordDiff.marked(from: "Aantal sectortafels per jaar", to: "Aantal overleggen per jaar") == "Aantal [-sectortafels-] {+overleggen+} per jaar")
        #expect(WordDiff.marked(from: "a b c", to: "a b c") == "a b c")
        #expect(WordDiff.marked(from: "oud", to: "") == "[-oud-]")
        #expect(WordDiff.marked(from: "één twee drie", to: "twee drie vier") == "[-één-] twee drie {+vier+}")
    }

    @Test func aProposalIsCorrectedWithItsVersion() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-4", column: .winstRisico, isMitigation: true,
                                                       text: "afspraken vastleggen")), author: "anna", now: now)
        var change = try #require(try store.load().tableChanges.first)
        change.text = "afspraken vastleggen in de werkagenda"
        let undo = try store.apply(.updateChange(change), author: "anna", now: later)
        #expect(try store.load().tableChanges.first?.text == "afspraken vastleggen in de werkagenda")
        #expect(source.table(with: try store.load().tableChanges, proposals: true).pilotGoals[3].items(in: .winstRisico).last?.isMitigation == true)
        #expect(throws: ReviewConflict.self) { try store.apply(.updateChange(change), author: "bert", now: later) }
        _ = try store.apply(undo, author: "anna", now: later)
        #expect(try store.load().tableChanges.first?.text == "afspraken vastleggen")
    }
}

/// `Tests/Fixtures/review-made-by-0.3.sqlite` was made by the 0.3 binary (commit 89087c8) in tmux as a
/// secretary would: anna set a status, wrote a note, a decision and an action at the sectortafel of November
/// 2023; bert edited the note and left an unsaved note behind (SIGHUP; its process id since set to 4194303,
/// above any pid in use, so the draft counts as abandoned on every machine). Opened by this version, it keeps
/// every record and takes everything added since.
@Suite struct DatabaseOf03Tests {
    @Test func everyRecordOfA03DatabaseSurvivesTheMigrationAndTheNewRecordsFollow() throws {
        let fixture = StableIdTests.sampleData.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/review-made-by-0.3.sqlite")
        let path = temporaryDatabasePath()
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        // Its drafts move to the owner's private drafts file.
        let store = try ReviewDatabase(path: path, drafts: DraftStore(path: path + "-concepten.sqlite", forReviewAt: path))
        #expect(store.notice == nil && !store.isReadOnly)
        let review = try store.load()
        #expect(review.statuses["d1-in-1"]?.status == .inProgress && review.statuses["d1-in-1"]?.updatedBy == "anna")
        let note = try #require(review.notes.first)
        #expect(review.notes.count == 1 && note.text == "Notitie uit 0.3: deelnemerslijsten bekeken (bijgewerkt door bert)")
        #expect(note.version == 2 && note.author == "anna" && note.updatedBy == "bert" && !note.isForReport)
        #expect(review.decisions.map(\.text) == ["Besluit uit 0.3: thema instroom agenderen"])
        let action = try #require(review.actions.first)
        #expect(action.text == "Actie uit 0.3: werkagenda" && action.owner == "bert" && action.dueDate == "2024-03-31")
        #expect(review.people.map(\.name) == ["bert"], "the owner became a person")
        #expect(review.history.count == 5 && Set(review.history.map(\.author)) == ["anna", "bert"])
        let drafts = try store.abandonedDrafts(author: "bert")
        #expect(drafts.count == 1 && drafts[0].payload.contains("Onbewaarde tekst in 0.3"), "the text bert left is offered")

        // Everything since 0.3 works on it.
        _ = try store.apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14")]), author: "anna", now: now, discardingDraft: nil)
        _ = try store.apply(.recordPeildatum(label: "december 2024"), author: "anna", now: now, discardingDraft: nil)
        _ = try store.apply(.proposeChange(TableChange(kind: .rewording, goalId: "doel-1", column: .indicatoren, itemId: "d1-in-1", text: "Nieuw")),
                            author: "anna", now: now, discardingDraft: nil)
        _ = try store.apply(.updateNote(id: note.id, text: "verder in 0.4", expectedVersion: 2), author: "anna", now: now, discardingDraft: nil)
        let after = try store.load()
        #expect(after.meetings.count == 1 && after.peildata.first?.status(of: "d1-in-1") == .inProgress && after.tableChanges.count == 1)
        #expect(after.notes.first?.version == 3 && after.history.count == 9)
    }
}
