/// Everything a user can do, by a stable id. Keys, the `:` palette, `?` help, the status-line hints and
/// the keymap file (`keys.yaml`) all name commands by this id; nothing matches raw keys for actions.
public enum CommandID: String, CaseIterable, Sendable {
    case moveDown = "ga.omlaag"
    case moveUp = "ga.omhoog"
    case pageDown = "ga.pagina-omlaag"
    case pageUp = "ga.pagina-omhoog"
    case first = "ga.begin"
    case last = "ga.einde"
    case left = "ga.links"
    case right = "ga.rechts"
    case nextPane = "ga.volgend-paneel"
    case previousPane = "ga.vorig-paneel"
    case open = "ga.openen"
    case back = "ga.terug"
    case previousSibling = "ga.vorige"
    case nextSibling = "ga.volgende"
    case goals = "sectie.doelen"
    case regions = "sectie.regios"
    case cycle = "sectie.cyclus"
    case themes = "sectie.themas"
    case examples = "sectie.voorbeelden"
    case review = "sectie.review"
    case figures = "sectie.cijfers"
    case sources = "sectie.bronnen"
    case search = "zoek"
    case nextHit = "zoek.volgende"
    case previousHit = "zoek.vorige"
    case palette = "palet"
    case statusNext = "review.status-vooruit"
    case statusPrevious = "review.status-terug"
    case addNote = "review.notitie"
    case addDecision = "review.besluit"
    case addAction = "review.actie"
    case editEntry = "review.bewerk"
    case deleteEntry = "review.wis"
    case toggleDone = "review.afgerond"
    case undo = "review.ongedaan"
    case redo = "review.opnieuw"
    case drafts = "review.concepten"
    case markForReport = "review.jaarverslag"
    case myActions = "review.mijn-acties"
    case people = "review.personen"
    case mergePerson = "review.samenvoegen"
    case summary = "review.samenvatting"
    case addMeeting = "overleg.nieuw"
    case minutes = "overleg.verslag"
    case planYear = "overleg.plan-jaar"
    case recordPeildatum = "peildatum.vastleggen"
    case comparePeildata = "peildatum.vergelijk"
    case proposeItem = "tabel.item-toevoegen"
    case proposeWording = "tabel.herformuleren"
    case decideChange = "tabel.voorstel"
    case previousYear = "cyclus.vorig-jaar"
    case nextYear = "cyclus.volgend-jaar"
    case nextFilter = "review.filter-volgend"
    case previousFilter = "review.filter-vorig"
    case filterGoal = "review.filter-doel"
    case filterColumn = "review.filter-kolom"
    case filterOwner = "review.filter-eigenaar"
    case sortOrder = "review.sorteer"
    case clearFilters = "review.filters-uit"
    case overview = "review.overzicht"
    case export = "export"
    case agenda = "agenda"
    case reload = "vernieuw"
    case present = "presenteer"
    case nextTheme = "thema.volgend"
    case saveTheme = "thema.bewaren"
    case togglePreview = "voorbeeldpaneel"
    case help = "hulp"
    case redraw = "hertekenen"
    case quit = "stop"
    case nextSlide = "dia.volgende"
    case previousSlide = "dia.vorige"
    case firstSlide = "dia.eerste"
    case lastSlide = "dia.laatste"
    case blankScreen = "dia.zwart"
    case whiteScreen = "dia.wit"
    case slideOverview = "dia.overzicht"
    case pauseClock = "klok.pauze"
    case resetClock = "klok.opnieuw"
    case pauseAutoAdvance = "dia.pauze"
    case leavePresenter = "dia.terug-naar-bladeren"
    case formSave = "formulier.bewaar"
    case formNextField = "formulier.volgend-veld"
    case formPreviousField = "formulier.vorig-veld"
    case formCancel = "formulier.annuleer"
    case conflictKeepBoth = "conflict.beide-bewaren"
    case conflictTheirs = "conflict.hun-versie"
    case conflictOverwrite = "conflict.overschrijven"
    case promptAccept = "invoer.ok"
    case promptCancel = "invoer.annuleer"
}

/// Where a command works: while browsing (every screen; a screen may say it does not apply there), in
/// presenter mode, in a form, or in a form whose save met someone else's change. One key means one thing per mode.
public enum CommandMode: String, CaseIterable, Sendable {
    case browsing = "bladeren"
    case presenting = "presenteren"
    case form = "formulier"
    case conflict = "conflict"
    /// A line typed at the bottom (search, palette, export file), a one-line field, a question.
    case prompt = "invoer"
}

