import DialoogModel
import Foundation

/// Where the projector is, as it tells the speaker view: sent as one line over the presentation socket.
public struct PresenterState: Equatable, Sendable {
    public var index: Int
    public var page: Int
    public var isBlank: Bool
    /// The blank screen is white.
    public var isWhite: Bool
    /// How many pages the current slide takes on the projector (its size decides), so the speaker view can say
    /// whether Space turns a page or the slide.
    public var pageCount = 1
    /// How many bullets of a stepwise slide show; nil on other slides.
    public var revealed: Int?
    /// The talk's clock: paused since, the current slide up since, the planned end.
    public var clockPausedAt: Date?
    public var slideShownAt = Date(timeIntervalSince1970: 0)
    public var plannedEnd: Date?
    public var isPaused: Bool
    public var startedAt: Date
    /// The projector's `--auto` seconds, `--loop` and whether it stopped at the end, for the speaker's mark.
    public var autoAdvance: TimeInterval?
    public var loops: Bool
    public var stoppedAtEnd: Bool
    /// Which deck the projector shows, so a speaker view of another deck refuses to steer it.
    public var deck: DeckIdentity
    /// False once the projector left the talk for browsing: the speaker view says so instead of a slide.
    public var isPresenting: Bool

    /// "toestand index=3 page=0 blank=0 paused=0 started=1795600800.0 auto=20.0 loop=0 end=0 bezig=1 dias=16 deck=Htno-middag%20…".
    public var line: String {
        "toestand index=\(index) page=\(page) blank=\(isBlank ? (isWhite ? 2 : 1) : 0) paused=\(isPaused ? 1 : 0) pages=\(pageCount) onthuld=\(revealed.map(String.init) ?? "-") klokpauze=\(Self.word(clockPausedAt)) diasinds=\(Self.word(slideShownAt)) einde=\(Self.word(plannedEnd)) started=\(startedAt.timeIntervalSince1970)"
            + " auto=\(autoAdvance.map { String($0) } ?? "-") loop=\(loops ? 1 : 0) end=\(stoppedAtEnd ? 1 : 0) bezig=\(isPresenting ? 1 : 0) "
            + deck.words
    }

    public init(index: Int, page: Int, isBlank: Bool, isWhite: Bool = false, isPaused: Bool, startedAt: Date, autoAdvance: TimeInterval? = nil,
                loops: Bool = false, stoppedAtEnd: Bool = false, deck: DeckIdentity, isPresenting: Bool = true) {
        (self.index, self.page, self.isBlank, self.isPaused, self.startedAt) = (index, page, isBlank, isPaused, startedAt)
        self.isWhite = isBlank && isWhite
        (self.autoAdvance, self.loops, self.stoppedAtEnd) = (autoAdvance, loops, stoppedAtEnd)
        (self.deck, self.isPresenting) = (deck, isPresenting)
        slideShownAt = startedAt
    }

    /// Nil for a line that is no state.
    public init?(line: String) {
        guard let values = Self.values(of: line, first: "toestand") else { return nil }
        guard let index = values["index"].flatMap(Int.init), let page = values["page"].flatMap(Int.init),
              let started = values["started"].flatMap(Double.init), let deck = DeckIdentity(values) else { return nil }
        self.init(index: index, page: page, isBlank: values["blank"] == "1" || values["blank"] == "2", isWhite: values["blank"] == "2",
                  isPaused: values["paused"] == "1",
                  startedAt: Date(timeIntervalSince1970: started), autoAdvance: values["auto"].flatMap(Double.init),
                  loops: values["loop"] == "1", stoppedAtEnd: values["end"] == "1", deck: deck, isPresenting: values["bezig"] != "0")
        pageCount = values["pages"].flatMap(Int.init).map { max(1, $0) } ?? 1
        revealed = values["onthuld"].flatMap(Int.init)
        clockPausedAt = Self.date(values["klokpauze"])
        slideShownAt = Self.date(values["diasinds"]) ?? startedAt
        plannedEnd = Self.date(values["einde"])
    }

