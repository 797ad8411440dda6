import Foundation
import Testing
import DialoogModel
import ReviewStore
@testable import DialoogUI

/// Data files written by someone hostile or careless: escape sequences, clipboard writes, bidi
/// overrides, NUL, a 10 MB field, a word longer than any screen, combining and wide characters.
@Suite struct HostileDataTests {
    static let hostile: Dataset = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("htno-hostile-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: repositoryURL.appendingPathComponent("sample-data"), to: directory)
        let goals = directory.appendingPathComponent("pilot-goals.yaml")
        var text = try! String(contentsOf: goals, encoding: .utf8)
        let huge = String(repeating: "tien megabyte ", count: 10 * 1024 * 1024 / 14)
        text = text.replacingOccurrences(of: "{ id: d1-rs-2, text: \"", with: "{ id: d1-rs-2, text: \"\(huge)")
        text = text.replacingOccurrences(of: "{ id: d1-bw-1, text: \"", with:
            "{ id: d1-bw-1, text: \"\\e[2J\\e]52;c;cm0gLXJmIH4=\\a\\e]0;PWNED\\a\\u202Eelif\\u202C nul:\\0: \(String(repeating: "x", count: 5000)) ")
        text = text.replacingOccurrences(of: "{ id: d1-bw-2, text: \"", with:
            "{ id: d1-bw-2, text: \"be\\u0301\\u0301ta 技术 👨‍👩‍👧 ﷽ \\t\\r ")
        try! text.write(to: goals, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try! DatasetLoader.load(directory: directory)
    }()

    /// Every cell holds printable text only, and every row is exactly as wide as the frame.
    static func assertSafe(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
        for cell in frame.cells {
            #expect(!cell.text.unicodeScalars.contains(where: TerminalSafeText.isUnsafe), "unsafe text in a cell", sourceLocation: sourceLocation)
        }
        for y in 0..<frame.height {
            let width = (0..<frame.width).reduce(0) { total, x in
                let text = frame[x, y].text
                return total + (text.isEmpty ? 1 : max(1, DisplayWidth.of(text)) - (DisplayWidth.of(text) == 2 ? 1 : 0))
            }
            #expect(width == frame.width, "row \(y) is \(width) columns", sourceLocation: sourceLocation)
        }
    }

    @Test func theHostileFieldsLoadAsVisibleText() {
        let items = Self.hostile.pilotGoals[0]
        #expect(items.resultaten[1].text.utf8.count > 10_000_000)
        #expect(items.bewijs[0].text.contains("^[]52;") && items.bewijs[0].text.contains("U+202E"), "made visible where it entered")
        #expect(!items.bewijs[0].text.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" })
    }

    @Test(arguments: [(80, 24), (160, 45), (50, 14)])
    func everyScreenDrawsThemSafely(width: Int, height: Int) {
        var app = App(dataset: Self.hostile)
        app.resize(width: width, height: height)
        for keys in ["", "\n", "\nll", "\nll\n", "\nllj\n", "\nlll", "\nlllj", "\nlllj\n", "/nul\n", "/megabyte\n", "p"] {
            app.type(keys)
            Self.assertSafe(app.render())
            app.handle(.escape)
            app.handle(.escape)
            app.handle(.escape)
        }
    }

    @Test func theHugeFieldIsShownCutWithANote() {
        var app = App(dataset: Self.hostile)
        app.resize(width: 80, height: 24)
        app.type("\nlllj\nG")
        let frame = app.render()
        #expect(frame.contains("… [ingekort: 10240 KB]"))
    }

    @Test func aWordLongerThanTheScreenIsBrokenNotLost() {
        let lines = WordWrap.lines(String(repeating: "x", count: 5000), width: 70)
        #expect(lines.count == 73, "69 letters and a hyphen per line")
        #expect(lines.allSatisfy { $0.count <= 70 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("-") })
        #expect(lines.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }.joined().count == 5000)
    }

    @Test func combiningAndWideCharactersKeepTheirColumns() {
        var frame = Frame(width: 20, height: 1)
        frame.write("be\u{301}\u{301}ta 技术 👨‍👩‍👧 x", x: 0, y: 0, role: .normal)
        #expect(frame.lines[0].hasPrefix("be\u{301}\u{301}ta 技术 👨‍👩‍👧 x"))
        #expect(frame[1, 0].text == "e\u{301}\u{301}")
        #expect(frame[5, 0].text == "技" && frame[6, 0].text.isEmpty)
        #expect(frame[10, 0].text == "👨‍👩‍👧" && frame[11, 0].text.isEmpty)
        #expect(frame[13, 0].text == "x")
    }
}

/// A 100 kB one-word item (a paste gone wrong, a proposal) does not push its neighbours' review away: the
/// steady layout pads an item to its goal's longest only up to a screen.
@Suite struct LongItemNeighbourTests {
    @Test func aNeighbourOfAHugeItemShowsItsReviewOnTheFirstScreen() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.proposeChange(TableChange(kind: .addition, goalId: "doel-1", column: .indicatoren, text: String(repeating: "b", count: 100_000))),
                            author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("\nlj\n")
        let screen = app.render()
        #expect(screen.lines[1].contains("Indicatoren 2"))
        #expect(screen.lines.contains { $0.trimmingCharacters(in: .whitespaces) == "Beoordeling" },
                "its review on the first screen:\n\(screen.lines.joined(separator: "\n"))")
    }
}
