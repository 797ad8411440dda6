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
    /// The case of SEO Box 2.5 that is the same initiative, exactly as regions.yaml writes it, if any.
    public let seoCase: String?
}
