import DialoogModel

/// Which key runs which command in each mode: the defaults of the command table, with the user's own
/// keys (`keys.yaml`) in place of a command's defaults. Conflicts never reach here: `Keymap.load` refuses them.
public struct Keymap: Sendable {
    private var commands: [CommandMode: [Key: CommandID]] = [:]
    private var keys: [CommandID: [Key]] = [:]

    public static let standard = Keymap(overrides: [:])

    private init(overrides: [CommandID: [Key]]) {
        for command in Command.all {
            let bound = overrides[command.id] ?? command.defaultKeys
            keys[command.id] = bound
            for mode in command.modes {
                for key in bound { commands[mode, default: [:]][key] = command.id }
            }
        }
    }

    /// The command `key` runs in `mode`, if any.
    public func command(for key: Key, in mode: CommandMode) -> CommandID? { commands[mode]?[key] }

    /// The keys that run `id`, in the order they are written.
    public func keys(for id: CommandID) -> [Key] { keys[id] ?? [] }

    /// The first key of `id` as a message names it ("a", "Ctrl-R", "Spatie"): every text that tells a key
    /// takes it from here, so it stays true after a keys.yaml remap.
    public func key(for id: CommandID) -> String { keys(for: id).first?.displayName ?? ":" + id.rawValue }

    /// The keys of `id` as help shows them: "↓ j".
    public func keyLabel(for id: CommandID) -> String { keys(for: id).map(\.displayName).joined(separator: " ") }

    /// Applies the user's bindings (command id → key names). Every problem is one Dutch line naming the
    /// source and the key; the defaults stay for whatever was wrong.
    public static func load(_ bindings: [(command: String, keys: [String])], source: String) -> (Keymap, problems: [String]) {
        var problems: [String] = []
        var overrides: [CommandID: [Key]] = [:]
        for (name, keyNames) in bindings {
            guard let id = CommandID(rawValue: name) else {
                let hint = NearMatch.nearest(to: name, among: CommandID.allCases.map(\.rawValue)).map { "bedoelde je '\($0)'? " } ?? ""
                problems.append("\(source): onbekende opdracht '\(name)' (\(hint)htno-dialoog keys toont ze alle)")
                continue
            }
            guard !keyNames.isEmpty else {
                problems.append("\(source): \(name): verwacht minstens één toets")
                continue
            }
            var keys: [Key] = []
            for keyName in keyNames {
                if let use = Self.takenByTheTerminal[keyName.lowercased()] {
                    problems.append("\(source): \(name): '\(keyName)' gebruikt de terminal zelf (\(use)); kies een andere toets")
                } else if let key = Key(name: keyName) { keys.append(key) } else {
                    problems.append("\(source): \(name): onbekende toets '\(keyName)'")
                }
            }
            if !keys.isEmpty { overrides[id] = keys }
        }
        // Two commands on one key in one mode, all of the user's keys in place: the user's binding of the
        // later command is dropped, until none clash.
        var accepted = overrides
        while let id = CommandID.allCases.last(where: { accepted[$0] != nil && Keymap(overrides: accepted).firstClash(involving: $0) != nil }),
              let clash = Keymap(overrides: accepted).firstClash(involving: id) {
            problems.append("\(source): toets '\(clash.key.displayName)' staat al op '\(clash.other.rawValue)' "
                            + "(\(clash.mode.rawValue)); '\(id.rawValue)' houdt zijn standaardtoetsen")
            accepted[id] = nil
        }
        return (Keymap(overrides: accepted), problems)
    }

    /// Keys the terminal acts on before any program sees them: a binding to one would never run.
    static let takenByTheTerminal = ["ctrl-s": "scherm stilzetten", "ctrl-q": "scherm verder laten gaan",
                                     "ctrl-c": "onderbreken", "ctrl-z": "pauzeren"]

    /// A key of `id` that another command also uses in one of `id`'s modes.
    private func firstClash(involving id: CommandID) -> (key: Key, other: CommandID, mode: CommandMode)? {
        for mode in Command.of(id).modes {
            for key in keys(for: id) {
                let others = Command.all.filter { $0.id != id && $0.modes.contains(mode) && keys(for: $0.id).contains(key) }
                if let other = others.first { return (key, other.id, mode) }
            }
        }
        return nil
    }

    /// Every binding, one line per command: what `htno-dialoog keys` prints.
    public var listing: String {
        let width = CommandID.allCases.map(\.rawValue.count).max() ?? 0
        return CommandGroup.allCases.map { group in
            let lines = Command.all.filter { $0.group == group }.map { command in
                let names = keys(for: command.id).map(\.name).joined(separator: ", ")
                return command.id.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + names + String(repeating: " ", count: max(1, 26 - names.count)) + command.label
            }
            return "# \(group.rawValue)\n" + lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}

extension Key {
    /// The name in `keys.yaml`: `j`, `G`, `/`, `space`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `ctrl-r`, `f1` …
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .function(let number): "f\(number)"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .control(let character): "ctrl-\(character)"
        case .resize: "resize"
        case .mouse: "mouse"
        case .paste: "paste"
        }
    }

    /// As help and the status line show it: `↓`, `PgDn`, `Ctrl-R`, `Spatie`.
    public var displayName: String {
        switch self {
        case .character(" "): "Spatie"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Insert"
        case .function(let number): "F\(number)"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .control(let character): "Ctrl-" + character.uppercased()
        default: name
        }
    }

    /// A key from its `keys.yaml` name; nil for a name no terminal key has.
    public init?(name: String) {
        let named: [String: Key] = ["space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
                                    "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "enter": .enter,
                                    "esc": .escape, "backspace": .backspace, "delete": .delete, "insert": .insert, "tab": .tab,
                                    "shift-tab": .backTab]
        if let key = named[name.lowercased()] {
            self = key
        } else if name.lowercased().hasPrefix("f"), let number = Int(name.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else if name.count == 1, let character = name.first, !character.isWhitespace, !TerminalSafeText.isUnsafe(character.unicodeScalars.first!) {
            self = .character(character)
        } else if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let letter = name.lowercased().last, letter.isLetter, letter.isASCII,
                  !"ihjm".contains(letter) {
            // Ctrl-I, -H, -J and -M arrive as Tab, Backspace and Enter.
            self = .control(letter)
        } else {
            return nil
        }
    }
}

extension String {
    /// "f, D, K, o" as "f, D, K en o".
    func replacingLastComma(with conjunction: String) -> String {
        guard let comma = range(of: ", ", options: .backwards) else { return self }
        return replacingCharacters(in: comma, with: conjunction)
    }
}
