import Foundation
import Testing
import DialoogModel
@testable import ReviewStore
@testable import DialoogUI

/// An app on a new, empty review database, and that database to check what it stored.
private func appOnNewReview() throws -> (App, ReviewDatabase) {
    let store = try ReviewDatabase()
    return (try makeReviewApp(repository: store), store)
}

/// A secretary plans 2025 like 2023, adds a meeting, keeps its minutes and moves its status, at 80x24.
@Suite struct MeetingFlowTests {
    @Test func aYearIsPlannedAndAMeetingKeepsItsMinutes() throws {
        var (app, store) = try appOnNewReview()
        app.type("3<")
        #expect(app.statusMessage == "2023 is het eerste jaar: de cyclus uit de bron")
        app.type(">>")
        #expect(app.render().contains("Nog geen overleggen in 2025"))
        app.type(":jaar plannen\n")
        #expect(app.statusMessage?.hasPrefix("\(MeetingPlan.meetings(in: 2025, like: sampleData.cycle).count) overleggen gepland") == true,
                "\(app.statusMessage ?? "")")
        let planned = app.render()
        assertSnapshot(planned, named: "meetings-2025-planned-80x24")
        #expect(planned.contains("Overleggen 2025") && planned.contains("18-01 htno-middag"))
        app.type(":jaar plannen\n")
        #expect(app.statusMessage == "Niet opgeslagen: dat jaar is al gepland zoals 2023: er is niets toegevoegd", "\(app.statusMessage ?? "")")
        #expect(try store.load().meetings(in: 2025).count == MeetingPlan.meetings(in: 2025, like: sampleData.cycle).count)

        app.type("+")
        app.type("sectortafel")
        app.press(.tab)
        app.type("14-11-25")
        app.press(.tab)
        app.type("13:30")
        app.press(.tab)
        app.type("16:00")
        app.press(.tab)
        app.type("Den Haag")
        app.press(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Sectortafel 14-11-2025 gepland") == true, "\(app.statusMessage ?? "")")
        let added = try #require(try store.load().meetings.first { $0.date == "2025-11-14" && $0.plannedFrom == nil })
        #expect(added.startTime == "13:30" && added.endTime == "16:00" && added.place == "Den Haag")

        app.type("Gkk")
        #expect(app.render().lines[3...].contains { $0.contains("Sectortafel 14-11-2025") }, "the preview shows the new meeting")
        app.type("V")
        app.type("Werkagenda besproken.")
        app.press(.tab)
        app.type("Anna de Vries, Bert Bakker")
        app.press(.tab)
        app.type("Carla")
        app.press(.tab)
        app.type("Opening")
        app.press(.enter)
        app.type("Werkagenda 2026")
        app.press(.control("d"))
        let kept = try #require(try store.load().meetings.first { $0.id == added.id })
        #expect(kept.minutes == "Werkagenda besproken." && kept.attendance.map(\.name) == ["Anna de Vries", "Bert Bakker", "Carla"])
        #expect(kept.attendance.last?.isExcused == true && kept.agendaPoints.map(\.text) == ["Opening", "Werkagenda 2026"])
        app.type("s")
        #expect(try store.load().meetings.first { $0.id == added.id }?.status == .held)
        app.type("b")
        app.type("Twee extra sectortafels in 2026")
        app.press(.control("d"))
        app.press(.enter)
        let detail = app.render()
        assertSnapshot(detail, named: "meeting-minutes-80x24")
        #expect(detail.contains("Sectortafel 14-11-2025") && detail.contains("gehouden · 13:30–16:00 · Den Haag"))
        #expect(detail.contains("Aanwezig (2)") && detail.contains("Afgemeld (1)") && detail.contains("1. Opening"))
        // p on the meeting: its decisions and actions on a slide (issue 22, feature 17); Esc Esc back to it.
        app.type("p")
        let slide = app.render()
        #expect(slide.contains("Sectortafel 14-11-2025") && slide.contains("• Twee extra sectortafels in 2026") && slide.contains("Geen acties vastgelegd"),
                "\(slide.text)")
        app.press(.escape)
        #expect(app.presenter == nil && app.render().contains("gehouden · 13:30–16:00 · Den Haag"), "Esc: back at the meeting")
        app.type(":2025 sectortafel 14\n")
        #expect(app.section == .cycle && app.render().lines[1].contains("Overleggen 2025"), ":2025 sectortafel finds the meeting")
        #expect(app.render().contains("Sectortafel 14-11-2025"))
        app.type("/werkagenda besproken\n")
        #expect(app.render().contains("Overleg · Sectortafel 14-11-2025"), "/ finds a word of the verslag")
        app.type("6ffffff")
        let decisions = app.render()
        #expect(decisions.lines[3].contains("Sectortafel 14-11-2025 ·") && decisions.contains("Twee extra sectortafels in 2026"),
                "the Review list of decisions has it")
        #expect(!decisions.contains("niet meer in de data"), "a later meeting is no orphan")
    }

    /// An htno-middag keeps its programme, good practices and commitments, as the 2023 middagen do.
    @Test func anHtnoMiddagKeepsItsProgrammeAndCommitments() throws {
        let store = try ReviewDatabase()
        _ = try store.apply(.addMeetings([Meeting(kind: "htno-middag", date: "2025-01-17", place: "Utrecht")]), author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("3>>V")
        #expect(app.openForm?.title == "Verslag, aanwezigen en agenda" && app.openForm?.texts.count == 7)
        app.type("Goed bezocht.")
        app.press(.tab, .tab, .tab, .tab)
        app.type("Opening")
        app.press(.enter)
        app.type("Debat")
        app.press(.tab)
        app.type("Leer-werk-hubs Twente")
        app.press(.tab)
        app.type("Werkveld levert sprekers voor juni")
        app.press(.control("d"))
        let middag = try #require(try store.load().meetings.first)
        #expect(middag.minutes == "Goed bezocht." && middag.programme == ["Opening", "Debat"])
        #expect(middag.goodPractices == ["Leer-werk-hubs Twente"] && middag.commitments == ["Werkveld levert sprekers voor juni"])
        app.press(.enter)
        let detail = app.render()
        #expect(detail.contains("Programma (2)") && detail.contains("• Debat") && detail.contains("Toezeggingen (1)"))
    }
}

