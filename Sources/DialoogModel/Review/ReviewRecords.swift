import Foundation

/// Every record of a review database as stored (ids, versions, credits, history), in the JSON export under
/// `records`: what `htno-dialoog import` reads to fill an empty database on a new server. Drafts and visits
/// belong to one server's sessions and stay behind.
public struct ReviewRecords: Sendable, Equatable, Codable {
    public var statuses: [StatusRecord]
    public var notes: [Note]
    public var decisions: [Decision]
    public var actions: [ActionItem]
    public var people: [Person]
    public var meetings: [Meeting]
    public var peildata: [Peildatum]
    public var tableChanges: [TableChange]
    public var history: [HistoryEntry]

    public init(_ review: ReviewSnapshot) {
        statuses = review.statuses.values.sorted { $0.itemId < $1.itemId }
        notes = review.notes
        decisions = review.decisions
        actions = review.actions.sorted { $0.id < $1.id }
        people = review.people
        meetings = review.meetings
        peildata = review.peildata
        tableChanges = review.tableChanges
        history = review.history
    }

    /// How many of each, for the line that says what was imported.
    public var counts: String {
        [(statuses.count, "statussen"), (notes.count, "notities"), (decisions.count, "besluiten"), (actions.count, "acties"),
         (people.count, "personen"), (meetings.count, "overleggen"), (peildata.count, "peildata"), (tableChanges.count, "wijzigingen van de tabel"),
         (history.count, "regels geschiedenis")].map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
