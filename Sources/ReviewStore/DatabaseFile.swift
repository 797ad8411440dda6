import Foundation
import GRDB

/// A review database that cannot be used, in one Dutch line. The file is left as it was.
public struct ReviewDatabaseFault: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String { "\(path): \(problem)" }
}

/// The database file before SQLite opens it for writing: where it is, whether it is new, and whether it is
/// fit to be written. Opening a corrupt file read-write would let SQLite change its header (WAL mode), so
/// every check here reads only.
struct DatabaseFile {
    let path: String
    let directory: String
    let isNew: Bool

    init(path: String, createsDirectory: Bool) throws {
        self.path = path
        directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw ReviewDatabaseFault(path: path, problem: "is een map, geen databasebestand") }
            isNew = false
            try checkHeader()
            return
        }
        isNew = true
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard createsDirectory else {
                throw ReviewDatabaseFault(path: path, problem: "de map \(directory) bestaat niet; maak hem eerst aan of kies een ander --db")
            }
            // The default place is the user's own: private whatever the umask (a shared one is made by scripts/shared-db).
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } else if !isDirectory.boolValue {
            throw ReviewDatabaseFault(path: path, problem: "\(directory) is geen map")
        } else if access(directory, W_OK) != 0 {
            throw ReviewDatabaseFault(path: path, problem: "kan niet aangemaakt worden: geen schrijfrechten in de map \(directory)")
        }
    }

    private var corrupt: ReviewDatabaseFault {
        ReviewDatabaseFault(path: path, problem: "is beschadigd (geen geldige SQLite-database); er is niets aan veranderd. "
            + "Zet een reservekopie terug of kies een ander bestand met --db")
    }

    /// A non-empty file must start with SQLite's 100-byte header.
    private func checkHeader() throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        guard header.isEmpty || (header.count == 100 && header.starts(with: Array("SQLite format 3\0".utf8))) else { throw corrupt }
    }

    /// Opens the existing file read-only: throws when it is corrupt; returns why its schema is newer than this
    /// build's, or nil.
    func checkedForReading(_ configuration: Configuration) throws -> String? {
        var configuration = configuration
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] else { throw corrupt }
                return try ReviewSchema.newerSchemaReason(db)
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw corrupt
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            // Reading a WAL database needs its -shm file, which only someone who may write the folder can make.
            throw ReviewDatabaseFault(path: path, problem: "kan niet gelezen worden: het -shm-bestand ontbreekt en de map "
                + "\(directory) is niet schrijfbaar; open het eenmaal als iemand die daar mag schrijven")
        }
    }

    /// Why this process cannot write the database (SQLite also needs the folder, for the -wal and -shm files).
    var missingWritePermission: String? {
        if !isNew, access(path, W_OK) != 0 { return "geen schrijfrechten op het bestand" }
        if access(directory, W_OK) != 0 { return "geen schrijfrechten in de map \(directory) (nodig voor het -wal-bestand)" }
        return nil
    }

    /// Creates a new file: in a folder its group may write (a shared review folder, `scripts/shared-db`) group-
    /// writable, anywhere else readable by its owner only, whatever the umask; SQLite gives the -wal and -shm
    /// files the same mode. Private by default: with umask 022 a colleague could read the notes.
    func createIfNew() throws {
        guard isNew else { return }
        let folderMode = ((try? FileManager.default.attributesOfItem(atPath: directory))?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0
        let mode: mode_t = folderMode & 0o020 != 0 ? 0o660 : 0o600
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, mode)
        guard descriptor >= 0 else { return }  // another instance created it a moment ago: fine
        fchmod(descriptor, mode)
        close(descriptor)
    }

    /// Runs `body` again while another process holds a lock it needs (opening and migrating take locks the
    /// busy handler does not always cover); gives up after a minute with a clear line.
    func retryingWhileBusy<T>(_ waiting: BusyWaiting, _ body: () throws -> T) throws -> T {
        let start = Date()
        var told = false
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                if !told { waiting.notify() }
                told = true
                guard Date().timeIntervalSince(start) < BusyWaiting.patience else {
                    throw ReviewDatabaseFault(path: path, problem: "de database is al een minuut bezet door een ander proces")
                }
                usleep(50_000)
            }
        }
    }
}

/// Waits while another process holds the database, and lets the UI say so ("wachten op de database…")
/// once the wait is longer than a moment. Never gives up within `patience`.
public final class BusyWaiting: Sendable {
    static let patience: TimeInterval = 60
    private static let retryInterval: useconds_t = 20_000
    private static let triesBeforeNotice = 10
    private let handler = Mutex<(@Sendable () -> Void)?>(nil)

    public init() {}

    /// `handler` is called when a wait begins to be noticeable, on the thread that waits (GRDB's writer
    /// queue) while the main thread is blocked in that same write: the handler may draw.
    public func onWait(_ handler: @escaping @Sendable () -> Void) { self.handler.set(handler) }

    func notify() { handler.get()?() }

    var callback: Database.BusyCallback {
        { [self] tries in
            if tries == Self.triesBeforeNotice { notify() }
            usleep(Self.retryInterval)
            return Double(tries) * Double(Self.retryInterval) / 1_000_000 < Self.patience
        }
    }
}
