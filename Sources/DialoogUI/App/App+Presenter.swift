import DialoogModel
import Foundation

/// Presenter mode and the theme key.
extension AppModel {
    /// `p`: presents the deck that fits what is selected, from that slide on.
    mutating func startPresenter() {
        guard let location = topScreen.focusedLocation(in: context) else {
            presenter = Presenter(deck: .goals(context.acceptedDataset))
            return
        }
        guard let shown = location.presentation(in: context.acceptedDataset, review: context.review) else {
            message = "Hier is geen dia: \(keymap.key(for: .present)) presenteert doelen, kolommen, regio's, maanden, thema's, overleggen, "
                + "tabellen en cijfers; "
                + "een deck als htno-middag met htno-dialoog present --deck"
            return
        }
        presenter = Presenter(deck: shown.deck, startingAt: shown.slide)
        hasChosenThemeInTalk = false
    }

    mutating func handlePresenter(_ key: Key) {
        guard var current = presenter else { return }
        let pages = slidePages
        let command = keymap.command(for: key, in: .presenting) ?? Self.slideCommand(for: key)
        if command == .nextTheme {
            cycleTheme()
            return
        }
        if current.isSpeakerView, current.overview != nil || command == .slideOverview {
            // The list of slides is the speaker view's own; the slide chosen goes to the projector as `nG`.
            let labels = current.labels(dataset: context.acceptedDataset, glyphs: context.glyphs)
            let target = current.chooseInOverview(key, command: command, labels: labels)
            presenter = current
            if let target {
                for digit in String(target + 1) { emit(.sendToProjector(RemoteKey(command: nil, key: .character(digit)))) }
                emit(.sendToProjector(RemoteKey(command: .lastSlide, key: .character("G"))))
            }
            return
        }
        if current.isSpeakerView {
            // The speaker view steers the projector; only quitting and the theme stay here.
            // A click or the wheel goes as the key that means the same: the projector reads keys, not mice.
            let sent: Key = if case .mouse = key { command == .previousSlide ? .left : .character(" ") } else { key }
            if command == .quit {
                quit()
            } else if let reason = projectorNotice ?? (projectorConnected ? nil : "er is nog geen beamer") {
                message = "Toetsen gaan nu niet naar de beamer: " + reason.prefix(1).lowercased() + reason.dropFirst()
            } else if command != .redraw {
                emit(.sendToProjector(RemoteKey(command: command, key: sent)))
            }
            return
        }
        // One Esc in a talk started with `present` asks first: a clicker's stray Esc must not end it.
        let isSecondLeave = isLeavingTalk
        isLeavingTalk = false
        let (dataset, glyphs, before) = (context.acceptedDataset, context.glyphs, current)
        switch current.handle(command, key: key, pages: pages, labels: { before.labels(dataset: dataset, glyphs: glyphs) }) {
        case .leave where asksBeforeLeavingTalk && !isSecondLeave:
            isLeavingTalk = true
            message = "Nog eens \(keymap.key(for: .leavePresenter)) verlaat de presentatie"
        case .handled:
            presenter = current
        case .unknown:
            let keys = [(CommandID.nextSlide, "volgende"), (.previousSlide, "vorige"), (.blankScreen, "zwart"), (.leavePresenter, "terug")]
                .map { "\(keymap.key(for: $0.0)) \($0.1)" }
            tellPresenter("Toets \(key.displayName) doet niets in de presentatie: " + keys.joined(separator: ", "))
        case .said(let hint):
            presenter = current
            tellPresenter(hint)
        case .leave:
            presenter = nil
            asksBeforeLeavingTalk = false
            if let location = current.slide.location(in: context.acceptedDataset) { jump(to: location) }
            offerNextDraft()
        case .quit:
            quit()
        }
    }

    /// A key from the speaker view, carried out as if pressed here (quitting and leaving stay with the projector).
    public mutating func handleRemote(_ remote: RemoteKey) {
        guard var current = presenter, !current.isSpeakerView, remote.command != .quit, remote.command != .leavePresenter else { return }
        let pages = slidePages
        current.closeOverview()
        switch current.handle(remote.command, key: remote.key, pages: pages) {
        case .handled: presenter = current
        case .said(let hint):
            presenter = current
            emit(.tellSpeakerViews(hint))
        case .leave, .quit, .unknown: break
        }
    }

