import ArgumentParser
import DialoogModel
import DialoogUI
import Foundation
import ReviewExport
import ReviewStore

@main
struct HtnoDialoog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "htno-dialoog",
        abstract: "Terminal dashboard for the permanent dialogue of the sac htno: pilot goals, regions, cases, the 2023 cycle and their review.",
        version: "htno-dialoog 0.2.0",
        subcommands: [Browse.self, Present.self, Export.self],
        defaultSubcommand: Browse.self
    )
}

/// Options every subcommand shares: where the data and the review database are, and who is working.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory with the data files (default: the bundled sample-data).", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Review database (default: $XDG_DATA_HOME/htno-dialoog/review.sqlite).", valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Author of notes and edits (default: the login name).", valueName: "NAME"))
    var user: String?

    @Flag(name: .long, help: "Open the review database read-only: show statuses and notes, change nothing.")
    var readOnly = false

    func loadDataset() throws -> (Dataset, URL) {
        let directory = try Resources.dataDirectory(data)
        do {
            return (try DatasetLoader.load(directory: directory), directory)
        } catch {
            throw ValidationFailure(message: error.description)
        }
    }

    var databasePath: String { db ?? ReviewDatabase.defaultPath(environment: ProcessInfo.processInfo.environment) }

    var author: String { user ?? Resources.loginName() }

    /// Opens the review database: the session and what to say about it once (new file, read-only and why).
    /// A database that cannot be used (corrupt, a folder, a folder that does not exist) stops the program
    /// with one line; only the default folder is created by itself.
    func reviewSession(busyWaiting: BusyWaiting) throws -> (ReviewSession, notice: String?) {
        do {
            let database = try ReviewDatabase(path: databasePath, readOnly: readOnly, createsDirectory: db == nil, busyWaiting: busyWaiting)
            return (ReviewSession(repository: database, author: author, export: Browse.exportToCurrentDirectory), database.notice)
        } catch let fault as ReviewDatabaseFault {
            throw ValidationFailure(message: fault.description)
        } catch {
            throw ValidationFailure(message: "\(databasePath): \(error)")
        }
    }
}

