import ArgumentParser
import DialoogModel
import DialoogUI
import HandoutExport
import Foundation
import ReviewExport
import ReviewStore

@main
struct HtnoDialoog: ParsableCommand {
    // main() is DutchCommandLine's: the parser's own messages in Dutch.
    static let configuration = CommandConfiguration(
        commandName: "htno-dialoog",
        abstract: "Dashboard van de permanente dialoog van het sac htno: pilotdoelen, regio's, cases, de cyclus 2023 en hun review.",
        discussion: """
        Zonder subopdracht opent het dashboard (browse). De belangrijkste opties:
          --data MAP          map met de databestanden (standaard: de meegeleverde sample-data)
          --db PAD            reviewdatabase (standaard: $XDG_DATA_HOME/htno-dialoog/review.sqlite)
          --user NAAM         auteur van notities en wijzigingen (standaard: de loginnaam)
          --theme NAAM        default, light, projector, colorblind, mono of een themabestand
          --read-only         de reviewdatabase alleen lezen
          --check             de data controleren zonder terminal
          --ascii, --no-mouse, --reader   zie: htno-dialoog help browse
        Standaarden staan in $XDG_CONFIG_HOME/htno-dialoog/config.yaml, eigen toetsen in keys.yaml
        (htno-dialoog keys toont ze); opties gaan voor.

        Voorbeelden:
          htno-dialoog
          htno-dialoog --db /srv/htno/review.sqlite --user anna
          htno-dialoog present --deck htno-middag --theme projector
          htno-dialoog export --format xlsx --output review.xlsx
          htno-dialoog agenda --output agenda.md
          htno-dialoog keys
        """,
        version: "htno-dialoog 0.3.0",
        subcommands: [Browse.self, Present.self, Export.self, Import.self, Backup.self, Restore.self, Agenda.self, ChangeSummary.self, Keys.self],
        defaultSubcommand: Browse.self
    )
}

/// Options every subcommand shares: where the data and the review database are, and who is working.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Map met de databestanden (standaard: de meegeleverde sample-data).", valueName: "MAP"),
            completion: .directory)
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Reviewdatabase (standaard: $XDG_DATA_HOME/htno-dialoog/review.sqlite).", valueName: "PAD"),
            completion: .file(extensions: ["sqlite"]))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Auteur van notities en wijzigingen (standaard: de loginnaam).", valueName: "NAAM"))
    var user: String?

    @Flag(name: .long, help: "De reviewdatabase alleen lezen: statussen en notities tonen, niets veranderen.")
    var readOnly = false

    /// config.yaml and keys.yaml.
    var config: UserConfig { UserConfig.current }

    func loadDataset() throws -> (Dataset, URL) {
        let directory = try Resources.dataDirectory(data ?? config.data)
        do {
            return (try DatasetLoader.load(directory: directory), directory)
        } catch {
            throw ValidationFailure(message: error.description)
        }
    }

    /// The database asked for (flag, then config.yaml), or nil for the default place.
    private var chosenDatabase: String? { db ?? config.db }

    var databasePath: String { chosenDatabase ?? ReviewDatabase.defaultPath(environment: ProcessInfo.processInfo.environment) }

    var author: String { user ?? config.user ?? Resources.loginName() }

    /// The review as stored, read only; before the dashboard was ever opened (or at a path where no database
    /// is yet) there is none, and the table exports with every item open.
    func reviewSnapshot() throws -> ReviewSnapshot {
        try onDatabase {
            guard FileManager.default.fileExists(atPath: databasePath) else {
                // A mistyped --db must not pass for "nothing reviewed yet" unnoticed.
                if db != nil {
                    FileHandle.standardError.write(Data("htno-dialoog: \(databasePath) bestaat (nog) niet: elk item staat open\n".utf8))
                }
                return .empty
            }
            return try ReviewDatabase(path: databasePath, readOnly: true).load()
        }
    }

    /// Work on the review database with any failure in one Dutch line naming the file.
    func onDatabase<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let fault as ReviewDatabaseFault {
            throw ValidationFailure(message: fault.description)
        } catch let failure as ValidationFailure {
            throw failure
        } catch {
            throw ValidationFailure(message: "\(databasePath): \(ReviewDatabase.dutchDescription(of: error))")
        }
    }

    /// Opens the review database: the session and what to say about it once (new file, read-only and why).
    /// A database that cannot be used (corrupt, a folder, a folder that does not exist) stops the program
    /// with one line; only the default folder is created by itself.
    func reviewSession(busyWaiting: BusyWaiting) throws -> (ReviewSession, notice: String?) {
        try onDatabase {
            // Read-only asked for: nothing is created, not even the drafts file (no form opens anyway).
            let (drafts, draftsProblem) = readOnly ? (DraftStore(), nil) : privateDrafts()
            let database = try ReviewDatabase(path: databasePath, readOnly: readOnly, createsDirectory: chosenDatabase == nil,
                                              busyWaiting: busyWaiting, drafts: drafts)
            let notice = [database.notice, draftsProblem].compactMap { $0 }.joined(separator: " · ")
            return (ReviewSession(repository: database, author: author, export: Browse.exportToCurrentDirectory), notice.isEmpty ? nil : notice)
        }
    }
}

