import Foundation

/// Due dates are calendar days, stored as yyyy-MM-dd and typed the office way.
public enum DueDate {
    /// `31-03-2024`, `31-3-2024`, `31-3-24` (day first, as the office writes it: a two-digit year is this
    /// century's) or `2024-03-31` (also with `/` or `.`) as `2024-03-31`; nil when it is no day.
    public static func parse(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        var (year, month, day) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        // A year as the office often writes it, two digits (15-1-24): this century, the dialogue's own.
        if year.count == 2 { year = "20" + year }
        guard year.count == 4, month.count <= 2, day.count <= 2 else { return nil }
        let iso = year + "-" + String(repeating: "0", count: 2 - month.count) + month + "-" + String(repeating: "0", count: 2 - day.count) + day
        return isValid(iso) ? iso : nil
    }

    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(month), day >= 1
        else { return false }
        var components = DateComponents(year: year, month: month)
        components.calendar = Calendar(identifier: .gregorian)
        guard let date = components.date, let days = components.calendar?.range(of: .day, in: .month, for: date) else { return false }
        return days.contains(day)
    }

    /// The day as yyyy-MM-dd, in Dutch time.
    public static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `days` after the day `iso` (yyyy-MM-dd), as yyyy-MM-dd.
    public static func adding(days: Int, to iso: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + days)) else { return iso }
        let next = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", next.year!, next.month!, next.day!)
    }
}
