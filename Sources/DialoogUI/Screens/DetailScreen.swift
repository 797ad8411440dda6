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
        switch location {
        case .goalItem(_, let column, _) where column.isReviewable:
            [KeyHint("s", "status"), KeyHint("a", "notitie"), KeyHint("Tab", "kies"), KeyHint("e/d", "bewerk/wis"),
             KeyHint("↑↓", "scrollen"), KeyHint("[ ]", "vorige/volgende"), KeyHint("Esc", "terug")]
        case .activity:
            [KeyHint("b", "besluit"), KeyHint("t", "actie"), KeyHint("Tab", "kies"), KeyHint("e/d/x", "bewerk/wis/klaar"),
             KeyHint("↑↓", "scrollen"), KeyHint("Esc", "terug")]
        default:
            [KeyHint("↑↓", "scrollen"), KeyHint("[ ]", "vorige/volgende"), KeyHint("Esc", "terug")]
        }
    }

    public mutating func handle(_ key: Key, area: Rect, context: ScreenContext) -> ScreenAction {
        let content = DetailContent(location, context: context)
        let width = max(1, area.width - 3)
        switch key {
        case .character("["), .character("]"):
            guard let next = location.sibling(key == .character("]") ? 1 : -1, in: context.dataset) else { return .handled }
            location = next
            top = 0
            selectedEntry = nil
            return .handled
        case .tab, .backTab:
            guard !content.entries.isEmpty else { return .message("Nog niets om te kiezen") }
            let count = content.entries.count
            let current = selectedEntry.map { min($0, count - 1) } ?? (key == .tab ? -1 : count)
            let next = (current + (key == .tab ? 1 : -1) + count) % count
            selectedEntry = next
            let range = content.entries[next].paragraphs
            let lines = TextBlock.wrap(Array(content.paragraphs[..<range.upperBound]), width: width)
            if let first = lines.firstIndex(where: { range.contains($0.paragraph) }),
               let last = lines.lastIndex(where: { range.contains($0.paragraph) }) {
                top = Scroll.top(current: top, showing: first, through: last, rows: area.height, total: lines.count)
            }
            return .handled
        case .character("e"), .character("d"), .character("x"):
            guard let index = selectedEntry, let entry = content.entries[safe: index] else {
                return .message("Kies eerst met Tab een notitie, besluit of actie")
            }
            if key == .character("d") { selectedEntry = nil }
            return ReviewKeys.action(for: key, entry: entry.entry)
        default:
            if let action = reviewAction(for: key, context: context) { return action }
            guard let needed = TextScrolling.linesNeeded(after: key, current: top, rows: area.height) else { return .ignored }
            let lines = TextBlock.wrap(content.paragraphs, width: width, limit: needed)
            guard let newTop = TextScrolling.top(after: key, current: top, rows: area.height, total: lines.count) else { return .ignored }
            top = newTop
            return .handled
        }
    }

    /// `s`, `S`, `a` on a goal item; `b` and `t` on a meeting.
    private func reviewAction(for key: Key, context: ScreenContext) -> ScreenAction? {
        if let action = ReviewKeys.action(for: key, at: location, in: context.dataset) { return action }
        switch (location, key) {
        case (.activity(let month, let index), .character("b")), (.activity(let month, let index), .character("t")):
            guard let activity = context.dataset.cycle.months[month].activities[safe: index], activity.kind.isMeeting else {
                return .message("Alleen een overleg heeft besluiten en acties")
            }
            return .review(.openForm(key == .character("b") ? .addDecision(activityId: activity.id)
                                                           : .addAction(activityId: activity.id, linkedId: nil)))
        default:
            return nil
        }
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let content = DetailContent(location, context: context)
        let text = textArea(area)
        let lines = TextBlock.wrap(content.paragraphs, width: max(1, area.width - 3), limit: top + area.height + 1)
        let shownTop = Scroll.clamp(top, rows: area.height, total: lines.count)
        TextBlock.draw(lines, top: shownTop, into: &frame, area: text, highlight: context.highlightTerms)
        if let index = selectedEntry, let range = content.entries[safe: index]?.paragraphs {
            for row in 0..<text.height where lines[safe: shownTop + row].map({ range.contains($0.paragraph) }) == true {
                frame.recolor(Rect(x: text.x, y: text.y + row, width: text.width, height: 1), role: .selection)
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
    static func linesNeeded(after key: Key, current: Int, rows: Int) -> Int? {
        switch Movement(key) {
        case .last?: .max
        case .page(let pages)?: current + max(0, pages) * rows + rows + 1
        case .some: current + rows + 2
        case nil: nil
        }
    }

    /// The new top line after a scroll key, or nil when the key does not scroll.
    static func top(after key: Key, current: Int, rows: Int, total: Int) -> Int? {
        guard let movement = Movement(key) else { return nil }
        return movement.apply(to: current, count: max(1, total - rows + 1), page: rows - 1)
    }
}

/// Small ▲ / ▼ marks in the right edge of an area when there is more text above or below.
enum ScrollMarks {
    static func draw(into frame: inout Frame, area: Rect, top: Int, total: Int, glyphs: Glyphs) {
        guard area.width > 0, area.height > 0 else { return }
        let x = area.maxX - 1
        if top > 0 { frame.write(glyphs.moreAbove, x: x, y: area.y, role: .muted) }
        if top + area.height < total { frame.write(glyphs.moreBelow, x: x, y: area.maxY - 1, role: .muted) }
    }
}
