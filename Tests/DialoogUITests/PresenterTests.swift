import Foundation
import Testing
import DialoogModel
import HandoutExport
@testable import DialoogUI

func makePresenterApp(_ deck: Deck, width: Int = 80, height: Int = 24, startingAt index: Int = 0, glyphs: Glyphs = .unicode) -> App {
    var app = App(dataset: sampleData, glyphs: glyphs, themes: ["default", "light", "projector", "colorblind", "mono"],
                  presenting: Presenter(deck: deck, startingAt: index))
    app.resize(width: width, height: height)
    return app
}

let decksDirectory = repositoryURL.appendingPathComponent("sample-data/decks")

@Suite struct PresenterTests {
    @Test func builtInDecks() throws {
        #expect(Deck.goals(sampleData).slides.count == 6)
        #expect(Deck.goal(2, in: sampleData).slides == [.goal(2)] + GoalColumn.allCases.map { .goalColumn(goal: 2, column: $0) })
        #expect(Deck.landsdeel(3, in: sampleData).slides.count == 12)
        #expect(Deck.cycle(sampleData).slides.count == 13)
        #expect(try DeckLoader.deck(named: "landsdeel-zuidwest", decksDirectory: decksDirectory, dataset: sampleData).title == "Regionale cases Zuidwest")
        #expect(try DeckLoader.deck(named: "doel-4", decksDirectory: decksDirectory, dataset: sampleData).slides.first == .goal(3))
    }

