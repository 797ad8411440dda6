import Foundation

/// Which kind of review record a change or a conflict is about.
public enum ReviewRecordKind: String, Sendable, Codable, CaseIterable {
    case status, note, decision, action, person, meeting, peildatum
    case tableChange = "wijziging"

    public var label: String {
        switch self {
        case .status: "status"
        case .note: "notitie"
        case .decision: "besluit"
        case .action: "actie"
        case .person: "persoon"
        case .meeting: "overleg"
        case .peildatum: "peildatum"
        case .tableChange: "wijziging van de tabel"
        }
    }

    /// With its article: "het overleg", "de notitie".
    public var withArticle: String { (self == .decision || self == .meeting ? "het " : "de ") + label }
}
