/// What the `?` overlay shows: where it was opened (its keys first), how far it is scrolled, and what was
/// typed to find a key.
struct HelpView: Sendable {
    /// The screen help was opened on ("Doel 1"), and the commands of its key hints.
    let place: String
    let here: [CommandID]
    var top = 0
    var filter = ""
}

/// The `?` overlay: the keys of the screen it was opened on, then every command of the table with its keys
/// from the live keymap, grouped, in a centred box that scrolls; typing narrows it to the keys whose name or
/// meaning holds the typed text.
enum HelpOverlay {
    static func lines(_ keymap: Keymap, view: HelpView) -> [(keys: String, action: String)] {
        let bound = { (id: CommandID) in !keymap.keys(for: id).isEmpty }
        let line = { (command: Command) in (keymap.keyLabel(for: command.id), command.label) }
        let groups = CommandGroup.allCases.flatMap { group -> [(keys: String, action: String)] in
            let commands = Command.all.filter { $0.group == group && bound($0.id) }
                .filter { view.filter.isEmpty || Self.matches(line($0), view.filter) }
            return commands.isEmpty && !view.filter.isEmpty ? [] : [("", group.rawValue)] + commands.map(line)
        }
        guard view.filter.isEmpty else { return groups.isEmpty ? [("", "Geen toets past bij '\(view.filter)' (Backspace wist)")] : groups }
        let here = Command.all.filter { view.here.contains($0.id) && bound($0.id) }.map(line)
        return (here.isEmpty ? [] : [("", "Hier (\(view.place))")] + here + [("", "")]) + groups
    }

    private static func matches(_ line: (keys: String, action: String), _ filter: String) -> Bool {
        line.action.localizedCaseInsensitiveContains(filter) || line.keys.localizedCaseInsensitiveContains(filter)
    }

    static func title(_ keymap: Keymap, view: HelpView) -> String {
        view.filter.isEmpty
            ? "Toetsen (typ om te zoeken, \(keymap.key(for: .moveDown)) meer, \(keymap.key(for: .back)) sluit; \(keymap.key(for: .palette)) zoekt een opdracht)"
            : "Toetsen met '\(view.filter)' (Backspace wist, \(keymap.key(for: .back)) sluit)"
    }

    static func render(into frame: inout Frame, keymap: Keymap, view: HelpView, glyphs: Glyphs) {
        let lines = lines(keymap, view: view)
        let keyWidth = 18
        let width = min(76, frame.width)
        let height = min(frame.height, lines.count + 2)
        let box = Rect(x: (frame.width - width) / 2, y: (frame.height - height) / 2, width: width, height: height)
        frame.fill(box, role: .overlay)
        frame.box(box, role: .overlay, glyphs: glyphs, title: title(keymap, view: view), titleRole: .overlay)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let first = min(view.top, max(0, lines.count - inner.height))
        // A line longer than the box ends in "…": never cut without a sign.
        let fitted = { (text: String, width: Int) in WordWrap.truncate(text, width: max(1, width)) }
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.keys.isEmpty {
                frame.write(fitted(line.action, inner.width), x: inner.x, y: y, role: .overlay, clip: inner)
            } else {
                frame.write(fitted(line.keys, keyWidth - 1), x: inner.x + 2, y: y, role: .overlay, clip: inner)
                frame.write(fitted(line.action, inner.width - keyWidth - 2), x: inner.x + keyWidth + 2, y: y, role: .overlay, clip: inner)
            }
        }
        ScrollMarks.draw(into: &frame, area: Rect(x: inner.x, y: inner.y, width: inner.width + 1, height: inner.height),
                         top: first, total: lines.count, glyphs: glyphs)
        frame.focus = Point(x: inner.x, y: inner.y)
    }
}
