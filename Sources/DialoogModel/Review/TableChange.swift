import Foundation

/// A change the secretariat proposes to the goal table: a new item in a column of a goal (a result, bewijs,
/// indicator, winst-risico or `=>` mitigation), or a new wording of an existing item (from the source or
/// added). It stays a tracked change until someone accepts or rejects it. The source text is never
/// overwritten: the table at a moment is the source plus the changes accepted by then (`Dataset.table`).
public struct TableChange: Sendable, Equatable, Identifiable, Codable {
    public enum Kind: String, Sendable, Codable {
        case addition = "toevoeging"
        case rewording = "herformulering"
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case proposed = "voorgesteld"
        case accepted = "aanvaard"
        case rejected = "verworpen"
    }

    public let id: Int64
    public var kind: Kind
    /// The goal ("doel-3") whose column changes.
    public var goalId: String
    public var column: GoalColumn
    /// An added winst-risico item that is a `=>` mitigation.
    public var isMitigation: Bool
    /// The item a rewording is for; nil for an addition.
    public var itemId: String?
    /// The new item's text, or the new wording.
    public var text: String
    public var state: State
    /// Who accepted or rejected it, and when; nil while proposed.
    public var decidedBy: String?
    public var decidedAt: Date?
    public var author: String
    public var createdAt: Date
    public var updatedAt: Date?
    public var updatedBy: String?
    public var version: Int

    public init(id: Int64 = 0, kind: Kind, goalId: String, column: GoalColumn, isMitigation: Bool = false, itemId: String? = nil,
                text: String, state: State = .proposed, decidedBy: String? = nil, decidedAt: Date? = nil, author: String = "",
                createdAt: Date = Date(), updatedAt: Date? = nil, updatedBy: String? = nil, version: Int = 1) {
        self.id = id
        self.kind = kind
        self.goalId = goalId
        self.column = column
        self.isMitigation = isMitigation
        self.itemId = itemId
        self.text = text
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }

    /// The id of the item an addition makes: statuses and notes hang on it as on a source item.
    public static func addedItemId(_ id: Int64) -> String { "nieuw-\(id)" }

    /// The item the change is about: the reworded item, or the added one.
    public var subjectId: String { itemId ?? Self.addedItemId(id) }

    /// Whether the change is part of the table at `moment` (nil: now).
    public func isAccepted(by moment: Date?) -> Bool {
        guard state == .accepted, let decidedAt else { return false }
        return moment.map { decidedAt <= $0 } ?? true
    }

    /// Where the change is, as people name it: "Doel 3 · Bewijs" for a new item, "Doel 3 · Bewijs 4" for a new wording.
    public func place(in dataset: Dataset) -> String {
        if let itemId, let name = dataset.reviewTargetName(itemId) { return name }
        let number = dataset.pilotGoals.first { $0.id == goalId }?.number
        return "Doel \(number.map(String.init) ?? goalId) · \(isMitigation ? "Mitigatie" : column.title)"
    }

    /// "toegevoegd door anna op 07-12-2026 14:03" or "herformulering door anna …", then who decided.
    public var credit: String {
        let made = "\(kind == .addition ? "toegevoegd" : "nieuwe formulering") door \(author) op \(DutchDate.timestamp(createdAt))"
        guard state != .proposed, let decidedBy, let decidedAt else { return made + ", voorgesteld" }
        return made + ", \(state.rawValue) door \(decidedBy) op \(DutchDate.timestamp(decidedAt))"
    }
}

extension GoalColumn {
    /// How the review database and exports name the column.
    public var slug: String {
        switch self {
        case .winstRisico: "winst-risico"
        case .indicatoren: "indicatoren"
        case .bewijs: "bewijs"
        case .resultaten: "resultaten"
        }
    }

    public init?(slug: String) {
        guard let column = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = column
    }
}

extension GoalColumn: Codable {
    public init(from decoder: any Decoder) throws {
        let slug = try decoder.singleValueContainer().decode(String.self)
        guard let column = GoalColumn(slug: slug) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "onbekende kolom '\(slug)'"))
        }
        self = column
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(slug)
    }
}