    /// A hint for the presenter's eyes, not the audience's: to the speaker views when there are any.
    private mutating func tellPresenter(_ hint: String) {
        if speakerViewCount > 0 { emit(.tellSpeakerViews(hint)) } else { message = hint }
    }

    /// The projector's state for its speaker views, with how many pages the slide takes at this size.
    var presenterState: PresenterState? {
        guard let presenter else { return nil }
        var state = presenter.state
        state.pageCount = slidePages(presenter.index)
        return state
    }

    /// How many pages slide N (an index) takes at the current size.
    private var slidePages: @Sendable (Int) -> Int {
        let (width, height, context, presenter) = (self.width, self.height, self.context, self.presenter)
        return { index in
            presenter?.pageCount(of: index, dataset: context.acceptedDataset, width: width, height: height, glyphs: context.glyphs,
                                 plain: context.isReaderMode, reviewVersion: context.reviewVersion) ?? 1
        }
    }

    /// The speaker view follows the projector's state; `connected` false when the projector is gone. It shows
    /// only what the projector shows: another deck, or no talk at all, it says instead of a slide.
    public mutating func followProjector(_ state: PresenterState?, connected: Bool) {
        projectorConnected = connected
        guard var current = presenter, let state, connected else {
            projectorNotice = nil
            return
        }
        if let mismatch = DeckIdentity(current.deck).mismatch(with: state.deck) {
            projectorNotice = mismatch
        } else if !state.isPresenting {
            projectorNotice = "De beamer presenteert niet meer: hij is terug in het dashboard (\(keymap.key(for: .present)) daar hervat)"
        } else {
            projectorNotice = nil
            current.follow(state)
            presenter = current
        }
    }

    /// A click or the wheel turns the slides.
    private static func slideCommand(for key: Key) -> CommandID? {
        guard case .mouse(let event) = key else { return nil }
        return event.kind == .wheelUp ? .previousSlide : .nextSlide
    }

    /// Advances an unattended presentation (`--auto`); true when the screen must be redrawn.
    public mutating func tick(now: Date) -> Bool {
        guard var current = presenter else { return false }
        let messageWent = presenterMessageExpired(now: now)
        if current.isSpeakerView {
            // The clock and the elapsed time change every second.
            defer { speakerClock = now }
            return Int(now.timeIntervalSince1970) != Int(speakerClock.timeIntervalSince1970)
        }
        let advanced = current.tick(now: now, pages: slidePages)
        presenter = current
        return advanced || messageWent
    }

    /// How long a message stays in the projector's footer.
    static let presenterMessageSeconds: TimeInterval = 4

    /// Clears the projector's message once it has been shown its time; true when it went.
    private mutating func presenterMessageExpired(now: Date) -> Bool {
        guard message != nil, presenter?.isSpeakerView == false else { return false }
        guard let since = messageShownSince else {
            messageShownSince = now
            return false
        }
        guard now.timeIntervalSince(since) >= Self.presenterMessageSeconds else { return false }
        message = nil
        return true
    }

    /// How many speaker views the projector's link has now.
    public mutating func noteSpeakerViews(_ count: Int) {
        speakerViewCount = count
    }

    /// The theme command (Ctrl-T): the next theme, for the terminal to load (`AppEffect.setTheme`).
    /// While presenting, the projector theme comes first.
    mutating func cycleTheme() {
        guard !themeNames.isEmpty else {
            message = "Geen andere thema's gevonden"
            return
        }
        // The first press of a talk gives the projector theme; the next ones go on through all of them.
        if presenter != nil, !hasChosenThemeInTalk, themeName != "projector", themeNames.contains("projector") {
            themeName = "projector"
        } else {
            let current = themeNames.firstIndex(of: themeName) ?? -1
            themeName = themeNames[current.cycled(by: 1, in: themeNames.count)]
        }
        hasChosenThemeInTalk = presenter != nil
        emit(.setTheme(themeName))
        message = "Thema: \(themeName)"
    }
}

extension AppModel {
    /// Shows a message in the status line (for the backend: a theme that did not load).
    public mutating func show(_ text: String) {
        message = text
    }
}
