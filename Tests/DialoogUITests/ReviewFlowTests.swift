import GRDB
import Foundation
import Testing
import DialoogModel
@testable import ReviewStore
@testable import DialoogUI

/// A database path in a new, existing folder (an explicit path in a missing folder is an error).
func temporaryDatabasePath() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-ui-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("review.sqlite").path
}

/// A fixed clock: 25 november 2026, 10:00 UTC.
let reviewClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_600_800) }

func makeReviewApp(repository: (any ReviewRepository)? = nil, clock: @escaping @Sendable () -> Date = reviewClock,
                   exported: @escaping @Sendable (Dataset, ReviewSnapshot, ExportRequest) throws -> String = { _, _, _ in "/tmp/x.md" }) throws -> App {
    let session = ReviewSession(repository: try repository ?? ReviewDatabase(), author: "jeanneke", clock: clock, export: exported)
    var app = App(dataset: sampleData, glyphs: .unicode, review: session)
    app.resize(width: 80, height: 24)
    return app
}

extension App {
    mutating func press(_ keys: Key...) {
        for key in keys { handle(key) }
    }

    /// `3t`: a new action at the January htno-middag, each text typed into the next field (action, owner,
    /// deadline, voor), leaving the form open on the field after them.
    mutating func startAction(_ texts: [String]) {
        type("3t")
        for text in texts {
            type(text)
            handle(.tab)
        }
    }
}

