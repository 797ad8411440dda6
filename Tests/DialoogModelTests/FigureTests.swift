import Foundation
import Testing
@testable import BarChart
@testable import DialoogModel

let sampleDataset: Dataset = try! DatasetLoader.load(directory: sampleDataURL)

@Suite struct FigureTests {
    @Test func theSourcesFiguresLoadAsPrinted() throws {
        let figures = sampleDataset.figures
        #expect(figures.map(\.id) == ["hbo-monitor-tabel-1", "hbo-monitor-studiesucces", "hbo-monitor-percentages",
                                      "seo-2020-uitwaaiing", "seo-2020-onderbenutting",
                                      "ptvt-2021-bereik", "ptvt-2021-doelstelling-bereik", "ptvt-2021-doelstelling-scholen", "ptvt-2021-doelstelling-kennis"])
        let reach = figures[5]
        #expect(reach.series[0].values[0] == "Meer dan 1.950" && reach.series[0].number(at: 0) == 1950, "as printed, drawn as its number")
        #expect(figures[7].series.map { $0.number(at: 2) } == [2614, 3250], "\"van 2614 naar 3250 bedrijven\"")
        #expect(figures[8].series[0].values[2] == nil, "goal 3 names no current number of companies: missing, not 0")
        let tabel1 = figures[0]
        #expect(tabel1.categories.count == 11 && tabel1.series.map(\.name) == ["A", "B"] && tabel1.unit == "%")
        #expect(tabel1.series[1].values[8] == nil, "kunst, B: x = niet beschikbaar, missing and not 0")
        #expect(tabel1.series[0].number(at: 5) == 72 && tabel1.missing == "x= niet beschikbaar.")
        #expect(figures[1].series[0].values == ["51,5%", "56,8%"] && figures[1].series[0].number(at: 0) == 51.5, "as printed, with %")
        #expect(figures[2].series[0].values.compactMap { $0 } == [">80", "79", "77", "69", "Ruim 70"])
        #expect(figures[2].series[0].number(at: 0) == 80 && figures[2].series[0].number(at: 4) == 70)
        #expect([Figure.number("1.337"), Figure.number("0.5"), Figure.number("-3"), Figure.number("−2,5"), Figure.number("geen")]
                == [1337, 0.5, -3, -2.5, nil])
        #expect(figures[3].series.first { $0.name == "Mbo 4" }?.values == [nil, nil, "29", "32", "31"])
        #expect(figures[4].series.first { $0.name == "HBO" }?.values == ["13", "13", "15", "13", "10"])
        #expect(figures.allSatisfy { figure in figure.series.allSatisfy { $0.values.count == figure.categories.count } })
    }

    @Test(arguments: [
        ("    values: [\"51,5%\", \"56,8%\"]\n", "    values: [\"51,5%\"]\n", "figures[1].series[0].values", "1 waarden voor 2 categorieën"),
        ("[\"69\", \"67\", \"80\"", "[\"zes\", \"67\", \"80\"", "figures[0].series[0].values[0]", "'zes' is geen getal"),
        ("  - id: hbo-monitor-studiesucces\n", "  - id: hbo-monitor-tabel-1\n", "figures", "dubbele id 'hbo-monitor-tabel-1'"),
        ("    unit: \"%\"\n    categories: [\"Hbo totaal\"", "    unit: \"\"\n    categories: [\"Hbo totaal\"", "figures[1].unit", "lege tekst"),
    ])
    func aBrokenFigureIsOneLineWithFileAndPath(original: String, broken: String, path: String, message: String) throws {
        let data = try BrokenData()
        try data.edit("figures.yaml") {
            #expect($0.contains(original))
            return $0.replacingOccurrences(of: original, with: broken)
        }
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("figures.yaml") && error.path == path && error.message.contains(message), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func searchFindsTheFigures() {
        let index = SearchIndex(sampleDataset)
        #expect(index.search("voorbereiding op de arbeidsmarkt").contains { $0.location == .figure(index: 0) })
        #expect(index.search("onderbenutting").contains { $0.location == .figure(index: 4) })
        #expect(index.search("studiesucces").contains { $0.location == .figure(index: 1) })
    }
}

