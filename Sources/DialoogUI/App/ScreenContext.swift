import DialoogModel
import Foundation

/// What every screen may read while handling a key or drawing: the data and how to draw.
public struct ScreenContext: Sendable {
    /// The data as the files have it; exports start from this.
    public let sourceDataset: Dataset
    /// The data as screens show it: the goal table with the changes accepted, and those proposed marked on
    /// their items (`GoalItem.change`). Follows `review`.
    public private(set) var dataset: Dataset
    /// The data as reported, counted and presented: the goal table with the accepted changes only (a proposal
    /// is the secretariat's business until someone decides). Follows `review`, as `dataset` does.
    private(set) var acceptedDataset: Dataset
    /// Of the source: built after the first frame (or by the first search), once, so a large data set does not
    /// delay the first frame. What the secretariat added is found by the review's own search.
    public let searchIndex: SharedSearchIndex
    /// How many lines a goal's longest item takes at a width, measured once (thousands of items in a large set).
    let itemHeights = ItemHeights()
    public let glyphs: Glyphs
    /// Folded words of the active search, highlighted wherever text is drawn.
    public var highlightTerms: [String] = []
    /// What the secretaries recorded; empty when there is no review database.
    public var review: ReviewSnapshot = .empty {
        didSet {
            reviewVersion += 1
            if review.tableChanges != oldValue.tableChanges {
                dataset = sourceDataset.table(with: review.tableChanges, proposals: true)
                acceptedDataset = sourceDataset.table(with: review.tableChanges)
            }
        }
    }
    /// Changes whenever `review` does, so screens can cache what they derive from it.
    public private(set) var reviewVersion = 0
    /// Lists show a preview pane of the selected row; `v` turns it off (less to send over a slow link).
    public var showsPreview = true
    /// `--reader`: one pane, read as lines (no preview beside a list to move the focus to).
    public var isReaderMode = false
    /// Which key runs which command, for hints inside a screen ("a = notitie toevoegen").
    public var keymap: Keymap = .standard
    /// Who is at the keyboard (`--user`), for "mijn acties"; nil without a review database.
    public var user: String?
    /// Today as yyyy-MM-dd, to tell which actions are past due.
    public var today: String = DueDate.string(from: Date())

    public init(dataset: Dataset, glyphs: Glyphs) {
        sourceDataset = dataset
        self.dataset = dataset
        acceptedDataset = dataset
        self.glyphs = glyphs
        searchIndex = SharedSearchIndex(dataset)
    }
}

extension ScreenContext {
    /// The data as it stood at a recorded peildatum: the goal table with the changes accepted by then (none
    /// proposed), every status as it was; nil gives now.
    func at(_ peildatum: Peildatum?) -> ScreenContext {
        guard let peildatum else { return self }
        var then = self
        then.review = review.judged(at: peildatum)
        then.dataset = sourceDataset.table(with: review.tableChanges, at: peildatum.takenAt)
        return then
    }

    /// The data as counted and reported: the table with the changes accepted by then (now: by now), no
    /// proposals, as the exports have it; the statuses of the peildatum, or of now.
    func counted(at peildatum: Peildatum?) -> ScreenContext {
        if peildatum != nil { return at(peildatum) }
        var now = self
        now.dataset = acceptedDataset
        return now
    }

    /// `<` and `>` through the recorded peildata and now (nil), from `current`: the one to show next, or why
    /// there is none.
    func peildatum(after current: Int64?, _ command: CommandID) -> Result<Int64?, ScreenMessage> {
        let moments: [Int64?] = review.peildata.map(\.id) + [nil]
        guard moments.count > 1 else { return .failure(ScreenMessage("Nog geen peildatum: dit is de stand van nu")) }
        let index = moments.firstIndex(of: current) ?? moments.count - 1
        let next = index + (command == .nextYear ? 1 : -1)
        guard moments.indices.contains(next) else { return .failure(ScreenMessage(command == .nextYear ? "Dit is nu" : "Dit is de eerste peildatum")) }
        return .success(moments[next])
    }
}

/// A line for the status line, as an error of a step that cannot be taken.
struct ScreenMessage: Error {
    let text: String
    init(_ text: String) { self.text = text }
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
    /// Why nothing can be recorded from here (a table as it stood at a peildatum); nil where it can.
    func recordingRefusal(in context: ScreenContext) -> String?
}

extension Screen {
    public func focusedLocation(in context: ScreenContext) -> DataLocation? { nil }
    public func selectedEntry(in context: ScreenContext) -> ReviewEntry? { nil }
    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction { .ignored }
    public func announcement(in context: ScreenContext) -> String? { nil }
    public func recordingRefusal(in context: ScreenContext) -> String? { nil }
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
