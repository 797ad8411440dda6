import DialoogModel
import Foundation
import GRDB

/// Carries out one edit inside a write transaction and works out its inverse.
struct ReviewWriter {
    let db: Database
    let author: String
    let now: Date

    struct MissingRecord: Error, CustomStringConvertible {
        let description: String
    }

    func apply(_ edit: ReviewEdit) throws -> ReviewEdit {
        switch edit {
        case .setStatus(let itemId, let status): return try setStatus(itemId, status)
        case .addNote(let subjectId, let text):
            try db.execute(sql: "INSERT INTO note (subject_id, text, author, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [subjectId, text, author, now])
            return .deleteNote(id: db.lastInsertedRowID)
        case .updateNote(let id, let text):
            let old = try fetchNote(id)
            try db.execute(sql: "UPDATE note SET text = ?, updated_at = ? WHERE id = ?", arguments: [text, now, id])
            return .updateNote(id: id, text: old.text)
        case .deleteNote(let id):
            let old = try fetchNote(id)
            try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [id])
            return .restoreNote(old)
        case .restoreNote(let note):
            try db.execute(sql: "INSERT INTO note (id, subject_id, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [note.id, note.subjectId, note.text, note.author, note.createdAt, note.updatedAt])
            return .deleteNote(id: note.id)
        case .addDecision(let activityId, let text):
            try db.execute(sql: "INSERT INTO decision (activity_id, text, author, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [activityId, text, author, now])
            return .deleteDecision(id: db.lastInsertedRowID)
        case .updateDecision(let id, let text):
            let old = try fetchDecision(id)
            try db.execute(sql: "UPDATE decision SET text = ? WHERE id = ?", arguments: [text, id])
            return .updateDecision(id: id, text: old.text)
        case .deleteDecision(let id):
            let old = try fetchDecision(id)
            try db.execute(sql: "DELETE FROM decision WHERE id = ?", arguments: [id])
            return .restoreDecision(old)
        case .restoreDecision(let decision):
            try db.execute(sql: "INSERT INTO decision (id, activity_id, text, author, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [decision.id, decision.activityId, decision.text, decision.author, decision.createdAt])
            return .deleteDecision(id: decision.id)
        case .addAction(let action):
            try insert(action, keepingId: false)
            return .deleteAction(id: db.lastInsertedRowID)
        case .updateAction(let action):
            let old = try fetchAction(action.id)
            try db.execute(sql: "UPDATE action_item SET text = ?, owner = ?, due_date = ?, done = ?, linked_id = ? WHERE id = ?",
                           arguments: [action.text, action.owner, action.dueDate, action.isDone, action.linkedId, action.id])
            return .updateAction(old)
        case .deleteAction(let id):
            let old = try fetchAction(id)
            try db.execute(sql: "DELETE FROM action_item WHERE id = ?", arguments: [id])
            return .restoreAction(old)
        case .restoreAction(let action):
            try insert(action, keepingId: true)
            return .deleteAction(id: action.id)
        }
    }

    private func setStatus(_ itemId: String, _ status: ReviewStatus?) throws -> ReviewEdit {
        let old = try String.fetchOne(db, sql: "SELECT status FROM item_status WHERE item_id = ?", arguments: [itemId])
            .flatMap(ReviewStatus.init(rawValue:))
        if let status {
            try db.execute(sql: """
                INSERT INTO item_status (item_id, status, updated_by, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(item_id) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, arguments: [itemId, status.rawValue, author, now])
        } else {
            try db.execute(sql: "DELETE FROM item_status WHERE item_id = ?", arguments: [itemId])
        }
        return .setStatus(itemId: itemId, status: old)
    }

    private func insert(_ action: ActionItem, keepingId: Bool) throws {
        try db.execute(sql: """
            INSERT INTO action_item (id, activity_id, text, owner, due_date, done, linked_id, author, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keepingId ? action.id : nil, action.activityId, action.text, action.owner, action.dueDate,
                             action.isDone, action.linkedId, keepingId ? action.author : author, keepingId ? action.createdAt : now])
    }

    private func fetchNote(_ id: Int64) throws -> Note {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM note WHERE id = ?", arguments: [id]) else {
            throw MissingRecord(description: "note \(id) no longer exists")
        }
        return ReviewDatabase.note(row)
    }

    private func fetchDecision(_ id: Int64) throws -> Decision {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]) else {
            throw MissingRecord(description: "decision \(id) no longer exists")
        }
        return ReviewDatabase.decision(row)
    }

    private func fetchAction(_ id: Int64) throws -> ActionItem {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM action_item WHERE id = ?", arguments: [id]) else {
            throw MissingRecord(description: "action \(id) no longer exists")
        }
        return ReviewDatabase.action(row)
    }
}
