import DialoogModel
import QRCode

/// What one slide shows: a short heading for big letters, a subtitle and the body.
/// Text from the data or the deck's own slides; review statuses are left out, the audience sees the table itself.
public struct SlideContent: Sendable {
    public let heading: String
    public let subtitle: String
    public let paragraphs: [Paragraph]
    /// Names the slide in the footer: "Doel 3", "Oost · Techniekpact-doel 9".
    public let label: String
    /// A QR code under the body (half-block rows, quiet zone included), for a slide that carries a link.
    public var qrRows: [String] = []
    /// The link the QR code holds.
    public var link: String?

    /// `width`: the text column, so a chart fits it.
    public init(_ slide: Slide, dataset: Dataset, glyphs: Glyphs, width: Int = 76) {
        let bullet = glyphs.bullet + " "
        switch slide {
        case .goal(let index):
            let goal = dataset.pilotGoals[index]
            heading = "Doel \(goal.number)"
            subtitle = goal.title
            let counts = GoalColumn.allCases.map { "\($0.title) \(goal.items(in: $0).count)" }.joined(separator: " · ")
            paragraphs = [Paragraph("Uitgangspunt: \(goal.uitgangspunt)", role: .label), .blank, Paragraph(counts, role: .muted)]
            label = heading
        case .goalColumn(let index, let column):
            let goal = dataset.pilotGoals[index]
            heading = column.title
            subtitle = "Doel \(goal.number): \(goal.title)"
            paragraphs = goal.items(in: column).enumerated().flatMap { offset, item -> [Paragraph] in
                let main = item.isMitigation
                    ? Paragraph(item.text, role: .mitigation, prefix: glyphs.mitigation + " ")
                    : Paragraph(item.text, prefix: bullet)
                return (offset == 0 ? [] : [Paragraph.blank]) + [main] + item.subitems.map { Paragraph($0, prefix: "- ", indent: 2) }
            }
            label = "Doel \(goal.number) · \(column.title)"
        case .regionCases(let region, let number):
            let pact = dataset.techniekpact
            let landsdeel = pact.landsdelen[region]
            heading = landsdeel.name
            subtitle = "Techniekpact-doel \(number): \(pact.goal(number: number)?.title ?? "")"
            switch pact.content(landsdeel: landsdeel.id, goal: number) {
            case .cases(let names): paragraphs = names.map { Paragraph($0, prefix: bullet) }
            case .noCasesAvailable: paragraphs = [Paragraph("Geen cases beschikbaar", role: .emptyCell)]
            case .notInSource: paragraphs = [Paragraph("Niet in de bron: \(pact.box(forGoal: number)?.title ?? "de box") heeft geen deel voor \(landsdeel.name)", role: .notInSource)]
            }
            label = "\(landsdeel.name) · Techniekpact-doel \(number)"
        case .month(let index):
            let cycle = dataset.cycle
            let month = cycle.months[index]
            heading = month.name
            subtitle = "\(month.name.capitalized) \(cycle.year) · gesprekscyclus permanente dialoog"
            paragraphs = month.activities.isEmpty
                ? [Paragraph("Geen activiteiten in deze maand.", role: .emptyCell)]
                : month.activities.enumerated().flatMap { offset, activity in
                    (offset == 0 ? [] : [Paragraph.blank]) + Self.activityParagraphs(activity, cycle: cycle, bullet: bullet)
                }
            label = "\(month.name.capitalized) \(cycle.year)"
        case .timeline:
            let cycle = dataset.cycle
            heading = String(cycle.year)
            subtitle = "Gesprekscyclus permanente dialoog"
            paragraphs = cycle.months.map { month in
                let activities = month.activities.map { activity in activity.topic.map { "\(activity.activity) (\($0))" } ?? activity.activity }
                let name = Self.monthAbbreviation(month.name)
                return Paragraph(activities.isEmpty ? "–" : activities.joined(separator: " · "), role: activities.isEmpty ? .muted : .normal,
                                 prefix: name + String(repeating: " ", count: 5 - name.count), prefixRole: .label)
            }
            label = "Tijdlijn \(cycle.year)"
        case .goodPractice(let middag, let index):
            let practice = dataset.cycle.htnoMiddagen[middag].goodPractices[index]
            heading = "Praktijk \(index + 1)"
            subtitle = practice.title
            paragraphs = [Paragraph(practice.text)]
            label = "Good practice \(index + 1)"
        case .commitments(let middag):
            let middag = dataset.cycle.htnoMiddagen[middag]
            heading = "Afspraken"
            subtitle = "Htno-middag \(middag.date) · \(Self.commitmentsLabel)"
            paragraphs = middag.commitments.enumerated().flatMap { offset, commitment in
                (offset == 0 ? [] : [Paragraph.blank]) + [Paragraph(commitment, prefix: bullet)]
            }
            label = "Afspraken \(middag.date)"
        case .figure(let index):
            // Named by its own caption, as the source prints it, everywhere the slide is named.
            let figure = dataset.figures[index]
            heading = figure.caption
            subtitle = ""
            // What the bars mean comes last: on a slide split over pages it is at the foot of every page.
            let chart = ChartParagraphs.paragraphs(figure, width: width, glyphs: glyphs)
            let legend = chart.filter { $0.paging == .onEveryPage }
            paragraphs = chart.filter { $0.paging != .onEveryPage } + [.blank, Paragraph("Bron: \(figure.source)", role: .muted)]
                + (legend.isEmpty ? [] : [Paragraph("", paging: .onEveryPage)] + legend)
            label = figure.caption
        case .theme(let index):
            let theme = dataset.longTermThemes[index]
            heading = "Thema \(theme.number)"
            subtitle = theme.title
            paragraphs = theme.questions.enumerated().flatMap { offset, question in
                (offset == 0 ? [] : [Paragraph.blank]) + [Paragraph("\(question.label): \(question.text)", prefix: bullet)]
            }
            label = "Thema \(theme.number): \(theme.title)"
        case .sourceTable(let index):
            // Column by column: the table's two columns are two lists (primair, secundair), not rows to read across.
            let table = dataset.tables[index]
            heading = table.caption
            subtitle = ""
            paragraphs = table.columns.enumerated().flatMap { column, name -> [Paragraph] in
                let cells = table.rows.compactMap { $0.cells[safe: column] }.filter { !$0.isEmpty }
                return (column == 0 ? [] : [Paragraph.blank]) + [Paragraph(name, role: .label)] + cells.map { Paragraph($0, prefix: bullet) }
            } + [.blank] + table.notes.map { Paragraph($0, role: .muted) }
            label = table.caption
        case .meetingOutcome(let outcome):
            heading = "Besluiten en acties"
            subtitle = outcome.name
            let decisions = outcome.decisions.isEmpty ? [Paragraph("Geen besluiten vastgelegd", role: .emptyCell)]
                : outcome.decisions.map { Paragraph($0, prefix: bullet) }
            let actions = outcome.actions.isEmpty ? [Paragraph("Geen acties vastgelegd", role: .emptyCell)]
                : outcome.actions.map { Paragraph($0, prefix: bullet) }
            paragraphs = [Paragraph("Besluiten", role: .label)] + decisions + [.blank, Paragraph("Acties", role: .label)] + actions
            label = "Besluiten en acties \(outcome.name)"
        case .free(let free):
            heading = free.title
            subtitle = free.subtitle ?? ""
            var body = free.bullets.map { Paragraph($0, prefix: bullet) }
            if let quote = free.quote {
                if !body.isEmpty { body.append(.blank) }
                body.append(Paragraph("“\(quote)”", role: .title))
            }
            if let source = free.source { body += [.blank, Paragraph("— \(source)", role: .muted)] }
            if let link = free.link {
                self.link = link
                qrRows = QRCode(link)?.halfBlockRows() ?? []
                body += [.blank, Paragraph(link, role: .label)]
            }
            paragraphs = body
            label = free.title
        }
    }