extension CommonOptions {
    /// The review database read only when there is one, else none: what a presentation needs.
    func existingReviewReadOnly(busyWaiting: BusyWaiting) throws -> ReviewSession? {
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        return try onDatabase {
            let database = try ReviewDatabase(path: databasePath, readOnly: true, createsDirectory: false, busyWaiting: busyWaiting, drafts: DraftStore())
            return ReviewSession(repository: database, author: author, export: Browse.exportToCurrentDirectory)
        }
    }

    /// This Unix user's drafts of this database; when the state folder cannot be written, drafts for this run
    /// only, with why.
    func privateDrafts() -> (DraftStore, problem: String?) {
        let path = DraftStore.defaultPath(environment: ProcessInfo.processInfo.environment)
        do {
            return (try DraftStore(path: path, forReviewAt: databasePath), nil)
        } catch {
            return (DraftStore(), "concepten kunnen niet bewaard worden in \(path): \(error)")
        }
    }
}

/// A terminal that cannot place the cursor (TERM=dumb: Emacs shells, some braille setups) gets the table as
/// text: said so in the first line, wrapped at its width with each line's indentation kept.
enum DumbTerminal {
    static let introduction = "htno-dialoog: TERM=dumb kan geen scherm opbouwen, dus hier de tabel als tekst (als htno-dialoog export "
        + "--format text); in een terminal met cursorbesturing opent het dashboard."

    /// The terminal's width from the kernel, else $COLUMNS, else 80.
    static func width(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    }

