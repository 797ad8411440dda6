/// What the app shows under every pop-up: the sections, or a presentation that owns the whole screen.
enum Base: Sendable {
    case browsing
    case presenting(Presenter)
}

/// A pop-up over the base. The last one on the stack takes every key and is drawn last; the status line
/// belongs to the topmost pop-up that draws in it, else to the base (its message or key hints).
enum Overlay: Sendable {
    /// `?` help, scrolled to this first line.
    case help(top: Int)
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

    var helpTop: Int? {
        get { overlays.lazy.compactMap { if case .help(let top) = $0 { top } else { nil } }.last }
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
        case .help(let top):
            // Help scrolls with the movement keys and the wheel; any other key closes it.
            let movement = Self.wheelCommand(key).flatMap(Movement.init) ?? keymap.command(for: key, in: .browsing).flatMap(Movement.init)
            helpTop = movement.map { $0.apply(to: top, count: HelpOverlay.lines(keymap).count, page: height - 4) }
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

    /// Draws every overlay over the base, bottom first.
    func renderOverlays(into frame: inout Frame) {
        for overlay in overlays {
            switch overlay {
            case .help(let top):
                HelpOverlay.render(into: &frame, keymap: keymap, top: top, glyphs: context.glyphs)
                frame.focus = Point(x: max(0, (width - min(76, width)) / 2 + 2),
                                    y: max(0, (height - min(height, HelpOverlay.lines(keymap).count + 2)) / 2 + 1))
            case .welcome: WelcomeOverlay.render(into: &frame, keymap: keymap, glyphs: context.glyphs)
            case .search(let prompt): renderSearchPrompt(prompt, into: &frame)
            case .palette(let palette): palette.render(into: &frame, glyphs: context.glyphs)
            case .exportFile(let prompt): renderExportPrompt(prompt, into: &frame)
            case .form(let form): form.render(into: &frame, glyphs: context.glyphs, keymap: keymap)
            case .question(let question):
                frame.fill(Rect(x: 0, y: height - 1, width: width, height: 1), role: .status)
                question.render(into: &frame, y: height - 1)
                frame.focus = Point(x: 1, y: height - 1)
            }
        }
    }

    /// The base's status line (its message, else the key hints) shows unless an overlay draws there.
    var baseOwnsStatusLine: Bool { !overlays.contains(where: \.ownsStatusLine) }
}
