import Foundation
import Yams

/// Reads and validates the YAML files of a data directory into a `Dataset`.
public enum DatasetLoader {
    /// The file names a data directory must contain.
    public static var fileNames: [String] { DataFile.allCases.map(\.rawValue) }

    public static func load(directory: URL) throws(DataError) -> Dataset {
        try checkFolder(directory)
        let files = DecodedFiles(in: directory)
        let goals = try files.value(PilotGoalsFile.self, .pilotGoals)
        let themes = try files.value(LongTermThemesFile.self, .longTermThemes)
        let cycle = try files.value(ConversationCycle.self, .conversationCycle)
        let techniekpact = try files.value(Techniekpact.self, .regions)
        let examples = try files.value(RegionalExamplesFile.self, .regionalExamples)
        let figures = try files.value(FiguresFile.self, .figures)
        let annualReport = try files.value(AnnualReport.self, .annualReport)
        let kiezenVoorTechnologie = try files.value(SourceTableFile.self, .kiezenVoorTechnologie)
        let ptvtReport = try files.value(SourceDocument.self, .ptvtReport)
        let techniekpactReport = try files.value(SourceDocument.self, .techniekpactReport)
        let seoEvaluation = try files.value(SourceDocument.self, .seoEvaluation)
        let dataset = Dataset(
            pilotGoals: goals.goals, peildatum: goals.peildatum, longTermThemes: themes.themes,
            cycle: cycle, techniekpact: techniekpact, regionalExamples: examples.examples, figures: figures.figures,
            annualReport: annualReport, tables: [kiezenVoorTechnologie.table],
            documents: [annualReport.document, ptvtReport, techniekpactReport, seoEvaluation]
        )
        try DatasetValidator.validate(dataset)
        return dataset
    }

    /// The folder itself, and every file it must hold, in one message: a missing folder, a file given for the
    /// folder, or all the files that are not there (not only the first).
    private static func checkFolder(_ directory: URL) throws(DataError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw DataError(file: directory.path, message: "de datamap bestaat niet (geef met --data de map met de \(fileNames.count) databestanden)")
        }
        guard isDirectory.boolValue else {
            throw DataError(file: directory.path, message: "is een bestand, geen map; geef met --data de map waarin het staat")
        }
        let missing = fileNames.filter { !FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            if missing.count == 1 { throw DataError(file: directory.appendingPathComponent(missing[0]).path, message: "bestand niet gevonden") }
            throw DataError(file: directory.path, message: "\(missing.count) van de \(fileNames.count) databestanden ontbreken: \(missing.joined(separator: ", "))")
        }
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
        if data.first == UInt8(ascii: "{"), !data.withUnsafeBytes({ SafeText.containsUnsafe($0, carriageReturnIsSafe: true) }) {
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
            throw DataError.from(error, file: url.path, text: text)
        }
    }

    /// Foundation reads JSON far faster than Yams; with `escapes` every string is made safe as it is read.
    private static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, escapes: Bool) throws -> T {
        escapes ? try JSONDecoder().decode(SafelyDecoded<T>.self, from: data).value : try JSONDecoder().decode(T.self, from: data)
    }
}

/// Every data file of a directory, decoded side by side: Yams is slow and the files do not depend on each
/// other, so each gets a core of its own, the largest first (the last file taken decides when all are done).
/// A failure is reported when its file is asked for, so the first in file order is the one the user sees.
private struct DecodedFiles {
    private let results: [DataFile: Result<any Sendable, DataError>]

    init(in directory: URL) {
        let files = DataFile.allCases.map { file in
            let url = directory.appendingPathComponent(file.rawValue)
            return (file: file, url: url, size: (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }.sorted { $0.size > $1.size }
        let slots = Slots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.set(index, Result { () throws(DataError) -> any Sendable in try files[index].file.decoded(at: files[index].url) })
        }
        results = Dictionary(uniqueKeysWithValues: zip(files.map(\.file), slots.values))
    }

    func value<T>(_ type: T.Type, _ file: DataFile) throws(DataError) -> T {
        try results[file]!.get() as! T
    }

    /// Where the threads put their results.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Result<any Sendable, DataError>?]

        init(count: Int) { stored = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<any Sendable, DataError>) { lock.withLock { stored[index] = result } }

        var values: [Result<any Sendable, DataError>] { lock.withLock { stored.map { $0! } } }
    }
}

extension DataFile {
    /// The file at `url` decoded as its kind, checked where a file can be checked alone (a source's parts).
    func decoded(at url: URL) throws(DataError) -> any Sendable {
        switch self {
        case .pilotGoals: try DatasetLoader.decode(PilotGoalsFile.self, at: url)
        case .longTermThemes: try DatasetLoader.decode(LongTermThemesFile.self, at: url)
        case .conversationCycle: try DatasetLoader.decode(ConversationCycle.self, at: url)
        case .regions: try DatasetLoader.decode(Techniekpact.self, at: url)
        case .regionalExamples: try DatasetLoader.decode(RegionalExamplesFile.self, at: url)
        case .figures: try DatasetLoader.decode(FiguresFile.self, at: url)
        case .annualReport: try DatasetLoader.decode(AnnualReport.self, at: url)
        case .kiezenVoorTechnologie: try DatasetLoader.decode(SourceTableFile.self, at: url)
        case .ptvtReport: try Self.ptvtDocument(at: url)
        case .techniekpactReport, .seoEvaluation: try sourceText(at: url)
        }
    }

    /// The PTvT report, the largest file of the sample, checked and made into its document here, off the
    /// main thread.
    private static func ptvtDocument(at url: URL) throws(DataError) -> SourceDocument {
        let report = try DatasetLoader.decode(PTvTReportFile.self, at: url)
        try DatasetValidator.validate(report)
        return report.document
    }

    /// A source kept part by part, checked and made into its document off the main thread too.
    private func sourceText(at url: URL) throws(DataError) -> SourceDocument {
        let text = try DatasetLoader.decode(SourceTextFile.self, at: url)
        try DatasetValidator.validate(text, file: self)
        return text.document
    }
}
