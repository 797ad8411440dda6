import DialoogModel
import Foundation

/// Action items as to-dos and the dated meetings (the htno-middagen) as events, in iCalendar (RFC 5545),
/// for Outlook and other agendas. UIDs come from the records' ids, so importing a newer export updates
/// what an earlier one brought in instead of adding it twice.
struct CalendarExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options
    /// Actions as all-day events on their due date instead of to-dos.
    let actionsAsEvents: Bool

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sac htno//htno-dialoog//NL", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:Permanente dialoog htno"]
        for middag in dataset.cycle.htnoMiddagen {
            guard let day = Self.day(middag.date) else { continue }
            lines += ["BEGIN:VEVENT", "UID:\(Self.meetingUID(middag.activityId))", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(Self.compact(day))", "DTEND;VALUE=DATE:\(Self.compact(Self.dayAfter(day)))",
                      "SUMMARY:" + Self.escape("htno-middag: \(middag.theme)")]
            if let place = middag.place { lines.append("LOCATION:" + Self.escape(place)) }
            if let question = middag.centralQuestion { lines.append("DESCRIPTION:" + Self.escape("Centrale vraag: \(question)")) }
            lines.append("END:VEVENT")
        }
        for action in review.actions {
            lines += actionsAsEvents ? event(action) : todo(action)
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// The meetings this file holds as events: only these may be named in `RELATED-TO`.
    private var meetingsInFile: Set<String> {
        Set(dataset.cycle.htnoMiddagen.filter { Self.day($0.date) != nil }.map(\.activityId))
    }

    private func description(_ action: ActionItem) -> String {
        let meeting = review.meetingName(action.activityId, in: dataset)
        return ["Eigenaar: \(action.owner)", meeting.map { "Overleg: \($0)" },
                action.linkedId.map { "Voor: \(dataset.reviewTargetName($0) ?? $0)" }]
            .compactMap { $0 }.joined(separator: "\n")
    }

    private func todo(_ action: ActionItem) -> [String] {
        var lines = ["BEGIN:VTODO", "UID:\(Self.actionUID(action.id))", "DTSTAMP:\(stamp)"]
        if let due = action.dueDate { lines.append("DUE;VALUE=DATE:\(Self.compact(due))") }
        lines += ["SUMMARY:" + Self.escape(action.text), "DESCRIPTION:" + Self.escape(description(action)),
                  "STATUS:" + (action.isDone ? "COMPLETED" : "NEEDS-ACTION")]
        if meetingsInFile.contains(action.activityId) { lines.append("RELATED-TO:\(Self.meetingUID(action.activityId))") }
        // A to-do has no start, so the reminder is set against its due date.
        if action.dueDate != nil, !action.isDone { lines += alarm(action, trigger: "TRIGGER;RELATED=END:-P1D") }
        lines.append("END:VTODO")
        return lines
    }

    /// The action as an all-day event on its due date; an action without one has no day to stand on.
    private func event(_ action: ActionItem) -> [String] {
        guard let due = action.dueDate else { return [] }
        var lines = ["BEGIN:VEVENT", "UID:\(Self.actionUID(action.id))", "DTSTAMP:\(stamp)",
                     "DTSTART;VALUE=DATE:\(Self.compact(due))", "DTEND;VALUE=DATE:\(Self.compact(Self.dayAfter(due)))",
                     "SUMMARY:" + Self.escape((action.isDone ? "Afgerond: " : "Actie: ") + action.text),
                     "DESCRIPTION:" + Self.escape(description(action)), "TRANSP:TRANSPARENT"]
        if meetingsInFile.contains(action.activityId) { lines.append("RELATED-TO:\(Self.meetingUID(action.activityId))") }
        if !action.isDone { lines += alarm(action, trigger: "TRIGGER:-P1D") }
        lines.append("END:VEVENT")
        return lines
    }

    /// A reminder the day before the deadline.
    private func alarm(_ action: ActionItem, trigger: String) -> [String] {
        ["BEGIN:VALARM", "ACTION:DISPLAY", trigger, "DESCRIPTION:" + Self.escape("Deadline morgen: \(action.text)"), "END:VALARM"]
    }

    static func actionUID(_ id: Int64) -> String { "actie-\(id)@htno-dialoog" }
    static func meetingUID(_ activityId: String) -> String { "overleg-\(activityId)@htno-dialoog" }

    private var stamp: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: options.exportedAt)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// "18 januari 2023" → "2023-01-18".
    static func day(_ dutch: String) -> String? {
        let words = dutch.split(separator: " ")
        guard words.count == 3, let day = Int(words[0]), let month = DutchMonth.names.firstIndex(of: words[1].lowercased()),
              let year = Int(words[2]) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month + 1, day)
    }

    private static func dayAfter(_ iso: String) -> String { DueDate.adding(days: 1, to: iso) }

    private static func compact(_ iso: String) -> String { iso.replacingOccurrences(of: "-", with: "") }

    /// TEXT values: backslash, `;`, `,` and line breaks escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.
    static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }
}
