import DialoogModel
import DialoogUI
import QRCode

/// How many slides a printed page of the hand-out holds, as in PowerPoint's hand-outs: one (a page each,
/// long slides run on), three (each beside its notes, or lines to write on) or six (two columns of three).
public enum HandoutLayout: Int, CaseIterable, Sendable {
    case one = 1, three = 3, six = 6

    /// The text box of a slide on a shared page (A4, see `HandoutStyle`); nil for a page each.
    var slideBox: HandoutFit? {
        let width: Double? = switch self {
        case .one: nil
        case .three: HandoutStyle.slideWidthOfThree
        case .six: HandoutStyle.slideWidthOfSix
        }
        return width.map { HandoutFit(width: $0 - HandoutStyle.cardFrame, frame: HandoutStyle.cardFrame) }
    }

    var columns: Int { self == .six ? 2 : 1 }
}

/// A deck as one self-contained HTML page to hand out afterwards, on screen or printed (also as PDF through
/// a browser): every slide as a section, with its speaker notes if asked. No external assets; all text escaped.
public enum Handout {
    public static func html(_ deck: Deck, dataset: Dataset, includesNotes: Bool, layout: HandoutLayout = .one) -> String {
        let count = deck.slides.count
        let slides = deck.slides.enumerated().map { index, slide in
            HandoutSlide(slide, number: index + 1, of: count, dataset: dataset, notes: includesNotes ? deck.notes[index] : nil)
        }
        let body = layout == .one
            ? slides.map { $0.section(fontSize: nil, placement: nil, notesInside: true) }
            : sheets(slides, layout: layout, title: deck.title)
        return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(deck.title))</title>
        <style>
        \(HandoutStyle.css(layout))
        </style>
        </head>
        <body>
        <header><h1>\(escape(deck.title))</h1><p class="over">Hand-out, \(count) dia's\(layout == .one ? "" : ", \(layout.rawValue) per pagina")</p></header>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// Slides on sheets of three or six, each sheet a printed page with the deck's title at its head, each
    /// slide (and its notes) in the font size that fits its box. A slide too long for one box takes two or
    /// three boxes of its column; the slides follow each other row by row.
    private static func sheets(_ slides: [HandoutSlide], layout: HandoutLayout, title: String) -> [String] {
        guard let box = layout.slideBox else { return [] }
        let notesBox = HandoutFit(width: HandoutStyle.notesWidth - HandoutStyle.notesFrame, frame: 0)
        let fits = slides.map { slide -> (fontSize: Double, rows: Int) in
            let fit = box.fit(slide.blocks)
            // Notes too long for their slide's rows take more rows, and the slide's box grows with them.
            guard layout == .three, let notes = slide.notesBlocks else { return fit }
            return (fit.fontSize, max(fit.rows, notesBox.fit(notes).rows))
        }
        let places = SheetPlace.pack(fits.map(\.rows), columns: layout.columns)
        let sheetCount = (places.last?.sheet ?? 0) + 1
        return (0..<sheetCount).map { sheet in
            var lines = ["<div class=\"blad\">", "<p class=\"kop\">\(escape(title)) · blad \(sheet + 1) van \(sheetCount)</p>"]
            for index in places.indices where places[index].sheet == sheet {
                let (slide, place, fontSize) = (slides[index], places[index], fits[index].fontSize)
                guard layout == .three else {
                    lines.append(slide.section(fontSize: fontSize, placement: place.gridArea, notesInside: false))
                    continue
                }
                let beside = slide.notesBlocks.flatMap { blocks in
                    slide.notesHTML(fontSize: notesBox.fontSize(for: blocks, rows: place.rows) ?? HandoutFit.smallestSize)
                } ?? HandoutStyle.writingLines(rows: place.rows)
                lines += ["<div class=\"vak\" style=\"\(place.gridArea)\">", slide.section(fontSize: fontSize, placement: nil, notesInside: false),
                          beside, "</div>"]
            }
            lines.append("</div>")
            return lines.joined(separator: "\n")
        }
    }

    /// The QR code as an SVG of square modules (a quiet zone of four around it), the same code as on the slide.
    static func svg(_ code: QRCode, link: String) -> String {
        let margin = 4
        let side = code.size + 2 * margin
        var path = ""
        for (row, modules) in code.modules.enumerated() {
            for (column, dark) in modules.enumerated() where dark { path += "M\(column + margin) \(row + margin)h1v1h-1z" }
        }
        return "<figure class=\"qr\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * 4)\" "
            + "height=\"\(side * 4)\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR-code: \(escape(link))\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
            + "<figcaption>\(escape(link))</figcaption></figure>"
    }

    /// Text as HTML text: `&`, `<`, `>` and quotes escaped, so data can never become markup.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
