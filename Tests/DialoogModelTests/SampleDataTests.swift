import Foundation
import Testing
@testable import DialoogModel

/// The bundled sample-data/ directory of this repository.
let sampleDataURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-data")

@Suite struct SampleDataTests {
    let data: Dataset

    init() throws {
        data = try DatasetLoader.load(directory: sampleDataURL)
    }

    @Test func pilotGoalsHaveEveryCellItem() {
        #expect(data.pilotGoals.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(data.peildatum == "december 2023")
        let counts = data.pilotGoals.map { goal in GoalColumn.allCases.map { goal.items(in: $0).count } }
        #expect(counts == [[3, 2, 4, 3], [4, 2, 2, 4], [3, 1, 2, 3], [4, 2, 4, 3], [2, 6, 4, 3], [1, 4, 5, 7]])
        #expect(data.pilotGoals[0].winstRisico.items[0].text == "binnen invloedssfeer uitvoerders i. p. v. Hoog- over en voor de Bühne.")
        #expect(data.pilotGoals[0].indicatoren[0].subitems.count == 3)
        #expect(data.pilotGoals[1].winstRisico.mitigations.map(\.text) == [
            "procesafspraken maken en evalueren op de sectortafel.",
            "Resultaten en voortgang agenderen op sectortafel.",
        ])
        #expect(data.pilotGoals[0].items(in: .winstRisico).last?.isMitigation == true)
        #expect(data.pilotGoals[5].resultaten.last?.text == "Branches leverden zelf ook input op basis van die afstemming.")
        #expect(data.pilotGoals[4].uitgangspunt == "Inbedding van ervaringen uit de praktijk")
    }

    @Test func longTermThemesWithQuestions() {
        #expect(data.longTermThemes.map { $0.questions.count } == [3, 4, 8])
        #expect(data.longTermThemes[2].title == "cross-sectoraal werken: allen in techniek of techniek in alles?")
    }

    @Test func conversationCycleHasEveryMonth() {
        let cycle = data.cycle
        #expect(cycle.months.map(\.month) == Array(1...12))
        #expect(cycle.months.map(\.activities.count) == [2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 1])
        #expect(cycle.months[7].activities[0].kind == .reces)
        #expect(cycle.months[3].activities[0].kind == .sectortafel)
        #expect(cycle.months[4].activities[0].topic == "Critical Dilemma's: Kennisinstelling hoe dan?")
        #expect(cycle.htnoMiddagen.count == 2)
        let january = cycle.htnoMiddagen[0]
        #expect(january.date == "18 januari 2023")
        #expect(january.place == "HU in Amersfoort")
        #expect(january.goodPractices.count == 3)
        #expect(january.commitments.count == 4)
        #expect(cycle.htnoMiddag(for: cycle.months[5].activities[0])?.date == "28 juni 2023")
        #expect(cycle.htnoMiddagen[1].place == nil)
    }

    @Test func regionsGoalsAndEveryCase() {
        let pact = data.techniekpact
        #expect(pact.landsdelen.map(\.name) == ["Noord", "Noordwest", "Zuidwest", "Oost", "Zuidoost"])
        #expect(pact.goals.map(\.number) == Array(1...12))
        #expect(pact.boxes.map(\.cells.count) == [30, 20, 8])
        #expect(pact.caseCount == 173)
        #expect(pact.content(landsdeel: "oost", goal: 1).caseCount == 11)
        #expect(pact.content(landsdeel: "zuidoost", goal: 2) == .noCasesAvailable)
        #expect(pact.content(landsdeel: "oost", goal: 8) == .noCasesAvailable)
        #expect(pact.content(landsdeel: "oost", goal: 11) == .noCasesAvailable)
        #expect(pact.content(landsdeel: "zuidwest", goal: 11) == .notInSource)
        #expect(pact.content(landsdeel: "noord", goal: 12) == .cases([
            "Project Offshore",
            "Mogelijkheid voor scholing van 16 weken en daarna werk als CNC-verspaner/operator",
            "Sectorplan 'Groningen op voorsprong'",
            "1.000-banenplan",
            "Werkfestival",
            "Gas 2.0: opleiden van vakmensen voor energietransitie",
        ]))
        let emptyCells = pact.boxes.flatMap(\.cells).filter(\.noCasesAvailable).count
        #expect(emptyCells == 6)
        #expect(pact.goal(number: 4)?.title == "Voldoende VO-leerlingen kiezen voor een bètatechnisch profiel")
    }

    @Test func regionalExamplesOf2018() {
        #expect(data.regionalExamples.count == 32)
        #expect(data.regionalExamples.filter { $0.goal >= 11 }.count == 12, "the goal 11 and 12 paragraphs whose heading the text lost")
        #expect(Dictionary(grouping: data.regionalExamples, by: \.goal).mapValues(\.count) == [1: 4, 3: 5, 5: 4, 9: 4, 10: 3, 11: 5, 12: 7])
        #expect(data.regionalExamples(relatedTo: "House of Skills", goal: 11).map(\.id) == ["vb-2018-23"], "the SEO case shows its 2018 example")
        #expect(data.regionalExamples(relatedTo: "Opleiding mensen met ww- of bijstandsuitkering door Technicom", goal: 12).map(\.id) == ["vb-2018-32"])
        #expect(data.regionalExamples[5].figures.contains("1200 bezoekers"))
        #expect(data.regionalExamples(relatedTo: "Talent kleurt Flevoland", goal: 9).map(\.id) == ["vb-2018-14"])
        #expect(data.regionalExamples(relatedTo: "Techniek Uitmarkt Alkmaar", goal: 1).map(\.id) == ["vb-2018-01"])
        #expect(data.regionalExamples(relatedTo: "Talent kleurt Flevoland", goal: 1).isEmpty)
    }
}

/// A cell's case names are kept packed; they read back as the strings they were.
@Suite struct CaseNamesTests {
    @Test func namesReadBackAsWritten() {
        let names: CaseNames = ["Bètasteunpunt Zuid-Holland", "", "1.000-banenplan", "Mkb-route ✓"]
        #expect(Array(names) == ["Bètasteunpunt Zuid-Holland", "", "1.000-banenplan", "Mkb-route ✓"])
        #expect(names.count == 4 && names[3] == "Mkb-route ✓")
        #expect(DatasetValidator.isBlank(names.utf8(at: 1)) && !DatasetValidator.isBlank(names.utf8(at: 0)) && !DatasetValidator.isBlank(names.utf8(at: 3)))
        #expect(names.contains(name: "1.000-banenplan") && !names.contains(name: "1.000-banen"))
        #expect(CaseNames() == [] && names != ["Bètasteunpunt Zuid-Holland"])
    }

    @Test func aControlCharacterInACaseNameIsMadeVisibleWhereItEnters() throws {
        let json = #"{"landsdeel": "noord", "goal": 1, "cases": ["Project \u001b[31mrood", "gewoon"]}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("htno-case-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let cell = try DatasetLoader.decode(CaseCell.self, at: url)
        #expect(!cell.cases[0].unicodeScalars.contains { $0.value == 0x1B })
        #expect(cell.cases[0].hasSuffix("[31mrood") && cell.cases[1] == "gewoon")
    }
}
