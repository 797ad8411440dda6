import CXLSXWriter
import DialoogModel
import Foundation

/// The review as an Excel workbook, written by the system library libxlsxwriter: one sheet per part
/// (the table with statuses, notes, decisions, actions, history), Dutch headers, a frozen header row
/// with filters, column widths, dates as real dates and wrapped text.
struct WorkbookExport {
    let dataset: Dataset
    let review: ReviewSnapshot
    let options: ReviewExporter.Options

    /// One worksheet: its name, columns (title, width in characters) and rows.
    struct Sheet {
        let name: String
        let columns: [(title: String, width: Double)]
        let rows: [[Cell]]
    }

    enum Cell: Equatable {
        case text(String)
        case number(Int)
        /// A calendar day, `yyyy-MM-dd`.
        case day(String)
        /// A moment, shown in Dutch time.
        case moment(Date)
        case empty

        /// A text cell as the workbook holds it: the text itself, cut only at Excel's limit. A string cell
        /// (`worksheet_write_string`) is never a formula, so `=> besluitvorming` needs no apostrophe (that guard
        /// is for CSV, which a spreadsheet reads as typed input).
        var writtenText: String? {
            guard case .text(let safe) = self else { return nil }
            guard safe.utf16.count > WorkbookExport.longestCellText else { return safe }
            // Cut by UTF-16 units, as Excel counts (an emoji takes two), at a character boundary.
            var cut = ""
            var units = 0
            for character in safe {
                units += character.utf16.count
                guard units <= WorkbookExport.longestCellText - 100 else { break }
                cut.append(character)
            }
            return cut + " … [ingekort: de volledige tekst staat in de Markdown-export]"
        }
    }

    var sheets: [Sheet] {
        [tableSheet, notesSheet, decisionsSheet, actionsSheet, historySheet, AppendixExport(dataset: dataset, review: review, options: options).goalSheet]
    }

    private var tableSheet: Sheet {
        var rows: [[Cell]] = []
        for goal in dataset.pilotGoals {
            for column in GoalColumn.allCases {
                for (index, item) in goal.items(in: column).enumerated() {
                    let record = column.isReviewable ? review.statuses[item.id] : nil
                    rows.append(withId(item.id, [
                        .number(goal.number), .text(goal.uitgangspunt), .text(column.sourceTitle), .number(index + 1),
                        .text(item.isMitigation ? "=> \(item.text)" : item.text), .text(item.subitems.map { "- \($0)" }.joined(separator: "\n")),
                        column.isReviewable ? .text(review.status(of: item.id).label) : .empty,
                        .number(review.noteCount(on: item.id)),
                        record.map { .text($0.updatedBy) } ?? .empty, record.map { .moment($0.updatedAt) } ?? .empty,
                    ]))
                }
            }
        }
        return Sheet(name: "Tabel", columns: withIdColumn([("Doel", 6), ("Uitgangspunt", 24), ("Kolom", 16), ("Nr", 5), ("Tekst", 60),
                                                           ("Subitems", 40), ("Status", 16), ("Notities", 9), ("Status gezet door", 16),
                                                           ("Status gezet op", 17)]), rows: rows)
    }

    private var notesSheet: Sheet {
        let rows: [[Cell]] = review.notes.map { note in
            let place = dataset.reviewTargetName(note.subjectId) ?? note.subjectId
            return [.text(place), .text(note.text), .text(note.author), .moment(note.createdAt),
                    note.updatedBy.map { .text($0) } ?? .empty, note.updatedAt.map { .moment($0) } ?? .empty]
        }
        return Sheet(name: "Notities", columns: [("Bij", 24), ("Notitie", 60), ("Auteur", 14), ("Geschreven op", 17),
                                                 ("Gewijzigd door", 14), ("Gewijzigd op", 17)], rows: rows)
    }

    private var decisionsSheet: Sheet {
        let rows: [[Cell]] = review.decisions.map { decision in
            [.text(meetingName(decision.activityId)), .text(decision.text), .text(decision.author), .moment(decision.createdAt)]
        }
        return Sheet(name: "Besluiten", columns: [("Overleg", 34), ("Besluit", 60), ("Vastgelegd door", 16), ("Vastgelegd op", 17)], rows: rows)
    }

    private var actionsSheet: Sheet {
        let rows: [[Cell]] = review.actions.map { action in
            [.text(action.text), .text(action.owner), action.dueDate.map { .day($0) } ?? .empty,
             .text(action.isDone ? "afgerond" : (action.isPastDue(today: options.today) ? "over datum" : "open")),
             action.linkedId.map { .text(dataset.reviewTargetName($0) ?? $0) } ?? .empty, .text(meetingName(action.activityId))]
        }
        return Sheet(name: "Acties", columns: [("Actie", 50), ("Eigenaar", 16), ("Deadline", 12), ("Status", 12), ("Voor", 24),
                                               ("Overleg", 34)], rows: rows)
    }

