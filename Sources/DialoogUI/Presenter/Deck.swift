import DialoogModel
import Foundation
import Yams

/// One slide of a presentation: a reference into the data, never content of its own.
public enum Slide: Equatable, Sendable {
    /// A pilot goal (index into the goals).
    case goal(Int)
    /// One column of a pilot goal's table.
    case goalColumn(goal: Int, column: GoalColumn)
    /// The cases of one landsdeel (index) for one Techniekpact goal (number).
    case regionCases(landsdeel: Int, goal: Int)
    /// One month of the 2023 cycle (index).
    case month(Int)
    /// The whole 2023 cycle on one slide.
    case timeline

    /// Where the browser goes when the presenter leaves this slide with Esc.
    var location: DataLocation {
        switch self {
        case .goal(let goal): .pilotGoal(goal: goal)
        case .goalColumn(let goal, let column): .goalItem(goal: goal, column: column, item: 0)
        case .regionCases(let landsdeel, let goal): .regionalCase(landsdeel: landsdeel, goal: goal, index: 0)
        case .month(let month): .activity(month: month, index: 0)
        case .timeline: .activity(month: 0, index: 0)
        }
    }
}

/// A named sequence of slides.
public struct Deck: Equatable, Sendable {
    public let title: String
    public let slides: [Slide]

    public init(title: String, slides: [Slide]) {
        self.title = title
        self.slides = slides
    }

    /// All six goals.
    public static func goals(_ dataset: Dataset) -> Deck {
        Deck(title: "Pilotdoelen permanente dialoog", slides: dataset.pilotGoals.indices.map(Slide.goal))
    }

    /// One goal, then its four columns.
    public static func goal(_ index: Int, in dataset: Dataset) -> Deck {
        Deck(title: "Doel \(dataset.pilotGoals[index].number)",
             slides: [.goal(index)] + GoalColumn.allCases.map { .goalColumn(goal: index, column: $0) })
    }

    /// The regional cases of one landsdeel, goal by goal.
    public static func landsdeel(_ index: Int, in dataset: Dataset) -> Deck {
        let pact = dataset.techniekpact
        return Deck(title: "Regionale cases \(pact.landsdelen[index].name)",
                    slides: pact.goals.map { .regionCases(landsdeel: index, goal: $0.number) })
    }

    /// The 2023 cycle: the timeline, then month by month.
    public static func cycle(_ dataset: Dataset) -> Deck {
        Deck(title: "Gesprekscyclus \(dataset.cycle.year)", slides: [.timeline] + dataset.cycle.months.indices.map(Slide.month))
    }
}

/// Reads decks: the built-in names (`doelen`, `doel-3`, `landsdeel-oost`, `cyclus`) or a YAML file
/// with a title and a list of slide references (see sample-data/decks/README.md).
public enum DeckLoader {
    public static func deck(named name: String, decksDirectory: URL?, dataset: Dataset) throws(DataError) -> Deck {
        let lowered = name.lowercased()
        if lowered == "doelen" { return .goals(dataset) }
        if lowered == "cyclus" { return .cycle(dataset) }
        if lowered.hasPrefix("doel-"), let number = Int(lowered.dropFirst(5)),
           let index = dataset.pilotGoals.firstIndex(where: { $0.number == number }) {
            return .goal(index, in: dataset)
        }
        if lowered.hasPrefix("landsdeel-"),
           let index = dataset.techniekpact.landsdelen.firstIndex(where: { $0.id == String(lowered.dropFirst(10)) }) {
            return .landsdeel(index, in: dataset)
        }
        let url: URL
        if name.contains("/") || name.hasSuffix(".yaml") {
            url = URL(fileURLWithPath: name)
        } else if let decksDirectory {
            url = decksDirectory.appendingPathComponent("\(name).yaml")
        } else {
            throw DataError(file: name, message: "onbekend deck: gebruik doelen, doel-N, landsdeel-NAAM, cyclus of een deckbestand")
        }
        return try load(url, dataset: dataset)
    }

    public static func load(_ url: URL, dataset: Dataset) throws(DataError) -> Deck {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataError(file: url.path, message: FileManager.default.fileExists(atPath: url.path) ? "kan niet gelezen worden" : "deck niet gevonden")
        }
        let file: DeckFile
        do {
            file = try YAMLDecoder().decode(DeckFile.self, from: text)
        } catch {
            throw DataError.from(error, file: url.path)
        }
        guard !file.slides.isEmpty else { throw DataError(file: url.path, path: "slides", message: "een deck heeft minstens één dia nodig") }
        var slides: [Slide] = []
        for (index, reference) in file.slides.enumerated() {
            do {
                slides += try SlideReference.parse(reference, dataset: dataset)
            } catch {
                throw DataError(file: url.path, path: "slides[\(index)]", message: error.message)
            }
        }
        return Deck(title: file.title, slides: slides)
    }

    private struct DeckFile: Decodable {
        let title: String
        let slides: [String]
    }
}

/// The slide references of a deck file: `doel 3`, `doel 3 bewijs`, `doel 3 alles`, `regio oost 9`,
/// `regio oost` (all twelve goals), `maand 4`, `tijdlijn`.
enum SlideReference {
    struct Failure: Error {
        let message: String
    }

    static func parse(_ reference: String, dataset: Dataset) throws(Failure) -> [Slide] {
        let words = reference.lowercased().split(separator: " ").map(String.init)
        switch words.first {
        case "doel":
            let goal = try goalIndex(words, dataset)
            guard words.count > 2 else { return [.goal(goal)] }
            if words[2] == "alles" { return Deck.goal(goal, in: dataset).slides }
            guard let column = GoalColumn.allCases.first(where: { $0.title.lowercased() == words[2] }) else {
                throw Failure(message: "onbekende kolom '\(words[2])' in '\(reference)': gebruik winst-risico, indicatoren, bewijs, resultaten of alles")
            }
            return [.goalColumn(goal: goal, column: column)]
        case "regio":
            let landsdelen = dataset.techniekpact.landsdelen
            guard words.count > 1, let region = landsdelen.firstIndex(where: { $0.id == words[1] }) else {
                throw Failure(message: "onbekend landsdeel in '\(reference)': gebruik \(landsdelen.map(\.id).joined(separator: ", "))")
            }
            guard words.count > 2 else { return Deck.landsdeel(region, in: dataset).slides }
            guard let goal = Int(words[2]), dataset.techniekpact.goal(number: goal) != nil else {
                throw Failure(message: "onbekend Techniekpact-doel in '\(reference)': gebruik 1 tot en met \(dataset.techniekpact.goals.count)")
            }
            return [.regionCases(landsdeel: region, goal: goal)]
        case "maand":
            guard words.count == 2, let month = Int(words[1]), dataset.cycle.months.indices.contains(month - 1) else {
                throw Failure(message: "onbekende maand in '\(reference)': gebruik maand 1 tot en met maand 12")
            }
            return [.month(month - 1)]
        case "tijdlijn" where words.count == 1:
            return [.timeline]
        default:
            throw Failure(message: "onbekende dia '\(reference)': gebruik doel N [kolom|alles], regio LANDSDEEL [N], maand N of tijdlijn")
        }
    }

    private static func goalIndex(_ words: [String], _ dataset: Dataset) throws(Failure) -> Int {
        guard words.count > 1, let number = Int(words[1]), let index = dataset.pilotGoals.firstIndex(where: { $0.number == number }) else {
            throw Failure(message: "onbekend doel in '\(words.joined(separator: " "))': gebruik doel 1 tot en met doel \(dataset.pilotGoals.count)")
        }
        return index
    }
}
