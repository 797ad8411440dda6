import DialoogModel

/// The search the user typed last: its hits and which one was visited.
struct ActiveSearch: Sendable {
    let query: String
    let hits: [SearchEntry]
    var current: Int = -1

    var terms: [String] {
        SearchText.fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Moves to the next (or previous) hit, wrapping around.
    mutating func step(_ offset: Int) -> SearchEntry? {
        guard !hits.isEmpty else { return nil }
        current = current < 0 && offset < 0 ? hits.count - 1 : (current + offset + hits.count) % hits.count
        return hits[current]
    }
}

/// What a results list shows: the hits of a query, or the first of them while it is being typed.
public struct SearchResults: Sendable {
    public let query: String
    public let entries: [SearchEntry]
    /// How many hits there are in all.
    public let total: Int
}

/// The search being typed at the bottom line, with the hits of what is typed so far.
struct TypedSearch: Sendable {
    var field = SearchPrompt()
    /// How deep the section's screens were when the search began: the results list goes on top of them.
    let resultsDepth: Int
    /// Each query typed so far with its hits: a longer query narrows the last one, Backspace returns to it.
    private var typed: [(query: String, hits: SearchHits, review: [SearchEntry])] = []
    private var index: SearchIndex?

    /// A results list while typing shows this many hits; Enter shows them all.
    static let liveLimit = 200

    init(resultsDepth: Int) { self.resultsDepth = resultsDepth }

    /// Finds the hits of the text as it is now, from the hits of the query it extends where there is one.
    mutating func update(index: SearchIndex, review: SearchIndex) {
        self.index = index
        let query = field.text.trimmingCharacters(in: .whitespaces)
        while let last = typed.last, !query.hasPrefix(last.query) { typed.removeLast() }
        guard !query.isEmpty, typed.last?.query != query else { return }
        typed.append((query, index.hits(for: query, narrowing: typed.last?.hits), review.search(query)))
    }

    /// The hits of the text typed, nil before anything is typed.
    var hitCount: Int? {
        typed.last.map { $0.hits.count + $0.review.count }
    }

    func results(limit: Int = .max) -> SearchResults? {
        guard let last = typed.last, let index else { return nil }
        return SearchResults(query: last.query, entries: index.entries(of: last.hits, limit: limit) + last.review,
                             total: last.hits.count + last.review.count)
    }

}

/// A one-line text field at the bottom (search, palette, file names).
struct SearchPrompt: Sendable {
    var text = ""

    init(text: String = "") { self.text = text }

    /// Applies an editing key; returns false for keys the prompt does not edit.
    mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            text.append(character)
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .control("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        default:
            return false
        }
        return true
    }
}
