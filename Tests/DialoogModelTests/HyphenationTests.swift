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

    @Test func aWordOutsideLatin1OrWithoutLettersHasNoBreaks() {
        #expect(DutchHyphenation.breakOffsets(in: "Ελληνικά").isEmpty)
        #expect(DutchHyphenation.breakOffsets(in: "2023-2024").isEmpty)
    }
}
