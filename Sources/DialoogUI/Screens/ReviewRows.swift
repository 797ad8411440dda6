import DialoogModel

/// Which review items the review list shows; `f` steps through them.
public enum ReviewFilter: CaseIterable, Sendable {
    case allItems, openItems, itemsWithNotes, actions, pastDueActions

    public var title: String {
        switch self {
        case .allItems: "alle items"
        case .openItems: "open items"
        case .itemsWithNotes: "items met notities"
        case .actions: "alle acties"
        case .pastDueActions: "acties over datum"
        }
    }

    /// The filter `offset` steps on, wrapping around (`f` forward, `F` back).
    func stepped(_ offset: Int) -> ReviewFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + offset + all.count) % all.count]
    }
}

/// The rows of the review list: goal items with status and notes, or action items, and any review
/// data whose item has disappeared from the sample data.
enum ReviewRows {
    static func rows(_ filter: ReviewFilter, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, today: String) -> [ListRow] {
        let rows: [ListRow]
        switch filter {
        case .allItems: rows = itemRows(dataset, glyphs: glyphs, review: review) { _ in true }
        case .openItems: rows = itemRows(dataset, glyphs: glyphs, review: review) { review.status(of: $0.id) == .open }
        case .itemsWithNotes: rows = itemRows(dataset, glyphs: glyphs, review: review) { !review.notes(on: $0.id).isEmpty }
        case .actions: rows = actionRows(review.actions, dataset: dataset, glyphs: glyphs, today: today)
        case .pastDueActions: rows = actionRows(review.actions.filter { $0.isPastDue(today: today) }, dataset: dataset, glyphs: glyphs, today: today)
        }
        let empty = rows.isEmpty ? [ListRow(text: "Niets voor dit filter", role: .muted)] : []
        return rows + empty + orphanRows(dataset, review: review)
    }

    private static func itemRows(_ dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, include: (GoalItem) -> Bool) -> [ListRow] {
        dataset.pilotGoals.enumerated().flatMap { goalIndex, goal -> [ListRow] in
            let items = GoalColumn.allCases.filter(\.isReviewable).flatMap { column in
                goal.items(in: column).enumerated().filter { include($0.element) }.map { index, item in
                    let status = review.status(of: item.id)
                    let notes = review.notes(on: item.id).count
                    let noteText = notes > 0 ? " \(glyphs.noteMark)\(notes)" : ""
                    return ListRow(text: "\(glyphs.marker(for: status)) \(column.title) \(index + 1): \(item.text)",
                                   trailing: noteText.isEmpty ? "" : noteText, role: status == .open ? .normal : status.role,
                                   location: .goalItem(goal: goalIndex, column: column, item: index), statusWord: status.label)
                }
            }
            return items.isEmpty ? [] : [ListRow(text: "Doel \(goal.number) · \(goal.uitgangspunt)", role: .label)] + items
        }
    }

    private static func actionRows(_ actions: [ActionItem], dataset: Dataset, glyphs: Glyphs, today: String) -> [ListRow] {
        actions.compactMap { action in
            guard let place = dataset.activity(id: action.activityId) else { return nil }
            let marker = glyphs.marker(for: action.isDone ? .shown : .open)
            let due = action.dueDate.map(DutchDate.day) ?? "geen deadline"
            return ListRow(text: "\(marker) \(due) · \(action.owner) · \(action.text) (\(DutchMonth.name(place.month + 1)))",
                           role: action.isPastDue(today: today) ? .pastDue : .normal,
                           location: .activity(month: place.month, index: place.index))
        }
    }

    /// Review data is never thrown away: items that left the data are listed so nothing is silently lost.
    private static func orphanRows(_ dataset: Dataset, review: ReviewSnapshot) -> [ListRow] {
        let orphans = review.orphanedIds(in: dataset).sorted()
        guard !orphans.isEmpty else { return [] }
        return [ListRow(text: "Reviewdata bij ids die niet meer in de data staan", role: .warning)]
            + orphans.map { id in
                ListRow(text: "  \(id): \(review.notes(on: id).count) notities, status \(review.status(of: id).label)", role: .muted)
            }
    }
}