/// How the dashboard is drawn.
struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Theme name in themes/ (default, light, projector, colorblind, mono) or a theme file.", valueName: "NAME"))
    var theme = "default"

    @Flag(name: .long, help: "Draw boxes and markers with ASCII characters only.")
    var ascii = false

    /// Runs the dashboard; exits non-zero after a signal. A terminal that cannot address the cursor
    /// (TERM=dumb) gets the table as plain text instead.
    func run(dataset: Dataset, common: CommonOptions, presenting: Presenter?) throws {
        // Until the terminal is up, a wait for a busy database is told on standard error.
        let busyWaiting = BusyWaiting()
        busyWaiting.onWait { FileHandle.standardError.write(Data("htno-dialoog: wachten op de database… (een ander proces schrijft)\n".utf8)) }
        let (session, databaseNotice) = try common.reviewSession(busyWaiting: busyWaiting)
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" {
            let snapshot = (try? session.repository.load()) ?? .empty
            print(ReviewExporter.export(dataset, review: snapshot, format: .text, exportedAt: Date()), terminator: "")
            return
        }
        let exitCode = try Dashboard.run(dataset: dataset, themeName: theme, forceASCII: ascii,
                                         warnings: [databaseNotice].compactMap { $0 }, review: session, busyWaiting: busyWaiting,
                                         presenting: presenting)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse and review the table in the terminal (the default).",
        discussion: "Keys: arrows or h/j/k/l move, Enter opens, Esc goes back, Tab switches pane, / searches, s sets a status, a adds a note, u undoes, ? shows every key, q quits."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Load and validate the data, print a summary and exit (needs no terminal).")
    var check = false

    mutating func run() throws {
        let (dataset, directory) = try common.loadDataset()
        if check {
            print(Summary.text(of: dataset, in: directory))
            return
        }
        try display.run(dataset: dataset, common: common, presenting: nil)
    }

    /// The `E` key (Markdown) and `:export FORMAT`: a file in the current directory.
    @Sendable static func exportToCurrentDirectory(_ dataset: Dataset, _ review: ReviewSnapshot, _ formatName: String) throws -> String {
        let now = Date()
        let format = ReviewExporter.Format(rawValue: formatName) ?? .markdown
        let suffix = [ReviewExporter.Format.markdown: "md", .csv: "csv", .json: "json", .text: "txt"][format] ?? "txt"
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("htno-review-\(DueDate.string(from: now)).\(suffix)")
        try ReviewExporter.export(dataset, review: review, format: format, exportedAt: now).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Presenter mode for a projector: one goal, column, region or month per slide.",
        discussion: """
        Decks: doelen (the six goals), doel-N (a goal and its four columns), landsdeel-NAAM (noord, noordwest, zuidwest, \
        oost, zuidoost: the cases goal by goal), cyclus (the 2023 timeline and its months), or a deck file in sample-data/decks/. \
        Keys: Space, →, PageDown next; ←, PageUp back; g/G first/last; a number (and Enter) jumps; b blanks; T theme; \
        Esc browses at the current slide; q quits.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: ArgumentHelp("Deck name or deck file.", valueName: "DECK"))
    var deck = "doelen"

    @Option(name: .long, help: ArgumentHelp("Go to the next slide by itself every DURATION (20s, 1m, 90), for an unattended screen.", valueName: "DURATION"))
    var auto: AutoAdvance?

    @Option(name: .long, help: ArgumentHelp("Slide to start at (1 is the first).", valueName: "N"))
    var start = 1

    mutating func run() throws {
        let (dataset, directory) = try common.loadDataset()
        let loaded: Deck
        do {
            loaded = try DeckLoader.deck(named: deck, decksDirectory: directory.appendingPathComponent("decks"), dataset: dataset)
        } catch {
            throw ValidationFailure(message: error.description)
        }
        try display.run(dataset: dataset, common: common,
                        presenting: Presenter(deck: loaded, startingAt: start - 1, autoAdvance: auto?.seconds))
    }
}

/// A duration such as `20s`, `2m` or `45` (seconds).
struct AutoAdvance: ExpressibleByArgument {
    let seconds: TimeInterval

    init?(argument: String) {
        let text = argument.lowercased()
        let (number, unit): (Substring, Double) = text.hasSuffix("m") ? (text.dropLast(), 60) : (text.hasSuffix("s") ? text.dropLast() : Substring(text), 1)
        guard let value = Double(number), value > 0 else { return nil }
        seconds = value * unit
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the table with statuses, notes, decisions and action items (Markdown in the layout of Bijlage 1, CSV or JSON)."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "markdown, csv, json or text.")
    var format: ReviewExporter.Format = .markdown

    @Option(name: [.short, .long], help: ArgumentHelp("File to write (default: standard output).", valueName: "FILE"))
    var output: String?

    mutating func run() throws {
        let (dataset, _) = try common.loadDataset()
        let snapshot: ReviewSnapshot
        do {
            // Before the dashboard was ever opened there is no review yet: the table exports without one.
            let nothingReviewedYet = common.db == nil && !FileManager.default.fileExists(atPath: common.databasePath)
            snapshot = nothingReviewedYet ? .empty : try ReviewDatabase(path: common.databasePath, readOnly: true).load()
        } catch let fault as ReviewDatabaseFault {
            throw ValidationFailure(message: fault.description)
        } catch {
            throw ValidationFailure(message: "\(common.databasePath): \(error)")
        }
        let text = ReviewExporter.export(dataset, review: snapshot, format: format, exportedAt: Date())
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}

extension ReviewExporter.Format: ExpressibleByArgument {}

/// A one-line error for the user; ArgumentParser prints it as "Error: ..." and exits non-zero.
struct ValidationFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
