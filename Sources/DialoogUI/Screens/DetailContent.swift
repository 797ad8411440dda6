import DialoogModel
import Foundation

/// The full text of one thing in the dataset, as paragraphs: used by detail screens and previews.
public struct DetailContent: Sendable {
    public let title: String
    public let paragraphs: [Paragraph]
    /// The notes, decisions and actions shown, with the paragraphs each takes.
    public let entries: [(entry: ReviewEntry, paragraphs: Range<Int>)]

    /// `width`: the columns the text gets, so a chart fits them. `steadyLayout`: a goal item's text is padded to
    /// its goal's longest, so what follows stays in place from item to item (not for a screen reader).
    /// `entriesAtMost`: a preview of a few lines needs only the first notes, decisions, actions and history lines
    /// of a place with hundreds.
    public init(_ location: DataLocation, context: ScreenContext, width: Int = 76, steadyLayout: Bool = true, entriesAtMost: Int? = nil) {
        var builder = Builder(dataset: context.dataset, sourceDataset: context.sourceDataset, glyphs: context.glyphs, review: context.review, today: context.today, width: width,
                              steadyLayout: steadyLayout, itemHeights: context.itemHeights, keymap: context.keymap, entriesAtMost: entriesAtMost)
        (title, paragraphs) = builder.build(location)
        entries = builder.entries
    }

    private struct Builder {
        let dataset: Dataset
        /// The goal table as the source has it, for the wording an accepted change replaced.
        let sourceDataset: Dataset
        let glyphs: Glyphs
        let review: ReviewSnapshot
        let today: String
        let width: Int
        let steadyLayout: Bool
        let itemHeights: ItemHeights
        /// For the hints that name a key ("a = notitie toevoegen").
        let keymap: Keymap
        let entriesAtMost: Int?
        var entries: [(entry: ReviewEntry, paragraphs: Range<Int>)] = []

        mutating func build(_ location: DataLocation) -> (String, [Paragraph]) {
            var (title, paragraphs) = content(location)
            // A theme, case, example, figure or source part takes notes too (items and meetings show theirs in place).
            switch location {
            case .longTermTheme, .regionalCase, .regionalExample, .figure, .sourceTable, .documentPart:
                // Only where notes were made: the source's text stays uncluttered (`a` adds one anywhere).
                if let subject = location.noteSubjectId(in: dataset), review.noteCount(on: subject) > 0 {
                    append(notesSection(subject), to: &paragraphs)
                }
            default:
                break
            }
            return (title, paragraphs)
        }

        private mutating func content(_ location: DataLocation) -> (String, [Paragraph]) {
            switch location {
            case .pilotGoal(let goal): pilotGoal(goal)
            case .goalItem(let goal, let column, let item): goalItem(goal, column, item)
            case .longTermTheme(let theme): longTermTheme(theme)
            case .techniekpactGoal(let goal): techniekpactGoal(goal)
            case .regionalCase(let region, let goal, let index): regionalCase(region, goal, index)
            case .activity(let month, let index): activity(month, index)
            case .regionalExample(let example): regionalExample(example)
            case .figure(let index): figure(index)
            case .sourceTable(let index): sourceTable(index)
            case .document(let index): document(index)
            case .documentPart(let document, let part): documentPart(document, part)
            case .person(let name): person(name)
            case .meeting(let id, _): meeting(id)
            }
        }

        private func heading(_ text: String) -> Paragraph { Paragraph(text, role: .title) }
        /// Where an item of a list is ("… item 3 van 51"), in the breadcrumb's colour: it changes with every
        /// move through the list, and a bold heading costs a full attribute reset each time.
        private func position(_ text: String) -> Paragraph { Paragraph(text, role: .breadcrumb) }
        private func label(_ text: String) -> Paragraph { Paragraph(text, role: .label) }
        private func bullet(_ text: String, indent: Int = 0) -> Paragraph { Paragraph(text, prefix: glyphs.bullet + " ", indent: indent) }

