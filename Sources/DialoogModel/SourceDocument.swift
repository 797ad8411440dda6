/// A source read part by part in the Bronnen section: the chapters of the Jaarverslag pilot HTNO 2023 and
/// the PTvT Jaarverslag 2021, each part a run of blocks in the source's order, its markup made plain.
public struct SourceDocument: Sendable, Equatable {
    public let id: String
    /// Short name for lists and breadcrumbs ("PTvT jaarverslag 2021").
    public let title: String
    /// The document as the source names it.
    public let source: String
    public let parts: [Part]

    public struct Part: Sendable, Equatable {
        public let id: String
        public let title: String
        /// Where it is in the source ("Over PTvT › Bereik van PTvT in 2021 (inhoud p. 7)").
        public let place: String
        /// 0 for a chapter or top-level section, 1 for a part within it.
        public let level: Int
        public let blocks: [Block]

        /// How many programmes and stated figures the part has, for its row in a list.
        public var programmeCount: Int { blocks.count { if case .programme = $0 { true } else { false } } }
        public var figureCount: Int { blocks.count { if case .figure = $0 { true } else { false } } }

        /// All words of the part, for search.
        public var texts: [String] { [title] + blocks.map(\.text) }
    }

    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A list item; level 1 is indented under the one before.
        case item(String, level: Int)
        /// A named programme or activity within a section.
        case programme(String)
        case heading(String)
        /// A figure the text states, as printed, with its unit and the words around it.
        case figure(value: String, unit: String, words: String)
        /// Signatures, captions, footnotes, links: shown in a quieter style.
        case note(String)

        public var text: String {
            switch self {
            case .paragraph(let text), .item(let text, _), .programme(let text), .heading(let text), .note(let text): text
            case .figure(let value, let unit, let words): "\(value) \(unit): \(words)"
            }
        }
    }
}

/// Markup the text version of a source kept ("[Webinars](#)", "*cursief*", "<i>…</i>", "<https://…>"):
/// the data keeps it word for word, the screen shows the words. A plain scan, not Swift's Regex, which
/// cost a fifth of a millisecond per paragraph at start-up.
enum SourceMarkup {
    /// One kind of markup at the start of a text: the words it shows and the text after it, or nil.
    private typealias Match = (Substring) -> (words: Substring, rest: Substring)?

    static func plain(_ text: String) -> String {
        // Most texts have none: told from the bytes, without walking the characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "<") }) else {
            return text
        }
        // One pass per kind, links first, as the patterns `[w](t)`, `<https?:…>`, `</?i>`, `**?w**?` would.
        return [("[", link), ("<", address), ("<", italic), ("*", emphasis)].reduce(text) { text, pass in
            replaced(in: text, at: pass.0, pass.1)
        }
    }

    private static func replaced(in text: String, at trigger: Character, _ match: Match) -> String {
        var result = ""
        var rest = Substring(text)
        while let next = rest.firstIndex(of: trigger) {
            result += rest[..<next]
            rest = rest[next...]
            if let found = match(rest) {
                result += found.words
                rest = found.rest
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result + rest
    }

    /// `[words](target)` → words.
    private static func link(_ text: Substring) -> (words: Substring, rest: Substring)? {
        guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].first == "(",
              let end = text[close...].firstIndex(of: ")") else { return nil }
        return (text[text.index(after: text.startIndex)..<close], text[text.index(after: end)...])
    }

    /// `<https://…>` → the address.
    private static func address(_ text: Substring) -> (words: Substring, rest: Substring)? {
        let inner = text.dropFirst()
        guard let scheme = ["http:", "https:"].first(where: { inner.hasPrefix($0) }) else { return nil }
        let address = inner.dropFirst(scheme.count).prefix { $0 != ">" && !$0.isWhitespace }
        guard !address.isEmpty, address.endIndex < text.endIndex, text[address.endIndex] == ">" else { return nil }
        return (inner[..<address.endIndex], text[text.index(after: address.endIndex)...])
    }

    /// `<i>` and `</i>` → nothing.
    private static func italic(_ text: Substring) -> (words: Substring, rest: Substring)? {
        for tag in ["<i>", "</i>"] where text.hasPrefix(tag) { return ("", text.dropFirst(tag.count)) }
        return nil
    }

    /// `*words*` and `**words**` → words; a lone asterisk stays.
    private static func emphasis(_ text: Substring) -> (words: Substring, rest: Substring)? {
        let opening = text.prefix(2).prefix { $0 == "*" }
        let inner = text.dropFirst(opening.count)
        guard let close = inner.firstIndex(of: "*"), close > inner.startIndex else { return nil }
        let closing = inner[close...].prefix(2).prefix { $0 == "*" }
        return (inner[..<close], inner[close...].dropFirst(closing.count))
    }
}

// MARK: - The 2023 jaarverslag

