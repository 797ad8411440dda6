import Foundation
import Testing
import DialoogModel
import ReviewStore
import TestSupport
@testable import ReviewExport
import Yams

/// A copy of sample-data in a new temporary folder, to plant hostile text in.
func copyOfSampleData() throws -> URL {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-data-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: source, to: folder)
    return folder
}

/// Hostile text in every field, from the data files and from the review database, never reaches an
/// output raw: every export format is checked byte by byte.
@Suite struct OutputSafetyTests {
    static let hostile: [String] = ["\u{1B}]52;c;aGFjaw==\u{07}", "\u{1B}]0;titel\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{9D}8;;x\u{9C}",
                                    "\u{202E}draai", "\u{2066}iso\u{2069}", "\u{0}", "\u{7F}", "\r", "\u{8}", "\u{FEFF}", "\u{200F}"]

    /// A seeded mix of hostile pieces and ordinary Dutch text.
    static func hostileString(_ generator: inout SplitMix64) -> String {
        (0..<Int(generator.next() % 5 + 1)).map { _ in
            generator.next() % 2 == 0 ? hostile[Int(generator.next() % UInt64(hostile.count))] : "Bühne =SOM(A1) "
        }.joined()
    }

    /// The first unsafe byte sequence in `bytes`, or nil: C0 except tab, newline and CR-before-LF; DEL;
    /// C1 (UTF-8 C2 80–9F); bidi controls; the BOM.
    static func leak(in bytes: [UInt8]) -> Int? {
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0x09, 0x0A: continue
            case 0x0D where next == 0x0A: continue
            case 0x00...0x1F, 0x7F: return index
            case 0xC2 where (0x80...0x9F).contains(next): return index
            case 0xD8 where next == 0x9C: return index
            case 0xE2 where next == 0x80 && ([0x8E, 0x8F] + Array(0xAA...0xAE)).contains(third): return index
            case 0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): return index
            case 0xEF where next == 0xBB && third == 0xBF: return index
            default: continue
            }
        }
        return nil
    }

    /// What a format puts out, as bytes: the text (csv-nl's BOM, which Excel needs, left off), or for the
    /// workbook the text of every cell (Tests/e2e/exports.py reads the real file's XML too).
    static func outputBytes(_ dataset: Dataset, _ snapshot: ReviewSnapshot, _ format: ReviewExporter.Format) -> [UInt8] {
        let options = ReviewExporter.Options(exportedAt: exportedAt, showsIds: true)
        guard let text = ReviewExporter.text(dataset, review: snapshot, format: format, options: options) else {
            let cells = WorkbookExport(dataset: dataset, review: snapshot, options: options).sheets
                .flatMap { [$0.name] + $0.columns.map(\.title) + $0.rows.flatMap { $0 } .compactMap(\.writtenText) }
            return Array(cells.joined(separator: "\n").utf8)
        }
        return Array((format == .csvNL ? String(text.dropFirst()) : text).utf8)
    }

    @Test func hostileReviewDataIsVisibleAndInertInEveryFormat() throws {
        var generator = SplitMix64(seed: 10)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("htno-safe-\(UUID().uuidString).sqlite").path
        let store = try ReviewDatabase(path: path)
        var strings = 0
        for index in 0..<60 {
            let text = Self.hostileString(&generator)
            let author = Self.hostileString(&generator)
            strings += 2
            let item = ["d1-in-1", "d2-bw-1", "d3-rs-1"][index % 3]
            _ = try store.apply(.addNote(subjectId: item, text: text), author: author, now: exportedAt)
            _ = try store.apply(.addDecision(activityId: "2023-11-sectortafel", text: text), author: author, now: exportedAt)
            _ = try store.apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: text, owner: Self.hostileString(&generator),
                                                      dueDate: nil, isDone: false, linkedId: nil, author: "", createdAt: exportedAt)),
                                author: author, now: exportedAt)
            strings += 1
        }
        let snapshot = try store.load()
        var bytesChecked = 0
        for format in ReviewExporter.Format.allCases {
            let bytes = Self.outputBytes(sampleDataset, snapshot, format)
            bytesChecked += bytes.count
            #expect(Self.leak(in: bytes) == nil, "\(format) leaks at byte \(Self.leak(in: bytes) ?? -1)")
        }
        for meeting in sampleDataset.cycle.months.flatMap(\.activities).filter(\.kind.hasAgenda) {
            let bytes = Array(try ReviewExporter.agenda(sampleDataset, review: snapshot, meetingId: meeting.id, options: .init(exportedAt: exportedAt)).utf8)
            bytesChecked += bytes.count
            #expect(Self.leak(in: bytes) == nil, "agenda \(meeting.id)")
        }
        #expect(strings == 180 && bytesChecked > 300_000)
        print("review fuzz: \(strings) strings, \(bytesChecked) bytes checked, 0 leaks")
        let text = String(decoding: Self.outputBytes(sampleDataset, snapshot, .text), as: UTF8.self)
        #expect(text.contains("^[]52;c;aGFjaw==^G") || text.contains("^[]0;titel^G"), "what was removed is shown, not dropped")
        #expect(text.contains("U+202Edraai") || text.contains("U+009B31m"))
    }

    @Test func hostileDataFilesAreVisibleInEveryFormat() throws {
        let folder = try copyOfSampleData()
        let goals = folder.appendingPathComponent("pilot-goals.yaml")
        let yaml = try String(contentsOf: goals, encoding: .utf8)
            .replacingOccurrences(of: "Draagvlak op alle niveaus", with: "Draagvlak \u{1B}]52;c;eA==\u{07} op \u{202E}alle\u{9B} niveaus")
        try yaml.write(to: goals, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: folder)
        #expect(dataset.pilotGoals[0].uitgangspunt == "Draagvlak ^[]52;c;eA==^G op U+202EalleU+009B niveaus")
        for format in ReviewExporter.Format.allCases {
            let bytes = Self.outputBytes(dataset, .empty, format)
            #expect(Self.leak(in: bytes) == nil, "\(format)")
        }
    }
}

