import DialoogModel
import Foundation
import Yams

/// One slide of a presentation: a reference into the data, or a slide of the deck's own (a welcome,
/// the programme, a question, a quote).
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
    /// One good practice of an htno-middag (indices).
    case goodPractice(middag: Int, index: Int)
    /// What an htno-middag committed to ("Concreet betekent dit dat we:").
    case commitments(middag: Int)
    /// A figure of the sources as a chart (index).
    case figure(Int)
    /// A long-term theme and its questions (index).
    case theme(Int)
    /// A table of the sources (index): the Kiezen voor Technologie programmes.
    case sourceTable(Int)
    /// What a meeting decided and who does what, as the review held it when the talk began.
    case meetingOutcome(MeetingOutcome)
    case free(FreeSlide)

    /// Where the browser goes when the presenter leaves this slide with Esc; nil: where browsing was.
    func location(in dataset: Dataset) -> DataLocation? {
        switch self {
        case .goal(let goal): .pilotGoal(goal: goal)
        case .goalColumn(let goal, let column): .goalItem(goal: goal, column: column, item: 0)
        case .regionCases(let landsdeel, let goal): .regionalCase(landsdeel: landsdeel, goal: goal, index: 0)
        case .month(let month): .activity(month: month, index: 0)
        case .timeline: .activity(month: 0, index: 0)
        case .goodPractice(let middag, _), .commitments(let middag):
            dataset.activity(id: dataset.cycle.htnoMiddagen[middag].activityId).map { .activity(month: $0.month, index: $0.index) }
        case .figure(let index): .figure(index: index)
        case .theme(let index): .longTermTheme(theme: index)
        case .sourceTable(let index): .sourceTable(index: index)
        case .meetingOutcome(let outcome): .meeting(id: outcome.meetingId, year: outcome.year)
        case .free: nil
        }
    }
}

/// A meeting's decisions and actions for a slide: taken from the review when the talk starts.
public struct MeetingOutcome: Equatable, Sendable {
    public let meetingId: Int64
    public let year: Int
    /// "Sectortafel 12-03-2024".
    public let name: String
    public let decisions: [String]
    /// "Notitie naar de sectortafel — Jeanneke, voor 01-04-2024".
    public let actions: [String]

    public init(_ meeting: Meeting, review: ReviewSnapshot) {
        meetingId = meeting.id
        year = Int(meeting.date.prefix(4)) ?? 0
        name = meeting.name
        decisions = review.decisions(at: meeting.activityId).map(\.text)
        actions = review.actions(at: meeting.activityId).map { action in
            action.text + " — " + action.owner + (action.dueDate.map { ", voor \(DutchDate.day($0))" } ?? "") + (action.isDone ? " (klaar)" : "")
        }
    }
}

/// A slide of the deck's own: a title, and any of a subtitle, bullets and a quote with its source.
public struct FreeSlide: Equatable, Sendable {
    public let title: String
    public let subtitle: String?
    public let bullets: [String]
    public let quote: String?
    /// Who said or wrote the quote, or where the text comes from.
    public let source: String?
    /// The bullets come one at a time (`stapsgewijs: true`): Space shows the next before the slide moves on.
    public let isStepwise: Bool
    /// A link shown as a QR code under the text (`qr: "https://…"`), and as itself.
    public let link: String?

    public init(title: String, subtitle: String? = nil, bullets: [String] = [], quote: String? = nil, source: String? = nil,
                isStepwise: Bool = false, link: String? = nil) {
        self.link = link
        self.title = title
        self.subtitle = subtitle
        self.bullets = bullets
        self.quote = quote
        self.source = source
        self.isStepwise = isStepwise && !bullets.isEmpty
    }
}

/// A named sequence of slides, each with optional speaker notes.
public struct Deck: Equatable, Sendable {
    /// What `--deck` calls it ("doelen", "doel-3", "htno-middag"): the default session of its speaker view.
    public let name: String
    public let title: String
    public let slides: [Slide]
    /// The speaker notes of each slide (nil: none), as the speaker view and the handout show them.
    public let notes: [String?]
    /// Body text in block letters where a slide has room (`grote-tekst: true` in the deck file, or `--big-text`).
    public var prefersBigText = false

    public init(name: String, title: String, slides: [Slide], notes: [String?]? = nil) {
        self.name = name
        self.title = title
        self.slides = slides
        self.notes = notes ?? Array(repeating: nil, count: slides.count)
    }

    /// All six goals.
    public static func goals(_ dataset: Dataset) -> Deck {
        Deck(name: "doelen", title: "Pilotdoelen permanente dialoog", slides: dataset.pilotGoals.indices.map(Slide.goal))
    }

    /// One goal, then its four columns.
    public static func goal(_ index: Int, in dataset: Dataset) -> Deck {
        Deck(name: "doel-\(dataset.pilotGoals[index].number)", title: "Doel \(dataset.pilotGoals[index].number)",
             slides: [.goal(index)] + GoalColumn.allCases.map { .goalColumn(goal: index, column: $0) })
    }

