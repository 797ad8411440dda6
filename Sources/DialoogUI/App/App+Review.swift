import DialoogModel

/// Review work: forms, edits, conflicts, undo and redo, drafts, refresh and export.
extension App {
    /// The review commands, on what the screen has in focus (a goal item, a meeting) or the entry chosen with Tab.
    mutating func performReview(_ command: CommandID) {
        guard reviewSession != nil else {
            message = "Alleen lezen: geen reviewdatabase geopend"
            return
        }
        switch command {
        case .editEntry, .deleteEntry, .toggleDone:
            guard let entry = topScreen.selectedEntry(in: context) else {
                message = "Kies eerst met \(keymap.key(for: .nextPane)) een notitie, besluit of actie (in een item of overleg: \(keymap.key(for: .open)))"
                return
            }
            perform(command, on: entry)
        default:
            perform(command, at: topScreen.focusedLocation(in: context))
        }
    }

    private mutating func perform(_ command: CommandID, at location: DataLocation?) {
        let dataset = context.dataset
        switch location {
        case .goalItem(let goal, let column, let index)?:
            let item = dataset.pilotGoals[goal].items(in: column)[index]
            switch command {
            case .addNote:
                form = Form(.addNote(subjectId: item.id))
            case .statusNext, .statusPrevious:
                guard column.isReviewable, !item.isMitigation else {
                    message = "\(column.title) heeft geen status; wel notities (\(keymap.key(for: .addNote)))"
                    return
                }
                // The step starts from the status on screen; if someone changed it since, nothing is written.
                let all = ReviewStatus.allCases
                let current = all.firstIndex(of: context.review.status(of: item.id)) ?? 0
                let next = all[current.cycled(by: command == .statusNext ? 1 : -1, in: all.count)]
                apply(.setStatus(itemId: item.id, status: next, expectedVersion: context.review.statusVersion(of: item.id)))
            default:
                message = "Besluiten en acties horen bij een overleg: kies een maand in \(keymap.key(for: .cycle)) Cyclus"
            }
        case .activity(let month, let index)?:
            guard let activity = dataset.cycle.months[month].activities[safe: index], activity.kind.isMeeting else {
                message = "Alleen een overleg heeft besluiten en acties"
                return
            }
            switch command {
            case .addDecision: form = Form(.addDecision(activityId: activity.id))
            case .addAction: form = Form(.addAction(activityId: activity.id, linkedId: nil), linkTargets: LinkTarget.all(in: dataset))
            default:
                message = "Een overleg heeft geen status of notities; wel besluiten (\(keymap.key(for: .addDecision))) "
                    + "en acties (\(keymap.key(for: .addAction)))"
            }
        default:
            message = "Kies eerst een indicator, bewijs of resultaat (\(keymap.key(for: .goals)) Doelen) of een overleg "
                + "(\(keymap.key(for: .cycle)) Cyclus)"
        }
    }

    private mutating func perform(_ command: CommandID, on entry: ReviewEntry) {
        switch (command, entry) {
        case (.editEntry, .note(let note)): form = Form(.editNote(note))
        case (.editEntry, .decision(let decision)): form = Form(.editDecision(decision))
        case (.editEntry, .action(let action)): form = Form(.editAction(action), linkTargets: LinkTarget.all(in: context.dataset))
        case (.deleteEntry, .note(let note)):
            confirm("Notitie van \(note.author) wissen?", .deleteNote(id: note.id, expectedVersion: note.version))
        case (.deleteEntry, .decision(let decision)):
            confirm("Besluit “\(Self.shortened(decision.text))” wissen?", .deleteDecision(id: decision.id, expectedVersion: decision.version))
        case (.deleteEntry, .action(let action)):
            confirm("Actie “\(Self.shortened(action.text))” wissen?", .deleteAction(id: action.id, expectedVersion: action.version))
        case (.toggleDone, .action(var action)):
            action.isDone.toggle()
            apply(.updateAction(action))
        default:
            message = "Alleen een actie kan afgerond worden"
        }
    }

    /// A destroying edit is carried out only after a yes.
    private mutating func confirm(_ question: String, _ edit: ReviewEdit) {
        ask(Question(question, choices: [.init("j", "ja", .perform(edit)), .init("n", "nee", .dismiss("Niets gewist"))]))
    }

