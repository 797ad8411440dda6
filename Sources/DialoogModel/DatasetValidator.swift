/// Checks what decoding cannot: numbering, unique ids, references and complete region x goal grids.
enum DatasetValidator {
    static func validate(_ dataset: Dataset) throws(DataError) {
        try validatePilotGoals(dataset.pilotGoals)
        try validateThemes(dataset.longTermThemes)
        try validateCycle(dataset.cycle)
        try validateTechniekpact(dataset.techniekpact)
        try validateExamples(dataset.regionalExamples, pact: dataset.techniekpact)
        try validateFigures(dataset.figures)
        try validateAnnualReport(dataset.annualReport, goals: Set(dataset.pilotGoals.map(\.id)))
        for table in dataset.tables {
            for (index, row) in table.rows.enumerated() where row.cells.count != table.columns.count {
                throw DataError(file: DataFile.kiezenVoorTechnologie.rawValue, path: "table.rows[\(index)].cells",
                                message: "\(row.cells.count) cellen voor \(table.columns.count) kolommen (een lege cel is \"\")")
            }
        }
    }

    /// Every reflection belongs to a pilot goal that exists.
    private static func validateAnnualReport(_ report: AnnualReport, goals: Set<String>) throws(DataError) {
        for (chapterIndex, chapter) in report.chapters.enumerated() {
            for (index, reflection) in (chapter.reflections ?? []).enumerated() where !goals.contains(reflection.goal) {
                throw DataError(file: DataFile.annualReport.rawValue, path: "chapters[\(chapterIndex)].reflections[\(index)].goal",
                                message: "geen pilotdoel '\(reflection.goal)' (bekend: \(goals.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// Ids unique over sections and programmes, every section titled, table rows as wide as the columns,
    /// inhoud levels 1-3 and every stated figure with a value and a unit.
    static func validate(_ report: PTvTReportFile) throws(DataError) {
        let file = DataFile.ptvtReport.rawValue
        guard !report.sections.isEmpty else { throw DataError(file: file, path: "sections", message: "geen secties") }
        let ids = report.sections.flatMap { [$0.id] + ($0.programmes ?? []).map(\.id) }
        if let duplicate = firstDuplicate(ids) {
            throw DataError(file: file, path: "sections", message: "dubbele id '\(duplicate)'")
        }
        for (index, section) in report.sections.enumerated() {
            let path = "sections[\(index)]"
            try requireText(section.title, file: file, path: path + ".title")
            for (row, cells) in (section.table?.rows ?? []).enumerated() where cells.count != section.table?.columns.count {
                throw DataError(file: file, path: "\(path).table.rows[\(row)]",
                                message: "\(cells.count) cellen voor \(section.table?.columns.count ?? 0) kolommen")
            }
            for (entry, item) in (section.entries ?? []).enumerated() where !(1...3).contains(item.level) {
                throw DataError(file: file, path: "\(path).entries[\(entry)].level", message: "niveau \(item.level); verwacht 1, 2 of 3")
            }
            let figures = (section.figures ?? []).map { (path + ".figures", $0) }
                + (section.programmes ?? []).enumerated().flatMap { number, programme in
                    (programme.figures ?? []).map { ("\(path).programmes[\(number)].figures", $0) }
                }
            for (figurePath, figure) in figures {
                try requireText(figure.value, file: file, path: figurePath + ".value")
                try requireText(figure.unit, file: file, path: figurePath + ".unit")
            }
        }
    }

    /// Ids unique, every part named (a printed title or our label) at level 0 or 1, every block with words, and
    /// every file that holds words left out one of the data files.
    static func validate(_ text: SourceTextFile, file: DataFile) throws(DataError) {
        let name = file.rawValue
        guard !text.parts.isEmpty else { throw DataError(file: name, path: "parts", message: "geen delen") }
        if let duplicate = firstDuplicate(text.parts.map(\.id)) {
            throw DataError(file: name, path: "parts", message: "dubbele id '\(duplicate)'")
        }
        for (index, part) in text.parts.enumerated() {
            let path = "parts[\(index)]"
            try requireText(part.shownTitle, file: name, path: path + ".title")
            guard (0...1).contains(part.level) else {
                throw DataError(file: name, path: path + ".level", message: "niveau \(part.level); verwacht 0 (hoofdstuk) of 1 (deel ervan)")
            }
            for (number, block) in part.blocks.enumerated() {
                let blockPath = "\(path).blocks[\(number)]"
                try requireText(block.block.text, file: name, path: blockPath)
                if case .elsewhere(_, let held) = block, DataFile(rawValue: held) == nil {
                    throw DataError(file: name, path: blockPath + ".file",
                                    message: "geen databestand '\(held)' (bekend: \(DataFile.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
        }
    }

    /// Every series has a value (or null) per category, every printed value holds a number, ids are unique.
    private static func validateFigures(_ figures: [Figure]) throws(DataError) {
        let file = DataFile.figures.rawValue
        if let duplicate = firstDuplicate(figures.map(\.id)) {
            throw DataError(file: file, path: "figures", message: "dubbele id '\(duplicate)'")
        }
        for (figureIndex, figure) in figures.enumerated() {
            let path = "figures[\(figureIndex)]"
            try requireText(figure.unit, file: file, path: path + ".unit")
            guard !figure.categories.isEmpty, !figure.series.isEmpty else {
                throw DataError(file: file, path: path, message: "een figuur heeft minstens één categorie en één reeks nodig")
            }
            for (seriesIndex, series) in figure.series.enumerated() {
                let seriesPath = "\(path).series[\(seriesIndex)]"
                guard series.values.count == figure.categories.count else {
                    throw DataError(file: file, path: seriesPath + ".values",
                                    message: "\(series.values.count) waarden voor \(figure.categories.count) categorieën (een ontbrekend cijfer is null)")
                }
                for (valueIndex, value) in series.values.enumerated() where value != nil && series.number(at: valueIndex) == nil {
                    throw DataError(file: file, path: "\(seriesPath).values[\(valueIndex)]", message: "'\(value!)' is geen getal (ontbrekend: null)")
                }
            }
        }
    }

    private static func validatePilotGoals(_ goals: [PilotGoal]) throws(DataError) {
        let file = DataFile.pilotGoals.rawValue
        try requireNumbered(goals.map(\.number), from: 1, file: file, path: "goals", what: "doelen")
        var seen = Set<String>()
        for (goalIndex, goal) in goals.enumerated() {
            try requireText(goal.title, file: file, path: "goals[\(goalIndex)].title")
            for column in GoalColumn.allCases {
                for (itemIndex, item) in goal.items(in: column).enumerated() {
                    let path = "goals[\(goalIndex)].\(column.title)[\(itemIndex)]"
                    try requireText(item.text, file: file, path: path + ".text")
                    guard seen.insert(item.id).inserted else {
                        throw DataError(file: file, path: path + ".id", message: "dubbele id '\(item.id)'")
                    }
                }
            }
        }
    }

    private static func validateThemes(_ themes: [LongTermTheme]) throws(DataError) {
        try requireNumbered(themes.map(\.number), from: 1, file: DataFile.longTermThemes.rawValue, path: "themes", what: "thema's")
    }

    private static func validateCycle(_ cycle: ConversationCycle) throws(DataError) {
        let file = DataFile.conversationCycle.rawValue
        guard cycle.months.map(\.month) == Array(1...12) else {
            throw DataError(file: file, path: "months", message: "verwacht de maanden 1 tot en met 12, elk één keer en op volgorde; gevonden \(cycle.months.map(\.month))")
        }
        let activityIds = cycle.months.flatMap { $0.activities.map(\.id) }
        if let duplicate = firstDuplicate(activityIds) {
            throw DataError(file: file, path: "months", message: "dubbele activiteit-id '\(duplicate)'")
        }
        for (index, middag) in cycle.htnoMiddagen.enumerated() where !activityIds.contains(middag.activityId) {
            throw DataError(file: file, path: "htnoMiddagen[\(index)].activityId", message: "geen activiteit met id '\(middag.activityId)'")
        }
    }

    private static func validateTechniekpact(_ pact: Techniekpact) throws(DataError) {
        let file = DataFile.regions.rawValue
        try requireNumbered(pact.goals.map(\.number), from: 1, file: file, path: "goals", what: "doelen")
        let regionIds = pact.landsdelen.map(\.id)
        if let duplicate = firstDuplicate(regionIds) {
            throw DataError(file: file, path: "landsdelen", message: "dubbele landsdeel-id '\(duplicate)'")
        }
        if let duplicate = firstDuplicate(pact.boxes.flatMap(\.goals)) {
            throw DataError(file: file, path: "boxes", message: "doel \(duplicate) staat in meer dan één box")
        }
        for (boxIndex, box) in pact.boxes.enumerated() {
            try validate(box, at: "boxes[\(boxIndex)]", regionIds: regionIds, goals: Set(pact.goals.map(\.number)), file: file)
        }
    }

    private static func validate(_ box: CaseBox, at path: String, regionIds: [String], goals: Set<Int>, file: String) throws(DataError) {
        for goal in box.goals where !goals.contains(goal) {
            throw DataError(file: file, path: path + ".goals", message: "onbekend doel \(goal)")
        }
        for region in box.notInBox where !regionIds.contains(region) {
            throw DataError(file: file, path: path + ".notInBox", message: "onbekend landsdeel '\(region)'")
        }
        var covered = Set<String>()
        for (index, cell) in box.cells.enumerated() {
            let cellPath = "\(path).cells[\(index)]"
            guard regionIds.contains(cell.landsdeel), !box.notInBox.contains(cell.landsdeel) else {
                throw DataError(file: file, path: cellPath + ".landsdeel", message: "landsdeel '\(cell.landsdeel)' is onbekend of staat onder notInBox")
            }
            guard box.goals.contains(cell.goal) else {
                throw DataError(file: file, path: cellPath + ".goal", message: "doel \(cell.goal) is geen doel van \(box.id)")
            }
            guard covered.insert("\(cell.landsdeel)/\(cell.goal)").inserted else {
                throw DataError(file: file, path: cellPath, message: "tweede cel voor \(cell.landsdeel) en doel \(cell.goal)")
            }
            guard cell.noCasesAvailable == cell.cases.isEmpty else {
                let message = cell.noCasesAvailable
                    ? "noCasesAvailable is true maar de cel noemt cases"
                    : "geen cases genoemd: geef cases of noCasesAvailable: true"
                throw DataError(file: file, path: cellPath, message: message)
            }
            for caseIndex in cell.cases.indices {
                try requireText(cell.cases.utf8(at: caseIndex), file: file, path: "\(cellPath).cases[\(caseIndex)]")
            }
        }
        for region in regionIds where !box.notInBox.contains(region) {
            for goal in box.goals where !covered.contains("\(region)/\(goal)") {
                throw DataError(file: file, path: path + ".cells", message: "geen cel voor landsdeel '\(region)' en doel \(goal) (zet het onder notInBox als de bron er geen heeft)")
            }
        }
    }

    private static func validateExamples(_ examples: [RegionalExample], pact: Techniekpact) throws(DataError) {
        let file = DataFile.regionalExamples.rawValue
        if let duplicate = firstDuplicate(examples.map(\.id)) {
            throw DataError(file: file, path: "examples", message: "dubbele id '\(duplicate)'")
        }
        let goals = Set(pact.goals.map(\.number))
        for (index, example) in examples.enumerated() where !goals.contains(example.goal) {
            throw DataError(file: file, path: "examples[\(index)].goal", message: "onbekend Techniekpact-doel \(example.goal)")
        }
        // Only the few cases the examples name are looked for, not a set of every case (millions in a large set).
        let named = Array(Set(examples.compactMap(\.seoCase)))
        var found = Set<String>()
        for box in pact.boxes {
            for cell in box.cells { found.formUnion(named.filter { cell.cases.contains(name: $0) }) }
        }
        for (index, example) in examples.enumerated() {
            // Not found byte for byte: the same name in another Unicode form (é as e and ´) is still that case,
            // as it is to the app; only then every name is compared as a String.
            if let seoCase = example.seoCase, !found.contains(seoCase),
               !pact.boxes.contains(where: { $0.cells.contains { $0.cases.contains(seoCase) } }) {
                throw DataError(file: file, path: "examples[\(index)].seoCase", message: "geen case '\(seoCase)' in regions.yaml")
            }
        }
    }

    private static func requireNumbered(_ numbers: [Int], from first: Int, file: String, path: String, what: String) throws(DataError) {
        let expected = Array(first..<(first + numbers.count))
        guard !numbers.isEmpty, numbers == expected else {
            throw DataError(file: file, path: path, message: "verwacht \(what) genummerd \(first), \(first + 1), ... op volgorde; gevonden \(numbers)")
        }
    }

    /// The path is made only for an error: a large set checks millions of texts.
    private static func requireText(_ text: String, file: String, path: @autoclosure () -> String) throws(DataError) {
        try requireText(text.utf8, file: file, path: path())
    }

    /// The same for text kept as UTF-8 (the packed case names), read without making a String.
    private static func requireText(_ utf8: some Collection<UInt8>, file: String, path: @autoclosure () -> String) throws(DataError) {
        if isBlank(utf8) { throw DataError(file: file, path: path(), message: "lege tekst") }
    }

    /// Empty or only whitespace. Most texts start with a visible ASCII character; only the others need
    /// Unicode's whitespace table.
    static func isBlank(_ utf8: some Collection<UInt8>) -> Bool {
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return String(decoding: utf8, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func firstDuplicate<T: Hashable>(_ values: [T]) -> T? {
        var seen = Set<T>()
        return values.first { !seen.insert($0).inserted }
    }
}