    /// A moment as a word of the line: seconds since 1970, or "-" for none.
    private static func word(_ date: Date?) -> String { date.map { String($0.timeIntervalSince1970) } ?? "-" }

    private static func date(_ word: String?) -> Date? { word.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } }

    /// The words of a line after its first: "name=value" pairs.
    static func values(of line: String, first: String) -> [String: String]? {
        let words = line.split(separator: " ")
        guard words.first.map(String.init) == first else { return nil }
        var values: [String: String] = [:]
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }
}

/// A deck as both ends of a presentation name it: its title and how many slides it has. Two ends with
/// different decks refuse each other (a speaker view of `cyclus` must not steer the htno-middag).
public struct DeckIdentity: Equatable, Sendable {
    public let title: String
    public let slideCount: Int

    public init(_ deck: Deck) {
        title = deck.title
        slideCount = deck.slides.count
    }

    /// "dias=16 deck=Htno-middag%2018%20januari…": the title percent-encoded, so it stays one word.
    var words: String {
        "dias=\(slideCount) deck=\(title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }

    init?(_ values: [String: String]) {
        guard let count = values["dias"].flatMap(Int.init), let title = values["deck"]?.removingPercentEncoding else { return nil }
        (self.title, slideCount) = (title, count)
    }

    /// One Dutch line when `other` (the projector's deck) is not this one (the speaker view's), else nil.
    public func mismatch(with other: DeckIdentity) -> String? {
        guard other != self else { return nil }
        return "Ander deck: de beamer toont ‘\(other.title)’ (\(other.slideCount) dia's), deze sprekersweergave ‘\(title)’ "
            + "(\(slideCount) dia's); start de sprekersweergave met hetzelfde --deck"
    }
}

/// A hint the projector sends its speaker views ("melding Toets x doet niets …"): one line, its words as typed.
public struct SpeakerHint: Equatable, Sendable {
    public let text: String

    public init(text: String) { self.text = text.replacingOccurrences(of: "\n", with: " ") }

    public var line: String { "melding " + text }

    public init?(line: String) {
        guard line.hasPrefix("melding ") else { return nil }
        text = String(line.dropFirst(8))
    }
}

/// What a speaker view says when it connects: which deck it has ("sprekersweergave dias=16 deck=…").
public struct SpeakerHello: Equatable, Sendable {
    public let deck: DeckIdentity

    public init(deck: DeckIdentity) { self.deck = deck }

    public var line: String { "sprekersweergave " + deck.words }

    public init?(line: String) {
        guard let values = PresenterState.values(of: line, first: "sprekersweergave"), let deck = DeckIdentity(values) else { return nil }
        self.deck = deck
    }
}

/// A key pressed in the speaker view, for the projector to carry out: the command it means there (if
/// any) and the key itself (digits jump to a slide number).
public struct RemoteKey: Equatable, Sendable {
    public let command: CommandID?
    public let key: Key

    public init(command: CommandID?, key: Key) {
        self.command = command
        self.key = key
    }

    /// "toets dia.volgende space" or "toets - 3".
    public var line: String { "toets \(command?.rawValue ?? "-") \(key.name)" }

    public init?(line: String) {
        let words = line.split(separator: " ").map(String.init)
        guard words.count == 3, words[0] == "toets", let key = Key(name: words[2]) else { return nil }
        self.init(command: CommandID(rawValue: words[1]), key: key)
    }
}

/// The presenter's own screen on a second terminal: the current and next slide, the notes, the clock,
/// the time since the first slide and the position; it follows the projector.
struct SpeakerView {
    let presenter: Presenter
    let now: Date
    let projectorConnected: Bool
    /// Why the view does not follow the projector (another deck, no talk), or nil.
    let notice: String?
    /// What the last key here said (a key the projector did not get).
    let message: String?
    let session: String

