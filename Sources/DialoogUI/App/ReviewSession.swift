import DialoogModel
import Foundation

/// Everything the app needs to record review work: where it is stored, who is writing, the clock,
/// and how to export. Without one the app only reads.
public struct ReviewSession: Sendable {
    public let repository: any ReviewRepository
    public let author: String
    public let clock: @Sendable () -> Date
    /// Writes an export of the current data (the review in a format, or a meeting's agenda) to a file and
    /// returns where it went; throws `ExportFileExists` rather than overwrite unless told to.
    public let export: @Sendable (Dataset, ReviewSnapshot, ExportRequest) throws -> String

    public init(repository: any ReviewRepository, author: String, clock: @escaping @Sendable () -> Date = Date.init,
                export: @escaping @Sendable (Dataset, ReviewSnapshot, ExportRequest) throws -> String) {
        self.repository = repository
        self.author = author
        self.clock = clock
        self.export = export
    }
}

extension ReviewEdit {
    /// What the status line says after the edit, places by their names.
    func summary(in dataset: Dataset) -> String {
        switch self {
        case .setStatus(let itemId, let status, _): "Status \(dataset.reviewTargetName(itemId) ?? itemId): \(status.label)"
        case .addNote: "Notitie bewaard"
        case .updateNote: "Notitie bijgewerkt"
        case .deleteNote: "Notitie gewist"
        case .restoreNote: "Notitie teruggezet"
        case .addDecision: "Besluit bewaard"
        case .updateDecision: "Besluit bijgewerkt"
        case .deleteDecision: "Besluit gewist"
        case .restoreDecision: "Besluit teruggezet"
        case .addAction: "Actie bewaard"
        case .updateAction(let action): action.isDone ? "Actie bijgewerkt (afgerond)" : "Actie bijgewerkt"
        case .deleteAction: "Actie gewist"
        case .restoreAction: "Actie teruggezet"
        }
    }
}
