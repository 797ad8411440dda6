import DialoogModel
import Foundation

/// What every screen may read while handling a key or drawing: the data and how to draw.
public struct ScreenContext: Sendable {
    public let dataset: Dataset
    /// Built after the first frame (or by the first search), once: a large data set must not delay the first frame.
    public let searchIndex: SharedSearchIndex
    /// How many lines a goal's longest item takes at a width, measured once (thousands of items in a large set).
    let itemHeights = ItemHeights()
    public let glyphs: Glyphs
    /// Folded words of the active search, highlighted wherever text is drawn.
    public var highlightTerms: [String] = []
    /// What the secretaries recorded; empty when there is no review database.
    public var review: ReviewSnapshot = .empty {
        didSet { reviewVersion += 1 }
    }
    /// Changes whenever `review` does, so screens can cache what they derive from it.
    public private(set) var reviewVersion = 0
    /// Lists show a preview pane of the selected row; `v` turns it off (less to send over a slow link).
    public var showsPreview = true
    /// Which key runs which command, for hints inside a screen ("a = notitie toevoegen").
    public var keymap: Keymap = .standard
    /// Who is at the keyboard (`--user`), for "mijn acties"; nil without a review database.
    public var user: String?
    /// Today as yyyy-MM-dd, to tell which actions are past due.
    public var today: String = DueDate.string(from: Date())

    public init(dataset: Dataset, glyphs: Glyphs) {
        self.dataset = dataset
        self.glyphs = glyphs
        searchIndex = SharedSearchIndex(dataset)
    }
}

/// What a screen asks the app to do after a command.
public enum ScreenAction: Sendable {
    /// The command was used; redraw.
    case handled
    /// The command means nothing on this screen; the app may carry it out, or say why it cannot.
    case ignored
    case push(any Screen)
    case jump(DataLocation)
    /// Something to tell the user in the status line.
    case message(String)
}

/// One thing recorded on an item or meeting, as listed (and selectable) in its detail view.
public enum ReviewEntry: Sendable, Equatable {
    case note(Note)
    case decision(Decision)
    case action(ActionItem)
    case person(Person)
    case meeting(Meeting)
}

/// One screen of the app: state plus command handling plus drawing into its area of the frame.
/// Screens never see raw keys: the keymap turns keys into commands first.
public protocol Screen: Sendable {
    /// The breadcrumb segment for this screen.
    func breadcrumb(in context: ScreenContext) -> String
    /// Hints for the status line, most useful first; their keys come from the live keymap.
    var keyHints: [KeyHint] { get }
    mutating func handle(_ command: CommandID, area: Rect, context: ScreenContext) -> ScreenAction
    func render(into frame: inout Frame, area: Rect, context: ScreenContext)
    /// What the screen has selected: review commands, presenter mode and the palette start there.
    func focusedLocation(in context: ScreenContext) -> DataLocation?
    /// The note, decision or action chosen with Tab, for edit, delete and done.
    func selectedEntry(in context: ScreenContext) -> ReviewEntry?
    /// A mouse click at `point`: select what is there; a click on what is already selected opens it.
    mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction
    /// The focus in one line for `--reader`, when the focused location does not say it (a matrix cell).
    func announcement(in context: ScreenContext) -> String?
}

extension Screen {
    public func focusedLocation(in context: ScreenContext) -> DataLocation? { nil }
    public func selectedEntry(in context: ScreenContext) -> ReviewEntry? { nil }
    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction { .ignored }
    public func announcement(in context: ScreenContext) -> String? { nil }
}

/// "↑↓ kies" in the status line: the commands' first keys, then what they do.
public struct KeyHint: Sendable, Equatable {
    public let commands: [CommandID]
    public let action: String

    public init(_ commands: CommandID..., action: String) {
        self.commands = commands
        self.action = action
    }

    /// Arrows side by side (`↑↓`), letters with a slash (`e/d`), anything else with a space (`[ ]`).
    func keys(in keymap: Keymap) -> String {
        let names = commands.map(keymap.key(for:))
        if names.allSatisfy({ "↑↓←→".contains($0) }) { return names.joined() }
        return names.joined(separator: names.allSatisfy { $0.count == 1 && $0.first!.isLetter } ? "/" : " ")
    }
}

/// Remembers per goal and width the lines of its longest item, for the steady preview: wrapping every
/// item of a goal on every move cost 20 ms on a large set.
final class ItemHeights: @unchecked Sendable {
    private let lock = NSLock()
    private var heights: [Int: Int] = [:]

    func height(goal: Int, width: Int, measure: () -> Int) -> Int {
        let key = goal << 16 | width
        if let known = lock.withLock({ heights[key] }) { return known }
        let measured = measure()
        lock.withLock { heights[key] = measured }
        return measured
    }
}