    @Test func theSampleDeckFileLoads() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        #expect(deck.title == "Htno-middag 18 januari 2023: flexibilisering")
        #expect(deck.slides.count == 16 && deck.notes.count == 16)
        #expect(deck.slides.first == .free(FreeSlide(title: "Welkom", subtitle: "htno-middag 18 januari 2023 · flexibilisering", bullets: [
            "Deze bijeenkomst vond plaats bij de HU in Amersfoort",
            "meer dan 90 geïnteresseerden uit het werkveld, hogescholen, kennisinstellingen en overheden"])))
        #expect(deck.notes[0]?.hasPrefix("Het sac htno organiseert vanaf 2022 de htno-middagen in co-creatie") == true)
        #expect(deck.slides.contains(.free(FreeSlide(title: "Centrale vraag", quote: "zijn hybride techniek hubs het onderwijsmodel van de toekomst?",
                                                     source: "Pamflet htno-middag 18 januari 2023"))))
        #expect(Array(deck.slides[7...9]) == (0..<3).map { .goodPractice(middag: 0, index: $0) })
        #expect(deck.slides.contains(.commitments(middag: 0)) && deck.slides.last == .timeline)
        #expect(deck.notes.compactMap { $0 }.count == 13)
    }

    /// Every text on the deck's own slides and in its notes is the pamflet's, word for word.
    @Test func theHtnoMiddagDeckQuotesThePamflet() throws {
        let source = try pamfletText()
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var quoted: [String] = []
        for case .free(let slide) in deck.slides { quoted += slide.bullets + [slide.quote].compactMap { $0 } }
        // Notes may join several passages with " · "; each passage is quoted.
        quoted += deck.notes.compactMap { $0 }.flatMap { $0.components(separatedBy: " · ") }
        // Whole passages, their punctuation and list markers as printed ("daarbinnen: 1. … a. …").
        let printed = source.replacingOccurrences(of: "‘", with: "").replacingOccurrences(of: "’", with: "")
        for text in quoted {
            let passage = singleSpaced(text).replacingOccurrences(of: "‘", with: "").replacingOccurrences(of: "’", with: "")
            #expect(printed.contains(passage), "\(passage)")
        }
    }

    @Test func slidesOfTheirOwnAndNotesInADeckFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deck-\(UUID().uuidString).yaml")
        try """
        title: Proef
        slides:
          - { titel: "Pauze", citaat: "Koffie \\e[2J", notities: "Om 15.00 uur verder" }
          - { dia: "doel 2 alles", notities: "Vijf dia's" }
          - middag 1 praktijken
        """.write(to: url, atomically: true, encoding: .utf8)
        let deck = try DeckLoader.load(url, dataset: sampleData)
        #expect(deck.slides.first == .free(FreeSlide(title: "Pauze", quote: "Koffie ^[[2J")), "text of the deck's own is made safe")
        #expect(deck.notes[0] == "Om 15.00 uur verder" && deck.notes[1] == "Vijf dia's" && deck.notes[2...5].allSatisfy { $0 == nil })
        #expect(deck.slides.count == 1 + 5 + 3)
        for text in ["title: x\nslides: [{ citaat: zonder titel }]\n", "title: x\nslides: [middag 3 toezeggingen]\n",
                     "title: x\nslides: [middag 2 praktijk 1]\n",
                     "title: x\nslides: [tijdlijn, middag 2 praktijken]\n"] {  // the June middag has no good practices: no slide, no crash
            try text.write(to: url, atomically: true, encoding: .utf8)
            #expect(throws: DataError.self) { try DeckLoader.load(url, dataset: sampleData) }
        }
    }

    @Test func brokenDecksNameFileAndSlide() throws {
        let cases: [(String, String, String)] = [
            ("title: x\nslides: [doel 1, doel 9]\n", "slides[1]", "onbekend doel in 'doel 9': gebruik doel 1 tot en met doel 6"),
            ("title: x\nslides: [doel 1 notulen]\n", "slides[0]", "onbekende kolom 'notulen'"),
            ("title: x\nslides: [regio utrecht 3]\n", "slides[0]", "onbekend landsdeel"),
            ("title: x\nslides: [regio oost 13]\n", "slides[0]", "onbekend Techniekpact-doel"),
            ("title: x\nslides: [maand 13]\n", "slides[0]", "onbekende maand"),
            ("title: x\nslides: [plaatje]\n", "slides[0]", "onbekende dia 'plaatje'"),
            ("title: x\nslides: []\n", "slides", "minstens één dia"),
            ("slides: [tijdlijn]\n", "title", "verplichte sleutel 'title' ontbreekt"),
        ]
        for (text, path, message) in cases {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("deck-\(UUID().uuidString).yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect {
                _ = try DeckLoader.load(url, dataset: sampleData)
            } throws: { error in
                guard let error = error as? DataError else { return false }
                return error.file == url.path && error.path == path && error.message.contains(message)
            }
        }
        #expect(throws: DataError.self) { try DeckLoader.deck(named: "bestaat-niet", decksDirectory: decksDirectory, dataset: sampleData) }
    }

    /// Every slide of every deck, at the two sizes: one snapshot file per deck and size.
    @Test(arguments: ["doelen", "doel-3", "landsdeel-zuidwest", "cyclus", "htno-middag", "cijfers"], [(80, 24), (160, 45), (60, 17), (48, 14)])
    func deckSnapshots(name: String, size: (Int, Int)) throws {
        let deck = try DeckLoader.deck(named: name, decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck, width: size.0, height: size.1)
        var pages: [String] = []
        var seen = 0
        while seen < 60 {
            pages.append("=== \(pages.count + 1)\n" + app.render().text)
            let before = app.presenter.map { ($0.index, $0.page) }
            app.handle(.character(" "))
            seen += 1
            if app.presenter.map({ ($0.index, $0.page) }) ?? (0, 0) == before ?? (0, 0) { break }
        }
        for page in pages {
            #expect(page.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= size.0 })
        }
        assertSnapshot(text: pages.joined(separator: "\n") + "\n", named: "deck-\(name)-\(size.0)x\(size.1)")
    }

    /// Space on the last page of the last slide stays there; it used to flip back to that slide's first page.
    @Test func spaceAtTheEndStaysAtTheEnd() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck, width: 48, height: 14)
        app.handle(.end)
        var seen: [Int] = []
        for _ in 0..<8 {
            app.type(" ")
            seen.append(app.presenter?.page ?? -1)
        }
        #expect(app.presenter?.index == deck.slides.count - 1 && seen.max()! > 0, "the timeline takes several pages at 48x14")
        #expect(seen == seen.sorted(), "pages only go forward: \(seen)")
    }

    @Test func stepsJumpsAndBlanks() throws {
        var app = makePresenterApp(.goals(sampleData))
        #expect(app.render().lines[23].hasSuffix("Doel 1 · 1 / 6 "))
        app.handle(.right)
        app.handle(.pageDown)
        app.type(" ")
        #expect(app.presenter?.index == 3)
        app.handle(.left)
        app.handle(.pageUp)
        #expect(app.presenter?.index == 1)
        app.type("5")
        #expect(app.presenter?.index == 4, "5 cannot become a longer slide number in a deck of 6: jump at once")
        app.type("G")
        #expect(app.presenter?.index == 4, "5G is slide 5, as in presenterm")
        app.type("G")
        #expect(app.presenter?.index == 5, "G alone: the last slide")
        app.handle(.right)
        #expect(app.presenter?.index == 5, "the last slide stays")
        app.type("g")
        #expect(app.presenter?.index == 0)
        app.type("b")
        #expect(app.statusMessage?.hasPrefix("Toets b doet niets in de presentatie") == true, "b is besluit in browse, never blank here")
        app.type(".")
        #expect(app.render().text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        app.type("x")
        #expect(app.render().contains("Doel 1 · 1 / 6"))

        var cycle = makePresenterApp(.cycle(sampleData))
        cycle.type("1")
        #expect(cycle.presenter?.index == 0, "1 may become 10-13: wait")
        #expect(cycle.render().lines[23].hasSuffix("→ 1 "))
        cycle.type("2")
        #expect(cycle.presenter?.index == 11)
        cycle.type("1")
        cycle.handle(.enter)
        #expect(cycle.presenter?.index == 0)
    }

    @Test func longSlidesArePagedForwardAndBack() {
        var app = makePresenterApp(.cycle(sampleData), startingAt: 1)
        #expect(app.render().lines[23].hasSuffix("Januari 2023 (deel 1/2) · 2 / 13 "))
        #expect(app.render().lines.contains { $0.trimmingCharacters(in: .whitespaces) == "JANUARI" },
                "a heading in block letters would cost a page: one bold line")
        app.type(" ")
        #expect(app.render().lines[23].hasSuffix("Januari 2023 (deel 2/2) · 2 / 13 "))
        #expect(app.render().contains("Sac vergadering"))
        app.type(" ")
        #expect(app.presenter?.index == 2)
        app.handle(.left)
        #expect(app.presenter?.index == 1)
        #expect(app.presenter?.page == 1, "going back lands on the last page of the slide before")
        var big = makePresenterApp(.cycle(sampleData), width: 160, height: 45, startingAt: 1)
        #expect(big.render().lines[44].hasSuffix("Januari 2023 · 2 / 13 "), "a big screen needs no pages")
        big.type(" ")
        #expect(big.presenter?.index == 2)
    }

    /// A talk started with `present` survives a clicker's stray Esc: it asks, a second Esc leaves, any other key
    /// goes on with the talk; a presentation started with `p` leaves at the first Esc.
    @Test func escapeBrowsesAtTheSlidesPlaceAndPStartsThere() throws {
        var app = makePresenterApp(.goals(sampleData), startingAt: 2)
        app.handle(.escape)
        #expect(app.presenter?.index == 2 && app.statusMessage == "Nog eens Esc verlaat de presentatie")
        app.type(" ")
        #expect(app.presenter?.index == 3, "another key goes on with the talk")
        app.handle(.escape)
        app.type("k")
        app.handle(.escape)
        #expect(app.presenter != nil, "the ask is forgotten after another key")
        app.type("g")
        app.type("jj")
        app.handle(.escape)
        app.handle(.escape)
        #expect(app.presenter == nil)
        let table = try #require(app.topScreen as? GoalTableScreen)
        #expect(table.goal == 2)
        app.type("ll")
        app.type("p")
        let presenter = try #require(app.presenter)
        #expect(presenter.deck.title == "Doel 3")
        #expect(presenter.slide == .goalColumn(goal: 2, column: .bewijs))
        app.handle(.escape)
        app.type("2jjlll")
        app.type("p")
        #expect(app.presenter?.slide == .regionCases(landsdeel: 2, goal: 4))
        app.type("q")
        #expect(!app.isRunning)
    }

    @Test func autoAdvanceStopsAtTheEndUnlessItLoops() {
        let start = Date(timeIntervalSince1970: 0)
        var looping = Presenter(deck: .goals(sampleData), startingAt: 4, autoAdvance: 20, loops: true)
        let ticks = [0, 19, 20, 39, 40].map { looping.tick(now: start.addingTimeInterval($0), pages: { _ in 1 }) }
        #expect(ticks == [false, false, true, false, true], "the first tick notes the slide; then every 20 s")
        #expect(looping.index == 0, "--loop: after the last slide it starts again")
        var once = Presenter(deck: .goals(sampleData), startingAt: 4, autoAdvance: 20)
        let onceTicks = [0, 20, 40, 60].map { once.tick(now: start.addingTimeInterval($0), pages: { _ in 1 }) }
        #expect(onceTicks == [false, true, true, false] && once.index == 5 && once.hasStoppedAtEnd,
                "the last slide gets its full time, then the mark says it ended")
        #expect(once.autoAdvanceMark(unicode: true) == "■ auto: einde")
        var app = App(dataset: sampleData, presenting: Presenter(deck: .goals(sampleData), autoAdvance: 20))
        app.resize(width: 80, height: 24)
        let appTicks = [0, 10, 20].map { app.tick(now: start.addingTimeInterval($0)) }
        #expect(appTicks == [false, false, true], "the app keeps the presenter's clock between ticks")
        #expect(app.presenter?.index == 1)
        var manual = Presenter(deck: .goals(sampleData))
        let manualTicks = [0, 3600].map { manual.tick(now: start.addingTimeInterval($0), pages: { _ in 1 }) }
        #expect(manualTicks == [false, false])
        var paged = Presenter(deck: .cycle(sampleData), startingAt: 1, autoAdvance: 5)  // slide 2 (index 1) is januari
        let pagedTicks = [0, 5, 10].map { paged.tick(now: start.addingTimeInterval($0), pages: { $0 == 1 ? 2 : 1 }) }
        #expect(pagedTicks == [false, true, true] && paged.index == 2 && paged.page == 0, "a slide of two pages shows both, each its full time")
    }

    @Test func aPresenterPausesTheAutoAdvanceAndBlackHoldsIt() {
        let start = Date(timeIntervalSince1970: 0)
        var app = App(dataset: sampleData, presenting: Presenter(deck: .goals(sampleData), autoAdvance: 20))
        app.resize(width: 80, height: 24)
        #expect(app.render().lines[23].contains("▶ auto 20s · Doel 1 · 1 / 6"))
        _ = app.tick(now: start)
        app.type("p")
        #expect(app.render().lines[23].contains("❚❚ auto gepauzeerd"))
        #expect(!app.tick(now: start.addingTimeInterval(60)) && app.presenter?.index == 0, "paused: no advance")
        app.type("p")
        _ = app.tick(now: start.addingTimeInterval(61))
        app.type(".")
        #expect([70, 90, 200].allSatisfy { !app.tick(now: start.addingTimeInterval($0)) }, "black holds the slide")
        app.type("x")
        #expect(app.presenter?.index == 0 && app.presenter?.isBlank == false, "the key that ends the black does not advance")
        #expect(!app.tick(now: start.addingTimeInterval(201)) && !app.tick(now: start.addingTimeInterval(220)))
        #expect(app.tick(now: start.addingTimeInterval(221)) && app.presenter?.index == 1, "then the slide gets its full 20 s again")
        var manual = makePresenterApp(.goals(sampleData))
        manual.type("p")
        #expect(manual.statusMessage?.hasPrefix("Toets p doet niets in de presentatie") == true, "without --auto there is nothing to pause")
    }

    /// At every size a projector may have, no slide of a built-in deck loses a line: the body is paged, the
    /// heading is broken between words. All headings of a deck have one size (issue 22, defects 6 and 8).
    @Test(arguments: [(80, 24), (60, 17), (48, 14), (160, 45)])
    func everySlideOfEveryBuiltInDeckFits(size: (Int, Int)) throws {
        let names = ["doelen", "cyclus", "htno-middag", "cijfers", "themas", "tabellen"] + (1...6).map { "doel-\($0)" } + sampleData.techniekpact.landsdelen.map { "landsdeel-\($0.id)" }
        for name in names {
            let deck = try DeckLoader.deck(named: name, decksDirectory: decksDirectory, dataset: sampleData)
            let presenter = Presenter(deck: deck)
            var letterHeights: Set<Int> = []
            for slide in deck.slides {
                let (content, layout) = presenter.layout(slide, dataset: sampleData, width: size.0, height: size.1, glyphs: .unicode, plain: false)
                let isBlock = layout.heading.contains { $0.contains(where: { "█▀▄".contains($0) }) }
                // Rows of one line of block letters (lines are parted by an empty row); plain capitals count 0.
                letterHeights.insert(isBlock ? layout.heading.split(separator: "").map(\.count).max() ?? 0 : 0)
                let words = content.heading.uppercased().split(separator: " ")
                if !isBlock { #expect(words.allSatisfy { word in layout.heading.contains { $0.contains(word) } }, "\(name): \(content.heading) whole words") }
                let isText = { (line: WrappedLine) in !line.text.trimmingCharacters(in: .whitespaces).isEmpty }
                let body = TextBlock.wrap(content.paragraphs, width: layout.textWidth).filter(isText)
                // Every line once, in order; a chart's legend on every page, counted once (issue 22, defect 7).
                let shown = layout.pages.enumerated().flatMap { number, page in
                    page.filter { isText($0) && ($0.paging != .onEveryPage || number == layout.pages.count - 1) }
                }
                #expect(shown.map(\.text) == body.map(\.text), "\(name): \(content.label)")
                let legend = body.filter { $0.paging == .onEveryPage }
                for page in layout.pages {
                    #expect(SlideLayout.rowsAbove(heading: layout.heading, subtitle: layout.subtitle) + page.count <= size.1 - 1, "\(name): \(content.label) at \(size)")
                    // A projector of 48x14 has no room for it on every page: there it comes at the end.
                    #expect(size.0 < 60 || legend.allSatisfy { line in page.contains { $0.text == line.text } }, "\(name): \(content.label): the legend on every page")
                    // A page never ends on a line that keeps with the next (a category without its bars).
                    #expect(page.filter(isText).last?.paging != .keepsWithNext, "\(name): \(content.label): a group split")
                }
                #expect(!body.contains { $0.text.contains("…") }, "\(name): \(content.label): nothing cut")
                #expect(layout.heading.allSatisfy { DisplayWidth.of($0) <= size.0 && !$0.hasSuffix("…") }, "\(name): \(content.label) heading")
            }
            #expect(letterHeights.count == 1, "\(name) at \(size): headings of one size, not \(letterHeights.sorted())")
        }
    }

    /// The footer keeps "n / m" whole however long the label is; the label gives way (defect 6).
    @Test func theFooterNeverLosesThePosition() throws {
        let long = FreeSlide(title: "Toekomstbestendig onderwijs in de techniek voor iedereen die ertoe doet")
        let deck = Deck(name: "lang", title: "Een deck met een lange titel", slides: [.free(long), .free(long)])
        for width in [48, 60, 80] {
            var app = makePresenterApp(deck, width: width, height: 14)
            let footer = app.render().lines[13]
            #expect(footer.hasSuffix("1 / 2 "), "\(width): \(footer)")
            #expect(footer.contains("Toekomstbestendig"), "\(width): the label starts where it fits")
            let heading = app.render().text
            for word in ["TOEKOMSTBESTENDIG", "TECHNIEK", "IEDEREEN"] where !heading.contains("█") {
                #expect(heading.contains(word), "\(width): \(word) whole")
            }
        }
    }

    @Test func theThemeKeyCyclesAllThemes() {
        var browsing = makeApp(themes: ["default", "light", "projector", "colorblind", "mono"])
        browsing.handle(.control("t"))
        #expect(browsing.themeName == "light")
        for _ in 0..<4 { browsing.handle(.control("t")) }
        #expect(browsing.themeName == "default", "all five, then round again")
        var app = makePresenterApp(.goals(sampleData))
        app.handle(.control("t"))
        #expect(app.themeName == "projector", "while presenting, the projector theme comes first")
        var seen = [app.themeName]
        for _ in 0..<5 {
            app.handle(.control("t"))
            seen.append(app.themeName)
        }
        #expect(seen == ["projector", "colorblind", "mono", "default", "light", "projector"], "every theme, in the README's order, round again")
        #expect(app.presenter?.index == 0, "the theme key does not move the slide")
    }

    /// Defect 4: the black screen is black in every theme (the light theme's background is white), `w` is white.
    @Test func blackIsBlackAndWhiteIsWhite() {
        var app = makePresenterApp(.goals(sampleData))
        app.type(".")
        #expect(app.render().cells.allSatisfy { $0.role == .blackout && $0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        app.type("x")
        #expect(app.render().contains("1 / 6"), "any key: back to the slide")
        app.type("w")
        #expect(app.render().cells.allSatisfy { $0.role == .whiteout })
        #expect(app.presenter?.state.isWhite == true && PresenterState(line: app.presenter!.state.line)?.isWhite == true)
        for theme in ["default", "light", "projector", "colorblind", "mono"] {
            let loaded = try? Theme.load(from: repositoryURL.appendingPathComponent("themes/\(theme).yaml"))
            #expect(loaded?.style(for: .blackout).background == .index(0) && loaded?.style(for: .whiteout).background == .index(15), "\(theme)")
        }
    }

    @Test func blockLetters() {
        #expect(BlockFont.rows("Doel 1", scale: 1, unicode: true) == [
            "█▀▄ ▄▀▄ █▀▀ █       ▄█ ",
            "█ █ █ █ █▀  █        █ ",
            "▀▀   ▀  ▀▀▀ ▀▀▀     ▀▀▀",
        ])
        #expect(BlockFont.size(of: "Doel 1", scale: 2, unicode: true) == (46, 5))
        #expect(BlockFont.rows("1", scale: 1, unicode: false) == [" # ", "## ", " # ", " # ", "###"])
        #expect(BlockFont.canDraw("Zuidoost"))
        #expect(BlockFont.canDraw("Geïnterviewden"), "accents fold to their letter")
        #expect(BlockFont.canDraw("Doel 3?") && BlockFont.canDraw("Nu!") && BlockFont.canDraw("‘Samen’, (of niet)"))
        // W is drawn with its middle stroke, five pixels wide: it no longer reads as H.
        #expect(BlockFont.rows("W", scale: 1, unicode: false) == ["#   #", "#   #", "# # #", "# # #", " # # "])
        #expect(BlockFont.size(of: "WH", scale: 1, unicode: true).width == 9)
    }

    @Test func asciiSlides() {
        var app = makePresenterApp(.goals(sampleData), glyphs: .ascii)
        let frame = app.render()
        #expect(frame.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII || !"█▀▄".unicodeScalars.contains($0) } })
        #expect(frame.contains("#"))
        app.type("q")
    }
}

