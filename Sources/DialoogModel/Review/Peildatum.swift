import Foundation

/// The table judged at a moment: every reviewable item's status as it stood when the secretariat recorded
/// the peildatum ("december 2024"). What moved between two peildata is what the jaarverslag reports.
public struct Peildatum: Sendable, Equatable, Identifiable, Codable {
    public let id: Int64
    /// As the jaarverslag names it: "december 2024".
    public let label: String
    public let takenAt: Date
    public let author: String
    /// Every reviewable item's status at that moment (open ones too), by item id.
    public let statuses: [String: ReviewStatus]

    public init(id: Int64 = 0, label: String, takenAt: Date, author: String, statuses: [String: ReviewStatus]) {
        self.id = id
        self.label = label
        self.takenAt = takenAt
        self.author = author
        self.statuses = statuses
    }

    public func status(of itemId: String) -> ReviewStatus { statuses[itemId] ?? .open }
}

/// What moved between two moments of the table, per goal: an item whose status differs, from what to what.
public struct PeildatumComparison: Sendable {
    public struct Move: Sendable, Equatable {
        public let goal: Int
        public let column: GoalColumn
        public let item: Int
        public let from: ReviewStatus
        public let to: ReviewStatus
    }

    public let moves: [Move]

    /// `before` and `after` give an item's status at each moment (a peildatum, or the review now).
    public init(dataset: Dataset, before: (String) -> ReviewStatus, after: (String) -> ReviewStatus) {
        moves = dataset.pilotGoals.enumerated().flatMap { goalIndex, goal in
            GoalColumn.allCases.filter(\.isReviewable).flatMap { column in
                goal.items(in: column).enumerated().compactMap { index, item -> Move? in
                    guard !item.isMitigation, before(item.id) != after(item.id) else { return nil }
                    return Move(goal: goalIndex, column: column, item: index, from: before(item.id), to: after(item.id))
                }
            }
        }
    }
}

extension ReviewSnapshot {
    /// The ids of every item that has a status (indicatoren, bewijs, resultaten; no mitigations).
    public func currentItems(in dataset: Dataset) -> [String] {
        dataset.pilotGoals.flatMap { goal in
            GoalColumn.allCases.filter(\.isReviewable).flatMap { goal.items(in: $0).filter { !$0.isMitigation }.map(\.id) }
        }
    }
}

extension ReviewSnapshot {
    /// The review as it stood at a peildatum: its statuses, and everything else as now (the counts of then).
    public func judged(at peildatum: Peildatum) -> ReviewSnapshot {
        var then = self
        then.statuses = peildatum.statuses.reduce(into: [:]) { statuses, entry in
            statuses[entry.key] = StatusRecord(itemId: entry.key, status: entry.value, version: 0, updatedBy: peildatum.author,
                                               updatedAt: peildatum.takenAt)
        }
        return then
    }
}