    /// Dutch month abbreviations as a calendar prints them ("mrt", not "maa").
    static func monthAbbreviation(_ name: String) -> String {
        let abbreviations = ["januari": "jan", "februari": "feb", "maart": "mrt", "april": "apr", "mei": "mei", "juni": "jun",
                             "juli": "jul", "augustus": "aug", "september": "sep", "oktober": "okt", "november": "nov", "december": "dec"]
        return abbreviations[name.lowercased()].map { name.first?.isUppercase == true ? $0.capitalized : $0 } ?? String(name.prefix(3))
    }

    /// How the source introduces an htno-middag's commitments.
    static let commitmentsLabel = "Concreet betekent dit dat we:"

    private static func activityParagraphs(_ activity: Activity, cycle: ConversationCycle, bullet: String) -> [Paragraph] {
        var paragraphs = [Paragraph(activity.activity, role: .label)]
        if let topic = activity.topic { paragraphs.append(Paragraph("\(activity.topicLabel ?? "Onderwerp"): \(topic)")) }
        if let participants = activity.participants {
            paragraphs.append(Paragraph("\(activity.participantsLabel ?? "Deelnemers"): \(participants)", role: .muted))
        }
        if let middag = cycle.htnoMiddag(for: activity) {
            let place = middag.place.map { ", \($0)" } ?? ""
            paragraphs.append(Paragraph("\(middag.date)\(place) · \(middag.theme)", role: .title))
            if let question = middag.centralQuestion { paragraphs.append(Paragraph("Centrale vraag: “\(question)”", role: .label)) }
            paragraphs += middag.attendance.prefix(1).map { Paragraph("Aanwezig: \($0.text)", prefix: bullet) }
            if !middag.goodPractices.isEmpty {
                paragraphs.append(Paragraph("Good practices:", role: .label))
                paragraphs += middag.goodPractices.map { Paragraph($0.title, prefix: bullet) }
            }
            if !middag.commitments.isEmpty {
                paragraphs.append(Paragraph(commitmentsLabel, role: .label))
                paragraphs += middag.commitments.map { Paragraph($0, prefix: bullet) }
            }
        }
        return paragraphs
    }
}
