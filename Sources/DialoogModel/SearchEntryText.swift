/// What the search finds at each place of the dataset: the texts searched, and a short label saying where.
/// The index keeps only the folded texts; the label and text of a hit are made here when it is shown, so
/// the index is not a second copy of the data (and building it makes no labels).
enum SearchEntryText {
    /// A goal with chapter 3's reflection on its uitgangspunt, when the report has one.
    static func pilotGoal(_ goal: PilotGoal, reflection: AnnualReport.Reflection?) -> [String] {
        [goal.title, goal.uitgangspunt] + (reflection.map { [$0.uitgangspunt] + $0.blocks.map(\.text) } ?? [])
    }

    static func goalItem(_ item: GoalItem) -> [String] {
        [item.text] + item.subitems
    }

    static func theme(_ theme: LongTermTheme) -> [String] {
        [theme.title] + theme.questions.map { "\($0.label)) \($0.text)" }
    }

    static func activity(_ activity: Activity, of cycle: ConversationCycle) -> [String] {
        var texts = [activity.activity, activity.topic, activity.participants].compactMap { $0 }
        if let middag = cycle.htnoMiddag(for: activity) {
            texts += [middag.date, middag.place, middag.theme, middag.centralQuestion].compactMap { $0 }
            texts += (middag.programme ?? []).flatMap(\.texts)
            texts += middag.attendance.map(\.text) + middag.goodPractices.flatMap { [$0.title, $0.text] } + middag.commitments
        }
        return texts
    }

    static func techniekpactGoal(_ goal: TechniekpactGoal) -> [String] {
        [goal.title]
    }

    /// The landsdeel's name is searchable too: "/Zuidoost" lists its cases.
    static func regionalCase(_ name: String, in region: Landsdeel) -> [String] {
        [name, region.name]
    }

    static func example(_ example: RegionalExample) -> [String] {
        [example.name, example.text, example.place]
    }

    static func figure(_ figure: Figure) -> [String] {
        [figure.caption, figure.source] + figure.categories + figure.series.flatMap { [$0.name, $0.label ?? ""] }
            + figure.notes + [figure.text ?? "", figure.missing ?? ""]
    }

    static func table(_ table: SourceTable) -> [String] {
        [table.caption] + table.columns + table.rows.flatMap(\.cells) + table.notes
    }

    /// The texts at a location, looked up in the dataset (for a hit being shown).
    static func texts(at location: DataLocation, in dataset: Dataset) -> [String] {
        switch location {
        case .pilotGoal(let index):
            let goal = dataset.pilotGoals[index]
            return pilotGoal(goal, reflection: dataset.annualReport.reflection(onGoal: goal.id)?.reflection)
        case .goalItem(let index, let column, let item):
            return goalItem(dataset.pilotGoals[index].items(in: column)[item])
        case .longTermTheme(let index):
            return theme(dataset.longTermThemes[index])
        case .activity(let month, let index):
            return activity(dataset.cycle.months[month].activities[index], of: dataset.cycle)
        case .techniekpactGoal(let number):
            return dataset.techniekpact.goal(number: number).map(techniekpactGoal) ?? []
        case .regionalCase(let region, let goal, let index):
            let landsdeel = dataset.techniekpact.landsdelen[region]
            guard case .cases(let names) = dataset.techniekpact.content(landsdeel: landsdeel.id, goal: goal) else { return [] }
            return regionalCase(names[index], in: landsdeel)
        case .regionalExample(let index):
            return example(dataset.regionalExamples[index])
        case .figure(let index):
            return figure(dataset.figures[index])
        case .sourceTable(let index):
            return table(dataset.tables[index])
        case .document(let index):
            return [dataset.documents[index].source]
        case .documentPart(let document, let index):
            return dataset.documents[document].parts[index].texts
        }
    }

    /// Where a location is, in a few words ("Doel 3 · Bewijs", "Oost · Techniekpact-doel 9").
    static func label(at location: DataLocation, in dataset: Dataset) -> String {
        switch location {
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
        }
    }
}
extension DataLocation {
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
        }
    }
}