    private var historySheet: Sheet {
        let rows: [[Cell]] = review.history.reversed().map { entry in
            [.moment(entry.at), .text(entry.author), .text(entry.kind.label), .text(entry.change.rawValue),
             .text(review.subjectName(entry.subjectId, in: dataset)),
             entry.oldValue.map { .text($0) } ?? .empty, entry.newValue.map { .text($0) } ?? .empty]
        }
        return Sheet(name: "Geschiedenis", columns: [("Wanneer", 17), ("Wie", 14), ("Soort", 10), ("Wijziging", 12), ("Waarover", 30),
                                                     ("Oud", 40), ("Nieuw", 40)], rows: rows)
    }

    private func withId(_ id: String, _ cells: [Cell]) -> [Cell] { options.showsIds ? cells + [.text(id)] : cells }
    private func withIdColumn(_ columns: [(String, Double)]) -> [(title: String, width: Double)] {
        (options.showsIds ? columns + [("Id", 12)] : columns).map { (title: $0.0, width: $0.1) }
    }

    private func meetingName(_ activityId: String) -> String { review.meetingName(activityId, in: dataset) ?? activityId }

    // MARK: - Writing

    /// Writes next to `path` and renames, so a failed export never leaves half a workbook in its place.
    func write(to path: String) throws(ExportFailure) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let isRegularTarget = !ExportFile.isWrittenInPlace(path)
        let target = isRegularTarget ? ExportFile.partialPath(for: path) : path
        guard let workbook = workbook_new(target) else { throw ExportFailure(path, "kan niet geschreven worden") }
        let formats = Formats(workbook)
        for sheet in sheets { add(sheet, to: workbook, formats) }
        let (result, failure) = Self.withoutLibraryMessages { () -> (lxw_error, Int32) in
            errno = 0
            let result = workbook_close(workbook)
            return (result, errno)
        }
        if result != LXW_NO_ERROR {
            if isRegularTarget { unlink(target) }
            throw ExportFailure(path, ExportFile.reason(errno: failure == 0 ? EIO : failure, folder: folder))
        }
        if isRegularTarget { try ExportFile.put(target, at: path) }
    }

    /// libxlsxwriter prints its own English errors on standard error, which would also scribble over the
    /// dashboard's screen; the failure is told once, in Dutch, by the caller.
    private static func withoutLibraryMessages<Result>(_ body: () -> Result) -> Result {
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY)
        if saved >= 0, null >= 0 { dup2(null, STDERR_FILENO) }
        defer {
            fflush(nil)
            if saved >= 0 {
                dup2(saved, STDERR_FILENO)
                close(saved)
            }
            if null >= 0 { close(null) }
        }
        return body()
    }

    /// The cell formats of one workbook.
    private struct Formats {
        let header, text, day, moment: UnsafeMutablePointer<lxw_format>

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
            text = workbook_add_format(workbook)
            format_set_text_wrap(text)
            format_set_align(text, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            day = workbook_add_format(workbook)
            format_set_num_format(day, "dd-mm-yyyy")
            format_set_align(day, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            moment = workbook_add_format(workbook)
            format_set_num_format(moment, "dd-mm-yyyy hh:mm")
            format_set_align(moment, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    private func add(_ sheet: Sheet, to workbook: UnsafeMutablePointer<lxw_workbook>, _ formats: Formats) {
        let worksheet = workbook_add_worksheet(workbook, sheet.name)
        for (index, column) in sheet.columns.enumerated() {
            worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), column.width, formats.text)
            worksheet_write_string(worksheet, 0, lxw_col_t(index), column.title, formats.header)
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.columns.count - 1))
        for (rowIndex, row) in sheet.rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() {
                write(cell, to: worksheet, row: lxw_row_t(rowIndex + 1), column: lxw_col_t(columnIndex), formats)
            }
        }
    }

    /// Excel holds at most 32,767 characters in a cell: longer text is cut with a visible mark, never dropped
    /// (the Markdown and JSON exports keep all of it).
    static let longestCellText = 32_767

    private func write(_ cell: Cell, to worksheet: UnsafeMutablePointer<lxw_worksheet>?, row: lxw_row_t, column: lxw_col_t, _ formats: Formats) {
        switch cell {
        case .text:
            worksheet_write_string(worksheet, row, column, cell.writtenText, formats.text)
        case .number(let number):
            worksheet_write_number(worksheet, row, column, Double(number), nil)
        case .day(let iso):
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else {
                worksheet_write_string(worksheet, row, column, iso, formats.text)
                return
            }
            var date = lxw_datetime(year: Int32(parts[0]), month: Int32(parts[1]), day: Int32(parts[2]), hour: 0, min: 0, sec: 0)
            worksheet_write_datetime(worksheet, row, column, &date, formats.day)
        case .moment(let moment):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = DutchDate.timeZone
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
            var date = lxw_datetime(year: Int32(parts.year!), month: Int32(parts.month!), day: Int32(parts.day!),
                                    hour: Int32(parts.hour!), min: Int32(parts.minute!), sec: Double(parts.second!))
            worksheet_write_datetime(worksheet, row, column, &date, formats.moment)
        case .empty:
            break
        }
    }
}
