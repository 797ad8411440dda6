import DialoogModel
import Foundation

/// Presenter mode: one slide at a time, full screen, a thin footer; for the htno-middag projector.
public struct Presenter: Sendable {
    public enum Outcome: Equatable {
        case handled
        /// Esc: back to browsing, at the place of the current slide.
        case leave
        case quit
        /// A key that means nothing in presenter mode.
        case unknown
        /// A key that could not do what it asked (a slide number past the end): what to tell the presenter.
        case said(String)
    }

    public private(set) var deck: Deck
    public private(set) var index: Int
    /// Page of the current slide, when its body needs more than one screen.
    public private(set) var page = 0
    public private(set) var isBlank = false
    /// The blank screen is white (`w`), not black.
    public private(set) var isWhite = false
    /// Seconds per slide for an unattended screen, or nil.
    public private(set) var autoAdvance: TimeInterval?
    /// After the last slide, start again (`--loop`) instead of stopping there.
    public private(set) var loops: Bool
    /// The presenter paused the automatic advance (or it stopped at the last slide).
    public private(set) var isPaused = false
    /// When the presentation began: the speaker view counts the time from here.
    public private(set) var startedAt: Date
    /// Digits typed so far to jump to a slide number.
    private var digits = ""
    /// The last key finished a typed slide number: a `G` after it (`12G`) confirms the jump, it is no End.
    private var hasJustJumped = false
    /// On a slide whose bullets come one at a time: how many show; nil on other slides.
    public private(set) var revealed: Int?
    /// The list of slides, while it is open.
    public private(set) var overview: SlideOverview?
    /// The heading size and the page counts of this deck per terminal size, worked out once per deck.
    private var measures = DeckMeasures()
    /// When the current slide appeared; nil until the next tick notes it.
    private var shownSince: Date?
    /// The talk's clock stands still since then (the speaker paused it), or nil while it runs.
    public private(set) var clockPausedAt: Date?
    /// When the current slide came up, for the speaker view's time on this slide.
    public private(set) var slideShownAt: Date
    /// When the talk should end (`--until 15:30`, `--duration 45m`), for the speaker view's countdown.
    public var plannedEnd: Date?

    public init(deck: Deck, startingAt index: Int = 0, autoAdvance: TimeInterval? = nil, loops: Bool = false, startedAt: Date = Date(),
                speakerViewOf session: String? = nil) {
        self.deck = deck
        self.index = max(0, min(index, deck.slides.count - 1))
        revealed = Self.steps(of: deck.slides[self.index]).map { _ in 0 }
        self.autoAdvance = autoAdvance
        self.loops = loops
        self.startedAt = startedAt
        slideShownAt = startedAt
        isSpeakerView = session != nil
        self.session = session ?? ""
    }

    /// Where this presentation is, for the speaker view.
    public var state: PresenterState {
        var state = PresenterState(index: index, page: page, isBlank: isBlank, isWhite: isWhite, isPaused: isPaused, startedAt: startedAt,
                                   autoAdvance: autoAdvance, loops: loops, stoppedAtEnd: hasStoppedAtEnd, deck: DeckIdentity(deck))
        (state.clockPausedAt, state.slideShownAt, state.plannedEnd) = (clockPausedAt, slideShownAt, plannedEnd)
        state.revealed = revealed
        return state
    }

    /// How long the talk has run by its clock (paused time left out).
    public func elapsed(at now: Date) -> TimeInterval { (clockPausedAt ?? now).timeIntervalSince(startedAt) }

    /// The speaker view's own list of slides: opened, typed in, closed here; the slide chosen is where the
    /// projector must go (the caller sends it), nil while the list is still open or was closed.
    public mutating func chooseInOverview(_ key: Key, command: CommandID?, labels: [String]) -> Int? {
        guard var open = overview else {
            if command == .slideOverview { overview = SlideOverview(at: index) }
            return nil
        }
        switch open.handle(key, labels: labels) {
        case .stays:
            overview = open
            return nil
        case .closes:
            overview = nil
            return nil
        case .goes(let target):
            overview = nil
            return target
        }
    }