@Suite struct SpreadsheetSafetyTests {
    @Test func formulaLikeTextCellsAreInertAndNumbersStayNumbers() {
        #expect(SpreadsheetText.inert("=HYPERLINK(\"http://x\",\"klik\")") == "'=HYPERLINK(\"http://x\",\"klik\")")
        for start in ["+31 6", "-geen", "@SUM(1)", "\tx", "\rx", "\r\nx"] { #expect(SpreadsheetText.inert(start).hasPrefix("'"), "\(start)") }
        #expect(SpreadsheetText.inert("-5") == "-5" && SpreadsheetText.inert("+3.5") == "+3.5", "numbers stay numbers")
        #expect(SpreadsheetText.inert("Bühne") == "Bühne")
        let snapshot = ReviewSnapshot(decisions: [Decision(id: 1, activityId: "2023-11-sectortafel", text: "=HYPERLINK(\"http://x\")",
                                                           author: "@frank", createdAt: exportedAt)])
        let options = ReviewExporter.Options(exportedAt: exportedAt)
        let csv = ReviewExporter.text(sampleDataset, review: snapshot, format: .csv, options: options) ?? ""
        #expect(csv.contains("besluit,,,,\"'=HYPERLINK(\"\"http://x\"\")\",,,Sectortafel november 2023,,,,,'@frank,1,"))
        let sheet = WorkbookExport(dataset: sampleDataset, review: snapshot, options: options).sheets[2]
        #expect(sheet.rows[0][1].writtenText == "=HYPERLINK(\"http://x\")", "a string cell of a workbook is text as it is")
    }

    @Test func theTextExportHasEveryMeetingsDecisionsAndActions() {
        let text = ReviewExporter.text(sampleDataset, review: review, format: .text, options: .init(exportedAt: exportedAt)) ?? ""
        #expect(text.contains("Besluiten en acties per overleg"))
        #expect(text.contains("November 2023: Sectortafel"))
        var later = review
        later.meetings = [Meeting(id: 7, kind: "sectortafel", date: "2025-11-14", minutes: "Werkagenda besproken\nen vastgesteld")]
        later.decisions.append(Decision(id: 9, activityId: "overleg-7", text: "Drie sectortafels in 2026", author: "anna", createdAt: exportedAt))
        let withLater = ReviewExporter.text(sampleDataset, review: later, format: .text, options: .init(exportedAt: exportedAt)) ?? ""
        #expect(withLater.contains("Sectortafel 14-11-2025\n  verslag: Werkagenda besproken\n    en vastgesteld\n  besluit: Drie sectortafels in 2026"),
                "a later meeting with its verslag and decisions")
        let markdown = ReviewExporter.text(sampleDataset, review: later, format: .markdown, options: .init(exportedAt: exportedAt)) ?? ""
        #expect(markdown.contains("### Sectortafel 14-11-2025\n\nVerslag:\n\nWerkagenda besproken\\\n  en vastgesteld\n\nBesluiten:\n\n- Drie sectortafels in 2026"))
        #expect(text.contains("  besluit: Twee extra sectortafels"))
        #expect(text.contains("  actie [over datum]: Werkagenda, \"concept\" (branches, deadline 31-03-2024)"), "exported in 2026")
        let inTime = ReviewExporter.text(sampleDataset, review: review, format: .text, options: .init(exportedAt: Date(timeIntervalSince1970: 1_704_067_200))) ?? ""
        #expect(inTime.contains("  actie [open]: Werkagenda"), "exported on 1 January 2024")
        let note = text.components(separatedBy: "\n").drop { !$0.contains("notitie ") }.prefix(2)
        #expect(note.last == "          bekeken", "a note's second line stays under the first: \(Array(note))")
    }
}

