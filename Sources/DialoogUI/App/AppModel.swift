import Foundation
import DialoogModel

/// The whole UI as a value: keys go in through `handle`, frames come out of `render`, and what the world must
/// do (store an edit, write a file, change the theme) comes out as effects. Nothing here touches a terminal,
/// a file or the database, so every screen and key sequence can be tested in memory.
public struct AppModel: Sendable {
    public static let minimumWidth = 50
    public static let minimumHeight = 14
    /// Slides need less: a presenter enlarges the projector's font, and the grid shrinks.
    public static let minimumSlideSize = (width: 40, height: 12)
    /// The status line may take this many lines for a long message.
    static let statusLinesAtMost = 3

    public internal(set) var isRunning = true
    public private(set) var section: Section = .goals
    var context: ScreenContext
    private var stacks: [Section: [any Screen]] = [:]
    var width = 80
    var height = 24
    /// The sections, or a presentation; what every overlay is drawn over.
    var base: Base = .browsing
    /// Help, search, palette, export file, form, question: the last takes the keys and is drawn last.
    var overlays: [Overlay] = []
    var paletteHistory: [String] = []
    /// A talk started with `present`: one Esc (many clickers send it) must not end it; a second one does.
    /// (A presentation started with `p` while browsing leaves at once, as browsing expects.)
    var asksBeforeLeavingTalk: Bool
    /// The first Esc of such a talk was pressed; any other key forgets it.
    var isLeavingTalk = false
    private var search: ActiveSearch?
    var message: String? {
        didSet { if message != oldValue { messageShownSince = nil } }
    }
    /// When the projector's message appeared (noted by the next tick): it goes after a few seconds.
    var messageShownSince: Date?
    /// Ctrl-T was pressed in this talk: the next press goes on from the theme it gave, not back to projector.
    var hasChosenThemeInTalk = false
    /// How many speaker views follow this projector: key hints go to them instead of the audience.
    public internal(set) var speakerViewCount = 0
    /// Whether a review database is open: without one the app only reads.
    let hasReview: Bool
    /// Why the open review database cannot be written, if it cannot.
    let readOnlyReason: String?
    /// Drafts left by earlier sessions of this user, still to be offered.
    var draftsToOffer: [Draft] = []
    /// Why the last draft could not be saved, if it could not.
    var draftFailure: String?
    /// What the last key asks of the world, handed out by `handle`.
    private var effects: [AppEffect] = []
    /// The speaker view's clock (set by `tick`) and whether the projector answers.
    var speakerClock = Date()
    public internal(set) var projectorConnected = false
    /// The speaker view cannot follow the projector: it shows another deck, or no talk. Nil while it follows.
    public internal(set) var projectorNotice: String?
    /// Which key runs which command: the command table's defaults, or the user's keys.yaml.
    public let keymap: Keymap
    /// `--reader`: one labelled line per focus instead of boxes and columns.
    let isReaderMode: Bool
    /// Theme names the theme command cycles through; the terminal follows `themeName`.
    let themeNames: [String]
    public internal(set) var themeName: String
    /// Greet with what changed since the last visit and the user's actions falling due.
    let remindsAtStart: Bool
    /// When the user last started the app before this time, for `W`.
    var lastVisit: Date?
    /// When this session began: without an earlier visit `W` shows the seven days before it.
    private let startedAt = Date()
    /// The rows of `W`'s list, made in the background after the first frame (a large review has hundreds of
    /// actions due to write out): `W` itself then only draws.
    private let changesRows = RowCache()
    private var changesSince: Date { lastVisit ?? startedAt.addingTimeInterval(-7 * 86_400) }

