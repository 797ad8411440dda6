import DialoogModel

/// Large letters drawn with half blocks (▀ ▄ █), two pixels a terminal row: for slide titles a 3x5 pixel face
/// (3 rows a letter), for body text a compact 3x4 face (2 rows a letter); `scale` widens and heightens every
/// pixel. ASCII terminals get `#` pixels, a row each.
enum BlockFont {
    enum Face {
        /// 5 pixels high: titles.
        case large
        /// 4 pixels high, two terminal rows: body text in big letters.
        case compact

        var height: Int { self == .large ? 5 : 4 }

        fileprivate var glyphs: [Character: [String]] { self == .large ? BlockFont.largeGlyphs : BlockFont.compactGlyphs }
    }

    fileprivate static let largeGlyphs: [Character: [String]] = [
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

    /// The same characters in four pixel rows: a bar in the middle sits on the third row (A, H) or the second
    /// (B, E, F), so that no two letters look alike.
    fileprivate static let compactGlyphs: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#"], "B": ["##.", "###", "#.#", "##."], "C": [".##", "#..", "#..", ".##"],
        "D": ["##.", "#.#", "#.#", "##."], "E": ["###", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#.."],
        "G": [".##", "#..", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#"], "I": ["###", ".#.", ".#.", "###"],
        "J": ["..#", "..#", "#.#", ".#."], "K": ["#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#"], "N": ["#..#", "##.#", "#.##", "#..#"], "O": [".#.", "#.#", "#.#", ".#."],
        "P": ["##.", "#.#", "##.", "#.."], "Q": [".#.", "#.#", "#.#", ".##"], "R": ["##.", "#.#", "##.", "#.#"],
        "S": [".##", "#..", "..#", "##."], "T": ["###", ".#.", ".#.", ".#."], "U": ["#.#", "#.#", "#.#", "###"],
        "V": ["#.#", "#.#", "#.#", ".#."], "W": ["#...#", "#...#", "#.#.#", ".#.#."], "X": ["#.#", ".#.", ".#.", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#."], "Z": ["###", "..#", "#..", "###"],
        "0": ["###", "#.#", "#.#", "###"], "1": ["##.", ".#.", ".#.", "###"], "2": ["##.", "..#", ".#.", "###"],
        "3": ["###", ".##", "..#", "###"], "4": ["#.#", "#.#", "###", "..#"], "5": ["###", "##.", "..#", "##."],
        "6": ["#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#."], "8": [".#.", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#"],
        " ": ["...", "...", "...", "..."], "-": ["...", "###", "...", "..."], ".": ["...", "...", "...", ".#."],
        "·": ["...", ".#.", "...", "..."], ":": ["...", ".#.", "...", ".#."], "/": ["..#", ".#.", ".#.", "#.."],
        "'": [".#.", ".#.", "...", "..."], "&": [".#.", "#.#", ".#.", ".##"], "?": ["##.", ".#.", "...", ".#."],
        "!": [".#.", ".#.", "...", ".#."], ",": ["...", "...", ".#.", "#.."], ";": [".#.", "...", ".#.", "#.."],
        "(": [".#", "#.", "#.", ".#"], ")": ["#.", ".#", ".#", "#."], "\"": ["#.#", "#.#", "...", "..."],
        "%": ["#.#", "..#", "#..", "#.#"], "+": [".#.", "###", ".#.", "..."], "=": ["...", "###", "...", "###"],
        "€": [".##", "###", "#..", ".##"], "@": [".#.", "#.#", "##.", ".##"],
    ]

    /// Typographic quotes and dashes drawn as their plain forms.
    private static let plainForms: [Character: Character] = ["’": "'", "‘": "'", "“": "\"", "”": "\"", "–": "-", "—": "-"]

    /// Whether every character of `text` (accents folded away) has a big glyph.
    static func canDraw(_ text: String, face: Face = .large) -> Bool {
        normalized(text).allSatisfy { face.glyphs[$0] != nil }
    }

    /// Columns and rows the text takes at a scale (W and M are five pixels wide, the rest three or fewer).
    static func size(of text: String, scale: Int, unicode: Bool, face: Face = .large) -> (width: Int, height: Int) {
        let pixels = normalized(text).reduce(0) { $0 + (face.glyphs[$1]?[0].count ?? 3) + 1 }
        return (max(0, pixels - 1) * scale, unicode ? (face.height * scale + 1) / 2 : face.height * scale)
    }

    /// The text in block letters at `scale`, broken between words into lines no wider than `width`; nil when
    /// a word alone is wider.
    static func wrapped(_ text: String, scale: Int, unicode: Bool, width: Int, face: Face = .large) -> [[String]]? {
        var lines: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            guard size(of: word, scale: scale, unicode: unicode, face: face).width <= width else { return nil }
            if let last = lines.last, size(of: last + " " + word, scale: scale, unicode: unicode, face: face).width <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.map { rows($0, scale: scale, unicode: unicode, face: face) }
    }

    /// The text as rows of block characters.
    static func rows(_ text: String, scale: Int, unicode: Bool, face: Face = .large) -> [String] {
        let characters = normalized(text)
        let pixelRows = (0..<face.height).map { row in
            characters.map { face.glyphs[$0]?[row] ?? "..." }.joined(separator: ".")
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
