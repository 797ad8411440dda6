import DialoogModel

/// For terminals whose locale is not UTF-8 (LANG=C): every cell becomes one ASCII character.
/// Accents are dropped (bèta → beta), common punctuation gets its ASCII look-alike, anything else is `?`.
public enum AsciiFallback {
    private static let lookAlikes: [Character: String] = [
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "„": "\"", "–": "-", "—": "-", "…": ".", "•": "*", "·": ".",
        "×": "x", "⇒": ">", "›": ">", "▶": ">", "▲": "^", "▼": "v", "○": "o", "◐": "~", "●": "+", "✕": "x",
        "✎": "#", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "█": "#", "▀": "\"", "▄": "_",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "€": "E", "ß": "s", "Æ": "A", "æ": "a", "Ø": "O", "ø": "o", "\u{A0}": " ",
    ]

    /// For `--ascii` on a UTF-8 terminal: marks and punctuation (`·`, `…`, arrows, boxes) get their ASCII
    /// look-alike, letters keep their accents (the terminal shows them).
    public static func marks(_ text: String) -> String {
        guard let first = text.first, !first.isASCII, let lookAlike = lookAlikes[first] else { return text }
        return lookAlike
    }

    /// The text of one cell as one printable ASCII character (or a space for the right half of a wide one).
    public static func cell(_ text: String) -> String {
        guard let first = text.first else { return " " }
        if first.isASCII { return String(first) }
        if let lookAlike = lookAlikes[first] { return lookAlike }
        let folded = String(first).folding(options: .diacriticInsensitive, locale: nil)
        if let ascii = folded.first, ascii.isASCII { return String(ascii) }
        return "?"
    }
}
