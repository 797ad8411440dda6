import Foundation

/// A table of figures from a source, as series over categories (sectors, years): what the charts draw.
/// Values are kept as printed ("51,5", ">80", "Ruim 70"); a missing value is nil, never 0.
public struct Figure: Sendable, Equatable, Decodable {
    public let id: String
    /// The caption or heading as printed ("Tabel 1: Oordelen over voorbereiding op de arbeidsmarkt").
    public let caption: String
    /// Document and place.
    public let source: String
    public let unit: String
    public let categories: [String]
    public let series: [Series]
    /// What the source says about missing values ("x= niet beschikbaar."), if anything.
    public let missing: String?
    public let notes: [String]
    /// The sentences of the source around the figure.
    public let text: String?

    public struct Series: Sendable, Equatable, Decodable {
        /// Short name, shown beside each bar ("A", "HBO").
        public let name: String
        /// What the series measures, for the legend; nil when the name says it.
        public let label: String?
        /// As printed; nil where the source has no figure.
        public let values: [String?]

        /// The number in a printed value: "51,5" → 51.5, ">80" → 80, "Ruim 70" → 70.
        public func number(at index: Int) -> Double? {
            values[index].flatMap(Figure.number)
        }
    }

    enum CodingKeys: String, CodingKey { case id, caption, source, unit, categories, series, missing, notes, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        caption = try container.decode(String.self, forKey: .caption)
        source = try container.decode(String.self, forKey: .source)
        unit = try container.decode(String.self, forKey: .unit)
        categories = try container.decode([String].self, forKey: .categories)
        series = try container.decode([Series].self, forKey: .series)
        missing = try container.decodeIfPresent(String.self, forKey: .missing)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        text = try container.decodeIfPresent(String.self, forKey: .text)
    }

    /// The number in a printed value, or nil when there is none: "51,5" → 51.5, "1.337" → 1337 (a dot
    /// before three digits groups thousands), "0.5" → 0.5, "-3" and "−2,5" are negative.
    static func number(_ printed: String) -> Double? {
        guard let start = printed.firstIndex(where: \.isNumber) else { return nil }
        let digits = String(printed[start...].prefix { $0.isNumber || $0 == "," || $0 == "." })
        let sign: Double = start > printed.startIndex && "-−".contains(printed[printed.index(before: start)]) ? -1 : 1
        let thousands = digits.contains(",") || digits.components(separatedBy: ".").dropFirst().allSatisfy { $0.count == 3 }
        let normal = thousands ? digits.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") : digits
        return Double(normal).map { $0 * sign }
    }

    /// The largest value of all series (0 when there is none).
    public var largestValue: Double {
        series.flatMap { series in series.values.indices.compactMap(series.number) }.max() ?? 0
    }
}

struct FiguresFile: Decodable, Sendable {
    let figures: [Figure]
}

/// A table of text from a source (programmes, activities), rows and columns as printed; "" is an empty cell.
public struct SourceTable: Sendable, Equatable, Decodable {
    public let id: String
    public let caption: String
    /// Where in the source ("2.1.3 Interventies").
    public let place: String
    public let columns: [String]
    public let rows: [Row]
    public let notes: [String]

    public struct Row: Sendable, Equatable, Decodable {
        public let cells: [String]
    }
}

struct SourceTableFile: Decodable, Sendable {
    let source: String
    let table: SourceTable
}
