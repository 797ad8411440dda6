import DialoogModel

/// The full text of one thing (a goal item, a case, an activity ...), scrollable, with [ ] to step to
/// its siblings. On goal items and meetings it also lists the review work; Tab selects an entry.
public struct DetailScreen: Screen {
    public private(set) var location: DataLocation
    private var top = 0
    /// Index of the selected note, decision or action, if any.
    public private(set) var selectedEntry: Int?

    public init(location: DataLocation) {
        self.location = location
    }

    public func breadcrumb(in context: ScreenContext) -> String {
        DetailContent(location, context: context).title
    }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? { location }

    public var keyHints: [KeyHint] {
        let scrolling = [KeyHint(.moveUp, .moveDown, action: "scrollen"), KeyHint(.previousSibling, .nextSibling, action: "vorige/volgende"),
                         KeyHint(.back, action: "terug")]
        switch location {
        case .goalItem(_, let column, _) where column.isReviewable:
            return [KeyHint(.statusNext, action: "status"), KeyHint(.addNote, action: "notitie"), KeyHint(.nextPane, action: "kies"),
                    KeyHint(.editEntry, .deleteEntry, action: "bewerk/wis")] + scrolling
        case .goalItem:
            return [KeyHint(.addNote, action: "notitie"), KeyHint(.nextPane, action: "kies"), KeyHint(.editEntry, .deleteEntry, action: "bewerk/wis")]
                + scrolling
        case .activity:
            return [KeyHint(.addDecision, action: "besluit"), KeyHint(.addAction, action: "actie"), KeyHint(.nextPane, action: "kies"),
                    KeyHint(.editEntry, .deleteEntry, .toggleDone, action: "bewerk/wis/klaar")] + scrolling
        case .meeting:
            return [KeyHint(.minutes, action: "verslag"), KeyHint(.statusNext, action: "status"), KeyHint(.addDecision, action: "besluit"),
                    KeyHint(.addAction, action: "actie"), KeyHint(.nextPane, action: "kies"), KeyHint(.moveUp, .moveDown, action: "scrollen"),
                    KeyHint(.back, action: "terug")]
        case .person:
            // A person has no neighbours in the data: only their actions to choose and act on.
            return [KeyHint(.nextPane, action: "kies actie"), KeyHint(.editEntry, .deleteEntry, .toggleDone, action: "bewerk/wis/klaar"),
                    KeyHint(.moveUp, .moveDown, action: "scrollen"), KeyHint(.back, action: "terug")]
        default:
            return scrolling
        }
    }

    /// With an entry chosen (Tab), the reader hears it: which of how many, and its words.
    public func announcement(in context: ScreenContext) -> String? {
        let content = DetailContent(location, context: context)
        guard let index = selectedEntry, let chosen = content.entries[safe: index] else { return nil }
        let words = content.paragraphs[chosen.paragraphs].map { ($0.prefix + $0.text).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return "Gekozen \(index + 1) van \(content.entries.count): " + words.joined(separator: " ")
    }

    public func selectedEntry(in context: ScreenContext) -> ReviewEntry? {
        selectedEntry.flatMap { DetailContent(location, context: context).entries[safe: $0]?.entry }
    }

    public mutating func handle(_ command: CommandID, area: Rect, context: ScreenContext) -> ScreenAction {
        let width = max(1, area.width - 3)
        let content = DetailContent(location, context: context, width: width)
        switch command {
        case .previousSibling, .nextSibling:
            guard let next = location.sibling(command == .nextSibling ? 1 : -1, in: context.dataset) else {
                return .message(command == .nextSibling ? "Dit is de laatste" : "Dit is de eerste")
            }
            location = next
            top = 0
            selectedEntry = nil
            return .handled
        case .nextPane, .previousPane:
            guard !content.entries.isEmpty else { return .message("Nog niets om te kiezen") }
            let forward = command == .nextPane
            let count = content.entries.count
            let current = selectedEntry.map { min($0, count - 1) } ?? (forward ? -1 : count)
            let next = current.cycled(by: forward ? 1 : -1, in: count)
            selectedEntry = next
            let range = content.entries[next].paragraphs
            let lines = TextBlock.wrap(Array(content.paragraphs[..<range.upperBound]), width: width)
            if let first = lines.firstIndex(where: { range.contains($0.paragraph) }),
               let last = lines.lastIndex(where: { range.contains($0.paragraph) }) {
                top = Scroll.top(current: top, showing: first, through: last, rows: area.height, total: lines.count)
            }
            return .handled
        default:
            guard let needed = TextScrolling.linesNeeded(after: command, current: top, rows: area.height) else { return .ignored }
            let lines = TextBlock.wrap(content.paragraphs, width: width, limit: needed)
            guard let newTop = TextScrolling.top(after: command, current: top, rows: area.height, total: lines.count) else { return .ignored }
            top = newTop
            return .handled
        }
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let content = DetailContent(location, context: context, width: max(1, area.width - 3))
        let text = textArea(area)
        let lines = TextBlock.wrap(content.paragraphs, width: max(1, area.width - 3), limit: top + area.height + 1)
        let shownTop = Scroll.clamp(top, rows: area.height, total: lines.count)
        TextBlock.draw(lines, top: shownTop, into: &frame, area: text, highlight: context.highlightTerms)
        frame.focus = Point(x: text.x, y: text.y)
        if let index = selectedEntry, let range = content.entries[safe: index]?.paragraphs {
            for row in 0..<text.height where lines[safe: shownTop + row].map({ range.contains($0.paragraph) }) == true {
                frame.recolor(Rect(x: text.x, y: text.y + row, width: text.width, height: 1), role: .selection)
                if frame.focus?.y == text.y { frame.focus = Point(x: text.x, y: text.y + row) }
            }
        }
        ScrollMarks.draw(into: &frame, area: area, top: shownTop, total: lines.count, glyphs: context.glyphs)
    }

    private func textArea(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y, width: area.width - 3, height: area.height)
    }
}

