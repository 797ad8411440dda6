import BarChart
import DialoogModel

/// The table as plain text, goal by goal and column by column: for TERM=dumb, pipes and printers.
struct PlainTextExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let asciiCharts: Bool
    /// yyyy-MM-dd, to tell an open action past its deadline.
    let today: String

    /// Charts are drawn this wide: a printer's or a terminal's 80 columns.
    static let chartWidth = 76

    var text: String {
        var lines = ["Tabel resultaten permanente dialoog (peildatum \(dataset.peildatum))", ""]
        for goal in dataset.pilotGoals {
            lines += ["Doel \(goal.number): \(goal.title)", "  Uitgangspunt: \(goal.uitgangspunt)"]
            for column in GoalColumn.allCases {
                lines.append("  \(column.sourceTitle):")
                for item in goal.items(in: column) {
                    let status = column.isReviewable ? "[\(review.status(of: item.id).label)] " : ""
                    lines.append("    \(item.isMitigation ? "=>" : "-") \(status)\(item.text)")
                    lines += item.subitems.map { "        - \($0)" }
                    lines += review.notes(on: item.id).map {
                        "        notitie \(DutchDate.timestamp($0.createdAt)), \($0.author): " + Self.indented($0.text, by: 10)
                    }
                }
            }
            lines.append("")
        }
        let meetings = ReviewExporter.meetings(dataset, review: review)
        if !meetings.isEmpty { lines += ["Besluiten en acties per overleg", ""] }
        for heading in meetings {
            lines.append(heading.title)
            if let minutes = heading.meeting?.minutes, !minutes.isEmpty { lines.append("  verslag: \(Self.indented(minutes, by: 4))") }
            lines += review.decisions(at: heading.activityId).map {
                "  besluit: \(Self.indented($0.text, by: 4)) (\(DutchDate.timestamp($0.createdAt)), \($0.author))"
            }
            lines += review.actions(at: heading.activityId).map { action in
                let due = action.dueDate.map { ", deadline \(DutchDate.day($0))" } ?? ""
                let state = action.isDone ? "afgerond" : (action.isPastDue(today: today) ? "over datum" : "open")
                return "  actie [\(state)]: \(Self.indented(action.text, by: 4)) (\(action.owner)\(due))"
            }
            lines.append("")
        }
        return (lines + figureLines).joined(separator: "\n") + "\n"
    }

    /// A text of several lines with every line after the first indented, so it stays under its heading.
    private static func indented(_ text: String, by columns: Int) -> String {
        text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: columns))
    }

    /// Every figure of the sources with its chart, legend and notes.
    private var figureLines: [String] {
        guard !dataset.figures.isEmpty else { return [] }
        var lines = ["Cijfers uit de bronnen", ""]
        for figure in dataset.figures {
            lines += [figure.caption, "  Bron: \(figure.source)"]
            lines += FigureChart.lines(figure, width: Self.chartWidth, ascii: asciiCharts).map { line in line.isEmpty ? "" : "  " + line.map(\.text).joined() }
            lines += figure.notes.map { "  \($0)" }
            lines.append("")
        }
        return lines
    }
}