    mutating func handleForm(_ key: Key) {
        guard var current = form else { return }
        if let conflict = current.conflict {
            settle(conflict, in: current, key: key)
            return
        }
        let before = current.texts
        switch current.handle(key, keymap: keymap) {
        case .editing:
            if current.texts != before { current.changesSinceDraft += 1 }
            form = current
            if current.changesSinceDraft >= Self.changesPerDraft { saveDraft() }
        case .cancelled where current.isChanged:
            ask(Question("Je tekst weggooien?", choices: [.init("j", "ja, weggooien", .discardForm("Tekst weggegooid")),
                                                           .init("n", "nee, verder bewerken", .dismiss(nil))]))
        case .cancelled:
            close(current, message: "Niets bewaard")
        case .submitted:
            submit(current) { $0.edit(in: $1) }
        }
    }

    /// Saves the form's edit; on a conflict the form stays open and shows the other person's version.
    private mutating func submit(_ current: Form, edit make: (Form, Dataset) -> Result<ReviewEdit, FormError>) {
        var current = current
        switch make(current, context.dataset) {
        case .failure(let error):
            current.error = error.message
            form = current
        case .success(let edit):
            switch apply(edit, discardingDraft: current.draftId) {
            case .saved:
                form = nil
                offerNextDraft()
            case .conflict(let conflict):
                current.showConflict(conflict)
                form = current
                message = "Niet bewaard: \(conflict.kind.label) \(conflict.description)"
            case .failed: form = current
            }
        }
    }

    /// The keys of a form whose save met someone else's change.
    private mutating func settle(_ conflict: ReviewConflict, in current: Form, key: Key) {
        var current = current
        switch keymap.command(for: key, in: .conflict) {
        case .conflictKeepBoth?:
            current.showConflict(nil)
            submit(current) { $0.editAsNew(in: $1) }
        case .conflictTheirs? where conflict.current != nil:
            ask(Question("Hun versie houden en jouw tekst weggooien?",
                         choices: [.init("j", "ja", .discardForm("Hun versie gehouden; jouw tekst is weggegooid")),
                                   .init("n", "nee", .dismiss(nil))]))
        case .conflictOverwrite? where conflict.current != nil:
            current.overwrite(version: conflict.currentVersion ?? 0)
            submit(current) { $0.edit(in: $1) }
        case .formCancel?:
            current.showConflict(nil)
            form = current
            message = "Verder bewerken: \(keymap.key(for: .formSave)) bewaart (en meldt het verschil opnieuw)"
        default:
            message = "Kies: " + Form.conflictChoices(conflict, keymap: keymap)
        }
    }

    /// Closes the form without saving, because the user said so: its draft goes too.
    mutating func close(_ current: Form, message: String?) {
        form = nil
        if let id = current.draftId, let session = reviewSession { try? session.repository.deleteDraft(id: id) }
        if let message { self.message = message }
        offerNextDraft()
    }

    enum ApplyOutcome {
        case saved
        case conflict(ReviewConflict)
        case failed
    }

    /// Stores the edit at once. A conflict changes nothing: the screen is refreshed and the caller decides
    /// what to tell; any other failure is told in the status line.
    @discardableResult
    mutating func apply(_ edit: ReviewEdit, discardingDraft draftId: Int64? = nil) -> ApplyOutcome {
        guard let session = reviewSession else { return .failed }
        do {
            let inverse = try session.repository.apply(edit, author: session.author, now: session.clock(), discardingDraft: draftId)
            undoStack.append(inverse)
            redoStack.removeAll()
            reload()
            message = edit.summary + "  (\(keymap.key(for: .undo)) = ongedaan maken)"
            return .saved
        } catch let conflict as ReviewConflict {
            reload()
            message = "Niet gewijzigd: \(conflict.kind.label) is intussen \(conflict.description)"
                + (conflict.currentText.map { " (nu: \(Self.shortened($0)))" } ?? "") + "; scherm ververst"
            return .conflict(conflict)
        } catch {
            message = "Niet opgeslagen: \(error)"
            return .failed
        }
    }

    /// `u`: undoes this session's latest edit, but only when nobody changed that record since.
    mutating func undo() {
        step(from: \.undoStack, to: \.redoStack, done: "Ongedaan", nothing: "Niets om ongedaan te maken", verb: "ongedaan gemaakt")
    }

