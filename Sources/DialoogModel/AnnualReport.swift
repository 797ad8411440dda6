/// The prose of the Jaarverslag pilot HTNO 2023 (seed 000): chapter by chapter, with chapter 3's
/// reflection on each uitgangspunt tied to its pilot goal.
public struct AnnualReport: Sendable, Equatable, Decodable {
    public let source: String
    /// The title page, line by line, and the table of contents as printed.
    public let titlePage: [String]?
    public let contents: [ContentsEntry]?
    /// Bijlage 1's heading and introduction, before the goal table itself.
    public let appendix1: Appendix?
    public let chapters: [Chapter]

    public struct ContentsEntry: Sendable, Equatable, Decodable {
        public let number: String
        public let title: String
        public let page: String
    }

    public struct Appendix: Sendable, Equatable, Decodable {
        public let title: String
        public let introduction: String
    }

    public struct Chapter: Sendable, Equatable, Decodable {
        public let id: String
        public let number: String
        public let title: String
        public let paragraphs: [String]
        public let sections: [ChapterSection]?
        public let reflections: [Reflection]?
        /// The htno-middag chapter 5 announces.
        public let nextMiddag: NextMiddag?
    }

    /// A headed part of a chapter, with its lists, figure captions (the figures themselves are images in the
    /// source) and footnotes.
    public struct ChapterSection: Sendable, Equatable, Decodable {
        public let id: String
        public let title: String
        public let paragraphs: [String]
        public let lists: [Reflection.List]?
        public let captions: [String]?
        public let footnotes: [Footnote]?

        public var blocks: [(text: String, isListItem: Bool)] { AnnualReport.blocks(paragraphs, lists) }
    }

    public struct Footnote: Sendable, Equatable, Decodable {
        public let mark: String
        public let text: String?
        public let url: String?
        public let items: [String]?
    }

    public struct NextMiddag: Sendable, Equatable, Decodable {
        public let when: String
        public let theme: String
        public let themeQuestion: String
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
        public var blocks: [(text: String, isListItem: Bool)] { AnnualReport.blocks(paragraphs, lists) }
    }

    /// Paragraphs with each list's items after the paragraph it follows, as the source lays them out.
    static func blocks(_ paragraphs: [String], _ lists: [Reflection.List]?) -> [(text: String, isListItem: Bool)] {
        paragraphs.enumerated().flatMap { index, paragraph in
            [(paragraph, false)] + (lists ?? []).filter { $0.afterParagraph == index + 1 }.flatMap { $0.items.map { ($0.text, true) } }
        }
    }

    public static let empty = AnnualReport(source: "", titlePage: nil, contents: nil, appendix1: nil, chapters: [])

    /// Chapter 3's reflection on a goal's uitgangspunt, if the report has one.
    public func reflection(onGoal id: String) -> (chapter: Chapter, reflection: Reflection)? {
        for chapter in chapters {
            if let reflection = chapter.reflections?.first(where: { $0.goal == id }) { return (chapter, reflection) }
        }
        return nil
    }
}
