/// A source kept part by part and block by block, the shape of `techniekpact-voortgang-2018.yaml` and
/// `seo-evaluatie-2020.yaml` (their headers describe it): the text word for word, each block one kind.
struct SourceTextFile: Decodable, Sendable {
    let id: String
    let title: String
    let source: String
    let parts: [Part]

    struct Part: Decodable, Sendable {
        let id: String
        /// The heading as printed; a part the source prints without one has only a `label` of our words.
        let title: String?
        /// Our short name for it ("Doel 1"), shown before the printed title.
        let label: String?
        let place: String
        let level: Int
        let blocks: [Block]

        var shownTitle: String { [label, title].compactMap { $0 }.joined(separator: ": ") }
    }

    /// One of `paragraph`, `heading`, `item` (with `level` 1 for a nested item), `note`, or `elsewhere` with
    /// the `file` that holds those words.
    enum Block: Decodable, Sendable {
        case paragraph(String)
        case heading(String)
        case item(String, level: Int)
        case note(String)
        case elsewhere(String, file: String)

        private enum Key: String, CodingKey { case paragraph, heading, item, level, note, elsewhere, file }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let kinds = [Key.paragraph, .heading, .item, .note, .elsewhere].filter(container.contains)
            guard kinds.count == 1, let kind = kinds.first else {
                let problem = "een blok is precies één van paragraph, heading, item, note of elsewhere"
                    + (kinds.isEmpty ? "" : " (hier: \(kinds.map(\.rawValue).joined(separator: ", ")))")
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem,
                                                                        underlyingError: DataError.DataProblem(message: problem)))
            }
            let text = try container.decode(String.self, forKey: kind)
            switch kind {
            case .heading: self = .heading(text)
            case .item: self = .item(text, level: try container.decodeIfPresent(Int.self, forKey: .level) ?? 0)
            case .note: self = .note(text)
            case .elsewhere: self = .elsewhere(text, file: try container.decode(String.self, forKey: .file))
            default: self = .paragraph(text)
            }
        }
    }

    var document: SourceDocument {
        SourceDocument(id: id, title: title, source: source, parts: parts.map { part in
            SourceDocument.Part(id: part.id, title: part.shownTitle, place: part.place, level: part.level,
                                blocks: part.blocks.map(\.block))
        })
    }
}

extension SourceTextFile.Block {
    var block: SourceDocument.Block {
        switch self {
        case .paragraph(let text): .paragraph(text)
        case .heading(let text): .heading(text)
        case .item(let text, let level): .item(text, level: level)
        case .note(let text): .note(text)
        case .elsewhere(let words, let file): .note("\(words): \(DataFile(rawValue: file)?.shownIn ?? file)")
        }
    }
}
