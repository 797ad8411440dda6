import DialoogModel
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
        try Self.checkKind(of: path)
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
            try PrivateFolder.make(directory)
        } else if !isDirectory.boolValue {
            throw ReviewDatabaseFault(path: path, problem: "\(directory) is geen map")
        } else if access(directory, W_OK) != 0 {
            throw ReviewDatabaseFault(path: path, problem: "kan niet aangemaakt worden: geen schrijfrechten in de map \(directory)")
        }
    }

    /// Only a regular file (or a link to one) is a database: a link to nothing would have its target created
    /// (a planted link), and reading a FIFO or a device would hang on a blank screen.
    private static func checkKind(of path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }  // nothing there: a new database
        if status.st_mode & S_IFMT == S_IFLNK, stat(path, &status) != 0 {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " naar \($0)" } ?? ""
            throw ReviewDatabaseFault(path: path, problem: "is een verwijzing (symbolische link)\(target) die nergens heen wijst; er is niets aangemaakt")
        }
        let kind: String? = switch status.st_mode & S_IFMT {
        case S_IFIFO: "een FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "een apparaat"
        case S_IFSOCK: "een socket"
        default: nil
        }
        if let kind { throw ReviewDatabaseFault(path: path, problem: "is \(kind), geen databasebestand") }
    }

    private var corrupt: ReviewDatabaseFault {
        ReviewDatabaseFault(path: path, problem: "is beschadigd (geen geldige SQLite-database); er is niets aan veranderd. "
            + "Zet een reservekopie terug (htno-dialoog restore BESTAND) of kies een ander bestand met --db")
    }

    /// A non-empty file must start with SQLite's 100-byte header.
    private func checkHeader() throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        guard header.isEmpty || (header.count == 100 && header.starts(with: Array("SQLite format 3\0".utf8))) else { throw corrupt }
    }

    /// Opens the existing file read-only: throws when it is corrupt; returns why its schema is newer than this
    /// build's, or nil. Leaves nothing behind (no -wal or -shm).
    func checkedForReading(_ configuration: Configuration) throws -> String? {
        let reader = try readOnlyConnection(configuration)
        do {
            defer { try? reader.queue.close() }
            return try Self.check(reader.queue) ?? { throw corrupt }()
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw corrupt
        } catch let fault as ReviewDatabaseFault where reader.isSnapshot {
            // Opened immutable, a colleague who began writing meanwhile looks like damage: the verdict is only
            // taken from a connection that sees writers.
            var plain = configuration
            plain.readonly = true
            guard let queue = try? DatabaseQueue(path: path, configuration: plain) else { throw fault }
            defer { try? queue.close() }
            guard let verdict = try? Self.check(queue) else { throw fault }
            return try verdict ?? { throw fault }()
        }
    }

    /// nil when the file is damaged; else why its schema is newer than this build's (or nil inside: fine).
    private static func check(_ queue: DatabaseQueue) throws -> String?? {
        try queue.read { db in
            guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] else { return nil }
            return .some(try ReviewSchema.newerSchemaReason(db))
        }
    }

    /// A connection that reads and creates nothing. While the -shm file is there (someone has the database
    /// open) SQLite reads through it; without it, reading a WAL database would make one, which a folder one may
    /// not write forbids and --read-only must not do: then nobody has it open, and it is opened immutable, as it
    /// is now (`isSnapshot`: it is not read again, for a later writer would change it under the connection).
    func readOnlyConnection(_ configuration: Configuration) throws -> (queue: DatabaseQueue, isSnapshot: Bool) {
        var configuration = configuration
        configuration.readonly = true
        // Committed pages still in a -wal file would be skipped by an immutable open: read through SQLite then.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        if FileManager.default.fileExists(atPath: path + "-shm") || walSize > 0 || !isInWALMode {
            return (try DatabaseQueue(path: path, configuration: configuration), false)
        }
        // Debian's SQLite reads URI file names (SQLITE_USE_URI); the path is escaped as a URI's path.
        let uriPath = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))) ?? path
        return (try DatabaseQueue(path: "file:\(uriPath)?immutable=1", configuration: configuration), true)
    }

    /// Bytes 18 and 19 of the header are 2 in WAL mode.
    private var isInWALMode: Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 20)) ?? Data()
        return header.count == 20 && header[18] == 2 && header[19] == 2
    }

    /// Why this process cannot write the database (SQLite also needs the folder, for the -wal and -shm files).
    var missingWritePermission: String? {
        if access(directory, W_OK) != 0 {
            return "de map \(directory) is niet schrijfbaar (SQLite heeft er het -wal-bestand nodig); vraag de beheerder om scripts/shared-db"
        }
        if !isNew, access(path, W_OK) != 0 { return "geen schrijfrechten op het bestand; vraag de beheerder om scripts/shared-db" }
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
                guard Date().timeIntervalSince(start) < BusyWaiting.openingPatience else {
                    throw ReviewDatabaseFault(path: path, problem: "de database is al een minuut bezet door een ander proces")
                }
                usleep(50_000)
            }
        }
    }
}

