/// The hand-out's style sheet: for the screen, and for print on A4 with one, three or six slides a page.
/// The measures of a shared page are named here once, for the style and for `HandoutFit`, which chooses each
/// slide's font size by them.
enum HandoutStyle {
    /// The page's printable width (A4 less 12 mm margins), in millimetres.
    static let pageWidth = 186.0
    static let headHeight = 6.0
    static let rowHeight = 80.0
    static let rowsPerSheet = 3
    static let gap = 4.0
    /// Three a page: the slide on the left, its notes (or lines to write on) on the right.
    static let slideWidthOfThree = 112.0
    static let notesWidth = pageWidth - slideWidthOfThree - gap
    /// Six a page: two columns.
    static let slideWidthOfSix = (pageWidth - gap) / 2
    /// A slide's border and padding on both sides together.
    static let cardFrame = 2 * (0.3 + 3.0)
    /// The notes' rule and padding on the left.
    static let notesFrame = 0.8 + 3.0

    /// The ruled lines beside a slide of three without notes, and their label above them.
    static let writingLineHeight = 7.5
    static let writingLabelHeight = 6.0

    /// The height of `rows` rows of a sheet and the gaps between them.
    static func height(rows: Int) -> Double {
        Double(rows) * rowHeight + Double(rows - 1) * gap
    }

    /// Lines to write on beside a slide of three that spans `rows` rows, when the notes are not in the
    /// hand-out (hidden on screen).
    static func writingLines(rows: Int) -> String {
        let count = Int((height(rows: rows) - writingLabelHeight) / writingLineHeight)
        return "<div class=\"lijnen\" aria-hidden=\"true\">\n<p>Aantekeningen</p>\n" + String(repeating: "<div class=\"lijn\"></div>", count: count) + "\n</div>"
    }

    static func css(_ layout: HandoutLayout) -> String {
        screen + "\n" + (layout == .one ? printOne : printShared(layout))
    }

    private static let screen = """
    body { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; color: #111; background: #fff; line-height: 1.45; max-width: 48em; margin: 2em auto; padding: 0 1em; }
    header h1 { font-size: 1.6em; margin-bottom: 0; }
    .over, .nummer, .rustig, .kop, .geen { color: #555; }
    section.dia { border-top: 1px solid #bbb; padding: 1em 0 1.5em; }
    section.dia h2 { font-size: 1.4em; margin: .2em 0; }
    .ondertitel { font-weight: 600; margin-top: 0; }
    .nadruk { font-weight: 700; }
    aside.notities { background: #f3f3f3; border-left: 4px solid #777; padding: .4em 1em; margin-top: 1em; }
    aside.notities h3 { font-size: 1em; margin: .3em 0; }
    .vak { display: grid; grid-template-columns: 3fr 2fr; column-gap: 1em; }
    .lijnen { display: none; }
    .grafiek { margin: .4em 0; }
    .grafiek .categorie { font-weight: 700; margin: .3em 0 0; }
    .staaf { display: grid; grid-template-columns: var(--naam) minmax(0, 1fr) var(--waarde); column-gap: .5em; align-items: center; line-height: 1.3; }
    .spoor { display: block; min-width: 0; }
    .balk, .staal { display: block; box-sizing: border-box; height: .9em; border: .12em solid #111; background: #fff; }
    .staal { display: inline-block; width: 2em; vertical-align: -.1em; }
    .patroon-0 { border-width: .9em 0 0 0; }
    .patroon-2 { border-style: dashed; }
    .patroon-3 { border-width: .9em 0 0 0; border-style: double; }
    .patroon-4 { border-style: dotted; }
    .waarde, .reeks { white-space: nowrap; }
    .geen { grid-column: 2 / 4; }
    .legenda { list-style: none; padding: 0; margin: .3em 0 0; font-size: .85em; }
    .qr svg { display: block; max-width: 100%; height: auto; }
    """

    /// A page a slide: the title above the first slide (no page of its own), every next slide on a new page.
    private static let printOne = """
    @media print {
      @page { size: A4; margin: 12mm; }
      body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
      header { margin-bottom: 6mm; }
      section.dia { border: none; padding: 0; }
      section.dia + section.dia { break-before: page; }
      aside.notities { background: none; border-left: .8mm solid #777; }
    }
    """

    /// Sheets of three or six: the deck's title at the head of each, slides in boxes of one size, each slide
    /// in the font size `HandoutFit` chose (`--pt`). A box grows rather than cut its text.
    private static func printShared(_ layout: HandoutLayout) -> String {
        let columns = layout == .six ? "grid-template-columns: 1fr 1fr; column-gap: \(gap)mm;" : ""
        return """
        @media print {
          @page { size: A4; margin: 12mm; }
          body { max-width: none; margin: 0; padding: 0; }
          header { display: none; }
          .blad { display: grid; \(columns) grid-template-rows: \(headHeight)mm repeat(\(rowsPerSheet), minmax(\(rowHeight)mm, auto)); row-gap: \(gap)mm; break-after: page; }
          .blad:last-child { break-after: auto; }
          .blad .kop { grid-column: 1 / -1; margin: 0; font-size: 8pt; }
          .vak { grid-template-columns: \(slideWidthOfThree)mm 1fr; column-gap: \(gap)mm; }
          .blad section.dia, .blad aside.notities { font-size: var(--pt); line-height: 1.3; break-inside: avoid; overflow-wrap: anywhere; }
          .blad section.dia { border: .3mm solid #444; padding: 3mm; }
          .blad section.dia h2 { font-size: 1.25em; line-height: 1.2; margin: 0 0 .3em; }
          .blad section.dia > p, .blad section.dia > ul, .blad .grafiek { margin: 0 0 .4em; }
          .blad section.dia > p.nummer { font-size: .8em; margin: 0 0 .2em; }
          .blad section.dia > ul { padding-left: 1.2em; }
          .blad section.dia > ul > li { margin: 0 0 .15em; }
          .blad .grafiek .categorie { margin: .3em 0 0; }
          .blad .qr { margin: .4em 0; }
          .blad .qr svg { width: 24mm; height: 24mm; }
          .blad .qr figcaption { font-size: .8em; }
          .blad aside.notities { background: none; border-left: .8mm solid #777; margin: 0; padding: 0 0 0 3mm; }
          .blad aside.notities h3 { font-size: 1em; margin: 0 0 .4em; }
          .blad aside.notities p { margin: 0; }
          .lijnen { display: block; }
          .lijnen p { margin: 0; font-size: 8pt; color: #555; }
          .lijn { border-bottom: .2mm solid #999; height: \(writingLineHeight)mm; }
        }
        """
    }
}
