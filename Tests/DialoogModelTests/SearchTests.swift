import Testing
@testable import DialoogModel

@Suite struct SearchTests {
    let index: SearchIndex

    init() throws {
        index = SearchIndex(try DatasetLoader.load(directory: sampleDataURL))
    }

    @Test func findsAcrossGoalsCellsCasesAndMeetings() {
        let targets = index.search("sectortafel").map(\.location)
        #expect(targets.contains(.goalItem(goal: 0, column: .winstRisico, item: 2)))
        #expect(targets.contains(.activity(month: 3, index: 0)))
        #expect(index.search("Berlikum").map(\.location) == [.regionalCase(landsdeel: 0, goal: 8, index: 0)])
        #expect(index.search("Amersfoort").contains { $0.location == .activity(month: 0, index: 0) })
    }

    @Test func ignoresCaseAndAccents() {
        #expect(index.search("buhne").count == 1)
        #expect(index.search("BÜHNE").count == 1)
        #expect(index.search("betaberoepen").count == 2)
        #expect(index.search("bètaberoepen").count == 2)
        #expect(index.search("betatechnisch").map(\.location) == [.techniekpactGoal(goal: 4)])
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
