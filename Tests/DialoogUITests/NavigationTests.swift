import Testing
import DialoogModel
import ReviewStore
@testable import DialoogUI

/// Key sequences and where they land.
@Suite struct NavigationTests {
    @Test func enterOpensTheSelectedGoalAndEscGoesBack() throws {
        var app = makeApp()
        app.type("jj\n")
        let table = try #require(app.topScreen as? GoalTableScreen)
        #expect(table.goal == 2)
        #expect(app.breadcrumb == "htno-dialoog › Doelen › Doel 3")
        app.handle(.escape)
        #expect(app.screens.count == 1)
        app.handle(.backspace)
        #expect(app.screens.count == 1)
        #expect(app.isRunning)
    }

    @Test func columnsMoveWithArrowsVimKeysAndTab() throws {
        var app = makeApp()
        app.type("\n")
        app.handle(.right)
        #expect((app.topScreen as? GoalTableScreen)?.column == .indicatoren)
        app.type("l")
        #expect((app.topScreen as? GoalTableScreen)?.column == .bewijs)
        app.handle(.tab)
        #expect((app.topScreen as? GoalTableScreen)?.column == .resultaten)
        app.handle(.tab)
        #expect((app.topScreen as? GoalTableScreen)?.column == .winstRisico)
        app.handle(.backTab)
        #expect((app.topScreen as? GoalTableScreen)?.column == .resultaten)
        app.type("jjj")
        let table = try #require(app.topScreen as? GoalTableScreen)
        #expect(table.selectedItem == 2, "Doel 1 has three results: the cursor stops at the last")
        app.handle(.enter)
        let detail = try #require(app.topScreen as? DetailScreen)
        #expect(detail.location == .goalItem(goal: 0, column: .resultaten, item: 2))
        #expect(app.render().contains("Aanwezigheid 2023 htno middag januari"))
    }

    @Test func bracketsStepToTheNextGoalAndItem() throws {
        var app = makeApp()
        app.type("\n]]")
        #expect((app.topScreen as? GoalTableScreen)?.goal == 2)
        app.type("\n]")
        #expect((app.topScreen as? DetailScreen)?.location == .goalItem(goal: 2, column: .winstRisico, item: 1))
        app.type("]]]")
        #expect((app.topScreen as? DetailScreen)?.location == .goalItem(goal: 2, column: .winstRisico, item: 2))
    }

    @Test func drillFromRegionToCellToCase() throws {
        var app = makeApp()
        app.type("2jjj")
        let matrix = try #require(app.topScreen as? RegionMatrixScreen)
        #expect(matrix.region == 3)
        #expect(app.render().contains("Oost × Techniekpact-doel 1 · Kiezen voor Techniek: 11 cases"))
        app.type("\nG\n")
        let detail = try #require(app.topScreen as? DetailScreen)
        #expect(detail.location == .regionalCase(landsdeel: 3, goal: 1, index: 10))
        #expect(app.breadcrumb == "htno-dialoog › Regio's › Oost × Techniekpact-doel 1 › Case 11")
        #expect(app.render().contains("Computational thinking in PO"))
        app.handle(.escape)
        app.handle(.left)
        #expect(app.topScreen is RegionMatrixScreen)
    }

    /// The goal table, the region matrix and the status × goal overview share one rule: ← → and Tab
    /// Shift-Tab go round the columns, ↑ ↓ Home End stop at the first and last row.
    @Test func everyGridWrapsItsColumnsAndStopsAtItsRows() throws {
        var app = makeApp()
        app.type("\n")
        app.handle(.left)
        #expect((app.topScreen as? GoalTableScreen)?.column == .resultaten)
        app.handle(.right)
        #expect((app.topScreen as? GoalTableScreen)?.column == .winstRisico)
        app.type("2")
        app.handle(.left)
        var matrix = try #require(app.topScreen as? RegionMatrixScreen)
        #expect(matrix.goal == 12, "← on goal 1 goes round to 12 (it stopped before)")
        app.handle(.tab)
        app.type("G")
        matrix = try #require(app.topScreen as? RegionMatrixScreen)
        #expect(matrix.goal == 1 && matrix.region == 4, "End goes to the last landsdeel")
        app.handle(.down)
        #expect((app.topScreen as? RegionMatrixScreen)?.region == 4, "the last row stays")
        app.type("O")
        app.handle(.left)
        let overview = try #require(app.topScreen as? ReviewOverviewScreen)
        #expect(overview.column == ReviewOverviewScreen.statuses.count, "← on the first status goes round to Totaal")
        app.handle(.backTab)
        app.type("g")
        #expect((app.topScreen as? ReviewOverviewScreen).map { [$0.row, $0.column] } == [0, ReviewOverviewScreen.statuses.count - 1])
    }

