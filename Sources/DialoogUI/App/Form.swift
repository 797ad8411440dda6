import DialoogModel
import Foundation

/// A form over the screen to write a note, a decision or an action item. Tab moves between fields,
/// Ctrl-D saves (Enter too, in a one-line field), Esc cancels. A save that meets someone else's newer
/// change keeps the form open with their text beside yours (`conflict`).
public struct Form: Sendable {
    public enum Purpose: Sendable, Equatable, Codable {
        case addNote(subjectId: String)
        case editNote(Note)
        case addDecision(activityId: String)
        case editDecision(Decision)
        case addAction(activityId: String, linkedId: String?)
        case editAction(ActionItem)
        case addPerson
        case editPerson(Person)
        /// Give this person's actions to another (two spellings of one name) and remove the spelling.
        case mergePerson(Person)
        case addMeeting(year: Int)
        case editMeeting(Meeting)
        /// The verslag, attendance and agenda points of a meeting.
        case minutes(Meeting)
        case recordPeildatum
        /// A new item for a column of a goal (for winst-risico also a `=>` mitigation), as a proposal.
        case proposeItem(goalId: String, column: GoalColumn)
        /// A new wording for an item; `text` is its wording now, which the field starts with.
        case proposeWording(goalId: String, column: GoalColumn, itemId: String, text: String)
        /// A proposal's text, corrected before anyone decides on it.
        case editProposal(TableChange)
    }

    public enum Outcome: Equatable {
        case editing
        case cancelled
        case submitted
    }

    struct Field: Sendable {
        let label: String
        var editor: TextEditor
        /// What typing in the field offers to pick (goals for "voor", people for an owner); empty for free text.
        var choices: [LinkTarget] = []
        /// A typed value may be new (an owner who becomes a person on save): `Enter` takes a match only when
        /// it was chosen with ↑↓ or begins with what was typed, and otherwise keeps the typed text.
        var allowsNew = false
        /// Several values, separated by commas (who attended): typing picks the one after the last comma.
        var isList = false
    }

    public let purpose: Purpose
    var fields: [Field]
    var focus = 0
    /// Why the last save was refused, shown in the form.
    public var error: String?
    /// The version of the record the save starts from; raised when the user chooses to overwrite.
    var expectedVersion: Int
    /// Someone else's change that stopped the last save; until it is settled the form asks what to do.
    public internal(set) var conflict: ReviewConflict?
    /// The other person's record this form overwrites, after a conflict: the base of the fields it does not show.
    private var theirs: ReviewConflict.Record?
    /// The draft of this form in the review database, once one was saved.
    var draftId: Int64?
    /// Key presses that changed the text since the draft was last saved.
    var changesSinceDraft = 0
    private let initialTexts: [String]
    /// Which of the focused field's matches ↑↓ chose, and whether ↑↓ were used since the last typing.
    var choice = 0
    var choseWithArrows = false
    /// The key that takes a match in a picking field, as the field's label and errors name it.
    private let acceptKey: String