    /// `startupMessage` is shown in the status line until the first key (e.g. a theme that did not load).
    public init(dataset: Dataset, glyphs: Glyphs = .unicode, startupMessage: String? = nil, hasReview: Bool = false, readOnlyReason: String? = nil,
                themes: [String] = [], themeName: String = "default", presenting: Presenter? = nil, keymap: Keymap = .standard,
                showsPreview: Bool = true, readerMode: Bool = false, user: String? = nil, remindsAtStart: Bool = true,
                welcomes: Bool = false) {
        isReaderMode = readerMode
        self.remindsAtStart = remindsAtStart
        context = ScreenContext(dataset: dataset, glyphs: glyphs)
        context.showsPreview = showsPreview
        context.isReaderMode = readerMode
        context.keymap = keymap
        context.user = user
        self.keymap = keymap
        message = startupMessage
        self.hasReview = hasReview
        self.readOnlyReason = readOnlyReason
        themeNames = themes
        self.themeName = themeName
        base = presenting.map(Base.presenting) ?? .browsing
        asksBeforeLeavingTalk = presenting != nil
        for section in Section.allCases {
            stacks[section] = [section.rootScreen]
        }
        // A presentation owns the screen; a screen reader gets the welcome as the status line instead.
        if welcomes, presenting == nil {
            if readerMode {
                message = [startupMessage, "Welkom: 1 tot 8 de secties, \(keymap.key(for: .help)) alle toetsen, "
                           + "\(keymap.key(for: .palette)) een opdracht zoeken, \(keymap.key(for: .quit)) stoppen"].compactMap { $0 }.joined(separator: " · ")
            } else {
                overlays.append(.welcome)
            }
        }
    }

    // MARK: State for callers and tests

    public var screens: [any Screen] { stacks[section] ?? [] }
    public var topScreen: any Screen { screens[screens.count - 1] }
    public var isShowingHelp: Bool { help != nil }
    public var statusMessage: String? { message }
    public var openForm: Form? { form }
    /// The question waiting for an answer in the status line, if any.
    public var pendingQuestion: String? { question?.text }
    public var review: ReviewSnapshot { context.review }

    public var breadcrumb: String {
        (["htno-dialoog"] + screens.map { $0.breadcrumb(in: context) }).joined(separator: context.glyphs.separator)
    }

    private var minimumSize: (width: Int, height: Int) {
        presenter == nil ? (Self.minimumWidth, Self.minimumHeight) : Self.minimumSlideSize
    }

    private var isTooSmall: Bool { width < minimumSize.width || height < minimumSize.height }
    private var contentArea: Rect { Rect(x: 0, y: 2, width: width, height: height - 3) }

    // MARK: Update

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Carries out a key; returns what the world must do for it, in order.
    @discardableResult
    public mutating func handle(_ key: Key) -> [AppEffect] {
        process(key)
        return takeEffects()
    }

    /// Hands out the effects asked for since the last time.
    mutating func takeEffects() -> [AppEffect] {
        defer { effects = [] }
        return effects
    }

    mutating func emit(_ effect: AppEffect) {
        effects.append(effect)
    }

    mutating func quit() {
        isRunning = false
        emit(.quit)
    }

    mutating func process(_ key: Key) {
        // Resizing and redrawing keep what the status line says (a notice shown once must stay readable).
        if key == .resize || isRedraw(key) { return }
        message = nil
        if case .paste(let text) = key {
            paste(text)
            return
        }
        if let top = overlays.last {
            handleOverlay(top, key: key)
            return
        }
        if presenter != nil {
            handlePresenter(key)
            return
        }
        if case .mouse(let event) = key {
            handleMouse(event)
            return
        }
        guard let command = keymap.command(for: key, in: .browsing) else {
            message = "Toets \(key.displayName) doet niets: \(keymap.key(for: .help)) toont de toetsen, \(keymap.key(for: .palette)) zoekt een opdracht"
            return
        }
        perform(command)
    }

    /// Carries out a command as if its key was pressed: the screen first, then the app.
    mutating func perform(_ command: CommandID) {
        if isTooSmall {
            if command == .quit { quit() }
            return
        }
        guard isAvailable(command) else { return }
        let info = Command.of(command)
        guard info.availability.isForScreens else {
            performGlobal(command)
            return
        }
        var screen = topScreen
        let action = screen.handle(command, area: contentArea, context: context)
        stacks[section]![screens.count - 1] = screen
        switch action {
        case .ignored where command == .back || command == .left: goBack(command)
        case .ignored: message = info.availability.reason(for: info, keymap: keymap)
        default: follow(action)
        }
    }

