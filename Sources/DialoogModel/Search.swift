import Foundation
#if canImport(Glibc)
import Glibc
#endif


public struct SearchEntry: Sendable {
    public let location: DataLocation
    /// Short description of where the text is, e.g. "Doel 3 · Bewijs".
    public let label: String
    public let text: String

    /// The same hit at another place (the item's place in the table as it is now).
    public func moved(to location: DataLocation) -> SearchEntry {
        SearchEntry(location: location, label: label, text: text)
    }
}

/// The entries that hold every word of a query, by their place in the index.
public struct SearchHits: Sendable, Equatable {
    /// The folded words of the query.
    public let terms: [String]
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
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The folded text as UTF-8. ASCII is lower-cased byte by byte and a Latin letter (U+0080–U+024F: the
    /// Dutch, German and French accents) taken from a table Foundation filled, one letter at a time, so the
    /// result is Foundation's; any other character (a combining accent, Greek, a ligature) has Foundation
    /// fold the whole text. Foundation's folding is slow: it took half the time of building the index.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: bytes.append(UInt8(scalar.value) + 0x20)
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case latinRange: bytes.append(contentsOf: latinFolded[Int(scalar.value - latinRange.lowerBound)])
            default: return Array(foundationFold(text).utf8)
            }
        }
        return bytes
    }

    private static let latinRange: ClosedRange<UInt32> = 0x80...0x24F
    private static let latinFolded: [[UInt8]] = latinRange.map { Array(foundationFold(String(Character(Unicode.Scalar($0)!))).utf8) }

    private static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// All text of a dataset, flattened once so each search is a plain scan: the folded texts of all
/// entries in one buffer, one line each, searched with the C library's strstr. Entries of the dataset keep
/// only their location (runs of them); their label and text are made again for the hits that are shown.
public struct SearchIndex: Sendable {
    private let entries: Entries
    /// Folded text of every entry, each ended by a newline, the whole ended by NUL.
    private let buffer: [CChar]
    /// Where each entry's text starts in `buffer`.
    private let starts: [UInt32]

    private enum Entries: Sendable {
        /// A small index keeps its entries (what the secretaries wrote, tests).
        case stored([SearchEntry])
        /// Consecutive locations as runs: the first location and where its run starts.
        case described(Dataset, runs: [(start: Int, first: DataLocation)])
    }

    public init(_ dataset: Dataset) {
        var builder = Builder()
        DataLocation.forEachSearchable(in: dataset) { location, texts in builder.add(location, texts) }
        entries = .described(dataset, runs: builder.runs)
        builder.buffer.append(0)
        buffer = builder.buffer
        starts = builder.starts
    }

    /// What the secretaries wrote: notes (at their goal item), decisions and action items with owners (at
    /// their meeting). Small and changing with every edit, so it is built per search.
    public init(review: ReviewSnapshot, in dataset: Dataset) {
        var entries: [SearchEntry] = []
        let otherPlaces = Dictionary(dataset.otherNoteSubjects.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        for note in review.notes {
            let location = dataset.goalItem(id: note.subjectId).map { DataLocation.goalItem(goal: $0.goal, column: $0.column, item: $0.item) }
                ?? review.location(ofMeeting: note.subjectId, in: dataset) ?? otherPlaces[note.subjectId]
            guard let location else { continue }
            entries.append(SearchEntry(location: location, label: "Notitie · \(note.author)", text: note.text + " · " + note.author))
        }
        for decision in review.decisions {
            guard let place = review.location(ofMeeting: decision.activityId, in: dataset) else { continue }
            entries.append(SearchEntry(location: place, label: "Besluit · \(review.meetingName(decision.activityId, in: dataset) ?? "")",
                                       text: decision.text + " · " + decision.author))
        }
        for action in review.actions {
            guard let place = review.location(ofMeeting: action.activityId, in: dataset) else { continue }
            entries.append(SearchEntry(location: place, label: "Actie · \(action.owner)", text: action.text + " · " + action.owner))
        }
        // New items and new wordings of the goal table, at their item.
        for change in review.tableChanges {
            guard let place = dataset.goalItem(id: change.subjectId) else { continue }
            entries.append(SearchEntry(location: .goalItem(goal: place.goal, column: place.column, item: place.item),
                                       label: "\(change.kind == .addition ? "Nieuw item" : "Formulering") (\(change.state.rawValue)) · \(change.author)",
                                       text: change.text + " · " + change.author))
        }
        // Meetings of later years, by what they are about and what was said there.
        for meeting in review.meetings {
            let texts = [meeting.name, meeting.topic, meeting.centralQuestion, meeting.place, meeting.minutes] + meeting.agendaPoints.map(\.text)
            entries.append(SearchEntry(location: .meeting(id: meeting.id, year: meeting.year), label: "Overleg · \(meeting.name)",
                                       text: texts.compactMap { $0 }.joined(separator: " · ")))
        }
        self.init(entries: entries)
    }

    public init(entries: [SearchEntry]) {
        var builder = Builder()
        for entry in entries { builder.append(entry.text) }
        self.entries = .stored(entries)
        builder.buffer.append(0)
        buffer = builder.buffer
        starts = builder.starts
    }

    /// The entry at a place in the index: kept, or made again from the data.
    private func entry(at index: Int) -> SearchEntry {
        switch entries {
        case .stored(let stored):
            return stored[index]
        case .described(let dataset, let runs):
            var low = 0
            var high = runs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if runs[middle].start <= index { low = middle } else { high = middle - 1 }
            }
            let location = runs[low].first.advanced(by: index - runs[low].start)
            return SearchEntry(location: location, label: location.searchLabel(in: dataset),
                               text: location.searchTexts(in: dataset).joined(separator: " · "))
        }
    }

