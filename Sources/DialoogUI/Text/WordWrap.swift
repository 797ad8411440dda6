import DutchHyphenation

/// Word wrap by terminal columns. Breaks at spaces; a word longer than the width is broken after one of
/// its hyphens, else where Dutch hyphenation allows ("portefeuille-" | "houder"), else (a word with no
/// break that fits) at the last column, with a hyphen added.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let clean = TerminalSafeText.clean(TerminalSafeText.displayable(text), keepNewlines: true)
        return clean.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(paragraph, width: width)
        }
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
            } else {
                var pieces = hardBreak(word, width: width)
                let last = pieces.removeLast()
                lines += pieces
                line = last
                lineWidth = DisplayWidth.of(last)
            }
        }
        lines.append(line)
        return lines
    }

    /// Breaks a word that is wider than a line: after a hyphen where one fits ("leer-werk-" | "hubs"),
    /// otherwise at the last column.
    private static func hardBreak(_ word: Substring, width: Int) -> [String] {
        if let hyphen = word.indices.last(where: { index in
            word[index] == "-" && DisplayWidth.of(word[...index]) <= width && index < word.index(before: word.endIndex)
        }) {
            let head = String(word[...hyphen])
            let tail = word[word.index(after: hyphen)...]
            return [head] + (DisplayWidth.of(tail) <= width ? [String(tail)] : hardBreak(tail, width: width))
        }
        // The last Dutch break point whose head and hyphen fit the line.
        if width >= 2, let offset = DutchHyphenation.breakOffsets(in: word).last(where: { DisplayWidth.of(word.prefix($0)) + 1 <= width }) {
            let tail = word.dropFirst(offset)
            return [word.prefix(offset) + "-"] + (DisplayWidth.of(tail) <= width ? [String(tail)] : hardBreak(tail, width: width))
        }
        // A word in an alphabet gets a hyphen at each break (it takes a column); CJK text breaks between
        // characters as it is, and a column too narrow for a hyphen is cut hard.
        let hyphenates = width >= 2 && word.allSatisfy { DisplayWidth.of($0) <= 1 }
        let room = hyphenates ? width - 1 : width
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for character in word {
            let characterWidth = DisplayWidth.of(character)
            if pieceWidth + characterWidth > room && pieceWidth > 0 {
                pieces.append(hyphenates ? piece + "-" : piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append(piece)
        return pieces
    }

    /// The text cut to `width` columns, ending in "…" when it was cut.
    /// Stops reading at the first character that does not fit, so a huge text costs only the width.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        var fitsUpTo: String.Index?
        for index in text.indices {
            guard let character = TerminalSafeText.clean(text[index]) else { continue }
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1, fitsUpTo == nil { fitsUpTo = index }
            if used + characterWidth > width {
                return String(text[..<(fitsUpTo ?? index)].compactMap(TerminalSafeText.clean)) + "…"
            }
            result.append(character)
            used += characterWidth
        }
        return result
    }
}
