import Foundation
import Testing
@testable import DialoogUI

/// Every foreground/background pair of every bundled theme is readable (WCAG 2 contrast ratio), in the
/// colours a 256-colour and an 8-colour terminal actually show.
@Suite struct ContrastTests {
    /// A dark terminal's own colours, for roles that keep the terminal's default.
    static let defaultForeground = (229, 229, 229)
    static let defaultBackground = (0, 0, 0)

    /// The colour a terminal shows for a theme colour: in 8 colours the bright ones come as base colour plus
    /// bold (which terminals show bright), the others as the nearest basic colour.
    static func rgb(_ color: ThemeColor, fallback: (Int, Int, Int), mode: ColorMode) -> (Int, Int, Int) {
        guard case .index(let index) = color else { return fallback }
        return ColorMode.rgb(mode == .color8 && index >= 16 ? ColorMode.nearestBasic(index) : index)
    }

    static func luminance(_ color: (Int, Int, Int)) -> Double {
        let channel = { (value: Int) -> Double in
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
    }

    static func ratio(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The ratio of one role in one colour mode (a reversed role swaps its colours first).
    static func contrast(_ style: Style, mode: ColorMode) -> Double {
        var foreground = rgb(style.foreground, fallback: defaultForeground, mode: mode)
        var background = rgb(style.background, fallback: defaultBackground, mode: mode)
        if style.attributes.contains(.reverse) { swap(&foreground, &background) }
        return ratio(foreground, background)
    }

    @Test(arguments: ["default", "light", "projector", "colorblind"])
    func everyRoleOfEveryThemeIsReadable(name: String) throws {
        let theme = try Theme.load(from: repositoryURL.appendingPathComponent("themes/\(name).yaml"))
        let needed = name == "projector" ? 7.0 : 4.5
        var table: [String] = []
        for role in Role.themed {
            let style = theme.style(for: role)
            let (full, basic) = (Self.contrast(style, mode: .color256), Self.contrast(style, mode: .color8))
            table.append(String(format: "%@ %.2f/%.2f", role.rawValue, full, basic))
            #expect(full >= needed && basic >= needed, "\(name).\(role.rawValue): \(full) in 256 colours, \(basic) in 8 (needs \(needed))")
        }
        print("contrast \(name): " + table.joined(separator: ", "))
    }

    @Test func theLightThemeSetsItsOwnBackgroundEverywhere() throws {
        let theme = try Theme.load(from: repositoryURL.appendingPathComponent("themes/light.yaml"))
        for role in Role.themed {
            #expect(theme.style(for: role).background != .terminalDefault && theme.style(for: role).foreground != .terminalDefault,
                    "light.\(role.rawValue) depends on the terminal's colours")
        }
    }

    @Test func theRatioFollowsWCAG() {
        #expect(abs(Self.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Self.ratio((119, 119, 119), (255, 255, 255)) - 4.48) < 0.01)
        #expect(Self.contrast(Style(foreground: .index(8), background: .index(0)), mode: .color8) > 5, "bright black shows bright with bold")
        #expect(Self.contrast(Style(foreground: .index(236), background: .index(0)), mode: .color8) == 1, "a dark grey becomes black in 8 colours")
    }
}