@Suite struct HandoutTests {
    @Test func everySlideIsASectionWithItsNotesWhenAsked() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        let html = Handout.html(deck, dataset: sampleData, includesNotes: true)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.components(separatedBy: "<section class=\"dia\"").count - 1 == deck.slides.count)
        #expect(html.contains("<h2>Centrale vraag</h2>") && html.contains("<p class=\"nadruk\">“zijn hybride techniek hubs het onderwijsmodel van de toekomst?”</p>"))
        #expect(html.components(separatedBy: "<aside class=\"notities\">").count - 1 == deck.notes.compactMap { $0 }.count)
        #expect(!Handout.html(deck, dataset: sampleData, includesNotes: false).contains("<aside"))
    }

    @Test func textIsEscaped() {
        let deck = Deck(name: "x", title: "<b>x</b>", slides: [.free(FreeSlide(title: "a & b", bullets: ["<script>alert('x')</script>"], quote: "\"q\""))],
                        notes: ["<i>n</i>"])
        let html = Handout.html(deck, dataset: sampleData, includesNotes: true)
        #expect(html.contains("<title>&lt;b&gt;x&lt;/b&gt;</title>") && html.contains("<h2>a &amp; b</h2>"))
        #expect(html.contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>") && html.contains("&lt;i&gt;n&lt;/i&gt;"))
        #expect(!html.contains("<script") && !html.contains("<i>") && !html.contains("<b>"))
    }
}

