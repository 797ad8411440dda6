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

/// The review status of one goal item as stored, with its version and who set it last.
public struct StatusRecord: Sendable, Equatable, Codable {
    public let itemId: String
    public var status: ReviewStatus
    /// Goes up by one with every change; 0 means the item never had a status stored.
    public var version: Int
    public var updatedBy: String
    public var updatedAt: Date

    public init(itemId: String, status: ReviewStatus, version: Int, updatedBy: String, updatedAt: Date) {
        self.itemId = itemId
        self.status = status
        self.version = version
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}

/// A dated, signed note on a goal item (by its stable id).
public struct Note: Sendable, Equatable, Identifiable, Codable {
    public let id: Int64
    public let subjectId: String
    public var text: String
    public let author: String
    public let createdAt: Date
    public var updatedAt: Date?
    /// Who changed the text last, when someone did.
    public var updatedBy: String?
    /// Goes up by one with every change, so a save can tell that someone else changed the note meanwhile.
    public var version: Int

    public init(id: Int64, subjectId: String, text: String, author: String, createdAt: Date, updatedAt: Date? = nil,
                updatedBy: String? = nil, version: Int = 1) {
        self.id = id
        self.subjectId = subjectId
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }
}

/// A decision taken at a meeting of the cycle (by its activity id).
public struct Decision: Sendable, Equatable, Identifiable, Codable {
    public let id: Int64
    public let activityId: String
    public var text: String
    public let author: String
    public let createdAt: Date
    public var updatedAt: Date?
    public var updatedBy: String?
    public var version: Int

    public init(id: Int64, activityId: String, text: String, author: String, createdAt: Date, updatedAt: Date? = nil,
                updatedBy: String? = nil, version: Int = 1) {
        self.id = id
        self.activityId = activityId
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }
}

/// An action agreed at a meeting, with an owner and a due date, optionally serving a goal or goal item.
public struct ActionItem: Sendable, Equatable, Identifiable, Codable {
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
    public var updatedAt: Date?
    public var updatedBy: String?
    /// The version this value was read at; an update starting from it is refused once the action changed.
    public var version: Int

    public init(id: Int64, activityId: String, text: String, owner: String, dueDate: String?, isDone: Bool,
                linkedId: String?, author: String, createdAt: Date, updatedAt: Date? = nil, updatedBy: String? = nil,
                version: Int = 1) {
        self.id = id
        self.activityId = activityId
        self.text = text
        self.owner = owner
        self.dueDate = dueDate
        self.isDone = isDone
        self.linkedId = linkedId
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }

    /// Open and due before `today` (`yyyy-MM-dd`).
    public func isPastDue(today: String) -> Bool {
        guard !isDone, let dueDate else { return false }
        return dueDate < today
    }

    /// The action in one line, as the history records it.
    public var summary: String {
        [text, owner, dueDate.map { "deadline \($0)" }, linkedId.map { "voor \($0)" }, isDone ? "afgerond" : nil]
            .compactMap { $0 }.joined(separator: " · ")
    }
}

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

    /// What an action serves, as people name it: "Doel 4" or "Doel 4 · Indicatoren 1"; nil for an unknown id.
    public func reviewTargetName(_ id: String) -> String? {
        if let goal = pilotGoals.first(where: { $0.id == id }) { return "Doel \(goal.number)" }
        guard let place = goalItem(id: id) else { return nil }
        return "Doel \(pilotGoals[place.goal].number) · \(place.column.title) \(place.item + 1)"
    }

    /// A meeting as people name it: "Sectortafel november 2023"; nil for an unknown id.
    public func meetingName(_ activityId: String) -> String? {
        guard let place = activity(id: activityId) else { return nil }
        return "\(cycle.months[place.month].activities[place.index].activity) \(DutchMonth.name(place.month + 1)) \(cycle.year)"
    }

    /// The activity with this id and where it is in the cycle.
    public func activity(id: String) -> (month: Int, index: Int)? {
        for (monthIndex, month) in cycle.months.enumerated() {
            if let index = month.activities.firstIndex(where: { $0.id == id }) { return (monthIndex, index) }
        }
        return nil
    }
}

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