    @Test func cyclingGoesRoundBothWays() {
        #expect([0, 1, 2].map { $0.cycled(by: -1, in: 3) } == [2, 0, 1])
        #expect(2.cycled(by: 1, in: 3) == 0 && 0.cycled(by: -7, in: 3) == 2 && 5.cycled(by: 1, in: 0) == 0)
    }

    @Test func zuidwestHasNoSectionInBox25() {
        var app = makeApp()
        app.type("2jj" + String(repeating: "l", count: 10))
        let frame = app.render()
        #expect(frame.contains("Zuidwest × Techniekpact-doel 11 · Werken in de Techniek: niet in de bron"))
        app.handle(.enter)
        let cell = app.render()
        #expect(cell.lines[3].hasPrefix("│Niet in de bron "))
        #expect(cell.contains("Techniekpact-doel 11 · Werken in de"), "the preview shows the goal in every region")
    }

    @Test func sectionsKeepTheirPlace() throws {
        var app = makeApp()
        app.type("jj\n")
        app.type("3jj")
        #expect(app.section == .cycle)
        app.type("1")
        #expect((app.topScreen as? GoalTableScreen)?.goal == 2)
    }

    @Test func cycleSkipsMonthHeadingsAndShowsTheEmptyMonth() throws {
        var app = makeApp()
        app.type("3" + String(repeating: "j", count: 10))
        app.handle(.enter)
        let detail = try #require(app.topScreen as? DetailScreen)
        #expect(detail.location == .activity(month: 9, index: 0))
        #expect(app.render().contains("Geen activiteiten in deze maand."))
        app.type("]")
        #expect((app.topScreen as? DetailScreen)?.location == .activity(month: 10, index: 0))
    }

    /// `?` opens at the keys of the screen it is pressed on; typing narrows it; Esc closes; q types.
    @Test func helpOpensAtTheKeysOfHereAndTypingFindsAKey() {
        var app = makeApp()
        app.type("6")
        app.type("?")
        #expect(app.isShowingHelp)
        var frame = app.render()
        #expect(frame.contains("Toetsen (typ om te zoeken, ↓ meer, Esc sluit; : zoekt een opdracht)"))
        let here = frame.lines.firstIndex { $0.contains("Hier (Review") }
        let filterLine = frame.lines.firstIndex { $0.contains("volgend filter") }
        #expect(here != nil && filterLine != nil && here! < filterLine!, "the Review list's own keys first:\n\(frame.text)")
        app.type("export")
        frame = app.render()
        #expect(frame.contains("Toetsen met 'export' (Backspace wist, Esc sluit)"))
        #expect(frame.contains("exporteren: Markdown, Excel, CSV") && !frame.contains("volgend filter"), "only what holds 'export'")
        app.type("q")
        #expect(app.isShowingHelp && app.isRunning, "q is typed, not quit")
        app.type("zzz")
        #expect(app.render().contains("Geen toets past bij 'exportqzzz' (Backspace wist)"))
        app.handle(.escape)
        #expect(!app.isShowingHelp && app.isRunning)
        app.type("?:")
        #expect(!app.isShowingHelp && app.palette != nil, "the palette key opens the palette, as the title says")
    }

    /// A help line wider than the box ends in "…".
    @Test func aLongHelpLineIsCutWithAnEllipsis() {
        var app = makeApp(width: 60, height: 24)
        app.type("?")
        app.type("peildatum")
        let cut = app.render().lines.filter { $0.contains("…") }
        #expect(!cut.isEmpty, "\(app.render().text)")
    }

    @Test func previewPaneScrollsAfterTab() {
        var app = makeApp()
        app.type("3")
        app.handle(.tab)
        let before = app.render()
        app.type("jjjj")
        let after = app.render()
        #expect(before != after)
        #expect(app.screens.count == 1)
        #expect(after.contains("Januari") , "the list keeps its selection while the preview scrolls")
    }
}

