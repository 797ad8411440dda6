import DialoogModel
import Foundation

/// A figure as horizontal bars, line by line: bars in eighths of a cell (`▏` … `█`, or `#` per cell in
/// ASCII) on one scale, each with its value as printed and the series name beside it, so shape and
/// label carry the meaning and colour only helps; a missing value gets a mark and never a bar. Then the
/// legend and the scale. The screens, the slides and the text export all draw these lines.
public enum FigureChart {
    public enum Part: Equatable, Sendable {
        case label
        case bar(series: Int)
        case missing
        case legend
    }

    public struct Segment: Equatable, Sendable {
        public let text: String
        public let part: Part
    }

    public typealias Line = [Segment]

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Labels are never cut: a category name longer than a third of the width goes on lines of its own above
    /// its bar (for every category of the chart, so the bars keep one column), broken between words.
    public static func lines(_ figure: Figure, width: Int, ascii: Bool) -> [Line] {
        let scale = scaleMaximum(figure)
        let grouped = figure.series.count > 1
        let longestName = figure.categories.map(\.count).max() ?? 0
        let namesAbove = grouped || longestName > max(8, width / 3)
        let nameWidth = grouped ? (figure.series.map { $0.name.count }.max() ?? 0) + 2 : namesAbove ? 2 : longestName
        let valueWidth = figure.series.flatMap { $0.values.compactMap { $0.map { valueText($0, unit: figure.unit).count } } }.max() ?? 1
        let cells = max(1, width - nameWidth - valueWidth - 2)
        var lines: [Line] = []
        for (category, name) in figure.categories.enumerated() {
            if namesAbove { lines += wrapped(name, width: width).map { [Segment(text: $0, part: .label)] } }
            for (index, series) in figure.series.enumerated() {
                let label = grouped ? "  " + series.name : namesAbove ? "" : name
                let prefix = Segment(text: pad(label, nameWidth) + " ", part: .label)
                guard let printed = series.values[category], let value = series.number(at: category) else {
                    lines.append([prefix, Segment(text: missingMark(ascii) + " geen cijfer", part: .missing)])
                    continue
                }
                let bar = self.bar(value, scale: scale, cells: cells, ascii: ascii)
                lines.append([prefix, Segment(text: bar + " " + valueText(printed, unit: figure.unit), part: .bar(series: index))])
            }
        }
        lines.append([])
        for series in figure.series {
            if let label = series.label { lines.append([Segment(text: grouped ? "\(series.name): \(label)" : label, part: .legend)]) }
        }
        if let missing = missingLegend(figure, ascii: ascii) { lines.append([Segment(text: missing, part: .legend)]) }
        let unit = scaleUnit(figure)
        let perCell = Self.printed(scale / Double(cells))
        lines.append([Segment(text: "Schaal: \(scaleRange(figure)) over \(cells) tekens; " + (ascii ? "# = \(perCell)\(unit)" : "█ = \(perCell)\(unit), ▏ = een achtste"),
                              part: .legend)])
        return lines
    }

    /// What the missing mark means, with the source's own words on it; nil when no value is missing.
    public static func missingLegend(_ figure: Figure, ascii: Bool) -> String? {
        guard figure.series.contains(where: { $0.values.contains(nil) }) else { return nil }
        return missingMark(ascii) + " geen cijfer" + (figure.missing.map { "; in de bron: \($0)" } ?? "")
    }

    /// The scale's range as written under a chart: "0 tot 100%", "0 tot 50" (a count names its unit in the categories).
    public static func scaleRange(_ figure: Figure) -> String {
        "0 tot \(printed(scaleMaximum(figure)))\(scaleUnit(figure))"
    }

    private static func scaleUnit(_ figure: Figure) -> String {
        figure.unit == "%" ? "%" : figure.unit == countUnit ? "" : " \(figure.unit)"
    }

    /// Drawn where a value is missing, instead of a bar.
    public static func missingMark(_ ascii: Bool) -> String { ascii ? "--" : "—" }

    /// The top of the scale: 100 for percentages, else the largest value rounded up to 1, 2 or 5 × 10ⁿ.
    public static func scaleMaximum(_ figure: Figure) -> Double {
        let largest = figure.largestValue
        if figure.unit == "%" && largest <= 100 { return 100 }
        guard largest > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(largest)))
        return [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= largest } ?? largest
    }

    /// `value` on a bar of `cells` cells for the whole scale: whole blocks and an eighth-block rest.
    public static func bar(_ value: Double, scale: Double, cells: Int, ascii: Bool) -> String {
        let fraction = max(0, min(1, value / scale))
        if ascii { return String(repeating: "#", count: Int((fraction * Double(cells)).rounded())) }
        let eighths = Int((fraction * Double(cells) * 8).rounded())
        return String(repeating: "█", count: eighths / 8) + Self.eighths[eighths % 8]
    }

    /// "69%", "51,5%", ">80%", "Ruim 70%", "12 scholen"; a value printed with its unit ("54%") keeps it once,
    /// and a plain count (unit "aantal") says its unit on the scale only.
    public static func valueText(_ printed: String, unit: String) -> String {
        if printed.hasSuffix(unit) || unit == Self.countUnit { return printed }
        return unit == "%" ? printed + "%" : printed + " " + unit
    }

    /// The unit of figures that count different things (scholen, bedrijven): named by their categories.
    static let countUnit = "aantal"

    /// A number as the Dutch write it: "2,5", "100".
    public static func printed(_ number: Double) -> String {
        let rounded = (number * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }

    /// Words on lines of at most `width` characters (a longer word on a line of its own).
    private static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= max(1, width) {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
