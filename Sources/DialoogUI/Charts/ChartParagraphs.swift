import BarChart
import DialoogModel

/// A figure's chart as paragraphs for the screens and slides: the label in its own role, each series'
/// bars in a role of their own (colour only helps: the name beside each bar says which series it is).
enum ChartParagraphs {
    /// Series roles that stay apart in every theme, in the order of the series.
    static let seriesRoles: [Role] = [.count, .statusInProgress, .mitigation, .emptyCell, .label]

    static func paragraphs(_ figure: Figure, width: Int, glyphs: Glyphs) -> [Paragraph] {
        FigureChart.lines(figure, width: width, ascii: glyphs != .unicode).map { line in
            guard let first = line.first else { return .blank }
            let rest = line.dropFirst()
            guard first.part == .label, let body = rest.first else { return Paragraph(line.map(\.text).joined(), role: role(first.part)) }
            return Paragraph(rest.map(\.text).joined(), role: role(body.part), prefix: first.text, prefixRole: .label)
        }
    }

    static func role(_ part: FigureChart.Part) -> Role {
        switch part {
        case .label: .label
        case .bar(let series): seriesRoles[series % seriesRoles.count]
        case .missing: .notInSource
        case .legend: .muted
        }
    }
}