    /// The deck file was edited during the talk: the new deck, on the same slide (the last one if the deck
    /// got shorter), its first page.
    public mutating func replaceDeck(with edited: Deck) {
        let bigText = deck.prefersBigText
        deck = edited
        deck.prefersBigText = edited.prefersBigText || bigText
        measures = DeckMeasures()
        index = min(index, edited.slides.count - 1)
        page = 0
        overview = nil
        (digits, hasJustJumped) = ("", false)
        // The slide there may have other bullets now, or none that come one at a time.
        revealed = Self.steps(of: slide).map { total in min(revealed ?? total, total) }
    }

    /// A key from the speaker view first closes the projector's own list of slides, so it is carried out and
    /// never typed into that list's filter.
    public mutating func closeOverview() {
        overview = nil
    }

    /// A projector started again takes the place and the clock its session had (the page too, when the slide
    /// still has it at this size; the drawing clamps it).
    public mutating func resume(at state: PresenterState) {
        index = max(0, min(state.index, deck.slides.count - 1))
        page = max(0, state.page)
        startedAt = state.startedAt
        (clockPausedAt, slideShownAt) = (state.clockPausedAt, state.slideShownAt)
        plannedEnd = plannedEnd ?? state.plannedEnd
        revealed = Self.steps(of: slide).map { total in min(max(0, state.revealed ?? total), total) }
    }

    /// The speaker view takes the projector's place.
    public mutating func follow(_ state: PresenterState) {
        index = max(0, min(state.index, deck.slides.count - 1))
        page = state.page
        (isBlank, isWhite) = (state.isBlank, state.isWhite)
        projectorPageCount = state.pageCount
        isPaused = state.isPaused
        startedAt = state.startedAt
        (clockPausedAt, slideShownAt) = (state.clockPausedAt, state.slideShownAt)
        revealed = state.revealed
        // The projector's planned end when it has one, else the speaker view's own.
        plannedEnd = state.plannedEnd ?? plannedEnd
        // The mark only; the speaker view never advances by itself (its tick shows the clock).
        (autoAdvance, loops, hasStoppedAtEnd) = (state.autoAdvance, state.loops, state.stoppedAtEnd)
    }

    /// In the speaker view: how many pages the current slide takes on the projector.
    public private(set) var projectorPageCount = 1

    /// The speaker view on a second terminal: keys go to the projector, the slide follows it.
    public let isSpeakerView: Bool
    /// The session the speaker view and the projector share (for what the speaker view says).
    public let session: String

    /// The speaker notes of the current slide.
    public var notes: String? { deck.notes[index] }

    /// The automatic advance showed the last page of the last slide its full time and stopped (no `--loop`).
    public private(set) var hasStoppedAtEnd = false

    public var slide: Slide { deck.slides[index] }

