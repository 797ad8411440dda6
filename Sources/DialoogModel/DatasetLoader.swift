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
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DataError(file: url.path, message: exists ? "kan niet gelezen worden" : "bestand niet gevonden")
        }
        // JSON is YAML too; large generated files are JSON, read by Foundation straight from the file's bytes
        // (no String copy of a file of many megabytes). An escape that spells an unsafe character needs the
        // (slower) decoder that makes every string safe; a raw one goes the way of YAML below.
        if data.first == UInt8(ascii: "{"), !data.withUnsafeBytes(SafeText.containsUnsafe) {
            do {
                return try decodeJSON(T.self, from: data, escapes: data.withUnsafeBytes(SafeText.hasUnsafeEscape))
            } catch {
                if String(data: data, encoding: .utf8) == nil { throw DataError(file: url.path, message: "geen geldige UTF-8-tekst") }
                throw DataError.from(error, file: url.path)
            }
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw DataError(file: url.path, message: "geen geldige UTF-8-tekst")
        }
        // Control characters written into the file itself become visible here, once, for every output.
        let text = SafeText.visible(decoded.utf8.contains(0x0D) ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded)
        do {
            let escapes = SafeText.hasUnsafeEscape(text)
            if text.first == "{" { return try decodeJSON(T.self, from: Data(text.utf8), escapes: escapes) }
            return escapes ? try YAMLDecoder().decode(SafelyDecoded<T>.self, from: text).value : try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw DataError.from(error, file: url.path)
        }
    }

    /// Foundation reads JSON far faster than Yams; with `escapes` every string is made safe as it is read.
    private static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, escapes: Bool) throws -> T {
        escapes ? try JSONDecoder().decode(SafelyDecoded<T>.self, from: data).value : try JSONDecoder().decode(T.self, from: data)
    }
}
