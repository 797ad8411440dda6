import Foundation
import Testing
import DialoogModel
@testable import DialoogUI

/// The region matrix with many cases: the sample's cases 290 times over (50,170 cases, as in the
/// benchmark's set), so cells and totals have four digits.
@Suite struct RegionMatrixTests {
    @Test func fourDigitCountsKeepASpaceBetweenThemAt80Columns() throws {
        let frame = try matrixFrame(width: 80)
        let rows = try matrixRows(frame)
        // The name, twelve cells and the total: every number stands apart.
        for row in rows { #expect(row.count == 14, "\(row)") }
        #expect(rows[0] == ["Noord", "1450", "–", "1160", "580", "580", "290", "580", "290", "870", "580", "1160", "1740", "9280"])
        #expect(rows.last?.last == "50170")
        #expect(frame.contains("Noord × Techniekpact-doel 1 · Kiezen voor Techniek: 1450 cases"))
    }

    @Test func aNarrowTerminalCutsNumbersVisiblyInsteadOfJoiningThem() throws {
        let rows = try matrixRows(try matrixFrame(width: 60))
        for row in rows { #expect(row.count == 14, "\(row)") }
        #expect(rows[0][1] == "1…")
    }

    @Test func aLongNameIsCutInsteadOfTheCounts() throws {
        var app = App(dataset: try manyCases(times: 290, renaming: "Noord", to: "Noord-Nederland en de Waddeneilanden"), glyphs: .unicode)
        app.resize(width: 80, height: 24)
        app.handle(.character("2"))
        let frame = app.render()
        let row = try #require(frame.lines.first { $0.hasPrefix("│ Noord-N") })
        #expect(row.contains(" 1450    – 1160  580"), "\(row)")
        #expect(row.contains("…"))
    }

    @Test func theSampleKeepsItsRoomyLayout() throws {
        var app = makeApp()
        app.handle(.character("2"))
        #expect(app.render().contains("│ Noord         5   –   4   2   2   1   2   1   3   2   4   6     32 │"))
    }

    private func matrixFrame(width: Int) throws -> Frame {
        var app = App(dataset: try manyCases(times: 290), glyphs: .unicode)
        app.resize(width: width, height: 24)
        app.handle(.character("2"))
        return app.render()
    }

    /// The words of the five landsdeel rows and the totals row, without the borders.
    private func matrixRows(_ frame: Frame) throws -> [[String]] {
        let names = ["Noord", "Noordwest", "Zuidwest", "Oost", "Zuidoost", "Totaal"]
        return names.map { name in
            let line = frame.lines.first { $0.hasPrefix("│ \(name) ") } ?? ""
            return line.split(whereSeparator: { $0 == " " || $0 == "│" }).map(String.init)
        }
    }

    private func manyCases(times: Int, renaming oldName: String = "", to newName: String = "") throws -> Dataset {
        let pact = sampleData.techniekpact
        let boxes: [[String: Any]] = pact.boxes.map { box in
            ["id": box.id, "title": box.title, "goals": box.goals, "notInBox": box.notInBox,
             "cells": box.cells.map { cell -> [String: Any] in
                 ["landsdeel": cell.landsdeel, "goal": cell.goal, "noCasesAvailable": cell.noCasesAvailable,
                  "cases": (0..<times).flatMap { copy in cell.cases.map { copy == 0 ? $0 : "\($0) #\(copy)" } }]
             }]
        }
        let json: [String: Any] = [
            "landsdelen": pact.landsdelen.map { ["id": $0.id, "name": $0.name == oldName ? newName : $0.name] },
            "goals": pact.goals.map { ["number": $0.number, "actielijn": $0.actielijn, "title": $0.title] },
            "boxes": boxes,
        ]
        let large = try JSONDecoder().decode(Techniekpact.self, from: JSONSerialization.data(withJSONObject: json))
        let data = sampleData
        return Dataset(pilotGoals: data.pilotGoals, peildatum: data.peildatum, longTermThemes: data.longTermThemes, cycle: data.cycle,
                       techniekpact: large, regionalExamples: data.regionalExamples, figures: data.figures,
                       annualReport: data.annualReport, tables: data.tables, documents: data.documents)
    }
}
