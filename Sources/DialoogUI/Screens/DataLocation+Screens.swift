import DialoogModel

/// Where each kind of place is shown and how it is told: the screens down to it, its neighbours, its line
/// for `--reader`, the deck that presents it. With `DataLocation.swift` (the model) and `DetailContent.swift`
/// (its detail), all a new kind of place needs.
extension DataLocation {
    /// The section and the screens from its root down to where a location is shown.
    var path: (section: Section, screens: [any Screen]) {
        switch self {
        case .pilotGoal(let goal):
            return (.goals, [ListScreen(.pilotGoals, selecting: self), GoalTableScreen(goal: goal)])
        case .goalItem(let goal, let column, let item):
            return (.goals, [ListScreen(.pilotGoals, selecting: .pilotGoal(goal: goal)),
                             GoalTableScreen(goal: goal, column: column, item: item)])
        case .longTermTheme:
            return (.themes, [ListScreen(.themes, selecting: self)])
        case .techniekpactGoal(let goal):
            return (.regions, [RegionMatrixScreen(goal: goal)])
        case .regionalCase(let region, let goal, _):
            return (.regions, [RegionMatrixScreen(region: region, goal: goal),
                               ListScreen(.cases(landsdeel: region, goal: goal), selecting: self)])
        case .activity:
            return (.cycle, [ListScreen(.cycle, selecting: self)])
        case .regionalExample:
            return (.examples, [ListScreen(.examples, selecting: self)])
        case .figure, .sourceTable:
            return (.figures, [ListScreen(.figures, selecting: self), DetailScreen(location: self)])
        case .document:
            return (.sources, [ListScreen(.documents, selecting: self)])
        case .documentPart(let document, _):
            return (.sources, [ListScreen(.documents, selecting: .document(index: document)),
                               ListScreen(.documentParts(document: document), selecting: self), DetailScreen(location: self)])
        case .person:
            return (.review, [ListScreen(.review(ReviewFilter(.actionsByPerson)), selecting: self), DetailScreen(location: self)])
        case .meeting(_, let year):
            return (.cycle, [ListScreen(.meetings(year: year), selecting: self)])
        }
    }

    /// "Doel 3 · Bewijs 2 van 2 · status aangetoond · 1 notitie: <text>".
    func announcement(in context: ScreenContext) -> String? {
        let dataset = context.dataset
        switch self {
        case .goalItem(let goal, let column, let index):
            let items = dataset.pilotGoals[goal].items(in: column)
            guard let item = items[safe: index] else { return "Doel \(dataset.pilotGoals[goal].number) · dit item is er niet meer" }
            var parts = ["Doel \(dataset.pilotGoals[goal].number)", "\(column.title) \(index + 1) van \(items.count)"]
            if column.isReviewable, !item.isMitigation {
                let notes = context.review.noteCount(on: item.id)
                parts += ["status \(context.review.status(of: item.id).label)", notes == 1 ? "1 notitie" : "\(notes) notities"]
            }
            // A proposal said in words first: a braille line shows the start, and {+ +} alone is easily missed.
            if let change = item.change, change.state == .proposed {
                parts.append(change.kind == .addition ? "voorgesteld nieuw item" : "nieuwe formulering voorgesteld")
            }
            return parts.joined(separator: " · ") + ": " + item.trackedText
        case .pilotGoal(let goal):
            return "Doel \(dataset.pilotGoals[goal].number) van \(dataset.pilotGoals.count): \(dataset.pilotGoals[goal].uitgangspunt)"
        case .activity(let month, let index):
            let name = DutchMonth.name(month + 1)
            guard let activity = dataset.cycle.months[month].activities[safe: index] else { return "\(name): geen activiteiten" }
            let review = activity.kind.isMeeting
                ? " · \(context.review.decisions(at: activity.id).count) besluiten, \(context.review.actions(at: activity.id).count) acties" : ""
            return "\(name) · \(activity.activity)\(review)"
        case .regionalCase(let region, let goal, let index):
            let landsdeel = dataset.techniekpact.landsdelen[region]
            guard case .cases(let names) = dataset.techniekpact.content(landsdeel: landsdeel.id, goal: goal) else { return nil }
            return "\(landsdeel.name) × Techniekpact-doel \(goal) · case \(index + 1) van \(names.count): \(names[index])"
        case .techniekpactGoal(let goal):
            return "Techniekpact-doel \(goal): \(dataset.techniekpact.goal(number: goal)?.title ?? "")"
        case .longTermTheme(let theme):
            return "Thema \(theme + 1) van \(dataset.longTermThemes.count): \(dataset.longTermThemes[theme].title)"
        case .regionalExample(let example):
            let found = dataset.regionalExamples[example]
            return "Voorbeeld \(example + 1) van \(dataset.regionalExamples.count): \(found.name), \(found.place)"
        case .figure(let index):
            return "Figuur \(index + 1) van \(dataset.figures.count): \(dataset.figures[index].caption)"
        case .sourceTable(let index):
            return "Tabel \(index + 1) van \(dataset.tables.count): \(dataset.tables[index].caption)"
        case .document(let index):
            let document = dataset.documents[index]
            return "Bron \(index + 1) van \(dataset.documents.count): \(document.source), \(document.parts.count) delen"
        case .documentPart(let document, let index):
            let source = dataset.documents[document]
            return "\(source.title) · deel \(index + 1) van \(source.parts.count): \(source.parts[index].title)"
        case .meeting(let id, _):
            guard let meeting = context.review.meetings.first(where: { $0.id == id }) else { return "Overleg bestaat niet meer" }
            return "\(meeting.name) · \(meeting.status.rawValue) · \(context.review.decisions(at: meeting.activityId).count) besluiten, "
                + "\(context.review.actions(at: meeting.activityId).count) acties"
        case .person(let name):
            let due = context.review.actionsDue(owner: name, today: context.today)
            let open = context.review.actions(ownedBy: name).filter { !$0.isDone }.count
            return "\(name) · \(open) open acties, \(due.overdue.count) over datum, \(due.thisWeek.count) deze week af"
        }
    }

    /// The deck that presents this place, and its slide.
    /// The deck and slide that show this place, or nil where no slide does (a source text, a person …).
    func presentation(in dataset: Dataset, review: ReviewSnapshot = .empty) -> (deck: Deck, slide: Int)? {
        switch self {
        case .goalItem(let goal, let column, _): (.goal(goal, in: dataset), column.rawValue + 1)
        case .regionalCase(let region, let goal, _): (.landsdeel(region, in: dataset), goal - 1)
        case .techniekpactGoal(let goal): (.landsdeel(0, in: dataset), goal - 1)
        case .activity(let month, _): (.cycle(dataset), month + 1)
        case .pilotGoal(let goal): (.goals(dataset), goal)
        case .figure(let index): (.figures(dataset), index)
        case .longTermTheme(let theme): (.themes(dataset), theme)
        case .sourceTable(let index): (.tables(dataset), index)
        case .meeting(let id, _):
            review.meetings.first { $0.id == id }.map { meeting in
                (Deck(name: "overleg-\(id)", title: meeting.name, slides: [.meetingOutcome(MeetingOutcome(meeting, review: review))]), 0)
            }
        case .regionalExample, .document, .documentPart, .person: nil
        }
    }

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
        case .person, .meeting:
            return nil  // people and later meetings are in the review, which this does not see
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