/// One change to the review data. Applying an edit returns the edit that undoes it. Changes to an existing
/// record name the version they start from; when the record has moved on, nothing is written (`ReviewConflict`).
public enum ReviewEdit: Sendable, Equatable {
    /// `expectedVersion`: the status version the screen showed (0 when the item never had one).
    case setStatus(itemId: String, status: ReviewStatus, expectedVersion: Int)
    case addNote(subjectId: String, text: String)
    case updateNote(id: Int64, text: String, expectedVersion: Int)
    case deleteNote(id: Int64, expectedVersion: Int)
    case restoreNote(Note)
    case addDecision(activityId: String, text: String)
    case updateDecision(id: Int64, text: String, expectedVersion: Int)
    case deleteDecision(id: Int64, expectedVersion: Int)
    case restoreDecision(Decision)
    case addAction(ActionItem)
    /// The action's `version` is the version the change starts from.
    case updateAction(ActionItem)
    case deleteAction(id: Int64, expectedVersion: Int)
    case restoreAction(ActionItem)
}

extension ReviewEdit {
    /// The existing record the edit starts from ("note:12", "status:d1-in-1"); nil for an add.
    public var record: String? {
        switch self {
        case .setStatus(let itemId, _, _): "status:\(itemId)"
        case .updateNote(let id, _, _), .deleteNote(let id, _): "note:\(id)"
        case .restoreNote(let note): "note:\(note.id)"
        case .updateDecision(let id, _, _), .deleteDecision(let id, _): "decision:\(id)"
        case .restoreDecision(let decision): "decision:\(decision.id)"
        case .updateAction(let action), .restoreAction(let action): "action:\(action.id)"
        case .deleteAction(let id, _): "action:\(id)"
        case .addNote, .addDecision, .addAction: nil
        }
    }

    /// The version the edit starts from; nil for adds and restores (the record must not exist).
    public var expectedVersion: Int? {
        switch self {
        case .setStatus(_, _, let version), .updateNote(_, _, let version), .deleteNote(_, let version),
             .updateDecision(_, _, let version), .deleteDecision(_, let version), .deleteAction(_, let version):
            version
        case .updateAction(let action): action.version
        case .addNote, .addDecision, .addAction, .restoreNote, .restoreDecision, .restoreAction: nil
        }
    }

    /// The same edit starting from `version`: after this session's own undo or redo moved the record on,
    /// its older undo steps start from there.
    public func expecting(_ version: Int) -> ReviewEdit {
        switch self {
        case .setStatus(let itemId, let status, _): return .setStatus(itemId: itemId, status: status, expectedVersion: version)
        case .updateNote(let id, let text, _): return .updateNote(id: id, text: text, expectedVersion: version)
        case .deleteNote(let id, _): return .deleteNote(id: id, expectedVersion: version)
        case .updateDecision(let id, let text, _): return .updateDecision(id: id, text: text, expectedVersion: version)
        case .deleteDecision(let id, _): return .deleteDecision(id: id, expectedVersion: version)
        case .updateAction(var action):
            action.version = version
            return .updateAction(action)
        case .deleteAction(let id, _): return .deleteAction(id: id, expectedVersion: version)
        case .addNote, .addDecision, .addAction, .restoreNote, .restoreDecision, .restoreAction: return self
        }
    }
}

/// Which kind of review record a change or a conflict is about.
public enum ReviewRecordKind: String, Sendable, Codable, CaseIterable {
    case status, note, decision, action

    public var label: String {
        switch self {
        case .status: "status"
        case .note: "notitie"
        case .decision: "besluit"
        case .action: "actie"
        }
    }
}

/// One recorded change: who, when, to which record, old value → new value. Written in the same
/// transaction as the change itself.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public enum Change: String, Sendable, Codable {
        case created = "aangemaakt"
        case updated = "gewijzigd"
        case deleted = "gewist"
        case restored = "teruggezet"
    }

    public let id: Int64
    public let at: Date
    public let author: String
    public let kind: ReviewRecordKind
    /// The note, decision or action id, or the goal item id for a status.
    public let recordId: String
    /// The goal item or activity the record belongs to.
    public let subjectId: String
    public let change: Change
    public let oldValue: String?
    public let newValue: String?

    public init(id: Int64, at: Date, author: String, kind: ReviewRecordKind, recordId: String, subjectId: String,
                change: Change, oldValue: String?, newValue: String?) {
        self.id = id
        self.at = at
        self.author = author
        self.kind = kind
        self.recordId = recordId
        self.subjectId = subjectId
        self.change = change
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// A save or undo that was not carried out because someone else changed (or deleted) the record since
/// the version it started from. Nothing was written.
public struct ReviewConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Record: Sendable, Equatable {
        case status(StatusRecord), note(Note), decision(Decision), action(ActionItem)
    }

    public let kind: ReviewRecordKind
    /// The record as it is now; nil when it was deleted.
    public let current: Record?
    /// Who made the change in the way, and when.
    public let changedBy: String
    public let changedAt: Date

    public init(kind: ReviewRecordKind, current: Record?, changedBy: String, changedAt: Date) {
        self.kind = kind
        self.current = current
        self.changedBy = changedBy
        self.changedAt = changedAt
    }

    /// The version to start from to overwrite what is there now.
    public var currentVersion: Int? {
        switch current {
        case .status(let record): record.version
        case .note(let note): note.version
        case .decision(let decision): decision.version
        case .action(let action): action.version
        case nil: nil
        }
    }

    /// The text the other person left (nil when deleted).
    public var currentText: String? {
        switch current {
        case .status(let record): record.status.label
        case .note(let note): note.text
        case .decision(let decision): decision.text
        case .action(let action): action.summary
        case nil: nil
        }
    }

    /// "gewijzigd door bert op 25-11-2026 14:02" or "gewist door bert op …".
    public var description: String {
        "\(current == nil ? "gewist" : "gewijzigd") door \(changedBy) op \(DutchDate.timestamp(changedAt))"
    }
}

