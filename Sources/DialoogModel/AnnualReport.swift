/// The prose of the Jaarverslag pilot HTNO 2023 (seed 000): chapter by chapter, with chapter 3's
/// reflection on each uitgangspunt tied to its pilot goal. Only what the dashboard shows is decoded; the
/// file holds the rest of the chapters word for word too.
public struct AnnualReport: Sendable, Equatable, Decodable {
    public let source: String
    public let chapters: [Chapter]

    public struct Chapter: Sendable, Equatable, Decodable {
        public let id: String
        public let number: String
        public let title: String
        public let reflections: [Reflection]?
    }

    /// What chapter 3 says about one uitgangspunt, in the chapter's own words.
    public struct Reflection: Sendable, Equatable, Decodable {
        public let id: String
        /// The pilot goal (`doel-3`).
        public let goal: String
        public let number: String
        public let uitgangspunt: String
        public let paragraphs: [String]
        /// Bulleted lists after a paragraph (1-based), as the source lays them out.
        public let lists: [List]?

        public struct List: Sendable, Equatable, Decodable {
            public let afterParagraph: Int
            public let items: [Item]
        }

        public struct Item: Sendable, Equatable, Decodable {
            public let text: String
        }

        /// The paragraphs with each list's items after its paragraph.
        public var blocks: [(text: String, isListItem: Bool)] {
            paragraphs.enumerated().flatMap { index, paragraph in
                [(paragraph, false)] + (lists ?? []).filter { $0.afterParagraph == index + 1 }.flatMap { $0.items.map { ($0.text, true) } }
            }
        }
    }

    public static let empty = AnnualReport(source: "", chapters: [])

    /// Chapter 3's reflection on a goal's uitgangspunt, if the report has one.
    public func reflection(onGoal id: String) -> (chapter: Chapter, reflection: Reflection)? {
        for chapter in chapters {
            if let reflection = chapter.reflections?.first(where: { $0.goal == id }) { return (chapter, reflection) }
        }
        return nil
    }
}
