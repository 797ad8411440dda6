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
    case figure(index: Int)
    case sourceTable(index: Int)
    /// A source in the Bronnen section, and one part of it.
    case document(index: Int)
    case documentPart(document: Int, part: Int)
}

public struct SearchEntry: Sendable {
    public let location: DataLocation
    /// Short description of where the text is, e.g. "Doel 3 · Bewijs".
    public let label: String
    public let text: String
}

/// The entries that hold every word of a query, by their place in the index.
public struct SearchHits: Sendable, Equatable {
    public let query: String
    /// The folded words of the query.
    let terms: [String]
    let indices: [Int]

    public var count: Int { indices.count }

    /// Whether a query of `newTerms` can only find fewer: each word of this one lies within one of them.
    func isNarrowed(by newTerms: [String]) -> Bool {
        !terms.isEmpty && terms.allSatisfy { term in newTerms.contains { $0.contains(term) } }
    }
}

/// Case- and accent-insensitive text, so "beta" finds "bèta" and "Bühne" finds "buhne".
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The folded text as UTF-8; plain ASCII (most of the data) is lower-cased byte by byte,
    /// which is much faster than Foundation's folding and gives the same result.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(fold(text).utf8) }
        for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
        return bytes
    }
}

/// All text of a dataset, flattened once so each search is a plain scan: the folded texts of all
/// entries in one buffer, one line each, searched with the C library's strstr.
public struct SearchIndex: Sendable {
    public let entries: [SearchEntry]
    /// Folded text of every entry, each ended by a newline, the whole ended by NUL.
    private let buffer: [CChar]
    /// Where each entry's text starts in `buffer`.
    private let starts: [Int]

    public init(_ dataset: Dataset) {
        var builder = Builder()
        builder.addPilotGoals(dataset.pilotGoals)
        builder.addThemes(dataset.longTermThemes)
        builder.addCycle(dataset.cycle)
        builder.addCases(dataset.techniekpact)
        builder.addExamples(dataset.regionalExamples)
        builder.addFigures(dataset.figures)
        builder.addReflections(dataset.annualReport, goals: dataset.pilotGoals)
        builder.addDocuments(dataset.documents)
        for (index, table) in dataset.tables.enumerated() {
            builder.add(.sourceTable(index: index), "Cijfers · \(table.caption)", [table.caption] + table.columns + table.rows.flatMap(\.cells) + table.notes)
        }
        self.init(entries: builder.entries)
    }

    /// What the secretaries wrote: notes (at their goal item), decisions and action items with owners (at
    /// their meeting). Small and changing with every edit, so it is built per search.
    public init(review: ReviewSnapshot, in dataset: Dataset) {
        var entries: [SearchEntry] = []
        for note in review.notes {
            guard let place = dataset.goalItem(id: note.subjectId) else { continue }
            entries.append(SearchEntry(location: .goalItem(goal: place.goal, column: place.column, item: place.item),
                                       label: "Notitie · \(note.author)", text: note.text + " · " + note.author))
        }
        for decision in review.decisions {
            guard let place = dataset.activity(id: decision.activityId) else { continue }
            entries.append(SearchEntry(location: .activity(month: place.month, index: place.index),
                                       label: "Besluit · \(DutchMonth.name(place.month + 1))", text: decision.text + " · " + decision.author))
        }
        for action in review.actions {
            guard let place = dataset.activity(id: action.activityId) else { continue }
            entries.append(SearchEntry(location: .activity(month: place.month, index: place.index),
                                       label: "Actie · \(action.owner)", text: action.text + " · " + action.owner))
        }
        self.init(entries: entries)
    }

    public init(entries: [SearchEntry]) {
        self.entries = entries
        var buffer: [CChar] = []
        buffer.reserveCapacity(entries.reduce(1) { $0 + $1.text.utf8.count + 1 })
        var starts: [Int] = []
        starts.reserveCapacity(entries.count)
        for entry in entries {
            starts.append(buffer.count)
            // Newlines and NULs inside a text would end it early: they become spaces.
            for byte in SearchText.foldedBytes(entry.text) {
                buffer.append(byte == 10 || byte == 0 ? 32 : CChar(bitPattern: byte))
            }
            buffer.append(10)
        }
        buffer.append(0)
        self.buffer = buffer
        self.starts = starts
    }

    /// Entries that contain every word of the query, in data order.
    public func search(_ query: String) -> [SearchEntry] {
        hits(for: query).indices.map { entries[$0] }
    }

