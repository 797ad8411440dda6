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
        let figures = try decode(FiguresFile.self, .figures, in: directory)
        let annualReport = try decode(AnnualReport.self, .annualReport, in: directory)
        let kiezenVoorTechnologie = try decode(SourceTableFile.self, .kiezenVoorTechnologie, in: directory)
        let ptvtReport = try decode(PTvTReportFile.self, .ptvtReport, in: directory)
        try DatasetValidator.validate(ptvtReport)
        let dataset = Dataset(
            pilotGoals: goals.goals, peildatum: goals.peildatum, longTermThemes: themes.themes,
            cycle: cycle, techniekpact: techniekpact, regionalExamples: examples.examples, figures: figures.figures,
            annualReport: annualReport, tables: [kiezenVoorTechnologie.table],
            documents: [annualReport.document, ptvtReport.document]
        )
        try DatasetValidator.validate(dataset)
        return dataset
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ file: DataFile, in directory: URL) throws(DataError) -> T {
        try decode(type, at: directory.appendingPathComponent(file.rawValue))
    }

    /// Reads a YAML or JSON data file (a deck too) with every text made safe where it enters; a failure
    /// names the file, the place in it and the problem.
    public static func decode<T: Decodable>(_ type: T.Type, at url: URL) throws(DataError) -> T {
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw DataError(file: url.path, message: "geen geldige UTF-8-tekst")
            }
            // Control characters written into the file itself become visible here, once, for every output.
            text = SafeText.visible(decoded.utf8.contains(0x0D) ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded)
        } catch let error as DataError {
            throw error
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DataError(file: url.path, message: exists ? "kan niet gelezen worden" : "bestand niet gevonden")
        }
        do {
            // JSON is YAML too; large generated files are JSON, and Foundation reads those far faster.
            // Only a file with an escape that spells a control character needs the (slower) safe decoder.
            let escapes = SafeText.hasUnsafeEscape(text)
            if text.first == "{" {
                let data = Data(text.utf8)
                return escapes ? try JSONDecoder().decode(SafelyDecoded<T>.self, from: data).value : try JSONDecoder().decode(T.self, from: data)
            }
            return escapes ? try YAMLDecoder().decode(SafelyDecoded<T>.self, from: text).value : try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw DataError.from(error, file: url.path)
        }
    }
}
