import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct TextEditorTests {
    @Test func typingMovingAndDeletingWithUTF8() {
        var editor = TextEditor(multiline: true)
        for character in "geïnterviewden" { _ = editor.handle(.character(character)) }
        _ = editor.handle(.home)
        _ = editor.handle(.delete)
        _ = editor.handle(.character("G"))
        _ = editor.handle(.end)
        _ = editor.handle(.enter)
        for character in "技术 ok" { _ = editor.handle(.character(character)) }
        #expect(editor.text == "Geïnterviewden\n技术 ok")
        _ = editor.handle(.home)
        _ = editor.handle(.backspace)
        #expect(editor.text == "Geïnterviewden技术 ok", "backspace at the start of a line joins it to the one above")
        _ = editor.handle(.control("k"))
        #expect(editor.text == "Geïnterviewden")
        _ = editor.handle(.control("u"))
        #expect(editor.text == "")
    }

    @Test func upAndDownKeepTheColumnWhereTheyCan() {
        var editor = TextEditor("lange eerste regel\nkort", multiline: true)
        #expect((editor.row, editor.column) == (1, 4))
        _ = editor.handle(.up)
        #expect((editor.row, editor.column) == (0, 4))
        _ = editor.handle(.end)
        _ = editor.handle(.down)
        #expect((editor.row, editor.column) == (1, 4))
    }

    @Test func aOneLineEditorRefusesNewlinesAndControlCharacters() {
        var editor = TextEditor("a\nb", multiline: false)
        #expect(editor.text == "a b")
        let tookEnter = editor.handle(.enter)
        #expect(!tookEnter)
        _ = editor.handle(.character("\u{1B}"))
        _ = editor.handle(.character("\u{202E}"))
        #expect(editor.text == "a b")
    }

    @Test func layoutBreaksLongLinesAndPlacesTheCursor() {
        var editor = TextEditor("abcdefghij", multiline: true)
        var (rows, cursor) = editor.layout(width: 4)
        #expect(rows == ["abcd", "efgh", "ij"])
        #expect(cursor == Point(x: 2, y: 2))
        _ = editor.handle(.home)
        (rows, cursor) = editor.layout(width: 4)
        #expect(cursor == Point(x: 0, y: 0))
        let wide = TextEditor("技术技", multiline: true)
        (rows, cursor) = wide.layout(width: 4)
        #expect(rows == ["技术", "技"])
        #expect(cursor == Point(x: 2, y: 1))
        let full = TextEditor("abcd", multiline: true)
        (rows, cursor) = full.layout(width: 4)
        #expect(rows == ["abcd", ""])
        #expect(cursor == Point(x: 0, y: 1))
    }

    @Test func dueDates() {
        #expect(DueDate.isValid("2024-03-31"))
        #expect(DueDate.isValid("2024-02-29"))
        #expect(!DueDate.isValid("2023-02-29"))
        #expect(!DueDate.isValid("2024-04-31"))
        #expect(!DueDate.isValid("31-03-2024"))
        #expect(DueDate.parse("31-03-2024") == "2024-03-31" && DueDate.parse("1-4-2024") == "2024-04-01")
        #expect(DueDate.parse("2024-03-31") == "2024-03-31" && DueDate.parse("31/03/2024") == "2024-03-31")
        #expect(DueDate.parse("31-02-2024") == nil && DueDate.parse("morgen") == nil && DueDate.parse("31-2-24") == nil)
        #expect(DueDate.parse("15-1-24") == "2024-01-15" && DueDate.parse("1-2-27") == "2027-02-01", "two-digit years, as the office writes them")
        #expect(DueDate.parse("24-1-15") == "2015-01-24" && DueDate.parse("2024-1-150") == nil)
        #expect(!DueDate.isValid("2024-3-1"))
    }
}

@Suite struct EditorWrapTests {
    @Test func rowsBreakAtSpacesAndTheCursorFollows() {
        let editor = TextEditor("Deelnemerslijsten van meerdere sectortafels afbreken", multiline: true)
        let (rows, cursor) = editor.layout(width: 20)
        #expect(rows == ["Deelnemerslijsten ", "van meerdere ", "sectortafels ", "afbreken"])
        #expect(cursor == Point(x: 8, y: 3))
    }

    /// The property the issue asks for: no row ends inside a word unless that word is wider than the row.
    @Test(arguments: [8, 11, 17, 23, 40])
    func noRowEndsMidWord(width: Int) {
        let texts: [String] = sampleData.pilotGoals.flatMap { goal in GoalColumn.allCases.flatMap { goal.items(in: $0).map { $0.text } } }
        let text = texts.joined(separator: " ")
        let line = Array(text)
        let ranges = TextEditor.rowRanges(line, width: width)
        #expect(ranges.map(\.count).reduce(0, +) == line.count, "nothing is lost")
        for range in ranges.dropLast() where range.upperBound < line.count {
            let endsAtSpace = line[range.upperBound - 1] == " " || line[range.upperBound] == " "
            let wordStart = line[..<range.upperBound].lastIndex(of: " ").map { $0 + 1 } ?? 0
            let wordEnd = line[range.upperBound...].firstIndex(of: " ") ?? line.count
            #expect(endsAtSpace || wordEnd - wordStart > width, "row \(range) ends inside a word that would fit")
        }
        for wrapped in WordWrap.lines(text, width: width) {
            #expect(DisplayWidth.of(wrapped) <= width)
        }
    }
}
