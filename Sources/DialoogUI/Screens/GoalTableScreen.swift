import DialoogModel

/// One pilot goal as in Bijlage 1: winst-risico, indicatoren, bewijs and resultaten side by side,
/// each column a scrolled list of wrapped items. Narrow terminals show one column at a time.
public struct GoalTableScreen: Screen {
    public private(set) var goal: Int
    public private(set) var column: GoalColumn
    /// Selected item per column.
    private var selected: [Int]
    /// First visible line per column.
    private var tops: [Int]

    public init(goal: Int, column: GoalColumn = .winstRisico, item: Int = 0) {
        self.goal = goal
        self.column = column
        selected = Array(repeating: 0, count: GoalColumn.allCases.count)
        tops = selected
        selected[column.rawValue] = item
    }

    public var selectedItem: Int { selected[column.rawValue] }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? {
        .goalItem(goal: goal, column: column, item: selectedItem)
    }

    public func breadcrumb(in context: ScreenContext) -> String { "Doel \(context.dataset.pilotGoals[goal].number)" }

    public var keyHints: [KeyHint] {
        [KeyHint("↑↓", "item"), KeyHint("←→/Tab", "kolom"), KeyHint("Enter", "detail"), KeyHint("s", "status"),
         KeyHint("a", "notitie"), KeyHint("[ ]", "doel"), KeyHint("Esc", "terug")]
    }

    public mutating func handle(_ key: Key, area: Rect, context: ScreenContext) -> ScreenAction {
        let goals = context.dataset.pilotGoals
        switch key {
        case .left, .character("h"), .backTab:
            moveColumn(by: -1)
        case .right, .character("l"), .tab:
            moveColumn(by: 1)
        case .character("["), .character("]"):
            let next = goal + (key == .character("]") ? 1 : -1)
            guard goals.indices.contains(next) else { return .handled }
            self = GoalTableScreen(goal: next, column: column)
        case .enter:
            guard !goals[goal].items(in: column).isEmpty else { return .handled }
            return .push(DetailScreen(location: .goalItem(goal: goal, column: column, item: selectedItem)))
        case .character("s"), .character("S"), .character("a"):
            guard let item = goals[goal].items(in: column)[safe: selectedItem] else { return .handled }
            return ReviewKeys.action(for: key, item: item, column: column)
        default:
            let count = goals[goal].items(in: column).count
            guard count > 0, let movement = Movement(key) else { return .ignored }
            selected[column.rawValue] = movement.apply(to: selectedItem, count: count, page: area.height / 4)
        }
        let layout = Layout(area: area, goal: goals[goal], column: column, glyphs: context.glyphs)
        for pane in layout.panes {
            let lines = columnLines(pane.column, width: pane.text.width, context: context)
            tops[pane.column.rawValue] = top(for: pane.column, lines: lines, rows: pane.text.height, current: tops[pane.column.rawValue])
        }
        return .handled
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let pilotGoal = context.dataset.pilotGoals[goal]
        let layout = Layout(area: area, goal: pilotGoal, column: column, glyphs: context.glyphs)
        for (row, line) in layout.heading.enumerated() {
            frame.write(line, x: area.x + 1, y: area.y + row, role: row == 0 ? .title : .normal, clip: area)
            frame.highlight(context.highlightTerms, in: line, x: area.x + 1, y: area.y + row, clip: area)
        }
        for pane in layout.panes {
            let focused = pane.column == column
            let items = pilotGoal.items(in: pane.column)
            let position = layout.isNarrow ? " · kolom \(column.rawValue + 1)/\(GoalColumn.allCases.count)" : ""
            frame.box(pane.box, role: focused ? .title : .border, glyphs: context.glyphs,
                      title: "\(pane.column.title) (\(items.count))\(position)", titleRole: focused ? .title : .label)
            let lines = columnLines(pane.column, width: pane.text.width, context: context)
            let top = top(for: pane.column, lines: lines, rows: pane.text.height, current: tops[pane.column.rawValue])
            TextBlock.draw(lines, top: top, into: &frame, area: pane.text, highlight: [])
            if focused || !layout.isNarrow {
                highlightSelection(lines, top: top, pane: pane, focused: focused, into: &frame)
            }
            redrawMatches(lines, top: top, pane: pane, terms: context.highlightTerms, into: &frame)
            ScrollMarks.draw(into: &frame, area: pane.box.inset(by: 1), top: top, total: lines.count, glyphs: context.glyphs)
        }
    }

