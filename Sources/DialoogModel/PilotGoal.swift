/// One of the six goals of the permanent-dialogue pilot (Bijlage 1 of the 2023 annual report).
public struct PilotGoal: Sendable, Equatable, Decodable {
    public let number: Int
    public let id: String
    /// The matching uitgangspunt (principle) of the pilot, same number as the goal.
    public let uitgangspunt: String
    public let title: String
    public let winstRisico: WinstRisico
    public let indicatoren: [GoalItem]
    public let bewijs: [GoalItem]
    public let resultaten: [GoalItem]

    /// The items of one column, in table order. For winst-risico the `=>` mitigations come last.
    public func items(in column: GoalColumn) -> [GoalItem] {
        switch column {
        case .winstRisico: winstRisico.items + winstRisico.mitigations.map { $0.asMitigation() }
        case .indicatoren: indicatoren
        case .bewijs: bewijs
        case .resultaten: resultaten
        }
    }
}

/// The winst-risico cell: gain and risk statements, with the `=>` mitigations kept apart.
public struct WinstRisico: Sendable, Equatable, Decodable {
    public let items: [GoalItem]
    public let mitigations: [GoalItem]
}

/// One item of a cell of the goal table.
public struct GoalItem: Sendable, Equatable, Decodable {
    /// Stable id that review data refers to; survives corrections of the text.
    public let id: String
    /// As the source has it, or its last accepted new wording (`Dataset.table`).
    public internal(set) var text: String
    public let subitems: [String]
    /// True for a `=>` mitigation in the winst-risico column.
    public internal(set) var isMitigation: Bool
    /// The secretariat's change on this item: the addition that made it, a new wording still proposed, or
    /// the last one accepted; nil for a source item as the source has it.
    public internal(set) var change: TableChange?

    public init(id: String, text: String, subitems: [String] = [], isMitigation: Bool = false, change: TableChange? = nil) {
        self.id = id
        self.text = text
        self.subitems = subitems
        self.isMitigation = isMitigation
        self.change = change
    }

    enum CodingKeys: String, CodingKey { case id, text, subitems }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        subitems = try container.decodeIfPresent([String].self, forKey: .subitems) ?? []
        isMitigation = false
    }

    func asMitigation() -> GoalItem {
        var mitigation = self
        mitigation.isMitigation = true
        return mitigation
    }
}

/// The four columns of the goal table, in the order of Bijlage 1.
public enum GoalColumn: Int, CaseIterable, Sendable {
    case winstRisico, indicatoren, bewijs, resultaten

    public var title: String {
        switch self {
        case .winstRisico: "Winst-risico"
        case .indicatoren: "Indicatoren"
        case .bewijs: "Bewijs"
        case .resultaten: "Resultaten"
        }
    }

    /// The column heading as the source table gives it.
    public var sourceTitle: String {
        self == .resultaten ? "Voorbeelden resultaten" : title
    }
}
