import DialoogModel

/// How far the review is, per goal: the number of items (indicatoren, bewijs, resultaten) in each status.
/// `Enter` on a count lists those items.
public struct ReviewOverviewScreen: Screen {
    /// Row: a goal index, or the goals' count for the Totaal row; column: an index in `Self.statuses`,
    /// or its count for the Totaal column.
    private var cursor = GridCursor()
    public var row: Int { cursor.row }
    public var column: Int { cursor.column }

    static let statuses = StatusCounts.reportOrder
    /// The peildatum whose counts are shown (`<` `>` step through them); nil for now.
    private var peildatum: Int64?

    public init() {}

    /// The table and review whose counts are shown: as they stood at the chosen peildatum, or as they are
    /// (proposals to the table are not counted, as in the exports).
    private func shown(_ context: ScreenContext) -> (review: ReviewSnapshot, goals: [PilotGoal], moment: String) {
        let then = peildatum.flatMap { id in context.review.peildata.first { $0.id == id } }
        let counted = context.counted(at: then)
        return (counted.review, counted.dataset.pilotGoals, then.map { "peildatum \($0.label)" } ?? "nu")
    }

    public func breadcrumb(in context: ScreenContext) -> String { "Overzicht status × doel" }

    public var keyHints: [KeyHint] {
        [KeyHint(.moveUp, .moveDown, .left, .right, action: "cel"), KeyHint(.open, action: "items"),
         KeyHint(.previousYear, .nextYear, action: "peildatum"), KeyHint(.back, action: "terug")]
    }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? {
        row < context.dataset.pilotGoals.count ? .pilotGoal(goal: row) : nil
    }

    public mutating func handle(_ command: CommandID, area: Rect, context: ScreenContext) -> ScreenAction {
        if command == .previousYear || command == .nextYear {
            // Now, then each peildatum back in time; `>` comes forward again.
            switch context.peildatum(after: peildatum, command) {
            case .success(let next): peildatum = next
            case .failure(let reason): return .message(reason.text)
            }
            return .handled
        }
        if command == .open, peildatum != nil {
            return .message("De lijst van een telling toont de statussen van nu: \(context.keymap.key(for: .nextYear)) gaat naar nu")
        }
        if command == .open { return .push(ListScreen(.review(filter(in: context.dataset)))) }
        let rows = context.dataset.pilotGoals.count + 1
        return cursor.move(command, rows: rows, columns: Self.statuses.count + 1, page: rows) ? .handled : .ignored
    }

    /// The review list of the selected count.
    func filter(in dataset: Dataset) -> ReviewFilter {
        ReviewFilter(.items(with: Self.statuses[safe: column]), goal: row < dataset.pilotGoals.count ? row : nil)
    }

