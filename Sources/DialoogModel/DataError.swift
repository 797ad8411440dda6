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
    /// Turns a Yams or Decodable failure into a one-line DataError naming the file.
    public static func from(_ error: any Error, file: String) -> DataError {
        switch error {
        case let error as DataError:
            return error
        case let error as DecodingError:
            return decoding(error, file: file)
        case let error as YamlError:
            return yaml(error, file: file)
        default:
            return DataError(file: file, message: oneLine(String(describing: error)))
        }
    }

    private static func decoding(_ error: DecodingError, file: String) -> DataError {
        switch error {
        case .keyNotFound(let key, let context):
            return DataError(file: file, path: render(context.codingPath + [key]), message: "verplichte sleutel '\(key.stringValue)' ontbreekt")
        case .typeMismatch(let type, let context):
            return DataError(file: file, path: render(context.codingPath), message: "verwacht \(describe(type)): \(oneLine(context.debugDescription))")
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
            return DataError(file: file, path: render(context.codingPath), message: oneLine(context.debugDescription))
        @unknown default:
            return DataError(file: file, message: oneLine(String(describing: error)))
        }
    }

    private static func yaml(_ error: YamlError, file: String) -> DataError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return DataError(file: file, path: "regel \(mark.line), kolom \(mark.column)", message: "ongeldige YAML: \(problem)")
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