    /// `linkTargets`: the goals and items an action may serve (`LinkTarget.all(in:)`), for its "voor" field;
    /// `people`: who may own it (and who a person may be merged with).
    public init(_ purpose: Purpose, linkTargets: [LinkTarget] = [], people: [Person] = [], keymap: Keymap = .standard) {
        self.purpose = purpose
        let acceptKey = keymap.key(for: .promptAccept)
        self.acceptKey = acceptKey
        let linkLabel = { (id: String?) in id.map { id in linkTargets.first { $0.id == id }?.value ?? id } ?? "" }
        let owners = people.map(LinkTarget.init(person:))
        switch purpose {
        case .addNote: fields = [Field(label: "Notitie", editor: TextEditor(multiline: true))]
        case .editNote(let note): fields = [Field(label: "Notitie", editor: TextEditor(note.text, multiline: true))]
        case .addDecision: fields = [Field(label: "Besluit", editor: TextEditor(multiline: true))]
        case .editDecision(let decision): fields = [Field(label: "Besluit", editor: TextEditor(decision.text, multiline: true))]
        case .addAction(_, let linkedId): fields = Self.actionFields(text: "", owner: "", due: "", link: linkLabel(linkedId), acceptKey: acceptKey)
        case .editAction(let action):
            fields = Self.actionFields(text: action.text, owner: action.owner, due: action.dueDate ?? "", link: linkLabel(action.linkedId),
                                       acceptKey: acceptKey)
        case .addPerson: fields = Self.personFields(Person(name: ""))
        case .editPerson(let person): fields = Self.personFields(person)
        case .mergePerson(let person):
            fields = [Field(label: "\(person.name) samenvoegen met (typ, ↑↓ kiezen, \(acceptKey) neemt)", editor: TextEditor(multiline: false),
                            choices: owners.filter { $0.value != person.name })]
        case .recordPeildatum: fields = [Field(label: "Peildatum, zoals het jaarverslag hem noemt (bv. december 2024)", editor: TextEditor(multiline: false))]
        case .proposeItem(_, let column):
            fields = [Field(label: "Nieuw item in \(column.sourceTitle.lowercased()) (telt mee zodra het aanvaard is)", editor: TextEditor(multiline: true))]
            if column == .winstRisico {
                fields.append(Field(label: "Soort (typ, ↑↓ kiezen, \(acceptKey) neemt)", editor: TextEditor(Self.gainOrRisk, multiline: false),
                                    choices: [Self.gainOrRisk, Self.mitigation].map(LinkTarget.init(plain:))))
            }
        case .proposeWording(_, _, _, let text):
            fields = [Field(label: "Nieuwe formulering (de brontekst blijft; telt mee zodra ze aanvaard is)", editor: TextEditor(text, multiline: true))]
        case .editProposal(let change): fields = [Field(label: "Voorstel", editor: TextEditor(change.text, multiline: true))]
        case .addMeeting(let year): fields = Self.meetingFields(Meeting(kind: "", date: ""), year: year)
        case .editMeeting(let meeting): fields = Self.meetingFields(meeting, year: meeting.year)
        case .minutes(let meeting):
            let names = { (excused: Bool) in meeting.attendance.filter { $0.isExcused == excused }.map(\.name).joined(separator: ", ") }
            // Who came and who sent apologies are picked from the people; a new name becomes a person on save.
            fields = [Field(label: "Verslag", editor: TextEditor(meeting.minutes, multiline: true)),
                      Field(label: "Aanwezig (typ, ↑↓ kiezen, \(acceptKey) neemt; namen gescheiden door komma's)", editor: TextEditor(names(false), multiline: false),
                            choices: owners, allowsNew: true, isList: true),
                      Field(label: "Afgemeld (idem)", editor: TextEditor(names(true), multiline: false),
                            choices: owners, allowsNew: true, isList: true),
                      Field(label: "Agendapunten (één per regel, op volgorde)",
                            editor: TextEditor(meeting.agendaPoints.map(\.text).joined(separator: "\n"), multiline: true))]
            // An htno-middag keeps its programme, good practices and commitments, as the 2023 middagen do.
            if meeting.isHtnoMiddag {
                fields += [("Programma (één onderdeel per regel)", meeting.programme), ("Goede voorbeelden (één per regel)", meeting.goodPractices),
                           ("Toezeggingen (één per regel)", meeting.commitments)]
                    .map { Field(label: $0.0, editor: TextEditor($0.1.joined(separator: "\n"), multiline: true)) }
            }
        }
        switch purpose {
        case .addAction, .editAction:
            fields[1].choices = owners
            fields[Self.linkField].choices = linkTargets
        default:
            break
        }
        initialTexts = fields.map(\.editor.text)
        expectedVersion = switch purpose {
        case .editNote(let note): note.version
        case .editDecision(let decision): decision.version
        case .editAction(let action): action.version
        case .editPerson(let person), .mergePerson(let person): person.version
        case .editMeeting(let meeting), .minutes(let meeting): meeting.version
        case .editProposal(let change): change.version
        case .addNote, .addDecision, .addAction, .addPerson, .addMeeting, .recordPeildatum, .proposeItem, .proposeWording: 0
        }
    }

    /// True when the user typed something that is not saved.
    public var isChanged: Bool { fields.map(\.editor.text) != initialTexts }

    /// The text typed so far, as shown in the form's fields.
    public var texts: [String] { fields.map(\.editor.text) }

    // MARK: Drafts

    /// What the review database keeps of an unsaved form.
    private struct DraftPayload: Codable {
        let purpose: Purpose
        let texts: [String]
        let focus: Int
        let expectedVersion: Int
    }

