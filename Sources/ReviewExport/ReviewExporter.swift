import DialoogModel
import Foundation

/// Writes the goal table with statuses, notes, decisions and action items: for the jaarverslag (Markdown),
/// spreadsheets (xlsx, CSV), calendars (iCalendar), tools (JSON) and pipes (text).
public enum ReviewExporter {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, xlsx, csv
        /// For Dutch Excel: `;` between fields, a BOM and CRLF, dates as `dd-mm-jjjj`.
        case csvNL = "csv-nl"
        case json, text, ics
        /// iCalendar with the actions as all-day events on their due date: Outlook ignores imported to-dos.
        case icsEvents = "ics-afspraken"
        /// The jaarverslag's Bijlage 1 (the goal table, a row per goal) and Bijlage 2 (a year's cycle), in Markdown.
        case appendix1 = "bijlage1"
        case appendix2 = "bijlage2"

        public var fileExtension: String {
            switch self {
            case .markdown, .appendix1, .appendix2: "md"
            case .xlsx: "xlsx"
            case .csv, .csvNL: "csv"
            case .json: "json"
            case .text: "txt"
            case .ics, .icsEvents: "ics"
            }
        }
    }

    /// What every export is told besides the data.
    public struct Options: Sendable {
        public var exportedAt: Date
        /// Internal ids (`d3-bw-1`) beside the items, for whoever checks the export against the data files.
        public var showsIds: Bool
        /// Charts in the text export with `#` bars, for a locale without UTF-8 (`LANG=C`).
        public var asciiCharts: Bool
        /// Notes not marked "voor het jaarverslag" in the report (Markdown) too; the other formats always hold every note.
        public var includesInternalNotes: Bool
        /// iCalendar: a meeting's reminder this many days before it (0: none).
        public var reminderDays: Int
        /// Bijlage 2: the year of the cycle; nil for the source's.
        public var year: Int?
        /// Bijlage 1: the statuses of this recorded peildatum ("december 2024"); nil for those of now.
        public var peildatum: String?

        public init(exportedAt: Date, showsIds: Bool = false, asciiCharts: Bool = false, includesInternalNotes: Bool = false,
                    reminderDays: Int = 2, year: Int? = nil, peildatum: String? = nil) {
            self.exportedAt = exportedAt
            self.showsIds = showsIds
            self.asciiCharts = asciiCharts
            self.includesInternalNotes = includesInternalNotes
            self.reminderDays = reminderDays
            self.year = year
            self.peildatum = peildatum
        }

        /// The day of the export in Dutch time (`yyyy-MM-dd`), to tell which actions are past due.
        var today: String { DueDate.string(from: exportedAt) }
    }

    /// The export as text; nil for the workbook, which only exists as a file.
    public static func text(_ source: Dataset, review: ReviewSnapshot, format: Format, options: Options) -> String? {
        let dataset = table(source, review: review, options: options)
        return switch format {
        case .markdown: MarkdownExport(dataset: dataset, review: review, options: options).text
        case .csv: CSVExport(dataset: dataset, review: review, dialect: .rfc4180).text
        case .csvNL: CSVExport(dataset: dataset, review: review, dialect: .dutchExcel).text
        case .json: JSONExport.text(dataset: dataset, review: review, exportedAt: options.exportedAt)
        case .text: PlainTextExport(dataset: dataset, review: review, asciiCharts: options.asciiCharts, today: options.today).text
        case .ics: CalendarExport(dataset: dataset, review: review, options: options, actionsAsEvents: false).text
        case .icsEvents: CalendarExport(dataset: dataset, review: review, options: options, actionsAsEvents: true).text
        case .appendix1: AppendixExport(dataset: dataset, review: review, options: options).goalTable
        case .appendix2: AppendixExport(dataset: dataset, review: review, options: options).cycle(year: options.year ?? dataset.cycle.year)
        case .xlsx: nil
        }
    }

    /// Writes the export to `path`; a failure is one Dutch line naming the file and why. A Markdown format
    /// written to a `.docx` path becomes a Word document through pandoc.
    public static func write(_ dataset: Dataset, review: ReviewSnapshot, format: Format, options: Options, to path: String) throws(ExportFailure) {
        try ExportFile.checkWritable(path)
        if let text = text(dataset, review: review, format: format, options: options) {
            if path.lowercased().hasSuffix(".docx"), format.fileExtension == "md" {
                try WordDocument.write(markdown: text, to: path)
            } else {
                try ExportFile.write(text, to: path)
            }
        } else {
            try WorkbookExport(dataset: table(dataset, review: review, options: options), review: review, options: options).write(to: path)
        }
    }

    /// The goal table an export shows: the source (`source`, never a table already changed) with the
    /// changes accepted by the peildatum asked for, or by now. Proposals are not part of it.
    static func table(_ source: Dataset, review: ReviewSnapshot, options: Options) -> Dataset {
        let moment = options.peildatum.flatMap { label in review.peildata.last { $0.label == label } }?.takenAt
        return source.table(with: review.tableChanges, at: moment)
    }

    /// The records of a JSON export (read from `file`), for `import` into a new database.
    public static func records(inJSONExport json: Data, from file: String) throws(ExportFailure) -> ReviewRecords {
        try JSONExport.records(in: json, from: file)
    }

    /// The agenda of a meeting (by its activity id: a 2023 sectortafel or sac vergadering, or a later
    /// meeting, `overleg-12`) in Markdown.
    public static func agenda(_ dataset: Dataset, review: ReviewSnapshot, meetingId: String, options: Options) throws(ExportFailure) -> String {
        guard let agenda = AgendaExport(dataset: table(dataset, review: review, options: options), review: review, activityId: meetingId,
                                        options: options) else {
            let known = AgendaExport.meetings(dataset, review: review).filter(\.hasAgenda).map(\.activityId)
            throw ExportFailure(meetingId, "geen overleg met een agenda (kies uit: \(known.joined(separator: ", ")))")
        }
        return agenda.markdown
    }

    /// Writes text (an agenda) to `path`; a failure is one Dutch line.
    public static func write(_ text: String, to path: String) throws(ExportFailure) {
        try ExportFile.checkWritable(path)
        try ExportFile.write(text, to: path)
    }

    /// An HTML page (a hand-out) printed to a PDF at `path` by headless Chromium; a failure is one Dutch line.
    public static func writePDF(html: String, to path: String) throws(ExportFailure) {
        try ExportFile.checkWritable(path)
        try PrintedDocument.write(html: html, to: path)
    }

    /// A meeting as the exports head its decisions and actions.
    struct MeetingHeading {
        let activityId: String
        /// "November 2023: Sectortafel" for the 2023 cycle, "Sectortafel 14-11-2025" for a later meeting.
        let title: String
        let month: Int
        let activity: String
        /// A later meeting (with its date, minutes and attendance); nil for the source's cycle.
        let meeting: Meeting?
    }

    /// Every meeting that has decisions, actions or notes (and every later meeting with minutes): the 2023
    /// cycle in its order, then the later meetings by date.
    static func meetings(_ dataset: Dataset, review: ReviewSnapshot) -> [MeetingHeading] {
        let hasRecords = { (id: String) in
            !review.decisions(at: id).isEmpty || !review.actions(at: id).isEmpty || review.noteCount(on: id) > 0
        }
        let cycle = dataset.cycle.months.flatMap { month in
            month.activities.filter { hasRecords($0.id) }.map {
                MeetingHeading(activityId: $0.id, title: "\(month.name.capitalizedFirst) \(dataset.cycle.year): \($0.activity)", month: month.month,
                               activity: $0.activity, meeting: nil)
            }
        }
        let later = review.meetings.filter { hasRecords($0.activityId) || !$0.minutes.isEmpty }.map {
            MeetingHeading(activityId: $0.activityId, title: $0.name, month: $0.month, activity: $0.kind, meeting: $0)
        }
        return cycle + later
    }
}