    /// "Doel 3 · niet aangetoond: 2 items".
    public func announcement(in context: ScreenContext) -> String? {
        let (review, goals, _) = shown(context)
        let counts = StatusCounts(row < goals.count ? [goals[row]] : goals, review: review)
        let status = Self.statuses[safe: column]
        let count = status.map { counts[$0] } ?? counts.total
        return "\(row < goals.count ? "Doel \(goals[row].number)" : "Alle doelen") · \(status?.label ?? "alle statussen"): "
            + (count == 1 ? "1 item" : "\(count) items")
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction {
        let table = Table(area: area, goals: context.dataset.pilotGoals.count, glyphs: context.glyphs)
        guard let cell = GridCursor.cell(at: point, rows: context.dataset.pilotGoals.count + 1, columns: Self.statuses.count + 1,
                                         rowY: table.rowY, columnSpan: { table.columnX($0)..<table.columnX($0) + table.widths[$0] })
        else { return .ignored }
        if cell == cursor { return handle(.open, area: area, context: context) }
        cursor = cell
        return .handled
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let (review, goals, moment) = shown(context)
        let table = Table(area: area, goals: goals.count, glyphs: context.glyphs)
        frame.box(table.box, role: .border, glyphs: context.glyphs, title: "Status × doel (\(moment)): aantal indicatoren, bewijs en resultaten",
                  titleRole: .title)
        frame.write("Doel", x: table.labelX, y: table.headerY + 1, role: .label)
        for (index, header) in table.headers.enumerated() {
            let role = Self.statuses[safe: index]?.role ?? .label
            drawRight(header.top, column: index, y: table.headerY, role: role, table, &frame)
            drawRight(header.bottom, column: index, y: table.headerY + 1, role: role, table, &frame)
        }
        for index in 0...goals.count {
            let y = table.rowY(index)
            let label = index < goals.count ? "Doel \(goals[index].number) · \(goals[index].uitgangspunt)" : "Totaal"
            frame.write(WordWrap.truncate(label, width: table.labelWidth), x: table.labelX, y: y,
                        role: index == row ? .selectionInactive : (index < goals.count ? .normal : .label))
            let counts = StatusCounts(index < goals.count ? [goals[index]] : goals, review: review)
            for cell in 0...Self.statuses.count {
                let count = Self.statuses[safe: cell].map { counts[$0] } ?? counts.total
                let isSelected = index == row && cell == column
                if isSelected {
                    frame.fill(Rect(x: table.columnX(cell), y: y, width: table.widths[cell], height: 1), role: .selection)
                    frame.focus = Point(x: table.columnX(cell) + table.widths[cell] - 1, y: y)
                }
                drawRight(String(count), column: cell, y: y, role: isSelected ? .selection : (count == 0 ? .muted : .count), table, &frame)
            }
        }
        let below = Rect(x: area.x + 1, y: table.box.maxY, width: area.width - 2, height: area.maxY - table.box.maxY)
        let keys = context.keymap
        let paragraphs = [Paragraph(announcement(in: context) ?? "", role: .title),
                          Paragraph("\(keys.key(for: .open)) toont die items; " + [CommandID.nextFilter, .filterGoal, .filterColumn, .sortOrder]
                                        .map(keys.key(for:)).joined(separator: ", ").replacingLastComma(with: " en ")
                                    + " filteren en sorteren daar verder.", role: .muted)]
        TextBlock.draw(TextBlock.wrap(paragraphs, width: below.width), top: 0, into: &frame, area: below, highlight: [])
    }

    private func drawRight(_ text: String, column: Int, y: Int, role: Role, _ table: Table, _ frame: inout Frame) {
        let shown = WordWrap.truncate(text, width: table.widths[column])
        frame.write(shown, x: table.columnX(column) + table.widths[column] - DisplayWidth.of(shown), y: y, role: role)
    }

    /// Column positions for the width available: each status over two header lines ("◐ in" above
    /// "behandeling"), the goal names take what the counts leave.
    struct Table {
        let box: Rect
        let labelX: Int
        let labelWidth: Int
        let headers: [(top: String, bottom: String)]
        let widths: [Int]
        let headerY: Int
        static let gap = 2

        init(area: Rect, goals: Int, glyphs: Glyphs) {
            headers = ReviewOverviewScreen.statuses.map { status in
                let words = status.label.split(separator: " ").map(String.init)
                return (([glyphs.marker(for: status)] + words.dropLast()).joined(separator: " "), words.last!)
            } + [("", "Totaal")]
            widths = headers.map { max(DisplayWidth.of($0.top), DisplayWidth.of($0.bottom)) }
            let counts = widths.reduce(0, +) + Self.gap * widths.count
            labelWidth = max(6, min(40, area.width - 4 - counts))
            box = Rect(x: area.x, y: area.y, width: min(area.width, 4 + labelWidth + counts), height: min(area.height, goals + 6))
            labelX = box.x + 2
            headerY = box.y + 1
        }

        func columnX(_ column: Int) -> Int { labelX + labelWidth + widths[..<column].reduce(0, +) + Self.gap * (column + 1) }
        func rowY(_ index: Int) -> Int { headerY + 3 + index }
    }
}