        private func pilotGoal(_ index: Int) -> (String, [Paragraph]) {
            let goal = dataset.pilotGoals[index]
            var paragraphs = [heading("Doel \(goal.number)"), Paragraph(goal.title), .blank,
                              label("Uitgangspunt \(goal.number)"), Paragraph(goal.uitgangspunt)]
            for column in GoalColumn.allCases {
                let items = goal.items(in: column)
                paragraphs += [.blank, label("\(column.sourceTitle) (\(items.count))")]
                paragraphs += items.map { itemParagraph($0, in: column) }
            }
            if let (chapter, reflection) = dataset.annualReport.reflection(onGoal: goal.id) {
                paragraphs += [.blank, label("Reflectie in het jaarverslag 2023 (hoofdstuk \(chapter.number), uitgangspunt \(reflection.number): "
                                             + "\(reflection.uitgangspunt))")]
                paragraphs += reflection.blocks.map { $0.isListItem ? bullet($0.text) : Paragraph($0.text) }
            }
            return ("Doel \(goal.number)", paragraphs)
        }

        /// The most lines an item's text is padded to (the steady layout): about a screen at 80x24.
        static let steadyHeightAtMost = 16

        private func itemParagraph(_ item: GoalItem, in column: GoalColumn) -> Paragraph {
            ItemParagraph.make(item, reviewable: column.isReviewable, review: review, glyphs: glyphs)
        }

        /// Paragraphs with the review entries among them, by index within the section.
        typealias Section = (paragraphs: [Paragraph], entries: [(entry: ReviewEntry, paragraphs: Range<Int>)])

        private mutating func append(_ section: Section, to paragraphs: inout [Paragraph]) {
            let offset = paragraphs.count
            paragraphs += section.paragraphs
            entries += section.entries.map { ($0.entry, ($0.paragraphs.lowerBound + offset)..<($0.paragraphs.upperBound + offset)) }
        }

        /// The status of a reviewable item, and the notes, actions and history of any item (a winst-risico or
        /// mitigation takes notes too); each note is a selectable entry.
        private func reviewSection(for item: GoalItem, hasStatus: Bool) -> Section {
            let status = review.status(of: item.id)
            var paragraphs: [Paragraph] = hasStatus
                ? [.blank, label("Beoordeling"), Paragraph(status.label, prefix: glyphs.marker(for: status) + " ", prefixRole: status.role)]
                : []
            // The item's status at every peildatum, then now: how it moved over the years.
            if hasStatus, !review.peildata.isEmpty {
                let timeline = review.peildata.map { "\($0.label): \($0.status(of: item.id).label)" } + ["nu: \(status.label)"]
                paragraphs.append(Paragraph("Per peildatum: " + timeline.joined(separator: " · "), role: .muted))
            }
            let notes = notesBlock(item.id)
            var entries = notes.entries.map { ($0.entry, ($0.paragraphs.lowerBound + paragraphs.count)..<($0.paragraphs.upperBound + paragraphs.count)) }
            paragraphs += notes.paragraphs
            let actions = review.actions(servingItem: item.id)
            if !actions.isEmpty {
                paragraphs += [.blank, label("Acties voor dit item (\(actions.count))")]
                paragraphs += actions.map { actionParagraph($0) }
            }
            return (paragraphs + historyParagraphs(of: item.id), entries)
        }

        /// "Notities (n)" and each note as a selectable entry, without the history.
        private func notesBlock(_ subjectId: String) -> Section {
            let notes = review.notes(on: subjectId)
            var paragraphs: [Paragraph] = [.blank, label("Notities (\(notes.count))")]
            var entries: [(entry: ReviewEntry, paragraphs: Range<Int>)] = []
            if notes.isEmpty { paragraphs.append(Paragraph("nog geen; \(keymap.key(for: .addNote)) = notitie toevoegen", role: .muted)) }
            for note in notes.prefix(entriesAtMost ?? notes.count) {
                let first = paragraphs.count
                paragraphs += noteParagraphs(note)
                entries.append((.note(note), first..<paragraphs.count))
            }
            if let entriesAtMost, notes.count > entriesAtMost {
                paragraphs.append(Paragraph("… en \(notes.count - entriesAtMost) meer (\(keymap.key(for: .open)) toont alle)", role: .muted, indent: 2))
            }
            return (paragraphs, entries)
        }

