import DialoogModel

/// A search: its hits in the index (by place, made into entries only when shown) and in what the
/// secretaries wrote, and which one `n`/`N` visited last.
struct ActiveSearch: Sendable {
    let query: String
    let hits: SearchHits
    private let review: [SearchEntry]
    private let index: SearchIndex
    /// The index is of the source's table; a hit is shown at its item's place in the table as it is now.
    private let placed: @Sendable (DataLocation) -> DataLocation
    var current: Int = -1

    init(query: String, index: SearchIndex, review: SearchIndex, narrowing previous: ActiveSearch?,
         placed: @escaping @Sendable (DataLocation) -> DataLocation) {
        self.query = query
        self.index = index
        self.placed = placed
        hits = index.hits(for: query, narrowing: previous?.hits)
        self.review = review.search(query)
    }

    private func entries(from start: Int, limit: Int) -> [SearchEntry] {
        index.entries(of: hits, from: start, limit: limit).map { $0.moved(to: placed($0.location)) }
    }

    var count: Int { hits.count + review.count }

    /// The folded words looked for, as the index split them.
    var terms: [String] { hits.terms }

    /// What a results list shows: the first `limit` hits of the data, then those in the review.
    func results(limit: Int) -> SearchResults {
        SearchResults(query: query, entries: entries(from: 0, limit: limit) + review, total: count)
    }

    /// Moves to the next (or previous) hit, wrapping around.
    mutating func step(_ offset: Int) -> SearchEntry? {
        guard count > 0 else { return nil }
        current = current < 0 && offset < 0 ? count - 1 : current.cycled(by: offset, in: count)
        return current < hits.count ? entries(from: current, limit: 1)[0] : review[current - hits.count]
    }
}

/// What a results list shows: the hits of a query, or the first of them.
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
    /// What the secretaries wrote, indexed once for the whole search.
    private let review: SearchIndex
    /// Each query typed so far: a longer query narrows the last one, Backspace returns to it.
    private var typed: [ActiveSearch] = []
    private let placed: @Sendable (DataLocation) -> DataLocation

    /// A results list while typing shows this many hits; after Enter this many (`n`/`N` reach every hit).
    /// Each hit shown is made again from the data with its row: 5,000 of them made Enter take 6 ms on 50k
    /// cases, and a list that long is refined by typing, not scrolled.
    static let liveLimit = 200
    static let keptLimit = 1000

    /// `placed`: where a hit of the source's index is in the table as it is now.
    init(resultsDepth: Int, review: SearchIndex, placed: @escaping @Sendable (DataLocation) -> DataLocation = { $0 }) {
        self.resultsDepth = resultsDepth
        self.review = review
        self.placed = placed
    }

    /// Finds the hits of the text as it is now, from the hits of the query it extends where there is one.
    mutating func update(index: SearchIndex) {
        let query = field.text.trimmingCharacters(in: .whitespaces)
        while let last = typed.last, !query.hasPrefix(last.query) { typed.removeLast() }
        guard !query.isEmpty, typed.last?.query != query else { return }
        typed.append(ActiveSearch(query: query, index: index, review: review, narrowing: typed.last, placed: placed))
    }

    /// The search of the text typed, nil before anything is typed.
    var last: ActiveSearch? { typed.last }
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
