import DialoogModel

/// Line-drawing and marker characters: Unicode where the terminal can show it, ASCII otherwise.
public struct Glyphs: Sendable, Equatable {
    public let horizontal: String
    public let vertical: String
    public let topLeft: String
    public let topRight: String
    public let bottomLeft: String
    public let bottomRight: String
    public let separator: String
    public let bullet: String
    public let mitigation: String
    public let moreAbove: String
    public let moreBelow: String
    /// Marks a region x goal cell that says "Geen cases beschikbaar".
    public let noCases: String
    /// Marks a region x goal cell the source has no section for.
    public let notInSource: String
    /// Review status markers: open, in behandeling, aangetoond, niet aangetoond.
    let statusMarkers: [String]
    /// After an item that has notes.
    public let noteMark: String
    /// Marks the selected row in the lean view (no preview), where rows are not drawn in reverse.
    public let selectionMark: String

    /// The same marks with blank borders: `--reader` draws pop-ups as text, so a screen reader or braille
    /// display meets no box characters, only the title and the lines.
    var withoutBoxes: Glyphs {
        Glyphs(horizontal: " ", vertical: " ", topLeft: " ", topRight: " ", bottomLeft: " ", bottomRight: " ", separator: separator,
               bullet: bullet, mitigation: mitigation, moreAbove: moreAbove, moreBelow: moreBelow, noCases: noCases, notInSource: notInSource,
               statusMarkers: statusMarkers, noteMark: noteMark, selectionMark: selectionMark)
    }

    public func marker(for status: ReviewStatus) -> String {
        statusMarkers[ReviewStatus.allCases.firstIndex(of: status) ?? 0]
    }

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        separator: " › ", bullet: "•", mitigation: "⇒", moreAbove: "▲", moreBelow: "▼",
        noCases: "–", notInSource: "·", statusMarkers: ["○", "◐", "●", "✕"], noteMark: "✎", selectionMark: "▶"
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        separator: " > ", bullet: "*", mitigation: "=>", moreAbove: "^", moreBelow: "v",
        noCases: "-", notInSource: ".", statusMarkers: ["o", "~", "+", "x"], noteMark: "#", selectionMark: ">"
    )
}
