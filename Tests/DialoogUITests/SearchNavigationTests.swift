import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct SearchNavigationTests {
    @Test func oneHitIsOneTreffer() {
        var app = makeApp()
        app.type("/bühne")
        #expect(app.render().lines[23].contains("(1 treffer)") && !app.render().contains("(1 treffers)"))
    }

    @Test func searchJumpsToTheHitAndHighlightsIt() throws {
        var app = makeApp()
        app.type("/berlikum\n")
        #expect(app.breadcrumb.hasSuffix("Zoeken: berlikum"))
        app.handle(.enter)
        let list = try #require(app.topScreen as? ListScreen)
        guard case .cases(let region, let goal) = list.source else {
            Issue.record("expected the case list, got \(list.source)")
            return
        }
        #expect((region, goal) == (0, 8))
        #expect(app.section == .regions)
        let frame = app.render()
        #expect(frame.contains("• Project Spuiwaterzuivering"))
        #expect(frame.contains("Berlikum"))
        #expect(frame.cells.contains { $0.role == .match })
    }

    @Test func nextAndPreviousCycleThroughHits() {
        var app = makeApp()
        app.type("/htno-middag juni\n")
        app.handle(.escape)
        app.type("n")
        #expect(app.statusMessage?.hasPrefix("Treffer 1/") == true)
        app.type("n")
        #expect(app.statusMessage?.hasPrefix("Treffer 2/") == true)
        app.type("NN")
        let message = app.statusMessage ?? ""
        #expect(message.hasPrefix("Treffer "))
        #expect(!message.hasPrefix("Treffer 1/"), "N before the first hit wraps to the last")
    }

    @Test func noHitsSaysSo() {
        var app = makeApp()
        app.type("/xyzzy\n")
        #expect(app.statusMessage == "Geen treffers voor “xyzzy”")
        #expect(app.screens.count == 1)
        app.type("n")
        #expect(app.statusMessage == "Nog geen zoekopdracht: druk / om te zoeken")
    }

    @Test func promptEditsAndShowsLiveCount() {
        var app = makeApp()
        app.type("/sectorx")
        app.handle(.backspace)
        let frame = app.render()
        #expect(frame.lines[23].contains("Zoek: sector"))
        #expect(frame.lines[23].contains("treffers)"))
        #expect(frame.cursor == Point(x: 13, y: 23))
        app.handle(.escape)
        #expect(app.render().cursor == nil)
        #expect(app.screens.count == 1)
    }

    @Test func accentFreeSearchFindsDutchText() {
        var app = makeApp()
        app.type("/geinteresseerden\n")
        #expect(app.breadcrumb.hasSuffix("Zoeken: geinteresseerden"))
        #expect(app.render().contains("Januari 2023"))
    }

    @Test func escapeOnARootScreenClearsTheHighlight() {
        var app = makeApp()
        app.type("/draagvlak\n")
        app.handle(.escape)
        #expect(app.render().cells.contains { $0.role == .match })
        app.handle(.escape)
        #expect(app.statusMessage == "Zoekmarkering gewist")
        #expect(!app.render().cells.contains { $0.role == .match })
    }
}