    /// Every line at most `width` wide: a long one continues under its own text, past its indentation and any
    /// list marker ("- ", "=> ", "- [open] ").
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let marker = rest.firstMatch(of: /^(?:- \[[^\]]*\] |- |=> |\* )/).map { $0.output.count } ?? 0
            let hanging = min(indent + marker, width / 2)
            let rows = WordWrap.lines(String(line.dropFirst(indent + marker)), width: max(10, width - hanging))
            return rows.enumerated().map { index, row in
                (index == 0 ? String(line.prefix(indent + marker)) : String(repeating: " ", count: hanging)) + row
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// How the dashboard is drawn.
struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thema in themes/ (default, light, projector, colorblind, mono) of een themabestand.", valueName: "NAAM"),
            completion: .custom { _, _, _ in Resources.themeNames() })
    var theme: String?

    @Flag(name: .long, help: "Kaders en tekens alleen in ASCII tekenen.")
    var ascii = false

    @Flag(name: .long, help: "Geen muis (ook: mouse: false in config.yaml).")
    var noMouse = false

    @Flag(name: .long, help: "Voor schermlezers en brailleleesregels: geen kaders of kolommen, één regel per plek, de cursor volgt.")
    var reader = false

    /// Runs the dashboard; exits non-zero after a signal. A terminal that cannot address the cursor
    /// (TERM=dumb) gets the table as plain text instead.
    func run(dataset: Dataset, common: CommonOptions, presenting: Presenter?, link: PresentationLink? = nil, notice: String? = nil,
             watcher: DeckWatcher? = nil) throws {
        // A terminal that cannot draw only reads: it creates no database.
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" {
            let snapshot = try common.reviewSnapshot()
            let options = ReviewExporter.Options(exportedAt: Date(), asciiCharts: !Resources.localeIsUTF8(ProcessInfo.processInfo.environment))
            let width = DumbTerminal.width(environment: ProcessInfo.processInfo.environment)
            print(DumbTerminal.wrapped(DumbTerminal.introduction, width: width))
            print(DumbTerminal.wrapped(ReviewExporter.text(dataset, review: snapshot, format: .text, options: options) ?? "", width: width),
                  terminator: "")
            return
        }
        // Until the terminal is up, a wait for a busy database is told on standard error.
        let busyWaiting = BusyWaiting()
        busyWaiting.onWait { FileHandle.standardError.write(Data("htno-dialoog: wachten op de database… (een ander proces schrijft)\n".utf8)) }
        // A talk only reads the review (for the table as accepted), creates none, and names no file on the projector.
        let (session, databaseNotice) = presenting == nil ? try common.reviewSession(busyWaiting: busyWaiting)
            : (try common.existingReviewReadOnly(busyWaiting: busyWaiting), nil)
        let config = common.config
        // Also on standard error: the status line can show only the start of several problems.
        config.reportProblems()
        let options = Dashboard.Options(themeName: theme ?? config.theme ?? "default", forceASCII: ascii,
                                        usesMouse: !noMouse && config.mouse != false, showsPreview: config.preview ?? true,
                                        keymap: config.keymap, readerMode: reader, remindsAtStart: config.reminders ?? true)
        let exitCode = try Dashboard.run(dataset: dataset, options: options,
                                         warnings: config.problems + [databaseNotice, notice].compactMap { $0 }, review: session,
                                         busyWaiting: busyWaiting, presenting: presenting, link: link, watcher: watcher)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "De tabel bekijken en reviewen in de terminal (de standaard).",
        discussion: "Toetsen: pijlen of h/j/k/l bewegen, Enter opent, Esc terug, Tab paneel, / zoekt, : opdrachtenpalet, s status, a notitie, u ongedaan, ? alle toetsen, q stopt."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "De data, de thema's, config.yaml en keys.yaml controleren, een samenvatting tonen en stoppen (zonder terminal); bij een probleem met code 1.")
    var check = false

    mutating func run() throws {
        let (dataset, directory) = try common.loadDataset()
        if check {
            print(Summary.text(of: dataset, in: directory))
            // The rest of what a start reads: every theme, config.yaml and keys.yaml.
            let problems = Resources.themeNames().compactMap { Resources.theme(named: $0).1 } + common.config.problems
            guard problems.isEmpty else {
                for problem in problems { FileHandle.standardError.write(Data("htno-dialoog: \(problem)\n".utf8)) }
                throw ExitCode.failure
            }
            return
        }
        try display.run(dataset: dataset, common: common, presenting: nil)
    }

    /// `E`, `:export FORMAT` and `A`: the file the user named (relative to the current directory); an existing
    /// file is overwritten only when the user said so.
    @Sendable static func exportToCurrentDirectory(_ dataset: Dataset, _ review: ReviewSnapshot, _ request: ExportRequest) throws -> String {
        let url = URL(fileURLWithPath: request.file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
        if case .newFileOnly = request.write, FileManager.default.fileExists(atPath: url.path) { throw ExportFileExists(path: url.path) }
        let options = ReviewExporter.Options(exportedAt: Date())
        switch request.content {
        case .review(let name):
            try ReviewExporter.write(dataset, review: review, format: ReviewExporter.Format(rawValue: name) ?? .markdown, options: options, to: url.path)
        case .agenda(let meetingId):
            try ReviewExporter.write(try ReviewExporter.agenda(dataset, review: review, meetingId: meetingId, options: options), to: url.path)
        }
        return url.path
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Presentatiemodus voor de beamer: één doel, kolom, regio of maand per dia.",
        discussion: """
        Decks: doelen (de zes doelen), doel-N (een doel en zijn vier kolommen), landsdeel-NAAM (noord, noordwest, zuidwest, \
        oost, zuidoost: de cases per Techniekpact-doel), cyclus (de tijdlijn 2023 en de maanden), cijfers (de figuren als grafiek), \
        htno-middag (de middag van 18 januari 2023), of een deckbestand in \
        sample-data/decks/. Toetsen: Spatie, →, PgDn volgende; ←, PgUp vorige; g/G eerste/laatste; een nummer (en Enter) \
        springt; . of z zwart scherm, w wit; p pauzeert --auto; Ctrl-T thema; Esc twee keer terug naar bladeren op de plek van de dia (één Esc, van een presenter, beëindigt de presentatie niet); q stopt.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: ArgumentHelp("Naam of bestand van het deck.", valueName: "DECK"), completion: .custom { _, _, _ in Resources.deckNames() })
    var deck = "doelen"

    @Option(name: .long, help: ArgumentHelp("Vanzelf naar de volgende dia na DUUR (20s, 1m, 1m30s, 90), voor een onbemand scherm.", valueName: "DUUR"))
    var auto: AutoAdvance?

    @Flag(name: .long, help: "Met --auto: na de laatste dia opnieuw beginnen (anders stopt het daar).")
    var loop = false

    @Option(name: .long, help: ArgumentHelp("Geplande eindtijd (15:30): de sprekersweergave telt af.", valueName: "UU:MM"))
    var until: PlannedEndTime?

    @Option(name: .long, help: ArgumentHelp("Geplande duur vanaf de start (45m, 1m30s): de sprekersweergave telt af.", valueName: "DUUR"))
    var duration: AutoAdvance?

    @Option(name: .long, help: ArgumentHelp("Dia om mee te beginnen (1 is de eerste; zonder --start gaat een herstarte beamer verder waar de sessie was).",
                                            valueName: "N"))
    var start: Int?

    @Option(name: .long, help: ArgumentHelp("Geen presentatie: het deck om uit te delen, als één HTML-bestand (ook om te printen) of, "
                                            + "met .pdf, als PDF (via headless Chromium).", valueName: "BESTAND.html|.pdf"))
    var handout: String?

    @Option(name: .long, help: ArgumentHelp("Met --handout: dia's per A4-pagina: 1, 3 (met notities of lijnen ernaast) of 6.", valueName: "N"))
    var perPage: Int?

    @Flag(name: .long, help: "Met --handout: de sprekersnotities er ook in.")
    var notes = false

    @Flag(name: .long, help: "Met --handout: een bestaand bestand overschrijven zonder te vragen.")
    var force = false

    @Flag(name: .long, help: "De tekst van een dia in blokletters waar die op één scherm past (ook: grote-tekst: true in het deckbestand).")
    var bigText = false

    @Flag(name: .long, help: "Sprekersweergave voor een tweede terminal: huidige en volgende dia, notities, klok, verstreken tijd; volgt de beamer, toetsen sturen beide.")
    var speaker = false

    @Option(name: .long, help: ArgumentHelp("Naam die beamer en sprekersweergave delen (standaard: de naam van het deck).", valueName: "NAAM"))
    var session: String?

    mutating func run() throws {
        // Options that mean nothing alone say so before anything is loaded.
        if notes && handout == nil { throw ValidationFailure(message: "--notes hoort bij --handout: de notities staan in de hand-out") }
        if force && handout == nil { throw ValidationFailure(message: "--force hoort bij --handout: het overschrijft een bestaande hand-out") }
        if perPage != nil && handout == nil { throw ValidationFailure(message: "--per-page hoort bij --handout: het zegt hoeveel dia's op een pagina van de hand-out staan") }
        let layout = try perPage.map { count in
            guard let layout = HandoutLayout(rawValue: count) else { throw ValidationFailure(message: "--per-page \(count): kies 1, 3 of 6 dia's per pagina") }
            if layout == .six && notes { throw ValidationFailure(message: "--notes past niet bij 6 dia's per pagina; kies --per-page 1 of 3 voor de notities") }
            return layout
        } ?? .one
        if loop && auto == nil { throw ValidationFailure(message: "--loop hoort bij --auto: alleen een deck dat vanzelf verder gaat begint opnieuw") }
        let (dataset, directory) = try common.loadDataset()
        var loaded: Deck
        let decks = directory.appendingPathComponent("decks")
        do {
            loaded = try DeckLoader.deck(named: deck, decksDirectory: decks, dataset: dataset)
        } catch {
            // An unknown name: say which decks there are.
            let known = Resources.deckNames(dataset: dataset, decks: decks)
            let unknown = !deck.contains("/") && !deck.hasSuffix(".yaml") && !known.contains(deck.lowercased())
            throw ValidationFailure(message: unknown ? "onbekend deck '\(deck)'; er zijn: \(known.joined(separator: ", ")) (of een deckbestand)"
                                                     : error.description)
        }
        if let handout {
            try writeHandout(loaded, dataset: dataset, layout: layout, to: handout)
            return
        }
        if let start, !(1...loaded.slides.count).contains(start) {
            throw ValidationFailure(message: "--start \(start): het deck '\(deck)' heeft dia 1 tot \(loaded.slides.count)")
        }
        loaded.prefersBigText = loaded.prefersBigText || bigText
        let sessionName = session ?? loaded.name
        let identity = DeckIdentity(loaded)
        var presenter = Presenter(deck: loaded, startingAt: (start ?? 1) - 1, autoAdvance: auto?.seconds, loops: loop,
                                  speakerViewOf: speaker ? sessionName : nil)
        if until != nil && duration != nil { throw ValidationFailure(message: "--until of --duration, niet beide: ze zeggen allebei wanneer het afloopt") }
        presenter.plannedEnd = until?.date(after: Date()) ?? duration.map { Date().addingTimeInterval($0.seconds) }
        var notice: String?
        // The projector presents also when no speaker view can join; the speaker view needs the socket.
        var link: PresentationLink?
        do {
            let path = try PresentationLink.socketPath(session: sessionName, environment: ProcessInfo.processInfo.environment)
            link = speaker ? .speaker(SpeakerSocket(path: path, deck: identity)) : .projector(try ProjectorSocket(path: path))
            // A projector started again (a crash, a closed window) goes on where the session was, clock included.
            if !speaker, start == nil, let state = PresentationLink.resumableState(besides: path, deck: identity) {
                presenter.resume(at: state)
                notice = "Verder bij dia \(state.index + 1) van \(loaded.slides.count), waar de sessie was "
                    + "(\(common.config.keymap.key(for: .firstSlide)): eerste dia)"
            }
        } catch let failure as ValidationFailure where !speaker && !failure.message.contains("er loopt al een presentatie") {
            FileHandle.standardError.write(Data("htno-dialoog: zonder sprekersweergave: \(failure.message)\n".utf8))
        }
        var endedOnPurpose = false
        defer { if case .projector(let socket)? = link { socket.shutDown(endedOnPurpose: endedOnPurpose) } }
        // A deck file is read again when it is edited during the talk (on both ends).
        let watcher = DeckLoader.fileURL(named: deck, decksDirectory: decks).map { DeckWatcher(url: $0, dataset: dataset) }
        try display.run(dataset: dataset, common: common, presenting: presenter, link: link, notice: notice, watcher: watcher)
        endedOnPurpose = true
    }
}

extension Present {
    /// The hand-out (a PDF for a name ending in .pdf), after asking (on a terminal) before an existing file is
    /// replaced; says where it went.
    func writeHandout(_ deck: Deck, dataset: Dataset, layout: HandoutLayout, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: url.path), !force {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationFailure(message: "\(url.path) bestaat al; kies een ander bestand of geef --force om het te overschrijven")
            }
            FileHandle.standardError.write(Data("htno-dialoog: \(url.path) bestaat al. Overschrijven? (j/N) ".utf8))
            guard let answer = readLine(), ["j", "ja", "y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                throw ValidationFailure(message: "niets geschreven: \(url.path) blijft zoals het was")
            }
        }
        let html = Handout.html(deck, dataset: dataset, includesNotes: notes, layout: layout)
        let isPDF = url.pathExtension.lowercased() == "pdf"
        do {
            if isPDF {
                try ReviewExporter.writePDF(html: html, to: url.path)
            } else {
                try ReviewExporter.write(html, to: url.path)
            }
        } catch {
            throw ValidationFailure(message: error.description)
        }
        let perPage = layout == .one ? "" : ", \(layout.rawValue) per pagina"
        print("Hand-out\(isPDF ? " (PDF)" : "") met \(deck.slides.count) dia's\(notes ? " en de notities" : "")\(perPage) geschreven naar \(url.standardizedFileURL.path)")
    }
}

/// A time of day such as `15:30` (Dutch time), for the planned end of a talk.
struct PlannedEndTime: ExpressibleByArgument {
    let hour: Int
    let minute: Int

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        (self.hour, self.minute) = (hour, minute)
    }

    /// That time today, or tomorrow when it has passed (a talk past midnight).
    func date(after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DutchDate.timeZone
        let today = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: now) ?? now
        return today > now ? today : calendar.date(byAdding: .day, value: 1, to: today) ?? today
    }
}

/// A duration such as `20s`, `2m` or `45` (seconds).
struct AutoAdvance: ExpressibleByArgument {
    let seconds: TimeInterval

    /// `20s`, `90`, `1m`, `1m30s`, `1.5m`: minutes and seconds, a bare number in seconds.
    init?(argument: String) {
        let text = argument.lowercased().replacingOccurrences(of: ",", with: ".")
        let parts = text.split(separator: "m", maxSplits: 1, omittingEmptySubsequences: false)
        let minutes = parts.count == 2 ? Double(parts[0]) : 0
        let rest = parts.count == 2 ? parts[1] : parts[0]
        let secondsText = rest.hasSuffix("s") ? rest.dropLast() : rest
        let seconds = secondsText.isEmpty && parts.count == 2 ? 0 : Double(secondsText)
        guard let minutes, let seconds, minutes >= 0, seconds >= 0, minutes * 60 + seconds > 0 else { return nil }
        self.seconds = minutes * 60 + seconds
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "De review schrijven: Markdown voor het jaarverslag, Excel, CSV, JSON, tekst of iCalendar (acties en htno-middagen).",
        discussion: """
        Formaten: markdown (per doel, klaar voor het jaarverslag; pandoc maakt er een Word-document van), xlsx (een \
        werkmap met een blad per deel), csv (RFC 4180, UTF-8, voor programma's), csv-nl (met ; en BOM, voor Nederlandse \
        Excel), json, text, ics (acties als taken met een herinnering, htno-middagen als afspraken; een nieuwe export werkt \
        de vorige bij), ics-afspraken (hetzelfde, maar acties als afspraken op hun deadline: Outlook negeert taken), \
        bijlage1 (de tabel van het jaarverslag, een rij per doel), bijlage2 (de cyclus van een jaar, --jaar). \
        Markdown en de bijlagen naar een .docx-bestand worden met pandoc een Word-document.
        Zonder reviewdatabase staat elk item open.
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("markdown, xlsx, csv, csv-nl, json, text, ics, ics-afspraken, bijlage1 of bijlage2 (markdown en de bijlagen met --output X.docx als Word-document).",
                                             valueName: "FORMAAT"))
    var format: ReviewExporter.Format = .markdown

    @Option(name: [.short, .long], help: ArgumentHelp("Bestand om te schrijven (standaard: standaarduitvoer; xlsx alleen naar een bestand).", valueName: "BESTAND"),
            completion: .file())
    var output: String?

    @Flag(name: .long, help: "Interne ids (d3-bw-1) bij de items zetten, om met de databestanden te vergelijken.")
    var ids = false

    @Flag(name: .customLong("alle-notities"), help: "Markdown: ook de interne notities, niet alleen die gemarkeerd 'voor het jaarverslag'.")
    var allNotes = false

    @Option(name: .customLong("herinnering-dagen"), help: ArgumentHelp("ics: een herinnering zoveel dagen voor elk overleg (0: geen).", valueName: "DAGEN"))
    var reminderDays = 2

    @Option(name: .customLong("jaar"), help: ArgumentHelp("bijlage2: het jaar van de cyclus (standaard: dat van de bron).", valueName: "JAAR"))
    var year: Int?

    @Option(name: .customLong("peildatum"), help: ArgumentHelp("bijlage1: de statussen van een vastgelegde peildatum, bv. 'december 2024' (standaard: die van nu).", valueName: "PEILDATUM"))
    var peildatum: String?

    mutating func validate() throws {
        if format == .xlsx, output == nil { throw ValidationFailure(message: "een Excel-werkmap gaat naar een bestand: geef --output BESTAND.xlsx") }
    }

    mutating func run() throws {
        let (dataset, _) = try common.loadDataset()
        let snapshot = try common.reviewSnapshot()
        if let peildatum, !snapshot.peildata.contains(where: { $0.label == peildatum }) {
            let known = snapshot.peildata.map(\.label)
            throw ValidationFailure(message: "geen peildatum '\(peildatum)' vastgelegd" + (known.isEmpty ? "" : " (wel: \(known.joined(separator: ", ")))"))
        }
        let options = ReviewExporter.Options(exportedAt: Date(), showsIds: ids, asciiCharts: !Resources.localeIsUTF8(ProcessInfo.processInfo.environment),
                                             includesInternalNotes: allNotes, reminderDays: max(0, reminderDays), year: year, peildatum: peildatum)
        do {
            if let output {
                try ReviewExporter.write(dataset, review: snapshot, format: format, options: options, to: output)
            } else {
                print(ReviewExporter.text(dataset, review: snapshot, format: format, options: options) ?? "", terminator: "")
            }
        } catch {
            throw ValidationFailure(message: error.description)
        }
    }
}

/// `htno-dialoog import`: a JSON export into a new review database, the secretariat's way to move to a new server.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Een JSON-export inlezen in een nieuwe (lege) reviewdatabase: alle records met hun versies en geschiedenis.",
        discussion: """
        Voor een verhuizing naar een nieuwe server: htno-dialoog export --format json --output review.json op de oude, \
        htno-dialoog import review.json --db PAD op de nieuwe. Een database die al records heeft wordt niet aangevuld.
        """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("De JSON-export (htno-dialoog export --format json).", valueName: "BESTAND"), completion: .file(extensions: ["json"]))
    var file: String

    mutating func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationFailure(message: "\(file): niet te lezen")
        }
        do {
            let records = try ReviewExporter.records(inJSONExport: data, from: file)
            let (session, _) = try common.reviewSession(busyWaiting: BusyWaiting())
            guard let database = session.repository as? ReviewDatabase, !database.isReadOnly else {
                throw ValidationFailure(message: "\(common.databasePath): alleen-lezen, er is niets geïmporteerd")
            }
            try database.importRecords(records)
            print("Geïmporteerd in \(common.databasePath): \(records.counts)")
        } catch let failure as ExportFailure {
            throw ValidationFailure(message: failure.description)
        } catch let refused as ImportTargetNotEmpty {
            throw ValidationFailure(message: "\(common.databasePath): \(refused.description)")
        }
    }
}