@Suite struct SpeakerViewTests {
    @Test func theSpeakerViewFollowsTheProjectorAndSendsItsKeys() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        let start = Date(timeIntervalSince1970: 1_795_600_800)
        var app = App(dataset: sampleData, presenting: Presenter(deck: deck, startedAt: start, speakerViewOf: "htno-middag"))
        app.resize(width: 80, height: 24)
        #expect(app.render().contains("Geen projector voor sessie 'htno-middag': wacht…"))
        let middag = DeckIdentity(deck)
        app.followProjector(PresenterState(index: 2, page: 0, isBlank: false, isPaused: false, startedAt: start, deck: middag), connected: true)
        let moved = app.tick(now: start.addingTimeInterval(754.2))
        var paused = app
        paused.followProjector(PresenterState(index: 2, page: 0, isBlank: false, isPaused: true, startedAt: start, autoAdvance: 20, deck: middag),
                               connected: true)
        #expect(paused.render().lines[23].contains("❚❚ auto gepauzeerd"), "the speaker view shows the projector's --auto")
        #expect(!paused.tick(now: start.addingTimeInterval(800.2)) || paused.presenter?.index == 2, "and never advances by itself")
        #expect(moved, "the clock moves: redraw")
        let frame = app.render()
        #expect(frame.lines[0].hasSuffix("11:12:34 ") && frame.contains("Nu 3/16:      Centrale vraag") && frame.contains("Volgende:     Jaarverslag"))
        #expect(frame.contains("Het centrale thema voor deze dag was ingegeven") && frame.contains("Verstreken 0:12:34 · deze dia 12:34 · dia 3/16"))
        assertSnapshot(frame, named: "speaker-view-80x24")
        // The keys go to the projector as effects of the keys pressed here.
        let sent = [Key.character(" "), .character("5"), .left].flatMap { app.handle($0) }.compactMap(\.remoteKey)
        #expect(sent == [RemoteKey(command: .nextSlide, key: .character(" ")), RemoteKey(command: nil, key: .character("5")),
                         RemoteKey(command: .previousSlide, key: .left)])
        #expect(app.presenter?.index == 2, "the slide moves when the projector says so")
        let afterQuit = app.handle(.character("q")).compactMap(\.remoteKey)
        #expect(!app.isRunning && afterQuit.isEmpty, "q quits the speaker view only")
    }

    @Test func theProjectorCarriesOutRemoteKeys() {
        var app = makePresenterApp(.goals(sampleData))
        for line in ["toets dia.volgende space", "toets - 5", "toets stop q", "nonsens"] {
            if let key = RemoteKey(line: line) { app.handleRemote(key) }
        }
        #expect(app.presenter?.index == 4 && app.isRunning, "space, then slide 5; a remote q does not stop the projector")
        let goals = DeckIdentity(.goals(sampleData))
        let state = PresenterState(index: 4, page: 1, isBlank: true, isPaused: false, startedAt: Date(timeIntervalSince1970: 12.5), deck: goals)
        #expect(PresenterState(line: state.line) == state)
        let auto = PresenterState(index: 5, page: 0, isBlank: false, isPaused: true, startedAt: Date(timeIntervalSince1970: 1), autoAdvance: 20,
                                  loops: true, stoppedAtEnd: false, deck: goals, isPresenting: false)
        #expect(PresenterState(line: auto.line) == auto)
        #expect(RemoteKey(line: RemoteKey(command: .previousSlide, key: .left).line) == RemoteKey(command: .previousSlide, key: .left))
    }
}