    private mutating func moveColumn(by offset: Int) {
        let count = GoalColumn.allCases.count
        column = GoalColumn(rawValue: (column.rawValue + offset + count) % count) ?? .winstRisico
    }

    /// The wrapped lines of a column; a blank line separates items.
    private func columnLines(_ column: GoalColumn, width: Int, context: ScreenContext) -> [WrappedLine] {
        let glyphs = context.glyphs
        let paragraphs = context.dataset.pilotGoals[goal].items(in: column).enumerated().flatMap { index, item -> [Paragraph] in
            let main = ItemParagraph.make(item, reviewable: column.isReviewable, review: context.review, glyphs: glyphs)
            let subitems = item.subitems.map { Paragraph($0, prefix: "- ", indent: 2) }
            return (index == 0 ? [] : [Paragraph.blank]) + [main] + subitems
        }
        // One column stays free for the scroll marks.
        return TextBlock.wrap(paragraphs, width: max(1, width - 1)).map { line in
            WrappedLine(text: line.text, role: line.role, paragraph: itemIndex(ofParagraph: line.paragraph, column: column, context: context))
        }
    }

    /// Maps a paragraph index of `columnLines` back to its item index (-1 for separators).
    private func itemIndex(ofParagraph paragraph: Int, column: GoalColumn, context: ScreenContext) -> Int {
        var index = 0
        for (itemIndex, item) in context.dataset.pilotGoals[goal].items(in: column).enumerated() {
            let size = (itemIndex == 0 ? 0 : 1) + 1 + item.subitems.count
            if paragraph < index + size {
                return itemIndex > 0 && paragraph == index ? -1 : itemIndex
            }
            index += size
        }
        return -1
    }

    private func top(for column: GoalColumn, lines: [WrappedLine], rows: Int, current: Int) -> Int {
        let item = selected[column.rawValue]
        guard let first = lines.firstIndex(where: { $0.paragraph == item }),
              let last = lines.lastIndex(where: { $0.paragraph == item })
        else { return 0 }
        return Scroll.top(current: current, showing: first, through: last, rows: rows, total: lines.count)
    }

    private func highlightSelection(_ lines: [WrappedLine], top: Int, pane: Pane, focused: Bool, into frame: inout Frame) {
        let item = selected[pane.column.rawValue]
        for row in 0..<pane.text.height where lines[safe: top + row]?.paragraph == item {
            frame.recolor(Rect(x: pane.box.x + 1, y: pane.text.y + row, width: pane.box.width - 2, height: 1),
                          role: focused ? .selection : .selectionInactive)
        }
    }

    private func redrawMatches(_ lines: [WrappedLine], top: Int, pane: Pane, terms: [String], into frame: inout Frame) {
        for row in 0..<pane.text.height {
            guard let line = lines[safe: top + row] else { break }
            frame.highlight(terms, in: line.text, x: pane.text.x, y: pane.text.y + row, clip: pane.text)
        }
    }

    struct Pane {
        let column: GoalColumn
        let box: Rect
        var text: Rect { Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2) }
    }

    /// The goal title on top, then the columns (or only the focused one when the terminal is narrow).
    struct Layout {
        let heading: [String]
        let panes: [Pane]
        let isNarrow: Bool

        init(area: Rect, goal: PilotGoal, column: GoalColumn, glyphs: Glyphs) {
            let titleLines = WordWrap.lines("Doel \(goal.number): \(goal.title)", width: max(1, area.width - 2))
            var shown = Array(titleLines.prefix(area.height >= 20 ? 2 : 1))
            if shown.count < titleLines.count, let last = shown.popLast() {
                shown.append(WordWrap.truncate(last + " …", width: max(1, area.width - 2)))
            }
            heading = shown
            let body = Rect(x: area.x, y: area.y + heading.count, width: area.width, height: area.height - heading.count)
            isNarrow = area.width < 72
            if isNarrow {
                panes = [Pane(column: column, box: body)]
            } else {
                panes = zip(GoalColumn.allCases, body.columns(GoalColumn.allCases.count)).map { Pane(column: $0, box: $1) }
            }
        }
    }
}
