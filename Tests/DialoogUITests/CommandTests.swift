import Foundation
import ReviewStore
import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct CommandTableTests {
    @Test func noKeyMeansTwoThingsInOneMode() {
        for mode in CommandMode.allCases {
            var seen: [Key: CommandID] = [:]
            for command in Command.all where command.modes.contains(mode) {
                for key in command.defaultKeys {
                    #expect(seen[key] == nil, "\(key.name) is \(seen[key]?.rawValue ?? "") and \(command.id.rawValue) in \(mode)")
                    seen[key] = command.id
                }
            }
        }
    }

    @Test func browseAndPresenterKeepDestructiveAndThemeKeysApart() {
        let keymap = Keymap.standard
        #expect(keymap.command(for: .character("b"), in: .browsing) == .addDecision)
        #expect(keymap.command(for: .character("b"), in: .presenting) == nil, "b never blanks the projector")
        #expect(keymap.command(for: .character("T"), in: .browsing) == nil, "the theme is not next to t (actie)")
        #expect(keymap.command(for: .control("t"), in: .presenting) == .nextTheme)
        #expect(keymap.command(for: .character("U"), in: .browsing) == .redo)
    }

    /// Every hint a screen shows names a key that runs a command there.
    @Test func everyAdvertisedKeyRunsItsCommand() {
        var app = makeApp()
        let keymap = Keymap.standard
        let places = ["", "\n", "\nl\n", "2", "2\n", "3", "3jjjj\n", "4", "5", "6"]
        for keys in places {
            app = makeApp()
            app.type(keys)
            for hint in app.topScreen.keyHints {
                for command in hint.commands {
                    let key = keymap.keys(for: command).first
                    #expect(key.flatMap { keymap.command(for: $0, in: .browsing) } == command, "\(keys): \(command.rawValue)")
                }
            }
        }
    }

    @Test func aKeyThatDoesNothingSaysWhy() throws {
        var app = makeApp()
        app.type("Z")
        #expect(app.statusMessage == "Toets Z doet niets: ? toont de toetsen, : zoekt een opdracht")
        app.type("\n")
        app.type("x")
        #expect(app.statusMessage == "Alleen lezen: geen reviewdatabase geopend")
        var review = try makeReviewApp()
        review.type("\nx")
        #expect(review.statusMessage == "Kies eerst met Tab een notitie, besluit of actie (in een item of overleg: Enter)")
        review.type("b")
        #expect(review.statusMessage == "Besluiten en acties horen bij een overleg: kies een maand in 3 Cyclus")
        review.type("6FFF")
        #expect(review.render().contains("Review · acties over datum"), "F steps the filters back")
    }

    /// Where a command cannot run, the reason is the one its table entry declares, by key and by palette alike.
    @Test func everyCommandSaysWhyItIsNotAvailable() {
        for command in Command.all where command.availability == .withReviewDatabase {
            var app = makeApp()
            app.type("1\nl")
            app.perform(command.id)
            #expect(app.statusMessage == "Alleen lezen: geen reviewdatabase geopend", "\(command.id.rawValue)")
            #expect(app.openForm == nil && app.pendingQuestion == nil)
        }
        var app = makeApp()
        app.type(":export csv\n")
        #expect(app.statusMessage == "Alleen lezen: geen reviewdatabase geopend", ":export without a database")
        app.type("3f")
        #expect(app.statusMessage == "Filters horen bij de lijst in 6 Review")
        app.type("8")
        app.handle(.right)
        #expect(app.statusMessage == "Kolom of cel rechts: niet op dit scherm")
    }

    @Test func theCycleListTakesDecisionsWithoutOpeningTheMeeting() throws {
        var app = try makeReviewApp()
        app.type(":november sectortafel\n")
        #expect(app.topScreen is ListScreen && app.topScreen.focusedLocation(in: app.context) == .activity(month: 10, index: 0))
        app.type("b")
        #expect(app.openForm?.title == "Nieuw besluit", "b works where the preview advertises it")
    }

    /// Ctrl-S would stop the screen (flow control) and Ctrl-C, Ctrl-Z signal the process: said at once.
    @Test func keysTheTerminalTakesAreRefused() {
        let (keymap, problems) = Keymap.load([("formulier.bewaar", ["ctrl-s"]), ("review.besluit", ["Ctrl-Z", "B"])], source: "keys.yaml")
        #expect(problems == ["keys.yaml: formulier.bewaar: 'ctrl-s' gebruikt de terminal zelf (scherm stilzetten); kies een andere toets",
                             "keys.yaml: review.besluit: 'Ctrl-Z' gebruikt de terminal zelf (pauzeren); kies een andere toets"])
        #expect(keymap.keys(for: .formSave) == [.control("d")] && keymap.keys(for: .addDecision) == [.character("B")])
    }

    @Test func helpIsTheLiveKeymap() throws {
        let (keymap, problems) = Keymap.load([("review.besluit", ["B"]), ("ga.omlaag", ["down"])], source: "keys.yaml")
        #expect(problems.isEmpty)
        var app = App(dataset: sampleData, glyphs: .unicode, keymap: keymap)
        app.resize(width: 80, height: 24)
        #expect(HelpOverlay.lines(keymap, view: HelpView(place: "", here: [])).contains { $0.keys == "B" && $0.action == "besluit toevoegen (overleg)" })
        #expect(HelpOverlay.lines(keymap, view: HelpView(place: "", here: [])).contains { $0.keys == "↓" && $0.action == "omlaag" })
        app.type("j")
        #expect(app.statusMessage?.hasPrefix("Toets j doet niets") == true, "j was given away")
        app.type("?")
        assertSnapshot(app.render(), named: "help-own-keys-80x24")
    }
}

