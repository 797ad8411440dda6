/// A "Voorbeeld uit de regio" of the Techniekpact progress report 2018.
public struct RegionalExample: Sendable, Equatable, Decodable {
    public let id: String
    /// The Techniekpact goal (1-12) the example is reported under.
    public let goal: Int
    public let name: String
    public let place: String
    /// Numbers the paragraph states, quoted verbatim.
    public let figures: [String]
    public let text: String
}
