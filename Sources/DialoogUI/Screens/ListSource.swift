import DialoogModel
import Foundation

/// One row of a list screen. Rows without a location are headings and cannot be selected.
struct ListRow: Sendable {
    var text: String
    var trailing: String = ""
    var role: Role = .normal
    var location: DataLocation?
    /// The review status as a word, shown beside the glyph where the list is wide enough.
    var statusWord: String?
    /// The decision or action the row is, for the keys that edit, delete or finish it where it is listed.
    var entry: ReviewEntry?
}

/// What a list screen lists: each case is one of the app's lists.
public enum ListSource: Sendable {
    case pilotGoals
    case cycle
    case themes
    case examples
    case figures
    case documents
    case documentParts(document: Int)
    case cases(landsdeel: Int, goal: Int)
    case searchResults(SearchResults)
    case review(ReviewFilter)
    /// What changed since a moment (`W`): per goal, meeting and person, and the actions due.
    case changes(since: Date)
    /// The meetings the secretariat planned in a year after the source's cycle (`>` from the Cyclus).
    case meetings(year: Int)
    /// What moved from a peildatum to a later one or now (`C`; `<`/`>` move the first, `[`/`]` the second).
    case peildata(from: Int64, to: Int64?)

    func title(_ dataset: Dataset, keymap: Keymap) -> String {
        switch self {
        case .pilotGoals: "Pilotdoelen permanente dialoog · peildatum \(dataset.peildatum)"
        case .cycle: "Gesprekscyclus permanente dialoog \(dataset.cycle.year) · uit de bron · \(keymap.key(for: .nextYear)) volgend jaar"
        case .themes: "Langetermijnthema's 2022 – 2032 en vragen korte termijn"
        case .examples: "Voorbeelden uit de regio · Techniekpact voortgang 2018"
        case .figures: "Cijfers uit de bronnen · \(keymap.key(for: .open)) toont de grafiek"
        case .documents: "Bronnen · \(keymap.key(for: .open)) toont de delen"
        case .documentParts(let document): "\(dataset.documents[document].source) · \(dataset.documents[document].parts.count) delen"
        case .cases(let region, let goal):
            "\(dataset.techniekpact.landsdelen[region].name) · Techniekpact-doel \(goal) · \(dataset.techniekpact.goal(number: goal)?.title ?? "")"
        case .searchResults(let results) where results.entries.count < results.total:
            "Zoekresultaten voor “\(results.query)” (eerste \(results.entries.count) van \(results.total))"
        case .searchResults(let results): "Zoekresultaten voor “\(results.query)” (\(results.total))"
        case .review(let filter): "Review · \(filter.title(dataset))"
        case .changes(let since): "Wijzigingen sinds \(DutchDate.timestamp(since)) · \(keymap.key(for: .open)) gaat erheen"
        case .meetings(let year):
            "Overleggen \(year) · \(keymap.key(for: .addMeeting)) nieuw · \(keymap.key(for: .previousYear))/\(keymap.key(for: .nextYear)) jaar"
        case .peildata: "Verschoven · \(keymap.key(for: .previousYear))/\(keymap.key(for: .nextYear)) van, "
            + "\(keymap.key(for: .previousSibling))/\(keymap.key(for: .nextSibling)) tot"
        }
    }

    func breadcrumb(_ dataset: Dataset) -> String {
        switch self {
        case .pilotGoals: "Doelen"
        case .cycle: "Gesprekscyclus \(dataset.cycle.year)"
        case .themes: "Thema's"
        case .examples: "Voorbeelden 2018"
        case .figures: "Cijfers"
        case .documents: "Bronnen"
        case .documentParts(let document): dataset.documents[document].title
        case .cases(let region, let goal): "\(dataset.techniekpact.landsdelen[region].name) × Techniekpact-doel \(goal)"
        case .searchResults(let results): "Zoeken: \(results.query)"
        case .review(let filter): "Review: \(filter.title(dataset))"
        case .changes: "Wijzigingen"
        case .meetings(let year): "Overleggen \(year)"
        case .peildata: "Peildata vergelijken"
        }
    }

    /// The review list's filter; nil for other lists.
    var reviewFilter: ReviewFilter? {
        if case .review(let filter) = self { filter } else { nil }
    }

    /// What the preview shows when no row can be selected: the goal across all regions for an empty cell.
    var fallbackPreview: DataLocation? {
        if case .cases(_, let goal) = self { .techniekpactGoal(goal: goal) } else { nil }
    }