@Suite struct KeymapFileTests {
    @Test func problemsAreOneLineEachAndDefaultsStay() {
        let (keymap, problems) = Keymap.load([("review.besluiten", ["B"]), ("zoek", ["ctrl-"]), ("review.actie", ["j"]),
                                              ("export", ["c"])], source: "/home/anna/.config/htno-dialoog/keys.yaml")
        #expect(problems == [
            "/home/anna/.config/htno-dialoog/keys.yaml: onbekende opdracht 'review.besluiten' (bedoelde je 'review.besluit'? htno-dialoog keys toont ze alle)",
            "/home/anna/.config/htno-dialoog/keys.yaml: zoek: onbekende toets 'ctrl-'",
            "/home/anna/.config/htno-dialoog/keys.yaml: toets 'j' staat al op 'ga.omlaag' (bladeren); 'review.actie' houdt zijn standaardtoetsen",
        ])
        #expect(keymap.command(for: .character("t"), in: .browsing) == .addAction)
        #expect(keymap.command(for: .character("c"), in: .browsing) == .export)
        #expect(keymap.command(for: .character("E"), in: .browsing) == nil, "a remap replaces the defaults")
        #expect(keymap.command(for: .character("/"), in: .browsing) == .search)
    }

    @Test(arguments: ["j", "G", "/", "space", "enter", "esc", "tab", "shift-tab", "up", "pgdn", "ctrl-r", "home", "backspace"])
    func keyNamesRoundTrip(name: String) throws {
        let key = try #require(Key(name: name))
        #expect(key.name == name)
    }

    @Test func namesNoTerminalKeyHasAreRefused() {
        for name in ["ctrl-m", "ctrl-1", "f13", "", "ab", "\u{1b}"] { #expect(Key(name: name) == nil, "\(name)") }
    }

    @Test func theListingNamesEveryCommand() {
        let listing = Keymap.standard.listing
        for command in Command.all { #expect(listing.contains(command.id.rawValue)) }
        #expect(listing.contains("review.besluit"))
    }
}

@Suite struct PaletteTests {
    func run(_ query: String, on app: inout App) {
        app.type(":")
        app.type(query)
        app.handle(.enter)
    }

    @Test func placesByTheirWords() throws {
        var app = makeApp()
        run("doel 3 bewijs", on: &app)
        let table = try #require(app.topScreen as? GoalTableScreen)
        #expect(table.goal == 2 && table.column == .bewijs)
        run("oost 9", on: &app)
        #expect(app.breadcrumb == "htno-dialoog › Regio's › Oost × Techniekpact-doel 9")
        run("november sectortafel", on: &app)
        #expect(app.topScreen.focusedLocation(in: app.context) == .activity(month: 10, index: 0))
    }

    @Test func themesByName() {
        var app = makeApp(themes: ["default", "light", "projector"])
        run("thema projector", on: &app)
        #expect(app.themeName == "projector" && app.statusMessage == "Thema: projector")
    }

    @Test func commandsByLabelOrId() throws {
        var app = try makeReviewApp(exported: { _, _, request in "/tmp/\(request.file) (\(request.content))" })
        run("export csv", on: &app)
        app.handle(.enter)
        #expect(app.statusMessage == "Export geschreven: /tmp/htno-review-2026-11-25.csv (review(format: \"csv\"))")
        app.type("\nl")
        run("status vooruit", on: &app)
        #expect(app.review.status(of: "d1-in-1") == .inProgress)
    }

    @Test func historyTabCompletionAndAnAnswerForNothing() throws {
        var app = makeApp(themes: ["default", "projector"])
        run("thema proj", on: &app)
        app.type(":")
        app.handle(.up)
        app.handle(.enter)
        #expect(app.themeName == "projector", "↑ recalled the last line")
        app.type(":oost 1")
        app.handle(.down)
        app.handle(.tab)
        // Whole words first, then words that start with what is typed, each in table order: 1, then 10.
        #expect(app.render().lines[23].hasPrefix(" :Oost Techniekpact-doel 10"), "Tab completes the chosen entry")
        app.handle(.escape)
        app.type(":xyzzy")
        #expect(app.render().contains("geen opdracht of plaats"))
        assertSnapshot(app.render(), named: "palette-nothing-80x24")
        app.handle(.escape)
        app.type(":doel 3")
        assertSnapshot(app.render(), named: "palette-doel-3-80x24")
    }
}

@Suite struct MouseAndFocusTests {
    @Test func clicksSelectOpenAndSwitchSections() throws {
        var app = makeApp()
        app.handle(.mouse(MouseEvent(.click, x: 10, y: 6)))
        #expect(app.topScreen.focusedLocation(in: app.context) == .pilotGoal(goal: 2))
        #expect(app.render().focus == Point(x: 1, y: 6), "the cursor parks on the selected row")
        app.handle(.mouse(MouseEvent(.click, x: 10, y: 6)))
        #expect(app.topScreen is GoalTableScreen, "a click on the selected row opens it")
        app.handle(.mouse(MouseEvent(.click, x: 40, y: 5)))
        #expect((app.topScreen as? GoalTableScreen)?.column == .bewijs)
        app.handle(.mouse(MouseEvent(.click, x: 15, y: 0)))
        #expect(app.section == .regions)
        app.handle(.mouse(MouseEvent(.doubleClick, x: 22, y: 6)))
        #expect(app.breadcrumb == "htno-dialoog › Regio's › Noordwest × Techniekpact-doel 3")
        app.handle(.mouse(MouseEvent(.wheelDown, x: 20, y: 8)))
        app.handle(.mouse(MouseEvent(.wheelDown, x: 20, y: 8)))
        #expect(app.topScreen.focusedLocation(in: app.context) == .regionalCase(landsdeel: 1, goal: 3, index: 1))
    }

    @Test func everyScreenParksTheCursorOnItsFocus() {
        for keys in ["", "\n", "\nl\n", "2", "2jl\n", "3", "6"] {
            var app = makeApp()
            app.type(keys)
            #expect(app.render().focus != nil, "\(keys)")
        }
    }

    @Test func readerModeIsOneLabelledLinePerPlace() throws {
        var app = App(dataset: sampleData, glyphs: .unicode, review: nil, readerMode: true)
        app.resize(width: 80, height: 24)
        app.type("jj")
        #expect(app.render().lines[1].hasPrefix("Doel 3 van 6: Ruimte om bij te sturen"))
        app.type("\nll")
        let frame = app.render()
        #expect(frame.lines[1].hasPrefix("Doel 3 · Bewijs 1 van 2 · status open · 0 notities: "))
        #expect(frame.focus == Point(x: 0, y: 1))
        #expect(!frame.text.contains("│") && !frame.text.contains("┌"), "no boxes")
        assertSnapshot(frame, named: "reader-doel-3-bewijs-80x24")
        app.type("2")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces) == "Noord × Techniekpact-doel 1 · Kiezen voor Techniek: 5 cases")
    }
}