/// `htno-dialoog backup FILE`: a consistent copy of the review database, while others keep working.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Een reservekopie van de reviewdatabase maken, ook terwijl anderen ermee werken.",
        discussion: "Terugzetten: htno-dialoog restore BESTAND, nadat iedereen de database heeft gesloten."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("De reservekopie (een nieuw bestand, alleen voor jou leesbaar).", valueName: "BESTAND"), completion: .file())
    var file: String

    mutating func run() throws {
        try common.onDatabase { try ReviewDatabase.backup(databaseAt: common.databasePath, to: file) }
        print("Reservekopie van \(common.databasePath) gemaakt: \(file)")
    }
}

/// `htno-dialoog restore FILE`: a backup put back, only while nobody has the database open.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Een reservekopie terugzetten als reviewdatabase (alleen als niemand de database open heeft).",
        discussion: "Wat sinds de reservekopie is opgeslagen gaat verloren: maak er eerst zelf een met htno-dialoog backup."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("De reservekopie (htno-dialoog backup BESTAND).", valueName: "BESTAND"), completion: .file(extensions: ["sqlite"]))
    var file: String

    mutating func run() throws {
        try common.onDatabase { try ReviewDatabase.restore(from: file, to: common.databasePath) }
        print("Teruggezet in \(common.databasePath): \(file)")
    }
}