        /// The notes of a place and their history.
        private func notesSection(_ subjectId: String) -> Section {
            let notes = notesBlock(subjectId)
            return (notes.paragraphs + historyParagraphs(of: subjectId), notes.entries)
        }

        private func noteParagraphs(_ note: Note) -> [Paragraph] {
            [Paragraph("\(DutchDate.timestamp(note.createdAt)) · \(note.author)\(edited(note.updatedAt, by: note.updatedBy))"
                       + (note.isForReport ? " · voor het jaarverslag" : ""), role: .muted, indent: 2),
             Paragraph(note.text, indent: 2)]
        }

        /// ", bewerkt 25-11-2026 14:02 door bert".
        private func edited(_ at: Date?, by author: String?) -> String {
            guard let at else { return "" }
            return ", bewerkt \(DutchDate.timestamp(at))" + (author.map { " door \($0)" } ?? "")
        }

        /// Every recorded change to the item's status and notes, or the meeting's decisions and actions, newest first.
        private func historyParagraphs(of subjectId: String) -> [Paragraph] {
            let entries = review.history(of: subjectId)
            guard !entries.isEmpty else { return [] }
            let shown = entries.suffix(min(Self.historyShown, entriesAtMost ?? Self.historyShown)).reversed()
            var paragraphs = [.blank, label("Geschiedenis (\(entries.count))")]
            paragraphs += shown.map { entry in
                Paragraph("\(DutchDate.timestamp(entry.at)) · \(entry.author) · \(HistoryText.change(entry, dataset: dataset))", role: .muted, indent: 2)
            }
            if entries.count > shown.count {
                paragraphs.append(Paragraph("… en \(entries.count - shown.count) eerdere (export --format json heeft ze alle)", role: .muted, indent: 2))
            }
            return paragraphs
        }

        private static let historyShown = 20

        /// `showingMeeting`: name the meeting (in a person's list) instead of the owner (in a meeting's).
        private func actionParagraph(_ action: ActionItem, showingMeeting: Bool = false) -> Paragraph {
            let due = action.dueDate.map { " · deadline \(DutchDate.day($0))" } ?? ""
            let late = action.isPastDue(today: today) ? " · OVER DATUM" : ""
            let link = action.linkedId.map { " · voor \(dataset.reviewTargetName($0) ?? $0)" } ?? ""
                + (showingMeeting ? " · \(review.meetingName(action.activityId, in: dataset) ?? action.activityId)" : "")
            let marker = action.isDone ? glyphs.marker(for: .shown) : glyphs.marker(for: .open)
            return Paragraph("\(action.text)\(showingMeeting ? "" : " — \(action.owner)")\(due)\(link)\(late)", role: action.isPastDue(today: today) ? .pastDue : .normal,
                             prefix: marker + " ", indent: 2, prefixRole: action.isDone ? .statusShown : .statusOpen)
        }