extension Dataset {
    /// The goal table at `moment` (nil: now): the source with every change accepted by then; new wordings
    /// replace the text shown, additions come last in their column. With `proposals`, changes still
    /// proposed are there too, marked on their item (`GoalItem.change`) so a screen shows them tracked.
    public func table(with changes: [TableChange], at moment: Date? = nil, proposals: Bool = false) -> Dataset {
        let relevant = changes.filter { $0.isAccepted(by: moment) || (proposals && $0.state == .proposed) }
        guard !relevant.isEmpty else { return self }
        var changed = self
        changed.pilotGoals = pilotGoals.map { goal in
            let own = relevant.filter { $0.goalId == goal.id }
            guard !own.isEmpty else { return goal }
            let items = { (column: GoalColumn, mitigations: Bool, source: [GoalItem]) -> [GoalItem] in
                let added = own.filter { $0.kind == .addition && $0.column == column && $0.isMitigation == mitigations }
                    .map { GoalItem(id: $0.subjectId, text: $0.text, isMitigation: mitigations, change: $0) }
                return (source + added).map { $0.reworded(by: own) }
            }
            return PilotGoal(number: goal.number, id: goal.id, uitgangspunt: goal.uitgangspunt, title: goal.title,
                             winstRisico: WinstRisico(items: items(.winstRisico, false, goal.winstRisico.items),
                                                      mitigations: items(.winstRisico, true, goal.winstRisico.mitigations)),
                             indicatoren: items(.indicatoren, false, goal.indicatoren), bewijs: items(.bewijs, false, goal.bewijs),
                             resultaten: items(.resultaten, false, goal.resultaten))
        }
        return changed
    }
}

extension GoalItem {
    /// The item with its last accepted wording, and a proposal still open on it (which the item then shows).
    fileprivate func reworded(by changes: [TableChange]) -> GoalItem {
        let wordings = changes.filter { $0.kind == .rewording && $0.itemId == id }
        var item = self
        if let accepted = wordings.filter({ $0.state == .accepted }).max(by: { ($0.decidedAt ?? .distantPast) < ($1.decidedAt ?? .distantPast) }) {
            item.text = accepted.text
            item.change = accepted
        }
        if let proposal = wordings.last(where: { $0.state == .proposed }) { item.change = proposal }
        return item
    }

    /// The text as a tracked change: a proposed new wording with the words struck and added
    /// (`[-oud-]{+nieuw+}`, as wdiff writes it), a proposed addition whole between `{+ +}`; otherwise the text.
    public var trackedText: String {
        guard let change, change.state == .proposed else { return text }
        return change.kind == .addition ? "{+\(text)+}" : WordDiff.marked(from: text, to: change.text)
    }
}

/// Which words a new wording strikes and adds, shown the way wdiff does: `[-struck-]{+added+}`. Plain
/// characters, so the change reads the same on any terminal, in a screen reader and on braille.
public enum WordDiff {
    public static func marked(from old: String, to new: String) -> String {
        let before = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let after = new.split(whereSeparator: \.isWhitespace).map(String.init)
        // Longest common subsequence of words, table from the end.
        var common = Array(repeating: Array(repeating: 0, count: after.count + 1), count: before.count + 1)
        for i in stride(from: before.count - 1, through: 0, by: -1) {
            for j in stride(from: after.count - 1, through: 0, by: -1) {
                common[i][j] = before[i] == after[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var parts: [String] = []
        var struck: [String] = [], added: [String] = []
        func flush() {
            if !struck.isEmpty { parts.append("[-\(struck.joined(separator: " "))-]") }
            if !added.isEmpty { parts.append("{+\(added.joined(separator: " "))+}") }
            (struck, added) = ([], [])
        }
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, before[i] == after[j] {
                flush()
                parts.append(before[i])
                (i, j) = (i + 1, j + 1)
            } else if j < after.count, i == before.count || common[i][j + 1] >= common[i + 1][j] {
                added.append(after[j])
                j += 1
            } else {
                struck.append(before[i])
                i += 1
            }
        }
        flush()
        return parts.joined(separator: " ")
    }
}
