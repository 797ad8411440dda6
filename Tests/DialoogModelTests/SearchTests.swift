import Testing
@testable import DialoogModel

@Suite struct SearchTests {
    let dataset: Dataset
    let index: SearchIndex

    init() throws {
        dataset = try DatasetLoader.load(directory: sampleDataURL)
        index = SearchIndex(dataset)
    }

    @Test func findsAcrossGoalsCellsCasesAndMeetings() {
        let targets = index.search("sectortafel").map(\.location)
        #expect(targets.contains(.goalItem(goal: 0, column: .winstRisico, item: 2)))
        #expect(targets.contains(.activity(month: 3, index: 0)))
        // The case in Box 2.3, and the box as the SEO evaluation prints it in its chapter 2.2.
        #expect(index.search("Berlikum").map(\.location) == [.regionalCase(landsdeel: 0, goal: 8, index: 0), .documentPart(document: 3, part: 6)])
        #expect(index.search("Amersfoort").contains { $0.location == .activity(month: 0, index: 0) })
    }

    @Test func ignoresCaseAndAccents() {
        #expect(index.search("buhne").count == 1)
        #expect(index.search("BÜHNE").count == 1)
        #expect(index.search("betaberoepen").count == 3)
        #expect(index.search("bètaberoepen").count == 3)
        let hits = index.search("betatechnisch").map(\.location)
        #expect(hits.first == .techniekpactGoal(goal: 4))
        // The rest are parts of the reports ("bètatechnisch onderwijs", "BETATECHNISCH PROFIEL" in the 2018 report's goal 4).
        #expect(hits.contains(.documentPart(document: 2, part: 4)) && hits.dropFirst().allSatisfy { if case .documentPart = $0 { true } else { false } })
    }

    /// The fast folding (ASCII and a table of Latin letters) gives what Foundation gives, text for text.
    @Test func foldingIsFoundationsForEveryTextOfTheSampleAndTheHardCases() {
        let foundation = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let hard = ["Straße", "İstanbul", "Ĳsselmeer", "Œuvre", "Łódź", "Đakovo", "Ørsted", "ﬁnanciën",
                    "cafe\u{301} naïef", "Ωμέγα", "ＡＢＣ", "mkb-route ✓", "", "\u{0085}x", "ǅ ǈ ǋ Ǳ"]
        let items: [String] = dataset.pilotGoals.flatMap { goal in GoalColumn.allCases.flatMap { goal.items(in: $0).flatMap { [$0.text] + $0.subitems } } }
        let cases: [String] = dataset.techniekpact.boxes.flatMap { box in box.cells.flatMap { Array($0.cases) } }
        let sources: [String] = dataset.documents.flatMap { document in document.parts.flatMap(\.texts) }
        for text in hard + items + cases + sources { #expect(SearchText.fold(text) == foundation(text), "\(text)") }
        #expect(SearchText.fold("Bètasteunpunt ZUID") == "betasteunpunt zuid")
        // Every letter of the table side by side, alone and with a letter that makes Foundation fold it all.
        let latin = String(String.UnicodeScalarView((0x80...0x24F).compactMap(Unicode.Scalar.init)))
        for text in [latin, latin + "Ω", "Ω" + latin] { #expect(SearchText.fold(text) == foundation(text)) }
    }

    @Test func findsTheSourcesPartByPartAndTheMiddagProgramme() {
        let ptvt = dataset.documents[1]
        let careerDays = index.search("Career Days").map(\.location)
        #expect(careerDays.contains(.documentPart(document: 1, part: ptvt.parts.firstIndex { $0.id == "ptvt-2021-jet-net-technet-highlights" }!)))
        let report = dataset.documents[0]
        #expect(index.search("macrodoelmatigheid heo").map(\.location)
            == [.documentPart(document: 0, part: report.parts.firstIndex { $0.id == "h4-macrodoelmatigheid" }!)])
        // Markup of the text version is not searched as such: "[Webinars](#)" is found as "Webinars".
        #expect(!index.search("Webinars").isEmpty && index.search("](#)").isEmpty)
        // The htno-middag's programme from the pamflet is found at its activity in January.
        #expect(index.search("Raimond Bartelink").map(\.location) == [.activity(month: 0, index: 0)])
        #expect(index.search("LLO-katalysator Sweitser").map(\.location).contains(.activity(month: 0, index: 0)))
    }

    @Test func allWordsMustMatch() {
        #expect(index.search("sectortafel juni").allSatisfy { $0.text.lowercased().contains("juni") })
        #expect(index.search("   ").isEmpty)
        #expect(index.search("xyzzy-nergens").isEmpty)
    }
}

@Suite struct SearchBufferTests {
    @Test func matchesStayInsideOneEntry() throws {
        let index = SearchIndex(try DatasetLoader.load(directory: sampleDataURL))
        #expect(index.search("bestoigd onderwijs").map(\.location) == [.goalItem(goal: 5, column: .resultaten, item: 3)])
        #expect(index.search("leerrechtenlobby").isEmpty, "no match across the end of one entry and the start of the next")
        #expect(index.search("leerrechten modulair").isEmpty, "all words must be in the same entry")
        #expect(index.search("wind op zee").map(\.location).contains(.regionalCase(landsdeel: 2, goal: 10, index: 2)))
        #expect(index.search("geïnterviewden").count == index.search("geinterviewden").count)
    }
}

/// Search as you type: each key narrows the hits of the query before it.
@Suite struct NarrowingSearchTests {
    let index = SearchIndex(sampleDataset)

