import DialoogModel

/// One pilot goal as in Bijlage 1: winst-risico, indicatoren, bewijs and resultaten side by side,
/// each column a scrolled list of wrapped items. Narrow terminals show one column at a time.
public struct GoalTableScreen: Screen {
    public private(set) var goal: Int
    public private(set) var column: GoalColumn
    /// Selected item per column.
    private var selected: [Int]
    /// First visible item per column. Scrolling by item means a key only wraps the items it shows,
    /// however long the column is.
    private var firstItems: [Int]
    /// The recorded peildatum whose table and statuses are shown (`<` `>`); nil for now.
    private var peildatum: Int64?

    public init(goal: Int, column: GoalColumn = .winstRisico, item: Int = 0) {
        self.goal = goal
        self.column = column
        selected = Array(repeating: 0, count: GoalColumn.allCases.count)
        firstItems = selected
        selected[column.rawValue] = item
    }

    public var selectedItem: Int { selected[column.rawValue] }

    /// The data of the moment shown: a peildatum's table and statuses, or now.
    private func shown(_ context: ScreenContext) -> ScreenContext {
        context.at(peildatum.flatMap { id in context.review.peildata.first { $0.id == id } })
    }

    /// Each column's selection kept inside the column as it is now: a proposed item withdrawn, rejected or
    /// undone (here or by a colleague) makes its column one shorter.
    private func clamped(_ context: ScreenContext) -> GoalTableScreen {
        var screen = self
        for column in GoalColumn.allCases {
            let last = max(0, context.dataset.pilotGoals[goal].items(in: column).count - 1)
            screen.selected[column.rawValue] = min(selected[column.rawValue], last)
            screen.firstItems[column.rawValue] = min(firstItems[column.rawValue], screen.selected[column.rawValue])
        }
        return screen
    }

    /// What the title says of the moment: only once there are peildata to tell it from.
    private func moment(_ context: ScreenContext) -> String? {
        guard !context.review.peildata.isEmpty else { return nil }
        return peildatum.flatMap { id in context.review.peildata.first { $0.id == id } }.map { "peildatum \($0.label)" } ?? "nu"
    }

    /// A peildatum's table is what was: its positions and statuses are not today's, so nothing is recorded on it.
    public func recordingRefusal(in context: ScreenContext) -> String? {
        guard let label = peildatum.flatMap({ id in context.review.peildata.first { $0.id == id } })?.label else { return nil }
        return "Je ziet de tabel van peildatum \(label): \(context.keymap.key(for: .nextYear)) gaat naar nu om iets vast te leggen"
    }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? {
        .goalItem(goal: goal, column: column, item: clamped(context).selectedItem)
    }

    public func breadcrumb(in context: ScreenContext) -> String { "Doel \(context.dataset.pilotGoals[goal].number)" }

    public var keyHints: [KeyHint] {
        [KeyHint(.moveUp, .moveDown, action: "item"), KeyHint(.left, .right, action: "kolom"), KeyHint(.open, action: "detail"),
         KeyHint(.statusNext, action: "status"), KeyHint(.addNote, action: "notitie"), KeyHint(.previousSibling, .nextSibling, action: "doel"),
         KeyHint(.back, action: "terug"), KeyHint(.previousYear, .nextYear, action: "peildatum")]
    }

    public mutating func handle(_ command: CommandID, area: Rect, context now: ScreenContext) -> ScreenAction {
        if command == .previousYear || command == .nextYear {
            switch now.peildatum(after: peildatum, command) {
            case .success(let next): peildatum = next
            case .failure(let reason): return .message(reason.text)
            }
            // An item added after that peildatum is not in its table.
            self = clamped(shown(now))
            return .handled
        }
        let context = shown(now)
        self = clamped(context)
        let goals = context.dataset.pilotGoals
        switch command {
        case .previousSibling, .nextSibling:
            let next = goal + (command == .nextSibling ? 1 : -1)
            guard goals.indices.contains(next) else { return .message(next < 0 ? "Dit is het eerste doel" : "Dit is het laatste doel") }
            let moment = peildatum
            self = GoalTableScreen(goal: next, column: column)
            peildatum = moment
        case .open:
            guard !goals[goal].items(in: column).isEmpty else { return .handled }
            if peildatum != nil {
                return .message("Het detail toont de stand van nu: \(context.keymap.key(for: .nextYear)) gaat naar nu")
            }
            return .push(DetailScreen(location: .goalItem(goal: goal, column: column, item: selectedItem)))
        default:
            // The grid's rows are the focused column's items.
            var cursor = GridCursor(row: selectedItem, column: column.rawValue)
            let count = goals[goal].items(in: column).count
            guard count > 0 || Movement(command) == nil,
                  cursor.move(command, rows: count, columns: GoalColumn.allCases.count, page: area.height / 4) else { return .ignored }
            // Each column keeps its own selected item: a row move sets the focused column's, a column move none.
            if cursor.column == column.rawValue {
                selected[column.rawValue] = cursor.row
            } else {
                column = GoalColumn(rawValue: cursor.column) ?? .winstRisico
            }
        }
        let layout = Layout(area: area, goal: goals[goal], column: column, moment: moment(now), glyphs: context.glyphs)
        for pane in layout.panes {
            firstItems[pane.column.rawValue] = firstVisible(in: pane, context: context)
        }
        return .handled
    }

