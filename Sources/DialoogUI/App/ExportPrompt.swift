import DialoogModel

/// `E`: which format, then which file (a name under the current directory is suggested); an existing file
/// is never overwritten without asking.
struct ExportPrompt: Sendable {
    static let formats: [(key: Character, name: String, label: String, suffix: String)] =
        [("m", "markdown", "Markdown", "md"), ("c", "csv", "CSV", "csv"), ("j", "json", "JSON", "json"), ("t", "text", "tekst", "txt")]

    let format: String
    var name: SearchPrompt

    init(format: String, today: String) {
        self.format = format
        let suffix = Self.formats.first { $0.name == format }?.suffix ?? "txt"
        name = SearchPrompt(text: "htno-review-\(today).\(suffix)")
    }
}

/// Asked of the export function: write even when the file exists?
public enum ExportWrite: Sendable {
    case newFileOnly
    case overwrite
}

/// The file already exists and was left alone.
public struct ExportFileExists: Error, Sendable {
    public let path: String
    public init(path: String) { self.path = path }
}

extension App {
    /// `E`: asks for the format first.
    mutating func askExportFormat() {
        guard reviewSession != nil else {
            message = "Alleen lezen: geen reviewdatabase geopend"
            return
        }
        ask(Question("Exporteren als", choices: ExportPrompt.formats.map { .init($0.key, $0.label, .exportFormat($0.name)) }
                     + [.init("n", "niet", .dismiss("Niets geëxporteerd"))]))
    }

    /// The file name, suggested and editable; `:export csv` starts here.
    mutating func askExportFile(format: String) {
        guard reviewSession != nil else {
            message = "Alleen lezen: geen reviewdatabase geopend"
            return
        }
        exportPrompt = ExportPrompt(format: format, today: context.today)
    }

    mutating func handleExportPrompt(_ key: Key) {
        guard var current = exportPrompt else { return }
        switch key {
        case .escape:
            exportPrompt = nil
            message = "Niets geëxporteerd"
        case .enter:
            exportPrompt = nil
            let file = current.name.text.trimmingCharacters(in: .whitespaces)
            guard !file.isEmpty else {
                message = "Geen bestandsnaam: niets geëxporteerd"
                return
            }
            export(format: current.format, to: file, .newFileOnly)
        default:
            _ = current.name.edit(key)
            exportPrompt = current
        }
    }

    /// Writes the export; an existing file is asked about first.
    mutating func export(format: String, to file: String, _ write: ExportWrite) {
        guard let session = reviewSession else { return }
        do {
            message = "Export geschreven: " + (try session.export(context.dataset, context.review, format, file, write))
        } catch let exists as ExportFileExists {
            ask(Question("\(exists.path) bestaat al. Overschrijven?",
                         choices: [.init("j", "ja", .overwriteExport(format: format, file: file)), .init("n", "nee", .dismiss("Niets geëxporteerd"))]))
        } catch {
            message = "Export mislukt: \(error)"
        }
    }

    func renderExportPrompt(_ prompt: ExportPrompt, into frame: inout Frame, y: Int) {
        let used = frame.write("Exporteren (\(prompt.format)) naar: " + prompt.name.text, x: 1, y: y, role: .status)
        frame.write("  Enter schrijft, Esc niet", x: 1 + used, y: y, role: .muted)
        frame.cursor = Point(x: min(frame.width - 1, 1 + used), y: y)
    }
}
