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

/// The one-line search prompt at the bottom while the user types.
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
