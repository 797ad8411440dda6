import ArgumentParser
import DialoogModel
import DialoogUI
import Foundation
import NCursesBackend

@main
struct HtnoDialoog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "htno-dialoog",
        abstract: "Terminal dashboard for the permanent dialogue of the sac htno: pilot goals, regions, cases and the 2023 cycle.",
        discussion: "Keys: arrows or h/j/k/l move, Enter opens, Esc goes back, Tab switches pane, / searches, ? shows every key, q quits.",
        version: "htno-dialoog 0.1.0"
    )

    @Option(name: .long, help: ArgumentHelp("Directory with the data files.", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Theme name in themes/ or path to a theme file.", valueName: "NAME"))
    var theme = "default"

    @Flag(name: .long, help: "Draw boxes and markers with ASCII characters only.")
    var ascii = false

    @Flag(name: .long, help: "Load and validate the data, print a summary and exit (needs no terminal).")
    var check = false

    mutating func run() throws {
        let dataDirectory = try Resources.dataDirectory(data)
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(directory: dataDirectory)
        } catch {
            throw ValidationFailure(message: error.description)
        }
        if check {
            print(Summary.text(of: dataset, in: dataDirectory))
            return
        }
        let (loadedTheme, themeWarning) = Resources.theme(named: theme)
        let exitCode = try Dashboard.run(dataset: dataset, theme: loadedTheme, forceASCII: ascii, startupMessage: themeWarning)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

/// A one-line error for the user; ArgumentParser prints it as "Error: ..." and exits non-zero.
struct ValidationFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
