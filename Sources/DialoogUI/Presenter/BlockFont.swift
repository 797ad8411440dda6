import DialoogModel

/// Large letters for slide titles: a 3x5 pixel font drawn with half blocks (▀ ▄ █), so one letter
/// is 3 rows high; `scale` widens and heightens every pixel. ASCII terminals get `#` pixels, 5 rows high.
enum BlockFont {
    private static let glyphs: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"], "N": ["##.", "#.#", "#.#", "#.#", "#.#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."], "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "#.#.#", ".#.#."], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "##."],
        " ": ["...", "...", "...", "...", "..."], "-": ["...", "...", "###", "...", "..."],
        ".": ["...", "...", "...", "...", ".#."], "·": ["...", "...", ".#.", "...", "..."],
        ":": ["...", ".#.", "...", ".#.", "..."], "/": ["..#", "..#", ".#.", "#..", "#.."],
        "'": [".#.", ".#.", "...", "...", "..."], "&": [".#.", "#.#", ".#.", "#.#", ".##"],
        "?": ["##.", "..#", ".#.", "...", ".#."], "!": [".#.", ".#.", ".#.", "...", ".#."],
        ",": ["...", "...", "...", ".#.", "#.."], ";": ["...", ".#.", "...", ".#.", "#.."],
        "(": [".#", "#.", "#.", "#.", ".#"], ")": ["#.", ".#", ".#", ".#", "#."],
        "\"": ["#.#", "#.#", "...", "...", "..."], "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "+": ["...", ".#.", "###", ".#.", "..."], "=": ["...", "###", "...", "###", "..."],
        "€": [".##", "#..", "###", "#..", ".##"], "@": [".#.", "#.#", "###", "#..", ".##"],
    ]

    /// Typographic quotes and dashes drawn as their plain forms.
    private static let plainForms: [Character: Character] = ["’": "'", "‘": "'", "“": "\"", "”": "\"", "–": "-", "—": "-"]

    /// Whether every character of `text` (accents folded away) has a big glyph.
    static func canDraw(_ text: String) -> Bool {
        normalized(text).allSatisfy { glyphs[$0] != nil }
    }

    /// Columns and rows the text takes at a scale (W and M are five pixels wide, the rest three or fewer).
    static func size(of text: String, scale: Int, unicode: Bool) -> (width: Int, height: Int) {
        let pixels = normalized(text).reduce(0) { $0 + (glyphs[$1]?[0].count ?? 3) + 1 }
        return (max(0, pixels - 1) * scale, unicode ? (5 * scale + 1) / 2 : 5 * scale)
    }

    /// The text in block letters at `scale`, broken between words into lines no wider than `width`; nil when
    /// a word alone is wider.
    static func wrapped(_ text: String, scale: Int, unicode: Bool, width: Int) -> [[String]]? {
        var lines: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            guard size(of: word, scale: scale, unicode: unicode).width <= width else { return nil }
            if let last = lines.last, size(of: last + " " + word, scale: scale, unicode: unicode).width <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.map { rows($0, scale: scale, unicode: unicode) }
    }

    /// The text as rows of block characters.
    static func rows(_ text: String, scale: Int, unicode: Bool) -> [String] {
        let characters = normalized(text)
        let pixelRows = (0..<5).map { row in
            characters.map { glyphs[$0]?[row] ?? "..." }.joined(separator: ".")
        }
        let scaled = pixelRows.flatMap { row in
            Array(repeating: String(row.flatMap { Array(repeating: $0, count: scale) }), count: scale)
        }
        guard unicode else { return scaled.map { $0.map { $0 == "#" ? "#" : " " }.reduce("") { $0 + String($1) } } }
        // Two pixel rows become one terminal row of half blocks.
        return stride(from: 0, to: scaled.count, by: 2).map { top in
            let upper = Array(scaled[top])
            let lower = top + 1 < scaled.count ? Array(scaled[top + 1]) : Array(repeating: Character("."), count: upper.count)
            return String(zip(upper, lower).map { pair -> Character in
                switch pair {
                case ("#", "#"): "█"
                case ("#", _): "▀"
                case (_, "#"): "▄"
                default: " "
                }
            })
        }
    }

    private static func normalized(_ text: String) -> [Character] {
        text.folding(options: [.diacriticInsensitive], locale: nil).uppercased().map { plainForms[$0] ?? $0 }
    }
}