        /// Notes, decisions and action items of a meeting; each is a selectable entry.
        private func meetingSection(_ activityId: String) -> Section {
            var paragraphs: [Paragraph] = []
            var entries: [(entry: ReviewEntry, paragraphs: Range<Int>)] = []
            if review.noteCount(on: activityId) > 0 {
                let notes = notesBlock(activityId)
                paragraphs = Array(notes.paragraphs.dropFirst()) + [.blank]
                entries = notes.entries.map { ($0.entry, ($0.paragraphs.lowerBound - 1)..<($0.paragraphs.upperBound - 1)) }
            }
            let decisions = review.decisions(at: activityId)
            paragraphs.append(label("Besluiten (\(decisions.count))"))
            if decisions.isEmpty { paragraphs.append(Paragraph("nog geen; \(keymap.key(for: .addDecision)) = besluit toevoegen", role: .muted)) }
            for decision in decisions.prefix(entriesAtMost ?? decisions.count) {
                entries.append((.decision(decision), paragraphs.count..<(paragraphs.count + 1)))
                paragraphs.append(Paragraph("\(decision.text) (\(DutchDate.timestamp(decision.createdAt)) · \(decision.author)"
                                            + "\(edited(decision.updatedAt, by: decision.updatedBy)))",
                                            prefix: glyphs.bullet + " ", indent: 2))
            }
            let actions = review.actions(at: activityId)
            paragraphs += [.blank, label("Acties (\(actions.count))")]
            if actions.isEmpty { paragraphs.append(Paragraph("nog geen; \(keymap.key(for: .addAction)) = actie toevoegen", role: .muted)) }
            for action in actions.prefix(entriesAtMost ?? actions.count) {
                entries.append((.action(action), paragraphs.count..<(paragraphs.count + 1)))
                paragraphs.append(actionParagraph(action))
            }
            return (paragraphs + historyParagraphs(of: activityId) + [.blank], entries)
        }

        /// Who someone is and what they owe: open actions (overdue first, then by deadline), then the done ones;
        /// each a selectable entry, so `x` and `e` act on it here.
        private mutating func person(_ name: String) -> (String, [Paragraph]) {
            let person = review.people.first { $0.isNamed(name) }
            var paragraphs = [heading(name)]
            if let person {
                let facts = [person.initials.map { "initialen \($0)" }, person.organisation, person.role, person.email,
                             person.login.map { "login \($0)" }].compactMap { $0 }
                if !facts.isEmpty { paragraphs.append(Paragraph(facts.joined(separator: " · "), role: .muted)) }
            }
            let theirs = review.actions(ownedBy: name)
            let open = theirs.filter { !$0.isDone }.sorted(by: ActionItem.dueOrder(today: today))
            let done = theirs.filter(\.isDone)
            paragraphs += [.blank, label("Open acties (\(open.count))")]
            if open.isEmpty { paragraphs.append(Paragraph("geen", role: .muted)) }
            for action in open + done {
                if action.isDone, action.id == done.first?.id { paragraphs += [.blank, label("Afgerond (\(done.count))")] }
                entries.append((.action(action), paragraphs.count..<(paragraphs.count + 1)))
                paragraphs.append(actionParagraph(action, showingMeeting: true))
            }
            return (name, paragraphs + (person.map { historyParagraphs(of: Person.historySubject($0.id)) } ?? []))
        }

        private mutating func goalItem(_ goalIndex: Int, _ column: GoalColumn, _ itemIndex: Int) -> (String, [Paragraph]) {
            let goal = dataset.pilotGoals[goalIndex]
            // A proposed item withdrawn, rejected or undone (here or by a colleague) while it was shown.
            guard let item = goal.items(in: column)[safe: itemIndex] else {
                return ("\(column.title) \(itemIndex + 1)", [heading("Dit item is er niet meer"),
                        Paragraph("Het voorstel is ingetrokken, verworpen of ongedaan gemaakt; \(keymap.key(for: .back)) gaat terug.", role: .muted)])
            }
            var paragraphs = itemBlock(goal, column, itemIndex)
            // Every item of the goal takes the height of its longest, so what follows stays in place from one
            // item to the next (steadier to read, and a move sends only the text that changed); up to a screen:
            // one very long item must not push a short neighbour's review screens down.
            if steadyLayout {
                let longest = itemHeights.height(goal: goalIndex, width: width) {
                    GoalColumn.allCases.flatMap { other in goal.items(in: other).indices.map { blockHeight(goal, other, $0) } }.max() ?? 0
                }
                let steadyHeight = min(longest, Self.steadyHeightAtMost)
                paragraphs += Array(repeating: .blank, count: max(0, steadyHeight - TextBlock.wrap(paragraphs, width: width).count))
            }
            paragraphs += changeParagraphs(item)
            // The review comes first: it is what the secretary works on here.
            append(reviewSection(for: item, hasStatus: column.isReviewable && !item.isMitigation), to: &paragraphs)
            paragraphs += [.blank, label("Doel \(goal.number)"), Paragraph(goal.title, role: .muted)]
            // Bijlage 1 puts indicators and evidence side by side per goal: show the other half here.
            let related: GoalColumn? = switch column {
            case .indicatoren: .bewijs
            case .bewijs: .indicatoren
            default: nil
            }
            if let related {
                let relatedItems = goal.items(in: related)
                paragraphs += [.blank, label("\(related.sourceTitle) bij dit doel (\(relatedItems.count))")]
                paragraphs += relatedItems.map { itemParagraph($0, in: related) }
            }
            paragraphs += [.blank, Paragraph("id: \(item.id)", role: .muted)]
            return ("\(column.title) \(itemIndex + 1)", paragraphs)
        }