@Suite struct StatusWordTests {
    @Test func aWideReviewListSaysTheStatusInAWord() throws {
        var app = try makeReviewApp()
        app.type("\nls")
        app.resize(width: 160, height: 45)
        app.type("6")
        let row = try #require(app.render().lines.first { $0.contains("Indicatoren 1: 1. Actieve") })
        #expect(row.contains("◐ Indicatoren 1") && row.contains("in behandeling"))
        app.resize(width: 80, height: 24)
        let narrow = try #require(app.render().lines.first { $0.contains("Indicatoren 1: 1. Actieve") })
        #expect(!narrow.contains("in behandeling"), "a narrow list keeps the room for the text")
    }
}

@Suite struct ReviewFindingsTests {
    @Test func movingAKeyAwayFreesItWhateverTheOrder() {
        let (keymap, problems) = Keymap.load([("ga.omlaag", ["down", "n"]), ("zoek.volgende", ["y"]), ("stop", [])], source: "keys.yaml")
        #expect(problems == ["keys.yaml: stop: verwacht minstens één toets"])
        #expect(keymap.command(for: .character("n"), in: .browsing) == .moveDown)
        #expect(keymap.command(for: .character("y"), in: .browsing) == .nextHit)
        #expect(keymap.command(for: .character("q"), in: .browsing) == .quit)
        #expect(Keymap.standard.listing.contains("space, right, pgdn, down, l, j, enter"), "key lists are never cut")
    }

