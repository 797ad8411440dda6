import Foundation

/// Notes on any place, not only on goal items: a meeting, a theme, a regional case, a 2018 example, a figure
/// or table, a part of a source. Each place is named by a stable id from the data files (a case by its cell
/// and name), so a note stays with its place when the data is corrected.
extension DataLocation {
    /// The id notes on this place are kept under; nil for a place that takes no notes (a goal, a source as a whole).
    public func noteSubjectId(in dataset: Dataset) -> String? {
        switch self {
        case .goalItem(let goal, let column, let item): dataset.pilotGoals[goal].items(in: column)[item].id
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
    /// Every place that takes notes besides the goal items and meetings, with its subject id.
    public var otherNoteSubjects: [(id: String, location: DataLocation, name: String)] {
        var subjects: [(String, DataLocation, String)] = []
        for (index, theme) in longTermThemes.enumerated() { subjects.append((theme.id, .longTermTheme(theme: index), "Thema \(theme.number)")) }
        for (index, example) in regionalExamples.enumerated() {
            subjects.append((example.id, .regionalExample(example: index), "Voorbeeld 2018 · \(example.name)"))
        }
        for (index, figure) in figures.enumerated() { subjects.append((figure.id, .figure(index: index), "Cijfers · \(figure.caption)")) }
        for (index, table) in tables.enumerated() { subjects.append((table.id, .sourceTable(index: index), "Cijfers · \(table.caption)")) }
        for (document, source) in documents.enumerated() {
            for (part, section) in source.parts.enumerated() {
                subjects.append(("\(source.id)/\(section.id)", .documentPart(document: document, part: part), "\(source.title) · \(section.title)"))
            }
        }
        let pact = techniekpact
        for (region, landsdeel) in pact.landsdelen.enumerated() {
            for goal in pact.goals {
                for index in 0..<pact.content(landsdeel: landsdeel.id, goal: goal.number).caseCount {
                    subjects.append(("case/\(landsdeel.id)/\(goal.number)/\(index + 1)", .regionalCase(landsdeel: region, goal: goal.number, index: index),
                                     "\(landsdeel.name) · Techniekpact-doel \(goal.number) · case \(index + 1)"))
                }
            }
        }
        return subjects
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
