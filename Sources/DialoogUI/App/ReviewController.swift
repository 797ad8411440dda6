import DialoogModel

/// The review work beside the screens: the database of the session, this session's undo and redo, and the
/// drafts left by earlier sessions. It carries out what the model requests and answers with what came of
/// it; what to show is the model's business.
struct ReviewController: Sendable {
    let session: ReviewSession
    /// To name places in what undo and redo say.
    private let dataset: Dataset
    /// Inverses of this session's edits, newest last.
    private(set) var undoStack: [ReviewEdit] = []
    /// Inverses of what undo undid, for redo; a new edit clears it.
    private(set) var redoStack: [ReviewEdit] = []

    init(session: ReviewSession, dataset: Dataset) {
        self.session = session
        self.dataset = dataset
    }

    /// Drafts this user left behind (a signal, a dropped connection); none when they cannot be read.
    private func abandonedDrafts() -> [Draft] {
        (try? session.repository.abandonedDrafts(author: session.author)) ?? []
    }

    /// `review` is the model's, handed over for an edit (`ReviewRequest.changesReview`) so that bringing it up to
    /// date changes its lists in place instead of copying them; every outcome of an edit hands it back.
    mutating func perform(_ request: ReviewRequest, taking review: consuming ReviewSnapshot) -> ReviewOutcome {
        let repository = session.repository
        switch request {
        case .apply(let edit, let fromForm, let draftId):
            do {
                let inverse = try repository.apply(edit, author: session.author, now: session.clock(), discardingDraft: draftId)
                undoStack.append(inverse)
                redoStack.removeAll()
                refresh(&review)
                return .applied(edit, state(review), fromForm: fromForm)
            } catch let conflict as ReviewConflict {
                reload(&review)
                return .conflict(conflict, state(review), fromForm: fromForm)
            } catch {
                return .failed("Niet opgeslagen: \(error)", state(review))
            }
        case .undo:
            return step(from: \.undoStack, to: \.redoStack, review: &review, done: "Ongedaan", nothing: "Niets om ongedaan te maken",
                        verb: "ongedaan gemaakt")
        case .redo:
            return step(from: \.redoStack, to: \.undoStack, review: &review, done: "Opnieuw gedaan", nothing: "Niets om opnieuw te doen",
                        verb: "opnieuw gedaan")
        case .saveDraft(let id, let payload):
            do {
                return .draftSaved(id: try repository.saveDraft(id: id, author: session.author, payload: payload, now: session.clock()))
            } catch {
                return .draftFailed("\(error)")
            }
        case .deleteDraft(let id):
            try? repository.deleteDraft(id: id)
            return .draftDeleted
        case .drafts(let announced):
            return .drafts(abandonedDrafts(), announced: announced)
        case .greet:
            return .greeted(previousVisit: try? repository.recordVisit(login: session.author, now: session.clock()))
        case .reload(let announced):
            do {
                // Asked for (Ctrl-R): everything read again; noticed by itself: only what others changed.
                if announced { review = try repository.load() } else { try repository.refresh(&review) }
                return .loaded(state(review), announced: announced)
            } catch {
                return .failed("Reviewdata niet geladen: \(error)", state(review))
            }
        }
    }

    private func state(_ review: ReviewSnapshot) -> ReviewState {
        ReviewState(review: review, today: DueDate.string(from: session.clock()))
    }

    /// True when another instance changed the database since this one last read it.
    func hasChangedSinceLoad() -> Bool { session.repository.hasChangedSinceLoad() }

    /// The review after an edit: only what changed (here or elsewhere) is read again.
    private func refresh(_ review: inout ReviewSnapshot) {
        do {
            try session.repository.refresh(&review)
        } catch {
            reload(&review)
        }
    }

    /// The whole review read again, or left as it was when it cannot be read.
    private func reload(_ review: inout ReviewSnapshot) {
        if let loaded = try? session.repository.load() { review = loaded }
    }

    /// Undo or redo this session's latest step, but only when nobody changed that record since.
    private mutating func step(from source: WritableKeyPath<ReviewController, [ReviewEdit]>,
                               to target: WritableKeyPath<ReviewController, [ReviewEdit]>,
                               review: inout ReviewSnapshot, done: String, nothing: String, verb: String) -> ReviewOutcome {
        guard let edit = self[keyPath: source].popLast() else { return .stepped(nothing, state(review)) }
        // Named in the table as shown, so a change on an added item says where it is, not its id.
        let described = edit.described(in: review, dataset: dataset.table(with: review.tableChanges, proposals: true))
        do {
            let inverse = try session.repository.apply(edit, author: session.author, now: session.clock(), discardingDraft: nil)
            self[keyPath: target].append(inverse)
            // This session moved the record on itself: its other steps on that record start from the new version.
            if let record = inverse.record ?? edit.record, let version = inverse.expectedVersion {
                undoStack = undoStack.map { $0.record == record ? $0.expecting(version) : $0 }
                redoStack = redoStack.map { $0.record == record ? $0.expecting(version) : $0 }
            }
            refresh(&review)
            return .stepped("\(done): \(described)", state(review))
        } catch let conflict as ReviewConflict {
            reload(&review)
            return .stepped("Niet \(verb): \(conflict.kind.withArticle) is intussen \(conflict.description)", state(review))
        } catch let refusal as ReviewRefusal {
            // Trying again would meet the same refusal and keep every older step out of reach.
            return .stepped("Niet \(verb): \(refusal)", state(review))
        } catch {
            self[keyPath: source].append(edit)
            return .stepped("Niet \(verb): \(error)", state(review))
        }
    }
}