@Suite struct EscapedControlCharacterTests {
    /// YAML and JSON can spell control characters as escapes; they exist only after parsing and are made
    /// visible by the decoder itself.
    @Test func escapesInQuotedDataStringsAreMadeVisible() throws {
        let folder = try copyOfSampleData()
        let themes = folder.appendingPathComponent("long-term-themes.yaml")
        let yaml = try String(contentsOf: themes, encoding: .utf8)
        let first = try #require(yaml.range(of: "title: "))
        let line = yaml[first.upperBound...].prefix { $0 != "\n" }
        let hostile = yaml.replacingCharacters(in: first.upperBound..<line.endIndex, with: "\"Thema \\e]52;c;eA==\\a en \\u202Eom\"")
        try hostile.write(to: themes, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: folder)
        #expect(dataset.longTermThemes[0].title == "Thema ^[]52;c;eA==^G en U+202Eom")
    }
}

@Suite struct SafeTextTests {
    @Test func unsafeCharactersBecomeVisibleStandIns() {
        #expect(SafeText.visible("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(SafeText.visible("\u{7F}\u{9B}\u{202E}\u{FEFF}") == "^?U+009BU+202EU+FEFF")
        #expect(SafeText.visible("regel\n\tingesprongen — Bühne ’s") == "regel\n\tingesprongen — Bühne ’s", "newline, tab and Dutch text stay")
        // Invisible characters that change what is read or how wide it is, by one rule with the controls.
        #expect(SafeText.visible("sec\u{AD}tor\u{200B}tafel\u{2028}regel\u{2029}\u{E0041}\u{2060}") == "secU+00ADtorU+200BtafelU+2028regelU+2029U+E0041U+2060")
        #expect(SafeText.visible("👩\u{200D}💻 en ZWNJ \u{200C}") == "👩\u{200D}💻 en ZWNJ \u{200C}", "joiners that emoji and scripts need stay")
    }

    @Test func escapesThatSpellControlsAreRecognised() {
        for escaped in ["\\e", "\\x1b", "\\u001B", "\\u202e", "\\U0000009B", "\\N", "\\a"] {
            #expect(SafeText.hasUnsafeEscape("titel: \"x \(escaped) y\""), "\(escaped)")
        }
        for harmless in ["\\u00e9", "\\n", "\\t", "\\\"", "\\ud83d\\ude00", "geen escapes"] {
            #expect(!SafeText.hasUnsafeEscape("titel: \"x \(harmless) y\""), "\(harmless)")
        }
    }

