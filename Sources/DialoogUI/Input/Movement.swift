/// What a movement command asks for, whatever a screen moves: list rows, table items or text lines.
enum Movement: Equatable {
    case step(Int)
    case page(Int)
    case first
    case last

    init?(_ command: CommandID) {
        switch command {
        case .moveDown: self = .step(1)
        case .moveUp: self = .step(-1)
        case .pageDown: self = .page(1)
        case .pageUp: self = .page(-1)
        case .first: self = .first
        case .last: self = .last
        default: return nil
        }
    }

    /// The new position among `count` positions (0..<count) when a page holds `page` positions.
    func apply(to position: Int, count: Int, page: Int) -> Int {
        let target = switch self {
        case .step(let offset): position + offset
        case .page(let pages): position + pages * max(1, page)
        case .first: 0
        case .last: count - 1
        }
        return max(0, min(count - 1, target))
    }
}