    /// One key in presenter mode: its command (from the keymap), or a digit of a slide number. `pages`
    /// tells how many pages a slide takes at the current size.
    /// `pages` tells how many pages slide N (an index) takes at the current size.
    public mutating func handle(_ command: CommandID?, key: Key, pages: (Int) -> Int, labels: () -> [String] = { [] },
                                now: Date = Date()) -> Outcome {
        if var open = overview {
            switch open.handle(key, labels: labels()) {
            case .stays: overview = open
            case .closes: overview = nil
            case .goes(let target):
                overview = nil
                go(to: target)
            }
            return .handled
        }
        if isBlank && command != .quit {
            // Back from black: the slide gets its full time again. A slide number (`12G` from the speaker view's
            // list) also goes there; any other key only brings the slide back.
            (isBlank, isWhite) = (false, false)
            shownSince = nil
            let isDigit = if case .character(let character) = key { character.isWholeNumber } else { false }
            let isJump = (isDigit && command == nil) || (command == .lastSlide && !digits.isEmpty)
            if !isJump { return .handled }
        }
        let afterJump = hasJustJumped
        hasJustJumped = false
        if case .character(let character) = key, character.isWholeNumber, command == nil {
            digits.append(character)
            // Jump as soon as no further digit could make a valid slide number.
            if let number = Int(digits), number * 10 > deck.slides.count { return jumpToTypedNumber() }
            return .handled
        }
        switch command {
        case .nextSlide? where key == .enter && !digits.isEmpty, .lastSlide? where !digits.isEmpty:
            // `12 Enter`, and `12G` as in presenterm and vim.
            return jumpToTypedNumber()
        case .lastSlide? where afterJump:
            break
        case .slideOverview?:
            digits = ""
            overview = SlideOverview(at: index)
        case .pauseClock?:
            // Standing still: the start moves on by the paused time when it runs again.
            if let paused = clockPausedAt {
                startedAt = startedAt.addingTimeInterval(now.timeIntervalSince(paused))
                slideShownAt = slideShownAt.addingTimeInterval(now.timeIntervalSince(paused))
                clockPausedAt = nil
            } else {
                clockPausedAt = now
            }
        case .resetClock?:
            startedAt = now
            slideShownAt = now
            clockPausedAt = clockPausedAt.map { _ in now }
        case .nextSlide?:
            // The next bullet of a stepwise slide (on one page) first. On the last page of the last slide Space stays there.
            if let shown = revealed, let total = Self.steps(of: slide), shown < total, pages(index) == 1 {
                revealed = shown + 1
            } else if page + 1 < pages(index) { page += 1 } else if index + 1 < deck.slides.count { go(to: index + 1) }
        case .previousSlide?:
            if let shown = revealed, shown > 0, pages(index) == 1 {
                revealed = shown - 1
            } else if page > 0 {
                page -= 1
            } else if index > 0 {
                go(to: index - 1)
                page = pages(index) - 1
                // Back onto a stepwise slide: all its bullets, as they were when it was left.
                revealed = Self.steps(of: slide)
            }
        case .firstSlide?: go(to: 0)
        case .lastSlide?: go(to: deck.slides.count - 1)
        case .blankScreen?: (isBlank, isWhite) = (true, false)
        case .whiteScreen?: (isBlank, isWhite) = (true, true)
        case .pauseAutoAdvance?:
            guard autoAdvance != nil else { return .unknown }
            isPaused.toggle()
            shownSince = nil
        case .leavePresenter?: return .leave
        case .quit?: return .quit
        default: return .unknown
        }
        return .handled
    }

    /// Advances an unattended screen page by page; true when the screen changed. A black screen or a
    /// pause holds it; after the last page of the last slide it stops unless the deck loops.
    public mutating func tick(now: Date, pages: (Int) -> Int) -> Bool {
        guard let autoAdvance, !isBlank, !isPaused, !hasStoppedAtEnd else { return false }
        guard let since = shownSince else {
            shownSince = now
            return false
        }
        guard now.timeIntervalSince(since) >= autoAdvance else { return false }
        shownSince = now
        if let shown = revealed, let total = Self.steps(of: slide), shown < total {
            revealed = shown + 1
        } else if page + 1 < pages(index) {
            page += 1
        } else if index + 1 < deck.slides.count || loops {
            index = index.cycled(by: 1, in: deck.slides.count)
            page = 0
            revealed = Self.steps(of: slide).map { _ in 0 }
        } else {
            hasStoppedAtEnd = true
        }
        return true
    }

    /// Slides whose body is words (not a chart or the timeline's columns) may show it in block letters.
    static func allowsBigText(_ slide: Slide) -> Bool {
        switch slide {
        case .figure, .timeline, .sourceTable: false
        default: true
        }
    }

    /// How many bullets come one at a time on a slide, or nil when they all show at once.
    static func steps(of slide: Slide) -> Int? {
        if case .free(let free) = slide, free.isStepwise { free.bullets.count } else { nil }
    }

    /// The footer's mark of the automatic advance: running, paused or at its end; empty without one.
    func autoAdvanceMark(unicode: Bool) -> String {
        guard let autoAdvance else { return "" }
        let seconds = autoAdvance.rounded() == autoAdvance ? "\(Int(autoAdvance))s" : String(format: "%.1fs", autoAdvance)
        if hasStoppedAtEnd { return unicode ? "■ auto: einde" : "[] auto: einde" }
        if isPaused { return (unicode ? "❚❚ " : "|| ") + "auto gepauzeerd" }
        return (unicode ? "▶ " : "> ") + "auto \(seconds)" + (loops ? (unicode ? " ↻" : " (herhaalt)") : "")
    }

