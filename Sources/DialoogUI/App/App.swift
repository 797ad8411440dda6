import DialoogModel
import Foundation

/// The app as the terminal loop and the tests drive it: the model (`AppModel`: keys in, frames and effects
/// out) and the review work that carries out its requests (`ReviewController`, the only part that reads and
/// writes the database). What the loop itself must do (the theme, the projector, quitting) `handle` returns.
/// The model's state reads straight through (`app.statusMessage`, `app.openForm`, `app.presenter`).
@dynamicMemberLookup
public struct App: Sendable {
    public static let minimumWidth = AppModel.minimumWidth
    public static let minimumHeight = AppModel.minimumHeight

    public private(set) var model: AppModel
    private var controller: ReviewController?

    /// `review`: the database to record in (without one the app only reads). `startupMessage` is shown in the
    /// status line until the first key (e.g. a theme that did not load). `remindsAtStart`: say what changed
    /// since the user's last visit and which of their actions fall due (config.yaml `herinneringen`). `welcomes`:
    /// the first start's one screen of orientation.
    public init(dataset: Dataset, glyphs: Glyphs = .unicode, startupMessage: String? = nil, review: ReviewSession? = nil,
                themes: [String] = [], themeName: String = "default", presenting: Presenter? = nil, keymap: Keymap = .standard,
                showsPreview: Bool = true, readerMode: Bool = false, remindsAtStart: Bool = true, welcomes: Bool = false) {
        model = AppModel(dataset: dataset, glyphs: glyphs, startupMessage: startupMessage, hasReview: review != nil,
                         readOnlyReason: review?.repository.readOnlyReason, themes: themes,
                         themeName: themeName, presenting: presenting, keymap: keymap, showsPreview: showsPreview, readerMode: readerMode,
                         user: review?.author, remindsAtStart: remindsAtStart, welcomes: welcomes)
        controller = review.map { ReviewController(session: $0, dataset: dataset) }
        if controller != nil {
            run([.review(.reload(announced: false)), .review(.greet), .review(.drafts(announced: false))])
        }
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<AppModel, Value>) -> Value { model[keyPath: keyPath] }

    /// Carries out a key, with what it asks of the database and of files; returns what is left for the loop.
    @discardableResult
    public mutating func handle(_ key: Key) -> [AppEffect] { run(model.handle(key)) }

    /// Carries out a command as if its key was pressed.
    @discardableResult
    public mutating func perform(_ command: CommandID) -> [AppEffect] {
        model.perform(command)
        return run(model.takeEffects())
    }

    /// Sends each character of `keys` as a key press; "\n" is Enter. For tests and demos.
    public mutating func type(_ keys: String) {
        for character in keys {
            handle(character == "\n" ? .enter : .character(character))
        }
    }

    /// Runs the review and export requests, each outcome going back to the model (which may ask for more),
    /// in order; returns the other effects, for the loop.
    @discardableResult
    private mutating func run(_ effects: [AppEffect]) -> [AppEffect] {
        var pending = effects[...]
        var forLoop: [AppEffect] = []
        while let effect = pending.popFirst() {
            switch effect {
            case .review(let request):
                // Without a database no command asks for one (`Availability.withReviewDatabase`).
                guard var controller else {
                    model.receive(.failed("Alleen lezen: geen reviewdatabase geopend", nil))
                    break
                }
                let review = request.changesReview ? model.takeReview() : model.review
                model.receive(controller.perform(request, taking: consume review))
                self.controller = controller
            case .export(let request):
                model.receive(export(request))
            case .setTheme, .saveTheme, .sendToProjector, .tellSpeakerViews, .quit:
                forLoop.append(effect)
            }
            pending += model.takeEffects()
        }
        return forLoop
    }

    private func export(_ request: ExportRequest) -> ExportOutcome {
        guard let session = controller?.session else { return .failed("geen reviewdatabase geopend") }  // as above
        do {
            return .written(path: try session.export(model.context.sourceDataset, model.review, request), content: request.content)
        } catch let exists as ExportFileExists {
            return .exists(path: exists.path, request: request)
        } catch {
            return .failed("\(error)")
        }
    }

    // MARK: For the loop

    public mutating func resize(width: Int, height: Int) { model.resize(width: width, height: height) }
    public func render() -> Frame { model.render() }
    public func isRedraw(_ key: Key) -> Bool { model.isRedraw(key) }
    public func buildSearchIndex() { model.buildSearchIndex() }
    public func prepareChangesList() { model.prepareChangesList() }
    public mutating func show(_ text: String) { model.show(text) }

    /// Keeps the open form's text as a draft (after a pause in typing, on signals). False when typed text
    /// could not be kept (the model's `draftFailure` says why).
    @discardableResult
    public mutating func saveDraft() -> Bool {
        guard model.draftRequest != nil else { return true }
        model.saveDraft()
        run(model.takeEffects())
        return model.draftFailure == nil
    }

    /// Ctrl-C (SIGINT): with typed text in a form, keep it as a draft and ask before quitting; true when asked.
    public mutating func interrupt() -> Bool {
        guard model.isInterruptible else { return false }
        model.askToQuit(draftKept: saveDraft())
        return true
    }

    /// Reloads when another instance changed the database; true when the screen must be redrawn.
    public mutating func refreshIfChanged() -> Bool {
        guard controller?.hasChangedSinceLoad() == true else { return false }
        run([.review(.reload(announced: false))])
        return true
    }

    /// Advances an unattended presentation (`--auto`); true when the screen must be redrawn.
    public mutating func tick(now: Date) -> Bool { model.tick(now: now) }

    /// A key from the speaker view, carried out as if pressed here; what it says goes back to the speaker views.
    @discardableResult
    public mutating func handleRemote(_ remote: RemoteKey) -> [AppEffect] {
        model.handleRemote(remote)
        return model.takeEffects()
    }

    /// The speaker view follows the projector's state; `connected` false when the projector is gone.
    public mutating func followProjector(_ state: PresenterState?, connected: Bool) {
        model.followProjector(state, connected: connected)
    }

    /// How many speaker views follow this projector.
    public var speakerViewCount: Int { model.speakerViewCount }

    /// The deck file changed while presenting: the edited deck, on the same slide.
    public mutating func replaceDeck(with deck: Deck) { model.presenter?.replaceDeck(with: deck) }

    /// Where the presentation is, for the speaker views (nil while browsing).
    public var presenterState: PresenterState? { model.presenterState }

    /// How many speaker views follow the projector (key hints go to them, not onto the projector).
    public mutating func noteSpeakerViews(_ count: Int) { model.noteSpeakerViews(count) }
}
