import Foundation
import Testing
@testable import DialoogModel

/// Copies sample-data to a temporary directory, lets a test break one file, and loads it.
struct BrokenData {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("htno-bad-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: sampleDataURL, to: directory)
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let url = directory.appendingPathComponent(file)
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func loadError() -> DataError? {
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try DatasetLoader.load(directory: directory)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct BadInputTests {
    @Test func missingFileIsNamed() throws {
        let data = try BrokenData()
        try FileManager.default.removeItem(at: data.directory.appendingPathComponent("regions.yaml"))
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("regions.yaml"))
        #expect(error.message == "bestand niet gevonden")
    }

    @Test func malformedYamlGivesLineAndColumn() throws {
        let data = try BrokenData()
        try data.edit("pilot-goals.yaml") { $0 + "\n  - [unclosed\n" }
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("pilot-goals.yaml"))
        #expect(error.path.hasPrefix("regel "))
        #expect(error.message.hasPrefix("ongeldige YAML"))
        #expect(!error.description.contains("\n"))
    }

    /// The folder and all its files in one message: not only the first file that is missing.
    @Test func aMissingFolderAFileForTheFolderAndMissingFilesAreOneMessageEach() throws {
        let data = try BrokenData()
        for file in ["figures.yaml", "regions.yaml", "ptvt-jaarverslag-2021.yaml"] {
            try FileManager.default.removeItem(at: data.directory.appendingPathComponent(file))
        }
        #expect(data.loadError()?.description == "\(data.directory.path): 3 van de 11 databestanden ontbreken: regions.yaml, figures.yaml, ptvt-jaarverslag-2021.yaml")
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("htno-nergens-\(UUID().uuidString)")
        #expect(throws: DataError(file: nowhere.path, message: "de datamap bestaat niet (geef met --data de map met de 11 databestanden)")) {
            try DatasetLoader.load(directory: nowhere)
        }
        let file = sampleDataURL.appendingPathComponent("regions.yaml")
        #expect(throws: DataError(file: file.path, message: "is een bestand, geen map; geef met --data de map waarin het staat")) {
            try DatasetLoader.load(directory: file)
        }
    }

    @Test func missingKeyGivesPath() throws {
        let data = try BrokenData()
        try data.edit("pilot-goals.yaml") { $0.replacingOccurrences(of: "{ id: d2-bw-2, text:", with: "{ id: d2-bw-2, tekst:") }
        let error = try #require(data.loadError())
        #expect(error.path.hasPrefix("regel ") && error.path.hasSuffix(", goals[1].bewijs[1].text"), "\(error.path)")
        #expect(error.message == "verplichte sleutel 'text' ontbreekt (er staat 'tekst': bedoelde je 'text'?)", "a hint for the key that is there")
    }

    @Test func wrongTypeGivesPath() throws {
        let data = try BrokenData()
        try data.edit("conversation-cycle-2023.yaml") { $0.replacingOccurrences(of: "  - month: 10\n", with: "  - month: oktober\n") }
        let line = try #require(try String(contentsOf: data.directory.appendingPathComponent("conversation-cycle-2023.yaml"), encoding: .utf8)
            .components(separatedBy: "\n").firstIndex(of: "  - month: oktober")) + 1
        let error = try #require(data.loadError())
        #expect(error.path == "regel \(line), kolom 12, months[9].month", "the line and column of the value, then where it is")
        #expect(error.message == "verwacht een geheel getal, gevonden: 'oktober'")
    }

    @Test func duplicateItemIdIsRejected() throws {
        let data = try BrokenData()
        try data.edit("pilot-goals.yaml") { $0.replacingOccurrences(of: "id: d3-bw-2,", with: "id: d3-bw-1,") }
        let error = try #require(data.loadError())
        #expect(error.message == "dubbele id 'd3-bw-1'")
        #expect(error.path == "goals[2].Bewijs[1].id")
    }

    @Test func missingMonthIsRejected() throws {
        let data = try BrokenData()
        try data.edit("conversation-cycle-2023.yaml") { $0.replacingOccurrences(of: "  - month: 10\n    activities: []\n", with: "") }
        let error = try #require(data.loadError())
        #expect(error.path == "months")
        #expect(error.message.contains("maanden 1 tot en met 12"))
    }

    @Test func missingRegionCellIsRejected() throws {
        let data = try BrokenData()
        try data.edit("regions.yaml") { $0.replacingOccurrences(of: "      - { landsdeel: noord, goal: 2, noCasesAvailable: true }\n", with: "") }
        let error = try #require(data.loadError())
        #expect(error.message.contains("geen cel voor landsdeel 'noord' en doel 2"))
    }

    @Test func emptyCellMustSayNoCasesAvailable() throws {
        let data = try BrokenData()
        try data.edit("regions.yaml") { $0.replacingOccurrences(of: "{ landsdeel: oost, goal: 8, noCasesAvailable: true }", with: "{ landsdeel: oost, goal: 8 }") }
        let error = try #require(data.loadError())
        #expect(error.path == "boxes[1].cells[1]")
        #expect(error.message.hasPrefix("geen cases genoemd"))
    }

    @Test func aBlankCaseNameIsNamedByItsPlace() throws {
        let data = try BrokenData()
        try data.edit("regions.yaml") { $0.replacingOccurrences(of: "          - \"Werkfestival\"\n", with: "          - \"  \"\n") }
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("regions.yaml"))
        #expect(error.path.hasSuffix(".cases[4]"))
        #expect(error.message == "lege tekst")
    }

    @Test func anExampleNamingNoCaseIsRejected() throws {
        let data = try BrokenData()
        // One letter less: a name that is a prefix of a case's name is not that case.
        try data.edit("regional-examples-2018.yaml") { $0.replacingOccurrences(of: "seoCase: \"House of Skills\"", with: "seoCase: \"House of Skill\"") }
        let error = try #require(data.loadError())
        #expect(error.path.hasSuffix(".seoCase"))
        #expect(error.message == "geen case 'House of Skill' in regions.yaml")
    }

    @Test func anExampleNamesItsCaseInAnotherUnicodeForm() throws {
        let data = try BrokenData()
        // The case written with é as one character, the example with e and a combining accent: the same name.
        try data.edit("regions.yaml") { $0.replacingOccurrences(of: "\"House of Skills\"", with: "\"House of Skill\u{E9}\"") }
        try data.edit("regional-examples-2018.yaml") { $0.replacingOccurrences(of: "seoCase: \"House of Skills\"", with: "seoCase: \"House of Skille\u{301}\"") }
        #expect(data.loadError() == nil)
    }

    @Test func unknownMeetingReferenceIsRejected() throws {
        let data = try BrokenData()
        try data.edit("conversation-cycle-2023.yaml") { $0.replacingOccurrences(of: "activityId: 2023-06-htno-middag", with: "activityId: 2023-06-bestaat-niet") }
        let error = try #require(data.loadError())
        #expect(error.path == "htnoMiddagen[1].activityId")
    }

    @Test func binaryFileIsNotUTF8() throws {
        let data = try BrokenData()
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: data.directory.appendingPathComponent("long-term-themes.yaml"))
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("long-term-themes.yaml"))
        #expect(error.message == "geen geldige UTF-8-tekst")
    }

    /// A large data file is JSON, read from its bytes: raw and escaped control characters still show as
    /// stand-ins, and bytes that are not UTF-8 still get the one clear line.
    @Test func aJSONFileIsMadeSafeAndCheckedToo() throws {
        let json = #"{"source": "s", "longTermCycle": "x", "shortTermCycle": "y", "themes": [{"number": 1, "id": "thema-1", "#
            + #""title": "rauw \#u{1B}[2J en \#u{202E}omgekeerd", "questions": [{"label": "a", "text": "ontsnapt \u001b]52;c;eA==\u0007"}]}]}"#
        let data = try BrokenData()
        let file = data.directory.appendingPathComponent("long-term-themes.yaml")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let theme = try DatasetLoader.decode(LongTermThemesFile.self, at: file).themes[0]
        #expect(theme.title == "rauw ^[[2J en U+202Eomgekeerd")
        #expect(theme.questions[0].text == "ontsnapt ^[]52;c;eA==^G")
        try (Data(json.utf8) + Data([0xFF, 0x7D])).write(to: file)
        #expect(data.loadError()?.message == "geen geldige UTF-8-tekst")
    }
}
