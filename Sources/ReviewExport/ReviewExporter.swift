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

        public var fileExtension: String {
            switch self {
            case .markdown: "md"
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

        public init(exportedAt: Date, showsIds: Bool = false, asciiCharts: Bool = false, includesInternalNotes: Bool = false) {
            self.exportedAt = exportedAt
            self.showsIds = showsIds
            self.asciiCharts = asciiCharts
            self.includesInternalNotes = includesInternalNotes
        }

        /// The day of the export in Dutch time (`yyyy-MM-dd`), to tell which actions are past due.
        var today: String { DueDate.string(from: exportedAt) }
    }

    /// The export as text; nil for the workbook, which only exists as a file.
    public static func text(_ dataset: Dataset, review: ReviewSnapshot, format: Format, options: Options) -> String? {
        switch format {
        case .markdown: MarkdownExport(dataset: dataset, review: review, options: options).text
        case .csv: CSVExport(dataset: dataset, review: review, dialect: .rfc4180).text
        case .csvNL: CSVExport(dataset: dataset, review: review, dialect: .dutchExcel).text
        case .json: JSONExport.text(dataset: dataset, review: review, exportedAt: options.exportedAt)
        case .text: PlainTextExport(dataset: dataset, review: review, asciiCharts: options.asciiCharts, today: options.today).text
        case .ics: CalendarExport(dataset: dataset, review: review, options: options, actionsAsEvents: false).text
        case .icsEvents: CalendarExport(dataset: dataset, review: review, options: options, actionsAsEvents: true).text
        case .xlsx: nil
        }
    }

    /// Writes the export to `path`; a failure is one Dutch line naming the file and why.
    public static func write(_ dataset: Dataset, review: ReviewSnapshot, format: Format, options: Options, to path: String) throws(ExportFailure) {
        try ExportFile.checkWritable(path)
        if let text = text(dataset, review: review, format: format, options: options) {
            try ExportFile.write(text, to: path)
        } else {
            try WorkbookExport(dataset: dataset, review: review, options: options).write(to: path)
        }
    }

    /// The agenda of a sectortafel or sac vergadering (by its activity id) in Markdown.
    public static func agenda(_ dataset: Dataset, review: ReviewSnapshot, meetingId: String, options: Options) throws(ExportFailure) -> String {
        guard let agenda = AgendaExport(dataset: dataset, review: review, activityId: meetingId, options: options) else {
            let known = dataset.cycle.months.flatMap(\.activities).filter(\.kind.hasAgenda).map(\.id)
            throw ExportFailure(meetingId, "geen sectortafel of sac vergadering in de cyclus (kies uit: \(known.joined(separator: ", ")))")
        }
        return agenda.markdown
    }

    /// Writes text (an agenda) to `path`; a failure is one Dutch line.
    public static func write(_ text: String, to path: String) throws(ExportFailure) {
        try ExportFile.checkWritable(path)
        try ExportFile.write(text, to: path)
    }

    /// Every meeting that has decisions or actions, in the order of the cycle.
    static func meetings(_ dataset: Dataset, review: ReviewSnapshot) -> [(month: MonthPlan, activity: Activity)] {
        dataset.cycle.months.flatMap { month in
            month.activities.filter { !review.decisions(at: $0.id).isEmpty || !review.actions(at: $0.id).isEmpty }
                .map { (month, $0) }
        }
    }
}