    /// The byte scan of a large JSON file agrees with the check scalar by scalar, for every unsafe
    /// character and for random Dutch text with curly quotes, dashes and accents around it.
    @Test func theByteScanFindsWhatTheScalarCheckFinds() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [Unicode.Scalar] = ["a", "é", "’", "“", "—", "ë", "\n", "\t", "\r", "€", "😀", "\u{2028}", "\u{A0}", "\u{2060}"]
        let unsafe = (0...0x10FFFF).lazy.compactMap(Unicode.Scalar.init).filter { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        for scalar in Array(unsafe) + pieces {
            var text = String(String.UnicodeScalarView((0..<8).map { _ in pieces.randomElement(using: &generator)! }))
            text.unicodeScalars.insert(scalar, at: text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: Int.random(in: 0...8)))
            let expected = text.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" }
            var copy = text
            #expect(copy.withUTF8 { SafeText.containsUnsafe(UnsafeRawBufferPointer($0), carriageReturnIsSafe: true) } == expected,
                    "U+\(String(scalar.value, radix: 16))")
            // Made visible, a carriage return counts too.
            let withReturn = text.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
            #expect(copy.withUTF8 { SafeText.containsUnsafe(UnsafeRawBufferPointer($0), carriageReturnIsSafe: false) } == withReturn)
            #expect((SafeText.visible(text) != text) == withReturn)
        }
    }
}

/// Every text field of every data file gets a hostile piece appended; every export format and the plain
/// text that TERM=dumb prints are then checked byte by byte, and each field's piece must show as stand-ins.
@Suite struct DataFileFuzzTests {
    /// Keys whose values are references or kinds, not text a person reads: left as they are.
    static let structuralKeys: Set<String> = ["id", "activityId", "kind", "landsdeel", "box", "notInBox", "goals", "goal", "number",
                                              "month", "topicLabel", "participantsLabel", "deck", "slides", "ref", "region", "file"]

    /// Appends a hostile piece to every text scalar under a non-structural key. The piece depends on the text
    /// alone, so a text quoted in two files (an example's seoCase, the case in regions.yaml) stays equal.
    static func poisoned(_ node: Node, key: String?, count: inout Int) -> Node {
        switch node {
        case .scalar(let scalar):
            guard let key, !structuralKeys.contains(key), Double(scalar.string) == nil, !["true", "false", "null", "~"].contains(scalar.string)
            else { return node }
            count += 1
            let hash = scalar.string.unicodeScalars.reduce(UInt64(11)) { $0 &* 31 &+ UInt64($1.value) }
            let piece = OutputSafetyTests.hostile[Int(hash % UInt64(OutputSafetyTests.hostile.count))]
            return .scalar(.init(scalar.string + " " + piece + "|", .init("tag:yaml.org,2002:str"), .doubleQuoted))
        case .mapping(let mapping):
            return .mapping(.init(mapping.map { pair in
                (pair.key, Self.poisoned(pair.value, key: pair.key.string, count: &count))
            }))
        case .sequence(let sequence):
            return .sequence(.init(sequence.map { Self.poisoned($0, key: key, count: &count) }))
        case .alias:
            return node
        }
    }

    @Test func hostileTextInEveryDataFieldNeverLeaks() throws {
        let folder = try copyOfSampleData()
        var fields = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let url = folder.appendingPathComponent(name)
            guard let node = try Yams.compose(yaml: try String(contentsOf: url, encoding: .utf8)) else { continue }
            try Yams.serialize(node: Self.poisoned(node, key: nil, count: &fields)).write(to: url, atomically: true, encoding: .utf8)
        }
        let dataset = try DatasetLoader.load(directory: folder)
        var bytesChecked = 0
        for format in ReviewExporter.Format.allCases {
            let bytes = OutputSafetyTests.outputBytes(dataset, review, format)
            bytesChecked += bytes.count
            #expect(OutputSafetyTests.leak(in: bytes) == nil, "\(format) leaks at byte \(OutputSafetyTests.leak(in: bytes) ?? -1)")
        }
        let text = String(decoding: OutputSafetyTests.outputBytes(dataset, review, .text), as: UTF8.self)
        #expect(text.contains("^[") && text.contains("U+202E"), "what was removed is shown")
        #expect(fields > 450, "every text field of every file was poisoned (\(fields))")
        #expect(bytesChecked > 80_000)
        print("data fuzz: \(fields) fields, \(bytesChecked) bytes checked, 0 leaks")
    }
}
