import DialoogModel
import DialoogUI
import QRCode

/// One part of a slide in the hand-out. What is written as HTML and what is measured to fit a slide in its
/// box on paper are the same blocks.
enum HandoutBlock: Equatable {
    case number(String)
    case heading(String)
    case subtitle(String)
    case paragraph(String, emphasis: Emphasis)
    /// A list item; `mark` is a mark that means something (`=>` before a mitigation), nil for a plain bullet.
    case item(String, mark: String?, emphasis: Emphasis)
    case chart(HandoutChart)
    case qr(QRCode, link: String)

    var isItem: Bool {
        if case .item = self { true } else { false }
    }

    enum Emphasis: Equatable {
        case normal, strong, quiet

        init(_ role: Role) {
            switch role {
            case .title, .label: self = .strong
            case .muted, .emptyCell, .notInSource: self = .quiet
            default: self = .normal
            }
        }
    }
}

/// A slide of the deck as the hand-out prints it: its blocks and, if asked, its speaker notes.
struct HandoutSlide {
    let number: Int
    let blocks: [HandoutBlock]
    let notes: String?

    init(_ slide: Slide, number: Int, of count: Int, dataset: Dataset, notes: String?) {
        let content = SlideContent(slide, dataset: dataset, glyphs: .unicode)
        var blocks: [HandoutBlock] = [.number("Dia \(number) van \(count)"), .heading(content.heading)]
        if !content.subtitle.isEmpty { blocks.append(.subtitle(content.subtitle)) }
        if case .figure(let index) = slide {
            // Real bars instead of the terminal's block characters; the source line as on the slide.
            let figure = dataset.figures[index]
            blocks += [.chart(HandoutChart(figure)), .paragraph("Bron: \(figure.source)", emphasis: .quiet)]
        } else {
            blocks += Self.blocks(content.paragraphs)
        }
        if let link = content.link, let code = QRCode(link) { blocks.append(.qr(code, link: link)) }
        self.number = number
        self.blocks = blocks
        self.notes = notes
    }

    /// Paragraphs with a bullet or mitigation mark become list items; the others paragraphs.
    private static func blocks(_ paragraphs: [Paragraph]) -> [HandoutBlock] {
        paragraphs.filter { !$0.text.isEmpty }.map { paragraph in
            let mark = paragraph.prefix.trimmingCharacters(in: .whitespaces)
            let emphasis = HandoutBlock.Emphasis(paragraph.role)
            if mark.isEmpty { return .paragraph(paragraph.text, emphasis: emphasis) }
            return .item(paragraph.text, mark: ["•", "-", "*"].contains(mark) ? nil : mark, emphasis: emphasis)
        }
    }

    /// The slide as a section; `fontSize` (points) sets its size in print where it shares a page, and
    /// `placement` its place on the sheet.
    func section(fontSize: Double?, placement: String?, notesInside: Bool) -> String {
        let style = [fontSize.map { "--pt: \($0)pt" }, placement].compactMap { $0 }.joined(separator: "; ")
        var lines = ["<section class=\"dia\" id=\"dia-\(number)\"\(style.isEmpty ? "" : " style=\"\(style)\"")>"] + Self.html(blocks)
        if notesInside, let notes = notesHTML(fontSize: nil) { lines.append(notes) }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// The notes as measured beside the slide: their heading and text.
    var notesBlocks: [HandoutBlock]? {
        notes.map { [.subtitle("Notities"), .paragraph($0, emphasis: .normal)] }
    }

    /// The notes as an aside (nil without notes); `fontSize` (points) sets their size in print beside the slide.
    func notesHTML(fontSize: Double?) -> String? {
        guard let notes else { return nil }
        let size = fontSize.map { " style=\"--pt: \($0)pt\"" } ?? ""
        return "<aside class=\"notities\"\(size)>\n<h3>Notities</h3>\n<p>\(Handout.escape(notes))</p>\n</aside>"
    }

    private static func html(_ blocks: [HandoutBlock]) -> [String] {
        var lines: [String] = []
        var inList = false
        for block in blocks {
            if block.isItem != inList {
                lines.append(block.isItem ? "<ul>" : "</ul>")
                inList = block.isItem
            }
            switch block {
            case .number(let text): lines.append("<p class=\"nummer\">\(Handout.escape(text))</p>")
            case .heading(let text): lines.append("<h2>\(Handout.escape(text))</h2>")
            case .subtitle(let text): lines.append("<p class=\"ondertitel\">\(Handout.escape(text))</p>")
            case .paragraph(let text, let emphasis): lines.append("<p\(emphasis.classAttribute)>\(Handout.escape(text))</p>")
            case .item(let text, let mark, let emphasis):
                lines.append("<li\(emphasis.classAttribute)>" + (mark.map { Handout.escape($0) + " " } ?? "") + Handout.escape(text) + "</li>")
            case .chart(let chart): lines.append(chart.html)
            case .qr(let code, let link): lines.append(Handout.svg(code, link: link))
            }
        }
        if inList { lines.append("</ul>") }
        return lines
    }
}

extension HandoutBlock.Emphasis {
    var classAttribute: String {
        switch self {
        case .normal: ""
        case .strong: " class=\"nadruk\""
        case .quiet: " class=\"rustig\""
        }
    }
}