/// The text of a form that was not saved yet, kept so that nothing typed is lost (a signal, a dropped
/// connection, a crash). The payload is the form as the UI encodes it.
public struct Draft: Sendable, Equatable {
    public let id: Int64
    public let author: String
    public let payload: String
    public let savedAt: Date

    public init(id: Int64, author: String, payload: String, savedAt: Date) {
        self.id = id
        self.author = author
        self.payload = payload
        self.savedAt = savedAt
    }
}

extension ReviewRepository {
    public func apply(_ edit: ReviewEdit, author: String, now: Date) throws -> ReviewEdit {
        try apply(edit, author: author, now: now, discardingDraft: nil)
    }
}

/// Where review data lives. Every `apply` is committed before it returns.
public protocol ReviewRepository: Sendable {
    func load() throws -> ReviewSnapshot
    /// `snapshot` brought up to date after this session's own edit, whose inverse `apply` returned: only the
    /// record it changed and the new history entries are read. Whatever another process changed meanwhile
    /// is read too (a repository that cannot tell reads everything).
    func refresh(_ snapshot: ReviewSnapshot, afterEditWithInverse inverse: ReviewEdit) throws -> ReviewSnapshot
    /// Applies the edit as `author` at `now`, with its history entry, in one transaction; returns its
    /// inverse, for undo. Throws `ReviewConflict` when the record changed since the edit's version. The
    /// draft the edit came from (if any) is deleted in the same transaction, so it is never offered twice.
    func apply(_ edit: ReviewEdit, author: String, now: Date, discardingDraft draftId: Int64?) throws -> ReviewEdit
    /// True when another process changed the data since the last load.
    func hasChangedSinceLoad() -> Bool
    /// Stores the draft (a new one when `id` is nil) and returns its id.
    func saveDraft(id: Int64?, author: String, payload: String, now: Date) throws -> Int64
    /// Drafts of `author` left by sessions that are gone (a running session's own draft is not offered).
    func abandonedDrafts(author: String) throws -> [Draft]
    func deleteDraft(id: Int64) throws
}

extension ReviewRepository {
    public func refresh(_ snapshot: ReviewSnapshot, afterEditWithInverse inverse: ReviewEdit) throws -> ReviewSnapshot { try load() }
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

    /// A stored day (`2024-03-31`) as the office writes it: `31-03-2024`.
    public static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// "25-11-2026 06:40".
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}

/// Due dates are calendar days, stored as yyyy-MM-dd and typed the office way.
public enum DueDate {
    /// `31-03-2024`, `31-3-2024` or `2024-03-31` (also with `/` or `.`) as `2024-03-31`; nil when it is no day.
    public static func parse(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let (year, month, day) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard year.count == 4, month.count <= 2, day.count <= 2 else { return nil }
        let iso = year + "-" + String(repeating: "0", count: 2 - month.count) + month + "-" + String(repeating: "0", count: 2 - day.count) + day
        return isValid(iso) ? iso : nil
    }

    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(month), day >= 1
        else { return false }
        var components = DateComponents(year: year, month: month)
        components.calendar = Calendar(identifier: .gregorian)
        guard let date = components.date, let days = components.calendar?.range(of: .day, in: .month, for: date) else { return false }
        return days.contains(day)
    }

    /// The day as yyyy-MM-dd, in Dutch time.
    public static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
