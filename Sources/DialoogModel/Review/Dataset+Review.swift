import Foundation

extension Dataset {
    /// Every id review data may refer to: goals, goal items and activities.
    public var reviewableIds: Set<String> {
        var ids = Set(pilotGoals.map(\.id))
        for goal in pilotGoals {
            for column in GoalColumn.allCases { ids.formUnion(goal.items(in: column).map(\.id)) }
        }
        ids.formUnion(cycle.months.flatMap { $0.activities.map(\.id) })
        ids.formUnion(otherNoteSubjects.map(\.id))
        return ids
    }

    /// The goal item with this id and where it is.
    public func goalItem(id: String) -> (goal: Int, column: GoalColumn, item: Int)? {
        itemPlaces.place(of: id, in: pilotGoals)
    }

    /// What an action serves, as people name it: "Doel 4" or "Doel 4 · Indicatoren 1"; nil for an unknown id.
    public func reviewTargetName(_ id: String) -> String? {
        if let goal = pilotGoals.first(where: { $0.id == id }) { return "Doel \(goal.number)" }
        guard let place = goalItem(id: id) else { return otherSubjectName(id) }
        return "Doel \(pilotGoals[place.goal].number) · \(place.column.title) \(place.item + 1)"
    }

    /// A meeting as people name it: "Sectortafel november 2023"; nil for an unknown id.
    public func meetingName(_ activityId: String) -> String? {
        guard let place = activity(id: activityId) else { return nil }
        return "\(cycle.months[place.month].activities[place.index].activity) \(DutchMonth.name(place.month + 1)) \(cycle.year)"
    }

    /// The activity with this id and where it is in the cycle.
    public func activity(id: String) -> (month: Int, index: Int)? {
        for (monthIndex, month) in cycle.months.enumerated() {
            if let index = month.activities.firstIndex(where: { $0.id == id }) { return (monthIndex, index) }
        }
        return nil
    }
}

/// The place of every goal item by its id, made on first use and anew whenever the table changes
/// (`Dataset.pilotGoals`). Equal whatever it holds, so two datasets compare by their data.
final class GoalItemPlaces: @unchecked Sendable, Equatable {
    private let lock = NSLock()
    private var places: [String: (goal: Int, column: GoalColumn, item: Int)]?

    func place(of id: String, in goals: [PilotGoal]) -> (goal: Int, column: GoalColumn, item: Int)? {
        lock.withLock {
            if places == nil {
                var all: [String: (goal: Int, column: GoalColumn, item: Int)] = [:]
                for (goalIndex, goal) in goals.enumerated() {
                    for column in GoalColumn.allCases {
                        for (index, item) in goal.items(in: column).enumerated() where all[item.id] == nil { all[item.id] = (goalIndex, column, index) }
                    }
                }
                places = all
            }
            return places?[id]
        }
    }

    static func == (left: GoalItemPlaces, right: GoalItemPlaces) -> Bool { true }
}