@Suite struct FigureChartTests {
    /// Bars are proportional to their values within one eighth of a cell, on every width; a missing
    /// value never draws a bar.
    @Test func barsAreProportionalAndMissingValuesDrawNone() {
        var seed: UInt64 = 12
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        for _ in 0..<500 {
            let scale = Double(next() % 1000 + 1)
            let value = Double(next() % 1000) / 1000 * scale
            let cells = Int(next() % 150) + 1
            let bar = FigureChart.bar(value, scale: scale, cells: cells, ascii: false)
            let eighths = bar.reduce(0) { $0 + ($1 == "█" ? 8 : (FigureChart.eighths.firstIndex(of: String($1)) ?? 0)) }
            #expect(abs(Double(eighths) / 8 - value / scale * Double(cells)) <= 0.5 / 8 + 1e-9, "\(value)/\(scale) on \(cells)")
            #expect(bar.count <= cells)
            let hashes = FigureChart.bar(value, scale: scale, cells: cells, ascii: true)
            #expect(abs(Double(hashes.count) - value / scale * Double(cells)) <= 0.5 + 1e-9 && hashes.allSatisfy { $0 == "#" })
        }
        let tabel1 = sampleDataset.figures[0]
        for ascii in [false, true] {
            let lines = FigureChart.lines(tabel1, width: 76, ascii: ascii)
            let kunstB = lines.first { $0.first?.text.hasPrefix("  B") == true && $0.contains { $0.part == .missing } }
            #expect(kunstB?.map(\.text).joined().contains(ascii ? "-- geen cijfer" : "— geen cijfer") == true)
            #expect(lines.filter { $0.contains { $0.part == .missing } }.count == 1)
            #expect(lines.allSatisfy { line in !line.contains { $0.part == .missing && ($0.text.contains("█") || $0.text.contains("#")) } })
            #expect(lines.filter { !$0.contains { $0.part == .legend } }.allSatisfy { $0.map(\.text).joined().count <= 76 },
                    "the bars fit their width (the legend wraps where it is shown)")
        }
    }

    @Test func theScaleIsOneForAllBars() {
        let tabel1 = sampleDataset.figures[0]
        #expect(FigureChart.scaleMaximum(tabel1) == 100, "percentages on 0-100")
        let lines = FigureChart.lines(tabel1, width: 76, ascii: false).map { $0.map(\.text).joined() }
        #expect(lines[1] == "  A " + FigureChart.bar(69, scale: 100, cells: 68, ascii: false) + " 69%")
        #expect(FigureChart.bar(69, scale: 100, cells: 68, ascii: false) == String(repeating: "█", count: 46) + "▉", "0,69 × 68 × 8 = 375 eighths")
        #expect(lines.last == "Schaal: 0 tot 100% over 68 tekens; █ = 1,5%, ▏ = een achtste")
        #expect(lines.contains("A: Opleiding biedt goede basis voor het verder ontwikkelen van kennis en vaardigheden (% mee eens)."))
        #expect(lines.contains("— geen cijfer; in de bron: x= niet beschikbaar."))
    }
}

@Suite struct AnnualReportTests {
    @Test func chapterThreesReflectionsBelongToTheirGoals() throws {
        let report = sampleDataset.annualReport
        #expect(report.chapters.map(\.number) == ["1", "2", "3", "4", "5"])
        let reflections = report.chapters.flatMap { $0.reflections ?? [] }
        #expect(reflections.map(\.goal) == ["doel-1", "doel-2", "doel-3", "doel-4", "doel-5"], "the report has none on uitgangspunt 6")
        let concrete = try #require(report.reflection(onGoal: "doel-2")?.reflection)
        #expect(concrete.uitgangspunt == "Concrete acties", "the chapter's own wording")
        #expect(concrete.blocks.first?.text == "Verschillende gesprekken leverden concrete acties op:" && concrete.blocks.dropFirst().allSatisfy(\.isListItem))
        #expect(report.reflection(onGoal: "doel-6") == nil)
        #expect(SearchIndex(sampleDataset).search("jaarlijkse nieuwsbrief").contains { $0.location == .pilotGoal(goal: 0) })
    }

    @Test func aReflectionForAnUnknownGoalIsOneLine() throws {
        let data = try BrokenData()
        try data.edit("jaarverslag-2023-hoofdstukken.yaml") { $0.replacingOccurrences(of: "goal: doel-3\n", with: "goal: doel-9\n") }
        let error = try #require(data.loadError())
        #expect(error.path == "chapters[2].reflections[2].goal" && error.message.hasPrefix("geen pilotdoel 'doel-9'"))
    }
}

@Suite struct SourceTableTests {
    @Test func theKiezenVoorTechnologieTableLoadsAsPrinted() {
        let table = sampleDataset.tables[0]
        #expect(table.caption == "Tabel 2.1 Kiezen voor Technologie: Hoofdactiviteiten en programma's" && table.place == "2.1.3 Interventies")
        #expect(table.columns == ["Primair onderwijs", "Secundair onderwijs"] && table.rows.count == 10)
        #expect(table.rows[8].cells == ["", "VHTO (projecten voor meisjes)"], "an empty cell stays empty")
        #expect(SearchIndex(sampleDataset).search("Wetenschapsknooppunten").contains { $0.location == .sourceTable(index: 0) })
    }

    @Test func aRowWithTooFewCellsIsOneLine() throws {
        let data = try BrokenData()
        try data.edit("kiezen-voor-technologie-2020.yaml") { $0.replacingOccurrences(of: "- { cells: [\"Pilots po-vmbo\", \"\"] }", with: "- { cells: [\"Pilots po-vmbo\"] }") }
        let error = try #require(data.loadError())
        #expect(error.path == "table.rows[9].cells" && error.message == "1 cellen voor 2 kolommen (een lege cel is \"\")")
    }
}
