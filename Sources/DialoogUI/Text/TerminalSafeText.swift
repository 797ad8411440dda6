import DialoogModel

/// Text from data files may contain control characters, escape sequences or bidi overrides.
/// None of them may reach the terminal: they could move the cursor, set the clipboard (OSC 52)
/// or reorder what is shown.
public enum TerminalSafeText {
    /// The text with every control, escape and bidi-control character removed; tabs become spaces.
    /// Newlines are kept only when `keepNewlines` is true.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (scalar == "\n" && !keepNewlines) {
                scalars.append(" ")
            } else if scalar == "\n" || !isUnsafe(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// One character made safe: nil when nothing printable is left, a space for a tab or line break.
    public static func clean(_ character: Character) -> Character? {
        guard character.unicodeScalars.contains(where: isUnsafe) else { return character }
        if character == "\t" || character == "\n" || character == "\r\n" { return " " }
        let kept = character.unicodeScalars.filter { !isUnsafe($0) }
        return kept.isEmpty ? nil : Character(String(String.UnicodeScalarView(kept)))
    }

    /// Text longer than this is shown cut, with a note: wrapping a 10 MB field for every frame
    /// would stall the screen, and no one reads that much on a terminal.
    public static let displayLimit = 20_000

    /// The text, or its first `displayLimit` characters and a note of how long it really is.
    public static func displayable(_ text: String) -> String {
        guard text.utf8.count > displayLimit else { return text }
        let head = text.prefix(displayLimit)
        guard head.endIndex < text.endIndex else { return text }
        return head + " … [ingekort: \(text.utf8.count / 1024) KB]"
    }

    /// The same characters the model's `SafeText` makes visible where text enters; the screen drops any
    /// that still arrive (a last guard, not the place where text is made safe).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { SafeText.isUnsafe(scalar) }
}
