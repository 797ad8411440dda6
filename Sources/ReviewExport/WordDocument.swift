import Foundation

/// A Word document made by pandoc from the Markdown of an export: real headings, lists and tables.
enum WordDocument {
    /// Writes beside `path` and renames, so a failed conversion never leaves half a document in its place.
    static func write(markdown: String, to path: String) throws(ExportFailure) {
        guard let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ExportFailure(path, "pandoc is niet geïnstalleerd (nodig voor .docx; scripts/setup installeert het), of schrijf .md")
        }
        let partial = ExportFile.partialPath(for: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        // Without "smart": the sources' own apostrophes and quotes ("thema' s") stay as printed, not curled.
        process.arguments = ["--from", "markdown-smart", "--to", "docx", "--output", partial]
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
        } catch {
            throw ExportFailure(path, "pandoc kon niet starten")
        }
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw ExportFailure(path, "pandoc kon er geen Word-document van maken (code \(process.terminationStatus))")
        }
        try ExportFile.put(partial, at: path)
    }
}