    @Test func aClickAfterAJumpHitsTheRowUnderTheMouse() throws {
        var app = makeApp()
        app.type(":november sectortafel\n")
        let frame = app.render()
        // An activity row (indented) near the top of the scrolled list, not the selected one.
        let clicked = try #require(frame.lines.indices.first { y in
            y > 3 && frame.lines[y].hasPrefix("│  ") && !frame.lines[y - 1].hasPrefix("│  ")
        })
        #expect(clicked != frame.focus?.y)
        app.handle(.mouse(MouseEvent(.click, x: 5, y: clicked)))
        let before = app.topScreen.focusedLocation(in: app.context)
        #expect(app.render().focus?.y == clicked, "the list did not move under the mouse")
        app.handle(.mouse(MouseEvent(.click, x: 5, y: clicked)))
        #expect(app.screens.count == 2 && (app.topScreen as? DetailScreen)?.location == before, "the second click opens that row")
    }

    @Test func aDoubleClickOnAHeadingOpensNothing() {
        var app = makeApp()
        app.handle(.mouse(MouseEvent(.doubleClick, x: 5, y: 3)))
        #expect(app.screens.count == 1)
    }

    @Test func readerModeIgnoresClicksButScrollsWithTheWheel() {
        var app = App(dataset: sampleData, glyphs: .unicode, readerMode: true)
        app.resize(width: 80, height: 24)
        app.handle(.mouse(MouseEvent(.click, x: 10, y: 8)))
        app.handle(.mouse(MouseEvent(.click, x: 15, y: 0)))
        #expect(app.section == .goals && app.topScreen.focusedLocation(in: app.context) == .pilotGoal(goal: 0))
        app.handle(.mouse(MouseEvent(.wheelDown, x: 10, y: 8)))
        #expect(app.topScreen.focusedLocation(in: app.context) == .pilotGoal(goal: 1))
    }

    @Test func escAtTheTopSaysWhereYouAre() {
        var app = makeApp()
        app.handle(.escape)
        #expect(app.statusMessage == "Dit is het begin van Doelen; q stopt")
    }
}

