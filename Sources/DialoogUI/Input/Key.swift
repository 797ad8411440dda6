/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    /// F1 to F12.
    case function(Int)
    /// Ctrl plus a letter, lower case (`.control("l")` for Ctrl-L).
    case control(Character)
    case resize
    /// A click, double click or wheel turn at a cell (SGR 1006 mouse reports, decoded by ncurses).
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste: the terminal marks its start and end), inserted as one edit;
    /// never read as keys, so a pasted "q" or line break runs no command.
    case paste(String)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click, doubleClick, wheelUp, wheelDown
    }

    public let kind: Kind
    public let x: Int
    public let y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