    /// False, saying why in the status line, when the command needs a review database and none is open, or
    /// records something in one that is read-only.
    mutating func isAvailable(_ command: CommandID) -> Bool {
        let info = Command.of(command)
        if hasReview, info.writes, let readOnlyReason {
            message = "Alleen lezen: \(readOnlyReason); er kan niets bewaard worden"
            return false
        }
        if info.writes, let refusal = topScreen.recordingRefusal(in: context) {
            message = refusal
            return false
        }
        guard info.availability == .withReviewDatabase, !hasReview else { return true }
        message = info.availability.reason(for: info, keymap: keymap)
        return false
    }

    /// The key that redraws the screen (Ctrl-L unless keys.yaml says otherwise); the backend repaints.
    public func isRedraw(_ key: Key) -> Bool {
        keymap.command(for: key, in: presenter == nil ? .browsing : .presenting) == .redraw
    }

    /// The wheel as a movement command.
    static func wheelCommand(_ key: Key) -> CommandID? {
        guard case .mouse(let event) = key, event.kind == .wheelUp || event.kind == .wheelDown else { return nil }
        return event.kind == .wheelUp ? .moveUp : .moveDown
    }

    /// Pasted text goes into the field being typed in, as one edit; anywhere else it is refused, so that
    /// nothing pasted is taken for commands.
    private mutating func paste(_ text: String) {
        switch overlays.last {
        case .form(var current)? where current.conflict == nil:
            let before = current.texts
            current.paste(text)
            // Kept as a draft at once: a paste may be the whole text.
            if current.texts != before { current.changesSinceDraft += 1 }
            form = current
            saveDraft()
        case .search?, .palette?, .exportFile?:
            // A prompt is one short line: the paste is typed into it, line breaks as spaces.
            for character in text.prefix(Self.longestPastedPrompt) {
                guard let top = overlays.last else { return }
                handleOverlay(top, key: .character(character.isNewline ? " " : character))
            }
        default:
            message = "Plakken kan alleen in een tekstveld (\(keymap.key(for: .addNote)) opent een notitie)"
        }
    }

    /// A prompt takes at most this much of a paste: a search or a file name, not a document.
    private static let longestPastedPrompt = 500

    /// Clicks select (a click on what is selected opens it), a double click opens, the wheel moves;
    /// the tabs on the first line switch sections. In reader mode only the wheel: nothing is drawn where
    /// the normal layout would be hit.
    mutating func handleMouse(_ event: MouseEvent) {
        guard !isTooSmall else { return }
        if let wheel = Self.wheelCommand(.mouse(event)) {
            perform(wheel)
            return
        }
        guard !isReaderMode else { return }
        switch event.kind {
        case .wheelUp, .wheelDown: break
        case .click, .doubleClick:
            if event.y == 0 {
                if let tab = tabs.first(where: { $0.columns.contains(event.x) }) { section = tab.section }
                return
            }
            var screen = topScreen
            let action = screen.click(at: Point(x: event.x, y: event.y), area: contentArea, context: context)
            stacks[section]![screens.count - 1] = screen
            follow(action)
            if event.kind == .doubleClick, case .handled = action { perform(.open) }
        }
    }

    /// Opens `screen` in `section`, on top of its root.
    private mutating func show(_ screen: any Screen, in section: Section) {
        self.section = section
        stacks[section] = [stacks[section]![0], screen]
    }

    private mutating func follow(_ action: ScreenAction) {
        switch action {
        case .handled, .ignored: break
        case .push(let next): stacks[section]!.append(next)
        case .jump(let location): jump(to: location)
        case .message(let text): message = text
        }
    }

