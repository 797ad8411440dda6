import Foundation
import Testing
import DialoogModel
@testable import ReviewStore
@testable import DialoogUI

/// Who owes what, as a secretary sees it at 80x24: the greeting at start, her own actions, everyone's per
/// person, owners picked from the people, the changes since her last visit, notes marked for the jaarverslag.
@Suite struct PeopleFlowTests {
    private static let lastVisit = Date(timeIntervalSince1970: 1_795_168_800)  // 20-11-2026 10:00 UTC
    private static let colleagueTime = Date(timeIntervalSince1970: 1_795_514_400)  // 24-11-2026 10:00 UTC

    /// Jeanneke (the session's login) owes three actions, Bert one; Bert changed a status and added a note
    /// after her last visit.
    private func appWithPeople() throws -> (App, ReviewDatabase) {
        let store = try ReviewDatabase()
        _ = try store.apply(.addPerson(Person(name: "Jeanneke de Boer", initials: "JdB", organisation: "sac htno", login: "jeanneke")),
                            author: "jeanneke", now: Self.lastVisit)
        let actions: [(String, String, String?)] = [("Zaal reserveren", "Jeanneke de Boer", "2026-11-01"),
                                                    ("Verslag rondsturen", "Jeanneke de Boer", "2026-11-28"),
                                                    ("Pamflet bijwerken", "Jeanneke de Boer", "2027-01-10"),
                                                    ("Werkagenda opstellen", "Bert Bakker", "2026-10-01")]
        for (text, owner, due) in actions {
            _ = try store.apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: text, owner: owner, dueDate: due,
                                                      isDone: false, linkedId: nil, author: "", createdAt: Self.lastVisit)),
                                author: "jeanneke", now: Self.lastVisit)
        }
        _ = try store.recordVisit(login: "jeanneke", now: Self.lastVisit.addingTimeInterval(60))
        _ = try store.apply(.setStatus(itemId: "d1-in-1", status: .shown, expectedVersion: 0), author: "bert", now: Self.colleagueTime)
        _ = try store.apply(.addNote(subjectId: "d2-bw-1", text: "Pamflet gezien"), author: "bert", now: Self.colleagueTime)
        return (try makeReviewApp(repository: store), store)
    }

    @Test func theStartNamesAColleaguesChangesAndWhatFallsDue() throws {
        let (app, _) = try appWithPeople()
        let frame = app.render()
        assertSnapshot(frame, named: "start-reminder-80x24")
        let status = frame.lines.suffix(3).joined(separator: " ")
        #expect(status.contains("Sinds je laatste bezoek (20-11-2026 11:01): 2 wijzigingen door bert (2)"), "\(status)")
        #expect(status.contains("jouw acties: 1 over datum, 1 deze week af"), "\(status)")
        let quiet = App(dataset: sampleData, review: ReviewSession(repository: try ReviewDatabase(), author: "jeanneke", clock: reviewClock,
                                                                   export: { _, _, _ in "" }), remindsAtStart: false)
        #expect(quiet.statusMessage == nil, "herinneringen: false says nothing")
    }

    @Test func myActionsListMineOverdueFirst() throws {
        var (app, _) = try appWithPeople()
        app.type("m")
        let frame = app.render()
        #expect(frame.lines[1].contains("Review: acties · van Jeanneke de Boer · op status"), "\(frame)")
        let list = frame.lines.map { String($0.prefix(36)) }
        let rows = list.filter { $0.contains("○") }
        #expect(rows.count == 3 && rows[0].contains("01-11-2026 · Zaal reserveren") && rows[1].contains("28-11-2026 · Verslag rondsturen"), "\(rows)")
        #expect(!list.joined().contains("Werkagenda"), "not Bert's")
        app.type("P")
        #expect(app.render().lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Review: acties · op status"), "P steps to everyone's")
        app.type("P")
        #expect(app.render().lines[1].contains("acties · van Bert Bakker"), "then to each owner")
    }

    @Test func everyonesOpenActionsPerPersonAndXActsOnTheRow() throws {
        var (app, store) = try appWithPeople()
        app.type("6FF")
        let frame = app.render()
        assertSnapshot(frame, named: "actions-per-person-80x24")
        #expect(frame.lines[1].contains("Review: open acties per persoon"))
        let list = frame.lines.map { String($0.prefix(36)) }
        #expect(list.contains { $0.contains("Bert Bakker") && $0.contains("1 open, 1 laat") }
                && list.contains { $0.contains("Jeanneke de Boer") && $0.contains("3 open, 1 laat") })
        app.type("jj")
        #expect(app.render().contains("Zaal reserveren · deadline"), "the preview of the person: her actions")
        app.type("jj")
        app.type("x")
        #expect(app.statusMessage?.hasPrefix("Actie bijgewerkt (afgerond)") == true, "\(app.statusMessage ?? "")")
        #expect(try store.load().actions.filter(\.isDone).map(\.text) == ["Verslag rondsturen"], "x on the row finishes that row's action")
        app.type("\n")
        #expect(app.render().lines[1].contains("Overleggen") || app.render().contains("Sectortafel"), "Enter on an action row opens its meeting")
    }

    @Test func theOwnerIsPickedFromThePeopleAndANewNameBecomesOne() throws {
        var (app, store) = try appWithPeople()
        app.type("3t")
        app.type("Zaal boeken")
        app.press(.tab)
        app.type("jdb")
        #expect(app.render().contains("› Jeanneke de Boer · JdB · sac htno"), "initials find her")
        app.press(.enter)
        #expect(app.openForm?.texts[1] == "Jeanneke de Boer", "Enter takes the person and moves on to the deadline")
        app.type("31-1-27")
        #expect(app.openForm?.texts[2] == "31-1-27")
        app.press(.backTab)
        for _ in 0..<16 { app.press(.backspace) }
        app.type("Anne")
        #expect(app.render().contains("› Jeanneke de Boer"), "a name inside another is offered")
        app.press(.enter)
        #expect(app.openForm?.texts[1] == "Anne", "but Enter keeps a new name that no match begins with")
        app.press(.backTab)
        for _ in 0..<4 { app.press(.backspace) }
        app.type("Karin Kok")
        #expect(app.render().contains("nieuw: “Karin Kok” wordt een persoon bij bewaren"))
        app.press(.control("d"))
        #expect(try store.load().people.map(\.name).contains("Karin Kok"))
        #expect(try store.load().actions.contains { $0.text == "Zaal boeken" && $0.owner == "Karin Kok" })
    }

    @Test func twoSpellingsAreMergedFromThePeopleList() throws {
        var (app, store) = try appWithPeople()
        app.type("6F")
        #expect(app.render().lines[1].contains("Review: personen"))
        app.type("a")
        app.type("Bert B.")
        app.press(.control("d"))
        #expect(try store.load().people.count == 3)
        app.type("g")
        #expect(app.render().contains("▶ Bert B.") || app.render().lines.contains { $0.contains("Bert B.") })
        app.type("M")
        app.type("bakker")
        app.press(.enter)
        app.press(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Personen samengevoegd") == true, "\(app.statusMessage ?? "")")
        #expect(try store.load().people.map(\.name) == ["Bert Bakker", "Jeanneke de Boer"])
        app.type("u")
        #expect(app.statusMessage?.contains("Bert B. teruggezet") == true, "\(app.statusMessage ?? "")")
    }

    /// An undo step the database refuses for good (the person now owns an action) is dropped with its reason,
    /// so the steps before it can still be undone.
    @Test func aRefusedUndoStepDoesNotBlockTheOlderOnes() throws {
        var (app, store) = try appWithPeople()
        app.type("1\nl\ns")
        #expect(try store.load().status(of: "d1-in-1") == .notShown, "one step on from what Bert set")
        app.type("6F")
        app.type("a")
        app.type("Piet")
        app.press(.control("d"))
        _ = try store.apply(.addAction(ActionItem(id: 0, activityId: "2023-11-sectortafel", text: "Agenda maken", owner: "Piet", dueDate: nil,
                                                  isDone: false, linkedId: nil, author: "", createdAt: reviewClock())),
                            author: "bert", now: reviewClock())
        app.type("u")
        #expect(app.statusMessage == "Niet ongedaan gemaakt: Piet heeft nog acties: voeg samen met een ander in plaats van te wissen",
                "\(app.statusMessage ?? "")")
        app.type("u")
        #expect(app.statusMessage?.hasPrefix("Ongedaan: status van Doel 1 · Indicatoren 1") == true, "\(app.statusMessage ?? "")")
        #expect(try store.load().status(of: "d1-in-1") == .shown, "back to what Bert set")
    }

    @Test func theChangesSinceTheLastVisitLeadToTheirPlace() throws {
        var (app, _) = try appWithPeople()
        app.type("W")
        let frame = app.render()
        #expect(frame.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("Wijzigingen"))
        #expect(frame.contains("Doel 1: Draagvlak op alle niveaus") && frame.contains("bert · Indicatoren 1: status: open → aangetoond"))
        #expect(frame.contains("Doel 2: Realiseren van concrete acties") && frame.contains("Bewijs 1: notitie aangemaakt: “Pamflet gezien”"))
        app.press(.enter)
        #expect(app.section == .goals && app.render().contains("Indicatoren"), "Enter goes to the item")
    }

    @Test func theChangesListMadeAheadFollowsAChangeMadeAfter() throws {
        var (app, store) = try appWithPeople()
        app.prepareChangesList()
        _ = try store.apply(.addNote(subjectId: "d3-bw-1", text: "Na de start geschreven"), author: "bert", now: reviewClock())
        app.perform(.reload)
        app.type("W")
        #expect(app.render().contains("Bewijs 1: notitie aangemaakt: “Na de start"), "rows made ahead are made anew for a changed review")
    }

    @Test func aNoteIsMarkedForTheJaarverslagWhereItIsShown() throws {
        var (app, store) = try appWithPeople()
        app.type("1j\nll\n")
        #expect(app.render().contains("Pamflet gezien"), "Doel 2 · Bewijs 1 with Bert's note")
        app.press(.tab)
        app.type("J")
        #expect(app.statusMessage?.hasPrefix("Notitie gaat mee in het jaarverslag") == true, "\(app.statusMessage ?? "")")
        #expect(app.render().contains("door jeanneke · voor het") && app.render().contains("notitie gewijzigd: “intern” → “voor het"))
        #expect(try store.load().notes.first?.isForReport == true)
    }

    @Test func theReportExportSaysHowManyInternalNotesItLeftOut() throws {
        var (app, store) = try appWithPeople()
        _ = try store.apply(.addNote(subjectId: "d1-bw-1", text: "Intern: nog navragen"), author: "bert", now: reviewClock())
        app.perform(.reload)
        app.type("Em")
        app.press(.enter)
        #expect(app.statusMessage == "Export geschreven: /tmp/x.md · 2 interne notities niet opgenomen (J markeert voor het jaarverslag)",
                "\(app.statusMessage ?? "")")
    }
}

/// Who came to a meeting is picked from the people, one name after another; a new name becomes a person.
@Suite struct AttendanceTests {
    @Test func attendanceIsPickedFromThePeople() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addPerson(Person(name: "Jeanneke de Boer", initials: "JdB")), author: "anna", now: reviewClock())
        _ = try store.apply(.addPerson(Person(name: "Bert Bakker")), author: "anna", now: reviewClock())
        _ = try store.apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14")]), author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("3>>V")
        app.press(.tab)
        app.type("jdb")
        #expect(app.render().contains("› Jeanneke de Boer"))
        app.press(.enter)
        #expect(app.openForm?.texts[1] == "Jeanneke de Boer, ", "the name is taken and the list stays open")
        app.type("ba")
        app.press(.enter)
        #expect(app.openForm?.texts[1] == "Jeanneke de Boer, Bert Bakker, ")
        app.type("Karin Kok")
        app.press(.control("d"))
        let meeting = try #require(try store.load().meetings.first)
        #expect(meeting.attendance.map(\.name) == ["Jeanneke de Boer", "Bert Bakker", "Karin Kok"])
        #expect(try store.load().people.map(\.name).contains("Karin Kok"), "a new name becomes a person")
    }
}
