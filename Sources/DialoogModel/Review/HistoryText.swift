import Foundation

/// One recorded change as the detail view tells it: what changed, field by field, old → new in full.
public enum HistoryText {
    public static func change(_ entry: HistoryEntry, dataset: Dataset) -> String {
        if entry.kind == .status { return "status: \(entry.oldValue ?? "open") → \(entry.newValue ?? "open")" }
        let what = "\(entry.kind.label) \(entry.change.rawValue)"
        guard entry.kind == .action else {
            return what + ": " + [entry.oldValue, entry.newValue].compactMap { $0 }.map { "“\($0)”" }.joined(separator: " → ")
        }
        guard let old = entry.oldValue, let new = entry.newValue else {
            return what + ": " + ([entry.oldValue, entry.newValue].compactMap { $0 }.first.map { ActionFields($0).described(dataset: dataset) } ?? "")
        }
        let changes = ActionFields(old).changes(to: ActionFields(new), dataset: dataset)
        return what + ": " + (changes.isEmpty ? ActionFields(new).described(dataset: dataset) : changes.joined(separator: "; "))
    }
}

/// An action as its history entry stores it (`ActionItem.summary`: text · owner · deadline … · voor … ·
/// afgerond), read from the end so a " · " inside the text stays in the text.
public struct ActionFields: Equatable {
    public var text = ""
    public var owner = ""
    public var deadline: String?
    public var link: String?
    public var isDone = false

    public init(_ summary: String) {
        var parts = summary.components(separatedBy: " · ")
        if parts.last == "afgerond", parts.count > 2 { isDone = true; parts.removeLast() }
        if let last = parts.last, last.hasPrefix("voor "), parts.count > 2 { link = String(last.dropFirst(5)); parts.removeLast() }
        if let last = parts.last, last.hasPrefix("deadline "), parts.count > 2 {
            let day = String(last.dropFirst(9))
            // Entries written before 0.4 hold the ISO day.
            deadline = DueDate.isValid(day) ? DutchDate.day(day) : day
            parts.removeLast()
        }
        if parts.count > 1 { owner = parts.removeLast() }
        text = parts.joined(separator: " · ")
    }

    /// "“Zaal reserveren” · anna · deadline 15-01-2024 · voor Doel 4 · Indicatoren 1 · afgerond".
    public func described(dataset: Dataset) -> String {
        (["“\(text)”", owner] + [deadline.map { "deadline \($0)" }, link.map { "voor \(dataset.reviewTargetName($0) ?? $0)" },
                                 isDone ? "afgerond" : nil].compactMap { $0 }).joined(separator: " · ")
    }

    /// "deadline 15-01-2024 → 01-02-2027", "afgerond", "eigenaar anna → bert", the text in full.
    public func changes(to new: ActionFields, dataset: Dataset) -> [String] {
        let name = { (id: String?) in id.map { dataset.reviewTargetName($0) ?? $0 } ?? "geen" }
        var changes: [String] = []
        if text != new.text { changes.append("tekst “\(text)” → “\(new.text)”") }
        if owner != new.owner { changes.append("eigenaar \(owner) → \(new.owner)") }
        if deadline != new.deadline { changes.append("deadline \(deadline ?? "geen") → \(new.deadline ?? "geen")") }
        if link != new.link { changes.append("voor \(name(link)) → \(name(new.link))") }
        if isDone != new.isDone { changes.append(new.isDone ? "afgerond" : "weer open") }
        return changes
    }
}
