/// One terminal cell: a grapheme (empty for the right half of a wide character) and its role.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role

    public static let blank = Cell(text: " ", role: .normal)
}

public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells, in frame coordinates.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(_ point: Point) -> Bool { (x..<maxX).contains(point.x) && (y..<maxY).contains(point.y) }

    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The rectangle cut into `count` columns of (almost) equal width, gaps of `gap` between.
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let usable = max(0, width - gap * (count - 1))
        var left = x
        return (0..<count).map { index in
            let columnWidth = usable / count + (index < usable % count ? 1 : 0)
            defer { left += columnWidth + gap }
            return Rect(x: left, y: y, width: columnWidth, height: height)
        }
    }

    public func row(_ offset: Int) -> Rect {
        Rect(x: x, y: y + offset, width: width, height: offset < height ? 1 : 0)
    }
}

/// The whole screen as cells in memory: screens draw into it, tests read it, the backend copies it out.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where typing goes (a prompt, a form field): the terminal shows its cursor there.
    public var cursor: Point?
    /// The selected row or cell: the terminal cursor is parked there (hidden), so screen readers and
    /// braille displays follow the focus.
    public var focus: Point?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes one line of text from (x, y), clipped to `clip` (default: the frame). Control characters
    /// are removed first. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: Role, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= max(0, area.y), y < min(height, area.maxY) else { return 0 }
        let limit = min(width, area.maxX)
        var column = x
        // Character by character, so a huge text costs only what fits on the row.
        for raw in text {
            guard let character = TerminalSafeText.clean(raw) else { continue }
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                attachCombining(character, before: column, y: y, from: max(x, area.x))
                continue
            }
            if column + characterWidth > limit { break }
            if column >= max(0, area.x) {
                place(String(character), width: characterWidth, role: role, x: column, y: y)
            }
            column += characterWidth
        }
        return column - x
    }

    /// Fills a rectangle with blanks of one role.
    public mutating func fill(_ rect: Rect, role: Role) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                place(" ", width: 1, role: role, x: x, y: y)
            }
        }
    }

    /// Gives existing cells a new role (to highlight a row or a match) without changing their text.
    public mutating func recolor(_ rect: Rect, role: Role) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                cells[y * width + x].role = role
            }
        }
    }

    /// Draws a box border with an optional title in the top edge.
    public mutating func box(_ rect: Rect, role: Role, glyphs: Glyphs, title: String? = nil, titleRole: Role? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        write(glyphs.topLeft + horizontal + glyphs.topRight, x: rect.x, y: rect.y, role: role)
        write(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write(glyphs.vertical, x: rect.x, y: y, role: role)
            write(glyphs.vertical, x: rect.maxX - 1, y: y, role: role)
        }
        if let title, rect.width > 4 {
            let text = " " + WordWrap.truncate(title, width: rect.width - 4) + " "
            write(text, x: rect.x + (DisplayWidth.of(text) + 3 <= rect.width ? 2 : 1), y: rect.y, role: titleRole ?? role)
        }
    }

    /// The text of each row, for snapshots and end-to-end comparisons.
    public var lines: [String] {
        (0..<height).map { y in
            (0..<width).reduce(into: "") { line, x in line += self[x, y].text }
        }
    }

    /// Puts a character of `width` columns at (x, y); a wide character owns the cell to its right.
    private mutating func place(_ text: String, width characterWidth: Int, role: Role, x: Int, y: Int) {
        guard x >= 0, x + characterWidth <= width, y >= 0, y < height else { return }
        for offset in 0..<characterWidth { breakWideCharacter(at: x + offset, y: y) }
        cells[y * width + x] = Cell(text: text, role: role)
        if characterWidth == 2 { cells[y * width + x + 1] = Cell(text: "", role: role) }
    }

    /// Overwriting either half of a wide character leaves its other half as a blank, never half a glyph.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        if cells[index].text.isEmpty, x > 0 {
            cells[index - 1].text = " "
        }
        if x + 1 < width, cells[index + 1].text.isEmpty, !cells[index].text.isEmpty {
            cells[index + 1].text = " "
        }
    }

    private mutating func attachCombining(_ mark: Character, before column: Int, y: Int, from start: Int) {
        var target = column - 1
        while target >= start, target < width, target >= 0, self[target, y].text.isEmpty { target -= 1 }
        guard target >= start, target >= 0, target < width else { return }
        cells[y * width + target].text.append(mark)
    }
}

extension Frame: CustomStringConvertible {
    /// The rows of text, so a failing test shows the screen and not a dump of cells.
    public var description: String { "\n" + lines.joined(separator: "\n") }
}
