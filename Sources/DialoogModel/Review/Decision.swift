import Foundation

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
