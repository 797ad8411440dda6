import DialoogModel
import DialoogUI
import Foundation

/// Watches the file of the deck being presented: an edit is read again within a second and comes up on the
/// same slide (as presenterm and patat --watch do); a broken edit leaves the last good deck on the screen.
final class DeckWatcher {
    private let url: URL
    private let dataset: Dataset
    private var seen: Stamp?

    /// What tells a change without reading the file: the modification time and the size.
    private struct Stamp: Equatable {
        let modified: Date
        let size: Int
    }

    init(url: URL, dataset: Dataset) {
        self.url = url
        self.dataset = dataset
        seen = Self.stamp(of: url)
    }

    /// The edited deck, or its error in one Dutch line; nil while the file is as it was.
    func change() -> Result<Deck, DataError>? {
        let now = Self.stamp(of: url)
        guard now != seen, now != nil else { return nil }
        seen = now
        return Result { () throws(DataError) -> Deck in
            let deck = try DeckLoader.load(url, dataset: dataset)
            guard !deck.slides.isEmpty else { throw DataError(file: url.path, message: "dit deck heeft geen dia's") }
            return deck
        }
    }

    private static func stamp(of url: URL) -> Stamp? {
        guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey]),
              let modified = values.contentModificationDate else { return nil }
        return Stamp(modified: modified, size: values.fileSize ?? 0)
    }
}
