import Foundation

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
