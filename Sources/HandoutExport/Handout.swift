import DialoogModel
import DialoogUI
import QRCode

/// A deck as one self-contained HTML page to hand out afterwards: every slide as a section (a page of
/// its own when printed), with its speaker notes if asked. No external assets; all text escaped.
public enum Handout {
    public static func html(_ deck: Deck, dataset: Dataset, includesNotes: Bool) -> String {
        let count = deck.slides.count
        let sections = deck.slides.enumerated().map { index, slide in
            section(SlideContent(slide, dataset: dataset, glyphs: .unicode), number: index + 1, of: count,
                    notes: includesNotes ? deck.notes[index] : nil)
        }
        return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(deck.title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <header><h1>\(escape(deck.title))</h1><p class="over">Hand-out, \(count) dia's</p></header>
        \(sections.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static let style = """
    body { font-family: system-ui, "Segoe UI", sans-serif; color: #111; background: #fff; line-height: 1.45; max-width: 48em; margin: 2em auto; padding: 0 1em; }
    header h1 { font-size: 1.6em; margin-bottom: 0; }
    .over, .nummer, .bron { color: #555; }
    section.dia { border-top: 1px solid #bbb; padding: 1em 0 1.5em; }
    section.dia h2 { font-size: 1.4em; margin: .2em 0; }
    .ondertitel { font-weight: 600; margin-top: 0; }
    .nadruk { font-weight: 700; }
    .rustig { color: #555; }
    aside.notities { background: #f3f3f3; border-left: 4px solid #777; padding: .4em 1em; margin-top: 1em; }
    aside.notities h3 { font-size: 1em; margin: .3em 0; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; }
      header { break-after: page; page-break-after: always; }
      section.dia { border: none; break-after: page; page-break-after: always; }
      section.dia:last-of-type { break-after: auto; page-break-after: auto; }
    }
    """

    private static func section(_ content: SlideContent, number: Int, of count: Int, notes: String?) -> String {
        var lines = ["<section class=\"dia\" id=\"dia-\(number)\">", "<p class=\"nummer\">Dia \(number) van \(count)</p>",
                     "<h2>\(escape(content.heading))</h2>"]
        if !content.subtitle.isEmpty { lines.append("<p class=\"ondertitel\">\(escape(content.subtitle))</p>") }
        lines += body(content.paragraphs)
        if let link = content.link, let code = QRCode(link) { lines.append(svg(code, link: link)) }
        if let notes {
            lines += ["<aside class=\"notities\">", "<h3>Notities</h3>", "<p>\(escape(notes))</p>", "</aside>"]
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
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

    /// Paragraphs with a bullet or mitigation mark become list items; the others paragraphs.
    private static func body(_ paragraphs: [Paragraph]) -> [String] {
        var lines: [String] = []
        var inList = false
        for paragraph in paragraphs where !paragraph.text.isEmpty {
            let isItem = !paragraph.prefix.trimmingCharacters(in: .whitespaces).isEmpty
            if isItem != inList {
                lines.append(isItem ? "<ul>" : "</ul>")
                inList = isItem
            }
            let text = escape(paragraph.text)
            let classes = switch paragraph.role {
            case .title, .label: " class=\"nadruk\""
            case .muted, .emptyCell, .notInSource: " class=\"rustig\""
            default: ""
            }
            if isItem {
                let mark = paragraph.prefix.trimmingCharacters(in: .whitespaces)
                lines.append("<li\(classes)>" + (["•", "-", "*"].contains(mark) ? "" : escape(mark) + " ") + text + "</li>")
            } else {
                lines.append("<p\(classes)>\(text)</p>")
            }
        }
        if inList { lines.append("</ul>") }
        return lines
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