    /// The commands the app carries out itself, the same on every screen; the screens' own commands and
    /// those of other modes never come here.
    private mutating func performGlobal(_ command: CommandID) {
        switch command {
        case .quit: quit()
        case .help: help = HelpView(place: topScreen.breadcrumb(in: context), here: topScreen.keyHints.flatMap(\.commands))
        case .search:
            let (source, table) = (context.sourceDataset, context.dataset)
            searchPrompt = TypedSearch(resultsDepth: stacks[section]!.count, review: SearchIndex(review: context.review, in: context.dataset),
                                       placed: { $0.moved(from: source, to: table) })
        case .palette: openPalette()
        case .nextHit: stepSearch(1)
        case .previousHit: stepSearch(-1)
        case .drafts: emit(.review(.drafts(announced: true)))
        case .undo: emit(.review(.undo))
        case .redo: emit(.review(.redo))
        case .export: askExportFormat()
        case .agenda: askAgendaFile()
        case .present: startPresenter()
        case .nextTheme: cycleTheme()
        case .saveTheme: emit(.saveTheme(themeName))
        case .togglePreview:
            context.showsPreview.toggle()
            message = context.showsPreview ? "Voorbeeldpaneel aan" : "Voorbeeldpaneel uit (\(keymap.key(for: .togglePreview)) = weer aan)"
        case .reload:
            if hasReview { emit(.review(.reload(announced: true))) } else { message = "Vernieuwd" }
        case .goals, .regions, .cycle, .themes, .examples, .review, .figures, .sources:
            section = Section.allCases[Section.commands.firstIndex(of: command)!]
        case .statusNext, .statusPrevious, .addNote, .addDecision, .addAction, .editEntry, .deleteEntry, .toggleDone, .markForReport,
             .mergePerson, .addMeeting, .minutes, .planYear, .proposeItem, .proposeWording, .decideChange:
            performReview(command)
        case .myActions:
            let me = context.review.ownerName(forLogin: context.user ?? "")
            show(ListScreen(.review(ReviewFilter(.actions, order: .status, owner: me))), in: .review)
            message = "Acties van \(me): over datum eerst, afgeronde onderaan (\(keymap.key(for: .filterOwner)) = andere eigenaar)"
        case .people:
            show(ListScreen(.review(ReviewFilter(.people))), in: .review)
        case .summary:
            show(ListScreen(.changes(since: changesSince), cache: changesRows), in: .review)
        case .recordPeildatum:
            form = Form(.recordPeildatum, keymap: keymap)
        case .comparePeildata:
            guard let latest = context.review.peildata.last else {
                message = "Nog geen peildatum: :\(Command.of(.recordPeildatum).label.prefix { $0 != ":" }) legt de status van nu vast"
                return
            }
            show(ListScreen(.peildata(from: latest.id, to: nil)), in: .review)
        case .overview:
            section = .review
            if !(topScreen is ReviewOverviewScreen) { stacks[section]!.append(ReviewOverviewScreen()) }
        case .redraw:
            break
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .left, .right, .nextPane, .previousPane, .open, .back,
             .previousSibling, .nextSibling, .nextFilter, .previousFilter, .filterGoal, .filterColumn, .filterOwner, .sortOrder,
             .clearFilters, .previousYear, .nextYear:
            break  // the screens' own (`Availability.isForScreens`)
        case .nextSlide, .previousSlide, .firstSlide, .lastSlide, .blankScreen, .whiteScreen, .slideOverview, .pauseClock, .resetClock,
             .pauseAutoAdvance, .leavePresenter, .formSave,
             .formNextField, .formPreviousField, .formCancel, .conflictKeepBoth, .conflictTheirs, .conflictOverwrite, .promptAccept,
             .promptCancel:
            break  // keys of presenting, forms and conflicts: the keymap never gives them while browsing
        }
    }

    private mutating func goBack(_ command: CommandID) {
        if screens.count > 1 {
            stacks[section]!.removeLast()
        } else if command == .back, search != nil {
            search = nil
            context.highlightTerms = []
            message = "Zoekmarkering gewist"
        } else {
            message = "Dit is het begin van \(section.title); \(keymap.key(for: .quit)) stopt"
        }
    }

