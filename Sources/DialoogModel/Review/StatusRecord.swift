import Foundation

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
