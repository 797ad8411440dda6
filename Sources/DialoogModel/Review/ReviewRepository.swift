import Foundation

extension ReviewRepository {
    public func apply(_ edit: ReviewEdit, author: String, now: Date) throws -> ReviewEdit {
        try apply(edit, author: author, now: now, discardingDraft: nil)
    }
}

/// Where review data lives. Every `apply` is committed before it returns.
public protocol ReviewRepository: Sendable {
    func load() throws -> ReviewSnapshot
    /// `snapshot` brought up to date with what this session and others changed since it was read: only the
    /// records that changed are read again (a repository that cannot tell reads everything).
    func refresh(_ snapshot: inout ReviewSnapshot) throws
    /// Applies the edit as `author` at `now`, with its history entry, in one transaction; returns its
    /// inverse, for undo. Throws `ReviewConflict` when the record changed since the edit's version. The
    /// draft the edit came from (if any) is deleted once the edit is committed, so it is not offered again.
    func apply(_ edit: ReviewEdit, author: String, now: Date, discardingDraft draftId: Int64?) throws -> ReviewEdit
    /// True when another process changed the data since the last load.
    func hasChangedSinceLoad() -> Bool
    /// Stores the draft (a new one when `id` is nil) and returns its id.
    func saveDraft(id: Int64?, author: String, payload: String, now: Date) throws -> Int64
    /// Drafts of `author` left by sessions that are gone (a running session's own draft is not offered).
    func abandonedDrafts(author: String) throws -> [Draft]
    func deleteDraft(id: Int64) throws
    /// When `login` last started the app (nil the first time), and from now on: now.
    func recordVisit(login: String, now: Date) throws -> Date?
    /// Why nothing can be written (asked for, no write permission, a newer schema); nil when it can.
    var readOnlyReason: String? { get }
}

extension ReviewRepository {
    public var readOnlyReason: String? { nil }

    public func recordVisit(login: String, now: Date) throws -> Date? { nil }

    public func refresh(_ snapshot: inout ReviewSnapshot) throws { snapshot = try load() }
}
