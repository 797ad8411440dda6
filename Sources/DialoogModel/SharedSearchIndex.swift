import Foundation

/// The one search index of a dataset. It is built once: on another thread after the first frame, or by
/// the first search if that comes sooner; whoever asks while it is being built waits for that one
/// instead of building a second (which on large data doubled the memory and froze the screen).
public final class SharedSearchIndex: @unchecked Sendable {
    private let dataset: Dataset
    private let condition = NSCondition()
    private var index: SearchIndex?
    private var isBuilding = false
    /// How many times the index was built: one, whoever asked (tests check it).
    private(set) var builds = 0

    public init(_ dataset: Dataset) {
        self.dataset = dataset
    }

    /// Starts building on another thread; returns at once.
    public func buildInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = self.value }
    }

    /// Whether the index is there without waiting.
    public var isReady: Bool {
        condition.withLock { index != nil }
    }

    /// The index: built here when nobody has started it, else waited for.
    public var value: SearchIndex {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index { return index }
            if !isBuilding { break }
            condition.wait()
        }
        isBuilding = true
        builds += 1
        condition.unlock()
        let built = SearchIndex(dataset)
        condition.lock()
        index = built
        condition.broadcast()
        return built
    }
}