    private mutating func go(to target: Int) {
        digits = ""
        hasStoppedAtEnd = false
        let clamped = max(0, min(target, deck.slides.count - 1))
        if clamped != index {
            shownSince = nil
            slideShownAt = Date()
        }
        index = clamped
        page = 0
        revealed = Self.steps(of: deck.slides[clamped]).map { _ in 0 }
    }

    /// Goes to the typed slide; a number the deck does not have moves nothing and says so.
    private mutating func jumpToTypedNumber() -> Outcome {
        defer { digits = "" }
        guard let number = Int(digits), (1...deck.slides.count).contains(number) else {
            return .said("Dia \(digits) bestaat niet: dit deck heeft dia 1 tot \(deck.slides.count)")
        }
        go(to: number - 1)
        hasJustJumped = true
        return .handled
    }

    // MARK: Drawing

    public func render(into frame: inout Frame, context: ScreenContext) {
        guard frame.width > 0, frame.height > 0 else { return }
        if isBlank {
            // Black (or white) whatever the theme: the light theme's background is white.
            frame.fill(Rect(x: 0, y: 0, width: frame.width, height: frame.height), role: isWhite ? .whiteout : .blackout)
            return
        }
        let (content, layout) = layout(slide, dataset: context.acceptedDataset, width: frame.width, height: frame.height, glyphs: context.glyphs,
                                       plain: context.isReaderMode)
        // Bullets not yet shown keep their place, so the slide does not move as they come (a slide of more than one
        // page shows them all: a bullet revealed on a page not shown would be a key press for nothing).
        let steps = layout.pages.count == 1 ? Self.steps(of: slide) ?? 0 : 0
        layout.draw(page: page, into: &frame, hiding: revealed.map { min($0, steps)..<steps } ?? 0..<0)
        drawFooter(content.label, pageCount: layout.pages.count, mark: autoAdvanceMark(unicode: context.glyphs == .unicode), into: &frame)
        if let overview {
            let width = min(frame.width - 2, 72)
            let area = Rect(x: (frame.width - width) / 2, y: 1, width: width, height: max(3, frame.height - 3))
            overview.render(into: &frame, area: area, labels: labels(dataset: context.acceptedDataset, glyphs: context.glyphs), current: index)
        }
    }

    /// Every slide's label, for the overview ("Centrale vraag", "Tabel 1: …").
    public func labels(dataset: Dataset, glyphs: Glyphs) -> [String] {
        deck.slides.map { SlideContent($0, dataset: dataset, glyphs: glyphs).label }
    }

    /// A slide's content and how it is laid out in a frame of this size: the body above a one-row footer, the
    /// heading in the deck's one size for this frame. `plain` (reader mode): no block letters at all, for a screen
    /// reader or braille display reads them as rows of ▀ and █.
    func layout(_ slide: Slide, dataset: Dataset, width: Int, height: Int, glyphs: Glyphs, plain: Bool) -> (content: SlideContent, layout: SlideLayout) {
        let area = Rect(x: 0, y: 0, width: width, height: height - 1)
        let content = SlideContent(slide, dataset: dataset, glyphs: glyphs, width: SlideLayout.textWidth(for: area.width))
        let scale = plain ? nil : measures.headingScale(for: area, unicode: glyphs == .unicode) {
            deck.slides.map { SlideContent($0, dataset: dataset, glyphs: glyphs, width: SlideLayout.textWidth(for: area.width)) }
        }
        return (content, SlideLayout(content: content, area: area, unicode: glyphs == .unicode, headingScale: scale,
                                     bigText: !plain && deck.prefersBigText && Self.allowsBigText(slide)))
    }

    /// How many pages slide `index` takes in a frame of this size. The projector tells it on every turn of its
    /// loop, so it is worked out once per size and review version (an accepted table change can change a slide).
    public func pageCount(of index: Int, dataset: Dataset, width: Int, height: Int, glyphs: Glyphs, plain: Bool, reviewVersion: Int) -> Int {
        measures.pageCount(of: index, size: .init(width: width, height: height, unicode: glyphs == .unicode, plain: plain), reviewVersion: reviewVersion) {
            layout(deck.slides[index], dataset: dataset, width: width, height: height, glyphs: glyphs, plain: plain).layout.pages.count
        }
    }