/// Scroll keys shared by every screen that scrolls plain text.
enum TextScrolling {
    /// How many wrapped lines a scroll key needs to know about (all of them only for End).
    static func linesNeeded(after command: CommandID, current: Int, rows: Int) -> Int? {
        switch Movement(command) {
        case .last?: .max
        case .page(let pages)?: current + max(0, pages) * rows + rows + 1
        case .some: current + rows + 2
        case nil: nil
        }
    }

    /// The new top line after a scroll key, or nil when the key does not scroll.
    static func top(after command: CommandID, current: Int, rows: Int, total: Int) -> Int? {
        guard let movement = Movement(command) else { return nil }
        return movement.apply(to: current, count: max(1, total - rows + 1), page: rows - 1)
    }
}

/// Small ▲ / ▼ marks in the right edge of an area when there is more text above or below.
enum ScrollMarks {
    static func draw(into frame: inout Frame, area: Rect, top: Int, total: Int, glyphs: Glyphs) {
        guard area.width > 0, area.height > 0 else { return }
        mark(into: &frame, x: area.maxX - 1, above: area.y, below: area.maxY - 1, shown: area.height, top: top, total: total, glyphs: glyphs)
    }

    /// ▲/▼ on a list box's own top and bottom border, outside the rows: when the terminal scrolls the rows,
    /// the marks stay where they are and need not be sent again.
    static func drawOnBorder(of box: Rect, top: Int, total: Int, glyphs: Glyphs, into frame: inout Frame) {
        guard box.width > 3, box.height > 2 else { return }
        mark(into: &frame, x: box.maxX - 2, above: box.y, below: box.maxY - 1, shown: box.height - 2, top: top, total: total, glyphs: glyphs)
    }

    /// ▲/▼ in the right column of `area`, for a view that knows only whether something is hidden (the goal
    /// table scrolls by item, not by line).
    static func draw(into frame: inout Frame, area: Rect, hiddenAbove: Bool, hiddenBelow: Bool, glyphs: Glyphs) {
        guard area.width > 0, area.height > 0 else { return }
        mark(into: &frame, x: area.maxX - 1, above: hiddenAbove ? area.y : nil, below: hiddenBelow ? area.maxY - 1 : nil, glyphs: glyphs)
    }

    /// ▲ on row `above` when lines before `top` are hidden, ▼ on row `below` when lines after the `shown` ones are.
    private static func mark(into frame: inout Frame, x: Int, above: Int, below: Int, shown: Int, top: Int, total: Int, glyphs: Glyphs) {
        mark(into: &frame, x: x, above: top > 0 ? above : nil, below: top + shown < total ? below : nil, glyphs: glyphs)
    }

    private static func mark(into frame: inout Frame, x: Int, above: Int?, below: Int?, glyphs: Glyphs) {
        if let above { frame.write(glyphs.moreAbove, x: x, y: above, role: .muted) }
        if let below { frame.write(glyphs.moreBelow, x: x, y: below, role: .muted) }
    }
}
