import DialoogModel
import Foundation
import GRDB

/// Unsaved form text, kept where only the Unix user who typed it can read it: one SQLite file per user,
/// `$XDG_STATE_HOME/htno-dialoog/concepten.sqlite` (the folder 0700, the file 0600), each draft keyed by the
/// review database it belongs to. Not in the shared review database, where a colleague could read it, be
/// offered it with `--user` or throw it away; and a draft can be kept while another process locks that one.
public final class DraftStore: Sendable {
    let queue: DatabaseQueue
    /// The review database these drafts belong to: its real path.
    private let reviewDatabase: String
    /// Whether the drafts outlive the process (a file), or are kept for this run only.
    public let isPersistent: Bool

    /// The drafts file at `path` (created private when missing), for the review database at `reviewPath`.
    public init(path: String, forReviewAt reviewPath: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try PrivateFolder.make(folder)
        let descriptor = open(path, O_CREAT | O_WRONLY | O_NOFOLLOW, 0o600)
        if descriptor >= 0 { close(descriptor) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(2)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        reviewDatabase = Self.key(of: reviewPath)
        isPersistent = true
        try Self.migrator.migrate(queue)
    }

    /// Drafts kept for this process only: tests, and the fallback when the state folder cannot be written.
    public init() {
        // An in-memory database cannot fail to open; the schema is created on an empty one.
        queue = try! DatabaseQueue()
        reviewDatabase = ""
        isPersistent = false
        try! Self.migrator.migrate(queue)
    }

    /// `$XDG_STATE_HOME/htno-dialoog/`, or `~/.local/state/htno-dialoog/` when it is unset or relative.
    public static func folder(environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return base + "/htno-dialoog"
    }

    public static func defaultPath(environment: [String: String]) -> String { folder(environment: environment) + "/concepten.sqlite" }

    /// The same database under any name it is reached by (a relative path, a link to it).
    private static func key(of path: String) -> String {
        if let resolved = resolvedPath(path) { return resolved }
        // Not made yet (the first start): its folder resolved, as the path will resolve once it exists.
        let url = URL(fileURLWithPath: path)
        let folder = resolvedPath(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().standardizedFileURL.path
        return folder + "/" + url.lastPathComponent
    }

    private static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-drafts") { db in
            try db.create(table: "draft") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("review_database", .text).notNull()
                table.column("author", .text).notNull()
                // The process that owns the draft while it runs; its drafts are not offered elsewhere.
                table.column("pid", .integer).notNull()
                table.column("payload", .text).notNull()
                table.column("saved_at", .datetime).notNull()
            }
        }
        return migrator
    }

    /// Stores the draft (a new one when `id` is nil) and returns its id.
    public func save(id: Int64?, author: String, payload: String, now: Date, pid: Int32 = getpid()) throws -> Int64 {
        try queue.write { db in
            if let id {
                try db.execute(sql: "UPDATE draft SET payload = ?, saved_at = ?, pid = ? WHERE id = ? AND review_database = ?",
                               arguments: [payload, now, pid, id, reviewDatabase])
                if db.changesCount > 0 { return id }
            }
            try db.execute(sql: "INSERT INTO draft (review_database, author, pid, payload, saved_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [reviewDatabase, author, pid, payload, now])
            return db.lastInsertedRowID
        }
    }

    /// Drafts of `author` left by sessions that are gone (a running session's own draft is not offered).
    public func abandoned(author: String) throws -> [Draft] {
        try queue.read { db in
            try ReviewDatabase.fetch(db, "SELECT * FROM draft WHERE review_database = ? AND author = ? ORDER BY saved_at, id",
                                     arguments: [reviewDatabase, author]) { row in
                Self.isRunning(pid: row["pid"]) ? nil : Draft(id: row["id"], author: row.safe("author"), payload: row["payload"], savedAt: row["saved_at"])
            }
            .compactMap { $0 }
        }
    }

    public func delete(id: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM draft WHERE id = ? AND review_database = ?", arguments: [id, reviewDatabase])
        }
    }

    /// How many drafts are kept for this review database.
    public func count() throws -> Int {
        try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM draft WHERE review_database = ?", arguments: [reviewDatabase]) ?? 0 }
    }

    /// A draft whose process still runs on this machine belongs to a form open there: it is not offered.
    private static func isRunning(pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // A process that ended but was not reaped yet (a zombie) still answers kill; on Linux /proc tells.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.range(of: ")", options: .backwards) else { return true }
        return stat[end.upperBound...].trimmingCharacters(in: .whitespaces).first != "Z"
    }
}

/// A folder readable by its owner only, whatever the umask: the state folder, the default review folder and
/// config.yaml's folder hold someone's own text.
public enum PrivateFolder {
    /// Makes it (and the folders above it) when missing.
    public static func make(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