        /// A goal item's heading and text with its sub-items.
        private func itemBlock(_ goal: PilotGoal, _ column: GoalColumn, _ index: Int) -> [Paragraph] {
            let items = goal.items(in: column)
            let kind = items[index].isMitigation ? "maatregel (=>)" : "item"
            return [position("Doel \(goal.number) · \(column.sourceTitle) · \(kind) \(index + 1) van \(items.count)"), .blank,
                    Paragraph(items[index].trackedText)] + items[index].subitems.map { bullet($0, indent: 2) }
        }

        /// The secretariat's changes on the item, each with who proposed and who decided, and the source's own
        /// wording when an accepted one replaced it.
        private func changeParagraphs(_ item: GoalItem) -> [Paragraph] {
            let changes = review.tableChanges.filter { $0.subjectId == item.id }
            guard !changes.isEmpty else { return [] }
            var paragraphs: [Paragraph] = [.blank, label("Wijzigingen van de tabel (\(changes.count))")]
            paragraphs += changes.map { bullet("\($0.kind == .addition ? "Nieuw item" : "Formulering") “\($0.text)”: \($0.credit)") }
            if let place = sourceDataset.goalItem(id: item.id) {
                let source = sourceDataset.pilotGoals[place.goal].items(in: place.column)[place.item].text
                if source != item.text { paragraphs.append(Paragraph("Brontekst: \(source)", role: .muted)) }
            } else {
                paragraphs.append(Paragraph("Niet uit de bron: toegevoegd door het secretariaat", role: .muted))
            }
            if changes.contains(where: { $0.state == .proposed }) {
                paragraphs.append(Paragraph("\(keymap.key(for: .decideChange)) = voorstel aanvaarden, verwerpen of intrekken", role: .muted))
            }
            return paragraphs
        }

        /// The lines that block takes at this width.
        private func blockHeight(_ goal: PilotGoal, _ column: GoalColumn, _ index: Int) -> Int {
            TextBlock.wrap(itemBlock(goal, column, index), width: width).count
        }

        private func longTermTheme(_ index: Int) -> (String, [Paragraph]) {
            let theme = dataset.longTermThemes[index]
            var paragraphs = [heading("Thema \(theme.number) (lange termijn 2022 – 2032)"), Paragraph(theme.title), .blank,
                              label("Vragen korte termijn 2022-2024")]
            paragraphs += theme.questions.map { Paragraph($0.text, prefix: "\($0.label)) ") }
            return ("Thema \(theme.number)", paragraphs)
        }