/// The table judged at a peildatum, and what moved since, at 80x24.
@Suite struct PeildatumFlowTests {
    @Test func aPeildatumIsRecordedAndComparedWithNow() throws {
        var (app, _) = try appOnNewReview()
        app.type("C")
        #expect(app.statusMessage == "Nog geen peildatum: :peildatum vastleggen legt de status van nu vast")
        app.type(":peildatum vastleggen\n")
        app.type("december 2024")
        app.press(.control("d"))
        #expect(app.statusMessage?.hasPrefix("Peildatum december 2024 vastgelegd") == true, "\(app.statusMessage ?? "")")
        app.type("1\nl\nss")
        let detail = app.render()
        #expect(detail.contains("Per peildatum: december 2024: open · nu: aangetoond"), "the item's timeline")
        app.type("C")
        let comparison = app.render()
        assertSnapshot(comparison, named: "peildata-comparison-80x24")
        #expect(comparison.contains("Van peildatum december 2024") && comparison.contains("1 item verschoven"))
        #expect(comparison.contains("Indicatoren 1: open → aangetoond"))
        app.type(":peildatum vastleggen\n")
        app.type("juni 2025")
        app.press(.control("d"))
        app.type("C")
        #expect(app.render().contains("Van peildatum juni 2025") && app.render().contains("naar nu: 0 items verschoven"))
        app.type("<")
        #expect(app.render().contains("Van peildatum december 2024") && app.render().contains("naar nu: 1 item verschoven"))
        app.type("[")
        #expect(app.render().contains("naar peildatum juni 2025") && app.render().contains("1 item verschoven"), "two peildata compared")
        app.type("[")
        #expect(app.statusMessage == "Eerder kan niet: dan is het de peildatum waarvan vergeleken wordt")
        app.type("]")
        #expect(app.render().contains("naar nu"))
        app.type("j")
        app.press(.enter)
        #expect(app.section == .goals && app.topScreen is GoalTableScreen, "Enter goes to the item in its goal table")
        app.type("O")
        #expect(app.render().contains("Status × doel (nu)"))
        let shownNow = app.render().lines.first { $0.contains("Totaal") && $0.contains(where: \.isNumber) } ?? ""
        app.type("<")
        #expect(app.render().contains("Status × doel (peildatum juni 2025)"), "the overview at the latest peildatum")
        app.type("<")
        #expect(app.render().contains("Status × doel (peildatum december 2024)"), "and at the one before")
        let shownThen = app.render().lines.first { $0.contains("Totaal") && $0.contains(where: \.isNumber) } ?? ""
        #expect(shownNow != shownThen, "the counts differ: \(shownNow) / \(shownThen)")
        app.type("<")
        #expect(app.statusMessage == "Dit is de eerste peildatum")
    }
}

