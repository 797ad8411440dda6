import DialoogModel

/// How a goal item is shown in a list of items: its status marker (or bullet, or ⇒ for a
/// mitigation), its text with any proposed change tracked, and the number of notes on it.
enum ItemParagraph {
    static func make(_ item: GoalItem, reviewable: Bool, review: ReviewSnapshot, glyphs: Glyphs, indent: Int = 0) -> Paragraph {
        let noteCount = review.noteCount(on: item.id)
        // A proposed change shows as one: words struck and added, a new item between {+ +}.
        let text = noteCount > 0 ? "\(item.trackedText) \(glyphs.noteMark)\(noteCount)" : item.trackedText
        if item.isMitigation {
            return Paragraph(text, role: .mitigation, prefix: glyphs.mitigation + " ", indent: indent)
        }
        guard reviewable else { return Paragraph(text, prefix: glyphs.bullet + " ", indent: indent) }
        let status = review.status(of: item.id)
        return Paragraph(text, prefix: glyphs.marker(for: status) + " ", indent: indent, prefixRole: status.role)
    }
}