    /// Typing a query key by key, each step narrowing the last, finds what one search of it finds.
    @Test(arguments: ["techniek onderwijs", "htno-middag juni", "Bühne", "sectortafel werkagenda", "regio zuid", "x y"])
    func typingNarrowsToTheSameHits(query: String) {
        var previous: SearchHits?
        for end in query.indices.dropFirst() + [query.endIndex] {
            let typed = String(query[..<end])
            let narrowed = index.hits(for: typed, narrowing: previous)
            #expect(narrowed == index.hits(for: typed), "\(typed)")
            previous = narrowed
        }
    }

    /// The index keeps only locations (as runs) and makes a hit's text again from the data: every hit's
    /// text holds the words searched, so each place maps back to the right location.
    @Test(arguments: ["e", "a", "techniek", "zuid", "doel", "praktijk", "2021"])
    func everyHitIsDescribedFromItsOwnPlace(query: String) {
        let hits = index.search(query)
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(SearchText.fold(hit.text).contains(query), "\(hit.location) \(hit.label)")
        }
        #expect(Set(hits.map(\.location)).count == hits.count, "each place once")
    }

    /// A query that is not an extension of the previous one (a word replaced) is searched in full.
    @Test func aDifferentQueryIsNotNarrowed() {
        let techniek = index.hits(for: "techniek")
        #expect(index.hits(for: "sectortafel", narrowing: techniek) == index.hits(for: "sectortafel"))
        #expect(index.hits(for: "sectortafel").count > 0)
    }

    /// A second word is looked for in the entry's own text only, never in the entry after it.
    @Test func aWordInTheNextEntryDoesNotCount() {
        let entries = [SearchEntry(location: .figure(index: 0), label: "a", text: "alpha"),
                       SearchEntry(location: .figure(index: 1), label: "b", text: "beta")]
        let small = SearchIndex(entries: entries)
        #expect(small.search("alpha beta").isEmpty)
        #expect(small.hits(for: "alpha be", narrowing: small.hits(for: "alpha")).count == 0)
        #expect(small.search("alp").map(\.label) == ["a"] && small.search("ta").map(\.label) == ["b"])
    }

    /// An early search waits for the index being built in the background instead of building another.
    @Test func theIndexIsBuiltOnceWhoeverAsks() async {
        let shared = SharedSearchIndex(sampleDataset)
        shared.buildInBackground()
        async let first = shared.value.search("bühne").count
        async let second = shared.value.search("bühne").count
        let counts = await [first, second]
        #expect(counts == [1, 1] && shared.builds == 1 && shared.isReady)
    }
}

/// Every place that takes notes is named the same by the direct lookup as by the full list.
@Suite struct NoteSubjectNameTests {
    @Test func everyOtherPlaceIsNamedAsTheListNamesIt() throws {
        let dataset = try DatasetLoader.load(directory: sampleDataURL)
        let subjects = dataset.otherNoteSubjects
        #expect(subjects.count > 200)
        let cases = dataset.techniekpact.goals.map { dataset.techniekpact.caseCount(goal: $0.number) }.reduce(0, +)
        #expect(subjects.count == dataset.longTermThemes.count + dataset.regionalExamples.count + dataset.figures.count + dataset.tables.count
                + dataset.documents.map(\.parts.count).reduce(0, +) + cases, "every place has an id and a name")
        #expect(Set(subjects.map(\.id)).count == subjects.count, "no two places share an id")
        for subject in subjects { #expect(dataset.reviewTargetName(subject.id) == subject.name, Comment(rawValue: subject.id)) }
        #expect(dataset.reviewTargetName("overleg-12") == nil)
    }
}
