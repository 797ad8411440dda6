/// One of the three long-term themes (2022 – 2032) with its short-term questions (2022-2024).
public struct LongTermTheme: Sendable, Equatable, Decodable {
    public let number: Int
    public let id: String
    public let title: String
    public let questions: [Question]

    public struct Question: Sendable, Equatable, Decodable {
        public let label: String
        public let text: String
    }
}
