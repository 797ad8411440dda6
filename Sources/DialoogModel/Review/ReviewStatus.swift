import Foundation

/// How far the secretary has checked an item against its evidence.
public enum ReviewStatus: String, CaseIterable, Sendable, Codable {
    case open
    case inProgress = "in-behandeling"
    case shown = "aangetoond"
    case notShown = "niet-aangetoond"

    /// The Dutch label used everywhere: screens, exports, help.
    public var label: String {
        switch self {
        case .open: "open"
        case .inProgress: "in behandeling"
        case .shown: "aangetoond"
        case .notShown: "niet aangetoond"
        }
    }

    /// The next status when the secretary presses `s`: open → in behandeling → aangetoond → niet aangetoond → open.
    public var next: ReviewStatus {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension GoalColumn {
    /// Indicators, evidence and results carry a review status; winst-risico does not.
    public var isReviewable: Bool { self != .winstRisico }
}
