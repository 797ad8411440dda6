import DialoogModel
import Foundation
import Yams

/// A terminal colour: the terminal's default, or an index into its palette (0-7 basic, 8-15 bright, up to 255).
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case index(Int)

    static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses "default", a colour name such as "cyan" or "bright-blue", or a number 0-255.
    init?(_ text: String) {
        let name = text.lowercased()
        if name == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: name) {
            self = .index(index)
        } else if let number = Int(name), (0...255).contains(number) {
            self = .index(number)
        } else {
            return nil
        }
    }
}

/// How one role is drawn in colour mode.
public struct Style: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Colours and attributes per role, read from a YAML file in `themes/` (format in themes/README.md).
public struct Theme: Equatable, Sendable {
    public let name: String
    public let styles: [Role: Style]

    /// No colours: every role keeps only its monochrome attributes.
    public static let plain = Theme(name: "plain", styles: [:])

    public func style(for role: Role) -> Style {
        Role.fixedStyles[role] ?? styles[role] ?? Style(attributes: role.monochromeAttributes)
    }

    public static func load(from url: URL) throws(DataError) -> Theme {
        let file = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: file)
            throw DataError(file: file, message: exists ? "kan niet als UTF-8-tekst gelezen worden" : "themabestand niet gevonden")
        }
        let decoded: ThemeFile
        do {
            decoded = try YAMLDecoder().decode(ThemeFile.self, from: text)
        } catch {
            throw DataError.from(error, file: file)
        }
        var styles: [Role: Style] = [:]
        for (key, spec) in decoded.roles {
            guard let role = Role(rawValue: key), Role.fixedStyles[role] == nil else {
                throw DataError(file: file, path: "roles.\(key)", message: "onbekende rol; bekende rollen: \(Role.themed.map(\.rawValue).joined(separator: ", "))")
            }
            styles[role] = try spec.style(file: file, path: "roles.\(key)")
        }
        return Theme(name: decoded.name, styles: styles)
    }

    private struct ThemeFile: Decodable {
        let name: String
        let roles: [String: StyleSpec]
    }

    private struct StyleSpec: Decodable {
        let fg: String?
        let bg: String?
        let bold: Bool?
        let reverse: Bool?
        let underline: Bool?
        let dim: Bool?

        func style(file: String, path: String) throws(DataError) -> Style {
            var attributes: TextAttributes = []
            if bold == true { attributes.insert(.bold) }
            if reverse == true { attributes.insert(.reverse) }
            if underline == true { attributes.insert(.underline) }
            if dim == true { attributes.insert(.dim) }
            return Style(foreground: try color(fg, file: file, path: path + ".fg"),
                         background: try color(bg, file: file, path: path + ".bg"),
                         attributes: attributes)
        }

        private func color(_ text: String?, file: String, path: String) throws(DataError) -> ThemeColor {
            guard let text else { return .terminalDefault }
            guard let color = ThemeColor(text) else {
                throw DataError(file: file, path: path, message: "onbekende kleur '\(text)' (default, een kleurnaam of 0-255)")
            }
            return color
        }
    }
}

/// How many colours to draw with: 256, the 8 basic ones, or none (NO_COLOR, https://no-color.org,
/// or a terminal without colour).
public enum ColorMode: Equatable, Sendable {
    case color256
    case color8
    case monochrome

    public static func choose(environment: [String: String], terminalColors: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if terminalColors >= 256 { return .color256 }
        return terminalColors >= 8 ? .color8 : .monochrome
    }

    /// The palette index to ask the terminal for (nil: its default colour), and whether bold must stand
    /// in for a bright colour the terminal does not have.
    public func paletteIndex(for color: ThemeColor) -> (index: Int?, bold: Bool) {
        guard case .index(let index) = color, self != .monochrome else { return (nil, false) }
        switch (self, index) {
        case (.color256, _), (.color8, 0..<8): return (index, false)
        case (.color8, 8..<16): return (index - 8, true)
        default: return (Self.nearestBasic(index), false)
        }
    }

    /// The basic colour (0-7) closest to an xterm-256 colour, by RGB distance.
    static func nearestBasic(_ index: Int) -> Int {
        let target = rgb(index)
        let basics = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
            (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
        }
        return basics.indices.min { distance(basics[$0], target) < distance(basics[$1], target) } ?? 7
    }

    /// The RGB of an xterm-256 palette index: 16 system colours, the 6x6x6 cube, 24 greys.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let system = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                      (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        switch index {
        case 0..<16: return system[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
    }
}
