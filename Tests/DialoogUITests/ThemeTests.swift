import Foundation
import Testing
import DialoogModel
@testable import DialoogUI

@Suite struct ThemeTests {
    let themes = repositoryURL.appendingPathComponent("themes")

    @Test func defaultThemeLoadsEveryRole() throws {
        let theme = try Theme.load(from: themes.appendingPathComponent("default.yaml"))
        #expect(theme.name == "default")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
        #expect(theme.style(for: .header) == Style(foreground: .index(0), background: .index(6)))
        #expect(theme.style(for: .title).attributes.contains(.bold))
    }

    @Test func brokenThemesNameFileAndKey() throws {
        let cases: [(String, String, String)] = [
            ("name: x\nroles:\n  header: { fg: pink }\n", "roles.header.fg", "unknown colour 'pink'"),
            ("name: x\nroles:\n  headr: { fg: red }\n", "roles.headr", "unknown role"),
            ("name: x\nroles:\n  header: { fg: 300 }\n", "roles.header.fg", "unknown colour '300'"),
            ("roles: {}\n", "name", "missing required key 'name'"),
            ("name: x\nroles: [\n", "line ", "invalid YAML"),
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

    @Test func noColorIsHonoured() {
        #expect(ColorMode.choose(environment: ["NO_COLOR": "1"], terminalHasColors: true) == .monochrome)
        #expect(ColorMode.choose(environment: ["NO_COLOR": ""], terminalHasColors: true) == .color)
        #expect(ColorMode.choose(environment: [:], terminalHasColors: true) == .color)
        #expect(ColorMode.choose(environment: [:], terminalHasColors: false) == .monochrome)
    }

    @Test func everyRoleStaysDistinctWithoutColour() {
        for role in [Role.selection, .header, .match, .title, .emptyCell] {
            #expect(role.monochromeAttributes != [], "\(role) must be visible without colour")
        }
    }
}
