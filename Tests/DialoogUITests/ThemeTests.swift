import Foundation
import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct ThemeTests {
    let themes = repositoryURL.appendingPathComponent("themes")

    @Test func defaultThemeLoadsEveryRole() throws {
        let theme = try Theme.load(from: themes.appendingPathComponent("default.yaml"))
        #expect(theme.name == "default")
        #expect(Set(theme.styles.keys) == Set(Role.themed))
        #expect(theme.style(for: .header) == Style(foreground: .index(0), background: .index(6)))
        #expect(theme.style(for: .title).attributes.contains(.bold))
    }

    @Test func brokenThemesNameFileAndKey() throws {
        let cases: [(String, String, String)] = [
            ("name: x\nroles:\n  header: { fg: pink }\n", "roles.header.fg", "onbekende kleur 'pink'"),
            ("name: x\nroles:\n  headr: { fg: red }\n", "roles.headr", "onbekende rol"),
            ("name: x\nroles:\n  header: { fg: 300 }\n", "roles.header.fg", "onbekende kleur '300'"),
            ("roles: {}\n", "name", "verplichte sleutel 'name' ontbreekt"),
            ("name: x\nroles: [\n", "regel ", "ongeldige YAML"),
        ]
        for (text, path, message) in cases {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString).yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect {
                _ = try Theme.load(from: url)
            } throws: { error in
                guard let error = error as? DataError else { return false }
                return error.file == url.path && error.path.hasPrefix(path) && error.message.contains(message)
            }
        }
    }

    @Test func plainThemeFallsBackToMonochromeAttributes() {
        #expect(Theme.plain.style(for: .selection) == Style(attributes: .reverse))
        #expect(Theme.plain.style(for: .normal) == Style())
    }

    @Test func colourModeFollowsNoColorAndTheTerminal() {
        #expect(ColorMode.choose(environment: ["NO_COLOR": "1"], terminalColors: 256) == .monochrome)
        #expect(ColorMode.choose(environment: ["NO_COLOR": ""], terminalColors: 256) == .color256)
        #expect(ColorMode.choose(environment: [:], terminalColors: 8) == .color8)
        #expect(ColorMode.choose(environment: [:], terminalColors: 16) == .color8)
        #expect(ColorMode.choose(environment: [:], terminalColors: 0) == .monochrome)
    }

    @Test func coloursDegradeOnSmallerPalettes() {
        #expect(ColorMode.color256.paletteIndex(for: .index(214)) == (214, false))
        #expect(ColorMode.color8.paletteIndex(for: .index(11)) == (3, true), "bright yellow becomes bold yellow")
        #expect(ColorMode.color8.paletteIndex(for: .index(196)) == (1, false))
        #expect(ColorMode.color8.paletteIndex(for: .index(21)) == (4, false))
        #expect(ColorMode.color8.paletteIndex(for: .index(232)) == (0, false))
        #expect(ColorMode.color8.paletteIndex(for: .terminalDefault) == (nil, false))
        #expect(ColorMode.monochrome.paletteIndex(for: .index(2)) == (nil, false))
    }

    @Test(arguments: ["default", "light", "projector", "colorblind", "mono"])
    func everyBundledThemeLoadsWithEveryRoleReadable(name: String) throws {
        let theme = try Theme.load(from: themes.appendingPathComponent("\(name).yaml"))
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Role.themed), "\(name) styles every role")
        for role in Role.themed {
            let style = theme.style(for: role)
            if style.background != .terminalDefault {
                #expect(style.foreground != style.background, "\(name).\(role) is readable")
            }
        }
        var table = ""
        for role in Role.themed {
            let style = theme.style(for: role)
            let modes = [ColorMode.color256, .color8].map { mode in
                let fg = mode.paletteIndex(for: style.foreground)
                let bg = mode.paletteIndex(for: style.background)
                return "\(fg.index.map(String.init) ?? "-")\(fg.bold ? "+bold" : "")/\(bg.index.map(String.init) ?? "-")"
            }
            table += "\(role.rawValue): 256 \(modes[0]) · 8 \(modes[1]) · attributes \(style.attributes.rawValue)\n"
        }
        assertSnapshot(text: table, named: "theme-\(name)")
    }

    @Test func everyRoleStaysDistinctWithoutColour() {
        for role in [Role.selection, .header, .match, .title, .emptyCell] {
            #expect(role.monochromeAttributes != [], "\(role) must be visible without colour")
        }
    }
}