    public mutating func click(at point: Point, area: Rect, context now: ScreenContext) -> ScreenAction {
        let context = shown(now)
        self = clamped(context)
        let layout = Layout(area: area, goal: context.dataset.pilotGoals[goal], column: column, moment: moment(now), glyphs: context.glyphs)
        guard let pane = layout.panes.first(where: { $0.box.contains(point) }) else { return .ignored }
        let lines = window(pane, from: firstVisible(in: pane, context: context), context: context).lines
        let item = lines[safe: point.y - pane.text.y]?.paragraph ?? -1
        if pane.column == column, item == selectedItem { return handle(.open, area: area, context: now) }
        column = pane.column
        if item >= 0 { selected[column.rawValue] = item }
        return .handled
    }

    public func render(into frame: inout Frame, area: Rect, context now: ScreenContext) {
        let context = shown(now)
        let screen = clamped(context)
        guard screen.selected == selected, screen.firstItems == firstItems else { return screen.render(into: &frame, area: area, context: now) }
        let pilotGoal = context.dataset.pilotGoals[goal]
        let layout = Layout(area: area, goal: pilotGoal, column: column, moment: moment(now), glyphs: context.glyphs)
        for (row, line) in layout.heading.enumerated() {
            frame.write(line, x: area.x + 1, y: area.y + row, role: row == 0 ? .title : .normal, clip: area)
            frame.highlight(context.highlightTerms, in: line, x: area.x + 1, y: area.y + row, clip: area)
        }
        for pane in layout.panes {
            let focused = pane.column == column
            let items = pilotGoal.items(in: pane.column)
            let position = layout.isNarrow ? " · kolom \(column.rawValue + 1)/\(GoalColumn.allCases.count)" : ""
            frame.box(pane.box, role: .border, glyphs: context.glyphs,
                      title: "\(pane.column.title) (\(items.count))\(position)", titleRole: focused ? .title : .muted)
            let first = firstVisible(in: pane, context: context)
            let (lines, moreBelow) = window(pane, from: first, context: context)
            TextBlock.draw(lines, top: 0, into: &frame, area: pane.text, highlight: [])
            if focused || !layout.isNarrow {
                highlightSelection(lines, pane: pane, focused: focused, into: &frame)
            }
            if focused, let row = lines.firstIndex(where: { $0.paragraph == selectedItem }) {
                frame.focus = Point(x: pane.text.x, y: pane.text.y + row)
            }
            redrawMatches(lines, pane: pane, terms: context.highlightTerms, into: &frame)
            ScrollMarks.draw(into: &frame, area: pane.box.inset(by: 1), hiddenAbove: first > 0, hiddenBelow: moreBelow, glyphs: context.glyphs)
        }
    }

    /// The wrapped lines of one item (with the blank line that separates it from the item above,
    /// unless it is the first one shown); each line carries the item's index, -1 for the separator.
    private func itemLines(_ column: GoalColumn, _ index: Int, first: Bool, width: Int, context: ScreenContext) -> [WrappedLine] {
        let item = context.dataset.pilotGoals[goal].items(in: column)[index]
        let main = ItemParagraph.make(item, reviewable: column.isReviewable, review: context.review, glyphs: context.glyphs)
        let subitems = item.subitems.map { Paragraph($0, prefix: "- ", indent: 2) }
        // One column stays free for the scroll marks.
        let lines = TextBlock.wrap([main] + subitems, width: max(1, width - 1)).map { line in
            WrappedLine(text: line.text, role: line.role, paragraph: index, prefix: line.prefix)
        }
        return first ? lines : [WrappedLine(text: "", role: .normal, paragraph: -1)] + lines
    }

    /// The lines of the items from `first` on, as many as fill the pane; and whether more follow.
    private func window(_ pane: Pane, from first: Int, context: ScreenContext) -> (lines: [WrappedLine], moreBelow: Bool) {
        let count = context.dataset.pilotGoals[goal].items(in: pane.column).count
        var lines: [WrappedLine] = []
        var index = first
        while index < count && lines.count <= pane.text.height {
            lines += itemLines(pane.column, index, first: index == first, width: pane.text.width, context: context)
            index += 1
        }
        return (Array(lines.prefix(pane.text.height)), lines.count > pane.text.height || index < count)
    }

    /// The first item to show so that the selected item is in view, moving as little as possible.
    private func firstVisible(in pane: Pane, context: ScreenContext) -> Int {
        let selection = selected[pane.column.rawValue]
        var first = min(firstItems[pane.column.rawValue], selection)
        var height = (first...selection).reduce(0) { total, index in
            total + itemLines(pane.column, index, first: index == first, width: pane.text.width, context: context).count
        }
        while height > pane.text.height && first < selection {
            height -= itemLines(pane.column, first, first: true, width: pane.text.width, context: context).count + 1
            first += 1
        }
        return first
    }

    private func highlightSelection(_ lines: [WrappedLine], pane: Pane, focused: Bool, into frame: inout Frame) {
        let item = selected[pane.column.rawValue]
        for (row, line) in lines.enumerated() where line.paragraph == item {
            frame.recolor(Rect(x: pane.box.x + 1, y: pane.text.y + row, width: pane.box.width - 2, height: 1),
                          role: focused ? .selection : .selectionInactive)
        }
    }

    private func redrawMatches(_ lines: [WrappedLine], pane: Pane, terms: [String], into frame: inout Frame) {
        for (row, line) in lines.enumerated() {
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

        /// `moment`: "peildatum december 2024" or "nu", when there are peildata to tell them apart.
        init(area: Rect, goal: PilotGoal, column: GoalColumn, moment: String?, glyphs: Glyphs) {
            let title = "Doel \(goal.number)\(moment.map { " (\($0))" } ?? ""): \(goal.title)"
            let titleLines = WordWrap.lines(title, width: max(1, area.width - 2))
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
