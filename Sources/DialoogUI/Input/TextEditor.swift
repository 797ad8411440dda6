/// Editable text for the forms: one line or many, with a cursor, UTF-8 aware (one Character per step,
/// wide characters measured in columns). Pasted text arrives whole (`insert(_:)`) where the terminal marks it.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public let isMultiline: Bool

    public init(_ text: String = "", multiline: Bool) {
        isMultiline = multiline
        let clean = TerminalSafeText.clean(text, keepNewlines: multiline)
        lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// Applies an editing key; false for keys the editor does not use (Tab, Esc, Ctrl-D ...).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .enter:
            guard isMultiline else { return false }
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .up:
            guard row > 0 else { return isMultiline }
            row -= 1
            column = min(column, lines[row].count)
        case .down:
            guard row + 1 < lines.count else { return isMultiline }
            row += 1
            column = min(column, lines[row].count)
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .control("u"):
            lines[row].removeSubrange(..<column)
            column = 0
        case .control("k"): lines[row].removeSubrange(column...)
        default: return false
        }
        return true
    }

    /// Inserts pasted text at the cursor in one pass, whatever its length: line breaks split lines in a
    /// multi-line field and become spaces in a one-line field; unsafe characters are dropped as when typed.
    public mutating func insert(_ text: String) {
        let clean = TerminalSafeText.clean(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"),
                                           keepNewlines: isMultiline)
        var pasted = clean.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        guard !pasted.isEmpty else { return }
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines[row] += pasted.removeFirst()
        lines.insert(contentsOf: pasted, at: row + 1)
        row += pasted.count
        column = lines[row].count
        lines[row] += rest
    }

    private mutating func insert(_ character: Character) {
        guard let scalar = character.unicodeScalars.first, !TerminalSafeText.isUnsafe(scalar) else { return }
        lines[row].insert(character, at: column)
        column += 1
    }

    private mutating func deleteBackward() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            column = lines[row - 1].count
            lines[row - 1] += lines.remove(at: row)
            row -= 1
        }
    }

    private mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            lines[row] += lines.remove(at: row + 1)
        }
    }

    private mutating func moveLeft() {
        if column > 0 {
            column -= 1
        } else if row > 0 {
            row -= 1
            column = lines[row].count
        }
    }

    private mutating func moveRight() {
        if column < lines[row].count {
            column += 1
        } else if row + 1 < lines.count {
            row += 1
            column = 0
        }
    }

    /// The text as rows of at most `width` columns, broken after a space (a word is cut only when it is
    /// wider than the row), and where the cursor is among them.
    public func layout(width: Int) -> (rows: [String], cursor: Point) {
        let width = max(1, width)
        var rows: [String] = []
        var cursor = Point(x: 0, y: 0)
        for (lineIndex, line) in lines.enumerated() {
            let ranges = Self.rowRanges(line, width: width)
            if lineIndex == row {
                let index = ranges.firstIndex { column < $0.upperBound } ?? ranges.count - 1
                let x = DisplayWidth.of(String(line[ranges[index].lowerBound..<column]))
                cursor = x >= width && index == ranges.count - 1 ? Point(x: 0, y: rows.count + index + 1) : Point(x: x, y: rows.count + index)
                if x >= width && index == ranges.count - 1 { rows += ranges.map { String(line[$0]) }; rows.append(""); continue }
            }
            rows += ranges.map { String(line[$0]) }
        }
        return (rows, cursor)
    }

    /// Where one line breaks into rows: after the last space that fits, else (one long word) at the width.
    static func rowRanges(_ line: [Character], width: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var used = 0
        var afterSpace: Int?
        for index in line.indices {
            let characterWidth = max(1, DisplayWidth.of(line[index]))
            if used + characterWidth > width {
                let end = afterSpace.flatMap { $0 > start ? $0 : nil } ?? index
                ranges.append(start..<end)
                start = end
                used = line[end..<index].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
                afterSpace = line[end..<index].lastIndex(of: " ").map { $0 + 1 }
            }
            used += characterWidth
            if line[index] == " " { afterSpace = index + 1 }
        }
        ranges.append(start..<line.count)
        return ranges
    }
}
