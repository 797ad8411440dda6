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

    /// The section and the screens from its root down to where a location is shown.
    static func path(to location: DataLocation) -> (Section, [any Screen]) {
        switch location {
        case .pilotGoal(let goal):
            return (.goals, [ListScreen(.pilotGoals, selecting: location), GoalTableScreen(goal: goal)])
        case .goalItem(let goal, let column, let item):
            return (.goals, [ListScreen(.pilotGoals, selecting: .pilotGoal(goal: goal)),
                             GoalTableScreen(goal: goal, column: column, item: item)])
        case .longTermTheme:
            return (.themes, [ListScreen(.themes, selecting: location)])
        case .techniekpactGoal(let goal):
            return (.regions, [RegionMatrixScreen(goal: goal)])
        case .regionalCase(let region, let goal, _):
            return (.regions, [RegionMatrixScreen(region: region, goal: goal),
                               ListScreen(.cases(landsdeel: region, goal: goal), selecting: location)])
        case .activity:
            return (.cycle, [ListScreen(.cycle, selecting: location)])
        case .regionalExample:
            return (.examples, [ListScreen(.examples, selecting: location)])
        case .figure, .sourceTable:
            return (.figures, [ListScreen(.figures, selecting: location), DetailScreen(location: location)])
        case .document:
            return (.sources, [ListScreen(.documents, selecting: location)])
        case .documentPart(let document, _):
            return (.sources, [ListScreen(.documents, selecting: .document(index: document)),
                               ListScreen(.documentParts(document: document), selecting: location), DetailScreen(location: location)])
        }
    }
}
