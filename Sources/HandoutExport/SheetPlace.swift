/// Where a slide goes on the sheets of a hand-out of three or six a page: a sheet, a column, and the rows
/// (boxes) it takes from `row` on.
struct SheetPlace: Equatable {
    let sheet: Int
    let column: Int
    let row: Int
    let rows: Int

    /// Slides of `rows` rows each, in order, row by row (as a page is read): each in the first box after the
    /// previous slide's that has room below it in its column, or at the top of a new sheet. No slide is split,
    /// and none comes before one it follows.
    static func pack(_ rows: [Int], columns: Int) -> [SheetPlace] {
        let height = HandoutStyle.rowsPerSheet
        var sheet = 0
        var taken = Set<Int>()  // boxes of this sheet, row * columns + column
        var next = 0
        return rows.map { needed in
            let fits = { (box: Int) in box / columns + needed <= height && (0..<needed).allSatisfy { !taken.contains(box + $0 * columns) } }
            var box = next
            while box < height * columns && !fits(box) { box += 1 }
            if box == height * columns {
                (sheet, box) = (sheet + 1, 0)
                taken = []
            }
            for row in 0..<needed { taken.insert(box + row * columns) }
            next = box + 1
            return SheetPlace(sheet: sheet, column: box % columns, row: box / columns, rows: needed)
        }
    }

    /// Its place in the sheet's CSS grid (the first grid row is the sheet's head).
    var gridArea: String {
        "grid-column: \(column + 1); grid-row: \(row + 2) / span \(rows)"
    }
}
