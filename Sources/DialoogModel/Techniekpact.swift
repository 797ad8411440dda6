/// A landsdeel (region) of the Techniekpact.
public struct Landsdeel: Sendable, Equatable, Decodable {
    public let id: String
    public let name: String
}

/// One of the twelve Techniekpact goals.
public struct TechniekpactGoal: Sendable, Equatable, Decodable {
    public let number: Int
    public let actielijn: String
    public let title: String
}

/// A box of regional interventions (Box 2.1, 2.3, 2.5 of the SEO evaluation).
public struct CaseBox: Sendable, Equatable, Decodable {
    public let id: String
    public let title: String
    public let goals: [Int]
    /// Landsdelen the box has no section for: their cells are "not in the source", not empty.
    public let notInBox: [String]
    public let cells: [CaseCell]
}

/// The cases of one landsdeel for one goal.
public struct CaseCell: Sendable, Equatable, Decodable {
    public let landsdeel: String
    public let goal: Int
    public let cases: [String]
    /// The source says "Geen cases beschikbaar" for this cell.
    public let noCasesAvailable: Bool

    enum CodingKeys: String, CodingKey { case landsdeel, goal, cases, noCasesAvailable }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        landsdeel = try container.decode(String.self, forKey: .landsdeel)
        goal = try container.decode(Int.self, forKey: .goal)
        cases = try container.decodeIfPresent([String].self, forKey: .cases) ?? []
        noCasesAvailable = try container.decodeIfPresent(Bool.self, forKey: .noCasesAvailable) ?? false
    }
}

/// What the source says for one landsdeel x goal combination.
public enum CellContent: Sendable, Equatable {
    case cases([String])
    /// "Geen cases beschikbaar".
    case noCasesAvailable
    /// The box has no section for this landsdeel.
    case notInSource

    public var caseCount: Int {
        if case .cases(let names) = self { names.count } else { 0 }
    }
}

/// The Techniekpact part of the data: regions, goals and the regional cases.
public struct Techniekpact: Sendable, Equatable, Decodable {
    public let landsdelen: [Landsdeel]
    public let goals: [TechniekpactGoal]
    public let boxes: [CaseBox]

    public func box(forGoal goal: Int) -> CaseBox? {
        boxes.first { $0.goals.contains(goal) }
    }

    public func content(landsdeel: String, goal: Int) -> CellContent {
        guard let box = box(forGoal: goal),
              let cell = box.cells.first(where: { $0.landsdeel == landsdeel && $0.goal == goal })
        else { return .notInSource }
        return cell.noCasesAvailable ? .noCasesAvailable : .cases(cell.cases)
    }

    public func goal(number: Int) -> TechniekpactGoal? {
        goals.first { $0.number == number }
    }

    public var caseCount: Int {
        boxes.reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.cases.count } }
    }
}
