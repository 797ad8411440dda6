import DialoogModel
import Foundation
import GRDB
import GRDBSQLite

/// Review data in one SQLite file, through GRDB. WAL mode, so two secretaries
/// on one server can work at once; every edit is its own committed transaction, with its history entry.
public final class ReviewDatabase: ReviewRepository, @unchecked Sendable {
    let writer: any DatabaseWriter
    /// Why the database was opened read-only (asked for, no write permission, a newer schema); nil when it can be written.
    public let readOnlyReason: String?
    /// Said once in the status line: a new database was made, or why it is read-only.
    public let notice: String?
    /// The revision seen at the last load; a higher one means another process wrote. Nil before the first.
    private let loadedRevision = Mutex<Int?>(nil)
    /// This user's unsaved texts: kept apart, private to the Unix user (not in this shared file).
    public let drafts: DraftStore
    /// The file, to name who holds it locked.
    private let path: String?
    private let busyWaiting: BusyWaiting
    /// The file that was opened: another one at the path (a backup put back with `mv`) or none (`rm`) is
    /// never written to.
    private let openedFile: FileIdentity?
    /// Whether the replacement was told (once, through `hasChangedSinceLoad` and the refresh it starts).
    private let replacementTold = Mutex(false)
    /// Opened as it was at the start (SQLite's immutable open, read-only without a -shm file): never read again,
    /// for nothing may change under such a connection.
    private let isSnapshot: Bool

    public var isReadOnly: Bool { readOnlyReason != nil }