/// `htno-dialoog samenvatting`: what changed since a moment, for the weekly e-mail.
struct ChangeSummary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samenvatting",
        abstract: "Wat er sinds een moment veranderde (notities, besluiten, statussen, afgeronde acties) per doel, overleg en persoon, en welke acties over datum of deze week af zijn.",
        discussion: "Klaar om in een e-mail te plakken. In het dashboard: W."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("sinds"), help: ArgumentHelp("Vanaf wanneer: 7d (dagen), 2w (weken), 24u (uren) terug, of een dag als 01-12-2026.", valueName: "PERIODE"))
    var since = "7d"

    @Option(name: .long, help: ArgumentHelp("text of markdown.", valueName: "FORMAAT"))
    var format: SummaryExport.Format = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Bestand om te schrijven (standaard: standaarduitvoer).", valueName: "BESTAND"),
            completion: .file())
    var output: String?

    mutating func run() throws {
        let now = Date()
        guard let start = SummaryExport.since(since, now: now) else {
            throw ValidationFailure(message: "--sinds '\(since)' is geen periode (7d, 2w, 24u) of dag (dd-mm-jjjj)")
        }
        let (dataset, _) = try common.loadDataset()
        let review = try common.reviewSnapshot()
        // The table with the secretariat's changes: a change on an added item goes under its goal, by its name.
        let changes = ReviewChanges(review: review, dataset: dataset.table(with: review.tableChanges, proposals: true), since: start,
                                    today: DueDate.string(from: now))
        let text = SummaryExport.text(changes, format: format, exportedAt: now)
        do {
            if let output { try ReviewExporter.write(text, to: output) } else { print(text, terminator: "") }
        } catch {
            throw ValidationFailure(message: error.description)
        }
    }
}

