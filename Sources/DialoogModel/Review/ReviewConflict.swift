import Foundation

/// A save or undo that was not carried out because someone else changed (or deleted) the record since
/// the version it started from. Nothing was written.
public struct ReviewConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Record: Sendable, Equatable {
        case status(StatusRecord), note(Note), decision(Decision), action(ActionItem), person(Person), meeting(Meeting), tableChange(TableChange)
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
        case .person(let person): person.version
        case .meeting(let meeting): meeting.version
        case .tableChange(let change): change.version
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
        case .person(let person): person.summary
        case .meeting(let meeting): meeting.minutes.isEmpty ? meeting.summary : "verslag: \(meeting.minutes) · \(meeting.summary)"
        case .tableChange(let change): "\(change.text) (\(change.state.rawValue))"
        case nil: nil
        }
    }

    /// "gewijzigd door bert op 25-11-2026 14:02" or "gewist door bert op …".
    public var description: String {
        "\(current == nil ? "gewist" : "gewijzigd") door \(changedBy) op \(DutchDate.timestamp(changedAt))"
    }
}

/// An edit the database refuses as it stands, whatever is tried again (a name someone else has, a person
/// who still owns actions): an undo step that meets one is dropped with its reason, as after a conflict.
public protocol ReviewRefusal: Error {}
