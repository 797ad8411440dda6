/// The `?` overlay: every key of the app, grouped, in a centred box.
enum HelpOverlay {
    static let lines: [(keys: String, action: String)] = [
        ("", "Navigeren"),
        ("↑ ↓  j k", "omhoog / omlaag"),
        ("← →  h l", "kolom of cel (tabel, matrix); elders ← = terug"),
        ("PgUp PgDn Spatie", "pagina omhoog / omlaag"),
        ("Home End  g G", "begin / einde"),
        ("Enter", "openen, verdiepen"),
        ("Esc  Backspace", "terug"),
        ("Tab  Shift-Tab", "volgend / vorig paneel of kolom"),
        ("[  ]", "vorige / volgende (doel, item, case, maand)"),
        ("1 2 3 4 5", "sectie kiezen (tabs bovenaan)"),
        ("", "Zoeken"),
        ("/", "zoek in alle tekst, ook zonder accenten"),
        ("n  N", "volgende / vorige treffer"),
        ("", "Overig"),
        ("?", "deze hulp; elke toets sluit haar"),
        ("Ctrl-L", "scherm opnieuw tekenen"),
        ("q", "stoppen"),
    ]

    static func render(into frame: inout Frame, glyphs: Glyphs) {
        let keyWidth = 18
        let wanted = Rect(x: 0, y: 0, width: 76, height: lines.count + 4)
        let width = min(wanted.width, frame.width)
        let height = min(wanted.height, frame.height)
        let box = Rect(x: (frame.width - width) / 2, y: (frame.height - height) / 2, width: width, height: height)
        frame.fill(box, role: .overlay)
        frame.box(box, role: .overlay, glyphs: glyphs, title: "Toetsen van htno-dialoog", titleRole: .overlay)
        let inner = Rect(x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 3)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.keys.isEmpty {
                frame.write(line.action, x: inner.x, y: y, role: .overlay, clip: inner)
            } else {
                frame.write(line.keys, x: inner.x + 2, y: y, role: .overlay, clip: inner)
                frame.write(line.action, x: inner.x + keyWidth + 2, y: y, role: .overlay, clip: inner)
            }
        }
    }
}