@Suite struct ReviewFlowTests {
    /// A note on a winst-risico item (which has no status) is shown, chosen, edited and listed like any other.
    @Test func aNoteOnAWinstRisicoIsShownEditedAndListed() throws {
        var app = try makeReviewApp()
        app.type("1\nja")
        app.type("risico gezien")
        app.handle(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Notitie bewaard") == true)
        app.handle(.enter)
        var frame = app.render()
        #expect(frame.contains("Notities (1)") && frame.contains("risico gezien"), "the detail shows the note")
        #expect(!frame.contains("Beoordeling"), "a winst-risico has no status")
        app.handle(.tab)
        app.type("e")
        app.handle(.control("u"))
        app.type("risico besproken")
        app.handle(.control("d"))
        #expect(app.review.notes.map(\.text) == ["risico besproken"])
        app.type("6fffff")
        frame = app.render()
        #expect(frame.contains("items met notities") && frame.contains("Winst-risico 2:"), "the Review list of items with notes has it")
    }

    @Test func statusCyclesInTheGoalTableAndCountsOnTheOverview() throws {
        var app = try makeReviewApp()
        app.type("\nl")
        app.type("s")
        #expect(app.review.status(of: "d1-in-1") == .inProgress)
        #expect(app.statusMessage == "Status Doel 1 · Indicatoren 1: in behandeling  (u = ongedaan maken)")
        #expect(app.render().contains("│◐ 1. Actieve"))
        app.type("s")
        #expect(app.review.status(of: "d1-in-1") == .shown)
        app.type("S")
        #expect(app.review.status(of: "d1-in-1") == .inProgress)
        app.type("ss")
        #expect(app.review.status(of: "d1-in-1") == .notShown)
        app.type("s")
        #expect(app.review.status(of: "d1-in-1") == .open, "open again")
        #expect(app.review.statusVersion(of: "d1-in-1") == 6, "five steps, and the version counts every one")
        app.type("SS")
        app.handle(.escape)
        #expect(app.render().lines[4].hasSuffix("3    2    4    3    1/1  │"))
        assertSnapshot(app.render(), named: "overview-with-review-80x24")
    }

    @Test func winstRisicoHasNoStatus() throws {
        var app = try makeReviewApp()
        app.type("\ns")
        #expect(app.statusMessage == "Winst-risico heeft geen status; wel notities (a)")
        #expect(app.review.statuses.isEmpty)
    }

    @Test func aNoteIsWrittenInAFormSignedAndUndone() throws {
        var app = try makeReviewApp()
        app.type("\nll")
        app.type("a")
        #expect(app.openForm?.title == "Nieuwe notitie")
        app.type("Notulen april bekeken: bèta ✓")
        app.handle(.enter)
        app.type("tweede regel")
        app.press(.left, .left, .backspace)
        assertSnapshot(app.render(), named: "note-form-80x24")
        app.handle(.control("d"))
        #expect(app.openForm == nil)
        let note = try #require(app.review.notes(on: "d1-bw-1").first)
        #expect(note.text == "Notulen april bekeken: bèta ✓\ntweede reel")
        #expect(note.author == "jeanneke")
        #expect(note.createdAt == reviewClock())
        #expect(app.render().contains("│  genodigden ✎1"))
        app.type("u")
        #expect(app.review.notes.isEmpty)
        #expect(app.statusMessage == "Ongedaan: notitie “Notulen april bekeken: bèta ✓” bij Doel 1 · Bewijs 1 gewist", "names it and its place")
        app.type("u")
        #expect(app.statusMessage == "Niets om ongedaan te maken")
    }

    @Test func escapeCancelsAFormAndAnEmptyNoteIsRefused() throws {
        var app = try makeReviewApp()
        app.type("\nlla")
        app.handle(.control("d"))
        #expect(app.openForm?.error == "Notitie is leeg")
        app.handle(.escape)
        #expect(app.openForm == nil)
        #expect(app.statusMessage == "Niets bewaard")
        #expect(app.review.notes.isEmpty)
    }

    @Test func notesAreSelectedEditedAndDeletedInTheDetailView() throws {
        var app = try makeReviewApp()
        app.type("\nl\n")
        app.type("a")
        app.type("eerste")
        app.handle(.control("d"))
        app.type("a")
        app.type("tweede")
        app.handle(.control("d"))
        app.type("e")
        #expect(app.statusMessage == "Kies eerst met Tab een notitie, besluit of actie (in een item of overleg: Enter)")
        app.handle(.tab)
        app.handle(.tab)
        #expect((app.topScreen as? DetailScreen)?.selectedEntry == 1)
        app.type("e")
        #expect(app.openForm?.title == "Notitie bewerken")
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        app.type("2e, bewerkt")
        app.handle(.control("d"))
        #expect(app.review.notes(on: "d1-in-1").map(\.text) == ["eerste", "2e, bewerkt"])
        #expect(app.review.notes(on: "d1-in-1")[1].updatedAt == reviewClock())
        assertSnapshot(app.render(), named: "indicator-with-notes-80x24")
        app.handle(.tab)
        app.type("d")
        #expect(app.pendingQuestion == "Notitie van jeanneke wissen?", "d asks first")
        app.handle(.escape)
        #expect(app.review.notes(on: "d1-in-1").count == 2 && app.statusMessage == "Niets gewist")
        app.type("d")
        app.type("j")
        #expect(app.review.notes(on: "d1-in-1").map(\.text) == ["2e, bewerkt"])
        app.type("u")
        #expect(app.review.notes(on: "d1-in-1").map(\.text) == ["eerste", "2e, bewerkt"])
    }

    @Test func decisionsAndActionItemsAtASectortafel() throws {
        var app = try makeReviewApp()
        app.type("3jjjj\n")
        #expect((app.topScreen as? DetailScreen)?.location == .activity(month: 3, index: 0))
        app.type("b")
        app.type("Werkagenda met de branches")
        app.handle(.control("d"))
        app.type("t")
        app.type("Werkagenda opstellen")
        app.handle(.tab)
        app.type("branches")
        app.handle(.tab)
        app.type("31-02-2024")
        app.handle(.tab)
        app.type("d4-in-1")
        app.handle(.control("d"))
        #expect(app.openForm?.error == "Deadline '31-02-2024' is geen datum als 31-03-2024")
        app.handle(.backTab)
        app.handle(.control("u"))
        app.type("31-3-2024")
        app.handle(.enter)
        app.handle(.enter)
        #expect(app.openForm == nil)
        let action = try #require(app.review.actions.first)
        #expect(action.activityId == "2023-04-sectortafel" && action.owner == "branches" && action.linkedId == "d4-in-1")
        #expect(app.review.decisions.map(\.text) == ["Werkagenda met de branches"])
        #expect(app.render().contains("OVER DATUM"))
        assertSnapshot(app.render(), named: "sectortafel-april-with-review-80x24")
        app.press(.tab, .tab)
        app.type("x")
        #expect(app.review.actions.first?.isDone == true)
        app.type("6ffff")
        #expect(app.render().contains("Niets voor dit filter"), "the only action is done: nothing past due")
        app.type("3")
        app.type("u")
        #expect(app.review.actions.first?.isDone == false)
        app.type("6ffff")
        #expect(app.render().contains("○ 31-03-2024 · branches · Werkage"))
        #expect(app.review.actions.first?.dueDate == "2024-03-31", "stored as a day the database checks")
    }

    @Test func aPamphletHasNoDecisions() throws {
        var app = try makeReviewApp()
        app.type("3jj\n")
        app.type("b")
        #expect(app.statusMessage == "Alleen een overleg heeft besluiten en acties")
        #expect(app.openForm == nil)
    }

    @Test func theReviewListFiltersOpenItemsAndNotes() throws {
        var app = try makeReviewApp()
        app.type("6")
        #expect(app.render().contains("Review · alle items"))
        app.type("sa")
        app.type("let op")
        app.handle(.control("d"))
        app.type("f")
        let openItems = app.render()
        #expect(openItems.contains("Review · items open"))
        #expect(!openItems.contains("Indicatoren 1: 1. Actieve"))
        app.type("f")
        #expect(app.render().contains("Review · items in behandeling") && app.render().contains("◐ Indicatoren 1: 1. Actieve"))
        app.type("F")
        #expect(app.render().contains("Review · items open"), "F steps back")
        app.type("ffff")
        let withNotes = app.render()
        #expect(withNotes.contains("Review · items met notities"))
        #expect(withNotes.contains("◐ Indicatoren 1: 1. Actieve"))
        #expect(!withNotes.contains("Indicatoren 2:"))
        assertSnapshot(withNotes, named: "review-with-notes-80x24")
        app.type("DD")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: items met notities · Doel 2") && app.render().contains("Niets voor dit filter"))
    }

    @Test func theReviewListFiltersPerGoalAndColumn() throws {
        var app = try makeReviewApp()
        app.type("6DDD")
        let doel3 = app.render()
        #expect(doel3.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: alle items · Doel 3") && doel3.contains("Doel 3 · Ruimte om bij te sturen"))
        #expect(!doel3.contains("Doel 1 ·") && !doel3.contains("Doel 4 ·"))
        app.type("KK")
        let bewijs = app.render()
        #expect(bewijs.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: alle items · Doel 3 · Bewijs"))
        #expect(bewijs.contains("○ Bewijs 1: Het sac") && bewijs.contains("○ Bewijs 2: Het sac") && !bewijs.contains("Indicatoren 1:"))
    }

    /// Three actions with deadlines and goals in a different order each.
    private func appWithThreeActions() throws -> App {
        let store = try ReviewDatabase()
        for (text, due, linked) in [("Later", "2027-01-10", "doel-1"), ("Eerst", "2026-01-05", "d2-bw-1"), ("Zonder", nil, nil)] {
            _ = try store.apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: text, owner: "anna", dueDate: due,
                                                      isDone: false, linkedId: linked, author: "", createdAt: reviewClock())),
                                author: "anna", now: reviewClock())
        }
        return try makeReviewApp(repository: store)
    }

    /// The texts of `names` in the order the frame shows them.
    private func order(of names: [String], in frame: Frame) -> [String] {
        frame.lines.enumerated().compactMap { index, line in names.first { line.contains("anna · \($0)") }.map { (index, $0) } }
            .sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Test func actionsSortByGoalStatusAndDeadline() throws {
        var app = try appWithThreeActions()
        let names = ["Later", "Eerst", "Zonder"]
        app.type("6FFFF")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: acties"))
        #expect(order(of: names, in: app.render()) == ["Later", "Eerst", "Zonder"], "by goal: Doel 1, Doel 2, none")
        app.type("j")
        #expect(app.render().contains("○ Eerst — anna · deadline 05-01-2026 ·") && app.render().contains("voor Doel 2 · Bewijs 1 · OVER"),
                "the preview names the goal item the action serves")
        app.type("o")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: acties · op status"))
        #expect(order(of: names, in: app.render()) == ["Eerst", "Later", "Zonder"], "past due first")
        app.type("oo")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: acties · op deadline"))
        #expect(order(of: names, in: app.render()) == ["Eerst", "Later", "Zonder"])
        app.type("f")
        #expect(order(of: names, in: app.render()) == ["Eerst"], "acties over datum")
        app.type("FD")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: acties · Doel 1 · op deadline") && order(of: names, in: app.render()) == ["Later"])
    }

    @Test func overviewCountsStatusPerGoalAndEnterListsThem() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 0), author: "anna", now: reviewClock())
        _ = try store.apply(.setStatus(itemId: "d1-bw-2", status: .notShown, expectedVersion: 0), author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("O")
        let overview = app.render()
        #expect(overview.contains("Status × doel (nu): aantal indicatoren, bewijs en resultaten"))
        #expect(app.screens.count == 2 && app.topScreen is ReviewOverviewScreen)
        assertSnapshot(overview, named: "review-overview-80x24")
        app.type("lll")
        #expect(overview.contains("Doel 1 · aangetoond: 1 item"))
        #expect(app.render().contains("Doel 1 · niet aangetoond: 1 item"))
        app.handle(.enter)
        let list = app.render()
        #expect(list.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: items niet aangetoond · Doel 1") && list.contains("✕ Bewijs 2: Evaluatie htno-middag"))
        app.handle(.escape)
        app.type("jjjjjjl")
        #expect(app.render().contains("Alle doelen · alle statussen: 61 items"))
    }

    @Test func readOnlyWithoutADatabase() {
        var app = makeApp()
        app.type("\nls")
        #expect(app.statusMessage == "Alleen lezen: geen reviewdatabase geopend")
        app.type("E")
        #expect(app.statusMessage == "Alleen lezen: geen reviewdatabase geopend")
    }

    @Test func aFailedSaveKeepsTheFormAndSaysWhy() throws {
        var app = try makeReviewApp(repository: FailingRepository())
        app.type("\nla")
        app.type("belangrijk")
        app.handle(.control("d"))
        #expect(app.openForm != nil, "the text is not lost: the form stays open")
        #expect(app.statusMessage == "Niet opgeslagen: disk I/O error")
    }

    @Test func exportFromTheTUIAsksFormatAndFileAndNeverOverwritesSilently() throws {
        let written = Mutex<[String]>([])
        var app = try makeReviewApp(exported: { _, _, request in
            if case .newFileOnly = request.write, written.get().contains(request.file) { throw ExportFileExists(path: "/werk/" + request.file) }
            written.set(written.get() + [request.file])
            guard case .review(let format) = request.content else { return "?" }
            return "/werk/\(request.file) (\(format))"
        })
        app.type("E")
        #expect(app.pendingQuestion == "Export:")
        let question = app.render().lines.suffix(2).joined(separator: " ")
        #expect(question.contains("Export:") && question.contains("m Markdown  x Excel  c CSV  s CSV-nl  j JSON  t tekst  i iCal  o Outlook"),
                "\(question)")
        app.type("s")
        #expect(app.render().lines[23].hasPrefix(" Exporteren (CSV-nl) naar: htno-review-2026-11-25-nl.csv"), "CSV-nl has a name of its own")
        app.handle(.escape)
        app.type("Ec")
        #expect(app.render().lines[23].hasPrefix(" Exporteren (CSV) naar: htno-review-2026-11-25.csv"))
        app.handle(.enter)
        #expect(app.statusMessage == "Export geschreven: /werk/htno-review-2026-11-25.csv (csv)")
        app.type("Ec")
        app.handle(.enter)
        #expect(app.pendingQuestion == "/werk/htno-review-2026-11-25.csv bestaat al. Overschrijven?")
        app.type("n")
        #expect(app.statusMessage == "Niets geëxporteerd" && written.get().count == 1)
        app.type("Ec")
        app.handle(.control("u"))
        app.type("jaarverslag.csv\n")
        #expect(app.statusMessage == "Export geschreven: /werk/jaarverslag.csv (csv)")
    }

    @Test func agendaKeyWritesTheAgendaOfTheMeetingInFocusOrTheNextOne() throws {
        let requests = Mutex<[ExportRequest]>([])
        var app = try makeReviewApp(exported: { _, _, request in
            requests.set(requests.get() + [request])
            return "/werk/" + request.file
        })
        app.type("A")
        #expect(app.render().lines[23].hasPrefix(" Exporteren (agenda) naar: agenda-2023-11-sectortafel.md"), "today is in November")
        app.handle(.escape)
        app.type("3A")  // on the January htno-middag, which has a programme, not an agenda
        #expect(app.render().lines[23].hasPrefix(" Exporteren (agenda) naar: agenda-2023-11-sectortafel.md"))
        app.handle(.escape)
        app.type("jA\n")  // the January sac vergadering
        #expect(app.statusMessage == "Export geschreven: /werk/agenda-2023-01-sac.md")
        #expect(requests.get() == [ExportRequest(content: .agenda(meetingId: "2023-01-sac"), file: "agenda-2023-01-sac.md", write: .newFileOnly)])
    }

    /// "doel 6" names Doel 6 itself first, then its items; an item whose text has "60 aanwezigen" comes after.
    /// The history says what changed in an action, field by field, with office dates: not both versions cut at 40.
    @Test func historySaysWhatChangedInAnAction() throws {
        var app = try makeReviewApp()
        app.resize(width: 120, height: 50)
        app.startAction(["Verslag sectortafel rondsturen", "Jan Jansen", "15-1-24"])
        app.handle(.control("d"))
        app.handle(.enter)
        app.handle(.tab)
        app.type("e")
        app.handle(.tab)
        app.handle(.tab)
        app.handle(.control("u"))
        app.type("01-02-2027")
        app.handle(.control("d"))
        app.type("x")
        let frame = app.render()
        #expect(frame.contains("actie gewijzigd: deadline 15-01-2024 → 01-02-2027"), "\(frame.text)")
        #expect(frame.contains("actie gewijzigd: afgerond"))
        #expect(!frame.contains("Jan Ja…"), "nothing cut at 40")
    }

    /// In the Review list of actions, x and e act on the row where the cursor is.
    @Test func keysActOnTheActionRowOfTheReviewList() throws {
        var app = try makeReviewApp()
        app.startAction(["Zaal reserveren", "anna", "1-2-27"])
        app.handle(.control("d"))
        app.type("6fffffff")
        #expect(app.render().contains("acties") && app.render().contains("Zaal reserveren"))
        app.type("x")
        #expect(app.review.actions.first?.isDone == true, "x on the row marks it done")
        app.type("e")
        #expect(app.openForm?.title == "Actie bewerken" && app.openForm?.texts.first == "Zaal reserveren")
    }

    @Test func theVoorFieldRanksAnExactNameFirst() throws {
        var app = try makeReviewApp()
        app.startAction(["Zaal reserveren", "anna", ""])
        app.type("doel 6")
        let picking = app.render()
        #expect(picking.contains("› Doel 6: "), "the goal itself is chosen first")
        let rows = picking.lines.filter { $0.contains("Doel ") && ($0.contains("› ") || $0.contains("│   Doel")) }
        #expect(rows.prefix(5).allSatisfy { $0.contains("Doel 6") }, "its items follow: \(rows)")
        app.handle(.enter)
        app.handle(.control("d"))
        #expect(app.review.actions.last?.linkedId == "doel-6")
        var palette = makeApp()
        palette.type(":zuidoost")
        let listed = palette.render().lines.compactMap { line in
            line.range(of: "Zuidoost Techniekpact-doel ").map { Int(line[$0.upperBound...].prefix { $0.isNumber }) ?? 0 }
        }
        #expect(listed == Array(1...listed.count) && listed.count >= 5, "the palette lists Zuidoost's goals in order: \(listed)")
    }

    /// An owner called "afgerond" is an owner; "doel 1" offers Doel 1's items and then Doel 10-12, before other goals.
    @Test func actionFieldsAndRanksReadWhatIsMeant() {
        let fields = ActionFields("Zaal · afgerond")
        #expect(fields.text == "Zaal" && fields.owner == "afgerond" && !fields.isDone)
        let done = ActionFields("Zaal · boeken · deadline 01-02-2027 · afgerond")
        #expect(done.owner == "boeken" && done.deadline == "01-02-2027" && done.isDone)
        let words = { (text: String) in MatchRank.words(text) }
        #expect(MatchRank(typed: words("doel 1"), name: words("Doel 12"), words: words("Doel 12: x"), folded: "doel 12: x") == .startOfName)
        #expect(MatchRank(typed: words("doel 1"), name: words("Doel 5 · Indicatoren 1"), words: words("Doel 5 · Indicatoren 1"),
                          folded: "") == .wordsOfName)
    }

    @Test func theVoorFieldPicksAGoalOrItemByName() throws {
        var app = try makeReviewApp()
        app.startAction(["Notulen", "anna", "1-2-2027"])
        app.type("gesprek branches")
        let picking = app.render()
        #expect(picking.contains("› Doel 4 · Winst-risico 4: Er is sprake een constructief"))
        #expect(picking.contains("  Doel 4 · Indicatoren 1: Het gesprek wordt zowel door het sac"))
        app.handle(.down)
        app.handle(.enter)
        #expect(app.openForm?.texts[3] == "Doel 4 · Indicatoren 1: Het gesprek wordt zowel door het sac al…")
        app.handle(.control("d"))
        #expect(app.openForm == nil && app.review.actions.last?.linkedId == "d4-in-1")
        app.type("t")
        for text in ["Agenda", "bert", ""] {
            app.type(text)
            app.handle(.tab)
        }
        app.type("xyz")
        #expect(app.openForm?.texts == ["Agenda", "bert", "", "xyz"])
        #expect(app.render().contains("geen doel of item met “xyz”"))
        app.handle(.control("d"))
        #expect(app.openForm?.error == "'xyz' is geen doel of item: typ een deel van de naam en kies met ↑↓ en Enter")
        for _ in 0..<3 { app.handle(.backspace) }
        app.type("doel-2")  // an id typed as is still works
        app.handle(.control("d"))
        #expect(app.openForm == nil && app.review.actions.last?.linkedId == "doel-2")
    }

    @Test func aSecondInstanceSeesTheFirstsEdits() throws {
        let path = temporaryDatabasePath()
        var first = try makeReviewApp(repository: ReviewDatabase(path: path))
        var second = try makeReviewApp(repository: ReviewDatabase(path: path))
        first.type("\nls")
        #expect(second.review.status(of: "d1-in-1") == .open)
        let changed = second.refreshIfChanged()
        #expect(changed)
        #expect(second.review.status(of: "d1-in-1") == .inProgress)
        let changedAgain = second.refreshIfChanged()
        #expect(!changedAgain)
        second.type("1\nl")
        second.handle(.control("r"))
        #expect(second.statusMessage == "Vernieuwd")
    }
}

