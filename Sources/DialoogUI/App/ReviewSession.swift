import DialoogModel
import Foundation

/// Everything the app needs to record review work: where it is stored, who is writing, the clock,
/// and how to export. Without one the app only reads.
public struct ReviewSession: Sendable {
    public let repository: any ReviewRepository
    public let author: String
    public let clock: @Sendable () -> Date
    /// Writes an export of the current data (the review in a format, or a meeting's agenda) to a file and
    /// returns where it went; throws `ExportFileExists` rather than overwrite unless told to.
    public let export: @Sendable (Dataset, ReviewSnapshot, ExportRequest) throws -> String

    public init(repository: any ReviewRepository, author: String, clock: @escaping @Sendable () -> Date = Date.init,
                export: @escaping @Sendable (Dataset, ReviewSnapshot, ExportRequest) throws -> String) {
        self.repository = repository
        self.author = author
        self.clock = clock
        self.export = export
    }
}

extension ReviewEdit {
    /// What the status line says after the edit, places by their names and keys as `keymap` binds them.
    func summary(in dataset: Dataset, keymap: Keymap) -> String {
        switch self {
        case .setStatus(let itemId, let status, _): "Status \(dataset.reviewTargetName(itemId) ?? itemId): \(status.label)"
        case .addNote: "Notitie bewaard"
        case .updateNote: "Notitie bijgewerkt"
        case .deleteNote: "Notitie gewist"
        case .restoreNote: "Notitie teruggezet"
        case .addDecision: "Besluit bewaard"
        case .updateDecision: "Besluit bijgewerkt"
        case .deleteDecision: "Besluit gewist"
        case .restoreDecision: "Besluit teruggezet"
        case .addAction: "Actie bewaard"
        case .updateAction(let action): action.isDone ? "Actie bijgewerkt (afgerond)" : "Actie bijgewerkt"
        case .deleteAction: "Actie gewist"
        case .restoreAction: "Actie teruggezet"
        case .markNote(_, let forReport, _): forReport ? "Notitie gaat mee in het jaarverslag" : "Notitie is intern (niet in het jaarverslag)"
        case .addPerson(let person): "\(person.name) toegevoegd aan de personen"
        case .updatePerson(let person): "\(person.name) bijgewerkt"
        case .deletePerson(_, _, let into): into == nil ? "Persoon gewist" : "Personen samengevoegd"
        case .restorePerson(let person, _, _): "\(person.name) teruggezet"
        case .addMeetings(let meetings) where meetings.count == 1: "\(meetings[0].name) gepland"
        case .addMeetings(let meetings): "\(meetings.count) overleggen gepland"
        case .updateMeeting(let meeting): "\(meeting.name) bijgewerkt (\(meeting.status.rawValue))"
        case .deleteMeetings(let ids, _): ids.count == 1 ? "Overleg gewist" : "\(ids.count) overleggen gewist"
        case .restoreMeetings(let meetings): meetings.count == 1 ? "Overleg teruggezet" : "\(meetings.count) overleggen teruggezet"
        case .recordPeildatum(let label): "Peildatum \(label) vastgelegd (\(Command.of(.comparePeildata).label): \(keymap.key(for: .comparePeildata)))"
        case .deletePeildatum: "Peildatum gewist"
        case .restorePeildatum(let peildatum): "Peildatum \(peildatum.label) teruggezet"
        case .proposeChange(let change):
            "\(change.kind == .addition ? "Nieuw item" : "Nieuwe formulering") voorgesteld bij \(change.place(in: dataset)): "
                + "het telt mee zodra het aanvaard is"
        case .updateChange: "Voorstel bijgewerkt"
        case .decideChange(_, let state, _): state == .proposed ? "Weer een voorstel" : "Voorstel \(state.rawValue)"
        case .withdrawChange: "Voorstel ingetrokken"
        case .restoreChange: "Voorstel teruggezet"
        }
    }
}

