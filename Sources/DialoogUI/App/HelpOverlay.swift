/// The `?` overlay: every key of the app, grouped, in a centred box.
enum HelpOverlay {
    static let lines: [(keys: String, action: String)] = [
        ("", "Navigeren"),
        ("↑↓ jk  ←→ hl", "omhoog/omlaag; kolom of cel; elders ← = terug"),
        ("PgUp PgDn Spatie", "pagina; Home End g G: begin / einde"),
        ("Enter  Esc Bksp", "openen, verdiepen / terug"),
        ("Tab  Shift-Tab", "paneel, kolom of notitie kiezen"),
        ("[  ]", "vorige / volgende (doel, item, case, maand)"),
        ("1 2 3 4 5 6", "secties (de tabs bovenaan)"),
        ("", "Zoeken"),
        ("/  n  N", "zoek, ook zonder accenten; volgende / vorige treffer"),
        ("", "Review"),
        ("s  S", "status vooruit / terug: open, in behandeling, ..."),
        ("a", "notitie bij het item"),
        ("b  t", "besluit / actie bij een overleg"),
        ("e  d  x", "notitie, besluit, actie: bewerk, wis (vraagt), klaar"),
        ("u  U", "eigen wijziging ongedaan maken / opnieuw doen"),
        ("f  E  Ctrl-R", "filter (Review), export, vernieuwen"),
        ("", "Presenteren en overig"),
        ("p  T  v", "presentatie, volgend thema, voorbeeldpaneel aan/uit"),
        ("?  Ctrl-L  q", "deze hulp (elke toets sluit), hertekenen, stoppen"),
    ]

    static func render(into frame: inout Frame, glyphs: Glyphs) {
        let keyWidth = 18
        let wanted = Rect(x: 0, y: 0, width: 76, height: lines.count + 3)
        let width = min(wanted.width, frame.width)
        let height = min(wanted.height, frame.height)
        let box = Rect(x: (frame.width - width) / 2, y: (frame.height - height) / 2, width: width, height: height)
        frame.fill(box, role: .overlay)
        frame.box(box, role: .overlay, glyphs: glyphs, title: "Toetsen van htno-dialoog", titleRole: .overlay)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
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