    /// Entries that contain every word of the query, in data order.
    public func search(_ query: String) -> [SearchEntry] {
        hits(for: query).indices.map(entry(at:))
    }

    /// The hits of `query`. When `previous` was a query this one only adds to (a character or a word more),
    /// every hit is among its hits, so only those are checked again: typing narrows instead of rescanning.
    public func hits(for query: String, narrowing previous: SearchHits? = nil) -> SearchHits {
        let terms = SearchText.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = terms.first else { return SearchHits(terms: [], indices: []) }
        // The words one after the other in one array, so the loops below hold plain pointers.
        let words = terms.flatMap(\.utf8)
        let wordRanges = terms.reduce(into: [Range<Int>]()) { ranges, term in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + term.utf8.count)
        }
        return buffer.withUnsafeBufferPointer { text -> SearchHits in
            words.withUnsafeBufferPointer { allWords -> SearchHits in
                guard let base = text.baseAddress else { return SearchHits(terms: terms, indices: []) }
                let bytes = UnsafeRawBufferPointer(text)
                let patterns = wordRanges.map { UnsafeBufferPointer(rebasing: allWords[$0]) }
                let others = patterns.dropFirst()
                var found: [Int] = []
                if let previous, previous.isNarrowed(by: terms) {
                    found = previous.indices.filter { entry in patterns.allSatisfy { contains($0, in: entry, text: bytes) } }
                } else {
                    // One pass of strstr over all text for the first word; the others only where it occurs.
                    var position = base
                    var entry = 0
                    let firstPattern = Array(first.utf8CString)
                    while let hit = strstr(position, firstPattern) {
                        // Hits come in text order: the entry holding one is found by walking on from the last
                        // (for a short query nearly every entry has a hit, and a search per hit cost more).
                        let offset = base.distance(to: UnsafePointer(hit))
                        while entry + 1 < starts.count, Int(starts[entry + 1]) <= offset { entry += 1 }
                        if others.allSatisfy({ contains($0, in: entry, text: bytes) }) { found.append(entry) }
                        position = base + end(of: entry, total: text.count)
                    }
                }
                return SearchHits(terms: terms, indices: found)
            }
        }
    }

    /// The entries of `hits`, `limit` of them from the hit at `start`: made only for the hits shown.
    public func entries(of hits: SearchHits, from start: Int = 0, limit: Int = .max) -> [SearchEntry] {
        hits.indices.dropFirst(start).prefix(limit).map(entry(at:))
    }

    /// Where an entry's text ends (its newline) in the buffer.
    private func end(of entry: Int, total: Int) -> Int {
        entry + 1 < starts.count ? Int(starts[entry + 1]) : total - 1
    }

    /// Whether `pattern` occurs in the text of one entry, looking no further than its end: memchr finds
    /// each candidate first byte, memcmp checks the rest (glibc's memmem is not visible to Swift).
    private func contains(_ pattern: UnsafeBufferPointer<UInt8>, in entry: Int, text: UnsafeRawBufferPointer) -> Bool {
        guard let first = pattern.first, let base = text.baseAddress else { return true }
        let last = end(of: entry, total: text.count) - pattern.count
        var position = Int(starts[entry])
        while position <= last {
            guard let candidate = memchr(base + position, Int32(first), last - position + 1) else { return false }
            if memcmp(candidate, pattern.baseAddress!, pattern.count) == 0 { return true }
            position = base.distance(to: UnsafeRawPointer(candidate)) + 1
        }
        return false
    }

    /// Folds texts into one buffer and keeps the locations as runs.
    private struct Builder {
        var buffer: [CChar] = []
        var starts: [UInt32] = []
        var runs: [(start: Int, first: DataLocation)] = []

        mutating func add(_ location: DataLocation, _ texts: [String]) {
            // A location that follows the last one's run (the next case of a cell) extends it.
            if runs.last.map({ $0.first.advanced(by: starts.count - $0.start) != location }) ?? true {
                runs.append((starts.count, location))
            }
            append(texts.joined(separator: " · "))
        }

        mutating func append(_ text: String) {
            starts.append(UInt32(buffer.count))
            // Newlines and NULs inside a text would end it early: they become spaces.
            for byte in SearchText.foldedBytes(text) {
                buffer.append(byte == 10 || byte == 0 ? 32 : CChar(bitPattern: byte))
            }
            buffer.append(10)
        }
    }
}
