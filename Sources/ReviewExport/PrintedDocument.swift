import Foundation

/// A PDF printed from an HTML page by headless Chromium (Debian's `chromium`), exactly as the browser prints
/// it: the page's own print style decides the pages. The page is written to a private folder first, so the
/// browser reads a file and fetches nothing; its profile lives there too and goes with it.
enum PrintedDocument {
    /// Names the browser goes by, in the order they are tried on PATH.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// A browser that hangs (a broken install, a full disk) is stopped after this long.
    static let timeout: TimeInterval = 120

    static func write(html: String, to path: String) throws(ExportFailure) {
        guard let browser = browser(onPath: ProcessInfo.processInfo.environment["PATH"] ?? "") else {
            throw ExportFailure(path, "voor een PDF is Chromium nodig (scripts/setup installeert het Debian-pakket chromium), of schrijf .html")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("htno-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("hand-out.html")
        let printed = folder.appendingPathComponent("hand-out.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: page)
        } catch {
            throw ExportFailure(path, "geen tijdelijke map voor de PDF (\(FileManager.default.temporaryDirectory.path))")
        }
        let outcome = run(browser, arguments: arguments(page: page, output: printed, profile: folder.appendingPathComponent("profiel")))
        guard let data = try? Data(contentsOf: printed), data.starts(with: Data("%PDF-".utf8)) else {
            let reason = switch outcome {
            case .exited(0): "het schreef geen PDF"
            case .exited(let status): "stopte met code \(status)"
            case .timedOut: "antwoordde niet binnen \(Int(timeout)) seconden"
            case .couldNotStart: "\(browser) kon niet starten"
            }
            throw ExportFailure(path, "Chromium maakte er geen PDF van (\(reason))")
        }
        try ExportFile.write(data, to: path)
    }

    static func browser(onPath path: String) -> String? {
        let folders = path.split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }

    /// No header or footer of the browser's own (date, file path), no first-run work; the sandbox only where
    /// Chromium refuses it (as root).
    private static func arguments(page: URL, output: URL, profile: URL) -> [String] {
        ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--no-pdf-header-footer",
         "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)"]
            + (getuid() == 0 ? ["--no-sandbox"] : []) + [page.absoluteString]
    }

    private enum Outcome {
        case exited(Int32)
        case timedOut
        case couldNotStart
    }

    /// Runs the browser without its chatter (D-Bus and GPU warnings on every run), stopping it after `timeout`:
    /// politely, then for good.
    private static func run(_ browser: String, arguments: [String]) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .couldNotStart
        }
        guard finished.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            return .timedOut
        }
        return .exited(process.terminationStatus)
    }
}