@Suite struct PreviewToggleTests {
    @Test func vHidesAndShowsThePreviewPane() {
        var app = makeApp()
        app.type("3v")
        #expect(app.statusMessage == "Voorbeeldpaneel uit (v = weer aan)")
        let frame = app.render()
        #expect(!frame.contains("Inhoud"))
        #expect(frame.contains("│    Sac vergadering: Critical Dilemma's: Kennisinstelling hoe dan?"))
        // Without the preview the selected row is marked, not reversed (two cells change on a move, not two rows).
        #expect(frame.contains("│▶   Htno-middag: flexibilisering"))
        app.type("j")
        let moved = app.render()
        // Cells (text and role) that differ, above the status line (where the message went away).
        let changed = (0..<(frame.height - 1)).flatMap { y in (0..<frame.width).filter { frame[$0, y] != moved[$0, y] }.map { (x: $0, y: y) } }
        #expect(changed.map(\.x) == [1, 1] && changed.map(\.y) == [4, 5], "\(changed)")
        // The mark is plain text: no colour switched on and off around it on every move.
        #expect(moved[1, 5].text == "▶" && moved[1, 5].role == .normal && moved[1, 4].role == .normal)
        // So are the list's borders: a row scrolling in needs no colour at either end.
        #expect((3..<(moved.height - 2)).allSatisfy { moved[0, $0].role == .normal && moved[moved.width - 1, $0].role == .normal })
        app.type("v")
        #expect(app.render().contains("Inhoud"))
    }

    @Test func aLongColumnScrollsToItsLastItem() throws {
        var app = makeApp()
        app.type("jjjj\nl")
        app.type("jjjjj")
        let frame = app.render()
        #expect(frame.lines[5].contains("││○ Voor kleine    ▲││"), "the sixth indicator of Doel 5 is in view, more above")
        #expect(frame.lines[21].contains("││                  ││"), "and nothing more below it")
        app.type("g")
        #expect(app.render().lines[5].contains("││○ De samenwerking ││"))
    }
}

/// What a move changes on screen: the wire carries only that.
@Suite struct SteadyScreenTests {
    /// Through the items of a goal in the Review list, the preview's review part stays on its row.
    @Test func thePreviewKeepsItsPlaceFromItemToItem() {
        var app = makeApp()
        app.type("6")
        var rows: Set<Int> = []
        for _ in 0..<8 {
            let frame = app.render()
            guard frame.contains("Doel 1 ·") else { break }
            rows.formUnion(frame.lines.indices.filter { frame.lines[$0].contains("│ Beoordeling") })
            app.type("j")
        }
        #expect(rows.count == 1, "Beoordeling on rows \(rows.sorted())")
    }

    /// A list's ▲ ▼ sit on its border, outside the rows the terminal scrolls.
    @Test func scrollMarksSitOnTheBorder() {
        var app = makeApp()
        app.type("3")
        let frame = app.render()
        #expect(frame.lines[22].hasPrefix("└") && frame.lines[22].contains("▼┘└"))
    }
}

/// The first start's one screen of orientation: the sections, `?`, `:` and `q` from the live keymap; the
/// first key closes it and does what it does; a screen reader gets it as the status line; a talk never.
@Suite struct WelcomeTests {
    @Test func theFirstStartWelcomesAndTheFirstKeyClosesItAndActs() {
        var app = App(dataset: sampleData, glyphs: .unicode, startupMessage: "Nieuwe reviewdatabase aangemaakt: /tmp/r.sqlite", welcomes: true)
        app.resize(width: 80, height: 24)
        assertSnapshot(app.render(), named: "welcome-80x24")
        #expect(app.render().lines[23].contains("Nieuwe reviewdatabase aangemaakt"), "the notice stays on its one line")
        app.handle(.character("j"))
        let frame = app.render()
        #expect(!frame.contains("Welkom bij htno-dialoog"))
        #expect(frame.lines[23].contains("? hulp  q stop"), "the key hints are back")
        #expect(frame.lines[13].contains("Doel 2"), "and j moved to the second goal")
    }

    @Test func aRemappedHelpKeyIsTheOneTheWelcomeNames() throws {
        let (keymap, problems) = Keymap.load([(command: "hulp", keys: ["f2"])], source: "keys.yaml")
        #expect(problems.isEmpty)
        var app = App(dataset: sampleData, glyphs: .unicode, keymap: keymap, welcomes: true)
        app.resize(width: 80, height: 24)
        #expect(app.render().lines.contains { $0.contains("│ F2 ") && $0.contains("alle toetsen, waar u ook bent") })
        app.handle(.function(2))
        #expect(app.render().contains("Toetsen ("), "the welcome's help key opens help")
    }

