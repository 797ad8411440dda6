import DialoogModel

/// The review keys shared by the goal table and the detail views.
enum ReviewKeys {
    /// `s`/`S` step the status forward/back, `a` adds a note, on one goal item.
    static func action(for key: Key, item: GoalItem, column: GoalColumn) -> ScreenAction {
        switch key {
        case .character("a"):
            return .review(.openForm(.addNote(subjectId: item.id)))
        case .character("s"), .character("S"):
            guard column.isReviewable, !item.isMitigation else { return .message("\(column.title) heeft geen status; wel notities (a)") }
            return .review(.cycleStatus(itemId: item.id, backwards: key == .character("S")))
        default:
            return .ignored
        }
    }

    /// `s`, `S`, `a` when the location is a goal item; nil for other keys and places.
    static func action(for key: Key, at location: DataLocation?, in dataset: Dataset) -> ScreenAction? {
        guard case .goalItem(let goal, let column, let index)? = location,
              [.character("s"), .character("S"), .character("a")].contains(key) else { return nil }
        return action(for: key, item: dataset.pilotGoals[goal].items(in: column)[index], column: column)
    }

    /// `e` edits, `d` deletes, `x` marks an action done (or not) — on the selected entry.
    static func action(for key: Key, entry: ReviewEntry) -> ScreenAction {
        switch (key, entry) {
        case (.character("e"), .note(let note)): return .review(.openForm(.editNote(note)))
        case (.character("e"), .decision(let decision)): return .review(.openForm(.editDecision(decision)))
        case (.character("e"), .action(let action)): return .review(.openForm(.editAction(action)))
        case (.character("d"), .note(let note)):
            return .review(.confirm(question: "Notitie van \(note.author) wissen?", edit: .deleteNote(id: note.id, expectedVersion: note.version)))
        case (.character("d"), .decision(let decision)):
            return .review(.confirm(question: "Besluit “\(App.shortened(decision.text))” wissen?",
                                    edit: .deleteDecision(id: decision.id, expectedVersion: decision.version)))
        case (.character("d"), .action(let action)):
            return .review(.confirm(question: "Actie “\(App.shortened(action.text))” wissen?",
                                    edit: .deleteAction(id: action.id, expectedVersion: action.version)))
        case (.character("x"), .action(var action)):
            action.isDone.toggle()
            return .review(.apply(.updateAction(action)))
        case (.character("x"), _): return .message("Alleen een actie kan afgerond worden")
        default: return .ignored
        }
    }
}
