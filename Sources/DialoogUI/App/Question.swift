import DialoogModel

/// A question in the status line that is answered before anything else happens: delete this?, throw the
/// typed text away?, restore a draft? Each choice is one key; Esc takes the choice that changes nothing.
struct Question: Sendable {
    enum Answer: Sendable {
        case perform(ReviewEdit)
        /// Closes the form, throwing its text away, and says so.
        case discardForm(String)
        case quit
        case restoreDraft(Draft)
        case discardDraft(Draft)
        case exportFormat(String)
        case overwriteExport(ExportRequest)
        /// Changes nothing; the text, if any, goes to the status line.
        case dismiss(String?)

        var changesNothing: Bool {
            if case .dismiss = self { return true }
            return false
        }
    }

    struct Choice: Sendable {
        let key: Character
        let label: String
        let answer: Answer

        init(_ key: Character, _ label: String, _ answer: Answer) {
            self.key = key
            self.label = label
            self.answer = answer
        }
    }

    let text: String
    let choices: [Choice]

    init(_ text: String, choices: [Choice]) {
        self.text = text
        self.choices = choices
    }

    /// The answer for a key, nil when the key is not one of the choices.
    func answer(for key: Key, keymap: Keymap) -> Answer? {
        if keymap.command(for: key, in: .prompt) == .promptCancel { return choices.first { $0.answer.changesNothing }?.answer }
        guard case .character(let character) = key else { return nil }
        return choices.first { $0.key == Character(character.lowercased()) }?.answer
    }

    var isAboutQuitting: Bool { choices.contains { if case .quit = $0.answer { true } else { false } } }

    /// Draws the question and its keys in the status line; when both do not fit, the question goes on the line above.
    func render(into frame: inout Frame, y: Int) {
        // "Text  k label  k label": a margin, the text, then each choice as key, space, label, two spaces.
        let keysWidth = choices.reduce(0) { $0 + DisplayWidth.of($1.label) + 4 } - 2
        var x = 1
        if 1 + DisplayWidth.of(text) + 2 + keysWidth > frame.width, y > 0 {
            frame.fill(Rect(x: 0, y: y - 1, width: frame.width, height: 1), role: .status)
            frame.write(WordWrap.truncate(text, width: max(1, frame.width - 2)), x: 1, y: y - 1, role: .warning)
        } else {
            x += frame.write(text, x: 1, y: y, role: .warning) + 2
        }
        for choice in choices {
            x += frame.write(String(choice.key), x: x, y: y, role: .statusKey) + 1
            x += frame.write(choice.label, x: x, y: y, role: .status) + 2
        }
    }
}

extension AppModel {
    /// Shows a question; keys go to it until it is answered.
    mutating func ask(_ question: Question) {
        self.question = question
    }

    mutating func answerQuestion(_ key: Key) {
        guard let current = question else { return }
        guard let answer = current.answer(for: key, keymap: keymap) else {
            message = "Kies " + current.choices.map { String($0.key) }.joined(separator: ", ") + " of \(keymap.key(for: .promptCancel))"
            return
        }
        question = nil
        switch answer {
        case .perform(let edit):
            store(edit)
        case .discardForm(let text):
            if let current = form { close(current, message: text) }
        case .quit:
            quit()
        case .restoreDraft(let draft):
            guard var restored = Form(draft: draft, linkTargets: LinkTarget.all(in: context.dataset), people: context.review.people, keymap: keymap) else { return }
            restored.changesSinceDraft = 1
            form = restored
            saveDraft()  // claims the draft for this session, so no other instance offers it meanwhile
            message = "Concept hersteld: \(keymap.key(for: .formSave)) bewaart, \(keymap.key(for: .formCancel)) gooit weg"
        case .exportFormat(let format):
            askExportFile(.review(format: format))
        case .overwriteExport(let request):
            export(request)
        case .discardDraft(let draft):
            if let readOnlyReason {
                message = "Alleen lezen (\(readOnlyReason)): het concept blijft bewaard"
            } else {
                emit(.review(.deleteDraft(id: draft.id)))
                message = "Concept weggegooid"
            }
            offerNextDraft()
        case .dismiss(let text):
            message = text
            offerNextDraft()
        }
    }

    /// Ctrl-C (SIGINT): with typed text in a form, keep it as a draft and ask before quitting; true when asked.
    /// True when a form holds typed text: `App.interrupt` then keeps it as a draft and asks (`askToQuit`).
    var isInterruptible: Bool {
        guard let current = form, current.isChanged, question?.isAboutQuitting != true else { return false }
        return true
    }

    /// After Ctrl-C in a form: stop, now the text is kept, or say it could not be kept.
    mutating func askToQuit(draftKept: Bool) {
        if draftKept {
            ask(Question("Stoppen? Je tekst is als concept bewaard en komt bij de volgende start terug.",
                         choices: [.init("j", "stoppen", .quit), .init("n", "verder bewerken", .dismiss(nil))]))
        } else {
            ask(Question("Je tekst kon NIET bewaard worden (\(draftFailure ?? "onbekend")). Toch stoppen?",
                         choices: [.init("n", "nee, verder bewerken", .dismiss(nil)), .init("j", "ja, tekst kwijt", .quit)]))
        }
    }
}
