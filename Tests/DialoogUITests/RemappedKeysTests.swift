import Foundation
import Testing
import DialoogModel
import ReviewStore
@testable import DialoogUI

/// Every text that names a key takes it from the keymap: with every command moved to another key, no
/// default key is left in any screen, hint, form or message.
@Suite struct RemappedKeysTests {
    /// Each command on a Cyrillic, Greek or Armenian letter of its own: keys no default uses and no Dutch text contains.
    static let remapped: Keymap = {
        let letters = (0x0410...0x044F).compactMap(UnicodeScalar.init).map { String(Character($0)) }
            + (0x03B1...0x03C9).compactMap(UnicodeScalar.init).map { String(Character($0)) }
            + (0x0561...0x0586).compactMap(UnicodeScalar.init).map { String(Character($0)) }
        let bindings = zip(CommandID.allCases, letters).map { (command: $0.rawValue, keys: [$1]) }
        let (keymap, problems) = Keymap.load(bindings, source: "keys.yaml")
        precondition(problems.isEmpty && CommandID.allCases.count <= letters.count, "\(problems)")
        return keymap
    }()

    /// What a default key looks like where a text names one.
    static let defaultKeyPhrases = [
        "a = notitie", "b = besluit", "t = actie", "(a)", "(b)", "(t)", "q stopt", "? toont", ": zoekt", "v = weer", "v zet",
        "u = ongedaan", "6 Review", "3 Cyclus", "1 Doelen", "Ctrl-D", "Esc", "Enter", "f, D, K en o", "Spatie", "Tab ",
        "n beide", "h hun", "o overschrijven", "? hulp", "/ zoek", "↓ meer", "← vorige", ". zwart",
    ]

    private var texts: [String] = []

    private static func key(_ command: CommandID) -> Key { remapped.keys(for: command)[0] }

    private mutating func press(_ commands: CommandID..., on app: inout App) {
        for command in commands {
            app.handle(Self.key(command))
            texts.append(app.render().text)
            if let message = app.statusMessage { texts.append(message) }
        }
    }

    @Test mutating func noDefaultKeyIsLeftAfterARemapOfEveryCommand() throws {
        let session = ReviewSession(repository: try ReviewDatabase(), author: "jeanneke", clock: reviewClock, export: { _, _, _ in "" })
        var app = App(dataset: sampleData, review: session, keymap: Self.remapped)
        app.resize(width: 100, height: 30)
        texts.append(app.render().text)
        app.handle(.character("z"))
        let unknown = try #require(app.statusMessage)
        #expect(unknown.contains("\(Self.remapped.key(for: .help)) toont") && unknown.contains("\(Self.remapped.key(for: .palette)) zoekt"))
        texts.append(unknown)
        press(.back, .togglePreview, .togglePreview, .open, .statusNext, .right, .open, .nextPane, on: &app)
        press(.addNote, on: &app)
        app.type("tekst")
        press(.formNextField, .formCancel, on: &app)
        app.type("j")
        press(.back, .back, .addDecision, .cycle, .open, .statusNext, .nextFilter, .overview, .figures, .sources, .help, on: &app)
        press(.back, .export, on: &app)
        app.type("z")  // not a choice: says which keys are
        texts.append(app.statusMessage ?? "")
        app.type("c")
        texts.append(app.render().text)
        press(.promptCancel, .search, on: &app)
        app.type("doel")
        press(.promptCancel, .palette, on: &app)
        app.type("doel 3")
        press(.promptAccept, .back, .goals, .present, on: &app)
        app.handle(.character("z"))
        if let message = app.statusMessage { texts.append(message) }
        var speaker = App(dataset: sampleData, presenting: Presenter(deck: .goals(sampleData), speakerViewOf: "k1"), keymap: Self.remapped)
        speaker.resize(width: 100, height: 30)
        texts.append(speaker.render().text)
        #expect(texts.contains { $0.contains("\(Self.remapped.key(for: .nextSlide)) volgende") }, "the speaker view's footer")
        #expect(texts.contains { $0.contains("\(Self.remapped.key(for: .addNote)) = notitie toevoegen") }, "the hint in a detail view")
        #expect(texts.contains { $0.contains("\(Self.remapped.key(for: .formSave)) bewaren") }, "the form's keys")
        #expect(texts.contains { $0.contains("\(Self.remapped.key(for: .promptAccept)) schrijft") }, "the export file's keys")
        #expect(texts.contains { $0.hasSuffix("of \(Self.remapped.key(for: .promptCancel))") }, "a question's way out")
        for phrase in Self.defaultKeyPhrases {
            let found = texts.first { $0.contains(phrase) }
            #expect(found == nil, "default key “\(phrase)” left in:\n\(found ?? "")")
        }
    }

    /// The README's key table names each command's default keys, and no key that runs nothing.
    @Test func theReadmeKeyTableMatchesTheCommandTable() throws {
        let readme = try String(contentsOf: repositoryURL.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "## Screens and keys")[1].components(separatedBy: "\n\n")[1]
        let rows = table.split(separator: "\n").dropFirst(2)
        // The README writes Space and Backspace where the app shows Spatie and Bksp, and `1`–`8` for the sections.
        let readmeNames = ["Space": "Spatie", "Backspace": "Bksp"]
        let expanded = Set(rows.flatMap { row -> [String] in
            let cell = row.split(separator: "|")[0]
            let keys = cell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }
                .flatMap { $0.element.split(separator: " ").map { readmeNames[String($0)] ?? String($0) } }
            return cell.contains("`1`–`8`") ? keys + (1...8).map(String.init) : keys
        })
        let bound = Set(Command.all.filter { !$0.modes.contains(.form) && !$0.modes.contains(.conflict) }
            .flatMap { $0.defaultKeys.map(\.displayName) })
        #expect(expanded.subtracting(bound).isEmpty, "README names keys that run nothing: \(expanded.subtracting(bound).sorted())")
        let browsing = Command.all.filter { $0.modes == [.browsing] || $0.modes.contains(.browsing) }.flatMap { $0.defaultKeys.map(\.displayName) }
        #expect(Set(browsing).subtracting(expanded).isEmpty, "keys missing from the README: \(Set(browsing).subtracting(expanded).sorted())")
    }
}
