import DialoogModel
import Foundation

/// Review work as the screen shows it: forms, conflicts, questions and messages. Every read and write of
/// the database is a request (`AppEffect.review`) whose outcome comes back through `receive`.
extension AppModel {
    /// The review commands (only with a review database: `Availability.withReviewDatabase`), on what the screen has in focus (a goal item, a meeting) or the entry chosen with Tab.
    mutating func performReview(_ command: CommandID) {
        switch command {
        case .editEntry, .deleteEntry, .toggleDone, .markForReport, .mergePerson:
            guard let entry = topScreen.selectedEntry(in: context) else {
                message = command == .mergePerson
                    ? "Kies eerst een persoon in de lijst personen (\(keymap.key(for: .review)) Review, \(keymap.key(for: .nextFilter)))"
                    : "Kies eerst met \(keymap.key(for: .nextPane)) een notitie, besluit of actie (in een item of overleg: \(keymap.key(for: .open)))"
                return
            }
            perform(command, on: entry)
        case .addNote where (topScreen as? ListScreen)?.source.reviewFilter?.list == .people:
            form = Form(.addPerson, keymap: keymap)
        case .addMeeting, .planYear:
            guard case .meetings(let year)? = (screens.first as? ListScreen)?.source, section == .cycle else {
                message = "Kies eerst in \(keymap.key(for: .cycle)) Cyclus met \(keymap.key(for: .nextYear)) een jaar na \(context.dataset.cycle.year)"
                return
            }
            if command == .addMeeting {
                form = Form(.addMeeting(year: year), keymap: keymap)
            } else {
                store(.addMeetings(MeetingPlan.meetings(in: year, like: context.dataset.cycle)))
            }
        default:
            perform(command, at: topScreen.focusedLocation(in: context))
        }
    }

    private mutating func perform(_ command: CommandID, at location: DataLocation?) {
        let dataset = context.dataset
        switch location {
        case .goalItem(let goal, let column, _)? where command == .proposeItem:
            form = Form(.proposeItem(goalId: dataset.pilotGoals[goal].id, column: column), keymap: keymap)
        case .goalItem(let goal, let column, let index)?:
            guard let item = dataset.pilotGoals[goal].items(in: column)[safe: index] else {
                message = "Deze kolom is leeg: \(keymap.key(for: .proposeItem)) stelt een item voor"
                return
            }
            switch command {
            case .proposeWording, .decideChange:
                performTableChange(command, on: item, goalId: dataset.pilotGoals[goal].id, column: column)
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
                store(.setStatus(itemId: item.id, status: next, expectedVersion: context.review.statusVersion(of: item.id)))
            default:
                message = "Besluiten en acties horen bij een overleg: kies een maand in \(keymap.key(for: .cycle)) Cyclus"
            }
        case .meeting(let id, _)?:
            guard let meeting = context.review.meetings.first(where: { $0.id == id }) else { return }
            switch command {
            case .addNote: form = Form(.addNote(subjectId: meeting.activityId))
            case .addDecision: form = Form(.addDecision(activityId: meeting.activityId))
            case .addAction:
                form = Form(.addAction(activityId: meeting.activityId, linkedId: nil), linkTargets: LinkTarget.all(in: dataset),
                            people: context.review.people, keymap: keymap)
            case .minutes: form = Form(.minutes(meeting), people: context.review.people, keymap: keymap)
            case .statusNext, .statusPrevious:
                var changed = meeting
                let all = Meeting.Status.allCases
                changed.status = all[(all.firstIndex(of: meeting.status) ?? 0).cycled(by: command == .statusNext ? 1 : -1, in: all.count)]
                store(.updateMeeting(changed))
            default:
                message = "Een overleg heeft besluiten (\(keymap.key(for: .addDecision))), acties (\(keymap.key(for: .addAction))) "
                    + "en een verslag (\(keymap.key(for: .minutes)))"
            }
        case .activity(let month, let index)?:
            guard let activity = dataset.cycle.months[month].activities[safe: index], activity.kind.isMeeting else {
                message = "Alleen een overleg heeft besluiten en acties"
                return
            }
            switch command {
            case .addNote: form = Form(.addNote(subjectId: activity.id))
            case .addDecision: form = Form(.addDecision(activityId: activity.id))
            case .addAction:
                form = Form(.addAction(activityId: activity.id, linkedId: nil), linkTargets: LinkTarget.all(in: dataset), people: context.review.people,
                            keymap: keymap)
            default:
                message = "Een overleg heeft geen status; wel notities (\(keymap.key(for: .addNote))), besluiten (\(keymap.key(for: .addDecision))) "
                    + "en acties (\(keymap.key(for: .addAction)))"
            }
        case let place? where command == .addNote && place.noteSubjectId(in: dataset) != nil:
            form = Form(.addNote(subjectId: place.noteSubjectId(in: dataset)!))
        default:
            message = command == .addNote
                ? "Hier kan geen notitie: kies een item, overleg, thema, case, voorbeeld, figuur of deel van een bron"
                : "Kies eerst een indicator, bewijs of resultaat (\(keymap.key(for: .goals)) Doelen) of een overleg "
                    + "(\(keymap.key(for: .cycle)) Cyclus)"
        }
    }

