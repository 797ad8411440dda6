import DialoogModel
import Foundation
import GRDB

/// Carries out one edit inside a write transaction: checks that the record is still at the version the
/// edit starts from, writes it with the next version, records the change in the history, and works out
/// the inverse (which starts from the version just written).
struct ReviewWriter {
    let db: Database
    let author: String
    let now: Date

    func apply(_ edit: ReviewEdit) throws -> ReviewEdit {
        switch edit {
        case .setStatus(let itemId, let status, let expected):
            return try setStatus(itemId, status, expected: expected)
        case .addNote(let subjectId, let text):
            try db.execute(sql: "INSERT INTO note (subject_id, text, author, created_at, version) VALUES (?, ?, ?, ?, 1)",
                           arguments: [subjectId, text, author, now])
            let id = db.lastInsertedRowID
            try record(.note, id: id, subject: subjectId, .created, old: nil, new: text)
            return .deleteNote(id: id, expectedVersion: 1)
        case .updateNote(let id, let text, let expected):
            let old = try current(note: id, expected: expected)
            try db.execute(sql: "UPDATE note SET text = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?",
                           arguments: [text, now, author, expected + 1, id])
            try record(.note, id: id, subject: old.subjectId, .updated, old: old.text, new: text)
            return .updateNote(id: id, text: old.text, expectedVersion: expected + 1)
        case .deleteNote(let id, let expected):
            let old = try current(note: id, expected: expected)
            try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [id])
            try record(.note, id: id, subject: old.subjectId, .deleted, old: old.text, new: nil)
            return .restoreNote(old)
        case .restoreNote(var note):
            // The record comes back as it was, credits and all; who brought it back is in the history. The
            // version goes on, so a step that started before the delete is refused.
            note.version += 1
            try insert(note)
            try record(.note, id: note.id, subject: note.subjectId, .restored, old: nil, new: note.text)
            return .deleteNote(id: note.id, expectedVersion: note.version)
        case .addDecision(let activityId, let text):
            try db.execute(sql: "INSERT INTO decision (activity_id, text, author, created_at, version) VALUES (?, ?, ?, ?, 1)",
                           arguments: [activityId, text, author, now])
            let id = db.lastInsertedRowID
            try record(.decision, id: id, subject: activityId, .created, old: nil, new: text)
            return .deleteDecision(id: id, expectedVersion: 1)
        case .updateDecision(let id, let text, let expected):
            let old = try current(decision: id, expected: expected)
            try db.execute(sql: "UPDATE decision SET text = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?",
                           arguments: [text, now, author, expected + 1, id])
            try record(.decision, id: id, subject: old.activityId, .updated, old: old.text, new: text)
            return .updateDecision(id: id, text: old.text, expectedVersion: expected + 1)
        case .deleteDecision(let id, let expected):
            let old = try current(decision: id, expected: expected)
            try db.execute(sql: "DELETE FROM decision WHERE id = ?", arguments: [id])
            try record(.decision, id: id, subject: old.activityId, .deleted, old: old.text, new: nil)
            return .restoreDecision(old)
        case .restoreDecision(var decision):
            decision.version += 1
            try insert(decision)
            try record(.decision, id: decision.id, subject: decision.activityId, .restored, old: nil, new: decision.text)
            return .deleteDecision(id: decision.id, expectedVersion: decision.version)
        case .markNote(let id, let forReport, let expected):
            let old = try current(note: id, expected: expected)
            try db.execute(sql: "UPDATE note SET for_report = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?",
                           arguments: [forReport, now, author, expected + 1, id])
            try record(.note, id: id, subject: old.subjectId, .updated, old: Self.reportMark(old.isForReport), new: Self.reportMark(forReport))
            return .markNote(id: id, forReport: old.isForReport, expectedVersion: expected + 1)
        case .addPerson(let person):
            return try addPerson(person)
        case .updatePerson(let person):
            return try updatePerson(person)
        case .deletePerson(let id, let expected, let into):
            return try deletePerson(id, expected: expected, mergingInto: into)
        case .restorePerson(let person, let actionIds, let target):
            return try restorePerson(person, actionIds: actionIds, mergedInto: target)
        case .addMeetings(let meetings):
            return try addMeetings(meetings)
        case .updateMeeting(let meeting):
            return try updateMeeting(meeting)
        case .deleteMeetings(let ids, let versions):
            return try deleteMeetings(ids, expected: versions)
        case .restoreMeetings(let meetings):
            return try restoreMeetings(meetings)
        case .recordPeildatum(let label):
            // The statuses as this transaction sees them: an item never judged is open, at the peildatum too.
            let statuses = try ReviewDatabase.statuses(db).mapValues(\.status)
            return try recordPeildatum(Peildatum(label: label, takenAt: now, author: author, statuses: statuses), keepingId: false)
        case .restorePeildatum(let peildatum):
            return try recordPeildatum(peildatum, keepingId: true)
        case .deletePeildatum(let id):
            guard let old = try ReviewDatabase.peildata(db).first(where: { $0.id == id }) else {
                throw try conflict(.peildatum, id: id, current: nil)
            }
            try db.execute(sql: "DELETE FROM peildatum_status WHERE peildatum_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM peildatum WHERE id = ?", arguments: [id])
            try record(.peildatum, id: id, subject: "peildata", .deleted, old: old.label, new: nil)
            return .restorePeildatum(old)
        case .proposeChange(let change):
            // One open proposal per item: a second (two secretaries pressing r at once) would be hidden by the first.
            if let itemId = change.itemId, let open = try String.fetchOne(db, sql: """
                SELECT author FROM table_change WHERE item_id = ? AND state = 'voorgesteld'
                """, arguments: [itemId]) {
                throw ProposalOpen(author: open)
            }
            var proposal = change
            (proposal.state, proposal.decidedBy, proposal.decidedAt, proposal.version) = (.proposed, nil, nil, 1)
            return try insert(proposal, keepingId: false)
        case .restoreChange(var change):
            change.version += 1
            return try insert(change, keepingId: true)
        case .updateChange(let change):
            var old = try current(tableChange: change.id, expected: change.version)
            guard old.state == .proposed else { throw ChangeDecided(state: old.state) }
            try db.execute(sql: "UPDATE table_change SET text = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?",
                           arguments: [change.text, now, author, change.version + 1, change.id])
            try record(.tableChange, id: change.id, subject: old.subjectId, .updated, old: old.text, new: change.text)
            old.version = change.version + 1
            return .updateChange(old)
        case .decideChange(let id, let state, let expected):
            let old = try current(tableChange: id, expected: expected)
            if state == .rejected { try checkNothingHangs(on: old) }
            let decided = state == .proposed ? (nil, nil) : (author, now)
            try db.execute(sql: "UPDATE table_change SET state = ?, decided_by = ?, decided_at = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?",
                           arguments: [state.rawValue, decided.0, decided.1, now, author, expected + 1, id])
            try record(.tableChange, id: id, subject: old.subjectId, .updated, old: old.state.rawValue, new: state.rawValue)
            return .decideChange(id: id, state: old.state, expectedVersion: expected + 1)
        case .withdrawChange(let id, let expected):
            let old = try current(tableChange: id, expected: expected)
            guard old.state == .proposed else { throw ChangeDecided(state: old.state) }
            try checkNothingHangs(on: old)
            try db.execute(sql: "DELETE FROM table_change WHERE id = ?", arguments: [id])
            try record(.tableChange, id: id, subject: old.subjectId, .deleted, old: old.text, new: nil)
            return .restoreChange(old)
        case .addAction(var action):
            action.version = 1
            action.owner = try personNamed(action.owner)
            try insert(action, keepingId: false)
            let id = db.lastInsertedRowID
            try record(.action, id: id, subject: action.activityId, .created, old: nil, new: action.summary)
            return .deleteAction(id: id, expectedVersion: 1)
        case .updateAction(var action):
            var old = try current(action: action.id, expected: action.version)
            action.owner = try personNamed(action.owner)
            try db.execute(sql: """
                UPDATE action_item SET text = ?, owner = ?, due_date = ?, done = ?, linked_id = ?, updated_at = ?, updated_by = ?, version = ?
                WHERE id = ?
                """, arguments: [action.text, action.owner, action.dueDate, action.isDone, action.linkedId, now, author,
                                 action.version + 1, action.id])
            try record(.action, id: action.id, subject: old.activityId, .updated, old: old.summary, new: action.summary)
            old.version = action.version + 1
            return .updateAction(old)
        case .deleteAction(let id, let expected):
            let old = try current(action: id, expected: expected)
            try db.execute(sql: "DELETE FROM action_item WHERE id = ?", arguments: [id])
            try record(.action, id: id, subject: old.activityId, .deleted, old: old.summary, new: nil)
            return .restoreAction(old)
        case .restoreAction(var action):
            action.version += 1
            // The owner may have been renamed or merged away meanwhile: the action comes back under a person.
            action.owner = try personNamed(action.owner)
            try insert(action, keepingId: true)
            try record(.action, id: action.id, subject: action.activityId, .restored, old: nil, new: action.summary)
            return .deleteAction(id: action.id, expectedVersion: action.version)
        }
    }

    private func setStatus(_ itemId: String, _ status: ReviewStatus, expected: Int) throws -> ReviewEdit {
        let old = try ReviewDatabase.statusRecord(db, itemId: itemId)
        guard (old?.version ?? 0) == expected else { throw try conflict(.status, id: itemId, current: old.map { .status($0) }) }
        // Open is stored too (never deleted), so the version keeps counting up.
        try db.execute(sql: """
            INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(item_id) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at, version = excluded.version
            """, arguments: [itemId, status.rawValue, author, now, expected + 1])
        try record(.status, id: itemId, subject: itemId, old == nil ? .created : .updated,
                   old: (old?.status ?? .open).label, new: status.label)
        return .setStatus(itemId: itemId, status: old?.status ?? .open, expectedVersion: expected + 1)
    }

    static func reportMark(_ isForReport: Bool) -> String { isForReport ? "voor het jaarverslag" : "intern" }

    // MARK: Peildata

    /// A peildatum is a record of what was: it is made and removed whole, never changed.
    private func recordPeildatum(_ peildatum: Peildatum, keepingId: Bool) throws -> ReviewEdit {
        let id = try insert(peildatum, keepingId: keepingId)
        try record(.peildatum, id: id, subject: "peildata", keepingId ? .restored : .created, old: nil, new: peildatum.label)
        return .deletePeildatum(id: id)
    }

    /// The peildatum and its statuses; returns its id.
    private func insert(_ peildatum: Peildatum, keepingId: Bool) throws -> Int64 {
        try db.execute(sql: "INSERT INTO peildatum (id, label, taken_at, author) VALUES (?, ?, ?, ?)",
                       arguments: [keepingId ? peildatum.id : nil, peildatum.label, peildatum.takenAt, peildatum.author])
        let id = db.lastInsertedRowID
        for (item, status) in peildatum.statuses {
            try db.execute(sql: "INSERT INTO peildatum_status (peildatum_id, item_id, status) VALUES (?, ?, ?)", arguments: [id, item, status.rawValue])
        }
        return id
    }

    // MARK: Meetings

    private func addMeetings(_ meetings: [Meeting]) throws -> ReviewEdit {
        var added: [(Int64, Int)] = []
        for var meeting in meetings {
            if let source = meeting.plannedFrom, try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM meeting WHERE planned_from = ? AND substr(date, 1, 4) = ?
                """, arguments: [source, String(meeting.year)])! > 0 {
                continue
            }
            meeting.version = 1
            try insert(meeting, keepingId: false)
            let id = db.lastInsertedRowID
            try record(.meeting, id: id, subject: Meeting.activityId(id), .created, old: nil, new: meeting.summary)
            added.append((id, 1))
        }
        // Nothing new (the year was planned already): no change, and no empty step to undo.
        guard !added.isEmpty else { throw NothingToPlan() }
        return .deleteMeetings(added.map(\.0), expectedVersions: added.map(\.1))
    }

    private func updateMeeting(_ meeting: Meeting) throws -> ReviewEdit {
        var old = try current(meeting: meeting.id, expected: meeting.version)
        // Everyone named at a meeting is a person, under the name the people list has.
        var meeting = meeting
        for index in meeting.attendance.indices { meeting.attendance[index].name = try personNamed(meeting.attendance[index].name) }
        try db.execute(sql: """
            UPDATE meeting SET kind = ?, date = ?, start_time = ?, end_time = ?, place = ?, topic = ?, central_question = ?, participants = ?,
                status = ?, minutes = ?, attendance = ?, agenda_points = ?, programme = ?, good_practices = ?, commitments = ?,
                updated_at = ?, updated_by = ?, version = ? WHERE id = ?
            """, arguments: [meeting.kind, meeting.date, meeting.startTime, meeting.endTime, meeting.place, meeting.topic, meeting.centralQuestion,
                             meeting.participants, meeting.status.rawValue, meeting.minutes, Self.json(meeting.attendance),
                             Self.json(meeting.agendaPoints), Self.json(meeting.programme), Self.json(meeting.goodPractices),
                             Self.json(meeting.commitments), now, author, meeting.version + 1, meeting.id])
        try record(.meeting, id: meeting.id, subject: meeting.activityId, .updated, old: Self.historyText(old), new: Self.historyText(meeting))
        old.version = meeting.version + 1
        return .updateMeeting(old)
    }

    /// The meeting's line and, when there is one, its verslag: what its history shows old → new.
    private static func historyText(_ meeting: Meeting) -> String {
        let parts = [("verslag", [meeting.minutes].filter { !$0.isEmpty }), ("programma", meeting.programme),
                     ("goede voorbeelden", meeting.goodPractices), ("toezeggingen", meeting.commitments)]
        return ([meeting.summary] + parts.filter { !$0.1.isEmpty }.map { "\($0.0): " + $0.1.joined(separator: "; ") }).joined(separator: " · ")
    }

    private func deleteMeetings(_ ids: [Int64], expected versions: [Int]) throws -> ReviewEdit {
        var removed: [Meeting] = []
        for (id, version) in zip(ids, versions) {
            let old = try current(meeting: id, expected: version)
            // Its notes too: deleted with it they would hang on nothing.
            let hanging = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM decision WHERE activity_id = ?) + (SELECT COUNT(*) FROM action_item WHERE activity_id = ?)
                    + (SELECT COUNT(*) FROM note WHERE subject_id = ?)
                """, arguments: [old.activityId, old.activityId, old.activityId])!
            guard hanging == 0 else { throw MeetingInUse(name: old.name, records: hanging) }
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id])
            try record(.meeting, id: id, subject: old.activityId, .deleted, old: old.summary, new: nil)
            removed.append(old)
        }
        return .restoreMeetings(removed)
    }

    private func restoreMeetings(_ meetings: [Meeting]) throws -> ReviewEdit {
        var restored: [Meeting] = []
        for var meeting in meetings {
            meeting.version += 1
            try insert(meeting, keepingId: true)
            try record(.meeting, id: meeting.id, subject: meeting.activityId, .restored, old: nil, new: meeting.summary)
            restored.append(meeting)
        }
        return .deleteMeetings(restored.map(\.id), expectedVersions: restored.map(\.version))
    }

    private func insert(_ meeting: Meeting, keepingId: Bool) throws {
        try db.execute(sql: """
            INSERT INTO meeting (id, kind, date, start_time, end_time, place, topic, central_question, participants, status, minutes, attendance,
                agenda_points, programme, good_practices, commitments, planned_from, author, created_at, updated_at, updated_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keepingId ? meeting.id : nil, meeting.kind, meeting.date, meeting.startTime, meeting.endTime, meeting.place,
                             meeting.topic, meeting.centralQuestion, meeting.participants, meeting.status.rawValue, meeting.minutes,
                             Self.json(meeting.attendance), Self.json(meeting.agendaPoints), Self.json(meeting.programme),
                             Self.json(meeting.goodPractices), Self.json(meeting.commitments), meeting.plannedFrom,
                             keepingId ? meeting.author : author, keepingId ? meeting.createdAt : now, keepingId ? meeting.updatedAt : nil,
                             keepingId ? meeting.updatedBy : nil, meeting.version])
    }

    private static func json(_ value: some Encodable) -> String {
        (try? JSONEncoder().encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }

    // MARK: People

    /// A name (an owner, someone at a meeting) as its person is named ("jj" and "jan jansen" → "Jan Jansen");
    /// a name that is nobody yet becomes a person, in the same transaction. Every action and attendance is thus
    /// under exactly one person's name.
    private func personNamed(_ name: String) throws -> String {
        // Compared as stored (not as shown), so an owner with odd characters finds the person made for it.
        if let stored = try String.fetchOne(db, sql: "SELECT name FROM person WHERE name = ? COLLATE NOCASE", arguments: [name])
            ?? String.fetchOne(db, sql: "SELECT name FROM person WHERE initials = ? COLLATE NOCASE ORDER BY id", arguments: [name]) {
            return stored
        }
        _ = try addPerson(Person(name: name))
        return name
    }

    private func addPerson(_ person: Person) throws -> ReviewEdit {
        try checkNameIsFree(person.name, except: nil)
        try db.execute(sql: """
            INSERT INTO person (name, initials, organisation, role, email, login, author, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            """, arguments: [person.name, person.initials, person.organisation, person.role, person.email, person.login, author, now])
        let id = db.lastInsertedRowID
        try record(.person, id: id, subject: Person.historySubject(id), .created, old: nil, new: person.summary)
        return .deletePerson(id: id, expectedVersion: 1, mergingInto: nil)
    }

    /// A new name is carried to every action under the old one, so no action loses its owner.
    private func updatePerson(_ person: Person) throws -> ReviewEdit {
        var old = try current(person: person.id, expected: person.version)
        try checkNameIsFree(person.name, except: person.id)
        try db.execute(sql: """
            UPDATE person SET name = ?, initials = ?, organisation = ?, role = ?, email = ?, login = ?, updated_at = ?, updated_by = ?, version = ?
            WHERE id = ?
            """, arguments: [person.name, person.initials, person.organisation, person.role, person.email, person.login, now, author,
                             person.version + 1, person.id])
        if old.name != person.name {
            try reassignActions(ids: nil, from: old.name, to: person.name)
        }
        try record(.person, id: person.id, subject: Person.historySubject(person.id), .updated, old: old.summary, new: person.summary)
        old.version = person.version + 1
        return .updatePerson(old)
    }

    private func deletePerson(_ id: Int64, expected: Int, mergingInto target: Int64?) throws -> ReviewEdit {
        let old = try current(person: id, expected: expected)
        var moved: [Int64] = []
        if let target {
            guard let into = try ReviewDatabase.fetchOne(db, "SELECT * FROM person WHERE id = ?", arguments: [target], ReviewDatabase.person) else {
                throw try conflict(.person, id: target, current: nil)
            }
            moved = try reassignActions(ids: nil, from: old.name, to: into.name)
        } else if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action_item WHERE owner = ? COLLATE NOCASE", arguments: [old.name])! > 0 {
            throw PersonInUse(name: old.name)
        }
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
        let into = try target.flatMap { try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [$0]) }
        try record(.person, id: id, subject: Person.historySubject(id), .deleted, old: old.summary, new: into.map { "samengevoegd met \($0)" })
        return .restorePerson(old, actionIds: moved, mergedInto: target)
    }

    private func restorePerson(_ person: Person, actionIds: [Int64], mergedInto target: Int64?) throws -> ReviewEdit {
        var restored = person
        restored.version += 1
        try checkNameIsFree(person.name, except: nil)
        try insert(restored)
        // Only the actions the merge target still holds go back: one a colleague gave to someone else since stays there.
        var moved: [Int64] = []
        if let target, let holder = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [target]) {
            let stillHeld = try Int64.fetchAll(db, sql: "SELECT id FROM action_item WHERE owner = ? COLLATE NOCASE ORDER BY id", arguments: [holder])
            moved = actionIds.filter(stillHeld.contains)
            try reassignActions(ids: moved, from: holder, to: person.name)
        }
        try record(.person, id: person.id, subject: Person.historySubject(person.id), .restored, old: nil, new: restored.summary)
        return .deletePerson(id: person.id, expectedVersion: restored.version, mergingInto: target)
    }

    /// Gives actions (these ids, or all under `from`) to `name`; each action's version goes on, so a form
    /// open on one of them meets the change instead of writing the old owner back, and its history says so.
    /// Returns the ids moved.
    @discardableResult
    private func reassignActions(ids: [Int64]?, from: String, to name: String) throws -> [Int64] {
        let moving: [ActionItem] = if let ids {
            try ids.compactMap { try ReviewDatabase.fetchOne(db, "SELECT * FROM action_item WHERE id = ?", arguments: [$0], ReviewDatabase.action) }
        } else {
            try ReviewDatabase.fetch(db, "SELECT * FROM action_item WHERE owner = ? COLLATE NOCASE ORDER BY id", arguments: [from], ReviewDatabase.action)
        }
        for var action in moving {
            let before = action.summary
            action.owner = name
            try db.execute(sql: "UPDATE action_item SET owner = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
                           arguments: [name, now, author, action.id])
            try record(.action, id: action.id, subject: action.activityId, .updated, old: before, new: action.summary)
        }
        return moving.map(\.id)
    }

    private func checkNameIsFree(_ name: String, except id: Int64?) throws {
        if let other = try ReviewDatabase.fetchOne(db, "SELECT * FROM person WHERE name = ? COLLATE NOCASE AND id IS NOT ?", arguments: [name, id], ReviewDatabase.person) {
            throw NameTaken(name: other.name)
        }
    }

    /// An added item that goes (rejected, withdrawn) must leave no notes or actions hanging on nothing.
    private func checkNothingHangs(on change: TableChange) throws {
        guard change.kind == .addition else { return }
        let hanging = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM note WHERE subject_id = ?) + (SELECT COUNT(*) FROM action_item WHERE linked_id = ?)
            """, arguments: [change.subjectId, change.subjectId])!
        guard hanging == 0 else { throw ChangeInUse(records: hanging) }
    }

    /// A proposal written as it is (a restore keeps its id and credits), with its history; returns its withdrawal.
    private func insert(_ change: TableChange, keepingId: Bool) throws -> ReviewEdit {
        let id = try store(change, keepingId: keepingId)
        let subject = change.itemId ?? TableChange.addedItemId(id)
        try record(.tableChange, id: id, subject: subject, keepingId ? .restored : .created, old: nil,
                   new: "\(change.kind.rawValue) in \(change.column.sourceTitle.lowercased()): \(change.text)")
        return .withdrawChange(id: id, expectedVersion: change.version)
    }

    /// The table change's row; returns its id.
    private func store(_ change: TableChange, keepingId: Bool) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO table_change (id, kind, goal_id, goal_column, is_mitigation, item_id, text, state, decided_by, decided_at, author, created_at,
                updated_at, updated_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keepingId ? change.id : nil, change.kind.rawValue, change.goalId, change.column.slug, change.isMitigation,
                             change.itemId, change.text, change.state.rawValue, change.decidedBy, change.decidedAt,
                             keepingId ? change.author : author, keepingId ? change.createdAt : now, keepingId ? change.updatedAt : nil,
                             keepingId ? change.updatedBy : nil, change.version])
        return keepingId ? change.id : db.lastInsertedRowID
    }

    private func insert(_ note: Note) throws {
        try db.execute(sql: """
            INSERT INTO note (id, subject_id, text, author, created_at, updated_at, updated_by, for_report, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [note.id, note.subjectId, note.text, note.author, note.createdAt, note.updatedAt, note.updatedBy,
                             note.isForReport, note.version])
    }

    private func insert(_ decision: Decision) throws {
        try db.execute(sql: """
            INSERT INTO decision (id, activity_id, text, author, created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [decision.id, decision.activityId, decision.text, decision.author, decision.createdAt,
                             decision.updatedAt, decision.updatedBy, decision.version])
    }

    private func insert(_ person: Person) throws {
        try db.execute(sql: """
            INSERT INTO person (id, name, initials, organisation, role, email, login, author, created_at, updated_at, updated_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [person.id, person.name, person.initials, person.organisation, person.role, person.email, person.login,
                             person.author, person.createdAt, person.updatedAt, person.updatedBy, person.version])
    }

    // MARK: Import

    /// Every record of another database as it was there: ids, versions, credits and history, nothing recorded
    /// anew. Only into a database without records (`ImportTargetNotEmpty`).
    func importRecords(_ records: ReviewRecords) throws {
        let existing = try ["item_status", "note", "decision", "action_item", "person", "meeting", "peildatum", "table_change", "history"]
            .reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($1)") ?? 0) }
        guard existing == 0 else { throw ImportTargetNotEmpty(records: existing) }
        for status in records.statuses {
            try db.execute(sql: "INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?)",
                           arguments: [status.itemId, status.status.rawValue, status.updatedBy, status.updatedAt, status.version])
        }
        for note in records.notes { try insert(note) }
        for decision in records.decisions { try insert(decision) }
        for action in records.actions { try insert(action, keepingId: true) }
        for person in records.people { try insert(person) }
        for meeting in records.meetings { try insert(meeting, keepingId: true) }
        for peildatum in records.peildata { _ = try insert(peildatum, keepingId: true) }
        for change in records.tableChanges { _ = try store(change, keepingId: true) }
        for entry in records.history {
            try db.execute(sql: """
                INSERT INTO history (id, at, author, kind, record_id, subject_id, change, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.id, entry.at, entry.author, entry.kind.rawValue, entry.recordId, entry.subjectId, entry.change.rawValue,
                                 entry.oldValue, entry.newValue])
        }
        // A new record never takes the id of one deleted on the old server: its history still names that id.
        let tables: [(String, ReviewRecordKind?)] = [("note", .note), ("decision", .decision), ("action_item", .action), ("person", .person),
                                                      ("meeting", .meeting), ("peildatum", .peildatum), ("table_change", .tableChange), ("history", nil)]
        for (table, kind) in tables {
            let used = (kind.map { kind in records.history.filter { $0.kind == kind }.compactMap { Int64($0.recordId) } } ?? records.history.map(\.id))
            let highest = max(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0, used.max() ?? 0)
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, highest])
        }
    }

    private func insert(_ action: ActionItem, keepingId: Bool) throws {
        try db.execute(sql: """
            INSERT INTO action_item (id, activity_id, text, owner, due_date, done, linked_id, author, created_at, updated_at, updated_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keepingId ? action.id : nil, action.activityId, action.text, action.owner, action.dueDate,
                             action.isDone, action.linkedId, keepingId ? action.author : author, keepingId ? action.createdAt : now,
                             keepingId ? action.updatedAt : nil, keepingId ? action.updatedBy : nil, action.version])
    }

    private func record(_ kind: ReviewRecordKind, id: some CustomStringConvertible, subject: String, _ change: HistoryEntry.Change,
                        old: String?, new: String?) throws {
        try db.execute(sql: """
            INSERT INTO history (at, author, kind, record_id, subject_id, change, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now, author, kind.rawValue, id.description, subject, change.rawValue, old, new])
    }

    // MARK: Version checks

    private func current(note id: Int64, expected: Int) throws -> Note {
        let note = try ReviewDatabase.fetchOne(db, "SELECT * FROM note WHERE id = ?", arguments: [id], ReviewDatabase.note)
        guard let note, note.version == expected else { throw try conflict(.note, id: id, current: note.map { .note($0) }) }
        return note
    }

    private func current(decision id: Int64, expected: Int) throws -> Decision {
        let decision = try ReviewDatabase.fetchOne(db, "SELECT * FROM decision WHERE id = ?", arguments: [id], ReviewDatabase.decision)
        guard let decision, decision.version == expected else {
            throw try conflict(.decision, id: id, current: decision.map { .decision($0) })
        }
        return decision
    }

    private func current(action id: Int64, expected: Int) throws -> ActionItem {
        let action = try ReviewDatabase.fetchOne(db, "SELECT * FROM action_item WHERE id = ?", arguments: [id], ReviewDatabase.action)
        guard let action, action.version == expected else { throw try conflict(.action, id: id, current: action.map { .action($0) }) }
        return action
    }

    private func current(meeting id: Int64, expected: Int) throws -> Meeting {
        let meeting = try ReviewDatabase.fetchOne(db, "SELECT * FROM meeting WHERE id = ?", arguments: [id], ReviewDatabase.meeting)
        guard let meeting, meeting.version == expected else { throw try conflict(.meeting, id: id, current: meeting.map { .meeting($0) }) }
        return meeting
    }

    private func current(tableChange id: Int64, expected: Int) throws -> TableChange {
        let change = try ReviewDatabase.fetchOne(db, "SELECT * FROM table_change WHERE id = ?", arguments: [id], ReviewDatabase.tableChange)
        guard let change, change.version == expected else {
            throw try conflict(.tableChange, id: id, current: change.map { .tableChange($0) })
        }
        return change
    }

    private func current(person id: Int64, expected: Int) throws -> Person {
        let person = try ReviewDatabase.fetchOne(db, "SELECT * FROM person WHERE id = ?", arguments: [id], ReviewDatabase.person)
        guard let person, person.version == expected else { throw try conflict(.person, id: id, current: person.map { .person($0) }) }
        return person
    }

    /// The conflict, naming who changed the record last (the record says so itself; for a deleted one, the history).
    private func conflict(_ kind: ReviewRecordKind, id: some CustomStringConvertible, current: ReviewConflict.Record?) throws -> ReviewConflict {
        let (who, when): (String, Date)
        switch current {
        case .status(let record): (who, when) = (record.updatedBy, record.updatedAt)
        case .note(let note): (who, when) = (note.updatedBy ?? note.author, note.updatedAt ?? note.createdAt)
        case .decision(let decision): (who, when) = (decision.updatedBy ?? decision.author, decision.updatedAt ?? decision.createdAt)
        case .action(let action): (who, when) = (action.updatedBy ?? action.author, action.updatedAt ?? action.createdAt)
        case .person(let person): (who, when) = (person.updatedBy ?? person.author, person.updatedAt ?? person.createdAt)
        case .meeting(let meeting): (who, when) = (meeting.updatedBy ?? meeting.author, meeting.updatedAt ?? meeting.createdAt)
        case .tableChange(let change): (who, when) = (change.updatedBy ?? change.author, change.updatedAt ?? change.createdAt)
        case nil:
            (who, when) = ("onbekend", now)
        }
        // A deletion, or an undo that brought the record back with its old credits, is told by its history only.
        let last = try Row.fetchOne(db, sql: "SELECT author, at, change FROM history WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
                                    arguments: [kind.rawValue, id.description])
        if let last, let at: Date = last["at"], current == nil || last["change"] == HistoryEntry.Change.restored.rawValue {
            return ReviewConflict(kind: kind, current: current, changedBy: last["author"], changedAt: at)
        }
        return ReviewConflict(kind: kind, current: current, changedBy: who, changedAt: when)
    }
}

