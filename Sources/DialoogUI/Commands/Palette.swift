import DialoogModel

/// The `:` command line: one list of what can be done (every command of the table) and where one can go
/// (goals and their columns, landsdeel × Techniekpact-doel cells, months and meetings, themes, exports),
/// matched word by word, case and accents ignored: `:doel 3 bewijs`, `:oost 9`, `:november sectortafel`,
/// `:thema projector`, `:export csv`. ↑↓ choose, Tab completes, Enter runs, ↑ on an empty line recalls.
struct Palette: Sendable {
    enum Target: Sendable, Equatable {
        case command(CommandID)
        case place(DataLocation)
        case theme(String)
        case export(String)
    }

    struct Entry: Sendable {
        let label: String
        let target: Target
        /// The label's words, folded, for matching.
        let words: [String]

        init(_ label: String, _ target: Target) {
            self.label = label
            self.target = target
            words = MatchRank.words(label)
        }
    }

    static let shown = 8

    let entries: [Entry]
    var prompt = SearchPrompt()
    var selected = 0
    /// Queries run before, newest last, and how far ↑ went back.
    let history: [String]
    private var historyIndex: Int?

    init(dataset: Dataset, review: ReviewSnapshot = .empty, themes: [String], history: [String]) {
        self.history = history
        entries = Self.places(in: dataset) + Self.meetings(in: review) + themes.map { Entry("thema \($0)", .theme($0)) }
            + ExportPrompt.formats.map { Entry("export \($0.name) (\($0.label))", .export($0.name)) }
            + Command.all.filter { $0.modes.contains(.browsing) }.map { Entry("\($0.label) (\($0.id.rawValue))", .command($0.id)) }
    }

    private static func places(in dataset: Dataset) -> [Entry] {
        var places: [Entry] = []
        for (index, goal) in dataset.pilotGoals.enumerated() {
            places.append(Entry("doel \(goal.number) \(goal.uitgangspunt)", .place(.pilotGoal(goal: index))))
            for column in GoalColumn.allCases where !goal.items(in: column).isEmpty {
                places.append(Entry("doel \(goal.number) \(column.title)", .place(.goalItem(goal: index, column: column, item: 0))))
            }
        }
        let pact = dataset.techniekpact
        for (region, landsdeel) in pact.landsdelen.enumerated() {
            for goal in pact.goals {
                places.append(Entry("\(landsdeel.name) Techniekpact-doel \(goal.number) \(goal.title)",
                                    .place(.regionalCase(landsdeel: region, goal: goal.number, index: 0))))
            }
        }
        for (month, entry) in dataset.cycle.months.enumerated() {
            for (index, activity) in entry.activities.enumerated() {
                places.append(Entry("\(DutchMonth.name(month + 1)) \(activity.activity)", .place(.activity(month: month, index: index))))
            }
        }
        for (index, theme) in dataset.longTermThemes.enumerated() {
            places.append(Entry("lange termijn \(theme.title)", .place(.longTermTheme(theme: index))))
        }
        return places
    }

    /// The meetings of later years, by year, kind, date and topic: `:2025 sectortafel`.
    private static func meetings(in review: ReviewSnapshot) -> [Entry] {
        review.meetings.map { meeting in
            Entry("\(meeting.year) \(meeting.kind) \(DutchDate.day(meeting.date))" + (meeting.topic.map { " \($0)" } ?? ""),
                  .place(.meeting(id: meeting.id, year: meeting.year)))
        }
    }

    /// The entries whose words start with every word typed, best first (`MatchRank`), in the order of the
    /// list within a rank: `:zuidoost` lists its Techniekpact goals 1 to 12.
    var matches: [Entry] {
        let query = MatchRank.words(prompt.text)
        guard !query.isEmpty else { return [] }
        return entries.ranked { entry in
            // No folded text: a palette entry matches by the starts of its words only, never inside one.
            MatchRank(typed: query, name: entry.words, words: entry.words, folded: "")
        }
    }

