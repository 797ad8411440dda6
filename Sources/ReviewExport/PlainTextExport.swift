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
        return (lines + figureLines + sourceLines).joined(separator: "\n") + "\n"
    }

    /// The rest of the sources, so that nothing is only on the screen: the htno-middag programmes, the source
    /// tables, the reports part by part, and the examples of the 2018 progress report.
    private var sourceLines: [String] {
        var lines: [String] = []
        for middag in dataset.cycle.htnoMiddagen {
            guard let programme = middag.programme else { continue }
            lines += ["Programma htno-middag \(DutchDate.day(middag.date)): \(middag.theme)", ""]
            for part in programme {
                lines.append("  \(part.part)" + (part.speakers.map { " (\($0.joined(separator: ", ")))" } ?? ""))
                lines += part.paragraphs.map { "    \($0)" } + (part.items ?? []).map { "    - \($0)" }
            }
            lines.append("")
        }
        for table in dataset.tables {
            lines += [table.caption, "  \(table.place)"]
            lines += table.rows.map { row in
                "  - " + zip(table.columns, row.cells).filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            }
            lines += table.notes.map { "  \($0)" } + [""]
        }
        for document in dataset.documents {
            lines += [document.title, "  Bron: \(document.source)", ""]
            for part in document.parts {
                let indent = String(repeating: "  ", count: max(1, part.level))
                lines.append(indent.dropLast(2) + part.title)
                lines += part.blocks.map { block in
                    switch block {
                    case .item(let text, let level): indent + String(repeating: "  ", count: level) + "- " + text
                    case .programme(let text): indent + "* " + text
                    default: indent + block.text
                    }
                }
                lines.append("")
            }
        }
        guard !dataset.regionalExamples.isEmpty else { return lines }
        lines += ["Voorbeelden uit de regio (Techniekpact voortgangsrapportage 2018)", ""]
        for example in dataset.regionalExamples {
            lines += ["  Techniekpact-doel \(example.goal): \(example.name), \(example.place)", "    \(example.text)"]
        }
        return lines + [""]
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