    /// The hits of `query`. When `previous` was a query this one only adds to (a character or a word more),
    /// every hit is among its hits, so only those are checked again: typing narrows instead of rescanning.
    public func hits(for query: String, narrowing previous: SearchHits? = nil) -> SearchHits {
        let terms = SearchText.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = terms.first else { return SearchHits(query: query, terms: [], indices: []) }
        let patterns = terms.map { Array($0.utf8) }
        return buffer.withUnsafeBufferPointer { text -> SearchHits in
            guard let base = text.baseAddress else { return SearchHits(query: query, terms: terms, indices: []) }
            var found: [Int] = []
            if let previous, previous.isNarrowed(by: terms) {
                found = previous.indices.filter { entry in patterns.allSatisfy { contains($0, in: entry, base: base, total: text.count) } }
            } else {
                // One pass of strstr over all text for the first word; the others only where it occurs.
                var position = base
                let firstPattern = Array(first.utf8CString)
                while let hit = strstr(position, firstPattern) {
                    let entry = entryIndex(at: base.distance(to: UnsafePointer(hit)))
                    if patterns.dropFirst().allSatisfy({ contains($0, in: entry, base: base, total: text.count) }) { found.append(entry) }
                    position = base + end(of: entry, total: text.count)
                }
            }
            return SearchHits(query: query, terms: terms, indices: found)
        }
    }

    /// The entries of `hits`, the first `limit` of them.
    public func entries(of hits: SearchHits, limit: Int = .max) -> [SearchEntry] {
        hits.indices.prefix(limit).map { entries[$0] }
    }

    /// Where an entry's text ends (its newline) in the buffer.
    private func end(of entry: Int, total: Int) -> Int {
        entry + 1 < starts.count ? starts[entry + 1] : total - 1
    }

    /// Whether `pattern` occurs in the text of one entry, looking no further than its end: memchr finds
    /// each candidate first byte, memcmp checks the rest (glibc's memmem is not visible to Swift).
    private func contains(_ pattern: [UInt8], in entry: Int, base: UnsafePointer<CChar>, total: Int) -> Bool {
        guard let first = pattern.first else { return true }
        let last = end(of: entry, total: total) - pattern.count
        var position = starts[entry]
        return pattern.withUnsafeBytes { needle in
            while position <= last {
                guard let candidate = memchr(base + position, Int32(first), last - position + 1) else { return false }
                if memcmp(candidate, needle.baseAddress!, pattern.count) == 0 { return true }
                position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(candidate)) + 1
            }
            return false
        }
    }

    /// The entry whose text holds the byte at `offset`.
    private func entryIndex(at offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private struct Builder {
        var entries: [SearchEntry] = []

        mutating func add(_ location: DataLocation, _ label: String, _ texts: [String]) {
            let text = texts.joined(separator: " · ")
            entries.append(SearchEntry(location: location, label: label, text: text))
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
                        texts += (middag.programme ?? []).flatMap(\.texts)
                        texts += middag.attendance.map(\.text) + middag.goodPractices.flatMap { [$0.title, $0.text] } + middag.commitments
                    }
                    add(.activity(month: monthIndex, index: index), "\(month.name.capitalized) \(cycle.year)", texts)
                }
            }
        }

        mutating func addCases(_ pact: Techniekpact) {
            for goal in pact.goals {
                add(.techniekpactGoal(goal: goal.number), "Techniekpact-doel \(goal.number) · \(goal.actielijn)", [goal.title])
            }
            for (regionIndex, region) in pact.landsdelen.enumerated() {
                for goal in pact.goals {
                    guard case .cases(let names) = pact.content(landsdeel: region.id, goal: goal.number) else { continue }
                    for (index, name) in names.enumerated() {
                        // The landsdeel's name is searchable too: "/Zuidoost" lists its cases.
                        add(.regionalCase(landsdeel: regionIndex, goal: goal.number, index: index),
                            "\(region.name) · Techniekpact-doel \(goal.number)", [name, region.name])
                    }
                }
            }
        }

        /// Chapter 3's reflections, found at their goal.
        mutating func addReflections(_ report: AnnualReport, goals: [PilotGoal]) {
            for chapter in report.chapters {
                for reflection in chapter.reflections ?? [] {
                    guard let index = goals.firstIndex(where: { $0.id == reflection.goal }) else { continue }
                    add(.pilotGoal(goal: index), "Doel \(goals[index].number) · reflectie jaarverslag 2023",
                        [reflection.uitgangspunt] + reflection.blocks.map(\.text))
                }
            }
        }

        mutating func addDocuments(_ documents: [SourceDocument]) {
            for (documentIndex, document) in documents.enumerated() {
                for (index, part) in document.parts.enumerated() {
                    add(.documentPart(document: documentIndex, part: index), "\(document.title) · \(part.title)", part.texts)
                }
            }
        }

        mutating func addFigures(_ figures: [Figure]) {
            for (index, figure) in figures.enumerated() {
                add(.figure(index: index), "Cijfers · \(figure.caption)",
                    [figure.caption, figure.source] + figure.categories + figure.series.flatMap { [$0.name, $0.label ?? ""] }
                        + figure.notes + [figure.text ?? "", figure.missing ?? ""])
            }
        }

        mutating func addExamples(_ examples: [RegionalExample]) {
            for (index, example) in examples.enumerated() {
                add(.regionalExample(example: index), "Voorbeeld 2018 · \(example.place)", [example.name, example.text, example.place])
            }
        }
    }
}