    /// Opens the database file, creating it in an existing folder (and the folder too when `createsDirectory`,
    /// for the default place), and migrates it. It is checked before anything is written: a corrupt file, a
    /// folder or a missing folder is a `ReviewDatabaseFault` and the file stays untouched; a schema from a newer
    /// version, a file without write permission or `readOnly` open it read-only. A database locked by another
    /// process is waited for (`busyWaiting` hears about it), never taken for read-only.
    public init(path: String, readOnly: Bool = false, createsDirectory: Bool = false, busyWaiting: BusyWaiting = BusyWaiting(),
                drafts: DraftStore = DraftStore()) throws {
        self.drafts = drafts
        self.path = path
        self.busyWaiting = busyWaiting
        defer { busyWaiting.databaseIsOpen() }
        let file = try DatabaseFile(path: path, createsDirectory: createsDirectory && !readOnly)
        var configuration = Configuration()
        configuration.busyMode = .callback(busyWaiting.callback)
        let newerSchema = try file.isNew ? nil : file.retryingWhileBusy(busyWaiting) { try file.checkedForReading(configuration) }
        let reason = readOnly ? "gevraagd met --read-only"
            : newerSchema.map { "gemaakt door een nieuwere htno-dialoog (\($0))" }
            ?? file.missingWritePermission
        if let reason {
            guard !file.isNew else { throw ReviewDatabaseFault(path: path, problem: "bestaat niet (en wordt alleen-lezen niet aangemaakt)") }
            let reader = try file.readOnlyConnection(configuration)
            writer = reader.queue
            isSnapshot = reader.isSnapshot
            readOnlyReason = reason
            notice = "Alleen lezen: \(path): \(reason)" + (reader.isSnapshot ? " (wat anderen daarna opslaan is pas na opnieuw starten te zien)" : "")
            openedFile = FileIdentity(path: path)
            return
        }
        try file.createIfNew()
        writer = try file.retryingWhileBusy(busyWaiting) {
            // One connection in WAL mode (set once, when the file is new or empty). Not GRDB's pool: it writes at
            // every open while the -wal file is empty, and so waited for any process holding the write lock.
            configuration.prepareDatabase { try $0.execute(sql: "PRAGMA synchronous = NORMAL") }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            if try queue.read({ try String.fetchOne($0, sql: "PRAGMA journal_mode") }) != "wal" {
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            try ReviewSchema.migrate(queue)
            return queue
        }
        try Self.moveOldDrafts(from: writer, path: path, to: drafts)
        openedFile = FileIdentity(path: path)
        isSnapshot = false
        readOnlyReason = nil
        notice = file.isNew ? "Nieuwe reviewdatabase aangemaakt: \(path)" : nil
    }

    /// An in-memory database, for tests.
    public convenience init() throws {
        let queue = try DatabaseQueue()
        try ReviewSchema.migrator.migrate(queue)
        self.init(writer: queue)
    }

    /// Around a connection of its own: no file to watch, drafts in memory.
    private init(writer: DatabaseQueue) {
        drafts = DraftStore()
        path = nil
        busyWaiting = BusyWaiting()
        openedFile = nil
        isSnapshot = false
        self.writer = writer
        readOnlyReason = nil
        notice = nil
    }

    public func load() throws -> ReviewSnapshot {
        try checkFileIsTheOpenedOne()
        // An immutable connection is read once: a writer may have changed the file under it since.
        if isSnapshot, loadedRevision.get() != nil { throw SnapshotOnly() }
        return try writer.read(loadAll)
    }

    /// Reading again what was opened as it was at the start.
    public struct SnapshotOnly: Error, CustomStringConvertible {
        public var description: String { "alleen-lezen geopend zoals de database bij het starten was; start opnieuw om wijzigingen te zien" }
    }

    deinit {
        // Replaced unnoticed (a quit right after `mv`).
        if isReplaced { keepConnectionOpen() }
    }

    /// Whether the file at the path is no longer the one opened (deleted, or replaced by `mv`).
    private var isReplaced: Bool {
        guard let path, let openedFile else { return false }
        return FileIdentity(path: path) != openedFile
    }

    /// Closing would checkpoint this connection's pages into, and delete, the -wal that now belongs to the file
    /// at the path: once the file was replaced, the connection stays open until the process ends.
    private func keepConnectionOpen() {
        _ = Unmanaged.passRetained(writer as AnyObject)
    }

    /// Throws when the file at the path is no longer the one opened: writing then would go to a file nobody
    /// sees, or (through the -wal and -shm beside it) damage the new one.
    private func checkFileIsTheOpenedOne() throws {
        guard let path, isReplaced else { return }
        if !replacementTold.get() {
            replacementTold.set(true)
            keepConnectionOpen()
        }
        throw DatabaseReplaced(path: path, isDeleted: FileIdentity(path: path) == nil)
    }

    /// The database file was deleted or replaced while this instance had it open.
    public struct DatabaseReplaced: Error, CustomStringConvertible {
        let path: String
        let isDeleted: Bool

        public var description: String {
            "\(path) is sinds het openen \(isDeleted ? "verwijderd" : "vervangen door een ander bestand"); er is niets geschreven. "
                + "Sluit af en start opnieuw (een reservekopie terugzetten: htno-dialoog restore)"
        }
    }

    private func loadAll(_ db: Database) throws -> ReviewSnapshot {
        // An empty file (scripts/shared-db makes one, to be filled at the first start) is an empty review.
        guard try db.tableExists("revision") else {
            loadedRevision.set(0)
            return .empty
        }
        let snapshot = ReviewSnapshot(
                statuses: try Self.statuses(db),
                notes: try Self.fetch(db, "SELECT * FROM note ORDER BY created_at, id", Self.note),
                decisions: try Self.fetch(db, "SELECT * FROM decision ORDER BY created_at, id", Self.decision),
                actions: try Self.fetch(db, "SELECT * FROM action_item ORDER BY due_date IS NULL, due_date, id", Self.action),
                people: try Self.people(db),
                meetings: try Self.meetings(db),
                peildata: try Self.peildata(db),
                tableChanges: try Self.tableChanges(db),
                history: try db.tableExists("history") ? Self.fetch(db, "SELECT * FROM history ORDER BY id", Self.historyEntry) : []
        )
        loadedRevision.set(try Self.revision(db))
        return snapshot
    }

    /// More new history than this is read as a whole review (an import, a long absence): cheaper than one by one.
    private static let mostChangesReadOneByOne = 2_000

    /// Brings `snapshot` up to date with everything written since it was read, by this process or another:
    /// the history since its last entry names the records that changed, and only those are read again (the
    /// short lists of people, meetings, peildata and table changes whole), changed in place (a snapshot the
    /// caller let go of is not copied). So one refresh costs the same at 100 notes and at 100,000. Only what
    /// the history cannot tell (a change without a history line, or very many) reads everything.
    public func refresh(_ snapshot: inout ReviewSnapshot) throws {
        try checkFileIsTheOpenedOne()
        // The first read, and a review with no tables yet, are read whole: the history names only what changed.
        guard loadedRevision.get() != nil, !isSnapshot else {
            snapshot = try load()
            return
        }
        try writer.read { db in
            guard try db.tableExists("revision") else {
                snapshot = .empty
                return
            }
            let revision = try Self.revision(db)
            guard revision != loadedRevision.get() else { return }
            let lastSeen = snapshot.history.last?.id ?? 0
            let newHistory = try Self.fetch(db, "SELECT * FROM history WHERE id > ? ORDER BY id LIMIT ?",
                                            arguments: [lastSeen, Self.mostChangesReadOneByOne + 1], Self.historyEntry)
            guard !newHistory.isEmpty, newHistory.count <= Self.mostChangesReadOneByOne,
                  let changes = try? ChangedRecords(newHistory, in: db) else {
                snapshot = try loadAll(db)
                return
            }
            // Everything was read before anything changes, so a failed read left the review as it was.
            changes.apply(to: &snapshot)
            snapshot.history += newHistory
            loadedRevision.set(revision)
        }
    }

    /// The records named by new history lines, as the database has them now (nil: deleted).
    private struct ChangedRecords {
        var statuses: [(String, StatusRecord?)] = []
        var notes: [(Int64, Note?)] = []
        var decisions: [(Int64, Decision?)] = []
        var actions: [(Int64, ActionItem?)] = []
        var people: [Person]?
        var meetings: [Meeting]?
        var peildata: [Peildatum]?
        var tableChanges: [TableChange]?

        init(_ history: [HistoryEntry], in db: Database) throws {
            var seen = Set<String>()
            for entry in history where seen.insert("\(entry.kind.rawValue):\(entry.recordId)").inserted {
                let id = Int64(entry.recordId)
                // A history line not written by this program: read everything rather than guess.
                if id == nil, entry.kind != .status { throw DatabaseError(resultCode: .SQLITE_MISMATCH) }
                switch entry.kind {
                case .status: statuses.append((entry.recordId, try ReviewDatabase.statusRecord(db, itemId: entry.recordId)))
                case .note: notes.append((id ?? 0, try Self.one(db, "note", id, ReviewDatabase.note)))
                case .decision: decisions.append((id ?? 0, try Self.one(db, "decision", id, ReviewDatabase.decision)))
                case .action: actions.append((id ?? 0, try Self.one(db, "action_item", id, ReviewDatabase.action)))
                case .person: people = try people ?? ReviewDatabase.people(db)
                case .meeting: meetings = try meetings ?? ReviewDatabase.meetings(db)
                case .peildatum: peildata = try peildata ?? ReviewDatabase.peildata(db)
                case .tableChange: tableChanges = try tableChanges ?? ReviewDatabase.tableChanges(db)
                }
            }
        }

        private static func one<Record>(_ db: Database, _ table: String, _ id: Int64?, _ decode: (ColumnRow) -> Record) throws -> Record? {
            try ReviewDatabase.fetchOne(db, "SELECT * FROM \(table) WHERE id = ?", arguments: [id], decode)
        }

        func apply(to snapshot: inout ReviewSnapshot) {
            for (itemId, status) in statuses { snapshot.statuses[itemId] = status }
            for (id, note) in notes {
                snapshot.notes.replace(id: id, with: note, by: \.id) { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            }
            for (id, decision) in decisions {
                snapshot.decisions.replace(id: id, with: decision, by: \.id) { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            }
            for (id, action) in actions { snapshot.actions.replace(id: id, with: action, by: \.id, ordered: ReviewDatabase.actionOrder) }
            if let people { snapshot.people = people }
            if let meetings { snapshot.meetings = meetings }
            if let peildata { snapshot.peildata = peildata }
            if let tableChanges { snapshot.tableChanges = tableChanges }
        }
    }

    /// `ORDER BY due_date IS NULL, due_date, id`, as `load` sorts the actions.
    fileprivate static func actionOrder(_ left: ActionItem, _ right: ActionItem) -> Bool {
        (left.dueDate == nil ? 1 : 0, left.dueDate ?? "", left.id) < (right.dueDate == nil ? 1 : 0, right.dueDate ?? "", right.id)
    }

    public func hasChangedSinceLoad() -> Bool {
        guard !isSnapshot else { return false }
        if isReplaced { return !replacementTold.get() }
        guard let loaded = loadedRevision.get(), let current = try? writer.read(Self.revision) else { return false }
        return current != loaded
    }

    public struct ReadOnlyError: Error, CustomStringConvertible {
        let reason: String
        public var description: String { "de reviewdatabase is alleen-lezen geopend (\(reason))" }
    }

    public func apply(_ edit: ReviewEdit, author: String, now: Date, discardingDraft draftId: Int64?) throws -> ReviewEdit {
        let inverse = try write { db in
            let inverse = try ReviewWriter(db: db, author: author, now: now).apply(edit)
            try db.execute(sql: "UPDATE revision SET value = value + 1")
            return inverse
        }
        // After the edit is committed: a failure in between offers the text once more, never loses it.
        if let draftId { try? drafts.delete(id: draftId) }
        return inverse
    }

    /// Fills this empty database with the records of a JSON export (`ReviewRecords`), in one transaction.
    public func importRecords(_ records: ReviewRecords) throws {
        try write { db in
            try ReviewWriter(db: db, author: "", now: Date()).importRecords(records)
            try db.execute(sql: "UPDATE revision SET value = value + 1")
        }
    }

    public func saveDraft(id: Int64?, author: String, payload: String, now: Date) throws -> Int64 {
        try drafts.save(id: id, author: author, payload: payload, now: now)
    }

    public func abandonedDrafts(author: String) throws -> [Draft] { try drafts.abandoned(author: author) }

    /// Drafts that 0.3 kept in the shared file move to the private store of the file's owner, the only
    /// user who can have typed them in a private database; in a shared one they stay unread (and unoffered).
    private static func moveOldDrafts(from writer: any DatabaseWriter, path: String, to drafts: DraftStore) throws {
        var status = stat()
        // A shared file (group or others may write it) may hold colleagues' drafts: those stay where they are.
        guard drafts.isPersistent, stat(path, &status) == 0, status.st_uid == getuid(), status.st_mode & 0o022 == 0,
              try writer.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM draft") ?? 0 }) > 0 else { return }
        try writer.write { db in
            let old = try fetch(db, "SELECT * FROM draft ORDER BY id") { row -> (String, String, Date, Int32) in
                (row["author"], row["payload"], row["saved_at"], row["pid"])
            }
            for (author, payload, savedAt, pid) in old { _ = try drafts.save(id: nil, author: author, payload: payload, now: savedAt, pid: pid) }
            try db.execute(sql: "DELETE FROM draft")
        }
    }

    public func recordVisit(login: String, now: Date) throws -> Date? {
        let read = { (db: Database) in try Date.fetchOne(db, sql: "SELECT seen_at FROM visit WHERE login = ?", arguments: [login]) }
        // Read-only, the last visit is told but this one is not kept.
        guard !isReadOnly else { return try writer.read { try $0.tableExists("visit") ? read($0) : nil } }
        do {
            // Kept when the database is free: the start does not wait for a lock for this.
            return try busyWaiting.withoutWaiting {
                try write { db in
                    let previous = try read(db)
                    try db.execute(sql: "INSERT INTO visit (login, seen_at) VALUES (?, ?) ON CONFLICT(login) DO UPDATE SET seen_at = excluded.seen_at",
                                   arguments: [login, now])
                    return previous
                }
            }
        } catch is BusyError {
            return try writer.read(read)
        }
    }

    public func deleteDraft(id: Int64) throws { try drafts.delete(id: id) }

    /// A write transaction, refused in read-only mode; SQLite errors in one line.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let readOnlyReason { throw ReadOnlyError(reason: readOnlyReason) }
        try checkFileIsTheOpenedOne()
        do {
            return try writer.write(body)
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            throw BusyError(holder: path.flatMap { LockHolder.describe(databaseAt: $0) }, isGivenUp: busyWaiting.wasGivenUp)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// A save that waited for a lock another process holds and gave up: nothing was written.
    public struct BusyError: Error, CustomStringConvertible {
        /// Who holds the database, when the kernel tells ("sqlite3 (proces 4711 van anna)").
        let holder: String?
        /// The user ended the wait (Esc); otherwise it took too long.
        let isGivenUp: Bool

        public var description: String {
            let who = holder.map { " door \($0)" } ?? " door een ander proces"
            let wait = isGivenUp ? "wachten afgebroken" : "na \(Int(BusyWaiting.savingPatience)) seconden wachten"
            return "de database is bezet\(who) (\(wait)); er is niets geschreven, probeer het zo opnieuw"
        }
    }

    /// Any error of the review database in Dutch: SQLite's own (English) as a `StoreError`, ours as they are.
    public static func dutchDescription(of error: any Error) -> String {
        (error as? DatabaseError).map { StoreError($0).description } ?? "\(error)"
    }

    /// A failed write in one Dutch line, without the SQL (which may hold the secretary's text).
    public struct StoreError: Error, CustomStringConvertible {
        public let description: String

        init(_ error: DatabaseError) {
            let reason = switch error.resultCode {
            case .SQLITE_FULL: "de schijf is vol"
            case .SQLITE_BUSY, .SQLITE_LOCKED: "de database is te lang bezet door een ander proces"
            case .SQLITE_READONLY: "het bestand is alleen-lezen"
            case .SQLITE_IOERR: "lees- of schrijffout op de schijf"
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: "de database is beschadigd"
            case .SQLITE_CANTOPEN: "het bestand kan niet geopend worden"
            case .SQLITE_CONSTRAINT: "de gegevens voldoen niet aan het schema"
            default: "databasefout"
            }
            description = "\(reason) (SQLite \(error.resultCode.rawValue))"
        }
    }

    private static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM revision") ?? 0
    }

    static func statuses(_ db: Database) throws -> [String: StatusRecord] {
        var statuses: [String: StatusRecord] = [:]
        for record in try fetch(db, "SELECT * FROM item_status", statusRecord) {
            if let record { statuses[record.itemId] = record }
        }
        return statuses
    }

    static func statusRecord(_ db: Database, itemId: String) throws -> StatusRecord? {
        try fetchOne(db, "SELECT * FROM item_status WHERE item_id = ?", arguments: [itemId], statusRecord) ?? nil
    }

    private static func statusRecord(_ row: ColumnRow) -> StatusRecord? {
        guard let status = ReviewStatus(rawValue: row["status"]) else { return nil }
        return StatusRecord(itemId: row.safe("item_id"), status: status, version: row["version"] ?? 1, updatedBy: row.safe("updated_by"),
                            updatedAt: row["updated_at"])
    }

    static func note(_ row: ColumnRow) -> Note {
        Note(id: row["id"], subjectId: row.safe("subject_id"), text: row.safe("text"), author: row.safe("author"),
             createdAt: row["created_at"], updatedAt: row["updated_at"], updatedBy: row.safe("updated_by"), isForReport: row["for_report"] ?? false,
             version: row["version"] ?? 1)
    }

    static func meetings(_ db: Database) throws -> [Meeting] {
        try db.tableExists("meeting") ? fetch(db, "SELECT * FROM meeting ORDER BY date, start_time, id", meeting) : []
    }

    static func tableChanges(_ db: Database) throws -> [TableChange] {
        try db.tableExists("table_change") ? fetch(db, "SELECT * FROM table_change ORDER BY id", tableChange) : []
    }

    static func people(_ db: Database) throws -> [Person] {
        try db.tableExists("person") ? fetch(db, "SELECT * FROM person ORDER BY name COLLATE NOCASE", person) : []
    }

    static func peildata(_ db: Database) throws -> [Peildatum] {
        guard try db.tableExists("peildatum") else { return [] }
        var statuses: [Int64: [String: ReviewStatus]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM peildatum_status") {
            if let status = ReviewStatus(rawValue: row["status"]) { statuses[row["peildatum_id"], default: [:]][row["item_id"]] = status }
        }
        return try fetch(db, "SELECT * FROM peildatum ORDER BY taken_at, id") { row in
            Peildatum(id: row["id"], label: row.safe("label"), takenAt: row["taken_at"], author: row.safe("author"), statuses: statuses[row["id"]] ?? [:])
        }
    }

    static func meeting(_ row: ColumnRow) -> Meeting {
        let decoder = JSONDecoder()
        let list = { (column: String) -> Data in Data((row.safe(column) as String).utf8) }
        return Meeting(id: row["id"], kind: row.safe("kind"), date: row.safe("date"), startTime: row.safe("start_time"), endTime: row.safe("end_time"),
                       place: row.safe("place"), topic: row.safe("topic"), centralQuestion: row.safe("central_question"),
                       participants: row.safe("participants"), status: Meeting.Status(rawValue: row["status"]) ?? .planned,
                       minutes: row.safe("minutes"),
                       attendance: (try? decoder.decode([Meeting.Attendee].self, from: list("attendance"))) ?? [],
                       agendaPoints: (try? decoder.decode([Meeting.AgendaPoint].self, from: list("agenda_points"))) ?? [],
                       programme: (try? decoder.decode([String].self, from: list("programme"))) ?? [],
                       goodPractices: (try? decoder.decode([String].self, from: list("good_practices"))) ?? [],
                       commitments: (try? decoder.decode([String].self, from: list("commitments"))) ?? [],
                       plannedFrom: row.safe("planned_from"), author: row.safe("author"), createdAt: row["created_at"],
                       updatedAt: row["updated_at"], updatedBy: row.safe("updated_by"), version: row["version"] ?? 1)
    }

    static func tableChange(_ row: ColumnRow) -> TableChange {
        TableChange(id: row["id"], kind: TableChange.Kind(rawValue: row["kind"]) ?? .addition, goalId: row.safe("goal_id"),
                    column: GoalColumn(slug: row["goal_column"]) ?? .resultaten, isMitigation: row["is_mitigation"], itemId: row.safe("item_id"),
                    text: row.safe("text"), state: TableChange.State(rawValue: row["state"]) ?? .proposed, decidedBy: row.safe("decided_by"),
                    decidedAt: row["decided_at"], author: row.safe("author"), createdAt: row["created_at"], updatedAt: row["updated_at"],
                    updatedBy: row.safe("updated_by"), version: row["version"] ?? 1)
    }

    static func person(_ row: ColumnRow) -> Person {
        Person(id: row["id"], name: row.safe("name"), initials: row.safe("initials"), organisation: row.safe("organisation"), role: row.safe("role"),
               email: row.safe("email"), login: row.safe("login"), author: row.safe("author"), createdAt: row["created_at"],
               updatedAt: row["updated_at"], updatedBy: row.safe("updated_by"), version: row["version"] ?? 1)
    }

    static func decision(_ row: ColumnRow) -> Decision {
        Decision(id: row["id"], activityId: row.safe("activity_id"), text: row.safe("text"), author: row.safe("author"), createdAt: row["created_at"],
                 updatedAt: row["updated_at"], updatedBy: row.safe("updated_by"), version: row["version"] ?? 1)
    }

    static func action(_ row: ColumnRow) -> ActionItem {
        ActionItem(id: row["id"], activityId: row.safe("activity_id"), text: row.safe("text"), owner: row.safe("owner"),
                   dueDate: row.safe("due_date"), isDone: row["done"], linkedId: row.safe("linked_id"),
                   author: row.safe("author"), createdAt: row["created_at"], updatedAt: row["updated_at"], updatedBy: row.safe("updated_by"),
                   version: row["version"] ?? 1)
    }

    private static func historyEntry(_ row: ColumnRow) -> HistoryEntry {
        HistoryEntry(id: row["id"], at: row["at"], author: row.safe("author"), kind: ReviewRecordKind(rawValue: row["kind"]) ?? .note,
                     recordId: row.safe("record_id"), subjectId: row.safe("subject_id"),
                     change: HistoryEntry.Change(rawValue: row["change"]) ?? .updated, oldValue: row.safe("old_value"), newValue: row.safe("new_value"))
    }
}

extension ReviewDatabase {
    /// The first row of a query, read as `fetch` reads (a NUL inside a text does not end it), or nil.
    static func fetchOne<Record>(_ db: Database, _ sql: String, arguments: StatementArguments = [],
                                 _ decode: (ColumnRow) -> Record) throws -> Record? {
        try fetch(db, sql, arguments: arguments, decode).first
    }

    /// Every row of a query, decoded with the columns' positions worked out once for the query.
    static func fetch<Record>(_ db: Database, _ sql: String, arguments: StatementArguments = [],
                              _ decode: (ColumnRow) -> Record) throws -> [Record] {
        let statement = try db.makeStatement(sql: sql)
        let positions = ColumnRow.positions(of: statement.columnNames)
        var records: [Record] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { records.append(decode(ColumnRow(row, positions: positions, statement: statement.sqliteStatement))) }
        return records
    }
}

/// A row whose columns are found by name through positions worked out once per query, and whose text,
/// numbers and dates are read straight from SQLite while it is the statement's current row. GRDB looks a
/// name up anew for every row (lowercasing it) and decodes through generic metadata: together most of the
/// time it took to load 40,000 notes and history lines. Text read this way keeps every byte: GRDB's own
/// reading ends a text at a NUL inside it, and dropped the rest.
struct ColumnRow {
    private let row: Row
    private let positions: [String: Int]
    /// The statement whose current row this is.
    private let statement: SQLiteStatement

    init(_ row: Row, positions: [String: Int], statement: SQLiteStatement) {
        self.row = row
        self.positions = positions
        self.statement = statement
    }

    static func positions(of names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// As GRDB's own subscript: for an optional `Value`, nil also when the column is missing (an older schema).
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        guard let position = positions[column] else {
            guard let missing = Value.fromDatabaseValue(.null) else { preconditionFailure("no column \(column) in the review database") }
            return missing
        }
        if let value: Value = Self.read(statement, Int32(position)) { return value }
        if Value.self == Date.self || Value.self == Date?.self, let text = row[position] as String?, let date = Self.date(text) {
            return date as? Value ?? row[position]
        }
        return row[position]
    }

    /// Text, integers, booleans and dates as the review stores them; nil leaves anything else to GRDB.
    private static func read<Value>(_ statement: SQLiteStatement, _ index: Int32) -> Value? {
        let isNull = sqlite3_column_type(statement, index) == SQLITE_NULL
        switch Value.self {
        case is String.Type where !isNull: return text(statement, index) as? Value
        case is String?.Type: return (isNull ? String?.none : text(statement, index)) as? Value
        case is Int64.Type where !isNull: return sqlite3_column_int64(statement, index) as? Value
        case is Int.Type where !isNull: return Int(sqlite3_column_int64(statement, index)) as? Value
        case is Int?.Type: return (isNull ? Int?.none : Int(sqlite3_column_int64(statement, index))) as? Value
        case is Bool.Type where !isNull: return (sqlite3_column_int64(statement, index) != 0) as? Value
        case is Bool?.Type: return (isNull ? Bool?.none : sqlite3_column_int64(statement, index) != 0) as? Value
        case is Date.Type where !isNull: return date(bytes(statement, index)) as? Value
        case is Date?.Type where isNull: return Date?.none as? Value
        case is Date?.Type: return date(bytes(statement, index)).map { Date?.some($0) as? Value } ?? nil
        default: return nil
        }
    }

    /// The column's text, every byte of it (a NUL inside does not end it).
    private static func text(_ statement: SQLiteStatement, _ index: Int32) -> String {
        String(decoding: bytes(statement, index), as: UTF8.self)
    }

    private static func bytes(_ statement: SQLiteStatement, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(statement, index), count: Int(sqlite3_column_bytes(statement, index)))
    }

    /// A date as GRDB writes it, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, to the same `Date` GRDB's own reading gives
    /// (the seconds since 2001 plus the milliseconds, as its calendar adds them); nil for any other form.
    static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(date)
    }

    private static let dateSeparators = [(4, "-"), (7, "-"), (10, " "), (13, ":"), (16, ":"), (19, ".")].map { ($0, UInt8(ascii: $1)) }

    /// The same, read from the bytes in place (a large review has tens of thousands of dates to read).
    private static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 23 else { return nil }
        for (position, separator) in dateSeparators where bytes[position] != separator { return nil }
        var valid = true
        let number = { (range: Range<Int>) in
            range.reduce(0) { value, position in
                let digit = Int(bytes[position]) - 48
                if !(0...9).contains(digit) { valid = false }
                return value * 10 + digit
            }
        }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        let (hour, minute, second, millisecond) = (number(11..<13), number(14..<16), number(17..<19), number(20..<23))
        guard valid else { return nil }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let seconds = CivilDay.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millisecond) / 1_000)
    }

    /// Text read back from the database enters the program here: whatever another program (or an older
    /// version) wrote, control characters come out visible, never raw.
    func safe(_ column: String) -> String { SafeText.visible(self[column] as String) }
    func safe(_ column: String) -> String? { (self[column] as String?).map(SafeText.visible) }
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
    /// A copy of the whole database in a new file (readable by its owner only), through SQLite's online backup:
    /// consistent while others keep working.
    public func backup(to target: String) throws {
        guard !FileManager.default.fileExists(atPath: target) else {
            throw ReviewDatabaseFault(path: target, problem: "bestaat al; kies een nieuwe naam voor de reservekopie")
        }
        let descriptor = open(target, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw ReviewDatabaseFault(path: target, problem: "kan niet aangemaakt worden (\(String(cString: strerror(errno))))") }
        close(descriptor)
        let destination = try DatabaseQueue(path: target)
        try writer.backup(to: destination)
        try destination.close()
    }

    /// A backup of the database at `path` without opening it for writing (no migration): through a read-only
    /// connection that sees other writers, so the copy is consistent while they work.
    public static func backup(databaseAt path: String, to target: String) throws {
        let file = try DatabaseFile(path: path, createsDirectory: false)
        guard !file.isNew else { throw ReviewDatabaseFault(path: path, problem: "bestaat niet; er is geen reservekopie gemaakt") }
        var configuration = Configuration()
        configuration.readonly = true
        // In a folder this user may not write SQLite cannot make a -shm: nobody writes there without it.
        let reader = access(file.directory, W_OK) == 0 ? try DatabaseQueue(path: path, configuration: configuration)
            : try file.readOnlyConnection(configuration).queue
        try ReviewDatabase(writer: reader).backup(to: target)
    }

    /// Puts the backup at `backup` back as the database at `path`, page by page into the same file (its mode
    /// and group stay). Refused while any process has the database open: its -wal and -shm would no longer
    /// fit the file, which would then be damaged.
    public static func restore(from backup: String, to path: String) throws {
        let source = try DatabaseFile(path: backup, createsDirectory: false)
        guard !source.isNew else { throw ReviewDatabaseFault(path: backup, problem: "bestaat niet") }
        if let newer = try source.checkedForReading(Configuration()) {
            throw ReviewDatabaseFault(path: backup, problem: "gemaakt door een nieuwere htno-dialoog (\(newer)); niet teruggezet")
        }
        if let user = LockHolder.describe(databaseAt: path, includingReaders: true) {
            throw ReviewDatabaseFault(path: path, problem: "is in gebruik door \(user); sluit eerst elke htno-dialoog (en sqlite3) op deze database af")
        }
        var readOnly = Configuration()
        readOnly.readonly = true
        let from = try source.readOnlyConnection(readOnly).queue
        let target = try DatabaseFile(path: path, createsDirectory: false)
        try target.createIfNew()
        let into = try DatabaseQueue(path: path)
        try from.backup(to: into)
        try into.close()
        try from.close()
    }
}

/// A file as the system knows it, whatever its name: its device and inode.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The device's major and minor numbers, as `/proc/locks` names them (glibc's `major()` and `minor()`,
    /// macros Swift cannot call).
    var major: UInt32 { UInt32(((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)) }
    var minor: UInt32 { UInt32((device & 0xFF) | ((device >> 12) & ~0xFF)) }
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

extension Array {
    /// Takes out the element with this id and puts `replacement` (if any) where the order puts it.
    mutating func replace(id: Int64?, with replacement: Element?, by key: KeyPath<Element, Int64>,
                          ordered areInIncreasingOrder: (Element, Element) -> Bool) {
        removeAll { $0[keyPath: key] == id }
        guard let replacement else { return }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if areInIncreasingOrder(self[middle], replacement) { low = middle + 1 } else { high = middle }
        }
        insert(replacement, at: low)
    }
}
