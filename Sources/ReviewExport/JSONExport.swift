import DialoogModel
import Foundation

/// The same content as structured JSON.
enum JSONExport {
    struct Document: Encodable {
        let peildatum: String
        let exportedAt: Date
        let goals: [Goal]
        let meetings: [Meeting]
        /// Every meeting of a later year, also those with nothing recorded yet.
        let plannedMeetings: [DialoogModel.Meeting]
        let people: [Person]
        /// Notes on places other than goal items: meetings, themes, cases, examples, figures, sources.
        let otherNotes: [OtherNote]
        let peildata: [Peildatum]
        let orphanedIds: [String]
        /// Every change: who, when, which record, old → new.
        let history: [HistoryEntry]
        /// Every record as stored, ids and versions too: what `import` reads.
        let records: ReviewRecords
    }

    /// What `import` reads of an export: only its records.
    private struct Records: Decodable {
        let records: ReviewRecords
    }

    /// The records of a JSON export; a file that is not one says what is missing or wrong, in Dutch.
    static func records(in json: Data, from file: String) throws(ExportFailure) -> ReviewRecords {
        let decoder = JSONDecoder()
        let timestamp = timestamp
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = timestamp.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is geen tijdstip"))
            }
            return date
        }
        do {
            return try decoder.decode(Records.self, from: json).records
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw ExportFailure(file, "'\(path)' ontbreekt: geen JSON-export van htno-dialoog 0.4 of later")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw ExportFailure(file, "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw ExportFailure(file, "geen leesbare JSON-export van htno-dialoog")
        }
    }

    /// Times to the millisecond, as the review database keeps them, so an import gives back the same records.
    private static var timestamp: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    struct Goal: Encodable {
        let number: Int
        let id: String
        let title: String
        let columns: [String: [Item]]
    }

    struct Item: Encodable {
        let id: String
        let text: String
        let subitems: [String]
        let isMitigation: Bool
        let status: String?
        let notes: [NoteEntry]
    }

    struct NoteEntry: Encodable {
        let text: String
        let author: String
        let createdAt: Date
        let updatedBy: String?
        let updatedAt: Date?
    }

    struct Meeting: Encodable {
        let activityId: String
        let month: Int
        let activity: String
        /// A meeting of a later year as the secretariat keeps it (date, status, minutes, attendance, agenda).
        let record: DialoogModel.Meeting?
        let decisions: [DecisionEntry]
        let actions: [ActionEntry]
    }

    struct OtherNote: Encodable {
        let subjectId: String
        let place: String
        let note: NoteEntry
    }

    struct DecisionEntry: Encodable {
        let text: String
        let author: String
        let createdAt: Date
    }

    struct ActionEntry: Encodable {
        let text: String
        let owner: String
        let dueDate: String?
        let done: Bool
        let linkedId: String?
    }

    static func text(dataset: Dataset, review: ReviewSnapshot, exportedAt: Date) -> String {
        let goals = dataset.pilotGoals.map { goal in
            Goal(number: goal.number, id: goal.id, title: goal.title, columns: Dictionary(uniqueKeysWithValues: GoalColumn.allCases.map { column in
                (column.title, goal.items(in: column).map { item in
                    Item(id: item.id, text: item.text, subitems: item.subitems, isMitigation: item.isMitigation,
                         status: column.isReviewable ? review.status(of: item.id).rawValue : nil,
                         notes: review.notes(on: item.id).map {
                             NoteEntry(text: $0.text, author: $0.author, createdAt: $0.createdAt, updatedBy: $0.updatedBy, updatedAt: $0.updatedAt)
                         })
                })
            }))
        }
        let meetings = ReviewExporter.meetings(dataset, review: review).map { heading in
            Meeting(activityId: heading.activityId, month: heading.month, activity: heading.activity, record: heading.meeting,
                    decisions: review.decisions(at: heading.activityId).map { DecisionEntry(text: $0.text, author: $0.author, createdAt: $0.createdAt) },
                    actions: review.actions(at: heading.activityId).map {
                        ActionEntry(text: $0.text, owner: $0.owner, dueDate: $0.dueDate, done: $0.isDone, linkedId: $0.linkedId)
                    })
        }
        let document = Document(peildatum: dataset.peildatum, exportedAt: exportedAt, goals: goals, meetings: meetings,
                                plannedMeetings: review.meetings, people: review.people,
                                otherNotes: review.notes.filter { dataset.goalItem(id: $0.subjectId) == nil }.map {
                                    OtherNote(subjectId: $0.subjectId, place: review.subjectName($0.subjectId, in: dataset),
                                              note: NoteEntry(text: $0.text, author: $0.author, createdAt: $0.createdAt, updatedBy: $0.updatedBy,
                                                              updatedAt: $0.updatedAt))
                                },
                                peildata: review.peildata,
                                orphanedIds: review.orphanedIds(in: dataset).sorted(), history: review.history, records: ReviewRecords(review))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let timestamp = timestamp
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp.string(from: date))
        }
        return (try? encoder.encode(document)).flatMap { String(data: $0, encoding: .utf8) }.map { $0 + "\n" } ?? "{}\n"
    }
}
