import DialoogModel
import Foundation

/// What every screen may read while handling a key or drawing: the data and how to draw.
public struct ScreenContext: Sendable {
    public let dataset: Dataset
    /// Built on the first search, not at start-up: a large data set must not delay the first frame.
    public var searchIndex: SearchIndex?
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
    /// Today as yyyy-MM-dd, to tell which actions are past due.
    public var today: String = DueDate.string(from: Date())

    public init(dataset: Dataset, glyphs: Glyphs) {
        self.dataset = dataset
        self.glyphs = glyphs
    }
}

/// What a screen asks the app to do after a key.
public enum ScreenAction: Sendable {
    /// The key was used; redraw.
    case handled
    /// The key means nothing here; the app may give it a global meaning.
    case ignored
    case push(any Screen)
    case jump(DataLocation)
    /// A change to the review data, or a form to write one.
    case review(ReviewRequest)
    /// Something to tell the user in the status line.
    case message(String)
}

public enum ReviewRequest: Sendable, Equatable {
    case cycleStatus(itemId: String, backwards: Bool)
    case openForm(Form.Purpose)
    case apply(ReviewEdit)
    /// An edit that destroys something (a delete): carried out only after `question` is answered yes.
    case confirm(question: String, edit: ReviewEdit)
}

/// One thing recorded on an item or meeting, as listed (and selectable) in its detail view.
public enum ReviewEntry: Sendable, Equatable {
    case note(Note)
    case decision(Decision)
    case action(ActionItem)
}

/// One screen of the app: state plus key handling plus drawing into its area of the frame.
public protocol Screen: Sendable {
    /// The breadcrumb segment for this screen.
    func breadcrumb(in context: ScreenContext) -> String
    /// Key hints for the status line, most useful first.
    var keyHints: [KeyHint] { get }
    mutating func handle(_ key: Key, area: Rect, context: ScreenContext) -> ScreenAction
    func render(into frame: inout Frame, area: Rect, context: ScreenContext)
    /// What the screen has selected, so presenter mode can start there.
    func focusedLocation(in context: ScreenContext) -> DataLocation?
}

extension Screen {
    public func focusedLocation(in context: ScreenContext) -> DataLocation? { nil }
}

public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}
