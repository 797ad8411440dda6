import Foundation

/// Dates as the Dutch secretaries write them, in Dutch time whatever time zone the server runs in.
public enum DutchDate {
    public static let timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current

    /// A stored day (`2024-03-31`) as the office writes it: `31-03-2024`.
    public static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// "25-11-2026 06:40".
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