    /// The deck's title left, the slide's label and position right. The position ("7 / 16", the page, a typed
    /// number) always shows whole; the title and then the label give way.
    private func drawFooter(_ label: String, pageCount: Int, mark: String, into frame: inout Frame) {
        let y = frame.height - 1
        let pagePart = pageCount > 1 ? " (deel \(min(page, pageCount - 1) + 1)/\(pageCount))" : ""
        let position = "\(pagePart) · \(index + 1) / \(deck.slides.count)" + (digits.isEmpty ? "" : "  → \(digits)")
        let room = frame.width - 2 - DisplayWidth.of(position)
        let named = WordWrap.truncate((mark.isEmpty ? "" : mark + " · ") + label, width: max(0, room))
        let right = named + position
        // The deck's title only where a useful part of it fits: "C…" says nothing.
        let titleRoom = frame.width - DisplayWidth.of(right) - 4
        if titleRoom >= 12 { frame.write(WordWrap.truncate(deck.title, width: titleRoom), x: 1, y: y, role: .muted) }
        frame.write(right, x: max(0, frame.width - DisplayWidth.of(right) - 1), y: y, role: .muted)
    }
}

/// What one deck's layout needs again and again, worked out once: the heading scale per frame size (every
/// slide's heading is read once per size, not per frame) and each slide's page count per size and review version.
final class DeckMeasures: @unchecked Sendable {
    /// A frame size and how its letters are drawn (half blocks or `#`; none in reader mode).
    struct Size: Hashable {
        let width: Int
        let height: Int
        let unicode: Bool
        var plain = false
    }

    private struct Slide: Hashable {
        let index: Int
        let size: Size
        let reviewVersion: Int
    }

    private let lock = NSLock()
    private var scales: [Size: Int?] = [:]
    private var pageCounts: [Slide: Int] = [:]

    func headingScale(for area: Rect, unicode: Bool, slides: () -> [SlideContent]) -> Int? {
        let key = Size(width: area.width, height: area.height, unicode: unicode)
        if let known = lock.withLock({ scales[key] }) { return known }
        let scale = SlideLayout.headingScale(for: slides(), area: area, unicode: unicode)
        lock.withLock { scales[key] = .some(scale) }
        return scale
    }

    func pageCount(of index: Int, size: Size, reviewVersion: Int, count: () -> Int) -> Int {
        let key = Slide(index: index, size: size, reviewVersion: reviewVersion)
        if let known = lock.withLock({ pageCounts[key] }) { return known }
        let pages = count()
        lock.withLock { pageCounts[key] = pages }
        return pages
    }
}

/// Places a slide in its area: big heading, subtitle, body. A body that does not fit is first
/// drawn without its blank lines, then split over pages at paragraph breaks (Space goes on).
struct SlideLayout {
    let heading: [String]
    let subtitle: [String]
    let pages: [[WrappedLine]]
    /// A QR code under the body on every page, drawn as it is (never wrapped).
    let qrRows: [String]
    let area: Rect
    let textWidth: Int

    /// `headingScale`: the deck's block-letter size at this frame (`DeckMeasures`), nil for plain capitals.
    init(content: SlideContent, area: Rect, unicode: Bool, headingScale: Int?, bigText: Bool = false) {
        self.area = area
        textWidth = Self.textWidth(for: area.width)
        subtitle = content.subtitle.isEmpty ? [] : WordWrap.lines(content.subtitle, width: textWidth)
        let body = TextBlock.wrap(content.paragraphs, width: textWidth)
        heading = headingScale.flatMap { scale in
            BlockFont.wrapped(content.heading, scale: scale, unicode: unicode, width: area.width - 4)
                .map { lines in Array(lines.joined(separator: [""])) }
        } ?? WordWrap.lines(content.heading.uppercased(), width: area.width)
        // A QR code that does not fit whole is left out: half a code scans as nothing.
        let fullRoom = area.height - Self.rowsAbove(heading: heading, subtitle: subtitle)
        qrRows = content.qrRows.count + 2 <= fullRoom && (content.qrRows.first.map(DisplayWidth.of) ?? 0) <= area.width ? content.qrRows : []
        let room = fullRoom - (qrRows.isEmpty ? 0 : qrRows.count + 1)
        // Block letters for the body only where all of it fits one page so: else the text as usual.
        if bigText, let big = Self.bigBody(content.paragraphs, width: textWidth, unicode: unicode), big.count <= room {
            pages = [big]
        } else {
            pages = Self.pages(body, room: room)
        }
    }