    /// Typing in the search prompt shows the hits at once, narrowing them key by key; Enter keeps them,
    /// Esc puts back the screen the search started from.
    mutating func handlePrompt(_ key: Key) {
        guard var current = searchPrompt else { return }
        switch keymap.command(for: key, in: .prompt) {
        case .promptCancel?:
            stacks[section]!.removeSubrange(current.resultsDepth...)
            searchPrompt = nil
        case .promptAccept?:
            searchPrompt = nil
            keepSearch(current)
        default:
            guard current.field.edit(key) else { return }
            current.update(index: context.searchIndex.value)
            searchPrompt = current
            showLiveResults(current)
        }
    }

    /// The results list of what is typed so far, in place of the previous one.
    private mutating func showLiveResults(_ current: TypedSearch) {
        stacks[section]!.removeSubrange(current.resultsDepth...)
        guard let search = current.last, search.count > 0 else { return }
        stacks[section]!.append(ListScreen(.searchResults(search.results(limit: TypedSearch.liveLimit))))
    }

    /// Enter in the prompt: the search becomes the one `n`/`N` step through, its list showing its hits.
    private mutating func keepSearch(_ current: TypedSearch) {
        stacks[section]!.removeSubrange(current.resultsDepth...)
        guard let active = current.last, active.count > 0 else {
            if let query = current.last?.query { message = "Geen treffers voor “\(query)”" }
            return
        }
        search = active
        context.highlightTerms = active.terms
        stacks[section]!.append(ListScreen(.searchResults(active.results(limit: TypedSearch.keptLimit))))
    }

    /// Builds the search index on another thread (after the first frame); a search typed sooner waits for it.
    public func buildSearchIndex() {
        context.searchIndex.buildInBackground()
    }

    /// Makes the rows of `W`'s list on another thread (after the first frame); `W` pressed sooner waits for
    /// them, and a review changed meanwhile makes them anew.
    public func prepareChangesList() {
        guard hasReview else { return }
        let (cache, source, context) = (changesRows, ListSource.changes(since: changesSince), context)
        DispatchQueue.global(qos: .utility).async { _ = cache.rows(of: source, in: context) }
    }

    private mutating func stepSearch(_ offset: Int) {
        guard var active = search, let hit = active.step(offset) else {
            message = "Nog geen zoekopdracht: druk \(keymap.key(for: .search)) om te zoeken"
            return
        }
        search = active
        jump(to: hit.location)
        message = "Treffer \(active.current + 1)/\(active.count): \(hit.label)"
    }

    mutating func jump(to location: DataLocation) {
        let (target, path) = location.path
        section = target
        stacks[target] = path
    }

    // MARK: View

    public func render() -> Frame {
        var frame = Frame(width: width, height: height)
        guard !isTooSmall else {
            drawTooSmall(into: &frame)
            return frame
        }
        if let presenter, presenter.isSpeakerView {
            SpeakerView(presenter: presenter, now: speakerClock, projectorConnected: projectorConnected, notice: projectorNotice,
                        message: message, session: presenter.session)
                .render(into: &frame, context: context)
            return frame
        }
        if let presenter {
            presenter.render(into: &frame, context: context)
            // A message takes the footer's place whole, for a few seconds: never written over it.
            if let message, baseOwnsStatusLine {
                frame.fill(Rect(x: 0, y: height - 1, width: width, height: 1), role: .normal)
                frame.write(WordWrap.truncate(message, width: max(1, width - 2)), x: 1, y: height - 1, role: .warning)
            }
            frame.focus = frame.focus ?? Point(x: 0, y: height - 1)
        } else {
            if isReaderMode {
                renderForReader(into: &frame)
            } else {
                drawTabs(into: &frame)
                frame.write(breadcrumbText(width: width - 2), x: 1, y: 1, role: .breadcrumb)
                topScreen.render(into: &frame, area: contentArea, context: context)
            }
            if baseOwnsStatusLine { drawStatusLine(into: &frame) }
        }
        renderOverlays(into: &frame)
        return frame
    }