    /// `r` proposes a new wording (or corrects the open proposal), `w` decides on the open proposal.
    private mutating func performTableChange(_ command: CommandID, on item: GoalItem, goalId: String, column: GoalColumn) {
        let proposal = context.review.tableChanges.last { $0.subjectId == item.id && $0.state == .proposed }
        switch (command, proposal) {
        case (.proposeWording, let open?):
            form = Form(.editProposal(open), keymap: keymap)
            message = "Er ligt al een voorstel op dit item: je bewerkt dat"
        case (.proposeWording, nil):
            form = Form(.proposeWording(goalId: goalId, column: column, itemId: item.id, text: item.text), keymap: keymap)
        case (_, let open?):
            let what = open.kind == .addition ? "Nieuw item" : "Nieuwe formulering"
            let decide = { (state: TableChange.State) in ReviewEdit.decideChange(id: open.id, state: state, expectedVersion: open.version) }
            ask(Question("\(what) van \(open.author) (\(DutchDate.timestamp(open.createdAt))):",
                         choices: [.init("a", "aanvaarden", .perform(decide(.accepted))), .init("v", "verwerpen", .perform(decide(.rejected))),
                                   .init("i", "intrekken", .perform(.withdrawChange(id: open.id, expectedVersion: open.version))),
                                   .init("n", "niets", .dismiss("Voorstel blijft open"))]))
        default:
            message = "Geen open voorstel op dit item (\(keymap.key(for: .proposeWording)) = nieuwe formulering voorstellen)"
        }
    }