    /// The body in the compact block letters (two rows a line of text), each paragraph broken between words, a
    /// blank row between lines and paragraphs; nil when a character has no block letter or a word is wider than
    /// the text column.
    private static func bigBody(_ paragraphs: [Paragraph], width: Int, unicode: Bool) -> [WrappedLine]? {
        var lines: [WrappedLine] = []
        for (index, paragraph) in paragraphs.enumerated() {
            guard !paragraph.text.isEmpty else { continue }
            guard BlockFont.canDraw(paragraph.text, face: .compact),
                  let rows = BlockFont.wrapped(paragraph.text, scale: 1, unicode: unicode, width: width, face: .compact) else { return nil }
            if !lines.isEmpty { lines.append(WrappedLine(text: "", role: .normal, paragraph: index)) }
            lines += rows.joined(separator: [""]).map { WrappedLine(text: $0, role: paragraph.role == .muted ? .muted : .normal, paragraph: index) }
        }
        return lines
    }

    /// The text column: the width less a margin each side, at most 100 columns.
    static func textWidth(for width: Int) -> Int { max(1, min(width - 2 * max(1, width / 12), 100)) }

    /// The body on one page (without its blank lines if need be), or split over pages of `room` lines, with a
    /// chart's legend at the foot of every page.
    private static func pages(_ body: [WrappedLine], room: Int) -> [[WrappedLine]] {
        let room = max(1, room)
        let compact = body.filter { !isBlank($0) }
        if body.count <= room { return [body] }
        if compact.count <= room { return [compact] }
        let legend = Array(body.filter { $0.paging == .onEveryPage }.drop(while: isBlank))
        let rest = Array(body.filter { $0.paging != .onEveryPage }.reversed().drop(while: isBlank).reversed())
        guard !legend.isEmpty, room - legend.count - 1 >= 3 else { return split(body, room: room) }
        return split(rest, room: room - legend.count - 1).map { $0 + [WrappedLine(text: "", role: .normal, paragraph: -1)] + legend }
    }

