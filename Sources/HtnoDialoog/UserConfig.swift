import DialoogUI
import DialoogModel
import Foundation
import ReviewStore
import Yams

/// The user's own files in `$XDG_CONFIG_HOME/htno-dialoog/` (`~/.config/htno-dialoog/`): `keys.yaml` remaps
/// commands, `config.yaml` holds defaults that flags override. Each problem is one Dutch line naming the
/// file and the key; what is wrong is left out and the defaults stay.
struct UserConfig: Sendable {
    /// The files of this user, read once per run.
    static let current = load()

    var theme: String?
    var user: String?
    var db: String?
    var data: String?
    var preview: Bool?
    var mouse: Bool?
    /// `herinneringen: false`: no line at start about a colleague's changes and actions falling due.
    var reminders: Bool?
    var keymap = Keymap.standard
    var problems: [String] = []

    static let settings = ["theme", "user", "db", "data", "preview", "mouse", "herinneringen"]

    /// Every problem on standard error, one line each.
    func reportProblems() {
        for problem in problems { FileHandle.standardError.write(Data("htno-dialoog: \(problem)\n".utf8)) }
    }

    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return URL(fileURLWithPath: base).appendingPathComponent("htno-dialoog")
    }

    /// Sets `theme:` in config.yaml (made, private, when there is none), keeping every other line; says
    /// what came of it in one Dutch line.
    static func save(theme name: String, in folder: URL = folder()) -> String {
        let file = folder.appendingPathComponent("config.yaml")
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let setting = "theme: \(name)"
        if let index = lines.firstIndex(where: { $0.hasPrefix("theme:") }) { lines[index] = setting } else { lines.append(setting) }
        do {
            try PrivateFolder.make(folder.path)
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            return "Thema \(name) bewaard in \(file.path)"
        } catch {
            return "Thema niet bewaard: \(file.path) kan niet geschreven worden"
        }
    }

    /// Reads both files when they exist.
    static func load(from folder: URL = folder()) -> UserConfig {
        var config = UserConfig()
        config.readSettings(folder.appendingPathComponent("config.yaml"))
        config.readKeys(folder.appendingPathComponent("keys.yaml"))
        return config
    }

    private mutating func readSettings(_ file: URL) {
        guard let mapping = mapping(in: file) else { return }
        let name = file.path
        for (key, value) in mapping {
            switch key {
            case "theme", "user", "db", "data":
                guard let text = value as? String, !text.isEmpty else {
                    problems.append("\(name): \(key): verwacht tekst")
                    continue
                }
                switch key {
                case "theme": theme = text
                case "user": user = text
                case "db": db = text
                default: data = text
                }
            case "preview", "mouse", "herinneringen":
                guard let flag = value as? Bool else {
                    problems.append("\(name): \(key): verwacht true of false")
                    continue
                }
                switch key {
                case "preview": preview = flag
                case "mouse": mouse = flag
                default: reminders = flag
                }
            default:
                let hint = NearMatch.nearest(to: key, among: Self.settings).map { "bedoelde je '\($0)'? " } ?? ""
                problems.append("\(name): onbekende instelling '\(key)' (\(hint)bekend: \(Self.settings.joined(separator: ", ")))")
            }
        }
    }

    private mutating func readKeys(_ file: URL) {
        guard let mapping = mapping(in: file) else { return }
        var bindings: [(command: String, keys: [String])] = []
        for (command, value) in mapping.sorted(by: { $0.key < $1.key }) {
            if let key = value as? String {
                bindings.append((command, [key]))
            } else if let keys = value as? [Any], let names = keys as? [String] {
                bindings.append((command, names))
            } else if let number = value as? Int {
                bindings.append((command, [String(number)]))
            } else {
                problems.append("\(file.path): \(command): verwacht een toets of een lijst toetsen, bv. [j, down]")
            }
        }
        let (keymap, keyProblems) = Keymap.load(bindings, source: file.path)
        self.keymap = keymap
        problems += keyProblems
    }

    /// The top-level mapping of a YAML file; nil when the file is absent (or broken: then a problem is noted).
    private mutating func mapping(in file: URL) -> [String: Any]? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        do {
            guard let loaded = try Yams.load(yaml: text) else { return [:] }
            guard let mapping = loaded as? [String: Any] else {
                problems.append("\(file.path): verwacht paren 'naam: waarde'")
                return nil
            }
            return mapping
        } catch {
            problems.append("\(file.path): geen geldige YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
            return nil
        }
    }
}
