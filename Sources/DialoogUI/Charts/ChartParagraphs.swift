import BarChart
import DialoogModel

/// A figure's chart as paragraphs for the screens and slides: the label in its own role, each series'
/// bars in a role of their own (colour only helps: the name beside each bar says which series it is).
enum ChartParagraphs {
    /// Series roles that stay apart in every theme, in the order of the series.
    static let seriesRoles: [Role] = [.count, .statusInProgress, .mitigation, .emptyCell, .label]

    /// The chart's lines as paragraphs. On a slide split over pages a category stays with its bars and the
    /// legend (what the series and the missing mark mean; the scale line is the last of the chart) is on every page.
    static func paragraphs(_ figure: Figure, width: Int, glyphs: Glyphs) -> [Paragraph] {
        let lines = FigureChart.lines(figure, width: width, ascii: glyphs != .unicode)
        let legendStart = lines.lastIndex(where: \.isEmpty) ?? lines.count
        let scaleLine = lines.count - 1
        return lines.enumerated().map { index, line in
            var paragraph: Paragraph
            if let first = line.first, first.part == .label, let body = line.dropFirst().first {
                paragraph = Paragraph(line.dropFirst().map(\.text).joined(), role: role(body.part), prefix: first.text, prefixRole: .label)
            } else {
                paragraph = line.first.map { Paragraph(line.map(\.text).joined(), role: role($0.part)) } ?? .blank
            }
            // A label line, and a bar followed by another bar of the same category, keep with the next line.
            let next = lines[safe: index + 1]
            let isLabelOnly = line.count == 1 && line.first?.part == .label
            let nextIsBarOfGroup = next.map { $0.count > 1 && $0.first?.text.hasPrefix("  ") == true } ?? false
            if index > legendStart && index < scaleLine {
                paragraph.paging = .onEveryPage
            } else if isLabelOnly || (line.count > 1 && nextIsBarOfGroup && figure.series.count > 1) {
                paragraph.paging = .keepsWithNext
            }
            return paragraph
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
