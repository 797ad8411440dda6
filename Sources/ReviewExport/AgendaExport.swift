import DialoogModel
import Foundation

/// The agenda of a meeting in Markdown: its agenda points (a later meeting's), the actions still open per
/// person (overdue first), the items in behandeling and niet aangetoond, and the decisions taken since the
/// previous meeting.
struct AgendaExport {
    /// A meeting as the agenda sees it: the 2023 cycle's sectortafels and sac vergaderingen, then every
    /// later meeting that is not cancelled, in the order they are held.
    struct Entry {
        let activityId: String
        /// "sectortafel november 2023", "sectortafel 14-11-2025".
        let title: String
        let topic: (label: String, text: String)?
        let participants: (label: String, text: String)?
        let agendaPoints: [Meeting.AgendaPoint]
        let hasAgenda: Bool
    }

    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options
    private let order: [Entry]
    private let position: Int
    private var entry: Entry { order[position] }

    /// Nil when `activityId` is no meeting with an agenda (a sectortafel or sac vergadering of 2023, or a
    /// later meeting that is not cancelled).
    init?(dataset: Dataset, review: ReviewSnapshot, activityId: String, options: ReviewExporter.Options) {
        let order = Self.meetings(dataset, review: review)
        guard let position = order.firstIndex(where: { $0.activityId == activityId }), order[position].hasAgenda else { return nil }
        self.dataset = dataset
        self.review = review
        self.options = options
        self.order = order
        self.position = position
    }

    static func meetings(_ dataset: Dataset, review: ReviewSnapshot) -> [Entry] {
        let cycle = dataset.cycle.months.flatMap { month in
            month.activities.map { activity in
                Entry(activityId: activity.id, title: "\(activity.activity.lowercased()) \(month.name) \(dataset.cycle.year)",
                      topic: activity.topic.map { (activity.topicLabel ?? "Onderwerp", $0) },
                      participants: activity.participants.map { (activity.participantsLabel ?? "Deelnemers", $0) },
                      agendaPoints: [], hasAgenda: activity.kind.hasAgenda)
            }
        }
        // A cancelled meeting has no agenda of its own, but what was decided there still counts for the next.
        let later = review.meetings.map { meeting in
            Entry(activityId: meeting.activityId, title: "\(meeting.kind) \(DutchDate.day(meeting.date))",
                  topic: meeting.topic.map { ("Thema of onderwerpen", $0) }, participants: meeting.participants.map { ("Deelnemers", $0) },
                  agendaPoints: meeting.agendaPoints, hasAgenda: meeting.status != .cancelled)
        }
        return cycle + later
    }

    var markdown: String {
        var lines = ["# Agenda \(MarkdownText.inline(entry.title))", ""]
        if let topic = entry.topic { lines.append("\(topic.label): \(MarkdownText.inline(topic.text))  ") }
        if let participants = entry.participants { lines.append("\(participants.label): \(MarkdownText.inline(participants.text))  ") }
        lines.append("Opgesteld op \(DutchDate.timestamp(options.exportedAt)) uit de reviewdatabase.")
        if !entry.agendaPoints.isEmpty {
            lines += ["", "## Agendapunten", ""]
            lines += entry.agendaPoints.enumerated().map { index, point in
                MarkdownText.numberedItem(index + 1, MarkdownText.inline(point.text)
                                          + (point.linkedId.map { " (\(MarkdownText.inline(dataset.reviewTargetName($0) ?? $0)))" } ?? ""))
            }
        }
        lines += openActions + items(.inProgress, heading: "Items in behandeling") + items(.notShown, heading: "Items niet aangetoond")
        lines += decisionsSincePreviousMeeting
        return lines.joined(separator: "\n") + "\n"
    }

    /// The open actions per person (by name), overdue first within each.
    private var openActions: [String] {
        let open = review.actions.filter { !$0.isDone }
            .sorted { ($0.isPastDue(today: options.today) ? 0 : 1, $0.dueDate ?? "9999") < ($1.isPastDue(today: options.today) ? 0 : 1, $1.dueDate ?? "9999") }
        var lines = ["", "## Openstaande acties per persoon"]
        guard !open.isEmpty else { return lines + ["", "Geen openstaande acties."] }
        let owners = Dictionary(grouping: open, by: \.owner)
        for owner in owners.keys.sorted(by: { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }) {
            lines += ["", "### \(MarkdownText.inline(owner))", ""]
            lines += MarkdownText.table(header: ["Actie", "Deadline", "Status", "Voor", "Afgesproken in"], widths: [32, 13, 12, 21, 20],
                                        rows: owners[owner]!.map { action in
                [MarkdownText.cell(action.text), action.dueDate.map(DutchDate.day) ?? "geen",
                 action.isPastDue(today: options.today) ? "**over datum**" : "open",
                 action.linkedId.map { MarkdownText.cell(dataset.reviewTargetName($0) ?? $0) } ?? "", meetingName(action.activityId)]
            })
        }
        return lines
    }

    private func items(_ status: ReviewStatus, heading: String) -> [String] {
        var lines = ["", "## \(heading)", ""]
        for goal in dataset.pilotGoals {
            for column in GoalColumn.allCases where column.isReviewable {
                for (index, item) in goal.items(in: column).enumerated() where review.status(of: item.id) == status {
                    lines.append(MarkdownText.listItem("Doel \(goal.number) · \(column.title) \(index + 1): \(MarkdownText.inline(item.text))"))
                }
            }
        }
        return lines.count == 3 ? lines + ["Geen."] : lines
    }

    /// Decisions of the meetings from the previous meeting with an agenda up to this one; the first meeting
    /// of the 2023 cycle has none before it.
    private var decisionsSincePreviousMeeting: [String] {
        let start = order[..<position].lastIndex(where: \.hasAgenda)
        let since = start.map { Array(order[$0..<position]) } ?? []
        let decisions = since.flatMap { meeting in review.decisions(at: meeting.activityId).map { (meeting, $0) } }
        let heading = start.map { "## Besluiten sinds het vorige overleg (\(meetingName(order[$0].activityId)))" } ?? "## Besluiten sinds het vorige overleg"
        var lines = ["", heading, ""]
        guard start != nil else { return lines + ["Dit is het eerste overleg van de cyclus."] }
        guard !decisions.isEmpty else { return lines + ["Geen besluiten vastgelegd."] }
        lines += decisions.map { meeting, decision in
            MarkdownText.listItem("\(MarkdownText.inline(decision.text)) (\(meetingName(meeting.activityId)))")
        }
        return lines
    }

    private func meetingName(_ activityId: String) -> String { MarkdownText.cell(review.meetingName(activityId, in: dataset) ?? activityId) }
}
