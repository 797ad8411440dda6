/// The focused cell of a grid screen: the goal table's columns, the region matrix and the status × goal
/// overview. One rule for all three: ← → and Tab Shift-Tab step through the columns, going round at
/// either end; ↑ ↓, the page keys and Home End move through the rows and stop at the first and last.
struct GridCursor: Equatable, Sendable {
    var row = 0
    var column = 0

    /// Moves for a movement command among `rows` × `columns` cells; false for any other command.
    mutating func move(_ command: CommandID, rows: Int, columns: Int, page: Int) -> Bool {
        switch command {
        case .left, .previousPane: column = column.cycled(by: -1, in: columns)
        case .right, .nextPane: column = column.cycled(by: 1, in: columns)
        default:
            guard let movement = Movement(command) else { return false }
            row = movement.apply(to: row, count: rows, page: page)
        }
        return true
    }

    /// The cell under `point` of a grid whose rows lie at `rowY` and whose columns span `columnSpan`.
    static func cell(at point: Point, rows: Int, columns: Int, rowY: (Int) -> Int, columnSpan: (Int) -> Range<Int>) -> GridCursor? {
        guard let row = (0..<rows).first(where: { rowY($0) == point.y }),
              let column = (0..<columns).first(where: { columnSpan($0).contains(point.x) }) else { return nil }
        return GridCursor(row: row, column: column)
    }
}

extension Int {
    /// This position moved by `offset` among `count` positions, going round at either end.
    func cycled(by offset: Int, in count: Int) -> Int {
        guard count > 0 else { return 0 }
        return ((self + offset) % count + count) % count
    }
}
