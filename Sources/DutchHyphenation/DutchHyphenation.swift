import CHyphen
import Glibc

/// Where a Dutch word may be broken at a line end, from the patterns of Debian's hyphen-nl through
/// libhyphen (the hyphenation of LibreOffice): "portefeuille-houder", never "portefeuilleho-uder".
/// Without the dictionary a word has no break points, and the caller breaks it as it must.
public enum DutchHyphenation {
    /// Where Debian's hyphen-nl puts the patterns.
    static let dictionaryPath = "/usr/share/hyphen/hyph_nl_NL.dic"

    /// The dictionary, loaded once on first use and kept for the whole run (libhyphen only reads it).
    private final class Dictionary: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<HyphenDict>?
        init() { pointer = hnj_hyphen_load(DutchHyphenation.dictionaryPath) }
    }

    private static let dictionary = Dictionary()
    static let maximumLength = 80

    /// Whether the Dutch patterns could be read.
    public static var isAvailable: Bool { dictionary.pointer != nil }

    /// The offsets (in characters) inside `word` after which a hyphen may break it: "portefeuillehouder"
    /// → [3, 5, 8, 11, 14]. Punctuation around the word stays with it; a word with characters outside
    /// Latin-1 (the patterns' encoding) or with a hyphen of its own gets none.
    public static func breakOffsets(in word: some StringProtocol) -> [Int] {
        guard let dict = dictionary.pointer else { return [] }
        let characters = Array(word)
        guard let first = characters.firstIndex(where: \.isLetter), let last = characters.lastIndex(where: \.isLetter) else { return [] }
        let core = characters[first...last]
        // No Dutch word is longer; a longer run of letters is no word to hyphenate.
        guard core.count <= maximumLength else { return [] }
        var bytes: [CChar] = []
        for character in core {
            // One Latin-1 letter per byte, lower case, as the patterns are written.
            guard character.isLetter, let scalar = character.lowercased().unicodeScalars.first,
                  character.lowercased().unicodeScalars.count == 1, scalar.value < 256 else { return [] }
            bytes.append(CChar(bitPattern: UInt8(scalar.value)))
        }
        let length = bytes.count
        // libhyphen looks for the patterns' NOHYPHEN strings with strstr: the word must end in a NUL.
        bytes.append(0)
        var hyphens = [CChar](repeating: 0, count: length + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let failed = hnj_hyphen_hyphenate3(dict, bytes, Int32(length), &hyphens, nil, &rep, &pos, &cut, 2, 2, 2, 2)
        defer {
            // Non-standard breaks (a spelling change at the break) are not used, but their buffers are freed.
            if let rep {
                for index in 0..<length { free(rep[index]) }
                free(rep)
            }
            free(pos)
            free(cut)
        }
        guard failed == 0 else { return [] }
        return (0..<(length - 1)).filter { hyphens[$0] & 1 == 1 && rep?[$0] == nil }.map { first + $0 + 1 }
    }
}