    /// The regional cases of one landsdeel, goal by goal.
    public static func landsdeel(_ index: Int, in dataset: Dataset) -> Deck {
        let pact = dataset.techniekpact
        return Deck(name: "landsdeel-\(pact.landsdelen[index].id)", title: "Regionale cases \(pact.landsdelen[index].name)",
                    slides: pact.goals.map { .regionCases(landsdeel: index, goal: $0.number) })
    }

    /// Every figure of the sources as a chart.
    public static func figures(_ dataset: Dataset) -> Deck {
        Deck(name: "cijfers", title: "Cijfers uit de bronnen", slides: dataset.figures.indices.map(Slide.figure))
    }

    /// The long-term themes, each with its questions.
    public static func themes(_ dataset: Dataset) -> Deck {
        Deck(name: "themas", title: "Langetermijnthema's", slides: dataset.longTermThemes.indices.map(Slide.theme))
    }

    /// The tables of the sources (the Kiezen voor Technologie programmes).
    public static func tables(_ dataset: Dataset) -> Deck {
        Deck(name: "tabellen", title: "Tabellen uit de bronnen", slides: dataset.tables.indices.map(Slide.sourceTable))
    }

    /// The 2023 cycle: the timeline, then month by month.
    public static func cycle(_ dataset: Dataset) -> Deck {
        Deck(name: "cyclus", title: "Gesprekscyclus \(dataset.cycle.year)", slides: [.timeline] + dataset.cycle.months.indices.map(Slide.month))
    }
}

/// Reads decks: the built-in names (`doelen`, `doel-3`, `landsdeel-oost`, `cyclus`) or a YAML file
/// with a title and a list of slide references (see sample-data/decks/README.md).
public enum DeckLoader {
    public static func deck(named name: String, decksDirectory: URL?, dataset: Dataset) throws(DataError) -> Deck {
        let deck = try find(named: name, decksDirectory: decksDirectory, dataset: dataset)
        guard !deck.slides.isEmpty else { throw DataError(file: name, message: "dit deck heeft geen dia's (de data heeft er niets voor)") }
        return deck
    }

    /// The file of a deck that has one (not the built-in decks), for watching it while it is presented.
    public static func fileURL(named name: String, decksDirectory: URL?) -> URL? {
        if name.contains("/") || name.hasSuffix(".yaml") { return URL(fileURLWithPath: name) }
        let url = decksDirectory?.appendingPathComponent("\(name).yaml")
        return url.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    private static func find(named name: String, decksDirectory: URL?, dataset: Dataset) throws(DataError) -> Deck {
        let lowered = name.lowercased()
        if lowered == "doelen" { return .goals(dataset) }
        if lowered == "cyclus" { return .cycle(dataset) }
        if lowered == "cijfers" { return .figures(dataset) }
        if lowered == "themas" { return .themes(dataset) }
        if lowered == "tabellen" { return .tables(dataset) }
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
        // Text of the deck's own slides enters here: made safe like every data file.
        let file = try DatasetLoader.decode(DeckFile.self, at: url)
        guard !file.slides.isEmpty else { throw DataError(file: url.path, path: "slides", message: "een deck heeft minstens één dia nodig") }
        var slides: [Slide] = []
        var notes: [String?] = []
        for (index, entry) in file.slides.enumerated() {
            let path = "slides[\(index)]"
            var added: [Slide]
            switch (entry.reference, entry.free) {
            case (let reference?, nil):
                do {
                    added = try SlideReference.parse(reference, dataset: dataset)
                } catch {
                    throw DataError(file: url.path, path: path, message: error.message)
                }
            case (nil, let free?):
                guard !free.title.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw DataError(file: url.path, path: path + ".titel", message: "een eigen dia heeft een titel nodig")
                }
                added = [.free(free)]
            default:
                throw DataError(file: url.path, path: path, message: "een dia is een verwijzing ('doel 3', of dia: 'doel 3') of een eigen dia met titel")
            }
            guard !added.isEmpty else {
                throw DataError(file: url.path, path: path, message: "'\(entry.reference ?? "")' geeft geen dia's (de bron heeft er hier geen)")
            }
            slides += added
            // Notes go with the first slide a reference makes ("doel 3 alles" makes five).
            notes += [entry.notes] + Array(repeating: nil, count: added.count - 1)
        }
        var deck = Deck(name: url.deletingPathExtension().lastPathComponent, title: file.title, slides: slides, notes: notes)
        deck.prefersBigText = file.bigText ?? false
        return deck
    }

    private struct DeckFile: Decodable {
        let title: String
        let slides: [Entry]
        let bigText: Bool?