struct FailingRepository: ReviewRepository {
    struct DiskError: Error, CustomStringConvertible {
        var description: String { "disk I/O error" }
    }

    func load() throws -> ReviewSnapshot { .empty }
    func apply(_ edit: ReviewEdit, author: String, now: Date, discardingDraft: Int64?) throws -> ReviewEdit { throw DiskError() }
    func hasChangedSinceLoad() -> Bool { false }
    func saveDraft(id: Int64?, author: String, payload: String, now: Date) throws -> Int64 { throw DiskError() }
    func abandonedDrafts(author: String) throws -> [Draft] { [] }
    func deleteDraft(id: Int64) throws { throw DiskError() }
}

@Suite struct ReviewMarkersTests {
    @Test func theCycleListCountsDecisionsAndActionsAndFlagsLateOnes() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addDecision(activityId: "2023-11-sectortafel", text: "x"), author: "j", now: reviewClock())
        _ = try store.apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "y", owner: "z", dueDate: "2024-01-01",
                                                  isDone: false, linkedId: nil, author: "", createdAt: reviewClock())),
                            author: "j", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("3G")
        let frame = app.render()
        let row = try #require(frame.lines.first { $0.contains("Sectortafel: Instroom") })
        #expect(row.contains("B1 A1││"))
        let y = try #require(frame.lines.firstIndex(of: row))
        #expect(frame[3, y].role == .pastDue)
    }

    @Test func searchHitsShowTheStatusOfGoalItems() throws {
        var app = try makeReviewApp()
        app.type("\nls")
        app.type("/actieve betrokkenheid\n")
        #expect(app.render().contains("│◐ Doel 1 · Indicatoren: 1. Actie"))
    }
}