    /// The form as a draft payload (JSON).
    var draftPayload: String {
        let payload = DraftPayload(purpose: purpose, texts: texts, focus: focus, expectedVersion: expectedVersion)
        return (try? JSONEncoder().encode(payload)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    /// The form as it was when the draft was saved; nil when the payload cannot be read.
    init?(draft: Draft, linkTargets: [LinkTarget] = [], people: [Person] = [], keymap: Keymap = .standard) {
        guard let payload = try? JSONDecoder().decode(DraftPayload.self, from: Data(draft.payload.utf8)) else { return nil }
        self.init(payload.purpose, linkTargets: linkTargets, people: people, keymap: keymap)
        for (index, text) in payload.texts.enumerated() where fields.indices.contains(index) {
            fields[index].editor = TextEditor(text, multiline: fields[index].editor.isMultiline)
        }
        focus = min(max(0, payload.focus), fields.count - 1)
        expectedVersion = payload.expectedVersion
        draftId = draft.id
    }

    /// "Notitie bij Doel 3 · Bewijs 1", "Nieuw besluit bij htno-middag juni 2023": to name a draft when it is
    /// offered again, and the text kept in a file on a signal. Places by their names; an id only for a
    /// place the data no longer has.
    public func subject(in dataset: Dataset, review: ReviewSnapshot = .empty) -> String {
        let item = { (id: String) in review.subjectName(id, in: dataset) }
        let meeting = { (id: String) in review.meetingName(id, in: dataset) ?? id }
        return switch purpose {
        case .addNote(let id): "Nieuwe notitie bij \(item(id))"
        case .editNote(let note): "Notitie bij \(item(note.subjectId))"
        case .addDecision(let id): "Nieuw besluit bij \(meeting(id))"
        case .editDecision(let decision): "Besluit bij \(meeting(decision.activityId))"
        case .addAction(let id, _): "Nieuwe actie bij \(meeting(id))"
        case .editAction(let action): "Actie bij \(meeting(action.activityId))"
        case .addPerson: "Nieuwe persoon"
        case .editPerson(let person): "Persoon \(person.name)"
        case .mergePerson(let person): "\(person.name) samenvoegen"
        case .addMeeting(let year): "Nieuw overleg in \(year)"
        case .editMeeting(let meeting): "Overleg \(meeting.name)"
        case .minutes(let meeting): "Verslag bij \(meeting.name)"
        case .recordPeildatum: "Nieuwe peildatum"
        case .proposeItem(let goalId, let column): "Nieuw item bij \(TableChange(kind: .addition, goalId: goalId, column: column, text: "").place(in: dataset))"
        case .proposeWording(_, _, let itemId, _): "Nieuwe formulering voor \(item(itemId))"
        case .editProposal(let change): "Voorstel bij \(change.place(in: dataset))"
        }
    }

    private static let gainOrRisk = "winst of risico"
    private static let mitigation = "mitigatie (=>)"

    private static func actionFields(text: String, owner: String, due: String, link: String, acceptKey: String) -> [Field] {
        [Field(label: "Actie", editor: TextEditor(text, multiline: true)),
         Field(label: "Eigenaar (typ, ↑↓ kiezen, \(acceptKey) neemt; een nieuwe naam wordt een persoon)", editor: TextEditor(owner, multiline: false),
               allowsNew: true),
         Field(label: "Deadline (dd-mm-jjjj, mag leeg)", editor: TextEditor(due.isEmpty ? "" : DutchDate.day(due), multiline: false)),
         Field(label: "Voor doel of item (typ om te zoeken, ↑↓ kiezen, \(acceptKey) neemt; mag leeg)", editor: TextEditor(link, multiline: false))]
    }

    /// Kind (picked from the usual kinds, or typed), date, times, place, topic, question, participants.
    private static func meetingFields(_ meeting: Meeting, year: Int) -> [Field] {
        let kinds = ["sectortafel", "sac vergadering", "htno-middag"].map(LinkTarget.init(plain:))
        return [Field(label: "Soort (sectortafel, sac vergadering, htno-middag of eigen soort)", editor: TextEditor(meeting.kind, multiline: false),
                      choices: kinds, allowsNew: true),
                Field(label: "Datum (dd-mm-jjjj, in \(year) of een ander jaar)", editor: TextEditor(meeting.date.isEmpty ? "" : DutchDate.day(meeting.date),
                                                                                              multiline: false)),
                Field(label: "Begintijd (uu:mm, mag leeg)", editor: TextEditor(meeting.startTime ?? "", multiline: false)),
                Field(label: "Eindtijd (uu:mm, mag leeg)", editor: TextEditor(meeting.endTime ?? "", multiline: false)),
                Field(label: "Plaats (mag leeg)", editor: TextEditor(meeting.place ?? "", multiline: false)),
                Field(label: "Thema of onderwerpen (mag leeg)", editor: TextEditor(meeting.topic ?? "", multiline: false)),
                Field(label: "Centrale vraag (mag leeg)", editor: TextEditor(meeting.centralQuestion ?? "", multiline: false)),
                Field(label: "Deelnemers (mag leeg)", editor: TextEditor(meeting.participants ?? "", multiline: false))]
    }

    private static func personFields(_ person: Person) -> [Field] {
        [("Naam", person.name), ("Initialen (mag leeg)", person.initials), ("Organisatie (mag leeg)", person.organisation),
         ("Rol (mag leeg)", person.role), ("E-mail (mag leeg)", person.email), ("Login (--user; mag leeg)", person.login)]
            .map { Field(label: $0.0, editor: TextEditor($0.1 ?? "", multiline: false)) }
    }

    public var title: String {
        switch purpose {
        case .addNote: "Nieuwe notitie"
        case .editNote: "Notitie bewerken"
        case .addDecision: "Nieuw besluit"
        case .editDecision: "Besluit bewerken"
        case .addAction: "Nieuwe actie"
        case .editAction: "Actie bewerken"
        case .addPerson: "Nieuwe persoon"
        case .editPerson: "Persoon bewerken"
        case .mergePerson: "Personen samenvoegen"
        case .addMeeting: "Nieuw overleg"
        case .editMeeting: "Overleg bewerken"
        case .minutes: "Verslag, aanwezigen en agenda"
        case .recordPeildatum: "Peildatum vastleggen"
        case .proposeItem: "Item toevoegen (voorstel)"
        case .proposeWording: "Nieuwe formulering (voorstel)"
        case .editProposal: "Voorstel bewerken"
        }
    }

    public func value(_ index: Int) -> String {
        fields[index].editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Pasted text into the focused field, as one edit.
    mutating func paste(_ text: String) {
        fields[focus].editor.insert(text)
    }

    public mutating func handle(_ key: Key, keymap: Keymap = .standard) -> Outcome {
        let accepts = keymap.command(for: key, in: .prompt) == .promptAccept
        if isPicking, let outcome = handlePicker(key, accepts: accepts) { return outcome }
        switch keymap.command(for: key, in: .form) {
        case .formCancel?: return .cancelled
        case .formSave?: return .submitted
        case .formNextField?: focus = focus.cycled(by: 1, in: fields.count)
        case .formPreviousField?: focus = focus.cycled(by: -1, in: fields.count)
        case nil where accepts && !fields[focus].editor.isMultiline:
            if focus == fields.count - 1 { return .submitted }
            focus += 1
        default:
            _ = fields[focus].editor.handle(key)
        }
        return .editing
    }

    // MARK: Picking ("voor", owner, merge)

    /// The "voor" field of an action form.
    private static let linkField = 3

    /// The focused field offers choices (goals and items, people).
    var isPicking: Bool { !fields[focus].choices.isEmpty }

    /// The choices matching what is typed in the focused field; none once a choice is made.
    var matches: [LinkTarget] {
        let field = fields[focus]
        let typed = query(in: field)
        guard !field.choices.isEmpty, !field.choices.contains(where: { $0.value == typed }) else { return [] }
        // In a list, nobody twice, and nothing offered before a name is begun.
        guard !field.isList || !typed.isEmpty else { return [] }
        let listed = field.isList ? Set(field.editor.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) : []
        let words = MatchRank.words(typed)
        return field.choices.filter { !listed.contains($0.value) }.ranked { $0.rank(for: words) }
    }

    /// What is being typed: the whole field, or in a list the name after the last comma.
    private func query(in field: Field) -> String {
        guard field.isList else { return field.editor.text }
        return String(field.editor.text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// ↑↓ choose among the matches, Enter takes one and moves on; other keys edit the query. In a field that
    /// takes new values, Enter keeps a typed name that no match begins with (unless ↑↓ chose one).
    private mutating func handlePicker(_ key: Key, accepts: Bool) -> Outcome? {
        let matches = matches
        let typed = query(in: fields[focus])
        switch key {
        case .down, .up:
            guard !matches.isEmpty else { return .editing }
            // The first match is highlighted already, except in an empty field, where ↓ starts at it.
            let startsAtFirst = typed.isEmpty && !choseWithArrows && key == .down
            choice = startsAtFirst ? 0 : choice.cycled(by: key == .down ? 1 : -1, in: matches.count)
            choseWithArrows = true
            return .editing
        case _ where accepts && !matches.isEmpty && (choseWithArrows || !typed.isEmpty):
            let match = matches[min(choice, matches.count - 1)]
            guard choseWithArrows || !fields[focus].allowsNew || match.isNamed(startingWith: typed) else { return nil }
            (choice, choseWithArrows) = (0, false)
            if fields[focus].isList {
                // The name replaces what was typed of it; the list stays open for the next.
                let earlier = fields[focus].editor.text.split(separator: ",", omittingEmptySubsequences: false).dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                fields[focus].editor = TextEditor((earlier + [match.value]).joined(separator: ", ") + ", ", multiline: false)
                return .editing
            }
            fields[focus].editor = TextEditor(match.value, multiline: false)
            if focus < fields.count - 1 { focus += 1 }
            return .editing
        case .character, .backspace, .delete:
            (choice, choseWithArrows) = (0, false)
            return nil
        default:
            return nil
        }
    }

    /// The edit the form asks for, or why it cannot be saved.
    public func edit(in dataset: Dataset) -> Result<ReviewEdit, FormError> {
        let text = value(0)
        // Minutes may start with the agenda or the apologies, before there is a verslag.
        if case .minutes = purpose {} else if text.isEmpty { return .failure(FormError("\(fields[0].label) is leeg")) }
        switch purpose {
        case .addNote(let subjectId): return .success(.addNote(subjectId: subjectId, text: text))
        case .editNote(let note): return .success(.updateNote(id: note.id, text: text, expectedVersion: expectedVersion))
        case .addDecision(let activityId): return .success(.addDecision(activityId: activityId, text: text))
        case .editDecision(let decision): return .success(.updateDecision(id: decision.id, text: text, expectedVersion: expectedVersion))
        case .addAction(let activityId, _):
            return action(base: ActionItem(id: 0, activityId: activityId, text: text, owner: "", dueDate: nil, isDone: false,
                                           linkedId: nil, author: "", createdAt: Date()), dataset: dataset).map { .addAction($0) }
        case .editAction(var existing):
            if case .action(let current)? = theirs { existing = current }
            existing.version = expectedVersion
            return action(base: existing, dataset: dataset).map { .updateAction($0) }
        case .addPerson: return .success(.addPerson(person(base: Person(name: text))))
        case .editPerson(var existing):
            existing.version = expectedVersion
            return .success(.updatePerson(person(base: existing)))
        case .recordPeildatum: return .success(.recordPeildatum(label: text))
        case .proposeItem(let goalId, let column):
            let isMitigation = column == .winstRisico && value(1) == Self.mitigation
            if column == .winstRisico, !isMitigation, value(1) != Self.gainOrRisk {
                return .failure(FormError("Soort '\(value(1))': kies \(Self.gainOrRisk) of \(Self.mitigation)"))
            }
            return .success(.proposeChange(TableChange(kind: .addition, goalId: goalId, column: column, isMitigation: isMitigation, text: text)))
        case .proposeWording(let goalId, let column, let itemId, let now):
            guard text != now.trimmingCharacters(in: .whitespacesAndNewlines) else { return .failure(FormError("De formulering is niet veranderd")) }
            return .success(.proposeChange(TableChange(kind: .rewording, goalId: goalId, column: column, itemId: itemId, text: text)))
        case .editProposal(var change):
            if case .tableChange(let current)? = theirs { change = current }
            (change.text, change.version) = (text, expectedVersion)
            return .success(.updateChange(change))
        case .addMeeting:
            return meeting(base: Meeting(kind: text, date: ""), after: dataset.cycle.year).map { .addMeetings([$0]) }
        case .editMeeting(var existing):
            if case .meeting(let current)? = theirs { existing = current }
            existing.version = expectedVersion
            return meeting(base: existing, after: dataset.cycle.year).map { .updateMeeting($0) }
        case .minutes(var existing):
            if case .meeting(let current)? = theirs { existing = current }
            existing.version = expectedVersion
            existing.minutes = value(0)
            let names = { (index: Int) in self.value(index).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            existing.attendance = names(1).map { Meeting.Attendee(name: $0) } + names(2).map { Meeting.Attendee(name: $0, isExcused: true) }
            let lines = { (index: Int) in
                index < fields.count ? self.value(index).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            }
            existing.agendaPoints = lines(3).map { Meeting.AgendaPoint(text: $0) }
            if existing.isHtnoMiddag { (existing.programme, existing.goodPractices, existing.commitments) = (lines(4), lines(5), lines(6)) }
            return .success(.updateMeeting(existing))
        case .mergePerson(let existing):
            guard let target = fields[0].choices.first(where: { $0.value == text }), let id = target.personId else {
                return .failure(FormError("'\(text)' is niemand in de lijst: typ een deel van de naam en kies met ↑↓ en \(acceptKey)"))
            }
            return .success(.deletePerson(id: existing.id, expectedVersion: expectedVersion, mergingInto: id))
        }
    }

    /// The meeting fields read back: the date the office way, in a year after the source's cycle (that year
    /// is the source's own); times as uu:mm, an end only after a start.
    private func meeting(base: Meeting, after sourceYear: Int) -> Result<Meeting, FormError> {
        var meeting = base
        let optional = { (index: Int) in self.value(index).isEmpty ? nil : self.value(index) }
        meeting.kind = value(0)
        guard let day = DueDate.parse(value(1)) else { return .failure(FormError("Datum '\(value(1))' is geen datum als 14-11-2025")) }
        guard Int(day.prefix(4))! > sourceYear else {
            return .failure(FormError("Datum \(value(1)): \(sourceYear) en eerder zijn de cyclus uit de bron; kies een datum na \(sourceYear)"))
        }
        meeting.date = day
        var times: [String?] = []
        for index in [2, 3] {
            guard !value(index).isEmpty else { times.append(nil); continue }
            guard let match = value(index).wholeMatch(of: /([01]?[0-9]|2[0-3]):([0-5][0-9])/) else {
                return .failure(FormError("\(index == 2 ? "Begintijd" : "Eindtijd") '\(value(index))' is geen tijd als 13:30"))
            }
            times.append(String(format: "%02d:%@", Int(match.1)!, String(match.2)))
        }
        if times[1] != nil, times[0] == nil { return .failure(FormError("Een eindtijd hoort bij een begintijd: vul de begintijd in")) }
        if let start = times[0], let end = times[1], end <= start { return .failure(FormError("Eindtijd \(end) ligt niet na begintijd \(start)")) }
        (meeting.startTime, meeting.endTime, meeting.place) = (times[0], times[1], optional(4))
        (meeting.topic, meeting.centralQuestion, meeting.participants) = (optional(5), optional(6), optional(7))
        return .success(meeting)
    }

    private func person(base: Person) -> Person {
        var person = base
        let optional = { (index: Int) in self.value(index).isEmpty ? nil : self.value(index) }
        person.name = value(0)
        (person.initials, person.organisation, person.role, person.email, person.login) = (optional(1), optional(2), optional(3), optional(4), optional(5))
        return person
    }

    /// The text of this form as a new record beside the existing one: "keep both" after a conflict.
    public func editAsNew(in dataset: Dataset) -> Result<ReviewEdit, FormError> {
        edit(in: dataset).map { edit in
            switch (purpose, edit) {
            case (.editNote(let note), .updateNote(_, let text, _)): .addNote(subjectId: note.subjectId, text: text)
            case (.editDecision(let decision), .updateDecision(_, let text, _)): .addDecision(activityId: decision.activityId, text: text)
            case (.editAction, .updateAction(let action)): .addAction(action)
            // A person edited while a colleague deleted or merged them comes back as a new person.
            case (.editPerson, .updatePerson(let person)): .addPerson(person)
            default: edit
            }
        }
    }

    /// Settles a conflict: overwrite the other person's version from now on. What this form does not show
    /// (a meeting's verslag in its edit form, its date in the minutes form, whether an action is done) is taken
    /// from their version, so overwriting replaces only what was typed here.
    mutating func overwrite(version: Int) {
        expectedVersion = version
        theirs = conflict?.current
        conflict = nil
    }

    mutating func showConflict(_ conflict: ReviewConflict?) {
        self.conflict = conflict
        error = nil
    }

    private func action(base: ActionItem, dataset: Dataset) -> Result<ActionItem, FormError> {
        var action = base
        action.text = value(0)
        action.owner = value(1)
        guard !action.owner.isEmpty else { return .failure(FormError("Eigenaar is leeg")) }
        let due = value(2)
        let day = DueDate.parse(due)
        guard due.isEmpty || day != nil else { return .failure(FormError("Deadline '\(due)' is geen datum als 31-03-2024")) }
        action.dueDate = due.isEmpty ? nil : day
        let link = value(Self.linkField)
        // A choice from the picker, or an id typed as is (doel-3, d3-bw-1).
        let targets = fields[Self.linkField].choices.isEmpty ? LinkTarget.all(in: dataset) : fields[Self.linkField].choices
        let target = targets.first { $0.value == link || $0.id == link }
        guard link.isEmpty || target != nil else {
            return .failure(FormError("'\(link)' is geen doel of item: typ een deel van de naam en kies met ↑↓ en \(acceptKey)"))
        }
        action.linkedId = target?.id
        return .success(action)
    }

    // MARK: Drawing

    func render(into frame: inout Frame, glyphs: Glyphs, keymap: Keymap) {
        let width = min(frame.width - 2, 76)
        let pickerRows = isPicking ? min(Self.pickerRows, max(1, matches.count)) : 0
        let conflictLines = conflict.map { conflictText($0, width: width - 4) } ?? []
        // The text fields share what the labels, one-line fields, the error and a conflict leave: the other
        // person's version must stay in view.
        let multiline = fields.filter(\.editor.isMultiline).count
        let fixed = 4 + 2 * fields.count - multiline + (error == nil ? 0 : 1) + conflictLines.count + pickerRows
        let textRows = max(2, min(8, (frame.height - fixed) / max(1, multiline)))
        let heights = fields.enumerated().map { index, field in
            field.editor.isMultiline ? textRows : 1 + (index == focus ? pickerRows : 0)
        }
        let height = min(frame.height, heights.reduce(0, +) + fields.count + 4 + (error == nil ? 0 : 1) + conflictLines.count)
        let box = Rect(x: (frame.width - width) / 2, y: max(0, (frame.height - height) / 2), width: width, height: height)
        frame.fill(box, role: .normal)
        frame.box(box, role: .title, glyphs: glyphs, title: title, titleRole: .title)
        var y = box.y + 1
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        for (index, field) in fields.enumerated() {
            // In a conflict, the field is one of two versions: say whose.
            let label = conflict == nil ? field.label : "Jouw versie · \(field.label)"
            frame.write(label, x: inner.x, y: y, role: index == focus ? .label : .muted, clip: inner)
            y += 1
            let area = Rect(x: inner.x, y: y, width: inner.width, height: heights[index])
            frame.fill(Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, inner.maxY - area.y)), role: .selectionInactive)
            let (rows, cursor) = field.editor.layout(width: area.width)
            let top = max(0, cursor.y - area.height + 1)
            for (offset, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
                frame.write(row, x: area.x, y: area.y + offset, role: .selectionInactive, clip: inner)
            }
            if index == focus, area.y + cursor.y - top < inner.maxY {
                frame.cursor = Point(x: area.x + cursor.x, y: area.y + cursor.y - top)
            }
            if index == focus, pickerRows > 0 {
                renderMatches(Rect(x: area.x, y: area.y + 1, width: area.width, height: pickerRows), clip: inner, into: &frame)
            }
            y += heights[index]
        }
        if let error { frame.write(error, x: inner.x, y: min(y, inner.maxY - 1), role: .warning, clip: inner) }
        for (offset, line) in conflictLines.enumerated() where y + offset < inner.maxY - 1 {
            frame.write(line.text, x: inner.x, y: y + offset, role: line.role, clip: inner)
        }
        let help = conflict.map { conflictChoices($0, keymap: keymap) }
            ?? [(CommandID.formSave, "bewaren"), (.formNextField, "volgend veld"), (.formCancel, "annuleren")]
                .map { "\(keymap.key(for: $0.0)) \($0.1)" }.joined(separator: "  ")
        frame.write(help, x: inner.x, y: box.maxY - 1, role: .muted, clip: Rect(x: box.x + 1, y: box.maxY - 1, width: box.width - 2, height: 1))
    }
}

extension Form {
    static let pickerRows = 5

    /// The matches under the focused field, the chosen one highlighted, scrolled to keep it in view.
    private func renderMatches(_ area: Rect, clip: Rect, into frame: inout Frame) {
        frame.fill(area, role: .normal)
        let matches = matches
        guard !matches.isEmpty else {
            let field = fields[focus]
            let typed = field.editor.text
            let isPeople = field.choices.first?.personId != nil
            let missing = field.allowsNew ? (isPeople ? "nieuw: “\(typed)” wordt een persoon bij bewaren" : "nieuwe soort: “\(typed)”")
                : isPeople ? "niemand met “\(typed)”" : "geen doel of item met “\(typed)”"
            frame.write(typed.isEmpty || field.choices.contains { $0.value == typed } ? "" : missing, x: area.x, y: area.y, role: .muted, clip: clip)
            return
        }
        let chosen = min(choice, matches.count - 1)
        let top = max(0, min(chosen - area.height + 1, matches.count - area.height))
        for (offset, match) in matches.dropFirst(top).prefix(area.height).enumerated() {
            let isChosen = top + offset == chosen
            frame.write(WordWrap.truncate((isChosen ? "› " : "  ") + match.label, width: area.width), x: area.x, y: area.y + offset,
                        role: isChosen ? .selection : .normal, clip: clip)
        }
    }

    /// Their version under yours: who changed it and when, and their text.
    private func conflictText(_ conflict: ReviewConflict, width: Int) -> [(text: String, role: Role)] {
        let what = conflict.kind.label.prefix(1).uppercased() + conflict.kind.label.dropFirst()
        var lines = [(text: "\(what) intussen \(conflict.description).", role: Role.warning)]
        if let theirs = conflict.currentText {
            lines.append((text: "Hun versie:", role: .label))
            lines += WordWrap.lines(theirs, width: max(1, width)).prefix(4).map { (text: $0, role: Role.normal) }
        }
        return lines
    }

    /// Whether "keep both" (yours as a new record beside theirs) means something: not for a meeting's one
    /// set of minutes, nor for a merge.
    var canKeepBoth: Bool {
        switch purpose {
        case .editMeeting, .minutes, .mergePerson, .addMeeting, .recordPeildatum, .proposeItem, .proposeWording, .editProposal: false
        default: true
        }
    }

    /// The keys that settle a conflict.
    func conflictChoices(_ conflict: ReviewConflict, keymap: Keymap) -> String {
        var choices: [(CommandID, String)] = conflict.current == nil
            ? [(.conflictKeepBoth, "bewaar als nieuw"), (.formCancel, "verder bewerken")]
            : [(.conflictKeepBoth, "beide bewaren"), (.conflictTheirs, "hun versie"), (.conflictOverwrite, "overschrijven"), (.formCancel, "terug")]
        if !canKeepBoth { choices.removeAll { $0.0 == .conflictKeepBoth } }
        return choices.map { "\(keymap.key(for: $0.0)) \($0.1)" }.joined(separator: "  ")
    }
}

public struct FormError: Error, Equatable, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// A goal or goal item an action can serve, as the "voor" field offers it.
public struct LinkTarget: Sendable, Equatable {
    public let id: String
    /// "Doel 4 · Indicatoren 1: Het gesprek wordt zowel door het sac als…", what the picker shows and the
    /// field holds: short enough for one line of the form; the name before the colon makes it unique.
    public let label: String
    /// What the field holds once the target is taken: the label, or a person's name.
    public let value: String
    /// The person this target is, for a merge.
    let personId: Int64?
    /// The whole text, folded, and its words and those of the name: what typing searches.
    private let folded: String
    private let words: [String]
    private let nameWords: [String]

    init(id: String, name: String, text: String) {
        self.id = id
        label = WordWrap.truncate("\(name): \(text)", width: 64)
        value = label
        personId = nil
        folded = SearchText.fold("\(name): \(text)")
        words = MatchRank.words("\(name): \(text)")
        nameWords = MatchRank.words(name)
    }

    /// A plain choice: the field takes the name alone (a kind of meeting).
    init(plain name: String) {
        id = name
        value = name
        label = name
        personId = nil
        folded = SearchText.fold(name)
        words = MatchRank.words(name)
        nameWords = words
    }

    /// A person to pick as an owner (or to merge with): found by name, initials and organisation.
    init(person: Person) {
        id = person.name
        value = person.name
        personId = person.id
        let facts = [person.initials, person.organisation, person.role].compactMap { $0 }
        label = WordWrap.truncate(([person.name] + facts).joined(separator: " · "), width: 64)
        folded = SearchText.fold(label)
        words = MatchRank.words(label)
        nameWords = MatchRank.words(([person.name] + [person.initials].compactMap { $0 }).joined(separator: " "))
    }

    /// Every goal, then its items column by column.
    public static func all(in dataset: Dataset) -> [LinkTarget] {
        dataset.pilotGoals.flatMap { goal in
            [LinkTarget(id: goal.id, name: "Doel \(goal.number)", text: goal.uitgangspunt)]
                + GoalColumn.allCases.flatMap { column in
                    goal.items(in: column).map { LinkTarget(id: $0.id, name: dataset.reviewTargetName($0.id) ?? $0.id, text: $0.text) }
                }
        }
    }

    /// Whether `typed` begins the name from one of its words on ("jan ja", "jansen", or the initials "jdb"),
    /// regardless of case and accents: a typed name that is not a new one.
    func isNamed(startingWith typed: String) -> Bool {
        let words = MatchRank.words(typed)
        guard let last = words.last else { return false }
        return nameWords.indices.contains { start in
            let rest = Array(nameWords[start...])
            return rest.count >= words.count && zip(rest, words.dropLast()).allSatisfy { $0 == $1 } && rest[words.count - 1].hasPrefix(last)
        }
    }

    /// How well the typed words ("doel 4 gesprek", folded) name this goal or item; nil when one does not occur.
    func rank(for typed: [String]) -> MatchRank? {
        MatchRank(typed: typed, name: nameWords, words: words, folded: folded)
    }
}

