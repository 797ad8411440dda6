import Testing
import DialoogModel
@testable import DialoogUI

/// Section 8 Bronnen and the htno-middag's programme in the Cyclus, as a person reads them.
@Suite struct SourcesScreenTests {
    @Test(arguments: [(80, 24, "80x24"), (160, 45, "160x45")])
    func theSourcesPartByPart(width: Int, height: Int, name: String) {
        var app = makeApp(width: width, height: height)
        app.type("8")
        var pages = ["=== bronnen\n" + app.render().text]
        app.type("j\n")
        pages.append("=== ptvt 2021\n" + app.render().text)
        // Down to "Bereik van PTvT in 2021" and open it: its figures with their words.
        app.type("jjjjjjjjj\n")
        pages.append("=== bereik\n" + app.render().text)
        app.type("]")
        pages.append("=== jet-net\n" + app.render().text)
        assertSnapshot(text: pages.joined(separator: "\n") + "\n", named: "sources-\(name)")
        #expect(pages[0].contains("8 Bronnen") && pages[0].contains("PTvT jaarverslag 2021"))
        #expect(app.render().lines[1].contains("Bronnen › PTvT jaarverslag 2021 › Jet-Net & TechNet"))
        #expect(pages[2].contains("scholen: Meer dan 1.950"))
    }

    @Test func markupOfTheTextVersionIsShownAsWords() {
        var app = makeApp(width: 100, height: 60)
        app.type("8j\njjjjjjj\n")
        let screen = app.render().text
        #expect(screen.contains("Kennisdeling") && screen.contains("Webinars"))
        #expect(!screen.contains("](#)") && !screen.contains("<i>"))
    }

    @Test func aSearchHitInASourceLandsOnItsPart() {
        var app = makeApp()
        app.type("/stevige lobby portfoliomanagement\n")
        app.handle(.enter)
        #expect(app.render().lines[1].contains("Bronnen › Jaarverslag pilot 2023 › Portfoliomanagement"))
        app.handle(.escape)
        #expect(app.render().lines[1].contains("Bronnen › Jaarverslag pilot 2023"))
        #expect(app.render().contains("│  Portfoliomanagement"), "the list shows the part selected, indented under its chapter")
    }

    /// The January middag's detail tells the pamflet part by part, the good practices in the deelsessies.
    @Test func theMiddagProgrammeInTheCycleDetail() throws {
        var app = makeApp(width: 100, height: 400)
        app.type("3\n")
        let screen = app.render().text
        let parts = try #require(sampleData.cycle.htnoMiddagen.first?.programme)
        var position = screen.startIndex
        for part in parts {
            let found = try #require(screen.range(of: "\n " + part.part + "\n", range: position..<screen.endIndex), "\(part.part) in order")
            position = found.upperBound
        }
        let deelsessies = try #require(screen.range(of: "Good practice 1: Onderzoek naar Fontys ICT Innovatielab"))
        #expect(screen.range(of: "\n Debat: aanvalsplan techniek\n")!.lowerBound > deelsessies.upperBound)
        #expect(!screen.contains("\n Good practices\n"), "not a second time after the programme")
    }

    /// Every word of the programme is the pamflet's, as printed.
    @Test func theProgrammeQuotesThePamflet() throws {
        let source = try pamfletText()
        let parts = try #require(sampleData.cycle.htnoMiddagen.first?.programme)
        #expect(parts.count >= 10 && parts.filter { $0.goodPractices == true }.count == 1)
        for text in parts.flatMap({ ($0.speakers ?? []) + $0.paragraphs + ($0.items ?? []) }) {
            #expect(source.contains(singleSpaced(text)), "\(text)")
        }
        #expect(sampleData.cycle.htnoMiddagen[1].programme == nil, "the June middag has no pamflet")
    }
}

/// Search as you type: the hits show with every key, Enter keeps them, Esc puts the screen back.
@Suite struct TypedSearchTests {
    @Test func hitsShowWhileTyping() {
        var app = makeApp(width: 200, height: 30)
        app.type("3")
        let before = app.render().text
        app.type("/s")
        let broad = app.render()
        #expect(broad.lines[29].contains("Zoek: s") && broad.lines[29].contains("treffers"))
        #expect(broad.lines[1].contains("Zoeken: s") && broad.contains("eerste 200 van"), "a wide query shows its first hits")
        app.type("ectortafel jun")
        let narrow = app.render()
        let count = sampleDataset(search: "sectortafel jun")
        #expect(narrow.lines[29].contains("(\(count) treffers)") && narrow.contains("Zoekresultaten voor “sectortafel jun” (\(count))"))
        app.handle(.backspace)
        app.handle(.backspace)
        app.handle(.backspace)
        #expect(app.render().contains("Zoekresultaten voor “sectortafel” (\(sampleDataset(search: "sectortafel")))"), "Backspace widens again")
        app.handle(.escape)
        #expect(app.render().text == before, "Esc puts back the screen the search began on")
    }

    @Test func enterKeepsTheHitsAndNStepsThroughThem() {
        var app = makeApp()
        app.type("/bühne\n")
        #expect(app.render().contains("Zoekresultaten voor “bühne” (1)"))
        app.handle(.escape)
        app.type("n")
        #expect(app.render().lines[23].contains("Treffer 1/1"))
    }

    @Test func nothingFoundSaysSoAndLeavesTheScreen() {
        var app = makeApp()
        let before = app.render().text
        app.type("/xyzzy\n")
        #expect(app.render().lines[23].contains("Geen treffers voor “xyzzy”"))
        #expect(Array(app.render().text.split(separator: "\n").dropLast()) == Array(before.split(separator: "\n").dropLast()))
    }

    private func sampleDataset(search query: String) -> Int {
        SearchIndex(sampleData).search(query).count
    }
}

/// The main texts of the Techniekpact report 2018 and the SEO evaluation 2020, as Bronnen shows them.
@Suite struct MainTextSourcesTests {
    @Test func theTechniekpactReportGoalByGoal() throws {
        var app = makeApp(width: 100, height: 40)
        app.type("8jj\n")
        let parts = app.render().text
        #expect(parts.contains("│Doel 1: ALLE BASISSCHOLEN BIEDEN HUN LEERL") && parts.contains("│Doel 12: VAKKRACHTEN EN HUN TALENTEN"))
        app.type("j\nG")
        #expect(app.render().text.contains("Voorbeelden uit de regio bij doel 1: staat in de sectie Voorbeelden"), "at its end")
        app.type("g")
        app.type("]]]]]]")
        let goal7 = app.render()
        #expect(goal7.text.contains(" Doel 7: ACTIEVE SAMENWERKING ONDERWIJS EN BEDRIJFSLEVEN BIJ HET OPLEIDEN"))
        #expect(goal7.text.contains("• Stimuleer en faciliteer de ontwikkeling van hybride routes naar het leraarschap."))
        assertSnapshot(goal7, named: "sources-techniekpact-2018-doel-7-100x40")
    }

    @Test func aSearchFindsTheSeoEvaluationsMainText() {
        var app = makeApp()
        app.type("/versnippering zichtbaar geïdentificeerde knelpunten\n")
        app.handle(.enter)
        #expect(app.render().lines[1].contains("Bronnen › SEO-evaluatie 2020 › 3.3 Versnippering in het Techniepact"))
        #expect(app.render().text.contains("De aanpak binnen het Techniepact richt zich sterk"))
    }
}
