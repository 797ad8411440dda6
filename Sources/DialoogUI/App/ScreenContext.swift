import DialoogModel

/// What every screen may read while handling a key or drawing: the data and how to draw.
public struct ScreenContext: Sendable {
    public let dataset: Dataset
    public let searchIndex: SearchIndex
    public let glyphs: Glyphs
    /// Folded words of the active search, highlighted wherever text is drawn.
    public var highlightTerms: [String] = []

    public init(dataset: Dataset, glyphs: Glyphs) {
        self.dataset = dataset
        self.searchIndex = SearchIndex(dataset)
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
}

/// One screen of the app: state plus key handling plus drawing into its area of the frame.
public protocol Screen: Sendable {
    /// The breadcrumb segment for this screen.
    func breadcrumb(in context: ScreenContext) -> String
    /// Key hints for the status line, most useful first.
    var keyHints: [KeyHint] { get }
    mutating func handle(_ key: Key, area: Rect, context: ScreenContext) -> ScreenAction
    func render(into frame: inout Frame, area: Rect, context: ScreenContext)
}

public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}