extension AnnualReport {
    /// The report as parts: each chapter, then each of its sections; chapter 3 with its reflections.
    public var document: SourceDocument {
        let parts = chapters.flatMap { chapter -> [SourceDocument.Part] in
            var blocks = chapter.paragraphs.map(SourceDocument.Block.paragraph)
            for reflection in chapter.reflections ?? [] {
                blocks.append(.heading("Uitgangspunt \(reflection.number): \(reflection.uitgangspunt)"))
                blocks += reflection.blocks.map { $0.isListItem ? .item($0.text, level: 0) : .paragraph($0.text) }
            }
            if let next = chapter.nextMiddag {
                blocks.append(.note("Volgende htno-middag: \(next.when), thema \(next.theme). \(next.themeQuestion)"))
            }
            let place = "Hoofdstuk \(chapter.number)"
            let head = SourceDocument.Part(id: chapter.id, title: "\(chapter.number) \(chapter.title)", place: place, level: 0, blocks: blocks)
            return [head] + (chapter.sections ?? []).map { section in
                SourceDocument.Part(id: section.id, title: section.title, place: "\(place) › \(section.title)", level: 1,
                                    blocks: Self.blocks(of: section))
            }
        }
        // The title page and contents first, Bijlage 1's introduction last, as the report prints them.
        let front = titlePage.map { lines in
            let contents = (contents ?? []).map { SourceDocument.Block.item("\($0.number) \($0.title), blz. \($0.page)", level: 0) }
            return SourceDocument.Part(id: "titelpagina", title: "Titelpagina en inhoud", place: "Titelpagina", level: 0,
                                       blocks: lines.map(SourceDocument.Block.paragraph) + (contents.isEmpty ? [] : [.heading("Inhoud")] + contents))
        }
        let appendix = appendix1.map { appendix in
            SourceDocument.Part(id: "bijlage-1", title: "Bijlage 1 \(appendix.title)", place: "Bijlage 1", level: 0,
                                blocks: [.paragraph(appendix.introduction), .note("De tabel zelf: de sectie Doelen.")])
        }
        return SourceDocument(id: "jaarverslag-2023", title: "Jaarverslag pilot 2023", source: source,
                              parts: [front].compactMap { $0 } + parts + [appendix].compactMap { $0 })
    }

    private static func blocks(of section: ChapterSection) -> [SourceDocument.Block] {
        var blocks: [SourceDocument.Block] = section.blocks.map { $0.isListItem ? .item($0.text, level: 0) : .paragraph($0.text) }
        blocks += (section.captions ?? []).map { .note($0) }
        for footnote in section.footnotes ?? [] {
            blocks.append(.note(([footnote.mark] + [footnote.text, footnote.url].compactMap { $0 }).joined(separator: " ")))
            blocks += (footnote.items ?? []).map { .item($0, level: 1) }
        }
        return blocks
    }
}

// MARK: - The PTvT jaarverslag 2021

/// `ptvt-jaarverslag-2021.yaml`: the report section by section, as the file's header describes.
struct PTvTReportFile: Decodable, Sendable {
    let source: String
    let sections: [Section]

    struct Section: Decodable, Sendable {
        let id: String
        let title: String
        let place: String
        let subtitle: String?
        let pillar: String?
        let paragraphs: [String]
        let signature: String?
        let entries: [Entry]?
        let groups: [Group]?
        let table: Table?
        let figures: [StatedFigure]?
        let programmes: [Programme]?
    }

    struct Entry: Decodable, Sendable {
        let title: String
        let page: String
        let level: Int
    }

    struct Group: Decodable, Sendable {
        let title: String
        let members: [Member]
    }

    struct Member: Decodable, Sendable {
        let name: String
        let role: String
    }

    struct Table: Decodable, Sendable {
        let columns: [String]
        let rows: [[String]]
    }

    struct StatedFigure: Decodable, Sendable {
        let label: String
        let value: String
        let unit: String

        var block: SourceDocument.Block { .figure(value: value, unit: unit, words: SourceMarkup.plain(label)) }
    }

    struct Programme: Decodable, Sendable {
        let id: String
        let name: String
        let paragraphs: [String]
        let figures: [StatedFigure]?
    }

    var document: SourceDocument {
        SourceDocument(id: "ptvt-2021", title: "PTvT jaarverslag 2021", source: source, parts: sections.map(\.part))
    }
}

extension PTvTReportFile.Section {
    var part: SourceDocument.Part {
        typealias Block = SourceDocument.Block
        var blocks: [Block] = []
        if let subtitle { blocks.append(.heading(subtitle)) }
        if let pillar { blocks.append(.note("Techniekpact-hoofdthema: \(pillar)")) }
        blocks += paragraphs.map { .paragraph(SourceMarkup.plain($0)) }
        if let signature { blocks.append(.note(SourceMarkup.plain(signature))) }
        blocks += (entries ?? []).map { .item("\($0.title) · p. \($0.page)", level: $0.level == 3 ? 1 : 0) }
        for group in groups ?? [] {
            blocks.append(.heading(group.title))
            blocks += group.members.map { .item("\($0.name), \($0.role)", level: 0) }
        }
        if let table {
            blocks += table.rows.map { row in
                .item(zip(table.columns, row).map { "\($0): \(SourceMarkup.plain($1))" }.joined(separator: " · "), level: 0)
            }
        }
        if let figures, !figures.isEmpty { blocks += [.heading("Cijfers in de tekst")] + figures.map(\.block) }
        for programme in programmes ?? [] {
            blocks.append(.programme(SourceMarkup.plain(programme.name)))
            blocks += programme.paragraphs.map { .paragraph(SourceMarkup.plain($0)) }
            blocks += (programme.figures ?? []).map(\.block)
        }
        // A part of a part ("Over PTvT › Onderzoek") is indented under it.
        let level = place.contains("›") ? 1 : 0
        return SourceDocument.Part(id: id, title: SourceMarkup.plain(title), place: place, level: level, blocks: blocks)
    }
}
