import Foundation
import Yams

/// A problem with a data file, said in one line: which file, where in it, and what is wrong.
public struct DataError: Error, Equatable, CustomStringConvertible {
    public let file: String
    /// Location inside the file, e.g. `goals[2].indicatoren[0].id`, or a line and column; empty if none.
    public let path: String
    public let message: String

    public init(file: String, path: String = "", message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

extension DataError {
    /// Turns a Yams or Decodable failure into a one-line DataError naming the file; with the YAML `text`, a
    /// decoding error names the line and column of the value too.
    public static func from(_ error: any Error, file: String, text: String? = nil) -> DataError {
        switch error {
        case let error as DataError:
            return error
        case let error as DecodingError:
            let located = decoding(error, file: file)
            guard let text, let (line, column, value, keys) = place(of: error, in: text) else { return located }
            var message = located.message + (value.map { ", gevonden: '\($0)'" } ?? "")
            if case .keyNotFound(let missing, _) = error, let near = NearMatch.nearest(to: missing.stringValue, among: keys) {
                message += " (er staat '\(near)': bedoelde je '\(missing.stringValue)'?)"
            }
            return DataError(file: file, path: "regel \(line), kolom \(column), \(located.path)", message: message)
        case let error as YamlError:
            return yaml(error, file: file)
        default:
            return DataError(file: file, message: oneLine(String(describing: error)))
        }
    }

    /// What one of our decoders found wrong, in Dutch, carried inside a `DecodingError`.
    struct DataProblem: Error {
        let message: String
    }

    private static func decoding(_ error: DecodingError, file: String) -> DataError {
        switch error {
        case .keyNotFound(let key, let context):
            return DataError(file: file, path: render(context.codingPath + [key]), message: "verplichte sleutel '\(key.stringValue)' ontbreekt")
        case .typeMismatch(let type, let context):
            return DataError(file: file, path: render(context.codingPath), message: "verwacht \(describe(type))")
        case .valueNotFound(let type, let context):
            return DataError(file: file, path: render(context.codingPath), message: "verwacht \(describe(type)), niets gevonden")
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? YamlError {
                return yaml(underlying, file: file)
            }
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                // Foundation's JSON errors are English; keep only where ("around line 3, column 5").
                let place = String(describing: underlying).firstMatch(of: /line (\d+), column (\d+)/).map { "regel \($0.1), kolom \($0.2)" }
                return DataError(file: file, path: place ?? "", message: "ongeldige JSON")
            }
            // A value the type does not take (an unknown kind, a malformed date): the decoder says so in English;
            // a type of ours says what it expected in Dutch.
            return DataError(file: file, path: render(context.codingPath),
                             message: (context.underlyingError as? DataProblem)?.message ?? "ongeldige waarde")
        @unknown default:
            return DataError(file: file, message: oneLine(String(describing: error)))
        }
    }

    private static func yaml(_ error: YamlError, file: String) -> DataError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return DataError(file: file, path: "regel \(mark.line), kolom \(mark.column)", message: "ongeldige YAML: \(dutch(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DataError(file: file, path: "regel \(context.mark.line), kolom \(context.mark.column)",
                             message: "dubbele sleutel \(duplicates.joined(separator: ", "))")
        default:
            return DataError(file: file, message: "ongeldige YAML: " + oneLine(String(describing: error)))
        }
    }

    /// `goals[2].indicatoren[0].id` from a coding path.
    static func render(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { result, key in
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }

    /// libyaml's problems, in Dutch (the common ones; any other as "de opbouw klopt hier niet").
    private static func dutch(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("did not find expected ',' or ']'", "',' of ']' verwacht"),
            ("did not find expected ',' or '}'", "',' of '}' verwacht"),
            ("did not find expected key", "een sleutel verwacht (klopt het inspringen?)"),
            ("did not find expected '-' indicator", "'-' verwacht (klopt het inspringen?)"),
            ("could not find expected ':'", "':' verwacht"),
            ("mapping values are not allowed in this context", "een ':' mag hier niet (zet tekst met een dubbele punt tussen aanhalingstekens)"),
            ("found character that cannot start any token", "een teken waarmee niets kan beginnen (een tab?)"),
            ("found unexpected end of stream", "het bestand houdt onverwacht op"),
            ("found unknown escape character", "onbekende escape na \\"),
            ("found undefined tag handle", "onbekende tag"),
            ("block sequence entries are not allowed in this context", "een lijst ('-') mag hier niet"),
        ]
        return known.first { problem.hasPrefix($0.0) }?.1 ?? "de opbouw klopt hier niet"
    }

    /// Where the value a decoding error is about stands in the YAML text (line and column from 1), the value
    /// itself when it is a scalar, and the keys it has when it is a mapping.
    private static func place(of error: DecodingError, in text: String) -> (Int, Int, String?, [String])? {
        let path: [any CodingKey] = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        @unknown default: []
        }
        guard !path.isEmpty, var node = try? Yams.compose(yaml: text) else { return nil }
        for key in path {
            if let index = key.intValue, case .sequence(let sequence) = node, index < sequence.count {
                node = sequence[index]
            } else if let value = node.mapping?[key.stringValue] {
                node = value
            } else {
                return nil
            }
        }
        guard let mark = node.mark else { return nil }
        return (mark.line, mark.column, node.scalar?.string, node.mapping?.keys.compactMap(\.string) ?? [])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "tekst"
        case is Int.Type: "een geheel getal"
        case is Bool.Type: "true of false"
        default: String(describing: type)
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// The name that a mistyped one was most likely meant to be, for a "bedoelde je …" hint: a few letters apart
/// ("tekst" for "text", "thema" for "theme"), and never the name itself.
public enum NearMatch {
    public static func nearest(to typed: String, among names: [String]) -> String? {
        // A dotted name given without its group ("omlaag" for "ga.omlaag").
        if let whole = names.first(where: { $0.hasSuffix("." + typed) }) { return whole }
        return names.map { ($0, distance($0.lowercased(), typed.lowercased())) }
            .filter { $0.1 <= max(2, typed.count / 3) && $0.0 != typed }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein: insertions, deletions and substitutions.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
