import Foundation

/// How far the secretary has checked an item against its evidence.
public enum ReviewStatus: String, CaseIterable, Sendable, Codable {
    case open
    case inProgress = "in-behandeling"
    case shown = "aangetoond"
    case notShown = "niet-aangetoond"

    /// The Dutch label used everywhere: screens, exports, help.
    public var label: String {
        switch self {
        case .open: "open"
        case .inProgress: "in behandeling"
        case .shown: "aangetoond"
        case .notShown: "niet aangetoond"
        }
    }

    /// The next status when the secretary presses `s`: open → in behandeling → aangetoond → niet aangetoond → open.
    public var next: ReviewStatus {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension GoalColumn {
    /// Indicators, evidence and results carry a review status; winst-risico does not.
    public var isReviewable: Bool { self != .winstRisico }
}

/// A dated, signed note on a goal item (by its stable id).
public struct Note: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let subjectId: String
    public var text: String
    public let author: String
    public let createdAt: Date
    public var updatedAt: Date?

    public init(id: Int64, subjectId: String, text: String, author: String, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.subjectId = subjectId
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A decision taken at a meeting of the cycle (by its activity id).
public struct Decision: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let activityId: String
    public var text: String
    public let author: String
    public let createdAt: Date

    public init(id: Int64, activityId: String, text: String, author: String, createdAt: Date) {
        self.id = id
        self.activityId = activityId
        self.text = text
        self.author = author
        self.createdAt = createdAt
    }
}

/// An action agreed at a meeting, with an owner and a due date, optionally serving a goal or goal item.
public struct ActionItem: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let activityId: String
    public var text: String
    public var owner: String
    /// Day the action is due, `yyyy-MM-dd`.
    public var dueDate: String?
    public var isDone: Bool
    /// Id of the goal (`doel-3`) or goal item (`d3-bw-1`) the action serves.
    public var linkedId: String?
    public let author: String
    public let createdAt: Date

    public init(id: Int64, activityId: String, text: String, owner: String, dueDate: String?, isDone: Bool,
                linkedId: String?, author: String, createdAt: Date) {
        self.id = id
        self.activityId = activityId
        self.text = text
        self.owner = owner
        self.dueDate = dueDate
        self.isDone = isDone
        self.linkedId = linkedId
        self.author = author
        self.createdAt = createdAt
    }

    /// Open and due before `today` (`yyyy-MM-dd`).
    public func isPastDue(today: String) -> Bool {
        guard !isDone, let dueDate else { return false }
        return dueDate < today
    }
}

/// Everything the secretaries recorded, as loaded from the review database.
public struct ReviewSnapshot: Sendable, Equatable {
    public var statuses: [String: ReviewStatus]
    public var notes: [Note]
    public var decisions: [Decision]
    public var actions: [ActionItem]

    public init(statuses: [String: ReviewStatus] = [:], notes: [Note] = [], decisions: [Decision] = [], actions: [ActionItem] = []) {
        self.statuses = statuses
        self.notes = notes
        self.decisions = decisions
        self.actions = actions
    }

    public static let empty = ReviewSnapshot()

    public func status(of itemId: String) -> ReviewStatus { statuses[itemId] ?? .open }
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

extension Dataset {
    /// Every id review data may refer to: goals, goal items and activities.
    public var reviewableIds: Set<String> {
        var ids = Set(pilotGoals.map(\.id))
        for goal in pilotGoals {
            for column in GoalColumn.allCases { ids.formUnion(goal.items(in: column).map(\.id)) }
        }
        ids.formUnion(cycle.months.flatMap { $0.activities.map(\.id) })
        return ids
    }

    /// The goal item with this id and where it is.
    public func goalItem(id: String) -> (goal: Int, column: GoalColumn, item: Int)? {
        for (goalIndex, goal) in pilotGoals.enumerated() {
            for column in GoalColumn.allCases {
                if let index = goal.items(in: column).firstIndex(where: { $0.id == id }) { return (goalIndex, column, index) }
            }
        }
        return nil
    }

    /// The activity with this id and where it is in the cycle.
    public func activity(id: String) -> (month: Int, index: Int)? {
        for (monthIndex, month) in cycle.months.enumerated() {
            if let index = month.activities.firstIndex(where: { $0.id == id }) { return (monthIndex, index) }
        }
        return nil
    }
}

/// One change to the review data. Applying an edit returns the edit that undoes it.
public enum ReviewEdit: Sendable, Equatable {
    case setStatus(itemId: String, status: ReviewStatus?)
    case addNote(subjectId: String, text: String)
    case updateNote(id: Int64, text: String)
    case deleteNote(id: Int64)
    case restoreNote(Note)
    case addDecision(activityId: String, text: String)
    case updateDecision(id: Int64, text: String)
    case deleteDecision(id: Int64)
    case restoreDecision(Decision)
    case addAction(ActionItem)
    case updateAction(ActionItem)
    case deleteAction(id: Int64)
    case restoreAction(ActionItem)
}

/// Where review data lives. Every `apply` is committed before it returns.
public protocol ReviewRepository: Sendable {
    func load() throws -> ReviewSnapshot
    /// Applies the edit as `author` at `now`; returns its inverse, for undo.
    func apply(_ edit: ReviewEdit, author: String, now: Date) throws -> ReviewEdit
    /// True when another process changed the data since the last load.
    func hasChangedSinceLoad() -> Bool
}

extension Activity.Kind {
    /// Meetings can carry decisions and action items; a pamphlet, invitation or recess cannot.
    public var isMeeting: Bool {
        switch self {
        case .htnoMiddag, .sacVergadering, .sectortafel: true
        case .pamflet, .uitnodiging, .reces: false
        }
    }
}

/// Dates as the Dutch secretaries write them, in Dutch time whatever time zone the server runs in.
public enum DutchDate {
    public static let timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current

    /// "25-11-2026 06:40".
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
