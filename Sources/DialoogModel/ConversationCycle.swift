/// The 2023 conversation cycle (Bijlage 2): every month with its activities, and the htno-middagen.
public struct ConversationCycle: Sendable, Equatable, Decodable {
    public let year: Int
    public let months: [MonthPlan]
    public let htnoMiddagen: [HtnoMiddag]

    /// The htno-middag that an activity of the cycle refers to, if any.
    public func htnoMiddag(for activity: Activity) -> HtnoMiddag? {
        htnoMiddagen.first { $0.activityId == activity.id }
    }
}

public struct MonthPlan: Sendable, Equatable, Decodable {
    /// 1 = januari ... 12 = december.
    public let month: Int
    /// Empty for a month without activities (oktober 2023).
    public let activities: [Activity]

    public var name: String { DutchMonth.name(month) }
}

public enum DutchMonth {
    public static let names = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    public static func name(_ month: Int) -> String {
        names.indices.contains(month - 1) ? names[month - 1] : "maand \(month)"
    }
}

public struct Activity: Sendable, Equatable, Decodable {
    public enum Kind: String, Sendable, Decodable, CaseIterable {
        case htnoMiddag = "htno-middag"
        case sacVergadering = "sac-vergadering"
        case sectortafel
        case pamflet
        case uitnodiging
        case reces
    }

    public let id: String
    public let kind: Kind
    public let activity: String
    /// "Onderwerp", "Onderwerpen" or "Thema", as the source labels the topic.
    public let topicLabel: String?
    public let topic: String?
    /// "Deelnemers", "Doelgroep" or "Doelgroepen", as the source labels them.
    public let participantsLabel: String?
    public let participants: String?
}

/// One htno-middag of 2023 with what the annual report and the pamflet say of it.
public struct HtnoMiddag: Sendable, Equatable, Decodable {
    public let id: String
    public let activityId: String
    public let date: String
    /// Nil where the sources name no place.
    public let place: String?
    public let theme: String
    public let centralQuestion: String?
    /// The middag part by part as its pamflet tells it; nil where no pamflet exists.
    public let programme: [ProgrammePart]?
    public let attendance: [Attendance]
    public let goodPractices: [GoodPractice]
    public let commitments: [String]

    public struct Attendance: Sendable, Equatable, Decodable {
        public let text: String
        public let source: String
    }

    public struct GoodPractice: Sendable, Equatable, Decodable {
        public let title: String
        public let text: String
    }

    public struct ProgrammePart: Sendable, Equatable, Decodable {
        /// A short label of ours ("Debat: stellingen en conclusie").
        public let part: String
        public let speakers: [String]?
        public let paragraphs: [String]
        public let items: [String]?
        /// Whether the good practices were presented in this part (the deelsessies).
        public let goodPractices: Bool?

        public var texts: [String] { [part] + (speakers ?? []) + paragraphs + (items ?? []) }
    }
}

extension Activity.Kind {
    /// A sectortafel or sac vergadering has an agenda to prepare; an htno-middag has a programme instead.
    public var hasAgenda: Bool { self == .sectortafel || self == .sacVergadering }
}

extension ConversationCycle {
    /// The first meeting with an agenda in or after `month` (1-12; the cycle repeats every year).
    public func nextAgendaMeeting(inOrAfter month: Int) -> Activity? {
        let upcoming = months.filter { $0.month >= month } + months.filter { $0.month < month }
        return upcoming.lazy.flatMap(\.activities).first { $0.kind.hasAgenda }
    }
}
