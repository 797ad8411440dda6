import DialoogModel
import Foundation
import GRDB

/// Review data in one SQLite file, through GRDB. WAL mode (a DatabasePool), so two secretaries
/// on one server can work at once; every edit is its own committed transaction.
public final class ReviewDatabase: ReviewRepository, @unchecked Sendable {
    let writer: any DatabaseWriter
    /// Opened read-only (asked for, or the file or folder cannot be written): reading works, edits say why not.
    public let isReadOnly: Bool
    /// The revision seen at the last load; a higher one means another process wrote.
    private let loadedRevision = Mutex(0)

    /// Opens (creating if needed) the database file and migrates it to the current schema. When the
    /// file exists but cannot be written (read-only disk or permissions), or `readOnly` is asked for,
    /// it is opened read-only.
    public init(path: String, readOnly: Bool = false) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        if !readOnly {
            do {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
                let pool = try DatabasePool(path: path, configuration: configuration)
                try ReviewSchema.migrator.migrate(pool)
                writer = pool
                isReadOnly = false
                return
            } catch where FileManager.default.fileExists(atPath: path) {
                // Fall through to read-only: the secretary can still read what was recorded.
            }
        }
        configuration.readonly = true
        writer = try DatabaseQueue(path: path, configuration: configuration)
        isReadOnly = true
    }

    /// An in-memory database, for tests.
    public init() throws {
        writer = try DatabaseQueue()
        try ReviewSchema.migrator.migrate(writer)
        isReadOnly = false
    }

    /// For tests of migrations: a database migrated only up to `version`.
    init(writer: any DatabaseWriter) {
        self.writer = writer
        isReadOnly = false
    }

    public func load() throws -> ReviewSnapshot {
        try writer.read { db in
            let snapshot = ReviewSnapshot(
                statuses: try Self.statuses(db),
                notes: try Row.fetchAll(db, sql: "SELECT * FROM note ORDER BY created_at, id").map(Self.note),
                decisions: try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY created_at, id").map(Self.decision),
                actions: try Row.fetchAll(db, sql: "SELECT * FROM action_item ORDER BY due_date IS NULL, due_date, id").map(Self.action)
            )
            loadedRevision.set(try Self.revision(db))
            return snapshot
        }
    }

    public func hasChangedSinceLoad() -> Bool {
        guard let current = try? writer.read(Self.revision) else { return false }
        return current != loadedRevision.get()
    }

    public struct ReadOnlyError: Error, CustomStringConvertible {
        public var description: String { "de reviewdatabase is alleen-lezen geopend" }
    }

    public func apply(_ edit: ReviewEdit, author: String, now: Date) throws -> ReviewEdit {
        guard !isReadOnly else { throw ReadOnlyError() }
        do {
            return try writer.write { db in
                let inverse = try ReviewWriter(db: db, author: author, now: now).apply(edit)
                try db.execute(sql: "UPDATE revision SET value = value + 1")
                return inverse
            }
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// A failed write in one line, without the SQL (which may hold the secretary's text).
    public struct StoreError: Error, CustomStringConvertible {
        public let description: String

        init(_ error: DatabaseError) {
            description = "\(error.message ?? "SQLite error") (SQLite \(error.resultCode.rawValue))"
        }
    }

    private static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM revision") ?? 0
    }

    private static func statuses(_ db: Database) throws -> [String: ReviewStatus] {
        var statuses: [String: ReviewStatus] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT item_id, status FROM item_status") {
            if let status = ReviewStatus(rawValue: row["status"]) { statuses[row["item_id"]] = status }
        }
        return statuses
    }

    static func note(_ row: Row) -> Note {
        Note(id: row["id"], subjectId: row["subject_id"], text: row["text"], author: row["author"],
             createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static func decision(_ row: Row) -> Decision {
        Decision(id: row["id"], activityId: row["activity_id"], text: row["text"], author: row["author"], createdAt: row["created_at"])
    }

    static func action(_ row: Row) -> ActionItem {
        ActionItem(id: row["id"], activityId: row["activity_id"], text: row["text"], owner: row["owner"],
                   dueDate: row["due_date"], isDone: row["done"], linkedId: row["linked_id"],
                   author: row["author"], createdAt: row["created_at"])
    }
}

/// A tiny lock-protected value: the database is used from one thread, but Sendable requires care.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

extension ReviewDatabase {
    /// `$XDG_DATA_HOME/htno-dialoog/review.sqlite`, or `~/.local/share/...` when XDG_DATA_HOME is unset or relative.
    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/htno-dialoog/review.sqlite"
    }
}
