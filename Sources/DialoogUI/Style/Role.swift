import DialoogModel

/// What a cell shows, not how: the theme turns a role into colours and attributes.
public enum Role: String, CaseIterable, Sendable, Codable {
    case normal
    case header
    case tabActive
    case tabInactive
    case breadcrumb
    case status
    case statusKey
    case title
    case label
    case border
    case selection
    case selectionInactive
    case muted
    case mitigation
    case emptyCell
    case notInSource
    case count
    case match
    case overlay
    case warning
    case statusOpen
    case statusInProgress
    case statusShown
    case statusNotShown
    case pastDue
    /// The projector's black and white screens: the same in every theme (`fixedStyles`).
    case blackout
    case whiteout
    /// A QR code: dark modules on light, whatever the theme, as a phone's camera needs.
    case qrCode

    /// Roles no theme changes: a black screen is black also in the light theme.
    public static let fixedStyles: [Role: Style] = [
        .blackout: Style(foreground: .index(0), background: .index(0), attributes: []),
        .whiteout: Style(foreground: .index(15), background: .index(15), attributes: []),
        .qrCode: Style(foreground: .index(0), background: .index(15), attributes: []),
    ]

    /// The roles a theme file sets: all but the fixed ones.
    public static var themed: [Role] { allCases.filter { fixedStyles[$0] == nil } }
}

/// Text attributes that do not need colour; used alone in monochrome mode.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

extension Role {
    /// How the role stays distinguishable without colour (NO_COLOR, monochrome terminals).
    public var monochromeAttributes: TextAttributes {
        switch self {
        case .header, .tabActive, .selection, .overlay: .reverse
        case .title, .statusKey, .count, .warning, .statusShown, .pastDue: .bold
        case .statusNotShown: [.bold, .underline]
        case .statusInProgress: .underline
        case .statusOpen: []
        case .match: [.reverse, .bold]
        case .selectionInactive, .label: .underline
        case .muted, .notInSource, .emptyCell: .dim
        case .normal, .tabInactive, .breadcrumb, .status, .border, .mitigation, .blackout: []
        case .whiteout: .reverse
        case .qrCode: .reverse
        }
    }
}

extension ReviewStatus {
    /// The role its marker is drawn in.
    public var role: Role {
        switch self {
        case .open: .statusOpen
        case .inProgress: .statusInProgress
        case .shown: .statusShown
        case .notShown: .statusNotShown
        }
    }
}
