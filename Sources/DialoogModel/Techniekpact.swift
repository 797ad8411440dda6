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
    public let cases: CaseNames
    /// The source says "Geen cases beschikbaar" for this cell.
    public let noCasesAvailable: Bool

    enum CodingKeys: String, CodingKey { case landsdeel, goal, cases, noCasesAvailable }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        landsdeel = try container.decode(String.self, forKey: .landsdeel)
        goal = try container.decode(Int.self, forKey: .goal)
        cases = try container.decodeIfPresent(CaseNames.self, forKey: .cases) ?? CaseNames()
        noCasesAvailable = try container.decodeIfPresent(Bool.self, forKey: .noCasesAvailable) ?? false
    }
}

/// The names of a cell's cases, packed: the UTF-8 of all of them in one buffer with where each ends. A
/// large set has millions of cases; as Swift strings each cost a heap object of its own (about twice the
/// text). A name is made into a String when it is read. Two are equal when their bytes are.
public struct CaseNames: RandomAccessCollection, Sendable, Equatable, Decodable, ExpressibleByArrayLiteral {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    public init() {}

    public init(_ names: some Sequence<String>) {
        for name in names { append(name) }
    }

    public init(arrayLiteral names: String...) { self.init(names) }

    /// Packs the names as they are read, one by one: the list of them as strings never exists.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let name = try container.decode(String.self)
            guard bytes.count + name.utf8.count <= UInt32.max else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "meer dan 4 GB aan namen in één cel")
            }
            append(name)
        }
    }

    private mutating func append(_ name: String) {
        bytes.append(contentsOf: name.utf8)
        ends.append(UInt32(bytes.count))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> String {
        String(decoding: utf8(at: position), as: UTF8.self)
    }

    /// The UTF-8 of one name, where it is kept: for checks that need no String.
    public func utf8(at position: Int) -> ArraySlice<UInt8> {
        bytes[(position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])]
    }

    /// Whether `name` is one of the names, compared byte by byte without making each name a String.
    public func contains(name: String) -> Bool {
        let wanted = Array(name.utf8)
        return indices.contains { utf8(at: $0).elementsEqual(wanted) }
    }
}

/// What the source says for one landsdeel x goal combination.
public enum CellContent: Sendable, Equatable {
    case cases(CaseNames)
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

    /// The cases of one goal over all landsdelen: a column's total in the matrix.
    public func caseCount(goal: Int) -> Int {
        landsdelen.reduce(0) { $0 + content(landsdeel: $1.id, goal: goal).caseCount }
    }
}
