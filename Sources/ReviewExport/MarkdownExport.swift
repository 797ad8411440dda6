import DialoogModel
import Foundation

/// The review, ready to paste into the jaarverslag: a summary table, then per goal its uitgangspunt and
/// title, the four columns as the source lays them out with each status as a word, the notes, and a
/// summary; then the meetings' decisions and actions. Plain Markdown (no HTML), so pandoc turns it into a
/// Word document with real headings, lists and tables.
struct MarkdownExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options

    var text: String {
        var lines = [
            "# Tabel resultaten permanente dialoog",
            "",
            "Peildatum \(dataset.peildatum). Review-export van \(DutchDate.timestamp(options.exportedAt)).",
        ]
        lines += summaryTable
        for goal in dataset.pilotGoals { lines += section(goal) }
        lines += otherNotes
        let meetings = ReviewExporter.meetings(dataset, review: review)
        if !meetings.isEmpty {
            lines += ["", "## Besluiten en acties"]
            for meeting in meetings { lines += meetingLines(meeting) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Notes on the other places (meetings, themes, cases, examples, figures, sources), by place.
    private var otherNotes: [String] {
        let places = ReviewExporter.meetings(dataset, review: review).map { ($0.activityId, $0.title) }
            + dataset.otherNoteSubjects.map { ($0.id, $0.name) }
        let noted = places.compactMap { id, name -> (String, [Note])? in
            let notes = review.notes(on: id).filter { options.includesInternalNotes || $0.isForReport }
            return notes.isEmpty ? nil : (name, notes)
        }
        guard !noted.isEmpty else { return [] }
        return ["", "## Notities bij overleggen, thema's, cases, voorbeelden, cijfers en bronnen", ""] + noted.flatMap { name, notes in
            notes.map { MarkdownText.listItem("*\(MarkdownText.inline(name))* (\(MarkdownText.inline($0.author)), \(DutchDate.timestamp($0.createdAt))): "
                                              + MarkdownText.inline($0.text)) }
        }
    }

    private var summaryTable: [String] {
        let header = ["Doel"] + StatusCounts.reportOrder.map { $0.label.capitalizedFirst }
        var rows = dataset.pilotGoals.map { goal in
            ["Doel \(goal.number): \(MarkdownText.cell(goal.uitgangspunt))"] + counts(StatusCounts([goal], review: review))
        }
        rows.append(["Totaal"] + counts(StatusCounts(dataset.pilotGoals, review: review)))
        return ["", "## Samenvatting", "", "Status van indicatoren, bewijs en resultaten per doel.", ""]
            + MarkdownText.table(header: header, widths: [40] + Array(repeating: 9, count: header.count - 1),
                                 rightAligned: Set(1..<header.count), rows: rows)
    }

    private func counts(_ counts: StatusCounts) -> [String] { StatusCounts.reportOrder.map { String(counts[$0]) } }

    private func section(_ goal: PilotGoal) -> [String] {
        var lines = ["", "## Doel \(goal.number): \(MarkdownText.inline(goal.uitgangspunt))", "",
                     "**\(MarkdownText.inline(goal.title))**\(idSuffix(goal.id))", "",
                     "Samenvatting: \(StatusCounts([goal], review: review).sentence)."]
        for column in GoalColumn.allCases {
            let heading = column == .resultaten ? "\(column.sourceTitle) (peildatum \(dataset.peildatum))" : column.sourceTitle
            lines += ["", "### \(MarkdownText.inline(heading))", ""]
            lines += goal.items(in: column).enumerated().flatMap { itemLines($1, number: $0 + 1, reviewable: column.isReviewable) }
        }
        let notes = GoalColumn.allCases.flatMap { column in
            goal.items(in: column).enumerated().flatMap { index, item in
                review.notes(on: item.id).filter { options.includesInternalNotes || $0.isForReport }
                    .map { (place: "\(column.title) \(index + 1)", note: $0) }
            }
        }
        if !notes.isEmpty {
            lines += ["", "### Notities", ""]
            lines += notes.map { place, note in
                MarkdownText.listItem("*\(place)* (\(MarkdownText.inline(note.author)), \(DutchDate.timestamp(note.createdAt))): "
                                      + MarkdownText.inline(note.text))
            }
        }
        return lines
    }

    /// One item, numbered as the notes and the app name it ("Bewijs 2"): `=>` mitigations as the source
    /// writes them, sub-items nested, the status as a word.
    private func itemLines(_ item: GoalItem, number: Int, reviewable: Bool) -> [String] {
        let status = reviewable ? "**\(review.status(of: item.id).label)**: " : ""
        let arrow = item.isMitigation ? "=> " : ""
        return [MarkdownText.numberedItem(number, arrow + status + MarkdownText.inline(item.text) + idSuffix(item.id))]
            + item.subitems.map { "    " + MarkdownText.listItem(MarkdownText.inline($0)) }
    }

    private func idSuffix(_ id: String) -> String { options.showsIds ? " (`\(id)`)" : "" }

    private func meetingLines(_ heading: ReviewExporter.MeetingHeading) -> [String] {
        var lines = ["", "### \(MarkdownText.inline(heading.title))\(idSuffix(heading.activityId))"]
        if let meeting = heading.meeting {
            let present = meeting.attendance.filter { !$0.isExcused }.map(\.name)
            let excused = meeting.attendance.filter(\.isExcused).map(\.name)
            if !present.isEmpty { lines += ["", "Aanwezig: " + MarkdownText.inline(present.joined(separator: ", "))] }
            if !excused.isEmpty { lines += ["", "Afgemeld: " + MarkdownText.inline(excused.joined(separator: ", "))] }
            if !meeting.minutes.isEmpty { lines += ["", "Verslag:", "", MarkdownText.inline(meeting.minutes)] }
            for (title, parts) in [("Programma", meeting.programme), ("Goede voorbeelden", meeting.goodPractices), ("Toezeggingen", meeting.commitments)]
            where !parts.isEmpty {
                lines += ["", "\(title):", ""] + parts.map { MarkdownText.listItem(MarkdownText.inline($0)) }
            }
        }
        let decisions = review.decisions(at: heading.activityId)
        if !decisions.isEmpty {
            lines += ["", "Besluiten:", ""] + decisions.map { MarkdownText.listItem(MarkdownText.inline($0.text)) }
        }
        let actions = review.actions(at: heading.activityId)
        if !actions.isEmpty {
            lines += ["", "Acties:", ""]
            lines += MarkdownText.table(header: ["Actie", "Eigenaar", "Deadline", "Status", "Voor"], widths: [32, 14, 13, 12, 22],
                                        rows: actions.map { action in
                [MarkdownText.cell(action.text), MarkdownText.cell(action.owner), action.dueDate.map(DutchDate.day) ?? "",
                 action.isDone ? "afgerond" : (action.isPastDue(today: options.today) ? "over datum" : "open"),
                 action.linkedId.map { MarkdownText.cell(dataset.reviewTargetName($0) ?? $0) + idSuffix($0) } ?? ""]
            })
        }
        return lines
    }
}

/// Data text as Markdown that means only what it says: no emphasis, link, HTML or list from the data.
enum MarkdownText {
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "$", "^", "&"]

    /// Inline text: every Markdown punctuation escaped, a line break kept as a hard break, and no line
    /// able to start a list or underline the line above as a heading.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { index, line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return index == 0 ? trimmed : lineStartEscaped(trimmed)
            }.joined(separator: "\\\n  ")
    }

    /// A leading "1." or "-", "+" (and on a continuation line "=", which would underline the line above as
    /// a heading) escaped, so it stays text at the start of a line.
    private static func lineStartEscaped(_ line: String, marks: String = "-+=") -> String {
        var line = line
        if let marker = line.firstRange(of: /^(\d+)([.)])/) {
            line.replaceSubrange(marker, with: line[marker].dropLast() + "\\" + line[marker].suffix(1))
        } else if let first = line.first, marks.contains(first) {
            line = "\\" + line
        }
        return line
    }

    /// A table cell: one line.
    static func cell(_ text: String) -> String { inline(text.replacingOccurrences(of: "\n", with: " ")) }

    /// "- text", with a leading "1." or "-" of the text kept from starting a nested list.
    static func listItem(_ text: String) -> String { "- " + lineStartEscaped(text, marks: "-+") }

    /// "1. text", numbered as given, with a leading "1." or "-" of the text kept from starting a nested list.
    static func numberedItem(_ number: Int, _ text: String) -> String { "\(number). " + lineStartEscaped(text, marks: "-+") }

    /// A pipe table. `widths`: each column's share of the page, as dashes in the rule under the header;
    /// the rule is longer than pandoc's 72 columns, so pandoc wraps the cells and keeps these proportions
    /// (the text column widest) instead of sizing columns by their header.
    static func table(header: [String], widths: [Int]? = nil, rightAligned: Set<Int> = [], rows: [[String]]) -> [String] {
        let rule = header.indices.map { index in
            let dashes = String(repeating: "-", count: max(3, widths?[index] ?? 3))
            return rightAligned.contains(index) ? dashes.dropLast() + ":" : dashes
        }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
    }
}

extension String {
    /// "november" → "November".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
