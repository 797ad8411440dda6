import Foundation

/// Everything the secretaries recorded, as loaded from the review database.
public struct ReviewSnapshot: Sendable, Equatable {
    public var statuses: [String: StatusRecord]
    public var notes: [Note]
    public var decisions: [Decision]
    public var actions: [ActionItem]
    /// Every change ever made, oldest first.
    public var history: [HistoryEntry]

    public init(statuses: [String: StatusRecord] = [:], notes: [Note] = [], decisions: [Decision] = [], actions: [ActionItem] = [],
                history: [HistoryEntry] = []) {
        self.statuses = statuses
        self.notes = notes
        self.decisions = decisions
        self.actions = actions
        self.history = history
    }

    public static let empty = ReviewSnapshot()

    public func status(of itemId: String) -> ReviewStatus { statuses[itemId]?.status ?? .open }
    /// The version of the item's status the screen shows (0: never set).
    public func statusVersion(of itemId: String) -> Int { statuses[itemId]?.version ?? 0 }
    /// The changes to the status and notes of a goal item, or to the decisions and actions of a meeting, oldest first.
    public func history(of subjectId: String) -> [HistoryEntry] { history.filter { $0.subjectId == subjectId } }
    public func notes(on subjectId: String) -> [Note] { notes.filter { $0.subjectId == subjectId } }
    public func decisions(at activityId: String) -> [Decision] { decisions.filter { $0.activityId == activityId } }
    public func actions(at activityId: String) -> [ActionItem] { actions.filter { $0.activityId == activityId } }
    public func actions(servingItem id: String) -> [ActionItem] { actions.filter { $0.linkedId == id } }

    /// Review data whose item, goal or activity id no longer exists in the dataset (kept, never deleted).
    public func orphanedIds(in dataset: Dataset) -> Set<String> {
        let known = dataset.reviewableIds
        let used = Set(statuses.keys).union(notes.map(\.subjectId))
            .union(decisions.map(\.activityId)).union(actions.map(\.activityId))
            .union(actions.compactMap(\.linkedId))
        return used.subtracting(known)
    }
}
