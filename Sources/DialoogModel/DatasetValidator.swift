/// Checks what decoding cannot: numbering, unique ids, references and complete region x goal grids.
enum DatasetValidator {
    static func validate(_ dataset: Dataset) throws(DataError) {
        try validatePilotGoals(dataset.pilotGoals)
        try validateThemes(dataset.longTermThemes)
        try validateCycle(dataset.cycle)
        try validateTechniekpact(dataset.techniekpact)
        try validateExamples(dataset.regionalExamples, goals: Set(dataset.techniekpact.goals.map(\.number)))
    }

    private static func validatePilotGoals(_ goals: [PilotGoal]) throws(DataError) {
        let file = DataFile.pilotGoals.rawValue
        try requireNumbered(goals.map(\.number), from: 1, file: file, path: "goals", what: "goal")
        var seen = Set<String>()
        for (goalIndex, goal) in goals.enumerated() {
            try requireText(goal.title, file: file, path: "goals[\(goalIndex)].title")
            for column in GoalColumn.allCases {
                for (itemIndex, item) in goal.items(in: column).enumerated() {
                    let path = "goals[\(goalIndex)].\(column.title)[\(itemIndex)]"
                    try requireText(item.text, file: file, path: path + ".text")
                    guard seen.insert(item.id).inserted else {
                        throw DataError(file: file, path: path + ".id", message: "duplicate id '\(item.id)'")
                    }
                }
            }
        }
    }

    private static func validateThemes(_ themes: [LongTermTheme]) throws(DataError) {
        try requireNumbered(themes.map(\.number), from: 1, file: DataFile.longTermThemes.rawValue, path: "themes", what: "theme")
    }

    private static func validateCycle(_ cycle: ConversationCycle) throws(DataError) {
        let file = DataFile.conversationCycle.rawValue
        guard cycle.months.map(\.month) == Array(1...12) else {
            throw DataError(file: file, path: "months", message: "expected the months 1 to 12 once each, in order; found \(cycle.months.map(\.month))")
        }
        let activityIds = cycle.months.flatMap { $0.activities.map(\.id) }
        if let duplicate = firstDuplicate(activityIds) {
            throw DataError(file: file, path: "months", message: "duplicate activity id '\(duplicate)'")
        }
        for (index, middag) in cycle.htnoMiddagen.enumerated() where !activityIds.contains(middag.activityId) {
            throw DataError(file: file, path: "htnoMiddagen[\(index)].activityId", message: "no activity with id '\(middag.activityId)'")
        }
    }

    private static func validateTechniekpact(_ pact: Techniekpact) throws(DataError) {
        let file = DataFile.regions.rawValue
        try requireNumbered(pact.goals.map(\.number), from: 1, file: file, path: "goals", what: "goal")
        let regionIds = pact.landsdelen.map(\.id)
        if let duplicate = firstDuplicate(regionIds) {
            throw DataError(file: file, path: "landsdelen", message: "duplicate landsdeel id '\(duplicate)'")
        }
        if let duplicate = firstDuplicate(pact.boxes.flatMap(\.goals)) {
            throw DataError(file: file, path: "boxes", message: "goal \(duplicate) is in more than one box")
        }
        for (boxIndex, box) in pact.boxes.enumerated() {
            try validate(box, at: "boxes[\(boxIndex)]", regionIds: regionIds, goals: Set(pact.goals.map(\.number)), file: file)
        }
    }

    private static func validate(_ box: CaseBox, at path: String, regionIds: [String], goals: Set<Int>, file: String) throws(DataError) {
        for goal in box.goals where !goals.contains(goal) {
            throw DataError(file: file, path: path + ".goals", message: "unknown goal \(goal)")
        }
        for region in box.notInBox where !regionIds.contains(region) {
            throw DataError(file: file, path: path + ".notInBox", message: "unknown landsdeel '\(region)'")
        }
        var covered = Set<String>()
        for (index, cell) in box.cells.enumerated() {
            let cellPath = "\(path).cells[\(index)]"
            guard regionIds.contains(cell.landsdeel), !box.notInBox.contains(cell.landsdeel) else {
                throw DataError(file: file, path: cellPath + ".landsdeel", message: "landsdeel '\(cell.landsdeel)' is unknown or listed under notInBox")
            }
            guard box.goals.contains(cell.goal) else {
                throw DataError(file: file, path: cellPath + ".goal", message: "goal \(cell.goal) is not a goal of \(box.id)")
            }
            guard covered.insert("\(cell.landsdeel)/\(cell.goal)").inserted else {
                throw DataError(file: file, path: cellPath, message: "second cell for \(cell.landsdeel) and goal \(cell.goal)")
            }
            guard cell.noCasesAvailable == cell.cases.isEmpty else {
                let message = cell.noCasesAvailable
                    ? "noCasesAvailable is true but the cell lists cases"
                    : "no cases listed: give cases or noCasesAvailable: true"
                throw DataError(file: file, path: cellPath, message: message)
            }
            for (caseIndex, name) in cell.cases.enumerated() {
                try requireText(name, file: file, path: "\(cellPath).cases[\(caseIndex)]")
            }
        }
        for region in regionIds where !box.notInBox.contains(region) {
            for goal in box.goals where !covered.contains("\(region)/\(goal)") {
                throw DataError(file: file, path: path + ".cells", message: "no cell for landsdeel '\(region)' and goal \(goal) (list it under notInBox if the source has none)")
            }
        }
    }

    private static func validateExamples(_ examples: [RegionalExample], goals: Set<Int>) throws(DataError) {
        let file = DataFile.regionalExamples.rawValue
        if let duplicate = firstDuplicate(examples.map(\.id)) {
            throw DataError(file: file, path: "examples", message: "duplicate id '\(duplicate)'")
        }
        for (index, example) in examples.enumerated() where !goals.contains(example.goal) {
            throw DataError(file: file, path: "examples[\(index)].goal", message: "unknown Techniekpact goal \(example.goal)")
        }
    }

    private static func requireNumbered(_ numbers: [Int], from first: Int, file: String, path: String, what: String) throws(DataError) {
        let expected = Array(first..<(first + numbers.count))
        guard !numbers.isEmpty, numbers == expected else {
            throw DataError(file: file, path: path, message: "expected \(what)s numbered \(first), \(first + 1), ... in order; found \(numbers)")
        }
    }

    private static func requireText(_ text: String, file: String, path: String) throws(DataError) {
        if text.allSatisfy(\.isWhitespace) {
            throw DataError(file: file, path: path, message: "empty text")
        }
    }

    private static func firstDuplicate<T: Hashable>(_ values: [T]) -> T? {
        var seen = Set<T>()
        return values.first { !seen.insert($0).inserted }
    }
}