extension ReviewEdit {
    /// What undo and redo say they did, naming the record and its place, for a step taken from another screen:
    /// "actie “Zaal reserveren” bij Sectortafel november 2023 gewist". `review` is the review before the step.
    func described(in review: ReviewSnapshot, dataset: Dataset) -> String {
        let item = { (id: String) in review.subjectName(id, in: dataset) }
        let meeting = { (id: String) in review.meetingName(id, in: dataset) ?? id }
        let quoted = { (text: String) in "“\(AppModel.shortened(text))”" }
        switch self {
        case .setStatus(let itemId, let status, _):
            return "status van \(item(itemId)): \(status.label)"
        case .addNote(let subjectId, let text):
            return "notitie \(quoted(text)) bij \(item(subjectId)) bewaard"
        case .updateNote(let id, let text, _):
            let subject = review.notes.first { $0.id == id }.map { " bij " + item($0.subjectId) } ?? ""
            return "notitie\(subject) bijgewerkt: \(quoted(text))"
        case .deleteNote(let id, _):
            guard let note = review.notes.first(where: { $0.id == id }) else { return "notitie gewist" }
            return "notitie \(quoted(note.text)) bij \(item(note.subjectId)) gewist"
        case .restoreNote(let note):
            return "notitie \(quoted(note.text)) bij \(item(note.subjectId)) teruggezet"
        case .addDecision(let activityId, let text):
            return "besluit \(quoted(text)) bij \(meeting(activityId)) bewaard"
        case .updateDecision(let id, let text, _):
            let place = review.decisions.first { $0.id == id }.map { " bij " + meeting($0.activityId) } ?? ""
            return "besluit\(place) bijgewerkt: \(quoted(text))"
        case .deleteDecision(let id, _):
            guard let decision = review.decisions.first(where: { $0.id == id }) else { return "besluit gewist" }
            return "besluit \(quoted(decision.text)) bij \(meeting(decision.activityId)) gewist"
        case .restoreDecision(let decision):
            return "besluit \(quoted(decision.text)) bij \(meeting(decision.activityId)) teruggezet"
        case .addAction(let action):
            return "actie \(quoted(action.text)) bij \(meeting(action.activityId)) bewaard"
        case .updateAction(let action):
            // What the step changes, field by field: "afgerond", "weer open", "deadline … → …".
            let changes = review.actions.first { $0.id == action.id }
                .map { ActionFields($0.summary).changes(to: ActionFields(action.summary), dataset: dataset) } ?? []
            return "actie \(quoted(action.text)) bij \(meeting(action.activityId)) bijgewerkt"
                + (changes.isEmpty ? "" : ": " + changes.joined(separator: "; "))
        case .deleteAction(let id, _):
            guard let action = review.actions.first(where: { $0.id == id }) else { return "actie gewist" }
            return "actie \(quoted(action.text)) bij \(meeting(action.activityId)) gewist"
        case .restoreAction(let action):
            return "actie \(quoted(action.text)) bij \(meeting(action.activityId)) teruggezet"
        case .markNote(let id, let forReport, _):
            let subject = review.notes.first { $0.id == id }.map { " bij " + item($0.subjectId) } ?? ""
            return "notitie\(subject): \(forReport ? "voor het jaarverslag" : "intern")"
        case .addPerson(let person):
            return "persoon \(person.name) toegevoegd"
        case .updatePerson(let person):
            let old = review.people.first { $0.id == person.id }
            return old.map { $0.name == person.name ? "persoon \(person.name) bijgewerkt" : "persoon \($0.name) heet weer \(person.name)" }
                ?? "persoon \(person.name) bijgewerkt"
        case .deletePerson(let id, _, let into):
            let name = review.people.first { $0.id == id }?.name ?? "persoon"
            let target = into.flatMap { target in review.people.first { $0.id == target }?.name }
            return target.map { "\(name) samengevoegd met \($0)" } ?? "\(name) gewist"
        case .restorePerson(let person, let actionIds, _):
            return "\(person.name) teruggezet" + (actionIds.isEmpty ? "" : " met \(actionIds.count == 1 ? "1 actie" : "\(actionIds.count) acties")")
        case .addMeetings(let meetings):
            return meetings.count == 1 ? "overleg \(meetings[0].name) toegevoegd" : "\(meetings.count) overleggen toegevoegd"
        case .updateMeeting(let meeting):
            return "overleg \(meeting.name) bijgewerkt"
        case .deleteMeetings(let ids, _):
            let names = ids.compactMap { id in review.meetings.first { $0.id == id }?.name }
            return names.count == 1 ? "overleg \(names[0]) gewist" : "\(ids.count) overleggen gewist"
        case .restoreMeetings(let meetings):
            return meetings.count == 1 ? "overleg \(meetings[0].name) teruggezet" : "\(meetings.count) overleggen teruggezet"
        case .recordPeildatum(let label):
            return "peildatum \(label) vastgelegd"
        case .deletePeildatum(let id):
            return "peildatum \(review.peildata.first { $0.id == id }?.label ?? "") gewist"
        case .restorePeildatum(let peildatum):
            return "peildatum \(peildatum.label) teruggezet"
        case .proposeChange(let change), .restoreChange(let change):
            return "voorstel \(quoted(change.text)) bij \(change.place(in: dataset)) \(self == .proposeChange(change) ? "gedaan" : "teruggezet")"
        case .updateChange(let change):
            return "voorstel bij \(change.place(in: dataset)) bijgewerkt: \(quoted(change.text))"
        case .decideChange(let id, let state, _):
            let change = review.tableChanges.first { $0.id == id }
            return "voorstel \(change.map { quoted($0.text) + " bij " + $0.place(in: dataset) } ?? "") "
                + (state == .proposed ? "weer open" : state.rawValue)
        case .withdrawChange(let id, _):
            let change = review.tableChanges.first { $0.id == id }
            return "voorstel \(change.map { quoted($0.text) + " bij " + $0.place(in: dataset) } ?? "") ingetrokken"
        }
    }
}