/// Defects 1, 3 and 10 of issue 22: the speaker view shows what the projector shows or says why not, and `p`
/// says where it has no slide.
@Suite struct SpeakerViewHonestyTests {
    func speakerView(of name: String) throws -> (App, Deck) {
        let deck = try DeckLoader.deck(named: name, decksDirectory: decksDirectory, dataset: sampleData)
        var app = App(dataset: sampleData, presenting: Presenter(deck: deck, speakerViewOf: name))
        app.resize(width: 80, height: 24)
        return (app, deck)
    }

    @Test func aSpeakerViewOfAnotherDeckRefusesIt() throws {
        var (app, _) = try speakerView(of: "cyclus")
        let middag = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        app.followProjector(PresenterState(index: 8, page: 0, isBlank: false, isPaused: false, startedAt: Date(), deck: DeckIdentity(middag)),
                            connected: true)
        let frame = app.render()
        #expect(frame.contains("Ander deck: de beamer toont ‘Htno-middag 18 januari 2023: flexibilisering’ (16") && frame.contains("‘Gesprekscyclus 2023’ (13 dia's)"))
        #expect(!frame.contains("Nu 9/13"), "no slide of its own deck as if the projector showed it")
        let sent = app.handle(.character(" ")).compactMap(\.remoteKey)
        #expect(sent.isEmpty && app.render().lines[23].contains("Toetsen gaan nu niet naar de beamer: ander deck"))
    }

    @Test func aSpeakerViewSaysWhenTheProjectorLeftTheTalk() throws {
        var (app, deck) = try speakerView(of: "htno-middag")
        let state = PresenterState(index: 6, page: 0, isBlank: false, isPaused: false, startedAt: Date(), deck: DeckIdentity(deck))
        app.followProjector(state, connected: true)
        #expect(app.render().contains("Nu 7/16"))
        var browsing = state
        browsing.isPresenting = false
        app.followProjector(browsing, connected: true)
        let frame = app.render()
        #expect(frame.contains("De beamer presenteert niet meer") && !frame.contains("Nu 7/16"))
        #expect(app.handle(.character(" ")).compactMap(\.remoteKey).isEmpty)
        app.followProjector(state, connected: true)
        #expect(app.render().contains("Nu 7/16"), "back when the talk is")
    }

    /// The projector tells the speaker views that it stopped presenting: `Esc Esc` and the state says so.
    @Test func theProjectorsStateSaysWhenItIsOff() throws {
        var app = makePresenterApp(.goals(sampleData))
        #expect(app.presenter?.state.isPresenting == true && app.presenter?.state.deck == DeckIdentity(.goals(sampleData)))
        let fixed = Presenter(deck: .goals(sampleData), startedAt: Date(timeIntervalSince1970: 1_795_600_800)).state
        #expect(PresenterState(line: fixed.line) == fixed, "the deck's title survives the line")
        app.handle(.escape)
        app.handle(.escape)
        #expect(app.presenter == nil)
    }

    /// Defect 9: the speaker view says the page ("deel 1/2") and whether Space turns a page or the slide; a
    /// figure slide is named by its figure.
    @Test func theSpeakerViewSaysPagesAndFiguresTheirTitle() throws {
        var (app, deck) = try speakerView(of: "htno-middag")
        var state = PresenterState(index: 8, page: 0, isBlank: false, isPaused: false, startedAt: Date(), deck: DeckIdentity(deck))
        state.pageCount = 2
        #expect(PresenterState(line: state.line)?.pageCount == 2)
        app.followProjector(state, connected: true)
        #expect(app.render().contains("Nu 9/16:      Good practice 2 (deel 1/2)") && app.render().contains("Volgende:     deel 2/2 van deze dia"))
        state.page = 1
        app.followProjector(state, connected: true)
        #expect(app.render().contains("(deel 2/2)") && app.render().contains("Volgende:     Good practice 3"))
        var figures = makePresenterApp(.figures(sampleData))
        #expect(figures.render().lines[23].contains("Tabel 1: Oordelen over voorbereiding op de arbeidsmarkt (deel 1/3) · 1 / 9"))
        #expect(!figures.render().text.contains("Figuur 1") && !figures.render().text.contains("CIJFERS"))
    }

