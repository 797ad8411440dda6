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
        styles[role] ?? Style(attributes: role.monochromeAttributes)
    }

    public static func load(from url: URL) throws(DataError) -> Theme {
        let file = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: file)
            throw DataError(file: file, message: exists ? "cannot be read as UTF-8 text" : "theme file not found")
        }
        let decoded: ThemeFile
        do {
            decoded = try YAMLDecoder().decode(ThemeFile.self, from: text)
        } catch {
            throw DataError.from(error, file: file)
        }
        var styles: [Role: Style] = [:]
        for (key, spec) in decoded.roles {
            guard let role = Role(rawValue: key) else {
                throw DataError(file: file, path: "roles.\(key)", message: "unknown role; known roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
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
                throw DataError(file: file, path: path, message: "unknown colour '\(text)': use default, a name such as cyan or bright-blue, or 0-255")
            }
            return color
        }
    }
}

/// Whether to draw in colour: never when NO_COLOR is set (https://no-color.org) or the terminal has none.
public enum ColorMode: Equatable, Sendable {
    case color
    case monochrome

    public static func choose(environment: [String: String], terminalHasColors: Bool) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return terminalHasColors ? .color : .monochrome
    }
}
