import DialoogModel

/// One row per goal item, decision and action item, with Dutch headers. Plain CSV is RFC 4180 UTF-8 for
/// tools; the Dutch-Excel dialect uses `;`, a BOM and CRLF, and writes dates as `dd-mm-jjjj`.
struct CSVExport {
    enum Dialect {
        case rfc4180, dutchExcel

        var separator: String { self == .rfc4180 ? "," : ";" }
    }

    let dataset: Dataset
    let review: ReviewSnapshot
    let dialect: Dialect

    /// What a person reads first (names: "Doel 2", "Bewijs 2", "Sectortafel november 2023", "Doel 4 · Indicatoren 1"),
    /// then the ids for tools in columns of their own. A decision is taken by its meeting: who typed it is
    /// "vastgelegd door", never its owner.
    static let header = ["soort", "doel", "kolom", "nummer", "tekst", "status", "notities", "overleg", "eigenaar", "deadline", "afgerond",
                         "voor", "vastgelegd door", "id", "overleg-id", "voor-id"]

    var text: String {
        var rows = [Self.header]
        for goal in dataset.pilotGoals {
            for column in GoalColumn.allCases {
                for (index, item) in goal.items(in: column).enumerated() {
                    let notes = review.notes(on: item.id).map { "\(DutchDate.timestamp($0.createdAt)) \($0.author): \($0.text)" }
                    rows.append(["item", String(goal.number), column.title, String(index + 1), ([item.text] + item.subitems).joined(separator: "\n"),
                                 column.isReviewable ? review.status(of: item.id).label : "", notes.joined(separator: "\n"),
                                 "", "", "", "", "", "", item.id, "", ""])
                }
            }
        }
        let meeting = { (id: String) in review.meetingName(id, in: dataset) ?? id }
        for decision in review.decisions {
            rows.append(["besluit", "", "", "", decision.text, "", "", meeting(decision.activityId), "", "", "", "", decision.author,
                         String(decision.id), decision.activityId, ""])
        }
        for action in review.actions {
            rows.append(["actie", "", "", "", action.text, "", "", meeting(action.activityId), action.owner,
                         action.dueDate.map(day) ?? "", action.isDone ? "ja" : "nee", action.linkedId.map { dataset.reviewTargetName($0) ?? $0 } ?? "",
                         action.author, String(action.id), action.activityId, action.linkedId ?? ""])
        }
        let body = rows.map { $0.map { quote(SpreadsheetText.inert($0)) }.joined(separator: dialect.separator) }.joined(separator: "\r\n") + "\r\n"
        return dialect == .dutchExcel ? "\u{FEFF}" + body : body
    }

    private func day(_ iso: String) -> String { dialect == .dutchExcel ? DutchDate.day(iso) : iso }

    private func quote(_ field: String) -> String {
        guard field.contains(where: { String($0) == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Text cells a spreadsheet would run as a formula.
enum SpreadsheetText {
    /// A text cell starting with `=`, `+`, `-`, `@`, a tab or a CR (`=HYPERLINK(…)`) gets a leading
    /// apostrophe, which spreadsheets show as text. Numbers stay numbers.
    static func inert(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(field) == nil else { return field }
        return "'" + field
    }
}
