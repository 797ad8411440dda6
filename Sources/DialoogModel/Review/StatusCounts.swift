import Foundation

/// Counts of the review statuses of one goal's reviewable items (or of all goals).
public struct StatusCounts: Sendable, Equatable {
    private var counts: [ReviewStatus: Int] = [:]

    public init(_ goals: [PilotGoal], review: ReviewSnapshot) {
        for goal in goals {
            for column in GoalColumn.allCases where column.isReviewable {
                for item in goal.items(in: column) { counts[review.status(of: item.id), default: 0] += 1 }
            }
        }
    }

    public subscript(status: ReviewStatus) -> Int { counts[status] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// The order the jaarverslag reports them in.
    public static let reportOrder: [ReviewStatus] = [.shown, .inProgress, .open, .notShown]

    /// "2 aangetoond, 1 in behandeling, 9 open, 0 niet aangetoond".
    public var sentence: String { Self.reportOrder.map { "\(self[$0]) \($0.label)" }.joined(separator: ", ") }
}
