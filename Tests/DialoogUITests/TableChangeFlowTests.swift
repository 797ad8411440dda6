import Foundation
import Testing
import DialoogModel
@testable import ReviewStore
@testable import DialoogUI

/// A clock a minute on at every reading, so each step of a flow has its own moment (a peildatum before an acceptance).
private final class TickingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var minutes = 0.0

    func now() -> Date {
        lock.withLock {
            minutes += 1
            return reviewClock().addingTimeInterval(minutes * 60)
        }
    }
}

/// An app on a new review where a new bewijs for Doel 1 was just proposed (`1 Enter l l i`, the text, Ctrl-D),
/// the goal table in front.
private func appProposingABewijs(_ text: String) throws -> App {
    var app = try makeReviewApp()
    app.type("1\nlli")
    app.type(text)
    app.press(.control("d"))
    return app
}

/// The goal table grows with tracked changes, at 80x24: a new item and a new wording proposed, shown struck and
/// added, accepted with `w`, and the table of an earlier peildatum without them.
@Suite struct TableChangeFlowTests {
    @Test func anItemAndAWordingAreProposedShownAndAccepted() throws {
        let store = try ReviewDatabase()
        let clock = TickingClock()
        var app = try makeReviewApp(repository: store, clock: clock.now)
        app.type(":peildatum vastleggen\n")
        app.type("december 2024")
        app.press(.control("d"))

        // Doel 1, Bewijs: "Sac verslagen" gets a new wording, and the column a new item.
        app.type("1\nllGr")
        #expect(app.openForm?.title == "Nieuwe formulering (voorstel)" && app.openForm?.texts == ["Sac verslagen"])
        app.press(.end)
        app.type(" en notulen sectortafel")
        app.press(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Nieuwe formulering voorgesteld bij Doel 1 · Bewijs 4") == true, "\(app.statusMessage ?? "")")
        app.type("i")
        #expect(app.openForm?.title == "Item toevoegen (voorstel)")
        app.type("Verslag htno-middag 2025")
        app.press(.control("d"))
        let tracked = app.render()
        assertSnapshot(tracked, named: "goal-table-tracked-changes-80x24")
        #expect(singleSpaced(tracked.text).contains("Bewijs (5)"), "the proposed item is in its column")
        #expect(tracked.text.contains("{+Verslag"), "shown as added (and the rest of it further down)")
        #expect(tracked.text.contains("{+en notulen"), "the new wording's words shown as added")
        #expect(tracked.text.contains("Doel 1 (nu):"), "the title names the moment once there are peildata")

        // The new item's detail says who proposed it; `w` accepts it.
        app.type("G\n")
        let detail = app.render().text
        #expect(detail.contains("Wijzigingen van de tabel (1)") && detail.contains("toegevoegd door jeanneke"), "\(detail)")
        #expect(detail.contains("Niet uit de bron"))
        app.type("w")
        #expect(app.pendingQuestion?.hasPrefix("Nieuw item van jeanneke") == true, "\(app.pendingQuestion ?? "")")
        app.type("a")
        #expect(app.statusMessage == "Voorstel aanvaard  (u = ongedaan maken)", "\(app.statusMessage ?? "")")
        #expect(try store.load().tableChanges.first { $0.kind == .addition }?.state == .accepted)
        #expect(app.render().text.contains("aanvaard door jeanneke"))
        app.press(.escape)
        #expect(!app.render().text.contains("{+Verslag"), "accepted: plain text in the table")

        // The wording is rejected, then the rejection undone: a proposal again.
        app.type("kw")
        app.type("v")
        #expect(try store.load().tableChanges.first { $0.kind == .rewording }?.state == .rejected)
        #expect(!app.render().text.contains("{+en notulen"), "a rejected wording is not shown")
        app.type("u")
        #expect(app.render().text.contains("{+en notulen"), "undo brings the proposal back")

        // The table at the peildatum is the source: the item accepted later is not in it.
        app.type("<")
        let then = app.render().text
        #expect(then.contains("Doel 1 (peildatum december 2024):") && then.contains("Bewijs (4)") && !then.contains("{+"), "\(then)")
        app.type(">")
        #expect(app.render().text.contains("Bewijs (5)"))
    }

    @Test func aProposedItemThatGoesAwayWhileShownLeavesNoCrash() throws {
        let store = try ReviewDatabase()
        var app = try makeReviewApp(repository: store)
        app.type("1\nll")
        app.type("i")
        app.type("Verslag htno-middag 2025")
        app.press(.control("d"))
        app.type("G\n")
        #expect(app.render().text.contains("Verslag htno-middag 2025"))
        app.type("w")
        app.type("i")
        #expect(try store.load().tableChanges.isEmpty, "withdrawn from its own detail")
        #expect(app.render().text.contains("Dit item is er niet meer"), "the detail says the item is gone")
        app.press(.escape)
        #expect(app.render().text.contains("Bewijs (4)"), "the table draws with the item gone")
        app.type("i")
        app.type("Tweede voorstel")
        app.press(.control("d"))
        app.type("G")
        app.type("u")
        #expect(try store.load().tableChanges.isEmpty && app.render().text.contains("Bewijs (4)"), "undone while selected")
        app.type("s")
        #expect(app.statusMessage?.hasPrefix("Status Doel 1 · Bewijs 4") == true, "s acts on the last item left: \(app.statusMessage ?? "")")
    }

    @Test func nothingIsRecordedOnAPeildatumsTable() throws {
        var app = try makeReviewApp()
        app.type(":peildatum vastleggen\n")
        app.type("december 2024")
        app.press(.control("d"))
        app.type("1\nl<")
        for key in ["s", "a", "i", "r", "w"] {
            app.type(key)
            #expect(app.openForm == nil && app.pendingQuestion == nil
                    && app.statusMessage == "Je ziet de tabel van peildatum december 2024: > gaat naar nu om iets vast te leggen", "\(key)")
        }
        app.press(.enter)
        #expect(app.statusMessage == "Het detail toont de stand van nu: > gaat naar nu")
        app.type(">s")
        #expect(app.statusMessage?.hasPrefix("Status Doel 1 · Indicatoren 1") == true, "now it records: \(app.statusMessage ?? "")")
    }

