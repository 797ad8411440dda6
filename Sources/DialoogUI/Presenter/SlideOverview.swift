import DialoogModel

/// The list of a talk's slides (`o` or `/`, as the slide sorter of PowerPoint and presenterm's index): every
/// slide by number and label; typed words filter it, ↑↓ choose, Enter goes there, Esc closes it.
public struct SlideOverview: Sendable, Equatable {
    public private(set) var filter = ""
    /// The chosen slide (an index into the deck), kept while the filter changes when it still matches.
    public private(set) var chosen: Int

    public enum Outcome: Equatable {
        case stays
        case goes(to: Int)
        case closes
    }

    public init(at slide: Int) {
        chosen = slide
    }

    /// The slides whose number and label hold every typed word (case and accents aside).
    public func matches(_ labels: [String]) -> [Int] {
        let words = SearchText.fold(filter).split(separator: " ")
        return labels.indices.filter { index in
            let text = SearchText.fold("\(index + 1) \(labels[index])")
            return words.allSatisfy { text.contains($0) }
        }
    }

    public mutating func handle(_ key: Key, labels: [String]) -> Outcome {
        let shown = matches(labels)
        let position = shown.firstIndex(of: chosen)
        switch key {
        case .escape: return .closes
        case .enter:
            guard let target = position.map({ shown[$0] }) ?? shown.first else { return .stays }
            return .goes(to: target)
        case .up, .down:
            guard !shown.isEmpty else { return .stays }
            let step = key == .down ? 1 : -1
            chosen = shown[max(0, min(shown.count - 1, (position ?? (step > 0 ? -1 : shown.count)) + step))]
        case .backspace:
            filter = String(filter.dropLast())
            keepChoice(labels)
        case .character(let character):
            filter.append(character)
            keepChoice(labels)
        default: break
        }
        return .stays
    }

    /// After the filter changed: the chosen slide if it still shows, else the first that does.
    private mutating func keepChoice(_ labels: [String]) {
        let shown = matches(labels)
        if !shown.contains(chosen), let first = shown.first { chosen = first }
    }

    /// The list in `area`: a title line with the filter, then the slides around the chosen one.
    func render(into frame: inout Frame, area: Rect, labels: [String], current: Int) {
        guard area.width > 4, area.height > 2 else { return }
        frame.fill(area, role: .overlay)
        let title = "Dia's" + (filter.isEmpty ? " · typ om te zoeken, ↑↓ kies, Enter gaat, Esc sluit" : " met ‘\(filter)’")
        frame.write(WordWrap.truncate(title, width: area.width - 2), x: area.x + 1, y: area.y, role: .title)
        let shown = matches(labels)
        let rows = area.height - 1
        guard !shown.isEmpty else {
            frame.write("Geen dia met ‘\(filter)’", x: area.x + 1, y: area.y + 1, role: .muted)
            return
        }
        let position = shown.firstIndex(of: chosen) ?? 0
        let top = max(0, min(position - rows / 2, shown.count - rows))
        let numberWidth = String(labels.count).count
        for (row, index) in shown.dropFirst(top).prefix(rows).enumerated() {
            let number = String(index + 1)
            let mark = index == current ? "▶" : " "
            let line = mark + String(repeating: " ", count: numberWidth - number.count) + number + "  " + labels[index]
            let y = area.y + 1 + row
            if index == chosen { frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
            frame.write(WordWrap.truncate(line, width: area.width - 2), x: area.x + 1, y: y, role: index == chosen ? .selection : .overlay)
            if index == chosen { frame.focus = Point(x: area.x + 1, y: y) }
        }
    }
}
