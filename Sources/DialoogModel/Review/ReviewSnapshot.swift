import Foundation

/// Everything the secretaries recorded, as loaded from the review database.
public struct ReviewSnapshot: Sendable, Equatable {
    public var statuses: [String: StatusRecord]
    public var notes: [Note] {
        get { storedNotes }
        // Changed in place (a `didSet` would copy 100,000 notes on every change), then the index starts anew.
        _modify {
            defer { bySubject = SubjectIndex() }
            yield &storedNotes
        }
    }
    public var decisions: [Decision]
    public var actions: [ActionItem]
    /// Everyone who owns actions, by name.
    public var people: [Person]
    /// Meetings the secretariat added (any year after the source's), by date.
    public var meetings: [Meeting]
    /// The moments the table was judged, oldest first.
    public var peildata: [Peildatum]
    /// Items added to the goal table and new wordings, proposed, accepted or rejected, oldest first.
    public var tableChanges: [TableChange]
    /// Every change ever made, oldest first.
    public var history: [HistoryEntry] {
        get { storedHistory }
        _modify {
            defer { bySubject = SubjectIndex() }
            yield &storedHistory
        }
    }
    private var storedNotes: [Note]
    private var storedHistory: [HistoryEntry]
    /// Where each subject's notes and history entries are, built on first use after a change.
    private var bySubject = SubjectIndex()

    public init(statuses: [String: StatusRecord] = [:], notes: [Note] = [], decisions: [Decision] = [], actions: [ActionItem] = [],
                people: [Person] = [], meetings: [Meeting] = [], peildata: [Peildatum] = [], tableChanges: [TableChange] = [],
                history: [HistoryEntry] = []) {
        self.statuses = statuses
        storedNotes = notes
        self.decisions = decisions
        self.actions = actions
        self.people = people
        self.meetings = meetings
        self.peildata = peildata
        self.tableChanges = tableChanges
        storedHistory = history
    }

    public static let empty = ReviewSnapshot()

    public func status(of itemId: String) -> ReviewStatus { statuses[itemId]?.status ?? .open }
    /// The version of the item's status the screen shows (0: never set).
    public func statusVersion(of itemId: String) -> Int { statuses[itemId]?.version ?? 0 }
    /// The changes to the status and notes of a goal item, or to the decisions and actions of a meeting, oldest first.
    public func history(of subjectId: String) -> [HistoryEntry] {
        bySubject.positions(ofHistoryOf: subjectId, in: history).map { history[$0] }
    }

    public func notes(on subjectId: String) -> [Note] {
        bySubject.positions(ofNotesOn: subjectId, in: notes).map { notes[$0] }
    }

    /// How many notes the subject has, without copying them (a row or a table cell shows only the count).
    public func noteCount(on subjectId: String) -> Int {
        bySubject.positions(ofNotesOn: subjectId, in: notes).count
    }

    public func decisions(at activityId: String) -> [Decision] { decisions.filter { $0.activityId == activityId } }
    public func actions(at activityId: String) -> [ActionItem] { actions.filter { $0.activityId == activityId } }
    public func actions(servingItem id: String) -> [ActionItem] { actions.filter { $0.linkedId == id } }

    public static func == (left: ReviewSnapshot, right: ReviewSnapshot) -> Bool {
        (left.statuses, left.notes, left.decisions, left.actions, left.people, left.history)
            == (right.statuses, right.notes, right.decisions, right.actions, right.people, right.history) && left.meetings == right.meetings && left.peildata == right.peildata
            && left.tableChanges == right.tableChanges
    }

    /// Review data whose item, goal or activity id no longer exists in the dataset (kept, never deleted).
    public func orphanedIds(in dataset: Dataset) -> Set<String> {
        // The meetings the secretariat added are places too, kept in the review itself.
        let known = dataset.reviewableIds.union(meetings.map(\.activityId))
        let used = Set(statuses.keys).union(notes.map(\.subjectId))
            .union(decisions.map(\.activityId)).union(actions.map(\.activityId))
            .union(actions.compactMap(\.linkedId))
        return used.subtracting(known)
    }
}

/// The positions of each subject's notes and history entries in a snapshot's lists, in list order. A screen
/// asks for the notes of every item it draws: filtering 100,000 notes for each one was most of a frame. Made
/// anew (empty) whenever those lists change, so it always belongs to the lists it was built from.
final class SubjectIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String: [Int]]?
    private var history: [String: [Int]]?

    func positions(ofNotesOn subject: String, in notes: [Note]) -> [Int] {
        lock.withLock {
            // Read each subject id in place: copying whole notes to read one field was most of a save's time.
            if self.notes == nil { self.notes = Self.index(notes.indices) { notes[$0].subjectId } }
            return self.notes?[subject] ?? []
        }
    }

    func positions(ofHistoryOf subject: String, in history: [HistoryEntry]) -> [Int] {
        lock.withLock {
            if self.history == nil { self.history = Self.index(history.indices) { history[$0].subjectId } }
            return self.history?[subject] ?? []
        }
    }

    private static func index(_ positions: Range<Int>, subject: (Int) -> String) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for position in positions { index[subject(position), default: []].append(position) }
        return index
    }
}