        private func techniekpactGoal(_ number: Int) -> (String, [Paragraph]) {
            let pact = dataset.techniekpact
            guard let goal = pact.goal(number: number) else { return ("Techniekpact-doel \(number)", []) }
            var paragraphs = [heading("Techniekpact-doel \(number) · \(goal.actielijn)"), Paragraph(goal.title)]
            if let box = pact.box(forGoal: number) { paragraphs.append(Paragraph(box.title, role: .muted)) }
            for region in pact.landsdelen {
                paragraphs += [.blank, label(region.name)]
                paragraphs += cellParagraphs(pact.content(landsdeel: region.id, goal: number))
            }
            return ("Techniekpact-doel \(number)", paragraphs)
        }

        private func cellParagraphs(_ content: CellContent) -> [Paragraph] {
            switch content {
            case .cases(let names): names.map { bullet($0) }
            case .noCasesAvailable: [Paragraph("Geen cases beschikbaar", role: .emptyCell)]
            case .notInSource: [Paragraph("Niet in de bron: de box heeft geen deel voor dit landsdeel", role: .notInSource)]
            }
        }

        private func regionalCase(_ regionIndex: Int, _ goalNumber: Int, _ index: Int) -> (String, [Paragraph]) {
            let pact = dataset.techniekpact
            let region = pact.landsdelen[regionIndex]
            guard case .cases(let names) = pact.content(landsdeel: region.id, goal: goalNumber), names.indices.contains(index),
                  let goal = pact.goal(number: goalNumber)
            else { return ("Case", []) }
            var paragraphs = [position("Case \(index + 1) van \(names.count) · \(region.name) · Techniekpact-doel \(goalNumber)"), .blank,
                              Paragraph(names[index]), .blank,
                              label("Landsdeel"), Paragraph(region.name), .blank,
                              label("Techniekpact-doel \(goalNumber) · \(goal.actielijn)"), Paragraph(goal.title)]
            if let box = pact.box(forGoal: goalNumber) {
                paragraphs += [.blank, label("Bron"), Paragraph(box.title), Paragraph("SEO Economisch Onderzoek en Technopolis B.V. (2020)", role: .muted)]
            }
            for example in dataset.regionalExamples(relatedTo: names[index], goal: goalNumber) {
                paragraphs += [.blank, label("Voorbeeld uit de regio (voortgangsrapportage 2018): \(example.name)")]
                paragraphs += exampleParagraphs(example)
            }
            return ("Case \(index + 1)", paragraphs)
        }

        private func exampleParagraphs(_ example: RegionalExample) -> [Paragraph] {
            var paragraphs = [Paragraph("Plaats: \(example.place)", role: .muted)]
            if !example.figures.isEmpty {
                paragraphs.append(Paragraph("Cijfers: " + example.figures.joined(separator: "; "), role: .count))
            }
            paragraphs.append(Paragraph(example.text))
            return paragraphs
        }

        private mutating func activity(_ monthIndex: Int, _ index: Int) -> (String, [Paragraph]) {
            let cycle = dataset.cycle
            let month = cycle.months[monthIndex]
            let title = "\(month.name.capitalized) \(cycle.year)"
            guard month.activities.indices.contains(index) else {
                return (title, [heading(title), .blank, Paragraph("Geen activiteiten in deze maand.", role: .emptyCell)])
            }
            let activity = month.activities[index]
            var paragraphs = [heading("\(title) · \(activity.activity)"), .blank]
            if let topic = activity.topic { paragraphs += [label(activity.topicLabel ?? "Onderwerp"), Paragraph(topic), .blank] }
            if let participants = activity.participants {
                paragraphs += [label(activity.participantsLabel ?? "Deelnemers"), Paragraph(participants), .blank]
            }
            if activity.kind.isMeeting { append(meetingSection(activity.id), to: &paragraphs) }
            if let middag = cycle.htnoMiddag(for: activity) { paragraphs += htnoMiddag(middag) }
            return (title, paragraphs)
        }

