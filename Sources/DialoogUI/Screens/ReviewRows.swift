import DialoogModel
import Foundation

/// What the review list shows: which list (`f`/`F`), for which goal (`D`) and column (`K`), in which
/// order (`o`).
public struct ReviewFilter: Sendable, Equatable {
    /// The lists `f` steps through.
    public enum List: CaseIterable, Sendable {
        case allItems, open, inProgress, shown, notShown, itemsWithNotes, decisions, actions, pastDueActions, actionsByPerson, people

        var title: String {
            switch self {
            case .allItems: "alle items"
            case .open, .inProgress, .shown, .notShown: "items \(status!.label)"
            case .itemsWithNotes: "items met notities"
            case .decisions: "besluiten"
            case .actions: "acties"
            case .pastDueActions: "acties over datum"
            case .actionsByPerson: "open acties per persoon"
            case .people: "personen"
            }
        }

        /// The status the list is limited to, if any.
        var status: ReviewStatus? {
            switch self {
            case .open: .open
            case .inProgress: .inProgress
            case .shown: .shown
            case .notShown: .notShown
            default: nil
            }
        }

        var isItems: Bool { ![.decisions, .actions, .pastDueActions, .actionsByPerson, .people].contains(self) }

        /// A list of actions, which the owner filter (`P`) narrows.
        var isActions: Bool { [.actions, .pastDueActions, .actionsByPerson].contains(self) }

        static func items(with status: ReviewStatus?) -> List { allCases.first { $0.isItems && $0.status == status && $0 != .itemsWithNotes }! }
    }

    public enum Order: CaseIterable, Sendable {
        case goal, status, lastChange, dueDate, owner

        var title: String {
            switch self {
            case .goal: "doel"
            case .status: "status"
            case .lastChange: "laatst gewijzigd"
            case .dueDate: "deadline"
            case .owner: "eigenaar"
            }
        }
    }

    public var list: List
    /// Index of the goal in the dataset, or nil for all goals.
    public var goal: Int?
    /// A reviewable column, or nil for all three.
    public var column: GoalColumn?
    public var order: Order
    /// Only this person's actions (`P`, "mijn acties"), or everyone's.
    public var owner: String?

    public init(_ list: List = .allItems, goal: Int? = nil, column: GoalColumn? = nil, order: Order = .goal, owner: String? = nil) {
        self.list = list
        self.goal = goal
        self.column = column
        self.order = order
        self.owner = owner
    }

    public static let allItems = ReviewFilter()

    /// "items open · Doel 3 · Bewijs · op status": only what applies to the list shown.
    func title(_ dataset: Dataset) -> String {
        var parts = [list.title]
        if list.isItems || list == .actions || list == .pastDueActions, let goal { parts.append("Doel \(dataset.pilotGoals[goal].number)") }
        if list.isItems, let column { parts.append(column.title) }
        if list.isActions, let owner { parts.append("van \(owner)") }
        if order != .goal { parts.append("op \(order.title)") }
        return parts.joined(separator: " · ")
    }

    func steppingList(_ offset: Int) -> ReviewFilter { with(\.list, Self.step(list, in: List.allCases, by: offset)) }

    func steppingGoal(in dataset: Dataset) -> ReviewFilter {
        with(\.goal, Self.step(goal, in: [nil] + dataset.pilotGoals.indices.map { $0 }, by: 1))
    }

    func steppingColumn() -> ReviewFilter {
        with(\.column, Self.step(column, in: [nil] + GoalColumn.allCases.filter(\.isReviewable), by: 1))
    }

    /// Everyone, then each owner of an action in turn.
    func steppingOwner(in review: ReviewSnapshot) -> ReviewFilter {
        let owners = Set(review.actions.map(\.owner)).sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
        return with(\.owner, Self.step(owner, in: [nil] + owners, by: 1))
    }

    /// Only actions have an owner to sort by.
    func steppingOrder() -> ReviewFilter {
        with(\.order, Self.step(order, in: Order.allCases.filter { $0 != .owner || list.isActions }, by: 1))
    }

