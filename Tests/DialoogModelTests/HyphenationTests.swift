import Testing
import DutchHyphenation

/// Dutch words break where Dutch hyphenation allows (hyphen-nl through libhyphen), not at a column.
@Suite struct HyphenationTests {
    @Test func theDutchPatternsAreThere() {
        #expect(DutchHyphenation.isAvailable, "scripts/setup installs hyphen-nl (/usr/share/hyphen/hyph_nl_NL.dic)")
    }

    @Test(arguments: [("portefeuillehouder", "por-te-feuil-le-hou-der"), ("probleemstelling", "pro-bleem-stel-ling"),
                      ("domeinvoorzitters", "do-mein-voor-zit-ters"), ("bèta", "bè-ta"), ("werkveldcommissies.", "werk-veld-com-mis-sies.")])
    func wordsBreakAtTheirSyllables(word: String, expected: String) {
        var marked = ""
        let offsets = Set(DutchHyphenation.breakOffsets(in: word))
        for (index, character) in word.enumerated() {
            if offsets.contains(index) { marked += "-" }
            marked.append(character)
        }
        #expect(marked == expected)
    }

    /// Hostile data: a 100,000-letter "word" is no Dutch word (and is not handed to libhyphen at all).
    @Test func anEndlessWordHasNoBreaksAndManyWordsAtOnceAreSafe() async {
        #expect(DutchHyphenation.breakOffsets(in: String(repeating: "x", count: 100_000)).isEmpty)
        await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<64 { group.addTask { DutchHyphenation.breakOffsets(in: "gezamenlijkeverantwoordelijkheid") } }
            for await offsets in group { #expect(offsets == DutchHyphenation.breakOffsets(in: "gezamenlijkeverantwoordelijkheid")) }
        }
    }

    @Test func aWordOutsideLatin1OrWithoutLettersHasNoBreaks() {
        #expect(DutchHyphenation.breakOffsets(in: "Ελληνικά").isEmpty)
        #expect(DutchHyphenation.breakOffsets(in: "2023-2024").isEmpty)
    }
}