    enum Outcome {
        case editing
        case cancelled
        case run(Target, query: String)
    }

    mutating func handle(_ key: Key, keymap: Keymap) -> Outcome {
        let found = matches
        switch (keymap.command(for: key, in: .prompt), key) {
        case (.promptCancel?, _):
            return .cancelled
        case (.promptAccept?, _):
            guard let entry = found[safe: selected] else { return found.isEmpty && !prompt.text.isEmpty ? .editing : .cancelled }
            return .run(entry.target, query: prompt.text)
        case (_, .up) where prompt.text.isEmpty || historyIndex != nil:
            guard !history.isEmpty else { return .editing }
            let index = max(0, (historyIndex ?? history.count) - 1)
            historyIndex = index
            prompt.text = history[index]
            selected = 0
        case (_, .up):
            selected = max(0, selected - 1)
        case (_, .down):
            selected = min(max(0, min(found.count, Self.shown) - 1), selected + 1)
        case (_, .tab):
            if let entry = found[safe: selected] { prompt.text = entry.label }
        default:
            if prompt.edit(key) {
                selected = 0
                historyIndex = nil
            }
        }
        return .editing
    }

    /// The matches above the status line and the typed line in it. `cursorOnChoice` (`--reader`): the cursor
    /// sits on the chosen match, so a screen reader reads what Enter will do.
    func render(into frame: inout Frame, glyphs: Glyphs, cursorOnChoice: Bool = false) {
        let y = frame.height - 1
        let shown = Array(matches.prefix(Self.shown))
        if !shown.isEmpty {
            let width = min(frame.width, 72)
            let box = Rect(x: 0, y: y - shown.count - 2, width: width, height: shown.count + 2)
            frame.fill(box, role: .overlay)
            frame.box(box, role: .overlay, glyphs: glyphs, title: "Opdrachten en plaatsen", titleRole: .overlay)
            for (index, entry) in shown.enumerated() {
                let row = Rect(x: 1, y: box.y + 1 + index, width: width - 2, height: 1)
                frame.write(" " + entry.label, x: row.x, y: row.y, role: index == selected ? .selection : .overlay, clip: row)
                if index == selected { frame.recolor(row, role: .selection) }
            }
        }
        frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1), role: .status)
        let used = frame.write(":" + prompt.text, x: 1, y: y, role: .status)
        let hint = prompt.text.isEmpty ? "  bv. doel 3 bewijs · oost 9 · november sectortafel · thema projector · export csv"
            : (shown.isEmpty ? "  geen opdracht of plaats" : "")
        frame.write(hint, x: 1 + used, y: y, role: .muted)
        frame.cursor = Point(x: min(frame.width - 1, 1 + used), y: y)
        if cursorOnChoice, shown.indices.contains(selected) { frame.cursor = Point(x: 2, y: y - shown.count - 1 + selected) }
    }
}

extension AppModel {
    mutating func openPalette() {
        palette = Palette(dataset: context.dataset, review: context.review, themes: themeNames, history: paletteHistory)
    }

    mutating func handlePalette(_ key: Key) {
        guard var current = palette else { return }
        switch current.handle(key, keymap: keymap) {
        case .editing:
            palette = current
        case .cancelled:
            palette = nil
        case .run(let target, let query):
            palette = nil
            paletteHistory.removeAll { $0 == query }
            paletteHistory.append(query)
            run(target)
        }
    }

    private mutating func run(_ target: Palette.Target) {
        switch target {
        case .command(let command): perform(command)
        case .place(let location): jump(to: location)
        case .theme(let name):
            guard themeNames.contains(name) else { return }
            themeName = name
            emit(.setTheme(name))
            message = "Thema: \(name)"
        case .export(let format) where isAvailable(.export): askExportFile(.review(format: format))
        case .export: break
        }
    }
}
