import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a thing lives in the dataset: what a search hit points at and what a detail view shows.
public enum DataLocation: Hashable, Sendable {
    case pilotGoal(goal: Int)
    case goalItem(goal: Int, column: GoalColumn, item: Int)
    case longTermTheme(theme: Int)
    case techniekpactGoal(goal: Int)
    case regionalCase(landsdeel: Int, goal: Int, index: Int)
    case activity(month: Int, index: Int)
    case regionalExample(example: Int)
}

public struct SearchEntry: Sendable {
    public let location: DataLocation
    /// Short description of where the text is, e.g. "Doel 3 · Bewijs".
    public let label: String
    public let text: String
    /// The folded text as bytes, searched with memmem.
    let folded: [UInt8]
}

/// Case- and accent-insensitive text, so "beta" finds "bèta" and "Bühne" finds "buhne".
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// All text of a dataset, flattened once so each search is a plain scan.
public struct SearchIndex: Sendable {
    public let entries: [SearchEntry]

    public init(_ dataset: Dataset) {
        var builder = Builder()
        builder.addPilotGoals(dataset.pilotGoals)
        builder.addThemes(dataset.longTermThemes)
        builder.addCycle(dataset.cycle)
        builder.addCases(dataset.techniekpact)
        builder.addExamples(dataset.regionalExamples)
        entries = builder.entries
    }

    /// Entries that contain every word of the query, in data order.
    public func search(_ query: String) -> [SearchEntry] {
        let terms = SearchText.fold(query).split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        return entries.filter { entry in terms.allSatisfy { Self.contains(entry.folded, $0) } }
    }

    /// Byte search (memchr for the first byte, memcmp for the rest): folded UTF-8 against folded
    /// UTF-8 is exact, and far faster than String.contains on large data sets.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pattern = pin.baseAddress else { return false }
                var start = base
                let last = base + (hay.count - pin.count)
                while start <= last {
                    guard let found = memchr(start, Int32(first), last - start + 1) else { return false }
                    let position = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(position, pattern, pin.count) == 0 { return true }
                    start = UnsafePointer(position) + 1
                }
                return false
            }
        }
    }

    private struct Builder {
        var entries: [SearchEntry] = []

        mutating func add(_ location: DataLocation, _ label: String, _ texts: [String]) {
            let text = texts.joined(separator: " · ")
            entries.append(SearchEntry(location: location, label: label, text: text, folded: Array(SearchText.fold(text).utf8)))
        }

        mutating func addPilotGoals(_ goals: [PilotGoal]) {
            for (goalIndex, goal) in goals.enumerated() {
                add(.pilotGoal(goal: goalIndex), "Doel \(goal.number)", [goal.title, goal.uitgangspunt])
                for column in GoalColumn.allCases {
                    for (itemIndex, item) in goal.items(in: column).enumerated() {
                        add(.goalItem(goal: goalIndex, column: column, item: itemIndex),
                            "Doel \(goal.number) · \(column.title)", [item.text] + item.subitems)
                    }
                }
            }
        }

        mutating func addThemes(_ themes: [LongTermTheme]) {
            for (index, theme) in themes.enumerated() {
                add(.longTermTheme(theme: index), "Thema \(theme.number)",
                    [theme.title] + theme.questions.map { "\($0.label)) \($0.text)" })
            }
        }

        mutating func addCycle(_ cycle: ConversationCycle) {
            for (monthIndex, month) in cycle.months.enumerated() {
                for (index, activity) in month.activities.enumerated() {
                    var texts = [activity.activity, activity.topic, activity.participants].compactMap { $0 }
                    if let middag = cycle.htnoMiddag(for: activity) {
                        texts += [middag.date, middag.place, middag.theme, middag.centralQuestion].compactMap { $0 }
                        texts += middag.attendance.map(\.text) + middag.goodPractices.flatMap { [$0.title, $0.text] } + middag.commitments
                    }
                    add(.activity(month: monthIndex, index: index), "\(month.name.capitalized) \(cycle.year)", texts)
                }
            }
        }

        mutating func addCases(_ pact: Techniekpact) {
            for goal in pact.goals {
                add(.techniekpactGoal(goal: goal.number), "Techniekpact doel \(goal.number) · \(goal.actielijn)", [goal.title])
            }
            for (regionIndex, region) in pact.landsdelen.enumerated() {
                for goal in pact.goals {
                    guard case .cases(let names) = pact.content(landsdeel: region.id, goal: goal.number) else { continue }
                    for (index, name) in names.enumerated() {
                        add(.regionalCase(landsdeel: regionIndex, goal: goal.number, index: index),
                            "\(region.name) · Techniekpact doel \(goal.number)", [name])
                    }
                }
            }
        }

        mutating func addExamples(_ examples: [RegionalExample]) {
            for (index, example) in examples.enumerated() {
                add(.regionalExample(example: index), "Voorbeeld 2018 · \(example.place)", [example.name, example.text])
            }
        }
    }
}