/// F1 and F10 as in htop and mc; the other F-keys and Insert say they do nothing; keys.yaml names them all.
@Suite struct FunctionKeyTests {
    @Test func f1HelpsF10QuitsAndTheOthersSaySo() {
        var app = makeApp()
        app.handle(.function(5))
        #expect(app.statusMessage == "Toets F5 doet niets: ? toont de toetsen, : zoekt een opdracht")
        app.handle(.insert)
        #expect(app.statusMessage == "Toets Insert doet niets: ? toont de toetsen, : zoekt een opdracht")
        app.handle(.function(1))
        #expect(app.isShowingHelp)
        app.handle(.character("x"))
        app.handle(.function(10))
        #expect(!app.isRunning)
        #expect(Key(name: "f12") == .function(12) && Key(name: "F1") == .function(1) && Key(name: "f13") == nil && Key(name: "insert") == .insert)
        #expect(Key.function(7).name == "f7" && Key.function(7).displayName == "F7")
    }
}

@Suite struct ReaderPaneTests {
    /// Tab in `--reader`: on a list it says there is one pane (no invisible preview takes the focus); on an item
    /// it chooses a note, which the line under the cursor then reads out.
    @Test func tabMovesTheReadersCursorToWhatItChose() throws {
        let session = ReviewSession(repository: try ReviewDatabase(), author: "jeanneke", clock: reviewClock, export: { _, _, _ in "" })
        var app = App(dataset: sampleData, glyphs: .unicode, review: session, readerMode: true)
        app.resize(width: 80, height: 24)
        app.handle(.tab)
        #expect(app.statusMessage == "De leesmodus heeft één paneel: de inhoud van de keuze staat eronder; Enter opent")
        app.type("j")
        #expect(app.render().lines[1].hasPrefix("Doel 2 van 6"), "the list still moves: no pane took the keys")
        app.type("k\nj")
        for words in ["eerste notitie", "tweede notitie"] {
            app.type("a")
            app.type(words)
            app.handle(.control("d"))
        }
        app.handle(.enter)
        app.handle(.tab)
        let frame = app.render()
        #expect(frame.lines[1].hasPrefix("Gekozen 1 van 2: "), "line 1: \(frame.lines[1])")
        #expect(frame.text.contains("eerste notitie") && frame.focus == Point(x: 0, y: 1))
        app.handle(.tab)
        #expect(app.render().lines[1...3].joined().contains("tweede notitie"))
        #expect(!app.render().text.contains("│") && !app.render().text.contains("┌"), "no boxes")
    }

    @Test func theCursorFollowsTabIntoThePreview() {
        var app = App(dataset: sampleData, glyphs: .unicode)
        app.resize(width: 120, height: 30)
        app.type("5")
        let onRow = app.render().focus
        app.handle(.tab)
        let inPreview = app.render().focus
        #expect(onRow != nil && inPreview != nil && inPreview!.x > onRow!.x + 20, "\(String(describing: onRow)) → \(String(describing: inPreview)) \(app.statusMessage ?? "")")
        app.handle(.tab)
        #expect(app.render().focus == onRow)
    }
}