    /// Whether an action of `owner` passes the owner filter (names compared regardless of case).
    func admits(owner: String) -> Bool {
        self.owner.map { $0.caseInsensitiveCompare(owner) == .orderedSame } ?? true
    }

    private func with<Value>(_ path: WritableKeyPath<ReviewFilter, Value>, _ value: Value) -> ReviewFilter {
        var copy = self
        copy[keyPath: path] = value
        return copy
    }

    private static func step<Value: Equatable>(_ value: Value, in all: [Value], by offset: Int) -> Value {
        all[(all.firstIndex(of: value) ?? 0).cycled(by: offset, in: all.count)]
    }
}

/// The rows of the review list: goal items with status and notes, decisions or action items, and any
/// review data whose item has disappeared from the sample data.
enum ReviewRows {
    static func rows(_ filter: ReviewFilter, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, today: String) -> [ListRow] {
        let rows: [ListRow] = switch filter.list {
        case .decisions: decisionRows(filter, dataset: dataset, review: review)
        case .actions, .pastDueActions: actionRows(filter, dataset: dataset, glyphs: glyphs, review: review, today: today)
        case .actionsByPerson: actionsByPersonRows(filter, dataset: dataset, glyphs: glyphs, review: review, today: today)
        case .people: peopleRows(review, today: today)
        default: itemRows(filter, dataset: dataset, glyphs: glyphs, review: review)
        }
        let empty = rows.isEmpty ? [ListRow(text: "Niets voor dit filter", role: .muted)] : []
        return rows + empty + orphanRows(dataset, review: review)
    }

    /// A reviewable goal item and where it is.
    private struct Item {
        let goal: Int
        let column: GoalColumn
        let index: Int
        let item: GoalItem
    }

    private static func itemRows(_ filter: ReviewFilter, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot) -> [ListRow] {
        let items = dataset.pilotGoals.indices.filter { filter.goal == nil || filter.goal == $0 }.flatMap { goal in
            // A winst-risico has no status, but takes notes: it is listed with the items with notes.
            let columns = GoalColumn.allCases.filter { (filter.list == .itemsWithNotes || $0.isReviewable) && (filter.column == nil || filter.column == $0) }
            return columns.flatMap { column in
                dataset.pilotGoals[goal].items(in: column).enumerated().map { Item(goal: goal, column: column, index: $0, item: $1) }
            }
        }.filter { entry in
            let id = entry.item.id
            if let status = filter.list.status { return review.status(of: id) == status }
            return filter.list != .itemsWithNotes || review.noteCount(on: id) > 0
        }
        guard filter.order == .goal else {
            return sorted(items, by: filter.order, review: review).map { row($0, dataset: dataset, glyphs: glyphs, review: review, namingGoal: true) }
        }
        return Dictionary(grouping: items, by: \.goal).sorted { $0.key < $1.key }.flatMap { goal, items in
            [ListRow(text: "Doel \(dataset.pilotGoals[goal].number) · \(dataset.pilotGoals[goal].uitgangspunt)", role: .label)]
                + items.map { row($0, dataset: dataset, glyphs: glyphs, review: review, namingGoal: false) }
        }
    }

    private static func row(_ entry: Item, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, namingGoal: Bool) -> ListRow {
        let hasStatus = entry.column.isReviewable && !entry.item.isMitigation
        let status = review.status(of: entry.item.id)
        let notes = review.noteCount(on: entry.item.id)
        let place = (namingGoal ? "D\(dataset.pilotGoals[entry.goal].number) " : "") + "\(entry.column.title) \(entry.index + 1)"
        return ListRow(text: (hasStatus ? "\(glyphs.marker(for: status)) " : "  ") + "\(place): \(entry.item.text)",
                       trailing: notes > 0 ? " \(glyphs.noteMark)\(notes)" : "", role: !hasStatus || status == .open ? .normal : status.role,
                       location: .goalItem(goal: entry.goal, column: entry.column, item: entry.index), statusWord: hasStatus ? status.label : nil)
    }

