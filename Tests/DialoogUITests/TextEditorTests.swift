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

/// Bracketed paste: the text arrives whole and is inserted as one edit; it is never taken for keys.
@Suite struct PasteTests {
    @Test func aPasteIsInsertedWholeAtTheCursorWithItsLineBreaks() {
        var editor = TextEditor("begin eind", multiline: true)
        for _ in 0..<4 { _ = editor.handle(.left) }
        editor.insert("één\r\ntwee\nd\u{1B}[2Jrie ")
        #expect(editor.text == "begin één\ntwee\nd[2Jrie eind", "line breaks kept, CRLF as one, the escape dropped as when typed")
        #expect(editor.row == 2 && editor.column == 8, "the cursor after the pasted text")
        var line = TextEditor("naam: ", multiline: false)
        line.insert("regel een\nregel twee")
        #expect(line.text == "naam: regel een regel twee", "a one-line field takes line breaks as spaces")
    }

    @Test func aLongPasteIsOneEditInAFormAndKeptAsADraft() throws {
        let text = (0..<1_600).map { "woord\($0 % 10)" }.joined(separator: " ")  // about 11,000 characters
        var app = try makeReviewApp()
        app.type("\nla")
        app.handle(.paste(text + "\nq"))
        #expect(app.openForm?.texts == [text + "\nq"], "all of it, and the pasted q typed no command")
        #expect(app.isRunning)
        app.handle(.control("d"))
        #expect(app.review.notes.map(\.text) == [text + "\nq"])
    }

    @Test func aPasteOutsideATextFieldRunsNoCommand() {
        var app = App(dataset: sampleData, glyphs: .unicode)
        app.resize(width: 80, height: 24)
        app.handle(.paste("q"))
        #expect(app.isRunning && app.statusMessage == "Plakken kan alleen in een tekstveld (a opent een notitie)")
        app.type("/")
        app.handle(.paste("sectortafel\n"))
        #expect(app.render().lines[23].contains("sectortafel "), "in the search prompt it is typed, the line break as a space")
    }
}
