import DialoogModel

/// `--reader`: the screen for screen readers and braille displays. No boxes, tabs or columns: where you
/// are, one labelled line for what is in focus (the visible cursor sits on it, so every key announces
/// the new place), its full text, and the status line.
extension AppModel {
    func renderForReader(into frame: inout Frame) {
        frame.write(WordWrap.truncate(breadcrumb, width: width), x: 0, y: 0, role: .breadcrumb)
        let focus = topScreen.announcement(in: context) ?? Self.announcement(for: topScreen.focusedLocation(in: context), in: context)
            ?? topScreen.breadcrumb(in: context)
        let announced = WordWrap.lines(focus, width: width).prefix(3)
        for (row, line) in announced.enumerated() { frame.write(line, x: 0, y: 1 + row, role: .title) }
        frame.focus = Point(x: 0, y: 1)
        if let location = topScreen.focusedLocation(in: context) {
            let body = Rect(x: 0, y: 2 + announced.count, width: width, height: max(0, height - 3 - announced.count))
            let lines = TextBlock.wrap(DetailContent(location, context: context, width: width, steadyLayout: false).paragraphs, width: width, limit: body.height)
            TextBlock.draw(lines, top: 0, into: &frame, area: body, highlight: [])
        }
    }

    /// "Doel 3 · Bewijs 2 van 2 · status aangetoond · 1 notitie: <text>".
    static func announcement(for location: DataLocation?, in context: ScreenContext) -> String? {
        let dataset = context.dataset
        switch location {
        case .goalItem(let goal, let column, let index)?:
            let items = dataset.pilotGoals[goal].items(in: column)
            let item = items[index]
            var parts = ["Doel \(dataset.pilotGoals[goal].number)", "\(column.title) \(index + 1) van \(items.count)"]
            if column.isReviewable, !item.isMitigation {
                let notes = context.review.notes(on: item.id).count
                parts += ["status \(context.review.status(of: item.id).label)", notes == 1 ? "1 notitie" : "\(notes) notities"]
            }
            return parts.joined(separator: " · ") + ": " + item.text
        case .pilotGoal(let goal)?:
            return "Doel \(dataset.pilotGoals[goal].number) van \(dataset.pilotGoals.count): \(dataset.pilotGoals[goal].uitgangspunt)"
        case .activity(let month, let index)?:
            let name = DutchMonth.name(month + 1)
            guard let activity = dataset.cycle.months[month].activities[safe: index] else { return "\(name): geen activiteiten" }
            let review = activity.kind.isMeeting
                ? " · \(context.review.decisions(at: activity.id).count) besluiten, \(context.review.actions(at: activity.id).count) acties" : ""
            return "\(name) · \(activity.activity)\(review)"
        case .regionalCase(let region, let goal, let index)?:
            let landsdeel = dataset.techniekpact.landsdelen[region]
            guard case .cases(let names) = dataset.techniekpact.content(landsdeel: landsdeel.id, goal: goal) else { return nil }
            return "\(landsdeel.name) × Techniekpact-doel \(goal) · case \(index + 1) van \(names.count): \(names[index])"
        case .techniekpactGoal(let goal)?:
            return "Techniekpact-doel \(goal): \(dataset.techniekpact.goal(number: goal)?.title ?? "")"
        case .longTermTheme(let theme)?:
            return "Thema \(theme + 1) van \(dataset.longTermThemes.count): \(dataset.longTermThemes[theme].title)"
        case .regionalExample(let example)?:
            let found = dataset.regionalExamples[example]
            return "Voorbeeld \(example + 1) van \(dataset.regionalExamples.count): \(found.name), \(found.place)"
        case .figure(let index)?:
            return "Figuur \(index + 1) van \(dataset.figures.count): \(dataset.figures[index].caption)"
        case .sourceTable(let index)?:
            return "Tabel \(index + 1) van \(dataset.tables.count): \(dataset.tables[index].caption)"
        case .document(let index)?:
            let document = dataset.documents[index]
            return "Bron \(index + 1) van \(dataset.documents.count): \(document.source), \(document.parts.count) delen"
        case .documentPart(let document, let index)?:
            let source = dataset.documents[document]
            return "\(source.title) · deel \(index + 1) van \(source.parts.count): \(source.parts[index].title)"
        case nil:
            return nil
        }
    }
}