    /// Stable sorts: items that tie keep the order of the table.
    private static func sorted(_ items: [Item], by order: ReviewFilter.Order, review: ReviewSnapshot) -> [Item] {
        let statusRank = { (item: Item) in ReviewStatus.allCases.firstIndex(of: review.status(of: item.item.id))! }
        let lastChange = { (item: Item) -> Date in
            ([review.statuses[item.item.id]?.updatedAt] + review.notes(on: item.item.id).map { $0.updatedAt ?? $0.createdAt })
                .compactMap { $0 }.max() ?? .distantPast
        }
        let firstDue = { (item: Item) in review.actions(servingItem: item.item.id).filter { !$0.isDone }.compactMap(\.dueDate).min() ?? "9999" }
        return items.enumerated().sorted { left, right in
            switch order {
            case .goal: return left.offset < right.offset
            case .status: return (statusRank(left.element), left.offset) < (statusRank(right.element), right.offset)
            case .lastChange:
                let (a, b) = (lastChange(left.element), lastChange(right.element))
                return a != b ? a > b : left.offset < right.offset
            case .dueDate: return (firstDue(left.element), left.offset) < (firstDue(right.element), right.offset)
            case .owner: return left.offset < right.offset  // items have no owner
            }
        }.map(\.element)
    }

    private static func decisionRows(_ filter: ReviewFilter, dataset: Dataset, review: ReviewSnapshot) -> [ListRow] {
        let order = dataset.cycle.months.flatMap(\.activities).map(\.id)
        let decisions = review.decisions.filter { review.location(ofMeeting: $0.activityId, in: dataset) != nil }.enumerated().sorted { left, right in
            if filter.order == .lastChange {
                let (a, b) = (left.element.updatedAt ?? left.element.createdAt, right.element.updatedAt ?? right.element.createdAt)
                if a != b { return a > b }
            }
            let (a, b) = (order.firstIndex(of: left.element.activityId) ?? Int.max, order.firstIndex(of: right.element.activityId) ?? Int.max)
            return (a, left.offset) < (b, right.offset)
        }.map(\.element)
        return decisions.map { decision in
            ListRow(text: "\(review.meetingName(decision.activityId, in: dataset) ?? "") · \(decision.text)", trailing: decision.author,
                    location: review.location(ofMeeting: decision.activityId, in: dataset), entry: .decision(decision))
        }
    }

