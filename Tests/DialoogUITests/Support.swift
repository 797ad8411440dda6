import Foundation
import Testing
import DialoogModel
@testable import DialoogUI

let repositoryURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Loaded once: every UI test runs on the real sample data.
let sampleData: Dataset = {
    do {
        return try DatasetLoader.load(directory: repositoryURL.appendingPathComponent("sample-data"))
    } catch {
        fatalError("sample-data does not load: \(error)")
    }
}()

/// The pamflet of the htno-middag of 18 januari 2023 (seed 003, kept in `Tests/Fixtures/sources/` so a clone
/// without `../shared` tests it too) with whitespace made single and a word
/// broken over two lines ("LLO-⏎katalysator") made one, so a quote can be looked up in it.
func pamfletText() throws -> String {
    let pamflet = try String(contentsOf: repositoryURL.appendingPathComponent("Tests/Fixtures/sources/003-pamflet-htno-middag-flexibilisering-2023.txt"),
                             encoding: .utf8)
    return singleSpaced(pamflet.replacingOccurrences(of: #"-[ \t]*\n\s*"#, with: "-", options: .regularExpression))
}

func singleSpaced(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

func makeApp(width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode, themes: [String] = []) -> App {
    var app = App(dataset: sampleData, glyphs: glyphs, themes: themes)
    app.resize(width: width, height: height)
    return app
}

/// The frame is the terminal's size, the cursor and the focus lie inside it, and (every few frames, as it
/// costs a pass over every cell) each row is exactly as wide as the frame with printable text only.
func assertFits(_ frame: Frame, app: App, everyRow: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(frame.width == app.width && frame.height == app.height, "frame \(frame.width)×\(frame.height) for \(app.width)×\(app.height)",
            sourceLocation: sourceLocation)
    for point in [frame.cursor, frame.focus].compactMap({ $0 }) {
        #expect((0..<frame.width).contains(point.x) && (0..<frame.height).contains(point.y),
                "cursor or focus at \(point.x),\(point.y) outside \(frame.width)×\(frame.height)", sourceLocation: sourceLocation)
    }
    if everyRow { HostileDataTests.assertSafe(frame, sourceLocation: sourceLocation) }
}

extension Frame {
    /// The frame as text, one line per row, trailing spaces removed.
    var text: String {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// Each cell's role as one letter, row by row, under a legend of the letters used: a snapshot of what
    /// the themes colour, so a selection, a status or a warning drawn in the wrong role is seen.
    var roleGrid: String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let letter = { (role: Role) in letters[Role.allCases.firstIndex(of: role)! % letters.count] }
        let used = Role.allCases.filter { role in cells.contains { $0.role == role } }
        let legend = used.map { "\(letter($0))=\($0.rawValue)" }.joined(separator: " ")
        let rows = (0..<height).map { y in String((0..<width).map { letter(self[$0, y].role) }) }
        return ([legend] + rows).joined(separator: "\n") + "\n"
    }
}

/// Compares a frame with `Tests/DialoogUITests/__Snapshots__/<name>.txt`.
/// A missing snapshot is written and the test fails, so a new snapshot is always looked at once;
/// SNAPSHOT_RECORD=1 rewrites all of them.
func assertSnapshot(_ frame: Frame, named name: String, roles: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: frame.text + "\n", named: name, sourceLocation: sourceLocation)
    if roles { assertSnapshot(text: frame.roleGrid, named: name + ".roles", sourceLocation: sourceLocation) }
}

func assertSnapshot(text actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = repositoryURL.appendingPathComponent("Tests/DialoogUITests/__Snapshots__")
    let url = directory.appendingPathComponent("\(name).txt")
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) recorded; check it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs (- recorded, + now):\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
}

/// The lines that differ, numbered: "- 12 │ recorded" above "+ 12 │ now".
func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    return (0..<max(old.count, new.count)).compactMap { index -> String? in
        let (before, after) = (old[safe: index], new[safe: index])
        guard before != after else { return nil }
        return [before.map { "- \(index + 1) │ \($0)" }, after.map { "+ \(index + 1) │ \($0)" }].compactMap { $0 }.joined(separator: "\n")
    }.joined(separator: "\n")
}
