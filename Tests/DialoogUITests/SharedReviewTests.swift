import Foundation
import GRDB
import Testing
import DialoogModel
@testable import ReviewStore
@testable import DialoogUI

/// Two secretaries on one database file: what each sees and what is kept.
@Suite struct SharedReviewTests {
    func app(_ author: String, _ store: ReviewDatabase) -> App {
        let session = ReviewSession(repository: store, author: author, clock: reviewClock, export: { _, _, _ in "" })
        var app = App(dataset: sampleData, glyphs: .unicode, review: session)
        app.resize(width: 80, height: 24)
        return app
    }

    /// Both instances in the detail view of d1-in-1 with one note of anna's, that note selected for editing.
    func twoEditors() throws -> (anna: App, bert: App, path: String) {
        let path = temporaryDatabasePath()
        var anna = app("anna", try ReviewDatabase(path: path))
        var bert = app("bert", try ReviewDatabase(path: path))
        anna.type("\nl\na")
        anna.type("basis")
        anna.handle(.control("d"))
        bert.handle(.control("r"))
        bert.type("\nl\n")
        var editors = [anna, bert]
        for index in editors.indices {
            editors[index].handle(.tab)
            editors[index].type("e")
            editors[index].handle(.control("u"))
        }
        (anna, bert) = (editors[0], editors[1])
        anna.type("tekst van anna")
        bert.type("tekst van bert")
        anna.handle(.control("d"))
        #expect(anna.openForm == nil)
        bert.handle(.control("d"))
        return (anna, bert, path)
    }

    @Test func aSecondSaveShowsTheirTextBesideYoursAndOverwritesNothing() throws {
        var (_, bert, _) = try twoEditors()
        let conflict = try #require(bert.openForm?.conflict)
        #expect(conflict.changedBy == "anna" && conflict.currentText == "tekst van anna")
        #expect(bert.openForm?.texts == ["tekst van bert"], "bert's text is still in the form")
        #expect(bert.review.notes.map(\.text) == ["tekst van anna"])
        assertSnapshot(bert.render(), named: "note-conflict-80x24")
        bert.type("n")
        #expect(bert.openForm == nil)
        #expect(bert.review.notes.map(\.text) == ["tekst van anna", "tekst van bert"], "keep both: bert's text as a new note")
        #expect(bert.review.notes.map(\.author) == ["anna", "bert"])
    }

    @Test func overwriteIsExplicitAndCreditedToWhoOverwrote() throws {
        var (_, bert, _) = try twoEditors()
        bert.type("o")
        #expect(bert.openForm == nil)
        let note = try #require(bert.review.notes.first)
        #expect(note.text == "tekst van bert" && note.updatedBy == "bert" && bert.review.notes.count == 1)
        #expect(bert.render().contains("bewerkt 25-11-2026 11:00 door bert"))
        #expect(bert.review.history(of: "d1-in-1").map(\.author) == ["anna", "anna", "bert"])
    }

    @Test func takingTheirsClosesTheFormAndEscGoesBackToEditing() throws {
        var (_, bert, _) = try twoEditors()
        bert.handle(.escape)
        #expect(bert.openForm?.conflict == nil && bert.openForm?.texts == ["tekst van bert"])
        bert.handle(.control("d"))
        #expect(bert.openForm?.conflict != nil, "the same conflict again, not an overwrite")
        bert.type("q")
        #expect(bert.isRunning && bert.statusMessage == "Kies: n beide bewaren  h hun versie  o overschrijven  Esc terug")
        bert.type("h")
        #expect(bert.pendingQuestion == "Hun versie houden en jouw tekst weggooien?", "throwing typed text away asks first")
        bert.type("n")
        #expect(bert.openForm?.texts == ["tekst van bert"])
        bert.type("hj")
        #expect(bert.openForm == nil && bert.review.notes.map(\.text) == ["tekst van anna"])
    }

    @Test func savingANoteSomeoneDeletedOffersSaveAsNew() throws {
        let path = temporaryDatabasePath()
        var anna = app("anna", try ReviewDatabase(path: path))
        var bert = app("bert", try ReviewDatabase(path: path))
        anna.type("\nl\na")
        anna.type("weg ermee")
        anna.handle(.control("d"))
        anna.handle(.tab)
        anna.type("e")
        anna.type(" en meer")
        bert.handle(.control("r"))
        bert.type("\nl\n")
        bert.handle(.tab)
        bert.type("d")
        bert.type("j")
        #expect(bert.review.notes.isEmpty)
        anna.handle(.control("d"))
        let conflict = try #require(anna.openForm?.conflict)
        #expect(conflict.current == nil && conflict.changedBy == "bert")
        #expect(anna.render().contains("n bewaar als nieuw  Esc verder bewerken"))
        anna.type("h")
        #expect(anna.openForm != nil, "there is no 'theirs' to take")
        anna.type("n")
        #expect(anna.review.notes.map(\.text) == ["weg ermee en meer"])
    }

