/// What the search finds at each place of the dataset: a short label and the texts searched. The index
/// keeps only the folded texts; the label and text of a hit are made again here when it is shown, so the
/// index is not a second copy of the data.
enum SearchEntryText {
    typealias Entry = (label: String, texts: [String])

    /// A goal with chapter 3's reflection on its uitgangspunt, when the report has one.
    static func pilotGoal(_ goal: PilotGoal, reflection: AnnualReport.Reflection?) -> Entry {
        ("Doel \(goal.number)", [goal.title, goal.uitgangspunt] + (reflection.map { [$0.uitgangspunt] + $0.blocks.map(\.text) } ?? []))
    }

    static func goalItem(_ item: GoalItem, of goal: PilotGoal, in column: GoalColumn) -> Entry {
        ("Doel \(goal.number) · \(column.title)", [item.text] + item.subitems)
    }

    static func theme(_ theme: LongTermTheme) -> Entry {
        ("Thema \(theme.number)", [theme.title] + theme.questions.map { "\($0.label)) \($0.text)" })
    }

    static func activity(_ activity: Activity, in month: MonthPlan, of cycle: ConversationCycle) -> Entry {
        var texts = [activity.activity, activity.topic, activity.participants].compactMap { $0 }
        if let middag = cycle.htnoMiddag(for: activity) {
            texts += [middag.date, middag.place, middag.theme, middag.centralQuestion].compactMap { $0 }
            texts += (middag.programme ?? []).flatMap(\.texts)
            texts += middag.attendance.map(\.text) + middag.goodPractices.flatMap { [$0.title, $0.text] } + middag.commitments
        }
        return ("\(month.name.capitalized) \(cycle.year)", texts)
    }

    static func techniekpactGoal(_ goal: TechniekpactGoal) -> Entry {
        ("Techniekpact-doel \(goal.number) · \(goal.actielijn)", [goal.title])
    }

    /// The landsdeel's name is searchable too: "/Zuidoost" lists its cases.
    static func regionalCase(_ name: String, in region: Landsdeel, goal: Int) -> Entry {
        ("\(region.name) · Techniekpact-doel \(goal)", [name, region.name])
    }

    static func example(_ example: RegionalExample) -> Entry {
        ("Voorbeeld 2018 · \(example.place)", [example.name, example.text, example.place])
    }

    static func figure(_ figure: Figure) -> Entry {
        ("Cijfers · \(figure.caption)",
         [figure.caption, figure.source] + figure.categories + figure.series.flatMap { [$0.name, $0.label ?? ""] }
            + figure.notes + [figure.text ?? "", figure.missing ?? ""])
    }

    static func table(_ table: SourceTable) -> Entry {
        ("Cijfers · \(table.caption)", [table.caption] + table.columns + table.rows.flatMap(\.cells) + table.notes)
    }

    static func part(_ part: SourceDocument.Part, of document: SourceDocument) -> Entry {
        ("\(document.title) · \(part.title)", part.texts)
    }

    /// The entry at a location, looked up in the dataset (for a hit being shown).
    static func entry(at location: DataLocation, in dataset: Dataset) -> Entry {
        switch location {
        case .pilotGoal(let index):
            let goal = dataset.pilotGoals[index]
            return pilotGoal(goal, reflection: dataset.annualReport.reflection(onGoal: goal.id)?.reflection)
        case .goalItem(let index, let column, let item):
            let goal = dataset.pilotGoals[index]
            return goalItem(goal.items(in: column)[item], of: goal, in: column)
        case .longTermTheme(let index):
            return theme(dataset.longTermThemes[index])
        case .activity(let month, let index):
            let plan = dataset.cycle.months[month]
            return activity(plan.activities[index], in: plan, of: dataset.cycle)
        case .techniekpactGoal(let number):
            return techniekpactGoal(dataset.techniekpact.goals.first { $0.number == number }!)
        case .regionalCase(let region, let goal, let index):
            let landsdeel = dataset.techniekpact.landsdelen[region]
            guard case .cases(let names) = dataset.techniekpact.content(landsdeel: landsdeel.id, goal: goal) else { return ("", []) }
            return regionalCase(names[index], in: landsdeel, goal: goal)
        case .regionalExample(let index):
            return example(dataset.regionalExamples[index])
        case .figure(let index):
            return figure(dataset.figures[index])
        case .sourceTable(let index):
            return table(dataset.tables[index])
        case .document(let index):
            return (dataset.documents[index].title, [dataset.documents[index].source])
        case .documentPart(let document, let index):
            return part(dataset.documents[document].parts[index], of: dataset.documents[document])
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