    /// Whether the preview of the selected row goes beside the list (long lists) or below it (short ones).
    var previewBelow: Bool {
        switch self {
        case .pilotGoals, .changes, .peildata: true  // long rows: the list takes the full width
        default: false
        }
    }

    func rows(in context: ScreenContext) -> [ListRow] {
        let (dataset, glyphs, review, today) = (context.dataset, context.glyphs, context.review, context.today)
        return switch self {
        case .pilotGoals: pilotGoalRows(dataset, glyphs: glyphs, review: review)
        case .review(let filter): ReviewRows.rows(filter, dataset: dataset, glyphs: glyphs, review: review, today: today)
        case .peildata(let from, let to): Self.comparisonRows(from: from, to: to, context: context)
        case .meetings(let year): Self.meetingRows(review.meetings(in: year), year: year, keymap: context.keymap, review: review, today: today)
        case .changes(let since): Self.changeRows(ReviewChanges(review: review, dataset: dataset, since: since, today: today), dataset: dataset, review: review)
        case .cycle: cycleRows(dataset.cycle, review: review, today: today)
        case .themes:
            dataset.longTermThemes.enumerated().map { index, theme in
                ListRow(text: "Thema \(theme.number)  \(theme.title)", trailing: "\(theme.questions.count) vragen",
                        location: .longTermTheme(theme: index))
            }
        case .examples: exampleRows(dataset)
        case .figures:
            dataset.figures.enumerated().map { index, figure in
                ListRow(text: figure.caption, trailing: "\(figure.series.count) × \(figure.categories.count)", location: .figure(index: index))
            } + dataset.tables.enumerated().map { index, table in
                ListRow(text: table.caption, trailing: "\(table.rows.count) rijen", location: .sourceTable(index: index))
            }
        case .documents:
            dataset.documents.enumerated().map { index, document in
                ListRow(text: document.title, trailing: "\(document.parts.count) delen", location: .document(index: index))
            }
        case .documentParts(let document): partRows(dataset.documents[document], document: document)
        case .cases(let region, let goal): caseRows(dataset.techniekpact, region: region, goal: goal, glyphs: glyphs)
        case .searchResults(let results):
            results.entries.map { entry in
                // A row shows one line: the start of a long text is enough.
                ListRow(text: Self.statusPrefix(entry.location, dataset: dataset, glyphs: glyphs, review: review)
                            + "\(entry.label): \(entry.text.utf8.count > 300 ? String(entry.text.prefix(300)) : entry.text)",
                        location: entry.location)
            }
        }
    }

    private func pilotGoalRows(_ dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot) -> [ListRow] {
        let shownOpen = "Ind \(glyphs.marker(for: .shown))/\(glyphs.marker(for: .open))"
        let header = ListRow(text: "Doel  Uitgangspunt", trailing: "W-R  Ind  Bew  Res  " + shownOpen, role: .label)
        // One line that fits 80 columns: the abbreviations, and that ○ counts every indicator not (yet) shown.
        let legend = ListRow(text: "W-R winst-risico · Bew bewijs · Res resultaten · \(glyphs.marker(for: .shown))/\(glyphs.marker(for: .open)) "
                             + "aangetoond/nog niet", role: .muted)
        return [header] + dataset.pilotGoals.enumerated().map { index, goal in
            let counts = GoalColumn.allCases.map { padded(goal.items(in: $0).count, to: 3) }
            // How many indicators the secretary marked as shown, and how many are not (yet): every other status.
            let shown = goal.indicatoren.filter { review.status(of: $0.id) == .shown }.count
            let review = padded(shown, to: 3) + "/" + String(goal.indicatoren.count - shown)
            return ListRow(text: "\(goal.number)     \(goal.uitgangspunt)",
                           trailing: counts.joined(separator: "  ") + "  " + review + String(repeating: " ", count: max(0, DisplayWidth.of(shownOpen) - 5)),
                           location: .pilotGoal(goal: index))
        } + [legend]
    }