    @Test func undoNeverRevertsAColleaguesNewerStatusAndRedoWorks() throws {
        let path = temporaryDatabasePath()
        var anna = app("anna", try ReviewDatabase(path: path))
        var bert = app("bert", try ReviewDatabase(path: path))
        anna.type("\nls")
        bert.type("\nls")
        // Bert's screen showed "open" while anna had already set "in behandeling": his step changed nothing.
        #expect(bert.statusMessage?.hasPrefix("Niet gewijzigd: status is intussen gewijzigd door anna op 25-11-2026 11:00") == true)
        #expect(bert.review.status(of: "d1-in-1") == .inProgress, "his screen now shows anna's status")
        bert.type("s")
        #expect(bert.review.status(of: "d1-in-1") == .shown)
        anna.type("u")
        #expect(anna.statusMessage == "Niet ongedaan gemaakt: de status is intussen gewijzigd door bert op 25-11-2026 11:00")
        #expect(anna.review.status(of: "d1-in-1") == .shown)
        bert.type("u")
        #expect(bert.review.status(of: "d1-in-1") == .inProgress, "bert undoes his own edit")
        bert.type("U")
        #expect(bert.review.status(of: "d1-in-1") == .shown && bert.statusMessage?.hasPrefix("Opnieuw gedaan") == true)
        bert.type("U")
        #expect(bert.statusMessage == "Niets om opnieuw te doen")
    }

