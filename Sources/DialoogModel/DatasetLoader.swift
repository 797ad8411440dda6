import Foundation
import Yams

/// Reads and validates the YAML files of a data directory into a `Dataset`.
public enum DatasetLoader {
    /// The file names a data directory must contain.
    public static var fileNames: [String] { DataFile.allCases.map(\.rawValue) }

    public static func load(directory: URL) throws(DataError) -> Dataset {
        let goals = try decode(PilotGoalsFile.self, .pilotGoals, in: directory)
        let themes = try decode(LongTermThemesFile.self, .longTermThemes, in: directory)
        let cycle = try decode(ConversationCycle.self, .conversationCycle, in: directory)
        let techniekpact = try decode(Techniekpact.self, .regions, in: directory)
        let examples = try decode(RegionalExamplesFile.self, .regionalExamples, in: directory)
        let dataset = Dataset(
            pilotGoals: goals.goals, peildatum: goals.peildatum, longTermThemes: themes.themes,
            cycle: cycle, techniekpact: techniekpact, regionalExamples: examples.examples
        )
        try DatasetValidator.validate(dataset)
        return dataset
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ file: DataFile, in directory: URL) throws(DataError) -> T {
        let url = directory.appendingPathComponent(file.rawValue)
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw DataError(file: url.path, message: "geen geldige UTF-8-tekst")
            }
            // Control characters written into the file itself become visible here, once, for every output.
            text = SafeText.visible(decoded.replacingOccurrences(of: "\r\n", with: "\n"))
        } catch let error as DataError {
            throw error
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DataError(file: url.path, message: exists ? "kan niet gelezen worden" : "bestand niet gevonden")
        }
        do {
            // JSON is YAML too; large generated files are JSON, and Foundation reads those far faster.
            if text.first == "{" {
                return try JSONDecoder().decode(SafelyDecoded<T>.self, from: Data(text.utf8)).value
            }
            return try YAMLDecoder().decode(SafelyDecoded<T>.self, from: text).value
        } catch {
            throw DataError.from(error, file: url.path)
        }
    }
}
