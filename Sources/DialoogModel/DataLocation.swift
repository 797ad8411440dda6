/// Where a thing lives in the dataset: what a search hit points at and what a detail view shows. All the
/// model knows of a kind of place is in this file; adding a kind takes this file, `DataLocation+Screens.swift`
/// in DialoogUI (where it is shown) and `DetailContent.swift` (what its detail says).
public enum DataLocation: Hashable, Sendable {
    case pilotGoal(goal: Int)
    case goalItem(goal: Int, column: GoalColumn, item: Int)
    case longTermTheme(theme: Int)
    case techniekpactGoal(goal: Int)
    case regionalCase(landsdeel: Int, goal: Int, index: Int)
    case activity(month: Int, index: Int)
    case regionalExample(example: Int)
    case figure(index: Int)
    case sourceTable(index: Int)
    /// A source in the Bronnen section, and one part of it.
    case document(index: Int)
    case documentPart(document: Int, part: Int)
    /// Someone in the review database, by name: their actions. Not in the dataset, so never a search hit.
    case person(name: String)
    /// A meeting the secretariat added (in the review database), and its year.
    case meeting(id: Int64, year: Int)
}

extension DataLocation {
    /// Every searchable place of the dataset with its texts, in the order hits are listed.
    static func forEachSearchable(in dataset: Dataset, _ visit: (DataLocation, [String]) -> Void) {
        for (index, goal) in dataset.pilotGoals.enumerated() {
            visit(.pilotGoal(goal: index), SearchEntryText.pilotGoal(goal, reflection: dataset.annualReport.reflection(onGoal: goal.id)?.reflection))
            for column in GoalColumn.allCases {
                for (item, text) in goal.items(in: column).enumerated() {
                    visit(.goalItem(goal: index, column: column, item: item), SearchEntryText.goalItem(text))
                }
            }
        }
        for (index, theme) in dataset.longTermThemes.enumerated() {
            visit(.longTermTheme(theme: index), SearchEntryText.theme(theme))
        }
        for (monthIndex, month) in dataset.cycle.months.enumerated() {
            for (index, activity) in month.activities.enumerated() {
                visit(.activity(month: monthIndex, index: index), SearchEntryText.activity(activity, of: dataset.cycle))
            }
        }
        let pact = dataset.techniekpact
        for goal in pact.goals {
            visit(.techniekpactGoal(goal: goal.number), SearchEntryText.techniekpactGoal(goal))
        }
        for (regionIndex, region) in pact.landsdelen.enumerated() {
            for goal in pact.goals {
                guard case .cases(let names) = pact.content(landsdeel: region.id, goal: goal.number) else { continue }
                for (index, name) in names.enumerated() {
                    visit(.regionalCase(landsdeel: regionIndex, goal: goal.number, index: index), SearchEntryText.regionalCase(name, in: region))
                }
            }
        }
        for (index, example) in dataset.regionalExamples.enumerated() {
            visit(.regionalExample(example: index), SearchEntryText.example(example))
        }
        for (index, figure) in dataset.figures.enumerated() {
            visit(.figure(index: index), SearchEntryText.figure(figure))
        }
        for (documentIndex, document) in dataset.documents.enumerated() {
            for (index, part) in document.parts.enumerated() {
                visit(.documentPart(document: documentIndex, part: index), part.texts)
            }
        }
        for (index, table) in dataset.tables.enumerated() {
            visit(.sourceTable(index: index), SearchEntryText.table(table))
        }
    }