    @Test func aStatusChangedByAnotherProcessIsNotSteppedFromTheStaleScreen() throws {
        let path = temporaryDatabasePath()
        var anna = app("anna", try ReviewDatabase(path: path))
        anna.type("\nls")
        // Another process (python3's sqlite3, not this library) changes the status; anna's screen still shows hers.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        other.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE item_status SET status = 'niet-aangetoond', version = version + 1, updated_by = 'piet' WHERE item_id = 'd1-in-1'")
            db.commit()
            """, path]
        try other.run()
        other.waitUntilExit()
        #expect(other.terminationStatus == 0)
        #expect(anna.review.status(of: "d1-in-1") == .inProgress, "not refreshed yet")
        anna.type("s")
        #expect(anna.statusMessage?.hasPrefix("Niet gewijzigd: status is intussen gewijzigd door piet") == true)
        #expect(anna.review.status(of: "d1-in-1") == .notShown, "refreshed to what is stored")
    }
}

/// Undo and redo walk back and forth over this session's own steps on one record.
@Suite struct UndoChainTests {
    @Test func repeatedUndoAndRedoOnOneRecord() throws {
        var app = try makeReviewApp()
        app.type("\nlss")
        #expect(app.review.status(of: "d1-in-1") == .shown)
        app.type("u")
        #expect(app.review.status(of: "d1-in-1") == .inProgress)
        app.type("u")
        #expect(app.review.status(of: "d1-in-1") == .open, "the second undo follows the first one's version")
        app.type("UU")
        #expect(app.review.status(of: "d1-in-1") == .shown)
        app.type("uuu")
        #expect(app.statusMessage == "Niets om ongedaan te maken")
        #expect(app.review.status(of: "d1-in-1") == .open)
    }

    @Test func addEditDeleteOfANoteUndoneStepByStep() throws {
        var app = try makeReviewApp()
        app.type("\nl\na")
        app.type("eerst")
        app.handle(.control("d"))
        app.handle(.tab)
        app.type("e")
        app.type(" en later")
        app.handle(.control("d"))
        app.type("dj")
        #expect(app.review.notes.isEmpty)
        app.type("u")
        #expect(app.review.notes.map(\.text) == ["eerst en later"])
        #expect(app.review.notes.first?.updatedBy == "jeanneke", "it comes back as jeanneke last edited it")
        app.type("u")
        #expect(app.review.notes.map(\.text) == ["eerst"])
        app.type("u")
        #expect(app.review.notes.isEmpty)
        app.type("UUU")
        #expect(app.review.notes.isEmpty && app.statusMessage == "Opnieuw gedaan: notitie “eerst en later” bij Doel 1 · Indicatoren 1 gewist")
    }
}

/// Typed text is never lost: drafts, and questions before anything is thrown away.
@Suite struct DraftFlowTests {
    @Test func escOnTypedTextAsksAndDeleteAsks() throws {
        var app = try makeReviewApp()
        app.type("\nla")
        app.handle(.escape)
        #expect(app.openForm == nil && app.statusMessage == "Niets bewaard", "an untouched form just closes")
        app.type("a")
        app.type("half af")
        app.handle(.escape)
        #expect(app.pendingQuestion == "Je tekst weggooien?")
        #expect(app.render().lines[23].contains("Je tekst weggooien?  j ja, weggooien  n nee, verder bewerken"))
        app.type("n")
        #expect(app.openForm?.texts == ["half af"])
        app.handle(.escape)
        app.type("j")
        #expect(app.openForm == nil && app.review.notes.isEmpty)
    }

    @Test func ctrlCInAFormKeepsADraftAndAsks() throws {
        let store = try reviewDatabase(at: temporaryDatabasePath())
        var app = try makeReviewApp(repository: store)
        app.type("\nla")
        let quitsAtOnce = !app.interrupt()
        #expect(quitsAtOnce, "nothing typed: Ctrl-C quits as before")
        app.type("bijna klaar")
        let asked = app.interrupt()
        #expect(asked)
        #expect(app.pendingQuestion?.hasPrefix("Stoppen? Je tekst is als concept bewaard") == true)
        #expect(try store.drafts.count() == 1)
        app.type("n")
        #expect(app.isRunning && app.openForm?.texts == ["bijna klaar"])
        let askedAgain = app.interrupt()
        let quitsOnSecond = !app.interrupt()
        #expect(askedAgain && quitsOnSecond, "a second Ctrl-C while asked quits")
    }

    @Test func ctrlCSaysSoWhenTheDraftCouldNotBeKept() throws {
        var app = try makeReviewApp(repository: FailingRepository())
        app.type("\nla")
        app.type("op een volle schijf")
        let asked = app.interrupt()
        #expect(asked)
        #expect(app.pendingQuestion == "Je tekst kon NIET bewaard worden (disk I/O error). Toch stoppen?")
        app.handle(.escape)
        #expect(app.isRunning && app.openForm?.texts == ["op een volle schijf"], "Esc keeps editing")
        #expect(app.unsavedText == "Nieuwe notitie bij Doel 1 · Indicatoren 1\n\nop een volle schijf\n", "what a signal writes to a file")
    }

    @Test func aDraftLeftByAGoneSessionIsOfferedAndRestored() throws {
        let path = temporaryDatabasePath()
        let store = try reviewDatabase(at: path)
        try leaveDraft("na het ophangen", in: store)
        var second = try makeReviewApp(repository: reviewDatabase(at: path))
        #expect(second.pendingQuestion == "Niet bewaarde tekst gevonden: Nieuwe notitie bij Doel 1 · Indicatoren 1 (25-11-2026 11:00)")
        assertSnapshot(second.render(), named: "draft-offered-80x24")
        second.type("j")
        #expect(second.openForm?.texts == ["na het ophangen"])
        second.handle(.control("d"))
        #expect(second.review.notes.map(\.text) == ["na het ophangen"])
        #expect(try store.drafts.count() == 0, "a saved form leaves no draft")
    }

    /// `present` with a draft left behind: the question waits until presenting ends, so Space turns the
    /// slide instead of answering a question nobody sees, and the projector never shows it.
    @Test func aDraftWaitsWhilePresentingAndIsOfferedAfterwards() throws {
        let path = temporaryDatabasePath()
        let store = try reviewDatabase(at: path)
        try leaveDraft("voor na de middag", in: store)
        let session = ReviewSession(repository: try reviewDatabase(at: path), author: "jeanneke", clock: reviewClock, export: { _, _, _ in "" })
        var app = App(dataset: sampleData, review: session, presenting: Presenter(deck: .goals(sampleData), startingAt: 0))
        app.resize(width: 80, height: 24)
        #expect(app.pendingQuestion == nil, "no question over a slide")
        app.handle(.character(" "))
        #expect(app.presenter?.index == 1, "Space turns the slide")
        #expect(!app.render().contains("Niet bewaarde tekst"), "the audience does not see the question")
        app.handle(.escape)
        app.handle(.escape)  // a talk started with `present` leaves at the second Esc
        #expect(app.presenter == nil)
        #expect(app.pendingQuestion == "Niet bewaarde tekst gevonden: Nieuwe notitie bij Doel 1 · Indicatoren 1 (25-11-2026 11:00)")
        #expect(app.render().contains("Niet bewaarde tekst gevonden"), "shown in the status line once browsing")
        app.type("j")
        #expect(app.openForm?.texts == ["voor na de middag"])
    }

    /// A draft that cannot be read is named, and the others are still offered.
    @Test func anUnreadableDraftDoesNotHideTheOthers() throws {
        let path = temporaryDatabasePath()
        let store = try reviewDatabase(at: path)
        _ = try store.saveDraft(id: nil, author: "jeanneke", payload: "kapot", now: reviewClock())
        try leaveDraft("leesbaar", in: store)
        let app = try makeReviewApp(repository: reviewDatabase(at: path))
        #expect(app.pendingQuestion?.hasPrefix("Niet bewaarde tekst gevonden: Nieuwe notitie bij Doel 1") == true)
    }

    @Test func aDraftCanWaitOrBeThrownAway() throws {
        let path = temporaryDatabasePath()
        let store = try reviewDatabase(at: path)
        // Both typed while the other session still runs, so neither is offered to the second meanwhile.
        for text in ["eerste", "tweede"] {
            var app = try makeReviewApp(repository: store)
            app.type("\nla")
            app.type(text)
            app.saveDraft()
        }
        try abandonDrafts(of: store)
        var app = try makeReviewApp(repository: reviewDatabase(at: path))
        app.type("l")
        #expect(app.statusMessage == "Concept blijft bewaard" && app.pendingQuestion?.hasPrefix("Niet bewaarde tekst gevonden") == true,
                "then the next one")
        app.type("w")
        #expect(app.statusMessage == "Concept weggegooid")
        #expect(try store.abandonedDrafts(author: "jeanneke").count == 1, "the one put off is still there")
        app.type(":concepten\n")
        #expect(app.pendingQuestion?.hasPrefix("Niet bewaarde tekst gevonden") == true, ":concept offers the one put off again")
        app.type("j")
        #expect(app.openForm?.texts == ["eerste"])
        app.handle(.control("d"))
        app.type(":concepten\n")
        #expect(app.statusMessage == "Geen niet bewaarde teksten")
    }
}

@Suite struct StatusNoticeTests {
    @Test func aLongNoticeWrapsUpwardsAndSurvivesAResize() {
        let notice = "Alleen lezen: /srv/htno/gedeelde-map/review.sqlite: gemaakt door een nieuwere htno-dialoog (schemaversie 999, deze versie kent tot 3)"
        var app = App(dataset: sampleData, glyphs: .unicode, startupMessage: notice)
        app.resize(width: 80, height: 24)
        app.handle(.resize)
        let bottom = app.render().lines.suffix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(bottom == notice)
    }
}

@Suite struct ReviewSearchTests {
    @Test func searchFindsNotesDecisionsActionsOwnersAndLandsdelen() throws {
        var app = try makeReviewApp()
        app.type("\nla")
        app.type("Deelnemerslijst gecontroleerd met de Klankbordgroep")
        app.handle(.control("d"))
        app.type(":november sectortafel\nt")
        app.type("Agenda opstellen")
        app.handle(.tab)
        app.type("Jeroen Bakker")
        app.handle(.control("d"))
        app.handle(.escape)
        app.type("/klankbordgroep\n")
        #expect(app.render().contains("Notitie · jeanneke"))
        app.handle(.enter)
        #expect((app.topScreen as? GoalTableScreen)?.column == .indicatoren, "the hit jumps to the note's item")
        app.type("/bakker\n")
        #expect(app.render().contains("Actie · Jeroen Bakker"))
        app.type("/zuidoost\n")
        #expect(app.render().contains("Zuidoost · Techniekpact-doel"), "landsdeel names find their cases")
    }
}

/// A note on Doel 1 · Indicatoren 1 typed and kept as a draft by a session that is then gone (SIGHUP): its
/// process no longer runs, so the next start offers the draft.
func leaveDraft(_ text: String, in store: ReviewDatabase) throws {
    var app = try makeReviewApp(repository: store)
    app.type("\nla")
    app.type(text)
    app.saveDraft()
    try abandonDrafts(of: store)
}

/// A review database at `path` whose drafts are kept in a file beside it, so that a second instance at the
/// same path (a later session) finds them, as a user's private drafts file does.
func reviewDatabase(at path: String) throws -> ReviewDatabase {
    try ReviewDatabase(path: path, drafts: DraftStore(path: path + "-concepten.sqlite", forReviewAt: path))
}

/// The drafts' sessions are gone (a dropped connection): a new session is offered them.
func abandonDrafts(of store: ReviewDatabase) throws {
    try store.drafts.queue.write { try $0.execute(sql: "UPDATE draft SET pid = 2147483646") }
}