/// Waits while another process holds the database, and lets the UI say so ("wachten op de database…")
/// once the wait is longer than a moment. Opening waits up to a minute; once open, a save waits a few
/// seconds and then gives up (the form stays, with who holds the database), or at once when the user
/// gives up (Esc) or a signal arrives.
public final class BusyWaiting: Sendable {
    static let openingPatience: TimeInterval = 60
    static let savingPatience: TimeInterval = 5
    private static let retryInterval: useconds_t = 20_000
    private static let triesBeforeNotice = 10
    private let handler = Mutex<(@Sendable () -> Void)?>(nil)
    private let givesUp = Mutex<(@Sendable () -> Bool)?>(nil)
    private let patience = Mutex(openingPatience)
    private let isGivenUp = Mutex(false)
    private let isImpatient = Mutex(false)

    public init() {}

    /// `handler` is called when a wait begins to be noticeable, on the thread that waits (GRDB's writer
    /// queue) while the main thread is blocked in that same write: the handler may draw.
    public func onWait(_ handler: @escaping @Sendable () -> Void) { self.handler.set(handler) }

    /// `check` is asked over and over while waiting (on the waiting thread, as `onWait`): true ends the wait.
    public func givingUpWhen(_ check: @escaping @Sendable () -> Bool) { givesUp.set(check) }

    func notify() { handler.get()?() }

    /// From now on a wait is a save's: a few seconds.
    func databaseIsOpen() { patience.set(Self.savingPatience) }

    /// Whether the last wait ended because the user gave up (not because it took too long).
    var wasGivenUp: Bool { isGivenUp.get() }

    /// Runs `body` giving up at once on a lock: for a write nobody waits for (the time of this visit).
    func withoutWaiting<T>(_ body: () throws -> T) rethrows -> T {
        isImpatient.set(true)
        defer { isImpatient.set(false) }
        return try body()
    }

    var callback: Database.BusyCallback {
        { [self] tries in
            if tries == 0 { isGivenUp.set(false) }
            if isImpatient.get() { return false }
            if tries == Self.triesBeforeNotice { notify() }
            // Asked only once the wait shows (a colleague's save is usually over before that).
            if tries >= Self.triesBeforeNotice, givesUp.get()?() == true {
                isGivenUp.set(true)
                return false
            }
            usleep(Self.retryInterval)
            return Double(tries) * Double(Self.retryInterval) / 1_000_000 < patience.get()
        }
    }
}

/// Who holds a lock on a database file, from the kernel's list of locks (Linux `/proc/locks`): SQLite
/// locks the database file, or in WAL mode its `-shm` file, with POSIX locks that name their process.
enum LockHolder {
    /// "sqlite3 (proces 4711 van anna)", or nil when no other process's write lock is found; with
    /// `includingReaders` any lock, so any process that has the database open (SQLite holds a read lock on the
    /// -shm file as long as a connection is open).
    static func describe(databaseAt path: String, includingReaders: Bool = false) -> String? {
        let files = [path, path + "-shm", path + "-wal"].compactMap(FileIdentity.init)
        guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        for line in locks.split(separator: "\n") {
            // "12: POSIX  ADVISORY  WRITE 4711 fd:01:393260 120 120"; a waiter's line has "->" after the number.
            let fields = line.split(separator: " ")
            // The file as "major:minor:inode", the device numbers in hexadecimal.
            let file = fields.count >= 6 ? fields[5].split(separator: ":") : []
            guard fields.count >= 6, fields[1] != "->", includingReaders || fields[3] == "WRITE", let pid = Int32(fields[4]), pid > 0, pid != getpid(),
                  file.count == 3, let major = UInt32(file[0], radix: 16), let minor = UInt32(file[1], radix: 16), let inode = UInt64(file[2]),
                  files.contains(where: { $0.major == major && $0.minor == minor && $0.inode == inode }) else { continue }
            return process(pid)
        }
        return nil
    }

    private static func process(_ pid: Int32) -> String {
        let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        var status = stat()
        let user = stat("/proc/\(pid)", &status) == 0 ? getpwuid(status.st_uid).map { String(cString: $0.pointee.pw_name) } : nil
        return "\(name.map(SafeText.visible) ?? "een proces") (proces \(pid)\(user.map { " van \($0)" } ?? ""))"
    }
}
