import Foundation

/// "Plan jaar 2025 zoals 2023": the meetings of the source's cycle as the opzet of a later year — each
/// month's sectortafels, sac vergaderingen and htno-middagen, the 2023 themes as placeholders to edit.
public enum MeetingPlan {
    /// The meetings of `year` after `cycle`'s pattern; each remembers the activity it copies, so a second
    /// run adds nothing (`ReviewEdit.addMeetings`). An htno-middag keeps its 2023 day of the month, the
    /// others are put on the 15th until the secretariat sets the date.
    public static func meetings(in year: Int, like cycle: ConversationCycle) -> [Meeting] {
        cycle.months.flatMap { month in
            month.activities.filter(\.kind.isMeeting).map { activity in
                let middagDay = cycle.htnoMiddag(for: activity).flatMap { Int($0.date.split(separator: " ").first ?? "") }
                let day = String(format: "%04d-%02d-%02d", year, month.month, min(middagDay ?? 15, 28))
                return Meeting(kind: kindName(activity.kind), date: day,
                               topic: activity.topic.map { "(zoals \(cycle.year): \($0))" }, participants: activity.participants,
                               plannedFrom: activity.id)
            }
        }
    }

    /// "sac vergadering", as people write the kind.
    static func kindName(_ kind: Activity.Kind) -> String { kind.rawValue.replacingOccurrences(of: "-vergadering", with: " vergadering") }
}