        /// A meeting the secretariat added: when and where, what about, who came, the agenda and the verslag,
        /// then its decisions and actions (selectable) and its history.
        private mutating func meeting(_ id: Int64) -> (String, [Paragraph]) {
            guard let meeting = review.meetings.first(where: { $0.id == id }) else {
                return ("Overleg", [heading("Overleg"), .blank, Paragraph("Dit overleg bestaat niet meer (gewist).", role: .emptyCell)])
            }
            let time = meeting.startTime.map { " · \($0)" + (meeting.endTime.map { "–\($0)" } ?? "") } ?? ""
            var paragraphs = [heading(meeting.name), Paragraph("\(meeting.status.rawValue)\(time)" + (meeting.place.map { " · \($0)" } ?? ""),
                                                               role: meeting.status == .cancelled ? .warning : .muted), .blank]
            for (title, text) in [("Thema of onderwerpen", meeting.topic), ("Centrale vraag", meeting.centralQuestion),
                                  ("Deelnemers", meeting.participants)] {
                if let text { paragraphs += [label(title), Paragraph(text), .blank] }
            }
            let present = meeting.attendance.filter { !$0.isExcused }.map(\.name)
            let excused = meeting.attendance.filter(\.isExcused).map(\.name)
            if !present.isEmpty { paragraphs += [label("Aanwezig (\(present.count))"), Paragraph(present.joined(separator: ", ")), .blank] }
            if !excused.isEmpty { paragraphs += [label("Afgemeld (\(excused.count))"), Paragraph(excused.joined(separator: ", ")), .blank] }
            if !meeting.agendaPoints.isEmpty {
                paragraphs.append(label("Agenda (\(meeting.agendaPoints.count))"))
                paragraphs += meeting.agendaPoints.enumerated().map { index, point in
                    Paragraph(point.text + (point.linkedId.map { " · \(dataset.reviewTargetName($0) ?? $0)" } ?? ""), prefix: "\(index + 1). ", indent: 2)
                }
                paragraphs.append(.blank)
            }
            for (title, lines) in [("Programma", meeting.programme), ("Goede voorbeelden", meeting.goodPractices), ("Toezeggingen", meeting.commitments)]
            where !lines.isEmpty {
                paragraphs += [label("\(title) (\(lines.count))")] + lines.map { bullet($0, indent: 2) } + [.blank]
            }
            paragraphs.append(label("Verslag"))
            paragraphs.append(meeting.minutes.isEmpty
                ? Paragraph("nog geen; \(keymap.key(for: .minutes)) = verslag, aanwezigen en agenda", role: .muted) : Paragraph(meeting.minutes))
            paragraphs.append(.blank)
            append(meetingSection(meeting.activityId), to: &paragraphs)
            return (meeting.name, paragraphs)
        }

        private func htnoMiddag(_ middag: HtnoMiddag) -> [Paragraph] {
            var paragraphs = [heading("Htno-middag \(middag.date)"),
                              Paragraph("Thema: \(middag.theme)"),
                              Paragraph("Plaats: \(middag.place ?? "niet genoemd in de bronnen")", role: middag.place == nil ? .muted : .normal)]
            if let question = middag.centralQuestion { paragraphs.append(Paragraph("Centrale vraag: “\(question)”")) }
            paragraphs += [.blank, label("Aanwezigheid")]
            paragraphs += middag.attendance.flatMap { [bullet($0.text), Paragraph("bron: \($0.source)", role: .muted, indent: 2)] }
            let goodPractices = middag.goodPractices.flatMap { [.blank, Paragraph($0.title, role: .title), Paragraph($0.text)] }
            if let programme = middag.programme {
                paragraphs += [.blank, label("Programma (pamflet)")]
                for part in programme {
                    paragraphs += [.blank, Paragraph(part.part, role: .title)]
                    if let speakers = part.speakers { paragraphs.append(Paragraph(speakers.joined(separator: ", "), role: .muted)) }
                    paragraphs += part.paragraphs.map { Paragraph($0) } + (part.items ?? []).map { bullet($0) }
                    if part.goodPractices == true { paragraphs += goodPractices }
                }
            }
            if !middag.goodPractices.isEmpty, middag.programme?.contains(where: { $0.goodPractices == true }) != true {
                paragraphs += [.blank, label("Good practices")] + goodPractices
            }
            paragraphs += [.blank, label("Commitments")]
            paragraphs += middag.commitments.map { bullet($0) }
            return paragraphs
        }