@Suite struct DiskFaultTests {
    @Test func aNoteWrittenOnAFullDiskStaysInTheFormUntilItCanBeSaved() throws {
        let path = temporaryDatabasePath()
        let store = try ReviewDatabase(path: path)
        try store.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        var app = try makeReviewApp(repository: store)
        app.type("\nla")
        app.type(String(repeating: "een lange notitie ", count: 300))  // 5,400 bytes: more than the free page holds
        app.handle(.control("d"))
        #expect(app.statusMessage == "Niet opgeslagen: de schijf is vol (SQLite 13)")
        #expect(app.openForm != nil, "the text is still in the form")
        try store.writer.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000") }
        app.handle(.control("d"))
        #expect(app.openForm == nil)
        #expect(app.review.notes.first?.text.hasPrefix("een lange notitie") == true)
    }
}

/// A database opened read-only says so the moment a key would record something, not when a form is saved.
@Suite struct ReadOnlyReviewTests {
    @Test func aRecordingKeySaysReadOnlyAtOnce() throws {
        let path = temporaryDatabasePath()
        _ = try ReviewDatabase(path: path).apply(.addNote(subjectId: "d1-in-1", text: "al bewaard"), author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: try ReviewDatabase(path: path, readOnly: true))
        app.type("1\n")
        for key in ["a", "s", "i", "r"] {
            app.type(key)
            #expect(app.openForm == nil && app.statusMessage == "Alleen lezen: gevraagd met --read-only; er kan niets bewaard worden",
                    "\(key): \(app.statusMessage ?? "")")
        }
        app.type("l")
        #expect(app.render().contains("✎1"), "what is stored is shown")
        app.type("E")
        #expect(app.pendingQuestion == "Export:", "exporting only reads: \(app.pendingQuestion ?? app.statusMessage ?? "")")
    }
}
