import DialoogModel

/// The top-level parts of the app, on the number keys 1-8.
public enum Section: Int, CaseIterable, Sendable {
    case goals, regions, cycle, themes, examples, review, figures, sources

    public var title: String {
        switch self {
        case .goals: "Doelen"
        case .regions: "Regio's"
        case .cycle: "Cyclus"
        case .themes: "Thema's"
        case .examples: "Voorbeelden"
        case .review: "Review"
        case .figures: "Cijfers"
        case .sources: "Bronnen"
        }
    }

    /// The title in the tabs when the window is too narrow for all titles in full.
    var shortTitle: String { self == .examples ? "Voorb." : title }

    /// The command that opens each section, in order.
    static let commands: [CommandID] = [.goals, .regions, .cycle, .themes, .examples, .review, .figures, .sources]

    public var command: CommandID { Self.commands[rawValue] }

    var rootScreen: any Screen {
        switch self {
        case .goals: ListScreen(.pilotGoals)
        case .regions: RegionMatrixScreen()
        case .cycle: ListScreen(.cycle)
        case .themes: ListScreen(.themes)
        case .examples: ListScreen(.examples)
        case .review: ListScreen(.review(.allItems))
        case .figures: ListScreen(.figures)
        case .sources: ListScreen(.documents)
        }
    }
}
