import Foundation

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

    /// Overdue first, then by deadline (none last), then in the order they were made: how a person's list reads.
    public static func dueOrder(today: String) -> (ActionItem, ActionItem) -> Bool {
        { left, right in
            (left.isPastDue(today: today) ? 0 : 1, left.dueDate ?? "9999", left.id) < (right.isPastDue(today: today) ? 0 : 1, right.dueDate ?? "9999", right.id)
        }
    }

    /// The action in one line, as the history records it.
    public var summary: String {
        [text, owner, dueDate.map { "deadline \(DutchDate.day($0))" }, linkedId.map { "voor \($0)" }, isDone ? "afgerond" : nil]
            .compactMap { $0 }.joined(separator: " · ")
    }
}
