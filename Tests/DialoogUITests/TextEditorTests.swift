import Testing
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
        #expect(!DueDate.isValid("2024-3-1"))
    }
}
