import DialoogModel

/// Review work: forms, edits, undo, refresh and export.
extension App {
    mutating func handleReview(_ request: ReviewRequest) {
        guard reviewSession != nil else {
            message = "Alleen lezen: geen reviewdatabase geopend"
            return
        }
        switch request {
        case .cycleStatus(let itemId, let backwards):
            let all = ReviewStatus.allCases
            let current = all.firstIndex(of: context.review.status(of: itemId)) ?? 0
            let next = all[(current + (backwards ? all.count - 1 : 1)) % all.count]
            apply(.setStatus(itemId: itemId, status: next == .open ? nil : next))
        case .openForm(let purpose):
            form = Form(purpose)
        case .apply(let edit):
            apply(edit)
        }
    }

    mutating func handleForm(_ key: Key) {
        guard var current = form else { return }
        switch current.handle(key) {
        case .editing:
            form = current
        case .cancelled:
            form = nil
            message = "Niets bewaard"
        case .submitted:
            switch current.edit(in: context.dataset) {
            case .success(let edit):
                if apply(edit) { form = nil } else { form = current }
            case .failure(let error):
                current.error = error.message
                form = current
            }
        }
    }

    /// Stores the edit at once; on failure nothing changes and the user is told why.
    @discardableResult
    mutating func apply(_ edit: ReviewEdit) -> Bool {
        guard let session = reviewSession else { return false }
        do {
            let inverse = try session.repository.apply(edit, author: session.author, now: session.clock())
            undoStack.append(inverse)
            reload()
            message = edit.summary + "  (u = ongedaan maken)"
            return true
        } catch {
            message = "Niet opgeslagen: \(error)"
            return false
        }
    }

    mutating func undo() {
        guard let session = reviewSession, let inverse = undoStack.popLast() else {
            message = "Niets om ongedaan te maken"
            return
        }
        do {
            _ = try session.repository.apply(inverse, author: session.author, now: session.clock())
            reload()
            message = "Ongedaan: " + inverse.summary
        } catch {
            undoStack.append(inverse)
            message = "Ongedaan maken mislukt: \(error)"
        }
    }

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

    mutating func export() {
        guard let session = reviewSession else {
            message = "Alleen lezen: geen reviewdatabase geopend"
            return
        }
        do {
            message = "Export geschreven: " + (try session.export(context.dataset, context.review))
        } catch {
            message = "Export mislukt: \(error)"
        }
    }
}
