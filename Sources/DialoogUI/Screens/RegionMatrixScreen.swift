import DialoogModel

/// The landsdeel x Techniekpact-goal matrix with the number of regional cases per cell.
/// Cells that say "Geen cases beschikbaar" and cells the source has no section for are marked apart.
public struct RegionMatrixScreen: Screen {
    /// Row: the landsdeel; column: the Techniekpact goal's number minus one.
    private var cursor: GridCursor
    public var region: Int { cursor.row }
    /// Goal number, 1-12.
    public var goal: Int { cursor.column + 1 }

    public init(region: Int = 0, goal: Int = 1) {
        cursor = GridCursor(row: region, column: goal - 1)
    }

    public func breadcrumb(in context: ScreenContext) -> String { "Regio's" }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? {
        .regionalCase(landsdeel: region, goal: goal, index: 0)
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.moveUp, .moveDown, .left, .right, action: "cel"), KeyHint(.open, action: "cases"), KeyHint(.back, action: "terug")]
    }

    public mutating func handle(_ command: CommandID, area: Rect, context: ScreenContext) -> ScreenAction {
        let pact = context.dataset.techniekpact
        if command == .open { return .push(ListScreen(.cases(landsdeel: region, goal: goal))) }
        let rows = pact.landsdelen.count
        return cursor.move(command, rows: rows, columns: pact.goals.count, page: rows) ? .handled : .ignored
    }

    /// "Oost × Techniekpact-doel 1 · Kiezen voor Techniek: 11 cases": the selected cell in words.
    public func announcement(in context: ScreenContext) -> String? {
        let pact = context.dataset.techniekpact
        let landsdeel = pact.landsdelen[region]
        let status = switch pact.content(landsdeel: landsdeel.id, goal: goal) {
        case .cases(let names): names.count == 1 ? "1 case" : "\(names.count) cases"
        case .noCasesAvailable: "Geen cases beschikbaar"
        case .notInSource: "niet in de bron (de box heeft geen deel voor \(landsdeel.name))"
        }
        return "\(landsdeel.name) × Techniekpact-doel \(goal) · \(pact.goal(number: goal)?.actielijn ?? ""): \(status)"
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction {
        let pact = context.dataset.techniekpact
        let table = Table(area: area, pact: pact)
        guard let cell = GridCursor.cell(at: point, rows: pact.landsdelen.count, columns: pact.goals.count, rowY: table.rowY,
                                         columnSpan: { table.columnX($0 + 1)..<table.columnX($0 + 1) + table.cellWidth })
        else { return .ignored }
        if cell == cursor { return handle(.open, area: area, context: context) }
        cursor = cell
        return .handled
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let pact = context.dataset.techniekpact
        let glyphs = context.glyphs
        let table = Table(area: area, pact: pact)
        frame.box(table.box, role: .border, glyphs: glyphs, title: "Landsdeel × Techniekpact-doel: aantal regionale cases", titleRole: .title)
        drawGroupHeader(pact.goals, table: table, into: &frame)
        frame.write("Landsdeel", x: table.labelX, y: table.headerY, role: .label)
        for number in 1...pact.goals.count {
            drawRight(String(number), x: table.columnX(number), width: table.cellWidth, y: table.headerY,
                      role: number == goal ? .selectionInactive : .label, into: &frame)
        }
        drawRight("Totaal", x: table.totalX, width: table.totalWidth, y: table.headerY, role: .label, into: &frame)
        for (index, landsdeel) in pact.landsdelen.enumerated() {
            let y = table.rowY(index)
            frame.write(WordWrap.truncate(landsdeel.name, width: table.nameWidth), x: table.labelX, y: y,
                        role: index == region ? .selectionInactive : .normal)
            for number in 1...pact.goals.count {
                let (text, role) = cellText(pact.content(landsdeel: landsdeel.id, goal: number), glyphs: glyphs)
                let isSelected = index == region && number == goal
                if isSelected {
                    frame.fill(Rect(x: table.columnX(number), y: y, width: table.cellWidth, height: 1), role: .selection)
                    frame.focus = Point(x: table.columnX(number) + table.cellWidth - 1, y: y)  // on the number
                }
                drawRight(text, x: table.columnX(number), width: table.cellWidth, y: y, role: isSelected ? .selection : role, into: &frame)
            }
            let total = pact.goals.reduce(0) { $0 + pact.content(landsdeel: landsdeel.id, goal: $1.number).caseCount }
            drawRight(String(total), x: table.totalX, width: table.totalWidth, y: y, role: .count, into: &frame)
        }
        drawTotals(pact, table: table, into: &frame)
        drawSelection(pact, context: context, below: table, area: area, into: &frame)
    }

    private func cellText(_ content: CellContent, glyphs: Glyphs) -> (String, Role) {
        switch content {
        case .cases(let names): (String(names.count), .count)
        case .noCasesAvailable: (glyphs.noCases, .emptyCell)
        case .notInSource: (glyphs.notInSource, .notInSource)
        }
    }

    /// Right-aligned in its column, a space before it kept so numbers never run together.
    private func drawRight(_ text: String, x: Int, width: Int, y: Int, role: Role, into frame: inout Frame) {
        let shown = WordWrap.truncate(text, width: width - 1)
        frame.write(shown, x: x + width - DisplayWidth.of(shown), y: y, role: role)
    }

    /// Names each actielijn above the run of goal columns it covers.
    private func drawGroupHeader(_ goals: [TechniekpactGoal], table: Table, into frame: inout Frame) {
        var start = 0
        while start < goals.count {
            let actielijn = goals[start].actielijn
            var end = start
            while end + 1 < goals.count && goals[end + 1].actielijn == actielijn { end += 1 }
            let x = table.columnX(goals[start].number) + 1
            let width = table.columnX(goals[end].number) + table.cellWidth - x
            // "Leren in de Techniek" does not fit above four narrow columns: "Leren" does.
            let label = DisplayWidth.of(actielijn) <= width ? actielijn : String(actielijn.prefix { $0 != " " })
            frame.write(WordWrap.truncate(label, width: width), x: x, y: table.headerY - 1, role: .muted)
            start = end + 1
        }
    }

    private func drawTotals(_ pact: Techniekpact, table: Table, into frame: inout Frame) {
        let y = table.rowY(pact.landsdelen.count)
        frame.write("Totaal", x: table.labelX, y: y, role: .label)
        for goalInfo in pact.goals {
            drawRight(String(pact.caseCount(goal: goalInfo.number)), x: table.columnX(goalInfo.number), width: table.cellWidth, y: y, role: .count, into: &frame)
        }
        drawRight(String(pact.caseCount), x: table.totalX, width: table.totalWidth, y: y, role: .title, into: &frame)
    }

    /// Legend and the selected cell in words, below the table.
    private func drawSelection(_ pact: Techniekpact, context: ScreenContext, below table: Table, area: Rect, into frame: inout Frame) {
        let glyphs = context.glyphs
        let goalInfo = pact.goal(number: goal)
        let paragraphs = [
            Paragraph("\(glyphs.noCases) = Geen cases beschikbaar   \(glyphs.notInSource) = niet in de bron", role: .muted),
            Paragraph(announcement(in: context) ?? "", role: .title),
            Paragraph(goalInfo?.title ?? ""),
            Paragraph(pact.box(forGoal: goal)?.title ?? "", role: .muted),
        ]
        let below = Rect(x: area.x + 1, y: table.box.maxY, width: area.width - 2, height: area.maxY - table.box.maxY)
        TextBlock.draw(TextBlock.wrap(paragraphs, width: below.width), top: 0, into: &frame, area: below, highlight: [])
    }

    /// Column positions of the matrix for the width available.
    struct Table {
        let box: Rect
        let labelX: Int
        let labelWidth: Int
        let nameWidth: Int
        let cellWidth: Int
        let totalWidth: Int
        let headerY: Int
        let goals: Int

        init(area: Rect, pact: Techniekpact) {
            goals = pact.goals.count
            // Every number keeps a space before it; the widest is a column's total.
            let wanted = max(4, String(pact.goals.map { pact.caseCount(goal: $0.number) }.max() ?? 0).count + 1)
            totalWidth = max("Totaal".count, String(pact.caseCount).count) + 1
            let longestName = max("Landsdeel".count, pact.landsdelen.map { DisplayWidth.of($0.name) }.max() ?? 0)
            // Two spaces after the names and one before the right border where they fit; else one and none,
            // so four-digit counts still fit 80 columns.
            let roomy = 4 + longestName + 2 + wanted * max(1, goals) + totalWidth <= area.width
            let frameWidth = roomy ? 4 : 3
            let gap = roomy ? 2 : 1
            // A long name gives way to the counts: a name is cut, a number is not.
            nameWidth = min(longestName, max("Landsdeel".count, area.width - frameWidth - gap - wanted * max(1, goals) - totalWidth))
            labelWidth = nameWidth + gap
            cellWidth = max(3, min(wanted, (area.width - frameWidth - labelWidth - totalWidth) / max(1, goals)))
            let width = min(area.width, frameWidth + labelWidth + cellWidth * goals + totalWidth)
            box = Rect(x: area.x, y: area.y, width: width, height: min(area.height, pact.landsdelen.count + 5))
            labelX = box.x + 2
            headerY = box.y + 2
        }

        func columnX(_ goal: Int) -> Int { labelX + labelWidth + (goal - 1) * cellWidth }
        var totalX: Int { columnX(goals + 1) }
        func rowY(_ index: Int) -> Int { headerY + 1 + index }
    }
}
