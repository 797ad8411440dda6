import DialoogModel

extension DataLocation {
    /// The location `offset` steps further among its siblings (next item of the same column,
    /// next case of the same cell, next month entry ...), or nil at either end.
    public func sibling(_ offset: Int, in dataset: Dataset) -> DataLocation? {
        switch self {
        case .pilotGoal(let goal):
            return step(goal, offset, count: dataset.pilotGoals.count).map { .pilotGoal(goal: $0) }
        case .goalItem(let goal, let column, let item):
            let count = dataset.pilotGoals[goal].items(in: column).count
            return step(item, offset, count: count).map { .goalItem(goal: goal, column: column, item: $0) }
        case .longTermTheme(let theme):
            return step(theme, offset, count: dataset.longTermThemes.count).map { .longTermTheme(theme: $0) }
        case .techniekpactGoal(let goal):
            return step(goal - 1, offset, count: dataset.techniekpact.goals.count).map { .techniekpactGoal(goal: $0 + 1) }
        case .regionalCase(let region, let goal, let index):
            let count = dataset.techniekpact.content(landsdeel: dataset.techniekpact.landsdelen[region].id, goal: goal).caseCount
            return step(index, offset, count: count).map { .regionalCase(landsdeel: region, goal: goal, index: $0) }
        case .activity:
            let entries = CycleEntries.all(in: dataset.cycle)
            guard let position = entries.firstIndex(of: self) else { return nil }
            return step(position, offset, count: entries.count).map { entries[$0] }
        case .regionalExample(let example):
            return step(example, offset, count: dataset.regionalExamples.count).map { .regionalExample(example: $0) }
        case .figure(let index):
            return step(index, offset, count: dataset.figures.count).map { .figure(index: $0) }
        case .sourceTable(let index):
            return step(index, offset, count: dataset.tables.count).map { .sourceTable(index: $0) }
        case .document(let index):
            return step(index, offset, count: dataset.documents.count).map { .document(index: $0) }
        case .documentPart(let document, let part):
            return step(part, offset, count: dataset.documents[document].parts.count).map { .documentPart(document: document, part: $0) }
        }
    }

    private func step(_ index: Int, _ offset: Int, count: Int) -> Int? {
        let next = index + offset
        return (0..<count).contains(next) ? next : nil
    }
}

/// Every activity of the cycle in order, with one entry for each month without activities.
enum CycleEntries {
    static func all(in cycle: ConversationCycle) -> [DataLocation] {
        cycle.months.indices.flatMap { month in
            let count = max(1, cycle.months[month].activities.count)
            return (0..<count).map { DataLocation.activity(month: month, index: $0) }
        }
    }
}
