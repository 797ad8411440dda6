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
        if review.meetings.contains(where: { $0.startTime != nil }) { lines += Self.amsterdam }
        for middag in dataset.cycle.htnoMiddagen {
            guard let day = Self.day(middag.date) else { continue }
            lines += ["BEGIN:VEVENT", "UID:\(Self.meetingUID(middag.activityId))", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(Self.compact(day))", "DTEND;VALUE=DATE:\(Self.compact(Self.dayAfter(day)))",
                      "SUMMARY:" + Self.escape("htno-middag: \(middag.theme)")]
            if let place = middag.place { lines.append("LOCATION:" + Self.escape(place)) }
            if let question = middag.centralQuestion { lines.append("DESCRIPTION:" + Self.escape("Centrale vraag: \(question)")) }
            lines.append("END:VEVENT")
        }
        for meeting in review.meetings { lines += event(meeting) }
        for action in review.actions {
            lines += actionsAsEvents ? event(action) : todo(action)
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// The meetings this file holds as events: only these may be named in `RELATED-TO`.
    private var meetingsInFile: Set<String> {
        Set(dataset.cycle.htnoMiddagen.filter { Self.day($0.date) != nil }.map(\.activityId) + review.meetings.map(\.activityId))
    }

    /// A meeting of a later year: at its times in Dutch time (a whole day without them), cancelled when it
    /// is vervallen; `SEQUENCE` follows its version, so a calendar takes a changed or cancelled meeting as an
    /// update of the one it has; a reminder `options.reminderDays` days before.
    private func event(_ meeting: Meeting) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:\(Self.meetingUID(meeting.activityId))", "DTSTAMP:\(stamp)", "SEQUENCE:\(meeting.version - 1)"]
        let day = Self.compact(meeting.date)
        if let start = meeting.startTime {
            // Without an end time the event has a start only (RFC 5545: DTEND must come after DTSTART).
            lines.append("DTSTART;TZID=Europe/Amsterdam:\(day)T\(Self.clock(start))")
            if let end = meeting.endTime { lines.append("DTEND;TZID=Europe/Amsterdam:\(day)T\(Self.clock(end))") }
        } else {
            lines += ["DTSTART;VALUE=DATE:\(day)", "DTEND;VALUE=DATE:\(Self.compact(Self.dayAfter(meeting.date)))"]
        }
        lines.append("SUMMARY:" + Self.escape(meeting.name + (meeting.topic.map { ": \($0)" } ?? "")))
        if let place = meeting.place { lines.append("LOCATION:" + Self.escape(place)) }
        let description = [meeting.centralQuestion.map { "Centrale vraag: \($0)" }, meeting.participants.map { "Deelnemers: \($0)" }]
            .compactMap { $0 }.joined(separator: "\n")
        if !description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(description)) }
        switch meeting.status {
        case .cancelled: lines.append("STATUS:CANCELLED")
        case .planned, .moved: lines.append("STATUS:TENTATIVE")
        case .held: lines.append("STATUS:CONFIRMED")
        }
        if meeting.status != .cancelled, options.reminderDays > 0 {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(options.reminderDays)D",
                      "DESCRIPTION:" + Self.escape("Over \(options.reminderDays) dagen: \(meeting.name)"), "END:VALARM"]
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// "13:30" → "133000".
    private static func clock(_ time: String) -> String {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return String(format: "%02d%02d00", parts.first ?? 0, parts.dropFirst().first ?? 0)
    }

    /// Dutch time with its summer time rule, for the meetings' DTSTART and DTEND.
    static let amsterdam = ["BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
                            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
                            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
                            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]

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
    /// A 2023 activity's id is prefixed ("overleg-2023-06-htno-middag"); a later meeting's is "overleg-12" already.
    static func meetingUID(_ activityId: String) -> String {
        (activityId.hasPrefix("overleg-") ? activityId : "overleg-\(activityId)") + "@htno-dialoog"
    }

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
