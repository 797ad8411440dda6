/// What the search finds at each place of the dataset: the texts searched, and a short label saying where.
/// The index keeps only the folded texts; the label and text of a hit are made here when it is shown, so
/// the index is not a second copy of the data (and building it makes no labels).
enum SearchEntryText {
    /// A goal with chapter 3's reflection on its uitgangspunt, when the report has one.
    static func pilotGoal(_ goal: PilotGoal, reflection: AnnualReport.Reflection?) -> [String] {
        [goal.title, goal.uitgangspunt] + (reflection.map { [$0.uitgangspunt] + $0.blocks.map(\.text) } ?? [])
    }

    static func goalItem(_ item: GoalItem) -> [String] {
        [item.text] + item.subitems
    }

    static func theme(_ theme: LongTermTheme) -> [String] {
        [theme.title] + theme.questions.map { "\($0.label)) \($0.text)" }
    }

    static func activity(_ activity: Activity, of cycle: ConversationCycle) -> [String] {
        var texts = [activity.activity, activity.topic, activity.participants].compactMap { $0 }
        if let middag = cycle.htnoMiddag(for: activity) {
            texts += [middag.date, middag.place, middag.theme, middag.centralQuestion].compactMap { $0 }
            texts += (middag.programme ?? []).flatMap(\.texts)
            texts += middag.attendance.map(\.text) + middag.goodPractices.flatMap { [$0.title, $0.text] } + middag.commitments
        }
        return texts
    }

    static func techniekpactGoal(_ goal: TechniekpactGoal) -> [String] {
        [goal.title]
    }

    /// The landsdeel's name is searchable too: "/Zuidoost" lists its cases.
    static func regionalCase(_ name: String, in region: Landsdeel) -> [String] {
        [name, region.name]
    }

    static func example(_ example: RegionalExample) -> [String] {
        [example.name, example.text, example.place]
    }

    static func figure(_ figure: Figure) -> [String] {
        [figure.caption, figure.source] + figure.categories + figure.series.flatMap { [$0.name, $0.label ?? ""] }
            + figure.notes + [figure.text ?? "", figure.missing ?? ""]
    }

    static func table(_ table: SourceTable) -> [String] {
        [table.caption] + table.columns + table.rows.flatMap(\.cells) + table.notes
    }
}
