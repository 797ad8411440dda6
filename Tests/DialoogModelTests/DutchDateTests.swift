import Foundation
import Testing
import TestSupport
import DialoogModel

/// Dates shown the office way, by arithmetic, as the calendar gives them: around the clock changes, leap
/// days and the turn of a century.
@Suite struct DutchDateTests {
    @Test func aTimestampIsTheCalendarsInDutchTime() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        var generator = SplitMix64(seed: 7)
        let samples = (0..<5_000).map { _ in Date(timeIntervalSince1970: Double(generator.next() % 4_000_000_000) - 500_000_000) }
            + [Date(timeIntervalSince1970: 1_711_846_799), Date(timeIntervalSince1970: 1_711_846_800), Date(timeIntervalSince1970: 951_782_400)]
        for date in samples {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let expected = String(format: "%02d-%02d-%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
            #expect(DutchDate.timestamp(date) == expected, "\(date.timeIntervalSince1970)")
        }
        #expect(DutchDate.day("2024-03-31") == "31-03-2024" && DutchDate.day("geen datum") == "geen datum")
    }
}