    @Test func aScreenReaderHearsItAndATalkIsNotCovered() {
        var reader = App(dataset: sampleData, glyphs: .unicode, readerMode: true, welcomes: true)
        reader.resize(width: 80, height: 24)
        #expect(!reader.render().contains("Welkom bij htno-dialoog") && reader.statusMessage?.hasPrefix("Welkom: 1 tot 8 de secties, ? alle toetsen") == true)
        var talk = App(dataset: sampleData, glyphs: .unicode, presenting: Presenter(deck: .goals(sampleData), startingAt: 0), welcomes: true)
        talk.resize(width: 80, height: 24)
        #expect(!talk.render().contains("Welkom"))
    }
}

/// One key takes every Review filter off: the list, the goal, the column, the owner and the order.
@Suite struct ClearFiltersTests {
    @Test func xTakesEveryFilterOff() throws {
        var app = makeApp()
        app.type("6")
        let unfiltered = app.render().lines[1]
        app.type("X")
        #expect(app.statusMessage == "Er staat geen filter aan")
        app.type("fDKo")
        let filtered = try #require((app.topScreen as? ListScreen)?.source.reviewFilter)
        #expect(filtered != ReviewFilter(), "\(filtered)")
        app.type("X")
        #expect((app.topScreen as? ListScreen)?.source.reviewFilter == ReviewFilter())
        #expect(app.statusMessage == "Alle filters uit" && app.render().lines[1] == unfiltered)
    }
}

/// The theme chosen with Ctrl-T is kept for the next start from the palette (`:thema bewaren`).
@Suite struct SaveThemeTests {
    @Test func thePaletteAsksToKeepTheThemeOfNow() {
        var app = App(dataset: sampleData, glyphs: .unicode, themes: ["default", "light", "projector"])
        app.resize(width: 80, height: 24)
        app.handle(.control("t"))
        app.type(":thema bewaren")
        #expect(app.handle(.enter) == [.saveTheme("light")])
    }
}

/// `--reader` draws no box anywhere: help, the palette, a form, a question over it; the cursor sits where a
/// screen reader must read (help's first line, the palette's chosen match, the typing place, the question).
@Suite struct ReaderOverlayTests {
    static let boxCharacters = Set("─│┌┐└┘")

    func assertNoBoxes(_ frame: Frame, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = frame.lines.filter { $0.contains { Self.boxCharacters.contains($0) } }
        #expect(found.isEmpty, "\(what): box characters in\n\(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func everyOverlayIsTextWithTheCursorWhereToRead() throws {
        var app = App(dataset: sampleData, glyphs: .unicode, review: ReviewSession(repository: try ReviewDatabase(), author: "jeanneke",
                                                                                  clock: reviewClock, export: { _, _, _ in "" }), readerMode: true)
        app.resize(width: 80, height: 24)
        assertNoBoxes(app.render(), "the overview")
        app.type("?")
        var frame = app.render()
        assertNoBoxes(frame, "help")
        // Without its box an overlay must not share lines with the screen under it (a reader reads lines whole).
        #expect(!frame.text.contains("Draagvlak op alle niveaus"), "nothing of the screen under help:\n\(frame.text)")
        let helpRow = try #require(frame.focus?.y)
        #expect(frame.lines[helpRow].contains("Hier (Doelen)"), "help's first line")
        app.handle(.escape)
        app.type(":doel 3 bewijs")
        frame = app.render()
        assertNoBoxes(frame, "the palette")
        #expect(!frame.text.contains("Draagvlak op alle niveaus"), "nothing of the screen under the palette")
        let choice = try #require(frame.cursor)
        #expect(choice.y < 23 && frame.lines[choice.y].contains("doel 3 Bewijs"), "the cursor on the chosen match:\n\(frame.text)")
        app.handle(.escape)
        app.type("\nla")
        app.type("getypt")
        frame = app.render()
        assertNoBoxes(frame, "a note form")
        #expect(!frame.text.contains("Uitgangspunt"), "nothing of the screen under the form:\n\(frame.text)")
        let typing = try #require(frame.cursor)
        #expect(frame.lines[typing.y].contains("getypt"), "the cursor where typing goes")
        app.handle(.escape)
        frame = app.render()
        assertNoBoxes(frame, "a question over the form")
        #expect(frame.cursor?.y == 23 && frame.lines[23].contains("Je tekst weggooien?"), "the cursor on the question")
    }
}