    /// The texts at a location, looked up in the dataset (for a hit being shown).
    func searchTexts(in dataset: Dataset) -> [String] {
        switch self {
        case .pilotGoal(let index):
            let goal = dataset.pilotGoals[index]
            return SearchEntryText.pilotGoal(goal, reflection: dataset.annualReport.reflection(onGoal: goal.id)?.reflection)
        case .goalItem(let index, let column, let item):
            return SearchEntryText.goalItem(dataset.pilotGoals[index].items(in: column)[item])
        case .longTermTheme(let index):
            return SearchEntryText.theme(dataset.longTermThemes[index])
        case .activity(let month, let index):
            return SearchEntryText.activity(dataset.cycle.months[month].activities[index], of: dataset.cycle)
        case .techniekpactGoal(let number):
            return dataset.techniekpact.goal(number: number).map(SearchEntryText.techniekpactGoal) ?? []
        case .regionalCase(let region, let goal, let index):
            let landsdeel = dataset.techniekpact.landsdelen[region]
            guard case .cases(let names) = dataset.techniekpact.content(landsdeel: landsdeel.id, goal: goal) else { return [] }
            return SearchEntryText.regionalCase(names[index], in: landsdeel)
        case .regionalExample(let index):
            return SearchEntryText.example(dataset.regionalExamples[index])
        case .figure(let index):
            return SearchEntryText.figure(dataset.figures[index])
        case .sourceTable(let index):
            return SearchEntryText.table(dataset.tables[index])
        case .document(let index):
            return [dataset.documents[index].source]
        case .documentPart(let document, let index):
            return dataset.documents[document].parts[index].texts
        case .person, .meeting:
            return []
        }
    }

    /// Where a location is, in a few words ("Doel 3 · Bewijs", "Oost · Techniekpact-doel 9").
    func searchLabel(in dataset: Dataset) -> String {
        switch self {
        case .pilotGoal(let index): "Doel \(dataset.pilotGoals[index].number)"
        case .goalItem(let index, let column, _): "Doel \(dataset.pilotGoals[index].number) · \(column.title)"
        case .longTermTheme(let index): "Thema \(dataset.longTermThemes[index].number)"
        case .activity(let month, _): "\(dataset.cycle.months[month].name.capitalized) \(dataset.cycle.year)"
        case .techniekpactGoal(let number):
            "Techniekpact-doel \(number) · \(dataset.techniekpact.goal(number: number)?.actielijn ?? "")"
        case .regionalCase(let region, let goal, _): "\(dataset.techniekpact.landsdelen[region].name) · Techniekpact-doel \(goal)"
        case .regionalExample(let index): "Voorbeeld 2018 · \(dataset.regionalExamples[index].place)"
        case .figure(let index): "Cijfers · \(dataset.figures[index].caption)"
        case .sourceTable(let index): "Cijfers · \(dataset.tables[index].caption)"
        case .document(let index): dataset.documents[index].title
        case .documentPart(let document, let index): "\(dataset.documents[document].title) · \(dataset.documents[document].parts[index].title)"
        case .person(let name): "Persoon · \(name)"
        case .meeting(_, let year): "Overleg \(year)"
        }
    }

    /// The location `offset` further along its innermost index (the next item of the same column, the next
    /// case of the same cell): how the index stores a run of locations as its first one and a count.
    func advanced(by offset: Int) -> DataLocation {
        switch self {
        case .pilotGoal(let goal): .pilotGoal(goal: goal + offset)
        case .goalItem(let goal, let column, let item): .goalItem(goal: goal, column: column, item: item + offset)
        case .longTermTheme(let theme): .longTermTheme(theme: theme + offset)
        case .techniekpactGoal(let goal): .techniekpactGoal(goal: goal + offset)
        case .regionalCase(let region, let goal, let index): .regionalCase(landsdeel: region, goal: goal, index: index + offset)
        case .activity(let month, let index): .activity(month: month, index: index + offset)
        case .regionalExample(let example): .regionalExample(example: example + offset)
        case .figure(let index): .figure(index: index + offset)
        case .sourceTable(let index): .sourceTable(index: index + offset)
        case .document(let index): .document(index: index + offset)
        case .documentPart(let document, let part): .documentPart(document: document, part: part + offset)
        case .person, .meeting: self
        }
    }
}

extension DataLocation {
    /// A goal item's place in `source` as the same item's place in `table` (the source with the secretariat's
    /// changes): an added gain or risk comes before the goal's `=>` mitigations and moves them down one.
    public func moved(from source: Dataset, to table: Dataset) -> DataLocation {
        guard case .goalItem(let goal, let column, let item) = self, column == .winstRisico,
              let id = source.pilotGoals[safe: goal]?.items(in: column)[safe: item]?.id, let place = table.goalItem(id: id) else { return self }
        return .goalItem(goal: place.goal, column: place.column, item: place.item)
    }
}
