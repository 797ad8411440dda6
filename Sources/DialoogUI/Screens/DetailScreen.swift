import DialoogModel

/// The full text of one thing (a goal item, a case, an activity ...), scrollable, with [ ] to step to its siblings.
public struct DetailScreen: Screen {
    public private(set) var location: DataLocation
    private var top = 0

    public init(location: DataLocation) {
        self.location = location
    }

    public func breadcrumb(in context: ScreenContext) -> String {
        DetailContent(location, dataset: context.dataset, glyphs: context.glyphs).title
    }

    public var keyHints: [KeyHint] {
        [KeyHint("↑↓", "scrollen"), KeyHint("[ ]", "vorige/volgende"), KeyHint("Esc", "terug")]
    }

    public mutating func handle(_ key: Key, area: Rect, context: ScreenContext) -> ScreenAction {
        let total = lines(width: area.width, context: context).count
        switch key {
        case .character("["), .character("]"):
            guard let next = location.sibling(key == .character("]") ? 1 : -1, in: context.dataset) else { return .handled }
            location = next
            top = 0
            return .handled
        default:
            guard let newTop = TextScrolling.top(after: key, current: top, rows: area.height, total: total) else { return .ignored }
            top = newTop
            return .handled
        }
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let lines = lines(width: area.width, context: context)
        let shownTop = Scroll.clamp(top, rows: area.height, total: lines.count)
        TextBlock.draw(lines, top: shownTop, into: &frame, area: textArea(area), highlight: context.highlightTerms)
        ScrollMarks.draw(into: &frame, area: area, top: shownTop, total: lines.count, glyphs: context.glyphs)
    }

    private func textArea(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y, width: area.width - 3, height: area.height)
    }

    private func lines(width: Int, context: ScreenContext) -> [WrappedLine] {
        let content = DetailContent(location, dataset: context.dataset, glyphs: context.glyphs)
        return TextBlock.wrap(content.paragraphs, width: max(1, width - 3))
    }
}

/// Scroll keys shared by every screen that scrolls plain text.
enum TextScrolling {
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
