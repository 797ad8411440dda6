import Foundation
import Testing
import DialoogModel
@testable import ReviewStore

/// Meetings of any year in the review database: added, planned from the 2023 pattern without doubles,
/// edited with versions, never deleted while decisions or actions hang on them, every step undone.
private let sampleDataset = try! DatasetLoader.load(directory: StableIdTests.sampleData)

@Suite struct MeetingTests {
    private let cycle = sampleDataset.cycle

    @Test func aYearIsPlannedLike2023AndPlanningTwiceAddsNothing() throws {
        let store = try ReviewDatabase()
        let plan = MeetingPlan.meetings(in: 2025, like: cycle)
        #expect(plan.map(\.kind).contains("sectortafel") && plan.map(\.kind).contains("sac vergadering") && plan.map(\.kind).contains("htno-middag"))
        #expect(plan.allSatisfy { $0.year == 2025 && $0.status == .planned && $0.plannedFrom != nil })
        #expect(plan.first { $0.plannedFrom == "2023-01-htno-middag" }?.date == "2025-01-18", "a middag keeps its day of the month")
        let undo = try store.apply(.addMeetings(plan), author: "anna", now: now)
        #expect(try store.load().meetings.count == plan.count)
        #expect(throws: NothingToPlan.self, "a second plan of 2025 adds nothing, and leaves no step to undo") {
            try store.apply(.addMeetings(MeetingPlan.meetings(in: 2025, like: cycle)), author: "bert", now: now)
        }
        #expect(try store.load().meetings.count == plan.count)
        _ = try store.apply(.addMeetings(MeetingPlan.meetings(in: 2026, like: cycle)), author: "bert", now: now)
        #expect(try store.load().meetings(in: 2026).count == plan.count, "another year is planned anew")
        _ = try store.apply(undo, author: "anna", now: now)
        #expect(try store.load().meetings(in: 2025).isEmpty, "undo takes the whole planned year back")
    }

    @Test func aMeetingIsEditedWithItsMinutesAndConflictsLikeANote() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14", startTime: "13:30", place: "Den Haag")]),
                            author: "anna", now: now)
        var meeting = try #require(try store.load().meetings.first)
        #expect(meeting.name == "Sectortafel 14-11-2025" && meeting.activityId == "overleg-\(meeting.id)")
        meeting.minutes = "Werkagenda besproken.\nVolgende keer: instroom."
        meeting.attendance = [.init(name: "Anna de Vries"), .init(name: "Bert Bakker", isExcused: true)]
        meeting.agendaPoints = [.init(text: "Opening"), .init(text: "Werkagenda 2026", linkedId: "doel-2")]
        meeting.status = .held
        let undo = try store.apply(.updateMeeting(meeting), author: "anna", now: now)
        let stored = try #require(try store.load().meetings.first)
        #expect(stored.minutes == meeting.minutes && stored.attendance == meeting.attendance && stored.agendaPoints == meeting.agendaPoints)
        #expect(stored.status == .held && stored.version == 2)
        #expect(try store.load().history.last?.newValue?.contains("verslag: Werkagenda besproken.") == true, "the verslag is in the history in full")
        #expect(throws: ReviewConflict.self, "a save from the old version is refused") {
            var stale = meeting
            stale.place = "Utrecht"
            try store.apply(.updateMeeting(stale), author: "bert", now: now)
        }
        _ = try store.apply(undo, author: "anna", now: now)
        #expect(try store.load().meetings.first?.minutes == "")
    }

    @Test func aMeetingWithDecisionsIsCancelledNotDeleted() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addMeetings([Meeting(kind: "sac vergadering", date: "2025-03-12")]), author: "anna", now: now)
        let meeting = try #require(try store.load().meetings.first)
        _ = try store.apply(.addDecision(activityId: meeting.activityId, text: "Twee extra sectortafels"), author: "anna", now: now)
        #expect(throws: MeetingInUse.self) {
            try store.apply(.deleteMeetings([meeting.id], expectedVersions: [meeting.version]), author: "anna", now: now)
        }
        #expect(try store.load().meetingName(meeting.activityId, in: sampleDataset) == "Sac vergadering 12-03-2025")
        let empty = try store.apply(.addMeetings([Meeting(kind: "werkbezoek", date: "2025-04-01")]), author: "anna", now: now)
        _ = try store.apply(empty, author: "anna", now: now)
        #expect(try store.load().meetings.map(\.kind) == ["sac vergadering"], "a meeting with nothing on it is deleted")
        _ = try store.apply(.addMeetings([Meeting(kind: "werkbezoek", date: "2025-05-01")]), author: "anna", now: now)
        let visit = try #require(try store.load().meetings.first { $0.kind == "werkbezoek" })
        _ = try store.apply(.addNote(subjectId: visit.activityId, text: "Verslag volgt"), author: "anna", now: now)
        #expect(throws: MeetingInUse.self, "nor one with a note: the note would hang on nothing") {
            try store.apply(.deleteMeetings([visit.id], expectedVersions: [visit.version]), author: "anna", now: now)
        }
    }
}

/// A peildatum keeps every item's status as it stood; later changes do not touch it; undo takes it away whole.
@Suite struct PeildatumTests {
    @Test func aPeildatumKeepsTheStatusesOfItsMoment() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .inProgress, expectedVersion: 0), author: "anna", now: now)
        let undo = try store.apply(.recordPeildatum(label: "december 2024"), author: "anna", now: now)
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 1), author: "bert", now: now)
        _ = try store.apply(.setStatus(itemId: "d2-bw-1", status: .notShown, expectedVersion: 0), author: "bert", now: now)
        let review = try store.load()
        let december = try #require(review.peildata.first)
        #expect(december.label == "december 2024" && december.author == "anna")
        #expect(december.status(of: "d1-in-1") == .inProgress && december.status(of: "d2-bw-1") == .open, "as it stood, not as it is")
        let moves = PeildatumComparison(dataset: sampleDataset, before: december.status(of:), after: review.status(of:)).moves
        #expect(moves.map { "\($0.goal) \($0.column.title) \($0.item) \($0.from.label) → \($0.to.label)" }
                == ["0 Indicatoren 0 in behandeling → aangetoond", "1 Bewijs 0 open → niet aangetoond"])
        let redo = try store.apply(undo, author: "anna", now: now)
        #expect(try store.load().peildata.isEmpty)
        _ = try store.apply(redo, author: "anna", now: now)
        #expect(try store.load().peildata.first?.status(of: "d1-in-1") == .inProgress, "redo brings it back as it was")
    }
}
