import CNCurses
import DialoogUI
import Foundation
import Glibc

public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The real terminal through ncursesw: draws frames and reads keys. The only code that touches ncurses.
public final class Terminal {
    private let screen: OpaquePointer
    public let colorMode: ColorMode
    private var theme: Theme
    /// Colour pair and attributes per role, resolved once.
    private var roleAttributes: [Role: (pair: Int16, attributes: attr_t)] = [:]
    /// What is on the terminal now, to send only the cells that changed.
    private var shown: Frame?
    private var isRestored = false

    /// Whether the locale can show UTF-8 box drawing and Dutch accents.
    public let isUTF8: Bool

    /// Starts curses on the controlling terminal. Fails (without exiting) when there is none.
    /// Whether the parked cursor on the focus is visible (a screen reader's choice, `--reader`).
    public var showsFocus = false
    /// `--ascii`: marks and punctuation drawn as ASCII look-alikes even where the locale could show them.
    public var drawsASCIIMarks = false

    public init(theme: Theme, environment: [String: String], mouse: Bool = true) throws(TerminalError) {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "standaardinvoer en -uitvoer moeten een terminal zijn (gebruik --check om de data zonder terminal te controleren)")
        }
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input)
        else {
            throw TerminalError(description: "kan de terminal niet starten (\(environment["TERM"].map { "TERM=\($0)" } ?? "TERM niet gezet"))")
        }
        self.screen = screen
        self.theme = theme
        isUTF8 = nc_locale_is_utf8() != 0
        nc_install_signal_handlers()
        nc_install_crash_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(nc_stdscr(), true)
        nc_define_key_variants()
        nc_define_ready_key()
        nc_enable_bracketed_paste(1)
        set_escdelay(25)
        if mouse { nc_enable_mouse() }
        wtimeout(nc_stdscr(), 1000)
        curs_set(0)
        // Ask the terminal about colour only when NO_COLOR allows it: start_color alone already
        // makes ncurses send explicit white-on-black.
        let mayUseColor = ColorMode.choose(environment: environment, terminalColors: 256) != .monochrome
        let hasColors = mayUseColor && has_colors() && start_color() == OK
        colorMode = ColorMode.choose(environment: environment, terminalColors: hasColors ? Int(nc_colors()) : 0)
        if colorMode != .monochrome { use_default_colors() }
        setUpRoles()
    }

    deinit { restore() }

    public var size: (width: Int, height: Int) { (Int(nc_cols()), Int(nc_lines())) }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        // The terminal's answer to the last status request must not reach the shell as "^[[0n": wait for it
        // (not from a terminal that is gone: every read would fail at once until the deadline).
        let deadline = Date().addingTimeInterval(Self.answerTimeout)
        while awaitingAnswerSince != nil, terminalAnswers != false, !hasHungUp, Date() < deadline { _ = readKey(timeoutMilliseconds: 50) }
        nc_enable_bracketed_paste(0)
        endwin()
        delscreen(screen)
    }

    /// Flow control: after a frame the terminal is asked to answer (DSR 5); the next frame waits for the
    /// answer, so a slow link never holds more than one frame. A terminal that never answers turns it off.
    private var awaitingAnswerSince: Date?
    private var terminalAnswers: Bool?
    private static let answerTimeout: TimeInterval = 0.5

    /// True when the previous frame has reached the terminal (or it does not answer such questions).
    public var isReadyForFrame: Bool {
        guard let since = awaitingAnswerSince else { return true }
        if Date().timeIntervalSince(since) < Self.answerTimeout { return false }
        if terminalAnswers == nil { terminalAnswers = false }
        awaitingAnswerSince = nil
        return true
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) received since the last call, or 0. A terminal that has
    /// hung up counts as SIGHUP, also when no SIGHUP came (a program in a session of its own, or a signal
    /// lost): every read then fails at once, and a loop that waited for keys would spin on it for ever.
    public func takePendingSignal() -> Int32 {
        let signal = nc_take_pending_signal()
        return signal != 0 ? signal : hasHungUp ? SIGHUP : 0
    }

    /// Whether the terminal is gone: its window closed or its connection dropped.
    private var hasHungUp: Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&input, 1, 0) == 1 && input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Keys read during a wait outside the loop, for the loop to have afterwards.
    private var keptKeys: [Key] = []

    /// Whether keys typed during such a wait are still to come.
    public var hasKeptKeys: Bool { !keptKeys.isEmpty }

    /// True when a signal waits to be taken (or the terminal hung up), or Esc was pressed: for a wait outside the loop (the database is
    /// busy) that the user may end. Any other key meanwhile is kept for later, typed text and pastes too.
    public func isWaitGivenUp() -> Bool {
        if nc_peek_pending_signal() != 0 || hasHungUp { return true }
        while let key = readTerminalKey(timeoutMilliseconds: 0) {
            if key == .escape { return true }
            keptKeys.append(key)
        }
        return false
    }

    /// Forgets what is on screen so the next draw repaints everything (Ctrl-L, after a resize).
    public func invalidate() {
        shown = nil
        clearok(nc_stdscr(), true)
    }

    /// Writes `text` over the bottom line at once, outside the frame cycle: for a wait that blocks the loop
    /// (the database is busy). The next frame repaints everything.
    public func showNotice(_ text: String) {
        let y = size.height - 1
        guard y >= 0 else { return }
        var x = 0
        // The whole line: nothing of the hint that was there may stay beside it.
        let line = " " + text + String(repeating: " ", count: max(0, size.width - text.count - 1))
        for character in line.prefix(max(0, size.width)) {
            var cell = Cell.blank
            cell.text = String(character)
            cell.role = .warning
            put(cell, x: x, y: y)
            x += 1
        }
        wrefresh(nc_stdscr())
        invalidate()
    }

    public func draw(_ frame: Frame) {
        if shown?.width != frame.width || shown?.height != frame.height {
            shown = nil
            werase(nc_stdscr())
        }
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                var cell = frame[x, y]
                if shown?[x, y] == cell { continue }
                if !isUTF8 {
                    cell.text = AsciiFallback.cell(cell.text)
                } else if drawsASCIIMarks {
                    cell.text = AsciiFallback.marks(cell.text)
                } else if cell.text.isEmpty {
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        // The cursor shows where typing goes; otherwise it is parked, hidden unless asked for (--reader),
        // on the focused row or cell, which screen readers and braille displays follow.
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else if let focus = frame.focus {
            curs_set(showsFocus ? 1 : 0)
            move(Int32(focus.y), Int32(focus.x))
        } else {
            curs_set(0)
        }
        wrefresh(nc_stdscr())
        shown = frame
        if terminalAnswers != false {
            nc_request_status()
            awaitingAnswerSince = Date()
        }
    }

    /// The next key, waiting at most `timeoutMilliseconds` (-1: up to the default of a second; 0: don't wait).
    public func readKey(timeoutMilliseconds: Int32 = -1) -> Key? {
        if !keptKeys.isEmpty { return keptKeys.removeFirst() }
        return readTerminalKey(timeoutMilliseconds: timeoutMilliseconds)
    }

    private func readTerminalKey(timeoutMilliseconds: Int32) -> Key? {
        wtimeout(nc_stdscr(), timeoutMilliseconds < 0 ? 1000 : timeoutMilliseconds)
        var value: wint_t = 0
        let result = wget_wch(nc_stdscr(), &value)
        switch result {
        case KEY_CODE_YES where Int32(value) == nc_ready_key():
            terminalAnswers = true
            awaitingAnswerSince = nil
            return nil
        case KEY_CODE_YES where Int32(value) == nc_paste_start_key(): return readPaste()
        case KEY_CODE_YES where Int32(value) == KEY_MOUSE: return Self.mouseKey()
        case KEY_CODE_YES: return Self.functionKey(Int32(value))
        case OK: return Self.characterKey(UInt32(value))
        default: return nil
        }
    }

    /// The text of a bracketed paste up to its end mark, read in one go (linear in its length). The end mark
    /// split over a slow link arrives as Esc and "[201~": that ends it too. A paste whose end never comes ends
    /// after three seconds of silence or at a signal, with what came; a resize inside it is kept for after.
    private func readPaste() -> Key {
        var text = String.UnicodeScalarView()
        let splitEnd = Array("\u{1B}[201~".unicodeScalars)
        wtimeout(nc_stdscr(), 3000)
        while nc_peek_pending_signal() == 0 {
            var value: wint_t = 0
            let result = wget_wch(nc_stdscr(), &value)
            if result == KEY_CODE_YES {
                switch Int32(value) {
                case nc_paste_end_key(): return .paste(String(text))
                case KEY_ENTER: text.append("\n")
                case KEY_RESIZE: keptKeys.append(.resize)
                case nc_ready_key():
                    terminalAnswers = true
                    awaitingAnswerSince = nil
                default: break
                }
                continue
            }
            guard result == OK, let scalar = Unicode.Scalar(UInt32(value)) else { break }
            text.append(scalar == "\r" ? "\n" : scalar)
            if scalar == "~", text.suffix(splitEnd.count).elementsEqual(splitEnd) {
                text.removeLast(splitEnd.count)
                break
            }
        }
        return .paste(String(text))
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var characters = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        let style = roleAttributes[cell.role] ?? (0, nc_a_normal())
        _ = nc_put_cell(Int32(y), Int32(x), characters, style.attributes, style.pair)
    }

    /// Switches to another theme without restarting (the theme key); redraws everything.
    public func apply(_ newTheme: Theme) {
        theme = newTheme
        setUpRoles()
        invalidate()
    }

    private func setUpRoles() {
        for (index, role) in Role.allCases.enumerated() {
            guard colorMode != .monochrome else {
                roleAttributes[role] = (0, Self.attributes(role.monochromeAttributes))
                continue
            }
            let style = theme.style(for: role)
            let foreground = colorMode.paletteIndex(for: style.foreground)
            let background = colorMode.paletteIndex(for: style.background)
            let pair = Int16(index + 1)
            init_pair(pair, Int16(foreground.index ?? -1), Int16(background.index ?? -1))
            roleAttributes[role] = (pair, Self.attributes(style.attributes) | (foreground.bold ? nc_a_bold() : nc_a_normal()))
        }
    }

    private static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = nc_a_normal()
        if attributes.contains(.bold) { result |= nc_a_bold() }
        if attributes.contains(.reverse) { result |= nc_a_reverse() }
        if attributes.contains(.underline) { result |= nc_a_underline() }
        if attributes.contains(.dim) { result |= nc_a_dim() }
        return result
    }

    private static func mouseKey() -> Key? {
        var x: Int32 = 0
        var y: Int32 = 0
        let kinds: [Int32: MouseEvent.Kind] = [1: .click, 2: .doubleClick, 3: .wheelUp, 4: .wheelDown]
        guard let kind = kinds[nc_take_mouse(&x, &y)] else { return nil }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), !TerminalSafeText.isUnsafe(scalar) else { return nil }
            return .character(Character(scalar))
        }
    }
}
