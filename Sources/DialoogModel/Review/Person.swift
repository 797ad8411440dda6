import Foundation

/// Someone who owns actions or attends meetings, kept in the review database so owners are picked, not
/// spelled anew each time.
public struct Person: Sendable, Equatable, Identifiable, Codable {
    public let id: Int64
    /// As actions name their owner; unique regardless of case.
    public var name: String
    public var initials: String?
    public var organisation: String?
    public var role: String?
    public var email: String?
    /// The `--user` login that is this person.
    public var login: String?
    public let author: String
    public let createdAt: Date
    public var updatedAt: Date?
    public var updatedBy: String?
    public var version: Int

    public init(id: Int64 = 0, name: String, initials: String? = nil, organisation: String? = nil, role: String? = nil,
                email: String? = nil, login: String? = nil, author: String = "", createdAt: Date = Date(),
                updatedAt: Date? = nil, updatedBy: String? = nil, version: Int = 1) {
        self.id = id
        self.name = name
        self.initials = initials
        self.organisation = organisation
        self.role = role
        self.email = email
        self.login = login
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.version = version
    }

    /// The person in one line, as the history records it: "Jan Jansen (JJ) · HAN · voorzitter".
    public var summary: String {
        let initials = initials.map { " (\($0))" } ?? ""
        return ([name + initials, organisation, role, email, login.map { "login \($0)" }].compactMap { $0 }).joined(separator: " · ")
    }

    /// The subject a person's history entries are filed under.
    public static func historySubject(_ id: Int64) -> String { "persoon:\(id)" }

    /// Whether `name` names this person: the name or the initials, regardless of case.
    public func isNamed(_ name: String) -> Bool {
        self.name.caseInsensitiveCompare(name) == .orderedSame || initials.map { $0.caseInsensitiveCompare(name) == .orderedSame } == true
    }
}

extension ReviewSnapshot {
    /// The person behind a login (`--user`): the one with that login, else the one with that name.
    public func person(forLogin login: String) -> Person? {
        people.first { $0.login == login } ?? people.first { $0.isNamed(login) }
    }

    /// What a review subject id names, for a reader: a goal item, a meeting, or a person.
    public func subjectName(_ subjectId: String, in dataset: Dataset) -> String {
        dataset.reviewTargetName(subjectId) ?? meetingName(subjectId, in: dataset)
            ?? people.first { Person.historySubject($0.id) == subjectId }?.name ?? subjectId
    }

    /// The actions under `name` (owners are saved under their person's name; compared regardless of case).
    public func actions(ownedBy name: String) -> [ActionItem] {
        actions.filter { $0.owner.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The name a login's actions are under: its person's name, or the login itself.
    public func ownerName(forLogin login: String) -> String { person(forLogin: login)?.name ?? login }
}
