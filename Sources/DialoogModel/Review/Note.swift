import Foundation

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
    /// Marked "voor het jaarverslag": the report export prints it; other notes are internal remarks.
    public var isForReport: Bool
    /// Goes up by one with every change, so a save can tell that someone else changed the note meanwhile.
    public var version: Int

    public init(id: Int64, subjectId: String, text: String, author: String, createdAt: Date, updatedAt: Date? = nil,
                updatedBy: String? = nil, isForReport: Bool = false, version: Int = 1) {
        self.id = id
        self.subjectId = subjectId
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.isForReport = isForReport
        self.version = version
    }
}
