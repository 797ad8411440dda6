import DialoogModel

/// A paragraph to be wrapped and drawn: a first-line prefix (bullet, "⇒"), an indent and a role.
public struct Paragraph: Sendable, Equatable {
    public var text: String
    public var role: Role
    public var prefix: String
    public var indent: Int
    /// The role of the prefix when it differs from the text (a coloured status marker).
    public var prefixRole: Role?
    /// How a slide split over pages treats it: a chart's group stays together, its legend shows on every page.
    public var paging: Paging = .free

    public enum Paging: Sendable, Equatable {
        case free
        /// On the same page as the paragraph after it.
        case keepsWithNext
        /// Repeated at the foot of every page of the slide.
        case onEveryPage
    }

    public init(_ text: String, role: Role = .normal, prefix: String = "", indent: Int = 0, prefixRole: Role? = nil, paging: Paging = .free) {
        self.text = text
        self.role = role
        self.prefix = prefix
        self.indent = indent
        self.prefixRole = prefixRole
        self.paging = paging
    }

    public static let blank = Paragraph("")
}

/// One wrapped display line of a paragraph.
public struct WrappedLine: Sendable, Equatable {
    public let text: String
    public let role: Role
    /// Index of the paragraph the line belongs to.
    public let paragraph: Int
    /// Columns of a prefix drawn in its own role, on the first line of a paragraph.
    public var prefix: (columns: Range<Int>, role: Role)?
    /// The paragraph's paging, for a slide split over pages.
    public var paging: Paragraph.Paging = .free

    public init(text: String, role: Role, paragraph: Int, prefix: (columns: Range<Int>, role: Role)? = nil) {
        self.text = text
        self.role = role
        self.paragraph = paragraph
        self.prefix = prefix
    }

    public static func == (lhs: WrappedLine, rhs: WrappedLine) -> Bool {
        lhs.text == rhs.text && lhs.role == rhs.role && lhs.paragraph == rhs.paragraph
            && lhs.prefix?.columns == rhs.prefix?.columns && lhs.prefix?.role == rhs.prefix?.role
    }
}

public enum TextBlock {
    /// Wraps paragraphs to `width` columns; continuation lines line up under the text after the prefix.
    /// Stops once `limit` lines are made: a screen never needs more than it shows, however long the text.
    public static func wrap(_ paragraphs: [Paragraph], width: Int, limit: Int = .max) -> [WrappedLine] {
        var lines: [WrappedLine] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if lines.count >= limit { break }
            let lead = String(repeating: " ", count: paragraph.indent)
            let hanging = String(repeating: " ", count: DisplayWidth.of(paragraph.prefix))
            let textWidth = max(1, width - paragraph.indent - hanging.count)
            let wrapped = paragraph.text.isEmpty ? [""] : WordWrap.lines(paragraph.text, width: textWidth)
            for (lineIndex, line) in wrapped.enumerated() {
                let start = lineIndex == 0 ? paragraph.prefix : hanging
                var wrappedLine = WrappedLine(text: lead + start + line, role: paragraph.role, paragraph: index)
                wrappedLine.paging = paragraph.paging
                if lineIndex == 0, let role = paragraph.prefixRole {
                    wrappedLine.prefix = (paragraph.indent..<(paragraph.indent + hanging.count), role)
                }
                lines.append(wrappedLine)
            }
        }
        return lines
    }

    /// Draws wrapped lines from `top` into `area`, highlighting the search terms.
    public static func draw(_ lines: [WrappedLine], top: Int, into frame: inout Frame, area: Rect, highlight terms: [String]) {
        for row in 0..<area.height {
            let index = top + row
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            frame.write(line.text, x: area.x, y: area.y + row, role: line.role, clip: area)
            if let prefix = line.prefix {
                frame.recolor(Rect(x: area.x + prefix.columns.lowerBound, y: area.y + row, width: prefix.columns.count, height: 1), role: prefix.role)
            }
            frame.highlight(terms, in: line.text, x: area.x, y: area.y + row, clip: area)
        }
    }
}

extension Frame {
    /// Gives the cells showing any of the (folded) terms in `text`, drawn at (x, y), the match role.
    public mutating func highlight(_ terms: [String], in text: String, x: Int, y: Int, clip: Rect) {
        guard !terms.isEmpty else { return }
        let clean = TerminalSafeText.clean(text)
        let characters = Array(clean)
        let folded = characters.map { SearchText.fold(String($0)) }
        var columns: [Int] = []
        var column = x
        for character in characters {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        columns.append(column)
        for term in terms where !term.isEmpty {
            var start = 0
            while start < characters.count {
                var joined = ""
                var end = start
                while end < characters.count && joined.count < term.count {
                    joined += folded[end]
                    end += 1
                }
                if joined == term {
                    let span = Rect(x: columns[start], y: y, width: columns[end] - columns[start], height: 1)
                    recolor(Rect(x: max(span.x, clip.x), y: y, width: min(span.maxX, clip.maxX) - max(span.x, clip.x), height: 1), role: .match)
                    start = end
                } else {
                    start += 1
                }
            }
        }
    }
}

/// Keeps a selection visible in a scrolled list of `rows` visible rows.
public enum Scroll {
    /// The new top row so that lines `first...last` are visible, moving as little as possible.
    public static func top(current: Int, showing first: Int, through last: Int, rows: Int, total: Int) -> Int {
        guard rows > 0 else { return 0 }
        var top = current
        if last >= top + rows { top = last - rows + 1 }
        if first < top { top = first }
        return max(0, min(top, max(0, total - rows)))
    }

    /// A top row clamped so that it does not scroll past the end.
    public static func clamp(_ top: Int, rows: Int, total: Int) -> Int {
        max(0, min(top, max(0, total - rows)))
    }
}