    @Test func anAddedItemIsFoundBySearch() throws {
        var app = try appProposingABewijs("Kwartaalrapportage werkveld")
        app.type("6/kwartaalrapportage")
        let hits = app.render().text
        #expect(hits.contains("Nieuw item (voorgesteld)") && hits.contains("{+Kwartaalrapportage werkveld+}") && hits.contains("(1 treffer)"), "\(hits)")
        app.press(.enter)
        app.press(.enter)
        #expect(app.section == .goals && app.topScreen is GoalTableScreen, "a hit goes to the item in its goal table")
    }

    @Test func aSearchHitOnAMitigationOpensItAfterAnAddedRisk() throws {
        var app = try makeReviewApp()
        app.type("1\ni")
        app.type("Te weinig tijd bij de branches")
        app.press(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Nieuw item voorgesteld bij Doel 1 · Winst-risico") == true, "\(app.statusMessage ?? "")")
        app.type("/besluitvorming aan de sectortafel over de thema")
        app.press(.enter)
        app.press(.enter)
        let focused = app.topScreen.focusedLocation(in: app.context)
        #expect(focused?.noteSubjectId(in: app.context.dataset) == "d1-mi-1", "the mitigation itself, not the item above it: \(String(describing: focused))")
    }

    @Test func theOverviewCountsTheTableAsReportedWithoutProposals() throws {
        var app = try makeReviewApp()
        app.type("O")
        let before = app.render().lines.first { $0.contains("Totaal") && $0.contains(where: \.isNumber) } ?? ""
        app.type("1\nlli")
        app.type("Nog niet besloten")
        app.press(.control("d"))
        app.type("O")
        #expect(app.render().lines.first { $0.contains("Totaal") && $0.contains(where: \.isNumber) } == before, "a proposal is not counted")
        app.type("1Gw")
        app.type("a")
        #expect(app.statusMessage == "Voorstel aanvaard  (u = ongedaan maken)", "\(app.statusMessage ?? "")")
        app.type("O")
        #expect(app.render().lines.first { $0.contains("Totaal") && $0.contains(where: \.isNumber) } != before, "accepted, it is")
    }

    @Test func anUndoNamesAnAddedItemByItsPlace() throws {
        var app = try appProposingABewijs("Kwartaalrapportage")
        app.type("Ga")
        app.type("Gezien")
        app.press(.control("d"))
        app.type("3u")
        #expect(app.statusMessage?.contains("bij Doel 1 · Bewijs 5") == true, "\(app.statusMessage ?? "")")
    }

    @Test func theProjectorShowsOnlyAcceptedChanges() throws {
        var app = try appProposingABewijs("Kwartaalrapportage")
        app.type("p")
        #expect(app.presenter != nil && app.render().text.contains("Sac verslagen"), "the bewijs slide of Doel 1")
        #expect(!app.render().text.contains("Kwartaalrapportage"), "a proposal is not on the projector")
    }

    @Test func aScreenReaderHearsTheProposal() throws {
        var app = try appProposingABewijs("Kwartaalrapportage")
        app.type("G")
        #expect(app.topScreen.focusedLocation(in: app.context)?.announcement(in: app.context)
                == "Doel 1 · Bewijs 5 van 5 · status open · 0 notities · voorgesteld nieuw item: {+Kwartaalrapportage+}")
    }

    @Test func keysSayWhereTheyDoNotApply() throws {
        var app = try makeReviewApp()
        app.type("1\nw")
        #expect(app.statusMessage == "Geen open voorstel op dit item (r = nieuwe formulering voorstellen)")
        app.type("<")
        #expect(app.statusMessage == "Nog geen peildatum: dit is de stand van nu")
        app.type("r")
        app.press(.control("d"))
        #expect(app.openForm?.error == "De formulering is niet veranderd")
    }
}
