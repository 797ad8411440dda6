/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl plus a letter, lower case (`.control("l")` for Ctrl-L).
    case control(Character)
    case resize
}
