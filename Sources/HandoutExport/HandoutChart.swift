import BarChart
import DialoogModel

/// A figure as real bars for the hand-out: CSS widths on the chart's one scale, each bar with its value as
/// printed and (for more than one series) the series' name beside it. Each series has its own pattern of
/// borders (solid, outlined, dashed, a double band, dotted), so the series stay apart in print without colour
/// or backgrounds; a missing value gets the mark and words, never a bar. Made once a slide: what is drawn
/// and what `HandoutFit` measures at each size it tries are the same rows.
struct HandoutChart: Equatable {
    /// One line of the chart, in order.
    enum Row: Equatable {
        case category(String)
        /// `series`: the name beside the bar (nil for a chart of one series); `percent`: its width on the scale.
        case bar(series: String?, pattern: Int, percent: Double, value: String)
        case missing(series: String?)
        case legend(String, pattern: Int?)
    }

    /// How many patterns there are; a sixth series repeats the first (its name beside each bar still tells it).
    static let patternCount = 5

    let rows: [Row]
    /// The widest series name (0 for a chart of one series) and value, in characters: the columns every bar
    /// row of the chart shares.
    let nameWidth: Int
    let valueWidth: Int

    init(_ figure: Figure) {
        rows = Self.rows(figure)
        nameWidth = figure.series.count > 1 ? (figure.series.map(\.name.count).max() ?? 1) : 0
        valueWidth = rows.compactMap { row -> Int? in if case .bar(_, _, _, let value) = row { value.count } else { nil } }.max() ?? 1
    }

    private static func rows(_ figure: Figure) -> [Row] {
        let scale = FigureChart.scaleMaximum(figure)
        let grouped = figure.series.count > 1
        var rows: [Row] = []
        for (category, name) in figure.categories.enumerated() {
            rows.append(.category(name))
            for (index, series) in figure.series.enumerated() {
                let label = grouped ? series.name : nil
                guard let printed = series.values[category], let value = series.number(at: category) else {
                    rows.append(.missing(series: label))
                    continue
                }
                let percent = (max(0, min(1, value / scale)) * 1000).rounded() / 10
                rows.append(.bar(series: label, pattern: index % patternCount, percent: percent, value: FigureChart.valueText(printed, unit: figure.unit)))
            }
        }
        for (index, series) in figure.series.enumerated() {
            if let label = series.label { rows.append(.legend(grouped ? "\(series.name): \(label)" : label, pattern: index % patternCount)) }
        }
        if let missing = FigureChart.missingLegend(figure, ascii: false) { rows.append(.legend(missing, pattern: nil)) }
        rows.append(.legend("Schaal: \(FigureChart.scaleRange(figure))", pattern: nil))
        return rows
    }

    /// The chart as HTML. The name and value columns are as wide as the widest of the figure, so every bar of
    /// the chart starts at one place and has one track: the same scale, and a bar never wraps under its value.
    var html: String {
        var lines = ["<div class=\"grafiek\" style=\"--naam: \(nameWidth)ch; --waarde: \(valueWidth + 1)ch\">"]
        var inLegend = false
        for row in rows {
            switch row {
            case .category(let name):
                lines.append("<p class=\"categorie\">\(Handout.escape(name))</p>")
            case .bar(let series, let pattern, let percent, let value):
                lines.append("<div class=\"staaf\">\(Self.seriesName(series))<span class=\"spoor\"><span class=\"balk patroon-\(pattern)\" "
                    + "style=\"width: \(percent)%\"></span></span>"
                    + "<span class=\"waarde\">\(Handout.escape(value))</span></div>")
            case .missing(let series):
                lines.append("<div class=\"staaf\">\(Self.seriesName(series))<span class=\"geen\">\(FigureChart.missingMark(false)) geen cijfer</span></div>")
            case .legend(let text, let pattern):
                if !inLegend {
                    lines.append("<ul class=\"legenda\">")
                    inLegend = true
                }
                let swatch = pattern.map { "<span class=\"staal patroon-\($0)\" aria-hidden=\"true\"></span> " } ?? ""
                lines.append("<li>\(swatch)\(Handout.escape(text))</li>")
            }
        }
        if inLegend { lines.append("</ul>") }
        lines.append("</div>")
        return lines.joined(separator: "\n")
    }

    /// The series' name before a bar; empty in a chart of one series, so every row has the same three columns.
    private static func seriesName(_ name: String?) -> String {
        "<span class=\"reeks\">\(Handout.escape(name ?? ""))</span>"
    }
}