extension SummaryExport.Format: ExpressibleByArgument {}

/// `htno-dialoog agenda`: the agenda of the next (or a chosen) sectortafel or sac vergadering.
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "De agenda van het volgende (of een gekozen) overleg schrijven: open acties, items in behandeling en niet aangetoond, besluiten sinds het vorige overleg.",
        discussion: "Overleggen: de sectortafels en sac vergaderingen van 2023, bv. 2023-11-sectortafel, en de latere overleggen, bv. overleg-12 (in het dashboard: A in 3 Cyclus)."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Het overleg (standaard: het eerstvolgende in de cyclus).", valueName: "ID"))
    var overleg: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Bestand om te schrijven (standaard: standaarduitvoer).", valueName: "BESTAND"),
            completion: .file())
    var output: String?

    mutating func run() throws {
        let (dataset, _) = try common.loadDataset()
        let snapshot = try common.reviewSnapshot()
        guard let meetingId = overleg ?? snapshot.nextAgendaMeetingId(in: dataset, today: DueDate.string(from: Date())) else {
            throw ValidationFailure(message: "de cyclus heeft geen sectortafel of sac vergadering")
        }
        do {
            let text = try ReviewExporter.agenda(dataset, review: snapshot, meetingId: meetingId, options: .init(exportedAt: Date()))
            if let output { try ReviewExporter.write(text, to: output) } else { print(text, terminator: "") }
        } catch {
            throw ValidationFailure(message: error.description)
        }
    }
}

extension ReviewExporter.Format: ExpressibleByArgument {}

/// `htno-dialoog keys`: every command with its keys as they are now (keys.yaml included), and what in
/// keys.yaml or config.yaml was not taken.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Alle opdrachten met hun toetsen tonen (met de eigen toetsen uit keys.yaml).",
        discussion: "Eigen toetsen: \(UserConfig.folder().path)/keys.yaml, bv. 'review.besluit: B' of 'ga.omlaag: [j, down]'."
    )

    func run() throws {
        let config = UserConfig.current
        config.reportProblems()
        print(config.keymap.listing, terminator: "")
    }
}

/// A one-line error for the user; ArgumentParser prints it as "Error: ..." and exits non-zero.
struct ValidationFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
