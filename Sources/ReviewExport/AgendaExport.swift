import DialoogModel
import Foundation

/// The agenda of a sectortafel or sac vergadering in Markdown: the actions still open (overdue first),
/// the items in behandeling and niet aangetoond, and the decisions taken since the previous meeting.
struct AgendaExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options
    /// The meeting, by its place in the cycle.
    let meeting: (month: Int, index: Int)

    /// Nil when `activityId` is no sectortafel or sac vergadering of the cycle.
    init?(dataset: Dataset, review: ReviewSnapshot, activityId: String, options: ReviewExporter.Options) {
        guard let place = dataset.activity(id: activityId),
              dataset.cycle.months[place.month].activities[place.index].kind.hasAgenda else { return nil }
        self.dataset = dataset
        self.review = review
        self.options = options
        meeting = place
    }

    private var activity: Activity { dataset.cycle.months[meeting.month].activities[meeting.index] }
    private var monthName: String { DutchMonth.name(meeting.month + 1) }

    var markdown: String {
        var lines = ["# Agenda \(MarkdownText.inline(activity.activity.lowercased())) \(monthName) \(dataset.cycle.year)", ""]
        if let topic = activity.topic { lines.append("\(activity.topicLabel ?? "Onderwerp"): \(MarkdownText.inline(topic))  ") }
        if let participants = activity.participants {
            lines.append("\(activity.participantsLabel ?? "Deelnemers"): \(MarkdownText.inline(participants))  ")
        }
        lines.append("Opgesteld op \(DutchDate.timestamp(options.exportedAt)) uit de reviewdatabase.")
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

    /// Decisions of the meetings from the previous sectortafel or sac vergadering of the cycle up to this
    /// one; the first meeting of the cycle has none before it.
    private var decisionsSincePreviousMeeting: [String] {
        let order = dataset.cycle.months.flatMap(\.activities)
        let position = order.firstIndex { $0.id == activity.id }!
        let start = order[..<position].lastIndex { $0.kind.hasAgenda }
        let since = start.map { Array(order[$0..<position]) } ?? []
        let decisions = since.flatMap { meeting in review.decisions(at: meeting.id).map { (meeting, $0) } }
        let heading = start.map { "## Besluiten sinds het vorige overleg (\(meetingName(order[$0].id)))" } ?? "## Besluiten sinds het vorige overleg"
        var lines = ["", heading, ""]
        guard start != nil else { return lines + ["Dit is het eerste overleg van de cyclus."] }
        guard !decisions.isEmpty else { return lines + ["Geen besluiten vastgelegd."] }
        lines += decisions.map { meeting, decision in
            MarkdownText.listItem("\(MarkdownText.inline(decision.text)) (\(meetingName(meeting.id)))")
        }
        return lines
    }

    private func meetingName(_ activityId: String) -> String { MarkdownText.cell(review.meetingName(activityId, in: dataset) ?? activityId) }
}