        /// The figure's caption and source, its chart (as wide as the view), legend, notes and the text around it.
        private func figure(_ index: Int) -> (String, [Paragraph]) {
            let figure = dataset.figures[index]
            var paragraphs = [heading(figure.caption), Paragraph("Bron: \(figure.source)", role: .muted), .blank]
            paragraphs += ChartParagraphs.paragraphs(figure, width: width, glyphs: glyphs)
            if !figure.notes.isEmpty { paragraphs += [.blank] + figure.notes.map { Paragraph($0, role: .muted) } }
            if let text = figure.text { paragraphs += [.blank, label("In de tekst"), Paragraph(text)] }
            return ("Figuur \(index + 1)", paragraphs)
        }

        /// A table of text, column by column (a terminal has no room for the source's columns side by side).
        private func sourceTable(_ index: Int) -> (String, [Paragraph]) {
            let table = dataset.tables[index]
            var paragraphs = [heading(table.caption), Paragraph("Bron: SEO Evaluerend advies Techniekpact 2020, \(table.place)", role: .muted)]
            for (column, title) in table.columns.enumerated() {
                paragraphs += [.blank, label(title)]
                paragraphs += table.rows.map(\.cells[column]).filter { !$0.isEmpty }.map { bullet($0) }
            }
            paragraphs += [.blank] + table.notes.map { Paragraph($0, role: .muted) }
            return ("Tabel \(index + 1)", paragraphs)
        }

        /// A source's contents: its parts with their place.
        private func document(_ index: Int) -> (String, [Paragraph]) {
            let document = dataset.documents[index]
            var paragraphs = [heading(document.source), Paragraph("\(document.parts.count) delen", role: .muted), .blank]
            paragraphs += document.parts.map { bullet($0.title, indent: $0.level * 2) }
            return (document.title, paragraphs)
        }

        /// One part of a source in the source's order, with where it is.
        private func documentPart(_ document: Int, _ index: Int) -> (String, [Paragraph]) {
            let source = dataset.documents[document]
            let part = source.parts[index]
            var paragraphs = [heading(part.title), Paragraph("Bron: \(source.source), \(part.place)", role: .muted)]
            for block in part.blocks {
                switch block {
                case .paragraph(let text): paragraphs += [.blank, Paragraph(text)]
                case .item(let text, let level): paragraphs.append(bullet(text, indent: level * 2))
                case .heading(let text): paragraphs += [.blank, label(text)]
                case .programme(let name): paragraphs += [.blank, Paragraph(name, role: .title)]
                case .figure(let value, let unit, let words):
                    paragraphs.append(Paragraph("\(unit): \(value)", role: .count, prefix: glyphs.bullet + " "))
                    paragraphs.append(Paragraph("“\(words)”", role: .muted, indent: 2))
                case .note(let text): paragraphs += [.blank, Paragraph(text, role: .muted)]
                }
            }
            return (part.title, paragraphs)
        }

        private func regionalExample(_ index: Int) -> (String, [Paragraph]) {
            let example = dataset.regionalExamples[index]
            var paragraphs = [heading(example.name), .blank]
            paragraphs += exampleParagraphs(example)
            if let goal = dataset.techniekpact.goal(number: example.goal) {
                paragraphs += [.blank, label("Techniekpact-doel \(goal.number) · \(goal.actielijn)"), Paragraph(goal.title)]
            }
            paragraphs += [.blank, Paragraph("Bron: Techniekpact voortgangsrapportage 2018, Voorbeelden uit de regio", role: .muted)]
            return (example.name, paragraphs)
        }
    }
}
