/// The `?` overlay: every command of the table with its keys from the live keymap, grouped, in a centred
/// box that scrolls with the movement keys.
enum HelpOverlay {
    /// Headings and commands, in the order of the command table; commands without a key are left out.
    static func lines(_ keymap: Keymap) -> [(keys: String, action: String)] {
        CommandGroup.allCases.flatMap { group -> [(keys: String, action: String)] in
            let commands = Command.all.filter { $0.group == group && !keymap.keys(for: $0.id).isEmpty }
            return [("", group.rawValue)] + commands.map { (keymap.keyLabel(for: $0.id), $0.label) }
        }
    }

    static func render(into frame: inout Frame, keymap: Keymap, top: Int, glyphs: Glyphs) {
        let lines = lines(keymap)
        let keyWidth = 18
        let width = min(76, frame.width)
        let height = min(frame.height, lines.count + 2)
        let box = Rect(x: (frame.width - width) / 2, y: (frame.height - height) / 2, width: width, height: height)
        frame.fill(box, role: .overlay)
        frame.box(box, role: .overlay, glyphs: glyphs, title: "Toetsen (\(keymap.key(for: .moveDown)) meer, andere toets sluit; \(keymap.key(for: .palette)) zoekt een opdracht)",
                  titleRole: .overlay)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let first = min(top, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.keys.isEmpty {
                frame.write(line.action, x: inner.x, y: y, role: .overlay, clip: inner)
            } else {
                frame.write(line.keys, x: inner.x + 2, y: y, role: .overlay, clip: inner)
                frame.write(line.action, x: inner.x + keyWidth + 2, y: y, role: .overlay, clip: inner)
            }
        }
        ScrollMarks.draw(into: &frame, area: Rect(x: inner.x, y: inner.y, width: inner.width + 1, height: inner.height),
                         top: first, total: lines.count, glyphs: glyphs)
    }
}