    /// Defect 10: `1` `9` in a deck of 16 moves nothing and says so; March is "mrt".
    @Test func aSlideNumberPastTheEndSaysSo() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck, startingAt: 2)
        app.type("19")
        #expect(app.presenter?.index == 2 && app.statusMessage == "Dia 19 bestaat niet: dit deck heeft dia 1 tot 16")
        app.type("12")
        #expect(app.presenter?.index == 11, "a number there is goes")
        var cycle = makePresenterApp(.cycle(sampleData))
        #expect(cycle.render().text.contains(" mrt  Sac vergadering") && !cycle.render().text.contains(" maa "))
    }

    /// Feature 11: the list of slides, typed words filter it, Enter goes; `12G` jumps; the speaker view chooses
    /// in its own list and the projector goes there.
    @Test func theSlideOverviewFiltersAndGoes() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck)
        app.type("o")
        var frame = app.render()
        #expect(frame.contains("Dia's · typ om te zoeken") && frame.contains("▶ 1  Welkom") && frame.contains(" 3  Centrale vraag"), "\(frame.text)")
        app.type("practice")
        frame = app.render()
        #expect(frame.contains(" 8  Good practice 1") && !frame.contains(" 2  Programma"))
        app.handle(.down)
        app.handle(.enter)
        #expect(app.presenter?.index == 8 && app.presenter?.overview == nil, "the second match: good practice 2")
        app.type("/llo")
        app.handle(.enter)
        #expect(app.presenter?.index == 6, "/ searches by title")
        app.type("o")
        app.handle(.escape)
        #expect(app.presenter?.overview == nil && app.presenter?.index == 6, "Esc closes the list, the talk stays")
        app.type("12G")
        #expect(app.presenter?.index == 11, "12G as in presenterm")
        var (speaker, _) = try speakerView(of: "htno-middag")
        speaker.followProjector(PresenterState(index: 0, page: 0, isBlank: false, isPaused: false, startedAt: Date(), deck: DeckIdentity(deck)),
                                connected: true)
        #expect(speaker.handle(.character("o")).isEmpty)
        #expect(speaker.render().contains("Enter: de beamer gaat naar de gekozen dia"))
        _ = speaker.handle(.character("a"))
        _ = speaker.handle(.character("f"))
        let sent = speaker.handle(.enter).compactMap(\.remoteKey)
        #expect(sent == [RemoteKey(command: nil, key: .character("1")), RemoteKey(command: nil, key: .character("4")),
                         RemoteKey(command: .lastSlide, key: .character("G"))], "Afspraken is slide 14")
        var projector = makePresenterApp(deck)
        for key in sent { projector.handleRemote(key) }
        #expect(projector.presenter?.index == 13)
    }

    /// Feature 12: the talk's clock (paused and reset from either side), the time on this slide, the countdown
    /// to the planned end, and the next slide in miniature on a wide speaker view.
    @Test func theSpeakerViewsClockAndMiniature() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        let start = Date(timeIntervalSince1970: 1_795_600_800)  // 11:00 in Dutch winter time
        var projector = Presenter(deck: deck, startedAt: start)
        projector.plannedEnd = start.addingTimeInterval(45 * 60)
        let pages: (Int) -> Int = { _ in 1 }
        _ = projector.handle(.nextSlide, key: .character(" "), pages: pages, now: start.addingTimeInterval(60))
        _ = projector.handle(.pauseClock, key: .character("c"), pages: pages, now: start.addingTimeInterval(600))
        #expect(projector.elapsed(at: start.addingTimeInterval(900)) == 600, "standing still while paused")
        _ = projector.handle(.pauseClock, key: .character("c"), pages: pages, now: start.addingTimeInterval(900))
        #expect(projector.elapsed(at: start.addingTimeInterval(960)) == 660, "and on again, the pause left out")
        let state = try #require(PresenterState(line: projector.state.line))
        #expect(state.startedAt == start.addingTimeInterval(300) && state.plannedEnd == projector.plannedEnd && state.clockPausedAt == nil)
        var (speaker, _) = try speakerView(of: "htno-middag")
        speaker.resize(width: 120, height: 30)
        speaker.followProjector(state, connected: true)
        _ = speaker.tick(now: start.addingTimeInterval(960))
        let frame = speaker.render()
        #expect(frame.lines[29].contains("Verstreken 0:11:00 · deze dia") && frame.lines[29].contains("nog 0:29:00 tot 11:45 · dia 2/16"),
                "\(frame.lines[29])")
        #expect(frame.contains("Volgende dia") && frame.contains("CENTRALE VRAAG"), "the next slide in miniature")
        let reset = speaker.handle(.character("r")).compactMap(\.remoteKey)
        #expect(reset == [RemoteKey(command: .resetClock, key: .character("r"))], "the speaker view's keys steer the shared clock")
        _ = projector.handle(.resetClock, key: .character("r"), pages: pages, now: start.addingTimeInterval(1000))
        #expect(projector.elapsed(at: start.addingTimeInterval(1010)) == 10)
    }

    /// Feature 17: the long-term themes with their questions and the Kiezen voor Technologie table as slides,
    /// from the sections with p and in deck files.
    @Test func themesAndTheKvTTableAreSlides() throws {
        var app = makeApp()
        app.type("4j")
        app.type("p")
        #expect(app.presenter?.deck.name == "themas" && app.presenter?.index == 1)
        let theme = app.render()
        #expect(theme.contains(String(sampleData.longTermThemes[1].title.prefix(20))) && theme.contains("2 / 3"), "\(theme.text)")
        #expect(theme.contains(sampleData.longTermThemes[1].questions[0].label + ":"), "the questions")
        app.press(.escape)
        app.type("7G")
        app.type("p")
        let table = app.render()
        #expect(app.presenter?.deck.name == "tabellen")
        #expect(table.contains("Primair onderwijs") && table.contains("• Jet-Net Junior (samenwerking scholen-bedrijven)"))
        let file = try DeckLoader.load(writeDeck("title: \"x\"\nslides: [\"thema 3\", \"tabel seo-2020-kvt-activiteiten\"]\n"), dataset: sampleData)
        #expect(file.slides == [.theme(2), .sourceTable(0)])
        #expect(throws: DataError.self) { try DeckLoader.load(writeDeck("title: \"x\"\nslides: [\"thema 9\"]\n"), dataset: sampleData) }
    }

    /// Feature 13: a slide's bullets one at a time (`stapsgewijs: true`); the hidden ones keep their place.
    @Test func stepwiseBulletsComeOneAtATime() throws {
        let text = "title: \"Stappen\"\nslides:\n  - { titel: \"Drie punten\", punten: [\"eerste punt\", \"tweede punt\", \"derde punt\"], stapsgewijs: true }\n"
            + "  - { titel: \"Daarna\" }\n"
        let deck = try DeckLoader.load(writeDeck(text), dataset: sampleData)
        var app = makePresenterApp(deck)
        #expect(!app.render().contains("eerste punt") && app.render().contains("Drie punten · 1 / 2"))
        app.type(" ")
        let one = app.render()
        #expect(one.contains("eerste punt") && !one.contains("tweede punt"))
        app.type("  ")
        let all = app.render()
        let row = { (frame: Frame, text: String) in frame.lines.firstIndex { $0.contains(text) } }
        #expect(row(all, "eerste punt") == row(one, "eerste punt"), "the slide does not move as bullets come")
        #expect(all.contains("derde punt") && app.presenter?.index == 0)
        app.type(" ")
        #expect(app.presenter?.index == 1, "then the next slide")
        app.handle(.left)
        #expect(app.presenter?.revealed == 3 && app.render().contains("derde punt"), "back: all shown")
        app.handle(.left)
        #expect(app.presenter?.revealed == 2 && !app.render().contains("derde punt"))
        let state = try #require(PresenterState(line: app.presenter!.state.line))
        var speaker = App(dataset: sampleData, presenting: Presenter(deck: deck, speakerViewOf: "stappen"))
        speaker.resize(width: 80, height: 24)
        speaker.followProjector(state, connected: true)
        #expect(speaker.render().contains("Drie punten (punt 2/3)") && speaker.render().contains("punt 3/3 van deze dia"))
    }

    /// Feature 13: with `grote-tekst: true` a slide's body is in block letters where it fits one page.
    @Test func bigTextWhereItFits() throws {
        let text = "title: \"Groot\"\ngrote-tekst: true\nslides:\n  - { titel: \"Kort\", punten: [\"Samen opleiden\", \"Hybride hubs\"] }\n"
            + "  - { titel: \"Lang\", punten: [\"\(String(repeating: "veel woorden op een dia ", count: 12))\"] }\n"
        let deck = try DeckLoader.load(writeDeck(text), dataset: sampleData)
        #expect(deck.prefersBigText)
        var app = makePresenterApp(deck, width: 160, height: 45)
        let short = app.render()
        #expect(!short.contains("Samen opleiden") && short.lines.filter { $0.contains("█") || $0.contains("▀") }.count > 6, "the bullets in block letters")
        app.type(" ")
        #expect(app.render().contains("veel woorden op een dia"), "too long for block letters: the text as usual")
    }

    /// In reader mode a slide has no block letters, heading or body: a screen reader would read rows of ▀ and █.
    @Test func readerModeDrawsTheSlideInPlainLetters() throws {
        let text = "title: \"Groot\"\ngrote-tekst: true\nslides:\n  - { titel: \"Kort\", punten: [\"Samen opleiden\", \"Hybride hubs\"] }\n"
        let deck = try DeckLoader.load(writeDeck(text), dataset: sampleData)
        var app = App(dataset: sampleData, glyphs: .unicode, themes: ["default"], presenting: Presenter(deck: deck, startingAt: 0), readerMode: true)
        app.resize(width: 80, height: 24)
        let frame = app.render()
        #expect(frame.contains("KORT") && frame.contains("Samen opleiden") && frame.contains("Hybride hubs"), "\(frame)")
        #expect(!["█", "▀", "▄"].contains { frame.contains($0) })
        #expect(app.presenterState?.pageCount == 1)
        let shown = makePresenterApp(deck)
        #expect(shown.render().contains("█"), "outside reader mode the same slide has block letters")
    }

    /// Feature 13: body text in big letters is two rows a line (a 3x4 face), with every character the titles
    /// have, and no two characters alike.
    @Test func theCompactFaceIsTwoRowsALineAndEveryCharacterItsOwn() {
        #expect(BlockFont.rows("Samen", scale: 1, unicode: true, face: .compact) == ["▄▀▀ ▄▀▄ █▄ ▄█ ██▀ █▄ █", "▄▄▀ █▀█ █ ▀ █ █▄▄ █ ▀█"])
        #expect(BlockFont.size(of: "Samen opleiden", scale: 1, unicode: true, face: .compact).height == 2)
        let characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.·:/'&?!,;()\"%+=€@"
        #expect(BlockFont.canDraw(characters + " ", face: .compact) && BlockFont.canDraw(characters + " "))
        let drawn = characters.map { BlockFont.rows(String($0), scale: 1, unicode: false, face: .compact).joined(separator: "|") }
        #expect(Set(drawn).count == drawn.count, "no two alike")
        #expect(drawn.allSatisfy { $0.split(separator: "|").count == 4 })
    }

    private func writeDeck(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deck-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func pWhereThereIsNoSlideSaysSo() {
        var app = makeApp()
        app.type("8")
        app.type("p")
        #expect(app.presenter == nil)
        #expect(app.statusMessage?.hasPrefix("Hier is geen dia: p presenteert doelen") == true)
    }
}

