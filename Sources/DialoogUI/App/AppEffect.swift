import DialoogModel
import Foundation

/// What the model asks of the world after a key: it reads and writes nothing itself. `App` carries out the
/// review and export requests and hands the outcome back (`AppModel.receive`); the rest is for the main loop.
public enum AppEffect: Sendable, Equatable {
    case review(ReviewRequest)
    case export(ExportRequest)
    /// The theme chosen; the terminal loads its colours.
    case setTheme(String)
    /// The theme to keep in config.yaml for the next starts.
    case saveTheme(String)
    /// A key pressed in the speaker view, for the projector.
    case sendToProjector(RemoteKey)
    /// A hint about keys, for the presenter's eyes: to the speaker views, not onto the projector.
    case tellSpeakerViews(String)
    case quit
}

/// A request to the review database.
public enum ReviewRequest: Sendable, Equatable {
    /// Store an edit: from a form (which stays open on a conflict or failure) or a key (a status, done, a yes).
    case apply(ReviewEdit, fromForm: Bool, discardingDraft: Int64?)
    case undo
    case redo
    case saveDraft(id: Int64?, payload: String)
    case deleteDraft(id: Int64)
    /// Read the review again; `announced` says so in the status line (Ctrl-R).
    case reload(announced: Bool)
    /// The drafts this user left and that no running session holds (also those put off with "later");
    /// `announced`: say so when there are none (asked for with `:concept`, not at start).
    case drafts(announced: Bool)
    /// At start: record this visit and learn when the user last looked, for "sinds je laatste bezoek".
    case greet

    /// An edit, a step back or forward, or reading what changed: the review changes and comes back with the outcome.
    var changesReview: Bool {
        switch self {
        case .apply, .undo, .redo, .reload: true
        case .saveDraft, .deleteDraft, .drafts, .greet: false
        }
    }
}

/// The review as the database has it now, and today (yyyy-MM-dd), to tell which actions are past due.
struct ReviewState: Sendable {
    let review: ReviewSnapshot
    let today: String
}

/// What came of a request.
enum ReviewOutcome: Sendable {
    /// Stored; the review as it is now.
    case applied(ReviewEdit, ReviewState, fromForm: Bool)
    /// Someone else changed the record first: nothing was stored.
    case conflict(ReviewConflict, ReviewState, fromForm: Bool)
    /// Nothing stored; the review back when the request had taken it.
    case failed(String, ReviewState?)
    /// Undo or redo: what the status line says, and the review.
    case stepped(String, ReviewState)
    case draftSaved(id: Int64)
    case draftFailed(String)
    case draftDeleted
    case loaded(ReviewState, announced: Bool)
    case drafts([Draft], announced: Bool)
    /// When this user last started the app (nil the first time or when it cannot be told).
    case greeted(previousVisit: Date?)
}

/// What came of an export.
enum ExportOutcome: Sendable {
    case written(path: String, content: ExportContent)
    /// The file exists; `request` writes over it.
    case exists(path: String, request: ExportRequest)
    case failed(String)
}
