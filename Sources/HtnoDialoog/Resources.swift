import DialoogModel
import DialoogUI
import Foundation

/// Finds the bundled sample-data/ and themes/ folders, whether run from the repository,
/// from .build/<config>/ or after `swift run`.
enum Resources {
    static func dataDirectory(_ option: String?) throws -> URL {
        if let option { return URL(fileURLWithPath: option) }
        guard let found = bundled("sample-data") else {
            throw ValidationFailure(message: "geen map sample-data gevonden; geef er een op met --data MAP")
        }
        return found
    }

    /// The theme, or — with a one-line warning naming the file and the key — the default theme when it is
    /// broken or missing, and no colours when the default is broken too.
    static func theme(named name: String) -> (Theme, String?) {
        do {
            return (try Theme.load(from: themeURL(name)), nil)
        } catch {
            let fallback = name == "default" ? nil : try? Theme.load(from: themeURL("default"))
            let shortError = DataError(file: URL(fileURLWithPath: error.file).lastPathComponent, path: error.path, message: error.message)
            return (fallback ?? .plain, "\(shortError); \(fallback == nil ? "zonder kleuren" : "standaardthema gebruikt")")
        }
    }

    /// The themes in themes/, default first, for the theme key.
    static let themeOrder = ["default", "light", "projector", "colorblind", "mono"]

    static func themeNames() -> [String] {
        guard let folder = bundled("themes"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        // The bundled themes in the README's order (Ctrl-T goes through them so), then any added, by name.
        return themeOrder.filter(names.contains) + names.filter { !themeOrder.contains($0) }.sorted()
    }

    /// The decks `--deck` takes: the built-in ones for the bundled data and the deck files beside it.
    static func deckNames() -> [String] {
        let data = try? dataDirectory(nil)
        return deckNames(dataset: data.flatMap { try? DatasetLoader.load(directory: $0) }, decks: bundled("sample-data")?.appendingPathComponent("decks"))
    }

    /// The built-in decks of a data set and the deck files in a folder.
    static func deckNames(dataset: Dataset?, decks: URL?) -> [String] {
        var names = ["doelen"]
        if let dataset {
            names += dataset.pilotGoals.map { "doel-\($0.number)" } + dataset.techniekpact.landsdelen.map { "landsdeel-\($0.id)" }
        }
        names += ["cyclus", "cijfers", "themas", "tabellen"]
        if let decks, let files = try? FileManager.default.contentsOfDirectory(atPath: decks.path) {
            names += files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }
        return names
    }

    private static func themeURL(_ name: String) -> URL {
        if name.contains("/") || name.hasSuffix(".yaml") { return URL(fileURLWithPath: name) }
        return (bundled("themes") ?? URL(fileURLWithPath: "themes")).appendingPathComponent("\(name).yaml")
    }

    /// The login name, for signing notes when --user is not given.
    static func loginName() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "onbekend"
    }

    private static func bundled(_ folder: String) -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            executable.deletingLastPathComponent(),
            executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent(),
            executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent(folder) }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}

/// The `--check` report.
extension Resources {
    /// The locale's character set is UTF-8 (the first of LC_ALL, LC_CTYPE and LANG that is set says).
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8")
    }
}

enum Summary {
    static func text(of dataset: Dataset, in directory: URL) -> String {
        let pact = dataset.techniekpact
        let emptyCells = pact.boxes.flatMap(\.cells).filter(\.noCasesAvailable).count
        let activities = dataset.cycle.months.reduce(0) { $0 + $1.activities.count }
        let items = dataset.pilotGoals.reduce(0) { total, goal in
            total + GoalColumn.allCases.reduce(0) { $0 + goal.items(in: $1).count }
        }
        let programmeParts = dataset.cycle.htnoMiddagen.reduce(0) { $0 + ($1.programme?.count ?? 0) }
        let sources = dataset.documents.map { document in
            let programmes = document.parts.reduce(0) { $0 + $1.programmeCount }
            let figures = document.parts.reduce(0) { $0 + $1.figureCount }
            return (["\(document.title): \(document.parts.count) delen"] + (programmes > 0 ? ["\(programmes) programma's"] : [])
                + (figures > 0 ? ["\(figures) cijfers in de tekst"] : [])).joined(separator: ", ")
        }
        return """
        \(directory.path): OK
          \(dataset.pilotGoals.count) pilotdoelen met \(items) items (peildatum \(dataset.peildatum))
          \(dataset.longTermThemes.count) langetermijnthema's
          \(activities) activiteiten in \(dataset.cycle.months.count) maanden van \(dataset.cycle.year), \(dataset.cycle.htnoMiddagen.count) htno-middagen (\(programmeParts) programmaonderdelen uit het pamflet)
          \(pact.landsdelen.count) landsdelen, \(pact.goals.count) Techniekpact-doelen, \(pact.caseCount) regionale cases (\(emptyCells) cellen 'Geen cases beschikbaar')
          \(dataset.regionalExamples.count) voorbeelden uit de regio (2018), \(dataset.regionalExamples.filter { $0.seoCase != nil }.count) met hun case uit het SEO-rapport
          jaarverslag 2023: \(dataset.annualReport.chapters.count) hoofdstukken, \(dataset.annualReport.chapters.reduce(0) { $0 + ($1.reflections?.count ?? 0) }) reflecties bij hun doel
          \(dataset.tables.count) tabel(len) met tekst, \(dataset.tables.reduce(0) { $0 + $1.rows.count }) rijen
          \(dataset.figures.count) figuren met \(dataset.figures.reduce(0) { $0 + $1.series.count }) reeksen en \(dataset.figures.reduce(0) { total, figure in total + figure.series.reduce(0) { $0 + $1.values.compactMap { $0 }.count } }) waarden
          bronnen: \(sources.joined(separator: "; "))
        """
    }
}
