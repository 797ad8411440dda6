import Foundation

/// Notes on any place, not only on goal items: a meeting, a theme, a regional case, a 2018 example, a figure
/// or table, a part of a source. Each place is named by a stable id from the data files (a case by its cell
/// and name), so a note stays with its place when the data is corrected.
extension DataLocation {
    /// The id notes on this place are kept under; nil for a place that takes no notes (a goal, a source as a whole).
    public func noteSubjectId(in dataset: Dataset) -> String? {
        switch self {
        case .goalItem(let goal, let column, let item): dataset.pilotGoals[goal].items(in: column)[safe: item]?.id
        case .activity(let month, let index): dataset.cycle.months[month].activities[safe: index]?.id
        case .meeting(let id, _): Meeting.activityId(id)
        case .longTermTheme(let theme): dataset.longTermThemes[theme].id
        case .regionalExample(let example): dataset.regionalExamples[example].id
        case .figure(let index): dataset.figures[index].id
        case .sourceTable(let index): dataset.tables[index].id
        case .documentPart(let document, let part): "\(dataset.documents[document].id)/\(dataset.documents[document].parts[part].id)"
        case .regionalCase(let region, let goal, let index):
            "case/\(dataset.techniekpact.landsdelen[region].id)/\(goal)/\(index + 1)"
        case .pilotGoal, .techniekpactGoal, .document, .person: nil
        }
    }
}

extension Dataset {
    /// Every place that takes notes besides the goal items and meetings, with its subject id and name (the
    /// id as `DataLocation.noteSubjectId` makes it, the name as `otherSubjectName` gives it).
    public var otherNoteSubjects: [(id: String, location: DataLocation, name: String)] {
        var locations: [DataLocation] = longTermThemes.indices.map { .longTermTheme(theme: $0) }
            + regionalExamples.indices.map { .regionalExample(example: $0) }
            + figures.indices.map { .figure(index: $0) } + tables.indices.map { .sourceTable(index: $0) }
        for (document, source) in documents.enumerated() {
            locations += source.parts.indices.map { .documentPart(document: document, part: $0) }
        }
        for (region, landsdeel) in techniekpact.landsdelen.enumerated() {
            for goal in techniekpact.goals {
                locations += (0..<techniekpact.content(landsdeel: landsdeel.id, goal: goal.number).caseCount)
                    .map { .regionalCase(landsdeel: region, goal: goal.number, index: $0) }
            }
        }
        return locations.compactMap { location in
            location.noteSubjectId(in: self).flatMap { id in otherSubjectName(id).map { (id, location, $0) } }
        }
    }
}

extension Dataset {
    /// The name of a place other than a goal item, by its note subject id, looked up directly (this is asked
    /// for every history line drawn; building `otherNoteSubjects` each time was most of a frame).
    func otherSubjectName(_ id: String) -> String? {
        if let theme = longTermThemes.first(where: { $0.id == id }) { return "Thema \(theme.number)" }
        if let example = regionalExamples.first(where: { $0.id == id }) { return "Voorbeeld 2018 · \(example.name)" }
        if let figure = figures.first(where: { $0.id == id }) { return "Cijfers · \(figure.caption)" }
        if let table = tables.first(where: { $0.id == id }) { return "Cijfers · \(table.caption)" }
        let parts = id.split(separator: "/").map(String.init)
        if parts.count == 4, parts[0] == "case", let landsdeel = techniekpact.landsdelen.first(where: { $0.id == parts[1] }) {
            return "\(landsdeel.name) · Techniekpact-doel \(parts[2]) · case \(parts[3])"
        }
        if parts.count == 2, let source = documents.first(where: { $0.id == parts[0] }),
           let section = source.parts.first(where: { $0.id == parts[1] }) {
            return "\(source.title) · \(section.title)"
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
