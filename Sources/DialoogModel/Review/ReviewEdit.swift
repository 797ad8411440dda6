import Foundation

/// One change to the review data. Applying an edit returns the edit that undoes it. Changes to an existing
/// record name the version they start from; when the record has moved on, nothing is written (`ReviewConflict`).
public enum ReviewEdit: Sendable, Equatable {
    /// `expectedVersion`: the status version the screen showed (0 when the item never had one).
    case setStatus(itemId: String, status: ReviewStatus, expectedVersion: Int)
    case addNote(subjectId: String, text: String)
    case updateNote(id: Int64, text: String, expectedVersion: Int)
    case deleteNote(id: Int64, expectedVersion: Int)
    case restoreNote(Note)
    case addDecision(activityId: String, text: String)
    case updateDecision(id: Int64, text: String, expectedVersion: Int)
    case deleteDecision(id: Int64, expectedVersion: Int)
    case restoreDecision(Decision)
    case addAction(ActionItem)
    /// The action's `version` is the version the change starts from.
    case updateAction(ActionItem)
    case deleteAction(id: Int64, expectedVersion: Int)
    case restoreAction(ActionItem)
    /// Marks a note "voor het jaarverslag" or takes the mark off.
    case markNote(id: Int64, forReport: Bool, expectedVersion: Int)
    case addPerson(Person)
    /// The person's `version` is the version the change starts from. A new name goes to their actions too.
    case updatePerson(Person)
    /// `mergingInto`: the person who takes over the actions (two spellings of one name); nil for a plain delete.
    case deletePerson(id: Int64, expectedVersion: Int, mergingInto: Int64?)
    /// The person back, and those of `actionIds` that the merge target (`mergedInto`) still holds back to
    /// their name: the undo of a delete or merge.
    case restorePerson(Person, actionIds: [Int64], mergedInto: Int64?)
    /// New meetings in one transaction (one, or a year planned from the 2023 pattern); one whose
    /// `plannedFrom` is already in that year is left out, so planning twice creates nothing twice.
    case addMeetings([Meeting])
    /// The meeting's `version` is the version the change starts from.
    case updateMeeting(Meeting)
    /// Refused while decisions or actions hang on it.
    case deleteMeetings([Int64], expectedVersions: [Int])
    case restoreMeetings([Meeting])
    /// Records every item's status as the database has it now under a peildatum ("december 2024").
    case recordPeildatum(label: String)
    case deletePeildatum(id: Int64)
    case restorePeildatum(Peildatum)
    /// A new item or a new wording for the goal table, as a proposal (`TableChange`).
    case proposeChange(TableChange)
    /// A proposal's text corrected; its `version` is the version the change starts from.
    case updateChange(TableChange)
    /// Accepted, rejected, or back to proposed (the undo of a decision).
    case decideChange(id: Int64, state: TableChange.State, expectedVersion: Int)
    /// A proposal taken back before anyone decided on it (also the undo of proposing).
    case withdrawChange(id: Int64, expectedVersion: Int)
    case restoreChange(TableChange)
}

extension ReviewEdit {
    /// The existing record the edit starts from ("note:12", "status:d1-in-1"); nil for an add.
    public var record: String? {
        switch self {
        case .setStatus(let itemId, _, _): "status:\(itemId)"
        case .updateNote(let id, _, _), .deleteNote(let id, _): "note:\(id)"
        case .restoreNote(let note): "note:\(note.id)"
        case .updateDecision(let id, _, _), .deleteDecision(let id, _): "decision:\(id)"
        case .restoreDecision(let decision): "decision:\(decision.id)"
        case .updateAction(let action), .restoreAction(let action): "action:\(action.id)"
        case .deleteAction(let id, _): "action:\(id)"
        case .markNote(let id, _, _): "note:\(id)"
        case .updatePerson(let person), .restorePerson(let person, _, _): "person:\(person.id)"
        case .deletePerson(let id, _, _): "person:\(id)"
        case .updateMeeting(let meeting): "meeting:\(meeting.id)"
        case .deleteMeetings(let ids, _) where ids.count == 1: "meeting:\(ids[0])"
        case .restoreMeetings(let meetings) where meetings.count == 1: "meeting:\(meetings[0].id)"
        case .updateChange(let change), .restoreChange(let change): "tableChange:\(change.id)"
        case .decideChange(let id, _, _), .withdrawChange(let id, _): "tableChange:\(id)"
        case .addNote, .addDecision, .addAction, .addPerson, .addMeetings, .deleteMeetings, .restoreMeetings, .recordPeildatum, .deletePeildatum,
             .restorePeildatum, .proposeChange:
            nil
        }
    }

    /// The version the edit starts from; nil for adds and restores (the record must not exist).
    public var expectedVersion: Int? {
        switch self {
        case .setStatus(_, _, let version), .updateNote(_, _, let version), .deleteNote(_, let version),
             .updateDecision(_, _, let version), .deleteDecision(_, let version), .deleteAction(_, let version),
             .markNote(_, _, let version), .deletePerson(_, let version, _), .decideChange(_, _, let version), .withdrawChange(_, let version):
            version
        case .updateChange(let change): change.version
        case .updateAction(let action): action.version
        case .updatePerson(let person): person.version
        case .updateMeeting(let meeting): meeting.version
        case .deleteMeetings(_, let versions) where versions.count == 1: versions[0]
        case .addNote, .addDecision, .addAction, .restoreNote, .restoreDecision, .restoreAction, .addPerson, .restorePerson, .addMeetings,
             .deleteMeetings, .restoreMeetings, .recordPeildatum, .deletePeildatum, .restorePeildatum, .proposeChange, .restoreChange:
            nil
        }
    }

    /// The same edit starting from `version`: after this session's own undo or redo moved the record on,
    /// its older undo steps start from there.
    public func expecting(_ version: Int) -> ReviewEdit {
        switch self {
        case .setStatus(let itemId, let status, _): return .setStatus(itemId: itemId, status: status, expectedVersion: version)
        case .updateNote(let id, let text, _): return .updateNote(id: id, text: text, expectedVersion: version)
        case .deleteNote(let id, _): return .deleteNote(id: id, expectedVersion: version)
        case .updateDecision(let id, let text, _): return .updateDecision(id: id, text: text, expectedVersion: version)
        case .deleteDecision(let id, _): return .deleteDecision(id: id, expectedVersion: version)
        case .updateAction(var action):
            action.version = version
            return .updateAction(action)
        case .deleteAction(let id, _): return .deleteAction(id: id, expectedVersion: version)
        case .markNote(let id, let forReport, _): return .markNote(id: id, forReport: forReport, expectedVersion: version)
        case .updatePerson(var person):
            person.version = version
            return .updatePerson(person)
        case .deletePerson(let id, _, let into): return .deletePerson(id: id, expectedVersion: version, mergingInto: into)
        case .updateMeeting(var meeting):
            meeting.version = version
            return .updateMeeting(meeting)
        case .deleteMeetings(let ids, _) where ids.count == 1: return .deleteMeetings(ids, expectedVersions: [version])
        case .updateChange(var change):
            change.version = version
            return .updateChange(change)
        case .decideChange(let id, let state, _): return .decideChange(id: id, state: state, expectedVersion: version)
        case .withdrawChange(let id, _): return .withdrawChange(id: id, expectedVersion: version)
        case .addNote, .addDecision, .addAction, .restoreNote, .restoreDecision, .restoreAction, .addPerson, .restorePerson, .addMeetings,
             .deleteMeetings, .restoreMeetings, .recordPeildatum, .deletePeildatum, .restorePeildatum, .proposeChange, .restoreChange:
            return self
        }
    }
}