        enum CodingKeys: String, CodingKey {
            case title, slides
            case bigText = "grote-tekst"
        }
    }

    /// `- doel 3`, `- { dia: doel 3, notities: … }` or `- { titel: …, ondertitel: …, punten: […], citaat: …, bron: …, notities: … }`.
    private struct Entry: Decodable {
        let reference: String?
        let free: FreeSlide?
        let notes: String?

        enum Key: String, CodingKey {
            case dia, titel, ondertitel, punten, citaat, bron, notities, stapsgewijs, qr
        }

        init(from decoder: any Decoder) throws {
            if let reference = try? decoder.singleValueContainer().decode(String.self) {
                (self.reference, free, notes) = (reference, nil, nil)
                return
            }
            let container = try decoder.container(keyedBy: Key.self)
            notes = try container.decodeIfPresent(String.self, forKey: .notities)
            reference = try container.decodeIfPresent(String.self, forKey: .dia)
            guard let title = try container.decodeIfPresent(String.self, forKey: .titel) else {
                free = nil
                return
            }
            free = FreeSlide(title: title, subtitle: try container.decodeIfPresent(String.self, forKey: .ondertitel),
                             bullets: try container.decodeIfPresent([String].self, forKey: .punten) ?? [],
                             quote: try container.decodeIfPresent(String.self, forKey: .citaat),
                             source: try container.decodeIfPresent(String.self, forKey: .bron),
                             isStepwise: try container.decodeIfPresent(Bool.self, forKey: .stapsgewijs) ?? false,
                             link: try container.decodeIfPresent(String.self, forKey: .qr))
        }
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
        case "middag":
            return try middagSlides(words, reference: reference, dataset: dataset)
        case "thema" where words.count == 2:
            let themes = dataset.longTermThemes
            guard let number = Int(words[1]), let index = themes.firstIndex(where: { $0.number == number }) else {
                throw Failure(message: "onbekend thema in '\(reference)': gebruik thema 1 tot en met thema \(themes.count)")
            }
            return [.theme(index)]
        case "tabel" where words.count == 2:
            return [.sourceTable(try index(words[1], ids: dataset.tables.map(\.id), kind: "tabel", reference: reference))]
        case "figuur" where words.count == 2:
            return [.figure(try index(words[1], ids: dataset.figures.map(\.id), kind: "figuur", reference: reference))]
        default:
            throw Failure(message: "onbekende dia '\(reference)': gebruik doel N [kolom|alles], regio LANDSDEEL [N], maand N, tijdlijn, "
                          + "figuur N, thema N, tabel N of middag N [praktijk M|toezeggingen]")
        }
    }

    /// `middag 1 praktijk 2`, `middag 1 praktijken` (all), `middag 1 toezeggingen`.
    private static func middagSlides(_ words: [String], reference: String, dataset: Dataset) throws(Failure) -> [Slide] {
        let middagen = dataset.cycle.htnoMiddagen
        guard words.count >= 3, let number = Int(words[1]), middagen.indices.contains(number - 1) else {
            throw Failure(message: "onbekende htno-middag in '\(reference)': gebruik middag 1 tot en met middag \(middagen.count)")
        }
        let middag = number - 1
        let practices = middagen[middag].goodPractices
        switch words[2] {
        case "toezeggingen" where words.count == 3: return [.commitments(middag: middag)]
        case "praktijken" where words.count == 3: return practices.indices.map { .goodPractice(middag: middag, index: $0) }
        case "praktijk" where words.count == 4:
            guard let index = Int(words[3]), practices.indices.contains(index - 1) else {
                throw Failure(message: "onbekende good practice in '\(reference)': middag \(number) heeft er \(practices.count)")
            }
            return [.goodPractice(middag: middag, index: index - 1)]
        default:
            throw Failure(message: "onbekende dia '\(reference)': gebruik middag N praktijk M, middag N praktijken of middag N toezeggingen")
        }
    }

    /// `figuur 3` or `figuur seo-2020-uitwaaiing`: a number from 1, or an id; else which there are.
    private static func index(_ word: String, ids: [String], kind: String, reference: String) throws(Failure) -> Int {
        if let number = Int(word), ids.indices.contains(number - 1) { return number - 1 }
        if let index = ids.firstIndex(of: word) { return index }
        throw Failure(message: "onbekende \(kind) in '\(reference)': gebruik \(kind) 1 tot en met \(kind) \(ids.count) of een id (\(ids.joined(separator: ", ")))")
    }

    private static func goalIndex(_ words: [String], _ dataset: Dataset) throws(Failure) -> Int {
        guard words.count > 1, let number = Int(words[1]), let index = dataset.pilotGoals.firstIndex(where: { $0.number == number }) else {
            throw Failure(message: "onbekend doel in '\(words.joined(separator: " "))': gebruik doel 1 tot en met doel \(dataset.pilotGoals.count)")
        }
        return index
    }
}
