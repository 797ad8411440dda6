/// What the app shows under every pop-up: the sections, or a presentation that owns the whole screen.
enum Base: Sendable {
    case browsing
    case presenting(Presenter)
}

/// A pop-up over the base. The last one on the stack takes every key and is drawn last; the status line
/// belongs to the topmost pop-up that draws in it, else to the base (its message or key hints).
enum Overlay: Sendable {
    /// `?` help: where it was opened, how far scrolled, what was typed.
    case help(HelpView)
    /// The first start's one screen of orientation.
    case welcome
    case search(TypedSearch)
    case palette(Palette)
    /// The file name of an export being asked for.
    case exportFile(ExportPrompt)
    case form(Form)
    /// A question in the status line that takes every key until answered.
    case question(Question)

    /// Draws in the status line (instead of the base's message and hints).
    var ownsStatusLine: Bool {
        switch self {
        case .search, .palette, .exportFile, .question: true
        case .help, .welcome, .form: false
        }
    }

    /// In `--reader`, drawn on a cleared screen: help, welcome, forms, the palette and the export prompt.
    var coversTheScreenForReaders: Bool {
        switch self {
        case .help, .welcome, .form, .palette, .exportFile: true
        case .search, .question: false
        }
    }
}

/// The overlays by kind, for the code that works on one of them. Setting one replaces it where it is on the
/// stack, or puts it on top when it was not open; nil takes it off.
extension AppModel {
    var form: Form? {
        get { overlays.lazy.compactMap { if case .form(let form) = $0 { form } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.form)) { if case .form = $0 { true } else { false } } }
    }

    var question: Question? {
        get { overlays.lazy.compactMap { if case .question(let question) = $0 { question } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.question)) { if case .question = $0 { true } else { false } } }
    }

    var palette: Palette? {
        get { overlays.lazy.compactMap { if case .palette(let palette) = $0 { palette } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.palette)) { if case .palette = $0 { true } else { false } } }
    }

    var exportPrompt: ExportPrompt? {
        get { overlays.lazy.compactMap { if case .exportFile(let prompt) = $0 { prompt } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.exportFile)) { if case .exportFile = $0 { true } else { false } } }
    }

    var searchPrompt: TypedSearch? {
        get { overlays.lazy.compactMap { if case .search(let search) = $0 { search } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.search)) { if case .search = $0 { true } else { false } } }
    }

    var help: HelpView? {
        get { overlays.lazy.compactMap { if case .help(let view) = $0 { view } else { nil } }.last }
        set { setOverlay(newValue.map(Overlay.help)) { if case .help = $0 { true } else { false } } }
    }

    /// Presenter mode, when on: it owns the whole screen.
    public internal(set) var presenter: Presenter? {
        get { if case .presenting(let presenter) = base { presenter } else { nil } }
        set { base = newValue.map(Base.presenting) ?? .browsing }
    }

    private mutating func setOverlay(_ overlay: Overlay?, where isKind: (Overlay) -> Bool) {
        let index = overlays.lastIndex(where: isKind)
        switch (overlay, index) {
        case (let overlay?, let index?): overlays[index] = overlay
        case (let overlay?, nil): overlays.append(overlay)
        case (nil, let index?): overlays.remove(at: index)
        case (nil, nil): break
        }
    }

    // MARK: Keys and drawing, in the stack's one order

    /// The top overlay's key handling.
    mutating func handleOverlay(_ overlay: Overlay, key: Key) {
        switch overlay {
        case .help(var view):
            handleHelp(key, view: &view)
        case .welcome:
            // Any key closes it and goes on to do what it does: nobody's first key is lost to it.
            overlays.removeAll { if case .welcome = $0 { true } else { false } }
            process(key)
        case .question: answerQuestion(key)
        case .search: handlePrompt(key)
        case .palette: handlePalette(key)
        case .exportFile: handleExportPrompt(key)
        case .form: handleForm(key)
        }
    }

    /// Typed text narrows help, Backspace widens it; the arrows, pages and the wheel scroll; the back key (Esc),
    /// Enter and the help key close it, the palette key opens the palette; any other key (F10, Ctrl-…) closes
    /// it and does what it does.
    private mutating func handleHelp(_ key: Key, view: inout HelpView) {
        let command = keymap.command(for: key, in: .browsing)
        let scroll: Movement? = switch key {
        // The arrows and pages scroll help whatever the keymap says (letters type).
        case .up: Movement(.moveUp)
        case .down: Movement(.moveDown)
        case .pageUp: Movement(.pageUp)
        case .pageDown: Movement(.pageDown)
        case .mouse: Self.wheelCommand(key).flatMap(Movement.init)
        case .character: nil
        default: command.flatMap(Movement.init)
        }
        if let scroll {
            view.top = scroll.apply(to: view.top, count: HelpOverlay.lines(keymap, view: view).count, page: height - 4)
            help = view
            return
        }
        switch key {
        case .backspace where !view.filter.isEmpty:
            view.filter = String(view.filter.dropLast())
            view.top = 0
            help = view
        case _ where command == .back || key == .enter || command == .help:
            help = nil
        case .character(let character) where command != .palette:
            view.filter.append(character)
            view.top = 0
            help = view
        case .paste(let text):
            view.filter += text.filter { !$0.isNewline }
            help = view
        default:
            help = nil
            process(key)
        }
    }

    /// Draws every overlay over the base, bottom first.
    func renderOverlays(into frame: inout Frame) {
        let glyphs = isReaderMode ? context.glyphs.withoutBoxes : context.glyphs
        for overlay in overlays {
            // A reader reads lines whole: an overlay without its box must not share a line with the text under it.
            if isReaderMode, overlay.coversTheScreenForReaders { frame.fill(Rect(x: 0, y: 0, width: width, height: height), role: .normal) }
            switch overlay {
            case .help(let view):
                HelpOverlay.render(into: &frame, keymap: keymap, view: view, glyphs: glyphs)
            case .welcome: WelcomeOverlay.render(into: &frame, keymap: keymap, glyphs: glyphs)
            case .search(let prompt): renderSearchPrompt(prompt, into: &frame)
            case .palette(let palette): palette.render(into: &frame, glyphs: glyphs, cursorOnChoice: isReaderMode)
            case .exportFile(let prompt): renderExportPrompt(prompt, into: &frame)
            case .form(let form): form.render(into: &frame, glyphs: glyphs, keymap: keymap)
            case .question(let question):
                frame.fill(Rect(x: 0, y: height - 1, width: width, height: 1), role: .status)
                question.render(into: &frame, y: height - 1)
                frame.focus = Point(x: 1, y: height - 1)
                // A screen reader reads the question, not the form it waits over.
                if isReaderMode { frame.cursor = frame.focus }
            }
        }
    }

    /// The base's status line (its message, else the key hints) shows unless an overlay draws there.
    var baseOwnsStatusLine: Bool { !overlays.contains(where: \.ownsStatusLine) }
}
