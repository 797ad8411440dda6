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