    func render(into frame: inout Frame, context: ScreenContext) {
        let deck = presenter.deck
        let width = frame.width
        let title = WordWrap.truncate("Sprekersweergave · \(deck.title)", width: max(1, width - 12))
        frame.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)
        frame.write(title, x: 1, y: 0, role: .header)
        let clock = Self.time(now, seconds: true)
        frame.write(clock, x: max(0, width - DisplayWidth.of(clock) - 1), y: 0, role: .header)
        var y = 2
        if !projectorConnected {
            for line in WordWrap.lines("Geen projector voor sessie '\(session)': wacht… Start in het andere venster: htno-dialoog present "
                                       + "--deck … (met dezelfde --session).", width: max(1, width - 2)) {
                frame.write(line, x: 1, y: y, role: .warning)
                y += 1
            }
            y += 1
        } else if let notice {
            // Instead of a slide the projector does not show: the speaker must never talk to the wrong screen.
            for line in WordWrap.lines(notice, width: max(1, width - 2)) {
                frame.write(line, x: 1, y: y, role: .warning)
                y += 1
            }
            frame.focus = Point(x: 1, y: 2)
            drawStatus(message ?? "Sessie '\(session)'", into: &frame, context: context)
            return
        }
        let current = SlideContent(presenter.slide, dataset: context.acceptedDataset, glyphs: context.glyphs)
        let count = deck.slides.count
        let pages = presenter.projectorPageCount
        frame.write("Nu \(presenter.index + 1)/\(count): ", x: 1, y: y, role: .label)
        let state = presenter.isBlank ? (presenter.isWhite ? " (scherm wit)" : " (scherm zwart)") : ""
        let steps = Presenter.steps(of: presenter.slide)
        let part = pages > 1 ? " (deel \(presenter.page + 1)/\(pages))"
            : steps.map { total in " (punt \(presenter.revealed ?? total)/\(total))" } ?? ""
        frame.write(WordWrap.truncate(current.label + part + state, width: max(1, width - 16)), x: 15, y: y, role: .title)
        y += 1
        // Space turns a page of this slide first, then goes to the next one: say which it does now.
        let nextStep = steps.flatMap { total in (presenter.revealed ?? total) < total ? (presenter.revealed ?? total) + 1 : nil }
        let staysHere = nextStep != nil || presenter.page + 1 < pages
        let next = if let nextStep, let steps { "punt \(nextStep)/\(steps) van deze dia" }
            else if presenter.page + 1 < pages { "deel \(presenter.page + 2)/\(pages) van deze dia" }
            else if presenter.index + 1 < count {
                SlideContent(deck.slides[presenter.index + 1], dataset: context.acceptedDataset, glyphs: context.glyphs).label
            } else { "(einde van het deck)" }
        frame.write("Volgende: ", x: 1, y: y, role: .label)
        frame.write(WordWrap.truncate(next, width: max(1, width - 16)), x: 15, y: y, role: staysHere ? .warning : .normal)
        y += 2
        let footerY = frame.height - 1
        if let overview = presenter.overview {
            // The list in the notes' place: choosing here moves the projector.
            overview.render(into: &frame, area: Rect(x: 0, y: y, width: width, height: max(0, footerY - y)),
                            labels: presenter.labels(dataset: context.acceptedDataset, glyphs: context.glyphs), current: presenter.index)
            drawStatus(message ?? "Enter: de beamer gaat naar de gekozen dia", into: &frame, context: context)
            return
        }
        // A wide speaker view shows the next slide in miniature beside the notes.
        let miniatureWidth = width >= 100 ? min(48, width * 2 / 5) : 0
        if miniatureWidth > 0, presenter.index + 1 < count {
            let box = Rect(x: width - miniatureWidth - 1, y: y, width: miniatureWidth, height: max(3, min(14, footerY - 1 - y)))
            drawMiniature(of: deck.slides[presenter.index + 1], in: box, into: &frame, context: context)
        }
        let notesWidth = width - 2 - (miniatureWidth > 0 ? miniatureWidth + 2 : 0)
        let notes = presenter.notes.map { Paragraph($0) } ?? Paragraph("Geen notities bij deze dia.", role: .muted)
        let lines = TextBlock.wrap([Paragraph("Notities", role: .label), notes], width: max(1, notesWidth))
        TextBlock.draw(lines, top: 0, into: &frame, area: Rect(x: 1, y: y, width: max(1, notesWidth), height: max(0, footerY - 1 - y)), highlight: [])
        drawStatus(message ?? clockLine(count: count, unicode: context.glyphs == .unicode, keymap: context.keymap), into: &frame, context: context)
        frame.focus = Point(x: 1, y: 2)
    }

