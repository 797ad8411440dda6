import Foundation
import Testing
import DialoogModel
import DialoogUI
@testable import HandoutExport

/// Hand-outs of three and six a page, and their charts as real bars (issue 22, feature 15). What Chromium makes
/// of them is checked by Tests/e2e/handout_pdf.py; these pin the choices made before the browser.
@Suite struct HandoutLayoutTests {
    @Test func slidesFollowEachOtherRowByRowAndATallSlideTakesTheBoxesBelowIt() {
        let places = SheetPlace.pack([1, 3, 1, 1, 1, 1, 1], columns: 2)
        #expect(places.map { [$0.sheet, $0.row, $0.column, $0.rows] } == [
            [0, 0, 0, 1], [0, 0, 1, 3], [0, 1, 0, 1], [0, 2, 0, 1],  // beside the tall one, down the first column
            [1, 0, 0, 1], [1, 0, 1, 1], [1, 1, 0, 1],  // a new sheet
        ])
        // One column (three a page): a slide that no longer fits the rest of the column starts the next sheet.
        #expect(SheetPlace.pack([2, 2, 1], columns: 1).map { [$0.sheet, $0.row] } == [[0, 0], [1, 0], [1, 2]])
        // Never back to an earlier box: the order of the slides is the order on paper.
        #expect(SheetPlace.pack([1, 1, 3, 1], columns: 2).map { [$0.sheet, $0.row, $0.column] } == [[0, 0, 0], [0, 0, 1], [1, 0, 0], [1, 0, 1]])
        #expect(SheetPlace(sheet: 0, column: 1, row: 0, rows: 3).gridArea == "grid-column: 2; grid-row: 2 / span 3")
    }

    @Test func aShortSlideKeepsLargeTextAndTheLongestChartTakesTwoBoxes() throws {
        let box = try #require(HandoutLayout.six.slideBox)
        let welcome = HandoutSlide(.free(FreeSlide(title: "Welkom", subtitle: "htno-middag", bullets: ["Eén punt"])), number: 1, of: 1,
                                   dataset: sampleData, notes: nil)
        #expect(box.fit(welcome.blocks) == (fontSize: 11, rows: 1))
        // Tabel 1: eleven sectors of two series do not fit one box at a legible size.
        let table = HandoutSlide(.figure(0), number: 1, of: 1, dataset: sampleData, notes: nil)
        let fit = box.fit(table.blocks)
        #expect(fit.rows == 2 && fit.fontSize >= 7)
        #expect(box.millimetres(table.blocks, fontSize: fit.fontSize) <= box.height(rows: 2))
        // Smaller letters are never taller.
        let heights = HandoutFit.legibleSizes.map { box.millimetres(table.blocks, fontSize: $0) }
        #expect(heights == heights.sorted(by: >))
    }

    @Test func aChartIsBarsOfCSSWidthOnOneScaleWithAPatternASeries() throws {
        let html = Handout.html(Deck.figures(sampleData), dataset: sampleData, includesNotes: false, layout: .six)
        #expect(!html.contains("█") && !html.contains("▏"), "no text bars")
        // Tabel 1, totaal: 69% and 51% on the scale of 100, series A solid (0) and B outlined (1), the name before each.
        #expect(html.contains("<div class=\"staaf\"><span class=\"reeks\">A</span><span class=\"spoor\"><span class=\"balk patroon-0\" "
                              + "style=\"width: 69.0%\"></span></span><span class=\"waarde\">69%</span></div>"))
        #expect(html.contains("<span class=\"balk patroon-1\" style=\"width: 51.0%\"></span></span><span class=\"waarde\">51%</span>"))
        #expect(html.contains("<span class=\"reeks\">B</span><span class=\"geen\">— geen cijfer</span>"))
        #expect(html.contains("<li><span class=\"staal patroon-0\" aria-hidden=\"true\"></span> A: "))
        #expect(html.contains("<li>Schaal: 0 tot 100%</li>"))
        // Six a page: sheets, each headed; the deck's header is for the screen only.
        let sheets = html.components(separatedBy: "<div class=\"blad\">").count - 1
        #expect(sheets >= 2 && html.contains("<p class=\"kop\">Cijfers uit de bronnen · blad 1 van \(sheets)</p>"))
        #expect(html.contains("header { display: none; }") && html.contains("grid-template-columns: 1fr 1fr;"))
    }

    @Test func longNotesTakeMoreRowsAndTheirSlideGrowsWithThem() {
        let notes = String(repeating: "Hier vertelt de spreker uitgebreid wat er op deze dia niet staat. ", count: 45)
        let deck = Deck(name: "lang", title: "Lang", slides: [.free(FreeSlide(title: "Kort", bullets: ["Eén punt"]))], notes: [notes])
        let html = Handout.html(deck, dataset: sampleData, includesNotes: true, layout: .three)
        #expect(html.contains("<div class=\"vak\" style=\"grid-column: 1; grid-row: 2 / span 2\">") || html.contains("span 3"),
                "the notes' rows, not the slide's one")
        let size = html.firstMatch(of: /<aside class="notities" style="--pt: ([0-9.]+)pt">/).flatMap { Double($0.1) }
        #expect(size.map { $0 >= HandoutFit.legibleSizes.last! } == true, "legible: \(String(describing: size))")
    }

    @Test func threeAPageHasTheNotesOrLinesBeside() throws {
        let deck = try DeckLoader.deck(named: "htno-middag", decksDirectory: decksDirectory, dataset: sampleData)
        let withNotes = Handout.html(deck, dataset: sampleData, includesNotes: true, layout: .three)
        #expect(withNotes.components(separatedBy: "<div class=\"vak\"").count - 1 == deck.slides.count)
        #expect(withNotes.components(separatedBy: "<aside class=\"notities\" style=\"--pt: ").count - 1 == deck.notes.compactMap { $0 }.count)
        let withoutNotes = Handout.html(deck, dataset: sampleData, includesNotes: false, layout: .three)
        #expect(!withoutNotes.contains("<aside") && withoutNotes.components(separatedBy: "<p>Aantekeningen</p>").count - 1 == deck.slides.count)
        #expect(withoutNotes.contains("<p class=\"over\">Hand-out, 16 dia's, 3 per pagina</p>"))
    }
}