    private mutating func perform(_ command: CommandID, on entry: ReviewEntry) {
        switch (command, entry) {
        case (.editEntry, .note(let note)): form = Form(.editNote(note))
        case (.editEntry, .decision(let decision)): form = Form(.editDecision(decision))
        case (.editEntry, .action(let action)):
            form = Form(.editAction(action), linkTargets: LinkTarget.all(in: context.dataset), people: context.review.people, keymap: keymap)
        case (.editEntry, .person(let person)): form = Form(.editPerson(person), keymap: keymap)
        case (.deleteEntry, .person(let person)):
            confirm("\(person.name) wissen uit de personen?", .deletePerson(id: person.id, expectedVersion: person.version, mergingInto: nil))
        case (.mergePerson, .person(let person)):
            guard context.review.people.count > 1 else {
                message = "Er is niemand anders om \(person.name) mee samen te voegen"
                return
            }
            form = Form(.mergePerson(person), people: context.review.people, keymap: keymap)
        case (.mergePerson, _):
            message = "Alleen een persoon kan samengevoegd worden (lijst personen in \(keymap.key(for: .review)) Review)"
        case (.editEntry, .meeting(let meeting)): form = Form(.editMeeting(meeting), keymap: keymap)
        case (.deleteEntry, .meeting(let meeting)):
            confirm("\(meeting.name) wissen? (een overleg dat niet doorgaat: \(keymap.key(for: .statusNext)) zet het op vervallen)",
                    .deleteMeetings([meeting.id], expectedVersions: [meeting.version]))
        case (.markForReport, .note(let note)):
            store(.markNote(id: note.id, forReport: !note.isForReport, expectedVersion: note.version))
        case (.markForReport, _):
            message = "Alleen een notitie gaat wel of niet mee in het jaarverslag"
        case (.deleteEntry, .note(let note)):
            confirm("Notitie van \(note.author) wissen?", .deleteNote(id: note.id, expectedVersion: note.version))
        case (.deleteEntry, .decision(let decision)):
            confirm("Besluit “\(Self.shortened(decision.text))” wissen?", .deleteDecision(id: decision.id, expectedVersion: decision.version))
        case (.deleteEntry, .action(let action)):
            confirm("Actie “\(Self.shortened(action.text))” wissen?", .deleteAction(id: action.id, expectedVersion: action.version))
        case (.toggleDone, .action(var action)):
            action.isDone.toggle()
            store(.updateAction(action))
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

    /// Saves the form's edit; on a conflict the form stays open and shows the other person's version (`receive`).
    private mutating func submit(_ current: Form, edit make: (Form, Dataset) -> Result<ReviewEdit, FormError>) {
        var current = current
        switch make(current, context.dataset) {
        case .failure(let error):
            current.error = error.message
            form = current
        case .success(let edit):
            form = current
            emit(.review(.apply(edit, fromForm: true, discardingDraft: current.draftId)))
        }
    }

    /// The keys of a form whose save met someone else's change.
    private mutating func settle(_ conflict: ReviewConflict, in current: Form, key: Key) {
        var current = current
        switch keymap.command(for: key, in: .conflict) {
        case .conflictKeepBoth? where current.canKeepBoth:
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
            message = "Kies: " + current.conflictChoices(conflict, keymap: keymap)
        }
    }

    /// Closes the form without saving, because the user said so: its draft goes too.
    mutating func close(_ current: Form, message: String?) {
        form = nil
        if let id = current.draftId { emit(.review(.deleteDraft(id: id))) }
        if let message { self.message = message }
        offerNextDraft()
    }

    /// Stores an edit made by a key (a status, done, a yes), not a form.
    mutating func store(_ edit: ReviewEdit) {
        emit(.review(.apply(edit, fromForm: false, discardingDraft: nil)))
    }

    /// What came of a review request: the review as it is now, and what to tell.
    mutating func receive(_ outcome: ReviewOutcome) {
        switch outcome {
        case .applied(let edit, let state, let fromForm):
            show(state)
            message = edit.summary(in: context.dataset, keymap: keymap) + "  (\(keymap.key(for: .undo)) = ongedaan maken)"
            if fromForm {
                form = nil
                offerNextDraft()
            }
        case .conflict(let conflict, let state, let fromForm):
            show(state)
            message = "Niet gewijzigd: \(conflict.kind.label) is intussen \(conflict.description)"
                + (conflict.currentText.map { " (nu: \(Self.shortened($0)))" } ?? "") + "; scherm ververst"
            if fromForm, var current = form {
                current.showConflict(conflict)
                form = current
                message = "Niet bewaard: \(conflict.kind.label) \(conflict.description)"
            }
        case .failed(let text, let state):
            if let state { show(state) }
            message = text
        case .stepped(let text, let state):
            show(state)
            message = text
        case .draftSaved(let id):
            guard var current = form else { return }
            current.draftId = id
            current.changesSinceDraft = 0
            form = current
            draftFailure = nil
        case .draftFailed(let reason):
            draftFailure = reason
            message = "Concept niet bewaard: \(reason)"
        case .draftDeleted:
            break
        case .loaded(let state, let announced):
            show(state)
            if announced { message = "Vernieuwd" }
        case .greeted(let previousVisit):
            lastVisit = previousVisit
            if remindsAtStart, let greeting = greeting(previousVisit: previousVisit) {
                message = [message, greeting].compactMap { $0 }.joined(separator: " · ")
            }
        case .drafts(let drafts, let announced):
            if drafts.isEmpty, announced { message = "Geen niet bewaarde teksten" }
            offer(drafts)
        }
    }

    /// "Sinds je laatste bezoek (01-12-2026 10:00): 4 wijzigingen door bert (3) en anna (1) · jouw acties: 1 over
    /// datum, 2 deze week af": what a colleague did, and what falls due for the user; nil when there is neither.
    func greeting(previousVisit: Date?) -> String? {
        guard let user = context.user else { return nil }
        var parts: [String] = []
        if let previousVisit {
            let changes = ReviewChanges(review: context.review, dataset: context.dataset, since: previousVisit, today: context.today, excluding: user)
            if !changes.entries.isEmpty {
                parts.append("Sinds je laatste bezoek (\(DutchDate.timestamp(previousVisit))): \(changes.byWhom) (\(keymap.key(for: .summary)) toont ze)")
            }
        }
        let due = context.review.actionsDue(owner: context.review.ownerName(forLogin: user), today: context.today)
        let counts = [due.overdue.isEmpty ? nil : "\(due.overdue.count) over datum", due.thisWeek.isEmpty ? nil : "\(due.thisWeek.count) deze week af"]
            .compactMap { $0 }
        if !counts.isEmpty {
            parts.append("jouw acties: \(counts.joined(separator: ", ")) (\(keymap.key(for: .myActions)) toont ze)")
        }
        guard !parts.isEmpty else { return nil }
        let line = parts.joined(separator: " · ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    // MARK: Drafts

    /// Key presses in a form between two saves of its draft (besides the save after a pause in typing).
    static let changesPerDraft = 40

    /// Lets go of the review for an edit to bring it up to date in place (`receive` gets it back).
    mutating func takeReview() -> ReviewSnapshot {
        defer { context.review = .empty }
        return context.review
    }

    private mutating func show(_ state: ReviewState) {
        context.review = state.review
        context.today = state.today
    }

    /// The request that keeps the open form's text as a draft, when it changed since the last save; nil when
    /// there is nothing to keep. Made after a pause in typing, every few dozen key presses, and on signals.
    var draftRequest: ReviewRequest? {
        guard let current = form, current.isChanged, current.changesSinceDraft > 0 || current.draftId == nil else { return nil }
        return .saveDraft(id: current.draftId, payload: current.draftPayload)
    }

    mutating func saveDraft() {
        if let request = draftRequest { emit(.review(request)) }
    }

    /// The text of an open form that could not be kept as a draft, for the last resort on a signal (a file).
    public var unsavedText: String? {
        guard let current = form, current.isChanged else { return nil }
        return current.subject(in: context.dataset, review: context.review) + "\n\n" + current.texts.joined(separator: "\n\n") + "\n"
    }

    /// Offers the drafts this user left behind (a signal, a dropped connection), one at a time.
    mutating func offer(_ drafts: [Draft]) {
        draftsToOffer = drafts
        offerNextDraft()
    }

    /// Offers the next draft, but never over a form that is open, nor on a projector: drafts wait until
    /// presenting ends (the audience does not see the question, and no key turning a slide answers it).
    mutating func offerNextDraft() {
        guard form == nil, question == nil, presenter == nil, !draftsToOffer.isEmpty else { return }
        let draft = draftsToOffer.removeFirst()
        guard let restored = Form(draft: draft, linkTargets: LinkTarget.all(in: context.dataset), people: context.review.people, keymap: keymap) else {
            // Say so, and go on with the others: one unreadable draft must not hide the rest.
            offerNextDraft()
            if question == nil { message = "Concept \(draft.id) kan niet gelezen worden; het blijft in de database" }
            return
        }
        if let readOnlyReason {
            // Restored, it would open a form that cannot be saved: it waits for a session that can write.
            message = "Niet bewaarde tekst gevonden: \(restored.subject(in: context.dataset, review: context.review)); "
                + "die blijft bewaard tot je de database kunt schrijven (\(readOnlyReason))"
            return
        }
        ask(Question("Niet bewaarde tekst gevonden: \(restored.subject(in: context.dataset, review: context.review)) (\(DutchDate.timestamp(draft.savedAt)))",
                     choices: [.init("j", "herstellen", .restoreDraft(draft)), .init("l", "later", .dismiss("Concept blijft bewaard")),
                               .init("w", "weggooien", .discardDraft(draft))]))
    }

    static func shortened(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 40 ? line.prefix(39) + "…" : line
    }
}
