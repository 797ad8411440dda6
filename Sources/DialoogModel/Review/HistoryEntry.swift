import Foundation

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
