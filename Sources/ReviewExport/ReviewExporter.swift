import DialoogModel
import Foundation

/// Writes the goal table with statuses, notes, decisions and action items, for the next jaarverslag.
public enum ReviewExporter {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, csv, json, text
    }

    public static func export(_ dataset: Dataset, review: ReviewSnapshot, format: Format, exportedAt: Date) -> String {
        switch format {
        case .markdown: MarkdownExport(dataset: dataset, review: review, exportedAt: exportedAt).text
        case .csv: CSVExport(dataset: dataset, review: review).text
        case .json: JSONExport.text(dataset: dataset, review: review, exportedAt: exportedAt)
        case .text: PlainTextExport(dataset: dataset, review: review).text
        }
    }

    /// Every meeting that has decisions or actions, in the order of the cycle.
    static func meetings(_ dataset: Dataset, review: ReviewSnapshot) -> [(month: MonthPlan, activity: Activity)] {
        dataset.cycle.months.flatMap { month in
            month.activities.filter { !review.decisions(at: $0.id).isEmpty || !review.actions(at: $0.id).isEmpty }
                .map { (month, $0) }
        }
    }
}

/// Bijlage 1 as a Markdown table (one row per goal, the four columns), then decisions and actions per meeting.
struct MarkdownExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let exportedAt: Date

    var text: String {
        var lines = [
            "# Tabel resultaten permanente dialoog",
            "",
            "Peildatum \(dataset.peildatum). Review-export van \(DutchDate.timestamp(exportedAt)).",
            "Status per indicator, bewijs en resultaat: " + ReviewStatus.allCases.map { "**\($0.label)**" }.joined(separator: ", ") + ".",
            "",
            "| | Winst-risico | Indicatoren | Bewijs | Voorbeelden resultaten peildatum: \(dataset.peildatum) |",
            "|---|---|---|---|---|",
        ]
        for goal in dataset.pilotGoals {
            let cells = ["**Doel \(goal.number)**<br>\(escape(goal.title))"] + GoalColumn.allCases.map { cell(goal, $0) }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let meetings = ReviewExporter.meetings(dataset, review: review)
        if !meetings.isEmpty {
            lines += ["", "## Besluiten en acties"]
            for (month, activity) in meetings { lines += meetingLines(month, activity) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cell(_ goal: PilotGoal, _ column: GoalColumn) -> String {
        goal.items(in: column).map { item in
            var text = item.isMitigation ? "=> \(escape(item.text))" : escape(item.text)
            if !item.subitems.isEmpty { text += "<br>" + item.subitems.map { "- " + escape($0) }.joined(separator: "<br>") }
            if column.isReviewable { text = "[\(review.status(of: item.id).label)] " + text }
            for note in review.notes(on: item.id) {
                text += "<br>_Notitie \(DutchDate.timestamp(note.createdAt)), \(escape(note.author)): \(escape(note.text))_"
            }
            return text
        }.joined(separator: "<br><br>")
    }

    private func meetingLines(_ month: MonthPlan, _ activity: Activity) -> [String] {
        var lines = ["", "### \(month.name.capitalized) \(dataset.cycle.year) · \(activity.activity)"]
        let decisions = review.decisions(at: activity.id)
        if !decisions.isEmpty {
            lines += ["", "Besluiten:", ""] + decisions.map { "- \(escape($0.text)) (\(DutchDate.timestamp($0.createdAt)), \(escape($0.author)))" }
        }
        let actions = review.actions(at: activity.id)
        if !actions.isEmpty {
            lines += ["", "| Actie | Eigenaar | Deadline | Status | Voor |", "|---|---|---|---|---|"]
            lines += actions.map { action in
                "| \(escape(action.text)) | \(escape(action.owner)) | \(action.dueDate.map(DutchDate.day) ?? "") | \(action.isDone ? "afgerond" : "open") | \(action.linkedId ?? "") |"
            }
        }
        return lines
    }

    /// Keeps text inside its table cell.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}

/// One row per goal item, decision and action item (RFC 4180).
struct CSVExport {
    let dataset: Dataset
    let review: ReviewSnapshot

    static let header = ["type", "goal", "column", "id", "text", "status", "notes", "activity", "owner", "due_date", "done", "linked_id"]

    var text: String {
        var rows = [Self.header]
        for goal in dataset.pilotGoals {
            for column in GoalColumn.allCases {
                for item in goal.items(in: column) {
                    let notes = review.notes(on: item.id).map { "\(DutchDate.timestamp($0.createdAt)) \($0.author): \($0.text)" }
                    rows.append(["item", String(goal.number), column.title, item.id, ([item.text] + item.subitems).joined(separator: "\n"),
                                 column.isReviewable ? review.status(of: item.id).label : "", notes.joined(separator: "\n"),
                                 "", "", "", "", ""])
                }
            }
        }
        for decision in review.decisions {
            rows.append(["decision", "", "", String(decision.id), decision.text, "", "", decision.activityId, decision.author, "", "", ""])
        }
        for action in review.actions {
            rows.append(["action", "", "", String(action.id), action.text, "", "", action.activityId, action.owner,
                         action.dueDate ?? "", action.isDone ? "ja" : "nee", action.linkedId ?? ""])
        }
        return rows.map { $0.map { Self.quote(Self.inert($0)) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a leading tab or
    /// CR) gets a leading apostrophe, which spreadsheets show as text. Numbers stay numbers.
    static func inert(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil else { return field }
        return "'" + field
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The same content as structured JSON.
enum JSONExport {
    struct Document: Encodable {
        let peildatum: String
        let exportedAt: Date
        let goals: [Goal]
        let meetings: [Meeting]
        let orphanedIds: [String]
        /// Every change: who, when, which record, old → new.
        let history: [HistoryEntry]
    }

    struct Goal: Encodable {
        let number: Int
        let id: String
        let title: String
        let columns: [String: [Item]]
    }

    struct Item: Encodable {
        let id: String
        let text: String
        let subitems: [String]
        let isMitigation: Bool
        let status: String?
        let notes: [NoteEntry]
    }

    struct NoteEntry: Encodable {
        let text: String
        let author: String
        let createdAt: Date
        let updatedBy: String?
        let updatedAt: Date?
    }

    struct Meeting: Encodable {
        let activityId: String
        let month: Int
        let activity: String
        let decisions: [DecisionEntry]
        let actions: [ActionEntry]
    }

    struct DecisionEntry: Encodable {
        let text: String
        let author: String
        let createdAt: Date
    }

    struct ActionEntry: Encodable {
        let text: String
        let owner: String
        let dueDate: String?
        let done: Bool
        let linkedId: String?
    }

    static func text(dataset: Dataset, review: ReviewSnapshot, exportedAt: Date) -> String {
        let goals = dataset.pilotGoals.map { goal in
            Goal(number: goal.number, id: goal.id, title: goal.title, columns: Dictionary(uniqueKeysWithValues: GoalColumn.allCases.map { column in
                (column.title, goal.items(in: column).map { item in
                    Item(id: item.id, text: item.text, subitems: item.subitems, isMitigation: item.isMitigation,
                         status: column.isReviewable ? review.status(of: item.id).rawValue : nil,
                         notes: review.notes(on: item.id).map {
                             NoteEntry(text: $0.text, author: $0.author, createdAt: $0.createdAt, updatedBy: $0.updatedBy, updatedAt: $0.updatedAt)
                         })
                })
            }))
        }
        let meetings = ReviewExporter.meetings(dataset, review: review).map { month, activity in
            Meeting(activityId: activity.id, month: month.month, activity: activity.activity,
                    decisions: review.decisions(at: activity.id).map { DecisionEntry(text: $0.text, author: $0.author, createdAt: $0.createdAt) },
                    actions: review.actions(at: activity.id).map {
                        ActionEntry(text: $0.text, owner: $0.owner, dueDate: $0.dueDate, done: $0.isDone, linkedId: $0.linkedId)
                    })
        }
        let document = Document(peildatum: dataset.peildatum, exportedAt: exportedAt, goals: goals, meetings: meetings,
                                orphanedIds: review.orphanedIds(in: dataset).sorted(), history: review.history)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(document)).flatMap { String(data: $0, encoding: .utf8) }.map { $0 + "\n" } ?? "{}\n"
    }
}

/// The table as plain text, goal by goal and column by column: for TERM=dumb, pipes and printers.
struct PlainTextExport {
    let dataset: Dataset
    let review: ReviewSnapshot

    var text: String {
        var lines = ["Tabel resultaten permanente dialoog (peildatum \(dataset.peildatum))", ""]
        for goal in dataset.pilotGoals {
            lines += ["Doel \(goal.number): \(goal.title)", "  Uitgangspunt: \(goal.uitgangspunt)"]
            for column in GoalColumn.allCases {
                lines.append("  \(column.sourceTitle):")
                for item in goal.items(in: column) {
                    let status = column.isReviewable ? "[\(review.status(of: item.id).label)] " : ""
                    lines.append("    \(item.isMitigation ? "=>" : "-") \(status)\(item.text)")
                    lines += item.subitems.map { "        - \($0)" }
                    lines += review.notes(on: item.id).map { "        notitie \(DutchDate.timestamp($0.createdAt)), \($0.author): \($0.text)" }
                }
            }
            lines.append("")
        }
        let meetings = ReviewExporter.meetings(dataset, review: review)
        if !meetings.isEmpty { lines += ["Besluiten en acties per overleg", ""] }
        for (month, activity) in meetings {
            lines.append("\(DutchMonth.name(month.month)) \(dataset.cycle.year): \(activity.activity)")
            lines += review.decisions(at: activity.id).map { "  besluit: \($0.text) (\(DutchDate.timestamp($0.createdAt)), \($0.author))" }
            lines += review.actions(at: activity.id).map { action in
                let due = action.dueDate.map { ", deadline \(DutchDate.day($0))" } ?? ""
                return "  actie [\(action.isDone ? "afgerond" : "open")]: \(action.text) (\(action.owner)\(due))"
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