    private func padded(_ number: Int, to width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The status marker of a reviewable goal item, so search hits show their review state too.
    private static func statusPrefix(_ location: DataLocation, dataset: Dataset, glyphs: Glyphs, review: ReviewSnapshot) -> String {
        guard case .goalItem(let goal, let column, let index) = location, column.isReviewable,
              let item = dataset.pilotGoals[goal].items(in: column)[safe: index] else { return "" }
        return glyphs.marker(for: review.status(of: item.id)) + " "
    }

    private func cycleRows(_ cycle: ConversationCycle, review: ReviewSnapshot, today: String) -> [ListRow] {
        cycle.months.enumerated().flatMap { monthIndex, month -> [ListRow] in
            let heading = ListRow(text: month.name.capitalized, role: .label)
            guard !month.activities.isEmpty else {
                return [heading, ListRow(text: "  geen activiteiten", role: .emptyCell, location: .activity(month: monthIndex, index: 0))]
            }
            return [heading] + month.activities.enumerated().map { index, activity in
                let topic = activity.topic.map { ": \($0)" } ?? ""
                // Decisions (B) and actions (A) recorded at the meeting; red when an action is past due.
                let decisions = review.decisions(at: activity.id).count
                let actions = review.actions(at: activity.id)
                let counts = [decisions > 0 ? "B\(decisions)" : "", actions.isEmpty ? "" : "A\(actions.count)"].filter { !$0.isEmpty }
                let late = actions.contains { $0.isPastDue(today: today) }
                return ListRow(text: "  \(activity.activity)\(topic)", trailing: counts.joined(separator: " "),
                               role: late ? .pastDue : .normal, location: .activity(month: monthIndex, index: index))
            }
        }
    }

    private func exampleRows(_ dataset: Dataset) -> [ListRow] {
        let byGoal = Dictionary(grouping: dataset.regionalExamples.indices, by: { dataset.regionalExamples[$0].goal })
        return byGoal.keys.sorted().flatMap { goal -> [ListRow] in
            let title = dataset.techniekpact.goal(number: goal)?.title ?? ""
            let heading = ListRow(text: "Techniekpact-doel \(goal) · \(title)", role: .label)
            return [heading] + byGoal[goal, default: []].map { index in
                let example = dataset.regionalExamples[index]
                return ListRow(text: "  \(example.name)", trailing: example.place, location: .regionalExample(example: index))
            }
        }
    }

    /// Parts in source order, a part within a chapter or section indented under it.
    private func partRows(_ source: SourceDocument, document: Int) -> [ListRow] {
        source.parts.enumerated().map { index, part in
            var counts: [String] = []
            if part.programmeCount > 0 { counts.append(part.programmeCount == 1 ? "1 programma" : "\(part.programmeCount) programma's") }
            if part.figureCount > 0 { counts.append(part.figureCount == 1 ? "1 cijfer" : "\(part.figureCount) cijfers") }
            return ListRow(text: String(repeating: "  ", count: part.level) + part.title, trailing: counts.joined(separator: " · "),
                           location: .documentPart(document: document, part: index))
        }
    }

    private func caseRows(_ pact: Techniekpact, region: Int, goal: Int, glyphs: Glyphs) -> [ListRow] {
        switch pact.content(landsdeel: pact.landsdelen[region].id, goal: goal) {
        case .cases(let names):
            names.enumerated().map { index, name in
                ListRow(text: "\(glyphs.bullet) \(name)", location: .regionalCase(landsdeel: region, goal: goal, index: index))
            }
        // Short, so they fit the list; the preview shows the goal in every landsdeel.
        case .noCasesAvailable:
            [ListRow(text: "Geen cases beschikbaar", role: .emptyCell)]
        case .notInSource:
            [ListRow(text: "Niet in de bron", role: .notInSource)]
        }
    }

    /// What Enter on a row does.
    /// A year's meetings by month: date, kind, topic and status, with their decisions and actions counted.
    private static func meetingRows(_ meetings: [Meeting], year: Int, keymap: Keymap, review: ReviewSnapshot, today: String) -> [ListRow] {
        guard !meetings.isEmpty else {
            return [ListRow(text: "Nog geen overleggen in \(year): \(keymap.key(for: .addMeeting)) voegt er een toe, "
                            + ":\(Command.of(.planYear).label) plant het jaar zoals 2023", role: .muted)]
        }
        return Dictionary(grouping: meetings, by: \.month).sorted { $0.key < $1.key }.flatMap { month, meetings in
            [ListRow(text: DutchMonth.name(month).capitalized, role: .label)] + meetings.map { meeting in
                let time = meeting.startTime.map { " \($0)" } ?? ""
                let topic = meeting.topic.map { ": \($0)" } ?? ""
                let decisions = review.decisions(at: meeting.activityId).count
                let actions = review.actions(at: meeting.activityId)
                let counts = [decisions > 0 ? "B\(decisions)" : "", actions.isEmpty ? "" : "A\(actions.count)"].filter { !$0.isEmpty }
                let status = meeting.status == .planned ? "" : " (\(meeting.status.rawValue))"
                return ListRow(text: "  \(DutchDate.day(meeting.date).prefix(5))\(time) \(meeting.kind)\(topic)\(status)",
                               trailing: counts.joined(separator: " "),
                               role: meeting.status == .cancelled ? .muted : (actions.contains { $0.isPastDue(today: today) } ? .pastDue : .normal),
                               location: .meeting(id: meeting.id, year: meeting.year), entry: .meeting(meeting))
            }
        }
    }

    /// From a peildatum to a later one (or now): the counts per status at both moments, then per goal each
    /// item that moved.
    /// Each moment counts the table it had: the source with the changes accepted by then, no proposals.
    private static func comparisonRows(from id: Int64, to laterId: Int64?, context: ScreenContext) -> [ListRow] {
        let (review, glyphs) = (context.review, context.glyphs)
        guard let peildatum = review.peildata.first(where: { $0.id == id }) else { return [ListRow(text: "Deze peildatum bestaat niet meer", role: .muted)] }
        let later = laterId.flatMap { id in review.peildata.first { $0.id == id } }
        let dataset = context.counted(at: later).dataset
        let after = { (itemId: String) in later?.status(of: itemId) ?? review.status(of: itemId) }
        let comparison = PeildatumComparison(dataset: dataset, before: peildatum.status(of:), after: after)
        let items = review.currentItems(in: dataset)
        let itemsBefore = review.currentItems(in: context.counted(at: peildatum).dataset)
        let counts = ReviewStatus.allCases.map { status in
            "\(status.label) \(itemsBefore.filter { peildatum.status(of: $0) == status }.count) → \(items.filter { after($0) == status }.count)"
        }
        let moment = { (peildatum: Peildatum) in "peildatum \(peildatum.label)" }
        var rows = [ListRow(text: "Van \(moment(peildatum)) naar \(later.map(moment) ?? "nu"): "
                                + (comparison.moves.count == 1 ? "1 item verschoven" : "\(comparison.moves.count) items verschoven"), role: .label),
                    ListRow(text: counts.joined(separator: " · "), role: .muted)]
        for (goal, moves) in Dictionary(grouping: comparison.moves, by: \.goal).sorted(by: { $0.key < $1.key }) {
            rows.append(ListRow(text: "Doel \(dataset.pilotGoals[goal].number) · \(dataset.pilotGoals[goal].uitgangspunt) (\(moves.count))", role: .label))
            rows += moves.map { move in
                ListRow(text: "  \(glyphs.marker(for: move.to)) \(move.column.title) \(move.item + 1): \(move.from.label) → \(move.to.label)",
                        role: move.to.role, location: .goalItem(goal: move.goal, column: move.column, item: move.item))
            }
        }
        return rows
    }

    /// Headings, and each change on a row that leads to its item, meeting or person.
    private static func changeRows(_ changes: ReviewChanges, dataset: Dataset, review: ReviewSnapshot) -> [ListRow] {
        let sections = changes.sections
        guard !sections.isEmpty else { return [ListRow(text: "Geen wijzigingen en geen acties die deze week aflopen", role: .muted)] }
        return sections.flatMap { section in
            [ListRow(text: section.title, role: .label)] + section.lines.map { line in
                ListRow(text: line.text, location: line.subjectId.flatMap { location(of: $0, dataset: dataset, review: review) })
            }
        }
    }

    /// The place a review subject id names: a goal item, a meeting, or a person.
    private static func location(of subjectId: String, dataset: Dataset, review: ReviewSnapshot) -> DataLocation? {
        if let item = dataset.goalItem(id: subjectId) { return .goalItem(goal: item.goal, column: item.column, item: item.item) }
        if let meeting = review.location(ofMeeting: subjectId, in: dataset) { return meeting }
        return review.people.first { Person.historySubject($0.id) == subjectId }.map { .person(name: $0.name) }
    }

    func action(for location: DataLocation) -> ScreenAction {
        switch (self, location) {
        case (.pilotGoals, .pilotGoal(let goal)): .push(GoalTableScreen(goal: goal))
        case (.searchResults, _), (.changes, _), (.peildata, _): .jump(location)
        case (.documents, .document(let document)): .push(ListScreen(.documentParts(document: document)))
        default: .push(DetailScreen(location: location))
        }
    }
}
