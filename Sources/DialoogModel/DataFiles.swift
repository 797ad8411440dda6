/// The data files in a data directory and the top-level shape of each.
enum DataFile: String, CaseIterable {
    case pilotGoals = "pilot-goals.yaml"
    case longTermThemes = "long-term-themes.yaml"
    case conversationCycle = "conversation-cycle-2023.yaml"
    case regions = "regions.yaml"
    case regionalExamples = "regional-examples-2018.yaml"
    case figures = "figures.yaml"
    case annualReport = "jaarverslag-2023-hoofdstukken.yaml"
    case kiezenVoorTechnologie = "kiezen-voor-technologie-2020.yaml"
    case ptvtReport = "ptvt-jaarverslag-2021.yaml"
    case techniekpactReport = "techniekpact-voortgang-2018.yaml"
    case seoEvaluation = "seo-evaluatie-2020.yaml"

    /// Where the app shows a file's words, for a source document that leaves them to it.
    var shownIn: String {
        switch self {
        case .pilotGoals: "staat in de sectie Doelen"
        case .longTermThemes: "staat in de sectie Thema's"
        case .conversationCycle: "staat in de sectie Cyclus"
        case .regions: "staat in de sectie Regio's"
        case .regionalExamples: "staat in de sectie Voorbeelden"
        case .figures, .kiezenVoorTechnologie: "staat in de sectie Cijfers"
        case .annualReport, .ptvtReport, .techniekpactReport, .seoEvaluation: "staat in de sectie Bronnen"
        }
    }
}

struct PilotGoalsFile: Decodable, Sendable {
    let peildatum: String
    let goals: [PilotGoal]
}

struct LongTermThemesFile: Decodable, Sendable {
    let themes: [LongTermTheme]
}

struct RegionalExamplesFile: Decodable, Sendable {
    let examples: [RegionalExample]
}
