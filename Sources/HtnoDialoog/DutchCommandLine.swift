import ArgumentParser
import Foundation

/// The command line in Dutch: swift-argument-parser writes its help frame (USAGE, OPTIONS, defaults) and its
/// parse errors in English; they are put in Dutch here, once, on their way out. Our own texts (abstracts,
/// option help, validation failures) are Dutch already and pass unchanged.
enum DutchCommandLine {
    /// Phrases of the parser's help and errors, English to Dutch, in the order they are tried.
    private static let phrases: [(pattern: String, dutch: String)] = [
        (#"^Error: "#, "htno-dialoog: "),
        (#"Unknown option '([^']*)'"#, "onbekende optie '$1'"),
        (#"Missing value for '([^']*)'"#, "de waarde ontbreekt bij '$1'"),
        (#"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of the following:"#, "'$1' is geen geldige waarde voor '$2'; kies uit:"),
        (#"The value '([^']*)' is invalid for '([^']*)'(: )?"#, "'$1' is geen geldige waarde voor '$2'$3"),
        (#"Missing expected argument '([^']*)'"#, "het argument '$1' ontbreekt"),
        (#"Unexpected arguments? (.*)"#, "onverwacht argument $1"),
        (#"Unknown subcommand '([^']*)'"#, "onbekende subopdracht '$1'"),
        (#"^Help: "#, "Hulp: "),
        (#"^Usage: "#, "Gebruik: "),
        (#"See '([^']*)' for more information\."#, "Meer uitleg: $1"),
        (#"See '([^']*) help <subcommand>' for detailed help\."#, "Uitleg per subopdracht: $1 help <subopdracht>"),
        (#"^OVERVIEW:"#, "OVERZICHT:"),
        (#"^USAGE:"#, "GEBRUIK:"),
        (#"^ARGUMENTS:"#, "ARGUMENTEN:"),
        (#"^OPTIONS:"#, "OPTIES:"),
        (#"^SUBCOMMANDS:"#, "SUBOPDRACHTEN:"),
        (#"\(default: "#, "(standaard: "),
        (#"\(default\)"#, "(standaard)"),
        (#"Show help information\."#, "Deze uitleg tonen."),
        (#"Show the version\."#, "De versie tonen."),
        (#"<subcommand>"#, "<subopdracht>"),
        (#"<options>"#, "<opties>"),
    ]

    private static let expressions = phrases.map { (try! NSRegularExpression(pattern: $0.pattern, options: [.anchorsMatchLines]), $0.dutch) }

    /// The parser's text with its English put in Dutch.
    static func translate(_ text: String) -> String {
        expressions.reduce(text) { text, rule in
            rule.0.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.1)
        }
    }

    /// Options before the subcommand (`htno-dialoog --db X export …`) belong to it: the subcommand goes first.
    static func reordered(_ arguments: [String], subcommands: [String]) -> [String] {
        guard arguments.first?.hasPrefix("-") == true,
              let index = arguments.firstIndex(where: subcommands.contains) else { return arguments }
        var arguments = arguments
        let subcommand = arguments.remove(at: index)
        return [subcommand] + arguments
    }
}

extension HtnoDialoog {
    /// Parses and runs as swift-argument-parser does, with its messages in Dutch; `help NAME` for a NAME that is
    /// no subcommand is an error, not the general help.
    static func main() {
        let names = configuration.subcommands.map { $0._commandName }
        // The shell's completion script asking for the decks or themes there are: the parser's own handling.
        if CommandLine.arguments.dropFirst().first == "---completion" { return main(Array(CommandLine.arguments.dropFirst())) }
        let arguments = DutchCommandLine.reordered(Array(CommandLine.arguments.dropFirst()), subcommands: names)
        if arguments.first == "help", let asked = arguments.dropFirst().first, !names.contains(asked) {
            FileHandle.standardError.write(Data("htno-dialoog: onbekende subopdracht '\(asked)'; kies uit: \(names.joined(separator: ", "))\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = DutchCommandLine.translate(fullMessage(for: error))
            if !message.isEmpty {
                let output = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                output.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