    /// `U`: does again what `u` undid, under the same rule.
    mutating func redo() {
        step(from: \.redoStack, to: \.undoStack, done: "Opnieuw gedaan", nothing: "Niets om opnieuw te doen", verb: "opnieuw gedaan")
    }

    private mutating func step(from source: WritableKeyPath<App, [ReviewEdit]>, to target: WritableKeyPath<App, [ReviewEdit]>,
                               done: String, nothing: String, verb: String) {
        guard let session = reviewSession, let edit = self[keyPath: source].popLast() else {
            message = nothing
            return
        }
        do {
            let inverse = try session.repository.apply(edit, author: session.author, now: session.clock())
            self[keyPath: target].append(inverse)
            // This session moved the record on itself: its other steps on that record start from the new version.
            if let record = inverse.record ?? edit.record, let version = inverse.expectedVersion {
                undoStack = undoStack.map { $0.record == record ? $0.expecting(version) : $0 }
                redoStack = redoStack.map { $0.record == record ? $0.expecting(version) : $0 }
            }
            reload()
            message = "\(done): \(edit.summary)"
        } catch let conflict as ReviewConflict {
            reload()
            message = "Niet \(verb): de \(conflict.kind.label) is intussen \(conflict.description)"
        } catch {
            self[keyPath: source].append(edit)
            message = "Niet \(verb): \(error)"
        }
    }

    // MARK: Drafts

    /// Key presses in a form between two saves of its draft (besides the save after a pause in typing).
    static let changesPerDraft = 40

    /// Keeps the open form's text as a draft in the review database, when it changed since the last save.
    /// Called after a pause in typing, every few dozen key presses, and on signals. False when typed text
    /// could not be kept (then `draftFailure` says why).
    @discardableResult
    public mutating func saveDraft() -> Bool {
        guard var current = form, current.isChanged, current.changesSinceDraft > 0 || current.draftId == nil else { return true }
        guard let session = reviewSession else { return false }
        do {
            current.draftId = try session.repository.saveDraft(id: current.draftId, author: session.author,
                                                                payload: current.draftPayload, now: session.clock())
            current.changesSinceDraft = 0
            form = current
            draftFailure = nil
            return true
        } catch {
            draftFailure = "\(error)"
            message = "Concept niet bewaard: \(error)"
            return false
        }
    }

    /// The text of an open form that could not be kept as a draft, for the last resort on a signal (a file).
    public var unsavedText: String? {
        guard let current = form, current.isChanged else { return nil }
        return current.subject + "\n\n" + current.texts.joined(separator: "\n\n") + "\n"
    }

    /// Offers the drafts this user left behind (a signal, a dropped connection), one at a time.
    mutating func offerDrafts() {
        guard let session = reviewSession, let drafts = try? session.repository.abandonedDrafts(author: session.author) else { return }
        draftsToOffer = drafts
        offerNextDraft()
    }

    /// Offers the next draft, but never over a form that is open, nor on a projector: drafts wait until
    /// presenting ends (the audience does not see the question, and no key turning a slide answers it).
    mutating func offerNextDraft() {
        guard form == nil, question == nil, presenter == nil, !draftsToOffer.isEmpty else { return }
        let draft = draftsToOffer.removeFirst()
        guard let restored = Form(draft: draft, linkTargets: LinkTarget.all(in: context.dataset)) else {
            message = "Concept \(draft.id) kan niet gelezen worden; het blijft in de database"
            return
        }
        ask(Question("Niet bewaarde tekst gevonden: \(restored.subject) (\(DutchDate.timestamp(draft.savedAt)))",
                     choices: [.init("j", "herstellen", .restoreDraft(draft)), .init("l", "later", .dismiss("Concept blijft bewaard")),
                               .init("w", "weggooien", .discardDraft(draft))]))
    }

    // MARK: Refresh and export

    mutating func reload() {
        guard let session = reviewSession else { return }
        do {
            context.review = try session.repository.load()
            context.today = DueDate.string(from: session.clock())
        } catch {
            message = "Reviewdata niet geladen: \(error)"
        }
    }

    /// Reloads when another instance changed the database; true when the screen must be redrawn.
    public mutating func refreshIfChanged() -> Bool {
        guard let session = reviewSession, session.repository.hasChangedSinceLoad() else { return false }
        reload()
        return true
    }

    static func shortened(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 40 ? line.prefix(39) + "…" : line
    }
}
