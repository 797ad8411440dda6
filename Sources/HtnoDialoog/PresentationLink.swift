import DialoogUI
import Foundation

/// The projector and the speaker view of one presentation find each other through a Unix-domain socket
/// in the user's runtime folder (only that user can reach it). The projector listens and tells every
/// speaker view where it is; a speaker view sends the keys pressed there. One line per message.
enum PresentationLink {
    case projector(ProjectorSocket)
    case speaker(SpeakerSocket)

    /// Passes keys and state between the app and the other side; true when the screen must be redrawn.
    func exchange(with app: inout App, told: inout PresenterState?) -> Bool {
        switch self {
        case .projector(let socket):
            // Keys only from speaker views of the deck on the screen; none while browsing.
            let keys = app.presenter.map { socket.takeKeys(for: DeckIdentity($0.deck)) } ?? socket.takeKeys(for: nil)
            for key in keys {
                for case .tellSpeakerViews(let hint) in app.handleRemote(key) { socket.broadcast(SpeakerHint(text: hint).line) }
            }
            app.noteSpeakerViews(socket.speakerViewCount)
            // After Esc the speaker views hear that the talk is off, not the last slide again and again.
            let state = app.presenterState ?? told.map { last in
                var browsing = last
                browsing.isPresenting = false
                return browsing
            }
            if let state, state != told {
                socket.tell(state)
                told = state
            }
            return !keys.isEmpty
        case .speaker(let socket):
            guard let change = socket.takeChange() else { return false }
            app.followProjector(change.state, connected: change.connected)
            if let hint = change.hint { app.show(hint) }
            return true
        }
    }

    /// The projector's socket of a session, or nil when it cannot be had (another projector has it, no runtime
    /// folder): the talk goes on without a speaker view.
    static func projector(session: String) -> ProjectorSocket? {
        guard let path = try? socketPath(session: session, environment: ProcessInfo.processInfo.environment) else { return nil }
        return try? ProjectorSocket(path: path)
    }

    /// A key pressed in the speaker view, to the projector.
    func send(_ key: RemoteKey) {
        if case .speaker(let socket) = self { socket.send(key) }
    }

    /// A hint for the presenter (a key that did nothing), to the speaker views.
    func tellSpeakerViews(_ hint: String) {
        if case .projector(let socket) = self { socket.broadcast(SpeakerHint(text: hint).line) }
    }