/// Where a command can be carried out, and the one reason given where it cannot.
public enum Availability: Sendable, Equatable {
    /// Anywhere in its modes; the app carries it out, never a screen.
    case everywhere
    /// Only with a review database open (recording, undoing, exporting); the app carries it out.
    case withReviewDatabase
    /// Offered to the screen (moving, opening); a screen that does not take it says so.
    case onScreens
    /// The Review list's filters and sort orders, offered to the screen.
    case onReviewList

    /// Why `command` does nothing here.
    func reason(for command: Command, keymap: Keymap) -> String {
        switch self {
        case .everywhere: ""
        case .withReviewDatabase: "Alleen lezen: geen reviewdatabase geopend"
        case .onScreens: command.label.prefix(1).uppercased() + command.label.dropFirst() + ": niet op dit scherm"
        case .onReviewList: "Filters horen bij de lijst in \(keymap.key(for: .review)) Review"
        }
    }

    /// The screen gets the command first.
    var isForScreens: Bool { self == .onScreens || self == .onReviewList }
}

/// The headings of `?` help.
public enum CommandGroup: String, CaseIterable, Sendable {
    case navigate = "Navigeren"
    case search = "Zoeken en opdrachten"
    case review = "Review"
    case other = "Presenteren en overig"
    case presenter = "In presentatiemodus"
    case form = "In een formulier"
}

/// One entry of the command table.
public struct Command: Sendable {
    public let id: CommandID
    /// Dutch, short: help, palette, hints and messages use it.
    public let label: String
    public let group: CommandGroup
    public let modes: [CommandMode]
    public let defaultKeys: [Key]
    public let availability: Availability

    /// Whether the command records something (a status, note, meeting, undo …): in a read-only database it
    /// says so at once instead of failing when the form is saved.
    public var writes: Bool {
        switch id {
        case .statusNext, .statusPrevious, .addNote, .addDecision, .addAction, .editEntry, .deleteEntry, .toggleDone, .undo, .redo,
             .markForReport, .mergePerson, .addMeeting, .minutes, .planYear, .recordPeildatum, .proposeItem, .proposeWording, .decideChange:
            true
        default:
            false
        }
    }

    /// The command table.
    public static let all: [Command] = CommandID.allCases.map(Command.init)

    public static func of(_ id: CommandID) -> Command { all[CommandID.allCases.firstIndex(of: id)!] }

