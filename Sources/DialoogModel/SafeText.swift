/// Text from outside (data files, the review database) may hold control characters, escape sequences or
/// bidi overrides: on a terminal, in a file or on standard output they could move the cursor, set the
/// clipboard (OSC 52), retitle the window or reorder what is read. Where such text enters, every unsafe
/// character is replaced by a visible stand-in (`^[` for ESC, `U+202E` for a right-to-left override),
/// so nothing is removed silently and every output can rely on it.
public enum SafeText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return text }
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

    /// C0 and C1 controls (ESC, CSI, OSC), DEL, bidi marks, overrides and isolates, BOM.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true // C0 (incl. ESC), DEL, C1 (incl. CSI, OSC)
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