    /// `$XDG_RUNTIME_DIR/htno-dialoog/presentatie-SESSION.sock` (or a private folder in /tmp). The folder
    /// must be this user's own and closed to others; a failure is one Dutch line.
    static func socketPath(session: String, environment: [String: String]) throws(ValidationFailure) -> String {
        let base = environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp/htno-dialoog-\(getuid())"
        for folder in [base, base + "/htno-dialoog"] {
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw ValidationFailure(message: "\(folder): kan de map voor de presentatiesocket niet maken (\(String(cString: strerror(errno))))")
            }
            var status = stat()
            guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid(),
                  status.st_mode & 0o077 == 0 || folder == base && environment["XDG_RUNTIME_DIR"] != nil else {
                throw ValidationFailure(message: "\(folder): niet een eigen, afgesloten map van deze gebruiker; geen presentatiesocket")
            }
        }
        // Short and safe: the socket address holds about 100 bytes.
        let name = String(session.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(40))
        let path = "\(base)/htno-dialoog/presentatie-\(name).sock"
        guard path.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
            throw ValidationFailure(message: "\(path): te lang voor een socket; kies een kortere --session")
        }
        return path
    }

    /// The state file beside the socket: where the talk was, so a projector that starts again (a crash, a closed
    /// window) goes on at the same slide with the same clock.
    static func statePath(besides socketPath: String) -> String {
        (socketPath.hasSuffix(".sock") ? String(socketPath.dropLast(5)) : socketPath) + ".toestand"
    }

    /// Written whole or not at all (a new file put in place).
    static func keep(_ state: PresenterState, besides socketPath: String) {
        let path = statePath(besides: socketPath)
        try? Data((state.line + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Where the last talk of this session was, when it is the same deck and no older than `maximumAge`
    /// (a talk from yesterday starts at the beginning); nil otherwise.
    static func resumableState(besides socketPath: String, deck: DeckIdentity, now: Date = Date(),
                               maximumAge: TimeInterval = 6 * 3600) -> PresenterState? {
        let path = statePath(besides: socketPath)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let state = PresenterState(line: text.trimmingCharacters(in: .newlines)), state.deck == deck,
              let written = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
              now.timeIntervalSince(written) < maximumAge else { return nil }
        return state
    }

    /// A socket address for `path`, handed to `body` as the C calls want it.
    static func withAddress<Result>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1)) + [0]
            raw.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    static func connect(to path: String) -> Int32? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        guard withAddress(path, { Glibc.connect(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// Sends one line without ever waiting (a stalled or suspended reader must not stop the sender) and
    /// without SIGPIPE; false when the line could not go, and the other side is then dropped.
    @discardableResult
    static func send(_ line: String, to descriptor: Int32) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// A line longer than this is no message of ours (a key or a state is a few hundred bytes): the other side
    /// is dropped rather than its bytes kept without end.
    static let longestLine = 65_536

    /// Reads lines until the other side closes or sends a line over `longestLine`; calls `line` for each. Each
    /// byte is looked at once: searching the whole pending text for a newline on every read made a client
    /// that sends none keep the projector at full CPU.
    static func readLines(from descriptor: Int32, _ line: (String) -> Void) {
        var pending: [UInt8] = []
        var searched = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            pending += buffer[0..<count]
            while let end = pending[searched...].firstIndex(of: 0x0A) {
                line(String(decoding: pending[..<end], as: UTF8.self))
                pending.removeSubrange(...end)
                searched = 0
            }
            searched = pending.count
            guard pending.count <= longestLine else { return }
        }
    }
}

/// The projector's side: listens, takes keys from speaker views, tells them its state.
final class ProjectorSocket: @unchecked Sendable {
    private let path: String
    private let listener: Int32
    private let lock = NSLock()
    private var clients: [Int32] = []
    /// The deck each speaker view said it has; keys of a view that said none or another deck are refused.
    private var decks: [Int32: DeckIdentity] = [:]
    private var keys: [(deck: DeckIdentity?, key: RemoteKey)] = []
    private var lastState: String?

    /// Fails with one Dutch line when another projector already presents in this session.
    init(path: String) throws {
        if let other = PresentationLink.connect(to: path) {
            close(other)
            throw ValidationFailure(message: "er loopt al een presentatie in deze sessie (\(path)); kies een andere --session of start met --speaker")
        }
        unlink(path)  // left by a projector that is gone
        let listening = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        // Only this user may connect: the socket is made without rights for others.
        let mask = umask(0o177)
        let bound = listening >= 0 && PresentationLink.withAddress(path, { bind(listening, $0, $1) }) == 0 && listen(listening, 8) == 0
        let failure = errno
        umask(mask)
        guard bound else {
            if listening >= 0 { close(listening) }
            throw ValidationFailure(message: "\(path): kan de presentatiesocket niet openen (\(String(cString: strerror(failure))))")
        }
        listener = listening
        self.path = path
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops listening and removes the socket file; speaker views notice the projector is gone. A talk ended
    /// on purpose (q) also forgets where it was, so the next start begins at the first slide; after a signal (a
    /// closed window, a crash) the state stays for a projector started again.
    func shutDown(endedOnPurpose: Bool) {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        unlink(path)
        if endedOnPurpose { unlink(PresentationLink.statePath(besides: path)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                // Interrupted or a client that gave up: go on; out of descriptors: wait a little; closed: stop.
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: Thread.sleep(forTimeInterval: 0.5); continue
                default: return
                }
            }
            lock.withLock {
                clients.append(client)
                if let lastState { PresentationLink.send(lastState, to: client) }
            }
            Thread.detachNewThread { [self] in
                PresentationLink.readLines(from: client) { line in
                    if let key = RemoteKey(line: line) { lock.withLock { keys.append((decks[client], key)) } }
                    if let hello = SpeakerHello(line: line) { lock.withLock { decks[client] = hello.deck } }
                }
                lock.withLock {
                    clients.removeAll { $0 == client }
                    decks[client] = nil
                }
                close(client)
            }
        }
    }

    /// The keys speaker views of `deck` sent since the last call; those of other views (or of any, when `deck`
    /// is nil: no talk on the screen) are dropped.
    func takeKeys(for deck: DeckIdentity?) -> [RemoteKey] {
        lock.withLock {
            defer { keys = [] }
            return keys.filter { deck != nil && $0.deck == deck }.map(\.key)
        }
    }

    /// How many speaker views of any deck are connected.
    var speakerViewCount: Int { lock.withLock { clients.count } }

    /// One line to every speaker view now (not kept for those that connect later).
    func broadcast(_ line: String) {
        lock.withLock {
            for client in clients where !PresentationLink.send(line, to: client) { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }

    /// Tells every speaker view (and those that connect later) where the projector is, and keeps it in the
    /// session's state file, for a projector that starts again.
    func tell(_ state: PresenterState) {
        if state.isPresenting { PresentationLink.keep(state, besides: path) }
        lock.withLock {
            lastState = state.line
            // A speaker view that cannot take a line (gone, or stalled) is let go; it connects again when it can.
            for client in clients where !PresentationLink.send(state.line, to: client) { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }
}

/// The speaker view's side: connects (again and again while there is no projector), sends keys, keeps
/// the last state the projector told.
final class SpeakerSocket: @unchecked Sendable {
    private let path: String
    private var hello: SpeakerHello
    private let lock = NSLock()
    private var descriptor: Int32?
    private var state: PresenterState?
    private var hint: String?
    private var changed = true

    init(path: String, deck: DeckIdentity) {
        self.path = path
        hello = SpeakerHello(deck: deck)
        Thread.detachNewThread { [self] in connectLoop() }
    }

    private func connectLoop() {
        while true {
            guard let connected = PresentationLink.connect(to: path) else {
                Thread.sleep(forTimeInterval: 0.3)
                continue
            }
            lock.withLock {
                descriptor = connected
                changed = true
                // First which deck this view has: the projector takes keys only from a view of its own deck.
                PresentationLink.send(hello.line, to: connected)
            }
            PresentationLink.readLines(from: connected) { line in
                if let told = PresenterState(line: line) {
                    lock.withLock {
                        state = told
                        changed = true
                    }
                } else if let said = SpeakerHint(line: line) {
                    lock.withLock {
                        hint = said.text
                        changed = true
                    }
                }
            }
            lock.withLock {
                descriptor = nil
                changed = true
            }
            close(connected)
        }
    }

    func send(_ key: RemoteKey) {
        lock.withLock {
            if let descriptor { PresentationLink.send(key.line, to: descriptor) }
        }
    }

    /// The deck file was edited here: the projector hears the new deck, and the last state is judged again.
    func update(deck: DeckIdentity) {
        lock.withLock {
            hello = SpeakerHello(deck: deck)
            if let descriptor { PresentationLink.send(hello.line, to: descriptor) }
            changed = true
        }
    }

    /// What changed since the last call: the projector's state, whether it is there and a hint it sent; nil
    /// when nothing did.
    func takeChange() -> (state: PresenterState?, connected: Bool, hint: String?)? {
        lock.withLock {
            guard changed else { return nil }
            defer { (changed, hint) = (false, nil) }
            return (state, descriptor != nil, hint)
        }
    }
}
