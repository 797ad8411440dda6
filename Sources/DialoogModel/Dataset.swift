/// Everything htno-dialoog shows, loaded from the files in `sample-data/`. Read-only.
public struct Dataset: Sendable, Equatable {
    /// The source's table; `table(with:at:)` gives it with the secretariat's changes.
    public internal(set) var pilotGoals: [PilotGoal] {
        didSet { itemPlaces = GoalItemPlaces() }
    }
    /// Where each goal item is, built on first use (every line of a long list of changes looks one up).
    private(set) var itemPlaces = GoalItemPlaces()
    public let peildatum: String
    public let longTermThemes: [LongTermTheme]
    public let cycle: ConversationCycle
    public let techniekpact: Techniekpact
    public let regionalExamples: [RegionalExample]
    /// The figures of the sources (tables as series), for the Cijfers section and the charts.
    public let figures: [Figure]
    /// Tables of text from the sources (the SEO report's Kiezen voor Technologie programmes).
    public let tables: [SourceTable]
    /// The prose chapters of the Jaarverslag pilot HTNO 2023.
    public let annualReport: AnnualReport
    /// The sources read part by part in the Bronnen section: the 2023 report's chapters, the PTvT report 2021.
    public let documents: [SourceDocument]

    public init(
        pilotGoals: [PilotGoal], peildatum: String, longTermThemes: [LongTermTheme],
        cycle: ConversationCycle, techniekpact: Techniekpact, regionalExamples: [RegionalExample], figures: [Figure] = [],
        annualReport: AnnualReport = .empty, tables: [SourceTable] = [], documents: [SourceDocument] = []
    ) {
        self.documents = documents
        self.tables = tables
        self.figures = figures
        self.annualReport = annualReport
        self.pilotGoals = pilotGoals
        self.peildatum = peildatum
        self.longTermThemes = longTermThemes
        self.cycle = cycle
        self.techniekpact = techniekpact
        self.regionalExamples = regionalExamples
    }

    /// Examples of 2018 for a case: the ones that name it as their SEO case, and those reported under the
    /// same goal whose name occurs in the case name, or the other way round.
    public func regionalExamples(relatedTo caseName: String, goal: Int) -> [RegionalExample] {
        let folded = SearchText.fold(caseName)
        return regionalExamples.filter { example in
            if example.seoCase == caseName { return true }
            guard example.goal == goal else { return false }
            let name = SearchText.fold(example.name)
            return folded.contains(name) || name.contains(folded)
        }
    }
}