    private static func isBlank(_ line: WrappedLine) -> Bool { line.text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Pages of at most `room` lines. Blocks (between blank lines) stay together where they fit on a page, else
    /// units do (a paragraph, or paragraphs kept together: a chart's category and its bars). A unit longer than
    /// the room left is cut after a sentence where one ends in the lower half, never leaving one line alone.
    private static func split(_ lines: [WrappedLine], room: Int) -> [[WrappedLine]] {
        let blocks = lines.split(whereSeparator: isBlank).map(Array.init)
        var pages: [[WrappedLine]] = [[]]
        func used() -> Int { pages[pages.count - 1].count }
        func place(_ group: ArraySlice<WrappedLine>, separated: Bool) {
            if separated, used() > 0 { pages[pages.count - 1].append(WrappedLine(text: "", role: .normal, paragraph: -1)) }
            pages[pages.count - 1] += group
        }
        for block in blocks {
            if used() + (used() > 0 ? 1 : 0) + block.count <= room {
                place(block[...], separated: true)
                continue
            }
            if block.count <= room {
                pages.append([])
                place(block[...], separated: false)
                continue
            }
            for (index, unit) in units(of: block).enumerated() {
                var rest = unit[...]
                var separated = index == 0
                while !rest.isEmpty {
                    let free = room - used() - (separated && used() > 0 ? 1 : 0)
                    if rest.count <= free {
                        place(rest, separated: separated)
                        break
                    }
                    // Too little room for two lines of it, or a unit that fits a page of its own: a new page (on an
                    // empty page it is cut, however small the room: a tiny terminal still gets every line).
                    if used() > 0 && (free < 2 || rest.count <= room) {
                        pages.append([])
                        separated = false
                        continue
                    }
                    let cut = max(1, cutPoint(rest, atMost: max(1, free)))
                    place(rest.prefix(cut), separated: separated)
                    rest = rest.dropFirst(cut)
                    pages.append([])
                    separated = false
                }
            }
        }
        return pages.filter { !$0.isEmpty }
    }

    /// The block's paragraphs, those that keep with the next joined to it.
    private static func units(of block: [WrappedLine]) -> [[WrappedLine]] {
        var units: [[WrappedLine]] = []
        var keepsWithPrevious = false
        for line in block {
            let startsParagraph = units.last?.last.map { $0.paragraph != line.paragraph } ?? true
            if startsParagraph && !keepsWithPrevious || units.isEmpty { units.append([line]) } else { units[units.count - 1].append(line) }
            keepsWithPrevious = line.paging == .keepsWithNext
        }
        return units
    }

    /// How many lines of `lines` go on a page with `room` lines free: after the last sentence that ends in the
    /// lower half of the room, else the room; one line is never left alone on either side.
    private static func cutPoint(_ lines: ArraySlice<WrappedLine>, atMost room: Int) -> Int {
        let candidates = Array(lines.prefix(room).enumerated())
        let sentenceEnd = candidates.last { offset, line in
            offset + 1 >= max(2, room / 2) && line.text.trimmingCharacters(in: .whitespaces).last.map { ".!?:;".contains($0) } == true
        }
        var cut = sentenceEnd.map { $0.offset + 1 } ?? room
        if lines.count - cut == 1 && cut > 2 { cut -= 1 }
        return cut
    }

    /// The heading, a blank row, and the subtitle with a blank row after it when there is one.
    static func rowsAbove(heading: [String], subtitle: [String]) -> Int {
        heading.count + 1 + (subtitle.isEmpty ? 0 : subtitle.count + 1)
    }

    /// `hiding`: the paragraphs drawn as empty lines (the bullets of a stepwise slide not yet shown).
    func draw(page: Int, into frame: inout Frame, hiding: Range<Int> = 0..<0) {
        let body = pages[max(0, min(page, pages.count - 1))].map { line in
            hiding.contains(line.paragraph) ? WrappedLine(text: "", role: .normal, paragraph: line.paragraph) : line
        }
        let total = Self.rowsAbove(heading: heading, subtitle: subtitle) + body.count + (qrRows.isEmpty ? 0 : qrRows.count + 1)
        var y = area.y + max(0, (area.height - total) / 3)
        for row in heading {
            frame.write(row, x: area.x + max(0, (area.width - DisplayWidth.of(row)) / 2), y: y, role: .title)
            y += 1
        }
        y += 1
        for line in subtitle {
            frame.write(line, x: area.x + max(0, (area.width - DisplayWidth.of(line)) / 2), y: y, role: .label)
            y += 1
        }
        if !subtitle.isEmpty { y += 1 }
        let x = area.x + (area.width - textWidth) / 2
        TextBlock.draw(body, top: 0, into: &frame, area: Rect(x: x, y: y, width: textWidth, height: area.maxY - y), highlight: [])
        y += body.count + 1
        for row in qrRows {
            frame.write(row, x: area.x + max(0, (area.width - DisplayWidth.of(row)) / 2), y: y, role: .qrCode)
            y += 1
        }
    }

    /// The biggest block-letter scale at which every heading of a deck fits the width (broken between words)
    /// and a third of the height, and no slide needs a page more than with plain headings; nil when there is
    /// none: then all are plain. One size for the whole deck, so headings do not jump from slide to slide.
    static func headingScale(for slides: [SlideContent], area: Rect, unicode: Bool) -> Int? {
        let plainPages = slides.map { SlideLayout(content: $0, area: area, unicode: unicode, headingScale: nil).pages.count }
        // Half blocks join two pixel rows, so only scale 1 or an even scale keeps pixels square.
        return (unicode ? [4, 2, 1] : [2, 1]).first { scale in
            slides.allSatisfy { slide in
                guard BlockFont.canDraw(slide.heading),
                      let lines = BlockFont.wrapped(slide.heading, scale: scale, unicode: unicode, width: area.width - 4) else { return false }
                return lines.reduce(0) { $0 + $1.count } + lines.count - 1 <= area.height / 3
            } && zip(slides, plainPages).allSatisfy { slide, plain in
                SlideLayout(content: slide, area: area, unicode: unicode, headingScale: scale).pages.count <= plain
            }
        }
    }
}
