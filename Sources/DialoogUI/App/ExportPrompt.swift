import DialoogModel

/// What to write: the review in a format, or the agenda of a meeting.
public enum ExportContent: Sendable, Equatable {
    /// A format name as `htno-dialoog export --format` takes it (`markdown`, `xlsx`, `csv-nl`, …).
    case review(format: String)
    /// The agenda of the meeting with this activity id.
    case agenda(meetingId: String)

    var label: String {
        switch self {
        case .review(let format): ExportPrompt.formats.first { $0.name == format }?.label ?? format
        case .agenda: "agenda"
        }
    }
}

/// An export as the user asked for it.
public struct ExportRequest: Sendable, Equatable {
    public let content: ExportContent
    public let file: String
    public let write: ExportWrite
}

/// `E` (and `A` in the Cyclus): which format, then which file (a name under the current directory is
/// suggested); an existing file is never overwritten without asking.
struct ExportPrompt: Sendable {
    /// `ending`: what the suggested file name ends with; each format its own, so a CSV-nl does not offer to
    /// overwrite the CSV just written.
    static let formats: [(key: Character, name: String, label: String, ending: String)] = [
        ("m", "markdown", "Markdown", ".md"), ("x", "xlsx", "Excel", ".xlsx"), ("c", "csv", "CSV", ".csv"),
        ("s", "csv-nl", "CSV-nl", "-nl.csv"), ("j", "json", "JSON", ".json"), ("t", "text", "tekst", ".txt"),
        ("i", "ics", "iCal", ".ics"), ("o", "ics-afspraken", "Outlook", "-afspraken.ics"), ("b", "bijlage1", "Bijlage 1", "-bijlage1.md"),
    ]

    let content: ExportContent
    var name: SearchPrompt

    init(_ content: ExportContent, today: String) {
        self.content = content
        switch content {
        case .review(let format):
            let ending = Self.formats.first { $0.name == format }?.ending ?? ".txt"
            name = SearchPrompt(text: "htno-review-\(today)\(ending)")
        case .agenda(let meetingId):
            name = SearchPrompt(text: "agenda-\(meetingId).md")
        }
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

extension AppModel {
    /// `E`: asks for the format first.
    mutating func askExportFormat() {
        // Short labels: the question and its keys take at most two lines at 80 columns.
        ask(Question("Export:", choices: ExportPrompt.formats.map { .init($0.key, $0.label, .exportFormat($0.name)) }
                     + [.init("n", "niet", .dismiss("Niets geëxporteerd"))]))
    }

    /// The file name, suggested and editable; `:export csv` starts here.
    mutating func askExportFile(_ content: ExportContent) {
        exportPrompt = ExportPrompt(content, today: context.today)
    }

    /// `A`: the agenda of the meeting in focus in the Cyclus (a 2023 sectortafel or sac vergadering, or a
    /// later meeting), else of the next one: the first later meeting from today on, else the 2023 cycle's.
    mutating func askAgendaFile() {
        let dataset = context.dataset
        var meetingId = context.review.nextAgendaMeetingId(in: dataset, today: context.today)
        switch topScreen.focusedLocation(in: context) {
        case .activity(let month, let index)?:
            if let focused = dataset.cycle.months[month].activities[safe: index], focused.kind.hasAgenda { meetingId = focused.id }
        case .meeting(let id, _)?:
            meetingId = Meeting.activityId(id)
        default:
            break
        }
        guard let meetingId else {
            message = "De cyclus heeft geen sectortafel of sac vergadering"
            return
        }
        askExportFile(.agenda(meetingId: meetingId))
    }

    mutating func handleExportPrompt(_ key: Key) {
        guard var current = exportPrompt else { return }
        switch keymap.command(for: key, in: .prompt) {
        case .promptCancel?:
            exportPrompt = nil
            message = "Niets geëxporteerd"
        case .promptAccept?:
            exportPrompt = nil
            let file = current.name.text.trimmingCharacters(in: .whitespaces)
            guard !file.isEmpty else {
                message = "Geen bestandsnaam: niets geëxporteerd"
                return
            }
            export(ExportRequest(content: current.content, file: file, write: .newFileOnly))
        default:
            _ = current.name.edit(key)
            exportPrompt = current
        }
    }

    /// Writes the export (`receive` hears how it went).
    mutating func export(_ request: ExportRequest) {
        emit(.export(request))
    }

    /// An existing file is asked about first.
    mutating func receive(_ outcome: ExportOutcome) {
        switch outcome {
        case .written(let path, let content):
            message = "Export geschreven: " + path
            // The report leaves internal notes out: say how many, so none is missed unknowingly.
            let internalNotes = context.review.notes.count { !$0.isForReport }
            if content == .review(format: "markdown"), internalNotes > 0 {
                message! += " · \(internalNotes == 1 ? "1 interne notitie" : "\(internalNotes) interne notities") niet opgenomen "
                    + "(\(keymap.key(for: .markForReport)) markeert voor het jaarverslag)"
            }
        case .exists(let path, let request):
            ask(Question("\(path) bestaat al. Overschrijven?",
                         choices: [.init("j", "ja", .overwriteExport(ExportRequest(content: request.content, file: request.file, write: .overwrite))),
                                   .init("n", "nee", .dismiss("Niets geëxporteerd"))]))
        case .failed(let text):
            message = "Export mislukt: " + text
        }
    }

    func renderExportPrompt(_ prompt: ExportPrompt, into frame: inout Frame) {
        let y = frame.height - 1
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1), role: .status)
        let used = frame.write("Exporteren (\(prompt.content.label)) naar: " + prompt.name.text, x: 1, y: y, role: .status)
        frame.write("  \(keymap.key(for: .promptAccept)) schrijft, \(keymap.key(for: .promptCancel)) niet", x: 1 + used, y: y, role: .muted)
        frame.cursor = Point(x: min(frame.width - 1, 1 + used), y: y)
    }
}
