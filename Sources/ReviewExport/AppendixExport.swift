import DialoogModel
import Foundation

/// The jaarverslag's appendices, laid out as the source lays them out. Bijlage 1: the table of the pilot
/// goals, a row per goal and the four columns, mitigations marked `=>`, each item with its status. Bijlage 2:
/// a year's cycle, month by month: the meeting, its subjects and participants. Markdown a grid table
/// (pandoc makes real multi-paragraph cells of it in Word), plus a workbook sheet for Bijlage 1.
struct AppendixExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options

    /// The four columns as Bijlage 1 has them, with the width each gets in the grid (characters).
    private static let widths = [22, 30, 30, 30, 34]

    /// The statuses the appendix shows: those of the peildatum asked for, else those of now.
    private func status(of itemId: String) -> ReviewStatus {
        options.peildatum.flatMap { label in review.peildata.last { $0.label == label } }?.status(of: itemId) ?? review.status(of: itemId)
    }

    var goalTable: String {
        let header = ["Doel"] + GoalColumn.allCases.map(\.sourceTitle)
        let moment = options.peildatum.map { "Peildatum \($0): status per indicator, bewijs en resultaat zoals vastgelegd." }
            ?? "Peildatum \(dataset.peildatum); status per indicator, bewijs en resultaat zoals de review ze nu heeft."
        let rows = dataset.pilotGoals.map { goal in
            [["**Doel \(goal.number)**", MarkdownText.inline(goal.uitgangspunt)]]
                + GoalColumn.allCases.map { column in
                    goal.items(in: column).enumerated().flatMap { index, item in
                        // Sub-items follow their item, indented under its text, as the source lists them.
                        [itemLine(item, number: index + 1, in: column, text: MarkdownText.inline)]
                            + item.subitems.map { "    - " + MarkdownText.inline($0) }
                    }
                }
        }
        return (["# Bijlage 1: tabel resultaten permanente dialoog", "",
                 moment, ""]
                + GridTable(widths: Self.widths).lines(header: header, rows: rows)).joined(separator: "\n") + "\n"
    }

    /// "2. => besluitvorming …", "1. Actieve betrokkenheid … (aangetoond)": numbered as the notes name the
    /// items (an indicator the source numbers itself keeps its own number), mitigations marked, the status named.
    private func itemLine(_ item: GoalItem, number: Int, in column: GoalColumn, text: (String) -> String) -> String {
        let status = column.isReviewable && !item.isMitigation ? " (\(status(of: item.id).label))" : ""
        let prefix = item.text.first?.isNumber == true ? "" : "\(number). "
        return prefix + (item.isMitigation ? "=> " : "") + text(item.text) + status
    }

    /// Bijlage 2 of `year`: the source's 2023 cycle, or the meetings the secretariat planned for a later year.
    func cycle(year: Int) -> String {
        var rows: [[String]]
        if year == dataset.cycle.year {
            rows = dataset.cycle.months.map { month in
                let activities = month.activities
                return [month.name.capitalizedFirst, activities.map(\.activity).joined(separator: "; "),
                        activities.compactMap(\.topic).joined(separator: "; "), activities.compactMap(\.participants).joined(separator: "; ")]
                    .map { MarkdownText.cell($0) }
            }
        } else {
            rows = review.meetings(in: year).map { meeting in
                [DutchDate.day(meeting.date), meeting.kind + (meeting.status == .planned ? "" : " (\(meeting.status.rawValue))"),
                 meeting.topic ?? "", meeting.participants ?? ""].map { MarkdownText.cell($0) }
            }
        }
        let header = [year == dataset.cycle.year ? "Maand" : "Datum", "Overleg", "Onderwerpen", "Deelnemers"]
        let table = rows.isEmpty ? ["Geen overleggen vastgelegd voor \(year)."]
            : MarkdownText.table(header: header, widths: [12, 22, 34, 30], rows: rows)
        return (["# Bijlage 2: gesprekscyclus \(year)", ""] + table).joined(separator: "\n") + "\n"
    }

    /// Bijlage 1 as a workbook sheet: a row per goal, a cell per column with its items on their own lines.
    var goalSheet: WorkbookExport.Sheet {
        let rows: [[WorkbookExport.Cell]] = dataset.pilotGoals.map { goal in
            [.text("Doel \(goal.number): \(goal.uitgangspunt)")] + GoalColumn.allCases.map { column in
                .text(goal.items(in: column).enumerated().map { index, item in
                    ([itemLine(item, number: index + 1, in: column) { $0 }] + item.subitems.map { "   - \($0)" }).joined(separator: "\n")
                }.joined(separator: "\n"))
            }
        }
        return WorkbookExport.Sheet(name: "Bijlage 1", columns: [("Doel", 24)] + GoalColumn.allCases.map { ($0.sourceTitle, 45) }, rows: rows)
    }
}

/// A pandoc grid table: cells of several lines (one paragraph per item), wrapped to the column widths.
struct GridTable {
    let widths: [Int]

    /// `rows`: per row, per column, the cell's paragraphs (already Markdown).
    func lines(header: [String], rows: [[[String]]]) -> [String] {
        let rule = { (mark: Character) in "+" + widths.map { String(repeating: mark, count: $0 + 2) }.joined(separator: "+") + "+" }
        var lines = [rule("-")] + block(header.map { [$0] }) + [rule("=")]
        for row in rows { lines += block(row) + [rule("-")] }
        return lines
    }

    /// One row: each cell's paragraphs wrapped to its width, a blank line between paragraphs, padded to the
    /// tallest. A numbered item's further lines are indented under its text, so none starts a list of its own.
    private func block(_ cells: [[String]]) -> [String] {
        let wrapped: [[String]] = zip(cells, widths).map { paragraphs, width in
            paragraphs.enumerated().flatMap { index, paragraph in (index > 0 ? [""] : []) + Self.hanging(paragraph, width: width) }
        }
        let height = wrapped.map(\.count).max() ?? 0
        return (0..<height).map { line in
            "| " + zip(wrapped, widths).map { cell, width in
                let text = line < cell.count ? cell[line] : ""
                return text + String(repeating: " ", count: max(0, width - text.count))
            }.joined(separator: " | ") + " |"
        }
    }

    /// A paragraph's lines; a list item's ("3. …", "    - …") further lines are indented under its text.
    static func hanging(_ paragraph: String, width: Int) -> [String] {
        let indent = paragraph.prefix(while: { $0 == " " })
        let rest = paragraph.dropFirst(indent.count)
        let number = rest.prefix(while: \.isNumber)
        let marker = rest.hasPrefix("- ") ? indent + "- "
            : !number.isEmpty && rest.dropFirst(number.count).hasPrefix(". ") ? indent + number + ". " : ""
        let hang = String(repeating: " ", count: marker.count)
        return wrap(String(paragraph.dropFirst(marker.count)), width: width - marker.count).enumerated().map { ($0.offset == 0 ? marker : hang) + $0.element }
    }

    /// Words to lines of at most `width` characters; a longer word is cut (it stays one word to pandoc's eye
    /// only when it fits, so it is rare in Dutch prose and harmless in a table).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
            while line.count > width {
                lines.append(String(line.prefix(width)))
                line = String(line.dropFirst(width))
            }
        }
        return lines + (line.isEmpty ? [] : [line])
    }
}
