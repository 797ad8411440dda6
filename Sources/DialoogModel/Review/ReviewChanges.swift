import Foundation

/// What changed in the review since a moment — new notes, decisions, status changes, actions done — per
/// goal (and per meeting) and per person, with the actions due: the weekly summary a secretary mails, and
/// what she is told at start about a colleague's work. One grouping for the screen and the exports.
public struct ReviewChanges: Sendable {
    /// A heading and its lines, in order.
    public struct Section: Sendable, Equatable {
        public let title: String
        public let lines: [Line]
    }

    /// One change or one action due, and the goal item, meeting or person (`Person.historySubject`) it is about.
    public struct Line: Sendable, Equatable {
        public let text: String
        public let subjectId: String?
    }

    public let since: Date
    /// The changes after `since`, oldest first (without those of the excluded author).
    public let entries: [HistoryEntry]
    private let review: ReviewSnapshot
    private let dataset: Dataset
    private let today: String

    /// `excluding`: leave out one author's own changes ("by a colleague"). `today` (yyyy-MM-dd) tells which
    /// actions are overdue and which fall due within the week.
    public init(review: ReviewSnapshot, dataset: Dataset, since: Date, today: String, excluding author: String? = nil) {
        self.since = since
        entries = review.history.filter { $0.at > since && $0.author != author }
        (self.review, self.dataset, self.today) = (review, dataset, today)
    }

    /// Per goal, meeting and person, then the actions due: made when asked for (the greeting at start needs
    /// only `entries`, and a large review has hundreds of actions due to write out).
    public var sections: [Section] {
        Self.byPlace(entries, review: review, dataset: dataset) + Self.byAuthor(entries) + Self.actionsDue(review, dataset: dataset, today: today)
    }

    /// "4 wijzigingen door bert (3) en anna (1)": who did how much, for the start-up line.
    public var byWhom: String {
        let counts = Dictionary(grouping: entries, by: \.author).mapValues(\.count)
        let names = counts.keys.sorted { (counts[$1]!, $0) < (counts[$0]!, $1) }.map { "\($0) (\(counts[$0]!))" }
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " en " + names.last! : names.first ?? ""
        return "\(entries.count == 1 ? "1 wijziging" : "\(entries.count) wijzigingen") door \(list)"
    }

    /// Per goal (items and actions serving it), then per meeting (decisions, actions without a goal), then other records.
    private static func byPlace(_ entries: [HistoryEntry], review: ReviewSnapshot, dataset: Dataset) -> [Section] {
        var goals: [Int: [Line]] = [:]
        var meetings: [String: [Line]] = [:]
        var others: [Line] = []
        for entry in entries {
            let line = Line(text: "\(DutchDate.timestamp(entry.at)) · \(entry.author) · " + where_(entry, dataset: dataset)
                                + HistoryText.change(entry, dataset: dataset), subjectId: entry.subjectId)
            if let goal = goal(of: entry, review: review, dataset: dataset) {
                goals[goal, default: []].append(line)
            } else if review.location(ofMeeting: entry.subjectId, in: dataset) != nil {
                meetings[entry.subjectId, default: []].append(line)
            } else {
                others.append(line)
            }
        }
        var sections = goals.keys.sorted().map { index in
            Section(title: "Doel \(dataset.pilotGoals[index].number): \(dataset.pilotGoals[index].uitgangspunt)", lines: goals[index]!)
        }
        let meetingOrder = dataset.cycle.months.flatMap(\.activities).map(\.id) + review.meetings.map(\.activityId)
        sections += meetingOrder.filter { meetings[$0] != nil }.map { Section(title: review.meetingName($0, in: dataset) ?? $0, lines: meetings[$0]!) }
        if !others.isEmpty { sections.append(Section(title: "Overig", lines: others)) }
        return sections
    }

    /// "Bewijs 2: " for a change on an item; meetings and people are named by their section.
    private static func where_(_ entry: HistoryEntry, dataset: Dataset) -> String {
        guard let place = dataset.goalItem(id: entry.subjectId) else { return "" }
        return "\(place.column.title) \(place.item + 1): "
    }

    /// The goal an entry is about: its item's goal, or the goal its action serves.
    private static func goal(of entry: HistoryEntry, review: ReviewSnapshot, dataset: Dataset) -> Int? {
        if let place = dataset.goalItem(id: entry.subjectId) { return place.goal }
        guard entry.kind == .action, let id = Int64(entry.recordId),
              let linked = review.actions.first(where: { $0.id == id })?.linkedId else { return nil }
        return dataset.pilotGoals.firstIndex { $0.id == linked } ?? dataset.goalItem(id: linked)?.goal
    }

    /// Per person who made changes: how many of each kind.
    private static func byAuthor(_ entries: [HistoryEntry]) -> [Section] {
        guard !entries.isEmpty else { return [] }
        let authors = Dictionary(grouping: entries, by: \.author)
        let lines = authors.keys.sorted().map { author in
            let kinds = Dictionary(grouping: authors[author]!, by: \.kind)
            let parts = ReviewRecordKind.allCases.compactMap { kind in kinds[kind].map { "\($0.count) × \(kind.label)" } }
            return Line(text: "\(author): " + parts.joined(separator: ", "), subjectId: nil)
        }
        return [Section(title: "Per persoon", lines: lines)]
    }

    /// Open actions overdue or due within seven days, per owner, overdue first.
    private static func actionsDue(_ review: ReviewSnapshot, dataset: Dataset, today: String) -> [Section] {
        let weekAhead = DueDate.adding(days: 7, to: today)
        let due = review.actions.filter { !$0.isDone && ($0.dueDate.map { $0 <= weekAhead } ?? false) }
        guard !due.isEmpty else { return [] }
        let owners = Dictionary(grouping: due, by: \.owner)
        // Hundreds of actions due hang on a few dozen meetings: each meeting is named once.
        var meetingNames: [String: String] = [:]
        // By name without case and accents, each name folded once (a Foundation compare per pair was a tenth of the list).
        let byName = owners.keys.map { (SearchText.fold($0), $0) }.sorted { $0 < $1 }.map(\.1)
        let lines = byName.flatMap { owner in
            owners[owner]!.sorted { $0.dueDate! < $1.dueDate! }.map { action in
                if meetingNames[action.activityId] == nil {
                    meetingNames[action.activityId] = review.meetingName(action.activityId, in: dataset).map { " · \($0)" } ?? ""
                }
                return Line(text: "\(owner) · \(DutchDate.day(action.dueDate!))\(action.isPastDue(today: today) ? " (over datum)" : "") · \(action.text)"
                                + meetingNames[action.activityId]!, subjectId: action.activityId)
            }
        }
        return [Section(title: "Acties over datum of deze week af", lines: lines)]
    }
}

extension ReviewSnapshot {
    /// The open actions of `owner` overdue, and due from today up to seven days ahead.
    public func actionsDue(owner: String, today: String) -> (overdue: [ActionItem], thisWeek: [ActionItem]) {
        let weekAhead = DueDate.adding(days: 7, to: today)
        let open = actions(ownedBy: owner).filter { !$0.isDone && $0.dueDate != nil }
        return (open.filter { $0.isPastDue(today: today) }, open.filter { !$0.isPastDue(today: today) && $0.dueDate! <= weekAhead })
    }
}
