import Foundation

/// A meeting the secretariat plans and keeps the minutes of, in any year after the source's 2023 cycle:
/// a sectortafel, sac vergadering, htno-middag or another kind. Its decisions and actions hang on
/// `activityId`, as those of the 2023 meetings hang on theirs.
public struct Meeting: Sendable, Equatable, Identifiable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case planned = "gepland"
        case held = "gehouden"
        case moved = "verzet"
        case cancelled = "vervallen"
    }

    /// Someone at (or excused from) the meeting, by name as the people list has it.
    public struct Attendee: Sendable, Equatable, Codable {
        public var name: String
        public var isExcused: Bool

        public init(name: String, isExcused: Bool = false) {
            self.name = name
            self.isExcused = isExcused
        }
    }

    /// One point of the agenda, in order, optionally about a goal or goal item.
    public struct AgendaPoint: Sendable, Equatable, Codable {
        public var text: String
        public var linkedId: String?

        public init(text: String, linkedId: String? = nil) {
            self.text = text
            self.linkedId = linkedId
        }
    }

    public let id: Int64
    /// "sectortafel", "sac vergadering", "htno-middag" or a kind the secretary typed.
    public var kind: String
    /// yyyy-MM-dd.
    public var date: String
    /// HH:mm, when known.
    public var startTime: String?
    public var endTime: String?
    public var place: String?
    /// Theme or subjects.
    public var topic: String?
    public var centralQuestion: String?
    /// Groups as the source names them ("landelijk georganiseerde branches, …").
    public var participants: String?
    public var status: Status
    /// The verslag, as typed.
    public var minutes: String
    public var attendance: [Attendee]
    public var agendaPoints: [AgendaPoint]
    /// An htno-middag's record, as the 2023 middag's is kept: its programme parts, good practices and commitments.
    public var programme: [String]
    public var goodPractices: [String]
    public var commitments: [String]
    /// The 2023 activity a planned year copied this meeting from (`2023-11-sectortafel`), so planning the
    /// same year twice creates nothing twice.
    public var plannedFrom: String?
    public let author: String
    public let createdAt: Date
    public var updatedAt: Date?
    public var updatedBy: String?
    public var version: Int

    public init(id: Int64 = 0, kind: String, date: String, startTime: String? = nil, endTime: String? = nil, place: String? = nil,
                topic: String? = nil, centralQuestion: String? = nil, participants: String? = nil, status: Status = .planned,
                minutes: String = "", attendance: [Attendee] = [], agendaPoints: [AgendaPoint] = [], programme: [String] = [],
                goodPractices: [String] = [], commitments: [String] = [], plannedFrom: String? = nil,
                author: String = "", createdAt: Date = Date(), updatedAt: Date? = nil, updatedBy: String? = nil, version: Int = 1) {
        self.id = id
        self.kind = kind
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.topic = topic
        self.centralQuestion = centralQuestion
        self.participants = participants
        self.status = status
        self.minutes = minutes
        self.attendance = attendance
        self.agendaPoints = agendaPoints
        self.programme = programme
        self.goodPractices = goodPractices
        self.commitments = commitments
        self.plannedFrom = plannedFrom
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }

    /// What its decisions and actions hang on.
    public var activityId: String { Self.activityId(id) }

    public static func activityId(_ id: Int64) -> String { "overleg-\(id)" }

    /// The meeting id in an activity id ("overleg-12" → 12); nil for a 2023 activity.
    static func id(inActivityId activityId: String) -> Int64? {
        activityId.hasPrefix("overleg-") ? Int64(activityId.dropFirst("overleg-".count)) : nil
    }

    public var year: Int { Int(date.prefix(4)) ?? 0 }
    public var isHtnoMiddag: Bool { kind.lowercased().replacingOccurrences(of: " ", with: "-") == "htno-middag" }
    /// 1 = januari.
    public var month: Int { Int(date.dropFirst(5).prefix(2)) ?? 0 }

    /// "Sectortafel 14-11-2025": how people name it.
    public var name: String { kind.prefix(1).uppercased() + kind.dropFirst() + " " + DutchDate.day(date) }

    /// The meeting in one line, as the history records it.
    public var summary: String {
        let time = startTime.map { " \($0)" + (endTime.map { "–\($0)" } ?? "") } ?? ""
        return ([name + time, place, topic, status.rawValue]).compactMap { $0 }.joined(separator: " · ")
    }
}

extension ReviewSnapshot {
    /// A meeting of the 2023 cycle or one the secretariat added, as people name it.
    public func meetingName(_ activityId: String, in dataset: Dataset) -> String? {
        dataset.meetingName(activityId) ?? meeting(activityId: activityId)?.name
    }

    /// By the number in the id: hundreds of lines name a meeting, and spelling out every meeting's id to compare was most of a list of them.
    public func meeting(activityId: String) -> Meeting? {
        guard let id = Meeting.id(inActivityId: activityId) else { return nil }
        return meetings.first { $0.id == id }
    }

    /// Where a meeting is shown: in the 2023 cycle, or among the meetings of its year.
    public func location(ofMeeting activityId: String, in dataset: Dataset) -> DataLocation? {
        if let place = dataset.activity(id: activityId) { return .activity(month: place.month, index: place.index) }
        return meeting(activityId: activityId).map { .meeting(id: $0.id, year: $0.year) }
    }

    /// The first later meeting on or after `today` (yyyy-MM-dd) that is not cancelled: the next to prepare.
    public func nextMeeting(onOrAfter today: String) -> Meeting? {
        meetings.first { $0.date >= today && $0.status != .cancelled }
    }

    /// The meeting whose agenda comes next (by activity id): the first later meeting from `today` on, else the
    /// 2023 cycle's sectortafel or sac vergadering in or after this month (the cycle repeats).
    public func nextAgendaMeetingId(in dataset: Dataset, today: String) -> String? {
        nextMeeting(onOrAfter: today)?.activityId ?? dataset.cycle.nextAgendaMeeting(inOrAfter: Int(today.dropFirst(5).prefix(2)) ?? 1)?.id
    }

    /// The meetings of one year, by date.
    public func meetings(in year: Int) -> [Meeting] { meetings.filter { $0.year == year } }
}