/// Defect 5 of issue 22: what the projector says takes the footer's place whole and goes; key hints go to the
/// speaker view.
@Suite struct ProjectorMessageTests {
    @Test func aMessageReplacesTheFooterAndGoes() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck)
        let footer = app.render().lines[23]
        app.handle(.control("t"))
        let said = app.render().lines[23]
        #expect(said == " Thema: projector" + String(repeating: " ", count: 80 - 17), "the whole footer row, nothing of it left: \(said)")
        let start = Date()
        _ = app.tick(now: start)
        let early = app.tick(now: start.addingTimeInterval(3))
        #expect(!early && app.render().lines[23] == said, "it stays a few seconds")
        let late = app.tick(now: start.addingTimeInterval(4.1))
        #expect(late, "then it goes: redraw")
        #expect(app.render().lines[23] == footer)
    }

    @Test func aKeyHintGoesToTheSpeakerView() {
        var app = makePresenterApp(.goals(sampleData))
        app.handle(.character("x"))
        #expect(app.render().lines[23].contains("Toets x doet niets in de presentatie"), "alone, the presenter reads it on the projector")
        app.noteSpeakerViews(1)
        let effects = app.handle(.character("y"))
        #expect(effects.contains(.tellSpeakerViews("Toets y doet niets in de presentatie: Spatie volgende, ← vorige, . zwart, Esc terug")))
        #expect(!app.render().lines[23].contains("Toets"), "not on the projector")
        #expect(SpeakerHint(line: SpeakerHint(text: "a\nb").line) == SpeakerHint(text: "a b"))
    }
}

extension AppEffect {
    /// The key for the projector, when this effect sends one.
    var remoteKey: RemoteKey? {
        if case .sendToProjector(let key) = self { key } else { nil }
    }
}

