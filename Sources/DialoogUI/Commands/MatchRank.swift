import DialoogModel

/// How well typed words name an entry of a picker (the `:` palette, the "voor" field of an action), best
/// first; entries of one rank keep the order of their list. "doel 6" puts Doel 6 itself first, then its
/// items, and only then an item whose text has "60 aanwezigen".
enum MatchRank: Int, Comparable, Sendable {
    /// The typed words are the entry's name ("doel 6 bewijs 2").
    case name
    /// The name begins with the typed words, the last perhaps still being typed ("doel 6" for Doel 6 · Bewijs 2,
    /// not for Doel 5 · Indicatoren 6; "doel 1" for Doel 1 and Doel 12 alike).
    case startOfName
    /// Each typed word is a whole word of the name.
    case wordsOfName
    /// Each typed word is a whole word of the name or text.
    case wholeWords
    /// Each typed word starts a word.
    case wordStarts
    /// Each typed word occurs somewhere in the text.
    case within

    /// The rank of an entry, nil when a typed word does not occur in it. All words folded (`MatchRank.words`).
    init?(typed: [String], name: [String], words: [String], folded text: String) {
        if typed == name {
            self = .name
        } else if let last = typed.last, name.count >= typed.count, name.starts(with: typed.dropLast()),
                  name[typed.count - 1].hasPrefix(last) {
            self = .startOfName
        } else if typed.allSatisfy(name.contains) {
            self = .wordsOfName
        } else if typed.allSatisfy(words.contains) {
            self = .wholeWords
        } else if typed.allSatisfy({ word in words.contains { $0.hasPrefix(word) } }) {
            self = .wordStarts
        } else if typed.allSatisfy({ text.contains($0) }) {
            self = .within
        } else {
            return nil
        }
    }

    static func < (left: MatchRank, right: MatchRank) -> Bool { left.rawValue < right.rawValue }

    /// The folded words of a text: case and accents aside, split at anything not a letter or digit.
    static func words(_ text: String) -> [String] {
        SearchText.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

extension Sequence {
    /// The elements a rank is given for, best rank first, in their own order within a rank.
    func ranked(by rank: (Element) -> MatchRank?) -> [Element] {
        enumerated().compactMap { order, element in rank(element).map { (rank: $0, order: order, element: element) } }
            .sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.element)
    }
}