/// Notes on any place: a theme here, shown where it was added, found by search, in the report once marked.
@Suite struct NotesOnAnyPlaceTests {
    @Test func aNoteOnAThemeIsShownFoundAndExported() throws {
        var (app, store) = try appOnNewReview()
        app.type("4a")
        #expect(app.openForm?.title == "Nieuwe notitie")
        app.type("Thema komt terug op de htno-middag van 2025")
        app.press(.control("d"))
        #expect(try store.load().notes.first?.subjectId == sampleData.longTermThemes[0].id)
        #expect(app.render().contains("Notities (1)"), "shown in the theme's preview")
        app.type("\nG")
        #expect(app.render().contains("Thema komt terug op de htno-middag van 2025"), "and in its detail, where e and d act on it")
        app.press(.escape)
        app.type("/htno-middag van 2025\n")
        #expect(app.render().contains("Notitie · jeanneke"), "search finds it")
        app.type("5")
        app.type("a")
        app.type("Voorbeeld voor de sectortafel")
        app.press(.control("d"))
        #expect(try store.load().notes.map(\.subjectId).contains(sampleData.regionalExamples[0].id), "a 2018 example takes notes too")
    }
}

/// What a meeting form refuses, keeps and overwrites.
@Suite struct MeetingFormTests {
    private func appWithMeeting() throws -> (App, ReviewDatabase) {
        let store = try ReviewDatabase()
        _ = try store.apply(.addMeetings([Meeting(kind: "sectortafel", date: "2025-11-14", place: "Den Haag")]), author: "anna", now: reviewClock())
        var app = try makeReviewApp(repository: store)
        app.type("3>>")
        return (app, store)
    }

    @Test func datesTimesAndAnEmptyVerslagAreHandledAsAnOfficeWouldExpect() throws {
        var (app, store) = try appWithMeeting()
        app.type("+sectortafel")
        app.press(.tab)
        app.type("14-11-2023")
        app.press(.control("d"))
        #expect(app.openForm?.error == "Datum 14-11-2023: 2023 en eerder zijn de cyclus uit de bron; kies een datum na 2023")
        for _ in 0..<10 { app.press(.backspace) }
        app.type("1-12-2025")
        app.press(.tab)
        app.type("16:00")
        app.press(.tab)
        app.type("13:00")
        app.press(.control("d"))
        #expect(app.openForm?.error == "Eindtijd 13:00 ligt niet na begintijd 16:00")
        app.press(.backTab)
        for _ in 0..<5 { app.press(.backspace) }
        app.type("9:30")
        app.press(.control("d"))
        #expect(try store.load().meetings.first { $0.date == "2025-12-01" }?.startTime == "09:30", "a time is kept as uu:mm")
        app.press(.escape)
        app.type("gV")
        app.press(.tab, .tab, .tab)
        app.type("Opening")
        app.press(.control("d"))
        #expect(try store.load().meetings.first { $0.date == "2025-11-14" }?.agendaPoints.map(\.text) == ["Opening"],
                "agenda points before there is a verslag")
    }

    /// Overwriting a colleague's change from the edit form replaces what this form shows, not their verslag.
    @Test func overwritingKeepsWhatTheFormDoesNotShow() throws {
        var (app, store) = try appWithMeeting()
        app.type("e")
        #expect(app.openForm?.title == "Overleg bewerken")
        var meeting = try #require(try store.load().meetings.first)
        meeting.minutes = "Verslag van bert"
        _ = try store.apply(.updateMeeting(meeting), author: "bert", now: reviewClock())
        app.press(.tab, .tab, .tab, .tab)
        for _ in 0..<8 { app.press(.backspace) }
        app.type("Utrecht")
        app.press(.control("d"))
        #expect(app.openForm?.conflict != nil, "bert's change meets the save")
        app.type("o")
        let stored = try #require(try store.load().meetings.first)
        #expect(stored.place == "Utrecht" && stored.minutes == "Verslag van bert", "the place overwritten, bert's verslag kept")
    }
}
