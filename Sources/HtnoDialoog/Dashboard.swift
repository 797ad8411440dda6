import Foundation
import DialoogModel
import DialoogUI
import NCursesBackend
import ReviewStore

/// The very first start of this Unix user: a marker in the private state folder says it has been.
enum FirstStart {
    /// True once: the first time it is asked on this account (when the marker can be written).
    static func isNow() -> Bool {
        let folder = DraftStore.folder(environment: ProcessInfo.processInfo.environment)
        let marker = folder + "/welkom-gezien"
        guard !FileManager.default.fileExists(atPath: marker) else { return false }
        try? PrivateFolder.make(folder)
        return FileManager.default.createFile(atPath: marker, contents: Data(), attributes: [.posixPermissions: 0o600])
    }
}

/// The interactive loop: keys from the terminal into the app, frames from the app to the terminal.
enum Dashboard {

    /// How the dashboard looks and listens, from flags and config.yaml.
    struct Options {
        let themeName: String
        let forceASCII: Bool
        let usesMouse: Bool
        let showsPreview: Bool
        let keymap: Keymap
        let readerMode: Bool
        /// config.yaml `herinneringen`: the greeting at start.
        var remindsAtStart = true
    }

    /// Runs until the user quits or a signal arrives; returns the process exit code.
    static func run(dataset: Dataset, options: Options, warnings: [String], review: ReviewSession?,
                    busyWaiting: BusyWaiting, presenting: Presenter?, link: PresentationLink?, watcher: DeckWatcher? = nil) throws -> Int32 {
        let themeName = options.themeName
        let (theme, themeWarning) = Resources.theme(named: themeName)
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, environment: ProcessInfo.processInfo.environment, mouse: options.usesMouse)
        } catch {
            throw ValidationFailure(message: error.description)
        }
        defer { terminal.restore() }
        // A busy database blocks the loop; say so on the screen (the main thread is waiting meanwhile).
        nonisolated(unsafe) let noticeTerminal = terminal
        busyWaiting.onWait { noticeTerminal.showNotice("wachten op de database… (een ander proces schrijft; Esc breekt af)") }
        busyWaiting.givingUpWhen { noticeTerminal.isWaitGivenUp() }
        // Said once: why the screen is plain ASCII.
        let asciiReason = terminal.isUTF8 ? nil
            : "De taalinstelling is geen UTF-8 (\(ProcessInfo.processInfo.environment["LANG"].map { "LANG=\($0)" } ?? "LANG niet gezet")): "
                + "letters zonder accenten en kaders in ASCII; met LANG=C.UTF-8 of nl_NL.UTF-8 ziet u alles"
        let messages = warnings + [themeWarning, asciiReason].compactMap { $0 }
        var app = App(dataset: dataset, glyphs: options.forceASCII || !terminal.isUTF8 ? .ascii : .unicode,
                      startupMessage: messages.isEmpty ? nil : messages.joined(separator: " · "), review: review,
                      themes: Resources.themeNames(), themeName: themeName, presenting: presenting, keymap: options.keymap,
                      showsPreview: options.showsPreview, readerMode: options.readerMode, remindsAtStart: options.remindsAtStart,
                      welcomes: FirstStart.isNow())
        terminal.showsFocus = options.readerMode
        terminal.drawsASCIIMarks = options.forceASCII
        app.resize(width: terminal.size.width, height: terminal.size.height)
        terminal.draw(app.render())
        app.buildSearchIndex()
        app.prepareChangesList()
        var needsFrame = false
        var toldState: PresenterState?
        // A talk started with p while browsing takes a speaker view too: its session is the deck's name.
        var link = link
        var ownLink: (session: String, socket: ProjectorSocket)?
        // Sessions another projector holds: not tried again on every key.
        var takenSessions: Set<String> = []
        // A talk started with p is not resumed by a later `present`: its state goes with it.
        defer { ownLink?.socket.shutDown(endedOnPurpose: true) }
        // A presentation link makes the loop wake often; the idle work still runs about once a second.
        var lastIdleWork = Date.distantPast
        while app.isRunning {
            if link?.exchange(with: &app, told: &toldState) == true { needsFrame = true }
            let signal = terminal.takePendingSignal()
            if signal == SIGINT, app.interrupt() {
                terminal.draw(app.render())
                continue
            }
            if signal != 0 {
                // SIGHUP (a dropped connection), SIGTERM, SIGQUIT: keep what was typed as a draft, then go;
                // when the database cannot take it, in a file as the last resort.
                // Drafts kept for this run only (the state folder could not be written) are no keeping.
                let isKept = app.saveDraft() && (review?.repository as? ReviewDatabase)?.drafts.isPersistent == true
                // What is said from here on must still be on the screen once the full screen is gone.
                terminal.restore()
                if !isKept, let text = app.unsavedText { LostTextFile.keep(text) }
                return 128 + signal
            }
            // Wait briefly while a frame is pending (the terminal may answer any moment) or the other side of a
            // presentation may speak, else up to a second.
            guard var key = terminal.readKey(timeoutMilliseconds: needsFrame ? 20 : (link == nil && watcher == nil ? -1 : 50)) else {
                // Idle: keep typed text as a draft after a pause; pick up what another instance on the same
                // database wrote; advance an unattended deck.
                if link == nil && watcher == nil || Date().timeIntervalSince(lastIdleWork) >= 0.9 {
                    lastIdleWork = Date()
                    app.saveDraft()
                    if app.refreshIfChanged() { needsFrame = true }
                    if let change = watcher?.change() { needsFrame = reload(change, into: &app, link: link) || needsFrame }
                }
                if app.tick(now: Date()) { needsFrame = true }
                if needsFrame && terminal.isReadyForFrame {
                    terminal.draw(app.render())
                    needsFrame = false
                }
                continue
            }
            // Handle every key already waiting, then draw once, and only when the terminal has taken the
            // last frame: a key held down on a slow link must not queue up a backlog of frames.
            // What a key that waited said (a busy database): the keys typed during the wait must not wipe it.
            var saidDuringWait: String?
            while true {
                let hadKeptKeys = terminal.hasKeptKeys
                defer { if !hadKeptKeys, terminal.hasKeptKeys { saidDuringWait = app.statusMessage } }
                for effect in apply(key, to: &app, terminal: terminal) {
                    switch effect {
                    case .setTheme(let name):
                        let (newTheme, warning) = Resources.theme(named: name)
                        terminal.apply(newTheme)
                        if let warning { app.show(warning) }
                    case .saveTheme(let name): app.show(UserConfig.save(theme: name))
                    case .sendToProjector(let remote): link?.send(remote)
                    case .tellSpeakerViews(let hint): link?.tellSpeakerViews(hint)
                    case .quit, .review, .export: break  // quitting ends the loop; App ran the rest
                    }
                }
                guard app.isRunning, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
                key = next
            }
            if let saidDuringWait, app.statusMessage == nil { app.show(saidDuringWait) }
            // Each deck p presents has its own session: a speaker view of that deck finds it.
            if let presenter = app.presenter, !presenter.isSpeakerView, link == nil || ownLink != nil,
               ownLink?.session != presenter.deck.name, !takenSessions.contains(presenter.deck.name) {
                ownLink?.socket.shutDown(endedOnPurpose: true)
                (ownLink, link, toldState) = (nil, nil, nil)
                if let socket = PresentationLink.projector(session: presenter.deck.name) {
                    ownLink = (presenter.deck.name, socket)
                    link = .projector(socket)
                } else {
                    takenSessions.insert(presenter.deck.name)
                }
            }
            _ = link?.exchange(with: &app, told: &toldState)
            needsFrame = app.isRunning
            if needsFrame && terminal.isReadyForFrame {
                terminal.draw(app.render())
                needsFrame = false
            }
        }
        return 0
    }

    /// An edited deck comes up on the same slide; a broken one stays off the projector, and the speaker views
    /// (or, without one, the presenter's own footer) say why in one line. True when the screen must be drawn.
    private static func reload(_ change: Result<Deck, DataError>, into app: inout App, link: PresentationLink?) -> Bool {
        switch change {
        case .success(let deck):
            app.replaceDeck(with: deck)
            if case .speaker(let socket)? = link { socket.update(deck: DeckIdentity(deck)) }
            return true
        case .failure(let error):
            let line = "Deck niet opnieuw geladen, het vorige blijft: \(error.description)"
            if case .projector? = link, app.speakerViewCount > 0 { link?.tellSpeakerViews(line) } else { app.show(line) }
            return true
        }
    }

    /// The key, after what it means to the terminal itself; returns what the loop must do for it.
    private static func apply(_ key: Key, to app: inout App, terminal: Terminal) -> [AppEffect] {
        switch key {
        case .resize:
            app.resize(width: terminal.size.width, height: terminal.size.height)
            terminal.invalidate()
        case _ where app.isRedraw(key):
            terminal.invalidate()
        default:
            break
        }
        return app.handle(key)
    }
}