/// Feature 16: a slide's link as a QR code in half blocks (libqrencode), and the same code in the hand-out; both
/// are read back by a real decoder (zbarimg, from Debian's zbar-tools) from a picture of what is drawn.
@Suite struct QRCodeTests {
    /// A link the sources print (the hbo-monitor, in the 2023 jaarverslag's footnote).
    let link = "https://www.hbomonitor.nl/nl/resultaten/kansen-op-de-arbeidsmarkt"

    /// zbarimg's reading of a picture of dark (true) and light pixels, each made `scale` pixels wide and high.
    func decoded(_ pixels: [[Bool]], scale: Int = 6) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = pixels.flatMap { row in Array(repeating: row.flatMap { Array(repeating: $0, count: scale) }, count: scale) }
        let body = rows.map { $0.map { $0 ? "1" : "0" }.joined(separator: " ") }.joined(separator: "\n")
        try "P1\n\(rows.first?.count ?? 0) \(rows.count)\n\(body)\n".write(to: url, atomically: true, encoding: .ascii)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theSlidesCodeScansToItsLink() throws {
        let deck = Deck(name: "qr", title: "Meer weten", slides: [.free(FreeSlide(title: "Kansen op de arbeidsmarkt", link: link))])
        var app = makePresenterApp(deck, width: 80, height: 40)
        let frame = app.render()
        #expect(frame.contains(link), "the link is also written out")
        // The cells drawn as the code, back to pixels: a cell is two modules, one above the other.
        let rows = (0..<frame.height).filter { y in (0..<frame.width).contains { frame.cells[y * frame.width + $0].role == .qrCode } }
        let columns = (0..<frame.width).filter { x in rows.contains { frame.cells[$0 * frame.width + x].role == .qrCode } }
        #expect(!rows.isEmpty && rows.count == rows.last! - rows.first! + 1, "one block of rows")
        let pixels = rows.flatMap { y -> [[Bool]] in
            let cells = columns.map { frame.cells[y * frame.width + $0].text }
            return [cells.map { $0 == "█" || $0 == "▀" }, cells.map { $0 == "█" || $0 == "▄" }]
        }
        #expect(try decoded(pixels) == link)
    }

    @Test func theHandoutsCodeScansToItsLink() throws {
        let deck = Deck(name: "qr", title: "Meer weten", slides: [.free(FreeSlide(title: "Kansen op de arbeidsmarkt", link: link))])
        let html = Handout.html(deck, dataset: sampleData, includesNotes: false)
        let path = try #require(html.firstMatch(of: /<path d="([^"]*)"/)?.1)
        let side = try #require(html.firstMatch(of: /viewBox="0 0 (\d+) \d+"/).flatMap { Int($0.1) })
        var pixels = Array(repeating: Array(repeating: false, count: side), count: side)
        for module in String(path).matches(of: /M(\d+) (\d+)h1v1h-1z/) { pixels[Int(module.2)!][Int(module.1)!] = true }
        #expect(try decoded(pixels) == link)
        #expect(html.contains("<figcaption>\(link)</figcaption>"))
    }
}

@Suite struct SlidePagingTests {
    /// A room of one line (a tiny terminal) still gets every line, one per page; it used to loop for ever.
    @Test func aRoomOfOneLineTakesEveryLine() {
        let slide = Slide.free(FreeSlide(title: "x", bullets: ["een twee drie vier vijf zes zeven acht negen tien elf twaalf", "dertien veertien"]))
        let content = SlideContent(slide, dataset: sampleData, glyphs: .unicode, width: 20)
        let layout = SlideLayout(content: content, area: Rect(x: 0, y: 0, width: 24, height: 3), unicode: true, headingScale: nil)
        let body = TextBlock.wrap(content.paragraphs, width: layout.textWidth).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(layout.pages.allSatisfy { $0.count == 1 } && layout.pages.flatMap { $0 }.map(\.text) == body.map(\.text))
    }
}

/// What an independent review of the presenting change found (each failed before its fix).
@Suite struct PresenterReviewTests {
    let stepwise = Slide.free(FreeSlide(title: "Stappen", bullets: ["een", "twee", "drie", "vier"], isStepwise: true))

    @Test func anEditedDeckWithFewerBulletsDoesNotCrashTheProjector() {
        var app = makePresenterApp(Deck(name: "s", title: "S", slides: [stepwise]))
        app.type("   ")
        #expect(app.presenter?.revealed == 3)
        app.replaceDeck(with: Deck(name: "s", title: "S", slides: [.free(FreeSlide(title: "Stappen", bullets: ["een", "twee"], isStepwise: true))]))
        #expect(app.presenter?.revealed == 2 && app.render().contains("twee"))
        app.replaceDeck(with: Deck(name: "s", title: "S", slides: [.free(FreeSlide(title: "Anders"))]))
        #expect(app.presenter?.revealed == nil && app.render().contains("1 / 1"))
    }

    @Test func aJumpFromTheSpeakerViewGoesThereAlsoFromABlackScreen() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck)
        app.type(".")
        for key in [RemoteKey(command: nil, key: .character("1")), RemoteKey(command: nil, key: .character("2")),
                    RemoteKey(command: .lastSlide, key: .character("G"))] { app.handleRemote(key) }
        #expect(app.presenter?.index == 11 && app.presenter?.isBlank == false)
        app.type(".")
        for key in [RemoteKey(command: nil, key: .character("5")), RemoteKey(command: .lastSlide, key: .character("G"))] { app.handleRemote(key) }
        #expect(app.presenter?.index == 4, "5G, not the last slide")
    }

    @Test func aRemoteKeyIsNotTypedIntoTheProjectorsList() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        var app = makePresenterApp(deck)
        app.type("o")
        app.handleRemote(RemoteKey(command: .nextSlide, key: .character(" ")))
        #expect(app.presenter?.overview == nil && app.presenter?.index == 1)
    }

    @Test func aRestartRestoresTheBulletsAndSurvivesABadPage() {
        var presenter = Presenter(deck: Deck(name: "s", title: "S", slides: [.free(FreeSlide(title: "Eerst")), stepwise]))
        var state = PresenterState(index: 1, page: -1, isBlank: false, isPaused: false, startedAt: Date(), deck: DeckIdentity(presenter.deck))
        state.revealed = 1
        presenter.resume(at: state)
        #expect(presenter.revealed == 1 && presenter.page == 0)
    }

    @Test func aDeckWithoutATitleStillLinks() {
        let state = PresenterState(index: 0, page: 0, isBlank: false, isPaused: false, startedAt: Date(timeIntervalSince1970: 5),
                                   deck: DeckIdentity(Deck(name: "x", title: "", slides: [stepwise])))
        #expect(PresenterState(line: state.line) == state)
    }
}
