import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct TextTests {
    @Test func escapeAndControlCharactersAreRemoved() {
        #expect(TerminalSafeText.clean("a\u{1B}[2Jb") == "a[2Jb")
        #expect(TerminalSafeText.clean("x\u{1B}]52;c;aGk=\u{07}y") == "x]52;c;aGk=y")
        #expect(TerminalSafeText.clean("\u{9B}31mrood") == "31mrood")
        #expect(TerminalSafeText.clean("links\u{202E}rechts\u{2066}") == "linksrechts")
        #expect(TerminalSafeText.clean("nul\u{0}byte\u{7F}") == "nulbyte")
        #expect(TerminalSafeText.clean("tab\there") == "tab here")
        #expect(TerminalSafeText.clean("twee\nregels") == "twee regels")
        #expect(TerminalSafeText.clean("twee\nregels", keepNewlines: true) == "twee\nregels")
        #expect(TerminalSafeText.clean("bèta geïnterviewden Bühne") == "bèta geïnterviewden Bühne")
    }

    @Test func frameNeverHoldsControlCharacters() {
        var frame = Frame(width: 40, height: 2)
        frame.write("\u{1B}[31mrood\u{1B}[0m \u{1B}]52;c;ZXZpbA==\u{07}", x: 0, y: 0, role: .normal)
        #expect(frame.lines[0].hasPrefix("[31mrood[0m ]52;c;ZXZpbA=="))
        let scalars = frame.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func columnWidthsOfDutchWideAndCombiningText() {
        #expect(DisplayWidth.of("bèta") == 4)
        #expect(DisplayWidth.of("geïnterviewden") == 14)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("技术") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverHalved() {
        var frame = Frame(width: 5, height: 1)
        frame.write("a技术", x: 0, y: 0, role: .normal)
        #expect(frame.lines[0] == "a技术")
        frame.write("x", x: 2, y: 0, role: .normal)
        #expect(frame.lines[0] == "a x术")
        var narrow = Frame(width: 4, height: 1)
        narrow.write("ab技术", x: 0, y: 0, role: .normal)
        #expect(narrow.lines[0] == "ab技")
        narrow.write("技技", x: 1, y: 0, role: .normal)
        #expect(narrow.lines[0] == "a技 ")
    }

    @Test func combiningMarksJoinTheirBase() {
        var frame = Frame(width: 6, height: 1)
        frame.write("be\u{300}ta", x: 0, y: 0, role: .normal)
        #expect(frame.lines[0] == "be\u{300}ta  ")
        #expect(frame[1, 0].text == "e\u{300}")
    }

    @Test func wordWrapKeepsWordsAndCutsOnlyOverlongOnes() {
        #expect(WordWrap.lines("zoveel mensen zoveel meningen", width: 13) == ["zoveel mensen", "zoveel", "meningen"])
        #expect(WordWrap.lines("domeinvoorzitters zijn akkoord", width: 10) == ["domein-", "voorzit-", "ters zijn", "akkoord"],
                "a word wider than the column is broken where Dutch hyphenation allows")
        #expect(WordWrap.lines("de portefeuillehouder in het bestuur", width: 16) == ["de", "portefeuillehou-", "der in het", "bestuur"],
                "at a syllable (por-te-feuil-le-hou-der), never portefeuilleho- | uder")
        #expect(WordWrap.lines("probleemstelling", width: 14) == ["probleemstel-", "ling"], "never probleemstelli- | ng")
        #expect(WordWrap.lines("Ελληνικάλέξη", width: 6) == ["Ελλην-", "ικάλέ-", "ξη"], "without Dutch patterns: at the last column")
        #expect(WordWrap.lines("leer-werk-trajecten voor iedereen", width: 12) == ["leer-werk-", "trajecten", "voor", "iedereen"])
        #expect(WordWrap.lines("技术技术技术", width: 5) == ["技术", "技术", "技术"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.truncate("Gezamenlijk kansen", width: 10) == "Gezamenli…")
        #expect(WordWrap.truncate("kort", width: 10) == "kort")
    }
}

@Suite struct HyphenWrapTests {
    @Test func longCompoundsBreakAfterAHyphen() {
        #expect(WordWrap.lines("leer-werk-innovatie hubs", width: 12) == ["leer-werk-", "innovatie", "hubs"])
        #expect(WordWrap.lines("hybride leren- werken- innoveren", width: 15) == ["hybride leren-", "werken-", "innoveren"])
        #expect(WordWrap.lines("co-creatie-sessies-met-branches", width: 8) == ["co-", "creatie-", "sessies-", "met-", "branches"])
    }
}

@Suite struct AsciiFallbackTests {
    @Test func everyCellBecomesOnePrintableASCIICharacter() {
        let cells = ["b", "è", "ï", "ü", "É", "“", "–", "…", "•", "─", "┌", "●", "↑", "技", "", "👍", "e\u{301}"]
        #expect(cells.map(AsciiFallback.cell) == ["b", "e", "i", "u", "E", "\"", "-", ".", "*", "-", "+", "+", "^", "?", " ", "?", "e"])
    }
}