    private static func actionRows(_ filter: ReviewFilter, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, today: String) -> [ListRow] {
        let goalOf = { (action: ActionItem) -> Int? in
            guard let id = action.linkedId else { return nil }
            return dataset.pilotGoals.firstIndex { $0.id == id } ?? dataset.goalItem(id: id)?.goal
        }
        let actions = review.actions.filter { action in
            review.location(ofMeeting: action.activityId, in: dataset) != nil && (filter.list != .pastDueActions || action.isPastDue(today: today))
                && (filter.goal == nil || goalOf(action) == filter.goal) && filter.admits(owner: action.owner)
        }
        // Newest change first; no deadline and no goal last; ties keep the order they were made in.
        let rank = { (action: ActionItem) -> (Int, Double, String) in
            switch filter.order {
            case .goal: (goalOf(action) ?? Int.max, 0, "")
            case .status: (action.isDone ? 2 : (action.isPastDue(today: today) ? 0 : 1), 0, "")
            case .lastChange: (0, -(action.updatedAt ?? action.createdAt).timeIntervalSince1970, "")
            case .dueDate: (0, 0, action.dueDate ?? "9999")
            case .owner: (0, 0, action.owner.lowercased())
            }
        }
        return actions.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element), rank(right.element))
            return (a.0, a.1, a.2, left.offset) < (b.0, b.1, b.2, right.offset)
        }.map(\.element).map { actionRow($0, dataset: dataset, review: review, glyphs: glyphs, today: today, namingOwner: filter.owner == nil) }
    }

    /// "○ 31-03-2024 · branches · Werkagenda opstellen · voor Doel 4 · Indicatoren 1 (november)": `e`, `d` and `x` act on it.
    /// Only actions whose meeting is known are listed (the callers filter), so the place is there.
    private static func actionRow(_ action: ActionItem, dataset: Dataset, review: ReviewSnapshot, glyphs: Glyphs, today: String,
                                  namingOwner: Bool) -> ListRow {
        let marker = glyphs.marker(for: action.isDone ? .shown : .open)
        let due = action.dueDate.map(DutchDate.day) ?? "geen deadline"
        let target = action.linkedId.map { " · voor \(dataset.reviewTargetName($0) ?? $0)" } ?? ""
        // The 2023 meetings by their month, as before; a meeting of a later year by its date.
        let when = dataset.activity(id: action.activityId).map { DutchMonth.name($0.month + 1) }
            ?? review.meeting(activityId: action.activityId).map { DutchDate.day($0.date) } ?? ""
        return ListRow(text: "\(marker) \(due)\(namingOwner ? " · \(action.owner)" : "") · \(action.text)\(target) (\(when))",
                       role: action.isPastDue(today: today) ? .pastDue : .normal,
                       location: review.location(ofMeeting: action.activityId, in: dataset), entry: .action(action))
    }

    /// Everyone's open actions under their name (a row that opens the person), overdue first, then by deadline.
    private static func actionsByPersonRows(_ filter: ReviewFilter, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot, today: String) -> [ListRow] {
        let open = review.actions.filter { !$0.isDone && review.location(ofMeeting: $0.activityId, in: dataset) != nil && filter.admits(owner: $0.owner) }
        let owners = Dictionary(grouping: open) { action in review.people.first { $0.isNamed(action.owner) }?.name ?? action.owner }
        return owners.keys.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }.flatMap { owner in
            let actions = owners[owner]!.sorted(by: ActionItem.dueOrder(today: today))
            let late = actions.filter { $0.isPastDue(today: today) }.count
            return [ListRow(text: owner, trailing: Self.openCount(actions.count, late: late), role: .label, location: .person(name: owner))]
                + actions.map { row in
                    var row = actionRow(row, dataset: dataset, review: review, glyphs: glyphs, today: today, namingOwner: false)
                    row.text = "  " + row.text
                    return row
                }
        }
    }

    /// Everyone in the review database, with their open actions; `e` edits, `M` merges two spellings.
    private static func peopleRows(_ review: ReviewSnapshot, today: String) -> [ListRow] {
        review.people.map { person in
            let open = review.actions.filter { !$0.isDone && person.isNamed($0.owner) }
            let late = open.filter { $0.isPastDue(today: today) }.count
            let facts = [person.initials, person.organisation, person.role].compactMap { $0 }
            return ListRow(text: person.name + (facts.isEmpty ? "" : " · " + facts.joined(separator: " · ")),
                           trailing: Self.openCount(open.count, late: late), location: .person(name: person.name), entry: .person(person))
        }
    }

    /// "3 open, 1 laat": short, beside a name in a narrow list (the preview says "over datum" in full).
    private static func openCount(_ open: Int, late: Int) -> String {
        "\(open) open" + (late > 0 ? ", \(late) laat" : "")
    }

    /// Review data is never thrown away: items that left the data are listed so nothing is silently lost.
    private static func orphanRows(_ dataset: Dataset, review: ReviewSnapshot) -> [ListRow] {
        let orphans = review.orphanedIds(in: dataset).sorted()
        guard !orphans.isEmpty else { return [] }
        return [ListRow(text: "Reviewdata bij ids die niet meer in de data staan", role: .warning)]
            + orphans.map { id in
                ListRow(text: "  \(id): \(review.noteCount(on: id)) notities, status \(review.status(of: id).label)", role: .muted)
            }
    }
}
