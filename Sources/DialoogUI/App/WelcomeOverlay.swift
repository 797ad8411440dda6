/// The one screen a first start shows over the dashboard: what it is and the four keys to find the rest
/// (the sections, `?`, `:`, `q`), from the live keymap. Any key closes it and does what it does.
enum WelcomeOverlay {
    /// The text at `width` columns: the paragraphs wrapped, the keys in a column of their own.
    static func lines(_ keymap: Keymap, width: Int) -> [String] {
        let key = keymap.key(for:)
        let keys: [(String, String)] = [
            ("1 tot 8", "de secties: Doelen, Regio's, Cyclus, Thema's, Voorbeelden, Review, Cijfers en Bronnen"),
            ("\(key(.moveDown)) \(key(.moveUp)) \(key(.open)) \(key(.back))", "kiezen, openen en terug"),
            (key(.help), "alle toetsen, waar u ook bent"),
            (key(.palette), "een opdracht zoeken op naam"),
            (key(.quit), "stoppen"),
        ]
        let keyWidth = (keys.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        let intro = "De permanente dialoog van het sac htno: de pilotdoelen en hun tabel, de regio's van het Techniekpact, "
            + "de cyclus van sectortafels en htno-middagen, en de review."
        var lines = WordWrap.lines(intro, width: width) + [""]
        for (name, meaning) in keys {
            for (index, row) in WordWrap.lines(meaning, width: max(10, width - keyWidth)).enumerated() {
                let label = index == 0 ? name : ""
                lines.append(label + String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(label))) + row)
            }
        }
        return lines + [""] + WordWrap.lines("Dit scherm komt niet terug: de eerste toets sluit het (en doet wat hij doet).", width: width)
    }

    static func render(into frame: inout Frame, keymap: Keymap, glyphs: Glyphs) {
        let width = min(80, frame.width)
        let lines = lines(keymap, width: width - 4)
        let height = min(frame.height, lines.count + 2)
        let box = Rect(x: (frame.width - width) / 2, y: max(0, (frame.height - height) / 2), width: width, height: height)
        frame.fill(box, role: .overlay)
        frame.box(box, role: .overlay, glyphs: glyphs, title: "Welkom bij htno-dialoog", titleRole: .overlay)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            frame.write(line, x: inner.x, y: inner.y + row, role: .overlay, clip: inner)
        }
        frame.focus = Point(x: inner.x, y: inner.y)
    }
}
