#if canImport(Glibc)
import Glibc
#endif

/// Text from outside (data files, the review database) may hold control characters, escape sequences or
/// bidi overrides: on a terminal, in a file or on standard output they could move the cursor, set the
/// clipboard (OSC 52), retitle the window or reorder what is read. Where such text enters, every unsafe
/// character is replaced by a visible stand-in (`^[` for ESC, `U+202E` for a right-to-left override),
/// so nothing is removed silently and every output can rely on it.
public enum SafeText {
    public static func visible(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ containsUnsafe(UnsafeRawBufferPointer($0), carriageReturnIsSafe: false) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !isUnsafe(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 {
                result += "^" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
            } else if scalar.value == 0x7F {
                result += "^?"
            } else {
                result += "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            }
        }
        return result
    }

    /// Whether a YAML or JSON escape in `text` could spell an unsafe character (`\e`, `\x1b`, `\u202E`,
    /// `\U0000009B`, `\N` …). Errs on the side of yes; `\u00e9` (é) and `\n` are fine.
    public static func hasUnsafeEscape(_ text: String) -> Bool {
        guard text.utf8.contains(0x5C) else { return false }
        var text = text
        return text.withUTF8 { hasUnsafeEscape(UnsafeRawBufferPointer($0)) }
    }

    /// The same for the bytes of a file, read where they are.
    public static func hasUnsafeEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // memchr finds the backslashes: a generic search over a 92 MB file took a tenth of a second.
        func nextBackslash(from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, 0x5C, bytes.count - start) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        var index = nextBackslash(from: 0)
        while let backslash = index, backslash + 1 < bytes.count {
            let kind = bytes[backslash + 1]
            let digits: Int? = switch kind {
            case UInt8(ascii: "x"): 2
            case UInt8(ascii: "u"): 4
            case UInt8(ascii: "U"): 8
            default: nil
            }
            if let digits {
                let hex = bytes[(backslash + 2)..<min(bytes.count, backslash + 2 + digits)]
                // A surrogate half (an emoji in JSON) is safe once paired; anything unreadable counts as unsafe.
                guard let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else { return true }
                if let scalar = Unicode.Scalar(value), isUnsafe(scalar), scalar != "\n", scalar != "\t" { return true }
                if Unicode.Scalar(value) == nil, !(0xD800...0xDFFF).contains(value) { return true }
            } else if "befrav0NLP_".utf8.contains(kind) {
                return true
            }
            index = nextBackslash(from: backslash + 2)
        }
        return false
    }

    /// Whether UTF-8 bytes hold a character `isUnsafe` calls unsafe, other than newline and tab (and carriage
    /// return where it is safe: JSON allows it raw only between values). Byte by byte, so a large file needs
    /// no String; the one check for a file and for each text made visible.
    public static func containsUnsafe(_ bytes: UnsafeRawBufferPointer, carriageReturnIsSafe: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight visible ASCII bytes at a time (the bit tricks "has a byte less than 0x20" and "has a byte
            // more than 0x7E"): only a word with a control, DEL or a non-ASCII byte is looked at byte by byte.
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let below = (word &- 0x2020_2020_2020_2020) & ~word & high
                let above = ((word &+ 0x0101_0101_0101_0101) | word) & high
                if below | above == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x0A && byte != 0x09 && (byte != 0x0D || !carriageReturnIsSafe)) || byte == 0x7F { return true }
                continue
            }
            let next = index < count ? bytes[index] : 0
            let third = index + 1 < count ? bytes[index + 1] : 0
            switch byte {
            case 0xC2 where (0x80...0x9F).contains(next) || next == 0xAD: return true // C1 controls, soft hyphen
            case 0xD8 where next == 0x9C: return true // U+061C
            case 0xE1 where next == 0xA0 && third == 0x8E: return true // U+180E
            case 0xE2 where next == 0x80 && [0x8B, 0x8E, 0x8F, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE].contains(third): return true
            case 0xE2 where next == 0x81 && (0xA0...0xA9).contains(third): return true // word joiner, invisible operators, isolates
            case 0xF3 where next == 0xA0 && (third == 0x80 || third == 0x81): return true // tags U+E0000-E007F
            case 0xEF where next == 0xBB && third == 0xBF: return true // BOM
            case 0xEF where next == 0xBF && (0xB9...0xBB).contains(third): return true
            case 0xED where next >= 0xA0: return true // a surrogate
            default: continue
            }
        }
        return false
    }

    /// C0 and C1 controls (ESC, CSI, OSC), DEL, bidi marks, overrides and isolates, BOM; and the characters
    /// that show nothing yet change what is read or how wide it is, which terminals disagree on: soft hyphen,
    /// zero-width space, word joiner and invisible operators, line and paragraph separators, tag characters.
    /// (Zero-width joiner and non-joiner stay: emoji and scripts are built with them.)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true // C0 (incl. ESC), DEL, C1 (incl. CSI, OSC)
        case 0x00AD, 0x180E, 0x200B, 0x2028, 0x2029, 0x2060...0x2064, 0xE0000...0xE007F: true // invisible, see above
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true // bidi marks, overrides, isolates
        case 0xFEFF, 0xFFF9...0xFFFB: true // BOM, interlinear annotation
        case 0xD800...0xDFFF: true
        default: false
        }
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
