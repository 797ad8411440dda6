import Testing
import DialoogModel
@testable import DialoogUI

/// Every screen at 80x24 on the real sample data, compared with Tests/DialoogUITests/__Snapshots__.
@Suite struct ScreenSnapshotTests {
    @Test func overviewOfTheSixGoals() {
        assertSnapshot(makeApp().render(), named: "overview-80x24", roles: true)
    }

    @Test func goalTableOfDoel3() {
        var app = makeApp()
        app.type("jj\n")
        assertSnapshot(app.render(), named: "goal-table-doel-3-80x24", roles: true)
    }

    @Test func indicatorDetailListsTheEvidenceOfItsGoal() {
        var app = makeApp()
        app.type("\n")
        app.handle(.tab)
        app.handle(.enter)
        assertSnapshot(app.render(), named: "indicator-detail-doel-1-80x24")
    }

    @Test func regionMatrix() {
        var app = makeApp()
        app.type("2")
        assertSnapshot(app.render(), named: "regions-80x24", roles: true)
    }

    @Test func casesOfNoordwestGoal9WithTheirExample() {
        var app = makeApp()
        app.type("2jllllllll\nj")
        assertSnapshot(app.render(), named: "cases-noordwest-doel-9-80x24")
        app.handle(.enter)
        assertSnapshot(app.render(), named: "case-talent-kleurt-flevoland-80x24")
    }

    @Test func emptyCellSaysNoCasesAvailable() {
        var app = makeApp()
        app.type("2jjjlllllll\n")
        assertSnapshot(app.render(), named: "cases-oost-doel-8-empty-80x24")
    }

    @Test func conversationCycle() {
        var app = makeApp()
        app.type("3")
        assertSnapshot(app.render(), named: "cycle-80x24", roles: true)
        app.type("G")
        assertSnapshot(app.render(), named: "cycle-december-80x24")
    }

    @Test func htnoMiddagDetail() {
        var app = makeApp()
        app.type("3\n")
        assertSnapshot(app.render(), named: "htno-middag-januari-80x24")
    }

    @Test func themesAndExamples() {
        var app = makeApp()
        app.type("4")
        assertSnapshot(app.render(), named: "themes-80x24")
        app.type("5")
        assertSnapshot(app.render(), named: "examples-80x24")
    }

    @Test func searchResults() {
        var app = makeApp()
        app.type("/bühne\n")
        assertSnapshot(app.render(), named: "search-buhne-80x24")
    }

    @Test func helpOverlay() {
        var app = makeApp()
        app.type("?")
        assertSnapshot(app.render(), named: "help-80x24")
    }

    @Test func asciiGlyphs() {
        var app = makeApp(glyphs: .ascii)
        app.type("2")
        assertSnapshot(app.render(), named: "regions-ascii-80x24")
    }

    @Test func narrowGoalTableShowsOneColumn() {
        var app = makeApp(width: 60, height: 20)
        app.type("\nl")
        assertSnapshot(app.render(), named: "goal-table-narrow-60x20")
    }

    @Test func wideTerminal() {
        var app = makeApp(width: 160, height: 45)
        app.type("jjjj\n")
        assertSnapshot(app.render(), named: "goal-table-doel-5-160x45")
    }
}

/// Every figure in the Cijfers section, as a person sees it: at 80x24, 160x45 and in ASCII (LANG=C, --ascii).
@Suite struct FigureScreenTests {
    @Test(arguments: [(80, 24, Glyphs.unicode, "80x24"), (160, 45, Glyphs.unicode, "160x45"), (80, 24, Glyphs.ascii, "ascii-80x24")])
    func everyFigureAsAChart(width: Int, height: Int, glyphs: Glyphs, name: String) {
        var app = makeApp(width: width, height: height, glyphs: glyphs)
        app.type("7")
        var pages = ["=== lijst\n" + app.render().text]
        app.handle(.enter)
        for index in sampleData.figures.indices {
            pages.append("=== figuur \(index + 1)\n" + app.render().text)
            app.type("]")
        }
        assertSnapshot(text: pages.joined(separator: "\n") + "\n", named: "figures-\(name)")
        #expect(pages[1].contains("Tabel 1: Oordelen over voorbereiding op de arbeidsmarkt"))
        #expect(pages.dropFirst().allSatisfy { $0.contains(glyphs == .unicode ? "█" : "#") })
    }

    @Test func aFigureCanBeFoundAndPresented() {
        var app = makeApp()
        app.type("/onderbenutting\n")
        #expect(app.render().contains("│Cijfers · Tabel 2.3 Percentage on…│"))
        app.handle(.enter)
        #expect(app.render().lines[1].contains("Cijfers › Figuur 5"))
        app.type("p")
        #expect(app.presenter?.slide == .figure(4) && app.render().contains("Tabel 2.3 Percentage onderbenutting bij werkzame"))
        #expect(app.render().lines[23].contains("Tabel 2.3 Percentage onderbenutting bij werkzame schoolver… (deel 1/"), "named by its caption, paged like any slide")
    }
}
