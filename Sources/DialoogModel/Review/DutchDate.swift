import Foundation

/// Dates as the Dutch secretaries write them, in Dutch time whatever time zone the server runs in.
public enum DutchDate {
    public static let timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current

    /// A stored day (`2024-03-31`) as the office writes it: `31-03-2024`.
    public static func day(_ iso: String) -> String {
        let utf8 = iso.utf8
        guard utf8.count == 10, utf8.dropFirst(4).first == UInt8(ascii: "-"), utf8.dropFirst(7).first == UInt8(ascii: "-") else { return iso }
        return "\(iso.dropFirst(8))-\(iso.dropFirst(5).prefix(2))-\(iso.prefix(4))"
    }

    /// "25-11-2026 06:40". By arithmetic on the Dutch offset of that moment: a list of changes shows hundreds.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = CivilDay.date(days: days)
        let minutes = (seconds - days * 86_400) / 60
        return "\(twoDigits(day))-\(twoDigits(month))-\(year) \(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