    /// "Verstreken 0:12:34 · deze dia 1:05 · nog 0:32:10 tot 15:30 · dia 3/16": the talk's clock (stood still
    /// while paused), the time on this slide, the countdown to the planned end (over time, it says so).
    func clockLine(count: Int, unicode: Bool, keymap: Keymap) -> String {
        let paused = presenter.clockPausedAt != nil
        var parts = ["Verstreken \(Self.duration(presenter.elapsed(at: now)))" + (paused ? " (klok stil, \(keymap.key(for: .pauseClock)): verder)" : "")]
        parts.append("deze dia \(Self.minutes((presenter.clockPausedAt ?? now).timeIntervalSince(presenter.slideShownAt)))")
        if let end = presenter.plannedEnd {
            let left = end.timeIntervalSince(now)
            parts.append(left >= 0 ? "nog \(Self.duration(left)) tot \(Self.time(end, seconds: false))"
                                   : "\(Self.duration(-left)) over tijd (einde \(Self.time(end, seconds: false)))")
        }
        parts.append("dia \(presenter.index + 1)/\(count)")
        let mark = presenter.autoAdvanceMark(unicode: unicode)
        return (parts + (mark.isEmpty ? [] : [mark])).joined(separator: " · ")
    }

    /// The next slide as the audience will see it, small: its heading, subtitle and first lines in a box.
    private func drawMiniature(of slide: Slide, in box: Rect, into frame: inout Frame, context: ScreenContext) {
        frame.box(box, role: .border, glyphs: context.glyphs, title: "Volgende dia", titleRole: .muted)
        let inner = box.inset(by: 1)
        let content = SlideContent(slide, dataset: context.acceptedDataset, glyphs: context.glyphs, width: inner.width)
        let paragraphs = [Paragraph(content.heading.uppercased(), role: .title)] + (content.subtitle.isEmpty ? [] : [Paragraph(content.subtitle, role: .label)])
            + [.blank] + content.paragraphs
        TextBlock.draw(TextBlock.wrap(paragraphs, width: inner.width, limit: inner.height), top: 0, into: &frame, area: inner, highlight: [])
    }

    /// The last line: the status (or what a key said), and the keys where they fit.
    private func drawStatus(_ status: String, into frame: inout Frame, context: ScreenContext) {
        let (width, footerY) = (frame.width, frame.height - 1)
        frame.fill(Rect(x: 0, y: footerY, width: width, height: 1), role: .status)
        frame.write(WordWrap.truncate(status, width: max(1, width - 2)), x: 1, y: footerY, role: .status)
        let keys = [(CommandID.nextSlide, "volgende"), (.previousSlide, "vorige"), (.blankScreen, "zwart"), (.quit, "stopt")]
            .map { "\(context.keymap.key(for: $0.0)) \($0.1)" }.joined(separator: " · ")
        if DisplayWidth.of(status) + DisplayWidth.of(keys) + 4 <= width {
            frame.write(keys, x: width - DisplayWidth.of(keys) - 1, y: footerY, role: .status)
        }
    }

    /// "14:02:37" in Dutch time.
    static func time(_ date: Date, seconds: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: seconds ? "%02d:%02d:%02d" : "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// "1:05", "12:31": minutes and seconds on one slide.
    static func minutes(_ interval: TimeInterval) -> String {
        let total = max(0, Int(interval))
        return String(format: "%d:%02d", total / 60, total % 60)
    }

    /// "0:12:31".
    static func duration(_ interval: TimeInterval) -> String {
        let total = max(0, Int(interval))
        return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
    }
}