    private init(_ id: CommandID) {
        self.id = id
        let browsing: [CommandMode] = [.browsing]
        availability = switch id {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .left, .right, .nextPane, .previousPane, .open, .back,
             .previousSibling, .nextSibling, .previousYear, .nextYear: .onScreens
        case .nextFilter, .previousFilter, .filterGoal, .filterColumn, .filterOwner, .sortOrder, .clearFilters: .onReviewList
        case .statusNext, .statusPrevious, .addNote, .addDecision, .addAction, .editEntry, .deleteEntry, .toggleDone, .undo, .redo,
             .drafts, .export, .agenda, .markForReport, .myActions, .mergePerson, .summary, .addMeeting, .minutes, .planYear, .recordPeildatum, .comparePeildata,
             .proposeItem, .proposeWording, .decideChange: .withReviewDatabase
        case .goals, .regions, .cycle, .themes, .examples, .review, .figures, .sources, .search, .nextHit, .previousHit, .palette, .people,
             .overview, .reload, .present, .nextTheme, .saveTheme, .togglePreview, .help, .redraw, .quit, .nextSlide, .previousSlide, .firstSlide,
             .lastSlide, .blankScreen, .whiteScreen, .slideOverview, .pauseClock, .resetClock, .pauseAutoAdvance, .leavePresenter, .formSave, .formNextField, .formPreviousField, .formCancel,
             .conflictKeepBoth, .conflictTheirs, .conflictOverwrite, .promptAccept, .promptCancel: .everywhere
        }
        (label, group, modes, defaultKeys) = switch id {
        case .moveDown: ("omlaag", .navigate, browsing, [.down, .character("j")])
        case .moveUp: ("omhoog", .navigate, browsing, [.up, .character("k")])
        case .pageDown: ("pagina omlaag", .navigate, browsing, [.pageDown, .character(" ")])
        case .pageUp: ("pagina omhoog", .navigate, browsing, [.pageUp])
        case .first: ("naar het begin", .navigate, browsing, [.home, .character("g")])
        case .last: ("naar het einde", .navigate, browsing, [.end, .character("G")])
        case .left: ("kolom of cel links; elders terug", .navigate, browsing, [.left, .character("h")])
        case .right: ("kolom of cel rechts", .navigate, browsing, [.right, .character("l")])
        case .nextPane: ("volgend paneel, kolom of notitie", .navigate, browsing, [.tab])
        case .previousPane: ("vorig paneel, kolom of notitie", .navigate, browsing, [.backTab])
        case .open: ("openen, verdiepen", .navigate, browsing, [.enter])
        case .back: ("terug", .navigate, browsing, [.escape, .backspace])
        case .previousSibling: ("vorige (doel, item, case, maand)", .navigate, browsing, [.character("[")])
        case .nextSibling: ("volgende (doel, item, case, maand)", .navigate, browsing, [.character("]")])
        case .goals: ("sectie Doelen", .navigate, browsing, [.character("1")])
        case .regions: ("sectie Regio's", .navigate, browsing, [.character("2")])
        case .cycle: ("sectie Cyclus", .navigate, browsing, [.character("3")])
        case .themes: ("sectie Thema's", .navigate, browsing, [.character("4")])
        case .examples: ("sectie Voorbeelden", .navigate, browsing, [.character("5")])
        case .review: ("sectie Review", .navigate, browsing, [.character("6")])
        case .figures: ("sectie Cijfers: figuren uit de bronnen als grafiek", .navigate, browsing, [.character("7")])
        case .sources: ("sectie Bronnen: de jaarverslagen deel voor deel", .navigate, browsing, [.character("8")])
        case .search: ("zoeken, ook zonder accenten", .search, browsing, [.character("/")])
        case .nextHit: ("volgende treffer", .search, browsing, [.character("n")])
        case .previousHit: ("vorige treffer", .search, browsing, [.character("N")])
        case .palette: ("opdrachtenpalet: opdrachten en plaatsen", .search, browsing, [.character(":")])
        case .statusNext: ("status vooruit", .review, browsing, [.character("s")])
        case .statusPrevious: ("status terug", .review, browsing, [.character("S")])
        case .addNote: ("notitie toevoegen", .review, browsing, [.character("a")])
        case .addDecision: ("besluit toevoegen (overleg)", .review, browsing, [.character("b")])
        case .addAction: ("actie toevoegen (overleg)", .review, browsing, [.character("t")])
        case .editEntry: ("gekozen notitie, besluit of actie bewerken", .review, browsing, [.character("e")])
        case .deleteEntry: ("gekozen notitie, besluit of actie wissen (vraagt)", .review, browsing, [.character("d")])
        case .toggleDone: ("gekozen actie afgerond / open", .review, browsing, [.character("x")])
        case .undo: ("eigen wijziging ongedaan maken", .review, browsing, [.character("u")])
        case .redo: ("opnieuw doen", .review, browsing, [.character("U")])
        case .drafts: ("niet bewaarde teksten (concepten) opnieuw aanbieden", .review, browsing, [])
        case .markForReport: ("gekozen notitie voor het jaarverslag aan/uit (de Markdown-export neemt alleen die)", .review, browsing, [.character("J")])
        case .myActions: ("mijn acties: de acties van wie --user is, over datum eerst, afgeronde onderaan", .review, browsing, [.character("m")])
        case .people: ("personen en hun open acties (Review)", .review, browsing, [])
        case .mergePerson: ("gekozen persoon samenvoegen met een andere schrijfwijze (Review, personen)", .review, browsing, [.character("M")])
        case .summary: ("wijzigingen sinds je laatste bezoek (of 7 dagen) en acties die aflopen", .review, browsing, [.character("W")])
        case .addMeeting: ("overleg toevoegen in het getoonde jaar (Cyclus)", .review, browsing, [.character("+")])
        case .minutes: ("verslag, aanwezigen en agendapunten van het gekozen overleg", .review, browsing, [.character("V")])
        case .planYear: ("jaar plannen zoals 2023: de overleggen van de bron als opzet (Cyclus)", .review, browsing, [])
        case .recordPeildatum: ("peildatum vastleggen: de status van elk item nu, bv. december 2024", .review, browsing, [])
        case .comparePeildata: ("peildata vergelijken: wat verschoof sinds de laatste peildatum (per doel)", .review, browsing, [.character("C")])
        case .proposeItem: ("item toevoegen aan de gekozen kolom van het doel, als voorstel (Doelen)", .review, browsing, [.character("i")])
        case .proposeWording: ("nieuwe formulering voorstellen voor het gekozen item, ook uit de bron (Doelen)", .review, browsing,
                               [.character("r")])
        case .decideChange: ("voorstel op het gekozen item aanvaarden, verwerpen of intrekken (Doelen)", .review, browsing, [.character("w")])
        case .previousYear: ("vorig jaar (Cyclus); eerdere peildatum (overzicht, vergelijking)", .navigate, browsing, [.character("<")])
        case .nextYear: ("volgend jaar: overleggen na de bron (Cyclus); latere peildatum (overzicht, vergelijking)", .navigate, browsing,
                         [.character(">")])
        case .nextFilter: ("volgend filter: items per status, met notities, besluiten, acties (Review)", .review, browsing, [.character("f")])
        case .previousFilter: ("vorig filter (Review)", .review, browsing, [.character("F")])
        case .filterGoal: ("alleen doel 1, 2, … of alle doelen (Review)", .review, browsing, [.character("D")])
        case .filterColumn: ("alleen indicatoren, bewijs, resultaten of alle (Review)", .review, browsing, [.character("K")])
        case .filterOwner: ("alleen de acties van één eigenaar of van iedereen (Review)", .review, browsing, [.character("P")])
        case .sortOrder: ("sorteren op doel, status, laatst gewijzigd, deadline, eigenaar (Review)", .review, browsing, [.character("o")])
        case .clearFilters: ("alle filters uit: alle items van alle doelen en kolommen, van iedereen, op doel (Review)", .review, browsing,
                             [.character("X")])
        case .overview: ("overzicht status × doel (Review)", .review, browsing, [.character("O")])
        case .export: ("exporteren: Markdown, Excel, CSV, JSON, tekst, agenda-app", .review, browsing, [.character("E")])
        case .agenda: ("agenda van dit of het volgende overleg schrijven", .review, browsing, [.character("A")])
        case .reload: ("reviewdata vernieuwen", .review, browsing, [.control("r")])
        case .present: ("presenteren vanaf hier", .other, browsing, [.character("p")])
        case .nextTheme: ("volgend thema", .other, [.browsing, .presenting], [.control("t")])
        case .saveTheme: ("het thema van nu bewaren in config.yaml, voor elke volgende start", .other, browsing, [])
        case .togglePreview: ("voorbeeldpaneel aan/uit", .other, browsing, [.character("v")])
        case .help: ("deze hulp: de toetsen van hier eerst; typ om te zoeken, Esc sluit", .other, browsing, [.character("?"), .function(1)])
        case .redraw: ("scherm opnieuw tekenen", .other, [.browsing, .presenting], [.control("l")])
        case .quit: ("stoppen", .other, [.browsing, .presenting], [.character("q"), .function(10)])
        case .nextSlide: ("volgende dia", .presenter, [.presenting],
                          [.character(" "), .right, .pageDown, .down, .character("l"), .character("j"), .enter])
        case .previousSlide: ("vorige dia", .presenter, [.presenting], [.left, .pageUp, .up, .backspace, .character("h"), .character("k")])
        case .firstSlide: ("eerste dia", .presenter, [.presenting], [.home, .character("g")])
        case .lastSlide: ("laatste dia", .presenter, [.presenting], [.end, .character("G")])
        case .blankScreen: ("scherm zwart (elke toets terug)", .presenter, [.presenting], [.character("."), .character("z")])
        case .whiteScreen: ("scherm wit (elke toets terug)", .presenter, [.presenting], [.character("w")])
        case .slideOverview: ("overzicht van de dia's: typ om te zoeken, Enter gaat erheen", .presenter, [.presenting], [.character("o"), .character("/")])
        case .pauseClock: ("klok van de presentatie stilzetten / verder", .presenter, [.presenting], [.character("c")])
        case .resetClock: ("klok van de presentatie op nul (na het klaarzetten)", .presenter, [.presenting], [.character("r")])
        case .pauseAutoAdvance: ("automatisch doorgaan pauzeren / hervatten (--auto)", .presenter, [.presenting], [.character("p")])
        case .leavePresenter: ("terug naar bladeren, op de plek van de dia", .presenter, [.presenting], [.escape])
        case .formSave: ("bewaren", .form, [.form], [.control("d")])
        case .formNextField: ("volgend veld", .form, [.form], [.tab])
        case .formPreviousField: ("vorig veld", .form, [.form], [.backTab])
        case .formCancel: ("annuleren; na een conflict: verder bewerken", .form, [.form, .conflict], [.escape])
        case .conflictKeepBoth: ("na een conflict: beide bewaren (of als nieuw)", .form, [.conflict], [.character("n")])
        case .conflictTheirs: ("na een conflict: hun versie houden", .form, [.conflict], [.character("h")])
        case .conflictOverwrite: ("na een conflict: overschrijven", .form, [.conflict], [.character("o")])
        case .promptAccept: ("invoerregel, keuzelijst of veld van één regel: nemen", .form, [.prompt], [.enter])
        case .promptCancel: ("invoerregel of vraag: annuleren", .form, [.prompt], [.escape])
        }
    }
}