/// A person's name (or another spelling of it) is already someone else's.
public struct NameTaken: ReviewRefusal, CustomStringConvertible {
    let name: String
    public var description: String { "de naam '\(name)' is al van iemand: voeg samen in plaats van een tweede aan te maken" }
}

/// A person who still owns actions is not deleted; merging gives their actions to someone else.
public struct PersonInUse: ReviewRefusal, CustomStringConvertible {
    let name: String
    public var description: String { "\(name) heeft nog acties: voeg samen met een ander in plaats van te wissen" }
}

/// A meeting with decisions, actions or notes is not deleted: cancel it (status vervallen) instead.
public struct MeetingInUse: ReviewRefusal, CustomStringConvertible {
    let name: String
    let records: Int
    public var description: String {
        "\(name) heeft \(records == 1 ? "een besluit, actie of notitie" : "\(records) besluiten, acties en notities"): "
            + "zet de status op vervallen in plaats van te wissen"
    }
}

/// A year planned again: every meeting of the pattern is there already.
public struct NothingToPlan: ReviewRefusal, CustomStringConvertible {
    public var description: String { "dat jaar is al gepland zoals 2023: er is niets toegevoegd" }
}

/// A table change someone accepted or rejected is not reworded or withdrawn: propose a new wording instead.
public struct ChangeDecided: ReviewRefusal, CustomStringConvertible {
    let state: TableChange.State
    public var description: String { "over dit voorstel is al beslist (\(state.rawValue)): stel zo nodig een nieuwe formulering voor" }
}

/// An import goes into a new, empty database only: merging two servers' records would mix their ids.
public struct ImportTargetNotEmpty: Error, CustomStringConvertible {
    let records: Int
    public var description: String { "de reviewdatabase heeft al \(records) records: importeer in een nieuwe (lege) database" }
}

/// An item has an open proposal already: it is edited (`r` on the item), not proposed twice.
public struct ProposalOpen: ReviewRefusal, CustomStringConvertible {
    let author: String
    public var description: String { "op dit item ligt al een voorstel van \(author): bewerk dat, of beslis erover met w" }
}

/// A new item with notes or actions on it is not rejected or withdrawn: they would hang on nothing.
public struct ChangeInUse: ReviewRefusal, CustomStringConvertible {
    let records: Int
    public var description: String {
        "aan dit nieuwe item \(records == 1 ? "hangt nog een notitie of actie" : "hangen nog \(records) notities en acties"): wis of verplaats die eerst"
    }
}