    private func drawTooSmall(into frame: inout Frame) {
        let text = "Venster te klein: \(width)×\(height). Minimaal \(minimumSize.width)×\(minimumSize.height). Vergroot het venster of druk \(keymap.key(for: .quit))."
        let lines = WordWrap.lines(text, width: max(1, width))
        let top = max(0, (height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            frame.write(line, x: max(0, (width - DisplayWidth.of(line)) / 2), y: top + index, role: .warning)
        }
    }

    /// The section tabs of the first line and the columns each takes: padded when they fit, else closer
    /// together, else also with short titles (80 columns hold all eight that way).
    private var tabs: [(section: Section, label: String, columns: Range<Int>)] {
        let key = { (section: Section) in self.keymap.key(for: section.command) }
        let layouts: [(pad: String, gap: Int, short: Bool)] = [(" ", 1, false), ("", 2, false), ("", 1, true)]
        let fitting = layouts.first { layout in
            1 + Section.allCases.reduce(0) { total, section in
                total + DisplayWidth.of("\(layout.pad)\(key(section)) \(layout.short ? section.shortTitle : section.title)\(layout.pad)") + layout.gap
            } - layout.gap <= width
        } ?? layouts[layouts.count - 1]
        var x = 1
        return Section.allCases.map { section in
            let label = "\(fitting.pad)\(key(section)) \(fitting.short ? section.shortTitle : section.title)\(fitting.pad)"
            defer { x += DisplayWidth.of(label) + fitting.gap }
            return (section, label, x..<(x + DisplayWidth.of(label)))
        }
    }

    private func drawTabs(into frame: inout Frame) {
        frame.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)
        var x = 1
        for tab in tabs {
            frame.write(tab.label, x: tab.columns.lowerBound, y: 0, role: tab.section == section ? .tabActive : .header)
            x = tab.columns.upperBound + 1
        }
        let help = "\(keymap.key(for: .help)) hulp "
        if x + DisplayWidth.of(help) < width { frame.write(help, x: width - DisplayWidth.of(help), y: 0, role: .header) }
    }

    /// The breadcrumb, cut from the left when it does not fit so the current place stays visible.
    private func breadcrumbText(width: Int) -> String {
        let full = breadcrumb
        guard DisplayWidth.of(full) > width else { return full }
        var tail = Substring(full)
        while DisplayWidth.of(tail) > width - 1, !tail.isEmpty { tail = tail.dropFirst() }
        return "…" + tail
    }

    /// The search prompt and the count of hits of what is typed so far.
    func renderSearchPrompt(_ prompt: TypedSearch, into frame: inout Frame) {
        let y = height - 1
        frame.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        let count = prompt.last.map { "  (\($0.count) \($0.count == 1 ? "treffer" : "treffers"))" } ?? ""
        let used = frame.write("Zoek: " + prompt.field.text, x: 1, y: y, role: .status)
        frame.write(count, x: 2 + used, y: y, role: .muted)
        frame.cursor = Point(x: min(width - 1, 1 + used), y: y)
    }

    /// The base's status line: a message, else the keys of the screen.
    private func drawStatusLine(into frame: inout Frame) {
        let y = height - 1
        frame.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        if let message {
            // A message longer than the line (a read-only notice with a long path) grows upwards.
            let fits = DisplayWidth.of(message) <= width - 2
            let wrapped = fits ? [message] : WordWrap.lines(message, width: max(1, width - 2))
            var lines = Array(wrapped.prefix(Self.statusLinesAtMost))
            if wrapped.count > lines.count, let last = lines.popLast() { lines.append(WordWrap.truncate(last + " …", width: width - 2)) }
            for (index, line) in lines.enumerated() {
                let row = y - lines.count + 1 + index
                frame.fill(Rect(x: 0, y: row, width: width, height: 1), role: .status)
                frame.write(line, x: 1, y: row, role: .status)
            }
            return
        }
        let hints = topScreen.keyHints + [KeyHint(.search, action: "zoek"), KeyHint(.help, action: "hulp"), KeyHint(.quit, action: "stop")]
        var x = 1
        for hint in hints {
            let keys = hint.keys(in: keymap)
            let needed = DisplayWidth.of(keys) + 1 + DisplayWidth.of(hint.action) + 2
            guard !keys.isEmpty, x + needed <= width else { continue }
            x += frame.write(keys, x: x, y: y, role: .statusKey) + 1
            x += frame.write(hint.action, x: x, y: y, role: .status) + 2
        }
    }
}
