import CNCurses
import Testing
import DialoogUI
@testable import NCursesBackend

/// How ncurses' key codes become keys; needs no terminal.
@Suite struct KeyMappingTests {
    @Test func functionKeys() {
        #expect(Terminal.functionKey(KEY_UP) == .up)
        #expect(Terminal.functionKey(KEY_NPAGE) == .pageDown)
        #expect(Terminal.functionKey(KEY_BTAB) == .backTab)
        #expect(Terminal.functionKey(KEY_RESIZE) == .resize)
        #expect(Terminal.functionKey(KEY_BACKSPACE) == .backspace)
        #expect(Terminal.functionKey(KEY_F0 + 1) == .function(1))
        #expect(Terminal.functionKey(KEY_F0 + 12) == .function(12))
        #expect(Terminal.functionKey(KEY_F0 + 13) == nil, "F13 and up: no key of ours")
        #expect(Terminal.functionKey(KEY_IC) == .insert)
    }

    @Test func characters() {
        #expect(Terminal.characterKey(13) == .enter)
        #expect(Terminal.characterKey(10) == .enter)
        #expect(Terminal.characterKey(27) == .escape)
        #expect(Terminal.characterKey(127) == .backspace)
        #expect(Terminal.characterKey(9) == .tab)
        #expect(Terminal.characterKey(12) == .control("l"))
        #expect(Terminal.characterKey(0x6A) == .character("j"))
        #expect(Terminal.characterKey(0xE8) == .character("è"))
        #expect(Terminal.characterKey(0x9B) == nil, "a C1 control never becomes input")
        #expect(Terminal.characterKey(0x202E) == nil, "a bidi override never becomes input")
    }
}
