import DialoogModel
import Foundation

/// The weekly summary for an e-mail: what changed since a moment, per goal, meeting and person, and the
/// actions due, as plain text or Markdown.
public enum SummaryExport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown
    }

    public static func text(_ changes: ReviewChanges, format: Format, exportedAt: Date) -> String {
        let title = "Wijzigingen in de review sinds \(DutchDate.timestamp(changes.since))"
        let count = changes.entries.isEmpty ? "Geen wijzigingen." : changes.byWhom.prefix(1).uppercased() + changes.byWhom.dropFirst() + "."
        let made = "Gemaakt op \(DutchDate.timestamp(exportedAt)) met htno-dialoog."
        var lines: [String]
        switch format {
        case .text:
            lines = [title, String(repeating: "=", count: title.count), "", count, made]
            for section in changes.sections {
                lines += ["", section.title, String(repeating: "-", count: section.title.count)] + section.lines.map { "- " + $0.text }
            }
        case .markdown:
            lines = ["# " + MarkdownText.inline(title), "", MarkdownText.inline(count) + "  ", made]
            for section in changes.sections {
                lines += ["", "## " + MarkdownText.inline(section.title), ""] + section.lines.map { MarkdownText.listItem(MarkdownText.inline($0.text)) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "7d", "2w", "24u" back from `now`, or a day typed the office way (dd-mm-jjjj, from its start in Dutch time);
    /// nil when it is neither.
    public static func since(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        // Up to about a hundred years back: more is a typing error, and would overflow.
        if let unit = trimmed.last, let amount = Int(trimmed.dropLast()), (0...40_000).contains(amount) {
            let hours: Int? = switch unit {
            case "d": amount * 24
            case "w": amount * 24 * 7
            case "u", "h": amount
            default: nil
            }
            if let hours { return now.addingTimeInterval(-Double(hours) * 3600) }
        }
        guard let day = DueDate.parse(trimmed) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
